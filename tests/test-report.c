/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDF summary, read back the way a person's tools read it: poppler's
 * pdftotext for the text, pdfinfo for the metadata and page count,
 * pdffonts for the fonts, pdftohtml for the outline and the links; and
 * ladder-cli export-pdf run as a user runs it.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ladder-core.h"
#include "core-helpers.h"

/* Helpers */

typedef struct
{
  char *dir;
} Scratch;

static void
scratch_setup (Scratch       *scratch,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  scratch->dir = g_dir_make_tmp ("test-report-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
scratch_teardown (Scratch       *scratch,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (scratch->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (scratch->dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (scratch->dir), ==, 0);
  g_free (scratch->dir);
}

static char *
scratch_path (Scratch    *scratch,
              const char *name)
{
  return g_build_filename (scratch->dir, name, NULL);
}

/* A poppler tool's output on @path; the tool must succeed. */
static char *
poppler (const char *tool,
         const char *option,
         const char *path)
{
  const char *argv[] = { tool, option != NULL ? option : path, option != NULL ? path : "-",
                         option != NULL ? "-" : NULL, NULL };
  g_autoptr(CoreRun) run = NULL;

  if (g_str_equal (tool, "pdfinfo") || g_str_equal (tool, "pdffonts"))
    argv[option != NULL ? 3 : 2] = NULL;

  run = core_run_argv (NULL, argv);
  if (run->status != 0)
    g_error ("%s failed on %s: %s", tool, path, run->err);

  return g_steal_pointer (&run->out);
}

/* Text with all white space taken out: a title wrapped over two lines,
 * or a long word broken, still reads as itself. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free_and_steal (out);
}

static void
assert_has_text (const char *squeezed,
                 const char *needle)
{
  g_autofree char *wanted = squeeze (needle);

  if (strstr (squeezed, wanted) == NULL)
    g_error ("The PDF's text lacks “%s”", needle);
}

/* pdftotext's text without the footer of each page (@title, and "Page N
 * of M"), so that text running on over a page break reads on. */
static char *
text_without_footers (const char *text,
                      const char *title)
{
  g_auto(GStrv) lines = g_strsplit_set (text, "\n\f", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint page, n_pages;
      char end;

      if (g_str_equal (lines[i], title) ||
          sscanf (lines[i], "Page %u of %u%c", &page, &n_pages, &end) == 2)
        continue;
      g_string_append (out, lines[i]);
      g_string_append_c (out, '\n');
    }

  return g_string_free_and_steal (out);
}

/* The value of "Key:" in pdfinfo's output. */
static char *
info_value (const char *info,
            const char *key)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  gsize length = strlen (key);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strncmp (lines[i], key, length) == 0 && lines[i][length] == ':')
        return g_strstrip (g_strdup (lines[i] + length + 1));
    }

  return NULL;
}

static LadderFramework *
load_monzo (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LadderFramework *framework;
  const char *path = LADDER_BUNDLED_FRAMEWORKS_PATH "monzo-backend-engineering.json";
  const char *data;
  gsize length;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &length);
  framework = ladder_format_read_framework (data, length, path, &error);
  g_assert_no_error (error);

  return framework;
}

static GDateTime *
fixed_date (void)
{
  return g_date_time_new_utc (2026, 7, 1, 9, 30, 0);
}

static void
write_pdf (LadderProfile             *profile,
           const LadderReportOptions *options,
           const char                *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (ladder_report_write_pdf (profile, options, file, NULL, &error));
  g_assert_no_error (error);
}

/* A framework of two levels and three categories, from JSON, as a
 * framework file would give it: @long_text is the text of one behaviour
 * of the first level. */
static LadderFramework *
odd_framework (const char *long_text)
{
  struct { const char *id, *level, *category, *text; } behaviours[] = {
    { "1-craft-1", "1", "craft", "<b>Writes</b> code & tests that say <why>" },
    { "1-craft-2", "1", "craft", long_text },
    { "1-lead-1", "1", "lead", "يكتب وثائق واضحة للفريق" },
    { "1-plain-1", "1", "plain", "Keeps the build green" },
    { "2-craft-1", "2", "craft", "Designs systems 🚀 others build on" },
    { "2-lead-1", "2", "lead", "Leads a team’s planning" },
  };
  struct { const char *id, *name, *emoji; } categories[] = {
    { "craft", "Craft & <Code>", "🛠️" },
    { "lead", "قيادة", NULL },
    { "plain", "Plain", NULL },
  };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  LadderFramework *framework;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "ladder-framework");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "odd");
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "Odd <Framework> & Co");
  json_builder_set_member_name (builder, "organisation");
  json_builder_add_string_value (builder, "ACME & <Sons>");
  json_builder_set_member_name (builder, "levels");
  json_builder_begin_array (builder);
  for (guint i = 1; i <= 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", i);
      g_autofree char *name = g_strdup_printf ("Level <%u> & up", i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, categories[i].id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, categories[i].name);
      if (categories[i].emoji != NULL)
        {
          json_builder_set_member_name (builder, "emoji");
          json_builder_add_string_value (builder, categories[i].emoji);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "behaviours");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (behaviours); i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, behaviours[i].id);
      json_builder_set_member_name (builder, "level");
      json_builder_add_string_value (builder, behaviours[i].level);
      json_builder_set_member_name (builder, "category");
      json_builder_add_string_value (builder, behaviours[i].category);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, behaviours[i].text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  framework = ladder_format_read_framework (json, strlen (json), "odd.json", &error);
  g_assert_no_error (error);

  return framework;
}

static LadderEvidence *
make_evidence (guint              n,
               const char        *title,
               GDateYear          year,
               GDateMonth         month,
               GDateDay           day,
               const char * const *behaviours)
{
  g_autofree char *id = g_strdup_printf ("00000000-0000-4000-8000-%012u", n);
  LadderEvidence *evidence = ladder_evidence_new (id);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  ladder_evidence_set_date (evidence, &date);
  ladder_evidence_set_title (evidence, title);
  ladder_evidence_set_behaviours (evidence, behaviours);

  return evidence;
}

/* Promotions: the title block says since when the level holds, and
 * lists the recorded changes, newest first. */
static void
test_report_promotions (Scratch       *scratch,
                        gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = load_monzo ();
  g_autoptr(LadderProfile) profile = ladder_sample_profile (framework, 20, 7);
  g_autoptr(GDateTime) date = fixed_date ();
  g_autoptr(GDate) october = g_date_new_dmy (1, G_DATE_OCTOBER, 2025);
  g_autoptr(GDate) march = g_date_new_dmy (3, G_DATE_MARCH, 2025);
  g_autoptr(LadderLevel) first = g_list_model_get_item (ladder_framework_get_levels (framework), 0);
  g_autoptr(LadderLevel) second = g_list_model_get_item (ladder_framework_get_levels (framework), 1);
  g_autoptr(LadderPromotion) promotion = NULL;
  g_autoptr(LadderPromotion) correction = NULL;
  g_autofree char *path = scratch_path (scratch, "promoted.pdf");
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *since = NULL;
  g_autofree char *listed = NULL;
  LadderReportOptions options = { 0, };

  correction = ladder_promotion_new (NULL, march, ladder_level_get_id (second),
                                     ladder_level_get_id (first));
  promotion = ladder_promotion_new (NULL, october, ladder_level_get_id (first),
                                    ladder_level_get_id (second));
  ladder_profile_add_promotion (profile, correction);
  ladder_profile_add_promotion (profile, promotion);
  ladder_profile_set_current_level (profile, ladder_level_get_id (second));

  options.paper = LADDER_PAPER_SIZE_A4;
  options.date = date;
  write_pdf (profile, &options, path);
  text = poppler ("pdftotext", NULL, path);
  squeezed = squeeze (text);

  since = g_strdup_printf ("%s since 1 October 2025", ladder_level_get_name (second));
  assert_has_text (squeezed, since);
  listed = g_strdup_printf ("Promotions%s on 1 October 2025 %s on 3 March 2025, a correction",
                            ladder_level_get_name (second), ladder_level_get_name (first));
  assert_has_text (squeezed, listed);
}

/* The sample profile: what pdftotext finds */

