/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the files of LadderMerge share, and nothing else sees. The merge
 * is one type written in several files, one job each:
 *
 *   ladder-merge.c             the object and its driver, the profile's
 *                              own details, the changes it reports
 *   ladder-merge-entries.c     entries merged by id with tombstones, and
 *                              the comparisons of versions they share
 *   ladder-merge-ratings.c     ratings, side by side
 *   ladder-merge-evidence.c    evidence
 *   ladder-merge-checkins.c    check-ins and their actions
 *   ladder-merge-promotions.c  level changes
 *   ladder-merge-topics.c      the agenda's topics
 *   ladder-merge-focus.c       the focus plan
 *
 * The top of ladder-merge.c says how the merge stays commutative and
 * idempotent. */

#pragma once

#include <gio/gio.h>

#include "ladder-merge.h"
#include "ladder-profile.h"

G_BEGIN_DECLS

struct _LadderMerge
{
  GObject        parent_instance;

  LadderProfile *ours;
  LadderProfile *theirs;
  GPtrArray     *changes;          /* translated sentences, NULL-terminated */
  gboolean       applying;
};

typedef enum
{
  CHANGE_ADDED,
  CHANGE_CHANGED,
  CHANGE_DELETED,
} ChangeKind;

/* What the merge of entries by id (ladder-merge-entries.c) asks of a kind
 * of entry. */
typedef struct
{
  const char *(*get_id)          (gpointer item);
  GDateTime  *(*get_modified)    (gpointer item);
  /* A total order of the contents, 0 when the same. */
  int         (*compare_content) (gpointer a,
                                  gpointer b);
  /* Orders two winning versions for the merged list; by id at last. */
  int         (*compare_order)   (gpointer a,
                                  gpointer b);
  void        (*describe)        (LadderMerge *self,
                                  ChangeKind   change,
                                  gpointer     item,
                                  gpointer     container);
  /* Apply only. */
  gpointer    (*copy)            (LadderMerge *self,
                                  gpointer     theirs);
  void        (*update)          (LadderMerge *self,
                                  gpointer     ours,
                                  gpointer     theirs);
  void        (*insert)          (gpointer     container,
                                  guint        position,
                                  gpointer     item);
  void        (*remove)          (gpointer     container,
                                  const char  *id,
                                  GDateTime   *deleted);
  void        (*add_tombstone)   (gpointer     container,
                                  const char  *id,
                                  GDateTime   *deleted);
  GListModel *(*get_live)        (gpointer     container);
  void        (*reorder)         (gpointer     container,
                                  GHashTable  *position);
  /* Nullable: merges what the entry holds (a check-in's actions), in the
   * preview too. */
  void        (*merge_children)  (LadderMerge *self,
                                  gpointer     ours,
                                  gpointer     theirs);
} EntryKind;

/* Orders two ids that differ for _ladder_merge_order(); never returns 0
 * for them. */
typedef int (*OrderFunc) (const char *a,
                          const char *b,
                          gpointer    user_data);

/* ladder-merge.c */
void        _ladder_merge_add_change           (LadderMerge         *self,
                                                const char          *format,
                                                ...) G_GNUC_PRINTF (2, 3);
char       *_ladder_merge_describe_day         (const GDate         *date);
char       *_ladder_merge_describe_detail      (LadderProfile       *profile,
                                                LadderProfileDetail  detail,
                                                const char          *value);
gboolean    _ladder_merge_has_behaviour        (LadderMerge         *self,
                                                const char          *behaviour_id);

/* ladder-merge-entries.c */
int         _ladder_merge_compare_times        (GDateTime           *a,
                                                GDateTime           *b);
int         _ladder_merge_compare_dates        (const GDate         *a,
                                                const GDate         *b);
int         _ladder_merge_compare_stamped      (GDateTime           *ours,
                                                GDateTime           *theirs,
                                                int                  theirs_vs_ours);
int         _ladder_merge_compare_strv         (const char * const  *a,
                                                const char * const  *b);
int         _ladder_merge_compare_extra        (gpointer             a,
                                                gpointer             b);
void        _ladder_merge_copy_extra           (gpointer             from,
                                                gpointer             to);
GPtrArray  *_ladder_merge_order                (GPtrArray           *ours,
                                                GPtrArray           *theirs,
                                                OrderFunc            compare,
                                                gpointer             user_data);
void        _ladder_merge_reorder_if_needed    (gpointer             container,
                                                GListModel          *live,
                                                const char        *(*get_id) (gpointer item),
                                                GPtrArray           *merged,
                                                void               (*reorder) (gpointer    container,
                                                                               GHashTable *position));
void        _ladder_merge_entries              (LadderMerge         *self,
                                                const EntryKind     *kind,
                                                gpointer             container,
                                                GListModel          *ours_live,
                                                GHashTable          *ours_deleted,
                                                GListModel          *theirs_live,
                                                GHashTable          *theirs_deleted);

/* ladder-merge-ratings.c */
void        _ladder_merge_ratings              (LadderMerge         *self);

/* ladder-merge-evidence.c, -checkins.c, -promotions.c, -topics.c, -focus.c */
extern const EntryKind _ladder_merge_evidence_kind;
extern const EntryKind _ladder_merge_checkin_kind;
extern const EntryKind _ladder_merge_promotion_kind;
extern const EntryKind _ladder_merge_topic_kind;
extern const EntryKind _ladder_merge_focus_kind;

G_END_DECLS
