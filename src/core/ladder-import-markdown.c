/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-import-markdown"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ladder-import-private.h"

/* Plain Markdown, in the shapes published frameworks use:
 *
 * - level-major: "## Level 2", then "### Communication", then bullets;
 * - category-major: "## Communication", then "### Level 2", then bullets;
 * - a level as a bold label on a bullet ("- **Level 2**"), whose nested
 *   bullets are the behaviours, or as the number of an ordered list item
 *   under a category heading;
 * - headings of one depth that alternate (levels and categories at "##")
 *   and, without any level cue, category headings that come round again,
 *   one round per level.
 *
 * Which heading is a level and which a category follows from the heading
 * itself ("Level 2", "Senior", "Engineer II") and, for the rest, from the
 * nesting: a heading closes the headings of its depth and deeper, so both
 * orders fall out of one rule. Nested bullets are examples of the bullet
 * above; "**Label**: text" keeps its label; the first paragraph under a
 * heading is its summary. YAML front matter may give the title and the
 * organisation.
 *
 * HTML blocks, tables, code blocks, link lists and FAQ sections are not
 * behaviours: they are dropped, each line with a warning. */

typedef enum
{
  MD_BLANK,
  MD_FRONT_MATTER,
  MD_HEADING,
  MD_ITEM,
  MD_TEXT,
  MD_FENCE,
  MD_HTML,
  MD_TABLE,
  MD_RULE,
  MD_LINK_DEFINITION,
} MdKind;

typedef enum
{
  ROLE_NONE,
  ROLE_TITLE,
  ROLE_LEVEL,
  ROLE_CATEGORY,
  ROLE_EXAMPLES,
  ROLE_INTRO,
  ROLE_SKIP,
  ROLE_CONTAINER,
} Role;

typedef struct
{
  const LadderImportLine *line;
  MdKind                  kind;
  guint                   indent;
  guint                   depth;          /* headings: 1–6, 7 for a bold line */
  gboolean                ordered;
  guint                   number;         /* ordered items */
  guint                   content_indent; /* items: where their text starts */
  const char             *content;        /* after the marker */
  Role                    role;
  char                   *text;           /* headings: inline markup removed */
  char                   *level_id;       /* ROLE_LEVEL */
} MdLine;

typedef enum
{
  ENTRY_BEHAVIOUR,
  ENTRY_EXAMPLE,
  ENTRY_LEVEL_LABEL,
  ENTRY_CATEGORY_LABEL,
  ENTRY_SECTION_LABEL,
  ENTRY_DROPPED,
} EntryKind;

typedef struct
{
  guint             indent;
  EntryKind         kind;
  guint             level;
  guint             category;
  const char       *section;   /* owned by the parser's section list */
  LadderImportItem *behaviour;
} ListEntry;

typedef struct
{
  const LadderImportInput *input;
  LadderImportBuilder     *builder;
  MdLine                  *lines;
  guint                    n_lines;
  guint                    body_start;

  gboolean                 cycle;
  gboolean                 have_categories;
  gboolean                 named;
  guint                    first_structure;

  guint                    level;
  guint                    category;
  guint                    level_depth;
  guint                    category_depth;
  GHashTable              *level_categories;
  Role                     last_role;
  guint                    items_since_heading;
  gboolean                 examples_mode;
  LadderImportItem        *last_behaviour;
  gboolean                 skipping;
  guint                    skip_depth;
  gboolean                 intro;
  guint                    intro_depth;

  GArray                  *stack;
  GPtrArray               *sections;  /* keeps label strings alive */
  GString                 *prose;     /* description paragraphs being built */
} MdParser;

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

char *
_ladder_import_strip_inline (const char *text,
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

/* Line classification */

static guint
measure_indent (const char  *text,
                const char **content)
{
  guint indent = 0;
  const char *p = text;

  for (;; p++)
    {
      if (*p == ' ')
        indent++;
      else if (*p == '\t')
        indent = (indent / 4 + 1) * 4;
      else
        break;
    }

  *content = p;

  return indent;
}

static gboolean
is_rule (const char *p)
{
  char c = *p;
  guint count = 0;

  if (c != '-' && c != '*' && c != '_')
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if (*p == c)
        count++;
      else if (*p != ' ' && *p != '\t')
        return FALSE;
    }

  return count >= 3;
}

static gboolean
is_underline (const char *p,
              char        c)
{
  const char *start = p;

  while (*p == c)
    p++;
  if (p - start < 2)
    return FALSE;
  while (*p == ' ' || *p == '\t')
    p++;

  return *p == '\0';
}

