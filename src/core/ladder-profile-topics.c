/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderProfile: the agenda's topics, open and ticked off. The type is
 * in ladder-profile.c; ladder-profile-struct-private.h says what each
 * file of it does. */

#define G_LOG_DOMAIN "ladder-profile"

#include "config.h"

#include "ladder-profile.h"
#include "ladder-model-private.h"
#include "ladder-profile-private.h"
#include "ladder-profile-struct-private.h"

void
_ladder_profile_topic_notify_cb (LadderTopic   *topic,
                                 GParamSpec    *pspec,
                                 LadderProfile *self)
{
  _ladder_profile_mark_changed (self);
}

/**
 * ladder_profile_get_topics:
 * @self: a #LadderProfile
 *
 * Returns: (transfer none): the live agenda topics (#LadderTopic), open
 *   and ticked off, in the order added
 */
GListModel *
ladder_profile_get_topics (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->topics);
}

/**
 * ladder_profile_find_topic:
 * @self: a #LadderProfile
 * @id: a topic's id
 *
 * Returns: (transfer none) (nullable): the live topic with @id, or %NULL
 */
LadderTopic *
ladder_profile_find_topic (LadderProfile *self,
                           const char    *id)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->topic_by_id, id);
}

static void
insert_topic (LadderProfile *self,
              guint          position,
              LadderTopic   *topic)
{
  const char *id = ladder_topic_get_id (topic);

  g_return_if_fail (!g_hash_table_contains (self->topic_by_id, id));

  g_hash_table_insert (self->topic_by_id, (char *) id, topic);
  g_hash_table_remove (self->topic_tombstones, id);
  g_signal_connect (topic, "notify", G_CALLBACK (_ladder_profile_topic_notify_cb), self);
  g_list_store_insert (self->topics,
                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->topics))),
                       topic);
  _ladder_profile_mark_changed (self);
}

/**
 * ladder_profile_add_topic:
 * @self: a #LadderProfile
 * @topic: the topic to append to the agenda
 *
 * Appends a topic to the agenda. Its id must not be live in @self
 * already; a tombstone with that id is dropped.
 */
void
ladder_profile_add_topic (LadderProfile *self,
                          LadderTopic   *topic)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_TOPIC (topic));

  insert_topic (self, G_MAXUINT, topic);
}

/**
 * ladder_profile_remove_topic:
 * @self: a #LadderProfile
 * @topic: a live topic of @self
 *
 * Removes the topic and keeps a tombstone stamped now, so that a merge
 * of two copies carries the deletion.
 */
void
ladder_profile_remove_topic (LadderProfile *self,
                             LadderTopic   *topic)
{
  g_autoptr (LadderTopic) hold = NULL;
  g_autoptr (GDateTime) now = NULL;
  const char *id;
  guint position;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_TOPIC (topic));

  id = ladder_topic_get_id (topic);
  if (g_hash_table_lookup (self->topic_by_id, id) != topic ||
      !g_list_store_find (self->topics, topic, &position))
    {
      g_critical ("Topic %s is not in profile %s", id, self->id);
      return;
    }

  hold = g_object_ref (topic);
  now = g_date_time_new_now_utc ();

  g_signal_handlers_disconnect_by_data (topic, self);
  g_hash_table_remove (self->topic_by_id, id);
  _ladder_tombstone_add (self->topic_tombstones, id, now);
  g_list_store_remove (self->topics, position);
  _ladder_profile_mark_changed (self);
}

/**
 * ladder_profile_list_open_topics:
 * @self: a #LadderProfile
 *
 * Returns: (transfer container) (element-type LadderTopic): the topics
 *   not ticked off yet, in the order added
 */
GPtrArray *
ladder_profile_list_open_topics (LadderProfile *self)
{
  GPtrArray *open;
  guint n;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->topics));
  open = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->topics), i);

      if (ladder_topic_is_open (topic))
        g_ptr_array_add (open, g_steal_pointer (&topic));
    }

  return open;
}

void
_ladder_profile_insert_topic (LadderProfile *self,
                              guint          position,
                              LadderTopic   *topic)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_TOPIC (topic));

  insert_topic (self, position, topic);
}