static void
test_report_sample_text (Scratch       *scratch,
                         gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = load_monzo ();
  g_autoptr(LadderProfile) profile = ladder_sample_profile (framework, 200, 7);
  g_autoptr(GDateTime) date = fixed_date ();
  g_autofree char *path = scratch_path (scratch, "sample.pdf");
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  LadderReportOptions options = { 0, };
  GListModel *categories = ladder_framework_get_categories (framework);
  GListModel *evidence = ladder_profile_get_evidence (profile);
  LadderLevel *current, *target;

  options.paper = LADDER_PAPER_SIZE_A4;
  options.date = date;
  write_pdf (profile, &options, path);

  text = poppler ("pdftotext", NULL, path);
  squeezed = squeeze (text);

  /* The title block. */
  assert_has_text (squeezed, "Progress summary");
  assert_has_text (squeezed, ladder_profile_get_name (profile));
  assert_has_text (squeezed, ladder_profile_get_role (profile));
  assert_has_text (squeezed, ladder_framework_get_name (framework));
  assert_has_text (squeezed, ladder_framework_get_organisation (framework));
  current = ladder_framework_find_level (framework, ladder_profile_get_current_level (profile));
  target = ladder_framework_find_level (framework, ladder_profile_get_target_level (profile));
  g_assert_nonnull (current);
  g_assert_nonnull (target);
  assert_has_text (squeezed, ladder_level_get_name (current));
  assert_has_text (squeezed, ladder_level_get_name (target));
  assert_has_text (squeezed, "Made1 July 2026");

  /* Every section. */
  assert_has_text (squeezed, "Behaviours shown, by level");
  assert_has_text (squeezed, "the current level");
  assert_has_text (squeezed, "the target level");
  assert_has_text (squeezed, "Evidence log");
  assert_has_text (squeezed, "Check-ins over time");
  assert_has_text (squeezed, "Last check-in");
  /* What it looked back on, from the check-in before. */
  assert_has_text (squeezed, "since the check-in of");
  assert_has_text (squeezed, "Open actions");
  /* The chart of check-ins leads up to the last one. */
  g_assert_true (strstr (squeezed, "Check-insovertime") < strstr (squeezed, "Lastcheck-in"));

  /* Every category, and every evidence title. */
  g_assert_cmpuint (g_list_model_get_n_items (categories), >, 3);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(LadderCategory) category = g_list_model_get_item (categories, i);

      assert_has_text (squeezed, ladder_category_get_name (category));
    }
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 200);
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(LadderEvidence) entry = g_list_model_get_item (evidence, i);

      assert_has_text (squeezed, ladder_evidence_get_title (entry));
    }

  /* Every page numbered. */
  assert_has_text (squeezed, "Page 1 of");
}

/* How many times @needle (white space aside) is in @squeezed. */
static guint
count_text (const char *squeezed,
            const char *needle)
{
  g_autofree char *wanted = squeeze (needle);
  guint n = 0;

  for (const char *p = strstr (squeezed, wanted); p != NULL; p = strstr (p + 1, wanted))
    n++;

  return n;
}

/* Self and manager on one radar at the current level, the summary's one
 * chart of it, on the first page; one series while one side has rated
 * nothing there; none for fewer than three categories. */
static void
test_report_radar (Scratch       *scratch,
                   gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = load_monzo ();
  g_autoptr(LadderProfile) profile = ladder_sample_profile (framework, 20, 7);
  g_autoptr(LadderFramework) narrow = ladder_framework_new ("narrow", "Narrow");
  g_autoptr(LadderLevel) level = ladder_level_new ("1", "Level 1", NULL);
  g_autoptr(LadderProfile) two = NULL;
  g_autoptr(LadderProfile) self_only = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GDateTime) date = fixed_date ();
  g_autofree char *path = scratch_path (scratch, "radar.pdf");
  g_autofree char *self_path = scratch_path (scratch, "self.pdf");
  g_autofree char *narrow_path = scratch_path (scratch, "narrow.pdf");
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *heading = NULL;
  LadderReportOptions options = { 0, };
  GListModel *ratings;
  LadderLevel *current;
  const char *radar, *table, *page_1;

  options.paper = LADDER_PAPER_SIZE_A4;
  options.date = date;
  write_pdf (profile, &options, path);
  text = poppler ("pdftotext", NULL, path);
  squeezed = squeeze (text);

  /* One radar: one heading, one legend, one caption, and none of the
   * chart it replaced. */
  current = ladder_framework_find_level (framework, ladder_profile_get_current_level (profile));
  heading = g_strdup_printf ("Progress at %s", ladder_level_get_name (current));
  g_assert_cmpuint (count_text (squeezed, heading), ==, 1);
  g_assert_cmpuint (count_text (squeezed, "Progress at"), ==, 1);
  g_assert_cmpuint (count_text (squeezed, "Self rating"), ==, 1);
  g_assert_cmpuint (count_text (squeezed, "Manager rating"), ==, 1);
  g_assert_cmpuint (count_text (squeezed, "Sometimes counting half"), ==, 1);
  g_assert_cmpuint (count_text (squeezed, "Self and Manager at"), ==, 0);
  g_assert_cmpuint (count_text (squeezed, "see shown consistently"), ==, 0);

  /* On the first page, after the title block, before the table. */
  radar = strstr (squeezed, "Progressat");
  table = strstr (squeezed, "Behavioursshown,bylevel");
  page_1 = strstr (squeezed, "Page1of");
  g_assert_nonnull (radar);
  g_assert_nonnull (table);
  g_assert_nonnull (page_1);
  g_assert_true (strstr (squeezed, "Made1July2026") < radar);
  g_assert_true (radar < page_1 && radar < table);

  /* The manager has rated nothing: the self series alone. */
  self_only = ladder_sample_profile (framework, 20, 7);
  ratings = ladder_profile_get_ratings (self_only);
  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(LadderRating) rating = g_list_model_get_item (ratings, i);

      g_ptr_array_add (ids, g_strdup (ladder_rating_get_behaviour_id (rating)));
    }
  /* Clearing a rating may drop it from the list: by id, not by index. */
  for (guint i = 0; i < ids->len; i++)
    ladder_profile_rate (self_only, g_ptr_array_index (ids, i), LADDER_RATER_MANAGER,
                         LADDER_RATING_UNRATED);
  write_pdf (self_only, &options, self_path);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&squeezed, g_free);
  text = poppler ("pdftotext", NULL, self_path);
  squeezed = squeeze (text);
  g_assert_cmpuint (count_text (squeezed, heading), ==, 1);
  g_assert_cmpuint (count_text (squeezed, "Self rating"), ==, 1);
  g_assert_cmpuint (count_text (squeezed, "Manager rating"), ==, 0);

  /* Two categories: a radar would be a line. */
  g_assert_true (ladder_framework_add_level (narrow, level));
  for (guint i = 1; i <= 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      g_autofree char *behaviour_id = g_strdup_printf ("1-c%u-1", i);
      g_autoptr(LadderCategory) category = ladder_category_new (id, id, NULL, NULL);
      g_autoptr(LadderBehaviour) behaviour = ladder_behaviour_new (behaviour_id, "1", id, NULL,
                                                                   "Does the work");

      g_assert_true (ladder_framework_add_category (narrow, category));
      g_assert_true (ladder_framework_add_behaviour (narrow, behaviour));
    }
  two = ladder_profile_new (NULL, narrow);
  ladder_profile_set_name (two, "Sam Roe");
  ladder_profile_set_current_level (two, "1");
  ladder_profile_rate (two, "1-c1-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (two, "1-c2-1", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);
  write_pdf (two, &options, narrow_path);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&squeezed, g_free);
  text = poppler ("pdftotext", NULL, narrow_path);
  squeezed = squeeze (text);
  assert_has_text (squeezed, "Behaviours shown, by level");
  g_assert_cmpuint (count_text (squeezed, "Progress at"), ==, 0);
  g_assert_cmpuint (count_text (squeezed, "Self rating"), ==, 0);
}

/* The target level's behaviours: per category, how many are new there,
 * and under each that restates one of the level before, which. */
