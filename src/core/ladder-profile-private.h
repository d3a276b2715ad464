/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ladder-profile.h"

G_BEGIN_DECLS

/* For merges: a merge puts each entry where the merged order has it and
 * keeps the other copy's time of deletion, so that merging in either
 * direction writes the same file. */

/* Groups the changes made until the matching _end_change() into one
 * "changed" emission. */
void _ladder_profile_begin_change    (LadderProfile  *self);
void _ladder_profile_end_change      (LadderProfile  *self);
void _ladder_profile_insert_rating   (LadderProfile  *self,
                                      guint           position,
                                      LadderRating   *rating);
void _ladder_profile_insert_evidence (LadderProfile  *self,
                                      guint           position,
                                      LadderEvidence *evidence);
void _ladder_profile_insert_checkin  (LadderProfile  *self,
                                      guint           position,
                                      LadderCheckin  *checkin);
void _ladder_profile_insert_promotion (LadderProfile   *self,
                                       guint            position,
                                       LadderPromotion *promotion);
void _ladder_profile_insert_topic    (LadderProfile  *self,
                                      guint           position,
                                      LadderTopic    *topic);
void _ladder_profile_insert_focus    (LadderProfile  *self,
                                      guint           position,
                                      LadderFocus    *focus);
/* Puts the entries of @kind ("ratings", "evidence", "checkin",
 * "promotion", "topic" or "focus") in the order of @position (id → index + 1), for the rare
 * merge whose copies hold the same entries in different orders. */
void _ladder_profile_reorder         (LadderProfile  *self,
                                      const char     *kind,
                                      GHashTable     *position);
/* Gives @self the data of @from, another copy of it (the same id): its
 * details, ratings, evidence, check-ins, promotions and tombstones, taking @from's
 * objects, which must not be used through @from afterwards. To undo a
 * merge: @from is the copy as it was before. */
void _ladder_profile_restore         (LadderProfile  *self,
                                      LadderProfile  *from);
/* Removes a live entry of @kind ("evidence", "checkin", "promotion", "topic"
 * or "focus")
 * and keeps a tombstone stamped @deleted, whatever stamp it had before. */
void _ladder_profile_delete          (LadderProfile  *self,
                                      const char     *kind,
                                      const char     *id,
                                      GDateTime      *deleted);

/* Sets a detail and the time of its change as given (NULL: none), for
 * loaders, merges and undo. */
void _ladder_profile_set_detail         (LadderProfile       *self,
                                         LadderProfileDetail  detail,
                                         const char          *value,
                                         GDateTime           *updated);
void _ladder_profile_set_detail_updated (LadderProfile       *self,
                                         LadderProfileDetail  detail,
                                         GDateTime           *updated);

/* "loading": set by the library while it reads the evidence of a profile
 * it shows before that (see ladder-library.c). */
void    _ladder_profile_set_loading   (LadderProfile  *self,
                                       gboolean        loading);
/* Grows by one with every "changed": whether anything changed between
 * two moments. */
guint64 _ladder_profile_get_n_changes (LadderProfile  *self);
/* Moves the evidence entries and evidence tombstones of @from, another
 * copy of @self read from the same file, into @self, before any entry
 * @self has; an entry @self already has or has deleted is left out. */
void    _ladder_profile_take_evidence (LadderProfile  *self,
                                       LadderProfile  *from);
/* The same in steps, for a large file: each moves up to @max of the
 * entries @from has left, its last ones, into @self before every entry
 * @self has, with no "changed", and returns how many @self gained; once
 * @from has none left, _end() takes its tombstones and emits "changed"
 * once if any step (@added) gained an entry. Between steps, @self holds
 * the file's last entries: its newest, in a log kept in order. */
guint   _ladder_profile_take_evidence_step (LadderProfile *self,
                                            LadderProfile *from,
                                            guint          max);
void    _ladder_profile_take_evidence_end  (LadderProfile *self,
                                            LadderProfile *from,
                                            gboolean       added);

/* The Julian day of each live evidence entry (0 for one without a date),
 * in the order of the list; while the profile is "loading", as its head
 * gave them (see ladder-library-heads.c). Free with g_array_unref(). */
GArray *_ladder_profile_dup_evidence_days      (LadderProfile  *self);
/* Set by the library on a profile shown from its head; dropped once it
 * is no longer "loading". */
void    _ladder_profile_set_head_evidence_days (LadderProfile  *self,
                                                GArray         *days);

/* For each focus, by id, how many evidence entries count toward it
 * (a{su}): what a head keeps, so that a profile shown from its head shows
 * each focus's progress as it will be once its evidence is read. While
 * "loading", as its head gave them. */
GVariant *_ladder_profile_dup_focus_evidence     (LadderProfile *self);
void      _ladder_profile_set_head_focus_evidence (LadderProfile *self,
                                                   GVariant      *counts);
/* The same, from each live entry's @days and behaviours (@links, a
 * NULL-terminated list of behaviour ids each), as a reader that has not
 * made the entries finds them. */
GVariant *_ladder_profile_count_focus_evidence   (LadderProfile *self,
                                                  GArray        *days,
                                                  GPtrArray     *links);

G_END_DECLS
