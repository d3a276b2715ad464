/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-radar"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "ladder-chart-private.h"
#include "ladder-radar.h"

/* The radar of a person against someone, or against themselves as they
 * were: a spoke per category of a framework and, per series, the share
 * of the category's behaviours at a level that one side sees shown, with
 * "sometimes" as half a behaviour and "not applicable" left out (so a
 * share says how far along the level a person is, not only what is done
 * already, as the progress count of ladder-progress.c does). A category
 * where nothing counts has no value (NAN) rather than 0: it is drawn at
 * the centre with a dashed spoke and said to be so. The team's median is
 * of each person at their own level, so that it reads as "how far along
 * their level the team is" whatever mix of levels it has. Drawing shares
 * the snowflake chart's geometry (ladder-chart.c). */

typedef struct
{
  char *category;  /* id */
  char *label;
} Axis;

typedef struct
{
  char   *name;
  double *values;  /* one per axis, NAN where nothing counts */
} Series;

struct _LadderRadar
{
  gatomicrefcount  ref_count;
  char            *framework;  /* id */
  GArray          *axes;       /* Axis */
  GArray          *series;     /* Series */
};

G_DEFINE_BOXED_TYPE (LadderRadar, ladder_radar, ladder_radar_ref, ladder_radar_unref)

#define MIN_RADIUS 24.0

static void
axis_clear (gpointer data)
{
  Axis *axis = data;

  g_free (axis->category);
  g_free (axis->label);
}

static void
series_clear (gpointer data)
{
  Series *series = data;

  g_free (series->name);
  g_free (series->values);
}

/**
 * ladder_radar_new:
 * @framework: the framework whose categories are the spokes
 *
 * Makes a radar with a spoke per category of @framework, in its order,
 * and no series yet: add them with ladder_radar_add_profile(),
 * ladder_radar_add_checkin() or ladder_radar_add_median().
 *
 * Returns: (transfer full): a new radar
 */
LadderRadar *
ladder_radar_new (LadderFramework *framework)
{
  GListModel *categories;
  LadderRadar *radar;

  g_return_val_if_fail (LADDER_IS_FRAMEWORK (framework), NULL);

  radar = g_new0 (LadderRadar, 1);
  g_atomic_ref_count_init (&radar->ref_count);
  radar->framework = g_strdup (ladder_framework_get_id (framework));
  radar->axes = g_array_new (FALSE, TRUE, sizeof (Axis));
  g_array_set_clear_func (radar->axes, axis_clear);
  radar->series = g_array_new (FALSE, TRUE, sizeof (Series));
  g_array_set_clear_func (radar->series, series_clear);

  categories = ladder_framework_get_categories (framework);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(LadderCategory) category = g_list_model_get_item (categories, i);
      const char *emoji = ladder_category_get_emoji (category);
      const char *name = ladder_category_get_name (category);
      Axis axis;

      if (name == NULL || *name == '\0')
        name = ladder_category_get_id (category);

      axis.category = g_strdup (ladder_category_get_id (category));
      if (emoji != NULL && *emoji != '\0')
        axis.label = g_strdup_printf ("%s %s", emoji, name);
      else
        axis.label = g_strdup (name);
      g_array_append_val (radar->axes, axis);
    }

  return radar;
}

/**
 * ladder_radar_ref:
 * @radar: a #LadderRadar
 *
 * Returns: (transfer full): @radar
 */
LadderRadar *
ladder_radar_ref (LadderRadar *radar)
{
  g_return_val_if_fail (radar != NULL, NULL);

  g_atomic_ref_count_inc (&radar->ref_count);
  return radar;
}

/**
 * ladder_radar_unref:
 * @radar: (transfer full): a #LadderRadar
 *
 * Drops a reference; the last one frees the radar.
 */
void
ladder_radar_unref (LadderRadar *radar)
{
  g_return_if_fail (radar != NULL);

  if (g_atomic_ref_count_dec (&radar->ref_count))
    {
      g_free (radar->framework);
      g_array_unref (radar->axes);
      g_array_unref (radar->series);
      g_free (radar);
    }
}

/**
 * ladder_radar_get_n_axes:
 * @radar: a #LadderRadar
 *
 * Returns: the number of spokes: one per category of the framework
 */
guint
ladder_radar_get_n_axes (LadderRadar *radar)
{
  g_return_val_if_fail (radar != NULL, 0);

  return radar->axes->len;
}

