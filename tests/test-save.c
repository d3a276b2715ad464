/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ladder-core.h"
#include "core-helpers.h"
#include "mount-helpers.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ladder-save-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  core_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return st.st_mode & 07777;
}

/* The names in a folder, sorted, joined by spaces: no temporary file may
 * be left behind. */
static char *
list_folder (const char *path)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_dir_close (dir);

  g_ptr_array_sort_values (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static gboolean
save (const char  *path,
      const char  *contents,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return ladder_save_contents (file, contents, strlen (contents), NULL, error);
}

static void
test_new_file (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "alex.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (save (path, "{ \"new\": true }\n", &error));
  g_assert_no_error (error);

  contents = core_read_file (path, NULL);
  g_assert_cmpstr (contents, ==, "{ \"new\": true }\n");

  /* Private: the file to its owner. */
  g_assert_cmpuint (file_mode (path), ==, 0600);

  /* No backup of nothing, no temporary file. */
  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "alex.json");
}

/* A folder that is not there (deleted, or a disk that was removed) is not
 * made anew on whatever disk lies below: the error names the file and the
 * missing folder. */
static void
test_failure_folder_missing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "gone", NULL);
  g_autofree char *path = g_build_filename (folder, "alex.json", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (save (path, "{}\n", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "the folder “"));
  g_assert_nonnull (strstr (error->message, "” does not exist"));

  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "");
}

static void
make_file_aged (const char *path,
                gint64      age_seconds)
{
  struct timeval times[2];

  g_assert_true (g_file_set_contents (path, "half a file", -1, NULL));
  gettimeofday (&times[0], NULL);
  times[0].tv_sec -= age_seconds;
  times[1] = times[0];
  g_assert_cmpint (utimes (path, times), ==, 0);
}

/* What a killed save leaves, ".NAME.ladder-XXXXXX", is removed once it is
 * old enough; a fresh one (a save running now) and everything else stay. */
static void
test_clean_stale (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GFile) missing = g_file_get_child (folder, "missing");
  const char *stale[] = { ".alex.json.ladder-a1B2c3", ".b.json.ladder-ZZZZZZ" };
  const char *kept[] = {
    ".alex.json.ladder-fresh1", /* too new */
    "alex.json", "alex.json~", "alex.json.deleted",
    ".alex.json.ladder-abc", ".alex.json.ladder-abc-de", ".ladder-abcdef",
    ".alex.json.XXXXXX", "notes.ladder-abcdef",
  };
  g_autofree char *listing = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, stale[i], NULL);

      make_file_aged (path, 3600);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, kept[i], NULL);

      make_file_aged (path, i == 0 ? 0 : 3600);
    }

  g_assert_cmpuint (ladder_save_clean_stale (folder, G_TIME_SPAN_MINUTE), ==, 2);
  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==,
                   ".alex.json.XXXXXX .alex.json.ladder-abc .alex.json.ladder-abc-de "
                   ".alex.json.ladder-fresh1 .ladder-abcdef alex.json alex.json.deleted "
                   "alex.json~ notes.ladder-abcdef");

  /* Without an age limit the fresh one goes too. */
  g_assert_cmpuint (ladder_save_clean_stale (folder, 0), ==, 1);
  g_assert_cmpuint (ladder_save_clean_stale (missing, 0), ==, 0);
}

/* A save leaves no temporary file, whether it succeeds or fails. */
static void
test_no_temp_left (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "alex.json", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *contents = g_strdup_printf ("version %u\n", i);

      g_assert_true (save (path, contents, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (ladder_save_clean_stale (folder, 0), ==, 0);
  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "alex.json alex.json~");
}

static void
test_replace_keeps_backup (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "alex.json", NULL);
  g_autofree char *backup = g_build_filename (fixture->dir, "alex.json~", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *backed_up = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (save (path, "first\n", &error));
  g_assert_true (save (path, "second\n", &error));
  g_assert_no_error (error);

  contents = core_read_file (path, NULL);
  backed_up = core_read_file (backup, NULL);
  g_assert_cmpstr (contents, ==, "second\n");
  g_assert_cmpstr (backed_up, ==, "first\n");
  g_assert_cmpuint (file_mode (backup), ==, 0600);

  g_clear_pointer (&contents, g_free);
  g_clear_pointer (&backed_up, g_free);

  /* One backup: the version just before. */
  g_assert_true (save (path, "third\n", &error));
  g_assert_no_error (error);
  contents = core_read_file (path, NULL);
  backed_up = core_read_file (backup, NULL);
  g_assert_cmpstr (contents, ==, "third\n");
  g_assert_cmpstr (backed_up, ==, "second\n");

  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "alex.json alex.json~");
}

/* Replacing is a rename: whoever had the old file open keeps reading the
 * whole old version. */
