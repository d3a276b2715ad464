/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hostile and broken files. People open frameworks and profiles that
 * others send them: every reader (the importers, the framework and profile
 * loaders, the library loading a folder, ladder-cli import and validate)
 * must answer any input with a result or with one clear error that names
 * the file, and its line and column where there is one, in bounded time,
 * never with a crash or a hang; and it must never change the file.
 *
 * Each case goes through the library functions, through a LadderLibrary
 * whose folder holds the file among good ones, and through ladder-cli.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ladder-core.h"
#include "core-helpers.h"

#define ALEX_ID "0b6f1f8e-3c1a-4a55-9d7e-2f6f0c9a1b11"

/* Generous: each case takes milliseconds; this catches a hang, not a
 * slow machine. */
#define TIME_LIMIT (5 * G_USEC_PER_SEC)

/* Helpers {{{1 */

static void
assert_quick (gint64 start)
{
  gint64 elapsed = g_get_monotonic_time () - start;
  const char *preload = g_getenv ("LD_PRELOAD");
  gint64 limit = TIME_LIMIT;

  /* Under valgrind, which runs the code some 20 to 50 times slower (its
   * preload library gives it away): still a bound that a hang breaks. */
  if (preload != NULL && strstr (preload, "vgpreload") != NULL)
    limit *= 20;

  g_assert_cmpint (elapsed, <, limit);
}

/* What a directory entry is, for "unchanged" checks: its type, a link's
 * target, a file's size and, for files a reader may read, every byte. */
static GBytes *
describe_entry (const char *path)
{
  g_autoptr(GByteArray) description = g_byte_array_new ();
  g_autofree char *header = NULL;
  GStatBuf buf;

  g_assert_cmpint (g_lstat (path, &buf), ==, 0);

  header = g_strdup_printf ("mode %o size %" G_GINT64_FORMAT "\n",
                            (guint) buf.st_mode, (gint64) buf.st_size);
  g_byte_array_append (description, (const guint8 *) header, strlen (header));

  if (S_ISLNK (buf.st_mode))
    {
      g_autofree char *target = g_file_read_link (path, NULL);

      g_assert_nonnull (target);
      g_byte_array_append (description, (const guint8 *) target, strlen (target));
    }
  else if (S_ISREG (buf.st_mode) && buf.st_size <= LADDER_FORMAT_MAX_SIZE &&
           (buf.st_mode & S_IRUSR) != 0)
    {
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_byte_array_append (description, (const guint8 *) contents, (guint) length);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&description));
}

/* ladder-cli {{{2 */

/* Runs ladder-cli COMMAND NAME in @cwd: NAME is relative, as a user types
 * it, and the error must name the file as the user typed it. */
static CoreRun *
run_cli (const char *cwd,
         const char *command,
         const char *name)
{
  g_autoptr(GSubprocessLauncher) launcher = core_launcher_in (cwd);
  gint64 start = g_get_monotonic_time ();
  CoreRun *result = core_run_cli (launcher, command, name, NULL);

  assert_quick (start);

  return result;
}

static gboolean
skip_digits (const char **p)
{
  const char *start = *p;

  while (g_ascii_isdigit (**p))
    (*p)++;

  return *p > start;
}

/* @message is one line, "NAME:LINE:COL: sentence\n" when @positioned, else
 * "NAME: sentence\n" (for what is about the whole file: a folder, a
 * file too large). */
static void
assert_one_error_line (const char *message,
                       const char *name,
                       gboolean    positioned)
{
  const char *p = message;

  g_assert_true (g_str_has_suffix (message, "\n"));
  g_assert_true (strchr (message, '\n') == message + strlen (message) - 1);

  if (!g_str_has_prefix (p, name) || p[strlen (name)] != ':')
    g_error ("“%s” does not start with “%s:”", message, name);
  p += strlen (name) + 1;

  if (positioned)
    {
      if (!(skip_digits (&p) && *p++ == ':' && skip_digits (&p) && *p++ == ':'))
        g_error ("“%s” has no LINE:COL after the file name", message);
    }
  else
    {
      g_assert_false (g_ascii_isdigit (*p));
    }

  g_assert_cmpint (*p, ==, ' ');
  g_assert_cmpint (strlen (p), >, 2);
}

/* ladder-cli COMMAND refuses @path: exit 1, nothing on standard output,
 * one error line naming it, mentioning @words when given. The file is not
 * touched. */
static void
check_cli_refuses (const char *path,
                   const char *command,
                   gboolean    positioned,
                   const char *words)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GBytes) before = describe_entry (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(CoreRun) result = run_cli (dir, command, name);

  if (result->status != 1)
    g_error ("ladder-cli %s %s: exit %d, “%s”", command, name, result->status, result->err);
  g_assert_cmpstr (result->out, ==, "");
  assert_one_error_line (result->err, name, positioned);
  if (words != NULL && strstr (result->err, words) == NULL)
    g_error ("ladder-cli %s %s said “%s”, not “%s”", command, name, result->err, words);

  after = describe_entry (path);
  g_assert_true (g_bytes_equal (before, after));
}

static CoreRun *
check_cli_accepts (const char *path,
                   const char *command)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  CoreRun *result = run_cli (dir, command, name);

  if (result->status != 0)
    g_error ("ladder-cli %s %s: exit %d, “%s”", command, name, result->status, result->err);

  return result;
}

/* The library {{{2 */

typedef void (*MakeEntry) (const char    *path,
                           gconstpointer  data);

static void
make_file (const char    *path,
           gconstpointer  data)
{
  GBytes *bytes = (GBytes *) data;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                       &error);
  g_assert_no_error (error);
}

/* A folder with a good framework and a good profile, and the hostile
 * entry made by @make as frameworks/hostile.json and profiles/hostile.json.
 * The good ones still load; the hostile ones are reported, each naming
 * its file, and left as they were. */
