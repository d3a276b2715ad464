/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What is new at a level: the similarity of two behaviours' texts, and
 * the pairs it makes on the bundled frameworks and on published ones. */

#include "config.h"

#include "ladder-core.h"

static LadderFramework *
import_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LadderImportOptions options = { 0 };
  LadderFramework *framework;

  framework = ladder_import_file (file, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (framework);

  return framework;
}

static LadderFramework *
import_bundled (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("LADDER_SEEDS_DIR"), name, NULL);

  return import_path (path);
}

static LadderFramework *
import_real (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "real", name,
                                                 NULL);

  return import_path (path);
}

/* The pair made for the behaviour whose text is @text, at whatever level
 * it is, against the level before; fails the test when there is none. */
static LadderGrowthPair
find_pair (LadderFramework *framework,
           const char      *text)
{
  GListModel *levels = ladder_framework_get_levels (framework);

  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(LadderLevel) level = g_list_model_get_item (levels, i);
      const char *id = ladder_level_get_id (level);
      g_autoptr(GPtrArray) pairs = NULL;

      pairs = ladder_framework_pair_levels (framework, id,
                                            ladder_framework_get_previous_level (framework, id),
                                            NULL);
      for (guint j = 0; j < pairs->len; j++)
        {
          LadderGrowthPair *pair = pairs->pdata[j];

          if (g_strcmp0 (ladder_behaviour_get_text (pair->behaviour), text) == 0)
            return *pair;
        }
    }

  g_error ("no behaviour reads “%s”", text);
}

static void
assert_builds_on (LadderFramework *framework,
                  const char      *text,
                  const char      *lower_text)
{
  LadderGrowthPair pair = find_pair (framework, text);

  g_test_message ("%.2f  %s  ←  %s", pair.similarity, text, lower_text);
  g_assert_nonnull (pair.builds_on);
  g_assert_cmpstr (ladder_behaviour_get_text (pair.builds_on), ==, lower_text);
  g_assert_cmpfloat (pair.similarity, >=, LADDER_GROWTH_RESTATES_THRESHOLD);
}

/* New at its level, although the closest lower behaviour shares words. */
static void
assert_new (LadderFramework *framework,
            const char      *text,
            double           at_least)
{
  LadderGrowthPair pair = find_pair (framework, text);

  g_test_message ("%.2f  %s  (new)", pair.similarity, text);
  g_assert_null (pair.builds_on);
  g_assert_cmpfloat (pair.similarity, >=, at_least);
  g_assert_cmpfloat (pair.similarity, <, LADDER_GROWTH_RESTATES_THRESHOLD);
}

static void
test_growth_similarity (void)
{
  /* Case, order, inflection and the little words do not count. */
  g_assert_cmpfloat (ladder_text_similarity ("Writes clear tests", "Clear tests: the writing of them"),
                     ==, 1.0);
  g_assert_cmpfloat (ladder_text_similarity ("Delivers libraries", "delivered the library"), ==, 1.0);
  g_assert_cmpfloat (ladder_text_similarity ("Fixes bugs", "Fixes bugs"), ==, 1.0);
  /* Two of three words shared on each side: 2 × 2 / (3 + 3). */
  g_assert_cmpfloat_with_epsilon (ladder_text_similarity ("Fixes simple bugs", "Fixes complex bugs"),
                                  2.0 / 3.0, 1e-9);
  g_assert_cmpfloat (ladder_text_similarity ("Fixes bugs", "Mentors engineers"), ==, 0.0);
  g_assert_cmpfloat (ladder_text_similarity ("", "Fixes bugs"), ==, 0.0);
  g_assert_cmpfloat (ladder_text_similarity (NULL, NULL), ==, 0.0);
  g_assert_cmpfloat (ladder_text_similarity ("the and of", "the and of"), ==, 0.0);
}

static void
test_growth_levels (void)
{
  g_autoptr(LadderFramework) framework = import_bundled ("medium-foundations.txt");
  GListModel *levels = ladder_framework_get_levels (framework);
  g_autoptr(LadderLevel) first = g_list_model_get_item (levels, 0);
  g_autoptr(LadderLevel) second = g_list_model_get_item (levels, 1);
  g_autoptr(GPtrArray) pairs = NULL;

  g_assert_null (ladder_framework_get_previous_level (framework, ladder_level_get_id (first)));
  g_assert_null (ladder_framework_get_previous_level (framework, "no-such-level"));
  g_assert_cmpstr (ladder_framework_get_previous_level (framework, ladder_level_get_id (second)), ==,
                   ladder_level_get_id (first));

  /* With nothing to compare with, everything is new. */
  pairs = ladder_framework_pair_levels (framework, ladder_level_get_id (first), NULL, NULL);
  g_assert_cmpuint (pairs->len, ==,
                    ladder_framework_count_behaviours (framework, ladder_level_get_id (first), NULL));
  for (guint i = 0; i < pairs->len; i++)
    g_assert_null (((LadderGrowthPair *) pairs->pdata[i])->builds_on);
}

