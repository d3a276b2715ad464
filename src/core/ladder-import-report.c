/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The importer's report, LadderImportReport: the warnings (each with its
 * line), the format the input was read as, and the readings it was
 * weighed by with their scores; and the errors, which name the file and
 * the line. The entry points are in ladder-import.c. */

#define G_LOG_DOMAIN "ladder-import"

#include "config.h"

#include "ladder-import-private.h"

struct _LadderImportReport
{
  gatomicrefcount     ref_count;
  GArray             *warnings;
  LadderImportFormat  format;
  GPtrArray          *reading_descriptions;
  GArray             *reading_scores;
  guint               chosen_reading;
};

G_DEFINE_BOXED_TYPE (LadderImportReport, ladder_import_report,
                     ladder_import_report_ref, ladder_import_report_unref)

static void
clear_warning (gpointer data)
{
  LadderImportWarning *warning = data;

  g_clear_pointer (&warning->text, g_free);
  g_clear_pointer (&warning->message, g_free);
}

/**
 * ladder_import_report_new:
 *
 * Creates an empty report. The importers fill it with what they dropped or
 * doubted, each with its line.
 *
 * Returns: (transfer full): a new #LadderImportReport
 */
LadderImportReport *
ladder_import_report_new (void)
{
  LadderImportReport *report = g_new0 (LadderImportReport, 1);

  g_atomic_ref_count_init (&report->ref_count);
  report->warnings = g_array_new (FALSE, TRUE, sizeof (LadderImportWarning));
  g_array_set_clear_func (report->warnings, clear_warning);
  report->format = LADDER_IMPORT_FORMAT_AUTO;
  report->reading_descriptions = g_ptr_array_new_with_free_func (g_free);
  report->reading_scores = g_array_new (FALSE, FALSE, sizeof (guint));

  return report;
}

/**
 * ladder_import_report_ref:
 * @report: a #LadderImportReport
 *
 * Returns: (transfer full): @report, with one more reference
 */
LadderImportReport *
ladder_import_report_ref (LadderImportReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  g_atomic_ref_count_inc (&report->ref_count);

  return report;
}

/**
 * ladder_import_report_unref:
 * @report: (transfer full): a #LadderImportReport
 *
 * Drops one reference, freeing the report with the last one.
 */
void
ladder_import_report_unref (LadderImportReport *report)
{
  g_return_if_fail (report != NULL);

  if (g_atomic_ref_count_dec (&report->ref_count))
    {
      g_array_unref (report->warnings);
      g_ptr_array_unref (report->reading_descriptions);
      g_array_unref (report->reading_scores);
      g_free (report);
    }
}

/**
 * ladder_import_report_get_n_warnings:
 * @report: a #LadderImportReport
 *
 * Returns: how many warnings the import left
 */
guint
ladder_import_report_get_n_warnings (LadderImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->warnings->len;
}

/**
 * ladder_import_report_get_warning:
 * @report: a #LadderImportReport
 * @index: which warning, from 0, in the order of the lines
 *
 * Returns: (transfer none): the warning, owned by @report
 */
const LadderImportWarning *
ladder_import_report_get_warning (LadderImportReport *report,
                                  guint               index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->warnings->len, NULL);

  return &g_array_index (report->warnings, LadderImportWarning, index);
}

/**
 * ladder_import_report_add:
 * @report: a #LadderImportReport
 * @line: the 1-based line it is about, or 0 for the whole input
 * @text: (nullable): the dropped line as it was
 * @message: a translated sentence for a person
 *
 * Appends a warning.
 */
void
ladder_import_report_add (LadderImportReport *report,
                          guint               line,
                          const char         *text,
                          const char         *message)
{
  LadderImportWarning warning;

  g_return_if_fail (report != NULL);
  g_return_if_fail (message != NULL);

  warning.line = line;
  warning.text = g_strdup (text);
  warning.message = g_strdup (message);
  g_array_append_val (report->warnings, warning);
}

