/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A review document as a printable summary: LadderReviewDocument's
 * categories and sections set as the summary's blocks, so that they are
 * laid out, paginated and drawn as the summary is. */

#define G_LOG_DOMAIN "ladder-report"

#include "config.h"

#include <string.h>

#include "ladder-report-content-private.h"
#include "ladder-report-private.h"
#include "ladder-review-document-private.h"
#include "ladder-uri.h"

static void
add_entry_lines (LadderReport      *self,
                 const ReviewEntry *entry)
{
  g_autofree char *date = _ladder_review_document_entry_date (entry);
  g_autofree char *line = g_strdup_printf ("%s — %s", date, entry->title);

  _ladder_report_append (self, "\n");
  _ladder_report_append_span (self, line, SPAN_SMALL, NULL);
  for (guint i = 0; entry->links[i] != NULL; i++)
    {
      /* As in the summary: a link the app would not open is text. */
      gboolean safe = ladder_uri_is_safe (entry->links[i]);
      Span small = { .start = (guint32) self->text->len, .kind = SPAN_SMALL, .target = -1 };

      _ladder_report_append_span (self, " · ", -1, NULL);
      _ladder_report_append_span (self, entry->links[i], safe ? SPAN_LINK : -1,
                                  safe ? _ladder_report_link_to_uri (entry->links[i]) : NULL);
      /* Small like the line it ends, a link or not: spans may overlap,
       * and the later one wins where they disagree (the link's colour). */
      small.end = (guint32) self->text->len;
      g_array_insert_val (self->spans, safe ? self->spans->len - 1 : self->spans->len, small);
    }
}

static void
add_behaviour (LadderReport          *self,
               const ReviewBehaviour *behaviour)
{
  const char *flag = _ladder_review_document_backing (behaviour->backing);
  Block *block;

  block = _ladder_report_begin_text (self, STYLE_BODY);
  _ladder_report_append (self, behaviour->text);
  if (flag != NULL)
    {
      _ladder_report_append (self, "\n");
      _ladder_report_append_span (self, flag, SPAN_BOLD, NULL);
    }
  for (guint i = 0; i < behaviour->entries->len; i++)
    add_entry_lines (self, g_ptr_array_index (behaviour->entries, i));
  if (behaviour->n_more > 0)
    {
      /* Translators: the end of a list of evidence cut short */
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more",
                                                            "And %u more", behaviour->n_more),
                                               behaviour->n_more);

      _ladder_report_append (self, "\n");
      _ladder_report_append_span (self, more, SPAN_DIM, NULL);
    }
  _ladder_report_end_text (self, block);
  block->indent = BULLET_INDENT;
  block->gutter = g_strdup ("•");
}

static void
add_empty (LadderReport *self,
           guint         section)
{
  Block *block = _ladder_report_add_text (self, STYLE_BODY, _ladder_review_document_empty (section));

  block->indent = BULLET_INDENT;
}

static void
add_lines (LadderReport *self,
           GPtrArray    *lines,
           guint         section)
{
  _ladder_report_add_heading (self, STYLE_H2, _ladder_review_document_heading (section), 1);
  if (lines->len == 0)
    add_empty (self, section);

  for (guint i = 0; i < lines->len; i++)
    {
      const ReviewLine *line = g_ptr_array_index (lines, i);
      Block *block;

      block = _ladder_report_begin_text (self, STYLE_BODY);
      _ladder_report_append (self, line->text);
      _ladder_report_append (self, "\n");
      _ladder_report_append_span (self, line->detail, SPAN_SMALL, NULL);
      _ladder_report_end_text (self, block);
      block->indent = BULLET_INDENT;
      block->gutter = g_strdup ("•");
    }
}

/**
 * ladder_review_document_to_report:
 * @document: a #LadderReviewDocument
 * @paper: the paper size
 *
 * Sets the document as a summary to page and draw: its title, level and
 * period, the radar of self and manager at the level, a heading per
 * category (an entry of the PDF's outline) with its behaviours, their
 * flags and their strongest evidence, then the evidence that backs no
 * behaviour, the ratings changed, the actions finished and the focus
 * plan.
 *
 * Returns: (transfer full): a new summary, paginated for @paper
 */
