/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-profile"

#include "config.h"

#include "ladder-profile.h"
#include "ladder-model-private.h"
#include "ladder-profile-private.h"

struct _LadderProfile
{
  GObject parent_instance;

  char *id;
  char *name;
  char *role;
  char *current_level;
  char *target_level;
  char *cadence;                       /* its file word; NULL for none */
  LadderFramework *framework;
  GFile *file;
  LadderRater owner;
  char *read_only_reason;
  guint read_only : 1;
  guint loading : 1;

  /* How many times "changed" was emitted: whether anything changed
   * between two moments. */
  guint64 n_changes;

  /* When each LadderProfileDetail was last changed, for merges; NULL
   * when it never was since it was first set. */
  GDateTime *detail_updated[LADDER_PROFILE_N_DETAILS];

  /* Profile calls that touch several things at once emit "changed" once,
   * at the end, instead of once per notify on the way. */
  guint change_depth;
  guint change_pending : 1;

  GListStore *ratings;
  GHashTable *rating_by_id;            /* behaviour id → LadderRating */
  GListStore *evidence;
  GHashTable *evidence_by_id;          /* id → LadderEvidence */
  GListStore *checkins;
  GHashTable *checkin_by_id;           /* id → LadderCheckin */
  GListStore *promotions;
  GHashTable *promotion_by_id;         /* id → LadderPromotion */
  GListStore *topics;
  GHashTable *topic_by_id;             /* id → LadderTopic */

  /* Keys are owned strings, values GDateTime. */
  GHashTable *evidence_tombstones;
  GHashTable *checkin_tombstones;
  GHashTable *promotion_tombstones;
  GHashTable *topic_tombstones;

  /* Behaviour id → number of live evidence entries, built on demand and
   * dropped when evidence is added, removed or relinked: the progress
   * view asks for every behaviour on screen. */
  GHashTable *evidence_counts;

  /* While "loading": the day (Julian) of each live evidence entry, as the
   * library's head of the file gives them, for what counts evidence
   * before it is read. */
  GArray *head_evidence_days;
};

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

static void
mark_changed (LadderProfile *self)
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

static void
framework_readiness_changed_cb (LadderProfile   *self,
                                LadderFramework *framework)
{
  mark_changed (self);
}

static void
invalidate_evidence_counts (LadderProfile *self)
{
  g_clear_pointer (&self->evidence_counts, g_hash_table_unref);
}

static void
rating_notify_cb (LadderRating  *rating,
                  GParamSpec    *pspec,
                  LadderProfile *self)
{
  mark_changed (self);
}

static void
evidence_notify_cb (LadderEvidence *evidence,
                    GParamSpec     *pspec,
                    LadderProfile  *self)
{
  if (g_strcmp0 (pspec->name, "behaviours") == 0)
    invalidate_evidence_counts (self);

  mark_changed (self);
}

static void
checkin_notify_cb (LadderCheckin *checkin,
                   GParamSpec    *pspec,
                   LadderProfile *self)
{
  mark_changed (self);
}

static void
promotion_notify_cb (LadderPromotion *promotion,
                     GParamSpec      *pspec,
                     LadderProfile   *self)
{
  mark_changed (self);
}

static void
topic_notify_cb (LadderTopic   *topic,
                 GParamSpec    *pspec,
                 LadderProfile *self)
{
  mark_changed (self);
}

static void
action_notify_cb (LadderAction  *action,
                  GParamSpec    *pspec,
                  LadderProfile *self)
{
  mark_changed (self);
}

static void
watch_action (LadderProfile *self,
              LadderAction  *action)
{
  /* An action removed from its check-in may outlive the profile (an undo
   * toast holds it), so the handler goes with whichever dies first. The
   * disconnect keeps a re-added action from being watched twice. */
  g_signal_handlers_disconnect_by_func (action, action_notify_cb, self);
  g_signal_connect_object (action, "notify",
                           G_CALLBACK (action_notify_cb), self,
                           G_CONNECT_DEFAULT);
}

static void
actions_items_changed_cb (GListModel    *actions,
                          guint          position,
                          guint          removed,
                          guint          added,
                          LadderProfile *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr (LadderAction) action = g_list_model_get_item (actions, i);

      watch_action (self, action);
    }

  mark_changed (self);
}

static void
watch_checkin (LadderProfile *self,
               LadderCheckin *checkin)
{
  GListModel *actions = ladder_checkin_get_actions (checkin);
  guint n = g_list_model_get_n_items (actions);

  g_signal_connect (checkin, "notify", G_CALLBACK (checkin_notify_cb), self);
  g_signal_connect (actions, "items-changed", G_CALLBACK (actions_items_changed_cb), self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderAction) action = g_list_model_get_item (actions, i);

      watch_action (self, action);
    }
}

static void
unwatch_checkin (LadderProfile *self,
                 LadderCheckin *checkin)
{
  GListModel *actions = ladder_checkin_get_actions (checkin);
  guint n = g_list_model_get_n_items (actions);

  g_signal_handlers_disconnect_by_data (checkin, self);
  g_signal_handlers_disconnect_by_data (actions, self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderAction) action = g_list_model_get_item (actions, i);

      g_signal_handlers_disconnect_by_data (action, self);
    }
}

