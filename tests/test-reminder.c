/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Who is reminded of what, and when: a manager's 1:1 by the cadence, an
 * engineer's weekly nudge to log a win, and each sent once per due day.
 * March 2026: the 2nd is a Monday, the 13th a Friday. */

#include "config.h"

#include <string.h>

#include "ladder-core.h"

static GDate *
day (int d)
{
  return g_date_new_dmy (d, G_DATE_MARCH, 2026);
}

static LadderFramework *
make_framework (void)
{
  LadderFramework *framework = ladder_framework_new ("acme", "Engineering");
  g_autoptr(LadderCategory) mastery = ladder_category_new ("mastery", "Mastery", NULL, NULL);
  g_autoptr(LadderLevel) level = ladder_level_new ("1", "Level 1", NULL);
  g_autoptr(LadderBehaviour) behaviour = ladder_behaviour_new ("1-0", "1", "mastery", NULL,
                                                               "Does the thing");

  g_assert_true (ladder_framework_add_category (framework, mastery));
  g_assert_true (ladder_framework_add_level (framework, level));
  g_assert_true (ladder_framework_add_behaviour (framework, behaviour));

  return framework;
}

static void
add_checkin (LadderProfile *profile,
             int            date,
             guint          n_open,
             guint          n_done)
{
  g_autoptr(LadderCheckin) checkin = ladder_checkin_new (NULL);
  g_autoptr(GDate) when = day (date);

  ladder_checkin_set_date (checkin, when);
  for (guint i = 0; i < n_open + n_done; i++)
    {
      g_autoptr(LadderAction) action = ladder_action_new (NULL);

      ladder_action_set_text (action, "Write the design doc");
      ladder_action_set_done (action, i >= n_open);
      ladder_checkin_add_action (checkin, action);
    }
  ladder_profile_add_checkin (profile, checkin);
}

static void
add_evidence (LadderProfile *profile,
              int            date)
{
  g_autoptr(LadderEvidence) entry = ladder_evidence_new (NULL);
  g_autoptr(GDate) when = day (date);

  ladder_evidence_set_title (entry, "Shipped it");
  ladder_evidence_set_date (entry, when);
  ladder_profile_add_evidence (profile, entry);
}

static LadderProfile *
make_report (LadderFramework *framework,
             const char      *id,
             const char      *name)
{
  LadderProfile *profile = ladder_profile_new (id, framework);

  ladder_profile_set_name (profile, name);
  ladder_profile_set_owner (profile, LADDER_RATER_MANAGER);
  ladder_profile_set_cadence (profile, LADDER_CADENCE_WEEKLY);

  return profile;
}

static LadderReminder *
checkin_on (LadderProfile *profile,
            int            date)
{
  g_autoptr(GDate) today = day (date);

  return ladder_reminder_new_for_checkin (profile, today);
}

static LadderReminder *
log_win_on (LadderProfile *profile,
            int            date)
{
  g_autoptr(GDate) today = day (date);

  return ladder_reminder_new_for_log_win (profile, today);
}

/* Due on the day the cadence gives, with what the 1:1 has to go through;
 * then once each cadence while none is held. */
