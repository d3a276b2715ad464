/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderLibrary: a profile's file on disk. Reading one (with the checksum
 * that tells a later change by another program), merging what another
 * program or a synced folder wrote into the profile shown, and watching
 * the profiles folder for such changes. The type is in ladder-library.c;
 * ladder-library-private.h says what each file of it does. */

#define G_LOG_DOMAIN "ladder-library"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ladder-format.h"
#include "ladder-format-private.h"
#include "ladder-library.h"
#include "ladder-library-private.h"
#include "ladder-merge.h"
#include "ladder-profile-private.h"
#include "ladder-save.h"

gboolean
_ladder_library_is_known_checksum (LadderProfile *profile,
                                   const char    *checksum)
{
  LadderProfileEntry *entry = _ladder_library_profile_entry (profile);

  return g_strcmp0 (entry->disk_checksum, checksum) == 0 ||
         g_strcmp0 (entry->writing_checksum, checksum) == 0;
}

typedef struct
{
  const char *data;
  gsize       length;
} ChecksumJob;

static gpointer
checksum_thread (gpointer data)
{
  ChecksumJob *job = data;

  return _ladder_library_checksum_of (job->data, job->length);
}

/* Any thread. The checksum of @data and the profile it holds: the two
 * each go through all of a large file, so the checksum runs on a thread
 * of its own, on another core, while this one parses. */
static LadderProfile *
read_profile_and_checksum (const char  *data,
                           gsize        length,
                           const char  *name,
                           char       **checksum_out,
                           GError     **error)
{
  ChecksumJob job = { data, length };
  g_autoptr(GThread) thread = NULL;
  LadderProfile *profile;

  thread = g_thread_try_new ("ladder-checksum", checksum_thread, &job, NULL);
  profile = ladder_format_read_profile (data, length, name, error);
  *checksum_out = thread != NULL ? g_thread_join (g_steal_pointer (&thread))
                                 : _ladder_library_checksum_of (data, length);

  return profile;
}

/* Any thread. A file its owner made read-only (no write permission, for
 * anyone or for us) opens read-only, saying so: saves would refuse it, and
 * the user is told before they type, not after. */
void
_ladder_library_check_writable (LadderProfile *profile,
                                GFile         *file)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;
  g_autofree char *reason = NULL;
  gboolean writable = TRUE;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_UNIX_MODE "," G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return;

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE))
    writable = (g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 0222) != 0;
  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE))
    writable = writable && g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE);
  if (writable)
    return;

  name = g_file_get_parse_name (file);
  reason = g_strdup_printf (_("“%s” is read-only: its permissions do not let Ladder write it. "
                              "It is shown as it is and nothing is saved to it; make the file "
                              "writable to edit it."),
                            name);
  ladder_profile_set_read_only_reason (profile, reason);
}

/* Any thread. Reads a profile file and remembers its checksum in the
 * profile's entry. */
LadderProfile *
_ladder_library_load_profile_file (GFile         *file,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(LadderProfile) profile = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *checksum = NULL;
  gsize length;

  if (!ladder_format_load_contents (file, &contents, &length, cancellable, error))
    return NULL;

  name = g_file_get_parse_name (file);
  profile = read_profile_and_checksum (contents, length, name, &checksum, error);
  if (profile == NULL)
    return NULL;

  ladder_profile_set_file (profile, file);
  g_set_str (&_ladder_library_profile_entry (profile)->disk_checksum, checksum);
  _ladder_library_check_writable (profile, file);

  return g_steal_pointer (&profile);
}

/* Main thread: merges what @file now holds (@theirs, read from bytes with
 * @checksum) into @profile. */
gboolean
_ladder_library_merge_disk_copy (LadderLibrary  *self,
                                 LadderProfile  *profile,
                                 LadderProfile  *theirs,
                                 const char     *checksum,
                                 GError        **error)
{
  g_autoptr(LadderMerge) merge = NULL;
  g_autoptr(GError) local_error = NULL;

  merge = ladder_merge_new (profile, theirs, &local_error);
  if (merge == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (ladder_profile_get_file (profile));

      g_set_error (error, local_error->domain, local_error->code,
                   _("“%s” was changed by another program and could not be merged, "
                     "so Ladder does not write over it: %s"),
                   name, local_error->message);
      return FALSE;
    }

  ladder_merge_apply (merge);
  g_set_str (&_ladder_library_profile_entry (profile)->disk_checksum, checksum);

  if (ladder_merge_get_n_changes (merge) > 0)
    _ladder_library_emit_profile_merged (self, profile, merge);

  return TRUE;
}

