/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ladder-core.h"
#include "ladder-import-private.h"

/* The importer, from the outside: each seed text imports to what a
 * careful reader sees in it; each Markdown shape and the progression
 * format import to the same model; hostile input is refused quickly with
 * a message that names the line. */

/* Helpers */

static char *
seed_path (const char *name)
{
  const char *dir = g_getenv ("LADDER_SEEDS_DIR");

  g_assert_nonnull (dir);

  return g_build_filename (dir, name, NULL);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

static LadderFramework *
import_path (const char          *path,
             LadderImportFormat   format,
             const char          *name,
             const char          *organisation,
             LadderImportReport **report)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  LadderImportOptions options = { 0 };
  LadderFramework *framework;

  options.format = format;
  options.name = name;
  options.organisation = organisation;

  framework = ladder_import_file (file, &options, NULL, report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (framework);

  return framework;
}

static LadderFramework *
import_seed (const char          *name,
             LadderImportReport **report)
{
  g_autofree char *path = seed_path (name);

  return import_path (path, LADDER_IMPORT_FORMAT_TEXT, NULL, NULL, report);
}

static LadderFramework *
import_string (const char          *text,
               LadderImportFormat   format,
               LadderImportReport **report)
{
  g_autoptr(GError) error = NULL;
  LadderImportOptions options = { 0 };
  LadderFramework *framework;

  options.format = format;
  framework = ladder_import_data (text, strlen (text), "test.txt", &options, report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (framework);

  return framework;
}

static void
assert_levels (LadderFramework    *framework,
               const char * const *ids,
               const char * const *names)
{
  GListModel *levels = ladder_framework_get_levels (framework);
  guint n = g_strv_length ((char **) ids);

  g_assert_cmpuint (g_list_model_get_n_items (levels), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderLevel) level = g_list_model_get_item (levels, i);

      g_assert_cmpstr (ladder_level_get_id (level), ==, ids[i]);
      g_assert_cmpstr (ladder_level_get_name (level), ==, names[i]);
    }
}

/* @categories: id, name, emoji (or NULL), for each. */
static void
assert_categories (LadderFramework    *framework,
                   guint               n,
                   const char * const  categories[][3])
{
  GListModel *model = ladder_framework_get_categories (framework);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderCategory) category = g_list_model_get_item (model, i);

      g_assert_cmpstr (ladder_category_get_id (category), ==, categories[i][0]);
      g_assert_cmpstr (ladder_category_get_name (category), ==, categories[i][1]);
      g_assert_cmpstr (ladder_category_get_emoji (category), ==, categories[i][2]);
    }
}

/* @counts: the number of behaviours of each level (rows) in each category
 * (columns), in reading order. */
static void
assert_counts (LadderFramework *framework,
               const guint     *counts)
{
  GListModel *levels = ladder_framework_get_levels (framework);
  GListModel *categories = ladder_framework_get_categories (framework);
  guint n_levels = g_list_model_get_n_items (levels);
  guint n_categories = g_list_model_get_n_items (categories);
  guint total = 0;

  for (guint i = 0; i < n_levels; i++)
    {
      g_autoptr(LadderLevel) level = g_list_model_get_item (levels, i);

      for (guint j = 0; j < n_categories; j++)
        {
          g_autoptr(LadderCategory) category = g_list_model_get_item (categories, j);
          guint count = ladder_framework_count_behaviours (framework,
                                                           ladder_level_get_id (level),
                                                           ladder_category_get_id (category));

          if (count != counts[i * n_categories + j])
            g_test_message ("level %s, category %s", ladder_level_get_id (level),
                            ladder_category_get_id (category));
          g_assert_cmpuint (count, ==, counts[i * n_categories + j]);
          total += count;
        }
    }

  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_behaviours (framework)), ==,
                    total);
}

static LadderBehaviour *
assert_behaviour (LadderFramework *framework,
                  const char      *id,
                  const char      *text)
{
  LadderBehaviour *behaviour = ladder_framework_find_behaviour (framework, id);

  if (behaviour == NULL)
    g_test_message ("no behaviour %s", id);
  g_assert_nonnull (behaviour);
  g_assert_cmpstr (ladder_behaviour_get_text (behaviour), ==, text);

  return behaviour;
}

static void
assert_strv (const char * const *strv,
             const char * const *expected)
{
  g_assert_nonnull (strv);
  g_assert_cmpuint (g_strv_length ((char **) strv), ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (strv[i], ==, expected[i]);
}

static void
assert_examples (LadderFramework    *framework,
                 const char         *id,
                 const char * const *examples)
{
  LadderBehaviour *behaviour = ladder_framework_find_behaviour (framework, id);

  g_assert_nonnull (behaviour);
  assert_strv (ladder_behaviour_get_examples (behaviour), examples);
}

static guint
count_examples (LadderFramework *framework)
{
  GListModel *behaviours = ladder_framework_get_behaviours (framework);
  guint total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (behaviours); i++)
    {
      g_autoptr(LadderBehaviour) behaviour = g_list_model_get_item (behaviours, i);

      total += g_strv_length ((char **) ladder_behaviour_get_examples (behaviour));
    }

  return total;
}

/* @lines: the expected lines; @texts: the dropped text of each, or NULL
 * to check the line only. */
static void
assert_warnings (LadderImportReport *report,
                 guint               n,
                 const guint        *lines,
                 const char * const *texts)
{
  for (guint i = 0; i < ladder_import_report_get_n_warnings (report); i++)
    {
      const LadderImportWarning *warning = ladder_import_report_get_warning (report, i);

      g_test_message ("warning %u: line %u: %s [%s]", i, warning->line, warning->message,
                      warning->text != NULL ? warning->text : "");
    }

  g_assert_cmpuint (ladder_import_report_get_n_warnings (report), ==, n);
  for (guint i = 0; i < n; i++)
    {
      const LadderImportWarning *warning = ladder_import_report_get_warning (report, i);

      g_assert_cmpuint (warning->line, ==, lines[i]);
      g_assert_nonnull (warning->message);
      g_assert_cmpstr (warning->message, !=, "");
      if (texts != NULL && texts[i] != NULL)
        g_assert_cmpstr (warning->text, ==, texts[i]);
    }
}

static char *
list_ids (LadderFramework *framework)
{
  GListModel *behaviours = ladder_framework_get_behaviours (framework);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (behaviours); i++)
    {
      g_autoptr(LadderBehaviour) behaviour = g_list_model_get_item (behaviours, i);

      g_string_append_printf (ids, "%s\t%s\n", ladder_behaviour_get_id (behaviour),
                              ladder_behaviour_get_text (behaviour));
    }

  return g_string_free (ids, FALSE);
}

static void
assert_detected (const char         *path,
                 LadderImportFormat  expected)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpint (ladder_import_detect_format (contents, length), ==, expected);
}

/* Seeds */

static const char * const two_level_ids[] = { "1", "2", NULL };
static const char * const two_level_names[] = { "Level 1", "Level 2", NULL };

static const char * const six_level_ids[] = { "1", "2", "3", "4", "5", "6", NULL };
static const char * const six_level_names[] = {
  "Level 1", "Level 2", "Level 3", "Level 4", "Level 5", "Level 6", NULL,
};

static void
test_seed_dummyco (void)
{
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = import_seed ("dummyco-backend-engineering.txt", &report);
  static const char * const categories[][3] = {
    { "communication", "Communication", "💬" },
    { "impact", "Impact", "💥" },
    { "leadership", "Leadership", "👩💼" },
    { "influence", "Influence", "✨" },
    { "mastery", "Mastery", "🛠️" },
  };
  /* Communication, Impact, Leadership, Influence, Mastery */
  static const guint counts[] = {
    4, 1, 0, 1, 2,
    5, 6, 0, 1, 9,
    4, 3, 2, 4, 13,
    5, 6, 9, 7, 10,
    2, 8, 7, 4, 11,
    1, 2, 3, 2, 3,
  };
  static const char * const sublevels[] = { "A", "B", "C", "D", "E", NULL };
  const char *description;

  g_assert_cmpint (ladder_import_report_get_format (report), ==, LADDER_IMPORT_FORMAT_TEXT);
  g_assert_cmpstr (ladder_framework_get_name (framework), ==, "Backend Engineering Framework");
  /* "… from engineers at Dummy Co." names the organisation. */
  g_assert_cmpstr (ladder_framework_get_id (framework), ==, "dummy-co-backend-engineering-framework");
  g_assert_cmpstr (ladder_framework_get_organisation (framework), ==, "Dummy Co");

  assert_levels (framework, six_level_ids, six_level_names);
  assert_categories (framework, G_N_ELEMENTS (categories), categories);
  assert_counts (framework, counts);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_behaviours (framework)), ==,
                    135);
  g_assert_cmpuint (count_examples (framework), ==, 21);

  assert_behaviour (framework, "1-communication-1",
                    "Provides regular status updates to their mentor/buddy");
  assert_behaviour (framework, "1-mastery-2", "Fixes simple bugs");
  assert_behaviour (framework, "3-leadership-1", "Onboards / mentors new engineers");
  assert_behaviour (framework, "6-mastery-3",
                    "Serves as a technical authority in the wider engineering community");

  /* Sub-bullets are examples of the bullet above them. */
  assert_behaviour (framework, "2-mastery-8", "Implements simple RPC handlers");
  assert_examples (framework, "2-mastery-8",
                   (const char *[]) { "Basic CRUD handlers",
                                      "Internal/external API proxies", NULL });
  assert_behaviour (framework, "3-mastery-13",
                    "Proactively considers security implications of their work");
  g_assert_cmpuint (g_strv_length ((char **) ladder_behaviour_get_examples (
                      ladder_framework_find_behaviour (framework, "3-mastery-13"))), ==, 5);
  assert_examples (framework, "4-mastery-8",
                   (const char *[]) { "Mastercard message parsing", "Credit decisioning",
                                      "CASS scheduling", "Google Pay", NULL });
  assert_examples (framework, "5-mastery-11",
                   (const char *[]) { "Outbound and Inbound MasterCard clearing proposals", NULL });
  assert_examples (framework, "1-mastery-1", (const char *[]) { NULL });

  /* The "About" section is the description, not behaviours. */
  description = ladder_framework_get_description (framework);
  g_assert_nonnull (description);
  g_assert_true (g_str_has_prefix (description,
                                   "The engineering progression framework is a tool that helps "
                                   "engineers and managers:"));
  g_assert_nonnull (strstr (description, "sub-levels, labelled A–E"));
  g_assert_true (g_str_has_suffix (description, "to further clarify them."));
  g_assert_null (strstr (description, "About our engineering progression frameworks"));

  assert_strv (ladder_framework_get_sublevels (framework), sublevels);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_cells (framework)), ==, 0);

  assert_warnings (report, 0, NULL, NULL);
}

static void
test_seed_monzo (void)
{
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = import_seed ("monzo-backend-engineering.txt", &report);
  static const char * const categories[][3] = {
    { "mastery", "Mastery", NULL },
    { "impact", "Impact", NULL },
    { "influence", "Influence", NULL },
    { "communication-feedback", "Communication & Feedback", NULL },
    { "leadership", "Leadership", NULL },
  };
  /* Mastery, Impact, Influence, Communication & Feedback, Leadership */
  static const guint counts[] = {
    2, 1, 1, 3, 0,
    10, 6, 1, 6, 0,
    15, 3, 4, 4, 1,
    12, 6, 5, 2, 6,
    11, 7, 4, 2, 2,
    3, 2, 2, 1, 2,
  };

  g_assert_cmpstr (ladder_framework_get_name (framework), ==, "Backend Engineering");
  g_assert_null (ladder_framework_get_organisation (framework));
  g_assert_null (ladder_framework_get_description (framework));
  g_assert_cmpuint (g_strv_length ((char **) ladder_framework_get_sublevels (framework)), ==, 0);

  assert_levels (framework, six_level_ids, six_level_names);
  assert_categories (framework, G_N_ELEMENTS (categories), categories);
  assert_counts (framework, counts);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_behaviours (framework)), ==,
                    124);

  /* The Leadership of levels 1 and 2 exists, with nothing in it. */
  g_assert_cmpuint (ladder_framework_count_behaviours (framework, "1", "leadership"), ==, 0);
  g_assert_nonnull (ladder_framework_find_category (framework, "leadership"));

  assert_behaviour (framework, "1-mastery-1",
                    "Learns to write correct Go code, following guidance and training materials");
  assert_behaviour (framework, "1-communication-feedback-3",
                    "Writes PR descriptions that provide basic context for the change");
  assert_behaviour (framework, "6-leadership-2", "Delegates to make better use of their time");

  /* "Examples" is a heading: the lines under it belong to the behaviour
   * above, until a line reads like a behaviour again. */
  assert_behaviour (framework, "2-mastery-5", "Implements simple RPC handlers");
  assert_examples (framework, "2-mastery-5",
                   (const char *[]) { "Basic CRUD handlers",
                                      "Internal/external API proxies", NULL });
  assert_behaviour (framework, "2-mastery-6", "Designs simple database tables");
  assert_examples (framework, "4-mastery-11",
                   (const char *[]) { "Mastercard message parsing", "Credit decisioning",
                                      "CASS scheduling", "Google Pay", NULL });
  assert_behaviour (framework, "4-mastery-12",
                    "Includes actionable dashboarding as part of a new system");
  assert_examples (framework, "5-mastery-4",
                   (const char *[]) { "Outbound and Inbound MasterCard clearing RFCs", NULL });

  /* Quoted lines are examples of the behaviour above. */
  assert_behaviour (framework, "2-communication-feedback-6",
                    "Writes PR descriptions that provide context and provide rationale for "
                    "significant decisions");
  assert_examples (framework, "2-communication-feedback-6",
                   (const char *[]) { "“I decided to X instead of Y here, I also considered Z "
                                      "but for these reasons I went with X”", NULL });
  assert_behaviour (framework, "3-leadership-1",
                    "Finds learning opportunities for others when reviewing their code and "
                    "follows it up");
  g_assert_cmpuint (g_strv_length ((char **) ladder_behaviour_get_examples (
                      ladder_framework_find_behaviour (framework, "3-leadership-1"))), ==, 1);
  g_assert_cmpuint (count_examples (framework), ==, 10);

  assert_warnings (report, 0, NULL, NULL);
}

