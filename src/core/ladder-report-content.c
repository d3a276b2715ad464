/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderReport: reading the profile into blocks (ladder_report_new()),
 * the one part of the summary that knows the model: what the summary
 * covers, the title block with its facts, the chart of the current level,
 * the table of shown behaviours, the chart of check-ins and the last
 * check-in. The behaviours and the evidence log are in
 * ladder-report-evidence.c; ladder-report-private.h says what each file
 * does. */

#define G_LOG_DOMAIN "ladder-report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ladder-chart.h"
#include "ladder-radar.h"
#include "ladder-history.h"
#include "ladder-progress.h"
#include "ladder-report.h"
#include "ladder-report-content-private.h"
#include "ladder-report-private.h"
#include "ladder-review.h"
#include "ladder-time-private.h"

/* Dates */

char *
_ladder_report_format_date (const GDate *date)
{
  return _ladder_date_format (date, LADDER_DATE_LONG, _("No date"));
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

char *
_ladder_report_category_label (LadderCategory *category)
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
  Block *block = _ladder_report_begin_text (self, STYLE_BODY);

  _ladder_report_append (self, value);
  if (detail != NULL)
    {
      _ladder_report_append (self, "\n");
      _ladder_report_append_span (self, detail, SPAN_SMALL, NULL);
    }
  _ladder_report_end_text (self, block);
  block->gutter = _ladder_report_printable (key);
  block->indent = KEY_GUTTER;
}

/* Whether @rater has rated any behaviour at all: a share of 0 % reads as
 * a verdict, which a side that has not rated yet has not given. */
static gboolean
has_rated (LadderProfile *profile,
           LadderRater    rater)
{
  GListModel *ratings = ladder_profile_get_ratings (profile);

  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(LadderRating) rating = g_list_model_get_item (ratings, i);

      if (ladder_rating_get_value (rating, rater) != LADDER_RATING_UNRATED)
        return TRUE;
    }

  return FALSE;
}

/* Not applicable leaves the count of the side that says so, and only
 * that side's: the summary says how many, where it counts. */
void
_ladder_report_count_not_applicable (Content    *content,
                                     const char *level,
                                     const char *category,
                                     guint       n_by[2],
                                     guint      *n_one_side)
{
  g_autoptr(GPtrArray) behaviours = ladder_framework_list_behaviours (content->framework, level,
                                                                     category);

  n_by[LADDER_RATER_SELF] = n_by[LADDER_RATER_MANAGER] = 0;
  *n_one_side = 0;

  for (guint i = 0; behaviours != NULL && i < behaviours->len; i++)
    {
      const char *id = ladder_behaviour_get_id (g_ptr_array_index (behaviours, i));
      LadderRatingValue values[2];

      values[LADDER_RATER_SELF] = ladder_profile_get_rating_value (content->profile, id, LADDER_RATER_SELF);
      values[LADDER_RATER_MANAGER] = ladder_profile_get_rating_value (content->profile, id,
                                                                      LADDER_RATER_MANAGER);
      for (guint rater = 0; rater < 2; rater++)
        {
          LadderRatingValue other = values[1 - rater];

          if (values[rater] != LADDER_RATING_NOT_APPLICABLE)
            continue;
          n_by[rater]++;
          if (other != LADDER_RATING_NOT_APPLICABLE && other != LADDER_RATING_UNRATED)
            (*n_one_side)++;
        }
    }
}

