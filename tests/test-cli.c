/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ladder-cli, run as a user runs it: a real process, its exit status, its
 * standard output and error, and the files it writes.
 */

#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "ladder-core.h"
#include "core-helpers.h"

static char *
seed_path (const char *name)
{
  const char *dir = g_getenv ("LADDER_SEEDS_DIR");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static LadderFramework *
parse_framework (const char *json)
{
  g_autoptr(GError) error = NULL;
  LadderFramework *framework = ladder_format_read_framework (json, strlen (json), "stdout", &error);

  g_assert_no_error (error);
  g_assert_nonnull (framework);
  return framework;
}

typedef struct
{
  const char *file;
  const char *organisation;
  guint       n_levels;
  guint       n_behaviours;
  gboolean    has_site_chrome;
} SeedExpectation;

static void
test_import_seed (gconstpointer data)
{
  const SeedExpectation *expected = data;
  g_autofree char *path = seed_path (expected->file);
  g_autoptr(CoreRun) result = core_run_cli (NULL, "import", path,
                                            "--organisation", expected->organisation, NULL);
  g_autoptr(LadderFramework) framework = NULL;

  g_assert_cmpint (result->status, ==, 0);
  /* Only a text with site chrome has dropped lines to report. */
  if (expected->has_site_chrome)
    g_assert_cmpstr (result->err, !=, "");
  else
    g_assert_cmpstr (result->err, ==, "");
  framework = parse_framework (result->out);
  g_assert_cmpstr (ladder_framework_get_organisation (framework), ==, expected->organisation);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_levels (framework)), ==,
                    expected->n_levels);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_behaviours (framework)), ==,
                    expected->n_behaviours);
  g_assert_cmpstr (ladder_framework_get_source (framework), ==, expected->file);
}

/* Seeds whose text has site chrome warn about each dropped line, on
 * standard error, as FILE:LINE: message. */
static void
test_import_warnings (void)
{
  g_autofree char *path = seed_path ("gitlab-senior-backend-engineer.txt");
  g_autoptr(CoreRun) result = core_run_cli (NULL, "import", path, NULL);
  g_autoptr(CoreRun) quiet = core_run_cli (NULL, "import", path, "--quiet", NULL);
  g_autofree char *prefix = g_strconcat (path, ":", NULL);

  g_assert_cmpint (result->status, ==, 0);
  g_assert_true (g_str_has_prefix (result->err, prefix));
  g_assert_nonnull (strstr (result->err, "<%#"));
  g_assert_cmpint (quiet->status, ==, 0);
  g_assert_cmpstr (quiet->err, ==, "");
  g_assert_cmpstr (quiet->out, ==, result->out);
}

static void
test_import_output_file (void)
{
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *out = g_build_filename (dir, "medium.json", NULL);
  g_autofree char *path = seed_path ("medium-foundations.txt");
  g_autoptr(CoreRun) result = core_run_cli (NULL, "import", path, "--name", "Foundations",
                                            "--id", "medium-foundations", "-q", "-o", out, NULL);
  g_autoptr(CoreRun) validate = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;

  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  framework = parse_framework (contents);
  g_assert_cmpstr (ladder_framework_get_id (framework), ==, "medium-foundations");
  g_assert_cmpstr (ladder_framework_get_name (framework), ==, "Foundations");
  g_assert_cmpstr (ladder_framework_get_organisation (framework), ==, "Medium");
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  validate = core_run_cli (NULL, "validate", out, NULL);
  g_assert_cmpint (validate->status, ==, 0);
  g_assert_cmpstr (validate->err, ==, "");

  core_remove_tree (dir);
}

static void
test_import_errors (void)
{
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(CoreRun) result = NULL;

  result = core_run_cli (NULL, "import", missing, NULL);
  g_assert_cmpint (result->status, ==, 1);
  g_assert_true (g_str_has_prefix (result->err, missing));
  /* The reason once, not GIO's sentence that names the file again. */
  g_assert_true (g_str_has_suffix (result->err, ": The file does not exist.\n"));
  g_assert_cmpstr (result->out, ==, "");
  g_clear_pointer (&result, core_run_free);

  core_write_file (broken, "{\n  \"format\": \"ladder-framework\",\n  \"version\": 1,\n  \"levels\": [\n}\n");
  result = core_run_cli (NULL, "import", broken, "--format", "json", NULL);
  g_assert_cmpint (result->status, ==, 1);
  expected = g_strconcat (broken, ":5:", NULL);
  g_assert_true (g_str_has_prefix (result->err, expected));
  g_assert_cmpstr (result->out, ==, "");
  g_clear_pointer (&result, core_run_free);

  /* A usage error is not a file error: exit 2 and the help. */
  result = core_run_cli (NULL, "import", broken, "--format", "docx", NULL);
  g_assert_cmpint (result->status, ==, 2);
  g_assert_nonnull (strstr (result->err, "docx"));
  g_clear_pointer (&result, core_run_free);

  result = core_run_cli (NULL, "frobnicate", NULL);
  g_assert_cmpint (result->status, ==, 2);
  g_assert_nonnull (strstr (result->err, "frobnicate"));

  core_remove_tree (dir);
}

