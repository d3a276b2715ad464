/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LADDER_TYPE_BEHAVIOUR (ladder_behaviour_get_type ())
G_DECLARE_FINAL_TYPE (LadderBehaviour, ladder_behaviour, LADDER, BEHAVIOUR, GObject)

/* Properties: "id", "level" (a level id), "category" (a category id),
 * "section" (may be NULL), "text", "examples" (GStrv, never NULL from the
 * getter: an empty vector when there are none). */
LadderBehaviour    *ladder_behaviour_new          (const char         *id,
                                                   const char         *level,
                                                   const char         *category,
                                                   const char         *section,
                                                   const char         *text);
const char         *ladder_behaviour_get_id       (LadderBehaviour    *self);
const char         *ladder_behaviour_get_level    (LadderBehaviour    *self);
const char         *ladder_behaviour_get_category (LadderBehaviour    *self);
const char         *ladder_behaviour_get_section  (LadderBehaviour    *self);
const char         *ladder_behaviour_get_text     (LadderBehaviour    *self);
const char * const *ladder_behaviour_get_examples (LadderBehaviour    *self);
void                ladder_behaviour_set_text     (LadderBehaviour    *self,
                                                   const char         *text);
void                ladder_behaviour_set_section  (LadderBehaviour    *self,
                                                   const char         *section);
void                ladder_behaviour_set_examples (LadderBehaviour    *self,
                                                   const char * const *examples);
void                ladder_behaviour_add_example  (LadderBehaviour    *self,
                                                   const char         *example);

G_END_DECLS
