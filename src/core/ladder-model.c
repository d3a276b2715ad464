/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-model"

#include "config.h"

#include "ladder-model-private.h"

/**
 * _ladder_set_date:
 * @date: (inout) (nullable): a day the caller owns
 * @value: (nullable): the new day, or %NULL for none
 *
 * Replaces *@date with a copy of @value when they are not the same day.
 *
 * Returns: %TRUE if *@date changed
 */
gboolean
_ladder_set_date (GDate       **date,
                  const GDate  *value)
{
  g_assert (date != NULL);

  if ((*date == NULL || value == NULL) ? *date == value : g_date_compare (*date, value) == 0)
    return FALSE;

  g_clear_pointer (date, g_date_free);
  if (value != NULL)
    *date = g_date_copy (value);

  return TRUE;
}

/**
 * _ladder_set_strv:
 * @strv: (inout): a vector the caller owns, never %NULL
 * @value: (nullable) (array zero-terminated=1): the new strings, %NULL
 *   meaning none
 *
 * Replaces *@strv with a copy of @value when they differ. An empty vector
 * stands for none, so that getters never return %NULL.
 *
 * Returns: %TRUE if *@strv changed
 */
gboolean
_ladder_set_strv (char               ***strv,
                  const char * const   *value)
{
  static const char * const none[] = { NULL };

  g_assert (strv != NULL && *strv != NULL);

  if (value == NULL)
    value = none;

  if (g_strv_equal ((const char * const *) *strv, value))
    return FALSE;

  g_strfreev (*strv);
  *strv = g_strdupv ((char **) value);

  return TRUE;
}

/**
 * _ladder_strv_append:
 * @strv: (inout): a vector the caller owns, never %NULL
 * @value: the string to add at the end
 *
 * Appends a copy of @value to *@strv.
 */
void
_ladder_strv_append (char       ***strv,
                     const char   *value)
{
  guint n;

  g_assert (strv != NULL && *strv != NULL);
  g_assert (value != NULL);

  n = g_strv_length (*strv);
  *strv = g_renew (char *, *strv, n + 2);
  (*strv)[n] = g_strdup (value);
  (*strv)[n + 1] = NULL;
}

/**
 * _ladder_stamp_edit:
 * @object: the object that was edited
 * @pspec: (nullable): the property that changed, or %NULL when what
 *   changed is not a property
 * @modified: (inout): @object's "modified" stamp
 * @modified_pspec: @object's "modified" property
 *
 * Records an edit: every edit moves "modified" to now, so that the newer
 * copy wins a merge. The change and the stamp are notified together.
 */
void
_ladder_stamp_edit (GObject     *object,
                    GParamSpec  *pspec,
                    GDateTime  **modified,
                    GParamSpec  *modified_pspec)
{
  g_assert (G_IS_OBJECT (object));
  g_assert (modified != NULL);

  g_object_freeze_notify (object);
  if (pspec != NULL)
    g_object_notify_by_pspec (object, pspec);
  g_clear_pointer (modified, g_date_time_unref);
  *modified = g_date_time_new_now_utc ();
  g_object_notify_by_pspec (object, modified_pspec);
  g_object_thaw_notify (object);
}

/**
 * _ladder_stamp_set:
 * @object: the object the stamp belongs to
 * @stamp: (inout): the stamp, never %NULL
 * @value: the stamp as it was stored
 * @pspec: the stamp's property
 *
 * Sets a stamp as it was stored, for loaders and merges: unlike an edit,
 * it does not move "modified" to now.
 */
void
_ladder_stamp_set (GObject    *object,
                   GDateTime **stamp,
                   GDateTime  *value,
                   GParamSpec *pspec)
{
  g_assert (G_IS_OBJECT (object));
  g_assert (stamp != NULL && *stamp != NULL);
  g_assert (value != NULL);

  if (g_date_time_equal (*stamp, value))
    return;

  g_clear_pointer (stamp, g_date_time_unref);
  *stamp = g_date_time_ref (value);
  g_object_notify_by_pspec (object, pspec);
}

/**
 * _ladder_tombstone_add:
 * @tombstones: ids of deleted items → when they were deleted
 * @id: the id of the item deleted
 * @deleted: when it was deleted
 *
 * Records a deletion, keeping the later stamp when @id was already
 * deleted, so that a merge can tell a deletion from an item the other
 * copy has not seen.
 *
 * Returns: %TRUE if the tombstone was added or moved
 */
gboolean
_ladder_tombstone_add (GHashTable *tombstones,
                       const char *id,
                       GDateTime  *deleted)
{
  GDateTime *old;

  g_assert (tombstones != NULL);
  g_assert (id != NULL);
  g_assert (deleted != NULL);

  old = g_hash_table_lookup (tombstones, id);
  if (old != NULL && g_date_time_compare (old, deleted) >= 0)
    return FALSE;

  g_hash_table_replace (tombstones, g_strdup (id), g_date_time_ref (deleted));

  return TRUE;
}