/* A save killed between its two renames leaves the backup as a second
 * name of the file itself. The next save keeps the backup right and
 * leaves no extra name behind. */
static void
test_replace_backup_is_same_file (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "alex.json", NULL);
  g_autofree char *backup = g_build_filename (fixture->dir, "alex.json~", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_no_errno (link (path, backup));

  g_assert_true (save (path, "new", &error));
  g_assert_no_error (error);

  contents = core_read_file (path, NULL);
  g_assert_cmpstr (contents, ==, "new");
  g_clear_pointer (&contents, g_free);
  contents = core_read_file (backup, NULL);
  g_assert_cmpstr (contents, ==, "old");
  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "alex.json alex.json~");
}

static void
test_replace_is_atomic (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "alex.json", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf before, after;
  FILE *reader;
  char buffer[64] = { 0, };

  g_assert_true (save (path, "old version\n", &error));
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  reader = g_fopen (path, "r");
  g_assert_nonnull (reader);

  g_assert_true (save (path, "new version, longer than the old\n", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, !=, after.st_ino);

  g_assert_nonnull (fgets (buffer, sizeof buffer, reader));
  g_assert_cmpstr (buffer, ==, "old version\n");
  fclose (reader);
}

/* An existing file keeps the permissions its owner chose. */
static void
test_replace_keeps_mode (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "shared.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  g_assert_true (save (path, "new", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0644);
}

/* A folder that cannot be made: its parent is a file. Tests run as root,
 * where permissions would not stop a write. */
static void
test_failure_parent_is_file (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (fixture->dir, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "profiles", "alex.json", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (blocker, "a plain file", -1, NULL));

  g_assert_false (save (path, "{}\n", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "not a folder"));

  contents = core_read_file (blocker, NULL);
  g_assert_cmpstr (contents, ==, "a plain file");
  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "not-a-folder");
}

static void
test_failure_target_is_folder (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "alex.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);

  g_assert_false (save (path, "{}\n", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, path));
}

/* A failure after the new version is written, when the old one is about to
 * be kept as the backup: the old file stays as it was, byte for byte, and
 * the temporary file goes. */
