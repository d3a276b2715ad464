/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ladder-action.h"
#include "ladder-enums.h"

G_BEGIN_DECLS

#define LADDER_TYPE_CHECKIN (ladder_checkin_get_type ())
G_DECLARE_FINAL_TYPE (LadderCheckin, ladder_checkin, LADDER, CHECKIN, GObject)

/* A 1:1: notes, agreed actions and a snapshot of every rating.
 * Properties: "id" (construct-only), "date" (GDate boxed), "notes",
 * "notes-private" (boolean: only the author of the copy sees the notes),
 * "actions" (GListModel of LadderAction, read-only), "modified". */
LadderCheckin     *ladder_checkin_new               (const char        *id);
const char        *ladder_checkin_get_id            (LadderCheckin     *self);
const GDate       *ladder_checkin_get_date          (LadderCheckin     *self);
void               ladder_checkin_set_date          (LadderCheckin     *self,
                                                     const GDate       *date);
const char        *ladder_checkin_get_notes         (LadderCheckin     *self);
void               ladder_checkin_set_notes         (LadderCheckin     *self,
                                                     const char        *notes);
gboolean           ladder_checkin_get_notes_private (LadderCheckin     *self);
void               ladder_checkin_set_notes_private (LadderCheckin     *self,
                                                     gboolean           notes_private);
GListModel        *ladder_checkin_get_actions       (LadderCheckin     *self);
void               ladder_checkin_add_action        (LadderCheckin     *self,
                                                     LadderAction      *action);
/* Removes the action and keeps a tombstone for merges. */
void               ladder_checkin_remove_action     (LadderCheckin     *self,
                                                     LadderAction      *action);
/* Tombstones of removed actions: id → GDateTime, owned by the check-in. */
GHashTable        *ladder_checkin_get_action_tombstones (LadderCheckin *self);
void               ladder_checkin_add_action_tombstone  (LadderCheckin *self,
                                                         const char    *id,
                                                         GDateTime     *modified);
/* The snapshot: the value of each rating when the check-in was finished. */
LadderRatingValue  ladder_checkin_get_snapshot      (LadderCheckin     *self,
                                                     const char        *behaviour_id,
                                                     LadderRater        rater);
void               ladder_checkin_set_snapshot      (LadderCheckin     *self,
                                                     const char        *behaviour_id,
                                                     LadderRatingValue  self_value,
                                                     LadderRatingValue  manager_value);
/* The behaviour ids that the snapshot holds, sorted; free with g_strfreev. */
char             **ladder_checkin_list_snapshot     (LadderCheckin     *self);
GDateTime         *ladder_checkin_get_modified      (LadderCheckin     *self);
void               ladder_checkin_set_modified      (LadderCheckin     *self,
                                                     GDateTime         *modified);

G_END_DECLS
