/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_FOCUS_DIALOG (ladder_focus_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LadderFocusDialog, ladder_focus_dialog, LADDER, FOCUS_DIALOG, AdwDialog)

/* Adds a focus to @profile (@focus NULL), on @behaviour_id when given,
 * or edits @focus. */
LadderFocusDialog *ladder_focus_dialog_new (LadderProfile *profile,
                                            LadderFocus   *focus,
                                            const char    *behaviour_id);

G_END_DECLS
