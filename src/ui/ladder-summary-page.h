/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_SUMMARY_PAGE (ladder_summary_page_get_type ())
G_DECLARE_FINAL_TYPE (LadderSummaryPage, ladder_summary_page, LADDER, SUMMARY_PAGE, GtkWidget)

/* The Summary tab: the chart, readiness for the next level, and the
 * ways to make the record (Export PDF…, Print…). Follows the profile's
 * changes. */
void ladder_summary_page_set_profile (LadderSummaryPage *self,
                                      LadderProfile     *profile);

G_END_DECLS
