/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ladder-framework.h"

G_BEGIN_DECLS

#define LADDER_TYPE_PROMOTION (ladder_promotion_get_type ())
G_DECLARE_FINAL_TYPE (LadderPromotion, ladder_promotion, LADDER, PROMOTION, GObject)

/* A change of a profile's current level on a day: a promotion when the
 * new level comes later in the framework, a correction otherwise.
 * Properties: "id" (construct-only), "date" (GDate boxed), "from", "to"
 * (level ids), "modified". */
LadderPromotion *ladder_promotion_new          (const char      *id,
                                                const GDate     *date,
                                                const char      *from,
                                                const char      *to);
const char      *ladder_promotion_get_id       (LadderPromotion *self);
const GDate     *ladder_promotion_get_date     (LadderPromotion *self);
void             ladder_promotion_set_date     (LadderPromotion *self,
                                                const GDate     *date);
const char      *ladder_promotion_get_from     (LadderPromotion *self);
void             ladder_promotion_set_from     (LadderPromotion *self,
                                                const char      *from);
const char      *ladder_promotion_get_to       (LadderPromotion *self);
void             ladder_promotion_set_to       (LadderPromotion *self,
                                                const char      *to);
GDateTime       *ladder_promotion_get_modified (LadderPromotion *self);
void             ladder_promotion_set_modified (LadderPromotion *self,
                                                GDateTime       *modified);
gboolean         ladder_promotion_is_promotion (LadderPromotion *self,
                                                LadderFramework *framework);

G_END_DECLS
