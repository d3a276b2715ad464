/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-focus-group"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-focus-group.h"
#include "ladder-focus-dialog.h"
#include "ladder-ui-private.h"

/* The focus plan, on the Progress page and in a check-in: a row per
 * focus worked on, with its due day and a bar of its progress, which
 * expands to why, the sentence that says how the progress was computed,
 * the steps to tick off and (on the Progress page) Edit…, Finish and
 * Remove; then the finished ones. The rows are made again only when
 * what they hold changes (a focus added, edited, finished or removed),
 * so that ticking a step keeps the row open; on every change of the
 * profile each row's progress is computed again. */

struct _LadderFocusGroup
{
  GtkWidget            parent_instance;

  LadderProfile       *profile;
  char                *shape;      /* what the rows show, to tell a change */
  GDate               *day;        /* in a check-in: finished by then */
  gboolean             in_checkin;

  AdwPreferencesGroup *group;
  GtkButton           *add_button;
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (LadderFocusGroup, ladder_focus_group, GTK_TYPE_WIDGET)

static const char *
behaviour_text (LadderProfile *profile,
                LadderFocus   *focus)
{
  LadderBehaviour *behaviour;

  behaviour = ladder_framework_find_behaviour (ladder_profile_get_framework (profile),
                                               ladder_focus_get_behaviour (focus));

  return behaviour != NULL ? ladder_behaviour_get_text (behaviour) : ladder_focus_get_behaviour (focus);
}

static gboolean
is_editable (LadderFocusGroup *self)
{
  return !self->in_checkin && !ladder_profile_get_read_only (self->profile);
}

/* A past check-in: a record of the plan on its day. How far each focus
 * had come then is not kept (the ratings, evidence and steps are today's),
 * so it shows no progress and no ticks rather than today's as that day's. */
static gboolean
is_past (LadderFocusGroup *self)
{
  return self->in_checkin && self->day != NULL;
}

static GPtrArray *
list_focus_on_day (LadderProfile *profile,
                   const GDate   *day)
{
  GListModel *all = ladder_profile_get_focus (profile);
  GPtrArray *shown = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(LadderFocus) focus = g_list_model_get_item (all, i);
      const GDate *created = ladder_focus_get_created (focus);
      const GDate *finished = ladder_focus_get_finished (focus);

      if (created != NULL && g_date_valid (created) && g_date_compare (created, day) > 0)
        continue;
      if (finished != NULL && g_date_valid (finished) && g_date_compare (finished, day) < 0)
        continue;
      g_ptr_array_add (shown, g_steal_pointer (&focus));
    }

  return shown;
}

static GPtrArray *
list_shown (LadderFocusGroup *self)
{
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GPtrArray) finished = NULL;

  /* A past check-in shows the plan as it stood on its day: what had been
   * begun by then and was not yet finished before it. */
  if (is_past (self))
    return list_focus_on_day (self->profile, self->day);
  /* One being held brings in those worked on. */
  if (self->in_checkin)
    return ladder_profile_list_open_focus (self->profile);

  shown = ladder_profile_list_open_focus (self->profile);
  finished = ladder_profile_list_finished_focus (self->profile, NULL);
  g_ptr_array_extend_and_steal (shown, g_steal_pointer (&finished));

  return g_steal_pointer (&shown);
}

/* Everything a row is made of but the progress and the ticks. */
static char *
describe_shape (LadderFocusGroup *self)
{
  g_autoptr(GPtrArray) shown = list_shown (self);
  GString *shape = g_string_new (is_editable (self) ? "e" : "r");

  for (guint i = 0; i < shown->len; i++)
    {
      LadderFocus *focus = shown->pdata[i];
      g_autofree char *due = _ladder_date_format (ladder_focus_get_due (focus), LADDER_DATE_ISO8601, "");
      g_autofree char *finished = _ladder_date_format (ladder_focus_get_finished (focus),
                                                       LADDER_DATE_ISO8601, "");

      g_string_append_printf (shape, "\x1f%s\x1e%s\x1e%s\x1e%s\x1e%s",
                              ladder_focus_get_id (focus),
                              ladder_focus_get_behaviour (focus),
                              ladder_focus_get_why (focus) != NULL ? ladder_focus_get_why (focus) : "",
                              due, finished);
      for (guint j = 0; j < ladder_focus_get_n_steps (focus); j++)
        g_string_append_printf (shape, "\x1e%s", ladder_focus_get_step_text (focus, j));
    }

  return g_string_free_and_steal (shape);
}

