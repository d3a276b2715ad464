/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_RADAR_VIEW (ladder_radar_view_get_type ())
G_DECLARE_FINAL_TYPE (LadderRadarView, ladder_radar_view, LADDER, RADAR_VIEW, GtkWidget)

/* Draws a LadderRadar in the widget's colours, light or dark, and gives
 * its values in words as the accessible description.
 *
 * Properties: "radar" (LadderRadar, nullable). */
GtkWidget   *ladder_radar_view_new       (void);
LadderRadar *ladder_radar_view_get_radar (LadderRadarView *self);
void         ladder_radar_view_set_radar (LadderRadarView *self,
                                          LadderRadar     *radar);

G_END_DECLS
