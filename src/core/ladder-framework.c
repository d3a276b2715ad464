/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-framework"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-framework.h"

struct _LadderFramework
{
  GObject parent_instance;

  char *id;
  char *name;
  char *organisation;
  char *description;
  char *source;
  /* Never NULL: an empty vector when the framework has no sub-levels. */
  char **sublevels;
  LadderReadinessRule readiness_rule;
  guint readiness_percent;

  GListStore *levels;
  GListStore *categories;
  GListStore *behaviours;
  GListStore *cells;

  /* Look-up tables. Keys are borrowed from the objects, whose ids are
   * construct-only, or owned strings for the composite keys; values are
   * borrowed from the list stores, which hold the references. */
  GHashTable *level_by_id;
  GHashTable *level_position;        /* id → GUINT_TO_POINTER (position + 1) */
  GHashTable *category_by_id;
  GHashTable *behaviour_by_id;
  GHashTable *cell_by_key;           /* "level\x1fcategory" → LadderCell */

  /* The progress views ask for the behaviours of every level × category on
   * screen, so they are indexed as they are added, in reading order. */
  GHashTable *behaviours_by_key;     /* "level\x1fcategory" → GPtrArray */
  GHashTable *behaviours_by_level;   /* level id → GPtrArray */
  GHashTable *behaviours_by_category; /* category id → GPtrArray */
};

G_DEFINE_FINAL_TYPE (LadderFramework, ladder_framework, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ORGANISATION,
  PROP_DESCRIPTION,
  PROP_SOURCE,
  PROP_SUBLEVELS,
  PROP_READINESS_RULE,
  PROP_READINESS_PERCENT,
  PROP_LEVELS,
  PROP_CATEGORIES,
  PROP_BEHAVIOURS,
  PROP_CELLS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  READINESS_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* A unit separator cannot appear in an id that came from a file a person
 * wrote, so the pair cannot collide with another pair. */
static char *
make_key (const char *level,
          const char *category)
{
  g_assert (level != NULL);
  g_assert (category != NULL);

  return g_strconcat (level, "\x1f", category, NULL);
}

static void
index_behaviour (GHashTable      *table,
                 char            *key,
                 LadderBehaviour *behaviour)
{
  GPtrArray *array;

  array = g_hash_table_lookup (table, key);
  if (array == NULL)
    {
      array = g_ptr_array_new ();
      g_hash_table_insert (table, key, array);
    }
  else
    {
      g_free (key);
    }

  g_ptr_array_add (array, behaviour);
}

static GPtrArray *
copy_behaviours (GPtrArray *array)
{
  GPtrArray *copy;

  if (array == NULL)
    return g_ptr_array_new ();

  copy = g_ptr_array_sized_new (array->len);
  for (guint i = 0; i < array->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (array, i));

  return copy;
}

static void
ladder_framework_finalize (GObject *object)
{
  LadderFramework *self = (LadderFramework *) object;

  g_clear_pointer (&self->level_by_id, g_hash_table_unref);
  g_clear_pointer (&self->level_position, g_hash_table_unref);
  g_clear_pointer (&self->category_by_id, g_hash_table_unref);
  g_clear_pointer (&self->behaviour_by_id, g_hash_table_unref);
  g_clear_pointer (&self->cell_by_key, g_hash_table_unref);
  g_clear_pointer (&self->behaviours_by_key, g_hash_table_unref);
  g_clear_pointer (&self->behaviours_by_level, g_hash_table_unref);
  g_clear_pointer (&self->behaviours_by_category, g_hash_table_unref);

  g_clear_object (&self->levels);
  g_clear_object (&self->categories);
  g_clear_object (&self->behaviours);
  g_clear_object (&self->cells);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->sublevels, g_strfreev);

  G_OBJECT_CLASS (ladder_framework_parent_class)->finalize (object);
}

