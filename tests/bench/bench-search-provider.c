/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How fast the desktop's search answers over a large library.
 *
 *   bench-search-provider [N] [RUNS] [LIMIT]
 *
 * Makes ladder_sample_profile (Monzo's framework, N = 20,000 evidence
 * entries, seed 1) in a library of its own, then types "review" as the
 * overview asks: the first letter is GetInitialResultSet (the first
 * search folds every entry), each further letter GetSubsearchResultSet
 * on the previous results, then GetResultMetas for the five the overview
 * shows. It also times a full search per letter, as a Shell that never
 * narrows would ask. Prints the median of RUNS (5) runs of each step in
 * milliseconds of processor time and the number of results. LIMIT
 * (200, as the app's provider; 0 for none) is the most results a search
 * gives. Asserts nothing about time.
 */

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include <glib/gstdio.h>

#include "ladder-core.h"

/* Processor time, steadier than the wall clock on a shared machine. */
static double
now_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);

  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);

  return g_array_index (times, double, times->len / 2);
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

#define WORD "review"
#define N_STEPS 6

int
main (int   argc,
      char *argv[])
{
  guint n_evidence = argc > 1 ? (guint) atoi (argv[1]) : 20000;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 5;
  guint limit = argc > 3 ? (guint) atoi (argv[3]) : 200;
  g_autoptr(LadderFramework) framework = load_monzo ();
  g_autoptr(LadderProfile) profile = ladder_sample_profile (framework, n_evidence, 1);
  g_autofree char *folder = g_dir_make_tmp ("bench-search-XXXXXX", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (folder);
  g_autoptr(LadderLibrary) library = ladder_library_new (directory);
  g_autoptr(GError) error = NULL;
  GArray *typed[N_STEPS];
  GArray *full[N_STEPS];
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) metas = g_array_new (FALSE, FALSE, sizeof (double));
  guint counts[N_STEPS] = { 0, };

  g_assert_true (ladder_library_load (library, NULL, &error));
  g_assert_no_error (error);
  ladder_library_add_profile (library, profile);

  for (guint step = 0; step < N_STEPS; step++)
    {
      typed[step] = g_array_new (FALSE, FALSE, sizeof (double));
      full[step] = g_array_new (FALSE, FALSE, sizeof (double));
    }

  for (guint run = 0; run < runs; run++)
    {
      /* A new provider each run: its first search folds every entry, as
       * the first keystroke after the application starts does. */
      g_autoptr(LadderSearchProvider) provider = ladder_search_provider_new (library);
      g_auto(GStrv) results = NULL;
      double start;

      ladder_search_provider_set_limit (provider, limit);

      for (guint step = 0; step < N_STEPS; step++)
        {
          g_autofree char *prefix = g_strndup (WORD, step + 1);
          const char *terms[] = { prefix, NULL };
          char **narrowed;
          double t;

          start = now_ms ();
          if (results == NULL)
            narrowed = ladder_search_provider_search (provider, terms);
          else
            narrowed = ladder_search_provider_refine (provider, (const char * const *) results, terms);
          t = now_ms () - start;
          g_array_append_val (step == 0 ? first : typed[step], t);
          g_strfreev (results);
          results = narrowed;
          counts[step] = g_strv_length (results);

          start = now_ms ();
          g_strfreev (ladder_search_provider_search (provider, terms));
          t = now_ms () - start;
          g_array_append_val (full[step], t);
        }

      start = now_ms ();
      for (guint i = 0; i < 5 && results[i] != NULL; i++)
        {
          g_autofree char *name = NULL;
          g_autofree char *description = NULL;

          g_assert_true (ladder_search_provider_describe (provider, results[i], NULL, &name,
                                                          &description));
        }
      {
        double t = now_ms () - start;

        g_array_append_val (metas, t);
      }
    }

  g_print ("%u entries, %u runs, limit %u, medians in ms of processor time\n",
           n_evidence, runs, limit);
  g_print ("  first search, \"r\" (folds every entry): %8.2f  (%u results)\n",
           median (first), counts[0]);
  for (guint step = 1; step < N_STEPS; step++)
    g_print ("  narrowed to \"%.*s\":%*s %8.2f  (%u results); full search %8.2f\n",
             (int) step + 1, WORD, (int) (N_STEPS - step), "", median (typed[step]),
             counts[step], median (full[step]));
  g_print ("  full search, \"r\", folded already:      %8.2f\n", median (full[0]));
  g_print ("  five results described:                 %8.3f\n", median (metas));

  for (guint step = 0; step < N_STEPS; step++)
    {
      g_array_unref (typed[step]);
      g_array_unref (full[step]);
    }
  g_rmdir (folder);

  return EXIT_SUCCESS;
}
