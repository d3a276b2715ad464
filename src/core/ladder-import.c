/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ladder-format.h"
#include "ladder-format-private.h"
#include "ladder-import-outline-private.h"
#include "ladder-import-private.h"

/* The importer's entry points, its report, and what the four formats
 * share: input validation, the split into lines, the builder that turns
 * what a parser found into a LadderFramework, and text helpers.
 *
 * Everything here runs in time linear in the input: the parsers see each
 * line a bounded number of times, and the checks that look at a line's
 * words give up after a few words, so that 10 MB of one line costs no
 * more than reading it. */

G_DEFINE_QUARK (ladder-import-error-quark, ladder_import_error)

/* Report */

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
static void
sort_warnings (LadderImportReport *report)
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

/* Formats */

static const char * const format_names[] = {
  [LADDER_IMPORT_FORMAT_AUTO] = "auto",
  [LADDER_IMPORT_FORMAT_TEXT] = "text",
  [LADDER_IMPORT_FORMAT_MARKDOWN] = "markdown",
  [LADDER_IMPORT_FORMAT_PROGRESSION] = "progression",
  [LADDER_IMPORT_FORMAT_JSON] = "json",
  [LADDER_IMPORT_FORMAT_HTML] = "html",
  [LADDER_IMPORT_FORMAT_CSV] = "csv",
};

/**
 * ladder_import_format_to_string:
 * @format: a #LadderImportFormat
 *
 * Returns: the format's name as the command line spells it ("auto",
 *   "text", "markdown", "progression", "json", "html", "csv")
 */
const char *
ladder_import_format_to_string (LadderImportFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (format_names), NULL);

  return format_names[format];
}

/**
 * ladder_import_format_from_string:
 * @string: a format's name, in any case
 * @format: (out): where to store the format
 *
 * Returns: %TRUE if @string names a format
 */
gboolean
ladder_import_format_from_string (const char         *string,
                                  LadderImportFormat *format)
{
  g_return_val_if_fail (string != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    {
      if (g_ascii_strcasecmp (string, format_names[i]) == 0)
        {
          *format = (LadderImportFormat) i;
          return TRUE;
        }
    }

  if (g_ascii_strcasecmp (string, "md") == 0)
    {
      *format = LADDER_IMPORT_FORMAT_MARKDOWN;
      return TRUE;
    }
  if (g_ascii_strcasecmp (string, "txt") == 0)
    {
      *format = LADDER_IMPORT_FORMAT_TEXT;
      return TRUE;
    }

  return FALSE;
}

static gsize
skip_bom (const char *data,
          gsize       length)
{
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    return 3;

  return 0;
}

/* Whether the line [start, end) is "---", maybe with trailing blanks. */
static gboolean
is_front_matter_fence (const char *start,
                       const char *end)
{
  if (end - start < 3 || memcmp (start, "---", 3) != 0)
    return FALSE;
  for (const char *p = start + 3; p < end; p++)
    {
      if (*p != ' ' && *p != '\t' && *p != '\r')
        return FALSE;
    }

  return TRUE;
}

/**
 * ladder_import_detect_format:
 * @data: the input
 * @length: its length in bytes
 *
 * Guesses the format of @data: JSON when it starts with `{` (after a BOM
 * and blanks), HTML when it starts with `<!DOCTYPE html` or `<html`, a
 * progression framework when it opens with YAML front
 * matter that has `topics`, Markdown when it has front matter, `#`
 * headings or `- ` bullets at the start of a line, and text copied from a
 * web page otherwise. Reads the input once.
 *
 * Returns: the format, never %LADDER_IMPORT_FORMAT_AUTO
 */
LadderImportFormat
ladder_import_detect_format (const char *data,
                             gsize       length)
{
  const char *p;
  const char *end;
  gboolean in_front_matter = FALSE;
  gboolean had_front_matter = FALSE;
  gboolean first = TRUE;

  g_return_val_if_fail (data != NULL || length == 0, LADDER_IMPORT_FORMAT_TEXT);

  p = data + skip_bom (data, length);
  end = data + length;

  for (const char *q = p; q < end; q++)
    {
      if (*q == '{')
        return LADDER_IMPORT_FORMAT_JSON;
      /* A page saved from a browser. */
      if (*q == '<' && end - q >= 5 &&
          (g_ascii_strncasecmp (q, "<!doctype html", MIN (14, end - q)) == 0 ||
           g_ascii_strncasecmp (q, "<html", 5) == 0))
        return LADDER_IMPORT_FORMAT_HTML;
      if (!g_ascii_isspace (*q))
        break;
    }

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);

      if (eol == NULL)
        eol = end;

      if (first && is_front_matter_fence (p, eol))
        {
          in_front_matter = TRUE;
        }
      else if (in_front_matter)
        {
          if (is_front_matter_fence (p, eol) ||
              (eol - p >= 3 && memcmp (p, "...", 3) == 0))
            {
              in_front_matter = FALSE;
              had_front_matter = TRUE;
            }
          else if (eol - p >= 7 && memcmp (p, "topics:", 7) == 0)
            {
              return LADDER_IMPORT_FORMAT_PROGRESSION;
            }
        }
      else
        {
          gsize hashes = 0;

          while (p + hashes < eol && p[hashes] == '#')
            hashes++;
          if (hashes >= 1 && hashes <= 6 && p + hashes < eol && p[hashes] == ' ')
            return LADDER_IMPORT_FORMAT_MARKDOWN;
          if (eol - p >= 2 && p[0] == '-' && p[1] == ' ')
            return LADDER_IMPORT_FORMAT_MARKDOWN;
        }

      first = FALSE;
      p = eol + 1;
    }

  if (had_front_matter)
    return LADDER_IMPORT_FORMAT_MARKDOWN;

  return LADDER_IMPORT_FORMAT_TEXT;
}

/* Input */

/* Refuses what is not text: invalid UTF-8 and NUL bytes, with the line
 * and the column (in characters) of the first bad byte. */
static gboolean
validate_text (const char  *data,
               gsize        length,
               const char  *filename,
               GError     **error)
{
  const char *bad;
  const char *line_start = data;
  guint line = 1;

  if (g_utf8_validate_len (data, length, &bad))
    return TRUE;

  for (const char *p = data; p < bad; p++)
    {
      if (*p == '\n')
        {
          line++;
          line_start = p + 1;
        }
    }

  if (*bad == '\0')
    _ladder_import_set_error (error, LADDER_IMPORT_ERROR_INVALID, filename,
                              line, (guint) g_utf8_strlen (line_start, bad - line_start) + 1,
                              _("The file holds a NUL byte, so it is binary data, not text."));
  else
    _ladder_import_set_error (error, LADDER_IMPORT_ERROR_INVALID, filename,
                              line, (guint) g_utf8_strlen (line_start, bad - line_start) + 1,
                              _("The text is not valid UTF-8. Save it as UTF-8 and import "
                                "it again."));

  return FALSE;
}

/* Copies the input once and cuts it into lines in place: "\n", "\r\n"
 * and a lone "\r" each end a line. */
static char *
split_lines (const char *data,
             gsize       length,
             GArray     *lines)
{
  char *copy = g_malloc (length + 1);
  char *start = copy;
  guint number = 1;

  memcpy (copy, data, length);
  copy[length] = '\0';

  for (gsize i = 0; i <= length; i++)
    {
      char c = copy[i];

      if (i == length || c == '\n' || c == '\r')
        {
          LadderImportLine line;

          copy[i] = '\0';
          line.text = start;
          line.length = (copy + i) - start;
          line.number = number++;

          /* A last line without a line end is a line; an empty one after
           * the final line end is not. */
          if (i < length || line.length > 0)
            g_array_append_val (lines, line);

          if (c == '\r' && i + 1 < length && copy[i + 1] == '\n')
            i++;
          start = copy + i + 1;
        }
    }

  return copy;
}

static gboolean
is_blank (GArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const LadderImportLine *line = &g_array_index (lines, LadderImportLine, i);

      for (gsize j = 0; j < line->length; j++)
        {
          if (!g_ascii_isspace (line->text[j]))
            return FALSE;
        }
    }

  return TRUE;
}

static LadderFramework *
import_json (const char                *data,
             gsize                      length,
             const char                *filename,
             GError                   **error)
{
  g_autoptr(GError) local_error = NULL;
  LadderFramework *framework;

  framework = ladder_format_read_framework (data, length, filename, &local_error);
  if (framework == NULL)
    {
      /* Callers of the importer see one error domain. */
      gboolean too_large = g_error_matches (local_error, LADDER_FORMAT_ERROR,
                                            LADDER_FORMAT_ERROR_TOO_LARGE);

      g_set_error_literal (error, LADDER_IMPORT_ERROR,
                           too_large ? LADDER_IMPORT_ERROR_TOO_LARGE : LADDER_IMPORT_ERROR_INVALID,
                           local_error->message);
      return NULL;
    }

  return framework;
}

