/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the files of LadderProfile share, and nothing else sees: the
 * struct, and the helpers each file uses of another. Merges, loaders
 * and undo go through ladder-profile-private.h instead. The profile is
 * one type written in several files, one job each:
 *
 *   ladder-profile.c           the object, grouping changes into one
 *                              "changed", the details, "loading"
 *   ladder-profile-ratings.c   the ratings
 *   ladder-profile-evidence.c  the evidence, its counts per behaviour
 *                              and its days
 *   ladder-profile-checkins.c  the check-ins with their actions, and the
 *                              promotions
 *   ladder-profile-topics.c    the agenda's topics
 *   ladder-profile-focus.c     the focus plan, and its progress
 *   ladder-profile-merge.c     tombstones, and what merges, undo and the
 *                              library do to the profile as a whole
 */

#pragma once

#include "ladder-profile.h"

G_BEGIN_DECLS

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
  GListStore *focus;
  GHashTable *focus_by_id;             /* id → LadderFocus */

  /* Keys are owned strings, values GDateTime. */
  GHashTable *evidence_tombstones;
  GHashTable *checkin_tombstones;
  GHashTable *promotion_tombstones;
  GHashTable *topic_tombstones;
  GHashTable *focus_tombstones;

  /* Behaviour id → number of live evidence entries, built on demand and
   * dropped when evidence is added, removed or relinked: the progress
   * view asks for every behaviour on screen. */
  GHashTable *evidence_counts;

  /* While "loading": the day (Julian) of each live evidence entry, as the
   * library's head of the file gives them, for what counts evidence
   * before it is read. */
  GArray *head_evidence_days;
  /* While "loading": focus id → how many entries count toward that
   * focus (see ladder_profile_get_focus_progress()), as the head gives
   * them; NULL when the head does not say. */
  GVariant *head_focus_evidence;
};

/* Emits "changed", or once at the end of the outermost
 * _ladder_profile_begin_change() … _end_change(). */
void _ladder_profile_mark_changed               (LadderProfile   *self);

/* Each entry the profile holds is watched: a change to it is a change
 * to the profile. A check-in is watched with its actions. */
void _ladder_profile_rating_notify_cb           (LadderRating    *rating,
                                                 GParamSpec      *pspec,
                                                 LadderProfile   *self);
void _ladder_profile_evidence_notify_cb         (LadderEvidence  *evidence,
                                                 GParamSpec      *pspec,
                                                 LadderProfile   *self);
void _ladder_profile_promotion_notify_cb        (LadderPromotion *promotion,
                                                 GParamSpec      *pspec,
                                                 LadderProfile   *self);
void _ladder_profile_topic_notify_cb            (LadderTopic     *topic,
                                                 GParamSpec      *pspec,
                                                 LadderProfile   *self);
void _ladder_profile_focus_notify_cb            (LadderFocus     *focus,
                                                 GParamSpec      *pspec,
                                                 LadderProfile   *self);
void _ladder_profile_watch_checkin              (LadderProfile   *self,
                                                 LadderCheckin   *checkin);
void _ladder_profile_unwatch_checkin            (LadderProfile   *self,
                                                 LadderCheckin   *checkin);

/* Drops the counts of evidence per behaviour, after the evidence or an
 * entry's behaviours changed. */
void _ladder_profile_invalidate_evidence_counts (LadderProfile   *self);

G_END_DECLS
