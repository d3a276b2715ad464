/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "ladder-core.h"

static LadderFramework *
load_framework (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "framework.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LadderFramework *framework;

  framework = ladder_format_load_framework (file, NULL, &error);
  g_assert_no_error (error);

  return framework;
}

static char *
write_sample (LadderFramework *framework,
              guint            n_evidence,
              guint32          seed)
{
  g_autoptr(LadderProfile) profile = ladder_sample_profile (framework, n_evidence, seed);

  return ladder_format_write_profile (profile, NULL);
}

static void
test_deterministic (void)
{
  g_autoptr(LadderFramework) framework = load_framework ();
  g_autofree char *first = write_sample (framework, 50, 42);
  g_autofree char *second = write_sample (framework, 50, 42);
  g_autofree char *other = write_sample (framework, 50, 43);

  g_assert_cmpstr (first, ==, second);
  g_assert_cmpstr (first, !=, other);
}

/* The same bytes whenever it runs: nothing comes from the clock. */
static void
test_no_clock (void)
{
  g_autoptr(LadderFramework) framework = load_framework ();
  g_autofree char *text = write_sample (framework, 30, 7);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  /* 2026-06-30 is the last day the sample covers; the test may well run
   * later, and then today must not appear. */
  if (g_strcmp0 (today, "2026-06-30") > 0)
    g_assert_null (strstr (text, today));
}

/* A team of samples, one per seed in a row (as bench-team makes one):
 * no two people share a name. */
static void
test_team_names (void)
{
  g_autoptr(LadderFramework) framework = load_framework ();
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint32 seed = 1000; seed < 1000 + 256; seed++)
    {
      g_autoptr(LadderProfile) profile = ladder_sample_manager_profile (framework, 0, seed);

      g_assert_true (g_hash_table_add (names, g_strdup (ladder_profile_get_name (profile))));
    }
  g_assert_cmpuint (g_hash_table_size (names), ==, 256);
}

static void
test_contents (void)
{
  g_autoptr(LadderFramework) framework = load_framework ();
  g_autoptr(LadderProfile) profile = ladder_sample_profile (framework, 200, 1);
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) tags = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *evidence = ladder_profile_get_evidence (profile);
  GListModel *checkins = ladder_profile_get_checkins (profile);
  GDate first, last;
  guint with_links = 0;
  guint done = 0, open = 0;
  guint n_checkins;

  g_assert_nonnull (ladder_profile_get_name (profile));
  g_assert_nonnull (strchr (ladder_profile_get_name (profile), ' '));
  g_assert_nonnull (ladder_profile_get_role (profile));

  /* Three levels: the middle one, and the next. */
  g_assert_cmpstr (ladder_profile_get_current_level (profile), ==, "2");
  g_assert_cmpstr (ladder_profile_get_target_level (profile), ==, "3");
  g_assert_false (ladder_profile_get_read_only (profile));

  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 200);

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 30, G_DATE_JUNE, 2024);
  g_date_set_dmy (&last, 30, G_DATE_JUNE, 2026);

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(LadderEvidence) entry = g_list_model_get_item (evidence, i);
      const char * const *behaviours = ladder_evidence_get_behaviours (entry);
      const char * const *entry_tags = ladder_evidence_get_tags (entry);
      guint n_behaviours = g_strv_length ((char **) behaviours);

      g_assert_cmpuint (n_behaviours, >=, 1);
      g_assert_cmpuint (n_behaviours, <=, 3);
      for (guint j = 0; behaviours[j] != NULL; j++)
        g_assert_nonnull (ladder_framework_find_behaviour (framework, behaviours[j]));

      g_assert_true (g_uuid_string_is_valid (ladder_evidence_get_id (entry)));
      g_assert_cmpint (g_date_compare (ladder_evidence_get_date (entry), &first), >=, 0);
      g_assert_cmpint (g_date_compare (ladder_evidence_get_date (entry), &last), <=, 0);
      g_assert_cmpint (g_date_time_compare (ladder_evidence_get_created (entry),
                                            ladder_evidence_get_modified (entry)), <=, 0);
      g_assert_cmpstr (ladder_evidence_get_body (entry), !=, "");

      g_hash_table_add (titles, g_strdup (ladder_evidence_get_title (entry)));
      for (guint j = 0; entry_tags[j] != NULL; j++)
        g_hash_table_add (tags, (gpointer) entry_tags[j]);
      if (ladder_evidence_get_links (entry)[0] != NULL)
        with_links++;
    }

  /* Varied, but from a small set of tags; some links. */
  g_assert_cmpuint (g_hash_table_size (titles), >=, 100);
  g_assert_cmpuint (g_hash_table_size (tags), >=, 5);
  g_assert_cmpuint (g_hash_table_size (tags), <=, 12);
  g_assert_cmpuint (with_links, >, 0);
  g_assert_cmpuint (with_links, <, 200);

  /* Ratings: up to the target, every id a behaviour. */
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_ratings (profile)), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (ladder_profile_get_ratings (profile)); i++)
    {
      g_autoptr(LadderRating) rating = NULL;
      const char *id;

      rating = g_list_model_get_item (ladder_profile_get_ratings (profile), i);
      id = ladder_rating_get_behaviour_id (rating);
      g_assert_nonnull (ladder_framework_find_behaviour (framework, id));
      for (LadderRater rater = LADDER_RATER_SELF; rater <= LADDER_RATER_MANAGER; rater++)
        if (ladder_rating_get_value (rating, rater) == LADDER_RATING_NOT_APPLICABLE)
          g_assert_nonnull (ladder_rating_get_note (rating, rater));
    }

  n_checkins = g_list_model_get_n_items (checkins);
  g_assert_cmpuint (n_checkins, >=, 3);
  g_assert_cmpuint (n_checkins, <=, 6);
  for (guint i = 0; i < n_checkins; i++)
    {
      g_autoptr(LadderCheckin) checkin = g_list_model_get_item (checkins, i);
      GListModel *actions = ladder_checkin_get_actions (checkin);
      g_auto(GStrv) snapshot = ladder_checkin_list_snapshot (checkin);

      g_assert_nonnull (ladder_checkin_get_notes (checkin));
      g_assert_cmpuint (g_list_model_get_n_items (actions), >=, 1);
      g_assert_cmpuint (g_strv_length (snapshot), >, 0);
      for (guint j = 0; snapshot[j] != NULL; j++)
        g_assert_nonnull (ladder_framework_find_behaviour (framework, snapshot[j]));

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(LadderAction) action = g_list_model_get_item (actions, j);

          if (ladder_action_get_done (action))
            done++;
          else
            open++;
        }
    }
  g_assert_cmpuint (done, >, 0);
  g_assert_cmpuint (open, >, 0);
}

