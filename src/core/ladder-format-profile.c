/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A profile in Ladder's file format: its reader and its writer, field by
 * field side by side (ratings, evidence, actions, check-ins, promotions),
 * and the profile's head, which the library caches. */

#define G_LOG_DOMAIN "ladder-format"

#include "config.h"

#include <stdlib.h>
#include <string.h>

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

gboolean
_ladder_format_read_rating_value (LadderFormatReader *r,
                                  JsonObject         *object,
                                  const char         *name,
                                  JsonNode           *node,
                                  LadderRatingValue  *value)
{
  const char *text;

  if (!_ladder_format_read_string (r, object, name, node, TRUE, &text))
    return FALSE;

  if (text == NULL)
    {
      *value = LADDER_RATING_UNRATED;
      return TRUE;
    }

  /* A newer Ladder may rate with words this one does not know. Its file
   * opens read-only and its tree is written back as it was read, so the
   * word is shown as no rating rather than refusing the whole file. */
  if (!ladder_rating_value_from_string (text, value) && r->newer)
    {
      *value = LADDER_RATING_UNRATED;
      return TRUE;
    }

  if (!ladder_rating_value_from_string (text, value))
    return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, name),
                                       _("“%s” is not a rating: use “not-yet”, “sometimes”, "
                                         "“consistently” or “not-applicable”."),
                                       text);

  return TRUE;
}

static gboolean
read_rater (LadderFormatReader *r,
            JsonObject         *object,
            const char         *name,
            JsonNode           *node,
            LadderRater        *rater)
{
  const char *text;

  if (!_ladder_format_read_string (r, object, name, node, FALSE, &text))
    return FALSE;

  /* As for ratings: an owner from a newer Ladder reads as the engineer. */
  if (!ladder_rater_from_string (text, rater) && r->newer)
    {
      *rater = LADDER_RATER_SELF;
      return TRUE;
    }

  if (!ladder_rater_from_string (text, rater))
    return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, name),
                                       _("“%s” is not an owner: use “self” or “manager”."), text);

  return TRUE;
}

/* The members that say when a detail of a profile last changed. */
static const char * const detail_updated_members[LADDER_PROFILE_N_DETAILS] = {
  [LADDER_PROFILE_NAME] = "name_updated",
  [LADDER_PROFILE_ROLE] = "role_updated",
  [LADDER_PROFILE_CURRENT_LEVEL] = "current_level_updated",
  [LADDER_PROFILE_TARGET_LEVEL] = "target_level_updated",
  [LADDER_PROFILE_CADENCE] = "cadence_updated",
};

static LadderProfileDetail
detail_of_updated_member (const char *member)
{
  for (guint i = 0; i < LADDER_PROFILE_N_DETAILS; i++)
    if (g_str_equal (member, detail_updated_members[i]))
      return i;

  return LADDER_PROFILE_N_DETAILS;
}