static gint
compare_warnings (gconstpointer a,
                  gconstpointer b)
{
  const LadderImportWarning *wa = a;
  const LadderImportWarning *wb = b;

  return wa->line < wb->line ? -1 : wa->line > wb->line;
}

/* The warnings in the order of the lines they name, however the reading
 * came upon them (g_array_sort() is stable: one line keeps its order). */
void
_ladder_import_report_sort_warnings (LadderImportReport *report)
{
  g_array_sort (report->warnings, compare_warnings);
}

/**
 * ladder_import_report_get_format:
 * @report: a #LadderImportReport
 *
 * Returns: the format the input was read as, after detection; AUTO when
 *   the input was refused before its format was known
 */
LadderImportFormat
ladder_import_report_get_format (LadderImportReport *report)
{
  g_return_val_if_fail (report != NULL, LADDER_IMPORT_FORMAT_AUTO);

  return report->format;
}

/**
 * ladder_import_report_get_n_readings:
 * @report: a #LadderImportReport
 *
 * The readings the importer weighed, best first: the ways the input's
 * tables could hold a framework. Inputs read one way only have none.
 *
 * Returns: how many readings there are
 */
guint
ladder_import_report_get_n_readings (LadderImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->reading_descriptions->len;
}

/**
 * ladder_import_report_get_reading:
 * @report: a #LadderImportReport
 * @index: from 0 to ladder_import_report_get_n_readings() - 1
 * @score: (out) (optional): how well it fits, from 0 to 100
 *
 * A reading in words, such as “Levels are the table’s columns; categories
 * are the headings above each table”. Import again with
 * #LadderImportOptions.reading set to @index + 1 to take it.
 *
 * Returns: (transfer none): the description, translated
 */
const char *
ladder_import_report_get_reading (LadderImportReport *report,
                                  guint               index,
                                  guint              *score)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->reading_descriptions->len, NULL);

  if (score != NULL)
    *score = g_array_index (report->reading_scores, guint, index);

  return g_ptr_array_index (report->reading_descriptions, index);
}

/**
 * ladder_import_report_get_chosen_reading:
 * @report: a #LadderImportReport
 *
 * Returns: the reading the framework was read with, 1-based; 0 when there
 *   were no readings to choose from
 */
guint
ladder_import_report_get_chosen_reading (LadderImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->chosen_reading;
}

void
_ladder_import_report_add_reading (LadderImportReport *report,
                                   const char         *description,
                                   guint               score)
{
  g_ptr_array_add (report->reading_descriptions, g_strdup (description));
  g_array_append_val (report->reading_scores, score);
}

void
_ladder_import_report_set_chosen_reading (LadderImportReport *report,
                                          guint               reading)
{
  report->chosen_reading = reading;
}

void
_ladder_import_report_set_format (LadderImportReport *report,
                                  LadderImportFormat  format)
{
  g_assert (report != NULL);

  report->format = format;
}

void
_ladder_import_warn (const LadderImportInput *input,
                     const LadderImportLine  *line,
                     const char              *message)
{
  g_assert (input != NULL);

  ladder_import_report_add (input->report,
                            line != NULL ? line->number : 0,
                            line != NULL ? line->text : NULL,
                            message);
}

void
_ladder_import_set_error (GError            **error,
                          LadderImportError   code,
                          const char         *filename,
                          guint               line,
                          guint               column,
                          const char         *format,
                          ...)
{
  g_autofree char *sentence = NULL;
  va_list args;

  va_start (args, format);
  sentence = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0 && column > 0)
    g_set_error (error, LADDER_IMPORT_ERROR, code, "%s:%u:%u: %s",
                 filename, line, column, sentence);
  else if (line > 0)
    g_set_error (error, LADDER_IMPORT_ERROR, code, "%s:%u: %s", filename, line, sentence);
  else
    g_set_error (error, LADDER_IMPORT_ERROR, code, "%s: %s", filename, sentence);
}
