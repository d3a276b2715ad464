/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-import-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ladder-import-private.h"

/* Text copied from a web page. The page's markup is gone, so the structure
 * is read back from what is left, the way a careful reader would:
 *
 * - a level is a "Level N" heading; without any, a category heading that
 *   comes round again starts the next level (the headings repeat in a
 *   cycle, one round per level);
 * - a category heading is a short title-like line that repeats from level
 *   to level, a line that starts or ends with an emoji, or a
 *   "<Level> <Category> Competencies" heading, whose first word names the
 *   level (other headings starting with that word are categories too);
 * - behaviours are bullets (•, -, *, ◦, ‣, ▪…) or, on a page without
 *   bullets, every other line; deeper bullets, lines under an "Examples"
 *   heading and quoted lines are examples of the behaviour above; "E.g."
 *   items are examples of the level's cell;
 * - on a page with bullets, the first plain line under a heading is its
 *   summary, and a short line right above bullets labels their section;
 * - before the first heading come the title, "By Organisation" and the
 *   description; after the last one, text that no heading claims is either
 *   an "About…" section, which becomes the description, or site chrome
 *   (sign-up footers), which is dropped;
 * - breadcrumbs ("A | B | C") and template comments (`<%# … %>`) are
 *   dropped wherever they are. Everything dropped is listed in the report.
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

typedef enum
{
  SUMMARY_NONE,
  SUMMARY_LEVEL,
  SUMMARY_CELL,
} SummaryTarget;

typedef struct
{
  const LadderImportInput *input;
  LadderImportBuilder     *builder;
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

  guint                    level;
  guint                    category;
  GHashTable              *level_categories; /* categories seen in the current level */
  char                    *section;
  LadderImportItem        *behaviour;
  gboolean                 have_base;
  guint                    base_indent;
  gboolean                 examples_mode;
  SummaryTarget            summary;
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

