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

G_DEFINE_BOXED_TYPE (LadderTeamSummary, ladder_team_summary,
                     ladder_team_summary_copy, ladder_team_summary_free)

static void
count_actions (LadderProfile     *profile,
               const GDate       *today,
               LadderTeamSummary *summary)
{
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

          if (ladder_action_get_done (action))
            continue;

          summary->n_open_actions++;
          if (due != NULL && g_date_valid (due) && g_date_compare (due, today) < 0)
            summary->n_overdue_actions++;
        }
    }
}

/* Evidence by the day of each entry, which a profile shown from its
 * library's head has before its entries are read. */
static guint
count_evidence_after (LadderProfile *profile,
                      const GDate   *since)
{
  g_autoptr(GArray) days = _ladder_profile_dup_evidence_days (profile);
  guint32 since_day = since != NULL && g_date_valid (since) ? g_date_get_julian (since) : 0;
  guint n = 0;

  for (guint i = 0; i < days->len; i++)
    if (since_day == 0 || g_array_index (days, guint32, i) > since_day)
      n++;

  return n;
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
 *
 * Returns: (transfer full): a new #LadderTeamSummary
 */
LadderTeamSummary *
ladder_team_summary_new (LadderProfile *profile,
                         const GDate   *today)
{
  LadderTeamSummary *summary;
  LadderFramework *framework;
  LadderRater rater;
  LadderLevel *level;
  LadderLevel *target = NULL;
  LadderCheckin *last;
  const char *current_id;
  const GDate *last_date = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  guint cadence_days;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  framework = ladder_profile_get_framework (profile);
  rater = ladder_profile_get_owner (profile);
  current_id = ladder_profile_get_current_level (profile);

  summary = g_new0 (LadderTeamSummary, 1);
  summary->name = g_strdup (ladder_profile_get_name (profile));
  summary->role = g_strdup (ladder_profile_get_role (profile));
  summary->framework_id = g_strdup (ladder_framework_get_id (framework));

  level = current_id != NULL ? ladder_framework_find_level (framework, current_id) : NULL;
  summary->level_index = level != NULL ? ladder_framework_get_level_index (framework, current_id) : -1;
  if (level != NULL)
    {
      summary->level_name = g_strdup (ladder_level_get_name (level));
      summary->sublevel = g_strdup (ladder_profile_get_sublevel (profile, current_id, rater));
    }

  if (ladder_profile_get_target_level (profile) != NULL)
    target = ladder_framework_find_level (framework, ladder_profile_get_target_level (profile));
  if (target == NULL && level != NULL)
    target = ladder_framework_get_next_level (framework, current_id);
  summary->progress = -1.0;
  if (target != NULL)
    {
      summary->target_level_name = g_strdup (ladder_level_get_name (target));
      summary->progress = ladder_profile_get_level_share (profile, ladder_level_get_id (target), rater);
    }

  summary->cadence = ladder_profile_get_cadence (profile);
  cadence_days = ladder_cadence_get_days (summary->cadence);
  last = ladder_profile_get_last_checkin (profile);
  if (last != NULL)
    last_date = ladder_checkin_get_date (last);
  if (last_date != NULL && g_date_valid (last_date))
    {
      int days = g_date_days_between (last_date, today);

      summary->days_since_checkin = MAX (days, 0);
      if (cadence_days > 0 && (guint) summary->days_since_checkin > cadence_days)
        {
          summary->checkin_overdue = TRUE;
          summary->days_overdue = summary->days_since_checkin - cadence_days;
        }
    }
  else
    {
      last_date = NULL;
      summary->days_since_checkin = -1;
      summary->checkin_overdue = cadence_days > 0;
    }

  count_actions (profile, today, summary);

  gaps = ladder_profile_list_rating_gaps (profile);
  summary->n_gaps = gaps->len;
  /* No gap where a side has rated nothing says nothing: the card says so. */
  summary->n_self_rated = ladder_profile_count_rated (profile, LADDER_RATER_SELF);
  summary->n_manager_rated = ladder_profile_count_rated (profile, LADDER_RATER_MANAGER);

  summary->n_new_evidence = count_evidence_after (profile, last_date);

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

/* < 0 when @a needs attention before @b: first a 1:1 overdue by the
 * cadence (never held first, then the most days late), then the most
 * overdue actions, the most behaviours the two sides see differently,
 * the most open actions, and the longest since the last check-in. */
static int
compare_attention (const LadderTeamSummary *a,
                   const LadderTeamSummary *b)
{
  gboolean a_never = a->checkin_overdue && a->days_since_checkin < 0;
  gboolean b_never = b->checkin_overdue && b->days_since_checkin < 0;

  if (a->checkin_overdue != b->checkin_overdue)
    return a->checkin_overdue ? -1 : 1;
  if (a_never != b_never)
    return a_never ? -1 : 1;
  if (a->days_overdue != b->days_overdue)
    return a->days_overdue > b->days_overdue ? -1 : 1;
  if (a->n_overdue_actions != b->n_overdue_actions)
    return a->n_overdue_actions > b->n_overdue_actions ? -1 : 1;
  if (a->n_gaps != b->n_gaps)
    return a->n_gaps > b->n_gaps ? -1 : 1;
  if (a->n_open_actions != b->n_open_actions)
    return a->n_open_actions > b->n_open_actions ? -1 : 1;
  if (a->days_since_checkin != b->days_since_checkin)
    return a->days_since_checkin > b->days_since_checkin ? -1 : 1;

  return 0;
}

/**
 * ladder_team_summary_compare:
 * @a: a #LadderTeamSummary
 * @b: another
 * @order: which order
 *
 * Compares two people of a team. %LADDER_TEAM_ORDER_ATTENTION puts first a
 * 1:1 overdue by the cadence (one never held, then the most days late),
 * then the most overdue actions, the most behaviours self and manager
 * rate differently, the most open actions, and the longest since the last
 * check-in. %LADDER_TEAM_ORDER_LEVEL puts the highest level first, and a
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
