/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderProfile: the focus plan, and how far each focus has come. The
 * type is in ladder-profile.c; ladder-profile-struct-private.h says what
 * each file of it does. */

#define G_LOG_DOMAIN "ladder-profile"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ladder-profile.h"
#include "ladder-model-private.h"
#include "ladder-profile-private.h"
#include "ladder-profile-struct-private.h"

void
_ladder_profile_focus_notify_cb (LadderFocus   *focus,
                                 GParamSpec    *pspec,
                                 LadderProfile *self)
{
  _ladder_profile_mark_changed (self);
}

/**
 * ladder_profile_get_focus:
 * @self: a #LadderProfile
 *
 * Returns: (transfer none): the live focus plan (#LadderFocus), worked on
 *   and finished, in the order added
 */
GListModel *
ladder_profile_get_focus (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->focus);
}

/**
 * ladder_profile_find_focus:
 * @self: a #LadderProfile
 * @id: a focus's id
 *
 * Returns: (transfer none) (nullable): the live focus with @id, or %NULL
 */
LadderFocus *
ladder_profile_find_focus (LadderProfile *self,
                           const char    *id)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->focus_by_id, id);
}

static guint
count_open (LadderProfile *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->focus));
  guint open = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderFocus) focus = g_list_model_get_item (G_LIST_MODEL (self->focus), i);

      open += ladder_focus_is_finished (focus) ? 0 : 1;
    }

  return open;
}

static gboolean
check_room (LadderProfile  *self,
            GError        **error)
{
  if (count_open (self) < LADDER_FOCUS_MAX_OPEN)
    return TRUE;

  g_set_error (error, LADDER_FOCUS_ERROR, LADDER_FOCUS_ERROR_TOO_MANY,
               g_dngettext (GETTEXT_PACKAGE,
                            "“%s” already has %d behaviour in focus, as many as a plan holds. Finish or remove one first.",
                            "“%s” already has %d behaviours in focus, as many as a plan holds. Finish or remove one first.",
                            LADDER_FOCUS_MAX_OPEN),
               self->name != NULL ? self->name : self->id, LADDER_FOCUS_MAX_OPEN);

  return FALSE;
}

static void
insert_focus (LadderProfile *self,
              guint          position,
              LadderFocus   *focus)
{
  const char *id = ladder_focus_get_id (focus);

  g_return_if_fail (!g_hash_table_contains (self->focus_by_id, id));

  g_hash_table_insert (self->focus_by_id, (char *) id, focus);
  g_hash_table_remove (self->focus_tombstones, id);
  g_signal_connect (focus, "notify", G_CALLBACK (_ladder_profile_focus_notify_cb), self);
  g_list_store_insert (self->focus,
                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->focus))),
                       focus);
  _ladder_profile_mark_changed (self);
}

/**
 * ladder_profile_add_focus:
 * @self: a #LadderProfile
 * @focus: the focus to append to the plan
 * @error: return location for a #GError
 *
 * Appends a focus to the plan. Its id must not be live in @self already;
 * a tombstone with that id is dropped. An unfinished focus is refused
 * with %LADDER_FOCUS_ERROR_TOO_MANY when %LADDER_FOCUS_MAX_OPEN are
 * worked on already; a finished one, for the history, never is.
 *
 * Returns: %TRUE if @focus was added
 */
gboolean
ladder_profile_add_focus (LadderProfile  *self,
                          LadderFocus    *focus,
                          GError        **error)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), FALSE);
  g_return_val_if_fail (LADDER_IS_FOCUS (focus), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ladder_focus_is_finished (focus) && !check_room (self, error))
    return FALSE;

  insert_focus (self, G_MAXUINT, focus);

  return TRUE;
}

/**
 * ladder_profile_reopen_focus:
 * @self: a #LadderProfile
 * @focus: a live focus of @self
 * @error: return location for a #GError
 *
 * Puts a finished focus back in the plan, refused as by
 * ladder_profile_add_focus() when the plan is full.
 *
 * Returns: %TRUE if @focus is worked on again
 */
gboolean
ladder_profile_reopen_focus (LadderProfile  *self,
                             LadderFocus    *focus,
                             GError        **error)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), FALSE);
  g_return_val_if_fail (LADDER_IS_FOCUS (focus), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ladder_focus_is_finished (focus))
    return TRUE;
  if (!check_room (self, error))
    return FALSE;

  ladder_focus_reopen (focus);

  return TRUE;
}

/**
 * ladder_profile_remove_focus:
 * @self: a #LadderProfile
 * @focus: a live focus of @self
 *
 * Removes the focus and keeps a tombstone stamped now, so that a merge
 * of two copies carries the deletion.
 */