static void
check_library_refuses (MakeEntry     make,
                       gconstpointer data)
{
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *frameworks = g_build_filename (dir, "frameworks", NULL);
  g_autofree char *profiles = g_build_filename (dir, "profiles", NULL);
  g_autofree char *framework_contents = core_read_fixture ("framework.json", NULL);
  g_autofree char *profile_contents = core_read_fixture ("profile.json", NULL);
  g_autoptr(GFile) directory = g_file_new_for_path (dir);
  g_autoptr(LadderLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  const char *hostile[2];
  GBytes *before[2];
  GListModel *errors;
  gint64 start;

  g_assert_cmpint (g_mkdir (frameworks, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (profiles, 0700), ==, 0);
  {
    g_autofree char *good_framework = g_build_filename (frameworks, "good.json", NULL);
    g_autofree char *good_profile = g_build_filename (profiles, "good.json", NULL);

    g_assert_true (g_file_set_contents (good_framework, framework_contents, -1, NULL));
    g_assert_true (g_file_set_contents (good_profile, profile_contents, -1, NULL));
  }

  hostile[0] = g_build_filename (frameworks, "hostile.json", NULL);
  hostile[1] = g_build_filename (profiles, "hostile.json", NULL);
  for (guint i = 0; i < 2; i++)
    {
      make (hostile[i], data);
      before[i] = describe_entry (hostile[i]);
    }

  start = g_get_monotonic_time ();
  library = ladder_library_new (directory);
  g_assert_true (ladder_library_load (library, NULL, &error));
  g_assert_no_error (error);
  assert_quick (start);

  g_assert_nonnull (ladder_library_find_framework (library, "acme-backend"));
  g_assert_nonnull (ladder_library_find_profile (library, ALEX_ID));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_profiles (library)), ==, 1);

  errors = ladder_library_get_errors (library);
  g_assert_cmpuint (g_list_model_get_n_items (errors), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LadderLoadError) load_error = g_list_model_get_item (errors, i);
      g_autofree char *path = g_file_get_path (ladder_load_error_get_file (load_error));
      const GError *reason = ladder_load_error_get_error (load_error);

      g_assert_true (g_str_equal (path, hostile[0]) || g_str_equal (path, hostile[1]));
      g_assert_nonnull (reason);
      if (strstr (reason->message, path) == NULL)
        g_error ("“%s” does not name %s", reason->message, path);
    }

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GBytes) after = describe_entry (hostile[i]);

      g_assert_true (g_bytes_equal (before[i], after));
      g_bytes_unref (before[i]);
      g_free ((char *) hostile[i]);
    }

  g_clear_object (&library);
  core_remove_tree (dir);
}

/* The readers on bytes {{{2 */

/* "FILE:LINE:COL: " at the start of @message, with LINE and COL when they
 * are not 0. */
static void
assert_error_at (const char *message,
                 const char *name,
                 guint       line,
                 guint       column,
                 const char *words)
{
  g_autofree char *prefix = NULL;

  if (line > 0)
    prefix = g_strdup_printf ("%s:%u:%u: ", name, line, column);
  else
    prefix = g_strdup_printf ("%s:", name);

  if (!g_str_has_prefix (message, prefix))
    g_error ("“%s” does not start with “%s”", message, prefix);
  if (words != NULL && strstr (message, words) == NULL)
    g_error ("“%s” does not say “%s”", message, words);
  g_assert_null (strchr (message, '\n'));
}

static void
check_import_refuses (GBytes     *bytes,
                      const char *name,
                      guint       line,
                      guint       column,
                      const char *words)
{
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  framework = ladder_import_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  name, NULL, &report, &error);
  assert_quick (start);
  g_assert_null (framework);
  g_assert_nonnull (error);
  g_assert_true (error->domain == LADDER_IMPORT_ERROR);
  g_assert_nonnull (report);
  assert_error_at (error->message, name, line, column, words);
}

/* Both loaders refuse @bytes: a framework file and a profile file. */
static void
check_read_refuses (GBytes     *bytes,
                    const char *name,
                    guint       line,
                    guint       column,
                    const char *words)
{
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  framework = ladder_format_read_framework (g_bytes_get_data (bytes, NULL),
                                            g_bytes_get_size (bytes), name, &error);
  g_assert_null (framework);
  g_assert_error (error, LADDER_FORMAT_ERROR, error->code);
  assert_error_at (error->message, name, line, column, words);
  g_clear_error (&error);

  profile = ladder_format_read_profile (g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes), name, &error);
  g_assert_null (profile);
  g_assert_error (error, LADDER_FORMAT_ERROR, error->code);
  /* Where a profile goes wrong may differ; that it names the file may not. */
  assert_error_at (error->message, name, 0, 0, NULL);
  assert_quick (start);
}

/* Writes @bytes as @name in a new folder; returns its path. */
static char *
write_temp_file (const char *dir,
                 const char *name,
                 GBytes     *bytes)
{
  char *path = g_build_filename (dir, name, NULL);

  make_file (path, bytes);

  return path;
}

/* The whole round for an input no reader may accept: the importer (at
 * @line:@column), both loaders, the library, and ladder-cli import and
 * validate. @json_line is where the loaders put it (0: just the file
 * name, for an input that is not JSON at all the loaders say 1:1). */
static void
check_refused_everywhere (GBytes     *bytes,
                          const char *name,
                          guint       line,
                          guint       column,
                          const char *words)
{
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = write_temp_file (dir, name, bytes);

  check_import_refuses (bytes, name, line, column, words);
  check_read_refuses (bytes, name, 0, 0, NULL);
  check_library_refuses (make_file, bytes);
  check_cli_refuses (path, "import", line > 0, words);
  check_cli_refuses (path, "validate", TRUE, NULL);

  core_remove_tree (dir);
}

/* YAML {{{1 */

/* "Billion laughs": nine of the level below in each of twelve levels, 9^12
 * values once expanded, in a few hundred bytes. */
