/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-action"

#include "config.h"

#include "ladder-action.h"
#include "ladder-model-private.h"

struct _LadderAction
{
  GObject parent_instance;

  char *id;
  char *text;
  GDate *due;
  GDateTime *modified;
  LadderRater owner;
  guint done : 1;
  guint is_private : 1;
};

G_DEFINE_FINAL_TYPE (LadderAction, ladder_action, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_OWNER,
  PROP_DUE,
  PROP_DONE,
  PROP_PRIVATE,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Every edit moves "modified": see _ladder_stamp_edit(). */
static void
ladder_action_changed (LadderAction *self,
                       GParamSpec   *pspec)
{
  _ladder_stamp_edit (G_OBJECT (self), pspec, &self->modified, properties [PROP_MODIFIED]);
}

static void
ladder_action_constructed (GObject *object)
{
  LadderAction *self = (LadderAction *) object;

  G_OBJECT_CLASS (ladder_action_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_uuid_string_random ();
}

static void
ladder_action_finalize (GObject *object)
{
  LadderAction *self = (LadderAction *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->due, g_date_free);
  g_clear_pointer (&self->modified, g_date_time_unref);

  G_OBJECT_CLASS (ladder_action_parent_class)->finalize (object);
}

static void
ladder_action_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LadderAction *self = LADDER_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_OWNER:
      g_value_set_enum (value, self->owner);
      break;

    case PROP_DUE:
      g_value_set_boxed (value, self->due);
      break;

    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;

    case PROP_PRIVATE:
      g_value_set_boolean (value, self->is_private);
      break;

    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_action_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LadderAction *self = LADDER_ACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_TEXT:
      ladder_action_set_text (self, g_value_get_string (value));
      break;

    case PROP_OWNER:
      ladder_action_set_owner (self, g_value_get_enum (value));
      break;

    case PROP_DUE:
      ladder_action_set_due (self, g_value_get_boxed (value));
      break;

    case PROP_DONE:
      ladder_action_set_done (self, g_value_get_boolean (value));
      break;

    case PROP_PRIVATE:
      ladder_action_set_private (self, g_value_get_boolean (value));
      break;

    case PROP_MODIFIED:
      ladder_action_set_modified (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_action_class_init (LadderActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ladder_action_constructed;
  object_class->finalize = ladder_action_finalize;
  object_class->get_property = ladder_action_get_property;
  object_class->set_property = ladder_action_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_OWNER] =
    g_param_spec_enum ("owner", NULL, NULL,
                       LADDER_TYPE_RATER,
                       LADDER_RATER_SELF,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties [PROP_DUE] =
    g_param_spec_boxed ("due", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties [PROP_DONE] =
    g_param_spec_boolean ("done", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties [PROP_PRIVATE] =
    g_param_spec_boolean ("private", NULL, NULL,
                          FALSE,
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
ladder_action_init (LadderAction *self)
{
  self->owner = LADDER_RATER_SELF;
  self->modified = g_date_time_new_now_utc ();
}

/**
 * ladder_action_new:
 * @id: (nullable): the action's id, or %NULL to make a new UUID
 *
 * Creates an open action owned by the engineer, modified now.
 *
 * Returns: (transfer full): a new #LadderAction
 */
LadderAction *
ladder_action_new (const char *id)
{
  return g_object_new (LADDER_TYPE_ACTION,
                       "id", id,
                       NULL);
}

/**
 * ladder_action_get_id:
 * @self: a #LadderAction
 *
 * Returns: the action's id
 */
const char *
ladder_action_get_id (LadderAction *self)
{
  g_return_val_if_fail (LADDER_IS_ACTION (self), NULL);

  return self->id;
}

/**
 * ladder_action_get_text:
 * @self: a #LadderAction
 *
 * Returns: (nullable): what was agreed
 */
const char *
ladder_action_get_text (LadderAction *self)
{
  g_return_val_if_fail (LADDER_IS_ACTION (self), NULL);

  return self->text;
}

/**
 * ladder_action_set_text:
 * @self: a #LadderAction
 * @text: (nullable): what was agreed
 *
 * Sets what was agreed.
 */
void
ladder_action_set_text (LadderAction *self,
                        const char   *text)
{
  g_return_if_fail (LADDER_IS_ACTION (self));

  if (g_set_str (&self->text, text))
    ladder_action_changed (self, properties [PROP_TEXT]);
}

/**
 * ladder_action_get_owner:
 * @self: a #LadderAction
 *
 * Returns: who is to do it
 */
LadderRater
ladder_action_get_owner (LadderAction *self)
{
  g_return_val_if_fail (LADDER_IS_ACTION (self), LADDER_RATER_SELF);

  return self->owner;
}

/**
 * ladder_action_set_owner:
 * @self: a #LadderAction
 * @owner: who is to do it
 *
 * Sets who is to do it.
 */
void
ladder_action_set_owner (LadderAction *self,
                         LadderRater   owner)
{
  g_return_if_fail (LADDER_IS_ACTION (self));
  g_return_if_fail (owner == LADDER_RATER_SELF || owner == LADDER_RATER_MANAGER);

  if (self->owner == owner)
    return;

  self->owner = owner;
  ladder_action_changed (self, properties [PROP_OWNER]);
}

/**
 * ladder_action_get_due:
 * @self: a #LadderAction
 *
 * Returns: (nullable): the day it is due, or %NULL
 */
const GDate *
ladder_action_get_due (LadderAction *self)
{
  g_return_val_if_fail (LADDER_IS_ACTION (self), NULL);

  return self->due;
}

/**
 * ladder_action_set_due:
 * @self: a #LadderAction
 * @due: (nullable): the day it is due, or %NULL for none
 *
 * Sets the day it is due.
 */
void
ladder_action_set_due (LadderAction *self,
                       const GDate  *due)
{
  g_return_if_fail (LADDER_IS_ACTION (self));
  g_return_if_fail (due == NULL || g_date_valid (due));

  if (_ladder_set_date (&self->due, due))
    ladder_action_changed (self, properties [PROP_DUE]);
}

/**
 * ladder_action_get_done:
 * @self: a #LadderAction
 *
 * Returns: %TRUE once it is done
 */
gboolean
ladder_action_get_done (LadderAction *self)
{
  g_return_val_if_fail (LADDER_IS_ACTION (self), FALSE);

  return self->done;
}

/**
 * ladder_action_set_done:
 * @self: a #LadderAction
 * @done: whether it is done
 *
 * Marks the action done or open.
 */
void
ladder_action_set_done (LadderAction *self,
                        gboolean      done)
{
  g_return_if_fail (LADDER_IS_ACTION (self));

  done = !!done;
  if (self->done == (guint) done)
    return;

  self->done = done;
  ladder_action_changed (self, properties [PROP_DONE]);
}

/**
 * ladder_action_get_private:
 * @self: a #LadderAction
 *
 * Whether the action is private to its author, the person whose copy
 * of the profile it was written in: a shared copy, the PDF and the
 * exports leave it out (see ladder_format_write_shared_copy()).
 *
 * Returns: %TRUE when only its author sees it
 */
gboolean
ladder_action_get_private (LadderAction *self)
{
  g_return_val_if_fail (LADDER_IS_ACTION (self), FALSE);

  return self->is_private;
}

/**
 * ladder_action_set_private:
 * @self: a #LadderAction
 * @is_private: whether only its author sees it
 *
 * Makes the action private to its author, or shared again.
 */
void
ladder_action_set_private (LadderAction *self,
                           gboolean      is_private)
{
  g_return_if_fail (LADDER_IS_ACTION (self));

  is_private = !!is_private;
  if (self->is_private == (guint) is_private)
    return;

  self->is_private = is_private;
  ladder_action_changed (self, properties [PROP_PRIVATE]);
}

/**
 * ladder_action_get_modified:
 * @self: a #LadderAction
 *
 * Returns: (transfer none): when the action last changed
 */
GDateTime *
ladder_action_get_modified (LadderAction *self)
{
  g_return_val_if_fail (LADDER_IS_ACTION (self), NULL);

  return self->modified;
}

/**
 * ladder_action_set_modified:
 * @self: a #LadderAction
 * @modified: when it last changed, as stored
 *
 * Sets the stamp as it was stored, for loaders and merges.
 */
void
ladder_action_set_modified (LadderAction *self,
                            GDateTime    *modified)
{
  g_return_if_fail (LADDER_IS_ACTION (self));
  g_return_if_fail (modified != NULL);

  _ladder_stamp_set (G_OBJECT (self), &self->modified, modified, properties [PROP_MODIFIED]);
}
