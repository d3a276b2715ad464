/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window under a real display (Xvfb) on an isolated library: the first
 * run, creating a profile, the narrow layout, and a broken profile file.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "ladder-avatar.h"
#include "ladder-profile-dialog.h"
#include "ladder-sidebar-row.h"
#include "ui-helpers.h"

static GFile *
profiles_folder (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), LIBRARY_FOLDER, "profiles", NULL);

  return g_file_new_for_path (path);
}

static gboolean
view_is_profile_cb (gpointer data)
{
  return g_strcmp0 (_ladder_window_get_view (data), "profile") == 0;
}

static void
test_window_welcome_and_create (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(GFile) folder = profiles_folder ();
  g_autoptr(GFile) file = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  AdwDialog *dialog;
  GtkWidget *name_row;
  GtkWidget *role_row;
  GtkGridView *grid;
  LadderProfile *profile;

  /* An empty library welcomes. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Ladder");
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "welcome");
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_profiles (_ladder_window_get_library (window))), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_frameworks (_ladder_window_get_library (window))), ==, 4);

  /* "Create Your Profile": what is typed at once goes into the name; no
   * framework is chosen for the person; Enter in the last field creates
   * once a framework is chosen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-profile", NULL));
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_PROFILE_DIALOG (dialog));
  name_row = ui_find (GTK_WIDGET (dialog), "name_row", 0);
  g_assert_nonnull (name_row);
  role_row = ui_find (GTK_WIDGET (dialog), "role_row", 0);
  g_assert_true (adw_dialog_get_focus (dialog) == name_row ||
                 gtk_widget_is_ancestor (adw_dialog_get_focus (dialog), name_row));
  grid = GTK_GRID_VIEW (ui_find (GTK_WIDGET (dialog), "framework_grid", GTK_TYPE_GRID_VIEW));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_grid_view_get_model (grid))),
                    ==, GTK_INVALID_LIST_POSITION);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Ada <b>Lovelace</b> & co");
  gtk_editable_set_text (GTK_EDITABLE (role_row), "Engineer");
  /* Enter, as the entry gets it. */
  g_signal_emit_by_name (ui_find (role_row, NULL, GTK_TYPE_TEXT), "activate");
  g_assert_true (ui_visible_dialog (window) == dialog);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_grid_view_get_model (grid)), 1);
  g_signal_emit_by_name (ui_find (role_row, NULL, GTK_TYPE_TEXT), "activate");

  ui_wait_for (view_is_profile_cb, window, "the new profile to show");
  profile = _ladder_window_get_profile (window);
  g_assert_nonnull (profile);
  g_assert_cmpstr (ladder_profile_get_name (profile), ==, "Ada <b>Lovelace</b> & co");
  g_assert_nonnull (ladder_profile_get_current_level (profile));

  /* Saved at once, where the library keeps profiles. */
  ui_wait_saved (window);
  file = g_object_ref (ladder_profile_get_file (profile));
  basename = g_file_get_basename (file);
  g_assert_true (g_file_has_parent (file, folder));
  g_assert_true (g_file_query_exists (file, NULL));
  contents = ui_read_file (file);
  g_assert_nonnull (strstr (contents, "\"ladder-profile\""));
  g_assert_nonnull (strstr (contents, "Ada <b>Lovelace</b> & co"));

  /* Deleting it moves the file aside; undo brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-profile", NULL));
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete-profile", "s",
                                             ladder_profile_get_id (profile)));
  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "profile");

  ui_window_free (window, app);
}

static gboolean
collapsed_cb (gpointer data)
{
  AdwNavigationSplitView *split = data;

  return adw_navigation_split_view_get_collapsed (split);
}

static void
test_window_narrow (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  GtkWidget *split = ui_find (GTK_WIDGET (window), NULL, ADW_TYPE_NAVIGATION_SPLIT_VIEW);
  int min_width;

  gtk_widget_get_size_request (GTK_WIDGET (window), &min_width, NULL);
  g_assert_cmpint (min_width, ==, 360);
  g_assert_false (adw_navigation_split_view_get_collapsed (ADW_NAVIGATION_SPLIT_VIEW (split)));

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  ui_wait_for (collapsed_cb, split, "the split view to collapse");

  ui_window_free (window, app);
}

static gboolean
pointer_cleared_cb (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Narrow, the content shown and the window closed in the same turn of
 * the main loop: the split view's own idle callback, still to come,
 * writes to it, so it outlives the window until then. */
