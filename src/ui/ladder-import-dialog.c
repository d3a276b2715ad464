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
  LadderFramework     *framework;

  AdwNavigationView   *navigation;
  AdwNavigationPage   *preview_page;
  GtkTextView         *paste_view;
  GtkLabel            *paste_error;
  GtkLabel            *error_label;
  AdwEntryRow         *name_row;
  AdwEntryRow         *organisation_row;
  GtkLabel            *counts_label;
  AdwPreferencesGroup *levels_group;
  AdwPreferencesGroup *categories_group;
  AdwPreferencesGroup *warnings_group;
  GPtrArray           *rows;  /* (group, row) pairs added for a preview */
};

G_DEFINE_FINAL_TYPE (LadderImportDialog, ladder_import_dialog, ADW_TYPE_DIALOG)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
add_row (LadderImportDialog  *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, group);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (LadderImportDialog *self)
{
  for (guint i = 0; i + 1 < self->rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->rows, i),
                                  g_ptr_array_index (self->rows, i + 1));
  g_ptr_array_set_size (self->rows, 0);
}

static void
show_preview (LadderImportDialog *self,
              LadderFramework    *framework,
              LadderImportReport *report)
{
  GListModel *levels = ladder_framework_get_levels (framework);
  GListModel *categories = ladder_framework_get_categories (framework);
  GListModel *behaviours = ladder_framework_get_behaviours (framework);
  guint n_levels = g_list_model_get_n_items (levels);
  guint n_categories = g_list_model_get_n_items (categories);
  guint n_behaviours = g_list_model_get_n_items (behaviours);
  guint n_warnings = report != NULL ? ladder_import_report_get_n_warnings (report) : 0;
  g_autofree char *counts = NULL;

  g_set_object (&self->framework, framework);
  clear_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), ladder_framework_get_name (framework));
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row),
                         ladder_framework_get_organisation (framework)
                           ? ladder_framework_get_organisation (framework) : "");

  {
    g_autofree char *levels_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u level",
                                                                 "%u levels", n_levels), n_levels);
    g_autofree char *categories_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u category",
                                                                     "%u categories", n_categories),
                                                        n_categories);
    g_autofree char *behaviours_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u behaviour",
                                                                     "%u behaviours", n_behaviours),
                                                        n_behaviours);

    /* Translators: "5 levels, 4 categories and 120 behaviours" */
    counts = g_strdup_printf (_("%s, %s and %s"), levels_text, categories_text, behaviours_text);
  }
  gtk_label_set_label (self->counts_label, counts);

  for (guint i = 0; i < n_levels; i++)
    {
      g_autoptr(LadderLevel) level = g_list_model_get_item (levels, i);
      g_autoptr(GPtrArray) in_level = g_ptr_array_new ();
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *subtitle = NULL;

      for (guint j = 0; j < n_behaviours; j++)
        {
          LadderBehaviour *behaviour = g_list_model_get_item (behaviours, j);

          if (g_strcmp0 (ladder_behaviour_get_level (behaviour), ladder_level_get_id (level)) == 0)
            g_ptr_array_add (in_level, behaviour);
          g_object_unref (behaviour);
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _ladder_level_display_name (framework, ladder_level_get_id (level)));
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u behaviour", "%u behaviours",
                                               in_level->len), in_level->len);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      for (guint j = 0; j < in_level->len; j++)
        {
          LadderBehaviour *behaviour = g_ptr_array_index (in_level, j);
          LadderCategory *category = ladder_framework_find_category (framework,
                                                                     ladder_behaviour_get_category (behaviour));

          adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                    plain_row (ladder_behaviour_get_text (behaviour),
                                               category ? ladder_category_get_name (category) : NULL));
        }
      add_row (self, self->levels_group, row);
    }

  for (guint i = 0; i < n_categories; i++)
    {
      g_autoptr(LadderCategory) category = g_list_model_get_item (categories, i);
      const char *emoji = ladder_category_get_emoji (category);
      g_autofree char *title = emoji != NULL && *emoji != '\0'
                                 ? g_strdup_printf ("%s %s", emoji, ladder_category_get_name (category))
                                 : g_strdup (ladder_category_get_name (category));
      guint n = ladder_framework_count_behaviours (framework, NULL, ladder_category_get_id (category));
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u behaviour",
                                                                "%u behaviours", n), n);

      add_row (self, self->categories_group, plain_row (title, subtitle));
    }

  for (guint i = 0; i < n_warnings; i++)
    {
      const LadderImportWarning *warning = ladder_import_report_get_warning (report, i);
      g_autofree char *title = warning->line > 0
                                 ? g_strdup_printf (_("Line %u: %s"), warning->line, warning->message)
                                 : g_strdup (warning->message);

      add_row (self, self->warnings_group, plain_row (title, warning->text));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), n_warnings > 0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save", TRUE);
}

static void
ladder_import_dialog_preview_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  LadderImportDialog *self = LADDER_IMPORT_DIALOG (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->paste_view);
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  LadderImportOptions options = { .format = LADDER_IMPORT_FORMAT_AUTO,
                                  .source = _("Pasted text") };

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  framework = ladder_import_data (text, strlen (text), _("Pasted text"), &options, &report, &error);
  if (framework == NULL)
    {
      gtk_label_set_label (self->paste_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->paste_error), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->paste_error), FALSE);
  show_preview (self, framework, report);
  adw_navigation_view_push (self->navigation, self->preview_page);
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

  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_IMPORT_DIALOG);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, levels_group);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, categories_group);
  gtk_widget_class_bind_template_child (widget_class, LadderImportDialog, warnings_group);

  gtk_widget_class_install_action (widget_class, "import.preview", NULL,
                                   ladder_import_dialog_preview_action);
  gtk_widget_class_install_action (widget_class, "import.save", NULL,
                                   ladder_import_dialog_save_action);
}

static void
ladder_import_dialog_init (LadderImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _ladder_text_buffer_keep_runs_short (gtk_text_view_get_buffer (self->paste_view));
  self->rows = g_ptr_array_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save", FALSE);
}

AdwDialog *
ladder_import_dialog_new (LadderLibrary      *library,
                          LadderFramework    *framework,
                          LadderImportReport *report)
{
  LadderImportDialog *self;

  g_return_val_if_fail (LADDER_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (framework), NULL);

  self = g_object_new (LADDER_TYPE_IMPORT_DIALOG, NULL);
  self->library = g_object_ref (library);
  adw_navigation_view_replace (self->navigation, &self->preview_page, 1);
  show_preview (self, framework, report);

  return ADW_DIALOG (self);
}

AdwDialog *
ladder_import_dialog_new_for_text (LadderLibrary *library)
{
  LadderImportDialog *self;

  g_return_val_if_fail (LADDER_IS_LIBRARY (library), NULL);

  self = g_object_new (LADDER_TYPE_IMPORT_DIALOG, NULL);
  self->library = g_object_ref (library);

  return ADW_DIALOG (self);
}