static void
test_report_new_at_target (Scratch       *scratch,
                           gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = load_monzo ();
  g_autoptr(LadderProfile) profile = ladder_sample_profile (framework, 20, 7);
  g_autofree char *path = scratch_path (scratch, "new.pdf");
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  const char *target = ladder_profile_get_target_level (profile);
  const char *lower = ladder_framework_get_previous_level (framework, target);
  const char *target_name = ladder_level_get_name (ladder_framework_find_level (framework, target));
  const char *lower_name = ladder_level_get_name (ladder_framework_find_level (framework, lower));
  GListModel *categories = ladder_framework_get_categories (framework);
  guint n_restated = 0;

  write_pdf (profile, NULL, path);
  text = poppler ("pdftotext", NULL, path);
  squeezed = squeeze (text);

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(LadderCategory) category = g_list_model_get_item (categories, i);
      g_autoptr(GPtrArray) pairs = ladder_framework_pair_levels (framework, target, lower,
                                                                 ladder_category_get_id (category));
      guint count[2] = { 0, 0 };
      g_autofree char *heading = NULL;

      for (guint j = 0; j < pairs->len; j++)
        {
          LadderGrowthPair *pair = pairs->pdata[j];

          count[pair->builds_on != NULL]++;
          /* Short ones are quoted whole. */
          if (pair->builds_on != NULL && strlen (ladder_behaviour_get_text (pair->builds_on)) < 40)
            {
              g_autofree char *line = g_strdup_printf ("%s Builds on %s (%s): %s",
                                                       ladder_behaviour_get_text (pair->behaviour),
                                                       ladder_category_get_name (category),
                                                       lower_name,
                                                       ladder_behaviour_get_text (pair->builds_on));

              assert_has_text (squeezed, line);
            }
        }
      if (pairs->len == 0)
        continue;

      if (count[1] > 0)
        heading = g_strdup_printf ("%u new at %s · %u %s on %s", count[0], target_name, count[1],
                                   count[1] == 1 ? "builds" : "build", lower_name);
      else
        heading = g_strdup_printf ("%u new at %s", count[0], target_name);
      assert_has_text (squeezed, heading);
      n_restated += count[1];
    }

  /* The sample's target level restates some of the level before. */
  g_assert_cmpuint (n_restated, >, 0);
  /* The current level is not compared with anything. */
  {
    const char *current = ladder_profile_get_current_level (profile);
    g_autofree char *not_wanted = g_strdup_printf ("new at %s",
                                                   ladder_level_get_name (ladder_framework_find_level (framework,
                                                                                                       current)));
    g_autofree char *squeezed_not_wanted = squeeze (not_wanted);

    g_assert_cmpstr (current, ==, lower);
    g_assert_null (strstr (squeezed, squeezed_not_wanted));
  }
}

/* The readiness sentence says which rule "ready" follows. */
static void
test_report_readiness_rule (Scratch       *scratch,
                            gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = load_monzo ();
  g_autoptr(LadderProfile) profile = ladder_sample_profile (framework, 10, 7);
  g_autoptr(GDateTime) date = fixed_date ();
  g_autofree char *path = scratch_path (scratch, "rule.pdf");
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  LadderReportOptions options = { 0, };

  options.paper = LADDER_PAPER_SIZE_A4;
  options.date = date;
  /* A level with one after it, for readiness to mean something. */
  ladder_profile_set_current_level (profile, "1");
  write_pdf (profile, &options, path);
  text = poppler ("pdftotext", NULL, path);
  squeezed = squeeze (text);
  assert_has_text (squeezed, "Readiness rule: Ready for the next level when 80 % of the current level’s "
                             "behaviours are shown.");

  /* The profile's own rule, not the library's. */
  ladder_framework_set_readiness (ladder_profile_get_framework (profile), LADDER_READINESS_NEXT_SHARE, 60);
  write_pdf (profile, &options, path);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&squeezed, g_free);
  text = poppler ("pdftotext", NULL, path);
  squeezed = squeeze (text);
  assert_has_text (squeezed, "Readiness rule: Ready for the next level when 60 % of its behaviours are "
                             "already shown.");
}

/* Not applicable leaves the count of the side that says so, and only
 * that side's: the summary says how many each side left out, where it
 * counts them, and a behaviour one side finds not applicable and the
 * other rates says so under it. */
