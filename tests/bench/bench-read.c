/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What reading a large profile costs, in time and in memory at its peak:
 *
 *   bench-read FILE [RUNS]
 *
 * (bench-read FILE RUNS STEP runs one step alone.)
 *
 * Times, best of RUNS (5), the bare json-glib parse of FILE (the tree of
 * everything), ladder_format_read_profile() (the evidence read entry by
 * entry) and _ladder_format_skim_profile() (the head and the evidence's
 * days, what a first start lists a profile from), and for each the peak
 * resident memory above what the process held before it (VmHWM, reset
 * through /proc/self/clear_refs), each step in a process of its own, so
 * that none finds the memory another freed. Make FILE with
 * `ladder-cli sample --evidence=20000 -o FILE`.
 */

#include "config.h"

#include <stdlib.h>

#include <json-glib/json-glib.h>

#include "ladder-core.h"
#include "ladder-format-private.h"

typedef enum
{
  STEP_PARSE,
  STEP_READ,
  STEP_SKIM,
  N_STEPS,
} Step;

static const char * const step_names[N_STEPS] = {
  "json-glib parse, whole tree",
  "ladder_format_read_profile",
  "_ladder_format_skim_profile",
};

/* A field of /proc/self/status, in KiB. */
static guint64
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *found;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (found = strstr (status, field)) == NULL)
    return 0;

  return g_ascii_strtoull (found + strlen (field) + 1, NULL, 10);
}

static void
reset_peak (void)
{
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

static void
run_step (Step        step,
          const char *data,
          gsize       length,
          const char *name)
{
  g_autoptr(GError) error = NULL;

  switch (step)
    {
    case STEP_PARSE:
      {
        g_autoptr(JsonParser) parser = json_parser_new_immutable ();

        if (!json_parser_load_from_data (parser, data, (gssize) length, &error))
          g_error ("%s", error->message);
      }
      break;
    case STEP_READ:
      {
        g_autoptr(LadderProfile) profile = ladder_format_read_profile (data, length, name, &error);

        if (profile == NULL)
          g_error ("%s", error->message);
      }
      break;
    case STEP_SKIM:
      {
        g_autoptr(GArray) days = NULL;
        g_autoptr(GVariant) focus_evidence = NULL;
        g_autoptr(LadderProfile) profile = _ladder_format_skim_profile (data, length, name, &days, &focus_evidence);

        if (profile == NULL)
          g_error ("%s does not skim", name);
      }
      break;
    case N_STEPS:
    default:
      g_assert_not_reached ();
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  double best = G_MAXDOUBLE;
  guint64 peak = 0;
  gsize length;
  guint runs;
  Step step;

  if (argc < 2)
    {
      g_printerr ("Usage: %s FILE [RUNS]\n", argv[0]);
      return EXIT_FAILURE;
    }
  runs = argc > 2 ? (guint) atoi (argv[2]) : 5;

  /* Each step in a process of its own. */
  if (argc < 4)
    {
      for (Step s = 0; s < N_STEPS; s++)
        {
          g_autofree char *runs_text = g_strdup_printf ("%u", runs);
          g_autofree char *step_text = g_strdup_printf ("%d", s);
          const char *child[] = { argv[0], argv[1], runs_text, step_text, NULL };
          int status;

          if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_CHILD_INHERITS_STDOUT,
                             NULL, NULL, NULL, NULL, &status, &error) ||
              !g_spawn_check_wait_status (status, &error))
            g_error ("%s", error->message);
        }
      return EXIT_SUCCESS;
    }

  if (!g_file_get_contents (argv[1], &data, &length, &error))
    g_error ("%s", error->message);

  step = (Step) atoi (argv[3]);
  if (step >= N_STEPS)
    g_error ("No step %s", argv[3]);

  for (guint run = 0; run < MAX (runs, 1); run++)
    {
      guint64 before = status_kib ("VmRSS:");
      gint64 start;
      guint64 hwm;

      reset_peak ();
      start = g_get_monotonic_time ();
      run_step (step, data, length, argv[1]);
      best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
      hwm = status_kib ("VmHWM:");
      peak = MAX (peak, hwm > before ? hwm - before : 0);
    }

  g_print ("%-30s %8.1f ms  peak +%6.1f MiB (file %.1f MiB)\n", step_names[step], best,
           peak / 1024.0, length / (1024.0 * 1024.0));

  return EXIT_SUCCESS;
}
