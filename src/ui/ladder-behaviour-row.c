/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-behaviour-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-behaviour-row.h"
#include "ladder-focus-dialog.h"
#include "ladder-ui-private.h"

/* One behaviour of a category page: its text and examples, the rating of
 * this copy's owner as a toggle group (or "not applicable", with the
 * reason asked for in a dialog), the other side's rating read-only, and
 * its evidence.
 *
 * The toggle group is one focus stop, as a radio group: Tab enters it on
 * the chosen rating, and Left/Right, Home/End move the choice (in visual
 * order, so mirrored in a right-to-left locale); Delete or BackSpace, and
 * the clear button beside it, clear the rating. Every change made here
 * shows a toast whose Undo sets the rating back as a new change, so that
 * it also wins a merge over the change it undoes. */
struct _LadderBehaviourRow
{
  GtkWidget        parent_instance;

  LadderProfile   *profile;
  LadderBehaviour *behaviour;
  gboolean         updating;

  GtkLabel        *growth;
  GtkLabel        *text;
  GtkExpander     *examples_expander;
  GtkLabel        *examples;
  AdwToggleGroup  *rating_group;
  GtkButton       *clear_button;
  GtkButton       *not_applicable_button;
  GtkLabel        *own_note;
  GtkLabel        *other_rating;
  GtkButton       *evidence_button;
  GtkButton       *add_button;
};

G_DEFINE_FINAL_TYPE (LadderBehaviourRow, ladder_behaviour_row, GTK_TYPE_WIDGET)

/* What a rating toast's Undo sets back. It holds the profile, not the
 * row: a list recycles its rows while the toast is up. */
typedef struct
{
  LadderProfile     *profile;
  char              *behaviour_id;
  LadderRater        rater;
  LadderRatingValue  previous;
  char              *previous_note;
} RatingUndo;

static void
rating_undo_free (RatingUndo *undo)
{
  g_clear_object (&undo->profile);
  g_free (undo->behaviour_id);
  g_free (undo->previous_note);
  g_free (undo);
}

/* The overlay keeps the rating toast on screen, if any, so that the next
 * change, in any row, replaces it instead of queueing behind it. */
#define RATING_TOAST_KEY "ladder-rating-toast"
#define RATING_UNDO_KEY "ladder-rating-undo"

static void
rating_toast_dismissed_cb (AdwToast        *toast,
                           AdwToastOverlay *overlay)
{
  if (g_object_get_data (G_OBJECT (overlay), RATING_TOAST_KEY) == toast)
    g_object_set_data (G_OBJECT (overlay), RATING_TOAST_KEY, NULL);
}

static void
rating_toast_undo_cb (AdwToast *toast)
{
  RatingUndo *undo = g_object_get_data (G_OBJECT (toast), RATING_UNDO_KEY);

  if (ladder_profile_get_read_only (undo->profile))
    return;

  /* Stamped as a new change, later than the one undone. */
  ladder_profile_rate_with_note (undo->profile, undo->behaviour_id, undo->rater, undo->previous,
                                 undo->previous_note);
}

/* The start of a behaviour's text for a toast, which has one line. */
static char *
shorten_for_toast (const char *text)
{
  const glong max_chars = 32;

  if (g_utf8_strlen (text, -1) <= max_chars)
    return g_strdup (text);

  {
    g_autofree char *start = g_utf8_substring (text, 0, max_chars - 1);

    g_strchomp (start);
    return g_strconcat (start, "…", NULL);
  }
}

