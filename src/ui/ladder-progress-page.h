/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"
#include "ladder-focus-group.h"

G_BEGIN_DECLS

#define LADDER_TYPE_PROGRESS_PAGE (ladder_progress_page_get_type ())
G_DECLARE_FINAL_TYPE (LadderProgressPage, ladder_progress_page, LADDER, PROGRESS_PAGE, GtkWidget)

void ladder_progress_page_set_profile (LadderProgressPage *self,
                                       LadderProfile      *profile);
/* Compare mode: where the self and manager ratings differ, instead of the
 * category cards. Property "compare". */
gboolean ladder_progress_page_get_compare (LadderProgressPage *self);
void     ladder_progress_page_set_compare (LadderProgressPage *self,
                                           gboolean            compare);
/* New mode: what is new at the target level. */
void     ladder_progress_page_show_new    (LadderProgressPage *self);
/* The focus plan above the categories. */
LadderFocusGroup *ladder_progress_page_get_focus_group (LadderProgressPage *self);

G_END_DECLS
