/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderProfile: what merges, undo and the library do to the profile as
 * a whole: the tombstones of deleted entries, deleting with a given
 * stamp, putting a list in another copy's order, taking another copy's
 * data (all of it, or the evidence read after the head). The merge
 * itself is ladder-merge.c. The type is in ladder-profile.c;
 * ladder-profile-struct-private.h says what each file of it does. */

#define G_LOG_DOMAIN "ladder-profile"

#include "config.h"

#include "ladder-profile.h"
#include "ladder-model-private.h"
#include "ladder-profile-private.h"
#include "ladder-profile-struct-private.h"

static GHashTable *
lookup_tombstones (LadderProfile *self,
                   const char    *kind)
{
  if (g_strcmp0 (kind, "evidence") == 0)
    return self->evidence_tombstones;
  if (g_strcmp0 (kind, "checkin") == 0)
    return self->checkin_tombstones;
  if (g_strcmp0 (kind, "promotion") == 0)
    return self->promotion_tombstones;
  if (g_strcmp0 (kind, "topic") == 0)
    return self->topic_tombstones;
  if (g_strcmp0 (kind, "focus") == 0)
    return self->focus_tombstones;

  return NULL;
}

/**
 * ladder_profile_get_tombstones:
 * @self: a #LadderProfile
 * @kind: "evidence", "checkin", "promotion", "topic" or "focus"
 *
 * Gets the deleted entries of one kind. An action's tombstones live in
 * its check-in: see ladder_checkin_get_action_tombstones().
 *
 * Returns: (transfer none) (element-type utf8 GDateTime): a hash table
 *   from id to the time of deletion, owned by @self
 */
GHashTable *
ladder_profile_get_tombstones (LadderProfile *self,
                               const char    *kind)
{
  GHashTable *tombstones;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  tombstones = lookup_tombstones (self, kind);
  g_return_val_if_fail (tombstones != NULL, NULL);

  return tombstones;
}

/**
 * ladder_profile_add_tombstone:
 * @self: a #LadderProfile
 * @kind: "evidence", "checkin", "promotion", "topic" or "focus"
 * @id: the id of a deleted entry
 * @modified: when it was deleted
 *
 * Records a deleted entry, for loaders and merges. An older stamp than
 * the one already recorded for @id is ignored. A live entry with @id is
 * left alone: remove it with ladder_profile_remove_evidence(),
 * ladder_profile_remove_checkin() or ladder_profile_remove_promotion().
 */
void
ladder_profile_add_tombstone (LadderProfile *self,
                              const char    *kind,
                              const char    *id,
                              GDateTime     *modified)
{
  GHashTable *tombstones;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (modified != NULL);

  tombstones = lookup_tombstones (self, kind);
  g_return_if_fail (tombstones != NULL);

  if (_ladder_tombstone_add (tombstones, id, modified))
    _ladder_profile_mark_changed (self);
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  GHashTable *position = ((gpointer *) user_data)[0];
  const char *(*get_id) (gconstpointer) = ((gpointer *) user_data)[1];
  guint pa = GPOINTER_TO_UINT (g_hash_table_lookup (position, get_id (a)));
  guint pb = GPOINTER_TO_UINT (g_hash_table_lookup (position, get_id (b)));

  return (pa > pb) - (pa < pb);
}

static const char *
rating_id (gconstpointer item)
{
  return ladder_rating_get_behaviour_id ((LadderRating *) item);
}

static const char *
evidence_id (gconstpointer item)
{
  return ladder_evidence_get_id ((LadderEvidence *) item);
}

static const char *
checkin_id (gconstpointer item)
{
  return ladder_checkin_get_id ((LadderCheckin *) item);
}

static const char *
promotion_id (gconstpointer item)
{
  return ladder_promotion_get_id ((LadderPromotion *) item);
}

static const char *
topic_id (gconstpointer item)
{
  return ladder_topic_get_id ((LadderTopic *) item);
}

static const char *
focus_id (gconstpointer item)
{
  return ladder_focus_get_id ((LadderFocus *) item);
}

void
_ladder_profile_reorder (LadderProfile *self,
                         const char    *kind,
                         GHashTable    *position)
{
  gpointer data[2] = { position, NULL };
  GListStore *store;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (position != NULL);

  if (g_strcmp0 (kind, "ratings") == 0)
    store = self->ratings, data[1] = rating_id;
  else if (g_strcmp0 (kind, "evidence") == 0)
    store = self->evidence, data[1] = evidence_id;
  else if (g_strcmp0 (kind, "checkin") == 0)
    store = self->checkins, data[1] = checkin_id;
  else if (g_strcmp0 (kind, "promotion") == 0)
    store = self->promotions, data[1] = promotion_id;
  else if (g_strcmp0 (kind, "topic") == 0)
    store = self->topics, data[1] = topic_id;
  else if (g_strcmp0 (kind, "focus") == 0)
    store = self->focus, data[1] = focus_id;
  else
    g_return_if_reached ();

  g_list_store_sort (store, compare_positions, data);
  _ladder_profile_mark_changed (self);
}