/* |---|:--:| */
static gboolean
is_table_delimiter (const char *p)
{
  gboolean dash = FALSE;
  gboolean pipe = FALSE;

  for (; *p != '\0'; p++)
    {
      if (*p == '-')
        dash = TRUE;
      else if (*p == '|')
        pipe = TRUE;
      else if (*p != ':' && *p != ' ' && *p != '\t')
        return FALSE;
    }

  return dash && pipe;
}

static gboolean
parse_item_marker (MdLine     *ml,
                   const char *p)
{
  const char *q = p;

  if ((*q == '-' || *q == '*' || *q == '+') && (q[1] == ' ' || q[1] == '\t' || q[1] == '\0'))
    {
      q++;
    }
  else if (g_ascii_isdigit (*q))
    {
      guint64 number = 0;

      while (g_ascii_isdigit (*q) && q - p < 9)
        number = number * 10 + (*q++ - '0');
      if ((*q != '.' && *q != ')') || (q[1] != ' ' && q[1] != '\t' && q[1] != '\0'))
        return FALSE;
      q++;
      ml->ordered = TRUE;
      ml->number = (guint) number;
    }
  else
    {
      return FALSE;
    }

  ml->content_indent = ml->indent + (guint) (q - p);
  while (*q == ' ' || *q == '\t')
    {
      q++;
      ml->content_indent++;
    }
  ml->kind = MD_ITEM;
  ml->content = q;

  return TRUE;
}

/* "[label]: https://…" */
static gboolean
is_link_definition (const char *p)
{
  const char *close;

  if (*p != '[')
    return FALSE;
  close = strchr (p, ']');

  return close != NULL && close[1] == ':' && close - p < 1000;
}

static void
classify_lines (MdParser *parser)
{
  gboolean in_fence = FALSE;
  char fence_char = 0;
  gsize fence_length = 0;
  gboolean in_html = FALSE;
  gboolean in_comment = FALSE;

  for (guint i = parser->body_start; i < parser->n_lines; i++)
    {
      MdLine *ml = &parser->lines[i];
      const char *p;

      ml->indent = measure_indent (ml->line->text, &p);
      ml->content = p;

      if (in_fence)
        {
          const char *q = p;

          ml->kind = MD_FENCE;
          while (*q == fence_char)
            q++;
          while (*q == ' ' || *q == '\t')
            q++;
          if ((gsize) (q - p) >= fence_length && *q == '\0')
            in_fence = FALSE;
          continue;
        }

      if (in_comment)
        {
          ml->kind = MD_HTML;
          if (strstr (p, "-->") != NULL)
            in_comment = FALSE;
          continue;
        }

      if (*p == '\0')
        {
          ml->kind = MD_BLANK;
          in_html = FALSE;
          continue;
        }

      if (in_html)
        {
          ml->kind = MD_HTML;
          continue;
        }

      /* Block quotes: their text, as text. */
      while (*p == '>')
        {
          p++;
          while (*p == ' ')
            p++;
        }
      ml->content = p;

      if (g_str_has_prefix (p, "```") || g_str_has_prefix (p, "~~~"))
        {
          const char *q = p;

          fence_char = *p;
          while (*q == fence_char)
            q++;
          fence_length = q - p;
          ml->kind = MD_FENCE;
          in_fence = TRUE;
          continue;
        }

      if (*p == '#')
        {
          const char *q = p;

          while (*q == '#')
            q++;
          if (q - p <= 6 && (*q == ' ' || *q == '\t' || *q == '\0'))
            {
              ml->kind = MD_HEADING;
              ml->depth = (guint) (q - p);
              ml->content = q;
              continue;
            }
        }

      if (*p == '<' && (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!' || p[1] == '?'))
        {
          ml->kind = MD_HTML;
          if (g_str_has_prefix (p, "<!--"))
            in_comment = strstr (p, "-->") == NULL;
          else
            in_html = TRUE;
          continue;
        }

      /* A setext heading: the text above "===" or "---". */
      if (i > parser->body_start && parser->lines[i - 1].kind == MD_TEXT &&
          (is_underline (p, '=') || is_underline (p, '-')))
        {
          MdLine *above = &parser->lines[i - 1];

          above->kind = MD_HEADING;
          above->depth = *p == '=' ? 1 : 2;
          ml->kind = MD_RULE;
          continue;
        }

      if (is_rule (p))
        {
          ml->kind = MD_RULE;
          continue;
        }

      if (*p == '|' || is_table_delimiter (p) ||
          (strchr (p, '|') != NULL &&
           ((i > parser->body_start && parser->lines[i - 1].kind == MD_TABLE) ||
            (i + 1 < parser->n_lines && is_table_delimiter (parser->lines[i + 1].line->text)))))
        {
          ml->kind = MD_TABLE;
          continue;
        }

      if (parse_item_marker (ml, p))
        continue;

      if (is_link_definition (p))
        {
          ml->kind = MD_LINK_DEFINITION;
          continue;
        }

      ml->kind = MD_TEXT;
    }
}

/* A line that is all bold ("**Level 2**", "**Communication:**"): the
 * inner text, or NULL. */
static char *
bold_label (const char *content)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (content));
  gsize length = strlen (trimmed);
  const char *marker;
  const char *close;
  char *inner;

  if (length < 5)
    return NULL;
  if (g_str_has_prefix (trimmed, "**"))
    marker = "**";
  else if (g_str_has_prefix (trimmed, "__"))
    marker = "__";
  else
    return NULL;

  close = strstr (trimmed + 2, marker);
  if (close == NULL || close == trimmed + 2)
    return NULL;
  if (!g_str_equal (close + 2, "") && !g_str_equal (close + 2, ":"))
    return NULL;

  inner = _ladder_import_strip_inline (trimmed + 2, close - trimmed - 2);
  while (g_str_has_suffix (inner, ":"))
    inner[strlen (inner) - 1] = '\0';
  if (inner[0] == '\0')
    g_clear_pointer (&inner, g_free);

  return inner;
}