static void
test_validate (void)
{
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *profile = g_build_filename (dir, "profile.json", NULL);
  g_autofree char *unknown = g_build_filename (dir, "unknown.json", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *half = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(CoreRun) sample = core_run_cli (NULL, "sample", "--evidence", "12", "-o", profile, NULL);
  g_autoptr(CoreRun) result = NULL;

  g_assert_cmpint (sample->status, ==, 0);
  result = core_run_cli (NULL, "validate", profile, NULL);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpstr (result->err, ==, "");
  g_clear_pointer (&result, core_run_free);

  g_assert_true (g_file_get_contents (profile, &contents, NULL, NULL));
  half = g_strndup (contents, strlen (contents) / 2);
  core_write_file (truncated, half);
  core_write_file (unknown, "{ \"format\": \"spreadsheet\", \"version\": 1 }\n");

  /* One line per broken file, each FILE:LINE:COL: message; the good file
   * gives none; exit 1. */
  result = core_run_cli (NULL, "validate", profile, truncated, unknown, NULL);
  g_assert_cmpint (result->status, ==, 1);
  lines = g_strsplit (result->err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], truncated));
  g_assert_true (g_regex_match_simple ("^[^:]+:[0-9]+:[0-9]+: .+", lines[0], 0, 0));
  g_assert_true (g_str_has_prefix (lines[1], unknown));
  g_assert_nonnull (strstr (lines[1], "spreadsheet"));
  g_assert_true (g_regex_match_simple ("^[^:]+:[0-9]+:[0-9]+: .+", lines[1], 0, 0));
  g_assert_cmpstr (lines[2], ==, "");

  core_remove_tree (dir);
}

/* The line and column (from 1) where @needle first is in @text, by
 * counting, independently of the reader's position tracking. */
static char *
position_of (const char *text,
             const char *needle)
{
  const char *found = strstr (text, needle);
  guint line = 1;
  const char *line_start = text;

  g_assert_nonnull (found);
  for (const char *p = text; p < found; p++)
    {
      if (*p == '\n')
        {
          line++;
          line_start = p + 1;
        }
    }

  return g_strdup_printf ("%u:%ld", line, (long) g_utf8_strlen (line_start, found - line_start) + 1);
}

/* Links Ladder will not open are warned about, each at its place, and do
 * not make the file invalid; the safe ones say nothing. */
static void
test_validate_unsafe_links (void)
{
  static const char * const unsafe[] = {
    "\"javascript:alert(1)\"",
    "\"file:///etc/passwd\"",
    "\"data:text/html,<script>alert(1)</script>\"",
    "\"smb://server/share\"",
    "\"www.example.com\"",
  };
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "links.json", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated.json", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "profile.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *half = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(CoreRun) result = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (fixture, &contents, NULL, NULL));
  edited = g_string_new (contents);
  /* Two on one line, to see the column counted; ä before one of them, to
   * see it counted in characters. */
  g_assert_cmpuint (g_string_replace (edited, "        \"https://status.example.com/incidents/42\"\n",
                                      "        \"https://status.example.com/incidents/42\",\n"
                                      "        \"javascript:alert(1)\",\n"
                                      "        \"http://example.org/\", \"file:///etc/passwd\",\n"
                                      "        \"data:text/html,<script>alert(1)</script>\",\n"
                                      "        \"mailto:someone@example.com\", \"smb://server/share\",\n"
                                      "        \"https://example.com/ä\", \"www.example.com\"\n", 1),
                    ==, 1);
  core_write_file (path, edited->str);

  result = core_run_cli (NULL, "validate", path, NULL);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpstr (result->out, ==, "");
  lines = g_strsplit (result->err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (unsafe) + 1);
  for (gsize i = 0; i < G_N_ELEMENTS (unsafe); i++)
    {
      g_autofree char *position = position_of (edited->str, unsafe[i]);
      g_autofree char *prefix = g_strdup_printf ("%s:%s: ", path, position);

      if (!g_str_has_prefix (lines[i], prefix))
        g_error ("Expected a warning at %s, got “%s”", prefix, lines[i]);
    }
  g_assert_nonnull (strstr (lines[0], "“javascript:”"));
  g_assert_nonnull (strstr (lines[4], "not a whole web or email address"));
  g_assert_cmpstr (lines[G_N_ELEMENTS (unsafe)], ==, "");
  g_clear_pointer (&result, core_run_free);
  g_clear_pointer (&lines, g_strfreev);

  /* Beside a broken file: the broken one alone sets the exit status. */
  half = g_strndup (edited->str, edited->len / 2);
  core_write_file (truncated, half);
  result = core_run_cli (NULL, "validate", path, truncated, NULL);
  g_assert_cmpint (result->status, ==, 1);
  lines = g_strsplit (result->err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (unsafe) + 2);
  g_assert_true (g_str_has_prefix (lines[G_N_ELEMENTS (unsafe)], truncated));

  core_remove_tree (dir);
}

