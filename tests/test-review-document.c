/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Review documents: what a period's review lists for a level, its
 * Markdown byte for byte, its CSV read back as a spreadsheet reads it,
 * its PDF read with pdftotext, the private actions each leaves out unless
 * asked, and `ladder-cli export-markdown` and `export-csv` as a user runs
 * them.
 */

#include "config.h"

#include <string.h>

#include "ladder-core.h"
#include "core-helpers.h"

/* A word that appears nowhere else, so that finding it finds the item. */
#define PRIVATE_ACTION "Ask HR about the Zephyrine budget"

static LadderFramework *
make_framework (void)
{
  LadderFramework *framework = ladder_framework_new ("acme", "Engineering");
  const char *behaviours[][4] = {
    { "1-craft-1", "1", "craft", "Writes tests" },
    { "2-craft-1", "2", "craft", "Designs systems" },
    { "2-craft-2", "2", "craft", "Reviews *others'* code" },
    { "2-people-1", "2", "people", "Mentors engineers" },
  };
  g_autoptr(LadderLevel) l1 = ladder_level_new ("1", "Level 1", NULL);
  g_autoptr(LadderLevel) l2 = ladder_level_new ("2", "Level 2", NULL);
  g_autoptr(LadderCategory) craft = ladder_category_new ("craft", "Craft", NULL, NULL);
  g_autoptr(LadderCategory) people = ladder_category_new ("people", "People", NULL, NULL);

  g_assert_true (ladder_framework_add_level (framework, l1));
  g_assert_true (ladder_framework_add_level (framework, l2));
  g_assert_true (ladder_framework_add_category (framework, craft));
  g_assert_true (ladder_framework_add_category (framework, people));
  for (guint i = 0; i < G_N_ELEMENTS (behaviours); i++)
    {
      g_autoptr(LadderBehaviour) behaviour = ladder_behaviour_new (behaviours[i][0], behaviours[i][1],
                                                                  behaviours[i][2], NULL,
                                                                  behaviours[i][3]);

      g_assert_true (ladder_framework_add_behaviour (framework, behaviour));
    }

  return framework;
}

static void
add_evidence (LadderProfile *profile,
              const char    *title,
              guint          day,
              GDateMonth     month,
              guint          year,
              const char    *behaviour,
              const char    *link)
{
  g_autoptr(LadderEvidence) entry = ladder_evidence_new (NULL);
  g_autoptr(GDate) date = year != 0 ? g_date_new_dmy (day, month, year) : NULL;
  const char *behaviours[] = { behaviour, NULL };
  const char *links[] = { link, NULL };

  ladder_evidence_set_title (entry, title);
  ladder_evidence_set_date (entry, date);
  ladder_evidence_set_behaviours (entry, behaviours);
  ladder_evidence_set_links (entry, links);
  ladder_profile_add_evidence (profile, entry);
}

static GDateTime *
noon (guint day,
      guint month,
      guint year)
{
  return g_date_time_new_utc (year, month, day, 12, 0, 0);
}

static void
add_done_action (LadderCheckin *checkin,
                 const char    *text,
                 LadderRater    owner,
                 gboolean       done,
                 gboolean       is_private,
                 guint          day)
{
  g_autoptr(LadderAction) action = ladder_action_new (NULL);
  g_autoptr(GDateTime) modified = noon (day, 11, 2026);

  ladder_action_set_text (action, text);
  ladder_action_set_owner (action, owner);
  ladder_action_set_done (action, done);
  ladder_action_set_private (action, is_private);
  ladder_checkin_add_action (checkin, action);
  ladder_action_set_modified (action, modified);
}

static void
set_rating (LadderProfile     *profile,
            const char        *id,
            LadderRater        rater,
            LadderRatingValue  value,
            GDateTime         *updated)
{
  LadderRating *rating = ladder_profile_ensure_rating (profile, id);

  ladder_rating_set_value (rating, rater, value, updated);
}

/* Alex aims for Level 2; the period is 2026. "Designs systems" has five
 * entries (two on one day, the more linked first), "Reviews code" only
 * one from March, "Mentors engineers" one from before the period. */
