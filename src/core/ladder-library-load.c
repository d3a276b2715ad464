/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderLibrary: loading the data folder, on a worker thread, into the
 * library's lists. */

#define G_LOG_DOMAIN "ladder-library"

#include "config.h"

#include <string.h>
#ifdef HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

#include <glib/gi18n-lib.h>

#include "ladder-format.h"
#include "ladder-format-private.h"
#include "ladder-library.h"
#include "ladder-library-private.h"
#include "ladder-merge.h"
#include "ladder-profile-private.h"
#include "ladder-save.h"
#include "ladder-team-private.h"

typedef struct
{
  GPtrArray *bundled;   /* LadderFramework */
  GPtrArray *imported;  /* LadderFramework */
  GPtrArray *imported_files;  /* GFile: where each of imported was read */
  GPtrArray *profiles;  /* LadderProfile */
  GPtrArray *errors;    /* LadderLoadError */
  GPtrArray *heads;     /* LadderHeadWrite: heads to keep for next time */
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->bundled, g_ptr_array_unref);
  g_clear_pointer (&result->imported, g_ptr_array_unref);
  g_clear_pointer (&result->imported_files, g_ptr_array_unref);
  g_clear_pointer (&result->profiles, g_ptr_array_unref);
  g_clear_pointer (&result->errors, g_ptr_array_unref);
  g_clear_pointer (&result->heads, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

static LoadResult *
load_result_new (void)
{
  LoadResult *result = g_new0 (LoadResult, 1);

  result->bundled = g_ptr_array_new_with_free_func (g_object_unref);
  result->imported = g_ptr_array_new_with_free_func (g_object_unref);
  result->imported_files = g_ptr_array_new_with_free_func (g_object_unref);
  result->profiles = g_ptr_array_new_with_free_func (g_object_unref);
  result->errors = g_ptr_array_new_with_free_func (g_object_unref);
  result->heads = g_ptr_array_new_with_free_func ((GDestroyNotify) _ladder_library_head_write_free);

  return result;
}

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  return strcmp (a, b);
}

static int
compare_c_strings (gconstpointer a,
                   gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Bundled frameworks come from the GResource; a program that does not
 * link it in simply has none. */
static void
load_bundled (LoadResult *result)
{
  g_auto(GStrv) names = NULL;

  names = g_resources_enumerate_children (LADDER_BUNDLED_FRAMEWORKS_PATH,
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (names == NULL)
    return;

  qsort (names, g_strv_length (names), sizeof (char *), compare_c_strings);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *uri = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(LadderFramework) framework = NULL;
      gsize length;
      const char *data;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;

      path = g_strconcat (LADDER_BUNDLED_FRAMEWORKS_PATH, names[i], NULL);
      uri = g_strconcat ("resource://", path, NULL);

      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes != NULL)
        {
          data = g_bytes_get_data (bytes, &length);
          framework = ladder_format_read_framework (data, length, uri, &error);
        }

      if (framework != NULL)
        g_ptr_array_add (result->bundled, g_steal_pointer (&framework));
      else
        {
          g_autoptr(GFile) file = g_file_new_for_uri (uri);

          g_ptr_array_add (result->errors, _ladder_load_error_new (file, error));
        }
    }
}

/* Any thread. The names of the .json files of @folder, in order: not
 * the temporary files of a save in progress, nor backups. NULL, with
 * @error, when the folder cannot be listed; when the listing fails
 * midway, the names found until then, and @error. */
GPtrArray *
_ladder_library_list_json_files (GFile         *folder,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  enumerator = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (enumerator == NULL)
    return NULL;

  for (;;)
    {
      GFileInfo *info;
      const char *name;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, cancellable, error))
        break;
      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (name[0] != '.' && g_str_has_suffix (name, ".json"))
        g_ptr_array_add (names, g_strdup (name));
    }

  g_ptr_array_sort_values (names, compare_values);

  return g_steal_pointer (&names);
}

typedef enum
{
  LOAD_FRAMEWORKS,
  LOAD_PROFILES,
} LoadKind;