static gboolean
read_rating (LadderFormatReader *r,
             LadderProfile      *profile,
             LadderFramework    *framework,
             JsonObject         *ratings,
             const char         *behaviour_id,
             JsonNode           *rating_node)
{
  static const struct
  {
    LadderRater  rater;
    const char  *value;
    const char  *updated;
  } sides[] = {
    { LADDER_RATER_SELF, "self", "self_updated" },
    { LADDER_RATER_MANAGER, "manager", "manager_updated" },
  };
  LadderRating *rating;
  JsonObject *object;
  JsonObject *extra = NULL;
  const char *note = NULL;
  const char *notes[2] = { NULL, NULL };
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (ladder_framework_find_behaviour (framework, behaviour_id) == NULL)
    return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_DANGLING, WHERE_MEMBER (ratings, behaviour_id),
                                       _("The framework has no behaviour “%s”."), behaviour_id);

  if (!_ladder_format_read_object (r, ratings, behaviour_id, rating_node, &object))
    return FALSE;
  if (object == NULL)
    return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (ratings, behaviour_id),
                                       _("The member “%s” must be an object."), behaviour_id);

  rating = ladder_profile_ensure_rating (profile, behaviour_id);

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      g_autoptr(GDateTime) updated = NULL;
      LadderRatingValue value;
      JsonNode *value_node = json_object_get_member (object, sides[i].value);
      JsonNode *updated_node = json_object_get_member (object, sides[i].updated);

      value = LADDER_RATING_UNRATED;
      if (value_node != NULL && !_ladder_format_read_rating_value (r, object, sides[i].value, value_node, &value))
        return FALSE;

      /* A side with a time and no value was cleared at that time: the
       * clearing wins a merge over an older rating on the other copy.
       * Without either, the side was never rated. */
      if (value == LADDER_RATING_UNRATED)
        {
          if (updated_node == NULL)
            continue;
          if (!_ladder_format_read_time (r, object, sides[i].updated, updated_node, &updated))
            return FALSE;
          if (updated != NULL)
            ladder_rating_set_value (rating, sides[i].rater, value, updated);
          continue;
        }

      /* Merges compare these stamps; making one up would be a lie. */
      if (updated_node == NULL)
        return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (object, sides[i].value),
                                           _("The member “%s” is missing: a rating needs the time it was given."),
                                           sides[i].updated);

      if (!_ladder_format_read_time (r, object, sides[i].updated, updated_node, &updated))
        return FALSE;
      if (updated == NULL)
        return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (object, sides[i].updated),
                                           _("The member “%s” must be a string."), sides[i].updated);

      ladder_rating_set_value (rating, sides[i].rater, value, updated);
    }

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      const char **into = NULL;

      if (g_str_equal (member, "self") || g_str_equal (member, "manager") ||
          g_str_equal (member, "self_updated") || g_str_equal (member, "manager_updated"))
        continue;
      else if (g_str_equal (member, "self_note"))
        into = &notes[LADDER_RATER_SELF];
      else if (g_str_equal (member, "manager_note"))
        into = &notes[LADDER_RATER_MANAGER];
      else if (g_str_equal (member, "note"))
        into = &note;
      else
        _ladder_format_keep_extra (&extra, member, node);

      if (into != NULL && !_ladder_format_read_string (r, object, member, node, TRUE, into))
        {
          g_clear_pointer (&extra, json_object_unref);
          return FALSE;
        }
    }

  /* Before each side had its own, a rating had one note: it was why the
   * behaviour did not apply, so it goes to a side that says so, else to
   * the engineer's. */
  if (note != NULL && notes[LADDER_RATER_SELF] == NULL && notes[LADDER_RATER_MANAGER] == NULL)
    {
      if (ladder_rating_get_value (rating, LADDER_RATER_SELF) != LADDER_RATING_NOT_APPLICABLE &&
          ladder_rating_get_value (rating, LADDER_RATER_MANAGER) == LADDER_RATING_NOT_APPLICABLE)
        notes[LADDER_RATER_MANAGER] = note;
      else
        notes[LADDER_RATER_SELF] = note;
    }
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    ladder_rating_set_note (rating, sides[i].rater, notes[sides[i].rater]);
  _ladder_format_attach_extra (rating, g_steal_pointer (&extra));

  return TRUE;
}

/* A behaviour id that must be in the framework, as an element of an
 * array (the behaviours of an evidence entry). */
static gboolean
check_behaviour_ids (LadderFormatReader *r,
                     LadderFramework    *framework,
                     JsonArray          *array)
{
  guint n = r->strings->len - 1;

  for (guint i = 0; i < n; i++)
    {
      const char *id = g_ptr_array_index (r->strings, i);

      if (ladder_framework_find_behaviour (framework, id) == NULL)
        return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_DANGLING, WHERE_ELEMENT (array, i),
                                           _("The framework has no behaviour “%s”."), id);
    }

  return TRUE;
}

/* Reads the "id" of an evidence entry, check-in or action, refusing one
 * seen before in the same list, and whether it is a tombstone; a
 * tombstone's "modified" goes to @modified. */
static gboolean
read_entry_head (LadderFormatReader *r,
                 JsonArray          *array,
                 guint               index,
                 JsonObject         *object,
                 GHashTable         *seen,
                 const char        **id,
                 gboolean           *deleted,
                 GDateTime         **modified)
{
  JsonNode *node;

  *deleted = FALSE;
  *modified = NULL;

  if (!_ladder_format_read_required_string (r, object, WHERE_ELEMENT (array, index), "id", id))
    return FALSE;

  if (!g_hash_table_add (seen, (gpointer) *id))
    return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, "id"),
                                       _("The id “%s” appears twice."), *id);

  node = json_object_get_member (object, "deleted");
  if (node != NULL && !_ladder_format_read_boolean (r, object, "deleted", node, deleted))
    return FALSE;

  if (*deleted)
    {
      node = json_object_get_member (object, "modified");
      if (node == NULL)
        return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_ELEMENT (array, index),
                                           _("The member “%s” is missing."), "modified");
      if (!_ladder_format_read_time (r, object, "modified", node, modified))
        return FALSE;
      if (*modified == NULL)
        return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (object, "modified"),
                                           _("The member “%s” must be a string."), "modified");
    }

  return TRUE;
}

