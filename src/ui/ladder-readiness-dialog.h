/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_READINESS_DIALOG (ladder_readiness_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LadderReadinessDialog, ladder_readiness_dialog, LADDER, READINESS_DIALOG, AdwDialog)

/* Edits a framework's readiness rule and percent, applied as they change
 * (a profile that embeds the framework then saves itself). @scope says
 * for a person whose rule it is: a profile's own, or the one new profiles
 * start with. */
LadderReadinessDialog *ladder_readiness_dialog_new (LadderFramework *framework,
                                                    const char      *scope);

G_END_DECLS
