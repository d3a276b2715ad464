/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-library"

#include "config.h"

#include <errno.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gi18n-lib.h>

#include "ladder-format.h"
#include "ladder-format-private.h"
#include "ladder-library.h"
#include "ladder-merge.h"
#include "ladder-profile-private.h"
#include "ladder-save.h"

/* LadderLoadError {{{1 */

struct _LadderLoadError
{
  GObject  parent_instance;

  GFile   *file;
  GError  *error;
};

G_DEFINE_FINAL_TYPE (LadderLoadError, ladder_load_error, G_TYPE_OBJECT)

enum
{
  LOAD_ERROR_PROP_0,
  LOAD_ERROR_PROP_FILE,
  LOAD_ERROR_PROP_ERROR,
  LOAD_ERROR_N_PROPS
};

static GParamSpec *load_error_properties[LOAD_ERROR_N_PROPS];

static void
ladder_load_error_finalize (GObject *object)
{
  LadderLoadError *self = LADDER_LOAD_ERROR (object);

  g_clear_object (&self->file);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (ladder_load_error_parent_class)->finalize (object);
}

static void
ladder_load_error_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LadderLoadError *self = LADDER_LOAD_ERROR (object);

  switch (prop_id)
    {
    case LOAD_ERROR_PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case LOAD_ERROR_PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_load_error_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LadderLoadError *self = LADDER_LOAD_ERROR (object);

  switch (prop_id)
    {
    case LOAD_ERROR_PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    case LOAD_ERROR_PROP_ERROR:
      self->error = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_load_error_class_init (LadderLoadErrorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ladder_load_error_finalize;
  object_class->get_property = ladder_load_error_get_property;
  object_class->set_property = ladder_load_error_set_property;

  /**
   * LadderLoadError:file:
   *
   * The file that failed to load.
   */
  load_error_properties[LOAD_ERROR_PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * LadderLoadError:error:
   *
   * Why: a #GError whose message names the file and, where known, the
   * line and column.
   */
  load_error_properties[LOAD_ERROR_PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL,
                        G_TYPE_ERROR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, LOAD_ERROR_N_PROPS, load_error_properties);
}

static void
ladder_load_error_init (LadderLoadError *self)
{
}

static LadderLoadError *
ladder_load_error_new (GFile        *file,
                       const GError *error)
{
  return g_object_new (LADDER_TYPE_LOAD_ERROR,
                       "file", file,
                       "error", error,
                       NULL);
}

/**
 * ladder_load_error_get_file:
 * @self: a #LadderLoadError
 *
 * Returns: (transfer none): the file that failed to load
 */
GFile *
ladder_load_error_get_file (LadderLoadError *self)
{
  g_return_val_if_fail (LADDER_IS_LOAD_ERROR (self), NULL);

  return self->file;
}

/**
 * ladder_load_error_get_error:
 * @self: a #LadderLoadError
 *
 * Returns: (transfer none): why the file failed to load
 */
const GError *
ladder_load_error_get_error (LadderLoadError *self)
{
  g_return_val_if_fail (LADDER_IS_LOAD_ERROR (self), NULL);

  return self->error;
}

/* LadderLibrary {{{1 */

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

  /* A profile shown from its head is being read in full. */
  gboolean      completing;
};

G_DEFINE_FINAL_TYPE (LadderLibrary, ladder_library, G_TYPE_OBJECT)

static void schedule_reload (LadderLibrary *self,
                             GFile         *file);

enum
{
  PROP_0,
  PROP_DIRECTORY,
  PROP_FRAMEWORKS,
  PROP_PROFILES,
  PROP_ERRORS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  PROFILE_MERGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *file_name_for_id (const char *id,
                               const char *fallback);

static void
stop_monitor (LadderLibrary  *self,
              GFileMonitor  **monitor)
{
  if (*monitor == NULL)
    return;

  g_signal_handlers_disconnect_by_data (*monitor, self);
  g_file_monitor_cancel (*monitor);
  g_clear_object (monitor);
}

static void profile_name_changed_cb (LadderProfile *profile,
                                     GParamSpec    *pspec,
                                     LadderLibrary *self);

static void
disconnect_profiles (LadderLibrary *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);

      g_signal_handlers_disconnect_by_func (profile, profile_name_changed_cb, self);
    }
}

static void
ladder_library_dispose (GObject *object)
{
  LadderLibrary *self = LADDER_LIBRARY (object);

  if (self->profiles != NULL)
    disconnect_profiles (self);

  g_cancellable_cancel (self->cancellable);
  stop_monitor (self, &self->monitor);
  stop_monitor (self, &self->folder_monitor);
  g_clear_pointer (&self->reloads, g_hash_table_unref);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->bundled, g_hash_table_unref);
  g_clear_pointer (&self->framework_files, g_hash_table_unref);
  g_clear_object (&self->frameworks);
  g_clear_object (&self->profiles);
  g_clear_object (&self->errors);

  G_OBJECT_CLASS (ladder_library_parent_class)->dispose (object);
}

static void
ladder_library_finalize (GObject *object)
{
  LadderLibrary *self = LADDER_LIBRARY (object);

  g_clear_object (&self->directory);

  G_OBJECT_CLASS (ladder_library_parent_class)->finalize (object);
}

static void
ladder_library_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LadderLibrary *self = LADDER_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_object (value, self->directory);
      break;

    case PROP_FRAMEWORKS:
      g_value_set_object (value, self->frameworks);
      break;

    case PROP_PROFILES:
      g_value_set_object (value, self->profiles);
      break;

    case PROP_ERRORS:
      g_value_set_object (value, self->errors);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_library_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LadderLibrary *self = LADDER_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_library_constructed (GObject *object)
{
  LadderLibrary *self = LADDER_LIBRARY (object);

  G_OBJECT_CLASS (ladder_library_parent_class)->constructed (object);

  if (self->directory == NULL)
    self->directory = ladder_library_get_default_directory ();
}