void
ladder_profile_remove_focus (LadderProfile *self,
                             LadderFocus   *focus)
{
  g_autoptr (LadderFocus) hold = NULL;
  g_autoptr (GDateTime) now = NULL;
  const char *id;
  guint position;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_FOCUS (focus));

  id = ladder_focus_get_id (focus);
  if (g_hash_table_lookup (self->focus_by_id, id) != focus ||
      !g_list_store_find (self->focus, focus, &position))
    {
      g_critical ("Focus %s is not in profile %s", id, self->id);
      return;
    }

  hold = g_object_ref (focus);
  now = g_date_time_new_now_utc ();

  g_signal_handlers_disconnect_by_data (focus, self);
  g_hash_table_remove (self->focus_by_id, id);
  _ladder_tombstone_add (self->focus_tombstones, id, now);
  g_list_store_remove (self->focus, position);
  _ladder_profile_mark_changed (self);
}

static GPtrArray *
list_focus (LadderProfile *self,
            gboolean       finished,
            const GDate   *day)
{
  GPtrArray *list;
  guint n;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->focus));
  list = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderFocus) focus = g_list_model_get_item (G_LIST_MODEL (self->focus), i);
      const GDate *when = ladder_focus_get_finished (focus);

      if (finished ? (when != NULL && (day == NULL || g_date_compare (when, day) <= 0)) : when == NULL)
        g_ptr_array_add (list, g_steal_pointer (&focus));
    }

  return list;
}

/**
 * ladder_profile_list_open_focus:
 * @self: a #LadderProfile
 *
 * Returns: (transfer container) (element-type LadderFocus): the focus
 *   behaviours worked on, not finished, in the order added
 */
GPtrArray *
ladder_profile_list_open_focus (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  return list_focus (self, FALSE, NULL);
}

/**
 * ladder_profile_list_finished_focus:
 * @self: a #LadderProfile
 * @day: (nullable): the last day to count, or %NULL for all
 *
 * Returns: (transfer container) (element-type LadderFocus): the focus
 *   behaviours finished on or before @day, in the order added
 */
GPtrArray *
ladder_profile_list_finished_focus (LadderProfile *self,
                                    const GDate   *day)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);
  g_return_val_if_fail (day == NULL || g_date_valid (day), NULL);

  return list_focus (self, TRUE, day);
}

void
_ladder_profile_insert_focus (LadderProfile *self,
                              guint          position,
                              LadderFocus   *focus)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_FOCUS (focus));

  insert_focus (self, position, focus);
}

/* Progress {{{1 */

static double
rating_score (LadderRatingValue value)
{
  switch (value)
    {
    case LADDER_RATING_CONSISTENTLY:
      return 1.0;

    case LADDER_RATING_SOMETIMES:
      return 0.5;

    case LADDER_RATING_UNRATED:
    case LADDER_RATING_NOT_YET:
    case LADDER_RATING_NOT_APPLICABLE:
    default:
      return 0.0;
    }
}

/* Whether an entry of the Julian @day (0 for none) counts toward a focus
 * begun on @since: every entry when the day it began is unknown. */
static gboolean
counts_since (const GDate *since,
              guint32      day)
{
  return since == NULL || !g_date_valid (since) || (day != 0 && day >= g_date_get_julian (since));
}

GVariant *
_ladder_profile_dup_focus_evidence (LadderProfile *self)
{
  g_auto (GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{su}"));
  GListModel *focus;
  guint n;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  if (self->loading && self->head_focus_evidence != NULL)
    return g_variant_ref (self->head_focus_evidence);

  focus = G_LIST_MODEL (self->focus);
  n = g_list_model_get_n_items (focus);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderFocus) item = g_list_model_get_item (focus, i);
      LadderFocusProgress progress;

      if (ladder_focus_get_id (item) == NULL)
        continue;
      ladder_profile_get_focus_progress (self, item, &progress);
      g_variant_builder_add (&builder, "{su}", ladder_focus_get_id (item), progress.n_evidence);
    }

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

void
_ladder_profile_set_head_focus_evidence (LadderProfile *self,
                                         GVariant      *counts)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (counts == NULL || g_variant_is_of_type (counts, G_VARIANT_TYPE ("a{su}")));

  g_clear_pointer (&self->head_focus_evidence, g_variant_unref);
  if (counts != NULL)
    self->head_focus_evidence = g_variant_ref_sink (counts);
}

GVariant *
_ladder_profile_count_focus_evidence (LadderProfile *self,
                                      GArray        *days,
                                      GPtrArray     *links)
{
  g_auto (GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{su}"));
  GListModel *focus;
  guint n;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);
  g_return_val_if_fail (days != NULL && links != NULL && days->len == links->len, NULL);

  focus = G_LIST_MODEL (self->focus);
  n = g_list_model_get_n_items (focus);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderFocus) item = g_list_model_get_item (focus, i);
      const char *behaviour = ladder_focus_get_behaviour (item);
      const GDate *since = ladder_focus_get_created (item);
      guint32 count = 0;

      if (ladder_focus_get_id (item) == NULL)
        continue;
      for (guint j = 0; behaviour != NULL && j < links->len; j++)
        if (counts_since (since, g_array_index (days, guint32, j)) &&
            g_strv_contains (g_ptr_array_index (links, j), behaviour))
          count++;
      g_variant_builder_add (&builder, "{su}", ladder_focus_get_id (item), count);
    }

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/**
 * ladder_profile_get_focus_progress:
 * @self: a #LadderProfile
 * @focus: a focus of @self
 * @progress: (out caller-allocates): where to put it
 *
 * Computes how far @focus has come from what the profile holds: the two
 * sides' ratings of its behaviour, the evidence linked to it since the
 * focus began (every entry when the day it began is unknown) and the
 * steps done. See #LadderFocusProgress for the weights;
 * ladder_focus_progress_describe() says it in a sentence.
 */
