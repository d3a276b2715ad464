/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderReport: laying the blocks out. A typesetter per thread, each
 * block measured once with Pango (on up to four threads for a long
 * summary), and pages broken by arithmetic on the tops of its lines. It
 * knows blocks of text, tables and charts, and nothing of profiles. The
 * type is in ladder-report.c; ladder-report-private.h says what each of
 * its files does. */

#define G_LOG_DOMAIN "ladder-report"

#include "config.h"

#include <string.h>

#include <pango/pangocairo.h>

#include "ladder-report.h"
#include "ladder-report-private.h"
#include "ladder-text-private.h"

const StyleInfo _ladder_report_styles[N_STYLES] = {
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
      pango_font_description_set_size (typesetter->fonts[i],
                                       (int) (_ladder_report_styles[i].size * PANGO_SCALE));
      pango_font_description_set_weight (typesetter->fonts[i], _ladder_report_styles[i].weight);
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

void
_ladder_report_release_layout (LadderReport *self)
{
  release_kept_layouts (self);
  g_clear_object (&self->footer_layout);
  g_clear_object (&self->last_layout);
  g_clear_pointer (&self->gutters, g_hash_table_unref);
  g_clear_pointer (&self->shared_layouts, g_hash_table_unref);
  g_clear_pointer (&self->typesetter, typesetter_free);
}

Typesetter *
_ladder_report_ensure_typesetter (LadderReport *self)
{
  if (self->typesetter == NULL)
    self->typesetter = typesetter_new ();

  return self->typesetter;
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

PangoLayout *
_ladder_report_make_layout (Typesetter *typesetter,
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
  pango_layout_set_line_spacing (layout, (float) _ladder_report_styles[style].line_spacing);

  /* A word broken for want of room is not hyphenated: a hyphen would
   * change what a search or a copy finds. */
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  if (_ladder_report_styles[style].letter_spacing > 0)
    pango_attr_list_insert (attrs,
                            pango_attr_letter_spacing_new ((int) (_ladder_report_styles[style].letter_spacing * PANGO_SCALE)));
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

PangoLayout *
_ladder_report_layout_block (LadderReport *self,
                             Typesetter   *typesetter,
                             const Block  *block)
{
  PangoLayout *layout = _ladder_report_make_layout (typesetter, block->style, block->text,
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
          insert_attr (attrs, pango_attr_size_new ((int) (_ladder_report_styles[STYLE_SMALL].size * PANGO_SCALE)), span);
          insert_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_NORMAL), span);
          insert_attr (attrs, colour_attr (DIM), span);
          break;
        case SPAN_SELF:
        case SPAN_MANAGER:
          insert_attr (attrs, pango_attr_size_new ((int) (_ladder_report_styles[STYLE_SMALL].size * PANGO_SCALE)), span);
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

PangoLayout *
_ladder_report_layout_gutter (Typesetter  *typesetter,
                              const Block *block)
{
  return _ladder_report_make_layout (typesetter, STYLE_SMALL, block->gutter,
                                     MAX (block->indent - 8, 8));
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

  layout = _ladder_report_layout_block (self, typesetter, block);
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
          g_autoptr(PangoLayout) gutter = _ladder_report_layout_gutter (typesetter, block);
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

double
_ladder_report_part_height (LadderReport  *self,
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
  return block->tight ? 0 : _ladder_report_styles[block->style].space_after;
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

  need = _ladder_report_styles[block->style].space_before;
  if (block->kind == BLOCK_TEXT && metrics->n_lines > 3 && !block->keep_with_next)
    need += _ladder_report_part_height (self, block, metrics, 0, MAX (metrics->min_lines, 2));
  else
    need += metrics->height;

  if (block->keep_with_next && depth < 3)
    need += space_after (block) + keep_need (self, next + 1, depth + 1);

  return need;
}

/* The height of blocks @first to @last, with the space between them. */
static double
group_height (LadderReport *self,
              guint         first,
              guint         last)
{
  double height = 0;

  last = MIN (last, self->blocks->len - 1);
  for (guint i = first; i <= last; i++)
    {
      const Block *block = get_block (self, i);

      if (i > first)
        height += _ladder_report_styles[block->style].space_before;
      height += get_metrics (self, i)->height;
      if (i < last)
        height += space_after (block);
    }

  return height;
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

  while (end < n && _ladder_report_part_height (self, block, metrics, first, end + 1) <= room)
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
      double rest = _ladder_report_part_height (self, block, metrics, first, metrics->n_lines);
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
              *y += before + _ladder_report_part_height (self, block, metrics, first, end) +
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
      double before = at_top ? 0 : _ladder_report_styles[block->style].space_before;
      double need = metrics->height;

      if (block->kind == BLOCK_PAGE_BREAK)
        {
          if (!at_top)
            start_page (report, &y);
          continue;
        }

      /* A group (a table) that does not fit here but fits on a page
       * starts the next one; a longer one starts here only with its
       * first part (the table's first level) beside it. */
      if (!at_top && (block->keep_whole > 0 || block->keep_first > 0))
        {
          double whole = group_height (report, i, i + block->keep_whole);
          double first = group_height (report, i, i + block->keep_first);

          if ((y + before + whole > bottom && whole <= bottom - MARGIN_TOP) ||
              y + before + first > bottom)
            {
              start_page (report, &y);
              at_top = TRUE;
              before = 0;
            }
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
