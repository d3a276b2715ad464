/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The framework loader, on any bytes. What it accepts must be written
 * back in a form it accepts again, byte for byte the same the second time.
 */

#include "config.h"

#include "fuzz-common.h"

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
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  gsize length = 0;

  framework = ladder_format_read_framework ((const char *) data, size, "fuzz.json", &error);
  if (framework == NULL)
    {
      g_assert (error != NULL && g_str_has_prefix (error->message, "fuzz.json:"));
      return 0;
    }

  g_assert (error == NULL);
  written = ladder_format_write_framework (framework, &length);
  fuzz_check_rewrite (written, length, FALSE);

  return 0;
}
