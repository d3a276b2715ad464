/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-save"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ladder-format.h"
#include "ladder-save.h"

/* A temporary file is ".NAME.ladder-XXXXXX" beside NAME: hidden, and
 * marked as ours, so that only Ladder's own leftovers are ever cleaned. */
#define TEMP_INFIX ".ladder-"
#define TEMP_RANDOM_LENGTH 6

/* Why not g_file_replace_contents(): for a file that does not exist yet
 * GIO writes it in place, without a temporary file, and does not fsync
 * it, so a crash or a full disk can leave half a file behind; and it
 * keeps the backup only by renaming the old file away first, which leaves
 * a moment with no file at all. Ladder's files are small and precious, so
 * they are written here: temporary file beside the target, fsync, a hard
 * link keeps the old version as FILE~, rename over, fsync the folder. GIO
 * remains the way for files that have no local path. */

/* The reason, for a person, from an errno. */
static const char *
describe_errno (int saved_errno)
{
  switch (saved_errno)
    {
    case ENOSPC:
      return _("The disk is full.");
#ifdef EDQUOT
    case EDQUOT:
      return _("The disk quota is used up.");
#endif
    case EROFS:
      return _("The disk is read-only.");
    case EACCES:
    case EPERM:
      return _("You do not have permission to write there.");
    case ENOTDIR:
      return _("A part of the path is a file, not a folder.");
    case EISDIR:
      return _("There is a folder of that name.");
    case ENOENT:
      return _("The folder does not exist.");
    case ENAMETOOLONG:
      return _("The name is too long.");
    case EIO:
      return _("The disk could not be written to (input/output error).");
    default:
      return g_strerror (saved_errno);
    }
}

static gboolean
set_save_error (GError     **error,
                const char  *name,
                int          saved_errno)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not save “%s”: %s"), name, describe_errno (saved_errno));
  return FALSE;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length,
           int         *saved_errno)
{
  while (length > 0)
    {
      gssize written = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          return FALSE;
        }

      data += written;
      length -= (gsize) written;
    }

  return TRUE;
}

static void
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  /* Makes the rename itself durable. Not every file system can; the data
   * is already safe, so a failure here is not the save's failure. */
  if (fd >= 0)
    {
      (void) fsync (fd);
      g_close (fd, NULL);
    }
}

/* Keeps the file that is about to be replaced as BACKUP. A hard link
 * under a temporary name (LINK) renamed over BACKUP lets the old file stay
 * in place until the rename of the new one swaps it, and the previous
 * backup until the new backup replaces it: a crash at any moment leaves a
 * whole file and a whole backup. Where links are not possible the old
 * file is renamed, which leaves a short moment without it, but never a
 * broken one. */
static gboolean
keep_backup (const char *path,
             const char *backup,
             const char *link_name,
             int        *saved_errno)
{
  if (link (path, link_name) == 0)
    {
      if (g_rename (link_name, backup) == 0)
        {
          /* When BACKUP already is a link to the file (a save killed
           * between its two renames leaves it so), rename() finds both
           * names to be one file and does nothing: LINK is still there. */
          (void) g_unlink (link_name);
          return TRUE;
        }

      *saved_errno = errno;
      g_unlink (link_name);
      return FALSE;
    }

  if (g_unlink (backup) != 0 && errno != ENOENT)
    {
      *saved_errno = errno;
      return FALSE;
    }

  if (g_rename (path, backup) == 0)
    return TRUE;

  *saved_errno = errno;
  return FALSE;
}

