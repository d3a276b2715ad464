/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-checkin-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ladder-checkin-page-private.h"
#include "ladder-ui-private.h"

/* One check-in: what changed since the one before (ladder_review_new()),
 * the open actions, where the two ratings differ, the notes and the
 * agreed actions.
 *
 * A check-in being held is a draft outside the profile (see
 * ladder-review.c): its notes and actions are edited here, and "Finish"
 * (checkin.finish, Ctrl+Enter) stores the snapshot and adds it to the
 * profile, whose "changed" signal the window autosaves on. A finished
 * check-in opens read-only. Ticking an earlier check-in's open action done
 * edits the profile at once.
 *
 * Nothing typed is lost on the way out: with an action typed and not
 * added, Escape, Alt+Left and the back button ask (Keep Editing or
 * Discard), and any other way out (another profile chosen) adds it to
 * the draft, as Finish does. */

/* A long list shows its start; the rest wait in an expander row, up to a
 * number of rows that stays quick to build (the first check-in of a large
 * profile looks back on every rating and every piece of evidence). */
#define VISIBLE_ROWS 5
#define MAX_ROWS 100

G_DEFINE_FINAL_TYPE (LadderCheckinPage, ladder_checkin_page, ADW_TYPE_NAVIGATION_PAGE)

enum {
  PROP_0,
  PROP_NARROW,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  FINISHED,
  DISCARDED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* A side as the owner of the profile reads it: "You" and "Engineer" in
 * a manager's copy. */
const char *
_ladder_checkin_page_rater_label (LadderCheckinPage *self,
                                  LadderRater        rater)
{
  LadderRater owner = self != NULL && self->profile != NULL ? ladder_profile_get_owner (self->profile)
                                                            : LADDER_RATER_SELF;

  return ladder_rater_get_side_label (rater, owner);
}

/* "Not rated" for none, as everywhere else. */
static const char *
value_label (LadderRatingValue value)
{
  return ladder_rating_value_get_label (value);
}

static const char *
behaviour_text (LadderCheckinPage *self,
                const char        *behaviour_id)
{
  LadderBehaviour *behaviour =
    ladder_framework_find_behaviour (ladder_profile_get_framework (self->profile), behaviour_id);

  return behaviour != NULL ? ladder_behaviour_get_text (behaviour) : behaviour_id;
}

/* A row of text from a profile or framework: never markup. */
AdwActionRow *
_ladder_checkin_page_text_row (const char *title,
                               const char *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (subtitle != NULL)
    adw_action_row_set_subtitle (row, subtitle);

  return row;
}

void
_ladder_checkin_page_add_placeholder (AdwPreferencesGroup *group,
                                      const char          *text)
{
  AdwActionRow *row = _ladder_checkin_page_text_row (text, NULL);

  /* Nothing to do on it: no Tab stop. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (row), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
  adw_preferences_group_add (group, GTK_WIDGET (row));
}

/* Adds rows to a group: the first VISIBLE_ROWS to the group itself, the
 * others into an expander row "N more" at its end. */
typedef struct
{
  AdwPreferencesGroup *group;
  AdwExpanderRow      *more;
  guint                n;
  guint                total;
} Rows;

static void
rows_add (Rows      *rows,
          GtkWidget *row)
{
  if (rows->n >= MAX_ROWS && rows->more != NULL)
    {
      /* Sunk and dropped: the caller hands over a floating row. */
      g_object_unref (g_object_ref_sink (row));
      if (rows->n == MAX_ROWS)
        {
          g_autofree char *rest = NULL;
          AdwActionRow *last;

          /* Translators: the last row of a very long list */
          rest = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more", "And %u more",
                                               rows->total - MAX_ROWS),
                                  rows->total - MAX_ROWS);
          last = _ladder_checkin_page_text_row (rest, NULL);
          gtk_widget_add_css_class (GTK_WIDGET (last), "dim-label");
          adw_expander_row_add_row (rows->more, GTK_WIDGET (last));
        }
      rows->n++;
      return;
    }