static LadderProfile *
make_profile (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  LadderProfile *profile = ladder_profile_new ("5d0c2c8e-0000-4000-8000-00000000023a", framework);
  g_autoptr(LadderCheckin) checkin = ladder_checkin_new ("c-1");
  g_autoptr(GDate) checkin_date = g_date_new_dmy (15, G_DATE_DECEMBER, 2025);
  g_autoptr(GDateTime) november = noon (25, 11, 2026);
  g_autoptr(GDateTime) last_year = noon (1, 11, 2025);
  g_autoptr(LadderEvidence) talk = ladder_evidence_new (NULL);
  g_autoptr(GDate) talk_date = g_date_new_dmy (5, G_DATE_NOVEMBER, 2026);
  const char *tags[] = { "talk", "-community", NULL };

  ladder_profile_set_name (profile, "Alex Doe");
  ladder_profile_set_current_level (profile, "1");
  ladder_profile_set_target_level (profile, "2");

  add_evidence (profile, "Split the billing service", 20, G_DATE_NOVEMBER, 2026, "2-craft-1", NULL);
  add_evidence (profile, "Led the Kestrel design", 20, G_DATE_NOVEMBER, 2026, "2-craft-1",
                "https://example.com/kestrel");
  add_evidence (profile, "Paired on the parser", 10, G_DATE_OCTOBER, 2026, "2-craft-1",
                "javascript:alert(1)");
  add_evidence (profile, "Drew the 2027 roadmap", 1, G_DATE_SEPTEMBER, 2026, "2-craft-1", NULL);
  add_evidence (profile, "Reviewed the _auth_ patch", 15, G_DATE_MARCH, 2026, "2-craft-2", NULL);
  add_evidence (profile, "Mentored Sam", 1, G_DATE_DECEMBER, 2025, "2-people-1", NULL);

  ladder_evidence_set_title (talk, "=SUM(A1) gave a talk");
  ladder_evidence_set_body (talk, "Spoke at \"GUADEC\", then\nwrote it up");
  ladder_evidence_set_date (talk, talk_date);
  ladder_evidence_set_tags (talk, tags);
  ladder_profile_add_evidence (profile, talk);

  ladder_checkin_set_date (checkin, checkin_date);
  ladder_checkin_set_snapshot (checkin, "2-craft-1", LADDER_RATING_SOMETIMES, LADDER_RATING_SOMETIMES);
  add_done_action (checkin, "Write the design doc", LADDER_RATER_SELF, TRUE, FALSE, 2);
  add_done_action (checkin, PRIVATE_ACTION, LADDER_RATER_MANAGER, TRUE, TRUE, 3);
  add_done_action (checkin, "Still open", LADDER_RATER_SELF, FALSE, FALSE, 4);
  ladder_profile_add_checkin (profile, checkin);

  set_rating (profile, "2-craft-1", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY, november);
  set_rating (profile, "2-craft-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY, last_year);

  return profile;
}

static LadderReviewDocument *
make_document (LadderProfile *profile,
               gboolean       include_private)
{
  g_autoptr(GDate) since = g_date_new_dmy (1, G_DATE_JANUARY, 2026);
  g_autoptr(GDate) until = g_date_new_dmy (1, G_DATE_DECEMBER, 2026);

  return ladder_review_document_new (profile, NULL, since, until, include_private);
}

static const char expected_markdown[] =
  "# Review: Alex Doe\n"
  "\n"
  "_Level 2 · 1 January 2026 to 1 December 2026_\n"
  "\n"
  "1 of 3 behaviours backed by evidence of the last six months; 1 without evidence in the "
  "period, 1 with only older evidence.\n"
  "\n"
  "## Craft\n"
  "\n"
  "- Designs systems\n"
  "  - 20 Nov 2026 — Led the Kestrel design · <https://example.com/kestrel>\n"
  "  - 20 Nov 2026 — Split the billing service\n"
  "  - 10 Oct 2026 — Paired on the parser · javascript:alert(1)\n"
  "  - _And 1 more_\n"
  "- Reviews \\*others'\\* code\n"
  "  - **Only evidence older than six months**\n"
  "  - 15 Mar 2026 — Reviewed the \\_auth\\_ patch\n"
  "\n"
  "## People\n"
  "\n"
  "- Mentors engineers\n"
  "  - **No evidence in this period**\n"
  "\n"
  "## Evidence Linked to No Behaviour\n"
  "\n"
  "- 5 Nov 2026 — =SUM(A1) gave a talk\n"
  "\n"
  "## Ratings Changed\n"
  "\n"
  "- Designs systems — Manager: Sometimes → Consistently, 25 Nov 2026\n"
  "\n"
  "## Actions Finished\n"
  "\n"
  "- Write the design doc — Self, 2 Nov 2026\n";

static void
assert_holds (const char *bytes,
              const char *text,
              const char *what)
{
  if (strstr (bytes, text) == NULL)
    g_error ("%s lacks “%s”", what, text);
}

static void
assert_lacks (const char *bytes,
              const char *text,
              const char *what)
{
  if (strstr (bytes, text) != NULL)
    g_error ("%s has “%s”", what, text);
}

static void
test_markdown (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(LadderReviewDocument) document = make_document (profile, FALSE);
  g_autoptr(LadderReviewDocument) with_private = make_document (profile, TRUE);
  g_autofree char *text = ladder_review_document_to_markdown (document);
  g_autofree char *private_text = ladder_review_document_to_markdown (with_private);

  g_assert_cmpstr (ladder_review_document_get_level (document), ==, "2");
  g_assert_cmpstr (text, ==, expected_markdown);
  assert_holds (private_text, "- Write the design doc — Self, 2 Nov 2026\n"
                              "- " PRIVATE_ACTION " — Manager, 3 Nov 2026 · private\n",
                "The Markdown with private items");
  assert_holds (private_text, "· Private items included_", "The Markdown with private items");
}

/* Another level, and the defaults: the target level, until today, and
 * undated entries when the period has no first day. */
static void
test_level_and_defaults (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(LadderReviewDocument) level1 = NULL;
  g_autoptr(LadderReviewDocument) current = NULL;
  g_autoptr(GDate) today = g_date_new ();
  g_autofree char *today_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *current_text = NULL;

  /* Files always date an entry, but the model may not. */
  add_evidence (profile, "Undated win", 0, 0, 0, "2-people-1", NULL);
  level1 = ladder_review_document_new (profile, "1", NULL, NULL, FALSE);
  text = ladder_review_document_to_markdown (level1);

  g_date_set_time_t (today, time (NULL));
  today_text = g_strdup_printf ("%u", g_date_get_year (today));
  assert_holds (text, "_Level 1 · Everything until ", "Level 1's review");
  assert_holds (text, today_text, "Level 1's review");
  assert_holds (text, "- Writes tests\n  - **No evidence in this period**\n", "Level 1's review");
  assert_lacks (text, "Designs systems\n", "Level 1's review");
  /* The whole record: the rating set last year is in it too. */
  assert_holds (text, "- Designs systems — Self: Not rated → Consistently, 1 Nov 2025\n", "Level 1's review");

  ladder_profile_set_target_level (profile, NULL);
  current = ladder_review_document_new (profile, NULL, NULL, NULL, FALSE);
  g_assert_cmpstr (ladder_review_document_get_level (current), ==, "1");
  g_clear_pointer (&current, ladder_review_document_unref);

  current = ladder_review_document_new (profile, "2", NULL, NULL, FALSE);
  current_text = ladder_review_document_to_markdown (current);
  /* Undated, and from before 2026: both belong to the whole record. */
  assert_holds (current_text, "- Mentors engineers\n  - **Only evidence older than six months**\n"
                              "  - 1 Dec 2025 — Mentored Sam\n  - No date — Undated win\n",
                "The whole record's review");
}

/* RFC 4180, as a spreadsheet reads it: rows of cells, quoted cells with
 * doubled quotes and line breaks inside. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++;; p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"' && p[1] == '"')
                g_string_append_c (cell, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (cell, *p);
            }
          p++;
        }
      else
        {
          while (*p != '\0' && *p != ',' && *p != '\r')
            {
              g_assert_true (*p != '\n' && *p != '"');
              g_string_append_c (cell, *p++);
            }
        }

      g_strv_builder_add (row, cell->str);
      g_string_truncate (cell, 0);
      if (*p == ',')
        p++;
      else
        {
          /* Every row ends in CRLF. */
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          g_ptr_array_add (rows, g_strv_builder_end (row));
          g_clear_pointer (&row, g_strv_builder_unref);
          row = g_strv_builder_new ();
        }
    }

  return rows;
}

