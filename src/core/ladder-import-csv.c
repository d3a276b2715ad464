/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-import-csv"

#include "config.h"

#include <string.h>

#include "ladder-import-outline-private.h"
#include "ladder-import-private.h"

/* CSV and TSV as spreadsheets export them: a cell in double quotes may hold
 * the separator, line breaks and doubled quotes; the separator is a comma,
 * a semicolon (where the comma is the decimal point) or a tab. The whole
 * file is one table whose first row is its header. */

char
_ladder_outline_detect_separator (const char *text,
                                  gsize       length)
{
  guint commas = 0;
  guint semicolons = 0;
  guint tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (c == '\n' || c == '\r')
        break;
      else if (c == ',')
        commas++;
      else if (c == ';')
        semicolons++;
      else if (c == '\t')
        tabs++;
    }

  if (tabs > 0 && tabs >= commas && tabs >= semicolons)
    return '\t';
  if (semicolons > commas)
    return ';';

  return ',';
}

static guint
count_lines (const char *from,
             const char *to)
{
  guint lines = 0;

  for (const char *p = from; p < to; p++)
    if (*p == '\n' || (*p == '\r' && (p + 1 == to || p[1] != '\n')))
      lines++;

  return lines;
}

void
_ladder_outline_read_csv (LadderOutline *outline,
                          const char    *text,
                          gsize          length)
{
  char separator = _ladder_outline_detect_separator (text, length);
  g_autoptr(GString) cell = g_string_new (NULL);
  guint table = _ladder_outline_add (outline, LADDER_OUTLINE_TABLE, G_MAXUINT, 1, NULL, 0);
  guint row = G_MAXUINT;
  guint line = 1;
  guint cell_line = 1;
  gboolean first_row = TRUE;
  gsize i = 0;

  while (i < length)
    {
      gboolean end_of_row = FALSE;
      guint index;

      g_string_truncate (cell, 0);
      cell_line = line;

      if (text[i] == '"')
        {
          gsize start = ++i;

          /* A quoted cell: "" is a quote, anything else up to the closing
           * quote is the cell, line breaks included. */
          while (i < length)
            {
              if (text[i] == '"')
                {
                  if (i + 1 < length && text[i + 1] == '"')
                    {
                      g_string_append_c (cell, '"');
                      i += 2;
                      continue;
                    }
                  break;
                }
              g_string_append_c (cell, text[i]);
              i++;
            }
          line += count_lines (text + start, text + i);
          if (i < length)
            i++;
          /* Text after the closing quote, as spreadsheets keep it. */
          while (i < length && text[i] != separator && text[i] != '\n' && text[i] != '\r')
            g_string_append_c (cell, text[i++]);
        }
      else
        {
          while (i < length && text[i] != separator && text[i] != '\n' && text[i] != '\r')
            g_string_append_c (cell, text[i++]);
        }

      if (i >= length)
        end_of_row = TRUE;
      else if (text[i] == separator)
        i++;
      else
        {
          if (text[i] == '\r' && i + 1 < length && text[i + 1] == '\n')
            i++;
          i++;
          end_of_row = TRUE;
        }

      if (row == G_MAXUINT)
        {
          row = _ladder_outline_add (outline, LADDER_OUTLINE_ROW, table, cell_line, NULL, 0);
          _ladder_outline_get_mutable (outline, row)->header = first_row;
        }

      index = _ladder_outline_add (outline, LADDER_OUTLINE_CELL, row, cell_line, cell->str, cell->len);
      _ladder_outline_get_mutable (outline, index)->header = first_row;

      /* A cell's lines that are bullets are its items. */
      if (strchr (cell->str, '\n') != NULL)
        {
          g_auto(GStrv) lines = g_strsplit (cell->str, "\n", -1);
          g_autoptr(GString) rest = g_string_new (NULL);
          gboolean any = FALSE;

          for (guint k = 0; lines[k] != NULL; k++)
            {
              const char *p = g_strstrip (lines[k]);

              if ((p[0] == '-' || p[0] == '*') && p[1] == ' ')
                p += 2;
              else if (g_str_has_prefix (p, "• "))
                p += strlen ("• ");
              else
                {
                  g_string_append_printf (rest, "%s ", p);
                  continue;
                }
              any = TRUE;
              _ladder_outline_get_mutable (outline,
                                           _ladder_outline_add (outline, LADDER_OUTLINE_ITEM, index,
                                                                cell_line + k, p, -1))->depth = 1;
            }
          if (any)
            {
              LadderOutlineNode *node = _ladder_outline_get_mutable (outline, index);

              g_free (node->text);
              node->text = _ladder_import_collapse_space (rest->str, rest->len);
            }
        }

      if (end_of_row)
        {
          /* A blank line is no row. */
          const LadderOutlineNode *only = _ladder_outline_get_node (outline, index);

          if (index == row + 1 && only->text[0] == '\0')
            _ladder_outline_truncate (outline, row);
          row = G_MAXUINT;
          first_row = FALSE;
          line++;
        }
    }
}
