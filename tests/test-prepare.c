/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preparing a 1:1: what the summary lists since the last check-in, its
 * Markdown byte for byte, its one PDF page, the private items each
 * leaves out unless asked, and `ladder-cli prepare` run as a user runs it.
 */

#include "config.h"

#include <string.h>

#include "ladder-core.h"
#include "core-helpers.h"

/* Words that appear nowhere else, so that finding one finds the item. */
#define PRIVATE_TOPIC  "Is Threnody ready to lead the Vaskor team"
#define PRIVATE_ACTION "Ask HR about the Zephyrine budget"

static const char * const private_texts[] = {
  PRIVATE_TOPIC, PRIVATE_ACTION, "Threnody", "Zephyrine", NULL
};

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

static void
add_action (LadderCheckin *checkin,
            const char    *text,
            LadderRater    owner,
            const GDate   *due,
            gboolean       is_private)
{
  g_autoptr(LadderAction) action = ladder_action_new (NULL);

  ladder_action_set_text (action, text);
  ladder_action_set_owner (action, owner);
  ladder_action_set_due (action, due);
  ladder_action_set_private (action, is_private);
  ladder_checkin_add_action (checkin, action);
}

static void
add_topic (LadderProfile *profile,
           const char    *text,
           LadderRater    author,
           guint          day,
           gboolean       is_private)
{
  g_autoptr(LadderTopic) topic = ladder_topic_new (NULL);
  g_autoptr(GDate) created = g_date_new_dmy (day, G_DATE_NOVEMBER, 2026);

  ladder_topic_set_text (topic, text);
  ladder_topic_set_author (topic, author);
  ladder_topic_set_created (topic, created);
  ladder_topic_set_private (topic, is_private);
  ladder_profile_add_topic (profile, topic);
}

static void
add_evidence (LadderProfile *profile,
              const char    *title,
              guint          day,
              GDateMonth     month)
{
  g_autoptr(LadderEvidence) entry = ladder_evidence_new (NULL);
  g_autoptr(GDate) date = g_date_new_dmy (day, month, 2026);

  ladder_evidence_set_title (entry, title);
  ladder_evidence_set_date (entry, date);
  ladder_profile_add_evidence (profile, entry);
}

/* A focus on "Designs systems" begun the day after the check-in, one of
 * its two steps ticked since, the Kestrel review linked to it. */
static void
add_focus (LadderProfile *profile)
{
  g_autoptr(LadderFocus) focus = ladder_focus_new ("f-1");
  g_autoptr(GDate) created = g_date_new_dmy (10, G_DATE_NOVEMBER, 2026);
  g_autoptr(GError) error = NULL;
  const char *steps[] = { "Draft the Halvorsen design", "Present it", NULL };
  const char *behaviours[] = { "2-craft-1", NULL };
  GListModel *evidence = ladder_profile_get_evidence (profile);

  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(LadderEvidence) entry = g_list_model_get_item (evidence, i);

      if (g_str_equal (ladder_evidence_get_title (entry), "Led the Kestrel incident review"))
        ladder_evidence_set_behaviours (entry, behaviours);
    }

  ladder_focus_set_behaviour (focus, "2-craft-1");
  ladder_focus_set_steps (focus, steps);
  ladder_focus_set_created (focus, created);
  ladder_focus_set_step_done (focus, 0, TRUE);
  g_assert_true (ladder_profile_add_focus (profile, focus, &error));
  g_assert_no_error (error);
}

/* A manager's copy with a check-in on 9 November, and since then: new
 * evidence, changed ratings that now differ, open actions (one overdue
 * on 1 December, one private) and topics (one private). */
