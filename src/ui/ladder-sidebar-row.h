/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LADDER_TYPE_SIDEBAR_ROW (ladder_sidebar_row_get_type ())
G_DECLARE_FINAL_TYPE (LadderSidebarRow, ladder_sidebar_row, LADDER, SIDEBAR_ROW, GtkWidget)

GtkWidget *ladder_sidebar_row_new      (void);
/* Shows a LadderProfile, a LadderFramework or a LadderLoadError; NULL
 * lets go of the item. */
void       ladder_sidebar_row_set_item (LadderSidebarRow *self,
                                        GObject          *item);

G_END_DECLS
