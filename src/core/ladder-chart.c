/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "ladder-chart.h"
#include "ladder-chart-private.h"
#include "ladder-progress.h"

/* The radar ("snowflake") chart of one level: a spoke per category, the
 * share of the level's behaviours in that category that each rater sees
 * shown, counted as the PDF's radar counts (_ladder_chart_share():
 * Sometimes is half a behaviour), self as a filled outline with round points, manager as a dashed
 * outline with square points, so that the two stay apart in grey print
 * and for people who do not tell blue from orange. The app's chart widget
 * and the PDF summary draw with this one function, so that the screen and
 * the paper agree. */

typedef struct
{
  char  *label;
  guint  shown[2];
  guint  total[2];
  double share[2];  /* NAN where nothing counts */
} Axis;

struct _LadderChart
{
  gatomicrefcount  ref_count;
  char            *level;
  GArray          *axes;  /* Axis */
};

G_DEFINE_BOXED_TYPE (LadderChart, ladder_chart, ladder_chart_ref, ladder_chart_unref)

#define DEFAULT_FONT "Cantarell 9"
#define LABEL_GAP 6.0
#define MIN_RADIUS 24.0

static void
set_colour (LadderChartColour *colour,
            guint32            rgb,
            double             alpha)
{
  colour->red = ((rgb >> 16) & 0xff) / 255.0;
  colour->green = ((rgb >> 8) & 0xff) / 255.0;
  colour->blue = (rgb & 0xff) / 255.0;
  colour->alpha = alpha;
}

/**
 * ladder_chart_style_init:
 * @style: (out caller-allocates): the style to fill in
 *
 * Fills @style with the colours for paper, from the GNOME palette: dark
 * labels, a light grid, blue 4 for self and orange 5 for manager, a
 * legend, colour emoji and the default font.
 */
void
ladder_chart_style_init (LadderChartStyle *style)
{
  g_return_if_fail (style != NULL);

  set_colour (&style->foreground, 0x241f31, 1.0);
  set_colour (&style->grid, 0x241f31, 0.16);
  set_colour (&style->self, 0x1c71d8, 1.0);
  set_colour (&style->manager, 0xc64600, 1.0);
  style->context = NULL;
  style->font = NULL;
  style->show_legend = TRUE;
  style->text_emoji = FALSE;
}

static void
axis_clear (gpointer data)
{
  Axis *axis = data;

  g_free (axis->label);
}

double
_ladder_chart_share (LadderFramework      *framework,
                     const char           *level,
                     const char           *category,
                     LadderChartGetRating  get,
                     gpointer              source,
                     LadderRater           rater)
{
  g_autoptr(GPtrArray) behaviours = NULL;
  guint counted = 0;
  double shown = 0;

  /* A NULL level would list every level's behaviours. */
  if (level == NULL || ladder_framework_find_level (framework, level) == NULL)
    return NAN;

  behaviours = ladder_framework_list_behaviours (framework, level, category);
  for (guint i = 0; behaviours != NULL && i < behaviours->len; i++)
    {
      LadderBehaviour *behaviour = g_ptr_array_index (behaviours, i);

      switch (get (source, ladder_behaviour_get_id (behaviour), rater))
        {
        case LADDER_RATING_NOT_APPLICABLE:
          continue;
        case LADDER_RATING_CONSISTENTLY:
          shown += 1;
          break;
        case LADDER_RATING_SOMETIMES:
          shown += 0.5;
          break;
        case LADDER_RATING_UNRATED:
        case LADDER_RATING_NOT_YET:
        default:
          break;
        }
      counted++;
    }

  return counted > 0 ? shown / counted : NAN;
}

static LadderRatingValue
get_profile_rating (gpointer     source,
                    const char  *behaviour_id,
                    LadderRater  rater)
{
  return ladder_profile_get_rating_value (source, behaviour_id, rater);
}

/**
 * ladder_chart_new:
 * @profile: a #LadderProfile
 * @level: (nullable): a level id, or %NULL for the profile's current level
 *
 * Takes a snapshot of @profile's progress at @level, per category in the
 * framework's order: for each, the behaviours that self and manager see
 * shown and the totals that count (not-applicable ones leave them), and
 * the share each side's outline is drawn at, as the PDF's radar counts
 * it: Sometimes as half a behaviour. Take a new snapshot when the
 * profile changes.
 *
 * Returns: (transfer full): a new chart; it has no axes when there is no
 *   such level
 */
