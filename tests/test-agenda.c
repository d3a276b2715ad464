/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The agenda: topics either side adds for the next 1:1. Their place in
 * the file (and files from before them), merges, the shared copy that
 * leaves private ones out, and check-ins that bring the open topics in
 * and carry over the ones not ticked off.
 */

#include "config.h"

#include <string.h>

#include "ladder-core.h"
#include "core-helpers.h"

/* Words that appear nowhere else, so that finding one finds the topic. */
#define PRIVATE_TOPIC "Is Threnody ready for the Vaskor team lead role"
#define PUBLIC_TOPIC  "Conference budget for Lisbon"
#define SELF_TOPIC    "Pairing with the Okonkwo squad"

static GDateTime *
stamp (guint seconds)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 1, 5, 9, 0, 0.0);

  return g_date_time_add_seconds (start, seconds);
}

static LadderFramework *
make_framework (void)
{
  LadderFramework *framework = ladder_framework_new ("acme", "Engineering");
  g_autoptr(LadderLevel) l1 = ladder_level_new ("1", "Level 1", NULL);
  g_autoptr(LadderCategory) craft = ladder_category_new ("craft", "Craft", NULL, NULL);
  g_autoptr(LadderBehaviour) b1 = ladder_behaviour_new ("1-craft-1", "1", "craft", NULL,
                                                         "Writes tests");

  g_assert_true (ladder_framework_add_level (framework, l1));
  g_assert_true (ladder_framework_add_category (framework, craft));
  g_assert_true (ladder_framework_add_behaviour (framework, b1));

  return framework;
}

static LadderTopic *
add_topic (LadderProfile *profile,
           const char    *id,
           const char    *text,
           LadderRater    author,
           gboolean       is_private)
{
  g_autoptr(LadderTopic) topic = ladder_topic_new (id);
  g_autoptr(GDate) created = g_date_new_dmy (20, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDateTime) t10 = stamp (10);

  ladder_topic_set_text (topic, text);
  ladder_topic_set_author (topic, author);
  ladder_topic_set_created (topic, created);
  ladder_topic_set_private (topic, is_private);
  ladder_topic_set_modified (topic, t10);
  ladder_profile_add_topic (profile, topic);

  return topic;
}

/* The manager's copy with a private topic of theirs, a shared one, and
 * one the engineer added. */
static LadderProfile *
make_profile (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  LadderProfile *profile = ladder_profile_new ("5d0c2c8e-0000-4000-8000-00000000002a", framework);

  ladder_profile_set_name (profile, "Alex Doe");
  ladder_profile_set_owner (profile, LADDER_RATER_MANAGER);
  add_topic (profile, "t-private", PRIVATE_TOPIC, LADDER_RATER_MANAGER, TRUE);
  add_topic (profile, "t-public", PUBLIC_TOPIC, LADDER_RATER_MANAGER, FALSE);
  add_topic (profile, "t-self", SELF_TOPIC, LADDER_RATER_SELF, FALSE);

  return profile;
}

static LadderProfile *
read_profile (const char *data,
              gsize       length)
{
  g_autoptr(GError) error = NULL;
  LadderProfile *profile = ladder_format_read_profile (data, length, "copy.json", &error);

  g_assert_no_error (error);

  return profile;
}

static char *
texts_of (GPtrArray *topics)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) texts = NULL;

  for (guint i = 0; i < topics->len; i++)
    g_strv_builder_add (builder, ladder_topic_get_text (topics->pdata[i]));
  texts = g_strv_builder_end (builder);

  return g_strjoinv ("|", texts);
}

/* The model */

