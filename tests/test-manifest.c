/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Flatpak manifest: valid JSON that names the app id, the command, the
 * GNOME runtime and SDK of the release Ladder targets, and the sandbox's
 * permissions, no wider than the app needs. Files come and go through the
 * portals, so no filesystem, network or bus permission belongs here. The
 * libraries the runtime lacks are modules whose sources are pinned: an https
 * archive with its sha256, or a git tag with its commit.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

/* Exactly these, in any order. */
static const char * const allowed_finish_args[] = {
  "--share=ipc",
  "--socket=wayland",
  "--socket=fallback-x11",
  "--device=dri",
};

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
is_hex_of_length (const char *text,
                  gsize       length)
{
  if (text == NULL || strlen (text) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isxdigit (text[i]) || g_ascii_isupper (text[i]))
      return FALSE;
  return TRUE;
}

/* NULL when each source of a library module is pinned the way Flathub
 * builds it again and again: an https archive or file with its sha256, or
 * a git repository at a tag and its commit. */
static char *
check_library_module (JsonObject *module)
{
  const char *name = get_string_member (module, "name");
  JsonArray *sources;

  if (name == NULL)
    return g_strdup ("a module has no name");
  if (!json_object_has_member (module, "sources") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (module, "sources")) ||
      json_array_get_length (json_object_get_array_member (module, "sources")) == 0)
    return g_strdup_printf ("module “%s” has no sources", name);
  sources = json_object_get_array_member (module, "sources");

  for (guint i = 0; i < json_array_get_length (sources); i++)
    {
      JsonObject *source;
      const char *type;
      const char *url;

      if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (sources, i)))
        return g_strdup_printf ("a source of module “%s” is not an object", name);
      source = json_array_get_object_element (sources, i);
      type = get_string_member (source, "type");
      url = get_string_member (source, "url");

      if (g_strcmp0 (type, "archive") == 0 || g_strcmp0 (type, "file") == 0)
        {
          if (url == NULL || !g_str_has_prefix (url, "https://"))
            return g_strdup_printf ("module “%s” does not download over https", name);
          if (!is_hex_of_length (get_string_member (source, "sha256"), 64))
            return g_strdup_printf ("module “%s” has no sha256", name);
        }
      else if (g_strcmp0 (type, "git") == 0)
        {
          if (url == NULL || !g_str_has_prefix (url, "https://"))
            return g_strdup_printf ("module “%s” does not clone over https", name);
          if (get_string_member (source, "tag") == NULL ||
              !is_hex_of_length (get_string_member (source, "commit"), 40))
            return g_strdup_printf ("module “%s” is not pinned by tag and commit", name);
        }
      else if (g_strcmp0 (type, "patch") != 0)
        {
          return g_strdup_printf ("module “%s” has a source of type “%s”", name, type ? type : "(none)");
        }
    }

  return NULL;
}

/* NULL when @manifest is right, else what is wrong with it. */
static char *
check_manifest (JsonNode   *manifest,
                const char *app_id)
{
  JsonObject *object;
  JsonArray *finish_args;
  JsonArray *modules;
  JsonObject *app_module;
  const struct { const char *member; const char *value; } expected[] = {
    { "id", app_id },
    { "command", "ladder" },
    { "runtime", "org.gnome.Platform" },
    { "runtime-version", "51" },
    { "sdk", "org.gnome.Sdk" },
  };
  gboolean seen[G_N_ELEMENTS (allowed_finish_args)] = { FALSE, };

  if (!JSON_NODE_HOLDS_OBJECT (manifest))
    return g_strdup ("the manifest is not a JSON object");
  object = json_node_get_object (manifest);

  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    if (g_strcmp0 (get_string_member (object, expected[i].member), expected[i].value) != 0)
      return g_strdup_printf ("“%s” is not “%s”", expected[i].member, expected[i].value);

  if (!json_object_has_member (object, "finish-args") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "finish-args")))
    return g_strdup ("no finish-args");
  finish_args = json_object_get_array_member (object, "finish-args");

  for (guint i = 0; i < json_array_get_length (finish_args); i++)
    {
      JsonNode *node = json_array_get_element (finish_args, i);
      const char *arg = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
      gboolean allowed = FALSE;

      for (gsize j = 0; arg != NULL && j < G_N_ELEMENTS (allowed_finish_args); j++)
        if (g_str_equal (arg, allowed_finish_args[j]))
          {
            if (seen[j])
              return g_strdup_printf ("finish-arg “%s” is given twice", arg);
            seen[j] = allowed = TRUE;
          }

      if (!allowed)
        return g_strdup_printf ("finish-arg “%s” is wider than the app needs", arg ? arg : "(not a string)");
    }

  for (gsize j = 0; j < G_N_ELEMENTS (allowed_finish_args); j++)
    if (!seen[j])
      return g_strdup_printf ("finish-arg “%s” is missing", allowed_finish_args[j]);

  /* The last module is the app, built with meson. */
  if (!json_object_has_member (object, "modules") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "modules")))
    return g_strdup ("no modules");
  modules = json_object_get_array_member (object, "modules");
  if (json_array_get_length (modules) == 0 ||
      !JSON_NODE_HOLDS_OBJECT (json_array_get_element (modules, json_array_get_length (modules) - 1)))
    return g_strdup ("no app module");
  app_module = json_array_get_object_element (modules, json_array_get_length (modules) - 1);
  if (g_strcmp0 (get_string_member (app_module, "buildsystem"), "meson") != 0)
    return g_strdup ("the app module is not built with meson");

  for (guint i = 0; i + 1 < json_array_get_length (modules); i++)
    {
      char *problem;

      if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (modules, i)))
        return g_strdup ("a module is not an object");
      problem = check_library_module (json_array_get_object_element (modules, i));
      if (problem != NULL)
        return problem;
    }

  return NULL;
}