void
ladder_profile_get_focus_progress (LadderProfile       *self,
                                   LadderFocus         *focus,
                                   LadderFocusProgress *progress)
{
  const char *behaviour;
  const GDate *since;
  GListModel *evidence;
  guint n;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_FOCUS (focus));
  g_return_if_fail (progress != NULL);

  memset (progress, 0, sizeof *progress);
  behaviour = ladder_focus_get_behaviour (focus);
  since = ladder_focus_get_created (focus);

  if (behaviour != NULL)
    {
      progress->self_rating = ladder_profile_get_rating_value (self, behaviour, LADDER_RATER_SELF);
      progress->manager_rating = ladder_profile_get_rating_value (self, behaviour, LADDER_RATER_MANAGER);

      /* Shown from its head, the evidence is not read yet: the head
       * says how much of it counts. */
      if (self->loading && self->head_focus_evidence != NULL)
        {
          const char *id = ladder_focus_get_id (focus);

          if (id == NULL || !g_variant_lookup (self->head_focus_evidence, id, "u", &progress->n_evidence))
            progress->n_evidence = 0;
        }
      else
        {
          evidence = G_LIST_MODEL (self->evidence);
          n = g_list_model_get_n_items (evidence);
          for (guint i = 0; i < n; i++)
            {
              g_autoptr (LadderEvidence) entry = g_list_model_get_item (evidence, i);
              const GDate *day = ladder_evidence_get_date (entry);

              if (!ladder_evidence_has_behaviour (entry, behaviour))
                continue;
              if (!counts_since (since, day != NULL && g_date_valid (day) ? g_date_get_julian (day) : 0))
                continue;
              progress->n_evidence++;
            }
        }
    }

  progress->ratings = (rating_score (progress->self_rating) +
                       rating_score (progress->manager_rating)) / 2.0;
  progress->evidence = MIN (progress->n_evidence, LADDER_FOCUS_EVIDENCE_GOAL) /
                       (double) LADDER_FOCUS_EVIDENCE_GOAL;
  progress->n_steps = ladder_focus_get_n_steps (focus);
  progress->n_steps_done = ladder_focus_count_steps_done (focus);

  if (progress->n_steps > 0)
    {
      progress->steps = progress->n_steps_done / (double) progress->n_steps;
      progress->total = progress->ratings / 2.0 + progress->evidence / 4.0 + progress->steps / 4.0;
    }
  else
    progress->total = progress->ratings * 2.0 / 3.0 + progress->evidence / 3.0;
}

static int
percent (double share)
{
  return (int) lround (share * 100.0);
}

/**
 * ladder_focus_progress_describe:
 * @progress: a focus's progress
 *
 * Says how the progress was computed, in one sentence of the user's
 * language, such as “62 %: ratings 75 %, half of it; 2 of 3 evidence
 * entries since it began, a quarter; 1 of 2 steps done, a quarter.”
 *
 * Returns: (transfer full): the sentence
 */
char *
ladder_focus_progress_describe (const LadderFocusProgress *progress)
{
  g_autofree char *evidence = NULL;
  g_autofree char *steps = NULL;

  g_return_val_if_fail (progress != NULL, NULL);

  evidence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u of %u evidence entry since it began",
                                           "%u of %u evidence entries since it began",
                                           LADDER_FOCUS_EVIDENCE_GOAL),
                              MIN (progress->n_evidence, LADDER_FOCUS_EVIDENCE_GOAL),
                              LADDER_FOCUS_EVIDENCE_GOAL);

  if (progress->n_steps == 0)
    /* Translators: the progress of a focus behaviour; %d %% are percentages.
     * “Consistently” and “Sometimes” are ratings. */
    return g_strdup_printf (_("%d %%: ratings %d %% (Consistently counts fully, Sometimes half), two thirds of it; %s, a third."),
                            percent (progress->total), percent (progress->ratings), evidence);

  steps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u of %u step done",
                                        "%u of %u steps done",
                                        progress->n_steps),
                           progress->n_steps_done, progress->n_steps);

  /* Translators: the progress of a focus behaviour; %d %% are percentages.
   * “Consistently” and “Sometimes” are ratings. */
  return g_strdup_printf (_("%d %%: ratings %d %% (Consistently counts fully, Sometimes half), half of it; %s, a quarter; %s, a quarter."),
                          percent (progress->total), percent (progress->ratings), evidence, steps);
}

/* vim:set foldmethod=marker: */
