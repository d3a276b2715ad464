/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Summary tab: the chart of the current level, readiness for the next
 * one, both raters' counts, and the buttons that make the record; all
 * following the ratings.
 */

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "ladder-chart-view.h"
#include "ladder-progress-page.h"
#include "ladder-readiness-dialog.h"
#include "ladder-summary-page.h"
#include "ui-helpers.h"

static gboolean
chart_drawn_cb (gpointer data)
{
  GtkWidget *chart = data;

  return gtk_widget_get_mapped (chart) && gtk_widget_get_width (chart) > 0 &&
         gtk_widget_get_height (chart) >= 300;
}

static const char *
label_text (GtkWidget  *page,
            const char *id)
{
  return gtk_label_get_label (GTK_LABEL (ui_find (page, id, GTK_TYPE_LABEL)));
}

static const char *
row_subtitle (GtkWidget  *page,
              const char *id)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (ui_find (page, id, ADW_TYPE_ACTION_ROW)));
}

static GtkWidget *
button_for_action (GtkWidget  *page,
                   const char *action)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  ui_find_all (page, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), action) == 0)
      return buttons->pdata[i];

  return NULL;
}

static void
test_summary_small_profile (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  GtkWidget *view_stack = ui_find (GTK_WIDGET (window), "view_stack", ADW_TYPE_VIEW_STACK);
  GtkWidget *page = ui_find (GTK_WIDGET (window), "summary_page", LADDER_TYPE_SUMMARY_PAGE);
  GtkWidget *chart = ui_find (page, "chart", LADDER_TYPE_CHART_VIEW);
  LadderChart *drawn;
  guint shown, total;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (view_stack), "summary");
  ui_wait_for (chart_drawn_cb, chart, "the chart on screen");

  /* The chart of the current level: one axis per category. */
  drawn = ladder_chart_view_get_chart (LADDER_CHART_VIEW (chart));
  g_assert_nonnull (drawn);
  g_assert_cmpstr (ladder_chart_get_level (drawn), ==, "1");
  g_assert_cmpuint (ladder_chart_get_n_axes (drawn), ==, 2);

  /* Level 1 has three behaviours: 80 % of them is all three. */
  g_assert_cmpstr (label_text (page, "level_title"), ==, "Level 1");
  g_assert_cmpstr (label_text (page, "readiness"), ==, "Ready for Level 2 with 3 more behaviours shown");
  g_assert_cmpstr (row_subtitle (page, "self_row"), ==, "0 of 3 shown · Level 1");

  ladder_profile_rate (profile, "b1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "b2", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "b4", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  g_assert_cmpstr (label_text (page, "readiness"), ==, "Ready for Level 2 with 1 more behaviour shown");
  g_assert_false (gtk_widget_has_css_class (ui_find (page, "readiness", GTK_TYPE_LABEL), "success"));
  g_assert_cmpstr (row_subtitle (page, "self_row"), ==, "2 of 3 shown · Level 1");
  g_assert_cmpstr (row_subtitle (page, "manager_row"), ==, "1 of 3 shown · Level 1");

  /* The chart follows, as a new snapshot. */
  g_assert_true (ladder_chart_view_get_chart (LADDER_CHART_VIEW (chart)) != drawn);
  drawn = ladder_chart_view_get_chart (LADDER_CHART_VIEW (chart));
  ladder_chart_get_counts (drawn, 0, LADDER_RATER_SELF, &shown, &total);
  g_assert_cmpuint (shown, ==, 2);
  g_assert_cmpuint (total, ==, 2);
  ladder_chart_get_counts (drawn, 1, LADDER_RATER_MANAGER, &shown, &total);
  g_assert_cmpuint (shown, ==, 1);
  g_assert_cmpuint (total, ==, 1);

  ladder_profile_rate (profile, "b4", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  g_assert_cmpstr (label_text (page, "readiness"), ==, "Ready for Level 2");
  g_assert_true (gtk_widget_has_css_class (ui_find (page, "readiness", GTK_TYPE_LABEL), "success"));

  /* The outlines count as the PDF's radar does, Sometimes as half, and
   * the caption says so: the manager's b1 Sometimes is a quarter of
   * Craft's two, where the counts above see nothing shown. */
  ladder_profile_rate (profile, "b1", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);
  drawn = ladder_chart_view_get_chart (LADDER_CHART_VIEW (chart));
  ladder_chart_get_counts (drawn, 0, LADDER_RATER_MANAGER, &shown, &total);
  g_assert_cmpuint (shown, ==, 0);
  g_assert_cmpfloat_with_epsilon (ladder_chart_get_share (drawn, 0, LADDER_RATER_MANAGER), 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (ladder_chart_get_share (drawn, 0, LADDER_RATER_SELF), 1.0, 1e-9);
  g_assert_nonnull (strstr (label_text (page, "chart_caption"), "Sometimes counting half"));
  {
    g_autoptr(LadderRadar) paper = ladder_radar_new_self_and_manager (profile, "1");

    g_assert_cmpuint (ladder_radar_get_n_series (paper), ==, 2);
    for (guint axis = 0; axis < ladder_chart_get_n_axes (drawn); axis++)
      for (LadderRater rater = LADDER_RATER_SELF; rater <= LADDER_RATER_MANAGER; rater++)
        g_assert_cmpfloat_with_epsilon (ladder_chart_get_share (drawn, axis, rater),
                                        ladder_radar_get_value (paper, rater, axis), 1e-9);
  }

  /* The record: the window's own actions, enabled with a profile shown. */
  g_assert_nonnull (button_for_action (page, "win.export-pdf"));
  g_assert_nonnull (button_for_action (page, "win.print"));
  g_assert_true (gtk_widget_is_sensitive (button_for_action (page, "win.export-pdf")));
  g_assert_true (gtk_widget_is_sensitive (button_for_action (page, "win.print")));

  ui_window_free (window, app);
}

static gboolean
sample_shown_cb (gpointer data)
{
  return _ladder_window_get_profile (data) != NULL;
}

/* The sample profile, narrow: the chart and readiness fit 360 px. */
static void
test_summary_sample_narrow (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  GtkWidget *view_stack = ui_find (GTK_WIDGET (window), "view_stack", ADW_TYPE_VIEW_STACK);
  GtkWidget *page = ui_find (GTK_WIDGET (window), "summary_page", LADDER_TYPE_SUMMARY_PAGE);
  GtkWidget *chart = ui_find (page, "chart", LADDER_TYPE_CHART_VIEW);
  LadderProfile *profile;
  int minimum;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-demo", NULL));
  ui_wait_for (sample_shown_cb, window, "the sample profile");
  profile = _ladder_window_get_profile (window);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (view_stack), "summary");
  ui_wait_for (chart_drawn_cb, chart, "the chart on screen");

  g_assert_cmpuint (ladder_chart_get_n_axes (ladder_chart_view_get_chart (LADDER_CHART_VIEW (chart))), ==,
                    g_list_model_get_n_items (ladder_framework_get_categories (ladder_profile_get_framework (profile))));
  g_assert_cmpstr (ladder_chart_get_level (ladder_chart_view_get_chart (LADDER_CHART_VIEW (chart))), ==,
                   ladder_profile_get_current_level (profile));
  g_assert_true (g_str_has_prefix (label_text (page, "level_title"),
                                   ladder_level_get_name (ladder_framework_find_level (ladder_profile_get_framework (profile),
                                                                                       ladder_profile_get_current_level (profile)))));
  g_assert_cmpstr (label_text (page, "readiness"), !=, "");

  /* Nothing in the tab asks for more than the narrowest window. */
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  ui_window_free (window, app);
}

static gboolean
dialog_shown_cb (gpointer data)
{
  return ui_visible_dialog (data) != NULL;
}

static gboolean
dialog_gone_cb (gpointer data)
{
  return ui_visible_dialog (data) == NULL;
}

/* The readiness line says which rule it follows, the Summary edits the
 * profile's own rule, and the profile saves it. */
static void
test_summary_readiness_rule (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  GtkWidget *view_stack = ui_find (GTK_WIDGET (window), "view_stack", ADW_TYPE_VIEW_STACK);
  GtkWidget *page = ui_find (GTK_WIDGET (window), "summary_page", LADDER_TYPE_SUMMARY_PAGE);
  GtkWidget *readiness = ui_find (page, "readiness", GTK_TYPE_LABEL);
  GtkWidget *progress = ui_find (GTK_WIDGET (window), "progress_page", LADDER_TYPE_PROGRESS_PAGE);
  AdwDialog *dialog;
  GtkWidget *rule_row, *percent_row;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (view_stack), "summary");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (readiness), ==,
                   "Ready for the next level when 80 % of the current level’s behaviours are shown");

  g_assert_true (gtk_widget_activate_action (page, "summary.edit-readiness", NULL));
  ui_wait_for (dialog_shown_cb, window, "the readiness dialog");
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_READINESS_DIALOG (dialog));
  rule_row = ui_find (GTK_WIDGET (dialog), "rule_row", ADW_TYPE_COMBO_ROW);
  percent_row = ui_find (GTK_WIDGET (dialog), "percent_row", ADW_TYPE_SPIN_ROW);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (rule_row)), ==, LADDER_READINESS_CURRENT_SHARE);
  g_assert_cmpfloat (adw_spin_row_get_value (ADW_SPIN_ROW (percent_row)), ==, 80);

  /* All of Level 1: its three behaviours. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (rule_row), LADDER_READINESS_CURRENT_ALL);
  g_assert_false (gtk_widget_get_sensitive (percent_row));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (readiness), ==,
                   "Ready for the next level when every behaviour of the current level is shown");

  /* Half of Level 2, which has one behaviour. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (rule_row), LADDER_READINESS_NEXT_SHARE);
  adw_spin_row_set_value (ADW_SPIN_ROW (percent_row), 50);
  g_assert_true (gtk_widget_get_sensitive (percent_row));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (readiness), ==,
                   "Ready for the next level when 50 % of its behaviours are already shown");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (readiness)), ==, "Ready for Level 2 with 1 more behaviour shown");
  ladder_profile_rate (profile, "b3", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (readiness)), ==, "Ready for Level 2");

  /* The Progress tab's readiness line says the same rule. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (ui_find (progress, "ready_label", GTK_TYPE_LABEL)), ==,
                   "Ready for the next level when 50 % of its behaviours are already shown");

  adw_dialog_close (dialog);
  ui_wait_for (dialog_gone_cb, window, "the dialog closed");

  /* Saved with the profile, in its framework. */
  ui_wait_file_has (ladder_profile_get_file (profile),
                    "\"readiness\" : {\n      \"rule\" : \"next-share\",\n      \"percent\" : 50\n",
                    "the rule in the profile's file");

  /* A read-only profile's rule is not for editing. */
  ladder_profile_set_read_only (profile, TRUE);
  ladder_profile_rate (profile, "b3", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  g_assert_false (gtk_widget_is_sensitive (button_for_action (page, "summary.edit-readiness")));
  ladder_profile_set_read_only (profile, FALSE);

  ui_window_free (window, app);
}