static void
test_show (void)
{
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *framework = g_build_filename (dir, "framework.json", NULL);
  g_autofree char *profile = g_build_filename (dir, "profile.json", NULL);
  g_autofree char *path = seed_path ("dummyco-backend-engineering.txt");
  g_autoptr(CoreRun) import = core_run_cli (NULL, "import", path, "--organisation", "Dummy Co",
                                            "-q", "-o", framework, NULL);
  g_autoptr(CoreRun) sample = core_run_cli (NULL, "sample", "-o", profile, NULL);
  g_autoptr(CoreRun) result = NULL;

  g_assert_cmpint (import->status, ==, 0);
  g_assert_cmpint (sample->status, ==, 0);

  result = core_run_cli (NULL, "show", framework, NULL);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_nonnull (strstr (result->out, "Dummy Co"));
  g_assert_nonnull (strstr (result->out, "6 levels, 5 categories, 135 behaviours"));
  /* Level 4: 5 Communication, 6 Impact, 9 Leadership, 7 Influence, 10 Mastery */
  g_assert_true (g_regex_match_simple ("\\nLevel 4 +5 +6 +9 +7 +10\\n", result->out, 0, 0));
  g_assert_nonnull (strstr (result->out, "Communication"));
  g_assert_nonnull (strstr (result->out, "Level 6"));
  g_assert_nonnull (strstr (result->out, "Readiness rule: Ready for the next level when 80 %"));
  g_clear_pointer (&result, core_run_free);

  result = core_run_cli (NULL, "show", profile, NULL);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_nonnull (strstr (result->out, "Backend Engineering"));
  g_assert_nonnull (strstr (result->out, "40 evidence entries"));
  g_assert_true (g_regex_match_simple ("Mastery +[0-9]+/[0-9]+ +[0-9]+/[0-9]+", result->out, 0, 0));
  /* Which rule "ready" follows. */
  g_assert_nonnull (strstr (result->out, "Readiness rule: Ready for the next level when 80 % of the "
                                         "current level’s behaviours are shown.\n"));
  g_assert_null (strstr (result->out, "Promoted on"));
  g_clear_pointer (&result, core_run_free);

  /* A promotion recorded in the file is listed. */
  {
    g_autoptr(LadderProfile) loaded = NULL;
    g_autoptr(LadderPromotion) promotion = NULL;
    g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_OCTOBER, 2026);
    g_autoptr(GError) error = NULL;
    g_autoptr(GFile) file = g_file_new_for_path (profile);
    g_autofree char *text = NULL;
    LadderFramework *loaded_framework;
    g_autoptr(LadderLevel) first = NULL;
    g_autoptr(LadderLevel) second = NULL;
    g_autofree char *expected = NULL;

    loaded = ladder_format_load_profile (file, NULL, &error);
    g_assert_no_error (error);
    loaded_framework = ladder_profile_get_framework (loaded);
    first = g_list_model_get_item (ladder_framework_get_levels (loaded_framework), 0);
    second = g_list_model_get_item (ladder_framework_get_levels (loaded_framework), 1);
    promotion = ladder_promotion_new (NULL, day, ladder_level_get_id (first),
                                      ladder_level_get_id (second));
    ladder_profile_add_promotion (loaded, promotion);
    text = ladder_format_write_profile (loaded, NULL);
    g_assert_true (g_file_set_contents (profile, text, -1, &error));
    g_assert_no_error (error);

    result = core_run_cli (NULL, "show", profile, NULL);
    g_assert_cmpint (result->status, ==, 0);
    expected = g_strdup_printf ("Promoted on 2026-10-01: %s → %s\n", ladder_level_get_name (first),
                                ladder_level_get_name (second));
    g_assert_nonnull (strstr (result->out, expected));
  }

  core_remove_tree (dir);
}