static void
show_undo_toast (LadderBehaviourRow *self,
                 LadderRater         rater,
                 LadderRatingValue   previous,
                 const char         *previous_note,
                 LadderRatingValue   value)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  const char *id = ladder_behaviour_get_id (self->behaviour);
  g_autofree char *text = shorten_for_toast (ladder_behaviour_get_text (self->behaviour));
  g_autofree char *title = NULL;
  AdwToast *shown;
  AdwToast *toast;
  RatingUndo *undo;

  if (overlay == NULL)
    return;

  undo = g_new0 (RatingUndo, 1);
  undo->profile = g_object_ref (self->profile);
  undo->behaviour_id = g_strdup (id);
  undo->rater = rater;
  undo->previous = previous;
  undo->previous_note = g_strdup (previous_note);

  shown = g_object_get_data (G_OBJECT (overlay), RATING_TOAST_KEY);
  if (shown != NULL)
    adw_toast_dismiss (shown);

  if (value == LADDER_RATING_UNRATED)
    /* Translators: a toast; %s is (the start of) a behaviour's text */
    title = g_strdup_printf (_("Rating of “%s” cleared"), text);
  else if (value == LADDER_RATING_NOT_APPLICABLE)
    /* Translators: a toast; %s is (the start of) a behaviour's text */
    title = g_strdup_printf (_("“%s” marked not applicable"), text);
  else
    /* Translators: a toast; %s is (the start of) a behaviour's text */
    title = g_strdup_printf (_("Rating of “%s” changed"), text);

  toast = adw_toast_new (title);
  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* The undo shows at once, not after a toast waiting before it. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), RATING_UNDO_KEY, undo,
                          (GDestroyNotify) rating_undo_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (rating_toast_undo_cb), NULL);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (rating_toast_dismissed_cb),
                           overlay, 0);
  g_object_set_data (G_OBJECT (overlay), RATING_TOAST_KEY, toast);
  _ladder_offer_lasting_undo (overlay, toast);
  _ladder_toast_wrap_title (toast);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* Sets this copy's side of the rating, as the user asked here, with its
 * note: the reason for "not applicable", none for any other value. */
static void
ladder_behaviour_row_rate (LadderBehaviourRow *self,
                           LadderRatingValue   value,
                           const char         *note)
{
  LadderRating *rating;
  const char *id;
  LadderRater owner;
  LadderRatingValue previous;
  g_autofree char *previous_note = NULL;

  if (self->profile == NULL || ladder_profile_get_read_only (self->profile))
    return;

  id = ladder_behaviour_get_id (self->behaviour);
  owner = ladder_profile_get_owner (self->profile);
  previous = ladder_profile_get_rating_value (self->profile, id, owner);
  rating = ladder_profile_get_rating (self->profile, id);
  previous_note = g_strdup (rating != NULL ? ladder_rating_get_note (rating, owner) : NULL);
  if (previous == value && g_strcmp0 (previous_note, note) == 0)
    return;

  ladder_profile_rate_with_note (self->profile, id, owner, value, note);
  show_undo_toast (self, owner, previous, previous_note, value);
}

/* AdwToggleGroup states "checked" on a toggle only once it has been
 * active, so that a radio never chosen has no state at all: say "not
 * checked" for each, as a radio group does. The group's children are its
 * toggles' buttons, with separators between. */
static void
update_checked_states (LadderBehaviourRow *self)
{
  guint active = adw_toggle_group_get_active (self->rating_group);
  guint position = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->rating_group));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_TOGGLE_BUTTON (child))
        continue;
      gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_CHECKED,
                                   position == active ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                      : GTK_ACCESSIBLE_TRISTATE_FALSE,
                                   -1);
      position++;
    }
}

