/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "ladder-profile.h"

G_BEGIN_DECLS

/**
 * LadderChartColour:
 * @red: from 0 to 1
 * @green: from 0 to 1
 * @blue: from 0 to 1
 * @alpha: from 0 (transparent) to 1
 *
 * A colour of the chart, laid out like #GdkRGBA but in doubles.
 */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} LadderChartColour;

/**
 * LadderChartStyle:
 * @foreground: the labels
 * @grid: the rings and spokes
 * @self: the self rating's outline, fill and legend
 * @manager: the manager rating's outline and legend
 * @context: (nullable): the #PangoContext to lay the labels out with
 *   (a widget's, or a document's); %NULL makes one for the cairo context
 * @font: (nullable): the labels' font; %NULL for Cantarell at 9 points
 * @show_legend: whether to draw the legend under the chart
 * @text_emoji: draw emoji in their text (monochrome) form, which a PDF
 *   keeps searchable; colour emoji are drawn as pictures
 *
 * How ladder_chart_draw() draws. ladder_chart_style_init() fills in the
 * colours for paper: dark labels, a light grid, blue for self and orange
 * for manager. A widget sets @foreground and @grid from its own colour.
 */
typedef struct
{
  LadderChartColour           foreground;
  LadderChartColour           grid;
  LadderChartColour           self;
  LadderChartColour           manager;
  PangoContext               *context;
  const PangoFontDescription *font;
  gboolean                    show_legend;
  gboolean                    text_emoji;
} LadderChartStyle;

void               ladder_chart_style_init  (LadderChartStyle *style);

/* A snapshot of a profile's progress by category at one level, to draw
 * as a radar ("snowflake") chart. Immutable: it may be drawn on any
 * thread while the profile changes. */
typedef struct _LadderChart LadderChart;

#define LADDER_TYPE_CHART (ladder_chart_get_type ())
GType              ladder_chart_get_type    (void) G_GNUC_CONST;
LadderChart       *ladder_chart_new         (LadderProfile          *profile,
                                             const char             *level);
LadderChart       *ladder_chart_ref         (LadderChart            *chart);
void               ladder_chart_unref       (LadderChart            *chart);
const char        *ladder_chart_get_level   (LadderChart            *chart);
guint              ladder_chart_get_n_axes  (LadderChart            *chart);
const char        *ladder_chart_get_label   (LadderChart            *chart,
                                             guint                   axis);
void               ladder_chart_get_counts  (LadderChart            *chart,
                                             guint                   axis,
                                             LadderRater             rater,
                                             guint                  *shown,
                                             guint                  *total);
double             ladder_chart_get_share   (LadderChart            *chart,
                                             guint                   axis,
                                             LadderRater             rater);
void               ladder_chart_draw        (LadderChart            *chart,
                                             cairo_t                *cr,
                                             double                  width,
                                             double                  height,
                                             const LadderChartStyle *style);
void               ladder_chart_draw_profile (cairo_t               *cr,
                                              LadderProfile         *profile,
                                              const char            *level,
                                              double                 width,
                                              double                 height,
                                              const LadderChartStyle *style);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderChart, ladder_chart_unref)

G_END_DECLS
