/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ladder-application.h"

G_BEGIN_DECLS

#define LADDER_TYPE_SHELL_SEARCH (ladder_shell_search_get_type ())
G_DECLARE_FINAL_TYPE (LadderShellSearch, ladder_shell_search, LADDER, SHELL_SEARCH, GObject)

LadderShellSearch *ladder_shell_search_new        (LadderApplication *application);
gboolean           ladder_shell_search_register   (LadderShellSearch *self,
                                                   GDBusConnection   *connection,
                                                   const char        *object_path,
                                                   GError           **error);
void               ladder_shell_search_unregister (LadderShellSearch *self);
void               ladder_shell_search_let_go     (LadderShellSearch *self);

G_END_DECLS
