/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "ladder-core.h"

/* The importer against career frameworks that companies and communities
 * published (tests/fixtures/import/real/, with SOURCES.md). Each file has
 * an expectation written by reading it: NAME.expected.json holds the level
 * and the category names in order (null for one the text does not name)
 * and the behaviours in each level × category cell.
 *
 * The files listed in real/passing.txt each get a subtest that must read
 * right; a file joins that list once the importer reads it. The others
 * get no subtest, so that nothing is skipped: the table below says what
 * differs for each of them. One more subtest checks the folder itself:
 * every framework in it has an expectation and a row in SOURCES.md, and
 * every name in passing.txt is a file of the folder.
 *
 * With LADDER_IMPORT_REAL_TABLE=1 the program instead prints one line per
 * file (file, shape, read right or not, what differs) and the share read
 * right, and exits 0. */

typedef struct
{
  char      *file;       /* NAME.EXT, beside the expectation */
  char      *shape;
  char      *choice;     /* "needs-choice", or NULL */
  JsonNode  *root;
} Expectation;

static void
expectation_free (Expectation *expectation)
{
  g_free (expectation->file);
  g_free (expectation->shape);
  g_free (expectation->choice);
  g_clear_pointer (&expectation->root, json_node_unref);
  g_free (expectation);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Expectation, expectation_free)

static char *
real_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", "real", name, NULL);
}

/* Names compare without case, outer space or doubled space. */
static char *
normalise (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_strv_builder_add (builder, words[i]);

  kept = g_strv_builder_end (builder);

  return g_strjoinv (" ", kept);
}

static gboolean
names_equal (const char *expected,
             const char *found)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (expected == NULL)
    return TRUE;

  a = normalise (expected);
  b = normalise (found);

  return g_strcmp0 (a, b) == 0;
}

static Expectation *
expectation_load (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  Expectation *expectation;
  JsonObject *object;

  json_parser_load_from_mapped_file (parser, path, &error);
  g_assert_no_error (error);

  object = json_node_get_object (json_parser_get_root (parser));
  expectation = g_new0 (Expectation, 1);
  expectation->root = json_node_copy (json_parser_get_root (parser));
  expectation->file = g_strdup (json_object_get_string_member (object, "file"));
  expectation->shape = g_strdup (json_object_get_string_member_with_default (object, "shape", ""));
  expectation->choice = g_strdup (json_object_get_string_member_with_default (object, "needs-choice", NULL));

  g_assert_nonnull (expectation->file);
  g_assert_true (json_object_has_member (object, "levels"));
  g_assert_true (json_object_has_member (object, "categories"));
  g_assert_true (json_object_has_member (object, "counts"));

  return expectation;
}

static const char *
array_string (JsonArray *array,
              guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_NULL (node) ? NULL : json_node_get_string (node);
}

static void
append_names (GString    *out,
              GListModel *model,
              gboolean    levels)
{
  guint n = g_list_model_get_n_items (model);

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_string_append_printf (out, "%s\"%s\"", i ? ", " : "",
                              levels ? ladder_level_get_name (LADDER_LEVEL (item))
                                     : ladder_category_get_name (LADDER_CATEGORY (item)));
    }
  g_string_append_c (out, ']');
}

static void
append_expected_names (GString   *out,
                       JsonArray *array)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *name = array_string (array, i);

      if (name != NULL)
        g_string_append_printf (out, "%s\"%s\"", i ? ", " : "", name);
      else
        g_string_append_printf (out, "%s(any name)", i ? ", " : "");
    }
  g_string_append_c (out, ']');
}

/* Imports the file and returns NULL when it reads as expected, else
 * what differs, in lines for a person. */
