/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-report"

#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "ladder-chart.h"
#include "ladder-chart-private.h"
#include "ladder-history.h"
#include "ladder-progress.h"
#include "ladder-report.h"
#include "ladder-review.h"
#include "ladder-text-private.h"
#include "ladder-time-private.h"
#include "ladder-uri.h"

/* The PDF summary of a profile.
 *
 * It is made in three steps, so that the caller's thread only copies and
 * a worker (or the print dialog) does the slow part:
 *
 *  1. ladder_report_new() reads the profile once, on the caller's thread,
 *     into a list of blocks: headings, paragraphs, table rows and the
 *     chart, each with its text, the spans that style it and the links it
 *     holds. Nothing refers back to the profile afterwards.
 *  2. ladder_report_paginate() lays each block out with Pango once and
 *     keeps only the top of each of its lines; page breaks are arithmetic
 *     on those: headings stay with what follows, a paragraph splits
 *     between lines (never a lone line at either end of a page when it
 *     has four or more), and a block taller than a page goes on over as
 *     many as it needs. Nothing is ever cut.
 *  3. Drawing a page lays its blocks out again and draws the lines that
 *     fall on it. Laying out twice costs less than keeping thousands of
 *     layouts alive, and it is what lets "Page N of M" know M.
 *
 * Text is set with pango_layout_set_text() and attributes, never markup,
 * so names with "<" or "&" are just text. Colour emoji would reach the PDF
 * as pictures, which break search and copy on their line, so the summary
 * asks for their text form (see _ladder_text_emoji_as_text()). */

G_DEFINE_QUARK (ladder-report-error-quark, ladder_report_error)

/* The GNOME palette, for paper. */
#define INK 0x241f31
#define DIM 0x5e5c64
#define RULE 0xc0bfbc
#define FAINT_RULE 0xdeddda
#define SHADE 0xf6f5f4
#define SELF_COLOUR 0x1c71d8
#define MANAGER_COLOUR 0xc64600
#define LINK_COLOUR 0x1a5fb4

#define FONT_FAMILY "Cantarell"

/* Page geometry in points. */
#define MARGIN_SIDE 60.0
#define MARGIN_TOP 56.0
#define MARGIN_BOTTOM 64.0
#define FOOTER_GAP 24.0

/* The table of shown behaviours: the two rater columns at the right. */
#define VALUE_COLUMN 104.0
#define VALUE_TEXT 38.0
#define VALUE_BAR 54.0

#define ROW_PAD 3.5
#define GUTTER 74.0
#define KEY_GUTTER 96.0
#define BULLET_INDENT 14.0
#define CHART_HEIGHT 270.0

/* A behaviour referred to in the log, in characters, category and level
 * included: about a line of small print. Its whole text is in the
 * behaviours section (current and target levels) or the framework. */
#define REFERENCE_LENGTH 92
#define REFERENCE_MIN_TEXT 32
/* The evidence listed under a behaviour: all of it up to this many, the
 * latest ones beyond; the log has every entry. */
#define MAX_LISTED_EVIDENCE 10
#define LISTED_EVIDENCE 8

typedef enum
{
  STYLE_BODY,
  STYLE_SMALL,
  STYLE_OVERLINE,
  STYLE_TITLE,
  STYLE_SUBTITLE,
  STYLE_H1,
  STYLE_H2,
  STYLE_H3,
  STYLE_TABLE,
  STYLE_TABLE_HEAD,
  STYLE_FOOTER,
  N_STYLES
} Style;

typedef struct
{
  double      size;
  PangoWeight weight;
  guint32     colour;
  double      line_spacing;
  double      letter_spacing;
  double      space_before;
  double      space_after;
} StyleInfo;

static const StyleInfo styles[N_STYLES] = {
  [STYLE_BODY] = { 10.0, PANGO_WEIGHT_NORMAL, INK, 1.25, 0, 0, 7 },
  [STYLE_SMALL] = { 8.5, PANGO_WEIGHT_NORMAL, DIM, 1.25, 0, 0, 6 },
  [STYLE_OVERLINE] = { 8.5, PANGO_WEIGHT_BOLD, DIM, 1.2, 1.2, 0, 4 },
  [STYLE_TITLE] = { 24.0, PANGO_WEIGHT_BOLD, INK, 1.1, 0, 0, 2 },
  [STYLE_SUBTITLE] = { 13.0, PANGO_WEIGHT_NORMAL, DIM, 1.2, 0, 0, 16 },
  [STYLE_H1] = { 15.0, PANGO_WEIGHT_BOLD, INK, 1.15, 0, 22, 10 },
  [STYLE_H2] = { 11.5, PANGO_WEIGHT_BOLD, INK, 1.2, 0, 14, 6 },
  [STYLE_H3] = { 9.5, PANGO_WEIGHT_BOLD, DIM, 1.2, 0, 10, 5 },
  [STYLE_TABLE] = { 9.0, PANGO_WEIGHT_NORMAL, INK, 1.2, 0, 0, 0 },
  [STYLE_TABLE_HEAD] = { 8.5, PANGO_WEIGHT_BOLD, DIM, 1.2, 0, 0, 0 },
  [STYLE_FOOTER] = { 8.0, PANGO_WEIGHT_NORMAL, DIM, 1.0, 0, 0, 0 },
};

typedef enum
{
  SPAN_BOLD,
  SPAN_DIM,
  SPAN_SMALL,
  SPAN_SELF,
  SPAN_MANAGER,
  SPAN_LINK,
  SPAN_GAP,
} SpanKind;

typedef struct
{
  guint32 start;
  guint32 end;
  guint32 kind;
  gint32  target;  /* in the block's targets, or -1 */
} Span;