static void
test_checkin_due (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderProfile) profile = make_report (framework, "alex", "Alex");
  g_autoptr(LadderReminder) reminder = NULL;
  g_autoptr(GDate) expected = NULL;

  /* The last check-in on Thursday the 5th, with 3 actions open of 4 (an
   * earlier one has one more); 4 wins since, one on the day itself. */
  add_checkin (profile, 2, 0, 1);
  add_checkin (profile, 5, 2, 1);
  add_evidence (profile, 3);
  add_evidence (profile, 5);
  for (int d = 6; d <= 9; d++)
    add_evidence (profile, d);

  g_assert_null (checkin_on (profile, 11));

  reminder = checkin_on (profile, 12);
  g_assert_nonnull (reminder);
  g_assert_cmpint (reminder->kind, ==, LADDER_REMINDER_CHECKIN);
  g_assert_cmpstr (reminder->profile_id, ==, "alex");
  expected = day (12);
  g_assert_cmpint (g_date_compare (&reminder->due, expected), ==, 0);
  g_assert_cmpstr (reminder->key, ==, "checkin/alex/2026-03-12");
  g_assert_cmpstr (reminder->title, ==, "1:1 with Alex today");
  g_assert_cmpstr (reminder->body, ==, "2 open actions, 4 new wins");
  g_clear_pointer (&reminder, ladder_reminder_free);

  /* Not held by Sunday: the same due day, so the same key. */
  reminder = checkin_on (profile, 15);
  g_assert_cmpstr (reminder->key, ==, "checkin/alex/2026-03-12");
  g_assert_cmpstr (reminder->title, ==, "1:1 with Alex, due 3 days ago");
  g_clear_pointer (&reminder, ladder_reminder_free);

  /* A week later still not held: due again. */
  reminder = checkin_on (profile, 19);
  g_assert_cmpstr (reminder->key, ==, "checkin/alex/2026-03-19");
  g_assert_cmpstr (reminder->title, ==, "1:1 with Alex today");
  g_clear_pointer (&reminder, ladder_reminder_free);

  /* Held on the 19th: the next is the 26th. */
  add_checkin (profile, 19, 1, 0);
  g_assert_null (checkin_on (profile, 19));
  g_assert_null (checkin_on (profile, 25));
  reminder = checkin_on (profile, 26);
  g_assert_cmpstr (reminder->key, ==, "checkin/alex/2026-03-26");
  g_assert_cmpstr (reminder->body, ==, "3 open actions, 0 new wins");
  g_clear_pointer (&reminder, ladder_reminder_free);

  /* Every two weeks from the 19th: nothing on the 26th. */
  ladder_profile_set_cadence (profile, LADDER_CADENCE_BIWEEKLY);
  g_assert_null (checkin_on (profile, 26));

  g_assert_finalize_object (g_steal_pointer (&profile));
}

/* Only a manager's copy with a cadence; a first 1:1 by a Monday rhythm. */
static void
test_checkin_who (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderProfile) profile = make_report (framework, "sam", "Sam");
  g_autoptr(LadderReminder) reminder = NULL;

  /* None held yet: due on the Monday of the week, the 9th. */
  reminder = checkin_on (profile, 11);
  g_assert_nonnull (reminder);
  g_assert_cmpstr (reminder->key, ==, "checkin/sam/2026-03-09");
  g_assert_cmpstr (reminder->title, ==, "1:1 with Sam, due 2 days ago");
  g_assert_cmpstr (reminder->body, ==, "0 open actions, 0 new wins");
  g_clear_pointer (&reminder, ladder_reminder_free);

  add_checkin (profile, 2, 1, 0);
  add_evidence (profile, 3);
  reminder = checkin_on (profile, 9);
  g_assert_cmpstr (reminder->body, ==, "1 open action, 1 new win");
  g_clear_pointer (&reminder, ladder_reminder_free);

  /* No cadence, or the engineer's own copy: never. */
  ladder_profile_set_cadence (profile, LADDER_CADENCE_NONE);
  g_assert_null (checkin_on (profile, 9));
  ladder_profile_set_cadence (profile, LADDER_CADENCE_WEEKLY);
  ladder_profile_set_owner (profile, LADDER_RATER_SELF);
  g_assert_null (checkin_on (profile, 9));
}

/* Each Friday, for the user's own profile, unless a win was logged in
 * the week. */
