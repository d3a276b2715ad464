/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderProfile: one person's record against a framework. This file
 * holds the object (its properties, the "changed" signal and how the
 * changes of one call make one emission), its details (name, role,
 * owner, levels, cadence, read-only, file) and the library's "loading"
 * state; ladder-profile-struct-private.h lists the other files of the
 * type and their jobs. */

#define G_LOG_DOMAIN "ladder-profile"

#include "config.h"

#include "ladder-profile.h"
#include "ladder-model-private.h"
#include "ladder-profile-private.h"
#include "ladder-profile-struct-private.h"

G_DEFINE_FINAL_TYPE (LadderProfile, ladder_profile, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_OWNER,
  PROP_FRAMEWORK,
  PROP_CURRENT_LEVEL,
  PROP_TARGET_LEVEL,
  PROP_CADENCE,
  PROP_READ_ONLY,
  PROP_READ_ONLY_REASON,
  PROP_LOADING,
  PROP_FILE,
  PROP_RATINGS,
  PROP_EVIDENCE,
  PROP_CHECKINS,
  PROP_PROMOTIONS,
  PROP_TOPICS,
  PROP_FOCUS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
begin_change (LadderProfile *self)
{
  self->change_depth++;
}

void
_ladder_profile_mark_changed (LadderProfile *self)
{
  if (self->change_depth > 0)
    self->change_pending = TRUE;
  else
    {
      self->n_changes++;
      g_signal_emit (self, signals [CHANGED], 0);
    }
}

static void
end_change (LadderProfile *self)
{
  g_assert (self->change_depth > 0);

  if (--self->change_depth == 0 && self->change_pending)
    {
      self->change_pending = FALSE;
      self->n_changes++;
      g_signal_emit (self, signals [CHANGED], 0);
    }
}

void
_ladder_profile_begin_change (LadderProfile *self)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));

  begin_change (self);
}

void
_ladder_profile_end_change (LadderProfile *self)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));

  end_change (self);
}

static void
framework_readiness_changed_cb (LadderProfile   *self,
                                LadderFramework *framework)
{
  _ladder_profile_mark_changed (self);
}

static void
ladder_profile_constructed (GObject *object)
{
  LadderProfile *self = (LadderProfile *) object;

  G_OBJECT_CLASS (ladder_profile_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_uuid_string_random ();
}

static void
ladder_profile_dispose (GObject *object)
{
  LadderProfile *self = (LadderProfile *) object;
  guint n;

  /* The nested objects may be held elsewhere: leave no handler on them
   * that points at a dead profile. */
  if (self->ratings != NULL)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->ratings));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (LadderRating) rating = NULL;

          rating = g_list_model_get_item (G_LIST_MODEL (self->ratings), i);
          g_signal_handlers_disconnect_by_data (rating, self);
        }
    }

  if (self->evidence != NULL)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->evidence));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (LadderEvidence) evidence = NULL;

          evidence = g_list_model_get_item (G_LIST_MODEL (self->evidence), i);
          g_signal_handlers_disconnect_by_data (evidence, self);
        }
    }

  if (self->checkins != NULL)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->checkins));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (LadderCheckin) checkin = NULL;

          checkin = g_list_model_get_item (G_LIST_MODEL (self->checkins), i);
          _ladder_profile_unwatch_checkin (self, checkin);
        }
    }

  g_clear_pointer (&self->rating_by_id, g_hash_table_unref);
  g_clear_pointer (&self->evidence_by_id, g_hash_table_unref);
  g_clear_pointer (&self->checkin_by_id, g_hash_table_unref);

  if (self->promotions != NULL)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->promotions));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (LadderPromotion) promotion = NULL;

          promotion = g_list_model_get_item (G_LIST_MODEL (self->promotions), i);
          g_signal_handlers_disconnect_by_data (promotion, self);
        }
    }
  g_clear_pointer (&self->promotion_by_id, g_hash_table_unref);
  g_clear_object (&self->promotions);

  if (self->topics != NULL)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->topics));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (LadderTopic) topic = NULL;

          topic = g_list_model_get_item (G_LIST_MODEL (self->topics), i);
          g_signal_handlers_disconnect_by_data (topic, self);
        }
    }
  g_clear_pointer (&self->topic_by_id, g_hash_table_unref);
  g_clear_object (&self->topics);

  if (self->focus != NULL)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->focus));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (LadderFocus) focus = NULL;

          focus = g_list_model_get_item (G_LIST_MODEL (self->focus), i);
          g_signal_handlers_disconnect_by_data (focus, self);
        }
    }
  g_clear_pointer (&self->focus_by_id, g_hash_table_unref);
  g_clear_object (&self->focus);
  g_clear_object (&self->ratings);
  g_clear_object (&self->evidence);
  g_clear_object (&self->checkins);
  g_clear_object (&self->framework);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (ladder_profile_parent_class)->dispose (object);
}