static void
test_agenda_model (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_DECEMBER, 2026);
  LadderTopic *topic = ladder_profile_find_topic (profile, "t-public");
  g_autoptr(GDateTime) t10 = stamp (10);
  guint changed = 0;

  g_assert_nonnull (topic);
  g_assert_true (ladder_topic_is_open (topic));
  g_assert_null (ladder_topic_get_checkin (topic));

  g_signal_connect_swapped (profile, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  g_assert_true (g_date_time_equal (ladder_topic_get_modified (topic), t10));
  ladder_topic_close (topic, day, "c-1");
  g_assert_false (ladder_topic_is_open (topic));
  g_assert_cmpstr (ladder_topic_get_checkin (topic), ==, "c-1");
  g_assert_cmpint (g_date_compare (ladder_topic_get_closed (topic), day), ==, 0);
  g_assert_cmpuint (changed, >, 0);
  /* Ticking off is an edit that a merge goes by. */
  g_assert_cmpint (g_date_time_compare (ladder_topic_get_modified (topic), t10), >, 0);

  open = ladder_profile_list_open_topics (profile);
  g_assert_cmpuint (open->len, ==, 2);

  ladder_topic_reopen (topic);
  g_assert_true (ladder_topic_is_open (topic));
  g_assert_null (ladder_topic_get_checkin (topic));

  ladder_profile_remove_topic (profile, topic);
  g_assert_null (ladder_profile_find_topic (profile, "t-public"));
  g_assert_true (g_hash_table_contains (ladder_profile_get_tombstones (profile, "topic"), "t-public"));
}

/* The file */

static void
test_agenda_format_round_trip (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(LadderProfile) back = NULL;
  g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_DECEMBER, 2026);
  g_autoptr(GDateTime) t20 = stamp (20);
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  LadderTopic *topic;
  gsize length;

  topic = ladder_profile_find_topic (profile, "t-self");
  ladder_topic_close (topic, day, "c-1");
  ladder_topic_set_modified (topic, t20);
  ladder_profile_add_tombstone (profile, "topic", "t-gone", t20);

  data = ladder_format_write_profile (profile, &length);
  g_assert_nonnull (strstr (data, "\"agenda\" : ["));
  g_assert_nonnull (strstr (data, "\"closed\" : \"2026-12-01\""));
  g_assert_nonnull (strstr (data, "\"author\" : \"self\""));

  back = read_profile (data, length);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_topics (back)), ==, 3);
  topic = ladder_profile_find_topic (back, "t-private");
  g_assert_true (ladder_topic_get_private (topic));
  g_assert_cmpint (ladder_topic_get_author (topic), ==, LADDER_RATER_MANAGER);
  g_assert_true (ladder_topic_is_open (topic));
  g_assert_cmpint (g_date_get_day (ladder_topic_get_created (topic)), ==, 20);
  topic = ladder_profile_find_topic (back, "t-self");
  g_assert_false (ladder_topic_is_open (topic));
  g_assert_cmpstr (ladder_topic_get_checkin (topic), ==, "c-1");
  g_assert_cmpint (ladder_topic_get_author (topic), ==, LADDER_RATER_SELF);
  g_assert_true (g_date_time_equal (ladder_topic_get_modified (topic), t20));
  g_assert_true (g_hash_table_contains (ladder_profile_get_tombstones (back, "topic"), "t-gone"));

  again = ladder_format_write_profile (back, NULL);
  g_assert_cmpstr (again, ==, data);
}

/* A file from before the agenda opens with none and is written back
 * without the member; one without "created" reads as an unknown day. */
static void
test_agenda_format_older (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderProfile) empty = ladder_profile_new (NULL, framework);
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(LadderProfile) back = NULL;
  g_autoptr(LadderProfile) undated = NULL;
  g_autofree char *data = ladder_format_write_profile (empty, NULL);
  g_autofree char *full = ladder_format_write_profile (profile, NULL);
  g_autofree char *without_created = NULL;
  g_autoptr(GRegex) created = g_regex_new ("\\s*\"created\" : \"2026-11-20\",", 0, 0, NULL);

  g_assert_null (strstr (data, "agenda"));
  back = read_profile (data, strlen (data));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_topics (back)), ==, 0);

  without_created = g_regex_replace_literal (created, full, -1, 0, "", 0, NULL);
  g_assert_null (strstr (without_created, "\"created\" : \"2026-11-20\""));
  undated = read_profile (without_created, strlen (without_created));
  g_assert_null (ladder_topic_get_created (ladder_profile_find_topic (undated, "t-public")));
}