typedef enum
{
  BLOCK_TEXT,
  BLOCK_CHART,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef enum
{
  VALUES_NONE,
  VALUES_COUNTS,  /* shown / total for self and manager, with bars */
  VALUES_HEADER,  /* the names of the two columns */
} ValuesKind;

typedef struct
{
  guint        kind : 2;         /* BlockKind */
  guint        style : 4;        /* Style */
  guint        values_kind : 2;  /* ValuesKind */
  guint        keep_with_next : 1;
  guint        rule_below : 1;
  guint        shaded : 1;
  guint        outline_level : 2;
  guint        shared : 1;    /* text interned: its layout is cached */
  guint        tight : 1;     /* no space after: a line of what precedes */
  float        indent;  /* where the text starts, from the content's left */
  float        right;   /* kept free at the right for the values */
  float        pad;     /* above and below the text, inside shading */
  char        *text;
  Span        *spans;
  guint        n_spans;
  char       **targets; /* cairo link attributes, NULL-terminated */
  char        *gutter;  /* beside the first line, at the content's left */
  char        *dest;    /* a named destination at the top */
  char        *outline; /* the block's entry in the PDF outline */
  guint        values[4];
  LadderChart *chart;
  LadderHistory *history;  /* a chart of check-ins instead */
  double       height;  /* of a chart */
} Block;

/* Where a block, or the lines [first_line, end_line) of one, lies on a
 * page. */
typedef struct
{
  guint  block;
  guint  first_line;
  guint  end_line;
  double y;
} Placement;

typedef struct
{
  guint first;
  guint n;
} Page;

/* What pagination learns about a block: its lines' tops (n_lines + 1
 * values, the last being the bottom) in the shared array, and how many
 * lines its first part needs at least (for a gutter taller than a line). */
typedef struct
{
  guint  first_top;
  guint  n_lines;
  guint  min_lines;
  double height;
} Metrics;

/* Pango's font map and context are not for two threads at once: each
 * thread that lays text out has its own typesetter. */
typedef struct
{
  PangoFontMap         *font_map;
  PangoContext         *context;
  PangoFontDescription *fonts[N_STYLES];
} Typesetter;

struct _LadderReport
{
  gatomicrefcount  ref_count;

  char            *title;
  char            *author;
  char            *footer;
  GDateTime       *date;
  LadderPaperSize  paper;
  gboolean         custom_title;

  GPtrArray       *blocks;
  GStringChunk    *shared_text;
  guint            n_sections;

  /* Building. */
  GString         *text;
  GArray          *spans;
  GPtrArray       *targets;
  GHashTable      *date_cache;

  /* Laying out. */
  Typesetter      *typesetter;
  double           page_width;
  double           page_height;
  GArray          *metrics;      /* Metrics */
  GArray          *tops;         /* double */
  GArray          *placements;   /* Placement */
  GArray          *pages;        /* Page */

  /* Drawing: the last block laid out, which a block split over pages
   * needs again on the next one, and the gutters by their text. */
  PangoLayout     *last_layout;
  guint            last_block;
  GHashTable      *gutters;
  GHashTable      *shared_layouts;
  PangoLayout     *footer_layout;
  double           footer_width;
  /* Layouts that measuring made on the drawing thread, kept for drawing
   * (see KEPT_LAYOUTS), by block; NULL where a block is laid out again. */
  PangoLayout    **kept_layouts;
  guint            n_kept_layouts;
};

G_DEFINE_BOXED_TYPE (LadderReport, ladder_report, ladder_report_ref, ladder_report_unref)

/* Paper */

static gboolean
locale_uses_letter (const char *locale)
{
  /* The territory of "en_US.UTF-8", "fr_CA@euro". */
  const char *territory = locale != NULL ? strchr (locale, '_') : NULL;

  if (territory == NULL)
    return FALSE;

  return g_str_has_prefix (territory, "_US") || g_str_has_prefix (territory, "_CA");
}

/**
 * ladder_paper_size_get_default:
 *
 * The paper that %LADDER_PAPER_SIZE_DEFAULT stands for: the locale's
 * LC_PAPER where the C library knows it (glibc's `_NL_PAPER_WIDTH`),
 * otherwise US Letter in the United States and Canada and A4 elsewhere.
 * GTK's default paper size is found the same way, so the summary and the
 * print dialog agree.
 *
 * Returns: %LADDER_PAPER_SIZE_A4 or %LADDER_PAPER_SIZE_LETTER
 */
LadderPaperSize
ladder_paper_size_get_default (void)
{
#ifdef __GLIBC__
  /* nl_langinfo() returns these numbers (millimetres) in the pointer. */
  union { const char *string; unsigned int word; } width, height;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  height.string = nl_langinfo (_NL_PAPER_HEIGHT);
  if (width.word == 216 && height.word == 279)
    return LADDER_PAPER_SIZE_LETTER;
  if (width.word != 0 && height.word != 0)
    return LADDER_PAPER_SIZE_A4;
#endif

  return locale_uses_letter (setlocale (LC_MESSAGES, NULL)) ? LADDER_PAPER_SIZE_LETTER
                                                             : LADDER_PAPER_SIZE_A4;
}

/**
 * ladder_paper_size_get_size:
 * @paper: a #LadderPaperSize
 * @width: (out): the width in points
 * @height: (out): the height in points
 *
 * The size of @paper, upright, in points (1/72 inch).
 */
void
ladder_paper_size_get_size (LadderPaperSize  paper,
                            double          *width,
                            double          *height)
{
  g_return_if_fail (width != NULL && height != NULL);

  if (paper == LADDER_PAPER_SIZE_DEFAULT)
    paper = ladder_paper_size_get_default ();

  if (paper == LADDER_PAPER_SIZE_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 210.0 / 25.4 * 72.0;
      *height = 297.0 / 25.4 * 72.0;
    }
}

/**
 * ladder_paper_size_from_string:
 * @string: "a4", "letter" or "default", in any case
 * @paper: (out): the paper size
 *
 * Returns: %TRUE when @string names a paper size
 */
gboolean
ladder_paper_size_from_string (const char      *string,
                               LadderPaperSize *paper)
{
  g_return_val_if_fail (string != NULL, FALSE);
  g_return_val_if_fail (paper != NULL, FALSE);

  if (g_ascii_strcasecmp (string, "a4") == 0)
    *paper = LADDER_PAPER_SIZE_A4;
  else if (g_ascii_strcasecmp (string, "letter") == 0)
    *paper = LADDER_PAPER_SIZE_LETTER;
  else if (g_ascii_strcasecmp (string, "default") == 0)
    *paper = LADDER_PAPER_SIZE_DEFAULT;
  else
    return FALSE;

  return TRUE;
}

/* Building the blocks */

static void
block_free (gpointer data)
{
  Block *block = data;

  if (!block->shared)
    g_free (block->text);
  g_free (block->spans);
  g_strfreev (block->targets);
  g_free (block->gutter);
  g_free (block->dest);
  g_free (block->outline);
  g_clear_pointer (&block->chart, ladder_chart_unref);
  g_clear_pointer (&block->history, ladder_history_unref);
  g_free (block);
}

/* Valid UTF-8 with emoji in their text form: every string of the profile
 * goes through here on its way to the page. */
static char *
printable (const char *text)
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
static void
append_quoted (GString    *out,
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

static char *
dest_name (const char *prefix,
           const char *id)
{
  return g_strconcat (prefix, id, NULL);
}

static char *
link_to_dest (const char *name)
{
  GString *out = g_string_new ("dest=");

  append_quoted (out, name);
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

static char *
link_to_uri (const char *uri)
{
  GString *out = g_string_new ("uri=");
  g_autofree char *ascii = uri_for_pdf (uri);

  append_quoted (out, ascii);
  return g_string_free_and_steal (out);
}

static Block *
add_block (LadderReport *self,
           BlockKind     kind,
           Style         style)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->style = style;
  g_ptr_array_add (self->blocks, block);

  return block;
}

/* Starts a text block; append() adds to it and end_text() closes it. */
static Block *
begin_text (LadderReport *self,
            Style         style)
{
  g_assert (self->text->len == 0);
  g_assert (self->spans->len == 0);
  g_assert (self->targets->len == 0);

  return add_block (self, BLOCK_TEXT, style);
}

/* Appends @text (from the profile or translated) styled as @kind (-1 for
 * none), linking to @target when it is not %NULL. */
static void
append_span (LadderReport *self,
             const char   *text,
             int           kind,
             char         *target)
{
  g_autofree char *clean = printable (text);
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

static void
append (LadderReport *self,
        const char   *text)
{
  append_span (self, text, -1, NULL);
}

static void end_text (LadderReport *self, Block *block);

/* Lines of typed text to one block at most: Pango lays out the lines of
 * one layout in time that grows with the square of their number (10,000
 * lines took 40 s), and pages break between blocks. */
#define LINES_PER_BLOCK 32

/* Text a person typed, whose blank lines part paragraphs: blank lines
 * become a small gap rather than whole empty lines. Goes on in blocks of
 * @style and @indent after @block when it is long; returns the block to
 * end. */
static Block *
append_paragraphs (LadderReport *self,
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
          end_text (self, block);
          block->tight = !gap;
          block = begin_text (self, style);
          block->indent = indent;
          started = FALSE;
          n_lines = 0;
        }

      if (started)
        append (self, "\n");
      if (gap && started)
        append_span (self, "\n", SPAN_GAP, NULL);
      append (self, lines[i]);
      started = TRUE;
      gap = FALSE;
      n_lines++;
    }

  return block;
}

static void
end_text (LadderReport *self,
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

static Block *
add_text (LadderReport *self,
          Style         style,
          const char   *text)
{
  Block *block = begin_text (self, style);

  append (self, text);
  end_text (self, block);
  return block;
}

/* A small line that many blocks repeat (a behaviour referred to, a set
 * of tags): its text is kept once, and laid out once per thread. */
static Block *
add_shared_line (LadderReport *self,
                 const char   *text,
                 double        indent)
{
  g_autofree char *clean = printable (text);
  Block *block = add_block (self, BLOCK_TEXT, STYLE_SMALL);

  block->text = g_string_chunk_insert_const (self->shared_text, clean);
  block->shared = TRUE;
  block->indent = indent;

  return block;
}

static Block *
add_heading (LadderReport *self,
             Style         style,
             const char   *text,
             guint         outline_level)
{
  Block *block = add_text (self, style, text);

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

static void
add_page_break (LadderReport *self)
{
  add_block (self, BLOCK_PAGE_BREAK, STYLE_BODY);
}

/* Dates */

static char *
format_date (const GDate *date)
{
  return _ladder_date_format (date, LADDER_DATE_LONG, _("No date"));
}

/* Evidence dates come again and again; the log has many per day. */
static const char *
format_short_date (LadderReport *self,
                   const GDate  *date)
{
  guint day = date != NULL && g_date_valid (date) ? g_date_get_julian (date) : 0;
  char *text = g_hash_table_lookup (self->date_cache, GUINT_TO_POINTER (day));

  if (text == NULL)
    {
      text = _ladder_date_format (date, LADDER_DATE_SHORT, _("No date"));
      g_hash_table_insert (self->date_cache, GUINT_TO_POINTER (day), text);
    }

  return text;
}

static guint
date_key (const GDate *date)
{
  return date != NULL && g_date_valid (date) ? g_date_get_julian (date) : G_MAXUINT;
}

static int
compare_evidence_dates (gconstpointer a,
                        gconstpointer b)
{
  guint da = date_key (ladder_evidence_get_date ((LadderEvidence *) a));
  guint db = date_key (ladder_evidence_get_date ((LadderEvidence *) b));

  return da < db ? -1 : da > db ? 1 : 0;
}

/* The text of the whole report */

typedef struct
{
  LadderProfile   *profile;
  LadderFramework *framework;
  const GDate     *since;
  GDate            since_day;       /* what @since points to when it is the last check-in's */
  gboolean         evidence_text;
  gboolean         rated_only;
  gboolean         levels_in_play;
  GPtrArray       *evidence;        /* LadderEvidence, in date order, since @since */
  GHashTable      *evidence_for;    /* behaviour id → GPtrArray of LadderEvidence */
  GHashTable      *behaviours_in;   /* ids of the behaviours the summary lists */
  GHashTable      *linked;          /* LadderEvidence listed under a behaviour */
} Content;

static const char *
level_name (LadderFramework *framework,
            const char      *id)
{
  LadderLevel *level = id != NULL ? ladder_framework_find_level (framework, id) : NULL;
  const char *name = level != NULL ? ladder_level_get_name (level) : NULL;

  return name != NULL && *name != '\0' ? name : id;
}

static char *
category_label (LadderCategory *category)
{
  const char *emoji = ladder_category_get_emoji (category);
  const char *name = ladder_category_get_name (category);

  if (name == NULL || *name == '\0')
    name = ladder_category_get_id (category);

  if (emoji != NULL && *emoji != '\0')
    return g_strdup_printf ("%s %s", emoji, name);

  return g_strdup (name);
}

static char *
percent (guint shown,
         guint total)
{
  guint value = total > 0 ? (guint) floor (100.0 * shown / total + 0.5) : 0;

  /* Translators: a percentage; use the form your language writes them in */
  return g_strdup_printf (_("%u %%"), value);
}

/* The person, their role and the key facts, with a gutter of names. */
static void
add_fact (LadderReport *self,
          const char   *key,
          const char   *value,
          const char   *detail)
{
  Block *block = begin_text (self, STYLE_BODY);

  append (self, value);
  if (detail != NULL)
    {
      append (self, "\n");
      append_span (self, detail, SPAN_SMALL, NULL);
    }
  end_text (self, block);
  block->gutter = printable (key);
  block->indent = KEY_GUTTER;
}

static char *
describe_level (Content    *content,
                const char *level)
{
  GString *out = g_string_new (NULL);

  for (guint rater = 0; rater < 2; rater++)
    {
      const char *sublevel = ladder_profile_get_sublevel (content->profile, level, (LadderRater) rater);
      guint shown, total;
      g_autofree char *share = NULL;

      ladder_profile_count_shown (content->profile, level, NULL, (LadderRater) rater, &shown, &total);
      share = percent (shown, total);

      if (rater > 0)
        g_string_append (out, " · ");

      if (rater == LADDER_RATER_SELF && sublevel != NULL)
        /* Translators: "64 % shown by self, sub-level C" */
        g_string_append_printf (out, _("%s shown by self, sub-level %s"), share, sublevel);
      else if (rater == LADDER_RATER_SELF)
        g_string_append_printf (out, _("%s shown by self"), share);
      else if (sublevel != NULL)
        g_string_append_printf (out, _("%s by manager, sub-level %s"), share, sublevel);
      else
        g_string_append_printf (out, _("%s by manager"), share);
    }

  if (ladder_profile_is_ready (content->profile, LADDER_RATER_SELF) &&
      ladder_profile_is_ready (content->profile, LADDER_RATER_MANAGER))
    g_string_append_printf (out, "\n%s", _("Ready for the next level by both ratings."));
  else if (ladder_profile_is_ready (content->profile, LADDER_RATER_SELF))
    g_string_append_printf (out, "\n%s", _("Ready for the next level by the self rating."));
  else if (ladder_profile_is_ready (content->profile, LADDER_RATER_MANAGER))
    g_string_append_printf (out, "\n%s", _("Ready for the next level by the manager’s rating."));

  /* Which rule "ready" follows: frameworks differ. */
  if (ladder_framework_get_next_level (content->framework, level) != NULL)
    {
      g_autofree char *rule = ladder_framework_describe_readiness (content->framework);

      /* Translators: %s is the rule, "Ready for the next level when 80 % of the current level’s behaviours are shown" */
      g_string_append_printf (out, "\n");
      g_string_append_printf (out, _("Readiness rule: %s."), rule);
    }

  return g_string_free_and_steal (out);
}

static int
compare_promotions_newest_first (gconstpointer a,
                                 gconstpointer b)
{
  LadderPromotion *pa = *(LadderPromotion **) a;
  LadderPromotion *pb = *(LadderPromotion **) b;

  return g_date_compare (ladder_promotion_get_date (pb), ladder_promotion_get_date (pa));
}

/* The recorded changes of level, newest first, one line each. */
#define MAX_PROMOTIONS_SHOWN 5
static char *
describe_promotions (LadderProfile *profile)
{
  LadderFramework *framework = ladder_profile_get_framework (profile);
  GListModel *model = ladder_profile_get_promotions (profile);
  g_autoptr(GPtrArray) promotions = g_ptr_array_new_with_free_func (g_object_unref);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (promotions, g_list_model_get_item (model, i));
  g_ptr_array_sort (promotions, compare_promotions_newest_first);

  for (guint i = 0; i < MIN (promotions->len, MAX_PROMOTIONS_SHOWN); i++)
    {
      LadderPromotion *promotion = promotions->pdata[i];
      g_autofree char *date = format_date (ladder_promotion_get_date (promotion));
      const char *to = level_name (framework, ladder_promotion_get_to (promotion));

      if (out->len > 0)
        g_string_append_c (out, '\n');
      if (ladder_promotion_is_promotion (promotion, framework))
        /* Translators: a promotion, "Level 4 on 1 October 2026" */
        g_string_append_printf (out, _("%s on %s"), to, date);
      else
        /* Translators: a level set lower, "Level 2 on 1 October 2026, a correction" */
        g_string_append_printf (out, _("%s on %s, a correction"), to, date);
    }

  return g_string_free_and_steal (out);
}

/* The oldest and the latest entry with a date (the log is in date
 * order, undated entries last), or NULL. */
static LadderEvidence *
first_dated_evidence (Content *content)
{
  LadderEvidence *entry;

  if (content->evidence->len == 0)
    return NULL;

  entry = g_ptr_array_index (content->evidence, 0);
  return date_key (ladder_evidence_get_date (entry)) != G_MAXUINT ? entry : NULL;
}

static LadderEvidence *
last_dated_evidence (Content *content)
{
  for (guint i = content->evidence->len; i > 0; i--)
    {
      LadderEvidence *entry = g_ptr_array_index (content->evidence, i - 1);

      if (date_key (ladder_evidence_get_date (entry)) != G_MAXUINT)
        return entry;
    }

  return NULL;
}

/* "Level 3 and Level 4": the levels whose behaviours are listed. */
static char *
describe_levels_in_play (Content *content)
{
  const char *current = ladder_profile_get_current_level (content->profile);
  const char *target = ladder_profile_get_target_level (content->profile);

  if (current != NULL && ladder_framework_find_level (content->framework, current) == NULL)
    current = NULL;
  if (target != NULL && ladder_framework_find_level (content->framework, target) == NULL)
    target = NULL;
  if (current == NULL || g_strcmp0 (current, target) == 0)
    current = g_steal_pointer (&target);

  if (current == NULL)
    return NULL;
  if (target == NULL)
    return g_strdup (level_name (content->framework, current));

  /* Translators: the current and the target level, "Level 3 and Level 4" */
  return g_strdup_printf (_("%s and %s"), level_name (content->framework, current),
                          level_name (content->framework, target));
}

/* One line that says which options shaped the summary, so that a reader
 * does not take a short one for the whole record. */
static void
add_scope_fact (LadderReport *self,
                Content      *content)
{
  g_autofree char *levels = describe_levels_in_play (content);
  g_autofree char *text = NULL;
  GString *line = g_string_new (NULL);

  if (levels != NULL)
    /* Translators: what the summary lists, "Rated behaviours of Level 3 and Level 4" */
    g_string_append_printf (line, content->rated_only ? _("Rated behaviours of %s")
                                                      : _("All behaviours of %s"),
                            levels);
  else
    g_string_append (line, content->rated_only ? _("Rated behaviours") : _("All behaviours"));

  g_string_append (line, " · ");
  if (content->levels_in_play && levels != NULL)
    /* Translators: what the table of shown behaviours covers */
    g_string_append (line, _("table of these levels"));
  else
    g_string_append (line, _("table of every level"));

  g_string_append (line, " · ");
  if (content->since != NULL)
    {
      g_autofree char *from = format_date (content->since);

      /* Translators: "evidence since 12 November 2026" */
      g_string_append_printf (line, _("evidence since %s"), from);
    }
  else
    {
      g_string_append (line, _("all evidence"));
    }

  text = g_string_free_and_steal (line);
  /* Translators: the key of the line that says what the summary covers */
  add_fact (self, _("Shows"), text, NULL);
}

static void
add_title_block (LadderReport *self,
                 Content      *content)
{
  LadderProfile *profile = content->profile;
  LadderFramework *framework = content->framework;
  const char *role = ladder_profile_get_role (profile);
  const char *organisation = ladder_framework_get_organisation (framework);
  const char *current = ladder_profile_get_current_level (profile);
  const char *target = ladder_profile_get_target_level (profile);
  g_autofree char *made = NULL;
  g_autofree char *period = NULL;
  g_autofree char *framework_text = NULL;
  GDate today;
  Block *block;

  block = add_text (self, STYLE_OVERLINE, self->custom_title ? self->title : _("Progress summary"));
  block->dest = g_strdup ("summary");
  block->outline = g_strdup (_("Summary"));
  block->outline_level = 1;
  add_text (self, STYLE_TITLE, self->author);
  block = add_text (self, STYLE_SUBTITLE, role != NULL && *role != '\0' ? role : "");
  block->rule_below = TRUE;

  if (organisation != NULL && *organisation != '\0')
    /* Translators: a framework and the organisation that publishes it */
    framework_text = g_strdup_printf (_("%s (%s)"), ladder_framework_get_name (framework),
                                      organisation);
  else
    framework_text = g_strdup (ladder_framework_get_name (framework));
  add_fact (self, _("Framework"), framework_text, NULL);

  if (current != NULL)
    {
      g_autofree char *detail = describe_level (content, current);
      LadderPromotion *change = ladder_profile_get_current_level_change (profile);
      g_autofree char *value = NULL;

      if (change != NULL)
        {
          g_autofree char *date = format_date (ladder_promotion_get_date (change));

          /* Translators: the current level and since when, "Level 4 since 1 October 2026" */
          value = g_strdup_printf (_("%s since %s"), level_name (framework, current), date);
        }
      else
        value = g_strdup (level_name (framework, current));

      add_fact (self, _("Current level"), value, detail);
    }
  else
    {
      add_fact (self, _("Current level"), _("Not set"), NULL);
    }

  if (target != NULL)
    add_fact (self, _("Target level"), level_name (framework, target), NULL);

  if (g_list_model_get_n_items (ladder_profile_get_promotions (profile)) > 0)
    {
      g_autofree char *promotions = describe_promotions (profile);

      add_fact (self, _("Promotions"), promotions, NULL);
    }

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (self->date),
                  (GDateMonth) g_date_time_get_month (self->date),
                  (GDateYear) g_date_time_get_year (self->date));
  made = format_date (&today);

  if (content->since != NULL || first_dated_evidence (content) != NULL)
    {
      GDate from = content->since != NULL ? *content->since
                                          : *ladder_evidence_get_date (first_dated_evidence (content));
      GDate to = today;
      LadderEvidence *last = last_dated_evidence (content);
      g_autofree char *from_text = NULL;
      g_autofree char *to_text = NULL;

      /* An entry dated after the summary is made (a typing mistake, or a
       * clock set wrong when it was logged) or a "since" after it must not
       * print the period backwards: it ends at the latest of them, and
       * then starts no later than it ends. */
      if (last != NULL && g_date_compare (ladder_evidence_get_date (last), &to) > 0)
        to = *ladder_evidence_get_date (last);
      if (g_date_compare (&from, &to) > 0)
        to = from;

      from_text = format_date (&from);
      to_text = format_date (&to);
      if (g_date_compare (&from, &to) == 0)
        period = g_strdup (from_text);
      else
        /* Translators: the period a summary covers, "4 March 2026 to 1 June 2026" */
        period = g_strdup_printf (_("%s to %s"), from_text, to_text);
    }
  else
    {
      /* Translators: the period a summary covers when nothing is dated */
      period = g_strdup_printf (_("Up to %s"), made);
    }
  add_fact (self, _("Period"), period, NULL);
  add_fact (self, _("Made"), made, NULL);
  add_scope_fact (self, content);
}

static void
add_chart_section (LadderReport *self,
                   Content      *content)
{
  const char *current = ladder_profile_get_current_level (content->profile);
  g_autofree char *heading = NULL;
  g_autofree char *caption = NULL;
  Block *block;

  if (current == NULL || ladder_framework_find_level (content->framework, current) == NULL)
    return;

  /* Translators: a heading; %s is a level's name */
  heading = g_strdup_printf (_("Progress at %s"), level_name (content->framework, current));
  add_heading (self, STYLE_H1, heading, 1);

  block = add_block (self, BLOCK_CHART, STYLE_SMALL);
  block->chart = ladder_chart_new (content->profile, current);
  block->height = CHART_HEIGHT;
  block->keep_with_next = TRUE;

  caption = g_strdup_printf (_("The share of the behaviours of %s in each category that self "
                               "and manager see shown consistently. Behaviours rated not "
                               "applicable are left out."),
                             level_name (content->framework, current));
  add_text (self, STYLE_SMALL, caption);
}

static Block *
add_row (LadderReport *self,
         Content      *content,
         const char   *label,
         const char   *level,
         const char   *category)
{
  Block *block = add_text (self, STYLE_TABLE, label);

  block->values_kind = VALUES_COUNTS;
  block->right = 2 * VALUE_COLUMN;
  block->pad = ROW_PAD;
  block->rule_below = TRUE;
  ladder_profile_count_shown (content->profile, level, category, LADDER_RATER_SELF,
                              &block->values[0], &block->values[1]);
  ladder_profile_count_shown (content->profile, level, category, LADDER_RATER_MANAGER,
                              &block->values[2], &block->values[3]);

  return block;
}

static void
add_table_section (LadderReport *self,
                   Content      *content)
{
  GListModel *levels = ladder_framework_get_levels (content->framework);
  GListModel *categories = ladder_framework_get_categories (content->framework);
  const char *current = ladder_profile_get_current_level (content->profile);
  const char *target = ladder_profile_get_target_level (content->profile);
  /* Without a current level known to the framework, no level is in play:
   * the table has them all. */
  gboolean in_play = content->levels_in_play && current != NULL &&
                     ladder_framework_find_level (content->framework, current) != NULL;
  Block *block;

  if (g_list_model_get_n_items (levels) == 0)
    return;

  add_heading (self, STYLE_H1, _("Behaviours shown, by level"), 1);
  block = add_text (self, STYLE_SMALL,
                    _("Behaviours rated “consistently” out of those that count, for each level "
                      "and category."));
  block->keep_with_next = TRUE;

  block = add_text (self, STYLE_TABLE_HEAD, _("Level and category"));
  block->values_kind = VALUES_HEADER;
  block->right = 2 * VALUE_COLUMN;
  block->pad = ROW_PAD;
  block->rule_below = TRUE;
  block->keep_with_next = TRUE;

  for (guint l = 0; l < g_list_model_get_n_items (levels); l++)
    {
      g_autoptr(LadderLevel) level = g_list_model_get_item (levels, l);
      const char *id = ladder_level_get_id (level);
      g_autofree char *label = NULL;

      if (in_play && g_strcmp0 (id, current) != 0 && g_strcmp0 (id, target) != 0)
        continue;

      if (g_strcmp0 (id, current) == 0)
        /* Translators: a level in the table of progress */
        label = g_strdup_printf (_("%s (current)"), level_name (content->framework, id));
      else if (g_strcmp0 (id, target) == 0)
        label = g_strdup_printf (_("%s (target)"), level_name (content->framework, id));
      else
        label = g_strdup (level_name (content->framework, id));

      block = add_row (self, content, label, id, NULL);
      block->shaded = TRUE;
      block->keep_with_next = TRUE;
      /* The level's row reads as its heading. */
      block->n_spans = 1;
      block->spans = g_new0 (Span, 1);
      block->spans[0].start = 0;
      block->spans[0].end = (guint32) strlen (block->text);
      block->spans[0].kind = SPAN_BOLD;
      block->spans[0].target = -1;

      for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
        {
          g_autoptr(LadderCategory) category = g_list_model_get_item (categories, c);
          g_autofree char *name = category_label (category);

          block = add_row (self, content, name, id, ladder_category_get_id (category));
          block->indent = 12;
        }
    }
}

/* "Mastery (Level 3): Writes clear code…", for where a behaviour is only
 * referred to: shortened at a word, with "…", to about one line. */
static char *
behaviour_reference (Content         *content,
                     LadderBehaviour *behaviour)
{
  LadderCategory *category = ladder_framework_find_category (content->framework,
                                                             ladder_behaviour_get_category (behaviour));
  const char *text = ladder_behaviour_get_text (behaviour);
  const char *level = level_name (content->framework, ladder_behaviour_get_level (behaviour));
  g_autofree char *category_text = category != NULL ? category_label (category)
                                                    : g_strdup (ladder_behaviour_get_category (behaviour));
  g_autofree char *prefix = NULL;
  g_autofree char *short_text = NULL;
  glong budget;

  if (text == NULL)
    text = "";

  /* Translators: a behaviour referred to: its category, its level and
   * (the start of) its text, as in "Mastery (Level 3): Writes clear code" */
  prefix = g_strdup_printf (_("%s (%s): %s"), category_text, level, "");
  budget = MAX (REFERENCE_MIN_TEXT, REFERENCE_LENGTH - g_utf8_strlen (prefix, -1));

  if (g_utf8_strlen (text, -1) > budget)
    {
      const char *end = g_utf8_offset_to_pointer (text, budget - 1);
      const char *space = end;

      /* Cut at a word, when there is one not too far back. */
      while (space > text && *space != ' ' && end - space < 24)
        space--;
      if (*space == ' ')
        end = space;
      short_text = g_strdup_printf ("%.*s…", (int) (end - text), text);
    }

  return g_strdup_printf (_("%s (%s): %s"), category_text, level,
                          short_text != NULL ? short_text : text);
}

static void
append_rating (LadderReport      *self,
               LadderRater        rater,
               LadderRatingValue  value)
{
  g_autofree char *text = NULL;

  if (rater == LADDER_RATER_SELF)
    /* Translators: a behaviour's self rating, as in "Self: Consistently" */
    text = g_strdup_printf (_("Self: %s"), ladder_rating_value_get_label (value));
  else
    text = g_strdup_printf (_("Manager: %s"), ladder_rating_value_get_label (value));

  append_span (self, text, rater == LADDER_RATER_SELF ? SPAN_SELF : SPAN_MANAGER, NULL);
}

static void
add_behaviour (LadderReport    *self,
               Content         *content,
               LadderBehaviour *behaviour)
{
  const char *id = ladder_behaviour_get_id (behaviour);
  LadderRating *rating = ladder_profile_get_rating (content->profile, id);
  const char *note = rating != NULL ? ladder_rating_get_note (rating) : NULL;
  GPtrArray *evidence = g_hash_table_lookup (content->evidence_for, id);
  Block *block = begin_text (self, STYLE_BODY);

  append (self, ladder_behaviour_get_text (behaviour));
  append (self, "\n");
  append_rating (self, LADDER_RATER_SELF,
                 ladder_profile_get_rating_value (content->profile, id, LADDER_RATER_SELF));
  append_span (self, "   ", SPAN_SMALL, NULL);
  append_rating (self, LADDER_RATER_MANAGER,
                 ladder_profile_get_rating_value (content->profile, id, LADDER_RATER_MANAGER));

  if (note != NULL && *note != '\0')
    {
      g_autofree char *text = g_strdup_printf (_("Note: %s"), note);

      append (self, "\n");
      append_span (self, text, SPAN_SMALL, NULL);
    }

  append (self, "\n");
  if (evidence == NULL)
    {
      append_span (self, content->since != NULL ? _("No evidence in this period.")
                                                : _("No evidence yet."),
                   SPAN_SMALL, NULL);
    }
  else
    {
      /* A long list would repeat the log: the latest ones, and a count. */
      guint first = evidence->len > MAX_LISTED_EVIDENCE ? evidence->len - LISTED_EVIDENCE : 0;

      if (first > 0)
        {
          g_autofree char *more = g_strdup_printf (ngettext ("%u entry; the %u latest, all in the evidence log:",
                                                             "%u entries; the %u latest, all in the evidence log:",
                                                             evidence->len),
                                                   evidence->len, LISTED_EVIDENCE);

          append_span (self, more, SPAN_SMALL, NULL);
          append (self, "\n");
        }

      for (guint i = first; i < evidence->len; i++)
        {
          LadderEvidence *entry = g_ptr_array_index (evidence, i);
          g_autofree char *name = dest_name ("ev-", ladder_evidence_get_id (entry));
          const char *title = ladder_evidence_get_title (entry);

          if (i > first)
            append (self, "\n");
          g_hash_table_add (content->linked, entry);
          append_span (self, format_short_date (self, ladder_evidence_get_date (entry)),
                       SPAN_SMALL, NULL);
          append_span (self, "  ", SPAN_SMALL, NULL);
          append_span (self, title != NULL && *title != '\0' ? title : _("Untitled"),
                       SPAN_LINK, link_to_dest (name));
        }
    }

  end_text (self, block);
  block->indent = BULLET_INDENT;
  block->gutter = g_strdup ("•");
}

/* Whether a behaviour is listed when only rated ones are: rated by
 * either, or backed by evidence of the period. */
static gboolean
is_rated (Content         *content,
          LadderBehaviour *behaviour)
{
  const char *id = ladder_behaviour_get_id (behaviour);

  return ladder_profile_get_rating_value (content->profile, id, LADDER_RATER_SELF) != LADDER_RATING_UNRATED ||
         ladder_profile_get_rating_value (content->profile, id, LADDER_RATER_MANAGER) != LADDER_RATING_UNRATED ||
         g_hash_table_contains (content->evidence_for, id);
}

static void
add_level_section (LadderReport *self,
                   Content      *content,
                   const char   *level,
                   gboolean      is_current)
{
  GListModel *categories = ladder_framework_get_categories (content->framework);
  g_autofree char *heading = NULL;
  guint n_left_out = 0;

  if (level == NULL || ladder_framework_find_level (content->framework, level) == NULL)
    return;

  /* A short summary runs on: a page per section would be mostly empty. */
  if (!content->rated_only)
    add_page_break (self);
  heading = g_strdup_printf (is_current ?
                             /* Translators: a heading; %s is a level's name */
                             _("Behaviours of %s, the current level") :
                             _("Behaviours of %s, the target level"),
                             level_name (content->framework, level));
  add_heading (self, STYLE_H1, heading, 1);

  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      g_autoptr(LadderCategory) category = g_list_model_get_item (categories, c);
      g_autoptr(GPtrArray) behaviours = NULL;
      g_autofree char *name = category_label (category);
      g_autofree char *self_share = NULL;
      g_autofree char *manager_share = NULL;
      const char *section = NULL;
      guint self_shown, manager_shown, self_total, manager_total;
      Block *block;

      behaviours = ladder_framework_list_behaviours (content->framework, level,
                                                     ladder_category_get_id (category));
      if (content->rated_only)
        {
          guint listed = 0;

          for (guint b = 0; b < behaviours->len; b++)
            {
              if (is_rated (content, g_ptr_array_index (behaviours, b)))
                behaviours->pdata[listed++] = behaviours->pdata[b];
              else
                n_left_out++;
            }
          g_ptr_array_set_size (behaviours, listed);
        }
      if (behaviours->len == 0)
        continue;

      ladder_profile_count_shown (content->profile, level, ladder_category_get_id (category),
                                  LADDER_RATER_SELF, &self_shown, &self_total);
      ladder_profile_count_shown (content->profile, level, ladder_category_get_id (category),
                                  LADDER_RATER_MANAGER, &manager_shown, &manager_total);
      /* Translators: "3 of 5 shown by self" */
      self_share = g_strdup_printf (_("%u of %u shown by self"), self_shown, self_total);
      /* Translators: "2 of 5 by manager" */
      manager_share = g_strdup_printf (_("%u of %u by manager"), manager_shown, manager_total);

      block = begin_text (self, STYLE_H2);
      append (self, name);
      append (self, "\n");
      append_span (self, self_share, SPAN_SMALL, NULL);
      append_span (self, " · ", SPAN_SMALL, NULL);
      append_span (self, manager_share, SPAN_SMALL, NULL);
      end_text (self, block);
      block->keep_with_next = TRUE;
      block->outline = g_utf8_make_valid (name, -1);
      block->outline_level = 2;
      block->dest = g_strdup_printf ("level-%s-%s-%s", is_current ? "current" : "target",
                                     level, ladder_category_get_id (category));

      for (guint b = 0; b < behaviours->len; b++)
        {
          LadderBehaviour *behaviour = g_ptr_array_index (behaviours, b);
          const char *behaviour_section = ladder_behaviour_get_section (behaviour);

          if (behaviour_section != NULL && *behaviour_section != '\0' &&
              g_strcmp0 (behaviour_section, section) != 0)
            add_heading (self, STYLE_H3, behaviour_section, 0);
          section = behaviour_section;

          add_behaviour (self, content, behaviour);
        }
    }

  if (n_left_out > 0)
    {
      g_autofree char *note = g_strdup_printf (ngettext ("%u behaviour with no rating and no evidence is not listed.",
                                                         "%u behaviours with no rating and no evidence are not listed.",
                                                         n_left_out),
                                               n_left_out);

      add_text (self, STYLE_SMALL, note);
    }
}

/* One entry of the log: its title (and text, when asked), then a small
 * line per behaviour it backs, one with its tags and one per link. The
 * lines that repeat through the log (behaviours, tags) are shared
 * blocks, laid out once: a long log costs little more than its titles. */
static void
add_evidence_entry (LadderReport   *self,
                    Content        *content,
                    LadderEvidence *entry)
{
  const char *title = ladder_evidence_get_title (entry);
  const char *body = ladder_evidence_get_body (entry);
  const char * const *behaviours = ladder_evidence_get_behaviours (entry);
  const char * const *tags = ladder_evidence_get_tags (entry);
  const char * const *links = ladder_evidence_get_links (entry);
  Block *first = begin_text (self, STYLE_BODY);
  Block *block = first;
  Block *last;

  first->indent = GUTTER;
  append_span (self, title != NULL && *title != '\0' ? title : _("Untitled"), SPAN_BOLD, NULL);
  if (content->evidence_text && body != NULL && *body != '\0')
    {
      append (self, "\n");
      block = append_paragraphs (self, block, STYLE_BODY, GUTTER, body);
    }
  end_text (self, block);
  first->gutter = g_strdup (format_short_date (self, ladder_evidence_get_date (entry)));
  /* Only where a link points: each destination costs the PDF (and
   * cairo, while it writes it) room. */
  if (g_hash_table_contains (content->linked, entry))
    first->dest = dest_name ("ev-", ladder_evidence_get_id (entry));
  last = block;

  for (guint i = 0; behaviours != NULL && behaviours[i] != NULL; i++)
    {
      LadderBehaviour *behaviour = ladder_framework_find_behaviour (content->framework, behaviours[i]);
      g_autofree char *reference = NULL;
      g_autofree char *line = NULL;

      if (behaviour != NULL)
        reference = behaviour_reference (content, behaviour);
      else
        /* Translators: evidence backs a behaviour the framework no
         * longer has; %s is its id */
        reference = g_strdup_printf (_("%s (not in the framework)"), behaviours[i]);

      line = g_strconcat ("→ ", reference, NULL);
      last->keep_with_next = last == block;
      last->tight = TRUE;
      last = add_shared_line (self, line, GUTTER);
    }

  if (tags != NULL && tags[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) tags);
      /* Translators: the tags of an evidence entry, "Tags: incident, review" */
      g_autofree char *text = g_strdup_printf (_("Tags: %s"), joined);

      last->keep_with_next = last == block;
      last->tight = TRUE;
      last = add_shared_line (self, text, GUTTER);
    }

  for (guint i = 0; links != NULL && links[i] != NULL; i++)
    {
      /* A link the app would not open is no link in the PDF either: a
       * reader would open javascript:, file: or data: links for whoever
       * sent the profile. It stays as text, for the reader to judge. */
      gboolean safe = ladder_uri_is_safe (links[i]);

      last->keep_with_next = last == block;
      last->tight = TRUE;
      last = begin_text (self, STYLE_SMALL);
      append_span (self, links[i], safe ? SPAN_LINK : -1, safe ? link_to_uri (links[i]) : NULL);
      end_text (self, last);
      last->indent = GUTTER;
    }
}