/* Every behaviour of a level gets one pair, in reading order, and builds
 * only on a behaviour of the lower level and of its own category. */
static void
assert_pairs_well_formed (LadderFramework *framework)
{
  GListModel *levels = ladder_framework_get_levels (framework);

  for (guint i = 1; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(LadderLevel) level = g_list_model_get_item (levels, i);
      const char *id = ladder_level_get_id (level);
      const char *lower = ladder_framework_get_previous_level (framework, id);
      g_autoptr(GPtrArray) pairs = ladder_framework_pair_levels (framework, id, lower, NULL);

      g_assert_cmpuint (pairs->len, ==, ladder_framework_count_behaviours (framework, id, NULL));
      for (guint j = 0; j < pairs->len; j++)
        {
          LadderGrowthPair *pair = pairs->pdata[j];

          g_assert_cmpstr (ladder_behaviour_get_level (pair->behaviour), ==, id);
          if (pair->builds_on == NULL)
            continue;
          g_assert_cmpstr (ladder_behaviour_get_level (pair->builds_on), ==, lower);
          g_assert_cmpstr (ladder_behaviour_get_category (pair->builds_on), ==,
                           ladder_behaviour_get_category (pair->behaviour));
        }
    }
}

static void
test_growth_bundled (void)
{
  const char *names[] = {
    "dummyco-backend-engineering.txt", "gitlab-senior-backend-engineer.txt",
    "medium-foundations.txt", "monzo-backend-engineering.txt",
  };
  g_autoptr(LadderFramework) monzo = import_bundled ("monzo-backend-engineering.txt");
  g_autoptr(LadderFramework) medium = import_bundled ("medium-foundations.txt");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(LadderFramework) framework = import_bundled (names[i]);

      assert_pairs_well_formed (framework);
    }

  assert_builds_on (monzo,
                    "Writes PR descriptions that provide context and provide rationale for significant decisions",
                    "Writes PR descriptions that provide basic context for the change");
  assert_builds_on (monzo, "Implements complex asynchronous messaging flows",
                    "Implements asynchronous messaging between services");
  assert_builds_on (monzo, "Contributes to maintaining the monzo culture in the wider company",
                    "Contributes to maintaining the monzo culture in their team, helping new joiners");
  assert_builds_on (medium, "Designs complex projects that encompass multiple systems and technologies",
                    "Designs moderately complex systems");

  /* Sharing a category's words is not restating. */
  assert_new (monzo, "Sought out for code reviews", 0.4);
  assert_new (monzo, "Debugs production issues", 0.3);
  assert_new (monzo, "Uses appropriate design patterns", 0.3);
  assert_new (medium, "Designs transformational projects in service of long-term goals", 0.2);
}

static void
test_growth_real (void)
{
  g_autoptr(LadderFramework) comms = import_real ("sourcegraph-comms.md");
  g_autoptr(LadderFramework) artsy = import_real ("artsy-engineering.md");
  g_autoptr(LadderFramework) backend = import_real ("monzo-backend.md");

  assert_pairs_well_formed (comms);
  assert_pairs_well_formed (artsy);
  assert_pairs_well_formed (backend);

  assert_builds_on (comms,
                    "Keeps all stakeholders on track to hit project timelines. Proactively surfaces and resolves blockers without manager.",
                    "Oversees work with cross-functional teams to hit project timelines. Proactively surfaces and addresses blockers. Works with manager to resolve complex blockers.");
  assert_builds_on (backend, "Proactively gives timely actionable feedback to peers",
                    "Gives feedback to peers when asked");

  assert_new (artsy, "Takes responsibility for the team's culture and morale.", 0.35);
  assert_new (backend, "Demonstrates a deep level of knowledge in a specific area", 0.4);
  assert_new (backend, "Fixes bugs involving a number of services and can investigate production issues",
              0.3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/growth/similarity", test_growth_similarity);
  g_test_add_func ("/growth/levels", test_growth_levels);
  g_test_add_func ("/growth/bundled", test_growth_bundled);
  g_test_add_func ("/growth/real", test_growth_real);

  return g_test_run ();
}