static GBytes *
make_alias_bomb (void)
{
  GString *text = g_string_new ("---\ntitle: Laughs\n");

  g_string_append (text, "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
  for (guint i = 1; i <= 12; i++)
    {
      g_string_append_printf (text, "a%u: &a%u [", i, i);
      for (guint j = 0; j < 9; j++)
        g_string_append_printf (text, "%s*a%u", j > 0 ? ", " : "", i - 1);
      g_string_append (text, "]\n");
    }
  g_string_append (text, "topics: *a12\n---\n");

  return g_string_free_to_bytes (text);
}

static void
test_yaml_alias_bomb (void)
{
  g_autoptr(GBytes) bytes = make_alias_bomb ();

  /* Refused on line 8, at the second alias by which the values pass 200,000. */
  check_refused_everywhere (bytes, "laughs.md", 8, 15, "aliases");
}

/* An alias of the mapping it is in: a cycle, which a reader walking the
 * document recursively would follow for ever. */
static void
test_yaml_alias_cycle (void)
{
  static const char text[] =
    "---\n"
    "title: Cycle\n"
    "topics: &t\n"
    "  - name: loop\n"
    "    content: *t\n"
    "  - *t\n"
    "---\n";
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  framework = ladder_import_data (text, sizeof text - 1, "cycle.md", NULL, NULL, &error);
  assert_quick (start);
  /* Nothing to import, said once; no endless walk. */
  g_assert_null (framework);
  g_assert_nonnull (error);
  assert_error_at (error->message, "cycle.md", 0, 0, NULL);
}

static void
test_yaml_deep_nesting (void)
{
  GString *text = g_string_new ("---\ntitle: Deep\ntopics: ");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) block = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "\n---\n");
  bytes = g_string_free_to_bytes (text);

  /* Refused at the 64th "[", column 8 + 64, which would open a 65th level. */
  check_refused_everywhere (bytes, "deep.md", 3, 72, "deep");

  /* The same in block style, each level indented further. */
  text = g_string_new ("---\ntopics:\n");
  for (guint i = 0; i < 2000; i++)
    {
      for (guint j = 0; j <= i; j++)
        g_string_append (text, "  ");
      g_string_append (text, "-\n");
    }
  g_string_append (text, "---\n");
  block = g_string_free_to_bytes (text);
  check_import_refuses (block, "deep-block.md", 66, 129, "deep");
}

static void
test_yaml_huge_scalar (void)
{
  GString *text = g_string_new ("---\ntitle: \"");
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < 2 * 1024 * 1024; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "\"\ntopics: []\n---\n");
  bytes = g_string_free_to_bytes (text);

  check_refused_everywhere (bytes, "huge.md", 2, 8, "1 MiB");
}

/* Tags are not instructions: a tagged value is read as its plain text,
 * whatever the tag asks for. */
static void
test_yaml_unknown_tags (void)
{
  static const char text[] =
    "---\n"
    "title: !!python/object/apply:os.system 'echo pwned'\n"
    "levels: !ruby/object 2\n"
    "topics:\n"
    "  - !!map\n"
    "    name: !local mastery\n"
    "    content:\n"
    "      - level: !!int 1\n"
    "        criteria:\n"
    "          - !!binary 'Rml4ZXMgYnVncw=='\n"
    "          - !<tag:evil.example,2026:x> 'Writes tests'\n"
    "---\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = write_temp_file (dir, "tags.md", bytes);
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CoreRun) result = NULL;
  GListModel *behaviours;

  framework = ladder_import_data (text, sizeof text - 1, "tags.md", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ladder_framework_get_name (framework), ==, "echo pwned");
  behaviours = ladder_framework_get_behaviours (framework);
  g_assert_cmpuint (g_list_model_get_n_items (behaviours), ==, 2);
  {
    g_autoptr(LadderBehaviour) first = g_list_model_get_item (behaviours, 0);
    g_autoptr(LadderBehaviour) second = g_list_model_get_item (behaviours, 1);

    /* Not decoded from base64: the text as written. */
    g_assert_cmpstr (ladder_behaviour_get_text (first), ==, "Rml4ZXMgYnVncw==");
    g_assert_cmpstr (ladder_behaviour_get_text (second), ==, "Writes tests");
  }

  result = check_cli_accepts (path, "import");
  g_assert_nonnull (strstr (result->out, "\"echo pwned\""));
  /* Not a Ladder file: validate says so at 1:1. */
  check_cli_refuses (path, "validate", TRUE, NULL);

  core_remove_tree (dir);
}

/* JSON {{{1 */

static void
test_json_deep_nesting (void)
{
  GString *arrays = g_string_new (NULL);
  GString *objects = g_string_new (NULL);
  g_autoptr(GBytes) array_bytes = NULL;
  g_autoptr(GBytes) object_bytes = NULL;
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *array_path = NULL;
  g_autofree char *object_path = NULL;

  for (guint i = 0; i < 100000; i++)
    {
      g_string_append_c (arrays, '[');
      g_string_append (objects, "{\"a\":");
    }
  g_string_append (objects, "1");
  for (guint i = 0; i < 100000; i++)
    {
      g_string_append_c (arrays, ']');
      g_string_append_c (objects, '}');
    }
  array_bytes = g_string_free_to_bytes (arrays);
  object_bytes = g_string_free_to_bytes (objects);
  array_path = write_temp_file (dir, "arrays.json", array_bytes);
  object_path = write_temp_file (dir, "objects.json", object_bytes);

  /* json-glib stops at its depth limit; the error says where. */
  check_read_refuses (array_bytes, "arrays.json", 1, 1024, "deep");
  check_read_refuses (object_bytes, "objects.json", 1, 5120, "deep");
  check_import_refuses (object_bytes, "objects.json", 1, 5120, "deep");
  /* Not JSON to the importer (it does not start with "{"): text without
   * a framework in it, a problem of the whole file. */
  check_import_refuses (array_bytes, "arrays.json", 0, 0, NULL);
  check_library_refuses (make_file, array_bytes);
  check_library_refuses (make_file, object_bytes);
  check_cli_refuses (array_path, "validate", TRUE, "deep");
  check_cli_refuses (object_path, "validate", TRUE, "deep");
  check_cli_refuses (array_path, "import", FALSE, NULL);
  check_cli_refuses (object_path, "import", TRUE, "deep");

  core_remove_tree (dir);
}

