/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The radar's numbers: a person's share per category at a level, from
 * their ratings now and from a check-in's snapshot, the team's median,
 * the words a screen reader gets, and the drawing at a phone's width. */

#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "ladder-core.h"

/* Level 1: craft c1–c4, people p1; level 2: craft c5 and no people, so
 * that people has nothing to count at level 2. */
static LadderFramework *
make_framework (const char *id)
{
  LadderFramework *framework = ladder_framework_new (id, "Engineering");
  g_autoptr (LadderLevel) l1 = ladder_level_new ("1", "Level 1", NULL);
  g_autoptr (LadderLevel) l2 = ladder_level_new ("2", "Level 2", NULL);
  g_autoptr (LadderCategory) craft = ladder_category_new ("craft", "Craft", "🛠️", NULL);
  g_autoptr (LadderCategory) people = ladder_category_new ("people", "People and a rather long category name", NULL, NULL);
  const char *craft_ids[] = { "c1", "c2", "c3", "c4" };

  g_assert_true (ladder_framework_add_level (framework, l1));
  g_assert_true (ladder_framework_add_level (framework, l2));
  g_assert_true (ladder_framework_add_category (framework, craft));
  g_assert_true (ladder_framework_add_category (framework, people));
  for (guint i = 0; i < G_N_ELEMENTS (craft_ids); i++)
    {
      g_autoptr (LadderBehaviour) b = ladder_behaviour_new (craft_ids[i], "1", "craft", NULL, "Crafts");

      g_assert_true (ladder_framework_add_behaviour (framework, b));
    }
  {
    g_autoptr (LadderBehaviour) p1 = ladder_behaviour_new ("p1", "1", "people", NULL, "Helps");
    g_autoptr (LadderBehaviour) c5 = ladder_behaviour_new ("c5", "2", "craft", NULL, "Designs");

    g_assert_true (ladder_framework_add_behaviour (framework, p1));
    g_assert_true (ladder_framework_add_behaviour (framework, c5));
  }

  return framework;
}

static LadderProfile *
make_profile (LadderFramework *framework,
              const char      *name)
{
  LadderProfile *profile = ladder_profile_new (NULL, framework);

  ladder_profile_set_name (profile, name);
  ladder_profile_set_current_level (profile, "1");
  ladder_profile_set_target_level (profile, "2");
  ladder_profile_set_owner (profile, LADDER_RATER_MANAGER);

  return profile;
}

/* Consistently counts one, sometimes half, not applicable leaves the
 * count, unrated and not yet count nothing; each side on its own; a
 * category with nothing at the level has no value. */
static void
test_profile_shares (void)
{
  g_autoptr (LadderFramework) framework = make_framework ("eng");
  g_autoptr (LadderProfile) alex = make_profile (framework, "Alex");
  g_autoptr (LadderRadar) radar = ladder_radar_new (framework);
  g_autoptr (LadderRadar) target = ladder_radar_new (framework);

  ladder_profile_rate (alex, "c1", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (alex, "c2", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);
  ladder_profile_rate (alex, "c3", LADDER_RATER_MANAGER, LADDER_RATING_NOT_APPLICABLE);
  ladder_profile_rate (alex, "c4", LADDER_RATER_MANAGER, LADDER_RATING_NOT_YET);
  ladder_profile_rate (alex, "c1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (alex, "p1", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  ladder_profile_rate (alex, "c5", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);

  g_assert_cmpuint (ladder_radar_get_n_axes (radar), ==, 2);
  g_assert_cmpstr (ladder_radar_get_label (radar, 0), ==, "🛠️ Craft");
  g_assert_cmpstr (ladder_radar_get_category (radar, 1), ==, "people");

  g_assert_true (ladder_radar_add_profile (radar, "Manager", alex, LADDER_RADAR_LEVEL_CURRENT,
                                           LADDER_RATER_MANAGER));
  g_assert_true (ladder_radar_add_profile (radar, "Self", alex, LADDER_RADAR_LEVEL_CURRENT,
                                           LADDER_RATER_SELF));
  g_assert_cmpuint (ladder_radar_get_n_series (radar), ==, 2);
  g_assert_cmpstr (ladder_radar_get_series_name (radar, 1), ==, "Self");
  /* (1 + ½) of the three that count. */
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (radar, 0, 0), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (radar, 0, 1), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (radar, 1, 0), 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (radar, 1, 1), 0.5, 1e-9);

  g_assert_true (ladder_radar_add_profile (target, "Alex", alex, LADDER_RADAR_LEVEL_TARGET,
                                           LADDER_RATER_MANAGER));
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (target, 0, 0), 1.0, 1e-9);
  g_assert_true (isnan (ladder_radar_get_value (target, 0, 1)));

  /* Every behaviour not applicable: nothing counts, no value. */
  ladder_profile_rate (alex, "p1", LADDER_RATER_MANAGER, LADDER_RATING_NOT_APPLICABLE);
  {
    g_autoptr (LadderRadar) again = ladder_radar_new (framework);

    ladder_radar_add_profile (again, "Alex", alex, LADDER_RADAR_LEVEL_CURRENT, LADDER_RATER_MANAGER);
    g_assert_true (isnan (ladder_radar_get_value (again, 0, 1)));
  }
}