/* A spreadsheet's or a page's file name says what it holds better than
 * its first bytes do. */
static LadderImportFormat
format_from_filename (const char *filename)
{
  g_autofree char *folded = g_ascii_strdown (filename, -1);

  if (g_str_has_suffix (folded, ".csv") || g_str_has_suffix (folded, ".tsv"))
    return LADDER_IMPORT_FORMAT_CSV;
  if (g_str_has_suffix (folded, ".html") || g_str_has_suffix (folded, ".htm") ||
      g_str_has_suffix (folded, ".xhtml"))
    return LADDER_IMPORT_FORMAT_HTML;

  return LADDER_IMPORT_FORMAT_AUTO;
}

/* What a Markdown file's YAML front matter says of the framework. */
typedef struct
{
  char *name;
  char *organisation;
  char *description;
} FrontMatter;

static void
front_matter_clear (FrontMatter *front)
{
  g_free (front->name);
  g_free (front->organisation);
  g_free (front->description);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FrontMatter, front_matter_clear)

static char *
lookup_any (yaml_document_t    *document,
            yaml_node_t        *root,
            const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *value = _ladder_import_yaml_scalar (_ladder_import_yaml_lookup (document, root, keys[i]));

      if (value != NULL && value[0] != '\0')
        return g_strdup (value);
    }

  return NULL;
}

/* Markdown's YAML front matter is not Markdown: md4c would read its last
 * line as a heading. Returns a copy of @text with the front matter's lines
 * left blank, so that the outline's lines stay the text's, and reads what
 * it says into @front; or %NULL with @error set where it does not load. */
static char *
blank_front_matter (const LadderImportInput *input,
                    const char              *text,
                    gsize                    length,
                    LadderOutline           *outline,
                    FrontMatter             *front,
                    GError                 **error)
{
  static const char * const name_keys[] = { "title", "name", NULL };
  static const char * const organisation_keys[] = { "organisation", "organization", "company", NULL };
  static const char * const description_keys[] = { "description", NULL };
  g_autofree char *copy = g_strndup (text, length);
  yaml_document_t document;
  yaml_node_t *root;
  guint end;
  guint line = 0;

  if (!_ladder_import_find_front_matter (input, &end))
    return g_steal_pointer (&copy);

  for (gsize i = 0; i < length && line <= end; i++)
    {
      if (copy[i] == '\n')
        line++;
      else
        copy[i] = ' ';
    }

  if (!_ladder_import_load_yaml (input, end, &document, error))
    return NULL;

  root = yaml_document_get_root_node (&document);
  if (root != NULL && root->type == YAML_MAPPING_NODE)
    {
      front->name = lookup_any (&document, root, name_keys);
      front->organisation = lookup_any (&document, root, organisation_keys);
      front->description = lookup_any (&document, root, description_keys);
      _ladder_outline_set_title (outline, front->name);
    }
  yaml_document_delete (&document);

  return g_steal_pointer (&copy);
}

/* The name, organisation and description: the front matter's, else the
 * title above everything else and the paragraphs right under it, up to
 * the first heading, list or table. */
static void
read_preamble (LadderOutline       *outline,
               const FrontMatter   *front,
               LadderImportBuilder *builder)
{
  g_autoptr(GString) description = g_string_new (NULL);
  gboolean titled = FALSE;

  if (front->name != NULL)
    _ladder_import_builder_set_name (builder, front->name);
  if (front->organisation != NULL)
    _ladder_import_builder_set_organisation (builder, front->organisation);
  if (front->description != NULL)
    _ladder_import_builder_add_description (builder, front->description);

  for (guint i = 0; i < _ladder_outline_get_n_nodes (outline); i++)
    {
      const LadderOutlineNode *node = _ladder_outline_get_node (outline, i);

      if (node->kind == LADDER_OUTLINE_HEADING && !titled && i == 0 && node->depth == 1 &&
          !_ladder_import_is_level_name (node->text))
        {
          if (front->name == NULL)
            _ladder_import_builder_set_name (builder, node->text);
          titled = TRUE;
          continue;
        }
      /* A banner in the page's own HTML is not its description. */
      if (node->embedded)
        {
          if (node->kind == LADDER_OUTLINE_PARAGRAPH && node->text[0] != '\0')
            _ladder_import_builder_warn (builder, node->line, node->text,
                                         _("Dropped HTML: markup is not a behaviour."));
          continue;
        }
      /* A paragraph that a list follows ("… are expected to:") leads
       * into the list, and says nothing of the framework as a whole. */
      if (node->kind != LADDER_OUTLINE_PARAGRAPH || node->parent != G_MAXUINT ||
          node->label != NULL || g_str_has_suffix (node->text, ":"))
        break;
      if (node->text[0] == '\0')
        continue;
      if (description->len > 0)
        g_string_append (description, "\n\n");
      g_string_append (description, node->text);
    }

  if (description->len > 0 && front->description == NULL)
    _ladder_import_builder_add_description (builder, description->str);
}

/* A bullet that is only a link (a README's navigation, "see the
 * handbook") points at text elsewhere: it is not a behaviour. */
static void
drop_links (const LadderImportInput *input,
            LadderOutline           *outline)
{
  for (guint i = 0; i < _ladder_outline_get_n_nodes (outline); i++)
    {
      LadderOutlineNode *node = _ladder_outline_get_mutable (outline, i);

      if (node->kind != LADDER_OUTLINE_ITEM || !node->only_link || node->text[0] == '\0')
        continue;
      _ladder_import_warn (input, node->line >= 1 && node->line <= input->n_lines ? &input->lines[node->line - 1] : NULL,
                           _("Dropped a link: a link is not a behaviour."));
      node->text[0] = '\0';
    }
}

/* What the outline holds that no reading of headings and lists takes:
 * code, and the tables. */
static gboolean
has_warning_at (LadderImportReport *report,
                guint               line)
{
  for (guint i = 0; i < ladder_import_report_get_n_warnings (report); i++)
    if (ladder_import_report_get_warning (report, i)->line == line)
      return TRUE;

  return FALSE;
}

static const char *
source_line (const LadderImportInput *input,
             guint                    line)
{
  return line >= 1 && line <= input->n_lines ? input->lines[line - 1].text : NULL;
}

static void
warn_unread (const LadderImportInput   *input,
             LadderOutline             *outline,
             const LadderImportReading *reading,
             LadderImportBuilder       *builder)
{
  for (guint i = 0; i < _ladder_outline_get_n_code_blocks (outline); i++)
    _ladder_import_builder_warn (builder, _ladder_outline_get_code_block_line (outline, i),
                                 source_line (input, _ladder_outline_get_code_block_line (outline, i)),
                                 _("Dropped a code block."));

  if (reading->kind < LADDER_IMPORT_READING_HEADING_LABELS)
    return;
  for (guint i = 0, heading = G_MAXUINT; i < _ladder_outline_get_n_nodes (outline); i++)
    {
      const LadderOutlineNode *node = _ladder_outline_get_node (outline, i);

      if (node->kind == LADDER_OUTLINE_HEADING)
        heading = node->line;
      /* A table in a section left out goes with it, said once. */
      if (node->kind == LADDER_OUTLINE_TABLE && node->parent == G_MAXUINT &&
          (heading == G_MAXUINT || !has_warning_at (input->report, heading)))
        _ladder_import_builder_warn (builder, node->line, source_line (input, node->line),
                                     _("Dropped a table: this reading takes the headings and lists."));
    }
}

static gboolean
has_bullets (LadderOutline *outline)
{
  for (guint i = 0; i < _ladder_outline_get_n_nodes (outline); i++)
    {
      const LadderOutlineNode *node = _ladder_outline_get_node (outline, i);

      if (node->kind == LADDER_OUTLINE_ITEM && node->parent == G_MAXUINT && node->text[0] != '\0')
        return TRUE;
    }

  return FALSE;
}

/* A page that is only bullets: one level, and one category named after
 * the file, for the person to rename. */
