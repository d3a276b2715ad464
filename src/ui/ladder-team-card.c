/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-team-card"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-avatar.h"
#include "ladder-team-card.h"
#include "ladder-ui-private.h"

/* One person of the Team view: who they are, their level and progress,
 * and what asks for the manager's attention (ladder_team_summary_new()).
 * It follows its profile's "changed" signal.
 *
 * A manager's first screen is twenty cards, made and laid out in the
 * frame that shows the team: a card is built in code, not from a
 * template, and its facts share labels where they share a style (the
 * name and the role are one label, in two styles by its attributes; the
 * ratings that differ and the evidence another), so that a card is a
 * few widgets, not a dozen. */
struct _LadderTeamCard
{
  GtkWidget       parent_instance;

  LadderProfile  *profile;

  LadderAvatar   *avatar;
  GtkLabel       *who;        /* the name, and the role below it */
  GtkLabel       *level;
  GtkProgressBar *bar;
  GtkLabel       *progress;
  GtkLabel       *checkin;
  GtkLabel       *actions;
  GtkLabel       *counts;     /* the ratings that differ, the evidence */
};

G_DEFINE_FINAL_TYPE (LadderTeamCard, ladder_team_card, GTK_TYPE_WIDGET)

static void
set_label_take (GtkLabel *label,
                char     *text)
{
  gtk_label_set_label (label, text);
  g_free (text);
}

static void
mark (GtkLabel   *label,
      const char *style,
      gboolean    marked)
{
  if (marked)
    gtk_widget_add_css_class (GTK_WIDGET (label), style);
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), style);
}

/* The name as a heading, and the role, if any, below it as a dimmed
 * caption: the styles of libadwaita's "heading", "caption" and
 * "dim-label", as attributes of one label's text. */
static void
show_who (GtkLabel   *label,
          const char *name,
          const char *role)
{
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
  g_autoptr(GString) text = g_string_new (name);
  PangoAttribute *attribute;

  attribute = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  attribute->end_index = text->len;
  pango_attr_list_insert (attributes, attribute);

  if (role != NULL && *role != '\0')
    {
      guint start;

      g_string_append_c (text, '\n');
      start = text->len;
      g_string_append (text, role);

      attribute = pango_attr_scale_new (0.82);
      attribute->start_index = start;
      attribute->end_index = text->len;
      pango_attr_list_insert (attributes, attribute);
      attribute = pango_attr_foreground_alpha_new ((guint16) (0.55 * G_MAXUINT16));
      attribute->start_index = start;
      attribute->end_index = text->len;
      pango_attr_list_insert (attributes, attribute);
    }

  gtk_label_set_label (label, text->str);
  gtk_label_set_attributes (label, attributes);
}

static char *
describe_checkin (const LadderTeamSummary *summary)
{
  int days = summary->days_since_checkin;

  if (days < 0)
    return g_strdup (summary->checkin_overdue ? _("No check-in yet: one is due")
                                              : _("No check-in yet"));

  if (summary->checkin_overdue)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Check-in overdue: the last was %d day ago",
                                         "Check-in overdue: the last was %d days ago", days),
                            days);

  if (days == 0)
    return g_strdup (_("Last check-in today"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Last check-in %d day ago",
                                       "Last check-in %d days ago", days),
                          days);
}

static char *
describe_actions (const LadderTeamSummary *summary)
{
  guint open = summary->n_open_actions;

  if (open == 0)
    return g_strdup (_("No open actions"));

  if (summary->n_overdue_actions > 0)
    /* Translators: the second number is how many of the open actions are
     * past their due date */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u open action, %u overdue",
                                         "%u open actions, %u overdue", open),
                            open, summary->n_overdue_actions);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open action", "%u open actions", open),
                          open);
}

static char *
describe_gaps (const LadderTeamSummary *summary)
{
  if (summary->n_gaps == 0 && summary->n_manager_rated == 0)
    return g_strdup (_("No manager ratings yet"));
  if (summary->n_gaps == 0 && summary->n_self_rated == 0)
    return g_strdup (_("No self ratings yet"));
  if (summary->n_gaps == 0)
    return g_strdup (_("No ratings that differ"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u behaviour rated differently by self and manager",
                                       "%u behaviours rated differently by self and manager",
                                       summary->n_gaps),
                          summary->n_gaps);
}

static char *
describe_evidence (const LadderTeamSummary *summary)
{
  guint n = summary->n_new_evidence;

  if (summary->days_since_checkin < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u evidence entry", "%u evidence entries", n),
                            n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u evidence entry since the last check-in",
                                       "%u evidence entries since the last check-in", n),
                          n);
}

