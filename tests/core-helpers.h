/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the core tests share: temporary folders, fixtures and files, and
 * running ladder-cli (or another program) to its end. GLib and GIO only,
 * so that any test or benchmark can include it.
 */
#pragma once

#include <errno.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

/* A new folder in the temporary folder, named after the test program. */
static inline char *
core_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_path_get_basename (g_get_prgname ());
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", program);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);

  return dir;
}

/* Removes @path and, when it is a folder, all it holds. A link is removed,
 * never followed; a path that is not there is nothing to remove, and a
 * file gone since its folder was listed (a worker of the library may
 * still be finishing) is no error. */
static inline void
core_remove_tree (const char *path)
{
  GStatBuf buf;

  if (g_lstat (path, &buf) != 0)
    return;

  if (S_ISDIR (buf.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          core_remove_tree (child);
        }
      g_assert_no_errno (g_rmdir (path));
    }
  else if (g_unlink (path) != 0)
    {
      g_assert_cmpint (errno, ==, ENOENT);
    }
}

/* The whole of @path, which must be readable; @length may be NULL. */
static inline char *
core_read_file (const char *path,
                gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

/* The whole of tests/fixtures/@name; @length may be NULL. */
static inline char *
core_read_fixture (const char *name,
                   gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);

  return core_read_file (path, length);
}

/* Writes @contents to @path, making its folder first. */
static inline void
core_write_file (const char *path,
                 const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_no_errno (g_mkdir_with_parents (folder, 0700));
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* @text with the first @old in it, which must be there, made @new. */
static inline char *
core_replace_once (const char *text,
                   const char *old,
                   const char *new)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);

  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old));
}

/* How a program ended and what it wrote. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} CoreRun;

static inline void
core_run_free (CoreRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoreRun, core_run_free)

static inline char *
core_bytes_to_string (GBytes *bytes)
{
  gsize size = g_bytes_get_size (bytes);

  return g_strndup (size > 0 ? g_bytes_get_data (bytes, NULL) : "", size);
}

/* Runs @argv to its end, in the folder and environment of @launcher, or
 * the test's own when it is NULL. The output is kept as the program wrote
 * it, bytes that are not UTF-8 included: a reader's error may echo what it
 * refused. The program must exit, not die of a signal. */
static inline CoreRun *
core_run_argv (GSubprocessLauncher *launcher,
               const char * const  *argv)
{
  g_autoptr(GSubprocessLauncher) own = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  CoreRun *run = g_new0 (CoreRun, 1);

  if (launcher == NULL)
    launcher = own = g_subprocess_launcher_new (0);
  g_subprocess_launcher_set_flags (launcher, G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                             G_SUBPROCESS_FLAGS_STDERR_PIPE);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  run->out = core_bytes_to_string (out);
  run->err = core_bytes_to_string (err);

  return run;
}

/* Runs ladder-cli (the build's, from LADDER_CLI) with the arguments up to
 * NULL, as core_run_argv() does. */
static inline CoreRun *
core_run_cli (GSubprocessLauncher *launcher,
              const char          *first_arg,
              ...) G_GNUC_NULL_TERMINATED;

static inline CoreRun *
core_run_cli (GSubprocessLauncher *launcher,
              const char          *first_arg,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *cli = g_getenv ("LADDER_CLI");
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return core_run_argv (launcher, (const char * const *) argv->pdata);
}

/* A launcher that runs a program in @cwd. */
static inline GSubprocessLauncher *
core_launcher_in (const char *cwd)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (0);

  g_subprocess_launcher_set_cwd (launcher, cwd);

  return launcher;
}