static void
add_evidence_section (LadderReport *self,
                      Content      *content)
{
  g_autofree char *summary = NULL;
  guint n = content->evidence->len;
  guint month = 0;
  Block *block;

  if (!content->rated_only)
    add_page_break (self);
  add_heading (self, STYLE_H1, _("Evidence log"), 1);

  if (content->since != NULL)
    {
      g_autofree char *since = format_date (content->since);

      summary = g_strdup_printf (ngettext ("%u entry since %s, oldest first.",
                                           "%u entries since %s, oldest first.", n),
                                 n, since);
    }
  else
    {
      summary = g_strdup_printf (ngettext ("%u entry, oldest first.",
                                           "%u entries, oldest first.", n), n);
    }
  block = add_text (self, STYLE_SMALL, summary);
  if (n > 0)
    block->keep_with_next = TRUE;

  for (guint i = 0; i < n; i++)
    {
      LadderEvidence *entry = g_ptr_array_index (content->evidence, i);
      const GDate *date = ladder_evidence_get_date (entry);
      guint entry_month = date != NULL && g_date_valid (date) ?
                          g_date_get_year (date) * 12u + g_date_get_month (date) : G_MAXUINT;

      /* A heading per month, in the outline too: a long log is easy to
       * find one's way in. */
      if (entry_month != month)
        {
          g_autofree char *heading = _ladder_date_format (date, LADDER_DATE_MONTH, _("No date"));

          add_heading (self, STYLE_H2, heading, 2);
          month = entry_month;
        }

      add_evidence_entry (self, content, entry);
    }
}

