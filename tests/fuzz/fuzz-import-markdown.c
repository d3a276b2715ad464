/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Markdown importer and the progression-framework importer (YAML
 * front matter through libyaml), on any bytes: each input goes through
 * both, and through the detection that picks between them.
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

static void
import_as (const uint8_t      *data,
           size_t              size,
           LadderImportFormat  format)
{
  LadderImportOptions options = { .format = format };
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  gsize length = 0;

  framework = ladder_import_data ((const char *) data, size, "fuzz.md", &options,
                                  &report, &error);
  if (framework == NULL)
    {
      g_assert (error != NULL && g_str_has_prefix (error->message, "fuzz.md:"));
      return;
    }

  g_assert (error == NULL);
  written = ladder_format_write_framework (framework, &length);
  if (fuzz_round_trip)
    fuzz_check_rewrite (written, length, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  LadderImportFormat detected;

  import_as (data, size, LADDER_IMPORT_FORMAT_MARKDOWN);
  import_as (data, size, LADDER_IMPORT_FORMAT_PROGRESSION);

  /* JSON is the framework loader's target; text the text importer's. */
  detected = ladder_import_detect_format ((const char *) data, size);
  g_assert (detected != LADDER_IMPORT_FORMAT_AUTO);

  return 0;
}
