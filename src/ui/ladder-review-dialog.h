/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_REVIEW_DIALOG (ladder_review_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LadderReviewDialog, ladder_review_dialog, LADDER, REVIEW_DIALOG, AdwDialog)

/* Write a Review…: a period, a level (the target by default) and a
 * format, then Save… (through GtkFileDialog) or Copy as Markdown. */
LadderReviewDialog   *ladder_review_dialog_new          (LadderProfile      *profile);
/* The document the choices make now, and the format chosen. */
LadderReviewDocument *ladder_review_dialog_get_document (LadderReviewDialog *self);
LadderReviewDocumentFormat ladder_review_dialog_get_format (LadderReviewDialog *self);
/* What Save… does once a file is chosen: writes it, then closes the
 * dialog, or shows why it could not. */
void                  ladder_review_dialog_save_to      (LadderReviewDialog *self,
                                                         GFile              *file);

G_END_DECLS
