/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "ladder-core.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
count_changed_cb (LadderProfile *profile,
                  guint         *count)
{
  (*count)++;
}

typedef struct
{
  guint n_emissions;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->n_emissions++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static LadderFramework *
make_framework (void)
{
  LadderFramework *framework = ladder_framework_new ("acme", "Engineering");
  g_autoptr (LadderLevel) l1 = ladder_level_new ("1", "Level 1", NULL);
  g_autoptr (LadderLevel) l2 = ladder_level_new ("2", "Level 2", NULL);
  g_autoptr (LadderCategory) mastery = ladder_category_new ("mastery", "Mastery", NULL, NULL);
  g_autoptr (LadderBehaviour) b1 =
    ladder_behaviour_new ("1-mastery-1", "1", "mastery", NULL, "Writes tests");
  g_autoptr (LadderBehaviour) b2 =
    ladder_behaviour_new ("1-mastery-2", "1", "mastery", NULL, "Reviews code");

  g_assert_true (ladder_framework_add_level (framework, l1));
  g_assert_true (ladder_framework_add_level (framework, l2));
  g_assert_true (ladder_framework_add_category (framework, mastery));
  g_assert_true (ladder_framework_add_behaviour (framework, b1));
  g_assert_true (ladder_framework_add_behaviour (framework, b2));

  return framework;
}

static GDateTime *
make_old_stamp (void)
{
  return g_date_time_new_utc (2020, 1, 2, 3, 4, 5.0);
}

static void
test_rating_set_value (void)
{
  g_autoptr (LadderRating) rating = ladder_rating_new ("1-mastery-1");
  g_autoptr (GDateTime) old = make_old_stamp ();
  g_autoptr (GDateTime) got = NULL;
  guint n_self = 0;
  guint n_self_updated = 0;
  guint n_manager = 0;
  LadderRatingValue value;

  g_assert_cmpstr (ladder_rating_get_behaviour_id (rating), ==, "1-mastery-1");
  g_assert_cmpint (ladder_rating_get_value (rating, LADDER_RATER_SELF), ==, LADDER_RATING_UNRATED);
  g_assert_cmpint (ladder_rating_get_value (rating, LADDER_RATER_MANAGER), ==,
                   LADDER_RATING_UNRATED);
  g_assert_null (ladder_rating_get_updated (rating, LADDER_RATER_SELF));
  g_assert_null (ladder_rating_get_updated (rating, LADDER_RATER_MANAGER));

  g_signal_connect (rating, "notify::self", G_CALLBACK (count_notify_cb), &n_self);
  g_signal_connect (rating, "notify::self-updated", G_CALLBACK (count_notify_cb), &n_self_updated);
  g_signal_connect (rating, "notify::manager", G_CALLBACK (count_notify_cb), &n_manager);

  /* As a loader does: value and stamp given. */
  ladder_rating_set_value (rating, LADDER_RATER_SELF, LADDER_RATING_SOMETIMES, old);
  g_assert_cmpuint (n_self, ==, 1);
  g_assert_cmpuint (n_self_updated, ==, 1);
  g_assert_cmpint (ladder_rating_get_value (rating, LADDER_RATER_SELF), ==,
                   LADDER_RATING_SOMETIMES);
  g_assert_true (g_date_time_equal (ladder_rating_get_updated (rating, LADDER_RATER_SELF), old));
  g_assert_null (ladder_rating_get_updated (rating, LADDER_RATER_MANAGER));

  /* The same value and stamp again: nothing changed. */
  ladder_rating_set_value (rating, LADDER_RATER_SELF, LADDER_RATING_SOMETIMES, old);
  g_assert_cmpuint (n_self, ==, 1);
  g_assert_cmpuint (n_self_updated, ==, 1);

  /* Re-picking the same value does not restamp it. */
  ladder_rating_set_value (rating, LADDER_RATER_SELF, LADDER_RATING_SOMETIMES, NULL);
  g_assert_cmpuint (n_self, ==, 1);
  g_assert_cmpuint (n_self_updated, ==, 1);
  g_assert_true (g_date_time_equal (ladder_rating_get_updated (rating, LADDER_RATER_SELF), old));

  /* A new value is stamped now. */
  ladder_rating_set_value (rating, LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY, NULL);
  g_assert_cmpuint (n_self, ==, 2);
  g_assert_cmpuint (n_self_updated, ==, 2);
  g_assert_cmpint (g_date_time_compare (ladder_rating_get_updated (rating, LADDER_RATER_SELF), old),
                   >, 0);
  g_assert_cmpuint (n_manager, ==, 0);

  /* Through GObject, the other side. */
  g_object_set (rating, "manager", LADDER_RATING_NOT_YET, NULL);
  g_assert_cmpuint (n_manager, ==, 1);
  g_assert_cmpuint (n_self, ==, 2);
  g_object_get (rating, "manager", &value, "manager-updated", &got, NULL);
  g_assert_cmpint (value, ==, LADDER_RATING_NOT_YET);
  g_assert_nonnull (got);

  g_assert_finalize_object (g_steal_pointer (&rating));
}

/* A change always wins a merge over the value it replaced: when the side's
 * time is not in the past (a copy whose clock ran ahead, two changes in
 * one tick), the new stamp goes just after it. Clearing is such a change. */
static void
test_rating_newer_than_replaced (void)
{
  g_autoptr (LadderRating) rating = ladder_rating_new ("1-mastery-1");
  g_autoptr (GDateTime) ahead = g_date_time_new_utc (2999, 1, 2, 3, 4, 5.0);
  g_autoptr (GDateTime) after_change = NULL;
  GDateTime *stamp;

  ladder_rating_set_value (rating, LADDER_RATER_SELF, LADDER_RATING_SOMETIMES, ahead);

  ladder_rating_set_value (rating, LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY, NULL);
  stamp = ladder_rating_get_updated (rating, LADDER_RATER_SELF);
  g_assert_cmpint (g_date_time_compare (stamp, ahead), >, 0);
  g_assert_cmpint (g_date_time_difference (stamp, ahead), ==, 1);
  after_change = g_date_time_ref (stamp);

  ladder_rating_set_value (rating, LADDER_RATER_SELF, LADDER_RATING_UNRATED, NULL);
  g_assert_cmpint (ladder_rating_get_value (rating, LADDER_RATER_SELF), ==, LADDER_RATING_UNRATED);
  g_assert_cmpint (g_date_time_compare (ladder_rating_get_updated (rating, LADDER_RATER_SELF),
                                        after_change), >, 0);

  g_assert_finalize_object (g_steal_pointer (&rating));
}

static void
test_rating_note (void)
{
  g_autoptr (LadderRating) rating = ladder_rating_new ("1-mastery-1");
  guint n_notify = 0;

  g_autoptr (GDateTime) stamp = NULL;

  g_signal_connect (rating, "notify", G_CALLBACK (count_notify_cb), &n_notify);
  ladder_rating_set_note (rating, LADDER_RATER_SELF, NULL);
  ladder_rating_set_note (rating, LADDER_RATER_SELF, "");
  g_assert_cmpuint (n_notify, ==, 0);
  ladder_rating_set_note (rating, LADDER_RATER_SELF, "No on-call in this team");
  ladder_rating_set_note (rating, LADDER_RATER_SELF, "No on-call in this team");
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_cmpstr (ladder_rating_get_note (rating, LADDER_RATER_SELF), ==, "No on-call in this team");
  /* Each side has its own. */
  g_assert_null (ladder_rating_get_note (rating, LADDER_RATER_MANAGER));
  ladder_rating_set_note (rating, LADDER_RATER_MANAGER, "Not in this role");
  g_assert_cmpstr (ladder_rating_get_note (rating, LADDER_RATER_SELF), ==, "No on-call in this team");
  g_assert_cmpstr (ladder_rating_get_note (rating, LADDER_RATER_MANAGER), ==, "Not in this role");

  /* A value with its note is one change, stamped; the note changed
   * alone stamps the side again, since the note goes with it. */
  ladder_rating_set_value_with_note (rating, LADDER_RATER_MANAGER, LADDER_RATING_NOT_APPLICABLE,
                                     "Not in this role");
  stamp = g_date_time_ref (ladder_rating_get_updated (rating, LADDER_RATER_MANAGER));
  g_assert_cmpint (ladder_rating_get_value (rating, LADDER_RATER_MANAGER), ==,
                   LADDER_RATING_NOT_APPLICABLE);
  ladder_rating_set_value_with_note (rating, LADDER_RATER_MANAGER, LADDER_RATING_NOT_APPLICABLE,
                                     "Not in this role");
  g_assert_true (g_date_time_equal (stamp, ladder_rating_get_updated (rating, LADDER_RATER_MANAGER)));
  ladder_rating_set_value_with_note (rating, LADDER_RATER_MANAGER, LADDER_RATING_NOT_APPLICABLE,
                                     "No such team");
  g_assert_cmpint (g_date_time_compare (ladder_rating_get_updated (rating, LADDER_RATER_MANAGER),
                                        stamp), >, 0);
  g_assert_cmpstr (ladder_rating_get_note (rating, LADDER_RATER_MANAGER), ==, "No such team");
  /* Rated again with no note: the note goes. */
  ladder_rating_set_value_with_note (rating, LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES, NULL);
  g_assert_null (ladder_rating_get_note (rating, LADDER_RATER_MANAGER));
  g_assert_cmpstr (ladder_rating_get_note (rating, LADDER_RATER_SELF), ==, "No on-call in this team");

  g_assert_finalize_object (g_steal_pointer (&rating));
}

static void
test_evidence_properties (void)
{
  g_autoptr (LadderEvidence) evidence = ladder_evidence_new (NULL);
  g_autoptr (LadderEvidence) named = ladder_evidence_new ("4f0c");
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  const char * const behaviours[] = { "1-mastery-1", "1-mastery-2", NULL };
  const char * const links[] = { "https://example.com/pr/1", NULL };
  const char * const tags[] = { "incident", NULL };
  g_autoptr (GDate) date = g_date_new_dmy (2, G_DATE_OCTOBER, 2026);
  g_autoptr (GDate) got_date = NULL;
  guint n_notify = 0;

  /* A new entry has a UUID, today's date and empty lists. */
  g_assert_true (g_uuid_string_is_valid (ladder_evidence_get_id (evidence)));
  g_assert_cmpstr (ladder_evidence_get_id (named), ==, "4f0c");
  g_assert_nonnull (ladder_evidence_get_date (evidence));
  g_assert_cmpint (g_date_get_year (ladder_evidence_get_date (evidence)), ==,
                   g_date_time_get_year (now));
  g_assert_nonnull (ladder_evidence_get_links (evidence));
  g_assert_null (ladder_evidence_get_links (evidence)[0]);
  g_assert_null (ladder_evidence_get_behaviours (evidence)[0]);
  g_assert_null (ladder_evidence_get_tags (evidence)[0]);
  g_assert_nonnull (ladder_evidence_get_created (evidence));
  g_assert_true (g_date_time_equal (ladder_evidence_get_created (evidence),
                                    ladder_evidence_get_modified (evidence)));

  g_signal_connect (evidence, "notify", G_CALLBACK (count_notify_cb), &n_notify);

  ladder_evidence_set_title (evidence, "Led the incident review");
  ladder_evidence_set_body (evidence, "Wrote it up");
  ladder_evidence_set_date (evidence, date);
  ladder_evidence_set_links (evidence, links);
  ladder_evidence_set_behaviours (evidence, behaviours);
  ladder_evidence_set_tags (evidence, tags);
  /* Each change notifies the property and "modified". */
  g_assert_cmpuint (n_notify, ==, 12);

  g_assert_cmpstr (ladder_evidence_get_title (evidence), ==, "Led the incident review");
  g_assert_cmpstr (ladder_evidence_get_body (evidence), ==, "Wrote it up");
  g_assert_cmpint (g_date_compare (ladder_evidence_get_date (evidence), date), ==, 0);
  g_assert_true (g_strv_equal (ladder_evidence_get_links (evidence), links));
  g_assert_true (g_strv_equal (ladder_evidence_get_behaviours (evidence), behaviours));
  g_assert_true (g_strv_equal (ladder_evidence_get_tags (evidence), tags));
  g_assert_true (ladder_evidence_has_behaviour (evidence, "1-mastery-2"));
  g_assert_false (ladder_evidence_has_behaviour (evidence, "2-mastery-1"));

  g_object_get (evidence, "date", &got_date, NULL);
  g_assert_cmpint (g_date_compare (got_date, date), ==, 0);

  /* The same values again: no notify at all. */
  ladder_evidence_set_title (evidence, "Led the incident review");
  ladder_evidence_set_date (evidence, date);
  ladder_evidence_set_links (evidence, links);
  ladder_evidence_set_behaviours (evidence, behaviours);
  ladder_evidence_set_tags (evidence, tags);
  g_assert_cmpuint (n_notify, ==, 12);

  ladder_evidence_set_tags (evidence, NULL);
  g_assert_cmpuint (n_notify, ==, 14);
  g_assert_nonnull (ladder_evidence_get_tags (evidence));
  g_assert_null (ladder_evidence_get_tags (evidence)[0]);

  g_assert_finalize_object (g_steal_pointer (&evidence));
  g_assert_finalize_object (g_steal_pointer (&named));
}

static void
test_evidence_modified (void)
{
  g_autoptr (LadderEvidence) evidence = ladder_evidence_new ("e1");
  g_autoptr (GDateTime) created = g_date_time_new_utc (2019, 5, 6, 7, 8, 9.0);
  g_autoptr (GDateTime) old = make_old_stamp ();
  guint n_modified = 0;

  g_signal_connect (evidence, "notify::modified", G_CALLBACK (count_notify_cb), &n_modified);

  /* A loader sets the stored stamps; they do not move to now. */
  ladder_evidence_set_title (evidence, "Stored title");
  ladder_evidence_set_stamps (evidence, created, old);
  g_assert_true (g_date_time_equal (ladder_evidence_get_created (evidence), created));
  g_assert_true (g_date_time_equal (ladder_evidence_get_modified (evidence), old));
  n_modified = 0;

  ladder_evidence_set_stamps (evidence, created, old);
  g_assert_cmpuint (n_modified, ==, 0);

  /* The same value: the stamp stays. */
  ladder_evidence_set_title (evidence, "Stored title");
  g_assert_cmpuint (n_modified, ==, 0);
  g_assert_true (g_date_time_equal (ladder_evidence_get_modified (evidence), old));

  /* A change: the stamp moves to now, "created" stays. */
  ladder_evidence_set_title (evidence, "Edited title");
  g_assert_cmpuint (n_modified, ==, 1);
  g_assert_cmpint (g_date_time_compare (ladder_evidence_get_modified (evidence), old), >, 0);
  g_assert_true (g_date_time_equal (ladder_evidence_get_created (evidence), created));

  g_assert_finalize_object (g_steal_pointer (&evidence));
}

static void
test_action_properties (void)
{
  g_autoptr (LadderAction) action = ladder_action_new (NULL);
  g_autoptr (GDateTime) old = make_old_stamp ();
  g_autoptr (GDate) due = g_date_new_dmy (1, G_DATE_DECEMBER, 2026);
  guint n_notify = 0;
  guint n_modified = 0;

  g_assert_true (g_uuid_string_is_valid (ladder_action_get_id (action)));
  g_assert_null (ladder_action_get_text (action));
  g_assert_cmpint (ladder_action_get_owner (action), ==, LADDER_RATER_SELF);
  g_assert_null (ladder_action_get_due (action));
  g_assert_false (ladder_action_get_done (action));
  g_assert_nonnull (ladder_action_get_modified (action));

  ladder_action_set_modified (action, old);
  g_assert_true (g_date_time_equal (ladder_action_get_modified (action), old));

  g_signal_connect (action, "notify", G_CALLBACK (count_notify_cb), &n_notify);
  g_signal_connect (action, "notify::modified", G_CALLBACK (count_notify_cb), &n_modified);

  ladder_action_set_owner (action, LADDER_RATER_SELF);
  ladder_action_set_due (action, NULL);
  ladder_action_set_done (action, FALSE);
  ladder_action_set_text (action, NULL);
  g_assert_cmpuint (n_notify, ==, 0);
  g_assert_true (g_date_time_equal (ladder_action_get_modified (action), old));

  ladder_action_set_text (action, "Shadow an on-call shift");
  g_assert_cmpuint (n_notify, ==, 2);
  g_assert_cmpuint (n_modified, ==, 1);
  g_assert_cmpint (g_date_time_compare (ladder_action_get_modified (action), old), >, 0);

  ladder_action_set_owner (action, LADDER_RATER_MANAGER);
  ladder_action_set_due (action, due);
  ladder_action_set_done (action, TRUE);
  g_assert_cmpuint (n_notify, ==, 8);
  ladder_action_set_due (action, due);
  ladder_action_set_done (action, TRUE);
  g_assert_cmpuint (n_notify, ==, 8);

  g_assert_cmpint (ladder_action_get_owner (action), ==, LADDER_RATER_MANAGER);
  g_assert_cmpint (g_date_compare (ladder_action_get_due (action), due), ==, 0);
  g_assert_true (ladder_action_get_done (action));

  g_assert_finalize_object (g_steal_pointer (&action));
}

static void
test_checkin_snapshot (void)
{
  g_autoptr (LadderCheckin) checkin = ladder_checkin_new ("c1");
  g_autoptr (GDateTime) old = make_old_stamp ();
  g_auto (GStrv) ids = NULL;
  guint n_modified = 0;

  g_assert_cmpstr (ladder_checkin_get_id (checkin), ==, "c1");
  g_assert_nonnull (ladder_checkin_get_date (checkin));
  ladder_checkin_set_modified (checkin, old);

  g_signal_connect (checkin, "notify::modified", G_CALLBACK (count_notify_cb), &n_modified);

  ladder_checkin_set_snapshot (checkin, "1-mastery-2", LADDER_RATING_CONSISTENTLY,
                               LADDER_RATING_SOMETIMES);
  ladder_checkin_set_snapshot (checkin, "1-mastery-1", LADDER_RATING_UNRATED,
                               LADDER_RATING_NOT_YET);
  g_assert_cmpuint (n_modified, ==, 2);
  g_assert_cmpint (g_date_time_compare (ladder_checkin_get_modified (checkin), old), >, 0);

  g_assert_cmpint (ladder_checkin_get_snapshot (checkin, "1-mastery-2", LADDER_RATER_SELF), ==,
                   LADDER_RATING_CONSISTENTLY);
  g_assert_cmpint (ladder_checkin_get_snapshot (checkin, "1-mastery-2", LADDER_RATER_MANAGER), ==,
                   LADDER_RATING_SOMETIMES);
  g_assert_cmpint (ladder_checkin_get_snapshot (checkin, "1-mastery-1", LADDER_RATER_SELF), ==,
                   LADDER_RATING_UNRATED);
  g_assert_cmpint (ladder_checkin_get_snapshot (checkin, "1-mastery-1", LADDER_RATER_MANAGER), ==,
                   LADDER_RATING_NOT_YET);
  g_assert_cmpint (ladder_checkin_get_snapshot (checkin, "2-mastery-1", LADDER_RATER_SELF), ==,
                   LADDER_RATING_UNRATED);

  /* The same values again change nothing. */
  ladder_checkin_set_snapshot (checkin, "1-mastery-2", LADDER_RATING_CONSISTENTLY,
                               LADDER_RATING_SOMETIMES);
  g_assert_cmpuint (n_modified, ==, 2);

  ids = ladder_checkin_list_snapshot (checkin);
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_cmpstr (ids[0], ==, "1-mastery-1");
  g_assert_cmpstr (ids[1], ==, "1-mastery-2");
  g_clear_pointer (&ids, g_strfreev);

  /* Unrated on both sides leaves the snapshot. */
  ladder_checkin_set_snapshot (checkin, "1-mastery-1", LADDER_RATING_UNRATED,
                               LADDER_RATING_UNRATED);
  g_assert_cmpuint (n_modified, ==, 3);
  ids = ladder_checkin_list_snapshot (checkin);
  g_assert_cmpuint (g_strv_length (ids), ==, 1);
  g_assert_cmpstr (ids[0], ==, "1-mastery-2");

  g_assert_finalize_object (g_steal_pointer (&checkin));
}

static void
test_checkin_actions (void)
{
  g_autoptr (LadderCheckin) checkin = ladder_checkin_new (NULL);
  g_autoptr (LadderAction) first = ladder_action_new ("a1");
  g_autoptr (LadderAction) second = ladder_action_new ("a2");
  g_autoptr (GDateTime) old = make_old_stamp ();
  g_autoptr (GDateTime) older = g_date_time_new_utc (2010, 1, 1, 0, 0, 0.0);
  GListModel *actions;
  GHashTable *tombstones;
  ItemsChanged record = { 0, };
  guint n_notify = 0;

  g_assert_true (g_uuid_string_is_valid (ladder_checkin_get_id (checkin)));

  actions = ladder_checkin_get_actions (checkin);
  g_signal_connect (actions, "items-changed", G_CALLBACK (items_changed_cb), &record);

  g_signal_connect (checkin, "notify", G_CALLBACK (count_notify_cb), &n_notify);
  ladder_checkin_set_notes (checkin, "Talked about on-call");
  g_assert_cmpuint (n_notify, ==, 2);
  ladder_checkin_set_notes (checkin, "Talked about on-call");
  g_assert_cmpuint (n_notify, ==, 2);

  ladder_checkin_add_action (checkin, first);
  ladder_checkin_add_action (checkin, second);
  g_assert_cmpuint (record.n_emissions, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 2);

  tombstones = ladder_checkin_get_action_tombstones (checkin);
  g_assert_cmpuint (g_hash_table_size (tombstones), ==, 0);

  ladder_checkin_remove_action (checkin, first);
  g_assert_cmpuint (record.n_emissions, ==, 3);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 1);
  g_assert_true (g_hash_table_contains (tombstones, "a1"));
  g_assert_cmpint (g_date_time_compare (g_hash_table_lookup (tombstones, "a1"), old), >, 0);

  /* Loaders and merges add tombstones; the newer stamp stays. */
  ladder_checkin_add_action_tombstone (checkin, "a9", older);
  ladder_checkin_add_action_tombstone (checkin, "a9", old);
  g_assert_true (g_date_time_equal (g_hash_table_lookup (tombstones, "a9"), old));
  ladder_checkin_add_action_tombstone (checkin, "a9", older);
  g_assert_true (g_date_time_equal (g_hash_table_lookup (tombstones, "a9"), old));

  /* A live action with a tombstoned id supersedes the tombstone. */
  ladder_checkin_add_action (checkin, first);
  g_assert_false (g_hash_table_contains (tombstones, "a1"));
  g_assert_cmpuint (g_list_model_get_n_items (actions), ==, 2);

  g_assert_finalize_object (g_steal_pointer (&checkin));
  g_assert_finalize_object (g_steal_pointer (&first));
  g_assert_finalize_object (g_steal_pointer (&second));
}