static void
test_agenda_format_rejects (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autofree char *data = ladder_format_write_profile (profile, NULL);
  const char *bad[][2] = {
    { "\"author\" : \"manager\"", "\"author\" : \"boss\"" },
    { "\"private\" : true", "\"private\" : \"yes\"" },
    { "\"text\" : \"" PUBLIC_TOPIC "\"", "\"text\" : 12" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *broken = core_replace_once (data, bad[i][0], bad[i][1]);
      g_autoptr(LadderProfile) read = ladder_format_read_profile (broken, strlen (broken),
                                                                 "broken.json", &error);

      g_assert_null (read);
      g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "broken.json"));
    }
}

/* The copy to share holds no byte of a private topic. */
static void
test_agenda_shared_copy (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(LadderProfile) copy = NULL;
  g_autofree char *data = NULL;
  gsize length;

  data = ladder_format_write_shared_copy (profile, &length);
  g_assert_null (memmem (data, length, PRIVATE_TOPIC, strlen (PRIVATE_TOPIC)));
  g_assert_null (memmem (data, length, "Threnody", strlen ("Threnody")));
  g_assert_null (memmem (data, length, "t-private", strlen ("t-private")));
  g_assert_null (strstr (data, "private"));
  g_assert_nonnull (strstr (data, PUBLIC_TOPIC));
  g_assert_nonnull (strstr (data, SELF_TOPIC));

  copy = read_profile (data, length);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_topics (copy)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_topics (profile)), ==, 3);
}

/* Merges */

/* The engineer adds a topic and ticks one off in their copy, made from a
 * shared one; merged into the manager's, both come in, and the private
 * topic stays, private. The copy shared back still lacks it. */
static void
test_agenda_merge (void)
{
  g_autoptr(LadderProfile) ours = make_profile ();
  g_autoptr(LadderProfile) theirs = NULL;
  g_autoptr(LadderProfile) back = NULL;
  g_autoptr(LadderMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_DECEMBER, 2026);
  g_autoptr(GDateTime) t30 = stamp (30);
  g_autofree char *shared = ladder_format_write_shared_copy (ours, NULL);
  g_autofree char *shared_back = NULL;
  LadderTopic *topic;

  theirs = read_profile (shared, strlen (shared));
  topic = add_topic (theirs, "t-new", "Rotation to the platform team", LADDER_RATER_SELF, FALSE);
  ladder_topic_set_modified (topic, t30);
  topic = ladder_profile_find_topic (theirs, "t-public");
  ladder_topic_close (topic, day, "c-9");
  ladder_topic_set_modified (topic, t30);

  merge = ladder_merge_new (ours, theirs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ladder_merge_get_n_changes (merge), ==, 2);
  ladder_merge_apply (merge);

  g_assert_nonnull (ladder_profile_find_topic (ours, "t-new"));
  g_assert_false (ladder_topic_is_open (ladder_profile_find_topic (ours, "t-public")));
  g_assert_cmpstr (ladder_topic_get_checkin (ladder_profile_find_topic (ours, "t-public")), ==, "c-9");
  topic = ladder_profile_find_topic (ours, "t-private");
  g_assert_nonnull (topic);
  g_assert_true (ladder_topic_get_private (topic));
  g_assert_cmpstr (ladder_topic_get_text (topic), ==, PRIVATE_TOPIC);

  shared_back = ladder_format_write_shared_copy (ours, NULL);
  g_assert_null (strstr (shared_back, "Threnody"));

  /* The other way round gives the same file. */
  g_clear_object (&merge);
  back = read_profile (shared, strlen (shared));
  merge = ladder_merge_new (back, ours, &error);
  g_assert_no_error (error);
  ladder_merge_apply (merge);
  g_assert_nonnull (ladder_profile_find_topic (back, "t-new"));
  /* A private topic that arrives from elsewhere is kept private. */
  g_assert_true (ladder_topic_get_private (ladder_profile_find_topic (back, "t-private")));
}

