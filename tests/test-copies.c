/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Copies of a profile in the window: opening a copy the library already
 * has shows what the merge changes, merges it, and undoes it; sharing
 * writes a copy that opens as the same profile.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ladder-merge-dialog.h"
#include "ui-helpers.h"

static char *
write_profile (LadderProfile *profile)
{
  return ladder_format_write_profile (profile, NULL);
}

static gboolean
merge_dialog_shown_cb (gpointer data)
{
  return LADDER_IS_MERGE_DIALOG (adw_application_window_get_visible_dialog (data));
}

static gboolean
no_dialog_cb (gpointer data)
{
  return adw_application_window_get_visible_dialog (data) == NULL;
}

static gboolean
widget_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
applied_cb (LadderMergeDialog  *dialog,
            AdwToast           *toast,
            AdwToast          **out)
{
  *out = g_object_ref (toast);
}

static void
test_copies_open_merges (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  LadderLibrary *library = _ladder_window_get_library (window);
  g_autoptr(LadderProfile) copy = NULL;
  g_autoptr(LadderEvidence) evidence = ladder_evidence_new ("e-manager");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ladder-copies-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "Sam Tester.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *before = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *copy_text = NULL;
  AdwDialog *dialog;

  g_assert_no_error (error);
  ladder_profile_rate (profile, "b2", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  before = write_profile (profile);

  /* The manager's copy: a rating and a piece of evidence of theirs. */
  copy = ladder_format_read_profile (before, strlen (before), "copy", &error);
  g_assert_no_error (error);
  ladder_profile_set_owner (copy, LADDER_RATER_MANAGER);
  ladder_profile_rate (copy, "b4", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  ladder_evidence_set_title (evidence, "Ran the <b>offsite</b>");
  ladder_profile_add_evidence (copy, evidence);
  copy_text = write_profile (copy);
  g_file_set_contents (path, copy_text, -1, &error);
  g_assert_no_error (error);

  _ladder_window_open_file (window, file);
  ui_wait_for (merge_dialog_shown_cb, window, "the merge dialog");
  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

  /* What the merge would change, as it is, and nothing changed yet. */
  ui_find_all (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==,
                   "Manager rating of “Helps others”: Not rated → Consistently");
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[1]), ==,
                   "New evidence “Ran the <b>offsite</b>”");
  g_assert_false (adw_preferences_row_get_use_markup (rows->pdata[1]));
  g_assert_null (ladder_profile_find_evidence (profile, "e-manager"));

  /* Merge: one profile still, holding both copies' data; the owner stays. */
  g_signal_connect (dialog, "applied", G_CALLBACK (applied_cb), &toast);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.apply", NULL));
  ui_wait_for (no_dialog_cb, window, "the dialog to close");
  g_assert_nonnull (toast);
  /* Shown by the window, the title is a label that wraps. */
  g_assert_true (GTK_IS_LABEL (adw_toast_get_custom_title (toast)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (adw_toast_get_custom_title (toast))), ==,
                   "Merged 2 changes");
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (adw_toast_get_custom_title (toast))));
  /* In a wide window, a short title stays on one line: the toast lays
   * its title out at its minimum width, once its longest word. */
  ui_wait_for (widget_mapped_cb, adw_toast_get_custom_title (toast), "the toast's title");
  ui_spin (100);
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (adw_toast_get_custom_title (toast)))),
                   ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_profiles (library)), ==, 1);
  g_assert_true (_ladder_window_get_profile (window) == profile);
  g_assert_nonnull (ladder_profile_find_evidence (profile, "e-manager"));
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b4", LADDER_RATER_MANAGER),
                   ==, LADDER_RATING_CONSISTENTLY);
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b2", LADDER_RATER_SELF),
                   ==, LADDER_RATING_SOMETIMES);
  g_assert_cmpint (ladder_profile_get_owner (profile), ==, LADDER_RATER_SELF);

  /* Undo gives back the profile as it was, byte for byte. */
  g_signal_emit_by_name (toast, "button-clicked");
  undone = write_profile (profile);
  g_assert_cmpstr (undone, ==, before);

  ui_window_free (window, app);
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

