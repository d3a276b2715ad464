/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderProfile: the ratings, one per behaviour rated by either side.
 * The type is in ladder-profile.c; ladder-profile-struct-private.h says
 * what each file of it does. */

#define G_LOG_DOMAIN "ladder-profile"

#include "config.h"

#include "ladder-profile.h"
#include "ladder-model-private.h"
#include "ladder-profile-private.h"
#include "ladder-profile-struct-private.h"

void
_ladder_profile_rating_notify_cb (LadderRating  *rating,
                                  GParamSpec    *pspec,
                                  LadderProfile *self)
{
  _ladder_profile_mark_changed (self);
}

/**
 * ladder_profile_get_ratings:
 * @self: a #LadderProfile
 *
 * Returns: (transfer none): the ratings (#LadderRating) of the behaviours
 *   that have one, in the order they were first rated
 */
GListModel *
ladder_profile_get_ratings (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->ratings);
}

/**
 * ladder_profile_get_rating:
 * @self: a #LadderProfile
 * @behaviour_id: a behaviour id
 *
 * Returns: (transfer none) (nullable): the rating of @behaviour_id, or
 *   %NULL when nobody rated it
 */
LadderRating *
ladder_profile_get_rating (LadderProfile *self,
                           const char    *behaviour_id)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);
  g_return_val_if_fail (behaviour_id != NULL, NULL);

  return g_hash_table_lookup (self->rating_by_id, behaviour_id);
}

/**
 * ladder_profile_ensure_rating:
 * @self: a #LadderProfile
 * @behaviour_id: a behaviour id
 *
 * Gets the rating of @behaviour_id, adding an empty one when there is
 * none.
 *
 * Returns: (transfer none): the rating, owned by @self
 */
LadderRating *
ladder_profile_ensure_rating (LadderProfile *self,
                              const char    *behaviour_id)
{
  g_autoptr (LadderRating) rating = NULL;
  LadderRating *found;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);
  g_return_val_if_fail (behaviour_id != NULL, NULL);

  found = g_hash_table_lookup (self->rating_by_id, behaviour_id);
  if (found != NULL)
    return found;

  rating = ladder_rating_new (behaviour_id);
  g_hash_table_insert (self->rating_by_id,
                       (char *) ladder_rating_get_behaviour_id (rating),
                       rating);
  g_signal_connect (rating, "notify", G_CALLBACK (_ladder_profile_rating_notify_cb), self);
  g_list_store_append (self->ratings, rating);
  _ladder_profile_mark_changed (self);

  /* The store holds the reference. */
  return rating;
}

/**
 * ladder_profile_get_rating_value:
 * @self: a #LadderProfile
 * @behaviour_id: a behaviour id
 * @rater: whose rating
 *
 * Returns: @rater's rating of @behaviour_id; %LADDER_RATING_UNRATED when
 *   there is none
 */
LadderRatingValue
ladder_profile_get_rating_value (LadderProfile *self,
                                 const char    *behaviour_id,
                                 LadderRater    rater)
{
  LadderRating *rating;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), LADDER_RATING_UNRATED);
  g_return_val_if_fail (behaviour_id != NULL, LADDER_RATING_UNRATED);

  rating = g_hash_table_lookup (self->rating_by_id, behaviour_id);
  if (rating == NULL)
    return LADDER_RATING_UNRATED;

  return ladder_rating_get_value (rating, rater);
}

/**
 * ladder_profile_rate:
 * @self: a #LadderProfile
 * @behaviour_id: a behaviour id
 * @rater: whose rating
 * @value: the new value
 *
 * Sets one side's rating of @behaviour_id, stamped now, adding the
 * rating when there is none. Emits #LadderProfile::changed once if
 * anything changed.
 */
void
ladder_profile_rate (LadderProfile     *self,
                     const char        *behaviour_id,
                     LadderRater        rater,
                     LadderRatingValue  value)
{
  LadderRating *rating;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (behaviour_id != NULL);

  _ladder_profile_begin_change (self);
  rating = ladder_profile_ensure_rating (self, behaviour_id);
  ladder_rating_set_value (rating, rater, value, NULL);
  _ladder_profile_end_change (self);
}

/**
 * ladder_profile_rate_with_note:
 * @self: a #LadderProfile
 * @behaviour_id: the behaviour rated
 * @rater: whose rating
 * @value: the new value
 * @note: (nullable): the side's note with it; %NULL or empty for none
 *
 * Sets one side's rating and its note as one change, stamped now: how a
 * behaviour is marked not applicable, with why, and how a side moves on
 * from that (with no note).
 */
void
ladder_profile_rate_with_note (LadderProfile     *self,
                               const char        *behaviour_id,
                               LadderRater        rater,
                               LadderRatingValue  value,
                               const char        *note)
{
  LadderRating *rating;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (behaviour_id != NULL);

  _ladder_profile_begin_change (self);
  rating = ladder_profile_ensure_rating (self, behaviour_id);
  ladder_rating_set_value_with_note (rating, rater, value, note);
  _ladder_profile_end_change (self);
}

void
_ladder_profile_insert_rating (LadderProfile *self,
                               guint          position,
                               LadderRating  *rating)
{
  const char *id;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_RATING (rating));

  id = ladder_rating_get_behaviour_id (rating);
  g_return_if_fail (!g_hash_table_contains (self->rating_by_id, id));

  g_hash_table_insert (self->rating_by_id, (char *) id, rating);
  g_signal_connect (rating, "notify", G_CALLBACK (_ladder_profile_rating_notify_cb), self);
  g_list_store_insert (self->ratings,
                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->ratings))),
                       rating);
  _ladder_profile_mark_changed (self);
}
