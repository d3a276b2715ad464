/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "ladder-chart.h"
#include "ladder-checkin.h"
#include "ladder-profile.h"

G_BEGIN_DECLS

/**
 * LadderRadarLevel:
 * @LADDER_RADAR_LEVEL_CURRENT: each profile's current level
 * @LADDER_RADAR_LEVEL_TARGET: each profile's target level (its current
 *   one when it has no target)
 *
 * Which level's behaviours a series of a #LadderRadar counts.
 */
typedef enum
{
  LADDER_RADAR_LEVEL_CURRENT,
  LADDER_RADAR_LEVEL_TARGET,
} LadderRadarLevel;

/* How many series a radar holds: two outlines stay apart, three do not. */
#define LADDER_RADAR_MAX_SERIES 2

/* A radar chart of up to two series over the categories of a framework:
 * a person now, a person at a past check-in, or the team's median. Made,
 * then filled with its series on one thread; after that it is only read
 * and may be drawn on any thread. */
typedef struct _LadderRadar LadderRadar;

#define LADDER_TYPE_RADAR (ladder_radar_get_type ())
GType        ladder_radar_get_type        (void) G_GNUC_CONST;
LadderRadar *ladder_radar_new             (LadderFramework        *framework);
LadderRadar *ladder_radar_ref             (LadderRadar            *radar);
void         ladder_radar_unref           (LadderRadar            *radar);
guint        ladder_radar_get_n_axes      (LadderRadar            *radar);
const char  *ladder_radar_get_label       (LadderRadar            *radar,
                                           guint                   axis);
const char  *ladder_radar_get_category    (LadderRadar            *radar,
                                           guint                   axis);
guint        ladder_radar_get_n_series    (LadderRadar            *radar);
const char  *ladder_radar_get_series_name (LadderRadar            *radar,
                                           guint                   series);
void         ladder_radar_set_series_name (LadderRadar            *radar,
                                           guint                   series,
                                           const char             *name);
double       ladder_radar_get_value       (LadderRadar            *radar,
                                           guint                   series,
                                           guint                   axis);
gboolean     ladder_radar_add_profile     (LadderRadar            *radar,
                                           const char             *name,
                                           LadderProfile          *profile,
                                           LadderRadarLevel        level,
                                           LadderRater             rater);
gboolean     ladder_radar_add_profile_at_level (LadderRadar       *radar,
                                                const char        *name,
                                                LadderProfile     *profile,
                                                const char        *level,
                                                LadderRater        rater);
LadderRadar *ladder_radar_new_self_and_manager (LadderProfile *profile,
                                                const char    *level);
gboolean     ladder_radar_add_checkin     (LadderRadar            *radar,
                                           const char             *name,
                                           LadderProfile          *profile,
                                           LadderCheckin          *checkin,
                                           LadderRadarLevel        level,
                                           LadderRater             rater);
guint        ladder_radar_add_median      (LadderRadar            *radar,
                                           const char             *name,
                                           GListModel             *profiles,
                                           LadderRadarLevel        level,
                                           LadderRater             rater);
char        *ladder_radar_describe        (LadderRadar            *radar);
void         ladder_radar_draw            (LadderRadar            *radar,
                                           cairo_t                *cr,
                                           double                  width,
                                           double                  height,
                                           const LadderChartStyle *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderRadar, ladder_radar_unref)

G_END_DECLS
