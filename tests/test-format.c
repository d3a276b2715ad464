/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ladder-core.h"
#include "core-helpers.h"
#include "ladder-json-private.h"

/* Helpers {{{1 */

/* Round trips {{{1 */

static void
test_framework_round_trip (void)
{
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(LadderFramework) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  gsize fixture_length, written_length, rewritten_length;
  LadderCategory *category;
  LadderBehaviour *behaviour;

  fixture = core_read_fixture ("framework.json", &fixture_length);

  framework = ladder_format_read_framework (fixture, fixture_length, "framework.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (framework);

  g_assert_cmpstr (ladder_framework_get_id (framework), ==, "acme-backend");
  g_assert_cmpstr (ladder_framework_get_organisation (framework), ==, "Acme");
  g_assert_cmpuint (g_strv_length ((char **) ladder_framework_get_sublevels (framework)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_levels (framework)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_categories (framework)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_cells (framework)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_behaviours (framework)), ==, 7);
  category = ladder_framework_find_category (framework, "mastery");
  g_assert_cmpstr (ladder_category_get_emoji (category), ==, "🛠️");
  behaviour = ladder_framework_find_behaviour (framework, "1-impact-1");
  g_assert_cmpstr (ladder_behaviour_get_examples (behaviour)[1], ==, "Fixed a flaky test");

  /* The fixture is in the written form: the bytes come back unchanged,
   * with the unknown members of the top, a level, a category, a cell and a
   * behaviour where they were. */
  written = ladder_format_write_framework (framework, &written_length);
  g_assert_cmpuint (written_length, ==, strlen (written));
  g_assert_cmpstr (written, ==, fixture);
  g_assert_nonnull (strstr (written, "\"x-band\" : \"P2\""));
  g_assert_nonnull (strstr (written, "\"x-colour\" : \"#3584e4\""));
  g_assert_nonnull (strstr (written, "\"x-weight\" : 2"));
  g_assert_nonnull (strstr (written, "\"nested\""));
  g_assert_nonnull (strstr (written, "\"x-generator\""));

  again = ladder_format_read_framework (written, written_length, "written", &error);
  g_assert_no_error (error);
  rewritten = ladder_format_write_framework (again, &rewritten_length);
  g_assert_cmpuint (rewritten_length, ==, written_length);
  g_assert_cmpstr (rewritten, ==, written);

  g_assert_finalize_object (g_steal_pointer (&framework));
  g_assert_finalize_object (g_steal_pointer (&again));
}

/* Before each side had a note of its own, a rating had one, "note": it
 * was why the behaviour did not apply. It is read onto the side that says
 * so, else the engineer's, and written back as that side's. */
static void
test_profile_legacy_note (void)
{
  g_autofree char *fixture = NULL;
  gsize length;
  struct {
    const char *from;
    const char *to;
    LadderRater side;
  } cases[] = {
    /* Self not applicable: the self side's. */
    { "\"self_note\" : \"No features this quarter.\"", "\"note\" : \"No features this quarter.\"",
      LADDER_RATER_SELF },
    /* Only the manager says not applicable: the manager's. */
    { "\"self\" : \"not-applicable\",\n      \"self_updated\" : \"2026-11-02T10:05:00-05:00\",\n"
      "      \"self_note\" : \"No features this quarter.\"",
      "\"manager\" : \"not-applicable\",\n      \"manager_updated\" : \"2026-11-02T10:05:00-05:00\",\n"
      "      \"note\" : \"No features this quarter.\"",
      LADDER_RATER_MANAGER },
  };

  fixture = core_read_fixture ("profile.json", &length);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new (fixture);
      g_autoptr(LadderProfile) profile = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *written = NULL;
      g_autofree char *expected_member = NULL;
      LadderRating *rating;
      gsize written_length;

      g_assert_cmpuint (g_string_replace (text, cases[i].from, cases[i].to, 1), ==, 1);
      profile = ladder_format_read_profile (text->str, text->len, "old.json", &error);
      g_assert_no_error (error);
      rating = ladder_profile_get_rating (profile, "2-impact-1");
      g_assert_cmpstr (ladder_rating_get_note (rating, cases[i].side), ==, "No features this quarter.");
      g_assert_null (ladder_rating_get_note (rating, cases[i].side == LADDER_RATER_SELF
                                                      ? LADDER_RATER_MANAGER : LADDER_RATER_SELF));

      written = ladder_format_write_profile (profile, &written_length);
      expected_member = g_strdup_printf ("\"%s_note\" : \"No features this quarter.\"",
                                         cases[i].side == LADDER_RATER_SELF ? "self" : "manager");
      g_assert_nonnull (strstr (written, expected_member));
      g_assert_null (strstr (written, "\"note\" :"));
    }
}

static void
test_profile_round_trip (void)
{
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderProfile) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  gsize fixture_length, written_length, rewritten_length;

  fixture = core_read_fixture ("profile.json", &fixture_length);

  profile = ladder_format_read_profile (fixture, fixture_length, "profile.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (profile);
  g_assert_false (ladder_profile_get_read_only (profile));

  written = ladder_format_write_profile (profile, &written_length);
  g_assert_cmpstr (written, ==, fixture);
  g_assert_cmpuint (written_length, ==, fixture_length);
  g_assert_true (g_str_has_suffix (written, "}\n"));

  /* Unknown members at every depth. */
  g_assert_nonnull (strstr (written, "\"x-sync\""));
  g_assert_nonnull (strstr (written, "\"x-generator\""));
  g_assert_nonnull (strstr (written, "\"x-confidence\" : 0.75"));
  g_assert_nonnull (strstr (written, "\"x-source\""));
  g_assert_nonnull (strstr (written, "\"x-room\" : \"Blue\""));
  g_assert_nonnull (strstr (written, "\"x-priority\" : \"high\""));
  g_assert_nonnull (strstr (written, "\"x-comment\" : \"discussed\""));

  again = ladder_format_read_profile (written, written_length, "written", &error);
  g_assert_no_error (error);
  rewritten = ladder_format_write_profile (again, &rewritten_length);
  g_assert_cmpstr (rewritten, ==, written);
  g_assert_cmpuint (rewritten_length, ==, written_length);

  g_assert_finalize_object (g_steal_pointer (&again));
  g_assert_finalize_object (g_steal_pointer (&profile));
}

/* Promotions: written after the check-ins, only when there is one, and
 * read back to the same bytes, unknown members and tombstones included. */