static void
test_sample_deterministic (void)
{
  g_autoptr(CoreRun) a = core_run_cli (NULL, "sample", "--evidence", "25", "--seed", "7", NULL);
  g_autoptr(CoreRun) b = core_run_cli (NULL, "sample", "--evidence", "25", "--seed", "7", NULL);
  g_autoptr(CoreRun) c = core_run_cli (NULL, "sample", "--evidence", "25", "--seed", "8", NULL);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (a->status, ==, 0);
  g_assert_cmpstr (a->out, ==, b->out);
  g_assert_cmpstr (a->out, !=, c->out);

  profile = ladder_format_read_profile (a->out, strlen (a->out), "sample", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, 25);
}

/* --manager makes the manager's copy of the same person, with a cadence:
 * what a team of samples is made of. */
static void
test_sample_manager (void)
{
  g_autoptr(CoreRun) self = core_run_cli (NULL, "sample", "--evidence", "5", "--seed", "7", NULL);
  g_autoptr(CoreRun) managed = core_run_cli (NULL, "sample", "--evidence", "5", "--seed", "7", "--manager", NULL);
  g_autoptr(LadderProfile) mine = NULL;
  g_autoptr(LadderProfile) theirs = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (managed->status, ==, 0);
  mine = ladder_format_read_profile (self->out, strlen (self->out), "sample", &error);
  g_assert_no_error (error);
  theirs = ladder_format_read_profile (managed->out, strlen (managed->out), "sample", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ladder_profile_get_owner (mine), ==, LADDER_RATER_SELF);
  g_assert_cmpint (ladder_profile_get_cadence (mine), ==, LADDER_CADENCE_NONE);
  g_assert_cmpint (ladder_profile_get_owner (theirs), ==, LADDER_RATER_MANAGER);
  g_assert_cmpint (ladder_profile_get_cadence (theirs), ==, LADDER_CADENCE_BIWEEKLY);
  g_assert_cmpstr (ladder_profile_get_id (theirs), ==, ladder_profile_get_id (mine));
  g_assert_cmpstr (ladder_profile_get_name (theirs), ==, ladder_profile_get_name (mine));

  /* The engineer's private items are in their copy only. */
  g_assert_nonnull (strstr (self->out, "\"private\" : true"));
  g_assert_null (strstr (managed->out, "private"));
  g_assert_null (strstr (managed->out, "Am I on track for the next level"));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_topics (theirs)), ==,
                    g_list_model_get_n_items (ladder_profile_get_topics (mine)) - 1);
}

/* --explain lists the readings, best first, the one taken marked;
 * --reading takes another. */
static void
test_import_explain (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "table-columns.md", NULL);
  g_autoptr(CoreRun) explained = core_run_cli (NULL, "import", path, "--explain", NULL);
  g_autoptr(CoreRun) second = core_run_cli (NULL, "import", path, "--explain", "--reading", "2", NULL);
  g_autoptr(CoreRun) framework = core_run_cli (NULL, "import", path, "--reading", "2", NULL);
  g_autoptr(CoreRun) missing = core_run_cli (NULL, "import", path, "--reading", "9", NULL);

  g_assert_cmpint (explained->status, ==, 0);
  g_assert_cmpstr (explained->out, ==,
                   "3 levels, 2 categories, 9 behaviours.\n"
                   "* 1. [100] Levels are the table’s columns; categories are the headings above each table\n"
                   "  2. [100] Levels are the table’s columns; categories are the first cell of each row\n"
                   "  3. [ 40] Levels are the table’s rows; categories are its columns\n");

  g_assert_cmpint (second->status, ==, 0);
  g_assert_true (g_str_has_prefix (second->out, "3 levels, 2 categories, 9 behaviours.\n"
                                                "  1. [100] Levels are the table’s columns; categories are the headings above each table\n"
                                                "* 2. [100]"));

  g_assert_cmpint (framework->status, ==, 0);
  g_assert_nonnull (strstr (framework->out, "\"name\" : \"Planning\""));

  g_assert_cmpint (missing->status, ==, 1);
  g_assert_nonnull (strstr (missing->err, "there is no reading 9"));
}

