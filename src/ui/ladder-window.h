/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-application.h"

G_BEGIN_DECLS

#define LADDER_TYPE_WINDOW (ladder_window_get_type ())
G_DECLARE_FINAL_TYPE (LadderWindow, ladder_window, LADDER, WINDOW, AdwApplicationWindow)

LadderWindow *ladder_window_new       (LadderApplication *application);
/* Shows the sample profile (made once, then kept in the library) as soon
 * as the library is loaded: `ladder --demo`. */
void          ladder_window_show_demo (LadderWindow      *self);

G_END_DECLS