static LadderProfile *
make_profile (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  LadderProfile *profile = ladder_profile_new ("5d0c2c8e-0000-4000-8000-00000000003a", framework);
  g_autoptr(LadderCheckin) checkin = ladder_checkin_new ("c-1");
  g_autoptr(GDate) date = g_date_new_dmy (9, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDate) due = g_date_new_dmy (20, G_DATE_NOVEMBER, 2026);

  ladder_profile_set_name (profile, "Alex Doe");
  ladder_profile_set_owner (profile, LADDER_RATER_MANAGER);
  ladder_profile_set_current_level (profile, "1");
  ladder_profile_set_target_level (profile, "2");

  ladder_checkin_set_date (checkin, date);
  ladder_checkin_set_snapshot (checkin, "1-craft-1", LADDER_RATING_SOMETIMES, LADDER_RATING_UNRATED);
  add_action (checkin, "Write the Halvorsen design doc", LADDER_RATER_SELF, due, FALSE);
  add_action (checkin, "Book the training", LADDER_RATER_MANAGER, NULL, FALSE);
  add_action (checkin, PRIVATE_ACTION, LADDER_RATER_MANAGER, NULL, TRUE);
  ladder_profile_add_checkin (profile, checkin);

  ladder_profile_rate (profile, "1-craft-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "1-craft-1", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);
  ladder_profile_rate (profile, "2-craft-1", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);

  add_evidence (profile, "Old news", 1, G_DATE_NOVEMBER);
  add_evidence (profile, "Led the Kestrel incident review", 20, G_DATE_NOVEMBER);
  add_focus (profile);

  add_topic (profile, "Conference budget for *Lisbon* [2027]", LADDER_RATER_SELF, 25, FALSE);
  add_topic (profile, PRIVATE_TOPIC, LADDER_RATER_MANAGER, 28, TRUE);

  return profile;
}

static const char expected_markdown[] =
  "# Prepare 1:1: Alex Doe\n"
  "\n"
  "_Since the check-in of 9 November 2026_\n"
  "\n"
  "## Progress\n"
  "\n"
  "- 0 of 1 behaviours of Level 1 shown (0 %) — Current level · Engineer: 1 of 1\n"
  "- 1 of 1 behaviours of Level 2 shown (100 %) — Target level · Engineer: 0 of 1\n"
  "\n"
  "## Focus\n"
  "\n"
  "- Designs systems — 46 % — Since the last check-in: 1 step done, 1 new evidence entry, "
  "You: Not rated → Consistently\n"
  "\n"
  "## Agenda\n"
  "\n"
  "- Conference budget for \\*Lisbon\\* \\[2027\\] — Engineer · 25 Nov 2026\n"
  "\n"
  "## Open Actions\n"
  "\n"
  "- Write the Halvorsen design doc — Engineer · due 20 Nov 2026, overdue\n"
  "- Book the training — You\n"
  "\n"
  "## New Evidence\n"
  "\n"
  "- Led the Kestrel incident review — 20 Nov 2026\n"
  "\n"
  "## Ratings Changed\n"
  "\n"
  "- Writes tests — Engineer: Sometimes → Consistently\n"
  "- Writes tests — You: Not rated → Sometimes\n"
  "- Designs systems — You: Not rated → Consistently\n"
  "\n"
  "## Where the Ratings Differ\n"
  "\n"
  "- Writes tests — Engineer: Consistently · You: Sometimes\n";

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

static char *
run_tool (const char *tool,
          const char *path)
{
  gboolean to_stdout = g_str_equal (tool, "pdftotext");
  const char *argv[] = { tool, path, to_stdout ? "-" : NULL, NULL };
  g_autoptr(CoreRun) run = core_run_argv (NULL, argv);
  g_auto(GStrv) lines = NULL;

  if (run->status != 0)
    g_error ("%s failed on %s: %s", tool, path, run->err);

  lines = g_strsplit_set (run->out, "\n\f", -1);

  return g_strjoinv (" ", lines);
}

static GDate *
december_first (void)
{
  return g_date_new_dmy (1, G_DATE_DECEMBER, 2026);
}

static void
test_prepare_sections (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(GDate) today = december_first ();
  g_autoptr(LadderPrepare) prepare = ladder_prepare_new (profile, today, FALSE);
  g_autoptr(LadderPrepare) with_private = ladder_prepare_new (profile, today, TRUE);
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderProfile) empty = ladder_profile_new (NULL, framework);
  g_autoptr(LadderPrepare) nothing = ladder_prepare_new (empty, today, FALSE);

  g_assert_cmpstr (ladder_prepare_get_title (prepare), ==, "Prepare 1:1: Alex Doe");
  g_assert_cmpuint (g_strv_length ((char **) ladder_prepare_get_items (prepare, LADDER_PREPARE_AGENDA)), ==, 1);
  g_assert_cmpuint (g_strv_length ((char **) ladder_prepare_get_items (prepare, LADDER_PREPARE_ACTIONS)), ==, 2);
  g_assert_cmpuint (g_strv_length ((char **) ladder_prepare_get_details (prepare, LADDER_PREPARE_ACTIONS)), ==, 2);

  /* Left out, the private ones are counted, for the screen alone: the
   * Markdown does not say so. */
  {
    g_autofree char *topics = ladder_prepare_describe_private (prepare, LADDER_PREPARE_AGENDA);
    g_autofree char *actions = ladder_prepare_describe_private (prepare, LADDER_PREPARE_ACTIONS);
    g_autofree char *markdown = ladder_prepare_to_markdown (prepare);

    g_assert_cmpuint (ladder_prepare_get_n_private (prepare, LADDER_PREPARE_AGENDA), ==, 1);
    g_assert_cmpuint (ladder_prepare_get_n_private (prepare, LADDER_PREPARE_ACTIONS), ==, 1);
    g_assert_cmpstr (topics, ==, "1 private topic hidden");
    g_assert_cmpstr (actions, ==, "1 private action hidden");
    g_assert_null (strstr (markdown, "hidden"));
    g_assert_cmpuint (ladder_prepare_get_n_private (with_private, LADDER_PREPARE_AGENDA), ==, 0);
    g_assert_null (ladder_prepare_describe_private (with_private, LADDER_PREPARE_ACTIONS));
    g_assert_cmpuint (ladder_prepare_get_n_private (prepare, LADDER_PREPARE_GAPS), ==, 0);
  }

  /* Asked for, the private items come in, marked. */
  g_assert_cmpstr (ladder_prepare_get_items (with_private, LADDER_PREPARE_AGENDA)[1], ==, PRIVATE_TOPIC);
  g_assert_cmpstr (ladder_prepare_get_details (with_private, LADDER_PREPARE_AGENDA)[1], ==,
                   "You · 28 Nov 2026 · private");
  g_assert_cmpstr (ladder_prepare_get_items (with_private, LADDER_PREPARE_ACTIONS)[2], ==, PRIVATE_ACTION);
  g_assert_nonnull (strstr (ladder_prepare_get_subtitle (with_private), "Private items included"));

  /* A profile with nothing yet: each section says so. */
  g_assert_cmpstr (ladder_prepare_get_subtitle (nothing), ==, "No check-in yet: everything so far");
  g_assert_null (ladder_prepare_get_items (nothing, LADDER_PREPARE_FOCUS)[0]);
  g_assert_cmpstr (ladder_prepare_get_empty (nothing, LADDER_PREPARE_FOCUS), ==, "No focus behaviours.");
  for (guint i = LADDER_PREPARE_AGENDA; i < LADDER_PREPARE_N_SECTIONS; i++)
    {
      g_assert_null (ladder_prepare_get_items (nothing, i)[0]);
      g_assert_nonnull (ladder_prepare_get_empty (nothing, i));
    }
  g_assert_cmpstr (ladder_prepare_get_empty (nothing, LADDER_PREPARE_GAPS), ==,
                   "No behaviour is rated by both sides yet.");
  /* No check-in to be "since". */
  g_assert_cmpstr (ladder_prepare_get_empty (nothing, LADDER_PREPARE_EVIDENCE), ==, "No evidence logged yet.");
  g_assert_cmpstr (ladder_prepare_get_empty (nothing, LADDER_PREPARE_CHANGES), ==, "No rating changed yet.");
  /* The check-in's words for the same section. */
  g_assert_cmpstr (ladder_prepare_get_heading (nothing, LADDER_PREPARE_GAPS), ==, "Where the Ratings Differ");
}

