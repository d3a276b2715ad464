/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A profile in Ladder's file format: its ratings and its evidence
 * entries, each reader beside its writer. The document as a whole is
 * ladder-format-profile.c. */

#define G_LOG_DOMAIN "ladder-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-format.h"
#include "ladder-format-private.h"
#include "ladder-format-json-private.h"
#include "ladder-profile-private.h"
#include "ladder-json-private.h"

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

gboolean
_ladder_format_read_rating (LadderFormatReader *r,
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

JsonNode *
_ladder_format_rating_to_node (LadderRating *rating)
{
  JsonObject *object = json_object_new ();
  LadderRatingValue value;

  /* A cleared side keeps its time without a value (see the reader above). */
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

gboolean
_ladder_format_read_evidence (LadderFormatReader *r,
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
      !_ladder_format_read_entry_head (r, array, index, object, seen, &id, &deleted, &modified))
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

JsonNode *
_ladder_format_evidence_to_node (gpointer item)
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