static void
ladder_behaviour_row_update (LadderBehaviourRow *self)
{
  const char *id = ladder_behaviour_get_id (self->behaviour);
  LadderRater owner = ladder_profile_get_owner (self->profile);
  LadderRater other = _ladder_profile_other_rater (self->profile);
  LadderRatingValue value = ladder_profile_get_rating_value (self->profile, id, owner);
  LadderRatingValue other_value = ladder_profile_get_rating_value (self->profile, id, other);
  LadderRating *rating = ladder_profile_get_rating (self->profile, id);
  const char *own_note = rating != NULL ? ladder_rating_get_note (rating, owner) : NULL;
  const char *other_note = rating != NULL ? ladder_rating_get_note (rating, other) : NULL;
  guint n_evidence = ladder_profile_count_evidence_for (self->profile, id);
  g_autofree char *other_text = NULL;
  g_autofree char *evidence_text = NULL;

  self->updating = TRUE;
  if (value == LADDER_RATING_UNRATED || value == LADDER_RATING_NOT_APPLICABLE)
    adw_toggle_group_set_active (self->rating_group, GTK_INVALID_LIST_POSITION);
  else
    adw_toggle_group_set_active_name (self->rating_group, ladder_rating_value_to_string (value));
  self->updating = FALSE;
  update_checked_states (self);

  /* The clear button is there only when there is something to clear; it
   * hands the focus to the group rather than lose it as it goes. */
  if (gtk_widget_has_focus (GTK_WIDGET (self->clear_button)) && value == LADDER_RATING_UNRATED)
    gtk_widget_grab_focus (GTK_WIDGET (self->rating_group));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.clear-rating",
                                 value != LADDER_RATING_UNRATED &&
                                 !ladder_profile_get_read_only (self->profile));
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button),
                          value != LADDER_RATING_UNRATED &&
                          !ladder_profile_get_read_only (self->profile));

  /* Not applicable says why, on either side. */
  gtk_widget_set_visible (GTK_WIDGET (self->own_note), value == LADDER_RATING_NOT_APPLICABLE);
  if (value == LADDER_RATING_NOT_APPLICABLE)
    {
      g_autofree char *text = NULL;

      if (own_note != NULL)
        /* Translators: your own rating of a behaviour, with your reason */
        text = g_strdup_printf (_("You marked this not applicable: %s"), own_note);
      else
        text = g_strdup (_("You marked this not applicable."));
      gtk_label_set_label (self->own_note, text);
    }
  {
    const char *what = value == LADDER_RATING_NOT_APPLICABLE ? _("Change the Reason…")
                                                             : _("Not Applicable…");

    gtk_widget_set_tooltip_text (GTK_WIDGET (self->not_applicable_button), what);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->not_applicable_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, what, -1);
  }

  if (other_value == LADDER_RATING_NOT_APPLICABLE && other_note != NULL)
    /* Translators: the other side's rating with their reason, "Manager: Not applicable (no on-call here)" */
    other_text = g_strdup_printf (_("%s: %s (%s)"),
                                  ladder_rater_get_side_label (other, ladder_profile_get_owner (self->profile)),
                                  ladder_rating_value_get_label (other_value), other_note);
  else
    /* Translators: the other side's rating, "Manager: Sometimes" or, in a manager's copy, "Engineer: Sometimes" */
    other_text = g_strdup_printf (_("%s: %s"),
                                  ladder_rater_get_side_label (other, ladder_profile_get_owner (self->profile)),
                                  ladder_rating_value_get_label (other_value));
  gtk_label_set_label (self->other_rating, other_text);

  evidence_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Evidence Entry",
                                                "%u Evidence Entries", n_evidence),
                                   n_evidence);
  gtk_button_set_label (self->evidence_button, evidence_text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->evidence_button), n_evidence > 0);
}

static void
profile_changed_cb (LadderBehaviourRow *self)
{
  ladder_behaviour_row_update (self);
}

static void
rating_changed_cb (LadderBehaviourRow *self)
{
  const char *name;
  LadderRatingValue value;

  if (self->updating || self->profile == NULL)
    return;

  name = adw_toggle_group_get_active_name (self->rating_group);
  if (name == NULL || !ladder_rating_value_from_string (name, &value))
    return;

  ladder_behaviour_row_rate (self, value, NULL);
}

/* The group's arrow keys are _ladder_toggle_group_add_keys()'s; Delete
 * and BackSpace clear the rating, which a toggle group has no way to. */
static gboolean
rating_key_pressed_cb (LadderBehaviourRow    *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      gtk_widget_activate_action (GTK_WIDGET (self), "row.clear-rating", NULL);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
ladder_behaviour_row_clear_rating_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  ladder_behaviour_row_rate (LADDER_BEHAVIOUR_ROW (widget), LADDER_RATING_UNRATED, NULL);
}

/* Not applicable {{{1 */

#define REASON_ENTRY_KEY "ladder-reason-entry"

static void
reason_changed_cb (GtkEditable    *entry,
                   AdwAlertDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_alert_dialog_set_response_enabled (dialog, "mark", *reason != '\0');
}

static void
reason_response_cb (AdwAlertDialog     *dialog,
                    const char         *response,
                    LadderBehaviourRow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), REASON_ENTRY_KEY);
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (!g_str_equal (response, "mark") || *reason == '\0' || self->behaviour == NULL)
    return;

  ladder_behaviour_row_rate (self, LADDER_RATING_NOT_APPLICABLE, reason);
}

/* Make a Focus…: the focus dialog on this behaviour; a full plan says
 * so at once rather than after the dialog is filled in. */
