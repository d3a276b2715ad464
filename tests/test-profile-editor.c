/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Edit Profile: the dialog opens on the name, saves by keyboard, records
 * a change of level with its day, writes it to the file, and its toast's
 * Undo brings the details back and removes the record.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "ladder-checkins-page.h"
#include "ladder-profile-editor.h"
#include "ladder-progress-page.h"
#include "ui-helpers.h"

static gboolean
focus_in_cb (gpointer data)
{
  GtkWidget *row = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (row));

  return focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

static gboolean
dialog_closed_cb (gpointer data)
{
  return ui_visible_dialog (data) == NULL;
}

static void
press_enter_in (GtkWidget *entry_row)
{
  /* What Enter does in an entry: GtkText's "activate". */
  g_signal_emit_by_name (ui_find (entry_row, NULL, GTK_TYPE_TEXT), "activate");
}

static gboolean
mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
unmapped_cb (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

/* The first time a level's list opens, the keyboard starts on the
 * checked level, not the first: Up then Enter from Level 2 is Level 1. */
static void
test_editor_level_keys (void)
{
  LadderApplication *app;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  GtkWidget *target_row, *popover, *list, *focus;
  AdwDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-profile", NULL));
  dialog = ui_visible_dialog (window);
  target_row = ui_find (GTK_WIDGET (dialog), "target_row", ADW_TYPE_COMBO_ROW);
  popover = ui_find (target_row, NULL, GTK_TYPE_POPOVER);
  list = ui_find (popover, NULL, GTK_TYPE_LIST_VIEW);
  ui_wait_for (focus_in_cb, ui_find (GTK_WIDGET (dialog), "name_row", 0), "the focus in the name");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (target_row)), ==, 1);

  gtk_widget_grab_focus (target_row);
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Return, 0));
  ui_wait_for (mapped_cb, popover, "the list of levels");
  ui_wait_for (focus_in_cb, list, "the focus in the list of levels");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (ui_find (focus, NULL, GTK_TYPE_LABEL))), ==, "Level 2");

  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Up, 0));
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Return, 0));
  ui_wait_for (unmapped_cb, popover, "the list of levels to close");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (target_row)), ==, 0);

  /* Ctrl+S saves, as in New Evidence. */
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_s, GDK_CONTROL_MASK));
  ui_wait_for (dialog_closed_cb, window, "the editor to close");
  g_assert_cmpstr (ladder_profile_get_target_level (profile), ==, "1");
  ui_window_free (window, app);
}

static gboolean
focus_is_cb (gpointer data)
{
  return gtk_root_get_focus (gtk_widget_get_root (data)) == data;
}

/* The date of a promotion is one Tab stop, its row: Enter on it opens
 * the calendar with the keyboard there, and choosing a day, or Escape,
 * brings the keyboard back to the row. */
static void
test_editor_date_keys (void)
{
  LadderApplication *app;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) last_week = g_date_time_add_days (now, -7);
  g_autoptr(GDate) expected = g_date_new_dmy (g_date_time_get_day_of_month (last_week),
                                              g_date_time_get_month (last_week),
                                              g_date_time_get_year (last_week));
  GtkWidget *current_row, *promotion_row, *target_row, *popover, *calendar;
  LadderPromotion *promotion;
  AdwDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-profile", NULL));
  dialog = ui_visible_dialog (window);
  current_row = ui_find (GTK_WIDGET (dialog), "current_row", ADW_TYPE_COMBO_ROW);
  promotion_row = ui_find (GTK_WIDGET (dialog), "promotion_row", ADW_TYPE_ACTION_ROW);
  target_row = ui_find (GTK_WIDGET (dialog), "target_row", ADW_TYPE_COMBO_ROW);
  calendar = ui_find (GTK_WIDGET (dialog), "calendar", GTK_TYPE_CALENDAR);
  popover = gtk_widget_get_ancestor (calendar, GTK_TYPE_POPOVER);
  ui_wait_for (focus_in_cb, ui_find (GTK_WIDGET (dialog), "name_row", 0), "the focus in the name");
  adw_combo_row_set_selected (ADW_COMBO_ROW (current_row), 1);
  g_assert_true (gtk_widget_get_visible (promotion_row));
  ui_spin (100);

  /* Tab from the level: the date's row, then the target. */
  gtk_widget_grab_focus (current_row);
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Tab, 0));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == promotion_row);
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Tab, 0));
  g_assert_true (focus_in_cb (target_row));
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Tab, GDK_SHIFT_MASK));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == promotion_row);

  /* Enter opens the calendar on it; Up is a week earlier, Enter takes
   * it, and the keyboard is back on the row. */
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Return, 0));
  ui_wait_for (mapped_cb, popover, "the calendar");
  ui_wait_for (focus_is_cb, calendar, "the focus on the calendar");
  g_assert_true (ui_press_captured_key (calendar, GDK_KEY_Up));
  g_assert_true (ui_press_captured_key (calendar, GDK_KEY_Return));
  ui_wait_for (unmapped_cb, popover, "the calendar to close");
  ui_wait_for (focus_is_cb, promotion_row, "the focus back on the date");

  /* Escape closes it again without a change, back on the row. */
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_space, 0));
  ui_wait_for (mapped_cb, popover, "the calendar again");
  ui_wait_for (focus_is_cb, calendar, "the focus on the calendar again");
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Escape, 0));
  ui_wait_for (unmapped_cb, popover, "the calendar to close again");
  g_assert_true (ui_visible_dialog (window) == dialog);
  ui_wait_for (focus_is_cb, promotion_row, "the focus back on the date again");

  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_s, GDK_CONTROL_MASK));
  ui_wait_for (dialog_closed_cb, window, "the editor to close");
  promotion = ladder_profile_get_current_level_change (profile);
  g_assert_nonnull (promotion);
  g_assert_cmpint (g_date_compare (ladder_promotion_get_date (promotion), expected), ==, 0);
  ui_window_free (window, app);
}

