/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The text helpers the importers share: white space, ids, emoji, the
 * cues that mark a title, a level, an example or a quotation, and the
 * sub-levels a framework names. Each runs in time linear in its input
 * and gives up on a line's words after a few of them. */

#define G_LOG_DOMAIN "ladder-import"

#include "config.h"

#include <string.h>

#include "ladder-import-private.h"

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

/* "By Medium": who publishes the framework; NULL for any other line. */
const char *
_ladder_import_parse_by_line (const char *text)
{
  const char *rest;

  if (!g_str_has_prefix (text, "By ") && !g_str_has_prefix (text, "by "))
    return NULL;

  rest = text + 3;
  if (!_ladder_import_is_title_like (rest, 5))
    return NULL;

  return rest;
}

/* "About our frameworks", "How does it work?": words about the
 * framework, not part of its body. */
gboolean
_ladder_import_starts_about_section (const char *text)
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

/* A section that is not part of any framework, whatever it is under:
 * navigation, contents, a reading list. */
gboolean
_ladder_import_is_other_section (const char *text)
{
  static const char * const names[] = {
    "faq", "frequently asked questions", "questions", "useful links", "links", "resources",
    "further reading", "references", "see also", "contents", "table of contents",
    "changelog", "change log", "licence", "license", "contributing", "navigation",
    "other pages", "recommended reading", "reading list", "recommended books", "books",
    "further resources", "learning resources", NULL
  };
  g_autofree char *key = _ladder_import_casefold_key (text);

  return g_strv_contains (names, key);
}
