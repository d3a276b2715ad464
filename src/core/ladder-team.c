/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A manager's team at a glance: one summary per person, and the orders
 * the Team view sorts them in. */

#include "config.h"

#include <string.h>

#include "ladder-action.h"
#include "ladder-checkin.h"
#include "ladder-gap.h"
#include "ladder-level.h"
#include "ladder-profile-private.h"
#include "ladder-progress.h"
#include "ladder-review.h"
#include "ladder-team.h"
#include "ladder-team-private.h"

/* LADDER_TEAM_BASIS_TYPE, with the days of the open actions as a
 * variant of their own. */
#define BASIS_FORMAT "(sumsmssmsimsmsduuuuuu@au)"

G_DEFINE_BOXED_TYPE (LadderTeamSummary, ladder_team_summary,
                     ladder_team_summary_copy, ladder_team_summary_free)

/* The due day of each action not yet done, of every check-in (0 for one
 * without a due day): which are overdue depends on the day asked. */
static GVariant *
open_actions_due (LadderProfile *profile)
{
  g_autoptr(GArray) due_days = g_array_new (FALSE, FALSE, sizeof (guint32));
  GListModel *checkins = ladder_profile_get_checkins (profile);
  guint n_checkins = g_list_model_get_n_items (checkins);

  for (guint i = 0; i < n_checkins; i++)
    {
      g_autoptr(LadderCheckin) checkin = g_list_model_get_item (checkins, i);
      GListModel *actions = ladder_checkin_get_actions (checkin);
      guint n_actions = g_list_model_get_n_items (actions);

      for (guint j = 0; j < n_actions; j++)
        {
          g_autoptr(LadderAction) action = g_list_model_get_item (actions, j);
          const GDate *due = ladder_action_get_due (action);
          guint32 day = 0;

          if (ladder_action_get_done (action))
            continue;

          if (due != NULL && g_date_valid (due))
            day = g_date_get_julian (due);
          g_array_append_val (due_days, day);
        }
    }

  return g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, due_days->data, due_days->len,
                                    sizeof (guint32));
}

/* Evidence by the day of each entry, which a profile shown from its
 * library's head has before its entries are read. */
static guint
count_evidence_after (LadderProfile *profile,
                      guint32        since_day)
{
  g_autoptr(GArray) days = _ladder_profile_dup_evidence_days (profile);
  guint n = 0;

  for (guint i = 0; i < days->len; i++)
    if (since_day == 0 || g_array_index (days, guint32, i) > since_day)
      n++;

  return n;
}

/* Any thread, on a profile no other thread uses. What the summary of
 * @profile holds that does not depend on the day (see
 * %LADDER_TEAM_BASIS_TYPE): the library computes it when it keeps the
 * head of a profile, and keeps it beside. */
GVariant *
_ladder_team_basis_new (LadderProfile *profile)
{
  LadderFramework *framework;
  LadderRater rater;
  LadderLevel *level;
  LadderLevel *target = NULL;
  LadderCheckin *last;
  const char *current_id;
  const GDate *last_date = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  g_autofree char *sublevel = NULL;
  guint32 last_day = 0;
  double progress = -1.0;
  int level_index;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  framework = ladder_profile_get_framework (profile);
  rater = ladder_profile_get_owner (profile);
  current_id = ladder_profile_get_current_level (profile);

  level = current_id != NULL ? ladder_framework_find_level (framework, current_id) : NULL;
  level_index = level != NULL ? ladder_framework_get_level_index (framework, current_id) : -1;
  if (level != NULL)
    sublevel = g_strdup (ladder_profile_get_sublevel (profile, current_id, rater));

  if (ladder_profile_get_target_level (profile) != NULL)
    target = ladder_framework_find_level (framework, ladder_profile_get_target_level (profile));
  if (target == NULL && level != NULL)
    target = ladder_framework_get_next_level (framework, current_id);
  /* The figure the profile's Progress page shows, never one of the
   * card's own: the target level only names where it leads. */
  progress = ladder_profile_get_progress (profile, rater, NULL, NULL);

  last = ladder_profile_get_last_checkin (profile);
  if (last != NULL)
    last_date = ladder_checkin_get_date (last);
  if (last_date != NULL && g_date_valid (last_date))
    last_day = g_date_get_julian (last_date);

  gaps = ladder_profile_list_rating_gaps (profile);

  /* No gap where a side has rated nothing says nothing: the card says
   * so, from the counts of each side's ratings. */
  return g_variant_ref_sink (g_variant_new (BASIS_FORMAT,
                                            ladder_profile_get_id (profile),
                                            (guint32) rater,
                                            ladder_profile_get_name (profile),
                                            ladder_profile_get_role (profile),
                                            ladder_framework_get_id (framework),
                                            level != NULL ? ladder_level_get_name (level) : NULL,
                                            level_index,
                                            sublevel,
                                            target != NULL ? ladder_level_get_name (target) : NULL,
                                            progress,
                                            (guint32) ladder_profile_get_cadence (profile),
                                            last_day,
                                            gaps->len,
                                            ladder_profile_count_rated (profile, LADDER_RATER_SELF),
                                            ladder_profile_count_rated (profile, LADDER_RATER_MANAGER),
                                            count_evidence_after (profile, last_day),
                                            open_actions_due (profile)));
}

