/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderLibrary: the drafts of check-ins being written, kept beside the
 * profiles until they are finished. */

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

/* A check-in being written is kept outside its profile, which holds only
 * finished ones, in the data folder's drafts/, named as the profile's own
 * file is (_ladder_library_file_name_for_id()). */
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
  g_autofree char *basename = _ladder_library_file_name_for_id (ladder_profile_get_id (profile), "profile");

  return draft_file_named (self, basename, suffix);
}

/* Moves a profile's draft aside with its file, and back with an undo. */
void
_ladder_library_move_draft (LadderLibrary *self,
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
  g_autofree char *basename = _ladder_library_legacy_file_name_for_id (ladder_profile_get_id (profile), "profile");
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

  return _ladder_library_save_owned_contents (self, file, contents, length, NULL, error);
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