/* The heads of the files named @names of @folder, from the @first on,
 * every @step: each read into its place in @profiles (NULL where there is
 * no head to use). */
typedef struct
{
  GFile        *directory;
  GFile        *folder;
  GPtrArray    *names;
  GPtrArray    *profiles;
  guint         first;
  guint         step;
  GCancellable *cancellable;
} HeadReading;

static gpointer
read_heads_thread (gpointer data)
{
  HeadReading *reading = data;

  for (guint i = reading->first; i < reading->names->len; i += reading->step)
    {
      g_autoptr(GFile) file = NULL;

      if (g_cancellable_is_cancelled (reading->cancellable))
        break;

      file = g_file_get_child (reading->folder, g_ptr_array_index (reading->names, i));
      g_ptr_array_index (reading->profiles, i) = _ladder_library_load_profile_head (reading->directory, file);
    }

  return NULL;
}

static void
clear_profile (gpointer data)
{
  if (data != NULL)
    g_object_unref (data);
}

/* Any thread. The profiles of @names listed from their heads, in their
 * places, NULL for those to read in full. A manager's fifty heads are
 * five megabytes of JSON to parse before the Team view can show: with a
 * second processor, they are read on two threads. */
static GPtrArray *
read_heads (GFile        *directory,
            GFile        *folder,
            GPtrArray    *names,
            GCancellable *cancellable)
{
  GPtrArray *profiles = g_ptr_array_new_full (names->len, clear_profile);
  guint n_threads = names->len > 1 && g_get_num_processors () > 1 ? 2 : 1;
  HeadReading readings[2];
  GThread *other = NULL;

  g_ptr_array_set_size (profiles, names->len);
  for (guint t = 0; t < n_threads; t++)
    readings[t] = (HeadReading) { directory, folder, names, profiles, t, n_threads, cancellable };

  if (n_threads > 1)
    other = g_thread_new ("ladder-heads", read_heads_thread, &readings[1]);
  read_heads_thread (&readings[0]);
  if (other != NULL)
    g_thread_join (other);

  return profiles;
}

/* From this size on (some 800 evidence entries), a profile file with no
 * head kept is listed from a head skimmed from it: below it, reading it
 * in full takes little more than skimming it, and is done once. */
#define SKIM_FROM_SIZE (1024 * 1024)

/* Any thread. A large profile file with no head kept (@key: as it is
 * now), listed as if it had one: its head and the days of its evidence
 * are skimmed from the file without building the entries (see
 * _ladder_format_skim_profile()), kept for next time in @result, and the
 * file is read in full afterwards as after any start. NULL when it does
 * not skim, or changed meanwhile: it is then read in full now. */
static LadderProfile *
list_from_skim (GFile        *file,
                GVariant     *key,
                LoadResult   *result,
                GCancellable *cancellable)
{
  g_autoptr(LadderProfile) skimmed = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GVariant) focus_evidence = NULL;
  g_autoptr(GVariant) key_after = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  LadderHeadWrite *write;
  LadderProfile *profile;
  guint64 size;
  gsize length;

  g_variant_get_child (key, 2, "t", &size);
  if (size < SKIM_FROM_SIZE ||
      !ladder_format_load_contents (file, &contents, &length, cancellable, NULL))
    return NULL;

  name = g_file_get_parse_name (file);
  skimmed = _ladder_format_skim_profile (contents, length, name, &days, &focus_evidence);
  g_clear_pointer (&contents, g_free);
  if (skimmed == NULL || ladder_profile_get_read_only (skimmed) ||
      (key_after = _ladder_library_file_key (file)) == NULL || !g_variant_equal (key, key_after))
    return NULL;

  write = g_new0 (LadderHeadWrite, 1);
  write->file = g_object_ref (file);
  write->key = g_variant_ref (key);
  write->head = _ladder_format_write_profile_head (skimmed, NULL);
  write->days = g_array_ref (days);
  write->focus_evidence = g_variant_ref (focus_evidence);
  /* Its card counts the evidence by the days, as a kept head's does. */
  _ladder_profile_set_loading (skimmed, TRUE);
  _ladder_profile_set_head_evidence_days (skimmed, days);
  write->basis = _ladder_team_basis_new (skimmed);

  profile = _ladder_library_profile_from_head (file, write->head, write->days, write->focus_evidence,
                                               write->basis);
  if (profile == NULL)
    {
      _ladder_library_head_write_free (write);
      return NULL;
    }
  g_ptr_array_add (result->heads, write);

  return profile;
}