static gboolean
read_evidence (LadderFormatReader *r,
               LadderProfile      *profile,
               LadderFramework    *framework,
               JsonArray          *array,
               guint               index,
               GHashTable         *seen,
               LadderEvidence    **evidence_out)
{
  g_autoptr(LadderEvidence) evidence = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  JsonObject *object;
  JsonObject *extra = NULL;
  const char *id, *text;
  gboolean deleted;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  *evidence_out = NULL;

  if (!_ladder_format_read_element_object (r, array, index, "evidence", &object) ||
      !read_entry_head (r, array, index, object, seen, &id, &deleted, &modified))
    return FALSE;

  if (deleted)
    {
      ladder_profile_add_tombstone (profile, "evidence", id, modified);
      return TRUE;
    }

  /* Required: the model would date an entry without one today, and the
   * same file would read differently tomorrow. */
  if (!_ladder_format_read_required_string (r, object, WHERE_ELEMENT (array, index), "date", &text))
    return FALSE;

  evidence = ladder_evidence_new (id);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      gboolean ok = TRUE;

      switch (member[0])
        {
        case 'i':
          if (g_str_equal (member, "id"))
            continue;
          break;

        case 'd':
          if (g_str_equal (member, "date"))
            {
              GDate date;
              gboolean present;

              if ((ok = _ladder_format_read_date (r, object, member, node, &date, &present)) && present)
                ladder_evidence_set_date (evidence, &date);
              goto next;
            }
          else if (g_str_equal (member, "deleted"))
            continue;
          break;

        case 't':
          if (g_str_equal (member, "title"))
            {
              if ((ok = _ladder_format_read_string (r, object, member, node, TRUE, &text)))
                ladder_evidence_set_title (evidence, text);
              goto next;
            }
          else if (g_str_equal (member, "tags"))
            {
              if ((ok = _ladder_format_read_strings (r, object, member, node)))
                ladder_evidence_set_tags (evidence, (const char * const *) r->strings->pdata);
              goto next;
            }
          break;

        case 'b':
          if (g_str_equal (member, "body"))
            {
              if ((ok = _ladder_format_read_string (r, object, member, node, TRUE, &text)))
                ladder_evidence_set_body (evidence, text);
              goto next;
            }
          else if (g_str_equal (member, "behaviours"))
            {
              ok = _ladder_format_read_strings (r, object, member, node) &&
                   (!JSON_NODE_HOLDS_ARRAY (node) ||
                    check_behaviour_ids (r, framework, json_node_get_array (node)));
              if (ok)
                ladder_evidence_set_behaviours (evidence, (const char * const *) r->strings->pdata);
              goto next;
            }
          break;

        case 'l':
          if (g_str_equal (member, "links"))
            {
              if ((ok = _ladder_format_read_strings (r, object, member, node)))
                ladder_evidence_set_links (evidence, (const char * const *) r->strings->pdata);
              goto next;
            }
          break;

        case 'c':
          if (g_str_equal (member, "created"))
            {
              g_clear_pointer (&created, g_date_time_unref);
              ok = _ladder_format_read_time (r, object, member, node, &created);
              goto next;
            }
          break;

        case 'm':
          if (g_str_equal (member, "modified"))
            {
              g_clear_pointer (&modified, g_date_time_unref);
              ok = _ladder_format_read_time (r, object, member, node, &modified);
              goto next;
            }
          break;

        default:
          break;
        }

      _ladder_format_keep_extra (&extra, member, node);

    next:
      if (!ok)
        {
          g_clear_pointer (&extra, json_object_unref);
          return FALSE;
        }
    }

  _ladder_format_attach_extra (evidence, g_steal_pointer (&extra));

  /* Last: every setter above moved "modified" to now. */
  ladder_evidence_set_stamps (evidence, created, modified);

  *evidence_out = g_steal_pointer (&evidence);

  return TRUE;
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
      !read_entry_head (r, array, index, object, seen, &id, &deleted, &modified))
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

          if ((ok = read_rater (r, object, member, node, &owner)))
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
      !read_entry_head (r, array, index, object, seen, &id, &deleted, &modified))
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