LadderChart *
ladder_chart_new (LadderProfile *profile,
                  const char    *level)
{
  LadderFramework *framework;
  GListModel *categories;
  LadderChart *chart;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  framework = ladder_profile_get_framework (profile);
  if (level == NULL)
    level = ladder_profile_get_current_level (profile);

  chart = g_new0 (LadderChart, 1);
  g_atomic_ref_count_init (&chart->ref_count);
  chart->level = g_strdup (level);
  chart->axes = g_array_new (FALSE, TRUE, sizeof (Axis));
  g_array_set_clear_func (chart->axes, axis_clear);

  if (level == NULL || ladder_framework_find_level (framework, level) == NULL)
    return chart;

  categories = ladder_framework_get_categories (framework);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(LadderCategory) category = g_list_model_get_item (categories, i);
      const char *emoji = ladder_category_get_emoji (category);
      const char *name = ladder_category_get_name (category);
      Axis axis = { NULL, };

      if (name == NULL || *name == '\0')
        name = ladder_category_get_id (category);

      if (emoji != NULL && *emoji != '\0')
        axis.label = g_strdup_printf ("%s %s", emoji, name);
      else
        axis.label = g_strdup (name);

      for (guint rater = 0; rater < 2; rater++)
        {
          ladder_profile_count_shown (profile, level, ladder_category_get_id (category),
                                      (LadderRater) rater, &axis.shown[rater], &axis.total[rater]);
          axis.share[rater] = _ladder_chart_share (framework, level, ladder_category_get_id (category),
                                                   get_profile_rating, profile, (LadderRater) rater);
        }

      g_array_append_val (chart->axes, axis);
    }

  return chart;
}

/**
 * ladder_chart_ref:
 * @chart: a #LadderChart
 *
 * Returns: (transfer full): @chart
 */
LadderChart *
ladder_chart_ref (LadderChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  g_atomic_ref_count_inc (&chart->ref_count);
  return chart;
}

/**
 * ladder_chart_unref:
 * @chart: (transfer full): a #LadderChart
 *
 * Drops a reference; the last one frees the chart.
 */
void
ladder_chart_unref (LadderChart *chart)
{
  g_return_if_fail (chart != NULL);

  if (g_atomic_ref_count_dec (&chart->ref_count))
    {
      g_free (chart->level);
      g_array_unref (chart->axes);
      g_free (chart);
    }
}

/**
 * ladder_chart_get_level:
 * @chart: a #LadderChart
 *
 * Returns: (nullable): the id of the level the chart shows
 */
const char *
ladder_chart_get_level (LadderChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);

  return chart->level;
}

/**
 * ladder_chart_get_n_axes:
 * @chart: a #LadderChart
 *
 * Returns: the number of spokes: one per category of the framework
 */
guint
ladder_chart_get_n_axes (LadderChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);

  return chart->axes->len;
}

/**
 * ladder_chart_get_label:
 * @chart: a #LadderChart
 * @axis: the spoke, below ladder_chart_get_n_axes()
 *
 * Returns: the category's emoji (when it has one) and name
 */
const char *
ladder_chart_get_label (LadderChart *chart,
                        guint        axis)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (axis < chart->axes->len, NULL);

  return g_array_index (chart->axes, Axis, axis).label;
}

/**
 * ladder_chart_get_counts:
 * @chart: a #LadderChart
 * @axis: the spoke, below ladder_chart_get_n_axes()
 * @rater: whose ratings
 * @shown: (out) (optional): the behaviours @rater sees shown
 * @total: (out) (optional): the behaviours that count
 *
 * The figures behind one spoke, as ladder_profile_count_shown() gave them
 * when the chart was made: for the chart's accessible description and
 * for tests.
 */
void
ladder_chart_get_counts (LadderChart *chart,
                         guint        axis,
                         LadderRater  rater,
                         guint       *shown,
                         guint       *total)
{
  const Axis *a;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (axis < chart->axes->len);
  g_return_if_fail (rater == LADDER_RATER_SELF || rater == LADDER_RATER_MANAGER);

  a = &g_array_index (chart->axes, Axis, axis);
  if (shown != NULL)
    *shown = a->shown[rater];
  if (total != NULL)
    *total = a->total[rater];
}

