/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_FOCUS_GROUP (ladder_focus_group_get_type ())
G_DECLARE_FINAL_TYPE (LadderFocusGroup, ladder_focus_group, LADDER, FOCUS_GROUP, GtkWidget)

void ladder_focus_group_set_profile (LadderFocusGroup *self,
                                     LadderProfile    *profile);
/* In a check-in: the plan is shown and its steps ticked, not edited;
 * the finished ones are those finished by @day (NULL: by today). */
void ladder_focus_group_set_checkin (LadderFocusGroup *self,
                                     gboolean          in_checkin,
                                     const GDate      *day);
/* Opens the row of the first focus shown, for screenshots and tests. */
void ladder_focus_group_expand_first (LadderFocusGroup *self);

G_END_DECLS