static void
ladder_library_class_init (LadderLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ladder_library_dispose;
  object_class->finalize = ladder_library_finalize;
  object_class->get_property = ladder_library_get_property;
  object_class->set_property = ladder_library_set_property;
  object_class->constructed = ladder_library_constructed;

  /**
   * LadderLibrary:directory:
   *
   * The data folder: `frameworks/` and `profiles/` live in it.
   */
  properties[PROP_DIRECTORY] =
    g_param_spec_object ("directory", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * LadderLibrary:frameworks:
   *
   * The frameworks: bundled first, then imported, each in name order.
   */
  properties[PROP_FRAMEWORKS] =
    g_param_spec_object ("frameworks", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * LadderLibrary:profiles:
   *
   * The profiles, in name order.
   */
  properties[PROP_PROFILES] =
    g_param_spec_object ("profiles", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * LadderLibrary:errors:
   *
   * The files that failed to load, as #LadderLoadError. They are never
   * written.
   */
  properties[PROP_ERRORS] =
    g_param_spec_object ("errors", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LadderLibrary::profile-merged:
   * @self: a #LadderLibrary
   * @profile: the profile that changed
   * @merge: the #LadderMerge that changed it
   *
   * Emitted after a profile's file changed on disk (another program, or a
   * synced folder, wrote it) and what it held was merged into the profile,
   * changing it; ladder_merge_get_changes() says how.
   */
  signals[PROFILE_MERGED] =
    g_signal_new ("profile-merged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, LADDER_TYPE_PROFILE, LADDER_TYPE_MERGE);
}

static void
remove_source (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

static void
ladder_library_init (LadderLibrary *self)
{
  self->frameworks = g_list_store_new (LADDER_TYPE_FRAMEWORK);
  self->profiles = g_list_store_new (LADDER_TYPE_PROFILE);
  self->errors = g_list_store_new (LADDER_TYPE_LOAD_ERROR);
  self->bundled = g_hash_table_new (NULL, NULL);
  self->framework_files = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->reloads = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal,
                                         g_object_unref, remove_source);
  self->cancellable = g_cancellable_new ();
}

/**
 * ladder_library_new:
 * @directory: (nullable): the data folder, or %NULL for
 *   ladder_library_get_default_directory()
 *
 * Makes a library on a data folder. Nothing is read until
 * ladder_library_load() or ladder_library_load_async().
 *
 * Returns: (transfer full): a new library
 */
LadderLibrary *
ladder_library_new (GFile *directory)
{
  g_return_val_if_fail (directory == NULL || G_IS_FILE (directory), NULL);

  return g_object_new (LADDER_TYPE_LIBRARY, "directory", directory, NULL);
}

/**
 * ladder_library_get_default_directory:
 *
 * The default data folder: `$XDG_DATA_HOME/ladder`, or
 * `$XDG_DATA_HOME/ladder-devel` in a build with `-Dprofile=development`,
 * so that a development build never touches a user's data.
 *
 * Returns: (transfer full): the folder
 */
GFile *
ladder_library_get_default_directory (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), LIBRARY_FOLDER, NULL);
}

/**
 * ladder_library_get_directory:
 * @self: a #LadderLibrary
 *
 * Returns: (transfer none): the data folder
 */
GFile *
ladder_library_get_directory (LadderLibrary *self)
{
  g_return_val_if_fail (LADDER_IS_LIBRARY (self), NULL);

  return self->directory;
}

/**
 * ladder_library_get_frameworks:
 * @self: a #LadderLibrary
 *
 * Returns: (transfer none): a #GListModel of #LadderFramework
 */
GListModel *
ladder_library_get_frameworks (LadderLibrary *self)
{
  g_return_val_if_fail (LADDER_IS_LIBRARY (self), NULL);

  return G_LIST_MODEL (self->frameworks);
}

/**
 * ladder_library_get_profiles:
 * @self: a #LadderLibrary
 *
 * Returns: (transfer none): a #GListModel of #LadderProfile
 */
GListModel *
ladder_library_get_profiles (LadderLibrary *self)
{
  g_return_val_if_fail (LADDER_IS_LIBRARY (self), NULL);

  return G_LIST_MODEL (self->profiles);
}

/**
 * ladder_library_get_errors:
 * @self: a #LadderLibrary
 *
 * Returns: (transfer none): a #GListModel of #LadderLoadError
 */
GListModel *
ladder_library_get_errors (LadderLibrary *self)
{
  g_return_val_if_fail (LADDER_IS_LIBRARY (self), NULL);

  return G_LIST_MODEL (self->errors);
}

/* Order {{{1 */

static int
compare_names (const char *a_name,
               const char *a_id,
               const char *b_name,
               const char *b_id)
{
  int result = g_utf8_collate (a_name != NULL ? a_name : "", b_name != NULL ? b_name : "");

  if (result != 0)
    return result;

  return g_strcmp0 (a_id, b_id);
}

static int
compare_frameworks (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  LadderLibrary *self = user_data;
  LadderFramework *fa = (LadderFramework *) a;
  LadderFramework *fb = (LadderFramework *) b;
  gboolean a_bundled = g_hash_table_contains (self->bundled, fa);
  gboolean b_bundled = g_hash_table_contains (self->bundled, fb);

  if (a_bundled != b_bundled)
    return a_bundled ? -1 : 1;

  return compare_names (ladder_framework_get_name (fa), ladder_framework_get_id (fa),
                        ladder_framework_get_name (fb), ladder_framework_get_id (fb));
}

static int
compare_profiles (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  LadderProfile *pa = (LadderProfile *) a;
  LadderProfile *pb = (LadderProfile *) b;

  return compare_names (ladder_profile_get_name (pa), ladder_profile_get_id (pa),
                        ladder_profile_get_name (pb), ladder_profile_get_id (pb));
}

static int
compare_load_errors (gconstpointer a,
                     gconstpointer b)
{
  LadderLoadError *ea = *(LadderLoadError * const *) a;
  LadderLoadError *eb = *(LadderLoadError * const *) b;
  g_autofree char *ua = g_file_get_uri (ea->file);
  g_autofree char *ub = g_file_get_uri (eb->file);

  return strcmp (ua, ub);
}

/* A renamed profile moves to its place in name order. */
static void
profile_name_changed_cb (LadderProfile *profile,
                         GParamSpec    *pspec,
                         LadderLibrary *self)
{
  g_autoptr(LadderProfile) keep = g_object_ref (profile);
  guint position;

  if (!g_list_store_find (self->profiles, profile, &position))
    return;

  g_list_store_remove (self->profiles, position);
  g_list_store_insert_sorted (self->profiles, profile, compare_profiles, NULL);
}

static void
track_profile (LadderLibrary *self,
               LadderProfile *profile)
{
  g_signal_connect_object (profile, "notify::name",
                           G_CALLBACK (profile_name_changed_cb), self, 0);
}

/* Copies on disk {{{1 */

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
  /* Read in full and not changed since (the changes it had then): a save
   * has nothing to write. */
  guint64    changes_at_read;
  gboolean   read_in_full;
  /* Files changed on disk while the profile was loading, read again once
   * it is whole (GFile), and saves asked for meanwhile (GTask). */
  GPtrArray *reload_later;
  GPtrArray *waiting_saves;
} ProfileEntry;

static void
profile_entry_free (gpointer data)
{
  ProfileEntry *entry = data;

  g_free (entry->disk_checksum);
  g_free (entry->writing_checksum);
  g_clear_pointer (&entry->other_files, g_ptr_array_unref);
  g_free (entry->head);
  g_clear_pointer (&entry->reload_later, g_ptr_array_unref);
  g_clear_pointer (&entry->waiting_saves, g_ptr_array_unref);
  g_free (entry);
}

static GQuark
profile_entry_quark (void)
{
  return g_quark_from_static_string ("ladder-library-profile-entry");
}

/* @profile's entry, made on first use. */
static ProfileEntry *
profile_entry (LadderProfile *profile)
{
  ProfileEntry *entry = g_object_get_qdata (G_OBJECT (profile), profile_entry_quark ());

  if (entry == NULL)
    {
      entry = g_new0 (ProfileEntry, 1);
      g_object_set_qdata_full (G_OBJECT (profile), profile_entry_quark (), entry,
                               profile_entry_free);
    }

  return entry;
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* The list in @list, made on first use. */
static GPtrArray *
entry_list (GPtrArray **list)
{
  if (*list == NULL)
    *list = g_ptr_array_new_with_free_func (g_object_unref);

  return *list;
}

static char *
checksum_of (const char *data,
             gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

static gboolean
is_known_checksum (LadderProfile *profile,
                   const char    *checksum)
{
  ProfileEntry *entry = profile_entry (profile);

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

  return checksum_of (job->data, job->length);
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
                                 : checksum_of (data, length);

  return profile;
}

/* Any thread. A file its owner made read-only (no write permission, for
 * anyone or for us) opens read-only, saying so: saves would refuse it, and
 * the user is told before they type, not after. */
static void
check_writable (LadderProfile *profile,
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
static LadderProfile *
load_profile_file (GFile         *file,
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
  set_string (&profile_entry (profile)->disk_checksum, checksum);
  check_writable (profile, file);

  return g_steal_pointer (&profile);
}

/* Main thread: merges what @file now holds (@theirs, read from bytes with
 * @checksum) into @profile. */
static gboolean
merge_disk_copy (LadderLibrary  *self,
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
  set_string (&profile_entry (profile)->disk_checksum, checksum);

  if (ladder_merge_get_n_changes (merge) > 0)
    g_signal_emit (self, signals[PROFILE_MERGED], 0, profile, merge);

  return TRUE;
}

static void
set_changed_on_disk_error (GError **error,
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
  GPtrArray *files = entry_list (&profile_entry (profile)->other_files);

  for (guint i = 0; i < files->len; i++)
    if (g_file_equal (g_ptr_array_index (files, i), file))
      return;

  g_ptr_array_add (files, g_object_ref (file));
}

/* Main thread: @theirs, read from @file, is the profile @profile that the
 * library already has from another file: a copy that a synced folder
 * made on a conflict ("Alex (conflicted copy).json"), or one the user put
 * there. It is merged in, never silently dropped, and the merge saved to
 * the profile's own file; @file is left as it is (merging it again
 * changes nothing). A copy that cannot be merged (another framework) is
 * listed among the files that could not be opened, with the reason. */
static void
merge_other_file (LadderLibrary *self,
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
      g_autoptr(LadderLoadError) load_error = NULL;
      guint position;

      error = g_error_new (local_error->domain, local_error->code,
                           _("This file holds the profile that “%s” holds too, and cannot be "
                             "merged into it: %s"),
                           ours_name, local_error->message);
      load_error = ladder_load_error_new (file, error);
      for (position = 0; position < g_list_model_get_n_items (G_LIST_MODEL (self->errors)); position++)
        {
          g_autoptr(LadderLoadError) other = g_list_model_get_item (G_LIST_MODEL (self->errors), position);

          if (g_file_equal (other->file, file))
            {
              g_list_store_splice (self->errors, position, 1, (gpointer *) &load_error, 1);
              return;
            }
        }
      g_list_store_append (self->errors, load_error);
      return;
    }

  ladder_merge_apply (merge);
  remember_other_file (profile, file);
  if (ladder_merge_get_n_changes (merge) == 0)
    return;

  g_signal_emit (self, signals[PROFILE_MERGED], 0, profile, merge);
  ladder_library_save_profile_async (self, profile, self->cancellable, merged_save_cb, NULL);
}

/* Watching the profiles folder {{{1 */

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

  /* Gone (moved away, deleted), half-written or not a profile: nothing to
   * take in. A save refuses to write over a file it cannot read. */
  if (reload->theirs == NULL)
    {
      if (reload->error != NULL && !g_error_matches (reload->error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Not merging %s: %s", g_file_peek_path (reload->file), reload->error->message);
      return;
    }

  profile = find_profile_by_file (self, reload->file);

  /* A profile still being read takes in changes once it is whole. */
  known = profile != NULL ? profile
                          : ladder_library_find_profile (self, ladder_profile_get_id (reload->theirs));
  if (known != NULL && ladder_profile_get_loading (known))
    {
      g_ptr_array_add (entry_list (&profile_entry (known)->reload_later),
                       g_object_ref (reload->file));
      return;
    }

  if (profile == NULL)
    {
      /* A profile that arrived in the folder: added, or merged into the
       * one the library has under another file name. */
      if (known == NULL)
        {
          set_string (&profile_entry (reload->theirs)->disk_checksum, reload->checksum);
          ladder_library_add_profile (self, reload->theirs);
        }
      else
        merge_other_file (self, known, reload->theirs, reload->file);
      return;
    }

  if (is_known_checksum (profile, reload->checksum) || ladder_profile_get_read_only (profile))
    return;

  if (!merge_disk_copy (self, profile, reload->theirs, reload->checksum, &error))
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
static void
schedule_reload (LadderLibrary *self,
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
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      schedule_reload (self, file);
      break;

    case G_FILE_MONITOR_EVENT_RENAMED:
      /* How a save replaces a file: a temporary file renamed over it. */
      if (other_file != NULL)
        schedule_reload (self, other_file);
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

static void watch_profiles (LadderLibrary *self);

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
    watch_profiles (self);
}

/* Watches profiles/ or, while it does not exist, the data folder for it
 * to appear; with no data folder either, the first save makes both and
 * calls this again. */
static void
watch_profiles (LadderLibrary *self)
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
  stop_monitor (self, &self->folder_monitor);

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
        schedule_reload (self, child);
    }
}

/* The head cache {{{1 */

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
#define HEAD_VERSION 1
#define HEAD_TYPE "(su(tttxuxu)s)"
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
static GVariant *
file_key (GFile *file)
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
static gboolean
has_head (GFile *directory,
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

/* Any thread. The head kept for @file, if the file is as it was then. */
static char *
read_head (GFile *directory,
           GFile *file,
           gsize *length)
{
  g_autoptr(GFile) cache = head_file (directory, file);
  g_autoptr(GVariant) key = NULL;
  g_autoptr(GVariant) kept = NULL;
  g_autoptr(GVariant) kept_key = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *magic;
  const char *head;
  guint32 version;

  bytes = g_file_load_bytes (cache, NULL, NULL, NULL);
  if (bytes == NULL)
    return NULL;

  key = file_key (file);
  if (key == NULL)
    return NULL;

  kept = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (HEAD_TYPE), bytes, FALSE));
  g_variant_get (kept, "(&su@" HEAD_KEY_TYPE "&s)", &magic, &version, &kept_key, &head);
  if (!g_str_equal (magic, HEAD_MAGIC) || version != HEAD_VERSION ||
      !g_variant_equal (key, kept_key) || *head == '\0')
    return NULL;

  *length = strlen (head);

  return g_strdup (head);
}

/* Any thread. Keeps @head for @file, which has @key; a failure only costs
 * the next start its speed. */
static void
write_head (GFile      *directory,
            GFile      *file,
            GVariant   *key,
            const char *head)
{
  g_autoptr(GFile) cache = head_file (directory, file);
  g_autoptr(GFile) folder = g_file_get_parent (cache);
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *path = g_file_get_path (cache);

  if (key == NULL || head == NULL || path == NULL)
    return;

  variant = g_variant_ref_sink (g_variant_new ("(su@" HEAD_KEY_TYPE "s)", HEAD_MAGIC, HEAD_VERSION,
                                               key, head));

  /* The head holds review notes and ratings: the owner's alone. */
  if (g_mkdir_with_parents (folder_path, 0700) != 0 ||
      !g_file_set_contents_full (path, g_variant_get_data (variant), g_variant_get_size (variant),
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                 0600, &error))
    g_debug ("Could not keep the head of %s: %s", g_file_peek_path (file),
             error != NULL ? error->message : g_strerror (errno));
}

static void
remove_head (GFile *directory,
             GFile *file)
{
  g_autoptr(GFile) cache = NULL;

  if (!has_head (directory, file))
    return;

  cache = head_file (directory, file);
  (void) g_file_delete (cache, NULL, NULL);
}

/* Any thread. Drops the heads of files no longer in profiles/ (@names):
 * they hold what a deleted profile held. */
static void
remove_stale_heads (GFile     *directory,
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
static void
mark_changes (guint64       *changes,
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

static gboolean
is_unchanged_since_read (LadderProfile *profile)
{
  ProfileEntry *entry = profile_entry (profile);

  return is_unchanged_since (entry->changes_at_read, entry->read_in_full, profile);
}

/* Any thread. The profile as its head has it, or NULL (with no head, or
 * one that does not match, or does not read). */
static LadderProfile *
load_profile_head (GFile *directory,
                   GFile *file)
{
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  g_autofree char *name = NULL;
  gsize length;

  head = read_head (directory, file, &length);
  if (head == NULL)
    return NULL;

  name = g_file_get_parse_name (file);
  profile = ladder_format_read_profile (head, length, name, &error);
  if (profile == NULL || ladder_profile_get_read_only (profile))
    {
      g_debug ("Not showing %s from its head: %s", name,
               error != NULL ? error->message : "read-only");
      return NULL;
    }

  ladder_profile_set_file (profile, file);
  check_writable (profile, file);
  _ladder_profile_set_loading (profile, TRUE);
  profile_entry (profile)->head = g_steal_pointer (&head);

  return g_steal_pointer (&profile);
}

typedef struct
{
  GFile    *file;
  GVariant *key;
  char     *head;
} HeadWrite;

static void
head_write_free (HeadWrite *write)
{
  g_clear_object (&write->file);
  g_clear_pointer (&write->key, g_variant_unref);
  g_clear_pointer (&write->head, g_free);
  g_free (write);
}

static void
write_heads_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GPtrArray *writes = task_data;
  GFile *directory = g_object_get_data (G_OBJECT (task), "directory");

  for (guint i = 0; i < writes->len; i++)
    {
      HeadWrite *write = g_ptr_array_index (writes, i);

      write_head (directory, write->file, write->key, write->head);
    }

  g_task_return_boolean (task, TRUE);
}

static void save_step (GTask *task);
static void start_completion (LadderLibrary *self);

/* Main thread. @profile, shown from its head, was read in full as @full
 * (or failed to read, with @error): it takes @full's evidence and is a
 * profile like any other. */
static void
finish_loading (LadderLibrary *self,
                LadderProfile *profile,
                LadderProfile *full,
                const GError  *error)
{
  ProfileEntry *entry;
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autofree char *full_head = NULL;
  gboolean matched;
  gboolean unchanged;
  guint position;

  if (!ladder_profile_get_loading (profile))
    return;

  entry = profile_entry (profile);
  waiting = g_steal_pointer (&entry->waiting_saves);

  if (full == NULL)
    {
      g_autoptr(LadderLoadError) load_error = NULL;

      /* The file went bad after its head was kept: what a load finds
       * now, the profile is not listed and the file's error is. */
      load_error = ladder_load_error_new (ladder_profile_get_file (profile), error);
      if (g_list_store_find (self->profiles, profile, &position))
        {
          g_signal_handlers_disconnect_by_func (profile, profile_name_changed_cb, self);
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

  full_head = _ladder_format_write_profile_head (full, NULL);
  matched = g_strcmp0 (entry->head, full_head) == 0;
  unchanged = is_unchanged_since (entry->changes_at_head, entry->shown_from_head, profile);

  if (matched)
    _ladder_profile_take_evidence (profile, full);
  else
    {
      g_autoptr(GError) merge_error = NULL;

      if (!merge_disk_copy (self, profile, full, profile_entry (full)->disk_checksum,
                            &merge_error))
        {
          /* Not a copy of it after all: never written over. */
          g_warning ("%s", merge_error->message);
          ladder_profile_set_read_only_reason (profile, merge_error->message);
          unchanged = FALSE;
        }
    }

  set_string (&entry->disk_checksum, profile_entry (full)->disk_checksum);
  g_clear_pointer (&entry->head, g_free);
  entry->shown_from_head = FALSE;
  if (unchanged && matched)
    mark_changes (&entry->changes_at_read, &entry->read_in_full, profile);
  g_debug ("Read %s in full (%s since shown, head %s)",
           g_file_peek_path (ladder_profile_get_file (profile)),
           unchanged ? "unchanged" : "changed", matched ? "matched" : "contradicted");

  _ladder_profile_set_loading (profile, FALSE);

  for (guint i = 0; waiting != NULL && i < waiting->len; i++)
    save_step (g_ptr_array_index (waiting, i));
  if (waiting != NULL)
    g_ptr_array_set_free_func (waiting, NULL);

  later = g_steal_pointer (&entry->reload_later);
  for (guint i = 0; later != NULL && i < later->len; i++)
    schedule_reload (self, g_ptr_array_index (later, i));
}

/* Main thread. Reads the rest of a profile shown from its head now,
 * before what cannot wait for it. */
static void
complete_now (LadderLibrary *self,
              LadderProfile *profile)
{
  g_autoptr(LadderProfile) full = NULL;
  g_autoptr(GError) error = NULL;

  if (!ladder_profile_get_loading (profile))
    return;

  full = load_profile_file (ladder_profile_get_file (profile), NULL, &error);
  finish_loading (self, profile, full, error);
}

typedef struct
{
  LadderProfile *profile;
  GFile         *file;
  LadderProfile *full;
  GError        *error;
} Completion;

static void
completion_free (Completion *completion)
{
  g_clear_object (&completion->profile);
  g_clear_object (&completion->file);
  g_clear_object (&completion->full);
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

  completion->full = load_profile_file (completion->file, cancellable, &completion->error);
  g_task_return_boolean (task, TRUE);
}

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

  finish_loading (self, completion->profile, completion->full, completion->error);
  g_clear_object (&completion->full);
  start_completion (self);

#ifdef __GLIBC__
  /* Reading a large file leaves the memory of its JSON tree free but held
   * by the worker's allocator: give it back. */
  if (!self->completing)
    malloc_trim (0);
#endif
}

/* Main thread. Reads the next profile shown from its head, one at a
 * time, in the order of the list. */
static void
start_completion (LadderLibrary *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));

  if (self->completing)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);
      g_autoptr(GTask) task = NULL;
      Completion *completion;

      if (!ladder_profile_get_loading (profile))
        continue;

      completion = g_new0 (Completion, 1);
      completion->profile = g_object_ref (profile);
      completion->file = g_object_ref (ladder_profile_get_file (profile));

      task = g_task_new (self, self->cancellable, completion_done_cb, NULL);
      g_task_set_source_tag (task, start_completion);
      g_task_set_task_data (task, completion, (GDestroyNotify) completion_free);
      g_task_run_in_thread (task, completion_thread);
      self->completing = TRUE;
      return;
    }
}

