/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-review"

#include "config.h"

#include "ladder-profile-private.h"
#include "ladder-review.h"

#include "ladder-gap.h"
#include "ladder-time-private.h"

/* What a check-in looks back on.
 *
 * A check-in being held is a draft that lives outside the profile;
 * ladder_profile_finish_checkin() stores its snapshot and adds it. So
 * every check-in of a profile is a finished one, and "the last check-in"
 * is the latest of them by date.
 *
 * A review of a draft (or of no check-in) compares the ratings now with
 * the last check-in's snapshot; a review of a past check-in compares its
 * snapshot with the one before it, so that opening it later shows what
 * was talked about then. With no earlier check-in, every rating counts as
 * a change from unrated. */

struct _LadderReview
{
  gatomicrefcount  ref_count;
  LadderCheckin   *previous;
  GArray          *changes;       /* LadderRatingChange */
  GArray          *gaps;          /* LadderRatingGap */
  guint            n_rated[2];    /* behaviours each side rated */
  guint            n_rated_by_both;
  GPtrArray       *new_evidence;  /* LadderEvidence, by date */
  GPtrArray       *done_actions;  /* LadderAction */
  GPtrArray       *open_actions;  /* LadderAction */
  GPtrArray       *topics;        /* LadderTopic */
  GStringChunk    *ids;
};

G_DEFINE_BOXED_TYPE (LadderReview, ladder_review, ladder_review_ref, ladder_review_unref)

/* The place of a value on the scale; -1 for not-applicable, off it. */
static int
rank (LadderRatingValue value)
{
  switch (value)
    {
    case LADDER_RATING_UNRATED:
      return 0;
    case LADDER_RATING_NOT_YET:
      return 1;
    case LADDER_RATING_SOMETIMES:
      return 2;
    case LADDER_RATING_CONSISTENTLY:
      return 3;
    case LADDER_RATING_NOT_APPLICABLE:
    default:
      return -1;
    }
}

/* Undated ones first; g_date_compare() needs two valid dates. */
static int
compare_dates (const GDate *a,
               const GDate *b)
{
  gboolean va = a != NULL && g_date_valid (a);
  gboolean vb = b != NULL && g_date_valid (b);

  if (!va || !vb)
    return (int) va - (int) vb;

  return g_date_compare (a, b);
}

static int
compare_checkins (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  LadderCheckin *ca = *(LadderCheckin * const *) a;
  LadderCheckin *cb = *(LadderCheckin * const *) b;

  return compare_dates (ladder_checkin_get_date (ca), ladder_checkin_get_date (cb));
}

static int
compare_evidence (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  LadderEvidence *ea = *(LadderEvidence * const *) a;
  LadderEvidence *eb = *(LadderEvidence * const *) b;

  return compare_dates (ladder_evidence_get_date (ea), ladder_evidence_get_date (eb));
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const LadderRatingGap *ga = a;
  const LadderRatingGap *gb = b;

  /* Largest first; the sort is stable, so the framework's order stays
   * within one size. */
  return (ga->size < gb->size) - (ga->size > gb->size);
}

/**
 * ladder_profile_list_checkins_by_date:
 * @profile: a #LadderProfile
 *
 * Returns: (transfer container) (element-type LadderCheckin): the live
 *   check-ins from the oldest to the latest; among equal dates, in the
 *   order they were added
 */
GPtrArray *
ladder_profile_list_checkins_by_date (LadderProfile *profile)
{
  GListModel *checkins;
  GPtrArray *sorted;
  guint n;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  checkins = ladder_profile_get_checkins (profile);
  n = g_list_model_get_n_items (checkins);
  sorted = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_list_model_get_item (checkins, i));

  /* g_sort_array() is stable. */
  g_sort_array (sorted->pdata, sorted->len, sizeof (gpointer), compare_checkins, NULL);

  return sorted;
}

/**
 * ladder_profile_get_last_checkin:
 * @profile: a #LadderProfile
 *
 * Returns: (transfer none) (nullable): the latest check-in by date (the
 *   one added last among equal dates), or %NULL when there is none
 */
