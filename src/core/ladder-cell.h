/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LADDER_TYPE_CELL (ladder_cell_get_type ())
G_DECLARE_FINAL_TYPE (LadderCell, ladder_cell, LADDER, CELL, GObject)

/* The optional summary and examples of one level in one category
 * (Medium's milestones). Properties: "level", "category", "summary",
 * "examples" (GStrv, never NULL from the getter). */
LadderCell         *ladder_cell_new          (const char         *level,
                                              const char         *category,
                                              const char         *summary);
const char         *ladder_cell_get_level    (LadderCell         *self);
const char         *ladder_cell_get_category (LadderCell         *self);
const char         *ladder_cell_get_summary  (LadderCell         *self);
const char * const *ladder_cell_get_examples (LadderCell         *self);
void                ladder_cell_set_summary  (LadderCell         *self,
                                              const char         *summary);
void                ladder_cell_set_examples (LadderCell         *self,
                                              const char * const *examples);
void                ladder_cell_add_example  (LadderCell         *self,
                                              const char         *example);

G_END_DECLS
