/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ladder-evidence.h"
#include "ladder-framework.h"

G_BEGIN_DECLS

#define LADDER_TYPE_SEARCH_INDEX (ladder_search_index_get_type ())
G_DECLARE_FINAL_TYPE (LadderSearchIndex, ladder_search_index, LADDER, SEARCH_INDEX, GObject)

LadderSearchIndex *ladder_search_index_new     (LadderFramework   *framework);
LadderFramework   *ladder_search_index_get_framework (LadderSearchIndex *self);
const char        *ladder_search_index_get_text (LadderSearchIndex *self,
                                                 LadderEvidence    *evidence);
gboolean           ladder_search_index_matches  (LadderSearchIndex *self,
                                                 LadderEvidence    *evidence,
                                                 const char        *folded);
void               ladder_search_index_fold_ahead (LadderSearchIndex *self,
                                                   GListModel        *evidence);
guint              ladder_search_index_get_pending (LadderSearchIndex *self);
void               ladder_search_index_clear    (LadderSearchIndex *self);

char              *ladder_search_fold           (const char        *text,
                                                 gssize             length);

G_END_DECLS
