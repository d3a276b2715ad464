/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-focus-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-focus-dialog.h"
#include "ladder-ui-private.h"

/* Add Focus… and a focus's Edit…: the behaviour (of any level, the
 * current one's first, as the evidence editor's picker orders them, and
 * searched by typing), why, the steps one a line, and the day it is
 * due. Saving a new one into a full plan shows why it was refused. */

struct _LadderFocusDialog
{
  AdwDialog      parent_instance;

  LadderProfile *profile;
  LadderFocus   *focus;         /* NULL when adding */
  GListStore    *behaviours;

  AdwComboRow   *behaviour_row;
  AdwEntryRow   *why_row;
  GtkTextView   *steps_view;
  GtkCalendar   *due_calendar;
};

G_DEFINE_FINAL_TYPE (LadderFocusDialog, ladder_focus_dialog, ADW_TYPE_DIALOG)

static int
compare_behaviours (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  LadderProfile *profile = user_data;
  LadderFramework *framework = ladder_profile_get_framework (profile);
  const char *start = ladder_profile_get_target_level (profile);
  int la, lb;

  /* The target level first: what a person grows toward. */
  if (start == NULL)
    start = ladder_profile_get_current_level (profile);
  la = _ladder_level_sort_key (framework, start, ladder_behaviour_get_level ((gpointer) a));
  lb = _ladder_level_sort_key (framework, start, ladder_behaviour_get_level ((gpointer) b));

  return (la > lb) - (la < lb);
}

static char *
behaviour_text (LadderBehaviour *behaviour)
{
  return g_strdup (behaviour != NULL ? ladder_behaviour_get_text (behaviour) : "");
}

/* The list shows each behaviour whole; the row, as its subtitle. */
static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_list_item_set_child (item, label);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  LadderBehaviour *behaviour = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), ladder_behaviour_get_text (behaviour));
}

static char **
read_steps (LadderFocusDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->steps_view);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }

  return g_strv_builder_end (builder);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LadderFocusDialog *self = LADDER_FOCUS_DIALOG (widget);
  g_autoptr(LadderBehaviour) behaviour = NULL;
  g_autoptr(LadderFocus) focus = NULL;
  g_autoptr(GDateTime) chosen = NULL;
  g_autoptr(GDate) due = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) steps = NULL;
  g_autofree char *why = NULL;
  guint position;

  position = adw_combo_row_get_selected (self->behaviour_row);
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  behaviour = g_list_model_get_item (G_LIST_MODEL (self->behaviours), position);

  why = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->why_row))));
  steps = read_steps (self);
  chosen = gtk_calendar_get_date (self->due_calendar);
  due = g_date_new_dmy (g_date_time_get_day_of_month (chosen),
                        g_date_time_get_month (chosen),
                        g_date_time_get_year (chosen));

  focus = self->focus != NULL ? g_object_ref (self->focus) : ladder_focus_new (NULL);
  g_object_freeze_notify (G_OBJECT (focus));
  ladder_focus_set_behaviour (focus, ladder_behaviour_get_id (behaviour));
  ladder_focus_set_why (focus, *why != '\0' ? why : NULL);
  ladder_focus_set_steps (focus, (const char * const *) steps);
  ladder_focus_set_due (focus, due);
  g_object_thaw_notify (G_OBJECT (focus));

  if (self->focus == NULL && !ladder_profile_add_focus (self->profile, focus, &error))
    {
      _ladder_show_error (GTK_WIDGET (self), _("Could Not Add the Focus"), error->message);
      return;
    }

  adw_dialog_close (ADW_DIALOG (self));
}

/* Enter in the last field saves, as the dialog's default button would. */
static void
why_activated_cb (LadderFocusDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "focus.save", NULL);
}

static void
ladder_focus_dialog_dispose (GObject *object)
{
  LadderFocusDialog *self = LADDER_FOCUS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LADDER_TYPE_FOCUS_DIALOG);
  g_clear_object (&self->profile);
  g_clear_object (&self->focus);
  g_clear_object (&self->behaviours);

  G_OBJECT_CLASS (ladder_focus_dialog_parent_class)->dispose (object);
}

