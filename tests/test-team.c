/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A profile's 1:1 cadence (model, file, merge) and the team summary the
 * Team view's cards show. */

#include "config.h"

#include <string.h>

#include "ladder-core.h"

static LadderFramework *
make_framework (const char *id)
{
  LadderFramework *framework = ladder_framework_new (id, "Engineering");
  g_autoptr (LadderCategory) mastery = ladder_category_new ("mastery", "Mastery", NULL, NULL);
  const char *sublevels[] = { "A", "B", NULL };

  g_assert_true (ladder_framework_add_category (framework, mastery));
  ladder_framework_set_sublevels (framework, sublevels);
  for (guint l = 1; l <= 3; l++)
    {
      g_autofree char *level_id = g_strdup_printf ("%u", l);
      g_autofree char *level_name = g_strdup_printf ("Level %u", l);
      g_autoptr (LadderLevel) level = ladder_level_new (level_id, level_name, NULL);

      g_assert_true (ladder_framework_add_level (framework, level));
      for (guint i = 0; i < 4; i++)
        {
          g_autofree char *behaviour_id = g_strdup_printf ("%u-%u", l, i);
          g_autoptr (LadderBehaviour) behaviour =
            ladder_behaviour_new (behaviour_id, level_id, "mastery", NULL, "Does the thing");

          g_assert_true (ladder_framework_add_behaviour (framework, behaviour));
        }
    }

  return framework;
}

static LadderProfile *
reread (LadderProfile *profile)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = ladder_format_write_profile (profile, NULL);
  LadderProfile *copy = ladder_format_read_profile (text, strlen (text), "alex.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (copy);

  return copy;
}

static void
test_cadence_words (void)
{
  LadderCadence cadence = LADDER_CADENCE_WEEKLY;

  g_assert_null (ladder_cadence_to_string (LADDER_CADENCE_NONE));
  g_assert_cmpstr (ladder_cadence_to_string (LADDER_CADENCE_BIWEEKLY), ==, "biweekly");
  g_assert_true (ladder_cadence_from_string (NULL, &cadence));
  g_assert_cmpint (cadence, ==, LADDER_CADENCE_NONE);
  g_assert_true (ladder_cadence_from_string ("monthly", &cadence));
  g_assert_cmpint (cadence, ==, LADDER_CADENCE_MONTHLY);
  /* "none" is the absence of the member, never a word in a file. */
  g_assert_false (ladder_cadence_from_string ("none", &cadence));
  g_assert_false (ladder_cadence_from_string ("daily", &cadence));
  g_assert_cmpint (cadence, ==, LADDER_CADENCE_MONTHLY);
  g_assert_cmpuint (ladder_cadence_get_days (LADDER_CADENCE_NONE), ==, 0);
  g_assert_cmpuint (ladder_cadence_get_days (LADDER_CADENCE_WEEKLY), ==, 7);
  g_assert_cmpuint (ladder_cadence_get_days (LADDER_CADENCE_BIWEEKLY), ==, 14);
  g_assert_cmpuint (ladder_cadence_get_days (LADDER_CADENCE_MONTHLY), ==, 31);
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

/* None by default, and then not in the file, which reads as before; set,
 * it is written and read back, and a change carries its time. */
static void
test_cadence_file (void)
{
  g_autoptr (LadderFramework) framework = make_framework ("acme");
  g_autoptr (LadderProfile) profile = ladder_profile_new (NULL, framework);
  g_autoptr (LadderProfile) copy = NULL;
  g_autofree char *text = NULL;
  guint changes = 0;

  ladder_profile_set_name (profile, "Alex Doe");
  g_assert_cmpint (ladder_profile_get_cadence (profile), ==, LADDER_CADENCE_NONE);
  text = ladder_format_write_profile (profile, NULL);
  g_assert_null (strstr (text, "cadence"));

  g_signal_connect_swapped (profile, "notify::cadence", G_CALLBACK (count_cb), &changes);

  ladder_profile_set_cadence (profile, LADDER_CADENCE_BIWEEKLY);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_null (ladder_profile_get_detail_updated (profile, LADDER_PROFILE_CADENCE));
  g_clear_pointer (&text, g_free);
  text = ladder_format_write_profile (profile, NULL);
  g_assert_nonnull (strstr (text, "\"cadence\" : \"biweekly\""));
  copy = reread (profile);
  g_assert_cmpint (ladder_profile_get_cadence (copy), ==, LADDER_CADENCE_BIWEEKLY);

  ladder_profile_set_cadence (profile, LADDER_CADENCE_NONE);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_nonnull (ladder_profile_get_detail_updated (profile, LADDER_PROFILE_CADENCE));
  g_clear_object (&copy);
  copy = reread (profile);
  g_assert_cmpint (ladder_profile_get_cadence (copy), ==, LADDER_CADENCE_NONE);
  g_assert_nonnull (ladder_profile_get_detail_updated (copy, LADDER_PROFILE_CADENCE));
}

/* A word the format does not know is an error naming the file, but
 * not in a file of a newer version, which reads it as none. */
static void
test_cadence_unknown (void)
{
  g_autoptr (LadderFramework) framework = make_framework ("acme");
  g_autoptr (LadderProfile) profile = ladder_profile_new (NULL, framework);
  g_autoptr (LadderProfile) copy = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *daily = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *version = NULL;

  ladder_profile_set_cadence (profile, LADDER_CADENCE_WEEKLY);
  text = ladder_format_write_profile (profile, NULL);
  {
    g_auto (GStrv) parts = g_strsplit (text, "\"weekly\"", 2);

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    daily = g_strjoinv ("\"daily\"", parts);
  }

  copy = ladder_format_read_profile (daily, strlen (daily), "alex.json", &error);
  g_assert_null (copy);
  g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "alex.json"));
  g_assert_nonnull (strstr (error->message, "daily"));
  g_clear_error (&error);

  version = g_strdup_printf ("\"version\" : %d", LADDER_FORMAT_VERSION);
  {
    g_autofree char *later = g_strdup_printf ("\"version\" : %d", LADDER_FORMAT_VERSION + 1);
    g_auto (GStrv) parts = g_strsplit (daily, version, 2);

    newer = g_strjoinv (later, parts);
  }
  copy = ladder_format_read_profile (newer, strlen (newer), "alex.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ladder_profile_get_cadence (copy), ==, LADDER_CADENCE_NONE);
  g_assert_true (ladder_profile_get_read_only (copy));
}

