/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-cell"

#include "config.h"

#include "ladder-cell.h"
#include "ladder-model-private.h"

struct _LadderCell
{
  GObject parent_instance;

  char *level;
  char *category;
  char *summary;
  /* Never NULL: an empty vector when there are none. */
  char **examples;
};

G_DEFINE_FINAL_TYPE (LadderCell, ladder_cell, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LEVEL,
  PROP_CATEGORY,
  PROP_SUMMARY,
  PROP_EXAMPLES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
ladder_cell_finalize (GObject *object)
{
  LadderCell *self = (LadderCell *) object;

  g_clear_pointer (&self->level, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->examples, g_strfreev);

  G_OBJECT_CLASS (ladder_cell_parent_class)->finalize (object);
}

static void
ladder_cell_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LadderCell *self = LADDER_CELL (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      g_value_set_string (value, self->level);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_EXAMPLES:
      g_value_set_boxed (value, self->examples);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_cell_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LadderCell *self = LADDER_CELL (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      self->level = g_value_dup_string (value);
      break;

    case PROP_CATEGORY:
      self->category = g_value_dup_string (value);
      break;

    case PROP_SUMMARY:
      ladder_cell_set_summary (self, g_value_get_string (value));
      break;

    case PROP_EXAMPLES:
      ladder_cell_set_examples (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_cell_class_init (LadderCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ladder_cell_finalize;
  object_class->get_property = ladder_cell_get_property;
  object_class->set_property = ladder_cell_set_property;

  /* The level and category are the cell's key in the framework. */
  properties [PROP_LEVEL] =
    g_param_spec_string ("level", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_EXAMPLES] =
    g_param_spec_boxed ("examples", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ladder_cell_init (LadderCell *self)
{
  self->examples = g_new0 (char *, 1);
}

/**
 * ladder_cell_new:
 * @level: the id of the cell's level
 * @category: the id of the cell's category
 * @summary: (nullable): what the level means in the category
 *
 * Creates the summary of one level in one category.
 *
 * Returns: (transfer full): a new #LadderCell
 */
LadderCell *
ladder_cell_new (const char *level,
                 const char *category,
                 const char *summary)
{
  g_return_val_if_fail (level != NULL, NULL);
  g_return_val_if_fail (category != NULL, NULL);

  return g_object_new (LADDER_TYPE_CELL,
                       "level", level,
                       "category", category,
                       "summary", summary,
                       NULL);
}

/**
 * ladder_cell_get_level:
 * @self: a #LadderCell
 *
 * Returns: the id of the cell's level
 */
const char *
ladder_cell_get_level (LadderCell *self)
{
  g_return_val_if_fail (LADDER_IS_CELL (self), NULL);

  return self->level;
}

/**
 * ladder_cell_get_category:
 * @self: a #LadderCell
 *
 * Returns: the id of the cell's category
 */
const char *
ladder_cell_get_category (LadderCell *self)
{
  g_return_val_if_fail (LADDER_IS_CELL (self), NULL);

  return self->category;
}

/**
 * ladder_cell_get_summary:
 * @self: a #LadderCell
 *
 * Returns: (nullable): the cell's summary
 */
const char *
ladder_cell_get_summary (LadderCell *self)
{
  g_return_val_if_fail (LADDER_IS_CELL (self), NULL);

  return self->summary;
}

/**
 * ladder_cell_get_examples:
 * @self: a #LadderCell
 *
 * Returns: (transfer none) (array zero-terminated=1): the examples, an
 *   empty vector when there are none
 */
const char * const *
ladder_cell_get_examples (LadderCell *self)
{
  g_return_val_if_fail (LADDER_IS_CELL (self), NULL);

  return (const char * const *) self->examples;
}

/**
 * ladder_cell_set_summary:
 * @self: a #LadderCell
 * @summary: (nullable): the new summary
 *
 * Sets what the level means in the category.
 */
void
ladder_cell_set_summary (LadderCell *self,
                         const char *summary)
{
  g_return_if_fail (LADDER_IS_CELL (self));

  if (g_set_str (&self->summary, summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUMMARY]);
}

/**
 * ladder_cell_set_examples:
 * @self: a #LadderCell
 * @examples: (nullable) (array zero-terminated=1): the examples, or %NULL
 *   for none
 *
 * Replaces the cell's examples.
 */
void
ladder_cell_set_examples (LadderCell         *self,
                          const char * const *examples)
{
  g_return_if_fail (LADDER_IS_CELL (self));

  if (_ladder_set_strv (&self->examples, examples))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXAMPLES]);
}

/**
 * ladder_cell_add_example:
 * @self: a #LadderCell
 * @example: an example to append
 *
 * Appends one example.
 */
void
ladder_cell_add_example (LadderCell *self,
                         const char *example)
{
  g_return_if_fail (LADDER_IS_CELL (self));
  g_return_if_fail (example != NULL);

  _ladder_strv_append (&self->examples, example);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXAMPLES]);
}