/* A framework fixture with @old replaced by @new, refused by every reader
 * at @line:@column. */
static void
check_framework_change_refused (const char *old,
                                const char *new,
                                const char *name,
                                guint       line,
                                guint       column,
                                const char *words)
{
  g_autofree char *fixture = core_read_fixture ("framework.json", NULL);
  g_autofree char *text = core_replace_once (fixture, old, new);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), strlen (fixture) -
                                              strlen (old) + strlen (new));
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = write_temp_file (dir, name, bytes);
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(GError) error = NULL;

  framework = ladder_format_read_framework (g_bytes_get_data (bytes, NULL),
                                            g_bytes_get_size (bytes), name, &error);
  g_assert_null (framework);
  g_assert_nonnull (error);
  assert_error_at (error->message, name, line, column, words);

  check_import_refuses (bytes, name, line, column, words);
  check_library_refuses (make_file, bytes);
  check_cli_refuses (path, "import", TRUE, words);
  check_cli_refuses (path, "validate", TRUE, words);

  core_remove_tree (dir);
}

static void
test_json_wrong_types (void)
{
  check_framework_change_refused ("\"name\" : \"Backend Engineering\"", "\"name\" : [\"Backend\"]",
                                  "name-array.json", 5, 3, "“name” must be a string");
  check_framework_change_refused ("\"levels\" : [", "\"levels\" : 7, \"x\" : [",
                                  "levels-number.json", 16, 3, "“levels” must be an array");
  check_framework_change_refused ("\"format\" : \"ladder-framework\"", "\"format\" : true",
                                  "format-bool.json", 2, 3, "“format” must be a string");
  check_framework_change_refused ("\"version\" : 1", "\"version\" : \"1\"",
                                  "version-string.json", 3, 15, "version");
}

static void
test_json_out_of_range (void)
{
  /* Too big for a double, negative, and 2^63, one more than json-glib's
   * integers hold (it would quietly read G_MAXINT64). */
  check_framework_change_refused ("\"version\" : 1", "\"version\" : 1e400",
                                  "version-1e400.json", 3, 15, "version");
  check_framework_change_refused ("\"version\" : 1", "\"version\" : -1",
                                  "version-negative.json", 3, 15, "version");
  check_framework_change_refused ("\"version\" : 1", "\"version\" : 9223372036854775808",
                                  "version-2-63.json", 3, 15, "version");
  check_framework_change_refused ("\"version\" : 1", "\"version\" : 0",
                                  "version-0.json", 3, 15, "version");
}

static void
test_json_duplicate_members (void)
{
  /* Which of two ids is the framework's? Another program may take the
   * first, json-glib takes the last: refused, at the second. */
  check_framework_change_refused ("\"id\" : \"acme-backend\",",
                                  "\"id\" : \"acme-backend\",\n  \"id\" : \"other\",",
                                  "duplicate.json", 5, 3, "“id”");
}

static void
test_json_dangling_ids (void)
{
  g_autofree char *fixture = core_read_fixture ("profile.json", NULL);
  g_autofree char *rating = core_replace_once (fixture, "\"1-mastery-1\" : {", "\"9-nowhere-1\" : {");
  g_autofree char *level = core_replace_once (fixture, "\"current_level\" : \"2\"",
                                         "\"current_level\" : \"42\"");
  g_autofree char *framework_fixture = core_read_fixture ("framework.json", NULL);
  g_autofree char *cell = core_replace_once (framework_fixture, "\"level\" : \"2\"",
                                        "\"level\" : \"nowhere\"");
  struct {
    const char *name;
    const char *text;
    guint       line;
    guint       column;
  } cases[] = {
    { "rating.json", rating, 135, 5 },
    { "level.json", level, 132, 21 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, strlen (cases[i].text));
      g_autoptr(LadderProfile) profile = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = core_make_temp_dir ();
      g_autofree char *path = write_temp_file (dir, cases[i].name, bytes);

      profile = ladder_format_read_profile (cases[i].text, strlen (cases[i].text),
                                            cases[i].name, &error);
      g_assert_null (profile);
      g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_DANGLING);
      assert_error_at (error->message, cases[i].name, cases[i].line, cases[i].column, NULL);

      check_library_refuses (make_file, bytes);
      check_cli_refuses (path, "validate", TRUE, NULL);
      /* Not a framework at all, so import refuses it too. */
      check_cli_refuses (path, "import", TRUE, NULL);

      core_remove_tree (dir);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LadderFramework) framework = NULL;

    framework = ladder_format_read_framework (cell, strlen (cell), "cell.json", &error);
    g_assert_null (framework);
    g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_DANGLING);
    assert_error_at (error->message, "cell.json", 48, 17, NULL);
  }
}

/* Encodings {{{1 */

static void
test_invalid_utf8 (void)
{
  static const char latin[] = "# Title\n\n## Level 1\n- caf\xc3\x28 bad\n";
  g_autoptr(GBytes) markdown = g_bytes_new_static (latin, sizeof latin - 1);
  g_autofree char *fixture = core_read_fixture ("framework.json", NULL);
  g_autofree char *json = core_replace_once (fixture, "Backend Engineering", "Backend \xff Engineering");
  g_autoptr(GBytes) json_bytes = g_bytes_new_static (json, strlen (json));

  check_refused_everywhere (markdown, "latin.md", 4, 6, "UTF-8");
  check_import_refuses (json_bytes, "latin.json", 5, 21, "UTF-8");
  check_read_refuses (json_bytes, "latin.json", 5, 21, "UTF-8");
  check_library_refuses (make_file, json_bytes);
}

