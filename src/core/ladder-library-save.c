/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderLibrary: saving a profile, blocking or not, after merging what
 * its file gained since it was read. */

#define G_LOG_DOMAIN "ladder-library"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-format.h"
#include "ladder-format-private.h"
#include "ladder-library.h"
#include "ladder-library-private.h"
#include "ladder-merge.h"
#include "ladder-profile-private.h"
#include "ladder-save.h"
#include "ladder-team-private.h"

/* The file a profile is saved to, after the checks that keep Ladder from
 * writing what it must not. */
static GFile *
prepare_save (LadderLibrary  *self,
              LadderProfile  *profile,
              GError        **error)
{
  GFile *file = ladder_profile_get_file (profile);

  if (file == NULL)
    {
      g_autofree char *basename = _ladder_library_file_name_for_id (ladder_profile_get_id (profile), "profile");
      g_autoptr(GFile) folder = g_file_get_child (self->directory, "profiles");
      g_autoptr(GFile) new_file = g_file_get_child (folder, basename);

      ladder_profile_set_file (profile, new_file);
      file = new_file;
    }

  if (ladder_profile_get_read_only (profile))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      const char *reason = ladder_profile_get_read_only_reason (profile);

      if (reason != NULL)
        g_set_error_literal (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_READ_ONLY, reason);
      else
        g_set_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_READ_ONLY,
                     _("“%s” is shown read-only and is not saved."), name);
      return NULL;
    }

  /* A file that failed to load is never overwritten, whatever profile
   * now claims its name. */
  if (_ladder_library_find_load_error (self, file, NULL))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_READ_ONLY,
                   _("“%s” could not be read, so Ladder does not write over it."), name);
      return NULL;
    }

  return g_object_ref (file);
}

/* Never write over what someone else wrote: when the file on disk is not
 * what the profile last read or wrote, what it holds is merged in first.
 * A file that is gone is simply written again. */
static gboolean
merge_before_save (LadderLibrary  *self,
                   LadderProfile  *profile,
                   GFile          *file,
                   GCancellable   *cancellable,
                   GError        **error)
{
  g_autoptr(LadderProfile) theirs = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;

  if (!ladder_format_load_contents (file, &contents, &length, cancellable, &read_error))
    {
      if (g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;

      _ladder_library_set_changed_on_disk_error (error, file, read_error);
      return FALSE;
    }

  checksum = _ladder_library_checksum_of (contents, length);
  if (_ladder_library_is_known_checksum (profile, checksum))
    return TRUE;

  name = g_file_get_parse_name (file);
  theirs = ladder_format_read_profile (contents, length, name, &read_error);
  if (theirs == NULL)
    {
      _ladder_library_set_changed_on_disk_error (error, file, read_error);
      return FALSE;
    }

  return _ladder_library_merge_disk_copy (self, profile, theirs, checksum, error);
}

/**
 * ladder_library_save_profile:
 * @self: a #LadderLibrary
 * @profile: a profile
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes @profile to its file (`profiles/ID.json` in the data folder when
 * it has none) through ladder_save_contents(). When the file is not what
 * the profile last read or wrote (another program or a synced folder
 * changed it), what it holds is merged into @profile first, so that no
 * change made elsewhere is lost; a changed file that cannot be read as a
 * copy of @profile is not written over. A read-only profile, such a file,
 * and a file that failed to load, are refused with
 * %LADDER_FORMAT_ERROR_READ_ONLY.
 *
 * Returns: %TRUE if written
 */
gboolean
ladder_library_save_profile (LadderLibrary  *self,
                             LadderProfile  *profile,
                             GCancellable   *cancellable,
                             GError        **error)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *head = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GVariant) focus_evidence = NULL;
  g_autoptr(GVariant) basis = NULL;
  char *contents;
  gsize length;

  g_return_val_if_fail (LADDER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LADDER_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ladder_profile_get_loading (profile))
    {
      _ladder_library_complete_now (self, profile);
      if (ladder_profile_get_read_only (profile))
        {
          g_autofree char *name = g_file_get_parse_name (ladder_profile_get_file (profile));

          g_set_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_READ_ONLY,
                       _("“%s” could not be read in full, so Ladder does not write over it."),
                       name);
          return FALSE;
        }
    }
  if (_ladder_library_is_unchanged_since_read (profile))
    return TRUE;

  file = prepare_save (self, profile, error);
  if (file == NULL)
    return FALSE;

  if (!merge_before_save (self, profile, file, cancellable, error))
    return FALSE;

  contents = ladder_format_write_profile (profile, &length);
  checksum = _ladder_library_checksum_of (contents, length);
  g_set_str (&_ladder_library_profile_entry (profile)->writing_checksum, checksum);
  _ladder_library_profile_entry (profile)->read_in_full = FALSE;
  if (_ladder_library_has_head (self->directory, file))
    {
      head = _ladder_format_write_profile_head (profile, NULL);
      days = _ladder_profile_dup_evidence_days (profile);
      focus_evidence = _ladder_profile_dup_focus_evidence (profile);
      basis = _ladder_team_basis_new (profile);
    }

  if (!_ladder_library_save_owned_contents (self, file, contents, length, cancellable, error))
    return FALSE;

  if (head != NULL)
    {
      g_autoptr(GVariant) key = _ladder_library_file_key (file);

      _ladder_library_write_head (self->directory, file, key, head, days, focus_evidence, basis);
    }

  g_set_str (&_ladder_library_profile_entry (profile)->disk_checksum, checksum);
  /* The save may have made the folders. */
  _ladder_library_watch_profiles (self);

  return TRUE;
}