/* The shown behaviours per category at each check-in: right before the
 * last check-in, which it leads up to. */
static void
add_history_section (LadderReport *self,
                     Content      *content)
{
  LadderRater owner = ladder_profile_get_owner (content->profile);
  Block *block;

  /* One check-in is one point: no line to read, only a page taken. */
  if (g_list_model_get_n_items (ladder_profile_get_checkins (content->profile)) < 2)
    return;

  add_heading (self, STYLE_H1, _("Check-ins over time"), 1);

  block = add_block (self, BLOCK_CHART, STYLE_SMALL);
  block->history = ladder_history_new (content->profile, owner);
  block->height = CHART_HEIGHT;
  block->keep_with_next = TRUE;

  if (ladder_history_has_ratings (block->history, LADDER_RATER_SELF) &&
      ladder_history_has_ratings (block->history, LADDER_RATER_MANAGER))
    add_text (self, STYLE_SMALL,
              _("The behaviours of each category, at every level, seen shown consistently "
                "at each check-in, from the ratings it recorded: the engineer’s own as solid "
                "lines, the manager’s as dashed ones."));
  else
    add_text (self, STYLE_SMALL,
              ladder_history_has_ratings (block->history, LADDER_RATER_MANAGER) ||
              (owner == LADDER_RATER_MANAGER &&
               !ladder_history_has_ratings (block->history, LADDER_RATER_SELF))
              ? _("The behaviours of each category, at every level, that the manager saw shown "
                  "consistently at each check-in, from the ratings it recorded.")
              : _("The behaviours of each category, at every level, seen shown consistently "
                  "at each check-in, from the ratings it recorded."));
}

