/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A 1:1's preparation as one printable page: LadderPrepare's sections
 * set as the summary's blocks, so that it is laid out, paginated and
 * drawn (and printed) as the summary is. */

#define G_LOG_DOMAIN "ladder-report"

#include "config.h"

#include <string.h>

#include "ladder-prepare.h"
#include "ladder-report-private.h"

/* The longest a line's text may be, in characters, when the page is
 * full: a line pasted whole as an entry's title must not take the page
 * from the others. 240 is about three lines; the shorter ones are for
 * lists already cut to one line each. */
static const guint line_lengths[] = { G_MAXUINT, 240, 120, 60 };

/* @text, or its start cut at a word with "…" when it is longer than
 * @length characters, then on one line. */
static char *
shorten (const char *text,
         guint       length)
{
  const char *end, *space;
  char *out;

  if (length == G_MAXUINT || g_utf8_strlen (text, -1) <= length)
    return g_strdup (text);

  end = g_utf8_offset_to_pointer (text, length - 1);
  /* At a word, when there is one not too far back. */
  for (space = end; space > text && *space != ' ' && end - space < 24; space--)
    ;
  if (*space == ' ')
    end = space;
  out = g_strdup_printf ("%.*s…", (int) (end - text), text);
  g_strdelimit (out, "\n", ' ');

  return out;
}

static void
add_section (LadderReport         *self,
             LadderPrepare        *prepare,
             LadderPrepareSection  section,
             guint                 limit,
             guint                 length)
{
  const char * const *items = ladder_prepare_get_items (prepare, section);
  const char * const *details = ladder_prepare_get_details (prepare, section);
  guint n = g_strv_length ((char **) items);
  guint n_more = ladder_prepare_get_n_more (prepare, section);
  guint shown = MIN (n, limit);
  Block *block;

  _ladder_report_add_heading (self, STYLE_H2, ladder_prepare_get_heading (prepare, section), 1);

  if (n == 0 && n_more == 0)
    {
      block = _ladder_report_add_text (self, STYLE_BODY, ladder_prepare_get_empty (prepare, section));
      block->indent = BULLET_INDENT;
      return;
    }

  n_more += n - shown;
  for (guint i = 0; i < shown; i++)
    {
      g_autofree char *item = shorten (items[i], length);

      block = _ladder_report_begin_text (self, STYLE_BODY);
      _ladder_report_append (self, item);
      if (*details[i] != '\0')
        {
          g_autofree char *detail = shorten (details[i], length);

          _ladder_report_append (self, "\n");
          _ladder_report_append_span (self, detail, SPAN_SMALL, NULL);
        }
      _ladder_report_end_text (self, block);
      block->indent = BULLET_INDENT;
      block->gutter = g_strdup ("•");
      block->tight = i + 1 < shown || n_more > 0;
      block->keep_with_next = i + 1 < shown || n_more > 0;
    }

  if (n_more > 0)
    {
      g_autofree char *more = ladder_prepare_describe_more (n_more);

      block = _ladder_report_add_text (self, STYLE_SMALL, more);
      block->indent = BULLET_INDENT;
    }
}

static LadderReport *
make_report (LadderPrepare   *prepare,
             LadderPaperSize  paper,
             const guint     *limits,
             guint            length)
{
  LadderReport *self;
  Block *block;

  self = g_new0 (LadderReport, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->paper = paper;
  self->date = g_date_time_new_now_local ();
  self->blocks = g_ptr_array_new_with_free_func (_ladder_report_block_free);
  self->shared_text = g_string_chunk_new (1024);
  self->text = g_string_new (NULL);
  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  self->targets = g_ptr_array_new_with_free_func (g_free);
  self->title = g_strdup (ladder_prepare_get_title (prepare));
  self->author = g_strdup ("");
  self->custom_title = TRUE;
  self->footer = _ladder_report_printable (self->title);

  block = _ladder_report_add_text (self, STYLE_TITLE, self->title);
  block->dest = g_strdup ("summary");
  block = _ladder_report_add_text (self, STYLE_SUBTITLE, ladder_prepare_get_subtitle (prepare));
  block->rule_below = TRUE;

  for (guint i = 0; i < LADDER_PREPARE_N_SECTIONS; i++)
    add_section (self, prepare, i, limits[i], length);

  g_string_free (g_steal_pointer (&self->text), TRUE);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->targets, g_ptr_array_unref);

  return self;
}