/* Long lists are cut to keep one page, with a count of the rest. */
static void
test_prepare_long_lists (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(GDate) today = december_first ();
  g_autoptr(LadderPrepare) prepare = NULL;
  g_autofree char *text = NULL;
  const char * const *items;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *title = g_strdup_printf ("Win %u", i);

      add_evidence (profile, title, 21, G_DATE_NOVEMBER);
    }
  prepare = ladder_prepare_new (profile, today, FALSE);
  items = ladder_prepare_get_items (prepare, LADDER_PREPARE_EVIDENCE);
  g_assert_cmpuint (g_strv_length ((char **) items), ==, 8);
  g_assert_cmpstr (items[0], ==, "Win 29");
  g_assert_cmpstr (items[7], ==, "Win 22");
  g_assert_cmpuint (ladder_prepare_get_n_more (prepare, LADDER_PREPARE_EVIDENCE), ==, 23);
  text = ladder_prepare_to_markdown (prepare);
  g_assert_nonnull (strstr (text, "- Win 22 — 21 Nov 2026\n- _And 23 more_\n\n## Ratings Changed"));
}

/* However long its lists, the printed preparation is one page: each list
 * gives way to the others, and counts what it leaves out. */
static void
test_prepare_one_page (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(GDate) today = december_first ();
  g_autoptr(LadderPrepare) prepare = NULL;
  g_autoptr(LadderReport) report = NULL;
  LadderCheckin *checkin = ladder_profile_find_checkin (profile, "c-1");
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *line = g_strdup_printf ("Topic %u, which is long enough to take most of a "
                                               "line of the page and then some more words", i);

      add_evidence (profile, line, 21, G_DATE_NOVEMBER);
      add_topic (profile, line, LADDER_RATER_SELF, 22, FALSE);
      add_action (checkin, line, LADDER_RATER_SELF, NULL, FALSE);
    }
  prepare = ladder_prepare_new (profile, today, FALSE);

  for (guint paper = LADDER_PAPER_SIZE_A4; paper <= LADDER_PAPER_SIZE_LETTER; paper++)
    {
      g_clear_pointer (&report, ladder_report_unref);
      report = ladder_prepare_to_report (prepare, paper);
      g_assert_cmpuint (ladder_report_get_n_pages (report), ==, 1);
    }

  g_assert_true (ladder_prepare_write_pdf (prepare, LADDER_PAPER_SIZE_LETTER, file, NULL, &error));
  g_assert_no_error (error);
  info = run_tool ("pdfinfo", path);
  assert_holds (info, "Pages:           1", "pdfinfo");
  text = run_tool ("pdftotext", path);
  assert_holds (text, "Topic 0,", "The long PDF");
  assert_holds (text, "more", "The long PDF");

  core_remove_tree (dir);
}