/**
 * ladder_radar_get_label:
 * @radar: a #LadderRadar
 * @axis: the spoke, below ladder_radar_get_n_axes()
 *
 * Returns: the category's emoji (when it has one) and name
 */
const char *
ladder_radar_get_label (LadderRadar *radar,
                        guint        axis)
{
  g_return_val_if_fail (radar != NULL, NULL);
  g_return_val_if_fail (axis < radar->axes->len, NULL);

  return g_array_index (radar->axes, Axis, axis).label;
}

/**
 * ladder_radar_get_category:
 * @radar: a #LadderRadar
 * @axis: the spoke, below ladder_radar_get_n_axes()
 *
 * Returns: the id of the spoke's category
 */
const char *
ladder_radar_get_category (LadderRadar *radar,
                           guint        axis)
{
  g_return_val_if_fail (radar != NULL, NULL);
  g_return_val_if_fail (axis < radar->axes->len, NULL);

  return g_array_index (radar->axes, Axis, axis).category;
}

/**
 * ladder_radar_get_n_series:
 * @radar: a #LadderRadar
 *
 * Returns: how many series were added, up to %LADDER_RADAR_MAX_SERIES
 */
guint
ladder_radar_get_n_series (LadderRadar *radar)
{
  g_return_val_if_fail (radar != NULL, 0);

  return radar->series->len;
}

/**
 * ladder_radar_get_series_name:
 * @radar: a #LadderRadar
 * @series: below ladder_radar_get_n_series()
 *
 * Returns: the name the legend gives the series
 */
const char *
ladder_radar_get_series_name (LadderRadar *radar,
                              guint        series)
{
  g_return_val_if_fail (radar != NULL, NULL);
  g_return_val_if_fail (series < radar->series->len, NULL);

  return g_array_index (radar->series, Series, series).name;
}

/**
 * ladder_radar_set_series_name:
 * @radar: a #LadderRadar
 * @series: below ladder_radar_get_n_series()
 * @name: what the legend is to call the series
 *
 * Renames a series, such as the team median once it is known how many
 * people it counts.
 */
void
ladder_radar_set_series_name (LadderRadar *radar,
                              guint        series,
                              const char  *name)
{
  Series *s;

  g_return_if_fail (radar != NULL);
  g_return_if_fail (series < radar->series->len);
  g_return_if_fail (name != NULL);

  s = &g_array_index (radar->series, Series, series);
  g_free (s->name);
  s->name = g_strdup (name);
}

/**
 * ladder_radar_get_value:
 * @radar: a #LadderRadar
 * @series: below ladder_radar_get_n_series()
 * @axis: below ladder_radar_get_n_axes()
 *
 * Returns: the share of the category's behaviours at the series' level
 *   seen shown, from 0 to 1, "sometimes" counting half; NAN when no
 *   behaviour of the category counts at that level
 */
double
ladder_radar_get_value (LadderRadar *radar,
                        guint        series,
                        guint        axis)
{
  g_return_val_if_fail (radar != NULL, NAN);
  g_return_val_if_fail (series < radar->series->len, NAN);
  g_return_val_if_fail (axis < radar->axes->len, NAN);

  return g_array_index (radar->series, Series, series).values[axis];
}

typedef LadderChartGetRating GetRating;

static LadderRatingValue
get_profile_rating (gpointer     source,
                    const char  *behaviour_id,
                    LadderRater  rater)
{
  return ladder_profile_get_rating_value (source, behaviour_id, rater);
}

static LadderRatingValue
get_snapshot_rating (gpointer     source,
                     const char  *behaviour_id,
                     LadderRater  rater)
{
  return ladder_checkin_get_snapshot (source, behaviour_id, rater);
}

static const char *
profile_level (LadderProfile    *profile,
               LadderRadarLevel  level)
{
  const char *id = NULL;

  if (level == LADDER_RADAR_LEVEL_TARGET)
    id = ladder_profile_get_target_level (profile);
  if (id == NULL || *id == '\0')
    id = ladder_profile_get_current_level (profile);

  return id;
}

/* The shares of @profile's framework's behaviours at the level chosen,
 * per axis of @radar, as @get reads the ratings of @source, by the one
 * rule the Summary page's chart counts with too. */
