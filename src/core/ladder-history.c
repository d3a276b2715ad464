/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-history"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "ladder-chart-private.h"
#include "ladder-history.h"
#include "ladder-history-private.h"
#include "ladder-review.h"
#include "ladder-time-private.h"

/* The chart of shown behaviours per category over time: a line per
 * category and rater, a point per check-in, x the check-ins' dates, y how
 * many of the category's behaviours (all levels) that rater saw shown
 * ("consistently", as in ladder-progress.c) in that check-in's snapshot.
 * Each category has its own colour and its own marker shape, so that the
 * lines stay apart in grey print; the engineer's own ratings are solid
 * lines with filled markers and the manager's dashed with hollow ones,
 * whichever copy it is, so that both people read the same chart. The
 * Check-ins page and the PDF summary draw with ladder_history_draw(). */

#define N_RATERS 2

typedef struct
{
  char  *label;
  guint *shown[N_RATERS];  /* one per point */
} Series;

struct _LadderHistory
{
  gatomicrefcount  ref_count;
  LadderRater      rater;
  gboolean         rated[N_RATERS];  /* any snapshot holds a rating of that side */
  GArray          *dates;   /* GDate */
  GArray          *series;  /* Series */
};

G_DEFINE_BOXED_TYPE (LadderHistory, ladder_history, ladder_history_ref, ladder_history_unref)


static void
series_clear (gpointer data)
{
  Series *series = data;

  g_free (series->label);
  for (guint rater = 0; rater < N_RATERS; rater++)
    g_free (series->shown[rater]);
}

/**
 * ladder_history_new:
 * @profile: a #LadderProfile
 * @rater: whose counts ladder_history_get_shown() and
 *   ladder_history_describe() give first, usually the profile's owner
 *
 * Reads the snapshots of @profile's check-ins, oldest first, into one
 * series per category of its framework: the behaviours of that category,
 * at every level, that each rater (the engineer and the manager) rated
 * "consistently" at each check-in. Snapshot entries of behaviours that
 * the framework no longer has are left out.
 *
 * Returns: (transfer full): a new history
 */
LadderHistory *
ladder_history_new (LadderProfile *profile,
                    LadderRater    rater)
{
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GHashTable) index_of = NULL;
  LadderFramework *framework;
  GListModel *categories;
  LadderHistory *history;
  guint n_categories;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  framework = ladder_profile_get_framework (profile);
  categories = ladder_framework_get_categories (framework);
  n_categories = g_list_model_get_n_items (categories);
  checkins = ladder_profile_list_checkins_by_date (profile);

  history = g_new0 (LadderHistory, 1);
  g_atomic_ref_count_init (&history->ref_count);
  history->rater = rater;
  history->dates = g_array_sized_new (FALSE, TRUE, sizeof (GDate), checkins->len);
  history->series = g_array_sized_new (FALSE, TRUE, sizeof (Series), n_categories);
  g_array_set_clear_func (history->series, series_clear);

  index_of = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_categories; i++)
    {
      g_autoptr(LadderCategory) category = g_list_model_get_item (categories, i);
      const char *emoji = ladder_category_get_emoji (category);
      const char *name = ladder_category_get_name (category);
      Series series = { NULL, };

      if (name == NULL || *name == '\0')
        name = ladder_category_get_id (category);
      if (emoji != NULL && *emoji != '\0')
        series.label = g_strdup_printf ("%s %s", emoji, name);
      else
        series.label = g_strdup (name);
      for (guint r = 0; r < N_RATERS; r++)
        series.shown[r] = g_new0 (guint, MAX (checkins->len, 1));
      g_array_append_val (history->series, series);
      /* The framework owns the id and outlives this function. */
      g_hash_table_insert (index_of, (char *) ladder_category_get_id (category), GUINT_TO_POINTER (i + 1));
    }

  for (guint point = 0; point < checkins->len; point++)
    {
      LadderCheckin *checkin = g_ptr_array_index (checkins, point);
      const GDate *date = ladder_checkin_get_date (checkin);
      g_auto(GStrv) ids = ladder_checkin_list_snapshot (checkin);
      GDate copy;

      g_date_clear (&copy, 1);
      if (date != NULL && g_date_valid (date))
        copy = *date;
      g_array_append_val (history->dates, copy);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          LadderBehaviour *behaviour = ladder_framework_find_behaviour (framework, ids[i]);
          guint series;

          if (behaviour == NULL)
            continue;

          series = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, ladder_behaviour_get_category (behaviour)));
          if (series == 0)
            continue;

          for (LadderRater r = LADDER_RATER_SELF; r <= LADDER_RATER_MANAGER; r++)
            {
              LadderRatingValue value = ladder_checkin_get_snapshot (checkin, ids[i], r);

              if (value != LADDER_RATING_UNRATED)
                history->rated[r] = TRUE;
              if (value == LADDER_RATING_CONSISTENTLY)
                g_array_index (history->series, Series, series - 1).shown[r][point]++;
            }
        }
    }

  return history;
}

