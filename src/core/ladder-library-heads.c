/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderLibrary: the cache of profile heads, which shows a large profile
 * before its evidence is read, and the reading of such a profile in full
 * afterwards. */

#define G_LOG_DOMAIN "ladder-library"

#include "config.h"

#include <errno.h>
#include <string.h>
#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

#include "ladder-format.h"
#include "ladder-format-private.h"
#include "ladder-library.h"
#include "ladder-library-private.h"
#include "ladder-merge.h"
#include "ladder-profile-private.h"
#include "ladder-save.h"
#include "ladder-team-private.h"

/* A large profile is shown before its evidence is read. Out of the data
 * folder, in the user's cache, the library keeps the head of each profile
 * file: what the file holds but its live evidence entries (see
 * _ladder_format_write_profile_head()), with the device, inode, size and
 * times the file had. A file that still has all of them is shown from its
 * head at once, marked #LadderProfile:loading, and read in full all the
 * same on a worker; its evidence joins it then. Anything that would write
 * the profile, merge into it or remove it waits for that, or reads the file
 * at once. A head whose file does not match is never used; one the file
 * contradicts (it cannot be told apart by its times) is merged with the
 * file, as a copy changed on disk is. */

#define HEAD_MAGIC "ladder-profile-head"
/* Version 2 keeps the day of each live evidence entry beside the head, so
 * that what counts evidence by date (the Team view's cards) needs no
 * entry read. Version 3 keeps beside them what the Team view's card of
 * the profile shows that does not depend on the day (see
 * _ladder_team_basis_new()), so that listing a manager's team computes
 * nothing of each profile again: a change to what that holds, or to how
 * it is computed, takes a new version, as the old heads would say
 * otherwise. Version 4: the card's progress is the profile's own, the
 * share of the current level shown, no longer the target level's.
 * Version 5 keeps what counts toward each focus. Version 6: the card's
 * basis says the profile's id and owner, so that the Team view can show
 * a manager's team from the heads alone, before the library loads
 * (ladder_library_peek_team()). */
#define HEAD_VERSION 6
#define HEAD_TYPE "(su(tttxuxu)saua{su}" LADDER_TEAM_BASIS_TYPE ")"
#define HEAD_KEY_TYPE "(tttxuxu)"

#define HEAD_KEY_ATTRIBUTES \
  G_FILE_ATTRIBUTE_UNIX_DEVICE "," G_FILE_ATTRIBUTE_UNIX_INODE "," \
  G_FILE_ATTRIBUTE_STANDARD_SIZE "," \
  G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC "," \
  G_FILE_ATTRIBUTE_TIME_CHANGED "," G_FILE_ATTRIBUTE_TIME_CHANGED_NSEC

/* Any thread. What tells whether @file was written since: its device,
 * inode, size, and the times of its last change of contents and of its
 * inode (which no program can set back), to the nanosecond; NULL where
 * the file system does not say. */
GVariant *
_ladder_library_file_key (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, HEAD_KEY_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL ||
      !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_INODE) ||
      !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_CHANGED_NSEC) ||
      !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC))
    return NULL;

  return g_variant_ref_sink (g_variant_new (HEAD_KEY_TYPE,
    (guint64) g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_DEVICE),
    g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE),
    g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_STANDARD_SIZE),
    (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED),
    g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC),
    (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_CHANGED),
    g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_CHANGED_NSEC)));
}

/* Any thread. Only the files of the data folder's profiles/ have heads. */
gboolean
_ladder_library_has_head (GFile *directory,
                          GFile *file)
{
  g_autoptr(GFile) profiles = g_file_get_child (directory, "profiles");
  g_autoptr(GFile) parent = file != NULL ? g_file_get_parent (file) : NULL;

  return parent != NULL && g_file_equal (parent, profiles);
}

/* Any thread. The folder of the heads of @directory's profiles: one per
 * data folder, so that each can drop the heads of its files that are
 * gone. */
static GFile *
head_folder (GFile *directory)
{
  g_autofree char *uri = g_file_get_uri (directory);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);

  hash[16] = '\0';

  return g_file_new_build_filename (g_get_user_cache_dir (), "ladder", "heads", hash, NULL);
}

