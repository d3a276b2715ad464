/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_RADAR_DIALOG (ladder_radar_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LadderRadarDialog, ladder_radar_dialog, LADDER, RADAR_DIALOG, AdwDialog)

/* Compare, from the Team view: one person of @people on a radar against
 * the median of everyone of @people on the same framework, or against
 * another of them. */
AdwDialog     *ladder_radar_dialog_new        (GListModel        *people,
                                               LadderProfile     *person);
LadderProfile *ladder_radar_dialog_get_person (LadderRadarDialog *self);
/* Another person on the same framework, or NULL for the team median. */
void           ladder_radar_dialog_set_other  (LadderRadarDialog *self,
                                               LadderProfile     *other);
LadderRadar   *ladder_radar_dialog_get_radar  (LadderRadarDialog *self);

G_END_DECLS
