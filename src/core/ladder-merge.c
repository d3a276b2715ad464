/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderMerge: the object and its driver, which merges each part of
 * a profile in turn, the merge of the profile's own details, and the
 * changes it reports; ladder-merge-private.h says which file merges
 * what. */

#define G_LOG_DOMAIN "ladder-merge"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-merge.h"
#include "ladder-merge-private.h"
#include "ladder-profile-private.h"
#include "ladder-time-private.h"

/* How the merge stays commutative and idempotent:
 *
 * - Which version of an entry wins is decided by the entry alone: the
 *   newer "modified"; on a tie, a fixed order of the contents; a deletion
 *   wins over an entry modified no later than it was deleted. Either
 *   direction picks the same version.
 * - Where an entry goes: the merged list is the merge step of merge sort
 *   over the two lists, comparing the heads by a key of the winning
 *   version (creation time, then id). Each copy's own order is kept, an
 *   entry only one side has goes where its key puts it among the other's
 *   new entries, and the choice at each step does not depend on which list
 *   is "ours". Applied in place, this only inserts entries into "ours" and
 *   never moves one, so a view of the profile keeps its rows.
 * - Tombstones keep the later time of deletion.
 *
 * What is not merged: the name, role, owner, levels and embedded
 * framework carry no time stamp, so "ours" keeps its own; only a value
 * "ours" lacks is taken from "theirs". */

G_DEFINE_QUARK (ladder-merge-error-quark, ladder_merge_error)

