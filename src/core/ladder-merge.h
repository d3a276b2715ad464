/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ladder-profile.h"

G_BEGIN_DECLS

#define LADDER_MERGE_ERROR (ladder_merge_error_quark ())
GQuark ladder_merge_error_quark (void);

/**
 * LadderMergeError:
 * @LADDER_MERGE_ERROR_NOT_SAME_PROFILE: the two profiles have different
 *   ids: they are not copies of one profile
 * @LADDER_MERGE_ERROR_NOT_SAME_FRAMEWORK: the copies embed different
 *   frameworks (different framework ids)
 * @LADDER_MERGE_ERROR_READ_ONLY: one copy was written by a newer version
 *   of Ladder and is opened read-only
 */
typedef enum
{
  LADDER_MERGE_ERROR_NOT_SAME_PROFILE,
  LADDER_MERGE_ERROR_NOT_SAME_FRAMEWORK,
  LADDER_MERGE_ERROR_READ_ONLY,
} LadderMergeError;

#define LADDER_TYPE_MERGE (ladder_merge_get_type ())
G_DECLARE_FINAL_TYPE (LadderMerge, ladder_merge, LADDER, MERGE, GObject)

/* The merge of another copy ("theirs") of a profile into one ("ours").
 *
 * Each side of each rating takes the newer "*_updated" of the two copies;
 * evidence, check-ins, the actions of a check-in and the records of
 * promotions merge by id, the newer
 * "modified" winning, and a deletion (a tombstone) wins over an entry
 * last modified no later than it was deleted. The merge is commutative and
 * idempotent: merged in either direction, two copies give the same file,
 * and merging again changes nothing.
 *
 * ladder_merge_new() works out what the merge would change in "ours"
 * without touching it (the preview); ladder_merge_apply() makes the
 * changes. Properties: "ours", "theirs" (LadderProfile, construct-only),
 * "changes" (GStrv: one translated sentence per change). */
LadderMerge         *ladder_merge_new         (LadderProfile  *ours,
                                               LadderProfile  *theirs,
                                               GError        **error);
LadderProfile       *ladder_merge_get_ours    (LadderMerge    *self);
LadderProfile       *ladder_merge_get_theirs  (LadderMerge    *self);
const char * const  *ladder_merge_get_changes (LadderMerge    *self);
guint                ladder_merge_get_n_changes (LadderMerge  *self);
void                 ladder_merge_apply       (LadderMerge    *self);

/* Merges @theirs into @ours in one go. @changes, when not NULL, receives
 * what changed (free with g_strfreev). */
gboolean             ladder_merge_profiles    (LadderProfile  *ours,
                                               LadderProfile  *theirs,
                                               char         ***changes,
                                               GError        **error);

G_END_DECLS
