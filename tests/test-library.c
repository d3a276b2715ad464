/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>

#include <glib/gstdio.h>

#include "ladder-core.h"
#include "core-helpers.h"

/* A line 3 without its comma: the error is at 3:15, just after the "1". */
#define ALEX_ID "0b6f1f8e-3c1a-4a55-9d7e-2f6f0c9a1b11"
#define NEWER_ID "5d9e2c71-8a43-4f0e-b6d2-7c1e9a3f4b22"

#define BROKEN_PROFILE \
  "{\n" \
  "  \"format\": \"ladder-profile\",\n" \
  "  \"version\": 1\n" \
  "  \"id\": \"broken\"\n" \
  "}\n"

typedef struct
{
  GFile *directory;
  char  *dir;            /* its path */
  char  *alex;           /* profiles/alex.json */
  char  *broken;         /* profiles/broken.json */
  char  *newer;          /* profiles/newer.json */
  char  *newer_contents;
  guint  n_bundled;
} Fixture;

static guint
count_bundled (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children (LADDER_BUNDLED_FRAMEWORKS_PATH, 0, NULL);
  guint n = 0;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".json"))
      n++;

  return n;
}

/* The data folder of the test's own XDG_DATA_HOME, with a framework, a
 * profile, a broken profile, a profile of a newer version and files that
 * are not profiles. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *framework = core_read_fixture ("framework.json", NULL);
  g_autofree char *profile = core_read_fixture ("profile.json", NULL);
  g_autofree char *newer_step1 = NULL;
  g_autofree char *newer_step2 = NULL;
  g_autofree char *path = NULL;

  fixture->directory = ladder_library_get_default_directory ();
  fixture->dir = g_file_get_path (fixture->directory);
  g_assert_true (g_str_has_prefix (fixture->dir, g_get_user_data_dir ()));

  path = g_build_filename (fixture->dir, "frameworks", "acme-backend.json", NULL);
  core_write_file (path, framework);

  fixture->alex = g_build_filename (fixture->dir, "profiles", "alex.json", NULL);
  core_write_file (fixture->alex, profile);

  fixture->broken = g_build_filename (fixture->dir, "profiles", "broken.json", NULL);
  core_write_file (fixture->broken, BROKEN_PROFILE);

  newer_step1 = core_replace_once (profile, "\"version\" : 1,", "\"version\" : 2,");
  newer_step2 = core_replace_once (newer_step1, ALEX_ID, NEWER_ID);
  fixture->newer_contents = core_replace_once (newer_step2, "\"Alex Doe\"", "\"Blake Newer\"");
  fixture->newer = g_build_filename (fixture->dir, "profiles", "newer.json", NULL);
  core_write_file (fixture->newer, fixture->newer_contents);

  /* Not profiles: notes, a backup, the temporary file of a save. */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (fixture->dir, "profiles", "notes.txt", NULL);
  core_write_file (path, "not json");
  g_clear_pointer (&path, g_free);
  path = g_build_filename (fixture->dir, "profiles", "alex.json~", NULL);
  core_write_file (path, "{");
  g_clear_pointer (&path, g_free);
  path = g_build_filename (fixture->dir, "profiles", ".alex.json.ladder-X1Y2Z3", NULL);
  core_write_file (path, "{");

  fixture->n_bundled = count_bundled ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  core_remove_tree (fixture->dir);
  g_clear_object (&fixture->directory);
  g_free (fixture->dir);
  g_free (fixture->alex);
  g_free (fixture->broken);
  g_free (fixture->newer);
  g_free (fixture->newer_contents);
}

static LadderLibrary *
load_library (Fixture *fixture)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_equal (ladder_library_get_directory (library), fixture->directory));
  g_assert_true (ladder_library_load (library, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&library);
}

