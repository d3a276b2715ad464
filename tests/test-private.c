/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private items: a check-in's notes and actions that stay with their
 * author. Their place in the file, the shared copy and the PDF that
 * leave them out (looked for in the bytes written and in the PDF's
 * text), the merges that keep them, and `ladder-cli share` and
 * `export-pdf --include-private` run as a user runs them.
 */

#include "config.h"

#include <string.h>

#include "ladder-core.h"
#include "core-helpers.h"

/* Words that appear nowhere else, so that finding one finds the item. */
#define PRIVATE_NOTES   "Quillfeather worries about the reorg"
#define PRIVATE_ACTION  "Ask Marisol about the Zephyrine budget"
#define PUBLIC_NOTES    "Talked about the Ostrander migration"
#define PUBLIC_ACTION   "Write the Halvorsen design doc"
#define ENGINEER_ACTION "Brambleworth offered me a job: tell no one yet"

static const char * const private_texts[] = {
  PRIVATE_NOTES, PRIVATE_ACTION, "Quillfeather", "Zephyrine", NULL
};

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
  g_autoptr(LadderLevel) l2 = ladder_level_new ("2", "Level 2", NULL);
  g_autoptr(LadderCategory) craft = ladder_category_new ("craft", "Craft", NULL, NULL);
  g_autoptr(LadderBehaviour) b1 = ladder_behaviour_new ("1-craft-1", "1", "craft", NULL,
                                                         "Writes tests");
  g_autoptr(LadderBehaviour) b2 = ladder_behaviour_new ("2-craft-1", "2", "craft", NULL,
                                                         "Designs systems");

  g_assert_true (ladder_framework_add_level (framework, l1));
  g_assert_true (ladder_framework_add_level (framework, l2));
  g_assert_true (ladder_framework_add_category (framework, craft));
  g_assert_true (ladder_framework_add_behaviour (framework, b1));
  g_assert_true (ladder_framework_add_behaviour (framework, b2));

  return framework;
}

/* The manager's copy: one check-in whose notes are private, with a
 * private action and a shared one. */