/* Every .json file of @folder: what loads goes to the result, what does
 * not goes to its errors. A folder that is not there holds nothing.
 *
 * With @use_heads, a large profile that has no head yet is listed from
 * a head skimmed from its file, as if it had had one (list_from_skim());
 * a smaller one is read in full, and its head kept for next time. It
 * stays whole if it is the first, or
 * while the evidence of those kept whole stays within @read_ahead; else
 * it is listed from that head, as if it had had one, so that a first
 * start holds no more in memory than any other (see
 * ladder_library_set_read_ahead()). */
static void
load_folder (GFile        *directory,
             GFile        *folder,
             LoadKind      kind,
             gboolean      use_heads,
             guint         read_ahead,
             LoadResult   *result,
             GCancellable *cancellable)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) from_heads = NULL;
  guint64 resident = 0;

  names = _ladder_library_list_json_files (folder, cancellable, &error);
  if (error != NULL && (names != NULL || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)))
    g_ptr_array_add (result->errors, _ladder_load_error_new (folder, error));
  if (names == NULL)
    return;

  if (kind == LOAD_PROFILES && use_heads)
    {
      _ladder_library_remove_stale_heads (directory, names);
      from_heads = read_heads (directory, folder, names, cancellable);
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (folder, g_ptr_array_index (names, i));
      g_autoptr(GError) load_error = NULL;
      g_autoptr(GVariant) key = NULL;
      GObject *object;

      if (kind == LOAD_FRAMEWORKS)
        object = G_OBJECT (ladder_format_load_framework (file, cancellable, &load_error));
      else if (from_heads != NULL && (object = g_steal_pointer (&g_ptr_array_index (from_heads, i))) != NULL)
        ;
      else if (use_heads && (key = _ladder_library_file_key (file)) != NULL &&
               !_ladder_library_is_unreadable (directory, file) &&
               (object = G_OBJECT (list_from_skim (file, key, result, cancellable))) != NULL)
        ;
      else
        {
          g_autoptr(GVariant) key_after = NULL;

          object = G_OBJECT (_ladder_library_load_profile_file (file, cancellable, &load_error));

          /* Its head, for next time: unless the file changed while it
           * was read. */
          if (object != NULL && key != NULL &&
              !ladder_profile_get_read_only (LADDER_PROFILE (object)) &&
              (key_after = _ladder_library_file_key (file)) != NULL && g_variant_equal (key, key_after))
            {
              LadderHeadWrite *write = g_new0 (LadderHeadWrite, 1);

              write->file = g_object_ref (file);
              write->key = g_steal_pointer (&key);
              write->head = _ladder_format_write_profile_head (LADDER_PROFILE (object), NULL);
              write->days = _ladder_profile_dup_evidence_days (LADDER_PROFILE (object));
              write->focus_evidence = _ladder_profile_dup_focus_evidence (LADDER_PROFILE (object));
              write->basis = _ladder_team_basis_new (LADDER_PROFILE (object));
              _ladder_team_basis_attach (LADDER_PROFILE (object), write->basis);
              g_ptr_array_add (result->heads, write);

              if (resident > 0 && resident + write->days->len > read_ahead)
                {
                  LadderProfile *from_head = _ladder_library_profile_from_head (file, write->head, write->days,
                                                                                write->focus_evidence,
                                                                                write->basis);

                  if (from_head != NULL)
                    {
                      g_object_unref (object);
                      object = G_OBJECT (from_head);
                    }
                }
            }

          if (object != NULL && !ladder_profile_get_loading (LADDER_PROFILE (object)))
            resident += g_list_model_get_n_items (ladder_profile_get_evidence (LADDER_PROFILE (object)));
        }

      if (object != NULL && kind == LOAD_FRAMEWORKS)
        {
          g_ptr_array_add (result->imported, object);
          g_ptr_array_add (result->imported_files, g_object_ref (file));
        }
      else if (object != NULL)
        g_ptr_array_add (result->profiles, object);
      else
        g_ptr_array_add (result->errors, _ladder_load_error_new (file, load_error));
    }
}