static gboolean
save_local (const char    *target,
            const char    *name,
            const char    *contents,
            gsize          length,
            gboolean       with_backup,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *backup = NULL;
  GStatBuf st;
  gboolean exists;
  int saved_errno = 0;
  int fd;

  /* Through a symbolic link to the file it points at, so that the link
   * stays a link. */
  path = realpath (target, NULL);
  if (path == NULL)
    path = g_strdup (target);

  folder = g_path_get_dirname (path);
  basename = g_path_get_basename (path);

  exists = g_stat (path, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    return set_save_error (error, name, EISDIR);

  /* A file its owner made read-only stays so, even for root, whom the
   * rename below would let replace it. */
  if (exists && (st.st_mode & 0222) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                   _("Could not save “%s”: the file is read-only. Make it writable to save "
                     "changes to it."),
                   name);
      return FALSE;
    }

  /* The folder is never made here: one that vanished (a removed disk, a
   * deleted folder) is an error to report, not a place to recreate on
   * whatever disk is below it. LadderLibrary makes its own folders. */
  temp = g_strdup_printf ("%s/.%s" TEMP_INFIX "XXXXXX", folder, basename);
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved_errno = errno;
      if (saved_errno == ENOENT)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("Could not save “%s”: the folder “%s” does not exist."),
                       name, folder);
          return FALSE;
        }
      return set_save_error (error, name, saved_errno);
    }

  /* An existing file keeps the permissions its owner gave it; a new one
   * is the owner's alone. */
  if (exists && fchmod (fd, st.st_mode & 07777) != 0)
    saved_errno = errno;

  if (saved_errno == 0 && write_all (fd, contents, length, &saved_errno) &&
      fsync (fd) != 0)
    saved_errno = errno;

  if (!g_close (fd, NULL) && saved_errno == 0)
    saved_errno = errno != 0 ? errno : EIO;

  if (saved_errno != 0)
    {
      g_unlink (temp);
      return set_save_error (error, name, saved_errno);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (temp);
      return FALSE;
    }

  if (exists && with_backup)
    {
      g_autofree char *link_name = NULL;

      /* ".NAME~.ladder-" and the random part of the temporary file's
       * name: unique as that one is, and cleaned as stale as that one. */
      backup = g_strconcat (path, "~", NULL);
      link_name = g_strdup_printf ("%s/.%s~" TEMP_INFIX "%s", folder, basename,
                                   temp + strlen (temp) - TEMP_RANDOM_LENGTH);
      if (!keep_backup (path, backup, link_name, &saved_errno))
        {
          g_unlink (temp);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not save “%s”: the backup “%s” could not be made. %s"),
                       name, backup, describe_errno (saved_errno));
          return FALSE;
        }
    }

  if (g_rename (temp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (temp);
      return set_save_error (error, name, saved_errno);
    }

  /* The backup is a link to the old file, with its permissions; it is the
   * only name of that file now, so this touches nothing else. */
  if (backup != NULL)
    (void) g_chmod (backup, 0600);

  sync_folder (folder);

  return TRUE;
}

static gboolean
save_with_gio (GFile         *file,
               const char    *name,
               const char    *contents,
               gsize          length,
               gboolean       with_backup,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_replace_contents (file, contents, length, NULL, with_backup,
                                G_FILE_CREATE_PRIVATE, NULL,
                                cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                     _("Could not save “%s”: %s"), name, _("The disk is full."));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("Could not save “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * ladder_save_check_size:
 * @name: the file's name, for the message
 * @length: the size it would have, in bytes
 * @error: return location for a #GError
 *
 * Whether a file of @length bytes could be opened again: Ladder reads no
 * file over %LADDER_FORMAT_MAX_SIZE, so it writes none either. For what
 * is written elsewhere than through ladder_save_contents(), which checks
 * this itself (standard output, for one).
 *
 * Returns: %TRUE if it can, else %FALSE with
 *   %LADDER_FORMAT_ERROR_TOO_LARGE that says what to do
 */
gboolean
ladder_save_check_size (const char  *name,
                        gsize        length,
                        GError     **error)
{
  g_autofree char *size = NULL;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length <= LADDER_FORMAT_MAX_SIZE)
    return TRUE;

  /* The unit of the limit's own message: 64 × 2²⁰ bytes called 64 MB. */
  size = g_strdup_printf ("%.1f MB", (double) length / (1024.0 * 1024.0));
  g_set_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_TOO_LARGE,
               /* Translators: the first %s is a file, the second a size such as "102.3 MB" */
               _("Could not save “%s”: it would be %s, and Ladder opens files up to %u MB. "
                 "Nothing was written. Remove old evidence or long texts, or split it in two, "
                 "and save again."),
               name, size, (guint) (LADDER_FORMAT_MAX_SIZE / (1024 * 1024)));
  return FALSE;
}

