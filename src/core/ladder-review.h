/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ladder-profile.h"

G_BEGIN_DECLS

/**
 * LadderRatingChange:
 * @behaviour_id: the behaviour whose rating changed
 * @rater: whose rating
 * @before: its value at the earlier check-in (%LADDER_RATING_UNRATED when
 *   there was none)
 * @after: its value now, or at the later check-in
 * @direction: 1 when it went up the scale, -1 when down, 0 when it moved
 *   to or from "not-applicable", which is off the scale
 *
 * One side's rating of one behaviour that differs between two moments.
 */
typedef struct
{
  const char        *behaviour_id;
  LadderRater        rater;
  LadderRatingValue  before;
  LadderRatingValue  after;
  int                direction;
} LadderRatingChange;

/**
 * LadderRatingGap:
 * @behaviour_id: the behaviour
 * @self_value: the engineer's rating
 * @manager_value: the manager's rating
 * @size: how far apart they are, as ladder_rating_value_distance()
 *   says: the steps of the scale between them (1 or 2), or 1 when one
 *   side is "not-applicable", as in Compare mode
 *
 * A behaviour that both sides rated, differently.
 */
typedef struct
{
  const char        *behaviour_id;
  LadderRatingValue  self_value;
  LadderRatingValue  manager_value;
  guint              size;
} LadderRatingGap;

/* What a check-in looks back on: the changes since the one before it. An
 * immutable copy of the figures; the actions and evidence it lists are
 * the profile's own objects (referenced), so that ticking an open action
 * done edits the profile. */
typedef struct _LadderReview LadderReview;

#define LADDER_TYPE_REVIEW (ladder_review_get_type ())
GType                     ladder_review_get_type          (void) G_GNUC_CONST;
LadderReview             *ladder_review_new               (LadderProfile *profile,
                                                           LadderCheckin *checkin);
LadderReview             *ladder_review_ref               (LadderReview  *review);
void                      ladder_review_unref             (LadderReview  *review);
LadderCheckin            *ladder_review_get_previous      (LadderReview  *review);
guint                     ladder_review_get_n_changes     (LadderReview  *review);
const LadderRatingChange *ladder_review_get_change        (LadderReview  *review,
                                                           guint          index);
GPtrArray                *ladder_review_get_new_evidence  (LadderReview  *review);
GPtrArray                *ladder_review_get_done_actions  (LadderReview  *review);
GPtrArray                *ladder_review_get_open_actions  (LadderReview  *review);
GPtrArray                *ladder_review_get_topics        (LadderReview  *review);
guint                     ladder_review_get_n_gaps        (LadderReview  *review);
const LadderRatingGap    *ladder_review_get_gap           (LadderReview  *review,
                                                           guint          index);
/* How many behaviours each side, and both, had rated: why there are no
 * gaps, when there are none. */
guint                     ladder_review_count_rated       (LadderReview  *review,
                                                           LadderRater    rater);
guint                     ladder_review_count_rated_by_both (LadderReview *review);

/* Check-ins in date order (the order added among equal dates), live ones
 * only: a new array of the profile's objects. */
GPtrArray                *ladder_profile_list_checkins_by_date (LadderProfile *profile);
LadderCheckin            *ladder_profile_get_last_checkin (LadderProfile *profile);
LadderCheckin            *ladder_profile_start_checkin    (LadderProfile *profile);
void                      ladder_profile_finish_checkin   (LadderProfile *profile,
                                                           LadderCheckin *checkin);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderReview, ladder_review_unref)

G_END_DECLS
