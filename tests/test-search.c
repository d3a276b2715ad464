/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

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

/* Folding ASCII as it goes and the rest in runs gives what folding the
 * whole text at once does, wherever the other characters fall. */
static void
test_search_fold_mixed (void)
{
  const char *texts[] = {
    "Plain ASCII, MIXED Case 42",
    "ÉTÉ",
    "Led the ÉTÉ migration",
    "Straße — ΣΊΣΥΦΟΣ and ǅemal’s ﬁx",
    "Ends with Ω",
    "İstanbul ẞ ﬃ 𝐀 ⅫA",
    "\n\tTabs\nand lines ÆØÅ\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *expected = g_utf8_casefold (texts[i], -1);
      g_autofree char *folded = ladder_search_fold (texts[i], -1);
      gsize half = strlen (texts[i]) / 2;

      g_assert_cmpstr (folded, ==, expected);

      /* A length that is not the whole text, cut between characters. */
      while (half > 0 && ((guchar) texts[i][half] & 0xc0) == 0x80)
        half--;
      if (half > 0)
        {
          g_autofree char *expected_part = g_utf8_casefold (texts[i], half);
          g_autofree char *part = ladder_search_fold (texts[i], half);

          g_assert_cmpstr (part, ==, expected_part);
        }
    }
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

static LadderEvidence *
make_numbered (guint i)
{
  LadderEvidence *evidence = ladder_evidence_new (NULL);
  g_autofree char *title = g_strdup_printf ("Entry %u of the LOG", i);

  ladder_evidence_set_title (evidence, title);

  return evidence;
}

static void
fold_until_done (LadderSearchIndex *index)
{
  while (ladder_search_index_get_pending (index) > 0)
    g_main_context_iteration (NULL, TRUE);
}

/* Entries a search has folded meanwhile are not pending any more: the
 * list searched in steps while they were knows when they all are. */
static void
test_search_pending_after_search (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderSearchIndex) index = ladder_search_index_new (framework);
  g_autoptr(GListStore) list = g_list_store_new (LADDER_TYPE_EVIDENCE);
  g_autofree char *folded = ladder_search_fold ("LOG", -1);

  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(LadderEvidence) entry = make_numbered (i);

      g_list_store_append (list, entry);
    }
  ladder_search_index_fold_ahead (index, G_LIST_MODEL (list));
  g_assert_cmpuint (ladder_search_index_get_pending (index), ==, 100);

  /* The first half searched: the rest still pending. */
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(LadderEvidence) entry = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_true (ladder_search_index_matches (index, entry, folded));
    }
  g_assert_cmpuint (ladder_search_index_get_pending (index), ==, 50);

  for (guint i = 50; i < 100; i++)
    {
      g_autoptr(LadderEvidence) entry = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_true (ladder_search_index_matches (index, entry, folded));
    }
  g_assert_cmpuint (ladder_search_index_get_pending (index), ==, 0);
  ladder_search_index_fold_ahead (index, NULL);
}

/* The index folds a list ahead at idle, and what the list gains later,
 * all at once as when a profile is read in full; a search then finds
 * what it did before, an entry edited since by its new text. */