static LadderProfile *
make_manager_copy (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  LadderProfile *profile = ladder_profile_new ("5d0c2c8e-0000-4000-8000-00000000000a", framework);
  g_autoptr(LadderCheckin) checkin = ladder_checkin_new ("c-1");
  g_autoptr(LadderAction) hidden = ladder_action_new ("a-hidden");
  g_autoptr(LadderAction) shared = ladder_action_new ("a-shared");
  g_autoptr(GDate) date = g_date_new_dmy (9, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDateTime) t10 = stamp (10);

  ladder_profile_set_name (profile, "Alex Doe");
  ladder_profile_set_owner (profile, LADDER_RATER_MANAGER);

  ladder_action_set_text (hidden, PRIVATE_ACTION);
  ladder_action_set_owner (hidden, LADDER_RATER_MANAGER);
  ladder_action_set_private (hidden, TRUE);
  ladder_action_set_modified (hidden, t10);
  ladder_action_set_text (shared, PUBLIC_ACTION);
  ladder_action_set_modified (shared, t10);

  ladder_checkin_set_date (checkin, date);
  ladder_checkin_set_notes (checkin, PRIVATE_NOTES);
  ladder_checkin_set_notes_private (checkin, TRUE);
  ladder_checkin_add_action (checkin, hidden);
  ladder_checkin_add_action (checkin, shared);
  ladder_checkin_set_modified (checkin, t10);
  ladder_profile_add_checkin (profile, checkin);

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

static LadderProfile *
shared_copy_of (LadderProfile *profile)
{
  gsize length;
  g_autofree char *data = ladder_format_write_shared_copy (profile, &length);

  return read_profile (data, length);
}

static void
assert_holds_none (const char *bytes,
                   gsize       length,
                   const char *what)
{
  for (guint i = 0; private_texts[i] != NULL; i++)
    if (memmem (bytes, length, private_texts[i], strlen (private_texts[i])) != NULL)
      g_error ("%s holds the private text “%s”", what, private_texts[i]);
}

static void
assert_holds (const char *bytes,
              const char *text,
              const char *what)
{
  if (strstr (bytes, text) == NULL)
    g_error ("%s lacks “%s”", what, text);
}

static LadderAction *
find_action (LadderCheckin *checkin,
             const char    *id)
{
  GListModel *actions = ladder_checkin_get_actions (checkin);

  for (guint i = 0; i < g_list_model_get_n_items (actions); i++)
    {
      g_autoptr(LadderAction) action = g_list_model_get_item (actions, i);

      if (g_str_equal (ladder_action_get_id (action), id))
        return action;
    }

  return NULL;
}

/* pdftotext's text of @path, lines joined so that a wrapped sentence
 * reads whole. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", path, "-", NULL };
  g_autoptr(CoreRun) run = core_run_argv (NULL, argv);
  g_auto(GStrv) lines = NULL;

  if (run->status != 0)
    g_error ("pdftotext failed on %s: %s", path, run->err);

  lines = g_strsplit_set (run->out, "\n\f", -1);

  return g_strjoinv (" ", lines);
}

/* The file */

static void
test_private_format_round_trip (void)
{
  g_autoptr(LadderProfile) profile = make_manager_copy ();
  g_autoptr(LadderProfile) back = NULL;
  g_autoptr(LadderProfile) plain = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  g_autofree char *older = NULL;
  g_autofree char *older_again = NULL;
  g_autoptr(GRegex) private_member = g_regex_new ("\\s*\"(notes_)?private\" : true,", 0, 0, NULL);
  LadderCheckin *checkin;
  gsize length;

  data = ladder_format_write_profile (profile, &length);
  assert_holds (data, "\"private\" : true", "The profile file");
  assert_holds (data, "\"notes_private\" : true", "The profile file");

  back = read_profile (data, length);
  checkin = ladder_profile_find_checkin (back, "c-1");
  g_assert_nonnull (checkin);
  g_assert_true (ladder_checkin_get_notes_private (checkin));
  g_assert_cmpstr (ladder_checkin_get_notes (checkin), ==, PRIVATE_NOTES);
  g_assert_true (ladder_action_get_private (find_action (checkin, "a-hidden")));
  g_assert_false (ladder_action_get_private (find_action (checkin, "a-shared")));

  /* The same bytes again. */
  again = ladder_format_write_profile (back, NULL);
  g_assert_cmpstr (again, ==, data);

  /* A file of before private items: nothing private, and written back
   * without the members. */
  older = g_regex_replace_literal (private_member, data, -1, 0, "", 0, NULL);
  g_assert_nonnull (older);
  g_assert_null (strstr (older, "private"));
  plain = read_profile (older, strlen (older));
  checkin = ladder_profile_find_checkin (plain, "c-1");
  g_assert_false (ladder_checkin_get_notes_private (checkin));
  g_assert_false (ladder_action_get_private (find_action (checkin, "a-hidden")));
  older_again = ladder_format_write_profile (plain, NULL);
  g_assert_null (strstr (older_again, "private"));
}

static void
test_private_format_rejects_non_boolean (void)
{
  g_autoptr(LadderProfile) profile = make_manager_copy ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = ladder_format_write_profile (profile, NULL);
  g_autofree char *broken = core_replace_once (data, "\"private\" : true", "\"private\" : \"yes\"");
  g_autoptr(LadderProfile) read = ladder_format_read_profile (broken, strlen (broken), "broken.json",
                                                             &error);

  g_assert_null (read);
  g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "broken.json"));
}

/* The copy to share */

