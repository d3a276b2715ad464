/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-prepare"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ladder-focus-private.h"
#include "ladder-prepare.h"

#include "ladder-progress.h"
#include "ladder-review.h"
#include "ladder-text-private.h"
#include "ladder-time-private.h"

/* Lines of a long list that are listed: the rest is counted. The page
 * lists fewer when they do not fit (see ladder_prepare_to_report()). */
#define MAX_ITEMS 8

typedef struct
{
  const char *heading;
  const char *empty;
  GPtrArray  *items;    /* char *, NULL-terminated */
  GPtrArray  *details;  /* char *, NULL-terminated */
  guint       n_more;   /* left out of the lists */
  guint       n_private;  /* private items not asked for */
} Section;

struct _LadderPrepare
{
  gatomicrefcount  ref_count;
  char            *title;
  char            *subtitle;
  Section          sections[LADDER_PREPARE_N_SECTIONS];
  LadderRater      owner;  /* who reads it: see side() */
};

G_DEFINE_BOXED_TYPE (LadderPrepare, ladder_prepare, ladder_prepare_ref, ladder_prepare_unref)

static void
add_item (LadderPrepare        *self,
          LadderPrepareSection  section,
          const char           *text,
          const char           *detail)
{
  Section *s = &self->sections[section];

  /* The NULL that ends each array stays last. */
  g_ptr_array_insert (s->items, s->items->len - 1,
                      g_utf8_make_valid (text != NULL && *text != '\0' ? text : _("Untitled"), -1));
  g_ptr_array_insert (s->details, s->details->len - 1,
                      g_utf8_make_valid (detail != NULL ? detail : "", -1));
}

/* A side as the owner of the profile, who prepares, reads it. */
static const char *
side (LadderPrepare *self,
      LadderRater    rater)
{
  return ladder_rater_get_side_label (rater, self->owner);
}

static void
add_more (LadderPrepare        *self,
          LadderPrepareSection  section,
          guint                 n_more)
{
  self->sections[section].n_more = n_more;
}

/**
 * ladder_prepare_describe_more:
 * @n_more: how many lines a list leaves out
 *
 * Returns: (transfer full): the line that ends a list cut short, "And 3
 *   more"
 */
char *
ladder_prepare_describe_more (guint n_more)
{
  /* Translators: the end of a list cut short to keep it to a page */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more", "And %u more", n_more), n_more);
}

/**
 * ladder_prepare_get_n_private:
 * @prepare: a #LadderPrepare
 * @section: a section
 *
 * Returns: how many private items the section leaves out because they
 *   were not asked for (agenda topics and actions)
 */
guint
ladder_prepare_get_n_private (LadderPrepare        *prepare,
                              LadderPrepareSection  section)
{
  g_return_val_if_fail (prepare != NULL, 0);
  g_return_val_if_fail (section < LADDER_PREPARE_N_SECTIONS, 0);

  return prepare->sections[section].n_private;
}

/**
 * ladder_prepare_describe_private:
 * @prepare: a #LadderPrepare
 * @section: a section
 *
 * Says what ladder_prepare_get_n_private() counts, for the one who
 * prepares: the Markdown and the PDF leave it out, so that a copy
 * given to someone else does not tell that private items exist.
 *
 * Returns: (transfer full) (nullable): "1 private topic hidden", or
 *   %NULL when the section hides none
 */
char *
ladder_prepare_describe_private (LadderPrepare        *prepare,
                                 LadderPrepareSection  section)
{
  guint n;

  g_return_val_if_fail (prepare != NULL, NULL);
  g_return_val_if_fail (section < LADDER_PREPARE_N_SECTIONS, NULL);

  n = prepare->sections[section].n_private;
  if (n == 0)
    return NULL;

  if (section == LADDER_PREPARE_AGENDA)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u private topic hidden",
                                         "%u private topics hidden", n), n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u private action hidden",
                                       "%u private actions hidden", n), n);
}

/**
 * ladder_prepare_get_n_more:
 * @prepare: a #LadderPrepare
 * @section: a section
 *
 * Returns: how many lines the section leaves out after its items
 */