static void
test_csv (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(LadderReviewDocument) document = make_document (profile, FALSE);
  g_autofree char *text = ladder_review_document_to_csv (document);
  g_autoptr(GPtrArray) rows = NULL;
  const char * const header[] = { "Date", "Title", "Behaviours", "Tags", "Links", "Description", NULL };
  const char * const titles[] = {
    "Led the Kestrel design", "Split the billing service", "'=SUM(A1) gave a talk",
    "Paired on the parser", "Drew the 2027 roadmap", "Reviewed the _auth_ patch",
  };
  char **talk;

  g_assert_true (g_utf8_validate (text, -1, NULL));
  rows = parse_csv (text);
  /* The header, then the six entries of 2026, the newest first. */
  g_assert_cmpuint (rows->len, ==, 7);
  g_assert_cmpstrv (g_ptr_array_index (rows, 0), header);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      char **cells = g_ptr_array_index (rows, i + 1);

      g_assert_cmpuint (g_strv_length (cells), ==, 6);
      g_assert_cmpstr (cells[1], ==, titles[i]);
    }

  g_assert_cmpstrv (g_ptr_array_index (rows, 1),
                    ((const char * const[]) { "2026-11-20", "Led the Kestrel design", "Designs systems", "",
                                              "https://example.com/kestrel", "", NULL }));
  /* A formula is text, in every cell; quotes, commas and a line break
   * come back as written. */
  talk = g_ptr_array_index (rows, 3);
  g_assert_cmpstrv (talk, ((const char * const[]) { "2026-11-05", "'=SUM(A1) gave a talk", "",
                                                    "talk\n-community", "",
                                                    "Spoke at \"GUADEC\", then\nwrote it up", NULL }));
  assert_holds (text, "\"talk\n-community\"", "The CSV");
}

