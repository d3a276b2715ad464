/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_EVIDENCE_ROW (ladder_evidence_row_get_type ())
G_DECLARE_FINAL_TYPE (LadderEvidenceRow, ladder_evidence_row, LADDER, EVIDENCE_ROW, GtkWidget)

GtkWidget *ladder_evidence_row_new          (void);
/* Shows @evidence (of @framework's profile) and follows its changes; NULL
 * lets go of it. */
void       ladder_evidence_row_set_evidence (LadderEvidenceRow *self,
                                             LadderFramework   *framework,
                                             LadderEvidence    *evidence);

G_END_DECLS