static void
test_report_not_applicable (Scratch       *scratch,
                            gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = odd_framework ("Keeps the tests fast");
  g_autoptr(LadderProfile) profile = ladder_profile_new ("5d0c2c8e-0000-4000-8000-0000000000aa",
                                                         framework);
  g_autoptr(GDateTime) date = fixed_date ();
  g_autofree char *path = scratch_path (scratch, "not-applicable.pdf");
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  LadderReportOptions options = { 0, };

  ladder_profile_set_name (profile, "Alex Doe");
  ladder_profile_set_current_level (profile, "1");
  ladder_profile_set_target_level (profile, "2");
  /* Not applicable to self, rated by the manager. */
  ladder_profile_rate (profile, "1-craft-1", LADDER_RATER_SELF, LADDER_RATING_NOT_APPLICABLE);
  ladder_profile_rate (profile, "1-craft-1", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "1-craft-2", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  /* Not applicable to the manager, rated by self. */
  ladder_profile_rate (profile, "1-plain-1", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  ladder_profile_rate (profile, "1-plain-1", LADDER_RATER_MANAGER, LADDER_RATING_NOT_APPLICABLE);
  /* Not applicable to both. */
  ladder_profile_rate (profile, "1-lead-1", LADDER_RATER_SELF, LADDER_RATING_NOT_APPLICABLE);
  ladder_profile_rate (profile, "1-lead-1", LADDER_RATER_MANAGER, LADDER_RATING_NOT_APPLICABLE);

  options.paper = LADDER_PAPER_SIZE_A4;
  options.date = date;
  write_pdf (profile, &options, path);
  text = poppler ("pdftotext", NULL, path);
  squeezed = squeeze (text);

  /* The title block: how many each side left out, and that two of them
   * count on the other side. */
  assert_has_text (squeezed, "Not applicable, left out of progress and readiness: 2 by self, 2 by manager "
                             "· 2 of them rated by the other side, and counted there");
  /* The shares it gives: 1 of 2 by self (craft-2 of craft-2, plain-1),
   * 1 of 2 by the manager (craft-1 of craft-1, craft-2). */
  assert_has_text (squeezed, "50 % shown by self");
  assert_has_text (squeezed, "50 % by manager");

  /* Each category's heading says what its totals leave out. */
  assert_has_text (squeezed, "1 of 1 shown by self, 1 not applicable · 1 of 2 by manager");
  assert_has_text (squeezed, "0 of 0 shown by self, 1 not applicable · 0 of 0 by manager, 1 not applicable");
  assert_has_text (squeezed, "0 of 1 shown by self · 0 of 0 by manager, 1 not applicable");

  /* The behaviours rated on one side only say so, under both ratings. */
  assert_has_text (squeezed, "Self: Not applicable Manager: Consistently Not applicable to self only: "
                             "left out of the self count, counted in the manager’s.");
  assert_has_text (squeezed, "Self: Sometimes Manager: Not applicable Not applicable to the manager only: "
                             "left out of the manager’s count, counted in the self count.");
  /* Not applicable to both counts on neither: nothing to add. */
  assert_has_text (squeezed, "Self: Not applicable Manager: Not applicable No evidence yet.");

  /* The table says how its totals count them. */
  assert_has_text (squeezed, "A behaviour rated not applicable does not count for the side that rated it so, "
                             "and still counts for the other.");
}

/* pdfinfo and pdffonts: metadata, pages, fonts */

static void
test_report_metadata_and_fonts (Scratch       *scratch,
                                gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = load_monzo ();
  g_autoptr(LadderProfile) profile = ladder_sample_profile (framework, 60, 3);
  g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 ("2026-07-01T09:30:00+02:00", NULL);
  g_autoptr(LadderReport) report = NULL;
  g_autofree char *path = scratch_path (scratch, "meta.pdf");
  g_autofree char *info = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *created = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *expected_title = NULL;
  g_auto(GStrv) lines = NULL;
  LadderReportOptions options = { 0, };
  double width, height;
  guint n_pages;
  guint n_fonts = 0;

  options.paper = LADDER_PAPER_SIZE_A4;
  options.date = date;
  write_pdf (profile, &options, path);

  /* The page count is the layout's. */
  report = ladder_report_new (profile, &options);
  ladder_paper_size_get_size (LADDER_PAPER_SIZE_A4, &width, &height);
  n_pages = ladder_report_paginate (report, width, height);
  g_assert_cmpuint (n_pages, >, 3);

  info = poppler ("pdfinfo", "-isodates", path);
  title = info_value (info, "Title");
  author = info_value (info, "Author");
  created = info_value (info, "CreationDate");
  pages = info_value (info, "Pages");
  expected_title = g_strdup_printf ("Progress summary: %s", ladder_profile_get_name (profile));
  g_assert_cmpstr (title, ==, expected_title);
  g_assert_cmpstr (title, ==, ladder_report_get_title (report));
  g_assert_cmpstr (author, ==, ladder_profile_get_name (profile));
  g_assert_cmpstr (created, ==, "2026-07-01T09:30:00+02");
  g_assert_cmpuint (g_ascii_strtoull (pages, NULL, 10), ==, n_pages);
  g_assert_nonnull (strstr (info, "(A4)"));

  /* Every font embedded (and as a subset). */
  fonts = poppler ("pdffonts", NULL, path);
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      if (*lines[i] == '\0')
        continue;
      fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      for (guint j = 0; fields[j] != NULL; j++)
        if (*fields[j] != '\0')
          g_ptr_array_add (words, fields[j]);
      /* name type… encoding emb sub uni object ID: from the right. */
      g_assert_cmpuint (words->len, >=, 7);
      g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
      g_assert_cmpstr (g_ptr_array_index (words, words->len - 4), ==, "yes");
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

/* The outline, the links from behaviours to their evidence, and the
 * evidence's own links, as pdftohtml reads them. */
static void
test_report_outline_and_links (Scratch       *scratch,
                               gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = load_monzo ();
  g_autoptr(LadderProfile) profile = ladder_sample_profile (framework, 60, 3);
  g_autoptr(GDateTime) date = fixed_date ();
  g_autofree char *path = scratch_path (scratch, "links.pdf");
  g_autofree char *dests = NULL;
  g_autoptr(CoreRun) run = NULL;
  LadderReportOptions options = { 0, };
  const char *argv[] = { "pdftohtml", "-xml", "-stdout", "-i", "-q", NULL, NULL };

  options.paper = LADDER_PAPER_SIZE_A4;
  options.date = date;
  write_pdf (profile, &options, path);

  argv[5] = path;
  run = core_run_argv (NULL, argv);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, "<outline>"));
  g_assert_nonnull (strstr (run->out, ">Summary</item>"));
  g_assert_nonnull (strstr (run->out, ">Behaviours shown, by level</item>"));
  g_assert_nonnull (strstr (run->out, ">Evidence log</item>"));
  g_assert_nonnull (strstr (run->out, ">Check-ins over time</item>"));
  g_assert_nonnull (strstr (run->out, ">Last check-in</item>"));
  /* The evidence's web links. */
  g_assert_nonnull (strstr (run->out, "<a href=\"https://"));

  /* A destination per linked evidence entry. */
  dests = poppler ("pdfinfo", "-dests", path);
  g_assert_nonnull (strstr (dests, "\"ev-"));
  g_assert_nonnull (strstr (dests, "\"summary\""));
}

/* Links the app will not open are text in the PDF, not link annotations:
 * a PDF reader would open them for whoever sent the profile. */

static const char * const unsafe_links[] = {
  "javascript:alert(1)",
  "file:///etc/passwd",
  "data:text/html,<script>alert(1)</script>",
  "smb://server/share",
  "www.example.com/no-scheme",
};

static const char * const safe_links[] = {
  "https://example.com/safe",
  "http://example.org/plain",
  "mailto:someone@example.com",
};

static void
test_report_unsafe_links (Scratch       *scratch,
                          gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = odd_framework ("Short");
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderEvidence) entry = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GDateTime) date = fixed_date ();
  g_autoptr(CoreRun) run = NULL;
  g_auto(GStrv) links = NULL;
  g_autofree char *path = scratch_path (scratch, "unsafe-links.pdf");
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  LadderReportOptions options = { 0, };
  const char *backs[] = { "1-craft-1", NULL };
  const char *argv[] = { "pdftohtml", "-xml", "-stdout", "-i", "-q", NULL, NULL };
  guint n_hrefs = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (unsafe_links); i++)
    {
      g_strv_builder_add (builder, unsafe_links[i]);
      if (i < G_N_ELEMENTS (safe_links))
        g_strv_builder_add (builder, safe_links[i]);
    }
  links = g_strv_builder_end (builder);

  profile = ladder_profile_new ("3c0e2a71-5d4b-4f6e-9a8c-7b1d2e3f4a55", framework);
  ladder_profile_set_name (profile, "Robin Links");
  ladder_profile_set_current_level (profile, "1");
  ladder_profile_set_target_level (profile, "2");
  entry = make_evidence (1, "Links of every kind", 2026, 3, 4, backs);
  ladder_evidence_set_links (entry, (const char * const *) links);
  ladder_profile_add_evidence (profile, entry);

  options.date = date;
  write_pdf (profile, &options, path);

  /* Every link is printed, whether it opens or not. */
  text = poppler ("pdftotext", NULL, path);
  squeezed = squeeze (text);
  for (gsize i = 0; i < G_N_ELEMENTS (unsafe_links); i++)
    assert_has_text (squeezed, unsafe_links[i]);
  for (gsize i = 0; i < G_N_ELEMENTS (safe_links); i++)
    assert_has_text (squeezed, safe_links[i]);

  /* Only the safe ones are link annotations: pdftohtml writes one <a
   * href> per link it finds, those within the PDF to "NAME.html#PAGE". */
  argv[5] = path;
  run = core_run_argv (NULL, argv);
  g_assert_cmpint (run->status, ==, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (safe_links); i++)
    {
      g_autofree char *href = g_strdup_printf ("<a href=\"%s\">", safe_links[i]);

      if (strstr (run->out, href) == NULL)
        g_error ("The PDF does not link to %s:\n%s", safe_links[i], run->out);
    }
  for (const char *p = strstr (run->out, "<a href=\""); p != NULL; p = strstr (p + 1, "<a href=\""))
    {
      const char *target = p + strlen ("<a href=\"");
      gboolean known = FALSE;

      /* Links within the PDF, from the summary to its evidence. */
      if (g_str_has_prefix (target, "unsafe-links.html#"))
        continue;
      for (gsize i = 0; i < G_N_ELEMENTS (safe_links); i++)
        known |= g_str_has_prefix (target, safe_links[i]);
      if (!known)
        g_error ("The PDF links to something other than the safe links: %.60s", target);
      n_hrefs++;
    }
  g_assert_cmpuint (n_hrefs, ==, G_N_ELEMENTS (safe_links));
}

/* Links as people write them, with letters outside ASCII in the path,
 * the address or the host: the PDF is made (cairo refuses 8-bit link
 * attributes) and links to each, as a URI. */
static void
test_report_non_ascii_links (Scratch       *scratch,
                             gconstpointer  data)
{
  const char *links[] = {
    "https://de.wikipedia.org/wiki/Zürich",
    "mailto:zoë@example.com",
    "https://例え.jp/パス?q=ü#ß",
    NULL,
  };
  const char *hrefs[] = {
    "https://de.wikipedia.org/wiki/Z%C3%BCrich",
    "mailto:zo%C3%AB@example.com",
    "https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9?q=%C3%BC#%C3%9F",
  };
  g_autoptr(LadderFramework) framework = odd_framework ("Short");
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderEvidence) entry = NULL;
  g_autoptr(GDateTime) date = fixed_date ();
  g_autoptr(CoreRun) run = NULL;
  g_autofree char *path = scratch_path (scratch, "non-ascii-links.pdf");
  g_autofree char *text = NULL;
  LadderReportOptions options = { 0, };
  const char *backs[] = { "1-craft-1", NULL };
  const char *argv[] = { "pdftohtml", "-xml", "-stdout", "-i", "-q", NULL, NULL };

  profile = ladder_profile_new ("3c0e2a71-5d4b-4f6e-9a8c-7b1d2e3f4a56", framework);
  ladder_profile_set_name (profile, "Zoë Links");
  ladder_profile_set_current_level (profile, "1");
  entry = make_evidence (1, "Links from everywhere", 2026, 3, 4, backs);
  ladder_evidence_set_links (entry, links);
  ladder_profile_add_evidence (profile, entry);

  options.date = date;
  write_pdf (profile, &options, path);

  /* Printed as written. */
  text = poppler ("pdftotext", NULL, path);
  assert_has_text (text, "Zürich");
  assert_has_text (text, "zoë@example.com");

  argv[5] = path;
  run = core_run_argv (NULL, argv);
  g_assert_cmpint (run->status, ==, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (hrefs); i++)
    {
      g_autofree char *href = g_strdup_printf ("<a href=\"%s\">", hrefs[i]);

      if (strstr (run->out, href) == NULL)
        g_error ("The PDF does not link to %s:\n%s", hrefs[i], run->out);
    }
}

/* Much text: nothing cut */

