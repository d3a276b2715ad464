/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is new at the target level: the Progress tab's New mode lists the
 * behaviours new there, a section per category, and a category's page
 * marks them and names the lower behaviour a restated one builds on.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "ladder-behaviour-row.h"
#include "ladder-category-page.h"
#include "ladder-progress-page.h"
#include "ui-helpers.h"

/* Three levels; at Level 2, Craft restates one behaviour of Level 1 and
 * adds one, People adds one. */
static LadderProfile *
show_profile_with_levels (LadderWindow *window,
                          const char   *names[3])
{
  g_autoptr(LadderFramework) framework = ladder_framework_new ("test-growth", "Growth Framework");
  g_autoptr(LadderProfile) profile = NULL;
  const char *levels[][2] = { { "1", names[0] }, { "2", names[1] }, { "3", names[2] } };
  const char *behaviours[][4] = {
    { "c1", "1", "craft", "Writes unit tests for their code" },
    { "c2", "1", "craft", "Reviews the code of peers" },
    { "c3", "2", "craft", "Writes unit and integration tests for their code" },
    { "c4", "2", "craft", "Designs systems" },
    { "p1", "1", "people", "Helps others" },
    { "p2", "2", "people", "Mentors new engineers" },
    { "p3", "3", "people", "Grows the team" },
  };
  g_autoptr(LadderCategory) craft = ladder_category_new ("craft", "Craft", NULL, NULL);
  g_autoptr(LadderCategory) people = ladder_category_new ("people", "People", NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autoptr(LadderLevel) level = ladder_level_new (levels[i][0], levels[i][1], NULL);

      g_assert_true (ladder_framework_add_level (framework, level));
    }
  g_assert_true (ladder_framework_add_category (framework, craft));
  g_assert_true (ladder_framework_add_category (framework, people));
  for (guint i = 0; i < G_N_ELEMENTS (behaviours); i++)
    {
      g_autoptr(LadderBehaviour) behaviour = ladder_behaviour_new (behaviours[i][0], behaviours[i][1],
                                                                   behaviours[i][2], NULL,
                                                                   behaviours[i][3]);

      g_assert_true (ladder_framework_add_behaviour (framework, behaviour));
    }

  profile = ladder_profile_new (NULL, framework);
  ladder_profile_set_name (profile, "Sam Tester");
  ladder_profile_set_current_level (profile, "1");
  ladder_profile_set_target_level (profile, "2");
  ladder_library_add_profile (_ladder_window_get_library (window), profile);
  _ladder_window_select (window, G_OBJECT (profile));
  g_assert_true (_ladder_window_get_profile (window) == profile);

  return profile;
}

static LadderProfile *
show_profile (LadderWindow *window)
{
  const char *names[3] = { "Level 1", "Level 2", "Level 3" };

  return show_profile_with_levels (window, names);
}

static const char *
visible_mode (GtkWidget *page)
{
  GtkWidget *stack = ui_find (page, "mode_stack", GTK_TYPE_STACK);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* "Category:id,id Category:id" for each section of the New list. */
static char *
describe_new (GtkWidget *page)
{
  GtkWidget *list = ui_find (page, "new_list", GTK_TYPE_LIST_VIEW);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LadderBehaviour) behaviour = g_list_model_get_item (model, i);
      guint start, end;

      gtk_section_model_get_section (GTK_SECTION_MODEL (model), i, &start, &end);
      if (start == i)
        g_string_append_printf (out, "%s%s:", out->len > 0 ? " " : "",
                                ladder_behaviour_get_category (behaviour));
      else
        g_string_append_c (out, ',');
      g_string_append (out, ladder_behaviour_get_id (behaviour));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The mapped behaviour rows under @root. */
static GPtrArray *
mapped_rows (GtkWidget *root)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GPtrArray *mapped = g_ptr_array_new ();

  ui_find_all (root, LADDER_TYPE_BEHAVIOUR_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_mapped (rows->pdata[i]))
      g_ptr_array_add (mapped, rows->pdata[i]);

  return mapped;
}

static gboolean
rows_mapped_cb (gpointer data)
{
  GtkWidget *root = data;
  g_autoptr(GPtrArray) rows = mapped_rows (root);

  return rows->len > 0;
}

static GtkWidget *
row_with_text (GtkWidget  *root,
               const char *text)
{
  g_autoptr(GPtrArray) rows = mapped_rows (root);

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *label = ui_find (rows->pdata[i], "text", GTK_TYPE_LABEL);

      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) == 0)
        return rows->pdata[i];
    }

  g_error ("no row reads “%s”", text);
}

