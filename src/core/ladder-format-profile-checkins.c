/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A profile in Ladder's file format: its check-ins with their actions
 * and rating snapshots (and a check-in written alone, as drafts are),
 * its promotions and its agenda topics, each reader beside its writer.
 * The document as a whole is ladder-format-profile.c. */

#define G_LOG_DOMAIN "ladder-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-format.h"
#include "ladder-format-private.h"
#include "ladder-format-json-private.h"
#include "ladder-profile-private.h"
#include "ladder-json-private.h"

/* The unknown members of each snapshot entry of a check-in: behaviour id
 * → JsonObject. The model has no object per entry to hang them on. */
static GQuark
snapshot_extra_quark (void)
{
  return g_quark_from_static_string ("ladder-format-snapshot-extra");
}

void
_ladder_format_copy_snapshot_extras (LadderCheckin *from,
                                     LadderCheckin *to)
{
  GHashTable *extras;

  g_return_if_fail (LADDER_IS_CHECKIN (from));
  g_return_if_fail (LADDER_IS_CHECKIN (to));

  extras = g_object_get_qdata (G_OBJECT (from), snapshot_extra_quark ());
  g_object_set_qdata_full (G_OBJECT (to), snapshot_extra_quark (),
                           extras != NULL ? g_hash_table_ref (extras) : NULL,
                           extras != NULL ? (GDestroyNotify) g_hash_table_unref : NULL);
}

static gboolean
read_action (LadderFormatReader *r,
             LadderCheckin      *checkin,
             JsonArray          *array,
             guint               index,
             GHashTable         *seen)
{
  g_autoptr(LadderAction) action = NULL;
  g_autoptr(GDateTime) modified = NULL;
  JsonObject *object;
  JsonObject *extra = NULL;
  const char *id, *text;
  gboolean deleted;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (!_ladder_format_read_element_object (r, array, index, "actions", &object) ||
      !_ladder_format_read_entry_head (r, array, index, object, seen, &id, &deleted, &modified))
    return FALSE;

  if (deleted)
    {
      ladder_checkin_add_action_tombstone (checkin, id, modified);
      return TRUE;
    }

  if (!_ladder_format_read_required_string (r, object, WHERE_ELEMENT (array, index), "text", &text))
    return FALSE;

  action = ladder_action_new (id);
  ladder_action_set_text (action, text);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      gboolean ok = TRUE;

      if (g_str_equal (member, "id") || g_str_equal (member, "text") ||
          g_str_equal (member, "deleted"))
        continue;
      else if (g_str_equal (member, "owner"))
        {
          LadderRater owner;

          if ((ok = _ladder_format_read_rater (r, object, member, node, &owner)))
            ladder_action_set_owner (action, owner);
        }
      else if (g_str_equal (member, "due"))
        {
          GDate due;
          gboolean present;

          if ((ok = _ladder_format_read_date (r, object, member, node, &due, &present)) && present)
            ladder_action_set_due (action, &due);
        }
      else if (g_str_equal (member, "done"))
        {
          gboolean done;

          if ((ok = _ladder_format_read_boolean (r, object, member, node, &done)))
            ladder_action_set_done (action, done);
        }
      else if (g_str_equal (member, "private"))
        {
          gboolean is_private;

          if ((ok = _ladder_format_read_boolean (r, object, member, node, &is_private)))
            ladder_action_set_private (action, is_private);
        }
      else if (g_str_equal (member, "modified"))
        {
          g_clear_pointer (&modified, g_date_time_unref);
          ok = _ladder_format_read_time (r, object, member, node, &modified);
        }
      else
        _ladder_format_keep_extra (&extra, member, node);

      if (!ok)
        {
          g_clear_pointer (&extra, json_object_unref);
          return FALSE;
        }
    }

  _ladder_format_attach_extra (action, g_steal_pointer (&extra));
  if (modified != NULL)
    ladder_action_set_modified (action, modified);

  ladder_checkin_add_action (checkin, action);

  return TRUE;
}

