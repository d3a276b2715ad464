/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderLibrary: the frameworks the user imported, renamed, removed (and
 * brought back by an undo). */

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

  if (g_file_query_exists (file, NULL) && !_ladder_library_move_aside (file, NULL, error))
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

  g_list_store_insert_sorted (self->frameworks, framework, _ladder_library_compare_frameworks, self);

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
  if (!_ladder_library_save_owned_contents (self, file, contents, length, NULL, error))
    {
      ladder_framework_set_name (framework, old_name);
      return FALSE;
    }

  /* Its place in the name order. */
  if (g_list_store_find (self->frameworks, framework, &position))
    {
      g_autoptr(LadderFramework) held = g_object_ref (framework);

      g_list_store_remove (self->frameworks, position);
      g_list_store_insert_sorted (self->frameworks, held, _ladder_library_compare_frameworks, self);
    }

  return TRUE;
}