static void
test_search_fold_ahead (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderSearchIndex) index = ladder_search_index_new (framework);
  g_autoptr(GListStore) store = g_list_store_new (LADDER_TYPE_EVIDENCE);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LadderEvidence) first = NULL;
  g_autoptr(LadderEvidence) last = NULL;
  const char *text;

  /* Nothing followed, nothing pending; an empty list, the same. */
  g_assert_cmpuint (ladder_search_index_get_pending (index), ==, 0);
  ladder_search_index_fold_ahead (index, G_LIST_MODEL (store));
  g_assert_cmpuint (ladder_search_index_get_pending (index), ==, 0);

  /* A profile's evidence arriving in one splice. */
  for (guint i = 0; i < 3000; i++)
    g_ptr_array_add (added, make_numbered (i));
  g_list_store_splice (store, 0, 0, added->pdata, added->len);
  g_assert_cmpuint (ladder_search_index_get_pending (index), ==, 3000);
  /* At idle, from the main loop. */
  g_assert_true (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (ladder_search_index_get_pending (index), <, 3000);
  fold_until_done (index);

  /* Folded ahead: a search takes the text kept, not made again. */
  first = g_list_model_get_item (G_LIST_MODEL (store), 0);
  last = g_list_model_get_item (G_LIST_MODEL (store), 2999);
  text = ladder_search_index_get_text (index, last);
  g_assert_cmpstr (text, ==, "entry 2999 of the log\n");
  g_assert_true (text == ladder_search_index_get_text (index, last));
  g_assert_true (finds (index, first, "entry 0 of"));
  g_assert_false (finds (index, first, "entry 1 of"));

  /* An entry edited after it was folded is found by its new text. */
  g_usleep (10);
  ladder_evidence_set_title (first, "Rolled back the release");
  g_assert_true (finds (index, first, "rolled back"));
  g_assert_false (finds (index, first, "entry 0 of"));

  /* Entries added later, in the middle, are folded too. */
  {
    g_autoptr(LadderEvidence) more = make_numbered (5000);

    g_list_store_insert (store, 10, more);
    g_assert_cmpuint (ladder_search_index_get_pending (index), >, 0);
    fold_until_done (index);
    g_assert_true (finds (index, more, "entry 5000"));
  }

  /* Cleared, it follows the list no more. */
  ladder_search_index_clear (index);
  g_list_store_append (store, first);
  g_assert_cmpuint (ladder_search_index_get_pending (index), ==, 0);
  g_assert_true (finds (index, first, "rolled back"));

  /* And the index goes with no step left behind. */
  ladder_search_index_fold_ahead (index, G_LIST_MODEL (store));
  g_assert_cmpuint (ladder_search_index_get_pending (index), >, 0);
  g_assert_finalize_object (g_steal_pointer (&index));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Every entry's text stays whole and its own while thousands more are
 * kept after it (over several of the index's blocks), next to a text
 * longer than a block, and after entries are folded again. */
static void
test_search_many_kept (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderSearchIndex) index = ladder_search_index_new (framework);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GString) long_body = g_string_new (NULL);
  g_autoptr(LadderEvidence) long_entry = ladder_evidence_new (NULL);
  const char *long_text = NULL;

  for (guint i = 0; i < 12000; i++)
    {
      LadderEvidence *entry = make_numbered (i);
      g_autofree char *body = g_strdup_printf ("Body %u: %s", i, i % 3 == 0 ? "ÉTÉ" : "ROLLED OUT");

      ladder_evidence_set_body (entry, body);
      g_ptr_array_add (entries, entry);
      g_ptr_array_add (texts, (gpointer) ladder_search_index_get_text (index, entry));
      if (i == 3000)
        {
          /* Half a megabyte in one word, in the middle of the others. */
          for (guint j = 0; j < 50000; j++)
            g_string_append (long_body, "ABCDEFGHIJ");
          g_string_append (long_body, " Ünique");
          ladder_evidence_set_title (long_entry, "Long");
          ladder_evidence_set_body (long_entry, long_body->str);
          long_text = ladder_search_index_get_text (index, long_entry);
          g_assert_cmpuint (strlen (long_text), ==, strlen ("long\n") + long_body->len);
        }
    }

  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *expected = g_strdup_printf ("entry %u of the log\nbody %u: %s", i, i,
                                                   i % 3 == 0 ? "été" : "rolled out");

      g_assert_cmpstr (g_ptr_array_index (texts, i), ==, expected);
      g_assert_true (g_ptr_array_index (texts, i) ==
                     ladder_search_index_get_text (index, g_ptr_array_index (entries, i)));
    }
  g_assert_true (long_text == ladder_search_index_get_text (index, long_entry));
  g_assert_true (g_str_has_prefix (long_text, "long\nabcdefghijabcdefghij"));
  g_assert_true (g_str_has_suffix (long_text, "abcdefghij ünique"));
  g_assert_true (finds (index, long_entry, "IJ ÜNIQUE"));
  g_assert_false (finds (index, long_entry, "entry 1 of"));

  /* Folded again after an edit: the new text, the others as they were. */
  g_usleep (10);
  ladder_evidence_set_title (g_ptr_array_index (entries, 7), "Renamed");
  g_assert_cmpstr (ladder_search_index_get_text (index, g_ptr_array_index (entries, 7)), ==,
                   "renamed\nbody 7: rolled out");
  g_assert_cmpstr (g_ptr_array_index (texts, 8), ==, "entry 8 of the log\nbody 8: rolled out");
  g_assert_true (finds (index, g_ptr_array_index (entries, 11999), "entry 11999 of the log"));

  /* Cleared, everything is made again, the same. */
  ladder_search_index_clear (index);
  g_assert_cmpstr (ladder_search_index_get_text (index, g_ptr_array_index (entries, 4000)), ==,
                   "entry 4000 of the log\nbody 4000: rolled out");
  g_assert_true (finds (index, long_entry, "ünique"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/fields", test_search_fields);
  g_test_add_func ("/search/fold", test_search_fold);
  g_test_add_func ("/search/fold-mixed", test_search_fold_mixed);
  g_test_add_func ("/search/modified", test_search_modified);
  g_test_add_func ("/search/fold-ahead", test_search_fold_ahead);
  g_test_add_func ("/search/pending-after-search", test_search_pending_after_search);
  g_test_add_func ("/search/many-kept", test_search_many_kept);

  return g_test_run ();
}