static void
test_profile_new (void)
{
  g_autoptr (LadderFramework) framework = make_framework ();
  g_autoptr (LadderProfile) profile = ladder_profile_new (NULL, framework);
  g_autoptr (LadderProfile) named = ladder_profile_new ("9b1e", framework);
  g_autoptr (GListModel) evidence = NULL;

  g_assert_true (g_uuid_string_is_valid (ladder_profile_get_id (profile)));
  g_assert_cmpstr (ladder_profile_get_id (named), ==, "9b1e");
  g_assert_true (ladder_profile_get_framework (profile) == framework);
  g_assert_cmpint (ladder_profile_get_owner (profile), ==, LADDER_RATER_SELF);
  g_assert_null (ladder_profile_get_name (profile));
  g_assert_null (ladder_profile_get_current_level (profile));
  g_assert_false (ladder_profile_get_read_only (profile));
  g_assert_null (ladder_profile_get_file (profile));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_ratings (profile)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_checkins (profile)), ==, 0);

  g_object_get (profile, "evidence", &evidence, NULL);
  g_assert_true (evidence == ladder_profile_get_evidence (profile));
  g_assert_true (g_list_model_get_item_type (evidence) == LADDER_TYPE_EVIDENCE);
  g_clear_object (&evidence);

  g_assert_finalize_object (g_steal_pointer (&profile));
  g_assert_finalize_object (g_steal_pointer (&named));
  g_assert_finalize_object (g_steal_pointer (&framework));
}

