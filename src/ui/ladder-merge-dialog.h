/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_MERGE_DIALOG (ladder_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LadderMergeDialog, ladder_merge_dialog, LADDER, MERGE_DIALOG, AdwDialog)

/* Shows what merging a copy of a profile into the library's copy would
 * change, and merges it on "Merge" (the action "merge.apply"). Signal
 * "applied" (AdwToast *undo): after the merge, with a toast whose button
 * undoes it, for the window to show. */
LadderMergeDialog *ladder_merge_dialog_new (LadderMerge *merge);

G_END_DECLS