static void
test_log_win (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderProfile) profile = ladder_profile_new ("me", framework);
  g_autoptr(LadderReminder) reminder = NULL;

  ladder_profile_set_name (profile, "My Growth");
  add_evidence (profile, 2);

  /* Friday the 13th; the 6th's week had its win. */
  g_assert_null (log_win_on (profile, 6));
  reminder = log_win_on (profile, 13);
  g_assert_nonnull (reminder);
  g_assert_cmpint (reminder->kind, ==, LADDER_REMINDER_LOG_WIN);
  g_assert_cmpstr (reminder->key, ==, "log-win/me/2026-03-13");
  g_assert_cmpstr (reminder->title, ==, "Any wins this week?");
  g_assert_nonnull (strstr (reminder->body, "My Growth"));
  g_clear_pointer (&reminder, ladder_reminder_free);

  /* Through the weekend it is the same Friday's. */
  reminder = log_win_on (profile, 16);
  g_assert_cmpstr (reminder->key, ==, "log-win/me/2026-03-13");
  g_clear_pointer (&reminder, ladder_reminder_free);

  /* A win on the Saturday after: the Friday's nudge is done with. */
  add_evidence (profile, 14);
  g_assert_null (log_win_on (profile, 16));
  /* A win on the Tuesday: nothing that Friday either. */
  add_evidence (profile, 17);
  g_assert_null (log_win_on (profile, 20));
  reminder = log_win_on (profile, 27);
  g_assert_cmpstr (reminder->key, ==, "log-win/me/2026-03-27");
  g_clear_pointer (&reminder, ladder_reminder_free);

  /* A manager's copy of a report gets the 1:1, not the nudge. */
  ladder_profile_set_owner (profile, LADDER_RATER_MANAGER);
  g_assert_null (log_win_on (profile, 27));
}

/* Sent once per due day: what was sent stays out, keys of past due days
 * are forgotten. */
static void
test_take_unsent (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(GListStore) profiles = g_list_store_new (LADDER_TYPE_PROFILE);
  g_autoptr(LadderProfile) alex = make_report (framework, "alex", "Alex");
  g_autoptr(LadderProfile) sam = make_report (framework, "sam", "Sam");
  g_autoptr(LadderProfile) me = ladder_profile_new ("me", framework);
  g_autoptr(LadderProfile) quiet = make_report (framework, "quiet", "Quiet");
  g_autoptr(GDate) today = day (13);
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) unsent = NULL;
  g_auto(GStrv) remembered = NULL;
  g_auto(GStrv) again = NULL;
  const char *sent[] = { "checkin/alex/2026-03-13", "checkin/sam/2026-03-06", NULL };

  add_checkin (alex, 6, 0, 0);
  add_checkin (sam, 6, 0, 0);
  add_checkin (quiet, 6, 0, 0);
  ladder_profile_set_cadence (quiet, LADDER_CADENCE_NONE);
  g_list_store_append (profiles, alex);
  g_list_store_append (profiles, quiet);
  g_list_store_append (profiles, sam);
  g_list_store_append (profiles, me);

  due = ladder_reminder_list_due (G_LIST_MODEL (profiles), today);
  g_assert_cmpuint (due->len, ==, 3);
  g_assert_cmpstr (((LadderReminder *) due->pdata[0])->key, ==, "checkin/alex/2026-03-13");
  g_assert_cmpstr (((LadderReminder *) due->pdata[1])->key, ==, "checkin/sam/2026-03-13");
  g_assert_cmpstr (((LadderReminder *) due->pdata[2])->key, ==, "log-win/me/2026-03-13");

  unsent = ladder_reminder_take_unsent (due, sent, &remembered);
  g_assert_cmpuint (unsent->len, ==, 2);
  g_assert_cmpstr (((LadderReminder *) unsent->pdata[0])->key, ==, "checkin/sam/2026-03-13");
  g_assert_cmpstr (((LadderReminder *) unsent->pdata[1])->key, ==, "log-win/me/2026-03-13");
  g_assert_cmpuint (g_strv_length (remembered), ==, 3);
  g_assert_false (g_strv_contains ((const char * const *) remembered, "checkin/sam/2026-03-06"));
  g_clear_pointer (&unsent, g_ptr_array_unref);

  /* Once remembered, nothing more that day. */
  unsent = ladder_reminder_take_unsent (due, (const char * const *) remembered, &again);
  g_assert_cmpuint (unsent->len, ==, 0);
  g_assert_cmpstrv (again, remembered);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ladder/reminder/checkin-due", test_checkin_due);
  g_test_add_func ("/ladder/reminder/checkin-who", test_checkin_who);
  g_test_add_func ("/ladder/reminder/log-win", test_log_win);
  g_test_add_func ("/ladder/reminder/take-unsent", test_take_unsent);

  return g_test_run ();
}