/* A detail set the first time carries no time; a change does. */
static void
test_profile_detail_updated (void)
{
  g_autoptr (LadderFramework) framework = make_framework ();
  g_autoptr (LadderProfile) profile = ladder_profile_new (NULL, framework);
  g_autoptr (GDateTime) before = g_date_time_new_now_utc ();
  GDateTime *updated;

  ladder_profile_set_name (profile, "Alex Doe");
  ladder_profile_set_current_level (profile, "1");
  for (LadderProfileDetail detail = 0; detail < LADDER_PROFILE_N_DETAILS; detail++)
    g_assert_null (ladder_profile_get_detail_updated (profile, detail));

  /* The same value again is no change. */
  ladder_profile_set_name (profile, "Alex Doe");
  g_assert_null (ladder_profile_get_detail_updated (profile, LADDER_PROFILE_NAME));

  ladder_profile_set_name (profile, "Alex Roe");
  updated = ladder_profile_get_detail_updated (profile, LADDER_PROFILE_NAME);
  g_assert_nonnull (updated);
  g_assert_cmpint (g_date_time_compare (updated, before), >=, 0);
  g_assert_null (ladder_profile_get_detail_updated (profile, LADDER_PROFILE_CURRENT_LEVEL));

  /* Clearing is a change too. */
  ladder_profile_set_current_level (profile, NULL);
  g_assert_nonnull (ladder_profile_get_detail_updated (profile, LADDER_PROFILE_CURRENT_LEVEL));
}

