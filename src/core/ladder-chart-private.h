/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ladder-chart.h"

G_BEGIN_DECLS

/* @text, valid UTF-8, with its emoji asking for their text (monochrome)
 * form: for documents whose text must stay searchable. */
char *_ladder_text_emoji_as_text (const char *text);

/* What the radar chart and the history chart draw with: @colour at
 * @alpha times its own alpha, and a layout of @text in @style's font
 * (times @scale) and context, wrapping between words only. */
void         _ladder_chart_set_source  (cairo_t                 *cr,
                                        const LadderChartColour *colour,
                                        double                   alpha);
PangoLayout *_ladder_chart_make_layout (cairo_t                 *cr,
                                        const LadderChartStyle  *style,
                                        const char              *text,
                                        double                   scale);

/* The radar charts' geometry: where a label @width × @height goes
 * beside the end of the spoke at @angle, and a polygon of @n values
 * (0 to 1) on spokes that start straight up and turn clockwise. */
void         _ladder_chart_place_label   (double        width,
                                          double        height,
                                          double        angle,
                                          double        cx,
                                          double        cy,
                                          double        radius,
                                          double       *x,
                                          double       *y);
void         _ladder_chart_trace_polygon (cairo_t      *cr,
                                          const double *values,
                                          guint         n,
                                          double        cx,
                                          double        cy,
                                          double        radius);

/* The one rule of both radars, the Summary page's and the PDF's: the
 * share of @framework's behaviours at @level in @category that @rater
 * sees shown, as @get reads the ratings of @source: Consistently counts
 * one, Sometimes half, Not Applicable leaves the count. NAN when nothing
 * counts. */
typedef LadderRatingValue (*LadderChartGetRating) (gpointer     source,
                                                   const char  *behaviour_id,
                                                   LadderRater  rater);

double       _ladder_chart_share         (LadderFramework      *framework,
                                          const char           *level,
                                          const char           *category,
                                          LadderChartGetRating  get,
                                          gpointer              source,
                                          LadderRater           rater);

G_END_DECLS
