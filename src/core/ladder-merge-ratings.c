/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderMerge: ratings, merged side by side (self and manager) by the
 * time each side was given, keyed by behaviour and never deleted. */

#define G_LOG_DOMAIN "ladder-merge"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ladder-merge-private.h"
#include "ladder-profile-private.h"

/* Ratings {{{1 */

/* A behaviour as a person knows it: its text, shortened. */
static char *
describe_behaviour (LadderProfile *profile,
                    const char    *behaviour_id)
{
  LadderBehaviour *behaviour;
  const char *text;

  behaviour = ladder_framework_find_behaviour (ladder_profile_get_framework (profile),
                                               behaviour_id);
  text = behaviour != NULL ? ladder_behaviour_get_text (behaviour) : NULL;
  if (text == NULL || *text == '\0')
    return g_strdup (behaviour_id);

  if (g_utf8_strlen (text, -1) > 60)
    {
      g_autofree char *start = g_utf8_substring (text, 0, 59);

      return g_strconcat (start, "…", NULL);
    }

  return g_strdup (text);
}

/* > 0 when @theirs wins @rater's side over @ours. */
static int
compare_rating_sides (LadderRating *ours,
                      LadderRating *theirs,
                      LadderRater   rater)
{
  LadderRatingValue ours_value = ours != NULL ? ladder_rating_get_value (ours, rater) : 0;
  LadderRatingValue theirs_value = theirs != NULL ? ladder_rating_get_value (theirs, rater) : 0;
  GDateTime *ours_updated = ours != NULL ? ladder_rating_get_updated (ours, rater) : NULL;
  GDateTime *theirs_updated = theirs != NULL ? ladder_rating_get_updated (theirs, rater) : NULL;

  /* A side cleared has a stamp and no value: it wins like any rating,
   * so that clearing a rating on one copy survives a merge with an older
   * rating. */
  return _ladder_merge_compare_stamped (ours_updated, theirs_updated,
                                        (int) theirs_value - (int) ours_value);
}

static GDateTime *
rating_newest (LadderRating *rating)
{
  GDateTime *self_updated, *manager_updated;

  if (rating == NULL)
    return NULL;

  self_updated = ladder_rating_get_updated (rating, LADDER_RATER_SELF);
  manager_updated = ladder_rating_get_updated (rating, LADDER_RATER_MANAGER);

  return _ladder_merge_compare_times (self_updated, manager_updated) >= 0 ?
         self_updated : manager_updated;
}

/* What a rating holds beside its sides (members a newer version wrote)
 * goes with the copy whose rating of the behaviour changed last; > 0 when
 * that is @theirs. */
static int
compare_rating_newest (LadderRating *ours,
                       LadderRating *theirs)
{
  return _ladder_merge_compare_times (rating_newest (theirs), rating_newest (ours));
}

static const char *
rating_get_id (gpointer item)
{
  return ladder_rating_get_behaviour_id (item);
}

static void
reorder_ratings (gpointer    container,
                 GHashTable *position)
{
  _ladder_profile_reorder (container, "ratings", position);
}

static int
order_ratings (const char *a,
               const char *b,
               gpointer    user_data)
{
  return strcmp (a, b);
}

