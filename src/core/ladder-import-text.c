/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-import-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ladder-import-outline-private.h"
#include "ladder-import-private.h"

/* Text copied from a web page (and the bundled frameworks of data/), read
 * into the outline that every format becomes; ladder-import-reading*.c
 * then read it into levels and categories as they read Markdown or HTML.
 * The page's markup is gone, so its structure is read back from the
 * lines, the way a careful reader would:
 *
 * - a level heading is a line with a level cue ("Level N"); a category
 *   heading a short title-like line that repeats from level to level, a
 *   line that starts or ends with an emoji, a short line set apart above a
 *   list, or a "<Level> <Category> Competencies" line, whose first word
 *   names the level (other headings starting with that word are
 *   categories too), which becomes a level heading and a category one;
 * - a bullet (•, -, *, ◦, ‣, ▪…, or "1.") is an item, and so is, on a page
 *   without bullets, every other line, as a paragraph; deeper bullets,
 *   lines under an "Examples" heading and quoted lines are items of the
 *   behaviour above;
 * - on a page with bullets, the first plain line under a heading is a
 *   paragraph (its summary), and a short line right above bullets a label
 *   (their section);
 * - the lines before the first heading are the title and paragraphs;
 *   after the last one, text that no heading claims is either an "About…"
 *   section, a top heading with its paragraphs, or site chrome (sign-up
 *   footers);
 * - breadcrumbs ("A | B | C"), template comments (`<%# … %>`) and site
 *   chrome hold no node: they are listed as dropped, for the report.
 *
 * Each line is looked at a fixed number of times and every check that
 * reads words stops after a few of them, so the time is linear. */

typedef enum
{
  KIND_BLANK,
  KIND_CHROME,
  KIND_LEVEL,
  KIND_CATEGORY,
  KIND_EXAMPLES,
  KIND_LABEL,
  KIND_ITEM,
} Kind;

typedef struct
{
  const LadderImportLine *line;
  Kind                    kind;
  guint                   indent;
  gboolean                bullet;
  char                   *text;       /* without indent and bullet, spaces collapsed */
  char                   *key;        /* heading candidates: the casefolded name */
  char                   *level_id;   /* KIND_LEVEL: its number */
  char                   *level_word; /* KIND_CATEGORY under "<Level> … Competencies" */
  char                   *category;   /* KIND_CATEGORY: its name, emoji and all */
  const char             *chrome;     /* KIND_CHROME: why it is dropped */
} TextLine;

typedef struct
{
  TextLine                *lines;
  guint                    n_lines;

  gboolean                 bulleted;
  gboolean                 have_levels;
  gboolean                 have_categories;
  gboolean                 have_competencies;
  gboolean                 category_major;
  guint                    title;          /* index of the title line, or NONE */
  guint                    body_start;
  guint                    last_heading;
} TextParser;

static const char * const bullets[] = {
  "\xe2\x80\xa2", /* • */
  "\xe2\x97\xa6", /* ◦ */
  "\xe2\x80\xa3", /* ‣ */
  "\xe2\x96\xaa", /* ▪ */
  "\xe2\x96\xab", /* ▫ */
  "\xe2\x97\x8f", /* ● */
  "\xe2\x97\x8b", /* ○ */
  "\xe2\x96\xa0", /* ■ */
  "\xe2\x96\xa1", /* □ */
  "\xe2\x81\x83", /* ⁃ */
  "\xc2\xb7",     /* · */
  "\xe2\x80\x93", /* – */
  "\xe2\x80\x94", /* — */
  "-",
  "*",
  "+",
};

/* Reads the indent (a tab counts to the next multiple of four columns) and
 * the bullet, if any, of one line. */