/* A temporary file unchanged this long belongs to a save that was killed
 * or crashed: a running save writes it continuously and renames it within
 * moments of its last write. The margin leaves alone a save that another
 * process (ladder-cli -o into the data folder) is making right now. */
#define STALE_TEMP_AGE (5 * G_TIME_SPAN_MINUTE)

/* Runs on any thread: touches nothing but @directory and the result. */
/* Any thread. A profile whose id another file has too is merged with
 * that file once listed (see apply_result()): it is read in full now. */
static void
complete_duplicates (LoadResult   *result,
                     GCancellable *cancellable)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) twice = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < result->profiles->len; i++)
    {
      const char *id = ladder_profile_get_id (g_ptr_array_index (result->profiles, i));

      if (!g_hash_table_add (seen, (gpointer) id))
        g_hash_table_add (twice, (gpointer) id);
    }

  for (guint i = 0; i < result->profiles->len;)
    {
      LadderProfile *profile = g_ptr_array_index (result->profiles, i);
      g_autoptr(LadderProfile) full = NULL;
      g_autoptr(GError) error = NULL;
      GFile *file = ladder_profile_get_file (profile);

      if (!ladder_profile_get_loading (profile) ||
          !g_hash_table_contains (twice, ladder_profile_get_id (profile)))
        {
          i++;
          continue;
        }

      full = _ladder_library_load_profile_file (file, cancellable, &error);
      if (full != NULL)
        {
          g_ptr_array_index (result->profiles, i) = g_steal_pointer (&full);
          g_object_unref (profile);
          i++;
        }
      else
        {
          g_ptr_array_add (result->errors, _ladder_load_error_new (file, error));
          g_ptr_array_remove_index (result->profiles, i);
        }
    }
}

static LoadResult *
load_everything (GFile         *directory,
                 gboolean       use_heads,
                 guint          read_ahead,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(LoadResult) result = load_result_new ();
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) frameworks = NULL;
  g_autoptr(GFile) profiles = NULL;
  g_autofree char *name = g_file_get_parse_name (directory);

  load_bundled (result);

  info = g_file_query_info (directory,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_ACCESS_CAN_READ,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      /* Nothing saved yet. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&result);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read the folder “%s”: %s"), name, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("Could not read the folder “%s”: it is a file, not a folder."), name);
      return NULL;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ) &&
      !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("Could not read the folder “%s”: you do not have permission to read it."),
                   name);
      return NULL;
    }

  frameworks = g_file_get_child (directory, "frameworks");
  profiles = g_file_get_child (directory, "profiles");

  /* What a save killed half-way left behind; see STALE_TEMP_AGE. */
  ladder_save_clean_stale (frameworks, STALE_TEMP_AGE);
  ladder_save_clean_stale (profiles, STALE_TEMP_AGE);

  load_folder (directory, frameworks, LOAD_FRAMEWORKS, FALSE, 0, result, cancellable);
  load_folder (directory, profiles, LOAD_PROFILES, use_heads, read_ahead, result, cancellable);
  if (use_heads)
    complete_duplicates (result, cancellable);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return g_steal_pointer (&result);
}

/* On the main thread: everything the load found replaces what the stores
 * held, each store in one splice. */
static gboolean
is_named_after_id (LadderProfile *profile)
{
  g_autofree char *expected = _ladder_library_file_name_for_id (ladder_profile_get_id (profile), "profile");
  g_autofree char *basename = g_file_get_basename (ladder_profile_get_file (profile));

  return g_strcmp0 (expected, basename) == 0;
}

/* Which of two files of one profile is the profile's own: the one named
 * after the id (how the library names them), else the shorter name (a
 * synced folder's conflict copies add to the name); on a tie, the one
 * met first, by file name. */
