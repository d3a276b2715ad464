/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-topic"

#include "config.h"

#include "ladder-topic.h"
#include "ladder-model-private.h"
#include "ladder-time-private.h"

struct _LadderTopic
{
  GObject parent_instance;

  char *id;
  char *text;
  GDate *created;
  GDate *closed;
  char *checkin;
  GDateTime *modified;
  LadderRater author;
  guint is_private : 1;
};

G_DEFINE_FINAL_TYPE (LadderTopic, ladder_topic, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_AUTHOR,
  PROP_CREATED,
  PROP_PRIVATE,
  PROP_CLOSED,
  PROP_CHECKIN,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Every edit moves "modified": see _ladder_stamp_edit(). */
static void
ladder_topic_changed (LadderTopic *self,
                      GParamSpec  *pspec)
{
  _ladder_stamp_edit (G_OBJECT (self), pspec, &self->modified, properties [PROP_MODIFIED]);
}

static void
ladder_topic_constructed (GObject *object)
{
  LadderTopic *self = (LadderTopic *) object;

  G_OBJECT_CLASS (ladder_topic_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_uuid_string_random ();
}

static void
ladder_topic_finalize (GObject *object)
{
  LadderTopic *self = (LadderTopic *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->created, g_date_free);
  g_clear_pointer (&self->closed, g_date_free);
  g_clear_pointer (&self->checkin, g_free);
  g_clear_pointer (&self->modified, g_date_time_unref);

  G_OBJECT_CLASS (ladder_topic_parent_class)->finalize (object);
}

static void
ladder_topic_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LadderTopic *self = LADDER_TOPIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_AUTHOR:
      g_value_set_enum (value, self->author);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_PRIVATE:
      g_value_set_boolean (value, self->is_private);
      break;

    case PROP_CLOSED:
      g_value_set_boxed (value, self->closed);
      break;

    case PROP_CHECKIN:
      g_value_set_string (value, self->checkin);
      break;

    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_topic_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LadderTopic *self = LADDER_TOPIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_TEXT:
      ladder_topic_set_text (self, g_value_get_string (value));
      break;

    case PROP_AUTHOR:
      ladder_topic_set_author (self, g_value_get_enum (value));
      break;

    case PROP_CREATED:
      ladder_topic_set_created (self, g_value_get_boxed (value));
      break;

    case PROP_PRIVATE:
      ladder_topic_set_private (self, g_value_get_boolean (value));
      break;

    case PROP_MODIFIED:
      ladder_topic_set_modified (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_topic_class_init (LadderTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ladder_topic_constructed;
  object_class->finalize = ladder_topic_finalize;
  object_class->get_property = ladder_topic_get_property;
  object_class->set_property = ladder_topic_set_property;

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

  properties [PROP_AUTHOR] =
    g_param_spec_enum ("author", NULL, NULL,
                       LADDER_TYPE_RATER,
                       LADDER_RATER_SELF,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties [PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties [PROP_PRIVATE] =
    g_param_spec_boolean ("private", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties [PROP_CLOSED] =
    g_param_spec_boxed ("closed", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READABLE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties [PROP_CHECKIN] =
    g_param_spec_string ("checkin", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
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
ladder_topic_init (LadderTopic *self)
{
  self->author = LADDER_RATER_SELF;
  self->created = _ladder_date_new_today ();
  self->modified = g_date_time_new_now_utc ();
}

/**
 * ladder_topic_new:
 * @id: (nullable): the topic's id, or %NULL to make a new UUID
 *
 * Creates an open topic added by the engineer today, modified now.
 *
 * Returns: (transfer full): a new #LadderTopic
 */
LadderTopic *
ladder_topic_new (const char *id)
{
  return g_object_new (LADDER_TYPE_TOPIC,
                       "id", id,
                       NULL);
}

/**
 * ladder_topic_get_id:
 * @self: a #LadderTopic
 *
 * Returns: the topic's id
 */
const char *
ladder_topic_get_id (LadderTopic *self)
{
  g_return_val_if_fail (LADDER_IS_TOPIC (self), NULL);

  return self->id;
}

/**
 * ladder_topic_get_text:
 * @self: a #LadderTopic
 *
 * Returns: (nullable): what to talk about
 */
const char *
ladder_topic_get_text (LadderTopic *self)
{
  g_return_val_if_fail (LADDER_IS_TOPIC (self), NULL);

  return self->text;
}

/**
 * ladder_topic_set_text:
 * @self: a #LadderTopic
 * @text: (nullable): what to talk about
 *
 * Sets what to talk about.
 */
void
ladder_topic_set_text (LadderTopic *self,
                       const char  *text)
{
  g_return_if_fail (LADDER_IS_TOPIC (self));

  if (g_set_str (&self->text, text))
    ladder_topic_changed (self, properties [PROP_TEXT]);
}

/**
 * ladder_topic_get_author:
 * @self: a #LadderTopic
 *
 * Returns: which side added the topic
 */
LadderRater
ladder_topic_get_author (LadderTopic *self)
{
  g_return_val_if_fail (LADDER_IS_TOPIC (self), LADDER_RATER_SELF);

  return self->author;
}

/**
 * ladder_topic_set_author:
 * @self: a #LadderTopic
 * @author: which side added it
 *
 * Sets which side added the topic.
 */
void
ladder_topic_set_author (LadderTopic *self,
                         LadderRater  author)
{
  g_return_if_fail (LADDER_IS_TOPIC (self));
  g_return_if_fail (author == LADDER_RATER_SELF || author == LADDER_RATER_MANAGER);

  if (self->author == author)
    return;

  self->author = author;
  ladder_topic_changed (self, properties [PROP_AUTHOR]);
}

/**
 * ladder_topic_get_created:
 * @self: a #LadderTopic
 *
 * Returns: (nullable): the day the topic was added, or %NULL when unknown
 */
const GDate *
ladder_topic_get_created (LadderTopic *self)
{
  g_return_val_if_fail (LADDER_IS_TOPIC (self), NULL);

  return self->created;
}

/**
 * ladder_topic_set_created:
 * @self: a #LadderTopic
 * @created: (nullable): the day it was added
 *
 * Sets the day the topic was added.
 */
void
ladder_topic_set_created (LadderTopic *self,
                          const GDate *created)
{
  g_return_if_fail (LADDER_IS_TOPIC (self));
  g_return_if_fail (created == NULL || g_date_valid (created));

  if (_ladder_set_date (&self->created, created))
    ladder_topic_changed (self, properties [PROP_CREATED]);
}

/**
 * ladder_topic_get_private:
 * @self: a #LadderTopic
 *
 * Whether the topic is private to its author, the person whose copy of
 * the profile it was written in: a shared copy, the PDF and the exports
 * leave it out (see ladder_format_write_shared_copy()).
 *
 * Returns: %TRUE when only its author sees it
 */
gboolean
ladder_topic_get_private (LadderTopic *self)
{
  g_return_val_if_fail (LADDER_IS_TOPIC (self), FALSE);

  return self->is_private;
}

/**
 * ladder_topic_set_private:
 * @self: a #LadderTopic
 * @is_private: whether only its author sees it
 *
 * Makes the topic private to its author, or shared again.
 */
void
ladder_topic_set_private (LadderTopic *self,
                          gboolean     is_private)
{
  g_return_if_fail (LADDER_IS_TOPIC (self));

  is_private = !!is_private;
  if (self->is_private == (guint) is_private)
    return;

  self->is_private = is_private;
  ladder_topic_changed (self, properties [PROP_PRIVATE]);
}

/**
 * ladder_topic_get_closed:
 * @self: a #LadderTopic
 *
 * Returns: (nullable): the day the topic was ticked off, or %NULL while
 *   it is open
 */
const GDate *
ladder_topic_get_closed (LadderTopic *self)
{
  g_return_val_if_fail (LADDER_IS_TOPIC (self), NULL);

  return self->closed;
}

/**
 * ladder_topic_get_checkin:
 * @self: a #LadderTopic
 *
 * Returns: (nullable): the id of the check-in the topic was ticked off
 *   in, or %NULL
 */
const char *
ladder_topic_get_checkin (LadderTopic *self)
{
  g_return_val_if_fail (LADDER_IS_TOPIC (self), NULL);

  return self->checkin;
}

/**
 * ladder_topic_close:
 * @self: a #LadderTopic
 * @day: the day it was talked about
 * @checkin_id: (nullable): the check-in it was ticked off in
 *
 * Ticks the topic off: it leaves the agenda of later check-ins.
 */
void
ladder_topic_close (LadderTopic *self,
                    const GDate *day,
                    const char  *checkin_id)
{
  gboolean day_changed, checkin_changed;

  g_return_if_fail (LADDER_IS_TOPIC (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  g_object_freeze_notify (G_OBJECT (self));
  day_changed = _ladder_set_date (&self->closed, day);
  checkin_changed = g_set_str (&self->checkin, checkin_id);
  if (day_changed)
    ladder_topic_changed (self, properties [PROP_CLOSED]);
  if (checkin_changed)
    ladder_topic_changed (self, properties [PROP_CHECKIN]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * ladder_topic_reopen:
 * @self: a #LadderTopic
 *
 * Puts the topic back on the agenda.
 */
void
ladder_topic_reopen (LadderTopic *self)
{
  gboolean day_changed, checkin_changed;

  g_return_if_fail (LADDER_IS_TOPIC (self));

  g_object_freeze_notify (G_OBJECT (self));
  day_changed = _ladder_set_date (&self->closed, NULL);
  checkin_changed = g_set_str (&self->checkin, NULL);
  if (day_changed)
    ladder_topic_changed (self, properties [PROP_CLOSED]);
  if (checkin_changed)
    ladder_topic_changed (self, properties [PROP_CHECKIN]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * ladder_topic_is_open:
 * @self: a #LadderTopic
 *
 * Returns: %TRUE while the topic has not been ticked off
 */
gboolean
ladder_topic_is_open (LadderTopic *self)
{
  g_return_val_if_fail (LADDER_IS_TOPIC (self), FALSE);

  return self->closed == NULL;
}

/**
 * ladder_topic_get_modified:
 * @self: a #LadderTopic
 *
 * Returns: (transfer none): when the topic last changed
 */
GDateTime *
ladder_topic_get_modified (LadderTopic *self)
{
  g_return_val_if_fail (LADDER_IS_TOPIC (self), NULL);

  return self->modified;
}

/**
 * ladder_topic_set_modified:
 * @self: a #LadderTopic
 * @modified: when it last changed, as stored
 *
 * Sets the stamp as it was stored, for loaders and merges.
 */
void
ladder_topic_set_modified (LadderTopic *self,
                           GDateTime   *modified)
{
  g_return_if_fail (LADDER_IS_TOPIC (self));
  g_return_if_fail (modified != NULL);

  _ladder_stamp_set (G_OBJECT (self), &self->modified, modified, properties [PROP_MODIFIED]);
}
