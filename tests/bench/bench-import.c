/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How fast a large framework text imports, next to the bare json-glib parse
 * of the same framework as JSON in the same run (the floor any reader of
 * that much structure pays).
 *
 *   bench-import [MEGABYTES] [RUNS]
 *
 * Makes a text of MEGABYTES (5) in the shape of a page copied from the web:
 * "Level N" headings, category headings, bullets and sub-bullets; and the
 * same framework as Markdown ("## Level N", "### Category", nested "-"
 * items). Both go through the outline and every reading of it.
 */

#include "config.h"

#include <stdlib.h>

#include "ladder-core.h"

static const char *categories[] = {
  "💬 Communication", "💥 Impact", "👩‍💼 Leadership", "✨ Influence", "🛠️ Mastery",
};

static const char *verbs[] = {
  "Designs", "Delivers", "Reviews", "Mentors others on", "Improves", "Documents",
  "Debugs", "Leads discussions about", "Measures", "Simplifies",
};

static const char *objects[] = {
  "database schemas across several services", "incident response for the team",
  "asynchronous messaging flows", "the deployment pipeline and its rollbacks",
  "code review practice in an empathetic manner", "technical proposals with clear trade-offs",
};

static char *
make_text (gsize     target,
           gboolean  markdown,
           guint    *n_levels)
{
  GString *text = g_string_sized_new (target + 4096);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint level = 0;

  g_string_append (text, markdown ? "# Platform Engineering Framework\n\n" : "Platform Engineering Framework\n\n");
  while (text->len < target)
    {
      g_string_append_printf (text, markdown ? "## Level %u\n\n" : "Level %u\n\n", ++level);
      for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
        {
          g_string_append_printf (text, markdown ? "### %s\n\n" : "%s\n\n", categories[c]);
          for (guint b = 0; b < 40; b++)
            {
              g_string_append_printf (text, markdown ? "- %s %s (%u.%u.%u)\n" : "  • %s %s (%u.%u.%u)\n",
                                      verbs[g_rand_int_range (rand, 0, G_N_ELEMENTS (verbs))],
                                      objects[g_rand_int_range (rand, 0, G_N_ELEMENTS (objects))],
                                      level, c, b);
              if (b % 4 == 0)
                g_string_append (text, markdown ? "    - For example, a change that touched three teams\n"
                                                : "    • For example, a change that touched three teams\n");
            }
          g_string_append_c (text, '\n');
        }
    }

  *n_levels = level;
  return g_string_free (text, FALSE);
}

static double
best_of (guint   runs,
         double *times)
{
  double best = times[0];

  for (guint i = 1; i < runs; i++)
    best = MIN (best, times[i]);
  return best;
}

/* Imports @text @runs times and parses its framework's JSON as often;
 * prints the best of each. */
static void
measure (const char         *label,
         const char         *text,
         LadderImportFormat  format,
         guint               n_levels,
         guint               runs)
{
  g_autofree double *import_times = g_new0 (double, runs);
  g_autofree double *parse_times = g_new0 (double, runs);
  g_autofree char *json = NULL;
  gsize json_length = 0;
  guint n_behaviours = 0;
  LadderImportOptions options = { 0 };

  options.format = format;
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(LadderFramework) framework = NULL;
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) error = NULL;
      gint64 start;

      start = g_get_monotonic_time ();
      framework = ladder_import_text (text, &options, NULL, &error);
      import_times[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);

      if (json == NULL)
        {
          n_behaviours = g_list_model_get_n_items (ladder_framework_get_behaviours (framework));
          json = ladder_format_write_framework (framework, &json_length);
        }

      start = g_get_monotonic_time ();
      json_parser_load_from_data (parser, json, json_length, &error);
      parse_times[i] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
    }

  g_print ("%s: %.1f MB, %u levels, %u behaviours; as JSON: %.1f MB\n",
           label, strlen (text) / 1048576.0, n_levels, n_behaviours, json_length / 1048576.0);
  g_print ("  import:                    %8.1f ms (best of %u)\n", best_of (runs, import_times), runs);
  g_print ("  bare json-glib parse (JSON): %6.1f ms\n", best_of (runs, parse_times));
  g_print ("  ratio: %.2f\n", best_of (runs, import_times) / best_of (runs, parse_times));
}

int
main (int   argc,
      char *argv[])
{
  gsize megabytes = argc > 1 ? strtoul (argv[1], NULL, 10) : 5;
  guint runs = argc > 2 ? strtoul (argv[2], NULL, 10) : 5;
  g_autofree char *text = NULL;
  g_autofree char *markdown = NULL;
  guint n_levels;

  text = make_text (megabytes * 1024 * 1024, FALSE, &n_levels);
  measure ("text", text, LADDER_IMPORT_FORMAT_TEXT, n_levels, runs);
  markdown = make_text (megabytes * 1024 * 1024, TRUE, &n_levels);
  measure ("Markdown", markdown, LADDER_IMPORT_FORMAT_MARKDOWN, n_levels, runs);

  return 0;
}
