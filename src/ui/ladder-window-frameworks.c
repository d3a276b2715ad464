/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-window-frameworks"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-ui-private.h"
#include "ladder-window-private.h"

/* The frameworks of the library, as the sidebar lists them: an imported
 * one can be renamed and deleted (with an undo), unless profiles follow
 * it; a bundled one can be hidden (the "hidden-frameworks" setting), and
 * Preferences shows them again. */

static gboolean
is_shown_cb (gpointer item,
             gpointer user_data)
{
  GSettings *settings = user_data;
  g_auto(GStrv) hidden = g_settings_get_strv (settings, "hidden-frameworks");

  return !g_strv_contains ((const char * const *) hidden,
                           ladder_framework_get_id (LADDER_FRAMEWORK (item)));
}

static void
hidden_changed_cb (GSettings *settings,
                   const char *key,
                   GtkFilter  *filter)
{
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * _ladder_window_shown_frameworks:
 * @library: the library
 * @settings: the app's settings
 *
 * Returns: (transfer full): the library's frameworks less those hidden
 */
GListModel *
_ladder_window_shown_frameworks (LadderLibrary *library,
                                 GSettings     *settings)
{
  GtkCustomFilter *filter = gtk_custom_filter_new (is_shown_cb, g_object_ref (settings),
                                                   g_object_unref);

  g_signal_connect_object (settings, "changed::hidden-frameworks",
                           G_CALLBACK (hidden_changed_cb), filter, 0);

  return G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (ladder_library_get_frameworks (library)),
                                                  GTK_FILTER (filter)));
}

/* Rename {{{1 */

static void
name_changed_cb (GtkEditable    *entry,
                 AdwAlertDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  LadderFramework *framework = g_object_get_data (G_OBJECT (dialog), "ladder-framework");

  adw_alert_dialog_set_response_enabled (dialog, "rename",
                                         *name != '\0' &&
                                         g_strcmp0 (name, ladder_framework_get_name (framework)) != 0);
}

static void
rename_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    LadderWindow   *self)
{
  LadderFramework *framework = g_object_get_data (G_OBJECT (dialog), "ladder-framework");
  GtkEditable *entry = GTK_EDITABLE (adw_alert_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "rename"))
    return;

  if (!ladder_library_rename_framework (_ladder_window_get_library (self), framework,
                                        gtk_editable_get_text (entry), &error))
    _ladder_window_show_error (self, _("Could Not Rename the Framework"), error->message);
  else
    _ladder_window_select (self, G_OBJECT (framework));
}

static void
ladder_window_rename_framework_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  LadderFramework *framework = _ladder_window_get_shown_framework (self);
  GtkWidget *entry;
  AdwDialog *dialog;
  AdwAlertDialog *alert;

  if (framework == NULL)
    return;

  dialog = adw_alert_dialog_new (_("Rename Framework"), NULL);
  alert = ADW_ALERT_DIALOG (dialog);
  adw_alert_dialog_add_responses (alert,
                                  "cancel", _("_Cancel"),
                                  "rename", _("_Rename"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (alert, "rename", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (alert, "rename");
  adw_alert_dialog_set_close_response (alert, "cancel");
  adw_alert_dialog_set_response_enabled (alert, "rename", FALSE);
  g_object_set_data_full (G_OBJECT (dialog), "ladder-framework", g_object_ref (framework),
                          g_object_unref);

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), ladder_framework_get_name (framework));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name"), -1);
  g_signal_connect_object (entry, "changed", G_CALLBACK (name_changed_cb), dialog, 0);
  adw_alert_dialog_set_extra_child (alert, entry);

  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  adw_dialog_present (dialog, widget);
  /* Typing starts at once, over the old name. */
  adw_dialog_set_focus (dialog, entry);
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

/* Delete and hide {{{1 */

static void
undo_delete_cb (AdwToast     *toast,
                LadderWindow *self)
{
  LadderFramework *framework = g_object_get_data (G_OBJECT (toast), "ladder-framework");
  g_autoptr(GError) error = NULL;

  if (!ladder_library_restore_framework (_ladder_window_get_library (self), framework, &error))
    _ladder_window_show_error (self, _("Could Not Bring the Framework Back"), error->message);
  else
    _ladder_window_select (self, G_OBJECT (framework));
}

static void
ladder_window_delete_framework_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  LadderFramework *shown = _ladder_window_get_shown_framework (self);
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (shown == NULL)
    return;

  framework = g_object_ref (shown);
  if (!ladder_library_remove_framework (_ladder_window_get_library (self), framework, &error))
    {
      _ladder_window_show_error (self, _("Could Not Delete the Framework"), error->message);
      return;
    }

  title = g_strdup_printf (_("“%s” deleted"), ladder_framework_get_name (framework));
  toast = adw_toast_new (title);
  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "ladder-framework", g_object_ref (framework),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  _ladder_offer_lasting_undo (GTK_WIDGET (self), toast);
  _ladder_window_add_toast (self, toast);
  _ladder_window_show_first_thing (self);
}

static void
set_hidden (GSettings  *settings,
            const char *id,
            gboolean    hidden)
{
  g_auto(GStrv) ids = g_settings_get_strv (settings, "hidden-frameworks");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) changed = NULL;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (!g_str_equal (ids[i], id))
        g_strv_builder_add (builder, ids[i]);
    }
  if (hidden)
    g_strv_builder_add (builder, id);

  changed = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "hidden-frameworks", (const char * const *) changed);
}

static void
undo_hide_cb (AdwToast     *toast,
              LadderWindow *self)
{
  LadderFramework *framework = g_object_get_data (G_OBJECT (toast), "ladder-framework");

  set_hidden (_ladder_window_get_settings (self), ladder_framework_get_id (framework), FALSE);
  _ladder_window_select (self, G_OBJECT (framework));
}

static void
ladder_window_hide_framework_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  LadderFramework *shown = _ladder_window_get_shown_framework (self);
  g_autoptr(LadderFramework) framework = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (shown == NULL)
    return;

  framework = g_object_ref (shown);
  set_hidden (_ladder_window_get_settings (self), ladder_framework_get_id (framework), TRUE);

  /* Translators: %s is a framework's name */
  title = g_strdup_printf (_("“%s” hidden"), ladder_framework_get_name (framework));
  toast = adw_toast_new (title);
  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "ladder-framework", g_object_ref (framework),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_hide_cb), self, 0);
  _ladder_offer_lasting_undo (GTK_WIDGET (self), toast);
  _ladder_window_add_toast (self, toast);
  _ladder_window_show_first_thing (self);
}

/**
 * _ladder_window_update_framework_actions:
 * @self: a #LadderWindow
 *
 * Which of the framework actions apply to what is shown: rename and
 * delete to an imported framework, hide to a bundled one.
 */
void
_ladder_window_update_framework_actions (LadderWindow *self)
{
  LadderFramework *framework = _ladder_window_get_shown_framework (self);
  gboolean bundled = framework != NULL &&
                     ladder_library_is_bundled (_ladder_window_get_library (self), framework);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-framework",
                                 framework != NULL && !bundled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-framework",
                                 framework != NULL && !bundled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.hide-framework",
                                 framework != NULL && bundled);
}

void
_ladder_window_class_add_framework_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.rename-framework", NULL,
                                   ladder_window_rename_framework_action);
  gtk_widget_class_install_action (widget_class, "win.delete-framework", NULL,
                                   ladder_window_delete_framework_action);
  gtk_widget_class_install_action (widget_class, "win.hide-framework", NULL,
                                   ladder_window_hide_framework_action);
}