/* A profile on another framework is not a series of this radar; a
 * profile with no level has no values. */
static void
test_other_framework (void)
{
  g_autoptr (LadderFramework) framework = make_framework ("eng");
  g_autoptr (LadderFramework) other = make_framework ("design");
  g_autoptr (LadderProfile) stranger = make_profile (other, "Sky");
  g_autoptr (LadderProfile) levelless = make_profile (framework, "Noa");
  g_autoptr (LadderRadar) radar = ladder_radar_new (framework);

  g_assert_false (ladder_radar_add_profile (radar, "Sky", stranger, LADDER_RADAR_LEVEL_CURRENT,
                                            LADDER_RATER_MANAGER));
  g_assert_cmpuint (ladder_radar_get_n_series (radar), ==, 0);

  ladder_profile_set_current_level (levelless, NULL);
  ladder_profile_set_target_level (levelless, NULL);
  g_assert_true (ladder_radar_add_profile (radar, "Noa", levelless, LADDER_RADAR_LEVEL_TARGET,
                                           LADDER_RATER_MANAGER));
  g_assert_true (isnan (ladder_radar_get_value (radar, 0, 0)));
  g_assert_true (isnan (ladder_radar_get_value (radar, 0, 1)));
}

/* A check-in's series is its snapshot, not the ratings now, on either
 * side. */
static void
test_checkin (void)
{
  g_autoptr (LadderFramework) framework = make_framework ("eng");
  g_autoptr (LadderProfile) alex = make_profile (framework, "Alex");
  g_autoptr (LadderCheckin) checkin = ladder_checkin_new (NULL);
  g_autoptr (GDate) date = g_date_new_dmy (3, G_DATE_MARCH, 2026);
  g_autoptr (LadderRadar) radar = ladder_radar_new (framework);

  ladder_checkin_set_date (checkin, date);
  ladder_checkin_set_snapshot (checkin, "c1", LADDER_RATING_SOMETIMES, LADDER_RATING_CONSISTENTLY);
  ladder_checkin_set_snapshot (checkin, "c2", LADDER_RATING_UNRATED, LADDER_RATING_CONSISTENTLY);
  ladder_checkin_set_snapshot (checkin, "p1", LADDER_RATING_CONSISTENTLY, LADDER_RATING_NOT_YET);
  ladder_profile_add_checkin (alex, checkin);
  /* Later ratings do not change what the check-in recorded. */
  ladder_profile_rate (alex, "c3", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (alex, "c4", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);

  g_assert_true (ladder_radar_add_checkin (radar, "3 March", alex, checkin, LADDER_RADAR_LEVEL_CURRENT,
                                           LADDER_RATER_MANAGER));
  g_assert_true (ladder_radar_add_checkin (radar, "Self", alex, checkin, LADDER_RADAR_LEVEL_CURRENT,
                                           LADDER_RATER_SELF));
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (radar, 0, 0), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (radar, 0, 1), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (radar, 1, 0), 0.125, 1e-9);
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (radar, 1, 1), 1.0, 1e-9);
}