static void
ladder_framework_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LadderFramework *self = LADDER_FRAMEWORK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ORGANISATION:
      g_value_set_string (value, self->organisation);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_SUBLEVELS:
      g_value_set_boxed (value, self->sublevels);
      break;

    case PROP_READINESS_RULE:
      g_value_set_enum (value, self->readiness_rule);
      break;

    case PROP_READINESS_PERCENT:
      g_value_set_uint (value, self->readiness_percent);
      break;

    case PROP_LEVELS:
      g_value_set_object (value, self->levels);
      break;

    case PROP_CATEGORIES:
      g_value_set_object (value, self->categories);
      break;

    case PROP_BEHAVIOURS:
      g_value_set_object (value, self->behaviours);
      break;

    case PROP_CELLS:
      g_value_set_object (value, self->cells);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_framework_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LadderFramework *self = LADDER_FRAMEWORK (object);

  switch (prop_id)
    {
    case PROP_ID:
      ladder_framework_set_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      ladder_framework_set_name (self, g_value_get_string (value));
      break;

    case PROP_ORGANISATION:
      ladder_framework_set_organisation (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      ladder_framework_set_description (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      ladder_framework_set_source (self, g_value_get_string (value));
      break;

    case PROP_SUBLEVELS:
      ladder_framework_set_sublevels (self, g_value_get_boxed (value));
      break;

    case PROP_READINESS_RULE:
      ladder_framework_set_readiness (self, g_value_get_enum (value), self->readiness_percent);
      break;

    case PROP_READINESS_PERCENT:
      ladder_framework_set_readiness (self, self->readiness_rule, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_framework_class_init (LadderFrameworkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ladder_framework_finalize;
  object_class->get_property = ladder_framework_get_property;
  object_class->set_property = ladder_framework_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL,
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

  properties [PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_SUBLEVELS] =
    g_param_spec_boxed ("sublevels", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties [PROP_READINESS_RULE] =
    g_param_spec_enum ("readiness-rule", NULL, NULL,
                       LADDER_TYPE_READINESS_RULE,
                       LADDER_READINESS_CURRENT_SHARE,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties [PROP_READINESS_PERCENT] =
    g_param_spec_uint ("readiness-percent", NULL, NULL,
                         1, 100, LADDER_READINESS_DEFAULT_PERCENT,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_LEVELS] =
    g_param_spec_object ("levels", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_CATEGORIES] =
    g_param_spec_object ("categories", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_BEHAVIOURS] =
    g_param_spec_object ("behaviours", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_CELLS] =
    g_param_spec_object ("cells", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LadderFramework::readiness-changed:
   *
   * Emitted once after ladder_framework_set_readiness() changed the rule,
   * the share or both.
   */
  signals [READINESS_CHANGED] =
    g_signal_new ("readiness-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ladder_framework_init (LadderFramework *self)
{
  self->sublevels = g_new0 (char *, 1);
  self->readiness_rule = LADDER_READINESS_CURRENT_SHARE;
  self->readiness_percent = LADDER_READINESS_DEFAULT_PERCENT;

  self->levels = g_list_store_new (LADDER_TYPE_LEVEL);
  self->categories = g_list_store_new (LADDER_TYPE_CATEGORY);
  self->behaviours = g_list_store_new (LADDER_TYPE_BEHAVIOUR);
  self->cells = g_list_store_new (LADDER_TYPE_CELL);

  self->level_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->level_position = g_hash_table_new (g_str_hash, g_str_equal);
  self->category_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->behaviour_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->cell_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->behaviours_by_key =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->behaviours_by_level =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->behaviours_by_category =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * ladder_framework_new:
 * @id: (nullable): the framework's id, such as "monzo-backend-engineering"
 * @name: (nullable): the name shown to people
 *
 * Creates an empty framework, to be filled with the add functions.
 *
 * Returns: (transfer full): a new #LadderFramework
 */
LadderFramework *
ladder_framework_new (const char *id,
                      const char *name)
{
  return g_object_new (LADDER_TYPE_FRAMEWORK,
                       "id", id,
                       "name", name,
                       NULL);
}

/**
 * ladder_framework_get_id:
 * @self: a #LadderFramework
 *
 * Returns: (nullable): the framework's id
 */
const char *
ladder_framework_get_id (LadderFramework *self)
{
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), NULL);

  return self->id;
}

/**
 * ladder_framework_get_name:
 * @self: a #LadderFramework
 *
 * Returns: (nullable): the framework's name
 */
const char *
ladder_framework_get_name (LadderFramework *self)
{
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), NULL);

  return self->name;
}

/**
 * ladder_framework_get_organisation:
 * @self: a #LadderFramework
 *
 * Returns: (nullable): the organisation that publishes the framework
 */
const char *
ladder_framework_get_organisation (LadderFramework *self)
{
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), NULL);

  return self->organisation;
}

/**
 * ladder_framework_get_description:
 * @self: a #LadderFramework
 *
 * Returns: (nullable): the framework's description
 */
const char *
ladder_framework_get_description (LadderFramework *self)
{
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), NULL);

  return self->description;
}

/**
 * ladder_framework_get_source:
 * @self: a #LadderFramework
 *
 * Returns: (nullable): where the framework came from: a URL or a file name
 */
const char *
ladder_framework_get_source (LadderFramework *self)
{
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), NULL);

  return self->source;
}

