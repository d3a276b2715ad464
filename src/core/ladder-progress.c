/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-progress"

#include "config.h"

#include "ladder-progress.h"

#include <math.h>

/* Shares are compared in whole numbers (shown × 10 against total × 8, and
 * so on) so that a band boundary such as 20 % or 80 % falls where a person
 * counting behaviours expects it, not a rounding error away. */

/**
 * ladder_profile_count_shown:
 * @self: a #LadderProfile
 * @level: (nullable): a level id, or %NULL for all levels
 * @category: (nullable): a category id, or %NULL for all categories
 * @rater: whose ratings to count
 * @shown: (out) (optional): the behaviours rated "consistently"
 * @total: (out) (optional): the behaviours that count: all of them but those
 *   rated "not-applicable" by @rater
 *
 * Counts the behaviours of one level in one category that @rater sees
 * shown. Unrated behaviours count as not shown.
 */
void
ladder_profile_count_shown (LadderProfile *self,
                            const char    *level,
                            const char    *category,
                            LadderRater    rater,
                            guint         *shown,
                            guint         *total)
{
  g_autoptr(GPtrArray) behaviours = NULL;
  guint n_shown = 0;
  guint n_total = 0;

  if (shown != NULL)
    *shown = 0;
  if (total != NULL)
    *total = 0;

  g_return_if_fail (LADDER_IS_PROFILE (self));

  behaviours = ladder_framework_list_behaviours (ladder_profile_get_framework (self),
                                                 level, category);

  for (guint i = 0; behaviours != NULL && i < behaviours->len; i++)
    {
      LadderBehaviour *behaviour = g_ptr_array_index (behaviours, i);
      LadderRatingValue value;

      value = ladder_profile_get_rating_value (self, ladder_behaviour_get_id (behaviour), rater);

      if (value == LADDER_RATING_NOT_APPLICABLE)
        continue;

      n_total++;
      if (value == LADDER_RATING_CONSISTENTLY)
        n_shown++;
    }

  if (shown != NULL)
    *shown = n_shown;
  if (total != NULL)
    *total = n_total;
}

/**
 * ladder_profile_get_level_share:
 * @self: a #LadderProfile
 * @level: a level id
 * @rater: whose ratings to count
 *
 * The share of a level's behaviours that @rater sees shown, from 0.0 to
 * 1.0; not-applicable behaviours leave the count.
 *
 * Returns: shown / total, or 0.0 when the total is 0
 */
double
ladder_profile_get_level_share (LadderProfile *self,
                                const char    *level,
                                LadderRater    rater)
{
  guint shown, total;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), 0.0);
  g_return_val_if_fail (level != NULL, 0.0);

  ladder_profile_count_shown (self, level, NULL, rater, &shown, &total);

  return total > 0 ? (double) shown / (double) total : 0.0;
}

/**
 * ladder_profile_get_progress:
 * @self: a #LadderProfile
 * @rater: whose ratings to count
 * @shown: (out) (optional): the behaviours of the current level rated
 *   "consistently"
 * @total: (out) (optional): those that count, all but the ones @rater
 *   rated "not-applicable"
 *
 * The profile's progress, the one figure every view of it shows (the
 * Progress page, the sub-level, the Team view's card from the profile's
 * head): the share of its current level's behaviours that @rater sees
 * shown. After a promotion it counts from the new level. Unrated
 * behaviours count as not shown.
 *
 * Returns: shown / total, 0.0 when nothing counts; -1.0 when the profile
 *   has no current level, or one its framework does not know
 */
double
ladder_profile_get_progress (LadderProfile *self,
                             LadderRater    rater,
                             guint         *shown,
                             guint         *total)
{
  const char *current;
  guint n_shown = 0, n_total = 0;

  if (shown != NULL)
    *shown = 0;
  if (total != NULL)
    *total = 0;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), -1.0);

  current = ladder_profile_get_current_level (self);
  if (current == NULL || ladder_framework_find_level (ladder_profile_get_framework (self), current) == NULL)
    return -1.0;

  ladder_profile_count_shown (self, current, NULL, rater, &n_shown, &n_total);
  if (shown != NULL)
    *shown = n_shown;
  if (total != NULL)
    *total = n_total;

  return n_total > 0 ? (double) n_shown / (double) n_total : 0.0;
}