static void
test_profile_promotions (void)
{
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderProfile) again = NULL;
  g_autoptr(LadderPromotion) promotion = NULL;
  g_autoptr(LadderPromotion) correction = NULL;
  g_autoptr(GDateTime) modified = g_date_time_new_utc (2026, 10, 2, 9, 30, 0);
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_OCTOBER, 2026);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) extra = json_object_new ();
  g_autofree char *fixture = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  LadderPromotion *found;
  const char *checkins, *promotions;
  gsize length, written_length, rewritten_length;

  fixture = core_read_fixture ("profile.json", &length);
  profile = ladder_format_read_profile (fixture, length, "profile.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_promotions (profile)), ==, 0);
  g_assert_null (strstr (fixture, "\"promotions\""));

  promotion = ladder_promotion_new ("9c7f0d55-1111-4a55-9d7e-2f6f0c9a1b11", date, "2", "3");
  ladder_promotion_set_modified (promotion, modified);
  json_object_set_string_member (extra, "x-reason", "annual review");
  _ladder_json_set_extra (promotion, extra);
  ladder_profile_add_promotion (profile, promotion);
  correction = ladder_promotion_new ("0d2c", date, "3", "2");
  ladder_profile_add_promotion (profile, correction);
  ladder_profile_remove_promotion (profile, correction);

  written = ladder_format_write_profile (profile, &written_length);
  checkins = strstr (written, "\"checkins\" : [");
  promotions = strstr (written, "\"promotions\" : [");
  g_assert_nonnull (checkins);
  g_assert_nonnull (promotions);
  g_assert_true (promotions > checkins);
  g_assert_nonnull (strstr (written,
                            "  \"promotions\" : [\n"
                            "    {\n"
                            "      \"id\" : \"9c7f0d55-1111-4a55-9d7e-2f6f0c9a1b11\",\n"
                            "      \"date\" : \"2026-10-01\",\n"
                            "      \"from\" : \"2\",\n"
                            "      \"to\" : \"3\",\n"
                            "      \"modified\" : \"2026-10-02T09:30:00+00:00\",\n"
                            "      \"x-reason\" : \"annual review\"\n"
                            "    },\n"
                            "    {\n"
                            "      \"id\" : \"0d2c\",\n"
                            "      \"deleted\" : true,\n"));

  again = ladder_format_read_profile (written, written_length, "written", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_promotions (again)), ==, 1);
  found = ladder_profile_find_promotion (again, "9c7f0d55-1111-4a55-9d7e-2f6f0c9a1b11");
  g_assert_nonnull (found);
  g_assert_cmpint (g_date_compare (ladder_promotion_get_date (found), date), ==, 0);
  g_assert_cmpstr (ladder_promotion_get_from (found), ==, "2");
  g_assert_cmpstr (ladder_promotion_get_to (found), ==, "3");
  g_assert_true (ladder_promotion_is_promotion (found, ladder_profile_get_framework (again)));
  g_assert_true (g_hash_table_contains (ladder_profile_get_tombstones (again, "promotion"), "0d2c"));

  rewritten = ladder_format_write_profile (again, &rewritten_length);
  g_assert_cmpstr (rewritten, ==, written);
  g_assert_cmpuint (rewritten_length, ==, written_length);

  g_assert_finalize_object (g_steal_pointer (&again));
  g_clear_object (&promotion);
  g_clear_object (&correction);
  g_assert_finalize_object (g_steal_pointer (&profile));
}

static void
test_profile_contents (void)
{
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderCheckin) checkin = NULL;
  g_autoptr(LadderEvidence) evidence = NULL;
  g_autoptr(LadderAction) action = NULL;
  g_autofree char *fixture = NULL;
  g_autofree char *updated = NULL;
  LadderRating *rating;
  GHashTable *tombstones;
  GDateTime *stamp;
  gsize length;

  fixture = core_read_fixture ("profile.json", &length);
  profile = ladder_format_read_profile (fixture, length, "profile.json", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (ladder_profile_get_id (profile), ==, "0b6f1f8e-3c1a-4a55-9d7e-2f6f0c9a1b11");
  g_assert_cmpstr (ladder_profile_get_name (profile), ==, "Alex Doe");
  g_assert_cmpstr (ladder_profile_get_role (profile), ==, "Backend Engineer");
  /* Changed once since it was first set; the name never was. */
  g_assert_nonnull (ladder_profile_get_detail_updated (profile, LADDER_PROFILE_ROLE));
  g_assert_cmpint (g_date_time_get_day_of_month (ladder_profile_get_detail_updated (profile, LADDER_PROFILE_ROLE)), ==, 1);
  g_assert_null (ladder_profile_get_detail_updated (profile, LADDER_PROFILE_NAME));
  g_assert_cmpint (ladder_profile_get_owner (profile), ==, LADDER_RATER_SELF);
  g_assert_cmpstr (ladder_profile_get_current_level (profile), ==, "2");
  g_assert_cmpstr (ladder_profile_get_target_level (profile), ==, "3");
  g_assert_cmpstr (ladder_framework_get_id (ladder_profile_get_framework (profile)),
                   ==, "acme-backend");

  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_ratings (profile)), ==, 4);
  rating = ladder_profile_get_rating (profile, "2-mastery-1");
  g_assert_nonnull (rating);
  g_assert_cmpint (ladder_rating_get_value (rating, LADDER_RATER_SELF),
                   ==, LADDER_RATING_SOMETIMES);
  g_assert_cmpint (ladder_rating_get_value (rating, LADDER_RATER_MANAGER),
                   ==, LADDER_RATING_NOT_YET);
  /* A note from before each side had its own: neither side says "not
   * applicable", so the engineer's. */
  g_assert_cmpstr (ladder_rating_get_note (rating, LADDER_RATER_SELF), ==, "Wants more review practice.");
  g_assert_null (ladder_rating_get_note (rating, LADDER_RATER_MANAGER));
  stamp = ladder_rating_get_updated (rating, LADDER_RATER_MANAGER);
  g_assert_cmpint (g_date_time_get_microsecond (stamp), ==, 250000);
  rating = ladder_profile_get_rating (profile, "1-mastery-1");
  updated = g_date_time_format_iso8601 (ladder_rating_get_updated (rating, LADDER_RATER_MANAGER));
  g_assert_cmpstr (updated, ==, "2026-10-08T14:30:00+02");
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "2-impact-1", LADDER_RATER_SELF),
                   ==, LADDER_RATING_NOT_APPLICABLE);
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "3-impact-1", LADDER_RATER_SELF),
                   ==, LADDER_RATING_UNRATED);
  /* Cleared: no value, and the time it was cleared, for merges. */
  rating = ladder_profile_get_rating (profile, "3-impact-1");
  g_clear_pointer (&updated, g_free);
  updated = g_date_time_format_iso8601 (ladder_rating_get_updated (rating, LADDER_RATER_SELF));
  g_assert_cmpstr (updated, ==, "2026-11-10T08:00:00Z");
  /* Never rated: no time either. */
  rating = ladder_profile_get_rating (profile, "2-impact-1");
  g_assert_null (ladder_rating_get_updated (rating, LADDER_RATER_MANAGER));

  /* Live evidence only; the tombstone is kept apart. */
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, 2);
  evidence = g_list_model_get_item (ladder_profile_get_evidence (profile), 0);
  g_assert_cmpstr (ladder_evidence_get_title (evidence),
                   ==, "Led the incident review for the payments outage");
  g_assert_cmpuint (g_date_get_day (ladder_evidence_get_date (evidence)), ==, 2);
  g_assert_cmpuint (g_date_get_month (ladder_evidence_get_date (evidence)), ==, 10);
  g_assert_cmpstr (ladder_evidence_get_behaviours (evidence)[1], ==, "2-mastery-1");
  g_assert_cmpstr (ladder_evidence_get_tags (evidence)[0], ==, "incident");
  g_assert_cmpstr (ladder_evidence_get_links (evidence)[0],
                   ==, "https://status.example.com/incidents/42");
  g_assert_cmpint (g_date_time_get_hour (ladder_evidence_get_modified (evidence)), ==, 9);
  g_assert_cmpuint (ladder_profile_count_evidence_for (profile, "2-mastery-1"), ==, 1);

  tombstones = ladder_profile_get_tombstones (profile, "evidence");
  g_assert_cmpuint (g_hash_table_size (tombstones), ==, 1);
  g_assert_true (g_hash_table_contains (tombstones, "9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c03"));
  tombstones = ladder_profile_get_tombstones (profile, "checkin");
  g_assert_cmpuint (g_hash_table_size (tombstones), ==, 1);

  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_checkins (profile)), ==, 1);
  checkin = g_list_model_get_item (ladder_profile_get_checkins (profile), 0);
  g_assert_cmpstr (ladder_checkin_get_notes (checkin), ==, "Good quarter. Focus on design next.");
  g_assert_cmpint (ladder_checkin_get_snapshot (checkin, "2-mastery-1", LADDER_RATER_MANAGER),
                   ==, LADDER_RATING_NOT_YET);
  g_assert_cmpint (g_date_time_get_hour (ladder_checkin_get_modified (checkin)), ==, 16);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_checkin_get_actions (checkin)), ==, 2);
  g_assert_cmpuint (g_hash_table_size (ladder_checkin_get_action_tombstones (checkin)), ==, 1);
  action = g_list_model_get_item (ladder_checkin_get_actions (checkin), 1);
  g_assert_cmpstr (ladder_action_get_text (action), ==, "Find a design mentor");
  g_assert_cmpint (ladder_action_get_owner (action), ==, LADDER_RATER_MANAGER);
  g_assert_true (ladder_action_get_done (action));
  g_assert_null (ladder_action_get_due (action));

  g_clear_object (&evidence);
  g_clear_object (&action);
  g_clear_object (&checkin);
  g_assert_finalize_object (g_steal_pointer (&profile));
}