/* Loading {{{1 */

typedef struct
{
  GPtrArray *bundled;   /* LadderFramework */
  GPtrArray *imported;  /* LadderFramework */
  GPtrArray *imported_files;  /* GFile: where each of imported was read */
  GPtrArray *profiles;  /* LadderProfile */
  GPtrArray *errors;    /* LadderLoadError */
  GPtrArray *heads;     /* HeadWrite: heads to keep for next time */
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
  result->heads = g_ptr_array_new_with_free_func ((GDestroyNotify) head_write_free);

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

          g_ptr_array_add (result->errors, ladder_load_error_new (file, error));
        }
    }
}

typedef enum
{
  LOAD_FRAMEWORKS,
  LOAD_PROFILES,
} LoadKind;

/* Every .json file of @folder: what loads goes to the result, what does
 * not goes to its errors. A folder that is not there holds nothing. */
static void
load_folder (GFile        *directory,
             GFile        *folder,
             LoadKind      kind,
             gboolean      use_heads,
             LoadResult   *result,
             GCancellable *cancellable)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE,
                                          cancellable, &error);
  if (enumerator == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_ptr_array_add (result->errors, ladder_load_error_new (folder, error));
      return;
    }

  for (;;)
    {
      GFileInfo *info;
      const char *name;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, cancellable, &error))
        {
          g_ptr_array_add (result->errors, ladder_load_error_new (folder, error));
          break;
        }
      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      /* Not the temporary files of a save in progress, nor backups. */
      if (name[0] != '.' && g_str_has_suffix (name, ".json"))
        g_ptr_array_add (names, g_strdup (name));
    }

  g_ptr_array_sort_values (names, compare_values);

  if (kind == LOAD_PROFILES && use_heads)
    remove_stale_heads (directory, names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (folder, g_ptr_array_index (names, i));
      g_autoptr(GError) load_error = NULL;
      GObject *object;

      if (kind == LOAD_FRAMEWORKS)
        object = G_OBJECT (ladder_format_load_framework (file, cancellable, &load_error));
      else if (use_heads && (object = G_OBJECT (load_profile_head (directory, file))) != NULL)
        ;
      else
        {
          g_autoptr(GVariant) key = use_heads ? file_key (file) : NULL;
          g_autoptr(GVariant) key_after = NULL;

          object = G_OBJECT (load_profile_file (file, cancellable, &load_error));

          /* Its head, for next time: unless the file changed while it
           * was read. */
          if (object != NULL && key != NULL &&
              !ladder_profile_get_read_only (LADDER_PROFILE (object)) &&
              (key_after = file_key (file)) != NULL && g_variant_equal (key, key_after))
            {
              HeadWrite *write = g_new0 (HeadWrite, 1);

              write->file = g_object_ref (file);
              write->key = g_steal_pointer (&key);
              write->head = _ladder_format_write_profile_head (LADDER_PROFILE (object), NULL);
              g_ptr_array_add (result->heads, write);
            }
        }

      if (object != NULL && kind == LOAD_FRAMEWORKS)
        {
          g_ptr_array_add (result->imported, object);
          g_ptr_array_add (result->imported_files, g_object_ref (file));
        }
      else if (object != NULL)
        g_ptr_array_add (result->profiles, object);
      else
        g_ptr_array_add (result->errors, ladder_load_error_new (file, load_error));
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

      full = load_profile_file (file, cancellable, &error);
      if (full != NULL)
        {
          g_ptr_array_index (result->profiles, i) = g_steal_pointer (&full);
          g_object_unref (profile);
          i++;
        }
      else
        {
          g_ptr_array_add (result->errors, ladder_load_error_new (file, error));
          g_ptr_array_remove_index (result->profiles, i);
        }
    }
}

