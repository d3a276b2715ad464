/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compare mode of the Progress tab: the behaviours the engineer and the
 * manager rate differently, a section per category, the largest gaps
 * first, following every change of a rating.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "ladder-behaviour-row.h"
#include "ladder-category-page.h"
#include "ladder-gap-row.h"
#include "ladder-progress-page.h"
#include "ui-helpers.h"

typedef struct
{
  GtkWidget  *page;
  const char *expected;
} RowsShown;

/* The texts of the rows on screen, in order, joined by "|". */
static char *
row_texts (GtkWidget *page)
{
  GtkWidget *list = ui_find (page, "gap_list", GTK_TYPE_LIST_VIEW);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  ui_find_all (list, LADDER_TYPE_GAP_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *text = ui_find (row, "text", GTK_TYPE_LABEL);

      /* Recycled rows are hidden, not gone. */
      if (gtk_widget_get_mapped (row))
        g_strv_builder_add (texts, gtk_label_get_label (GTK_LABEL (text)));
    }

  strv = g_strv_builder_end (texts);
  return g_strjoinv ("|", strv);
}

static gboolean
rows_shown_cb (gpointer data)
{
  RowsShown *shown = data;
  g_autofree char *texts = row_texts (shown->page);

  return g_strcmp0 (texts, shown->expected) == 0;
}

static void
wait_for_rows (GtkWidget  *page,
               const char *expected)
{
  RowsShown shown = { page, expected };

  ui_wait_for (rows_shown_cb, &shown, expected);
}