static char *
describe_level (Content    *content,
                const char *level)
{
  GString *out = g_string_new (NULL);
  guint n_not_applicable[2], n_one_side;

  for (guint rater = 0; rater < 2; rater++)
    {
      const char *sublevel = ladder_profile_get_sublevel (content->profile, level, (LadderRater) rater);
      guint shown, total;
      g_autofree char *share = NULL;

      ladder_profile_count_shown (content->profile, level, NULL, (LadderRater) rater, &shown, &total);
      share = percent (shown, total);

      if (rater > 0)
        g_string_append (out, " · ");

      /* The same words as the app's. */
      if (rater == LADDER_RATER_SELF && !content->has_rated[rater])
        g_string_append (out, _("The engineer has not rated yet"));
      else if (rater == LADDER_RATER_MANAGER && !content->has_rated[rater])
        g_string_append (out, _("The manager has not rated yet"));
      else if (rater == LADDER_RATER_SELF && sublevel != NULL)
        /* Translators: "64 % shown by self, sub-level C" */
        g_string_append_printf (out, _("%s shown by self, sub-level %s"), share, sublevel);
      else if (rater == LADDER_RATER_SELF)
        g_string_append_printf (out, _("%s shown by self"), share);
      else if (sublevel != NULL)
        g_string_append_printf (out, _("%s by manager, sub-level %s"), share, sublevel);
      else
        g_string_append_printf (out, _("%s by manager"), share);
    }

  /* The shares above leave them out, each side its own. */
  _ladder_report_count_not_applicable (content, level, NULL, n_not_applicable, &n_one_side);
  if (n_not_applicable[LADDER_RATER_SELF] > 0 || n_not_applicable[LADDER_RATER_MANAGER] > 0)
    {
      g_string_append_c (out, '\n');
      /* Translators: numbers last, so that one form reads right for any
       * number: "Not applicable, left out of progress and readiness: 2
       * by self, 1 by manager" */
      g_string_append_printf (out, _("Not applicable, left out of progress and readiness: %u by self, "
                                     "%u by manager"),
                              n_not_applicable[LADDER_RATER_SELF], n_not_applicable[LADDER_RATER_MANAGER]);
      if (n_one_side > 0)
        {
          g_string_append (out, " · ");
          g_string_append_printf (out, ngettext ("%u of them rated by the other side, and counted there",
                                                 "%u of them rated by the other side, and counted there",
                                                 n_one_side),
                                  n_one_side);
        }
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
      g_autofree char *date = _ladder_report_format_date (ladder_promotion_get_date (promotion));
      const char *to = ladder_framework_get_level_label (framework,
                                                         ladder_promotion_get_to (promotion));

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
  /* After a promotion to a level nobody rated yet, the level the ratings
   * are at stands for the current one. */
  const char *current = ladder_profile_find_rated_level (content->profile,
                                                         ladder_profile_get_current_level (content->profile));
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
    return g_strdup (ladder_framework_get_level_label (content->framework, current));

  /* Translators: the current and the target level, "Level 3 and Level 4" */
  return g_strdup_printf (_("%s and %s"),
                          ladder_framework_get_level_label (content->framework, current),
                          ladder_framework_get_level_label (content->framework, target));
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
      g_autofree char *from = _ladder_report_format_date (content->since);

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

  block = _ladder_report_add_text (self, STYLE_OVERLINE,
                                   self->custom_title ? self->title : _("Progress summary"));
  block->dest = g_strdup ("summary");
  block->outline = g_strdup (_("Summary"));
  block->outline_level = 1;
  _ladder_report_add_text (self, STYLE_TITLE, self->author);
  block = _ladder_report_add_text (self, STYLE_SUBTITLE, role != NULL && *role != '\0' ? role : "");
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
          g_autofree char *date = _ladder_report_format_date (ladder_promotion_get_date (change));

          /* Translators: the current level and since when, "Level 4 since 1 October 2026" */
          value = g_strdup_printf (_("%s since %s"),
                                   ladder_framework_get_level_label (framework, current), date);
        }
      else
        value = g_strdup (ladder_framework_get_level_label (framework, current));

      add_fact (self, _("Current level"), value, detail);
    }
  else
    {
      add_fact (self, _("Current level"), _("Not set"), NULL);
    }

  if (target != NULL)
    add_fact (self, _("Target level"), ladder_framework_get_level_label (framework, target), NULL);

  if (g_list_model_get_n_items (ladder_profile_get_promotions (profile)) > 0)
    {
      g_autofree char *promotions = describe_promotions (profile);

      add_fact (self, _("Promotions"), promotions, NULL);
    }

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (self->date),
                  (GDateMonth) g_date_time_get_month (self->date),
                  (GDateYear) g_date_time_get_year (self->date));
  made = _ladder_report_format_date (&today);

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

      from_text = _ladder_report_format_date (&from);
      to_text = _ladder_report_format_date (&to);
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

/* The charts are the app's own drawing, in the summary's context and
 * small print, their emoji in text form to keep them searchable. */
static void
chart_style_init (LadderChartStyle           *style,
                  PangoContext               *context,
                  const PangoFontDescription *font)
{
  ladder_chart_style_init (style);
  style->context = context;
  style->font = font;
  style->text_emoji = TRUE;
}

static void
draw_history_chart (gpointer                    chart,
                    cairo_t                    *cr,
                    double                      width,
                    double                      height,
                    PangoContext               *context,
                    const PangoFontDescription *font)
{
  LadderChartStyle style;

  chart_style_init (&style, context, font);
  ladder_history_draw (chart, cr, width, height, &style);
}

static void
draw_radar_chart (gpointer                    chart,
                  cairo_t                    *cr,
                  double                      width,
                  double                      height,
                  PangoContext               *context,
                  const PangoFontDescription *font)
{
  LadderChartStyle style;

  chart_style_init (&style, context, font);
  ladder_radar_draw (chart, cr, width, height, &style);
}