static gboolean
read_level_reference (LadderFormatReader *r,
                      LadderFramework    *framework,
                      JsonObject         *object,
                      const char         *name,
                      JsonNode           *node,
                      const char        **level)
{
  if (!_ladder_format_read_string (r, object, name, node, TRUE, level))
    return FALSE;

  if (*level != NULL && ladder_framework_find_level (framework, *level) == NULL)
    return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_DANGLING, WHERE_VALUE (object, name),
                                       _("The framework has no level “%s”."), *level);

  return TRUE;
}

/* A change of level: { "id", "date", "from", "to", "modified" }, or its
 * tombstone. */
static gboolean
read_promotion (LadderFormatReader *r,
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
      !read_entry_head (r, array, index, object, seen, &id, &deleted, &modified))
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
        ok = read_level_reference (r, framework, object, member, node, &from);
      else if (g_str_equal (member, "to"))
        ok = read_level_reference (r, framework, object, member, node, &to);
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

/* An agenda topic: { "id", "text", "author", "created", "private",
 * "closed", "checkin", "modified" }, or its tombstone. */
static gboolean
read_topic (LadderFormatReader *r,
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
      !read_entry_head (r, array, index, object, seen, &id, &deleted, &modified))
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

          if ((ok = read_rater (r, object, member, node, &author)))
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

