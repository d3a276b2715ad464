/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_RADAR_HISTORY (ladder_radar_history_get_type ())
G_DECLARE_FINAL_TYPE (LadderRadarHistory, ladder_radar_history, LADDER, RADAR_HISTORY, GtkWidget)

/* A person's radar at a past check-in, chosen from a dropdown of the
 * check-ins (newest first), against their ratings now: the side whose
 * copy the profile is, at the current level. It follows the profile. */
GtkWidget     *ladder_radar_history_new         (void);
void           ladder_radar_history_set_profile (LadderRadarHistory *self,
                                                 LadderProfile      *profile);
/* The check-in shown, or NULL when the profile has none. */
LadderCheckin *ladder_radar_history_get_checkin (LadderRadarHistory *self);
void           ladder_radar_history_set_checkin (LadderRadarHistory *self,
                                                 LadderCheckin      *checkin);
LadderRadar   *ladder_radar_history_get_radar   (LadderRadarHistory *self);

G_END_DECLS