LadderReport *
ladder_review_document_to_report (LadderReviewDocument *document,
                                  LadderPaperSize       paper)
{
  LadderReport *self;
  Block *block;
  double width, height;

  g_return_val_if_fail (document != NULL, NULL);

  self = g_new0 (LadderReport, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->paper = paper;
  self->date = g_date_time_new_now_local ();
  self->blocks = g_ptr_array_new_with_free_func (_ladder_report_block_free);
  self->shared_text = g_string_chunk_new (1024);
  self->text = g_string_new (NULL);
  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  self->targets = g_ptr_array_new_with_free_func (g_free);
  self->title = g_strdup (document->title);
  self->author = g_strdup ("");
  self->custom_title = TRUE;
  self->footer = _ladder_report_printable (self->title);

  block = _ladder_report_add_text (self, STYLE_TITLE, self->title);
  block->dest = g_strdup ("summary");
  _ladder_report_add_text (self, STYLE_SUBTITLE, document->subtitle);
  block = _ladder_report_add_text (self, STYLE_BODY, document->overview);
  block->rule_below = TRUE;

  /* Where self and manager see the person at the level, as the summary
   * shows it, before the evidence behind it. */
  if (document->radar != NULL)
    _ladder_report_add_radar (self, document->radar, document->level_name, STYLE_H2);

  for (guint i = 0; i < document->categories->len; i++)
    {
      const ReviewCategory *category = g_ptr_array_index (document->categories, i);

      _ladder_report_add_heading (self, STYLE_H2, category->name, 1);
      for (guint j = 0; j < category->behaviours->len; j++)
        add_behaviour (self, g_ptr_array_index (category->behaviours, j));
    }

  _ladder_report_add_heading (self, STYLE_H2, _ladder_review_document_heading (SECTION_UNLINKED), 1);
  if (document->unlinked->len == 0)
    add_empty (self, SECTION_UNLINKED);
  for (guint i = 0; i < document->unlinked->len; i++)
    {
      const ReviewEntry *entry = g_ptr_array_index (document->unlinked, i);
      g_autofree char *date = _ladder_review_document_entry_date (entry);

      block = _ladder_report_begin_text (self, STYLE_BODY);
      _ladder_report_append (self, entry->title);
      _ladder_report_append (self, "\n");
      _ladder_report_append_span (self, date, SPAN_SMALL, NULL);
      _ladder_report_end_text (self, block);
      block->indent = BULLET_INDENT;
      block->gutter = g_strdup ("•");
    }

  add_lines (self, document->changes, SECTION_CHANGES);
  add_lines (self, document->actions, SECTION_ACTIONS);
  if (document->focus->len > 0)
    add_lines (self, document->focus, SECTION_FOCUS);
  if (document->promotions->len > 0)
    add_lines (self, document->promotions, SECTION_PROMOTIONS);

  g_string_free (g_steal_pointer (&self->text), TRUE);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->targets, g_ptr_array_unref);

  ladder_paper_size_get_size (paper, &width, &height);
  ladder_report_paginate (self, width, height);

  return self;
}

/* Here rather than beside the Markdown and CSV writers, so that the
 * document knows nothing of the summary that draws its PDF. */
/**
 * ladder_review_document_to_bytes:
 * @document: a #LadderReviewDocument
 * @format: how to write it
 * @paper: the paper size of a PDF
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the document in @format, ready for ladder_save_contents().
 *
 * Returns: (transfer full) (nullable): the file's bytes, or %NULL when the
 *   PDF could not be made
 */
GBytes *
ladder_review_document_to_bytes (LadderReviewDocument        *document,
                                 LadderReviewDocumentFormat   format,
                                 LadderPaperSize              paper,
                                 GCancellable                *cancellable,
                                 GError                     **error)
{
  g_autoptr(LadderReport) report = NULL;
  char *text;

  g_return_val_if_fail (document != NULL, NULL);

  switch (format)
    {
    case LADDER_REVIEW_DOCUMENT_MARKDOWN:
      text = ladder_review_document_to_markdown (document);
      return g_bytes_new_take (text, strlen (text));
    case LADDER_REVIEW_DOCUMENT_CSV:
      text = ladder_review_document_to_csv (document);
      return g_bytes_new_take (text, strlen (text));
    case LADDER_REVIEW_DOCUMENT_PDF:
      report = ladder_review_document_to_report (document, paper);
      return ladder_report_to_pdf (report, cancellable, error);
    default:
      g_return_val_if_reached (NULL);
    }
}
