/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The profile document's focus plan, its reader beside its writer. The
 * document as a whole is in ladder-format-profile.c. */

#define G_LOG_DOMAIN "ladder-format"

#include "config.h"

#include <string.h>

#include "ladder-focus-private.h"
#include "ladder-format.h"
#include "ladder-format-private.h"
#include "ladder-format-json-private.h"
#include "ladder-profile-private.h"
#include "ladder-json-private.h"

/* Steps are read once the focus's "modified" is known: a step without
 * its own stamp (a file written before steps had one) has the focus's,
 * and one without an id its position, the same in every copy of that
 * file. */
static gboolean
read_steps (LadderFormatReader *r,
            LadderFocus        *focus,
            JsonArray          *steps,
            GDateTime          *modified)
{
  guint n = json_array_get_length (steps);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *step;
      const char *text, *id = NULL;
      g_autofree char *position = NULL;
      g_autoptr (GDateTime) updated = NULL;
      gboolean done = FALSE;
      JsonNode *node;

      if (!_ladder_format_read_element_object (r, steps, i, "steps", &step) ||
          !_ladder_format_read_required_string (r, step, WHERE_ELEMENT (steps, i), "text", &text))
        return FALSE;

      node = json_object_get_member (step, "done");
      if (node != NULL && !_ladder_format_read_boolean (r, step, "done", node, &done))
        return FALSE;
      node = json_object_get_member (step, "id");
      if (node != NULL && !_ladder_format_read_string (r, step, "id", node, FALSE, &id))
        return FALSE;
      node = json_object_get_member (step, "updated");
      if (node != NULL && !_ladder_format_read_time (r, step, "updated", node, &updated))
        return FALSE;

      if (id == NULL)
        id = position = g_strdup_printf ("step-%u", i + 1);
      if (_ladder_focus_find_step (focus, id) >= 0)
        continue;

      _ladder_focus_add_step_full (focus, id, text, done, updated != NULL ? updated : modified);
    }

  return TRUE;
}

static gboolean
read_deleted_steps (LadderFormatReader *r,
                    LadderFocus        *focus,
                    JsonObject         *deleted)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, deleted);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      g_autoptr (GDateTime) time = NULL;

      if (!_ladder_format_read_time (r, deleted, member, node, &time))
        return FALSE;
      if (time != NULL)
        _ladder_focus_add_step_tombstone (focus, member, time);
    }

  return TRUE;
}

static const char * const field_stamps[LADDER_FOCUS_N_FIELDS] = {
  [LADDER_FOCUS_FIELD_WHY] = "why_updated",
  [LADDER_FOCUS_FIELD_DUE] = "due_updated",
  [LADDER_FOCUS_FIELD_FINISHED] = "finished_updated",
};

/* A focus: { "id", "behaviour", "why", "steps": [{ "id", "text", "done",
 * "updated" }], "due", "created", "finished", "modified", "why_updated",
 * "due_updated", "finished_updated", "deleted_steps": { id: time } }, or
 * its tombstone. A stamp left out is "modified", as in files written
 * before fields had their own. */
