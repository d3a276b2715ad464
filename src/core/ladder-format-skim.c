/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Skimming JSON: where the members of an object and the elements of an
 * array start and end, found by matching brackets and skipping strings,
 * with nothing built. What reads a profile's evidence entry by entry, and
 * what lists a large profile before its evidence is read, find the
 * entries with it (ladder-format-profile.c). It checks no more than it
 * needs to find them: what lies between and around them is parsed after
 * all, by whoever reads the spans. */

#define G_LOG_DOMAIN "ladder-format"

#include "config.h"

#include <string.h>

#include "ladder-format-json-private.h"

/* From the opening quote of a string to just past its closing one;
 * @length when there is none. */
static gsize
skim_string (const char *data,
             gsize       length,
             gsize       offset)
{
  for (offset++; offset < length; offset++)
    {
      if (data[offset] == '\\')
        offset++;
      else if (data[offset] == '"')
        return offset + 1;
    }

  return length;
}

/* From the start of a value to just past its end: a string, an object or
 * array with all it holds, or a bare word or number. */
static gsize
skim_value (const char *data,
            gsize       length,
            gsize       offset)
{
  gsize depth = 0;

  if (offset >= length)
    return length;

  if (data[offset] == '"')
    return skim_string (data, length, offset);

  if (data[offset] != '{' && data[offset] != '[')
    {
      while (offset < length && strchr (",]} \t\r\n", data[offset]) == NULL)
        offset++;
      return offset;
    }

  while (offset < length)
    {
      switch (data[offset])
        {
        case '"':
          offset = skim_string (data, length, offset);
          continue;
        case '{':
        case '[':
          depth++;
          break;
        case '}':
        case ']':
          if (--depth == 0)
            return offset + 1;
          break;
        default:
          break;
        }
      offset++;
    }

  return length;
}

/* The elements of the array at @span (from its "[" to just past its
 * "]"), a span each, appended to @elements. FALSE when it is no array the
 * skim can follow. */
static gboolean
skim_elements (const char       *data,
               LadderFormatSpan  span,
               GArray           *elements)
{
  gsize end = span.end - 1;     /* its "]" */
  gsize offset;

  if (span.end < span.start + 2 || data[span.start] != '[' || data[end] != ']')
    return FALSE;

  offset = _ladder_format_skip_space (data, end, span.start + 1);
  while (offset < end)
    {
      LadderFormatSpan element = { offset, skim_value (data, span.end, offset) };

      if (element.end <= element.start || element.end > end)
        return FALSE;
      g_array_append_val (elements, element);

      offset = _ladder_format_skip_space (data, end, element.end);
      if (offset >= end)
        break;
      if (data[offset] != ',')
        return FALSE;
      /* Another element after the comma, not the "]". */
      offset = _ladder_format_skip_space (data, end, offset + 1);
      if (offset >= end)
        return FALSE;
    }

  return TRUE;
}

/* The member @name of the top object of @data, when it is an array
 * written once: its span (from its "[" to just past its "]") and one span
 * per element, appended to @elements (LadderFormatSpan). FALSE when there
 * is no such member, it is no array, it is written twice, or the data is
 * not an object the skim can follow: the caller then reads it whole. */
gboolean
_ladder_format_skim_array_member (const char       *data,
                                  gsize             length,
                                  const char       *name,
                                  LadderFormatSpan *array,
                                  GArray           *elements)
{
  const char * const names[] = { name, NULL };

  if (!_ladder_format_skim_members (data, length, 0, names, array) || array->end == 0)
    return FALSE;

  return skim_elements (data, *array, elements);
}

/* The values of the members @names (NULL-terminated) of the object at
 * @offset, which ends by @length: a span each, {0, 0} for one not there.
 * FALSE when there is no object to follow there or a member of @names is
 * written twice: the caller then reads the object. */
gboolean
_ladder_format_skim_members (const char         *data,
                             gsize               length,
                             gsize               offset,
                             const char * const *names,
                             LadderFormatSpan   *values)
{
  for (guint i = 0; names[i] != NULL; i++)
    values[i] = (LadderFormatSpan) { 0, 0 };

  offset = _ladder_format_skip_space (data, length, offset);
  if (offset >= length || data[offset] != '{')
    return FALSE;
  offset = _ladder_format_skip_space (data, length, offset + 1);
  if (offset < length && data[offset] == '}')
    return TRUE;

  while (offset < length)
    {
      gsize key_start = offset + 1;
      gsize key_length;
      gsize value;

      if (data[offset] != '"')
        return FALSE;
      offset = skim_string (data, length, offset);
      if (offset >= length)
        return FALSE;
      key_length = offset - 1 - key_start;

      offset = _ladder_format_skip_space (data, length, offset);
      if (offset >= length || data[offset] != ':')
        return FALSE;
      value = _ladder_format_skip_space (data, length, offset + 1);
      offset = skim_value (data, length, value);

      for (guint i = 0; names[i] != NULL; i++)
        {
          if (strlen (names[i]) != key_length || memcmp (data + key_start, names[i], key_length) != 0)
            continue;
          if (values[i].end != 0)
            return FALSE;
          values[i] = (LadderFormatSpan) { value, offset };
        }

      offset = _ladder_format_skip_space (data, length, offset);
      if (offset >= length)
        return FALSE;
      if (data[offset] == '}')
        return TRUE;
      if (data[offset] != ',')
        return FALSE;
      offset = _ladder_format_skip_space (data, length, offset + 1);
    }

  return FALSE;
}

/* A day written as the string "2026-11-22" at @span, as its Julian day. */
gboolean
_ladder_format_skim_day (const char       *data,
                         LadderFormatSpan  span,
                         guint32          *day)
{
  char text[11];
  GDate date;

  if (span.end - span.start != 12 || data[span.start] != '"' || data[span.end - 1] != '"')
    return FALSE;

  memcpy (text, data + span.start + 1, 10);
  text[10] = '\0';
  if (!_ladder_format_parse_date (text, &date))
    return FALSE;

  *day = g_date_get_julian (&date);

  return TRUE;
}

/* The strings of an array of strings at @span ({0, 0}: none, an empty
 * list), as a NULL-terminated list; FALSE for anything else, or a string
 * with an escape in it: the entry is then read. */
gboolean
_ladder_format_skim_strings (const char        *data,
                             LadderFormatSpan   span,
                             GStrv             *strings)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GArray) elements = g_array_new (FALSE, FALSE, sizeof (LadderFormatSpan));

  if (span.end != 0 && !skim_elements (data, span, elements))
    return FALSE;

  for (guint i = 0; i < elements->len; i++)
    {
      const LadderFormatSpan *element = &g_array_index (elements, LadderFormatSpan, i);
      gsize start = element->start + 1;
      gsize text_length = element->end - 1 - start;

      if (element->end < element->start + 2 || data[element->start] != '"' ||
          data[element->end - 1] != '"' || memchr (data + start, '\\', text_length) != NULL ||
          !g_utf8_validate_len (data + start, text_length, NULL))
        return FALSE;
      g_strv_builder_take (builder, g_strndup (data + start, text_length));
    }

  *strings = g_strv_builder_end (builder);

  return TRUE;
}