static double *
compute_values (LadderRadar      *radar,
                LadderProfile    *profile,
                const char       *level_id,
                GetRating         get,
                gpointer          source,
                LadderRater       rater)
{
  LadderFramework *framework = ladder_profile_get_framework (profile);
  double *values = g_new (double, MAX (radar->axes->len, 1));

  for (guint i = 0; i < radar->axes->len; i++)
    values[i] = _ladder_chart_share (framework, level_id, g_array_index (radar->axes, Axis, i).category,
                                     get, source, rater);

  return values;
}

static void
add_series (LadderRadar *radar,
            const char  *name,
            double      *values)
{
  Series series = { g_strdup (name), values };

  g_array_append_val (radar->series, series);
}

/**
 * ladder_radar_add_profile:
 * @radar: a #LadderRadar with fewer than %LADDER_RADAR_MAX_SERIES series
 * @name: what the legend calls the series, such as the person's name
 * @profile: a profile on @radar's framework
 * @level: which of @profile's levels to count
 * @rater: whose ratings: the engineer's own or the manager's
 *
 * Adds @profile's ratings now as a series: per category, the share of
 * its behaviours at @level that @rater rates "consistently", "sometimes"
 * counting half and "not applicable" left out.
 *
 * Returns: %TRUE; %FALSE when @profile is on another framework
 */
