/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_PROFILE_DIALOG (ladder_profile_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LadderProfileDialog, ladder_profile_dialog, LADDER, PROFILE_DIALOG, AdwDialog)

/* "Your Profile" or "Their Profile": whose it is (the
 * profile's owner), name, role, framework, current and target level.
 * Emits "created" with the new profile once it is in @library. */
AdwDialog *ladder_profile_dialog_new       (LadderLibrary       *library,
                                            const char          *framework_id);
void       ladder_profile_dialog_set_owner (LadderProfileDialog *self,
                                            LadderRater          owner);

G_END_DECLS