static void
parse_line (TextLine               *tl,
            const LadderImportLine *line)
{
  const char *p = line->text;
  const char *end = line->text + line->length;
  guint indent = 0;

  tl->line = line;

  for (;;)
    {
      if (*p == ' ')
        {
          indent++;
          p++;
        }
      else if (*p == '\t')
        {
          indent = (indent / 4 + 1) * 4;
          p++;
        }
      else if ((guchar) p[0] == 0xc2 && (guchar) p[1] == 0xa0)
        {
          indent++;
          p += 2;
        }
      else
        {
          break;
        }
    }
  tl->indent = indent;

  for (guint i = 0; i < G_N_ELEMENTS (bullets); i++)
    {
      gsize length = strlen (bullets[i]);

      const char *after = p + length;

      if (strncmp (p, bullets[i], length) == 0 &&
          (*after == ' ' || *after == '\t' ||
           ((guchar) after[0] == 0xc2 && (guchar) after[1] == 0xa0)))
        {
          tl->bullet = TRUE;
          p += length;
          break;
        }
    }

  /* "1." or "1)" numbers an item like a bullet. */
  if (!tl->bullet && g_ascii_isdigit (*p))
    {
      const char *q = p;

      while (g_ascii_isdigit (*q) && q - p < 3)
        q++;
      if ((*q == '.' || *q == ')') && (q[1] == ' ' || q[1] == '\t'))
        {
          tl->bullet = TRUE;
          p = q + 1;
        }
    }

  tl->text = _ladder_import_collapse_space (p, end - p);
  tl->kind = tl->text[0] == '\0' ? KIND_BLANK : KIND_ITEM;
}