/**
 * ladder_progress_to_percent:
 * @share: a share from 0.0 to 1.0, such as ladder_profile_get_progress()
 *   gives
 *
 * The whole percent shown for @share, rounded half up, so that every view
 * that shows one share shows the same number.
 *
 * Returns: 0 to 100
 */
guint
ladder_progress_to_percent (double share)
{
  return (guint) floor (CLAMP (share, 0.0, 1.0) * 100.0 + 0.5);
}

/**
 * ladder_profile_has_ratings_at:
 * @self: a #LadderProfile
 * @level: a level id
 *
 * Whether either side rated any behaviour of @level (not applicable
 * included).
 *
 * Returns: %TRUE when something of @level is rated
 */
gboolean
ladder_profile_has_ratings_at (LadderProfile *self,
                               const char    *level)
{
  g_autoptr(GPtrArray) behaviours = NULL;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), FALSE);
  g_return_val_if_fail (level != NULL, FALSE);

  behaviours = ladder_framework_list_behaviours (ladder_profile_get_framework (self), level, NULL);
  for (guint i = 0; behaviours != NULL && i < behaviours->len; i++)
    {
      const char *id = ladder_behaviour_get_id (g_ptr_array_index (behaviours, i));

      if (ladder_profile_get_rating_value (self, id, LADDER_RATER_SELF) != LADDER_RATING_UNRATED ||
          ladder_profile_get_rating_value (self, id, LADDER_RATER_MANAGER) != LADDER_RATING_UNRATED)
        return TRUE;
    }

  return FALSE;
}

/**
 * ladder_profile_find_rated_level:
 * @self: a #LadderProfile
 * @preferred: (nullable): the level a caller would show, such as the
 *   current or the target level
 *
 * The level a summary or a review is about unless its user chooses one:
 * @preferred, unless nobody has rated any of it yet since a promotion
 * (ladder_profile_get_current_level_change()) and the level the promotion
 * left has ratings: then that level, where the ratings are, so that a
 * summary made the day after a promotion is not empty. The new level is
 * chosen as soon as either side rated something of it.
 *
 * Returns: (nullable): a level id
 */
const char *
ladder_profile_find_rated_level (LadderProfile *self,
                                 const char    *preferred)
{
  LadderFramework *framework;
  LadderPromotion *change;
  LadderLevel *left;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  if (preferred == NULL || ladder_profile_has_ratings_at (self, preferred))
    return preferred;

  framework = ladder_profile_get_framework (self);
  change = ladder_profile_get_current_level_change (self);
  left = change != NULL && ladder_promotion_get_from (change) != NULL
         ? ladder_framework_find_level (framework, ladder_promotion_get_from (change))
         : NULL;
  if (left != NULL && ladder_profile_has_ratings_at (self, ladder_level_get_id (left)))
    return ladder_level_get_id (left);

  return preferred;
}

/**
 * ladder_profile_get_sublevel:
 * @self: a #LadderProfile
 * @level: a level id
 * @rater: whose ratings to count
 *
 * The sub-level that the level's share reaches, where the framework has
 * sub-levels. With n sub-levels the share is cut into n equal bands, each
 * including its lower bound: with five, under 20 % gives the first (A),
 * 20 % up to under 40 % the second, … and 80 % to 100 % the last (E).
 *
 * Returns: (nullable): the sub-level, owned by the framework, or %NULL when
 *   the framework has none
 */
