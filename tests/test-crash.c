/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The crash test of ladder_save_contents(): a writer process (crash-writer)
 * saving a large profile (`ladder-cli sample --evidence 20000`) over an
 * existing one is killed with SIGKILL at chosen moments, 500 times; after
 * every kill the file must be the whole old version or the whole new one,
 * byte for byte, and it must load; so must the backup.
 *
 * The kills are timed from the writer's "saving" line and spread evenly
 * over the save's own duration, as the writers report it (see
 * crash-writer.c), and a little past it: each kill falls before the
 * temporary file exists, while it is written, around the renames, or after
 * them. A kill is a wall-clock moment on a machine that runs other work, so
 * which phase it hits is counted, not decided; the spread makes each phase
 * certain to be hit many times over 500 kills, in any build.
 *
 * Environment: LADDER_CRASH_KILLS (500) and LADDER_CRASH_SEED (random,
 * printed) repeat or lengthen a run. */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <poll.h>
#include <linux/magic.h>
#include <sys/inotify.h>
#include <sys/statfs.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ladder-core.h"
#include "core-helpers.h"

#define N_EVIDENCE "20000"
#define DEFAULT_KILLS 500
/* Kills fall over this share of a save's duration: the last fifth of it
 * lands after the writer is done. */
#define KILL_SPAN 1.25

/* The two versions, made once for all tests: making a 17 MB sample twice
 * per test would cost more than the kills. */
static char   *versions_dir;
static char   *sources[2];
static GBytes *versions[2];

typedef struct
{
  char  *dir;
  char  *profiles;     /* dir/profiles */
  char  *target;       /* dir/profiles/alex.json */
  char  *backup;       /* its FILE~ */
  GPid   server;       /* crash-writer, which forks the writers */
  int    server_in;
  int    server_out;
  guint  current;      /* which version the target holds */
  struct
  {
    GStatBuf st;
    guint    version;
  }      checked[4];   /* files already compared, newest first */
} Fixture;

static char *
list_folder (const char *path)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort_values (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

/* Where the writers write. A SIGKILL ends the process, not the kernel: the
 * page cache outlives it, so what a kill can break (a torn file, a missing
 * one, a rename half done) is the same on tmpfs as on a disk, while 500
 * saves of 17 MB on a disk are 9 GB of writes and minutes of waiting for
 * the flush (what the flush is for, a power cut, no kill can test).
 * /dev/shm is a tmpfs anyone can write to; else the usual folder. */
static char *
make_work_folder (void)
{
  g_autoptr(GError) error = NULL;
  struct statfs fs;
  char *dir;

  if (statfs ("/dev/shm", &fs) == 0 && fs.f_type == TMPFS_MAGIC &&
      access ("/dev/shm", W_OK) == 0)
    {
      dir = g_strdup ("/dev/shm/ladder-crash-XXXXXX");
      if (g_mkdtemp_full (dir, 0700) != NULL)
        return dir;
      g_free (dir);
    }

  dir = g_dir_make_tmp ("ladder-crash-XXXXXX", &error);
  g_assert_no_error (error);

  return dir;
}

/* A sample profile made by ladder-cli, as a user would, and loaded once:
 * any file equal to it byte for byte loads as it does. */
static void
make_version (guint index,
              guint seed)
{
  g_autofree char *seed_text = g_strdup_printf ("%u", seed);
  g_autofree char *name = g_strdup_printf ("version-%u.json", index);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("LADDER_CLI");
  char *contents = NULL;
  gsize length = 0;
  int status = -1;

  g_assert_nonnull (cli);
  sources[index] = g_build_filename (versions_dir, name, NULL);

  {
    const char *argv[] = { cli, "sample", "--evidence", N_EVIDENCE, "--seed", seed_text,
                           "-o", sources[index], NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                  NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_spawn_check_wait_status (status, &error);
    g_assert_no_error (error);
  }

  g_file_get_contents (sources[index], &contents, &length, &error);
  g_assert_no_error (error);
  versions[index] = g_bytes_new_take (contents, length);

  profile = ladder_format_read_profile (contents, length, sources[index], &error);
  g_assert_no_error (error);
  g_assert_nonnull (profile);
}

static void
make_versions (void)
{
  if (versions_dir != NULL)
    return;

  versions_dir = make_work_folder ();
  make_version (0, 1);
  make_version (1, 2);
  g_assert_false (g_bytes_equal (versions[0], versions[1]));
}

static void
free_versions (void)
{
  if (versions_dir == NULL)
    return;

  core_remove_tree (versions_dir);
  g_clear_pointer (&versions_dir, g_free);
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&sources[i], g_free);
      g_clear_pointer (&versions[i], g_bytes_unref);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *contents;

  make_versions ();

  fixture->dir = make_work_folder ();
  fixture->profiles = g_build_filename (fixture->dir, "profiles", NULL);
  g_assert_cmpint (g_mkdir (fixture->profiles, 0700), ==, 0);
  fixture->target = g_build_filename (fixture->profiles, "alex.json", NULL);
  fixture->backup = g_strconcat (fixture->target, "~", NULL);

  /* The existing profile: the old version. */
  target = g_file_new_for_path (fixture->target);
  contents = g_bytes_get_data (versions[0], &length);
  g_assert_true (ladder_save_contents (target, contents, length, NULL, &error));
  g_assert_no_error (error);
  fixture->current = 0;

  {
    g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "crash-writer", NULL);
    const char *argv[] = { writer, sources[0], sources[1], fixture->target, NULL };

    g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                              NULL, NULL, &fixture->server, &fixture->server_in,
                              &fixture->server_out, NULL, &error);
    g_assert_no_error (error);
  }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  int status;

  /* The end of its commands ends the server. */
  g_close (fixture->server_in, NULL);
  g_close (fixture->server_out, NULL);
  while (waitpid (fixture->server, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  g_spawn_close_pid (fixture->server);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  core_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->profiles);
  g_free (fixture->target);
  g_free (fixture->backup);
}

