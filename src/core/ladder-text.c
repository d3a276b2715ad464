/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-text"

#include "config.h"

#include <string.h>

#include "ladder-text-private.h"

/* Whether a run may not end just before @next (after @previous): never
 * inside what reads as one character, so that shaping and the cursor see
 * whole clusters (marks, joined emoji, flags, variation selectors). */
static gboolean
joins (gunichar previous,
       gunichar next)
{
  return g_unichar_ismark (next) ||
         next == 0x200d || previous == 0x200d ||                 /* zero width joiner */
         (next >= 0xfe00 && next <= 0xfe0f) ||                   /* variation selectors */
         (next >= 0xe0000 && next <= 0xe0fff) ||                 /* tags, selectors */
         (next >= 0x1f3fb && next <= 0x1f3ff) ||                 /* skin tones */
         (next >= 0x1f1e6 && next <= 0x1f1ff &&
          previous >= 0x1f1e6 && previous <= 0x1f1ff) ||         /* flags */
         (previous == '\r' && next == '\n');
}

/**
 * _ladder_text_next_run:
 * @text: valid UTF-8
 * @end: the end of @text, after @text
 *
 * Finds where the run of text that starts at @text ends: after about
 * %LADDER_TEXT_RUN_LENGTH characters, just after a space when one comes
 * in the second half of them, and never inside a cluster.
 *
 * Returns: a position after @text, at most @end
 */
const char *
_ladder_text_next_run (const char *text,
                       const char *end)
{
  const char *p = text;
  const char *after_space = NULL;
  gunichar previous = 0;
  guint n = 0;

  g_return_val_if_fail (text < end, end);

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);

      if (n >= LADDER_TEXT_RUN_LENGTH && !joins (previous, c))
        return after_space != NULL ? after_space : p;

      p = g_utf8_next_char (p);
      n++;
      if ((c == ' ' || c == '\t') && n >= LADDER_TEXT_RUN_LENGTH / 2)
        after_space = p;
      previous = c;
    }

  return end;
}

/**
 * _ladder_text_add_runs:
 * @attrs: the attributes of a layout of @text
 * @text: valid UTF-8
 * @length: the length of @text in bytes, or -1 when it ends with a nul
 *
 * Gives each run of @text (see _ladder_text_next_run()) an attribute of
 * its own that changes nothing it looks like (font fallback, which is on
 * by default), so that Pango lays @text out in time that grows with its
 * length only.
 */
void
_ladder_text_add_runs (PangoAttrList *attrs,
                       const char    *text,
                       gssize         length)
{
  const char *end;

  g_return_if_fail (attrs != NULL);
  g_return_if_fail (text != NULL);

  end = text + (length < 0 ? strlen (text) : (gsize) length);
  /* Short text is one item anyway. */
  if (g_utf8_strlen (text, end - text) <= 2 * LADDER_TEXT_RUN_LENGTH)
    return;

  for (const char *p = text; p < end;)
    {
      const char *next = _ladder_text_next_run (p, end);
      PangoAttribute *attr = pango_attr_fallback_new (TRUE);

      attr->start_index = (guint) (p - text);
      attr->end_index = (guint) (next - text);
      pango_attr_list_insert (attrs, attr);
      p = next;
    }
}

/**
 * _ladder_text_append_markdown:
 * @out: where to append
 * @text: text from a profile
 *
 * Appends @text on one line (line breaks and tabs become spaces), with
 * Markdown's marks escaped, and what would start a list of its own at
 * the start of a line ("- ", "+ ", "1. ") escaped too, so that it reads
 * as typed wherever the Markdown is pasted.
 */
void
_ladder_text_append_markdown (GString    *out,
                              const char *text)
{
  const char *p = text;

  /* What would start a list or a heading of its own. */
  if (*p == '-' || *p == '+')
    g_string_append_c (out, '\\');
  else if (g_ascii_isdigit (*p))
    {
      while (g_ascii_isdigit (*p))
        g_string_append_c (out, *p++);
      if (*p == '.' || *p == ')')
        g_string_append_c (out, '\\');
    }

  for (; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t')
        {
          g_string_append_c (out, ' ');
          continue;
        }
      if (strchr ("\\`*_[]<>#|~", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