static GPtrArray *
list_items (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  return items;
}

static void
copy_tombstones (GHashTable *to,
                 GHashTable *from)
{
  GHashTableIter iter;
  gpointer id, deleted;

  g_hash_table_remove_all (to);
  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &id, &deleted))
    g_hash_table_insert (to, g_strdup (id), g_date_time_ref (deleted));
}

void
_ladder_profile_restore (LadderProfile *self,
                         LadderProfile *from)
{
  g_autoptr (GPtrArray) ratings = NULL;
  g_autoptr (GPtrArray) evidence = NULL;
  g_autoptr (GPtrArray) checkins = NULL;
  g_autoptr (GPtrArray) promotions = NULL;
  g_autoptr (GPtrArray) topics = NULL;
  g_autoptr (GPtrArray) focus = NULL;
  guint n;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_PROFILE (from));
  g_return_if_fail (g_strcmp0 (self->id, from->id) == 0);

  _ladder_profile_begin_change (self);

  _ladder_profile_set_detail (self, LADDER_PROFILE_NAME, from->name,
                              from->detail_updated[LADDER_PROFILE_NAME]);
  _ladder_profile_set_detail (self, LADDER_PROFILE_ROLE, from->role,
                              from->detail_updated[LADDER_PROFILE_ROLE]);
  ladder_profile_set_owner (self, from->owner);
  _ladder_profile_set_detail (self, LADDER_PROFILE_CURRENT_LEVEL, from->current_level,
                              from->detail_updated[LADDER_PROFILE_CURRENT_LEVEL]);
  _ladder_profile_set_detail (self, LADDER_PROFILE_TARGET_LEVEL, from->target_level,
                              from->detail_updated[LADDER_PROFILE_TARGET_LEVEL]);
  _ladder_profile_set_detail (self, LADDER_PROFILE_CADENCE, from->cadence,
                              from->detail_updated[LADDER_PROFILE_CADENCE]);

  /* Let go of what self holds. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->ratings));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderRating) rating = g_list_model_get_item (G_LIST_MODEL (self->ratings), i);

      g_signal_handlers_disconnect_by_data (rating, self);
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->evidence));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderEvidence) entry = g_list_model_get_item (G_LIST_MODEL (self->evidence), i);

      g_signal_handlers_disconnect_by_data (entry, self);
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->checkins));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderCheckin) checkin = g_list_model_get_item (G_LIST_MODEL (self->checkins), i);

      _ladder_profile_unwatch_checkin (self, checkin);
    }
  g_hash_table_remove_all (self->rating_by_id);
  g_hash_table_remove_all (self->evidence_by_id);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->promotions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderPromotion) promotion = g_list_model_get_item (G_LIST_MODEL (self->promotions), i);

      g_signal_handlers_disconnect_by_data (promotion, self);
    }
  g_hash_table_remove_all (self->checkin_by_id);
  g_hash_table_remove_all (self->promotion_by_id);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->topics));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->topics), i);

      g_signal_handlers_disconnect_by_data (topic, self);
    }
  g_hash_table_remove_all (self->topic_by_id);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->focus));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderFocus) item = g_list_model_get_item (G_LIST_MODEL (self->focus), i);

      g_signal_handlers_disconnect_by_data (item, self);
    }
  g_hash_table_remove_all (self->focus_by_id);
  _ladder_profile_invalidate_evidence_counts (self);

  /* Take what from holds, each list in one splice. */
  ratings = list_items (G_LIST_MODEL (from->ratings));
  for (guint i = 0; i < ratings->len; i++)
    {
      LadderRating *rating = ratings->pdata[i];

      g_hash_table_insert (self->rating_by_id, (char *) ladder_rating_get_behaviour_id (rating), rating);
      g_signal_connect (rating, "notify", G_CALLBACK (_ladder_profile_rating_notify_cb), self);
    }
  evidence = list_items (G_LIST_MODEL (from->evidence));
  for (guint i = 0; i < evidence->len; i++)
    {
      LadderEvidence *entry = evidence->pdata[i];

      g_hash_table_insert (self->evidence_by_id, (char *) ladder_evidence_get_id (entry), entry);
      g_signal_connect (entry, "notify", G_CALLBACK (_ladder_profile_evidence_notify_cb), self);
    }
  checkins = list_items (G_LIST_MODEL (from->checkins));
  for (guint i = 0; i < checkins->len; i++)
    {
      LadderCheckin *checkin = checkins->pdata[i];

      g_hash_table_insert (self->checkin_by_id, (char *) ladder_checkin_get_id (checkin), checkin);
      _ladder_profile_watch_checkin (self, checkin);
    }

  copy_tombstones (self->evidence_tombstones, from->evidence_tombstones);
  promotions = list_items (G_LIST_MODEL (from->promotions));
  for (guint i = 0; i < promotions->len; i++)
    {
      LadderPromotion *promotion = promotions->pdata[i];

      g_hash_table_insert (self->promotion_by_id, (char *) ladder_promotion_get_id (promotion), promotion);
      g_signal_connect (promotion, "notify",
                        G_CALLBACK (_ladder_profile_promotion_notify_cb), self);
    }

  copy_tombstones (self->checkin_tombstones, from->checkin_tombstones);
  copy_tombstones (self->promotion_tombstones, from->promotion_tombstones);
  topics = list_items (G_LIST_MODEL (from->topics));
  for (guint i = 0; i < topics->len; i++)
    {
      LadderTopic *topic = topics->pdata[i];

      g_hash_table_insert (self->topic_by_id, (char *) ladder_topic_get_id (topic), topic);
      g_signal_connect (topic, "notify", G_CALLBACK (_ladder_profile_topic_notify_cb), self);
    }
  copy_tombstones (self->topic_tombstones, from->topic_tombstones);
  focus = list_items (G_LIST_MODEL (from->focus));
  for (guint i = 0; i < focus->len; i++)
    {
      LadderFocus *item = focus->pdata[i];

      g_hash_table_insert (self->focus_by_id, (char *) ladder_focus_get_id (item), item);
      g_signal_connect (item, "notify", G_CALLBACK (_ladder_profile_focus_notify_cb), self);
    }
  copy_tombstones (self->focus_tombstones, from->focus_tombstones);

  g_list_store_splice (self->ratings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->ratings)),
                       ratings->pdata, ratings->len);
  g_list_store_splice (self->evidence, 0, g_list_model_get_n_items (G_LIST_MODEL (self->evidence)),
                       evidence->pdata, evidence->len);
  g_list_store_splice (self->checkins, 0, g_list_model_get_n_items (G_LIST_MODEL (self->checkins)),
                       checkins->pdata, checkins->len);
  g_list_store_splice (self->promotions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->promotions)),
                       promotions->pdata, promotions->len);
  g_list_store_splice (self->topics, 0, g_list_model_get_n_items (G_LIST_MODEL (self->topics)),
                       topics->pdata, topics->len);
  g_list_store_splice (self->focus, 0, g_list_model_get_n_items (G_LIST_MODEL (self->focus)),
                       focus->pdata, focus->len);

  _ladder_profile_mark_changed (self);
  _ladder_profile_end_change (self);
}