static void
test_failure_keeps_old_file (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "alex.json", NULL);
  g_autofree char *backup = g_build_filename (fixture->dir, "alex.json~", NULL);
  g_autofree char *in_backup = g_build_filename (backup, "keep", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  const char *old = "{\n  \"old\" : \"version\"\n}\n";

  g_assert_true (g_file_set_contents (path, old, -1, NULL));
  /* The backup's name is taken by a folder that is not empty. */
  g_assert_cmpint (g_mkdir (backup, 0700), ==, 0);
  g_assert_true (g_file_set_contents (in_backup, "", -1, NULL));

  g_assert_false (save (path, "{ \"new\": 1 }\n", &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_nonnull (strstr (error->message, path));

  contents = core_read_file (path, NULL);
  g_assert_cmpstr (contents, ==, old);
  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "alex.json alex.json~");
}

/* A file its owner made read-only is never replaced, though root (who
 * runs these tests) could: the save says so and leaves it as it was. */
static void
test_failure_read_only_file (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "kept.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0400), ==, 0);

  g_assert_false (save (path, "new", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  expected = g_strdup_printf ("Could not save “%s”: the file is read-only.", path);
  g_assert_true (g_str_has_prefix (error->message, expected));

  contents = core_read_file (path, NULL);
  g_assert_cmpstr (contents, ==, "old");
  g_assert_cmpuint (file_mode (path), ==, 0400);
  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "kept.json");
}

/* What Ladder writes it can read: a file of exactly the size a reader
 * takes is written and read back; one byte more is refused before
 * anything is written, with a message that says what to do. */
static void
test_failure_too_large (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "big.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *big = g_malloc (LADDER_FORMAT_MAX_SIZE + 1);
  g_autofree char *read = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  memset (big, ' ', LADDER_FORMAT_MAX_SIZE + 1);

  g_assert_true (ladder_save_contents (file, big, LADDER_FORMAT_MAX_SIZE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ladder_format_load_contents (file, &read, &length, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, LADDER_FORMAT_MAX_SIZE);
  g_clear_pointer (&read, g_free);

  g_assert_true (save (path, "small", &error));
  g_assert_no_error (error);
  g_assert_false (ladder_save_contents (file, big, LADDER_FORMAT_MAX_SIZE + 1, NULL, &error));
  g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "64.0 MB"));
  g_assert_nonnull (strstr (error->message, "up to 64 MB"));
  g_assert_nonnull (strstr (error->message, "Nothing was written."));
  g_clear_error (&error);

  read = core_read_file (path, NULL);
  g_assert_cmpstr (read, ==, "small");
  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "big.json big.json~");

  g_assert_true (ladder_save_check_size ("x", LADDER_FORMAT_MAX_SIZE, &error));
  g_assert_no_error (error);
  g_assert_false (ladder_save_check_size ("x", (gsize) 102 * 1024 * 1024 + 300 * 1024, &error));
  g_assert_nonnull (strstr (error->message, "it would be 102.3 MB"));
}

/* A write that fails half-way (the file size limit stands in for a full
 * disk here): nothing of the new version reaches the file. */
static void
test_failure_during_write (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "alex.json", NULL);
  g_autofree char *big = g_strnfill (64 * 1024, 'x');
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit saved, limited;
  void (*saved_handler) (int);
  gboolean saved_ok;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limited = saved;
  limited.rlim_cur = 4096;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);

  saved_ok = save (path, big, &error);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_false (saved_ok);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));

  contents = core_read_file (path, NULL);
  g_assert_cmpstr (contents, ==, "old");
  listing = list_folder (fixture->dir);
  g_assert_cmpstr (listing, ==, "alex.json");
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "alex.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_cancellable_cancel (cancellable);

  g_assert_false (ladder_save_contents (file, "new", 3, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  contents = core_read_file (path, NULL);
  g_assert_cmpstr (contents, ==, "old");
}

/* A symbolic link stays one: the file it points at is written. */
static void
test_through_symlink (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fixture->dir, "real.json", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink (target, link), ==, 0);

  g_assert_true (save (link, "new", &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  contents = core_read_file (target, NULL);
  g_assert_cmpstr (contents, ==, "new");
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;

  ladder_save_contents_finish (G_FILE (object), result, error);
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "alex.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *buffer = g_strdup ("async\n");

  ladder_save_contents_async (file, buffer, strlen (buffer), NULL, save_done_cb, &error);
  /* The contents were copied. */
  memset (buffer, '!', strlen (buffer));
  g_free (buffer);

  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* save_done_cb marks success with this. */
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  contents = core_read_file (path, NULL);
  g_assert_cmpstr (contents, ==, "async\n");
  g_assert_cmpuint (file_mode (path), ==, 0600);
}

static void
test_async_failure (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (fixture->dir, "file", NULL);
  g_autofree char *path = g_build_filename (blocker, "alex.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (blocker, "", -1, NULL));

  ladder_save_contents_async (file, "x", 1, NULL, save_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_nonnull (strstr (error->message, path));
}

/* Full and read-only disks {{{1
 *
 * A small tmpfs, mounted in the test's own mount namespace, so that
 * nothing outside the test ever sees it and it goes with the process:
 * g_test_trap_subprocess() runs each of these tests in a fresh process,
 * which enters a namespace of its own (as root, or through a user
 * namespace). Where neither is allowed, the subprocess writes why to the
 * file that LADDER_TEST_SKIP_REASON names, and the test is skipped with
 * that reason. */

G_GNUC_PRINTF (1, 2)
static void
give_skip_reason (const char *format,
                  ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_assert_true (g_file_set_contents (g_getenv ("LADDER_TEST_SKIP_REASON"), reason, -1, NULL));
}

/* Enters a mount namespace of this process's own and mounts a tmpfs of
 * @size_kib on @folder. Prints the reason and returns FALSE where that
 * cannot be done. */
static gboolean
mount_small_disk (const char *folder,
                  guint       size_kib)
{
  g_autofree char *options = g_strdup_printf ("size=%uk,mode=0700", size_kib);
  g_autofree char *reason = enter_own_mount_namespace ();

  if (reason != NULL)
    {
      give_skip_reason ("%s", reason);
      return FALSE;
    }

  if (mount ("ladder-test", folder, "tmpfs", MS_NOSUID | MS_NODEV, options) != 0)
    {
      give_skip_reason ("cannot mount a tmpfs: %s", g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

/* Runs the current test again in a subprocess; skips it with the reason
 * the subprocess gives if it could not mount its disk. */
static void
run_on_small_disk (Fixture *fixture)
{
  g_autofree char *reason_file = g_build_filename (fixture->dir, "skip-reason", NULL);
  g_autofree char *reason = NULL;

  g_setenv ("LADDER_TEST_SKIP_REASON", reason_file, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("LADDER_TEST_SKIP_REASON");
  g_test_trap_assert_passed ();

  if (g_file_get_contents (reason_file, &reason, NULL, NULL))
    {
      g_assert_no_errno (g_unlink (reason_file));
      g_test_skip (reason);
      return;
    }

  g_test_trap_assert_stdout ("*saves*");
}

/* Saves bigger and bigger versions into a 512 KiB disk until it is full:
 * the failed save says which file and that the disk is full; the file is
 * still the last version saved, byte for byte, its backup the one before,
 * and no temporary file is left. Once there is room again, it saves. */
static void
test_full_disk (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *disk = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GString) version = g_string_new ("{\n");
  g_autofree char *last = NULL;
  g_autofree char *before_last = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  guint saves = 0;

  if (!g_test_subprocess ())
    {
      run_on_small_disk (fixture);
      return;
    }

  disk = g_build_filename (fixture->dir, "disk", NULL);
  path = g_build_filename (disk, "alex.json", NULL);
  backup = g_build_filename (disk, "alex.json~", NULL);
  g_assert_no_errno (g_mkdir (disk, 0700));
  if (!mount_small_disk (disk, 512))
    return;

  /* Each version 16 KiB longer: with its backup and the temporary file,
   * the disk is full long before 100 of them. */
  for (;;)
    {
      for (guint i = 0; i < 256; i++)
        g_string_append_printf (version, "  \"n%u-%03u\" : \"%058u\",\n", saves, i, i);

      if (!save (path, version->str, &error))
        break;

      g_free (before_last);
      before_last = g_steal_pointer (&last);
      last = g_strdup (version->str);
      saves++;
      g_assert_cmpuint (saves, <, 100);
    }

  g_assert_cmpuint (saves, >=, 2);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "The disk is full."));

  contents = core_read_file (path, NULL);
  g_assert_cmpstr (contents, ==, last);
  g_clear_pointer (&contents, g_free);
  contents = core_read_file (backup, NULL);
  g_assert_cmpstr (contents, ==, before_last);
  listing = list_folder (disk);
  g_assert_cmpstr (listing, ==, "alex.json alex.json~");

  /* Room again (the backup goes): the version that did not fit saves. */
  g_assert_no_errno (g_unlink (backup));
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (save (path, version->str, &error));
  g_assert_no_error (error);
  contents = core_read_file (path, NULL);
  g_assert_cmpstr (contents, ==, version->str);

  g_assert_no_errno (umount (disk));
  g_print ("%u saves before the disk was full\n", saves);
}

/* A folder on a disk mounted read-only (what the permissions of a folder
 * would do for a user; as root they stop nothing): the save says which file and why, and the
 * file is untouched. */
static void
test_read_only_disk (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *disk = NULL;
  g_autofree char *path = NULL;
  g_autofree char *new_path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  const char *old = "{ \"old\": true }\n";

  if (!g_test_subprocess ())
    {
      run_on_small_disk (fixture);
      return;
    }

  disk = g_build_filename (fixture->dir, "disk", NULL);
  path = g_build_filename (disk, "alex.json", NULL);
  new_path = g_build_filename (disk, "sam.json", NULL);
  g_assert_no_errno (g_mkdir (disk, 0700));
  if (!mount_small_disk (disk, 64))
    return;

  g_assert_true (save (path, old, &error));
  g_assert_no_error (error);
  g_assert_no_errno (mount (NULL, disk, NULL, MS_REMOUNT | MS_RDONLY, NULL));

  /* An existing file and a new one. */
  g_assert_false (save (path, "{ \"new\": true }\n", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "The disk is read-only."));
  g_clear_error (&error);

  g_assert_false (save (new_path, "{}\n", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, new_path));

  contents = core_read_file (path, NULL);
  g_assert_cmpstr (contents, ==, old);
  listing = list_folder (disk);
  g_assert_cmpstr (listing, ==, "alex.json");

  g_assert_no_errno (umount (disk));
  g_print ("saves refused\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/ladder/save/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("new-file", test_new_file);
  ADD ("replace/backup", test_replace_keeps_backup);
  ADD ("replace/atomic", test_replace_is_atomic);
  ADD ("replace/backup-is-same-file", test_replace_backup_is_same_file);
  ADD ("replace/mode", test_replace_keeps_mode);
  ADD ("failure/folder-missing", test_failure_folder_missing);
  ADD ("failure/parent-is-file", test_failure_parent_is_file);
  ADD ("failure/target-is-folder", test_failure_target_is_folder);
  ADD ("failure/keeps-old-file", test_failure_keeps_old_file);
  ADD ("failure/read-only-file", test_failure_read_only_file);
  ADD ("failure/too-large", test_failure_too_large);
  ADD ("failure/during-write", test_failure_during_write);
  ADD ("failure/full-disk", test_full_disk);
  ADD ("failure/read-only-disk", test_read_only_disk);
  ADD ("cancelled", test_cancelled);
  ADD ("no-temp-left", test_no_temp_left);
  ADD ("clean-stale", test_clean_stale);
  ADD ("symlink", test_through_symlink);
  ADD ("async", test_async);
  ADD ("async-failure", test_async_failure);

#undef ADD

  return g_test_run ();
}
