/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_CATEGORY_CARD (ladder_category_card_get_type ())
G_DECLARE_FINAL_TYPE (LadderCategoryCard, ladder_category_card, LADDER, CATEGORY_CARD, GtkWidget)

GtkWidget *ladder_category_card_new (void);
/* Shows @category's progress in @profile and follows the profile's
 * changes; NULL, NULL lets go of both. */
void       ladder_category_card_set (LadderCategoryCard *self,
                                     LadderProfile      *profile,
                                     LadderCategory     *category);

G_END_DECLS