static void
add_checkin_section (LadderReport *self,
                     Content      *content)
{
  g_autoptr(LadderCheckin) last = NULL;
  g_autoptr(LadderReview) review = NULL;
  g_autofree char *date = NULL;
  g_autofree char *counts = NULL;
  guint n_up = 0;
  guint n_down = 0;
  const char *notes;
  GListModel *actions;
  guint n_open = 0;
  guint n_done = 0;
  guint today;
  guint n_listed = 0;
  Block *block;

  g_set_object (&last, ladder_profile_get_last_checkin (content->profile));
  if (last == NULL)
    return;

  add_heading (self, STYLE_H1, _("Last check-in"), 1);
  date = format_date (ladder_checkin_get_date (last));
  review = ladder_review_new (content->profile, last);
  for (guint i = 0; i < ladder_review_get_n_changes (review); i++)
    {
      int direction = ladder_review_get_change (review, i)->direction;

      if (direction > 0)
        n_up++;
      else if (direction < 0)
        n_down++;
    }
  if (ladder_review_get_previous (review) != NULL)
    {
      g_autofree char *since = format_date (ladder_checkin_get_date (ladder_review_get_previous (review)));
      g_autofree char *line = NULL;

      /* Translators: what a check-in looked back on, numbers last so that
       * one form reads right for any number: "9 November 2026 · since the
       * check-in of 1 August 2026: ratings up 5, down 1 · evidence added 4" */
      line = g_strdup_printf (_("%s · since the check-in of %s: ratings up %u, down %u · evidence added %u"),
                              date, since, n_up, n_down,
                              ladder_review_get_new_evidence (review)->len);
      block = add_text (self, STYLE_SMALL, line);
    }
  else
    {
      block = add_text (self, STYLE_SMALL, date);
    }
  block->keep_with_next = TRUE;

  notes = ladder_checkin_get_notes (last);
  block = begin_text (self, STYLE_BODY);
  block = append_paragraphs (self, block, STYLE_BODY, 0,
                             notes != NULL && *notes != '\0' ? notes : _("No notes."));
  end_text (self, block);
  /* The notes' end goes over with the actions agreed after them. */
  block->keep_with_next = TRUE;

  actions = ladder_checkin_get_actions (last);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(LadderAction) action = g_list_model_get_item (actions, i);

      if (ladder_action_get_done (action))
        n_done++;
      else
        n_open++;
    }

  block = begin_text (self, STYLE_H2);
  append (self, _("Open actions"));
  append (self, "\n");
  /* Translators: "2 open, 1 done" */
  counts = g_strdup_printf (_("%u open, %u done"), n_open, n_done);
  append_span (self, counts, SPAN_SMALL, NULL);
  end_text (self, block);
  block->keep_with_next = n_open > 0;

  today = (guint) g_date_time_get_year (self->date) * 10000u +
          (guint) g_date_time_get_month (self->date) * 100u +
          (guint) g_date_time_get_day_of_month (self->date);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(LadderAction) action = g_list_model_get_item (actions, i);
      const GDate *due = ladder_action_get_due (action);
      const char *owner;
      g_autofree char *detail = NULL;

      if (ladder_action_get_done (action))
        continue;

      owner = ladder_action_get_owner (action) == LADDER_RATER_MANAGER ? _("Manager") : self->author;
      if (due != NULL && g_date_valid (due))
        {
          g_autofree char *due_text = format_date (due);
          guint due_day = g_date_get_year (due) * 10000u + g_date_get_month (due) * 100u +
                          g_date_get_day (due);

          if (due_day < today)
            /* Translators: an action's owner and due date, when it is past */
            detail = g_strdup_printf (_("%s · due %s, overdue"), owner, due_text);
          else
            /* Translators: an action's owner and due date */
            detail = g_strdup_printf (_("%s · due %s"), owner, due_text);
        }
      else
        {
          detail = g_strdup (owner);
        }

      block = begin_text (self, STYLE_BODY);
      append (self, ladder_action_get_text (action));
      append (self, "\n");
      append_span (self, detail, SPAN_SMALL, NULL);
      end_text (self, block);
      block->indent = BULLET_INDENT;
      block->gutter = g_strdup ("•");
      /* The list holds together: the last action never ends the summary
       * on a page of its own, the one before goes over with it. */
      block->keep_with_next = ++n_listed < n_open;
    }
}

static void
content_init (Content                   *content,
              LadderProfile             *profile,
              const LadderReportOptions *options)
{
  GListModel *evidence = ladder_profile_get_evidence (profile);
  guint since = options->since != NULL && g_date_valid (options->since) ?
                g_date_get_julian (options->since) : 0;
  const char *levels[2];

  content->profile = profile;
  content->framework = ladder_profile_get_framework (profile);
  content->since = since > 0 ? options->since : NULL;
  content->evidence_text = options->evidence_text;
  content->rated_only = options->rated_only;
  content->levels_in_play = options->levels_in_play;

  if (since == 0 && options->since_last_checkin)
    {
      LadderCheckin *last = ladder_profile_get_last_checkin (profile);
      const GDate *day = last != NULL ? ladder_checkin_get_date (last) : NULL;

      if (day != NULL && g_date_valid (day))
        {
          content->since_day = *day;
          content->since = &content->since_day;
          since = g_date_get_julian (day);
        }
    }

  content->evidence = g_ptr_array_new_full (g_list_model_get_n_items (evidence), g_object_unref);
  content->evidence_for = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                 (GDestroyNotify) g_ptr_array_unref);
  content->behaviours_in = g_hash_table_new (g_str_hash, g_str_equal);
  content->linked = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      LadderEvidence *entry = g_list_model_get_item (evidence, i);
      const GDate *date = ladder_evidence_get_date (entry);

      /* Undated entries stay: a "since" cannot say they are older. */
      if (since > 0 && date != NULL && g_date_valid (date) && g_date_get_julian (date) < since)
        g_object_unref (entry);
      else
        g_ptr_array_add (content->evidence, entry);
    }

  /* Stable, so entries of one day keep the order they were logged in. */
  g_ptr_array_sort_values (content->evidence, compare_evidence_dates);

  levels[0] = ladder_profile_get_current_level (profile);
  levels[1] = ladder_profile_get_target_level (profile);
  for (guint l = 0; l < 2; l++)
    {
      g_autoptr(GPtrArray) behaviours = NULL;

      if (levels[l] == NULL || ladder_framework_find_level (content->framework, levels[l]) == NULL)
        continue;

      behaviours = ladder_framework_list_behaviours (content->framework, levels[l], NULL);
      for (guint b = 0; b < behaviours->len; b++)
        g_hash_table_add (content->behaviours_in,
                          (gpointer) ladder_behaviour_get_id (g_ptr_array_index (behaviours, b)));
    }

  for (guint i = 0; i < content->evidence->len; i++)
    {
      LadderEvidence *entry = g_ptr_array_index (content->evidence, i);
      const char * const *ids = ladder_evidence_get_behaviours (entry);

      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        {
          GPtrArray *list;

          if (!g_hash_table_contains (content->behaviours_in, ids[j]))
            continue;

          list = g_hash_table_lookup (content->evidence_for, ids[j]);
          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (content->evidence_for, (gpointer) ids[j], list);
            }
          /* An id listed twice on one entry is one piece of evidence. */
          if (list->len == 0 || g_ptr_array_index (list, list->len - 1) != entry)
            g_ptr_array_add (list, entry);
        }
    }
}

static void
content_clear (Content *content)
{
  g_clear_pointer (&content->evidence_for, g_hash_table_unref);
  g_clear_pointer (&content->behaviours_in, g_hash_table_unref);
  g_clear_pointer (&content->linked, g_hash_table_unref);
  g_clear_pointer (&content->evidence, g_ptr_array_unref);
}

/**
 * ladder_report_options_init_for_meeting:
 * @options: the options to set
 *
 * Sets @options to what a 1:1 needs, leaving the paper, title and date
 * as they are: the behaviours someone rated or backed with evidence, the
 * evidence since the last check-in, and only the current and the target
 * level in the table. A meeting talks about what changed since the last
 * one, and about the level held and the one aimed at; the whole record,
 * every unrated behaviour and every level, made a ten-page summary of
 * nine ratings. The whole record is a zeroed #LadderReportOptions.
 */
void
ladder_report_options_init_for_meeting (LadderReportOptions *options)
{
  g_return_if_fail (options != NULL);

  options->since = NULL;
  options->rated_only = TRUE;
  options->since_last_checkin = TRUE;
  options->levels_in_play = TRUE;
}

/**
 * ladder_report_new:
 * @profile: a #LadderProfile
 * @options: (nullable): what the summary covers, or %NULL for the defaults
 *
 * Reads @profile into a summary: the title block, the chart of the
 * current level, the table of shown behaviours per level and category,
 * the behaviours of the current and target levels with both ratings and
 * their evidence, the evidence log in date order and the last check-in's
 * notes and open actions. Call it on the thread that owns @profile; the
 * summary keeps no reference to it, so paging and drawing may then happen
 * on another thread.
 *
 * Returns: (transfer full): a new summary
 */
