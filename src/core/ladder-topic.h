/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ladder-enums.h"

G_BEGIN_DECLS

#define LADDER_TYPE_TOPIC (ladder_topic_get_type ())
G_DECLARE_FINAL_TYPE (LadderTopic, ladder_topic, LADDER, TOPIC, GObject)

/* A topic on the agenda of the next 1:1, added by either side between
 * check-ins. It stays open, and so on the agenda of every check-in, until
 * it is ticked off in one.
 * Properties: "id" (construct-only), "text", "author" (LadderRater: which
 * side added it), "created" (GDate boxed), "private" (boolean: only the
 * author of the copy it was written in sees it), "closed" (GDate boxed,
 * NULL while open: the day it was ticked off), "checkin" (the id of the
 * check-in it was ticked off in, may be NULL), "modified" (GDateTime).
 * Setters move "modified" to now when the value changed. */
LadderTopic  *ladder_topic_new          (const char  *id);
const char   *ladder_topic_get_id       (LadderTopic *self);
const char   *ladder_topic_get_text     (LadderTopic *self);
void          ladder_topic_set_text     (LadderTopic *self,
                                         const char  *text);
LadderRater   ladder_topic_get_author   (LadderTopic *self);
void          ladder_topic_set_author   (LadderTopic *self,
                                         LadderRater  author);
const GDate  *ladder_topic_get_created  (LadderTopic *self);
void          ladder_topic_set_created  (LadderTopic *self,
                                         const GDate *created);
gboolean      ladder_topic_get_private  (LadderTopic *self);
void          ladder_topic_set_private  (LadderTopic *self,
                                         gboolean     is_private);
const GDate  *ladder_topic_get_closed   (LadderTopic *self);
const char   *ladder_topic_get_checkin  (LadderTopic *self);
void          ladder_topic_close        (LadderTopic *self,
                                         const GDate *day,
                                         const char  *checkin_id);
void          ladder_topic_reopen       (LadderTopic *self);
gboolean      ladder_topic_is_open      (LadderTopic *self);
GDateTime    *ladder_topic_get_modified (LadderTopic *self);
void          ladder_topic_set_modified (LadderTopic *self,
                                         GDateTime   *modified);

G_END_DECLS
