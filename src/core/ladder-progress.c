/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-progress"

#include "config.h"

#include "ladder-progress.h"

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

/**
 * ladder_profile_is_ready:
 * @self: a #LadderProfile
 * @rater: whose ratings to count
 *
 * Whether the profile is ready for the next level: the current level is
 * at least %LADDER_READY_SHARE (80 %) shown and there is a level after it.
 * A current level with nothing to count (every behaviour not applicable)
 * is not ready.
 *
 * Returns: %TRUE when ready
 */
gboolean
ladder_profile_is_ready (LadderProfile *self,
                         LadderRater    rater)
{
  LadderFramework *framework;
  const char *current;
  guint shown, total;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), FALSE);

  framework = ladder_profile_get_framework (self);
  current = ladder_profile_get_current_level (self);

  if (current == NULL || ladder_framework_get_next_level (framework, current) == NULL)
    return FALSE;

  ladder_profile_count_shown (self, current, NULL, rater, &shown, &total);

  /* shown / total ≥ LADDER_READY_SHARE, which is 8/10 */
  return total > 0 && (guint64) shown * 10 >= (guint64) total * 8;
}

/**
 * ladder_profile_count_missing_for_ready:
 * @self: a #LadderProfile
 * @rater: whose ratings to count
 *
 * How many more behaviours of the current level must be shown for
 * ladder_profile_is_ready() to hold: the smallest n with
 * (shown + n) / total ≥ %LADDER_READY_SHARE. Not-applicable behaviours
 * leave the total, as everywhere.
 *
 * Returns: the number, 0 when the profile is ready or has no current
 *   level, no next level or nothing to count
 */
guint
ladder_profile_count_missing_for_ready (LadderProfile *self,
                                        LadderRater    rater)
{
  LadderFramework *framework;
  const char *current;
  guint shown, total;
  guint64 needed;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), 0);

  framework = ladder_profile_get_framework (self);
  current = ladder_profile_get_current_level (self);

  if (current == NULL || ladder_framework_get_next_level (framework, current) == NULL)
    return 0;

  ladder_profile_count_shown (self, current, NULL, rater, &shown, &total);

  /* ceil (total × 8 / 10), in whole numbers like is_ready(). */
  needed = ((guint64) total * 8 + 9) / 10;

  return needed > shown ? (guint) (needed - shown) : 0;
}
