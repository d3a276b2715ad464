/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-evidence"

#include "config.h"

#include "ladder-evidence.h"
#include "ladder-model-private.h"
#include "ladder-time-private.h"

struct _LadderEvidence
{
  GObject parent_instance;

  char *id;
  GDate *date;
  char *title;
  char *body;
  /* Never NULL: empty vectors when there are none. */
  char **links;
  char **behaviours;
  char **tags;
  GDateTime *created;
  GDateTime *modified;
};

G_DEFINE_FINAL_TYPE (LadderEvidence, ladder_evidence, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DATE,
  PROP_TITLE,
  PROP_BODY,
  PROP_LINKS,
  PROP_BEHAVIOURS,
  PROP_TAGS,
  PROP_CREATED,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Every edit moves "modified": see _ladder_stamp_edit(). */
static void
ladder_evidence_changed (LadderEvidence *self,
                         GParamSpec     *pspec)
{
  _ladder_stamp_edit (G_OBJECT (self), pspec, &self->modified, properties [PROP_MODIFIED]);
}

static void
ladder_evidence_constructed (GObject *object)
{
  LadderEvidence *self = (LadderEvidence *) object;

  G_OBJECT_CLASS (ladder_evidence_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_uuid_string_random ();
}

static void
ladder_evidence_finalize (GObject *object)
{
  LadderEvidence *self = (LadderEvidence *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->date, g_date_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->links, g_strfreev);
  g_clear_pointer (&self->behaviours, g_strfreev);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);

  G_OBJECT_CLASS (ladder_evidence_parent_class)->finalize (object);
}

static void
ladder_evidence_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LadderEvidence *self = LADDER_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_LINKS:
      g_value_set_boxed (value, self->links);
      break;

    case PROP_BEHAVIOURS:
      g_value_set_boxed (value, self->behaviours);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_evidence_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LadderEvidence *self = LADDER_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_DATE:
      ladder_evidence_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_TITLE:
      ladder_evidence_set_title (self, g_value_get_string (value));
      break;

    case PROP_BODY:
      ladder_evidence_set_body (self, g_value_get_string (value));
      break;

    case PROP_LINKS:
      ladder_evidence_set_links (self, g_value_get_boxed (value));
      break;

    case PROP_BEHAVIOURS:
      ladder_evidence_set_behaviours (self, g_value_get_boxed (value));
      break;

    case PROP_TAGS:
      ladder_evidence_set_tags (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_evidence_class_init (LadderEvidenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ladder_evidence_constructed;
  object_class->finalize = ladder_evidence_finalize;
  object_class->get_property = ladder_evidence_get_property;
  object_class->set_property = ladder_evidence_set_property;

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

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_LINKS] =
    g_param_spec_boxed ("links", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties [PROP_BEHAVIOURS] =
    g_param_spec_boxed ("behaviours", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties [PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* The stamps follow the edits; loaders and merges set them with
   * ladder_evidence_set_stamps(). */
  properties [PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS));

  properties [PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ladder_evidence_init (LadderEvidence *self)
{
  self->date = _ladder_date_new_today ();
  self->links = g_new0 (char *, 1);
  self->behaviours = g_new0 (char *, 1);
  self->tags = g_new0 (char *, 1);
  self->created = g_date_time_new_now_utc ();
  self->modified = g_date_time_ref (self->created);
}

/**
 * ladder_evidence_new:
 * @id: (nullable): the entry's id, or %NULL to make a new UUID
 *
 * Creates an evidence entry dated today, created and modified now.
 *
 * Returns: (transfer full): a new #LadderEvidence
 */
LadderEvidence *
ladder_evidence_new (const char *id)
{
  return g_object_new (LADDER_TYPE_EVIDENCE,
                       "id", id,
                       NULL);
}

/**
 * ladder_evidence_get_id:
 * @self: a #LadderEvidence
 *
 * Returns: the entry's id
 */
const char *
ladder_evidence_get_id (LadderEvidence *self)
{
  g_return_val_if_fail (LADDER_IS_EVIDENCE (self), NULL);

  return self->id;
}

/**
 * ladder_evidence_get_date:
 * @self: a #LadderEvidence
 *
 * Returns: (nullable): the day of the work
 */
const GDate *
ladder_evidence_get_date (LadderEvidence *self)
{
  g_return_val_if_fail (LADDER_IS_EVIDENCE (self), NULL);

  return self->date;
}

/**
 * ladder_evidence_set_date:
 * @self: a #LadderEvidence
 * @date: (nullable): the day of the work
 *
 * Sets the day of the work.
 */
void
ladder_evidence_set_date (LadderEvidence *self,
                          const GDate    *date)
{
  g_return_if_fail (LADDER_IS_EVIDENCE (self));
  g_return_if_fail (date == NULL || g_date_valid (date));

  if (_ladder_set_date (&self->date, date))
    ladder_evidence_changed (self, properties [PROP_DATE]);
}

/**
 * ladder_evidence_get_title:
 * @self: a #LadderEvidence
 *
 * Returns: (nullable): the entry's title
 */
const char *
ladder_evidence_get_title (LadderEvidence *self)
{
  g_return_val_if_fail (LADDER_IS_EVIDENCE (self), NULL);

  return self->title;
}

/**
 * ladder_evidence_set_title:
 * @self: a #LadderEvidence
 * @title: (nullable): the title
 *
 * Sets the entry's title.
 */
void
ladder_evidence_set_title (LadderEvidence *self,
                           const char     *title)
{
  g_return_if_fail (LADDER_IS_EVIDENCE (self));

  if (g_set_str (&self->title, title))
    ladder_evidence_changed (self, properties [PROP_TITLE]);
}

/**
 * ladder_evidence_get_body:
 * @self: a #LadderEvidence
 *
 * Returns: (nullable): what was done, in the person's words
 */
const char *
ladder_evidence_get_body (LadderEvidence *self)
{
  g_return_val_if_fail (LADDER_IS_EVIDENCE (self), NULL);

  return self->body;
}

/**
 * ladder_evidence_set_body:
 * @self: a #LadderEvidence
 * @body: (nullable): the body
 *
 * Sets what was done.
 */
void
ladder_evidence_set_body (LadderEvidence *self,
                          const char     *body)
{
  g_return_if_fail (LADDER_IS_EVIDENCE (self));

  if (g_set_str (&self->body, body))
    ladder_evidence_changed (self, properties [PROP_BODY]);
}

/**
 * ladder_evidence_get_links:
 * @self: a #LadderEvidence
 *
 * Returns: (transfer none) (array zero-terminated=1): the links, never
 *   %NULL
 */
const char * const *
ladder_evidence_get_links (LadderEvidence *self)
{
  g_return_val_if_fail (LADDER_IS_EVIDENCE (self), NULL);

  return (const char * const *) self->links;
}

/**
 * ladder_evidence_set_links:
 * @self: a #LadderEvidence
 * @links: (nullable) (array zero-terminated=1): URLs, or %NULL for none
 *
 * Sets the links to the work.
 */
void
ladder_evidence_set_links (LadderEvidence     *self,
                           const char * const *links)
{
  g_return_if_fail (LADDER_IS_EVIDENCE (self));

  if (_ladder_set_strv (&self->links, links))
    ladder_evidence_changed (self, properties [PROP_LINKS]);
}

/**
 * ladder_evidence_get_behaviours:
 * @self: a #LadderEvidence
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of the
 *   behaviours the work shows, never %NULL
 */
const char * const *
ladder_evidence_get_behaviours (LadderEvidence *self)
{
  g_return_val_if_fail (LADDER_IS_EVIDENCE (self), NULL);

  return (const char * const *) self->behaviours;
}

/**
 * ladder_evidence_set_behaviours:
 * @self: a #LadderEvidence
 * @behaviours: (nullable) (array zero-terminated=1): behaviour ids, or
 *   %NULL for none
 *
 * Sets the behaviours the work shows.
 */
void
ladder_evidence_set_behaviours (LadderEvidence     *self,
                                const char * const *behaviours)
{
  g_return_if_fail (LADDER_IS_EVIDENCE (self));

  if (_ladder_set_strv (&self->behaviours, behaviours))
    ladder_evidence_changed (self, properties [PROP_BEHAVIOURS]);
}

/**
 * ladder_evidence_has_behaviour:
 * @self: a #LadderEvidence
 * @behaviour_id: a behaviour id
 *
 * Returns: %TRUE if the entry is linked to @behaviour_id
 */
gboolean
ladder_evidence_has_behaviour (LadderEvidence *self,
                               const char     *behaviour_id)
{
  g_return_val_if_fail (LADDER_IS_EVIDENCE (self), FALSE);
  g_return_val_if_fail (behaviour_id != NULL, FALSE);

  return g_strv_contains ((const char * const *) self->behaviours, behaviour_id);
}

/**
 * ladder_evidence_get_tags:
 * @self: a #LadderEvidence
 *
 * Returns: (transfer none) (array zero-terminated=1): the tags, never
 *   %NULL
 */
const char * const *
ladder_evidence_get_tags (LadderEvidence *self)
{
  g_return_val_if_fail (LADDER_IS_EVIDENCE (self), NULL);

  return (const char * const *) self->tags;
}

/**
 * ladder_evidence_set_tags:
 * @self: a #LadderEvidence
 * @tags: (nullable) (array zero-terminated=1): tags, or %NULL for none
 *
 * Sets the entry's tags.
 */
void
ladder_evidence_set_tags (LadderEvidence     *self,
                          const char * const *tags)
{
  g_return_if_fail (LADDER_IS_EVIDENCE (self));

  if (_ladder_set_strv (&self->tags, tags))
    ladder_evidence_changed (self, properties [PROP_TAGS]);
}

/**
 * ladder_evidence_get_created:
 * @self: a #LadderEvidence
 *
 * Returns: (transfer none): when the entry was written
 */
GDateTime *
ladder_evidence_get_created (LadderEvidence *self)
{
  g_return_val_if_fail (LADDER_IS_EVIDENCE (self), NULL);

  return self->created;
}

/**
 * ladder_evidence_get_modified:
 * @self: a #LadderEvidence
 *
 * Returns: (transfer none): when the entry was last changed
 */
GDateTime *
ladder_evidence_get_modified (LadderEvidence *self)
{
  g_return_val_if_fail (LADDER_IS_EVIDENCE (self), NULL);

  return self->modified;
}

/**
 * ladder_evidence_set_stamps:
 * @self: a #LadderEvidence
 * @created: (nullable): when the entry was written, or %NULL to keep it
 * @modified: (nullable): when it was last changed, or %NULL to keep it
 *
 * Sets the stamps as they were stored, for loaders and merges. Unlike the
 * other setters, this does not move "modified" to now.
 */
void
ladder_evidence_set_stamps (LadderEvidence *self,
                            GDateTime      *created,
                            GDateTime      *modified)
{
  g_return_if_fail (LADDER_IS_EVIDENCE (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (created != NULL)
    _ladder_stamp_set (G_OBJECT (self), &self->created, created, properties [PROP_CREATED]);
  if (modified != NULL)
    _ladder_stamp_set (G_OBJECT (self), &self->modified, modified, properties [PROP_MODIFIED]);

  g_object_thaw_notify (G_OBJECT (self));
}