LadderProfile *
_ladder_format_read_profile_node (LadderFormatReader *r,
                                  JsonNode           *root)
{
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GHashTable) seen_evidence = NULL;
  g_autoptr(GHashTable) seen_checkins = NULL;
  g_autoptr(GHashTable) seen_promotions = NULL;
  g_autoptr(GHashTable) seen_topics = NULL;
  g_autofree char *reason = NULL;
  JsonObject *object = json_node_get_object (root);
  JsonObject *extra = NULL;
  JsonNode *framework_node;
  const char *id;
  gboolean newer;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (!_ladder_format_check_format (r, object, WHERE_TOP, PROFILE_FORMAT, TRUE) ||
      !_ladder_format_read_version (r, object, WHERE_TOP, TRUE, &newer) ||
      !_ladder_format_read_required_string (r, object, WHERE_TOP, "id", &id))
    return NULL;
  r->newer |= newer;

  framework_node = json_object_get_member (object, "framework");
  if (framework_node == NULL)
    {
      _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_TOP,
                                  _("The member “%s” is missing."), "framework");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (framework_node))
    {
      _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (object, "framework"),
                                  _("The member “%s” must be an object."), "framework");
      return NULL;
    }

  framework = _ladder_format_read_framework_node (r, framework_node, WHERE_MEMBER (object, "framework"), FALSE);
  if (framework == NULL)
    return NULL;

  profile = ladder_profile_new (id, framework);
  evidence = g_ptr_array_new_with_free_func (g_object_unref);
  seen_evidence = g_hash_table_new (g_str_hash, g_str_equal);
  seen_checkins = g_hash_table_new (g_str_hash, g_str_equal);
  seen_promotions = g_hash_table_new (g_str_hash, g_str_equal);
  seen_topics = g_hash_table_new (g_str_hash, g_str_equal);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      const char *text;
      gboolean ok = TRUE;

      if (g_str_equal (member, "format") || g_str_equal (member, "version") ||
          g_str_equal (member, "id") || g_str_equal (member, "framework"))
        continue;
      else if (g_str_equal (member, "name"))
        {
          if ((ok = _ladder_format_read_string (r, object, member, node, TRUE, &text)))
            ladder_profile_set_name (profile, text);
        }
      else if (g_str_equal (member, "role"))
        {
          if ((ok = _ladder_format_read_string (r, object, member, node, TRUE, &text)))
            ladder_profile_set_role (profile, text);
        }
      else if (g_str_equal (member, "owner"))
        {
          LadderRater owner;

          if ((ok = read_rater (r, object, member, node, &owner)))
            ladder_profile_set_owner (profile, owner);
        }
      else if (g_str_equal (member, "current_level"))
        {
          if ((ok = read_level_reference (r, framework, object, member, node, &text)))
            ladder_profile_set_current_level (profile, text);
        }
      else if (g_str_equal (member, "target_level"))
        {
          if ((ok = read_level_reference (r, framework, object, member, node, &text)))
            ladder_profile_set_target_level (profile, text);
        }
      else if (g_str_equal (member, "cadence"))
        {
          LadderCadence cadence = LADDER_CADENCE_NONE;

          if ((ok = _ladder_format_read_string (r, object, member, node, TRUE, &text)))
            {
              /* A cadence from a newer Ladder reads as none. */
              if (!ladder_cadence_from_string (text, &cadence) && !r->newer)
                ok = _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, member),
                                                 _("“%s” is not a cadence: use “weekly”, “biweekly” or “monthly”."),
                                                 text);
              else
                ladder_profile_set_cadence (profile, cadence);
            }
        }
      else if (detail_of_updated_member (member) < LADDER_PROFILE_N_DETAILS)
        {
          g_autoptr(GDateTime) updated = NULL;

          if ((ok = _ladder_format_read_time (r, object, member, node, &updated)))
            _ladder_profile_set_detail_updated (profile, detail_of_updated_member (member), updated);
        }
      else if (g_str_equal (member, "ratings"))
        {
          JsonObject *ratings;

          if ((ok = _ladder_format_read_object (r, object, member, node, &ratings)) && ratings != NULL)
            {
              JsonObjectIter rating_iter;
              const char *behaviour_id;
              JsonNode *rating;

              json_object_iter_init_ordered (&rating_iter, ratings);
              while (ok && json_object_iter_next_ordered (&rating_iter, &behaviour_id, &rating))
                ok = read_rating (r, profile, framework, ratings, behaviour_id, rating);
            }
        }
      else if (g_str_equal (member, "evidence"))
        {
          JsonArray *array;

          if ((ok = _ladder_format_read_array (r, object, member, node, &array)) && array != NULL)
            {
              guint n = json_array_get_length (array);

              g_ptr_array_set_size (evidence, 0);
              for (guint i = 0; ok && i < n; i++)
                {
                  LadderEvidence *entry;

                  ok = read_evidence (r, profile, framework, array, i, seen_evidence, &entry);
                  if (entry != NULL)
                    g_ptr_array_add (evidence, entry);
                }
            }
        }
      else if (g_str_equal (member, "checkins"))
        {
          JsonArray *array;

          if ((ok = _ladder_format_read_array (r, object, member, node, &array)) && array != NULL)
            {
              guint n = json_array_get_length (array);

              for (guint i = 0; ok && i < n; i++)
                ok = _ladder_format_read_checkin (r, profile, framework, array, i, seen_checkins, NULL);
            }
        }
      else if (g_str_equal (member, "promotions"))
        {
          JsonArray *array;

          if ((ok = _ladder_format_read_array (r, object, member, node, &array)) && array != NULL)
            {
              guint n = json_array_get_length (array);

              for (guint i = 0; ok && i < n; i++)
                ok = read_promotion (r, profile, framework, array, i, seen_promotions);
            }
        }
      else if (g_str_equal (member, "agenda"))
        {
          JsonArray *array;

          if ((ok = _ladder_format_read_array (r, object, member, node, &array)) && array != NULL)
            {
              guint n = json_array_get_length (array);

              for (guint i = 0; ok && i < n; i++)
                ok = read_topic (r, profile, array, i, seen_topics);
            }
        }
      else
        _ladder_format_keep_extra (&extra, member, node);

      if (!ok)
        {
          g_clear_pointer (&extra, json_object_unref);
          return NULL;
        }
    }

  _ladder_format_attach_extra (profile, g_steal_pointer (&extra));

  /* One items-changed for all of it. */
  if (evidence->len > 0)
    ladder_profile_splice_evidence (profile, (LadderEvidence **) evidence->pdata, evidence->len);

  if (newer)
    {
      JsonNode *original = json_node_copy (root);

      json_node_seal (original);
      g_object_set_qdata_full (G_OBJECT (profile), _ladder_format_original_quark (),
                               original, (GDestroyNotify) json_node_unref);
      reason = g_strdup_printf (_("“%s” was written by a newer version of Ladder. It is shown "
                                  "read-only, so that nothing in it is lost; update Ladder to "
                                  "edit it."),
                                r->filename);
      ladder_profile_set_read_only_reason (profile, reason);
    }

  return g_steal_pointer (&profile);
}