/**
 * ladder_framework_get_sublevels:
 * @self: a #LadderFramework
 *
 * Returns: (transfer none) (array zero-terminated=1): the names of the
 *   sub-levels, such as "A" to "E"; an empty vector when there are none
 */
const char * const *
ladder_framework_get_sublevels (LadderFramework *self)
{
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), NULL);

  return (const char * const *) self->sublevels;
}

/**
 * ladder_framework_set_id:
 * @self: a #LadderFramework
 * @id: (nullable): the new id
 *
 * Sets the framework's id.
 */
void
ladder_framework_set_id (LadderFramework *self,
                         const char      *id)
{
  g_return_if_fail (LADDER_IS_FRAMEWORK (self));

  if (g_set_str (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

/**
 * ladder_framework_set_name:
 * @self: a #LadderFramework
 * @name: (nullable): the new name
 *
 * Sets the name shown to people.
 */
void
ladder_framework_set_name (LadderFramework *self,
                           const char      *name)
{
  g_return_if_fail (LADDER_IS_FRAMEWORK (self));

  if (g_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

/**
 * ladder_framework_set_organisation:
 * @self: a #LadderFramework
 * @organisation: (nullable): the organisation
 *
 * Sets the organisation that publishes the framework.
 */
void
ladder_framework_set_organisation (LadderFramework *self,
                                   const char      *organisation)
{
  g_return_if_fail (LADDER_IS_FRAMEWORK (self));

  if (g_set_str (&self->organisation, organisation))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ORGANISATION]);
}

/**
 * ladder_framework_set_description:
 * @self: a #LadderFramework
 * @description: (nullable): the description
 *
 * Sets the framework's description.
 */
void
ladder_framework_set_description (LadderFramework *self,
                                  const char      *description)
{
  g_return_if_fail (LADDER_IS_FRAMEWORK (self));

  if (g_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DESCRIPTION]);
}

/**
 * ladder_framework_set_source:
 * @self: a #LadderFramework
 * @source: (nullable): a URL or a file name
 *
 * Sets where the framework came from.
 */
void
ladder_framework_set_source (LadderFramework *self,
                             const char      *source)
{
  g_return_if_fail (LADDER_IS_FRAMEWORK (self));

  if (g_set_str (&self->source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SOURCE]);
}

/**
 * ladder_framework_set_sublevels:
 * @self: a #LadderFramework
 * @sublevels: (nullable) (array zero-terminated=1): the names of the
 *   sub-levels, or %NULL for none
 *
 * Sets the sub-levels that progress within a level is shown in.
 */
void
ladder_framework_set_sublevels (LadderFramework    *self,
                                const char * const *sublevels)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (LADDER_IS_FRAMEWORK (self));

  if (sublevels == NULL)
    sublevels = none;

  if (g_strv_equal ((const char * const *) self->sublevels, sublevels))
    return;

  g_strfreev (self->sublevels);
  self->sublevels = g_strdupv ((char **) sublevels);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUBLEVELS]);
}