static void
test_editor_promotes (void)
{
  LadderApplication *app;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  g_auto(GStrv) accels = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDate) day = g_date_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) earlier = g_date_time_add_days (now, -20);
  g_autofree char *expected_title = NULL;
  g_autofree char *day_text = NULL;
  GHashTable *undos;
  GHashTableIter iter;
  gpointer undo_id;
  LadderPromotion *promotion;
  AdwDialog *dialog;
  GtkWidget *name_row, *role_row, *current_row, *promotion_row;
  AdwWindowTitle *window_title = ADW_WINDOW_TITLE (ui_find (GTK_WIDGET (window), "window_title",
                                                            ADW_TYPE_WINDOW_TITLE));

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.edit-profile");
  g_assert_cmpstr (accels[0], ==, "<Control>e");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-profile", NULL));
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_PROFILE_EDITOR (dialog));

  name_row = ui_find (GTK_WIDGET (dialog), "name_row", ADW_TYPE_ENTRY_ROW);
  role_row = ui_find (GTK_WIDGET (dialog), "role_row", ADW_TYPE_ENTRY_ROW);
  current_row = ui_find (GTK_WIDGET (dialog), "current_row", ADW_TYPE_COMBO_ROW);
  promotion_row = ui_find (GTK_WIDGET (dialog), "promotion_row", ADW_TYPE_ACTION_ROW);
  ui_wait_for (focus_in_cb, name_row, "the focus in the name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Sam Tester");
  g_assert_false (gtk_widget_get_visible (promotion_row));

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Sam Promoted");
  gtk_editable_set_text (GTK_EDITABLE (role_row), "Engineer");
  adw_combo_row_set_selected (ADW_COMBO_ROW (current_row), 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (earlier), g_date_time_get_month (earlier),
                  g_date_time_get_year (earlier));
  ladder_profile_editor_set_change_date (LADDER_PROFILE_EDITOR (dialog), day);

  g_assert_true (gtk_widget_get_visible (promotion_row));
  day_text = g_date_time_format (earlier, "%-d %B %Y");
  expected_title = g_strdup_printf ("Record a promotion to Level 2 on %s", day_text);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (promotion_row)), ==,
                   expected_title);

  /* Enter in the last field saves: the Save button is the default. */
  press_enter_in (role_row);
  ui_wait_for (dialog_closed_cb, window, "the dialog to close");

  g_assert_cmpstr (ladder_profile_get_name (profile), ==, "Sam Promoted");
  g_assert_cmpstr (ladder_profile_get_role (profile), ==, "Engineer");
  g_assert_cmpstr (ladder_profile_get_current_level (profile), ==, "2");
  /* The header bar says so at once, not when the profile is next shown. */
  g_assert_cmpstr (adw_window_title_get_title (window_title), ==, "Sam Promoted");
  g_assert_cmpstr (adw_window_title_get_subtitle (window_title), ==, "Engineer");
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_promotions (profile)), ==, 1);
  promotion = ladder_profile_get_current_level_change (profile);
  g_assert_nonnull (promotion);
  g_assert_cmpstr (ladder_promotion_get_from (promotion), ==, "1");
  g_assert_cmpint (g_date_compare (ladder_promotion_get_date (promotion), day), ==, 0);

  ui_wait_file_has (ladder_profile_get_file (profile), "\"promotions\" : [", "the promotion on disk");
  ui_wait_saved (window);
  contents = ui_read_file (ladder_profile_get_file (profile));
  g_assert_nonnull (strstr (contents, "\"current_level\" : \"2\""));
  g_assert_nonnull (strstr (contents, "\"to\" : \"2\""));
  g_assert_nonnull (strstr (contents, "\"name\" : \"Sam Promoted\""));
  g_clear_pointer (&contents, g_free);

  /* The check-ins history lists it at its day. */
  {
    GtkWidget *checkins = ui_find (GTK_WIDGET (window), "checkins_page", LADDER_TYPE_CHECKINS_PAGE);
    GListModel *shown = ladder_checkins_page_get_shown (LADDER_CHECKINS_PAGE (checkins));
    g_autoptr(GObject) first = g_list_model_get_item (shown, 0);

    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
    g_assert_true (first == G_OBJECT (promotion));
  }

  /* The toast's Undo: its action, with the id the toast holds. */
  undos = g_object_get_data (G_OBJECT (window), "ladder-profile-editor-undo");
  g_assert_cmpuint (g_hash_table_size (undos), ==, 1);
  g_hash_table_iter_init (&iter, undos);
  g_assert_true (g_hash_table_iter_next (&iter, &undo_id, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-edit-profile", "s",
                                             (const char *) undo_id));

  g_assert_cmpstr (ladder_profile_get_name (profile), ==, "Sam Tester");
  g_assert_null (ladder_profile_get_role (profile));
  g_assert_cmpstr (ladder_profile_get_current_level (profile), ==, "1");
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_promotions (profile)), ==, 0);
  g_assert_cmpstr (adw_window_title_get_title (window_title), ==, "Sam Tester");
  g_assert_cmpstr (adw_window_title_get_subtitle (window_title), ==, "");

  ui_wait_file_has (ladder_profile_get_file (profile), "\"deleted\" : true", "the undo on disk");
  ui_wait_saved (window);
  contents = ui_read_file (ladder_profile_get_file (profile));
  g_assert_nonnull (strstr (contents, "\"current_level\" : \"1\""));
  g_assert_null (strstr (contents, "\"to\" : \"2\""));

  ui_window_free (window, app);
}