static gboolean
alert_shown_cb (gpointer data)
{
  return ADW_IS_ALERT_DIALOG (adw_application_window_get_visible_dialog (data));
}

/* Opens @path and answers the question about it with @response. */
static void
open_and_answer (LadderWindow *window,
                 const char   *path,
                 const char   *response)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwDialog *alert;

  _ladder_window_open_file (window, file);
  ui_wait_for (alert_shown_cb, window, "the question about the copy");
  alert = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (alert)), ==,
                   "Add Alex Doe as Someone You Manage?");
  g_assert_false (adw_alert_dialog_get_heading_use_markup (ADW_ALERT_DIALOG (alert)));
  g_assert_cmpstr (adw_alert_dialog_get_default_response (ADW_ALERT_DIALOG (alert)), ==, "add");
  g_signal_emit_by_name (alert, "response", response);
  adw_dialog_force_close (alert);
  ui_wait_for (no_dialog_cb, window, "the question to close");
}

/* The copy an engineer shares, opened where there is no copy of it (their
 * manager's app): after saying so, it becomes the manager's copy, kept in
 * the library and never written over the file opened; Cancel adds
 * nothing, and the engineer opening their own says so. Opened again, a
 * copy merges into the manager's, which stays the manager's. */
static void
test_copies_open_engineer_copy (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderLibrary *library = _ladder_window_get_library (window);
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  g_autoptr(LadderProfile) engineers = ladder_profile_new (NULL, framework);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ladder-copies-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "Alex Doe.json", NULL);
  g_autofree char *shared = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) opened = g_file_new_for_path (path);
  LadderProfile *profile;

  g_assert_no_error (error);
  ladder_profile_set_name (engineers, "Alex Doe");
  ladder_profile_rate (engineers, "b2", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  shared = write_profile (engineers);
  g_file_set_contents (path, shared, -1, &error);
  g_assert_no_error (error);

  /* Cancel: nothing added. */
  open_and_answer (window, path, "cancel");
  g_assert_null (ladder_library_find_profile (library, ladder_profile_get_id (engineers)));

  /* Add: the manager's copy, in the library's own folder. */
  open_and_answer (window, path, "add");
  profile = ladder_library_find_profile (library, ladder_profile_get_id (engineers));
  g_assert_nonnull (profile);
  g_assert_true (_ladder_window_get_profile (window) == profile);
  g_assert_cmpint (ladder_profile_get_owner (profile), ==, LADDER_RATER_MANAGER);
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b2", LADDER_RATER_SELF), ==,
                   LADDER_RATING_CONSISTENTLY);
  g_assert_false (g_file_equal (ladder_profile_get_file (profile), opened));
  ui_wait_saved (window);
  {
    g_autoptr(LadderProfile) saved = ladder_format_load_profile (ladder_profile_get_file (profile), NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (ladder_profile_get_owner (saved), ==, LADDER_RATER_MANAGER);
  }

  /* The manager rates; the file opened is left as the engineer wrote it. */
  ladder_profile_rate (profile, "b4", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);
  ui_spin (600);
  ui_wait_saved (window);
  after = ui_read_file (opened);
  g_assert_cmpstr (after, ==, shared);

  /* Their next copy merges into the manager's, which stays the manager's. */
  ladder_profile_rate (engineers, "b1", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  g_clear_pointer (&shared, g_free);
  shared = write_profile (engineers);
  g_file_set_contents (path, shared, -1, &error);
  g_assert_no_error (error);
  _ladder_window_open_file (window, opened);
  ui_wait_for (merge_dialog_shown_cb, window, "the merge dialog");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))),
                                             "merge.apply", NULL));
  ui_wait_for (no_dialog_cb, window, "the merge dialog to close");
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b1", LADDER_RATER_SELF), ==,
                   LADDER_RATING_SOMETIMES);
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b4", LADDER_RATER_MANAGER), ==,
                   LADDER_RATING_SOMETIMES);
  g_assert_cmpint (ladder_profile_get_owner (profile), ==, LADDER_RATER_MANAGER);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_profiles (library)), ==, 1);

  /* The engineer's own, opened on a new computer: kept as theirs. */
  ladder_library_remove_profile (library, profile, NULL);
  open_and_answer (window, path, "own");
  profile = ladder_library_find_profile (library, ladder_profile_get_id (engineers));
  g_assert_nonnull (profile);
  g_assert_cmpint (ladder_profile_get_owner (profile), ==, LADDER_RATER_SELF);

  ui_window_free (window, app);
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* The copy a manager shares, opened where there is no copy of it (the
 * engineer's app): after saying so, it becomes the engineer's own, rated
 * on the engineer's side with the manager's ratings beside; their copy
 * shared back opens in the manager's app as a merge. */
static void
test_copies_open_manager_copy (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderLibrary *library = _ladder_window_get_library (window);
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  g_autoptr(LadderProfile) managers = ladder_profile_new (NULL, framework);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ladder-copies-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "Alex Doe.json", NULL);
  g_autofree char *shared = NULL;
  g_autoptr(GFile) opened = g_file_new_for_path (path);
  LadderProfile *profile;
  AdwDialog *alert;

  g_assert_no_error (error);
  ladder_profile_set_name (managers, "Alex Doe");
  ladder_profile_set_owner (managers, LADDER_RATER_MANAGER);
  ladder_profile_rate (managers, "b2", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  shared = ladder_format_write_shared_copy (managers, NULL);
  g_file_set_contents (path, shared, -1, &error);
  g_assert_no_error (error);

  _ladder_window_open_file (window, opened);
  ui_wait_for (alert_shown_cb, window, "the question about the copy");
  alert = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (alert)), ==, "Add as Your Own Profile?");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (alert)), "your manager’s copy"));
  g_assert_cmpstr (adw_alert_dialog_get_default_response (ADW_ALERT_DIALOG (alert)), ==, "add");
  g_signal_emit_by_name (alert, "response", "add");
  adw_dialog_force_close (alert);
  ui_wait_for (no_dialog_cb, window, "the question to close");

  profile = ladder_library_find_profile (library, ladder_profile_get_id (managers));
  g_assert_nonnull (profile);
  g_assert_true (_ladder_window_get_profile (window) == profile);
  g_assert_cmpint (ladder_profile_get_owner (profile), ==, LADDER_RATER_SELF);
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b2", LADDER_RATER_MANAGER), ==,
                   LADDER_RATING_CONSISTENTLY);
  g_assert_false (g_file_equal (ladder_profile_get_file (profile), opened));
  ui_wait_saved (window);
  {
    g_autoptr(LadderProfile) saved = ladder_format_load_profile (ladder_profile_get_file (profile), NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (ladder_profile_get_owner (saved), ==, LADDER_RATER_SELF);
  }

  /* The manager opening their own copy on a new computer keeps it theirs. */
  ladder_library_remove_profile (library, profile, NULL);
  _ladder_window_open_file (window, opened);
  ui_wait_for (alert_shown_cb, window, "the question about the copy");
  alert = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_signal_emit_by_name (alert, "response", "own");
  adw_dialog_force_close (alert);
  ui_wait_for (no_dialog_cb, window, "the question to close");
  profile = ladder_library_find_profile (library, ladder_profile_get_id (managers));
  g_assert_nonnull (profile);
  g_assert_cmpint (ladder_profile_get_owner (profile), ==, LADDER_RATER_MANAGER);

  ui_window_free (window, app);
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* The engineer's own file, not a copy they shared, opened in the
 * manager's app: their private topic and check-in notes are theirs alone.
 * The question says how many stay out, and the manager's copy, in the
 * window and in the file saved, holds no byte of them; nor after their
 * own file, opened again, merges into it. */
static void
test_copies_open_engineer_private (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderLibrary *library = _ladder_window_get_library (window);
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  g_autoptr(LadderProfile) engineers = ladder_profile_new (NULL, framework);
  g_autoptr(LadderTopic) topic = ladder_topic_new ("t-private");
  g_autoptr(LadderTopic) shared_topic = ladder_topic_new ("t-shared");
  g_autoptr(LadderCheckin) checkin = ladder_checkin_new ("c-1");
  g_autoptr(GDate) date = g_date_new_dmy (9, G_DATE_NOVEMBER, 2026);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ladder-copies-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "Alex Doe.json", NULL);
  g_autoptr(GFile) opened = g_file_new_for_path (path);
  g_autofree char *own = NULL;
  g_autofree char *saved = NULL;
  LadderProfile *profile;
  AdwDialog *alert;

  g_assert_no_error (error);
  ladder_profile_set_name (engineers, "Alex Doe");
  ladder_topic_set_text (topic, "Thinking of leaving for Quillmere");
  ladder_topic_set_private (topic, TRUE);
  ladder_profile_add_topic (engineers, topic);
  ladder_topic_set_text (shared_topic, "Pairing on the release");
  ladder_profile_add_topic (engineers, shared_topic);
  ladder_checkin_set_date (checkin, date);
  ladder_checkin_set_notes (checkin, "Felt passed over by Ravensdale");
  ladder_checkin_set_notes_private (checkin, TRUE);
  ladder_profile_add_checkin (engineers, checkin);
  own = write_profile (engineers);
  g_file_set_contents (path, own, -1, &error);
  g_assert_no_error (error);

  _ladder_window_open_file (window, opened);
  ui_wait_for (alert_shown_cb, window, "the question about the copy");
  alert = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (alert)),
                            " 2 items private to their author are left out of your copy."));
  g_signal_emit_by_name (alert, "response", "add");
  adw_dialog_force_close (alert);
  ui_wait_for (no_dialog_cb, window, "the question to close");

  profile = ladder_library_find_profile (library, ladder_profile_get_id (engineers));
  g_assert_nonnull (profile);
  g_assert_cmpint (ladder_profile_get_owner (profile), ==, LADDER_RATER_MANAGER);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_topics (profile)), ==, 1);
  g_assert_null (ladder_profile_find_topic (profile, "t-private"));
  g_assert_null (ladder_checkin_get_notes (ladder_profile_find_checkin (profile, "c-1")));

  ui_wait_saved (window);
  saved = ui_read_file (ladder_profile_get_file (profile));
  g_assert_null (strstr (saved, "Quillmere"));
  g_assert_null (strstr (saved, "Ravensdale"));
  g_assert_null (strstr (saved, "t-private"));
  g_assert_null (strstr (saved, "private"));
  g_assert_nonnull (strstr (saved, "Pairing on the release"));

  /* The file opened is the engineer's, left whole. */
  g_clear_pointer (&saved, g_free);
  saved = ui_read_file (opened);
  g_assert_cmpstr (saved, ==, own);

  /* Their own file again, with a new private topic and a shared one:
   * the merge brings the shared one only. */
  {
    g_autoptr(LadderTopic) later = ladder_topic_new ("t-later");
    g_autoptr(LadderTopic) shared_later = ladder_topic_new ("t-shared-later");

    ladder_topic_set_text (later, "Interviewing at Thornbury next week");
    ladder_topic_set_private (later, TRUE);
    ladder_profile_add_topic (engineers, later);
    ladder_topic_set_text (shared_later, "The on-call rota");
    ladder_profile_add_topic (engineers, shared_later);
    g_clear_pointer (&own, g_free);
    own = write_profile (engineers);
    g_file_set_contents (path, own, -1, &error);
    g_assert_no_error (error);
  }
  _ladder_window_open_file (window, opened);
  ui_wait_for (merge_dialog_shown_cb, window, "the merge dialog");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))),
                                             "merge.apply", NULL));
  ui_wait_for (no_dialog_cb, window, "the merge dialog to close");
  g_assert_nonnull (ladder_profile_find_topic (profile, "t-shared-later"));
  g_assert_null (ladder_profile_find_topic (profile, "t-later"));
  g_assert_null (ladder_profile_find_topic (profile, "t-private"));
  g_assert_cmpint (ladder_profile_get_owner (profile), ==, LADDER_RATER_MANAGER);
  ui_spin (600);
  ui_wait_saved (window);
  g_clear_pointer (&saved, g_free);
  saved = ui_read_file (ladder_profile_get_file (profile));
  g_assert_null (strstr (saved, "Thornbury"));
  g_assert_null (strstr (saved, "Quillmere"));
  g_assert_null (strstr (saved, "Ravensdale"));
  g_assert_null (strstr (saved, "private"));
  g_assert_nonnull (strstr (saved, "The on-call rota"));

  ui_window_free (window, app);
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

