/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A framework in Ladder's file format: its reader and its writer, field by
 * field side by side (levels, categories, behaviours, cells, readiness). */

#define G_LOG_DOMAIN "ladder-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-format.h"
#include "ladder-format-json-private.h"
#include "ladder-json-private.h"

/* The unknown members of a framework's "readiness" object. */
static GQuark
readiness_extra_quark (void)
{
  return g_quark_from_static_string ("ladder-format-readiness-extra");
}

static gboolean
read_level (LadderFormatReader *r,
            LadderFramework    *framework,
            JsonArray          *array,
            guint               index)
{
  g_autoptr(LadderLevel) level = NULL;
  JsonObject *object;
  JsonObject *extra = NULL;
  const char *id, *name, *summary = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (!_ladder_format_read_element_object (r, array, index, "levels", &object) ||
      !_ladder_format_read_required_string (r, object, WHERE_ELEMENT (array, index), "id", &id) ||
      !_ladder_format_read_required_string (r, object, WHERE_ELEMENT (array, index), "name", &name))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      if (g_str_equal (member, "id") || g_str_equal (member, "name"))
        continue;
      else if (g_str_equal (member, "summary"))
        {
          if (!_ladder_format_read_string (r, object, member, node, TRUE, &summary))
            goto fail;
        }
      else
        _ladder_format_keep_extra (&extra, member, node);
    }

  level = ladder_level_new (id, name, summary);
  _ladder_format_attach_extra (level, g_steal_pointer (&extra));

  if (!ladder_framework_add_level (framework, level))
    return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, "id"),
                                       _("The id “%s” appears twice."), id);

  return TRUE;

fail:
  g_clear_pointer (&extra, json_object_unref);
  return FALSE;
}

static gboolean
read_category (LadderFormatReader *r,
               LadderFramework    *framework,
               JsonArray          *array,
               guint               index)
{
  g_autoptr(LadderCategory) category = NULL;
  JsonObject *object;
  JsonObject *extra = NULL;
  const char *id, *name, *emoji = NULL, *description = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (!_ladder_format_read_element_object (r, array, index, "categories", &object) ||
      !_ladder_format_read_required_string (r, object, WHERE_ELEMENT (array, index), "id", &id) ||
      !_ladder_format_read_required_string (r, object, WHERE_ELEMENT (array, index), "name", &name))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      if (g_str_equal (member, "id") || g_str_equal (member, "name"))
        continue;
      else if (g_str_equal (member, "emoji"))
        {
          if (!_ladder_format_read_string (r, object, member, node, TRUE, &emoji))
            goto fail;
        }
      else if (g_str_equal (member, "description"))
        {
          if (!_ladder_format_read_string (r, object, member, node, TRUE, &description))
            goto fail;
        }
      else
        _ladder_format_keep_extra (&extra, member, node);
    }

  category = ladder_category_new (id, name, emoji, description);
  _ladder_format_attach_extra (category, g_steal_pointer (&extra));

  if (!ladder_framework_add_category (framework, category))
    return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, "id"),
                                       _("The id “%s” appears twice."), id);

  return TRUE;

fail:
  g_clear_pointer (&extra, json_object_unref);
  return FALSE;
}

/* The "level" and "category" of a behaviour or cell, which must exist. */
static gboolean
read_level_and_category (LadderFormatReader      *r,
                         LadderFramework         *framework,
                         JsonObject              *object,
                         const LadderFormatWhere *where,
                         const char             **level,
                         const char             **category)
{
  if (!_ladder_format_read_required_string (r, object, where, "level", level) ||
      !_ladder_format_read_required_string (r, object, where, "category", category))
    return FALSE;

  if (ladder_framework_find_level (framework, *level) == NULL)
    return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_DANGLING, WHERE_VALUE (object, "level"),
                                       _("The framework has no level “%s”."), *level);

  if (ladder_framework_find_category (framework, *category) == NULL)
    return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_DANGLING, WHERE_VALUE (object, "category"),
                                       _("The framework has no category “%s”."), *category);

  return TRUE;
}

