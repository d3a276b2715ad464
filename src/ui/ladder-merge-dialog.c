/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-merge-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-merge-dialog.h"
#include "ladder-profile-private.h"

struct _LadderMergeDialog
{
  AdwDialog    parent_instance;

  LadderMerge *merge;

  GtkLabel    *summary;
  GtkListBox  *changes;
};

G_DEFINE_FINAL_TYPE (LadderMergeDialog, ladder_merge_dialog, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_MERGE,
  N_PROPS
};

enum {
  APPLIED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* The copy as it was before the merge, kept by the toast for its undo:
 * the file format's own copy, so that nothing is left out. */
static LadderProfile *
copy_profile (LadderProfile *profile)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  LadderProfile *copy;
  gsize length;

  data = ladder_format_write_profile (profile, &length);
  copy = ladder_format_read_profile (data, length, ladder_profile_get_name (profile), &error);
  if (copy == NULL)
    g_critical ("A profile does not read back as it was written: %s", error->message);

  return copy;
}

static void
undo_clicked_cb (AdwToast *toast,
                 gpointer  user_data)
{
  LadderProfile *profile = g_object_get_data (G_OBJECT (toast), "ladder-profile");
  g_autoptr (LadderProfile) before = g_object_steal_data (G_OBJECT (toast), "ladder-before");

  if (profile != NULL && before != NULL)
    _ladder_profile_restore (profile, before);
}

static void
ladder_merge_dialog_apply_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  LadderMergeDialog *self = LADDER_MERGE_DIALOG (widget);
  LadderProfile *ours = ladder_merge_get_ours (self->merge);
  g_autoptr (LadderProfile) before = copy_profile (ours);
  g_autofree char *title = NULL;
  AdwToast *toast;
  guint n;

  ladder_merge_apply (self->merge);
  n = ladder_merge_get_n_changes (self->merge);

  title = g_strdup_printf (ngettext ("Merged %u change", "Merged %u changes", n), n);
  toast = adw_toast_new (title);
  adw_toast_set_use_markup (toast, FALSE);
  if (before != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_object_set_data_full (G_OBJECT (toast), "ladder-profile", g_object_ref (ours), g_object_unref);
      g_object_set_data_full (G_OBJECT (toast), "ladder-before", g_steal_pointer (&before),
                              g_object_unref);
      g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), NULL);
    }

  /* Whoever shows it takes a reference; if nobody does, it goes. */
  g_signal_emit (self, signals [APPLIED], 0, toast);
  g_object_unref (toast);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
ladder_merge_dialog_cancel_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

static void
fill (LadderMergeDialog *self)
{
  const char * const *changes = ladder_merge_get_changes (self->merge);
  LadderProfile *ours = ladder_merge_get_ours (self->merge);
  const char *name = ladder_profile_get_name (ours);
  g_autofree char *summary = NULL;
  guint n = ladder_merge_get_n_changes (self->merge);

  if (name == NULL || *name == '\0')
    name = _("this person");

  if (n == 0)
    summary = g_strdup_printf (_("This copy of %s’s profile holds nothing new: merging it changes nothing."),
                               name);
  else
    summary = g_strdup_printf (ngettext ("Merging this copy of %s’s profile makes %u change:",
                                         "Merging this copy of %s’s profile makes %u changes:", n),
                               name, n);
  gtk_label_set_label (self->summary, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->changes), n > 0);

  for (guint i = 0; changes[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), changes[i]);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->changes, row);
    }
}

static void
ladder_merge_dialog_constructed (GObject *object)
{
  LadderMergeDialog *self = (LadderMergeDialog *) object;

  G_OBJECT_CLASS (ladder_merge_dialog_parent_class)->constructed (object);

  fill (self);
}

static void
ladder_merge_dialog_dispose (GObject *object)
{
  LadderMergeDialog *self = (LadderMergeDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LADDER_TYPE_MERGE_DIALOG);
  g_clear_object (&self->merge);

  G_OBJECT_CLASS (ladder_merge_dialog_parent_class)->dispose (object);
}

static void
ladder_merge_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LadderMergeDialog *self = LADDER_MERGE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_MERGE:
      g_value_set_object (value, self->merge);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_merge_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LadderMergeDialog *self = LADDER_MERGE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_MERGE:
      self->merge = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_merge_dialog_class_init (LadderMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ladder_merge_dialog_constructed;
  object_class->dispose = ladder_merge_dialog_dispose;
  object_class->get_property = ladder_merge_dialog_get_property;
  object_class->set_property = ladder_merge_dialog_set_property;

  properties [PROP_MERGE] =
    g_param_spec_object ("merge", NULL, NULL,
                         LADDER_TYPE_MERGE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LadderMergeDialog::applied:
   * @self: a #LadderMergeDialog
   * @toast: an #AdwToast that says what was merged and undoes it
   *
   * Emitted after the merge was made, just before the dialog closes.
   */
  signals [APPLIED] =
    g_signal_new ("applied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ladderapp/Ladder/ladder-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderMergeDialog, summary);
  gtk_widget_class_bind_template_child (widget_class, LadderMergeDialog, changes);

  gtk_widget_class_install_action (widget_class, "merge.apply", NULL,
                                   ladder_merge_dialog_apply_action);
  gtk_widget_class_install_action (widget_class, "merge.cancel", NULL,
                                   ladder_merge_dialog_cancel_action);
}

static void
ladder_merge_dialog_init (LadderMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ladder_merge_dialog_new:
 * @merge: the merge to show, not applied yet
 *
 * Returns: (transfer floating): a new #LadderMergeDialog
 */
LadderMergeDialog *
ladder_merge_dialog_new (LadderMerge *merge)
{
  g_return_val_if_fail (LADDER_IS_MERGE (merge), NULL);

  return g_object_new (LADDER_TYPE_MERGE_DIALOG,
                       "merge", merge,
                       NULL);
}