static void
ladder_behaviour_row_make_focus_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  LadderBehaviourRow *self = LADDER_BEHAVIOUR_ROW (widget);
  g_autoptr(GPtrArray) open = NULL;

  if (self->profile == NULL || self->behaviour == NULL ||
      ladder_profile_get_read_only (self->profile))
    return;

  open = ladder_profile_list_open_focus (self->profile);
  if (open->len >= LADDER_FOCUS_MAX_OPEN)
    {
      _ladder_show_error (widget, _("Could Not Add the Focus"),
                          _("Three behaviours are in focus already, as many as a plan holds. "
                            "Finish or remove one on the Progress page first."));
      return;
    }

  adw_dialog_present (ADW_DIALOG (ladder_focus_dialog_new (self->profile, NULL,
                                                           ladder_behaviour_get_id (self->behaviour))),
                      widget);
}

/* Asks why the behaviour does not apply: a reason is required, so that
 * whoever reads the ratings (the other side, a promotion panel) knows. */
static void
ladder_behaviour_row_not_applicable_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  LadderBehaviourRow *self = LADDER_BEHAVIOUR_ROW (widget);
  LadderRating *rating;
  LadderRater owner;
  AdwDialog *dialog;
  GtkWidget *entry;
  const char *note = NULL;

  if (self->profile == NULL || self->behaviour == NULL ||
      ladder_profile_get_read_only (self->profile))
    return;

  owner = ladder_profile_get_owner (self->profile);
  rating = ladder_profile_get_rating (self->profile, ladder_behaviour_get_id (self->behaviour));
  if (rating != NULL && ladder_rating_get_value (rating, owner) == LADDER_RATING_NOT_APPLICABLE)
    note = ladder_rating_get_note (rating, owner);

  dialog = adw_alert_dialog_new (_("Not Applicable"), NULL);
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                _("Why does “%s” not apply? The reason is kept with your rating "
                                  "and shown to whoever reads it."),
                                ladder_behaviour_get_text (self->behaviour));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "mark", _("_Mark Not Applicable"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "mark",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "mark");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_max_length (GTK_ENTRY (entry), 280);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason"), -1);
  if (note != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), note);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), REASON_ENTRY_KEY, entry);
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  reason_changed_cb (GTK_EDITABLE (entry), ADW_ALERT_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (reason_response_cb), self, 0);

  adw_dialog_set_focus (dialog, entry);
  adw_dialog_present (dialog, widget);
}

void
ladder_behaviour_row_set (LadderBehaviourRow *self,
                          LadderProfile      *profile,
                          LadderBehaviour    *behaviour)
{
  const char * const *examples;

  g_return_if_fail (LADDER_IS_BEHAVIOUR_ROW (self));

  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_func (self->profile, profile_changed_cb, self);
  g_set_object (&self->profile, profile);
  g_set_object (&self->behaviour, behaviour);

  if (profile == NULL || behaviour == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.clear-rating", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.not-applicable", FALSE);
      return;
    }

  gtk_label_set_label (self->text, ladder_behaviour_get_text (behaviour));
  examples = ladder_behaviour_get_examples (behaviour);
  if (examples != NULL && examples[0] != NULL)
    {
      g_autofree char *joined = _ladder_join_strv (examples, "\n• ");
      g_autofree char *text = g_strconcat ("• ", joined, NULL);

      gtk_label_set_label (self->examples, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->examples_expander),
                          examples != NULL && examples[0] != NULL);
  gtk_expander_set_expanded (self->examples_expander, FALSE);

  /* The action goes on after its target, so that it is never asked to
   * run without one. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->evidence_button), "s",
                                    ladder_behaviour_get_id (behaviour));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->add_button), "s",
                                    ladder_behaviour_get_id (behaviour));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->evidence_button), "win.show-evidence-for");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "win.add-evidence-for");
  gtk_widget_set_sensitive (GTK_WIDGET (self->rating_group),
                            !ladder_profile_get_read_only (profile));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.not-applicable",
                                 !ladder_profile_get_read_only (profile));
  /* Which side the toggles set, said where a screen reader reads it. */
  {
    const char *whose = ladder_profile_get_owner (profile) == LADDER_RATER_MANAGER
                        ? _("Your rating, as their manager") : _("Your rating");

    gtk_widget_set_tooltip_text (GTK_WIDGET (self->rating_group), whose);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->rating_group),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, whose, -1);
  }

  g_signal_connect_swapped (profile, "changed", G_CALLBACK (profile_changed_cb), self);
  ladder_behaviour_row_update (self);
}