/* "Category name:first..last" for each section of the list's model. */
static char *
describe_sections (GtkWidget *page)
{
  GtkWidget *list = ui_find (page, "gap_list", GTK_TYPE_LIST_VIEW);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n;)
    {
      g_autoptr(LadderGap) gap = g_list_model_get_item (model, i);
      guint start, end;

      gtk_section_model_get_section (GTK_SECTION_MODEL (model), i, &start, &end);
      g_assert_cmpuint (start, ==, i);
      g_string_append_printf (out, "%s%s:%u", out->len > 0 ? " " : "",
                              ladder_category_get_name (ladder_gap_get_category (gap)),
                              end - start);
      i = end;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
visible_mode (GtkWidget *page)
{
  GtkWidget *stack = ui_find (page, "mode_stack", GTK_TYPE_STACK);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static void
test_compare_lists_gaps (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  GtkWidget *page = ui_find (GTK_WIDGET (window), "progress_page", LADDER_TYPE_PROGRESS_PAGE);
  GtkWidget *group = ui_find (page, "mode_group", ADW_TYPE_TOGGLE_GROUP);
  GtkWidget *view_stack = ui_find (GTK_WIDGET (window), "view_stack", ADW_TYPE_VIEW_STACK);
  g_autofree char *sections = NULL;

  g_assert_false (ladder_progress_page_get_compare (LADDER_PROGRESS_PAGE (page)));
  g_assert_cmpstr (visible_mode (page), ==, "progress");

  /* Nothing rated by both: nothing to talk about. The shortcut's action
   * opens Compare mode from another tab. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (view_stack), "evidence");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-ratings", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (view_stack)), ==, "progress");
  g_assert_true (ladder_progress_page_get_compare (LADDER_PROGRESS_PAGE (page)));
  g_assert_cmpstr (adw_toggle_group_get_active_name (ADW_TOGGLE_GROUP (group)), ==, "compare");
  g_assert_cmpstr (visible_mode (page), ==, "agree");

  /* Craft differs by 3 (b1 by two steps, b3 by one), People by 1 (b4);
   * b2 agrees. */
  ladder_profile_rate (profile, "b4", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  ladder_profile_rate (profile, "b4", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "b3", LADDER_RATER_SELF, LADDER_RATING_NOT_YET);
  ladder_profile_rate (profile, "b3", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);
  ladder_profile_rate (profile, "b2", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  ladder_profile_rate (profile, "b2", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);
  ladder_profile_rate (profile, "b1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "b1", LADDER_RATER_MANAGER, LADDER_RATING_NOT_YET);

  g_assert_cmpstr (visible_mode (page), ==, "compare");
  sections = describe_sections (page);
  g_assert_cmpstr (sections, ==, "Craft:2 People:1");
  g_clear_pointer (&sections, g_free);
  /* Framework text is shown as it is, never as markup. */
  wait_for_rows (page, "<b>x</b> & y|Designs systems|Helps others");

  /* People's gap grows past Craft's: it moves to the top. */
  ladder_profile_rate (profile, "b4", LADDER_RATER_SELF, LADDER_RATING_NOT_YET);
  ladder_profile_rate (profile, "b1", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  sections = describe_sections (page);
  g_assert_cmpstr (sections, ==, "People:1 Craft:1");
  g_clear_pointer (&sections, g_free);
  wait_for_rows (page, "Helps others|Designs systems");

  /* Agreement removes a section, and then the last row. */
  ladder_profile_rate (profile, "b3", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  sections = describe_sections (page);
  g_assert_cmpstr (sections, ==, "People:1");
  wait_for_rows (page, "Helps others");

  ladder_profile_rate (profile, "b4", LADDER_RATER_MANAGER, LADDER_RATING_NOT_YET);
  g_assert_cmpstr (visible_mode (page), ==, "agree");

  /* The toggle leaves Compare mode; the shortcut on the tab toggles too. */
  adw_toggle_group_set_active_name (ADW_TOGGLE_GROUP (group), "progress");
  g_assert_false (ladder_progress_page_get_compare (LADDER_PROGRESS_PAGE (page)));
  g_assert_cmpstr (visible_mode (page), ==, "progress");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-ratings", NULL));
  g_assert_true (ladder_progress_page_get_compare (LADDER_PROGRESS_PAGE (page)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-ratings", NULL));
  g_assert_false (ladder_progress_page_get_compare (LADDER_PROGRESS_PAGE (page)));

  ui_window_free (window, app);
}

static const char *
status_text (GtkWidget *page,
             gboolean   title)
{
  AdwStatusPage *status = ADW_STATUS_PAGE (ui_find (page, "agree_page", ADW_TYPE_STATUS_PAGE));

  return title ? adw_status_page_get_title (status) : adw_status_page_get_description (status);
}

/* No differences is agreement only where both have rated: otherwise the
 * page says who has not rated yet. */
static void
test_compare_says_who_has_not_rated (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  GtkWidget *page = ui_find (GTK_WIDGET (window), "progress_page", LADDER_TYPE_PROGRESS_PAGE);
  AdwStatusPage *status = ADW_STATUS_PAGE (ui_find (page, "agree_page", ADW_TYPE_STATUS_PAGE));

  ladder_progress_page_set_compare (LADDER_PROGRESS_PAGE (page), TRUE);
  g_assert_cmpstr (visible_mode (page), ==, "agree");
  g_assert_cmpstr (status_text (page, TRUE), ==, "Nothing Rated Yet");

  /* The engineer's copy, rated by the engineer alone. */
  ladder_profile_rate (profile, "b1", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  g_assert_cmpstr (visible_mode (page), ==, "agree");
  g_assert_cmpstr (status_text (page, TRUE), ==, "Manager Has Not Rated Yet");
  g_assert_cmpstr (status_text (page, FALSE), ==,
                   "Differences show here once the manager has rated behaviours too");
  g_assert_cmpstr (adw_status_page_get_icon_name (status), ==, "avatar-default-symbolic");

  /* Both rated, not the same behaviours. */
  ladder_profile_rate (profile, "b2", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);
  g_assert_cmpstr (status_text (page, TRUE), ==, "No Behaviour Rated by Both");

  /* Both rated b1 alike: now it is agreement. */
  ladder_profile_rate (profile, "b1", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);
  g_assert_cmpstr (status_text (page, TRUE), ==, "No Differences");
  g_assert_cmpstr (adw_status_page_get_icon_name (status), ==, "object-select-symbolic");

  /* A manager's copy, rated by the manager alone. */
  ladder_profile_set_owner (profile, LADDER_RATER_MANAGER);
  ladder_profile_rate (profile, "b1", LADDER_RATER_SELF, LADDER_RATING_UNRATED);
  g_assert_cmpstr (status_text (page, TRUE), ==, "Engineer Has Not Rated Yet");
  g_assert_cmpstr (status_text (page, FALSE), ==,
                   "Differences show here once the engineer has rated behaviours too");

  ui_window_free (window, app);
}

static GtkWidget *
visible_category_page (LadderWindow *window)
{
  GtkWidget *nav = ui_find (GTK_WIDGET (window), "content_nav", ADW_TYPE_NAVIGATION_VIEW);
  AdwNavigationPage *page = adw_navigation_view_get_visible_page (ADW_NAVIGATION_VIEW (nav));

  return LADDER_IS_CATEGORY_PAGE (page) ? GTK_WIDGET (page) : NULL;
}

/* The mapped behaviour row showing @text on the category page. */
static GtkWidget *
shown_behaviour_row (LadderWindow *window,
                     const char   *text)
{
  GtkWidget *page = visible_category_page (window);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  if (page == NULL)
    return NULL;
  ui_find_all (page, LADDER_TYPE_BEHAVIOUR_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *label = ui_find (rows->pdata[i], "text", GTK_TYPE_LABEL);

      if (gtk_widget_get_mapped (rows->pdata[i]) &&
          g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) == 0)
        return rows->pdata[i];
    }

  return NULL;
}

/* The row is on screen, inside the page's scrolled area, and has the
 * keyboard focus. */
static gboolean
revealed_cb (gpointer data)
{
  LadderWindow *window = data;
  GtkWidget *row = shown_behaviour_row (window, "The one that differs");
  GtkWidget *scrolled;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  graphene_rect_t bounds;

  if (row == NULL || focus == NULL ||
      !(focus == gtk_widget_get_parent (row) || gtk_widget_is_ancestor (focus, gtk_widget_get_parent (row))))
    return FALSE;
  scrolled = ui_find (visible_category_page (window), "scrolled", GTK_TYPE_SCROLLED_WINDOW);
  if (!gtk_widget_compute_bounds (row, scrolled, &bounds))
    return FALSE;
  return bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scrolled);
}

/* Enter on a row of Compare opens its category at that behaviour, in
 * view, marked and focused, however far down the category it is. */
static void
test_compare_row_opens_behaviour (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderBehaviour) differs = NULL;
  GtkWidget *page, *list, *row;
  GtkScrolledWindow *scrolled;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("filler%u", i);
      g_autofree char *text = g_strdup_printf ("A behaviour before it, number %u", i);
      g_autoptr(LadderBehaviour) filler = ladder_behaviour_new (id, "1", "craft", NULL, text);

      ladder_framework_add_behaviour (framework, filler);
    }
  differs = ladder_behaviour_new ("differs", "1", "craft", NULL, "The one that differs");
  ladder_framework_add_behaviour (framework, differs);
  profile = ladder_profile_new (NULL, framework);
  ladder_profile_set_name (profile, "Sam Tester");
  ladder_profile_set_current_level (profile, "1");
  ladder_library_add_profile (_ladder_window_get_library (window), profile);
  _ladder_window_select (window, G_OBJECT (profile));
  ladder_profile_rate (profile, "differs", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "differs", LADDER_RATER_MANAGER, LADDER_RATING_NOT_YET);

  page = ui_find (GTK_WIDGET (window), "progress_page", LADDER_TYPE_PROGRESS_PAGE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.compare-ratings", NULL));
  wait_for_rows (page, "The one that differs");

  /* The row focused, then Enter, as a keyboard does. */
  list = ui_find (page, "gap_list", GTK_TYPE_LIST_VIEW);
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_parent (ui_find (list, NULL, LADDER_TYPE_GAP_ROW))));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), list));
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Return, 0));

  ui_wait_for (revealed_cb, window, "the behaviour in view, focused");
  row = shown_behaviour_row (window, "The one that differs");
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (row), "revealed"));
  scrolled = GTK_SCROLLED_WINDOW (ui_find (visible_category_page (window), "scrolled", 0));
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scrolled)), >, 0);

  /* Only that one is marked. */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    ui_find_all (visible_category_page (window), LADDER_TYPE_BEHAVIOUR_ROW, rows);
    for (guint i = 0; i < rows->len; i++)
      if (rows->pdata[i] != row && gtk_widget_get_mapped (rows->pdata[i]))
        g_assert_false (gtk_widget_has_css_class (gtk_widget_get_parent (rows->pdata[i]), "revealed"));
  }

  ui_window_free (window, app);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/compare/lists-gaps", test_compare_lists_gaps);
  g_test_add_func ("/ladder/compare/who-has-not-rated", test_compare_says_who_has_not_rated);
  g_test_add_func ("/ladder/compare/row-opens-behaviour", test_compare_row_opens_behaviour);

  return g_test_run ();
}