guint
ladder_prepare_get_n_more (LadderPrepare        *prepare,
                           LadderPrepareSection  section)
{
  g_return_val_if_fail (prepare != NULL, 0);
  g_return_val_if_fail (section < LADDER_PREPARE_N_SECTIONS, 0);

  return prepare->sections[section].n_more;
}

/* A level's progress as the Progress page counts it, the owner's side
 * (ladder_profile_count_shown()), then in the detail which level it is,
 * the other side's count and, for the current level, whether the
 * framework's rule finds it ready. */
static void
add_level_progress (LadderPrepare *self,
                    LadderProfile *profile,
                    const char    *level,
                    gboolean       is_current)
{
  LadderFramework *framework = ladder_profile_get_framework (profile);
  LadderRater other = self->owner == LADDER_RATER_MANAGER ? LADDER_RATER_SELF : LADDER_RATER_MANAGER;
  guint shown = 0, total = 0, other_shown = 0, other_total = 0;
  g_autofree char *text = NULL;
  g_autofree char *detail = NULL;

  if (level == NULL || ladder_framework_find_level (framework, level) == NULL)
    return;

  ladder_profile_count_shown (profile, level, NULL, self->owner, &shown, &total);
  ladder_profile_count_shown (profile, level, NULL, other, &other_shown, &other_total);
  /* Translators: "12 of 30 behaviours of Level 3 shown (40 %)" */
  text = g_strdup_printf (_("%u of %u behaviours of %s shown (%u %%)"), shown, total,
                          ladder_framework_get_level_label (framework, level),
                          ladder_progress_to_percent (total > 0 ? (double) shown / total : 0.0));
  /* Translators: which level a progress line counts, and the other
   * side's count of it: "Current level · Engineer: 2 of 6" */
  detail = g_strdup_printf (_("%s · %s: %u of %u"),
                            is_current ? _("Current level") : _("Target level"),
                            side (self, other), other_shown, other_total);
  if (is_current && ladder_profile_is_ready (profile, self->owner))
    {
      LadderLevel *next = ladder_framework_get_next_level (framework, level);
      g_autofree char *plain = g_steal_pointer (&detail);

      /* Translators: a progress line's detail, then readiness: "… · Ready for Level 3" */
      detail = g_strdup_printf (_("%s · Ready for %s"), plain,
                                ladder_framework_get_level_label (framework, ladder_level_get_id (next)));
    }

  add_item (self, LADDER_PREPARE_PROGRESS, text, detail);
}

/* The current level's progress, on which readiness depends, and the
 * target's when it is another: both as the Progress page counts them. */
static void
add_progress (LadderPrepare *self,
              LadderProfile *profile)
{
  const char *current = ladder_profile_get_current_level (profile);
  const char *target = ladder_profile_get_target_level (profile);

  add_level_progress (self, profile, current, TRUE);
  if (target != NULL && g_strcmp0 (target, current) != 0)
    add_level_progress (self, profile, target, FALSE);
}