static GFile *
head_file (GFile *directory,
           GFile *file)
{
  g_autoptr(GFile) folder = head_folder (directory);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_strconcat (basename, ".head", NULL);

  return g_file_get_child (folder, name);
}

/* Any thread. The head kept for @file, of HEAD_TYPE, if the file is as
 * it was then; else NULL. The cache's file is mapped, not read: what
 * looks only at the basis at its end reads only that. */
static GVariant *
open_head (GFile *directory,
           GFile *file)
{
  g_autoptr(GFile) cache = head_file (directory, file);
  g_autofree char *path = g_file_get_path (cache);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) head = NULL;
  g_autoptr(GVariant) key = NULL;
  g_autoptr(GVariant) kept_key = NULL;
  const char *magic;
  guint32 version;

  /* A head is only ever replaced whole (see _ladder_library_write_head()),
   * never written over in place, so a mapping of it cannot shrink. */
  mapped = path != NULL ? g_mapped_file_new (path, FALSE, NULL) : NULL;
  if (mapped == NULL)
    return NULL;

  key = _ladder_library_file_key (file);
  if (key == NULL)
    return NULL;

  /* GVariant reads any bytes as any type without harm: a head of another
   * version reads as nonsense that its magic and version refuse. */
  bytes = g_mapped_file_get_bytes (mapped);
  head = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (HEAD_TYPE), bytes, FALSE));
  g_variant_get_child (head, 0, "&s", &magic);
  g_variant_get_child (head, 1, "u", &version);
  kept_key = g_variant_get_child_value (head, 2);
  if (!g_str_equal (magic, HEAD_MAGIC) || version != HEAD_VERSION || !g_variant_equal (key, kept_key))
    return NULL;

  return g_steal_pointer (&head);
}

/* A head with no JSON: what the library keeps of a file that did not
 * read (see _ladder_library_keep_unreadable()). */
static gboolean
head_is_unreadable (GVariant *head)
{
  const char *json;

  g_variant_get_child (head, 3, "&s", &json);

  return *json == '\0';
}

/* Any thread. Whether @file, as it is, did not read when it was last
 * read in full: a load reads it itself then, rather than list it from a
 * head skimmed from it (see list_from_skim() in ladder-library-load.c),
 * which would show it for as long as its reading takes, each time. */
gboolean
_ladder_library_is_unreadable (GFile *directory,
                               GFile *file)
{
  g_autoptr(GVariant) head = open_head (directory, file);

  return head != NULL && head_is_unreadable (head);
}

/* Any thread. Keeps that @file, as it was (@key) when it was read, does
 * not read: a head with no JSON, no evidence and an empty card, which
 * nothing lists it from. */
void
_ladder_library_keep_unreadable (GFile    *directory,
                                 GFile    *file,
                                 GVariant *key)
{
  g_autoptr(GVariant) focus_evidence = NULL;
  g_autoptr(GVariant) basis = NULL;

  focus_evidence = g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("{su}"), NULL, 0));
  /* No bytes read as the type's default value: empty strings, zeros. */
  basis = g_variant_ref_sink (g_variant_new_from_data (G_VARIANT_TYPE (LADDER_TEAM_BASIS_TYPE), "", 0, FALSE,
                                                       NULL, NULL));
  _ladder_library_write_head (directory, file, key, "", NULL, focus_evidence, basis);
}

/* Any thread. The head kept for @file, if the file is as it was then,
 * the days of its evidence entries, what of them counts toward each
 * focus, and its card's basis. */
