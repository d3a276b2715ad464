/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ladder-profile.h"
#include "ladder-report.h"

G_BEGIN_DECLS

/**
 * LadderPrepareSection:
 * @LADDER_PREPARE_PROGRESS: progress toward the target level
 * @LADDER_PREPARE_FOCUS: the focus plan, each behaviour's computed progress
 *   and what changed for it since the last check-in
 * @LADDER_PREPARE_AGENDA: the open agenda topics
 * @LADDER_PREPARE_ACTIONS: the open actions, the overdue ones first
 * @LADDER_PREPARE_EVIDENCE: the evidence logged since the last check-in
 * @LADDER_PREPARE_CHANGES: the ratings either side changed since then
 * @LADDER_PREPARE_GAPS: where self and manager rate differently
 * @LADDER_PREPARE_N_SECTIONS: the number of sections
 *
 * The sections of a 1:1 preparation, in the order shown.
 */
typedef enum
{
  LADDER_PREPARE_PROGRESS,
  LADDER_PREPARE_FOCUS,
  LADDER_PREPARE_AGENDA,
  LADDER_PREPARE_ACTIONS,
  LADDER_PREPARE_EVIDENCE,
  LADDER_PREPARE_CHANGES,
  LADDER_PREPARE_GAPS,
  LADDER_PREPARE_N_SECTIONS,
} LadderPrepareSection;

/* What to bring to the next 1:1, read from a profile: an immutable copy
 * of its text, a heading and a list of lines per section, that the app
 * shows, and that is written as Markdown or as a one-page PDF. Private
 * items (actions, topics) are left out unless asked for. */
typedef struct _LadderPrepare LadderPrepare;

#define LADDER_TYPE_PREPARE (ladder_prepare_get_type ())
GType               ladder_prepare_get_type      (void) G_GNUC_CONST;
LadderPrepare      *ladder_prepare_new           (LadderProfile        *profile,
                                                  const GDate          *today,
                                                  gboolean              include_private);
LadderPrepare      *ladder_prepare_ref           (LadderPrepare        *prepare);
void                ladder_prepare_unref         (LadderPrepare        *prepare);
const char         *ladder_prepare_get_title     (LadderPrepare        *prepare);
const char         *ladder_prepare_get_subtitle  (LadderPrepare        *prepare);
const char         *ladder_prepare_get_heading   (LadderPrepare        *prepare,
                                                  LadderPrepareSection  section);
/* An item's line, and its detail (empty when none), in two arrays of
 * the same length, NULL-terminated. */
const char * const *ladder_prepare_get_items     (LadderPrepare        *prepare,
                                                  LadderPrepareSection  section);
const char * const *ladder_prepare_get_details   (LadderPrepare        *prepare,
                                                  LadderPrepareSection  section);
const char         *ladder_prepare_get_empty     (LadderPrepare        *prepare,
                                                  LadderPrepareSection  section);
guint               ladder_prepare_get_n_more    (LadderPrepare        *prepare,
                                                  LadderPrepareSection  section);
char               *ladder_prepare_describe_more (guint                 n_more);
guint               ladder_prepare_get_n_private (LadderPrepare        *prepare,
                                                  LadderPrepareSection  section);
char               *ladder_prepare_describe_private (LadderPrepare        *prepare,
                                                     LadderPrepareSection  section);
char               *ladder_prepare_to_markdown   (LadderPrepare        *prepare);
LadderReport       *ladder_prepare_to_report     (LadderPrepare        *prepare,
                                                  LadderPaperSize       paper);
gboolean            ladder_prepare_write_pdf     (LadderPrepare        *prepare,
                                                  LadderPaperSize       paper,
                                                  GFile                *file,
                                                  GCancellable         *cancellable,
                                                  GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderPrepare, ladder_prepare_unref)

G_END_DECLS
