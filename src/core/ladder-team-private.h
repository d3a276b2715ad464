/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ladder-team.h"

G_BEGIN_DECLS

/* What a LadderTeamSummary holds that does not depend on the day, as a
 * GVariant of this type: what the library keeps with a profile's head, so
 * that a card needs nothing of the profile computed again. It starts with
 * the profile's id and its owner (a LadderRater), which say whose card it
 * is and whether it is one of the Team view's. */
#define LADDER_TEAM_BASIS_TYPE "(sumsmssmsimsmsduuuuuuau)"

GVariant *_ladder_team_basis_new          (LadderProfile *profile);
LadderRater _ladder_team_basis_get_owner  (GVariant      *basis);
LadderTeamSummary *_ladder_team_summary_new_from_basis (GVariant    *basis,
                                                        const GDate *today);
void      _ladder_team_basis_attach       (LadderProfile *profile,
                                           GVariant      *basis);
GVariant *_ladder_team_basis_peek         (LadderProfile *profile);

G_END_DECLS