static void
test_report_long (Scratch       *scratch,
                  gconstpointer  data)
{
  GString *long_text = g_string_new (NULL);
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GPtrArray) evidence = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) date = fixed_date ();
  g_autofree char *path = scratch_path (scratch, "long.pdf");
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *info = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *long_behaviour = NULL;
  g_autofree char *body = NULL;
  LadderReportOptions options = { 0, };
  const char *backs[] = { "1-craft-2", "1-plain-1", NULL };

  /* 5,000 characters of distinct words. */
  for (guint i = 0; long_text->len < 5000; i++)
    g_string_append_printf (long_text, "clause%04u ", i);
  g_string_truncate (long_text, 5000);
  long_behaviour = g_string_free (long_text, FALSE);
  g_assert_cmpuint (strlen (long_behaviour), ==, 5000);

  framework = odd_framework (long_behaviour);
  profile = ladder_profile_new ("7d5a4bde-1d36-4f0c-9a55-4bbf2e0e7a1e", framework);
  ladder_profile_set_name (profile, "Robin Long");
  ladder_profile_set_current_level (profile, "1");
  ladder_profile_set_target_level (profile, "2");
  ladder_profile_rate (profile, "1-craft-2", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Entry number %04u of the long log", i);

      g_ptr_array_add (evidence, make_evidence (i, title, 2024 + i / 1000,
                                                (GDateMonth) (1 + i % 12),
                                                (GDateDay) (1 + i % 28), backs));
    }
  ladder_profile_splice_evidence (profile, (LadderEvidence **) evidence->pdata, evidence->len);

  options.paper = LADDER_PAPER_SIZE_LETTER;
  options.date = date;
  write_pdf (profile, &options, path);

  text = poppler ("pdftotext", NULL, path);
  body = text_without_footers (text, "Progress summary: Robin Long");
  squeezed = squeeze (body);
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Entry number %04u of the long log", i);

      assert_has_text (squeezed, title);
    }
  /* The whole behaviour, in order, over as many lines and pages as it
   * takes. */
  assert_has_text (squeezed, long_behaviour);
  assert_has_text (squeezed, "2000 entries, oldest first.");

  info = poppler ("pdfinfo", NULL, path);
  pages = info_value (info, "Pages");
  g_assert_cmpuint (g_ascii_strtoull (pages, NULL, 10), >, 40);
  g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));
}

/* Text of awkward shapes in the log: one word of 100,000 characters, long
 * URLs inside prose, and many short lines. Each is laid out in short runs
 * (ladder-text-private.h), which must neither lose nor reorder any of it. */
static void
test_report_long_text (Scratch       *scratch,
                       gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = odd_framework ("Short");
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderEvidence) word = NULL;
  g_autoptr(LadderEvidence) mixed = NULL;
  g_autoptr(LadderEvidence) lines = NULL;
  g_autoptr(GDateTime) date = fixed_date ();
  g_autofree char *path = scratch_path (scratch, "long-text.pdf");
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;
  g_autofree char *squeezed = NULL;
  GString *long_word = g_string_new (NULL);
  GString *prose = g_string_new (NULL);
  GString *many_lines = g_string_new (NULL);
  g_autofree char *long_word_text = NULL;
  g_autofree char *prose_text = NULL;
  g_autofree char *many_lines_text = NULL;
  LadderReportOptions options = { 0 };
  static const char * const backs[] = { "1-craft-1", NULL };

  /* Not periodic, so that a run out of place would show. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (long_word, 'a' + (i * i + 7 * i + i / 26) % 26);
  long_word_text = g_string_free (long_word, FALSE);
  /* Underscores, not hyphens: pdftotext joins a line ending in a hyphen
   * to the next without it. */
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (prose, "Fixed it, see https://example.com/%u/%s?page=%u and the notes. ",
                            i, "a_very_long_path_segment_that_keeps_going_without_a_break", i);
  prose_text = g_string_free (prose, FALSE);
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (many_lines, "Line %u of the notes\n", i);
  many_lines_text = g_string_free (many_lines, FALSE);

  profile = ladder_profile_new ("7d5a4bde-1d36-4f0c-9a55-4bbf2e0e7a1f", framework);
  ladder_profile_set_name (profile, "Robin Long");
  ladder_profile_set_current_level (profile, "1");
  word = make_evidence (1, "The long word", 2026, G_DATE_MARCH, 1, backs);
  ladder_evidence_set_body (word, long_word_text);
  ladder_profile_add_evidence (profile, word);
  mixed = make_evidence (2, "The long links", 2026, G_DATE_MARCH, 2, backs);
  ladder_evidence_set_body (mixed, prose_text);
  ladder_profile_add_evidence (profile, mixed);
  lines = make_evidence (3, "The many lines", 2026, G_DATE_MARCH, 3, backs);
  ladder_evidence_set_body (lines, many_lines_text);
  ladder_profile_add_evidence (profile, lines);

  options.date = date;
  options.evidence_text = TRUE;
  write_pdf (profile, &options, path);

  text = poppler ("pdftotext", NULL, path);
  body = text_without_footers (text, "Progress summary: Robin Long");
  squeezed = squeeze (body);
  assert_has_text (squeezed, long_word_text);
  assert_has_text (squeezed, prose_text);
  assert_has_text (squeezed, many_lines_text);
}

/* Odd input: markup characters, right-to-left text, emoji, long words */

static void
test_report_odd_input (Scratch       *scratch,
                       gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = odd_framework ("Short");
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderEvidence) markup = NULL;
  g_autoptr(LadderEvidence) rtl = NULL;
  g_autoptr(LadderEvidence) emoji = NULL;
  g_autoptr(LadderEvidence) long_word = NULL;
  g_autoptr(LadderEvidence) bad_link = NULL;
  g_autoptr(LadderCheckin) checkin = ladder_checkin_new ("5c9c3b4e-3f4e-4c55-9a51-7e2f2b1d8c01");
  g_autoptr(LadderAction) action = ladder_action_new ("2f1e0d3c-4b5a-4678-9abc-def012345678");
  g_autoptr(GDateTime) date = fixed_date ();
  g_autofree char *path = scratch_path (scratch, "odd.pdf");
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *info = NULL;
  g_autofree char *author = NULL;
  g_autofree char *title = NULL;
  g_autofree char *word = NULL;
  LadderReportOptions options = { 0, };
  const char *backs[] = { "1-craft-1", "1-lead-1", "no-such-behaviour", NULL };
  const char *links[] = { "https://example.com/a?b=1&c=<2>", "not a link ' \\ \"", NULL };
  GDate day;

  profile = ladder_profile_new ("a1d5f0c2-8b9e-4c3d-a2f1-0e9d8c7b6a54", framework);
  ladder_profile_set_name (profile, "Zoë <b>O'Brien</b> & “Co” 🚀");
  ladder_profile_set_role (profile, "مهندسة برمجيات");
  ladder_profile_set_current_level (profile, "1");
  ladder_profile_set_target_level (profile, "2");
  ladder_profile_rate (profile, "1-craft-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "1-craft-1", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);

  markup = make_evidence (1, "<script>alert('x')</script> & &amp; <b>", 2026, 3, 4, backs);
  ladder_evidence_set_links (markup, links);
  ladder_evidence_set_body (markup, "Body with <i>markup</i>\n\nand a second paragraph");
  rtl = make_evidence (2, "أطلقنا الميزة الجديدة", 2026, 3, 5, backs);
  emoji = make_evidence (3, "Shipped the launch 🚀 on time 🎉", 2026, 3, 6, backs);
  word = g_strnfill (400, 'w');
  long_word = make_evidence (4, word, 2026, 3, 7, backs);
  bad_link = make_evidence (5, "", 2026, 3, 8, backs);
  ladder_profile_add_evidence (profile, markup);
  ladder_profile_add_evidence (profile, rtl);
  ladder_profile_add_evidence (profile, emoji);
  ladder_profile_add_evidence (profile, long_word);
  ladder_profile_add_evidence (profile, bad_link);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 10, 3, 2026);
  ladder_checkin_set_date (checkin, &day);
  ladder_checkin_set_notes (checkin, "Notes with <tags> & ampersands\n\nSecond paragraph");
  ladder_action_set_text (action, "Act on <this> & that");
  ladder_checkin_add_action (checkin, action);
  ladder_profile_add_checkin (profile, checkin);

  options.date = date;
  options.evidence_text = TRUE;
  write_pdf (profile, &options, path);

  text = poppler ("pdftotext", NULL, path);
  squeezed = squeeze (text);
  assert_has_text (squeezed, "Zoë <b>O'Brien</b> & “Co”");
  assert_has_text (squeezed, "🚀");
  assert_has_text (squeezed, "Odd <Framework> & Co");
  assert_has_text (squeezed, "ACME & <Sons>");
  assert_has_text (squeezed, "Level <1> & up");
  assert_has_text (squeezed, "Craft & <Code>");
  assert_has_text (squeezed, "<b>Writes</b> code & tests that say <why>");
  assert_has_text (squeezed, "<script>alert('x')</script> & &amp; <b>");
  assert_has_text (squeezed, "Body with <i>markup</i>");
  assert_has_text (squeezed, "Shipped the launch 🚀 on time 🎉");
  assert_has_text (squeezed, "https://example.com/a?b=1&c=<2>");
  assert_has_text (squeezed, "not a link ' \\ \"");
  assert_has_text (squeezed, "Notes with <tags> & ampersands");
  assert_has_text (squeezed, "Act on <this> & that");
  assert_has_text (squeezed, "no-such-behaviour (not in the framework)");
  assert_has_text (squeezed, "Untitled");
  /* A word longer than a line is broken over lines, not cut. */
  assert_has_text (squeezed, word);
  /* Right-to-left text: each of its words is there (a reader may put
   * them in visual order). */
  assert_has_text (squeezed, "مهندسة");
  assert_has_text (squeezed, "برمجيات");
  assert_has_text (squeezed, "الميزة");
  assert_has_text (squeezed, "قيادة");

  info = poppler ("pdfinfo", NULL, path);
  author = info_value (info, "Author");
  title = info_value (info, "Title");
  g_assert_cmpstr (author, ==, "Zoë <b>O'Brien</b> & “Co” 🚀");
  g_assert_cmpstr (title, ==, "Progress summary: Zoë <b>O'Brien</b> & “Co” 🚀");
}