/* `<%# … %>`, `<!-- … -->`, `{# … #}`: the page's source showing through. */
static gboolean
is_template_comment (const char *text)
{
  static const struct { const char *open; const char *close; } comments[] = {
    { "<%#", "%>" },
    { "<!--", "-->" },
    { "{#", "#}" },
    { "{%", "%}" },
    { "<%", "%>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (comments); i++)
    {
      if (g_str_has_prefix (text, comments[i].open) && g_str_has_suffix (text, comments[i].close))
        return TRUE;
    }

  return FALSE;
}

/* "Intermediate Backend | Senior Backend | Staff Backend": three or more
 * short parts between one kind of separator. */
static gboolean
is_breadcrumb (const char *text)
{
  static const char * const separators[] = {
    " | ", " \xe2\x80\xba ", " \xc2\xbb ", " > ", " / ", " \xe2\x86\x92 ",
  };

  if (strlen (text) > 1000)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      g_auto(GStrv) parts = NULL;
      gboolean short_parts = TRUE;

      if (strstr (text, separators[i]) == NULL)
        continue;

      parts = g_strsplit (text, separators[i], -1);
      if (g_strv_length (parts) < 3)
        continue;

      for (guint j = 0; parts[j] != NULL && short_parts; j++)
        {
          g_strstrip (parts[j]);
          short_parts = parts[j][0] != '\0' &&
                        _ladder_import_count_words (parts[j], 5) <= 5 &&
                        !_ladder_import_ends_sentence (parts[j]);
        }
      if (short_parts)
        return TRUE;
    }

  return FALSE;
}

/* "Designs simple database tables" reads as a behaviour; "Basic CRUD
 * handlers" reads as an example: behaviours start with a verb in the third
 * person ("Designs", "Includes", "Is"). */
static gboolean
reads_like_behaviour (const char *text)
{
  const char *p = text;
  gsize length;

  if (!g_ascii_isupper (*p))
    return FALSE;
  p++;
  while (g_ascii_islower (*p))
    p++;
  if (*p != ' ' && *p != '\0')
    return FALSE;

  length = p - text;

  return length >= 2 && text[length - 1] == 's' &&
         !(length >= 3 && text[length - 2] == 's');
}

static gboolean
is_plain (const TextLine *tl)
{
  return tl->kind == KIND_ITEM && !tl->bullet;
}

static void
mark_category (TextLine   *tl,
               const char *name,
               const char *level_word)
{
  tl->kind = KIND_CATEGORY;
  g_free (tl->category);
  tl->category = g_strdup (name);
  g_free (tl->level_word);
  tl->level_word = g_strdup (level_word);
}

/* The first word of @text, or NULL. */
static char *
first_word (const char *text)
{
  const char *space = strchr (text, ' ');

  if (space == NULL)
    return NULL;

  return g_strndup (text, space - text);
}

static gboolean
has_whole_word (const char *text,
                const char *word)
{
  gsize length = strlen (word);

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    {
      if ((p == text || !g_ascii_isalnum (p[-1])) && !g_ascii_isalnum (p[length]))
        return TRUE;
    }

  return FALSE;
}

/* "Senior Leadership Competencies": returns where its last word starts. */
static const char *
competency_heading (const TextParser *parser,
                    guint             index)
{
  const TextLine *tl = &parser->lines[index];
  const char *last;

  if (!is_plain (tl) || index == parser->title || !_ladder_import_is_title_like (tl->text, 8))
    return NULL;

  last = strrchr (tl->text, ' ');
  if (last == NULL ||
      (g_ascii_strcasecmp (last + 1, "competencies") != 0 &&
       g_ascii_strcasecmp (last + 1, "competency") != 0))
    return NULL;

  return last;
}

/* "Senior Leadership Competencies", "Senior Technical Competencies",
 * "Senior Values Alignment": the first word that the headings share (or
 * that the title names) is the level; the rest is the category. */
static void
find_competency_headings (TextParser *parser)
{
  g_autoptr(GHashTable) first_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) level_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *title = parser->title != LADDER_IMPORT_NONE ? parser->lines[parser->title].text : "";

  for (guint i = 0; i < parser->n_lines; i++)
    {
      g_autofree char *word = NULL;
      guint count;

      if (competency_heading (parser, i) == NULL)
        continue;

      word = first_word (parser->lines[i].text);
      count = GPOINTER_TO_UINT (g_hash_table_lookup (first_words, word));
      g_hash_table_replace (first_words, g_steal_pointer (&word), GUINT_TO_POINTER (count + 1));
    }

  if (g_hash_table_size (first_words) == 0)
    return;

  for (guint i = 0; i < parser->n_lines; i++)
    {
      TextLine *tl = &parser->lines[i];
      const char *last = competency_heading (parser, i);
      g_autofree char *word = NULL;
      g_autofree char *name = NULL;
      gboolean is_level_word;

      if (last == NULL)
        continue;

      word = first_word (tl->text);
      is_level_word = GPOINTER_TO_UINT (g_hash_table_lookup (first_words, word)) >= 2 ||
                      (_ladder_import_count_words (tl->text, 3) >= 3 &&
                       has_whole_word (title, word));

      if (is_level_word)
        {
          const char *start = tl->text + strlen (word) + 1;

          name = g_strndup (start, MAX (last, start) - start);
          g_hash_table_add (level_words, g_strdup (word));
        }
      else
        {
          name = g_strndup (tl->text, last - tl->text);
        }
      g_strstrip (name);
      if (name[0] == '\0')
        {
          g_free (name);
          name = g_strdup (tl->text);
        }

      mark_category (tl, name, is_level_word ? word : NULL);
    }

  parser->have_competencies = TRUE;

  /* "Senior Values Alignment": another heading of the same level. */
  for (guint i = 0; i < parser->n_lines && g_hash_table_size (level_words) > 0; i++)
    {
      TextLine *tl = &parser->lines[i];
      g_autofree char *word = NULL;

      if (!is_plain (tl) || i == parser->title || !_ladder_import_is_title_like (tl->text, 6))
        continue;

      word = first_word (tl->text);
      if (word != NULL && g_hash_table_contains (level_words, word))
        mark_category (tl, tl->text + strlen (word) + 1, word);
    }
}

/* A line that could head a section: a few words, no final punctuation
 * (a final colon is fine), and either an emoji, title case or, on pages
 * whose behaviours are bullets, a capital ("Technical skills:"). */
