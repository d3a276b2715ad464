/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_PROFILE_EDITOR (ladder_profile_editor_get_type ())
G_DECLARE_FINAL_TYPE (LadderProfileEditor, ladder_profile_editor, LADDER, PROFILE_EDITOR, AdwDialog)

/* "Edit Profile": the name, role, current and target level of a profile.
 * A change of the current level is recorded as a LadderPromotion on the
 * day chosen. Saving changes the profile and emits "saved". */
AdwDialog *ladder_profile_editor_new             (LadderProfile  *profile);
/* The date a change of level is recorded on; for tests. */
void       ladder_profile_editor_set_change_date (LadderProfileEditor *self,
                                                  const GDate         *date);
/* What the window's win.edit-profile and win.undo-edit-profile do:
 * open the editor over @window, and undo the save of @id, which the
 * saved toast's Undo carries. The editor is returned for the window to
 * follow (NULL for a read-only copy). */
AdwDialog *ladder_profile_editor_edit            (GtkWidget      *window,
                                                  LadderProfile  *profile);
void       ladder_profile_editor_undo            (GtkWidget      *window,
                                                  const char     *id);

G_END_DECLS