static GHashTable *
lookup_tombstones (LadderProfile *self,
                   const char    *kind)
{
  if (g_strcmp0 (kind, "evidence") == 0)
    return self->evidence_tombstones;
  if (g_strcmp0 (kind, "checkin") == 0)
    return self->checkin_tombstones;
  if (g_strcmp0 (kind, "promotion") == 0)
    return self->promotion_tombstones;
  if (g_strcmp0 (kind, "topic") == 0)
    return self->topic_tombstones;

  return NULL;
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
          unwatch_checkin (self, checkin);
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
  g_clear_pointer (&self->evidence_counts, g_hash_table_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->current_level, g_free);
  g_clear_pointer (&self->target_level, g_free);
  g_clear_pointer (&self->cadence, g_free);
  g_clear_pointer (&self->head_evidence_days, g_array_unref);
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

  self->evidence_tombstones =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_date_time_unref);
  self->checkin_tombstones =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_date_time_unref);
  self->promotion_tombstones =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_date_time_unref);
  self->topic_tombstones =
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
  mark_changed (self);
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
      mark_changed (self);
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
  mark_changed (self);
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
  mark_changed (self);
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

/**
 * ladder_profile_get_ratings:
 * @self: a #LadderProfile
 *
 * Returns: (transfer none): the ratings (#LadderRating) of the behaviours
 *   that have one, in the order they were first rated
 */
GListModel *
ladder_profile_get_ratings (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->ratings);
}

/**
 * ladder_profile_get_rating:
 * @self: a #LadderProfile
 * @behaviour_id: a behaviour id
 *
 * Returns: (transfer none) (nullable): the rating of @behaviour_id, or
 *   %NULL when nobody rated it
 */
LadderRating *
ladder_profile_get_rating (LadderProfile *self,
                           const char    *behaviour_id)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);
  g_return_val_if_fail (behaviour_id != NULL, NULL);

  return g_hash_table_lookup (self->rating_by_id, behaviour_id);
}

/**
 * ladder_profile_ensure_rating:
 * @self: a #LadderProfile
 * @behaviour_id: a behaviour id
 *
 * Gets the rating of @behaviour_id, adding an empty one when there is
 * none.
 *
 * Returns: (transfer none): the rating, owned by @self
 */
LadderRating *
ladder_profile_ensure_rating (LadderProfile *self,
                              const char    *behaviour_id)
{
  g_autoptr (LadderRating) rating = NULL;
  LadderRating *found;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);
  g_return_val_if_fail (behaviour_id != NULL, NULL);

  found = g_hash_table_lookup (self->rating_by_id, behaviour_id);
  if (found != NULL)
    return found;

  rating = ladder_rating_new (behaviour_id);
  g_hash_table_insert (self->rating_by_id,
                       (char *) ladder_rating_get_behaviour_id (rating),
                       rating);
  g_signal_connect (rating, "notify", G_CALLBACK (rating_notify_cb), self);
  g_list_store_append (self->ratings, rating);
  mark_changed (self);

  /* The store holds the reference. */
  return rating;
}

/**
 * ladder_profile_get_rating_value:
 * @self: a #LadderProfile
 * @behaviour_id: a behaviour id
 * @rater: whose rating
 *
 * Returns: @rater's rating of @behaviour_id; %LADDER_RATING_UNRATED when
 *   there is none
 */
LadderRatingValue
ladder_profile_get_rating_value (LadderProfile *self,
                                 const char    *behaviour_id,
                                 LadderRater    rater)
{
  LadderRating *rating;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), LADDER_RATING_UNRATED);
  g_return_val_if_fail (behaviour_id != NULL, LADDER_RATING_UNRATED);

  rating = g_hash_table_lookup (self->rating_by_id, behaviour_id);
  if (rating == NULL)
    return LADDER_RATING_UNRATED;

  return ladder_rating_get_value (rating, rater);
}

/**
 * ladder_profile_rate:
 * @self: a #LadderProfile
 * @behaviour_id: a behaviour id
 * @rater: whose rating
 * @value: the new value
 *
 * Sets one side's rating of @behaviour_id, stamped now, adding the
 * rating when there is none. Emits #LadderProfile::changed once if
 * anything changed.
 */
void
ladder_profile_rate (LadderProfile     *self,
                     const char        *behaviour_id,
                     LadderRater        rater,
                     LadderRatingValue  value)
{
  LadderRating *rating;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (behaviour_id != NULL);

  begin_change (self);
  rating = ladder_profile_ensure_rating (self, behaviour_id);
  ladder_rating_set_value (rating, rater, value, NULL);
  end_change (self);
}

/**
 * ladder_profile_rate_with_note:
 * @self: a #LadderProfile
 * @behaviour_id: the behaviour rated
 * @rater: whose rating
 * @value: the new value
 * @note: (nullable): the side's note with it; %NULL or empty for none
 *
 * Sets one side's rating and its note as one change, stamped now: how a
 * behaviour is marked not applicable, with why, and how a side moves on
 * from that (with no note).
 */
void
ladder_profile_rate_with_note (LadderProfile     *self,
                               const char        *behaviour_id,
                               LadderRater        rater,
                               LadderRatingValue  value,
                               const char        *note)
{
  LadderRating *rating;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (behaviour_id != NULL);

  begin_change (self);
  rating = ladder_profile_ensure_rating (self, behaviour_id);
  ladder_rating_set_value_with_note (rating, rater, value, note);
  end_change (self);
}

/**
 * ladder_profile_get_evidence:
 * @self: a #LadderProfile
 *
 * Returns: (transfer none): the live evidence (#LadderEvidence), in the
 *   order added
 */