static JsonNode *
load_manifest (void)
{
  const char *path = g_getenv ("LADDER_FLATPAK_MANIFEST");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (path);
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static void
test_manifest_valid (void)
{
  g_autoptr(JsonNode) manifest = load_manifest ();
  g_autofree char *problem = check_manifest (manifest, g_getenv ("LADDER_BASE_APP_ID"));
  g_autofree char *basename = g_path_get_basename (g_getenv ("LADDER_FLATPAK_MANIFEST"));
  g_autofree char *expected_basename = g_strconcat (g_getenv ("LADDER_BASE_APP_ID"), ".json", NULL);

  g_assert_cmpstr (problem, ==, NULL);
  g_assert_cmpstr (basename, ==, expected_basename);
}

/* The check itself: each way of widening or breaking the manifest is
 * caught, with what is wrong. */
static void
test_manifest_refuses_wider (void)
{
  const struct { const char *json_edit; const char *problem; } cases[] = {
    { "--share=network", "finish-arg “--share=network” is wider than the app needs" },
    { "--filesystem=home", "finish-arg “--filesystem=home” is wider than the app needs" },
    { "--filesystem=host", "finish-arg “--filesystem=host” is wider than the app needs" },
    { "--socket=x11", "finish-arg “--socket=x11” is wider than the app needs" },
    { "--device=all", "finish-arg “--device=all” is wider than the app needs" },
    { "--talk-name=org.freedesktop.Flatpak", "finish-arg “--talk-name=org.freedesktop.Flatpak” is wider than the app needs" },
    { "--share=ipc", "finish-arg “--share=ipc” is given twice" },
  };
  const char *app_id = g_getenv ("LADDER_BASE_APP_ID");

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) manifest = load_manifest ();
      JsonArray *args = json_object_get_array_member (json_node_get_object (manifest), "finish-args");
      g_autofree char *problem = NULL;

      json_array_add_string_element (args, cases[i].json_edit);
      problem = check_manifest (manifest, app_id);
      g_assert_cmpstr (problem, ==, cases[i].problem);
    }

  {
    g_autoptr(JsonNode) manifest = load_manifest ();
    g_autofree char *problem = NULL;

    json_array_remove_element (json_object_get_array_member (json_node_get_object (manifest), "finish-args"), 1);
    problem = check_manifest (manifest, app_id);
    g_assert_cmpstr (problem, ==, "finish-arg “--socket=wayland” is missing");
  }

  {
    g_autoptr(JsonNode) manifest = load_manifest ();
    g_autofree char *problem = NULL;

    json_object_set_string_member (json_node_get_object (manifest), "runtime-version", "50");
    problem = check_manifest (manifest, app_id);
    g_assert_cmpstr (problem, ==, "“runtime-version” is not “51”");
  }

  {
    g_autoptr(JsonNode) manifest = load_manifest ();
    g_autofree char *problem = NULL;

    json_object_set_string_member (json_node_get_object (manifest), "id", "org.example.Other");
    problem = check_manifest (manifest, app_id);
    g_assert_cmpstr (problem, ==, "“id” is not “io.github.ladderapp.Ladder”");
  }
}

/* The libraries the runtime lacks are modules, and each is pinned. */
static JsonObject *
find_module (JsonNode   *manifest,
             const char *name)
{
  JsonArray *modules = json_object_get_array_member (json_node_get_object (manifest), "modules");

  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      JsonObject *module = json_array_get_object_element (modules, i);

      if (g_strcmp0 (get_string_member (module, "name"), name) == 0)
        return module;
    }

  return NULL;
}

/* Asserts that check_manifest() says “module “NAME” WHAT”. */
static void
assert_problem (JsonNode   *manifest,
                const char *module_name,
                const char *what)
{
  g_autofree char *problem = check_manifest (manifest, g_getenv ("LADDER_BASE_APP_ID"));
  g_autofree char *expected = g_strdup_printf ("module “%s” %s", module_name, what);

  g_assert_cmpstr (problem, ==, expected);
}

static void
test_manifest_pins_libraries (void)
{
  const char * const libraries[] = { "libyaml", "md4c" };

  for (gsize i = 0; i < G_N_ELEMENTS (libraries); i++)
    {
      g_autoptr(JsonNode) manifest = load_manifest ();
      JsonObject *module = find_module (manifest, libraries[i]);
      JsonObject *source;

      g_assert_nonnull (module);
      source = json_array_get_object_element (json_object_get_array_member (module, "sources"), 0);

      json_object_remove_member (source, "sha256");
      assert_problem (manifest, libraries[i], "has no sha256");

      json_object_set_string_member (source, "sha256", "0123");
      assert_problem (manifest, libraries[i], "has no sha256");

      json_object_set_string_member (source, "url", "http://example.org/x.tar.gz");
      assert_problem (manifest, libraries[i], "does not download over https");

      json_object_set_string_member (source, "type", "git");
      json_object_set_string_member (source, "url", "https://example.org/x.git");
      json_object_set_string_member (source, "branch", "main");
      assert_problem (manifest, libraries[i], "is not pinned by tag and commit");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ladder/manifest/valid", test_manifest_valid);
  g_test_add_func ("/ladder/manifest/refuses-wider", test_manifest_refuses_wider);
  g_test_add_func ("/ladder/manifest/pins-libraries", test_manifest_pins_libraries);

  return g_test_run ();
}