/* --since, a title, paper sizes */

static void
test_report_since (Scratch       *scratch,
                   gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = odd_framework ("Short");
  g_autoptr(LadderProfile) profile = ladder_profile_new ("0b7c1c52-52d3-4b8e-8f5f-1f6a1c3e9d20", framework);
  g_autoptr(GDateTime) date = fixed_date ();
  g_autofree char *path = scratch_path (scratch, "since.pdf");
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *info = NULL;
  g_autofree char *title = NULL;
  LadderReportOptions options = { 0, };
  const char *backs[] = { "1-craft-1", NULL };
  GDate since;

  ladder_profile_set_name (profile, "Sam Since");
  ladder_profile_set_current_level (profile, "1");
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *entry_title = g_strdup_printf ("Work of month %02u", i + 1);
      g_autoptr(LadderEvidence) entry = make_evidence (i, entry_title, 2026, (GDateMonth) (i + 1), 15, backs);

      ladder_profile_add_evidence (profile, entry);
    }

  g_date_clear (&since, 1);
  g_date_set_dmy (&since, 1, G_DATE_JUNE, 2026);
  options.since = &since;
  options.date = date;
  options.title = "Mid-year review <H1>";
  options.paper = LADDER_PAPER_SIZE_LETTER;
  write_pdf (profile, &options, path);

  text = poppler ("pdftotext", NULL, path);
  squeezed = squeeze (text);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *entry_title = g_strdup_printf ("Work of month %02u", i + 1);
      g_autofree char *wanted = squeeze (entry_title);

      if (i + 1 >= 6)
        assert_has_text (squeezed, entry_title);
      else
        g_assert_null (strstr (squeezed, wanted));
    }
  assert_has_text (squeezed, "7 entries since 1 June 2026, oldest first.");
  /* The log runs to December, after the day the summary is made: so
   * does the period. */
  assert_has_text (squeezed, "Period1 June 2026 to 15 December 2026");
  assert_has_text (squeezed, "Mid-year review <H1>");

  info = poppler ("pdfinfo", NULL, path);
  title = info_value (info, "Title");
  g_assert_cmpstr (title, ==, "Mid-year review <H1>");
  g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));
}

/* Entries dated after the day the summary is made, and a "since" after
 * it: the period still reads forwards. */
static void
test_report_period_forwards (Scratch       *scratch,
                             gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = odd_framework ("Short");
  g_autoptr(LadderProfile) profile = ladder_profile_new ("5d0f1f0e-7d55-4f39-9a43-0c2b8d2f6b11", framework);
  g_autoptr(GDateTime) date = fixed_date ();
  const char *backs[] = { "1-craft-1", NULL };
  LadderReportOptions options = { 0, };
  GDate since;
  struct { guint day, month; const char *period; } cases[] = {
    { 0, 0, "Period15 May 2026 to 20 September 2026" },
    { 1, G_DATE_AUGUST, "Period1 August 2026 to 20 September 2026" },
    { 1, G_DATE_DECEMBER, "Period1 December 2026Made" },
  };

  ladder_profile_set_name (profile, "Fay Future");
  ladder_profile_set_current_level (profile, "1");
  {
    g_autoptr(LadderEvidence) before = make_evidence (1, "Before", 2026, G_DATE_MAY, 15, backs);
    g_autoptr(LadderEvidence) after = make_evidence (2, "After", 2026, G_DATE_SEPTEMBER, 20, backs);

    ladder_profile_add_evidence (profile, before);
    ladder_profile_add_evidence (profile, after);
  }
  options.date = date;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("period-%u.pdf", i);
      g_autofree char *path = scratch_path (scratch, name);
      g_autofree char *text = NULL;
      g_autofree char *squeezed = NULL;

      g_date_clear (&since, 1);
      if (cases[i].day > 0)
        g_date_set_dmy (&since, (GDateDay) cases[i].day, (GDateMonth) cases[i].month, 2026);
      options.since = cases[i].day > 0 ? &since : NULL;
      write_pdf (profile, &options, path);

      text = poppler ("pdftotext", NULL, path);
      squeezed = squeeze (text);
      assert_has_text (squeezed, cases[i].period);
      assert_has_text (squeezed, "Made1 July 2026");
    }
}

/* A profile as it is at a 1:1: nine ratings, three entries (one before
 * the last check-in), a check-in with two open actions. */
static LadderProfile *
meeting_profile (LadderFramework *framework,
                 char           **rated_text,
                 char           **unrated_text)
{
  GListModel *levels = ladder_framework_get_levels (framework);
  g_autoptr(LadderLevel) current = g_list_model_get_item (levels, 2);
  g_autoptr(LadderLevel) target = g_list_model_get_item (levels, 3);
  g_autoptr(GPtrArray) behaviours = ladder_framework_list_behaviours (framework, ladder_level_get_id (current), NULL);
  LadderProfile *profile = ladder_profile_new ("5d0c1e52-52d3-4b8e-8f5f-1f6a1c3e9d21", framework);
  g_autoptr(LadderCheckin) checkin = ladder_checkin_new ("6d0c1e52-52d3-4b8e-8f5f-1f6a1c3e9d22");
  const char *backs[] = { ladder_behaviour_get_id (g_ptr_array_index (behaviours, 0)), NULL };
  GDate day;

  ladder_profile_set_name (profile, "Mia Meeting");
  ladder_profile_set_current_level (profile, ladder_level_get_id (current));
  ladder_profile_set_target_level (profile, ladder_level_get_id (target));
  g_assert_cmpuint (behaviours->len, >, 12);
  for (guint i = 0; i < 9; i++)
    ladder_profile_rate (profile, ladder_behaviour_get_id (g_ptr_array_index (behaviours, i)),
                         LADDER_RATER_SELF, i % 2 ? LADDER_RATING_SOMETIMES : LADDER_RATING_CONSISTENTLY);
  *rated_text = g_strdup (ladder_behaviour_get_text (g_ptr_array_index (behaviours, 8)));
  *unrated_text = g_strdup (ladder_behaviour_get_text (g_ptr_array_index (behaviours, behaviours->len - 1)));

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Entry of month %u", 9 + i);
      g_autoptr(LadderEvidence) entry = make_evidence (i, title, 2026, (GDateMonth) (9 + i), 20, backs);

      ladder_profile_add_evidence (profile, entry);
    }

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 12, G_DATE_NOVEMBER, 2026);
  ladder_checkin_set_date (checkin, &day);
  ladder_checkin_set_notes (checkin, "Talked about the migration.");
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("7d0c1e52-52d3-4b8e-8f5f-1f6a1c3e9d2%u", i);
      g_autofree char *text = g_strdup_printf ("Agreed action %u", i + 1);
      g_autoptr(LadderAction) action = ladder_action_new (id);

      ladder_action_set_text (action, text);
      ladder_checkin_add_action (checkin, action);
    }
  ladder_profile_add_checkin (profile, checkin);

  return profile;
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = poppler ("pdfinfo", NULL, path);
  g_autofree char *pages = info_value (info, "Pages");

  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

/* The options for a 1:1: only rated behaviours, evidence since the last
 * check-in, the current and target levels in the table; the first page
 * says so, and the whole record says that too. */