static char *
describe_focus_changes (LadderPrepare *self,
                        LadderFocus   *focus,
                        LadderReview  *review,
                        LadderCheckin *previous)
{
  const char *behaviour_id = ladder_focus_get_behaviour (focus);
  const GDate *since = previous != NULL ? ladder_checkin_get_date (previous) : NULL;
  GPtrArray *evidence = ladder_review_get_new_evidence (review);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint n_steps = 0, n_evidence = 0;
  guint n_changes = ladder_review_get_n_changes (review);

  for (guint i = 0; i < ladder_focus_get_n_steps (focus); i++)
    {
      g_autoptr(GDateTime) local = NULL;
      GDate day;

      if (!ladder_focus_get_step_done (focus, i))
        continue;

      local = g_date_time_to_local (_ladder_focus_get_step_modified (focus, i));
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (local),
                      g_date_time_get_month (local), g_date_time_get_year (local));
      if (since == NULL || g_date_compare (&day, since) > 0)
        n_steps++;
    }
  if (n_steps > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u step done",
                                                          "%u steps done", n_steps),
                                             n_steps));

  for (guint i = 0; behaviour_id != NULL && i < evidence->len; i++)
    {
      const char * const *behaviours = ladder_evidence_get_behaviours (g_ptr_array_index (evidence, i));

      if (behaviours != NULL && g_strv_contains (behaviours, behaviour_id))
        n_evidence++;
    }
  if (n_evidence > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u new evidence entry",
                                                          "%u new evidence entries", n_evidence),
                                             n_evidence));

  for (guint i = 0; i < n_changes; i++)
    {
      const LadderRatingChange *change = ladder_review_get_change (review, i);

      if (g_strcmp0 (change->behaviour_id, behaviour_id) == 0)
        g_ptr_array_add (parts, g_strdup_printf (_("%s: %s → %s"),
                                                 side (self, change->rater),
                                                 ladder_rating_value_get_label (change->before),
                                                 ladder_rating_value_get_label (change->after)));
    }

  if (parts->len == 0)
    return g_strdup (previous != NULL ? _("Nothing changed since the last check-in") :
                                        _("Nothing done yet"));

  g_ptr_array_add (parts, NULL);
  {
    g_autofree char *list = g_strjoinv (", ", (char **) parts->pdata);

    /* Translators: %s lists what changed: "1 step done, 2 new evidence entries" */
    return previous != NULL ? g_strdup_printf (_("Since the last check-in: %s"), list)
                            : g_strdup_printf (_("So far: %s"), list);
  }
}

static void
add_focus (LadderPrepare   *self,
           LadderProfile   *profile,
           LadderReview    *review,
           LadderCheckin   *previous,
           LadderFramework *framework)
{
  GListModel *plan = ladder_profile_get_focus (profile);
  guint n = g_list_model_get_n_items (plan);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderFocus) focus = g_list_model_get_item (plan, i);
      LadderFocusProgress progress;
      const char *behaviour;
      g_autofree char *text = NULL;
      g_autofree char *detail = NULL;

      /* Finished ones are history, unless finished since the last
       * check-in, which is news. */
      if (ladder_focus_is_finished (focus) &&
          (previous == NULL ||
           g_date_compare (ladder_focus_get_finished (focus), ladder_checkin_get_date (previous)) <= 0))
        continue;

      ladder_profile_get_focus_progress (profile, focus, &progress);
      behaviour = ladder_framework_get_behaviour_label (framework, ladder_focus_get_behaviour (focus));
      if (ladder_focus_is_finished (focus))
        /* Translators: a focus behaviour finished since the last check-in, and its progress */
        text = g_strdup_printf (_("%s — finished, %d %%"), behaviour,
                                (int) lround (progress.total * 100.0));
      else
        /* Translators: a focus behaviour and its computed progress */
        text = g_strdup_printf (_("%s — %d %%"), behaviour, (int) lround (progress.total * 100.0));
      detail = describe_focus_changes (self, focus, review, previous);
      add_item (self, LADDER_PREPARE_FOCUS, text, detail);
    }
}

static void
add_topics (LadderPrepare *self,
            LadderReview  *review,
            gboolean       include_private)
{
  GPtrArray *topics = ladder_review_get_topics (review);

  for (guint i = 0; i < topics->len; i++)
    {
      LadderTopic *topic = g_ptr_array_index (topics, i);
      const GDate *created = ladder_topic_get_created (topic);
      g_autofree char *date = NULL;
      g_autofree char *detail = NULL;

      if (!ladder_topic_is_open (topic))
        continue;
      if (ladder_topic_get_private (topic) && !include_private)
        {
          self->sections[LADDER_PREPARE_AGENDA].n_private++;
          continue;
        }

      if (created != NULL)
        {
          date = _ladder_date_format (created, LADDER_DATE_SHORT, "");
          /* Translators: who added an agenda topic, and when: "Manager · 2 Dec 2026" */
          detail = g_strdup_printf (_("%s · %s"),
                                    side (self, ladder_topic_get_author (topic)), date);
        }
      else
        detail = g_strdup (side (self, ladder_topic_get_author (topic)));

      if (ladder_topic_get_private (topic))
        {
          g_autofree char *plain = g_steal_pointer (&detail);

          /* Translators: the detail of an item only its author sees */
          detail = g_strdup_printf (_("%s · private"), plain);
        }

      add_item (self, LADDER_PREPARE_AGENDA, ladder_topic_get_text (topic), detail);
    }
}