LadderCheckin *
ladder_profile_get_last_checkin (LadderProfile *profile)
{
  g_autoptr(GPtrArray) sorted = NULL;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  sorted = ladder_profile_list_checkins_by_date (profile);
  if (sorted->len == 0)
    return NULL;

  /* The profile holds a reference of its own. */
  return g_ptr_array_index (sorted, sorted->len - 1);
}

/**
 * ladder_profile_start_checkin:
 * @profile: a #LadderProfile
 *
 * Makes a check-in dated today with a new UUID, not yet part of
 * @profile: a draft to fill in and hand to
 * ladder_profile_finish_checkin().
 *
 * Returns: (transfer full): a new #LadderCheckin
 */
LadderCheckin *
ladder_profile_start_checkin (LadderProfile *profile)
{
  g_autoptr(GDate) today = NULL;
  LadderCheckin *checkin;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  checkin = ladder_checkin_new (NULL);
  today = _ladder_date_new_today ();
  ladder_checkin_set_date (checkin, today);

  return checkin;
}

/**
 * ladder_profile_finish_checkin:
 * @profile: a #LadderProfile
 * @checkin: a check-in started with ladder_profile_start_checkin(), or
 *   one of @profile's
 *
 * Stores the snapshot of every rating of @profile now in @checkin
 * (replacing any it had), moves its "modified" to now and adds it to
 * @profile if it is not there yet. Emits #LadderProfile::changed once.
 */
void
ladder_profile_finish_checkin (LadderProfile *profile,
                               LadderCheckin *checkin)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GDateTime) now = NULL;
  GListModel *ratings;
  guint n;

  g_return_if_fail (LADDER_IS_PROFILE (profile));
  g_return_if_fail (LADDER_IS_CHECKIN (checkin));

  _ladder_profile_begin_change (profile);

  old = ladder_checkin_list_snapshot (checkin);
  for (guint i = 0; old[i] != NULL; i++)
    ladder_checkin_set_snapshot (checkin, old[i], LADDER_RATING_UNRATED, LADDER_RATING_UNRATED);

  ratings = ladder_profile_get_ratings (profile);
  n = g_list_model_get_n_items (ratings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderRating) rating = g_list_model_get_item (ratings, i);

      ladder_checkin_set_snapshot (checkin, ladder_rating_get_behaviour_id (rating),
                                   ladder_rating_get_value (rating, LADDER_RATER_SELF),
                                   ladder_rating_get_value (rating, LADDER_RATER_MANAGER));
    }

  now = g_date_time_new_now_utc ();
  ladder_checkin_set_modified (checkin, now);

  if (ladder_profile_find_checkin (profile, ladder_checkin_get_id (checkin)) != checkin)
    ladder_profile_add_checkin (profile, checkin);

  _ladder_profile_end_change (profile);
}

static LadderRatingValue
value_at (LadderProfile *profile,
          LadderCheckin *checkin,
          const char    *behaviour_id,
          LadderRater    rater)
{
  if (checkin == NULL)
    return ladder_profile_get_rating_value (profile, behaviour_id, rater);

  return ladder_checkin_get_snapshot (checkin, behaviour_id, rater);
}

static void
add_open_actions (LadderReview  *review,
                  LadderCheckin *checkin)
{
  GListModel *actions = ladder_checkin_get_actions (checkin);
  guint n = g_list_model_get_n_items (actions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderAction) action = g_list_model_get_item (actions, i);

      if (!ladder_action_get_done (action))
        g_ptr_array_add (review->open_actions, g_object_ref (action));
    }
}

/* Actions ticked done after @since (the earlier check-in's finish) and no
 * later than @until: by their "modified" stamp, which ticking moves. */
static void
add_done_actions (LadderReview  *review,
                  LadderCheckin *checkin,
                  GDateTime     *since,
                  GDateTime     *until)
{
  GListModel *actions = ladder_checkin_get_actions (checkin);
  guint n = g_list_model_get_n_items (actions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderAction) action = g_list_model_get_item (actions, i);
      GDateTime *modified = ladder_action_get_modified (action);

      if (!ladder_action_get_done (action))
        continue;
      if (since != NULL && (modified == NULL || g_date_time_compare (modified, since) <= 0))
        continue;
      if (until != NULL && modified != NULL && g_date_time_compare (modified, until) > 0)
        continue;

      g_ptr_array_add (review->done_actions, g_object_ref (action));
    }
}