/* Reads one line of the writer's output; FALSE at its end (the writer
 * was killed before it wrote the line). */
static gboolean
read_line (int    fd,
           char  *line,
           gsize  size)
{
  gsize used = 0;

  while (used + 1 < size)
    {
      gssize got = read (fd, line + used, 1);

      if (got < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (got, >=, 0);
      if (got == 0)
        return FALSE;
      if (line[used] == '\n')
        break;
      used++;
    }
  line[used] = '\0';

  return TRUE;
}

/* Has the server fork a writer that saves the version the target does
 * not hold, and returns once the writer is about to call the save. */
static GPid
start_writer (Fixture *fixture)
{
  g_autofree char *command = g_strdup_printf ("save %u\n", 1 - fixture->current);
  char line[32];
  gint64 pid;

  g_assert_cmpint (write (fixture->server_in, command, strlen (command)), ==,
                   (gssize) strlen (command));
  g_assert_true (read_line (fixture->server_out, line, sizeof line));
  g_assert_true (g_str_has_prefix (line, "pid "));
  pid = g_ascii_strtoll (line + strlen ("pid "), NULL, 10);
  g_assert_cmpint (pid, >, 0);

  g_assert_true (read_line (fixture->server_out, line, sizeof line));
  g_assert_cmpstr (line, ==, "saving");

  return (GPid) pid;
}

/* Waits for the writer's end. Returns how long its save took in
 * microseconds when it finished, or -1 when the kill came first. */
static gint64
finish_writer (Fixture *fixture)
{
  char line[32];
  gint64 took = -1;
  int status;

  g_assert_cmpint (write (fixture->server_in, "wait\n", 5), ==, 5);
  g_assert_true (read_line (fixture->server_out, line, sizeof line));
  if (g_str_has_prefix (line, "saved "))
    {
      took = g_ascii_strtoll (line + strlen ("saved "), NULL, 10);
      g_assert_true (read_line (fixture->server_out, line, sizeof line));
    }
  g_assert_true (g_str_has_prefix (line, "status "));
  status = (int) g_ascii_strtoll (line + strlen ("status "), NULL, 10);

  /* Killed, or done: a writer that says "saved" may still be killed
   * before it exits, its save whole all the same. */
  if (WIFSIGNALED (status))
    g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
  else
    {
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      g_assert_cmpint (took, >=, 0);
    }

  return took;
}

static gboolean
same_file (const GStatBuf *a,
           const GStatBuf *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
         a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
         a->st_ctim.tv_sec == b->st_ctim.tv_sec && a->st_ctim.tv_nsec == b->st_ctim.tv_nsec;
}

/* Which version @path holds, byte for byte; fails the test on anything
 * else: a torn, empty or mixed file.
 *
 * A file compared before, the same inode with the same size and the same
 * times to the nanosecond, holds what it held then: no write can change a
 * file without changing its times. Most kills leave the old file in place,
 * so this spares two 17 MB comparisons a kill; every file that is new
 * since, or written to, is compared in full. */
static guint
version_of (Fixture    *fixture,
            const char *path)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  GStatBuf st;
  gsize length;

  g_assert_no_errno (g_lstat (path, &st));
  g_assert_true (S_ISREG (st.st_mode));
  for (guint i = 0; i < G_N_ELEMENTS (fixture->checked); i++)
    if (fixture->checked[i].st.st_ino != 0 && same_file (&fixture->checked[i].st, &st))
      return fixture->checked[i].version;

  file = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  data = g_mapped_file_get_contents (file);
  length = g_mapped_file_get_length (file);

  for (guint i = 0; i < 2; i++)
    if (length == g_bytes_get_size (versions[i]) &&
        memcmp (data, g_bytes_get_data (versions[i], NULL), length) == 0)
      {
        /* Unchanged while it was compared, or compared again next time. */
        GStatBuf after;

        g_assert_no_errno (g_lstat (path, &after));
        if (same_file (&st, &after))
          {
            memmove (&fixture->checked[1], &fixture->checked[0],
                     sizeof fixture->checked - sizeof fixture->checked[0]);
            fixture->checked[0].st = st;
            fixture->checked[0].version = i;
          }
        return i;
      }

  g_error ("“%s” (%zu bytes) is neither the old version (%zu bytes) nor the new one "
           "(%zu bytes)", path, length,
           g_bytes_get_size (versions[fixture->current]),
           g_bytes_get_size (versions[1 - fixture->current]));
}

