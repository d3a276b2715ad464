/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_EVIDENCE_EDITOR (ladder_evidence_editor_get_type ())
G_DECLARE_FINAL_TYPE (LadderEvidenceEditor, ladder_evidence_editor, LADDER, EVIDENCE_EDITOR, AdwDialog)

/* Adds (@evidence NULL) or edits an evidence entry of @profile. A new one
 * starts linked to @behaviour_id when given. Saving writes into the
 * profile, whose "changed" signal then autosaves it. */
AdwDialog *ladder_evidence_editor_new (LadderProfile  *profile,
                                       LadderEvidence *evidence,
                                       const char     *behaviour_id);

/* Makes ready, at idle and a small step at a time, what the first editor
 * of the process would otherwise pay for when it opens over @window. */
void       ladder_evidence_editor_prepare (GtkWidget      *window);

G_END_DECLS
