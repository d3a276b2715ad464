/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderProfile: the check-ins, whose actions it watches too, and the
 * records of level changes (promotions). The type is in
 * ladder-profile.c; ladder-profile-struct-private.h says what each file
 * of it does. */

#define G_LOG_DOMAIN "ladder-profile"

#include "config.h"

#include "ladder-profile.h"
#include "ladder-model-private.h"
#include "ladder-profile-private.h"
#include "ladder-profile-struct-private.h"

static void
checkin_notify_cb (LadderCheckin *checkin,
                   GParamSpec    *pspec,
                   LadderProfile *self)
{
  _ladder_profile_mark_changed (self);
}

void
_ladder_profile_promotion_notify_cb (LadderPromotion *promotion,
                                     GParamSpec      *pspec,
                                     LadderProfile   *self)
{
  _ladder_profile_mark_changed (self);
}

static void
action_notify_cb (LadderAction  *action,
                  GParamSpec    *pspec,
                  LadderProfile *self)
{
  _ladder_profile_mark_changed (self);
}

static void
watch_action (LadderProfile *self,
              LadderAction  *action)
{
  /* An action removed from its check-in may outlive the profile (an undo
   * toast holds it), so the handler goes with whichever dies first. The
   * disconnect keeps a re-added action from being watched twice. */
  g_signal_handlers_disconnect_by_func (action, action_notify_cb, self);
  g_signal_connect_object (action, "notify",
                           G_CALLBACK (action_notify_cb), self,
                           G_CONNECT_DEFAULT);
}

static void
actions_items_changed_cb (GListModel    *actions,
                          guint          position,
                          guint          removed,
                          guint          added,
                          LadderProfile *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr (LadderAction) action = g_list_model_get_item (actions, i);

      watch_action (self, action);
    }

  _ladder_profile_mark_changed (self);
}

void
_ladder_profile_watch_checkin (LadderProfile *self,
                               LadderCheckin *checkin)
{
  GListModel *actions = ladder_checkin_get_actions (checkin);
  guint n = g_list_model_get_n_items (actions);

  g_signal_connect (checkin, "notify", G_CALLBACK (checkin_notify_cb), self);
  g_signal_connect (actions, "items-changed", G_CALLBACK (actions_items_changed_cb), self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderAction) action = g_list_model_get_item (actions, i);

      watch_action (self, action);
    }
}

void
_ladder_profile_unwatch_checkin (LadderProfile *self,
                                 LadderCheckin *checkin)
{
  GListModel *actions = ladder_checkin_get_actions (checkin);
  guint n = g_list_model_get_n_items (actions);

  g_signal_handlers_disconnect_by_data (checkin, self);
  g_signal_handlers_disconnect_by_data (actions, self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderAction) action = g_list_model_get_item (actions, i);

      g_signal_handlers_disconnect_by_data (action, self);
    }
}

/**
 * ladder_profile_get_checkins:
 * @self: a #LadderProfile
 *
 * Returns: (transfer none): the live check-ins (#LadderCheckin), in the
 *   order added
 */
GListModel *
ladder_profile_get_checkins (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->checkins);
}

/**
 * ladder_profile_find_checkin:
 * @self: a #LadderProfile
 * @id: a check-in id
 *
 * Returns: (transfer none) (nullable): the live check-in with @id, or
 *   %NULL
 */
LadderCheckin *
ladder_profile_find_checkin (LadderProfile *self,
                             const char    *id)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->checkin_by_id, id);
}

/**
 * ladder_profile_add_checkin:
 * @self: a #LadderProfile
 * @checkin: the check-in to append
 *
 * Appends a check-in. Its id must not be live in @self already; a
 * tombstone with that id is dropped, since the live check-in supersedes
 * it.
 */
void
ladder_profile_add_checkin (LadderProfile *self,
                            LadderCheckin *checkin)
{
  const char *id;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_CHECKIN (checkin));

  id = ladder_checkin_get_id (checkin);
  g_return_if_fail (!g_hash_table_contains (self->checkin_by_id, id));

  g_hash_table_insert (self->checkin_by_id, (char *) id, checkin);
  g_hash_table_remove (self->checkin_tombstones, id);
  _ladder_profile_watch_checkin (self, checkin);
  g_list_store_append (self->checkins, checkin);
  _ladder_profile_mark_changed (self);
}

/**
 * ladder_profile_remove_checkin:
 * @self: a #LadderProfile
 * @checkin: a live check-in of @self
 *
 * Removes the check-in and keeps a tombstone stamped now, so that a merge
 * of two copies carries the deletion.
 */
void
ladder_profile_remove_checkin (LadderProfile *self,
                               LadderCheckin *checkin)
{
  g_autoptr (LadderCheckin) hold = NULL;
  g_autoptr (GDateTime) now = NULL;
  guint position;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_CHECKIN (checkin));

  if (g_hash_table_lookup (self->checkin_by_id, ladder_checkin_get_id (checkin)) != checkin ||
      !g_list_store_find (self->checkins, checkin, &position))
    {
      g_critical ("Check-in %s is not in profile %s",
                  ladder_checkin_get_id (checkin), self->id);
      return;
    }

  hold = g_object_ref (checkin);
  now = g_date_time_new_now_utc ();

  _ladder_profile_unwatch_checkin (self, checkin);
  g_hash_table_remove (self->checkin_by_id, ladder_checkin_get_id (checkin));
  _ladder_tombstone_add (self->checkin_tombstones, ladder_checkin_get_id (checkin), now);
  g_list_store_remove (self->checkins, position);
  _ladder_profile_mark_changed (self);
}