/**
 * ladder_history_ref:
 * @history: a #LadderHistory
 *
 * Returns: (transfer full): @history
 */
LadderHistory *
ladder_history_ref (LadderHistory *history)
{
  g_return_val_if_fail (history != NULL, NULL);

  g_atomic_ref_count_inc (&history->ref_count);
  return history;
}

/**
 * ladder_history_unref:
 * @history: (transfer full): a #LadderHistory
 *
 * Drops a reference; the last one frees the history.
 */
void
ladder_history_unref (LadderHistory *history)
{
  g_return_if_fail (history != NULL);

  if (g_atomic_ref_count_dec (&history->ref_count))
    {
      g_array_unref (history->dates);
      g_array_unref (history->series);
      g_free (history);
    }
}

/**
 * ladder_history_get_rater:
 * @history: a #LadderHistory
 *
 * Returns: whose ratings the history counts
 */
LadderRater
ladder_history_get_rater (LadderHistory *history)
{
  g_return_val_if_fail (history != NULL, LADDER_RATER_SELF);

  return history->rater;
}

/**
 * ladder_history_get_n_points:
 * @history: a #LadderHistory
 *
 * Returns: the number of check-ins
 */
guint
ladder_history_get_n_points (LadderHistory *history)
{
  g_return_val_if_fail (history != NULL, 0);

  return history->dates->len;
}

/**
 * ladder_history_get_date:
 * @history: a #LadderHistory
 * @point: below ladder_history_get_n_points()
 *
 * Returns: (transfer none): the check-in's date; an invalid (cleared)
 *   #GDate when it had none
 */
const GDate *
ladder_history_get_date (LadderHistory *history,
                         guint          point)
{
  g_return_val_if_fail (history != NULL, NULL);
  g_return_val_if_fail (point < history->dates->len, NULL);

  return &g_array_index (history->dates, GDate, point);
}

/**
 * ladder_history_get_n_series:
 * @history: a #LadderHistory
 *
 * Returns: the number of lines: one per category of the framework
 */
guint
ladder_history_get_n_series (LadderHistory *history)
{
  g_return_val_if_fail (history != NULL, 0);

  return history->series->len;
}

/**
 * ladder_history_get_label:
 * @history: a #LadderHistory
 * @series: below ladder_history_get_n_series()
 *
 * Returns: the category's emoji (when it has one) and name
 */
const char *
ladder_history_get_label (LadderHistory *history,
                          guint          series)
{
  g_return_val_if_fail (history != NULL, NULL);
  g_return_val_if_fail (series < history->series->len, NULL);

  return g_array_index (history->series, Series, series).label;
}

/**
 * ladder_history_get_shown:
 * @history: a #LadderHistory
 * @series: below ladder_history_get_n_series()
 * @point: below ladder_history_get_n_points()
 *
 * Returns: the category's behaviours that the history's rater (see
 *   ladder_history_get_rater()) rated "consistently" in that check-in's
 *   snapshot
 */
guint
ladder_history_get_shown (LadderHistory *history,
                          guint          series,
                          guint          point)
{
  g_return_val_if_fail (history != NULL, 0);

  return ladder_history_get_shown_by (history, history->rater, series, point);
}

