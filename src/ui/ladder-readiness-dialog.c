/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-readiness-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-readiness-dialog.h"

/* The rule and its share, set on the framework as they change, like
 * GNOME's preferences: nothing to confirm, and the pages behind the
 * dialog follow at once. The combo row's items are in the order of
 * LadderReadinessRule. */
struct _LadderReadinessDialog
{
  AdwDialog             parent_instance;

  LadderFramework      *framework;
  gboolean              syncing;

  AdwPreferencesGroup  *group;
  AdwComboRow          *rule_row;
  AdwSpinRow           *percent_row;
  GtkLabel             *summary;
};

G_DEFINE_FINAL_TYPE (LadderReadinessDialog, ladder_readiness_dialog, ADW_TYPE_DIALOG)

static void
sync_from_framework (LadderReadinessDialog *self)
{
  LadderReadinessRule rule = ladder_framework_get_readiness_rule (self->framework);
  g_autofree char *text = ladder_framework_describe_readiness (self->framework);

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->rule_row, rule);
  adw_spin_row_set_value (self->percent_row, ladder_framework_get_readiness_percent (self->framework));
  self->syncing = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->percent_row), rule != LADDER_READINESS_CURRENT_ALL);
  gtk_label_set_label (self->summary, text);
}

static void
apply (LadderReadinessDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->rule_row);
  guint percent = (guint) adw_spin_row_get_value (self->percent_row);

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;

  ladder_framework_set_readiness (self->framework, (LadderReadinessRule) selected,
                                  CLAMP (percent, 1, 100));
  sync_from_framework (self);
}

static void
rule_changed_cb (LadderReadinessDialog *self)
{
  apply (self);
}

static void
percent_changed_cb (LadderReadinessDialog *self)
{
  apply (self);
}

static void
ladder_readiness_dialog_dispose (GObject *object)
{
  LadderReadinessDialog *self = LADDER_READINESS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LADDER_TYPE_READINESS_DIALOG);
  g_clear_object (&self->framework);

  G_OBJECT_CLASS (ladder_readiness_dialog_parent_class)->dispose (object);
}

static void
ladder_readiness_dialog_class_init (LadderReadinessDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_readiness_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-readiness-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderReadinessDialog, group);
  gtk_widget_class_bind_template_child (widget_class, LadderReadinessDialog, rule_row);
  gtk_widget_class_bind_template_child (widget_class, LadderReadinessDialog, percent_row);
  gtk_widget_class_bind_template_child (widget_class, LadderReadinessDialog, summary);
  gtk_widget_class_bind_template_callback (widget_class, rule_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, percent_changed_cb);
}

static void
ladder_readiness_dialog_init (LadderReadinessDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ladder_readiness_dialog_new:
 * @framework: the framework whose rule to edit
 * @scope: (nullable): whose rule it is, for a person
 *
 * Returns: (transfer floating): a new dialog
 */
LadderReadinessDialog *
ladder_readiness_dialog_new (LadderFramework *framework,
                             const char      *scope)
{
  LadderReadinessDialog *self;

  g_return_val_if_fail (LADDER_IS_FRAMEWORK (framework), NULL);

  self = g_object_new (LADDER_TYPE_READINESS_DIALOG, NULL);
  self->framework = g_object_ref (framework);
  adw_preferences_group_set_description (self->group, scope);
  sync_from_framework (self);

  return self;
}
