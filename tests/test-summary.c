/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Summary tab: the chart of the current level, readiness for the next
 * one, both raters' counts, and the buttons that make the record; all
 * following the ratings.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "ladder-chart-view.h"
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

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/summary/small-profile", test_summary_small_profile);
  g_test_add_func ("/ladder/summary/sample-narrow", test_summary_sample_narrow);

  return g_test_run ();
}