GListModel *
ladder_profile_get_evidence (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->evidence);
}

/**
 * ladder_profile_find_evidence:
 * @self: a #LadderProfile
 * @id: an evidence id
 *
 * Returns: (transfer none) (nullable): the live entry with @id, or %NULL
 */
LadderEvidence *
ladder_profile_find_evidence (LadderProfile *self,
                              const char    *id)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->evidence_by_id, id);
}

/**
 * ladder_profile_add_evidence:
 * @self: a #LadderProfile
 * @evidence: the entry to append
 *
 * Appends an evidence entry. Its id must not be live in @self already; a
 * tombstone with that id is dropped, since the live entry supersedes it
 * (a merge in which the edit was newer than the deletion).
 */
void
ladder_profile_add_evidence (LadderProfile  *self,
                             LadderEvidence *evidence)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_EVIDENCE (evidence));

  ladder_profile_splice_evidence (self, &evidence, 1);
}

/**
 * ladder_profile_splice_evidence:
 * @self: a #LadderProfile
 * @evidence: (array length=n_evidence): the entries to append
 * @n_evidence: the number of entries
 *
 * Appends many entries at once, with one #GListModel::items-changed and
 * one #LadderProfile::changed: for loaders. Entries whose id is already
 * live are refused with a critical warning; the others are added.
 */
void
ladder_profile_splice_evidence (LadderProfile   *self,
                                LadderEvidence **evidence,
                                guint            n_evidence)
{
  g_autoptr (GPtrArray) added = NULL;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (evidence != NULL || n_evidence == 0);

  added = g_ptr_array_sized_new (n_evidence);

  for (guint i = 0; i < n_evidence; i++)
    {
      LadderEvidence *entry = evidence[i];
      const char *id;

      if (!LADDER_IS_EVIDENCE (entry))
        {
          g_critical ("Item %u of the evidence to add is not a LadderEvidence", i);
          continue;
        }

      id = ladder_evidence_get_id (entry);
      if (g_hash_table_contains (self->evidence_by_id, id))
        {
          g_critical ("Evidence %s is already in profile %s", id, self->id);
          continue;
        }

      g_hash_table_insert (self->evidence_by_id, (char *) id, entry);
      g_hash_table_remove (self->evidence_tombstones, id);
      g_signal_connect (entry, "notify", G_CALLBACK (evidence_notify_cb), self);
      g_ptr_array_add (added, entry);
    }

  if (added->len == 0)
    return;

  invalidate_evidence_counts (self);
  g_list_store_splice (self->evidence,
                       g_list_model_get_n_items (G_LIST_MODEL (self->evidence)),
                       0,
                       added->pdata,
                       added->len);
  mark_changed (self);
}

/**
 * ladder_profile_remove_evidence:
 * @self: a #LadderProfile
 * @evidence: a live entry of @self
 *
 * Removes the entry and keeps a tombstone stamped now, so that a merge of
 * two copies carries the deletion.
 */
void
ladder_profile_remove_evidence (LadderProfile  *self,
                                LadderEvidence *evidence)
{
  g_autoptr (LadderEvidence) hold = NULL;
  g_autoptr (GDateTime) now = NULL;
  guint position;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_EVIDENCE (evidence));

  if (g_hash_table_lookup (self->evidence_by_id, ladder_evidence_get_id (evidence)) != evidence ||
      !g_list_store_find (self->evidence, evidence, &position))
    {
      g_critical ("Evidence %s is not in profile %s",
                  ladder_evidence_get_id (evidence), self->id);
      return;
    }

  /* The caller may hold only the pointer that the store owns. */
  hold = g_object_ref (evidence);
  now = g_date_time_new_now_utc ();

  g_signal_handlers_disconnect_by_data (evidence, self);
  g_hash_table_remove (self->evidence_by_id, ladder_evidence_get_id (evidence));
  _ladder_tombstone_add (self->evidence_tombstones, ladder_evidence_get_id (evidence), now);
  invalidate_evidence_counts (self);
  g_list_store_remove (self->evidence, position);
  mark_changed (self);
}

static GHashTable *
build_evidence_counts (LadderProfile *self)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->evidence));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderEvidence) evidence = NULL;
      const char * const *behaviours;

      evidence = g_list_model_get_item (G_LIST_MODEL (self->evidence), i);
      behaviours = ladder_evidence_get_behaviours (evidence);

      for (guint j = 0; behaviours[j] != NULL; j++)
        {
          gboolean repeated = FALSE;
          guint count;

          /* An entry that names a behaviour twice still backs it once. */
          for (guint k = 0; k < j && !repeated; k++)
            repeated = g_str_equal (behaviours[k], behaviours[j]);
          if (repeated)
            continue;

          count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, behaviours[j]));
          g_hash_table_replace (counts, g_strdup (behaviours[j]), GUINT_TO_POINTER (count + 1));
        }
    }

  return counts;
}

/**
 * ladder_profile_count_evidence_for:
 * @self: a #LadderProfile
 * @behaviour_id: a behaviour id
 *
 * Counts the live evidence entries linked to @behaviour_id. The counts of
 * all behaviours are computed together on the first call after a change,
 * so asking for every behaviour on screen costs one pass over the
 * evidence.
 *
 * Returns: the number of entries
 */
