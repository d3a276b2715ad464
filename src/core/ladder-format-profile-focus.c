/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The profile document's focus plan, its reader beside its writer. The
 * document as a whole is in ladder-format-profile.c. */

#define G_LOG_DOMAIN "ladder-format"

#include "config.h"

#include "ladder-format.h"
#include "ladder-format-private.h"
#include "ladder-format-json-private.h"
#include "ladder-profile-private.h"
#include "ladder-json-private.h"

static gboolean
read_steps (LadderFormatReader *r,
            LadderFocus        *focus,
            JsonArray          *steps)
{
  guint n = json_array_get_length (steps);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *step;
      const char *text;
      gboolean done = FALSE;
      JsonNode *node;

      if (!_ladder_format_read_element_object (r, steps, i, "steps", &step) ||
          !_ladder_format_read_required_string (r, step, WHERE_ELEMENT (steps, i), "text", &text))
        return FALSE;

      node = json_object_get_member (step, "done");
      if (node != NULL && !_ladder_format_read_boolean (r, step, "done", node, &done))
        return FALSE;

      ladder_focus_add_step (focus, text, done);
    }

  return TRUE;
}

/* A focus: { "id", "behaviour", "why", "steps": [{ "text", "done" }],
 * "due", "created", "finished", "modified" }, or its tombstone. */
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
  JsonObject *extra = NULL;
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
        {
          JsonArray *steps;

          if ((ok = _ladder_format_read_array (r, object, member, node, &steps)) && steps != NULL)
            ok = read_steps (r, focus, steps);
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

  _ladder_format_set_string (object, "id", ladder_focus_get_id (focus));
  _ladder_format_set_string (object, "behaviour", ladder_focus_get_behaviour (focus));
  _ladder_format_set_string (object, "why", ladder_focus_get_why (focus));
  if (n_steps > 0)
    {
      JsonArray *steps = json_array_new ();

      for (guint i = 0; i < n_steps; i++)
        {
          JsonObject *step = json_object_new ();

          json_object_set_string_member (step, "text", ladder_focus_get_step_text (focus, i));
          json_object_set_boolean_member (step, "done", ladder_focus_get_step_done (focus, i));
          json_array_add_object_element (steps, step);
        }
      json_object_set_array_member (object, "steps", steps);
    }
  _ladder_format_set_date (object, "due", ladder_focus_get_due (focus));
  _ladder_format_set_date (object, "created", ladder_focus_get_created (focus));
  _ladder_format_set_date (object, "finished", ladder_focus_get_finished (focus));
  _ladder_format_set_time (object, "modified", ladder_focus_get_modified (focus));
  _ladder_format_add_extra (object, _ladder_json_get_extra (focus));

  return _ladder_format_object_node (object);
}