static void
read_one_list (const LadderImportInput *input,
               LadderOutline           *outline,
               LadderImportBuilder     *builder)
{
  g_autofree char *base = g_path_get_basename (input->filename);
  char *dot = strrchr (base, '.');
  guint level;
  guint category;

  if (dot != NULL && dot != base)
    *dot = '\0';
  level = _ladder_import_builder_add_level (builder, "1", NULL);
  category = _ladder_import_builder_add_category (builder, base, NULL);
  for (guint i = 0; i < _ladder_outline_get_n_nodes (outline); i++)
    {
      const LadderOutlineNode *node = _ladder_outline_get_node (outline, i);
      LadderImportItem *behaviour;

      if (node->kind != LADDER_OUTLINE_ITEM || node->parent != G_MAXUINT || node->text[0] == '\0')
        continue;
      behaviour = _ladder_import_builder_add_behaviour (builder, level, category, NULL, node->text, node->line);
      for (guint e = i + 1; e < _ladder_outline_get_n_nodes (outline); e++)
        {
          const LadderOutlineNode *example = _ladder_outline_get_node (outline, e);

          if (example->kind != LADDER_OUTLINE_ITEM || example->parent == G_MAXUINT)
            break;
          if (example->parent == i)
            _ladder_import_item_add_example (behaviour, example->text);
        }
    }
}

static gint
compare_readings (gconstpointer a,
                  gconstpointer b)
{
  const LadderImportReading *ra = a;
  const LadderImportReading *rb = b;

  if (ra->score != rb->score)
    return ra->score > rb->score ? -1 : 1;
  /* Two readings as likely: the one that reads more of the page (the
   * main track, not a second one after it). */
  if (ra->n_filled != rb->n_filled)
    return ra->n_filled > rb->n_filled ? -1 : 1;

  return (gint) ra->kind - (gint) rb->kind;
}

/* The formats with a reader of their own: a progression framework's
 * YAML, and text copied from a web page. */
static LadderFramework *
read_own_format (const LadderImportInput   *input,
                 LadderImportFormat         format,
                 const LadderImportOptions *options,
                 GError                   **error)
{
  LadderImportBuilder *builder = _ladder_import_builder_new (input, options);
  LadderFramework *framework;

  if (format == LADDER_IMPORT_FORMAT_PROGRESSION)
    framework = _ladder_import_parse_progression (input, builder, error);
  else
    framework = _ladder_import_parse_text (input, builder, error);
  _ladder_import_builder_free (builder);

  return framework;
}

/* Every reading of the input, scored; the best (or the one asked for) is
 * read and the others are listed in the report. */
static LadderFramework *
import_lines (const LadderImportInput   *input,
              LadderImportFormat         format,
              const char                *text,
              gsize                      length,
              const LadderImportOptions *options,
              GError                   **error)
{
  g_autoptr(LadderOutline) outline = NULL;
  g_autoptr(GArray) readings = g_array_new (FALSE, TRUE, sizeof (LadderImportReading));
  g_autofree char *body = NULL;
  g_auto(FrontMatter) front = { NULL, };
  const LadderImportReading *chosen;
  LadderImportBuilder *builder;
  LadderFramework *framework;
  guint choice;

  if (format == LADDER_IMPORT_FORMAT_PROGRESSION || format == LADDER_IMPORT_FORMAT_TEXT)
    return read_own_format (input, format, options, error);

  outline = _ladder_outline_new ();
  if (format == LADDER_IMPORT_FORMAT_MARKDOWN)
    {
      body = blank_front_matter (input, text, length, outline, &front, error);
      if (body == NULL)
        return NULL;
      _ladder_outline_read_markdown (outline, body, length);
    }
  else if (format == LADDER_IMPORT_FORMAT_HTML)
    _ladder_outline_read_html (outline, text, length, 1, G_MAXUINT, 0, NULL);
  else
    _ladder_outline_read_csv (outline, text, length);
  drop_links (input, outline);

  _ladder_import_weigh_outline (outline, readings);
  g_array_sort (readings, compare_readings);
  if (readings->len == 0 && has_bullets (outline))
    {
      LadderImportReading reading = { .kind = LADDER_IMPORT_READING_ONE_LIST };

      g_array_append_val (readings, reading);
    }

  /* One reading, the usual one: nothing to choose from. */
  if (readings->len > 1 || format == LADDER_IMPORT_FORMAT_CSV)
    for (guint i = 0; i < readings->len; i++)
      {
        g_autofree char *description = _ladder_import_describe_reading (g_array_index (readings, LadderImportReading, i).kind);

        _ladder_import_report_add_reading (input->report, description,
                                           g_array_index (readings, LadderImportReading, i).score);
      }

  choice = options->reading;
  if (choice == 0 || choice > readings->len)
    choice = 1;
  if (readings->len > 1 || format == LADDER_IMPORT_FORMAT_CSV)
    _ladder_import_report_set_chosen_reading (input->report, readings->len > 0 ? choice : 0);

  if (readings->len == 0)
    {
      _ladder_import_set_error (error, LADDER_IMPORT_ERROR_EMPTY, input->filename, 0, 0,
                                _("No table was found that reads as levels and categories."));
      return NULL;
    }

  chosen = &g_array_index (readings, LadderImportReading, choice - 1);
  builder = _ladder_import_builder_new (input, options);
  read_preamble (outline, &front, builder);
  if (chosen->kind == LADDER_IMPORT_READING_ONE_LIST)
    read_one_list (input, outline, builder);
  else
    _ladder_import_read_with (outline, chosen, builder);
  warn_unread (input, outline, chosen, builder);
  framework = _ladder_import_builder_finish (builder, error);
  sort_warnings (input->report);
  _ladder_import_builder_free (builder);

  return framework;
}

/**
 * ladder_import_data:
 * @data: the input, not necessarily NUL-terminated
 * @length: its length in bytes
 * @filename: (nullable): names the input in the report and in errors
 * @options: (nullable): the format, and what overrides the text
 * @report: (out) (optional) (transfer full): the warnings, filled on
 *   success and on error alike
 * @error: return location for a #GError
 *
 * Turns a framework as companies publish it into a #LadderFramework: text
 * copied from a web page, Markdown, a progression-framework file or
 * Ladder's own JSON (see #LadderImportFormat). The input is only data: it
 * must be UTF-8 text of at most %LADDER_FORMAT_MAX_SIZE bytes; a BOM,
 * CRLF line ends and tabs are accepted. Lines that are not part of the
 * framework (breadcrumbs, template comments, sign-up footers, HTML, tables)
 * are dropped, each with a warning in @report.
 *
 * Behaviour ids are "LEVEL-CATEGORY-N", counted from 1 in each level and
 * category in reading order, so importing the same text again gives the
 * same ids.
 *
 * Returns: (transfer full): the framework, or %NULL with @error set
 */
