/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-import-dialog.h"
#include "ladder-ui-private.h"

struct _LadderImportDialog
{
  AdwDialog            parent_instance;

  LadderLibrary       *library;
  GBytes              *contents;  /* the text imported, to read it again */
  char                *filename;
  char                *source;
  LadderImportReport  *report;
  LadderImportEdit    *edit;
  LadderFramework     *framework; /* the edit applied: what Import saves */

  AdwNavigationView   *navigation;
  AdwNavigationPage   *preview_page;
  GtkTextView         *paste_view;
  GtkLabel            *paste_error;
  GtkLabel            *error_label;
  AdwEntryRow         *name_row;
  AdwEntryRow         *organisation_row;
  GtkLabel            *counts_label;
  AdwPreferencesGroup *readings_group;
  AdwSwitchRow        *swap_row;
  GtkColumnView       *matrix;
  AdwPreferencesGroup *levels_group;
  AdwPreferencesGroup *categories_group;
  AdwPreferencesGroup *warnings_group;
  GPtrArray           *reading_checks;
  GPtrArray           *rows;          /* (group, row) pairs of the warnings */
  GPtrArray           *section_rows;  /* (group, row) pairs of the sections */
  gboolean             updating;      /* setting widgets from the edit */
};

G_DEFINE_FINAL_TYPE (LadderImportDialog, ladder_import_dialog, ADW_TYPE_DIALOG)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The readings a key takes: Alt+1 to Alt+9. */
#define MAX_READING_KEYS 9

static GtkWidget *
plain_row (const char *title,
           const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
add_row (GPtrArray           *rows,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, group);
  g_ptr_array_add (rows, row);
}

static void
clear_rows (GPtrArray *rows)
{
  for (guint i = 0; i + 1 < rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (rows, i), g_ptr_array_index (rows, i + 1));
  g_ptr_array_set_size (rows, 0);
}

/* The matrix {{{1 */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_list_item_set_child (item, label);
}

static void
bind_level_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LadderImportDialog       *self)
{
  LadderLevel *level = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const char *name = _ladder_level_display_name (self->framework, ladder_level_get_id (level));

  gtk_label_set_xalign (label, 0);
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (label, 24);
  /* At 360 px an ellipsized name shrank to "Le…", and the levels are
   * what tells a reading right from wrong: keep up to 20 characters and
   * let the matrix scroll sideways. */
  gtk_label_set_width_chars (label, (int) MIN (g_utf8_strlen (name, -1), 20));
  gtk_label_set_label (label, name);
}

/* A count, or a dash for an empty cell, which is what a wrong reading
 * shows most: rows and columns of dashes around a few full cells. */
static void
bind_count_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LadderImportDialog       *self)
{
  LadderLevel *level = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *category = g_object_get_data (G_OBJECT (factory), "category");
  guint n = ladder_framework_count_behaviours (self->framework, ladder_level_get_id (level), category);
  g_autofree char *text = n > 0 ? g_strdup_printf ("%u", n) : g_strdup ("–");

  gtk_label_set_xalign (GTK_LABEL (label), 0.5);
  gtk_label_set_label (GTK_LABEL (label), text);
  if (n > 0)
    gtk_widget_remove_css_class (label, "dim-label");
  else
    gtk_widget_add_css_class (label, "dim-label");
}

static void
add_matrix_column (LadderImportDialog *self,
                   const char         *title,
                   const char         *category)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), self);
  if (category != NULL)
    {
      g_object_set_data_full (G_OBJECT (factory), "category", g_strdup (category), g_free);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_count_cb), self);
    }
  else
    {
      g_signal_connect (factory, "bind", G_CALLBACK (bind_level_cb), self);
    }

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, category == NULL);
  gtk_column_view_append_column (self->matrix, column);
}

/* A row per level of the result, a column per category: the whole
 * reading at a glance. */