guint
ladder_profile_count_evidence_for (LadderProfile *self,
                                   const char    *behaviour_id)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), 0);
  g_return_val_if_fail (behaviour_id != NULL, 0);

  if (self->evidence_counts == NULL)
    self->evidence_counts = build_evidence_counts (self);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->evidence_counts, behaviour_id));
}

/**
 * ladder_profile_get_checkins:
 * @self: a #LadderProfile
 *
 * Returns: (transfer none): the live check-ins (#LadderCheckin), in the
 *   order added
 */
GListModel *
ladder_profile_get_checkins (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->checkins);
}

/**
 * ladder_profile_find_checkin:
 * @self: a #LadderProfile
 * @id: a check-in id
 *
 * Returns: (transfer none) (nullable): the live check-in with @id, or
 *   %NULL
 */
LadderCheckin *
ladder_profile_find_checkin (LadderProfile *self,
                             const char    *id)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->checkin_by_id, id);
}

/**
 * ladder_profile_add_checkin:
 * @self: a #LadderProfile
 * @checkin: the check-in to append
 *
 * Appends a check-in. Its id must not be live in @self already; a
 * tombstone with that id is dropped, since the live check-in supersedes
 * it.
 */
void
ladder_profile_add_checkin (LadderProfile *self,
                            LadderCheckin *checkin)
{
  const char *id;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_CHECKIN (checkin));

  id = ladder_checkin_get_id (checkin);
  g_return_if_fail (!g_hash_table_contains (self->checkin_by_id, id));

  g_hash_table_insert (self->checkin_by_id, (char *) id, checkin);
  g_hash_table_remove (self->checkin_tombstones, id);
  watch_checkin (self, checkin);
  g_list_store_append (self->checkins, checkin);
  mark_changed (self);
}

/**
 * ladder_profile_remove_checkin:
 * @self: a #LadderProfile
 * @checkin: a live check-in of @self
 *
 * Removes the check-in and keeps a tombstone stamped now, so that a merge
 * of two copies carries the deletion.
 */
void
ladder_profile_remove_checkin (LadderProfile *self,
                               LadderCheckin *checkin)
{
  g_autoptr (LadderCheckin) hold = NULL;
  g_autoptr (GDateTime) now = NULL;
  guint position;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_CHECKIN (checkin));

  if (g_hash_table_lookup (self->checkin_by_id, ladder_checkin_get_id (checkin)) != checkin ||
      !g_list_store_find (self->checkins, checkin, &position))
    {
      g_critical ("Check-in %s is not in profile %s",
                  ladder_checkin_get_id (checkin), self->id);
      return;
    }

  hold = g_object_ref (checkin);
  now = g_date_time_new_now_utc ();

  unwatch_checkin (self, checkin);
  g_hash_table_remove (self->checkin_by_id, ladder_checkin_get_id (checkin));
  _ladder_tombstone_add (self->checkin_tombstones, ladder_checkin_get_id (checkin), now);
  g_list_store_remove (self->checkins, position);
  mark_changed (self);
}

/**
 * ladder_profile_get_promotions:
 * @self: a #LadderProfile
 *
 * Returns: (transfer none): the live records of level changes
 *   (#LadderPromotion), in the order added
 */
GListModel *
ladder_profile_get_promotions (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->promotions);
}

/**
 * ladder_profile_find_promotion:
 * @self: a #LadderProfile
 * @id: a record's id
 *
 * Returns: (transfer none) (nullable): the live record with @id, or %NULL
 */
LadderPromotion *
ladder_profile_find_promotion (LadderProfile *self,
                               const char    *id)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->promotion_by_id, id);
}

static void
insert_promotion (LadderProfile   *self,
                  guint            position,
                  LadderPromotion *promotion)
{
  const char *id = ladder_promotion_get_id (promotion);

  g_return_if_fail (!g_hash_table_contains (self->promotion_by_id, id));

  g_hash_table_insert (self->promotion_by_id, (char *) id, promotion);
  g_hash_table_remove (self->promotion_tombstones, id);
  g_signal_connect (promotion, "notify", G_CALLBACK (promotion_notify_cb), self);
  g_list_store_insert (self->promotions,
                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->promotions))),
                       promotion);
  mark_changed (self);
}

/**
 * ladder_profile_add_promotion:
 * @self: a #LadderProfile
 * @promotion: the record to append
 *
 * Appends the record of a change of level. Its id must not be live in
 * @self already; a tombstone with that id is dropped, since the live
 * record supersedes it. The current level is left as it is: set it with
 * ladder_profile_set_current_level().
 */
void
ladder_profile_add_promotion (LadderProfile   *self,
                              LadderPromotion *promotion)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_PROMOTION (promotion));

  insert_promotion (self, G_MAXUINT, promotion);
}

/**
 * ladder_profile_remove_promotion:
 * @self: a #LadderProfile
 * @promotion: a live record of @self
 *
 * Removes the record and keeps a tombstone stamped now, so that a merge
 * of two copies carries the deletion.
 */
void
ladder_profile_remove_promotion (LadderProfile   *self,
                                 LadderPromotion *promotion)
{
  g_autoptr (LadderPromotion) hold = NULL;
  g_autoptr (GDateTime) now = NULL;
  const char *id;
  guint position;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_PROMOTION (promotion));

  id = ladder_promotion_get_id (promotion);
  if (g_hash_table_lookup (self->promotion_by_id, id) != promotion ||
      !g_list_store_find (self->promotions, promotion, &position))
    {
      g_critical ("Promotion %s is not in profile %s", id, self->id);
      return;
    }

  hold = g_object_ref (promotion);
  now = g_date_time_new_now_utc ();

  g_signal_handlers_disconnect_by_data (promotion, self);
  g_hash_table_remove (self->promotion_by_id, id);
  _ladder_tombstone_add (self->promotion_tombstones, id, now);
  g_list_store_remove (self->promotions, position);
  mark_changed (self);
}