static gboolean
is_better_primary (LadderProfile *profile,
                   LadderProfile *than)
{
  g_autofree char *name = g_file_get_basename (ladder_profile_get_file (profile));
  g_autofree char *than_name = g_file_get_basename (ladder_profile_get_file (than));

  if (is_named_after_id (profile) != is_named_after_id (than))
    return is_named_after_id (profile);

  return strlen (name) < strlen (than_name);
}

static void
apply_result (LadderLibrary *self,
              LoadResult    *result)
{
  g_autoptr(GPtrArray) frameworks = g_ptr_array_new ();
  g_autoptr(GPtrArray) duplicates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) imported_ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_remove_all (self->bundled);
  g_hash_table_remove_all (self->framework_files);

  /* An imported framework with the id of a bundled one is the user's
   * newer copy of it, and takes its place. */
  for (guint i = 0; i < result->imported->len; i++)
    {
      LadderFramework *framework = g_ptr_array_index (result->imported, i);

      g_hash_table_add (imported_ids, (gpointer) ladder_framework_get_id (framework));
      g_hash_table_insert (self->framework_files, g_object_ref (framework),
                           g_object_ref (g_ptr_array_index (result->imported_files, i)));
      g_ptr_array_add (frameworks, framework);
    }
  for (guint i = 0; i < result->bundled->len; i++)
    {
      LadderFramework *framework = g_ptr_array_index (result->bundled, i);

      if (g_hash_table_contains (imported_ids, ladder_framework_get_id (framework)))
        continue;

      g_hash_table_add (self->bundled, framework);
      g_ptr_array_add (frameworks, framework);
    }

  /* Two files of one profile (the same id): one is the profile (see
   * is_better_primary()); the others are merged into it once it is
   * listed. */
  for (guint i = 0; i < result->profiles->len;)
    {
      LadderProfile *profile = g_ptr_array_index (result->profiles, i);
      const char *id = ladder_profile_get_id (profile);
      LadderProfile *first = g_hash_table_lookup (by_id, id);

      if (first == NULL)
        {
          g_hash_table_insert (by_id, (gpointer) id, profile);
          i++;
          continue;
        }

      if (is_better_primary (profile, first))
        {
          g_hash_table_insert (by_id, (gpointer) id, profile);
          g_ptr_array_add (duplicates, g_object_ref (first));
          g_ptr_array_remove (result->profiles, first);
        }
      else
        {
          g_ptr_array_add (duplicates, g_object_ref (profile));
          g_ptr_array_remove_index (result->profiles, i);
        }
    }

  g_ptr_array_sort_values_with_data (frameworks, _ladder_library_compare_frameworks, self);
  g_ptr_array_sort_values_with_data (result->profiles, _ladder_library_compare_profiles, NULL);
  g_ptr_array_sort (result->errors, _ladder_library_compare_load_errors);

  _ladder_library_disconnect_profiles (self);
  for (guint i = 0; i < result->profiles->len; i++)
    _ladder_library_track_profile (self, g_ptr_array_index (result->profiles, i));

  g_list_store_splice (self->frameworks, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->frameworks)),
                       frameworks->pdata, frameworks->len);
  g_list_store_splice (self->profiles, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->profiles)),
                       result->profiles->pdata, result->profiles->len);
  g_list_store_splice (self->errors, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->errors)),
                       result->errors->pdata, result->errors->len);

  for (guint i = 0; i < duplicates->len; i++)
    {
      LadderProfile *duplicate = g_ptr_array_index (duplicates, i);

      _ladder_library_merge_other_file (self,
                                        g_hash_table_lookup (by_id, ladder_profile_get_id (duplicate)),
                                        duplicate, ladder_profile_get_file (duplicate));
    }

  _ladder_library_watch_profiles (self);
}