  /* One hidden row would take as much room as the expander. */
  if (rows->n < VISIBLE_ROWS || rows->total <= VISIBLE_ROWS + 1)
    {
      adw_preferences_group_add (rows->group, row);
    }
  else
    {
      if (rows->more == NULL)
        {
          guint rest = rows->total - rows->n;
          g_autofree char *title = NULL;

          /* Translators: an expander row holding the rest of a long list */
          title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u More", "%u More", rest), rest);
          rows->more = ADW_EXPANDER_ROW (adw_expander_row_new ());
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows->more), title);
          adw_preferences_group_add (rows->group, GTK_WIDGET (rows->more));
        }
      adw_expander_row_add_row (rows->more, row);
    }

  rows->n++;
}

/* Whether the list is as long as it gets: the caller stops making rows. */
static gboolean
rows_full (Rows *rows)
{
  return rows->n > MAX_ROWS;
}

static void
fill_changes (LadderCheckinPage *self)
{
  LadderCheckin *previous = ladder_review_get_previous (self->review);
  guint n = ladder_review_get_n_changes (self->review);
  Rows rows = { self->changes_group, NULL, 0, 0 };

  /* One row per behaviour, with both sides when both changed (the
   * review lists them one after the other); the count above the rows is
   * of those rows, not of the two raters' changes. */
  for (guint i = 0; i < n; i++)
    {
      if (i == 0 || g_strcmp0 (ladder_review_get_change (self->review, i)->behaviour_id,
                               ladder_review_get_change (self->review, i - 1)->behaviour_id) != 0)
        rows.total++;
    }

  if (previous != NULL)
    {
      g_autofree char *date = _ladder_date_format (ladder_checkin_get_date (previous),
                                                   LADDER_DATE_SHORT, "");
      g_autofree char *since = NULL;

      if (rows.total > 0)
        /* Translators: %u is a number of behaviours whose rating changed, %s the date of the check-in before */
        since = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u since the check-in of %s",
                                              "%u since the check-in of %s", rows.total),
                                 rows.total, date);
      else
        /* Translators: %s is the date of the check-in before */
        since = g_strdup_printf (_("Since the check-in of %s"), date);

      adw_preferences_group_set_description (self->changes_group, since);
    }
  else
    {
      adw_preferences_group_set_description (self->changes_group,
                                             _("The first check-in: every rating so far"));
    }

  if (n == 0)
    _ladder_checkin_page_add_placeholder (self->changes_group, _("No rating changed"));

  for (guint i = 0; i < n; i++)
    {
      const LadderRatingChange *change = ladder_review_get_change (self->review, i);
      const LadderRatingChange *other = NULL;
      g_autofree char *subtitle = NULL;
      const char *icon, *direction;
      int sense = change->direction;
      AdwActionRow *row;
      GtkWidget *image;

      if (rows_full (&rows))
        break;

      /* Translators: whose rating, and its old and new value: "Self: Sometimes → Consistently" */
      subtitle = g_strdup_printf (_("%s: %s → %s"), _ladder_checkin_page_rater_label (self, change->rater),
                                  value_label (change->before), value_label (change->after));
      if (i + 1 < n &&
          g_strcmp0 (ladder_review_get_change (self->review, i + 1)->behaviour_id,
                     change->behaviour_id) == 0)
        {
          g_autofree char *first = g_steal_pointer (&subtitle);

          other = ladder_review_get_change (self->review, ++i);
          /* Translators: both sides' changes: "Self: Sometimes → Consistently · Manager: Not Yet → Sometimes" */
          subtitle = g_strdup_printf (_("%s · %s: %s → %s"), first, _ladder_checkin_page_rater_label (self, other->rater),
                                      value_label (other->before), value_label (other->after));
          if (other->direction != sense)
            sense = 0;
        }

      row = _ladder_checkin_page_text_row (behaviour_text (self, change->behaviour_id), subtitle);

      if (sense > 0)
        {
          icon = "go-up-symbolic";
          direction = _("Up");
        }
      else if (sense < 0)
        {
          icon = "go-down-symbolic";
          direction = _("Down");
        }
      else
        {
          icon = "view-refresh-symbolic";
          direction = _("Changed");
        }
      image = gtk_image_new_from_icon_name (icon);
      gtk_widget_set_tooltip_text (image, direction);
      gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, direction,
                                      -1);
      if (sense > 0)
        gtk_widget_add_css_class (image, "success");
      else if (sense < 0)
        gtk_widget_add_css_class (image, "warning");
      adw_action_row_add_prefix (row, image);
      rows_add (&rows, GTK_WIDGET (row));
    }
}