static void
rate_craft (LadderProfile     *profile,
            guint              n_consistently,
            LadderRatingValue  people)
{
  const char *ids[] = { "c1", "c2", "c3", "c4" };

  for (guint i = 0; i < n_consistently; i++)
    ladder_profile_rate (profile, ids[i], LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "p1", LADDER_RATER_MANAGER, people);
}

/* The median per category of the profiles on the framework, each at its
 * own level; the middle two's mean for an even count; a person with
 * nothing to count in a category leaves that category's median. */
static void
test_median (void)
{
  g_autoptr (LadderFramework) framework = make_framework ("eng");
  g_autoptr (LadderFramework) other = make_framework ("design");
  g_autoptr (GListStore) team = g_list_store_new (LADDER_TYPE_PROFILE);
  g_autoptr (LadderProfile) ann = make_profile (framework, "Ann");
  g_autoptr (LadderProfile) ben = make_profile (framework, "Ben");
  g_autoptr (LadderProfile) cy = make_profile (framework, "Cy");
  g_autoptr (LadderProfile) dee = make_profile (framework, "Dee");
  g_autoptr (LadderProfile) sky = make_profile (other, "Sky");
  g_autoptr (LadderRadar) odd = ladder_radar_new (framework);
  g_autoptr (LadderRadar) even = ladder_radar_new (framework);
  g_autoptr (LadderRadar) nobody = ladder_radar_new (framework);
  g_autoptr (GListStore) strangers = g_list_store_new (LADDER_TYPE_PROFILE);
  g_autoptr (LadderProfile) eve = make_profile (framework, "Eve");
  g_autoptr (LadderRadar) fresh = ladder_radar_new (framework);
  g_autoptr (GListStore) team_and_new = g_list_store_new (LADDER_TYPE_PROFILE);

  rate_craft (ann, 1, LADDER_RATING_CONSISTENTLY);
  rate_craft (ben, 2, LADDER_RATING_NOT_APPLICABLE);
  rate_craft (cy, 4, LADDER_RATING_SOMETIMES);
  rate_craft (dee, 3, LADDER_RATING_NOT_YET);
  rate_craft (sky, 0, LADDER_RATING_NOT_YET);
  g_list_store_append (team, ann);
  g_list_store_append (team, sky);
  g_list_store_append (team, ben);
  g_list_store_append (team, cy);

  g_list_store_append (team_and_new, ann);
  g_list_store_append (team_and_new, eve);
  g_list_store_append (team_and_new, ben);
  g_list_store_append (team_and_new, cy);

  /* Craft ¼, ½, 1 → ½; people 1, –, ½ → ¾ (Ben has nothing to count). */
  g_assert_cmpuint (ladder_radar_add_median (odd, "Team median", G_LIST_MODEL (team),
                                             LADDER_RADAR_LEVEL_CURRENT, LADDER_RATER_MANAGER), ==, 3);
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (odd, 0, 0), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (odd, 0, 1), 0.75, 1e-9);

  /* Craft ¼, ½, ¾, 1 → ⅝; people 1, ½, 0 → ½. */
  g_list_store_append (team, dee);
  g_assert_true (ladder_radar_add_median (even, "Team median", G_LIST_MODEL (team),
                                          LADDER_RADAR_LEVEL_CURRENT, LADDER_RATER_MANAGER));
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (even, 0, 0), 0.625, 1e-9);
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (even, 0, 1), 0.5, 1e-9);

  /* At the target level nobody is rated: no one counts, and the median
   * has no value rather than a team at nothing. */
  g_assert_cmpuint (ladder_radar_add_median (even, "Target", G_LIST_MODEL (team),
                                             LADDER_RADAR_LEVEL_TARGET, LADDER_RATER_MANAGER), ==, 0);
  g_assert_cmpuint (ladder_radar_get_n_series (even), ==, 2);
  g_assert_true (isnan (ladder_radar_get_value (even, 1, 0)));
  g_assert_true (isnan (ladder_radar_get_value (even, 1, 1)));

  /* Someone with nothing rated at their level is left out, not counted
   * as nothing shown: craft ¼, ½, 1 again, and three counted. */
  g_assert_cmpuint (ladder_radar_add_median (fresh, "Team median", G_LIST_MODEL (team_and_new),
                                             LADDER_RADAR_LEVEL_CURRENT, LADDER_RATER_MANAGER), ==, 3);
  g_assert_cmpfloat_with_epsilon (ladder_radar_get_value (fresh, 0, 0), 0.5, 1e-9);

  g_list_store_append (strangers, sky);
  g_assert_false (ladder_radar_add_median (nobody, "Team median", G_LIST_MODEL (strangers),
                                           LADDER_RADAR_LEVEL_CURRENT, LADDER_RATER_MANAGER));
  g_assert_cmpuint (ladder_radar_get_n_series (nobody), ==, 0);
}

