/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderReport: drawing the pages as ladder-report-layout.c placed the
 * blocks on them, for printing and for the PDF, which adds its links,
 * outline and metadata. It knows blocks of text, tables and charts, and
 * nothing of profiles: a chart block draws itself. The type is in
 * ladder-report.c; ladder-report-private.h says what each of its files
 * does. */

#define G_LOG_DOMAIN "ladder-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "ladder-report.h"
#include "ladder-report-private.h"

static void
set_source_rgb (cairo_t *cr,
                guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

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

  _ladder_report_append_quoted (attributes, name);
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
      guint32 colour = rater == COLUMN_SELF ? SELF_COLOUR : MANAGER_COLOUR;
      g_autoptr(PangoLayout) layout = NULL;
      g_autofree char *text = NULL;
      guint shown = block->values[2 * rater];
      guint total = block->values[2 * rater + 1];
      double text_baseline;

      if (block->values_kind == VALUES_HEADER)
        {
          layout = _ladder_report_make_layout (self->typesetter, STYLE_TABLE_HEAD,
                                               rater == COLUMN_SELF ? C_("rater", "Self") : C_("rater", "Manager"),
                                               VALUE_COLUMN);
          set_source_rgb (cr, colour);
        }
      else
        {
          /* Translators: behaviours shown out of those that count, "3/5" */
          text = total > 0 ? g_strdup_printf (_("%u/%u"), shown, total) : g_strdup ("—");
          layout = _ladder_report_make_layout (self->typesetter, STYLE_TABLE, text, VALUE_TEXT);
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
  double height = _ladder_report_part_height (self, block, metrics, placement->first_line,
                                              placement->end_line);
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
          layout = _ladder_report_layout_block (self, self->typesetter, block);
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
          self->last_layout = _ladder_report_layout_block (self, self->typesetter, block);
          self->last_block = placement->block;
        }
      layout = g_object_ref (self->last_layout);
    }
  set_source_rgb (cr, _ladder_report_styles[block->style].colour);
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
              gutter = _ladder_report_layout_gutter (self->typesetter, block);
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

  cairo_save (cr);
  cairo_translate (cr, MARGIN_SIDE, placement->y);
  block->draw_chart (block->chart, cr, content_width (self), block->height,
                     self->typesetter->context, self->typesetter->fonts[STYLE_SMALL]);
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
  right = _ladder_report_make_layout (self->typesetter, STYLE_FOOTER, number, -1);
  pango_layout_get_extents (right, NULL, &logical);

  /* The title is the same on every page: laid out again only when the
   * page number's width changes. */
  left_width = width - pango_to_points (logical.width) - 24;
  if (self->footer_layout == NULL || self->footer_width != left_width)
    {
      g_clear_object (&self->footer_layout);
      self->footer_layout = _ladder_report_make_layout (self->typesetter, STYLE_FOOTER,
                                                        self->footer, left_width);
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

  _ladder_report_ensure_typesetter (report);
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
      _ladder_report_append_quoted (link, block->dest);
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
  _ladder_report_ensure_typesetter (report);

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
  _ladder_report_release_layout (report);

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