/**
 * ladder_review_new:
 * @profile: a #LadderProfile
 * @checkin: (nullable): one of @profile's check-ins, or a draft that is
 *   not (yet) part of it, or %NULL
 *
 * Works out what a check-in looks back on.
 *
 * For a draft or %NULL, against the ratings now: the ratings that went
 * up or down since the last check-in's snapshot (self and manager; every
 * rated behaviour when there is no check-in yet), the evidence dated
 * after the last check-in's date, the actions ticked done since it was
 * finished, the open actions of every check-in, the open agenda topics,
 * and the gaps between the two ratings now.
 *
 * For a check-in of @profile, the same as it was then: its snapshot
 * against the check-in before it, the evidence dated between the two,
 * the actions ticked done between them, the actions of earlier check-ins
 * still open, and the gaps in its snapshot.
 *
 * Changes and gaps follow the framework's order; gaps the largest first.
 *
 * Returns: (transfer full): a new review
 */
LadderReview *
ladder_review_new (LadderProfile *profile,
                   LadderCheckin *checkin)
{
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) behaviours = NULL;
  LadderReview *review;
  LadderCheckin *past = NULL;   /* the check-in reviewed, when finished */
  LadderCheckin *previous = NULL;
  const GDate *since_date = NULL;
  const GDate *until_date = NULL;
  GDateTime *since = NULL;
  GDateTime *until = NULL;
  guint end;
  GListModel *evidence;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (checkin == NULL || LADDER_IS_CHECKIN (checkin), NULL);

  review = g_new0 (LadderReview, 1);
  g_atomic_ref_count_init (&review->ref_count);
  review->changes = g_array_new (FALSE, FALSE, sizeof (LadderRatingChange));
  review->gaps = g_array_new (FALSE, FALSE, sizeof (LadderRatingGap));
  review->new_evidence = g_ptr_array_new_with_free_func (g_object_unref);
  review->done_actions = g_ptr_array_new_with_free_func (g_object_unref);
  review->open_actions = g_ptr_array_new_with_free_func (g_object_unref);
  review->topics = g_ptr_array_new_with_free_func (g_object_unref);
  review->ids = g_string_chunk_new (1024);

  sorted = ladder_profile_list_checkins_by_date (profile);
  end = sorted->len;
  if (checkin != NULL && g_ptr_array_find (sorted, checkin, &end))
    past = checkin;
  if (end > 0)
    previous = g_ptr_array_index (sorted, end - 1);
  review->previous = previous != NULL ? g_object_ref (previous) : NULL;

  if (previous != NULL)
    {
      since_date = ladder_checkin_get_date (previous);
      since = ladder_checkin_get_modified (previous);
    }
  if (past != NULL)
    {
      until_date = ladder_checkin_get_date (past);
      until = ladder_checkin_get_modified (past);
    }

  /* Ratings, both sides, and the gaps between them. */
  behaviours = ladder_framework_list_behaviours (ladder_profile_get_framework (profile), NULL, NULL);
  for (guint i = 0; behaviours != NULL && i < behaviours->len; i++)
    {
      const char *id = ladder_behaviour_get_id (g_ptr_array_index (behaviours, i));
      LadderRatingValue after[2];
      const char *interned = NULL;

      for (guint rater = 0; rater < 2; rater++)
        {
          LadderRatingValue before = previous != NULL
            ? ladder_checkin_get_snapshot (previous, id, (LadderRater) rater)
            : LADDER_RATING_UNRATED;
          LadderRatingChange change;
          int rb, ra;

          after[rater] = value_at (profile, past, id, (LadderRater) rater);
          if (after[rater] == before)
            continue;

          if (interned == NULL)
            interned = g_string_chunk_insert_const (review->ids, id);
          rb = rank (before);
          ra = rank (after[rater]);
          change.behaviour_id = interned;
          change.rater = (LadderRater) rater;
          change.before = before;
          change.after = after[rater];
          change.direction = (rb < 0 || ra < 0) ? 0 : (ra > rb ? 1 : -1);
          g_array_append_val (review->changes, change);
        }

      review->n_rated[0] += after[0] != LADDER_RATING_UNRATED;
      review->n_rated[1] += after[1] != LADDER_RATING_UNRATED;
      review->n_rated_by_both += after[0] != LADDER_RATING_UNRATED && after[1] != LADDER_RATING_UNRATED;

      if (after[0] != LADDER_RATING_UNRATED && after[1] != LADDER_RATING_UNRATED &&
          after[0] != after[1])
        {
          LadderRatingGap gap;

          if (interned == NULL)
            interned = g_string_chunk_insert_const (review->ids, id);
          gap.behaviour_id = interned;
          gap.self_value = after[0];
          gap.manager_value = after[1];
          gap.size = ladder_rating_value_distance (after[0], after[1]);
          g_array_append_val (review->gaps, gap);
        }
    }
  g_sort_array (review->gaps->data, review->gaps->len, sizeof (LadderRatingGap), compare_gaps, NULL);

  /* Evidence dated after the previous check-in, up to the reviewed one. */
  evidence = ladder_profile_get_evidence (profile);
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(LadderEvidence) entry = g_list_model_get_item (evidence, i);
      const GDate *date = ladder_evidence_get_date (entry);

      if (since_date != NULL && compare_dates (date, since_date) <= 0)
        continue;
      if (until_date != NULL && compare_dates (date, until_date) > 0)
        continue;

      g_ptr_array_add (review->new_evidence, g_steal_pointer (&entry));
    }
  g_sort_array (review->new_evidence->pdata, review->new_evidence->len, sizeof (gpointer),
                compare_evidence, NULL);

  /* Actions: those still open from the check-ins before, and those ticked
   * done in between. */
  for (guint i = 0; i < end; i++)
    {
      LadderCheckin *earlier = g_ptr_array_index (sorted, i);

      add_open_actions (review, earlier);
      add_done_actions (review, earlier, since, until);
    }

  /* The agenda: what is open now and what this check-in ticked off; of a
   * past check-in, what it ticked off. */
  {
    GListModel *topics = ladder_profile_get_topics (profile);
    const char *checkin_id = checkin != NULL ? ladder_checkin_get_id (checkin) : NULL;

    for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
      {
        g_autoptr(LadderTopic) topic = g_list_model_get_item (topics, i);
        gboolean in_this = checkin_id != NULL &&
                           g_strcmp0 (ladder_topic_get_checkin (topic), checkin_id) == 0;

        if (in_this || (past == NULL && ladder_topic_is_open (topic)))
          g_ptr_array_add (review->topics, g_steal_pointer (&topic));
      }
  }

  return review;
}