/* Heading roles */

static gboolean
key_in (const char         *key,
        const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (g_str_equal (key, words[i]))
        return TRUE;
    }

  return FALSE;
}

static const char * const skip_headings[] = {
  "faq", "faqs", "frequently asked questions", "questions", "q&a", "common questions",
  "table of contents", "contents", "toc", "links", "useful links", "resources",
  "further reading", "see also", "references", "related", "related links", "changelog",
  "license", "licence", NULL,
};

static const char * const intro_headings[] = {
  "about", "introduction", "intro", "overview", "purpose", "background", "how to use",
  "how to use this framework", "how to use this", "about this framework", "about the framework",
  "what is this", "context", NULL,
};

static const char * const container_headings[] = {
  "levels", "the levels", "categories", "competencies", "behaviours", "behaviors",
  "expectations", "framework", "the framework", "tracks", "areas", "skills", "criteria", NULL,
};

static const char * const level_words[] = {
  "junior", "mid", "mid-level", "intermediate", "senior", "staff", "principal",
  "distinguished", "fellow", "associate", "entry", "entry-level", "graduate", "apprentice",
  "intern", "trainee", NULL,
};

/* "Senior", "Staff Engineer", "Software Engineer II": a level named by
 * its rank rather than by its number. */
static gboolean
is_rank_heading (const char *text)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *first = NULL;
  guint n;

  if (_ladder_import_count_words (text, 4) > 4)
    return FALSE;

  words = g_strsplit (text, " ", -1);
  n = g_strv_length (words);
  if (n == 0)
    return FALSE;

  first = g_ascii_strdown (words[0], -1);
  if (key_in (first, level_words))
    {
      g_autofree char *last = g_ascii_strdown (words[n - 1], -1);

      /* "Senior Leadership Competencies" is a category. */
      return !g_str_equal (last, "competencies") && !g_str_equal (last, "competency") &&
             !g_str_equal (last, "skills") && !g_str_equal (last, "values");
    }

  if (n >= 2)
    {
      static const char * const romans[] = {
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", NULL,
      };

      return key_in (words[n - 1], romans) && g_ascii_isupper (words[0][0]);
    }

  return FALSE;
}

static gboolean
is_level_heading (const char  *text,
                  char       **id)
{
  if (_ladder_import_parse_level_cue (text, id))
    return TRUE;
  if (is_rank_heading (text))
    {
      *id = NULL;
      return TRUE;
    }

  return FALSE;
}

