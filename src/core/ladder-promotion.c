/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-promotion"

#include "config.h"

#include "ladder-promotion.h"
#include "ladder-model-private.h"
#include "ladder-time-private.h"

struct _LadderPromotion
{
  GObject parent_instance;

  char *id;
  GDate *date;
  char *from;
  char *to;
  GDateTime *modified;
};

G_DEFINE_FINAL_TYPE (LadderPromotion, ladder_promotion, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DATE,
  PROP_FROM,
  PROP_TO,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Every edit moves "modified": see _ladder_stamp_edit(). */
static void
ladder_promotion_changed (LadderPromotion *self,
                          GParamSpec      *pspec)
{
  _ladder_stamp_edit (G_OBJECT (self), pspec, &self->modified, properties [PROP_MODIFIED]);
}

static void
ladder_promotion_constructed (GObject *object)
{
  LadderPromotion *self = (LadderPromotion *) object;

  G_OBJECT_CLASS (ladder_promotion_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_uuid_string_random ();
}

static void
ladder_promotion_finalize (GObject *object)
{
  LadderPromotion *self = (LadderPromotion *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->date, g_date_free);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_pointer (&self->modified, g_date_time_unref);

  G_OBJECT_CLASS (ladder_promotion_parent_class)->finalize (object);
}

static void
ladder_promotion_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LadderPromotion *self = LADDER_PROMOTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;

    case PROP_FROM:
      g_value_set_string (value, self->from);
      break;

    case PROP_TO:
      g_value_set_string (value, self->to);
      break;

    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_promotion_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LadderPromotion *self = LADDER_PROMOTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_DATE:
      ladder_promotion_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_FROM:
      ladder_promotion_set_from (self, g_value_get_string (value));
      break;

    case PROP_TO:
      ladder_promotion_set_to (self, g_value_get_string (value));
      break;

    case PROP_MODIFIED:
      ladder_promotion_set_modified (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_promotion_class_init (LadderPromotionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ladder_promotion_constructed;
  object_class->finalize = ladder_promotion_finalize;
  object_class->get_property = ladder_promotion_get_property;
  object_class->set_property = ladder_promotion_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties [PROP_FROM] =
    g_param_spec_string ("from", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_TO] =
    g_param_spec_string ("to", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ladder_promotion_init (LadderPromotion *self)
{
  self->date = _ladder_date_new_today ();
  self->modified = g_date_time_new_now_utc ();
}

/**
 * ladder_promotion_new:
 * @id: (nullable): the record's id, or %NULL to make a new UUID
 * @date: (nullable): the day of the change, or %NULL for today
 * @from: (nullable): the level before
 * @to: (nullable): the level after
 *
 * Creates the record of a change of level, modified now.
 *
 * Returns: (transfer full): a new #LadderPromotion
 */
LadderPromotion *
ladder_promotion_new (const char  *id,
                      const GDate *date,
                      const char  *from,
                      const char  *to)
{
  LadderPromotion *self;

  g_return_val_if_fail (date == NULL || g_date_valid (date), NULL);

  self = g_object_new (LADDER_TYPE_PROMOTION,
                       "id", id,
                       "from", from,
                       "to", to,
                       NULL);
  if (date != NULL)
    ladder_promotion_set_date (self, date);

  return self;
}

/**
 * ladder_promotion_get_id:
 * @self: a #LadderPromotion
 *
 * Returns: the record's id
 */
const char *
ladder_promotion_get_id (LadderPromotion *self)
{
  g_return_val_if_fail (LADDER_IS_PROMOTION (self), NULL);

  return self->id;
}

/**
 * ladder_promotion_get_date:
 * @self: a #LadderPromotion
 *
 * Returns: the day the level changed
 */
const GDate *
ladder_promotion_get_date (LadderPromotion *self)
{
  g_return_val_if_fail (LADDER_IS_PROMOTION (self), NULL);

  return self->date;
}

/**
 * ladder_promotion_set_date:
 * @self: a #LadderPromotion
 * @date: the day the level changed
 *
 * Sets the day and moves "modified" to now if it changed.
 */
void
ladder_promotion_set_date (LadderPromotion *self,
                           const GDate     *date)
{
  g_return_if_fail (LADDER_IS_PROMOTION (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  if (_ladder_set_date (&self->date, date))
    ladder_promotion_changed (self, properties [PROP_DATE]);
}

/**
 * ladder_promotion_get_from:
 * @self: a #LadderPromotion
 *
 * Returns: (nullable): the id of the level before the change
 */
const char *
ladder_promotion_get_from (LadderPromotion *self)
{
  g_return_val_if_fail (LADDER_IS_PROMOTION (self), NULL);

  return self->from;
}

/**
 * ladder_promotion_set_from:
 * @self: a #LadderPromotion
 * @from: (nullable): the id of the level before the change
 *
 * Sets the level before and moves "modified" to now if it changed.
 */
void
ladder_promotion_set_from (LadderPromotion *self,
                           const char      *from)
{
  g_return_if_fail (LADDER_IS_PROMOTION (self));

  if (g_set_str (&self->from, from))
    ladder_promotion_changed (self, properties [PROP_FROM]);
}

/**
 * ladder_promotion_get_to:
 * @self: a #LadderPromotion
 *
 * Returns: (nullable): the id of the level after the change
 */
const char *
ladder_promotion_get_to (LadderPromotion *self)
{
  g_return_val_if_fail (LADDER_IS_PROMOTION (self), NULL);

  return self->to;
}

/**
 * ladder_promotion_set_to:
 * @self: a #LadderPromotion
 * @to: (nullable): the id of the level after the change
 *
 * Sets the level after and moves "modified" to now if it changed.
 */
void
ladder_promotion_set_to (LadderPromotion *self,
                         const char      *to)
{
  g_return_if_fail (LADDER_IS_PROMOTION (self));

  if (g_set_str (&self->to, to))
    ladder_promotion_changed (self, properties [PROP_TO]);
}

/**
 * ladder_promotion_get_modified:
 * @self: a #LadderPromotion
 *
 * Returns: (transfer none): when the record last changed
 */
GDateTime *
ladder_promotion_get_modified (LadderPromotion *self)
{
  g_return_val_if_fail (LADDER_IS_PROMOTION (self), NULL);

  return self->modified;
}

/**
 * ladder_promotion_set_modified:
 * @self: a #LadderPromotion
 * @modified: when it last changed, as stored
 *
 * Sets the stamp as it was stored, for loaders and merges.
 */
void
ladder_promotion_set_modified (LadderPromotion *self,
                               GDateTime       *modified)
{
  g_return_if_fail (LADDER_IS_PROMOTION (self));
  g_return_if_fail (modified != NULL);

  _ladder_stamp_set (G_OBJECT (self), &self->modified, modified, properties [PROP_MODIFIED]);
}

/**
 * ladder_promotion_is_promotion:
 * @self: a #LadderPromotion
 * @framework: the framework of its profile
 *
 * Whether the change went up: to a level later in @framework's order
 * than the one before. A change down or sideways is a correction.
 *
 * Returns: %TRUE for a promotion
 */
gboolean
ladder_promotion_is_promotion (LadderPromotion *self,
                               LadderFramework *framework)
{
  int from, to;

  g_return_val_if_fail (LADDER_IS_PROMOTION (self), FALSE);
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (framework), FALSE);

  from = self->from != NULL ? ladder_framework_get_level_index (framework, self->from) : -1;
  to = self->to != NULL ? ladder_framework_get_level_index (framework, self->to) : -1;

  return to >= 0 && to > from;
}
