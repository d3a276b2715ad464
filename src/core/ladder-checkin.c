/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-checkin"

#include "config.h"

#include <string.h>

#include "ladder-checkin.h"
#include "ladder-checkin-private.h"
#include "ladder-model-private.h"
#include "ladder-time-private.h"

struct _LadderCheckin
{
  GObject parent_instance;

  char *id;
  GDate *date;
  char *notes;
  GDateTime *modified;
  gboolean notes_private;

  GListStore *actions;
  GHashTable *action_tombstones;     /* id → GDateTime */
  GHashTable *snapshot;              /* behaviour id → packed values */
};

G_DEFINE_FINAL_TYPE (LadderCheckin, ladder_checkin, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DATE,
  PROP_NOTES,
  PROP_NOTES_PRIVATE,
  PROP_ACTIONS,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Both sides of a snapshot entry in one pointer. The high bit keeps the
 * pointer non-NULL when both sides are unrated. */
#define SNAPSHOT_PACK(s, m)     GUINT_TO_POINTER (0x10000u | ((guint) (m) << 8) | (guint) (s))
#define SNAPSHOT_SELF(p)        ((LadderRatingValue) (GPOINTER_TO_UINT (p) & 0xffu))
#define SNAPSHOT_MANAGER(p)     ((LadderRatingValue) ((GPOINTER_TO_UINT (p) >> 8) & 0xffu))

/* Every edit moves "modified": see _ladder_stamp_edit(). */
static void
ladder_checkin_changed (LadderCheckin *self,
                        GParamSpec    *pspec)
{
  _ladder_stamp_edit (G_OBJECT (self), pspec, &self->modified, properties [PROP_MODIFIED]);
}

static gboolean
has_action_id (LadderCheckin *self,
               const char    *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->actions));

  /* A check-in has a handful of actions: a scan is enough. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderAction) action = g_list_model_get_item (G_LIST_MODEL (self->actions), i);

      if (g_strcmp0 (ladder_action_get_id (action), id) == 0)
        return TRUE;
    }

  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
ladder_checkin_constructed (GObject *object)
{
  LadderCheckin *self = (LadderCheckin *) object;

  G_OBJECT_CLASS (ladder_checkin_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_uuid_string_random ();
}

static void
ladder_checkin_finalize (GObject *object)
{
  LadderCheckin *self = (LadderCheckin *) object;

  g_clear_object (&self->actions);
  g_clear_pointer (&self->action_tombstones, g_hash_table_unref);
  g_clear_pointer (&self->snapshot, g_hash_table_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->date, g_date_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->modified, g_date_time_unref);

  G_OBJECT_CLASS (ladder_checkin_parent_class)->finalize (object);
}

static void
ladder_checkin_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LadderCheckin *self = LADDER_CHECKIN (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_NOTES_PRIVATE:
      g_value_set_boolean (value, self->notes_private);
      break;

    case PROP_ACTIONS:
      g_value_set_object (value, self->actions);
      break;

    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_checkin_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LadderCheckin *self = LADDER_CHECKIN (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_DATE:
      ladder_checkin_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_NOTES:
      ladder_checkin_set_notes (self, g_value_get_string (value));
      break;

    case PROP_NOTES_PRIVATE:
      ladder_checkin_set_notes_private (self, g_value_get_boolean (value));
      break;

    case PROP_MODIFIED:
      ladder_checkin_set_modified (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_checkin_class_init (LadderCheckinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ladder_checkin_constructed;
  object_class->finalize = ladder_checkin_finalize;
  object_class->get_property = ladder_checkin_get_property;
  object_class->set_property = ladder_checkin_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties [PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_NOTES_PRIVATE] =
    g_param_spec_boolean ("notes-private", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties [PROP_ACTIONS] =
    g_param_spec_object ("actions", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ladder_checkin_init (LadderCheckin *self)
{
  self->date = _ladder_date_new_today ();
  self->modified = g_date_time_new_now_utc ();
  self->actions = g_list_store_new (LADDER_TYPE_ACTION);
  self->action_tombstones =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_date_time_unref);
  self->snapshot = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * ladder_checkin_new:
 * @id: (nullable): the check-in's id, or %NULL to make a new UUID
 *
 * Creates a check-in dated today, with no notes, actions or snapshot.
 *
 * Returns: (transfer full): a new #LadderCheckin
 */