static void
ladder_profile_finalize (GObject *object)
{
  LadderProfile *self = (LadderProfile *) object;

  g_clear_pointer (&self->evidence_tombstones, g_hash_table_unref);
  g_clear_pointer (&self->checkin_tombstones, g_hash_table_unref);
  g_clear_pointer (&self->promotion_tombstones, g_hash_table_unref);
  g_clear_pointer (&self->topic_tombstones, g_hash_table_unref);
  g_clear_pointer (&self->focus_tombstones, g_hash_table_unref);
  g_clear_pointer (&self->evidence_counts, g_hash_table_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->current_level, g_free);
  g_clear_pointer (&self->target_level, g_free);
  g_clear_pointer (&self->cadence, g_free);
  g_clear_pointer (&self->head_evidence_days, g_array_unref);
  g_clear_pointer (&self->head_focus_evidence, g_variant_unref);
  g_clear_pointer (&self->read_only_reason, g_free);
  for (guint i = 0; i < LADDER_PROFILE_N_DETAILS; i++)
    g_clear_pointer (&self->detail_updated[i], g_date_time_unref);

  G_OBJECT_CLASS (ladder_profile_parent_class)->finalize (object);
}

static void
ladder_profile_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LadderProfile *self = LADDER_PROFILE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_OWNER:
      g_value_set_enum (value, self->owner);
      break;

    case PROP_FRAMEWORK:
      g_value_set_object (value, self->framework);
      break;

    case PROP_CURRENT_LEVEL:
      g_value_set_string (value, self->current_level);
      break;

    case PROP_TARGET_LEVEL:
      g_value_set_string (value, self->target_level);
      break;

    case PROP_CADENCE:
      g_value_set_enum (value, ladder_profile_get_cadence (self));
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_READ_ONLY_REASON:
      g_value_set_string (value, self->read_only_reason);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_RATINGS:
      g_value_set_object (value, self->ratings);
      break;

    case PROP_EVIDENCE:
      g_value_set_object (value, self->evidence);
      break;

    case PROP_CHECKINS:
      g_value_set_object (value, self->checkins);
      break;

    case PROP_PROMOTIONS:
      g_value_set_object (value, self->promotions);
      break;

    case PROP_TOPICS:
      g_value_set_object (value, self->topics);
      break;

    case PROP_FOCUS:
      g_value_set_object (value, self->focus);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_profile_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LadderProfile *self = LADDER_PROFILE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      ladder_profile_set_name (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      ladder_profile_set_role (self, g_value_get_string (value));
      break;

    case PROP_OWNER:
      ladder_profile_set_owner (self, g_value_get_enum (value));
      break;

    case PROP_FRAMEWORK:
      self->framework = g_value_dup_object (value);
      /* The readiness rule is the one part of a framework that is edited
       * after loading, and the profile's file holds its framework. */
      if (self->framework != NULL)
        g_signal_connect_object (self->framework, "readiness-changed",
                                 G_CALLBACK (framework_readiness_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      break;

    case PROP_CURRENT_LEVEL:
      ladder_profile_set_current_level (self, g_value_get_string (value));
      break;

    case PROP_TARGET_LEVEL:
      ladder_profile_set_target_level (self, g_value_get_string (value));
      break;

    case PROP_CADENCE:
      ladder_profile_set_cadence (self, g_value_get_enum (value));
      break;

    case PROP_READ_ONLY:
      ladder_profile_set_read_only (self, g_value_get_boolean (value));
      break;

    case PROP_READ_ONLY_REASON:
      ladder_profile_set_read_only_reason (self, g_value_get_string (value));
      break;

    case PROP_FILE:
      ladder_profile_set_file (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_profile_class_init (LadderProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ladder_profile_constructed;
  object_class->dispose = ladder_profile_dispose;
  object_class->finalize = ladder_profile_finalize;
  object_class->get_property = ladder_profile_get_property;
  object_class->set_property = ladder_profile_set_property;

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

  properties [PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
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

  properties [PROP_FRAMEWORK] =
    g_param_spec_object ("framework", NULL, NULL,
                         LADDER_TYPE_FRAMEWORK,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_CURRENT_LEVEL] =
    g_param_spec_string ("current-level", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_TARGET_LEVEL] =
    g_param_spec_string ("target-level", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_CADENCE] =
    g_param_spec_enum ("cadence", NULL, NULL,
                       LADDER_TYPE_CADENCE,
                       LADDER_CADENCE_NONE,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  /* "read-only" and "file" say where and whether the profile is stored,
   * not what it holds: they do not emit "changed", so that saving to a
   * new file does not schedule another save. */
  properties [PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* Why it is read-only, for a person: which file, and what to do. */
  properties [PROP_READ_ONLY_REASON] =
    g_param_spec_string ("read-only-reason", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* Neither does "loading": the data read later was on disk all along. */
  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties [PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_RATINGS] =
    g_param_spec_object ("ratings", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_EVIDENCE] =
    g_param_spec_object ("evidence", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_CHECKINS] =
    g_param_spec_object ("checkins", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_PROMOTIONS] =
    g_param_spec_object ("promotions", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_TOPICS] =
    g_param_spec_object ("topics", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_FOCUS] =
    g_param_spec_object ("focus", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LadderProfile::changed:
   * @self: a #LadderProfile
   *
   * Emitted after any change to the profile's data, including its
   * ratings, evidence, check-ins and their actions, and promotions: the
   * signal to
   * autosave on and to recompute progress on. A call on the profile
   * emits it once; an edit made directly on a nested object may emit it
   * once per property that changed (the value and its "modified" stamp).
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
ladder_profile_init (LadderProfile *self)
{
  self->owner = LADDER_RATER_SELF;

  self->ratings = g_list_store_new (LADDER_TYPE_RATING);
  self->rating_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->evidence = g_list_store_new (LADDER_TYPE_EVIDENCE);
  self->evidence_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->checkins = g_list_store_new (LADDER_TYPE_CHECKIN);
  self->checkin_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->promotions = g_list_store_new (LADDER_TYPE_PROMOTION);
  self->promotion_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->topics = g_list_store_new (LADDER_TYPE_TOPIC);
  self->topic_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->focus = g_list_store_new (LADDER_TYPE_FOCUS);
  self->focus_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  self->evidence_tombstones =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_date_time_unref);
  self->checkin_tombstones =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_date_time_unref);
  self->promotion_tombstones =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_date_time_unref);
  self->topic_tombstones =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_date_time_unref);
  self->focus_tombstones =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_date_time_unref);
}

/**
 * ladder_profile_new:
 * @id: (nullable): the profile's id, or %NULL to make a new UUID
 * @framework: the framework the person is measured against
 *
 * Creates an empty profile, owned by the engineer ("self").
 *
 * Returns: (transfer full): a new #LadderProfile
 */
LadderProfile *
ladder_profile_new (const char      *id,
                    LadderFramework *framework)
{
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (framework), NULL);

  return g_object_new (LADDER_TYPE_PROFILE,
                       "id", id,
                       "framework", framework,
                       NULL);
}

/**
 * ladder_profile_get_id:
 * @self: a #LadderProfile
 *
 * Returns: the profile's id, a UUID that copies of it share
 */
const char *
ladder_profile_get_id (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  return self->id;
}

/**
 * ladder_profile_get_framework:
 * @self: a #LadderProfile
 *
 * Returns: (transfer none): the embedded framework
 */
LadderFramework *
ladder_profile_get_framework (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  return self->framework;
}

static char **
detail_field (LadderProfile       *self,
              LadderProfileDetail  detail,
              guint               *prop_id)
{
  switch (detail)
    {
    case LADDER_PROFILE_NAME:
      *prop_id = PROP_NAME;
      return &self->name;
    case LADDER_PROFILE_ROLE:
      *prop_id = PROP_ROLE;
      return &self->role;
    case LADDER_PROFILE_CURRENT_LEVEL:
      *prop_id = PROP_CURRENT_LEVEL;
      return &self->current_level;
    case LADDER_PROFILE_TARGET_LEVEL:
      *prop_id = PROP_TARGET_LEVEL;
      return &self->target_level;
    case LADDER_PROFILE_CADENCE:
      *prop_id = PROP_CADENCE;
      return &self->cadence;
    case LADDER_PROFILE_N_DETAILS:
    default:
      g_assert_not_reached ();
    }
}

/* A detail set for the first time (a new profile, a loader) carries no
 * time: every copy of the profile starts from the same one. A change of
 * a detail that had a value is stamped now, and wins a merge over an
 * older change, or none, on another copy. */
static void
set_detail (LadderProfile       *self,
            LadderProfileDetail  detail,
            const char          *value)
{
  guint prop_id;
  char **field = detail_field (self, detail, &prop_id);
  gboolean had_value = *field != NULL;

  if (!g_set_str (field, value))
    return;

  if (had_value)
    {
      g_clear_pointer (&self->detail_updated[detail], g_date_time_unref);
      self->detail_updated[detail] = g_date_time_new_now_utc ();
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
  _ladder_profile_mark_changed (self);
}

/**
 * ladder_profile_get_detail_updated:
 * @self: a #LadderProfile
 * @detail: which detail
 *
 * When @detail was last changed. Setting a detail that had no value
 * leaves no time (a new profile, a file being read); changing one does.
 *
 * Returns: (transfer none) (nullable): the time, or %NULL when the
 *   detail has not changed since it was first set
 */
GDateTime *
ladder_profile_get_detail_updated (LadderProfile       *self,
                                   LadderProfileDetail  detail)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);
  g_return_val_if_fail (detail < LADDER_PROFILE_N_DETAILS, NULL);

  return self->detail_updated[detail];
}

/* For loaders, merges and undo: the value and its time as given. */
void
_ladder_profile_set_detail (LadderProfile       *self,
                            LadderProfileDetail  detail,
                            const char          *value,
                            GDateTime           *updated)
{
  guint prop_id;
  char **field;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (detail < LADDER_PROFILE_N_DETAILS);

  field = detail_field (self, detail, &prop_id);
  begin_change (self);
  if (g_set_str (field, value))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
      _ladder_profile_mark_changed (self);
    }
  _ladder_profile_set_detail_updated (self, detail, updated);
  end_change (self);
}

void
_ladder_profile_set_detail_updated (LadderProfile       *self,
                                    LadderProfileDetail  detail,
                                    GDateTime           *updated)
{
  GDateTime *old;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (detail < LADDER_PROFILE_N_DETAILS);

  old = self->detail_updated[detail];
  if (old == updated || (old != NULL && updated != NULL && g_date_time_equal (old, updated)))
    return;

  g_clear_pointer (&self->detail_updated[detail], g_date_time_unref);
  if (updated != NULL)
    self->detail_updated[detail] = g_date_time_ref (updated);
  _ladder_profile_mark_changed (self);
}

/**
 * ladder_profile_get_name:
 * @self: a #LadderProfile
 *
 * Returns: (nullable): the person's name
 */
const char *
ladder_profile_get_name (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  return self->name;
}

/**
 * ladder_profile_set_name:
 * @self: a #LadderProfile
 * @name: (nullable): the person's name
 *
 * Sets the person's name.
 */
void
ladder_profile_set_name (LadderProfile *self,
                         const char    *name)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));

  set_detail (self, LADDER_PROFILE_NAME, name);
}