/**
 * ladder_history_get_shown_by:
 * @history: a #LadderHistory
 * @rater: whose ratings
 * @series: below ladder_history_get_n_series()
 * @point: below ladder_history_get_n_points()
 *
 * Returns: the category's behaviours that @rater rated "consistently" in
 *   that check-in's snapshot
 */
guint
ladder_history_get_shown_by (LadderHistory *history,
                             LadderRater    rater,
                             guint          series,
                             guint          point)
{
  g_return_val_if_fail (history != NULL, 0);
  g_return_val_if_fail (rater == LADDER_RATER_SELF || rater == LADDER_RATER_MANAGER, 0);
  g_return_val_if_fail (series < history->series->len, 0);
  g_return_val_if_fail (point < history->dates->len, 0);

  return g_array_index (history->series, Series, series).shown[rater][point];
}

/**
 * ladder_history_has_ratings:
 * @history: a #LadderHistory
 * @rater: whose ratings
 *
 * Whether any check-in's snapshot holds a rating by @rater, whatever its
 * value: a side never rated at a check-in has no line on the chart, rather
 * than one flat at zero that reads as a judgement.
 *
 * Returns: %TRUE when @rater rated some behaviour at some check-in
 */
gboolean
ladder_history_has_ratings (LadderHistory *history,
                            LadderRater    rater)
{
  g_return_val_if_fail (history != NULL, FALSE);
  g_return_val_if_fail (rater == LADDER_RATER_SELF || rater == LADDER_RATER_MANAGER, FALSE);

  return history->rated[rater];
}

/* Whether the chart draws @rater's lines: those of each side that rated,
 * and the history's own rater's (flat) when neither did. */
static gboolean
draws_rater (LadderHistory *history,
             LadderRater    rater)
{
  if (history->rated[rater])
    return TRUE;

  return rater == history->rater && !history->rated[LADDER_RATER_SELF] &&
         !history->rated[LADDER_RATER_MANAGER];
}

static gboolean
draws_both (LadderHistory *history)
{
  return draws_rater (history, LADDER_RATER_SELF) && draws_rater (history, LADDER_RATER_MANAGER);
}

/**
 * ladder_history_describe:
 * @history: a #LadderHistory
 *
 * Returns: (transfer full): the chart's figures in words, for its
 *   accessible description: the latest check-in's count per category
 */
char *
ladder_history_describe (LadderHistory *history)
{
  GString *text;
  guint last;
  g_autofree char *date = NULL;

  g_return_val_if_fail (history != NULL, NULL);

  if (history->dates->len == 0)
    return g_strdup (_("No check-ins yet"));

  last = history->dates->len - 1;
  date = _ladder_date_format (&g_array_index (history->dates, GDate, last), LADDER_DATE_SHORT, "?");
  text = g_string_new (NULL);
  /* Translators: %u is a number of check-ins, %s the date of the last one */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u check-in; at the last, on %s:",
                                             "%u check-ins; at the last, on %s:",
                                             history->dates->len),
                          history->dates->len, date);
  for (guint i = 0; i < history->series->len; i++)
    {
      const Series *series = &g_array_index (history->series, Series, i);

      g_string_append_c (text, ' ');
      if (draws_both (history))
        /* Translators: a category and how many of its behaviours the
         * engineer (self) and the manager saw shown */
        g_string_append_printf (text, _("%s, %u shown by self and %u by the manager;"), series->label,
                                series->shown[LADDER_RATER_SELF][last],
                                series->shown[LADDER_RATER_MANAGER][last]);
      else
        /* Translators: a category and how many of its behaviours were shown */
        g_string_append_printf (text, _("%s, %u shown;"), series->label,
                                series->shown[draws_rater (history, LADDER_RATER_MANAGER)
                                              ? LADDER_RATER_MANAGER : LADDER_RATER_SELF][last]);
    }

  return g_string_free_and_steal (text);
}

/* Drawing {{{1 */