/* A framework built in code, with nothing optional set, comes back the
 * same. */
static void
test_framework_from_code (void)
{
  g_autoptr(LadderFramework) framework = ladder_framework_new ("tiny", "Tiny");
  g_autoptr(LadderFramework) again = NULL;
  g_autoptr(LadderLevel) level = ladder_level_new ("1", "One", NULL);
  g_autoptr(LadderCategory) category = ladder_category_new ("c", "Craft", NULL, NULL);
  g_autoptr(LadderBehaviour) behaviour = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize length;

  behaviour = ladder_behaviour_new ("b", "1", "c", NULL, "Does it \"well\"\n\ttoo.");
  g_assert_true (ladder_framework_add_level (framework, level));
  g_assert_true (ladder_framework_add_category (framework, category));
  g_assert_true (ladder_framework_add_behaviour (framework, behaviour));

  first = ladder_format_write_framework (framework, &length);
  g_assert_null (strstr (first, "sublevels"));
  g_assert_null (strstr (first, "cells"));
  g_assert_null (strstr (first, "organisation"));

  again = ladder_format_read_framework (first, length, "tiny.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ladder_behaviour_get_text (ladder_framework_find_behaviour (again, "b")),
                   ==, "Does it \"well\"\n\ttoo.");
  g_assert_null (ladder_category_get_emoji (ladder_framework_find_category (again, "c")));

  second = ladder_format_write_framework (again, NULL);
  g_assert_cmpstr (second, ==, first);
}

static void
test_read_any (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) framework = NULL;
  g_autoptr(GObject) profile = NULL;
  g_autofree char *framework_data = NULL;
  g_autofree char *profile_data = NULL;
  gsize framework_length, profile_length;

  framework_data = core_read_fixture ("framework.json", &framework_length);
  profile_data = core_read_fixture ("profile.json", &profile_length);

  framework = ladder_format_read (framework_data, framework_length, "framework.json", &error);
  g_assert_no_error (error);
  g_assert_true (LADDER_IS_FRAMEWORK (framework));

  profile = ladder_format_read (profile_data, profile_length, "profile.json", &error);
  g_assert_no_error (error);
  g_assert_true (LADDER_IS_PROFILE (profile));

  /* Each reader refuses the other kind. */
  g_assert_null (ladder_format_read_framework (profile_data, profile_length, "profile.json",
                                               &error));
  g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_UNKNOWN_FORMAT);
  g_assert_true (g_str_has_prefix (error->message, "profile.json:2:"));
  g_clear_error (&error);

  g_assert_null (ladder_format_read_profile (framework_data, framework_length, "framework.json",
                                             &error));
  g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_UNKNOWN_FORMAT);
  g_clear_error (&error);
}

/* The data need not end in a NUL: only @length bytes are read. */
static void
test_not_nul_terminated (void)
{
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = NULL;
  g_autofree char *buffer = NULL;
  gsize length;

  fixture = core_read_fixture ("framework.json", &length);
  buffer = g_malloc (length + 16);
  memcpy (buffer, fixture, length);
  memcpy (buffer + length, "garbage{[\"\xff\xfe", 13);

  framework = ladder_format_read_framework (buffer, length, "framework.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (framework);
}

static void
test_bom (void)
{
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = NULL;
  g_autofree char *with_bom = NULL;
  g_autofree char *written = NULL;
  gsize length;

  fixture = core_read_fixture ("framework.json", &length);
  with_bom = g_strconcat ("\xEF\xBB\xBF", fixture, NULL);

  framework = ladder_format_read_framework (with_bom, length + 3, "bom.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (framework);

  /* Written without one. */
  written = ladder_format_write_framework (framework, NULL);
  g_assert_cmpstr (written, ==, fixture);
}

static void
test_newer_version (void)
{
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = NULL;
  g_autofree char *step = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *written = NULL;
  gsize length;

  fixture = core_read_fixture ("profile.json", &length);
  step = core_replace_once (fixture, "\"version\" : 1,", "\"version\" : 2,");
  newer = core_replace_once (step, "\"x-sync\"", "\"x-from-the-future\"");

  profile = ladder_format_read_profile (newer, strlen (newer), "newer.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (profile);
  g_assert_true (ladder_profile_get_read_only (profile));
  g_assert_cmpstr (ladder_profile_get_name (profile), ==, "Alex Doe");

  /* Nothing of it is lost, not even the version. */
  written = ladder_format_write_profile (profile, NULL);
  g_assert_cmpstr (written, ==, newer);
}

/* A newer Ladder may use words this one does not know: its file still
 * opens (read-only, the word read as no rating) and is written back with
 * the word; in a file of this version the same word is an error. */
static void
test_newer_version_words (void)
{
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderProfile) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = NULL;
  g_autofree char *future_words = NULL;
  g_autofree char *step = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *written = NULL;
  gsize length;

  fixture = core_read_fixture ("profile.json", &length);
  step = core_replace_once (fixture, "\"self\" : \"sometimes\"", "\"self\" : \"exceeds\"");
  future_words = core_replace_once (step, "\"owner\" : \"self\"", "\"owner\" : \"peer\"");
  newer = core_replace_once (future_words, "\"version\" : 1,", "\"version\" : 2,");

  profile = ladder_format_read_profile (newer, strlen (newer), "newer.json", &error);
  g_assert_no_error (error);
  g_assert_true (ladder_profile_get_read_only (profile));
  written = ladder_format_write_profile (profile, NULL);
  g_assert_cmpstr (written, ==, newer);

  refused = ladder_format_read_profile (future_words, strlen (future_words), "v1.json", &error);
  g_assert_null (refused);
  g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "v1.json:8:"));
}