static char *
describe_dates (LadderFocus *focus,
                int          percent)
{
  g_autofree char *due = _ladder_date_format (ladder_focus_get_due (focus), LADDER_DATE_SHORT, NULL);
  g_autofree char *finished = _ladder_date_format (ladder_focus_get_finished (focus), LADDER_DATE_SHORT, NULL);

  /* Without a progress: a past check-in's plan. */
  if (percent < 0)
    {
      if (finished != NULL)
        /* Translators: a finished focus in a past check-in's plan */
        return g_strdup_printf (_("Finished %s"), finished);
      if (due != NULL)
        /* Translators: a focus in a past check-in's plan: "Due 31 Jan 2027" */
        return g_strdup_printf (_("Due %s"), due);
      return NULL;
    }
  if (finished != NULL)
    /* Translators: a finished focus: "Finished 3 Dec 2026 · 80 %" */
    return g_strdup_printf (_("Finished %s · %d %%"), finished, percent);
  if (due != NULL)
    /* Translators: a focus worked on: "Due 31 Jan 2027 · 67 %" */
    return g_strdup_printf (_("Due %s · %d %%"), due, percent);

  return g_strdup_printf (_("%d %%"), percent);
}

/* The parts of a row that follow the profile. */
static void
update_row (LadderFocusGroup *self,
            GtkWidget        *row)
{
  LadderFocus *focus = g_object_get_data (G_OBJECT (row), "ladder-focus");
  GtkProgressBar *bar = g_object_get_data (G_OBJECT (row), "ladder-bar");
  AdwActionRow *how = g_object_get_data (G_OBJECT (row), "ladder-how");
  GPtrArray *checks = g_object_get_data (G_OBJECT (row), "ladder-checks");
  g_autofree char *sentence = NULL;
  g_autofree char *dates = NULL;
  LadderFocusProgress progress;

  if (bar == NULL)
    {
      dates = describe_dates (focus, -1);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), dates != NULL ? dates : "");
      return;
    }

  ladder_profile_get_focus_progress (self->profile, focus, &progress);
  sentence = ladder_focus_progress_describe (&progress);
  dates = describe_dates (focus, (int) (progress.total * 100.0 + 0.5));

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), dates);
  gtk_progress_bar_set_fraction (bar, progress.total);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, sentence, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (bar), sentence);
  adw_action_row_set_subtitle (how, sentence);

  for (guint i = 0; i < checks->len && i < ladder_focus_get_n_steps (focus); i++)
    gtk_check_button_set_active (checks->pdata[i], ladder_focus_get_step_done (focus, i));
}

static void
step_toggled_cb (GtkCheckButton   *check,
                 LadderFocusGroup *self)
{
  LadderFocus *focus = g_object_get_data (G_OBJECT (check), "ladder-focus");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "ladder-step"));

  if (self->profile == NULL || ladder_profile_get_read_only (self->profile) ||
      index >= ladder_focus_get_n_steps (focus))
    return;

  ladder_focus_set_step_done (focus, index, gtk_check_button_get_active (check));
}

static GtkWidget *
add_button (GtkWidget   *box,
            const char  *label,
            const char  *action,
            LadderFocus *focus)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", ladder_focus_get_id (focus));
  gtk_box_append (GTK_BOX (box), button);

  return button;
}