static void
test_report_meeting_options (Scratch       *scratch,
                             gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = load_monzo ();
  g_autofree char *rated = NULL;
  g_autofree char *unrated = NULL;
  g_autoptr(LadderProfile) profile = meeting_profile (framework, &rated, &unrated);
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *meeting_path = scratch_path (scratch, "meeting.pdf");
  g_autofree char *whole_path = scratch_path (scratch, "whole.pdf");
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *first_page = NULL;
  g_autoptr(LadderLevel) first_level = g_list_model_get_item (ladder_framework_get_levels (framework), 0);
  g_autoptr(LadderLevel) current = g_list_model_get_item (ladder_framework_get_levels (framework), 2);
  g_autoptr(LadderLevel) target = g_list_model_get_item (ladder_framework_get_levels (framework), 3);
  g_autofree char *scope = NULL;
  g_autofree char *first_level_row = NULL;
  LadderReportOptions options = { 0, };
  guint meeting_pages, whole_pages;

  options.paper = LADDER_PAPER_SIZE_A4;
  /* A week after the check-in: preparing the next 1:1. */
  date = g_date_time_new_utc (2026, 11, 19, 9, 30, 0);
  options.date = date;
  ladder_report_options_init_for_meeting (&options);
  g_assert_true (options.rated_only && options.since_last_checkin && options.levels_in_play);
  write_pdf (profile, &options, meeting_path);

  text = poppler ("pdftotext", NULL, meeting_path);
  squeezed = squeeze (text);
  scope = g_strdup_printf ("ShowsRated behaviours of %s and %s · table of these levels · "
                           "evidence since 12 November 2026",
                           ladder_level_get_name (current), ladder_level_get_name (target));
  /* On the first page. */
  first_page = g_strndup (squeezed, strstr (squeezed, "Page1of") - squeezed);
  assert_has_text (first_page, scope);
  assert_has_text (squeezed, rated);
  {
    g_autofree char *unrated_squeezed = squeeze (unrated);

    g_assert_null (strstr (squeezed, unrated_squeezed));
  }
  g_assert_null (strstr (squeezed, "Entryofmonth9"));
  g_assert_null (strstr (squeezed, "Entryofmonth10"));
  assert_has_text (squeezed, "Entry of month 11");
  assert_has_text (squeezed, "1 entry since 12 November 2026, oldest first.");
  assert_has_text (squeezed, "behaviours with no rating and no evidence are not listed.");
  /* The manager has rated nothing: no "0 %" verdict for them. */
  assert_has_text (first_page, "shown by self · The manager has not rated yet");
  g_assert_null (strstr (squeezed, "bymanager"));
  first_level_row = squeeze (ladder_level_get_name (first_level));
  g_assert_null (strstr (squeezed, first_level_row));
  assert_has_text (squeezed, "Agreed action 2");
  meeting_pages = pdf_pages (meeting_path);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&squeezed, g_free);
  g_clear_pointer (&scope, g_free);

  /* The whole record: a zeroed struct. */
  options.rated_only = options.since_last_checkin = options.levels_in_play = FALSE;
  write_pdf (profile, &options, whole_path);
  text = poppler ("pdftotext", NULL, whole_path);
  squeezed = squeeze (text);
  scope = g_strdup_printf ("ShowsAll behaviours of %s and %s · table of every level · all evidence",
                           ladder_level_get_name (current), ladder_level_get_name (target));
  assert_has_text (squeezed, scope);
  assert_has_text (squeezed, unrated);
  assert_has_text (squeezed, "Entry of month 9");
  assert_has_text (squeezed, first_level_row);
  whole_pages = pdf_pages (whole_path);

  g_test_message ("A 1:1 summary: %u pages; the whole record: %u", meeting_pages, whole_pages);
  g_assert_cmpuint (meeting_pages, <=, 3);
  g_assert_cmpuint (meeting_pages, <, whole_pages);
}

/* Right after a 1:1, its check-in is dated today: a summary "since the
 * last check-in" covers what that check-in talked about, from the one
 * before it, not today alone; with none before, all evidence. */
static void
test_report_checkin_held_today (Scratch       *scratch,
                                gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = load_monzo ();
  g_autofree char *rated = NULL;
  g_autofree char *unrated = NULL;
  g_autoptr(LadderProfile) profile = meeting_profile (framework, &rated, &unrated);
  g_autoptr(LadderCheckin) held = ladder_checkin_new ("6d0c1e52-52d3-4b8e-8f5f-1f6a1c3e9d23");
  g_autoptr(GDateTime) on_first = g_date_time_new_local (2026, 11, 12, 17, 0, 0);
  g_autoptr(GDateTime) on_second = g_date_time_new_local (2026, 12, 6, 17, 0, 0);
  g_autoptr(LadderEvidence) recent = NULL;
  g_autofree char *path = scratch_path (scratch, "held.pdf");
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  const char *backs[] = { NULL };
  LadderReportOptions options = { 0, };
  GDate day, since;

  ladder_report_options_init_for_meeting (&options);

  /* On the day of the first check-in, the only one: all evidence. */
  options.date = on_first;
  g_assert_false (ladder_report_options_get_since (&options, profile, &since));

  recent = make_evidence (7, "Entry of the week before", 2026, G_DATE_NOVEMBER, 30, backs);
  ladder_profile_add_evidence (profile, recent);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 6, G_DATE_DECEMBER, 2026);
  ladder_checkin_set_date (held, &day);
  ladder_profile_add_checkin (profile, held);

  /* The day of the second: from the first on. */
  options.date = on_second;
  g_assert_true (ladder_report_options_get_since (&options, profile, &since));
  g_assert_cmpint (g_date_get_day (&since), ==, 12);
  g_assert_cmpint (g_date_get_month (&since), ==, G_DATE_NOVEMBER);

  write_pdf (profile, &options, path);
  text = poppler ("pdftotext", NULL, path);
  squeezed = squeeze (text);
  assert_has_text (squeezed, "evidence since 12 November 2026");
  assert_has_text (squeezed, "Period12 November 2026 to 6 December 2026");
  assert_has_text (squeezed, "Entry of month 11");
  assert_has_text (squeezed, "Entry of the week before");
  assert_has_text (squeezed, "2 entries since 12 November 2026, oldest first.");
  g_assert_null (strstr (squeezed, "Entryofmonth10"));

  /* A day later, preparing the next 1:1: from the one just held. */
  {
    g_autoptr(GDateTime) next_day = g_date_time_new_local (2026, 12, 7, 9, 0, 0);

    options.date = next_day;
    g_assert_true (ladder_report_options_get_since (&options, profile, &since));
    g_assert_cmpint (g_date_get_day (&since), ==, 6);
    g_assert_cmpint (g_date_get_month (&since), ==, G_DATE_DECEMBER);
  }
}

static void
test_report_paper (void)
{
  LadderPaperSize paper = LADDER_PAPER_SIZE_A4;
  double width, height;

  g_assert_true (ladder_paper_size_from_string ("letter", &paper));
  g_assert_cmpint (paper, ==, LADDER_PAPER_SIZE_LETTER);
  g_assert_true (ladder_paper_size_from_string ("A4", &paper));
  g_assert_cmpint (paper, ==, LADDER_PAPER_SIZE_A4);
  g_assert_true (ladder_paper_size_from_string ("default", &paper));
  g_assert_cmpint (paper, ==, LADDER_PAPER_SIZE_DEFAULT);
  g_assert_false (ladder_paper_size_from_string ("b5", &paper));
  g_assert_cmpint (paper, ==, LADDER_PAPER_SIZE_DEFAULT);

  ladder_paper_size_get_size (LADDER_PAPER_SIZE_A4, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.276, 0.001);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.001);
  ladder_paper_size_get_size (LADDER_PAPER_SIZE_LETTER, &width, &height);
  g_assert_cmpfloat (width, ==, 612);
  g_assert_cmpfloat (height, ==, 792);

  /* The default is one of the two, and the size is its size. */
  paper = ladder_paper_size_get_default ();
  g_assert_true (paper == LADDER_PAPER_SIZE_A4 || paper == LADDER_PAPER_SIZE_LETTER);
  ladder_paper_size_get_size (LADDER_PAPER_SIZE_DEFAULT, &width, &height);
  g_assert_cmpfloat (width, ==, paper == LADDER_PAPER_SIZE_A4 ? 210.0 / 25.4 * 72.0 : 612);
}

/* Printing's path: the same pages drawn on any cairo context */

static gboolean
page_has_ink (cairo_surface_t *surface)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint dark = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if (data[y * stride + 4 * x + 1] < 128)
        dark++;

  return dark > 100;
}

