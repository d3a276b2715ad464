/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The radar charts under a real display (Xvfb) on an isolated library:
 * the Team view's Compare… (a person against the team median or another
 * person, by keyboard) and the Check-ins view's radar at a past check-in.
 */

#include "config.h"

#include <math.h>

#include <gtk/gtk.h>

#include "ladder-checkins-page.h"
#include "ladder-radar-dialog.h"
#include "ladder-radar-history.h"
#include "ladder-radar-view.h"
#include "ladder-team-view.h"
#include "ladder-time-private.h"
#include "ui-helpers.h"

/* The manager's copy of a profile on @framework, level 1, with the
 * manager's "consistently" on the first @n_shown of b1, b2 and the self
 * side "sometimes" on b4. */
static LadderProfile *
add_person (LadderWindow    *window,
            LadderFramework *framework,
            const char      *name,
            guint            n_shown)
{
  g_autoptr(LadderProfile) profile = ladder_profile_new (NULL, framework);
  g_autoptr(GError) error = NULL;
  LadderLibrary *library = _ladder_window_get_library (window);
  const char *ids[] = { "b1", "b2" };

  ladder_profile_set_name (profile, name);
  ladder_profile_set_current_level (profile, "1");
  ladder_profile_set_target_level (profile, "2");
  ladder_profile_set_owner (profile, LADDER_RATER_MANAGER);
  for (guint i = 0; i < n_shown && i < G_N_ELEMENTS (ids); i++)
    ladder_profile_rate (profile, ids[i], LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "b4", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  ladder_library_add_profile (library, profile);
  ladder_library_save_profile (library, profile, NULL, &error);
  g_assert_no_error (error);

  return profile;
}

static gboolean
dialog_shown_cb (gpointer data)
{
  return ui_visible_dialog (data) != NULL;
}

static gboolean
drawn_cb (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* The description a screen reader gets, once the view is on screen. */
static void
assert_description (LadderRadarView *view)
{
  g_autofree char *description = ladder_radar_describe (ladder_radar_view_get_radar (view));

  ui_wait_for (drawn_cb, view, "the radar drawn");
  g_assert_cmpstr (description, !=, "");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       description);
}

/* Compare… opens by keyboard on the first person shown against the team
 * median of everyone on the same framework; another person of that
 * framework can be chosen, one on another framework cannot; the ratings
 * row switches sides; the chart says its values to a screen reader. */
static void
test_team_compare (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  g_autoptr(LadderFramework) other_framework = ui_small_framework ();
  LadderProfile *ann, *ben, *cy;
  LadderRadarDialog *dialog;
  LadderRadarView *view;
  LadderRadar *radar;
  GtkWidget *button;
  AdwComboRow *other_row, *rater_row;
  GListModel *others;

  ladder_framework_set_id (other_framework, "test-other");
  ann = add_person (window, framework, "Ann", 2);
  ben = add_person (window, framework, "Ben", 1);
  cy = add_person (window, framework, "Cy", 0);
  add_person (window, other_framework, "Dee Elsewhere", 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-team", NULL));
  ladder_team_view_set_order (LADDER_TEAM_VIEW (_ladder_window_get_team_view (window)),
                              LADDER_TEAM_ORDER_NAME);
  button = ui_find (_ladder_window_get_team_view (window), "compare_button", GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));

  /* By keyboard: the button takes the focus, Enter opens the dialog. */
  g_assert_true (gtk_widget_grab_focus (button));
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Return, 0));
  ui_wait_for (dialog_shown_cb, window, "the Compare dialog");
  dialog = LADDER_RADAR_DIALOG (ui_visible_dialog (window));
  g_assert_true (ladder_radar_dialog_get_person (dialog) == ann);

  view = LADDER_RADAR_VIEW (ui_find (GTK_WIDGET (dialog), "radar_view", LADDER_TYPE_RADAR_VIEW));
  radar = ladder_radar_dialog_get_radar (dialog);
  g_assert_true (ladder_radar_view_get_radar (view) == radar);
  g_assert_cmpuint (ladder_radar_get_n_series (radar), ==, 2);
  g_assert_cmpstr (ladder_radar_get_series_name (radar, 0), ==, "Ann");
  /* Cy, whom the manager has rated nothing of at level 1, is left out,
   * and the legend says so. */
  g_assert_cmpstr (ladder_radar_get_series_name (radar, 1), ==, "Team median of 2 people");
  /* Level 1 craft: b1 and b2. Ann 2 of 2; the median of 1 and ½. */
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (radar, 0, 0), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (radar, 1, 0), 0.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (radar, 1, 1), 0.0, 1e-9);
  assert_description (view);

  /* Whom to compare with: the median, then the others on the framework. */
  other_row = ADW_COMBO_ROW (ui_find (GTK_WIDGET (dialog), "other_row", ADW_TYPE_COMBO_ROW));
  others = adw_combo_row_get_model (other_row);
  g_assert_cmpuint (g_list_model_get_n_items (others), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (others), 0), ==, "Team Median");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (others), 1), ==, "Ben");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (others), 2), ==, "Cy");

  adw_combo_row_set_selected (other_row, 1);
  radar = ladder_radar_dialog_get_radar (dialog);
  g_assert_cmpstr (ladder_radar_get_series_name (radar, 1), ==, "Ben");
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (radar, 1, 0), 0.5, 1e-9);
  assert_description (view);

  /* The engineers' own ratings: only b4, "sometimes", in People. */
  rater_row = ADW_COMBO_ROW (ui_find (GTK_WIDGET (dialog), "rater_row", ADW_TYPE_COMBO_ROW));
  adw_combo_row_set_selected (rater_row, 1);
  radar = ladder_radar_dialog_get_radar (dialog);
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (radar, 0, 0), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (radar, 0, 1), 0.5, 1e-9);
  adw_combo_row_set_selected (rater_row, 0);

  /* A rating changed while the dialog is open shows at once. */
  ladder_profile_rate (ben, "b2", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  radar = ladder_radar_dialog_get_radar (dialog);
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (radar, 1, 0), 1.0, 1e-9);

  /* Another person first: the list of others follows; back to the
   * median. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_find (GTK_WIDGET (dialog), "person_row", ADW_TYPE_COMBO_ROW)), 2);
  g_assert_true (ladder_radar_dialog_get_person (dialog) == cy);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (others), 1), ==, "Ann");
  g_assert_cmpstr (ladder_radar_get_series_name (ladder_radar_dialog_get_radar (dialog), 1), ==, "Ben");
  ladder_radar_dialog_set_other (dialog, NULL);
  g_assert_cmpstr (ladder_radar_get_series_name (ladder_radar_dialog_get_radar (dialog), 1), ==,
                   "Team median of 2 people");

  /* The rows take the keyboard. */
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (other_row)));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (rater_row)));

  adw_dialog_force_close (ADW_DIALOG (dialog));
  ui_window_free (window, app);
}