gboolean
_ladder_format_read_focus (LadderFormatReader *r,
                           LadderProfile      *profile,
                           JsonArray          *array,
                           guint               index,
                           GHashTable         *seen)
{
  g_autoptr(LadderFocus) focus = NULL;
  g_autoptr(GDateTime) modified = NULL;
  JsonObject *object;
  g_autoptr(GDateTime) why_updated = NULL;
  g_autoptr(GDateTime) due_updated = NULL;
  g_autoptr(GDateTime) finished_updated = NULL;
  GDateTime **field_modified[LADDER_FOCUS_N_FIELDS] = {
    [LADDER_FOCUS_FIELD_WHY] = &why_updated,
    [LADDER_FOCUS_FIELD_DUE] = &due_updated,
    [LADDER_FOCUS_FIELD_FINISHED] = &finished_updated,
  };
  JsonObject *extra = NULL;
  JsonArray *steps = NULL;
  JsonObject *deleted_steps = NULL;
  const char *id, *behaviour;
  gboolean deleted;
  GDate finished;
  gboolean has_finished = FALSE;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (!_ladder_format_read_element_object (r, array, index, "focus", &object) ||
      !_ladder_format_read_entry_head (r, array, index, object, seen, &id, &deleted, &modified))
    return FALSE;

  if (deleted)
    {
      ladder_profile_add_tombstone (profile, "focus", id, modified);
      return TRUE;
    }

  if (!_ladder_format_read_required_string (r, object, WHERE_ELEMENT (array, index), "behaviour", &behaviour))
    return FALSE;

  focus = ladder_focus_new (id);
  ladder_focus_set_behaviour (focus, behaviour);
  /* A focus that does not say when it began: unknown, not today. */
  ladder_focus_set_created (focus, NULL);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      gboolean ok = TRUE;

      if (g_str_equal (member, "id") || g_str_equal (member, "behaviour") ||
          g_str_equal (member, "deleted"))
        continue;
      else if (g_str_equal (member, "why"))
        {
          const char *why;

          if ((ok = _ladder_format_read_string (r, object, member, node, TRUE, &why)))
            ladder_focus_set_why (focus, why);
        }
      else if (g_str_equal (member, "steps"))
        ok = _ladder_format_read_array (r, object, member, node, &steps);
      else if (g_str_equal (member, "deleted_steps"))
        ok = _ladder_format_read_object (r, object, member, node, &deleted_steps);
      else if (g_str_equal (member, field_stamps[LADDER_FOCUS_FIELD_WHY]) ||
               g_str_equal (member, field_stamps[LADDER_FOCUS_FIELD_DUE]) ||
               g_str_equal (member, field_stamps[LADDER_FOCUS_FIELD_FINISHED]))
        {
          LadderFocusField field = LADDER_FOCUS_FIELD_WHY;

          while (!g_str_equal (member, field_stamps[field]))
            field++;
          g_clear_pointer (field_modified[field], g_date_time_unref);
          ok = _ladder_format_read_time (r, object, member, node, field_modified[field]);
        }
      else if (g_str_equal (member, "due") || g_str_equal (member, "created"))
        {
          GDate day;
          gboolean present;

          if ((ok = _ladder_format_read_date (r, object, member, node, &day, &present)) && present)
            {
              if (g_str_equal (member, "due"))
                ladder_focus_set_due (focus, &day);
              else
                ladder_focus_set_created (focus, &day);
            }
        }
      else if (g_str_equal (member, "finished"))
        ok = _ladder_format_read_date (r, object, member, node, &finished, &has_finished);
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

  if (has_finished)
    ladder_focus_finish (focus, &finished);
  _ladder_format_attach_extra (focus, g_steal_pointer (&extra));
  if (modified != NULL)
    ladder_focus_set_modified (focus, modified);

  if ((steps != NULL && !read_steps (r, focus, steps, ladder_focus_get_modified (focus))) ||
      (deleted_steps != NULL && !read_deleted_steps (r, focus, deleted_steps)))
    return FALSE;

  for (LadderFocusField field = 0; field < LADDER_FOCUS_N_FIELDS; field++)
    _ladder_focus_set_field_modified (focus, field,
                                      *field_modified[field] != NULL ?
                                      *field_modified[field] : ladder_focus_get_modified (focus));

  /* Not ladder_profile_add_focus(): a file, as a merge, may hold more
   * unfinished ones than the plan lets a person add, and loses none. */
  _ladder_profile_insert_focus (profile, G_MAXUINT, focus);

  return TRUE;
}

JsonNode *
_ladder_format_focus_to_node (gpointer item)
{
  LadderFocus *focus = item;
  JsonObject *object = json_object_new ();
  guint n_steps = ladder_focus_get_n_steps (focus);
  GDateTime *modified = ladder_focus_get_modified (focus);
  GHashTable *tombstones = _ladder_focus_get_step_tombstones (focus);

  _ladder_format_set_string (object, "id", ladder_focus_get_id (focus));
  _ladder_format_set_string (object, "behaviour", ladder_focus_get_behaviour (focus));
  _ladder_format_set_string (object, "why", ladder_focus_get_why (focus));
  if (n_steps > 0)
    {
      JsonArray *steps = json_array_new ();

      for (guint i = 0; i < n_steps; i++)
        {
          JsonObject *step = json_object_new ();
          GDateTime *updated = _ladder_focus_get_step_modified (focus, i);

          json_object_set_string_member (step, "id", _ladder_focus_get_step_id (focus, i));
          json_object_set_string_member (step, "text", ladder_focus_get_step_text (focus, i));
          json_object_set_boolean_member (step, "done", ladder_focus_get_step_done (focus, i));
          if (!g_date_time_equal (updated, modified))
            _ladder_format_set_time (step, "updated", updated);
          json_array_add_object_element (steps, step);
        }
      json_object_set_array_member (object, "steps", steps);
    }
  _ladder_format_set_date (object, "due", ladder_focus_get_due (focus));
  _ladder_format_set_date (object, "created", ladder_focus_get_created (focus));
  _ladder_format_set_date (object, "finished", ladder_focus_get_finished (focus));
  _ladder_format_set_time (object, "modified", modified);
  /* Only the stamps that differ from "modified", so that a focus edited
   * as a whole reads as it did before fields had their own. */
  for (LadderFocusField field = 0; field < LADDER_FOCUS_N_FIELDS; field++)
    {
      GDateTime *updated = _ladder_focus_get_field_modified (focus, field);

      if (!g_date_time_equal (updated, modified))
        _ladder_format_set_time (object, field_stamps[field], updated);
    }
  if (g_hash_table_size (tombstones) > 0)
    {
      JsonObject *deleted = json_object_new ();
      g_autoptr (GList) ids = g_list_sort (g_hash_table_get_keys (tombstones),
                                           (GCompareFunc) strcmp);

      for (GList *l = ids; l != NULL; l = l->next)
        _ladder_format_set_time (deleted, l->data, g_hash_table_lookup (tombstones, l->data));
      json_object_set_object_member (object, "deleted_steps", deleted);
    }
  _ladder_format_add_extra (object, _ladder_json_get_extra (focus));

  return _ladder_format_object_node (object);
}
