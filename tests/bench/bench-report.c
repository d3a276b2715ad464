/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How fast a PDF summary is made, and in how much memory.
 *
 *   bench-report [RUNS]            both sizes, each in a process of its own
 *   bench-report --evidence N [RUNS]   one size, in this process
 *
 * Makes ladder_sample_profile (Monzo's framework, N, seed 1) profiles of
 * 200 and 20,000 evidence entries, the shapes of `ladder-cli sample
 * --evidence N`, and writes each one's summary RUNS (5) times. Prints the
 * best and median wall-clock times, the CPU time of the best run (the
 * machine may be busy), the phases of the best run (reading the profile,
 * paging, drawing and writing), the page count and size, and the peak
 * resident set size of the process (getrusage's ru_maxrss), which
 * includes the profile itself. Goals: 200 entries under 150 ms, 20,000
 * under 3 s, memory under 150 MB.
 */

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include <glib/gstdio.h>

#include "ladder-core.h"

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static double
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static LadderFramework *
load_monzo (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LadderFramework *framework;
  const char *path = LADDER_BUNDLED_FRAMEWORKS_PATH "monzo-backend-engineering.json";
  gsize length;
  const char *data;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &length);
  framework = ladder_format_read_framework (data, length, path, &error);
  g_assert_no_error (error);

  return framework;
}

static void
run_one (guint n_evidence,
         guint runs)
{
  g_autoptr(LadderFramework) framework = load_monzo ();
  g_autoptr(LadderProfile) profile = ladder_sample_profile (framework, n_evidence, 1);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 7, 1, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-report-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree double *times = g_new (double, runs);
  LadderReportOptions options = { 0, };
  double best = G_MAXDOUBLE, best_cpu = 0, best_new = 0, best_paginate = 0, best_write = 0;
  double first = 0;
  double best_cpu_phases[3] = { 0, };
  guint n_pages = 0;
  GStatBuf st;
  struct rusage usage;

  g_assert_no_error (error);
  path = g_build_filename (dir, "summary.pdf", NULL);
  file = g_file_new_for_path (path);
  options.paper = LADDER_PAPER_SIZE_A4;
  options.date = date;

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(LadderReport) report = NULL;
      g_autoptr(GBytes) bytes = NULL;
      double start = now ();
      double cpu_start = cpu_now ();
      double made, paginated, total;
      double cpu_made, cpu_paginated;
      double width, height;
      gsize length;
      const char *data;

      /* The steps of ladder_report_write_pdf(), timed one by one. */
      report = ladder_report_new (profile, &options);
      made = now ();
      cpu_made = cpu_now ();
      ladder_paper_size_get_size (LADDER_PAPER_SIZE_A4, &width, &height);
      n_pages = ladder_report_paginate (report, width, height);
      paginated = now ();
      cpu_paginated = cpu_now ();
      bytes = ladder_report_to_pdf (report, NULL, &error);
      g_assert_no_error (error);
      data = g_bytes_get_data (bytes, &length);
      ladder_save_contents (file, data, length, NULL, &error);
      g_assert_no_error (error);
      total = now () - start;
      times[run] = total;
      if (run == 0)
        first = total;

      if (total < best)
        {
          best = total;
          best_cpu = cpu_now () - cpu_start;
          best_new = made - start;
          best_paginate = paginated - made;
          best_write = total - (paginated - start);
          best_cpu_phases[0] = cpu_made - cpu_start;
          best_cpu_phases[1] = cpu_paginated - cpu_made;
          best_cpu_phases[2] = best_cpu - (cpu_paginated - cpu_start);
        }
    }

  qsort (times, runs, sizeof (double), compare_doubles);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  getrusage (RUSAGE_SELF, &usage);

  g_print ("%6u entries: first %7.1f ms, best %7.1f ms, median %7.1f ms "
           "(read %.1f, page %.1f, draw+save %.1f ms); "
           "cpu %7.1f ms (read %.1f, page %.1f, draw+save %.1f ms); "
           "%u pages, %.1f MB; peak RSS %.1f MB\n",
           n_evidence, first * 1000, best * 1000, times[runs / 2] * 1000,
           best_new * 1000, best_paginate * 1000, best_write * 1000,
           best_cpu * 1000, best_cpu_phases[0] * 1000, best_cpu_phases[1] * 1000,
           best_cpu_phases[2] * 1000,
           n_pages, st.st_size / 1e6, usage.ru_maxrss / 1024.0);

  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  guint runs = 5;

  if (argc >= 3 && g_str_equal (argv[1], "--evidence"))
    {
      if (argc >= 4)
        runs = MAX (1, (guint) atoi (argv[3]));
      run_one ((guint) atoi (argv[2]), runs);
      return 0;
    }

  if (argc >= 2)
    runs = MAX (1, (guint) atoi (argv[1]));

  /* Each size in a process of its own, so that the peak RSS is its own. */
  for (guint i = 0; i < 2; i++)
    {
      const guint sizes[] = { 200, 20000 };
      g_autofree char *n = g_strdup_printf ("%u", sizes[i]);
      g_autofree char *r = g_strdup_printf ("%u", sizes[i] > 1000 ? MIN (runs, 3) : runs);
      const char *child[] = { argv[0], "--evidence", n, r, NULL };
      g_autoptr(GError) error = NULL;
      int status;

      g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                    NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL))
        return 1;
    }

  return 0;
}