/* Lines too long for one page even one to a list (an entry pasted whole
 * as its title): each is cut short, at a word, and the page still holds
 * every section and what each leaves out. */
static void
test_prepare_one_page_long_lines (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(GDate) today = december_first ();
  g_autoptr(LadderPrepare) prepare = NULL;
  LadderCheckin *checkin = ladder_profile_find_checkin (profile, "c-1");
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "long-lines.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) words = g_string_new (NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;

  while (words->len < 2000)
    g_string_append (words, " and then the same again in other words");
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *line = g_strdup_printf ("Start %u%s end", i, words->str);

      add_evidence (profile, line, 21, G_DATE_NOVEMBER);
      add_topic (profile, line, LADDER_RATER_SELF, 22, FALSE);
      add_action (checkin, line, LADDER_RATER_SELF, NULL, FALSE);
    }
  prepare = ladder_prepare_new (profile, today, FALSE);

  for (guint paper = LADDER_PAPER_SIZE_A4; paper <= LADDER_PAPER_SIZE_LETTER; paper++)
    {
      g_autoptr(LadderReport) report = ladder_prepare_to_report (prepare, paper);

      g_assert_cmpuint (ladder_report_get_n_pages (report), ==, 1);
    }

  g_assert_true (ladder_prepare_write_pdf (prepare, LADDER_PAPER_SIZE_A4, file, NULL, &error));
  g_assert_no_error (error);
  info = run_tool ("pdfinfo", path);
  assert_holds (info, "Pages:           1", "pdfinfo");
  text = run_tool ("pdftotext", path);
  /* The start of a line, cut short; every section's heading. */
  assert_holds (text, "Start ", "The PDF");
  assert_holds (text, "and then the same again", "The PDF");
  assert_holds (text, "…", "The PDF");
  g_assert_null (strstr (text, "words end"));
  for (guint i = 0; i < LADDER_PREPARE_N_SECTIONS; i++)
    assert_holds (text, ladder_prepare_get_heading (prepare, i), "The PDF");
  assert_holds (text, "more", "The PDF");

  core_remove_tree (dir);
}