/**
 * ladder_prepare_to_report:
 * @prepare: a #LadderPrepare
 * @paper: the paper size
 *
 * Sets the preparation as a summary to page and draw: its title, since
 * when it looks back, and each section's heading and lines. It is one
 * page: the longest lists that fit it, each list cut to the same number
 * of lines, with a line that counts the rest, and a line much longer than
 * the others cut short at a word; with one line a list, shorter still.
 * Room that cut leaves at the foot of the page goes back to the lists,
 * in the page's order (the agenda and the actions before the evidence),
 * a line at a time.
 *
 * Returns: (transfer full): a new summary, paginated for @paper
 */
LadderReport *
ladder_prepare_to_report (LadderPrepare   *prepare,
                          LadderPaperSize  paper)
{
  double width, height;
  guint limits[LADDER_PREPARE_N_SECTIONS];
  LadderReport *report = NULL;
  guint length = 0;

  g_return_val_if_fail (prepare != NULL, NULL);

  ladder_paper_size_get_size (paper, &width, &height);
  for (guint limit = G_MAXUINT; report == NULL; limit = limit == G_MAXUINT ? 8 : limit - 1)
    {
      /* At each length of the lists, their lines whole, then any line
       * longer than three or so cut: a list keeps its lines before a
       * line keeps its words. With one line a list, shorter still. */
      guint n_lengths = limit > 1 ? 2 : G_N_ELEMENTS (line_lengths);

      for (guint i = 0; i < LADDER_PREPARE_N_SECTIONS; i++)
        limits[i] = i == LADDER_PREPARE_PROGRESS ? G_MAXUINT : limit;

      for (length = 0; length < n_lengths; length++)
        {
          report = make_report (prepare, paper, limits, line_lengths[length]);

          /* Past that, one line of each list, each cut short, whatever
           * the title's length. */
          if (ladder_report_paginate (report, width, height) <= 1)
            break;
          if (limit == 1 && length + 1 == n_lengths)
            return report;

          g_clear_pointer (&report, ladder_report_unref);
        }
    }

  for (guint i = 0; i < LADDER_PREPARE_N_SECTIONS; i++)
    {
      guint n = g_strv_length ((char **) ladder_prepare_get_items (prepare, i));

      while (limits[i] < n)
        {
          LadderReport *more;

          limits[i]++;
          more = make_report (prepare, paper, limits, line_lengths[length]);
          if (ladder_report_paginate (more, width, height) > 1)
            {
              ladder_report_unref (more);
              limits[i]--;
              break;
            }
          ladder_report_unref (report);
          report = more;
        }
    }

  return report;
}

/**
 * ladder_prepare_write_pdf:
 * @prepare: a #LadderPrepare
 * @paper: the paper size
 * @file: where to write the PDF
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the preparation as a printable page (see
 * ladder_prepare_to_report()) to @file, as ladder_report_write_pdf()
 * does: whole or not at all. An error names the file.
 *
 * Returns: %TRUE when the file is written
 */
gboolean
ladder_prepare_write_pdf (LadderPrepare  *prepare,
                          LadderPaperSize paper,
                          GFile          *file,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr(LadderReport) report = NULL;

  g_return_val_if_fail (prepare != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  report = ladder_prepare_to_report (prepare, paper);

  return _ladder_report_write_file (report, file, cancellable, error);
}