typedef struct
{
  GVariant *basis;
  guint64   n_changes;   /* the profile's, when @basis was made of it */
} AttachedBasis;

static void
attached_basis_free (AttachedBasis *attached)
{
  g_variant_unref (attached->basis);
  g_free (attached);
}

static GQuark
attached_basis_quark (void)
{
  return g_quark_from_static_string ("ladder-team-basis");
}

/* Keeps @basis, made of @profile as it is now, with @profile until its
 * next change. */
void
_ladder_team_basis_attach (LadderProfile *profile,
                           GVariant      *basis)
{
  AttachedBasis *attached;

  g_return_if_fail (LADDER_IS_PROFILE (profile));
  g_return_if_fail (basis == NULL ||
                    g_variant_is_of_type (basis, G_VARIANT_TYPE (LADDER_TEAM_BASIS_TYPE)));

  if (basis == NULL)
    {
      g_object_set_qdata (G_OBJECT (profile), attached_basis_quark (), NULL);
      return;
    }

  attached = g_new0 (AttachedBasis, 1);
  attached->basis = g_variant_ref_sink (basis);
  attached->n_changes = _ladder_profile_get_n_changes (profile);
  g_object_set_qdata_full (G_OBJECT (profile), attached_basis_quark (), attached,
                           (GDestroyNotify) attached_basis_free);
}

/* The basis kept with @profile, if it has not changed since; or NULL. */
GVariant *
_ladder_team_basis_peek (LadderProfile *profile)
{
  AttachedBasis *attached = g_object_get_qdata (G_OBJECT (profile), attached_basis_quark ());

  if (attached == NULL || attached->n_changes != _ladder_profile_get_n_changes (profile))
    return NULL;

  return attached->basis;
}

/**
 * ladder_team_summary_new:
 * @profile: a #LadderProfile, one person of a manager's team
 * @today: the day to count from
 *
 * Sums up @profile as the Team view's card shows it. The ratings are the
 * owner's side (the manager's, in a manager's copy). What it counts of
 * the evidence is by date only, which a profile the library shows from
 * its head before reading its evidence already has: no entry is read.
 * A profile listed from its head, unchanged since, is summed up from what
 * the library kept with the head: nothing of it is computed again.
 *
 * Returns: (transfer full): a new #LadderTeamSummary
 */
LadderTeamSummary *
ladder_team_summary_new (LadderProfile *profile,
                         const GDate   *today)
{
  g_autoptr(GVariant) basis = NULL;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  basis = _ladder_team_basis_peek (profile);
  if (basis != NULL)
    g_variant_ref (basis);
  else
    {
      basis = _ladder_team_basis_new (profile);
      _ladder_team_basis_attach (profile, basis);
    }

  return _ladder_team_summary_new_from_basis (basis, today);
}

/* Whose copy the profile of @basis is. */
LadderRater
_ladder_team_basis_get_owner (GVariant *basis)
{
  guint32 owner;

  g_variant_get_child (basis, 1, "u", &owner);

  return (LadderRater) owner;
}

/* Any thread. The summary that @basis (of %LADDER_TEAM_BASIS_TYPE) makes
 * on @today: what a card shows of a profile that need not be read (see
 * ladder_library_peek_team()). */
LadderTeamSummary *
_ladder_team_summary_new_from_basis (GVariant    *basis,
                                     const GDate *today)
{
  LadderTeamSummary *summary;
  g_autoptr(GVariant) due_days = NULL;
  const guint32 *due;
  gsize n_due;
  guint32 owner;
  guint32 cadence;
  guint32 last_day;
  guint32 today_day;
  guint cadence_days;

  g_return_val_if_fail (g_variant_is_of_type (basis, G_VARIANT_TYPE (LADDER_TEAM_BASIS_TYPE)), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  summary = g_new0 (LadderTeamSummary, 1);
  g_variant_get (basis, BASIS_FORMAT,
                 &summary->id, &owner, &summary->name, &summary->role, &summary->framework_id,
                 &summary->level_name, &summary->level_index, &summary->sublevel,
                 &summary->target_level_name, &summary->progress, &cadence, &last_day,
                 &summary->n_gaps, &summary->n_self_rated, &summary->n_manager_rated,
                 &summary->n_new_evidence, &due_days);

  summary->cadence = (LadderCadence) cadence;
  cadence_days = ladder_cadence_get_days (summary->cadence);
  today_day = g_date_get_julian (today);
  if (last_day != 0)
    {
      summary->days_since_checkin = last_day < today_day ? (int) (today_day - last_day) : 0;
      if (cadence_days > 0 && (guint) summary->days_since_checkin > cadence_days)
        {
          summary->checkin_overdue = TRUE;
          summary->days_overdue = summary->days_since_checkin - cadence_days;
        }
    }
  else
    {
      summary->days_since_checkin = -1;
      summary->checkin_overdue = cadence_days > 0;
    }

  due = g_variant_get_fixed_array (due_days, &n_due, sizeof (guint32));
  summary->n_open_actions = n_due;
  for (gsize i = 0; i < n_due; i++)
    if (due[i] != 0 && due[i] < today_day)
      summary->n_overdue_actions++;

  return summary;
}

/**
 * ladder_team_summary_copy:
 * @summary: a #LadderTeamSummary
 *
 * Returns: (transfer full): a copy of @summary
 */
LadderTeamSummary *
ladder_team_summary_copy (const LadderTeamSummary *summary)
{
  LadderTeamSummary *copy;

  g_return_val_if_fail (summary != NULL, NULL);

  copy = g_memdup2 (summary, sizeof *summary);
  copy->id = g_strdup (summary->id);
  copy->name = g_strdup (summary->name);
  copy->role = g_strdup (summary->role);
  copy->framework_id = g_strdup (summary->framework_id);
  copy->level_name = g_strdup (summary->level_name);
  copy->sublevel = g_strdup (summary->sublevel);
  copy->target_level_name = g_strdup (summary->target_level_name);

  return copy;
}

/**
 * ladder_team_summary_free:
 * @summary: (nullable): a #LadderTeamSummary
 *
 * Frees @summary.
 */
void
ladder_team_summary_free (LadderTeamSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->id);
  g_free (summary->name);
  g_free (summary->role);
  g_free (summary->framework_id);
  g_free (summary->level_name);
  g_free (summary->sublevel);
  g_free (summary->target_level_name);
  g_free (summary);
}

