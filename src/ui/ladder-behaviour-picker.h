/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_BEHAVIOUR_PICKER (ladder_behaviour_picker_get_type ())

G_DECLARE_FINAL_TYPE (LadderBehaviourPicker, ladder_behaviour_picker, LADDER, BEHAVIOUR_PICKER, GtkWidget)

/* Every behaviour of a framework, grouped by category and then level,
 * searched by typing. One is picked ("picked") or, with
 * LadderBehaviourPicker:multiple, any number are ticked ("toggled"). */
GtkWidget  *ladder_behaviour_picker_new              (gboolean               multiple,
                                                      gboolean               scrolls);

/* Lists @framework's behaviours, each category from @first_level up and
 * then the levels below it (NULL: from the lowest). */
void        ladder_behaviour_picker_set_framework    (LadderBehaviourPicker *self,
                                                      LadderFramework       *framework,
                                                      const char            *first_level);
/* The search emptied and focused: as the picker is shown again. */
void        ladder_behaviour_picker_reset            (LadderBehaviourPicker *self);

/* One to pick: the behaviour marked as the one picked, or NULL. */
const char *ladder_behaviour_picker_get_chosen       (LadderBehaviourPicker *self);
void        ladder_behaviour_picker_set_chosen       (LadderBehaviourPicker *self,
                                                      const char            *behaviour_id);

/* Any number to tick: setting them emits no "toggled". */
gboolean    ladder_behaviour_picker_get_ticked       (LadderBehaviourPicker *self,
                                                      const char            *behaviour_id);
void        ladder_behaviour_picker_set_ticked       (LadderBehaviourPicker *self,
                                                      const char            *behaviour_id,
                                                      gboolean               ticked);
/* The ticked ids in the framework's order, then those it lacks. */
GStrv       ladder_behaviour_picker_dup_ticked       (LadderBehaviourPicker *self);

G_END_DECLS