/**
 * ladder_profile_get_current_level_change:
 * @self: a #LadderProfile
 *
 * Finds the record that says since when the current level holds: the
 * newest one by date (the later modified on the same day), when it led
 * to the current level.
 *
 * Returns: (transfer none) (nullable): the record, or %NULL when none
 *   led to the current level
 */
LadderPromotion *
ladder_profile_get_current_level_change (LadderProfile *self)
{
  LadderPromotion *newest = NULL;
  guint n;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->promotions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderPromotion) promotion = g_list_model_get_item (G_LIST_MODEL (self->promotions), i);
      int c;

      if (newest == NULL)
        {
          newest = promotion;
          continue;
        }

      c = g_date_compare (ladder_promotion_get_date (promotion), ladder_promotion_get_date (newest));
      if (c == 0)
        c = g_date_time_compare (ladder_promotion_get_modified (promotion),
                                 ladder_promotion_get_modified (newest));
      if (c > 0)
        newest = promotion;
    }

  if (newest == NULL ||
      g_strcmp0 (ladder_promotion_get_to (newest), self->current_level) != 0)
    return NULL;

  return newest;
}

/**
 * ladder_profile_get_topics:
 * @self: a #LadderProfile
 *
 * Returns: (transfer none): the live agenda topics (#LadderTopic), open
 *   and ticked off, in the order added
 */
GListModel *
ladder_profile_get_topics (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->topics);
}

/**
 * ladder_profile_find_topic:
 * @self: a #LadderProfile
 * @id: a topic's id
 *
 * Returns: (transfer none) (nullable): the live topic with @id, or %NULL
 */
LadderTopic *
ladder_profile_find_topic (LadderProfile *self,
                           const char    *id)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->topic_by_id, id);
}

static void
insert_topic (LadderProfile *self,
              guint          position,
              LadderTopic   *topic)
{
  const char *id = ladder_topic_get_id (topic);

  g_return_if_fail (!g_hash_table_contains (self->topic_by_id, id));

  g_hash_table_insert (self->topic_by_id, (char *) id, topic);
  g_hash_table_remove (self->topic_tombstones, id);
  g_signal_connect (topic, "notify", G_CALLBACK (topic_notify_cb), self);
  g_list_store_insert (self->topics,
                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->topics))),
                       topic);
  mark_changed (self);
}

/**
 * ladder_profile_add_topic:
 * @self: a #LadderProfile
 * @topic: the topic to append to the agenda
 *
 * Appends a topic to the agenda. Its id must not be live in @self
 * already; a tombstone with that id is dropped.
 */
void
ladder_profile_add_topic (LadderProfile *self,
                          LadderTopic   *topic)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_TOPIC (topic));

  insert_topic (self, G_MAXUINT, topic);
}

/**
 * ladder_profile_remove_topic:
 * @self: a #LadderProfile
 * @topic: a live topic of @self
 *
 * Removes the topic and keeps a tombstone stamped now, so that a merge
 * of two copies carries the deletion.
 */
void
ladder_profile_remove_topic (LadderProfile *self,
                             LadderTopic   *topic)
{
  g_autoptr (LadderTopic) hold = NULL;
  g_autoptr (GDateTime) now = NULL;
  const char *id;
  guint position;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_TOPIC (topic));

  id = ladder_topic_get_id (topic);
  if (g_hash_table_lookup (self->topic_by_id, id) != topic ||
      !g_list_store_find (self->topics, topic, &position))
    {
      g_critical ("Topic %s is not in profile %s", id, self->id);
      return;
    }

  hold = g_object_ref (topic);
  now = g_date_time_new_now_utc ();

  g_signal_handlers_disconnect_by_data (topic, self);
  g_hash_table_remove (self->topic_by_id, id);
  _ladder_tombstone_add (self->topic_tombstones, id, now);
  g_list_store_remove (self->topics, position);
  mark_changed (self);
}

/**
 * ladder_profile_list_open_topics:
 * @self: a #LadderProfile
 *
 * Returns: (transfer container) (element-type LadderTopic): the topics
 *   not ticked off yet, in the order added
 */
GPtrArray *
ladder_profile_list_open_topics (LadderProfile *self)
{
  GPtrArray *open;
  guint n;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->topics));
  open = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->topics), i);

      if (ladder_topic_is_open (topic))
        g_ptr_array_add (open, g_steal_pointer (&topic));
    }

  return open;
}

/**
 * ladder_profile_get_tombstones:
 * @self: a #LadderProfile
 * @kind: "evidence", "checkin", "promotion" or "topic"
 *
 * Gets the deleted entries of one kind. An action's tombstones live in
 * its check-in: see ladder_checkin_get_action_tombstones().
 *
 * Returns: (transfer none) (element-type utf8 GDateTime): a hash table
 *   from id to the time of deletion, owned by @self
 */
