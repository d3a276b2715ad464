/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "ladder-core.h"

static LadderFramework *
make_framework (void)
{
  LadderFramework *framework = ladder_framework_new ("test", "Test");
  g_autoptr(LadderLevel) level = ladder_level_new ("1", "Level 1", NULL);
  g_autoptr(LadderCategory) category = ladder_category_new ("impact", "Impact", NULL, NULL);
  g_autoptr(LadderBehaviour) behaviour = NULL;

  g_assert_true (ladder_framework_add_level (framework, level));
  g_assert_true (ladder_framework_add_category (framework, category));
  behaviour = ladder_behaviour_new ("impact-1", "1", "impact", NULL,
                                    "Delivers features that customers notice");
  g_assert_true (ladder_framework_add_behaviour (framework, behaviour));

  return framework;
}

static LadderEvidence *
make_evidence (void)
{
  LadderEvidence *evidence = ladder_evidence_new (NULL);
  const char *links[] = { "https://example.com/project/pull/42", NULL };
  const char *tags[] = { "Incident", NULL };
  const char *behaviours[] = { "impact-1", "gone-from-the-framework", NULL };

  ladder_evidence_set_title (evidence, "Led the ÉTÉ migration");
  ladder_evidence_set_body (evidence, "Wrote the runbook.");
  ladder_evidence_set_links (evidence, links);
  ladder_evidence_set_tags (evidence, tags);
  ladder_evidence_set_behaviours (evidence, behaviours);

  return evidence;
}

static gboolean
finds (LadderSearchIndex *index,
       LadderEvidence    *evidence,
       const char        *typed)
{
  g_autofree char *folded = ladder_search_fold (typed, -1);

  return ladder_search_index_matches (index, evidence, folded);
}

/* Everything a search looks in, blind to case, ASCII or not. */
static void
test_search_fields (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderSearchIndex) index = ladder_search_index_new (framework);
  g_autoptr(LadderEvidence) evidence = make_evidence ();

  g_assert_true (finds (index, evidence, "MIGRATION"));
  g_assert_true (finds (index, evidence, "été"));
  g_assert_true (finds (index, evidence, "runbook"));
  g_assert_true (finds (index, evidence, "pull/42"));
  g_assert_true (finds (index, evidence, "incident"));
  g_assert_true (finds (index, evidence, "customers notice"));
  g_assert_true (finds (index, evidence, ""));
  g_assert_false (finds (index, evidence, "rollback"));
  /* A behaviour the framework no longer has adds no text, its id none. */
  g_assert_false (finds (index, evidence, "gone-from"));

  /* Without a framework, the behaviours' text is not searched. */
  {
    g_autoptr(LadderSearchIndex) bare = ladder_search_index_new (NULL);

    g_assert_false (finds (bare, evidence, "customers notice"));
    g_assert_true (finds (bare, evidence, "pull/42"));
  }
}

static void
test_search_fold (void)
{
  g_autofree char *ascii = ladder_search_fold ("Pull/42 ABC", -1);
  g_autofree char *accents = ladder_search_fold ("ÉTÉ Straße", -1);
  g_autofree char *part = ladder_search_fold ("ABCDEF", 3);

  g_assert_null (ladder_search_fold ("", -1));
  g_assert_cmpstr (ascii, ==, "pull/42 abc");
  g_assert_cmpstr (accents, ==, "été strasse");
  g_assert_cmpstr (part, ==, "abc");
}

/* The folded text is kept until the entry changes, then made again. */
static void
test_search_modified (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderSearchIndex) index = ladder_search_index_new (framework);
  g_autoptr(LadderEvidence) evidence = make_evidence ();
  const char *first;

  first = ladder_search_index_get_text (index, evidence);
  g_assert_true (first == ladder_search_index_get_text (index, evidence));
  g_assert_false (finds (index, evidence, "postmortem"));

  /* The next microsecond at least, so that "modified" moves. */
  g_usleep (10);
  ladder_evidence_set_body (evidence, "Wrote the postmortem.");
  g_assert_true (finds (index, evidence, "postmortem"));
  g_assert_false (finds (index, evidence, "runbook"));

  ladder_search_index_clear (index);
  g_assert_true (finds (index, evidence, "postmortem"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/fields", test_search_fields);
  g_test_add_func ("/search/fold", test_search_fold);
  g_test_add_func ("/search/modified", test_search_modified);

  return g_test_run ();
}
