/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the files of LadderLibrary share, and nothing else sees. The
 * library is one type written in several files, one job each:
 *
 *   ladder-library.c             the object, its lists and their order,
 *                                profile entries, file names, adding and
 *                                removing profiles
 *   ladder-library-disk.c        reading a profile file, merging what
 *                                another program wrote, watching the folder
 *   ladder-library-heads.c       the cache of profile heads, and reading a
 *                                profile shown from its head in full
 *   ladder-library-load.c        loading the data folder
 *   ladder-library-drafts.c      check-in drafts
 *   ladder-library-frameworks.c  imported frameworks: rename, remove,
 *                                restore
 *   ladder-library-save.c        saving a profile
 */

#pragma once

#include <gio/gio.h>

#include "ladder-library.h"
#include "ladder-merge.h"

G_BEGIN_DECLS

struct _LadderLibrary
{
  GObject     parent_instance;

  GFile      *directory;
  GListStore *frameworks;
  GListStore *profiles;
  GListStore *errors;
  GHashTable *bundled;  /* LadderFramework set, borrowed from the store */
  GHashTable *framework_files;  /* imported LadderFramework → its GFile */

  GFileMonitor *monitor;         /* profiles/ */
  GFileMonitor *folder_monitor;  /* the data folder, until profiles/ exists */
  GHashTable   *reloads;  /* GFile → timeout id: a file that changed, soon read */
  GCancellable *cancellable;

  /* A profile shown from its head is being read in full, or its
   * evidence read is going into it (handover, see ladder-library-heads.c),
   * at most evidence_step entries at a time. */
  gboolean      completing;
  struct _LadderHandover *handover;
  guint         evidence_step;
  /* How many evidence entries the profiles shown from their heads may
   * bring into memory unasked (see ladder_library_set_read_ahead()). */
  guint         read_ahead;
  /* Nothing is read ahead, only what is asked for (see
   * ladder_library_hold_read_ahead()). */
  gboolean      read_ahead_held;
};

/* What the library knows of a profile beyond the profile itself: how its
 * file stood when last read or written, and what waits for it. One entry
 * per profile, made by the library on first use and kept on the profile
 * (under one key), because profiles are read on worker threads before
 * they are listed, and a removed one keeps its entry for an undo. Nothing
 * outside this file sees it. */
typedef struct
{
  /* What the file held when it was last read or written, as a checksum:
   * a file whose checksum differs was written by someone else (another
   * program, a synced folder), and what it holds is merged in before
   * anything is written over it. */
  char      *disk_checksum;
  /* The checksum of a write in progress: the file monitor hears of our
   * own write, maybe before the write's callback runs. */
  char      *writing_checksum;
  /* The other files of the profile that were merged into it (GFile): a
   * removal moves them aside too, or the next load would bring the
   * profile back. */
  GPtrArray *other_files;
  /* While a profile is shown from its head: that head, and how many
   * changes the profile had when it was shown. */
  char      *head;
  guint64    changes_at_head;
  gboolean   shown_from_head;
  /* Someone needs it whole (ladder_library_read_in_full(), a save, a
   * change on disk): it is read next, whatever the read-ahead. */
  gboolean   wanted;
  /* Read in full and not changed since (the changes it had then): a save
   * has nothing to write. */
  guint64    changes_at_read;
  gboolean   read_in_full;
  /* Files changed on disk while the profile was loading, read again once
   * it is whole (GFile), and saves asked for meanwhile (GTask). */
  GPtrArray *reload_later;
  GPtrArray *waiting_saves;
  /* Where ladder_library_remove_profile() moved the file, for
   * ladder_library_restore_profile(). */
  GFile     *aside;
} LadderProfileEntry;

typedef struct
{
  GFile    *file;
  GVariant *key;
  char     *head;
  GArray   *days;       /* guint32: see _ladder_profile_dup_evidence_days() */
  GVariant *focus_evidence; /* see _ladder_profile_dup_focus_evidence() */
  GVariant *basis;      /* see _ladder_team_basis_new() */
} LadderHeadWrite;

gboolean _ladder_library_find_load_error (LadderLibrary *self,
                                          GFile         *file,
                                          guint         *position);

LadderLoadError *_ladder_load_error_new (GFile        *file,
                                         const GError *error);

LadderProfileEntry *_ladder_library_profile_entry (LadderProfile *profile);
void _ladder_library_emit_profile_merged (LadderLibrary *self,
                                          LadderProfile *profile,
                                          LadderMerge   *merge);

/* ladder-library.c */
void
_ladder_library_stop_monitor (LadderLibrary  *self,
                              GFileMonitor  **monitor);

void
_ladder_library_disconnect_profiles (LadderLibrary *self);

int
_ladder_library_compare_frameworks (gconstpointer a,
                                    gconstpointer b,
                                    gpointer      user_data);

int
_ladder_library_compare_profiles (gconstpointer a,
                                  gconstpointer b,
                                  gpointer      user_data);

int
_ladder_library_compare_load_errors (gconstpointer a,
                                     gconstpointer b);