/* A sentence per category, each series by name, in whole percent. */
static void
test_describe (void)
{
  g_autoptr (LadderFramework) framework = make_framework ("eng");
  g_autoptr (LadderProfile) alex = make_profile (framework, "Alex");
  g_autoptr (GListStore) team = g_list_store_new (LADDER_TYPE_PROFILE);
  g_autoptr (LadderRadar) radar = ladder_radar_new (framework);
  g_autofree char *empty = NULL;
  g_autofree char *description = NULL;

  empty = ladder_radar_describe (radar);
  g_assert_cmpstr (empty, ==, "");

  ladder_profile_rate (alex, "c1", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (alex, "c2", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);
  g_list_store_append (team, alex);
  ladder_radar_add_profile (radar, "Alex", alex, LADDER_RADAR_LEVEL_TARGET, LADDER_RATER_MANAGER);
  ladder_radar_add_median (radar, "Team median", G_LIST_MODEL (team), LADDER_RADAR_LEVEL_CURRENT,
                           LADDER_RATER_MANAGER);
  description = ladder_radar_describe (radar);
  g_assert_cmpstr (description, ==,
                   "🛠️ Craft: Alex 0 %, Team median 38 %. "
                   "People and a rather long category name: Alex nothing to rate, Team median 0 %.");
}

/* Whether the pixel at @x, @y of @surface is near @rgb. */
static gboolean
pixel_near (cairo_surface_t *surface,
            int              x,
            int              y,
            guint32          rgb)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
  int dr = (int) ((pixel >> 16) & 0xff) - (int) ((rgb >> 16) & 0xff);
  int dg = (int) ((pixel >> 8) & 0xff) - (int) ((rgb >> 8) & 0xff);
  int db = (int) (pixel & 0xff) - (int) (rgb & 0xff);

  return ABS (dr) + ABS (dg) + ABS (db) < 24;
}

static guint
count_pixels_near (cairo_surface_t *surface,
                   guint32          rgb)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint n = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (pixel_near (surface, x, y, rgb))
        n++;

  return n;
}

/* The lowest row with a pixel near @rgb: in a radar, its legend's
 * sample of the series of that colour. */
static int
lowest_pixel_near (cairo_surface_t *surface,
                   guint32          rgb)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);

  for (int y = height - 1; y >= 0; y--)
    for (int x = 0; x < width; x++)
      if (pixel_near (surface, x, y, rgb))
        return y;

  return -1;
}

/* Draws a radar of Alex and a median called @median, 360 px wide, and
 * returns how far below the first series' legend sample the second's is. */