GHashTable *
ladder_profile_get_tombstones (LadderProfile *self,
                               const char    *kind)
{
  GHashTable *tombstones;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  tombstones = lookup_tombstones (self, kind);
  g_return_val_if_fail (tombstones != NULL, NULL);

  return tombstones;
}

/**
 * ladder_profile_add_tombstone:
 * @self: a #LadderProfile
 * @kind: "evidence", "checkin", "promotion" or "topic"
 * @id: the id of a deleted entry
 * @modified: when it was deleted
 *
 * Records a deleted entry, for loaders and merges. An older stamp than
 * the one already recorded for @id is ignored. A live entry with @id is
 * left alone: remove it with ladder_profile_remove_evidence(),
 * ladder_profile_remove_checkin() or ladder_profile_remove_promotion().
 */
void
ladder_profile_add_tombstone (LadderProfile *self,
                              const char    *kind,
                              const char    *id,
                              GDateTime     *modified)
{
  GHashTable *tombstones;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (modified != NULL);

  tombstones = lookup_tombstones (self, kind);
  g_return_if_fail (tombstones != NULL);

  if (_ladder_tombstone_add (tombstones, id, modified))
    mark_changed (self);
}

/* Merges {{{1 */

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

void
_ladder_profile_insert_rating (LadderProfile *self,
                               guint          position,
                               LadderRating  *rating)
{
  const char *id;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_RATING (rating));

  id = ladder_rating_get_behaviour_id (rating);
  g_return_if_fail (!g_hash_table_contains (self->rating_by_id, id));

  g_hash_table_insert (self->rating_by_id, (char *) id, rating);
  g_signal_connect (rating, "notify", G_CALLBACK (rating_notify_cb), self);
  g_list_store_insert (self->ratings,
                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->ratings))),
                       rating);
  mark_changed (self);
}

void
_ladder_profile_insert_evidence (LadderProfile  *self,
                                 guint           position,
                                 LadderEvidence *evidence)
{
  const char *id;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_EVIDENCE (evidence));

  id = ladder_evidence_get_id (evidence);
  g_return_if_fail (!g_hash_table_contains (self->evidence_by_id, id));

  g_hash_table_insert (self->evidence_by_id, (char *) id, evidence);
  g_hash_table_remove (self->evidence_tombstones, id);
  g_signal_connect (evidence, "notify", G_CALLBACK (evidence_notify_cb), self);
  invalidate_evidence_counts (self);
  g_list_store_insert (self->evidence,
                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->evidence))),
                       evidence);
  mark_changed (self);
}

void
_ladder_profile_insert_checkin (LadderProfile *self,
                                guint          position,
                                LadderCheckin *checkin)
{
  const char *id;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_CHECKIN (checkin));

  id = ladder_checkin_get_id (checkin);
  g_return_if_fail (!g_hash_table_contains (self->checkin_by_id, id));

  g_hash_table_insert (self->checkin_by_id, (char *) id, checkin);
  g_hash_table_remove (self->checkin_tombstones, id);
  watch_checkin (self, checkin);
  g_list_store_insert (self->checkins,
                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->checkins))),
                       checkin);
  mark_changed (self);
}

void
_ladder_profile_insert_promotion (LadderProfile   *self,
                                  guint            position,
                                  LadderPromotion *promotion)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_PROMOTION (promotion));

  insert_promotion (self, position, promotion);
}

void
_ladder_profile_insert_topic (LadderProfile *self,
                              guint          position,
                              LadderTopic   *topic)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_TOPIC (topic));

  insert_topic (self, position, topic);
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  GHashTable *position = ((gpointer *) user_data)[0];
  const char *(*get_id) (gconstpointer) = ((gpointer *) user_data)[1];
  guint pa = GPOINTER_TO_UINT (g_hash_table_lookup (position, get_id (a)));
  guint pb = GPOINTER_TO_UINT (g_hash_table_lookup (position, get_id (b)));

  return (pa > pb) - (pa < pb);
}

static const char *
rating_id (gconstpointer item)
{
  return ladder_rating_get_behaviour_id ((LadderRating *) item);
}

static const char *
evidence_id (gconstpointer item)
{
  return ladder_evidence_get_id ((LadderEvidence *) item);
}

static const char *
checkin_id (gconstpointer item)
{
  return ladder_checkin_get_id ((LadderCheckin *) item);
}

static const char *
promotion_id (gconstpointer item)
{
  return ladder_promotion_get_id ((LadderPromotion *) item);
}

static const char *
topic_id (gconstpointer item)
{
  return ladder_topic_get_id ((LadderTopic *) item);
}

void
_ladder_profile_reorder (LadderProfile *self,
                         const char    *kind,
                         GHashTable    *position)
{
  gpointer data[2] = { position, NULL };
  GListStore *store;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (position != NULL);

  if (g_strcmp0 (kind, "ratings") == 0)
    store = self->ratings, data[1] = rating_id;
  else if (g_strcmp0 (kind, "evidence") == 0)
    store = self->evidence, data[1] = evidence_id;
  else if (g_strcmp0 (kind, "checkin") == 0)
    store = self->checkins, data[1] = checkin_id;
  else if (g_strcmp0 (kind, "promotion") == 0)
    store = self->promotions, data[1] = promotion_id;
  else if (g_strcmp0 (kind, "topic") == 0)
    store = self->topics, data[1] = topic_id;
  else
    g_return_if_reached ();

  g_list_store_sort (store, compare_positions, data);
  mark_changed (self);
}

static GPtrArray *
list_items (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  return items;
}

