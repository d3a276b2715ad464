/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_FRAMEWORK_CARD (ladder_framework_card_get_type ())
G_DECLARE_FINAL_TYPE (LadderFrameworkCard, ladder_framework_card, LADDER, FRAMEWORK_CARD, GtkWidget)

GtkWidget *ladder_framework_card_new           (void);
void       ladder_framework_card_set_framework (LadderFrameworkCard *self,
                                                LadderFramework     *framework);

G_END_DECLS
