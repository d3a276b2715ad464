/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importer of text copied from web pages, on any bytes. What it
 * accepts must be a framework that the framework writer and reader agree
 * on.
 */

#include "config.h"

#include "fuzz-common.h"

/* Reading back what was imported costs three times the import itself, so
 * it is asked for (LADDER_FUZZ_ROUND_TRIP=1) rather than always done. */
static gboolean fuzz_round_trip;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_glib ();
  fuzz_round_trip = g_getenv ("LADDER_FUZZ_ROUND_TRIP") != NULL;

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  LadderImportOptions options = { .format = LADDER_IMPORT_FORMAT_TEXT };
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  gsize length = 0;

  framework = ladder_import_data ((const char *) data, size, "fuzz.txt", &options,
                                  &report, &error);
  if (framework == NULL)
    {
      g_assert (error != NULL && g_str_has_prefix (error->message, "fuzz.txt:"));
      return 0;
    }

  g_assert (error == NULL);
  written = ladder_format_write_framework (framework, &length);
  if (fuzz_round_trip)
    fuzz_check_rewrite (written, length, FALSE);

  return 0;
}