static int
compare_names (const LadderTeamSummary *a,
               const LadderTeamSummary *b)
{
  g_autofree char *ka = NULL;
  g_autofree char *kb = NULL;

  /* A person with no name yet goes last. */
  if (a->name == NULL || b->name == NULL)
    return (a->name == NULL) - (b->name == NULL);

  ka = g_utf8_collate_key (a->name, -1);
  kb = g_utf8_collate_key (b->name, -1);

  return strcmp (ka, kb);
}

/* Whether the person's next 1:1 is what needs attention first: one was
 * never held (whatever the cadence: a person never met is the first to
 * meet), or the cadence's days have passed since the last. */
static gboolean
checkin_wanted (const LadderTeamSummary *summary)
{
  return summary->days_since_checkin < 0 || summary->checkin_overdue;
}

/* < 0 when @a needs attention before @b: first a 1:1 wanted (never held
 * or overdue by the cadence), by how far past due (a person never met is
 * due one cadence after they were added, so that one added a minute ago
 * is not above one months late: days_overdue counts from there), then
 * the most overdue actions, one never met before one met, the longest
 * since the last check-in, the most behaviours the two sides see
 * differently, and the most open actions. */
static int
compare_attention (const LadderTeamSummary *a,
                   const LadderTeamSummary *b)
{
  gboolean a_never = a->days_since_checkin < 0;
  gboolean b_never = b->days_since_checkin < 0;

  if (checkin_wanted (a) != checkin_wanted (b))
    return checkin_wanted (a) ? -1 : 1;
  if (a->days_overdue != b->days_overdue)
    return a->days_overdue > b->days_overdue ? -1 : 1;
  if (a->n_overdue_actions != b->n_overdue_actions)
    return a->n_overdue_actions > b->n_overdue_actions ? -1 : 1;
  if (a_never != b_never)
    return a_never ? -1 : 1;
  if (a->days_since_checkin != b->days_since_checkin)
    return a->days_since_checkin > b->days_since_checkin ? -1 : 1;
  if (a->n_gaps != b->n_gaps)
    return a->n_gaps > b->n_gaps ? -1 : 1;
  if (a->n_open_actions != b->n_open_actions)
    return a->n_open_actions > b->n_open_actions ? -1 : 1;

  return 0;
}

/**
 * ladder_team_summary_compare:
 * @a: a #LadderTeamSummary
 * @b: another
 * @order: which order
 *
 * Compares two people of a team. %LADDER_TEAM_ORDER_ATTENTION puts first a
 * 1:1 never held, whatever the cadence, or overdue by the cadence, the
 * most days past due first (@days_overdue), then the most overdue
 * actions, one never met before one met, the longest since the last
 * check-in, the most behaviours self and manager rate differently, and
 * the most open actions. %LADDER_TEAM_ORDER_LEVEL puts the highest level first, and a
 * person without one last. Ties go by name, in the locale's order.
 *
 * Returns: < 0 when @a comes first, > 0 when @b does, 0 when neither
 */
int
ladder_team_summary_compare (const LadderTeamSummary *a,
                             const LadderTeamSummary *b,
                             LadderTeamOrder          order)
{
  int c = 0;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  switch (order)
    {
    case LADDER_TEAM_ORDER_ATTENTION:
      c = compare_attention (a, b);
      break;
    case LADDER_TEAM_ORDER_LEVEL:
      if (a->level_index != b->level_index)
        c = a->level_index > b->level_index ? -1 : 1;
      else
        c = g_strcmp0 (b->sublevel, a->sublevel);
      break;
    case LADDER_TEAM_ORDER_NAME:
    default:
      break;
    }

  return c != 0 ? c : compare_names (a, b);
}