/**
 * ladder_profile_get_promotions:
 * @self: a #LadderProfile
 *
 * Returns: (transfer none): the live records of level changes
 *   (#LadderPromotion), in the order added
 */
GListModel *
ladder_profile_get_promotions (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->promotions);
}

/**
 * ladder_profile_find_promotion:
 * @self: a #LadderProfile
 * @id: a record's id
 *
 * Returns: (transfer none) (nullable): the live record with @id, or %NULL
 */
LadderPromotion *
ladder_profile_find_promotion (LadderProfile *self,
                               const char    *id)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->promotion_by_id, id);
}

static void
insert_promotion (LadderProfile   *self,
                  guint            position,
                  LadderPromotion *promotion)
{
  const char *id = ladder_promotion_get_id (promotion);

  g_return_if_fail (!g_hash_table_contains (self->promotion_by_id, id));

  g_hash_table_insert (self->promotion_by_id, (char *) id, promotion);
  g_hash_table_remove (self->promotion_tombstones, id);
  g_signal_connect (promotion, "notify", G_CALLBACK (_ladder_profile_promotion_notify_cb), self);
  g_list_store_insert (self->promotions,
                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->promotions))),
                       promotion);
  _ladder_profile_mark_changed (self);
}

/**
 * ladder_profile_add_promotion:
 * @self: a #LadderProfile
 * @promotion: the record to append
 *
 * Appends the record of a change of level. Its id must not be live in
 * @self already; a tombstone with that id is dropped, since the live
 * record supersedes it. The current level is left as it is: set it with
 * ladder_profile_set_current_level().
 */
void
ladder_profile_add_promotion (LadderProfile   *self,
                              LadderPromotion *promotion)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_PROMOTION (promotion));

  insert_promotion (self, G_MAXUINT, promotion);
}

/**
 * ladder_profile_remove_promotion:
 * @self: a #LadderProfile
 * @promotion: a live record of @self
 *
 * Removes the record and keeps a tombstone stamped now, so that a merge
 * of two copies carries the deletion.
 */
void
ladder_profile_remove_promotion (LadderProfile   *self,
                                 LadderPromotion *promotion)
{
  g_autoptr (LadderPromotion) hold = NULL;
  g_autoptr (GDateTime) now = NULL;
  const char *id;
  guint position;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_PROMOTION (promotion));

  id = ladder_promotion_get_id (promotion);
  if (g_hash_table_lookup (self->promotion_by_id, id) != promotion ||
      !g_list_store_find (self->promotions, promotion, &position))
    {
      g_critical ("Promotion %s is not in profile %s", id, self->id);
      return;
    }

  hold = g_object_ref (promotion);
  now = g_date_time_new_now_utc ();

  g_signal_handlers_disconnect_by_data (promotion, self);
  g_hash_table_remove (self->promotion_by_id, id);
  _ladder_tombstone_add (self->promotion_tombstones, id, now);
  g_list_store_remove (self->promotions, position);
  _ladder_profile_mark_changed (self);
}

/**
 * ladder_profile_get_current_level_change:
 * @self: a #LadderProfile
 *
 * Finds the record that says since when the current level holds: the
 * newest one by date (the later modified on the same day), when it led
 * to the current level.
 *
 * Returns: (transfer none) (nullable): the record, or %NULL when none
 *   led to the current level
 */
LadderPromotion *
ladder_profile_get_current_level_change (LadderProfile *self)
{
  LadderPromotion *newest = NULL;
  guint n;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->promotions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderPromotion) promotion = g_list_model_get_item (G_LIST_MODEL (self->promotions), i);
      int c;

      if (newest == NULL)
        {
          newest = promotion;
          continue;
        }

      c = g_date_compare (ladder_promotion_get_date (promotion), ladder_promotion_get_date (newest));
      if (c == 0)
        c = g_date_time_compare (ladder_promotion_get_modified (promotion),
                                 ladder_promotion_get_modified (newest));
      if (c > 0)
        newest = promotion;
    }

  if (newest == NULL ||
      g_strcmp0 (ladder_promotion_get_to (newest), self->current_level) != 0)
    return NULL;

  return newest;
}

void
_ladder_profile_insert_checkin (LadderProfile *self,
                                guint          position,
                                LadderCheckin *checkin)
{
  const char *id;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_CHECKIN (checkin));

  id = ladder_checkin_get_id (checkin);
  g_return_if_fail (!g_hash_table_contains (self->checkin_by_id, id));

  g_hash_table_insert (self->checkin_by_id, (char *) id, checkin);
  g_hash_table_remove (self->checkin_tombstones, id);
  _ladder_profile_watch_checkin (self, checkin);
  g_list_store_insert (self->checkins,
                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->checkins))),
                       checkin);
  _ladder_profile_mark_changed (self);
}

void
_ladder_profile_insert_promotion (LadderProfile   *self,
                                  guint            position,
                                  LadderPromotion *promotion)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_PROMOTION (promotion));

  insert_promotion (self, position, promotion);
}