LadderReport *
ladder_report_new (LadderProfile             *profile,
                   const LadderReportOptions *options)
{
  const LadderReportOptions defaults = { 0, };
  g_autoptr(LadderReport) self = NULL;
  const char *name;
  Content content = { NULL, };

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  if (options == NULL)
    options = &defaults;

  self = g_new0 (LadderReport, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->paper = options->paper;
  self->date = options->date != NULL ? g_date_time_ref (options->date) : g_date_time_new_now_local ();
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->shared_text = g_string_chunk_new (4096);
  self->text = g_string_new (NULL);
  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  self->targets = g_ptr_array_new_with_free_func (g_free);
  self->date_cache = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  name = ladder_profile_get_name (profile);
  self->author = g_utf8_make_valid (name != NULL && *name != '\0' ? name : _("Unnamed"), -1);
  self->custom_title = options->title != NULL && *options->title != '\0';
  if (self->custom_title)
    self->title = g_utf8_make_valid (options->title, -1);
  else
    /* Translators: the PDF's title; %s is the person's name */
    self->title = g_strdup_printf (_("Progress summary: %s"), self->author);
  self->footer = printable (self->title);

  content_init (&content, profile, options);

  add_title_block (self, &content);
  add_chart_section (self, &content);
  add_table_section (self, &content);
  add_level_section (self, &content, ladder_profile_get_current_level (profile), TRUE);
  if (g_strcmp0 (ladder_profile_get_target_level (profile),
                 ladder_profile_get_current_level (profile)) != 0)
    add_level_section (self, &content, ladder_profile_get_target_level (profile), FALSE);
  add_evidence_section (self, &content);
  add_history_section (self, &content);
  add_checkin_section (self, &content);

  content_clear (&content);

  /* What only building needed. */
  g_string_free (g_steal_pointer (&self->text), TRUE);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_pointer (&self->date_cache, g_hash_table_unref);

  return g_steal_pointer (&self);
}

/**
 * ladder_report_ref:
 * @report: a #LadderReport
 *
 * Returns: (transfer full): @report
 */
LadderReport *
ladder_report_ref (LadderReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  g_atomic_ref_count_inc (&report->ref_count);
  return report;
}

static void typesetter_free (Typesetter *typesetter);

static void
release_kept_layouts (LadderReport *self)
{
  if (self->kept_layouts == NULL)
    return;

  for (guint i = 0; i < self->n_kept_layouts; i++)
    g_clear_object (&self->kept_layouts[i]);
  g_clear_pointer (&self->kept_layouts, g_free);
  self->n_kept_layouts = 0;
}

static void
release_layout (LadderReport *self)
{
  release_kept_layouts (self);
  g_clear_object (&self->footer_layout);
  g_clear_object (&self->last_layout);
  g_clear_pointer (&self->gutters, g_hash_table_unref);
  g_clear_pointer (&self->shared_layouts, g_hash_table_unref);
  g_clear_pointer (&self->typesetter, typesetter_free);
}

/**
 * ladder_report_unref:
 * @report: (transfer full): a #LadderReport
 *
 * Drops a reference; the last one frees the summary.
 */
void
ladder_report_unref (LadderReport *report)
{
  g_return_if_fail (report != NULL);

  if (!g_atomic_ref_count_dec (&report->ref_count))
    return;

  release_layout (report);
  g_clear_pointer (&report->metrics, g_array_unref);
  g_clear_pointer (&report->tops, g_array_unref);
  g_clear_pointer (&report->placements, g_array_unref);
  g_clear_pointer (&report->pages, g_array_unref);
  g_clear_pointer (&report->blocks, g_ptr_array_unref);
  g_clear_pointer (&report->shared_text, g_string_chunk_free);
  if (report->text != NULL)
    g_string_free (report->text, TRUE);
  g_clear_pointer (&report->spans, g_array_unref);
  g_clear_pointer (&report->targets, g_ptr_array_unref);
  g_clear_pointer (&report->date_cache, g_hash_table_unref);
  g_clear_pointer (&report->date, g_date_time_unref);
  g_free (report->title);
  g_free (report->author);
  g_free (report->footer);
  g_free (report);
}

/**
 * ladder_report_get_title:
 * @report: a #LadderReport
 *
 * Returns: the document's title, also its PDF metadata title
 */
const char *
ladder_report_get_title (LadderReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return report->title;
}

/* Laying out */

/* The thread's own default font map, so that fonts and glyph metrics
 * stay loaded from one summary to the next (and, on the main thread, are
 * the ones the app's widgets already loaded); a context of our own on it,
 * at 72 dpi, so that one point is one unit of the page. No hinting: text
 * is measured as it prints. A typesetter is for the thread that made it. */
static Typesetter *
typesetter_new (void)
{
  Typesetter *typesetter = g_new0 (Typesetter, 1);
  cairo_font_options_t *options;

  typesetter->font_map = g_object_ref (pango_cairo_font_map_get_default ());
  typesetter->context = pango_font_map_create_context (typesetter->font_map);
  pango_cairo_context_set_resolution (typesetter->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (typesetter->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (typesetter->context, FALSE);

  for (guint i = 0; i < N_STYLES; i++)
    {
      typesetter->fonts[i] = pango_font_description_new ();
      pango_font_description_set_family_static (typesetter->fonts[i], FONT_FAMILY);
      pango_font_description_set_size (typesetter->fonts[i], (int) (styles[i].size * PANGO_SCALE));
      pango_font_description_set_weight (typesetter->fonts[i], styles[i].weight);
    }

  return typesetter;
}

static void
typesetter_free (Typesetter *typesetter)
{
  for (guint i = 0; i < N_STYLES; i++)
    pango_font_description_free (typesetter->fonts[i]);
  g_object_unref (typesetter->context);
  g_object_unref (typesetter->font_map);
  g_free (typesetter);
}

static Typesetter *
ensure_typesetter (LadderReport *self)
{
  if (self->typesetter == NULL)
    self->typesetter = typesetter_new ();

  return self->typesetter;
}

static double
content_width (LadderReport *self)
{
  return self->page_width - 2 * MARGIN_SIDE;
}

static PangoAttribute *
colour_attr (guint32 rgb)
{
  return pango_attr_foreground_new (((rgb >> 16) & 0xff) * 0x101,
                                    ((rgb >> 8) & 0xff) * 0x101,
                                    (rgb & 0xff) * 0x101);
}

static void
insert_attr (PangoAttrList  *attrs,
             PangoAttribute *attr,
             const Span     *span)
{
  attr->start_index = span->start;
  attr->end_index = span->end;
  pango_attr_list_insert (attrs, attr);
}

static void
set_source_rgb (cairo_t *cr,
                guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static PangoLayout *
make_layout (Typesetter *typesetter,
             Style       style,
             const char *text,
             double      width)
{
  PangoLayout *layout = pango_layout_new (typesetter->context);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_layout_set_font_description (layout, typesetter->fonts[style]);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* The page reads left to right: a paragraph in Arabic or Hebrew is set
   * right to left within it, but stays aligned with the rest. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_line_spacing (layout, (float) styles[style].line_spacing);

  /* A word broken for want of room is not hyphenated: a hyphen would
   * change what a search or a copy finds. */
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  if (styles[style].letter_spacing > 0)
    pango_attr_list_insert (attrs,
                            pango_attr_letter_spacing_new ((int) (styles[style].letter_spacing * PANGO_SCALE)));
  _ladder_text_add_runs (attrs, text, -1);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
text_width (LadderReport *self,
            const Block  *block)
{
  double width = content_width (self) - block->indent;

  if (block->right > 0)
    width -= block->right + 8;

  return MAX (width, 24);
}

static PangoLayout *
layout_block (LadderReport *self,
              Typesetter   *typesetter,
              const Block  *block)
{
  PangoLayout *layout = make_layout (typesetter, block->style, block->text,
                                     text_width (self, block));
  PangoAttrList *attrs;

  if (block->n_spans == 0)
    return layout;

  attrs = pango_attr_list_copy (pango_layout_get_attributes (layout));
  for (guint i = 0; i < block->n_spans; i++)
    {
      const Span *span = &block->spans[i];

      switch ((SpanKind) span->kind)
        {
        case SPAN_BOLD:
          insert_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), span);
          break;
        case SPAN_DIM:
          insert_attr (attrs, colour_attr (DIM), span);
          break;
        case SPAN_SMALL:
          insert_attr (attrs, pango_attr_size_new ((int) (styles[STYLE_SMALL].size * PANGO_SCALE)), span);
          insert_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_NORMAL), span);
          insert_attr (attrs, colour_attr (DIM), span);
          break;
        case SPAN_SELF:
        case SPAN_MANAGER:
          insert_attr (attrs, pango_attr_size_new ((int) (styles[STYLE_SMALL].size * PANGO_SCALE)), span);
          insert_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), span);
          insert_attr (attrs, colour_attr (span->kind == SPAN_SELF ? SELF_COLOUR : MANAGER_COLOUR), span);
          break;
        case SPAN_LINK:
          insert_attr (attrs, colour_attr (LINK_COLOUR), span);
          break;
        case SPAN_GAP:
          /* The empty line between two paragraphs, a third of a line. */
          insert_attr (attrs, pango_attr_size_new (3 * PANGO_SCALE), span);
          insert_attr (attrs, pango_attr_line_height_new (1.0), span);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

static PangoLayout *
layout_gutter (Typesetter  *typesetter,
               const Block *block)
{
  return make_layout (typesetter, STYLE_SMALL, block->gutter, MAX (block->indent - 8, 8));
}

static double
pango_to_points (int units)
{
  return units / (double) PANGO_SCALE;
}

static double *
block_tops (LadderReport  *self,
            const Metrics *metrics)
{
  return &g_array_index (self->tops, double, metrics->first_top);
}

/* Lays @block out to learn its lines' tops, appended to @tops; the
 * metrics' first_top is an index in @tops. */
static void
measure_block (LadderReport  *self,
               Typesetter    *typesetter,
               const Block   *block,
               GHashTable    *gutter_heights,
               GArray        *tops,
               Metrics       *metrics,
               PangoLayout  **keep)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoLayoutIter *iter;
  PangoRectangle logical;
  double gutter_height = 0;
  double text_height;
  double *line_tops;

  memset (metrics, 0, sizeof (Metrics));
  metrics->first_top = tops->len;

  if (block->kind == BLOCK_CHART)
    {
      metrics->height = block->height;
      return;
    }
  if (block->kind != BLOCK_TEXT)
    return;

  layout = layout_block (self, typesetter, block);
  iter = pango_layout_get_iter (layout);
  do
    {
      double top;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = pango_to_points (logical.y);
      g_array_append_val (tops, top);
      metrics->n_lines++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  pango_layout_get_extents (layout, NULL, &logical);
  if (keep != NULL)
    *keep = g_object_ref (layout);
  text_height = pango_to_points (logical.y + logical.height);
  g_array_append_val (tops, text_height);

  /* Gutters repeat (the log's dates): measure each text once. */
  if (block->gutter != NULL)
    {
      gpointer cached;

      if (g_hash_table_lookup_extended (gutter_heights, block->gutter, NULL, &cached))
        {
          gutter_height = *(double *) cached;
        }
      else
        {
          g_autoptr(PangoLayout) gutter = layout_gutter (typesetter, block);
          double *height = g_new (double, 1);

          pango_layout_get_extents (gutter, NULL, &logical);
          *height = gutter_height = pango_to_points (logical.height);
          g_hash_table_insert (gutter_heights, block->gutter, height);
        }
    }

  /* The first part holds at least the lines beside the gutter. */
  line_tops = &g_array_index (tops, double, metrics->first_top);
  metrics->min_lines = 1;
  while (metrics->min_lines < metrics->n_lines &&
         line_tops[metrics->min_lines] - line_tops[0] < gutter_height - 0.5)
    metrics->min_lines++;

  metrics->height = MAX (text_height - line_tops[0], gutter_height) + 2 * block->pad;
}

typedef struct
{
  LadderReport *report;
  guint         start;
  guint         end;
  GArray       *tops;
  guint         keep;  /* how many of its layouts to keep for drawing */
} MeasureJob;

static gpointer
measure_blocks (gpointer data)
{
  MeasureJob *job = data;
  Typesetter *typesetter = typesetter_new ();
  g_autoptr(GHashTable) gutter_heights = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                NULL, g_free);

  g_autoptr(GHashTable) shared = g_hash_table_new (NULL, NULL);

  job->tops = g_array_sized_new (FALSE, FALSE, sizeof (double), (job->end - job->start) * 4);
  for (guint i = job->start; i < job->end; i++)
    {
      Metrics *metrics = &g_array_index (job->report->metrics, Metrics, i);
      const Block *block = g_ptr_array_index (job->report->blocks, i);
      gpointer measured;

      /* A shared line measures as the first block with its text did,
       * down to the same tops. */
      if (block->shared &&
          g_hash_table_lookup_extended (shared, block->text, NULL, &measured))
        {
          *metrics = g_array_index (job->report->metrics, Metrics, GPOINTER_TO_UINT (measured));
          continue;
        }

      measure_block (job->report, typesetter, block, gutter_heights, job->tops, metrics,
                     !block->shared && i - job->start < job->keep ?
                     &job->report->kept_layouts[i] : NULL);
      if (block->shared)
        g_hash_table_insert (shared, (gpointer) block->text, GUINT_TO_POINTER (i));
    }

  typesetter_free (typesetter);
  return NULL;
}

/* Measuring is most of the work of paging, and blocks measure on their
 * own: a long summary is measured on as many threads as there are
 * processors (up to four), each with its own typesetter. */
#define BLOCKS_PER_THREAD 1500
#define MAX_THREADS 4
/* Drawing lays a block out again, unless measuring kept its layout: the
 * calling thread's first blocks are kept, up to this many, which is all
 * of a summary of a few hundred entries (a third less drawing) and a
 * bounded part of a longer one (a layout costs a few kilobytes: keeping
 * all of 20,000 entries would double the memory). Layouts of the other
 * threads are not kept: their fonts belong to those threads. */
#define KEPT_LAYOUTS 4000

static void
measure_all (LadderReport *self)
{
  guint n_blocks = self->blocks->len;
  guint n_jobs = MIN (MIN ((guint) g_get_num_processors (), MAX_THREADS),
                      MAX (n_blocks / BLOCKS_PER_THREAD, 1));
  MeasureJob jobs[MAX_THREADS];
  GThread *threads[MAX_THREADS] = { NULL, };

  g_array_set_size (self->metrics, n_blocks);
  for (guint j = 0; j < n_jobs; j++)
    {
      jobs[j].report = self;
      jobs[j].start = (guint) ((guint64) n_blocks * j / n_jobs);
      jobs[j].end = (guint) ((guint64) n_blocks * (j + 1) / n_jobs);
      jobs[j].tops = NULL;
      jobs[j].keep = j == 0 ? KEPT_LAYOUTS : 0;
    }

  release_kept_layouts (self);
  self->n_kept_layouts = MIN (n_blocks, KEPT_LAYOUTS);
  self->kept_layouts = g_new0 (PangoLayout *, self->n_kept_layouts);

  for (guint j = 1; j < n_jobs; j++)
    threads[j] = g_thread_new ("ladder-report", measure_blocks, &jobs[j]);
  measure_blocks (&jobs[0]);

  for (guint j = 0; j < n_jobs; j++)
    {
      guint offset = self->tops->len;

      if (threads[j] != NULL)
        g_thread_join (threads[j]);

      for (guint i = jobs[j].start; i < jobs[j].end; i++)
        g_array_index (self->metrics, Metrics, i).first_top += offset;
      g_array_append_vals (self->tops, jobs[j].tops->data, jobs[j].tops->len);
      g_array_unref (jobs[j].tops);
    }
}

static double
part_height (LadderReport  *self,
             const Block   *block,
             const Metrics *metrics,
             guint          first,
             guint          end)
{
  double *tops;
  double height;

  if (block->kind != BLOCK_TEXT || (first == 0 && end == metrics->n_lines))
    return metrics->height;

  tops = block_tops (self, metrics);
  height = tops[end] - tops[first];
  if (first == 0)
    height += block->pad;
  if (end == metrics->n_lines)
    height += block->pad;

  return height;
}

static double
space_after (const Block *block)
{
  return block->tight ? 0 : styles[block->style].space_after;
}

static const Metrics *
get_metrics (LadderReport *self,
             guint         block)
{
  return &g_array_index (self->metrics, Metrics, block);
}

static const Block *
get_block (LadderReport *self,
           guint         block)
{
  return g_ptr_array_index (self->blocks, block);
}

/* How much of what follows a "keep with next" block must fit beside it:
 * the next block's first lines, or all of it when it is short, and so on
 * down a chain of headings. */
static double
keep_need (LadderReport *self,
           guint         next,
           guint         depth)
{
  const Block *block;
  const Metrics *metrics;
  double need;

  if (next >= self->blocks->len)
    return 0;

  block = get_block (self, next);
  metrics = get_metrics (self, next);
  if (block->kind == BLOCK_PAGE_BREAK)
    return 0;

  need = styles[block->style].space_before;
  if (block->kind == BLOCK_TEXT && metrics->n_lines > 3 && !block->keep_with_next)
    need += part_height (self, block, metrics, 0, MAX (metrics->min_lines, 2));
  else
    need += metrics->height;

  if (block->keep_with_next && depth < 3)
    need += space_after (block) + keep_need (self, next + 1, depth + 1);

  return need;
}

static void
start_page (LadderReport *self,
            double       *y)
{
  Page page = { self->placements->len, 0 };

  g_array_append_val (self->pages, page);
  *y = MARGIN_TOP;
}

static void
place (LadderReport *self,
       guint         block,
       guint         first,
       guint         end,
       double        y)
{
  Placement placement = { block, first, end, y };

  g_array_append_val (self->placements, placement);
  g_array_index (self->pages, Page, self->pages->len - 1).n++;
}

/* The most lines from @first on that fit in @room, keeping at least two
 * lines on each side of a break in a paragraph of four lines or more, and
 * a shorter one whole. */
static guint
fit_lines (LadderReport  *self,
           const Block   *block,
           const Metrics *metrics,
           guint          first,
           double         room)
{
  guint n = metrics->n_lines;
  guint end = first;

  while (end < n && part_height (self, block, metrics, first, end + 1) <= room)
    end++;

  if (n >= 4)
    {
      end = MIN (end, n - 2);
      if (end < first + 2)
        end = first;
    }
  else
    {
      /* A short block (a behaviour with its ratings, an action with its
       * owner) reads as one: it moves on whole. */
      end = first;
    }

  if (first == 0 && end < metrics->min_lines)
    end = 0;

  return end;
}

static void
place_text (LadderReport *self,
            guint         index,
            double       *y,
            double        before)
{
  const Block *block = get_block (self, index);
  const Metrics *metrics = get_metrics (self, index);
  double bottom = self->page_height - MARGIN_BOTTOM;
  double full_page = bottom - MARGIN_TOP;
  guint first = 0;

  for (;;)
    {
      double rest = part_height (self, block, metrics, first, metrics->n_lines);
      double room = bottom - (*y + before);
      gboolean at_top = *y <= MARGIN_TOP;
      guint end;

      if (rest <= room)
        {
          place (self, index, first, metrics->n_lines, *y + before);
          *y += before + rest + space_after (block);
          return;
        }

      /* A heading that fits on a page is not split: it moves on whole. */
      end = block->keep_with_next && rest <= full_page ? first
                                                        : fit_lines (self, block, metrics, first, room);

      if (end == first && at_top)
        {
          /* Not even one line fits on an empty page: place one line (or
           * the first part) anyway, so that the text goes on. */
          end = MAX (first + 1, first == 0 ? metrics->min_lines : 0);
          end = MIN (end, metrics->n_lines);
        }

      if (end > first)
        {
          place (self, index, first, end, *y + before);
          if (end == metrics->n_lines)
            {
              *y += before + part_height (self, block, metrics, first, end) +
                    space_after (block);
              return;
            }
          first = end;
        }

      start_page (self, y);
      before = 0;
    }
}

/**
 * ladder_report_paginate:
 * @report: a #LadderReport
 * @page_width: the page's width in points
 * @page_height: the page's height in points
 *
 * Lays the summary out on pages of this size, with the summary's own
 * margins. For GtkPrintOperation, call it in "begin-print" with the
 * context's size (in points, with "use-full-page" set) and set the
 * operation's page count to the result.
 *
 * Returns: the number of pages, at least one
 */
guint
ladder_report_paginate (LadderReport *report,
                        double        page_width,
                        double        page_height)
{
  double bottom;
  double y;

  g_return_val_if_fail (report != NULL, 0);
  g_return_val_if_fail (page_width > 0 && page_height > 0, 0);

  /* Below this the margins leave no room: measure as if it were there. */
  report->page_width = MAX (page_width, 2 * MARGIN_SIDE + 144);
  report->page_height = MAX (page_height, MARGIN_TOP + MARGIN_BOTTOM + 144);
  bottom = report->page_height - MARGIN_BOTTOM;

  g_clear_pointer (&report->metrics, g_array_unref);
  g_clear_pointer (&report->tops, g_array_unref);
  g_clear_pointer (&report->placements, g_array_unref);
  g_clear_pointer (&report->pages, g_array_unref);
  report->metrics = g_array_sized_new (FALSE, FALSE, sizeof (Metrics), report->blocks->len);
  report->tops = g_array_sized_new (FALSE, FALSE, sizeof (double), report->blocks->len * 4);
  report->placements = g_array_sized_new (FALSE, FALSE, sizeof (Placement), report->blocks->len + 64);
  report->pages = g_array_new (FALSE, FALSE, sizeof (Page));

  measure_all (report);

  start_page (report, &y);
  for (guint i = 0; i < report->blocks->len; i++)
    {
      const Block *block = get_block (report, i);
      const Metrics *metrics = get_metrics (report, i);
      gboolean at_top = y <= MARGIN_TOP;
      double before = at_top ? 0 : styles[block->style].space_before;
      double need = metrics->height;

      if (block->kind == BLOCK_PAGE_BREAK)
        {
          if (!at_top)
            start_page (report, &y);
          continue;
        }

      if (block->keep_with_next)
        need += space_after (block) + keep_need (report, i + 1, 0);

      /* Whole, when it fits with what it keeps with; or at the top of a
       * page, where moving on would gain nothing. */
      if (y + before + need <= bottom ||
          (at_top && metrics->height <= bottom - MARGIN_TOP))
        {
          place (report, i, 0, metrics->n_lines, y + before);
          y += before + metrics->height + space_after (block);
          continue;
        }

      if (block->kind == BLOCK_TEXT)
        {
          /* A heading that would be left alone at the bottom starts the
           * next page instead. */
          if (block->keep_with_next && metrics->height <= bottom - MARGIN_TOP)
            {
              start_page (report, &y);
              before = 0;
            }
          place_text (report, i, &y, before);
          continue;
        }

      /* A chart that does not fit goes to the next page. */
      if (!at_top)
        start_page (report, &y);
      place (report, i, 0, 0, y);
      y += metrics->height + space_after (block);
    }

  /* A trailing page break leaves an empty page: drop it. */
  if (report->pages->len > 1 &&
      g_array_index (report->pages, Page, report->pages->len - 1).n == 0)
    g_array_set_size (report->pages, report->pages->len - 1);

  return report->pages->len;
}

/**
 * ladder_report_get_n_pages:
 * @report: a #LadderReport
 *
 * Returns: the number of pages of the last ladder_report_paginate(), or 0
 *   before it
 */
guint
ladder_report_get_n_pages (LadderReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->pages != NULL ? report->pages->len : 0;
}

/* Drawing */

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Never the locale's decimal comma: cairo parses these. */
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

static void
tag_link (cairo_t    *cr,
          const char *target,
          double      x,
          double      y,
          double      width,
          double      height)
{
  g_autofree char *sx = format_number (x);
  g_autofree char *sy = format_number (y);
  g_autofree char *sw = format_number (width);
  g_autofree char *sh = format_number (height);
  g_autofree char *attributes = g_strdup_printf ("rect=[%s %s %s %s] %s", sx, sy, sw, sh, target);

  cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes);
  cairo_tag_end (cr, CAIRO_TAG_LINK);
}

