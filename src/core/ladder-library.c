/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderLibrary: the user's frameworks and profiles in the data folder.
 * This file holds the object, its lists and their order, the entry the
 * library keeps for each profile, the names of its files, and adding and
 * removing profiles; ladder-library-private.h lists the other files of
 * the type and their jobs. */

#define G_LOG_DOMAIN "ladder-library"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ladder-format.h"
#include "ladder-format-private.h"
#include "ladder-library.h"
#include "ladder-library-private.h"
#include "ladder-merge.h"
#include "ladder-profile-private.h"
#include "ladder-save.h"
/* LadderLibrary {{{1 */

G_DEFINE_FINAL_TYPE (LadderLibrary, ladder_library, G_TYPE_OBJECT)

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

void
_ladder_library_stop_monitor (LadderLibrary  *self,
                              GFileMonitor  **monitor)
{
  if (*monitor == NULL)
    return;

  g_signal_handlers_disconnect_by_data (*monitor, self);
  g_file_monitor_cancel (*monitor);
  g_clear_object (monitor);
}

void
_ladder_library_disconnect_profiles (LadderLibrary *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);

      g_signal_handlers_disconnect_by_func (profile, _ladder_library_profile_name_changed_cb, self);
    }
}

static void
ladder_library_dispose (GObject *object)
{
  LadderLibrary *self = LADDER_LIBRARY (object);

  if (self->profiles != NULL)
    _ladder_library_disconnect_profiles (self);

  g_cancellable_cancel (self->cancellable);
  _ladder_library_stop_handover (self);
  _ladder_library_stop_monitor (self, &self->monitor);
  _ladder_library_stop_monitor (self, &self->folder_monitor);
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
  self->read_ahead = LADDER_LIBRARY_DEFAULT_READ_AHEAD;
  self->evidence_step = LADDER_LIBRARY_EVIDENCE_STEP;
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

void
_ladder_library_emit_profile_merged (LadderLibrary *self,
                                     LadderProfile *profile,
                                     LadderMerge   *merge)
{
  g_signal_emit (self, signals[PROFILE_MERGED], 0, profile, merge);
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

int
_ladder_library_compare_frameworks (gconstpointer a,
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

int
_ladder_library_compare_profiles (gconstpointer a,
                                  gconstpointer b,
                                  gpointer      user_data)
{
  LadderProfile *pa = (LadderProfile *) a;
  LadderProfile *pb = (LadderProfile *) b;

  return compare_names (ladder_profile_get_name (pa), ladder_profile_get_id (pa),
                        ladder_profile_get_name (pb), ladder_profile_get_id (pb));
}

int
_ladder_library_compare_load_errors (gconstpointer a,
                                     gconstpointer b)
{
  LadderLoadError *ea = *(LadderLoadError * const *) a;
  LadderLoadError *eb = *(LadderLoadError * const *) b;
  g_autofree char *ua = g_file_get_uri (ladder_load_error_get_file (ea));
  g_autofree char *ub = g_file_get_uri (ladder_load_error_get_file (eb));

  return strcmp (ua, ub);
}

/* A renamed profile moves to its place in name order. */
void
_ladder_library_profile_name_changed_cb (LadderProfile *profile,
                                         GParamSpec    *pspec,
                                         LadderLibrary *self)
{
  g_autoptr(LadderProfile) keep = g_object_ref (profile);
  guint position;

  if (!g_list_store_find (self->profiles, profile, &position))
    return;

  g_list_store_remove (self->profiles, position);
  g_list_store_insert_sorted (self->profiles, profile, _ladder_library_compare_profiles, NULL);
}

void
_ladder_library_track_profile (LadderLibrary *self,
                               LadderProfile *profile)
{
  g_signal_connect_object (profile, "notify::name",
                           G_CALLBACK (_ladder_library_profile_name_changed_cb), self, 0);
}

/* Copies on disk {{{1 */

static void
profile_entry_free (gpointer data)
{
  LadderProfileEntry *entry = data;

  g_free (entry->disk_checksum);
  g_free (entry->writing_checksum);
  g_clear_pointer (&entry->other_files, g_ptr_array_unref);
  g_free (entry->head);
  g_clear_pointer (&entry->reload_later, g_ptr_array_unref);
  g_clear_pointer (&entry->waiting_saves, g_ptr_array_unref);
  g_clear_object (&entry->aside);
  g_free (entry);
}

static GQuark
profile_entry_quark (void)
{
  return g_quark_from_static_string ("ladder-library-profile-entry");
}

/* @profile's entry, made on first use. */
LadderProfileEntry *
_ladder_library_profile_entry (LadderProfile *profile)
{
  LadderProfileEntry *entry = g_object_get_qdata (G_OBJECT (profile), profile_entry_quark ());

  if (entry == NULL)
    {
      entry = g_new0 (LadderProfileEntry, 1);
      g_object_set_qdata_full (G_OBJECT (profile), profile_entry_quark (), entry,
                               profile_entry_free);
    }

  return entry;
}

/* The list in @list, made on first use. */
GPtrArray *
_ladder_library_entry_list (GPtrArray **list)
{
  if (*list == NULL)
    *list = g_ptr_array_new_with_free_func (g_object_unref);

  return *list;
}

char *
_ladder_library_checksum_of (const char *data,
                             gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
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
char *
_ladder_library_file_name_for_id (const char *id,
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

/* How _ladder_library_file_name_for_id() named files before ids were hashed, when two ids
 * could meet in one name: kept to find the drafts written then. */
char *
_ladder_library_legacy_file_name_for_id (const char *id,
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
gboolean
_ladder_library_save_library_file (GFile         *directory,
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

gboolean
_ladder_library_save_owned_contents (LadderLibrary  *self,
                                     GFile          *file,
                                     char           *contents,
                                     gsize           length,
                                     GCancellable   *cancellable,
                                     GError        **error)
{
  g_autofree char *owned = contents;

  return _ladder_library_save_library_file (self->directory, file, owned, length, cancellable, error);
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

  basename = _ladder_library_file_name_for_id (ladder_framework_get_id (framework), "framework");
  folder = g_file_get_child (self->directory, "frameworks");
  file = g_file_get_child (folder, basename);

  contents = ladder_format_write_framework (framework, &length);
  if (!_ladder_library_save_owned_contents (self, file, contents, length, cancellable, error))
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
    g_list_store_insert_sorted (self->frameworks, framework, _ladder_library_compare_frameworks, self);

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
      g_autofree char *basename = _ladder_library_file_name_for_id (ladder_profile_get_id (profile), "profile");
      g_autoptr(GFile) folder = g_file_get_child (self->directory, "profiles");
      g_autoptr(GFile) file = g_file_get_child (folder, basename);

      ladder_profile_set_file (profile, file);
    }

  _ladder_library_move_draft (self, profile, ".deleted", "");
  _ladder_library_track_profile (self, profile);
  g_list_store_insert_sorted (self->profiles, profile, _ladder_library_compare_profiles, NULL);
}

/* Moves a profile file to NAME.deleted beside it, which no load reads,
 * and says where in @aside. */
gboolean
_ladder_library_move_aside (GFile   *file,
                            GFile  **aside,
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

  if (aside != NULL)
    g_set_object (aside, deleted);

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
  _ladder_library_complete_now (self, profile);

  if (!g_list_store_find (self->profiles, profile, &position))
    return TRUE;

  file = ladder_profile_get_file (profile);
  profiles = g_file_get_child (self->directory, "profiles");
  parent = file != NULL ? g_file_get_parent (file) : NULL;

  if (parent != NULL && g_file_equal (parent, profiles) && g_file_query_exists (file, NULL) &&
      !_ladder_library_move_aside (file, &_ladder_library_profile_entry (profile)->aside, error))
    return FALSE;
  if (file != NULL)
    _ladder_library_remove_head (self->directory, file);

  /* Its other files hold nothing it does not (they were merged in), and
   * would bring it back at the next load. An undo saves the profile to
   * its own file again. */
  other_files = _ladder_library_profile_entry (profile)->other_files;
  for (guint i = 0; other_files != NULL && i < other_files->len; i++)
    {
      GFile *other = g_ptr_array_index (other_files, i);
      g_autoptr(GFile) other_parent = g_file_get_parent (other);
      g_autoptr(GError) local_error = NULL;

      if (other_parent != NULL && g_file_equal (other_parent, profiles) &&
          g_file_query_exists (other, NULL) &&
          !_ladder_library_move_aside (other, NULL, &local_error))
        g_warning ("%s", local_error->message);
    }
  g_clear_pointer (&_ladder_library_profile_entry (profile)->other_files, g_ptr_array_unref);

  _ladder_library_move_draft (self, profile, "", ".deleted");
  g_signal_handlers_disconnect_by_func (profile, _ladder_library_profile_name_changed_cb, self);
  g_list_store_remove (self->profiles, position);

  return TRUE;
}

/**
 * ladder_library_restore_profile:
 * @self: a #LadderLibrary
 * @profile: a profile that ladder_library_remove_profile() removed
 * @error: return location for a #GError
 *
 * Undoes ladder_library_remove_profile(): the profile's file is moved back
 * from where the removal put it, and the profile is added again, with its
 * check-in draft. A file that took its name meanwhile is never written
 * over: the restore fails, changing nothing.
 *
 * Returns: %TRUE if @profile is in the library again
 */
gboolean
ladder_library_restore_profile (LadderLibrary  *self,
                                LadderProfile  *profile,
                                GError        **error)
{
  LadderProfileEntry *entry;
  GFile *file;

  g_return_val_if_fail (LADDER_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (LADDER_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_list_store_find (self->profiles, profile, NULL))
    return TRUE;

  entry = _ladder_library_profile_entry (profile);
  file = ladder_profile_get_file (profile);
  if (entry->aside != NULL && file != NULL && g_file_query_exists (entry->aside, NULL))
    {
      g_autoptr(GError) local_error = NULL;

      if (!g_file_move (entry->aside, file, G_FILE_COPY_NOFOLLOW_SYMLINKS,
                        NULL, NULL, NULL, &local_error))
        {
          g_autofree char *name = g_file_get_parse_name (file);

          g_set_error (error, local_error->domain, local_error->code,
                       _("Could not restore “%s”: %s"), name, local_error->message);
          return FALSE;
        }
    }
  g_clear_object (&entry->aside);

  ladder_library_add_profile (self, profile);

  return TRUE;
}