static char *
read_head (GFile     *directory,
           GFile     *file,
           gsize     *length,
           GArray   **days,
           GVariant **focus_evidence,
           GVariant **basis)
{
  g_autoptr(GVariant) kept = open_head (directory, file);
  const char *head;
  g_autoptr(GVariant) kept_days = NULL;
  g_autoptr(GVariant) kept_focus_evidence = NULL;
  g_autoptr(GVariant) kept_basis = NULL;
  gconstpointer day_data;
  gsize n_days;

  if (kept == NULL)
    return NULL;

  g_variant_get (kept, "(&su@" HEAD_KEY_TYPE "&s@au@a{su}@" LADDER_TEAM_BASIS_TYPE ")",
                 NULL, NULL, NULL, &head, &kept_days, &kept_focus_evidence, &kept_basis);
  if (*head == '\0')
    return NULL;

  *length = strlen (head);
  day_data = g_variant_get_fixed_array (kept_days, &n_days, sizeof (guint32));
  *days = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n_days);
  g_array_append_vals (*days, day_data, n_days);
  /* Copies of their own, which hold no reference to the whole file. */
  *focus_evidence = g_variant_get_normal_form (kept_focus_evidence);
  *basis = g_variant_get_normal_form (kept_basis);

  return g_strdup (head);
}

/**
 * ladder_library_peek_team:
 * @self: a #LadderLibrary
 * @today: the day to count from
 *
 * The people of a manager's team (the profiles whose owner is the
 * manager) summed up from the heads the library kept of their files the
 * last time it loaded, before it loads again: what the Team view shows
 * in the window's first frame. Nothing of the files is read but whether
 * they changed. It is all or nothing: a profile file with no head that
 * matches it, which a load would read itself, or two files of one
 * profile, which it would merge, leave the team to the load.
 *
 * Returns: (transfer full) (element-type LadderTeamSummary) (nullable):
 *   the summaries, in no order; %NULL when the heads do not make the
 *   whole team, or there is no one in it
 */
GPtrArray *
ladder_library_peek_team (LadderLibrary *self,
                          const GDate   *today)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) team = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (LADDER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  folder = g_file_get_child (self->directory, "profiles");
  names = _ladder_library_list_json_files (folder, NULL, NULL);
  if (names == NULL)
    return NULL;

  team = g_ptr_array_new_with_free_func ((GDestroyNotify) ladder_team_summary_free);
  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (folder, g_ptr_array_index (names, i));
      g_autoptr(GVariant) head = open_head (self->directory, file);
      g_autoptr(GVariant) basis = NULL;
      char *id;

      if (head == NULL)
        return NULL;
      /* Not a profile: the load lists it as a file that does not read. */
      if (head_is_unreadable (head))
        continue;

      basis = g_variant_get_child_value (head, 6);
      g_variant_get_child (basis, 0, "s", &id);
      if (!g_hash_table_add (ids, id))
        return NULL;

      if (_ladder_team_basis_get_owner (basis) == LADDER_RATER_MANAGER)
        g_ptr_array_add (team, _ladder_team_summary_new_from_basis (basis, today));
    }

  return team->len > 0 ? g_steal_pointer (&team) : NULL;
}

/* Any thread. Keeps @head for @file, which has @key; a failure only costs
 * the next start its speed. */
void
_ladder_library_write_head (GFile      *directory,
                            GFile      *file,
                            GVariant   *key,
                            const char *head,
                            GArray     *days,
                            GVariant   *focus_evidence,
                            GVariant   *basis)
{
  g_autoptr(GFile) cache = head_file (directory, file);
  g_autoptr(GFile) folder = g_file_get_parent (cache);
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *path = g_file_get_path (cache);

  if (key == NULL || head == NULL || focus_evidence == NULL || basis == NULL || path == NULL)
    return;

  variant = g_variant_new ("(su@" HEAD_KEY_TYPE "s@au@a{su}@" LADDER_TEAM_BASIS_TYPE ")",
                           HEAD_MAGIC, HEAD_VERSION, key, head,
                           g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32,
                                                      days != NULL ? days->data : NULL,
                                                      days != NULL ? days->len : 0,
                                                      sizeof (guint32)),
                           focus_evidence, basis);
  variant = g_variant_ref_sink (variant);

  /* The head holds review notes and ratings: the owner's alone. */
  if (g_mkdir_with_parents (folder_path, 0700) != 0 ||
      !g_file_set_contents_full (path, g_variant_get_data (variant), g_variant_get_size (variant),
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                 0600, &error))
    g_debug ("Could not keep the head of %s: %s", g_file_peek_path (file),
             error != NULL ? error->message : g_strerror (errno));
}