static gboolean
file_exists_cb (gpointer data)
{
  return g_file_query_exists (data, NULL);
}

static void
test_copies_share (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ladder-copies-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "shared.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(LadderProfile) reread = NULL;

  g_assert_no_error (error);
  ladder_profile_rate (profile, "b1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  _ladder_window_write_copy (window, profile, file);
  ui_wait_for (file_exists_cb, file, "the shared copy");

  /* The whole profile, the same id: it opens on its own and merges. */
  written = ui_read_file (file);
  expected = write_profile (profile);
  g_assert_cmpstr (written, ==, expected);
  reread = ladder_format_load_profile (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ladder_profile_get_id (reread), ==, ladder_profile_get_id (profile));

  ui_window_free (window, app);
  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

static gboolean
has_evidence_cb (gpointer data)
{
  return ladder_profile_find_evidence (data, "e-disk") != NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelShown;

static gboolean
label_shown_cb (gpointer data)
{
  LabelShown *shown = data;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ui_find_all (shown->root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) &&
        g_strcmp0 (gtk_label_get_label (labels->pdata[i]), shown->text) == 0)
      return TRUE;

  return FALSE;
}

/* A profile file that another program (a synced folder) changes while the
 * window shows it: merged in, and a toast says so. */
static void
test_copies_changed_on_disk (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  g_autoptr(LadderProfile) copy = NULL;
  g_autoptr(LadderEvidence) evidence = ladder_evidence_new ("e-disk");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  LabelShown shown = { GTK_WIDGET (window), "Merged changes to “Sam Tester” from disk" };

  ladder_profile_set_role (profile, "Engineer");
  ui_spin (600);
  ui_wait_saved (window);
  g_assert_false (label_shown_cb (&shown));

  contents = ui_read_file (ladder_profile_get_file (profile));
  copy = ladder_format_read_profile (contents, strlen (contents), "copy", &error);
  g_assert_no_error (error);
  ladder_evidence_set_title (evidence, "Written elsewhere");
  ladder_profile_add_evidence (copy, evidence);
  changed = write_profile (copy);
  g_file_set_contents (g_file_peek_path (ladder_profile_get_file (profile)), changed, -1, &error);
  g_assert_no_error (error);

  ui_wait_for (has_evidence_cb, profile, "the change on disk to be merged");
  ui_wait_for (label_shown_cb, &shown, "the toast about the merge");
  /* The rest of the profile is as it was. */
  g_assert_cmpstr (ladder_profile_get_role (profile), ==, "Engineer");

  ui_window_free (window, app);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/copies/open-merges", test_copies_open_merges);
  g_test_add_func ("/ladder/copies/open-engineer-copy", test_copies_open_engineer_copy);
  g_test_add_func ("/ladder/copies/open-engineer-private", test_copies_open_engineer_private);
  g_test_add_func ("/ladder/copies/open-manager-copy", test_copies_open_manager_copy);
  g_test_add_func ("/ladder/copies/share", test_copies_share);
  g_test_add_func ("/ladder/copies/changed-on-disk", test_copies_changed_on_disk);

  return g_test_run ();
}
