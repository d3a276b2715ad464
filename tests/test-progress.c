/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "ladder-core.h"

/* A framework of @n_levels levels ("1", "2", …) and two categories ("a",
 * "b"), with @per_cell behaviours in each level and category, named
 * "LEVEL-CATEGORY-N". */
static LadderFramework *
make_framework (guint               n_levels,
                guint               per_cell,
                const char * const *sublevels)
{
  LadderFramework *framework = ladder_framework_new ("test", "Test");
  const char *categories[] = { "a", "b" };

  if (sublevels != NULL)
    ladder_framework_set_sublevels (framework, sublevels);

  for (guint l = 1; l <= n_levels; l++)
    {
      g_autofree char *id = g_strdup_printf ("%u", l);
      g_autoptr(LadderLevel) level = ladder_level_new (id, id, NULL);

      g_assert_true (ladder_framework_add_level (framework, level));
    }

  for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
    {
      g_autoptr(LadderCategory) category = NULL;

      category = ladder_category_new (categories[c], categories[c], NULL, NULL);
      g_assert_true (ladder_framework_add_category (framework, category));
    }

  for (guint l = 1; l <= n_levels; l++)
    for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
      for (guint n = 1; n <= per_cell; n++)
        {
          g_autofree char *level = g_strdup_printf ("%u", l);
          g_autofree char *id = g_strdup_printf ("%u-%s-%u", l, categories[c], n);
          g_autoptr(LadderBehaviour) behaviour = NULL;

          behaviour = ladder_behaviour_new (id, level, categories[c], NULL, id);
          g_assert_true (ladder_framework_add_behaviour (framework, behaviour));
        }

  return framework;
}

static void
rate (LadderProfile     *profile,
      const char        *behaviour,
      LadderRater        rater,
      LadderRatingValue  value)
{
  ladder_profile_rate (profile, behaviour, rater, value);
}

/* Rates the first @shown behaviours of level 1 in category "a" (of
 * @per_cell) consistently and the rest sometimes. */
static void
rate_level_one (LadderProfile *profile,
                guint          per_cell,
                guint          shown)
{
  for (guint n = 1; n <= per_cell; n++)
    {
      g_autofree char *id = g_strdup_printf ("1-a-%u", n);

      rate (profile, id, LADDER_RATER_SELF,
            n <= shown ? LADDER_RATING_CONSISTENTLY : LADDER_RATING_SOMETIMES);
    }
}

static void
assert_counts (LadderProfile *profile,
               const char    *level,
               const char    *category,
               LadderRater    rater,
               guint          expected_shown,
               guint          expected_total)
{
  guint shown = 99, total = 99;

  ladder_profile_count_shown (profile, level, category, rater, &shown, &total);
  g_assert_cmpuint (shown, ==, expected_shown);
  g_assert_cmpuint (total, ==, expected_total);
}

