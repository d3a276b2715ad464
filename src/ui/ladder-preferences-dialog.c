/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-preferences-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-core.h"
#include "ladder-preferences-dialog.h"
#include "ladder-reminders.h"
#include "ladder-ui-private.h"

struct _LadderPreferencesDialog
{
  AdwPreferencesDialog parent_instance;

  GSettings           *settings;
  GFile               *library_directory;

  AdwComboRow         *paper_row;
  GtkStringList       *paper_sizes;
  AdwActionRow        *folder_row;
  AdwActionRow        *hidden_row;
  AdwSwitchRow        *checkins_row;
  AdwSwitchRow        *log_win_row;
  AdwActionRow        *background_row;
  LadderReminders     *reminders;
};

G_DEFINE_FINAL_TYPE (LadderPreferencesDialog, ladder_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

/* The rows of the paper combo, in the order of the schema's PaperSize
 * enum, which is also LadderPaperSize's: locale, a4, letter. */
static const char * const paper_nicks[] = { "locale", "a4", "letter", NULL };

static void
fill_paper_sizes (LadderPreferencesDialog *self)
{
  const char *locale_paper;
  g_autofree char *follow = NULL;

  if (ladder_paper_size_get_default () == LADDER_PAPER_SIZE_LETTER)
    locale_paper = _("US Letter");
  else
    locale_paper = _("A4");

  /* Translators: the paper size that follows the language settings; %s
   * is the paper they give, “A4” or “US Letter” */
  follow = g_strdup_printf (_("Automatic (%s)"), locale_paper);
  gtk_string_list_append (self->paper_sizes, follow);
  gtk_string_list_append (self->paper_sizes, _("A4"));
  gtk_string_list_append (self->paper_sizes, _("US Letter"));
}

static void
ladder_preferences_dialog_open_folder_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter)
{
  LadderPreferencesDialog *self = LADDER_PREFERENCES_DIALOG (widget);
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (self->library_directory);
  GtkRoot *root = gtk_widget_get_root (widget);

  /* Through the OpenURI portal in the Flatpak, xdg-open outside it. */
  gtk_file_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                            NULL, NULL, NULL);
}

/* How many bundled frameworks are hidden from the sidebar; "Show All"
 * lists them again. */
static void
update_hidden (LadderPreferencesDialog *self)
{
  g_auto(GStrv) hidden = g_settings_get_strv (self->settings, "hidden-frameworks");
  guint n = g_strv_length (hidden);
  g_autofree char *subtitle = NULL;

  if (n == 0)
    subtitle = g_strdup (_("Every framework is listed in the sidebar"));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u framework that comes with Ladder is hidden",
                                             "%u frameworks that come with Ladder are hidden", n),
                                n);
  adw_action_row_set_subtitle (self->hidden_row, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.show-hidden", n > 0);
}

static void
ladder_preferences_dialog_show_hidden_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter)
{
  LadderPreferencesDialog *self = LADDER_PREFERENCES_DIALOG (widget);

  g_settings_reset (self->settings, "hidden-frameworks");
}

static void
ladder_preferences_dialog_dispose (GObject *object)
{
  LadderPreferencesDialog *self = LADDER_PREFERENCES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_PREFERENCES_DIALOG);
  g_clear_object (&self->settings);
  g_clear_object (&self->library_directory);
  g_clear_object (&self->reminders);

  G_OBJECT_CLASS (ladder_preferences_dialog_parent_class)->dispose (object);
}

static void
ladder_preferences_dialog_class_init (LadderPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_preferences_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderPreferencesDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, LadderPreferencesDialog, paper_sizes);
  gtk_widget_class_bind_template_child (widget_class, LadderPreferencesDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, LadderPreferencesDialog, hidden_row);
  gtk_widget_class_bind_template_child (widget_class, LadderPreferencesDialog, checkins_row);
  gtk_widget_class_bind_template_child (widget_class, LadderPreferencesDialog, log_win_row);
  gtk_widget_class_bind_template_child (widget_class, LadderPreferencesDialog, background_row);

  gtk_widget_class_install_action (widget_class, "preferences.open-folder", NULL,
                                   ladder_preferences_dialog_open_folder_action);
  gtk_widget_class_install_action (widget_class, "preferences.show-hidden", NULL,
                                   ladder_preferences_dialog_show_hidden_action);
}

static void
ladder_preferences_dialog_init (LadderPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_paper_sizes (self);
}

/* Why the reminders come only while the window is open, when they do. */
static void
update_background (LadderPreferencesDialog *self)
{
  const char *message = ladder_reminders_get_background_message (self->reminders);

  adw_action_row_set_subtitle (self->background_row, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->background_row), message != NULL);
}

/**
 * ladder_preferences_dialog_set_reminders:
 * @self: a #LadderPreferencesDialog
 * @reminders: the application's #LadderReminders
 *
 * Shows, under the reminders' switches, why they cannot run in the
 * background, while that is so.
 */
void
ladder_preferences_dialog_set_reminders (LadderPreferencesDialog *self,
                                         LadderReminders         *reminders)
{
  g_return_if_fail (LADDER_IS_PREFERENCES_DIALOG (self));
  g_return_if_fail (LADDER_IS_REMINDERS (reminders));

  g_set_object (&self->reminders, reminders);
  g_signal_connect_object (reminders, "notify::background-message", G_CALLBACK (update_background),
                           self, G_CONNECT_SWAPPED);
  update_background (self);
}

AdwDialog *
ladder_preferences_dialog_new (GSettings *settings,
                               GFile     *library_directory)
{
  LadderPreferencesDialog *self;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (G_IS_FILE (library_directory), NULL);

  self = g_object_new (LADDER_TYPE_PREFERENCES_DIALOG, NULL);
  self->settings = g_object_ref (settings);
  self->library_directory = g_object_ref (library_directory);

  g_settings_bind_with_mapping (settings, "paper-size", self->paper_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                _ladder_nick_to_index, _ladder_index_to_nick, (gpointer) paper_nicks, NULL);

  g_settings_bind (settings, "remind-checkins", self->checkins_row, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "remind-log-win", self->log_win_row, "active",
                   G_SETTINGS_BIND_DEFAULT);

  path = g_file_get_path (library_directory);
  adw_action_row_set_subtitle (self->folder_row, path != NULL ? path : "");

  g_signal_connect_object (settings, "changed::hidden-frameworks", G_CALLBACK (update_hidden),
                           self, G_CONNECT_SWAPPED);
  update_hidden (self);

  return ADW_DIALOG (self);
}
