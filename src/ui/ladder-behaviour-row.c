/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-behaviour-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-behaviour-row.h"
#include "ladder-ui-private.h"

/* One behaviour of a category page: its text and examples, the rating of
 * this copy's owner as a toggle group, the other side's rating read-only,
 * and its evidence. */
struct _LadderBehaviourRow
{
  GtkWidget        parent_instance;

  LadderProfile   *profile;
  LadderBehaviour *behaviour;
  gboolean         updating;

  GtkLabel        *text;
  GtkExpander     *examples_expander;
  GtkLabel        *examples;
  AdwToggleGroup  *rating_group;
  GtkLabel        *other_rating;
  GtkButton       *evidence_button;
  GtkButton       *add_button;
};

G_DEFINE_FINAL_TYPE (LadderBehaviourRow, ladder_behaviour_row, GTK_TYPE_WIDGET)

static void
ladder_behaviour_row_update (LadderBehaviourRow *self)
{
  const char *id = ladder_behaviour_get_id (self->behaviour);
  LadderRater owner = ladder_profile_get_owner (self->profile);
  LadderRater other = _ladder_profile_other_rater (self->profile);
  LadderRatingValue value = ladder_profile_get_rating_value (self->profile, id, owner);
  LadderRatingValue other_value = ladder_profile_get_rating_value (self->profile, id, other);
  guint n_evidence = ladder_profile_count_evidence_for (self->profile, id);
  g_autofree char *other_text = NULL;
  g_autofree char *evidence_text = NULL;

  self->updating = TRUE;
  if (value == LADDER_RATING_UNRATED || value == LADDER_RATING_NOT_APPLICABLE)
    adw_toggle_group_set_active (self->rating_group, GTK_INVALID_LIST_POSITION);
  else
    adw_toggle_group_set_active_name (self->rating_group, ladder_rating_value_to_string (value));
  self->updating = FALSE;

  if (other == LADDER_RATER_MANAGER)
    /* Translators: the manager's rating, "Manager: Sometimes" */
    other_text = g_strdup_printf (_("Manager: %s"), ladder_rating_value_get_label (other_value));
  else
    /* Translators: the engineer's own rating, "Self: Sometimes" */
    other_text = g_strdup_printf (_("Self: %s"), ladder_rating_value_get_label (other_value));
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

  if (ladder_profile_get_read_only (self->profile))
    return;

  if (ladder_profile_get_rating_value (self->profile, ladder_behaviour_get_id (self->behaviour),
                                       ladder_profile_get_owner (self->profile)) != value)
    ladder_profile_rate (self->profile, ladder_behaviour_get_id (self->behaviour),
                         ladder_profile_get_owner (self->profile), value);
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
    return;

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

  g_signal_connect_swapped (profile, "changed", G_CALLBACK (profile_changed_cb), self);
  ladder_behaviour_row_update (self);
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
  gtk_widget_class_bind_template_child (widget_class, LadderBehaviourRow, text);
  gtk_widget_class_bind_template_child (widget_class, LadderBehaviourRow, examples_expander);
  gtk_widget_class_bind_template_child (widget_class, LadderBehaviourRow, examples);
  gtk_widget_class_bind_template_child (widget_class, LadderBehaviourRow, rating_group);
  gtk_widget_class_bind_template_child (widget_class, LadderBehaviourRow, other_rating);
  gtk_widget_class_bind_template_child (widget_class, LadderBehaviourRow, evidence_button);
  gtk_widget_class_bind_template_child (widget_class, LadderBehaviourRow, add_button);
  gtk_widget_class_bind_template_callback (widget_class, rating_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
ladder_behaviour_row_init (LadderBehaviourRow *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);
}

GtkWidget *
ladder_behaviour_row_new (void)
{
  return g_object_new (LADDER_TYPE_BEHAVIOUR_ROW, NULL);
}
