/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The PDF summary of a profile.
 *
 * It is made in three steps, so that the caller's thread only copies and
 * a worker (or the print dialog) does the slow part:
 *
 *  1. ladder_report_new() reads the profile once, on the caller's thread,
 *     into a list of blocks: headings, paragraphs, table rows and the
 *     chart, each with its text, the spans that style it and the links it
 *     holds. Nothing refers back to the profile afterwards.
 *     (ladder-report-content.c, -evidence.c; blocks: -blocks.c)
 *  2. ladder_report_paginate() lays each block out with Pango once and
 *     keeps only the top of each of its lines; page breaks are arithmetic
 *     on those: headings stay with what follows, a paragraph splits
 *     between lines (never a lone line at either end of a page when it
 *     has four or more), and a block taller than a page goes on over as
 *     many as it needs. Nothing is ever cut. (ladder-report-layout.c)
 *  3. Drawing a page lays its blocks out again and draws the lines that
 *     fall on it. Laying out twice costs less than keeping thousands of
 *     layouts alive, and it is what lets "Page N of M" know M.
 *     (ladder-report-draw.c)
 *
 * Text is set with pango_layout_set_text() and attributes, never markup,
 * so names with "<" or "&" are just text. Colour emoji would reach the PDF
 * as pictures, which break search and copy on their line, so the summary
 * asks for their text form (see _ladder_text_emoji_as_text()).
 *
 * Here: the type, its paper sizes and options, and writing the PDF to a
 * file. ladder-report-private.h says what each of its files does. */

#define G_LOG_DOMAIN "ladder-report"

#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ladder-profile.h"
#include "ladder-report.h"
#include "ladder-report-private.h"
#include "ladder-save.h"

G_DEFINE_QUARK (ladder-report-error-quark, ladder_report_error)

G_DEFINE_BOXED_TYPE (LadderReport, ladder_report, ladder_report_ref, ladder_report_unref)

/* Paper */

static gboolean
locale_uses_letter (const char *locale)
{
  /* The territory of "en_US.UTF-8", "fr_CA@euro". */
  const char *territory = locale != NULL ? strchr (locale, '_') : NULL;

  if (territory == NULL)
    return FALSE;

  return g_str_has_prefix (territory, "_US") || g_str_has_prefix (territory, "_CA");
}

/**
 * ladder_paper_size_get_default:
 *
 * The paper that %LADDER_PAPER_SIZE_DEFAULT stands for: the locale's
 * LC_PAPER where the C library knows it (glibc's `_NL_PAPER_WIDTH`),
 * otherwise US Letter in the United States and Canada and A4 elsewhere.
 * GTK's default paper size is found the same way, so the summary and the
 * print dialog agree.
 *
 * Returns: %LADDER_PAPER_SIZE_A4 or %LADDER_PAPER_SIZE_LETTER
 */
LadderPaperSize
ladder_paper_size_get_default (void)
{
#ifdef __GLIBC__
  /* nl_langinfo() returns these numbers (millimetres) in the pointer. */
  union { const char *string; unsigned int word; } width, height;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  height.string = nl_langinfo (_NL_PAPER_HEIGHT);
  if (width.word == 216 && height.word == 279)
    return LADDER_PAPER_SIZE_LETTER;
  if (width.word != 0 && height.word != 0)
    return LADDER_PAPER_SIZE_A4;
#endif

  return locale_uses_letter (setlocale (LC_MESSAGES, NULL)) ? LADDER_PAPER_SIZE_LETTER
                                                             : LADDER_PAPER_SIZE_A4;
}

/**
 * ladder_paper_size_get_size:
 * @paper: a #LadderPaperSize
 * @width: (out): the width in points
 * @height: (out): the height in points
 *
 * The size of @paper, upright, in points (1/72 inch).
 */
void
ladder_paper_size_get_size (LadderPaperSize  paper,
                            double          *width,
                            double          *height)
{
  g_return_if_fail (width != NULL && height != NULL);

  if (paper == LADDER_PAPER_SIZE_DEFAULT)
    paper = ladder_paper_size_get_default ();

  if (paper == LADDER_PAPER_SIZE_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 210.0 / 25.4 * 72.0;
      *height = 297.0 / 25.4 * 72.0;
    }
}

/**
 * ladder_paper_size_from_string:
 * @string: "a4", "letter" or "default", in any case
 * @paper: (out): the paper size
 *
 * Returns: %TRUE when @string names a paper size
 */
gboolean
ladder_paper_size_from_string (const char      *string,
                               LadderPaperSize *paper)
{
  g_return_val_if_fail (string != NULL, FALSE);
  g_return_val_if_fail (paper != NULL, FALSE);

  if (g_ascii_strcasecmp (string, "a4") == 0)
    *paper = LADDER_PAPER_SIZE_A4;
  else if (g_ascii_strcasecmp (string, "letter") == 0)
    *paper = LADDER_PAPER_SIZE_LETTER;
  else if (g_ascii_strcasecmp (string, "default") == 0)
    *paper = LADDER_PAPER_SIZE_DEFAULT;
  else
    return FALSE;

  return TRUE;
}