static gboolean
looks_like_heading (const char *text,
                    guint       max_words,
                    gboolean    sentence_case)
{
  g_autofree char *bare = NULL;
  gsize length = strlen (text);

  if (length == 0 || length > 256)
    return FALSE;

  bare = g_strdup (text);
  while (length > 0 && bare[length - 1] == ':')
    bare[--length] = '\0';
  if (length == 0 ||
      _ladder_import_count_words (bare, max_words) > max_words ||
      _ladder_import_ends_sentence (bare))
    return FALSE;

  if (_ladder_import_split_emoji (bare, NULL, NULL) ||
      _ladder_import_is_title_like (bare, max_words))
    return TRUE;

  return sentence_case && g_unichar_isupper (g_utf8_get_char (bare));
}

typedef struct
{
  guint count;
  guint levels;     /* how many levels it appears in */
  guint last_level; /* the level it was last seen in, + 1 */
} Repeats;

/* Category headings by their look (an emoji) and by repetition. */
static void
find_repeated_headings (TextParser *parser)
{
  g_autoptr(GHashTable) repeats = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  guint level = 0;

  for (guint i = 0; i < parser->n_lines; i++)
    {
      TextLine *tl = &parser->lines[i];
      Repeats *found;

      if (tl->kind == KIND_LEVEL)
        level++;
      /* On a page of bullets, a plain line that comes back level after
       * level is a heading even in sentence case; on a page without, it
       * might be a behaviour said twice, so it needs title case. */
      if (!is_plain (tl) || !looks_like_heading (tl->text, 6, parser->bulleted))
        continue;

      tl->key = _ladder_import_casefold_key (tl->text);
      found = g_hash_table_lookup (repeats, tl->key);
      if (found == NULL)
        {
          found = g_new0 (Repeats, 1);
          g_hash_table_insert (repeats, tl->key, found);
        }
      found->count++;
      if (found->last_level != level + 1)
        {
          found->levels++;
          found->last_level = level + 1;
        }
    }

  for (guint i = 0; i < parser->n_lines; i++)
    {
      TextLine *tl = &parser->lines[i];
      Repeats *found;
      gboolean repeated;

      if (tl->key == NULL || tl->kind != KIND_ITEM)
        continue;

      found = g_hash_table_lookup (repeats, tl->key);
      repeated = parser->have_levels ? found->levels >= 2 : found->count >= 2;

      if (repeated ||
          (i != parser->title && _ladder_import_split_emoji (tl->text, NULL, NULL)))
        mark_category (tl, tl->text, NULL);
    }
}

/* "Communication", then "Level 1", "Level 2"…, then "Impact", then
 * "Level 1" again: when the levels start over, the line before each run
 * of levels names the category they belong to. */
static void
find_category_major_headings (TextParser *parser)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < parser->n_lines; i++)
    {
      TextLine *tl = &parser->lines[i];

      if (tl->kind != KIND_LEVEL)
        continue;
      if (starts->len == 0 || g_hash_table_contains (seen, tl->level_id))
        {
          g_hash_table_remove_all (seen);
          g_array_append_val (starts, i);
        }
      g_hash_table_add (seen, tl->level_id);
    }

  if (starts->len < 2)
    return;

  for (guint i = 0; i < starts->len; i++)
    {
      guint start = g_array_index (starts, guint, i);
      guint previous = start;
      TextLine *tl;

      while (previous > 0 && parser->lines[previous - 1].kind == KIND_BLANK)
        previous--;
      if (previous == 0)
        continue;

      tl = &parser->lines[previous - 1];
      if (!is_plain (tl) || !looks_like_heading (tl->text, 6, TRUE))
        continue;

      /* With no title above it, the first line is the first category. */
      if (previous - 1 == parser->title)
        parser->title = LADDER_IMPORT_NONE;
      mark_category (tl, tl->text, NULL);
    }
}