/* Nothing said on success; a sanitizer build adds its own summary of
 * the suppressions it used, which says nothing of the program. */
static void
assert_quiet (const char *err)
{
  if (*err != '\0' &&
      !g_str_has_prefix (err, "-----------------------------------------------------\nSuppressions used:"))
    g_error ("ladder-cli said “%s”", err);
}

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);

  return st.st_mode & 07777;
}

/* One rule for every export, which are personal documents: a new file
 * is its owner's alone (0600), whatever the umask; one written over keeps
 * the permissions its owner gave it; no backup is left beside an export.
 * Checked with g_stat(), which says the mode even to root. */
static void
test_exports_mode (void)
{
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *profile = g_build_filename (dir, "profile.json", NULL);
  g_autoptr(CoreRun) sample = core_run_cli (NULL, "sample", "--evidence", "8", "-o", profile, NULL);
  struct
  {
    const char *name;
    const char *command;
    const char *flag;
  } exports[] = {
    { "summary.pdf", "export-pdf", NULL },
    { "review.md", "export-markdown", NULL },
    { "review.csv", "export-csv", NULL },
    { "copy.json", "share", NULL },
    { "prepare.pdf", "prepare", NULL },
    { "prepare.md", "prepare", "--markdown" },
  };

  g_assert_cmpint (sample->status, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autofree char *out = g_build_filename (dir, exports[i].name, NULL);
      g_autofree char *backup = g_strconcat (out, "~", NULL);
      g_autoptr(CoreRun) run = NULL;

      run = core_run_cli (NULL, exports[i].command, profile, "-o", out, exports[i].flag, NULL);
      assert_quiet (run->err);
      g_assert_cmpint (run->status, ==, 0);
      g_test_message ("%s: %o", exports[i].name, mode_of (out));
      g_assert_cmpuint (mode_of (out), ==, 0600);
      g_clear_pointer (&run, core_run_free);

      /* Written over: the permissions its owner gave it stay. */
      g_assert_cmpint (g_chmod (out, 0644), ==, 0);
      run = core_run_cli (NULL, exports[i].command, profile, "-o", out, exports[i].flag, NULL);
      g_assert_cmpint (run->status, ==, 0);
      g_assert_cmpuint (mode_of (out), ==, 0644);
      /* A document leaves no backup; a shared copy is a profile file,
       * kept with its backup as every profile file is. */
      if (!g_str_equal (exports[i].command, "share"))
        g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
      else
        g_assert_cmpuint (mode_of (backup), ==, 0600);
    }

  core_remove_tree (dir);
}

/* After a promotion to a level nobody rated yet, the review defaults to
 * the level where the ratings are, and to the new level once it has
 * some; the PDF summary lists that level too. */
