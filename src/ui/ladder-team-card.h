/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_TEAM_CARD (ladder_team_card_get_type ())
G_DECLARE_FINAL_TYPE (LadderTeamCard, ladder_team_card, LADDER, TEAM_CARD, GtkWidget)

GtkWidget *ladder_team_card_new         (void);
/* Shows @profile as @summary sums it up (NULL: sums it up itself), and
 * follows the profile's changes; NULL lets go of it. */
void       ladder_team_card_set_profile (LadderTeamCard          *self,
                                         LadderProfile           *profile,
                                         const LadderTeamSummary *summary);
LadderProfile *ladder_team_card_get_profile (LadderTeamCard *self);
/* The lines of the card as a person reads them, one per line: what the
 * grid item's accessible description says, and what tests check. */
char      *ladder_team_card_describe    (LadderTeamCard          *self);

G_END_DECLS
