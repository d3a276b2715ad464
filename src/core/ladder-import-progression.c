/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-import-progression"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ladder-import-outline-private.h"
#include "ladder-import-private.h"

/* The progression-framework format: Monzo's open template and its many
 * forks. A Markdown file whose YAML front matter holds the framework:
 *
 *   ---
 *   title: 'Backend Engineering'
 *   levels: 6                      # or a list of names
 *   topics:
 *     - name: 'mastery'
 *       title: 'Mastery'           # may be empty: the name, capitalised
 *       content:
 *         - level: 1
 *           criteria:
 *             - 'Fixes simple bugs'
 *           exampleCriteria:
 *             - criteria: 'Implements simple RPC handlers'
 *               examples:
 *                 - 'Basic CRUD handlers'
 *           examples:               # examples of the level as a whole
 *             - '…'
 *   ---
 *   The Markdown body: the description; or, when it is headings over
 *   bullets alone, more categories of the first level.
 *
 * YAML goes through libyaml, never by hand. The input is data: before the
 * document is loaded, one pass over libyaml's events refuses what would
 * make reading it expensive: aliases that expand to more than a bounded
 * number of values (a "billion laughs"), nesting deeper than a bound, and
 * huge values, each with the line and column where it happens. */

/* Inline markup */

static gboolean
is_ascii_punct (char c)
{
  return c != '\0' && strchr ("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) != NULL;
}

/* Finds the next @c at or after @from, caching the answer in @cache so
 * that repeated searches over one line stay linear. */
static const char *
next_char (const char  *from,
           const char  *end,
           char         c,
           const char **cache)
{
  if (*cache != NULL && (*cache == end || *cache >= from))
    return *cache;

  *cache = memchr (from, c, end - from);
  if (*cache == NULL)
    *cache = end;

  return *cache;
}

/* Markdown's inline markup removed: "**Label**: [text](url)" →
 * "Label: text", white space collapsed. A progression framework's
 * criteria are written in it. */
static char *
strip_inline (const char *text,
                             gssize      length)
{
  const char *end;
  const char *close_bracket = NULL;
  const char *close_paren = NULL;
  const char *close_angle = NULL;
  const char *skip_from = NULL;
  const char *skip_to = NULL;
  g_autoptr(GString) out = NULL;
  const char *p;

  if (length < 0)
    length = strlen (text);
  end = text + length;
  out = g_string_sized_new (length);

  for (p = text; p < end;)
    {
      char c = *p;

      if (p == skip_from)
        {
          p = skip_to;
          skip_from = NULL;
          continue;
        }

      if (c == '\\' && p + 1 < end && is_ascii_punct (p[1]))
        {
          g_string_append_c (out, p[1]);
          p += 2;
          continue;
        }

      if (c == '`')
        {
          p++;
          continue;
        }

      /* [text](url), ![alt](url), [text][ref]: the text. */
      if ((c == '[' || (c == '!' && p + 1 < end && p[1] == '[')) && skip_from == NULL)
        {
          const char *open = c == '!' ? p + 1 : p;
          const char *bracket = next_char (open + 1, end, ']', &close_bracket);

          if (bracket < end && bracket + 1 < end && (bracket[1] == '(' || bracket[1] == '['))
            {
              const char *paren;

              /* A reference ("[text][ref]") is short; the search for
               * its end is bounded, so that it stays linear. */
              if (bracket[1] == '(')
                paren = next_char (bracket + 2, end, ')', &close_paren);
              else
                paren = memchr (bracket + 2, ']', MIN ((gsize) (end - bracket - 2), 512));

              if (paren != NULL && paren < end)
                {
                  skip_from = bracket;
                  skip_to = paren + 1;
                  p = open + 1;
                  continue;
                }
            }
        }

      /* Emphasis: runs of * and ~, and _ at the edge of a word. */
      if (c == '*' || c == '~' || c == '_')
        {
          const char *run = p;
          gboolean before_space;
          gboolean after_space;

          while (run < end && *run == c)
            run++;
          before_space = p == text || g_ascii_isspace (p[-1]);
          after_space = run == end || g_ascii_isspace (*run);

          if (c == '_' && !before_space && !after_space &&
              g_ascii_isalnum (p[-1]) && g_ascii_isalnum (*run))
            {
              /* snake_case */
              g_string_append_len (out, p, run - p);
            }
          else if (c == '~' && run - p < 2)
            {
              g_string_append_c (out, c);
            }
          else if (before_space && after_space)
            {
              /* "5 * 3" */
              g_string_append_len (out, p, run - p);
            }
          p = run;
          continue;
        }

      /* Inline HTML (<br>, <em>) and autolinks (<https://…>). */
      if (c == '<' && p + 1 < end && (g_ascii_isalpha (p[1]) || p[1] == '/'))
        {
          const char *angle = next_char (p + 1, end, '>', &close_angle);

          if (angle < end && angle - p < 2048)
            {
              gboolean autolink = g_ascii_strncasecmp (p + 1, "http", 4) == 0 ||
                                  g_ascii_strncasecmp (p + 1, "mailto:", 7) == 0;

              if (autolink)
                g_string_append_len (out, p + 1, angle - p - 1);
              else
                g_string_append_c (out, ' ');
              p = angle + 1;
              continue;
            }
        }

      g_string_append_c (out, c);
      p++;
    }

  return _ladder_import_collapse_space (out->str, out->len);
}

/* Far beyond any real framework, far below what hurts. */
#define MAX_YAML_DEPTH  64
#define MAX_YAML_VALUES 200000
#define MAX_YAML_SCALAR (1024 * 1024)
#define MAX_LEVELS      1000

gboolean
_ladder_import_find_front_matter (const LadderImportInput *input,
                                  guint                   *end)
{
  g_autofree char *first = NULL;

  *end = 0;
  if (input->n_lines < 2)
    return FALSE;

  first = g_strstrip (g_strdup (input->lines[0].text));
  if (!g_str_equal (first, "---"))
    return FALSE;

  for (guint i = 1; i < input->n_lines; i++)
    {
      const char *text = input->lines[i].text;
      gsize length = input->lines[i].length;

      while (length > 0 && (text[length - 1] == ' ' || text[length - 1] == '\t'))
        length--;
      if (length == 3 && (memcmp (text, "---", 3) == 0 || memcmp (text, "...", 3) == 0))
        {
          *end = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* libyaml counts lines from 0 in the text it was given, which starts on
 * the line after the opening `---`. */
static guint
yaml_line (const LadderImportInput *input,
           yaml_mark_t              mark)
{
  gsize index = 1 + mark.line;

  if (index < input->n_lines)
    return input->lines[index].number;

  return input->lines[input->n_lines - 1].number;
}

static void
set_yaml_error (const LadderImportInput  *input,
                yaml_parser_t            *parser,
                GError                  **error)
{
  _ladder_import_set_error (error, LADDER_IMPORT_ERROR_INVALID, input->filename,
                            yaml_line (input, parser->problem_mark),
                            (guint) parser->problem_mark.column + 1,
                            _("The front matter is not valid YAML: %s%s%s."),
                            parser->problem != NULL ? parser->problem : _("unknown error"),
                            parser->context != NULL ? " " : "",
                            parser->context != NULL ? parser->context : "");
}

typedef struct
{
  guint64  size;   /* values inside, with aliases expanded */
  char    *anchor;
} Frame;

static void
clear_frame (gpointer data)
{
  Frame *frame = data;

  g_free (frame->anchor);
}

static void
add_size (guint64 *to,
          guint64  size)
{
  /* Saturates: an alias bomb's sizes overflow any integer. */
  *to = (*to > G_MAXUINT64 - size) ? G_MAXUINT64 : *to + size;
}

static void
note_value (GArray     *frames,
            GHashTable *anchors,
            const char *anchor,
            guint64     size)
{
  if (frames->len > 0)
    add_size (&g_array_index (frames, Frame, frames->len - 1).size, size);
  if (anchor != NULL)
    {
      guint64 *stored = g_new (guint64, 1);

      *stored = size;
      g_hash_table_replace (anchors, g_strdup (anchor), stored);
    }
}

/* One pass over the events, refusing alias bombs, deep nesting and huge
 * values before anything is built from them. */
static gboolean
check_yaml_limits (const LadderImportInput  *input,
                   const char               *text,
                   gsize                     length,
                   GError                  **error)
{
  g_autoptr(GHashTable) anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  yaml_parser_t parser;
  gboolean ok = TRUE;
  gboolean done = FALSE;
  guint64 total = 0;

  g_array_set_clear_func (frames, clear_frame);

  if (!yaml_parser_initialize (&parser))
    g_error ("libyaml could not allocate its parser");
  yaml_parser_set_input_string (&parser, (const unsigned char *) text, length);

  while (ok && !done)
    {
      yaml_event_t event;
      guint64 size = 0;

      if (!yaml_parser_parse (&parser, &event))
        {
          set_yaml_error (input, &parser, error);
          ok = FALSE;
          break;
        }

      switch (event.type)
        {
        case YAML_STREAM_END_EVENT:
          done = TRUE;
          break;

        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
          {
            Frame frame = { 1, NULL };
            const yaml_char_t *anchor = event.type == YAML_SEQUENCE_START_EVENT
                                          ? event.data.sequence_start.anchor
                                          : event.data.mapping_start.anchor;

            if (frames->len >= MAX_YAML_DEPTH)
              {
                _ladder_import_set_error (error, LADDER_IMPORT_ERROR_INVALID, input->filename,
                                          yaml_line (input, event.start_mark),
                                          (guint) event.start_mark.column + 1,
                                          _("The front matter nests lists and mappings more than "
                                            "%u deep, deeper than any framework needs."),
                                          MAX_YAML_DEPTH);
                ok = FALSE;
                break;
              }
            frame.anchor = g_strdup ((const char *) anchor);
            g_array_append_val (frames, frame);
            add_size (&total, 1);
          }
          break;

        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          if (frames->len > 0)
            {
              Frame *frame = &g_array_index (frames, Frame, frames->len - 1);
              g_autofree char *anchor = g_steal_pointer (&frame->anchor);

              size = frame->size;
              g_array_set_size (frames, frames->len - 1);
              note_value (frames, anchors, anchor, size);
            }
          break;

        case YAML_SCALAR_EVENT:
          if (event.data.scalar.length > MAX_YAML_SCALAR)
            {
              _ladder_import_set_error (error, LADDER_IMPORT_ERROR_INVALID, input->filename,
                                        yaml_line (input, event.start_mark),
                                        (guint) event.start_mark.column + 1,
                                        _("A value in the front matter is longer than %u MiB, "
                                          "longer than any framework needs."),
                                        MAX_YAML_SCALAR / (1024 * 1024));
              ok = FALSE;
              break;
            }
          add_size (&total, 1);
          note_value (frames, anchors, (const char *) event.data.scalar.anchor, 1);
          break;

        case YAML_ALIAS_EVENT:
          {
            guint64 *anchored = g_hash_table_lookup (anchors, event.data.alias.anchor);

            size = anchored != NULL ? *anchored : 1;
            add_size (&total, size);
            note_value (frames, anchors, NULL, size);
          }
          break;

        case YAML_NO_EVENT:
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
        default:
          break;
        }

      if (ok && total > MAX_YAML_VALUES)
        {
          _ladder_import_set_error (error, LADDER_IMPORT_ERROR_INVALID, input->filename,
                                    yaml_line (input, event.start_mark),
                                    (guint) event.start_mark.column + 1,
                                    _("The front matter holds more than %u values once its "
                                      "aliases are expanded. It looks built to exhaust the "
                                      "reader, so it is refused."),
                                    MAX_YAML_VALUES);
          ok = FALSE;
        }

      yaml_event_delete (&event);
    }

  yaml_parser_delete (&parser);

  return ok;
}

gboolean
_ladder_import_load_yaml (const LadderImportInput  *input,
                          guint                     end,
                          yaml_document_t          *document,
                          GError                  **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  yaml_parser_t parser;
  gboolean ok;

  g_assert (end > 0 && end < input->n_lines);

  for (guint i = 1; i < end; i++)
    {
      g_string_append_len (text, input->lines[i].text, input->lines[i].length);
      g_string_append_c (text, '\n');
    }

  if (!check_yaml_limits (input, text->str, text->len, error))
    return FALSE;

  if (!yaml_parser_initialize (&parser))
    g_error ("libyaml could not allocate its parser");
  yaml_parser_set_input_string (&parser, (const unsigned char *) text->str, text->len);

  ok = yaml_parser_load (&parser, document);
  if (!ok)
    set_yaml_error (input, &parser, error);

  yaml_parser_delete (&parser);

  return ok;
}

yaml_node_t *
_ladder_import_yaml_lookup (yaml_document_t *document,
                            yaml_node_t     *mapping,
                            const char      *key)
{
  if (mapping == NULL || mapping->type != YAML_MAPPING_NODE)
    return NULL;

  for (yaml_node_pair_t *pair = mapping->data.mapping.pairs.start;
       pair < mapping->data.mapping.pairs.top;
       pair++)
    {
      yaml_node_t *key_node = yaml_document_get_node (document, pair->key);

      if (key_node != NULL && key_node->type == YAML_SCALAR_NODE &&
          strlen (key) == key_node->data.scalar.length &&
          memcmp (key_node->data.scalar.value, key, key_node->data.scalar.length) == 0)
        return yaml_document_get_node (document, pair->value);
    }

  return NULL;
}

const char *
_ladder_import_yaml_scalar (yaml_node_t *node)
{
  if (node == NULL || node->type != YAML_SCALAR_NODE)
    return NULL;

  return (const char *) node->data.scalar.value;
}

/* Progression */

typedef struct
{
  const LadderImportInput *input;
  LadderImportBuilder     *builder;
  yaml_document_t         *document;
} ProgressionParser;

static void
warn_at (ProgressionParser *parser,
         yaml_node_t       *node,
         const char        *message)
{
  ladder_import_report_add (parser->input->report,
                            node != NULL ? yaml_line (parser->input, node->start_mark) : 0,
                            NULL, message);
}

/* The scalar's text, Markdown's inline markup removed; NULL when it is
 * not a scalar or empty. */
static char *
scalar_text (yaml_node_t *node)
{
  const char *value = _ladder_import_yaml_scalar (node);
  char *text;

  if (value == NULL)
    return NULL;

  text = strip_inline (value, node->data.scalar.length);
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static const char *
lookup_scalar (yaml_document_t *document,
               yaml_node_t     *mapping,
               const char      *key)
{
  return _ladder_import_yaml_scalar (_ladder_import_yaml_lookup (document, mapping, key));
}

static char *
lookup_text (yaml_document_t *document,
             yaml_node_t     *mapping,
             const char      *key)
{
  return scalar_text (_ladder_import_yaml_lookup (document, mapping, key));
}

static void
set_node_error (ProgressionParser  *parser,
                GError            **error,
                LadderImportError   code,
                yaml_node_t        *node,
                const char         *message)
{
  guint line = node != NULL ? yaml_line (parser->input, node->start_mark)
                            : parser->input->lines[0].number;
  guint column = node != NULL ? (guint) node->start_mark.column + 1 : 1;

  _ladder_import_set_error (error, code, parser->input->filename, line, column, "%s", message);
}

/* "1", "01", "1.0"… name one level. */
static char *
level_id_from_scalar (const char *value)
{
  g_autofree char *id = g_strstrip (g_strdup (value));
  gsize length = strlen (id);

  if (length > 2 && g_str_has_suffix (id, ".0"))
    id[length - 2] = '\0';
  while (id[0] == '0' && g_ascii_isdigit (id[1]))
    memmove (id, id + 1, strlen (id));

  return g_steal_pointer (&id);
}

static gboolean
parse_levels (ProgressionParser  *parser,
              yaml_node_t        *levels,
              GError            **error)
{
  g_autofree char *levels_message = NULL;
  const char *value;

  if (levels == NULL)
    return TRUE;

  levels_message = g_strdup_printf (_("“levels” must be a number from 1 to %u, or a list of "
                                      "levels."),
                                    MAX_LEVELS);

  value = _ladder_import_yaml_scalar (levels);
  if (value != NULL)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (value));
      guint64 n;

      if (!g_ascii_string_to_unsigned (trimmed, 10, 1, MAX_LEVELS, &n, NULL))
        {
          set_node_error (parser, error, LADDER_IMPORT_ERROR_INVALID, levels, levels_message);
          return FALSE;
        }

      for (guint i = 1; i <= n; i++)
        {
          g_autofree char *id = g_strdup_printf ("%u", i);
          /* Level names are data, in the framework's language. */
          g_autofree char *name = g_strdup_printf ("Level %u", i);

          _ladder_import_builder_add_level (parser->builder, id, name);
        }

      return TRUE;
    }

  if (levels->type != YAML_SEQUENCE_NODE)
    {
      set_node_error (parser, error, LADDER_IMPORT_ERROR_INVALID, levels, levels_message);
      return FALSE;
    }

  for (yaml_node_item_t *item = levels->data.sequence.items.start;
       item < levels->data.sequence.items.top;
       item++)
    {
      yaml_node_t *node = yaml_document_get_node (parser->document, *item);
      guint position = (guint) (item - levels->data.sequence.items.start) + 1;
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;
      g_autofree char *summary = NULL;
      guint level;

      if (position > MAX_LEVELS)
        {
          set_node_error (parser, error, LADDER_IMPORT_ERROR_INVALID, node, levels_message);
          return FALSE;
        }

      if (node != NULL && node->type == YAML_MAPPING_NODE)
        {
          /* { level: 1, name: 'Junior', summary: '…' } */
          const char *key_id = lookup_scalar (parser->document, node, "level");

          if (key_id == NULL)
            key_id = lookup_scalar (parser->document, node, "id");
          name = lookup_text (parser->document, node, "name");
          if (name == NULL)
            name = lookup_text (parser->document, node, "title");
          summary = lookup_text (parser->document, node, "summary");
          if (summary == NULL)
            summary = lookup_text (parser->document, node, "description");
          if (key_id != NULL)
            id = level_id_from_scalar (key_id);
        }
      else
        {
          /* A number names the level by its position's number; words
           * name it. */
          const char *scalar = _ladder_import_yaml_scalar (node);
          guint64 number;

          if (scalar != NULL &&
              g_ascii_string_to_unsigned (scalar, 10, 0, G_MAXUINT, &number, NULL))
            id = g_strdup_printf ("%" G_GUINT64_FORMAT, number);
          else
            name = scalar_text (node);
        }

      if (id == NULL)
        id = g_strdup_printf ("%u", position);
      if (name == NULL)
        name = g_strdup_printf ("Level %s", id);

      level = _ladder_import_builder_add_level (parser->builder, id, name);
      if (summary != NULL)
        _ladder_import_builder_set_level_summary (parser->builder, level, summary);
    }

  return TRUE;
}

static void
parse_content (ProgressionParser *parser,
               guint              category,
               yaml_node_t       *entry)
{
  yaml_document_t *document = parser->document;
  const char *level_value;
  yaml_node_t *criteria;
  yaml_node_t *example_criteria;
  yaml_node_t *examples;
  g_autofree char *level_id = NULL;
  guint level;

  if (entry == NULL || entry->type != YAML_MAPPING_NODE)
    {
      warn_at (parser, entry,
               _("Skipped a “content” entry that is not a mapping with a level and criteria."));
      return;
    }

  level_value = lookup_scalar (document, entry, "level");
  if (level_value == NULL || level_value[0] == '\0')
    {
      warn_at (parser, entry, _("Skipped a “content” entry without a “level”."));
      return;
    }

  level_id = level_id_from_scalar (level_value);
  level = _ladder_import_builder_find_level (parser->builder, level_id);
  if (level == LADDER_IMPORT_NONE)
    {
      g_autofree char *name = g_strdup_printf ("Level %s", level_id);

      if (_ladder_import_builder_get_n_levels (parser->builder) >= MAX_LEVELS)
        {
          warn_at (parser, entry,
                   _("Skipped a “content” entry: the framework already has too many levels."));
          return;
        }
      level = _ladder_import_builder_add_level (parser->builder, level_id, name);
    }

  criteria = _ladder_import_yaml_lookup (document, entry, "criteria");
  if (criteria != NULL && criteria->type == YAML_SEQUENCE_NODE)
    {
      for (yaml_node_item_t *item = criteria->data.sequence.items.start;
           item < criteria->data.sequence.items.top;
           item++)
        {
          yaml_node_t *node = yaml_document_get_node (document, *item);
          g_autofree char *text = scalar_text (node);

          if (text != NULL)
            _ladder_import_builder_add_behaviour (parser->builder, level, category, NULL, text,
                                                  yaml_line (parser->input, node->start_mark));
          else
            warn_at (parser, node, _("Skipped a criterion that is not text."));
        }
    }
  else if (criteria != NULL && _ladder_import_yaml_scalar (criteria) == NULL)
    {
      warn_at (parser, criteria, _("Skipped “criteria” that is not a list."));
    }

  example_criteria = _ladder_import_yaml_lookup (document, entry, "exampleCriteria");
  if (example_criteria != NULL && example_criteria->type == YAML_SEQUENCE_NODE)
    {
      for (yaml_node_item_t *item = example_criteria->data.sequence.items.start;
           item < example_criteria->data.sequence.items.top;
           item++)
        {
          yaml_node_t *node = yaml_document_get_node (document, *item);
          g_autofree char *text = NULL;
          yaml_node_t *node_examples;
          LadderImportItem *behaviour;

          text = lookup_text (document, node, "criteria");
          if (text == NULL)
            {
              warn_at (parser, node, _("Skipped an “exampleCriteria” entry without “criteria”."));
              continue;
            }

          behaviour = _ladder_import_builder_add_behaviour (parser->builder, level, category,
                                                            NULL, text,
                                                            yaml_line (parser->input,
                                                                       node->start_mark));
          node_examples = _ladder_import_yaml_lookup (document, node, "examples");
          if (node_examples != NULL && node_examples->type == YAML_SEQUENCE_NODE)
            {
              for (yaml_node_item_t *example = node_examples->data.sequence.items.start;
                   example < node_examples->data.sequence.items.top;
                   example++)
                {
                  yaml_node_t *example_node = yaml_document_get_node (document, *example);
                  g_autofree char *example_text = scalar_text (example_node);

                  _ladder_import_item_add_example (behaviour, example_text);
                }
            }
          else if (node_examples != NULL)
            {
              g_autofree char *example_text = scalar_text (node_examples);

              _ladder_import_item_add_example (behaviour, example_text);
            }
        }
    }
  else if (example_criteria != NULL && _ladder_import_yaml_scalar (example_criteria) == NULL)
    {
      warn_at (parser, example_criteria, _("Skipped “exampleCriteria” that is not a list."));
    }

  /* Examples of the level as a whole, not of one criterion. */
  examples = _ladder_import_yaml_lookup (document, entry, "examples");
  if (examples != NULL && examples->type == YAML_SEQUENCE_NODE)
    {
      for (yaml_node_item_t *item = examples->data.sequence.items.start;
           item < examples->data.sequence.items.top;
           item++)
        {
          yaml_node_t *node = yaml_document_get_node (document, *item);
          g_autofree char *text = scalar_text (node);

          if (text == NULL)
            text = lookup_text (document, node, "criteria");
          if (text != NULL)
            _ladder_import_builder_add_cell_example (parser->builder, level, category, text);
        }
    }
}

static void
parse_topic (ProgressionParser *parser,
             yaml_node_t       *topic)
{
  yaml_document_t *document = parser->document;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  yaml_node_t *content;
  guint category;

  if (topic == NULL || topic->type != YAML_MAPPING_NODE)
    {
      warn_at (parser, topic, _("Skipped a topic that is not a mapping with a name and content."));
      return;
    }

  name = lookup_text (document, topic, "name");
  title = lookup_text (document, topic, "title");
  if (title == NULL && name != NULL)
    {
      /* An empty title: the name, capitalised ("summary" → "Summary"). */
      gunichar first = g_utf8_get_char (name);
      char buffer[8] = { 0 };

      g_unichar_to_utf8 (g_unichar_totitle (first), buffer);
      title = g_strconcat (buffer, g_utf8_next_char (name), NULL);
      g_strdelimit (title, "_-", ' ');
    }
  if (title == NULL)
    {
      warn_at (parser, topic, _("Skipped a topic without a name or a title."));
      return;
    }

  /* "Recommended reading": titles to read, not behaviours to rate. */
  if (_ladder_import_is_other_section (title))
    {
      g_autofree char *message =
        g_strdup_printf (_("Left out the topic “%s”: it is not part of the framework."), title);

      warn_at (parser, topic, message);
      return;
    }

  category = _ladder_import_builder_add_category (parser->builder, title, NULL);

  content = _ladder_import_yaml_lookup (document, topic, "content");
  if (content == NULL || content->type != YAML_SEQUENCE_NODE)
    {
      warn_at (parser, topic, _("The topic has no “content” list, so it has no behaviours."));
      return;
    }

  for (yaml_node_item_t *item = content->data.sequence.items.start;
       item < content->data.sequence.items.top;
       item++)
    parse_content (parser, category, yaml_document_get_node (document, *item));
}

/* Whether the items of the section under @heading (up to the next
 * heading) are all links, a list of pages rather than behaviours. */
static gboolean
is_links_section (LadderOutline *outline,
                  guint          heading)
{
  guint n_items = 0;

  for (guint i = heading + 1; i < _ladder_outline_get_n_nodes (outline); i++)
    {
      const LadderOutlineNode *node = _ladder_outline_get_node (outline, i);

      if (node->kind == LADDER_OUTLINE_HEADING)
        break;
      if (node->kind == LADDER_OUTLINE_ITEM && node->depth == 1)
        {
          if (!node->only_link)
            return FALSE;
          n_items++;
        }
    }

  return n_items > 0;
}

/* The Markdown body under the front matter, from line @first_line (1-based)
 * on. Sections of bullets under headings and nothing else ("### Consulting",
 * "- Manages stakeholder expectations") are behaviours the front matter
 * does not hold: each heading a category, each bullet a behaviour of the
 * first level, since the body names none. Lists of links and reading
 * lists are left out, with a warning. Returns whether the body was read
 * so; otherwise it is the framework's description. */
static gboolean
read_body (ProgressionParser *parser,
           const char        *text,
           gsize              length,
           guint              first_line)
{
  g_autoptr(LadderOutline) outline = _ladder_outline_new ();
  LadderImportBuilder *builder = parser->builder;
  guint n_nodes;
  guint n_behaviours = 0;
  guint category = LADDER_IMPORT_NONE;
  gboolean left_out = FALSE;
  LadderImportItem *last = NULL;

  if (_ladder_import_builder_get_n_levels (builder) == 0)
    return FALSE;

  _ladder_outline_read_markdown (outline, text, length);
  n_nodes = _ladder_outline_get_n_nodes (outline);
  if (n_nodes == 0 || _ladder_outline_get_node (outline, 0)->kind != LADDER_OUTLINE_HEADING)
    return FALSE;

  /* Headings and bullets only, and no heading that speaks about the
   * framework ("How does it work?"). */
  for (guint i = 0; i < n_nodes; i++)
    {
      const LadderOutlineNode *node = _ladder_outline_get_node (outline, i);

      if (node->kind == LADDER_OUTLINE_HEADING)
        {
          if (_ladder_import_starts_about_section (node->text))
            return FALSE;
        }
      else if (node->kind != LADDER_OUTLINE_ITEM)
        return FALSE;
    }

  for (guint i = 0; i < n_nodes; i++)
    {
      const LadderOutlineNode *node = _ladder_outline_get_node (outline, i);

      if (node->kind == LADDER_OUTLINE_HEADING)
        {
          left_out = _ladder_import_is_other_section (node->text) || is_links_section (outline, i);
          last = NULL;
          if (left_out)
            {
              g_autofree char *message =
                g_strdup_printf (_("Left out the section “%s”: it is not part of the framework."), node->text);

              _ladder_import_builder_warn (builder, first_line + node->line - 1, node->text, message);
              continue;
            }
          category = _ladder_import_builder_add_category (builder, node->text, NULL);
          continue;
        }
      if (left_out || node->text[0] == '\0')
        continue;
      if (node->depth == 1)
        {
          last = _ladder_import_builder_add_behaviour (builder, 0, category, NULL, node->text,
                                                      first_line + node->line - 1);
          n_behaviours++;
        }
      else if (last != NULL)
        {
          _ladder_import_item_add_example (last, node->text);
        }
    }

  if (n_behaviours > 0)
    {
      g_autofree char *message =
        g_strdup_printf (ngettext ("The %u behaviour under the front matter names no level: it was put in the first level.",
                                   "The %u behaviours under the front matter name no level: they were put in the first level.",
                                   n_behaviours),
                         n_behaviours);

      _ladder_import_builder_warn (builder, first_line, NULL, message);
    }

  return TRUE;
}

LadderFramework *
_ladder_import_parse_progression (const LadderImportInput  *input,
                                  LadderImportBuilder      *builder,
                                  GError                  **error)
{
  ProgressionParser parser = { input, builder, NULL };
  yaml_document_t document;
  yaml_node_t *root;
  yaml_node_t *topics;
  const char *value;
  g_autoptr(GString) body = NULL;
  guint first_body_line = 1;
  guint end;
  gboolean ok = FALSE;

  if (!_ladder_import_find_front_matter (input, &end))
    {
      _ladder_import_set_error (error, LADDER_IMPORT_ERROR_INVALID, input->filename, 1, 1,
                                _("A progression framework starts with YAML front matter between "
                                  "two “---” lines, and this file has none."));
      return NULL;
    }

  if (!_ladder_import_load_yaml (input, end, &document, error))
    return NULL;

  parser.document = &document;
  root = yaml_document_get_root_node (&document);

  if (root == NULL || root->type != YAML_MAPPING_NODE)
    {
      set_node_error (&parser, error, LADDER_IMPORT_ERROR_INVALID, root,
                      _("The front matter must map keys such as “title”, “levels” and "
                        "“topics” to their values."));
      goto out;
    }

  value = lookup_scalar (&document, root, "title");
  if (value != NULL && value[0] != '\0')
    _ladder_import_builder_set_name (builder, value);
  value = lookup_scalar (&document, root, "organisation");
  if (value == NULL)
    value = lookup_scalar (&document, root, "organization");
  if (value != NULL && value[0] != '\0')
    _ladder_import_builder_set_organisation (builder, value);

  if (!parse_levels (&parser, _ladder_import_yaml_lookup (&document, root, "levels"), error))
    goto out;

  topics = _ladder_import_yaml_lookup (&document, root, "topics");
  if (topics == NULL || topics->type != YAML_SEQUENCE_NODE)
    {
      set_node_error (&parser, error, LADDER_IMPORT_ERROR_EMPTY, topics,
                      _("The front matter has no list of “topics”, so there are no "
                        "behaviours to import."));
      goto out;
    }

  for (yaml_node_item_t *item = topics->data.sequence.items.start;
       item < topics->data.sequence.items.top;
       item++)
    parse_topic (&parser, yaml_document_get_node (&document, *item));

  /* The Markdown body is the description, as written. */
  body = g_string_new (NULL);
  for (guint i = end + 1; i < input->n_lines; i++)
    {
      if (body->len > 0 || input->lines[i].length > 0)
        {
          if (body->len == 0)
            first_body_line = i + 1;
          g_string_append_len (body, input->lines[i].text, input->lines[i].length);
          g_string_append_c (body, '\n');
        }
    }
  while (body->len > 0 && g_ascii_isspace (body->str[body->len - 1]))
    g_string_truncate (body, body->len - 1);
  if (!read_body (&parser, body->str, body->len, first_body_line))
    _ladder_import_builder_add_description (builder, body->str);

  ok = TRUE;

out:
  yaml_document_delete (&document);

  return ok ? _ladder_import_builder_finish (builder, error) : NULL;
}