gboolean
ladder_radar_add_profile (LadderRadar      *radar,
                          const char       *name,
                          LadderProfile    *profile,
                          LadderRadarLevel  level,
                          LadderRater       rater)
{
  g_return_val_if_fail (radar != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (LADDER_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (radar->series->len < LADDER_RADAR_MAX_SERIES, FALSE);

  if (g_strcmp0 (ladder_framework_get_id (ladder_profile_get_framework (profile)), radar->framework) != 0)
    return FALSE;

  add_series (radar, name, compute_values (radar, profile, profile_level (profile, level),
                                           get_profile_rating, profile, rater));
  return TRUE;
}

/**
 * ladder_radar_add_profile_at_level:
 * @radar: a #LadderRadar with fewer than %LADDER_RADAR_MAX_SERIES series
 * @name: what the legend calls the series
 * @profile: a profile on @radar's framework
 * @level: the id of the level whose behaviours count, which need not be
 *   one of @profile's own (a review may be written for any level)
 * @rater: whose ratings: the engineer's own or the manager's
 *
 * Adds @profile's ratings now as a series, counted as
 * ladder_radar_add_profile() counts them, at @level. A level the
 * framework does not have gives a series with nothing to rate.
 *
 * Returns: %TRUE; %FALSE when @profile is on another framework
 */
gboolean
ladder_radar_add_profile_at_level (LadderRadar   *radar,
                                   const char    *name,
                                   LadderProfile *profile,
                                   const char    *level,
                                   LadderRater    rater)
{
  g_return_val_if_fail (radar != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (LADDER_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (level != NULL, FALSE);
  g_return_val_if_fail (radar->series->len < LADDER_RADAR_MAX_SERIES, FALSE);

  if (g_strcmp0 (ladder_framework_get_id (ladder_profile_get_framework (profile)), radar->framework) != 0)
    return FALSE;

  add_series (radar, name, compute_values (radar, profile, level, get_profile_rating, profile, rater));
  return TRUE;
}

/* Whether @rater has rated any behaviour of @level. */
static gboolean
has_rated_level (LadderProfile *profile,
                 const char    *level,
                 LadderRater    rater)
{
  LadderFramework *framework = ladder_profile_get_framework (profile);
  g_autoptr(GPtrArray) behaviours = ladder_framework_list_behaviours (framework, level, NULL);

  for (guint i = 0; behaviours != NULL && i < behaviours->len; i++)
    {
      LadderBehaviour *behaviour = g_ptr_array_index (behaviours, i);

      if (ladder_profile_get_rating_value (profile, ladder_behaviour_get_id (behaviour), rater) !=
          LADDER_RATING_UNRATED)
        return TRUE;
    }

  return FALSE;
}

/**
 * ladder_radar_new_self_and_manager:
 * @profile: a #LadderProfile
 * @level: the id of a level of @profile's framework
 *
 * The radar that the PDF summary and the review print: @profile's own
 * ratings and its manager's at @level, a series for each side that has
 * rated a behaviour there ("Self rating", "Manager rating"). While
 * neither has, it holds both, empty, so that the level's categories
 * still show.
 *
 * Returns: (transfer full): a new radar
 */
LadderRadar *
ladder_radar_new_self_and_manager (LadderProfile *profile,
                                   const char    *level)
{
  LadderRadar *radar;
  gboolean self_rated, manager_rated;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (level != NULL, NULL);

  radar = ladder_radar_new (ladder_profile_get_framework (profile));
  self_rated = has_rated_level (profile, level, LADDER_RATER_SELF);
  manager_rated = has_rated_level (profile, level, LADDER_RATER_MANAGER);
  if (self_rated || !manager_rated)
    /* Translators: the radar's series of the engineer's own ratings */
    ladder_radar_add_profile_at_level (radar, _("Self rating"), profile, level, LADDER_RATER_SELF);
  if (manager_rated || !self_rated)
    /* Translators: the radar's series of the manager's ratings */
    ladder_radar_add_profile_at_level (radar, _("Manager rating"), profile, level,
                                       LADDER_RATER_MANAGER);

  return radar;
}

/**
 * ladder_radar_add_checkin:
 * @radar: a #LadderRadar with fewer than %LADDER_RADAR_MAX_SERIES series
 * @name: what the legend calls the series, such as the check-in's date
 * @profile: a profile on @radar's framework
 * @checkin: one of @profile's check-ins
 * @level: which of @profile's levels to count
 * @rater: whose ratings: the engineer's own or the manager's
 *
 * Adds the ratings recorded with @checkin (its snapshot) as a series,
 * counted as ladder_radar_add_profile() counts a profile's ratings now.
 * The level is @profile's as it is now, so that a past check-in reads
 * against the same behaviours as the present.
 *
 * Returns: %TRUE; %FALSE when @profile is on another framework
 */
gboolean
ladder_radar_add_checkin (LadderRadar      *radar,
                          const char       *name,
                          LadderProfile    *profile,
                          LadderCheckin    *checkin,
                          LadderRadarLevel  level,
                          LadderRater       rater)
{
  g_return_val_if_fail (radar != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (LADDER_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (LADDER_IS_CHECKIN (checkin), FALSE);
  g_return_val_if_fail (radar->series->len < LADDER_RADAR_MAX_SERIES, FALSE);

  if (g_strcmp0 (ladder_framework_get_id (ladder_profile_get_framework (profile)), radar->framework) != 0)
    return FALSE;

  add_series (radar, name, compute_values (radar, profile, profile_level (profile, level),
                                           get_snapshot_rating, checkin, rater));
  return TRUE;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/**
 * ladder_radar_add_median:
 * @radar: a #LadderRadar with fewer than %LADDER_RADAR_MAX_SERIES series
 * @name: what the legend calls the series, such as "Team median"
 * @profiles: (element-type LadderProfile): the team
 * @level: which level of each profile to count
 * @rater: whose ratings: the engineers' own or the manager's
 *
 * Adds the median per category of the profiles of @profiles on @radar's
 * framework (others are left out), each counted at its own @level as
 * ladder_radar_add_profile() counts it. A person @rater has rated nothing
 * of at that level is left out: their zeros would say "not yet" of what
 * nobody has looked at, and pull the median down. A category where
 * nothing counts for a person leaves that person out of its median;
 * where it counts for no one, it has no value. With an even number of
 * people, the median is the mean of the middle two.
 *
 * The series is added when at least one profile is on the framework,
 * with no value anywhere when nobody is counted.
 *
 * Returns: how many people the median counts, for its legend to say
 */
guint
ladder_radar_add_median (LadderRadar      *radar,
                         const char       *name,
                         GListModel       *profiles,
                         LadderRadarLevel  level,
                         LadderRater       rater)
{
  g_autoptr(GPtrArray) per_profile = NULL;
  gboolean any = FALSE;
  guint n_axes;
  double *median;

  g_return_val_if_fail (radar != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);
  g_return_val_if_fail (G_IS_LIST_MODEL (profiles), 0);
  g_return_val_if_fail (radar->series->len < LADDER_RADAR_MAX_SERIES, 0);

  n_axes = radar->axes->len;
  per_profile = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (profiles, i);
      const char *level_id;

      if (!LADDER_IS_PROFILE (profile) ||
          g_strcmp0 (ladder_framework_get_id (ladder_profile_get_framework (profile)), radar->framework) != 0)
        continue;

      any = TRUE;
      level_id = profile_level (profile, level);
      if (level_id == NULL || !has_rated_level (profile, level_id, rater))
        continue;

      g_ptr_array_add (per_profile,
                       compute_values (radar, profile, level_id, get_profile_rating, profile, rater));
    }

  if (!any)
    return 0;

  median = g_new (double, MAX (n_axes, 1));
  for (guint axis = 0; axis < n_axes; axis++)
    {
      g_autofree double *column = g_new (double, per_profile->len);
      guint n = 0;

      for (guint i = 0; i < per_profile->len; i++)
        {
          double value = ((double *) g_ptr_array_index (per_profile, i))[axis];

          if (!isnan (value))
            column[n++] = value;
        }

      if (n == 0)
        {
          median[axis] = NAN;
          continue;
        }

      qsort (column, n, sizeof (double), compare_doubles);
      median[axis] = n % 2 == 1 ? column[n / 2] : (column[n / 2 - 1] + column[n / 2]) / 2;
    }

  add_series (radar, name, median);
  return per_profile->len;
}

/**
 * ladder_radar_describe:
 * @radar: a #LadderRadar
 *
 * What the radar shows, in words, for a screen reader: a sentence per
 * category with each series' share in whole percent.
 *
 * Returns: (transfer full): the description; empty when there is no
 *   series or no category
 */
char *
ladder_radar_describe (LadderRadar *radar)
{
  GString *description;

  g_return_val_if_fail (radar != NULL, NULL);

  description = g_string_new (NULL);
  if (radar->series->len == 0)
    return g_string_free (description, FALSE);

  for (guint axis = 0; axis < radar->axes->len; axis++)
    {
      const Axis *a = &g_array_index (radar->axes, Axis, axis);

      if (description->len > 0)
        g_string_append_c (description, ' ');
      g_string_append (description, a->label);
      g_string_append (description, ": ");

      for (guint s = 0; s < radar->series->len; s++)
        {
          const Series *series = &g_array_index (radar->series, Series, s);
          double value = series->values[axis];

          if (s > 0)
            /* Translators: between the values of the two series of one
             * category of a radar chart */
            g_string_append (description, _(", "));

          if (isnan (value))
            /* Translators: a series of a radar chart with nothing to rate
             * in a category; %s is its name, a person's or "Team median" */
            g_string_append_printf (description, _("%s nothing to rate"), series->name);
          else
            /* Translators: a series' value in one category of a radar
             * chart, "Alex 50 %"; %s is its name, %u a percentage */
            g_string_append_printf (description, _("%s %u %%"), series->name,
                                    (guint) round (value * 100));
        }

      g_string_append_c (description, '.');
    }

  return g_string_free (description, FALSE);
}

static const LadderChartColour *
series_colour (const LadderChartStyle *style,
               guint                   series)
{
  return series == 0 ? &style->self : &style->manager;
}

/* The first series solid with round points, the second dashed with
 * square ones, so that they stay apart in grey print and for people who
 * do not tell the two colours apart. */
static void
set_outline (cairo_t *cr,
             guint    series,
             double   line_width)
{
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (series > 0)
    {
      const double dashes[] = { line_width * 3, line_width * 2 };

      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    }
  else
    {
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

static void
draw_marker (cairo_t *cr,
             guint    series,
             double   x,
             double   y,
             double   size)
{
  if (series == 0)
    cairo_arc (cr, x, y, size / 2, 0, 2 * G_PI);
  else
    cairo_rectangle (cr, x - size / 2, y - size / 2, size, size);
  cairo_fill (cr);
}

#define LEGEND_SAMPLE 22.0
#define LEGEND_GAP 6.0
#define LEGEND_SPACING 18.0
#define LEGEND_ROW_GAP 4.0

/* The legend, centred under the chart: a sample of each outline and its
 * name, on one line when they fit, else one under the other, a name too
 * long for the whole width ellipsized. Returns its height. */
static double
draw_legend (LadderRadar            *radar,
             cairo_t                *cr,
             const LadderChartStyle *style,
             double                  width,
             double                  y,
             gboolean                measure_only)
{
  guint n = radar->series->len;
  PangoLayout *layouts[LADDER_RADAR_MAX_SERIES];
  double widths[LADDER_RADAR_MAX_SERIES];
  double heights[LADDER_RADAR_MAX_SERIES];
  double total = 0;
  double widest = 0;
  double tallest = 0;
  double height = 0;
  gboolean one_line;
  double x;

  for (guint i = 0; i < n; i++)
    {
      PangoRectangle logical;

      layouts[i] = _ladder_chart_make_layout (cr, style, g_array_index (radar->series, Series, i).name, 1.0);
      pango_layout_set_width (layouts[i],
                              (int) (MAX (width - LEGEND_SAMPLE - LEGEND_GAP, 24) * PANGO_SCALE));
      pango_layout_set_ellipsize (layouts[i], PANGO_ELLIPSIZE_END);
      pango_layout_get_extents (layouts[i], NULL, &logical);
      widths[i] = logical.width / (double) PANGO_SCALE;
      heights[i] = logical.height / (double) PANGO_SCALE;
      pango_layout_set_width (layouts[i], (int) ceil (widths[i] * PANGO_SCALE));
      total += LEGEND_SAMPLE + LEGEND_GAP + widths[i] + (i > 0 ? LEGEND_SPACING : 0);
      widest = MAX (widest, LEGEND_SAMPLE + LEGEND_GAP + widths[i]);
      tallest = MAX (tallest, heights[i]);
    }

  one_line = total <= width;
  x = MAX (0, (width - (one_line ? total : widest)) / 2);
  for (guint i = 0; i < n; i++)
    {
      double row_height = one_line ? tallest : heights[i];
      double top = one_line ? y : y + height;
      double mid = top + row_height / 2;

      if (!measure_only)
        {
          _ladder_chart_set_source (cr, series_colour (style, i), 1.0);
          set_outline (cr, i, 1.75);
          cairo_move_to (cr, x, mid);
          cairo_line_to (cr, x + LEGEND_SAMPLE, mid);
          cairo_stroke (cr);
          draw_marker (cr, i, x + LEGEND_SAMPLE / 2, mid, 6);

          _ladder_chart_set_source (cr, &style->foreground, 1.0);
          cairo_move_to (cr, x + LEGEND_SAMPLE + LEGEND_GAP, top);
          pango_cairo_show_layout (cr, layouts[i]);
        }
      if (one_line)
        {
          x += LEGEND_SAMPLE + LEGEND_GAP + widths[i] + LEGEND_SPACING;
          height = row_height;
        }
      else
        {
          height += row_height + (i + 1 < n ? LEGEND_ROW_GAP : 0);
        }
      g_object_unref (layouts[i]);
    }

  return height;
}

typedef struct
{
  PangoLayout *layout;
  double       width;
  double       height;
  double       angle;
  gboolean     empty;  /* no series has a value */
} Label;

/**
 * ladder_radar_draw:
 * @radar: a #LadderRadar
 * @cr: where to draw
 * @width: the width of the area, from the current origin
 * @height: the height of the area
 * @style: (nullable): colours, font and options; %NULL for those of
 *   ladder_chart_style_init(). The first series takes @style's self
 *   colour, the second its manager colour.
 *
 * Draws @radar within the @width × @height box at @cr's origin: a spoke
 * per category with its label (wrapped on two lines at most, widened
 * for a long word, then ellipsized), rings at a quarter, half, three
 * quarters and all of a level, each series as a filled outline, and a legend of the series'
 * names under it. A category with no value in any series has a dashed
 * spoke and a dimmed label. @cr's state is kept.
 */
void
ladder_radar_draw (LadderRadar            *radar,
                   cairo_t                *cr,
                   double                  width,
                   double                  height,
                   const LadderChartStyle *style)
{
  LadderChartStyle default_style;
  g_autofree Label *labels = NULL;
  g_autofree double *values = NULL;
  double legend_height = 0;
  double cx, cy, radius, max_radius, label_width, label_scale;
  guint n;

  g_return_if_fail (radar != NULL);
  g_return_if_fail (cr != NULL);

  if (style == NULL)
    {
      ladder_chart_style_init (&default_style);
      style = &default_style;
    }

  n = radar->axes->len;
  if (n == 0 || width <= 0 || height <= 0)
    return;

  cairo_save (cr);

  if (style->show_legend && radar->series->len > 0)
    legend_height = draw_legend (radar, cr, style, width, 0, TRUE) + 12;

  cx = width / 2;
  cy = (height - legend_height) / 2;
  max_radius = MIN (width, height - legend_height) / 2;

  /* Labels take a share of the width that leaves the chart most of it;
   * past two lines they are cut, so that a long name cannot shrink the
   * chart to nothing in a narrow window. */
  label_width = MAX (64, width * 0.22);
  /* In a phone's width the labels take a size smaller, which leaves the
   * chart a third more room. */
  label_scale = width < 420 ? 0.9 : 1.0;
  labels = g_new0 (Label, n);
  for (guint i = 0; i < n; i++)
    {
      const Axis *axis = &g_array_index (radar->axes, Axis, i);
      PangoRectangle logical;
      double c, most;

      labels[i].layout = _ladder_chart_make_layout (cr, style, axis->label, label_scale);
      pango_layout_set_height (labels[i].layout, -2);
      pango_layout_set_ellipsize (labels[i].layout, PANGO_ELLIPSIZE_END);
      labels[i].angle = -G_PI / 2 + 2 * G_PI * i / n;
      c = cos (labels[i].angle);
      /* A word longer than the share ("Communication" in a phone's
       * width) widens its label rather than losing its end: above or
       * below the chart up to half the width, which is free there, and
       * beside it up to a third, the chart shrinking to make room. */
      most = MAX (label_width, width * (fabs (c) < 0.2 ? 0.5 : 0.32));
      for (double w = label_width;; w = MIN (w + 8, most))
        {
          pango_layout_set_width (labels[i].layout, (int) (w * PANGO_SCALE));
          if (w >= most || !pango_layout_is_ellipsized (labels[i].layout))
            break;
        }
      if (fabs (c) < 0.2)
        pango_layout_set_alignment (labels[i].layout, PANGO_ALIGN_CENTER);
      else if (c < 0)
        pango_layout_set_alignment (labels[i].layout, PANGO_ALIGN_RIGHT);

      pango_layout_get_extents (labels[i].layout, NULL, &logical);
      labels[i].width = logical.width / (double) PANGO_SCALE;
      labels[i].height = logical.height / (double) PANGO_SCALE;
      /* Measured text sits at the layout's left; a box as wide as the
       * text keeps the alignment right for the side it is on. */
      pango_layout_set_width (labels[i].layout, (int) ceil (labels[i].width * PANGO_SCALE));

      labels[i].empty = TRUE;
      for (guint s = 0; s < radar->series->len; s++)
        if (!isnan (g_array_index (radar->series, Series, s).values[i]))
          labels[i].empty = FALSE;
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
      const double dashes[] = { 2, 2 };

      if (labels[i].empty)
        cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      else
        cairo_set_dash (cr, NULL, 0, 0);
      cairo_move_to (cr, cx, cy);
      cairo_line_to (cr, cx + radius * cos (labels[i].angle), cy + radius * sin (labels[i].angle));
      cairo_stroke (cr);
    }

  /* The second series first, so that the first lies on top. */
  for (int s = (int) radar->series->len - 1; s >= 0; s--)
    {
      const Series *series = &g_array_index (radar->series, Series, s);
      const LadderChartColour *colour = series_colour (style, s);

      for (guint i = 0; i < n; i++)
        values[i] = isnan (series->values[i]) ? 0 : CLAMP (series->values[i], 0, 1);

      _ladder_chart_trace_polygon (cr, values, n, cx, cy, radius);
      _ladder_chart_set_source (cr, colour, s == 0 ? 0.2 : 0.12);
      cairo_fill_preserve (cr);
      _ladder_chart_set_source (cr, colour, 1.0);
      set_outline (cr, s, 2.0);
      cairo_stroke (cr);

      for (guint i = 0; i < n; i++)
        {
          if (isnan (series->values[i]))
            continue;
          draw_marker (cr, s,
                       cx + radius * values[i] * cos (labels[i].angle),
                       cy + radius * values[i] * sin (labels[i].angle),
                       s == 0 ? 6.0 : 5.0);
        }
    }

  /* Labels. */
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      _ladder_chart_place_label (labels[i].width, labels[i].height, labels[i].angle,
                                 cx, cy, radius, &x, &y);
      _ladder_chart_set_source (cr, &style->foreground, labels[i].empty ? 0.5 : 1.0);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, labels[i].layout);
      g_object_unref (labels[i].layout);
    }

  if (style->show_legend && radar->series->len > 0)
    draw_legend (radar, cr, style, width, height - legend_height + 12, FALSE);

  cairo_restore (cr);
}