static LoadResult *
load_everything (GFile         *directory,
                 gboolean       use_heads,
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

  load_folder (directory, frameworks, LOAD_FRAMEWORKS, FALSE, result, cancellable);
  load_folder (directory, profiles, LOAD_PROFILES, use_heads, result, cancellable);
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
  g_autofree char *expected = file_name_for_id (ladder_profile_get_id (profile), "profile");
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

  g_ptr_array_sort_values_with_data (frameworks, compare_frameworks, self);
  g_ptr_array_sort_values_with_data (result->profiles, compare_profiles, NULL);
  g_ptr_array_sort (result->errors, compare_load_errors);

  disconnect_profiles (self);
  for (guint i = 0; i < result->profiles->len; i++)
    track_profile (self, g_ptr_array_index (result->profiles, i));

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

      merge_other_file (self,
                        g_hash_table_lookup (by_id, ladder_profile_get_id (duplicate)),
                        duplicate, ladder_profile_get_file (duplicate));
    }

  watch_profiles (self);
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

  result = load_everything (self->directory, FALSE, cancellable, error);
  if (result == NULL)
    return FALSE;

  apply_result (self, result);

  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *directory = task_data;
  GError *error = NULL;
  LoadResult *result;

  result = load_everything (directory, TRUE, cancellable, &error);
  if (result != NULL)
    g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
  else
    g_task_return_error (task, error);
}

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
          ProfileEntry *entry = profile_entry (profile);

          mark_changes (&entry->changes_at_head, &entry->shown_from_head, profile);
        }
    }

  if (result->heads->len > 0)
    {
      g_autoptr(GTask) heads = g_task_new (NULL, NULL, NULL, NULL);

      g_object_set_data_full (G_OBJECT (heads), "directory", g_object_ref (self->directory),
                              g_object_unref);
      g_task_set_task_data (heads, g_steal_pointer (&result->heads),
                            (GDestroyNotify) g_ptr_array_unref);
      g_task_run_in_thread (heads, write_heads_thread);
    }

  start_completion (self);
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

  g_return_if_fail (LADDER_IS_LIBRARY (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ladder_library_load_async);

  /* The worker's own task, so that its result lands here, on this
   * thread, before the caller hears of it. */
  worker = g_task_new (self, cancellable, load_thread_done_cb, g_steal_pointer (&task));
  g_task_set_task_data (worker, g_object_ref (self->directory), g_object_unref);
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

/* Look-ups {{{1 */

/**
 * ladder_library_find_framework:
 * @self: a #LadderLibrary
 * @id: a framework id
 *
 * Returns: (transfer none) (nullable): the framework, or %NULL
 */
LadderFramework *
ladder_library_find_framework (LadderLibrary *self,
                               const char    *id)
{
  guint n;

  g_return_val_if_fail (LADDER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->frameworks));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderFramework) framework = NULL;

      framework = g_list_model_get_item (G_LIST_MODEL (self->frameworks), i);
      if (g_strcmp0 (ladder_framework_get_id (framework), id) == 0)
        return framework;
    }

  return NULL;
}