static JsonNode *
action_to_node (gpointer item)
{
  LadderAction *action = item;
  JsonObject *object = json_object_new ();

  _ladder_format_set_string (object, "id", ladder_action_get_id (action));
  _ladder_format_set_string (object, "text", ladder_action_get_text (action));
  _ladder_format_set_string (object, "owner", ladder_rater_to_string (ladder_action_get_owner (action)));
  _ladder_format_set_date (object, "due", ladder_action_get_due (action));
  json_object_set_boolean_member (object, "done", ladder_action_get_done (action));
  /* Only when set: a file without private items stays as it was. */
  if (ladder_action_get_private (action))
    json_object_set_boolean_member (object, "private", TRUE);
  _ladder_format_set_time (object, "modified", ladder_action_get_modified (action));
  _ladder_format_add_extra (object, _ladder_json_get_extra (action));

  return _ladder_format_object_node (object);
}

static gboolean
read_snapshot (LadderFormatReader *r,
               LadderCheckin      *checkin,
               LadderFramework    *framework,
               JsonObject         *snapshot)
{
  g_autoptr(GHashTable) extras = NULL;
  JsonObjectIter iter;
  const char *behaviour_id;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, snapshot);
  while (json_object_iter_next_ordered (&iter, &behaviour_id, &node))
    {
      LadderRatingValue values[2] = { LADDER_RATING_UNRATED, LADDER_RATING_UNRATED };
      JsonObject *entry;
      JsonObject *extra = NULL;
      JsonObjectIter entry_iter;
      const char *member;
      JsonNode *value;

      if (ladder_framework_find_behaviour (framework, behaviour_id) == NULL)
        return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_DANGLING, WHERE_MEMBER (snapshot, behaviour_id),
                                           _("The framework has no behaviour “%s”."), behaviour_id);

      if (!_ladder_format_read_object (r, snapshot, behaviour_id, node, &entry))
        return FALSE;
      if (entry == NULL)
        return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (snapshot, behaviour_id),
                                           _("The member “%s” must be an object."), behaviour_id);

      json_object_iter_init_ordered (&entry_iter, entry);
      while (json_object_iter_next_ordered (&entry_iter, &member, &value))
        {
          gboolean ok = TRUE;

          if (g_str_equal (member, "self"))
            ok = _ladder_format_read_rating_value (r, entry, member, value, &values[LADDER_RATER_SELF]);
          else if (g_str_equal (member, "manager"))
            ok = _ladder_format_read_rating_value (r, entry, member, value, &values[LADDER_RATER_MANAGER]);
          else
            _ladder_format_keep_extra (&extra, member, value);

          if (!ok)
            {
              g_clear_pointer (&extra, json_object_unref);
              return FALSE;
            }
        }

      ladder_checkin_set_snapshot (checkin, behaviour_id,
                                   values[LADDER_RATER_SELF], values[LADDER_RATER_MANAGER]);

      if (extra != NULL)
        {
          if (extras == NULL)
            extras = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            g_free, (GDestroyNotify) json_object_unref);
          g_hash_table_replace (extras, g_strdup (behaviour_id), extra);
        }
    }

  if (extras != NULL)
    g_object_set_qdata_full (G_OBJECT (checkin), snapshot_extra_quark (),
                             g_steal_pointer (&extras), (GDestroyNotify) g_hash_table_unref);

  return TRUE;
}

/* Adds the check-in to @profile or, with @out, gives it back instead
 * (a check-in read alone, which cannot be a tombstone). */
