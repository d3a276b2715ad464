/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How fast two copies of a large profile merge.
 *
 *   bench-merge [N] [RUNS]
 *
 * Makes ladder_sample_profile (Monzo's framework, N = 20,000 evidence
 * entries, seed 1) and a copy of it that diverged as a manager's copy
 * might: 1,000 entries edited, 500 deleted, 1,000 added and 50 ratings
 * changed. Each of RUNS (5) runs reads both from their JSON text, works
 * out the preview (ladder_merge_new), applies the merge and writes the
 * result, and prints the phases of the best run, the number of changes and
 * the peak resident set size (getrusage's ru_maxrss). Asserts nothing
 * about time.
 */

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>

#include "ladder-core.h"
#include "ladder-profile-private.h"

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
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

static LadderProfile *
read_profile (const char *data,
              gsize       length)
{
  g_autoptr(GError) error = NULL;
  LadderProfile *profile = ladder_format_read_profile (data, length, "bench.json", &error);

  g_assert_no_error (error);

  return profile;
}

/* The other copy: what a manager's copy holds after a few months apart. */
static char *
diverge (const char *data,
         gsize       length,
         gsize      *out_length)
{
  g_autoptr(LadderProfile) copy = read_profile (data, length);
  g_autoptr(GDateTime) later = g_date_time_new_utc (2030, 1, 1, 9, 0, 0);
  GListModel *evidence = ladder_profile_get_evidence (copy);
  GListModel *behaviours = ladder_framework_get_behaviours (ladder_profile_get_framework (copy));
  g_autoptr(GPtrArray) deleted = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 1000 && i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(LadderEvidence) entry = g_list_model_get_item (evidence, i);
      g_autofree char *title = g_strconcat (ladder_evidence_get_title (entry), " (edited)", NULL);

      ladder_evidence_set_title (entry, title);
      ladder_evidence_set_stamps (entry, NULL, later);
    }

  for (guint i = 1000; i < 1500 && i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(LadderEvidence) entry = g_list_model_get_item (evidence, i);

      g_ptr_array_add (deleted, g_strdup (ladder_evidence_get_id (entry)));
    }
  for (guint i = 0; i < deleted->len; i++)
    _ladder_profile_delete (copy, "evidence", deleted->pdata[i], later);

  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(LadderEvidence) entry = ladder_evidence_new (NULL);
      g_autofree char *title = g_strdup_printf ("New work %u", i);

      ladder_evidence_set_title (entry, title);
      ladder_evidence_set_stamps (entry, later, later);
      ladder_profile_add_evidence (copy, entry);
    }

  for (guint i = 0; i < 50 && i < g_list_model_get_n_items (behaviours); i++)
    {
      g_autoptr(LadderBehaviour) behaviour = g_list_model_get_item (behaviours, i);
      LadderRating *rating = ladder_profile_ensure_rating (copy, ladder_behaviour_get_id (behaviour));

      ladder_rating_set_value (rating, LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY, later);
    }

  return ladder_format_write_profile (copy, out_length);
}

int
main (int   argc,
      char *argv[])
{
  guint n_evidence = argc > 1 ? (guint) atoi (argv[1]) : 20000;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 5;
  g_autoptr(LadderFramework) framework = load_monzo ();
  g_autoptr(LadderProfile) sample = ladder_sample_profile (framework, n_evidence, 1);
  g_autofree char *ours_data = NULL;
  g_autofree char *theirs_data = NULL;
  gsize ours_length, theirs_length;
  double best[4] = { G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE };
  double best_total = G_MAXDOUBLE;
  guint n_changes = 0;
  struct rusage usage;

  ours_data = ladder_format_write_profile (sample, &ours_length);
  theirs_data = diverge (ours_data, ours_length, &theirs_length);

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(LadderProfile) ours = NULL;
      g_autoptr(LadderProfile) theirs = NULL;
      g_autoptr(LadderMerge) merge = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *written = NULL;
      double t[5];

      t[0] = now ();
      ours = read_profile (ours_data, ours_length);
      theirs = read_profile (theirs_data, theirs_length);
      t[1] = now ();
      merge = ladder_merge_new (ours, theirs, &error);
      g_assert_no_error (error);
      t[2] = now ();
      ladder_merge_apply (merge);
      t[3] = now ();
      written = ladder_format_write_profile (ours, NULL);
      t[4] = now ();

      n_changes = ladder_merge_get_n_changes (merge);
      if (t[4] - t[0] < best_total)
        {
          best_total = t[4] - t[0];
          for (guint i = 0; i < 4; i++)
            best[i] = t[i + 1] - t[i];
        }
    }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("%u evidence entries, %.1f MB and %.1f MB of JSON, %u changes\n",
           n_evidence, ours_length / 1e6, theirs_length / 1e6, n_changes);
  g_print ("best of %u: read both %.0f ms, preview %.0f ms, apply %.0f ms, write %.0f ms, "
           "total %.0f ms\n",
           runs, best[0] * 1e3, best[1] * 1e3, best[2] * 1e3, best[3] * 1e3, best_total * 1e3);
  g_print ("peak RSS %ld MB\n", usage.ru_maxrss / 1024);

  return 0;
}
