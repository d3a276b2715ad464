/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LADDER_TYPE_APPLICATION (ladder_application_get_type ())
G_DECLARE_FINAL_TYPE (LadderApplication, ladder_application, LADDER, APPLICATION, AdwApplication)

LadderApplication *ladder_application_new (void);

G_END_DECLS
