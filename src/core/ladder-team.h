/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ladder-profile.h"

G_BEGIN_DECLS

/**
 * LadderTeamOrder:
 * @LADDER_TEAM_ORDER_ATTENTION: who needs attention first (see
 *   ladder_team_summary_compare())
 * @LADDER_TEAM_ORDER_NAME: by name
 * @LADDER_TEAM_ORDER_LEVEL: by level, the highest first
 *
 * The orders of a manager's team.
 */
typedef enum
{
  LADDER_TEAM_ORDER_ATTENTION,
  LADDER_TEAM_ORDER_NAME,
  LADDER_TEAM_ORDER_LEVEL,
} LadderTeamOrder;

/**
 * LadderTeamSummary:
 * @id: the profile's id
 * @name: (nullable): the person's name
 * @role: (nullable): their role
 * @framework_id: the id of the profile's framework
 * @level_name: (nullable): the name of their current level
 * @level_index: its position in the framework, or -1 when none is set
 * @sublevel: (nullable): the sub-level within it, from the owner's
 *   ratings, when the framework has sub-levels
 * @target_level_name: (nullable): the level the person works toward:
 *   the target level, else the one after the current
 * @progress: the profile's progress, ladder_profile_get_progress() by the
 *   owner's ratings: the share of the current level's behaviours shown,
 *   0.0 to 1.0; -1.0 when no current level is set
 * @cadence: the profile's 1:1 cadence
 * @days_since_checkin: days from the last check-in to today, or -1 when
 *   there was none
 * @checkin_overdue: whether a 1:1 is due by the cadence: more days since
 *   the last than the cadence's, or none yet; never without a cadence
 * @days_overdue: how many days past the cadence (0 when none was held)
 * @n_open_actions: actions of every check-in not yet done
 * @n_overdue_actions: those of them whose due date has passed
 * @n_gaps: behaviours both sides rated, differently
 * @n_new_evidence: evidence entries dated after the last check-in (all
 *   of them when there was none)
 *
 * One person of a manager's team as the Team view shows them: figures
 * computed at once, that do not follow later changes of the profile.
 */
typedef struct
{
  char          *id;
  char          *name;
  char          *role;
  char          *framework_id;
  char          *level_name;
  int            level_index;
  char          *sublevel;
  char          *target_level_name;
  double         progress;
  LadderCadence  cadence;
  int            days_since_checkin;
  gboolean       checkin_overdue;
  guint          days_overdue;
  guint          n_open_actions;
  guint          n_overdue_actions;
  guint          n_gaps;
  guint          n_self_rated;
  guint          n_manager_rated;
  guint          n_new_evidence;
} LadderTeamSummary;

#define LADDER_TYPE_TEAM_SUMMARY (ladder_team_summary_get_type ())

GType              ladder_team_summary_get_type (void) G_GNUC_CONST;
LadderTeamSummary *ladder_team_summary_new      (LadderProfile           *profile,
                                                 const GDate             *today);
LadderTeamSummary *ladder_team_summary_copy     (const LadderTeamSummary *summary);
void               ladder_team_summary_free     (LadderTeamSummary       *summary);
int                ladder_team_summary_compare  (const LadderTeamSummary *a,
                                                 const LadderTeamSummary *b,
                                                 LadderTeamOrder          order);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderTeamSummary, ladder_team_summary_free)

G_END_DECLS
