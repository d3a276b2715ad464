/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing a framework through the preview dialog, from a file (what the
 * file chooser and a drop both do) and from pasted text.
 */

#include "config.h"

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "ladder-framework-view.h"
#include "ladder-import-dialog.h"
#include "ui-helpers.h"

static gboolean
no_dialog_cb (gpointer data)
{
  return ui_visible_dialog (data) == NULL;
}

static void
test_import_seed_through_preview (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderLibrary *library = _ladder_window_get_library (window);
  const char *seeds = g_getenv ("LADDER_SEEDS_DIR");
  g_autofree char *path = g_build_filename (seeds, "gitlab-senior-backend-engineer.txt", NULL);
  g_autoptr(GFile) seed = g_file_new_for_path (path);
  g_autofree char *frameworks_path = g_build_filename (g_get_user_data_dir (), LIBRARY_FOLDER, "frameworks", NULL);
  g_autoptr(GFile) frameworks = g_file_new_for_path (frameworks_path);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) error = NULL;
  guint n_before = g_list_model_get_n_items (ladder_library_get_frameworks (library));
  AdwDialog *dialog;
  GtkWidget *name_row;
  GFileInfo *info;
  guint n_files = 0;

  _ladder_window_open_file (window, seed);
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_IMPORT_DIALOG (dialog));
  name_row = ui_find (GTK_WIDGET (dialog), "name_row", 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), !=, "");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Imported <Senior> & Co");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.save", NULL));
  ui_wait_for (no_dialog_cb, window, "the preview to close");

  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_frameworks (library)), ==, n_before + 1);
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "framework");

  enumerator = g_file_enumerate_children (frameworks, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, &error);
  g_assert_no_error (error);
  while ((info = g_file_enumerator_next_file (enumerator, NULL, &error)) != NULL)
    {
      if (g_str_has_suffix (g_file_info_get_name (info), ".json"))
        {
          g_autoptr(GFile) file = g_file_get_child (frameworks, g_file_info_get_name (info));
          g_autofree char *contents = ui_read_file (file);

          g_assert_nonnull (strstr (contents, "Imported <Senior> & Co"));
          n_files++;
        }
      g_object_unref (info);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_files, ==, 1);

  ui_window_free (window, app);
}

static gboolean
focus_in_cb (gpointer data)
{
  GtkWidget *widget = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A file dropped on the window goes through the same preview. */
static void
test_import_dropped_file (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderLibrary *library = _ladder_window_get_library (window);
  g_autofree char *path = g_build_filename (g_getenv ("LADDER_SEEDS_DIR"), "medium-foundations.txt",
                                            NULL);
  g_autoptr(GFile) seed = g_file_new_for_path (path);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  guint n_before = g_list_model_get_n_items (ladder_library_get_frameworks (library));
  GtkDropTarget *target = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GSList files = { seed, NULL };
  gboolean accepted = FALSE;
  AdwDialog *dialog;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_assert_true (g_type_is_a (gtk_drop_target_get_gtypes (target, NULL)[0], GDK_TYPE_FILE_LIST));

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, &files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);

  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_IMPORT_DIALOG (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (GTK_WIDGET (dialog), "name_row", 0))),
                   !=, "");
  /* As the other dialogs: the name focused, Cancel, and Ctrl+S saves. */
  ui_wait_for (focus_in_cb, ui_find (GTK_WIDGET (dialog), "name_row", 0), "the focus in the name");
  g_assert_nonnull (ui_find_button (GTK_WIDGET (dialog), "_Cancel"));
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_s, GDK_CONTROL_MASK));
  ui_wait_for (no_dialog_cb, window, "the preview to close");
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_frameworks (library)), ==, n_before + 1);
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "framework");

  ui_window_free (window, app);
}

