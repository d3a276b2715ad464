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

G_END_DECLS