static void
assert_loads (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  profile = ladder_format_load_profile (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (profile);
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The median of the last save times the writers reported: what the kills
 * are spread over. It follows the machine's load as the run goes on. */
static gint64
median_time (const gint64 *times,
             guint         n_times)
{
  g_autofree gint64 *sorted = g_memdup2 (times, n_times * sizeof *times);

  qsort (sorted, n_times, sizeof *sorted, compare_times);

  return sorted[n_times / 2];
}

#define N_RECENT 9

/* Lets writers finish a few saves uninterrupted, each leaving the new
 * version, the old one as the backup and no temporary file, and fills
 * @recent with how long they took. */
static void
measure_saves (Fixture *fixture,
               gint64   recent[N_RECENT])
{
  for (guint i = 0; i < N_RECENT; i++)
    {
      g_autofree char *listing = NULL;

      (void) start_writer (fixture);
      recent[i] = finish_writer (fixture);
      g_assert_cmpint (recent[i], >=, 0);

      g_assert_cmpuint (version_of (fixture, fixture->target), ==, 1 - fixture->current);
      g_assert_cmpuint (version_of (fixture, fixture->backup), ==, fixture->current);
      listing = list_folder (fixture->profiles);
      g_assert_cmpstr (listing, ==, "alex.json alex.json~");
      fixture->current = 1 - fixture->current;
    }
}

static void
test_kill_during_save (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) profiles = g_file_new_for_path (fixture->profiles);
  g_autoptr(GRand) rand = NULL;
  g_autofree guint *order = NULL;
  const char *kills_text = g_getenv ("LADDER_CRASH_KILLS");
  const char *seed_text = g_getenv ("LADDER_CRASH_SEED");
  guint n_kills = kills_text != NULL ? (guint) g_ascii_strtoull (kills_text, NULL, 10)
                                     : DEFAULT_KILLS;
  guint32 seed = seed_text != NULL ? (guint32) g_ascii_strtoull (seed_text, NULL, 10)
                                   : (guint32) g_test_rand_int ();
  guint killed = 0, finished = 0, kept_old = 0, got_new = 0, torn_temps = 0;
  gint64 recent[N_RECENT];
  gint64 total_time = 0;
  guint n_times = N_RECENT;
  gint64 started = g_get_monotonic_time ();

  g_assert_cmpuint (n_kills, >, 0);
  measure_saves (fixture, recent);
  for (guint i = 0; i < N_RECENT; i++)
    total_time += recent[i];
  g_test_message ("seed %u (LADDER_CRASH_SEED), %u kills; a save of %zu bytes over %zu "
                  "takes %.1f ms", seed, n_kills, g_bytes_get_size (versions[0]),
                  g_bytes_get_size (versions[1]), median_time (recent, N_RECENT) / 1000.0);
  rand = g_rand_new_with_seed (seed);

  /* Stratified: kill i falls in slot order[i] of n_kills equal slots of
   * the span, at a random point in it. The slots come in a shuffled order
   * so that a change of load during the run does not skew one phase. */
  order = g_new (guint, n_kills);
  for (guint i = 0; i < n_kills; i++)
    order[i] = i;
  for (guint i = n_kills - 1; i > 0; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i + 1);
      guint swap = order[i];

      order[i] = order[j];
      order[j] = swap;
    }

  for (guint i = 0; i < n_kills; i++)
    {
      gint64 span = (gint64) (median_time (recent, N_RECENT) * KILL_SPAN);
      double slot = (order[i] + g_rand_double (rand)) / n_kills;
      gint64 delay = (gint64) (slot * span);
      g_autofree char *listing = NULL;
      gint64 took;
      guint now, previous, removed;
      GPid pid;

      pid = start_writer (fixture);
      if (delay > 0)
        g_usleep ((gulong) delay);
      kill (pid, SIGKILL);
      took = finish_writer (fixture);

      if (took < 0)
        killed++;
      else
        finished++;

      previous = fixture->current;
      now = version_of (fixture, fixture->target);
      if (now == fixture->current)
        kept_old++;
      else
        got_new++;
      fixture->current = now;

      /* It loads: every version loaded when it was made, and a file equal
       * to it byte for byte loads the same (the last one is loaded from
       * where the writers left it, below). */

      /* The backup too is always a whole version. */
      if (g_file_test (fixture->backup, G_FILE_TEST_EXISTS))
        (void) version_of (fixture, fixture->backup);

      /* A writer killed before its rename leaves its temporary file (and
       * perhaps the backup's link): no writer runs now, so any age counts
       * as stale, and nothing else may be there. */
      removed = ladder_save_clean_stale (profiles, 0);
      torn_temps += removed > 0;
      /* A writer past its last rename leaves nothing behind. */
      if (now != previous)
        g_assert_cmpuint (removed, ==, 0);
      listing = list_folder (fixture->profiles);
      g_assert_cmpstr (listing, ==, "alex.json alex.json~");

      /* The load of the machine changes while the test runs: time a whole
       * save now and then. (The writers that finish before their kill
       * would tell only of the fast saves.) */
      if (i % 25 == 24)
        {
          (void) start_writer (fixture);
          took = finish_writer (fixture);
          g_assert_cmpint (took, >=, 0);
          fixture->current = 1 - fixture->current;
          recent[n_times++ % N_RECENT] = took;
          total_time += took;
        }
    }

  g_test_message ("%u kills survived out of %u in %.0f s: %u writers killed, %u finished "
                  "first; %u whole saves took %.1f ms on average; %u left the old version, "
                  "%u the new; %u left a temporary file",
                  kept_old + got_new, n_kills,
                  (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC,
                  killed, finished, n_times, total_time / 1000.0 / n_times,
                  kept_old, got_new, torn_temps);

  /* The kills fell before, during and after the write, not all on one
   * side of it. */
  if (n_kills >= 100)
    {
      g_assert_cmpuint (kept_old, >, 0);
      g_assert_cmpuint (got_new, >, 0);
      g_assert_cmpuint (torn_temps, >, 0);
    }

  assert_loads (fixture->target);
}

/* Kills a writer the moment its temporary file appears: the file is then
 * being written (17 MB take milliseconds; the kill, microseconds). Returns
 * the temporary file's path, or NULL if the writer was faster. */
static char *
kill_while_writing (Fixture *fixture)
{
  g_autofree char *temp = NULL;
  GPid pid;
  char buffer[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  int watch_fd;

  watch_fd = inotify_init1 (IN_CLOEXEC);
  g_assert_cmpint (watch_fd, >=, 0);
  g_assert_cmpint (inotify_add_watch (watch_fd, fixture->profiles, IN_CREATE), >=, 0);

  pid = start_writer (fixture);
  while (temp == NULL)
    {
      gssize got = read (watch_fd, buffer, sizeof buffer);

      if (got < 0 && errno == EINTR)
        continue;
      g_assert_cmpint (got, >, 0);

      for (char *p = buffer; p < buffer + got && temp == NULL;)
        {
          const struct inotify_event *event = (const struct inotify_event *) p;

          /* ".alex.json.ladder-XXXXXX", not the backup's link. */
          if (event->len > 0 && g_str_has_prefix (event->name, ".alex.json.ladder-"))
            {
              kill (pid, SIGKILL);
              temp = g_build_filename (fixture->profiles, event->name, NULL);
            }
          p += sizeof *event + event->len;
        }
    }
  (void) finish_writer (fixture);
  g_close (watch_fd, NULL);

  fixture->current = version_of (fixture, fixture->target);
  if (!g_file_test (temp, G_FILE_TEST_EXISTS))
    g_clear_pointer (&temp, g_free);

  return g_steal_pointer (&temp);
}

/* A writer killed half-way leaves its temporary file; the next start of
 * the app (a library load) removes it and loads the profile. */
static void
test_next_load_cleans (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) directory = g_file_new_for_path (fixture->dir);
  g_autoptr(LadderLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *listing = NULL;
  guint attempts = 0;

  /* One whole save first, which leaves a backup. */
  (void) start_writer (fixture);
  g_assert_cmpint (finish_writer (fixture), >=, 0);
  fixture->current = 1;

  while (temp == NULL)
    {
      g_assert_cmpuint (++attempts, <=, 20);
      temp = kill_while_writing (fixture);
    }
  g_test_message ("a writer left its temporary file after %u attempts", attempts);

  /* The old version is whole, beside the torn new one. */
  g_assert_cmpuint (version_of (fixture, fixture->target), ==, fixture->current);

  /* As the next start finds it: some time after the crash. */
  {
    struct timeval times[2];

    gettimeofday (&times[0], NULL);
    times[0].tv_sec -= 3600;
    times[1] = times[0];
    g_assert_cmpint (utimes (temp, times), ==, 0);
  }

  library = ladder_library_new (directory);
  g_assert_true (ladder_library_load (library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_profiles (library)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_errors (library)), ==, 0);

  listing = list_folder (fixture->profiles);
  g_assert_cmpstr (listing, ==, "alex.json alex.json~");
}

/* Runs `ladder-cli sample … -o FILE`, which makes versions[1], over the
 * old version, and sends @signal_number while its save is under way:
 * stopped (SIGSTOP) the moment its temporary file appears, it gets the
 * signal, and goes on. Returns FALSE if the save was over before the stop
 * (the attempt proves nothing); else checks that the CLI finished the
 * file before the signal ended it. */
static gboolean
signal_cli_while_saving (Fixture    *fixture,
                         int         signal_number)
{
  g_autofree char *output = g_build_filename (fixture->profiles, "cli.json", NULL);
  g_autofree char *backup = g_strconcat (output, "~", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *temp = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("LADDER_CLI"), "sample", "--evidence", N_EVIDENCE,
                         "--seed", "2", "-o", output, NULL };
  char buffer[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  gboolean exited = FALSE;
  GStatBuf st;
  GPid pid;
  int watch_fd;
  int status;

  g_assert_true (g_file_set_contents (output, g_bytes_get_data (versions[0], NULL),
                                      (gssize) g_bytes_get_size (versions[0]), &error));
  g_assert_no_error (error);

  watch_fd = inotify_init1 (IN_CLOEXEC | IN_NONBLOCK);
  g_assert_cmpint (watch_fd, >=, 0);
  g_assert_cmpint (inotify_add_watch (watch_fd, fixture->profiles, IN_CREATE), >=, 0);

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                 &pid, &error);
  g_assert_no_error (error);

  while (temp == NULL && !exited)
    {
      struct pollfd poll_fd = { watch_fd, POLLIN, 0 };
      gssize got;

      /* Until the temporary file appears, or the CLI ends without one. */
      if (poll (&poll_fd, 1, 100) <= 0)
        {
          exited = waitpid (pid, &status, WNOHANG) == pid;
          continue;
        }

      got = read (watch_fd, buffer, sizeof buffer);
      if (got < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      g_assert_cmpint (got, >, 0);

      for (char *p = buffer; p < buffer + got && temp == NULL;)
        {
          const struct inotify_event *event = (const struct inotify_event *) p;

          if (event->len > 0 && g_str_has_prefix (event->name, ".cli.json.ladder-"))
            {
              kill (pid, SIGSTOP);
              temp = g_build_filename (fixture->profiles, event->name, NULL);
            }
          p += sizeof *event + event->len;
        }
    }
  g_close (watch_fd, NULL);
  g_assert_false (exited);

  /* Stopped: if the temporary file is still there, the save is under way
   * and the signal comes in the middle of it. */
  if (g_stat (temp, &st) == 0)
    {
      kill (pid, signal_number);
      kill (pid, SIGCONT);
      while (waitpid (pid, &status, 0) < 0)
        g_assert_cmpint (errno, ==, EINTR);
    }
  else
    {
      kill (pid, SIGCONT);
      while (waitpid (pid, &status, 0) < 0)
        g_assert_cmpint (errno, ==, EINTR);
      g_spawn_close_pid (pid);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
      return FALSE;
    }
  g_spawn_close_pid (pid);

  /* The signal ended the CLI, as it would have at once, but after the
   * save: the new version is whole, the old one its backup. */
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, signal_number);
  g_assert_cmpuint (version_of (fixture, output), ==, 1);
  g_assert_cmpuint (version_of (fixture, backup), ==, 0);
  listing = list_folder (fixture->profiles);
  g_assert_cmpstr (listing, ==, "alex.json cli.json cli.json~");
  assert_loads (output);

  g_assert_cmpint (g_unlink (output), ==, 0);
  g_assert_cmpint (g_unlink (backup), ==, 0);

  return TRUE;
}

/* `ladder-cli … -o FILE` finishes writing FILE before it ends on SIGTERM,
 * SIGINT or SIGHUP. */
static void
test_cli_finishes_on_signal (Fixture       *fixture,
                             gconstpointer  data)
{
  const int signals[] = { SIGTERM, SIGINT, SIGHUP };

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      guint attempts = 0;

      while (!signal_cli_while_saving (fixture, signals[i]))
        g_assert_cmpuint (++attempts, <, 10);
      g_test_message ("signal %d came while the CLI saved, after %u attempts",
                      signals[i], attempts + 1);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/ladder/crash/kill-during-save", Fixture, NULL,
              fixture_set_up, test_kill_during_save, fixture_tear_down);
  g_test_add ("/ladder/crash/next-load-cleans", Fixture, NULL,
              fixture_set_up, test_next_load_cleans, fixture_tear_down);
  g_test_add ("/ladder/crash/cli-finishes-on-signal", Fixture, NULL,
              fixture_set_up, test_cli_finishes_on_signal, fixture_tear_down);

  status = g_test_run ();
  free_versions ();

  return status;
}
