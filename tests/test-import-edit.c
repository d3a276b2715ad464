/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "ladder-core.h"

/* Correcting an import before it is saved: swapping levels and
 * categories, leaving sections out and bringing them back, renaming; the
 * imported framework itself never changes. */

/* Two levels (L1 "Junior" with a summary, L2 "Senior") × three categories
 * (craft 🛠 with a description, people, impact); L1 has 2 craft and 1
 * people behaviour, L2 1 craft and 3 impact; one cell, L2 × craft. */
static LadderFramework *
small_framework (void)
{
  LadderFramework *framework = ladder_framework_new ("small", "Small");
  static const char *const cells[][3] = {
    { "b1", "L1", "craft" }, { "b2", "L1", "craft" }, { "b3", "L1", "people" },
    { "b4", "L2", "craft" }, { "b5", "L2", "impact" }, { "b6", "L2", "impact" },
    { "b7", "L2", "impact" },
  };
  g_autoptr(LadderLevel) l1 = ladder_level_new ("L1", "Junior", "Learns the craft");
  g_autoptr(LadderLevel) l2 = ladder_level_new ("L2", "Senior", NULL);
  g_autoptr(LadderCategory) craft = ladder_category_new ("craft", "Craft", "🛠", "Building things");
  g_autoptr(LadderCategory) people = ladder_category_new ("people", "People", NULL, NULL);
  g_autoptr(LadderCategory) impact = ladder_category_new ("impact", "Impact", NULL, NULL);
  g_autoptr(LadderCell) cell = ladder_cell_new ("L2", "craft", "Leads the craft");
  const char *examples[] = { "Wrote the style guide", NULL };

  ladder_framework_set_organisation (framework, "Example Co");
  ladder_framework_set_source (framework, "small.md");
  g_assert_true (ladder_framework_add_level (framework, l1));
  g_assert_true (ladder_framework_add_level (framework, l2));
  g_assert_true (ladder_framework_add_category (framework, craft));
  g_assert_true (ladder_framework_add_category (framework, people));
  g_assert_true (ladder_framework_add_category (framework, impact));
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autofree char *text = g_strdup_printf ("Behaviour %s", cells[i][0]);
      g_autoptr(LadderBehaviour) behaviour = ladder_behaviour_new (cells[i][0], cells[i][1],
                                                                   cells[i][2], NULL, text);

      if (i == 0)
        ladder_behaviour_set_examples (behaviour, examples);
      g_assert_true (ladder_framework_add_behaviour (framework, behaviour));
    }
  g_assert_true (ladder_framework_add_cell (framework, cell));

  return framework;
}

/* The names of @model's levels or categories, joined by "|". */
static char *
join_names (GListModel *model)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_strv_builder_add (builder, LADDER_IS_LEVEL (item) ? ladder_level_get_name (LADDER_LEVEL (item))
                                                          : ladder_category_get_name (LADDER_CATEGORY (item)));
    }
  names = g_strv_builder_end (builder);

  return g_strjoinv ("|", names);
}