void
_ladder_library_set_changed_on_disk_error (GError **error,
                                           GFile   *file,
                                           GError  *read_error)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_set_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_READ_ONLY,
               _("“%s” was changed by another program and could not be read, "
                 "so Ladder does not write over it: %s"),
               name, read_error->message);
}

static void merged_save_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data);

static void
remember_other_file (LadderProfile *profile,
                     GFile         *file)
{
  GPtrArray *files = _ladder_library_entry_list (&_ladder_library_profile_entry (profile)->other_files);

  for (guint i = 0; i < files->len; i++)
    if (g_file_equal (g_ptr_array_index (files, i), file))
      return;

  g_ptr_array_add (files, g_object_ref (file));
}

/* Where @file is in the library's errors, if it is. */
gboolean
_ladder_library_find_load_error (LadderLibrary *self,
                                 GFile         *file,
                                 guint         *position)
{
  GListModel *errors = G_LIST_MODEL (self->errors);

  for (guint i = 0; i < g_list_model_get_n_items (errors); i++)
    {
      g_autoptr(LadderLoadError) other = g_list_model_get_item (errors, i);

      if (g_file_equal (ladder_load_error_get_file (other), file))
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* @file in the library's errors, in place of what was said of it before. */
static void
list_load_error (LadderLibrary *self,
                 GFile         *file,
                 const GError  *error)
{
  g_autoptr(LadderLoadError) load_error = _ladder_load_error_new (file, error);
  guint position;

  if (_ladder_library_find_load_error (self, file, &position))
    g_list_store_splice (self->errors, position, 1, (gpointer *) &load_error, 1);
  else
    g_list_store_append (self->errors, load_error);
}

/* A file mended since it was listed as not opening. */
static void
unlist_load_error (LadderLibrary *self,
                   GFile         *file)
{
  guint position;

  if (_ladder_library_find_load_error (self, file, &position))
    g_list_store_remove (self->errors, position);
}

/* Main thread: @theirs, read from @file, is the profile @profile that the
 * library already has from another file: a copy that a synced folder
 * made on a conflict ("Alex (conflicted copy).json"), or one the user put
 * there. It is merged in, never silently dropped, and the merge saved to
 * the profile's own file; @file is left as it is (merging it again
 * changes nothing). A copy that cannot be merged (another framework) is
 * listed among the files that could not be opened, with the reason. */
void
_ladder_library_merge_other_file (LadderLibrary *self,
                                  LadderProfile *profile,
                                  LadderProfile *theirs,
                                  GFile         *file)
{
  g_autoptr(LadderMerge) merge = NULL;
  g_autoptr(GError) local_error = NULL;

  if (ladder_profile_get_read_only (profile))
    return;

  merge = ladder_merge_new (profile, theirs, &local_error);
  if (merge == NULL)
    {
      g_autofree char *ours_name = g_file_get_parse_name (ladder_profile_get_file (profile));
      g_autoptr(GError) error = NULL;
      error = g_error_new (local_error->domain, local_error->code,
                           _("This file holds the profile that “%s” holds too, and cannot be "
                             "merged into it: %s"),
                           ours_name, local_error->message);
      list_load_error (self, file, error);
      return;
    }

  ladder_merge_apply (merge);
  remember_other_file (profile, file);
  if (ladder_merge_get_n_changes (merge) == 0)
    return;

  _ladder_library_emit_profile_merged (self, profile, merge);
  ladder_library_save_profile_async (self, profile, self->cancellable, merged_save_cb, NULL);
}

#define RELOAD_DELAY_MS 200

typedef struct
{
  GWeakRef       library;
  GFile         *file;
  char          *checksum;
  char          *contents;
  gsize          length;
  LadderProfile *theirs;
  GError        *error;
} Reload;

static void
reload_free (Reload *reload)
{
  g_weak_ref_clear (&reload->library);
  g_clear_object (&reload->file);
  g_clear_pointer (&reload->checksum, g_free);
  g_clear_pointer (&reload->contents, g_free);
  g_clear_object (&reload->theirs);
  g_clear_error (&reload->error);
  g_free (reload);
}

static void
reload_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Reload *reload = task_data;
  g_autofree char *name = g_file_get_parse_name (reload->file);

  if (!ladder_format_load_contents (reload->file, &reload->contents, &reload->length,
                                    cancellable, &reload->error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  reload->theirs = read_profile_and_checksum (reload->contents, reload->length, name,
                                              &reload->checksum, &reload->error);
  if (reload->theirs != NULL)
    ladder_profile_set_file (reload->theirs, reload->file);

  g_task_return_boolean (task, TRUE);
}

static LadderProfile *
find_profile_by_file (LadderLibrary *self,
                      GFile         *file)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);
      GFile *profile_file = ladder_profile_get_file (profile);

      if (profile_file != NULL && g_file_equal (profile_file, file))
        return profile;
    }

  return NULL;
}