static gboolean
is_overdue (LadderAction *action,
            const GDate  *today)
{
  const GDate *due = ladder_action_get_due (action);

  return due != NULL && g_date_valid (due) && g_date_compare (due, today) < 0;
}

static void
add_actions (LadderPrepare *self,
             LadderReview  *review,
             const GDate   *today,
             gboolean       include_private)
{
  GPtrArray *actions = ladder_review_get_open_actions (review);
  guint n_shown = 0, n_more = 0;

  /* The overdue ones first, then the rest, each in the order agreed. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < actions->len; i++)
      {
        LadderAction *action = g_ptr_array_index (actions, i);
        const GDate *due = ladder_action_get_due (action);
        const char *owner = side (self, ladder_action_get_owner (action));
        g_autofree char *detail = NULL;

        if (is_overdue (action, today) != (pass == 0))
          continue;
        if (ladder_action_get_private (action) && !include_private)
          {
            self->sections[LADDER_PREPARE_ACTIONS].n_private++;
            continue;
          }
        if (n_shown == MAX_ITEMS)
          {
            n_more++;
            continue;
          }

        if (due != NULL && g_date_valid (due))
          {
            g_autofree char *date = _ladder_date_format (due, LADDER_DATE_SHORT, "");

            if (pass == 0)
              /* Translators: an open action's owner and due date, when it is past */
              detail = g_strdup_printf (_("%s · due %s, overdue"), owner, date);
            else
              /* Translators: an action's owner and due date */
              detail = g_strdup_printf (_("%s · due %s"), owner, date);
          }
        else
          detail = g_strdup (owner);

        if (ladder_action_get_private (action))
          {
            g_autofree char *plain = g_steal_pointer (&detail);

            detail = g_strdup_printf (_("%s · private"), plain);
          }

        add_item (self, LADDER_PREPARE_ACTIONS, ladder_action_get_text (action), detail);
        n_shown++;
      }

  add_more (self, LADDER_PREPARE_ACTIONS, n_more);
}

static void
add_evidence (LadderPrepare *self,
              LadderReview  *review)
{
  GPtrArray *evidence = ladder_review_get_new_evidence (review);
  guint n = evidence->len;

  /* The latest first: what is freshest in mind. */
  for (guint i = 0; i < MIN (n, MAX_ITEMS); i++)
    {
      LadderEvidence *entry = g_ptr_array_index (evidence, n - 1 - i);
      g_autofree char *date = _ladder_date_format (ladder_evidence_get_date (entry),
                                                   LADDER_DATE_SHORT, _("No date"));

      add_item (self, LADDER_PREPARE_EVIDENCE, ladder_evidence_get_title (entry), date);
    }
  add_more (self, LADDER_PREPARE_EVIDENCE, n > MAX_ITEMS ? n - MAX_ITEMS : 0);
}

static void
add_changes (LadderPrepare   *self,
             LadderReview    *review,
             LadderFramework *framework)
{
  guint n = ladder_review_get_n_changes (review);

  for (guint i = 0; i < MIN (n, MAX_ITEMS); i++)
    {
      const LadderRatingChange *change = ladder_review_get_change (review, i);
      g_autofree char *detail = NULL;

      /* Translators: whose rating changed, from what to what: "Self: Sometimes → Consistently" */
      detail = g_strdup_printf (_("%s: %s → %s"), side (self, change->rater),
                                ladder_rating_value_get_label (change->before),
                                ladder_rating_value_get_label (change->after));
      add_item (self, LADDER_PREPARE_CHANGES,
                ladder_framework_get_behaviour_label (framework, change->behaviour_id), detail);
    }
  add_more (self, LADDER_PREPARE_CHANGES, n > MAX_ITEMS ? n - MAX_ITEMS : 0);
}