/* A topic deleted on one side is deleted in the merge. */
static void
test_agenda_merge_deletion (void)
{
  g_autoptr(LadderProfile) ours = make_profile ();
  g_autoptr(LadderProfile) theirs = make_profile ();
  g_autoptr(LadderMerge) merge = NULL;
  g_autoptr(GError) error = NULL;

  ladder_profile_remove_topic (theirs, ladder_profile_find_topic (theirs, "t-self"));
  merge = ladder_merge_new (ours, theirs, &error);
  g_assert_no_error (error);
  ladder_merge_apply (merge);
  g_assert_null (ladder_profile_find_topic (ours, "t-self"));
  g_assert_true (g_hash_table_contains (ladder_profile_get_tombstones (ours, "topic"), "t-self"));
}

/* Check-ins */

/* Starting a check-in brings the open topics in; the one ticked off
 * leaves the agenda, the others carry over to the next check-in. */
static void
test_agenda_carries_over (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(LadderCheckin) first = ladder_profile_start_checkin (profile);
  g_autoptr(LadderCheckin) second = NULL;
  g_autoptr(LadderReview) review = NULL;
  g_autoptr(LadderReview) next = NULL;
  g_autoptr(LadderReview) past = NULL;
  g_autofree char *texts = NULL;

  review = ladder_review_new (profile, first);
  texts = texts_of (ladder_review_get_topics (review));
  g_assert_cmpstr (texts, ==, PRIVATE_TOPIC "|" PUBLIC_TOPIC "|" SELF_TOPIC);

  /* Ticked off in the check-in being held: still on its agenda. */
  ladder_topic_close (ladder_profile_find_topic (profile, "t-public"),
                      ladder_checkin_get_date (first), ladder_checkin_get_id (first));
  g_clear_pointer (&review, ladder_review_unref);
  g_clear_pointer (&texts, g_free);
  review = ladder_review_new (profile, first);
  texts = texts_of (ladder_review_get_topics (review));
  g_assert_cmpstr (texts, ==, PRIVATE_TOPIC "|" PUBLIC_TOPIC "|" SELF_TOPIC);
  ladder_profile_finish_checkin (profile, first);

  /* The next check-in: what was not ticked off carries over. */
  second = ladder_profile_start_checkin (profile);
  next = ladder_review_new (profile, second);
  g_clear_pointer (&texts, g_free);
  texts = texts_of (ladder_review_get_topics (next));
  g_assert_cmpstr (texts, ==, PRIVATE_TOPIC "|" SELF_TOPIC);

  /* The first check-in, looked at later: what it ticked off. */
  past = ladder_review_new (profile, first);
  g_clear_pointer (&texts, g_free);
  texts = texts_of (ladder_review_get_topics (past));
  g_assert_cmpstr (texts, ==, PUBLIC_TOPIC);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ladder/agenda/model", test_agenda_model);
  g_test_add_func ("/ladder/agenda/format/round-trip", test_agenda_format_round_trip);
  g_test_add_func ("/ladder/agenda/format/older", test_agenda_format_older);
  g_test_add_func ("/ladder/agenda/format/rejects", test_agenda_format_rejects);
  g_test_add_func ("/ladder/agenda/shared-copy", test_agenda_shared_copy);
  g_test_add_func ("/ladder/agenda/merge", test_agenda_merge);
  g_test_add_func ("/ladder/agenda/merge/deletion", test_agenda_merge_deletion);
  g_test_add_func ("/ladder/agenda/carries-over", test_agenda_carries_over);

  return g_test_run ();
}
