/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files given to the application, as `ladder FILE` and Files' Open With
 * give them (GApplication's "open"), and the Log a Win action: each kind
 * of file does what it should, also when it comes before the library has
 * loaded, and Log a Win opens the evidence editor on the last profile.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ladder-evidence-editor.h"
#include "ladder-import-dialog.h"
#include "ladder-merge-dialog.h"
#include "ui-helpers.h"

static gboolean
dialog_shown_cb (gpointer data)
{
  return adw_application_window_get_visible_dialog (data) != NULL;
}

static AdwDialog *
wait_for_dialog (LadderWindow *window,
                 const char   *what)
{
  ui_wait_for (dialog_shown_cb, window, what);

  return ui_visible_dialog (window);
}

static void
close_dialogs (LadderWindow *window)
{
  AdwDialog *dialog;

  while ((dialog = ui_visible_dialog (window)) != NULL)
    adw_dialog_force_close (dialog);
}

/* @contents in a new file of a folder of its own, outside the library. */
static GFile *
write_outside (const char *name,
               const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_tmp_dir (), "opened", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_no_errno (g_mkdir_with_parents (dir, 0700));
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static void
open_file (GFile *file)
{
  GFile *files[] = { file };

  g_application_open (G_APPLICATION (ui_application ()), files, 1, "");
}

static LadderProfile *
small_profile (const char *name)
{
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  LadderProfile *profile = ladder_profile_new (NULL, framework);

  ladder_profile_set_name (profile, name);
  ladder_profile_set_current_level (profile, "1");
  ladder_profile_set_target_level (profile, "2");

  return profile;
}

/* A profile in the library's folder before any window reads it, and
 * remembered as the one last shown. */
static LadderProfile *
put_in_library (const char *name)
{
  g_autoptr(GFile) directory = ladder_library_get_default_directory ();
  g_autofree char *folder = g_build_filename (g_file_peek_path (directory), "profiles", NULL);
  LadderProfile *profile = small_profile (name);
  g_autofree char *file_name = g_strdup_printf ("%s.json", ladder_profile_get_id (profile));
  g_autofree char *path = g_build_filename (folder, file_name, NULL);
  g_autofree char *contents = ladder_format_write_profile (profile, NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (folder, 0700));
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  g_settings_set_string (settings, "last-profile", ladder_profile_get_id (profile));

  return profile;
}

/* The window the application made for what it was given, once loaded. */
static LadderWindow *
app_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (ui_application ()));

  g_assert_true (LADDER_IS_WINDOW (window));
  g_object_ref_sink (window);
  ui_wait_for (ui_window_loaded_cb, window, "the library to load");

  return LADDER_WINDOW (window);
}

/* A framework file goes to the import preview, even given before the
 * window exists: the application makes one and it waits for its library. */
static void
test_open_framework (void)
{
  g_autoptr(LadderApplication) app = g_object_ref (ui_application ());
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  LadderWindow *window;
  AdwDialog *dialog;

  g_file_get_contents (g_test_get_filename (G_TEST_DIST, "fixtures", "framework.json", NULL),
                       &contents, NULL, &error);
  g_assert_no_error (error);
  file = write_outside ("acme.json", contents);
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));

  open_file (file);
  window = app_window ();
  dialog = wait_for_dialog (window, "the import preview");
  g_assert_true (LADDER_IS_IMPORT_DIALOG (dialog));

  close_dialogs (window);
  ui_window_free (window, app);
}

/* The library's own file of a profile shows that profile, no question
 * asked and nothing merged. */
static void
test_open_library_profile (void)
{
  g_autoptr(LadderApplication) app = NULL;
  g_autoptr(LadderProfile) written = put_in_library ("Robin Library");
  LadderWindow *window = ui_window_new (&app);
  LadderLibrary *library = _ladder_window_get_library (window);
  LadderProfile *profile = ladder_library_find_profile (library, ladder_profile_get_id (written));
  g_autoptr(LadderProfile) other = small_profile ("Other Person");

  g_assert_nonnull (profile);
  ladder_library_add_profile (library, other);
  _ladder_window_select (window, G_OBJECT (other));

  /* The application opens at once what it is given once the library has
   * loaded: what is checked here is done when the call returns. */
  open_file (ladder_profile_get_file (profile));
  g_assert_true (_ladder_window_get_profile (window) == profile);
  g_assert_null (ui_visible_dialog (window));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_profiles (library)), ==, 2);

  ui_window_free (window, app);
}

/* A copy of a profile of the library, from elsewhere, offers the merge. */
static void
test_open_copy_merges (void)
{
  g_autoptr(LadderApplication) app = NULL;
  g_autoptr(LadderProfile) written = put_in_library ("Robin Copy");
  LadderWindow *window = ui_window_new (&app);
  LadderLibrary *library = _ladder_window_get_library (window);
  LadderProfile *profile = ladder_library_find_profile (library, ladder_profile_get_id (written));
  g_autoptr(LadderEvidence) evidence = ladder_evidence_new (NULL);
  g_autofree char *copy = NULL;
  g_autoptr(GFile) file = NULL;
  AdwDialog *dialog;

  ladder_evidence_set_title (evidence, "Their entry");
  ladder_profile_add_evidence (written, evidence);
  copy = ladder_format_write_shared_copy (written, NULL);
  file = write_outside ("Robin Copy.json", copy);

  open_file (file);
  dialog = wait_for_dialog (window, "the merge dialog");
  g_assert_true (LADDER_IS_MERGE_DIALOG (dialog));
  g_assert_true (_ladder_window_get_profile (window) == profile);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_profiles (library)), ==, 1);

  close_dialogs (window);
  ui_window_free (window, app);
}