LadderCheckin *
ladder_checkin_new (const char *id)
{
  return g_object_new (LADDER_TYPE_CHECKIN,
                       "id", id,
                       NULL);
}

/**
 * ladder_checkin_get_id:
 * @self: a #LadderCheckin
 *
 * Returns: the check-in's id
 */
const char *
ladder_checkin_get_id (LadderCheckin *self)
{
  g_return_val_if_fail (LADDER_IS_CHECKIN (self), NULL);

  return self->id;
}

/**
 * ladder_checkin_get_date:
 * @self: a #LadderCheckin
 *
 * Returns: (nullable): the day of the 1:1
 */
const GDate *
ladder_checkin_get_date (LadderCheckin *self)
{
  g_return_val_if_fail (LADDER_IS_CHECKIN (self), NULL);

  return self->date;
}

/**
 * ladder_checkin_set_date:
 * @self: a #LadderCheckin
 * @date: (nullable): the day of the 1:1
 *
 * Sets the day of the 1:1 and moves "modified" to now if it changed.
 */
void
ladder_checkin_set_date (LadderCheckin *self,
                         const GDate   *date)
{
  g_return_if_fail (LADDER_IS_CHECKIN (self));
  g_return_if_fail (date == NULL || g_date_valid (date));

  if (_ladder_set_date (&self->date, date))
    ladder_checkin_changed (self, properties [PROP_DATE]);
}

/**
 * ladder_checkin_get_notes:
 * @self: a #LadderCheckin
 *
 * Returns: (nullable): the notes of the 1:1
 */
const char *
ladder_checkin_get_notes (LadderCheckin *self)
{
  g_return_val_if_fail (LADDER_IS_CHECKIN (self), NULL);

  return self->notes;
}

/**
 * ladder_checkin_set_notes:
 * @self: a #LadderCheckin
 * @notes: (nullable): the notes
 *
 * Sets the notes and moves "modified" to now if they changed.
 */
void
ladder_checkin_set_notes (LadderCheckin *self,
                          const char    *notes)
{
  g_return_if_fail (LADDER_IS_CHECKIN (self));

  if (g_set_str (&self->notes, notes))
    ladder_checkin_changed (self, properties [PROP_NOTES]);
}

/**
 * ladder_checkin_get_notes_private:
 * @self: a #LadderCheckin
 *
 * Whether the notes are private to their author, the person whose copy
 * of the profile they were written in: a shared copy, the PDF and the
 * exports leave them out (see ladder_format_write_shared_copy()).
 *
 * Returns: %TRUE when only their author sees the notes
 */
gboolean
ladder_checkin_get_notes_private (LadderCheckin *self)
{
  g_return_val_if_fail (LADDER_IS_CHECKIN (self), FALSE);

  return self->notes_private;
}

/**
 * ladder_checkin_set_notes_private:
 * @self: a #LadderCheckin
 * @notes_private: whether only their author sees the notes
 *
 * Makes the notes private to their author, or shared again, and moves
 * "modified" to now if that changed.
 */
void
ladder_checkin_set_notes_private (LadderCheckin *self,
                                  gboolean       notes_private)
{
  g_return_if_fail (LADDER_IS_CHECKIN (self));

  notes_private = !!notes_private;
  if (self->notes_private == notes_private)
    return;

  self->notes_private = notes_private;
  ladder_checkin_changed (self, properties [PROP_NOTES_PRIVATE]);
}

/**
 * ladder_checkin_get_actions:
 * @self: a #LadderCheckin
 *
 * Returns: (transfer none): the live actions (#LadderAction), in the
 *   order added
 */
GListModel *
ladder_checkin_get_actions (LadderCheckin *self)
{
  g_return_val_if_fail (LADDER_IS_CHECKIN (self), NULL);

  return G_LIST_MODEL (self->actions);
}

/**
 * ladder_checkin_add_action:
 * @self: a #LadderCheckin
 * @action: the action to append
 *
 * Appends an agreed action. Its id must not be in the check-in already;
 * a tombstone with that id is dropped, since the live action supersedes
 * it (a merge in which the edit was newer than the deletion).
 */