static void
fill_evidence (LadderCheckinPage *self)
{
  GPtrArray *evidence = ladder_review_get_new_evidence (self->review);
  Rows rows = { self->evidence_group, NULL, 0, evidence->len };

  gtk_widget_set_visible (GTK_WIDGET (self->evidence_group), evidence->len > 0);

  /* The latest first, as in the evidence list. */
  for (guint i = 0; i < evidence->len; i++)
    {
      LadderEvidence *entry = g_ptr_array_index (evidence, evidence->len - 1 - i);
      g_autofree char *date = NULL;

      if (rows_full (&rows))
        break;

      date = _ladder_date_format (ladder_evidence_get_date (entry), LADDER_DATE_SHORT, "");
      rows_add (&rows, GTK_WIDGET (_ladder_checkin_page_text_row (ladder_evidence_get_title (entry), date)));
    }
}

/* Open actions are the agenda: all of them show. Done ones may wait in
 * an expander. */
static void
fill_actions (LadderCheckinPage   *self,
              GPtrArray           *actions,
              AdwPreferencesGroup *group,
              gboolean             open)
{
  Rows rows = { group, NULL, 0, open ? 0 : actions->len };

  gtk_widget_set_visible (GTK_WIDGET (group), actions->len > 0);

  for (guint i = 0; i < actions->len && !rows_full (&rows); i++)
    rows_add (&rows, _ladder_checkin_page_action_row (self, g_ptr_array_index (actions, i), FALSE, open));
}

static void
fill_gaps (LadderCheckinPage *self)
{
  guint n = ladder_review_get_n_gaps (self->review);
  Rows rows = { self->gaps_group, NULL, 0, n };

  if (n == 0)
    {
      const char *line;

      _ladder_describe_no_gaps (ladder_review_count_rated (self->review, LADDER_RATER_SELF),
                                ladder_review_count_rated (self->review, LADDER_RATER_MANAGER),
                                ladder_review_count_rated_by_both (self->review),
                                NULL, NULL, NULL, &line);
      _ladder_checkin_page_add_placeholder (self->gaps_group, line);
    }

  for (guint i = 0; i < n; i++)
    {
      const LadderRatingGap *gap = ladder_review_get_gap (self->review, i);
      g_autofree char *subtitle = NULL;

      if (rows_full (&rows))
        break;

      /* Translators: both ratings of a behaviour: "Self: Consistently · Manager: Sometimes" */
      subtitle = g_strdup_printf (_("%s: %s · %s: %s"),
                                  _ladder_checkin_page_rater_label (self, LADDER_RATER_SELF),
                                  value_label (gap->self_value),
                                  _ladder_checkin_page_rater_label (self, LADDER_RATER_MANAGER),
                                  value_label (gap->manager_value));
      rows_add (&rows, GTK_WIDGET (_ladder_checkin_page_text_row (behaviour_text (self, gap->behaviour_id), subtitle)));
    }
}

static void
notes_changed_cb (GtkTextBuffer     *buffer,
                  LadderCheckinPage *self)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (!self->editable)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  ladder_checkin_set_notes (self->checkin, text);
}

static void
notes_private_changed_cb (LadderCheckinPage *self)
{
  gboolean notes_private = ladder_checkin_get_notes_private (self->checkin);
  const char *description = _("Private: a shared copy and the PDF leave them out");

  /* A past check-in's description says when it was finished. */
  if (self->editable)
    adw_preferences_group_set_description (self->notes_group, notes_private ? description : NULL);
  else
    gtk_widget_set_visible (GTK_WIDGET (self->notes_private_button), notes_private);
}