static void
test_window_narrow_closed_at_once (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  GtkWidget *split = ui_find (GTK_WIDGET (window), NULL, ADW_TYPE_NAVIGATION_SPLIT_VIEW);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  ui_wait_for (collapsed_cb, split, "the split view to collapse");
  adw_navigation_split_view_set_show_content (ADW_NAVIGATION_SPLIT_VIEW (split), FALSE);
  ui_spin (300);
  /* The welcome slides over the sidebar. */
  _ladder_window_show_welcome (window);
  g_assert_true (adw_navigation_split_view_get_show_content (ADW_NAVIGATION_SPLIT_VIEW (split)));

  g_object_add_weak_pointer (G_OBJECT (split), (gpointer *) &split);
  ui_window_free (window, app);
  g_assert_nonnull (split);
  ui_wait_for (pointer_cleared_cb, &split, "the split view to go");
}

static gboolean
view_is_error_cb (gpointer data)
{
  return g_strcmp0 (_ladder_window_get_view (data), "error") == 0;
}

static void
test_window_broken_profile (void)
{
  static const char broken[] = "{\n  \"format\": \"ladder-profile\",\n  \"version\": 1,\n  \"name\": ,\n}\n";
  g_autoptr(GFile) folder = profiles_folder ();
  g_autoptr(GFile) broken_file = g_file_get_child (folder, "broken.json");
  g_autoptr(GFile) backup = g_file_get_child (folder, "broken.json~");
  g_autoptr(GFile) good_file = g_file_get_child (folder, "good.json");
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  g_autoptr(LadderProfile) good = ladder_profile_new (NULL, framework);
  g_autoptr(LadderApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GListModel) errors = NULL;
  g_autoptr(LadderLoadError) load_error = NULL;
  LadderWindow *window;
  LadderProfile *loaded;
  GtkWidget *details;
  gsize length;

  g_assert_true (g_file_make_directory_with_parents (folder, NULL, &error));
  g_assert_no_error (error);
  g_file_replace_contents (broken_file, broken, strlen (broken), NULL, FALSE, G_FILE_CREATE_NONE,
                           NULL, NULL, &error);
  g_assert_no_error (error);
  ladder_profile_set_name (good, "Good One");
  ladder_profile_set_current_level (good, "1");
  json = ladder_format_write_profile (good, &length);
  g_file_replace_contents (good_file, json, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                           &error);
  g_assert_no_error (error);

  window = ui_window_new (&app);

  /* The rest of the library opens… */
  loaded = ladder_library_find_profile (_ladder_window_get_library (window), ladder_profile_get_id (good));
  g_assert_nonnull (loaded);
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "profile");

  /* …and the broken file is listed with its position and the problem. */
  errors = g_object_ref (ladder_library_get_errors (_ladder_window_get_library (window)));
  g_assert_cmpuint (g_list_model_get_n_items (errors), ==, 1);
  load_error = g_list_model_get_item (errors, 0);
  _ladder_window_select (window, G_OBJECT (load_error));
  ui_wait_for (view_is_error_cb, window, "the error page");
  details = ui_find (GTK_WIDGET (window), "error_details", GTK_TYPE_LABEL);
  g_assert_nonnull (details);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (details)), "broken.json:4:"));

  /* Changes to the good profile are saved; the broken one is never
   * written, not even as a backup. */
  _ladder_window_select (window, G_OBJECT (loaded));
  ladder_profile_rate (loaded, "b1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  ui_spin (600);
  ui_wait_saved (window);
  after = ui_read_file (good_file);
  g_assert_nonnull (strstr (after, "consistently"));

  ui_window_free (window, app);

  {
    g_autofree char *contents = ui_read_file (broken_file);

    g_assert_cmpstr (contents, ==, broken);
    g_assert_false (g_file_query_exists (backup, NULL));
  }
}