static char *
compare (Expectation *expectation)
{
  JsonObject *object = json_node_get_object (expectation->root);
  JsonArray *levels = json_object_get_array_member (object, "levels");
  JsonArray *categories = json_object_get_array_member (object, "categories");
  JsonArray *counts = json_object_get_array_member (object, "counts");
  g_autofree char *path = real_path (expectation->file);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(GString) diff = g_string_new (NULL);
  GListModel *found_levels;
  GListModel *found_categories;
  gboolean same_levels;
  gboolean same_categories;
  guint n_cells_wrong = 0;
  LadderImportOptions options = { 0 };

  framework = ladder_import_file (file, &options, NULL, &report, &error);
  if (framework == NULL)
    return g_strdup_printf ("not imported: %s", error->message);

  found_levels = ladder_framework_get_levels (framework);
  found_categories = ladder_framework_get_categories (framework);

  same_levels = g_list_model_get_n_items (found_levels) == json_array_get_length (levels);
  for (guint i = 0; same_levels && i < json_array_get_length (levels); i++)
    {
      g_autoptr(LadderLevel) level = g_list_model_get_item (found_levels, i);

      same_levels = names_equal (array_string (levels, i), ladder_level_get_name (level));
    }

  same_categories = g_list_model_get_n_items (found_categories) == json_array_get_length (categories);
  for (guint i = 0; same_categories && i < json_array_get_length (categories); i++)
    {
      g_autoptr(LadderCategory) category = g_list_model_get_item (found_categories, i);

      same_categories = names_equal (array_string (categories, i), ladder_category_get_name (category));
    }

  if (!same_levels)
    {
      g_string_append (diff, "levels: expected ");
      append_expected_names (diff, levels);
      g_string_append (diff, "\n        found    ");
      append_names (diff, found_levels, TRUE);
      g_string_append_c (diff, '\n');
    }

  if (!same_categories)
    {
      g_string_append (diff, "categories: expected ");
      append_expected_names (diff, categories);
      g_string_append (diff, "\n            found    ");
      append_names (diff, found_categories, FALSE);
      g_string_append_c (diff, '\n');
    }

  /* Cells are only comparable when the grid is the same. */
  if (same_levels && same_categories)
    {
      for (guint l = 0; l < json_array_get_length (levels); l++)
        {
          JsonArray *row = json_array_get_array_element (counts, l);
          g_autoptr(LadderLevel) level = g_list_model_get_item (found_levels, l);

          for (guint c = 0; c < json_array_get_length (categories); c++)
            {
              g_autoptr(LadderCategory) category = g_list_model_get_item (found_categories, c);
              guint expected = json_array_get_int_element (row, c);
              guint found = ladder_framework_count_behaviours (framework,
                                                               ladder_level_get_id (level),
                                                               ladder_category_get_id (category));

              if (expected != found && n_cells_wrong++ < 8)
                g_string_append_printf (diff, "behaviours in “%s” × “%s”: expected %u, found %u\n",
                                        ladder_level_get_name (level),
                                        ladder_category_get_name (category),
                                        expected, found);
            }
        }
      if (n_cells_wrong > 8)
        g_string_append_printf (diff, "… and %u more cells differ\n", n_cells_wrong - 8);
    }

  if (json_object_has_member (object, "organisation"))
    {
      const char *organisation = json_object_get_string_member (object, "organisation");
      const char *found = ladder_framework_get_organisation (framework);

      if (!names_equal (organisation, found ? found : ""))
        g_string_append_printf (diff, "organisation: expected “%s”, found “%s”\n",
                                organisation, found ? found : "");
    }

  /* What the file holds that is not the framework: each named part must
   * be in the report, so that leaving it out is never silent. */
  if (json_object_has_member (object, "left-out"))
    {
      JsonArray *left_out = json_object_get_array_member (object, "left-out");

      for (guint i = 0; i < json_array_get_length (left_out); i++)
        {
          const char *part = array_string (left_out, i);
          gboolean reported = FALSE;

          for (guint w = 0; !reported && report != NULL && w < ladder_import_report_get_n_warnings (report); w++)
            {
              const LadderImportWarning *warning = ladder_import_report_get_warning (report, w);

              reported = strstr (warning->message, part) != NULL ||
                         (warning->text != NULL && strstr (warning->text, part) != NULL);
            }
          if (!reported)
            g_string_append_printf (diff, "left out without a word: “%s”\n", part);
        }
    }

  if (json_object_has_member (object, "name"))
    {
      const char *name = json_object_get_string_member (object, "name");
      const char *found = ladder_framework_get_name (framework);

      if (!names_equal (name, found ? found : ""))
        g_string_append_printf (diff, "name: expected “%s”, found “%s”\n",
                                name, found ? found : "");
    }

  if (diff->len == 0)
    return NULL;

  g_string_truncate (diff, diff->len - 1);

  return g_string_free_and_steal (g_steal_pointer (&diff));
}

static GHashTable *
load_passing (void)
{
  g_autofree char *path = real_path ("passing.txt");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *passing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (line[0] != '\0' && line[0] != '#')
        g_hash_table_add (passing, g_strdup (line));
    }

  return passing;
}

static GPtrArray *
load_expectations (void)
{
  g_autofree char *dir_path = real_path (NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *expectations = g_ptr_array_new_with_free_func ((GDestroyNotify) expectation_free);
  const char *name;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".expected.json"))
      g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort_values (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = real_path (names->pdata[i]);

      g_ptr_array_add (expectations, expectation_load (path));
    }

  return expectations;
}