/* A merge takes the newer cadence, as for the other details. */
static void
test_cadence_merge (void)
{
  g_autoptr (LadderFramework) framework = make_framework ("acme");
  g_autoptr (LadderProfile) ours = ladder_profile_new (NULL, framework);
  g_autoptr (LadderProfile) theirs = NULL;
  g_autoptr (LadderMerge) merge = NULL;
  g_autoptr (GError) error = NULL;

  ladder_profile_set_name (ours, "Alex Doe");
  ladder_profile_set_cadence (ours, LADDER_CADENCE_WEEKLY);
  theirs = reread (ours);

  /* Theirs changed later. */
  ladder_profile_set_cadence (ours, LADDER_CADENCE_MONTHLY);
  g_usleep (2 * G_TIME_SPAN_MILLISECOND);
  ladder_profile_set_cadence (theirs, LADDER_CADENCE_BIWEEKLY);

  merge = ladder_merge_new (ours, theirs, &error);
  g_assert_no_error (error);
  ladder_merge_apply (merge);
  g_assert_cmpint (ladder_profile_get_cadence (ours), ==, LADDER_CADENCE_BIWEEKLY);
}

static GDate *
day (int d)
{
  return g_date_new_dmy (d, G_DATE_MARCH, 2026);
}

static void
add_checkin (LadderProfile *profile,
             int            date,
             int            due,
             gboolean       done)
{
  g_autoptr (LadderCheckin) checkin = ladder_checkin_new (NULL);
  g_autoptr (GDate) when = day (date);

  ladder_checkin_set_date (checkin, when);
  if (due != 0)
    {
      g_autoptr (LadderAction) action = ladder_action_new (NULL);
      g_autoptr (GDate) by = day (due);

      ladder_action_set_text (action, "Write the design doc");
      ladder_action_set_due (action, by);
      ladder_action_set_done (action, done);
      ladder_checkin_add_action (checkin, action);
    }
  ladder_profile_add_checkin (profile, checkin);
}

