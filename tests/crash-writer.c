/* SPDX-License-Identifier: GPL-3.0-or-later */

/* crash-writer SOURCE0 SOURCE1 TARGET: the writers that test-crash kills.
 *
 * It reads commands on standard input, one a line, and answers on
 * standard output:
 *
 *   save N   forks a writer that saves SOURCEN's bytes as TARGET through
 *            ladder_save_contents(), and nothing else. Answers "pid P";
 *            then the writer says "saving" just before the save and
 *            "saved US" just after it (US: how long the save took, in
 *            microseconds), and exits.
 *   wait     waits for that writer's end and answers "status S" (its wait
 *            status).
 *
 * Why a process that forks writers rather than a program run per save:
 * starting a program that links GLib, json-glib, cairo and Pango, under
 * the sanitizers too, takes longer than the save itself, hundreds of times
 * over. A forked writer starts with the sources mapped and the library
 * loaded (and is forked ahead, while the test checks what the last one
 * left), and test-crash times its kills from "saving", over the save's
 * own duration as the writers measure it. */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>

#include "ladder-core.h"

/* One line to standard output, whole, in one write: the writers share it
 * with this process, and stdio's buffer must never be copied by fork(). */
G_GNUC_PRINTF (1, 2)
static void
say (const char *format,
     ...)
{
  g_autofree char *line = NULL;
  va_list args;
  gsize length;
  const char *p;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  length = strlen (line);
  p = line;
  while (length > 0)
    {
      gssize written = write (STDOUT_FILENO, p, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        _exit (3);
      p += written;
      length -= (gsize) written;
    }
}

static void
run_writer (GFile       *target,
            GMappedFile *sources[2],
            int          gate)
{
  g_autoptr(GError) error = NULL;
  GMappedFile *source;
  char which = 0;
  gint64 start;

  /* Waits for the version to save, which comes after the parent has
   * said "pid", so that the lines come in order. */
  while (read (gate, &which, 1) < 0 && errno == EINTR)
    ;
  close (gate);
  if (which != '0' && which != '1')
    _exit (0);
  source = sources[which - '0'];

  say ("saving\n");
  start = g_get_monotonic_time ();
  if (!ladder_save_contents (target, g_mapped_file_get_contents (source),
                             g_mapped_file_get_length (source), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      _exit (1);
    }
  say ("saved %" G_GINT64_FORMAT "\n", g_get_monotonic_time () - start);

  /* Straight out: no exit handlers (the sanitizers' leak check among
   * them) for a process whose whole life was one save. */
  _exit (0);
}

/* Forks the next writer ahead of its command, while test-crash checks
 * what the last one left: it waits for the version to save on @gate. */
static pid_t
fork_writer (GFile       *target,
             GMappedFile *sources[2],
             int         *gate)
{
  int fds[2];
  pid_t pid;

  if (pipe (fds) != 0)
    return -1;

  pid = fork ();
  if (pid == 0)
    {
      close (fds[1]);
      run_writer (target, sources, fds[0]);
    }

  close (fds[0]);
  *gate = fds[1];

  return pid;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GMappedFile) source0 = NULL;
  g_autoptr(GMappedFile) source1 = NULL;
  GMappedFile *sources[2];
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) error = NULL;
  char line[64];
  pid_t ready, writer = 0;
  int gate = -1;

  if (argc != 4)
    {
      g_printerr ("Usage: %s SOURCE0 SOURCE1 TARGET\n", argv[0]);
      return 2;
    }

  source0 = g_mapped_file_new (argv[1], FALSE, &error);
  if (source0 != NULL)
    source1 = g_mapped_file_new (argv[2], FALSE, &error);
  if (source1 == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  sources[0] = source0;
  sources[1] = source1;
  target = g_file_new_for_path (argv[3]);

  ready = fork_writer (target, sources, &gate);
  if (ready < 0)
    return 1;

  while (fgets (line, sizeof line, stdin) != NULL)
    {
      if (g_str_equal (line, "save 0\n") || g_str_equal (line, "save 1\n"))
        {
          if (writer != 0)
            return 1;

          writer = ready;
          say ("pid %d\n", (int) writer);
          if (write (gate, &line[5], 1) != 1)
            return 1;
          close (gate);
        }
      else if (g_str_equal (line, "wait\n"))
        {
          int status;

          if (writer == 0)
            return 1;
          while (waitpid (writer, &status, 0) < 0)
            if (errno != EINTR)
              return 1;
          writer = 0;
          say ("status %d\n", status);

          ready = fork_writer (target, sources, &gate);
          if (ready < 0)
            return 1;
        }
      else
        {
          g_printerr ("Unknown command: %s", line);
          return 2;
        }
    }

  /* The writer forked last is told to go without saving. */
  close (gate);
  while (waitpid (ready, NULL, 0) < 0 && errno == EINTR)
    ;

  return 0;
}