/**
 * ladder_framework_get_readiness_rule:
 * @self: a #LadderFramework
 *
 * Returns: the rule that says when a profile is ready for the next level
 */
LadderReadinessRule
ladder_framework_get_readiness_rule (LadderFramework *self)
{
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), LADDER_READINESS_CURRENT_SHARE);

  return self->readiness_rule;
}

/**
 * ladder_framework_get_readiness_percent:
 * @self: a #LadderFramework
 *
 * The share of behaviours shown that %LADDER_READINESS_CURRENT_SHARE and
 * %LADDER_READINESS_NEXT_SHARE ask for, in percent. It is kept under
 * %LADDER_READINESS_CURRENT_ALL too, for a switch back.
 *
 * Returns: the share in whole percent, 1 to 100
 */
guint
ladder_framework_get_readiness_percent (LadderFramework *self)
{
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), LADDER_READINESS_DEFAULT_PERCENT);

  return self->readiness_percent;
}

/**
 * ladder_framework_set_readiness:
 * @self: a #LadderFramework
 * @rule: the rule
 * @percent: the share of behaviours shown that a "-share" rule asks for,
 *   in whole percent, 1 to 100
 *
 * Sets when a profile on this framework counts as ready for the next
 * level, and emits #LadderFramework::readiness-changed once when either
 * changed. Profiles that embed @self emit #LadderProfile::changed.
 */
void
ladder_framework_set_readiness (LadderFramework     *self,
                                LadderReadinessRule  rule,
                                guint                percent)
{
  g_return_if_fail (LADDER_IS_FRAMEWORK (self));
  g_return_if_fail (ladder_readiness_rule_to_string (rule) != NULL);
  g_return_if_fail (percent >= 1 && percent <= 100);

  if (self->readiness_rule == rule && self->readiness_percent == percent)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->readiness_rule != rule)
    {
      self->readiness_rule = rule;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READINESS_RULE]);
    }
  if (self->readiness_percent != percent)
    {
      self->readiness_percent = percent;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READINESS_PERCENT]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals [READINESS_CHANGED], 0);
}

/**
 * ladder_framework_describe_readiness:
 * @self: a #LadderFramework
 *
 * Says the readiness rule in a sentence for people, such as "Ready for
 * the next level when 80 % of the current level’s behaviours are shown".
 *
 * Returns: (transfer full): a new translated string
 */
char *
ladder_framework_describe_readiness (LadderFramework *self)
{
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), NULL);

  switch (self->readiness_rule)
    {
    case LADDER_READINESS_CURRENT_ALL:
      return g_strdup (_("Ready for the next level when every behaviour of the current level is shown"));

    case LADDER_READINESS_NEXT_SHARE:
      /* Translators: "Ready for the next level when 50 % of its behaviours are already shown" */
      return g_strdup_printf (_("Ready for the next level when %u %% of its behaviours are already shown"),
                              self->readiness_percent);

    case LADDER_READINESS_CURRENT_SHARE:
    default:
      /* Translators: "Ready for the next level when 80 % of the current level’s behaviours are shown" */
      return g_strdup_printf (_("Ready for the next level when %u %% of the current level’s behaviours are shown"),
                              self->readiness_percent);
    }
}

/**
 * ladder_framework_get_levels:
 * @self: a #LadderFramework
 *
 * Returns: (transfer none): the levels (#LadderLevel), in reading order
 */