static gboolean
read_behaviour (LadderFormatReader *r,
                LadderFramework    *framework,
                JsonArray          *array,
                guint               index)
{
  g_autoptr(LadderBehaviour) behaviour = NULL;
  JsonObject *object;
  JsonObject *extra = NULL;
  const char *id, *level, *category, *text, *section = NULL;
  JsonNode *examples = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (!_ladder_format_read_element_object (r, array, index, "behaviours", &object) ||
      !_ladder_format_read_required_string (r, object, WHERE_ELEMENT (array, index), "id", &id) ||
      !read_level_and_category (r, framework, object, WHERE_ELEMENT (array, index),
                                &level, &category) ||
      !_ladder_format_read_required_string (r, object, WHERE_ELEMENT (array, index), "text", &text))
    return FALSE;

  if (ladder_framework_find_behaviour (framework, id) != NULL)
    return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, "id"),
                                       _("The id “%s” appears twice."), id);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      if (g_str_equal (member, "id") || g_str_equal (member, "level") ||
          g_str_equal (member, "category") || g_str_equal (member, "text"))
        continue;
      else if (g_str_equal (member, "section"))
        {
          if (!_ladder_format_read_string (r, object, member, node, TRUE, &section))
            goto fail;
        }
      else if (g_str_equal (member, "examples"))
        examples = node;
      else
        _ladder_format_keep_extra (&extra, member, node);
    }

  behaviour = ladder_behaviour_new (id, level, category, section, text);
  _ladder_format_attach_extra (behaviour, g_steal_pointer (&extra));

  if (examples != NULL)
    {
      if (!_ladder_format_read_strings (r, object, "examples", examples))
        return FALSE;
      ladder_behaviour_set_examples (behaviour, (const char * const *) r->strings->pdata);
    }

  if (!ladder_framework_add_behaviour (framework, behaviour))
    return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, "id"),
                                       _("The id “%s” appears twice."), id);

  return TRUE;

fail:
  g_clear_pointer (&extra, json_object_unref);
  return FALSE;
}

static gboolean
read_cell (LadderFormatReader *r,
           LadderFramework    *framework,
           JsonArray          *array,
           guint               index)
{
  g_autoptr(LadderCell) cell = NULL;
  JsonObject *object;
  JsonObject *extra = NULL;
  const char *level, *category, *summary = NULL;
  JsonNode *examples = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (!_ladder_format_read_element_object (r, array, index, "cells", &object) ||
      !read_level_and_category (r, framework, object, WHERE_ELEMENT (array, index),
                                &level, &category))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      if (g_str_equal (member, "level") || g_str_equal (member, "category"))
        continue;
      else if (g_str_equal (member, "summary"))
        {
          if (!_ladder_format_read_string (r, object, member, node, TRUE, &summary))
            goto fail;
        }
      else if (g_str_equal (member, "examples"))
        examples = node;
      else
        _ladder_format_keep_extra (&extra, member, node);
    }

  cell = ladder_cell_new (level, category, summary);
  _ladder_format_attach_extra (cell, g_steal_pointer (&extra));

  if (examples != NULL)
    {
      if (!_ladder_format_read_strings (r, object, "examples", examples))
        return FALSE;
      ladder_cell_set_examples (cell, (const char * const *) r->strings->pdata);
    }

  if (!ladder_framework_add_cell (framework, cell))
    return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_ELEMENT (array, index),
                                       _("Level “%s” already has a cell for category “%s”."), level, category);

  return TRUE;

fail:
  g_clear_pointer (&extra, json_object_unref);
  return FALSE;
}

typedef gboolean (*ReadElementFunc) (LadderFormatReader          *r,
                                     LadderFramework *framework,
                                     JsonArray       *array,
                                     guint            index);

static gboolean
read_framework_list (LadderFormatReader *r,
                     LadderFramework    *framework,
                     JsonArray          *array,
                     ReadElementFunc     read_element)
{
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      if (!read_element (r, framework, array, i))
        return FALSE;
    }

  return TRUE;
}

/* "readiness": { "rule": "current-share", "percent": 80 }. The percent is
 * optional (80 by default) and a whole number from 1 to 100: json-glib
 * would write a fraction such as 0.7 back as 0.69999999999999996. */