/* Initials come from letters: a name that starts with a bracket, a quote
 * or an emoji shows the letters of its words, and one with no letter at
 * all shows the avatar's icon. The colour follows the text, from
 * libadwaita's palette, the same for the same person. */
static void
test_window_avatar_initials (void)
{
  const struct { const char *name; const char *text; const char *initials; } cases[] = {
    { "<Nina> Smith", "Nina> Smith", "NS" },
    { "<b>Nina</b>", "Nina</b>", "N" },
    { "“Ana” <b>Lopez</b>", "Ana” Lopez</b>", "AL" },
    { "🚀 Zoë  O'Neil", "Zoë O'Neil", "ZO" },
    { "émile zola", "émile zola", "ÉZ" },
    { "<<>> !!", "", "" },
  };
  g_autoptr(LadderFramework) framework = ladder_framework_new ("f", "F");
  GtkWidget *row = g_object_ref_sink (ladder_sidebar_row_new ());
  LadderAvatar *avatar = LADDER_AVATAR (ui_find (row, "avatar", LADDER_TYPE_AVATAR));
  GtkWidget *other = g_object_ref_sink (ladder_avatar_new (40));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LadderProfile) profile = ladder_profile_new (NULL, framework);
      g_autofree char *colour = NULL;
      gboolean letters = *cases[i].initials != '\0';
      guint n_colours = 0;

      ladder_profile_set_name (profile, cases[i].name);
      ladder_sidebar_row_set_item (LADDER_SIDEBAR_ROW (row), G_OBJECT (profile));
      g_assert_cmpstr (ladder_avatar_get_text (avatar), ==, cases[i].text);
      g_assert_cmpstr (ladder_avatar_get_initials (avatar), ==, cases[i].initials);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (ui_find (GTK_WIDGET (avatar), NULL, GTK_TYPE_LABEL))) == letters);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (ui_find (GTK_WIDGET (avatar), NULL, GTK_TYPE_IMAGE))) == !letters);

      /* One colour class, and another avatar of the text has it. */
      ladder_avatar_set_text (LADDER_AVATAR (other), cases[i].text);
      for (guint n = 1; n <= 14; n++)
        {
          g_autofree char *name = g_strdup_printf ("color%u", n);

          if (gtk_widget_has_css_class (GTK_WIDGET (avatar), name))
            {
              n_colours++;
              colour = g_steal_pointer (&name);
            }
        }
      g_assert_cmpuint (n_colours, ==, 1);
      g_assert_true (gtk_widget_has_css_class (other, colour));
      ladder_sidebar_row_set_item (LADDER_SIDEBAR_ROW (row), NULL);
    }

  g_object_unref (other);
  g_object_unref (row);
}

/* A profile file its owner made read-only opens read-only, and the
 * window says so and why, naming the file; another profile shown after it
 * does not. Nothing replaces the file. */
