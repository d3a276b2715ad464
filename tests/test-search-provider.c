/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the desktop's search finds in a library (LadderSearchProvider):
 * which profiles, behaviours and entries match, in which order, how a
 * search typed on narrows, and how each result is described and found
 * again by its id.
 */

#include "config.h"

#include "core-helpers.h"
#include "ladder-core.h"

typedef struct
{
  char                 *folder;
  LadderLibrary        *library;
  LadderSearchProvider *provider;
} Fixture;

static LadderFramework *
make_framework (void)
{
  LadderFramework *framework = ladder_framework_new ("search-test", "Search Test");
  g_autoptr(LadderLevel) junior = ladder_level_new ("1", "Junior Engineer", NULL);
  g_autoptr(LadderLevel) senior = ladder_level_new ("2", "Senior Engineer", NULL);
  g_autoptr(LadderCategory) category = ladder_category_new ("delivery", "Delivery", NULL, NULL);
  g_autoptr(LadderBehaviour) ships = ladder_behaviour_new ("ships", "1", "delivery", NULL,
                                                           "Ships small changes safely");
  g_autoptr(LadderBehaviour) leads = ladder_behaviour_new ("leads/migrations", "2", "delivery", NULL,
                                                           "Leads large projects");

  ladder_behaviour_add_example (leads, "a database migration across teams");
  g_assert_true (ladder_framework_add_level (framework, junior));
  g_assert_true (ladder_framework_add_level (framework, senior));
  g_assert_true (ladder_framework_add_category (framework, category));
  g_assert_true (ladder_framework_add_behaviour (framework, ships));
  g_assert_true (ladder_framework_add_behaviour (framework, leads));

  return framework;
}

static void
add_entry (LadderProfile *profile,
           const char    *id,
           const char    *title,
           const char    *body,
           int            day)
{
  g_autoptr(LadderEvidence) evidence = ladder_evidence_new (id);
  g_autoptr(GDate) date = g_date_new_dmy (day, G_DATE_MARCH, 2026);

  ladder_evidence_set_title (evidence, title);
  ladder_evidence_set_body (evidence, body);
  ladder_evidence_set_date (evidence, date);
  ladder_profile_add_evidence (profile, evidence);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderProfile) ada = NULL;
  g_autoptr(LadderProfile) grace = NULL;
  g_autoptr(GFile) directory = NULL;
  g_autoptr(GError) error = NULL;

  fixture->folder = core_make_temp_dir ();
  directory = g_file_new_for_path (fixture->folder);
  fixture->library = ladder_library_new (directory);
  g_assert_true (ladder_library_load (fixture->library, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ladder_library_add_framework (fixture->library, framework, NULL, &error));
  g_assert_no_error (error);

  ada = ladder_profile_new ("ada", framework);
  ladder_profile_set_name (ada, "Ada Lovelace");
  add_entry (ada, "e-old", "Database migration, first part", "Planned it.", 2);
  add_entry (ada, "e-body", "Quarterly planning", "Wrote the database migration guide.", 20);
  add_entry (ada, "e-new", "Database migration finished", "No downtime.", 10);
  add_entry (ada, "e/slash", "Fixed the build", "A migration of the CI.", 25);
  ladder_library_add_profile (fixture->library, ada);

  grace = ladder_profile_new ("grace", framework);
  ladder_profile_set_name (grace, "Grace Hopper");
  add_entry (grace, "g-1", "Compiler talk", "About a migration to COBOL.", 5);
  ladder_library_add_profile (fixture->library, grace);

  fixture->provider = ladder_search_provider_new (fixture->library);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->provider);
  g_clear_object (&fixture->library);
  core_remove_tree (fixture->folder);
  g_free (fixture->folder);
}

static char **
search (Fixture    *fixture,
        const char *text)
{
  g_auto(GStrv) terms = g_strsplit (text, " ", -1);

  return ladder_search_provider_search (fixture->provider, (const char * const *) terms);
}

