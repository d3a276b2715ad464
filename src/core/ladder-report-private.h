/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the files of LadderReport share, and nothing else sees. The
 * summary is one type written in several files, one job each:
 *
 *   ladder-report.c           the type, paper sizes, options, writing the
 *                             PDF to a file
 *   ladder-report-content.c   ladder_report_new(): the profile read into
 *                             blocks (the title block, the charts, the
 *                             table of shown behaviours, the last
 *                             check-in)
 *   ladder-report-evidence.c  the behaviours of the current and the target
 *                             level with their evidence, and the log
 *   ladder-report-blocks.c    making blocks: text, the spans that style
 *                             it, its links and destinations
 *   ladder-report-layout.c    typesetting, measuring, paginating
 *   ladder-report-draw.c      drawing pages, and the PDF
 *
 * Only the two content files read the model; what they share is in
 * ladder-report-content-private.h. The layout and the drawing take blocks
 * of text, tables and charts, and this header holds no model type: a
 * chart block carries a function that draws it. */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "ladder-report.h"

G_BEGIN_DECLS

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

extern const StyleInfo _ladder_report_styles[N_STYLES];

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

/* The two columns of a row of counts: its values are the shown and the
 * total behaviours of self, then of manager. */
typedef enum
{
  COLUMN_SELF,
  COLUMN_MANAGER,
} ValuesColumn;

/* Draws a chart block's @chart at the origin, @width by @height, its
 * labels laid out on @context in @font. What the chart is of is the
 * content's business: the drawing only calls this. */
typedef void (*LadderReportDrawChart) (gpointer                    chart,
                                       cairo_t                    *cr,
                                       double                      width,
                                       double                      height,
                                       PangoContext               *context,
                                       const PangoFontDescription *font);

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
  /* A group, such as a table from its heading: the @keep_whole blocks
   * after this one go on its page when the group fits on a page, and at
   * least the @keep_first after it always do. */
  guint16      keep_whole;
  guint16      keep_first;
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
  guint        values[4];  /* see ValuesColumn */
  gpointer              chart;       /* what a chart block draws */
  LadderReportDrawChart draw_chart;  /* and how */
  GDestroyNotify        free_chart;
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

/* ladder-report.c */
/* Writes @report as a PDF to @file, whole or not at all; an error names
 * the file. */
gboolean _ladder_report_write_file      (LadderReport  *report,
                                         GFile         *file,
                                         GCancellable  *cancellable,
                                         GError       **error);

/* ladder-report-blocks.c */
void   _ladder_report_block_free        (gpointer      data);
char  *_ladder_report_printable         (const char   *text);
void   _ladder_report_append_quoted     (GString      *out,
                                         const char   *value);
char  *_ladder_report_dest_name         (const char   *prefix,
                                         const char   *id);
char  *_ladder_report_link_to_dest      (const char   *name);
char  *_ladder_report_link_to_uri       (const char   *uri);
Block *_ladder_report_add_block         (LadderReport *self,
                                         BlockKind     kind,
                                         Style         style);
Block *_ladder_report_begin_text        (LadderReport *self,
                                         Style         style);
void   _ladder_report_append_span       (LadderReport *self,
                                         const char   *text,
                                         int           kind,
                                         char         *target);
void   _ladder_report_append            (LadderReport *self,
                                         const char   *text);
Block *_ladder_report_append_paragraphs (LadderReport *self,
                                         Block        *block,
                                         Style         style,
                                         double        indent,
                                         const char   *text);
void   _ladder_report_end_text          (LadderReport *self,
                                         Block        *block);
Block *_ladder_report_add_text          (LadderReport *self,
                                         Style         style,
                                         const char   *text);
Block *_ladder_report_add_shared_line   (LadderReport *self,
                                         const char   *text,
                                         double        indent);
Block *_ladder_report_add_heading       (LadderReport *self,
                                         Style         style,
                                         const char   *text,
                                         guint         outline_level);
void   _ladder_report_add_page_break    (LadderReport *self);

/* ladder-report-layout.c */
void         _ladder_report_release_layout    (LadderReport  *self);
Typesetter  *_ladder_report_ensure_typesetter (LadderReport  *self);
PangoLayout *_ladder_report_make_layout       (Typesetter    *typesetter,
                                               Style          style,
                                               const char    *text,
                                               double         width);
PangoLayout *_ladder_report_layout_block      (LadderReport  *self,
                                               Typesetter    *typesetter,
                                               const Block   *block);
PangoLayout *_ladder_report_layout_gutter     (Typesetter    *typesetter,
                                               const Block   *block);
double       _ladder_report_part_height       (LadderReport  *self,
                                               const Block   *block,
                                               const Metrics *metrics,
                                               guint          first,
                                               guint          end);

/* What the layout and the drawing both read. */
static inline double
content_width (LadderReport *self)
{
  return self->page_width - 2 * MARGIN_SIDE;
}

static inline double
pango_to_points (int units)
{
  return units / (double) PANGO_SCALE;
}

static inline double *
block_tops (LadderReport  *self,
            const Metrics *metrics)
{
  return &g_array_index (self->tops, double, metrics->first_top);
}

static inline const Metrics *
get_metrics (LadderReport *self,
             guint         block)
{
  return &g_array_index (self->metrics, Metrics, block);
}

static inline const Block *
get_block (LadderReport *self,
           guint         block)
{
  return g_ptr_array_index (self->blocks, block);
}

G_END_DECLS