static void
show_matrix (LadderImportDialog *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->matrix);
  GListModel *categories = ladder_framework_get_categories (self->framework);
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_column_view_set_model (self->matrix, NULL);
  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->matrix, column);
    }

  add_matrix_column (self, _("Level"), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(LadderCategory) category = g_list_model_get_item (categories, i);

      add_matrix_column (self, ladder_category_get_name (category), ladder_category_get_id (category));
    }

  selection = gtk_no_selection_new (g_object_ref (ladder_framework_get_levels (self->framework)));
  gtk_column_view_set_model (self->matrix, GTK_SELECTION_MODEL (selection));
}

static void
show_counts (LadderImportDialog *self)
{
  guint n_levels = g_list_model_get_n_items (ladder_framework_get_levels (self->framework));
  guint n_categories = g_list_model_get_n_items (ladder_framework_get_categories (self->framework));
  guint n_behaviours = g_list_model_get_n_items (ladder_framework_get_behaviours (self->framework));
  g_autofree char *levels_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u level",
                                                               "%u levels", n_levels), n_levels);
  g_autofree char *categories_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u category",
                                                                   "%u categories", n_categories),
                                                      n_categories);
  g_autofree char *behaviours_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u behaviour",
                                                                   "%u behaviours", n_behaviours),
                                                      n_behaviours);
  /* Translators: "5 levels, 4 categories and 120 behaviours" */
  g_autofree char *counts = g_strdup_printf (_("%s, %s and %s"), levels_text, categories_text,
                                             behaviours_text);

  gtk_label_set_label (self->counts_label, counts);
}

/* The edit applied again, and everything that shows the result. */
static void
edit_changed_cb (LadderImportDialog *self)
{
  g_clear_object (&self->framework);
  self->framework = ladder_import_edit_apply (self->edit);
  show_matrix (self);
  show_counts (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save",
                                 g_list_model_get_n_items (ladder_framework_get_behaviours (self->framework)) > 0);
}

/* Sections {{{1 */

static void
section_renamed_cb (GtkEditable        *editable,
                    LadderImportDialog *self)
{
  if (self->updating)
    return;

  ladder_import_edit_rename_section (self->edit,
                                     GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "axis")),
                                     GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "index")),
                                     gtk_editable_get_text (editable));
}

static void
section_included_cb (GtkSwitch          *toggle,
                     GParamSpec         *pspec,
                     LadderImportDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (toggle), ADW_TYPE_ENTRY_ROW);
  gboolean active = gtk_switch_get_active (toggle);

  if (self->updating)
    return;

  ladder_import_edit_set_left_out (self->edit,
                                   GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "axis")),
                                   GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index")),
                                   !active);
  if (active)
    gtk_widget_remove_css_class (row, "dim-label");
  else
    gtk_widget_add_css_class (row, "dim-label");
}

static gboolean
toggle_switch_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  gtk_switch_set_active (GTK_SWITCH (widget), !gtk_switch_get_active (GTK_SWITCH (widget)));

  return TRUE;
}

/* A switch has no keys of its own: Space and Enter would go on to the
 * row around it, which only focuses its text. They toggle it at once
 * (its "activate" would wait for an animation). */
static void
add_toggle_keys (GtkWidget *toggle)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_space, 0),
                                                             gtk_keyval_trigger_new (GDK_KEY_Return, 0));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger,
                                                          gtk_callback_action_new (toggle_switch_cb,
                                                                                   NULL, NULL)));
  gtk_widget_add_controller (toggle, controller);
}

/* A row per level or category, as the edit has them now: its name to
 * edit, and a switch that leaves it out or brings it back. */
