/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "ladder-chart.h"
#include "ladder-profile.h"

G_BEGIN_DECLS

/* The behaviours shown per category at each check-in, from their
 * snapshots, by the engineer and by the manager: one series per category
 * of the framework, one point per check-in in date order. Immutable: it may be drawn on any thread while
 * the profile changes. */
typedef struct _LadderHistory LadderHistory;

#define LADDER_TYPE_HISTORY (ladder_history_get_type ())
GType          ladder_history_get_type       (void) G_GNUC_CONST;
LadderHistory *ladder_history_new            (LadderProfile          *profile,
                                              LadderRater             rater);
LadderHistory *ladder_history_ref            (LadderHistory          *history);
void           ladder_history_unref          (LadderHistory          *history);
LadderRater    ladder_history_get_rater      (LadderHistory          *history);
guint          ladder_history_get_n_points   (LadderHistory          *history);
const GDate   *ladder_history_get_date       (LadderHistory          *history,
                                              guint                   point);
guint          ladder_history_get_n_series   (LadderHistory          *history);
const char    *ladder_history_get_label      (LadderHistory          *history,
                                              guint                   series);
guint          ladder_history_get_shown      (LadderHistory          *history,
                                              guint                   series,
                                              guint                   point);
guint          ladder_history_get_shown_by   (LadderHistory          *history,
                                              LadderRater             rater,
                                              guint                   series,
                                              guint                   point);
gboolean       ladder_history_has_ratings    (LadderHistory          *history,
                                              LadderRater             rater);
char          *ladder_history_describe       (LadderHistory          *history);
void           ladder_history_draw           (LadderHistory          *history,
                                              cairo_t                *cr,
                                              double                  width,
                                              double                  height,
                                              const LadderChartStyle *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderHistory, ladder_history_unref)

G_END_DECLS