/* On a page with bullets and no other category cue: a title-like line set
 * apart by a blank line above a list heads that list. */
static void
find_list_headings (TextParser *parser)
{
  for (guint i = 0; i < parser->n_lines; i++)
    {
      TextLine *tl = &parser->lines[i];
      guint next = i + 1;

      if (!is_plain (tl) || i == parser->title || !looks_like_heading (tl->text, 6, FALSE))
        continue;
      if (next >= parser->n_lines || parser->lines[next].kind != KIND_BLANK)
        continue;
      while (next < parser->n_lines && parser->lines[next].kind == KIND_BLANK)
        next++;
      if (next < parser->n_lines &&
          parser->lines[next].kind == KIND_ITEM && parser->lines[next].bullet)
        mark_category (tl, tl->text, NULL);
    }
}

static gboolean
could_be_label (const TextLine *tl)
{
  return is_plain (tl) &&
         looks_like_heading (tl->text, 5, TRUE) &&
         _ladder_import_strip_example_prefix (tl->text) == NULL;
}

/* "Engineering" right above its bullets, with no blank line between. */
static void
find_labels (TextParser *parser)
{
  for (guint i = parser->n_lines; i-- > 0;)
    {
      TextLine *tl = &parser->lines[i];
      TextLine *next;

      if (i + 1 >= parser->n_lines || !could_be_label (tl))
        continue;

      next = &parser->lines[i + 1];
      if ((next->kind == KIND_ITEM && next->bullet) || next->kind == KIND_LABEL)
        tl->kind = KIND_LABEL;
    }
}

static void
classify (TextParser *parser)
{
  guint bullet_lines = 0;
  guint plain_lines = 0;
  guint first_level = LADDER_IMPORT_NONE;
  guint first_category = LADDER_IMPORT_NONE;

  for (guint i = 0; i < parser->n_lines; i++)
    {
      TextLine *tl = &parser->lines[i];

      if (tl->kind == KIND_BLANK || tl->bullet)
        continue;

      if (is_template_comment (tl->text))
        {
          tl->kind = KIND_CHROME;
          tl->chrome = _("Dropped a template comment: it is the page’s source, not part of "
                         "the framework.");
        }
      else if (is_breadcrumb (tl->text))
        {
          tl->kind = KIND_CHROME;
          tl->chrome = _("Dropped a breadcrumb: it is the page’s navigation, not part of "
                         "the framework.");
        }
      else if (_ladder_import_parse_level_cue (tl->text, &tl->level_id))
        {
          tl->kind = KIND_LEVEL;
          parser->have_levels = TRUE;
        }
      else if (_ladder_import_is_examples_heading (tl->text))
        {
          tl->kind = KIND_EXAMPLES;
        }
    }

  parser->title = LADDER_IMPORT_NONE;
  for (guint i = 0; i < parser->n_lines; i++)
    {
      TextLine *tl = &parser->lines[i];

      if (tl->kind == KIND_BLANK || tl->kind == KIND_CHROME)
        continue;
      if (is_plain (tl) && _ladder_import_parse_by_line (tl->text) == NULL &&
          _ladder_import_count_words (tl->text, 15) <= 15 &&
          !g_str_has_suffix (tl->text, "."))
        parser->title = i;
      break;
    }

  for (guint i = 0; i < parser->n_lines; i++)
    {
      TextLine *tl = &parser->lines[i];

      if (tl->kind == KIND_ITEM && tl->bullet)
        bullet_lines++;
      else if (tl->kind == KIND_ITEM)
        plain_lines++;
    }

  /* Pages that use bullets use them for the behaviours; their plain lines
   * are headings, summaries, labels and prose. Pages without (Monzo's) put
   * one behaviour on each line. */
  parser->bulleted = bullet_lines > 0 && bullet_lines >= plain_lines / 2;

  find_category_major_headings (parser);
  find_competency_headings (parser);
  if (!parser->have_competencies)
    find_repeated_headings (parser);

  for (guint i = 0; i < parser->n_lines; i++)
    parser->have_categories = parser->have_categories || parser->lines[i].kind == KIND_CATEGORY;

  if (parser->bulleted && !parser->have_categories)
    {
      find_list_headings (parser);
      for (guint i = 0; i < parser->n_lines && !parser->have_categories; i++)
        parser->have_categories = parser->lines[i].kind == KIND_CATEGORY;
    }

  if (parser->bulleted)
    find_labels (parser);

  parser->body_start = parser->n_lines;
  parser->last_heading = LADDER_IMPORT_NONE;
  for (guint i = 0; i < parser->n_lines; i++)
    {
      Kind kind = parser->lines[i].kind;

      if (kind == KIND_LEVEL && first_level == LADDER_IMPORT_NONE)
        first_level = i;
      if (kind == KIND_CATEGORY && first_category == LADDER_IMPORT_NONE)
        first_category = i;
      if (kind == KIND_LEVEL || kind == KIND_CATEGORY)
        {
          parser->body_start = MIN (parser->body_start, i);
          parser->last_heading = i;
        }
    }

  /* A category, then its levels. */
  parser->category_major = first_category < first_level && first_level != LADDER_IMPORT_NONE;

  /* No headings at all: the body starts with the first behaviour. */
  if (parser->body_start == parser->n_lines)
    {
      for (guint i = 0; i < parser->n_lines; i++)
        {
          TextLine *tl = &parser->lines[i];

          if (tl->kind != KIND_ITEM || i == parser->title)
            continue;
          if (parser->bulleted && !tl->bullet)
            continue;
          parser->body_start = i;
          break;
        }
    }
}