static void
update_due_label (LadderCheckinPage *self)
{
  g_autofree char *date = NULL;

  if (self->due == NULL)
    {
      gtk_menu_button_set_label (self->due_button, _("No Date"));
      return;
    }

  date = _ladder_date_format (self->due, LADDER_DATE_SHORT, "");
  gtk_menu_button_set_label (self->due_button, date);
}

static void
due_selected_cb (LadderCheckinPage *self)
{
  g_autoptr(GDateTime) day = NULL;

  if (_ladder_calendar_is_moving (self->due_calendar))
    return;

  day = gtk_calendar_get_date (self->due_calendar);

  g_clear_pointer (&self->due, g_date_free);
  self->due = g_date_new_dmy (g_date_time_get_day_of_month (day),
                              g_date_time_get_month (day),
                              g_date_time_get_year (day));
  update_due_label (self);
  gtk_popover_popdown (self->due_popover);
}

static void
due_popover_shown_cb (LadderCheckinPage *self)
{
  _ladder_calendar_show_date (self->due_calendar, self->due);
  gtk_widget_grab_focus (GTK_WIDGET (self->due_calendar));
}

static void
due_cleared_cb (LadderCheckinPage *self)
{
  g_clear_pointer (&self->due, g_date_free);
  update_due_label (self);
  gtk_popover_popdown (self->due_popover);
}

/* Adds the action typed, with its owner and due date, to the draft. */
static void
add_typed_action (LadderCheckinPage *self)
{
  g_autoptr(LadderAction) action = NULL;
  g_autofree char *text = NULL;
  LadderRater owner = LADDER_RATER_SELF;

  if (!self->editable)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->action_entry))));
  if (*text == '\0')
    return;

  ladder_rater_from_string (adw_toggle_group_get_active_name (self->owner_group), &owner);

  action = ladder_action_new (NULL);
  ladder_action_set_text (action, text);
  ladder_action_set_owner (action, owner);
  ladder_action_set_due (action, self->due);
  ladder_checkin_add_action (self->checkin, action);

  gtk_editable_set_text (GTK_EDITABLE (self->action_entry), "");
  g_clear_pointer (&self->due, g_date_free);
  update_due_label (self);
}

static void
add_action_cb (LadderCheckinPage *self)
{
  add_typed_action (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->action_entry));
}

/* The draft is done with, finished or discarded: the page stops editing,
 * says which (@signal_id) and leaves the navigation view. */
static void
end_draft (LadderCheckinPage *self,
           guint              signal_id)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *view;
  g_autoptr(LadderCheckinPage) hold = g_object_ref (self);

  self->editable = FALSE;
  gtk_widget_action_set_enabled (widget, "checkin.finish", FALSE);
  gtk_widget_action_set_enabled (widget, "checkin.discard", FALSE);
  g_signal_emit (self, signal_id, 0);

  view = gtk_widget_get_ancestor (widget, ADW_TYPE_NAVIGATION_VIEW);
  if (view != NULL)
    adw_navigation_view_pop (ADW_NAVIGATION_VIEW (view));
}

static void
ladder_checkin_page_finish_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LadderCheckinPage *self = LADDER_CHECKIN_PAGE (widget);
  g_autoptr(LadderCheckinPage) hold = g_object_ref (self);

  if (!self->editable)
    return;

  /* An action typed and not yet added is what the user meant to add. */
  add_typed_action (self);

  ladder_profile_finish_checkin (self->profile, self->checkin);
  end_draft (self, signals [FINISHED]);
}

static void
ladder_checkin_page_discard_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  LadderCheckinPage *self = LADDER_CHECKIN_PAGE (widget);

  if (!self->editable)
    return;

  /* What this check-in ticked off goes back on the agenda with it. */
  {
    GPtrArray *topics = ladder_review_get_topics (self->review);

    for (guint i = 0; i < topics->len; i++)
      {
        LadderTopic *topic = g_ptr_array_index (topics, i);

        if (g_strcmp0 (ladder_topic_get_checkin (topic), ladder_checkin_get_id (self->checkin)) == 0)
          ladder_topic_reopen (topic);
      }
  }

  end_draft (self, signals [DISCARDED]);
}

/* Leaving {{{1 */