/**
 * ladder_library_find_profile:
 * @self: a #LadderLibrary
 * @id: a profile id
 *
 * Returns: (transfer none) (nullable): the profile, or %NULL
 */
LadderProfile *
ladder_library_find_profile (LadderLibrary *self,
                             const char    *id)
{
  guint n;

  g_return_val_if_fail (LADDER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);

      if (g_strcmp0 (ladder_profile_get_id (profile), id) == 0)
        return profile;
    }

  return NULL;
}

/**
 * ladder_library_is_bundled:
 * @self: a #LadderLibrary
 * @framework: a framework of the library
 *
 * Returns: %TRUE if @framework is one of those built into Ladder
 */
gboolean
ladder_library_is_bundled (LadderLibrary   *self,
                           LadderFramework *framework)
{
  g_return_val_if_fail (LADDER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (framework), FALSE);

  return g_hash_table_contains (self->bundled, framework);
}

/* Changes {{{1 */

/* The longest id that names its file as it is. */
#define MAX_PLAIN_NAME_ID 64
/* How much of an id that does not starts its file's name, before the hash. */
#define NAME_SLUG_LENGTH 32

static inline gboolean
is_plain_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.';
}

/* An id as a file name. Ids are meant to be slugs or UUIDs, but one from an
 * imported or shared file could hold anything. A short id of letters,
 * digits, '-', '_' and '.' (not first) is its own name; any other id is a
 * slug of its start, '-' and the SHA-256 of the whole id, which makes a
 * name longer than any plain one. So two ids never share a file name, and
 * every name fits a file system's 255 bytes with room for the suffixes
 * (~, .deleted, the temporary file's). */
static char *
file_name_for_id (const char *id,
                  const char *fallback)
{
  g_autofree char *hash = NULL;
  GString *name;
  gsize length = id != NULL ? strlen (id) : 0;
  gboolean plain = length > 0 && length <= MAX_PLAIN_NAME_ID && id[0] != '.';

  for (gsize i = 0; plain && i < length; i++)
    plain = is_plain_name_char (id[i]);

  if (plain)
    return g_strconcat (id, ".json", NULL);

  name = g_string_new (NULL);
  for (gsize i = 0; i < length && name->len < NAME_SLUG_LENGTH; i++)
    {
      if (g_ascii_isalnum (id[i]) || id[i] == '-' || id[i] == '_')
        g_string_append_c (name, id[i]);
      else if (name->len > 0 && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
    }
  if (name->len == 0)
    g_string_append (name, fallback);

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, id != NULL ? id : "", -1);
  g_string_append_printf (name, "-%s.json", hash);

  return g_string_free_and_steal (name);
}

/* How file_name_for_id() named files before ids were hashed, when two ids
 * could meet in one name: kept to find the drafts written then. */
static char *
legacy_file_name_for_id (const char *id,
                         const char *fallback)
{
  GString *name = g_string_new (NULL);

  for (const char *p = id; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || (*p == '.' && name->len > 0))
        g_string_append_c (name, *p);
      else
        g_string_append_c (name, '-');
    }

  if (name->len == 0)
    g_string_append (name, fallback);

  g_string_append (name, ".json");

  return g_string_free_and_steal (name);
}

/* Writes a file of the library. ladder_save_contents() never makes a
 * folder, so the data folder and its profiles/ and frameworks/ are made
 * here, private (0700), on first use or after someone deleted them. A file
 * outside the data folder, which the user picked, gets no folder made: if
 * its folder vanished, the save says so. */
static gboolean
save_library_file (GFile         *directory,
                   GFile         *file,
                   const char    *contents,
                   gsize          length,
                   GCancellable  *cancellable,
                   GError       **error)
{
  if (g_file_has_prefix (file, directory))
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = g_file_get_path (parent);

      /* Why the folder could not be made is the reason to give (a full
       * or read-only disk), not that it then does not exist. */
      if (folder != NULL && g_mkdir_with_parents (folder, 0700) != 0)
        {
          int saved_errno = errno;
          g_autofree char *name = g_file_get_parse_name (file);

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not save “%s”: the folder “%s” could not be made: %s."),
                       name, folder, g_strerror (saved_errno));
          return FALSE;
        }
    }

  return ladder_save_contents (file, contents, length, cancellable, error);
}

static gboolean
save_owned_contents (LadderLibrary  *self,
                     GFile          *file,
                     char           *contents,
                     gsize           length,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autofree char *owned = contents;

  return save_library_file (self->directory, file, owned, length, cancellable, error);
}

