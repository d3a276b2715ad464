/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LADDER_TYPE_LEVEL (ladder_level_get_type ())
G_DECLARE_FINAL_TYPE (LadderLevel, ladder_level, LADDER, LEVEL, GObject)

/* Properties: "id", "name", "summary" (strings, read-write). */
LadderLevel *ladder_level_new         (const char  *id,
                                       const char  *name,
                                       const char  *summary);
const char  *ladder_level_get_id      (LadderLevel *self);
const char  *ladder_level_get_name    (LadderLevel *self);
const char  *ladder_level_get_summary (LadderLevel *self);
void         ladder_level_set_name    (LadderLevel *self,
                                       const char  *name);
void         ladder_level_set_summary (LadderLevel *self,
                                       const char  *summary);

G_END_DECLS