void
_ladder_library_remove_head (GFile *directory,
                             GFile *file)
{
  g_autoptr(GFile) cache = NULL;

  if (!_ladder_library_has_head (directory, file))
    return;

  cache = head_file (directory, file);
  (void) g_file_delete (cache, NULL, NULL);
}

/* Any thread. Drops the heads of files no longer in profiles/ (@names):
 * they hold what a deleted profile held. */
void
_ladder_library_remove_stale_heads (GFile     *directory,
                                    GPtrArray *names)
{
  g_autoptr(GFile) folder = head_folder (directory);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  enumerator = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (enumerator == NULL)
    return;

  for (guint i = 0; i < names->len; i++)
    g_hash_table_add (wanted, g_strconcat (g_ptr_array_index (names, i), ".head", NULL));

  for (;;)
    {
      GFileInfo *info;
      GFile *child;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, NULL, NULL) || info == NULL)
        break;

      if (!g_hash_table_contains (wanted, g_file_info_get_name (info)))
        (void) g_file_delete (child, NULL, NULL);
    }
}

/* Marks that @profile has, now, as many changes as when its file was
 * read (@at_read) or when it was shown from its head. */
void
_ladder_library_mark_changes (guint64       *changes,
                              gboolean      *marked,
                              LadderProfile *profile)
{
  *changes = _ladder_profile_get_n_changes (profile);
  *marked = TRUE;
}

static gboolean
is_unchanged_since (guint64        changes,
                    gboolean       marked,
                    LadderProfile *profile)
{
  return marked && changes == _ladder_profile_get_n_changes (profile);
}

gboolean
_ladder_library_is_unchanged_since_read (LadderProfile *profile)
{
  LadderProfileEntry *entry = _ladder_library_profile_entry (profile);

  return is_unchanged_since (entry->changes_at_read, entry->read_in_full, profile);
}

/* Any thread. The profile of @file as @head (with its evidence entries'
 * @days, what of them counts toward each focus, @focus_evidence, and its
 * card's @basis) has it, marked "loading" until the file is read in full;
 * or NULL when the head does not read. */
LadderProfile *
_ladder_library_profile_from_head (GFile      *file,
                                   const char *head,
                                   GArray     *days,
                                   GVariant   *focus_evidence,
                                   GVariant   *basis)
{
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  profile = ladder_format_read_profile (head, strlen (head), name, &error);
  if (profile == NULL || ladder_profile_get_read_only (profile))
    {
      g_debug ("Not showing %s from its head: %s", name,
               error != NULL ? error->message : "read-only");
      return NULL;
    }

  ladder_profile_set_file (profile, file);
  _ladder_library_check_writable (profile, file);
  _ladder_profile_set_loading (profile, TRUE);
  _ladder_profile_set_head_evidence_days (profile, days);
  _ladder_profile_set_head_focus_evidence (profile, focus_evidence);
  _ladder_library_profile_entry (profile)->head = g_strdup (head);
  _ladder_team_basis_attach (profile, basis);

  return g_steal_pointer (&profile);
}

/* Any thread. The profile as its head has it, or NULL (with no head, or
 * one that does not match, or does not read). */
LadderProfile *
_ladder_library_load_profile_head (GFile *directory,
                                   GFile *file)
{
  g_autofree char *head = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GVariant) focus_evidence = NULL;
  g_autoptr(GVariant) basis = NULL;
  gsize length;

  head = read_head (directory, file, &length, &days, &focus_evidence, &basis);
  if (head == NULL)
    return NULL;

  return _ladder_library_profile_from_head (file, head, days, focus_evidence, basis);
}

void
_ladder_library_head_write_free (LadderHeadWrite *write)
{
  g_clear_object (&write->file);
  g_clear_pointer (&write->key, g_variant_unref);
  g_clear_pointer (&write->head, g_free);
  g_clear_pointer (&write->days, g_array_unref);
  g_clear_pointer (&write->focus_evidence, g_variant_unref);
  g_clear_pointer (&write->basis, g_variant_unref);
  g_free (write);
}

