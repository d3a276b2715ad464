/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing a framework through the preview dialog, from a file (what the
 * file chooser and a drop both do) and from pasted text.
 */

#include "config.h"

#include <gtk/gtk.h>

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
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.save", NULL));
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
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (paste)), text, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.preview", NULL));
  gtk_editable_set_text (GTK_EDITABLE (ui_find (GTK_WIDGET (dialog), "name_row", 0)), "Pasted");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.save", NULL));
  ui_wait_for (no_dialog_cb, window, "the preview to close");

  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_frameworks (library)), ==, n_before + 1);
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "framework");

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

  return g_test_run ();
}