/* The levels × categories matrix of counts, a row per level: "2 1 0|1 0 3". */
static char *
counts (LadderFramework *framework)
{
  GListModel *levels = ladder_framework_get_levels (framework);
  GListModel *categories = ladder_framework_get_categories (framework);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(LadderLevel) level = g_list_model_get_item (levels, i);

      if (i > 0)
        g_string_append_c (text, '|');
      for (guint j = 0; j < g_list_model_get_n_items (categories); j++)
        {
          g_autoptr(LadderCategory) category = g_list_model_get_item (categories, j);

          g_string_append_printf (text, j > 0 ? " %u" : "%u",
                                  ladder_framework_count_behaviours (framework,
                                                                     ladder_level_get_id (level),
                                                                     ladder_category_get_id (category)));
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_framework (LadderFramework *framework,
                  const char      *levels,
                  const char      *categories,
                  const char      *matrix)
{
  g_autofree char *level_names = join_names (ladder_framework_get_levels (framework));
  g_autofree char *category_names = join_names (ladder_framework_get_categories (framework));
  g_autofree char *matrix_text = counts (framework);

  g_assert_cmpstr (level_names, ==, levels);
  g_assert_cmpstr (category_names, ==, categories);
  g_assert_cmpstr (matrix_text, ==, matrix);
}

static void
count_cb (gpointer  instance,
          guint    *n_changes)
{
  (*n_changes)++;
}

/* Nothing changed: a copy, with everything the framework says. */
static void
test_import_edit_unchanged (void)
{
  g_autoptr(LadderFramework) imported = small_framework ();
  g_autoptr(LadderImportEdit) edit = ladder_import_edit_new (imported);
  g_autoptr(LadderFramework) result = ladder_import_edit_apply (edit);
  LadderBehaviour *b1;
  LadderCell *cell;

  g_assert_true (result != imported);
  g_assert_true (ladder_import_edit_get_imported (edit) == imported);
  assert_framework (result, "Junior|Senior", "Craft|People|Impact", "2 1 0|1 0 3");
  g_assert_cmpstr (ladder_framework_get_id (result), ==, "small");
  g_assert_cmpstr (ladder_framework_get_name (result), ==, "Small");
  g_assert_cmpstr (ladder_framework_get_organisation (result), ==, "Example Co");
  g_assert_cmpstr (ladder_framework_get_source (result), ==, "small.md");
  g_assert_cmpstr (ladder_level_get_summary (ladder_framework_find_level (result, "L1")), ==,
                   "Learns the craft");
  g_assert_cmpstr (ladder_category_get_emoji (ladder_framework_find_category (result, "craft")), ==, "🛠");
  b1 = ladder_framework_find_behaviour (result, "b1");
  g_assert_nonnull (b1);
  g_assert_cmpstr (ladder_behaviour_get_text (b1), ==, "Behaviour b1");
  g_assert_cmpstr (ladder_behaviour_get_examples (b1)[0], ==, "Wrote the style guide");
  cell = ladder_framework_find_cell (result, "L2", "craft");
  g_assert_nonnull (cell);
  g_assert_cmpstr (ladder_cell_get_summary (cell), ==, "Leads the craft");

  g_assert_finalize_object (g_steal_pointer (&result));
}

/* A swap reads the matrix the other way: every behaviour stays in its
 * cell, levels and categories trade places, summaries and descriptions
 * with them; swapping back gives the import again. */
static void
test_import_edit_swap (void)
{
  g_autoptr(LadderFramework) imported = small_framework ();
  g_autoptr(LadderImportEdit) edit = ladder_import_edit_new (imported);
  g_autoptr(LadderFramework) swapped = NULL;
  g_autoptr(LadderFramework) back = NULL;
  guint n_changes = 0;

  g_signal_connect (edit, "changed", G_CALLBACK (count_cb), &n_changes);
  ladder_import_edit_set_swapped (edit, TRUE);
  ladder_import_edit_set_swapped (edit, TRUE);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_true (ladder_import_edit_get_swapped (edit));
  g_assert_cmpuint (ladder_import_edit_get_n_sections (edit, LADDER_IMPORT_AXIS_LEVELS), ==, 3);
  g_assert_cmpstr (ladder_import_edit_get_section_name (edit, LADDER_IMPORT_AXIS_LEVELS, 2), ==, "Impact");

  swapped = ladder_import_edit_apply (edit);
  assert_framework (swapped, "Craft|People|Impact", "Junior|Senior", "2 1|1 0|0 3");
  g_assert_cmpstr (ladder_level_get_summary (ladder_framework_find_level (swapped, "craft")), ==,
                   "Building things");
  g_assert_cmpstr (ladder_category_get_description (ladder_framework_find_category (swapped, "L1")), ==,
                   "Learns the craft");
  g_assert_cmpstr (ladder_behaviour_get_level (ladder_framework_find_behaviour (swapped, "b5")), ==, "impact");
  g_assert_cmpstr (ladder_behaviour_get_category (ladder_framework_find_behaviour (swapped, "b5")), ==, "L2");
  g_assert_nonnull (ladder_framework_find_cell (swapped, "craft", "L2"));

  ladder_import_edit_set_swapped (edit, FALSE);
  back = ladder_import_edit_apply (edit);
  assert_framework (back, "Junior|Senior", "Craft|People|Impact", "2 1 0|1 0 3");
  g_assert_cmpuint (n_changes, ==, 2);
}

/* A section left out takes its behaviours and cells with it, and comes
 * back whole; it stays left out through a swap. */
static void
test_import_edit_leave_out (void)
{
  g_autoptr(LadderFramework) imported = small_framework ();
  g_autoptr(LadderImportEdit) edit = ladder_import_edit_new (imported);
  g_autoptr(LadderFramework) without = NULL;
  g_autoptr(LadderFramework) swapped = NULL;
  g_autoptr(LadderFramework) back = NULL;

  ladder_import_edit_set_left_out (edit, LADDER_IMPORT_AXIS_CATEGORIES, 0, TRUE);
  ladder_import_edit_set_left_out (edit, LADDER_IMPORT_AXIS_LEVELS, 0, TRUE);
  g_assert_true (ladder_import_edit_get_left_out (edit, LADDER_IMPORT_AXIS_CATEGORIES, 0));
  g_assert_false (ladder_import_edit_get_left_out (edit, LADDER_IMPORT_AXIS_CATEGORIES, 1));
  without = ladder_import_edit_apply (edit);
  assert_framework (without, "Senior", "People|Impact", "0 3");
  g_assert_null (ladder_framework_find_behaviour (without, "b4"));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_cells (without)), ==, 0);

  ladder_import_edit_set_swapped (edit, TRUE);
  g_assert_true (ladder_import_edit_get_left_out (edit, LADDER_IMPORT_AXIS_LEVELS, 0));
  g_assert_true (ladder_import_edit_get_left_out (edit, LADDER_IMPORT_AXIS_CATEGORIES, 0));
  swapped = ladder_import_edit_apply (edit);
  assert_framework (swapped, "People|Impact", "Senior", "0|3");

  ladder_import_edit_set_swapped (edit, FALSE);
  ladder_import_edit_set_left_out (edit, LADDER_IMPORT_AXIS_CATEGORIES, 0, FALSE);
  ladder_import_edit_set_left_out (edit, LADDER_IMPORT_AXIS_LEVELS, 0, FALSE);
  back = ladder_import_edit_apply (edit);
  assert_framework (back, "Junior|Senior", "Craft|People|Impact", "2 1 0|1 0 3");
  g_assert_nonnull (ladder_framework_find_cell (back, "L2", "craft"));
}