/* An action typed and not yet added: what leaving the page would drop. */
static gboolean
has_typed_action (LadderCheckinPage *self)
{
  g_autofree char *text = NULL;

  if (!self->editable)
    return FALSE;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->action_entry))));
  return *text != '\0';
}

static void
leave (LadderCheckinPage *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_NAVIGATION_VIEW);

  if (view != NULL)
    adw_navigation_view_pop (ADW_NAVIGATION_VIEW (view));
}

static void
leave_response_cb (AdwAlertDialog    *alert,
                   GAsyncResult      *result,
                   LadderCheckinPage *self)
{
  g_autoptr(LadderCheckinPage) hold = self;
  const char *response = adw_alert_dialog_choose_finish (alert, result);

  if (g_strcmp0 (response, "discard") != 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->action_entry));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->action_entry), "");
  g_clear_pointer (&self->due, g_date_free);
  update_due_label (self);
  leave (self);
}

/* Escape, Alt+Left or the back button with an action half typed asks, as
 * a dialog with unsaved text does: the action is not in the draft until
 * it is added. */
static void
ask_before_leaving (LadderCheckinPage *self)
{
  AdwDialog *alert;

  alert = adw_alert_dialog_new (_("Discard the New Action?"),
                                _("The action typed is not added to the check-in yet."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert),
                                  "keep", _("_Keep Editing"),
                                  "discard", _("_Discard"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "discard",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "keep");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "keep");
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (alert), GTK_WIDGET (self), NULL,
                           (GAsyncReadyCallback) leave_response_cb, g_object_ref (self));
}

/* The header bar's back button activates navigation.pop, which the page
 * answers before its navigation view does. */
static void
ladder_checkin_page_pop_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LadderCheckinPage *self = LADDER_CHECKIN_PAGE (widget);

  if (has_typed_action (self))
    ask_before_leaving (self);
  else
    leave (self);
}

/* Before the navigation view's own Escape and Alt+Left; a popover's
 * Escape (the due date's calendar) is its own, below the page. */
static gboolean
leave_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      LadderCheckinPage     *self)
{
  GdkModifierType modifiers = state & gtk_accelerator_get_default_mod_mask ();
  guint back = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
               ? GDK_KEY_Right : GDK_KEY_Left;

  if (!((keyval == GDK_KEY_Escape && modifiers == 0) ||
        (keyval == back && modifiers == GDK_ALT_MASK)) ||
      !has_typed_action (self))
    return GDK_EVENT_PROPAGATE;

  ask_before_leaving (self);
  return GDK_EVENT_STOP;
}

/* Ctrl+Enter finishes from the notes too: the text view would take it
 * for a new line before the page's binding sees it. */
static gboolean
notes_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      LadderCheckinPage     *self)
{
  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != GDK_CONTROL_MASK || !self->editable)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_activate_action (GTK_WIDGET (self), "checkin.finish", NULL);
  return GDK_EVENT_STOP;
}

/* Whatever else takes the page away (another profile chosen, the
 * navigation view's mouse button or swipe) keeps an action typed in the
 * draft, as Finish does. */
static void
hiding_cb (LadderCheckinPage *self)
{
  add_typed_action (self);
}

/* Scrolls the notes into view and focuses them once the page is laid out:
 * a page still sliding in has no place to scroll to yet. */
static gboolean
focus_notes_tick_cb (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  LadderCheckinPage *self = LADDER_CHECKIN_PAGE (widget);
  GtkWidget *content = gtk_scrolled_window_get_child (self->scrolled);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  graphene_point_t point;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self->notes_view)) ||
      gtk_widget_get_height (GTK_WIDGET (self->notes_view)) == 0 ||
      gtk_adjustment_get_upper (adjustment) == 0 ||
      !gtk_widget_compute_point (GTK_WIDGET (self->notes_group), content,
                                 &GRAPHENE_POINT_INIT (0, 0), &point))
    return G_SOURCE_CONTINUE;

  gtk_adjustment_set_value (adjustment, point.y);
  gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));

  return G_SOURCE_REMOVE;
}