void
ladder_checkin_add_action (LadderCheckin *self,
                           LadderAction  *action)
{
  const char *id;

  g_return_if_fail (LADDER_IS_CHECKIN (self));
  g_return_if_fail (LADDER_IS_ACTION (action));

  id = ladder_action_get_id (action);
  g_return_if_fail (!has_action_id (self, id));

  g_hash_table_remove (self->action_tombstones, id);
  g_list_store_append (self->actions, action);
}

/**
 * ladder_checkin_remove_action:
 * @self: a #LadderCheckin
 * @action: an action of @self
 *
 * Removes the action and keeps a tombstone stamped now, so that a merge
 * of two copies carries the deletion.
 */
void
ladder_checkin_remove_action (LadderCheckin *self,
                              LadderAction  *action)
{
  guint position;

  g_return_if_fail (LADDER_IS_CHECKIN (self));
  g_return_if_fail (LADDER_IS_ACTION (action));

  if (!g_list_store_find (self->actions, action, &position))
    {
      g_critical ("Action %s is not in check-in %s",
                  ladder_action_get_id (action), self->id);
      return;
    }

  g_hash_table_replace (self->action_tombstones,
                        g_strdup (ladder_action_get_id (action)),
                        g_date_time_new_now_utc ());
  g_list_store_remove (self->actions, position);
}

/**
 * ladder_checkin_get_action_tombstones:
 * @self: a #LadderCheckin
 *
 * Returns: (transfer none) (element-type utf8 GDateTime): the ids of
 *   removed actions with the time of removal, owned by @self
 */
GHashTable *
ladder_checkin_get_action_tombstones (LadderCheckin *self)
{
  g_return_val_if_fail (LADDER_IS_CHECKIN (self), NULL);

  return self->action_tombstones;
}

/**
 * ladder_checkin_add_action_tombstone:
 * @self: a #LadderCheckin
 * @id: the id of a removed action
 * @modified: when it was removed
 *
 * Records a removed action, for loaders and merges. An older stamp than
 * the one already recorded for @id is ignored.
 */
