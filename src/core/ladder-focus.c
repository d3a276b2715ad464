/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-focus"

#include "config.h"

#include "ladder-focus-private.h"
#include "ladder-model-private.h"
#include "ladder-time-private.h"

G_DEFINE_QUARK (ladder-focus-error-quark, ladder_focus_error)

/* A step is a short text of its own rather than a check-in's action
 * linked by id: the steps are planned when the focus is made, before any
 * check-in agrees on actions, and a deleted action would leave a step
 * pointing at nothing. Each step has an id and a stamp of its own, and
 * why, the due day and the finish each a stamp, so that a merge keeps a
 * step ticked on one copy and "why" edited on the other. */
typedef struct
{
  char *id;
  char *text;
  gboolean done;
  GDateTime *modified;
} Step;

struct _LadderFocus
{
  GObject parent_instance;

  char *id;
  char *behaviour;
  char *why;
  GArray *steps;                        /* of Step */
  GDate *due;
  GDate *created;
  GDate *finished;
  GDateTime *modified;
  GDateTime *field_modified[LADDER_FOCUS_N_FIELDS];
  GHashTable *step_tombstones;          /* id → GDateTime deleted */
};

G_DEFINE_FINAL_TYPE (LadderFocus, ladder_focus, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_BEHAVIOUR,
  PROP_WHY,
  PROP_STEPS,
  PROP_DUE,
  PROP_CREATED,
  PROP_FINISHED,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_pointer (&step->id, g_free);
  g_clear_pointer (&step->text, g_free);
  g_clear_pointer (&step->modified, g_date_time_unref);
}

static void
step_init (Step       *step,
           const char *id,
           const char *text,
           gboolean    done,
           GDateTime  *modified)
{
  step->id = id != NULL ? g_strdup (id) : g_uuid_string_random ();
  step->text = g_strdup (text);
  step->done = !!done;
  step->modified = modified != NULL ? g_date_time_ref (modified) : g_date_time_new_now_utc ();
}

static void
stamp_field (LadderFocus      *self,
             LadderFocusField  field)
{
  g_clear_pointer (&self->field_modified[field], g_date_time_unref);
  self->field_modified[field] = g_date_time_new_now_utc ();
}

/* Every edit moves "modified": see _ladder_stamp_edit(). */
static void
ladder_focus_changed (LadderFocus *self,
                      GParamSpec  *pspec)
{
  _ladder_stamp_edit (G_OBJECT (self), pspec, &self->modified, properties [PROP_MODIFIED]);
}

static GStrv
dup_step_texts (LadderFocus *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->steps->len; i++)
    g_strv_builder_add (builder, g_array_index (self->steps, Step, i).text);

  return g_strv_builder_end (builder);
}

static void
ladder_focus_constructed (GObject *object)
{
  LadderFocus *self = (LadderFocus *) object;

  G_OBJECT_CLASS (ladder_focus_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_uuid_string_random ();
}

static void
ladder_focus_finalize (GObject *object)
{
  LadderFocus *self = (LadderFocus *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->behaviour, g_free);
  g_clear_pointer (&self->why, g_free);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->due, g_date_free);
  g_clear_pointer (&self->created, g_date_free);
  g_clear_pointer (&self->finished, g_date_free);
  g_clear_pointer (&self->modified, g_date_time_unref);
  for (guint i = 0; i < LADDER_FOCUS_N_FIELDS; i++)
    g_clear_pointer (&self->field_modified[i], g_date_time_unref);
  g_clear_pointer (&self->step_tombstones, g_hash_table_unref);

  G_OBJECT_CLASS (ladder_focus_parent_class)->finalize (object);
}

