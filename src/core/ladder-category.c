/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-category"

#include "config.h"

#include "ladder-category.h"

struct _LadderCategory
{
  GObject parent_instance;

  char *id;
  char *name;
  char *emoji;
  char *description;
};

G_DEFINE_FINAL_TYPE (LadderCategory, ladder_category, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_EMOJI,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
ladder_category_finalize (GObject *object)
{
  LadderCategory *self = (LadderCategory *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->emoji, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (ladder_category_parent_class)->finalize (object);
}

static void
ladder_category_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LadderCategory *self = LADDER_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_EMOJI:
      g_value_set_string (value, self->emoji);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_category_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LadderCategory *self = LADDER_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      ladder_category_set_name (self, g_value_get_string (value));
      break;

    case PROP_EMOJI:
      ladder_category_set_emoji (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      ladder_category_set_description (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_category_class_init (LadderCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ladder_category_finalize;
  object_class->get_property = ladder_category_get_property;
  object_class->set_property = ladder_category_set_property;

  /* The id is a key in the framework's look-up tables and in the files
   * that refer to the category: it never changes after construction. */
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

  properties [PROP_EMOJI] =
    g_param_spec_string ("emoji", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ladder_category_init (LadderCategory *self)
{
}

/**
 * ladder_category_new:
 * @id: the category's id, unique in its framework
 * @name: (nullable): the name shown to people
 * @emoji: (nullable): an emoji shown beside the name
 * @description: (nullable): what the category covers
 *
 * Creates a category (a track or competency area).
 *
 * Returns: (transfer full): a new #LadderCategory
 */
LadderCategory *
ladder_category_new (const char *id,
                     const char *name,
                     const char *emoji,
                     const char *description)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (LADDER_TYPE_CATEGORY,
                       "id", id,
                       "name", name,
                       "emoji", emoji,
                       "description", description,
                       NULL);
}

/**
 * ladder_category_get_id:
 * @self: a #LadderCategory
 *
 * Returns: the category's id
 */
const char *
ladder_category_get_id (LadderCategory *self)
{
  g_return_val_if_fail (LADDER_IS_CATEGORY (self), NULL);

  return self->id;
}

/**
 * ladder_category_get_name:
 * @self: a #LadderCategory
 *
 * Returns: (nullable): the category's name
 */
const char *
ladder_category_get_name (LadderCategory *self)
{
  g_return_val_if_fail (LADDER_IS_CATEGORY (self), NULL);

  return self->name;
}

/**
 * ladder_category_get_emoji:
 * @self: a #LadderCategory
 *
 * Returns: (nullable): the category's emoji
 */
const char *
ladder_category_get_emoji (LadderCategory *self)
{
  g_return_val_if_fail (LADDER_IS_CATEGORY (self), NULL);

  return self->emoji;
}

/**
 * ladder_category_get_description:
 * @self: a #LadderCategory
 *
 * Returns: (nullable): the category's description
 */
const char *
ladder_category_get_description (LadderCategory *self)
{
  g_return_val_if_fail (LADDER_IS_CATEGORY (self), NULL);

  return self->description;
}

/**
 * ladder_category_set_name:
 * @self: a #LadderCategory
 * @name: (nullable): the new name
 *
 * Sets the name shown to people.
 */
void
ladder_category_set_name (LadderCategory *self,
                          const char     *name)
{
  g_return_if_fail (LADDER_IS_CATEGORY (self));

  if (g_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

/**
 * ladder_category_set_emoji:
 * @self: a #LadderCategory
 * @emoji: (nullable): the new emoji
 *
 * Sets the emoji shown beside the name.
 */
void
ladder_category_set_emoji (LadderCategory *self,
                           const char     *emoji)
{
  g_return_if_fail (LADDER_IS_CATEGORY (self));

  if (g_set_str (&self->emoji, emoji))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EMOJI]);
}

/**
 * ladder_category_set_description:
 * @self: a #LadderCategory
 * @description: (nullable): the new description
 *
 * Sets what the category covers.
 */
void
ladder_category_set_description (LadderCategory *self,
                                 const char     *description)
{
  g_return_if_fail (LADDER_IS_CATEGORY (self));

  if (g_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DESCRIPTION]);
}