static void
test_seed_medium (void)
{
  g_autoptr(LadderImportReport) report = NULL;
  g_autofree char *path = seed_path ("medium-foundations.txt");
  g_autoptr(LadderFramework) framework = import_path (path, LADDER_IMPORT_FORMAT_AUTO,
                                                      "Foundations", NULL, &report);
  static const char * const categories[][3] = {
    { "foundations", "Foundations", NULL },
  };
  static const guint counts[] = { 3, 3, 3, 3, 3 };
  static const guint lines[] = { 85, 87 };
  static const char * const texts[] = {
    "Build your first team in minutes",
    "Get access to our library of templates and skills and invite your team, for free",
  };
  LadderCell *cell;
  LadderLevel *level;

  g_assert_cmpint (ladder_import_report_get_format (report), ==, LADDER_IMPORT_FORMAT_TEXT);
  g_assert_cmpstr (ladder_framework_get_name (framework), ==, "Foundations");
  g_assert_cmpstr (ladder_framework_get_organisation (framework), ==, "Medium");
  g_assert_cmpstr (ladder_framework_get_id (framework), ==, "medium-foundations");
  g_assert_cmpstr (ladder_framework_get_description (framework), ==,
                   "Develops expertise in foundational systems, such as deployments, pipelines, "
                   "databases and machine learning");

  assert_levels (framework,
                 (const char *[]) { "1", "2", "3", "4", "5", NULL },
                 (const char *[]) { "Level 1", "Level 2", "Level 3", "Level 4", "Level 5", NULL });
  assert_categories (framework, G_N_ELEMENTS (categories), categories);
  assert_counts (framework, counts);

  /* The first plain line under a level is its summary, and its cell's. */
  level = ladder_framework_find_level (framework, "1");
  g_assert_cmpstr (ladder_level_get_summary (level), ==,
                   "Works effectively within established structures, following current best "
                   "practices");
  level = ladder_framework_find_level (framework, "5");
  g_assert_cmpstr (ladder_level_get_summary (level), ==,
                   "Is an industry-leading expert in foundational engineering or sets strategic "
                   "foundational direction for an eng team");

  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_cells (framework)), ==, 5);
  cell = ladder_framework_find_cell (framework, "1", "foundations");
  g_assert_nonnull (cell);
  g_assert_cmpstr (ladder_cell_get_summary (cell), ==,
                   "Works effectively within established structures, following current best "
                   "practices");
  assert_strv (ladder_cell_get_examples (cell),
               (const char *[]) { "Resolved out of disk errors independently",
                                  "Implemented new ETL pipelines based on existing ones",
                                  "Made safe and effective Ansible changes", NULL });
  cell = ladder_framework_find_cell (framework, "3", "foundations");
  g_assert_nonnull (cell);
  assert_strv (ladder_cell_get_examples (cell),
               (const char *[]) { "Designed flexible framework for writing machine learning jobs",
                                  "Built Medium's realtime stats pipeline",
                                  "Designed Ansible configuration management", NULL });

  /* The signals are the behaviours; "E.g." lines are not. */
  assert_behaviour (framework, "1-foundations-1",
                    "Performs backfills safely and effectively, without causing pages");
  assert_behaviour (framework, "2-foundations-3", "Made minor version upgrades to technologies");
  assert_behaviour (framework, "5-foundations-3",
                    "Designs transformational projects in service of long-term goals");
  g_assert_cmpuint (count_examples (framework), ==, 0);

  /* The sign-up footer is site chrome. */
  assert_warnings (report, G_N_ELEMENTS (lines), lines, texts);
}

static void
test_seed_gitlab (void)
{
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  static const char * const categories[][3] = {
    { "leadership", "Leadership", NULL },
    { "technical", "Technical", NULL },
    { "values-alignment", "Values Alignment", NULL },
  };
  static const guint counts[] = { 8, 25, 17 };
  static const guint lines[] = { 6, 21, 59 };
  static const char * const texts[] = {
    "Intermediate Backend | Senior Backend | Staff Backend | Dev Framework | Development "
    "Framework | Engineering Framework",
    "<%# ##### Development %> <%# No differences between engineering and Development senior "
    "leadership competencies %>",
    "GitLab",
  };
  GListModel *behaviours;

  framework = import_seed ("gitlab-senior-backend-engineer.txt", &report);
  g_assert_cmpstr (ladder_framework_get_name (framework), ==,
                   "Dev Career Framework: Senior Backend Engineer");
  g_assert_cmpstr (ladder_framework_get_description (framework), ==,
                   "Dev Senior Backend Engineer (BE)\n\n"
                   "Dev Senior Backend Engineers at GitLab are expected to exhibit the following "
                   "competencies:");

  assert_levels (framework, (const char *[]) { "senior", NULL },
                 (const char *[]) { "Senior", NULL });
  assert_categories (framework, G_N_ELEMENTS (categories), categories);
  assert_counts (framework, counts);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_behaviours (framework)), ==, 50);

  /* Section labels: the short line right above the bullets. */
  behaviours = ladder_framework_get_behaviours (framework);
  for (guint i = 0; i < g_list_model_get_n_items (behaviours); i++)
    {
      g_autoptr(LadderBehaviour) behaviour = g_list_model_get_item (behaviours, i);
      const char *category = ladder_behaviour_get_category (behaviour);
      const char *expected;

      if (g_str_equal (category, "leadership"))
        expected = "Engineering";
      else if (g_str_equal (category, "technical"))
        expected = i < 8 + 4 ? "Engineering" : "Development";
      else
        expected = "Development";

      g_assert_cmpstr (ladder_behaviour_get_section (behaviour), ==, expected);
    }

  assert_behaviour (framework, "senior-leadership-1",
                    "Communicates clearly and effectively, both written and verbally, when "
                    "advising, setting expectations, or suggesting improvements. This applies "
                    "whether interacting with team members, customers, or the wider community.");
  /* The bullets after the template comment stay in their category. */
  assert_behaviour (framework, "senior-leadership-6",
                    "Leads technical architecture discussions and help drive technical decisions");
  assert_behaviour (framework, "senior-technical-4", "Acts as a Coach and Mentor to others.");
  assert_behaviour (framework, "senior-technical-5",
                    "Improves the state of our test framework and any other dependencies.");
  assert_behaviour (framework, "senior-values-alignment-17",
                    "Directly or indirectly takes part in the hiring process to help ensure "
                    "that we bring in a wide variety of experience into our teams.");

  /* The breadcrumb, the template comment, and the label with nothing
   * under it. */
  assert_warnings (report, G_N_ELEMENTS (lines), lines, texts);
}

static void
test_seed_detect (void)
{
  static const char * const seeds[] = {
    "dummyco-backend-engineering.txt",
    "monzo-backend-engineering.txt",
    "medium-foundations.txt",
    "gitlab-senior-backend-engineer.txt",
  };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *path = seed_path (seeds[i]);

      assert_detected (path, LADDER_IMPORT_FORMAT_TEXT);
    }
}

/* What the build does: the options win over the text. */
static void
test_seed_options (void)
{
  g_autofree char *path = seed_path ("dummyco-backend-engineering.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  LadderImportOptions options = { 0 };

  options.format = LADDER_IMPORT_FORMAT_TEXT;
  options.id = "dummyco-backend-engineering";
  options.name = "Backend Engineering";
  options.organisation = "Dummy Co";
  options.source = "dummyco-backend-engineering.txt";

  framework = ladder_import_file (file, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ladder_framework_get_id (framework), ==, "dummyco-backend-engineering");
  g_assert_cmpstr (ladder_framework_get_name (framework), ==, "Backend Engineering");
  g_assert_cmpstr (ladder_framework_get_organisation (framework), ==, "Dummy Co");
  g_assert_cmpstr (ladder_framework_get_source (framework), ==, "dummyco-backend-engineering.txt");

  /* Without an id, one is made from the organisation and the name. */
  options.id = NULL;
  g_clear_object (&framework);
  framework = ladder_import_file (file, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ladder_framework_get_id (framework), ==, "dummy-co-backend-engineering");
}

/* Ids depend on the text only: the same text gives the same ids. */
static void
test_seed_stable_ids (void)
{
  static const char * const seeds[] = {
    "dummyco-backend-engineering.txt",
    "monzo-backend-engineering.txt",
    "medium-foundations.txt",
    "gitlab-senior-backend-engineer.txt",
  };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autoptr(LadderFramework) first = import_seed (seeds[i], NULL);
      g_autoptr(LadderFramework) second = import_seed (seeds[i], NULL);
      g_autofree char *first_ids = list_ids (first);
      g_autofree char *second_ids = list_ids (second);
      g_autofree char *first_json = ladder_format_write_framework (first, NULL);
      g_autofree char *second_json = ladder_format_write_framework (second, NULL);

      g_assert_cmpstr (first_ids, ==, second_ids);
      g_assert_cmpstr (first_json, ==, second_json);
    }
}

/* Other shapes of text */

/* "Technical skills:" in sentence case with a colon, repeated under each
 * "Level N – Name" heading, directly above its bullets. */
static void
test_text_sentence_case_headings (void)
{
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  static const char * const categories[][3] = {
    { "technical-skills", "Technical skills", NULL },
    { "collaboration", "Collaboration", NULL },
  };
  static const guint counts[] = {
    2, 1,
    1, 1,
  };

  framework = import_string ("Engineering Ladder\n"
                             "\n"
                             "Level 1 – Junior Engineer\n"
                             "\n"
                             "Technical skills:\n"
                             "• Writes tested code\n"
                             "• Fixes bugs\n"
                             "\n"
                             "Collaboration:\n"
                             "• Asks for help\n"
                             "\n"
                             "Level 2 – Engineer\n"
                             "\n"
                             "Technical skills:\n"
                             "• Designs small features\n"
                             "  ◦ e.g. a settings page\n"
                             "\n"
                             "Collaboration:\n"
                             "• Reviews code\n",
                             LADDER_IMPORT_FORMAT_AUTO, &report);

  g_assert_cmpint (ladder_import_report_get_format (report), ==, LADDER_IMPORT_FORMAT_TEXT);
  g_assert_cmpstr (ladder_framework_get_name (framework), ==, "Engineering Ladder");
  assert_levels (framework, two_level_ids,
                 (const char *[]) { "Level 1 – Junior Engineer", "Level 2 – Engineer", NULL });
  assert_categories (framework, G_N_ELEMENTS (categories), categories);
  assert_counts (framework, counts);
  assert_examples (framework, "2-technical-skills-1", (const char *[]) { "a settings page", NULL });
  assert_warnings (report, 0, NULL, NULL);
}