void
_ladder_library_write_heads_thread (GTask        *task,
                                    gpointer      source_object,
                                    gpointer      task_data,
                                    GCancellable *cancellable)
{
  GPtrArray *writes = task_data;
  GFile *directory = g_object_get_data (G_OBJECT (task), "directory");

  for (guint i = 0; i < writes->len; i++)
    {
      LadderHeadWrite *write = g_ptr_array_index (writes, i);

      _ladder_library_write_head (directory, write->file, write->key, write->head, write->days,
                                  write->focus_evidence, write->basis);
    }

  g_task_return_boolean (task, TRUE);
}

/* Main thread. What is left to do once @profile, shown from its head, is
 * whole: it reads as its file (@full) now, and what waited for it goes
 * on. @unchanged: nothing was changed in it since it was shown. */
static void
done_loading (LadderLibrary *self,
              LadderProfile *profile,
              LadderProfile *full,
              gboolean       matched,
              gboolean       unchanged)
{
  LadderProfileEntry *entry = _ladder_library_profile_entry (profile);
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&entry->waiting_saves);
  g_autoptr(GPtrArray) later = NULL;

  g_set_str (&entry->disk_checksum, _ladder_library_profile_entry (full)->disk_checksum);
  g_clear_pointer (&entry->head, g_free);
  entry->shown_from_head = FALSE;
  if (unchanged && matched)
    _ladder_library_mark_changes (&entry->changes_at_read, &entry->read_in_full, profile);
  g_debug ("Read %s in full (%s since shown, head %s)",
           g_file_peek_path (ladder_profile_get_file (profile)),
           unchanged ? "unchanged" : "changed", matched ? "matched" : "contradicted");

  _ladder_profile_set_loading (profile, FALSE);

  for (guint i = 0; waiting != NULL && i < waiting->len; i++)
    _ladder_library_save_step (g_ptr_array_index (waiting, i));
  if (waiting != NULL)
    g_ptr_array_set_free_func (waiting, NULL);

  later = g_steal_pointer (&entry->reload_later);
  for (guint i = 0; later != NULL && i < later->len; i++)
    _ladder_library_schedule_reload (self, g_ptr_array_index (later, i));
}

/* The evidence of a profile read in full going into the profile shown
 * from its head, LadderLibrary:evidence_step entries at a time (all at
 * once by default, see ladder-library-private.h): 20,000 entries in one
 * go keep the main loop from drawing or taking a key for tens of
 * milliseconds (the list's sort model placing them, a hash insert and a
 * notify handler each). Its last entries go first, each step's before
 * the last one's, so that a log kept in order shows its newest at once,
 * and a view sorted newest first gets the older ones below what it
 * shows. The profile stays "loading" until the last step and emits one
 * "changed" then: a save asked for meanwhile waits for that, as do a
 * change of its file on disk and whatever takes all of the profile;
 * what cannot wait (_ladder_library_complete_now()) takes the steps
 * left at once. One at a time: the next profile is read once it is
 * done. */
struct _LadderHandover
{
  LadderProfile *profile;
  LadderProfile *full;       /* what is left of the file's evidence */
  guint64        changes;    /* the profile's when the steps began */
  gboolean       unchanged;  /* since shown from its head, until then */
  gboolean       added;
  guint          idle_id;
};
typedef struct _LadderHandover Handover;

static void
handover_free (Handover *handover)
{
  g_clear_handle_id (&handover->idle_id, g_source_remove);
  g_clear_object (&handover->profile);
  g_clear_object (&handover->full);
  g_free (handover);
}

/* Main thread. Nothing more goes into the profile: the library is
 * going, and the profile with it, still "loading". */
void
_ladder_library_stop_handover (LadderLibrary *self)
{
  g_clear_pointer (&self->handover, handover_free);
}

static void next_completion (LadderLibrary *self);

/* Main thread. Moves up to @max more entries; after the last, the
 * profile is whole and the next one is read. Returns whether it is. */