static void
test_private_shared_copy (void)
{
  g_autoptr(LadderProfile) profile = make_manager_copy ();
  g_autoptr(LadderProfile) copy = NULL;
  g_autoptr(GDateTime) t20 = stamp (20);
  g_autofree char *data = NULL;
  LadderCheckin *checkin;
  gsize length;

  /* A deleted action still travels. */
  ladder_checkin_add_action_tombstone (ladder_profile_find_checkin (profile, "c-1"), "a-gone", t20);

  data = ladder_format_write_shared_copy (profile, &length);
  assert_holds_none (data, length, "The shared copy");
  g_assert_null (strstr (data, "private"));
  assert_holds (data, PUBLIC_ACTION, "The shared copy");
  assert_holds (data, ladder_profile_get_id (profile), "The shared copy");

  copy = read_profile (data, length);
  checkin = ladder_profile_find_checkin (copy, "c-1");
  g_assert_nonnull (checkin);
  g_assert_null (ladder_checkin_get_notes (checkin));
  g_assert_false (ladder_checkin_get_notes_private (checkin));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_checkin_get_actions (checkin)), ==, 1);
  g_assert_nonnull (find_action (checkin, "a-shared"));
  g_assert_true (g_hash_table_contains (ladder_checkin_get_action_tombstones (checkin), "a-gone"));

  /* The profile itself keeps them. */
  checkin = ladder_profile_find_checkin (profile, "c-1");
  g_assert_cmpstr (ladder_checkin_get_notes (checkin), ==, PRIVATE_NOTES);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_checkin_get_actions (checkin)), ==, 2);
}

/* Notes that are not private go in the shared copy. */
static void
test_private_shared_copy_public_notes (void)
{
  g_autoptr(LadderProfile) profile = make_manager_copy ();
  g_autofree char *data = NULL;

  ladder_checkin_set_notes_private (ladder_profile_find_checkin (profile, "c-1"), FALSE);
  data = ladder_format_write_shared_copy (profile, NULL);
  assert_holds (data, PRIVATE_NOTES, "The shared copy");
  g_assert_null (strstr (data, PRIVATE_ACTION));
}

/* The PDF */