static void
classify_headings (MdParser *parser)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint min_depth = G_MAXUINT;
  guint at_min = 0;
  guint first = LADDER_IMPORT_NONE;
  gboolean any_level = FALSE;
  gboolean repeats = FALSE;

  /* Bold lines standing alone are headings below all the others. */
  for (guint i = parser->body_start; i < parser->n_lines; i++)
    {
      MdLine *ml = &parser->lines[i];
      g_autofree char *label = NULL;

      if (ml->kind != MD_TEXT)
        continue;
      if (i > parser->body_start && parser->lines[i - 1].kind != MD_BLANK &&
          parser->lines[i - 1].kind != MD_HEADING && parser->lines[i - 1].kind != MD_RULE)
        continue;
      if (i + 1 < parser->n_lines && parser->lines[i + 1].kind == MD_TEXT)
        continue;

      label = bold_label (ml->content);
      if (label != NULL)
        {
          ml->kind = MD_HEADING;
          ml->depth = 7;
          ml->text = g_steal_pointer (&label);
        }
    }

  for (guint i = parser->body_start; i < parser->n_lines; i++)
    {
      MdLine *ml = &parser->lines[i];
      gsize length;

      if (ml->kind != MD_HEADING)
        continue;

      if (ml->text == NULL)
        {
          g_autofree char *raw = g_strdup (ml->content);

          /* "## Title ##": closing hashes are not part of it. */
          length = strlen (raw);
          while (length > 0 && (raw[length - 1] == '#' || raw[length - 1] == ' '))
            raw[--length] = '\0';
          ml->text = _ladder_import_strip_inline (raw, -1);
        }

      if (first == LADDER_IMPORT_NONE)
        first = i;
      if (ml->depth < min_depth)
        {
          min_depth = ml->depth;
          at_min = 0;
        }
      if (ml->depth == min_depth)
        at_min++;
    }

  for (guint i = parser->body_start; i < parser->n_lines; i++)
    {
      MdLine *ml = &parser->lines[i];
      g_autofree char *key = NULL;

      if (ml->kind != MD_HEADING)
        continue;

      key = _ladder_import_casefold_key (ml->text);
      if (ml->text[0] == '\0')
        ml->role = ROLE_NONE;
      else if (key_in (key, skip_headings) || strstr (key, "faq") != NULL ||
               strstr (key, "frequently asked") != NULL)
        ml->role = ROLE_SKIP;
      else if (key_in (key, intro_headings))
        ml->role = ROLE_INTRO;
      else if (_ladder_import_is_examples_heading (ml->text))
        ml->role = ROLE_EXAMPLES;
      else if (is_level_heading (ml->text, &ml->level_id))
        ml->role = ROLE_LEVEL;
      else if (i == first && ml->depth == min_depth && at_min == 1)
        ml->role = ROLE_TITLE;
      else if (key_in (key, container_headings))
        ml->role = ROLE_CONTAINER;
      else
        ml->role = ROLE_CATEGORY;

      if (ml->role == ROLE_LEVEL)
        any_level = TRUE;
      if (ml->role == ROLE_CATEGORY)
        {
          parser->have_categories = TRUE;
          if (g_hash_table_contains (seen, key))
            repeats = TRUE;
          else
            g_hash_table_add (seen, g_steal_pointer (&key));
        }
      if ((ml->role == ROLE_LEVEL || ml->role == ROLE_CATEGORY) &&
          parser->first_structure == LADDER_IMPORT_NONE)
        parser->first_structure = i;
    }

  /* Bold level labels in lists also say where the levels are. */
  for (guint i = parser->body_start; i < parser->n_lines && !any_level; i++)
    {
      MdLine *ml = &parser->lines[i];
      g_autofree char *label = NULL;
      g_autofree char *id = NULL;

      if (ml->kind != MD_ITEM)
        continue;
      label = bold_label (ml->content);
      if (label != NULL && is_level_heading (label, &id))
        any_level = TRUE;
    }

  parser->cycle = !any_level && repeats;
}

/* Building */

static const char *
skipped_line_message (void)
{
  return _("Dropped a line of a section that holds questions or links, not behaviours.");
}

/* Before the first level or category heading, and in an "About"
 * section, text describes the framework. */
static gboolean
in_preamble (MdParser *parser,
             guint     index)
{
  return parser->intro ||
         parser->first_structure == LADDER_IMPORT_NONE ||
         index < parser->first_structure;
}

static const char *
lookup_scalar (yaml_document_t *document,
               yaml_node_t     *mapping,
               const char      *key)
{
  return _ladder_import_yaml_scalar (_ladder_import_yaml_lookup (document, mapping, key));
}

static void
warn_line (MdParser   *parser,
           MdLine     *ml,
           const char *message)
{
  _ladder_import_warn (parser->input, ml->line, message);
}

static void
flush_prose (MdParser *parser)
{
  if (parser->prose->len > 0)
    _ladder_import_builder_add_description (parser->builder, parser->prose->str);
  g_string_truncate (parser->prose, 0);
}

static const char *
keep_section (MdParser   *parser,
              const char *section)
{
  char *copy = g_strdup (section);

  g_ptr_array_add (parser->sections, copy);

  return copy;
}