static void
test_window_read_only_profile (void)
{
  g_autoptr(LadderApplication) app = NULL;
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  g_autoptr(LadderProfile) written = ladder_profile_new (NULL, framework);
  g_autoptr(GFile) folder = profiles_folder ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *after = NULL;
  LadderWindow *window;
  LadderProfile *profile;
  AdwBanner *banner;
  AdwDialog *details;

  ladder_profile_set_name (written, "Robin Readonly");
  ladder_profile_set_current_level (written, "1");
  text = ladder_format_write_profile (written, NULL);
  g_assert_true (g_file_make_directory_with_parents (folder, NULL, &error) ||
                 g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS));
  g_clear_error (&error);
  file = g_file_get_child (folder, "robin.json");
  g_assert_true (g_file_set_contents (g_file_peek_path (file), text, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (g_file_peek_path (file), 0400), ==, 0);

  window = ui_window_new (&app);
  banner = _ladder_window_get_read_only_banner (window);
  profile = ladder_library_find_profile (_ladder_window_get_library (window),
                                         ladder_profile_get_id (written));
  g_assert_nonnull (profile);
  _ladder_window_select (window, G_OBJECT (profile));
  g_assert_true (ladder_profile_get_read_only (profile));
  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_nonnull (strstr (adw_banner_get_title (banner), "read-only"));

  /* Its Details: why, whole, naming the file. */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (banner)), ==,
                   "win.explain-read-only");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.explain-read-only", NULL));
  details = ui_visible_dialog (window);
  g_assert_true (ADW_IS_ALERT_DIALOG (details));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (details)), ==, "Read-Only Profile");
  g_assert_cmpstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (details)), ==,
                   ladder_profile_get_read_only_reason (profile));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (details)),
                            g_file_peek_path (file)));
  g_assert_true (adw_dialog_close (details));

  /* Inside one of its categories too. */
  ui_assert_category_page_banner (window, "craft", banner);
  g_assert_true (adw_banner_get_revealed (banner));

  ui_show_small_profile (window);
  g_assert_false (adw_banner_get_revealed (banner));

  ui_window_free (window, app);
  after = ui_read_file (file);
  g_assert_cmpstr (after, ==, text);
}

/* Whether the sidebar lists @item. */
static gboolean
sidebar_lists (LadderWindow *window,
               gpointer      item)
{
  GtkListView *list = GTK_LIST_VIEW (ui_find (GTK_WIDGET (window), "sidebar_list", GTK_TYPE_LIST_VIEW));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) listed = g_list_model_get_item (model, i);

      if (listed == item)
        return TRUE;
    }

  return FALSE;
}

/* Clicks the button labelled @label under @root, as a person would. */
static void
click_button (GtkWidget  *root,
              const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  ui_find_all (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
        {
          g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
          return;
        }
    }

  g_error ("No button “%s”", label);
}

static gboolean
no_visible_dialog_cb (gpointer data)
{
  return ui_visible_dialog (data) == NULL;
}

/* An imported framework is renamed from the main menu, with the focus in
 * the name; one that a profile follows is not deleted, and the error says
 * whose; one that none follows is deleted, and the toast's Undo brings it
 * back. A bundled one is hidden from the sidebar, and Preferences' Show
 * All lists it again. */