static JsonNode *
rating_to_node (LadderRating *rating)
{
  JsonObject *object = json_object_new ();
  LadderRatingValue value;

  /* A cleared side keeps its time without a value (see read_rating). */
  value = ladder_rating_get_value (rating, LADDER_RATER_SELF);
  if (value != LADDER_RATING_UNRATED)
    _ladder_format_set_string (object, "self", ladder_rating_value_to_string (value));
  _ladder_format_set_time (object, "self_updated", ladder_rating_get_updated (rating, LADDER_RATER_SELF));
  value = ladder_rating_get_value (rating, LADDER_RATER_MANAGER);
  if (value != LADDER_RATING_UNRATED)
    _ladder_format_set_string (object, "manager", ladder_rating_value_to_string (value));
  _ladder_format_set_time (object, "manager_updated", ladder_rating_get_updated (rating, LADDER_RATER_MANAGER));
  _ladder_format_set_string (object, "self_note", ladder_rating_get_note (rating, LADDER_RATER_SELF));
  _ladder_format_set_string (object, "manager_note", ladder_rating_get_note (rating, LADDER_RATER_MANAGER));
  _ladder_format_add_extra (object, _ladder_json_get_extra (rating));

  return _ladder_format_object_node (object);
}

static JsonNode *
evidence_to_node (gpointer item)
{
  LadderEvidence *evidence = item;
  JsonObject *object = json_object_new ();

  _ladder_format_set_string (object, "id", ladder_evidence_get_id (evidence));
  _ladder_format_set_date (object, "date", ladder_evidence_get_date (evidence));
  _ladder_format_set_string (object, "title", ladder_evidence_get_title (evidence));
  _ladder_format_set_string (object, "body", ladder_evidence_get_body (evidence));
  _ladder_format_set_strings (object, "links", ladder_evidence_get_links (evidence), FALSE);
  _ladder_format_set_strings (object, "behaviours", ladder_evidence_get_behaviours (evidence), TRUE);
  _ladder_format_set_strings (object, "tags", ladder_evidence_get_tags (evidence), FALSE);
  _ladder_format_set_time (object, "created", ladder_evidence_get_created (evidence));
  _ladder_format_set_time (object, "modified", ladder_evidence_get_modified (evidence));
  _ladder_format_add_extra (object, _ladder_json_get_extra (evidence));

  return _ladder_format_object_node (object);
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

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Tombstones after the live entries, by id: hash tables have no order
 * and the output must not change from one run to the next. */
static void
add_tombstones (JsonArray  *array,
                GHashTable *tombstones)
{
  g_autofree gpointer *ids = NULL;
  guint n;

  if (tombstones == NULL || g_hash_table_size (tombstones) == 0)
    return;

  ids = g_hash_table_get_keys_as_array (tombstones, &n);
  qsort (ids, n, sizeof (gpointer), compare_strings);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "id", ids[i]);
      json_object_set_boolean_member (object, "deleted", TRUE);
      _ladder_format_set_time (object, "modified", g_hash_table_lookup (tombstones, ids[i]));
      json_array_add_element (array, _ladder_format_object_node (object));
    }
}

static JsonNode *
checkin_to_node (gpointer item)
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
  add_tombstones (actions, ladder_checkin_get_action_tombstones (checkin));
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

static JsonNode *
promotion_to_node (gpointer item)
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

static JsonNode *
topic_to_node (gpointer item)
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

static JsonNode *profile_to_node (LadderProfile *profile,
                                  gboolean       with_evidence);

/**
 * ladder_format_profile_to_node:
 * @profile: a #LadderProfile
 *
 * The profile as a JSON tree in the documented member order, with its
 * framework embedded, tombstones after the live entries of each list and
 * the members Ladder did not know after the known ones. A read-only
 * profile (of a newer version) gives back the tree it was read from.
 *
 * Returns: (transfer full): a new node
 */
JsonNode *
ladder_format_profile_to_node (LadderProfile *profile)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  return profile_to_node (profile, TRUE);
}