/* The row's mark, or NULL when it shows none. */
static const char *
growth_mark (GtkWidget *row)
{
  GtkWidget *label = ui_find (row, "growth", GTK_TYPE_LABEL);

  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
  return gtk_widget_get_visible (label) ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

static void
test_new_mode_lists_new_behaviours (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = show_profile (window);
  GtkWidget *page = ui_find (GTK_WIDGET (window), "progress_page", LADDER_TYPE_PROGRESS_PAGE);
  GtkWidget *group = ui_find (page, "mode_group", ADW_TYPE_TOGGLE_GROUP);
  GtkWidget *list = ui_find (page, "new_list", GTK_TYPE_LIST_VIEW);
  GtkWidget *status = ui_find (page, "no_new_page", ADW_TYPE_STATUS_PAGE);
  g_autofree char *sections = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  GtkWidget *row;

  g_assert_cmpstr (visible_mode (page), ==, "progress");
  adw_toggle_group_set_active_name (ADW_TOGGLE_GROUP (group), "new");
  g_assert_cmpstr (visible_mode (page), ==, "new");
  g_assert_false (ladder_progress_page_get_compare (LADDER_PROGRESS_PAGE (page)));

  /* The restated c3 is left out; the sections follow the framework. */
  sections = describe_new (page);
  g_assert_cmpstr (sections, ==, "craft:c4 people:p2");

  /* Rating there keeps the rows, and so the focus. */
  ui_wait_for (rows_mapped_cb, list, "the new behaviours' rows");
  before = mapped_rows (list);
  row = row_with_text (list, "Designs systems");
  g_assert_null (growth_mark (row));
  adw_toggle_group_set_active_name (ADW_TOGGLE_GROUP (ui_find (row, "rating_group", ADW_TYPE_TOGGLE_GROUP)),
                                    "consistently");
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "c4", LADDER_RATER_SELF), ==,
                   LADDER_RATING_CONSISTENTLY);
  ui_spin (50);
  after = mapped_rows (list);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (after->pdata[i] == before->pdata[i]);

  /* Another target level: the list follows. */
  ladder_profile_set_target_level (profile, "3");
  g_clear_pointer (&sections, g_free);
  sections = describe_new (page);
  g_assert_cmpstr (sections, ==, "people:p3");

  /* The first level has nothing before it. */
  ladder_profile_set_target_level (profile, "1");
  g_assert_cmpstr (visible_mode (page), ==, "no-new");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "Nothing Before the Target Level");

  /* Compare mode and back. */
  ladder_progress_page_set_compare (LADDER_PROGRESS_PAGE (page), TRUE);
  g_assert_cmpstr (adw_toggle_group_get_active_name (ADW_TOGGLE_GROUP (group)), ==, "compare");
  adw_toggle_group_set_active_name (ADW_TOGGLE_GROUP (group), "progress");
  g_assert_cmpstr (visible_mode (page), ==, "progress");

  ui_window_free (window, app);
}

static gboolean
category_rows_cb (gpointer data)
{
  AdwNavigationPage *page = adw_navigation_view_get_visible_page (data);

  return LADDER_IS_CATEGORY_PAGE (page) && rows_mapped_cb (page);
}

static void
test_category_page_marks_new (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  GtkWidget *nav = ui_find (GTK_WIDGET (window), "content_nav", ADW_TYPE_NAVIGATION_VIEW);
  LadderProfile *profile = show_profile (window);
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "s", "craft"));
  ui_wait_for (category_rows_cb, nav, "the category's behaviours");
  page = GTK_WIDGET (adw_navigation_view_get_visible_page (ADW_NAVIGATION_VIEW (nav)));

  /* The current level's behaviours are not compared with anything. */
  g_assert_null (growth_mark (row_with_text (page, "Writes unit tests for their code")));
  g_assert_null (growth_mark (row_with_text (page, "Reviews the code of peers")));
  g_assert_cmpstr (growth_mark (row_with_text (page, "Designs systems")), ==, "New at Level 2");
  g_assert_cmpstr (growth_mark (row_with_text (page, "Writes unit and integration tests for their code")), ==,
                   "Builds on “Writes unit tests for their code”");

  /* Another target level: the rows shown follow. */
  ladder_profile_set_target_level (profile, "3");
  g_assert_null (growth_mark (row_with_text (page, "Designs systems")));
  g_assert_null (growth_mark (row_with_text (page, "Writes unit and integration tests for their code")));
  ladder_profile_set_target_level (profile, "2");
  g_assert_cmpstr (growth_mark (row_with_text (page, "Designs systems")), ==, "New at Level 2");

  ui_window_free (window, app);
}

/* A section's counts name two levels ("1 new at Advanced Practitioner ·
 * 1 builds on Intermediate Practitioner"): at a phone's width they wrap,
 * where on one line they widened the whole window past the screen. */
static void
test_new_mode_fits_narrow (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  const char *names[3] = { "Intermediate Practitioner of the Craft",
                           "Advanced Practitioner of the Craft",
                           "Leading Expert of the Craft" };
  GtkWidget *page, *group, *list;

  show_profile_with_levels (window, names);
  page = ui_find (GTK_WIDGET (window), "progress_page", LADDER_TYPE_PROGRESS_PAGE);
  group = ui_find (page, "mode_group", ADW_TYPE_TOGGLE_GROUP);
  list = ui_find (page, "new_list", GTK_TYPE_LIST_VIEW);
  ui_window_narrow (window);
  adw_toggle_group_set_active_name (ADW_TOGGLE_GROUP (group), "new");
  g_assert_cmpstr (visible_mode (page), ==, "new");
  ui_wait_for (rows_mapped_cb, list, "the new behaviours' rows");
  ui_spin (200);
  ui_assert_fits_width (window, 360, "the Progress tab's New mode");

  ui_window_free (window, app);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/new-at-level/progress-mode", test_new_mode_lists_new_behaviours);
  g_test_add_func ("/ladder/new-at-level/category-page", test_category_page_marks_new);
  g_test_add_func ("/ladder/new-at-level/fits-narrow", test_new_mode_fits_narrow);

  return g_test_run ();
}