static void
text_parser_init (TextParser              *parser,
                  const LadderImportInput *input)
{
  parser->n_lines = input->n_lines;
  parser->lines = g_new0 (TextLine, MAX (input->n_lines, 1));

  for (guint i = 0; i < input->n_lines; i++)
    parse_line (&parser->lines[i], &input->lines[i]);

  classify (parser);
}

static void
text_parser_clear (TextParser *parser)
{
  for (guint i = 0; i < parser->n_lines; i++)
    {
      g_free (parser->lines[i].text);
      g_free (parser->lines[i].key);
      g_free (parser->lines[i].level_id);
      g_free (parser->lines[i].level_word);
      g_free (parser->lines[i].category);
    }
  g_free (parser->lines);
}

/* Where the outline is being written. Levels are headings one depth
 * above their categories, or below them when the categories come first. */
typedef struct
{
  LadderOutline *outline;
  TextParser    *parser;
  guint          level_depth;
  guint          category_depth;
  const char    *level_word;    /* the last level a competency heading named */
  guint          behaviour;     /* node of the last behaviour, or NONE */
  guint          base_indent;
  gboolean       have_base;
  gboolean       examples;      /* under an "Examples" heading */
  gboolean       may_summarise; /* a plain line now would be a summary */
  GString       *prose;         /* the paragraph being joined */
  guint          prose_line;
  gboolean       prose_bullet;  /* its last line was a bullet */
} TextOutline;

static guint
add_text_node (TextOutline       *out,
               LadderOutlineKind  kind,
               guint              depth,
               guint              parent,
               const TextLine    *tl,
               const char        *text)
{
  guint index = _ladder_outline_add (out->outline, kind, parent, tl->line->number, text, -1);

  _ladder_outline_get_mutable (out->outline, index)->depth = depth;

  return index;
}

/* Lines join with a space, bullets become lines of their own. */
static void
add_prose (TextOutline    *out,
           const TextLine *tl)
{
  if (out->prose->len == 0)
    out->prose_line = tl->line->number;
  else
    g_string_append (out->prose, tl->bullet || out->prose_bullet ? "\n" : " ");
  out->prose_bullet = tl->bullet;
  if (tl->bullet)
    g_string_append (out->prose, "\xe2\x80\xa2 ");
  g_string_append (out->prose, tl->text);
}

