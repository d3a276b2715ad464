/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ladder-framework.h"
#include "ladder-profile.h"

G_BEGIN_DECLS

#define LADDER_TYPE_LIBRARY (ladder_library_get_type ())
G_DECLARE_FINAL_TYPE (LadderLibrary, ladder_library, LADDER, LIBRARY, GObject)

/* The resource folder bundled frameworks are read from (the GResource that
 * the app, the CLI and the tests link in). */
#define LADDER_BUNDLED_FRAMEWORKS_PATH "/io/github/ladderapp/Ladder/frameworks/"

#define LADDER_LIBRARY_ERROR (ladder_library_error_quark ())

/**
 * LadderLibraryError:
 * @LADDER_LIBRARY_ERROR_BUNDLED: a framework that comes with Ladder cannot
 *   be changed or removed
 * @LADDER_LIBRARY_ERROR_IN_USE: profiles follow the framework
 * @LADDER_LIBRARY_ERROR_NOT_FOUND: not a framework of the library
 * @LADDER_LIBRARY_ERROR_INVALID: a value that cannot be taken (an empty name)
 */
typedef enum
{
  LADDER_LIBRARY_ERROR_BUNDLED,
  LADDER_LIBRARY_ERROR_IN_USE,
  LADDER_LIBRARY_ERROR_NOT_FOUND,
  LADDER_LIBRARY_ERROR_INVALID,
} LadderLibraryError;

GQuark ladder_library_error_quark (void);

/* Everything on disk: bundled and imported frameworks, profiles.
 *
 * Properties: "directory" (GFile, construct-only: the data folder,
 * $XDG_DATA_HOME/ladder by default), "frameworks" (GListModel of
 * LadderFramework: bundled first, then imported, each in name order),
 * "profiles" (GListModel of LadderProfile, in name order), "errors"
 * (GListModel of LadderLoadError: files that failed to load; they are
 * never written).
 *
 * Once loaded, the library watches profiles/ (a folder that may be synced
 * between devices): when a loaded profile's file changes on disk, what it
 * holds is merged into the profile (ladder_merge_new()), the merge is
 * written back if the profile held more, and "profile-merged" (profile,
 * LadderMerge) says what changed; a profile file that appears is added.
 * Saving never writes over changes made elsewhere either: a file that is
 * not what the profile last read or wrote is merged in first, and one that
 * cannot be read then is not written over. */
LadderLibrary   *ladder_library_new                (GFile          *directory);
/* The default folder, $XDG_DATA_HOME/ladder. */
GFile           *ladder_library_get_default_directory (void);
GFile           *ladder_library_get_directory      (LadderLibrary  *self);
GListModel      *ladder_library_get_frameworks     (LadderLibrary  *self);
GListModel      *ladder_library_get_profiles       (LadderLibrary  *self);
GListModel      *ladder_library_get_errors         (LadderLibrary  *self);

/* Reads the bundled frameworks and the folder's frameworks/ and profiles/.
 * A file that fails to load goes to "errors"; the rest still loads. Returns
 * FALSE only when the folder itself cannot be read. */
gboolean         ladder_library_load               (LadderLibrary  *self,
                                                    GCancellable   *cancellable,
                                                    GError        **error);