/* The readiness rule {{{1 */

#define READINESS_FRAMEWORK(readiness) \
  "{\n" \
  "  \"format\": \"ladder-framework\",\n" \
  "  \"version\": 1,\n" \
  "  \"id\": \"f\",\n" \
  "  \"name\": \"F\",\n" \
  readiness \
  "  \"levels\": [{ \"id\": \"1\", \"name\": \"One\" }],\n" \
  "  \"categories\": [{ \"id\": \"c\", \"name\": \"Craft\" }],\n" \
  "  \"behaviours\": []\n" \
  "}\n"

static LadderFramework *
read_framework_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  LadderFramework *framework;

  framework = ladder_format_read_framework (text, strlen (text), "readiness.json", &error);
  g_assert_no_error (error);

  return framework;
}

static void
test_readiness_round_trip (void)
{
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(LadderFramework) again = NULL;
  g_autoptr(LadderFramework) plain = NULL;
  g_autoptr(LadderFramework) copy = NULL;
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderProfile) profile_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  g_autofree char *plain_written = NULL;
  g_autofree char *profile_written = NULL;

  framework = read_framework_text (READINESS_FRAMEWORK ("  \"readiness\": { \"rule\": \"next-share\", "
                                                        "\"percent\": 70, \"x-note\": \"kept\" },\n"));
  g_assert_cmpint (ladder_framework_get_readiness_rule (framework), ==, LADDER_READINESS_NEXT_SHARE);
  g_assert_cmpuint (ladder_framework_get_readiness_percent (framework), ==, 70);

  /* Written after the sub-levels, its unknown member kept. */
  written = ladder_format_write_framework (framework, NULL);
  g_assert_nonnull (strstr (written, "  \"readiness\" : {\n"
                                     "    \"rule\" : \"next-share\",\n"
                                     "    \"percent\" : 70,\n"
                                     "    \"x-note\" : \"kept\"\n"
                                     "  },\n"));
  again = read_framework_text (written);
  g_assert_cmpint (ladder_framework_get_readiness_rule (again), ==, LADDER_READINESS_NEXT_SHARE);
  g_assert_cmpuint (ladder_framework_get_readiness_percent (again), ==, 70);
  rewritten = ladder_format_write_framework (again, NULL);
  g_assert_cmpstr (rewritten, ==, written);

  /* A copy, and a profile that embeds it, keep the rule. */
  copy = ladder_format_copy_framework (framework);
  g_assert_true (copy != framework);
  g_assert_cmpint (ladder_framework_get_readiness_rule (copy), ==, LADDER_READINESS_NEXT_SHARE);
  ladder_framework_set_readiness (copy, LADDER_READINESS_CURRENT_ALL, 70);
  g_assert_cmpint (ladder_framework_get_readiness_rule (framework), ==, LADDER_READINESS_NEXT_SHARE);
  profile = ladder_profile_new ("p", copy);
  profile_written = ladder_format_write_profile (profile, NULL);
  g_assert_nonnull (strstr (profile_written, "\"rule\" : \"current-all\""));
  /* No percent for a rule that has none. */
  g_assert_null (strstr (profile_written, "\"percent\""));
  profile_again = ladder_format_read_profile (profile_written, strlen (profile_written), "p.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ladder_framework_get_readiness_rule (ladder_profile_get_framework (profile_again)), ==,
                   LADDER_READINESS_CURRENT_ALL);

  /* Without the member: the default, and nothing written. */
  plain = read_framework_text (READINESS_FRAMEWORK (""));
  g_assert_cmpint (ladder_framework_get_readiness_rule (plain), ==, LADDER_READINESS_CURRENT_SHARE);
  g_assert_cmpuint (ladder_framework_get_readiness_percent (plain), ==, LADDER_READINESS_DEFAULT_PERCENT);
  plain_written = ladder_format_write_framework (plain, NULL);
  g_assert_null (strstr (plain_written, "readiness"));
}

/* The evidence is read entry by entry: each element is found by matching
 * brackets, so strings that hold them, and members of other objects named
 * "evidence", must not mislead it. */
static void
test_profile_evidence_by_entry (void)
{
  static const char data[] =
    "{\n"
    "  \"format\": \"ladder-profile\",\n"
    "  \"version\": 1,\n"
    "  \"id\": \"p\",\n"
    "  \"x-before\": { \"evidence\": [\"not\", \"these\"], \"s\": \"]}\\\"[{\" },\n"
    "  \"framework\": { \"format\": \"ladder-framework\", \"version\": 1, "
    "\"id\": \"f\", \"name\": \"F\", "
    "\"levels\": [{ \"id\": \"1\", \"name\": \"One\" }], "
    "\"categories\": [{ \"id\": \"c\", \"name\": \"Craft\" }], "
    "\"behaviours\": [{ \"id\": \"b\", \"level\": \"1\", \"category\": \"c\", "
    "\"text\": \"Does it.\" }] },\n"
    "  \"evidence\" :\n  [\n"
    "    { \"id\": \"e1\", \"date\": \"2026-10-02\", \"title\": \"a ] b } c\", "
    "\"behaviours\": [\"b\"], \"x-more\": { \"evidence\": [[], {}] } },\n"
    "    {\"id\":\"e2\",\"date\":\"2026-10-03\",\"title\":\"quote \\\" and \\\\\"},"
    "{ \"id\": \"gone\", \"deleted\": true, \"modified\": \"2026-10-04T10:00:00Z\" },\n"
    "    { \"id\": \"e3\", \"date\": \"2026-10-05\", \"body\": \"{[\\\\]}\", "
    "\"tags\": [\"x\"] }\n"
    "  ],\n"
    "  \"x-after\": \"evidence\"\n"
    "}\n";
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderProfile) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  GListModel *evidence;
  LadderEvidence *entry;
  gsize length;

  profile = ladder_format_read_profile (data, strlen (data), "by-entry.json", &error);
  g_assert_no_error (error);

  evidence = ladder_profile_get_evidence (profile);
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 3);
  g_assert_nonnull (g_hash_table_lookup (ladder_profile_get_tombstones (profile, "evidence"), "gone"));

  entry = g_list_model_get_item (evidence, 0);
  g_assert_cmpstr (ladder_evidence_get_id (entry), ==, "e1");
  g_assert_cmpstr (ladder_evidence_get_title (entry), ==, "a ] b } c");
  g_assert_cmpstr (ladder_evidence_get_behaviours (entry)[0], ==, "b");
  g_object_unref (entry);
  entry = g_list_model_get_item (evidence, 1);
  g_assert_cmpstr (ladder_evidence_get_title (entry), ==, "quote \" and \\");
  g_object_unref (entry);
  entry = g_list_model_get_item (evidence, 2);
  g_assert_cmpstr (ladder_evidence_get_body (entry), ==, "{[\\]}");
  g_assert_cmpstr (ladder_evidence_get_tags (entry)[0], ==, "x");
  g_object_unref (entry);

  /* What Ladder does not know is kept, before and after the evidence. */
  written = ladder_format_write_profile (profile, &length);
  g_assert_nonnull (strstr (written, "\"x-before\""));
  g_assert_nonnull (strstr (written, "\"x-after\""));
  g_assert_nonnull (strstr (written, "\"x-more\""));
  again = ladder_format_read_profile (written, length, "again.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (again)), ==, 3);
  rewritten = ladder_format_write_profile (again, NULL);
  g_assert_cmpstr (rewritten, ==, written);
}