static gboolean
read_readiness (LadderFormatReader *r,
                JsonObject         *object,
                const char         *name,
                JsonNode           *node,
                LadderFramework    *framework)
{
  JsonObject *readiness;
  JsonObject *extra = NULL;
  LadderReadinessRule rule = LADDER_READINESS_CURRENT_SHARE;
  gint64 percent = LADDER_READINESS_DEFAULT_PERCENT;
  gboolean has_rule = FALSE;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  if (!_ladder_format_read_object (r, object, name, node, &readiness))
    return FALSE;
  if (readiness == NULL)
    return TRUE;

  json_object_iter_init_ordered (&iter, readiness);
  while (json_object_iter_next_ordered (&iter, &member, &value))
    {
      if (g_str_equal (member, "rule"))
        {
          const char *text;

          if (!_ladder_format_read_string (r, readiness, member, value, FALSE, &text))
            goto fail;
          has_rule = TRUE;

          /* A newer Ladder's rule reads as the default here; its file is
           * written back as it was read. */
          if (!ladder_readiness_rule_from_string (text, &rule) && !r->newer)
            {
              _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (readiness, member),
                                          _("“%s” is not a readiness rule: use “current-share”, "
                                            "“current-all” or “next-share”."),
                                          text);
              goto fail;
            }
        }
      else if (g_str_equal (member, "percent"))
        {
          gboolean integer = JSON_NODE_HOLDS_VALUE (value) &&
                             json_node_get_value_type (value) == G_TYPE_INT64;

          if (integer)
            percent = json_node_get_int (value);
          if (!integer || percent < 1 || percent > 100)
            {
              _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (readiness, member),
                                          _("The readiness percent must be a whole number from 1 to 100."));
              goto fail;
            }
        }
      else
        _ladder_format_keep_extra (&extra, member, value);
    }

  if (!has_rule)
    {
      _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, name),
                                  _("The member “%s” is missing."), "rule");
      goto fail;
    }

  ladder_framework_set_readiness (framework, rule, (guint) percent);
  if (extra != NULL)
    g_object_set_qdata_full (G_OBJECT (framework), readiness_extra_quark (),
                             g_steal_pointer (&extra), (GDestroyNotify) json_object_unref);

  return TRUE;

fail:
  g_clear_pointer (&extra, json_object_unref);
  return FALSE;
}

/* A framework object, the top of a framework file (@top) or the copy
 * embedded in a profile. */
