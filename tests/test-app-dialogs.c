/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application's own dialogs under a real display (Xvfb): the main
 * menu's entries, Preferences bound to GSettings (the reminders' switches
 * among them), and About filled from the metainfo.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "ladder-preferences-dialog.h"
#include "ui-helpers.h"

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;

      section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }

  return FALSE;
}

static void
test_app_menu (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GMenuModel *menu = NULL;

  ui_find_all (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len && menu == NULL; i++)
    if (g_strcmp0 (gtk_menu_button_get_icon_name (buttons->pdata[i]), "open-menu-symbolic") == 0)
      menu = gtk_menu_button_get_menu_model (buttons->pdata[i]);
  g_assert_nonnull (menu);

  g_assert_true (menu_has_action (menu, "app.preferences"));
  g_assert_true (menu_has_action (menu, "app.shortcuts"));
  g_assert_true (menu_has_action (menu, "app.about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));

  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");

    g_assert_cmpstr (accels[0], ==, "<Control>comma");
  }

  ui_window_free (window, app);
}

static gboolean
widget_visible_cb (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static gboolean
widget_hidden_cb (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static void
test_app_preferences (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *library_path = g_file_get_path (ladder_library_get_directory (_ladder_window_get_library (window)));
  g_autofree char *expected_path = g_build_filename (g_get_user_data_dir (), LIBRARY_FOLDER, NULL);
  AdwDialog *dialog;
  AdwComboRow *paper_row;
  AdwActionRow *folder_row;
  AdwSwitchRow *checkins_row;
  AdwSwitchRow *log_win_row;
  AdwActionRow *background_row;
  g_autofree char *paper = NULL;

  g_settings_set_string (settings, "paper-size", "letter");

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_PREFERENCES_DIALOG (dialog));

  /* The paper follows the setting, and the setting the row. */
  paper_row = ADW_COMBO_ROW (ui_find (GTK_WIDGET (dialog), "paper_row", ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (paper_row);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (paper_row)), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (paper_row), ==, 2);
  adw_combo_row_set_selected (paper_row, 1);
  paper = g_settings_get_string (settings, "paper-size");
  g_assert_cmpstr (paper, ==, "a4");
  g_assert_cmpint (g_settings_get_enum (settings, "paper-size"), ==, LADDER_PAPER_SIZE_A4);
  g_settings_reset (settings, "paper-size");
  g_assert_cmpuint (adw_combo_row_get_selected (paper_row), ==, 0);

  /* Reminders, off by default, follow their switches; with no
   * Background portal (none runs here) the group says they come only
   * while the window is open. */
  checkins_row = ADW_SWITCH_ROW (ui_find (GTK_WIDGET (dialog), "checkins_row", ADW_TYPE_SWITCH_ROW));
  log_win_row = ADW_SWITCH_ROW (ui_find (GTK_WIDGET (dialog), "log_win_row", ADW_TYPE_SWITCH_ROW));
  background_row = ADW_ACTION_ROW (ui_find (GTK_WIDGET (dialog), "background_row", ADW_TYPE_ACTION_ROW));
  g_assert_false (adw_switch_row_get_active (checkins_row));
  g_assert_false (adw_switch_row_get_active (log_win_row));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (background_row)));
  adw_switch_row_set_active (checkins_row, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "remind-checkins"));
  g_settings_set_boolean (settings, "remind-log-win", TRUE);
  g_assert_true (adw_switch_row_get_active (log_win_row));
  ui_wait_for (widget_visible_cb, background_row, "the message that no portal answered");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (background_row), "only while its window is open"));
  adw_switch_row_set_active (checkins_row, FALSE);
  g_settings_reset (settings, "remind-log-win");
  ui_wait_for (widget_hidden_cb, background_row, "the message to go with the reminders");

  /* Where the library lives, as the window's library has it. */
  g_assert_cmpstr (library_path, ==, expected_path);
  folder_row = ADW_ACTION_ROW (ui_find (GTK_WIDGET (dialog), "folder_row", ADW_TYPE_ACTION_ROW));
  g_assert_nonnull (folder_row);
  g_assert_cmpstr (adw_action_row_get_subtitle (folder_row), ==, library_path);
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (folder_row)));

  adw_dialog_force_close (dialog);
  ui_window_free (window, app);
}

static void
test_app_about (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  AdwAboutDialog *about;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (ADW_IS_ABOUT_DIALOG (ui_visible_dialog (window)));
  about = ADW_ABOUT_DIALOG (ui_visible_dialog (window));

  /* From the metainfo in the resources. */
  g_assert_cmpstr (adw_about_dialog_get_application_name (about), ==, "Ladder");
  g_assert_cmpstr (adw_about_dialog_get_application_icon (about), ==, APP_ID);
  g_assert_cmpstr (adw_about_dialog_get_developer_name (about), ==, "The Ladder developers");
  g_assert_cmpstr (adw_about_dialog_get_website (about), ==, "https://github.com/ladderapp/ladder");
  g_assert_cmpstr (adw_about_dialog_get_issue_url (about), ==, "https://github.com/ladderapp/ladder/issues");
  g_assert_cmpint (adw_about_dialog_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_dialog_get_release_notes_version (about), ==, PACKAGE_VERSION);
  g_assert_nonnull (strstr (adw_about_dialog_get_release_notes (about), "first release"));

  g_assert_cmpstr (adw_about_dialog_get_version (about), ==, PACKAGE_VERSION);
  g_assert_nonnull (adw_about_dialog_get_developers (about));
  g_assert_true (g_str_has_prefix (adw_about_dialog_get_developers (about)[0], "The Ladder developers"));

  adw_dialog_force_close (ADW_DIALOG (about));
  ui_window_free (window, app);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/app-dialogs/menu", test_app_menu);
  g_test_add_func ("/ladder/app-dialogs/preferences", test_app_preferences);
  g_test_add_func ("/ladder/app-dialogs/about", test_app_about);

  return g_test_run ();
}
