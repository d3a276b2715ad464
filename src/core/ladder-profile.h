/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ladder-checkin.h"
#include "ladder-enums.h"
#include "ladder-evidence.h"
#include "ladder-focus.h"
#include "ladder-framework.h"
#include "ladder-promotion.h"
#include "ladder-rating.h"
#include "ladder-topic.h"

G_BEGIN_DECLS

/**
 * LadderProfileDetail:
 * @LADDER_PROFILE_NAME: the person's name
 * @LADDER_PROFILE_ROLE: their role
 * @LADDER_PROFILE_CURRENT_LEVEL: the current level
 * @LADDER_PROFILE_TARGET_LEVEL: the target level
 * @LADDER_PROFILE_CADENCE: the 1:1 cadence (kept as its file word)
 * @LADDER_PROFILE_N_DETAILS: the number of details
 *
 * The details of a profile that carry the time of their last change, so
 * that a merge of two copies keeps the newer.
 */
typedef enum
{
  LADDER_PROFILE_NAME,
  LADDER_PROFILE_ROLE,
  LADDER_PROFILE_CURRENT_LEVEL,
  LADDER_PROFILE_TARGET_LEVEL,
  LADDER_PROFILE_CADENCE,
  LADDER_PROFILE_N_DETAILS,
} LadderProfileDetail;

#define LADDER_TYPE_PROFILE (ladder_profile_get_type ())
G_DECLARE_FINAL_TYPE (LadderProfile, ladder_profile, LADDER, PROFILE, GObject)

/* One person's progress against one framework (an embedded copy).
 *
 * Properties: "id" (construct-only UUID), "name", "role", "owner"
 * (LadderRater), "framework" (LadderFramework, construct-only),
 * "current-level", "target-level" (level ids), "cadence" (LadderCadence,
 * how often the manager holds a 1:1), "read-only" (shown, never
 * written: a file of a newer version, or one its owner made read-only),
 * "read-only-reason" (why, for a person), "loading" (read-only: TRUE while
 * its evidence is still being read), "file" (GFile it was loaded from
 * or saved to, may be NULL), and the read-only GListModels "ratings"
 * (LadderRating, only rated behaviours), "evidence" (LadderEvidence, live
 * entries only), "checkins" (LadderCheckin, live entries only) and
 * "promotions" (LadderPromotion, live records of level changes only) and
 * "topics" (LadderTopic, the live agenda topics, open and ticked off) and
 * "focus" (LadderFocus, the focus plan, worked on and finished).
 *
 * Signals: "changed" is emitted after any change to the profile's data,
 * including nested ratings, evidence, check-ins and promotions: the signal
 * to autosave
 * on and to recompute progress on.
 *
 * Deleting evidence, a check-in or a promotion keeps a tombstone (id + modified) so
 * that a merge of two copies carries the deletion. */
LadderProfile   *ladder_profile_new                (const char        *id,
                                                    LadderFramework   *framework);
const char      *ladder_profile_get_id             (LadderProfile     *self);
LadderFramework *ladder_profile_get_framework      (LadderProfile     *self);
const char      *ladder_profile_get_name           (LadderProfile     *self);
void             ladder_profile_set_name           (LadderProfile     *self,
                                                    const char        *name);
const char      *ladder_profile_get_role           (LadderProfile     *self);
void             ladder_profile_set_role           (LadderProfile     *self,
                                                    const char        *role);
LadderRater      ladder_profile_get_owner          (LadderProfile     *self);
void             ladder_profile_set_owner          (LadderProfile     *self,
                                                    LadderRater        owner);
const char      *ladder_profile_get_current_level  (LadderProfile     *self);
void             ladder_profile_set_current_level  (LadderProfile     *self,
                                                    const char        *level);
const char      *ladder_profile_get_target_level   (LadderProfile     *self);
void             ladder_profile_set_target_level   (LadderProfile     *self,
                                                    const char        *level);
LadderCadence    ladder_profile_get_cadence        (LadderProfile     *self);
void             ladder_profile_set_cadence        (LadderProfile     *self,
                                                    LadderCadence      cadence);
/* When a detail last changed; NULL when it has not since it was first
 * set (see ladder_profile_get_detail_updated()). */
GDateTime       *ladder_profile_get_detail_updated (LadderProfile       *self,
                                                    LadderProfileDetail  detail);
gboolean         ladder_profile_get_loading        (LadderProfile     *self);
gboolean         ladder_profile_get_read_only      (LadderProfile     *self);
void             ladder_profile_set_read_only      (LadderProfile     *self,
                                                    gboolean           read_only);
const char      *ladder_profile_get_read_only_reason (LadderProfile   *self);
void             ladder_profile_set_read_only_reason (LadderProfile   *self,
                                                      const char      *reason);
GFile           *ladder_profile_get_file           (LadderProfile     *self);
void             ladder_profile_set_file           (LadderProfile     *self,
                                                    GFile             *file);

/* Ratings. get_rating returns NULL for a behaviour nobody rated;
 * ensure_rating adds an empty one. Returned ratings are owned by the
 * profile. */
GListModel      *ladder_profile_get_ratings        (LadderProfile     *self);
LadderRating    *ladder_profile_get_rating         (LadderProfile     *self,
                                                    const char        *behaviour_id);
LadderRating    *ladder_profile_ensure_rating      (LadderProfile     *self,
                                                    const char        *behaviour_id);
LadderRatingValue ladder_profile_get_rating_value  (LadderProfile     *self,
                                                    const char        *behaviour_id,
                                                    LadderRater        rater);
/* Sets one side's rating, stamped now. */
void             ladder_profile_rate               (LadderProfile     *self,
                                                    const char        *behaviour_id,
                                                    LadderRater        rater,
                                                    LadderRatingValue  value);
