/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ladder's file types, as the desktop sees them: the shared-mime-info
 * file the build installs, compiled by update-mime-database into a data
 * folder of the test's own, tells Ladder's profiles and frameworks from
 * other JSON by their content, as Files does; and the desktop file claims
 * exactly those types, not every JSON file.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

static char *data_home;

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static char *
read_fixture (const char *name)
{
  return read_file (g_test_get_filename (G_TEST_DIST, "fixtures", name, NULL));
}

/* The type Files gives @contents, named @name (NULL: by content alone). */
static char *
guess (const char *name,
       const char *contents)
{
  return g_content_type_guess (name, (const guchar *) contents, strlen (contents), NULL);
}

static void
assert_type (const char *name,
             const char *contents,
             const char *expected)
{
  g_autofree char *type = guess (name, contents);

  g_assert_cmpstr (type, ==, expected);
}

static void
test_mime_profile (void)
{
  g_autofree char *profile = read_fixture ("profile.json");

  assert_type ("Alex Doe.json", profile, "application/x-ladder-profile");
  assert_type (NULL, profile, "application/x-ladder-profile");
  /* Written without a blank, as another program may: the framework it
   * embeds comes early, and still the profile wins. */
  assert_type ("compact.json",
               "{\"format\":\"ladder-profile\",\"version\":1,\"id\":\"x\",\"name\":\"A\","
               "\"framework\":{\"format\":\"ladder-framework\",\"version\":1}}",
               "application/x-ladder-profile");
  g_assert_true (g_content_type_is_a ("application/x-ladder-profile", "application/json"));
}

static void
test_mime_framework (void)
{
  g_autofree char *framework = read_fixture ("framework.json");

  assert_type ("acme.json", framework, "application/x-ladder-framework");
  assert_type (NULL, framework, "application/x-ladder-framework");
  assert_type ("acme.json", "\xEF\xBB\xBF{ \"format\": \"ladder-framework\", \"version\": 1 }",
               "application/x-ladder-framework");
  g_assert_true (g_content_type_is_a ("application/x-ladder-framework", "application/json"));
}

/* Other JSON stays JSON, even when it names Ladder's formats somewhere
 * other than its own "format". */
static void
test_mime_other_json (void)
{
  assert_type ("package.json", "{ \"name\": \"ladder-profile\", \"version\": \"1.0\" }",
               "application/json");
  assert_type ("other.json", "{ \"format\": \"geojson\", \"features\": [] }", "application/json");
  assert_type ("notes.json", "{ \"format\": \"notes\", \"kind\": \"ladder-profile\" }",
               "application/json");
}

typedef struct
{
  GPtrArray *types;
} MimeTypes;

static void
mime_start_element (GMarkupParseContext  *context,
                    const char           *element,
                    const char          **names,
                    const char          **values,
                    gpointer              user_data,
                    GError              **error)
{
  MimeTypes *types = user_data;

  if (!g_str_equal (element, "mime-type"))
    return;
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "type"))
        g_ptr_array_add (types->types, g_strdup (values[i]));
    }
}

/* The desktop file claims the types the mime file defines, and only
 * those: no longer every JSON file. */
static void
test_mime_desktop_file (void)
{
  const GMarkupParser parser = { .start_element = mime_start_element };
  g_autofree char *xml = read_file (g_getenv ("LADDER_MIME_FILE"));
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GKeyFile) desktop = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) claimed = NULL;
  g_auto(GStrv) actions = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *main_exec = NULL;
  MimeTypes types = { g_ptr_array_new_with_free_func (g_free) };

  context = g_markup_parse_context_new (&parser, 0, &types, NULL);
  g_markup_parse_context_parse (context, xml, -1, &error);
  g_assert_no_error (error);
  g_ptr_array_sort_values (types.types, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (types.types, NULL);

  g_key_file_load_from_file (desktop, g_getenv ("LADDER_DESKTOP_FILE"), G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  claimed = g_key_file_get_string_list (desktop, G_KEY_FILE_DESKTOP_GROUP,
                                        G_KEY_FILE_DESKTOP_KEY_MIME_TYPE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (claimed, ((const char * const []) { "application/x-ladder-profile",
                                                        "application/x-ladder-framework", NULL }));
  g_assert_cmpstrv (types.types->pdata, ((const char * const []) { "application/x-ladder-framework",
                                                                   "application/x-ladder-profile", NULL }));

  /* Log a Win, in the app icon's menu. */
  actions = g_key_file_get_string_list (desktop, G_KEY_FILE_DESKTOP_GROUP,
                                        G_KEY_FILE_DESKTOP_KEY_ACTIONS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (actions, ((const char * const []) { "log-win", NULL }));
  exec = g_key_file_get_string (desktop, "Desktop Action log-win", "Exec", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exec, ==, "ladder --log-win");
  main_exec = g_key_file_get_string (desktop, G_KEY_FILE_DESKTOP_GROUP, "Exec", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (main_exec, ==, "ladder %U");

  g_ptr_array_unref (types.types);
}

/* The mime file as the build made it, compiled into a data folder of
 * this test, in front of the system's (which knows JSON). */
static void
install_mime_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *packages = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *xml = read_file (g_getenv ("LADDER_MIME_FILE"));
  g_autofree char *err = NULL;
  const char *system_dirs = g_getenv ("XDG_DATA_DIRS");
  int status;

  data_home = g_dir_make_tmp ("ladder-mime-XXXXXX", &error);
  g_assert_no_error (error);
  mime = g_build_filename (data_home, "mime", NULL);
  packages = g_build_filename (mime, "packages", NULL);
  copy = g_build_filename (packages, "ladder.xml", NULL);
  g_assert_no_errno (g_mkdir_with_parents (packages, 0700));
  g_file_set_contents (copy, xml, -1, &error);
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char *[]) { (char *) g_getenv ("UPDATE_MIME_DATABASE"), mime, NULL }, NULL,
                G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("update-mime-database failed: %s", err);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  if (system_dirs == NULL || *system_dirs == '\0')
    g_setenv ("XDG_DATA_DIRS", "/usr/local/share:/usr/share", TRUE);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL)
    {
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) || child == NULL)
        break;
      remove_tree (child);
    }
  g_file_delete (file, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) home = NULL;
  int status;

  install_mime_file ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ladder/mime/profile", test_mime_profile);
  g_test_add_func ("/ladder/mime/framework", test_mime_framework);
  g_test_add_func ("/ladder/mime/other-json", test_mime_other_json);
  g_test_add_func ("/ladder/mime/desktop-file", test_mime_desktop_file);

  status = g_test_run ();

  home = g_file_new_for_path (data_home);
  remove_tree (home);
  g_free (data_home);

  return status;
}