LadderFramework *
_ladder_format_read_framework_node (LadderFormatReader      *r,
                                    JsonNode                *framework_node,
                                    const LadderFormatWhere *where,
                                    gboolean                 top)
{
  g_autoptr(LadderFramework) framework = NULL;
  JsonObject *object = json_node_get_object (framework_node);
  JsonObject *extra = NULL;
  JsonArray *levels = NULL, *categories = NULL, *cells = NULL, *behaviours = NULL;
  const char *id, *name;
  gboolean newer;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (!_ladder_format_check_format (r, object, where, FRAMEWORK_FORMAT, top) ||
      !_ladder_format_read_version (r, object, where, top, &newer) ||
      !_ladder_format_read_required_string (r, object, where, "id", &id) ||
      !_ladder_format_read_required_string (r, object, where, "name", &name))
    return NULL;
  r->newer |= newer;

  framework = ladder_framework_new (id, name);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      const char *text;
      gboolean ok = TRUE;

      if (g_str_equal (member, "format") || g_str_equal (member, "version") ||
          g_str_equal (member, "id") || g_str_equal (member, "name"))
        continue;
      else if (g_str_equal (member, "organisation"))
        {
          if ((ok = _ladder_format_read_string (r, object, member, node, TRUE, &text)))
            ladder_framework_set_organisation (framework, text);
        }
      else if (g_str_equal (member, "description"))
        {
          if ((ok = _ladder_format_read_string (r, object, member, node, TRUE, &text)))
            ladder_framework_set_description (framework, text);
        }
      else if (g_str_equal (member, "source"))
        {
          if ((ok = _ladder_format_read_string (r, object, member, node, TRUE, &text)))
            ladder_framework_set_source (framework, text);
        }
      else if (g_str_equal (member, "sublevels"))
        {
          if ((ok = _ladder_format_read_strings (r, object, member, node)))
            ladder_framework_set_sublevels (framework, (const char * const *) r->strings->pdata);
        }
      else if (g_str_equal (member, "readiness"))
        ok = read_readiness (r, object, member, node, framework);
      else if (g_str_equal (member, "levels"))
        ok = _ladder_format_read_array (r, object, member, node, &levels);
      else if (g_str_equal (member, "categories"))
        ok = _ladder_format_read_array (r, object, member, node, &categories);
      else if (g_str_equal (member, "cells"))
        ok = _ladder_format_read_array (r, object, member, node, &cells);
      else if (g_str_equal (member, "behaviours"))
        ok = _ladder_format_read_array (r, object, member, node, &behaviours);
      else
        _ladder_format_keep_extra (&extra, member, node);

      if (!ok)
        {
          g_clear_pointer (&extra, json_object_unref);
          return NULL;
        }
    }

  _ladder_format_attach_extra (framework, g_steal_pointer (&extra));

  /* Behaviours and cells name levels and categories: those come first,
   * whatever the order of the members. */
  if (!read_framework_list (r, framework, levels, read_level) ||
      !read_framework_list (r, framework, categories, read_category) ||
      !read_framework_list (r, framework, cells, read_cell) ||
      !read_framework_list (r, framework, behaviours, read_behaviour))
    return NULL;

  if (newer)
    {
      JsonNode *original = json_node_copy (framework_node);

      /* Sealed: whoever writes it out cannot change what was read. */
      json_node_seal (original);
      g_object_set_qdata_full (G_OBJECT (framework), _ladder_format_original_quark (),
                               original, (GDestroyNotify) json_node_unref);
    }

  return g_steal_pointer (&framework);
}

static JsonNode *
level_to_node (gpointer item)
{
  LadderLevel *level = item;
  JsonObject *object = json_object_new ();

  _ladder_format_set_string (object, "id", ladder_level_get_id (level));
  _ladder_format_set_string (object, "name", ladder_level_get_name (level));
  _ladder_format_set_string (object, "summary", ladder_level_get_summary (level));
  _ladder_format_add_extra (object, _ladder_json_get_extra (level));

  return _ladder_format_object_node (object);
}

static JsonNode *
category_to_node (gpointer item)
{
  LadderCategory *category = item;
  JsonObject *object = json_object_new ();

  _ladder_format_set_string (object, "id", ladder_category_get_id (category));
  _ladder_format_set_string (object, "name", ladder_category_get_name (category));
  _ladder_format_set_string (object, "emoji", ladder_category_get_emoji (category));
  _ladder_format_set_string (object, "description", ladder_category_get_description (category));
  _ladder_format_add_extra (object, _ladder_json_get_extra (category));

  return _ladder_format_object_node (object);
}

static JsonNode *
cell_to_node (gpointer item)
{
  LadderCell *cell = item;
  JsonObject *object = json_object_new ();

  _ladder_format_set_string (object, "level", ladder_cell_get_level (cell));
  _ladder_format_set_string (object, "category", ladder_cell_get_category (cell));
  _ladder_format_set_string (object, "summary", ladder_cell_get_summary (cell));
  _ladder_format_set_strings (object, "examples", ladder_cell_get_examples (cell), FALSE);
  _ladder_format_add_extra (object, _ladder_json_get_extra (cell));

  return _ladder_format_object_node (object);
}

static JsonNode *
behaviour_to_node (gpointer item)
{
  LadderBehaviour *behaviour = item;
  JsonObject *object = json_object_new ();

  _ladder_format_set_string (object, "id", ladder_behaviour_get_id (behaviour));
  _ladder_format_set_string (object, "level", ladder_behaviour_get_level (behaviour));
  _ladder_format_set_string (object, "category", ladder_behaviour_get_category (behaviour));
  _ladder_format_set_string (object, "section", ladder_behaviour_get_section (behaviour));
  _ladder_format_set_string (object, "text", ladder_behaviour_get_text (behaviour));
  _ladder_format_set_strings (object, "examples", ladder_behaviour_get_examples (behaviour), FALSE);
  _ladder_format_add_extra (object, _ladder_json_get_extra (behaviour));

  return _ladder_format_object_node (object);
}

