/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LADDER_TYPE_CATEGORY (ladder_category_get_type ())
G_DECLARE_FINAL_TYPE (LadderCategory, ladder_category, LADDER, CATEGORY, GObject)

/* Properties: "id", "name", "emoji", "description" (strings, read-write;
 * emoji and description may be NULL). */
LadderCategory *ladder_category_new             (const char     *id,
                                                 const char     *name,
                                                 const char     *emoji,
                                                 const char     *description);
const char     *ladder_category_get_id          (LadderCategory *self);
const char     *ladder_category_get_name        (LadderCategory *self);
const char     *ladder_category_get_emoji       (LadderCategory *self);
const char     *ladder_category_get_description (LadderCategory *self);
void            ladder_category_set_name        (LadderCategory *self,
                                                 const char     *name);
void            ladder_category_set_emoji       (LadderCategory *self,
                                                 const char     *emoji);
void            ladder_category_set_description (LadderCategory *self,
                                                 const char     *description);

G_END_DECLS