static void
test_import_pasted_text (void)
{
  static const char text[] =
    "Level 1\n"
    "Craft\n"
    "• Writes <b>clear</b> code & tests\n"
    "• Reviews changes\n"
    "Level 2\n"
    "Craft\n"
    "• Designs services\n";
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderLibrary *library = _ladder_window_get_library (window);
  guint n_before = g_list_model_get_n_items (ladder_library_get_frameworks (library));
  AdwDialog *dialog;
  GtkWidget *paste;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.paste-text", NULL));
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_IMPORT_DIALOG (dialog));
  paste = ui_find (GTK_WIDGET (dialog), "paste_view", GTK_TYPE_TEXT_VIEW);
  /* The text to paste into is focused as the dialog opens. */
  ui_wait_for (focus_in_cb, paste, "the focus in the text");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (paste)), text, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.preview", NULL));
  gtk_editable_set_text (GTK_EDITABLE (ui_find (GTK_WIDGET (dialog), "name_row", 0)), "Pasted");
  /* Enter in the last field imports. */
  g_signal_emit_by_name (ui_find (ui_find (GTK_WIDGET (dialog), "organisation_row", 0), NULL,
                                  GTK_TYPE_TEXT), "activate");
  ui_wait_for (no_dialog_cb, window, "the preview to close");

  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_frameworks (library)), ==, n_before + 1);
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "framework");

  ui_window_free (window, app);
}

/* The preview's matrix: how many levels (rows) and categories (columns
 * after the level names' one) it shows. */
static void
assert_matrix (AdwDialog *dialog,
               guint      n_levels,
               guint      n_categories)
{
  GtkColumnView *matrix = GTK_COLUMN_VIEW (ui_find (GTK_WIDGET (dialog), "matrix", GTK_TYPE_COLUMN_VIEW));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (matrix))), ==, n_levels);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (matrix)), ==, n_categories + 1);
}

static const char *
matrix_column_title (AdwDialog *dialog,
                     guint      index)
{
  GtkColumnView *matrix = GTK_COLUMN_VIEW (ui_find (GTK_WIDGET (dialog), "matrix", GTK_TYPE_COLUMN_VIEW));
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (matrix), index);

  return gtk_column_view_column_get_title (column);
}

/* The widgets of @type in the preview's group @id, in order. */
static GPtrArray *
find_in_group (AdwDialog  *dialog,
               const char *id,
               GType       type)
{
  GPtrArray *found = g_ptr_array_new ();

  ui_find_all (ui_find (GTK_WIDGET (dialog), id, 0), type, found);

  return found;
}

/* What a published ladder imports as with reading @reading (0: the
 * best), straight from the importer. */
static LadderFramework *
import_reading (const char          *path,
                guint                reading,
                LadderImportReport **report)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  LadderImportOptions options = { .format = LADDER_IMPORT_FORMAT_AUTO, .source = name,
                                  .reading = reading };
  LadderFramework *framework = ladder_import_file (file, &options, NULL, report, &error);

  g_assert_no_error (error);

  return framework;
}

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

/* A published ladder whose reading needs a choice, corrected in the
 * preview by keys alone: another reading (Alt+2, and Alt+1 back), levels
 * and categories swapped (Ctrl+T), a section left out and brought back
 * (Space on its switch), a category renamed, and Import; what is saved
 * is what the matrix showed. */