static void
ladder_checkin_page_dispose (GObject *object)
{
  LadderCheckinPage *self = LADDER_CHECKIN_PAGE (object);

  if (self->notes_view != NULL)
    g_signal_handlers_disconnect_by_func (gtk_text_view_get_buffer (self->notes_view),
                                          notes_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_CHECKIN_PAGE);
  g_clear_pointer (&self->review, ladder_review_unref);
  g_clear_pointer (&self->due, g_date_free);
  g_clear_object (&self->checkin);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (ladder_checkin_page_parent_class)->dispose (object);
}

static void
ladder_checkin_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LadderCheckinPage *self = LADDER_CHECKIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_checkin_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LadderCheckinPage *self = LADDER_CHECKIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_NARROW:
      if (self->narrow != g_value_get_boolean (value))
        {
          self->narrow = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_checkin_page_class_init (LadderCheckinPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_checkin_page_dispose;
  object_class->get_property = ladder_checkin_page_get_property;
  object_class->set_property = ladder_checkin_page_set_property;

  /**
   * LadderCheckinPage:narrow:
   *
   * Whether the page is laid out for a narrow width, set by its
   * breakpoint: each agreed action's owner and due date are then in a
   * menu beside its text rather than taking the row's width.
   */
  properties [PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LadderCheckinPage::finished:
   *
   * Emitted when the check-in being held was finished: its snapshot is
   * stored and it is part of the profile.
   */
  signals [FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * LadderCheckinPage::discarded:
   *
   * Emitted when the user threw the check-in being held away (the page
   * then leaves); whoever holds it decides what an undo brings back.
   */
  signals [DISCARDED] =
    g_signal_new ("discarded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-checkin-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinPage, finish_button);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinPage, discard_button);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinPage, save_banner);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinPage, changes_group);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinPage, evidence_group);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinPage, done_group);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinPage, open_group);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinPage, agenda_group);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinPage, focus_group);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinPage, gaps_group);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinPage, notes_group);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinPage, notes_private_button);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinPage, actions_group);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinPage, new_action_group);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinPage, action_entry);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinPage, owner_group);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinPage, due_button);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinPage, due_popover);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinPage, due_calendar);
  gtk_widget_class_bind_template_callback (widget_class, add_action_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_cleared_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_popover_shown_cb);

  gtk_widget_class_install_action (widget_class, "checkin.finish", NULL,
                                   ladder_checkin_page_finish_action);
  gtk_widget_class_install_action (widget_class, "checkin.discard", NULL,
                                   ladder_checkin_page_discard_action);
  gtk_widget_class_install_action (widget_class, "navigation.pop", NULL,
                                   ladder_checkin_page_pop_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "checkin.finish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "checkin.finish", NULL);
}

static void
ladder_checkin_page_init (LadderCheckinPage *self)
{
  GtkEventController *keys;

  g_type_ensure (LADDER_TYPE_FOCUS_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));
  _ladder_text_buffer_keep_runs_short (gtk_text_view_get_buffer (self->notes_view));
  _ladder_calendar_add_keys (self->due_calendar);
  _ladder_toggle_group_add_keys (self->owner_group);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (leave_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (self, "hiding", G_CALLBACK (hiding_cb), NULL);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (notes_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->notes_view), keys);
}

static GtkWidget *
find_revealer (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_REVEALER (child) ? child : find_revealer (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A finished check-in is read, not used: its rows are no Tab stops of
 * their own (the keyboard goes from what can be done to what can be
 * done), and keep their role and text for a screen reader. An expander
 * row's header still opens it; the rows inside it are read too. */
static void
make_rows_read_only (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_EXPANDER_ROW (child))
        {
          /* Its header is a row too, inside it: only what it reveals. */
          GtkWidget *revealer = find_revealer (child);

          if (revealer != NULL)
            make_rows_read_only (revealer);
          continue;
        }

      if (GTK_IS_LIST_BOX_ROW (child))
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (child), FALSE);
          gtk_widget_set_focusable (child, FALSE);
        }
      make_rows_read_only (child);
    }
}

/**
 * ladder_checkin_page_new:
 * @profile: a #LadderProfile
 * @checkin: a draft from ladder_profile_start_checkin(), or one of
 *   @profile's check-ins
 * @editable: %TRUE for a draft to fill in and finish, %FALSE to show a
 *   finished one as it was
 *
 * Returns: (transfer floating): a new page for an #AdwNavigationView
 */
AdwNavigationPage *
ladder_checkin_page_new (LadderProfile *profile,
                         LadderCheckin *checkin,
                         gboolean       editable)
{
  LadderCheckinPage *self;
  GtkTextBuffer *buffer;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  const char *notes;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (LADDER_IS_CHECKIN (checkin), NULL);

  date = _ladder_date_format (ladder_checkin_get_date (checkin), LADDER_DATE_SHORT, "");
  if (editable)
    title = g_strdup (_("Check-in"));
  else
    /* Translators: a page's title; %s is the check-in's date */
    title = g_strdup_printf (_("Check-in of %s"), date);

  self = g_object_new (LADDER_TYPE_CHECKIN_PAGE,
                       "title", title,
                       NULL);
  self->profile = g_object_ref (profile);
  self->checkin = g_object_ref (checkin);
  self->editable = editable && !ladder_profile_get_read_only (profile);
  self->review = ladder_review_new (profile, checkin);

  gtk_widget_set_visible (self->finish_button, self->editable);
  gtk_widget_set_visible (self->discard_button, self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkin.finish", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkin.discard", self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->new_action_group), self->editable);
  /* What is still open belongs to the check-in being held; a past one
   * lists its own actions. */
  gtk_widget_set_visible (GTK_WIDGET (self->open_group), self->editable);

  for (LadderRater side = LADDER_RATER_SELF; side <= LADDER_RATER_MANAGER; side++)
    adw_toggle_set_label (adw_toggle_group_get_toggle_by_name (self->owner_group,
                                                               ladder_rater_to_string (side)),
                          _ladder_checkin_page_rater_label (self, side));

  _ladder_checkin_page_fill_agenda (self);
  /* The plan in focus: a draft's, to tick its steps; a past one's, as it
   * stood on its day. */
  ladder_focus_group_set_checkin (self->focus_group, TRUE,
                                  self->editable ? NULL : ladder_checkin_get_date (checkin));
  ladder_focus_group_set_profile (self->focus_group, profile);
  fill_changes (self);
  fill_evidence (self);
  fill_actions (self, ladder_review_get_done_actions (self->review), self->done_group, FALSE);
  if (self->editable)
    fill_actions (self, ladder_review_get_open_actions (self->review), self->open_group, TRUE);
  fill_gaps (self);

  buffer = gtk_text_view_get_buffer (self->notes_view);
  notes = ladder_checkin_get_notes (checkin);
  gtk_text_buffer_set_text (buffer, notes != NULL ? notes : "", -1);
  gtk_text_view_set_editable (self->notes_view, self->editable);
  gtk_text_view_set_cursor_visible (self->notes_view, self->editable);
  g_signal_connect (buffer, "changed", G_CALLBACK (notes_changed_cb), self);
  g_signal_connect (self->notes_private_button, "toggled",
                    G_CALLBACK (_ladder_checkin_page_private_toggled_cb), NULL);
  _ladder_checkin_page_private_toggled_cb (self->notes_private_button);
  g_object_bind_property (checkin, "notes-private", self->notes_private_button, "active",
                          self->editable ? G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL
                                         : G_BINDING_SYNC_CREATE);
  if (!self->editable)
    {
      gtk_widget_set_can_target (GTK_WIDGET (self->notes_private_button), FALSE);
      gtk_widget_set_focusable (GTK_WIDGET (self->notes_private_button), FALSE);
    }
  g_signal_connect_object (checkin, "notify::notes-private", G_CALLBACK (notes_private_changed_cb),
                           self, G_CONNECT_SWAPPED);

  adw_preferences_group_bind_model (self->actions_group, ladder_checkin_get_actions (checkin),
                                    _ladder_checkin_page_create_action_row_cb, self, NULL);
  if (!self->editable)
    {
      GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (self->notes_group));
      g_autofree char *finished = NULL;

      GtkWidget *label;

      /* What was said reads as text, not as a field to type in: no frame,
       * no fixed height, no Tab stop. A label:
       * the text view, unframed and without its fixed height, laid its
       * first line out a margin too low and showed nothing of it. */
      gtk_widget_remove_css_class (GTK_WIDGET (self->notes_view), "card");
      gtk_widget_set_focusable (GTK_WIDGET (self->notes_view), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->notes_view), FALSE);
      label = gtk_label_new (notes != NULL && *notes != '\0' ? notes : _("No notes."));
      gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Notes"), -1);
      adw_preferences_group_add (self->notes_group, label);
      /* Translators: %s is the date a check-in was held */
      finished = g_strdup_printf (_("Finished on %s"), date);
      adw_preferences_group_set_description (self->notes_group, finished);

      /* A past check-in is opened for what was said and agreed. */
      gtk_box_reorder_child_after (GTK_BOX (box), GTK_WIDGET (self->notes_group), NULL);
      gtk_box_reorder_child_after (GTK_BOX (box), self->actions_box,
                                   GTK_WIDGET (self->notes_group));
      if (g_list_model_get_n_items (ladder_checkin_get_actions (checkin)) == 0)
        gtk_widget_set_visible (GTK_WIDGET (self->actions_group), FALSE);
      if (notes == NULL || *notes == '\0')
        gtk_text_buffer_set_text (buffer, _("No notes."), -1);
      make_rows_read_only (GTK_WIDGET (self->scrolled));
    }
  notes_private_changed_cb (self);

  return ADW_NAVIGATION_PAGE (self);
}