/**
 * ladder_save_contents:
 * @file: where to write
 * @contents: (array length=length): the bytes to write
 * @length: the number of bytes
 * @cancellable: (nullable): a #GCancellable; it is checked before the
 *   old file is replaced, never after
 * @error: return location for a #GError
 *
 * Writes @contents to @file so that the file on disk is always either the
 * whole old version or the whole new one: a temporary file in the same
 * folder, written and flushed to disk, then renamed over @file. The old
 * version is kept as FILE~ (one backup, readable by the owner alone). A new
 * file is made readable by its owner alone (0600); an existing file keeps
 * its permissions. A symbolic link is written through, to the file it
 * points at. The folder must exist: a missing one is an error, never made
 * here (#LadderLibrary makes its own data folders).
 *
 * Ladder reads back what it writes: contents over
 * %LADDER_FORMAT_MAX_SIZE, which no reader would open, are refused before
 * anything is written (%LADDER_FORMAT_ERROR_TOO_LARGE). A file with no
 * write permission is left as it is (%G_IO_ERROR_READ_ONLY), even where
 * the process could replace it.
 *
 * On failure @file is untouched and the error (in %G_IO_ERROR unless said
 * above) is a sentence that names the file and the reason, such as a full
 * disk.
 *
 * Returns: %TRUE on success
 */
gboolean
ladder_save_contents (GFile         *file,
                      const char    *contents,
                      gsize          length,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *name = NULL;
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (contents == NULL)
    contents = "";

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  name = g_file_get_parse_name (file);
  path = g_file_peek_path (file);

  if (!ladder_save_check_size (name, length, error))
    return FALSE;

  if (path != NULL)
    return save_local (path, name, contents, length, TRUE, cancellable, error);
  else
    return save_with_gio (file, name, contents, length, TRUE, cancellable, error);
}

/**
 * ladder_save_document:
 * @file: where to write
 * @contents: (array length=length): the bytes to write
 * @length: the number of bytes
 * @cancellable: (nullable): a #GCancellable; it is checked before the
 *   old file is replaced, never after
 * @error: return location for a #GError
 *
 * Writes a document made for a person, such as a PDF summary, as
 * ladder_save_contents() writes a file: whole or not at all, and under
 * the one rule for the permissions of everything Ladder writes, exports
 * included: these are personal documents, so a new file is readable by
 * its owner alone (0600), and a file written over keeps the permissions
 * its owner gave it. Unlike a profile, a document is not read back: no
 * backup is kept beside it and its size is not limited.
 *
 * Returns: %TRUE on success
 */
