/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The importer's entry points, ladder_import_data(), ladder_import_text()
 * and ladder_import_file(): they refuse what is not text, cut the input
 * into lines and hand it to the reader of its format. JSON goes to the
 * framework loader, a progression framework to its own reader, and
 * every other format (Markdown, HTML, CSV, text copied from a web page)
 * becomes an outline, which every reading of it (ladder-import-reading.c)
 * scores, the best read.
 * What the readers share is declared in ladder-import-private.h: the
 * report and its warnings (ladder-import-report.c), format detection
 * (ladder-import-detect.c), the builder that makes the framework
 * (ladder-import-builder.c) and text helpers (ladder-import-words.c).
 *
 * Everything here runs in time linear in the input: the parsers see each
 * line a bounded number of times, and the checks that look at a line's
 * words give up after a few words, so that 10 MB of one line costs no
 * more than reading it. */

#define G_LOG_DOMAIN "ladder-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ladder-format.h"
#include "ladder-format-private.h"
#include "ladder-import-outline-private.h"
#include "ladder-import-private.h"

G_DEFINE_QUARK (ladder-import-error-quark, ladder_import_error)

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

/* Whether the levels are named by headings below the top ones: then a
 * top heading that reads like a level ("… Senior Backend Engineer") is
 * the page's title all the same. */
static gboolean
levels_below (LadderOutline *outline)
{
  for (guint i = 1; i < _ladder_outline_get_n_nodes (outline); i++)
    {
      const LadderOutlineNode *node = _ladder_outline_get_node (outline, i);

      if (node->kind != LADDER_OUTLINE_HEADING || !_ladder_import_is_level_name (node->text))
        continue;
      if (node->depth == 1)
        return FALSE;
      return TRUE;
    }

  return FALSE;
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
          (!_ladder_import_is_level_name (node->text) || levels_below (outline)))
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
          node->label != NULL ||
          (g_str_has_suffix (node->text, ":") &&
           (i + 1 >= _ladder_outline_get_n_nodes (outline) ||
            _ladder_outline_get_node (outline, i + 1)->kind != LADDER_OUTLINE_HEADING)))
        break;
      if (node->text[0] == '\0')
        continue;
      /* Links alone under the title ("Level Progression | Competencies",
       * "download as .pdf") are the page's navigation. */
      if (node->only_link)
        {
          _ladder_import_builder_warn (builder, node->line, node->text,
                                       _("Dropped links: they are the page’s navigation, not its description."));
          continue;
        }
      /* "By Medium" under the title: who publishes it. */
      if (description->len == 0 && _ladder_import_parse_by_line (node->text) != NULL)
        {
          if (front->organisation == NULL)
            _ladder_import_builder_set_organisation (builder, _ladder_import_parse_by_line (node->text));
          continue;
        }
      if (description->len > 0)
        g_string_append (description, "\n\n");
      g_string_append (description, node->text);
    }

  if (description->len > 0 && front->description == NULL)
    _ladder_import_builder_add_description (builder, description->str);
}

/* A top section after the framework that is about it ("About our
 * frameworks", "How does it work?"): its paragraphs describe the
 * framework. */