static void
test_profile_properties (void)
{
  g_autoptr (LadderFramework) framework = make_framework ();
  g_autoptr (LadderProfile) profile = ladder_profile_new (NULL, framework);
  g_autoptr (GFile) file = g_file_new_for_path ("/tmp/alex.json");
  g_autoptr (GFile) same_file = g_file_new_for_path ("/tmp/alex.json");
  guint n_notify = 0;
  guint n_changed = 0;

  g_signal_connect (profile, "notify", G_CALLBACK (count_notify_cb), &n_notify);
  g_signal_connect (profile, "changed", G_CALLBACK (count_changed_cb), &n_changed);

  ladder_profile_set_name (profile, "Alex Doe");
  ladder_profile_set_role (profile, "Backend Engineer");
  ladder_profile_set_owner (profile, LADDER_RATER_MANAGER);
  ladder_profile_set_current_level (profile, "1");
  ladder_profile_set_target_level (profile, "2");
  g_assert_cmpuint (n_notify, ==, 5);
  g_assert_cmpuint (n_changed, ==, 5);

  ladder_profile_set_name (profile, "Alex Doe");
  ladder_profile_set_role (profile, "Backend Engineer");
  ladder_profile_set_owner (profile, LADDER_RATER_MANAGER);
  ladder_profile_set_current_level (profile, "1");
  ladder_profile_set_target_level (profile, "2");
  g_object_set (profile, "name", "Alex Doe", NULL);
  g_assert_cmpuint (n_notify, ==, 5);
  g_assert_cmpuint (n_changed, ==, 5);

  g_assert_cmpstr (ladder_profile_get_name (profile), ==, "Alex Doe");
  g_assert_cmpstr (ladder_profile_get_role (profile), ==, "Backend Engineer");
  g_assert_cmpint (ladder_profile_get_owner (profile), ==, LADDER_RATER_MANAGER);
  g_assert_cmpstr (ladder_profile_get_current_level (profile), ==, "1");
  g_assert_cmpstr (ladder_profile_get_target_level (profile), ==, "2");

  /* Where the profile is stored is not its data: no "changed". */
  ladder_profile_set_file (profile, file);
  ladder_profile_set_file (profile, same_file);
  ladder_profile_set_read_only (profile, TRUE);
  ladder_profile_set_read_only (profile, TRUE);
  g_assert_cmpuint (n_notify, ==, 7);
  g_assert_cmpuint (n_changed, ==, 5);
  g_assert_true (ladder_profile_get_file (profile) == file);
  g_assert_true (ladder_profile_get_read_only (profile));

  g_assert_finalize_object (g_steal_pointer (&profile));
  g_assert_finalize_object (g_steal_pointer (&framework));
}