/* Words about what follows, not part of the framework's body. */
static gboolean
starts_about_section (const char *text)
{
  static const char * const cues[] = {
    "about", "overview", "introduction", "background", "how", "what", "why", "purpose",
  };
  const char *p = text;

  while (*p != '\0' && *p != ' ')
    p++;

  for (guint i = 0; i < G_N_ELEMENTS (cues); i++)
    {
      if (strlen (cues[i]) == (gsize) (p - text) &&
          g_ascii_strncasecmp (text, cues[i], p - text) == 0)
        return TRUE;
    }

  return FALSE;
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

/* Collects paragraphs for the description: lines join with a space,
 * bullets become lines of their own, a blank line ends a paragraph. */
typedef struct
{
  GString  *paragraph;
  gboolean  last_bullet;
} Prose;

static void
prose_flush (Prose               *prose,
             LadderImportBuilder *builder)
{
  if (prose->paragraph->len > 0)
    _ladder_import_builder_add_description (builder, prose->paragraph->str);
  g_string_truncate (prose->paragraph, 0);
  prose->last_bullet = FALSE;
}

static void
prose_add (Prose          *prose,
           const TextLine *tl)
{
  if (prose->paragraph->len > 0)
    g_string_append (prose->paragraph, tl->bullet || prose->last_bullet ? "\n" : " ");
  if (tl->bullet)
    g_string_append (prose->paragraph, "\xe2\x80\xa2 ");
  g_string_append (prose->paragraph, tl->text);
  prose->last_bullet = tl->bullet;
}

static void
parse_preamble (TextParser *parser)
{
  Prose prose = { g_string_new (NULL), FALSE };

  for (guint i = 0; i < parser->body_start; i++)
    {
      TextLine *tl = &parser->lines[i];
      const char *organisation;

      if (tl->kind == KIND_BLANK)
        {
          prose_flush (&prose, parser->builder);
        }
      else if (tl->kind == KIND_CHROME)
        {
          _ladder_import_warn (parser->input, tl->line, tl->chrome);
        }
      else if (i == parser->title)
        {
          _ladder_import_builder_set_name (parser->builder, tl->text);
        }
      else if (is_plain (tl) && (organisation = _ladder_import_parse_by_line (tl->text)) != NULL)
        {
          _ladder_import_builder_set_organisation (parser->builder, organisation);
        }
      else
        {
          prose_add (&prose, tl);
        }
    }

  prose_flush (&prose, parser->builder);
  g_string_free (prose.paragraph, TRUE);
}

/* What follows the last heading and no heading claims: an "About…"
 * section becomes the description; anything else is the page around the
 * framework (a sign-up footer) and is dropped. */
static void
parse_trailer (TextParser *parser,
               guint       start)
{
  TextLine *first = &parser->lines[start];

  if (starts_about_section (first->text))
    {
      Prose prose = { g_string_new (NULL), FALSE };

      /* The section's own heading ("About our frameworks") is its title,
       * not part of the description. */
      if (_ladder_import_count_words (first->text, 8) <= 8 &&
          !_ladder_import_ends_sentence (first->text))
        start++;

      for (guint i = start; i < parser->n_lines; i++)
        {
          TextLine *tl = &parser->lines[i];

          if (tl->kind == KIND_BLANK)
            prose_flush (&prose, parser->builder);
          else if (tl->kind == KIND_CHROME)
            _ladder_import_warn (parser->input, tl->line, tl->chrome);
          else
            prose_add (&prose, tl);
        }

      prose_flush (&prose, parser->builder);
      g_string_free (prose.paragraph, TRUE);
      return;
    }

  for (guint i = start; i < parser->n_lines; i++)
    {
      TextLine *tl = &parser->lines[i];

      if (tl->kind == KIND_BLANK)
        continue;
      _ladder_import_warn (parser->input, tl->line,
                           tl->kind == KIND_CHROME
                             ? tl->chrome
                             : _("Dropped text after the last level: it reads like the web page "
                                 "around the framework, not part of it."));
    }
}

static void
reset_context (TextParser *parser)
{
  g_clear_pointer (&parser->section, g_free);
  parser->behaviour = NULL;
  parser->have_base = FALSE;
  parser->examples_mode = FALSE;
}

static guint
ensure_level (TextParser *parser)
{
  if (parser->level == LADDER_IMPORT_NONE)
    {
      guint n = _ladder_import_builder_get_n_levels (parser->builder) + 1;
      g_autofree char *id = g_strdup_printf ("%u", n);
      /* Level names are data, in the framework's language: not translated. */
      g_autofree char *name = g_strdup_printf ("Level %u", n);

      parser->level = _ladder_import_builder_add_level (parser->builder, id, name);
      g_hash_table_remove_all (parser->level_categories);
    }

  return parser->level;
}

static void
start_level (TextParser *parser,
             TextLine   *tl)
{
  parser->level = _ladder_import_builder_add_level (parser->builder, tl->level_id, tl->text);
  g_hash_table_remove_all (parser->level_categories);
  if (!parser->category_major)
    parser->category = LADDER_IMPORT_NONE;
  reset_context (parser);
  parser->summary = parser->bulleted || parser->have_categories ? SUMMARY_LEVEL : SUMMARY_NONE;
}

static void
start_category (TextParser *parser,
                TextLine   *tl)
{
  guint category = _ladder_import_builder_add_category (parser->builder, tl->category, NULL);

  if (tl->level_word != NULL)
    {
      parser->level = _ladder_import_builder_add_level (parser->builder, NULL, tl->level_word);
    }
  else if (parser->category_major)
    {
      parser->level = LADDER_IMPORT_NONE;
    }
  else if (!parser->have_levels &&
           (parser->level == LADDER_IMPORT_NONE ||
            g_hash_table_contains (parser->level_categories, GUINT_TO_POINTER (category + 1))))
    {
      /* The categories come round again: the next level starts. */
      parser->level = LADDER_IMPORT_NONE;
      ensure_level (parser);
    }

  g_hash_table_add (parser->level_categories, GUINT_TO_POINTER (category + 1));
  parser->category = category;
  reset_context (parser);
  parser->summary = SUMMARY_CELL;
}

static void
add_summary (TextParser *parser,
             TextLine   *tl)
{
  if (parser->summary == SUMMARY_LEVEL && parser->level != LADDER_IMPORT_NONE)
    {
      _ladder_import_builder_set_level_summary (parser->builder, parser->level, tl->text);
      /* A page with one track: the level's summary is also its cell's. */
      if (!parser->have_categories)
        _ladder_import_builder_add_cell_summary (parser->builder, parser->level,
                                                 LADDER_IMPORT_NONE, tl->text);
    }
  else if (parser->level != LADDER_IMPORT_NONE)
    {
      _ladder_import_builder_add_cell_summary (parser->builder, parser->level,
                                               parser->category, tl->text);
    }
  else if (parser->category != LADDER_IMPORT_NONE)
    {
      _ladder_import_builder_set_category_description (parser->builder, parser->category, tl->text);
    }
}

static void
add_item (TextParser *parser,
          TextLine   *tl)
{
  const char *example = _ladder_import_strip_example_prefix (tl->text);
  gboolean deeper = parser->have_base && tl->indent > parser->base_indent;

  ensure_level (parser);
  parser->summary = SUMMARY_NONE;

  if (example != NULL)
    {
      if (parser->behaviour != NULL && deeper)
        _ladder_import_item_add_example (parser->behaviour, example);
      else
        _ladder_import_builder_add_cell_example (parser->builder, parser->level,
                                                 parser->category, example);
      return;
    }

  if (parser->behaviour != NULL && (deeper || _ladder_import_is_quoted (tl->text)))
    {
      _ladder_import_item_add_example (parser->behaviour, tl->text);
      return;
    }

  if (parser->examples_mode)
    {
      /* Under "Examples": bullets until the list ends, or, on a page
       * without bullets, lines until one reads like a behaviour again. */
      if (parser->bulleted ? tl->bullet : !reads_like_behaviour (tl->text))
        {
          if (parser->behaviour != NULL)
            _ladder_import_item_add_example (parser->behaviour, tl->text);
          else
            _ladder_import_builder_add_cell_example (parser->builder, parser->level,
                                                     parser->category, tl->text);
          return;
        }
      parser->examples_mode = FALSE;
    }

  if (!parser->have_base || tl->indent < parser->base_indent)
    {
      parser->have_base = TRUE;
      parser->base_indent = tl->indent;
    }

  parser->behaviour = _ladder_import_builder_add_behaviour (parser->builder, parser->level,
                                                            parser->category, parser->section,
                                                            tl->text, tl->line->number);
}

static void
parse_body (TextParser *parser)
{
  for (guint i = parser->body_start; i < parser->n_lines; i++)
    {
      TextLine *tl = &parser->lines[i];

      switch (tl->kind)
        {
        case KIND_BLANK:
          break;

        case KIND_CHROME:
          _ladder_import_warn (parser->input, tl->line, tl->chrome);
          break;

        case KIND_LEVEL:
          start_level (parser, tl);
          break;

        case KIND_CATEGORY:
          start_category (parser, tl);
          break;

        case KIND_EXAMPLES:
          parser->examples_mode = TRUE;
          parser->summary = SUMMARY_NONE;
          break;

        case KIND_LABEL:
          parser->summary = SUMMARY_NONE;
          parser->examples_mode = FALSE;
          parser->behaviour = NULL;
          if (i + 1 < parser->n_lines && parser->lines[i + 1].kind == KIND_LABEL)
            {
              _ladder_import_warn (parser->input, tl->line,
                                   _("Dropped a section label with nothing under it."));
              break;
            }
          g_free (parser->section);
          parser->section = g_strdup (tl->text);
          while (g_str_has_suffix (parser->section, ":"))
            parser->section[strlen (parser->section) - 1] = '\0';
          break;

        case KIND_ITEM:
        default:
          if (!parser->bulleted || tl->bullet)
            {
              add_item (parser, tl);
            }
          else if (parser->summary != SUMMARY_NONE)
            {
              add_summary (parser, tl);
            }
          else if (parser->last_heading == LADDER_IMPORT_NONE || i > parser->last_heading)
            {
              parse_trailer (parser, i);
              return;
            }
          else
            {
              _ladder_import_warn (parser->input, tl->line,
                                   _("Dropped a line that is neither a heading nor a behaviour."));
            }
          break;
        }
    }
}

LadderFramework *
_ladder_import_parse_text (const LadderImportInput  *input,
                           LadderImportBuilder      *builder,
                           GError                  **error)
{
  TextParser parser = { 0 };
  LadderFramework *framework;

  parser.input = input;
  parser.builder = builder;
  parser.n_lines = input->n_lines;
  parser.lines = g_new0 (TextLine, MAX (input->n_lines, 1));
  parser.level = LADDER_IMPORT_NONE;
  parser.category = LADDER_IMPORT_NONE;
  parser.level_categories = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < input->n_lines; i++)
    parse_line (&parser.lines[i], &input->lines[i]);

  classify (&parser);
  parse_preamble (&parser);
  parse_body (&parser);

  framework = _ladder_import_builder_finish (builder, error);

  for (guint i = 0; i < parser.n_lines; i++)
    {
      g_free (parser.lines[i].text);
      g_free (parser.lines[i].key);
      g_free (parser.lines[i].level_id);
      g_free (parser.lines[i].level_word);
      g_free (parser.lines[i].category);
    }
  g_free (parser.lines);
  g_free (parser.section);
  g_hash_table_unref (parser.level_categories);

  return framework;
}