/**
 * ladder_report_options_init_for_meeting:
 * @options: the options to set
 *
 * Sets @options to what a 1:1 needs, leaving the paper, title and date
 * as they are: the behaviours someone rated or backed with evidence, the
 * evidence since the last check-in, and only the current and the target
 * level in the table. A meeting talks about what changed since the last
 * one, and about the level held and the one aimed at; the whole record,
 * every unrated behaviour and every level, made a ten-page summary of
 * nine ratings. The whole record is a zeroed #LadderReportOptions.
 */
void
ladder_report_options_init_for_meeting (LadderReportOptions *options)
{
  g_return_if_fail (options != NULL);

  options->since = NULL;
  options->rated_only = TRUE;
  options->since_last_checkin = TRUE;
  options->levels_in_play = TRUE;
}

/**
 * ladder_report_ref:
 * @report: a #LadderReport
 *
 * Returns: (transfer full): @report
 */
LadderReport *
ladder_report_ref (LadderReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  g_atomic_ref_count_inc (&report->ref_count);
  return report;
}

/**
 * ladder_report_unref:
 * @report: (transfer full): a #LadderReport
 *
 * Drops a reference; the last one frees the summary.
 */
void
ladder_report_unref (LadderReport *report)
{
  g_return_if_fail (report != NULL);

  if (!g_atomic_ref_count_dec (&report->ref_count))
    return;

  _ladder_report_release_layout (report);
  g_clear_pointer (&report->metrics, g_array_unref);
  g_clear_pointer (&report->tops, g_array_unref);
  g_clear_pointer (&report->placements, g_array_unref);
  g_clear_pointer (&report->pages, g_array_unref);
  g_clear_pointer (&report->blocks, g_ptr_array_unref);
  g_clear_pointer (&report->shared_text, g_string_chunk_free);
  if (report->text != NULL)
    g_string_free (report->text, TRUE);
  g_clear_pointer (&report->spans, g_array_unref);
  g_clear_pointer (&report->targets, g_ptr_array_unref);
  g_clear_pointer (&report->date_cache, g_hash_table_unref);
  g_clear_pointer (&report->date, g_date_time_unref);
  g_free (report->title);
  g_free (report->author);
  g_free (report->footer);
  g_free (report);
}

/**
 * ladder_report_get_title:
 * @report: a #LadderReport
 *
 * Returns: the document's title, also its PDF metadata title
 */
const char *
ladder_report_get_title (LadderReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return report->title;
}

gboolean
_ladder_report_write_file (LadderReport  *report,
                           GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  bytes = ladder_report_to_pdf (report, cancellable, error);
  if (bytes == NULL)
    return FALSE;

  /* Written as every file of Ladder is, so never half a PDF, and as every
   * export is: a summary holds a person's ratings and notes, so a new
   * one is its owner's alone until they choose to hand it over. */
  data = g_bytes_get_data (bytes, &length);

  return ladder_save_document (file, data, length, cancellable, error);
}

/**
 * ladder_report_write_pdf:
 * @profile: a #LadderProfile
 * @options: (nullable): what the summary covers, or %NULL for the defaults
 * @file: where to write the PDF
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes @profile's summary (see ladder_report_new()) to @file as PDF,
 * through g_file_replace_contents(): the file is either the whole old one
 * or the whole new one, never half a PDF, and no backup is left beside
 * it. An error names the file. Blocks: use
 * ladder_report_write_pdf_async() from a main loop.
 *
 * Returns: %TRUE when the file is written
 */
gboolean
ladder_report_write_pdf (LadderProfile              *profile,
                         const LadderReportOptions  *options,
                         GFile                      *file,
                         GCancellable               *cancellable,
                         GError                    **error)
{
  g_autoptr(LadderReport) report = NULL;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  report = ladder_report_new (profile, options);
  return _ladder_report_write_file (report, file, cancellable, error);
}

typedef struct
{
  LadderReport *report;
  GFile        *file;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *write = data;

  g_clear_pointer (&write->report, ladder_report_unref);
  g_clear_object (&write->file);
  g_free (write);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *write = task_data;
  GError *error = NULL;

  if (_ladder_report_write_file (write->report, write->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ladder_report_write_pdf_async:
 * @profile: a #LadderProfile
 * @options: (nullable): what the summary covers, or %NULL for the defaults
 * @file: where to write the PDF
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the PDF is written or could not be
 * @user_data: data for @callback
 *
 * ladder_report_write_pdf() without blocking: the profile is read now, on
 * the calling thread (a quick copy of its text), and the pages are laid
 * out, drawn and saved on a worker thread, so the profile may change
 * meanwhile. Finish with ladder_report_write_pdf_finish().
 */
void
ladder_report_write_pdf_async (LadderProfile              *profile,
                               const LadderReportOptions  *options,
                               GFile                      *file,
                               GCancellable               *cancellable,
                               GAsyncReadyCallback         callback,
                               gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *write;

  g_return_if_fail (LADDER_IS_PROFILE (profile));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (profile, cancellable, callback, user_data);
  g_task_set_source_tag (task, ladder_report_write_pdf_async);

  write = g_new0 (WriteData, 1);
  write->report = ladder_report_new (profile, options);
  write->file = g_object_ref (file);
  g_task_set_task_data (task, write, write_data_free);
  g_task_run_in_thread (task, write_thread);
}

/**
 * ladder_report_write_pdf_finish:
 * @profile: the profile given to ladder_report_write_pdf_async()
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the file is written
 */
gboolean
ladder_report_write_pdf_finish (LadderProfile  *profile,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, profile), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ladder_report_write_pdf_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