/* The profile, or all of it but its live evidence entries. */
static JsonNode *
profile_to_node (LadderProfile *profile,
                 gboolean       with_evidence)
{
  JsonObject *object;
  JsonObject *ratings;
  JsonArray *evidence;
  JsonNode *original;
  GListModel *model;
  guint n;

  original = g_object_get_qdata (G_OBJECT (profile), _ladder_format_original_quark ());
  if (original != NULL)
    return json_node_copy (original);

  object = json_object_new ();
  json_object_set_string_member (object, "format", PROFILE_FORMAT);
  json_object_set_int_member (object, "version", LADDER_FORMAT_VERSION);
  _ladder_format_set_string (object, "id", ladder_profile_get_id (profile));
  _ladder_format_set_string (object, "name", ladder_profile_get_name (profile));
  _ladder_format_set_time (object, "name_updated", ladder_profile_get_detail_updated (profile, LADDER_PROFILE_NAME));
  _ladder_format_set_string (object, "role", ladder_profile_get_role (profile));
  _ladder_format_set_time (object, "role_updated", ladder_profile_get_detail_updated (profile, LADDER_PROFILE_ROLE));
  _ladder_format_set_string (object, "owner", ladder_rater_to_string (ladder_profile_get_owner (profile)));
  json_object_set_member (object, "framework",
                          ladder_format_framework_to_node (ladder_profile_get_framework (profile)));
  _ladder_format_set_string (object, "current_level", ladder_profile_get_current_level (profile));
  _ladder_format_set_time (object, "current_level_updated",
                           ladder_profile_get_detail_updated (profile, LADDER_PROFILE_CURRENT_LEVEL));
  _ladder_format_set_string (object, "target_level", ladder_profile_get_target_level (profile));
  _ladder_format_set_time (object, "target_level_updated",
                           ladder_profile_get_detail_updated (profile, LADDER_PROFILE_TARGET_LEVEL));
  /* Only when set, or once changed: a profile without one is written as
   * before cadences were. */
  _ladder_format_set_string (object, "cadence", ladder_cadence_to_string (ladder_profile_get_cadence (profile)));
  _ladder_format_set_time (object, "cadence_updated",
                           ladder_profile_get_detail_updated (profile, LADDER_PROFILE_CADENCE));

  ratings = json_object_new ();
  model = ladder_profile_get_ratings (profile);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderRating) rating = g_list_model_get_item (model, i);

      json_object_set_member (ratings, ladder_rating_get_behaviour_id (rating),
                              rating_to_node (rating));
    }
  json_object_set_object_member (object, "ratings", ratings);

  if (with_evidence)
    evidence = _ladder_format_list_to_array (ladder_profile_get_evidence (profile), evidence_to_node);
  else
    evidence = json_array_new ();
  add_tombstones (evidence, ladder_profile_get_tombstones (profile, "evidence"));
  json_object_set_array_member (object, "evidence", evidence);

  {
    JsonArray *checkins = _ladder_format_list_to_array (ladder_profile_get_checkins (profile), checkin_to_node);

    add_tombstones (checkins, ladder_profile_get_tombstones (profile, "checkin"));
    json_object_set_array_member (object, "checkins", checkins);
  }

  /* Only when there is one: a profile that never changed level is
   * written as before promotions were recorded. Last of the known
   * members, where a version that does not know it keeps it. */
  {
    GListModel *promotions = ladder_profile_get_promotions (profile);
    GHashTable *tombstones = ladder_profile_get_tombstones (profile, "promotion");

    if (g_list_model_get_n_items (promotions) > 0 || g_hash_table_size (tombstones) > 0)
      {
        JsonArray *array = _ladder_format_list_to_array (promotions, promotion_to_node);

        add_tombstones (array, tombstones);
        json_object_set_array_member (object, "promotions", array);
      }
  }

  /* The same for the agenda: a profile without topics is written as
   * before there were any. */
  {
    GListModel *topics = ladder_profile_get_topics (profile);
    GHashTable *tombstones = ladder_profile_get_tombstones (profile, "topic");

    if (g_list_model_get_n_items (topics) > 0 || g_hash_table_size (tombstones) > 0)
      {
        JsonArray *array = _ladder_format_list_to_array (topics, topic_to_node);

        add_tombstones (array, tombstones);
        json_object_set_array_member (object, "agenda", array);
      }
  }

  _ladder_format_add_extra (object, _ladder_json_get_extra (profile));

  return _ladder_format_object_node (object);
}