/* An asynchronous save is a loop of steps on a worker thread: each checks
 * that the file still holds what the profile last read or wrote and, if
 * so, writes; if not, it reads the other copy, and the main thread merges
 * it and tries again. */
#define MAX_SAVE_STEPS 5

typedef struct
{
  LadderProfile *profile;
  GFile         *directory;
  GFile         *file;
  GBytes        *contents;
  char          *head;          /* of contents, to keep; NULL: none */
  GArray        *days;          /* its evidence's days, kept with it */
  GVariant      *focus_evidence; /* and what of it counts toward each focus */
  GVariant      *basis;         /* its card's, kept with it */
  char          *checksum;      /* of contents */
  char          *expected;      /* what the file should hold; NULL: unknown */
  char          *expected_writing;
  guint          n_steps;

  /* Set by a step that found the file changed. */
  LadderProfile *theirs;
  char          *theirs_checksum;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->profile);
  g_clear_object (&data->directory);
  g_clear_object (&data->file);
  g_clear_pointer (&data->contents, g_bytes_unref);
  g_clear_pointer (&data->head, g_free);
  g_clear_pointer (&data->days, g_array_unref);
  g_clear_pointer (&data->focus_evidence, g_variant_unref);
  g_clear_pointer (&data->basis, g_variant_unref);
  g_clear_pointer (&data->checksum, g_free);
  g_clear_pointer (&data->expected, g_free);
  g_clear_pointer (&data->expected_writing, g_free);
  g_clear_object (&data->theirs);
  g_clear_pointer (&data->theirs_checksum, g_free);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(GError) read_error = NULL;
  g_autofree char *disk = NULL;
  GError *error = NULL;
  gsize length;
  const char *contents;

  if (ladder_format_load_contents (data->file, &disk, &length, cancellable, &read_error))
    {
      g_autofree char *checksum = _ladder_library_checksum_of (disk, length);

      if (g_strcmp0 (checksum, data->expected) != 0 &&
          g_strcmp0 (checksum, data->expected_writing) != 0)
        {
          g_autofree char *name = g_file_get_parse_name (data->file);

          data->theirs = ladder_format_read_profile (disk, length, name, &read_error);
          if (data->theirs == NULL)
            {
              _ladder_library_set_changed_on_disk_error (&error, data->file, read_error);
              g_task_return_error (task, error);
              return;
            }

          data->theirs_checksum = g_steal_pointer (&checksum);
          g_task_return_boolean (task, FALSE);
          return;
        }
    }
  else if (!g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      _ladder_library_set_changed_on_disk_error (&error, data->file, read_error);
      g_task_return_error (task, error);
      return;
    }

  contents = g_bytes_get_data (data->contents, &length);
  if (!_ladder_library_save_library_file (data->directory, data->file, contents, length, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (data->head != NULL)
    {
      g_autoptr(GVariant) key = _ladder_library_file_key (data->file);

      _ladder_library_write_head (data->directory, data->file, key, data->head, data->days,
                                  data->focus_evidence, data->basis);
    }
  g_task_return_boolean (task, TRUE);
}

static void
save_step_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LadderLibrary *self = LADDER_LIBRARY (object);
  g_autoptr(GTask) task = user_data;
  SaveData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_set_str (&_ladder_library_profile_entry (data->profile)->disk_checksum, data->checksum);
      _ladder_library_watch_profiles (self);
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The file changed on disk: take in what it holds, then try again. */
  if (!_ladder_library_merge_disk_copy (self, data->profile, data->theirs, data->theirs_checksum, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_clear_object (&data->theirs);
  g_clear_pointer (&data->theirs_checksum, g_free);
  _ladder_library_save_step (g_steal_pointer (&task));
}

/* Serialises the profile as it is now and starts a step that writes it. */
void
_ladder_library_save_step (GTask *task)
{
  LadderLibrary *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  g_autoptr(GTask) worker = NULL;
  LadderProfileEntry *entry;
  char *contents;
  gsize length;

  if (++data->n_steps > MAX_SAVE_STEPS)
    {
      g_autofree char *name = g_file_get_parse_name (data->file);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("Could not save “%s”: another program keeps changing it."),
                               name);
      g_object_unref (task);
      return;
    }

  contents = ladder_format_write_profile (data->profile, &length);
  g_clear_pointer (&data->contents, g_bytes_unref);
  data->contents = g_bytes_new_take (contents, length);
  g_free (data->checksum);
  data->checksum = _ladder_library_checksum_of (contents, length);
  entry = _ladder_library_profile_entry (data->profile);
  g_set_str (&data->expected, entry->disk_checksum);
  g_set_str (&data->expected_writing, entry->writing_checksum);
  g_set_str (&entry->writing_checksum, data->checksum);
  entry->read_in_full = FALSE;
  g_free (data->head);
  data->head = _ladder_library_has_head (data->directory, data->file)
               ? _ladder_format_write_profile_head (data->profile, NULL) : NULL;
  g_clear_pointer (&data->days, g_array_unref);
  g_clear_pointer (&data->focus_evidence, g_variant_unref);
  g_clear_pointer (&data->basis, g_variant_unref);
  if (data->head != NULL)
    {
      data->days = _ladder_profile_dup_evidence_days (data->profile);
      data->focus_evidence = _ladder_profile_dup_focus_evidence (data->profile);
      data->basis = _ladder_team_basis_new (data->profile);
    }

  /* The step's own task shares the data; its result lands here. */
  worker = g_task_new (self, g_task_get_cancellable (task), save_step_done_cb, task);
  g_task_set_task_data (worker, data, NULL);
  g_task_run_in_thread (worker, save_thread);
}

/**
 * ladder_library_save_profile_async:
 * @self: a #LadderLibrary
 * @profile: a profile
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the profile is written or the write failed
 * @user_data: data for @callback
 *
 * ladder_library_save_profile() without blocking on the disk: the profile
 * is serialised now, on the calling thread, so later changes do not race
 * with the write, and written on a worker thread. When the file on disk
 * changed since the profile last read or wrote it, what it holds is read
 * on the worker and merged into the profile here first, and the merge is
 * written.
 */
void
ladder_library_save_profile_async (LadderLibrary       *self,
                                   LadderProfile       *profile,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task = NULL;
  g_autoptr(GFile) file = NULL;
  GError *error = NULL;
  SaveData *data;

  g_return_if_fail (LADDER_IS_LIBRARY (self));
  g_return_if_fail (LADDER_IS_PROFILE (profile));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ladder_library_save_profile_async);

  /* Just read in full, and unchanged since: the file holds it already. */
  if (_ladder_library_is_unchanged_since_read (profile))
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  file = prepare_save (self, profile, &error);
  if (file == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->profile = g_object_ref (profile);
  data->directory = g_object_ref (self->directory);
  data->file = g_steal_pointer (&file);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  /* Its evidence is still being read: it is written once whole. */
  if (ladder_profile_get_loading (profile))
    {
      g_ptr_array_add (_ladder_library_entry_list (&_ladder_library_profile_entry (profile)->waiting_saves), task);
      ladder_library_read_in_full (self, profile);
      return;
    }

  _ladder_library_save_step (task);
}

/**
 * ladder_library_save_profile_finish:
 * @self: a #LadderLibrary
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the profile was written
 */
gboolean
ladder_library_save_profile_finish (LadderLibrary  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (LADDER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        ladder_library_save_profile_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* vim:set foldmethod=marker: */
