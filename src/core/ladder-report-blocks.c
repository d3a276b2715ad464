/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderReport: making its blocks. Text with the spans that style it,
 * the links it holds and the destinations they point to, headings and
 * page breaks: what ladder-report-content.c and -evidence.c read the
 * profile into, and all the layout is given. The type is in
 * ladder-report.c; ladder-report-private.h says what each file of it
 * does. */

#define G_LOG_DOMAIN "ladder-report"

#include "config.h"

#include <string.h>

#include "ladder-chart-private.h"
#include "ladder-report-private.h"

void
_ladder_report_block_free (gpointer data)
{
  Block *block = data;

  if (!block->shared)
    g_free (block->text);
  g_free (block->spans);
  g_strfreev (block->targets);
  g_free (block->gutter);
  g_free (block->dest);
  g_free (block->outline);
  if (block->chart != NULL)
    block->free_chart (block->chart);
  g_free (block);
}

/* Valid UTF-8 with emoji in their text form: every string of the profile
 * goes through here on its way to the page. */
char *
_ladder_report_printable (const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return g_strdup ("");

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  return _ladder_text_emoji_as_text (text);
}

/* A string for a cairo tag attribute: single-quoted, with the quote and
 * the backslash escaped, as cairo's attribute parser wants them. */
void
_ladder_report_append_quoted (GString    *out,
                              const char *value)
{
  g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

char *
_ladder_report_dest_name (const char *prefix,
                          const char *id)
{
  return g_strconcat (prefix, id, NULL);
}

char *
_ladder_report_link_to_dest (const char *name)
{
  GString *out = g_string_new ("dest=");

  _ladder_report_append_quoted (out, name);
  return g_string_free_and_steal (out);
}

/* A PDF's links are 7-bit URIs (and cairo refuses a link attribute with
 * other bytes, failing the whole document): a link as people write it, an
 * IRI, becomes one as RFC 3987 says, its host in Punycode and every other
 * byte outside printable ASCII percent-encoded. */
static char *
uri_for_pdf (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL);
  g_autofree char *joined = NULL;
  GString *out;

  if (parsed != NULL && g_uri_get_host (parsed) != NULL)
    {
      g_autofree char *host = g_hostname_to_ascii (g_uri_get_host (parsed));

      if (host != NULL)
        joined = g_uri_join (G_URI_FLAGS_ENCODED, g_uri_get_scheme (parsed),
                             g_uri_get_userinfo (parsed), host, g_uri_get_port (parsed),
                             g_uri_get_path (parsed), g_uri_get_query (parsed),
                             g_uri_get_fragment (parsed));
    }
  if (joined == NULL)
    joined = g_strdup (uri);

  out = g_string_new (NULL);
  for (const guchar *p = (const guchar *) joined; *p != '\0'; p++)
    {
      if (*p <= ' ' || *p >= 0x7f || strchr ("\"<>\\^`{|}", *p) != NULL)
        g_string_append_printf (out, "%%%02X", *p);
      else
        g_string_append_c (out, (char) *p);
    }

  return g_string_free_and_steal (out);
}

char *
_ladder_report_link_to_uri (const char *uri)
{
  GString *out = g_string_new ("uri=");
  g_autofree char *ascii = uri_for_pdf (uri);

  _ladder_report_append_quoted (out, ascii);
  return g_string_free_and_steal (out);
}

Block *
_ladder_report_add_block (LadderReport *self,
                          BlockKind     kind,
                          Style         style)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->style = style;
  g_ptr_array_add (self->blocks, block);

  return block;
}

/* Starts a text block; _ladder_report_append() adds to it and
 * _ladder_report_end_text() closes it. */
Block *
_ladder_report_begin_text (LadderReport *self,
                           Style         style)
{
  g_assert (self->text->len == 0);
  g_assert (self->spans->len == 0);
  g_assert (self->targets->len == 0);

  return _ladder_report_add_block (self, BLOCK_TEXT, style);
}

/* Appends @text (from the profile or translated) styled as @kind (-1 for
 * none), linking to @target when it is not %NULL. */