/* A radar, under a heading of @heading_style, with the caption that says
 * how it counts. Below three categories a radar is a line or a point,
 * which says less than the table: then nothing is added. */
void
_ladder_report_add_radar (LadderReport *self,
                          LadderRadar  *radar,
                          const char   *level_name,
                          Style         heading_style)
{
  g_autofree char *heading = NULL;
  g_autofree char *caption = NULL;
  Block *block;

  if (radar == NULL || ladder_radar_get_n_axes (radar) < 3)
    return;

  /* Translators: a heading; %s is a level's name */
  heading = g_strdup_printf (_("Progress at %s"), level_name);
  _ladder_report_add_heading (self, heading_style, heading, 1);

  block = _ladder_report_add_block (self, BLOCK_CHART, STYLE_SMALL);
  block->chart = ladder_radar_ref (radar);
  block->draw_chart = draw_radar_chart;
  block->free_chart = (GDestroyNotify) ladder_radar_unref;
  block->height = CHART_HEIGHT;
  block->keep_with_next = TRUE;

  caption = g_strdup_printf (_("Per category, the share of the behaviours of %s that each side "
                               "rates Consistently, Sometimes counting half; behaviours rated "
                               "Not Applicable are left out."),
                             level_name);
  _ladder_report_add_text (self, STYLE_SMALL, caption);
}

/* @level's progress as self and manager see it, on one radar right
 * under the title block, where a reader looks first. */
static void
add_chart_section (LadderReport *self,
                   Content      *content,
                   const char   *level)
{
  g_autoptr(LadderRadar) radar = NULL;

  if (level == NULL || ladder_framework_find_level (content->framework, level) == NULL)
    return;

  radar = ladder_radar_new_self_and_manager (content->profile, level);
  _ladder_report_add_radar (self, radar,
                            ladder_framework_get_level_label (content->framework, level),
                            STYLE_H1);
}

static Block *
add_row (LadderReport *self,
         Content      *content,
         const char   *label,
         const char   *level,
         const char   *category)
{
  Block *block = _ladder_report_add_text (self, STYLE_TABLE, label);

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
  const char *rated = ladder_profile_find_rated_level (content->profile, current);
  /* Without a current level known to the framework, no level is in play:
   * the table has them all. */
  gboolean in_play = content->levels_in_play && current != NULL &&
                     ladder_framework_find_level (content->framework, current) != NULL;
  guint n_categories = g_list_model_get_n_items (categories);
  guint heading, first_level = 0;
  Block *block;

  if (g_list_model_get_n_items (levels) == 0)
    return;

  heading = self->blocks->len;
  _ladder_report_add_heading (self, STYLE_H1, _("Behaviours shown, by level"), 1);
  block = _ladder_report_add_text (self, STYLE_SMALL,
                                   _("Behaviours rated “consistently” out of those that count, for each level "
                                     "and category. A behaviour rated not applicable does not count for "
                                     "the side that rated it so, and still counts for the other."));
  block->keep_with_next = TRUE;

  block = _ladder_report_add_text (self, STYLE_TABLE_HEAD, _("Level and category"));
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

      if (in_play && g_strcmp0 (id, current) != 0 && g_strcmp0 (id, target) != 0 &&
          g_strcmp0 (id, rated) != 0)
        continue;

      if (g_strcmp0 (id, current) == 0)
        /* Translators: a level in the table of progress */
        label = g_strdup_printf (_("%s (current)"),
                                 ladder_framework_get_level_label (content->framework, id));
      else if (g_strcmp0 (id, target) == 0)
        label = g_strdup_printf (_("%s (target)"),
                                 ladder_framework_get_level_label (content->framework, id));
      else
        label = g_strdup (ladder_framework_get_level_label (content->framework, id));

      if (first_level == 0)
        first_level = self->blocks->len;
      block = add_row (self, content, label, id, NULL);
      block->shaded = TRUE;
      block->keep_with_next = TRUE;
      /* A level moves on with its categories. */
      block->keep_whole = block->keep_first = (guint16) MIN (n_categories, G_MAXUINT16);
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
          g_autofree char *name = _ladder_report_category_label (category);

          block = add_row (self, content, name, id, ladder_category_get_id (category));
          block->indent = 12;
        }
    }

  /* The table holds together when it fits on a page, and never leaves
   * its heading with less than its first level. */
  if (first_level > 0)
    {
      block = g_ptr_array_index (self->blocks, heading);
      block->keep_whole = (guint16) MIN (self->blocks->len - 1 - heading, G_MAXUINT16);
      block->keep_first = (guint16) MIN (first_level + n_categories - heading, G_MAXUINT16);
    }
}