/* A category, then its levels; the levels start over for the next one. */
static void
test_text_category_major (void)
{
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  static const char * const categories[][3] = {
    { "communication", "Communication", NULL },
    { "impact", "Impact", NULL },
  };
  static const guint counts[] = {
    2, 1,
    1, 1,
  };

  framework = import_string ("Communication\n"
                             "\n"
                             "Level 1\n"
                             "• Gives status updates\n"
                             "• Asks questions\n"
                             "\n"
                             "Level 2\n"
                             "• Writes proposals\n"
                             "\n"
                             "Impact\n"
                             "\n"
                             "Level 1\n"
                             "• Ships tasks\n"
                             "\n"
                             "Level 2\n"
                             "• Ships projects\n",
                             LADDER_IMPORT_FORMAT_AUTO, &report);

  assert_levels (framework, two_level_ids, two_level_names);
  assert_categories (framework, G_N_ELEMENTS (categories), categories);
  assert_counts (framework, counts);
  assert_behaviour (framework, "2-impact-1", "Ships projects");
  assert_warnings (report, 0, NULL, NULL);
}

/* No bullets and no level headings: one item a line, and the category
 * headings coming round again start the next level. */
static void
test_text_cycle_without_bullets (void)
{
  g_autoptr(LadderFramework) framework = NULL;
  static const guint counts[] = {
    2, 1,
    1, 1,
  };

  framework = import_string ("Team Ladder\n\n"
                             "Craft\n\nWrites tests\n\nFixes bugs\n\n"
                             "Impact\n\nShips tasks\n\n"
                             "Craft\n\nDesigns systems\n\n"
                             "Impact\n\nShips projects\n",
                             LADDER_IMPORT_FORMAT_AUTO, NULL);

  g_assert_cmpstr (ladder_framework_get_name (framework), ==, "Team Ladder");
  assert_levels (framework, two_level_ids, two_level_names);
  assert_counts (framework, counts);
  assert_behaviour (framework, "2-craft-1", "Designs systems");
}

/* Markdown */

static LadderFramework *
import_fixture (const char          *name,
                LadderImportReport **report)
{
  g_autofree char *path = fixture_path (name);
  LadderFramework *framework = import_path (path, LADDER_IMPORT_FORMAT_AUTO, NULL, NULL, report);

  assert_detected (path, g_str_equal (name, "progression.md") ? LADDER_IMPORT_FORMAT_PROGRESSION
                                                              : LADDER_IMPORT_FORMAT_MARKDOWN);

  return framework;
}

/* Links alone under a README's title (its site's navigation, a download
 * of the same text as a PDF) are not the framework's description. */
static void
test_markdown_navigation_links (void)
{
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  gboolean warned = FALSE;

  framework = import_string ("# Engineering Career Ladder\n"
                             "[Level Progression](index.md) | [Competencies](competencies.md)\n"
                             "\\([download as .pdf](ladder.pdf)\\)\n"
                             "\n"
                             "How we grow engineers, by level.\n"
                             "\n"
                             "## Level 1\n"
                             "### Delivery\n"
                             "- Ships small changes with help\n"
                             "## Level 2\n"
                             "### Delivery\n"
                             "- Ships features on their own\n",
                             LADDER_IMPORT_FORMAT_MARKDOWN, &report);
  g_assert_cmpstr (ladder_framework_get_name (framework), ==, "Engineering Career Ladder");
  g_assert_cmpstr (ladder_framework_get_description (framework), ==, "How we grow engineers, by level.");
  for (guint i = 0; i < ladder_import_report_get_n_warnings (report); i++)
    {
      const LadderImportWarning *warning = ladder_import_report_get_warning (report, i);

      if (warning->line == 2 && strstr (warning->message, "navigation") != NULL)
        warned = TRUE;
    }
  g_assert_true (warned);
}

static void
test_markdown_level_major (void)
{
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = import_fixture ("level-major.md", &report);
  static const char * const categories[][3] = {
    { "communication", "Communication", "💬" },
    { "delivery", "Delivery", NULL },
  };
  static const guint counts[] = {
    2, 2,
    2, 2,
  };
  LadderCell *cell;

  g_assert_cmpint (ladder_import_report_get_format (report), ==, LADDER_IMPORT_FORMAT_MARKDOWN);
  g_assert_cmpstr (ladder_framework_get_name (framework), ==, "Platform Engineering");
  g_assert_cmpstr (ladder_framework_get_id (framework), ==, "platform-engineering");
  g_assert_cmpstr (ladder_framework_get_description (framework), ==,
                   "How we grow platform engineers: each level lists what we expect, by area.");
  assert_levels (framework, two_level_ids, two_level_names);
  assert_categories (framework, G_N_ELEMENTS (categories), categories);
  assert_counts (framework, counts);

  g_assert_cmpstr (ladder_level_get_summary (ladder_framework_find_level (framework, "1")), ==,
                   "Learns the platform with support from the team.");
  cell = ladder_framework_find_cell (framework, "1", "communication");
  g_assert_nonnull (cell);
  g_assert_cmpstr (ladder_cell_get_summary (cell), ==, "Shares what they are working on.");

  /* -, * and + bullets; nested bullets are examples; an ordered list is a
   * list like any other under a level. */
  assert_behaviour (framework, "1-communication-2",
                    "Asks for help when blocked for more than a day");
  assert_examples (framework, "1-communication-2",
                   (const char *[]) { "Posts in #platform-help with what they tried", NULL });
  assert_behaviour (framework, "1-delivery-1", "Ships small, well-tested changes");
  assert_behaviour (framework, "2-communication-1",
                    "Writes design notes for changes that touch other teams");
  /* A bold label keeps its place in the text. */
  assert_behaviour (framework, "2-communication-2",
                    "Reviews: gives actionable feedback on pull requests");
  assert_behaviour (framework, "2-delivery-2", "Owns the rollout of their changes");
  assert_examples (framework, "2-delivery-2",
                   (const char *[]) { "Watches dashboards after each deploy",
                                      "Rolls back without being asked", NULL });

  assert_warnings (report, 0, NULL, NULL);
}

static void
test_markdown_category_major (void)
{
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = import_fixture ("category-major.md", &report);
  static const char * const categories[][3] = {
    { "technical-skills", "Technical Skills", NULL },
    { "collaboration", "Collaboration", NULL },
  };
  static const guint counts[] = {
    2, 1,
    2, 2,
  };
  LadderCategory *category;
  LadderCell *cell;

  g_assert_cmpstr (ladder_framework_get_name (framework), ==, "Data Engineering Ladder");
  assert_levels (framework, two_level_ids, two_level_names);
  assert_categories (framework, G_N_ELEMENTS (categories), categories);
  assert_counts (framework, counts);

  /* Under a category, a paragraph describes it; under a level inside a
   * category, it sums up that cell. */
  category = ladder_framework_find_category (framework, "technical-skills");
  g_assert_cmpstr (ladder_category_get_description (category), ==,
                   "Building and running data pipelines.");
  cell = ladder_framework_find_cell (framework, "2", "technical-skills");
  g_assert_nonnull (cell);
  g_assert_cmpstr (ladder_cell_get_summary (cell), ==, "The engineer owns pipelines end to end.");

  assert_behaviour (framework, "1-technical-skills-2", "Fixes failing pipeline jobs with guidance");
  assert_behaviour (framework, "2-collaboration-2", "Mentors new joiners");

  assert_warnings (report, 0, NULL, NULL);
}

static void
test_markdown_bold_levels (void)
{
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = import_fixture ("bold-levels.md", &report);
  static const char * const categories[][3] = {
    { "craft", "Craft", NULL },
    { "teamwork", "Teamwork", NULL },
  };
  static const guint counts[] = {
    2, 1,
    2, 1,
  };

  assert_levels (framework, two_level_ids, two_level_names);
  assert_categories (framework, G_N_ELEMENTS (categories), categories);
  assert_counts (framework, counts);

  /* The bold label is the level; the bullets under it are behaviours, and
   * the bullets under those are examples. */
  assert_behaviour (framework, "1-craft-1", "Builds screens from finished designs");
  assert_behaviour (framework, "2-craft-2", "Profiles and fixes slow screens");
  assert_examples (framework, "2-craft-2",
                   (const char *[]) { "Uses Instruments or the Android profiler", NULL });
  assert_behaviour (framework, "2-teamwork-1", "Runs the team's retrospectives");

  assert_warnings (report, 0, NULL, NULL);
}

static void
test_markdown_ordered_levels (void)
{
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = import_fixture ("ordered-levels.md", &report);
  static const char * const categories[][3] = {
    { "threat-modelling", "Threat Modelling", NULL },
    { "incident-response", "Incident Response", NULL },
  };
  static const guint counts[] = {
    1, 1,
    1, 1,
    1, 1,
  };

  /* Under a category and no level, item N of an ordered list is level N. */
  assert_levels (framework,
                 (const char *[]) { "1", "2", "3", NULL },
                 (const char *[]) { "Level 1", "Level 2", "Level 3", NULL });
  assert_categories (framework, G_N_ELEMENTS (categories), categories);
  assert_counts (framework, counts);
  assert_behaviour (framework, "3-threat-modelling-1",
                    "Sets the threat modelling practice for the organisation");
  assert_behaviour (framework, "1-incident-response-1", "Follows the incident runbook");
  assert_examples (framework, "1-incident-response-1",
                   (const char *[]) { "Pages the right on-call engineer", NULL });

  assert_warnings (report, 0, NULL, NULL);
}

static void
test_markdown_front_matter (void)
{
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = import_fixture ("front-matter.md", &report);
  static const guint counts[] = { 2, 1 };

  g_assert_cmpstr (ladder_framework_get_name (framework), ==, "Site Reliability Engineering");
  g_assert_cmpstr (ladder_framework_get_organisation (framework), ==, "Example Corp");
  g_assert_cmpstr (ladder_framework_get_id (framework), ==,
                   "example-corp-site-reliability-engineering");
  g_assert_cmpstr (ladder_framework_get_description (framework), ==, "Our expectations for SREs.");
  assert_levels (framework, two_level_ids, two_level_names);
  assert_counts (framework, counts);

  /* "**Label**: text" keeps its label. */
  assert_behaviour (framework, "1-operations-1",
                    "On-call: takes part in the on-call rotation with a buddy");
  assert_behaviour (framework, "2-operations-1",
                    "Incidents: leads the response to incidents in their area");

  assert_warnings (report, 0, NULL, NULL);
}

static void
test_markdown_dropped (void)
{
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = import_fixture ("dropped.md", &report);
  static const guint counts[] = { 2, 1 };
  /* The HTML, the table of titles, the code block, the links section with
   * each link, and the FAQ section (whose contents go with it), each
   * where it starts. */
  static const guint lines[] = { 4, 7, 19, 29, 31, 32, 34 };
  static const char * const texts[] = {
    "Last updated in spring.", "| Level | Title |", "```", "Useful links",
    "- [Career conversations](https://example.com/careers)", "- https://example.com/handbook",
    "FAQ",
  };

  assert_levels (framework, two_level_ids, two_level_names);
  assert_counts (framework, counts);
  assert_behaviour (framework, "1-execution-2", "Writes tests for the code they change");
  assert_behaviour (framework, "2-execution-1", "Delivers projects of several weeks");
  g_assert_null (ladder_framework_get_description (framework));

  assert_warnings (report, G_N_ELEMENTS (lines), lines, texts);
}

/* Links in the middle of a category are dropped too, and a page without
 * any heading is one level of one track. */
static void
test_markdown_links_and_bare_lists (void)
{
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  static const guint lines[] = { 5, 6 };

  framework = import_string ("# Levels of Care\n"
                             "\n"
                             "## Level 1\n"
                             "- Answers support tickets within a day\n"
                             "- [Support handbook](https://example.com/handbook)\n"
                             "- <https://example.com/faq>\n"
                             "- Escalates what they cannot answer\n",
                             LADDER_IMPORT_FORMAT_AUTO, &report);
  g_assert_cmpint (ladder_import_report_get_format (report), ==, LADDER_IMPORT_FORMAT_MARKDOWN);
  g_assert_cmpuint (ladder_framework_count_behaviours (framework, "1", NULL), ==, 2);
  assert_warnings (report, G_N_ELEMENTS (lines), lines, NULL);

  g_clear_object (&framework);
  g_clear_pointer (&report, ladder_import_report_unref);
  framework = import_string ("- Writes `clean` code, see [the guide](https://example.com)\n"
                             "- Reviews *other* people's_code\n",
                             LADDER_IMPORT_FORMAT_AUTO, &report);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_levels (framework)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_categories (framework)), ==, 1);
  assert_behaviour (framework, "1-test-1", "Writes clean code, see the guide");
  assert_behaviour (framework, "1-test-2", "Reviews other people's_code");
}