void
_ladder_profile_delete (LadderProfile *self,
                        const char    *kind,
                        const char    *id,
                        GDateTime     *deleted)
{
  GHashTable *tombstones;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (deleted != NULL);

  tombstones = lookup_tombstones (self, kind);
  g_return_if_fail (tombstones != NULL);

  _ladder_profile_begin_change (self);

  if (tombstones == self->evidence_tombstones)
    {
      LadderEvidence *evidence = g_hash_table_lookup (self->evidence_by_id, id);

      if (evidence != NULL)
        ladder_profile_remove_evidence (self, evidence);
    }
  else if (tombstones == self->checkin_tombstones)
    {
      LadderCheckin *checkin = g_hash_table_lookup (self->checkin_by_id, id);

      if (checkin != NULL)
        ladder_profile_remove_checkin (self, checkin);
    }
  else if (tombstones == self->focus_tombstones)
    {
      LadderFocus *focus = g_hash_table_lookup (self->focus_by_id, id);

      if (focus != NULL)
        ladder_profile_remove_focus (self, focus);
    }
  else if (tombstones == self->topic_tombstones)
    {
      LadderTopic *topic = g_hash_table_lookup (self->topic_by_id, id);

      if (topic != NULL)
        ladder_profile_remove_topic (self, topic);
    }
  else
    {
      LadderPromotion *promotion = g_hash_table_lookup (self->promotion_by_id, id);

      if (promotion != NULL)
        ladder_profile_remove_promotion (self, promotion);
    }

  g_hash_table_replace (tombstones, g_strdup (id), g_date_time_ref (deleted));
  _ladder_profile_mark_changed (self);
  _ladder_profile_end_change (self);
}