/* The room that cutting every list to the same length leaves at the
 * foot of the page goes back to the lists, the agenda first: a short
 * topic is not counted in "And 1 more" beside an empty half page. */
/* The room that cutting every list to the same length leaves at the
 * foot of the page goes back to the lists, the agenda first: short
 * topics are not counted in "And 8 more" beside an empty part of the
 * page. */
static void
test_prepare_one_page_fills (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(GDate) today = december_first ();
  g_autoptr(LadderPrepare) prepare = NULL;
  LadderCheckin *checkin = ladder_profile_find_checkin (profile, "c-1");
  g_autoptr(GString) words = g_string_new (NULL);

  /* Entries and actions of four lines or so: one of each more than the
   * page holds takes the room of several short topics. */
  for (guint w = 0; w < 40; w++)
    g_string_append (words, " word");
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *entry = g_strdup_printf ("Entry %u%s", i, words->str);
      g_autofree char *action = g_strdup_printf ("Action %u%s", i, words->str);

      add_evidence (profile, entry, 21, G_DATE_NOVEMBER);
      add_action (checkin, action, LADDER_RATER_SELF, NULL, FALSE);
    }
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *topic = g_strdup_printf ("Short topic %u", i);

      add_topic (profile, topic, LADDER_RATER_SELF, 22, FALSE);
    }
  prepare = ladder_prepare_new (profile, today, FALSE);

  for (guint paper = LADDER_PAPER_SIZE_A4; paper <= LADDER_PAPER_SIZE_LETTER; paper++)
    {
      g_autoptr(LadderReport) report = ladder_prepare_to_report (prepare, paper);
      g_autofree char *dir = core_make_temp_dir ();
      g_autofree char *path = g_build_filename (dir, "fills.pdf", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      guint n_topics = 0;

      g_assert_cmpuint (ladder_report_get_n_pages (report), ==, 1);
      g_assert_true (ladder_prepare_write_pdf (prepare, paper, file, NULL, &error));
      g_assert_no_error (error);
      text = run_tool ("pdftotext", path);
      /* The entries and actions were cut to one line each ... */
      assert_holds (text, "Entry 29", "The PDF");
      g_assert_null (strstr (text, "Entry 28"));
      g_assert_null (strstr (text, "Action 1 "));
      /* ... and the agenda has the room left. */
      for (const char *at = text; (at = strstr (at, "Short topic ")) != NULL; at++)
        n_topics++;
      g_assert_cmpuint (n_topics, >=, 2);
      core_remove_tree (dir);
    }
}

static void
test_prepare_markdown (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(GDate) today = december_first ();
  g_autoptr(LadderPrepare) prepare = ladder_prepare_new (profile, today, FALSE);
  g_autoptr(LadderPrepare) with_private = ladder_prepare_new (profile, today, TRUE);
  g_autofree char *text = ladder_prepare_to_markdown (prepare);
  g_autofree char *private_text = ladder_prepare_to_markdown (with_private);

  g_assert_cmpstr (text, ==, expected_markdown);
  assert_holds_none (text, strlen (text), "The Markdown");
  assert_holds (private_text, PRIVATE_TOPIC, "The Markdown with private items");
  assert_holds (private_text, PRIVATE_ACTION, "The Markdown with private items");
}