gboolean
ladder_save_document (GFile         *file,
                      const char    *contents,
                      gsize          length,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *name = NULL;
  const char *path;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (contents == NULL)
    contents = "";

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  name = g_file_get_parse_name (file);
  path = g_file_peek_path (file);

  if (path != NULL)
    return save_local (path, name, contents, length, FALSE, cancellable, error);
  else
    return save_with_gio (file, name, contents, length, FALSE, cancellable, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  GError *error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  gboolean saved;

  if (g_task_get_source_tag (task) == ladder_save_document_async)
    saved = ladder_save_document (G_FILE (source_object), data, length, cancellable, &error);
  else
    saved = ladder_save_contents (G_FILE (source_object), data, length, cancellable, &error);

  if (saved)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Either save on a worker thread: @source_tag, the public function,
 * tells save_thread() which. */
static void
save_async (GFile               *file,
            const char          *contents,
            gsize                length,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (contents != NULL || length == 0);

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_bytes_new (contents, length), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, save_thread);
}

static gboolean
save_finish (GFile         *file,
             GAsyncResult  *result,
             gpointer       source_tag,
             GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, file), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * ladder_save_contents_async:
 * @file: where to write
 * @contents: (array length=length): the bytes to write; copied
 * @length: the number of bytes
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written or the write failed
 * @user_data: data for @callback
 *
 * ladder_save_contents() on a worker thread. Finish with
 * ladder_save_contents_finish().
 */
void
ladder_save_contents_async (GFile               *file,
                            const char          *contents,
                            gsize                length,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  save_async (file, contents, length, ladder_save_contents_async, cancellable, callback, user_data);
}

/**
 * ladder_save_contents_finish:
 * @file: the file given to ladder_save_contents_async()
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the file was written
 */
gboolean
ladder_save_contents_finish (GFile         *file,
                             GAsyncResult  *result,
                             GError       **error)
{
  return save_finish (file, result, ladder_save_contents_async, error);
}

static gboolean
is_temp_name (const char *name)
{
  const char *infix;
  gsize length = strlen (name);

  if (name[0] != '.' || length < 1 + strlen (TEMP_INFIX) + TEMP_RANDOM_LENGTH)
    return FALSE;

  infix = name + length - TEMP_RANDOM_LENGTH - strlen (TEMP_INFIX);
  if (infix == name + 1 || strncmp (infix, TEMP_INFIX, strlen (TEMP_INFIX)) != 0)
    return FALSE;

  /* g_mkstemp() fills in letters and digits. */
  for (const char *c = infix + strlen (TEMP_INFIX); *c != '\0'; c++)
    if (!g_ascii_isalnum (*c))
      return FALSE;

  return TRUE;
}

/**
 * ladder_save_clean_stale:
 * @folder: a folder that ladder_save_contents() writes into
 * @min_age: how long a temporary file must have gone unchanged, in
 *   microseconds, to count as stale
 *
 * Removes the temporary files that a save in @folder left behind when its
 * process was killed or crashed before renaming them: only files named as
 * ladder_save_contents() names them, and only regular files not modified
 * in the last @min_age, so that a save still running in another process is
 * left alone. Best effort: what cannot be removed is left, since a
 * temporary file is hidden and never read. A missing folder has none.
 *
 * Returns: the number of files removed
 */
guint
ladder_save_clean_stale (GFile     *folder,
                         GTimeSpan  min_age)
{
  g_autofree char *path = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gint64 now = g_get_real_time ();
  guint removed = 0;

  g_return_val_if_fail (G_IS_FILE (folder), 0);
  g_return_val_if_fail (min_age >= 0, 0);

  path = g_file_get_path (folder);
  if (path == NULL)
    return 0;

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = NULL;
      GStatBuf st;
      gint64 modified;

      if (!is_temp_name (name))
        continue;

      child = g_build_filename (path, name, NULL);
      if (g_lstat (child, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      modified = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
      if (now - modified < min_age)
        continue;

      if (g_unlink (child) == 0)
        removed++;
      else
        g_debug ("Could not remove the stale temporary file “%s”: %s",
                 child, g_strerror (errno));
    }

  return removed;
}

/**
 * ladder_save_document_async:
 * @file: where to write
 * @contents: (array length=length): the bytes to write; copied
 * @length: the number of bytes
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written or the write failed
 * @user_data: data for @callback
 *
 * ladder_save_document() on a worker thread. Finish with
 * ladder_save_document_finish().
 */
void
ladder_save_document_async (GFile               *file,
                            const char          *contents,
                            gsize                length,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  save_async (file, contents, length, ladder_save_document_async, cancellable, callback, user_data);
}

/**
 * ladder_save_document_finish:
 * @file: the file given to ladder_save_document_async()
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the file was written
 */
gboolean
ladder_save_document_finish (GFile         *file,
                             GAsyncResult  *result,
                             GError       **error)
{
  return save_finish (file, result, ladder_save_document_async, error);
}