static GtkWidget *
create_row (LadderFocusGroup *self,
            LadderFocus      *focus)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  GPtrArray *checks = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean can_tick = !ladder_profile_get_read_only (self->profile) && !ladder_focus_is_finished (focus);
  const char *why = ladder_focus_get_why (focus);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), behaviour_text (self->profile, focus));
  adw_expander_row_set_title_lines (row, 3);
  g_object_set_data_full (G_OBJECT (row), "ladder-focus", g_object_ref (focus), g_object_unref);
  if (ladder_focus_is_finished (focus))
    gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");

  if (!is_past (self))
    {
      GtkWidget *bar = gtk_progress_bar_new ();

      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (bar, 72, -1);
      gtk_widget_add_css_class (bar, "focus-progress");
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress"), -1);
      adw_expander_row_add_suffix (row, bar);
      g_object_set_data (G_OBJECT (row), "ladder-bar", bar);
    }

  if (why != NULL && *why != '\0')
    {
      GtkWidget *why_row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (why_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (why_row), _("Why"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (why_row), why);
      adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (why_row), TRUE);
      gtk_widget_add_css_class (why_row, "property");
      adw_expander_row_add_row (row, why_row);
    }

  if (!is_past (self))
    {
      GtkWidget *how = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (how), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (how), _("Progress"));
      gtk_widget_add_css_class (how, "property");
      adw_expander_row_add_row (row, how);
      g_object_set_data (G_OBJECT (row), "ladder-how", how);
    }

  for (guint i = 0; i < ladder_focus_get_n_steps (focus); i++)
    {
      GtkWidget *step = adw_action_row_new ();
      GtkWidget *check;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (step), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (step), ladder_focus_get_step_text (focus, i));
      /* The steps of a past check-in's plan, without today's ticks. */
      if (is_past (self))
        {
          adw_expander_row_add_row (row, step);
          continue;
        }
      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (check, can_tick);
      g_object_set_data (G_OBJECT (check), "ladder-focus", focus);
      g_object_set_data (G_OBJECT (check), "ladder-step", GUINT_TO_POINTER (i));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), ladder_focus_get_step_done (focus, i));
      g_signal_connect_object (check, "toggled", G_CALLBACK (step_toggled_cb), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (step), check);
      if (can_tick)
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (step), check);
      adw_expander_row_add_row (row, step);
      g_ptr_array_add (checks, g_object_ref (check));
    }
  g_object_set_data_full (G_OBJECT (row), "ladder-checks", checks, (GDestroyNotify) g_ptr_array_unref);

  if (is_editable (self))
    {
      GtkWidget *buttons_row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *remove;

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (buttons_row), FALSE);
      gtk_widget_set_focusable (buttons_row, FALSE);
      gtk_widget_set_halign (box, GTK_ALIGN_END);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      if (!ladder_focus_is_finished (focus))
        {
          add_button (box, _("_Edit…"), "focus.edit", focus);
          add_button (box, _("_Finish"), "focus.finish", focus);
        }
      remove = add_button (box, _("_Remove"), "focus.remove", focus);
      gtk_widget_add_css_class (remove, "destructive-action");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (buttons_row), box);
      adw_expander_row_add_row (row, buttons_row);
    }

  update_row (self, GTK_WIDGET (row));

  return GTK_WIDGET (row);
}

/* A check-in with nothing in focus says so and where a focus is added,
 * rather than a heading over nothing; a past one leaves the section
 * out. */
static void
update_description (LadderFocusGroup *self,
                    guint             n_shown)
{
  const char *description;

  gtk_widget_set_visible (GTK_WIDGET (self->list), n_shown > 0);
  /* A past check-in with no plan has no Focus section. */
  gtk_widget_set_visible (GTK_WIDGET (self), !self->in_checkin || self->day == NULL || n_shown > 0);

  if (!self->in_checkin)
    description = _("Up to three behaviours to grow in; their progress comes from the ratings, the evidence since each began and the steps done");
  else if (self->day != NULL)
    description = _("The behaviours in focus on the day of this check-in");
  else if (n_shown > 0)
    description = _("The behaviours in focus, with their progress; tick the steps done");
  else
    description = _("No behaviour is in focus. Add one with Add Focus… on the profile’s Progress page");

  adw_preferences_group_set_description (self->group, description);
}