GListModel *
ladder_framework_get_levels (LadderFramework *self)
{
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), NULL);

  return G_LIST_MODEL (self->levels);
}

/**
 * ladder_framework_get_categories:
 * @self: a #LadderFramework
 *
 * Returns: (transfer none): the categories (#LadderCategory), in reading
 *   order
 */
GListModel *
ladder_framework_get_categories (LadderFramework *self)
{
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), NULL);

  return G_LIST_MODEL (self->categories);
}

/**
 * ladder_framework_get_behaviours:
 * @self: a #LadderFramework
 *
 * Returns: (transfer none): the behaviours (#LadderBehaviour), in reading
 *   order
 */
GListModel *
ladder_framework_get_behaviours (LadderFramework *self)
{
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), NULL);

  return G_LIST_MODEL (self->behaviours);
}

/**
 * ladder_framework_get_cells:
 * @self: a #LadderFramework
 *
 * Returns: (transfer none): the cells (#LadderCell), in reading order
 */
GListModel *
ladder_framework_get_cells (LadderFramework *self)
{
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), NULL);

  return G_LIST_MODEL (self->cells);
}

/**
 * ladder_framework_add_level:
 * @self: a #LadderFramework
 * @level: the level to append
 *
 * Appends a level after the others.
 *
 * Returns: %TRUE if added; %FALSE, adding nothing, if a level with the
 *   same id is already there
 */
gboolean
ladder_framework_add_level (LadderFramework *self,
                            LadderLevel     *level)
{
  const char *id;
  guint position;

  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), FALSE);
  g_return_val_if_fail (LADDER_IS_LEVEL (level), FALSE);

  id = ladder_level_get_id (level);
  if (id == NULL || g_hash_table_contains (self->level_by_id, id))
    return FALSE;

  position = g_list_model_get_n_items (G_LIST_MODEL (self->levels));
  g_hash_table_insert (self->level_by_id, (char *) id, level);
  g_hash_table_insert (self->level_position, (char *) id, GUINT_TO_POINTER (position + 1));
  g_list_store_append (self->levels, level);

  return TRUE;
}

/**
 * ladder_framework_add_category:
 * @self: a #LadderFramework
 * @category: the category to append
 *
 * Appends a category after the others.
 *
 * Returns: %TRUE if added; %FALSE, adding nothing, if a category with the
 *   same id is already there
 */
gboolean
ladder_framework_add_category (LadderFramework *self,
                               LadderCategory  *category)
{
  const char *id;

  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), FALSE);
  g_return_val_if_fail (LADDER_IS_CATEGORY (category), FALSE);

  id = ladder_category_get_id (category);
  if (id == NULL || g_hash_table_contains (self->category_by_id, id))
    return FALSE;

  g_hash_table_insert (self->category_by_id, (char *) id, category);
  g_list_store_append (self->categories, category);

  return TRUE;
}

/**
 * ladder_framework_add_behaviour:
 * @self: a #LadderFramework
 * @behaviour: the behaviour to append
 *
 * Appends a behaviour after the others. Its level and category must have
 * been added before.
 *
 * Returns: %TRUE if added; %FALSE, adding nothing, if a behaviour with
 *   the same id is already there or its level or category is unknown
 */
gboolean
ladder_framework_add_behaviour (LadderFramework *self,
                                LadderBehaviour *behaviour)
{
  const char *id;
  const char *level;
  const char *category;

  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), FALSE);
  g_return_val_if_fail (LADDER_IS_BEHAVIOUR (behaviour), FALSE);

  id = ladder_behaviour_get_id (behaviour);
  level = ladder_behaviour_get_level (behaviour);
  category = ladder_behaviour_get_category (behaviour);

  if (id == NULL || level == NULL || category == NULL)
    return FALSE;
  if (g_hash_table_contains (self->behaviour_by_id, id))
    return FALSE;
  if (!g_hash_table_contains (self->level_by_id, level) ||
      !g_hash_table_contains (self->category_by_id, category))
    return FALSE;

  g_hash_table_insert (self->behaviour_by_id, (char *) id, behaviour);
  index_behaviour (self->behaviours_by_key, make_key (level, category), behaviour);
  index_behaviour (self->behaviours_by_level, g_strdup (level), behaviour);
  index_behaviour (self->behaviours_by_category, g_strdup (category), behaviour);
  g_list_store_append (self->behaviours, behaviour);

  return TRUE;
}