static void
read_about_sections (LadderOutline       *outline,
                     LadderImportBuilder *builder)
{
  gboolean about = FALSE;
  gboolean after_body = FALSE;

  for (guint i = 1; i < _ladder_outline_get_n_nodes (outline); i++)
    {
      const LadderOutlineNode *node = _ladder_outline_get_node (outline, i);

      if (node->kind == LADDER_OUTLINE_HEADING && node->depth == 1)
        about = after_body && (node->text[0] == '\0' || _ladder_import_starts_about_section (node->text));
      else if (node->kind == LADDER_OUTLINE_HEADING || node->kind == LADDER_OUTLINE_ITEM)
        after_body = after_body || !about;
      else if (about && node->kind == LADDER_OUTLINE_PARAGRAPH && node->parent == G_MAXUINT)
        _ladder_import_builder_add_description (builder, node->text);
    }
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
  for (guint i = 0; i < _ladder_outline_get_n_dropped (outline); i++)
    {
      const LadderOutlineDropped *dropped = _ladder_outline_get_dropped (outline, i);

      _ladder_import_builder_warn (builder, dropped->line, source_line (input, dropped->line),
                                   dropped->reason);
    }
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

/* Nothing in the outline reads as levels: says what was looked for, at
 * the table that did not read when there is one and the file is more than
 * that table. */
static void
set_no_levels_error (LadderOutline       *outline,
                     LadderImportFormat   format,
                     const char          *filename,
                     GError             **error)
{
  guint table_line = 0;

  if (format == LADDER_IMPORT_FORMAT_CSV)
    {
      _ladder_import_set_error (error, LADDER_IMPORT_ERROR_EMPTY, filename, 0, 0,
                                _("No levels were found: expected the first row or the first "
                                  "column to name levels such as Level 1 or Senior, or a column "
                                  "of levels beside one of categories and one of behaviours."));
      return;
    }

  for (guint i = 0; i < _ladder_outline_get_n_nodes (outline); i++)
    {
      const LadderOutlineNode *node = _ladder_outline_get_node (outline, i);

      /* Levels with nothing under them. */
      if (node->kind == LADDER_OUTLINE_HEADING && _ladder_import_is_level_name (node->text))
        {
          _ladder_import_set_error (error, LADDER_IMPORT_ERROR_EMPTY, filename, MAX (node->line, 1), 0,
                                    _("No behaviours were found under the level “%s” or after "
                                      "it: expected bullets or lines of text under each level."),
                                    node->text);
          return;
        }
      if (node->kind == LADDER_OUTLINE_TABLE && table_line == 0)
        table_line = MAX (node->line, 1);
    }

  if (table_line > 0)
    _ladder_import_set_error (error, LADDER_IMPORT_ERROR_EMPTY, filename, table_line, 0,
                              _("No levels were found: this table does not name them. Expected "
                                "its first row or its first column to name levels such as "
                                "Level 1 or Senior, or headings or a list naming them."));
  else
    _ladder_import_set_error (error, LADDER_IMPORT_ERROR_EMPTY, filename, 0, 0,
                              _("No levels were found: expected headings, a table or a list "
                                "naming levels such as Level 1 or Senior."));
}

/* A progression framework's YAML has a reader of its own. */
static LadderFramework *
read_progression (const LadderImportInput   *input,
                  const LadderImportOptions *options,
                  GError                   **error)
{
  LadderImportBuilder *builder = _ladder_import_builder_new (input, options);
  LadderFramework *framework;

  framework = _ladder_import_parse_progression (input, builder, error);
  _ladder_import_builder_free (builder);

  return framework;
}

/* Plain text names its levels on lines of their own, with nothing else
 * to tell them by: the builder says how many it found with nothing
 * under them, or that there were none. */
static LadderFramework *
read_empty_levels (const LadderImportInput   *input,
                   LadderOutline             *outline,
                   const LadderImportOptions *options,
                   GError                   **error)
{
  LadderImportBuilder *builder = _ladder_import_builder_new (input, options);
  LadderFramework *framework;

  for (guint i = 0; i < _ladder_outline_get_n_nodes (outline); i++)
    {
      const LadderOutlineNode *node = _ladder_outline_get_node (outline, i);

      if (node->kind == LADDER_OUTLINE_HEADING && node->depth > 1 &&
          _ladder_import_is_level_name (node->text))
        _ladder_import_builder_add_level (builder, NULL, node->text);
    }
  framework = _ladder_import_builder_finish (builder, error);
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

  if (format == LADDER_IMPORT_FORMAT_PROGRESSION)
    return read_progression (input, options, error);

  outline = _ladder_outline_new ();
  if (format == LADDER_IMPORT_FORMAT_TEXT)
    _ladder_outline_read_text (outline, input);
  else if (format == LADDER_IMPORT_FORMAT_MARKDOWN)
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

  if (readings->len == 0 && format == LADDER_IMPORT_FORMAT_TEXT)
    return read_empty_levels (input, outline, options, error);
  if (readings->len == 0)
    {
      set_no_levels_error (outline, format, input->filename, error);
      return NULL;
    }

  chosen = &g_array_index (readings, LadderImportReading, choice - 1);
  builder = _ladder_import_builder_new (input, options);
  read_preamble (outline, &front, builder);
  if (chosen->kind == LADDER_IMPORT_READING_ONE_LIST)
    read_one_list (input, outline, builder);
  else
    _ladder_import_read_with (outline, chosen, builder);
  read_about_sections (outline, builder);
  warn_unread (input, outline, chosen, builder);
  framework = _ladder_import_builder_finish (builder, error);
  _ladder_import_report_sort_warnings (input->report);
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

  bom = _ladder_import_skip_bom (data, length);
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
