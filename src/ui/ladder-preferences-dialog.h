/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LADDER_TYPE_PREFERENCES_DIALOG (ladder_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LadderPreferencesDialog, ladder_preferences_dialog, LADDER, PREFERENCES_DIALOG, AdwPreferencesDialog)

/* The app's settings: the paper of PDF summaries, bound to @settings, and
 * the folder the library lives in, @library_directory, which it shows and
 * opens in the file manager. */
AdwDialog *ladder_preferences_dialog_new (GSettings *settings,
                                          GFile     *library_directory);

G_END_DECLS