static gboolean
handover_step (LadderLibrary *self,
               guint          max)
{
  Handover *handover = self->handover;
  gboolean unchanged;

  if (_ladder_profile_take_evidence_step (handover->profile, handover->full, max) > 0)
    handover->added = TRUE;
  if (g_list_model_get_n_items (ladder_profile_get_evidence (handover->full)) > 0)
    return FALSE;

  self->handover = NULL;
  unchanged = handover->unchanged &&
              _ladder_profile_get_n_changes (handover->profile) == handover->changes;
  _ladder_profile_take_evidence_end (handover->profile, handover->full, handover->added);
  done_loading (self, handover->profile, handover->full, TRUE, unchanged);
  handover_free (handover);

  self->completing = FALSE;
  next_completion (self);

  return TRUE;
}

/* Below drawing and input: a key typed meanwhile waits for one step at
 * most. */
static gboolean
handover_step_cb (gpointer data)
{
  LadderLibrary *self = data;

  if (self->evidence_step > 0 && !handover_step (self, self->evidence_step))
    return G_SOURCE_CONTINUE;

  /* Done (the source is gone with the handover), or held. */
  if (self->handover != NULL)
    self->handover->idle_id = 0;
  return G_SOURCE_REMOVE;
}

static void
handover_schedule (LadderLibrary *self)
{
  if (self->handover == NULL || self->handover->idle_id != 0 || self->evidence_step == 0)
    return;

  self->handover->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, handover_step_cb, self, NULL);
  g_source_set_name_by_id (self->handover->idle_id, "[ladder] evidence handover");
}

void
_ladder_library_set_evidence_step (LadderLibrary *self,
                                   guint          n_entries)
{
  g_return_if_fail (LADDER_IS_LIBRARY (self));

  self->evidence_step = n_entries;
  handover_schedule (self);
}

/* Main thread. @profile, shown from its head, was read in full as @full
 * (or failed to read, with @error): it takes @full's evidence and is a
 * profile like any other, at once, or @in_steps (see struct
 * _LadderHandover). @full_head is @full's head, when the worker that read
 * it wrote it already. */
static void
finish_loading (LadderLibrary *self,
                LadderProfile *profile,
                LadderProfile *full,
                const char    *full_head,
                const GError  *error,
                gboolean       in_steps)
{
  LadderProfileEntry *entry;
  g_autofree char *own_head = NULL;
  gboolean matched;
  gboolean unchanged;
  guint position;

  if (!ladder_profile_get_loading (profile))
    return;

  entry = _ladder_library_profile_entry (profile);

  if (full == NULL)
    {
      g_autoptr(LadderLoadError) load_error = NULL;
      g_autoptr(GPtrArray) waiting = g_steal_pointer (&entry->waiting_saves);

      /* The file went bad after its head was kept: what a load finds
       * now, the profile is not listed and the file's error is. */
      load_error = _ladder_load_error_new (ladder_profile_get_file (profile), error);
      if (g_list_store_find (self->profiles, profile, &position))
        {
          g_signal_handlers_disconnect_by_func (profile, _ladder_library_profile_name_changed_cb, self);
          g_list_store_remove (self->profiles, position);
        }
      g_list_store_append (self->errors, load_error);
      ladder_profile_set_read_only (profile, TRUE);
      _ladder_profile_set_loading (profile, FALSE);

      for (guint i = 0; waiting != NULL && i < waiting->len; i++)
        g_task_return_new_error (g_ptr_array_index (waiting, i), error->domain, error->code,
                                 "%s", error->message);
      return;
    }

  if (full_head == NULL)
    full_head = own_head = _ladder_format_write_profile_head (full, NULL);
  matched = g_strcmp0 (entry->head, full_head) == 0;
  unchanged = is_unchanged_since (entry->changes_at_head, entry->shown_from_head, profile);

  if (matched && in_steps)
    {
      Handover *handover = g_new0 (Handover, 1);

      g_assert (self->handover == NULL);
      handover->profile = g_object_ref (profile);
      handover->full = g_object_ref (full);
      handover->changes = _ladder_profile_get_n_changes (profile);
      handover->unchanged = unchanged;
      self->handover = handover;
      self->completing = TRUE;

      /* The first step at once: a profile of a few thousand entries is
       * whole in this one. */
      if (!handover_step (self, self->evidence_step))
        handover_schedule (self);
      return;
    }

  if (matched)
    _ladder_profile_take_evidence (profile, full);
  else
    {
      g_autoptr(GError) merge_error = NULL;

      if (!_ladder_library_merge_disk_copy (self, profile, full, _ladder_library_profile_entry (full)->disk_checksum,
                                            &merge_error))
        {
          /* Not a copy of it after all: never written over. */
          g_warning ("%s", merge_error->message);
          ladder_profile_set_read_only_reason (profile, merge_error->message);
          unchanged = FALSE;
        }
    }

  done_loading (self, profile, full, matched, unchanged);
}