/**
 * ladder_library_load:
 * @self: a #LadderLibrary
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads the bundled frameworks and the .json files of the data folder's
 * `frameworks` and `profiles` folders, replacing what the library held. A file that
 * fails to load goes to #LadderLibrary:errors, with the reason and its
 * position; the rest still loads. A data folder that does not exist yet
 * is an empty one. The temporary files of saves that were killed before
 * they finished (see ladder_save_clean_stale()) are removed from both
 * folders on the way.
 *
 * Returns: %FALSE only when the data folder itself cannot be read
 */
gboolean
ladder_library_load (LadderLibrary  *self,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(LoadResult) result = NULL;

  g_return_val_if_fail (LADDER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  result = load_everything (self->directory, FALSE, 0, cancellable, error);
  if (result == NULL)
    return FALSE;

  apply_result (self, result);

  return TRUE;
}

typedef struct
{
  GFile *directory;
  guint  read_ahead;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->directory);
  g_free (job);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadJob *job = task_data;
  GError *error = NULL;
  LoadResult *result;

  result = load_everything (job->directory, TRUE, job->read_ahead, cancellable, &error);
  if (result != NULL)
    g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
  else
    g_task_return_error (task, error);
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
load_thread_done_cb (GObject      *object,
                     GAsyncResult *async_result,
                     gpointer      user_data)
{
  LadderLibrary *self = LADDER_LIBRARY (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(LoadResult) result = NULL;
  GError *error = NULL;

  result = g_task_propagate_pointer (G_TASK (async_result), &error);
  if (result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  apply_result (self, result);

  for (guint i = 0; i < result->profiles->len; i++)
    {
      LadderProfile *profile = g_ptr_array_index (result->profiles, i);

      if (ladder_profile_get_loading (profile))
        {
          LadderProfileEntry *entry = _ladder_library_profile_entry (profile);

          _ladder_library_mark_changes (&entry->changes_at_head, &entry->shown_from_head, profile);
        }
    }

  if (result->heads->len > 0)
    {
      g_autoptr(GTask) heads = g_task_new (NULL, NULL, NULL, NULL);

      g_object_set_data_full (G_OBJECT (heads), "directory", g_object_ref (self->directory),
                              g_object_unref);
      g_task_set_task_data (heads, g_steal_pointer (&result->heads),
                            (GDestroyNotify) g_ptr_array_unref);
      g_task_run_in_thread (heads, _ladder_library_write_heads_thread);
    }

  _ladder_library_start_completion (self);
#ifdef HAVE_MALLOC_TRIM
  /* The files read in full here left their JSON trees' memory free but
   * held by the worker's allocator: give it back at idle, below drawing
   * (a profile read from its head next does the same once read). */
  if (!self->completing)
    g_idle_add_full (G_PRIORITY_LOW, trim_cb, NULL, NULL);
#endif
  g_task_return_boolean (task, TRUE);
}

/**
 * ladder_library_load_async:
 * @self: a #LadderLibrary
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the library is loaded
 * @user_data: data for @callback
 *
 * ladder_library_load() without blocking: the files are read and parsed
 * on a worker thread, and the stores change on the calling thread's main
 * context, each in one splice, just before @callback runs.
 *
 * A profile file unchanged since the library last read or wrote it is
 * listed from what it kept of it then, without its evidence, and marked
 * #LadderProfile:loading until its file has been read in full on a
 * worker; its evidence joins it then. Saving it, removing it or merging
 * into it wait for that.
 */
void
ladder_library_load_async (LadderLibrary       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  LoadJob *job;

  g_return_if_fail (LADDER_IS_LIBRARY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ladder_library_load_async);

  /* The worker's own task, so that its result lands here, on this
   * thread, before the caller hears of it. */
  worker = g_task_new (self, cancellable, load_thread_done_cb, g_steal_pointer (&task));
  job = g_new0 (LoadJob, 1);
  job->directory = g_object_ref (self->directory);
  job->read_ahead = self->read_ahead;
  g_task_set_task_data (worker, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (worker, load_thread);
}

/**
 * ladder_library_load_finish:
 * @self: a #LadderLibrary
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: %FALSE only when the data folder itself could not be read
 */
gboolean
ladder_library_load_finish (LadderLibrary  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (LADDER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ladder_library_load_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