static void
test_prepare_pdf (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(GDate) today = december_first ();
  g_autoptr(LadderPrepare) prepare = ladder_prepare_new (profile, today, FALSE);
  g_autoptr(LadderPrepare) with_private = ladder_prepare_new (profile, today, TRUE);
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "prepare.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *private_text = NULL;
  gsize length;

  g_assert_true (ladder_prepare_write_pdf (prepare, LADDER_PAPER_SIZE_A4, file, NULL, &error));
  g_assert_no_error (error);
  bytes = core_read_file (path, &length);
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
  assert_holds_none (bytes, length, "The PDF's bytes");
  text = run_tool ("pdftotext", path);
  assert_holds_none (text, strlen (text), "The PDF");
  assert_holds (text, "Prepare 1:1: Alex Doe", "The PDF");
  assert_holds (text, "Write the Halvorsen design doc", "The PDF");
  assert_holds (text, "Engineer · due 20 Nov 2026, overdue", "The PDF");
  assert_holds (text, "Conference budget for *Lisbon* [2027]", "The PDF");
  assert_holds (text, "Where the Ratings Differ", "The PDF");
  assert_holds (text, "Designs systems — 46 %", "The PDF");
  assert_holds (text, "Since the last check-in: 1 step done", "The PDF");
  info = run_tool ("pdfinfo", path);
  assert_holds (info, "Pages:           1", "pdfinfo");

  g_assert_true (ladder_prepare_write_pdf (with_private, LADDER_PAPER_SIZE_LETTER, file, NULL, &error));
  g_assert_no_error (error);
  private_text = run_tool ("pdftotext", path);
  assert_holds (private_text, PRIVATE_TOPIC, "The PDF with private items");
  assert_holds (private_text, PRIVATE_ACTION, "The PDF with private items");

  core_remove_tree (dir);
}

static void
test_prepare_cli (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "alex.json", NULL);
  g_autofree char *md_path = g_build_filename (dir, "alex.md", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "alex.pdf", NULL);
  g_autofree char *data = ladder_format_write_profile (profile, NULL);
  g_autofree char *md = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CoreRun) run = NULL;
  gsize length;

  core_write_file (path, data);

  run = core_run_cli (NULL, "prepare", path, "--today", "2026-12-01", "-o", md_path, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
  md = core_read_file (md_path, &length);
  g_assert_cmpstr (md, ==, expected_markdown);
  g_clear_pointer (&run, core_run_free);

  /* Without --output, to standard output. */
  run = core_run_cli (NULL, "prepare", path, "--today", "2026-12-01", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, expected_markdown);
  g_clear_pointer (&run, core_run_free);

  run = core_run_cli (NULL, "prepare", path, "--include-private", NULL);
  g_assert_cmpint (run->status, ==, 0);
  assert_holds (run->out, PRIVATE_TOPIC, "prepare --include-private");
  g_clear_pointer (&run, core_run_free);

  run = core_run_cli (NULL, "prepare", path, "-o", pdf_path, "--paper", "letter", NULL);
  g_assert_cmpint (run->status, ==, 0);
  text = run_tool ("pdftotext", pdf_path);
  assert_holds_none (text, strlen (text), "prepare's PDF");
  assert_holds (text, "Book the training", "prepare's PDF");
  g_clear_pointer (&run, core_run_free);

  run = core_run_cli (NULL, "prepare", path, "--today", "yesterday", NULL);
  g_assert_cmpint (run->status, ==, 2);
  g_clear_pointer (&run, core_run_free);

  run = core_run_cli (NULL, "prepare", NULL);
  g_assert_cmpint (run->status, ==, 2);

  core_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ladder/prepare/sections", test_prepare_sections);
  g_test_add_func ("/ladder/prepare/long-lists", test_prepare_long_lists);
  g_test_add_func ("/ladder/prepare/one-page", test_prepare_one_page);
  g_test_add_func ("/ladder/prepare/markdown", test_prepare_markdown);
  g_test_add_func ("/ladder/prepare/pdf", test_prepare_pdf);
  g_test_add_func ("/ladder/prepare/one-page-long-lines", test_prepare_one_page_long_lines);
  g_test_add_func ("/ladder/prepare/one-page-fills", test_prepare_one_page_fills);
  g_test_add_func ("/ladder/prepare/cli", test_prepare_cli);

  return g_test_run ();
}