static void
tag_dest (cairo_t    *cr,
          const char *name,
          double      x,
          double      y)
{
  g_autoptr(GString) attributes = g_string_new ("name=");
  g_autofree char *sx = format_number (x);
  g_autofree char *sy = format_number (MAX (y - 6, 0));

  append_quoted (attributes, name);
  g_string_append_printf (attributes, " x=%s y=%s", sx, sy);
  cairo_tag_begin (cr, CAIRO_TAG_DEST, attributes->str);
  cairo_tag_end (cr, CAIRO_TAG_DEST);
}

/* The links on one line: a rectangle per stretch of a linked span. */
static void
tag_line_links (cairo_t         *cr,
                const Block     *block,
                PangoLayoutLine *line,
                double           x,
                double           y,
                double           height)
{
  int line_start = line->start_index;
  int line_end = line->start_index + line->length;

  for (guint i = 0; i < block->n_spans; i++)
    {
      const Span *span = &block->spans[i];
      g_autofree int *ranges = NULL;
      int n_ranges = 0;

      if (span->target < 0 || (int) span->end <= line_start || (int) span->start >= line_end)
        continue;

      pango_layout_line_get_x_ranges (line, MAX ((int) span->start, line_start),
                                      MIN ((int) span->end, line_end), &ranges, &n_ranges);
      for (int r = 0; r < n_ranges; r++)
        {
          double left = pango_to_points (ranges[2 * r]);
          double right = pango_to_points (ranges[2 * r + 1]);

          if (right > left)
            tag_link (cr, block->targets[span->target], x + left, y, right - left, height);
        }
    }
}

static void
draw_values (LadderReport *self,
             cairo_t      *cr,
             const Block  *block,
             double        x,
             double        baseline)
{
  for (guint rater = 0; rater < 2; rater++)
    {
      double column = x + rater * VALUE_COLUMN;
      guint32 colour = rater == LADDER_RATER_SELF ? SELF_COLOUR : MANAGER_COLOUR;
      g_autoptr(PangoLayout) layout = NULL;
      g_autofree char *text = NULL;
      guint shown = block->values[2 * rater];
      guint total = block->values[2 * rater + 1];
      double text_baseline;

      if (block->values_kind == VALUES_HEADER)
        {
          layout = make_layout (self->typesetter, STYLE_TABLE_HEAD,
                                rater == LADDER_RATER_SELF ? C_("rater", "Self") : C_("rater", "Manager"),
                                VALUE_COLUMN);
          set_source_rgb (cr, colour);
        }
      else
        {
          /* Translators: behaviours shown out of those that count, "3/5" */
          text = total > 0 ? g_strdup_printf (_("%u/%u"), shown, total) : g_strdup ("—");
          layout = make_layout (self->typesetter, STYLE_TABLE, text, VALUE_TEXT);
          pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
          set_source_rgb (cr, total > 0 ? INK : DIM);
        }

      text_baseline = pango_to_points (pango_layout_get_baseline (layout));
      cairo_move_to (cr, column, baseline - text_baseline);
      pango_cairo_show_layout (cr, layout);

      if (block->values_kind == VALUES_COUNTS && total > 0)
        {
          double bar_x = column + VALUE_TEXT + 8;
          double bar_y = baseline - 6;

          set_source_rgb (cr, FAINT_RULE);
          cairo_rectangle (cr, bar_x, bar_y, VALUE_BAR, 5);
          cairo_fill (cr);
          set_source_rgb (cr, colour);
          cairo_rectangle (cr, bar_x, bar_y, VALUE_BAR * shown / total, 5);
          cairo_fill (cr);
        }
    }
}