/**
 * ladder_chart_get_share:
 * @chart: a #LadderChart
 * @axis: the spoke, below ladder_chart_get_n_axes()
 * @rater: whose ratings
 *
 * Where @rater's outline crosses the spoke: the share of the category's
 * behaviours that count that @rater rates Consistently, Sometimes
 * counting half, as the PDF's radar draws it.
 *
 * Returns: from 0 to 1; NAN when no behaviour of the category counts
 */
double
ladder_chart_get_share (LadderChart *chart,
                        guint        axis,
                        LadderRater  rater)
{
  g_return_val_if_fail (chart != NULL, NAN);
  g_return_val_if_fail (axis < chart->axes->len, NAN);
  g_return_val_if_fail (rater == LADDER_RATER_SELF || rater == LADDER_RATER_MANAGER, NAN);

  return g_array_index (chart->axes, Axis, axis).share[rater];
}

/* Emoji that are shown as pictures unless asked otherwise: the blocks of
 * Unicode's Emoji_Presentation property, a little wider where that is
 * harmless (a text-presentation selector after a symbol that is text
 * anyway changes nothing). Regional indicators are left alone: a selector
 * between the two halves of a flag would split it. */
static gboolean
is_picture_emoji (gunichar c)
{
  static const gunichar ranges[][2] = {
    { 0x231a, 0x231b }, { 0x23e9, 0x23ec }, { 0x23f0, 0x23f0 }, { 0x23f3, 0x23f3 },
    { 0x25fd, 0x25fe }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 }, { 0x267f, 0x267f },
    { 0x2693, 0x2693 }, { 0x26a1, 0x26a1 }, { 0x26aa, 0x26ab }, { 0x26bd, 0x26be },
    { 0x26c4, 0x26c5 }, { 0x26ce, 0x26ce }, { 0x26d4, 0x26d4 }, { 0x26ea, 0x26ea },
    { 0x26f2, 0x26f3 }, { 0x26f5, 0x26f5 }, { 0x26fa, 0x26fa }, { 0x26fd, 0x26fd },
    { 0x2705, 0x2705 }, { 0x270a, 0x270b }, { 0x2728, 0x2728 }, { 0x274c, 0x274c },
    { 0x274e, 0x274e }, { 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
    { 0x27b0, 0x27b0 }, { 0x27bf, 0x27bf }, { 0x2b1b, 0x2b1c }, { 0x2b50, 0x2b50 },
    { 0x2b55, 0x2b55 }, { 0x1f000, 0x1f1e5 }, { 0x1f200, 0x1faff },
  };

  if (c < 0x231a)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      if (c >= ranges[i][0] && c <= ranges[i][1])
        return TRUE;
    }

  return FALSE;
}

#define TEXT_PRESENTATION 0xfe0e
#define EMOJI_PRESENTATION 0xfe0f

/* Colour emoji reach a PDF as Type 3 pictures: they look right, but text
 * extraction sees neither them nor, often, the words around them in
 * order, so search and copy break on every line that has one. A
 * text-presentation selector after each emoji makes Pango take a
 * monochrome font (Symbola, DejaVu) that embeds as real text. */
char *
_ladder_text_emoji_as_text (const char *text)
{
  GString *out;
  const char *p;

  g_assert (text != NULL);

  /* Nothing to do for the plain text most strings are: no allocation
   * beyond the copy. */
  for (p = text; *p != '\0'; p++)
    {
      if ((guchar) *p >= 0xe2)
        break;
    }
  if (*p == '\0')
    return g_strdup (text);

  out = g_string_sized_new (strlen (text) + 16);
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar next;

      if (c == EMOJI_PRESENTATION)
        {
          g_string_append_unichar (out, TEXT_PRESENTATION);
          continue;
        }

      g_string_append_unichar (out, c);
      if (!is_picture_emoji (c))
        continue;

      next = g_utf8_get_char (g_utf8_next_char (p));
      if (next != TEXT_PRESENTATION && next != EMOJI_PRESENTATION)
        g_string_append_unichar (out, TEXT_PRESENTATION);
    }

  return g_string_free_and_steal (out);
}

