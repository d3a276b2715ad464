/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ladder-history.h"

G_BEGIN_DECLS

/* One value of a single check-in as ladder_history_draw() places it: its
 * marker's centre and half its size, and the box of the number written
 * above it, all in the drawing's coordinates. */
typedef struct
{
  guint       series;
  LadderRater rater;
  guint       value;
  double      x;
  double      y;
  double      radius;
  double      label_x;
  double      label_y;
  double      label_width;
  double      label_height;
} LadderHistoryMark;

/* The marks of a history of one check-in drawn at @width × @height with
 * @style (%NULL for the default), series by series, the engineer's before
 * the manager's; an empty array for any other history, or when the area
 * is too small to draw in. @centre: (out) (optional): the middle of the
 * plot, which the marks are centred on. */
GArray *_ladder_history_layout_single (LadderHistory          *history,
                                       cairo_t                *cr,
                                       double                  width,
                                       double                  height,
                                       const LadderChartStyle *style,
                                       double                 *centre);

G_END_DECLS