static void
assert_broken_file_reported (Fixture       *fixture,
                             LadderLibrary *library)
{
  GListModel *errors = ladder_library_get_errors (library);
  g_autoptr(LadderLoadError) load_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (errors), ==, 1);
  load_error = g_list_model_get_item (errors, 0);
  path = g_file_get_path (ladder_load_error_get_file (load_error));
  g_assert_cmpstr (path, ==, fixture->broken);

  prefix = g_strconcat (fixture->broken, ":3:15: ", NULL);
  g_assert_error ((GError *) ladder_load_error_get_error (load_error),
                  LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (ladder_load_error_get_error (load_error)->message, prefix));

  /* The file stays as it was. */
  contents = core_read_file (fixture->broken, NULL);
  g_assert_cmpstr (contents, ==, BROKEN_PROFILE);
}

static void
assert_loaded (Fixture       *fixture,
               LadderLibrary *library)
{
  GListModel *frameworks = ladder_library_get_frameworks (library);
  GListModel *profiles = ladder_library_get_profiles (library);
  g_autoptr(LadderFramework) last = NULL;
  g_autoptr(LadderProfile) first = NULL;
  g_autoptr(LadderProfile) second = NULL;
  guint n = g_list_model_get_n_items (frameworks);

  /* Bundled first, in name order, then the imported one. */
  g_assert_cmpuint (fixture->n_bundled, >=, 1);
  g_assert_cmpuint (n, ==, fixture->n_bundled + 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderFramework) framework = g_list_model_get_item (frameworks, i);

      g_assert_cmpint (ladder_library_is_bundled (library, framework), ==, i < fixture->n_bundled);

      if (i > 0 && i < fixture->n_bundled)
        {
          g_autoptr(LadderFramework) previous = g_list_model_get_item (frameworks, i - 1);

          g_assert_cmpint (g_utf8_collate (ladder_framework_get_name (previous),
                                           ladder_framework_get_name (framework)), <=, 0);
        }
    }
  last = g_list_model_get_item (frameworks, n - 1);
  g_assert_cmpstr (ladder_framework_get_id (last), ==, "acme-backend");
  g_assert_true (ladder_library_find_framework (library, "acme-backend") == last);
  g_assert_null (ladder_library_find_framework (library, "nope"));

  /* Two profiles in name order; the newer one read-only. */
  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 2);
  first = g_list_model_get_item (profiles, 0);
  second = g_list_model_get_item (profiles, 1);
  g_assert_cmpstr (ladder_profile_get_name (first), ==, "Alex Doe");
  g_assert_cmpstr (ladder_profile_get_name (second), ==, "Blake Newer");
  g_assert_false (ladder_profile_get_read_only (first));
  g_assert_true (ladder_profile_get_read_only (second));
  g_assert_true (ladder_library_find_profile (library, ALEX_ID) == first);

  assert_broken_file_reported (fixture, library);
}

static void
test_load (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = load_library (fixture);

  assert_loaded (fixture, library);

  /* Loading again replaces, never doubles. */
  g_assert_true (ladder_library_load (library, NULL, NULL));
  assert_loaded (fixture, library);
}

typedef struct
{
  guint    frameworks;
  guint    profiles;
  guint    errors;
  gboolean done;
  gboolean result;
  GError  *error;
} AsyncState;

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *counter)
{
  (*counter)++;
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncState *state = user_data;

  state->result = ladder_library_load_finish (LADDER_LIBRARY (object), result, &state->error);
  state->done = TRUE;
}

static void
test_load_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  AsyncState state = { 0, };

  g_signal_connect (ladder_library_get_frameworks (library), "items-changed",
                    G_CALLBACK (count_changes_cb), &state.frameworks);
  g_signal_connect (ladder_library_get_profiles (library), "items-changed",
                    G_CALLBACK (count_changes_cb), &state.profiles);
  g_signal_connect (ladder_library_get_errors (library), "items-changed",
                    G_CALLBACK (count_changes_cb), &state.errors);

  ladder_library_load_async (library, NULL, load_done_cb, &state);
  /* Nothing changes before the main loop runs. */
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_profiles (library)), ==, 0);

  while (!state.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (state.error);
  g_assert_true (state.result);
  assert_loaded (fixture, library);

  /* One splice per store. */
  g_assert_cmpuint (state.frameworks, ==, 1);
  g_assert_cmpuint (state.profiles, ==, 1);
  g_assert_cmpuint (state.errors, ==, 1);
}

