/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_CHART_VIEW (ladder_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (LadderChartView, ladder_chart_view, LADDER, CHART_VIEW, GtkWidget)

/* Draws a LadderChart (the radar chart the PDF has) in the widget's own
 * colours, light or dark. */
GtkWidget   *ladder_chart_view_new       (void);
LadderChart *ladder_chart_view_get_chart (LadderChartView *self);
void         ladder_chart_view_set_chart (LadderChartView *self,
                                          LadderChart     *chart);

G_END_DECLS