static void
flush_prose (TextOutline *out)
{
  if (out->prose->len == 0)
    return;
  _ladder_outline_add (out->outline, LADDER_OUTLINE_PARAGRAPH, LADDER_IMPORT_NONE,
                       out->prose_line, out->prose->str, -1);
  g_string_truncate (out->prose, 0);
  out->prose_bullet = FALSE;
}

static void
reset_text_context (TextOutline *out)
{
  out->behaviour = LADDER_IMPORT_NONE;
  out->have_base = FALSE;
  out->examples = FALSE;
}

/* A line of the body that is a behaviour or one of its examples. */
static void
add_text_item (TextOutline    *out,
               const TextLine *tl)
{
  TextParser *parser = out->parser;
  gboolean deeper = out->have_base && tl->indent > out->base_indent;
  LadderOutlineKind kind = tl->bullet ? LADDER_OUTLINE_ITEM : LADDER_OUTLINE_PARAGRAPH;

  out->may_summarise = FALSE;

  if (out->behaviour != LADDER_IMPORT_NONE &&
      (deeper || _ladder_import_is_quoted (tl->text) ||
       (out->examples && (parser->bulleted ? tl->bullet : !reads_like_behaviour (tl->text)))))
    {
      add_text_node (out, LADDER_OUTLINE_ITEM, 2, out->behaviour, tl, tl->text);
      return;
    }
  out->examples = FALSE;

  if (!out->have_base || tl->indent < out->base_indent)
    {
      out->have_base = TRUE;
      out->base_indent = tl->indent;
    }
  out->behaviour = add_text_node (out, kind, kind == LADDER_OUTLINE_ITEM ? 1 : 0,
                                  LADDER_IMPORT_NONE, tl, tl->text);
}

/* After the last heading: an "About…" section, or the page around the
 * framework. */
static void
add_text_trailer (TextOutline *out,
                  guint        start)
{
  TextParser *parser = out->parser;
  TextLine *first = &parser->lines[start];

  if (_ladder_import_starts_about_section (first->text))
    {
      /* The section's own heading ("About our frameworks") is its title,
       * not part of the description; a sentence is. */
      if (_ladder_import_count_words (first->text, 8) <= 8 &&
          !_ladder_import_ends_sentence (first->text))
        {
          add_text_node (out, LADDER_OUTLINE_HEADING, 1, LADDER_IMPORT_NONE, first, first->text);
          start++;
        }
      else
        {
          add_text_node (out, LADDER_OUTLINE_HEADING, 1, LADDER_IMPORT_NONE, first, "");
        }

      for (guint i = start; i < parser->n_lines; i++)
        {
          TextLine *tl = &parser->lines[i];

          if (tl->kind == KIND_BLANK)
            flush_prose (out);
          else if (tl->kind == KIND_CHROME)
            _ladder_outline_drop (out->outline, tl->line->number, tl->chrome);
          else
            add_prose (out, tl);
        }
      flush_prose (out);
      return;
    }

  for (guint i = start; i < parser->n_lines; i++)
    {
      TextLine *tl = &parser->lines[i];

      if (tl->kind == KIND_BLANK)
        continue;
      _ladder_outline_drop (out->outline, tl->line->number,
                            tl->kind == KIND_CHROME
                              ? tl->chrome
                              : _("Dropped text after the last level: it reads like the web page "
                                  "around the framework, not part of it."));
    }
}

static void
add_text_label (TextOutline    *out,
                guint           index,
                const TextLine *tl)
{
  TextParser *parser = out->parser;
  g_autofree char *label = NULL;
  guint node;

  out->may_summarise = FALSE;
  reset_text_context (out);
  if (index + 1 < parser->n_lines && parser->lines[index + 1].kind == KIND_LABEL)
    {
      _ladder_outline_drop (out->outline, tl->line->number,
                            _("Dropped a section label with nothing under it."));
      return;
    }

  label = g_strdup (tl->text);
  while (g_str_has_suffix (label, ":"))
    label[strlen (label) - 1] = '\0';
  node = add_text_node (out, LADDER_OUTLINE_LABEL, 0, LADDER_IMPORT_NONE, tl, label);
  _ladder_outline_get_mutable (out->outline, node)->label = g_steal_pointer (&label);
}