/**
 * ladder_profile_get_role:
 * @self: a #LadderProfile
 *
 * Returns: (nullable): the person's role
 */
const char *
ladder_profile_get_role (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  return self->role;
}

/**
 * ladder_profile_set_role:
 * @self: a #LadderProfile
 * @role: (nullable): the person's role, such as "Backend Engineer"
 *
 * Sets the person's role.
 */
void
ladder_profile_set_role (LadderProfile *self,
                         const char    *role)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));

  set_detail (self, LADDER_PROFILE_ROLE, role);
}

/**
 * ladder_profile_get_owner:
 * @self: a #LadderProfile
 *
 * Returns: whose copy this is: that side's ratings are editable
 */
LadderRater
ladder_profile_get_owner (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), LADDER_RATER_SELF);

  return self->owner;
}

/**
 * ladder_profile_set_owner:
 * @self: a #LadderProfile
 * @owner: whose copy this is
 *
 * Sets whose copy this is.
 */
void
ladder_profile_set_owner (LadderProfile *self,
                          LadderRater    owner)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (owner == LADDER_RATER_SELF || owner == LADDER_RATER_MANAGER);

  if (self->owner == owner)
    return;

  self->owner = owner;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OWNER]);
  _ladder_profile_mark_changed (self);
}

/**
 * ladder_profile_get_current_level:
 * @self: a #LadderProfile
 *
 * Returns: (nullable): the id of the person's level
 */