/**
 * ladder_checkin_page_get_checkin:
 * @self: a #LadderCheckinPage
 *
 * Returns: (transfer none): the check-in shown
 */
LadderCheckin *
ladder_checkin_page_get_checkin (LadderCheckinPage *self)
{
  g_return_val_if_fail (LADDER_IS_CHECKIN_PAGE (self), NULL);

  return self->checkin;
}

/**
 * ladder_checkin_page_get_editable:
 * @self: a #LadderCheckinPage
 *
 * Returns: whether the page holds a check-in being filled in
 */
gboolean
ladder_checkin_page_get_editable (LadderCheckinPage *self)
{
  g_return_val_if_fail (LADDER_IS_CHECKIN_PAGE (self), FALSE);

  return self->editable;
}

/**
 * ladder_checkin_page_focus_notes:
 * @self: a #LadderCheckinPage
 *
 * Moves the focus to the notes, which scrolls them into view.
 */
void
ladder_checkin_page_focus_notes (LadderCheckinPage *self)
{
  g_return_if_fail (LADDER_IS_CHECKIN_PAGE (self));

  gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_notes_tick_cb, NULL, NULL);
}

/**
 * ladder_checkin_page_keep_typed_action:
 * @self: a #LadderCheckinPage
 *
 * Adds an action typed and not yet added to the draft, with its owner and
 * due date: for whoever takes the page away without asking, before it
 * writes the draft (another profile shown).
 */
void
ladder_checkin_page_keep_typed_action (LadderCheckinPage *self)
{
  g_return_if_fail (LADDER_IS_CHECKIN_PAGE (self));

  add_typed_action (self);
}

/**
 * ladder_checkin_page_set_save_error:
 * @self: a #LadderCheckinPage
 * @message: (nullable): why the check-in could not be saved, or %NULL
 *
 * Shows in the page's banner, whole, that its check-in is not on disk
 * and why (the window's own banner is under this page); %NULL hides it.
 */
void
ladder_checkin_page_set_save_error (LadderCheckinPage *self,
                                    const char        *message)
{
  g_autofree char *title = NULL;

  g_return_if_fail (LADDER_IS_CHECKIN_PAGE (self));

  if (message == NULL)
    {
      adw_banner_set_revealed (self->save_banner, FALSE);
      return;
    }

  /* Translators: %s says why the draft check-in's file could not be
   * written (a whole sentence) */
  title = g_strdup_printf (_("The draft check-in is not saved. %s"), message);
  adw_banner_set_title (self->save_banner, title);
  adw_banner_set_revealed (self->save_banner, TRUE);
}