static guint
implicit_level (MdParser *parser)
{
  guint n = _ladder_import_builder_get_n_levels (parser->builder);
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;

  if (n > 0 && !parser->cycle)
    return n - 1;

  id = g_strdup_printf ("%u", n + 1);
  /* Level names are data, in the framework's language: not translated. */
  name = g_strdup_printf ("Level %u", n + 1);

  return _ladder_import_builder_add_level (parser->builder, id, name);
}

static void
handle_heading (MdParser *parser,
                MdLine   *ml)
{
  guint depth = ml->depth;

  g_array_set_size (parser->stack, 0);

  if (parser->skipping && depth > parser->skip_depth)
    {
      warn_line (parser, ml, skipped_line_message ());
      return;
    }
  parser->skipping = FALSE;

  if (parser->intro && depth > parser->intro_depth)
    {
      flush_prose (parser);
      g_string_append (parser->prose, ml->text);
      flush_prose (parser);
      return;
    }
  if (parser->intro)
    flush_prose (parser);
  parser->intro = FALSE;

  if (ml->role != ROLE_EXAMPLES)
    {
      parser->examples_mode = FALSE;
      parser->last_behaviour = NULL;
    }
  parser->items_since_heading = 0;

  /* A heading closes the headings of its depth and deeper, but a level
   * and a category at the same depth alternate rather than nest. */
  switch (ml->role)
    {
    case ROLE_LEVEL:
      if (parser->category_depth > depth)
        {
          parser->category = LADDER_IMPORT_NONE;
          parser->category_depth = 0;
        }
      parser->level = _ladder_import_builder_add_level (parser->builder, ml->level_id, ml->text);
      parser->level_depth = depth;
      g_hash_table_remove_all (parser->level_categories);
      break;

    case ROLE_CATEGORY:
      if (parser->level_depth > depth)
        {
          parser->level = LADDER_IMPORT_NONE;
          parser->level_depth = 0;
        }
      {
        guint category = _ladder_import_builder_add_category (parser->builder, ml->text, NULL);

        if (parser->cycle &&
            (parser->level == LADDER_IMPORT_NONE ||
             g_hash_table_contains (parser->level_categories, GUINT_TO_POINTER (category + 1))))
          {
            parser->level = implicit_level (parser);
            g_hash_table_remove_all (parser->level_categories);
          }
        g_hash_table_add (parser->level_categories, GUINT_TO_POINTER (category + 1));
        parser->category = category;
        parser->category_depth = depth;
      }
      break;

    case ROLE_EXAMPLES:
      parser->examples_mode = TRUE;
      break;

    case ROLE_TITLE:
      if (!parser->named)
        _ladder_import_builder_set_name (parser->builder, ml->text);
      parser->named = TRUE;
      G_GNUC_FALLTHROUGH;

    case ROLE_NONE:
    case ROLE_INTRO:
    case ROLE_SKIP:
    case ROLE_CONTAINER:
    default:
      if (parser->level_depth >= depth)
        {
          parser->level = LADDER_IMPORT_NONE;
          parser->level_depth = 0;
        }
      if (parser->category_depth >= depth)
        {
          parser->category = LADDER_IMPORT_NONE;
          parser->category_depth = 0;
        }
      if (ml->role == ROLE_SKIP)
        {
          parser->skipping = TRUE;
          parser->skip_depth = depth;
          warn_line (parser, ml,
                     _("Dropped a section that holds questions or links, not behaviours."));
        }
      else if (ml->role == ROLE_INTRO)
        {
          parser->intro = TRUE;
          parser->intro_depth = depth;
        }
      break;
    }

  if (ml->role != ROLE_EXAMPLES)
    parser->last_role = ml->role;
}

/* "[GitLab](https://…)", "https://…", "[Guide](…) – how to…": a link,
 * with at most a few words about it. */
static gboolean
is_link_item (const char *content)
{
  const char *p = content;

  if (g_str_has_prefix (p, "http://") || g_str_has_prefix (p, "https://") ||
      g_str_has_prefix (p, "<http"))
    return strchr (p, ' ') == NULL;

  if (*p == '!')
    p++;
  if (*p != '[')
    return FALSE;

  p = strstr (p, "](");
  if (p == NULL)
    return FALSE;
  p = strchr (p, ')');
  if (p == NULL)
    return FALSE;
  p++;
  while (*p == ' ')
    p++;

  return *p == '\0' || g_str_has_prefix (p, "- ") || g_str_has_prefix (p, "\xe2\x80\x93 ") ||
         g_str_has_prefix (p, "\xe2\x80\x94 ") || *p == ':';
}

static void
push_entry (MdParser  *parser,
            ListEntry  entry)
{
  g_array_append_val (parser->stack, entry);
}