static void
set_rgb (cairo_t *cr,
         guint32  rgb,
         double   alpha)
{
  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

/* The GNOME palette, darker shades on light ground and lighter ones on
 * dark, told from the labels' colour. The first two are the radar chart's
 * self and manager colours. */
static guint32
series_colour (const LadderChartStyle *style,
               guint                   series)
{
  static const guint32 on_light[] = {
    0x1c71d8, 0xc64600, 0x26a269, 0x813d9c, 0xc01c28, 0x865e3c, 0x1a7f8a, 0x9c6e03,
  };
  static const guint32 on_dark[] = {
    0x62a0ea, 0xffa348, 0x57e389, 0xc061cb, 0xf66151, 0xcdab8f, 0x5bc8d4, 0xf8e45c,
  };
  const LadderChartColour *fg = &style->foreground;
  gboolean dark = 0.2126 * fg->red + 0.7152 * fg->green + 0.0722 * fg->blue > 0.5;

  return dark ? on_dark[series % G_N_ELEMENTS (on_dark)] : on_light[series % G_N_ELEMENTS (on_light)];
}

/* A series' marker: filled for the engineer's ratings, outlined
 * (@hollow) for the manager's, told apart in grey print too. */
static void
draw_marker (cairo_t  *cr,
             guint     series,
             double    x,
             double    y,
             double    size,
             gboolean  hollow)
{
  double r = size / 2;

  switch (series % 4)
    {
    case 0:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case 1:
      cairo_rectangle (cr, x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
      break;
    case 2:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 1.1, y + r * 0.8);
      cairo_line_to (cr, x - r * 1.1, y + r * 0.8);
      cairo_close_path (cr);
      break;
    default:
      cairo_move_to (cr, x, y - r * 1.25);
      cairo_line_to (cr, x + r * 1.1, y);
      cairo_line_to (cr, x, y + r * 1.25);
      cairo_line_to (cr, x - r * 1.1, y);
      cairo_close_path (cr);
      break;
    }

  if (hollow)
    {
      cairo_save (cr);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  else
    cairo_fill (cr);
}

/* The manager's lines are dashed; the engineer's are solid. */
static void
set_line_style (cairo_t     *cr,
                LadderRater  rater)
{
  static const double dashes[] = { 5.0, 3.0 };

  cairo_set_line_width (cr, 2);
  if (rater == LADDER_RATER_MANAGER)
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  else
    cairo_set_dash (cr, NULL, 0, 0);
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width / (double) PANGO_SCALE;
  if (height != NULL)
    *height = logical.height / (double) PANGO_SCALE;
}

#define SAMPLE 18.0
#define SAMPLE_GAP 5.0
#define ITEM_GAP 16.0
#define ROW_GAP 4.0

/* The legend: each category's line sample, marker and label, flowing into
 * as many rows as @width needs. Returns its height. */
static double
draw_legend (LadderHistory          *history,
             cairo_t                *cr,
             const LadderChartStyle *style,
             double                  width,
             double                  top,
             gboolean                measure_only)
{
  guint n_series = history->series->len;
  gboolean both = draws_both (history);
  double x = 0;
  double y = top;
  double row_height = 0;

  /* The categories, then, when both sides have lines, a key to them on a
   * row of its own: a solid line for self, a dashed one for the manager. */
  for (guint i = 0; i < n_series + (both ? N_RATERS : 0); i++)
    {
      gboolean is_key = i >= n_series;
      LadderRater rater = is_key ? (LadderRater) (i - n_series) : LADDER_RATER_SELF;
      const char *label = is_key ? (rater == LADDER_RATER_MANAGER ? C_("rater", "Manager")
                                                                  : C_("rater", "Self"))
                                 : g_array_index (history->series, Series, i).label;
      g_autoptr(PangoLayout) layout = _ladder_chart_make_layout (cr, style, label, 1.0);
      double label_width, label_height, item_width;

      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (layout, (int) (MAX (width - SAMPLE - SAMPLE_GAP, 20) * PANGO_SCALE));
      layout_size (layout, &label_width, &label_height);
      item_width = SAMPLE + SAMPLE_GAP + label_width;

      if (x > 0 && (x + item_width > width || i == n_series))
        {
          x = 0;
          y += row_height + ROW_GAP;
          row_height = 0;
        }

      if (!measure_only)
        {
          double mid = y + label_height / 2;

          if (is_key)
            _ladder_chart_set_source (cr, &style->foreground, 0.8);
          else
            set_rgb (cr, series_colour (style, i), 1.0);
          set_line_style (cr, rater);
          cairo_move_to (cr, x, mid);
          cairo_line_to (cr, x + SAMPLE, mid);
          cairo_stroke (cr);
          if (is_key)
            draw_marker (cr, 0, x + SAMPLE / 2, mid, 6, rater == LADDER_RATER_MANAGER);
          else
            draw_marker (cr, i, x + SAMPLE / 2, mid, 6, FALSE);
          cairo_set_dash (cr, NULL, 0, 0);

          _ladder_chart_set_source (cr, &style->foreground, 1.0);
          cairo_move_to (cr, x + SAMPLE + SAMPLE_GAP, y);
          pango_cairo_show_layout (cr, layout);
        }

      x += item_width + ITEM_GAP;
      row_height = MAX (row_height, label_height);
    }

  return y + row_height - top;
}

/* A step for the y axis's grid lines: 1, 2 or 5 times a power of ten,
 * giving at most five of them. */
static guint
nice_step (guint max)
{
  guint step = 1;

  for (;;)
    {
      if (max <= step * 5)
        return step;
      if (max <= step * 10)
        return step * 2;
      if (max <= step * 25)
        return step * 5;
      step *= 10;
    }
}

/* Where the plot goes in the area, and its scale: the same for drawing
 * and for laying out the marks of a single check-in. */
typedef struct
{
  double left;
  double right;
  double top;
  double bottom;
  guint  step;
  guint  top_value;
  double line_height;
  double axis_width;
  double legend_height;
} Frame;

/* A single check-in's marks, larger than a line's points since they
 * stand alone, in columns at most this wide, centred. */
#define SINGLE_MARK 9.0
#define SINGLE_COLUMN 72.0
#define SINGLE_LABEL_GAP 2.0
/* How far a marker's shape reaches beyond half its size (the diamond's
 * points, see draw_marker()). */
#define MARKER_REACH 1.25

/* Returns FALSE when the area is too small to draw a plot in. */
static gboolean
compute_frame (LadderHistory          *history,
               cairo_t                *cr,
               double                  width,
               double                  height,
               const LadderChartStyle *style,
               Frame                  *frame)
{
  g_autoptr(PangoLayout) sample = NULL;
  guint n_points = history->dates->len;
  guint max = 0;

  for (guint s = 0; s < history->series->len; s++)
    for (guint p = 0; p < n_points; p++)
      for (LadderRater r = LADDER_RATER_SELF; r <= LADDER_RATER_MANAGER; r++)
        if (draws_rater (history, r))
          max = MAX (max, g_array_index (history->series, Series, s).shown[r][p]);

  frame->step = nice_step (MAX (max, 4));
  frame->top_value = ((MAX (max, 4) + frame->step - 1) / frame->step) * frame->step;

  sample = _ladder_chart_make_layout (cr, style, "0", 1.0);
  layout_size (sample, NULL, &frame->line_height);

  frame->legend_height = 0;
  if (style->show_legend && history->series->len > 0)
    frame->legend_height = draw_legend (history, cr, style, width, 0, TRUE) + 12;

  frame->axis_width = 0;
  for (guint v = 0; v <= frame->top_value; v += frame->step)
    {
      g_autofree char *text = g_strdup_printf ("%u", v);
      g_autoptr(PangoLayout) layout = _ladder_chart_make_layout (cr, style, text, 1.0);
      double w;

      layout_size (layout, &w, NULL);
      frame->axis_width = MAX (frame->axis_width, w);
    }

  frame->left = frame->axis_width + 8;
  frame->right = width - 8;
  frame->top = frame->line_height / 2;
  /* A single check-in writes each value over its mark: room for the
   * highest. */
  if (n_points == 1)
    frame->top += frame->line_height + SINGLE_MARK / 2 * MARKER_REACH + SINGLE_LABEL_GAP;
  frame->bottom = height - frame->legend_height - frame->line_height - 6;

  return frame->bottom - frame->top >= 24 && frame->right - frame->left >= 24;
}

static gboolean
boxes_overlap (const LadderHistoryMark *a,
               const LadderHistoryMark *b)
{
  return a->label_x < b->label_x + b->label_width && b->label_x < a->label_x + a->label_width &&
         a->label_y < b->label_y + b->label_height && b->label_y < a->label_y + a->label_height;
}

/* One check-in has no line to read and would draw every category's
 * points on one vertical line, over each other: instead each category
 * has a column, centred in the plot, with the engineer's mark and the
 * manager's side by side in it and the number written over each. */
static GArray *
layout_single (LadderHistory          *history,
               cairo_t                *cr,
               const LadderChartStyle *style,
               const Frame            *frame)
{
  GArray *marks = g_array_new (FALSE, TRUE, sizeof (LadderHistoryMark));
  guint n_series = history->series->len;
  gboolean both = draws_both (history);
  double centre = (frame->left + frame->right) / 2;
  double column, first, offset, radius;

  if (history->dates->len != 1 || n_series == 0)
    return marks;

  column = MIN ((frame->right - frame->left) / n_series, SINGLE_COLUMN);
  first = centre - column * n_series / 2 + column / 2;
  /* The pair a quarter of the column from its middle, and the markers
   * no larger than keeps them apart, with a pixel between. */
  offset = both ? MIN (column / 4, SINGLE_MARK) : 0;
  radius = both ? MIN (SINGLE_MARK / 2, (offset - 0.5) / MARKER_REACH) : MIN (SINGLE_MARK / 2, column / 3);

  for (guint s = 0; s < n_series; s++)
    for (LadderRater r = LADDER_RATER_SELF; r <= LADDER_RATER_MANAGER; r++)
      {
        LadderHistoryMark mark = { 0, };
        g_autofree char *text = NULL;
        g_autoptr(PangoLayout) layout = NULL;

        if (!draws_rater (history, r))
          continue;

        mark.series = s;
        mark.rater = r;
        mark.value = g_array_index (history->series, Series, s).shown[r][0];
        mark.x = first + column * s + (both ? (r == LADDER_RATER_SELF ? -offset : offset) : 0);
        mark.y = frame->bottom - (frame->bottom - frame->top) * mark.value / frame->top_value;
        mark.radius = radius;

        text = g_strdup_printf ("%u", mark.value);
        layout = _ladder_chart_make_layout (cr, style, text, 1.0);
        layout_size (layout, &mark.label_width, &mark.label_height);
        mark.label_x = mark.x - mark.label_width / 2;
        mark.label_y = mark.y - radius * MARKER_REACH - SINGLE_LABEL_GAP - mark.label_height;

        /* A number that would run into one already written (narrow
         * columns, wide numbers) goes over it, until it runs into none. */
        for (gboolean moved = TRUE; moved;)
          {
            moved = FALSE;
            for (guint i = 0; i < marks->len; i++)
              {
                const LadderHistoryMark *other = &g_array_index (marks, LadderHistoryMark, i);

                if (boxes_overlap (&mark, other))
                  {
                    mark.label_y = other->label_y - mark.label_height;
                    moved = TRUE;
                  }
              }
          }

        g_array_append_val (marks, mark);
      }

  return marks;
}

GArray *
_ladder_history_layout_single (LadderHistory          *history,
                               cairo_t                *cr,
                               double                  width,
                               double                  height,
                               const LadderChartStyle *style,
                               double                 *centre)
{
  LadderChartStyle default_style;
  Frame frame;

  g_return_val_if_fail (history != NULL, NULL);

  if (style == NULL)
    {
      ladder_chart_style_init (&default_style);
      style = &default_style;
    }

  if (!compute_frame (history, cr, width, height, style, &frame))
    return g_array_new (FALSE, TRUE, sizeof (LadderHistoryMark));

  if (centre != NULL)
    *centre = (frame.left + frame.right) / 2;

  return layout_single (history, cr, style, &frame);
}

static void
draw_single (LadderHistory          *history,
             cairo_t                *cr,
             const LadderChartStyle *style,
             const Frame            *frame)
{
  g_autoptr(GArray) marks = layout_single (history, cr, style, frame);

  for (guint i = 0; i < marks->len; i++)
    {
      const LadderHistoryMark *mark = &g_array_index (marks, LadderHistoryMark, i);
      g_autofree char *text = g_strdup_printf ("%u", mark->value);
      g_autoptr(PangoLayout) layout = _ladder_chart_make_layout (cr, style, text, 1.0);

      /* A stem from the axis, solid or dashed as the side's lines are;
       * the number before leaves a current point, which a round marker's
       * arc would draw a line from. */
      cairo_new_path (cr);
      set_rgb (cr, series_colour (style, mark->series), 1.0);
      set_line_style (cr, mark->rater);
      if (frame->bottom - mark->y > mark->radius * MARKER_REACH)
        {
          cairo_move_to (cr, mark->x, frame->bottom);
          cairo_line_to (cr, mark->x, mark->y + mark->radius * MARKER_REACH);
          cairo_stroke (cr);
        }
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_new_path (cr);
      draw_marker (cr, mark->series, mark->x, mark->y, mark->radius * 2,
                   mark->rater == LADDER_RATER_MANAGER);

      _ladder_chart_set_source (cr, &style->foreground, 0.85);
      cairo_move_to (cr, mark->label_x, mark->label_y);
      pango_cairo_show_layout (cr, layout);
    }
}

/**
 * ladder_history_draw:
 * @history: a #LadderHistory
 * @cr: where to draw
 * @width: the width of the area, from the current origin
 * @height: the height of the area
 * @style: (nullable): colours, font and options (only @foreground,
 *   @grid, @context, @font, @show_legend and @text_emoji are used); %NULL
 *   for those of ladder_chart_style_init()
 *
 * Draws @history as a line chart within the @width × @height box at
 * @cr's origin: the check-ins' dates along the bottom, placed by time,
 * the number of behaviours shown up the side, a line per category and
 * rater with a point per check-in (the engineer's solid, the manager's
 * dashed; a side that rated at no check-in has none), and a legend of the
 * categories under it, with a key to the two kinds of line when both are
 * drawn. With no check-in it says so; with one, each category has a
 * column of its own in the middle, the engineer's mark and the manager's
 * side by side on stems, each with its number over it. @cr's state is
 * kept.
 */
void
ladder_history_draw (LadderHistory          *history,
                     cairo_t                *cr,
                     double                  width,
                     double                  height,
                     const LadderChartStyle *style)
{
  LadderChartStyle default_style;
  Frame frame;
  guint n_points;
  guint step, top_value;
  double legend_height;
  double line_height, axis_width;
  double left, right, top, bottom;
  guint32 first_day = 0, last_day = 0;
  gboolean with_year = FALSE;
  double last_label_end = -G_MAXDOUBLE;
  double last_label_start = G_MAXDOUBLE;

  g_return_if_fail (history != NULL);
  g_return_if_fail (cr != NULL);

  if (style == NULL)
    {
      ladder_chart_style_init (&default_style);
      style = &default_style;
    }

  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);

  n_points = history->dates->len;
  if (!compute_frame (history, cr, width, height, style, &frame))
    {
      cairo_restore (cr);
      return;
    }
  step = frame.step;
  top_value = frame.top_value;
  line_height = frame.line_height;
  axis_width = frame.axis_width;
  legend_height = frame.legend_height;
  left = frame.left;
  right = frame.right;
  top = frame.top;
  bottom = frame.bottom;

  /* Dates carry their year when the check-ins span more than one. */
  for (guint p = 0; p < n_points; p++)
    {
      const GDate *date = &g_array_index (history->dates, GDate, p);

      if (!g_date_valid (date))
        continue;
      if (first_day == 0)
        first_day = g_date_get_julian (date);
      last_day = g_date_get_julian (date);
      with_year = with_year ||
                  g_date_get_year (date) != g_date_get_year (&g_array_index (history->dates, GDate, 0));
    }

  /* Grid lines and the counts beside them. */
  cairo_set_line_width (cr, 0.75);
  for (guint v = 0; v <= top_value; v += step)
    {
      double y = bottom - (bottom - top) * v / top_value;
      g_autofree char *text = g_strdup_printf ("%u", v);
      g_autoptr(PangoLayout) layout = _ladder_chart_make_layout (cr, style, text, 1.0);
      double w;

      _ladder_chart_set_source (cr, &style->grid, v == 0 ? 2.0 : 1.0);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);

      layout_size (layout, &w, NULL);
      _ladder_chart_set_source (cr, &style->foreground, 0.7);
      cairo_move_to (cr, axis_width - w, y - line_height / 2);
      pango_cairo_show_layout (cr, layout);
    }

  if (n_points == 0)
    {
      g_autoptr(PangoLayout) layout = _ladder_chart_make_layout (cr, style, _("No check-ins yet"), 1.0);
      double w, h;

      layout_size (layout, &w, &h);
      _ladder_chart_set_source (cr, &style->foreground, 0.6);
      cairo_move_to (cr, left + (right - left - w) / 2, top + (bottom - top - h) / 2);
      pango_cairo_show_layout (cr, layout);
    }
  else
    {
      g_autofree double *xs = g_new (double, n_points);
      double inset = 12;

      /* x by time; a single date (or none) in the middle. */
      for (guint p = 0; p < n_points; p++)
        {
          const GDate *date = &g_array_index (history->dates, GDate, p);

          if (last_day > first_day && g_date_valid (date))
            xs[p] = left + inset + (right - left - 2 * inset) *
                    (double) (g_date_get_julian (date) - first_day) / (double) (last_day - first_day);
          else if (last_day > first_day)
            xs[p] = left + inset;
          else if (n_points > 1)
            xs[p] = left + inset + (right - left - 2 * inset) * p / (double) (n_points - 1);
          else
            xs[p] = (left + right) / 2;
        }

      /* Dates under the axis, skipping any that would run into the one
       * before or into the last, which always shows. */
      for (guint pass = 0; pass < 2; pass++)
        {
          for (guint p = pass == 0 ? n_points - 1 : 0; p < (pass == 0 ? n_points : n_points - 1); p++)
            {
              g_autofree char *text = _ladder_date_format (&g_array_index (history->dates, GDate, p),
                                                          with_year ? LADDER_DATE_SHORT : LADDER_DATE_NO_YEAR,
                                                          "?");
              g_autoptr(PangoLayout) layout = _ladder_chart_make_layout (cr, style, text, 1.0);
              double w, x;

              layout_size (layout, &w, NULL);
              x = CLAMP (xs[p] - w / 2, 0, MAX (width - w, 0));
              if (pass == 1 && (x < last_label_end + 8 || x + w > last_label_start - 8))
                continue;

              _ladder_chart_set_source (cr, &style->grid, 2.0);
              cairo_move_to (cr, xs[p], bottom);
              cairo_line_to (cr, xs[p], bottom + 3);
              cairo_stroke (cr);

              _ladder_chart_set_source (cr, &style->foreground, 0.7);
              cairo_move_to (cr, x, bottom + 5);
              pango_cairo_show_layout (cr, layout);
              if (pass == 0)
                last_label_start = x;
              else
                last_label_end = x + w;
            }
        }

      /* The manager's lines first, so that where both sides agree the
       * engineer's solid line shows over the dashes. */
      if (n_points == 1)
        draw_single (history, cr, style, &frame);
      for (int r = LADDER_RATER_MANAGER; r >= LADDER_RATER_SELF && n_points > 1; r--)
        {
          if (!draws_rater (history, r))
            continue;

          for (guint s = 0; s < history->series->len; s++)
            {
              const guint *shown = g_array_index (history->series, Series, s).shown[r];

              set_rgb (cr, series_colour (style, s), 1.0);
              set_line_style (cr, r);
              cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
              for (guint p = 0; p < n_points; p++)
                {
                  double y = bottom - (bottom - top) * shown[p] / top_value;

                  if (p == 0)
                    cairo_move_to (cr, xs[p], y);
                  else
                    cairo_line_to (cr, xs[p], y);
                }
              cairo_stroke (cr);

              for (guint p = 0; p < n_points; p++)
                draw_marker (cr, s, xs[p], bottom - (bottom - top) * shown[p] / top_value, 7,
                             r == LADDER_RATER_MANAGER);
            }
        }
      cairo_set_dash (cr, NULL, 0, 0);
    }

  if (style->show_legend && history->series->len > 0)
    draw_legend (history, cr, style, width, height - legend_height + 12, FALSE);

  cairo_restore (cr);
}