static void
show_summary (LadderTeamCard          *self,
              const LadderTeamSummary *summary)
{
  g_autofree char *initials_from = _ladder_avatar_text (summary->name);
  const char *name = summary->name != NULL ? summary->name : _("Unnamed");
  g_autofree char *gaps = describe_gaps (summary);
  g_autofree char *evidence = describe_evidence (summary);

  ladder_avatar_set_text (self->avatar, initials_from);
  show_who (self->who, name, summary->role);

  if (summary->level_name != NULL && summary->sublevel != NULL)
    /* Translators: a level and its sub-level, such as "Level 3 · B" */
    set_label_take (self->level, g_strdup_printf (_("%s · %s"), summary->level_name, summary->sublevel));
  else
    gtk_label_set_label (self->level, summary->level_name != NULL ? summary->level_name : _("No level set"));

  gtk_widget_set_visible (GTK_WIDGET (self->bar), summary->progress >= 0.0);
  if (summary->progress >= 0.0)
    {
      guint percent = ladder_progress_to_percent (summary->progress);

      gtk_progress_bar_set_fraction (self->bar, summary->progress);
      if (summary->target_level_name != NULL)
        /* Translators: the share of the current level shown, as the
         * profile's Progress page says it, and the level it leads to:
         * "40 % of Level 3 shown, toward Level 4" */
        set_label_take (self->progress, g_strdup_printf (_("%u %% of %s shown, toward %s"),
                                                         percent, summary->level_name,
                                                         summary->target_level_name));
      else
        /* Translators: the share of the current level shown, "40 % of Level 5 shown" */
        set_label_take (self->progress, g_strdup_printf (_("%u %% of %s shown"),
                                                         percent, summary->level_name));
    }
  else
    gtk_label_set_label (self->progress, _("No level to work toward"));

  set_label_take (self->checkin, describe_checkin (summary));
  mark (self->checkin, "error", summary->checkin_overdue);
  set_label_take (self->actions, describe_actions (summary));
  mark (self->actions, "warning", summary->n_overdue_actions > 0);
  set_label_take (self->counts, g_strconcat (gaps, "\n", evidence, NULL));
}

static void
update (LadderTeamCard *self)
{
  g_autoptr(LadderTeamSummary) summary = NULL;
  g_autoptr(GDate) today = _ladder_date_new_today ();

  summary = ladder_team_summary_new (self->profile, today);
  show_summary (self, summary);
}

/**
 * ladder_team_card_set_profile:
 * @self: a #LadderTeamCard
 * @profile: (nullable): the person
 * @summary: (nullable): @profile summed up today, when the caller has it
 *
 * Shows @profile and follows its changes; %NULL lets go of it. With no
 * @profile, a @summary is shown alone: a person the library has not
 * listed yet (see ladder_team_view_set_preview()).
 */
void
ladder_team_card_set_profile (LadderTeamCard          *self,
                              LadderProfile           *profile,
                              const LadderTeamSummary *summary)
{
  g_return_if_fail (LADDER_IS_TEAM_CARD (self));

  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_func (self->profile, update, self);
  g_set_object (&self->profile, profile);
  if (profile == NULL)
    {
      if (summary != NULL)
        show_summary (self, summary);
      return;
    }

  g_signal_connect_swapped (profile, "changed", G_CALLBACK (update), self);
  if (summary != NULL)
    show_summary (self, summary);
  else
    update (self);
}

LadderProfile *
ladder_team_card_get_profile (LadderTeamCard *self)
{
  g_return_val_if_fail (LADDER_IS_TEAM_CARD (self), NULL);

  return self->profile;
}

char *
ladder_team_card_describe (LadderTeamCard *self)
{
  GtkLabel *labels[] = {
    self->who, self->level, self->progress, self->checkin, self->actions, self->counts,
  };
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (LADDER_IS_TEAM_CARD (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (gtk_widget_get_visible (GTK_WIDGET (labels[i])))
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", gtk_label_get_label (labels[i]));

  return g_string_free_and_steal (g_steal_pointer (&text));
}

static void
ladder_team_card_dispose (GObject *object)
{
  LadderTeamCard *self = LADDER_TEAM_CARD (object);
  GtkWidget *child;

  ladder_team_card_set_profile (self, NULL, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ladder_team_card_parent_class)->dispose (object);
}

static void
ladder_team_card_class_init (LadderTeamCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_team_card_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

/* A label of the card, below what is above it by @margin_top. */
static GtkLabel *
add_label (LadderTeamCard *self,
           int             margin_top,
           gboolean        wrap,
           const char     *style)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "xalign", 0.0f,
                                   "wrap", wrap,
                                   "ellipsize", wrap ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END,
                                   "margin-top", margin_top,
                                   "margin-start", 18,
                                   "margin-end", 18,
                                   NULL);

  if (style != NULL)
    {
      gtk_widget_add_css_class (label, style);
      gtk_widget_add_css_class (label, "dim-label");
    }
  gtk_widget_set_parent (label, GTK_WIDGET (self));

  return GTK_LABEL (label);
}

static void
ladder_team_card_init (LadderTeamCard *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "team-card");

  gtk_widget_set_margin_top (header, 18);
  gtk_widget_set_margin_start (header, 18);
  gtk_widget_set_margin_end (header, 18);
  self->avatar = LADDER_AVATAR (ladder_avatar_new (40));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->avatar));
  /* A long name goes on two lines rather than being cut. */
  self->who = GTK_LABEL (g_object_new (GTK_TYPE_LABEL,
                                       "xalign", 0.0f,
                                       "wrap", TRUE,
                                       "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                       "lines", 3,
                                       "ellipsize", PANGO_ELLIPSIZE_END,
                                       "valign", GTK_ALIGN_CENTER,
                                       "hexpand", TRUE,
                                       NULL));
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->who));
  gtk_widget_set_parent (header, GTK_WIDGET (self));

  self->level = add_label (self, 12, FALSE, NULL);
  self->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_margin_top (GTK_WIDGET (self->bar), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self->bar), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->bar), 18);
  gtk_widget_set_parent (GTK_WIDGET (self->bar), GTK_WIDGET (self));
  self->progress = add_label (self, 3, TRUE, "caption");
  self->checkin = add_label (self, 12, TRUE, NULL);
  self->actions = add_label (self, 3, TRUE, NULL);
  self->counts = add_label (self, 3, TRUE, NULL);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->counts), 18);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
ladder_team_card_new (void)
{
  return g_object_new (LADDER_TYPE_TEAM_CARD, NULL);
}