LadderFramework *
ladder_import_data (const char                *data,
                    gsize                      length,
                    const char                *filename,
                    const LadderImportOptions *options,
                    LadderImportReport       **report,
                    GError                   **error)
{
  static const LadderImportOptions default_options = { 0 };
  g_autoptr(LadderImportReport) own_report = ladder_import_report_new ();
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autofree char *copy = NULL;
  LadderImportFormat format;
  LadderImportInput input;
  gsize bom;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (report != NULL)
    *report = ladder_import_report_ref (own_report);
  if (options == NULL)
    options = &default_options;
  if (filename == NULL)
    filename = _("(text)");
  if (data == NULL)
    data = "";

  if (length > LADDER_FORMAT_MAX_SIZE)
    {
      _ladder_import_set_error (error, LADDER_IMPORT_ERROR_TOO_LARGE, filename, 0, 0,
                                _("The file is larger than %u MiB, more than any framework needs."),
                                (guint) (LADDER_FORMAT_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }

  if (!validate_text (data, length, filename, error))
    return NULL;

  format = options->format;
  if (format == LADDER_IMPORT_FORMAT_AUTO)
    format = format_from_filename (filename);
  if (format == LADDER_IMPORT_FORMAT_AUTO)
    format = ladder_import_detect_format (data, length);
  _ladder_import_report_set_format (own_report, format);

  if (format == LADDER_IMPORT_FORMAT_JSON)
    {
      framework = import_json (data, length, filename, error);
      if (framework == NULL)
        return NULL;

      if (options->name != NULL)
        ladder_framework_set_name (framework, options->name);
      if (options->organisation != NULL)
        ladder_framework_set_organisation (framework, options->organisation);
      if (options->id != NULL)
        ladder_framework_set_id (framework, options->id);
      if (options->source != NULL)
        ladder_framework_set_source (framework, options->source);

      return g_steal_pointer (&framework);
    }

  bom = skip_bom (data, length);
  lines = g_array_new (FALSE, FALSE, sizeof (LadderImportLine));
  copy = split_lines (data + bom, length - bom, lines);

  if (is_blank (lines))
    {
      _ladder_import_set_error (error, LADDER_IMPORT_ERROR_EMPTY, filename, 0, 0,
                                _("The file is empty: there is no framework in it."));
      return NULL;
    }

  input.filename = filename;
  input.data = copy;
  input.length = length - bom;
  input.lines = (LadderImportLine *) (gpointer) lines->data;
  input.n_lines = lines->len;
  input.report = own_report;

  framework = import_lines (&input, format, data + bom, length - bom, options, error);

  return g_steal_pointer (&framework);
}

/**
 * ladder_import_text:
 * @text: NUL-terminated input
 * @options: (nullable): the format, and what overrides the text
 * @report: (out) (optional) (transfer full): the warnings
 * @error: return location for a #GError
 *
 * Like ladder_import_data(), for a string.
 *
 * Returns: (transfer full): the framework, or %NULL with @error set
 */
LadderFramework *
ladder_import_text (const char                *text,
                    const LadderImportOptions *options,
                    LadderImportReport       **report,
                    GError                   **error)
{
  g_return_val_if_fail (text != NULL, NULL);

  return ladder_import_data (text, strlen (text), NULL, options, report, error);
}

/**
 * ladder_import_file:
 * @file: the file to import
 * @options: (nullable): the format, and what overrides the text
 * @cancellable: (nullable): a #GCancellable
 * @report: (out) (optional) (transfer full): the warnings
 * @error: return location for a #GError
 *
 * Reads @file (at most %LADDER_FORMAT_MAX_SIZE bytes; directories and
 * special files are refused) and imports it with ladder_import_data(),
 * naming it by its path in messages. Blocks: call it from a worker thread
 * in the app.
 *
 * Returns: (transfer full): the framework, or %NULL with @error set
 */
LadderFramework *
ladder_import_file (GFile                     *file,
                    const LadderImportOptions *options,
                    GCancellable              *cancellable,
                    LadderImportReport       **report,
                    GError                   **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Refused before it is read: an empty report, as the contract says. */
  if (report != NULL)
    *report = ladder_import_report_new ();

  name = g_file_get_path (file);
  if (name == NULL)
    name = g_file_get_parse_name (file);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      _ladder_format_set_read_error (error, name, local_error);
      return NULL;
    }

  /* Following links, GIO only reports a link when it leads nowhere. */
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SYMBOLIC_LINK)
    {
      _ladder_import_set_error (error, LADDER_IMPORT_ERROR_INVALID, name, 0, 0,
                                _("This link leads to no file: what it names is missing, "
                                  "or it links back to itself."));
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      _ladder_import_set_error (error, LADDER_IMPORT_ERROR_INVALID, name, 0, 0,
                                _("This is not a regular file. Choose a text, Markdown or "
                                  "JSON file."));
      return NULL;
    }

  if (g_file_info_get_size (info) > LADDER_FORMAT_MAX_SIZE)
    {
      _ladder_import_set_error (error, LADDER_IMPORT_ERROR_TOO_LARGE, name, 0, 0,
                                _("The file is larger than %u MiB, more than any framework needs."),
                                (guint) (LADDER_FORMAT_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }

  /* Not g_file_load_contents(): it reads however much there is, and the
   * file may have grown since it was measured. This read stops at the
   * limit. */
  if (!ladder_format_load_contents (file, &contents, &length, cancellable, &local_error))
    {
      if (g_error_matches (local_error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_TOO_LARGE))
        _ladder_import_set_error (error, LADDER_IMPORT_ERROR_TOO_LARGE, name, 0, 0,
                                  _("The file is larger than %u MiB, more than any framework "
                                    "needs."),
                                  (guint) (LADDER_FORMAT_MAX_SIZE / (1024 * 1024)));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (report != NULL)
    g_clear_pointer (report, ladder_import_report_unref);

  return ladder_import_data (contents, length, name, options, report, error);
}

/* Text helpers */

static gboolean
is_space_at (const char *p,
             const char *end,
             gsize      *width)
{
  if (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\v' || *p == '\f'))
    {
      *width = 1;
      return TRUE;
    }
  /* No-break space and the zero-width space come with text from the web. */
  if (end - p >= 2 && (guchar) p[0] == 0xc2 && (guchar) p[1] == 0xa0)
    {
      *width = 2;
      return TRUE;
    }
  if (end - p >= 3 && (guchar) p[0] == 0xe2 && (guchar) p[1] == 0x80 &&
      ((guchar) p[2] == 0x8b || (guchar) p[2] == 0xaf || (guchar) p[2] == 0x89))
    {
      *width = 3;
      return TRUE;
    }

  return FALSE;
}

/* Collapses runs of white space into one space and trims both ends. */
char *
_ladder_import_collapse_space (const char *text,
                               gssize      length)
{
  const char *end;
  GString *out;
  gboolean pending = FALSE;

  if (text == NULL)
    return NULL;
  if (length < 0)
    length = strlen (text);

  end = text + length;
  out = g_string_sized_new (length);

  for (const char *p = text; p < end;)
    {
      gsize width;

      if (is_space_at (p, end, &width))
        {
          pending = out->len > 0;
          p += width;
          continue;
        }

      if (pending)
        g_string_append_c (out, ' ');
      pending = FALSE;
      g_string_append_c (out, *p);
      p++;
    }

  return g_string_free (out, FALSE);
}

/* "Communication & Feedback" → "communication-feedback". Letters with
 * accents lose them; anything else separates words. */
char *
_ladder_import_slugify (const char *text)
{
  g_autofree char *ascii = NULL;
  GString *slug;

  if (text == NULL)
    return g_strdup ("");

  ascii = g_str_to_ascii (text, "C");
  slug = g_string_sized_new (strlen (ascii));

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          g_string_append_c (slug, g_ascii_tolower (*p));
        }
      else if (*p == '\'')
        {
          /* "Engineer's" reads as one word. */
        }
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        {
          g_string_append_c (slug, '-');
        }
    }

  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  /* Ids stay readable. */
  if (slug->len > 64)
    {
      g_string_truncate (slug, 64);
      while (slug->len > 0 && slug->str[slug->len - 1] == '-')
        g_string_truncate (slug, slug->len - 1);
    }

  return g_string_free (slug, FALSE);
}

/* Pictographs and the code points that join or modify them. Deliberately
 * leaves out the geometric shapes (U+25A0–U+25FF) that serve as bullets. */
gboolean
_ladder_import_is_emoji (gunichar c)
{
  return (c >= 0x1f000 && c <= 0x1faff) ||
         (c >= 0x2600 && c <= 0x27bf) ||
         (c >= 0x2300 && c <= 0x23ff) ||
         (c >= 0x2b00 && c <= 0x2bff) ||
         (c >= 0xe0020 && c <= 0xe007f) ||
         c == 0x200d || c == 0xfe0f || c == 0xfe0e || c == 0x20e3 ||
         c == 0x3030 || c == 0x303d || c == 0x3297 || c == 0x3299 ||
         c == 0x2139 || c == 0x2934 || c == 0x2935;
}

static gboolean
is_emoji_base (gunichar c)
{
  return _ladder_import_is_emoji (c) &&
         c != 0x200d && c != 0xfe0f && c != 0xfe0e && c != 0x20e3 &&
         !(c >= 0xe0020 && c <= 0xe007f);
}

/* Splits "💬 Communication" or "Backend Engineering 🛠" into the emoji and
 * the words. Returns FALSE, setting nothing, when there is no emoji at
 * either end or nothing but emoji. */
gboolean
_ladder_import_split_emoji (const char  *text,
                            char       **emoji,
                            char       **rest)
{
  const char *p = text;
  const char *end;
  const char *q;
  gboolean any = FALSE;

  g_assert (text != NULL);

  end = text + strlen (text);

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);

      /* "🌐 🛠️ Full Stack": a run of emoji may have spaces inside. */
      if (c == ' ' && any && p + 1 < end && _ladder_import_is_emoji (g_utf8_get_char (p + 1)))
        {
          p++;
          continue;
        }
      if (!_ladder_import_is_emoji (c))
        break;
      any = any || is_emoji_base (c);
      p = g_utf8_next_char (p);
    }

  if (any && p > text)
    {
      g_autofree char *words = _ladder_import_collapse_space (p, end - p);

      if (words[0] == '\0')
        return FALSE;
      if (emoji != NULL)
        *emoji = _ladder_import_collapse_space (text, p - text);
      if (rest != NULL)
        *rest = g_steal_pointer (&words);
      return TRUE;
    }

  /* Trailing emoji, after a space. */
  q = end;
  any = FALSE;
  while (q > text)
    {
      const char *prev = g_utf8_find_prev_char (text, q);
      gunichar c;

      if (prev == NULL)
        break;
      c = g_utf8_get_char (prev);
      if (!_ladder_import_is_emoji (c))
        break;
      any = any || is_emoji_base (c);
      q = prev;
    }

  if (any && q < end && q > text && (q[-1] == ' ' || q[-1] == '\t'))
    {
      g_autofree char *words = _ladder_import_collapse_space (text, q - text);

      if (words[0] == '\0')
        return FALSE;
      if (emoji != NULL)
        *emoji = g_strndup (q, end - q);
      if (rest != NULL)
        *rest = g_steal_pointer (&words);
      return TRUE;
    }

  return FALSE;
}