void
_ladder_report_append_span (LadderReport *self,
                            const char   *text,
                            int           kind,
                            char         *target)
{
  g_autofree char *clean = _ladder_report_printable (text);
  Span span;

  span.start = (guint32) self->text->len;
  g_string_append (self->text, clean);
  span.end = (guint32) self->text->len;

  if (kind < 0 || span.end == span.start)
    {
      g_free (target);
      return;
    }

  span.kind = (guint32) kind;
  span.target = -1;
  if (target != NULL)
    {
      span.target = (gint32) self->targets->len;
      g_ptr_array_add (self->targets, target);
    }
  g_array_append_val (self->spans, span);
}

void
_ladder_report_append (LadderReport *self,
                       const char   *text)
{
  _ladder_report_append_span (self, text, -1, NULL);
}

/* Lines of typed text to one block at most: Pango lays out the lines of
 * one layout in time that grows with the square of their number (10,000
 * lines took 40 s), and pages break between blocks. */
#define LINES_PER_BLOCK 32

/* Text a person typed, whose blank lines part paragraphs: blank lines
 * become a small gap rather than whole empty lines. Goes on in blocks of
 * @style and @indent after @block when it is long; returns the block to
 * end. */
Block *
_ladder_report_append_paragraphs (LadderReport *self,
                                  Block        *block,
                                  Style         style,
                                  double        indent,
                                  const char   *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean started = FALSE;
  gboolean gap = FALSE;
  guint n_lines = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *p = lines[i];

      while (*p == ' ' || *p == '\t' || *p == '\r')
        p++;
      if (*p == '\0')
        {
          gap = started;
          continue;
        }

      if (n_lines == LINES_PER_BLOCK)
        {
          _ladder_report_end_text (self, block);
          block->tight = !gap;
          block = _ladder_report_begin_text (self, style);
          block->indent = indent;
          started = FALSE;
          n_lines = 0;
        }

      if (started)
        _ladder_report_append (self, "\n");
      if (gap && started)
        _ladder_report_append_span (self, "\n", SPAN_GAP, NULL);
      _ladder_report_append (self, lines[i]);
      started = TRUE;
      gap = FALSE;
      n_lines++;
    }

  return block;
}

void
_ladder_report_end_text (LadderReport *self,
                         Block        *block)
{
  block->text = g_strndup (self->text->str, self->text->len);
  g_string_truncate (self->text, 0);

  if (self->spans->len > 0)
    {
      block->n_spans = self->spans->len;
      block->spans = g_memdup2 (self->spans->data, sizeof (Span) * self->spans->len);
      g_array_set_size (self->spans, 0);
    }

  if (self->targets->len > 0)
    {
      g_ptr_array_add (self->targets, NULL);
      block->targets = (char **) g_ptr_array_steal (self->targets, NULL);
    }
}

Block *
_ladder_report_add_text (LadderReport *self,
                         Style         style,
                         const char   *text)
{
  Block *block = _ladder_report_begin_text (self, style);

  _ladder_report_append (self, text);
  _ladder_report_end_text (self, block);
  return block;
}

/* A small line that many blocks repeat (a behaviour referred to, a set
 * of tags): its text is kept once, and laid out once per thread. */
Block *
_ladder_report_add_shared_line (LadderReport *self,
                                const char   *text,
                                double        indent)
{
  g_autofree char *clean = _ladder_report_printable (text);
  Block *block = _ladder_report_add_block (self, BLOCK_TEXT, STYLE_SMALL);

  block->text = g_string_chunk_insert_const (self->shared_text, clean);
  block->shared = TRUE;
  block->indent = indent;

  return block;
}

Block *
_ladder_report_add_heading (LadderReport *self,
                            Style         style,
                            const char   *text,
                            guint         outline_level)
{
  Block *block = _ladder_report_add_text (self, style, text);

  block->keep_with_next = TRUE;
  if (outline_level > 0)
    {
      block->outline_level = outline_level;
      block->outline = g_utf8_make_valid (text, -1);
      block->dest = g_strdup_printf ("section-%u", self->n_sections++);
    }
  if (style == STYLE_H1)
    block->rule_below = TRUE;

  return block;
}

void
_ladder_report_add_page_break (LadderReport *self)
{
  _ladder_report_add_block (self, BLOCK_PAGE_BREAK, STYLE_BODY);
}
