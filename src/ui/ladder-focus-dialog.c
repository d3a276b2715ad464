/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-focus-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-behaviour-picker.h"
#include "ladder-focus-dialog.h"
#include "ladder-ui-private.h"

/* Add Focus… and a focus's Edit…: the behaviour (of any level, from the
 * target level up in each category, chosen in a LadderBehaviourPicker
 * and searched by typing), why, the steps one a line, and the day it is
 * due. Saving needs a behaviour; a new one into a full plan shows why it
 * was refused. */

struct _LadderFocusDialog
{
  AdwDialog      parent_instance;

  LadderProfile *profile;
  LadderFocus   *focus;         /* NULL when adding */

  AdwActionRow  *behaviour_row;
  GtkMenuButton *behaviour_button;
  GtkPopover    *behaviour_popover;
  LadderBehaviourPicker *behaviour_picker;
  AdwEntryRow   *why_row;
  GtkTextView   *steps_view;
  GtkCalendar   *due_calendar;
};

G_DEFINE_FINAL_TYPE (LadderFocusDialog, ladder_focus_dialog, ADW_TYPE_DIALOG)

/* The row says which behaviour is chosen; Save waits for one. */
static void
show_chosen (LadderFocusDialog *self)
{
  const char *id = ladder_behaviour_picker_get_chosen (self->behaviour_picker);
  LadderBehaviour *behaviour = NULL;

  if (id != NULL)
    behaviour = ladder_framework_find_behaviour (ladder_profile_get_framework (self->profile), id);
  adw_action_row_set_subtitle (self->behaviour_row,
                               behaviour != NULL ? ladder_behaviour_get_text (behaviour)
                                                 : id != NULL ? id : _("None chosen"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "focus.save", id != NULL);
}

static void
behaviour_picked_cb (LadderFocusDialog *self)
{
  show_chosen (self);
  gtk_popover_popdown (self->behaviour_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->why_row));
}

static void
behaviour_popover_show_cb (LadderFocusDialog *self)
{
  ladder_behaviour_picker_reset (self->behaviour_picker);
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
  const char *behaviour_id = ladder_behaviour_picker_get_chosen (self->behaviour_picker);
  g_autoptr(LadderFocus) focus = NULL;
  g_autoptr(GDateTime) chosen = NULL;
  g_autoptr(GDate) due = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) steps = NULL;
  g_autofree char *why = NULL;

  if (behaviour_id == NULL)
    return;

  why = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->why_row))));
  steps = read_steps (self);
  chosen = gtk_calendar_get_date (self->due_calendar);
  due = g_date_new_dmy (g_date_time_get_day_of_month (chosen),
                        g_date_time_get_month (chosen),
                        g_date_time_get_year (chosen));

  focus = self->focus != NULL ? g_object_ref (self->focus) : ladder_focus_new (NULL);
  g_object_freeze_notify (G_OBJECT (focus));
  ladder_focus_set_behaviour (focus, behaviour_id);
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

  G_OBJECT_CLASS (ladder_focus_dialog_parent_class)->dispose (object);
}

static void
ladder_focus_dialog_class_init (LadderFocusDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_focus_dialog_dispose;

  g_type_ensure (LADDER_TYPE_BEHAVIOUR_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-focus-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderFocusDialog, behaviour_row);
  gtk_widget_class_bind_template_child (widget_class, LadderFocusDialog, behaviour_button);
  gtk_widget_class_bind_template_child (widget_class, LadderFocusDialog, behaviour_popover);
  gtk_widget_class_bind_template_child (widget_class, LadderFocusDialog, behaviour_picker);
  gtk_widget_class_bind_template_callback (widget_class, behaviour_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, behaviour_popover_show_cb);
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
  g_autoptr(GDate) due = NULL;
  const char *first_level;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (focus == NULL || LADDER_IS_FOCUS (focus), NULL);

  self = g_object_new (LADDER_TYPE_FOCUS_DIALOG, NULL);
  self->profile = g_object_ref (profile);
  g_set_object (&self->focus, focus);

  /* The target level first: what a person grows toward. */
  first_level = ladder_profile_get_target_level (profile);
  if (first_level == NULL)
    first_level = ladder_profile_get_current_level (profile);
  ladder_behaviour_picker_set_framework (self->behaviour_picker,
                                         ladder_profile_get_framework (profile), first_level);
  ladder_behaviour_picker_set_chosen (self->behaviour_picker,
                                      focus != NULL ? ladder_focus_get_behaviour (focus) : behaviour_id);
  show_chosen (self);
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