/* What the sample writes, the reader takes, and writes back the same. */
static void
test_round_trip (void)
{
  g_autoptr(LadderFramework) framework = load_framework ();
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = write_sample (framework, 120, 2026);
  g_autofree char *again = NULL;

  profile = ladder_format_read_profile (text, strlen (text), "sample.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, 120);
  g_assert_cmpuint (g_hash_table_size (ladder_profile_get_tombstones (profile, "evidence")), ==, 1);

  again = ladder_format_write_profile (profile, NULL);
  g_assert_cmpstr (again, ==, text);
}

static void
test_small_frameworks (void)
{
  g_autoptr(LadderFramework) empty = ladder_framework_new ("empty", "Empty");
  g_autoptr(LadderFramework) single = ladder_framework_new ("single", "Single");
  g_autoptr(LadderLevel) level = ladder_level_new ("only", "Only", NULL);
  g_autoptr(LadderCategory) category = ladder_category_new ("c", "C", NULL, NULL);
  g_autoptr(LadderBehaviour) behaviour = ladder_behaviour_new ("b", "only", "c", NULL, "B");
  g_autoptr(LadderProfile) none = NULL;
  g_autoptr(LadderProfile) one = NULL;

  none = ladder_sample_profile (empty, 5, 3);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (none)), ==, 5);
  g_assert_null (ladder_profile_get_current_level (none));

  g_assert_true (ladder_framework_add_level (single, level));
  g_assert_true (ladder_framework_add_category (single, category));
  g_assert_true (ladder_framework_add_behaviour (single, behaviour));

  one = ladder_sample_profile (single, 0, 3);
  g_assert_cmpstr (ladder_profile_get_current_level (one), ==, "only");
  g_assert_null (ladder_profile_get_target_level (one));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (one)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ladder/sample/deterministic", test_deterministic);
  g_test_add_func ("/ladder/sample/team-names", test_team_names);
  g_test_add_func ("/ladder/sample/no-clock", test_no_clock);
  g_test_add_func ("/ladder/sample/contents", test_contents);
  g_test_add_func ("/ladder/sample/round-trip", test_round_trip);
  g_test_add_func ("/ladder/sample/small-frameworks", test_small_frameworks);

  return g_test_run ();
}