/* Every term, anywhere, blind to case; titles first, then the rest, each
 * newest first. */
static void
test_provider_order (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(GStrv) results = search (fixture, "DATABASE migration");
  const char * const expected[] = {
    "evidence/ada/e-new",    /* title, 10 March */
    "evidence/ada/e-old",    /* title, 2 March */
    "behaviour/ada/leads%2Fmigrations",   /* its example, for each profile */
    "behaviour/grace/leads%2Fmigrations",
    "evidence/ada/e-body",   /* body, 20 March */
    NULL
  };

  g_assert_cmpstrv (results, expected);
}

/* A profile by its name, and a behaviour by its text, before entries. */
static void
test_provider_kinds (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(GStrv) by_name = search (fixture, "grace");
  g_auto(GStrv) by_text = search (fixture, "ships");
  g_auto(GStrv) nothing = search (fixture, "rollback");
  g_auto(GStrv) empty = search (fixture, " ");
  const char * const name_expected[] = { "profile/grace", NULL };
  const char * const text_expected[] = { "behaviour/ada/ships", "behaviour/grace/ships", NULL };

  g_assert_cmpstrv (by_name, name_expected);
  g_assert_cmpstrv (by_text, text_expected);
  g_assert_cmpuint (g_strv_length (nothing), ==, 0);
  g_assert_cmpuint (g_strv_length (empty), ==, 0);
}

/* Typing on narrows the previous results only, and ranks them again. */
static void
test_provider_refine (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(GStrv) first = search (fixture, "migration");
  const char *terms[] = { "migration", "Fini", NULL };
  const char *previous[] = { "evidence/ada/e-old", "evidence/ada/e-new", "evidence/ada/gone",
                             "profile/nobody", "nonsense", NULL };
  const char * const narrowed_expected[] = { "evidence/ada/e-new", NULL };
  const char * const kept_expected[] = { "evidence/ada/e-new", "evidence/ada/e-old", NULL };
  const char *again[] = { "migration", NULL };
  g_auto(GStrv) narrowed = NULL;
  g_auto(GStrv) kept = NULL;

  g_assert_cmpuint (g_strv_length (first), ==, 7);

  narrowed = ladder_search_provider_refine (fixture->provider,
                                            (const char * const *) first, terms);
  g_assert_cmpstrv (narrowed, narrowed_expected);

  /* Ids of items that are gone, or no ids at all, are dropped. */
  kept = ladder_search_provider_refine (fixture->provider, previous, again);
  g_assert_cmpstrv (kept, kept_expected);
}

/* A search gives the best results up to the limit; one narrowed from
 * results cut there looks afresh, and finds what was cut. */
static void
test_provider_limit (Fixture       *fixture,
                     gconstpointer  data)
{
  const char * const first_expected[] = { "evidence/ada/e-new", "evidence/ada/e-old", NULL };
  const char *terms[] = { "migration", "cobol", NULL };
  const char * const narrowed_expected[] = { "evidence/grace/g-1", NULL };
  g_auto(GStrv) first = NULL;
  g_auto(GStrv) narrowed = NULL;

  ladder_search_provider_set_limit (fixture->provider, 2);
  first = search (fixture, "migration");
  g_assert_cmpstrv (first, first_expected);

  narrowed = ladder_search_provider_refine (fixture->provider,
                                            (const char * const *) first, terms);
  g_assert_cmpstrv (narrowed, narrowed_expected);
}

/* An entry changed after a search is found by its new text. */
static void
test_provider_changes (Fixture       *fixture,
                       gconstpointer  data)
{
  LadderProfile *ada = ladder_library_find_profile (fixture->library, "ada");
  LadderEvidence *evidence = ladder_profile_find_evidence (ada, "e-body");
  g_auto(GStrv) before = search (fixture, "retrospective");
  g_auto(GStrv) after = NULL;
  const char * const expected[] = { "evidence/ada/e-body", NULL };

  g_assert_cmpuint (g_strv_length (before), ==, 0);
  ladder_evidence_set_title (evidence, "Quarterly retrospective");
  after = search (fixture, "retrospective");
  g_assert_cmpstrv (after, expected);
}