/* A key under which two spellings of one heading meet: without emoji,
 * white space collapsed, a final colon dropped, case folded. */
char *
_ladder_import_casefold_key (const char *text)
{
  g_autofree char *words = NULL;
  g_autofree char *collapsed = NULL;
  gsize length;

  if (!_ladder_import_split_emoji (text, NULL, &words))
    words = g_strdup (text);

  collapsed = _ladder_import_collapse_space (words, -1);
  length = strlen (collapsed);
  while (length > 0 && collapsed[length - 1] == ':')
    collapsed[--length] = '\0';

  return g_utf8_casefold (collapsed, -1);
}

/* Counts words, giving up after @stop_after of them. */
guint
_ladder_import_count_words (const char *text,
                            guint       stop_after)
{
  guint words = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean space = (*p == ' ' || *p == '\t');

      if (!space && !in_word)
        {
          words++;
          if (words > stop_after)
            return words;
        }
      in_word = !space;
    }

  return words;
}

gboolean
_ladder_import_ends_sentence (const char *text)
{
  const char *end = text + strlen (text);
  const char *last;
  gunichar c;

  if (end == text)
    return FALSE;

  last = g_utf8_find_prev_char (text, end);
  c = g_utf8_get_char (last);

  return c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == ',' ||
         c == 0x2026 /* … */;
}

static gboolean
is_minor_word (const char *word,
               gsize       length)
{
  static const char * const minor[] = {
    "with", "from", "into", "onto", "over", "than", "upon", "within", "without",
  };

  if (length <= 3)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (minor); i++)
    {
      if (strlen (minor[i]) == length && strncmp (minor[i], word, length) == 0)
        return TRUE;
    }

  return FALSE;
}

/* A short line that reads like a heading: at most @max_words words, no
 * final punctuation, starting with a capital, and every longer word
 * capitalised ("Communication & Feedback", not "Credit decisioning"). */
gboolean
_ladder_import_is_title_like (const char *text,
                              guint       max_words)
{
  g_autofree char *words = NULL;
  const char *p;

  if (text == NULL || text[0] == '\0')
    return FALSE;
  if (_ladder_import_count_words (text, max_words) > max_words)
    return FALSE;
  if (_ladder_import_ends_sentence (text))
    return FALSE;

  if (!_ladder_import_split_emoji (text, NULL, &words))
    words = g_strdup (text);

  if (!g_unichar_isupper (g_utf8_get_char (words)) && !g_unichar_isdigit (g_utf8_get_char (words)))
    return FALSE;

  p = words;
  while (*p != '\0')
    {
      const char *start;
      gunichar c;

      while (*p == ' ')
        p++;
      start = p;
      while (*p != '\0' && *p != ' ')
        p++;
      if (p == start)
        break;

      c = g_utf8_get_char (start);
      if (g_unichar_islower (c) && !is_minor_word (start, p - start))
        return FALSE;
    }

  return TRUE;
}

static const char *
roman_to_arabic (const char *text,
                 gsize       length)
{
  static const char * const romans[] = {
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
  };
  static const char * const arabic[] = {
    "1", "2", "3", "4", "5", "6", "7", "8", "9", "10",
  };

  for (guint i = 0; i < G_N_ELEMENTS (romans); i++)
    {
      if (strlen (romans[i]) == length && g_ascii_strncasecmp (romans[i], text, length) == 0)
        return arabic[i];
    }

  return NULL;
}

/* "Level 3", "Level 3: Senior", "Level III", "L3", "Level 3 – Senior
 * Engineer": a level heading, with its number in @number. */
gboolean
_ladder_import_parse_level_cue (const char  *text,
                                char       **number)
{
  const char *p = text;
  const char *digits;
  const char *rest;
  g_autofree char *found = NULL;

  if (_ladder_import_count_words (text, 9) > 9)
    return FALSE;

  if (g_ascii_strncasecmp (p, "level", 5) == 0)
    {
      p += 5;
      while (*p == ' ' || *p == '-' || *p == '#')
        p++;
    }
  else if (p[0] == 'L' && g_ascii_isdigit (p[1]))
    {
      p += 1;
    }
  else
    {
      return FALSE;
    }

  digits = p;
  while (g_ascii_isdigit (*p) && p - digits < 3)
    p++;

  if (p > digits)
    {
      if (g_ascii_isdigit (*p))
        return FALSE;
      found = g_strndup (digits, p - digits);
      /* Leading zeros ("Level 01") name the same level. */
      while (found[0] == '0' && found[1] != '\0')
        memmove (found, found + 1, strlen (found));
    }
  else
    {
      const char *arabic;

      while (g_ascii_isalpha (*p))
        p++;
      arabic = roman_to_arabic (digits, p - digits);
      if (arabic == NULL)
        return FALSE;
      found = g_strdup (arabic);
    }

  rest = p;
  if (*rest != '\0' && *rest != ' ' && *rest != ':' && *rest != '.' && *rest != ')' &&
      *rest != '(' && *rest != '-' && *rest != '|' && *rest != ',' &&
      !g_str_has_prefix (rest, "\xe2\x80\x93") && !g_str_has_prefix (rest, "\xe2\x80\x94"))
    return FALSE;

  /* "Level 3 engineers are expected to…" is a sentence, not a heading. */
  if (*rest != '\0')
    {
      const char *after = rest;

      while (*after == ' ' || *after == ':' || *after == '.' || *after == '-' || *after == '|')
        after++;
      if (*after != '\0' && g_unichar_islower (g_utf8_get_char (after)))
        return FALSE;
      if (g_str_has_suffix (rest, ".") && strlen (rest) > 1)
        return FALSE;
    }

  if (number != NULL)
    *number = g_steal_pointer (&found);

  return TRUE;
}

/* "E.g. Built X" → "Built X"; NULL when there is no such prefix. */
const char *
_ladder_import_strip_example_prefix (const char *text)
{
  static const char * const prefixes[] = {
    "e.g.:", "e.g.,", "e.g.", "eg.:", "eg.", "eg:", "for example:", "for example,",
    "for instance,", "example:",
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize length = strlen (prefixes[i]);

      if (g_ascii_strncasecmp (text, prefixes[i], length) == 0 &&
          (text[length] == ' ' || text[length] == '\0'))
        {
          const char *p = text + length;

          while (*p == ' ')
            p++;
          return *p != '\0' ? p : NULL;
        }
    }

  return NULL;
}

static gboolean
is_quote_char (gunichar c,
               gboolean opening)
{
  if (c == '"' || c == 0x201c || c == 0x201d || c == 0x201e)
    return TRUE;
  if (opening)
    return c == 0x00ab || c == 0x2018;

  return c == 0x00bb || c == 0x2019;
}

/* “A line that is wholly a quotation” */
gboolean
_ladder_import_is_quoted (const char *text)
{
  const char *end = text + strlen (text);
  const char *last;

  if (g_utf8_strlen (text, MIN (end - text, 16)) < 3)
    return FALSE;
  if (!is_quote_char (g_utf8_get_char (text), TRUE))
    return FALSE;

  last = g_utf8_find_prev_char (text, end);
  /* A quotation may end its sentence after the closing mark. */
  if (last != NULL && (*last == '.' || *last == ','))
    last = g_utf8_find_prev_char (text, last);

  return last != NULL && last > text && is_quote_char (g_utf8_get_char (last), FALSE);
}