/* A promotion to the level that was the target moves the target up to
 * the next level, as New Profile does; a target the profile already has
 * at its current level stays until the current level changes. */
static void
test_editor_target_moves_up (void)
{
  LadderApplication *app;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  g_autoptr(LadderLevel) l3 = ladder_level_new ("3", "Level 3", NULL);
  AdwDialog *dialog;
  AdwComboRow *current_row, *target_row;

  g_assert_true (ladder_framework_add_level (ladder_profile_get_framework (profile), l3));

  /* At Level 1, aiming at Level 2: promoted to 2, the target is 3. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-profile", NULL));
  dialog = ui_visible_dialog (window);
  current_row = ADW_COMBO_ROW (ui_find (GTK_WIDGET (dialog), "current_row", ADW_TYPE_COMBO_ROW));
  target_row = ADW_COMBO_ROW (ui_find (GTK_WIDGET (dialog), "target_row", ADW_TYPE_COMBO_ROW));
  g_assert_cmpuint (adw_combo_row_get_selected (current_row), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (target_row), ==, 1);
  adw_combo_row_set_selected (current_row, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (target_row), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "profile-editor.save", NULL));
  ui_wait_for (dialog_closed_cb, window, "the dialog to close");
  g_assert_cmpstr (ladder_profile_get_current_level (profile), ==, "2");
  g_assert_cmpstr (ladder_profile_get_target_level (profile), ==, "3");

  /* Set to the current level on purpose: opening the editor keeps it. */
  ladder_profile_set_target_level (profile, "2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-profile", NULL));
  dialog = ui_visible_dialog (window);
  current_row = ADW_COMBO_ROW (ui_find (GTK_WIDGET (dialog), "current_row", ADW_TYPE_COMBO_ROW));
  target_row = ADW_COMBO_ROW (ui_find (GTK_WIDGET (dialog), "target_row", ADW_TYPE_COMBO_ROW));
  g_assert_cmpuint (adw_combo_row_get_selected (current_row), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (target_row), ==, 1);
  /* At the top, the target is the top level. */
  adw_combo_row_set_selected (current_row, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (target_row), ==, 2);
  adw_dialog_force_close (dialog);

  ui_window_free (window, app);
}

static void
test_editor_read_only (void)
{
  LadderApplication *app;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  GtkWidget *page = ui_find (GTK_WIDGET (window), NULL, LADDER_TYPE_PROGRESS_PAGE);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *edit = NULL;

  ui_find_all (page, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "win.edit-profile") == 0)
      edit = buttons->pdata[i];
  g_assert_nonnull (edit);
  g_assert_true (gtk_widget_get_sensitive (edit));

  ladder_profile_set_read_only (profile, TRUE);
  ui_spin (50);
  g_assert_false (gtk_widget_get_sensitive (edit));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-profile", NULL);
  g_assert_null (ui_visible_dialog (window));

  ladder_profile_set_read_only (profile, FALSE);
  ui_window_free (window, app);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/profile-editor/promotes", test_editor_promotes);
  g_test_add_func ("/ladder/profile-editor/target-moves-up", test_editor_target_moves_up);
  g_test_add_func ("/ladder/profile-editor/read-only", test_editor_read_only);
  g_test_add_func ("/ladder/profile-editor/level-keys", test_editor_level_keys);
  g_test_add_func ("/ladder/profile-editor/date-keys", test_editor_date_keys);

  return g_test_run ();
}