static void
test_counts (void)
{
  g_autoptr(LadderFramework) framework = make_framework (3, 4, NULL);
  g_autoptr(LadderProfile) profile = ladder_profile_new ("p", framework);

  /* Nothing rated: nothing shown, everything counts. */
  assert_counts (profile, "1", "a", LADDER_RATER_SELF, 0, 4);
  assert_counts (profile, NULL, NULL, LADDER_RATER_SELF, 0, 24);

  rate (profile, "1-a-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  rate (profile, "1-a-2", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  rate (profile, "1-a-3", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  rate (profile, "1-a-4", LADDER_RATER_SELF, LADDER_RATING_NOT_YET);
  rate (profile, "1-b-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  rate (profile, "2-b-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  rate (profile, "1-a-1", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);
  rate (profile, "1-a-3", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);

  assert_counts (profile, "1", "a", LADDER_RATER_SELF, 2, 4);
  assert_counts (profile, "1", "b", LADDER_RATER_SELF, 1, 4);
  assert_counts (profile, "1", NULL, LADDER_RATER_SELF, 3, 8);
  assert_counts (profile, NULL, "b", LADDER_RATER_SELF, 2, 12);
  assert_counts (profile, NULL, NULL, LADDER_RATER_SELF, 4, 24);
  assert_counts (profile, "3", NULL, LADDER_RATER_SELF, 0, 8);

  /* Each side counts its own ratings. */
  assert_counts (profile, "1", "a", LADDER_RATER_MANAGER, 1, 4);
  assert_counts (profile, NULL, NULL, LADDER_RATER_MANAGER, 1, 24);

  /* Optional outputs. */
  ladder_profile_count_shown (profile, "1", "a", LADDER_RATER_SELF, NULL, NULL);

  g_assert_cmpfloat_with_epsilon (ladder_profile_get_level_share (profile, "1", LADDER_RATER_SELF),
                                  3.0 / 8.0, 1e-12);
  g_assert_cmpfloat (ladder_profile_get_level_share (profile, "3", LADDER_RATER_SELF), ==, 0.0);
}

static void
test_not_applicable (void)
{
  g_autoptr(LadderFramework) framework = make_framework (2, 4, NULL);
  g_autoptr(LadderProfile) profile = ladder_profile_new ("p", framework);

  rate (profile, "1-a-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  rate (profile, "1-a-2", LADDER_RATER_SELF, LADDER_RATING_NOT_APPLICABLE);
  rate (profile, "1-a-3", LADDER_RATER_SELF, LADDER_RATING_NOT_APPLICABLE);

  /* Not applicable leaves the total; it is not a "not shown". */
  assert_counts (profile, "1", "a", LADDER_RATER_SELF, 1, 2);
  assert_counts (profile, "1", NULL, LADDER_RATER_SELF, 1, 6);
  g_assert_cmpfloat_with_epsilon (ladder_profile_get_level_share (profile, "1", LADDER_RATER_SELF),
                                  1.0 / 6.0, 1e-12);

  /* Only for the side that said so. */
  assert_counts (profile, "1", "a", LADDER_RATER_MANAGER, 0, 4);

  /* Everything not applicable: a total of 0, and a share of 0. */
  rate (profile, "1-a-1", LADDER_RATER_SELF, LADDER_RATING_NOT_APPLICABLE);
  rate (profile, "1-a-4", LADDER_RATER_SELF, LADDER_RATING_NOT_APPLICABLE);
  assert_counts (profile, "1", "a", LADDER_RATER_SELF, 0, 0);
}

typedef struct
{
  guint       shown;     /* of 1000 */
  const char *sublevel;
} Band;

static void
test_sublevel_bands (void)
{
  const char * const five[] = { "A", "B", "C", "D", "E", NULL };
  /* 1000 behaviours in level 1: 500 in each of its two categories. */
  g_autoptr(LadderFramework) framework = make_framework (2, 500, five);
  const Band bands[] = {
    { 0, "A" },
    { 199, "A" },    /* 19.9 % */
    { 200, "B" },    /* 20 % */
    { 399, "B" },
    { 400, "C" },
    { 600, "D" },
    { 799, "D" },    /* 79.9 % */
    { 800, "E" },    /* 80 % */
    { 1000, "E" },   /* 100 % */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    {
      g_autoptr(LadderProfile) profile = ladder_profile_new ("p", framework);
      const char *categories[] = { "a", "b" };
      guint left = bands[i].shown;

      for (guint c = 0; c < 2; c++)
        for (guint n = 1; n <= 500 && left > 0; n++, left--)
          {
            g_autofree char *id = g_strdup_printf ("1-%s-%u", categories[c], n);

            rate (profile, id, LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
          }

      g_test_message ("%u of 1000 shown", bands[i].shown);
      assert_counts (profile, "1", NULL, LADDER_RATER_SELF, bands[i].shown, 1000);
      g_assert_cmpstr (ladder_profile_get_sublevel (profile, "1", LADDER_RATER_SELF),
                       ==, bands[i].sublevel);
      /* The manager has rated nothing. */
      g_assert_cmpstr (ladder_profile_get_sublevel (profile, "1", LADDER_RATER_MANAGER), ==, "A");
    }
}

static void
test_sublevel_other_counts (void)
{
  const char * const three[] = { "low", "mid", "high", NULL };
  g_autoptr(LadderFramework) framework = make_framework (1, 3, three);
  g_autoptr(LadderFramework) plain = make_framework (1, 3, NULL);
  g_autoptr(LadderProfile) profile = ladder_profile_new ("p", framework);
  g_autoptr(LadderProfile) plain_profile = ladder_profile_new ("q", plain);

  /* Three bands of thirds, over six behaviours: 1/6 low, 2/6 mid, 4/6 high. */
  rate (profile, "1-a-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  g_assert_cmpstr (ladder_profile_get_sublevel (profile, "1", LADDER_RATER_SELF), ==, "low");
  rate (profile, "1-a-2", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  g_assert_cmpstr (ladder_profile_get_sublevel (profile, "1", LADDER_RATER_SELF), ==, "mid");
  rate (profile, "1-a-3", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  rate (profile, "1-b-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  g_assert_cmpstr (ladder_profile_get_sublevel (profile, "1", LADDER_RATER_SELF), ==, "high");

  /* Not applicable moves the share: 4 of 4. */
  rate (profile, "1-b-2", LADDER_RATER_SELF, LADDER_RATING_NOT_APPLICABLE);
  rate (profile, "1-b-3", LADDER_RATER_SELF, LADDER_RATING_NOT_APPLICABLE);
  g_assert_cmpfloat (ladder_profile_get_level_share (profile, "1", LADDER_RATER_SELF), ==, 1.0);
  g_assert_cmpstr (ladder_profile_get_sublevel (profile, "1", LADDER_RATER_SELF), ==, "high");

  /* No sub-levels, no sub-level. */
  rate (plain_profile, "1-a-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  g_assert_null (ladder_profile_get_sublevel (plain_profile, "1", LADDER_RATER_SELF));
}

static void
test_ready (void)
{
  g_autoptr(LadderFramework) framework = make_framework (3, 5, NULL);
  g_autoptr(LadderProfile) profile = ladder_profile_new ("p", framework);

  /* No current level. */
  g_assert_false (ladder_profile_is_ready (profile, LADDER_RATER_SELF));

  ladder_profile_set_current_level (profile, "1");
  g_assert_false (ladder_profile_is_ready (profile, LADDER_RATER_SELF));

  /* Level 1 has ten behaviours: 7 shown is 70 %, not ready. */
  rate_level_one (profile, 5, 5);
  rate (profile, "1-b-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  rate (profile, "1-b-2", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  g_assert_false (ladder_profile_is_ready (profile, LADDER_RATER_SELF));

  /* 8 of 10 is exactly 80 %: ready. */
  rate (profile, "1-b-3", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  g_assert_true (ladder_profile_is_ready (profile, LADDER_RATER_SELF));
  /* The manager has not said so. */
  g_assert_false (ladder_profile_is_ready (profile, LADDER_RATER_MANAGER));

  /* Taking one out as not applicable: 8 of 9, still ready. */
  ladder_profile_rate (profile, "1-b-4", LADDER_RATER_SELF, LADDER_RATING_NOT_APPLICABLE);
  g_assert_true (ladder_profile_is_ready (profile, LADDER_RATER_SELF));

  /* The last level has no next one: never ready. */
  ladder_profile_set_current_level (profile, "3");
  for (guint n = 1; n <= 5; n++)
    {
      g_autofree char *a = g_strdup_printf ("3-a-%u", n);
      g_autofree char *b = g_strdup_printf ("3-b-%u", n);

      rate (profile, a, LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
      rate (profile, b, LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
    }
  g_assert_cmpfloat (ladder_profile_get_level_share (profile, "3", LADDER_RATER_SELF), ==, 1.0);
  g_assert_false (ladder_profile_is_ready (profile, LADDER_RATER_SELF));
}

static void
test_ready_nothing_to_count (void)
{
  g_autoptr(LadderFramework) framework = make_framework (2, 1, NULL);
  g_autoptr(LadderProfile) profile = ladder_profile_new ("p", framework);

  ladder_profile_set_current_level (profile, "1");
  rate (profile, "1-a-1", LADDER_RATER_SELF, LADDER_RATING_NOT_APPLICABLE);
  rate (profile, "1-b-1", LADDER_RATER_SELF, LADDER_RATING_NOT_APPLICABLE);

  g_assert_false (ladder_profile_is_ready (profile, LADDER_RATER_SELF));
}

static void
test_missing_for_ready (void)
{
  g_autoptr(LadderFramework) framework = make_framework (2, 5, NULL);
  g_autoptr(LadderProfile) profile = ladder_profile_new ("p", framework);

  /* No current level: nothing to count. */
  g_assert_cmpuint (ladder_profile_count_missing_for_ready (profile, LADDER_RATER_SELF), ==, 0);

  /* Ten behaviours: eight needed. */
  ladder_profile_set_current_level (profile, "1");
  g_assert_cmpuint (ladder_profile_count_missing_for_ready (profile, LADDER_RATER_SELF), ==, 8);
  rate (profile, "1-a-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  rate (profile, "1-a-2", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  g_assert_cmpuint (ladder_profile_count_missing_for_ready (profile, LADDER_RATER_SELF), ==, 7);
  g_assert_cmpuint (ladder_profile_count_missing_for_ready (profile, LADDER_RATER_MANAGER), ==, 8);

  /* Nine that count: 80 % of 9 is 7.2, so eight. */
  rate (profile, "1-b-5", LADDER_RATER_SELF, LADDER_RATING_NOT_APPLICABLE);
  g_assert_cmpuint (ladder_profile_count_missing_for_ready (profile, LADDER_RATER_SELF), ==, 7);

  for (guint n = 1; n <= 4; n++)
    {
      g_autofree char *id = g_strdup_printf ("1-b-%u", n);

      rate (profile, id, LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
    }
  rate (profile, "1-a-3", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  rate (profile, "1-a-4", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  /* Seven of nine shown: one more. */
  g_assert_cmpuint (ladder_profile_count_missing_for_ready (profile, LADDER_RATER_SELF), ==, 1);
  g_assert_false (ladder_profile_is_ready (profile, LADDER_RATER_SELF));
  rate (profile, "1-a-5", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  g_assert_cmpuint (ladder_profile_count_missing_for_ready (profile, LADDER_RATER_SELF), ==, 0);
  g_assert_true (ladder_profile_is_ready (profile, LADDER_RATER_SELF));

  /* The last level has no next one to be ready for. */
  ladder_profile_set_current_level (profile, "2");
  g_assert_cmpuint (ladder_profile_count_missing_for_ready (profile, LADDER_RATER_SELF), ==, 0);
}

/* Shows the first @n behaviours of @level (a, then b) for the engineer
 * and leaves the rest "sometimes". Levels have ten behaviours here. */
static void
show_first (LadderProfile *profile,
            const char    *level,
            guint          n)
{
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%s-%u", level, i < 5 ? "a" : "b", i % 5 + 1);

      rate (profile, id, LADDER_RATER_SELF,
            i < n ? LADDER_RATING_CONSISTENTLY : LADDER_RATING_SOMETIMES);
    }
}

static void
test_ready_rule_current_share (void)
{
  g_autoptr(LadderFramework) framework = make_framework (3, 5, NULL);
  g_autoptr(LadderProfile) profile = ladder_profile_new ("p", framework);

  ladder_profile_set_current_level (profile, "1");

  /* 70 %: 7 of 10. */
  ladder_framework_set_readiness (framework, LADDER_READINESS_CURRENT_SHARE, 70);
  show_first (profile, "1", 6);
  g_assert_false (ladder_profile_is_ready (profile, LADDER_RATER_SELF));
  g_assert_cmpuint (ladder_profile_count_missing_for_ready (profile, LADDER_RATER_SELF), ==, 1);
  show_first (profile, "1", 7);
  g_assert_true (ladder_profile_is_ready (profile, LADDER_RATER_SELF));
  g_assert_cmpuint (ladder_profile_count_missing_for_ready (profile, LADDER_RATER_SELF), ==, 0);

  /* 75 % of 10 is 7.5: eight. */
  ladder_framework_set_readiness (framework, LADDER_READINESS_CURRENT_SHARE, 75);
  g_assert_false (ladder_profile_is_ready (profile, LADDER_RATER_SELF));
  g_assert_cmpuint (ladder_profile_count_missing_for_ready (profile, LADDER_RATER_SELF), ==, 1);
  show_first (profile, "1", 8);
  g_assert_true (ladder_profile_is_ready (profile, LADDER_RATER_SELF));

  /* 100 % asks for all of them. */
  ladder_framework_set_readiness (framework, LADDER_READINESS_CURRENT_SHARE, 100);
  g_assert_cmpuint (ladder_profile_count_missing_for_ready (profile, LADDER_RATER_SELF), ==, 2);
  show_first (profile, "1", 10);
  g_assert_true (ladder_profile_is_ready (profile, LADDER_RATER_SELF));

  /* The smallest share still asks for one behaviour. */
  ladder_framework_set_readiness (framework, LADDER_READINESS_CURRENT_SHARE, 1);
  show_first (profile, "1", 0);
  g_assert_false (ladder_profile_is_ready (profile, LADDER_RATER_SELF));
  g_assert_cmpuint (ladder_profile_count_missing_for_ready (profile, LADDER_RATER_SELF), ==, 1);
  show_first (profile, "1", 1);
  g_assert_true (ladder_profile_is_ready (profile, LADDER_RATER_SELF));
}

static void
test_ready_rule_current_all (void)
{
  g_autoptr(LadderFramework) framework = make_framework (3, 5, NULL);
  g_autoptr(LadderProfile) profile = ladder_profile_new ("p", framework);

  ladder_framework_set_readiness (framework, LADDER_READINESS_CURRENT_ALL, 50);
  ladder_profile_set_current_level (profile, "1");

  /* The share is kept but not used: 9 of 10 is not all. */
  show_first (profile, "1", 9);
  g_assert_false (ladder_profile_is_ready (profile, LADDER_RATER_SELF));
  g_assert_cmpuint (ladder_profile_count_missing_for_ready (profile, LADDER_RATER_SELF), ==, 1);

  /* The tenth not applicable: 9 of 9. */
  rate (profile, "1-b-5", LADDER_RATER_SELF, LADDER_RATING_NOT_APPLICABLE);
  g_assert_true (ladder_profile_is_ready (profile, LADDER_RATER_SELF));
  g_assert_cmpuint (ladder_profile_count_missing_for_ready (profile, LADDER_RATER_SELF), ==, 0);

  rate (profile, "1-b-5", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  g_assert_true (ladder_profile_is_ready (profile, LADDER_RATER_SELF));
  g_assert_false (ladder_profile_is_ready (profile, LADDER_RATER_MANAGER));

  /* One category alone. */
  rate (profile, "1-b-5", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  g_assert_true (ladder_profile_is_ready_in_category (profile, "a", LADDER_RATER_SELF));
  g_assert_false (ladder_profile_is_ready_in_category (profile, "b", LADDER_RATER_SELF));
}

static void
test_ready_rule_next_share (void)
{
  g_autoptr(LadderFramework) framework = make_framework (3, 5, NULL);
  g_autoptr(LadderProfile) profile = ladder_profile_new ("p", framework);

  ladder_framework_set_readiness (framework, LADDER_READINESS_NEXT_SHARE, 50);
  ladder_profile_set_current_level (profile, "1");

  /* The current level all shown counts for nothing. */
  show_first (profile, "1", 10);
  g_assert_false (ladder_profile_is_ready (profile, LADDER_RATER_SELF));
  g_assert_cmpuint (ladder_profile_count_missing_for_ready (profile, LADDER_RATER_SELF), ==, 5);

  /* Half of level 2. */
  show_first (profile, "2", 4);
  g_assert_false (ladder_profile_is_ready (profile, LADDER_RATER_SELF));
  g_assert_cmpuint (ladder_profile_count_missing_for_ready (profile, LADDER_RATER_SELF), ==, 1);
  show_first (profile, "2", 5);
  g_assert_true (ladder_profile_is_ready (profile, LADDER_RATER_SELF));
  g_assert_true (ladder_profile_is_ready_in_category (profile, "a", LADDER_RATER_SELF));
  g_assert_false (ladder_profile_is_ready_in_category (profile, "b", LADDER_RATER_SELF));

  /* The last level has no next one. */
  ladder_profile_set_current_level (profile, "3");
  g_assert_false (ladder_profile_is_ready (profile, LADDER_RATER_SELF));
  g_assert_cmpuint (ladder_profile_count_missing_for_ready (profile, LADDER_RATER_SELF), ==, 0);
}

static void
count_changes_cb (LadderProfile *profile,
                  guint         *n)
{
  (*n)++;
}

static void
test_ready_rule_changes_profile (void)
{
  g_autoptr(LadderFramework) framework = make_framework (2, 1, NULL);
  g_autoptr(LadderProfile) profile = ladder_profile_new ("p", framework);
  g_autofree char *text = NULL;
  guint n = 0;

  g_assert_cmpint (ladder_framework_get_readiness_rule (framework), ==, LADDER_READINESS_CURRENT_SHARE);
  g_assert_cmpuint (ladder_framework_get_readiness_percent (framework), ==, 80);
  text = ladder_framework_describe_readiness (framework);
  g_assert_cmpstr (text, ==, "Ready for the next level when 80 % of the current level’s behaviours are shown");
  g_clear_pointer (&text, g_free);

  /* A profile's file holds its framework: a new rule is a change to save. */
  g_signal_connect (profile, "changed", G_CALLBACK (count_changes_cb), &n);
  ladder_framework_set_readiness (framework, LADDER_READINESS_NEXT_SHARE, 87);
  g_assert_cmpuint (n, ==, 1);
  ladder_framework_set_readiness (framework, LADDER_READINESS_NEXT_SHARE, 87);
  g_assert_cmpuint (n, ==, 1);
  text = ladder_framework_describe_readiness (framework);
  g_assert_cmpstr (text, ==, "Ready for the next level when 87 % of its behaviours are already shown");
  g_clear_pointer (&text, g_free);

  ladder_framework_set_readiness (framework, LADDER_READINESS_CURRENT_ALL, 87);
  g_assert_cmpuint (n, ==, 2);
  text = ladder_framework_describe_readiness (framework);
  g_assert_cmpstr (text, ==, "Ready for the next level when every behaviour of the current level is shown");
}

static void
test_rated_counts (void)
{
  g_autoptr(LadderFramework) framework = make_framework (2, 1, NULL);
  g_autoptr(LadderProfile) profile = ladder_profile_new ("p", framework);
  g_autoptr(GPtrArray) gaps = NULL;

  g_assert_cmpuint (ladder_profile_count_rated (profile, LADDER_RATER_SELF), ==, 0);
  rate (profile, "1-a-1", LADDER_RATER_SELF, LADDER_RATING_NOT_APPLICABLE);
  rate (profile, "1-b-1", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  g_assert_cmpuint (ladder_profile_count_rated (profile, LADDER_RATER_SELF), ==, 2);
  g_assert_cmpuint (ladder_profile_count_rated (profile, LADDER_RATER_MANAGER), ==, 0);
  g_assert_cmpuint (ladder_profile_count_rated_by_both (profile), ==, 0);

  rate (profile, "2-a-1", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);
  g_assert_cmpuint (ladder_profile_count_rated (profile, LADDER_RATER_MANAGER), ==, 1);
  g_assert_cmpuint (ladder_profile_count_rated_by_both (profile), ==, 0);

  rate (profile, "1-b-1", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);
  g_assert_cmpuint (ladder_profile_count_rated_by_both (profile), ==, 1);
  gaps = ladder_profile_list_rating_gaps (profile);
  g_assert_cmpuint (gaps->len, ==, 0);
}

static void
test_gap_distance (void)
{
  g_assert_cmpuint (ladder_rating_value_distance (LADDER_RATING_NOT_YET, LADDER_RATING_CONSISTENTLY), ==, 2);
  g_assert_cmpuint (ladder_rating_value_distance (LADDER_RATING_CONSISTENTLY, LADDER_RATING_NOT_YET), ==, 2);
  g_assert_cmpuint (ladder_rating_value_distance (LADDER_RATING_SOMETIMES, LADDER_RATING_CONSISTENTLY), ==, 1);
  g_assert_cmpuint (ladder_rating_value_distance (LADDER_RATING_SOMETIMES, LADDER_RATING_SOMETIMES), ==, 0);
  g_assert_cmpuint (ladder_rating_value_distance (LADDER_RATING_NOT_APPLICABLE, LADDER_RATING_NOT_YET), ==, 1);
  g_assert_cmpuint (ladder_rating_value_distance (LADDER_RATING_CONSISTENTLY, LADDER_RATING_NOT_APPLICABLE), ==, 1);
  g_assert_cmpuint (ladder_rating_value_distance (LADDER_RATING_NOT_APPLICABLE, LADDER_RATING_NOT_APPLICABLE), ==, 0);
  /* No opinion yet is not a disagreement. */
  g_assert_cmpuint (ladder_rating_value_distance (LADDER_RATING_UNRATED, LADDER_RATING_CONSISTENTLY), ==, 0);
  g_assert_cmpuint (ladder_rating_value_distance (LADDER_RATING_NOT_YET, LADDER_RATING_UNRATED), ==, 0);
}

/* "ID:CATEGORY:SIZE" of each gap, joined by spaces: the agenda in order. */
static char *
describe_gaps (LadderProfile *profile)
{
  g_autoptr(GPtrArray) gaps = ladder_profile_list_rating_gaps (profile);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < gaps->len; i++)
    {
      LadderGap *gap = g_ptr_array_index (gaps, i);

      g_string_append_printf (out, "%s%s:%s:%u", i > 0 ? " " : "",
                              ladder_behaviour_get_id (ladder_gap_get_behaviour (gap)),
                              ladder_category_get_id (ladder_gap_get_category (gap)),
                              ladder_gap_get_size (gap));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_gaps_order (void)
{
  g_autoptr(LadderFramework) framework = make_framework (2, 2, NULL);
  g_autoptr(LadderProfile) profile = ladder_profile_new ("p", framework);
  g_autoptr(GPtrArray) gaps = NULL;
  g_autofree char *agenda = NULL;
  LadderGap *gap;

  agenda = describe_gaps (profile);
  g_assert_cmpstr (agenda, ==, "");
  g_clear_pointer (&agenda, g_free);

  rate (profile, "1-a-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  rate (profile, "1-a-1", LADDER_RATER_MANAGER, LADDER_RATING_NOT_YET);
  rate (profile, "1-a-2", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  rate (profile, "1-a-2", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);
  rate (profile, "1-b-1", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  rate (profile, "1-b-1", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  rate (profile, "1-b-2", LADDER_RATER_SELF, LADDER_RATING_NOT_YET);
  rate (profile, "1-b-2", LADDER_RATER_MANAGER, LADDER_RATING_NOT_APPLICABLE);
  rate (profile, "2-b-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  rate (profile, "2-b-1", LADDER_RATER_MANAGER, LADDER_RATING_NOT_YET);
  rate (profile, "2-a-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  rate (profile, "2-a-2", LADDER_RATER_SELF, LADDER_RATING_NOT_YET);
  rate (profile, "2-a-2", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);

  /* b (total 4) before a (total 3); in each, the largest gap first, then
   * reading order; agreement and a side not rated leave the list. */
  agenda = describe_gaps (profile);
  g_assert_cmpstr (agenda, ==, "2-b-1:b:2 1-b-1:b:1 1-b-2:b:1 1-a-1:a:2 2-a-2:a:1");
  g_clear_pointer (&agenda, g_free);

  gaps = ladder_profile_list_rating_gaps (profile);
  gap = g_ptr_array_index (gaps, 0);
  g_assert_cmpuint (ladder_gap_get_category_rank (gap), ==, 0);
  g_assert_cmpuint (ladder_gap_get_category_size (gap), ==, 4);
  g_assert_cmpint (ladder_gap_get_value (gap, LADDER_RATER_SELF), ==, LADDER_RATING_CONSISTENTLY);
  g_assert_cmpint (ladder_gap_get_value (gap, LADDER_RATER_MANAGER), ==, LADDER_RATING_NOT_YET);
  gap = g_ptr_array_index (gaps, 3);
  g_assert_cmpuint (ladder_gap_get_category_rank (gap), ==, 1);
  g_assert_cmpuint (ladder_gap_get_category_size (gap), ==, 3);

  /* The manager comes round on one: b falls behind a. */
  rate (profile, "2-b-1", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  agenda = describe_gaps (profile);
  g_assert_cmpstr (agenda, ==, "1-a-1:a:2 2-a-2:a:1 1-b-1:b:1 1-b-2:b:1");
  g_clear_pointer (&agenda, g_free);

  /* Equal totals keep the framework's order of categories. */
  rate (profile, "2-a-2", LADDER_RATER_MANAGER, LADDER_RATING_NOT_YET);
  rate (profile, "1-b-2", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);
  agenda = describe_gaps (profile);
  g_assert_cmpstr (agenda, ==, "1-a-1:a:2 1-b-1:b:1 1-b-2:b:1");
  g_clear_pointer (&agenda, g_free);

  g_clear_pointer (&gaps, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&profile));
}

/* The one progress figure: of the current level, the owner's side
 * alone, not applicable out of the count, whole percents rounded half
 * up; none without a current level. */
static void
test_progress (void)
{
  g_autoptr(LadderFramework) framework = make_framework (3, 4, NULL);
  g_autoptr(LadderProfile) profile = ladder_profile_new (NULL, framework);
  guint shown = 99, total = 99;

  g_assert_cmpfloat (ladder_profile_get_progress (profile, LADDER_RATER_SELF, &shown, &total), <, 0.0);
  g_assert_cmpuint (shown, ==, 0);
  g_assert_cmpuint (total, ==, 0);
  ladder_profile_set_current_level (profile, "9");
  g_assert_cmpfloat (ladder_profile_get_progress (profile, LADDER_RATER_SELF, NULL, NULL), <, 0.0);

  ladder_profile_set_current_level (profile, "1");
  ladder_profile_set_target_level (profile, "3");
  g_assert_cmpfloat (ladder_profile_get_progress (profile, LADDER_RATER_SELF, NULL, NULL), ==, 0.0);

  /* One of eight: 12.5 %, shown as 13 % wherever it is shown. */
  rate (profile, "1-a-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  rate (profile, "1-a-2", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  rate (profile, "2-a-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  g_assert_cmpfloat (ladder_profile_get_progress (profile, LADDER_RATER_SELF, &shown, &total), ==, 0.125);
  g_assert_cmpuint (shown, ==, 1);
  g_assert_cmpuint (total, ==, 8);
  g_assert_cmpuint (ladder_progress_to_percent (0.125), ==, 13);
  g_assert_cmpfloat (ladder_profile_get_progress (profile, LADDER_RATER_MANAGER, NULL, NULL), ==, 0.125);

  rate (profile, "1-b-1", LADDER_RATER_SELF, LADDER_RATING_NOT_APPLICABLE);
  g_assert_cmpfloat_with_epsilon (ladder_profile_get_progress (profile, LADDER_RATER_SELF, &shown, &total),
                                  1.0 / 7.0, 1e-12);
  g_assert_cmpuint (total, ==, 7);
  g_assert_cmpuint (ladder_progress_to_percent (1.0 / 7.0), ==, 14);
  g_assert_cmpuint (ladder_progress_to_percent (0.0), ==, 0);
  g_assert_cmpuint (ladder_progress_to_percent (1.0), ==, 100);

  /* Promoted: counted from the new level. */
  ladder_profile_set_current_level (profile, "2");
  g_assert_cmpfloat (ladder_profile_get_progress (profile, LADDER_RATER_SELF, &shown, &total), ==, 0.125);
}

/* The level a summary or a review defaults to: where the ratings are,
 * the new level only once it has some. */
static void
test_rated_level (void)
{
  g_autoptr(LadderFramework) framework = make_framework (4, 2, NULL);
  g_autoptr(LadderProfile) profile = ladder_profile_new (NULL, framework);
  g_autoptr(LadderPromotion) promotion = NULL;
  g_autoptr(GDate) date = g_date_new_dmy (2, G_DATE_MARCH, 2026);

  /* Nothing rated anywhere: the level asked for. */
  g_assert_null (ladder_profile_find_rated_level (profile, NULL));
  g_assert_cmpstr (ladder_profile_find_rated_level (profile, "2"), ==, "2");

  ladder_profile_set_current_level (profile, "2");
  rate (profile, "2-a-1", LADDER_RATER_MANAGER, LADDER_RATING_NOT_YET);
  g_assert_true (ladder_profile_has_ratings_at (profile, "2"));
  g_assert_false (ladder_profile_has_ratings_at (profile, "3"));
  g_assert_cmpstr (ladder_profile_find_rated_level (profile, "2"), ==, "2");

  /* Promoted from 2 to 3, nothing of 3 rated: the level it left. */
  promotion = ladder_promotion_new (NULL, date, "2", "3");
  ladder_profile_add_promotion (profile, promotion);
  ladder_profile_set_current_level (profile, "3");
  g_assert_cmpstr (ladder_profile_find_rated_level (profile, "3"), ==, "2");
  /* A target with nothing rated either. */
  g_assert_cmpstr (ladder_profile_find_rated_level (profile, "4"), ==, "2");

  /* Not applicable is a rating: the new level has one now. */
  rate (profile, "3-b-2", LADDER_RATER_SELF, LADDER_RATING_NOT_APPLICABLE);
  g_assert_cmpstr (ladder_profile_find_rated_level (profile, "3"), ==, "3");

  /* A cleared rating is none: back to the level left. */
  rate (profile, "3-b-2", LADDER_RATER_SELF, LADDER_RATING_UNRATED);
  g_assert_cmpstr (ladder_profile_find_rated_level (profile, "3"), ==, "2");

  /* Without a promotion, the level asked for, rated or not. */
  ladder_profile_remove_promotion (profile, promotion);
  g_assert_cmpstr (ladder_profile_find_rated_level (profile, "3"), ==, "3");
  g_assert_cmpstr (ladder_profile_find_rated_level (profile, "1"), ==, "1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ladder/progress/counts", test_counts);
  g_test_add_func ("/ladder/progress/not-applicable", test_not_applicable);
  g_test_add_func ("/ladder/progress/sublevel/bands", test_sublevel_bands);
  g_test_add_func ("/ladder/progress/sublevel/other-counts", test_sublevel_other_counts);
  g_test_add_func ("/ladder/progress/ready", test_ready);
  g_test_add_func ("/ladder/progress/ready/nothing-to-count", test_ready_nothing_to_count);
  g_test_add_func ("/ladder/progress/ready/missing", test_missing_for_ready);
  g_test_add_func ("/ladder/progress/ready/rule/current-share", test_ready_rule_current_share);
  g_test_add_func ("/ladder/progress/ready/rule/current-all", test_ready_rule_current_all);
  g_test_add_func ("/ladder/progress/ready/rule/next-share", test_ready_rule_next_share);
  g_test_add_func ("/ladder/progress/ready/rule/changes-profile", test_ready_rule_changes_profile);
  g_test_add_func ("/ladder/progress/gaps/rated-counts", test_rated_counts);
  g_test_add_func ("/ladder/progress/gaps/distance", test_gap_distance);
  g_test_add_func ("/ladder/progress/gaps/order", test_gaps_order);
  g_test_add_func ("/ladder/progress/one-figure", test_progress);
  g_test_add_func ("/ladder/progress/rated-level", test_rated_level);

  return g_test_run ();
}
