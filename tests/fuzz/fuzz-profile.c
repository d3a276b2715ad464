/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The profile loader (with its embedded framework) and the reader of a
 * draft check-in (a file the library keeps beside the profiles), on any
 * bytes. What either accepts must be written back in a form it accepts
 * again, byte for byte the same the second time.
 */

#include "config.h"

#include "fuzz-common.h"

/* The profile a draft is read for when the input is not a profile. */
static LadderProfile *fixture;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  fuzz_init_glib ();

  if (!g_file_get_contents (FUZZ_FIXTURE_PROFILE, &contents, &length, &error) ||
      (fixture = ladder_format_read_profile (contents, length, FUZZ_FIXTURE_PROFILE,
                                             &error)) == NULL)
    g_error ("%s", error->message);

  return 0;
}

/* @data as a draft check-in of @profile. */
static void
fuzz_draft (const uint8_t *data,
            size_t         size,
            LadderProfile *profile)
{
  LadderFramework *framework = ladder_profile_get_framework (profile);
  g_autoptr(LadderCheckin) checkin = NULL;
  g_autoptr(LadderCheckin) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  gsize length = 0;
  gsize rewritten_length = 0;

  checkin = ladder_format_read_checkin ((const char *) data, size, "draft.json",
                                        ladder_profile_get_id (profile), framework, &error);
  if (checkin == NULL)
    {
      g_assert (error != NULL && g_str_has_prefix (error->message, "draft.json:"));
      return;
    }

  written = ladder_format_write_checkin (profile, checkin, &length);
  again = ladder_format_read_checkin (written, length, "rewritten",
                                      ladder_profile_get_id (profile), framework, &error);
  if (again == NULL)
    g_error ("The writer's output was refused: %s\n%s", error->message, written);

  rewritten = ladder_format_write_checkin (profile, again, &rewritten_length);
  if (rewritten_length != length || memcmp (rewritten, written, length) != 0)
    g_error ("Writing what was read back gave other bytes:\n%s\n---\n%s", written, rewritten);
}

/* ladder-cli validate's warnings: one per link of @profile that Ladder
 * will not open, each naming the input and a position. */
static void
fuzz_unsafe_links (const uint8_t *data,
                   size_t         size,
                   LadderProfile *profile)
{
  GListModel *evidence = ladder_profile_get_evidence (profile);
  g_auto(GStrv) warnings = ladder_format_list_unsafe_links ((const char *) data, size, "fuzz.json");
  guint n_unsafe = 0;

  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(LadderEvidence) entry = g_list_model_get_item (evidence, i);
      const char * const *links = ladder_evidence_get_links (entry);

      for (guint j = 0; links[j] != NULL; j++)
        n_unsafe += !ladder_uri_is_safe (links[j]);
    }

  if (g_strv_length (warnings) != n_unsafe)
    g_error ("%u unsafe links, %u warnings", n_unsafe, g_strv_length (warnings));
  for (guint i = 0; warnings[i] != NULL; i++)
    g_assert (g_str_has_prefix (warnings[i], "fuzz.json:"));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  gsize length = 0;

  profile = ladder_format_read_profile ((const char *) data, size, "fuzz.json", &error);
  if (profile == NULL)
    {
      g_assert (error != NULL && g_str_has_prefix (error->message, "fuzz.json:"));
      fuzz_draft (data, size, fixture);
      return 0;
    }

  g_assert (error == NULL);
  fuzz_unsafe_links (data, size, profile);
  written = ladder_format_write_profile (profile, &length);
  fuzz_check_rewrite (written, length, TRUE);
  fuzz_draft (data, size, profile);

  return 0;
}