static void
test_report_draw_pages (void)
{
  g_autoptr(LadderFramework) framework = load_monzo ();
  g_autoptr(LadderProfile) profile = ladder_sample_profile (framework, 30, 5);
  g_autoptr(GDateTime) date = fixed_date ();
  g_autoptr(LadderReport) report = NULL;
  LadderReportOptions options = { 0, };
  guint n_a4, n_letter, n_small;

  options.date = date;
  report = ladder_report_new (profile, &options);
  g_assert_cmpuint (ladder_report_get_n_pages (report), ==, 0);

  n_a4 = ladder_report_paginate (report, 595.276, 841.89);
  g_assert_cmpuint (n_a4, >, 2);
  g_assert_cmpuint (ladder_report_get_n_pages (report), ==, n_a4);
  n_letter = ladder_report_paginate (report, 612, 792);
  g_assert_cmpuint (n_letter, >, 2);
  /* A smaller page (A5) takes more pages. */
  n_small = ladder_report_paginate (report, 419.53, 595.28);
  g_assert_cmpuint (n_small, >, n_a4);

  ladder_report_paginate (report, 612, 792);
  for (guint page = 0; page < n_letter; page++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 612, 792);
      cairo_t *cr = cairo_create (surface);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      ladder_report_draw_page (report, cr, page);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      g_assert_true (page_has_ink (surface));
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_report_cancel (Scratch       *scratch,
                    gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = load_monzo ();
  g_autoptr(LadderProfile) profile = ladder_sample_profile (framework, 20, 5);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = scratch_path (scratch, "cancelled.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (ladder_report_write_pdf (profile, NULL, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_query_exists (file, NULL));
}

typedef struct
{
  gboolean  done;
  GError   *error;
} AsyncWrite;

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  AsyncWrite *write = data;

  ladder_report_write_pdf_finish (LADDER_PROFILE (source), result, &write->error);
  write->done = TRUE;
}

static void
test_report_async (Scratch       *scratch,
                   gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = load_monzo ();
  g_autoptr(LadderProfile) profile = ladder_sample_profile (framework, 20, 5);
  g_autofree char *path = scratch_path (scratch, "async.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *name = g_strdup (ladder_profile_get_name (profile));
  AsyncWrite write = { FALSE, NULL };
  gsize length;

  /* Over an older file: replaced whole, and no backup left beside it. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  ladder_report_write_pdf_async (profile, NULL, file, NULL, write_done_cb, &write);
  /* The profile may change while the worker writes: the summary is of
   * the profile as it was when asked for. */
  ladder_profile_set_name (profile, "Changed meanwhile");
  while (!write.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (write.error);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  text = poppler ("pdftotext", NULL, path);
  squeezed = squeeze (text);
  assert_has_text (squeezed, name);
  g_assert_null (strstr (squeezed, "Changedmeanwhile"));
}

/* ladder-cli export-pdf */

static void
test_report_cli (Scratch       *scratch,
                 gconstpointer  data)
{
  g_autofree char *profile = scratch_path (scratch, "profile.json");
  g_autofree char *broken = scratch_path (scratch, "broken.json");
  g_autofree char *pdf = scratch_path (scratch, "out.pdf");
  g_autofree char *letter = scratch_path (scratch, "letter.pdf");
  g_autofree char *nowhere = scratch_path (scratch, "missing-folder/out.pdf");
  g_autofree char *missing = scratch_path (scratch, "missing.json");
  g_autofree char *contents = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autoptr(CoreRun) run = NULL;
  gsize length;

  run = core_run_cli (NULL, "sample", "--evidence", "40", "-o", profile, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_clear_pointer (&run, core_run_free);

  /* Written, a PDF, on the paper asked for. */
  run = core_run_cli (NULL, "export-pdf", profile, "-o", pdf, "--paper", "a4", NULL);
  g_assert_cmpint (run->status, ==, 0);
  /* Nothing to say on success (a sanitizer build may add its summary). */
  g_assert_null (strstr (run->err, "CRITICAL"));
  g_assert_null (strstr (run->err, "WARNING"));
  g_assert_null (strstr (run->err, pdf));
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  info = poppler ("pdfinfo", NULL, pdf);
  g_assert_nonnull (strstr (info, "(A4)"));
  g_clear_pointer (&info, g_free);
  g_clear_pointer (&run, core_run_free);
  /* By default, what a 1:1 needs, and the first page says so. */
  text = poppler ("pdftotext", NULL, pdf);
  squeezed = squeeze (text);
  assert_has_text (squeezed, "ShowsRated behaviours of");
  assert_has_text (squeezed, "table of these levels · evidence since");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&squeezed, g_free);

  /* The whole record, asked for. */
  run = core_run_cli (NULL, "export-pdf", profile, "-o", pdf, "--all-behaviours", "--all-evidence",
                      "--all-levels", NULL);
  g_assert_cmpint (run->status, ==, 0);
  text = poppler ("pdftotext", NULL, pdf);
  squeezed = squeeze (text);
  assert_has_text (squeezed, "ShowsAll behaviours of");
  assert_has_text (squeezed, "table of every level · all evidence");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&squeezed, g_free);
  g_clear_pointer (&run, core_run_free);

  run = core_run_cli (NULL, "export-pdf", profile, "--output", letter, "--paper", "letter",
                      "--since", "2026-01-01", "--title", "Review <2026>", NULL);
  g_assert_cmpint (run->status, ==, 0);
  info = poppler ("pdfinfo", NULL, letter);
  g_assert_nonnull (strstr (info, "(letter)"));
  g_assert_nonnull (strstr (info, "Review <2026>"));
  text = poppler ("pdftotext", NULL, letter);
  squeezed = squeeze (text);
  assert_has_text (squeezed, "since 1 January 2026");
  g_clear_pointer (&run, core_run_free);

  /* Usage errors: exit status 2, and what was wrong. */
  run = core_run_cli (NULL, "export-pdf", profile, NULL);
  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, "--output"));
  g_clear_pointer (&run, core_run_free);
  run = core_run_cli (NULL, "export-pdf", profile, "-o", pdf, "--paper", "b5", NULL);
  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, "“b5”"));
  g_clear_pointer (&run, core_run_free);
  run = core_run_cli (NULL, "export-pdf", profile, "-o", pdf, "--since", "2026-02-30", NULL);
  g_assert_cmpint (run->status, ==, 2);
  g_assert_nonnull (strstr (run->err, "“2026-02-30”"));
  g_clear_pointer (&run, core_run_free);

  /* Files that fail: exit status 1, and the file named. */
  run = core_run_cli (NULL, "export-pdf", missing, "-o", pdf, NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_true (g_str_has_prefix (run->err, missing));
  g_clear_pointer (&run, core_run_free);

  g_assert_true (g_file_set_contents (broken, "{\"format\": \"ladder-profile\",\n  \"version\": 1,,}", -1, NULL));
  run = core_run_cli (NULL, "export-pdf", broken, "-o", pdf, NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_true (g_str_has_prefix (run->err, broken));
  /* With the line and column. */
  g_assert_nonnull (strstr (run->err, ":2:"));
  g_clear_pointer (&run, core_run_free);

  run = core_run_cli (NULL, "export-pdf", profile, "-o", nowhere, NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_nonnull (strstr (run->err, nowhere));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_clear_pointer (&run, core_run_free);

  /* The earlier PDF is still whole. */
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Scratch, NULL, scratch_setup, func, scratch_teardown)

  ADD ("/report/sample/text", test_report_sample_text);
  ADD ("/report/sample/readiness-rule", test_report_readiness_rule);
  ADD ("/report/radar", test_report_radar);
  ADD ("/report/not-applicable", test_report_not_applicable);
  ADD ("/report/sample/new-at-target", test_report_new_at_target);
  ADD ("/report/sample/metadata-and-fonts", test_report_metadata_and_fonts);
  ADD ("/report/sample/outline-and-links", test_report_outline_and_links);
  ADD ("/report/unsafe-links", test_report_unsafe_links);
  ADD ("/report/non-ascii-links", test_report_non_ascii_links);
  ADD ("/report/long/nothing-cut", test_report_long);
  ADD ("/report/odd-input", test_report_odd_input);
  ADD ("/report/long-text", test_report_long_text);
  ADD ("/report/since-and-title", test_report_since);
  ADD ("/report/period-forwards", test_report_period_forwards);
  ADD ("/report/promotions", test_report_promotions);
  ADD ("/report/meeting-options", test_report_meeting_options);
  ADD ("/report/checkin-held-today", test_report_checkin_held_today);
  g_test_add_func ("/report/paper", test_report_paper);
  g_test_add_func ("/report/draw-pages", test_report_draw_pages);
  ADD ("/report/cancel", test_report_cancel);
  ADD ("/report/async", test_report_async);
  ADD ("/report/cli", test_report_cli);

#undef ADD

  return g_test_run ();
}