static void
test_review_level_after_promotion (void)
{
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "profile.json", NULL);
  g_autofree char *pdf = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(CoreRun) sample = core_run_cli (NULL, "sample", "--evidence", "12", "-o", path, NULL);
  g_autoptr(CoreRun) run = NULL;
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderPromotion) promotion = NULL;
  g_autoptr(GDate) day = g_date_new_dmy (1, G_DATE_NOVEMBER, 2026);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) behaviours = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before_heading = NULL;
  g_autofree char *new_heading = NULL;
  LadderFramework *framework;
  g_autofree char *current = NULL;
  const char *next;
  gsize length;

  g_assert_cmpint (sample->status, ==, 0);
  profile = ladder_format_load_profile (file, NULL, &error);
  g_assert_no_error (error);
  framework = ladder_profile_get_framework (profile);
  current = g_strdup (ladder_profile_get_current_level (profile));
  g_assert_true (ladder_profile_has_ratings_at (profile, current));
  next = ladder_level_get_id (ladder_framework_get_next_level (framework, current));

  /* Promoted to the next level, which is the target, nothing of it
   * rated. */
  behaviours = ladder_framework_list_behaviours (framework, next, NULL);
  for (guint i = 0; i < behaviours->len; i++)
    for (guint rater = 0; rater < 2; rater++)
      ladder_profile_rate (profile, ladder_behaviour_get_id (g_ptr_array_index (behaviours, i)),
                           (LadderRater) rater, LADDER_RATING_UNRATED);
  promotion = ladder_promotion_new (NULL, day, current, next);
  ladder_profile_add_promotion (profile, promotion);
  ladder_profile_set_current_level (profile, next);
  ladder_profile_set_target_level (profile, next);
  text = ladder_format_write_profile (profile, &length);
  core_write_file (path, text);
  g_clear_pointer (&text, g_free);

  before_heading = g_strdup_printf ("_%s · ", ladder_framework_get_level_label (framework, current));
  new_heading = g_strdup_printf ("_%s · ", ladder_framework_get_level_label (framework, next));

  run = core_run_cli (NULL, "export-markdown", path, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, before_heading));
  g_assert_null (strstr (run->out, new_heading));
  g_clear_pointer (&run, core_run_free);

  /* The PDF lists the behaviours where the ratings are, and says so. */
  run = core_run_cli (NULL, "export-pdf", path, "-o", pdf, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_clear_pointer (&run, core_run_free);
  {
    const char *argv[] = { "pdftotext", "-raw", pdf, "-", NULL };
    g_autofree char *where = g_strdup_printf ("Behaviours of %s, where the ratings are",
                                              ladder_framework_get_level_label (framework, current));
    g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
    g_autofree char *flat = NULL;

    run = core_run_argv (NULL, argv);
    g_assert_cmpint (run->status, ==, 0);
    /* A heading may wrap. */
    flat = g_regex_replace_literal (spaces, run->out, -1, 0, " ", 0, NULL);
    g_assert_nonnull (strstr (flat, where));
    g_clear_pointer (&run, core_run_free);
  }

  /* Promoted again, to the target, from a level with ratings; a later
   * target nobody rated: the current level, where the ratings are. */
  {
    LadderLevel *after = ladder_framework_get_next_level (framework, next);

    if (after != NULL)
      {
        ladder_profile_rate (profile, ladder_behaviour_get_id (g_ptr_array_index (behaviours, 1)),
                             LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
        ladder_profile_set_target_level (profile, ladder_level_get_id (after));
        text = ladder_format_write_profile (profile, &length);
        core_write_file (path, text);
        g_clear_pointer (&text, g_free);
        run = core_run_cli (NULL, "export-markdown", path, NULL);
        g_assert_cmpint (run->status, ==, 0);
        g_assert_nonnull (strstr (run->out, new_heading));
        g_clear_pointer (&run, core_run_free);
        ladder_profile_rate (profile, ladder_behaviour_get_id (g_ptr_array_index (behaviours, 1)),
                             LADDER_RATER_MANAGER, LADDER_RATING_UNRATED);
        ladder_profile_set_target_level (profile, next);
      }
  }

  /* Once the new level has a rating, it is the default. */
  ladder_profile_rate (profile, ladder_behaviour_get_id (g_ptr_array_index (behaviours, 0)),
                       LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  text = ladder_format_write_profile (profile, &length);
  core_write_file (path, text);
  run = core_run_cli (NULL, "export-markdown", path, NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_nonnull (strstr (run->out, new_heading));
  g_clear_pointer (&run, core_run_free);

  core_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  static const SeedExpectation dummyco = { "dummyco-backend-engineering.txt", "Dummy Co", 6, 135, FALSE };
  static const SeedExpectation medium = { "medium-foundations.txt", "Medium", 5, 15, TRUE };
  static const SeedExpectation gitlab = { "gitlab-senior-backend-engineer.txt", "GitLab", 1, 50, TRUE };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/ladder/cli/import/dummyco", &dummyco, test_import_seed);
  g_test_add_data_func ("/ladder/cli/import/medium", &medium, test_import_seed);
  g_test_add_data_func ("/ladder/cli/import/gitlab", &gitlab, test_import_seed);
  g_test_add_func ("/ladder/cli/import/warnings", test_import_warnings);
  g_test_add_func ("/ladder/cli/import/output-file", test_import_output_file);
  g_test_add_func ("/ladder/cli/import/errors", test_import_errors);
  g_test_add_func ("/ladder/cli/import/explain", test_import_explain);
  g_test_add_func ("/ladder/cli/validate", test_validate);
  g_test_add_func ("/ladder/cli/validate/unsafe-links", test_validate_unsafe_links);
  g_test_add_func ("/ladder/cli/show", test_show);
  g_test_add_func ("/ladder/cli/exports/mode", test_exports_mode);
  g_test_add_func ("/ladder/cli/review/level-after-promotion", test_review_level_after_promotion);
  g_test_add_func ("/ladder/cli/sample/deterministic", test_sample_deterministic);
  g_test_add_func ("/ladder/cli/sample/manager", test_sample_manager);

  return g_test_run ();
}