const char *
ladder_profile_get_current_level (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  return self->current_level;
}

/**
 * ladder_profile_set_current_level:
 * @self: a #LadderProfile
 * @level: (nullable): a level id of the framework
 *
 * Sets the person's level.
 */
void
ladder_profile_set_current_level (LadderProfile *self,
                                  const char    *level)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));

  set_detail (self, LADDER_PROFILE_CURRENT_LEVEL, level);
}

/**
 * ladder_profile_get_target_level:
 * @self: a #LadderProfile
 *
 * Returns: (nullable): the id of the level the person aims for
 */
const char *
ladder_profile_get_target_level (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  return self->target_level;
}

/**
 * ladder_profile_set_target_level:
 * @self: a #LadderProfile
 * @level: (nullable): a level id of the framework
 *
 * Sets the level the person aims for.
 */
void
ladder_profile_set_target_level (LadderProfile *self,
                                 const char    *level)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));

  set_detail (self, LADDER_PROFILE_TARGET_LEVEL, level);
}

/**
 * ladder_profile_get_cadence:
 * @self: a #LadderProfile
 *
 * Returns: how often the manager holds a 1:1 with the person
 */
LadderCadence
ladder_profile_get_cadence (LadderProfile *self)
{
  LadderCadence cadence = LADDER_CADENCE_NONE;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), LADDER_CADENCE_NONE);

  (void) ladder_cadence_from_string (self->cadence, &cadence);

  return cadence;
}

