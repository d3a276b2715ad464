/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The import formats: their names as the command line spells them, and
 * the detection of a format from the input's first lines. The entry
 * points are in ladder-import.c. */

#define G_LOG_DOMAIN "ladder-import"

#include "config.h"

#include <string.h>

#include "ladder-import-private.h"

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

/* The length of the byte order mark @data starts with: 3 or 0. */
gsize
_ladder_import_skip_bom (const char *data,
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

  p = data + _ladder_import_skip_bom (data, length);
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