gboolean
_ladder_format_read_checkin (LadderFormatReader *r,
                             LadderProfile      *profile,
                             LadderFramework    *framework,
                             JsonArray          *array,
                             guint               index,
                             GHashTable         *seen,
                             LadderCheckin     **out)
{
  g_autoptr(LadderCheckin) checkin = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GHashTable) seen_actions = NULL;
  JsonObject *object;
  JsonObject *extra = NULL;
  const char *id, *date_text;
  gboolean deleted;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (!_ladder_format_read_element_object (r, array, index, "checkins", &object) ||
      !_ladder_format_read_entry_head (r, array, index, object, seen, &id, &deleted, &modified))
    return FALSE;

  if (deleted && out != NULL)
    return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (object, "deleted"),
                                       _("A check-in read on its own cannot be a deleted one."));

  if (deleted)
    {
      ladder_profile_add_tombstone (profile, "checkin", id, modified);
      return TRUE;
    }

  if (!_ladder_format_read_required_string (r, object, WHERE_ELEMENT (array, index), "date", &date_text))
    return FALSE;

  checkin = ladder_checkin_new (id);
  seen_actions = g_hash_table_new (g_str_hash, g_str_equal);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      gboolean ok = TRUE;

      if (g_str_equal (member, "id") || g_str_equal (member, "deleted"))
        continue;
      else if (g_str_equal (member, "date"))
        {
          GDate date;
          gboolean present;

          if ((ok = _ladder_format_read_date (r, object, member, node, &date, &present)) && present)
            ladder_checkin_set_date (checkin, &date);
        }
      else if (g_str_equal (member, "notes"))
        {
          const char *notes;

          if ((ok = _ladder_format_read_string (r, object, member, node, TRUE, &notes)))
            ladder_checkin_set_notes (checkin, notes);
        }
      else if (g_str_equal (member, "notes_private"))
        {
          gboolean notes_private;

          if ((ok = _ladder_format_read_boolean (r, object, member, node, &notes_private)))
            ladder_checkin_set_notes_private (checkin, notes_private);
        }
      else if (g_str_equal (member, "actions"))
        {
          JsonArray *actions;

          if ((ok = _ladder_format_read_array (r, object, member, node, &actions)) && actions != NULL)
            {
              guint n = json_array_get_length (actions);

              for (guint i = 0; ok && i < n; i++)
                ok = read_action (r, checkin, actions, i, seen_actions);
            }
        }
      else if (g_str_equal (member, "snapshot"))
        {
          JsonObject *snapshot;

          if ((ok = _ladder_format_read_object (r, object, member, node, &snapshot)) && snapshot != NULL)
            ok = read_snapshot (r, checkin, framework, snapshot);
        }
      else if (g_str_equal (member, "modified"))
        {
          g_clear_pointer (&modified, g_date_time_unref);
          ok = _ladder_format_read_time (r, object, member, node, &modified);
        }
      else
        _ladder_format_keep_extra (&extra, member, node);

      if (!ok)
        {
          g_clear_pointer (&extra, json_object_unref);
          return FALSE;
        }
    }

  _ladder_format_attach_extra (checkin, g_steal_pointer (&extra));
  /* Last: adding actions and the snapshot may have moved it. */
  if (modified != NULL)
    ladder_checkin_set_modified (checkin, modified);

  if (out != NULL)
    *out = g_steal_pointer (&checkin);
  else
    ladder_profile_add_checkin (profile, checkin);

  return TRUE;
}

JsonNode *
_ladder_format_checkin_to_node (gpointer item)
{
  LadderCheckin *checkin = item;
  JsonObject *object = json_object_new ();
  JsonObject *snapshot = json_object_new ();
  JsonArray *actions;
  GHashTable *snapshot_extras;
  g_auto(GStrv) ids = NULL;

  _ladder_format_set_string (object, "id", ladder_checkin_get_id (checkin));
  _ladder_format_set_date (object, "date", ladder_checkin_get_date (checkin));
  _ladder_format_set_string (object, "notes", ladder_checkin_get_notes (checkin));
  if (ladder_checkin_get_notes_private (checkin))
    json_object_set_boolean_member (object, "notes_private", TRUE);

  actions = _ladder_format_list_to_array (ladder_checkin_get_actions (checkin), action_to_node);
  _ladder_format_add_tombstones (actions, ladder_checkin_get_action_tombstones (checkin));
  json_object_set_array_member (object, "actions", actions);

  snapshot_extras = g_object_get_qdata (G_OBJECT (checkin), snapshot_extra_quark ());
  ids = ladder_checkin_list_snapshot (checkin);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      JsonObject *entry = json_object_new ();
      LadderRatingValue value;

      value = ladder_checkin_get_snapshot (checkin, ids[i], LADDER_RATER_SELF);
      _ladder_format_set_string (entry, "self", ladder_rating_value_to_string (value));
      value = ladder_checkin_get_snapshot (checkin, ids[i], LADDER_RATER_MANAGER);
      _ladder_format_set_string (entry, "manager", ladder_rating_value_to_string (value));
      if (snapshot_extras != NULL)
        _ladder_format_add_extra (entry, g_hash_table_lookup (snapshot_extras, ids[i]));

      json_object_set_object_member (snapshot, ids[i], entry);
    }
  json_object_set_object_member (object, "snapshot", snapshot);

  _ladder_format_set_time (object, "modified", ladder_checkin_get_modified (checkin));
  _ladder_format_add_extra (object, _ladder_json_get_extra (checkin));

  return _ladder_format_object_node (object);
}