static void
test_window_manage_frameworks (void)
{
  g_autoptr(LadderApplication) app = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(LadderFramework) zeta = ui_small_framework ();
  g_autoptr(LadderProfile) follower = NULL;
  g_autoptr(LadderFramework) bundled = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), LIBRARY_FOLDER, "frameworks", NULL);
  g_autofree char *contents = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderLibrary *library = _ladder_window_get_library (window);
  AdwDialog *dialog;
  GtkWidget *entry;

  g_assert_true (ladder_library_add_framework (library, zeta, NULL, &error));
  g_assert_no_error (error);
  _ladder_window_select (window, G_OBJECT (zeta));
  g_assert_true (_ladder_window_get_shown_framework (window) == zeta);

  /* Rename: the name is selected in the entry, ready to be typed over. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-framework", NULL));
  dialog = ui_visible_dialog (window);
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  entry = adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (dialog));
  g_assert_true (adw_dialog_get_focus (dialog) == entry);
  g_assert_false (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "rename"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Zeta Platform");
  g_assert_true (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "rename"));
  click_button (GTK_WIDGET (dialog), "_Rename");
  ui_wait_for (no_visible_dialog_cb, window, "the dialog to close");
  g_assert_cmpstr (ladder_framework_get_name (zeta), ==, "Zeta Platform");
  /* The page's heading too, not only the header bar. */
  {
    GtkWidget *view = ui_find (GTK_WIDGET (window), "framework_view", 0);

    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (ui_find (view, "title", GTK_TYPE_LABEL))), ==,
                     "Zeta Platform");
  }
  {
    g_autoptr(GFile) file = g_file_new_build_filename (path, "test-small.json", NULL);

    contents = ui_read_file (file);
    g_assert_nonnull (strstr (contents, "\"Zeta Platform\""));
  }

  /* Followed by a profile: not deleted, and the error says whose. */
  follower = ladder_profile_new (NULL, zeta);
  ladder_profile_set_name (follower, "Fran Follower");
  ladder_library_add_profile (library, follower);
  _ladder_window_select (window, G_OBJECT (zeta));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-framework", NULL));
  dialog = ui_visible_dialog (window);
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Could Not Delete the Framework");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "Fran Follower"));
  adw_dialog_force_close (dialog);
  g_assert_true (sidebar_lists (window, zeta));

  /* Followed by none: deleted, and back with Undo. */
  g_assert_true (ladder_library_remove_profile (library, follower, &error));
  g_assert_no_error (error);
  _ladder_window_select (window, G_OBJECT (zeta));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-framework", NULL));
  g_assert_null (ui_visible_dialog (window));
  g_assert_null (ladder_library_find_framework (library, ladder_framework_get_id (zeta)));
  g_assert_false (sidebar_lists (window, zeta));
  g_assert_cmpstr (_ladder_window_get_view (window), !=, "framework");
  click_button (GTK_WIDGET (window), "_Undo");
  g_assert_true (ladder_library_find_framework (library, ladder_framework_get_id (zeta)) == zeta);
  g_assert_true (sidebar_lists (window, zeta));
  g_assert_true (_ladder_window_get_shown_framework (window) == zeta);

  /* Bundled: hidden, not deleted; Preferences shows it again. */
  for (guint i = 0; bundled == NULL; i++)
    {
      g_autoptr(LadderFramework) framework = g_list_model_get_item (ladder_library_get_frameworks (library), i);

      g_assert_nonnull (framework);
      if (ladder_library_is_bundled (library, framework))
        bundled = g_steal_pointer (&framework);
    }
  _ladder_window_select (window, G_OBJECT (bundled));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.hide-framework", NULL));
  g_assert_false (sidebar_lists (window, bundled));
  g_assert_true (ladder_library_find_framework (library, ladder_framework_get_id (bundled)) == bundled);
  {
    g_auto(GStrv) hidden = g_settings_get_strv (settings, "hidden-frameworks");

    g_assert_true (g_strv_contains ((const char * const *) hidden, ladder_framework_get_id (bundled)));
  }
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  dialog = ui_visible_dialog (window);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ui_find (GTK_WIDGET (dialog), "hidden_row", ADW_TYPE_ACTION_ROW))),
                            "1 framework that comes with Ladder is hidden"));
  click_button (GTK_WIDGET (dialog), "_Show All");
  g_assert_true (sidebar_lists (window, bundled));
  adw_dialog_force_close (dialog);

  ui_window_free (window, app);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/window/welcome-and-create", test_window_welcome_and_create);
  g_test_add_func ("/ladder/window/narrow", test_window_narrow);
  g_test_add_func ("/ladder/window/narrow-closed-at-once", test_window_narrow_closed_at_once);
  g_test_add_func ("/ladder/window/broken-profile", test_window_broken_profile);
  g_test_add_func ("/ladder/window/avatar-initials", test_window_avatar_initials);
  g_test_add_func ("/ladder/window/read-only-profile", test_window_read_only_profile);
  g_test_add_func ("/ladder/window/manage-frameworks", test_window_manage_frameworks);

  return g_test_run ();
}
