/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "core-helpers.h"
#include "ladder-core.h"

/* LadderAutosave without a display: a burst of changes is one write, a
 * failed write keeps the change and its error per profile and is tried
 * again, and a flush writes everything at once. A write fails here
 * because a folder stands where its file goes: root passes every
 * permission check, and the folder fails for anyone. */

typedef struct
{
  char           *dir;
  LadderLibrary  *library;
  LadderAutosave *autosave;
  guint           n_writes;  /* writes started, from :saving */
  guint           n_errors_changed;
} Fixture;

static void
saving_cb (LadderAutosave *autosave,
           GParamSpec     *pspec,
           Fixture        *fixture)
{
  if (ladder_autosave_get_saving (autosave))
    fixture->n_writes++;
}

static void
errors_changed_cb (LadderAutosave *autosave,
                   Fixture        *fixture)
{
  fixture->n_errors_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = core_make_temp_dir ();
  folder = g_file_new_for_path (fixture->dir);
  fixture->library = ladder_library_new (folder);
  g_assert_true (ladder_library_load (fixture->library, NULL, &error));
  g_assert_no_error (error);

  fixture->autosave = ladder_autosave_new (fixture->library);
  /* Short, so that the tests do not wait; nothing asserts on time. */
  ladder_autosave_set_delay (fixture->autosave, 20);
  ladder_autosave_set_retry_delay (fixture->autosave, 0);
  g_signal_connect (fixture->autosave, "notify::saving", G_CALLBACK (saving_cb), fixture);
  g_signal_connect (fixture->autosave, "errors-changed", G_CALLBACK (errors_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (fixture->autosave, fixture);
  g_assert_finalize_object (fixture->autosave);
  g_clear_object (&fixture->library);
  core_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* A profile of the library, written once, named @name. */
static LadderProfile *
add_profile (Fixture    *fixture,
             const char *id,
             const char *name)
{
  LadderFramework *framework = ladder_library_find_framework (fixture->library,
                                                              "monzo-backend-engineering");
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (framework);
  profile = ladder_profile_new (id, framework);
  ladder_profile_set_name (profile, name);
  ladder_library_add_profile (fixture->library, profile);
  g_assert_true (ladder_library_save_profile (fixture->library, profile, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&profile);
}

static char *
profile_path (LadderProfile *profile)
{
  return g_file_get_path (ladder_profile_get_file (profile));
}

static void
assert_file_has (const char *path,
                 const char *text,
                 gboolean    has)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  if (has)
    g_assert_nonnull (strstr (contents, text));
  else
    g_assert_null (strstr (contents, text));
}

/* A folder where @path's file goes: writing it fails until mend(). */
static void
block (const char *path)
{
  g_autofree char *aside = g_strconcat (path, ".aside", NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    g_assert_no_errno (g_rename (path, aside));
  g_assert_no_errno (g_mkdir (path, 0700));
}

static void
mend (const char *path)
{
  g_assert_no_errno (g_rmdir (path));
}

static void
wait_until_written (Fixture *fixture)
{
  while (ladder_autosave_get_saving (fixture->autosave) ||
         (ladder_autosave_get_pending (fixture->autosave) &&
          !ladder_autosave_get_has_errors (fixture->autosave)))
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_for_errors (Fixture *fixture,
                 gboolean has_errors)
{
  while (ladder_autosave_get_has_errors (fixture->autosave) != has_errors ||
         ladder_autosave_get_saving (fixture->autosave))
    g_main_context_iteration (NULL, TRUE);
}

/* Changes in a burst are one write, after the last of them. */
static void
test_debounce (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LadderProfile) profile = add_profile (fixture, "ada", "Ada");
  g_autofree char *path = profile_path (profile);

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Ada %u", i);

      ladder_profile_set_name (profile, name);
      ladder_autosave_profile_changed (fixture->autosave, profile);
    }
  g_assert_true (ladder_autosave_get_pending (fixture->autosave));
  g_assert_cmpuint (fixture->n_writes, ==, 0);
  assert_file_has (path, "\"Ada\"", TRUE);

  wait_until_written (fixture);
  g_assert_cmpuint (fixture->n_writes, ==, 1);
  g_assert_false (ladder_autosave_get_pending (fixture->autosave));
  g_assert_false (ladder_autosave_get_has_errors (fixture->autosave));
  assert_file_has (path, "\"Ada 4\"", TRUE);
  g_assert_null (ladder_autosave_describe_unsaved (fixture->autosave));

  /* A read-only profile is never written. */
  ladder_profile_set_read_only (profile, TRUE);
  ladder_autosave_profile_changed (fixture->autosave, profile);
  g_assert_false (ladder_autosave_get_pending (fixture->autosave));
}

/* A failed write keeps the change and says why, naming the file; the
 * retry writes it once the disk is mended, and the error goes. */
static void
test_failed_kept_and_retried (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(LadderProfile) profile = add_profile (fixture, "ada", "Ada");
  g_autofree char *path = profile_path (profile);
  g_autofree char *aside = g_strconcat (path, ".aside", NULL);
  g_autofree char *text = NULL;
  const GError *error;

  block (path);
  ladder_profile_set_name (profile, "Ada Lovelace");
  ladder_autosave_profile_changed (fixture->autosave, profile);
  wait_for_errors (fixture, TRUE);

  error = ladder_autosave_get_error (fixture->autosave, profile);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (ladder_autosave_get_pending (fixture->autosave));
  g_assert_cmpuint (fixture->n_errors_changed, ==, 1);
  g_assert_cmpstr (ladder_profile_get_name (profile), ==, "Ada Lovelace");
  text = ladder_autosave_describe_unsaved (fixture->autosave);
  g_assert_true (g_str_has_prefix (text, "Changes to “Ada Lovelace” are not saved. "));
  g_assert_nonnull (strstr (text, error->message));

  /* Asked again on a disk still broken: the same error, still held. */
  ladder_autosave_retry (fixture->autosave);
  wait_for_errors (fixture, TRUE);
  g_assert_cmpuint (fixture->n_writes, ==, 2);
  g_assert_nonnull (ladder_autosave_get_error (fixture->autosave, profile));

  /* Mended: the timed retry writes it by itself. */
  mend (path);
  g_assert_no_errno (g_rename (aside, path));
  ladder_autosave_set_retry_delay (fixture->autosave, 10);
  wait_for_errors (fixture, FALSE);
  g_assert_null (ladder_autosave_get_error (fixture->autosave, profile));
  g_assert_false (ladder_autosave_get_pending (fixture->autosave));
  assert_file_has (path, "Ada Lovelace", TRUE);
}

/* Each profile keeps its own error: one mended goes, the other stays;
 * a draft check-in's error is kept beside them. */
static void
test_errors_kept_apart (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(LadderProfile) ada = add_profile (fixture, "ada", "Ada");
  g_autoptr(LadderProfile) bob = add_profile (fixture, "bob", "Bob");
  g_autoptr(LadderCheckin) draft = ladder_profile_start_checkin (bob);
  g_autoptr(GFile) draft_file = ladder_library_get_draft_file (fixture->library, bob);
  g_autofree char *draft_path = g_file_get_path (draft_file);
  g_autofree char *draft_folder = g_path_get_dirname (draft_path);
  g_autofree char *ada_path = profile_path (ada);
  g_autofree char *bob_path = profile_path (bob);
  g_autofree char *text = NULL;

  g_assert_no_errno (g_mkdir_with_parents (draft_folder, 0700));
  block (ada_path);
  block (bob_path);
  block (draft_path);
  ladder_profile_set_name (ada, "Ada 2");
  ladder_autosave_profile_changed (fixture->autosave, ada);
  ladder_profile_set_name (bob, "Bob 2");
  ladder_autosave_profile_changed (fixture->autosave, bob);
  ladder_checkin_set_notes (draft, "Went well");
  ladder_autosave_draft_changed (fixture->autosave, bob, draft);
  wait_for_errors (fixture, TRUE);
  while (ladder_autosave_get_error (fixture->autosave, bob) == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_nonnull (strstr (ladder_autosave_get_error (fixture->autosave, ada)->message, ada_path));
  g_assert_nonnull (strstr (ladder_autosave_get_error (fixture->autosave, bob)->message, bob_path));
  g_assert_null (strstr (ladder_autosave_get_error (fixture->autosave, ada)->message, bob_path));
  g_assert_nonnull (ladder_autosave_get_draft_error (fixture->autosave, bob));
  g_assert_null (ladder_autosave_get_draft_error (fixture->autosave, ada));
  text = ladder_autosave_describe_unsaved (fixture->autosave);
  g_assert_nonnull (strstr (text, "Changes to “Ada 2” are not saved. "));
  g_assert_nonnull (strstr (text, "\nChanges to “Bob 2” are not saved. "));
  g_assert_nonnull (strstr (text, "\nThe draft check-in of “Bob 2” is not saved. "));
  g_clear_pointer (&text, g_free);

  /* Ada's disk mended: hers goes, Bob's stay. */
  mend (ada_path);
  ladder_autosave_retry (fixture->autosave);
  while (ladder_autosave_get_error (fixture->autosave, ada) != NULL ||
         ladder_autosave_get_saving (fixture->autosave))
    g_main_context_iteration (NULL, TRUE);
  assert_file_has (ada_path, "Ada 2", TRUE);
  g_assert_nonnull (ladder_autosave_get_error (fixture->autosave, bob));
  g_assert_nonnull (ladder_autosave_get_draft_error (fixture->autosave, bob));
  text = ladder_autosave_describe_unsaved (fixture->autosave);
  g_assert_null (strstr (text, "Ada"));
  g_assert_nonnull (strstr (text, "Bob 2"));

  /* Close without saving: all let go of, nothing tried again. */
  ladder_autosave_discard (fixture->autosave);
  g_assert_false (ladder_autosave_get_has_errors (fixture->autosave));
  g_assert_false (ladder_autosave_get_pending (fixture->autosave));
  mend (bob_path);
  mend (draft_path);
}

/* Closing: what waits for the delay is written at once, drafts too; what
 * cannot be written is said, and written by a flush once mended. */
static void
test_flush_on_close (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LadderProfile) ada = add_profile (fixture, "ada", "Ada");
  g_autoptr(LadderProfile) bob = add_profile (fixture, "bob", "Bob");
  g_autoptr(LadderCheckin) draft = ladder_profile_start_checkin (ada);
  g_autoptr(GFile) draft_file = ladder_library_get_draft_file (fixture->library, ada);
  g_autofree char *draft_path = g_file_get_path (draft_file);
  g_autofree char *ada_path = profile_path (ada);
  g_autofree char *bob_path = profile_path (bob);
  g_autofree char *bob_aside = g_strconcat (bob_path, ".aside", NULL);
  g_autofree char *text = NULL;

  /* Longer than any test: only the flush writes. */
  ladder_autosave_set_delay (fixture->autosave, 3600 * 1000);
  ladder_profile_set_name (ada, "Ada 2");
  ladder_autosave_profile_changed (fixture->autosave, ada);
  ladder_checkin_set_notes (draft, "Went well");
  ladder_autosave_draft_changed (fixture->autosave, ada, draft);
  g_assert_false (g_file_test (draft_path, G_FILE_TEST_EXISTS));

  g_assert_true (ladder_autosave_flush (fixture->autosave));
  g_assert_false (ladder_autosave_get_pending (fixture->autosave));
  assert_file_has (ada_path, "Ada 2", TRUE);
  assert_file_has (draft_path, "Went well", TRUE);
  g_assert_cmpuint (fixture->n_writes, ==, 0);

  block (bob_path);
  ladder_profile_set_name (bob, "Bob 2");
  ladder_autosave_profile_changed (fixture->autosave, bob);
  g_assert_false (ladder_autosave_flush (fixture->autosave));
  g_assert_true (ladder_autosave_get_pending (fixture->autosave));
  text = ladder_autosave_describe_unsaved (fixture->autosave);
  g_assert_true (g_str_has_prefix (text, "Changes to “Bob 2” are not saved. "));
  g_assert_nonnull (strstr (text, bob_path));

  mend (bob_path);
  g_assert_no_errno (g_rename (bob_aside, bob_path));
  g_assert_true (ladder_autosave_flush (fixture->autosave));
  g_assert_false (ladder_autosave_get_has_errors (fixture->autosave));
  assert_file_has (bob_path, "Bob 2", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/ladder/autosave/debounce", Fixture, NULL,
              fixture_set_up, test_debounce, fixture_tear_down);
  g_test_add ("/ladder/autosave/failed-kept-and-retried", Fixture, NULL,
              fixture_set_up, test_failed_kept_and_retried, fixture_tear_down);
  g_test_add ("/ladder/autosave/errors-kept-apart", Fixture, NULL,
              fixture_set_up, test_errors_kept_apart, fixture_tear_down);
  g_test_add ("/ladder/autosave/flush-on-close", Fixture, NULL,
              fixture_set_up, test_flush_on_close, fixture_tear_down);

  return g_test_run ();
}