/* The shown behaviours per category at each check-in: right before the
 * last check-in, which it leads up to. */
static void
add_history_section (LadderReport *self,
                     Content      *content)
{
  LadderRater owner = ladder_profile_get_owner (content->profile);
  LadderHistory *history;
  Block *block;

  /* One check-in is one point: no line to read, only a page taken. */
  if (g_list_model_get_n_items (ladder_profile_get_checkins (content->profile)) < 2)
    return;

  _ladder_report_add_heading (self, STYLE_H1, _("Check-ins over time"), 1);

  block = _ladder_report_add_block (self, BLOCK_CHART, STYLE_SMALL);
  block->chart = ladder_history_new (content->profile, owner);
  block->draw_chart = draw_history_chart;
  block->free_chart = (GDestroyNotify) ladder_history_unref;
  block->height = CHART_HEIGHT;
  block->keep_with_next = TRUE;

  history = block->chart;
  if (ladder_history_has_ratings (history, LADDER_RATER_SELF) &&
      ladder_history_has_ratings (history, LADDER_RATER_MANAGER))
    _ladder_report_add_text (self, STYLE_SMALL,
                             _("The behaviours of each category, at every level, seen shown "
                               "consistently at each check-in, from the ratings it recorded: the "
                               "engineer’s own as solid lines, the manager’s as dashed ones."));
  else
    _ladder_report_add_text (self, STYLE_SMALL,
                             ladder_history_has_ratings (history, LADDER_RATER_MANAGER) ||
                             (owner == LADDER_RATER_MANAGER &&
                              !ladder_history_has_ratings (history, LADDER_RATER_SELF))
                             ? _("The behaviours of each category, at every level, that the "
                                 "manager saw shown consistently at each check-in, from the "
                                 "ratings it recorded.")
                             : _("The behaviours of each category, at every level, seen shown "
                                 "consistently at each check-in, from the ratings it recorded."));
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

  _ladder_report_add_heading (self, STYLE_H1, _("Last check-in"), 1);
  date = _ladder_report_format_date (ladder_checkin_get_date (last));
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
      g_autofree char *since = _ladder_report_format_date (ladder_checkin_get_date (ladder_review_get_previous (review)));
      g_autofree char *line = NULL;

      /* Translators: what a check-in looked back on, numbers last so that
       * one form reads right for any number: "9 November 2026 · since the
       * check-in of 1 August 2026: ratings up 5, down 1 · evidence added 4" */
      line = g_strdup_printf (_("%s · since the check-in of %s: ratings up %u, down %u · evidence added %u"),
                              date, since, n_up, n_down,
                              ladder_review_get_new_evidence (review)->len);
      block = _ladder_report_add_text (self, STYLE_SMALL, line);
    }
  else
    {
      block = _ladder_report_add_text (self, STYLE_SMALL, date);
    }
  block->keep_with_next = TRUE;

  notes = ladder_checkin_get_notes (last);
  if (ladder_checkin_get_notes_private (last) && !content->include_private)
    notes = NULL;
  block = _ladder_report_begin_text (self, STYLE_BODY);
  block = _ladder_report_append_paragraphs (self, block, STYLE_BODY, 0,
                                            notes != NULL && *notes != '\0' ? notes : _("No notes."));
  _ladder_report_end_text (self, block);
  /* The notes' end goes over with the actions agreed after them. */
  block->keep_with_next = TRUE;

  actions = ladder_checkin_get_actions (last);
  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(LadderAction) action = g_list_model_get_item (actions, i);

      if (ladder_action_get_private (action) && !content->include_private)
        continue;
      if (ladder_action_get_done (action))
        n_done++;
      else
        n_open++;
    }

  block = _ladder_report_begin_text (self, STYLE_H2);
  _ladder_report_append (self, _("Open actions"));
  _ladder_report_append (self, "\n");
  /* Translators: "2 open, 1 done" */
  counts = g_strdup_printf (_("%u open, %u done"), n_open, n_done);
  _ladder_report_append_span (self, counts, SPAN_SMALL, NULL);
  _ladder_report_end_text (self, block);
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

      if (ladder_action_get_done (action) ||
          (ladder_action_get_private (action) && !content->include_private))
        continue;

      owner = ladder_action_get_owner (action) == LADDER_RATER_MANAGER ? _("Manager") : self->author;
      if (due != NULL && g_date_valid (due))
        {
          g_autofree char *due_text = _ladder_report_format_date (due);
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

      block = _ladder_report_begin_text (self, STYLE_BODY);
      _ladder_report_append (self, ladder_action_get_text (action));
      _ladder_report_append (self, "\n");
      _ladder_report_append_span (self, detail, SPAN_SMALL, NULL);
      _ladder_report_end_text (self, block);
      block->indent = BULLET_INDENT;
      block->gutter = g_strdup ("•");
      /* The list holds together: the last action never ends the summary
       * on a page of its own, the one before goes over with it. */
      block->keep_with_next = ++n_listed < n_open;
    }
}