static void
merged_save_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The next change saves again; the app's autosave shows failures. */
  if (!ladder_library_save_profile_finish (LADDER_LIBRARY (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("%s", error->message);
}

/* Main thread: what a changed file holds is merged into its profile, and
 * the merge written back when the profile held more than the file. */
static void
reload_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Reload *reload = g_task_get_task_data (G_TASK (result));
  g_autoptr(LadderLibrary) self = g_weak_ref_get (&reload->library);
  LadderProfile *profile;
  LadderProfile *known;
  g_autoptr(GError) error = NULL;
  g_autofree char *merged = NULL;
  gsize length;

  /* A library dropped meanwhile takes nothing in. */
  if (self == NULL || g_task_had_error (G_TASK (result)) ||
      g_cancellable_is_cancelled (self->cancellable))
    return;

  profile = find_profile_by_file (self, reload->file);

  /* Gone (moved away, deleted), or not a profile: nothing to take in. A
   * save refuses to write over a file it cannot read. A new file that
   * does not read is listed with those that could not be opened, as it
   * would be at the next start. */
  if (reload->theirs == NULL)
    {
      if (reload->error == NULL || g_error_matches (reload->error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return;
      g_debug ("Not merging %s: %s", g_file_peek_path (reload->file), reload->error->message);
      if (profile == NULL)
        list_load_error (self, reload->file, reload->error);
      return;
    }
  unlist_load_error (self, reload->file);

  /* A profile still being read takes in changes once it is whole. */
  known = profile != NULL ? profile
                          : ladder_library_find_profile (self, ladder_profile_get_id (reload->theirs));
  if (known != NULL && ladder_profile_get_loading (known))
    {
      g_ptr_array_add (_ladder_library_entry_list (&_ladder_library_profile_entry (known)->reload_later),
                       g_object_ref (reload->file));
      ladder_library_read_in_full (self, known);
      return;
    }

  if (profile == NULL)
    {
      /* A profile that arrived in the folder: added, or merged into the
       * one the library has under another file name. */
      if (known == NULL)
        {
          g_set_str (&_ladder_library_profile_entry (reload->theirs)->disk_checksum, reload->checksum);
          ladder_library_add_profile (self, reload->theirs);
        }
      else
        _ladder_library_merge_other_file (self, known, reload->theirs, reload->file);
      return;
    }

  if (_ladder_library_is_known_checksum (profile, reload->checksum) || ladder_profile_get_read_only (profile))
    return;

  if (!_ladder_library_merge_disk_copy (self, profile, reload->theirs, reload->checksum, &error))
    {
      g_warning ("%s", error->message);
      return;
    }

  merged = ladder_format_write_profile (profile, &length);
  if (length != reload->length || memcmp (merged, reload->contents, length) != 0)
    ladder_library_save_profile_async (self, profile, self->cancellable, merged_save_cb, NULL);
}

typedef struct
{
  LadderLibrary *self;
  GFile         *file;
} PendingReload;

static void
pending_reload_free (PendingReload *pending)
{
  g_clear_object (&pending->file);
  g_free (pending);
}

static gboolean
reload_timeout_cb (gpointer user_data)
{
  PendingReload *pending = user_data;
  LadderLibrary *self = pending->self;
  g_autoptr(GTask) task = NULL;
  gpointer key = NULL;
  Reload *reload;

  /* The source ends by returning; the table must not remove it again. */
  if (g_hash_table_steal_extended (self->reloads, pending->file, &key, NULL))
    g_object_unref (key);

  reload = g_new0 (Reload, 1);
  g_weak_ref_init (&reload->library, self);
  reload->file = g_object_ref (pending->file);
  /* No source object: a reload does not keep the library alive. */
  task = g_task_new (NULL, self->cancellable, reload_done_cb, NULL);
  g_task_set_source_tag (task, reload_timeout_cb);
  g_task_set_task_data (task, reload, (GDestroyNotify) reload_free);
  g_task_run_in_thread (task, reload_thread);

  return G_SOURCE_REMOVE;
}

/* A file written in bursts (a sync client, an editor) settles first. */
void
_ladder_library_schedule_reload (LadderLibrary *self,
                                 GFile         *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  PendingReload *pending;
  guint id;

  if (basename == NULL || basename[0] == '.' || !g_str_has_suffix (basename, ".json"))
    return;

  pending = g_new0 (PendingReload, 1);
  pending->self = self;
  pending->file = g_object_ref (file);
  id = g_timeout_add_full (G_PRIORITY_DEFAULT, RELOAD_DELAY_MS, reload_timeout_cb,
                           pending, (GDestroyNotify) pending_reload_free);
  /* Replaces (and so removes) a reload already waiting for the file. */
  g_hash_table_replace (self->reloads, g_object_ref (file), GUINT_TO_POINTER (id));
}

static void
profiles_changed_cb (GFileMonitor      *monitor,
                     GFile             *file,
                     GFile             *other_file,
                     GFileMonitorEvent  event,
                     LadderLibrary     *self)
{
  switch (event)
    {
    /* A file written in place (a program that writes it in several goes,
     * a sync client) is whole once its writer closes it, which the
     * monitor says with this hint; for a file that appears without being
     * written (a hard link) it gives the hint too, a moment later. */
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    /* Moved in whole, from elsewhere. */
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      _ladder_library_schedule_reload (self, file);
      break;

    /* Just made, most likely still empty or half-written: read when
     * done, else a new profile would be listed as broken. */
    case G_FILE_MONITOR_EVENT_CREATED:
      break;

    case G_FILE_MONITOR_EVENT_RENAMED:
      /* How a save replaces a file: a temporary file renamed over it. */
      if (other_file != NULL)
        _ladder_library_schedule_reload (self, other_file);
      break;

    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    default:
      break;
    }
}

/* profiles/ appeared (a first save, a synced folder arriving). */
static void
data_folder_changed_cb (GFileMonitor      *monitor,
                        GFile             *file,
                        GFile             *other_file,
                        GFileMonitorEvent  event,
                        LadderLibrary     *self)
{
  GFile *child = event == G_FILE_MONITOR_EVENT_RENAMED ? other_file : file;
  g_autofree char *basename = child != NULL ? g_file_get_basename (child) : NULL;

  if ((event == G_FILE_MONITOR_EVENT_CREATED ||
       event == G_FILE_MONITOR_EVENT_MOVED_IN ||
       event == G_FILE_MONITOR_EVENT_RENAMED) &&
      g_strcmp0 (basename, "profiles") == 0)
    _ladder_library_watch_profiles (self);
}

/* Watches profiles/ or, while it does not exist, the data folder for it
 * to appear; with no data folder either, the first save makes both and
 * calls this again. */
void
_ladder_library_watch_profiles (LadderLibrary *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  folder = g_file_get_child (self->directory, "profiles");
  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      if (self->folder_monitor != NULL)
        return;

      self->folder_monitor = g_file_monitor_directory (self->directory, G_FILE_MONITOR_WATCH_MOVES,
                                                       self->cancellable, &error);
      if (self->folder_monitor == NULL)
        g_debug ("Not watching %s: %s", g_file_peek_path (self->directory), error->message);
      else
        g_signal_connect (self->folder_monitor, "changed", G_CALLBACK (data_folder_changed_cb), self);
      return;
    }

  self->monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES,
                                            self->cancellable, &error);
  if (self->monitor == NULL)
    {
      /* Not fatal: the library works, it only will not see changes made
       * elsewhere until it loads again; saves still merge first. */
      g_debug ("Not watching %s: %s", g_file_peek_path (folder), error->message);
      return;
    }

  g_signal_connect (self->monitor, "changed", G_CALLBACK (profiles_changed_cb), self);
  _ladder_library_stop_monitor (self, &self->folder_monitor);

  /* What came with a folder that appeared after the load. A folder
   * listing, once: small next to the files' own reading on a worker. */
  enumerator = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (enumerator != NULL)
    {
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (enumerator, NULL, &child, NULL, NULL) || child == NULL)
        break;
      if (find_profile_by_file (self, child) == NULL)
        _ladder_library_schedule_reload (self, child);
    }
}