static void
add_gaps (LadderPrepare   *self,
          LadderReview    *review,
          LadderFramework *framework)
{
  guint n = ladder_review_get_n_gaps (review);

  for (guint i = 0; i < MIN (n, MAX_ITEMS); i++)
    {
      const LadderRatingGap *gap = ladder_review_get_gap (review, i);
      g_autofree char *detail = NULL;

      /* Translators: the two ratings of a behaviour: "Self: Consistently · Manager: Sometimes" */
      detail = g_strdup_printf (_("%s: %s · %s: %s"),
                                side (self, LADDER_RATER_SELF),
                                ladder_rating_value_get_label (gap->self_value),
                                side (self, LADDER_RATER_MANAGER),
                                ladder_rating_value_get_label (gap->manager_value));
      add_item (self, LADDER_PREPARE_GAPS,
                ladder_framework_get_behaviour_label (framework, gap->behaviour_id), detail);
    }
  add_more (self, LADDER_PREPARE_GAPS, n > MAX_ITEMS ? n - MAX_ITEMS : 0);

  if (n == 0 && ladder_review_count_rated_by_both (review) == 0)
    self->sections[LADDER_PREPARE_GAPS].empty = _("No behaviour is rated by both sides yet.");
}

/**
 * ladder_prepare_new:
 * @profile: a #LadderProfile
 * @today: (nullable): the day it is made, for what is overdue; %NULL for
 *   today
 * @include_private: whether to list private actions and topics too
 *
 * Reads what to bring to the next 1:1 from @profile, since its last
 * check-in (see ladder_review_new()): progress toward the target level,
 * the open agenda topics, the open actions (the overdue ones first), the
 * evidence logged since, the ratings either side changed since, and where
 * self and manager rate differently. Long lists list their first lines
 * and count the rest (ladder_prepare_get_n_more()).
 *
 * Returns: (transfer full): a new preparation
 */
