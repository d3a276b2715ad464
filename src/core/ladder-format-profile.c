/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A profile in Ladder's file format, as a whole: reading and writing
 * the document (its details and its lists, each entry by the reader and
 * the writer of its kind), what the entries of every kind share (their
 * id, tombstones, owners and levels), the shared copy less private items,
 * and the profile's head, which the library caches. The entries are
 * ladder-format-profile-evidence.c (ratings and evidence) and
 * ladder-format-profile-checkins.c (check-ins with their actions,
 * promotions and agenda topics), each field's reader beside its
 * writer. */

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

gboolean
_ladder_format_read_rater (LadderFormatReader *r,
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

/* Reads the "id" of an evidence entry, check-in or action, refusing one
 * seen before in the same list, and whether it is a tombstone; a
 * tombstone's "modified" goes to @modified. */
gboolean
_ladder_format_read_entry_head (LadderFormatReader *r,
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

gboolean
_ladder_format_read_level_reference (LadderFormatReader *r,
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

/* One evidence entry at @span parsed on its own and read as the whole
 * list's reader reads it, on a list of this one; its tree is freed before
 * the next. Its id goes to @seen, which owns it. */
static gboolean
read_evidence_span (LadderFormatReader     *r,
                    JsonParser             *parser,
                    GHashTable             *seen,
                    GHashTable             *seen_here,
                    LadderProfile          *profile,
                    LadderFramework        *framework,
                    const LadderFormatSpan *span,
                    LadderEvidence        **entry)
{
  g_autoptr(JsonArray) one = NULL;
  JsonNode *node;

  if (!json_parser_load_from_data (parser, r->data + span->start,
                                   (gssize) (span->end - span->start), NULL) ||
      LADDER_COUNTING_PARSER (parser)->duplicate)
    return FALSE;

  node = json_parser_steal_root (parser);
  one = json_array_new ();
  json_array_add_element (one, node);
  g_hash_table_remove_all (seen_here);
  if (!_ladder_format_read_evidence (r, profile, framework, one, 0, seen_here, entry))
    return FALSE;

  /* An id seen before: the ordinary reading says where. */
  if (!g_hash_table_add (seen, g_strdup (json_object_get_string_member (json_node_get_object (node), "id"))))
    {
      g_clear_object (entry);
      return FALSE;
    }

  return TRUE;
}

/* The evidence of a profile read entry by entry (see
 * _ladder_format_read_profile_by_entry()), into @evidence; or, with
 * r->evidence_days, only the day of each live entry, found by a skim
 * that builds nothing of it (tombstones, and any entry the skim cannot
 * tell, are read). FALSE on anything wrong, which the ordinary reading
 * then tells. */
static gboolean
read_evidence_spans (LadderFormatReader *r,
                     LadderProfile      *profile,
                     LadderFramework    *framework,
                     GPtrArray          *evidence)
{
  static const char * const skimmed[] = { "date", "deleted", "behaviours", NULL };
  g_autoptr(JsonParser) parser = g_object_new (LADDER_TYPE_COUNTING_PARSER, "strict", TRUE, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen_here = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < r->evidence_spans->len; i++)
    {
      const LadderFormatSpan *span = &g_array_index (r->evidence_spans, LadderFormatSpan, i);
      LadderEvidence *entry = NULL;
      LadderFormatSpan values[G_N_ELEMENTS (skimmed) - 1];
      GStrv links = NULL;
      guint32 day;

      if (r->evidence_days != NULL &&
          _ladder_format_skim_members (r->data, span->end, span->start, skimmed, values) &&
          values[1].end == 0 && _ladder_format_skim_day (r->data, values[0], &day) &&
          _ladder_format_skim_strings (r->data, values[2], &links))
        {
          g_array_append_val (r->evidence_days, day);
          g_ptr_array_add (r->evidence_links, links);
          continue;
        }

      if (!read_evidence_span (r, parser, seen, seen_here, profile, framework, span, &entry))
        return FALSE;
      if (entry == NULL)
        continue;

      /* Skimming, a live entry the skim could not tell counts its day. */
      if (r->evidence_days != NULL)
        {
          day = g_date_valid (ladder_evidence_get_date (entry)) ? g_date_get_julian (ladder_evidence_get_date (entry)) : 0;
          g_array_append_val (r->evidence_days, day);
          g_ptr_array_add (r->evidence_links, g_strdupv ((GStrv) ladder_evidence_get_behaviours (entry)));
          g_object_unref (entry);
        }
      else
        g_ptr_array_add (evidence, entry);
    }

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
  g_autoptr(GHashTable) seen_focus = NULL;
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
  seen_focus = g_hash_table_new (g_str_hash, g_str_equal);

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

          if ((ok = _ladder_format_read_rater (r, object, member, node, &owner)))
            ladder_profile_set_owner (profile, owner);
        }
      else if (g_str_equal (member, "current_level"))
        {
          if ((ok = _ladder_format_read_level_reference (r, framework, object, member, node,
                                                         &text)))
            ladder_profile_set_current_level (profile, text);
        }
      else if (g_str_equal (member, "target_level"))
        {
          if ((ok = _ladder_format_read_level_reference (r, framework, object, member, node,
                                                         &text)))
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
                ok = _ladder_format_read_rating (r, profile, framework, ratings,
                                                 behaviour_id, rating);
            }
        }
      else if (g_str_equal (member, "evidence"))
        {
          JsonArray *array;

          if (r->evidence_spans != NULL)
            ok = !r->newer && read_evidence_spans (r, profile, framework, evidence);
          else if ((ok = _ladder_format_read_array (r, object, member, node, &array)) && array != NULL)
            {
              guint n = json_array_get_length (array);

              g_ptr_array_set_size (evidence, 0);
              for (guint i = 0; ok && i < n; i++)
                {
                  LadderEvidence *entry;

                  ok = _ladder_format_read_evidence (r, profile, framework, array, i,
                                                     seen_evidence, &entry);
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
                ok = _ladder_format_read_promotion (r, profile, framework, array, i,
                                                    seen_promotions);
            }
        }
      else if (g_str_equal (member, "agenda"))
        {
          JsonArray *array;

          if ((ok = _ladder_format_read_array (r, object, member, node, &array)) && array != NULL)
            {
              guint n = json_array_get_length (array);

              for (guint i = 0; ok && i < n; i++)
                ok = _ladder_format_read_topic (r, profile, array, i, seen_topics);
            }
        }
      else if (g_str_equal (member, "focus"))
        {
          JsonArray *array;

          if ((ok = _ladder_format_read_array (r, object, member, node, &array)) && array != NULL)
            {
              guint n = json_array_get_length (array);

              for (guint i = 0; ok && i < n; i++)
                ok = _ladder_format_read_focus (r, profile, array, i, seen_focus);
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

/* A profile whose evidence is read entry by entry, so that the tree of
 * all of it, many times the size of the file, never exists at once: the
 * document less its evidence's elements is parsed first, then each
 * element on its own as the reading reaches "evidence". With @days, its
 * live entries are only skimmed for their days, which go there. NULL
 * when the data is no profile that way reads, or is of a newer version,
 * which keeps its whole tree. */
static LadderProfile *
read_profile_spans (const char *data,
                    gsize       length,
                    const char *filename,
                    GArray     *days,
                    GPtrArray  *links)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (LadderFormatSpan));
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(LadderProfile) profile = NULL;
  g_autofree char *rest = NULL;
  LadderFormatReader r = { 0, };
  LadderFormatSpan array;
  gsize rest_length;
  JsonNode *root;

  if (!_ladder_format_skim_array_member (data, length, "evidence", &array, spans) ||
      spans->len == 0)
    return NULL;

  /* The document with "evidence": [] in place of the array. */
  rest_length = array.start + 2 + (length - array.end);
  rest = g_malloc (rest_length);
  memcpy (rest, data, array.start);
  memcpy (rest + array.start, "[]", 2);
  memcpy (rest + array.start + 2, data + array.end, length - array.end);

  parser = g_object_new (LADDER_TYPE_COUNTING_PARSER, "strict", TRUE, NULL);
  if (!json_parser_load_from_data (parser, rest, (gssize) rest_length, NULL) ||
      LADDER_COUNTING_PARSER (parser)->duplicate)
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  r.filename = filename;
  r.data = data;
  r.length = length;
  r.strings = g_ptr_array_new ();
  r.evidence_spans = spans;
  r.evidence_days = days;
  r.evidence_links = links;

  profile = _ladder_format_read_profile_node (&r, root);
  _ladder_format_reader_clear (&r);

  return g_steal_pointer (&profile);
}

/* What read_document() reads a profile with first: NULL when the data
 * must be read the ordinary way, which then says what is wrong, with its
 * line and column. */
LadderProfile *
_ladder_format_read_profile_by_entry (const char *data,
                                      gsize       length,
                                      const char *filename)
{
  return read_profile_spans (data, length, filename, NULL, NULL);
}

/* _ladder_format_skim_profile:
 * @data: (array length=length): a profile file's contents
 * @length: the length of @data
 * @filename: the name of the data in messages
 * @days: (out): the day (Julian, 0 for none) of each live evidence entry
 * @focus_evidence: (out): for each focus, how many of them count toward
 *   it, as _ladder_profile_dup_focus_evidence() gives it
 *
 * The profile less its live evidence entries (its head) and their days,
 * without building the entries: their text is not read, only each one's
 * "date" and "behaviours" found. Much of what is wrong in an entry goes unseen: reading
 * the file in full says it.
 *
 * Returns: (transfer full) (nullable): the profile, or %NULL when the data
 *   does not skim (no evidence, a newer version, anything wrong that the
 *   skim sees): it is then to be read in full
 */
LadderProfile *
_ladder_format_skim_profile (const char  *data,
                             gsize        length,
                             const char  *filename,
                             GArray     **days,
                             GVariant   **focus_evidence)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  LadderProfile *profile;

  if (length > LADDER_FORMAT_MAX_SIZE)
    return NULL;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  profile = read_profile_spans (data, length, filename, found, links);
  if (profile != NULL)
    {
      *focus_evidence = _ladder_profile_count_focus_evidence (profile, found, links);
      *days = g_steal_pointer (&found);
    }

  return profile;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Tombstones after the live entries, by id: hash tables have no order
 * and the output must not change from one run to the next. */
void
_ladder_format_add_tombstones (JsonArray  *array,
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
                              _ladder_format_rating_to_node (rating));
    }
  json_object_set_object_member (object, "ratings", ratings);

  if (with_evidence)
    evidence = _ladder_format_list_to_array (ladder_profile_get_evidence (profile),
                                             _ladder_format_evidence_to_node);
  else
    evidence = json_array_new ();
  _ladder_format_add_tombstones (evidence, ladder_profile_get_tombstones (profile, "evidence"));
  json_object_set_array_member (object, "evidence", evidence);

  {
    JsonArray *checkins = _ladder_format_list_to_array (ladder_profile_get_checkins (profile),
                                                        _ladder_format_checkin_to_node);

    _ladder_format_add_tombstones (checkins, ladder_profile_get_tombstones (profile, "checkin"));
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
        JsonArray *array = _ladder_format_list_to_array (promotions,
                                                         _ladder_format_promotion_to_node);

        _ladder_format_add_tombstones (array, tombstones);
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
        JsonArray *array = _ladder_format_list_to_array (topics, _ladder_format_topic_to_node);

        _ladder_format_add_tombstones (array, tombstones);
        json_object_set_array_member (object, "agenda", array);
      }
  }

  /* The same for the focus plan. */
  {
    GListModel *focus = ladder_profile_get_focus (profile);
    GHashTable *tombstones = ladder_profile_get_tombstones (profile, "focus");

    if (g_list_model_get_n_items (focus) > 0 || g_hash_table_size (tombstones) > 0)
      {
        JsonArray *array = _ladder_format_list_to_array (focus, _ladder_format_focus_to_node);

        _ladder_format_add_tombstones (array, tombstones);
        json_object_set_array_member (object, "focus", array);
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

/* Removes the elements of @array marked private; returns how many. */
static guint
strip_private_elements (JsonArray *array)
{
  guint n_removed = 0;

  for (guint i = json_array_get_length (array); i > 0; i--)
    {
      JsonNode *element = json_array_get_element (array, i - 1);

      if (JSON_NODE_HOLDS_OBJECT (element) &&
          marked_private (json_node_get_object (element), "private"))
        {
          json_array_remove_element (array, i - 1);
          n_removed++;
        }
    }

  return n_removed;
}

/* Takes every private item out of a check-in's tree: the notes when
 * they are private, and each private action. Tombstones stay, so that
 * a deletion still travels. Returns how many items it took out: private
 * notes count when there were notes. */
static guint
strip_private_from_checkin (JsonObject *checkin)
{
  JsonNode *actions_node;
  guint n_removed = 0;

  if (marked_private (checkin, "notes_private") && json_object_has_member (checkin, "notes"))
    {
      const char *notes = json_object_get_string_member_with_default (checkin, "notes", NULL);

      if (notes == NULL || *notes != '\0')
        n_removed++;
      json_object_remove_member (checkin, "notes");
    }
  if (json_object_has_member (checkin, "notes_private"))
    json_object_remove_member (checkin, "notes_private");

  actions_node = json_object_get_member (checkin, "actions");
  if (actions_node == NULL || !JSON_NODE_HOLDS_ARRAY (actions_node))
    return n_removed;

  return n_removed + strip_private_elements (json_node_get_array (actions_node));
}

/* The tree of the shared copy: the profile less every private item,
 * with how many were left out. */
static JsonNode *
shared_copy_to_node (LadderProfile *profile,
                     guint         *n_left_out)
{
  JsonNode *node = ladder_format_profile_to_node (profile);
  JsonNode *checkins_node;
  JsonNode *agenda_node;
  guint n_removed = 0;

  checkins_node = json_object_get_member (json_node_get_object (node), "checkins");
  if (checkins_node != NULL && JSON_NODE_HOLDS_ARRAY (checkins_node))
    {
      JsonArray *checkins = json_node_get_array (checkins_node);

      for (guint i = 0; i < json_array_get_length (checkins); i++)
        {
          JsonNode *element = json_array_get_element (checkins, i);

          if (JSON_NODE_HOLDS_OBJECT (element))
            n_removed += strip_private_from_checkin (json_node_get_object (element));
        }
    }

  agenda_node = json_object_get_member (json_node_get_object (node), "agenda");
  if (agenda_node != NULL && JSON_NODE_HOLDS_ARRAY (agenda_node))
    n_removed += strip_private_elements (json_node_get_array (agenda_node));

  if (n_left_out != NULL)
    *n_left_out = n_removed;

  return node;
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

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  node = shared_copy_to_node (profile, NULL);

  return _ladder_format_node_to_data (node, length);
}

/**
 * ladder_format_copy_without_private:
 * @profile: a #LadderProfile
 * @n_left_out: (out) (optional): how many private items were left out
 *
 * @profile as the other person receives it: what
 * ladder_format_write_shared_copy() writes, read back. For a copy that
 * comes from the other person's own file rather than a copy they shared,
 * before it joins one's own: a private item is its author's alone. Being
 * absent rather than deleted, such an item stays in its author's copy
 * whatever the two copies later merge. @profile is not changed.
 *
 * Returns: (transfer full) (nullable): the copy, with no file; %NULL when
 *   it does not read back (which a profile this version read never does)
 */
LadderProfile *
ladder_format_copy_without_private (LadderProfile *profile,
                                    guint         *n_left_out)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  LadderProfile *copy;
  gsize length;

  if (n_left_out != NULL)
    *n_left_out = 0;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  node = shared_copy_to_node (profile, n_left_out);
  data = _ladder_format_node_to_data (node, &length);
  copy = ladder_format_read_profile (data, length, NULL, &error);
  if (copy == NULL)
    g_debug ("The copy of %s without private items did not read back: %s",
             ladder_profile_get_id (profile), error->message);

  return copy;
}

/**
 * ladder_format_copy_for_manager:
 * @profile: an engineer's own profile, as read from their file
 * @n_left_out: (out) (optional): how many private items were left out
 *
 * Makes the manager's copy of an engineer's own profile, for a manager
 * who opens the engineer's file itself rather than a copy they shared:
 * ladder_format_copy_without_private(), owned by the manager. A private
 * item of @profile (a check-in's private notes, a private action or
 * agenda topic) is private to the engineer who wrote it, and so is not
 * in the manager's copy. @profile is not changed.
 *
 * Returns: (transfer full) (nullable): the manager's copy, with no file;
 *   %NULL when it does not read back
 */
LadderProfile *
ladder_format_copy_for_manager (LadderProfile *profile,
                                guint         *n_left_out)
{
  LadderProfile *copy = ladder_format_copy_without_private (profile, n_left_out);

  if (copy != NULL)
    ladder_profile_set_owner (copy, LADDER_RATER_MANAGER);

  return copy;
}

/**
 * ladder_format_copy_for_other_side:
 * @profile: a profile as one side shared it (or its own file)
 * @n_left_out: (out) (optional): how many private items were left out
 *
 * Makes the copy that the other side keeps of @profile, for whoever opens
 * a copy the library has no profile of: the person it was shared with.
 * A copy shared from the engineer's own profile (owner `self`) becomes
 * the manager's copy (owner `manager`), and one shared from the manager's
 * copy becomes the engineer's own (owner `self`): each rates on their own
 * side. It is ladder_format_copy_without_private() with the owner turned
 * round, so that nothing private to the author of @profile is in it.
 * @profile is not changed.
 *
 * Returns: (transfer full) (nullable): the other side's copy, with no
 *   file; %NULL when it does not read back
 */
LadderProfile *
ladder_format_copy_for_other_side (LadderProfile *profile,
                                   guint         *n_left_out)
{
  LadderProfile *copy;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  copy = ladder_format_copy_without_private (profile, n_left_out);
  if (copy != NULL)
    ladder_profile_set_owner (copy,
                              ladder_profile_get_owner (profile) == LADDER_RATER_MANAGER
                              ? LADDER_RATER_SELF : LADDER_RATER_MANAGER);

  return copy;
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
