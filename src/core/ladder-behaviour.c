/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-behaviour"

#include "config.h"

#include "ladder-behaviour.h"
#include "ladder-model-private.h"

struct _LadderBehaviour
{
  GObject parent_instance;

  char *id;
  char *level;
  char *category;
  char *section;
  char *text;
  /* Never NULL: an empty vector when there are none. */
  char **examples;
};

G_DEFINE_FINAL_TYPE (LadderBehaviour, ladder_behaviour, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LEVEL,
  PROP_CATEGORY,
  PROP_SECTION,
  PROP_TEXT,
  PROP_EXAMPLES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
ladder_behaviour_finalize (GObject *object)
{
  LadderBehaviour *self = (LadderBehaviour *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->level, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->examples, g_strfreev);

  G_OBJECT_CLASS (ladder_behaviour_parent_class)->finalize (object);
}

static void
ladder_behaviour_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LadderBehaviour *self = LADDER_BEHAVIOUR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_LEVEL:
      g_value_set_string (value, self->level);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_EXAMPLES:
      g_value_set_boxed (value, self->examples);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_behaviour_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LadderBehaviour *self = LADDER_BEHAVIOUR (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_LEVEL:
      self->level = g_value_dup_string (value);
      break;

    case PROP_CATEGORY:
      self->category = g_value_dup_string (value);
      break;

    case PROP_SECTION:
      ladder_behaviour_set_section (self, g_value_get_string (value));
      break;

    case PROP_TEXT:
      ladder_behaviour_set_text (self, g_value_get_string (value));
      break;

    case PROP_EXAMPLES:
      ladder_behaviour_set_examples (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_behaviour_class_init (LadderBehaviourClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ladder_behaviour_finalize;
  object_class->get_property = ladder_behaviour_get_property;
  object_class->set_property = ladder_behaviour_set_property;

  /* The id, level and category place the behaviour in the framework's
   * indexes, and ratings and evidence refer to the id: they are fixed at
   * construction. */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

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

  properties [PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
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
ladder_behaviour_init (LadderBehaviour *self)
{
  self->examples = g_new0 (char *, 1);
}

/**
 * ladder_behaviour_new:
 * @id: the behaviour's id, unique and stable in its framework
 * @level: the id of its level
 * @category: the id of its category
 * @section: (nullable): a heading that groups behaviours in a category
 * @text: (nullable): what the behaviour says
 *
 * Creates a behaviour expected at one level in one category.
 *
 * Returns: (transfer full): a new #LadderBehaviour
 */
LadderBehaviour *
ladder_behaviour_new (const char *id,
                      const char *level,
                      const char *category,
                      const char *section,
                      const char *text)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (level != NULL, NULL);
  g_return_val_if_fail (category != NULL, NULL);

  return g_object_new (LADDER_TYPE_BEHAVIOUR,
                       "id", id,
                       "level", level,
                       "category", category,
                       "section", section,
                       "text", text,
                       NULL);
}

/**
 * ladder_behaviour_get_id:
 * @self: a #LadderBehaviour
 *
 * Returns: the behaviour's id
 */
const char *
ladder_behaviour_get_id (LadderBehaviour *self)
{
  g_return_val_if_fail (LADDER_IS_BEHAVIOUR (self), NULL);

  return self->id;
}

/**
 * ladder_behaviour_get_level:
 * @self: a #LadderBehaviour
 *
 * Returns: the id of the behaviour's level
 */
const char *
ladder_behaviour_get_level (LadderBehaviour *self)
{
  g_return_val_if_fail (LADDER_IS_BEHAVIOUR (self), NULL);

  return self->level;
}

/**
 * ladder_behaviour_get_category:
 * @self: a #LadderBehaviour
 *
 * Returns: the id of the behaviour's category
 */
const char *
ladder_behaviour_get_category (LadderBehaviour *self)
{
  g_return_val_if_fail (LADDER_IS_BEHAVIOUR (self), NULL);

  return self->category;
}

/**
 * ladder_behaviour_get_section:
 * @self: a #LadderBehaviour
 *
 * Returns: (nullable): the section heading the behaviour sits under
 */
const char *
ladder_behaviour_get_section (LadderBehaviour *self)
{
  g_return_val_if_fail (LADDER_IS_BEHAVIOUR (self), NULL);

  return self->section;
}

/**
 * ladder_behaviour_get_text:
 * @self: a #LadderBehaviour
 *
 * Returns: (nullable): what the behaviour says
 */
const char *
ladder_behaviour_get_text (LadderBehaviour *self)
{
  g_return_val_if_fail (LADDER_IS_BEHAVIOUR (self), NULL);

  return self->text;
}

/**
 * ladder_behaviour_get_examples:
 * @self: a #LadderBehaviour
 *
 * Returns: (transfer none) (array zero-terminated=1): the examples, an
 *   empty vector when there are none
 */
const char * const *
ladder_behaviour_get_examples (LadderBehaviour *self)
{
  g_return_val_if_fail (LADDER_IS_BEHAVIOUR (self), NULL);

  return (const char * const *) self->examples;
}

/**
 * ladder_behaviour_set_text:
 * @self: a #LadderBehaviour
 * @text: (nullable): what the behaviour says
 *
 * Sets the behaviour's text.
 */
void
ladder_behaviour_set_text (LadderBehaviour *self,
                           const char      *text)
{
  g_return_if_fail (LADDER_IS_BEHAVIOUR (self));

  if (g_set_str (&self->text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TEXT]);
}

/**
 * ladder_behaviour_set_section:
 * @self: a #LadderBehaviour
 * @section: (nullable): a section heading
 *
 * Sets the heading the behaviour sits under in its category.
 */
void
ladder_behaviour_set_section (LadderBehaviour *self,
                              const char      *section)
{
  g_return_if_fail (LADDER_IS_BEHAVIOUR (self));

  if (g_set_str (&self->section, section))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SECTION]);
}

/**
 * ladder_behaviour_set_examples:
 * @self: a #LadderBehaviour
 * @examples: (nullable) (array zero-terminated=1): the examples, or %NULL
 *   for none
 *
 * Replaces the behaviour's examples.
 */
void
ladder_behaviour_set_examples (LadderBehaviour    *self,
                               const char * const *examples)
{
  g_return_if_fail (LADDER_IS_BEHAVIOUR (self));

  if (_ladder_set_strv (&self->examples, examples))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXAMPLES]);
}

/**
 * ladder_behaviour_add_example:
 * @self: a #LadderBehaviour
 * @example: an example to append
 *
 * Appends one example.
 */
void
ladder_behaviour_add_example (LadderBehaviour *self,
                              const char      *example)
{
  g_return_if_fail (LADDER_IS_BEHAVIOUR (self));
  g_return_if_fail (example != NULL);

  _ladder_strv_append (&self->examples, example);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_EXAMPLES]);
}
