/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_GAP_ROW (ladder_gap_row_get_type ())
G_DECLARE_FINAL_TYPE (LadderGapRow, ladder_gap_row, LADDER, GAP_ROW, GtkWidget)

GtkWidget *ladder_gap_row_new (void);
/* Shows one behaviour rated differently, its level in @profile's
 * framework and both ratings; NULL, NULL lets go of both. */
void       ladder_gap_row_set (LadderGapRow    *self,
                               LadderProfile   *profile,
                               LadderGap *gap);

G_END_DECLS