static void
test_profile_rate (void)
{
  g_autoptr (LadderFramework) framework = make_framework ();
  g_autoptr (LadderProfile) profile = ladder_profile_new (NULL, framework);
  GListModel *ratings = ladder_profile_get_ratings (profile);
  LadderRating *rating;
  guint n_changed = 0;

  g_signal_connect (profile, "changed", G_CALLBACK (count_changed_cb), &n_changed);

  g_assert_null (ladder_profile_get_rating (profile, "1-mastery-1"));
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "1-mastery-1", LADDER_RATER_SELF), ==,
                   LADDER_RATING_UNRATED);

  /* Rating creates the rating, and says so once. */
  ladder_profile_rate (profile, "1-mastery-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ratings), ==, 1);
  rating = ladder_profile_get_rating (profile, "1-mastery-1");
  g_assert_nonnull (rating);
  g_assert_cmpint (ladder_rating_get_value (rating, LADDER_RATER_SELF), ==,
                   LADDER_RATING_CONSISTENTLY);
  g_assert_nonnull (ladder_rating_get_updated (rating, LADDER_RATER_SELF));
  g_assert_null (ladder_rating_get_updated (rating, LADDER_RATER_MANAGER));
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "1-mastery-1", LADDER_RATER_SELF), ==,
                   LADDER_RATING_CONSISTENTLY);
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "1-mastery-1", LADDER_RATER_MANAGER),
                   ==, LADDER_RATING_UNRATED);

  /* The same value: nothing changed. */
  ladder_profile_rate (profile, "1-mastery-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  g_assert_cmpuint (n_changed, ==, 1);

  ladder_profile_rate (profile, "1-mastery-1", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ratings), ==, 1);
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "1-mastery-1", LADDER_RATER_MANAGER),
                   ==, LADDER_RATING_SOMETIMES);

  /* An edit on the rating itself reaches the profile too. */
  ladder_rating_set_note (rating, LADDER_RATER_MANAGER, "Seen in the last two incidents");
  g_assert_cmpuint (n_changed, ==, 3);

  /* ensure_rating adds an empty one, and returns the same one after. */
  rating = ladder_profile_ensure_rating (profile, "1-mastery-2");
  g_assert_cmpuint (n_changed, ==, 4);
  g_assert_true (ladder_profile_ensure_rating (profile, "1-mastery-2") == rating);
  g_assert_cmpuint (n_changed, ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (ratings), ==, 2);
  g_assert_cmpint (ladder_rating_get_value (rating, LADDER_RATER_SELF), ==, LADDER_RATING_UNRATED);

  g_assert_finalize_object (g_steal_pointer (&profile));
  g_assert_finalize_object (g_steal_pointer (&framework));
}

