/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `ladder-cli log`: quick capture into a profile that a running app has
 * open. The app's side is a library loaded in this process, watching its
 * folder as the app's does, with a change of its own not yet written;
 * ladder-cli runs beside it. Both entries end up in the file, whichever
 * writes first. Errors say what was wrong.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ladder-core.h"
#include "core-helpers.h"

#define ALEX_ID "0b6f1f8e-3c1a-4a55-9d7e-2f6f0c9a1b11"

typedef struct
{
  LadderLibrary *library;   /* the app's, loaded and watching */
  LadderProfile *profile;   /* Alex Doe, in it */
  char          *path;      /* its file */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) directory = ladder_library_get_default_directory ();
  g_autofree char *profiles = g_build_filename (g_file_peek_path (directory), "profiles", NULL);
  g_autofree char *contents = core_read_fixture ("profile.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (profiles, 0700));
  fixture->path = g_build_filename (profiles, "alex.json", NULL);
  core_write_file (fixture->path, contents);

  fixture->library = ladder_library_new (NULL);
  ladder_library_load (fixture->library, NULL, &error);
  g_assert_no_error (error);
  fixture->profile = g_object_ref (ladder_library_find_profile (fixture->library, ALEX_ID));
  g_assert_nonnull (fixture->profile);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->profile);
  g_clear_object (&fixture->library);
  g_free (fixture->path);
}

static LadderEvidence *
find_titled (LadderProfile *profile,
             const char    *title)
{
  GListModel *evidence = ladder_profile_get_evidence (profile);

  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(LadderEvidence) entry = g_list_model_get_item (evidence, i);

      if (g_strcmp0 (ladder_evidence_get_title (entry), title) == 0)
        return entry;
    }

  return NULL;
}

/* The profile as its file holds it now. */
static LadderProfile *
read_back (Fixture *fixture)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  LadderProfile *profile = ladder_format_load_profile (file, NULL, &error);

  g_assert_no_error (error);

  return profile;
}

/* Runs the main loop until the watch has merged @title in; a hang ends
 * the test rather than wait for ever. */
static void
wait_for_merge (Fixture    *fixture,
                const char *title)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (find_titled (fixture->profile, title) == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The library never merged “%s” in", title);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* ladder-cli with this test's data folder for the user's. */
static GSubprocessLauncher *
launcher_for_library (void)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (0);

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);

  return launcher;
}

static void
add_ours (Fixture *fixture)
{
  g_autoptr(LadderEvidence) ours = ladder_evidence_new (NULL);

  ladder_evidence_set_title (ours, "Ours, not yet saved");
  ladder_profile_add_evidence (fixture->profile, ours);
}

static void
assert_both_on_disk (Fixture *fixture)
{
  g_autoptr(LadderProfile) on_disk = read_back (fixture);

  g_assert_nonnull (find_titled (on_disk, "Ours, not yet saved"));
  g_assert_nonnull (find_titled (on_disk, "Shipped the retry policy"));
}

/* ladder-cli writes while the app holds an unsaved entry; the watch
 * merges its entry in, and the app's save keeps both. */
static void
test_log_beside_app (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CoreRun) run = NULL;
  g_autoptr(GError) error = NULL;
  LadderEvidence *theirs;
  const char * const *links;
  g_autofree char *day = NULL;
  guint n_before = g_list_model_get_n_items (ladder_profile_get_evidence (fixture->profile));

  add_ours (fixture);

  run = core_run_cli (NULL, "log", fixture->path, "Shipped the retry policy",
                      "--body", "Cut retries by <half>.",
                      "--behaviour", "2-mastery-2",
                      "--behaviour", "delivers features",
                      "--behaviour", "designs small",
                      "--tag", "launch", "--tag", "q4",
                      "--link", "https://example.com/pr/12",
                      "--date", "2026-11-20", NULL);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, "Added “Shipped the retry policy” to Alex Doe.\n");

  wait_for_merge (fixture, "Shipped the retry policy");
  theirs = find_titled (fixture->profile, "Shipped the retry policy");
  g_assert_cmpstr (ladder_evidence_get_body (theirs), ==, "Cut retries by <half>.");
  g_assert_cmpstrv (ladder_evidence_get_behaviours (theirs),
                    ((const char * const []) { "2-mastery-2", "2-impact-1", NULL }));
  g_assert_cmpstrv (ladder_evidence_get_tags (theirs),
                    ((const char * const []) { "launch", "q4", NULL }));
  links = ladder_evidence_get_links (theirs);
  g_assert_cmpstrv (links, ((const char * const []) { "https://example.com/pr/12", NULL }));
  day = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (ladder_evidence_get_date (theirs)),
                         g_date_get_month (ladder_evidence_get_date (theirs)),
                         g_date_get_day (ladder_evidence_get_date (theirs)));
  g_assert_cmpstr (day, ==, "2026-11-20");
  /* Ours is still there, and nothing else came or went. */
  g_assert_nonnull (find_titled (fixture->profile, "Ours, not yet saved"));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (fixture->profile)), ==,
                    n_before + 2);

  ladder_library_save_profile (fixture->library, fixture->profile, NULL, &error);
  g_assert_no_error (error);
  assert_both_on_disk (fixture);
}

/* The app saves right after ladder-cli wrote, before its watch says so:
 * the save merges the file in first. The profile named by name, as a
 * person types it, from the library of the user's data folder. */
static void
test_log_then_app_saves (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = launcher_for_library ();
  g_autoptr(CoreRun) run = NULL;
  g_autoptr(GError) error = NULL;

  add_ours (fixture);
  run = core_run_cli (launcher, "log", "alex doe", "Shipped the retry policy", NULL);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpint (run->status, ==, 0);

  ladder_library_save_profile (fixture->library, fixture->profile, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_titled (fixture->profile, "Shipped the retry policy"));
  assert_both_on_disk (fixture);
}