static void
test_private_pdf (void)
{
  g_autoptr(LadderProfile) profile = make_manager_copy ();
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *with_private = NULL;
  LadderReportOptions options = { 0, };

  g_assert_true (ladder_report_write_pdf (profile, &options, file, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  assert_holds_none (text, strlen (text), "The PDF");
  assert_holds (text, PUBLIC_ACTION, "The PDF");
  assert_holds (text, "No notes.", "The PDF");
  /* The counts are of what it lists. */
  assert_holds (text, "1 open, 0 done", "The PDF");

  options.include_private = TRUE;
  g_assert_true (ladder_report_write_pdf (profile, &options, file, NULL, &error));
  g_assert_no_error (error);
  with_private = pdf_text (path);
  assert_holds (with_private, PRIVATE_NOTES, "The PDF with private items");
  assert_holds (with_private, PRIVATE_ACTION, "The PDF with private items");
  assert_holds (with_private, "2 open, 0 done", "The PDF with private items");

  core_remove_tree (dir);
}

/* Merges */

/* Merging the engineer's copy, made from a shared one and edited since,
 * into the manager's keeps the manager's private items. */
static void
test_private_merge_keeps_own (void)
{
  g_autoptr(LadderProfile) ours = make_manager_copy ();
  g_autoptr(LadderProfile) theirs = shared_copy_of (ours);
  g_autoptr(LadderAction) added = ladder_action_new ("a-engineer");
  g_autoptr(LadderMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t30 = stamp (30);
  g_autoptr(GDateTime) t40 = stamp (40);
  LadderCheckin *theirs_checkin, *checkin;

  ladder_profile_set_owner (theirs, LADDER_RATER_SELF);
  theirs_checkin = ladder_profile_find_checkin (theirs, "c-1");
  ladder_checkin_set_notes (theirs_checkin, PUBLIC_NOTES);
  ladder_checkin_set_modified (theirs_checkin, t40);
  ladder_action_set_text (added, "Book the training");
  ladder_action_set_modified (added, t30);
  ladder_checkin_add_action (theirs_checkin, added);
  ladder_checkin_set_modified (theirs_checkin, t40);
  ladder_action_set_done (find_action (theirs_checkin, "a-shared"), TRUE);
  ladder_action_set_modified (find_action (theirs_checkin, "a-shared"), t30);

  merge = ladder_merge_new (ours, theirs, &error);
  g_assert_no_error (error);
  ladder_merge_apply (merge);

  checkin = ladder_profile_find_checkin (ours, "c-1");
  g_assert_cmpstr (ladder_checkin_get_notes (checkin), ==, PRIVATE_NOTES);
  g_assert_true (ladder_checkin_get_notes_private (checkin));
  g_assert_nonnull (find_action (checkin, "a-hidden"));
  g_assert_true (ladder_action_get_private (find_action (checkin, "a-hidden")));
  g_assert_cmpstr (ladder_action_get_text (find_action (checkin, "a-hidden")), ==, PRIVATE_ACTION);
  /* What the engineer did comes in. */
  g_assert_nonnull (find_action (checkin, "a-engineer"));
  g_assert_true (ladder_action_get_done (find_action (checkin, "a-shared")));
  g_assert_true (g_date_time_equal (ladder_checkin_get_modified (checkin), t40));
}

/* An unedited shared copy merged back changes nothing. */
static void
test_private_merge_shared_copy_is_no_change (void)
{
  g_autoptr(LadderProfile) ours = make_manager_copy ();
  g_autoptr(LadderProfile) theirs = shared_copy_of (ours);
  g_autoptr(LadderMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = ladder_format_write_profile (ours, NULL);
  g_autofree char *after = NULL;

  merge = ladder_merge_new (ours, theirs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ladder_merge_get_n_changes (merge), ==, 0);
  ladder_merge_apply (merge);
  after = ladder_format_write_profile (ours, NULL);
  g_assert_cmpstr (after, ==, before);
}

/* The copy shared back after a merge never carries the private items:
 * not the manager's, and not the engineer's own on their side. */
static void
test_private_merge_shared_back (void)
{
  g_autoptr(LadderProfile) manager = make_manager_copy ();
  g_autoptr(LadderProfile) engineer = shared_copy_of (manager);
  g_autoptr(LadderProfile) to_engineer = NULL;
  g_autoptr(LadderProfile) to_manager = NULL;
  g_autoptr(LadderMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderAction) own = ladder_action_new ("a-engineer-own");
  g_autoptr(GDateTime) t50 = stamp (50);
  g_autofree char *data = NULL;
  gsize length;

  ladder_profile_set_owner (engineer, LADDER_RATER_SELF);
  ladder_action_set_text (own, ENGINEER_ACTION);
  ladder_action_set_private (own, TRUE);
  ladder_action_set_modified (own, t50);
  ladder_checkin_add_action (ladder_profile_find_checkin (engineer, "c-1"), own);

  /* The engineer's copy goes to the manager, and merges. */
  to_manager = shared_copy_of (engineer);
  merge = ladder_merge_new (manager, to_manager, &error);
  g_assert_no_error (error);
  ladder_merge_apply (merge);
  g_clear_object (&merge);
  g_assert_null (find_action (ladder_profile_find_checkin (manager, "c-1"), "a-engineer-own"));
  data = ladder_format_write_profile (manager, NULL);
  g_assert_null (strstr (data, "Brambleworth"));
  g_clear_pointer (&data, g_free);

  /* The manager's goes back, after the merge. */
  data = ladder_format_write_shared_copy (manager, &length);
  assert_holds_none (data, length, "The copy shared back");
  g_assert_null (strstr (data, "private"));
  to_engineer = read_profile (data, length);
  merge = ladder_merge_new (engineer, to_engineer, &error);
  g_assert_no_error (error);
  ladder_merge_apply (merge);
  g_clear_pointer (&data, g_free);

  /* The engineer's file holds their own private action and none of the
   * manager's. */
  data = ladder_format_write_profile (engineer, &length);
  assert_holds_none (data, length, "The engineer's copy");
  assert_holds (data, ENGINEER_ACTION, "The engineer's copy");
  g_assert_nonnull (find_action (ladder_profile_find_checkin (engineer, "c-1"), "a-engineer-own"));
}

/* A private item that arrives from elsewhere (a copy of the author's
 * own, such as a synced folder's) is kept private. */
static void
test_private_merge_arrives_private (void)
{
  g_autoptr(LadderProfile) theirs = make_manager_copy ();
  g_autoptr(LadderProfile) ours = shared_copy_of (theirs);
  g_autoptr(LadderMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t60 = stamp (60);
  g_autoptr(GDateTime) t70 = stamp (70);
  LadderCheckin *checkin;

  ladder_checkin_set_modified (ladder_profile_find_checkin (theirs, "c-1"), t60);

  merge = ladder_merge_new (ours, theirs, &error);
  g_assert_no_error (error);
  ladder_merge_apply (merge);
  g_clear_object (&merge);

  checkin = ladder_profile_find_checkin (ours, "c-1");
  g_assert_cmpstr (ladder_checkin_get_notes (checkin), ==, PRIVATE_NOTES);
  g_assert_true (ladder_checkin_get_notes_private (checkin));
  g_assert_true (ladder_action_get_private (find_action (checkin, "a-hidden")));

  /* Made private there later: private here too. */
  ladder_action_set_private (find_action (ladder_profile_find_checkin (theirs, "c-1"), "a-shared"), TRUE);
  ladder_action_set_modified (find_action (ladder_profile_find_checkin (theirs, "c-1"), "a-shared"), t70);
  merge = ladder_merge_new (ours, theirs, &error);
  g_assert_no_error (error);
  ladder_merge_apply (merge);
  g_clear_object (&merge);
  g_assert_true (ladder_action_get_private (find_action (checkin, "a-shared")));

  /* A newer copy that says it is not private (written before it was
   * made so) does not make it shared again. */
  {
    g_autoptr(LadderProfile) older = make_manager_copy ();
    g_autoptr(GDateTime) t80 = stamp (80);
    LadderAction *action = find_action (ladder_profile_find_checkin (older, "c-1"), "a-hidden");

    ladder_action_set_private (action, FALSE);
    ladder_action_set_done (action, TRUE);
    ladder_action_set_modified (action, t80);
    merge = ladder_merge_new (ours, older, &error);
    g_assert_no_error (error);
    ladder_merge_apply (merge);
    g_assert_true (ladder_action_get_done (find_action (checkin, "a-hidden")));
    g_assert_true (ladder_action_get_private (find_action (checkin, "a-hidden")));
  }
}

/* ladder-cli */

static void
test_private_cli (void)
{
  g_autoptr(LadderProfile) profile = make_manager_copy ();
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "alex.json", NULL);
  g_autofree char *shared_path = g_build_filename (dir, "for-alex.json", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "alex.pdf", NULL);
  g_autofree char *data = ladder_format_write_profile (profile, NULL);
  g_autofree char *expected = ladder_format_write_shared_copy (profile, NULL);
  g_autofree char *shared = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CoreRun) run = NULL;
  gsize length;

  core_write_file (path, data);

  run = core_run_cli (NULL, "share", path, "-o", shared_path, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  shared = core_read_file (shared_path, &length);
  assert_holds_none (shared, length, "ladder-cli share's copy");
  /* Exactly what Share a Copy… writes. */
  g_assert_cmpstr (shared, ==, expected);
  g_clear_pointer (&run, core_run_free);

  run = core_run_cli (NULL, "share", path, NULL);
  g_assert_cmpint (run->status, ==, 2);
  g_clear_pointer (&run, core_run_free);

  run = core_run_cli (NULL, "export-pdf", path, "-o", pdf_path, NULL);
  g_assert_cmpint (run->status, ==, 0);
  text = pdf_text (pdf_path);
  assert_holds_none (text, strlen (text), "export-pdf's PDF");
  assert_holds (text, PUBLIC_ACTION, "export-pdf's PDF");
  g_clear_pointer (&run, core_run_free);
  g_clear_pointer (&text, g_free);

  run = core_run_cli (NULL, "export-pdf", path, "-o", pdf_path, "--include-private", NULL);
  g_assert_cmpint (run->status, ==, 0);
  text = pdf_text (pdf_path);
  assert_holds (text, PRIVATE_ACTION, "export-pdf --include-private's PDF");
  assert_holds (text, PRIVATE_NOTES, "export-pdf --include-private's PDF");

  core_remove_tree (dir);
}

/* The sample has private items, for demos and tests. */
static void
test_private_sample (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderProfile) profile = ladder_sample_profile (framework, 20, 7);
  GListModel *checkins = ladder_profile_get_checkins (profile);
  guint n_private_notes = 0;
  guint n_private_actions = 0;
  g_autofree char *shared = NULL;
  gsize length;

  for (guint i = 0; i < g_list_model_get_n_items (checkins); i++)
    {
      g_autoptr(LadderCheckin) checkin = g_list_model_get_item (checkins, i);
      GListModel *actions = ladder_checkin_get_actions (checkin);

      n_private_notes += ladder_checkin_get_notes_private (checkin);
      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(LadderAction) action = g_list_model_get_item (actions, j);

          n_private_actions += ladder_action_get_private (action);
        }
    }
  g_assert_cmpuint (n_private_notes, ==, 1);
  g_assert_cmpuint (n_private_actions, ==, 1);

  shared = ladder_format_write_shared_copy (profile, &length);
  g_assert_null (strstr (shared, "private"));
}

/* The manager's copy of an engineer's own file */

#define ENGINEER_NOTES "Nightjar thinks the promotion is unfair"
#define ENGINEER_TOPIC "Whether to apply to the Kestrelmoor team"
#define SHARED_TOPIC   "The Ostrander migration's next step"

/* Opened in the manager's app, the engineer's own file (not a copy they
 * shared) becomes the manager's copy with none of the engineer's private
 * items in it: not in the profile, not in a byte of the file written from
 * it; the rest is all there, and the engineer's profile keeps everything. */
static void
test_private_manager_copy (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderProfile) engineers = ladder_profile_new ("5d0c2c8e-0000-4000-8000-00000000000b",
                                                           framework);
  g_autoptr(LadderProfile) managers = NULL;
  g_autoptr(LadderProfile) reread = NULL;
  g_autoptr(LadderCheckin) checkin = ladder_checkin_new ("c-1");
  g_autoptr(LadderCheckin) open_notes = ladder_checkin_new ("c-2");
  g_autoptr(LadderAction) hidden = ladder_action_new ("a-hidden");
  g_autoptr(LadderAction) shared = ladder_action_new ("a-shared");
  g_autoptr(LadderTopic) private_topic = ladder_topic_new ("t-private");
  g_autoptr(LadderTopic) shared_topic = ladder_topic_new ("t-shared");
  g_autoptr(GDate) date = g_date_new_dmy (9, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDate) later = g_date_new_dmy (23, G_DATE_NOVEMBER, 2026);
  static const char * const engineers_texts[] = {
    ENGINEER_NOTES, ENGINEER_ACTION, ENGINEER_TOPIC, "Nightjar", "Brambleworth", "Kestrelmoor", NULL
  };
  g_autofree char *engineers_file = NULL;
  g_autofree char *written = NULL;
  g_autofree char *again = NULL;
  LadderCheckin *copied;
  guint n_left_out = 99;
  gsize length;

  ladder_profile_set_name (engineers, "Alex Doe");
  ladder_profile_rate (engineers, "1-craft-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  ladder_action_set_text (hidden, ENGINEER_ACTION);
  ladder_action_set_private (hidden, TRUE);
  ladder_action_set_text (shared, PUBLIC_ACTION);
  ladder_checkin_set_date (checkin, date);
  ladder_checkin_set_notes (checkin, ENGINEER_NOTES);
  ladder_checkin_set_notes_private (checkin, TRUE);
  ladder_checkin_add_action (checkin, hidden);
  ladder_checkin_add_action (checkin, shared);
  ladder_profile_add_checkin (engineers, checkin);
  ladder_checkin_set_date (open_notes, later);
  ladder_checkin_set_notes (open_notes, PUBLIC_NOTES);
  ladder_profile_add_checkin (engineers, open_notes);
  ladder_topic_set_text (private_topic, ENGINEER_TOPIC);
  ladder_topic_set_private (private_topic, TRUE);
  ladder_profile_add_topic (engineers, private_topic);
  ladder_topic_set_text (shared_topic, SHARED_TOPIC);
  ladder_profile_add_topic (engineers, shared_topic);

  /* Read from the engineer's file, as the app opens it. */
  engineers_file = ladder_format_write_profile (engineers, &length);
  for (guint i = 0; i < 3; i++)
    assert_holds (engineers_file, engineers_texts[i], "The engineer’s file");
  g_clear_object (&engineers);
  engineers = read_profile (engineers_file, length);

  managers = ladder_format_copy_for_manager (engineers, &n_left_out);
  g_assert_nonnull (managers);
  /* The private notes, the private action and the private topic. */
  g_assert_cmpuint (n_left_out, ==, 3);
  g_assert_cmpint (ladder_profile_get_owner (managers), ==, LADDER_RATER_MANAGER);
  g_assert_cmpstr (ladder_profile_get_id (managers), ==, ladder_profile_get_id (engineers));
  g_assert_null (ladder_profile_get_file (managers));

  /* The file the manager's app writes: no byte of them. */
  written = ladder_format_write_profile (managers, &length);
  for (guint i = 0; engineers_texts[i] != NULL; i++)
    if (memmem (written, length, engineers_texts[i], strlen (engineers_texts[i])) != NULL)
      g_error ("The manager’s copy holds the engineer’s private “%s”", engineers_texts[i]);
  g_assert_null (strstr (written, "private"));
  g_assert_null (strstr (written, "t-private"));
  g_assert_null (strstr (written, "a-hidden"));
  assert_holds (written, "\"owner\" : \"manager\"", "The manager’s copy");
  assert_holds (written, PUBLIC_ACTION, "The manager’s copy");
  assert_holds (written, PUBLIC_NOTES, "The manager’s copy");
  assert_holds (written, SHARED_TOPIC, "The manager’s copy");

  /* What is not private is all there, and reads back the same. */
  g_assert_cmpint (ladder_profile_get_rating_value (managers, "1-craft-1", LADDER_RATER_SELF), ==,
                   LADDER_RATING_CONSISTENTLY);
  copied = ladder_profile_find_checkin (managers, "c-1");
  g_assert_nonnull (copied);
  g_assert_null (ladder_checkin_get_notes (copied));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_checkin_get_actions (copied)), ==, 1);
  g_assert_nonnull (find_action (copied, "a-shared"));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_topics (managers)), ==, 1);
  reread = read_profile (written, length);
  g_assert_cmpint (ladder_profile_get_owner (reread), ==, LADDER_RATER_MANAGER);
  again = ladder_format_write_profile (reread, NULL);
  g_assert_cmpstr (again, ==, written);

  /* The engineer's profile is left as it was. */
  g_clear_pointer (&again, g_free);
  again = ladder_format_write_profile (engineers, NULL);
  g_assert_cmpstr (again, ==, engineers_file);

  /* Without private items but still the engineer's: what a merge of
   * their own file into the manager's copy takes. */
  {
    g_autoptr(LadderProfile) plain = ladder_format_copy_without_private (engineers, &n_left_out);
    g_autofree char *plain_text = ladder_format_write_profile (plain, NULL);
    g_autofree char *shared_text = ladder_format_write_shared_copy (engineers, NULL);

    g_assert_cmpuint (n_left_out, ==, 3);
    g_assert_cmpint (ladder_profile_get_owner (plain), ==, LADDER_RATER_SELF);
    g_assert_cmpstr (plain_text, ==, shared_text);
  }

  /* A file with nothing private leaves nothing out. */
  g_clear_object (&managers);
  managers = ladder_format_copy_for_manager (reread, &n_left_out);
  g_assert_cmpuint (n_left_out, ==, 0);
}

