/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ladder-profile.h"

G_BEGIN_DECLS

/* Progress is computed from the ratings, never stored.
 *
 * A behaviour counts as shown when rated "consistently". Behaviours rated
 * "not-applicable" by that rater leave the total. @level and @category are
 * ids; NULL means all of them. */
void        ladder_profile_count_shown    (LadderProfile *self,
                                           const char    *level,
                                           const char    *category,
                                           LadderRater    rater,
                                           guint         *shown,
                                           guint         *total);
/* shown / total of a level (0.0 when the total is 0). */
double      ladder_profile_get_level_share (LadderProfile *self,
                                            const char    *level,
                                            LadderRater    rater);
/* The profile's progress as every view shows it: the share of its
 * current level @rater sees shown; -1.0 without a current level the
 * framework knows. One figure for the Progress page, the sub-level and
 * the Team view's card. */
double      ladder_profile_get_progress   (LadderProfile *self,
                                           LadderRater    rater,
                                           guint         *shown,
                                           guint         *total);
/* A share as the whole percent shown for it, rounded half up. */
guint       ladder_progress_to_percent    (double         share);
/* The level a summary or a review is about unless the user chooses:
 * @preferred when either side rated any of it, else, after a promotion,
 * the level it left when that one has ratings. */
const char *ladder_profile_find_rated_level (LadderProfile *self,
                                             const char    *preferred);
gboolean    ladder_profile_has_ratings_at (LadderProfile *self,
                                           const char    *level);
/* The sub-level from the level's share when the framework has sub-levels:
 * with five, 0–20 % gives the first (A), … 80–100 % the last (E); with n
 * sub-levels the share is cut into n equal bands. NULL when the framework
 * has none. */
const char *ladder_profile_get_sublevel   (LadderProfile *self,
                                           const char    *level,
                                           LadderRater    rater);
/* TRUE when the framework's readiness rule holds (see
 * ladder_framework_get_readiness_rule()) and a next level exists. With
 * @category, the rule applied to that category's behaviours alone. */
gboolean    ladder_profile_is_ready       (LadderProfile *self,
                                           LadderRater    rater);
gboolean    ladder_profile_is_ready_in_category (LadderProfile *self,
                                                 const char    *category,
                                                 LadderRater    rater);

/* How many more behaviours @rater must see shown for the profile to be
 * ready: of the current level, or of the next one under
 * LADDER_READINESS_NEXT_SHARE (0 when it is ready, or when there is
 * nothing to count). */
guint       ladder_profile_count_missing_for_ready (LadderProfile *self,
                                                    LadderRater    rater);

G_END_DECLS
