/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-rating"

#include "config.h"

#include "ladder-rating.h"

struct _LadderRating
{
  GObject parent_instance;

  char *behaviour_id;

  /* Indexed by LadderRater. */
  LadderRatingValue value[2];
  GDateTime *updated[2];
  char *note[2];
};

G_DEFINE_FINAL_TYPE (LadderRating, ladder_rating, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BEHAVIOUR_ID,
  PROP_SELF,
  PROP_MANAGER,
  PROP_SELF_UPDATED,
  PROP_MANAGER_UPDATED,
  PROP_SELF_NOTE,
  PROP_MANAGER_NOTE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
date_times_equal (GDateTime *a,
                  GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_time_equal (a, b);
}

/* A change must win a merge over the value it replaces: stamped now, or
 * a microsecond after the side's time when the clock is not past it (two
 * changes in one tick, a clock set back, a time read from a copy whose
 * clock ran ahead). An undo is such a change too. */
static GDateTime *
new_stamp_after (GDateTime *previous)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (previous != NULL && g_date_time_compare (now, previous) <= 0)
    return g_date_time_add (previous, 1);

  return g_steal_pointer (&now);
}

static void
ladder_rating_finalize (GObject *object)
{
  LadderRating *self = (LadderRating *) object;

  g_clear_pointer (&self->behaviour_id, g_free);
  g_clear_pointer (&self->note[LADDER_RATER_SELF], g_free);
  g_clear_pointer (&self->note[LADDER_RATER_MANAGER], g_free);
  g_clear_pointer (&self->updated[LADDER_RATER_SELF], g_date_time_unref);
  g_clear_pointer (&self->updated[LADDER_RATER_MANAGER], g_date_time_unref);

  G_OBJECT_CLASS (ladder_rating_parent_class)->finalize (object);
}