/* Errors and their positions {{{1 */

typedef enum
{
  KIND_FRAMEWORK,
  KIND_PROFILE,
  KIND_ANY,
} Kind;

typedef struct
{
  const char *path;
  Kind        kind;
  const char *data;
  gssize      length;  /* -1: up to the NUL */
  int         code;
  guint       line;
  guint       column;
} ErrorCase;

#define FRAMEWORK_HEAD \
  "{\n" \
  "  \"format\": \"ladder-framework\",\n" \
  "  \"version\": 1,\n" \
  "  \"id\": \"f\",\n" \
  "  \"name\": \"F\",\n"

#define LEVELS_AND_CATEGORIES \
  "  \"levels\": [{ \"id\": \"1\", \"name\": \"One\" }, { \"id\": \"2\", \"name\": \"Two\" }],\n" \
  "  \"categories\": [{ \"id\": \"c\", \"name\": \"Craft\" }],\n"

#define PROFILE_HEAD \
  "{\n" \
  "  \"format\": \"ladder-profile\",\n" \
  "  \"version\": 1,\n" \
  "  \"id\": \"p\",\n" \
  "  \"framework\": { \"format\": \"ladder-framework\", \"version\": 1, " \
  "\"id\": \"f\", \"name\": \"F\", " \
  "\"levels\": [{ \"id\": \"1\", \"name\": \"One\" }, { \"id\": \"2\", \"name\": \"Two\" }], " \
  "\"categories\": [{ \"id\": \"c\", \"name\": \"Craft\" }], " \
  "\"behaviours\": [{ \"id\": \"b\", \"level\": \"1\", \"category\": \"c\", " \
  "\"text\": \"Does it.\" }] },\n"

#define GOOD_EVIDENCE_FIELDS "\"date\": \"2026-10-02\", \"title\": \"T\""