static void
draw_text (LadderReport    *self,
           cairo_t         *cr,
           const Placement *placement,
           gboolean         tags)
{
  const Block *block = get_block (self, placement->block);
  const Metrics *metrics = get_metrics (self, placement->block);
  double *tops = block_tops (self, metrics);
  double x = MARGIN_SIDE;
  double width = content_width (self);
  double height = part_height (self, block, metrics, placement->first_line, placement->end_line);
  double text_top = placement->y + (placement->first_line == 0 ? block->pad : 0);
  double origin = text_top - tops[placement->first_line];
  g_autoptr(PangoLayout) layout = NULL;
  PangoLayoutIter *iter;
  guint line_no = 0;

  if (block->shaded)
    {
      set_source_rgb (cr, SHADE);
      cairo_rectangle (cr, x, placement->y, width, height);
      cairo_fill (cr);
    }

  if (tags && block->dest != NULL && placement->first_line == 0)
    tag_dest (cr, block->dest, x, placement->y);

  if (block->shared)
    {
      if (self->shared_layouts == NULL)
        self->shared_layouts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
      layout = g_hash_table_lookup (self->shared_layouts, block->text);
      if (layout == NULL)
        {
          layout = layout_block (self, self->typesetter, block);
          g_hash_table_insert (self->shared_layouts, block->text, layout);
        }
      g_object_ref (layout);
    }
  else
    {
      if (placement->block < self->n_kept_layouts &&
          self->kept_layouts[placement->block] != NULL)
        {
          g_clear_object (&self->last_layout);
          self->last_layout = g_object_ref (self->kept_layouts[placement->block]);
          self->last_block = placement->block;
        }
      else if (self->last_layout == NULL || self->last_block != placement->block)
        {
          g_clear_object (&self->last_layout);
          self->last_layout = layout_block (self, self->typesetter, block);
          self->last_block = placement->block;
        }
      layout = g_object_ref (self->last_layout);
    }
  set_source_rgb (cr, styles[block->style].colour);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line;
      PangoRectangle logical;
      double baseline;

      if (line_no >= placement->end_line)
        break;
      if (line_no++ < placement->first_line)
        continue;

      line = pango_layout_iter_get_line_readonly (iter);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = pango_to_points (pango_layout_iter_get_baseline (iter));

      cairo_move_to (cr, x + block->indent + pango_to_points (logical.x), origin + baseline);
      pango_cairo_show_layout_line (cr, line);

      if (tags && block->targets != NULL)
        tag_line_links (cr, block, line, x + block->indent,
                        origin + pango_to_points (logical.y), pango_to_points (logical.height));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  if (placement->first_line == 0)
    {
      double first_baseline = origin + pango_to_points (pango_layout_get_baseline (layout));

      if (block->gutter != NULL)
        {
          PangoLayout *gutter;

          if (self->gutters == NULL)
            self->gutters = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
          gutter = g_hash_table_lookup (self->gutters, block->gutter);
          if (gutter == NULL)
            {
              gutter = layout_gutter (self->typesetter, block);
              g_hash_table_insert (self->gutters, block->gutter, gutter);
            }

          set_source_rgb (cr, DIM);
          cairo_move_to (cr, x, first_baseline - pango_to_points (pango_layout_get_baseline (gutter)));
          pango_cairo_show_layout (cr, gutter);
        }

      if (block->values_kind != VALUES_NONE)
        draw_values (self, cr, block, x + width - block->right, first_baseline);
    }

  if (block->rule_below && placement->end_line == metrics->n_lines)
    {
      double rule_y = placement->y + height + (block->pad > 0 ? 0 : 4);

      set_source_rgb (cr, block->pad > 0 ? FAINT_RULE : RULE);
      cairo_set_line_width (cr, block->pad > 0 ? 0.5 : 0.75);
      cairo_move_to (cr, x, rule_y);
      cairo_line_to (cr, x + width, rule_y);
      cairo_stroke (cr);
    }
}

static void
draw_chart (LadderReport    *self,
            cairo_t         *cr,
            const Placement *placement)
{
  const Block *block = get_block (self, placement->block);
  LadderChartStyle style;

  ladder_chart_style_init (&style);
  style.context = self->typesetter->context;
  style.font = self->typesetter->fonts[STYLE_SMALL];
  style.text_emoji = TRUE;

  cairo_save (cr);
  cairo_translate (cr, MARGIN_SIDE, placement->y);
  if (block->history != NULL)
    ladder_history_draw (block->history, cr, content_width (self), block->height, &style);
  else
    ladder_chart_draw (block->chart, cr, content_width (self), block->height, &style);
  cairo_restore (cr);
}

static void
draw_footer (LadderReport *self,
             cairo_t      *cr,
             guint         page)
{
  g_autoptr(PangoLayout) right = NULL;
  PangoLayout *left;
  double left_width;
  g_autofree char *number = NULL;
  double width = content_width (self);
  double y = self->page_height - MARGIN_BOTTOM + FOOTER_GAP;
  PangoRectangle logical;

  /* Translators: the page number in the footer */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  right = make_layout (self->typesetter, STYLE_FOOTER, number, -1);
  pango_layout_get_extents (right, NULL, &logical);

  /* The title is the same on every page: laid out again only when the
   * page number's width changes. */
  left_width = width - pango_to_points (logical.width) - 24;
  if (self->footer_layout == NULL || self->footer_width != left_width)
    {
      g_clear_object (&self->footer_layout);
      self->footer_layout = make_layout (self->typesetter, STYLE_FOOTER, self->footer, left_width);
      pango_layout_set_ellipsize (self->footer_layout, PANGO_ELLIPSIZE_END);
      self->footer_width = left_width;
    }
  left = self->footer_layout;

  set_source_rgb (cr, FAINT_RULE);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_SIDE, y - 6);
  cairo_line_to (cr, MARGIN_SIDE + width, y - 6);
  cairo_stroke (cr);

  set_source_rgb (cr, DIM);
  cairo_move_to (cr, MARGIN_SIDE, y);
  pango_cairo_show_layout (cr, left);
  cairo_move_to (cr, MARGIN_SIDE + width - pango_to_points (logical.width), y);
  pango_cairo_show_layout (cr, right);
}

static void
draw_page (LadderReport *self,
           cairo_t      *cr,
           guint         page,
           gboolean      tags)
{
  const Page *p = &g_array_index (self->pages, Page, page);

  cairo_save (cr);
  for (guint i = p->first; i < p->first + p->n; i++)
    {
      const Placement *placement = &g_array_index (self->placements, Placement, i);

      if (get_block (self, placement->block)->kind == BLOCK_CHART)
        draw_chart (self, cr, placement);
      else
        draw_text (self, cr, placement, tags);
    }
  draw_footer (self, cr, page);
  cairo_restore (cr);
}

/**
 * ladder_report_draw_page:
 * @report: a paginated #LadderReport
 * @cr: where to draw, in points, with the page's top left at the origin
 * @page: the page, from 0
 *
 * Draws one page as ladder_report_paginate() laid it out: for
 * GtkPrintOperation's "draw-page" (with the operation's unit set to
 * points). The PDF's links and bookmarks are left out: paper has none, and
 * a range of pages would link to pages that are not there.
 */
void
ladder_report_draw_page (LadderReport *report,
                         cairo_t      *cr,
                         guint         page)
{
  g_return_if_fail (report != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (report->pages != NULL && page < report->pages->len);

  ensure_typesetter (report);
  draw_page (report, cr, page, FALSE);
}

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
add_outline (LadderReport    *self,
             cairo_surface_t *surface,
             guint            page,
             int             *parents)
{
  const Page *p = &g_array_index (self->pages, Page, page);

  for (guint i = p->first; i < p->first + p->n; i++)
    {
      const Placement *placement = &g_array_index (self->placements, Placement, i);
      const Block *block = get_block (self, placement->block);
      g_autoptr(GString) link = NULL;
      int parent;

      if (block->outline_level == 0 || block->dest == NULL || placement->first_line != 0)
        continue;

      link = g_string_new ("dest=");
      append_quoted (link, block->dest);
      parent = block->outline_level == 1 ? CAIRO_PDF_OUTLINE_ROOT : parents[1];
      parents[block->outline_level] =
        cairo_pdf_surface_add_outline (surface, parent, block->outline, link->str,
                                       block->outline_level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
    }
}

/**
 * ladder_report_to_pdf:
 * @report: a #LadderReport
 * @cancellable: (nullable): a #GCancellable, checked between pages
 * @error: return location for a #GError
 *
 * Makes the PDF on the report's paper: numbered pages, an outline with
 * the sections (and the categories and months within them), links from
 * each behaviour to its evidence in the log, and the title, author (the
 * person), creator and creation date in its metadata. Fonts are embedded
 * as subsets by cairo.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
ladder_report_to_pdf (LadderReport  *report,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  g_autofree char *created = NULL;
  g_autofree char *creator = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int parents[3] = { CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT };
  double width, height;

  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ladder_paper_size_get_size (report->paper, &width, &height);
  if (report->pages == NULL || report->page_width != width || report->page_height != height)
    ladder_report_paginate (report, width, height);
  ensure_typesetter (report);

  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, bytes, width, height);
  created = g_date_time_format (report->date, "%Y-%m-%dT%H:%M:%S%:z");
  creator = g_strdup_printf ("Ladder %s", PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, report->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  cr = cairo_create (surface);
  for (guint page = 0; page < report->pages->len; page++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;

      draw_page (report, cr, page, TRUE);
      add_outline (report, surface, page, parents);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  /* The fonts and shaping caches are the bulk of the memory: let them
   * go now rather than with the report. */
  release_layout (report);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LADDER_REPORT_ERROR, LADDER_REPORT_ERROR_DRAW,
                   _("Could not make the PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static gboolean
write_report (LadderReport  *report,
              GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length;

  bytes = ladder_report_to_pdf (report, cancellable, error);
  if (bytes == NULL)
    return FALSE;

  /* GIO writes a new file beside the old one and renames it over, so
   * the file is never half a PDF; unlike a profile's save there is no
   * backup to keep and nothing private about the permissions: a summary
   * is made to be handed over. */
  data = g_bytes_get_data (bytes, &length);
  if (!g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* GIO's messages for local files name the file already. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          strstr (local_error->message, name) != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     /* Translators: a file, and why it could not be written */
                     _("Could not write “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * ladder_report_write_pdf:
 * @profile: a #LadderProfile
 * @options: (nullable): what the summary covers, or %NULL for the defaults
 * @file: where to write the PDF
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes @profile's summary (see ladder_report_new()) to @file as PDF,
 * through g_file_replace_contents(): the file is either the whole old one
 * or the whole new one, never half a PDF, and no backup is left beside
 * it. An error names the file. Blocks: use
 * ladder_report_write_pdf_async() from a main loop.
 *
 * Returns: %TRUE when the file is written
 */
gboolean
ladder_report_write_pdf (LadderProfile              *profile,
                         const LadderReportOptions  *options,
                         GFile                      *file,
                         GCancellable               *cancellable,
                         GError                    **error)
{
  g_autoptr(LadderReport) report = NULL;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  report = ladder_report_new (profile, options);
  return write_report (report, file, cancellable, error);
}

typedef struct
{
  LadderReport *report;
  GFile        *file;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *write = data;

  g_clear_pointer (&write->report, ladder_report_unref);
  g_clear_object (&write->file);
  g_free (write);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *write = task_data;
  GError *error = NULL;

  if (write_report (write->report, write->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ladder_report_write_pdf_async:
 * @profile: a #LadderProfile
 * @options: (nullable): what the summary covers, or %NULL for the defaults
 * @file: where to write the PDF
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the PDF is written or could not be
 * @user_data: data for @callback
 *
 * ladder_report_write_pdf() without blocking: the profile is read now, on
 * the calling thread (a quick copy of its text), and the pages are laid
 * out, drawn and saved on a worker thread, so the profile may change
 * meanwhile. Finish with ladder_report_write_pdf_finish().
 */
void
ladder_report_write_pdf_async (LadderProfile              *profile,
                               const LadderReportOptions  *options,
                               GFile                      *file,
                               GCancellable               *cancellable,
                               GAsyncReadyCallback         callback,
                               gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *write;

  g_return_if_fail (LADDER_IS_PROFILE (profile));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (profile, cancellable, callback, user_data);
  g_task_set_source_tag (task, ladder_report_write_pdf_async);

  write = g_new0 (WriteData, 1);
  write->report = ladder_report_new (profile, options);
  write->file = g_object_ref (file);
  g_task_set_task_data (task, write, write_data_free);
  g_task_run_in_thread (task, write_thread);
}

/**
 * ladder_report_write_pdf_finish:
 * @profile: the profile given to ladder_report_write_pdf_async()
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the file is written
 */
gboolean
ladder_report_write_pdf_finish (LadderProfile  *profile,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, profile), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ladder_report_write_pdf_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