LadderPrepare *
ladder_prepare_new (LadderProfile *profile,
                    const GDate   *today,
                    gboolean       include_private)
{
  g_autoptr(LadderReview) review = NULL;
  g_autoptr(GDate) now = NULL;
  LadderFramework *framework;
  LadderCheckin *previous;
  LadderPrepare *self;
  const char *name;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (today == NULL || g_date_valid (today), NULL);

  if (today == NULL)
    today = now = _ladder_date_new_today ();

  self = g_new0 (LadderPrepare, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->owner = ladder_profile_get_owner (profile);
  for (guint i = 0; i < LADDER_PREPARE_N_SECTIONS; i++)
    {
      self->sections[i].items = g_ptr_array_new_with_free_func (g_free);
      self->sections[i].details = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->sections[i].items, NULL);
      g_ptr_array_add (self->sections[i].details, NULL);
    }

  self->sections[LADDER_PREPARE_PROGRESS].heading = _("Progress");
  self->sections[LADDER_PREPARE_PROGRESS].empty = _("No level is set.");
  self->sections[LADDER_PREPARE_FOCUS].heading = _("Focus");
  self->sections[LADDER_PREPARE_FOCUS].empty = _("No focus behaviours.");
  self->sections[LADDER_PREPARE_AGENDA].heading = _("Agenda");
  self->sections[LADDER_PREPARE_AGENDA].empty = _("No open topics.");
  self->sections[LADDER_PREPARE_ACTIONS].heading = _("Open Actions");
  self->sections[LADDER_PREPARE_ACTIONS].empty = _("No open actions.");
  self->sections[LADDER_PREPARE_EVIDENCE].heading = _("New Evidence");
  self->sections[LADDER_PREPARE_EVIDENCE].empty = _("No evidence logged since.");
  self->sections[LADDER_PREPARE_CHANGES].heading = _("Ratings Changed");
  self->sections[LADDER_PREPARE_CHANGES].empty = _("No rating changed since.");
  self->sections[LADDER_PREPARE_GAPS].heading = _("Where the Ratings Differ");
  self->sections[LADDER_PREPARE_GAPS].empty = _("Self and manager rate alike.");

  framework = ladder_profile_get_framework (profile);
  review = ladder_review_new (profile, NULL);
  previous = ladder_review_get_previous (review);

  name = ladder_profile_get_name (profile);
  /* Translators: the title of a 1:1's preparation; %s is the person's name */
  self->title = g_strdup_printf (_("Prepare 1:1: %s"),
                                 name != NULL && *name != '\0' ? name : _("Unnamed"));
  if (previous != NULL)
    {
      g_autofree char *date = _ladder_date_format (ladder_checkin_get_date (previous),
                                                   LADDER_DATE_LONG, _("No date"));

      /* Translators: %s is the day of the last check-in */
      self->subtitle = g_strdup_printf (_("Since the check-in of %s"), date);
    }
  else
    {
      self->subtitle = g_strdup (_("No check-in yet: everything so far"));
      /* "Since" with nothing to be since. */
      self->sections[LADDER_PREPARE_EVIDENCE].empty = _("No evidence logged yet.");
      self->sections[LADDER_PREPARE_CHANGES].empty = _("No rating changed yet.");
    }
  if (include_private)
    {
      g_autofree char *plain = g_steal_pointer (&self->subtitle);

      /* Translators: the subtitle, when private items are shown too */
      self->subtitle = g_strdup_printf (_("%s · Private items included"), plain);
    }
  {
    g_autofree char *valid = g_utf8_make_valid (self->title, -1);

    g_free (self->title);
    self->title = g_steal_pointer (&valid);
  }

  add_progress (self, profile);
  add_focus (self, profile, review, previous, framework);
  add_topics (self, review, include_private);
  add_actions (self, review, today, include_private);
  add_evidence (self, review);
  add_changes (self, review, framework);
  add_gaps (self, review, framework);

  return self;
}

/**
 * ladder_prepare_ref:
 * @prepare: a #LadderPrepare
 *
 * Returns: (transfer full): @prepare
 */
LadderPrepare *
ladder_prepare_ref (LadderPrepare *prepare)
{
  g_return_val_if_fail (prepare != NULL, NULL);

  g_atomic_ref_count_inc (&prepare->ref_count);
  return prepare;
}

/**
 * ladder_prepare_unref:
 * @prepare: (transfer full): a #LadderPrepare
 *
 * Drops a reference; the last one frees the preparation.
 */
void
ladder_prepare_unref (LadderPrepare *prepare)
{
  g_return_if_fail (prepare != NULL);

  if (!g_atomic_ref_count_dec (&prepare->ref_count))
    return;

  for (guint i = 0; i < LADDER_PREPARE_N_SECTIONS; i++)
    {
      g_ptr_array_unref (prepare->sections[i].items);
      g_ptr_array_unref (prepare->sections[i].details);
    }
  g_free (prepare->title);
  g_free (prepare->subtitle);
  g_free (prepare);
}

/**
 * ladder_prepare_get_title:
 * @prepare: a #LadderPrepare
 *
 * Returns: "Prepare 1:1: NAME"
 */
const char *
ladder_prepare_get_title (LadderPrepare *prepare)
{
  g_return_val_if_fail (prepare != NULL, NULL);

  return prepare->title;
}

/**
 * ladder_prepare_get_subtitle:
 * @prepare: a #LadderPrepare
 *
 * Returns: since when it looks back, and whether private items are in it
 */
const char *
ladder_prepare_get_subtitle (LadderPrepare *prepare)
{
  g_return_val_if_fail (prepare != NULL, NULL);

  return prepare->subtitle;
}

/**
 * ladder_prepare_get_heading:
 * @prepare: a #LadderPrepare
 * @section: a section
 *
 * Returns: the section's heading, translated
 */