/* Someone else's profile, not in the library, is offered to be added;
 * added, it is the library's, in its own folder. */
static void
test_open_new_profile (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderLibrary *library = _ladder_window_get_library (window);
  g_autoptr(LadderProfile) theirs = small_profile ("Alex New");
  g_autofree char *contents = ladder_format_write_profile (theirs, NULL);
  g_autoptr(GFile) file = write_outside ("Alex New.json", contents);
  LadderProfile *added;
  AdwDialog *dialog;

  open_file (file);
  dialog = wait_for_dialog (window, "the question about the profile");
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==,
                   "Add Alex New as Someone You Manage?");
  g_assert_null (ladder_library_find_profile (library, ladder_profile_get_id (theirs)));

  g_signal_emit_by_name (dialog, "response", "add");
  close_dialogs (window);
  added = ladder_library_find_profile (library, ladder_profile_get_id (theirs));
  g_assert_nonnull (added);
  g_assert_true (_ladder_window_get_profile (window) == added);
  g_assert_cmpint (ladder_profile_get_owner (added), ==, LADDER_RATER_MANAGER);
  g_assert_false (g_file_equal (ladder_profile_get_file (added), file));

  ui_window_free (window, app);
}

/* A broken profile is refused, with its file and line named. */
static void
test_open_broken (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(GFile) file = write_outside ("broken.json",
                                         "{\n  \"format\" : \"ladder-profile\",\n  \"version\" : 1,\n"
                                         "  \"id\" : \n}\n");
  g_autofree char *escaped = g_regex_escape_string (g_file_peek_path (file), -1);
  g_autofree char *pattern = g_strdup_printf ("^%s:[0-9]+:[0-9]+: ", escaped);
  AdwDialog *dialog;
  const char *body;

  open_file (file);
  dialog = wait_for_dialog (window, "the error");
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  body = adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog));
  if (!g_regex_match_simple (pattern, body, 0, 0))
    g_error ("“%s” does not name the file and line as “%s”", body, pattern);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_profiles (_ladder_window_get_library (window))), ==, 0);

  close_dialogs (window);
  ui_window_free (window, app);
}

/* A broken framework too: the file, the line and the column. */
static void
test_open_broken_framework (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(GFile) file = write_outside ("half.json",
                                         "{\n  \"format\" : \"ladder-framework\",\n  \"version\" : 1,\n"
                                         "  \"levels\" : [\n");
  AdwDialog *dialog;
  const char *body;

  open_file (file);
  dialog = wait_for_dialog (window, "the error");
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  body = adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog));
  if (!g_regex_match_simple ("half\\.json:[0-9]+:[0-9]+: ", body, 0, 0))
    g_error ("“%s” does not name the file and line", body);

  close_dialogs (window);
  ui_window_free (window, app);
}

static gboolean
profile_whole_cb (gpointer data)
{
  LadderProfile *profile = _ladder_window_get_profile (data);

  return profile != NULL && !ladder_profile_get_loading (profile);
}

/* Log a Win with no window yet: the window opens on the profile last
 * shown, with the evidence editor on it. */
static void
test_log_win_at_start (void)
{
  g_autoptr(LadderApplication) app = g_object_ref (ui_application ());
  LadderWindow *window;
  AdwDialog *dialog;

  /* The last one written is remembered as the last shown. */
  g_object_unref (put_in_library ("Another Person"));
  g_object_unref (put_in_library ("Robin Wins"));
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));

  g_action_group_activate_action (G_ACTION_GROUP (app), "log-win", NULL);
  window = app_window ();
  dialog = wait_for_dialog (window, "the evidence editor");
  g_assert_true (LADDER_IS_EVIDENCE_EDITOR (dialog));
  g_assert_cmpstr (ladder_profile_get_name (_ladder_window_get_profile (window)), ==,
                   "Robin Wins");
  ui_wait_for (profile_whole_cb, window, "the profile's evidence");

  close_dialogs (window);
  ui_window_free (window, app);
}

/* Log a Win in a running window: the editor on the profile shown. */
static void
test_log_win_running (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  AdwDialog *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (app), "log-win", NULL);
  dialog = wait_for_dialog (window, "the evidence editor");
  g_assert_true (LADDER_IS_EVIDENCE_EDITOR (dialog));
  g_assert_true (_ladder_window_get_profile (window) == profile);

  close_dialogs (window);
  ui_window_free (window, app);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/open/framework", test_open_framework);
  g_test_add_func ("/ladder/open/library-profile", test_open_library_profile);
  g_test_add_func ("/ladder/open/copy-merges", test_open_copy_merges);
  g_test_add_func ("/ladder/open/new-profile", test_open_new_profile);
  g_test_add_func ("/ladder/open/broken", test_open_broken);
  g_test_add_func ("/ladder/open/broken-framework", test_open_broken_framework);
  g_test_add_func ("/ladder/open/log-win-at-start", test_log_win_at_start);
  g_test_add_func ("/ladder/open/log-win-running", test_log_win_running);

  return g_test_run ();
}
