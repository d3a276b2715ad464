/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_BEHAVIOUR_ROW (ladder_behaviour_row_get_type ())
G_DECLARE_FINAL_TYPE (LadderBehaviourRow, ladder_behaviour_row, LADDER, BEHAVIOUR_ROW, GtkWidget)

GtkWidget *ladder_behaviour_row_new (void);
/* Shows @behaviour with its ratings in @profile and follows the profile's
 * changes; NULL, NULL lets go of both. */
void       ladder_behaviour_row_set (LadderBehaviourRow *self,
                                     LadderProfile      *profile,
                                     LadderBehaviour    *behaviour);

/* The behaviour shown, or NULL. */
LadderBehaviour *ladder_behaviour_row_get_behaviour (LadderBehaviourRow *self);
void       ladder_behaviour_row_set_growth (LadderBehaviourRow *self,
                                            const char         *level_name,
                                            LadderBehaviour    *builds_on);

G_END_DECLS