void             ladder_library_load_async         (LadderLibrary       *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean         ladder_library_load_finish        (LadderLibrary  *self,
                                                    GAsyncResult   *result,
                                                    GError        **error);

LadderFramework *ladder_library_find_framework     (LadderLibrary  *self,
                                                    const char     *id);
LadderProfile   *ladder_library_find_profile       (LadderLibrary  *self,
                                                    const char     *id);
gboolean         ladder_library_is_bundled         (LadderLibrary  *self,
                                                    LadderFramework *framework);

/* Adds an imported framework and writes it to frameworks/ID.json. */
gboolean         ladder_library_add_framework      (LadderLibrary   *self,
                                                    LadderFramework *framework,
                                                    GCancellable    *cancellable,
                                                    GError         **error);
/* Imported frameworks can be removed (unless profiles follow them; moved
 * aside for an undo) and renamed; bundled ones neither. */
gboolean         ladder_library_remove_framework   (LadderLibrary    *self,
                                                    LadderFramework  *framework,
                                                    GError          **error);
gboolean         ladder_library_restore_framework  (LadderLibrary    *self,
                                                    LadderFramework  *framework,
                                                    GError          **error);
gboolean         ladder_library_rename_framework   (LadderLibrary    *self,
                                                    LadderFramework  *framework,
                                                    const char       *name,
                                                    GError          **error);
/* A profile shown from its head (LadderProfile:loading) is read in full
 * on a worker: the next one while those read hold fewer evidence entries
 * than the read-ahead, and beyond that only when asked for, so that a
 * manager's fifty large profiles do not all sit in memory. Saving a
 * profile, or a change of its file on disk, asks for it. */
#define LADDER_LIBRARY_DEFAULT_READ_AHEAD 20000
void             ladder_library_set_read_ahead     (LadderLibrary   *self,
                                                    guint            n_entries);
void             ladder_library_hold_read_ahead    (LadderLibrary   *self,
                                                    gboolean         hold);
void             ladder_library_read_in_full       (LadderLibrary   *self,
                                                    LadderProfile   *profile);
/* The manager's team as the heads kept at the last load sum it up, before
 * the library loads: LadderTeamSummary elements, or NULL. */
GPtrArray       *ladder_library_peek_team          (LadderLibrary   *self,
                                                    const GDate     *today);
/* Adds a profile (its file becomes profiles/ID.json unless it has one). */
void             ladder_library_add_profile        (LadderLibrary   *self,
                                                    LadderProfile   *profile);
/* Removes a profile from the list; its file is moved aside to
 * profiles/ID.json.deleted so that an undo can bring it back. */
gboolean         ladder_library_remove_profile     (LadderLibrary   *self,
                                                    LadderProfile   *profile,
                                                    GError         **error);
/* Undoes a removal: the file comes back, and the profile with it. */
gboolean         ladder_library_restore_profile    (LadderLibrary   *self,
                                                    LadderProfile   *profile,
                                                    GError         **error);

/* Saves a profile to its file through ladder_save_contents(), after
 * merging in what the file holds if someone else changed it. A read-only
 * profile, and a changed file that cannot be read, are refused with
 * LADDER_FORMAT_ERROR_READ_ONLY. */
gboolean         ladder_library_save_profile       (LadderLibrary   *self,
                                                    LadderProfile   *profile,
                                                    GCancellable    *cancellable,
                                                    GError         **error);
/* Serialises on the calling thread, writes on a worker. */
void             ladder_library_save_profile_async (LadderLibrary       *self,
                                                    LadderProfile       *profile,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean         ladder_library_save_profile_finish (LadderLibrary  *self,
                                                     GAsyncResult   *result,
                                                     GError        **error);

/* A check-in being written, kept outside its profile (which holds only
 * finished ones) in drafts/ of the data folder, under its profile's own
 * file name. Loading gives NULL without an error when there is none; a
 * draft that cannot be read, or is another profile's, is reported, never
 * written over. A removed profile's draft is moved aside to NAME.deleted
 * and comes back when the profile is added again. */
GFile           *ladder_library_get_draft_file     (LadderLibrary  *self,
                                                    LadderProfile  *profile);
LadderCheckin   *ladder_library_load_draft         (LadderLibrary  *self,
                                                    LadderProfile  *profile,
                                                    GError        **error);
gboolean         ladder_library_save_draft         (LadderLibrary  *self,
                                                    LadderProfile  *profile,
                                                    LadderCheckin  *checkin,
                                                    GError        **error);
gboolean         ladder_library_remove_draft       (LadderLibrary  *self,
                                                    LadderProfile  *profile,
                                                    GError        **error);
#define LADDER_TYPE_LOAD_ERROR (ladder_load_error_get_type ())
G_DECLARE_FINAL_TYPE (LadderLoadError, ladder_load_error, LADDER, LOAD_ERROR, GObject)

/* A file that failed to load: "file" (GFile) and "error" (GError boxed). */
GFile           *ladder_load_error_get_file        (LadderLoadError *self);
const GError    *ladder_load_error_get_error       (LadderLoadError *self);

G_END_DECLS