gboolean
_ladder_import_is_examples_heading (const char *text)
{
  static const char * const headings[] = {
    "examples", "example", "for example", "e.g.", "eg", "for instance",
    "examples include", "examples of this",
  };
  gsize length = strlen (text);

  if (length > 24)
    return FALSE;
  while (length > 0 && (text[length - 1] == ':' || text[length - 1] == ' '))
    length--;

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      if (strlen (headings[i]) == length && g_ascii_strncasecmp (text, headings[i], length) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_ascii_upper_letter_at (const char *text,
                          const char *p,
                          const char *end)
{
  if (p >= end || !g_ascii_isupper (*p))
    return FALSE;
  if (p > text && g_ascii_isalnum (p[-1]))
    return FALSE;
  if (p + 1 < end && g_ascii_isalnum (p[1]))
    return FALSE;

  return TRUE;
}

/* Finds "sub-levels, labelled A–E" (or "sublevels A-E", "sub-levels A to
 * E") and returns the letters. Looks at most a sentence past each
 * mention, so the scan stays linear. */
char **
_ladder_import_find_sublevels (const char *text)
{
  const char *p = text;

  if (text == NULL)
    return NULL;

  while ((p = strstr (p, "ub")) != NULL)
    {
      const char *start = p;
      const char *q;
      const char *limit;

      p += 2;
      if (start == text || g_ascii_tolower (start[-1]) != 's')
        continue;
      if (start - 1 > text && g_ascii_isalpha (start[-2]))
        continue;

      q = p;
      if (*q == '-' || *q == ' ')
        q++;
      if (g_ascii_strncasecmp (q, "level", 5) != 0)
        continue;
      q += 5;

      limit = q;
      while (*limit != '\0' && *limit != '\n' && limit - q < 200 &&
             !(*limit == '.' && (limit[1] == ' ' || limit[1] == '\0' || limit[1] == '\n')))
        limit++;

      for (const char *r = q; r < limit; r++)
        {
          const char *s;
          char first;
          char last;

          if (!is_ascii_upper_letter_at (text, r, limit))
            continue;

          first = *r;
          s = r + 1;
          while (*s == ' ')
            s++;
          if (g_str_has_prefix (s, "\xe2\x80\x93") || g_str_has_prefix (s, "\xe2\x80\x94"))
            s += 3;
          else if (*s == '-')
            s += 1;
          else if (g_ascii_strncasecmp (s, "to ", 3) == 0)
            s += 3;
          else
            continue;
          while (*s == ' ')
            s++;

          if (!is_ascii_upper_letter_at (text, s, limit))
            continue;
          last = *s;
          if (last > first)
            {
              GStrvBuilder *letters = g_strv_builder_new ();
              char **result;

              for (char c = first; c <= last; c++)
                {
                  char letter[2] = { c, '\0' };

                  g_strv_builder_add (letters, letter);
                }
              result = g_strv_builder_end (letters);
              g_strv_builder_unref (letters);
              return result;
            }
        }
    }

  return NULL;
}

/* Builder */

typedef struct
{
  char *id;
  char *name;
  char *summary;
} BuilderLevel;

typedef struct
{
  char *key;
  char *name;
  char *emoji;
  char *description;
} BuilderCategory;

typedef struct
{
  guint      level;
  guint      category;
  GString   *summary;
  GPtrArray *examples;
} BuilderCell;

struct _LadderImportBuilder
{
  const LadderImportInput   *input;
  const LadderImportOptions *options;
  char                      *name;
  char                      *organisation;
  GString                   *description;
  char                     **sublevels;
  GPtrArray                 *levels;
  GHashTable                *level_index;
  GPtrArray                 *categories;
  GHashTable                *category_index;
  GPtrArray                 *items;
  GPtrArray                 *cells;
  GHashTable                *cell_index;
};

static void
builder_level_free (gpointer data)
{
  BuilderLevel *level = data;

  g_free (level->id);
  g_free (level->name);
  g_free (level->summary);
  g_free (level);
}

static void
builder_category_free (gpointer data)
{
  BuilderCategory *category = data;

  g_free (category->key);
  g_free (category->name);
  g_free (category->emoji);
  g_free (category->description);
  g_free (category);
}

static void
builder_item_free (gpointer data)
{
  LadderImportItem *item = data;

  g_free (item->section);
  g_free (item->text);
  g_clear_pointer (&item->examples, g_ptr_array_unref);
  g_free (item);
}

static void
builder_cell_free (gpointer data)
{
  BuilderCell *cell = data;

  g_string_free (cell->summary, TRUE);
  g_ptr_array_unref (cell->examples);
  g_free (cell);
}

LadderImportBuilder *
_ladder_import_builder_new (const LadderImportInput   *input,
                            const LadderImportOptions *options)
{
  LadderImportBuilder *builder = g_new0 (LadderImportBuilder, 1);

  builder->input = input;
  builder->options = options;
  builder->description = g_string_new (NULL);
  builder->levels = g_ptr_array_new_with_free_func (builder_level_free);
  builder->level_index = g_hash_table_new (g_str_hash, g_str_equal);
  builder->categories = g_ptr_array_new_with_free_func (builder_category_free);
  builder->category_index = g_hash_table_new (g_str_hash, g_str_equal);
  builder->items = g_ptr_array_new_with_free_func (builder_item_free);
  builder->cells = g_ptr_array_new_with_free_func (builder_cell_free);
  builder->cell_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return builder;
}

void
_ladder_import_builder_free (LadderImportBuilder *builder)
{
  if (builder == NULL)
    return;

  g_free (builder->name);
  g_free (builder->organisation);
  g_string_free (builder->description, TRUE);
  g_strfreev (builder->sublevels);
  g_hash_table_unref (builder->level_index);
  g_ptr_array_unref (builder->levels);
  g_hash_table_unref (builder->category_index);
  g_ptr_array_unref (builder->categories);
  g_ptr_array_unref (builder->items);
  g_hash_table_unref (builder->cell_index);
  g_ptr_array_unref (builder->cells);
  g_free (builder);
}

void
_ladder_import_builder_set_name (LadderImportBuilder *builder,
                                 const char          *name)
{
  g_autofree char *words = NULL;

  g_assert (builder != NULL);

  /* "Backend Engineering 🛠": the emoji is decoration. */
  if (name != NULL && _ladder_import_split_emoji (name, NULL, &words))
    name = words;

  g_free (builder->name);
  builder->name = _ladder_import_collapse_space (name, -1);
}

const char *
_ladder_import_builder_get_name (LadderImportBuilder *builder)
{
  g_assert (builder != NULL);

  return builder->name;
}

void
_ladder_import_builder_set_organisation (LadderImportBuilder *builder,
                                         const char          *organisation)
{
  g_assert (builder != NULL);

  g_free (builder->organisation);
  builder->organisation = _ladder_import_collapse_space (organisation, -1);
}

/* Appends a paragraph; paragraphs are separated by a blank line. */
void
_ladder_import_builder_add_description (LadderImportBuilder *builder,
                                        const char          *paragraph)
{
  g_assert (builder != NULL);

  if (paragraph == NULL || paragraph[0] == '\0')
    return;
  if (builder->description->len > 0)
    g_string_append (builder->description, "\n\n");
  g_string_append (builder->description, paragraph);
}

void
_ladder_import_builder_set_sublevels (LadderImportBuilder *builder,
                                      const char * const  *sublevels)
{
  g_assert (builder != NULL);

  g_strfreev (builder->sublevels);
  builder->sublevels = g_strdupv ((char **) sublevels);
}

/* Adds a level, or finds the one with this id. @id may be NULL: the
 * level's id is then its number where the name is a level cue ("Level 2",
 * "L2": "2", as every importer numbers levels), else made from its name. */
guint
_ladder_import_builder_add_level (LadderImportBuilder *builder,
                                  const char          *id,
                                  const char          *name)
{
  g_autofree char *slug = NULL;
  BuilderLevel *level;
  gpointer found;

  g_assert (builder != NULL);
  g_assert (id != NULL || name != NULL);

  if (id == NULL && _ladder_import_parse_level_cue (name, &slug))
    id = slug;
  if (id == NULL)
    {
      slug = _ladder_import_slugify (name);
      if (slug[0] == '\0')
        {
          g_free (slug);
          slug = g_strdup_printf ("%u", builder->levels->len + 1);
        }
      id = slug;
    }

  found = g_hash_table_lookup (builder->level_index, id);
  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  level = g_new0 (BuilderLevel, 1);
  level->id = g_strdup (id);
  level->name = name != NULL ? _ladder_import_collapse_space (name, -1)
                             : g_strdup_printf (_("Level %s"), id);
  g_ptr_array_add (builder->levels, level);
  g_hash_table_insert (builder->level_index, level->id, GUINT_TO_POINTER (builder->levels->len));

  return builder->levels->len - 1;
}

guint
_ladder_import_builder_find_level (LadderImportBuilder *builder,
                                   const char          *id)
{
  gpointer found;

  g_assert (builder != NULL);

  found = g_hash_table_lookup (builder->level_index, id);

  return found != NULL ? GPOINTER_TO_UINT (found) - 1 : LADDER_IMPORT_NONE;
}

guint
_ladder_import_builder_get_n_levels (LadderImportBuilder *builder)
{
  g_assert (builder != NULL);

  return builder->levels->len;
}

void
_ladder_import_builder_set_level_summary (LadderImportBuilder *builder,
                                          guint                level,
                                          const char          *summary)
{
  BuilderLevel *found;

  g_assert (builder != NULL);
  g_assert (level < builder->levels->len);

  found = g_ptr_array_index (builder->levels, level);
  if (found->summary == NULL)
    {
      found->summary = g_strdup (summary);
    }
  else
    {
      char *joined = g_strconcat (found->summary, "\n\n", summary, NULL);

      g_free (found->summary);
      found->summary = joined;
    }
}

/* Adds a category, or finds the one with the same name (emoji and case
 * aside). @name may carry its emoji; @emoji, when given, wins. */
guint
_ladder_import_builder_add_category (LadderImportBuilder *builder,
                                     const char          *name,
                                     const char          *emoji)
{
  g_autofree char *split_emoji = NULL;
  g_autofree char *words = NULL;
  g_autofree char *key = NULL;
  BuilderCategory *category;
  gpointer found;

  g_assert (builder != NULL);
  g_assert (name != NULL);

  if (_ladder_import_split_emoji (name, &split_emoji, &words))
    name = words;
  if (emoji == NULL)
    emoji = split_emoji;

  key = _ladder_import_casefold_key (name);
  found = g_hash_table_lookup (builder->category_index, key);
  if (found != NULL)
    {
      category = g_ptr_array_index (builder->categories, GPOINTER_TO_UINT (found) - 1);
      if (category->emoji == NULL && emoji != NULL)
        category->emoji = g_strdup (emoji);
      return GPOINTER_TO_UINT (found) - 1;
    }

  category = g_new0 (BuilderCategory, 1);
  category->key = g_steal_pointer (&key);
  category->name = _ladder_import_collapse_space (name, -1);
  /* Trailing colons belong to the sentence, not the name. */
  while (g_str_has_suffix (category->name, ":"))
    category->name[strlen (category->name) - 1] = '\0';
  category->emoji = g_strdup (emoji);
  g_ptr_array_add (builder->categories, category);
  g_hash_table_insert (builder->category_index, category->key,
                       GUINT_TO_POINTER (builder->categories->len));

  return builder->categories->len - 1;
}

guint
_ladder_import_builder_find_category (LadderImportBuilder *builder,
                                      const char          *name)
{
  g_autofree char *key = NULL;
  gpointer found;

  g_assert (builder != NULL);

  key = _ladder_import_casefold_key (name);
  found = g_hash_table_lookup (builder->category_index, key);

  return found != NULL ? GPOINTER_TO_UINT (found) - 1 : LADDER_IMPORT_NONE;
}

void
_ladder_import_builder_set_category_description (LadderImportBuilder *builder,
                                                 guint                category,
                                                 const char          *description)
{
  BuilderCategory *found;

  g_assert (builder != NULL);
  g_assert (category < builder->categories->len);

  found = g_ptr_array_index (builder->categories, category);
  if (found->description == NULL)
    {
      found->description = g_strdup (description);
    }
  else
    {
      char *joined = g_strconcat (found->description, "\n\n", description, NULL);

      g_free (found->description);
      found->description = joined;
    }
}

LadderImportItem *
_ladder_import_builder_add_behaviour (LadderImportBuilder *builder,
                                      guint                level,
                                      guint                category,
                                      const char          *section,
                                      const char          *text,
                                      guint                line)
{
  LadderImportItem *item;

  g_assert (builder != NULL);
  g_assert (level < builder->levels->len);
  g_assert (category == LADDER_IMPORT_NONE || category < builder->categories->len);
  g_assert (text != NULL);

  item = g_new0 (LadderImportItem, 1);
  item->level = level;
  item->category = category;
  item->section = g_strdup (section);
  item->text = g_strdup (text);
  item->line = line;
  g_ptr_array_add (builder->items, item);

  return item;
}

void
_ladder_import_item_add_example (LadderImportItem *item,
                                 const char       *example)
{
  const char *stripped;

  g_assert (item != NULL);

  if (example == NULL || example[0] == '\0')
    return;
  /* "For example, a change …" under a behaviour: the list says so. */
  stripped = _ladder_import_strip_example_prefix (example);
  if (stripped != NULL)
    example = stripped;
  if (item->examples == NULL)
    item->examples = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (item->examples, g_strdup (example));
}

guint
_ladder_import_builder_get_n_behaviours (LadderImportBuilder *builder)
{
  g_assert (builder != NULL);

  return builder->items->len;
}

static BuilderCell *
builder_get_cell (LadderImportBuilder *builder,
                  guint                level,
                  guint                category)
{
  g_autofree char *key = g_strdup_printf ("%u:%u", level, category);
  BuilderCell *cell;
  gpointer found;

  g_assert (level < builder->levels->len);

  found = g_hash_table_lookup (builder->cell_index, key);
  if (found != NULL)
    return g_ptr_array_index (builder->cells, GPOINTER_TO_UINT (found) - 1);

  cell = g_new0 (BuilderCell, 1);
  cell->level = level;
  cell->category = category;
  cell->summary = g_string_new (NULL);
  cell->examples = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (builder->cells, cell);
  g_hash_table_insert (builder->cell_index, g_steal_pointer (&key),
                       GUINT_TO_POINTER (builder->cells->len));

  return cell;
}

void
_ladder_import_builder_add_cell_summary (LadderImportBuilder *builder,
                                         guint                level,
                                         guint                category,
                                         const char          *summary)
{
  BuilderCell *cell = builder_get_cell (builder, level, category);

  if (cell->summary->len > 0)
    g_string_append (cell->summary, "\n\n");
  g_string_append (cell->summary, summary);
}

void
_ladder_import_builder_add_cell_example (LadderImportBuilder *builder,
                                         guint                level,
                                         guint                category,
                                         const char          *example)
{
  BuilderCell *cell = builder_get_cell (builder, level, category);

  g_ptr_array_add (cell->examples, g_strdup (example));
}

/* "medium-foundations.txt" → "Medium foundations" */
static char *
name_from_filename (const char *filename)
{
  g_autofree char *base = g_path_get_basename (filename);
  char *dot = strrchr (base, '.');
  char *name;

  if (dot != NULL && dot != base)
    *dot = '\0';
  g_strdelimit (base, "-_", ' ');
  name = _ladder_import_collapse_space (base, -1);
  if (name[0] != '\0' && g_ascii_islower (name[0]))
    name[0] = g_ascii_toupper (name[0]);

  return name;
}

/* Makes an id unique among @taken by appending "-2", "-3"… */
static char *
unique_id (GHashTable *taken,
           const char *wanted)
{
  char *id = g_strdup (wanted);

  for (guint n = 2; g_hash_table_contains (taken, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", wanted, n);
    }
  g_hash_table_add (taken, id);

  return id;
}

static char **
ptr_array_to_strv (GPtrArray *array)
{
  char **strv = g_new0 (char *, (array != NULL ? array->len : 0) + 1);

  for (guint i = 0; array != NULL && i < array->len; i++)
    strv[i] = g_strdup (g_ptr_array_index (array, i));

  return strv;
}

/* "Senior Backend Engineers at GitLab are expected …", "engineers at
 * Dummy Co.": the capitalised words after "<role>s at", up to four. The
 * first such phrase in the text names the organisation. */
static char *
find_organisation (const LadderImportInput *input)
{
  static const char * const roles[] = {
    "engineers at ", "engineer at ", "developers at ", "developer at ",
    "managers at ", "designers at ", "scientists at ", "ladder used at ", "framework used at ",
  };

  for (guint i = 0; i < input->n_lines; i++)
    {
      const char *text = input->lines[i].text;

      for (gsize r = 0; r < G_N_ELEMENTS (roles); r++)
        {
          const char *found = strstr (text, roles[r]);
          g_autoptr(GString) name = NULL;
          const char *p;

          if (found == NULL)
            {
              /* "Engineers at" opens a sentence too. */
              g_autofree char *capital = g_strdup (roles[r]);

              capital[0] = g_ascii_toupper (capital[0]);
              found = strstr (text, capital);
            }
          if (found == NULL)
            continue;

          name = g_string_new (NULL);
          p = found + strlen (roles[r]);
          for (guint words = 0; words < 4 && g_ascii_isupper (*p); words++)
            {
              const char *end = p;

              while (*end != '\0' && *end != ' ' && *end != ',' && *end != ';' &&
                     *end != ':' && *end != ')' && *end != '.' && *end != '"')
                end++;
              /* "Co." keeps its point; a sentence's end does not. */
              if (*end == '.' && end - p <= 3 && (end[1] == ' ' || end[1] == '\0') &&
                  g_ascii_strncasecmp (p, "co", end - p) == 0)
                end++;
              if (name->len > 0)
                g_string_append_c (name, ' ');
              g_string_append_len (name, p, end - p);
              p = end;
              if (*p != ' ' || end[-1] == '.')
                break;
              p++;
            }
          if (name->len > 0)
            {
              /* A full stop after "Co" that ends the sentence too. */
              if (g_str_has_suffix (name->str, "Co."))
                g_string_truncate (name, name->len - 1);
              return g_string_free (g_steal_pointer (&name), FALSE);
            }
        }
    }

  /* A saved page's title: "<title>Dropbox Engineering Career Framework". */
  for (guint i = 0; i < input->n_lines; i++)
    {
      const char *found = strstr (input->lines[i].text, "<title>");
      g_auto(GStrv) words = NULL;
      g_autoptr(GString) name = NULL;

      if (found == NULL)
        continue;
      words = g_strsplit (found + strlen ("<title>"), " ", 8);
      name = g_string_new (NULL);
      for (guint w = 0; words[w] != NULL && words[w + 1] != NULL && g_ascii_isupper (words[w][0]); w++)
        {
          if (name->len > 0 &&
              (g_str_equal (words[w], "Engineering") || g_str_equal (words[w], "Career") ||
               g_str_equal (words[w], "Careers")))
            return g_string_free (g_steal_pointer (&name), FALSE);
          if (name->len > 0)
            g_string_append_c (name, ' ');
          g_string_append (name, words[w]);
        }
      break;
    }

  return NULL;
}

/* A warning about a part of the input a reading leaves out, for the
 * readings of the outline, which have no lines of their own. */
void
_ladder_import_builder_warn (LadderImportBuilder *builder,
                             guint                line,
                             const char          *text,
                             const char          *message)
{
  ladder_import_report_add (builder->input->report, line, text, message);
}

LadderFramework *
_ladder_import_builder_finish (LadderImportBuilder  *builder,
                               GError              **error)
{
  const LadderImportOptions *options;
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(GHashTable) taken_categories = NULL;
  g_autoptr(GHashTable) taken_behaviours = NULL;
  g_autoptr(GHashTable) counters = NULL;
  g_autoptr(GPtrArray) category_ids = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;
  const char *implicit_id = NULL;
  const char *organisation;
  gboolean needs_implicit = FALSE;
  gboolean added;

  g_assert (builder != NULL);

  options = builder->options;

  if (builder->items->len == 0)
    {
      _ladder_import_set_error (error, LADDER_IMPORT_ERROR_EMPTY, builder->input->filename, 0, 0,
                                _("No behaviours were found. A framework needs levels or "
                                  "categories with behaviours under them, one to a line or "
                                  "a bullet."));
      return NULL;
    }

  if (options->name != NULL && options->name[0] != '\0')
    name = g_strdup (options->name);
  else if (builder->name != NULL && builder->name[0] != '\0')
    name = g_strdup (builder->name);
  else if (builder->input->filename != NULL)
    name = name_from_filename (builder->input->filename);
  if (name == NULL || name[0] == '\0')
    {
      g_free (name);
      name = g_strdup (_("Imported Framework"));
    }

  if (options->organisation == NULL && builder->organisation == NULL)
    builder->organisation = find_organisation (builder->input);
  organisation = options->organisation != NULL ? options->organisation : builder->organisation;

  if (options->id != NULL && options->id[0] != '\0')
    {
      id = g_strdup (options->id);
    }
  else
    {
      g_autofree char *both = g_strjoin (" ", organisation != NULL ? organisation : "", name, NULL);

      id = _ladder_import_slugify (both);
      if (id[0] == '\0')
        {
          g_free (id);
          id = g_strdup ("framework");
        }
    }

  framework = ladder_framework_new (id, name);
  if (organisation != NULL && organisation[0] != '\0')
    ladder_framework_set_organisation (framework, organisation);
  if (builder->description->len > 0)
    ladder_framework_set_description (framework, builder->description->str);
  if (options->source != NULL)
    ladder_framework_set_source (framework, options->source);

  if (builder->sublevels == NULL && builder->description->len > 0)
    builder->sublevels = _ladder_import_find_sublevels (builder->description->str);
  if (builder->sublevels != NULL)
    ladder_framework_set_sublevels (framework, (const char * const *) builder->sublevels);

  /* The builder makes every id unique and adds each level and category
   * before what refers to it, so no add below can fail. */
  for (guint i = 0; i < builder->levels->len; i++)
    {
      BuilderLevel *level = g_ptr_array_index (builder->levels, i);
      g_autoptr(LadderLevel) object = ladder_level_new (level->id, level->name, level->summary);

      added = ladder_framework_add_level (framework, object);
      g_warn_if_fail (added);
    }

  for (guint i = 0; i < builder->items->len && !needs_implicit; i++)
    {
      LadderImportItem *item = g_ptr_array_index (builder->items, i);

      needs_implicit = item->category == LADDER_IMPORT_NONE;
    }
  for (guint i = 0; i < builder->cells->len && !needs_implicit; i++)
    {
      BuilderCell *cell = g_ptr_array_index (builder->cells, i);

      needs_implicit = cell->category == LADDER_IMPORT_NONE;
    }

  /* A page with no category headings is one track, named after the
   * framework (Medium's "Foundations"). It comes first: its behaviours
   * came before any category heading. */
  taken_categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (needs_implicit)
    {
      g_autofree char *slug = _ladder_import_slugify (name);
      g_autoptr(LadderCategory) object = NULL;

      implicit_id = unique_id (taken_categories, slug[0] != '\0' ? slug : "general");
      object = ladder_category_new (implicit_id, name, NULL, NULL);
      added = ladder_framework_add_category (framework, object);
      g_warn_if_fail (added);
    }

  category_ids = g_ptr_array_new ();
  for (guint i = 0; i < builder->categories->len; i++)
    {
      BuilderCategory *category = g_ptr_array_index (builder->categories, i);
      g_autofree char *slug = _ladder_import_slugify (category->name);
      g_autoptr(LadderCategory) object = NULL;
      char *category_id;

      if (slug[0] == '\0')
        {
          g_free (slug);
          slug = g_strdup_printf ("category-%u", i + 1);
        }
      category_id = unique_id (taken_categories, slug);
      g_ptr_array_add (category_ids, category_id);
      object = ladder_category_new (category_id, category->name, category->emoji,
                                    category->description);
      added = ladder_framework_add_category (framework, object);
      g_warn_if_fail (added);
    }

  for (guint i = 0; i < builder->cells->len; i++)
    {
      BuilderCell *cell = g_ptr_array_index (builder->cells, i);
      BuilderLevel *level = g_ptr_array_index (builder->levels, cell->level);
      const char *category_id;
      g_autoptr(LadderCell) object = NULL;
      g_auto(GStrv) examples = NULL;

      if (cell->summary->len == 0 && cell->examples->len == 0)
        continue;

      if (cell->category == LADDER_IMPORT_NONE)
        category_id = implicit_id;
      else
        category_id = g_ptr_array_index (category_ids, cell->category);
      object = ladder_cell_new (level->id, category_id,
                                cell->summary->len > 0 ? cell->summary->str : NULL);
      examples = ptr_array_to_strv (cell->examples);
      ladder_cell_set_examples (object, (const char * const *) examples);
      added = ladder_framework_add_cell (framework, object);
      g_warn_if_fail (added);
    }

  taken_behaviours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < builder->items->len; i++)
    {
      LadderImportItem *item = g_ptr_array_index (builder->items, i);
      BuilderLevel *level = g_ptr_array_index (builder->levels, item->level);
      const char *category_id;
      g_autofree char *counter_key = NULL;
      g_autofree char *wanted = NULL;
      g_autoptr(LadderBehaviour) object = NULL;
      guint n;

      if (item->category == LADDER_IMPORT_NONE)
        category_id = implicit_id;
      else
        category_id = g_ptr_array_index (category_ids, item->category);
      counter_key = g_strdup_printf ("%s\x1f%s", level->id, category_id);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counters, counter_key)) + 1;
      g_hash_table_insert (counters, g_steal_pointer (&counter_key), GUINT_TO_POINTER (n));

      wanted = g_strdup_printf ("%s-%s-%u", level->id, category_id, n);
      /* Unique by construction, unless a level id and a category id run
       * into each other ("1-a" + "b" and "1" + "a-b"). */
      object = ladder_behaviour_new (unique_id (taken_behaviours, wanted),
                                     level->id, category_id, item->section, item->text);
      if (item->examples != NULL && item->examples->len > 0)
        {
          g_auto(GStrv) examples = ptr_array_to_strv (item->examples);

          ladder_behaviour_set_examples (object, (const char * const *) examples);
        }
      added = ladder_framework_add_behaviour (framework, object);
      g_warn_if_fail (added);
    }

  return g_steal_pointer (&framework);
}