/**
 * ladder_profile_set_cadence:
 * @self: a #LadderProfile
 * @cadence: how often the manager holds a 1:1 with the person
 *
 * Sets the 1:1 cadence. It is a detail like the name: a change carries its
 * time, and a merge keeps the newer (see #LadderProfileDetail).
 */
void
ladder_profile_set_cadence (LadderProfile *self,
                            LadderCadence  cadence)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (cadence <= LADDER_CADENCE_MONTHLY);

  set_detail (self, LADDER_PROFILE_CADENCE, ladder_cadence_to_string (cadence));
}

/**
 * ladder_profile_get_loading:
 * @self: a #LadderProfile
 *
 * Returns: %TRUE while the profile's evidence is still being read from
 *   its file; everything else it holds is complete
 */
gboolean
ladder_profile_get_loading (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), FALSE);

  return self->loading;
}

/**
 * ladder_profile_get_read_only:
 * @self: a #LadderProfile
 *
 * Returns: %TRUE when the profile is shown, never written: it came from a
 *   newer version of the file format, or from a file its owner made
 *   read-only (ladder_profile_get_read_only_reason() says which)
 */
gboolean
ladder_profile_get_read_only (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), FALSE);

  return self->read_only;
}

/**
 * ladder_profile_set_read_only:
 * @self: a #LadderProfile
 * @read_only: whether the profile must not be written
 *
 * Marks the profile read-only. This does not emit #LadderProfile::changed.
 */
void
ladder_profile_set_read_only (LadderProfile *self,
                              gboolean       read_only)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));

  read_only = !!read_only;
  if (self->read_only == (guint) read_only)
    return;

  self->read_only = read_only;
  if (!read_only)
    ladder_profile_set_read_only_reason (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READ_ONLY]);
}

/**
 * ladder_profile_get_read_only_reason:
 * @self: a #LadderProfile
 *
 * Returns: (nullable): why the profile is read-only, a sentence for a
 *   person that names the file, or %NULL when it is not or nobody said
 */
const char *
ladder_profile_get_read_only_reason (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  return self->read_only_reason;
}

/**
 * ladder_profile_set_read_only_reason:
 * @self: a #LadderProfile
 * @reason: (nullable): why the profile must not be written
 *
 * Marks the profile read-only, saying why (a reason of %NULL only clears
 * the reason). This does not emit #LadderProfile::changed.
 */
void
ladder_profile_set_read_only_reason (LadderProfile *self,
                                     const char    *reason)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));

  if (reason != NULL)
    ladder_profile_set_read_only (self, TRUE);
  if (g_set_str (&self->read_only_reason, reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READ_ONLY_REASON]);
}

/**
 * ladder_profile_get_file:
 * @self: a #LadderProfile
 *
 * Returns: (transfer none) (nullable): the file the profile was loaded
 *   from or saved to
 */
GFile *
ladder_profile_get_file (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  return self->file;
}

/**
 * ladder_profile_set_file:
 * @self: a #LadderProfile
 * @file: (nullable): where the profile lives
 *
 * Sets the file the profile lives in. This does not emit
 * #LadderProfile::changed.
 */
void
ladder_profile_set_file (LadderProfile *self,
                         GFile         *file)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file == file ||
      (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;

  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);
}

void
_ladder_profile_set_loading (LadderProfile *self,
                             gboolean       loading)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));

  loading = !!loading;
  if (self->loading == (guint) loading)
    return;

  self->loading = loading;
  if (!loading)
    {
      g_clear_pointer (&self->head_evidence_days, g_array_unref);
      g_clear_pointer (&self->head_focus_evidence, g_variant_unref);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

guint64
_ladder_profile_get_n_changes (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), 0);

  return self->n_changes;
}
