/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rating behaviours on a category page: the counts on screen follow at
 * once and the profile's file changes.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "ladder-behaviour-row.h"
#include "ladder-category-page.h"
#include "ladder-progress-page.h"
#include "ui-helpers.h"

static GtkWidget *
visible_category_page (LadderWindow *window)
{
  GtkWidget *nav = ui_find (GTK_WIDGET (window), "content_nav", ADW_TYPE_NAVIGATION_VIEW);
  AdwNavigationPage *page = adw_navigation_view_get_visible_page (ADW_NAVIGATION_VIEW (nav));

  return LADDER_IS_CATEGORY_PAGE (page) ? GTK_WIDGET (page) : NULL;
}

static gboolean
rows_shown_cb (gpointer data)
{
  GtkWidget *page = visible_category_page (data);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  if (page == NULL)
    return FALSE;
  ui_find_all (page, LADDER_TYPE_BEHAVIOUR_ROW, rows);
  return rows->len == 3;
}

static GtkWidget *
row_with_text (GtkWidget  *page,
               const char *text)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  ui_find_all (page, LADDER_TYPE_BEHAVIOUR_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *label = ui_find (g_ptr_array_index (rows, i), "text", GTK_TYPE_LABEL);

      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) == 0)
        return g_ptr_array_index (rows, i);
    }

  return NULL;
}

static void
test_ratings_update_counts_and_file (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  GtkWidget *progress;
  GtkWidget *page;
  GtkWidget *row;
  GtkWidget *text;
  GtkWidget *subtitle;
  GtkWidget *group;
  g_autofree char *before = NULL;

  /* Written once on creation, so that the change below is a change. */
  ladder_profile_set_role (profile, "Engineer");
  ui_spin (600);
  ui_wait_saved (window);
  before = ui_read_file (ladder_profile_get_file (profile));
  g_assert_null (strstr (before, "consistently"));

  progress = ui_find (GTK_WIDGET (window), "progress_page", LADDER_TYPE_PROGRESS_PAGE);
  subtitle = ui_find (progress, "level_subtitle", GTK_TYPE_LABEL);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (subtitle)), "0 of 3"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "s", "craft"));
  ui_wait_for (rows_shown_cb, window, "the category's behaviours");
  page = visible_category_page (window);

  /* Text from a framework is never markup. */
  row = row_with_text (page, "<b>x</b> & y");
  g_assert_nonnull (row);
  text = ui_find (row, "text", GTK_TYPE_LABEL);
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (text)));

  /* Rating through the toggle group: the model, the counts and the file. */
  group = ui_find (row, "rating_group", ADW_TYPE_TOGGLE_GROUP);
  adw_toggle_group_set_active_name (ADW_TOGGLE_GROUP (group), "consistently");
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b1", LADDER_RATER_SELF), ==,
                   LADDER_RATING_CONSISTENTLY);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (subtitle)), "1 of 3"));

  ui_wait_file_has (ladder_profile_get_file (profile), "\"consistently\"",
                    "the rating in the file");

  /* "Sometimes" does not count as shown. */
  row = row_with_text (page, "Writes tests");
  group = ui_find (row, "rating_group", ADW_TYPE_TOGGLE_GROUP);
  adw_toggle_group_set_active_name (ADW_TOGGLE_GROUP (group), "sometimes");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (subtitle)), "1 of 3"));
  ui_wait_file_has (ladder_profile_get_file (profile), "\"sometimes\"",
                    "the second rating in the file");

  /* A rating made elsewhere shows in the row at once. */
  ladder_profile_rate (profile, "b2", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  g_assert_cmpstr (adw_toggle_group_get_active_name (ADW_TOGGLE_GROUP (group)), ==, "consistently");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (subtitle)), "2 of 3"));

  ui_window_free (window, app);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/ratings/counts-and-file", test_ratings_update_counts_and_file);

  return g_test_run ();
}