static void
test_import_corrects_reading (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderLibrary *library = _ladder_window_get_library (window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "real",
                                                 "engineeringladders-developer.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) best = import_reading (path, 0, &report);
  g_autoptr(LadderFramework) second = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GPtrArray) switches = NULL;
  g_autoptr(GPtrArray) category_rows = NULL;
  guint n_levels = n_items (ladder_framework_get_levels (best));
  guint n_categories = n_items (ladder_framework_get_categories (best));
  guint n_before = n_items (ladder_library_get_frameworks (library));
  LadderFramework *saved = NULL;
  GtkWidget *swap_row;
  GtkWidget *import_button;
  AdwDialog *dialog;

  /* The corpus says this file needs a choice: it has one to offer. */
  g_assert_cmpuint (ladder_import_report_get_n_readings (report), >=, 2);
  second = import_reading (path, 2, NULL);

  _ladder_window_open_file (window, file);
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_IMPORT_DIALOG (dialog));
  assert_matrix (dialog, n_levels, n_categories);

  checks = find_in_group (dialog, "readings_group", GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (checks->len, ==, ladder_import_report_get_n_readings (report));
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, 0)));

  /* Another reading, by its key, and back. */
  gtk_widget_grab_focus (ui_find (GTK_WIDGET (dialog), "name_row", 0));
  g_assert_true (ui_press_key (GTK_WIDGET (dialog), GDK_KEY_2, GDK_ALT_MASK));
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, 1)));
  g_assert_false (gtk_check_button_get_active (g_ptr_array_index (checks, 0)));
  assert_matrix (dialog, n_items (ladder_framework_get_levels (second)),
                 n_items (ladder_framework_get_categories (second)));
  g_assert_true (ui_press_key (GTK_WIDGET (dialog), GDK_KEY_1, GDK_ALT_MASK));
  assert_matrix (dialog, n_levels, n_categories);

  /* The same by Space on the reading's own check button. */
  gtk_widget_grab_focus (g_ptr_array_index (checks, 1));
  g_assert_true (ui_press_key (GTK_WIDGET (dialog), GDK_KEY_space, 0));
  assert_matrix (dialog, n_items (ladder_framework_get_levels (second)),
                 n_items (ladder_framework_get_categories (second)));
  g_assert_true (ui_press_key (GTK_WIDGET (dialog), GDK_KEY_1, GDK_ALT_MASK));
  assert_matrix (dialog, n_levels, n_categories);

  /* Swapped: the levels are the categories. */
  g_assert_true (ui_press_key (GTK_WIDGET (dialog), GDK_KEY_t, GDK_CONTROL_MASK));
  swap_row = ui_find (GTK_WIDGET (dialog), "swap_row", ADW_TYPE_SWITCH_ROW);
  g_assert_true (adw_switch_row_get_active (ADW_SWITCH_ROW (swap_row)));
  assert_matrix (dialog, n_categories, n_levels);
  {
    g_autoptr(LadderLevel) first = g_list_model_get_item (ladder_framework_get_levels (best), 0);

    g_assert_cmpstr (matrix_column_title (dialog, 1), ==, ladder_level_get_name (first));
  }

  /* The first level (a category before the swap) left out, by Space on
   * its switch, and brought back; then the last one left out. */
  switches = find_in_group (dialog, "levels_group", GTK_TYPE_SWITCH);
  g_assert_cmpuint (switches->len, ==, n_categories);
  g_assert_true (gtk_widget_grab_focus (g_ptr_array_index (switches, 0)));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == g_ptr_array_index (switches, 0));
  g_assert_true (ui_press_key (GTK_WIDGET (dialog), GDK_KEY_space, 0));
  g_assert_false (gtk_switch_get_active (g_ptr_array_index (switches, 0)));
  assert_matrix (dialog, n_categories - 1, n_levels);
  g_assert_true (ui_press_key (GTK_WIDGET (dialog), GDK_KEY_space, 0));
  assert_matrix (dialog, n_categories, n_levels);
  g_assert_true (gtk_widget_grab_focus (g_ptr_array_index (switches, n_categories - 1)));
  g_assert_true (ui_press_key (GTK_WIDGET (dialog), GDK_KEY_space, 0));
  assert_matrix (dialog, n_categories - 1, n_levels);

  /* A category (a level before the swap) renamed, as typed. */
  category_rows = find_in_group (dialog, "categories_group", ADW_TYPE_ENTRY_ROW);
  g_assert_cmpuint (category_rows->len, ==, n_levels);
  g_assert_true (gtk_widget_grab_focus (g_ptr_array_index (category_rows, 0)));
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (category_rows, 0)), "Beginner <1> & co");
  g_assert_cmpstr (matrix_column_title (dialog, 1), ==, "Beginner <1> & co");

  /* Import. */
  import_button = ui_find_button (GTK_WIDGET (dialog), "_Import");
  g_assert_nonnull (import_button);
  g_assert_true (gtk_widget_grab_focus (import_button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.save", NULL));
  ui_wait_for (no_dialog_cb, window, "the preview to close");

  g_assert_cmpuint (n_items (ladder_library_get_frameworks (library)), ==, n_before + 1);
  for (guint i = 0; i < n_items (ladder_library_get_frameworks (library)); i++)
    {
      g_autoptr(LadderFramework) framework = g_list_model_get_item (ladder_library_get_frameworks (library), i);

      if (g_strcmp0 (ladder_framework_get_id (framework), ladder_framework_get_id (best)) == 0)
        saved = framework;
    }
  g_assert_nonnull (saved);
  g_assert_cmpuint (n_items (ladder_framework_get_levels (saved)), ==, n_categories - 1);
  g_assert_cmpuint (n_items (ladder_framework_get_categories (saved)), ==, n_levels);
  {
    g_autoptr(LadderCategory) first = g_list_model_get_item (ladder_framework_get_categories (saved), 0);

    g_assert_cmpstr (ladder_category_get_name (first), ==, "Beginner <1> & co");
  }

  ui_window_free (window, app);
}

/* The names in @array, a JSON array of strings, as a set. */
static GHashTable *
names_of (JsonArray *array)
{
  GHashTable *names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_hash_table_add (names, (gpointer) json_array_get_string_element (array, i));

  return names;
}

/* Artsy's ladder, four tables under their categories' headings beside a
 * map of the tracks and the managers' table, reads as its expectation in
 * the corpus says at once, and the preview imports it so: five levels,
 * four categories, the same behaviours in each cell. */
static void
test_import_artsy_reads_right (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderLibrary *library = _ladder_window_get_library (window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "real",
                                                 "artsy-engineering.md", NULL);
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "real",
                                                          "artsy-engineering.expected.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) levels = NULL;
  g_autoptr(GHashTable) categories = NULL;
  g_autoptr(LadderFramework) best = import_reading (path, 0, NULL);
  JsonObject *expected;
  JsonArray *counts;
  LadderFramework *saved = NULL;
  AdwDialog *dialog;

  json_parser_load_from_file (parser, expected_path, &error);
  g_assert_no_error (error);
  expected = json_node_get_object (json_parser_get_root (parser));
  levels = names_of (json_object_get_array_member (expected, "levels"));
  categories = names_of (json_object_get_array_member (expected, "categories"));
  counts = json_object_get_array_member (expected, "counts");
  g_assert_cmpuint (n_items (ladder_framework_get_levels (best)), ==, g_hash_table_size (levels));
  g_assert_cmpuint (n_items (ladder_framework_get_categories (best)), ==, g_hash_table_size (categories));

  _ladder_window_open_file (window, file);
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_IMPORT_DIALOG (dialog));
  assert_matrix (dialog, g_hash_table_size (levels), g_hash_table_size (categories));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.save", NULL));
  ui_wait_for (no_dialog_cb, window, "the preview to close");
  for (guint i = 0; i < n_items (ladder_library_get_frameworks (library)); i++)
    {
      g_autoptr(LadderFramework) framework = g_list_model_get_item (ladder_library_get_frameworks (library), i);

      if (g_strcmp0 (ladder_framework_get_name (framework), ladder_framework_get_name (best)) == 0)
        saved = framework;
    }
  g_assert_nonnull (saved);

  for (guint i = 0; i < json_array_get_length (counts); i++)
    {
      JsonArray *row = json_array_get_array_element (counts, i);
      g_autoptr(LadderLevel) level = g_list_model_get_item (ladder_framework_get_levels (saved), i);

      g_assert_cmpstr (ladder_level_get_name (level), ==,
                       json_array_get_string_element (json_object_get_array_member (expected, "levels"), i));
      for (guint j = 0; j < json_array_get_length (row); j++)
        {
          g_autoptr(LadderCategory) category = g_list_model_get_item (ladder_framework_get_categories (saved), j);

          g_assert_cmpstr (ladder_category_get_name (category), ==,
                           json_array_get_string_element (json_object_get_array_member (expected, "categories"), j));
          g_assert_cmpuint (ladder_framework_count_behaviours (saved, ladder_level_get_id (level),
                                                               ladder_category_get_id (category)),
                            ==, json_array_get_int_element (row, j));
        }
    }

  ui_window_free (window, app);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/import/seed-through-preview", test_import_seed_through_preview);
  g_test_add_func ("/ladder/import/dropped-file", test_import_dropped_file);
  g_test_add_func ("/ladder/import/pasted-text", test_import_pasted_text);
  g_test_add_func ("/ladder/import/corrects-reading", test_import_corrects_reading);
  g_test_add_func ("/ladder/import/artsy-reads-right", test_import_artsy_reads_right);

  return g_test_run ();
}