/* The names in passing.txt, for the subtests; main() owns the table. */
static GHashTable *passing;

static void
test_real_file (gconstpointer data)
{
  const Expectation *expectation = data;
  g_autofree char *diff = compare ((Expectation *) expectation);

  if (diff != NULL)
    g_test_fail_printf ("%s does not read as expected:\n%s", expectation->file, diff);
}

/* The names SOURCES.md gives a row: "| NAME | repository | …". */
static GHashTable *
load_sources (void)
{
  g_autofree char *path = real_path ("SOURCES.md");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;

      if (!g_str_has_prefix (lines[i], "| "))
        continue;

      cells = g_strsplit (lines[i], "|", 3);
      if (cells[1] != NULL)
        g_hash_table_add (sources, g_strdup (g_strstrip (cells[1])));
    }

  return sources;
}

static gboolean
is_corpus_file (const char *name)
{
  return !g_str_has_suffix (name, ".expected.json") &&
         g_strcmp0 (name, "README.md") != 0 &&
         g_strcmp0 (name, "SOURCES.md") != 0 &&
         g_strcmp0 (name, "passing.txt") != 0;
}

static void
test_corpus_complete (gconstpointer data)
{
  GPtrArray *expectations = (GPtrArray *) data;
  g_autofree char *dir_path = real_path (NULL);
  g_autoptr(GHashTable) sources = load_sources ();
  g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  GHashTableIter iter;
  const char *name;

  for (guint i = 0; i < expectations->len; i++)
    g_hash_table_add (expected, ((Expectation *) expectations->pdata[i])->file);

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_corpus_file (name))
      g_hash_table_add (present, g_strdup (name));

  /* The corpus holds at least twenty frameworks; it only grows. */
  g_assert_cmpuint (g_hash_table_size (present), >=, 20);

  g_hash_table_iter_init (&iter, present);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    {
      if (!g_hash_table_contains (expected, name))
        g_string_append_printf (problems, "\n%s has no expectation", name);
      if (!g_hash_table_contains (sources, name))
        g_string_append_printf (problems, "\n%s has no row in SOURCES.md", name);
    }

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    if (!g_hash_table_contains (present, name))
      g_string_append_printf (problems, "\nan expectation names %s, which is not in the folder", name);

  g_hash_table_iter_init (&iter, passing);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    if (!g_hash_table_contains (present, name))
      g_string_append_printf (problems, "\npassing.txt names %s, which is not in the folder", name);

  if (problems->len > 0)
    g_test_fail_printf ("the corpus is not complete:%s", problems->str);
}

static int
print_table (GPtrArray *expectations)
{
  guint n_right = 0;
  guint n_choice = 0;

  printf ("%-46s %-44s %-5s %s\n", "file", "shape", "right", "what differs");
  for (guint i = 0; i < expectations->len; i++)
    {
      Expectation *expectation = expectations->pdata[i];
      g_autofree char *diff = compare (expectation);
      g_auto(GStrv) lines = g_strsplit (diff ? diff : "", "\n", -1);

      if (diff == NULL)
        n_right++;
      if (expectation->choice != NULL)
        n_choice++;

      printf ("%-46s %-44s %-5s %s\n", expectation->file, expectation->shape,
              diff == NULL ? "yes" : "no", lines[0] ? lines[0] : "");
      for (guint j = 1; lines[j] != NULL; j++)
        printf ("%-46s %-44s %-5s %s\n", "", "", "", lines[j]);
    }

  printf ("\n%u of %u files read right with no correction (%u%%); "
          "%u need a choice in the preview by their expectation.\n",
          n_right, expectations->len,
          expectations->len ? n_right * 100 / expectations->len : 0,
          n_choice);

  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) expectations = NULL;
  g_autoptr(GHashTable) passing_files = NULL;

  g_test_init (&argc, &argv, NULL);

  expectations = load_expectations ();
  passing_files = load_passing ();
  passing = passing_files;

  if (g_strcmp0 (g_getenv ("LADDER_IMPORT_REAL_TABLE"), "1") == 0)
    return print_table (expectations);

  g_test_add_data_func ("/import-real/corpus-complete", expectations, test_corpus_complete);

  for (guint i = 0; i < expectations->len; i++)
    {
      Expectation *expectation = expectations->pdata[i];
      g_autofree char *test_path = NULL;

      if (!g_hash_table_contains (passing, expectation->file))
        continue;

      test_path = g_strdup_printf ("/import-real/%s", expectation->file);
      g_test_add_data_func (test_path, expectation, test_real_file);
    }

  return g_test_run ();
}