/* Drafts {{{1 */

/* A check-in being written is kept outside its profile, which holds only
 * finished ones, in the data folder's drafts/, named as the profile's own
 * file is (file_name_for_id()). */
static GFile *
draft_file_named (LadderLibrary *self,
                  const char    *basename,
                  const char    *suffix)
{
  g_autofree char *name = g_strconcat (basename, suffix, NULL);
  g_autoptr(GFile) folder = g_file_get_child (self->directory, "drafts");

  return g_file_get_child (folder, name);
}

static GFile *
draft_file (LadderLibrary *self,
            LadderProfile *profile,
            const char    *suffix)
{
  g_autofree char *basename = file_name_for_id (ladder_profile_get_id (profile), "profile");

  return draft_file_named (self, basename, suffix);
}

/* Moves a profile's draft aside with its file, and back with an undo. */
static void
move_draft (LadderLibrary *self,
            LadderProfile *profile,
            const char    *from_suffix,
            const char    *to_suffix)
{
  g_autoptr(GFile) from = draft_file (self, profile, from_suffix);
  g_autoptr(GFile) to = draft_file (self, profile, to_suffix);
  g_autoptr(GError) error = NULL;

  if (g_file_query_exists (to, NULL) || !g_file_query_exists (from, NULL))
    return;

  if (!g_file_move (from, to, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, &error))
    g_warning ("Could not move the draft “%s”: %s", g_file_peek_path (from), error->message);
}

/**
 * ladder_library_get_draft_file:
 * @self: a #LadderLibrary
 * @profile: a profile
 *
 * Returns: (transfer full): where @profile's draft check-in is kept, in
 *   `drafts/` in the data folder, under the name of the profile's own file
 */