/**
 * ladder_framework_add_cell:
 * @self: a #LadderFramework
 * @cell: the cell to append
 *
 * Appends the summary of one level in one category. Its level and
 * category must have been added before.
 *
 * Returns: %TRUE if added; %FALSE, adding nothing, if that level and
 *   category already have a cell or either is unknown
 */
gboolean
ladder_framework_add_cell (LadderFramework *self,
                           LadderCell      *cell)
{
  const char *level;
  const char *category;
  g_autofree char *key = NULL;

  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), FALSE);
  g_return_val_if_fail (LADDER_IS_CELL (cell), FALSE);

  level = ladder_cell_get_level (cell);
  category = ladder_cell_get_category (cell);

  if (level == NULL || category == NULL)
    return FALSE;
  if (!g_hash_table_contains (self->level_by_id, level) ||
      !g_hash_table_contains (self->category_by_id, category))
    return FALSE;

  key = make_key (level, category);
  if (g_hash_table_contains (self->cell_by_key, key))
    return FALSE;

  g_hash_table_insert (self->cell_by_key, g_steal_pointer (&key), cell);
  g_list_store_append (self->cells, cell);

  return TRUE;
}

/**
 * ladder_framework_find_level:
 * @self: a #LadderFramework
 * @id: a level id
 *
 * Returns: (transfer none) (nullable): the level, or %NULL
 */
LadderLevel *
ladder_framework_find_level (LadderFramework *self,
                             const char      *id)
{
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->level_by_id, id);
}

/**
 * ladder_framework_find_category:
 * @self: a #LadderFramework
 * @id: a category id
 *
 * Returns: (transfer none) (nullable): the category, or %NULL
 */
LadderCategory *
ladder_framework_find_category (LadderFramework *self,
                                const char      *id)
{
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->category_by_id, id);
}

/**
 * ladder_framework_find_behaviour:
 * @self: a #LadderFramework
 * @id: a behaviour id
 *
 * Returns: (transfer none) (nullable): the behaviour, or %NULL
 */
LadderBehaviour *
ladder_framework_find_behaviour (LadderFramework *self,
                                 const char      *id)
{
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->behaviour_by_id, id);
}

/**
 * ladder_framework_get_level_label:
 * @self: a #LadderFramework
 * @id: (nullable): a level id
 *
 * Returns: (nullable): the name of the level @id, or @id itself when the
 *   framework has no such level or it has no name
 */
const char *
ladder_framework_get_level_label (LadderFramework *self,
                                  const char      *id)
{
  LadderLevel *level = ladder_framework_find_level (self, id);
  const char *name = level != NULL ? ladder_level_get_name (level) : NULL;

  return name != NULL && *name != '\0' ? name : id;
}

/**
 * ladder_framework_get_behaviour_label:
 * @self: a #LadderFramework
 * @id: (nullable): a behaviour id
 *
 * Returns: (nullable): the text of the behaviour @id, or @id itself when
 *   the framework has no such behaviour or it has no text
 */
const char *
ladder_framework_get_behaviour_label (LadderFramework *self,
                                      const char      *id)
{
  LadderBehaviour *behaviour = ladder_framework_find_behaviour (self, id);
  const char *text = behaviour != NULL ? ladder_behaviour_get_text (behaviour) : NULL;

  return text != NULL && *text != '\0' ? text : id;
}