/* The same with the side's note (why the behaviour does not apply). */
void             ladder_profile_rate_with_note     (LadderProfile     *self,
                                                    const char        *behaviour_id,
                                                    LadderRater        rater,
                                                    LadderRatingValue  value,
                                                    const char        *note);

/* Evidence, in the order added. */
GListModel      *ladder_profile_get_evidence       (LadderProfile     *self);
LadderEvidence  *ladder_profile_find_evidence      (LadderProfile     *self,
                                                    const char        *id);
void             ladder_profile_add_evidence       (LadderProfile     *self,
                                                    LadderEvidence    *evidence);
/* Adds many at once (one items-changed): for loaders. */
void             ladder_profile_splice_evidence    (LadderProfile     *self,
                                                    LadderEvidence   **evidence,
                                                    guint              n_evidence);
void             ladder_profile_remove_evidence    (LadderProfile     *self,
                                                    LadderEvidence    *evidence);
/* Live evidence that backs @behaviour_id. */
guint            ladder_profile_count_evidence_for (LadderProfile     *self,
                                                    const char        *behaviour_id);

/* Check-ins, in the order added. */
GListModel      *ladder_profile_get_checkins       (LadderProfile     *self);
LadderCheckin   *ladder_profile_find_checkin       (LadderProfile     *self,
                                                    const char        *id);
void             ladder_profile_add_checkin        (LadderProfile     *self,
                                                    LadderCheckin     *checkin);
void             ladder_profile_remove_checkin     (LadderProfile     *self,
                                                    LadderCheckin     *checkin);

/* Promotions: the recorded changes of the current level, in the order
 * added. Recording one does not change the current level. */
GListModel      *ladder_profile_get_promotions     (LadderProfile     *self);
LadderPromotion *ladder_profile_find_promotion     (LadderProfile     *self,
                                                    const char        *id);
void             ladder_profile_add_promotion      (LadderProfile     *self,
                                                    LadderPromotion   *promotion);
void             ladder_profile_remove_promotion   (LadderProfile     *self,
                                                    LadderPromotion   *promotion);
/* The newest record (by date) when it led to the current level. */
LadderPromotion *ladder_profile_get_current_level_change (LadderProfile *self);

/* The agenda: topics for the next 1:1, in the order added. An open
 * topic stays on the agenda of every check-in until it is ticked off. */
GListModel      *ladder_profile_get_topics         (LadderProfile     *self);
LadderTopic     *ladder_profile_find_topic         (LadderProfile     *self,
                                                    const char        *id);
void             ladder_profile_add_topic          (LadderProfile     *self,
                                                    LadderTopic       *topic);
void             ladder_profile_remove_topic       (LadderProfile     *self,
                                                    LadderTopic       *topic);
GPtrArray       *ladder_profile_list_open_topics   (LadderProfile     *self);

/* The focus plan: at most LADDER_FOCUS_MAX_OPEN behaviours worked on at
 * a time, and the finished ones, in the order added. */
GListModel      *ladder_profile_get_focus          (LadderProfile     *self);
LadderFocus     *ladder_profile_find_focus         (LadderProfile     *self,
                                                    const char        *id);
gboolean         ladder_profile_add_focus          (LadderProfile     *self,
                                                    LadderFocus       *focus,
                                                    GError           **error);
gboolean         ladder_profile_reopen_focus       (LadderProfile     *self,
                                                    LadderFocus       *focus,
                                                    GError           **error);
void             ladder_profile_remove_focus       (LadderProfile     *self,
                                                    LadderFocus       *focus);
GPtrArray       *ladder_profile_list_open_focus    (LadderProfile     *self);
/* Those finished on or before @day, in the order added. */
GPtrArray       *ladder_profile_list_finished_focus (LadderProfile    *self,
                                                     const GDate      *day);

/**
 * LadderFocusProgress:
 * @self_rating: the engineer's rating of the behaviour
 * @manager_rating: the manager's rating of it
 * @ratings: 0 to 1: the two ratings' mean, Consistently counting 1 and
 *   Sometimes ½
 * @n_evidence: evidence entries linked to the behaviour since the focus
 *   began
 * @evidence: 0 to 1: @n_evidence out of %LADDER_FOCUS_EVIDENCE_GOAL
 * @n_steps: the steps planned
 * @n_steps_done: the steps done
 * @steps: 0 to 1: @n_steps_done out of @n_steps
 * @total: 0 to 1: the ratings weigh half, the evidence and the steps a
 *   quarter each; with no steps, the ratings two thirds and the evidence
 *   one third
 *
 * How far a focus has come, computed from the profile, never typed.
 */
typedef struct
{
  LadderRatingValue self_rating;
  LadderRatingValue manager_rating;
  double ratings;
  guint n_evidence;
  double evidence;
  guint n_steps;
  guint n_steps_done;
  double steps;
  double total;
} LadderFocusProgress;

/* Evidence entries since a focus began that count it as fully backed. */
#define LADDER_FOCUS_EVIDENCE_GOAL 3

void             ladder_profile_get_focus_progress (LadderProfile       *self,
                                                    LadderFocus         *focus,
                                                    LadderFocusProgress *progress);
char            *ladder_focus_progress_describe    (const LadderFocusProgress *progress);

/* Tombstones: ids of deleted entries with the time of deletion. @kind is
 * "evidence", "checkin", "promotion", "topic" or "focus" (an action's tombstones live in
 * its check-in).
 * Returns a hash table id → GDateTime owned by the profile. */
GHashTable      *ladder_profile_get_tombstones     (LadderProfile     *self,
                                                    const char        *kind);
void             ladder_profile_add_tombstone      (LadderProfile     *self,
                                                    const char        *kind,
                                                    const char        *id,
                                                    GDateTime         *modified);

G_END_DECLS