static void
copy_tombstones (GHashTable *to,
                 GHashTable *from)
{
  GHashTableIter iter;
  gpointer id, deleted;

  g_hash_table_remove_all (to);
  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &id, &deleted))
    g_hash_table_insert (to, g_strdup (id), g_date_time_ref (deleted));
}

void
_ladder_profile_restore (LadderProfile *self,
                         LadderProfile *from)
{
  g_autoptr (GPtrArray) ratings = NULL;
  g_autoptr (GPtrArray) evidence = NULL;
  g_autoptr (GPtrArray) checkins = NULL;
  g_autoptr (GPtrArray) promotions = NULL;
  g_autoptr (GPtrArray) topics = NULL;
  guint n;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_PROFILE (from));
  g_return_if_fail (g_strcmp0 (self->id, from->id) == 0);

  begin_change (self);

  _ladder_profile_set_detail (self, LADDER_PROFILE_NAME, from->name,
                              from->detail_updated[LADDER_PROFILE_NAME]);
  _ladder_profile_set_detail (self, LADDER_PROFILE_ROLE, from->role,
                              from->detail_updated[LADDER_PROFILE_ROLE]);
  ladder_profile_set_owner (self, from->owner);
  _ladder_profile_set_detail (self, LADDER_PROFILE_CURRENT_LEVEL, from->current_level,
                              from->detail_updated[LADDER_PROFILE_CURRENT_LEVEL]);
  _ladder_profile_set_detail (self, LADDER_PROFILE_TARGET_LEVEL, from->target_level,
                              from->detail_updated[LADDER_PROFILE_TARGET_LEVEL]);
  _ladder_profile_set_detail (self, LADDER_PROFILE_CADENCE, from->cadence,
                              from->detail_updated[LADDER_PROFILE_CADENCE]);

  /* Let go of what self holds. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->ratings));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderRating) rating = g_list_model_get_item (G_LIST_MODEL (self->ratings), i);

      g_signal_handlers_disconnect_by_data (rating, self);
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->evidence));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderEvidence) entry = g_list_model_get_item (G_LIST_MODEL (self->evidence), i);

      g_signal_handlers_disconnect_by_data (entry, self);
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->checkins));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderCheckin) checkin = g_list_model_get_item (G_LIST_MODEL (self->checkins), i);

      unwatch_checkin (self, checkin);
    }
  g_hash_table_remove_all (self->rating_by_id);
  g_hash_table_remove_all (self->evidence_by_id);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->promotions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderPromotion) promotion = g_list_model_get_item (G_LIST_MODEL (self->promotions), i);

      g_signal_handlers_disconnect_by_data (promotion, self);
    }
  g_hash_table_remove_all (self->checkin_by_id);
  g_hash_table_remove_all (self->promotion_by_id);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->topics));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->topics), i);

      g_signal_handlers_disconnect_by_data (topic, self);
    }
  g_hash_table_remove_all (self->topic_by_id);
  invalidate_evidence_counts (self);

  /* Take what from holds, each list in one splice. */
  ratings = list_items (G_LIST_MODEL (from->ratings));
  for (guint i = 0; i < ratings->len; i++)
    {
      LadderRating *rating = ratings->pdata[i];

      g_hash_table_insert (self->rating_by_id, (char *) ladder_rating_get_behaviour_id (rating), rating);
      g_signal_connect (rating, "notify", G_CALLBACK (rating_notify_cb), self);
    }
  evidence = list_items (G_LIST_MODEL (from->evidence));
  for (guint i = 0; i < evidence->len; i++)
    {
      LadderEvidence *entry = evidence->pdata[i];

      g_hash_table_insert (self->evidence_by_id, (char *) ladder_evidence_get_id (entry), entry);
      g_signal_connect (entry, "notify", G_CALLBACK (evidence_notify_cb), self);
    }
  checkins = list_items (G_LIST_MODEL (from->checkins));
  for (guint i = 0; i < checkins->len; i++)
    {
      LadderCheckin *checkin = checkins->pdata[i];

      g_hash_table_insert (self->checkin_by_id, (char *) ladder_checkin_get_id (checkin), checkin);
      watch_checkin (self, checkin);
    }

  copy_tombstones (self->evidence_tombstones, from->evidence_tombstones);
  promotions = list_items (G_LIST_MODEL (from->promotions));
  for (guint i = 0; i < promotions->len; i++)
    {
      LadderPromotion *promotion = promotions->pdata[i];

      g_hash_table_insert (self->promotion_by_id, (char *) ladder_promotion_get_id (promotion), promotion);
      g_signal_connect (promotion, "notify", G_CALLBACK (promotion_notify_cb), self);
    }

  copy_tombstones (self->checkin_tombstones, from->checkin_tombstones);
  copy_tombstones (self->promotion_tombstones, from->promotion_tombstones);
  topics = list_items (G_LIST_MODEL (from->topics));
  for (guint i = 0; i < topics->len; i++)
    {
      LadderTopic *topic = topics->pdata[i];

      g_hash_table_insert (self->topic_by_id, (char *) ladder_topic_get_id (topic), topic);
      g_signal_connect (topic, "notify", G_CALLBACK (topic_notify_cb), self);
    }
  copy_tombstones (self->topic_tombstones, from->topic_tombstones);

  g_list_store_splice (self->ratings, 0, g_list_model_get_n_items (G_LIST_MODEL (self->ratings)),
                       ratings->pdata, ratings->len);
  g_list_store_splice (self->evidence, 0, g_list_model_get_n_items (G_LIST_MODEL (self->evidence)),
                       evidence->pdata, evidence->len);
  g_list_store_splice (self->checkins, 0, g_list_model_get_n_items (G_LIST_MODEL (self->checkins)),
                       checkins->pdata, checkins->len);
  g_list_store_splice (self->promotions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->promotions)),
                       promotions->pdata, promotions->len);
  g_list_store_splice (self->topics, 0, g_list_model_get_n_items (G_LIST_MODEL (self->topics)),
                       topics->pdata, topics->len);

  mark_changed (self);
  end_change (self);
}