G_DEFINE_FINAL_TYPE (LadderMerge, ladder_merge, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OURS,
  PROP_THEIRS,
  PROP_CHANGES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Reporting changes {{{1 */

void
_ladder_merge_add_change (LadderMerge *self,
                          const char  *format,
                          ...)
{
  va_list args;

  va_start (args, format);
  /* Keep the array NULL-terminated for get_changes(). */
  g_ptr_array_insert (self->changes, self->changes->len - 1, g_strdup_vprintf (format, args));
  va_end (args);
}

/* A change names its check-in or level change by the day as the file
 * writes it (ISO 8601). */
char *
_ladder_merge_describe_day (const GDate *date)
{
  return _ladder_date_format (date, LADDER_DATE_ISO8601, _("an undated day"));
}

gboolean
_ladder_merge_has_behaviour (LadderMerge *self,
                             const char  *behaviour_id)
{
  return ladder_framework_find_behaviour (ladder_profile_get_framework (self->ours),
                                          behaviour_id) != NULL;
}

/* The merge {{{1 */

/* > 0 when @theirs wins a detail over @ours. A detail changed on a copy
 * carries the time of the change (ladder_profile_get_detail_updated()):
 * the newer change wins, and a change wins over none; on equal times the
 * greater value, so that either direction agrees. A detail that neither
 * copy changed since it was first set has no time: "ours" keeps its own
 * and takes the other's only where it has none. */
static int
compare_details (LadderProfile       *ours,
                 LadderProfile       *theirs,
                 LadderProfileDetail  detail,
                 const char          *ours_value,
                 const char          *theirs_value)
{
  GDateTime *ours_updated = ladder_profile_get_detail_updated (ours, detail);
  GDateTime *theirs_updated = ladder_profile_get_detail_updated (theirs, detail);
  int c;

  if (ours_updated == NULL && theirs_updated == NULL)
    return ours_value == NULL && theirs_value != NULL ? 1 : -1;

  c = _ladder_merge_compare_times (theirs_updated, ours_updated);

  return c != 0 ? c : g_strcmp0 (theirs_value, ours_value);
}

char *
_ladder_merge_describe_detail (LadderProfile       *profile,
                               LadderProfileDetail  detail,
                               const char          *value)
{
  LadderLevel *level;

  if (value == NULL)
    /* Translators: a detail of a profile (a role, a level) that has none */
    return g_strdup (_("none"));

  if (detail == LADDER_PROFILE_CADENCE)
    {
      LadderCadence cadence = LADDER_CADENCE_NONE;

      (void) ladder_cadence_from_string (value, &cadence);
      return g_strdup (ladder_cadence_get_label (cadence));
    }

  if (detail != LADDER_PROFILE_CURRENT_LEVEL && detail != LADDER_PROFILE_TARGET_LEVEL)
    return g_strdup (value);

  level = ladder_framework_find_level (ladder_profile_get_framework (profile), value);

  return g_strdup (level != NULL && ladder_level_get_name (level) != NULL ?
                   ladder_level_get_name (level) : value);
}

static const char *
get_cadence_word (LadderProfile *profile)
{
  return ladder_cadence_to_string (ladder_profile_get_cadence (profile));
}

static void
merge_details (LadderMerge *self)
{
  static const struct
  {
    LadderProfileDetail  detail;
    const char        *(*get) (LadderProfile *profile);
  } fields[] = {
    { LADDER_PROFILE_NAME, ladder_profile_get_name },
    { LADDER_PROFILE_ROLE, ladder_profile_get_role },
    { LADDER_PROFILE_CURRENT_LEVEL, ladder_profile_get_current_level },
    { LADDER_PROFILE_TARGET_LEVEL, ladder_profile_get_target_level },
    { LADDER_PROFILE_CADENCE, get_cadence_word },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      LadderProfileDetail detail = fields[i].detail;
      const char *ours_value = fields[i].get (self->ours);
      const char *theirs_value = fields[i].get (self->theirs);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (compare_details (self->ours, self->theirs, detail, ours_value, theirs_value) <= 0)
        continue;

      /* A level this copy's framework lacks cannot be taken. */
      if ((detail == LADDER_PROFILE_CURRENT_LEVEL || detail == LADDER_PROFILE_TARGET_LEVEL) &&
          theirs_value != NULL &&
          ladder_framework_find_level (ladder_profile_get_framework (self->ours), theirs_value) == NULL)
        continue;

      if (g_strcmp0 (ours_value, theirs_value) != 0)
        {
          before = _ladder_merge_describe_detail (self->ours, detail, ours_value);
          after = _ladder_merge_describe_detail (self->ours, detail, theirs_value);
          switch (detail)
            {
            case LADDER_PROFILE_NAME:
              _ladder_merge_add_change (self, _("Name: %s → %s"), before, after);
              break;
            case LADDER_PROFILE_ROLE:
              _ladder_merge_add_change (self, _("Role: %s → %s"), before, after);
              break;
            case LADDER_PROFILE_CURRENT_LEVEL:
              _ladder_merge_add_change (self, _("Current level: %s → %s"), before, after);
              break;
            case LADDER_PROFILE_TARGET_LEVEL:
              _ladder_merge_add_change (self, _("Target level: %s → %s"), before, after);
              break;
            case LADDER_PROFILE_CADENCE:
              _ladder_merge_add_change (self, _("1:1 cadence: %s → %s"), before, after);
              break;
            case LADDER_PROFILE_N_DETAILS:
            default:
              g_assert_not_reached ();
            }
        }

      if (self->applying)
        _ladder_profile_set_detail (self->ours, detail, theirs_value,
                                    ladder_profile_get_detail_updated (self->theirs, detail));
    }
}

static void
run_merge (LadderMerge *self,
           gboolean     apply)
{
  g_ptr_array_set_size (self->changes, 0);
  g_ptr_array_add (self->changes, NULL);
  self->applying = apply;

  if (apply)
    _ladder_profile_begin_change (self->ours);

  merge_details (self);
  _ladder_merge_ratings (self);
  _ladder_merge_entries (self, &_ladder_merge_evidence_kind, self->ours,
                         ladder_profile_get_evidence (self->ours),
                         ladder_profile_get_tombstones (self->ours, "evidence"),
                         ladder_profile_get_evidence (self->theirs),
                         ladder_profile_get_tombstones (self->theirs, "evidence"));
  _ladder_merge_entries (self, &_ladder_merge_checkin_kind, self->ours,
                         ladder_profile_get_checkins (self->ours),
                         ladder_profile_get_tombstones (self->ours, "checkin"),
                         ladder_profile_get_checkins (self->theirs),
                         ladder_profile_get_tombstones (self->theirs, "checkin"));
  _ladder_merge_entries (self, &_ladder_merge_promotion_kind, self->ours,
                         ladder_profile_get_promotions (self->ours),
                         ladder_profile_get_tombstones (self->ours, "promotion"),
                         ladder_profile_get_promotions (self->theirs),
                         ladder_profile_get_tombstones (self->theirs, "promotion"));
  _ladder_merge_entries (self, &_ladder_merge_topic_kind, self->ours,
                         ladder_profile_get_topics (self->ours),
                         ladder_profile_get_tombstones (self->ours, "topic"),
                         ladder_profile_get_topics (self->theirs),
                         ladder_profile_get_tombstones (self->theirs, "topic"));
  _ladder_merge_entries (self, &_ladder_merge_focus_kind, self->ours,
                         ladder_profile_get_focus (self->ours),
                         ladder_profile_get_tombstones (self->ours, "focus"),
                         ladder_profile_get_focus (self->theirs),
                         ladder_profile_get_tombstones (self->theirs, "focus"));

  if (apply)
    _ladder_profile_end_change (self->ours);

  self->applying = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHANGES]);
}

/* GObject {{{1 */

static void
ladder_merge_finalize (GObject *object)
{
  LadderMerge *self = (LadderMerge *) object;

  g_clear_object (&self->ours);
  g_clear_object (&self->theirs);
  g_clear_pointer (&self->changes, g_ptr_array_unref);

  G_OBJECT_CLASS (ladder_merge_parent_class)->finalize (object);
}

static void
ladder_merge_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LadderMerge *self = LADDER_MERGE (object);

  switch (prop_id)
    {
    case PROP_OURS:
      g_value_set_object (value, self->ours);
      break;

    case PROP_THEIRS:
      g_value_set_object (value, self->theirs);
      break;

    case PROP_CHANGES:
      g_value_set_boxed (value, self->changes->pdata);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_merge_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LadderMerge *self = LADDER_MERGE (object);

  switch (prop_id)
    {
    case PROP_OURS:
      self->ours = g_value_dup_object (value);
      break;

    case PROP_THEIRS:
      self->theirs = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_merge_class_init (LadderMergeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ladder_merge_finalize;
  object_class->get_property = ladder_merge_get_property;
  object_class->set_property = ladder_merge_set_property;

  properties [PROP_OURS] =
    g_param_spec_object ("ours", NULL, NULL,
                         LADDER_TYPE_PROFILE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_THEIRS] =
    g_param_spec_object ("theirs", NULL, NULL,
                         LADDER_TYPE_PROFILE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_CHANGES] =
    g_param_spec_boxed ("changes", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ladder_merge_init (LadderMerge *self)
{
  self->changes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->changes, NULL);
}

/* Public API {{{1 */

static const char *
name_copy (LadderProfile *profile)
{
  GFile *file = ladder_profile_get_file (profile);

  if (file != NULL)
    return g_file_peek_path (file) != NULL ? g_file_peek_path (file) : "";

  return ladder_profile_get_name (profile) != NULL ? ladder_profile_get_name (profile) : "";
}

/**
 * ladder_merge_new:
 * @ours: the copy to merge into
 * @theirs: another copy of the same profile
 * @error: return location for a #LADDER_MERGE_ERROR
 *
 * Works out what merging @theirs into @ours would change, without
 * changing either: see ladder_merge_get_changes() and ladder_merge_apply().
 *
 * Returns: (transfer full) (nullable): the merge, or %NULL when the two are
 *   not copies of one profile on one framework, or one is read-only
 */
LadderMerge *
ladder_merge_new (LadderProfile  *ours,
                  LadderProfile  *theirs,
                  GError        **error)
{
  LadderFramework *ours_framework, *theirs_framework;
  LadderMerge *self;

  g_return_val_if_fail (LADDER_IS_PROFILE (ours), NULL);
  g_return_val_if_fail (LADDER_IS_PROFILE (theirs), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_strcmp0 (ladder_profile_get_id (ours), ladder_profile_get_id (theirs)) != 0)
    {
      g_set_error (error, LADDER_MERGE_ERROR, LADDER_MERGE_ERROR_NOT_SAME_PROFILE,
                   _("“%s” and “%s” are not copies of one profile: their ids differ."),
                   name_copy (ours), name_copy (theirs));
      return NULL;
    }

  ours_framework = ladder_profile_get_framework (ours);
  theirs_framework = ladder_profile_get_framework (theirs);
  if (g_strcmp0 (ladder_framework_get_id (ours_framework),
                 ladder_framework_get_id (theirs_framework)) != 0)
    {
      g_set_error (error, LADDER_MERGE_ERROR, LADDER_MERGE_ERROR_NOT_SAME_FRAMEWORK,
                   _("“%s” follows the framework “%s” and “%s” follows “%s”: copies on different frameworks cannot be merged."),
                   name_copy (ours), ladder_framework_get_id (ours_framework),
                   name_copy (theirs), ladder_framework_get_id (theirs_framework));
      return NULL;
    }

  if (ladder_profile_get_read_only (ours) || ladder_profile_get_read_only (theirs))
    {
      LadderProfile *read_only = ladder_profile_get_read_only (ours) ? ours : theirs;
      const char *reason = ladder_profile_get_read_only_reason (read_only);

      if (reason != NULL)
        g_set_error (error, LADDER_MERGE_ERROR, LADDER_MERGE_ERROR_READ_ONLY,
                     _("%s It cannot be merged."), reason);
      else
        g_set_error (error, LADDER_MERGE_ERROR, LADDER_MERGE_ERROR_READ_ONLY,
                     _("“%s” is opened read-only: it cannot be merged."), name_copy (read_only));
      return NULL;
    }

  self = g_object_new (LADDER_TYPE_MERGE,
                       "ours", ours,
                       "theirs", theirs,
                       NULL);
  run_merge (self, FALSE);

  return self;
}

/**
 * ladder_merge_get_ours:
 * @self: a #LadderMerge
 *
 * Returns: (transfer none): the copy merged into
 */
LadderProfile *
ladder_merge_get_ours (LadderMerge *self)
{
  g_return_val_if_fail (LADDER_IS_MERGE (self), NULL);

  return self->ours;
}

/**
 * ladder_merge_get_theirs:
 * @self: a #LadderMerge
 *
 * Returns: (transfer none): the copy merged from
 */
LadderProfile *
ladder_merge_get_theirs (LadderMerge *self)
{
  g_return_val_if_fail (LADDER_IS_MERGE (self), NULL);

  return self->theirs;
}

/**
 * ladder_merge_get_changes:
 * @self: a #LadderMerge
 *
 * Gets what the merge changes in "ours", one translated sentence per
 * change, such as “New evidence “Led the incident review””. After
 * ladder_merge_apply(), what it changed.
 *
 * Returns: (transfer none) (array zero-terminated=1): the changes
 */
const char * const *
ladder_merge_get_changes (LadderMerge *self)
{
  g_return_val_if_fail (LADDER_IS_MERGE (self), NULL);

  return (const char * const *) self->changes->pdata;
}

/**
 * ladder_merge_get_n_changes:
 * @self: a #LadderMerge
 *
 * Returns: the number of changes; 0 when "ours" already holds everything
 *   "theirs" has
 */
guint
ladder_merge_get_n_changes (LadderMerge *self)
{
  g_return_val_if_fail (LADDER_IS_MERGE (self), 0);

  return self->changes->len - 1;
}

/**
 * ladder_merge_apply:
 * @self: a #LadderMerge
 *
 * Merges "theirs" into "ours", as they are now (the merge is worked out
 * again, so edits made since the preview are not lost), and updates
 * #LadderMerge:changes to what it changed. "ours" emits
 * #LadderProfile::changed once when anything changed.
 */
void
ladder_merge_apply (LadderMerge *self)
{
  g_return_if_fail (LADDER_IS_MERGE (self));

  run_merge (self, TRUE);
}

/**
 * ladder_merge_profiles:
 * @ours: the copy to merge into
 * @theirs: another copy of the same profile
 * @changes: (out) (optional) (transfer full) (array zero-terminated=1):
 *   what changed in @ours
 * @error: return location for a #LADDER_MERGE_ERROR
 *
 * Merges @theirs into @ours: ladder_merge_new() and ladder_merge_apply()
 * in one call.
 *
 * Returns: %TRUE when merged
 */
gboolean
ladder_merge_profiles (LadderProfile   *ours,
                       LadderProfile   *theirs,
                       char          ***changes,
                       GError         **error)
{
  g_autoptr (LadderMerge) merge = NULL;

  g_return_val_if_fail (LADDER_IS_PROFILE (ours), FALSE);
  g_return_val_if_fail (LADDER_IS_PROFILE (theirs), FALSE);

  merge = ladder_merge_new (ours, theirs, error);
  if (merge == NULL)
    return FALSE;

  ladder_merge_apply (merge);

  if (changes != NULL)
    *changes = g_strdupv ((char **) ladder_merge_get_changes (merge));

  return TRUE;
}

/* vim:set foldmethod=marker: */
