/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CSV and TSV reader on any
 * valid UTF-8, as the importer hands it on: the outline must come out
 * whole, whatever the bytes.
 */

#include "config.h"

#include "fuzz-common.h"
#include "ladder-import-outline-private.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_glib ();

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(LadderOutline) outline = NULL;
  g_autofree char *printed = NULL;

  /* The importer refuses anything else before a reader sees it. */
  if (!g_utf8_validate_len ((const char *) data, size, NULL))
    return 0;

  outline = _ladder_outline_new ();
  _ladder_outline_read_csv (outline, (const char *) data, size);
  printed = _ladder_outline_to_string (outline);
  g_assert (printed != NULL);

  return 0;
}