/* Whatever a spreadsheet would run, at the start of any cell, is text. */
static void
test_csv_formulas (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderProfile) profile = ladder_profile_new (NULL, framework);
  g_autoptr(LadderReviewDocument) document = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  const char * const titles[] = { "=1+1", "+1", "-1", "@SUM(1)", "\tx", "a=1" };
  const char * const cells[] = { "'=1+1", "'+1", "'-1", "'@SUM(1)", "'\tx", "a=1" };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    add_evidence (profile, titles[i], 1, G_DATE_JUNE, 2026, NULL, titles[i]);
  document = ladder_review_document_new (profile, NULL, NULL, NULL, FALSE);
  text = ladder_review_document_to_csv (document);
  rows = parse_csv (text);

  g_assert_cmpuint (rows->len, ==, 1 + G_N_ELEMENTS (titles));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      char **row = g_ptr_array_index (rows, i + 1);

      /* The title, and the same text as a link. */
      g_assert_cmpstr (row[1], ==, cells[i]);
      g_assert_cmpstr (row[4], ==, cells[i]);
    }
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

static void
test_pdf (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(LadderReviewDocument) document = make_document (profile, FALSE);
  g_autoptr(LadderReviewDocument) with_private = make_document (profile, TRUE);
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "review.pdf", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *private_text = NULL;
  g_autofree char *info = NULL;
  const char *title;

  bytes = ladder_review_document_to_bytes (document, LADDER_REVIEW_DOCUMENT_PDF,
                                           LADDER_PAPER_SIZE_A4, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  text = run_tool ("pdftotext", path);
  assert_holds (text, "Review: Alex Doe", "The PDF");
  assert_holds (text, "Level 2 · 1 January 2026 to 1 December 2026", "The PDF");
  assert_holds (text, "Designs systems", "The PDF");
  assert_holds (text, "20 Nov 2026 — Led the Kestrel design · https://example.com/kestrel", "The PDF");
  assert_holds (text, "Paired on the parser · javascript:alert(1)", "The PDF");
  assert_holds (text, "And 1 more", "The PDF");
  assert_holds (text, "Reviews *others'* code", "The PDF");
  assert_holds (text, "Only evidence older than six months", "The PDF");
  assert_holds (text, "No evidence in this period", "The PDF");
  assert_holds (text, "Evidence Linked to No Behaviour", "The PDF");
  assert_holds (text, "=SUM(A1) gave a talk", "The PDF");
  assert_holds (text, "Manager: Sometimes → Consistently, 25 Nov 2026", "The PDF");
  assert_holds (text, "Write the design doc", "The PDF");
  /* A safe link is a link; the one the app refuses is text only. */
  {
    const char *argv[] = { "pdftohtml", "-xml", "-stdout", "-i", "-q", path, NULL };
    g_autoptr(CoreRun) run = core_run_argv (NULL, argv);

    g_assert_cmpint (run->status, ==, 0);
    assert_holds (run->out, "<a href=\"https://example.com/kestrel\">", "The PDF's links");
    assert_lacks (run->out, "href=\"javascript:", "The PDF's links");
  }
  assert_lacks (text, "Zephyrine", "The PDF");
  assert_lacks (text, "Still open", "The PDF");
  /* Two categories: a radar would be a line. */
  assert_lacks (text, "Progress at", "The PDF");
  info = run_tool ("pdfinfo", path);
  title = strstr (info, "Title:");
  g_assert_nonnull (title);
  title += strlen ("Title:");
  title += strspn (title, " ");
  g_assert_true (g_str_has_prefix (title, "Review: Alex Doe "));
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = ladder_review_document_to_bytes (with_private, LADDER_REVIEW_DOCUMENT_PDF,
                                           LADDER_PAPER_SIZE_LETTER, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  private_text = run_tool ("pdftotext", path);
  assert_holds (private_text, PRIVATE_ACTION, "The PDF with private items");

  core_remove_tree (dir);
}

/* The PDF's radar: self and manager at the document's level (here the
 * target, not the current one), once, before the first category; none
 * in the two-category document above. */
static void
test_pdf_radar (void)
{
  g_autoptr(LadderFramework) framework = ladder_framework_new ("three", "Engineering");
  const char *categories[] = { "craft", "delivery", "people" };
  g_autoptr(LadderLevel) l1 = ladder_level_new ("1", "Level 1", NULL);
  g_autoptr(LadderLevel) l2 = ladder_level_new ("2", "Level 2", NULL);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderReviewDocument) document = NULL;
  g_autoptr(LadderRadar) radar = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "radar.pdf", NULL);
  g_autofree char *text = NULL;
  const char *heading, *first_category;

  g_assert_true (ladder_framework_add_level (framework, l1));
  g_assert_true (ladder_framework_add_level (framework, l2));
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      g_autofree char *name = g_strdup_printf ("Area %c", 'A' + i);
      g_autoptr(LadderCategory) category = ladder_category_new (categories[i], name, NULL, NULL);

      g_assert_true (ladder_framework_add_category (framework, category));
      for (guint level = 1; level <= 2; level++)
        {
          g_autofree char *id = g_strdup_printf ("%u-%s-1", level, categories[i]);
          g_autofree char *level_id = g_strdup_printf ("%u", level);
          g_autofree char *words = g_strdup_printf ("Behaviour %u of %s", level, name);
          g_autoptr(LadderBehaviour) behaviour = ladder_behaviour_new (id, level_id, categories[i],
                                                                      NULL, words);

          g_assert_true (ladder_framework_add_behaviour (framework, behaviour));
        }
    }
  profile = ladder_profile_new (NULL, framework);
  ladder_profile_set_name (profile, "Alex Doe");
  ladder_profile_set_current_level (profile, "1");
  ladder_profile_set_target_level (profile, "2");
  ladder_profile_rate (profile, "2-craft-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "2-craft-1", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);
  ladder_profile_rate (profile, "2-people-1", LADDER_RATER_SELF, LADDER_RATING_NOT_YET);
  ladder_profile_rate (profile, "1-delivery-1", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);

  /* What it draws: the target level's shares, not the current one's. */
  radar = ladder_radar_new_self_and_manager (profile, "2");
  g_assert_cmpuint (ladder_radar_get_n_axes (radar), ==, 3);
  g_assert_cmpuint (ladder_radar_get_n_series (radar), ==, 2);
  g_assert_cmpstr (ladder_radar_get_series_name (radar, 0), ==, "Self rating");
  g_assert_cmpstr (ladder_radar_get_series_name (radar, 1), ==, "Manager rating");
  g_assert_cmpfloat (ladder_radar_get_value (radar, 0, 0), ==, 1.0);
  g_assert_cmpfloat (ladder_radar_get_value (radar, 1, 0), ==, 0.5);
  g_assert_cmpfloat (ladder_radar_get_value (radar, 1, 1), ==, 0.0);
  g_assert_cmpfloat (ladder_radar_get_value (radar, 0, 2), ==, 0.0);

  document = ladder_review_document_new (profile, NULL, NULL, NULL, FALSE);
  bytes = ladder_review_document_to_bytes (document, LADDER_REVIEW_DOCUMENT_PDF,
                                           LADDER_PAPER_SIZE_A4, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  text = run_tool ("pdftotext", path);
  heading = strstr (text, "Progress at Level 2");
  first_category = strstr (text, "Behaviour 2 of Area A");
  g_assert_nonnull (heading);
  g_assert_null (strstr (heading + 1, "Progress at"));
  g_assert_null (strstr (text, "Progress at Level 1"));
  g_assert_nonnull (first_category);
  g_assert_true (heading < first_category);
  assert_holds (text, "Self rating", "The PDF's legend");
  assert_holds (text, "Manager rating", "The PDF's legend");
  g_assert_null (strstr (strstr (text, "Self rating") + 1, "Self rating"));
  assert_holds (text, "Sometimes counting half", "The PDF's caption");

  core_remove_tree (dir);
}

static void
test_cli (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(LadderReviewDocument) document = make_document (profile, FALSE);
  g_autofree char *expected_csv = ladder_review_document_to_csv (document);
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "alex.json", NULL);
  g_autofree char *md_path = g_build_filename (dir, "alex.md", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "alex.csv", NULL);
  g_autofree char *data = ladder_format_write_profile (profile, NULL);
  g_autofree char *md = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(CoreRun) run = NULL;
  gsize length;

  core_write_file (path, data);

  run = core_run_cli (NULL, "export-markdown", path, "--since", "2026-01-01", "--until", "2026-12-01",
                      "-o", md_path, NULL);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpint (run->status, ==, 0);
  md = core_read_file (md_path, &length);
  g_assert_cmpstr (md, ==, expected_markdown);
  g_clear_pointer (&run, core_run_free);

  /* Without --output, to standard output; a level by its name. */
  run = core_run_cli (NULL, "export-markdown", path, "--since", "2026-01-01", "--until", "2026-12-01",
                      "--level", "level 2", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, expected_markdown);
  g_clear_pointer (&run, core_run_free);

  run = core_run_cli (NULL, "export-markdown", path, "--level", "1", "--include-private", NULL);
  g_assert_cmpint (run->status, ==, 0);
  assert_holds (run->out, "- Writes tests\n", "export-markdown --level 1");
  assert_holds (run->out, PRIVATE_ACTION, "export-markdown --include-private");
  g_clear_pointer (&run, core_run_free);

  run = core_run_cli (NULL, "export-csv", path, "--since", "2026-01-01", "--until", "2026-12-01",
                      "-o", csv_path, NULL);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpint (run->status, ==, 0);
  csv = core_read_file (csv_path, &length);
  g_assert_cmpstr (csv, ==, expected_csv);
  g_clear_pointer (&run, core_run_free);

  run = core_run_cli (NULL, "export-csv", path, "--since", "2026-02-30", NULL);
  g_assert_cmpint (run->status, ==, 2);
  assert_holds (run->err, "“2026-02-30” is not a day in the form YYYY-MM-DD.", "export-csv's error");
  g_clear_pointer (&run, core_run_free);

  run = core_run_cli (NULL, "export-markdown", path, "--since", "2026-12-01", "--until", "2026-01-01", NULL);
  g_assert_cmpint (run->status, ==, 2);
  assert_holds (run->err, "--until is before --since", "export-markdown's error");
  g_clear_pointer (&run, core_run_free);

  run = core_run_cli (NULL, "export-markdown", path, "--level", "Distinguished", NULL);
  g_assert_cmpint (run->status, ==, 2);
  assert_holds (run->err, "The framework has no level “Distinguished”.", "export-markdown's error");
  g_clear_pointer (&run, core_run_free);

  run = core_run_cli (NULL, "export-markdown", "missing.json", NULL);
  g_assert_cmpint (run->status, ==, 1);
  assert_holds (run->err, "missing.json", "export-markdown's error");
  g_clear_pointer (&run, core_run_free);

  run = core_run_cli (NULL, "export-csv", NULL);
  g_assert_cmpint (run->status, ==, 2);

  core_remove_tree (dir);
}