/* One list item, with the lines that continue it; returns the index of
 * its last line. */
static guint
handle_item (MdParser *parser,
             guint     index)
{
  MdLine *ml = &parser->lines[index];
  g_autoptr(GString) raw = g_string_new (ml->content);
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  g_autofree char *label_level_id = NULL;
  ListEntry *parent = NULL;
  ListEntry entry = { 0 };
  guint last = index;
  guint level;
  guint category;
  const char *section;
  const char *example;

  /* Continuation lines: right below, or indented under it after a
   * blank line. */
  for (guint i = index + 1; i < parser->n_lines; i++)
    {
      MdLine *next = &parser->lines[i];

      if (next->kind == MD_TEXT && (i == last + 1 || next->indent >= ml->content_indent))
        {
          g_string_append_c (raw, ' ');
          g_string_append (raw, next->content);
          last = i;
        }
      else if (next->kind != MD_BLANK)
        {
          break;
        }
    }

  if (parser->skipping)
    {
      for (guint i = index; i <= last; i++)
        if (parser->lines[i].kind != MD_BLANK)
          warn_line (parser, &parser->lines[i],
                     skipped_line_message ());
      return last;
    }

  text = _ladder_import_strip_inline (raw->str, raw->len);
  if (text[0] == '\0')
    return last;

  /* Before the framework starts, and in an "About" section: part of the
   * description. A page without any heading is all behaviours. */
  if (parser->intro ||
      (parser->first_structure != LADDER_IMPORT_NONE && index < parser->first_structure))
    {
      if (parser->prose->len > 0)
        g_string_append_c (parser->prose, '\n');
      g_string_append (parser->prose, "\xe2\x80\xa2 ");
      g_string_append (parser->prose, text);
      return last;
    }

  while (parser->stack->len > 0 &&
         g_array_index (parser->stack, ListEntry, parser->stack->len - 1).indent >= ml->indent)
    g_array_set_size (parser->stack, parser->stack->len - 1);
  if (parser->stack->len > 0)
    parent = &g_array_index (parser->stack, ListEntry, parser->stack->len - 1);

  level = parent != NULL ? parent->level : parser->level;
  category = parent != NULL ? parent->category : parser->category;
  section = parent != NULL ? parent->section : NULL;
  entry.indent = ml->indent;
  entry.level = level;
  entry.category = category;
  entry.section = section;

  if ((parent != NULL && parent->kind == ENTRY_DROPPED) || is_link_item (g_strstrip (raw->str)))
    {
      for (guint i = index; i <= last; i++)
        if (parser->lines[i].kind != MD_BLANK)
          warn_line (parser, &parser->lines[i],
                     _("Dropped a link: a list of links is not behaviours."));
      entry.kind = ENTRY_DROPPED;
      push_entry (parser, entry);
      return last;
    }

  label = bold_label (raw->str);
  if (label == NULL && index + 1 < parser->n_lines && _ladder_import_parse_level_cue (text, NULL))
    {
      /* "- Level 2" with bullets under it. */
      for (guint i = last + 1; i < parser->n_lines; i++)
        {
          if (parser->lines[i].kind == MD_BLANK)
            continue;
          if (parser->lines[i].kind == MD_ITEM && parser->lines[i].indent > ml->indent)
            label = g_strdup (text);
          break;
        }
    }

  if (label != NULL)
    {
      if (is_level_heading (label, &label_level_id))
        {
          entry.kind = ENTRY_LEVEL_LABEL;
          entry.level = _ladder_import_builder_add_level (parser->builder, label_level_id, label);
        }
      else if (category == LADDER_IMPORT_NONE && parent == NULL)
        {
          entry.kind = ENTRY_CATEGORY_LABEL;
          entry.category = _ladder_import_builder_add_category (parser->builder, label, NULL);
        }
      else
        {
          entry.kind = ENTRY_SECTION_LABEL;
          entry.section = keep_section (parser, label);
        }
      push_entry (parser, entry);
      return last;
    }

  if (parent != NULL && parent->kind == ENTRY_EXAMPLE && parent->behaviour == NULL)
    {
      if (level == LADDER_IMPORT_NONE)
        level = implicit_level (parser);
      _ladder_import_builder_add_cell_example (parser->builder, level, category, text);
      entry.kind = ENTRY_EXAMPLE;
      push_entry (parser, entry);
      return last;
    }

  if (parent != NULL && (parent->kind == ENTRY_BEHAVIOUR || parent->kind == ENTRY_EXAMPLE))
    {
      example = _ladder_import_strip_example_prefix (text);
      _ladder_import_item_add_example (parent->behaviour, example != NULL ? example : text);
      entry.kind = ENTRY_EXAMPLE;
      entry.behaviour = parent->behaviour;
      push_entry (parser, entry);
      return last;
    }

  if (parent == NULL && parser->examples_mode && parser->last_behaviour != NULL)
    {
      _ladder_import_item_add_example (parser->last_behaviour, text);
      entry.kind = ENTRY_EXAMPLE;
      entry.behaviour = parser->last_behaviour;
      push_entry (parser, entry);
      return last;
    }

  if (level == LADDER_IMPORT_NONE)
    {
      if (ml->ordered && parent == NULL && category != LADDER_IMPORT_NONE && !parser->cycle)
        {
          /* Under a category, item N of an ordered list is level N. */
          g_autofree char *id = g_strdup_printf ("%u", ml->number);
          g_autofree char *name = g_strdup_printf ("Level %u", ml->number);

          level = _ladder_import_builder_add_level (parser->builder, id, name);
        }
      else
        {
          level = implicit_level (parser);
        }
    }

  example = _ladder_import_strip_example_prefix (text);
  if (example != NULL)
    {
      _ladder_import_builder_add_cell_example (parser->builder, level, category, example);
      entry.kind = ENTRY_EXAMPLE;
      push_entry (parser, entry);
      return last;
    }

  entry.kind = ENTRY_BEHAVIOUR;
  entry.behaviour = _ladder_import_builder_add_behaviour (parser->builder, level, category, section,
                                                          text, ml->line->number);
  parser->last_behaviour = entry.behaviour;
  parser->items_since_heading++;
  push_entry (parser, entry);

  return last;
}

