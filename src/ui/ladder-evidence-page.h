/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_EVIDENCE_PAGE (ladder_evidence_page_get_type ())
G_DECLARE_FINAL_TYPE (LadderEvidencePage, ladder_evidence_page, LADDER, EVIDENCE_PAGE, GtkWidget)

void        ladder_evidence_page_set_profile          (LadderEvidencePage *self,
                                                       LadderProfile      *profile);
/* Shows only the evidence that backs @behaviour_id (NULL: all). */
void        ladder_evidence_page_set_behaviour_filter (LadderEvidencePage *self,
                                                       const char         *behaviour_id);
void        ladder_evidence_page_start_search         (LadderEvidencePage *self);
/* Opens the search with @text in it, as if typed. */
void        ladder_evidence_page_set_search_text      (LadderEvidencePage *self,
                                                       const char         *text);
/* What the list shows, after search and filters, newest first. */
GListModel *ladder_evidence_page_get_shown            (LadderEvidencePage *self);
gboolean    ladder_evidence_page_focus_evidence       (LadderEvidencePage *self,
                                                       LadderEvidence     *evidence);

G_END_DECLS