void
_ladder_chart_set_source (cairo_t                 *cr,
                          const LadderChartColour *colour,
                          double                   alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha * alpha);
}

PangoLayout *
_ladder_chart_make_layout (cairo_t                *cr,
                           const LadderChartStyle *style,
                           const char             *text,
                           double                  scale)
{
  PangoLayout *layout;
  g_autoptr(PangoFontDescription) font = NULL;

  if (style->context != NULL)
    layout = pango_layout_new (style->context);
  else
    layout = pango_cairo_create_layout (cr);

  if (style->font != NULL)
    font = pango_font_description_copy (style->font);
  else
    font = pango_font_description_from_string (DEFAULT_FONT);
  /* A widget's font may be in pixels, a document's is in points. */
  if (scale != 1.0 && pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font, pango_font_description_get_size (font) * scale);
  else if (scale != 1.0)
    pango_font_description_set_size (font, (int) (pango_font_description_get_size (font) * scale));
  pango_layout_set_font_description (layout, font);
  /* Words are never broken: a long one ("Communication") sets its
   * label's width instead of losing a hyphenated tail to the next line. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);

  if (style->text_emoji)
    {
      g_autofree char *plain = _ladder_text_emoji_as_text (text);

      pango_layout_set_text (layout, plain, -1);
    }
  else
    {
      pango_layout_set_text (layout, text, -1);
    }

  return layout;
}

typedef struct
{
  PangoLayout *layout;
  double       width;
  double       height;
  double       angle;
} Label;

/* Where a label goes for a given radius: beside the spoke's end, on the
 * side it points to, centred where it points straight up or down. */
void
_ladder_chart_place_label (double  width,
                           double  height,
                           double  angle,
                           double  cx,
                           double  cy,
                           double  radius,
                           double *x,
                           double *y)
{
  double c = cos (angle);
  double s = sin (angle);
  double px = cx + (radius + LABEL_GAP) * c;
  double py = cy + (radius + LABEL_GAP) * s;

  if (fabs (c) < 0.2)
    *x = px - width / 2;
  else if (c > 0)
    *x = px;
  else
    *x = px - width;

  if (fabs (s) < 0.2)
    *y = py - height / 2;
  else if (s > 0)
    *y = py;
  else
    *y = py - height;
}

void
_ladder_chart_trace_polygon (cairo_t      *cr,
                             const double *values,
                             guint         n,
                             double        cx,
                             double        cy,
                             double        radius)
{
  for (guint i = 0; i < n; i++)
    {
      double angle = -G_PI / 2 + 2 * G_PI * i / n;
      double x = cx + radius * values[i] * cos (angle);
      double y = cy + radius * values[i] * sin (angle);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
}

static void
draw_marker (cairo_t     *cr,
             LadderRater  rater,
             double       x,
             double       y,
             double       size)
{
  if (rater == LADDER_RATER_SELF)
    cairo_arc (cr, x, y, size / 2, 0, 2 * G_PI);
  else
    cairo_rectangle (cr, x - size / 2, y - size / 2, size, size);
  cairo_fill (cr);
}

static void
set_outline (cairo_t     *cr,
             LadderRater  rater,
             double       line_width)
{
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (rater == LADDER_RATER_MANAGER)
    {
      const double dashes[] = { line_width * 3, line_width * 2 };

      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    }
  else
    {
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

/* The legend: a sample of each outline with its marker, and its name. */
static double
draw_legend (cairo_t                *cr,
             const LadderChartStyle *style,
             double                  width,
             double                  y,
             gboolean                measure_only)
{
  const char *names[2] = { C_("rater", "Self"), C_("rater", "Manager") };
  PangoLayout *layouts[2];
  double sample = 22;
  double gap = 6;
  double spacing = 20;
  double total = 0;
  double height = 0;
  double x;

  for (guint i = 0; i < 2; i++)
    {
      PangoRectangle logical;

      layouts[i] = _ladder_chart_make_layout (cr, style, names[i], 1.0);
      pango_layout_get_extents (layouts[i], NULL, &logical);
      total += sample + gap + logical.width / (double) PANGO_SCALE;
      height = MAX (height, logical.height / (double) PANGO_SCALE);
    }
  total += spacing;

  if (!measure_only)
    {
      x = (width - total) / 2;
      for (guint i = 0; i < 2; i++)
        {
          const LadderChartColour *colour = i == 0 ? &style->self : &style->manager;
          PangoRectangle logical;
          double mid = y + height / 2;

          _ladder_chart_set_source (cr, colour, 1.0);
          set_outline (cr, (LadderRater) i, 1.5);
          cairo_move_to (cr, x, mid);
          cairo_line_to (cr, x + sample, mid);
          cairo_stroke (cr);
          draw_marker (cr, (LadderRater) i, x + sample / 2, mid, 5);
          x += sample + gap;

          _ladder_chart_set_source (cr, &style->foreground, 1.0);
          cairo_move_to (cr, x, y);
          pango_cairo_show_layout (cr, layouts[i]);
          pango_layout_get_extents (layouts[i], NULL, &logical);
          x += logical.width / (double) PANGO_SCALE + spacing;
        }
    }

  for (guint i = 0; i < 2; i++)
    g_object_unref (layouts[i]);

  return height;
}

/**
 * ladder_chart_draw:
 * @chart: a #LadderChart
 * @cr: where to draw
 * @width: the width of the area, from the current origin
 * @height: the height of the area
 * @style: (nullable): colours, font and options; %NULL for those of
 *   ladder_chart_style_init()
 *
 * Draws @chart as a radar ("snowflake") chart within the @width × @height
 * box at @cr's origin: a spoke per category with its label, rings at a
 * quarter, half, three quarters and all of the behaviours, and the share
 * of each category's behaviours at the chart's level that self and
 * manager see shown, as two outlines. A category with no behaviours at
 * that level has a dashed spoke and a dimmed label. Labels wrap; the
 * chart shrinks to leave room for them. @cr's state is kept.
 */
void
ladder_chart_draw (LadderChart            *chart,
                   cairo_t                *cr,
                   double                  width,
                   double                  height,
                   const LadderChartStyle *style)
{
  LadderChartStyle default_style;
  g_autofree Label *labels = NULL;
  g_autofree double *values = NULL;
  double legend_height = 0;
  double cx, cy, radius, max_radius, label_width;
  guint n;

  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  if (style == NULL)
    {
      ladder_chart_style_init (&default_style);
      style = &default_style;
    }

  n = chart->axes->len;
  if (n == 0 || width <= 0 || height <= 0)
    return;

  cairo_save (cr);

  if (style->show_legend)
    legend_height = draw_legend (cr, style, width, 0, TRUE) + 8;

  cx = width / 2;
  cy = (height - legend_height) / 2;
  max_radius = MIN (width, height - legend_height) / 2;

  /* Labels wrap within a share of the width that leaves the chart most
   * of it. */
  label_width = MAX (56, width * 0.24);
  labels = g_new0 (Label, n);
  for (guint i = 0; i < n; i++)
    {
      const Axis *axis = &g_array_index (chart->axes, Axis, i);
      PangoRectangle logical;

      labels[i].layout = _ladder_chart_make_layout (cr, style, axis->label, 1.0);
      pango_layout_set_width (labels[i].layout, (int) (label_width * PANGO_SCALE));
      labels[i].angle = -G_PI / 2 + 2 * G_PI * i / n;

      if (fabs (cos (labels[i].angle)) < 0.2)
        pango_layout_set_alignment (labels[i].layout, PANGO_ALIGN_CENTER);
      else if (cos (labels[i].angle) < 0)
        pango_layout_set_alignment (labels[i].layout, PANGO_ALIGN_RIGHT);

      pango_layout_get_extents (labels[i].layout, NULL, &logical);
      /* A word wider than the share overflows it; the box follows the
       * text so that the radius below keeps the whole label inside. */
      labels[i].width = logical.width / (double) PANGO_SCALE;
      labels[i].height = logical.height / (double) PANGO_SCALE;
      /* Measured text sits at the layout's left; a narrower box keeps
       * the alignment right for the side it is on. */
      pango_layout_set_width (labels[i].layout, (int) ceil (labels[i].width * PANGO_SCALE));
    }

  /* The largest radius at which every label stays inside the box. */
  for (radius = max_radius; radius > MIN_RADIUS; radius -= 1)
    {
      gboolean fits = TRUE;

      for (guint i = 0; i < n && fits; i++)
        {
          double x, y;

          _ladder_chart_place_label (labels[i].width, labels[i].height, labels[i].angle,
                                     cx, cy, radius, &x, &y);
          fits = x >= 0 && y >= 0 &&
                 x + labels[i].width <= width &&
                 y + labels[i].height <= height - legend_height;
        }

      if (fits)
        break;
    }

  /* Rings and spokes. */
  values = g_new (double, n);
  _ladder_chart_set_source (cr, &style->grid, 1.0);
  cairo_set_line_width (cr, 0.75);
  for (guint ring = 1; ring <= 4; ring++)
    {
      for (guint i = 0; i < n; i++)
        values[i] = ring / 4.0;
      _ladder_chart_trace_polygon (cr, values, n, cx, cy, radius);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < n; i++)
    {
      const Axis *axis = &g_array_index (chart->axes, Axis, i);
      const double dashes[] = { 2, 2 };

      if (axis->total[LADDER_RATER_SELF] == 0 && axis->total[LADDER_RATER_MANAGER] == 0)
        cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      else
        cairo_set_dash (cr, NULL, 0, 0);
      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, cx + radius * cos (labels[i].angle), cy + radius * sin (labels[i].angle));
      cairo_stroke (cr);
    }

  /* Manager first, so that self, the filled one, lies on top. */
  for (int rater = LADDER_RATER_MANAGER; rater >= LADDER_RATER_SELF; rater--)
    {
      const LadderChartColour *colour = rater == LADDER_RATER_SELF ? &style->self : &style->manager;

      for (guint i = 0; i < n; i++)
        {
          const Axis *axis = &g_array_index (chart->axes, Axis, i);

          values[i] = isnan (axis->share[rater]) ? 0 : axis->share[rater];
        }

      _ladder_chart_trace_polygon (cr, values, n, cx, cy, radius);
      if (rater == LADDER_RATER_SELF)
        {
          _ladder_chart_set_source (cr, colour, 0.14);
          cairo_fill_preserve (cr);
        }
      _ladder_chart_set_source (cr, colour, 1.0);
      set_outline (cr, (LadderRater) rater, 1.75);
      cairo_stroke (cr);

      for (guint i = 0; i < n; i++)
        {
          double angle = labels[i].angle;

          draw_marker (cr, (LadderRater) rater,
                       cx + radius * values[i] * cos (angle),
                       cy + radius * values[i] * sin (angle),
                       rater == LADDER_RATER_SELF ? 4.5 : 4.0);
        }
    }

  /* Labels. */
  for (guint i = 0; i < n; i++)
    {
      const Axis *axis = &g_array_index (chart->axes, Axis, i);
      gboolean empty = axis->total[LADDER_RATER_SELF] == 0 && axis->total[LADDER_RATER_MANAGER] == 0;
      double x, y;

      _ladder_chart_place_label (labels[i].width, labels[i].height, labels[i].angle,
                                 cx, cy, radius, &x, &y);
      _ladder_chart_set_source (cr, &style->foreground, empty ? 0.45 : 1.0);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, labels[i].layout);
      g_object_unref (labels[i].layout);
    }

  if (style->show_legend)
    draw_legend (cr, style, width, height - legend_height + 8, FALSE);

  cairo_restore (cr);
}

/**
 * ladder_chart_draw_profile:
 * @cr: where to draw
 * @profile: a #LadderProfile
 * @level: (nullable): a level id, or %NULL for the current level
 * @width: the width of the area
 * @height: the height of the area
 * @style: (nullable): colours, font and options, or %NULL
 *
 * Draws @profile's progress at @level now: ladder_chart_new() and
 * ladder_chart_draw() in one call, for a widget that draws on the main
 * thread.
 */
void
ladder_chart_draw_profile (cairo_t                *cr,
                           LadderProfile          *profile,
                           const char             *level,
                           double                  width,
                           double                  height,
                           const LadderChartStyle *style)
{
  g_autoptr(LadderChart) chart = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (LADDER_IS_PROFILE (profile));

  chart = ladder_chart_new (profile, level);
  ladder_chart_draw (chart, cr, width, height, style);
}