/**
 * ladder_framework_find_cell:
 * @self: a #LadderFramework
 * @level: a level id
 * @category: a category id
 *
 * Returns: (transfer none) (nullable): the cell of @level in @category,
 *   or %NULL
 */
LadderCell *
ladder_framework_find_cell (LadderFramework *self,
                            const char      *level,
                            const char      *category)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), NULL);

  if (level == NULL || category == NULL)
    return NULL;

  key = make_key (level, category);

  return g_hash_table_lookup (self->cell_by_key, key);
}

/**
 * ladder_framework_get_level_index:
 * @self: a #LadderFramework
 * @level: a level id
 *
 * Returns: the position of @level in reading order, or -1 when unknown
 */
int
ladder_framework_get_level_index (LadderFramework *self,
                                  const char      *level)
{
  gpointer position;

  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), -1);

  if (level == NULL)
    return -1;

  position = g_hash_table_lookup (self->level_position, level);
  if (position == NULL)
    return -1;

  return (int) GPOINTER_TO_UINT (position) - 1;
}

/**
 * ladder_framework_get_next_level:
 * @self: a #LadderFramework
 * @level: a level id
 *
 * Returns: (transfer none) (nullable): the level after @level, or %NULL
 *   when @level is the last one or unknown
 */
LadderLevel *
ladder_framework_get_next_level (LadderFramework *self,
                                 const char      *level)
{
  g_autoptr (LadderLevel) next = NULL;
  int index;

  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), NULL);

  index = ladder_framework_get_level_index (self, level);
  if (index < 0)
    return NULL;

  /* The store keeps its reference: what is returned stays valid. */
  next = g_list_model_get_item (G_LIST_MODEL (self->levels), (guint) index + 1);

  return next;
}

static GPtrArray *
lookup_behaviours (LadderFramework *self,
                   const char      *level,
                   const char      *category)
{
  g_autofree char *key = NULL;

  if (level != NULL && category != NULL)
    {
      key = make_key (level, category);
      return g_hash_table_lookup (self->behaviours_by_key, key);
    }

  if (level != NULL)
    return g_hash_table_lookup (self->behaviours_by_level, level);

  g_assert (category != NULL);

  return g_hash_table_lookup (self->behaviours_by_category, category);
}

/**
 * ladder_framework_list_behaviours:
 * @self: a #LadderFramework
 * @level: (nullable): a level id, or %NULL for all levels
 * @category: (nullable): a category id, or %NULL for all categories
 *
 * Lists the behaviours of one level in one category, in reading order.
 *
 * Returns: (transfer container) (element-type LadderBehaviour): a new
 *   array of behaviours owned by the framework; empty when none match
 */
GPtrArray *
ladder_framework_list_behaviours (LadderFramework *self,
                                  const char      *level,
                                  const char      *category)
{
  GPtrArray *all;
  guint n;

  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), NULL);

  if (level != NULL || category != NULL)
    return copy_behaviours (lookup_behaviours (self, level, category));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->behaviours));
  all = g_ptr_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderBehaviour) behaviour = NULL;

      behaviour = g_list_model_get_item (G_LIST_MODEL (self->behaviours), i);

      g_ptr_array_add (all, behaviour);
    }

  return all;
}

/**
 * ladder_framework_count_behaviours:
 * @self: a #LadderFramework
 * @level: (nullable): a level id, or %NULL for all levels
 * @category: (nullable): a category id, or %NULL for all categories
 *
 * Counts the behaviours of one level in one category, without a copy.
 *
 * Returns: the number of behaviours that match
 */
guint
ladder_framework_count_behaviours (LadderFramework *self,
                                   const char      *level,
                                   const char      *category)
{
  GPtrArray *array;

  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), 0);

  if (level == NULL && category == NULL)
    return g_list_model_get_n_items (G_LIST_MODEL (self->behaviours));

  array = lookup_behaviours (self, level, category);

  return array != NULL ? array->len : 0;
}