static void
test_profile_evidence (void)
{
  g_autoptr (LadderFramework) framework = make_framework ();
  g_autoptr (LadderProfile) profile = ladder_profile_new (NULL, framework);
  g_autoptr (LadderEvidence) first = ladder_evidence_new ("e1");
  g_autoptr (LadderEvidence) second = ladder_evidence_new ("e2");
  const char * const both[] = { "1-mastery-1", "1-mastery-2", "1-mastery-1", NULL };
  const char * const one[] = { "1-mastery-2", NULL };
  GListModel *list = ladder_profile_get_evidence (profile);
  GHashTable *tombstones;
  ItemsChanged record = { 0, };
  guint n_changed = 0;

  g_signal_connect (profile, "changed", G_CALLBACK (count_changed_cb), &n_changed);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &record);

  ladder_evidence_set_behaviours (first, both);
  ladder_evidence_set_behaviours (second, one);

  ladder_profile_add_evidence (profile, first);
  ladder_profile_add_evidence (profile, second);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpuint (record.n_emissions, ==, 2);
  g_assert_cmpuint (record.position, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_true (ladder_profile_find_evidence (profile, "e1") == first);
  g_assert_true (ladder_profile_find_evidence (profile, "e2") == second);
  g_assert_null (ladder_profile_find_evidence (profile, "e3"));

  /* An entry naming a behaviour twice backs it once. */
  g_assert_cmpuint (ladder_profile_count_evidence_for (profile, "1-mastery-1"), ==, 1);
  g_assert_cmpuint (ladder_profile_count_evidence_for (profile, "1-mastery-2"), ==, 2);
  g_assert_cmpuint (ladder_profile_count_evidence_for (profile, "2-mastery-1"), ==, 0);

  /* Edits on an entry reach the profile and the counts. */
  ladder_evidence_set_behaviours (second, NULL);
  g_assert_cmpuint (n_changed, >, 2);
  g_assert_cmpuint (ladder_profile_count_evidence_for (profile, "1-mastery-2"), ==, 1);
  n_changed = 0;
  ladder_evidence_set_title (first, "Led the incident review");
  g_assert_cmpuint (n_changed, >, 0);

  /* Removing keeps a tombstone stamped now. */
  n_changed = 0;
  tombstones = ladder_profile_get_tombstones (profile, "evidence");
  g_assert_cmpuint (g_hash_table_size (tombstones), ==, 0);
  ladder_profile_remove_evidence (profile, ladder_profile_find_evidence (profile, "e1"));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_null (ladder_profile_find_evidence (profile, "e1"));
  g_assert_true (g_hash_table_contains (tombstones, "e1"));
  g_assert_nonnull (g_hash_table_lookup (tombstones, "e1"));
  g_assert_cmpuint (ladder_profile_count_evidence_for (profile, "1-mastery-1"), ==, 0);
  g_assert_cmpuint (g_hash_table_size (ladder_profile_get_tombstones (profile, "checkin")), ==, 0);

  /* A removed entry no longer reaches the profile. */
  n_changed = 0;
  ladder_evidence_set_title (first, "Edited after removal");
  g_assert_cmpuint (n_changed, ==, 0);

  /* Adding it back (a merge where the edit won) drops the tombstone. */
  ladder_profile_add_evidence (profile, first);
  g_assert_false (g_hash_table_contains (tombstones, "e1"));
  g_assert_cmpuint (ladder_profile_count_evidence_for (profile, "1-mastery-1"), ==, 1);

  g_assert_finalize_object (g_steal_pointer (&profile));
  g_assert_finalize_object (g_steal_pointer (&first));
  g_assert_finalize_object (g_steal_pointer (&second));
  g_assert_finalize_object (g_steal_pointer (&framework));
}

#define N_SPLICE 20000

static void
test_profile_splice_evidence (void)
{
  g_autoptr (LadderFramework) framework = make_framework ();
  g_autoptr (LadderProfile) profile = ladder_profile_new (NULL, framework);
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (LadderEvidence) probe = NULL;
  const char * const on_first[] = { "1-mastery-1", NULL };
  const char * const on_both[] = { "1-mastery-1", "1-mastery-2", NULL };
  GListModel *list = ladder_profile_get_evidence (profile);
  ItemsChanged record = { 0, };
  guint n_changed = 0;
  gint64 start;

  for (guint i = 0; i < N_SPLICE; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%05u", i);
      LadderEvidence *evidence = ladder_evidence_new (id);

      ladder_evidence_set_behaviours (evidence, i % 4 == 0 ? on_both : on_first);
      g_ptr_array_add (entries, evidence);
    }

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &record);
  g_signal_connect (profile, "changed", G_CALLBACK (count_changed_cb), &n_changed);

  start = g_get_monotonic_time ();
  ladder_profile_splice_evidence (profile, (LadderEvidence **) entries->pdata, entries->len);
  g_test_message ("splice of %u entries: %" G_GINT64_FORMAT " µs",
                  N_SPLICE, g_get_monotonic_time () - start);

  g_assert_cmpuint (record.n_emissions, ==, 1);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 0);
  g_assert_cmpuint (record.added, ==, N_SPLICE);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_SPLICE);

  probe = g_list_model_get_item (list, N_SPLICE - 1);
  g_assert_cmpstr (ladder_evidence_get_id (probe), ==, "e19999");
  g_assert_true (ladder_profile_find_evidence (profile, "e12345")
                 == g_ptr_array_index (entries, 12345));

  start = g_get_monotonic_time ();
  g_assert_cmpuint (ladder_profile_count_evidence_for (profile, "1-mastery-1"), ==, N_SPLICE);
  g_assert_cmpuint (ladder_profile_count_evidence_for (profile, "1-mastery-2"), ==, N_SPLICE / 4);
  for (guint i = 0; i < 1000; i++)
    g_assert_cmpuint (ladder_profile_count_evidence_for (profile, "1-mastery-2"), ==, N_SPLICE / 4);
  g_test_message ("1002 counts: %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);

  /* An empty splice changes nothing. */
  ladder_profile_splice_evidence (profile, NULL, 0);
  g_assert_cmpuint (record.n_emissions, ==, 1);
  g_assert_cmpuint (n_changed, ==, 1);

  g_clear_object (&probe);
  g_assert_finalize_object (g_steal_pointer (&profile));
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&framework));
}