static void
test_missing_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) elsewhere = g_file_new_build_filename (fixture->dir, "not", "there", NULL);
  g_autoptr(LadderLibrary) library = ladder_library_new (elsewhere);
  g_autoptr(GError) error = NULL;

  /* Nothing saved yet is not an error. */
  g_assert_true (ladder_library_load (library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_frameworks (library)),
                    ==, fixture->n_bundled);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_profiles (library)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_errors (library)), ==, 0);
}

static void
test_folder_is_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->alex);
  g_autoptr(LadderLibrary) library = ladder_library_new (file);
  g_autoptr(GError) error = NULL;

  g_assert_false (ladder_library_load (library, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_nonnull (strstr (error->message, fixture->alex));
}

static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = load_library (fixture);
  g_autofree char *original = core_read_file (fixture->alex, NULL);
  g_autofree char *backup_path = g_strconcat (fixture->alex, "~", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  LadderProfile *profile;
  GStatBuf st;

  profile = ladder_library_find_profile (library, ALEX_ID);
  ladder_profile_set_role (profile, "Senior Backend Engineer");

  g_assert_true (ladder_library_save_profile (library, profile, NULL, &error));
  g_assert_no_error (error);

  saved = core_read_file (fixture->alex, NULL);
  expected = ladder_format_write_profile (profile, NULL);
  g_assert_cmpstr (saved, ==, expected);
  g_assert_nonnull (strstr (saved, "Senior Backend Engineer"));

  backup = core_read_file (backup_path, NULL);
  g_assert_cmpstr (backup, ==, original);
  g_assert_cmpint (g_stat (backup_path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);

  /* The broken file is still never touched. */
  assert_broken_file_reported (fixture, library);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncState *state = user_data;

  state->result = ladder_library_save_profile_finish (LADDER_LIBRARY (object), result,
                                                      &state->error);
  state->done = TRUE;
}

static void
test_save_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = load_library (fixture);
  g_autofree char *saved = NULL;
  AsyncState state = { 0, };
  LadderProfile *profile;

  profile = ladder_library_find_profile (library, ALEX_ID);
  ladder_profile_set_name (profile, "Alex Q. Doe");

  ladder_library_save_profile_async (library, profile, NULL, save_done_cb, &state);
  /* Serialised already: a change now is not in this save. */
  ladder_profile_set_name (profile, "Changed Later");

  while (!state.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (state.error);
  g_assert_true (state.result);
  saved = core_read_file (fixture->alex, NULL);
  g_assert_nonnull (strstr (saved, "Alex Q. Doe"));
  g_assert_null (strstr (saved, "Changed Later"));
}

static void
test_save_read_only (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = load_library (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *backup = g_strconcat (fixture->newer, "~", NULL);
  AsyncState state = { 0, };
  LadderProfile *profile;

  profile = ladder_library_find_profile (library, NEWER_ID);
  g_assert_nonnull (profile);
  g_assert_true (ladder_profile_get_read_only (profile));

  g_assert_false (ladder_library_save_profile (library, profile, NULL, &error));
  g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, fixture->newer));

  ladder_library_save_profile_async (library, profile, NULL, save_done_cb, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (state.result);
  g_assert_error (state.error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_READ_ONLY);
  g_clear_error (&state.error);

  after = core_read_file (fixture->newer, NULL);
  g_assert_cmpstr (after, ==, fixture->newer_contents);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* Why, for the person: the file, and what to do. */
  g_assert_nonnull (strstr (ladder_profile_get_read_only_reason (profile), fixture->newer));
  g_assert_nonnull (strstr (ladder_profile_get_read_only_reason (profile),
                            "written by a newer version of Ladder"));
}

/* A profile file its owner made read-only stays read-only: the profile
 * opens read-only and says why, from its file and from its cached head
 * alike, and nothing replaces the file (not even as root, who runs the
 * tests and could). */
static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *before = core_read_file (fixture->alex, NULL);
  g_autofree char *backup = g_strconcat (fixture->alex, "~", NULL);

  g_assert_cmpint (g_chmod (fixture->alex, 0400), ==, 0);

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      AsyncState state = { 0, };
      LadderProfile *profile;
      const char *reason;
      GStatBuf st;

      ladder_library_load_async (library, NULL, load_done_cb, &state);
      while (!state.done)
        g_main_context_iteration (NULL, TRUE);
      g_assert_no_error (state.error);
      profile = ladder_library_find_profile (library, ALEX_ID);
      g_assert_nonnull (profile);
      while (ladder_profile_get_loading (profile))
        g_main_context_iteration (NULL, TRUE);

      g_assert_true (ladder_profile_get_read_only (profile));
      reason = ladder_profile_get_read_only_reason (profile);
      g_assert_nonnull (reason);
      g_assert_nonnull (strstr (reason, fixture->alex));
      g_assert_nonnull (strstr (reason, "is read-only"));
      g_assert_nonnull (strstr (reason, "make the file writable"));

      g_assert_false (ladder_library_save_profile (library, profile, NULL, &error));
      g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_READ_ONLY);
      g_assert_cmpstr (error->message, ==, reason);

      after = core_read_file (fixture->alex, NULL);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpint (g_stat (fixture->alex, &st), ==, 0);
      g_assert_cmpuint (st.st_mode & 0777, ==, 0400);
      g_clear_pointer (&after, g_free);
      after = core_read_file (backup, NULL);
      g_assert_cmpstr (after, ==, "{");
    }
}