/**
 * ladder_behaviour_row_get_behaviour:
 * @self: a #LadderBehaviourRow
 *
 * Returns: (transfer none) (nullable): the behaviour the row shows
 */
LadderBehaviour *
ladder_behaviour_row_get_behaviour (LadderBehaviourRow *self)
{
  g_return_val_if_fail (LADDER_IS_BEHAVIOUR_ROW (self), NULL);

  return self->behaviour;
}

/**
 * ladder_behaviour_row_set_growth:
 * @self: a #LadderBehaviourRow
 * @level_name: (nullable): the display name of the level the behaviour is
 *   new at, or %NULL to show nothing
 * @builds_on: (nullable): the lower behaviour it restates, or %NULL when
 *   it is new
 *
 * Marks the behaviour as new at @level_name, or folds it under the lower
 * behaviour it builds on (ladder_framework_pair_levels()).
 */
void
ladder_behaviour_row_set_growth (LadderBehaviourRow *self,
                                 const char         *level_name,
                                 LadderBehaviour    *builds_on)
{
  g_autofree char *text = NULL;

  g_return_if_fail (LADDER_IS_BEHAVIOUR_ROW (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self->growth), "accent");
  gtk_widget_remove_css_class (GTK_WIDGET (self->growth), "dim-label");
  if (level_name == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->growth), FALSE);
      return;
    }

  if (builds_on != NULL)
    {
      /* Translators: a behaviour that restates one of the level below,
       * "Builds on “Fixes simple bugs”" */
      text = g_strdup_printf (_("Builds on “%s”"), ladder_behaviour_get_text (builds_on));
      gtk_widget_add_css_class (GTK_WIDGET (self->growth), "dim-label");
    }
  else
    {
      /* Translators: "New at Level 3" */
      text = g_strdup_printf (_("New at %s"), level_name);
      gtk_widget_add_css_class (GTK_WIDGET (self->growth), "accent");
    }
  gtk_label_set_label (self->growth, text);
  gtk_widget_set_visible (GTK_WIDGET (self->growth), TRUE);
}

static void
ladder_behaviour_row_dispose (GObject *object)
{
  GtkWidget *child;
  LadderBehaviourRow *self = LADDER_BEHAVIOUR_ROW (object);

  ladder_behaviour_row_set (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_BEHAVIOUR_ROW);
  /* Children the template does not name are ours to drop too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ladder_behaviour_row_parent_class)->dispose (object);
}

static void
ladder_behaviour_row_class_init (LadderBehaviourRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_behaviour_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-behaviour-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderBehaviourRow, growth);
  gtk_widget_class_bind_template_child (widget_class, LadderBehaviourRow, text);
  gtk_widget_class_bind_template_child (widget_class, LadderBehaviourRow, examples_expander);
  gtk_widget_class_bind_template_child (widget_class, LadderBehaviourRow, examples);
  gtk_widget_class_bind_template_child (widget_class, LadderBehaviourRow, rating_group);
  gtk_widget_class_bind_template_child (widget_class, LadderBehaviourRow, clear_button);
  gtk_widget_class_bind_template_child (widget_class, LadderBehaviourRow, not_applicable_button);
  gtk_widget_class_bind_template_child (widget_class, LadderBehaviourRow, own_note);
  gtk_widget_class_bind_template_child (widget_class, LadderBehaviourRow, other_rating);
  gtk_widget_class_bind_template_child (widget_class, LadderBehaviourRow, evidence_button);
  gtk_widget_class_bind_template_child (widget_class, LadderBehaviourRow, add_button);
  gtk_widget_class_bind_template_callback (widget_class, rating_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, rating_key_pressed_cb);

  gtk_widget_class_install_action (widget_class, "row.clear-rating", NULL,
                                   ladder_behaviour_row_clear_rating_action);
  gtk_widget_class_install_action (widget_class, "row.not-applicable", NULL,
                                   ladder_behaviour_row_not_applicable_action);
  gtk_widget_class_install_action (widget_class, "row.make-focus", NULL,
                                   ladder_behaviour_row_make_focus_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
ladder_behaviour_row_init (LadderBehaviourRow *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  _ladder_toggle_group_add_keys (self->rating_group);
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);
}

GtkWidget *
ladder_behaviour_row_new (void)
{
  return g_object_new (LADDER_TYPE_BEHAVIOUR_ROW, NULL);
}