/* A promotion in the period is its own section, in the Markdown and the
 * PDF; one before the period is not in it; none at all, no section. */
static void
test_promotions (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(GDate) before = g_date_new_dmy (1, G_DATE_JUNE, 2025);
  g_autoptr(GDate) during = g_date_new_dmy (1, G_DATE_OCTOBER, 2026);
  g_autoptr(LadderPromotion) early = ladder_promotion_new ("p-early", before, NULL, "1");
  g_autoptr(LadderPromotion) promotion = ladder_promotion_new ("p-1", during, "1", "2");
  g_autoptr(LadderReviewDocument) none = make_document (profile, FALSE);
  g_autofree char *none_text = ladder_review_document_to_markdown (none);
  g_autoptr(LadderReviewDocument) document = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "review.pdf", NULL);
  g_autofree char *pdf_text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  assert_lacks (none_text, "Promotions", "The Markdown without a promotion");

  ladder_profile_add_promotion (profile, early);
  ladder_profile_add_promotion (profile, promotion);
  document = make_document (profile, FALSE);
  text = ladder_review_document_to_markdown (document);
  assert_holds (text, "## Promotions\n\n- From Level 1 to Level 2 — 1 Oct 2026\n", "The Markdown");
  assert_lacks (text, "To Level 1", "The Markdown");

  bytes = ladder_review_document_to_bytes (document, LADDER_REVIEW_DOCUMENT_PDF,
                                           LADDER_PAPER_SIZE_A4, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  pdf_text = run_tool ("pdftotext", path);
  assert_holds (pdf_text, "Promotions", "The PDF");
  assert_holds (pdf_text, "From Level 1 to Level 2", "The PDF");

  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ladder/review-document/markdown", test_markdown);
  g_test_add_func ("/ladder/review-document/level-and-defaults", test_level_and_defaults);
  g_test_add_func ("/ladder/review-document/promotions", test_promotions);
  g_test_add_func ("/ladder/review-document/csv", test_csv);
  g_test_add_func ("/ladder/review-document/csv-formulas", test_csv_formulas);
  g_test_add_func ("/ladder/review-document/pdf", test_pdf);
  g_test_add_func ("/ladder/review-document/pdf-radar", test_pdf_radar);
  g_test_add_func ("/ladder/review-document/cli", test_cli);

  return g_test_run ();
}