/**
 * ladder_format_write_checkin:
 * @profile: the profile @checkin belongs to
 * @checkin: a #LadderCheckin, finished or not
 * @length: (out) (optional): the length of the result in bytes
 *
 * Writes one check-in on its own, as a profile file holds it, with the id
 * of its profile: pretty-printed UTF-8 JSON ending in a newline.
 *
 * Returns: (transfer full): the text
 */
char *
ladder_format_write_checkin (LadderProfile *profile,
                             LadderCheckin *checkin,
                             gsize         *length)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (LADDER_IS_CHECKIN (checkin), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "format", CHECKIN_FORMAT);
  json_object_set_int_member (object, "version", LADDER_FORMAT_VERSION);
  _ladder_format_set_string (object, "profile", ladder_profile_get_id (profile));
  json_object_set_member (object, "checkin", _ladder_format_checkin_to_node (checkin));
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);

  return _ladder_format_node_to_data (node, length);
}

/* A change of level: { "id", "date", "from", "to", "modified" }, or its
 * tombstone. */
gboolean
_ladder_format_read_promotion (LadderFormatReader *r,
                               LadderProfile      *profile,
                               LadderFramework    *framework,
                               JsonArray          *array,
                               guint               index,
                               GHashTable         *seen)
{
  g_autoptr(LadderPromotion) promotion = NULL;
  g_autoptr(GDateTime) modified = NULL;
  JsonObject *object;
  JsonObject *extra = NULL;
  const char *id, *text;
  const char *from = NULL, *to = NULL;
  gboolean deleted;
  GDate date;
  gboolean has_date = FALSE;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (!_ladder_format_read_element_object (r, array, index, "promotions", &object) ||
      !_ladder_format_read_entry_head (r, array, index, object, seen, &id, &deleted, &modified))
    return FALSE;

  if (deleted)
    {
      ladder_profile_add_tombstone (profile, "promotion", id, modified);
      return TRUE;
    }

  if (!_ladder_format_read_required_string (r, object, WHERE_ELEMENT (array, index), "date", &text) ||
      !_ladder_format_read_required_string (r, object, WHERE_ELEMENT (array, index), "from", &text) ||
      !_ladder_format_read_required_string (r, object, WHERE_ELEMENT (array, index), "to", &text))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      gboolean ok = TRUE;

      if (g_str_equal (member, "id") || g_str_equal (member, "deleted"))
        continue;
      else if (g_str_equal (member, "date"))
        ok = _ladder_format_read_date (r, object, member, node, &date, &has_date);
      else if (g_str_equal (member, "from"))
        ok = _ladder_format_read_level_reference (r, framework, object, member, node, &from);
      else if (g_str_equal (member, "to"))
        ok = _ladder_format_read_level_reference (r, framework, object, member, node, &to);
      else if (g_str_equal (member, "modified"))
        {
          g_clear_pointer (&modified, g_date_time_unref);
          ok = _ladder_format_read_time (r, object, member, node, &modified);
        }
      else
        _ladder_format_keep_extra (&extra, member, node);

      if (!ok)
        {
          g_clear_pointer (&extra, json_object_unref);
          return FALSE;
        }
    }

  promotion = ladder_promotion_new (id, has_date ? &date : NULL, from, to);
  _ladder_format_attach_extra (promotion, g_steal_pointer (&extra));
  if (modified != NULL)
    ladder_promotion_set_modified (promotion, modified);

  ladder_profile_add_promotion (profile, promotion);

  return TRUE;
}

JsonNode *
_ladder_format_promotion_to_node (gpointer item)
{
  LadderPromotion *promotion = item;
  JsonObject *object = json_object_new ();

  _ladder_format_set_string (object, "id", ladder_promotion_get_id (promotion));
  _ladder_format_set_date (object, "date", ladder_promotion_get_date (promotion));
  _ladder_format_set_string (object, "from", ladder_promotion_get_from (promotion));
  _ladder_format_set_string (object, "to", ladder_promotion_get_to (promotion));
  _ladder_format_set_time (object, "modified", ladder_promotion_get_modified (promotion));
  _ladder_format_add_extra (object, _ladder_json_get_extra (promotion));

  return _ladder_format_object_node (object);
}