GFile *
ladder_library_get_draft_file (LadderLibrary *self,
                               LadderProfile *profile)
{
  g_return_val_if_fail (LADDER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  return draft_file (self, profile, "");
}

static LadderCheckin *
read_draft (LadderProfile  *profile,
            GFile          *file,
            GError        **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;

  if (!ladder_format_load_contents (file, &contents, &length, NULL, error))
    return NULL;

  name = g_file_get_parse_name (file);
  return ladder_format_read_checkin (contents, length, name, ladder_profile_get_id (profile),
                                     ladder_profile_get_framework (profile), error);
}

/* A draft written under the name that ids got before they were hashed,
 * which another id could share: taken only when it is @profile's own, and
 * then moved to the name it has now. */
static LadderCheckin *
adopt_legacy_draft (LadderLibrary *self,
                    LadderProfile *profile,
                    GFile         *file)
{
  g_autofree char *basename = legacy_file_name_for_id (ladder_profile_get_id (profile), "profile");
  g_autoptr(GFile) legacy = draft_file_named (self, basename, "");
  g_autoptr(LadderCheckin) draft = NULL;
  g_autoptr(GError) error = NULL;

  if (g_file_equal (legacy, file))
    return NULL;

  draft = read_draft (profile, legacy, &error);
  if (draft == NULL)
    return NULL;

  if (!g_file_move (legacy, file, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, &error))
    {
      g_warning ("Could not rename the draft “%s”: %s", g_file_peek_path (legacy), error->message);
      return NULL;
    }

  return g_steal_pointer (&draft);
}

/**
 * ladder_library_load_draft:
 * @self: a #LadderLibrary
 * @profile: a profile
 * @error: return location for a #GError
 *
 * Reads @profile's draft check-in. Having none is not an error. A draft
 * that cannot be read, or that belongs to another profile
 * (%LADDER_FORMAT_ERROR_OTHER_PROFILE), is reported and left as it is.
 *
 * Returns: (transfer full) (nullable): the draft, or %NULL when there is
 *   none (@error unset) or it cannot be read (@error set)
 */
LadderCheckin *
ladder_library_load_draft (LadderLibrary  *self,
                           LadderProfile  *profile,
                           GError        **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  LadderCheckin *draft;

  g_return_val_if_fail (LADDER_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = draft_file (self, profile, "");
  draft = read_draft (profile, file, &local_error);
  if (draft != NULL)
    return draft;

  if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return adopt_legacy_draft (self, profile, file);
}

/**
 * ladder_library_save_draft:
 * @self: a #LadderLibrary
 * @profile: a profile
 * @checkin: its check-in being written
 * @error: return location for a #GError
 *
 * Writes @checkin to @profile's draft file through ladder_save_contents(),
 * making the drafts folder (0700) when needed. A draft that is there but
 * cannot be read is not written over (%LADDER_FORMAT_ERROR_READ_ONLY).
 *
 * Returns: %TRUE on success
 */
gboolean
ladder_library_save_draft (LadderLibrary  *self,
                           LadderProfile  *profile,
                           LadderCheckin  *checkin,
                           GError        **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(LadderCheckin) old = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  char *contents;

  g_return_val_if_fail (LADDER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LADDER_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (LADDER_IS_CHECKIN (checkin), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  old = ladder_library_load_draft (self, profile, &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_READ_ONLY,
                   _("The draft check-in was not saved, so as not to write over one "
                     "that cannot be read: %s"), local_error->message);
      return FALSE;
    }

  file = draft_file (self, profile, "");
  contents = ladder_format_write_checkin (profile, checkin, &length);

  return save_owned_contents (self, file, contents, length, NULL, error);
}

/**
 * ladder_library_remove_draft:
 * @self: a #LadderLibrary
 * @profile: a profile
 * @error: return location for a #GError
 *
 * Removes @profile's draft file and its backup, when there are any. A
 * draft of another profile found under its name is left as it is.
 *
 * Returns: %TRUE on success
 */
gboolean
ladder_library_remove_draft (LadderLibrary  *self,
                             LadderProfile  *profile,
                             GError        **error)
{
  const char *suffixes[] = { "", "~" };
  g_autoptr(GFile) own = NULL;
  g_autoptr(LadderCheckin) draft = NULL;
  g_autoptr(GError) read_error = NULL;

  g_return_val_if_fail (LADDER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LADDER_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Another profile's draft under this one's name is not this one's to
   * remove. A broken one is: it is what the user chose to discard. */
  own = draft_file (self, profile, "");
  draft = read_draft (profile, own, &read_error);
  if (g_error_matches (read_error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_OTHER_PROFILE))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autoptr(GFile) file = draft_file (self, profile, suffixes[i]);
      g_autoptr(GError) local_error = NULL;

      if (!g_file_delete (file, NULL, &local_error) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_autofree char *name = g_file_get_parse_name (file);

          g_set_error (error, local_error->domain, local_error->code,
                       _("Could not remove “%s”: %s"), name, local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * ladder_library_add_framework:
 * @self: a #LadderLibrary
 * @framework: an imported framework
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes @framework to `frameworks/ID.json` in the data folder (made if
 * needed, 0700) and adds it to #LadderLibrary:frameworks. An imported or
 * bundled framework with the same id is replaced in the list.
 *
 * Returns: %TRUE if the framework was written and added
 */
gboolean
ladder_library_add_framework (LadderLibrary    *self,
                              LadderFramework  *framework,
                              GCancellable     *cancellable,
                              GError          **error)
{
  g_autofree char *basename = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) file = NULL;
  char *contents;
  gsize length;
  guint n;

  g_return_val_if_fail (LADDER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (framework), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  basename = file_name_for_id (ladder_framework_get_id (framework), "framework");
  folder = g_file_get_child (self->directory, "frameworks");
  file = g_file_get_child (folder, basename);

  contents = ladder_format_write_framework (framework, &length);
  if (!save_owned_contents (self, file, contents, length, cancellable, error))
    return FALSE;
  g_hash_table_insert (self->framework_files, g_object_ref (framework), g_object_ref (file));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->frameworks));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderFramework) other = g_list_model_get_item (G_LIST_MODEL (self->frameworks), i);

      if (other != framework &&
          g_strcmp0 (ladder_framework_get_id (other), ladder_framework_get_id (framework)) == 0)
        {
          g_hash_table_remove (self->bundled, other);
          g_hash_table_remove (self->framework_files, other);
          g_list_store_remove (self->frameworks, i);
          break;
        }
    }

  if (!g_list_store_find (self->frameworks, framework, NULL))
    g_list_store_insert_sorted (self->frameworks, framework, compare_frameworks, self);

  return TRUE;
}

/**
 * ladder_library_add_profile:
 * @self: a #LadderLibrary
 * @profile: a profile
 *
 * Adds @profile to #LadderLibrary:profiles, in name order. A profile
 * without a #LadderProfile:file gets `profiles/ID.json` in the data
 * folder. Nothing is written until ladder_library_save_profile().
 */
void
ladder_library_add_profile (LadderLibrary *self,
                            LadderProfile *profile)
{
  g_return_if_fail (LADDER_IS_LIBRARY (self));
  g_return_if_fail (LADDER_IS_PROFILE (profile));

  if (g_list_store_find (self->profiles, profile, NULL))
    return;

  if (ladder_profile_get_file (profile) == NULL)
    {
      g_autofree char *basename = file_name_for_id (ladder_profile_get_id (profile), "profile");
      g_autoptr(GFile) folder = g_file_get_child (self->directory, "profiles");
      g_autoptr(GFile) file = g_file_get_child (folder, basename);

      ladder_profile_set_file (profile, file);
    }

  move_draft (self, profile, ".deleted", "");
  track_profile (self, profile);
  g_list_store_insert_sorted (self->profiles, profile, compare_profiles, NULL);
}

/* Moves a profile file to NAME.deleted beside it, which no load reads. */
static gboolean
move_aside (GFile   *file,
            GError **error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *deleted_name = g_strconcat (basename, ".deleted", NULL);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) deleted = g_file_get_child (parent, deleted_name);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_move (file, deleted, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                    NULL, NULL, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not remove “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * ladder_library_remove_profile:
 * @self: a #LadderLibrary
 * @profile: a profile of the library
 * @error: return location for a #GError
 *
 * Removes @profile from #LadderLibrary:profiles. When its file is in the
 * data folder's `profiles/`, it is moved aside to `ID.json.deleted` there,
 * so that an undo can bring it back; a file elsewhere, which the user
 * picked, is left alone. Other files of the profile in `profiles/` that
 * were merged into it (a synced folder's conflict copies) are moved aside
 * too, or the next load would bring the profile back.
 *
 * Returns: %TRUE if removed; %FALSE, removing nothing, if the file could
 *   not be moved aside
 */
gboolean
ladder_library_remove_profile (LadderLibrary  *self,
                               LadderProfile  *profile,
                               GError        **error)
{
  g_autoptr(GFile) profiles = NULL;
  g_autoptr(GFile) parent = NULL;
  GPtrArray *other_files;
  GFile *file;
  guint position;

  g_return_val_if_fail (LADDER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LADDER_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* An undo writes it back: it must be whole. */
  complete_now (self, profile);

  if (!g_list_store_find (self->profiles, profile, &position))
    return TRUE;

  file = ladder_profile_get_file (profile);
  profiles = g_file_get_child (self->directory, "profiles");
  parent = file != NULL ? g_file_get_parent (file) : NULL;

  if (parent != NULL && g_file_equal (parent, profiles) && g_file_query_exists (file, NULL) &&
      !move_aside (file, error))
    return FALSE;
  if (file != NULL)
    remove_head (self->directory, file);

  /* Its other files hold nothing it does not (they were merged in), and
   * would bring it back at the next load. An undo saves the profile to
   * its own file again. */
  other_files = profile_entry (profile)->other_files;
  for (guint i = 0; other_files != NULL && i < other_files->len; i++)
    {
      GFile *other = g_ptr_array_index (other_files, i);
      g_autoptr(GFile) other_parent = g_file_get_parent (other);
      g_autoptr(GError) local_error = NULL;

      if (other_parent != NULL && g_file_equal (other_parent, profiles) &&
          g_file_query_exists (other, NULL) && !move_aside (other, &local_error))
        g_warning ("%s", local_error->message);
    }
  g_clear_pointer (&profile_entry (profile)->other_files, g_ptr_array_unref);

  move_draft (self, profile, "", ".deleted");
  g_signal_handlers_disconnect_by_func (profile, profile_name_changed_cb, self);
  g_list_store_remove (self->profiles, position);

  return TRUE;
}

/* Frameworks {{{1 */

G_DEFINE_QUARK (ladder-library-error-quark, ladder_library_error)

/* The names of the profiles that follow @framework (the same id), in the
 * library's order, or NULL when none does. */
static char *
describe_users (LadderLibrary   *self,
                LadderFramework *framework)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);
      LadderFramework *followed = ladder_profile_get_framework (profile);

      if (g_strcmp0 (ladder_framework_get_id (followed), ladder_framework_get_id (framework)) == 0)
        g_ptr_array_add (names, (gpointer) ladder_profile_get_name (profile));
    }

  if (names->len == 0)
    return NULL;

  g_ptr_array_add (names, NULL);
  /* Translators: the separator of a list of names, "Alex Doe, Sam Roe" */
  return g_strjoinv (_(", "), (char **) names->pdata);
}

/* Checks that @framework is an imported one of the library, whose file
 * may be changed. */
static GFile *
imported_file (LadderLibrary    *self,
               LadderFramework  *framework,
               GError          **error)
{
  GFile *file;

  if (g_hash_table_contains (self->bundled, framework))
    {
      g_set_error (error, LADDER_LIBRARY_ERROR, LADDER_LIBRARY_ERROR_BUNDLED,
                   _("“%s” comes with Ladder: it can be hidden, but not changed or deleted."),
                   ladder_framework_get_name (framework));
      return NULL;
    }

  file = g_hash_table_lookup (self->framework_files, framework);
  if (file == NULL || !g_list_store_find (self->frameworks, framework, NULL))
    {
      g_set_error (error, LADDER_LIBRARY_ERROR, LADDER_LIBRARY_ERROR_NOT_FOUND,
                   _("“%s” is not a framework of this library."),
                   ladder_framework_get_name (framework));
      return NULL;
    }

  return file;
}

/**
 * ladder_library_remove_framework:
 * @self: a #LadderLibrary
 * @framework: an imported framework of the library
 * @error: return location for a #GError
 *
 * Removes an imported framework: its file is moved aside to NAME.deleted,
 * which no load reads, so that ladder_library_restore_framework() can
 * bring it back. A bundled framework cannot be removed
 * (%LADDER_LIBRARY_ERROR_BUNDLED), nor one that profiles of the library
 * follow (%LADDER_LIBRARY_ERROR_IN_USE, with a message that names them).
 *
 * Returns: %TRUE if removed
 */
gboolean
ladder_library_remove_framework (LadderLibrary    *self,
                                 LadderFramework  *framework,
                                 GError          **error)
{
  g_autofree char *users = NULL;
  guint position;
  GFile *file;

  g_return_val_if_fail (LADDER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (framework), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = imported_file (self, framework, error);
  if (file == NULL)
    return FALSE;

  users = describe_users (self, framework);
  if (users != NULL)
    {
      g_set_error (error, LADDER_LIBRARY_ERROR, LADDER_LIBRARY_ERROR_IN_USE,
                   /* Translators: the first %s is a framework, the second a list of names */
                   _("“%s” is not deleted: the profiles of %s follow it."),
                   ladder_framework_get_name (framework), users);
      return FALSE;
    }

  if (g_file_query_exists (file, NULL) && !move_aside (file, error))
    return FALSE;

  if (g_list_store_find (self->frameworks, framework, &position))
    g_list_store_remove (self->frameworks, position);

  return TRUE;
}

/**
 * ladder_library_restore_framework:
 * @self: a #LadderLibrary
 * @framework: a framework removed by ladder_library_remove_framework()
 * @error: return location for a #GError
 *
 * Brings back a removed framework and its file (the undo of a removal).
 *
 * Returns: %TRUE if restored
 */
gboolean
ladder_library_restore_framework (LadderLibrary    *self,
                                  LadderFramework  *framework,
                                  GError          **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *deleted_name = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) deleted = NULL;
  g_autoptr(GError) local_error = NULL;
  GFile *file;

  g_return_val_if_fail (LADDER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (framework), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_hash_table_lookup (self->framework_files, framework);
  if (file == NULL)
    {
      g_set_error (error, LADDER_LIBRARY_ERROR, LADDER_LIBRARY_ERROR_NOT_FOUND,
                   _("“%s” is not a framework of this library."),
                   ladder_framework_get_name (framework));
      return FALSE;
    }

  if (g_list_store_find (self->frameworks, framework, NULL))
    return TRUE;

  basename = g_file_get_basename (file);
  deleted_name = g_strconcat (basename, ".deleted", NULL);
  parent = g_file_get_parent (file);
  deleted = g_file_get_child (parent, deleted_name);

  /* Never over a file that took its name meanwhile. */
  if (!g_file_move (deleted, file, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not bring back “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  g_list_store_insert_sorted (self->frameworks, framework, compare_frameworks, self);

  return TRUE;
}

/**
 * ladder_library_rename_framework:
 * @self: a #LadderLibrary
 * @framework: an imported framework of the library
 * @name: its new name, not empty
 * @error: return location for a #GError
 *
 * Renames an imported framework and writes it to its file. Its id, which
 * profiles and their ratings refer to, stays. A bundled framework cannot
 * be renamed (%LADDER_LIBRARY_ERROR_BUNDLED).
 *
 * Returns: %TRUE if renamed and written; on failure the name is unchanged
 */
gboolean
ladder_library_rename_framework (LadderLibrary    *self,
                                 LadderFramework  *framework,
                                 const char       *name,
                                 GError          **error)
{
  g_autofree char *old_name = NULL;
  g_autofree char *stripped = NULL;
  guint position;
  gsize length;
  char *contents;
  GFile *file;

  g_return_val_if_fail (LADDER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (framework), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = imported_file (self, framework, error);
  if (file == NULL)
    return FALSE;

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0')
    {
      g_set_error (error, LADDER_LIBRARY_ERROR, LADDER_LIBRARY_ERROR_INVALID,
                   _("A framework needs a name."));
      return FALSE;
    }

  old_name = g_strdup (ladder_framework_get_name (framework));
  ladder_framework_set_name (framework, stripped);
  contents = ladder_format_write_framework (framework, &length);
  if (!save_owned_contents (self, file, contents, length, NULL, error))
    {
      ladder_framework_set_name (framework, old_name);
      return FALSE;
    }

  /* Its place in the name order. */
  if (g_list_store_find (self->frameworks, framework, &position))
    {
      g_autoptr(LadderFramework) held = g_object_ref (framework);

      g_list_store_remove (self->frameworks, position);
      g_list_store_insert_sorted (self->frameworks, held, compare_frameworks, self);
    }

  return TRUE;
}

/* Saving {{{1 */

/* The file a profile is saved to, after the checks that keep Ladder from
 * writing what it must not. */
static GFile *
prepare_save (LadderLibrary  *self,
              LadderProfile  *profile,
              GError        **error)
{
  GFile *file = ladder_profile_get_file (profile);
  guint n;

  if (file == NULL)
    {
      g_autofree char *basename = file_name_for_id (ladder_profile_get_id (profile), "profile");
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
  n = g_list_model_get_n_items (G_LIST_MODEL (self->errors));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderLoadError) load_error = NULL;

      load_error = g_list_model_get_item (G_LIST_MODEL (self->errors), i);
      if (g_file_equal (load_error->file, file))
        {
          g_autofree char *name = g_file_get_parse_name (file);

          g_set_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_READ_ONLY,
                       _("“%s” could not be read, so Ladder does not write over it."), name);
          return NULL;
        }
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

      set_changed_on_disk_error (error, file, read_error);
      return FALSE;
    }

  checksum = checksum_of (contents, length);
  if (is_known_checksum (profile, checksum))
    return TRUE;

  name = g_file_get_parse_name (file);
  theirs = ladder_format_read_profile (contents, length, name, &read_error);
  if (theirs == NULL)
    {
      set_changed_on_disk_error (error, file, read_error);
      return FALSE;
    }

  return merge_disk_copy (self, profile, theirs, checksum, error);
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
  char *contents;
  gsize length;

  g_return_val_if_fail (LADDER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LADDER_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ladder_profile_get_loading (profile))
    {
      complete_now (self, profile);
      if (ladder_profile_get_read_only (profile))
        {
          g_autofree char *name = g_file_get_parse_name (ladder_profile_get_file (profile));

          g_set_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_READ_ONLY,
                       _("“%s” could not be read in full, so Ladder does not write over it."),
                       name);
          return FALSE;
        }
    }
  if (is_unchanged_since_read (profile))
    return TRUE;

  file = prepare_save (self, profile, error);
  if (file == NULL)
    return FALSE;

  if (!merge_before_save (self, profile, file, cancellable, error))
    return FALSE;

  contents = ladder_format_write_profile (profile, &length);
  checksum = checksum_of (contents, length);
  set_string (&profile_entry (profile)->writing_checksum, checksum);
  profile_entry (profile)->read_in_full = FALSE;
  if (has_head (self->directory, file))
    head = _ladder_format_write_profile_head (profile, NULL);

  if (!save_owned_contents (self, file, contents, length, cancellable, error))
    return FALSE;

  if (head != NULL)
    {
      g_autoptr(GVariant) key = file_key (file);

      write_head (self->directory, file, key, head);
    }

  set_string (&profile_entry (profile)->disk_checksum, checksum);
  /* The save may have made the folders. */
  watch_profiles (self);

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
      g_autofree char *checksum = checksum_of (disk, length);

      if (g_strcmp0 (checksum, data->expected) != 0 &&
          g_strcmp0 (checksum, data->expected_writing) != 0)
        {
          g_autofree char *name = g_file_get_parse_name (data->file);

          data->theirs = ladder_format_read_profile (disk, length, name, &read_error);
          if (data->theirs == NULL)
            {
              set_changed_on_disk_error (&error, data->file, read_error);
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
      set_changed_on_disk_error (&error, data->file, read_error);
      g_task_return_error (task, error);
      return;
    }

  contents = g_bytes_get_data (data->contents, &length);
  if (!save_library_file (data->directory, data->file, contents, length, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (data->head != NULL)
    {
      g_autoptr(GVariant) key = file_key (data->file);

      write_head (data->directory, data->file, key, data->head);
    }
  g_task_return_boolean (task, TRUE);
}

static void save_step (GTask *task);

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
      set_string (&profile_entry (data->profile)->disk_checksum, data->checksum);
      watch_profiles (self);
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The file changed on disk: take in what it holds, then try again. */
  if (!merge_disk_copy (self, data->profile, data->theirs, data->theirs_checksum, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_clear_object (&data->theirs);
  g_clear_pointer (&data->theirs_checksum, g_free);
  save_step (g_steal_pointer (&task));
}

/* Serialises the profile as it is now and starts a step that writes it. */
static void
save_step (GTask *task)
{
  LadderLibrary *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  g_autoptr(GTask) worker = NULL;
  ProfileEntry *entry;
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
  data->checksum = checksum_of (contents, length);
  entry = profile_entry (data->profile);
  set_string (&data->expected, entry->disk_checksum);
  set_string (&data->expected_writing, entry->writing_checksum);
  set_string (&entry->writing_checksum, data->checksum);
  entry->read_in_full = FALSE;
  g_free (data->head);
  data->head = has_head (data->directory, data->file)
               ? _ladder_format_write_profile_head (data->profile, NULL) : NULL;

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
  if (is_unchanged_since_read (profile))
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
      g_ptr_array_add (entry_list (&profile_entry (profile)->waiting_saves), task);
      return;
    }

  save_step (task);
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