/**
 * ladder_review_ref:
 * @review: a #LadderReview
 *
 * Returns: (transfer full): @review
 */
LadderReview *
ladder_review_ref (LadderReview *review)
{
  g_return_val_if_fail (review != NULL, NULL);

  g_atomic_ref_count_inc (&review->ref_count);
  return review;
}

/**
 * ladder_review_unref:
 * @review: (transfer full): a #LadderReview
 *
 * Drops a reference; the last one frees the review.
 */
void
ladder_review_unref (LadderReview *review)
{
  g_return_if_fail (review != NULL);

  if (g_atomic_ref_count_dec (&review->ref_count))
    {
      g_clear_object (&review->previous);
      g_array_unref (review->changes);
      g_array_unref (review->gaps);
      g_ptr_array_unref (review->new_evidence);
      g_ptr_array_unref (review->done_actions);
      g_ptr_array_unref (review->open_actions);
      g_ptr_array_unref (review->topics);
      g_string_chunk_free (review->ids);
      g_free (review);
    }
}

/**
 * ladder_review_get_previous:
 * @review: a #LadderReview
 *
 * Returns: (transfer none) (nullable): the check-in compared against, or
 *   %NULL when there was none before
 */
LadderCheckin *
ladder_review_get_previous (LadderReview *review)
{
  g_return_val_if_fail (review != NULL, NULL);

  return review->previous;
}