static void
test_profile_checkins (void)
{
  g_autoptr (LadderFramework) framework = make_framework ();
  g_autoptr (LadderProfile) profile = ladder_profile_new (NULL, framework);
  g_autoptr (LadderCheckin) checkin = ladder_checkin_new ("c1");
  g_autoptr (LadderAction) early = ladder_action_new ("a1");
  g_autoptr (LadderAction) late = ladder_action_new ("a2");
  GHashTable *tombstones;
  guint n_changed = 0;

  /* An action added before the check-in joins the profile is watched. */
  ladder_checkin_add_action (checkin, early);

  g_signal_connect (profile, "changed", G_CALLBACK (count_changed_cb), &n_changed);

  ladder_profile_add_checkin (profile, checkin);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (ladder_profile_find_checkin (profile, "c1") == checkin);
  g_assert_null (ladder_profile_find_checkin (profile, "c2"));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_checkins (profile)), ==, 1);

  n_changed = 0;
  ladder_checkin_set_notes (checkin, "Agreed to work on incidents");
  g_assert_cmpuint (n_changed, >, 0);

  n_changed = 0;
  ladder_checkin_set_snapshot (checkin, "1-mastery-1", LADDER_RATING_CONSISTENTLY,
                               LADDER_RATING_SOMETIMES);
  g_assert_cmpuint (n_changed, >, 0);

  n_changed = 0;
  ladder_action_set_done (early, TRUE);
  g_assert_cmpuint (n_changed, >, 0);

  n_changed = 0;
  ladder_checkin_add_action (checkin, late);
  g_assert_cmpuint (n_changed, ==, 1);
  n_changed = 0;
  ladder_action_set_text (late, "Run the next incident review");
  g_assert_cmpuint (n_changed, >, 0);

  n_changed = 0;
  ladder_checkin_remove_action (checkin, late);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (g_hash_table_contains (ladder_checkin_get_action_tombstones (checkin), "a2"));

  /* Removing the check-in keeps a tombstone and stops the watching. */
  n_changed = 0;
  tombstones = ladder_profile_get_tombstones (profile, "checkin");
  ladder_profile_remove_checkin (profile, checkin);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (g_hash_table_contains (tombstones, "c1"));
  g_assert_null (ladder_profile_find_checkin (profile, "c1"));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_checkins (profile)), ==, 0);

  n_changed = 0;
  ladder_checkin_set_notes (checkin, "Edited after removal");
  ladder_action_set_done (early, FALSE);
  g_assert_cmpuint (n_changed, ==, 0);

  /* Back again: watched again, tombstone gone. */
  ladder_profile_add_checkin (profile, checkin);
  g_assert_false (g_hash_table_contains (tombstones, "c1"));
  n_changed = 0;
  ladder_action_set_done (early, TRUE);
  g_assert_cmpuint (n_changed, ==, 2);

  g_assert_finalize_object (g_steal_pointer (&profile));
  g_assert_finalize_object (g_steal_pointer (&checkin));
  g_assert_finalize_object (g_steal_pointer (&early));
  g_assert_finalize_object (g_steal_pointer (&late));
  g_assert_finalize_object (g_steal_pointer (&framework));
}

static void
test_profile_tombstones (void)
{
  g_autoptr (LadderFramework) framework = make_framework ();
  g_autoptr (LadderProfile) profile = ladder_profile_new (NULL, framework);
  g_autoptr (GDateTime) old = make_old_stamp ();
  g_autoptr (GDateTime) older = g_date_time_new_utc (2010, 1, 1, 0, 0, 0.0);
  GHashTable *evidence;
  GHashTable *checkins;
  guint n_changed = 0;

  g_signal_connect (profile, "changed", G_CALLBACK (count_changed_cb), &n_changed);

  evidence = ladder_profile_get_tombstones (profile, "evidence");
  checkins = ladder_profile_get_tombstones (profile, "checkin");
  g_assert_nonnull (evidence);
  g_assert_nonnull (checkins);
  g_assert_true (evidence != checkins);

  ladder_profile_add_tombstone (profile, "evidence", "e1", older);
  ladder_profile_add_tombstone (profile, "checkin", "c1", old);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_true (g_date_time_equal (g_hash_table_lookup (evidence, "e1"), older));
  g_assert_true (g_date_time_equal (g_hash_table_lookup (checkins, "c1"), old));
  g_assert_false (g_hash_table_contains (evidence, "c1"));

  /* The newer stamp wins, an older one is ignored. */
  ladder_profile_add_tombstone (profile, "evidence", "e1", old);
  g_assert_cmpuint (n_changed, ==, 3);
  ladder_profile_add_tombstone (profile, "evidence", "e1", older);
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_true (g_date_time_equal (g_hash_table_lookup (evidence, "e1"), old));

  g_assert_finalize_object (g_steal_pointer (&profile));
  g_assert_finalize_object (g_steal_pointer (&framework));
}

static void
test_profile_outlived (void)
{
  g_autoptr (LadderFramework) framework = make_framework ();
  g_autoptr (LadderProfile) profile = ladder_profile_new (NULL, framework);
  g_autoptr (LadderEvidence) evidence = ladder_evidence_new (NULL);
  g_autoptr (LadderCheckin) checkin = ladder_checkin_new (NULL);
  g_autoptr (LadderAction) action = ladder_action_new (NULL);
  LadderRating *rating;

  ladder_profile_add_evidence (profile, evidence);
  ladder_checkin_add_action (checkin, action);
  ladder_profile_add_checkin (profile, checkin);
  rating = g_object_ref (ladder_profile_ensure_rating (profile, "1-mastery-1"));

  /* Nested objects held elsewhere outlive the profile: editing them
   * must not reach the dead profile. */
  g_assert_finalize_object (g_steal_pointer (&profile));

  ladder_evidence_set_title (evidence, "After");
  ladder_checkin_set_notes (checkin, "After");
  ladder_action_set_text (action, "After");
  ladder_rating_set_note (rating, LADDER_RATER_SELF, "After");

  g_assert_finalize_object (rating);
  g_assert_finalize_object (g_steal_pointer (&evidence));
  g_assert_finalize_object (g_steal_pointer (&checkin));
  g_assert_finalize_object (g_steal_pointer (&action));
  g_assert_finalize_object (g_steal_pointer (&framework));
}