/* A paragraph: lines [start, end]. */
static void
handle_paragraph (MdParser *parser,
                  guint     start,
                  guint     end)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  g_autofree char *text = NULL;
  const char *example;

  if (parser->skipping)
    {
      for (guint i = start; i <= end; i++)
        warn_line (parser, &parser->lines[i],
                   skipped_line_message ());
      return;
    }

  for (guint i = start; i <= end; i++)
    {
      if (raw->len > 0)
        g_string_append_c (raw, ' ');
      g_string_append (raw, parser->lines[i].content);
    }
  text = _ladder_import_strip_inline (raw->str, raw->len);
  if (text[0] == '\0')
    return;

  if (in_preamble (parser, start))
    {
      flush_prose (parser);
      g_string_append (parser->prose, text);
      flush_prose (parser);
      return;
    }

  if (_ladder_import_is_examples_heading (text))
    {
      parser->examples_mode = TRUE;
      return;
    }

  example = _ladder_import_strip_example_prefix (text);
  if (example != NULL &&
      (parser->level != LADDER_IMPORT_NONE || parser->category != LADDER_IMPORT_NONE))
    {
      guint level = parser->level != LADDER_IMPORT_NONE ? parser->level : implicit_level (parser);

      _ladder_import_builder_add_cell_example (parser->builder, level, parser->category, example);
      return;
    }

  if (parser->items_since_heading == 0 && parser->stack->len == 0)
    {
      if (parser->last_role == ROLE_LEVEL && parser->level != LADDER_IMPORT_NONE)
        {
          /* A level inside a category: the summary of that cell. */
          if (parser->category != LADDER_IMPORT_NONE &&
              parser->category_depth < parser->level_depth)
            {
              _ladder_import_builder_add_cell_summary (parser->builder, parser->level,
                                                       parser->category, text);
            }
          else
            {
              _ladder_import_builder_set_level_summary (parser->builder, parser->level, text);
              if (!parser->have_categories)
                _ladder_import_builder_add_cell_summary (parser->builder, parser->level,
                                                         LADDER_IMPORT_NONE, text);
            }
          return;
        }
      if (parser->last_role == ROLE_CATEGORY && parser->category != LADDER_IMPORT_NONE)
        {
          if (parser->level != LADDER_IMPORT_NONE)
            _ladder_import_builder_add_cell_summary (parser->builder, parser->level,
                                                     parser->category, text);
          else
            _ladder_import_builder_set_category_description (parser->builder,
                                                             parser->category, text);
          return;
        }
      if (parser->last_role == ROLE_TITLE || parser->last_role == ROLE_CONTAINER)
        {
          flush_prose (parser);
          g_string_append (parser->prose, text);
          flush_prose (parser);
          return;
        }
    }

  for (guint i = start; i <= end; i++)
    warn_line (parser, &parser->lines[i],
               _("Dropped a paragraph between behaviours: it is neither a summary nor a "
                 "behaviour."));
}