/* Written only when it says more than the default, so that a framework
 * that never set a rule keeps the file it had. */
static void
set_readiness (JsonObject      *object,
               LadderFramework *framework)
{
  LadderReadinessRule rule = ladder_framework_get_readiness_rule (framework);
  guint percent = ladder_framework_get_readiness_percent (framework);
  JsonObject *extra = g_object_get_qdata (G_OBJECT (framework), readiness_extra_quark ());
  JsonObject *readiness;

  if (rule == LADDER_READINESS_CURRENT_SHARE && percent == LADDER_READINESS_DEFAULT_PERCENT &&
      extra == NULL)
    return;

  readiness = json_object_new ();
  json_object_set_string_member (readiness, "rule", ladder_readiness_rule_to_string (rule));
  if (rule != LADDER_READINESS_CURRENT_ALL)
    json_object_set_int_member (readiness, "percent", percent);
  _ladder_format_add_extra (readiness, extra);
  json_object_set_object_member (object, "readiness", readiness);
}

/**
 * ladder_format_framework_to_node:
 * @framework: a #LadderFramework
 *
 * The framework as a JSON tree in the documented member order, with the
 * members Ladder did not know after the known ones. A framework read from
 * a newer version gives back the tree it was read from.
 *
 * Returns: (transfer full): a new node
 */
JsonNode *
ladder_format_framework_to_node (LadderFramework *framework)
{
  JsonObject *object;
  JsonNode *original;
  GListModel *cells;

  g_return_val_if_fail (LADDER_IS_FRAMEWORK (framework), NULL);

  original = g_object_get_qdata (G_OBJECT (framework), _ladder_format_original_quark ());
  if (original != NULL)
    return json_node_copy (original);

  object = json_object_new ();
  json_object_set_string_member (object, "format", FRAMEWORK_FORMAT);
  json_object_set_int_member (object, "version", LADDER_FORMAT_VERSION);
  _ladder_format_set_string (object, "id", ladder_framework_get_id (framework));
  _ladder_format_set_string (object, "name", ladder_framework_get_name (framework));
  _ladder_format_set_string (object, "organisation", ladder_framework_get_organisation (framework));
  _ladder_format_set_string (object, "description", ladder_framework_get_description (framework));
  _ladder_format_set_string (object, "source", ladder_framework_get_source (framework));
  _ladder_format_set_strings (object, "sublevels", ladder_framework_get_sublevels (framework), FALSE);
  set_readiness (object, framework);
  json_object_set_array_member (object, "levels",
                                _ladder_format_list_to_array (ladder_framework_get_levels (framework),
                                                              level_to_node));
  json_object_set_array_member (object, "categories",
                                _ladder_format_list_to_array (ladder_framework_get_categories (framework),
                                                              category_to_node));
  cells = ladder_framework_get_cells (framework);
  if (g_list_model_get_n_items (cells) > 0)
    json_object_set_array_member (object, "cells", _ladder_format_list_to_array (cells, cell_to_node));
  json_object_set_array_member (object, "behaviours",
                                _ladder_format_list_to_array (ladder_framework_get_behaviours (framework),
                                                              behaviour_to_node));
  _ladder_format_add_extra (object, _ladder_json_get_extra (framework));

  return _ladder_format_object_node (object);
}

/**
 * ladder_format_write_framework:
 * @framework: a #LadderFramework
 * @length: (out) (optional): the length of the result in bytes
 *
 * Writes a framework file: pretty-printed UTF-8 JSON ending in a newline,
 * the same bytes for the same framework every time.
 *
 * Returns: (transfer full): the text
 */
char *
ladder_format_write_framework (LadderFramework *framework,
                               gsize           *length)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (LADDER_IS_FRAMEWORK (framework), NULL);

  node = ladder_format_framework_to_node (framework);

  return _ladder_format_node_to_data (node, length);
}
