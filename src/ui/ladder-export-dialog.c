/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-export-dialog.h"
#include "ladder-ui-private.h"

struct _LadderExportDialog
{
  AdwDialog     parent_instance;

  AdwSwitchRow *rated_row;
  AdwSwitchRow *since_row;
  AdwSwitchRow *levels_row;
};

G_DEFINE_FINAL_TYPE (LadderExportDialog, ladder_export_dialog, ADW_TYPE_DIALOG)

enum
{
  EXPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ladder_export_dialog_choose_file_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  LadderExportDialog *self = LADDER_EXPORT_DIALOG (widget);

  /* Held: a handler may drop the last other reference. */
  g_object_ref (self);
  g_signal_emit (self, signals[EXPORT], 0);
  adw_dialog_close (ADW_DIALOG (self));
  g_object_unref (self);
}

/* Enter exports, as in any GNOME dialog, even on a switch's row, which
 * would take it as a toggle: Space still toggles. A button keeps its
 * Enter (Cancel). */
static gboolean
key_pressed_cb (GtkEventControllerKey *keys,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LadderExportDialog    *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0 || focus == NULL)
    return GDK_EVENT_PROPAGATE;

  if (!GTK_IS_LIST_BOX_ROW (focus) && !GTK_IS_SWITCH (focus) && !GTK_IS_CHECK_BUTTON (focus))
    return GDK_EVENT_PROPAGATE;

  gtk_widget_activate_action (GTK_WIDGET (self), "export.choose-file", NULL);
  return GDK_EVENT_STOP;
}

static void
ladder_export_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (ladder_export_dialog_parent_class)->dispose (object);
}

static void
ladder_export_dialog_class_init (LadderExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_export_dialog_dispose;

  /**
   * LadderExportDialog::export:
   *
   * The person chose Export: read the options now.
   */
  signals[EXPORT] = g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ladderapp/Ladder/ladder-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderExportDialog, rated_row);
  gtk_widget_class_bind_template_child (widget_class, LadderExportDialog, since_row);
  gtk_widget_class_bind_template_child (widget_class, LadderExportDialog, levels_row);
  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL,
                                   ladder_export_dialog_choose_file_action);
}

static void
ladder_export_dialog_init (LadderExportDialog *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ahead of the list's own Enter, which toggles the row. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/* The switches start from the library's defaults for a meeting, so that
 * the dialog, ladder-cli and the core agree on them. */
static void
set_defaults (LadderExportDialog *self)
{
  LadderReportOptions options = { 0, };

  ladder_report_options_init_for_meeting (&options);
  adw_switch_row_set_active (self->rated_row, options.rated_only);
  adw_switch_row_set_active (self->since_row, options.since_last_checkin);
  adw_switch_row_set_active (self->levels_row, options.levels_in_play);
}

LadderExportDialog *
ladder_export_dialog_new (LadderProfile *profile)
{
  LadderExportDialog *self;
  LadderReportOptions options = { 0, };
  const char *current;
  const char *rated;
  GDate since;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  self = g_object_new (LADDER_TYPE_EXPORT_DIALOG, NULL);
  set_defaults (self);

  /* The core decides where the period starts (after a 1:1 held today,
   * at the check-in before it): the subtitle says that same day. */
  ladder_report_options_init_for_meeting (&options);
  if (ladder_report_options_get_since (&options, profile, &since))
    {
      g_autofree char *day = _ladder_date_format (&since, LADDER_DATE_SHORT, "");
      g_autofree char *subtitle = NULL;

      /* Translators: %s is the date of the last check-in, "22 Oct 2026" */
      subtitle = g_strdup_printf (_("Evidence from %s on"), day);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->since_row), subtitle);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->since_row),
                                   ladder_profile_get_last_checkin (profile) != NULL
                                   ? _("No check-in before today’s: all evidence")
                                   : _("No check-in yet: all evidence"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->since_row), FALSE);
    }

  /* After a promotion to a level nobody rated yet, the summary lists the
   * level the ratings are at instead: say so before it is made. */
  current = ladder_profile_get_current_level (profile);
  rated = ladder_profile_find_rated_level (profile, current);
  if (current != NULL && rated != NULL && g_strcmp0 (current, rated) != 0)
    {
      LadderFramework *framework = ladder_profile_get_framework (profile);
      g_autofree char *subtitle = NULL;

      /* Translators: the levels a summary lists after a promotion,
       * "Level 3, where the ratings are: nothing of Level 4 is rated yet" */
      subtitle = g_strdup_printf (_("%s, where the ratings are: nothing of %s is rated yet"),
                                  ladder_framework_get_level_label (framework, rated),
                                  ladder_framework_get_level_label (framework, current));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->levels_row), subtitle);
    }

  return self;
}

void
ladder_export_dialog_get_options (LadderExportDialog  *self,
                                  LadderReportOptions *options)
{
  g_return_if_fail (LADDER_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  options->rated_only = adw_switch_row_get_active (self->rated_row);
  options->since_last_checkin = adw_switch_row_get_active (self->since_row);
  options->levels_in_play = adw_switch_row_get_active (self->levels_row);
}
