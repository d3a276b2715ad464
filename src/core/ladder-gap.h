/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ladder-profile.h"

G_BEGIN_DECLS

#define LADDER_TYPE_GAP (ladder_gap_get_type ())
G_DECLARE_FINAL_TYPE (LadderGap, ladder_gap, LADDER, GAP, GObject)

/* One behaviour that the engineer and the manager rate differently: an
 * item of the agenda of a calibration talk.
 *
 * Read-only properties: "behaviour" (LadderBehaviour), "category"
 * (LadderCategory), "self" and "manager" (LadderRatingValue), "size" (how
 * far apart the two are, 1 or 2), "category-rank" (the place of its
 * category in the agenda: 0 for the category with the largest total gap)
 * and "category-size" (that total). */
LadderBehaviour   *ladder_gap_get_behaviour     (LadderGap   *self);
LadderCategory    *ladder_gap_get_category      (LadderGap   *self);
LadderRatingValue  ladder_gap_get_value         (LadderGap   *self,
                                                 LadderRater  rater);
guint              ladder_gap_get_size          (LadderGap   *self);
guint              ladder_gap_get_category_rank (LadderGap   *self);
guint              ladder_gap_get_category_size (LadderGap   *self);

/* How far apart two ratings are: 0 when they agree or when either side is
 * unrated (no opinion is not a disagreement); the steps between them on
 * not-yet < sometimes < consistently; 1 when only one side finds the
 * behaviour not applicable. */
guint              ladder_rating_value_distance        (LadderRatingValue a,
                                                        LadderRatingValue b);

/* Every behaviour whose two ratings differ, as LadderGap, grouped by
 * category: categories in order of their total gap (largest first), and in
 * each, behaviours from the largest gap down; ties keep the framework's
 * reading order. A new array. */
GPtrArray         *ladder_profile_list_rating_gaps     (LadderProfile   *profile);

/* How many of the framework's behaviours @rater has rated (not-applicable
 * included), and how many both sides have: what says why there are no
 * gaps, when there are none. */
guint              ladder_profile_count_rated          (LadderProfile   *profile,
                                                        LadderRater      rater);
guint              ladder_profile_count_rated_by_both  (LadderProfile   *profile);

G_END_DECLS