/* The app writes its entry first; ladder-cli reads what is there then,
 * and adds to it. */
static void
test_log_after_app_saved (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GSubprocessLauncher) launcher = launcher_for_library ();
  g_autoptr(CoreRun) run = NULL;
  g_autoptr(GError) error = NULL;

  add_ours (fixture);
  ladder_library_save_profile (fixture->library, fixture->profile, NULL, &error);
  g_assert_no_error (error);

  run = core_run_cli (launcher, "log", ALEX_ID, "Shipped the retry policy", NULL);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpint (run->status, ==, 0);
  assert_both_on_disk (fixture);
  wait_for_merge (fixture, "Shipped the retry policy");
}

/* A profile file outside any library is added to where it is. */
static void
test_log_outside_library (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "alex-copy.json", NULL);
  g_autofree char *contents = core_read_fixture ("profile.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(CoreRun) run = NULL;
  g_autoptr(GError) error = NULL;

  core_write_file (path, contents);
  run = core_run_cli (NULL, "log", path, "Mentored a new hire", "--tag", "people", NULL);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpint (run->status, ==, 0);

  profile = ladder_format_load_profile (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find_titled (profile, "Mentored a new hire"));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==,
                    g_list_model_get_n_items (ladder_profile_get_evidence (fixture->profile)) + 1);
  /* The library's copy is another file, untouched. */
  g_assert_null (find_titled (fixture->profile, "Mentored a new hire"));

  core_remove_tree (dir);
}

static void
assert_refused (Fixture    *fixture,
                CoreRun    *run,
                int         status,
                const char *message)
{
  g_autofree char *after = core_read_file (fixture->path, NULL);
  g_autofree char *before = core_read_fixture ("profile.json", NULL);

  if (strstr (run->err, message) == NULL)
    g_error ("“%s” does not say “%s”", run->err, message);
  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->out, ==, "");
  /* Nothing written. */
  g_assert_cmpstr (after, ==, before);
}

static void
test_log_errors (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CoreRun) unknown = NULL;
  g_autoptr(CoreRun) several = NULL;
  g_autoptr(CoreRun) nothing_near = NULL;
  g_autoptr(CoreRun) link = NULL;
  g_autoptr(CoreRun) date = NULL;
  g_autoptr(CoreRun) nobody = NULL;
  g_autoptr(GSubprocessLauncher) launcher = launcher_for_library ();

  /* A behaviour that is not there: the ones it could have meant. */
  unknown = core_run_cli (NULL, "log", fixture->path, "Title", "--behaviour", "2-mastery-9", NULL);
  assert_refused (fixture, unknown, 1,
                  "“2-mastery-9” is no behaviour of “Backend Engineering”. Near it:\n"
                  "  2-mastery-1  Reviews code with care.\n"
                  "  2-mastery-2  Designs small services.\n");

  unknown = (core_run_free (unknown), core_run_cli (NULL, "log", fixture->path, "Title",
                                                    "--behaviour", "reviews design", NULL));
  assert_refused (fixture, unknown, 1, "Near it:\n  2-mastery-1  Reviews code with care.\n"
                                       "  2-mastery-2  Designs small services.\n");

  /* Words that match more than one: which, by id. */
  several = core_run_cli (NULL, "log", fixture->path, "Title", "--behaviour", "team", NULL);
  assert_refused (fixture, several, 1,
                  "“team” matches 2 behaviours of “Backend Engineering”; name one by its id:\n"
                  "  3-mastery-1  Sets the technical direction of a team.\n"
                  "  3-impact-1  Leads projects across teams.\n");

  nothing_near = core_run_cli (NULL, "log", fixture->path, "Title", "--behaviour", "juggling", NULL);
  assert_refused (fixture, nothing_near, 1, "“juggling” is no behaviour of “Backend Engineering”, "
                                            "nor words of one");

  /* A link Ladder would not open, as validate warns of it. */
  link = core_run_cli (NULL, "log", fixture->path, "Title", "--link", "javascript:alert(1)", NULL);
  assert_refused (fixture, link, 2, "“javascript:alert(1)” would not open from Ladder or its "
                                    "PDF summary: only whole web (http, https) and email "
                                    "(mailto) links do.");

  date = core_run_cli (NULL, "log", fixture->path, "Title", "--date", "20/11/2026", NULL);
  assert_refused (fixture, date, 2, "“20/11/2026” is not a day in the form YYYY-MM-DD.");

  nobody = core_run_cli (launcher, "log", "Sam Nobody", "Title", NULL);
  assert_refused (fixture, nobody, 1, "“Sam Nobody” is neither a profile file nor a profile of "
                                      "the library in ");
  g_assert_nonnull (strstr (nobody->err, ". Its profiles are:\n  Alex Doe (" ALEX_ID ")\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/ladder/cli/log/beside-app", Fixture, NULL, fixture_set_up,
              test_log_beside_app, fixture_tear_down);
  g_test_add ("/ladder/cli/log/then-app-saves", Fixture, NULL, fixture_set_up,
              test_log_then_app_saves, fixture_tear_down);
  g_test_add ("/ladder/cli/log/after-app-saved", Fixture, NULL, fixture_set_up,
              test_log_after_app_saved, fixture_tear_down);
  g_test_add ("/ladder/cli/log/outside-library", Fixture, NULL, fixture_set_up,
              test_log_outside_library, fixture_tear_down);
  g_test_add ("/ladder/cli/log/errors", Fixture, NULL, fixture_set_up,
              test_log_errors, fixture_tear_down);

  return g_test_run ();
}