static int
legend_rows_apart (const char *median)
{
  g_autoptr (LadderFramework) framework = make_framework ("eng");
  g_autoptr (LadderProfile) alex = make_profile (framework, "Alex");
  g_autoptr (GListStore) team = g_list_store_new (LADDER_TYPE_PROFILE);
  g_autoptr (LadderRadar) radar = ladder_radar_new (framework);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 360, 360);
  cairo_t *cr = cairo_create (surface);
  LadderChartStyle style;
  int apart;

  rate_craft (alex, 3, LADDER_RATING_CONSISTENTLY);
  g_list_store_append (team, alex);
  ladder_radar_add_profile (radar, "Alex", alex, LADDER_RADAR_LEVEL_CURRENT, LADDER_RATER_MANAGER);
  ladder_radar_add_median (radar, median, G_LIST_MODEL (team), LADDER_RADAR_LEVEL_CURRENT,
                           LADDER_RATER_MANAGER);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ladder_chart_style_init (&style);
  ladder_radar_draw (radar, cr, 360, 360, &style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  apart = lowest_pixel_near (surface, 0xc64600) - lowest_pixel_near (surface, 0x1c71d8);
  cairo_surface_destroy (surface);

  return apart;
}

/* Narrow, the legend's names go one under the other when they do not fit
 * on one line, rather than each cut short; on one line when they do. */
static void
test_legend_rows (void)
{
  g_assert_cmpint (legend_rows_apart ("Team"), ==, 0);
  g_assert_cmpint (legend_rows_apart ("Team median of the twelve people you manage in Platform "
                                      "Engineering, Developer Experience and Site Reliability"), >, 8);
}

/* Drawn 360 px wide: both outlines and the legend show, and nothing is
 * drawn outside the box given (the labels shrink the chart instead). */
static void
test_draw_narrow (void)
{
  g_autoptr (LadderFramework) framework = make_framework ("eng");
  g_autoptr (LadderProfile) alex = make_profile (framework, "Alex");
  g_autoptr (LadderProfile) bo = make_profile (framework, "Bo");
  g_autoptr (GListStore) team = g_list_store_new (LADDER_TYPE_PROFILE);
  g_autoptr (LadderRadar) radar = ladder_radar_new (framework);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 400);
  cairo_t *cr = cairo_create (surface);
  LadderChartStyle style;
  guint outside = 0;

  rate_craft (alex, 3, LADDER_RATING_CONSISTENTLY);
  rate_craft (bo, 1, LADDER_RATING_NOT_YET);
  g_list_store_append (team, bo);
  ladder_radar_add_profile (radar, "Alex", alex, LADDER_RADAR_LEVEL_CURRENT, LADDER_RATER_MANAGER);
  ladder_radar_add_median (radar, "Team median of a rather large team", G_LIST_MODEL (team),
                           LADDER_RADAR_LEVEL_CURRENT, LADDER_RATER_MANAGER);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ladder_chart_style_init (&style);
  cairo_translate (cr, 20, 20);
  ladder_radar_draw (radar, cr, 360, 360, &style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* The self colour (blue 4) for the first series, orange 5 for the
   * second. */
  g_assert_cmpuint (count_pixels_near (surface, 0x1c71d8), >, 40);
  g_assert_cmpuint (count_pixels_near (surface, 0xc64600), >, 40);

  {
    int stride = cairo_image_surface_get_stride (surface);
    const guchar *data = cairo_image_surface_get_data (surface);

    for (int y = 0; y < 400; y++)
      for (int x = 0; x < 400; x++)
        if ((x < 20 || y < 20 || x >= 380 || y >= 380) &&
            (*(const guint32 *) (data + y * stride + x * 4) & 0xffffff) != 0xffffff)
          outside++;
  }
  g_assert_cmpuint (outside, ==, 0);

  cairo_surface_destroy (surface);
}