static void
test_provider_describe (Fixture       *fixture,
                        gconstpointer  data)
{
  LadderSearchResultKind kind;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  g_assert_true (ladder_search_provider_describe (fixture->provider, "evidence/ada/e%2Fslash",
                                                  &kind, &name, &description));
  g_assert_cmpint (kind, ==, LADDER_SEARCH_RESULT_EVIDENCE);
  g_assert_cmpstr (name, ==, "Fixed the build");
  g_assert_cmpstr (description, ==, "25 Mar 2026 · Ada Lovelace");
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&description, g_free);

  g_assert_true (ladder_search_provider_describe (fixture->provider,
                                                  "behaviour/grace/leads%2Fmigrations",
                                                  &kind, &name, &description));
  g_assert_cmpint (kind, ==, LADDER_SEARCH_RESULT_BEHAVIOUR);
  g_assert_cmpstr (name, ==, "Leads large projects");
  g_assert_cmpstr (description, ==, "Senior Engineer · Grace Hopper");
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&description, g_free);

  g_assert_true (ladder_search_provider_describe (fixture->provider, "profile/ada",
                                                  &kind, &name, &description));
  g_assert_cmpint (kind, ==, LADDER_SEARCH_RESULT_PROFILE);
  g_assert_cmpstr (name, ==, "Ada Lovelace");
  g_assert_cmpstr (description, ==, "Search Test");

  g_assert_false (ladder_search_provider_describe (fixture->provider, "evidence/ada/gone",
                                                   NULL, NULL, NULL));
  g_assert_false (ladder_search_provider_describe (fixture->provider, "profile/ada/extra",
                                                   NULL, NULL, NULL));
}

/* Ids hold any character, and come apart as they were made. */
static void
test_provider_ids (void)
{
  g_autofree char *id = ladder_search_result_id_new (LADDER_SEARCH_RESULT_EVIDENCE,
                                                     "a/b c", "é/%");
  g_autofree char *profile_id = NULL;
  g_autofree char *item_id = NULL;
  LadderSearchResultKind kind;

  g_assert_true (ladder_search_result_id_parse (id, &kind, &profile_id, &item_id));
  g_assert_cmpint (kind, ==, LADDER_SEARCH_RESULT_EVIDENCE);
  g_assert_cmpstr (profile_id, ==, "a/b c");
  g_assert_cmpstr (item_id, ==, "é/%");

  g_assert_false (ladder_search_result_id_parse ("profile/", NULL, NULL, NULL));
  g_assert_false (ladder_search_result_id_parse ("evidence/ada", NULL, NULL, NULL));
  g_assert_false (ladder_search_result_id_parse ("folder/ada/x", NULL, NULL, NULL));
  g_assert_false (ladder_search_result_id_parse ("profile/%zz", NULL, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/ladder/search-provider/order", Fixture, NULL, fixture_set_up,
              test_provider_order, fixture_tear_down);
  g_test_add ("/ladder/search-provider/kinds", Fixture, NULL, fixture_set_up,
              test_provider_kinds, fixture_tear_down);
  g_test_add ("/ladder/search-provider/refine", Fixture, NULL, fixture_set_up,
              test_provider_refine, fixture_tear_down);
  g_test_add ("/ladder/search-provider/limit", Fixture, NULL, fixture_set_up,
              test_provider_limit, fixture_tear_down);
  g_test_add ("/ladder/search-provider/changes", Fixture, NULL, fixture_set_up,
              test_provider_changes, fixture_tear_down);
  g_test_add ("/ladder/search-provider/describe", Fixture, NULL, fixture_set_up,
              test_provider_describe, fixture_tear_down);
  g_test_add_func ("/ladder/search-provider/ids", test_provider_ids);

  return g_test_run ();
}