/* Headings of one depth, levels and categories taking turns. */
static void
test_markdown_flat (void)
{
  g_autoptr(LadderFramework) framework = NULL;
  static const guint counts[] = {
    1, 1,
    1, 1,
  };

  framework = import_string ("## Level 1\n"
                             "## Craft\n- Writes tests\n"
                             "## Impact\n- Ships features\n"
                             "## Level 2\n"
                             "## Craft\n- Designs systems\n"
                             "## Impact\n- Leads projects\n",
                             LADDER_IMPORT_FORMAT_MARKDOWN, NULL);
  assert_levels (framework, two_level_ids, two_level_names);
  assert_counts (framework, counts);
  assert_behaviour (framework, "2-impact-1", "Leads projects");

  /* Without level headings, the categories coming round again start the
   * next level. */
  g_clear_object (&framework);
  framework = import_string ("# Ladder\n## 🛠 Craft\n- Writes tests\n## Impact\n- Ships features\n"
                             "## 🛠 Craft\n- Designs systems\n## Impact\n- Leads projects\n",
                             LADDER_IMPORT_FORMAT_MARKDOWN, NULL);
  assert_levels (framework, two_level_ids, two_level_names);
  assert_counts (framework, counts);
  g_assert_cmpstr (ladder_category_get_emoji (ladder_framework_find_category (framework, "craft")),
                   ==, "🛠");
  assert_behaviour (framework, "2-craft-1", "Designs systems");
}

/* Progression framework */

static void
test_progression (void)
{
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = import_fixture ("progression.md", &report);
  static const char * const categories[][3] = {
    { "mastery", "Mastery", "🛠️" },
    { "communication", "Communication", NULL },
    { "leadership", "Leadership", NULL },
  };
  static const guint counts[] = {
    2, 1, 0,
    2, 0, 0,
    1, 1, 0,
  };
  LadderCell *cell;

  g_assert_cmpint (ladder_import_report_get_format (report), ==, LADDER_IMPORT_FORMAT_PROGRESSION);
  g_assert_cmpstr (ladder_framework_get_name (framework), ==, "Backend Engineering Framework");
  g_assert_cmpstr (ladder_framework_get_description (framework), ==,
                   "This is our backend engineering framework.\n\nIt is a **compass**, not a GPS.");
  assert_levels (framework,
                 (const char *[]) { "1", "2", "3", NULL },
                 (const char *[]) { "Level 1", "Level 2", "Level 3", NULL });
  /* An empty title: the topic's name, capitalised. */
  assert_categories (framework, G_N_ELEMENTS (categories), categories);
  assert_counts (framework, counts);

  assert_behaviour (framework, "1-mastery-2", "Fixes simple bugs");
  assert_behaviour (framework, "2-mastery-2", "Implements simple RPC handlers");
  assert_examples (framework, "2-mastery-2",
                   (const char *[]) { "Basic CRUD handlers",
                                      "Internal/external API proxies", NULL });
  assert_behaviour (framework, "3-communication-1", "Gives feedback to peers");
  assert_examples (framework, "3-communication-1",
                   (const char *[]) { "I think this could be simpler if we pair on it", NULL });

  /* "examples" of an entry belong to its level as a whole. */
  cell = ladder_framework_find_cell (framework, "3", "mastery");
  g_assert_nonnull (cell);
  assert_strv (ladder_cell_get_examples (cell),
               (const char *[]) { "Led the migration to the new queue library", NULL });

  assert_warnings (report, 0, NULL, NULL);
}

static void
test_progression_levels_list (void)
{
  g_autoptr(LadderFramework) framework = NULL;

  framework = import_string ("---\n"
                             "title: Design\n"
                             "levels:\n"
                             "  - Junior\n"
                             "  - Senior\n"
                             "topics:\n"
                             "  - name: craft\n"
                             "    title: ''\n"
                             "    content:\n"
                             "      - level: 2\n"
                             "        criteria: [Leads design critiques]\n"
                             "---\n",
                             LADDER_IMPORT_FORMAT_AUTO, NULL);
  assert_levels (framework,
                 (const char *[]) { "1", "2", NULL },
                 (const char *[]) { "Junior", "Senior", NULL });
  assert_behaviour (framework, "2-craft-1", "Leads design critiques");
  g_assert_cmpstr (ladder_category_get_name (ladder_framework_find_category (framework, "craft")),
                   ==, "Craft");
}

static void
assert_import_fails (const char        *text,
                     gsize              length,
                     LadderImportFormat format,
                     LadderImportError  code,
                     const char        *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  LadderImportOptions options = { 0 };
  gint64 start = g_get_monotonic_time ();

  if (length == (gsize) -1)
    length = strlen (text);
  options.format = format;
  framework = ladder_import_data (text, length, "test.txt", &options, &report, &error);
  g_assert_null (framework);
  g_assert_error (error, LADDER_IMPORT_ERROR, (gint) code);
  g_assert_nonnull (report);
  if (prefix != NULL && !g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);

  /* Refused quickly, even under valgrind. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
}

static char *
alias_bomb (void)
{
  GString *yaml = g_string_new ("---\n"
                                "title: Laughs\n"
                                "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");

  for (guint i = 1; i < 12; i++)
    {
      g_string_append_printf (yaml, "a%u: &a%u [", i, i);
      for (guint j = 0; j < 9; j++)
        g_string_append_printf (yaml, "%s*a%u", j > 0 ? ", " : "", i - 1);
      g_string_append (yaml, "]\n");
    }
  g_string_append (yaml,
                   "topics:\n"
                   "  - name: laughs\n"
                   "    content:\n"
                   "      - level: 1\n"
                   "        criteria: *a11\n"
                   "---\n");

  return g_string_free (yaml, FALSE);
}

static void
test_progression_alias_bomb (void)
{
  g_autofree char *bomb = alias_bomb ();

  assert_import_fails (bomb, strlen (bomb), LADDER_IMPORT_FORMAT_AUTO,
                       LADDER_IMPORT_ERROR_INVALID, "test.txt:");
  /* Markdown front matter goes through the same reader. */
  assert_import_fails (bomb, strlen (bomb), LADDER_IMPORT_FORMAT_MARKDOWN,
                       LADDER_IMPORT_ERROR_INVALID, "test.txt:");
}

