/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ladder-checkin.h"

G_BEGIN_DECLS

/* For merges: see ladder-profile-private.h. */
void _ladder_checkin_insert_action (LadderCheckin *self,
                                    guint          position,
                                    LadderAction  *action);
/* See _ladder_profile_reorder(). */
void _ladder_checkin_reorder_actions (LadderCheckin *self,
                                      GHashTable    *position);
/* Removes the action with @id and keeps a tombstone stamped @deleted. */
void _ladder_checkin_delete_action (LadderCheckin *self,
                                    const char    *id,
                                    GDateTime     *deleted);

G_END_DECLS