static void
add_evidence (LadderProfile *profile,
              int            date)
{
  g_autoptr (LadderEvidence) entry = ladder_evidence_new (NULL);
  g_autoptr (GDate) when = day (date);

  ladder_evidence_set_title (entry, "Shipped it");
  ladder_evidence_set_date (entry, when);
  ladder_profile_add_evidence (profile, entry);
}

/* Every figure of a card, from a profile built by hand. */
static void
test_summary (void)
{
  g_autoptr (LadderFramework) framework = make_framework ("acme");
  g_autoptr (LadderProfile) profile = ladder_profile_new (NULL, framework);
  g_autoptr (LadderTeamSummary) summary = NULL;
  g_autoptr (LadderTeamSummary) copy = NULL;
  g_autoptr (GDate) today = day (20);

  ladder_profile_set_name (profile, "Alex Doe");
  ladder_profile_set_role (profile, "Backend Engineer");
  ladder_profile_set_owner (profile, LADDER_RATER_MANAGER);
  ladder_profile_set_current_level (profile, "2");
  ladder_profile_set_cadence (profile, LADDER_CADENCE_WEEKLY);

  /* The manager sees 3 of level 2's 4, and 1 of level 3's; the engineer
   * rates two of those differently. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("2-%u", i);

      ladder_profile_rate (profile, id, LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
      ladder_profile_rate (profile, id, LADDER_RATER_SELF,
                           i == 0 ? LADDER_RATING_SOMETIMES : LADDER_RATING_CONSISTENTLY);
    }
  ladder_profile_rate (profile, "3-0", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "3-0", LADDER_RATER_SELF, LADDER_RATING_NOT_YET);
  /* One side only: no gap. */
  ladder_profile_rate (profile, "3-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);

  /* An open action overdue, one open not yet due, one done and late. */
  add_checkin (profile, 1, 10, FALSE);
  add_checkin (profile, 5, 25, FALSE);
  add_checkin (profile, 2, 3, TRUE);
  /* Two entries after the last check-in (the 5th), one on it, one before. */
  add_evidence (profile, 4);
  add_evidence (profile, 5);
  add_evidence (profile, 6);
  add_evidence (profile, 19);

  summary = ladder_team_summary_new (profile, today);
  g_assert_cmpstr (summary->name, ==, "Alex Doe");
  g_assert_cmpstr (summary->role, ==, "Backend Engineer");
  g_assert_cmpstr (summary->framework_id, ==, "acme");
  g_assert_cmpstr (summary->level_name, ==, "Level 2");
  g_assert_cmpint (summary->level_index, ==, 1);
  /* 3 of 4 shown: the second of two sub-levels. */
  g_assert_cmpstr (summary->sublevel, ==, "B");
  g_assert_cmpstr (summary->target_level_name, ==, "Level 3");
  /* The profile's own progress, of the current level, whatever the
   * target. */
  g_assert_cmpfloat_with_epsilon (summary->progress, 0.75, 1e-9);
  g_assert_cmpfloat (summary->progress, ==,
                     ladder_profile_get_progress (profile, ladder_profile_get_owner (profile), NULL, NULL));
  g_assert_cmpint (summary->cadence, ==, LADDER_CADENCE_WEEKLY);
  g_assert_cmpint (summary->days_since_checkin, ==, 15);
  g_assert_true (summary->checkin_overdue);
  g_assert_cmpuint (summary->days_overdue, ==, 8);
  g_assert_cmpuint (summary->n_open_actions, ==, 2);
  g_assert_cmpuint (summary->n_overdue_actions, ==, 1);
  g_assert_cmpuint (summary->n_gaps, ==, 2);
  g_assert_cmpuint (summary->n_self_rated, >, 0);
  g_assert_cmpuint (summary->n_manager_rated, >, 0);
  g_assert_cmpuint (summary->n_new_evidence, ==, 2);

  copy = ladder_team_summary_copy (summary);
  g_assert_cmpstr (copy->sublevel, ==, "B");
  g_assert_cmpint (ladder_team_summary_compare (summary, copy, LADDER_TEAM_ORDER_ATTENTION), ==, 0);

  /* A target level names where progress leads and does not change it; a
   * monthly cadence is not yet due after 15 days. */
  ladder_profile_set_target_level (profile, "2");
  ladder_profile_set_cadence (profile, LADDER_CADENCE_MONTHLY);
  g_clear_pointer (&summary, ladder_team_summary_free);
  summary = ladder_team_summary_new (profile, today);
  g_assert_cmpstr (summary->target_level_name, ==, "Level 2");
  g_assert_cmpfloat_with_epsilon (summary->progress, 0.75, 1e-9);
  g_assert_false (summary->checkin_overdue);
  g_assert_cmpuint (summary->days_overdue, ==, 0);
}

/* No check-in, no level: every figure says so, and a cadence makes the
 * first 1:1 due at once. */
static void
test_summary_empty (void)
{
  g_autoptr (LadderFramework) framework = make_framework ("acme");
  g_autoptr (LadderProfile) profile = ladder_profile_new (NULL, framework);
  g_autoptr (LadderTeamSummary) summary = NULL;
  g_autoptr (GDate) today = day (20);

  add_evidence (profile, 1);
  summary = ladder_team_summary_new (profile, today);
  g_assert_null (summary->name);
  g_assert_null (summary->level_name);
  g_assert_null (summary->sublevel);
  g_assert_cmpint (summary->level_index, ==, -1);
  g_assert_null (summary->target_level_name);
  g_assert_cmpfloat (summary->progress, <, 0.0);
  g_assert_cmpint (summary->days_since_checkin, ==, -1);
  g_assert_false (summary->checkin_overdue);
  g_assert_cmpuint (summary->n_open_actions, ==, 0);
  g_assert_cmpuint (summary->n_gaps, ==, 0);
  /* No gap because nobody rated: the card can tell. */
  g_assert_cmpuint (summary->n_self_rated, ==, 0);
  g_assert_cmpuint (summary->n_manager_rated, ==, 0);
  g_assert_cmpuint (summary->n_new_evidence, ==, 1);

  ladder_profile_set_cadence (profile, LADDER_CADENCE_MONTHLY);
  g_clear_pointer (&summary, ladder_team_summary_free);
  summary = ladder_team_summary_new (profile, today);
  g_assert_true (summary->checkin_overdue);
}

static LadderTeamSummary *
person (const char *name,
        int         level_index,
        int         days_since,
        gboolean    overdue,
        guint       days_overdue,
        guint       overdue_actions,
        guint       gaps)
{
  LadderTeamSummary summary = {
    .name = (char *) name,
    .level_index = level_index,
    .days_since_checkin = days_since,
    .checkin_overdue = overdue,
    .days_overdue = days_overdue,
    .n_overdue_actions = overdue_actions,
    .n_open_actions = overdue_actions,
    .n_gaps = gaps,
  };

  return ladder_team_summary_copy (&summary);
}

static LadderTeamOrder sort_order;

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  return ladder_team_summary_compare (*(LadderTeamSummary **) a, *(LadderTeamSummary **) b, sort_order);
}