const char *
ladder_prepare_get_heading (LadderPrepare        *prepare,
                            LadderPrepareSection  section)
{
  g_return_val_if_fail (prepare != NULL, NULL);
  g_return_val_if_fail (section < LADDER_PREPARE_N_SECTIONS, NULL);

  return prepare->sections[section].heading;
}

/**
 * ladder_prepare_get_items:
 * @prepare: a #LadderPrepare
 * @section: a section
 *
 * Returns: (transfer none) (array zero-terminated=1): the section's lines
 */
const char * const *
ladder_prepare_get_items (LadderPrepare        *prepare,
                          LadderPrepareSection  section)
{
  g_return_val_if_fail (prepare != NULL, NULL);
  g_return_val_if_fail (section < LADDER_PREPARE_N_SECTIONS, NULL);

  return (const char * const *) prepare->sections[section].items->pdata;
}

/**
 * ladder_prepare_get_details:
 * @prepare: a #LadderPrepare
 * @section: a section
 *
 * Returns: (transfer none) (array zero-terminated=1): the detail of each
 *   line of ladder_prepare_get_items(), "" where there is none
 */
const char * const *
ladder_prepare_get_details (LadderPrepare        *prepare,
                            LadderPrepareSection  section)
{
  g_return_val_if_fail (prepare != NULL, NULL);
  g_return_val_if_fail (section < LADDER_PREPARE_N_SECTIONS, NULL);

  return (const char * const *) prepare->sections[section].details->pdata;
}

/**
 * ladder_prepare_get_empty:
 * @prepare: a #LadderPrepare
 * @section: a section
 *
 * Returns: the sentence that stands for the section's lines when it has
 *   none
 */
const char *
ladder_prepare_get_empty (LadderPrepare        *prepare,
                          LadderPrepareSection  section)
{
  g_return_val_if_fail (prepare != NULL, NULL);
  g_return_val_if_fail (section < LADDER_PREPARE_N_SECTIONS, NULL);

  return prepare->sections[section].empty;
}

/**
 * ladder_prepare_to_markdown:
 * @prepare: a #LadderPrepare
 *
 * Writes the preparation as Markdown, to paste into notes or a message:
 * the title as a heading, a heading and a bulleted list per section (an
 * item's detail after a dash), and the sentence of an empty section in
 * italics. Text from the profile has Markdown's marks escaped.
 *
 * Returns: (transfer full): the text, ending in a newline
 */
char *
ladder_prepare_to_markdown (LadderPrepare *prepare)
{
  GString *out;

  g_return_val_if_fail (prepare != NULL, NULL);

  out = g_string_new ("# ");
  _ladder_text_append_markdown (out, prepare->title);
  g_string_append (out, "\n\n_");
  _ladder_text_append_markdown (out, prepare->subtitle);
  g_string_append (out, "_\n");

  for (guint i = 0; i < LADDER_PREPARE_N_SECTIONS; i++)
    {
      const Section *s = &prepare->sections[i];

      g_string_append (out, "\n## ");
      _ladder_text_append_markdown (out, s->heading);
      g_string_append (out, "\n\n");

      if (s->items->len == 1 && s->n_more == 0)
        {
          g_string_append_c (out, '_');
          _ladder_text_append_markdown (out, s->empty);
          g_string_append (out, "_\n");
          continue;
        }

      for (guint j = 0; j + 1 < s->items->len; j++)
        {
          const char *detail = g_ptr_array_index (s->details, j);

          g_string_append (out, "- ");
          _ladder_text_append_markdown (out, g_ptr_array_index (s->items, j));
          if (*detail != '\0')
            {
              g_string_append (out, " — ");
              _ladder_text_append_markdown (out, detail);
            }
          g_string_append_c (out, '\n');
        }

      if (s->n_more > 0)
        {
          g_autofree char *more = ladder_prepare_describe_more (s->n_more);

          g_string_append (out, "- _");
          _ladder_text_append_markdown (out, more);
          g_string_append (out, "_\n");
        }
    }

  return g_string_free_and_steal (out);
}