static void
test_nul_bytes (void)
{
  static const char markdown[] = "# Title\n\n## Level 1\n- a\0b\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (markdown, sizeof markdown - 1);
  g_autofree char *fixture = core_read_fixture ("framework.json", NULL);
  g_autofree char *json = g_strdup (fixture);
  g_autoptr(GBytes) json_bytes = NULL;

  /* "Backend\0Engineering", the length kept. */
  strstr (json, "Backend Engineering")[7] = '\0';
  json_bytes = g_bytes_new_static (json, strlen (fixture));

  check_refused_everywhere (bytes, "nul.md", 4, 4, "NUL");
  check_import_refuses (json_bytes, "nul.json", 5, 20, NULL);
  check_read_refuses (json_bytes, "nul.json", 5, 20, NULL);
  check_library_refuses (make_file, json_bytes);
}

/* A byte order mark and CRLF line ends are how some editors save: the
 * same framework as without them, and errors in the same places. */
static void
check_same_as_plain (const char *plain,
                     const char *variant,
                     const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) expected = NULL;
  g_autoptr(GObject) got = NULL;
  g_autofree char *expected_json = NULL;
  g_autofree char *got_json = NULL;
  g_autofree char *dir = core_make_temp_dir ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (variant, strlen (variant));
  g_autofree char *path = write_temp_file (dir, name, bytes);
  g_autoptr(CoreRun) imported = NULL;

  expected = G_OBJECT (ladder_import_data (plain, strlen (plain), name, NULL, NULL, &error));
  g_assert_no_error (error);
  got = G_OBJECT (ladder_import_data (variant, strlen (variant), name, NULL, NULL, &error));
  g_assert_no_error (error);
  expected_json = ladder_format_write_framework (LADDER_FRAMEWORK (expected), NULL);
  got_json = ladder_format_write_framework (LADDER_FRAMEWORK (got), NULL);
  g_assert_cmpstr (got_json, ==, expected_json);

  imported = check_cli_accepts (path, "import");
  g_assert_cmpstr (imported->out, !=, "");

  if (g_str_has_suffix (name, ".json"))
    {
      g_autoptr(CoreRun) validated = check_cli_accepts (path, "validate");
      g_autoptr(LadderProfile) profile = NULL;

      g_assert_cmpstr (validated->err, ==, "");
      g_clear_object (&got);
      got = G_OBJECT (ladder_format_read_framework (variant, strlen (variant), name, &error));
      g_assert_no_error (error);
      g_clear_pointer (&got_json, g_free);
      got_json = ladder_format_write_framework (LADDER_FRAMEWORK (got), NULL);
      g_assert_cmpstr (got_json, ==, expected_json);
    }

  core_remove_tree (dir);
}

static char *
to_crlf (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strjoinv ("\r\n", lines);
}

static void
test_bom (void)
{
  g_autofree char *json = core_read_fixture ("framework.json", NULL);
  g_autofree char *markdown = core_read_fixture ("import/level-major.md", NULL);
  g_autofree char *progression = core_read_fixture ("import/progression.md", NULL);
  g_autofree char *json_bom = g_strconcat ("\xef\xbb\xbf", json, NULL);
  g_autofree char *markdown_bom = g_strconcat ("\xef\xbb\xbf", markdown, NULL);
  g_autofree char *progression_bom = g_strconcat ("\xef\xbb\xbf", progression, NULL);
  g_autofree char *broken = g_strconcat ("\xef\xbb\xbf", "{ \"format\": 1 }", NULL);
  g_autoptr(GBytes) broken_bytes = g_bytes_new_static (broken, strlen (broken));

  check_same_as_plain (json, json_bom, "bom.json");
  check_same_as_plain (markdown, markdown_bom, "bom.md");
  check_same_as_plain (progression, progression_bom, "bom-progression.md");
  /* The BOM is no column: the error is at 1:3 as without it. */
  check_read_refuses (broken_bytes, "bom-broken.json", 1, 3, "“format”");
}

static void
test_crlf (void)
{
  g_autofree char *json = core_read_fixture ("framework.json", NULL);
  g_autofree char *markdown = core_read_fixture ("import/level-major.md", NULL);
  g_autofree char *progression = core_read_fixture ("import/progression.md", NULL);
  g_autofree char *json_crlf = to_crlf (json);
  g_autofree char *markdown_crlf = to_crlf (markdown);
  g_autofree char *progression_crlf = to_crlf (progression);
  g_autofree char *broken = core_replace_once (json_crlf, "\"name\" : \"Backend Engineering\"",
                                          "\"name\" : 5");
  g_autoptr(GBytes) broken_bytes = g_bytes_new_static (broken, strlen (broken));

  check_same_as_plain (json, json_crlf, "crlf.json");
  check_same_as_plain (markdown, markdown_crlf, "crlf.md");
  check_same_as_plain (progression, progression_crlf, "crlf-progression.md");
  /* "\r" is no column either. */
  check_read_refuses (broken_bytes, "crlf-broken.json", 5, 3, "“name”");
}

/* Files that are not files {{{1 */

/* Every reader of a path: import and load refuse it with an error naming
 * the file; the library reports it among good files; ladder-cli import
 * and validate print one line about the whole file. */
static void
check_path_refused (const char *path,
                    const char *words)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(LadderProfile) profile = NULL;
  g_autofree char *contents = NULL;
  gint64 start = g_get_monotonic_time ();

  framework = ladder_import_file (file, NULL, NULL, NULL, &error);
  g_assert_null (framework);
  g_assert_nonnull (error);
  if (strstr (error->message, path) == NULL)
    g_error ("“%s” does not name %s", error->message, path);
  g_clear_error (&error);

  g_assert_false (ladder_format_load_contents (file, &contents, NULL, NULL, &error));
  g_assert_null (contents);
  g_assert_nonnull (error);
  if (strstr (error->message, path) == NULL || (words != NULL && strstr (error->message, words) == NULL))
    g_error ("“%s” does not name %s or say “%s”", error->message, path, words);
  g_clear_error (&error);

  framework = ladder_format_load_framework (file, NULL, &error);
  g_assert_null (framework);
  g_assert_nonnull (error);
  g_clear_error (&error);
  profile = ladder_format_load_profile (file, NULL, &error);
  g_assert_null (profile);
  g_assert_nonnull (error);
  assert_quick (start);

  check_cli_refuses (path, "import", FALSE, NULL);
  check_cli_refuses (path, "validate", FALSE, words);
}