void
ladder_checkin_add_action_tombstone (LadderCheckin *self,
                                     const char    *id,
                                     GDateTime     *modified)
{
  g_return_if_fail (LADDER_IS_CHECKIN (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (modified != NULL);

  _ladder_tombstone_add (self->action_tombstones, id, modified);
}

/**
 * ladder_checkin_get_snapshot:
 * @self: a #LadderCheckin
 * @behaviour_id: a behaviour id
 * @rater: whose rating
 *
 * Returns: the value of @rater's rating of @behaviour_id when the check-in
 *   was finished; %LADDER_RATING_UNRATED when the snapshot has none
 */
LadderRatingValue
ladder_checkin_get_snapshot (LadderCheckin *self,
                             const char    *behaviour_id,
                             LadderRater    rater)
{
  gpointer packed;

  g_return_val_if_fail (LADDER_IS_CHECKIN (self), LADDER_RATING_UNRATED);
  g_return_val_if_fail (behaviour_id != NULL, LADDER_RATING_UNRATED);

  packed = g_hash_table_lookup (self->snapshot, behaviour_id);
  if (packed == NULL)
    return LADDER_RATING_UNRATED;

  return rater == LADDER_RATER_MANAGER ? SNAPSHOT_MANAGER (packed) : SNAPSHOT_SELF (packed);
}

/**
 * ladder_checkin_set_snapshot:
 * @self: a #LadderCheckin
 * @behaviour_id: a behaviour id
 * @self_value: the engineer's rating
 * @manager_value: the manager's rating
 *
 * Records both ratings of one behaviour in the snapshot; a behaviour
 * unrated on both sides leaves it. Moves "modified" to now when the
 * snapshot changed.
 */
void
ladder_checkin_set_snapshot (LadderCheckin     *self,
                             const char        *behaviour_id,
                             LadderRatingValue  self_value,
                             LadderRatingValue  manager_value)
{
  gpointer old;
  gpointer packed;

  g_return_if_fail (LADDER_IS_CHECKIN (self));
  g_return_if_fail (behaviour_id != NULL);
  g_return_if_fail ((guint) self_value <= LADDER_RATING_NOT_APPLICABLE);
  g_return_if_fail ((guint) manager_value <= LADDER_RATING_NOT_APPLICABLE);

  old = g_hash_table_lookup (self->snapshot, behaviour_id);

  if (self_value == LADDER_RATING_UNRATED && manager_value == LADDER_RATING_UNRATED)
    {
      if (old == NULL)
        return;
      g_hash_table_remove (self->snapshot, behaviour_id);
    }
  else
    {
      packed = SNAPSHOT_PACK (self_value, manager_value);
      if (old == packed)
        return;
      g_hash_table_replace (self->snapshot, g_strdup (behaviour_id), packed);
    }

  ladder_checkin_changed (self, NULL);
}

/**
 * ladder_checkin_list_snapshot:
 * @self: a #LadderCheckin
 *
 * Returns: (transfer full) (array zero-terminated=1): the behaviour ids
 *   that the snapshot holds, sorted; free with g_strfreev()
 */
char **
ladder_checkin_list_snapshot (LadderCheckin *self)
{
  g_autofree const char **keys = NULL;
  char **ids;
  guint n;

  g_return_val_if_fail (LADDER_IS_CHECKIN (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->snapshot, &n);
  g_sort_array (keys, n, sizeof (char *), compare_strings, NULL);

  ids = g_new (char *, n + 1);
  for (guint i = 0; i < n; i++)
    ids[i] = g_strdup (keys[i]);
  ids[n] = NULL;

  return ids;
}

/**
 * ladder_checkin_get_modified:
 * @self: a #LadderCheckin
 *
 * Returns: (transfer none): when the check-in last changed
 */
GDateTime *
ladder_checkin_get_modified (LadderCheckin *self)
{
  g_return_val_if_fail (LADDER_IS_CHECKIN (self), NULL);

  return self->modified;
}

/**
 * ladder_checkin_set_modified:
 * @self: a #LadderCheckin
 * @modified: when it last changed, as stored
 *
 * Sets the stamp as it was stored, for loaders and merges.
 */
void
ladder_checkin_set_modified (LadderCheckin *self,
                             GDateTime     *modified)
{
  g_return_if_fail (LADDER_IS_CHECKIN (self));
  g_return_if_fail (modified != NULL);

  _ladder_stamp_set (G_OBJECT (self), &self->modified, modified, properties [PROP_MODIFIED]);
}

void
_ladder_checkin_insert_action (LadderCheckin *self,
                               guint          position,
                               LadderAction  *action)
{
  const char *id;

  g_return_if_fail (LADDER_IS_CHECKIN (self));
  g_return_if_fail (LADDER_IS_ACTION (action));

  id = ladder_action_get_id (action);
  g_return_if_fail (!has_action_id (self, id));

  g_hash_table_remove (self->action_tombstones, id);
  g_list_store_insert (self->actions,
                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->actions))),
                       action);
}

void
_ladder_checkin_delete_action (LadderCheckin *self,
                               const char    *id,
                               GDateTime     *deleted)
{
  guint n;

  g_return_if_fail (LADDER_IS_CHECKIN (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (deleted != NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->actions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderAction) action = g_list_model_get_item (G_LIST_MODEL (self->actions), i);

      if (g_strcmp0 (ladder_action_get_id (action), id) == 0)
        {
          g_list_store_remove (self->actions, i);
          break;
        }
    }

  g_hash_table_replace (self->action_tombstones, g_strdup (id), g_date_time_ref (deleted));
}

static int
compare_action_positions (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  GHashTable *position = user_data;
  guint pa = GPOINTER_TO_UINT (g_hash_table_lookup (position, ladder_action_get_id ((LadderAction *) a)));
  guint pb = GPOINTER_TO_UINT (g_hash_table_lookup (position, ladder_action_get_id ((LadderAction *) b)));

  return (pa > pb) - (pa < pb);
}

void
_ladder_checkin_reorder_actions (LadderCheckin *self,
                                 GHashTable    *position)
{
  g_return_if_fail (LADDER_IS_CHECKIN (self));
  g_return_if_fail (position != NULL);

  g_list_store_sort (self->actions, compare_action_positions, position);
}