/* Main thread. Reads the rest of a profile shown from its head now,
 * before what cannot wait for it; or, when its evidence is going into it
 * in steps, moves all that is left. */
void
_ladder_library_complete_now (LadderLibrary *self,
                              LadderProfile *profile)
{
  g_autoptr(LadderProfile) full = NULL;
  g_autoptr(GError) error = NULL;

  if (!ladder_profile_get_loading (profile))
    return;

  if (self->handover != NULL && self->handover->profile == profile)
    {
      handover_step (self, G_MAXUINT);
      return;
    }

  full = _ladder_library_load_profile_file (ladder_profile_get_file (profile), NULL, &error);
  finish_loading (self, profile, full, NULL, error, FALSE);
}

typedef struct
{
  LadderProfile *profile;
  GFile         *directory;
  GFile         *file;
  LadderProfile *full;
  char          *full_head;
  GError        *error;
} Completion;

static void
completion_free (Completion *completion)
{
  g_clear_object (&completion->profile);
  g_clear_object (&completion->directory);
  g_clear_object (&completion->file);
  g_clear_object (&completion->full);
  g_clear_pointer (&completion->full_head, g_free);
  g_clear_error (&completion->error);
  g_free (completion);
}

static void
completion_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Completion *completion = task_data;
  g_autoptr(GVariant) key = _ladder_library_file_key (completion->file);
  g_autoptr(GVariant) key_after = NULL;

  completion->full = _ladder_library_load_profile_file (completion->file, cancellable, &completion->error);
  /* A file that does not read, unchanged meanwhile, is not listed from a
   * head at the next start: it is one of the files that could not be
   * opened from the first. */
  if (completion->full == NULL && key != NULL &&
      !g_error_matches (completion->error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      (key_after = _ladder_library_file_key (completion->file)) != NULL && g_variant_equal (key, key_after))
    _ladder_library_keep_unreadable (completion->directory, completion->file, key);
  /* What finish_loading() compares with the head shown: written here, as
   * it is as long as the main thread's part of taking the evidence. */
  if (completion->full != NULL)
    completion->full_head = _ladder_format_write_profile_head (completion->full, NULL);
  g_task_return_boolean (task, TRUE);
}

#ifdef HAVE_MALLOC_TRIM
static gboolean
trim_cb (gpointer data)
{
  malloc_trim (0);
  return G_SOURCE_REMOVE;
}
#endif

static void
completion_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  LadderLibrary *self = LADDER_LIBRARY (object);
  Completion *completion = g_task_get_task_data (G_TASK (result));

  self->completing = FALSE;
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  finish_loading (self, completion->profile, completion->full, completion->full_head,
                  completion->error, TRUE);
  g_clear_object (&completion->full);
  /* Its evidence still going into it: the next once it has. */
  if (!self->completing)
    next_completion (self);
}

/* Main thread. A profile was read in full and is whole: reads the next. */
static void
next_completion (LadderLibrary *self)
{
  _ladder_library_start_completion (self);

#ifdef HAVE_MALLOC_TRIM
  /* Reading a large file leaves the memory of its JSON tree free but held
   * by the worker's allocator: give it back, once the last is read. At
   * idle, below drawing: it takes 20 to 30 ms for a file of 20,000
   * entries. */
  if (!self->completing)
    g_idle_add_full (G_PRIORITY_LOW, trim_cb, NULL, NULL);
#endif
}

/* Main thread. The profile to read in full next: the first one asked
 * for, else the first in the order of the list while the evidence of the
 * profiles read (and of that one) stays within the read-ahead; or NULL. */