static void
make_directory (const char    *path,
                gconstpointer  data)
{
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
}

static void
make_symlink (const char    *path,
              gconstpointer  target)
{
  g_assert_cmpint (symlink (target, path), ==, 0);
}

static void
make_loop (const char    *path,
           gconstpointer  data)
{
  /* A link to itself: ELOOP on every open. */
  g_autofree char *name = g_path_get_basename (path);

  g_assert_cmpint (symlink (name, path), ==, 0);
}

static void
make_fifo (const char    *path,
           gconstpointer  data)
{
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
}

static void
make_sparse (const char    *path,
             gconstpointer  data)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);

  g_assert_cmpint (fd, >=, 0);
  /* 2 GB that take no room on disk and would take long to read. */
  g_assert_cmpint (ftruncate (fd, (off_t) 2 * 1024 * 1024 * 1024), ==, 0);
  g_assert_no_errno (close (fd));
}

static void
test_directory (void)
{
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "folder.json", NULL);

  make_directory (path, NULL);
  check_path_refused (path, "folder");
  check_library_refuses (make_directory, NULL);

  core_remove_tree (dir);
}

/* Tests run as root here, and root reads a file of mode 000, so that
 * cannot prove the error path. A regular file whose reading fails does:
 * /proc/self/mem is one, with nothing mapped at offset 0 (EIO). A user
 * run also tries mode 000. */
static void
test_unreadable (void)
{
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *mem = g_build_filename (dir, "memory.json", NULL);

  make_symlink (mem, "/proc/self/mem");
  check_path_refused (mem, "Could not read");
  check_library_refuses (make_symlink, "/proc/self/mem");

  if (getuid () != 0)
    {
      g_autofree char *locked = g_build_filename (dir, "locked.json", NULL);
      g_autofree char *fixture = core_read_fixture ("framework.json", NULL);

      g_assert_true (g_file_set_contents (locked, fixture, -1, NULL));
      g_assert_no_errno (g_chmod (locked, 0));
      check_path_refused (locked, "Could not read");
      g_assert_no_errno (g_chmod (locked, 0600));
    }

  core_remove_tree (dir);
}

static void
test_dangling_symlink (void)
{
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "gone.json", NULL);

  make_symlink (path, "/nonexistent/ladder/framework.json");
  check_path_refused (path, "link");
  check_library_refuses (make_symlink, "/nonexistent/ladder/framework.json");

  core_remove_tree (dir);
}

static void
test_symlink_loop (void)
{
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "loop.json", NULL);

  make_loop (path, NULL);
  check_path_refused (path, "link");
  check_library_refuses (make_loop, NULL);

  core_remove_tree (dir);
}

static void
test_dev_zero (void)
{
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "zero.json", NULL);

  /* Endless: only refusing it unread can finish. */
  check_path_refused ("/dev/zero", "not a regular file");
  make_symlink (path, "/dev/zero");
  check_path_refused (path, "not a regular file");
  check_library_refuses (make_symlink, "/dev/zero");

  core_remove_tree (dir);
}

static void
test_fifo (void)
{
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "pipe.json", NULL);

  /* Opening a FIFO with no writer would block for ever. */
  make_fifo (path, NULL);
  check_path_refused (path, "not a regular file");
  check_library_refuses (make_fifo, NULL);

  core_remove_tree (dir);
}

static void
test_sparse_2gb (void)
{
  g_autofree char *dir = core_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "sparse.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  g_autofree char *contents = NULL;
  gint64 start;

  make_sparse (path, NULL);

  /* Refused from its size alone: reading 2 GB would take seconds. */
  start = g_get_monotonic_time ();
  g_assert_false (ladder_format_load_contents (file, &contents, NULL, NULL, &error));
  g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "64 MB"));
  g_clear_error (&error);
  framework = ladder_import_file (file, NULL, NULL, NULL, &error);
  g_assert_null (framework);
  g_assert_error (error, LADDER_IMPORT_ERROR, LADDER_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "64 MiB"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  check_path_refused (path, "64 MB");
  check_library_refuses (make_sparse, NULL);

  core_remove_tree (dir);
}

/* Text is only data {{{1 */

#define HOSTILE_NAME "Eng %s%n%x <b>x</b> & y"
#define HOSTILE_TEXT "Reads ../../etc/passwd and %s%n%x, <b>x</b> & y"

/* Text that looks like a format string, Pango markup or a path is kept as
 * it is: never expanded, never rendered, never followed. */