/* A framework's page shows its rule and edits the library's framework,
 * written when the dialog closes. */
static void
test_framework_readiness_rule (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderLibrary *library = _ladder_window_get_library (window);
  g_autoptr(LadderFramework) framework = g_list_model_get_item (ladder_library_get_frameworks (library), 0);
  GtkWidget *view = _ladder_window_get_framework_view (window);
  GtkWidget *readiness = ui_find (view, "readiness", GTK_TYPE_LABEL);
  g_autofree char *name = g_strconcat (ladder_framework_get_id (framework), ".json", NULL);
  g_autoptr(GFile) file = g_file_get_child (ladder_library_get_directory (library), "frameworks");
  g_autoptr(GFile) framework_file = g_file_get_child (file, name);
  AdwDialog *dialog;

  _ladder_window_select (window, G_OBJECT (framework));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (readiness)), ==,
                   "Ready for the next level when 80 % of the current level’s behaviours are shown");

  g_assert_true (gtk_widget_activate_action (view, "framework.edit-readiness", NULL));
  ui_wait_for (dialog_shown_cb, window, "the readiness dialog");
  dialog = ui_visible_dialog (window);
  adw_spin_row_set_value (ADW_SPIN_ROW (ui_find (GTK_WIDGET (dialog), "percent_row", ADW_TYPE_SPIN_ROW)), 70);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (readiness)), ==,
                   "Ready for the next level when 70 % of the current level’s behaviours are shown");
  g_assert_false (g_file_query_exists (framework_file, NULL));

  adw_dialog_close (dialog);
  ui_wait_file_has (framework_file, "\"percent\" : 70", "the framework written");

  ui_window_free (window, app);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/summary/small-profile", test_summary_small_profile);
  g_test_add_func ("/ladder/summary/sample-narrow", test_summary_sample_narrow);
  g_test_add_func ("/ladder/summary/readiness-rule", test_summary_readiness_rule);
  g_test_add_func ("/ladder/summary/framework-readiness-rule", test_framework_readiness_rule);

  return g_test_run ();
}