/* An agenda topic: { "id", "text", "author", "created", "private",
 * "closed", "checkin", "modified" }, or its tombstone. */
gboolean
_ladder_format_read_topic (LadderFormatReader *r,
                           LadderProfile      *profile,
                           JsonArray          *array,
                           guint               index,
                           GHashTable         *seen)
{
  g_autoptr(LadderTopic) topic = NULL;
  g_autoptr(GDateTime) modified = NULL;
  JsonObject *object;
  JsonObject *extra = NULL;
  const char *id, *text;
  const char *checkin_id = NULL;
  gboolean deleted;
  GDate closed;
  gboolean has_closed = FALSE;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (!_ladder_format_read_element_object (r, array, index, "agenda", &object) ||
      !_ladder_format_read_entry_head (r, array, index, object, seen, &id, &deleted, &modified))
    return FALSE;

  if (deleted)
    {
      ladder_profile_add_tombstone (profile, "topic", id, modified);
      return TRUE;
    }

  if (!_ladder_format_read_required_string (r, object, WHERE_ELEMENT (array, index), "text", &text))
    return FALSE;

  topic = ladder_topic_new (id);
  ladder_topic_set_text (topic, text);
  /* A topic that does not say when it was added: unknown, not today. */
  ladder_topic_set_created (topic, NULL);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      gboolean ok = TRUE;

      if (g_str_equal (member, "id") || g_str_equal (member, "text") ||
          g_str_equal (member, "deleted"))
        continue;
      else if (g_str_equal (member, "author"))
        {
          LadderRater author;

          if ((ok = _ladder_format_read_rater (r, object, member, node, &author)))
            ladder_topic_set_author (topic, author);
        }
      else if (g_str_equal (member, "created"))
        {
          GDate created;
          gboolean present;

          if ((ok = _ladder_format_read_date (r, object, member, node, &created, &present)) && present)
            ladder_topic_set_created (topic, &created);
        }
      else if (g_str_equal (member, "closed"))
        ok = _ladder_format_read_date (r, object, member, node, &closed, &has_closed);
      else if (g_str_equal (member, "checkin"))
        ok = _ladder_format_read_string (r, object, member, node, TRUE, &checkin_id);
      else if (g_str_equal (member, "private"))
        {
          gboolean is_private;

          if ((ok = _ladder_format_read_boolean (r, object, member, node, &is_private)))
            ladder_topic_set_private (topic, is_private);
        }
      else if (g_str_equal (member, "modified"))
        {
          g_clear_pointer (&modified, g_date_time_unref);
          ok = _ladder_format_read_time (r, object, member, node, &modified);
        }
      else
        _ladder_format_keep_extra (&extra, member, node);

      if (!ok)
        {
          g_clear_pointer (&extra, json_object_unref);
          return FALSE;
        }
    }

  if (has_closed)
    ladder_topic_close (topic, &closed, checkin_id);
  _ladder_format_attach_extra (topic, g_steal_pointer (&extra));
  if (modified != NULL)
    ladder_topic_set_modified (topic, modified);

  ladder_profile_add_topic (profile, topic);

  return TRUE;
}

JsonNode *
_ladder_format_topic_to_node (gpointer item)
{
  LadderTopic *topic = item;
  JsonObject *object = json_object_new ();

  _ladder_format_set_string (object, "id", ladder_topic_get_id (topic));
  _ladder_format_set_string (object, "text", ladder_topic_get_text (topic));
  _ladder_format_set_string (object, "author", ladder_rater_to_string (ladder_topic_get_author (topic)));
  _ladder_format_set_date (object, "created", ladder_topic_get_created (topic));
  if (ladder_topic_get_private (topic))
    json_object_set_boolean_member (object, "private", TRUE);
  if (ladder_topic_get_closed (topic) != NULL)
    {
      _ladder_format_set_date (object, "closed", ladder_topic_get_closed (topic));
      _ladder_format_set_string (object, "checkin", ladder_topic_get_checkin (topic));
    }
  _ladder_format_set_time (object, "modified", ladder_topic_get_modified (topic));
  _ladder_format_add_extra (object, _ladder_json_get_extra (topic));

  return _ladder_format_object_node (object);
}