static void
rebuild (LadderFocusGroup *self)
{
  g_autoptr(GPtrArray) shown = list_shown (self);

  update_description (self, shown->len);
  gtk_list_box_remove_all (self->list);
  for (guint i = 0; i < shown->len; i++)
    gtk_list_box_append (self->list, create_row (self, shown->pdata[i]));
}

static void
profile_changed_cb (LadderFocusGroup *self)
{
  g_autofree char *shape = describe_shape (self);
  g_autoptr(GPtrArray) open = ladder_profile_list_open_focus (self->profile);

  gtk_widget_set_visible (GTK_WIDGET (self->add_button), is_editable (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), open->len < LADDER_FOCUS_MAX_OPEN);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button),
                               open->len < LADDER_FOCUS_MAX_OPEN
                               ? NULL : _("Three behaviours are in focus: finish or remove one first"));

  if (g_strcmp0 (shape, self->shape) != 0)
    {
      g_free (self->shape);
      self->shape = g_steal_pointer (&shape);
      rebuild (self);
      return;
    }

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "ladder-focus") != NULL)
      update_row (self, row);
}

static LadderFocus *
find_focus (LadderFocusGroup *self,
            GVariant         *parameter)
{
  if (self->profile == NULL || ladder_profile_get_read_only (self->profile))
    return NULL;

  return ladder_profile_find_focus (self->profile, g_variant_get_string (parameter, NULL));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  LadderFocusGroup *self = LADDER_FOCUS_GROUP (widget);

  if (self->profile == NULL || ladder_profile_get_read_only (self->profile))
    return;

  adw_dialog_present (ADW_DIALOG (ladder_focus_dialog_new (self->profile, NULL, NULL)), widget);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LadderFocusGroup *self = LADDER_FOCUS_GROUP (widget);
  LadderFocus *focus = find_focus (self, parameter);

  if (focus != NULL)
    adw_dialog_present (ADW_DIALOG (ladder_focus_dialog_new (self->profile, focus, NULL)), widget);
}

static void
add_toast (LadderFocusGroup *self,
           AdwToast         *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  adw_toast_set_use_markup (toast, FALSE);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
undo_finish_cb (AdwToast         *toast,
                LadderFocusGroup *self)
{
  LadderFocus *focus = g_object_get_data (G_OBJECT (toast), "ladder-focus");
  g_autoptr(GError) error = NULL;

  if (self->profile != NULL && ladder_profile_find_focus (self->profile, ladder_focus_get_id (focus)) == focus &&
      !ladder_profile_reopen_focus (self->profile, focus, &error))
    _ladder_show_error (GTK_WIDGET (self), _("Could Not Undo"), error->message);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LadderFocusGroup *self = LADDER_FOCUS_GROUP (widget);
  LadderFocus *focus = find_focus (self, parameter);
  g_autoptr(GDate) today = _ladder_date_new_today ();
  AdwToast *toast;

  if (focus == NULL || ladder_focus_is_finished (focus))
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self->list));
  ladder_focus_finish (focus, today);

  toast = adw_toast_new (_("Focus finished"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "ladder-focus", g_object_ref (focus), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_finish_cb), self, 0);
  _ladder_offer_undo (GTK_WIDGET (self), toast);
  add_toast (self, toast);
}