/**
 * ladder_format_write_profile:
 * @profile: a #LadderProfile
 * @length: (out) (optional): the length of the result in bytes
 *
 * Writes a profile file with its framework embedded: pretty-printed UTF-8
 * JSON ending in a newline, the same bytes for the same profile every
 * time. This does not refuse a read-only profile (it gives back what was
 * read); saving one is refused by ladder_library_save_profile().
 *
 * Returns: (transfer full): the text
 */
char *
ladder_format_write_profile (LadderProfile *profile,
                             gsize         *length)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  node = ladder_format_profile_to_node (profile);

  return _ladder_format_node_to_data (node, length);
}

/* Whether @member marks an item private: anything but its absence or
 * false, so that a newer version's way of saying it (a profile of a
 * newer version is written back as it was read) errs on the side of
 * keeping the item home. */
static gboolean
marked_private (JsonObject *object,
                const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return FALSE;

  return !(JSON_NODE_HOLDS_VALUE (node) &&
           json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
           !json_node_get_boolean (node));
}

/* Removes the elements of @array marked private. */
static void
strip_private_elements (JsonArray *array)
{
  for (guint i = json_array_get_length (array); i > 0; i--)
    {
      JsonNode *element = json_array_get_element (array, i - 1);

      if (JSON_NODE_HOLDS_OBJECT (element) &&
          marked_private (json_node_get_object (element), "private"))
        json_array_remove_element (array, i - 1);
    }
}

/* Takes every private item out of a check-in's tree: the notes when
 * they are private, and each private action. Tombstones stay, so that
 * a deletion still travels. */
static void
strip_private_from_checkin (JsonObject *checkin)
{
  JsonNode *actions_node;
  JsonArray *actions;

  if (marked_private (checkin, "notes_private"))
    json_object_remove_member (checkin, "notes");
  if (json_object_has_member (checkin, "notes_private"))
    json_object_remove_member (checkin, "notes_private");

  actions_node = json_object_get_member (checkin, "actions");
  if (actions_node == NULL || !JSON_NODE_HOLDS_ARRAY (actions_node))
    return;

  actions = json_node_get_array (actions_node);
  strip_private_elements (actions);
}

/**
 * ladder_format_write_shared_copy:
 * @profile: a #LadderProfile
 * @length: (out) (optional): the length of the result in bytes
 *
 * Writes the copy of @profile to give the other person: the profile file
 * of ladder_format_write_profile() less every private item (a check-in's
 * private notes, each private action and agenda topic), so that nothing private to its
 * author leaves the machine. The copy keeps the profile's id and its
 * tombstones, so that the app that opens it merges it; since the items
 * are absent, not deleted, merging it back keeps them.
 *
 * Returns: (transfer full): the text
 */
char *
ladder_format_write_shared_copy (LadderProfile *profile,
                                 gsize         *length)
{
  g_autoptr(JsonNode) node = NULL;
  JsonNode *checkins_node;
  JsonNode *agenda_node;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  node = ladder_format_profile_to_node (profile);
  checkins_node = json_object_get_member (json_node_get_object (node), "checkins");
  if (checkins_node != NULL && JSON_NODE_HOLDS_ARRAY (checkins_node))
    {
      JsonArray *checkins = json_node_get_array (checkins_node);

      for (guint i = 0; i < json_array_get_length (checkins); i++)
        {
          JsonNode *element = json_array_get_element (checkins, i);

          if (JSON_NODE_HOLDS_OBJECT (element))
            strip_private_from_checkin (json_node_get_object (element));
        }
    }

  agenda_node = json_object_get_member (json_node_get_object (node), "agenda");
  if (agenda_node != NULL && JSON_NODE_HOLDS_ARRAY (agenda_node))
    strip_private_elements (json_node_get_array (agenda_node));

  return _ladder_format_node_to_data (node, length);
}

/* The profile file less its live evidence entries: what a library shows
 * of a profile before it has read the rest (see ladder-library.c). It
 * reads back with ladder_format_read_profile(). */
char *
_ladder_format_write_profile_head (LadderProfile *profile,
                                   gsize         *length)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  node = profile_to_node (profile, FALSE);

  return _ladder_format_node_to_data (node, length);
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
  json_object_set_member (object, "checkin", checkin_to_node (checkin));
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);

  return _ladder_format_node_to_data (node, length);
}