static void
ladder_focus_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LadderFocus *self = LADDER_FOCUS (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_BEHAVIOUR:
      g_value_set_string (value, self->behaviour);
      break;

    case PROP_WHY:
      g_value_set_string (value, self->why);
      break;

    case PROP_STEPS:
      g_value_take_boxed (value, dup_step_texts (self));
      break;

    case PROP_DUE:
      g_value_set_boxed (value, self->due);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_FINISHED:
      g_value_set_boxed (value, self->finished);
      break;

    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_focus_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LadderFocus *self = LADDER_FOCUS (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_BEHAVIOUR:
      ladder_focus_set_behaviour (self, g_value_get_string (value));
      break;

    case PROP_WHY:
      ladder_focus_set_why (self, g_value_get_string (value));
      break;

    case PROP_DUE:
      ladder_focus_set_due (self, g_value_get_boxed (value));
      break;

    case PROP_CREATED:
      ladder_focus_set_created (self, g_value_get_boxed (value));
      break;

    case PROP_MODIFIED:
      ladder_focus_set_modified (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_focus_class_init (LadderFocusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ladder_focus_constructed;
  object_class->finalize = ladder_focus_finalize;
  object_class->get_property = ladder_focus_get_property;
  object_class->set_property = ladder_focus_set_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_BEHAVIOUR] =
    g_param_spec_string ("behaviour", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_WHY] =
    g_param_spec_string ("why", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_STEPS] =
    g_param_spec_boxed ("steps", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties [PROP_DUE] =
    g_param_spec_boxed ("due", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties [PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL,
                        G_TYPE_DATE,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties [PROP_FINISHED] =
    g_param_spec_boxed ("finished", NULL, NULL,
                        G_TYPE_DATE,
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
ladder_focus_init (LadderFocus *self)
{
  self->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (self->steps, step_clear);
  self->created = _ladder_date_new_today ();
  self->modified = g_date_time_new_now_utc ();
  for (guint i = 0; i < LADDER_FOCUS_N_FIELDS; i++)
    self->field_modified[i] = g_date_time_ref (self->modified);
  self->step_tombstones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_date_time_unref);
}

/**
 * ladder_focus_new:
 * @id: (nullable): the focus's id, or %NULL to make a new UUID
 *
 * Creates a focus begun today, with no behaviour, steps or due day yet,
 * modified now.
 *
 * Returns: (transfer full): a new #LadderFocus
 */
LadderFocus *
ladder_focus_new (const char *id)
{
  return g_object_new (LADDER_TYPE_FOCUS,
                       "id", id,
                       NULL);
}

/**
 * ladder_focus_get_id:
 * @self: a #LadderFocus
 *
 * Returns: the focus's id
 */
const char *
ladder_focus_get_id (LadderFocus *self)
{
  g_return_val_if_fail (LADDER_IS_FOCUS (self), NULL);

  return self->id;
}

/**
 * ladder_focus_get_behaviour:
 * @self: a #LadderFocus
 *
 * Returns: (nullable): the id of the behaviour focused on
 */
const char *
ladder_focus_get_behaviour (LadderFocus *self)
{
  g_return_val_if_fail (LADDER_IS_FOCUS (self), NULL);

  return self->behaviour;
}

/**
 * ladder_focus_set_behaviour:
 * @self: a #LadderFocus
 * @behaviour_id: (nullable): the id of a behaviour of any level
 *
 * Sets the behaviour focused on.
 */
void
ladder_focus_set_behaviour (LadderFocus *self,
                            const char  *behaviour_id)
{
  g_return_if_fail (LADDER_IS_FOCUS (self));

  if (g_set_str (&self->behaviour, behaviour_id))
    ladder_focus_changed (self, properties [PROP_BEHAVIOUR]);
}

/**
 * ladder_focus_get_why:
 * @self: a #LadderFocus
 *
 * Returns: (nullable): why this behaviour, now
 */
const char *
ladder_focus_get_why (LadderFocus *self)
{
  g_return_val_if_fail (LADDER_IS_FOCUS (self), NULL);

  return self->why;
}

/**
 * ladder_focus_set_why:
 * @self: a #LadderFocus
 * @why: (nullable): why this behaviour, now
 *
 * Sets why the engineer focuses on the behaviour.
 */
void
ladder_focus_set_why (LadderFocus *self,
                      const char  *why)
{
  g_return_if_fail (LADDER_IS_FOCUS (self));

  if (g_set_str (&self->why, why))
    {
      stamp_field (self, LADDER_FOCUS_FIELD_WHY);
      ladder_focus_changed (self, properties [PROP_WHY]);
    }
}

/**
 * ladder_focus_get_n_steps:
 * @self: a #LadderFocus
 *
 * Returns: how many steps are planned
 */
guint
ladder_focus_get_n_steps (LadderFocus *self)
{
  g_return_val_if_fail (LADDER_IS_FOCUS (self), 0);

  return self->steps->len;
}

/**
 * ladder_focus_get_step_text:
 * @self: a #LadderFocus
 * @index: a step's position
 *
 * Returns: what the step is
 */
const char *
ladder_focus_get_step_text (LadderFocus *self,
                            guint        index)
{
  g_return_val_if_fail (LADDER_IS_FOCUS (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  return g_array_index (self->steps, Step, index).text;
}

/**
 * ladder_focus_get_step_done:
 * @self: a #LadderFocus
 * @index: a step's position
 *
 * Returns: whether the step is done
 */
gboolean
ladder_focus_get_step_done (LadderFocus *self,
                            guint        index)
{
  g_return_val_if_fail (LADDER_IS_FOCUS (self), FALSE);
  g_return_val_if_fail (index < self->steps->len, FALSE);

  return g_array_index (self->steps, Step, index).done;
}

/**
 * ladder_focus_set_step_done:
 * @self: a #LadderFocus
 * @index: a step's position
 * @done: whether it is done
 *
 * Ticks a step off, or back on.
 */
void
ladder_focus_set_step_done (LadderFocus *self,
                            guint        index,
                            gboolean     done)
{
  Step *step;

  g_return_if_fail (LADDER_IS_FOCUS (self));
  g_return_if_fail (index < self->steps->len);

  step = &g_array_index (self->steps, Step, index);
  if (step->done == !!done)
    return;

  step->done = !!done;
  g_clear_pointer (&step->modified, g_date_time_unref);
  step->modified = g_date_time_new_now_utc ();
  ladder_focus_changed (self, properties [PROP_STEPS]);
}

/**
 * ladder_focus_count_steps_done:
 * @self: a #LadderFocus
 *
 * Returns: how many steps are done
 */
guint
ladder_focus_count_steps_done (LadderFocus *self)
{
  guint done = 0;

  g_return_val_if_fail (LADDER_IS_FOCUS (self), 0);

  for (guint i = 0; i < self->steps->len; i++)
    done += g_array_index (self->steps, Step, i).done ? 1 : 0;

  return done;
}

/**
 * ladder_focus_set_steps:
 * @self: a #LadderFocus
 * @texts: (nullable) (array zero-terminated=1): the steps, in order;
 *   empty texts are left out
 *
 * Replaces the steps. A step whose text was already there keeps whether
 * it is done, so that editing the plan does not untick what was done.
 */
void
ladder_focus_set_steps (LadderFocus        *self,
                        const char * const *texts)
{
  g_autoptr (GArray) steps = NULL;
  g_autoptr (GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  gboolean changed;

  g_return_if_fail (LADDER_IS_FOCUS (self));

  steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (steps, step_clear);
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      Step step = { NULL, NULL, FALSE, NULL };
      Step *old = NULL;

      if (*texts[i] == '\0')
        continue;

      /* Texts may repeat: each old step is kept once. */
      for (guint j = 0; old == NULL && j < self->steps->len; j++)
        {
          Step *candidate = &g_array_index (self->steps, Step, j);

          if (g_str_equal (candidate->text, texts[i]) &&
              !g_hash_table_contains (kept, candidate->id))
            old = candidate;
        }

      if (old != NULL)
        {
          g_hash_table_add (kept, old->id);
          step_init (&step, old->id, old->text, old->done, old->modified);
        }
      else
        step_init (&step, NULL, texts[i], FALSE, now);
      g_array_append_val (steps, step);
    }

  changed = steps->len != self->steps->len;
  for (guint i = 0; !changed && i < steps->len; i++)
    changed = !g_str_equal (g_array_index (steps, Step, i).id,
                            g_array_index (self->steps, Step, i).id);
  if (!changed)
    return;

  for (guint j = 0; j < self->steps->len; j++)
    {
      Step *old = &g_array_index (self->steps, Step, j);

      if (!g_hash_table_contains (kept, old->id))
        _ladder_tombstone_add (self->step_tombstones, old->id, now);
    }

  /* @kept points into the old steps. */
  g_hash_table_remove_all (kept);
  g_array_unref (self->steps);
  self->steps = g_steal_pointer (&steps);
  ladder_focus_changed (self, properties [PROP_STEPS]);
}

/**
 * ladder_focus_add_step:
 * @self: a #LadderFocus
 * @text: what the step is
 * @done: whether it is done
 *
 * Appends a step, for loaders, merges and samples.
 */
void
ladder_focus_add_step (LadderFocus *self,
                       const char  *text,
                       gboolean     done)
{
  Step step = { NULL, NULL, FALSE, NULL };

  g_return_if_fail (LADDER_IS_FOCUS (self));
  g_return_if_fail (text != NULL);

  step_init (&step, NULL, text, done, NULL);
  g_array_append_val (self->steps, step);
  ladder_focus_changed (self, properties [PROP_STEPS]);
}

/**
 * ladder_focus_get_due:
 * @self: a #LadderFocus
 *
 * Returns: (nullable): the day the focus is due, or %NULL when none
 */
const GDate *
ladder_focus_get_due (LadderFocus *self)
{
  g_return_val_if_fail (LADDER_IS_FOCUS (self), NULL);

  return self->due;
}

/**
 * ladder_focus_set_due:
 * @self: a #LadderFocus
 * @due: (nullable): the day it is due
 *
 * Sets the day the focus is due.
 */
void
ladder_focus_set_due (LadderFocus *self,
                      const GDate *due)
{
  g_return_if_fail (LADDER_IS_FOCUS (self));
  g_return_if_fail (due == NULL || g_date_valid (due));

  if (_ladder_set_date (&self->due, due))
    {
      stamp_field (self, LADDER_FOCUS_FIELD_DUE);
      ladder_focus_changed (self, properties [PROP_DUE]);
    }
}

/**
 * ladder_focus_get_created:
 * @self: a #LadderFocus
 *
 * Returns: (nullable): the day the focus began, from which its evidence
 *   counts, or %NULL when unknown
 */
const GDate *
ladder_focus_get_created (LadderFocus *self)
{
  g_return_val_if_fail (LADDER_IS_FOCUS (self), NULL);

  return self->created;
}

/**
 * ladder_focus_set_created:
 * @self: a #LadderFocus
 * @created: (nullable): the day it began
 *
 * Sets the day the focus began.
 */
void
ladder_focus_set_created (LadderFocus *self,
                          const GDate *created)
{
  g_return_if_fail (LADDER_IS_FOCUS (self));
  g_return_if_fail (created == NULL || g_date_valid (created));

  if (_ladder_set_date (&self->created, created))
    ladder_focus_changed (self, properties [PROP_CREATED]);
}

/**
 * ladder_focus_get_finished:
 * @self: a #LadderFocus
 *
 * Returns: (nullable): the day the focus was finished, or %NULL while it
 *   is worked on
 */
const GDate *
ladder_focus_get_finished (LadderFocus *self)
{
  g_return_val_if_fail (LADDER_IS_FOCUS (self), NULL);

  return self->finished;
}

/**
 * ladder_focus_finish:
 * @self: a #LadderFocus
 * @day: the day it was finished
 *
 * Finishes the focus: it leaves the plan and stays in the history.
 */
void
ladder_focus_finish (LadderFocus *self,
                     const GDate *day)
{
  g_return_if_fail (LADDER_IS_FOCUS (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  if (_ladder_set_date (&self->finished, day))
    {
      stamp_field (self, LADDER_FOCUS_FIELD_FINISHED);
      ladder_focus_changed (self, properties [PROP_FINISHED]);
    }
}

/**
 * ladder_focus_reopen:
 * @self: a #LadderFocus
 *
 * Puts a finished focus back in the plan. The caller keeps to
 * %LADDER_FOCUS_MAX_OPEN (see ladder_profile_reopen_focus()).
 */
void
ladder_focus_reopen (LadderFocus *self)
{
  g_return_if_fail (LADDER_IS_FOCUS (self));

  if (_ladder_set_date (&self->finished, NULL))
    {
      stamp_field (self, LADDER_FOCUS_FIELD_FINISHED);
      ladder_focus_changed (self, properties [PROP_FINISHED]);
    }
}

/**
 * ladder_focus_is_finished:
 * @self: a #LadderFocus
 *
 * Returns: %TRUE once the focus was finished
 */
gboolean
ladder_focus_is_finished (LadderFocus *self)
{
  g_return_val_if_fail (LADDER_IS_FOCUS (self), FALSE);

  return self->finished != NULL;
}

/**
 * ladder_focus_get_modified:
 * @self: a #LadderFocus
 *
 * Returns: (transfer none): when the focus last changed
 */
GDateTime *
ladder_focus_get_modified (LadderFocus *self)
{
  g_return_val_if_fail (LADDER_IS_FOCUS (self), NULL);

  return self->modified;
}

/**
 * ladder_focus_set_modified:
 * @self: a #LadderFocus
 * @modified: when it last changed, as stored
 *
 * Sets the stamp as it was stored, for loaders and merges.
 */
void
ladder_focus_set_modified (LadderFocus *self,
                           GDateTime   *modified)
{
  g_return_if_fail (LADDER_IS_FOCUS (self));
  g_return_if_fail (modified != NULL);

  _ladder_stamp_set (G_OBJECT (self), &self->modified, modified, properties [PROP_MODIFIED]);
}

/* For loaders and merges (ladder-focus-private.h) {{{1 */

GDateTime *
_ladder_focus_get_field_modified (LadderFocus      *self,
                                  LadderFocusField  field)
{
  g_assert (LADDER_IS_FOCUS (self));
  g_assert (field < LADDER_FOCUS_N_FIELDS);

  return self->field_modified[field];
}

void
_ladder_focus_set_field_modified (LadderFocus      *self,
                                  LadderFocusField  field,
                                  GDateTime        *modified)
{
  g_assert (LADDER_IS_FOCUS (self));
  g_assert (field < LADDER_FOCUS_N_FIELDS);
  g_assert (modified != NULL);

  g_date_time_ref (modified);
  g_clear_pointer (&self->field_modified[field], g_date_time_unref);
  self->field_modified[field] = modified;
}

const char *
_ladder_focus_get_step_id (LadderFocus *self,
                           guint        index)
{
  g_assert (LADDER_IS_FOCUS (self));
  g_assert (index < self->steps->len);

  return g_array_index (self->steps, Step, index).id;
}

GDateTime *
_ladder_focus_get_step_modified (LadderFocus *self,
                                 guint        index)
{
  g_assert (LADDER_IS_FOCUS (self));
  g_assert (index < self->steps->len);

  return g_array_index (self->steps, Step, index).modified;
}

/* Returns: the position of the step @id, or -1 */
int
_ladder_focus_find_step (LadderFocus *self,
                         const char  *id)
{
  g_assert (LADDER_IS_FOCUS (self));

  for (guint i = 0; i < self->steps->len; i++)
    if (g_str_equal (g_array_index (self->steps, Step, i).id, id))
      return (int) i;

  return -1;
}

/* Appends a step as stored: @id and @modified as they are, and no edit
 * stamped. */
void
_ladder_focus_add_step_full (LadderFocus *self,
                             const char  *id,
                             const char  *text,
                             gboolean     done,
                             GDateTime   *modified)
{
  Step step = { NULL, NULL, FALSE, NULL };

  g_assert (LADDER_IS_FOCUS (self));
  g_assert (id != NULL && text != NULL && modified != NULL);

  step_init (&step, id, text, done, modified);
  g_array_append_val (self->steps, step);
  g_hash_table_remove (self->step_tombstones, id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STEPS]);
}

void
_ladder_focus_clear_steps (LadderFocus *self)
{
  g_assert (LADDER_IS_FOCUS (self));

  if (self->steps->len == 0)
    return;

  g_array_set_size (self->steps, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STEPS]);
}

GHashTable *
_ladder_focus_get_step_tombstones (LadderFocus *self)
{
  g_assert (LADDER_IS_FOCUS (self));

  return self->step_tombstones;
}

void
_ladder_focus_add_step_tombstone (LadderFocus *self,
                                  const char  *id,
                                  GDateTime   *deleted)
{
  g_assert (LADDER_IS_FOCUS (self));

  _ladder_tombstone_add (self->step_tombstones, id, deleted);
}