static void
ladder_focus_dialog_class_init (LadderFocusDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_focus_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-focus-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderFocusDialog, behaviour_row);
  gtk_widget_class_bind_template_child (widget_class, LadderFocusDialog, why_row);
  gtk_widget_class_bind_template_child (widget_class, LadderFocusDialog, steps_view);
  gtk_widget_class_bind_template_child (widget_class, LadderFocusDialog, due_calendar);
  gtk_widget_class_bind_template_callback (widget_class, why_activated_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "adw_dialog_close",
                                                G_CALLBACK (adw_dialog_close));

  gtk_widget_class_install_action (widget_class, "focus.save", NULL, save_action);
  /* Saved from any field, as the other editors are. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "focus.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "focus.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "focus.save", NULL);
}

static void
ladder_focus_dialog_init (LadderFocusDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _ladder_calendar_add_keys (self->due_calendar);
}

/**
 * ladder_focus_dialog_new:
 * @profile: the profile whose plan it is
 * @focus: (nullable): the focus to edit, or %NULL to add one
 * @behaviour_id: (nullable): the behaviour chosen at first, when adding
 *
 * Returns: (transfer floating): a new #LadderFocusDialog
 */
LadderFocusDialog *
ladder_focus_dialog_new (LadderProfile *profile,
                         LadderFocus   *focus,
                         const char    *behaviour_id)
{
  LadderFocusDialog *self;
  GListModel *all;
  GtkExpression *expression;
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GDate) due = NULL;
  const char *chosen;
  guint n;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (focus == NULL || LADDER_IS_FOCUS (focus), NULL);

  self = g_object_new (LADDER_TYPE_FOCUS_DIALOG, NULL);
  self->profile = g_object_ref (profile);
  g_set_object (&self->focus, focus);

  all = ladder_framework_get_behaviours (ladder_profile_get_framework (profile));
  self->behaviours = g_list_store_new (LADDER_TYPE_BEHAVIOUR);
  n = g_list_model_get_n_items (all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderBehaviour) behaviour = g_list_model_get_item (all, i);

      g_list_store_append (self->behaviours, behaviour);
    }
  g_list_store_sort (self->behaviours, compare_behaviours, profile);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (behaviour_text), NULL, NULL);
  adw_combo_row_set_expression (self->behaviour_row, expression);
  gtk_expression_unref (expression);
  adw_combo_row_set_model (self->behaviour_row, G_LIST_MODEL (self->behaviours));
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), NULL);
  adw_combo_row_set_list_factory (self->behaviour_row, factory);

  chosen = focus != NULL ? ladder_focus_get_behaviour (focus) : behaviour_id;
  for (guint i = 0; chosen != NULL && i < n; i++)
    {
      g_autoptr(LadderBehaviour) behaviour = g_list_model_get_item (G_LIST_MODEL (self->behaviours), i);

      if (g_strcmp0 (ladder_behaviour_get_id (behaviour), chosen) == 0)
        adw_combo_row_set_selected (self->behaviour_row, i);
    }
  if (focus != NULL)
    {
      g_autoptr(GString) steps = g_string_new (NULL);

      adw_dialog_set_title (ADW_DIALOG (self), _("Edit Focus"));
      gtk_editable_set_text (GTK_EDITABLE (self->why_row),
                             ladder_focus_get_why (focus) != NULL ? ladder_focus_get_why (focus) : "");
      for (guint i = 0; i < ladder_focus_get_n_steps (focus); i++)
        g_string_append_printf (steps, "%s%s", i > 0 ? "\n" : "", ladder_focus_get_step_text (focus, i));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->steps_view), steps->str, -1);
    }

  if (focus != NULL && ladder_focus_get_due (focus) != NULL)
    due = g_date_copy (ladder_focus_get_due (focus));
  else
    {
      /* A quarter from today: a plan's usual length. */
      due = _ladder_date_new_today ();
      g_date_add_months (due, 3);
    }
  _ladder_calendar_show_date (self->due_calendar, due);

  return self;
}