/* A copy opened by the one it was shared with is the other side's: the
 * manager's shared copy becomes the engineer's own, rated on the
 * engineer's side, with the manager's ratings beside and none of the
 * manager's private items; the engineer's, the manager's copy. */
static void
test_private_other_side_copy (void)
{
  g_autoptr(LadderProfile) managers = make_manager_copy ();
  g_autoptr(LadderProfile) shared = NULL;
  g_autoptr(LadderProfile) engineers = NULL;
  g_autoptr(LadderProfile) back = NULL;
  g_autofree char *written = NULL;
  guint n_left_out = 99;
  gsize length;

  ladder_profile_rate (managers, "1-craft-1", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);
  shared = shared_copy_of (managers);
  g_assert_cmpint (ladder_profile_get_owner (shared), ==, LADDER_RATER_MANAGER);

  engineers = ladder_format_copy_for_other_side (shared, &n_left_out);
  g_assert_nonnull (engineers);
  g_assert_cmpuint (n_left_out, ==, 0);
  g_assert_cmpint (ladder_profile_get_owner (engineers), ==, LADDER_RATER_SELF);
  g_assert_cmpstr (ladder_profile_get_id (engineers), ==, ladder_profile_get_id (managers));
  g_assert_cmpint (ladder_profile_get_rating_value (engineers, "1-craft-1", LADDER_RATER_MANAGER), ==,
                   LADDER_RATING_SOMETIMES);
  g_assert_null (ladder_profile_get_file (engineers));
  g_assert_cmpint (ladder_profile_get_owner (shared), ==, LADDER_RATER_MANAGER);

  /* From the manager's own file rather than a shared copy: the same,
   * less the manager's private notes and action. */
  g_clear_object (&engineers);
  engineers = ladder_format_copy_for_other_side (managers, &n_left_out);
  g_assert_cmpuint (n_left_out, ==, 2);
  g_assert_cmpint (ladder_profile_get_owner (engineers), ==, LADDER_RATER_SELF);
  written = ladder_format_write_profile (engineers, &length);
  assert_holds_none (written, length, "The engineer’s copy");
  assert_holds (written, PUBLIC_ACTION, "The engineer’s copy");
  assert_holds (written, "\"owner\" : \"self\"", "The engineer’s copy");

  /* And the engineer's, shared back, opens as the manager's. */
  back = ladder_format_copy_for_other_side (engineers, NULL);
  g_assert_cmpint (ladder_profile_get_owner (back), ==, LADDER_RATER_MANAGER);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ladder/private/format/round-trip", test_private_format_round_trip);
  g_test_add_func ("/ladder/private/format/rejects-non-boolean", test_private_format_rejects_non_boolean);
  g_test_add_func ("/ladder/private/shared-copy/leaves-them-out", test_private_shared_copy);
  g_test_add_func ("/ladder/private/shared-copy/public-notes", test_private_shared_copy_public_notes);
  g_test_add_func ("/ladder/private/pdf", test_private_pdf);
  g_test_add_func ("/ladder/private/manager-copy/leaves-engineers-out", test_private_manager_copy);
  g_test_add_func ("/ladder/private/other-side-copy", test_private_other_side_copy);
  g_test_add_func ("/ladder/private/merge/keeps-own", test_private_merge_keeps_own);
  g_test_add_func ("/ladder/private/merge/shared-copy-is-no-change", test_private_merge_shared_copy_is_no_change);
  g_test_add_func ("/ladder/private/merge/shared-back", test_private_merge_shared_back);
  g_test_add_func ("/ladder/private/merge/arrives-private", test_private_merge_arrives_private);
  g_test_add_func ("/ladder/private/cli", test_private_cli);
  g_test_add_func ("/ladder/private/sample", test_private_sample);

  return g_test_run ();
}