/**
 * ladder_review_get_n_changes:
 * @review: a #LadderReview
 *
 * Returns: how many ratings changed (a behaviour whose two sides both
 *   changed counts twice)
 */
guint
ladder_review_get_n_changes (LadderReview *review)
{
  g_return_val_if_fail (review != NULL, 0);

  return review->changes->len;
}

/**
 * ladder_review_get_change:
 * @review: a #LadderReview
 * @index: below ladder_review_get_n_changes()
 *
 * Returns: (transfer none): one changed rating
 */
const LadderRatingChange *
ladder_review_get_change (LadderReview *review,
                          guint         index)
{
  g_return_val_if_fail (review != NULL, NULL);
  g_return_val_if_fail (index < review->changes->len, NULL);

  return &g_array_index (review->changes, LadderRatingChange, index);
}

/**
 * ladder_review_get_new_evidence:
 * @review: a #LadderReview
 *
 * Returns: (transfer none) (element-type LadderEvidence): the evidence
 *   dated since the previous check-in, oldest first
 */
GPtrArray *
ladder_review_get_new_evidence (LadderReview *review)
{
  g_return_val_if_fail (review != NULL, NULL);

  return review->new_evidence;
}

/**
 * ladder_review_get_done_actions:
 * @review: a #LadderReview
 *
 * Returns: (transfer none) (element-type LadderAction): the actions ticked
 *   done since the previous check-in
 */
GPtrArray *
ladder_review_get_done_actions (LadderReview *review)
{
  g_return_val_if_fail (review != NULL, NULL);

  return review->done_actions;
}

/**
 * ladder_review_get_open_actions:
 * @review: a #LadderReview
 *
 * Returns: (transfer none) (element-type LadderAction): the actions of the
 *   earlier check-ins not done, oldest check-in first
 */
GPtrArray *
ladder_review_get_open_actions (LadderReview *review)
{
  g_return_val_if_fail (review != NULL, NULL);

  return review->open_actions;
}

/**
 * ladder_review_get_topics:
 * @review: a #LadderReview
 *
 * The agenda of the check-in reviewed. For a draft or no check-in, the
 * topics open now, which carry over from check-in to check-in until one
 * ticks them off, and those the draft ticked off already; for a past
 * check-in, the topics it ticked off.
 *
 * Returns: (transfer none) (element-type LadderTopic): the topics, in the
 *   order added
 */
GPtrArray *
ladder_review_get_topics (LadderReview *review)
{
  g_return_val_if_fail (review != NULL, NULL);

  return review->topics;
}

/**
 * ladder_review_get_n_gaps:
 * @review: a #LadderReview
 *
 * Returns: how many behaviours the two sides rate differently
 */
guint
ladder_review_get_n_gaps (LadderReview *review)
{
  g_return_val_if_fail (review != NULL, 0);

  return review->gaps->len;
}

/**
 * ladder_review_count_rated:
 * @review: a #LadderReview
 * @rater: whose ratings to count
 *
 * How many behaviours @rater had rated at the moment reviewed: with none,
 * no gaps means nothing about agreement.
 *
 * Returns: the number of behaviours @rater rated
 */
guint
ladder_review_count_rated (LadderReview *review,
                           LadderRater   rater)
{
  g_return_val_if_fail (review != NULL, 0);

  return review->n_rated[rater == LADDER_RATER_MANAGER ? 1 : 0];
}

/**
 * ladder_review_count_rated_by_both:
 * @review: a #LadderReview
 *
 * Returns: how many behaviours both sides had rated at the moment
 *   reviewed
 */
guint
ladder_review_count_rated_by_both (LadderReview *review)
{
  g_return_val_if_fail (review != NULL, 0);

  return review->n_rated_by_both;
}

/**
 * ladder_review_get_gap:
 * @review: a #LadderReview
 * @index: below ladder_review_get_n_gaps()
 *
 * Returns: (transfer none): one gap; the largest come first
 */
const LadderRatingGap *
ladder_review_get_gap (LadderReview *review,
                       guint         index)
{
  g_return_val_if_fail (review != NULL, NULL);
  g_return_val_if_fail (index < review->gaps->len, NULL);

  return &g_array_index (review->gaps, LadderRatingGap, index);
}
