/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-reminders.h"

G_BEGIN_DECLS

#define LADDER_TYPE_PREFERENCES_DIALOG (ladder_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LadderPreferencesDialog, ladder_preferences_dialog, LADDER, PREFERENCES_DIALOG, AdwPreferencesDialog)

/* The app's settings: the paper of PDF summaries, bound to @settings, and
 * the folder the library lives in, @library_directory, which it shows and
 * opens in the file manager. */
AdwDialog *ladder_preferences_dialog_new           (GSettings               *settings,
                                                    GFile                   *library_directory);
void       ladder_preferences_dialog_set_reminders (LadderPreferencesDialog *self,
                                                    LadderReminders         *reminders);

G_END_DECLS
