/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ladder-profile.h"
#include "ladder-report.h"

G_BEGIN_DECLS

/**
 * LadderReviewDocumentFormat:
 * @LADDER_REVIEW_DOCUMENT_MARKDOWN: Markdown, to paste into a review form
 * @LADDER_REVIEW_DOCUMENT_PDF: a PDF, set as the summary is
 * @LADDER_REVIEW_DOCUMENT_CSV: the evidence of the period as CSV, one
 *   entry a row
 *
 * The ways a review document is written.
 */
typedef enum
{
  LADDER_REVIEW_DOCUMENT_MARKDOWN,
  LADDER_REVIEW_DOCUMENT_PDF,
  LADDER_REVIEW_DOCUMENT_CSV,
} LadderReviewDocumentFormat;

/* A review or promotion document (a "brag document"), read from a
 * profile for a period and a level: an immutable copy of its text, made
 * once on the caller's thread and written as Markdown, PDF or CSV. Not
 * to be confused with LadderReview, which is what a check-in looks back
 * on. */
typedef struct _LadderReviewDocument LadderReviewDocument;

#define LADDER_TYPE_REVIEW_DOCUMENT (ladder_review_document_get_type ())
GType                 ladder_review_document_get_type     (void) G_GNUC_CONST;
const char           *ladder_review_document_choose_level (LadderProfile              *profile,
                                                           const char                **preferred);
LadderReviewDocument *ladder_review_document_new          (LadderProfile              *profile,
                                                           const char                 *level,
                                                           const GDate                *since,
                                                           const GDate                *until,
                                                           gboolean                    include_private);
LadderReviewDocument *ladder_review_document_ref          (LadderReviewDocument       *document);
void                  ladder_review_document_unref        (LadderReviewDocument       *document);
const char           *ladder_review_document_get_title    (LadderReviewDocument       *document);
const char           *ladder_review_document_get_subtitle (LadderReviewDocument       *document);
const char           *ladder_review_document_get_level    (LadderReviewDocument       *document);
char                 *ladder_review_document_to_markdown  (LadderReviewDocument       *document);
char                 *ladder_review_document_to_csv       (LadderReviewDocument       *document);
LadderReport         *ladder_review_document_to_report    (LadderReviewDocument       *document,
                                                           LadderPaperSize             paper);
GBytes               *ladder_review_document_to_bytes     (LadderReviewDocument       *document,
                                                           LadderReviewDocumentFormat  format,
                                                           LadderPaperSize             paper,
                                                           GCancellable               *cancellable,
                                                           GError                    **error);
const char           *ladder_review_document_format_get_extension (LadderReviewDocumentFormat format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderReviewDocument, ladder_review_document_unref)

G_END_DECLS
