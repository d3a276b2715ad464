/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-level"

#include "config.h"

#include "ladder-level.h"

struct _LadderLevel
{
  GObject parent_instance;

  char *id;
  char *name;
  char *summary;
};

G_DEFINE_FINAL_TYPE (LadderLevel, ladder_level, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
ladder_level_finalize (GObject *object)
{
  LadderLevel *self = (LadderLevel *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (ladder_level_parent_class)->finalize (object);
}

static void
ladder_level_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LadderLevel *self = LADDER_LEVEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_level_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LadderLevel *self = LADDER_LEVEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      ladder_level_set_name (self, g_value_get_string (value));
      break;

    case PROP_SUMMARY:
      ladder_level_set_summary (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_level_class_init (LadderLevelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ladder_level_finalize;
  object_class->get_property = ladder_level_get_property;
  object_class->set_property = ladder_level_set_property;

  /* The id is a key in the framework's look-up tables and in the files
   * that refer to the level: it never changes after construction. */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ladder_level_init (LadderLevel *self)
{
}

/**
 * ladder_level_new:
 * @id: the level's id, unique in its framework
 * @name: (nullable): the name shown to people
 * @summary: (nullable): a short summary of the level
 *
 * Creates a level.
 *
 * Returns: (transfer full): a new #LadderLevel
 */
LadderLevel *
ladder_level_new (const char *id,
                  const char *name,
                  const char *summary)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (LADDER_TYPE_LEVEL,
                       "id", id,
                       "name", name,
                       "summary", summary,
                       NULL);
}

/**
 * ladder_level_get_id:
 * @self: a #LadderLevel
 *
 * Returns: the level's id
 */
const char *
ladder_level_get_id (LadderLevel *self)
{
  g_return_val_if_fail (LADDER_IS_LEVEL (self), NULL);

  return self->id;
}

/**
 * ladder_level_get_name:
 * @self: a #LadderLevel
 *
 * Returns: (nullable): the level's name
 */
const char *
ladder_level_get_name (LadderLevel *self)
{
  g_return_val_if_fail (LADDER_IS_LEVEL (self), NULL);

  return self->name;
}

/**
 * ladder_level_get_summary:
 * @self: a #LadderLevel
 *
 * Returns: (nullable): the level's summary
 */
const char *
ladder_level_get_summary (LadderLevel *self)
{
  g_return_val_if_fail (LADDER_IS_LEVEL (self), NULL);

  return self->summary;
}

/**
 * ladder_level_set_name:
 * @self: a #LadderLevel
 * @name: (nullable): the new name
 *
 * Sets the name shown to people.
 */
void
ladder_level_set_name (LadderLevel *self,
                       const char  *name)
{
  g_return_if_fail (LADDER_IS_LEVEL (self));

  if (g_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

/**
 * ladder_level_set_summary:
 * @self: a #LadderLevel
 * @summary: (nullable): the new summary
 *
 * Sets the summary of the level.
 */
void
ladder_level_set_summary (LadderLevel *self,
                          const char  *summary)
{
  g_return_if_fail (LADDER_IS_LEVEL (self));

  if (g_set_str (&self->summary, summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUMMARY]);
}