void
_ladder_merge_ratings (LadderMerge *self)
{
  g_autoptr (GPtrArray) ours_ids = g_ptr_array_new ();
  g_autoptr (GPtrArray) theirs_ids = g_ptr_array_new ();
  g_autoptr (GPtrArray) merged = NULL;
  GListModel *model;
  guint n;

  model = ladder_profile_get_ratings (self->ours);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderRating) rating = g_list_model_get_item (model, i);

      g_ptr_array_add (ours_ids, (gpointer) rating_get_id (rating));
    }

  model = ladder_profile_get_ratings (self->theirs);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderRating) theirs = g_list_model_get_item (model, i);
      const char *id = rating_get_id (theirs);
      LadderRating *ours = ladder_profile_get_rating (self->ours, id);
      g_autofree char *behaviour = NULL;
      gboolean extra_wins;

      if (!_ladder_merge_has_behaviour (self, id))
        {
          _ladder_merge_add_change (self, _("Left out the ratings of behaviour “%s”, which this copy’s framework lacks"), id);
          continue;
        }

      g_ptr_array_add (theirs_ids, (gpointer) id);
      behaviour = describe_behaviour (self->ours, id);
      /* Before the sides change the stamps it compares. */
      extra_wins = compare_rating_newest (ours, theirs) > 0;

      for (LadderRater rater = LADDER_RATER_SELF; rater <= LADDER_RATER_MANAGER; rater++)
        {
          LadderRatingValue before, after;
          const char *note = ladder_rating_get_note (theirs, rater);
          const char *our_note = ours != NULL ? ladder_rating_get_note (ours, rater) : NULL;
          int side = compare_rating_sides (ours, theirs, rater);

          /* A side's note goes with its value; the same side given at the
           * same time with two notes keeps the later in byte order, on
           * both copies alike. */
          if (side == 0 && ladder_rating_get_updated (theirs, rater) != NULL &&
              g_strcmp0 (note, our_note) > 0)
            side = 1;
          if (side <= 0)
            continue;

          if (g_strcmp0 (note, our_note) != 0)
            {
              if (rater == LADDER_RATER_SELF)
                _ladder_merge_add_change (self, _("Self note on “%s”"), behaviour);
              else
                _ladder_merge_add_change (self, _("Manager note on “%s”"), behaviour);
            }

          before = ours != NULL ? ladder_rating_get_value (ours, rater) : LADDER_RATING_UNRATED;
          after = ladder_rating_get_value (theirs, rater);
          if (before != after)
            {
              if (rater == LADDER_RATER_SELF)
                /* Translators: the engineer's own rating of a behaviour, from one value to another */
                _ladder_merge_add_change (self, _("Self rating of “%s”: %s → %s"), behaviour,
                                          ladder_rating_value_get_label (before),
                                          ladder_rating_value_get_label (after));
              else
                _ladder_merge_add_change (self, _("Manager rating of “%s”: %s → %s"), behaviour,
                                          ladder_rating_value_get_label (before),
                                          ladder_rating_value_get_label (after));
            }

          if (self->applying && ours != NULL)
            {
              ladder_rating_set_value (ours, rater, after, ladder_rating_get_updated (theirs, rater));
              ladder_rating_set_note (ours, rater, note);
            }
        }

      if (extra_wins && self->applying && ours != NULL)
        _ladder_merge_copy_extra (theirs, ours);
    }

  if (!self->applying)
    return;

  merged = _ladder_merge_order (ours_ids, theirs_ids, order_ratings, NULL);
  for (guint i = 0; i < merged->len; i++)
    {
      const char *id = merged->pdata[i];
      g_autoptr (LadderRating) rating = NULL;
      LadderRating *theirs;

      if (ladder_profile_get_rating (self->ours, id) != NULL)
        continue;

      theirs = ladder_profile_get_rating (self->theirs, id);
      rating = ladder_rating_new (id);
      for (LadderRater rater = LADDER_RATER_SELF; rater <= LADDER_RATER_MANAGER; rater++)
        {
          GDateTime *updated = ladder_rating_get_updated (theirs, rater);

          if (updated != NULL)
            ladder_rating_set_value (rating, rater, ladder_rating_get_value (theirs, rater),
                                     updated);
          ladder_rating_set_note (rating, rater, ladder_rating_get_note (theirs, rater));
        }
      _ladder_merge_copy_extra (theirs, rating);
      _ladder_profile_insert_rating (self->ours, i, rating);
    }

  _ladder_merge_reorder_if_needed (self->ours, ladder_profile_get_ratings (self->ours),
                                   rating_get_id, merged, reorder_ratings);
}

/* vim:set foldmethod=marker: */