static void
show_sections (LadderImportDialog *self)
{
  self->updating = TRUE;
  clear_rows (self->section_rows);

  for (guint axis = LADDER_IMPORT_AXIS_LEVELS; axis <= LADDER_IMPORT_AXIS_CATEGORIES; axis++)
    {
      AdwPreferencesGroup *group = axis == LADDER_IMPORT_AXIS_LEVELS ? self->levels_group
                                                                     : self->categories_group;

      for (guint i = 0; i < ladder_import_edit_get_n_sections (self->edit, axis); i++)
        {
          const char *name = ladder_import_edit_get_section_name (self->edit, axis, i);
          gboolean left_out = ladder_import_edit_get_left_out (self->edit, axis, i);
          GtkWidget *row = adw_entry_row_new ();
          GtkWidget *toggle = gtk_switch_new ();
          g_autofree char *label = NULL;

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         axis == LADDER_IMPORT_AXIS_LEVELS ? _("Level") : _("Category"));
          gtk_editable_set_text (GTK_EDITABLE (row), name != NULL ? name : "");
          g_object_set_data (G_OBJECT (row), "axis", GUINT_TO_POINTER (axis));
          g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (i));
          g_signal_connect (row, "changed", G_CALLBACK (section_renamed_cb), self);

          gtk_switch_set_active (GTK_SWITCH (toggle), !left_out);
          add_toggle_keys (toggle);
          gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
          /* Translators: the switch that keeps a level or category, %s its name */
          label = g_strdup_printf (_("Keep “%s”"), name != NULL ? name : "");
          gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          gtk_widget_set_tooltip_text (toggle, _("Keep or leave out"));
          g_signal_connect (toggle, "notify::active", G_CALLBACK (section_included_cb), self);
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), toggle);
          if (left_out)
            gtk_widget_add_css_class (row, "dim-label");

          add_row (self->section_rows, group, row);
        }
    }

  self->updating = FALSE;
}

static void
swap_changed_cb (AdwSwitchRow       *row,
                 GParamSpec         *pspec,
                 LadderImportDialog *self)
{
  if (self->updating)
    return;

  ladder_import_edit_set_swapped (self->edit, adw_switch_row_get_active (row));
  show_sections (self);
}

/* Readings {{{1 */

static void
reading_toggled_cb (GtkCheckButton     *check,
                    LadderImportDialog *self)
{
  guint reading = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "reading"));

  if (self->updating || !gtk_check_button_get_active (check))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "import.reading", "u", reading);
}

/* A row per reading the importer weighed, in words, the one taken
 * checked. */
static void
show_readings (LadderImportDialog *self)
{
  guint n = ladder_import_report_get_n_readings (self->report);
  guint chosen = ladder_import_report_get_chosen_reading (self->report);
  GtkCheckButton *first = NULL;

  self->updating = TRUE;
  if (self->reading_checks->len != n)
    {
      for (guint i = 0; i < self->reading_checks->len; i++)
        adw_preferences_group_remove (self->readings_group,
                                      gtk_widget_get_ancestor (g_ptr_array_index (self->reading_checks, i),
                                                               ADW_TYPE_ACTION_ROW));
      g_ptr_array_set_size (self->reading_checks, 0);

      for (guint i = 0; i < n; i++)
        {
          guint score = 0;
          const char *text = ladder_import_report_get_reading (self->report, i, &score);
          g_autofree char *subtitle = NULL;
          GtkWidget *check = gtk_check_button_new ();
          GtkWidget *row;

          /* Translators: a reading's score, and the key that takes it */
          subtitle = i < MAX_READING_KEYS ? g_strdup_printf (_("Score %u · Alt+%u"), score, i + 1)
                                          : g_strdup_printf (_("Score %u"), score);
          row = plain_row (text, subtitle);
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          if (first != NULL)
            gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
          else
            first = GTK_CHECK_BUTTON (check);
          g_object_set_data (G_OBJECT (check), "reading", GUINT_TO_POINTER (i + 1));
          g_signal_connect (check, "toggled", G_CALLBACK (reading_toggled_cb), self);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_preferences_group_add (self->readings_group, row);
          g_ptr_array_add (self->reading_checks, check);
        }
    }

  for (guint i = 0; i < n; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->reading_checks, i), i + 1 == chosen);
  gtk_widget_set_visible (GTK_WIDGET (self->readings_group), n > 1);
  self->updating = FALSE;
}

/* Reading the text {{{1 */