const char *
ladder_profile_get_sublevel (LadderProfile *self,
                             const char    *level,
                             LadderRater    rater)
{
  const char * const *sublevels;
  guint n_sublevels;
  guint shown, total;
  guint64 band = 0;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);
  g_return_val_if_fail (level != NULL, NULL);

  sublevels = ladder_framework_get_sublevels (ladder_profile_get_framework (self));
  n_sublevels = sublevels != NULL ? g_strv_length ((char **) sublevels) : 0;
  if (n_sublevels == 0)
    return NULL;

  ladder_profile_count_shown (self, level, NULL, rater, &shown, &total);

  /* floor (share × n), exactly. */
  if (total > 0)
    band = (guint64) shown * n_sublevels / total;

  return sublevels[MIN (band, (guint64) n_sublevels - 1)];
}

/* ceil (total × percent / 100), in whole numbers like the bands. */
static guint
count_needed (guint total,
              guint percent)
{
  return (guint) (((guint64) total * percent + 99) / 100);
}

/* What the framework's rule counts: the behaviours of the current or the
 * next level (in @category, or all), those shown, and how many must be.
 * FALSE when there is no current level or no level after it. */
static gboolean
count_for_ready (LadderProfile *self,
                 const char    *category,
                 LadderRater    rater,
                 guint         *shown,
                 guint         *total,
                 guint         *needed)
{
  LadderFramework *framework = ladder_profile_get_framework (self);
  const char *current = ladder_profile_get_current_level (self);
  LadderLevel *next;
  LadderReadinessRule rule;

  if (current == NULL || (next = ladder_framework_get_next_level (framework, current)) == NULL)
    return FALSE;

  rule = ladder_framework_get_readiness_rule (framework);
  ladder_profile_count_shown (self,
                              rule == LADDER_READINESS_NEXT_SHARE ? ladder_level_get_id (next) : current,
                              category, rater, shown, total);

  if (rule == LADDER_READINESS_CURRENT_ALL)
    *needed = *total;
  else
    *needed = count_needed (*total, ladder_framework_get_readiness_percent (framework));

  return TRUE;
}

/**
 * ladder_profile_is_ready:
 * @self: a #LadderProfile
 * @rater: whose ratings to count
 *
 * Whether the profile is ready for the next level, by the framework's
 * rule (ladder_framework_get_readiness_rule()): a share of the current
 * level shown (%LADDER_READINESS_DEFAULT_PERCENT, 80 %, unless the
 * framework says otherwise), every behaviour of it, or a share of the
 * next level. There must be a level after the current one, and a level
 * with nothing to count (every behaviour not applicable) is not ready.
 *
 * Returns: %TRUE when ready
 */
gboolean
ladder_profile_is_ready (LadderProfile *self,
                         LadderRater    rater)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), FALSE);

  return ladder_profile_is_ready_in_category (self, NULL, rater);
}

/**
 * ladder_profile_is_ready_in_category:
 * @self: a #LadderProfile
 * @category: (nullable): a category id, or %NULL for all
 * @rater: whose ratings to count
 *
 * Whether the framework's readiness rule holds for the behaviours of one
 * category, as ladder_profile_is_ready() says for all of them.
 *
 * Returns: %TRUE when ready
 */
gboolean
ladder_profile_is_ready_in_category (LadderProfile *self,
                                     const char    *category,
                                     LadderRater    rater)
{
  guint shown, total, needed;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), FALSE);

  if (!count_for_ready (self, category, rater, &shown, &total, &needed))
    return FALSE;

  return total > 0 && shown >= needed;
}

/**
 * ladder_profile_count_missing_for_ready:
 * @self: a #LadderProfile
 * @rater: whose ratings to count
 *
 * How many more behaviours must be shown for ladder_profile_is_ready() to
 * hold: of the current level, or of the next one when the framework's
 * rule is %LADDER_READINESS_NEXT_SHARE. Not-applicable behaviours leave
 * the total, as everywhere.
 *
 * Returns: the number, 0 when the profile is ready or has no current
 *   level, no next level or nothing to count
 */
guint
ladder_profile_count_missing_for_ready (LadderProfile *self,
                                        LadderRater    rater)
{
  guint shown, total, needed;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), 0);

  if (!count_for_ready (self, NULL, rater, &shown, &total, &needed))
    return 0;

  return needed > shown ? needed - shown : 0;
}
