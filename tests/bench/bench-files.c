/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How fast a large profile loads and saves, next to the bare json-glib
 * parse of the same bytes (the floor any reader of that much JSON pays).
 *
 *   bench-files [EVIDENCE] [RUNS]
 *
 * Makes a sample profile of EVIDENCE entries (20000) on a framework of
 * 180 behaviours, writes it to a temporary file and times, best of RUNS
 * (5): the bare parse, ladder_format_read_profile(),
 * ladder_format_load_profile() (the file read too),
 * ladder_format_write_profile(), ladder_save_contents() and the whole save
 * (write and save). Goals: load within 2× of the bare parse, and a save no
 * slower than a load.
 */

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "ladder-core.h"

static LadderFramework *
make_framework (void)
{
  LadderFramework *framework = ladder_framework_new ("bench-engineering", "Engineering");
  const char *categories[] = {
    "delivery", "mastery", "collaboration", "leadership", "impact", "craft",
  };
  const char *sublevels[] = { "A", "B", "C", "D", "E", NULL };

  ladder_framework_set_organisation (framework, "Bench Co");
  ladder_framework_set_sublevels (framework, sublevels);

  for (guint l = 1; l <= 6; l++)
    {
      g_autofree char *id = g_strdup_printf ("%u", l);
      g_autofree char *name = g_strdup_printf ("Level %u", l);
      g_autoptr(LadderLevel) level = NULL;

      level = ladder_level_new (id, name, "What this level is about, in a sentence.");
      ladder_framework_add_level (framework, level);
    }

  for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
    {
      g_autoptr(LadderCategory) category = ladder_category_new (categories[c], categories[c], NULL,
                                                                "A category of behaviours.");

      ladder_framework_add_category (framework, category);
    }

  for (guint l = 1; l <= 6; l++)
    for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
      for (guint b = 1; b <= 5; b++)
        {
          g_autofree char *level = g_strdup_printf ("%u", l);
          g_autofree char *id = g_strdup_printf ("%u-%s-%u", l, categories[c], b);
          g_autoptr(LadderBehaviour) behaviour = NULL;

          behaviour = ladder_behaviour_new (id, level, categories[c], "Section",
                                            "Does the thing this behaviour describes, "
                                            "consistently and with care for the people around.");
          ladder_framework_add_behaviour (framework, behaviour);
        }

  return framework;
}

typedef struct
{
  const char *name;
  double      best;
} Timing;

static double
now_ms (void)
{
  return (double) g_get_monotonic_time () / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  guint n_evidence = argc > 1 ? (guint) atoi (argv[1]) : 20000;
  guint runs = argc > 2 ? (guint) atoi (argv[2]) : 5;
  gsize length;
  enum { BARE, READ, LOAD, WRITE, SAVE, WRITE_AND_SAVE, N_TIMINGS };
  Timing timings[N_TIMINGS] = {
    { "bare json_parser_load_from_data", G_MAXDOUBLE },
    { "ladder_format_read_profile", G_MAXDOUBLE },
    { "ladder_format_load_profile", G_MAXDOUBLE },
    { "ladder_format_write_profile", G_MAXDOUBLE },
    { "ladder_save_contents", G_MAXDOUBLE },
    { "write + save", G_MAXDOUBLE },
  };

  framework = make_framework ();
  profile = ladder_sample_profile (framework, n_evidence, 1);
  data = ladder_format_write_profile (profile, &length);

  dir = g_dir_make_tmp ("ladder-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "profile.json", NULL);
  file = g_file_new_for_path (path);
  ladder_save_contents (file, data, length, NULL, &error);
  g_assert_no_error (error);

  g_print ("%u evidence entries, %.1f MB, best of %u runs\n",
           n_evidence, (double) length / (1024.0 * 1024.0), runs);

  for (guint run = 0; run < runs; run++)
    {
      double start;

      {
        g_autoptr(JsonParser) parser = json_parser_new ();

        start = now_ms ();
        if (!json_parser_load_from_data (parser, data, (gssize) length, &error))
          g_error ("%s", error->message);
        g_clear_object (&parser);
        timings[BARE].best = MIN (timings[BARE].best, now_ms () - start);
      }

      {
        g_autoptr(LadderProfile) read = NULL;

        start = now_ms ();
        read = ladder_format_read_profile (data, length, path, &error);
        timings[READ].best = MIN (timings[READ].best, now_ms () - start);
        g_assert_no_error (error);
        g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (read)),
                          ==, n_evidence);
      }

      {
        g_autoptr(LadderProfile) loaded = NULL;

        start = now_ms ();
        loaded = ladder_format_load_profile (file, NULL, &error);
        timings[LOAD].best = MIN (timings[LOAD].best, now_ms () - start);
        g_assert_no_error (error);
      }

      {
        g_autofree char *written = NULL;
        gsize written_length;
        double wrote;

        start = now_ms ();
        written = ladder_format_write_profile (profile, &written_length);
        wrote = now_ms ();
        if (!ladder_save_contents (file, written, written_length, NULL, &error))
          g_error ("%s", error->message);

        timings[WRITE].best = MIN (timings[WRITE].best, wrote - start);
        timings[SAVE].best = MIN (timings[SAVE].best, now_ms () - wrote);
        timings[WRITE_AND_SAVE].best = MIN (timings[WRITE_AND_SAVE].best, now_ms () - start);
      }
    }

  for (guint i = 0; i < N_TIMINGS; i++)
    g_print ("  %-34s %8.1f ms\n", timings[i].name, timings[i].best);

  g_print ("read / bare parse:    %.2f× (goal ≤ 2)\n", timings[READ].best / timings[BARE].best);
  g_print ("load / bare parse:    %.2f×\n", timings[LOAD].best / timings[BARE].best);
  g_print ("(write + save) / read: %.2f× (goal ≤ 1)\n",
           timings[WRITE_AND_SAVE].best / timings[READ].best);

  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    g_unlink (backup);
    g_unlink (path);
    g_rmdir (dir);
  }

  return 0;
}