static void
show_warnings (LadderImportDialog *self)
{
  guint n_warnings = ladder_import_report_get_n_warnings (self->report);

  clear_rows (self->rows);
  for (guint i = 0; i < n_warnings; i++)
    {
      const LadderImportWarning *warning = ladder_import_report_get_warning (self->report, i);
      g_autofree char *title = warning->line > 0
                                 ? g_strdup_printf (_("Line %u: %s"), warning->line, warning->message)
                                 : g_strdup (warning->message);

      add_row (self->rows, self->warnings_group, plain_row (title, warning->text));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), n_warnings > 0);
}

/* Imports the text with @reading (0 for the best) and shows the result
 * with nothing corrected; FALSE, with @error set, when it cannot be read. */
static gboolean
read_contents (LadderImportDialog  *self,
               guint                reading,
               GError             **error)
{
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) imported = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (self->contents, &length);
  LadderImportOptions options = { .format = LADDER_IMPORT_FORMAT_AUTO,
                                  .source = self->source,
                                  .reading = reading };
  gboolean first = self->edit == NULL;

  imported = ladder_import_data (data, length, self->filename, &options, &report, error);
  if (imported == NULL)
    return FALSE;

  g_clear_pointer (&self->report, ladder_import_report_unref);
  self->report = g_steal_pointer (&report);
  if (self->edit != NULL)
    g_signal_handlers_disconnect_by_data (self->edit, self);
  g_clear_object (&self->edit);
  self->edit = ladder_import_edit_new (imported);
  g_signal_connect_swapped (self->edit, "changed", G_CALLBACK (edit_changed_cb), self);

  /* The name and organisation come from the text, not from the reading:
   * what the person typed stays when they take another reading. */
  if (first)
    {
      const char *organisation = ladder_framework_get_organisation (imported);

      gtk_editable_set_text (GTK_EDITABLE (self->name_row), ladder_framework_get_name (imported));
      gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), organisation ? organisation : "");
    }

  self->updating = TRUE;
  adw_switch_row_set_active (self->swap_row, FALSE);
  self->updating = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  show_readings (self);
  show_warnings (self);
  show_sections (self);
  edit_changed_cb (self);

  return TRUE;
}

static void
set_contents (LadderImportDialog *self,
              GBytes             *contents,
              const char         *filename,
              const char         *source)
{
  g_clear_pointer (&self->contents, g_bytes_unref);
  self->contents = g_bytes_ref (contents);
  g_set_str (&self->filename, filename);
  g_set_str (&self->source, source);
  g_clear_object (&self->edit);
}

static void
ladder_import_dialog_reading_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  LadderImportDialog *self = LADDER_IMPORT_DIALOG (widget);
  guint reading = g_variant_get_uint32 (parameter);
  g_autoptr(GError) error = NULL;

  if (self->report == NULL || reading == 0 ||
      reading > ladder_import_report_get_n_readings (self->report) ||
      reading == ladder_import_report_get_chosen_reading (self->report))
    {
      if (self->report != NULL)
        show_readings (self);
      return;
    }

  if (!read_contents (self, reading, &error))
    {
      show_readings (self);
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static void
ladder_import_dialog_swap_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  LadderImportDialog *self = LADDER_IMPORT_DIALOG (widget);

  if (self->edit != NULL)
    adw_switch_row_set_active (self->swap_row, !adw_switch_row_get_active (self->swap_row));
}

/* Enter in the name or the organisation imports, as Enter saves in the
 * other dialogs' fields. */
static void
entry_activated_cb (LadderImportDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "import.save", NULL);
}

static void
ladder_import_dialog_preview_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  LadderImportDialog *self = LADDER_IMPORT_DIALOG (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->paste_view);
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;
  char *text;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  contents = g_bytes_new_take (text, strlen (text));

  set_contents (self, contents, _("Pasted text"), _("Pasted text"));
  if (!read_contents (self, 0, &error))
    {
      gtk_label_set_label (self->paste_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->paste_error), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->paste_error), FALSE);
  adw_navigation_view_push (self->navigation, self->preview_page);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