static void
parse_front_matter (MdParser  *parser,
                    guint      end,
                    GError   **error,
                    gboolean  *ok)
{
  yaml_document_t document;
  yaml_node_t *root;
  const char *value;

  *ok = _ladder_import_load_yaml (parser->input, end, &document, error);
  if (!*ok)
    return;

  root = yaml_document_get_root_node (&document);
  if (root != NULL && root->type == YAML_MAPPING_NODE)
    {
      value = lookup_scalar (&document, root, "title");
      if (value == NULL)
        value = lookup_scalar (&document, root, "name");
      if (value != NULL && value[0] != '\0')
        {
          _ladder_import_builder_set_name (parser->builder, value);
          parser->named = TRUE;
        }

      value = lookup_scalar (&document, root, "organisation");
      if (value == NULL)
        value = lookup_scalar (&document, root, "organization");
      if (value == NULL)
        value = lookup_scalar (&document, root, "company");
      if (value != NULL && value[0] != '\0')
        _ladder_import_builder_set_organisation (parser->builder, value);

      value = lookup_scalar (&document, root, "description");
      if (value != NULL && value[0] != '\0')
        _ladder_import_builder_add_description (parser->builder, value);
    }

  yaml_document_delete (&document);
}

LadderFramework *
_ladder_import_parse_markdown (const LadderImportInput  *input,
                               LadderImportBuilder      *builder,
                               GError                  **error)
{
  MdParser parser = { 0 };
  LadderFramework *framework = NULL;
  guint front_end;
  gboolean ok = TRUE;

  parser.input = input;
  parser.builder = builder;
  parser.n_lines = input->n_lines;
  parser.lines = g_new0 (MdLine, MAX (input->n_lines, 1));
  parser.level = LADDER_IMPORT_NONE;
  parser.category = LADDER_IMPORT_NONE;
  parser.first_structure = LADDER_IMPORT_NONE;
  parser.level_categories = g_hash_table_new (NULL, NULL);
  parser.stack = g_array_new (FALSE, FALSE, sizeof (ListEntry));
  parser.sections = g_ptr_array_new_with_free_func (g_free);
  parser.prose = g_string_new (NULL);

  for (guint i = 0; i < input->n_lines; i++)
    {
      parser.lines[i].line = &input->lines[i];
      parser.lines[i].content = input->lines[i].text;
    }

  if (_ladder_import_find_front_matter (input, &front_end))
    {
      parse_front_matter (&parser, front_end, error, &ok);
      for (guint i = 0; i <= front_end; i++)
        parser.lines[i].kind = MD_FRONT_MATTER;
      parser.body_start = front_end + 1;
    }

  if (ok)
    {
      classify_lines (&parser);
      classify_headings (&parser);

      for (guint i = parser.body_start; i < parser.n_lines; i++)
        {
          MdLine *ml = &parser.lines[i];

          switch (ml->kind)
            {
            case MD_HEADING:
              handle_heading (&parser, ml);
              break;

            case MD_ITEM:
              i = handle_item (&parser, i);
              break;

            case MD_TEXT:
              {
                guint end = i;

                while (end + 1 < parser.n_lines && parser.lines[end + 1].kind == MD_TEXT)
                  end++;
                g_array_set_size (parser.stack, 0);
                handle_paragraph (&parser, i, end);
                i = end;
              }
              break;

            case MD_HTML:
              warn_line (&parser, ml, _("Dropped HTML: markup is not a behaviour."));
              break;

            case MD_TABLE:
              warn_line (&parser, ml,
                         _("Dropped a table row: a table is not a list of behaviours."));
              break;

            case MD_FENCE:
              warn_line (&parser, ml, _("Dropped a line of a code block."));
              break;

            case MD_LINK_DEFINITION:
              warn_line (&parser, ml, _("Dropped a link definition."));
              break;

            case MD_BLANK:
              if (in_preamble (&parser, i))
                flush_prose (&parser);
              break;

            case MD_RULE:
            case MD_FRONT_MATTER:
            default:
              break;
            }
        }

      flush_prose (&parser);
      framework = _ladder_import_builder_finish (builder, error);
    }

  for (guint i = 0; i < parser.n_lines; i++)
    {
      g_free (parser.lines[i].text);
      g_free (parser.lines[i].level_id);
    }
  g_free (parser.lines);
  g_hash_table_unref (parser.level_categories);
  g_array_unref (parser.stack);
  g_ptr_array_unref (parser.sections);
  g_string_free (parser.prose, TRUE);

  return framework;
}