static void
ladder_rating_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LadderRating *self = LADDER_RATING (object);

  switch (prop_id)
    {
    case PROP_BEHAVIOUR_ID:
      g_value_set_string (value, self->behaviour_id);
      break;

    case PROP_SELF:
      g_value_set_enum (value, self->value[LADDER_RATER_SELF]);
      break;

    case PROP_MANAGER:
      g_value_set_enum (value, self->value[LADDER_RATER_MANAGER]);
      break;

    case PROP_SELF_UPDATED:
      g_value_set_boxed (value, self->updated[LADDER_RATER_SELF]);
      break;

    case PROP_MANAGER_UPDATED:
      g_value_set_boxed (value, self->updated[LADDER_RATER_MANAGER]);
      break;

    case PROP_SELF_NOTE:
      g_value_set_string (value, self->note[LADDER_RATER_SELF]);
      break;

    case PROP_MANAGER_NOTE:
      g_value_set_string (value, self->note[LADDER_RATER_MANAGER]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_rating_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LadderRating *self = LADDER_RATING (object);

  switch (prop_id)
    {
    case PROP_BEHAVIOUR_ID:
      self->behaviour_id = g_value_dup_string (value);
      break;

    case PROP_SELF:
      ladder_rating_set_value (self, LADDER_RATER_SELF, g_value_get_enum (value), NULL);
      break;

    case PROP_MANAGER:
      ladder_rating_set_value (self, LADDER_RATER_MANAGER, g_value_get_enum (value), NULL);
      break;

    case PROP_SELF_NOTE:
      ladder_rating_set_note (self, LADDER_RATER_SELF, g_value_get_string (value));
      break;

    case PROP_MANAGER_NOTE:
      ladder_rating_set_note (self, LADDER_RATER_MANAGER, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_rating_class_init (LadderRatingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ladder_rating_finalize;
  object_class->get_property = ladder_rating_get_property;
  object_class->set_property = ladder_rating_set_property;

  properties [PROP_BEHAVIOUR_ID] =
    g_param_spec_string ("behaviour-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /* Setting "self" or "manager" stamps the side now, as ladder_rating_set_value()
   * does with a %NULL time. */
  properties [PROP_SELF] =
    g_param_spec_enum ("self", NULL, NULL,
                       LADDER_TYPE_RATING_VALUE,
                       LADDER_RATING_UNRATED,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties [PROP_MANAGER] =
    g_param_spec_enum ("manager", NULL, NULL,
                       LADDER_TYPE_RATING_VALUE,
                       LADDER_RATING_UNRATED,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties [PROP_SELF_UPDATED] =
    g_param_spec_boxed ("self-updated", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS));

  properties [PROP_MANAGER_UPDATED] =
    g_param_spec_boxed ("manager-updated", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS));

  /* Each side's note on its own rating, such as why a behaviour does
   * not apply. */
  properties [PROP_SELF_NOTE] =
    g_param_spec_string ("self-note", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_MANAGER_NOTE] =
    g_param_spec_string ("manager-note", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ladder_rating_init (LadderRating *self)
{
  self->value[LADDER_RATER_SELF] = LADDER_RATING_UNRATED;
  self->value[LADDER_RATER_MANAGER] = LADDER_RATING_UNRATED;
}

/**
 * ladder_rating_new:
 * @behaviour_id: the id of the rated behaviour
 *
 * Creates a rating that nobody has given yet.
 *
 * Returns: (transfer full): a new #LadderRating
 */
LadderRating *
ladder_rating_new (const char *behaviour_id)
{
  g_return_val_if_fail (behaviour_id != NULL, NULL);

  return g_object_new (LADDER_TYPE_RATING,
                       "behaviour-id", behaviour_id,
                       NULL);
}

/**
 * ladder_rating_get_behaviour_id:
 * @self: a #LadderRating
 *
 * Returns: the id of the rated behaviour
 */
const char *
ladder_rating_get_behaviour_id (LadderRating *self)
{
  g_return_val_if_fail (LADDER_IS_RATING (self), NULL);

  return self->behaviour_id;
}

/**
 * ladder_rating_get_value:
 * @self: a #LadderRating
 * @rater: whose rating
 *
 * Returns: how often @rater says the behaviour is shown
 */
LadderRatingValue
ladder_rating_get_value (LadderRating *self,
                         LadderRater   rater)
{
  g_return_val_if_fail (LADDER_IS_RATING (self), LADDER_RATING_UNRATED);
  g_return_val_if_fail (rater == LADDER_RATER_SELF || rater == LADDER_RATER_MANAGER,
                        LADDER_RATING_UNRATED);

  return self->value[rater];
}

/**
 * ladder_rating_get_updated:
 * @self: a #LadderRating
 * @rater: whose rating
 *
 * Returns: (transfer none) (nullable): when @rater last rated, or %NULL
 *   when never
 */
GDateTime *
ladder_rating_get_updated (LadderRating *self,
                           LadderRater   rater)
{
  g_return_val_if_fail (LADDER_IS_RATING (self), NULL);
  g_return_val_if_fail (rater == LADDER_RATER_SELF || rater == LADDER_RATER_MANAGER, NULL);

  return self->updated[rater];
}

/**
 * ladder_rating_set_value:
 * @self: a #LadderRating
 * @rater: whose rating
 * @value: the new value
 * @updated: (nullable): when it was given, or %NULL for now
 *
 * Sets one side of the rating with its time stamp. Giving the same value
 * again with no time leaves the old stamp, so that re-picking a rating
 * does not make it win a merge; a loader or a merge that passes
 * @updated sets the stamp as given. A new value with no time is stamped
 * now, or just after the side's previous time when the clock is not past
 * it, so that it always wins a merge over the value it replaced.
 *
 * Notifies "self" or "manager", and "self-updated" or "manager-updated",
 * only for what changed.
 */
void
ladder_rating_set_value (LadderRating      *self,
                         LadderRater        rater,
                         LadderRatingValue  value,
                         GDateTime         *updated)
{
  gboolean value_changed;

  g_return_if_fail (LADDER_IS_RATING (self));
  g_return_if_fail (rater == LADDER_RATER_SELF || rater == LADDER_RATER_MANAGER);
  g_return_if_fail ((guint) value <= LADDER_RATING_NOT_APPLICABLE);

  value_changed = self->value[rater] != value;

  if (updated == NULL && !value_changed)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  if (value_changed)
    {
      self->value[rater] = value;
      g_object_notify_by_pspec (G_OBJECT (self),
                                properties [rater == LADDER_RATER_SELF ? PROP_SELF : PROP_MANAGER]);
    }

  if (updated == NULL || !date_times_equal (self->updated[rater], updated))
    {
      GDateTime *stamp = updated != NULL ? g_date_time_ref (updated)
                                         : new_stamp_after (self->updated[rater]);

      g_clear_pointer (&self->updated[rater], g_date_time_unref);
      self->updated[rater] = stamp;
      g_object_notify_by_pspec (G_OBJECT (self),
                                properties [rater == LADDER_RATER_SELF ?
                                            PROP_SELF_UPDATED : PROP_MANAGER_UPDATED]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * ladder_rating_set_value_with_note:
 * @self: a #LadderRating
 * @rater: whose rating
 * @value: the new value
 * @note: (nullable): the side's note with it, such as why the behaviour
 *   does not apply; %NULL or empty for none
 *
 * Sets one side's value and note as one change, stamped now (or just
 * after the side's previous time) when either differs, so that a note
 * changed alone also wins a merge, since it goes with its side's value.
 */
void
ladder_rating_set_value_with_note (LadderRating      *self,
                                   LadderRater        rater,
                                   LadderRatingValue  value,
                                   const char        *note)
{
  g_autoptr(GDateTime) stamp = NULL;

  g_return_if_fail (LADDER_IS_RATING (self));
  g_return_if_fail (rater == LADDER_RATER_SELF || rater == LADDER_RATER_MANAGER);
  g_return_if_fail ((guint) value <= LADDER_RATING_NOT_APPLICABLE);

  if (note != NULL && *note == '\0')
    note = NULL;
  if (self->value[rater] == value && g_strcmp0 (self->note[rater], note) == 0)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  stamp = new_stamp_after (self->updated[rater]);
  ladder_rating_set_value (self, rater, value, stamp);
  ladder_rating_set_note (self, rater, note);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * ladder_rating_get_note:
 * @self: a #LadderRating
 * @rater: whose note
 *
 * Returns: (nullable): @rater's note on their rating, such as why the
 *   behaviour does not apply
 */
const char *
ladder_rating_get_note (LadderRating *self,
                        LadderRater   rater)
{
  g_return_val_if_fail (LADDER_IS_RATING (self), NULL);
  g_return_val_if_fail (rater == LADDER_RATER_SELF || rater == LADDER_RATER_MANAGER, NULL);

  return self->note[rater];
}

/**
 * ladder_rating_set_note:
 * @self: a #LadderRating
 * @rater: whose note
 * @note: (nullable): the note; empty is none
 *
 * Sets @rater's note on their rating. The note has no time of its own:
 * it goes with its side's value, in a file and in a merge.
 */
void
ladder_rating_set_note (LadderRating *self,
                        LadderRater   rater,
                        const char   *note)
{
  g_return_if_fail (LADDER_IS_RATING (self));
  g_return_if_fail (rater == LADDER_RATER_SELF || rater == LADDER_RATER_MANAGER);

  if (note != NULL && *note == '\0')
    note = NULL;
  if (g_set_str (&self->note[rater], note))
    g_object_notify_by_pspec (G_OBJECT (self),
                              properties [rater == LADDER_RATER_SELF ? PROP_SELF_NOTE
                                                                     : PROP_MANAGER_NOTE]);
}