static void
undo_remove_cb (AdwToast         *toast,
                LadderFocusGroup *self)
{
  LadderFocus *focus = g_object_get_data (G_OBJECT (toast), "ladder-focus");
  g_autoptr(GError) error = NULL;

  if (self->profile != NULL && ladder_profile_find_focus (self->profile, ladder_focus_get_id (focus)) == NULL &&
      !ladder_profile_add_focus (self->profile, focus, &error))
    _ladder_show_error (GTK_WIDGET (self), _("Could Not Undo"), error->message);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LadderFocusGroup *self = LADDER_FOCUS_GROUP (widget);
  LadderFocus *focus = find_focus (self, parameter);
  AdwToast *toast;

  if (focus == NULL)
    return;

  /* The keyboard goes on from the list, not from the window's start. */
  gtk_widget_grab_focus (GTK_WIDGET (self->list));
  g_object_ref (focus);
  ladder_profile_remove_focus (self->profile, focus);

  toast = adw_toast_new (_("Focus removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "ladder-focus", focus, g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_cb), self, 0);
  _ladder_offer_undo (GTK_WIDGET (self), toast);
  add_toast (self, toast);
}

/**
 * ladder_focus_group_set_profile:
 * @self: a #LadderFocusGroup
 * @profile: (nullable): the profile whose plan to show
 *
 * Shows the focus plan of @profile.
 */
void
ladder_focus_group_set_profile (LadderFocusGroup *self,
                                LadderProfile    *profile)
{
  g_return_if_fail (LADDER_IS_FOCUS_GROUP (self));
  g_return_if_fail (profile == NULL || LADDER_IS_PROFILE (profile));

  if (self->profile == profile)
    return;

  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_data (self->profile, self);
  g_set_object (&self->profile, profile);
  g_clear_pointer (&self->shape, g_free);
  gtk_list_box_remove_all (self->list);

  if (profile != NULL)
    {
      g_signal_connect_swapped (profile, "changed", G_CALLBACK (profile_changed_cb), self);
      profile_changed_cb (self);
    }
}

/**
 * ladder_focus_group_set_checkin:
 * @self: a #LadderFocusGroup
 * @in_checkin: whether the group is in a check-in
 * @day: (nullable): the check-in's day
 *
 * Shows the plan as a check-in does: its steps ticked, not edited, and
 * the focus finished by @day.
 */
void
ladder_focus_group_set_checkin (LadderFocusGroup *self,
                                gboolean          in_checkin,
                                const GDate      *day)
{
  g_return_if_fail (LADDER_IS_FOCUS_GROUP (self));

  self->in_checkin = !!in_checkin;
  g_clear_pointer (&self->day, g_date_free);
  if (day != NULL && g_date_valid (day))
    self->day = g_date_copy (day);
  update_description (self, 1);
  g_clear_pointer (&self->shape, g_free);
  if (self->profile != NULL)
    profile_changed_cb (self);
}

/**
 * ladder_focus_group_expand_first:
 * @self: a #LadderFocusGroup
 *
 * Opens the first row, to show why, the progress and the steps.
 */
void
ladder_focus_group_expand_first (LadderFocusGroup *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (LADDER_IS_FOCUS_GROUP (self));

  row = gtk_list_box_get_row_at_index (self->list, 0);
  if (row != NULL && ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
}

static void
ladder_focus_group_dispose (GObject *object)
{
  LadderFocusGroup *self = LADDER_FOCUS_GROUP (object);

  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_data (self->profile, self);
  g_clear_object (&self->profile);
  gtk_widget_dispose_template (GTK_WIDGET (self), LADDER_TYPE_FOCUS_GROUP);
  g_clear_pointer (&self->shape, g_free);
  g_clear_pointer (&self->day, g_date_free);

  G_OBJECT_CLASS (ladder_focus_group_parent_class)->dispose (object);
}

static void
ladder_focus_group_class_init (LadderFocusGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_focus_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-focus-group.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderFocusGroup, group);
  gtk_widget_class_bind_template_child (widget_class, LadderFocusGroup, add_button);
  gtk_widget_class_bind_template_child (widget_class, LadderFocusGroup, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "focus.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "focus.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "focus.finish", "s", finish_action);
  gtk_widget_class_install_action (widget_class, "focus.remove", "s", remove_action);
}

static void
ladder_focus_group_init (LadderFocusGroup *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No behaviour in focus"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);
}