static const ErrorCase error_cases[] = {
  /* Syntax */
  { "syntax/missing-comma", KIND_FRAMEWORK,
    "{\n  \"format\": \"ladder-framework\"\n  \"version\": 1\n}\n", -1,
    LADDER_FORMAT_ERROR_PARSE, 2, 31 },
  { "syntax/trailing-comma", KIND_FRAMEWORK,
    "{\n  \"format\": \"ladder-framework\",\n}\n", -1,
    LADDER_FORMAT_ERROR_PARSE, 2, 31 },
  { "syntax/unclosed-array", KIND_FRAMEWORK,
    "{\n  \"format\": \"ladder-framework\",\n  \"version\": 1,\n  \"levels\": [\n}\n", -1,
    LADDER_FORMAT_ERROR_PARSE, 5, 1 },
  { "syntax/bad-value", KIND_FRAMEWORK,
    "{\n  \"format\": \"ladder-framework\",\n  \"version\": nope\n}\n", -1,
    LADDER_FORMAT_ERROR_PARSE, 3, 14 },
  { "syntax/comment", KIND_FRAMEWORK,
    "{\n  // no comments in JSON\n  \"format\": \"ladder-framework\"\n}\n", -1,
    LADDER_FORMAT_ERROR_PARSE, 2, 3 },
  { "syntax/empty", KIND_ANY, "", -1, LADDER_FORMAT_ERROR_PARSE, 1, 1 },
  { "syntax/blank", KIND_ANY, "  \n\n", -1, LADDER_FORMAT_ERROR_PARSE, 1, 1 },
  { "syntax/two-values", KIND_ANY, "{}\n{}\n", -1, LADDER_FORMAT_ERROR_PARSE, 2, 1 },

  /* Encoding */
  { "utf8/truncated-sequence", KIND_FRAMEWORK,
    "{\n  \"format\": \"ladder-framework\",\n  \"name\": \"Caf\xC3\"\n}\n", -1,
    LADDER_FORMAT_ERROR_PARSE, 3, 15 },
  { "utf8/latin1", KIND_FRAMEWORK,
    "{ \"name\": \"Ni\xF1o\" }", -1,
    LADDER_FORMAT_ERROR_PARSE, 1, 14 },
  { "utf8/nul", KIND_FRAMEWORK,
    "{ \"name\":\0 }", 12,
    LADDER_FORMAT_ERROR_PARSE, 1, 10 },

  /* What the file is */
  { "format/unknown", KIND_ANY,
    "{ \"format\": \"spreadsheet\", \"version\": 1 }\n", -1,
    LADDER_FORMAT_ERROR_UNKNOWN_FORMAT, 1, 13 },
  { "format/unknown-bom", KIND_ANY,
    "\xEF\xBB\xBF{ \"format\": \"spreadsheet\", \"version\": 1 }\n", -1,
    LADDER_FORMAT_ERROR_UNKNOWN_FORMAT, 1, 13 },
  { "format/missing", KIND_ANY,
    "\n  {\n  \"version\": 1\n}\n", -1,
    LADDER_FORMAT_ERROR_UNKNOWN_FORMAT, 2, 3 },
  { "format/not-an-object", KIND_ANY, "[1, 2]", -1,
    LADDER_FORMAT_ERROR_UNKNOWN_FORMAT, 1, 1 },
  { "format/not-a-string", KIND_ANY,
    "{\n  \"name\": \"Café\", \"format\": 5\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 2, 19 },
  { "format/embedded-framework", KIND_PROFILE,
    "{\n  \"format\": \"ladder-profile\",\n  \"version\": 1,\n  \"id\": \"p\",\n"
    "  \"framework\": { \"format\": \"other\" }\n}\n", -1,
    LADDER_FORMAT_ERROR_UNKNOWN_FORMAT, 5, 28 },

  /* Versions */
  { "version/string", KIND_FRAMEWORK,
    "{\n  \"format\": \"ladder-framework\",\n  \"version\": \"1\"\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 3, 14 },
  { "version/fraction", KIND_FRAMEWORK,
    "{\n  \"format\": \"ladder-framework\",\n  \"version\": 1.5\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 3, 14 },
  { "version/zero", KIND_FRAMEWORK,
    "{\n  \"format\": \"ladder-framework\",\n  \"version\":   0\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 3, 16 },
  { "version/missing", KIND_FRAMEWORK,
    "{\n  \"format\": \"ladder-framework\"\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 1, 1 },

  /* Framework members */
  { "framework/name-type", KIND_FRAMEWORK,
    "{\n"
    "  \"format\": \"ladder-framework\",\n"
    "  \"version\": 1,\n"
    "  \"id\": \"f\",\n"
    "  \"name\": 5\n"
    "}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 5, 3 },
  { "framework/id-empty", KIND_FRAMEWORK,
    "{\n"
    "  \"format\": \"ladder-framework\",\n"
    "  \"version\": 1,\n"
    "  \"id\": \"\",\n"
    "  \"name\": \"F\"\n"
    "}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 4, 9 },
  { "framework/levels-type", KIND_FRAMEWORK,
    FRAMEWORK_HEAD "  \"levels\": {}\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 6, 3 },
  { "framework/level-missing-id", KIND_FRAMEWORK,
    FRAMEWORK_HEAD "  \"levels\": [\n"
    "    { \"id\": \"1\", \"name\": \"One\" },\n"
    "    { \"name\": \"Two\" }\n"
    "  ]\n"
    "}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 8, 5 },
  { "framework/level-not-object", KIND_FRAMEWORK,
    FRAMEWORK_HEAD "  \"levels\": [ \"1\" ]\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 6, 15 },
  { "framework/level-duplicate", KIND_FRAMEWORK,
    FRAMEWORK_HEAD "  \"levels\": [\n"
    "    { \"id\": \"1\", \"name\": \"One\" },\n"
    "    { \"id\": \"1\", \"name\": \"Again\" }\n"
    "  ]\n"
    "}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 8, 13 },
  { "framework/sublevels-type", KIND_FRAMEWORK,
    FRAMEWORK_HEAD "  \"sublevels\": [\"A\", 2]\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 6, 22 },
  { "framework/readiness-rule", KIND_FRAMEWORK,
    FRAMEWORK_HEAD "  \"readiness\": { \"rule\": \"most\" }\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 6, 26 },
  { "framework/readiness-rule-type", KIND_FRAMEWORK,
    FRAMEWORK_HEAD "  \"readiness\": { \"rule\": 1 }\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 6, 18 },
  { "framework/readiness-percent-above-100", KIND_FRAMEWORK,
    FRAMEWORK_HEAD "  \"readiness\": { \"rule\": \"current-share\", \"percent\": 101 }\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 6, 54 },
  { "framework/readiness-percent-zero", KIND_FRAMEWORK,
    FRAMEWORK_HEAD "  \"readiness\": { \"rule\": \"current-share\", \"percent\": 0 }\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 6, 54 },
  { "framework/readiness-percent-fraction", KIND_FRAMEWORK,
    FRAMEWORK_HEAD "  \"readiness\": { \"rule\": \"current-share\", \"percent\": 0.8 }\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 6, 54 },
  { "framework/readiness-no-rule", KIND_FRAMEWORK,
    FRAMEWORK_HEAD "  \"readiness\": { \"percent\": 50 }\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 6, 16 },
  { "framework/readiness-type", KIND_FRAMEWORK,
    FRAMEWORK_HEAD "  \"readiness\": \"all\"\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 6, 3 },
  { "framework/behaviour-missing-text", KIND_FRAMEWORK,
    FRAMEWORK_HEAD LEVELS_AND_CATEGORIES
    "  \"behaviours\": [\n"
    "    { \"id\": \"b\", \"level\": \"1\", \"category\": \"c\" }\n"
    "  ]\n"
    "}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 9, 5 },
  { "framework/behaviour-dangling-level", KIND_FRAMEWORK,
    FRAMEWORK_HEAD LEVELS_AND_CATEGORIES
    "  \"behaviours\": [\n"
    "    { \"id\": \"b\", \"level\": \"9\", \"category\": \"c\", \"text\": \"T\" }\n"
    "  ]\n"
    "}\n", -1,
    LADDER_FORMAT_ERROR_DANGLING, 9, 27 },
  { "framework/behaviour-dangling-category", KIND_FRAMEWORK,
    FRAMEWORK_HEAD LEVELS_AND_CATEGORIES
    "  \"behaviours\": [\n"
    "    { \"id\": \"b\", \"level\": \"1\", \"category\": \"nope\", \"text\": \"T\" }\n"
    "  ]\n"
    "}\n", -1,
    LADDER_FORMAT_ERROR_DANGLING, 9, 44 },
  { "framework/behaviour-duplicate", KIND_FRAMEWORK,
    FRAMEWORK_HEAD LEVELS_AND_CATEGORIES
    "  \"behaviours\": [\n"
    "    { \"id\": \"b\", \"level\": \"1\", \"category\": \"c\", \"text\": \"T\" },\n"
    "    { \"id\": \"b\", \"level\": \"2\", \"category\": \"c\", \"text\": \"U\" }\n  ]\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 10, 13 },
  { "framework/cell-dangling", KIND_FRAMEWORK,
    FRAMEWORK_HEAD LEVELS_AND_CATEGORIES
    "  \"cells\": [ { \"level\": \"1\", \"category\": \"x\" } ]\n}\n", -1,
    LADDER_FORMAT_ERROR_DANGLING, 8, 42 },
  { "framework/examples-type", KIND_FRAMEWORK,
    FRAMEWORK_HEAD LEVELS_AND_CATEGORIES
    "  \"behaviours\": [\n"
    "    { \"id\": \"b\", \"level\": \"1\", \"category\": \"c\", \"text\": \"T\",\n"
    "      \"examples\": \"one\" }\n  ]\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 10, 7 },

  /* Profile members */
  { "profile/framework-missing", KIND_PROFILE,
    "{\n  \"format\": \"ladder-profile\",\n  \"version\": 1,\n  \"id\": \"p\"\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 1, 1 },
  { "profile/framework-missing-name", KIND_PROFILE,
    "{\n  \"format\": \"ladder-profile\",\n  \"version\": 1,\n  \"id\": \"p\",\n"
    "  \"framework\": { \"id\": \"f\" }\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 5, 3 },
  { "profile/owner", KIND_PROFILE,
    PROFILE_HEAD "  \"owner\": \"boss\"\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 6, 12 },
  { "profile/current-level-dangling", KIND_PROFILE,
    PROFILE_HEAD "  \"current_level\": \"7\"\n}\n", -1,
    LADDER_FORMAT_ERROR_DANGLING, 6, 20 },
  { "profile/rating-dangling", KIND_PROFILE,
    PROFILE_HEAD "  \"ratings\": {\n"
    "    \"nope\": { \"self\": \"sometimes\", \"self_updated\": \"2026-11-02T10:00:00+00:00\" }\n"
    "  }\n"
    "}\n", -1,
    LADDER_FORMAT_ERROR_DANGLING, 7, 5 },
  { "profile/rating-word", KIND_PROFILE,
    PROFILE_HEAD "  \"ratings\": {\n"
    "    \"b\": { \"self\": \"often\", \"self_updated\": \"2026-11-02T10:00:00+00:00\" }\n"
    "  }\n"
    "}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 7, 20 },
  { "profile/rating-without-time", KIND_PROFILE,
    PROFILE_HEAD "  \"ratings\": {\n    \"b\": { \"self\": \"sometimes\" }\n  }\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 7, 12 },
  { "profile/rating-time", KIND_PROFILE,
    PROFILE_HEAD "  \"ratings\": {\n"
    "    \"b\": { \"self\": \"sometimes\", \"self_updated\": \"yesterday\" }\n"
    "  }\n"
    "}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 7, 49 },
  { "profile/evidence-dangling", KIND_PROFILE,
    PROFILE_HEAD "  \"evidence\": [\n    { \"id\": \"e\", " GOOD_EVIDENCE_FIELDS ",\n"
    "      \"behaviours\": [\"b\", \"gone\"] }\n  ]\n}\n", -1,
    LADDER_FORMAT_ERROR_DANGLING, 8, 27 },
  { "profile/evidence-duplicate", KIND_PROFILE,
    PROFILE_HEAD "  \"evidence\": [\n    { \"id\": \"e\", " GOOD_EVIDENCE_FIELDS " },\n"
    "    { \"id\": \"e\", " GOOD_EVIDENCE_FIELDS " }\n  ]\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 8, 13 },
  { "profile/evidence-date", KIND_PROFILE,
    PROFILE_HEAD "  \"evidence\": [\n    { \"id\": \"e\", \"date\": \"2026-02-30\" }\n  ]\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 7, 26 },
  { "profile/evidence-date-missing", KIND_PROFILE,
    PROFILE_HEAD "  \"evidence\": [\n    { \"id\": \"e\", \"title\": \"T\" }\n  ]\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 7, 5 },
  { "profile/evidence-title-type", KIND_PROFILE,
    PROFILE_HEAD "  \"evidence\": [\n    {\n      \"id\": \"e\",\n      \"date\": \"2026-10-02\",\n"
    "      \"title\": true\n    }\n  ]\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 10, 7 },
  { "profile/evidence-time", KIND_PROFILE,
    PROFILE_HEAD "  \"evidence\": [\n"
    "    { \"id\": \"e\", " GOOD_EVIDENCE_FIELDS ", \"created\": \"2026-10-02 10:00\" }\n"
    "  ]\n"
    "}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 7, 65 },
  /* The evidence is read entry by entry: a broken entry, or what lies
   * between two, is still told with its line and column. */
  { "profile/evidence-entry-syntax", KIND_PROFILE,
    PROFILE_HEAD "  \"evidence\": [\n    { \"id\": \"d\", " GOOD_EVIDENCE_FIELDS " },\n"
    "    { \"id\": \"e\" \"date\": \"2026-10-02\" }\n  ]\n}\n", -1,
    LADDER_FORMAT_ERROR_PARSE, 8, 16 },
  { "profile/evidence-between-entries", KIND_PROFILE,
    PROFILE_HEAD "  \"evidence\": [\n    { \"id\": \"d\", " GOOD_EVIDENCE_FIELDS " }\n"
    "    { \"id\": \"e\", " GOOD_EVIDENCE_FIELDS " }\n  ]\n}\n", -1,
    LADDER_FORMAT_ERROR_PARSE, 7, 54 },
  { "profile/evidence-trailing-comma", KIND_PROFILE,
    PROFILE_HEAD "  \"evidence\": [\n    { \"id\": \"d\", " GOOD_EVIDENCE_FIELDS " },\n  ]\n}\n", -1,
    LADDER_FORMAT_ERROR_PARSE, 7, 54 },
  { "profile/evidence-duplicate-member", KIND_PROFILE,
    PROFILE_HEAD "  \"evidence\": [\n    { \"id\": \"d\", " GOOD_EVIDENCE_FIELDS " },\n"
    "    { \"id\": \"e\", " GOOD_EVIDENCE_FIELDS ", \"title\": \"U\" }\n  ]\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 8, 54 },
  { "profile/evidence-third-entry", KIND_PROFILE,
    PROFILE_HEAD "  \"evidence\": [\n    { \"id\": \"c\", " GOOD_EVIDENCE_FIELDS " },\n"
    "    { \"id\": \"d\", " GOOD_EVIDENCE_FIELDS " },\n"
    "    { \"id\": \"e\", \"date\": \"2026-10-02\", \"tags\": [\"a\", 2] }\n  ]\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 9, 54 },
  { "profile/evidence-twice", KIND_PROFILE,
    PROFILE_HEAD "  \"evidence\": [\n    { \"id\": \"d\", " GOOD_EVIDENCE_FIELDS " }\n  ],\n"
    "  \"evidence\": []\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 9, 3 },
  { "profile/tombstone-without-time", KIND_PROFILE,
    PROFILE_HEAD "  \"evidence\": [\n    { \"id\": \"e\", \"deleted\": true }\n  ]\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 7, 5 },
  { "profile/checkin-snapshot-dangling", KIND_PROFILE,
    PROFILE_HEAD "  \"checkins\": [\n    { \"id\": \"k\", \"date\": \"2026-11-09\",\n"
    "      \"snapshot\": { \"b\": { \"self\": \"sometimes\" }, "
    "\"old\": { \"self\": \"sometimes\" } } }\n"
    "  ]\n"
    "}\n", -1,
    LADDER_FORMAT_ERROR_DANGLING, 8, 51 },
  { "profile/action-missing-text", KIND_PROFILE,
    PROFILE_HEAD "  \"checkins\": [\n    { \"id\": \"k\", \"date\": \"2026-11-09\",\n"
    "      \"actions\": [ { \"id\": \"a\", \"done\": false } ] }\n  ]\n}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 8, 20 },
  { "profile/action-done-type", KIND_PROFILE,
    PROFILE_HEAD "  \"checkins\": [\n    { \"id\": \"k\", \"date\": \"2026-11-09\",\n"
    "      \"actions\": [ { \"id\": \"a\", \"text\": \"Do it\", \"done\": \"no\" } ] }\n"
    "  ]\n"
    "}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 8, 50 },
  { "profile/promotion-level-dangling", KIND_PROFILE,
    PROFILE_HEAD "  \"promotions\": [\n"
    "    { \"id\": \"p\", \"date\": \"2026-10-01\", \"from\": \"1\", \"to\": \"9\" }\n"
    "  ]\n"
    "}\n", -1,
    LADDER_FORMAT_ERROR_DANGLING, 7, 59 },
  { "profile/promotion-date", KIND_PROFILE,
    PROFILE_HEAD "  \"promotions\": [\n"
    "    { \"id\": \"p\", \"date\": \"2026-13-01\", \"from\": \"1\", \"to\": \"2\" }\n"
    "  ]\n"
    "}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 7, 26 },
  { "profile/promotion-from-missing", KIND_PROFILE,
    PROFILE_HEAD "  \"promotions\": [\n"
    "    { \"id\": \"p\", \"date\": \"2026-10-01\", \"to\": \"2\" }\n"
    "  ]\n"
    "}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 7, 5 },
  { "profile/promotion-duplicate", KIND_PROFILE,
    PROFILE_HEAD "  \"promotions\": [\n"
    "    { \"id\": \"p\", \"deleted\": true, \"modified\": \"2026-10-01T10:00:00+00:00\" },\n"
    "    { \"id\": \"p\", \"date\": \"2026-10-01\", \"from\": \"1\", \"to\": \"2\" }\n"
    "  ]\n"
    "}\n", -1,
    LADDER_FORMAT_ERROR_INVALID, 8, 13 },
};

static void
test_error_case (gconstpointer data)
{
  const ErrorCase *error_case = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) result = NULL;
  g_autofree char *filename = g_strdup_printf ("cases/%s.json", error_case->path);
  g_autofree char *prefix = NULL;
  gsize length = error_case->length < 0 ? strlen (error_case->data) : (gsize) error_case->length;

  switch (error_case->kind)
    {
    case KIND_FRAMEWORK:
      result = G_OBJECT (ladder_format_read_framework (error_case->data, length, filename, &error));
      break;
    case KIND_PROFILE:
      result = G_OBJECT (ladder_format_read_profile (error_case->data, length, filename, &error));
      break;
    case KIND_ANY:
    default:
      result = ladder_format_read (error_case->data, length, filename, &error);
      break;
    }

  g_assert_null (result);
  g_assert_error (error, LADDER_FORMAT_ERROR, error_case->code);

  prefix = g_strdup_printf ("%s:%u:%u: ", filename, error_case->line, error_case->column);
  if (!g_str_has_prefix (error->message, prefix))
    {
      g_test_fail_printf ("Expected a message starting with “%s”, got “%s”",
                          prefix, error->message);
      return;
    }

  /* One line, and a sentence after the position. */
  g_assert_null (strchr (error->message, '\n'));
  g_assert_cmpuint (strlen (error->message), >, strlen (prefix) + 10);
}

/* Loading files {{{1 */

static void
test_load_profile (void)
{
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "alex.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = NULL;
  gsize length;

  fixture = core_read_fixture ("profile.json", &length);
  g_assert_true (g_file_set_contents (path, fixture, (gssize) length, NULL));

  profile = ladder_format_load_profile (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (ladder_profile_get_file (profile), file));
  g_assert_false (ladder_profile_get_read_only (profile));

  core_remove_tree (dir);
}

static void
test_load_broken_names_file (void)
{
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *prefix = g_strconcat (path, ":3:", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path,
                                      "{\n"
                                      "  \"format\": \"ladder-profile\",\n"
                                      "  \"version\": ,\n"
                                      "}\n", -1, NULL));

  g_assert_null (ladder_format_load_profile (file, NULL, &error));
  g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, prefix));

  core_remove_tree (dir);
}

static void
test_load_directory (void)
{
  g_autofree char *dir = core_make_temp_dir ();
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_false (ladder_format_load_contents (file, &contents, &length, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, dir));
  g_assert_nonnull (strstr (error->message, "is a folder, not a file"));
  g_assert_null (contents);

  core_remove_tree (dir);
}

static void
test_load_special (void)
{
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.json", NULL);
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GFile) pipe = g_file_new_for_path (fifo);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  /* /dev/zero never ends: reading it would never stop. */
  g_assert_false (ladder_format_load_contents (zero, &contents, &length, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "/dev/zero"));
  g_clear_error (&error);

  /* A FIFO with no writer would block the reader for ever. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (ladder_format_load_contents (pipe, &contents, &length, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, fifo));

  core_remove_tree (dir);
}

static void
test_load_too_large (void)
{
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  int fd;

  /* Sparse: no disk space needed. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, LADDER_FORMAT_MAX_SIZE + 1), ==, 0);
  g_assert_true (g_close (fd, NULL));

  g_assert_false (ladder_format_load_contents (file, &contents, &length, NULL, &error));
  g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "64 MB"));
  g_assert_null (contents);
  g_clear_error (&error);

  g_assert_null (ladder_format_load_profile (file, NULL, &error));
  g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_TOO_LARGE);
  g_clear_error (&error);

  /* Exactly the limit is read. */
  fd = g_open (path, O_WRONLY | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, LADDER_FORMAT_MAX_SIZE), ==, 0);
  g_assert_true (g_close (fd, NULL));

  g_assert_true (ladder_format_load_contents (file, &contents, &length, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, LADDER_FORMAT_MAX_SIZE);
  g_clear_pointer (&contents, g_free);

  core_remove_tree (dir);
}

static void
test_load_missing (void)
{
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_null (ladder_format_load_framework (file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));

  core_remove_tree (dir);
}

/* Writing {{{1 */

static void
test_write_deterministic (void)
{
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *embedded;
  gsize length;

  fixture = core_read_fixture ("profile.json", &length);
  profile = ladder_format_read_profile (fixture, length, "profile.json", &error);
  g_assert_no_error (error);

  first = ladder_format_write_profile (profile, NULL);
  second = ladder_format_write_profile (profile, NULL);
  g_assert_cmpstr (first, ==, second);

  /* The node has the framework embedded. */
  node = ladder_format_profile_to_node (profile);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  embedded = json_object_get_object_member (json_node_get_object (node), "framework");
  g_assert_cmpstr (json_object_get_string_member (embedded, "id"), ==, "acme-backend");
}

/* A draft check-in file, as the library keeps one, reads against its
 * profile's framework and is written back byte for byte. */
static void
test_draft_round_trip (void)
{
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderCheckin) checkin = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *written = NULL;
  gsize length, draft_length, written_length;

  fixture = core_read_fixture ("profile.json", &length);
  profile = ladder_format_read_profile (fixture, length, "profile.json", &error);
  g_assert_no_error (error);

  draft = core_read_fixture ("draft.json", &draft_length);
  checkin = ladder_format_read_checkin (draft, draft_length, "draft.json",
                                        ladder_profile_get_id (profile),
                                        ladder_profile_get_framework (profile), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ladder_checkin_get_id (checkin), ==, "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e05");
  g_assert_cmpstr (ladder_checkin_get_notes (checkin), ==, "Good quarter. Focus on design next.");

  written = ladder_format_write_checkin (profile, checkin, &written_length);
  g_assert_cmpstr (written, ==, draft);
  g_assert_cmpuint (written_length, ==, draft_length);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ladder/format/framework/round-trip", test_framework_round_trip);
  g_test_add_func ("/ladder/format/framework/from-code", test_framework_from_code);
  g_test_add_func ("/ladder/format/framework/readiness", test_readiness_round_trip);
  g_test_add_func ("/ladder/format/profile/round-trip", test_profile_round_trip);
  g_test_add_func ("/ladder/format/profile/legacy-note", test_profile_legacy_note);
  g_test_add_func ("/ladder/format/profile/contents", test_profile_contents);
  g_test_add_func ("/ladder/format/profile/promotions", test_profile_promotions);
  g_test_add_func ("/ladder/format/profile/evidence-by-entry", test_profile_evidence_by_entry);
  g_test_add_func ("/ladder/format/profile/newer-version", test_newer_version);
  g_test_add_func ("/ladder/format/profile/newer-version-words", test_newer_version_words);
  g_test_add_func ("/ladder/format/draft/round-trip", test_draft_round_trip);
  g_test_add_func ("/ladder/format/read-any", test_read_any);
  g_test_add_func ("/ladder/format/not-nul-terminated", test_not_nul_terminated);
  g_test_add_func ("/ladder/format/bom", test_bom);

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/ladder/format/error/", error_cases[i].path, NULL);

      g_test_add_data_func (path, &error_cases[i], test_error_case);
    }

  g_test_add_func ("/ladder/format/load/profile", test_load_profile);
  g_test_add_func ("/ladder/format/load/broken", test_load_broken_names_file);
  g_test_add_func ("/ladder/format/load/directory", test_load_directory);
  g_test_add_func ("/ladder/format/load/special", test_load_special);
  g_test_add_func ("/ladder/format/load/too-large", test_load_too_large);
  g_test_add_func ("/ladder/format/load/missing", test_load_missing);
  g_test_add_func ("/ladder/format/write/deterministic", test_write_deterministic);

  return g_test_run ();
}

/* vim:set foldmethod=marker: */