static char *
names_in_order (GPtrArray       *people,
                LadderTeamOrder  order)
{
  g_autoptr (GString) names = g_string_new (NULL);

  sort_order = order;
  g_ptr_array_sort (people, compare_people);
  for (guint i = 0; i < people->len; i++)
    {
      LadderTeamSummary *summary = g_ptr_array_index (people, i);

      g_string_append_printf (names, "%s%s", i > 0 ? " " : "", summary->name ? summary->name : "-");
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Needs attention: an overdue 1:1 first (the most days past due, never
 * held or not), then overdue actions, then the longest since a 1:1, then gaps; ties and the other orders by
 * name, or by level, the highest first. */
static void
test_orders (void)
{
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) ladder_team_summary_free);
  g_autofree char *attention = NULL;
  g_autofree char *by_name = NULL;
  g_autofree char *by_level = NULL;

  g_ptr_array_add (people, person ("Dana", 0, 3, FALSE, 0, 0, 0));
  g_ptr_array_add (people, person ("Ben", 2, 40, TRUE, 26, 0, 0));
  g_ptr_array_add (people, person ("Alex", 1, 3, FALSE, 0, 0, 4));
  /* Never met, added long ago: past due by its cadence's days. */
  g_ptr_array_add (people, person ("Cleo", 1, -1, TRUE, 60, 0, 0));
  g_ptr_array_add (people, person ("Eve", -1, 20, TRUE, 6, 2, 0));
  g_ptr_array_add (people, person ("Finn", 0, 3, FALSE, 0, 1, 0));
  g_ptr_array_add (people, person (NULL, 0, 3, FALSE, 0, 0, 0));

  attention = names_in_order (people, LADDER_TEAM_ORDER_ATTENTION);
  g_assert_cmpstr (attention, ==, "Cleo Ben Eve Finn Alex Dana -");
  by_name = names_in_order (people, LADDER_TEAM_ORDER_NAME);
  g_assert_cmpstr (by_name, ==, "Alex Ben Cleo Dana Eve Finn -");
  by_level = names_in_order (people, LADDER_TEAM_ORDER_LEVEL);
  g_assert_cmpstr (by_level, ==, "Ben Alex Cleo Dana Finn - Eve");
}