static void
test_progression_deep_nesting (void)
{
  g_autoptr(GString) flow = g_string_new ("---\ntopics: ");
  g_autoptr(GString) block = g_string_new ("---\ntopics:\n");

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (flow, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (flow, ']');
  g_string_append (flow, "\n---\n");
  assert_import_fails (flow->str, flow->len, LADDER_IMPORT_FORMAT_AUTO,
                       LADDER_IMPORT_ERROR_INVALID, "test.txt:2:");

  for (guint i = 1; i < 500; i++)
    {
      for (guint j = 0; j < i; j++)
        g_string_append (block, "  ");
      g_string_append (block, "- \n");
    }
  g_string_append (block, "---\n");
  assert_import_fails (block->str, block->len, LADDER_IMPORT_FORMAT_PROGRESSION,
                       LADDER_IMPORT_ERROR_INVALID, "test.txt:");
}

static void
test_progression_invalid (void)
{
  g_autoptr(GString) huge = g_string_new ("---\ntitle: '");

  const LadderImportFormat progression = LADDER_IMPORT_FORMAT_PROGRESSION;
  const LadderImportError invalid = LADDER_IMPORT_ERROR_INVALID;

  /* Broken YAML names the line and column. */
  assert_import_fails ("---\ntitle: [unclosed\ntopics:\n  - name: x\n---\n", (gsize) -1,
                       progression, invalid, "test.txt:3:");
  assert_import_fails ("---\nlevels: many\ntopics: []\n---\n", (gsize) -1,
                       progression, invalid, "test.txt:2:9:");
  assert_import_fails ("---\n- a list\n---\n", (gsize) -1,
                       progression, invalid, "test.txt:2:1:");
  assert_import_fails ("no front matter\n", (gsize) -1,
                       progression, invalid, "test.txt:1:1:");
  assert_import_fails ("---\ntitle: Nothing\ntopics: []\n---\n", (gsize) -1,
                       progression, LADDER_IMPORT_ERROR_EMPTY, "test.txt:");

  for (guint i = 0; i < 2 * 1024 * 1024; i++)
    g_string_append_c (huge, 'x');
  g_string_append (huge, "'\ntopics: []\n---\n");
  assert_import_fails (huge->str, huge->len, progression, invalid, "test.txt:2:8:");
}

/* Ladder's own JSON */

static void
test_json (void)
{
  g_autoptr(LadderFramework) seed = import_seed ("monzo-backend-engineering.txt", NULL);
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *seed_ids = list_ids (seed);
  g_autofree char *ids = NULL;
  LadderImportOptions options = { 0 };
  gsize length;

  json = ladder_format_write_framework (seed, &length);
  g_assert_cmpint (ladder_import_detect_format (json, length), ==, LADDER_IMPORT_FORMAT_JSON);

  options.organisation = "Monzo";
  framework = ladder_import_data (json, length, "monzo.json", &options, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ladder_import_report_get_format (report), ==, LADDER_IMPORT_FORMAT_JSON);
  g_assert_cmpstr (ladder_framework_get_organisation (framework), ==, "Monzo");
  ids = list_ids (framework);
  g_assert_cmpstr (ids, ==, seed_ids);

  /* Errors come in the importer's domain, naming the line. */
  assert_import_fails ("{ \"format\": ", (gsize) -1, LADDER_IMPORT_FORMAT_AUTO,
                       LADDER_IMPORT_ERROR_INVALID, "test.txt:");
}

/* Detection */

static void
test_detect (void)
{
  static const struct
  {
    const char         *text;
    LadderImportFormat  format;
  } cases[] = {
    { "{ \"format\": \"ladder-framework\" }", LADDER_IMPORT_FORMAT_JSON },
    { "\xef\xbb\xbf  \n\t{}", LADDER_IMPORT_FORMAT_JSON },
    { "---\ntitle: x\ntopics:\n  - name: a\n---\n", LADDER_IMPORT_FORMAT_PROGRESSION },
    { "---\r\ntitle: x\r\ntopics:\r\n---\r\n", LADDER_IMPORT_FORMAT_PROGRESSION },
    { "---\ntitle: x\n---\nText\n", LADDER_IMPORT_FORMAT_MARKDOWN },
    { "Intro\n\n## Level 1\n", LADDER_IMPORT_FORMAT_MARKDOWN },
    { "Intro\n- a bullet\n", LADDER_IMPORT_FORMAT_MARKDOWN },
    { "Level 1\n\n  • a bullet\n#hashtag\n", LADDER_IMPORT_FORMAT_TEXT },
    { "", LADDER_IMPORT_FORMAT_TEXT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (ladder_import_detect_format (cases[i].text, strlen (cases[i].text)), ==,
                     cases[i].format);
}

static void
test_format_names (void)
{
  LadderImportFormat format;

  for (LadderImportFormat i = LADDER_IMPORT_FORMAT_AUTO; i <= LADDER_IMPORT_FORMAT_JSON; i++)
    {
      const char *name = ladder_import_format_to_string (i);

      g_assert_true (ladder_import_format_from_string (name, &format));
      g_assert_cmpint (format, ==, i);
    }
  g_assert_true (ladder_import_format_from_string ("Markdown", &format));
  g_assert_cmpint (format, ==, LADDER_IMPORT_FORMAT_MARKDOWN);
  g_assert_false (ladder_import_format_from_string ("yaml", &format));
}

/* Hostile and unusual input */

static void
test_input_empty (void)
{
  assert_import_fails ("", 0, LADDER_IMPORT_FORMAT_AUTO, LADDER_IMPORT_ERROR_EMPTY, "test.txt: ");
  assert_import_fails ("\n  \r\n\t\n", (gsize) -1, LADDER_IMPORT_FORMAT_AUTO,
                       LADDER_IMPORT_ERROR_EMPTY, "test.txt: ");
  assert_import_fails ("\xef\xbb\xbf", 3, LADDER_IMPORT_FORMAT_AUTO, LADDER_IMPORT_ERROR_EMPTY,
                       "test.txt: ");
}

static void
test_input_only_headings (void)
{
  assert_import_fails ("Backend\n\nLevel 1\n\nLevel 2\n", (gsize) -1, LADDER_IMPORT_FORMAT_AUTO,
                       LADDER_IMPORT_ERROR_EMPTY, "test.txt: ");
  assert_import_fails ("# Backend\n## Level 1\n### Craft\n## Level 2\n### Craft\n", (gsize) -1,
                       LADDER_IMPORT_FORMAT_AUTO, LADDER_IMPORT_ERROR_EMPTY, "test.txt:2: ");
}

/* A failed import names the file, and the line where one thing did not
 * read, and says what was looked for. */
static char *
import_error (const char *text,
              const char *filename)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderFramework) framework = NULL;

  framework = ladder_import_data (text, strlen (text), filename, NULL, NULL, &error);
  g_assert_null (framework);
  g_assert_error (error, LADDER_IMPORT_ERROR, LADDER_IMPORT_ERROR_EMPTY);

  return g_strdup (error->message);
}

static void
test_input_what_was_looked_for (void)
{
  static const struct
  {
    const char *filename;
    const char *text;
    const char *message;
  } cases[] = {
    { "levels.md", "# Backend\n## Level 1\n### Craft\n## Level 2\n### Craft\n",
      "levels.md:2: No behaviours were found under the level “Level 1” or after it: expected "
      "bullets or lines of text under each level." },
    { "page.html", "<p>Hello</p>\n",
      "page.html: No levels were found: expected headings, a table or a list naming levels "
      "such as Level 1 or Senior." },
    { "levels.txt", "Backend\n\nLevel 1\n\nLevel 2\n",
      "levels.txt: No behaviours were found under the 2 levels from “Level 1” on: expected "
      "bullets or lines of text under each." },
    { "one.txt", "Backend\n\nLevel 1\n",
      "one.txt: No behaviours were found under the level “Level 1”: expected bullets or "
      "lines of text under it." },
    { "table.md", "# Team\n\nIntro.\n\n| A |\n|---|\n| x |\n",
      "table.md:5: No levels were found: this table does not name them. Expected its first "
      "row or its first column to name levels such as Level 1 or Senior, or headings or a "
      "list naming them." },
    { "sheet.csv", "a\nb\n",
      "sheet.csv: No levels were found: expected the first row or the first column to name "
      "levels such as Level 1 or Senior, or a column of levels beside one of categories and "
      "one of behaviours." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = import_error (cases[i].text, cases[i].filename);

      g_assert_cmpstr (message, ==, cases[i].message);
    }
}

static void
test_input_binary (void)
{
  static const char nul[] = "Level 1\n\nWrites c\0de\n";
  static const char latin1[] = "Level 1\n\nR\xe9sum\xe9 reviews\n";
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

  assert_import_fails (nul, sizeof nul - 1, LADDER_IMPORT_FORMAT_AUTO,
                       LADDER_IMPORT_ERROR_INVALID, "test.txt:3:9: ");
  assert_import_fails (latin1, sizeof latin1 - 1, LADDER_IMPORT_FORMAT_AUTO,
                       LADDER_IMPORT_ERROR_INVALID, "test.txt:3:2: ");
  assert_import_fails (png, sizeof png - 1, LADDER_IMPORT_FORMAT_AUTO,
                       LADDER_IMPORT_ERROR_INVALID, "test.txt:1:1: ");
}

static void
test_input_too_large (void)
{
  gsize length = LADDER_FORMAT_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (length);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(LadderImportReport) report = NULL;
  FILE *stream;

  memset (data, 'a', length);
  assert_import_fails (data, length, LADDER_IMPORT_FORMAT_AUTO, LADDER_IMPORT_ERROR_TOO_LARGE,
                       "test.txt: ");

  /* A file is measured before it is read. */
  dir = g_dir_make_tmp ("ladder-import-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "large.txt", NULL);
  stream = fopen (path, "w");
  g_assert_nonnull (stream);
  g_assert_cmpint (ftruncate (fileno (stream), (off_t) length), ==, 0);
  fclose (stream);

  file = g_file_new_for_path (path);
  framework = ladder_import_file (file, NULL, NULL, &report, &error);
  g_assert_null (framework);
  g_assert_error (error, LADDER_IMPORT_ERROR, LADDER_IMPORT_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (report);
  g_assert_cmpuint (ladder_import_report_get_n_warnings (report), ==, 0);

  g_unlink (path);
  g_rmdir (dir);
}

/* 10 MB on one line: every importer reads it in linear time, whatever
 * the line repeats. */
static void
test_input_long_line (void)
{
  static const struct
  {
    const char         *prefix;
    const char         *fill;
    LadderImportFormat  format;
  } cases[] = {
    { "", "a", LADDER_IMPORT_FORMAT_TEXT },
    { "Level 1\n\n  \xe2\x80\xa2 ", "word ", LADDER_IMPORT_FORMAT_TEXT },
    { "", "Level | ", LADDER_IMPORT_FORMAT_TEXT },
    { "", "\xf0\x9f\x92\xac ", LADDER_IMPORT_FORMAT_AUTO },
    { "## Level 1\n- ", "[", LADDER_IMPORT_FORMAT_MARKDOWN },
    { "## Level 1\n- ", "<a", LADDER_IMPORT_FORMAT_MARKDOWN },
    { "## Level 1\n- ", "*_~`", LADDER_IMPORT_FORMAT_MARKDOWN },
    { "# ", "word ", LADDER_IMPORT_FORMAT_AUTO },
    { "---\ntitle: ", "x", LADDER_IMPORT_FORMAT_MARKDOWN },
  };
  gsize size = 10 * 1024 * 1024;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_sized_new (size + 64);
      g_autoptr(LadderFramework) framework = NULL;
      g_autoptr(GError) error = NULL;
      LadderImportOptions options = { 0 };
      gsize prefix = strlen (cases[i].prefix);
      gint64 start;
      gdouble seconds;

      g_string_append (text, cases[i].prefix);
      g_string_append (text, cases[i].fill);
      while (text->len < size)
        g_string_append_len (text, text->str + prefix, MIN (text->len - prefix, size - text->len));

      options.format = cases[i].format;
      start = g_get_monotonic_time ();
      framework = ladder_import_data (text->str, text->len, "long.txt", &options, NULL, &error);
      seconds = (g_get_monotonic_time () - start) / (gdouble) G_USEC_PER_SEC;
      g_test_message ("“%s” + “%s”…: %.2f s", cases[i].prefix, cases[i].fill, seconds);

      g_assert_true (framework != NULL || error != NULL);
      if (framework == NULL &&
          !g_error_matches (error, LADDER_IMPORT_ERROR, LADDER_IMPORT_ERROR_EMPTY))
        g_assert_error (error, LADDER_IMPORT_ERROR, LADDER_IMPORT_ERROR_INVALID);
      /* A reader quadratic in the line's length would take hours and
       * meet the test's timeout; how long it takes is bench-import's to
       * say, not a timed assertion's, which a busy machine breaks. */
    }
}

static char *
replace_all (const char *text,
             const char *from,
             const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

static void
test_input_line_ends (void)
{
  g_autofree char *path = seed_path ("dummyco-backend-engineering.txt");
  g_autofree char *contents = NULL;
  g_autofree char *crlf = NULL;
  g_autofree char *cr = NULL;
  g_autofree char *bom = NULL;
  g_autoptr(LadderFramework) lf_framework = NULL;
  g_autoptr(LadderFramework) crlf_framework = NULL;
  g_autoptr(LadderFramework) cr_framework = NULL;
  g_autoptr(LadderFramework) bom_framework = NULL;
  g_autofree char *lf_ids = NULL;
  g_autofree char *crlf_ids = NULL;
  g_autofree char *cr_ids = NULL;
  g_autofree char *bom_ids = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  crlf = replace_all (contents, "\n", "\r\n");
  cr = replace_all (contents, "\n", "\r");
  bom = g_strconcat ("\xef\xbb\xbf", crlf, NULL);

  lf_framework = import_string (contents, LADDER_IMPORT_FORMAT_AUTO, NULL);
  crlf_framework = import_string (crlf, LADDER_IMPORT_FORMAT_AUTO, NULL);
  cr_framework = import_string (cr, LADDER_IMPORT_FORMAT_AUTO, NULL);
  bom_framework = import_string (bom, LADDER_IMPORT_FORMAT_AUTO, NULL);

  lf_ids = list_ids (lf_framework);
  crlf_ids = list_ids (crlf_framework);
  cr_ids = list_ids (cr_framework);
  bom_ids = list_ids (bom_framework);
  g_assert_cmpstr (crlf_ids, ==, lf_ids);
  g_assert_cmpstr (cr_ids, ==, lf_ids);
  g_assert_cmpstr (bom_ids, ==, lf_ids);
  g_assert_cmpstr (ladder_framework_get_name (bom_framework), ==, "Backend Engineering Framework");
  g_assert_cmpstr (ladder_framework_get_description (crlf_framework), ==,
                   ladder_framework_get_description (lf_framework));
  g_assert_cmpuint (g_strv_length ((char **) ladder_framework_get_sublevels (bom_framework)), ==,
                    5);
}

static void
test_input_tabs_and_bullets (void)
{
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = NULL;

  /* Tabs indent like spaces; every common bullet is a bullet; a deeper
   * bullet of any kind is an example. */
  framework = import_string ("Level 1\n"
                             "\n"
                             "\t• Writes code\n"
                             "\t\t◦ Small\tfixes\n"
                             "\t- Reviews code\n"
                             "\t* Tests code\n"
                             "\t‣ Ships code\n"
                             "\t▪ Runs code\n"
                             "\n"
                             "Level 2\n"
                             "\n"
                             "• Designs code\n"
                             "    ▪ Whole services\n"
                             "1. Leads code\n",
                             LADDER_IMPORT_FORMAT_TEXT, &report);

  assert_levels (framework, two_level_ids, two_level_names);
  g_assert_cmpuint (ladder_framework_count_behaviours (framework, "1", NULL), ==, 5);
  g_assert_cmpuint (ladder_framework_count_behaviours (framework, "2", NULL), ==, 2);
  assert_examples (framework, "1-test-1", (const char *[]) { "Small fixes", NULL });
  assert_behaviour (framework, "1-test-5", "Runs code");
  assert_examples (framework, "2-test-1", (const char *[]) { "Whole services", NULL });
  assert_behaviour (framework, "2-test-2", "Leads code");
  assert_warnings (report, 0, NULL, NULL);
}

/* The same Markdown and progression text gives the same ids. */
static void
test_stable_ids (void)
{
  static const char * const fixtures[] = {
    "level-major.md", "category-major.md", "bold-levels.md", "ordered-levels.md",
    "front-matter.md", "dropped.md", "progression.md",
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(LadderFramework) first = import_fixture (fixtures[i], NULL);
      g_autoptr(LadderFramework) second = import_fixture (fixtures[i], NULL);
      g_autofree char *first_json = ladder_format_write_framework (first, NULL);
      g_autofree char *second_json = ladder_format_write_framework (second, NULL);

      g_assert_cmpstr (first_json, ==, second_json);
    }
}

/* Tables, pages and spreadsheets: each shape read the way its tables
 * say, the other readings kept in the report. */

/* "Level|category|section|text" a line, in reading order, after the
 * levels' and the categories' names. */
static char *
describe_framework (LadderFramework *framework)
{
  GListModel *levels = ladder_framework_get_levels (framework);
  GListModel *categories = ladder_framework_get_categories (framework);
  GListModel *behaviours = ladder_framework_get_behaviours (framework);
  GString *out = g_string_new ("levels:");

  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(LadderLevel) level = g_list_model_get_item (levels, i);

      g_string_append_printf (out, " %s;", ladder_level_get_name (level));
    }
  g_string_append (out, "\ncategories:");
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(LadderCategory) category = g_list_model_get_item (categories, i);

      g_string_append_printf (out, " %s;", ladder_category_get_name (category));
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < g_list_model_get_n_items (behaviours); i++)
    {
      g_autoptr(LadderBehaviour) behaviour = g_list_model_get_item (behaviours, i);
      const char *section = ladder_behaviour_get_section (behaviour);

      g_string_append_printf (out, "%s|%s|%s|%s\n",
                              ladder_behaviour_get_level (behaviour),
                              ladder_behaviour_get_category (behaviour),
                              section != NULL ? section : "",
                              ladder_behaviour_get_text (behaviour));
    }

  return g_string_free (out, FALSE);
}

/* Each bundled framework, as it imports, one behaviour a line with its
 * level, category and section, and its examples under it: compared with
 * tests/fixtures/import/bundled/, written from what these texts imported
 * to before plain text was read into an outline (they read the same
 * through it). With
 * LADDER_IMPORT_WRITE_BUNDLED set, writes those files instead. */
static char *
describe_behaviours (LadderFramework *framework)
{
  GListModel *levels = ladder_framework_get_levels (framework);
  GListModel *behaviours = ladder_framework_get_behaviours (framework);
  g_autofree char *head = describe_framework (framework);
  GString *out = g_string_new (NULL);
  const char *organisation = ladder_framework_get_organisation (framework);

  g_string_append_printf (out, "name: %s\norganisation: %s\n",
                          ladder_framework_get_name (framework),
                          organisation != NULL ? organisation : "");
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(LadderLevel) level = g_list_model_get_item (levels, i);
      const char *summary = ladder_level_get_summary (level);

      g_string_append_printf (out, "level %s: %s: %s\n", ladder_level_get_id (level),
                              ladder_level_get_name (level), summary != NULL ? summary : "");
    }
  /* describe_framework()'s lines, each behaviour followed by its
   * examples. */
  for (guint i = 0, b = 0; head[i] != '\0'; b++)
    {
      const char *end = strchr (head + i, '\n');
      g_autoptr(LadderBehaviour) behaviour = NULL;
      const char * const *examples;

      g_string_append_len (out, head + i, end + 1 - (head + i));
      i = end + 1 - head;
      /* The first two lines are the levels and the categories. */
      if (b < 2)
        continue;
      behaviour = g_list_model_get_item (behaviours, b - 2);
      examples = ladder_behaviour_get_examples (behaviour);
      for (guint e = 0; examples != NULL && examples[e] != NULL; e++)
        g_string_append_printf (out, "  e.g. %s\n", examples[e]);
    }

  return g_string_free (out, FALSE);
}

static void
test_seed_bundled_snapshot (void)
{
  static const char * const seeds[] = {
    "dummyco-backend-engineering",
    "monzo-backend-engineering",
    "medium-foundations",
    "gitlab-senior-backend-engineer",
  };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *name = g_strconcat (seeds[i], ".txt", NULL);
      g_autofree char *snapshot = g_strconcat (seeds[i], ".behaviours", NULL);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "bundled",
                                                     snapshot, NULL);
      g_autoptr(LadderFramework) framework = import_seed (name, NULL);
      g_autofree char *described = describe_behaviours (framework);
      g_autofree char *expected = NULL;
      g_autoptr(GError) error = NULL;

      if (g_getenv ("LADDER_IMPORT_WRITE_BUNDLED") != NULL)
        {
          g_assert_true (g_file_set_contents (path, described, -1, &error));
          g_assert_no_error (error);
          continue;
        }
      g_assert_true (g_file_get_contents (path, &expected, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (described, ==, expected);
    }
}

static void
test_tables_levels_as_columns (void)
{
  g_autofree char *path = fixture_path ("table-columns.md");
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = import_path (path, LADDER_IMPORT_FORMAT_AUTO, NULL, NULL, &report);
  g_autofree char *described = describe_framework (framework);
  guint score = 0;

  g_assert_cmpstr (ladder_framework_get_name (framework), ==, "Platform Engineering Ladder");
  g_assert_cmpstr (described, ==,
                   "levels: Associate; Engineer; Senior Engineer;\n"
                   "categories: Technical Skills; Delivery;\n"
                   "associate|technical-skills|Code|Writes clear code with help\n"
                   "associate|technical-skills|Code|Adds tests\n"
                   "engineer|technical-skills|Code|Writes clear code alone\n"
                   "senior-engineer|technical-skills|Code|Sets the team's standards\n"
                   "senior-engineer|technical-skills|Code|Reviews designs\n"
                   "associate|delivery|Planning|Estimates a day's work\n"
                   "engineer|delivery|Planning|Plans a feature\n"
                   "engineer|delivery|Planning|Flags risks early\n"
                   "senior-engineer|delivery|Planning|Plans a quarter\n");

  /* The runners-up: the rows' first cells as categories (as good a fit,
   * but second where a heading stands over each table), the table's rows
   * as levels. */
  g_assert_cmpuint (ladder_import_report_get_chosen_reading (report), ==, 1);
  g_assert_cmpuint (ladder_import_report_get_n_readings (report), ==, 3);
  g_assert_cmpstr (ladder_import_report_get_reading (report, 0, &score), ==,
                   "Levels are the table’s columns; categories are the headings above each table");
  g_assert_cmpuint (score, ==, 100);
  g_assert_cmpstr (ladder_import_report_get_reading (report, 1, &score), ==,
                   "Levels are the table’s columns; categories are the first cell of each row");
  g_assert_cmpuint (score, ==, 100);
}

static void
test_tables_other_reading (void)
{
  g_autofree char *path = fixture_path ("table-columns.md");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  LadderImportOptions options = { 0 };

  options.reading = 2;
  framework = ladder_import_file (file, &options, NULL, &report, &error);
  g_assert_no_error (error);
  described = describe_framework (framework);
  g_assert_cmpuint (ladder_import_report_get_chosen_reading (report), ==, 2);
  g_assert_true (g_str_has_prefix (described,
                                   "levels: Associate; Engineer; Senior Engineer;\n"
                                   "categories: Code; Planning;\n"
                                   "associate|code||Writes clear code with help\n"));
}

static void
test_tables_levels_as_rows (void)
{
  g_autofree char *path = fixture_path ("table-rows.md");
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = import_path (path, LADDER_IMPORT_FORMAT_AUTO, NULL, NULL, &report);
  g_autofree char *described = describe_framework (framework);

  /* The intro's bullets and the style block are not behaviours. */
  g_assert_true (g_str_has_prefix (described,
                                   "levels: IC1; IC2; IC3; IC4; IC5; IC6;\n"
                                   "categories: Impact; Craft; Collaboration;\n"
                                   "ic1|impact||Delivers small tasks\n"
                                   "ic1|craft||Writes tested code\n"
                                   "ic1|craft||Asks for help\n"
                                   "ic1|collaboration||Pairs with others\n"
                                   "ic2|impact||Delivers features\n"));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_behaviours (framework)), ==, 19);
  g_assert_cmpstr (ladder_import_report_get_reading (report, 0, NULL), ==,
                   "Levels are the table’s rows; categories are its columns");
}