static void
test_text_is_data (void)
{
  static const char markdown[] =
    "# Eng %s%n%x & y\n"
    "\n"
    "## Level 1\n"
    "\n"
    "### %s Craft & care\n"
    "\n"
    "- Reads ../../etc/passwd and %s%n%x & y\n"
    "- Writes %d%d%d%d%d%d%d%d%d%n &amp; &lt;i&gt;\n";
  g_autofree char *fixture = core_read_fixture ("framework.json", NULL);
  g_autofree char *renamed = core_replace_once (fixture, "\"Backend Engineering\"",
                                           "\"" HOSTILE_NAME "\"");
  g_autofree char *hostile = core_replace_once (renamed, "\"Writes clear, tested code.\"",
                                           "\"" HOSTILE_TEXT "\"");
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(LadderFramework) again = NULL;
  g_autoptr(LadderFramework) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  g_autofree char *dir = core_make_temp_dir ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (hostile, strlen (hostile));
  g_autoptr(GBytes) markdown_bytes = g_bytes_new_static (markdown, sizeof markdown - 1);
  g_autofree char *path = write_temp_file (dir, "%s%n.json", bytes);
  g_autofree char *markdown_path = write_temp_file (dir, "%s%n.md", markdown_bytes);
  g_autoptr(CoreRun) result = NULL;
  gsize length;

  framework = ladder_format_read_framework (hostile, strlen (hostile), "%s%n.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ladder_framework_get_name (framework), ==, HOSTILE_NAME);
  g_assert_cmpstr (ladder_behaviour_get_text (ladder_framework_find_behaviour (framework,
                                                                                "1-mastery-1")),
                   ==, HOSTILE_TEXT);

  /* Written and read back: the same text, and the same bytes again. */
  json = ladder_format_write_framework (framework, &length);
  again = ladder_format_read_framework (json, length, "%s%n.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ladder_framework_get_name (again), ==, HOSTILE_NAME);
  json_again = ladder_format_write_framework (again, NULL);
  g_assert_cmpstr (json_again, ==, json);

  /* The same through ladder-cli, file name and all. */
  result = check_cli_accepts (path, "validate");
  g_assert_cmpstr (result->err, ==, "");
  g_clear_pointer (&result, core_run_free);
  result = check_cli_accepts (path, "import");
  g_assert_nonnull (strstr (result->out, "\"" HOSTILE_NAME "\""));
  g_assert_nonnull (strstr (result->out, "\"" HOSTILE_TEXT "\""));
  g_clear_pointer (&result, core_run_free);

  /* Imported from Markdown: the words as written. */
  imported = ladder_import_data (markdown, sizeof markdown - 1, "%s%n.md", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ladder_framework_get_name (imported), ==, "Eng %s%n%x & y");
  {
    GListModel *behaviours = ladder_framework_get_behaviours (imported);
    g_autoptr(LadderBehaviour) first = g_list_model_get_item (behaviours, 0);
    g_autoptr(LadderBehaviour) second = g_list_model_get_item (behaviours, 1);
    g_autoptr(LadderCategory) category = g_list_model_get_item (
      ladder_framework_get_categories (imported), 0);

    g_assert_cmpuint (g_list_model_get_n_items (behaviours), ==, 2);
    g_assert_cmpstr (ladder_behaviour_get_text (first), ==,
                     "Reads ../../etc/passwd and %s%n%x & y");
    /* Markdown's entities are its way to write "&" and "<": read as
     * the characters they stand for, which stay text. */
    g_assert_cmpstr (ladder_behaviour_get_text (second), ==,
                     "Writes %d%d%d%d%d%d%d%d%d%n & <i>");
    g_assert_cmpstr (ladder_category_get_name (category), ==, "%s Craft & care");
  }
  result = check_cli_accepts (markdown_path, "import");
  g_assert_nonnull (strstr (result->out, "\"Reads ../../etc/passwd and %s%n%x & y\""));
  g_clear_pointer (&result, core_run_free);

  /* An error about a file named like a format string names it as it is. */
  {
    g_autoptr(GBytes) broken = g_bytes_new_static ("{ \"format\": [] }", 16);
    g_autofree char *broken_path = write_temp_file (dir, "%n%n%s.json", broken);

    check_cli_refuses (broken_path, "validate", TRUE, "“format”");
    check_cli_refuses (broken_path, "import", TRUE, "“format”");
  }

  core_remove_tree (dir);
}

/* Links {{{1 */

static void
test_uri_is_safe (void)
{
  static const char * const safe[] = {
    "https://example.com/",
    "http://example.com/levels?x=1#y",
    "HTTPS://x",
    "Http://Example.COM",
    "mailto:someone@example.com",
    "MAILTO:someone@example.com?subject=Review",
    "https://de.wikipedia.org/wiki/Zürich",
    "mailto:zoë@example.com",
    "https://例え.jp/",
  };
  static const char * const unsafe[] = {
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "file:///etc/passwd",
    "FILE:///etc/passwd",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox",
    "ftp://example.com/",
    "smb://server/share",
    "ssh://host",
    "../../etc/passwd",
    "/etc/passwd",
    "//example.com/path",
    "example.com",
    "https:",
    "https:///path",
    "http://exa mple.com/",
    "https://example.com/\n",
    "mailto:",
    "",
    "\xff\xfe",
    /* Characters that hide what a link is, or that no URI holds. */
    "https://example.com/\u202Eevil",
    "https://example.com/\u200Bzero-width",
    "https://example.com/\u2028line",
    "https://example.com/\u00A0space",
    "https://example.com/\"q\"",
    "https://example.com/\\x",
    "https://example.com/<b>",
    "https://example.com/{x}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (safe); i++)
    {
      if (!ladder_uri_is_safe (safe[i]))
        g_error ("“%s” should be safe", safe[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (unsafe); i++)
    {
      if (ladder_uri_is_safe (unsafe[i]))
        g_error ("“%s” should not be safe", unsafe[i]);
    }
  g_assert_false (ladder_uri_is_safe (NULL));
}

/* Where ladder-cli validate says a link is: its opening quote, the column
 * in characters, a byte order mark not counted (as in errors), deleted
 * entries and what is not a string left out. */
static void
test_unsafe_link_positions (void)
{
  const char *data = "\xEF\xBB\xBF{\"format\": \"ladder-profile\", \"evidence\": [\n"
                     "  {\"id\": \"a\", \"links\": [\"https://example.com\", \"javascript:\\u0061lert(1)\"]},\n"
                     "  {\"id\": \"b\", \"deleted\": true, \"links\": [\"file:///etc/passwd\"]},\n"
                     "  {\"id\": \"c\", \"links\": [42, \"é\", \"data:,x\"]}]}\n";
  static const char * const not_profiles[] = {
    "",
    "{",
    "[\"javascript:alert(1)\"]",
    "{\"evidence\": {\"links\": [\"javascript:alert(1)\"]}}",
    "{\"evidence\": [[\"javascript:alert(1)\"]]}",
  };
  g_auto(GStrv) warnings = ladder_format_list_unsafe_links (data, strlen (data), "p.json");

  g_assert_cmpuint (g_strv_length (warnings), ==, 3);
  g_assert_true (g_str_has_prefix (warnings[0], "p.json:2:48: "));
  g_assert_nonnull (strstr (warnings[0], "“javascript:”"));
  g_assert_true (g_str_has_prefix (warnings[1], "p.json:4:29: "));
  g_assert_true (g_str_has_prefix (warnings[2], "p.json:4:34: "));
  g_assert_nonnull (strstr (warnings[2], "“data:”"));
  g_clear_pointer (&warnings, g_strfreev);

  warnings = ladder_format_list_unsafe_links (data + 3, strlen (data + 3), NULL);
  g_assert_cmpuint (g_strv_length (warnings), ==, 3);
  g_assert_true (g_str_has_prefix (warnings[0], "<data>:2:48: "));
  g_clear_pointer (&warnings, g_strfreev);

  for (gsize i = 0; i < G_N_ELEMENTS (not_profiles); i++)
    {
      warnings = ladder_format_list_unsafe_links (not_profiles[i], strlen (not_profiles[i]), "x");
      g_assert_cmpuint (g_strv_length (warnings), ==, 0);
      g_clear_pointer (&warnings, g_strfreev);
    }
}

/* Inputs the fuzzers found {{{1 */

/* Every input under tests/fuzz/regressions/TARGET/ once broke a reader:
 * each must now give a result or an error naming the input, quickly. */
static void
test_fuzz_regressions (void)
{
  static const char * const targets[] = { "import-text", "import-markdown", "framework",
                                          "profile" };
  guint n_inputs = 0;

  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions",
                                                       targets[t], NULL);
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      if (dir == NULL)
        continue;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_autofree char *contents = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(GObject) object = NULL;
          gsize length;
          gint64 start = g_get_monotonic_time ();

          g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
          g_test_message ("%s/%s", targets[t], name);

          if (t == 0 || t == 1)
            {
              LadderImportOptions options = { 0 };

              options.format = t == 0 ? LADDER_IMPORT_FORMAT_TEXT : LADDER_IMPORT_FORMAT_MARKDOWN;
              object = G_OBJECT (ladder_import_data (contents, length, "input", &options,
                                                     NULL, &error));
              if (object == NULL && t == 1)
                {
                  g_clear_error (&error);
                  options.format = LADDER_IMPORT_FORMAT_PROGRESSION;
                  object = G_OBJECT (ladder_import_data (contents, length, "input", &options,
                                                         NULL, &error));
                }
            }
          else if (t == 2)
            object = G_OBJECT (ladder_format_read_framework (contents, length, "input", &error));
          else
            object = G_OBJECT (ladder_format_read_profile (contents, length, "input", &error));

          g_assert_true ((object == NULL) != (error == NULL));
          if (error != NULL)
            assert_error_at (error->message, "input", 0, 0, NULL);

          /* What a loader accepts, it writes back in a form it accepts
           * again: else the next save would lose the file. */
          if (object != NULL && t >= 2)
            {
              g_autofree char *written = NULL;
              g_autoptr(GObject) again = NULL;
              gsize written_length = 0;

              if (t == 2)
                written = ladder_format_write_framework (LADDER_FRAMEWORK (object), &written_length);
              else
                written = ladder_format_write_profile (LADDER_PROFILE (object), &written_length);

              if (t == 2)
                again = G_OBJECT (ladder_format_read_framework (written, written_length,
                                                                "rewritten", &error));
              else
                again = G_OBJECT (ladder_format_read_profile (written, written_length,
                                                              "rewritten", &error));
              g_assert_no_error (error);
              g_assert_nonnull (again);
            }
          assert_quick (start);
          n_inputs++;
        }
    }

  g_test_message ("%u inputs replayed", n_inputs);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ladder/hostile/yaml/alias-bomb", test_yaml_alias_bomb);
  g_test_add_func ("/ladder/hostile/yaml/alias-cycle", test_yaml_alias_cycle);
  g_test_add_func ("/ladder/hostile/yaml/deep-nesting", test_yaml_deep_nesting);
  g_test_add_func ("/ladder/hostile/yaml/huge-scalar", test_yaml_huge_scalar);
  g_test_add_func ("/ladder/hostile/yaml/unknown-tags", test_yaml_unknown_tags);
  g_test_add_func ("/ladder/hostile/json/deep-nesting", test_json_deep_nesting);
  g_test_add_func ("/ladder/hostile/json/wrong-types", test_json_wrong_types);
  g_test_add_func ("/ladder/hostile/json/out-of-range", test_json_out_of_range);
  g_test_add_func ("/ladder/hostile/json/duplicate-members", test_json_duplicate_members);
  g_test_add_func ("/ladder/hostile/json/dangling-ids", test_json_dangling_ids);
  g_test_add_func ("/ladder/hostile/encoding/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/ladder/hostile/encoding/nul-bytes", test_nul_bytes);
  g_test_add_func ("/ladder/hostile/encoding/bom", test_bom);
  g_test_add_func ("/ladder/hostile/encoding/crlf", test_crlf);
  g_test_add_func ("/ladder/hostile/file/directory", test_directory);
  g_test_add_func ("/ladder/hostile/file/unreadable", test_unreadable);
  g_test_add_func ("/ladder/hostile/file/dangling-symlink", test_dangling_symlink);
  g_test_add_func ("/ladder/hostile/file/symlink-loop", test_symlink_loop);
  g_test_add_func ("/ladder/hostile/file/dev-zero", test_dev_zero);
  g_test_add_func ("/ladder/hostile/file/fifo", test_fifo);
  g_test_add_func ("/ladder/hostile/file/sparse-2gb", test_sparse_2gb);
  g_test_add_func ("/ladder/hostile/text-is-data", test_text_is_data);
  g_test_add_func ("/ladder/hostile/uri-is-safe", test_uri_is_safe);
  g_test_add_func ("/ladder/hostile/unsafe-link-positions", test_unsafe_link_positions);
  g_test_add_func ("/ladder/hostile/fuzz-regressions", test_fuzz_regressions);

  return g_test_run ();
}