/* With no cadence, as a profile starts: the two never met come before
 * the one met today, even when today's has behaviours rated apart; and
 * of two met, the one met longest ago comes first. */
static void
test_order_never_met (void)
{
  g_autoptr (LadderFramework) framework = make_framework ("acme");
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) ladder_team_summary_free);
  g_autoptr (GDate) today = day (20);
  const char *names[] = { "Alex", "Ben", "Cleo", "Dana" };
  int met[] = { 20, 0, 0, 6 };
  g_autofree char *attention = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (LadderProfile) profile = ladder_profile_new (NULL, framework);

      ladder_profile_set_name (profile, names[i]);
      ladder_profile_set_owner (profile, LADDER_RATER_MANAGER);
      ladder_profile_set_current_level (profile, "1");
      g_assert_cmpint (ladder_profile_get_cadence (profile), ==, LADDER_CADENCE_NONE);
      if (met[i] != 0)
        add_checkin (profile, met[i], 0, FALSE);
      if (i == 0)
        {
          ladder_profile_rate (profile, "1-0", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
          ladder_profile_rate (profile, "1-0", LADDER_RATER_SELF, LADDER_RATING_NOT_YET);
        }
      g_ptr_array_add (people, ladder_team_summary_new (profile, today));
    }

  g_assert_cmpint (((LadderTeamSummary *) people->pdata[0])->days_since_checkin, ==, 0);
  g_assert_cmpuint (((LadderTeamSummary *) people->pdata[0])->n_gaps, ==, 1);
  attention = names_in_order (people, LADDER_TEAM_ORDER_ATTENTION);
  g_assert_cmpstr (attention, ==, "Ben Cleo Dana Alex");
}

/* Three people added a minute ago, never met, are due but not late:
 * below people months overdue with overdue actions, above those not due;
 * of two as late, the one with more overdue actions comes first. */
static void
test_order_overdue_before_new (void)
{
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) ladder_team_summary_free);
  g_autofree char *attention = NULL;

  g_ptr_array_add (people, person ("Ana", 0, -1, TRUE, 0, 0, 0));
  g_ptr_array_add (people, person ("Bo", 0, -1, TRUE, 0, 0, 0));
  g_ptr_array_add (people, person ("Cy", 0, -1, TRUE, 0, 0, 0));
  g_ptr_array_add (people, person ("Max", 0, 3, FALSE, 0, 0, 5));
  g_ptr_array_add (people, person ("Pia", 0, 174, TRUE, 160, 2, 0));
  g_ptr_array_add (people, person ("Rex", 0, 185, TRUE, 171, 1, 0));
  g_ptr_array_add (people, person ("Sol", 0, 174, TRUE, 160, 3, 0));

  attention = names_in_order (people, LADDER_TEAM_ORDER_ATTENTION);
  g_assert_cmpstr (attention, ==, "Rex Sol Pia Ana Bo Cy Max");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ladder/team/cadence/words", test_cadence_words);
  g_test_add_func ("/ladder/team/cadence/file", test_cadence_file);
  g_test_add_func ("/ladder/team/cadence/unknown", test_cadence_unknown);
  g_test_add_func ("/ladder/team/cadence/merge", test_cadence_merge);
  g_test_add_func ("/ladder/team/summary", test_summary);
  g_test_add_func ("/ladder/team/summary-empty", test_summary_empty);
  g_test_add_func ("/ladder/team/orders", test_orders);
  g_test_add_func ("/ladder/team/order-never-met", test_order_never_met);
  g_test_add_func ("/ladder/team/order-overdue-before-new", test_order_overdue_before_new);

  return g_test_run ();
}