ladder_import_dialog_save_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  LadderImportDialog *self = LADDER_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *organisation = NULL;

  if (self->framework == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  organisation = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->organisation_row))));
  if (*name != '\0' && g_strcmp0 (name, ladder_framework_get_name (self->framework)) != 0)
    ladder_framework_set_name (self->framework, name);
  if (g_strcmp0 (organisation, ladder_framework_get_organisation (self->framework)) != 0)
    ladder_framework_set_organisation (self->framework, *organisation != '\0' ? organisation : NULL);

  if (!ladder_library_add_framework (self->library, self->framework, NULL, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[IMPORTED], 0, self->framework);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
ladder_import_dialog_dispose (GObject *object)
{
  LadderImportDialog *self = LADDER_IMPORT_DIALOG (object);

  if (self->edit != NULL)
    g_signal_handlers_disconnect_by_data (self->edit, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_IMPORT_DIALOG);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->section_rows, g_ptr_array_unref);
  g_clear_pointer (&self->reading_checks, g_ptr_array_unref);
  g_clear_pointer (&self->report, ladder_import_report_unref);
  g_clear_pointer (&self->contents, g_bytes_unref);
  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_object (&self->edit);
  g_clear_object (&self->framework);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (ladder_import_dialog_parent_class)->dispose (object);
}

static void
ladder_import_dialog_class_init (LadderImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_import_dialog_dispose;

  /**
   * LadderImportDialog::imported:
   * @framework: the framework, now in the library
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, LADDER_TYPE_FRAMEWORK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, navigation);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, preview_page);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, paste_view);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, paste_error);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, counts_label);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, readings_group);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, swap_row);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, matrix);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, levels_group);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, categories_group);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, warnings_group);
  gtk_widget_class_bind_template_callback (widget_class, swap_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "import.preview", NULL,
                                   ladder_import_dialog_preview_action);
  gtk_widget_class_install_action (widget_class, "import.save", NULL,
                                   ladder_import_dialog_save_action);
  gtk_widget_class_install_action (widget_class, "import.reading", "u",
                                   ladder_import_dialog_reading_action);
  gtk_widget_class_install_action (widget_class, "import.swap", NULL,
                                   ladder_import_dialog_swap_action);

  for (guint i = 0; i < MAX_READING_KEYS; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "import.reading", "u", i + 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "import.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "import.swap", NULL);
}

static void
ladder_import_dialog_init (LadderImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _ladder_text_buffer_keep_runs_short (gtk_text_view_get_buffer (self->paste_view));
  self->rows = g_ptr_array_new ();
  self->section_rows = g_ptr_array_new ();
  self->reading_checks = g_ptr_array_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save", FALSE);
}

/**
 * ladder_import_dialog_new:
 * @library: where Import adds the framework
 * @contents: the text to import
 * @filename: names the text in warnings and errors
 * @error: set when nothing in @contents reads as a framework
 *
 * Returns: (transfer floating) (nullable): the preview of @contents
 *   imported with the best reading, or %NULL
 */
AdwDialog *
ladder_import_dialog_new (LadderLibrary  *library,
                          GBytes         *contents,
                          const char     *filename,
                          GError        **error)
{
  LadderImportDialog *self;

  g_return_val_if_fail (LADDER_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LADDER_TYPE_IMPORT_DIALOG, NULL);
  self->library = g_object_ref (library);
  adw_navigation_view_replace (self->navigation, &self->preview_page, 1);
  adw_dialog_set_focus (ADW_DIALOG (self), GTK_WIDGET (self->name_row));
  set_contents (self, contents, filename, filename);
  if (!read_contents (self, 0, error))
    {
      g_object_unref (g_object_ref_sink (self));
      return NULL;
    }

  return ADW_DIALOG (self);
}

AdwDialog *
ladder_import_dialog_new_for_text (LadderLibrary *library)
{
  LadderImportDialog *self;

  g_return_val_if_fail (LADDER_IS_LIBRARY (library), NULL);

  self = g_object_new (LADDER_TYPE_IMPORT_DIALOG, NULL);
  self->library = g_object_ref (library);
  adw_dialog_set_focus (ADW_DIALOG (self), GTK_WIDGET (self->paste_view));

  return ADW_DIALOG (self);
}