/* A new profile that would land on the broken file's name is refused:
 * what failed to load is never overwritten. */
static void
test_never_overwrites_broken (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = load_library (fixture);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GFile) broken = g_file_new_for_path (fixture->broken);
  g_autoptr(GError) error = NULL;
  LadderFramework *framework = ladder_library_find_framework (library, "acme-backend");

  profile = ladder_profile_new ("broken", framework);
  ladder_profile_set_file (profile, broken);
  ladder_library_add_profile (library, profile);

  g_assert_false (ladder_library_save_profile (library, profile, NULL, &error));
  g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, fixture->broken));

  assert_broken_file_reported (fixture, library);
}

static void
test_add_profile (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) fresh = g_file_new_build_filename (fixture->dir, "fresh", "ladder", NULL);
  g_autofree char *fresh_path = g_file_get_path (fresh);
  g_autoptr(LadderLibrary) library = load_library (fixture);
  g_autoptr(LadderLibrary) other = ladder_library_new (fresh);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderProfile) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_path = NULL;
  g_autofree char *path = NULL;
  LadderFramework *framework = ladder_library_find_framework (library, "acme-backend");
  GListModel *profiles = ladder_library_get_profiles (library);
  GStatBuf st;

  profile = ladder_sample_profile (framework, 3, 11);
  ladder_profile_set_name (profile, "Aaron Able");

  /* In name order, with a file of its own. */
  ladder_library_add_profile (library, profile);
  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 3);
  item = g_list_model_get_item (profiles, 0);
  g_assert_true (item == profile);
  g_clear_object (&item);

  expected_path = g_strdup_printf ("%s/profiles/%s.json",
                                   fixture->dir, ladder_profile_get_id (profile));
  path = g_file_get_path (ladder_profile_get_file (profile));
  g_assert_cmpstr (path, ==, expected_path);

  /* A rename moves it. */
  ladder_profile_set_name (profile, "Zed Last");
  item = g_list_model_get_item (profiles, 2);
  g_assert_true (item == profile);
  g_clear_object (&item);

  g_assert_true (ladder_library_save_profile (library, profile, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* A data folder that does not exist yet is made, private. */
  g_clear_pointer (&path, g_free);
  ladder_profile_set_file (profile, NULL);
  ladder_library_add_profile (other, profile);
  g_assert_true (ladder_library_save_profile (other, profile, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (fresh_path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0700);
  path = g_file_get_path (ladder_profile_get_file (profile));
  g_assert_true (g_str_has_prefix (path, fresh_path));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
}

static void
test_remove_profile (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = load_library (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *deleted = g_strconcat (fixture->alex, ".deleted", NULL);
  g_autofree char *original = core_read_file (fixture->alex, NULL);
  g_autofree char *moved = NULL;
  LadderProfile *profile;

  profile = ladder_library_find_profile (library, ALEX_ID);
  g_assert_true (ladder_library_remove_profile (library, profile, &error));
  g_assert_no_error (error);

  g_assert_null (ladder_library_find_profile (library, ALEX_ID));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_profiles (library)), ==, 1);
  g_assert_false (g_file_test (fixture->alex, G_FILE_TEST_EXISTS));
  moved = core_read_file (deleted, NULL);
  g_assert_cmpstr (moved, ==, original);

  /* It stays gone on the next load. */
  g_assert_true (ladder_library_load (library, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_profiles (library)), ==, 1);
}

/* An undo brings the file back and the profile with it; a file that took
 * the name meanwhile is never written over. */
static void
test_restore_profile (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = load_library (fixture);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *deleted = g_strconcat (fixture->alex, ".deleted", NULL);
  g_autofree char *original = core_read_file (fixture->alex, NULL);
  g_autofree char *restored = NULL;
  g_autofree char *kept = NULL;
  GListModel *profiles = ladder_library_get_profiles (library);

  profile = g_object_ref (ladder_library_find_profile (library, ALEX_ID));
  g_assert_true (ladder_library_remove_profile (library, profile, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 1);

  g_assert_true (ladder_library_restore_profile (library, profile, &error));
  g_assert_no_error (error);
  g_assert_true (ladder_library_find_profile (library, ALEX_ID) == profile);
  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 2);
  g_assert_false (g_file_test (deleted, G_FILE_TEST_EXISTS));
  restored = core_read_file (fixture->alex, NULL);
  g_assert_cmpstr (restored, ==, original);

  /* Restoring one that is listed changes nothing. */
  g_assert_true (ladder_library_restore_profile (library, profile, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 2);

  /* It comes back on the next load too. */
  g_assert_true (ladder_library_load (library, NULL, NULL));
  g_assert_nonnull (ladder_library_find_profile (library, ALEX_ID));
  g_clear_object (&profile);

  /* Removed again; another file takes its name before the undo. */
  profile = g_object_ref (ladder_library_find_profile (library, ALEX_ID));
  g_assert_true (ladder_library_remove_profile (library, profile, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (fixture->alex, "{}", -1, NULL));
  g_assert_false (ladder_library_restore_profile (library, profile, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "Could not restore"));
  g_assert_null (ladder_library_find_profile (library, ALEX_ID));
  kept = core_read_file (fixture->alex, NULL);
  g_assert_cmpstr (kept, ==, "{}");
  g_clear_pointer (&restored, g_free);
  restored = core_read_file (deleted, NULL);
  g_assert_cmpstr (restored, ==, original);
}

static void
test_add_framework (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = load_library (fixture);
  g_autoptr(LadderFramework) framework = ladder_framework_new ("zeta-platform", "Platform");
  g_autoptr(LadderFramework) bundled = NULL;
  g_autoptr(LadderFramework) replacement = NULL;
  g_autoptr(LadderLevel) level = ladder_level_new ("1", "One", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "frameworks", "zeta-platform.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  GListModel *frameworks = ladder_library_get_frameworks (library);
  guint n = g_list_model_get_n_items (frameworks);
  const char *bundled_id;

  g_assert_true (ladder_framework_add_level (framework, level));
  g_assert_true (ladder_library_add_framework (library, framework, NULL, &error));
  g_assert_no_error (error);

  contents = core_read_file (path, NULL);
  expected = ladder_format_write_framework (framework, NULL);
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (frameworks), ==, n + 1);
  g_assert_true (ladder_library_find_framework (library, "zeta-platform") == framework);
  g_assert_false (ladder_library_is_bundled (library, framework));

  /* An import of a bundled framework's id takes its place. */
  bundled = g_list_model_get_item (frameworks, 0);
  replacement = ladder_framework_new (ladder_framework_get_id (bundled), "My copy");
  g_assert_true (ladder_library_add_framework (library, replacement, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (frameworks), ==, n + 1);
  bundled_id = ladder_framework_get_id (bundled);
  g_assert_true (ladder_library_find_framework (library, bundled_id) == replacement);

  /* And so it does when loaded from disk. */
  g_assert_true (ladder_library_load (library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (frameworks), ==, n + 1);
  g_assert_cmpstr (ladder_framework_get_name (ladder_library_find_framework (library, bundled_id)),
                   ==, "My copy");
}

static void
write_aged_file (const char *path,
                 gint64      age_seconds)
{
  struct timeval times[2];

  core_write_file (path, "{ \"half\": ");
  gettimeofday (&times[0], NULL);
  times[0].tv_sec -= age_seconds;
  times[1] = times[0];
  g_assert_cmpint (utimes (path, times), ==, 0);
}

/* A start after a crash removes what the killed saves left in profiles/
 * and frameworks/, but not the file of a save running right now. */
static void
test_clean_stale (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = NULL;
  g_autofree char *stale_profile = g_build_filename (fixture->dir, "profiles",
                                                     ".alex.json.ladder-Ab12Cd", NULL);
  g_autofree char *stale_framework = g_build_filename (fixture->dir, "frameworks",
                                                       ".acme-backend.json.ladder-0x9Y8z", NULL);
  g_autofree char *running = g_build_filename (fixture->dir, "profiles",
                                               ".alex.json.ladder-Ef34Gh", NULL);
  g_autofree char *alex = core_read_file (fixture->alex, NULL);
  g_autofree char *alex_after = NULL;

  write_aged_file (stale_profile, 2 * 3600);
  write_aged_file (stale_framework, 24 * 3600);
  write_aged_file (running, 1);

  library = load_library (fixture);

  g_assert_false (g_file_test (stale_profile, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_framework, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (running, G_FILE_TEST_EXISTS));
  alex_after = core_read_file (fixture->alex, NULL);
  g_assert_cmpstr (alex_after, ==, alex);
  g_assert_nonnull (ladder_library_find_profile (library, ALEX_ID));
}

/* An imported framework is renamed and written; one that profiles follow
 * is not deleted, and the message names them; one that none follows is
 * moved aside and an undo brings it back; a bundled one is neither
 * renamed nor deleted. */
static void
test_manage_frameworks (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = load_library (fixture);
  g_autoptr(LadderLibrary) again = NULL;
  g_autoptr(LadderFramework) bundled = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "frameworks", "acme-backend.json", NULL);
  g_autofree char *aside = g_strconcat (path, ".deleted", NULL);
  g_autofree char *contents = NULL;
  GListModel *frameworks = ladder_library_get_frameworks (library);
  guint n = g_list_model_get_n_items (frameworks);
  LadderFramework *acme = ladder_library_find_framework (library, "acme-backend");
  LadderProfile *alex = ladder_library_find_profile (library, ALEX_ID);

  g_assert_nonnull (acme);
  g_assert_nonnull (alex);

  /* Renamed: on disk, and after a load. An empty name is refused. */
  g_assert_true (ladder_library_rename_framework (library, acme, "  Acme Platform ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ladder_framework_get_name (acme), ==, "Acme Platform");
  g_assert_false (ladder_library_rename_framework (library, acme, " ", &error));
  g_assert_error (error, LADDER_LIBRARY_ERROR, LADDER_LIBRARY_ERROR_INVALID);
  g_clear_error (&error);
  again = load_library (fixture);
  g_assert_cmpstr (ladder_framework_get_name (ladder_library_find_framework (again, "acme-backend")),
                   ==, "Acme Platform");

  /* Followed by two profiles: kept, and the message says whose. */
  g_assert_false (ladder_library_remove_framework (library, acme, &error));
  g_assert_error (error, LADDER_LIBRARY_ERROR, LADDER_LIBRARY_ERROR_IN_USE);
  g_assert_cmpstr (error->message, ==, "“Acme Platform” is not deleted: the profiles of Alex Doe, Blake Newer "
                   "follow it.");
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (frameworks), ==, n);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Followed by none: moved aside, and back with an undo. */
  g_assert_true (ladder_library_remove_profile (library, alex, &error));
  g_assert_no_error (error);
  g_assert_true (ladder_library_remove_profile (library,
                                                ladder_library_find_profile (library, NEWER_ID),
                                                &error));
  g_assert_no_error (error);
  g_assert_true (ladder_library_remove_framework (library, acme, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (frameworks), ==, n - 1);
  g_assert_null (ladder_library_find_framework (library, "acme-backend"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
  g_assert_true (ladder_library_restore_framework (library, acme, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (frameworks), ==, n);
  g_assert_true (ladder_library_find_framework (library, "acme-backend") == acme);
  contents = core_read_file (path, NULL);
  g_assert_nonnull (strstr (contents, "\"Acme Platform\""));
  g_assert_false (g_file_test (aside, G_FILE_TEST_EXISTS));

  /* Bundled: neither. */
  for (guint i = 0; bundled == NULL && i < n; i++)
    {
      g_autoptr(LadderFramework) framework = g_list_model_get_item (frameworks, i);

      if (ladder_library_is_bundled (library, framework))
        bundled = g_steal_pointer (&framework);
    }
  g_assert_nonnull (bundled);
  g_assert_false (ladder_library_remove_framework (library, bundled, &error));
  g_assert_error (error, LADDER_LIBRARY_ERROR, LADDER_LIBRARY_ERROR_BUNDLED);
  g_clear_error (&error);
  g_assert_false (ladder_library_rename_framework (library, bundled, "Mine", &error));
  g_assert_error (error, LADDER_LIBRARY_ERROR, LADDER_LIBRARY_ERROR_BUNDLED);
  g_assert_cmpuint (g_list_model_get_n_items (frameworks), ==, n);
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until @condition holds, for 10 s at most. */
#define WAIT_UNTIL(condition) \
  G_STMT_START { \
    gboolean timed_out = FALSE; \
    guint timeout_id = g_timeout_add_seconds (10, timed_out_cb, &timed_out); \
    while (!(condition) && !timed_out) \
      g_main_context_iteration (NULL, TRUE); \
    g_assert_true (condition); \
    if (!timed_out) \
      g_source_remove (timeout_id); \
  } G_STMT_END

static gboolean
has_error_for (LadderLibrary *library,
               const char    *path)
{
  GListModel *errors = ladder_library_get_errors (library);

  for (guint i = 0; i < g_list_model_get_n_items (errors); i++)
    {
      g_autoptr(LadderLoadError) load_error = g_list_model_get_item (errors, i);
      g_autofree char *error_path = g_file_get_path (ladder_load_error_get_file (load_error));

      if (g_strcmp0 (error_path, path) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timed_out_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Profiles written into profiles/ while the library runs (`ladder-cli
 * sample -o`, a synced folder, a program writing in several goes) are
 * read and listed once whole; a broken one is listed with the files
 * that could not be opened, and listed as a profile once mended. */
static void
test_profiles_appear (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = load_library (fixture);
  LadderFramework *framework = ladder_library_find_framework (library, "acme-backend");
  g_autoptr(LadderProfile) saved = ladder_sample_profile (framework, 3, 21);
  g_autoptr(LadderProfile) slow = ladder_sample_profile (framework, 3, 22);
  g_autofree char *saved_path = g_build_filename (fixture->dir, "profiles", "saved.json", NULL);
  g_autofree char *slow_path = g_build_filename (fixture->dir, "profiles", "slow.json", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->dir, "profiles", "bad.json", NULL);
  g_autofree char *saved_text = NULL;
  g_autofree char *slow_text = NULL;
  g_autoptr(GFile) saved_file = g_file_new_for_path (saved_path);
  g_autoptr(GError) error = NULL;
  gsize length;
  FILE *out;

  /* As `ladder-cli sample -o` writes: a temporary file renamed. */
  saved_text = ladder_format_write_profile (saved, &length);
  g_assert_true (ladder_save_contents (saved_file, saved_text, length, NULL, &error));
  g_assert_no_error (error);
  WAIT_UNTIL (ladder_library_find_profile (library, ladder_profile_get_id (saved)) != NULL);

  /* Written in place, in two goes well apart: not read half-written. */
  slow_text = ladder_format_write_profile (slow, &length);
  out = fopen (slow_path, "w");
  g_assert_nonnull (out);
  g_assert_cmpuint (fwrite (slow_text, 1, length / 2, out), ==, length / 2);
  fflush (out);
  spin (700);
  g_assert_null (ladder_library_find_profile (library, ladder_profile_get_id (slow)));
  g_assert_false (has_error_for (library, slow_path));
  g_assert_cmpuint (fwrite (slow_text + length / 2, 1, length - length / 2, out), ==, length - length / 2);
  fclose (out);
  WAIT_UNTIL (ladder_library_find_profile (library, ladder_profile_get_id (slow)) != NULL);
  g_assert_false (has_error_for (library, slow_path));

  /* Broken: listed among the files that could not be opened. */
  core_write_file (bad_path, BROKEN_PROFILE);
  WAIT_UNTIL (has_error_for (library, bad_path));
  g_assert_true (has_error_for (library, fixture->broken));

  /* Mended: a profile, no longer an error. */
  {
    g_autoptr(LadderProfile) mended = ladder_sample_profile (framework, 2, 23);
    g_autofree char *mended_text = ladder_format_write_profile (mended, NULL);

    core_write_file (bad_path, mended_text);
    WAIT_UNTIL (ladder_library_find_profile (library, ladder_profile_get_id (mended)) != NULL);
    g_assert_false (has_error_for (library, bad_path));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/ladder/library/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("load", test_load);
  ADD ("load-async", test_load_async);
  ADD ("missing-folder", test_missing_folder);
  ADD ("folder-is-file", test_folder_is_file);
  ADD ("save", test_save);
  ADD ("save-async", test_save_async);
  ADD ("save-read-only", test_save_read_only);
  ADD ("read-only-file", test_read_only_file);
  ADD ("never-overwrites-broken", test_never_overwrites_broken);
  ADD ("add-profile", test_add_profile);
  ADD ("remove-profile", test_remove_profile);
  ADD ("restore-profile", test_restore_profile);
  ADD ("clean-stale", test_clean_stale);
  ADD ("add-framework", test_add_framework);
  ADD ("manage-frameworks", test_manage_frameworks);
  ADD ("profiles-appear", test_profiles_appear);

#undef ADD

  return g_test_run ();
}
