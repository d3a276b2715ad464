/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_FRAMEWORK_VIEW (ladder_framework_view_get_type ())
G_DECLARE_FINAL_TYPE (LadderFrameworkView, ladder_framework_view, LADDER, FRAMEWORK_VIEW, GtkWidget)

void ladder_framework_view_set_library   (LadderFrameworkView *self,
                                          LadderLibrary       *library);
void ladder_framework_view_set_framework (LadderFrameworkView *self,
                                          LadderFramework     *framework);
/* Shows the behaviours, summary and examples of one cell of the matrix. */
void ladder_framework_view_show_cell     (LadderFrameworkView *self,
                                          const char          *level_id,
                                          const char          *category_id);
void ladder_framework_view_start_search  (LadderFrameworkView *self);

G_END_DECLS