void
_ladder_library_profile_name_changed_cb (LadderProfile *profile,
                                         GParamSpec    *pspec,
                                         LadderLibrary *self);

void
_ladder_library_track_profile (LadderLibrary *self,
                               LadderProfile *profile);

GPtrArray *
_ladder_library_entry_list (GPtrArray **list);

char *
_ladder_library_checksum_of (const char *data,
                             gsize       length);

char *
_ladder_library_file_name_for_id (const char *id,
                                  const char *fallback);

char *
_ladder_library_legacy_file_name_for_id (const char *id,
                                         const char *fallback);

gboolean
_ladder_library_save_library_file (GFile         *directory,
                                   GFile         *file,
                                   const char    *contents,
                                   gsize          length,
                                   GCancellable  *cancellable,
                                   GError       **error);

gboolean
_ladder_library_save_owned_contents (LadderLibrary  *self,
                                     GFile          *file,
                                     char           *contents,
                                     gsize           length,
                                     GCancellable   *cancellable,
                                     GError        **error);

gboolean
_ladder_library_move_aside (GFile   *file,
                            GFile  **aside,
                            GError **error);

/* ladder-library-disk.c */
gboolean
_ladder_library_is_known_checksum (LadderProfile *profile,
                                   const char    *checksum);

void
_ladder_library_check_writable (LadderProfile *profile,
                                GFile         *file);

LadderProfile *
_ladder_library_load_profile_file (GFile         *file,
                                   GCancellable  *cancellable,
                                   GError       **error);

gboolean
_ladder_library_merge_disk_copy (LadderLibrary  *self,
                                 LadderProfile  *profile,
                                 LadderProfile  *theirs,
                                 const char     *checksum,
                                 GError        **error);

void
_ladder_library_set_changed_on_disk_error (GError **error,
                                           GFile   *file,
                                           GError  *read_error);

void
_ladder_library_merge_other_file (LadderLibrary *self,
                                  LadderProfile *profile,
                                  LadderProfile *theirs,
                                  GFile         *file);

void
_ladder_library_schedule_reload (LadderLibrary *self,
                                 GFile         *file);

void
_ladder_library_watch_profiles (LadderLibrary *self);

/* ladder-library-heads.c */
GVariant *
_ladder_library_file_key (GFile *file);

gboolean
_ladder_library_has_head (GFile *directory,
                          GFile *file);

void
_ladder_library_write_head (GFile      *directory,
                            GFile      *file,
                            GVariant   *key,
                            const char *head,
                            GArray     *days,
                            GVariant   *focus_evidence,
                            GVariant   *basis);

gboolean
_ladder_library_is_unreadable (GFile *directory,
                               GFile *file);

void
_ladder_library_keep_unreadable (GFile    *directory,
                                 GFile    *file,
                                 GVariant *key);

void
_ladder_library_remove_head (GFile *directory,
                             GFile *file);

void
_ladder_library_remove_stale_heads (GFile     *directory,
                                    GPtrArray *names);

void
_ladder_library_mark_changes (guint64       *changes,
                              gboolean      *marked,
                              LadderProfile *profile);

gboolean
_ladder_library_is_unchanged_since_read (LadderProfile *profile);

LadderProfile *
_ladder_library_load_profile_head (GFile *directory,
                                   GFile *file);

LadderProfile *
_ladder_library_profile_from_head (GFile      *file,
                                   const char *head,
                                   GArray     *days,
                                   GVariant   *focus_evidence,
                                   GVariant   *basis);

void
_ladder_library_head_write_free (LadderHeadWrite *write);

void
_ladder_library_write_heads_thread (GTask        *task,
                                    gpointer      source_object,
                                    gpointer      task_data,
                                    GCancellable *cancellable);

void
_ladder_library_complete_now (LadderLibrary *self,
                              LadderProfile *profile);

void
_ladder_library_start_completion (LadderLibrary *self);

void
_ladder_library_stop_handover (LadderLibrary *self);

/* How many evidence entries of a profile read in full go into it per
 * turn of the main loop; 0 holds them back until it is set again. All
 * at once by default: in steps of 2,000, bench-app's worst stall while
 * typing as the evidence arrives grew (its main thread's CPU, median of
 * 5: 83 ms at once, 196 ms in steps), its time spent making and
 * measuring the Evidence tab's rows, which the tab filters incrementally
 * while the profile is "loading", now with entries to show. */
#define LADDER_LIBRARY_EVIDENCE_STEP G_MAXUINT
void
_ladder_library_set_evidence_step (LadderLibrary *self,
                                   guint          n_entries);

/* ladder-library-load.c */
GPtrArray *
_ladder_library_list_json_files (GFile         *folder,
                                 GCancellable  *cancellable,
                                 GError       **error);

/* ladder-library-drafts.c */
void
_ladder_library_move_draft (LadderLibrary *self,
                            LadderProfile *profile,
                            const char    *from_suffix,
                            const char    *to_suffix);

/* ladder-library-save.c */
void
_ladder_library_save_step (GTask *task);

G_END_DECLS