static LadderFramework *
make_three_levels (void)
{
  LadderFramework *framework = ladder_framework_new ("steps", "Steps");
  const char *levels[] = { "1", "2", "3" };
  const char *behaviours[][2] = { { "1-a", "1" }, { "2-a", "2" }, { "2-b", "2" } };
  g_autoptr (LadderCategory) craft = ladder_category_new ("craft", "Craft", NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autofree char *name = g_strdup_printf ("Level %s", levels[i]);
      g_autoptr (LadderLevel) level = ladder_level_new (levels[i], name, NULL);

      g_assert_true (ladder_framework_add_level (framework, level));
    }
  g_assert_true (ladder_framework_add_category (framework, craft));
  for (guint i = 0; i < G_N_ELEMENTS (behaviours); i++)
    {
      g_autoptr (LadderBehaviour) behaviour =
        ladder_behaviour_new (behaviours[i][0], behaviours[i][1], "craft", NULL, "Does it");

      g_assert_true (ladder_framework_add_behaviour (framework, behaviour));
    }

  return framework;
}

static void
test_profile_promotions (void)
{
  g_autoptr (LadderFramework) framework = make_three_levels ();
  g_autoptr (LadderProfile) profile = ladder_profile_new (NULL, framework);
  g_autoptr (GDate) october = g_date_new_dmy (1, G_DATE_OCTOBER, 2026);
  g_autoptr (GDate) june = g_date_new_dmy (1, G_DATE_JUNE, 2026);
  g_autoptr (LadderPromotion) promotion = ladder_promotion_new ("p1", october, "1", "2");
  g_autoptr (LadderPromotion) older = ladder_promotion_new ("p0", june, "2", "1");
  g_autoptr (GDateTime) modified = NULL;
  guint n_changed = 0;

  ladder_profile_set_current_level (profile, "1");
  ladder_profile_rate (profile, "1-a", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  g_assert_true (ladder_profile_is_ready (profile, LADDER_RATER_SELF));

  /* Up in the framework's order is a promotion; down a correction. */
  g_assert_true (ladder_promotion_is_promotion (promotion, framework));
  g_assert_false (ladder_promotion_is_promotion (older, framework));

  g_signal_connect (profile, "changed", G_CALLBACK (count_changed_cb), &n_changed);
  ladder_profile_add_promotion (profile, older);
  ladder_profile_add_promotion (profile, promotion);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_true (ladder_profile_find_promotion (profile, "p1") == promotion);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_promotions (profile)), ==, 2);

  /* A record alone does not move the level, nor say since when it holds. */
  g_assert_cmpstr (ladder_profile_get_current_level (profile), ==, "1");
  g_assert_null (ladder_profile_get_current_level_change (profile));

  /* Progress counts from the new level. */
  ladder_profile_set_current_level (profile, "2");
  g_assert_true (ladder_profile_get_current_level_change (profile) == promotion);
  g_assert_false (ladder_profile_is_ready (profile, LADDER_RATER_SELF));
  g_assert_cmpuint (ladder_profile_count_missing_for_ready (profile, LADDER_RATER_SELF), ==, 2);

  /* An edit of a record moves its stamp and is a change of the profile. */
  modified = g_date_time_ref (ladder_promotion_get_modified (promotion));
  n_changed = 0;
  ladder_promotion_set_date (promotion, june);
  g_assert_cmpuint (n_changed, >, 0);
  g_assert_cmpint (g_date_time_compare (ladder_promotion_get_modified (promotion), modified), >=, 0);
  /* The same day: the later modified is the newer record. */
  g_assert_true (ladder_profile_get_current_level_change (profile) == promotion);

  n_changed = 0;
  ladder_profile_remove_promotion (profile, promotion);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_null (ladder_profile_find_promotion (profile, "p1"));
  g_assert_true (g_hash_table_contains (ladder_profile_get_tombstones (profile, "promotion"), "p1"));
  g_assert_null (ladder_profile_get_current_level_change (profile));

  /* Removed, it is no longer watched. */
  n_changed = 0;
  ladder_promotion_set_to (promotion, "3");
  g_assert_cmpuint (n_changed, ==, 0);

  /* Back again: the tombstone goes. */
  ladder_profile_add_promotion (profile, promotion);
  g_assert_false (g_hash_table_contains (ladder_profile_get_tombstones (profile, "promotion"), "p1"));

  g_signal_handlers_disconnect_by_data (profile, &n_changed);
  g_assert_finalize_object (g_steal_pointer (&profile));
  g_assert_finalize_object (g_steal_pointer (&promotion));
  g_assert_finalize_object (g_steal_pointer (&older));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ladder/rating/set-value", test_rating_set_value);
  g_test_add_func ("/ladder/rating/newer-than-replaced", test_rating_newer_than_replaced);
  g_test_add_func ("/ladder/rating/note", test_rating_note);
  g_test_add_func ("/ladder/evidence/properties", test_evidence_properties);
  g_test_add_func ("/ladder/evidence/modified", test_evidence_modified);
  g_test_add_func ("/ladder/action/properties", test_action_properties);
  g_test_add_func ("/ladder/checkin/snapshot", test_checkin_snapshot);
  g_test_add_func ("/ladder/checkin/actions", test_checkin_actions);
  g_test_add_func ("/ladder/profile/new", test_profile_new);
  g_test_add_func ("/ladder/profile/properties", test_profile_properties);
  g_test_add_func ("/ladder/profile/detail-updated", test_profile_detail_updated);
  g_test_add_func ("/ladder/profile/rate", test_profile_rate);
  g_test_add_func ("/ladder/profile/evidence", test_profile_evidence);
  g_test_add_func ("/ladder/profile/splice-evidence", test_profile_splice_evidence);
  g_test_add_func ("/ladder/profile/checkins", test_profile_checkins);
  g_test_add_func ("/ladder/profile/tombstones", test_profile_tombstones);
  g_test_add_func ("/ladder/profile/promotions", test_profile_promotions);
  g_test_add_func ("/ladder/profile/outlived", test_profile_outlived);

  return g_test_run ();
}