/**
 * ladder_report_options_get_since:
 * @options: the options of a summary
 * @profile: the profile it is of
 * @since: (out caller-allocates): the first day of the evidence it covers
 *
 * Works out the first day of the evidence a summary made with @options
 * covers: @options' own @since when it has one, else, with
 * @since_last_checkin, the day of the last check-in held before the
 * summary's day (@options' @date, or today).
 *
 * A check-in dated that day or later does not count: it is the 1:1 just
 * held (or being recorded), and a summary made for it covers what it
 * talked about, the evidence since the check-in before it, not a period
 * that starts today and holds nothing yet. Before a 1:1, the last
 * check-in is an earlier day and the period starts there, as a manager
 * preparing it expects. The export dialog says the same day.
 *
 * Returns: %TRUE and @since set when the summary covers evidence from a
 *   day on, %FALSE when it covers all of it
 */
gboolean
ladder_report_options_get_since (const LadderReportOptions *options,
                                 LadderProfile             *profile,
                                 GDate                     *since)
{
  g_autoptr(GPtrArray) checkins = NULL;
  g_autoptr(GDateTime) now = NULL;
  GDateTime *date;
  GDate today;

  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (LADDER_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (since != NULL, FALSE);

  if (options->since != NULL && g_date_valid (options->since))
    {
      *since = *options->since;
      return TRUE;
    }
  if (!options->since_last_checkin)
    return FALSE;

  date = options->date;
  if (date == NULL)
    date = now = g_date_time_new_now_local ();
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (date),
                  (GDateMonth) g_date_time_get_month (date),
                  (GDateYear) g_date_time_get_year (date));

  checkins = ladder_profile_list_checkins_by_date (profile);
  for (guint i = checkins->len; i > 0; i--)
    {
      const GDate *day = ladder_checkin_get_date (g_ptr_array_index (checkins, i - 1));

      if (day != NULL && g_date_valid (day) && g_date_compare (day, &today) < 0)
        {
          *since = *day;
          return TRUE;
        }
    }

  return FALSE;
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
  content->include_private = options->include_private;
  content->has_rated[LADDER_RATER_SELF] = has_rated (profile, LADDER_RATER_SELF);
  content->has_rated[LADDER_RATER_MANAGER] = has_rated (profile, LADDER_RATER_MANAGER);

  if (since == 0 && options->since_last_checkin &&
      ladder_report_options_get_since (options, profile, &content->since_day))
    {
      content->since = &content->since_day;
      since = g_date_get_julian (&content->since_day);
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

  levels[0] = ladder_profile_find_rated_level (profile, ladder_profile_get_current_level (profile));
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
  const char *rated;
  Content content = { NULL, };

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  if (options == NULL)
    options = &defaults;

  self = g_new0 (LadderReport, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->paper = options->paper;
  self->date = options->date != NULL ? g_date_time_ref (options->date) : g_date_time_new_now_local ();
  self->blocks = g_ptr_array_new_with_free_func (_ladder_report_block_free);
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
  self->footer = _ladder_report_printable (self->title);

  content_init (&content, profile, options);

  /* The current level, or, after a promotion to a level nobody rated
   * yet, the level the ratings are at: a summary made then is not empty. */
  rated = ladder_profile_find_rated_level (profile, ladder_profile_get_current_level (profile));
  add_title_block (self, &content);
  add_chart_section (self, &content, rated);
  add_table_section (self, &content);
  _ladder_report_add_level_section (self, &content, rated, TRUE);
  if (g_strcmp0 (ladder_profile_get_target_level (profile), rated) != 0)
    _ladder_report_add_level_section (self, &content, ladder_profile_get_target_level (profile),
                                      FALSE);
  _ladder_report_add_evidence_section (self, &content);
  add_history_section (self, &content);
  add_checkin_section (self, &content);
  _ladder_report_add_focus_section (self, &content);

  content_clear (&content);

  /* What only building needed. */
  g_string_free (g_steal_pointer (&self->text), TRUE);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_pointer (&self->date_cache, g_hash_table_unref);

  return g_steal_pointer (&self);
}
