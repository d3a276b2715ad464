/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the loader and the merge of the focus plan see of a focus beyond
 * its public API: the stamp of each field and of each step, and the
 * steps' ids and tombstones, so that two copies merge field by field
 * (ladder-merge-focus.c). */

#pragma once

#include "ladder-focus.h"

G_BEGIN_DECLS

/* The fields of a focus that carry their own stamp; the behaviour and
 * the day it began go with the focus's "modified". */
typedef enum
{
  LADDER_FOCUS_FIELD_WHY,
  LADDER_FOCUS_FIELD_DUE,
  LADDER_FOCUS_FIELD_FINISHED,
  LADDER_FOCUS_N_FIELDS,
} LadderFocusField;

GDateTime  *_ladder_focus_get_field_modified  (LadderFocus      *self,
                                               LadderFocusField  field);
void        _ladder_focus_set_field_modified  (LadderFocus      *self,
                                               LadderFocusField  field,
                                               GDateTime        *modified);
const char *_ladder_focus_get_step_id         (LadderFocus      *self,
                                               guint             index);
GDateTime  *_ladder_focus_get_step_modified   (LadderFocus      *self,
                                               guint             index);
int         _ladder_focus_find_step           (LadderFocus      *self,
                                               const char       *id);
void        _ladder_focus_add_step_full       (LadderFocus      *self,
                                               const char       *id,
                                               const char       *text,
                                               gboolean          done,
                                               GDateTime        *modified);
void        _ladder_focus_clear_steps         (LadderFocus      *self);
GHashTable *_ladder_focus_get_step_tombstones (LadderFocus      *self);
void        _ladder_focus_add_step_tombstone  (LadderFocus      *self,
                                               const char       *id,
                                               GDateTime        *deleted);

G_END_DECLS
