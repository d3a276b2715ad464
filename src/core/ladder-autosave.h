/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ladder-checkin.h"
#include "ladder-library.h"
#include "ladder-profile.h"

G_BEGIN_DECLS

#define LADDER_TYPE_AUTOSAVE (ladder_autosave_get_type ())
G_DECLARE_FINAL_TYPE (LadderAutosave, ladder_autosave, LADDER, AUTOSAVE, GObject)

/* How long the autosave waits after a change before it writes: a burst of
 * edits becomes one write. */
#define LADDER_AUTOSAVE_DELAY_MS       400
/* A failed write is tried again after this long (and on the next change). */
#define LADDER_AUTOSAVE_RETRY_DELAY_MS 10000

LadderAutosave *ladder_autosave_new                (LadderLibrary  *library);
LadderLibrary  *ladder_autosave_get_library        (LadderAutosave *self);
guint           ladder_autosave_get_delay          (LadderAutosave *self);
void            ladder_autosave_set_delay          (LadderAutosave *self,
                                                    guint           delay_ms);
guint           ladder_autosave_get_retry_delay    (LadderAutosave *self);
void            ladder_autosave_set_retry_delay    (LadderAutosave *self,
                                                    guint           delay_ms);

void            ladder_autosave_profile_changed    (LadderAutosave *self,
                                                    LadderProfile  *profile);
void            ladder_autosave_draft_changed      (LadderAutosave *self,
                                                    LadderProfile  *profile,
                                                    LadderCheckin  *draft);
void            ladder_autosave_save_profile       (LadderAutosave *self,
                                                    LadderProfile  *profile);
void            ladder_autosave_save_pending       (LadderAutosave *self);
gboolean        ladder_autosave_save_draft         (LadderAutosave *self,
                                                    LadderProfile  *profile,
                                                    GError        **error);
void            ladder_autosave_drop_draft         (LadderAutosave *self,
                                                    LadderProfile  *profile);
void            ladder_autosave_remove_profile     (LadderAutosave *self,
                                                    LadderProfile  *profile);
void            ladder_autosave_retry              (LadderAutosave *self);
gboolean        ladder_autosave_flush              (LadderAutosave *self);
void            ladder_autosave_discard            (LadderAutosave *self);

gboolean        ladder_autosave_get_pending        (LadderAutosave *self);
gboolean        ladder_autosave_get_saving         (LadderAutosave *self);
gboolean        ladder_autosave_get_has_errors     (LadderAutosave *self);
const GError   *ladder_autosave_get_error          (LadderAutosave *self,
                                                    LadderProfile  *profile);
const GError   *ladder_autosave_get_draft_error    (LadderAutosave *self,
                                                    LadderProfile  *profile);
char           *ladder_autosave_describe_unsaved   (LadderAutosave *self);

G_END_DECLS