/* No one managed: nothing to compare. */
static void
test_team_compare_empty (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-team", NULL));
  g_assert_false (gtk_widget_get_sensitive (ui_find (_ladder_window_get_team_view (window),
                                                     "compare_button", GTK_TYPE_BUTTON)));

  ui_window_free (window, app);
}

static LadderCheckin *
add_checkin (LadderProfile     *profile,
             int                days_ago,
             LadderRatingValue  b1,
             LadderRatingValue  b2)
{
  g_autoptr(LadderCheckin) checkin = ladder_checkin_new (NULL);
  g_autoptr(GDate) date = ui_today_plus (-days_ago);

  ladder_checkin_set_date (checkin, date);
  ladder_checkin_set_snapshot (checkin, "b1", LADDER_RATING_UNRATED, b1);
  ladder_checkin_set_snapshot (checkin, "b2", LADDER_RATING_UNRATED, b2);
  ladder_profile_add_checkin (profile, checkin);

  return checkin;
}

/* The Check-ins view hides the radar until the first check-in; then it
 * shows the newest against now, and each past one when chosen, by the
 * side whose copy it is. */
static void
test_checkins_radar (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  GtkWidget *page = ui_find (GTK_WIDGET (window), "checkins_page", LADDER_TYPE_CHECKINS_PAGE);
  LadderRadarHistory *history;
  LadderRadarView *view;
  GtkDropDown *dropdown;
  LadderCheckin *old, *recent;
  LadderRadar *radar;
  GListModel *names;
  g_autofree char *old_date = NULL;

  ladder_profile_set_owner (profile, LADDER_RATER_MANAGER);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (ui_find (GTK_WIDGET (window), "view_stack",
                                                                  ADW_TYPE_VIEW_STACK)),
                                         "checkins");
  history = LADDER_RADAR_HISTORY (ui_find (page, "radar_history", LADDER_TYPE_RADAR_HISTORY));
  g_assert_nonnull (history);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (history)));
  g_assert_null (ladder_radar_history_get_radar (history));

  old = add_checkin (profile, 60, LADDER_RATING_NOT_YET, LADDER_RATING_NOT_YET);
  recent = add_checkin (profile, 10, LADDER_RATING_CONSISTENTLY, LADDER_RATING_SOMETIMES);
  ladder_profile_rate (profile, "b1", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "b2", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (history)));

  /* The newest first, against now. */
  dropdown = GTK_DROP_DOWN (ui_find (GTK_WIDGET (history), "checkin_dropdown", GTK_TYPE_DROP_DOWN));
  names = gtk_drop_down_get_model (dropdown);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 2);
  old_date = _ladder_date_format (ladder_checkin_get_date (old), LADDER_DATE_SHORT, "");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==, old_date);
  g_assert_true (ladder_radar_history_get_checkin (history) == recent);
  radar = ladder_radar_history_get_radar (history);
  g_assert_cmpstr (ladder_radar_get_series_name (radar, 0), ==, "Now");
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (radar, 0, 0), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (radar, 1, 0), 0.75, 1e-9);

  /* The older one, chosen in the dropdown. */
  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_true (ladder_radar_history_get_checkin (history) == old);
  radar = ladder_radar_history_get_radar (history);
  g_assert_cmpstr (ladder_radar_get_series_name (radar, 1), ==, old_date);
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (radar, 1, 0), 0.0, 1e-9);
  view = LADDER_RADAR_VIEW (ui_find (GTK_WIDGET (history), "radar_view", LADDER_TYPE_RADAR_VIEW));
  assert_description (view);

  /* A new check-in keeps the one chosen. */
  add_checkin (profile, 1, LADDER_RATING_CONSISTENTLY, LADDER_RATING_CONSISTENTLY);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);
  g_assert_true (ladder_radar_history_get_checkin (history) == old);

  /* The dropdown takes the keyboard. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (dropdown)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dropdown), GTK_DIR_TAB_FORWARD) ||
                 gtk_widget_grab_focus (GTK_WIDGET (dropdown)));

  ui_window_free (window, app);
}

int
main (int   argc,
      char *argv[])
{
  /* The test backend keeps what a screen reader would get, in process
   * and with no bus; "none" keeps nothing to check. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/radar-view/team-compare", test_team_compare);
  g_test_add_func ("/ladder/radar-view/team-compare-empty", test_team_compare_empty);
  g_test_add_func ("/ladder/radar-view/checkins", test_checkins_radar);

  return g_test_run ();
}
