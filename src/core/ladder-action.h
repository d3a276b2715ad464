/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ladder-enums.h"

G_BEGIN_DECLS

#define LADDER_TYPE_ACTION (ladder_action_get_type ())
G_DECLARE_FINAL_TYPE (LadderAction, ladder_action, LADDER, ACTION, GObject)

/* An action agreed in a check-in.
 * Properties: "id" (construct-only), "text", "owner" (LadderRater), "due"
 * (GDate boxed, may be NULL), "done" (boolean), "private" (boolean: only
 * the author of the copy it was written in sees it), "modified" (GDateTime).
 * Setters move "modified" to now when the value changed. */
LadderAction *ladder_action_new          (const char   *id);
const char   *ladder_action_get_id       (LadderAction *self);
const char   *ladder_action_get_text     (LadderAction *self);
void          ladder_action_set_text     (LadderAction *self,
                                          const char   *text);
LadderRater   ladder_action_get_owner    (LadderAction *self);
void          ladder_action_set_owner    (LadderAction *self,
                                          LadderRater   owner);
const GDate  *ladder_action_get_due      (LadderAction *self);
void          ladder_action_set_due      (LadderAction *self,
                                          const GDate  *due);
gboolean      ladder_action_get_done     (LadderAction *self);
void          ladder_action_set_done     (LadderAction *self,
                                          gboolean      done);
gboolean      ladder_action_get_private  (LadderAction *self);
void          ladder_action_set_private  (LadderAction *self,
                                          gboolean      is_private);
GDateTime    *ladder_action_get_modified (LadderAction *self);
void          ladder_action_set_modified (LadderAction *self,
                                          GDateTime    *modified);

G_END_DECLS