/* The reading that takes item N of an ordered list as level N is the
 * only one of the fixture: none is offered to choose from, and asking for
 * it by number, or for one that is not there, gives the same. */
static void
test_markdown_ordered_levels_outline (void)
{
  g_autofree char *path = fixture_path ("ordered-levels.md");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(LadderFramework) best = import_fixture ("ordered-levels.md", NULL);
  g_autofree char *expected = describe_framework (best);
  g_autofree char *described = NULL;
  LadderImportOptions options = { 0 };

  framework = ladder_import_file (file, NULL, NULL, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ladder_import_report_get_n_readings (report), ==, 0);
  g_clear_object (&framework);
  g_clear_pointer (&report, ladder_import_report_unref);

  options.reading = 2;
  framework = ladder_import_file (file, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  described = describe_framework (framework);
  g_assert_cmpstr (described, ==, expected);
  g_clear_object (&framework);
  g_clear_pointer (&described, g_free);

  options.reading = 1;
  framework = ladder_import_file (file, &options, NULL, &report, &error);
  g_assert_no_error (error);
  described = describe_framework (framework);
  g_assert_cmpstr (described, ==, expected);
  assert_examples (framework, "1-incident-response-1",
                   (const char *[]) { "Pages the right on-call engineer", NULL });
  g_assert_cmpstr (ladder_framework_get_name (framework), ==, "Security Engineering");
  assert_warnings (report, 0, NULL, NULL);
}

static void
test_tables_title_and_group_rows (void)
{
  const char *text =
    "# Sales ladder\n"
    "\n"
    "<table>\n"
    "<tr><td colspan=\"3\">Sales Career Levels</td></tr>\n"
    "<tr><td>Job Level</td><td>Rep (P1)</td><td>Senior Rep (P2)</td></tr>\n"
    "<tr><td>Role Summary</td><td>New to sales.</td><td>Runs a territory.</td></tr>\n"
    "<tr><td>Execution</td><td></td><td></td></tr>\n"
    "<tr><td>Scope</td><td>N/A</td><td>Owns a region.</td></tr>\n"
    "<tr><td>Deals</td><td>Closes small deals.<ul><li>Renewals</li><li>Upsells</li></ul></td><td>Closes large deals.</td></tr>\n"
    "<tr><td>Teamwork</td><td></td><td></td></tr>\n"
    "<tr><td>Mentoring</td><td>Learns from peers.</td><td>Mentors reps.</td></tr>\n"
    "<tr><td></td><td></td><td></td></tr>\n"
    "<tr><td colspan=\"3\">Partner Career Levels</td></tr>\n"
    "<tr><td>Job Level</td><td>Partner Lead (P1)</td><td></td></tr>\n"
    "<tr><td>Execution</td><td>Signs partners.</td><td></td></tr>\n"
    "</table>\n";
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = import_string (text, LADDER_IMPORT_FORMAT_MARKDOWN, &report);
  g_autofree char *described = describe_framework (framework);
  static const guint lines[] = { 13 };
  static const char * const texts[] = { "Partner Career Levels" };
  static const char * const examples[] = { "Renewals", "Upsells", NULL };

  g_autoptr(LadderLevel) rep = NULL;

  g_assert_cmpstr (described, ==,
                   "levels: Rep (P1); Senior Rep (P2);\n"
                   "categories: Execution; Teamwork;\n"
                   "senior-rep-p2|execution|Scope|Owns a region.\n"
                   "rep-p1|execution|Deals|Closes small deals.\n"
                   "senior-rep-p2|execution|Deals|Closes large deals.\n"
                   "rep-p1|teamwork|Mentoring|Learns from peers.\n"
                   "senior-rep-p2|teamwork|Mentoring|Mentors reps.\n");
  assert_examples (framework, "rep-p1-execution-1", examples);
  rep = g_list_model_get_item (ladder_framework_get_levels (framework), 0);
  g_assert_cmpstr (ladder_level_get_summary (rep), ==, "New to sales.");
  assert_warnings (report, 1, lines, texts);
}

static void
test_tables_spreadsheet_rows (void)
{
  g_autofree char *path = fixture_path ("records.csv");
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = import_path (path, LADDER_IMPORT_FORMAT_AUTO, NULL, NULL, &report);
  g_autofree char *described = describe_framework (framework);

  g_assert_cmpint (ladder_import_report_get_format (report), ==, LADDER_IMPORT_FORMAT_CSV);
  g_assert_cmpstr (described, ==,
                   "levels: Junior; Mid; Senior;\n"
                   "categories: Craft; Communication;\n"
                   "junior|craft||Writes code that works, with tests\n"
                   "junior|communication||Asks \"why\" before starting\n"
                   "mid|craft||Writes code others can change\n"
                   "mid|communication||Explains trade-offs to the team\n"
                   "senior|craft||Designs systems\n"
                   "senior|communication||Writes the team's design docs\n");
  g_assert_cmpstr (ladder_import_report_get_reading (report, 0, NULL), ==,
                   "Each row is one behaviour: its level, its category and the behaviour");
}

static void
test_tables_html_page (void)
{
  g_autofree char *path = fixture_path ("page.html");
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = import_path (path, LADDER_IMPORT_FORMAT_AUTO, NULL, NULL, &report);
  g_autofree char *described = describe_framework (framework);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpint (ladder_import_detect_format (contents, length), ==, LADDER_IMPORT_FORMAT_HTML);
  g_assert_cmpstr (ladder_framework_get_name (framework), ==, "Engineering Career Framework");
  /* Navigation, header, footer, script and style are left out. */
  g_assert_cmpstr (described, ==,
                   "levels: Engineer I; Engineer II; Engineer III;\n"
                   "categories: Technical; Teamwork;\n"
                   "engineer-i|technical||Ships small changes\n"
                   "engineer-ii|technical||Ships features\n"
                   "engineer-ii|technical||Debugs production\n"
                   "engineer-iii|technical||Designs systems\n"
                   "engineer-i|teamwork||Helps teammates\n"
                   "engineer-ii|teamwork||Mentors new joiners\n"
                   "engineer-iii|teamwork||Leads the team's rituals\n");
}

static void
test_tables_level_names (void)
{
  const char * const levels[] = {
    "Level 2", "L3", "IC2", "E4", "P2", "Engineer II", "Software Engineer 2",
    "Senior", "Staff Engineer", "Principal", "Distinguished", "Apprentice",
    "Associate", "Lead", "Beginner", "Intermediate", "Expert", "Junior",
  };
  const char * const others[] = {
    "Communication", "Impact", "Technical Skills", "How to use this",
    "Level 3 engineers are expected to lead.", "Collaboration",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (levels); i++)
    g_assert_true (_ladder_import_is_level_name (levels[i]));
  for (gsize i = 0; i < G_N_ELEMENTS (others); i++)
    g_assert_false (_ladder_import_is_level_name (others[i]));
}

static void
test_organisation_from_text (void)
{
  g_autoptr(LadderFramework) gitlab = import_string ("# Senior Backend Engineer\n"
                                                     "\n"
                                                     "Senior Backend Engineers at GitLab are expected to:\n"
                                                     "\n"
                                                     "## Level 1\n"
                                                     "- Ships\n",
                                                     LADDER_IMPORT_FORMAT_MARKDOWN, NULL);
  g_autoptr(LadderFramework) none = import_string ("# Ladder\n"
                                                   "\n"
                                                   "Engineers at every level are expected to:\n"
                                                   "\n"
                                                   "## Level 1\n"
                                                   "- Ships\n",
                                                   LADDER_IMPORT_FORMAT_MARKDOWN, NULL);

  g_assert_cmpstr (ladder_framework_get_organisation (gitlab), ==, "GitLab");
  g_assert_true (g_str_has_prefix (ladder_framework_get_id (gitlab), "gitlab-"));
  g_assert_null (ladder_framework_get_organisation (none));
}

static void
test_lists_label_bullets (void)
{
  g_autofree char *path = fixture_path ("label-bullets.md");
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = import_path (path, LADDER_IMPORT_FORMAT_AUTO, NULL, NULL, &report);
  g_autofree char *described = describe_framework (framework);

  /* "## IC1" is a level, "- **Impact:**" a category, the bullets under
   * it the behaviours; the label's own text is the cell's summary. */
  g_assert_cmpstr (described, ==,
                   "levels: IC1; IC2;\n"
                   "categories: Impact; Craft;\n"
                   "ic1|impact||Finishes tasks on time\n"
                   "ic1|impact||Asks for help when stuck\n"
                   "ic1|craft||Writes tested code\n"
                   "ic2|impact||Owns a feature end to end\n"
                   "ic2|craft||Reviews others' code\n"
                   "ic2|craft||Improves tests\n");
  g_assert_cmpstr (ladder_import_report_get_reading (report, 0, NULL), ==,
                   "Levels are the headings; categories are the labelled bullets under each");
  g_assert_cmpuint (ladder_import_report_get_n_readings (report), >=, 2);
}

static void
test_lists_item_levels (void)
{
  g_autofree char *path = fixture_path ("item-levels.md");
  g_autoptr(LadderFramework) framework = import_path (path, LADDER_IMPORT_FORMAT_AUTO, NULL, NULL, NULL);
  g_autofree char *described = describe_framework (framework);

  g_assert_cmpstr (ladder_framework_get_name (framework), ==, "Skills Matrix");
  g_assert_cmpstr (described, ==,
                   "levels: Beginner; Intermediate; Advanced; Expert;\n"
                   "categories: Communication; Delivery;\n"
                   "beginner|communication||Shares status when asked\n"
                   "intermediate|communication||Writes clear updates\n"
                   "advanced|communication||Explains trade-offs to any audience\n"
                   "expert|communication||Shapes how the organisation communicates\n"
                   "beginner|delivery||Finishes small tasks\n"
                   "intermediate|delivery||Delivers features\n"
                   "advanced|delivery||Delivers projects\n"
                   "expert|delivery||Delivers programmes\n");
}

static void
test_lists_job_titles (void)
{
  g_autofree char *path = fixture_path ("job-titles.md");
  g_autoptr(LadderFramework) framework = import_path (path, LADDER_IMPORT_FORMAT_AUTO, NULL, NULL, NULL);
  g_autofree char *described = describe_framework (framework);

  /* Job titles are levels, "Software Engineer 2" too. */
  g_assert_true (g_str_has_prefix (described,
                                   "levels: Apprentice; Software Engineer; Software Engineer 2; Senior; Staff;\n"
                                   "categories: Technical; Collaboration;\n"
                                   "apprentice|technical||Learns the codebase\n"));
}

/* A page of one level: the front matter's title names it, the headings
 * with bullets are its categories, a heading over sub-headings is not one,
 * and a section of text alone is left out with a warning. */
static void
test_lists_one_level_page (void)
{
  const char *text =
    "---\n"
    "title: \"Senior Engineer\"\n"
    "description: \"The career ladder used at Example Co\"\n"
    "---\n"
    "\n"
    "## Core Competencies\n"
    "\n"
    "- You own a service\n"
    "- You review designs\n"
    "    - For example, a schema change\n"
    "\n"
    "## Functional Competencies\n"
    "\n"
    "### Management\n"
    "\n"
    "- You plan a quarter\n"
    "\n"
    "## Broad Indicators\n"
    "\n"
    "Your time is split as follows.\n"
    "\n"
    "| Core | 80% |\n"
    "| --- | --- |\n"
    "| Management | 20% |\n";
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = import_string (text, LADDER_IMPORT_FORMAT_MARKDOWN, &report);
  g_autofree char *described = describe_framework (framework);
  static const guint lines[] = { 18 };
  static const char * const texts[] = { "Broad Indicators" };
  static const char * const examples[] = { "a schema change", NULL };

  g_assert_cmpstr (described, ==,
                   "levels: Senior Engineer;\n"
                   "categories: Core Competencies; Management;\n"
                   "senior-engineer|core-competencies||You own a service\n"
                   "senior-engineer|core-competencies||You review designs\n"
                   "senior-engineer|management||You plan a quarter\n");
  assert_examples (framework, "senior-engineer-core-competencies-2", examples);
  g_assert_cmpstr (ladder_framework_get_organisation (framework), ==, "Example Co");
  assert_warnings (report, 1, lines, texts);
}

/* Job titles as level headings with one behaviour a paragraph: a
 * sentence about the level as a whole is its summary, and a labelled line
 * ("Experience: …") is left out with a warning. The one category is
 * named after the file. */
static void
test_lists_paragraph_behaviours (void)
{
  const char *text =
    "# Engineer I\n"
    "\n"
    "Fixes bugs.\n"
    "\n"
    "Writes tests.\n"
    "\n"
    "**Experience: none required.**\n"
    "\n"
    "# Senior Engineer\n"
    "\n"
    "At this point, one leads a team.\n"
    "\n"
    "Designs services.\n";
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = import_string (text, LADDER_IMPORT_FORMAT_MARKDOWN, &report);
  g_autofree char *described = describe_framework (framework);
  g_autoptr(LadderLevel) senior = NULL;
  static const guint lines[] = { 7 };
  static const char * const texts[] = { "Experience: none required." };

  g_assert_cmpstr (described, ==,
                   "levels: Engineer I; Senior Engineer;\n"
                   "categories: Test;\n"
                   "engineer-i|test||Fixes bugs.\n"
                   "engineer-i|test||Writes tests.\n"
                   "senior-engineer|test||Designs services.\n");
  senior = g_list_model_get_item (ladder_framework_get_levels (framework), 1);
  g_assert_cmpstr (ladder_level_get_summary (senior), ==, "At this point, one leads a team.");
  assert_warnings (report, 1, lines, texts);
}

static void
test_lists_navigation (void)
{
  g_autofree char *path = fixture_path ("navigation.md");
  g_autoptr(LadderFramework) framework = import_path (path, LADDER_IMPORT_FORMAT_AUTO, NULL, NULL, NULL);
  g_autofree char *described = describe_framework (framework);

  /* "Career Ladders", "Axes" and "Other Pages" are not categories. */
  g_assert_cmpstr (described, ==,
                   "levels: Level 1; Level 2;\n"
                   "categories: Technical; Impact;\n"
                   "1|technical||Writes code\n"
                   "1|impact||Ships tasks\n"
                   "2|technical||Designs components\n"
                   "2|impact||Ships features\n");
}

/* Label bullets whose labels are verbs changing from level to level,
 * as many under each level: the category is the bullet's place. */
static void
test_lists_labels_by_position (void)
{
  static const char text[] =
    "# Developer\n\n"
    "## D1 - Developer 1\n\n"
    "* **Adopts**: adopts the tools of the team\n"
    "* **Follows**: follows the team processes\n\n"
    "## D2 - Developer 2\n\n"
    "* **Specializes**: is the go-to person for a technology\n"
    "* **Enforces**: enforces the team processes\n\n"
    "## D3 - Developer 3\n\n"
    "* **Evangelizes**: introduces new technologies\n"
    "* **Challenges**: challenges the team processes\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  g_autofree char *described = NULL;
  LadderImportOptions options = { .format = LADDER_IMPORT_FORMAT_MARKDOWN };

  framework = ladder_import_data (text, strlen (text), "developer.md", &options, NULL, &error);
  g_assert_no_error (error);
  described = describe_framework (framework);
  g_assert_cmpstr (described, ==,
                   "levels: D1 - Developer 1; D2 - Developer 2; D3 - Developer 3;\n"
                   "categories: Category 1; Category 2;\n"
                   "d1-developer-1|category-1||Adopts: adopts the tools of the team\n"
                   "d1-developer-1|category-2||Follows: follows the team processes\n"
                   "d2-developer-2|category-1||Specializes: is the go-to person for a technology\n"
                   "d2-developer-2|category-2||Enforces: enforces the team processes\n"
                   "d3-developer-3|category-1||Evangelizes: introduces new technologies\n"
                   "d3-developer-3|category-2||Challenges: challenges the team processes\n");
}

/* One table per category under its heading, the same levels in their
 * columns; a table of other columns beside them is another thing. */
static void
test_tables_main_tables (void)
{
  static const char text[] =
    "# Ladder\n\n"
    "## Tracks\n\n"
    "| Individual Contributor | Level |\n|---|---|\n| Engineer 1 | IC2 |\n| Engineer 2 | IC3 |\n\n"
    "## Impact\n\n"
    "| Impact | Engineer 1 | Engineer 2 |\n|---|---|---|\n| Scope | Ships tasks | Ships features |\n\n"
    "## Craft\n\n"
    "| Craft | Engineer 1 | Engineer 2 |\n|---|---|---|\n| Code | Writes tests | Designs modules |\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  g_autofree char *described = NULL;
  LadderImportOptions options = { .format = LADDER_IMPORT_FORMAT_MARKDOWN };
  const LadderImportWarning *warning;

  framework = ladder_import_data (text, strlen (text), "ladder.md", &options, &report, &error);
  g_assert_no_error (error);
  described = describe_framework (framework);
  g_assert_cmpstr (described, ==,
                   "levels: Engineer 1; Engineer 2;\n"
                   "categories: Impact; Craft;\n"
                   "engineer-1|impact|Scope|Ships tasks\n"
                   "engineer-2|impact|Scope|Ships features\n"
                   "engineer-1|craft|Code|Writes tests\n"
                   "engineer-2|craft|Code|Designs modules\n");
  g_assert_cmpuint (ladder_import_report_get_n_warnings (report), ==, 1);
  warning = ladder_import_report_get_warning (report, 0);
  g_assert_cmpuint (warning->line, ==, 5);
  g_assert_cmpstr (warning->message, ==,
                   "Left out the table under “Tracks”: its columns are not the levels of the other tables.");
}

/* A table that names no level: competencies in rows, grouped by a first
 * column, what each asks in the last. The page is one level. */
static void
test_tables_one_level (void)
{
  static const char text[] =
    "# Account Executive Competencies\n\n"
    "<table>\n"
    "<tr><td>Category</td><td>Competency</td><td>Behaviours</td></tr>\n"
    "<tr><td rowspan=\"2\">Foundations</td><td>Value Selling</td>"
    "<td>- Aligns outcomes with capabilities\n<p>\n– Delivers value assessments\n</td></tr>\n"
    "<tr><td>Preparation</td><td>- Keeps the pipeline clean</td></tr>\n"
    "</table>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  g_autofree char *described = NULL;
  LadderImportOptions options = { .format = LADDER_IMPORT_FORMAT_MARKDOWN };

  framework = ladder_import_data (text, strlen (text), "ae.md", &options, NULL, &error);
  g_assert_no_error (error);
  described = describe_framework (framework);
  g_assert_cmpstr (described, ==,
                   "levels: Account Executive Competencies;\n"
                   "categories: Value Selling; Preparation;\n"
                   "account-executive-competencies|value-selling||Aligns outcomes with capabilities\n"
                   "account-executive-competencies|value-selling||Delivers value assessments\n"
                   "account-executive-competencies|preparation||Keeps the pipeline clean\n");
}

/* What the text reader knew of pages copied from the web, read from an
 * outline: "By X" under the title names the organisation, and "E.g."
 * bullets are examples of the level's cell. */
static void
test_markdown_by_line_and_examples (void)
{
  static const char text[] =
    "# Foundations\n\n"
    "By Medium\n\n"
    "Develops expertise in foundational systems.\n\n"
    "## Level 1\n\n"
    "- E.g. Resolved out of disk errors independently\n"
    "- Makes simple configuration changes\n\n"
    "## Level 2\n\n"
    "- Triages service issues\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  g_autofree char *described = NULL;
  LadderImportOptions options = { .format = LADDER_IMPORT_FORMAT_MARKDOWN };
  LadderCell *cell;

  framework = ladder_import_data (text, strlen (text), "foundations.md", &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ladder_framework_get_organisation (framework), ==, "Medium");
  g_assert_cmpstr (ladder_framework_get_description (framework), ==,
                   "Develops expertise in foundational systems.");
  described = describe_framework (framework);
  g_assert_cmpstr (described, ==,
                   "levels: Level 1; Level 2;\n"
                   "categories: Foundations;\n"
                   "1|foundations||Makes simple configuration changes\n"
                   "2|foundations||Triages service issues\n");
  cell = ladder_framework_find_cell (framework, "1", "foundations");
  g_assert_nonnull (cell);
  g_assert_cmpstrv (ladder_cell_get_examples (cell),
                    ((const char * const[]) { "Resolved out of disk errors independently", NULL }));
}

/* A header row written without <tr> ("<thead><th>Beginner</th>…"), and a
 * header that is all levels: the first column is a level's, not the
 * rows' names, and none of its cells is lost. */
static void
test_tables_header_without_row (void)
{
  static const char *text =
    "# Competencies\n"
    "\n"
    "### Delivery\n"
    "<table>\n"
    "  <thead>\n"
    "    <th>Beginner</th>\n"
    "    <th>Intermediate</th>\n"
    "  </thead>\n"
    "  <tbody>\n"
    "    <tr>\n"
    "      <td><ul><li>Tests their work.</li><li>Asks for review.</li></ul></td>\n"
    "      <td><ul><li>Plans a feature.</li></ul></td>\n"
    "    </tr>\n"
    "  </tbody>\n"
    "</table>\n"
    "\n"
    "### Leadership\n"
    "<table>\n"
    "  <thead><tr><th>Beginner</th><th>Intermediate</th></tr></thead>\n"
    "  <tbody><tr>\n"
    "    <td><ul><li>Shares what they learn.</li></ul></td>\n"
    "    <td><ul><li>Mentors a newcomer.</li></ul></td>\n"
    "  </tr></tbody>\n"
    "</table>\n";
  static const char * const categories[][3] = {
    { "delivery", "Delivery", NULL },
    { "leadership", "Leadership", NULL },
  };
  static const guint counts[] = {
    2, 1,
    1, 1,
  };
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = import_string (text, LADDER_IMPORT_FORMAT_AUTO, &report);

  assert_levels (framework,
                 (const char *[]) { "beginner", "intermediate", NULL },
                 (const char *[]) { "Beginner", "Intermediate", NULL });
  assert_categories (framework, G_N_ELEMENTS (categories), categories);
  assert_counts (framework, counts);
  assert_behaviour (framework, "beginner-delivery-1", "Tests their work.");
  assert_warnings (report, 0, NULL, NULL);
}

/* Cells a table reading does not take are in the report: a list in the
 * column of the rows' names, and a cell past the last named column. */
static void
test_tables_left_out_cells (void)
{
  static const char *text =
    "# Ladder\n"
    "\n"
    "### Delivery\n"
    "<table>\n"
    "<tr><th>Area</th><th>Junior</th><th>Senior</th></tr>\n"
    "<tr><td>Scope</td><td><ul><li>Plans a task.</li></ul></td>"
    "<td><ul><li>Plans a quarter.</li></ul></td>"
    "<td><ul><li>Lost one.</li><li>Lost two.</li></ul></td></tr>\n"
    "<tr><td><ul><li>Lost three.</li></ul></td><td><ul><li>Flags risks.</li></ul></td>"
    "<td><ul><li>Sets priorities.</li></ul></td></tr>\n"
    "</table>\n";
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = import_string (text, LADDER_IMPORT_FORMAT_AUTO, &report);
  const LadderImportWarning *warning;
  guint score = 0;

  assert_levels (framework,
                 (const char *[]) { "junior", "senior", NULL },
                 (const char *[]) { "Junior", "Senior", NULL });
  g_assert_cmpuint (ladder_framework_count_behaviours (framework, "junior", NULL), ==, 2);
  g_assert_cmpuint (ladder_framework_count_behaviours (framework, "senior", NULL), ==, 2);
  assert_warnings (report, 2, (const guint[]) { 6, 7 },
                   (const char *[]) { "Delivery", "Delivery" });
  warning = ladder_import_report_get_warning (report, 0);
  g_assert_nonnull (strstr (warning->message, "Lost one."));
  g_assert_nonnull (strstr (warning->message, "2"));
  warning = ladder_import_report_get_warning (report, 1);
  g_assert_nonnull (strstr (warning->message, "Lost three."));

  /* The reading is as sure as the share of cells it keeps: four of six. */
  g_assert_cmpuint (ladder_import_report_get_chosen_reading (report), ==, 1);
  g_assert_cmpstr (ladder_import_report_get_reading (report, 0, &score), ==,
                   "Levels are the table’s columns; categories are the first cell of each row");
  g_assert_cmpuint (score, <, 100);
  g_assert_cmpuint (score, ==, 100 * 4 / 6);
}

/* A progression file whose body is sections of bullets: read through the
 * outline into the first level, a reading list left out and said so, and
 * the organisation from "Acme’s values". */
static void
test_progression_body_sections (void)
{
  static const char *text =
    "---\n"
    "title: \"Senior Engineer Framework\"\n"
    "levels: 2\n"
    "topics:\n"
    "  - name: \"competencies\"\n"
    "    title: \"Competencies\"\n"
    "    content:\n"
    "      - level: 1\n"
    "        criteria:\n"
    "          - \"Works with clients\"\n"
    "      - level: 2\n"
    "        criteria:\n"
    "          - \"Plans resources\"\n"
    "  - name: \"recommended reading\"\n"
    "    title: \"Recommended reading\"\n"
    "    content:\n"
    "      - level: 1\n"
    "        criteria:\n"
    "          - \"A Book - Its Author\"\n"
    "---\n"
    "### Consulting\n"
    "- Builds rapport with clients\n"
    "- Manages expectations\n"
    "\n"
    "### Values\n"
    "- Embodies Acme’s values\n"
    "\n"
    "### Resources\n"
    "- [A guide](https://example.com/guide)\n";
  static const char * const categories[][3] = {
    { "competencies", "Competencies", NULL },
    { "consulting", "Consulting", NULL },
    { "values", "Values", NULL },
  };
  static const guint counts[] = {
    1, 2, 1,
    1, 0, 0,
  };
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = import_string (text, LADDER_IMPORT_FORMAT_AUTO, &report);

  g_assert_cmpint (ladder_import_report_get_format (report), ==, LADDER_IMPORT_FORMAT_PROGRESSION);
  g_assert_cmpstr (ladder_framework_get_name (framework), ==, "Senior Engineer Framework");
  g_assert_cmpstr (ladder_framework_get_organisation (framework), ==, "Acme");
  g_assert_cmpstr (ladder_framework_get_description (framework), ==, NULL);
  assert_categories (framework, G_N_ELEMENTS (categories), categories);
  assert_counts (framework, counts);
  /* The reading list, the links and where the body's behaviours went. */
  assert_warnings (report, 3, (const guint[]) { 14, 28, 21 },
                   (const char *[]) { NULL, "Resources", NULL });
  g_assert_nonnull (strstr (ladder_import_report_get_warning (report, 0)->message, "Recommended reading"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ladder/import/markdown-navigation-links", test_markdown_navigation_links);
  g_test_add_func ("/ladder/import/seed/dummyco", test_seed_dummyco);
  g_test_add_func ("/ladder/import/seed/monzo", test_seed_monzo);
  g_test_add_func ("/ladder/import/seed/medium", test_seed_medium);
  g_test_add_func ("/ladder/import/seed/gitlab", test_seed_gitlab);
  g_test_add_func ("/ladder/import/seed/detect", test_seed_detect);
  g_test_add_func ("/ladder/import/seed/options", test_seed_options);
  g_test_add_func ("/ladder/import/seed/stable-ids", test_seed_stable_ids);
  g_test_add_func ("/ladder/import/seed/bundled-snapshot", test_seed_bundled_snapshot);
  g_test_add_func ("/ladder/import/text/sentence-case-headings", test_text_sentence_case_headings);
  g_test_add_func ("/ladder/import/text/category-major", test_text_category_major);
  g_test_add_func ("/ladder/import/text/cycle-without-bullets", test_text_cycle_without_bullets);
  g_test_add_func ("/ladder/import/markdown/level-major", test_markdown_level_major);
  g_test_add_func ("/ladder/import/markdown/category-major", test_markdown_category_major);
  g_test_add_func ("/ladder/import/markdown/bold-levels", test_markdown_bold_levels);
  g_test_add_func ("/ladder/import/markdown/ordered-levels", test_markdown_ordered_levels);
  g_test_add_func ("/ladder/import/markdown/ordered-levels-outline", test_markdown_ordered_levels_outline);
  g_test_add_func ("/ladder/import/markdown/front-matter", test_markdown_front_matter);
  g_test_add_func ("/ladder/import/markdown/dropped", test_markdown_dropped);
  g_test_add_func ("/ladder/import/markdown/links-and-bare-lists",
                   test_markdown_links_and_bare_lists);
  g_test_add_func ("/ladder/import/markdown/flat", test_markdown_flat);
  g_test_add_func ("/ladder/import/markdown/by-line-and-examples", test_markdown_by_line_and_examples);
  g_test_add_func ("/ladder/import/progression/fixture", test_progression);
  g_test_add_func ("/ladder/import/progression/levels-list", test_progression_levels_list);
  g_test_add_func ("/ladder/import/progression/body-sections", test_progression_body_sections);
  g_test_add_func ("/ladder/import/tables/header-without-row", test_tables_header_without_row);
  g_test_add_func ("/ladder/import/tables/left-out-cells", test_tables_left_out_cells);
  g_test_add_func ("/ladder/import/progression/alias-bomb", test_progression_alias_bomb);
  g_test_add_func ("/ladder/import/progression/deep-nesting", test_progression_deep_nesting);
  g_test_add_func ("/ladder/import/progression/invalid", test_progression_invalid);
  g_test_add_func ("/ladder/import/json", test_json);
  g_test_add_func ("/ladder/import/detect", test_detect);
  g_test_add_func ("/ladder/import/format-names", test_format_names);
  g_test_add_func ("/ladder/import/input/empty", test_input_empty);
  g_test_add_func ("/ladder/import/input/only-headings", test_input_only_headings);
  g_test_add_func ("/ladder/import/input/what-was-looked-for", test_input_what_was_looked_for);
  g_test_add_func ("/ladder/import/input/binary", test_input_binary);
  g_test_add_func ("/ladder/import/input/too-large", test_input_too_large);
  g_test_add_func ("/ladder/import/input/long-line", test_input_long_line);
  g_test_add_func ("/ladder/import/input/line-ends", test_input_line_ends);
  g_test_add_func ("/ladder/import/input/tabs-and-bullets", test_input_tabs_and_bullets);
  g_test_add_func ("/ladder/import/stable-ids", test_stable_ids);
  g_test_add_func ("/ladder/import/tables/levels-as-columns", test_tables_levels_as_columns);
  g_test_add_func ("/ladder/import/tables/other-reading", test_tables_other_reading);
  g_test_add_func ("/ladder/import/tables/levels-as-rows", test_tables_levels_as_rows);
  g_test_add_func ("/ladder/import/tables/title-and-group-rows", test_tables_title_and_group_rows);
  g_test_add_func ("/ladder/import/tables/spreadsheet-rows", test_tables_spreadsheet_rows);
  g_test_add_func ("/ladder/import/tables/html-page", test_tables_html_page);
  g_test_add_func ("/ladder/import/tables/level-names", test_tables_level_names);
  g_test_add_func ("/ladder/import/organisation-from-text", test_organisation_from_text);
  g_test_add_func ("/ladder/import/lists/label-bullets", test_lists_label_bullets);
  g_test_add_func ("/ladder/import/lists/item-levels", test_lists_item_levels);
  g_test_add_func ("/ladder/import/lists/job-titles", test_lists_job_titles);
  g_test_add_func ("/ladder/import/lists/navigation", test_lists_navigation);
  g_test_add_func ("/ladder/import/lists/labels-by-position", test_lists_labels_by_position);
  g_test_add_func ("/ladder/import/tables/main-tables", test_tables_main_tables);
  g_test_add_func ("/ladder/import/tables/one-level", test_tables_one_level);
  g_test_add_func ("/ladder/import/lists/one-level-page", test_lists_one_level_page);
  g_test_add_func ("/ladder/import/lists/paragraph-behaviours", test_lists_paragraph_behaviours);

  return g_test_run ();
}