/* The width of the top label's ink in a radar @width px wide whose top
 * spoke is "💬 Communication": the widest span of dark pixels above the
 * chart's grid, drawn green to be told from them. */
static int
top_label_width (int width)
{
  g_autoptr (LadderFramework) framework = ladder_framework_new ("long-word", "Engineering");
  g_autoptr (LadderLevel) level = ladder_level_new ("1", "Level 1", NULL);
  g_autoptr (LadderProfile) alex = NULL;
  g_autoptr (LadderRadar) radar = NULL;
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  const char *names[] = { "Communication", "Craft", "Impact", "People" };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, width);
  cairo_t *cr = cairo_create (surface);
  LadderChartStyle style;
  const guchar *data;
  int stride, left = width, right = -1;

  g_assert_true (ladder_framework_add_level (framework, level));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *id = g_strdup_printf ("k%u", i);
      g_autofree char *behaviour_id = g_strdup_printf ("b%u", i);
      g_autoptr (LadderCategory) category = ladder_category_new (id, names[i], "💬", NULL);
      g_autoptr (LadderBehaviour) behaviour = ladder_behaviour_new (behaviour_id, "1", id, NULL, "Does");

      g_assert_true (ladder_framework_add_category (framework, category));
      g_assert_true (ladder_framework_add_behaviour (framework, behaviour));
    }
  alex = make_profile (framework, "Alex");
  ladder_profile_rate (alex, "b0", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  radar = ladder_radar_new (framework);
  ladder_radar_add_profile (radar, "Alex", alex, LADDER_RADAR_LEVEL_CURRENT, LADDER_RATER_MANAGER);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  ladder_chart_style_init (&style);
  style.show_legend = FALSE;
  style.grid = (LadderChartColour) { 0, 1, 0, 1 };
  /* A window's font, larger than a document's. */
  style.font = font;
  ladder_radar_draw (radar, cr, width, width, &style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y < width; y++)
    {
      gboolean grid = FALSE;

      for (int x = 0; x < width; x++)
        {
          guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);

          /* The labels' ink: dark on every channel, where the outline
           * is blue and the grid green. */
          if (((pixel >> 16) & 0xff) < 160 && ((pixel >> 8) & 0xff) < 160 && (pixel & 0xff) < 160)
            {
              left = MIN (left, x);
              right = MAX (right, x);
            }
          /* Green, however faint the thin line leaves it. */
          grid = grid || (pixel_near (surface, x, y, 0x00ff00) ||
                          pixel_near (surface, x, y, 0x40ff40) ||
                          pixel_near (surface, x, y, 0x80ff80));
        }
      if (grid)
        break;
    }
  cairo_surface_destroy (surface);
  g_assert_cmpint (right, >=, left);

  return right - left + 1;
}

/* In a phone's width a word longer than a label's share is drawn whole,
 * not cut to "Commu…" as the top spoke's was: its ink is as wide as the
 * word's set in a size smaller than even a phone's labels take. */
static void
test_long_word (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  PangoRectangle ink;

  pango_font_description_set_size (font, pango_font_description_get_size (font) * 8 / 10);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, "Communication", -1);
  pango_layout_get_pixel_extents (layout, &ink, NULL);
  /* Longer than a label's share at 320 px. */
  g_assert_cmpint (ink.width, >, 320 * 0.22);
  g_assert_cmpint (top_label_width (320), >=, ink.width);

  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ladder/radar/profile-shares", test_profile_shares);
  g_test_add_func ("/ladder/radar/other-framework", test_other_framework);
  g_test_add_func ("/ladder/radar/checkin", test_checkin);
  g_test_add_func ("/ladder/radar/median", test_median);
  g_test_add_func ("/ladder/radar/describe", test_describe);
  g_test_add_func ("/ladder/radar/draw-narrow", test_draw_narrow);
  g_test_add_func ("/ladder/radar/legend-rows", test_legend_rows);
  g_test_add_func ("/ladder/radar/long-word", test_long_word);

  return g_test_run ();
}