void
_ladder_profile_delete (LadderProfile *self,
                        const char    *kind,
                        const char    *id,
                        GDateTime     *deleted)
{
  GHashTable *tombstones;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (deleted != NULL);

  tombstones = lookup_tombstones (self, kind);
  g_return_if_fail (tombstones != NULL);

  begin_change (self);

  if (tombstones == self->evidence_tombstones)
    {
      LadderEvidence *evidence = g_hash_table_lookup (self->evidence_by_id, id);

      if (evidence != NULL)
        ladder_profile_remove_evidence (self, evidence);
    }
  else if (tombstones == self->checkin_tombstones)
    {
      LadderCheckin *checkin = g_hash_table_lookup (self->checkin_by_id, id);

      if (checkin != NULL)
        ladder_profile_remove_checkin (self, checkin);
    }
  else if (tombstones == self->topic_tombstones)
    {
      LadderTopic *topic = g_hash_table_lookup (self->topic_by_id, id);

      if (topic != NULL)
        ladder_profile_remove_topic (self, topic);
    }
  else
    {
      LadderPromotion *promotion = g_hash_table_lookup (self->promotion_by_id, id);

      if (promotion != NULL)
        ladder_profile_remove_promotion (self, promotion);
    }

  g_hash_table_replace (tombstones, g_strdup (id), g_date_time_ref (deleted));
  mark_changed (self);
  end_change (self);
}void
_ladder_profile_set_loading (LadderProfile *self,
                             gboolean       loading)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));

  loading = !!loading;
  if (self->loading == (guint) loading)
    return;

  self->loading = loading;
  if (!loading)
    g_clear_pointer (&self->head_evidence_days, g_array_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

void
_ladder_profile_set_head_evidence_days (LadderProfile *self,
                                        GArray        *days)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));

  g_clear_pointer (&self->head_evidence_days, g_array_unref);
  if (days != NULL)
    self->head_evidence_days = g_array_ref (days);
}

GArray *
_ladder_profile_dup_evidence_days (LadderProfile *self)
{
  GListModel *evidence;
  GArray *days;
  guint n;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  if (self->loading && self->head_evidence_days != NULL)
    return g_array_copy (self->head_evidence_days);

  evidence = G_LIST_MODEL (self->evidence);
  n = g_list_model_get_n_items (evidence);
  days = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderEvidence) entry = g_list_model_get_item (evidence, i);
      const GDate *date = ladder_evidence_get_date (entry);
      guint32 day = date != NULL && g_date_valid (date) ? g_date_get_julian (date) : 0;

      g_array_append_val (days, day);
    }

  return days;
}

guint64
_ladder_profile_get_n_changes (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), 0);

  return self->n_changes;
}

void
_ladder_profile_take_evidence (LadderProfile *self,
                               LadderProfile *from)
{
  g_autoptr (GPtrArray) evidence = NULL;
  GHashTableIter iter;
  gpointer id, deleted;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_PROFILE (from));
  g_return_if_fail (self != from);

  evidence = list_items (G_LIST_MODEL (from->evidence));
  for (guint i = 0; i < evidence->len; i++)
    g_signal_handlers_disconnect_by_data (evidence->pdata[i], from);
  g_hash_table_remove_all (from->evidence_by_id);
  g_list_store_remove_all (from->evidence);
  invalidate_evidence_counts (from);

  begin_change (self);

  /* An entry added here meanwhile is newer than any on disk: it stays
   * after them, where it would have been had the file been read first. */
  for (guint i = 0; i < evidence->len;)
    {
      LadderEvidence *entry = evidence->pdata[i];
      const char *entry_id = ladder_evidence_get_id (entry);

      if (g_hash_table_contains (self->evidence_by_id, entry_id) ||
          g_hash_table_contains (self->evidence_tombstones, entry_id))
        {
          g_ptr_array_remove_index (evidence, i);
          continue;
        }

      g_hash_table_insert (self->evidence_by_id, (char *) entry_id, entry);
      g_signal_connect (entry, "notify", G_CALLBACK (evidence_notify_cb), self);
      i++;
    }

  g_hash_table_iter_init (&iter, from->evidence_tombstones);
  while (g_hash_table_iter_next (&iter, &id, &deleted))
    {
      if (!g_hash_table_contains (self->evidence_tombstones, id) &&
          !g_hash_table_contains (self->evidence_by_id, id))
        g_hash_table_insert (self->evidence_tombstones, g_strdup (id), g_date_time_ref (deleted));
    }

  if (evidence->len > 0)
    {
      invalidate_evidence_counts (self);
      g_list_store_splice (self->evidence, 0, 0, evidence->pdata, evidence->len);
      mark_changed (self);
    }

  end_change (self);
}