void
_ladder_outline_read_text (LadderOutline           *outline,
                           const LadderImportInput *input)
{
  TextParser parser = { 0 };
  TextOutline out = { 0 };

  text_parser_init (&parser, input);
  out.outline = outline;
  out.parser = &parser;
  out.behaviour = LADDER_IMPORT_NONE;
  out.prose = g_string_new (NULL);
  /* Categories first, then their levels; else levels hold categories. A
   * page that names no level has its categories at the top, for the
   * reading that finds the levels in their rounds. */
  out.level_depth = parser.category_major ? 3 : 2;
  out.category_depth = parser.category_major || !(parser.have_levels || parser.have_competencies) ? 2 : 3;

  for (guint i = 0; i < parser.n_lines; i++)
    {
      TextLine *tl = &parser.lines[i];

      if (i < parser.body_start)
        {
          if (tl->kind == KIND_BLANK)
            {
              flush_prose (&out);
            }
          else if (tl->kind == KIND_CHROME)
            {
              _ladder_outline_drop (outline, tl->line->number, tl->chrome);
            }
          else if (i == parser.title)
            {
              flush_prose (&out);
              add_text_node (&out, LADDER_OUTLINE_HEADING, 1, LADDER_IMPORT_NONE, tl, tl->text);
            }
          else
            {
              add_prose (&out, tl);
            }
          continue;
        }
      flush_prose (&out);

      switch (tl->kind)
        {
        case KIND_BLANK:
          break;

        case KIND_CHROME:
          _ladder_outline_drop (outline, tl->line->number, tl->chrome);
          break;

        case KIND_LEVEL:
          add_text_node (&out, LADDER_OUTLINE_HEADING, out.level_depth, LADDER_IMPORT_NONE, tl, tl->text);
          reset_text_context (&out);
          out.may_summarise = parser.bulleted || parser.have_categories;
          break;

        case KIND_CATEGORY:
          if (tl->level_word != NULL &&
              (out.level_word == NULL || strcmp (out.level_word, tl->level_word) != 0))
            {
              add_text_node (&out, LADDER_OUTLINE_HEADING, out.level_depth, LADDER_IMPORT_NONE, tl,
                             tl->level_word);
              out.level_word = tl->level_word;
            }
          add_text_node (&out, LADDER_OUTLINE_HEADING, out.category_depth, LADDER_IMPORT_NONE, tl,
                         tl->category);
          reset_text_context (&out);
          out.may_summarise = TRUE;
          break;

        case KIND_EXAMPLES:
          out.examples = TRUE;
          out.may_summarise = FALSE;
          break;

        case KIND_LABEL:
          add_text_label (&out, i, tl);
          break;

        case KIND_ITEM:
        default:
          if (!parser.bulleted || tl->bullet)
            {
              add_text_item (&out, tl);
            }
          else if (out.may_summarise)
            {
              add_text_node (&out, LADDER_OUTLINE_PARAGRAPH, 0, LADDER_IMPORT_NONE, tl, tl->text);
              out.may_summarise = FALSE;
            }
          else if (parser.last_heading == LADDER_IMPORT_NONE || i > parser.last_heading)
            {
              add_text_trailer (&out, i);
              i = parser.n_lines;
            }
          else
            {
              _ladder_outline_drop (outline, tl->line->number,
                                    _("Dropped a line that is neither a heading nor a behaviour."));
            }
          break;
        }
    }
  flush_prose (&out);

  g_string_free (out.prose, TRUE);
  text_parser_clear (&parser);
}