static LadderProfile *
next_to_complete (LadderLibrary *self)
{
  GListModel *profiles = G_LIST_MODEL (self->profiles);
  guint n = g_list_model_get_n_items (profiles);
  LadderProfile *first = NULL;
  guint64 resident = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (profiles, i);

      if (!ladder_profile_get_loading (profile))
        resident += g_list_model_get_n_items (ladder_profile_get_evidence (profile));
      else if (_ladder_library_profile_entry (profile)->wanted)
        return profile;
      else if (first == NULL)
        first = profile;
    }

  if (first == NULL || self->read_ahead_held)
    return NULL;

  /* Reading the first one cannot wait on a budget: a library of one large
   * profile reads it whole. */
  {
    g_autoptr(GArray) days = _ladder_profile_dup_evidence_days (first);

    if (resident > 0 && resident + days->len > self->read_ahead)
      return NULL;
  }

  return first;
}

/**
 * ladder_library_set_read_ahead:
 * @self: a #LadderLibrary
 * @n_entries: how many evidence entries the profiles read in full unasked
 *   may hold in all
 *
 * Sets how far the library reads the profiles it shows from their heads
 * before anyone asks for them (%LADDER_LIBRARY_DEFAULT_READ_AHEAD): the
 * first always, the next ones while the evidence read stays within
 * @n_entries; the others are read when ladder_library_read_in_full() asks,
 * or a save or a change of their file does.
 */
void
ladder_library_set_read_ahead (LadderLibrary *self,
                               guint          n_entries)
{
  g_return_if_fail (LADDER_IS_LIBRARY (self));

  self->read_ahead = n_entries;
  _ladder_library_start_completion (self);
}

/**
 * ladder_library_hold_read_ahead:
 * @self: a #LadderLibrary
 * @hold: whether to hold the read-ahead back
 *
 * While @hold is %TRUE, the library reads no profile in full unasked (see
 * ladder_library_set_read_ahead()): only those ladder_library_read_in_full()
 * asks for, and those a save or a change of their file needs. Reading a
 * large file takes a processor and much memory: a window holds it back
 * until it has drawn what the load listed.
 */
void
ladder_library_hold_read_ahead (LadderLibrary *self,
                                gboolean       hold)
{
  g_return_if_fail (LADDER_IS_LIBRARY (self));

  self->read_ahead_held = !!hold;
  _ladder_library_start_completion (self);
}

/**
 * ladder_library_read_in_full:
 * @self: a #LadderLibrary
 * @profile: a profile of @self
 *
 * Reads @profile's evidence, when it is shown from its head
 * (#LadderProfile:loading), before any other profile not asked for: what
 * shows a person's evidence calls it. Its "loading" turns %FALSE once
 * read. Nothing happens for a profile already whole.
 */
void
ladder_library_read_in_full (LadderLibrary *self,
                             LadderProfile *profile)
{
  g_return_if_fail (LADDER_IS_LIBRARY (self));
  g_return_if_fail (LADDER_IS_PROFILE (profile));

  if (!ladder_profile_get_loading (profile))
    return;

  _ladder_library_profile_entry (profile)->wanted = TRUE;
  _ladder_library_start_completion (self);
}

/* Main thread. Reads the next profile shown from its head, one at a
 * time: those asked for first, then in the order of the list, within the
 * read-ahead. */
void
_ladder_library_start_completion (LadderLibrary *self)
{
  g_autoptr(GTask) task = NULL;
  LadderProfile *profile;
  Completion *completion;

  if (self->completing)
    return;

  profile = next_to_complete (self);
  if (profile == NULL)
    return;

  completion = g_new0 (Completion, 1);
  completion->profile = g_object_ref (profile);
  completion->directory = g_object_ref (self->directory);
  completion->file = g_object_ref (ladder_profile_get_file (profile));

  task = g_task_new (self, self->cancellable, completion_done_cb, NULL);
  g_task_set_source_tag (task, _ladder_library_start_completion);
  g_task_set_task_data (task, completion, (GDestroyNotify) completion_free);
  g_task_run_in_thread (task, completion_thread);
  self->completing = TRUE;
}