/* A rename holds through a swap; an empty name gives the one found back;
 * the imported framework keeps its own names. */
static void
test_import_edit_rename (void)
{
  g_autoptr(LadderFramework) imported = small_framework ();
  g_autoptr(LadderImportEdit) edit = ladder_import_edit_new (imported);
  g_autoptr(LadderFramework) renamed = NULL;
  g_autoptr(LadderFramework) swapped = NULL;
  g_autoptr(LadderFramework) back = NULL;
  guint n_changes = 0;

  g_signal_connect (edit, "changed", G_CALLBACK (count_cb), &n_changes);
  ladder_import_edit_rename_section (edit, LADDER_IMPORT_AXIS_LEVELS, 1, "  Staff <3> & co ");
  ladder_import_edit_rename_section (edit, LADDER_IMPORT_AXIS_LEVELS, 1, "Staff <3> & co");
  ladder_import_edit_rename_section (edit, LADDER_IMPORT_AXIS_CATEGORIES, 2, "Reach");
  g_assert_cmpuint (n_changes, ==, 2);
  g_assert_cmpstr (ladder_import_edit_get_section_name (edit, LADDER_IMPORT_AXIS_LEVELS, 1), ==,
                   "Staff <3> & co");
  renamed = ladder_import_edit_apply (edit);
  assert_framework (renamed, "Junior|Staff <3> & co", "Craft|People|Reach", "2 1 0|1 0 3");
  assert_framework (imported, "Junior|Senior", "Craft|People|Impact", "2 1 0|1 0 3");

  ladder_import_edit_set_swapped (edit, TRUE);
  swapped = ladder_import_edit_apply (edit);
  assert_framework (swapped, "Craft|People|Reach", "Junior|Staff <3> & co", "2 1|1 0|0 3");

  ladder_import_edit_set_swapped (edit, FALSE);
  ladder_import_edit_rename_section (edit, LADDER_IMPORT_AXIS_LEVELS, 1, " ");
  ladder_import_edit_rename_section (edit, LADDER_IMPORT_AXIS_CATEGORIES, 2, NULL);
  back = ladder_import_edit_apply (edit);
  assert_framework (back, "Junior|Senior", "Craft|People|Impact", "2 1 0|1 0 3");
}

/* A published ladder read the wrong way round becomes right with a swap:
 * the engineering ladders' developer track has seven levels of five
 * axes, one behaviour each; swapped, five levels of seven categories. */
static void
test_import_edit_real_swap (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "real",
                                                 "engineeringladders-developer.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderFramework) imported = ladder_import_file (file, NULL, NULL, NULL, &error);
  g_autoptr(LadderImportEdit) edit = NULL;
  g_autoptr(LadderFramework) swapped = NULL;
  guint n_levels, n_categories;

  g_assert_no_error (error);
  n_levels = g_list_model_get_n_items (ladder_framework_get_levels (imported));
  n_categories = g_list_model_get_n_items (ladder_framework_get_categories (imported));
  g_assert_cmpuint (n_levels, >, 0);
  g_assert_cmpuint (n_categories, >, 0);

  edit = ladder_import_edit_new (imported);
  ladder_import_edit_set_swapped (edit, TRUE);
  swapped = ladder_import_edit_apply (edit);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_levels (swapped)), ==, n_categories);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_categories (swapped)), ==, n_levels);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_behaviours (swapped)), ==,
                    g_list_model_get_n_items (ladder_framework_get_behaviours (imported)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ladder/import-edit/unchanged", test_import_edit_unchanged);
  g_test_add_func ("/ladder/import-edit/swap", test_import_edit_swap);
  g_test_add_func ("/ladder/import-edit/leave-out", test_import_edit_leave_out);
  g_test_add_func ("/ladder/import-edit/rename", test_import_edit_rename);
  g_test_add_func ("/ladder/import-edit/real-swap", test_import_edit_real_swap);

  return g_test_run ();
}
