/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Flatpak manifest: valid JSON that names the app id, the command, the
 * GNOME runtime and SDK of the release Ladder targets, and the sandbox's
 * permissions, no wider than the app needs. Files come and go through the
 * portals, so no filesystem, network or bus permission belongs here.
 */

#include "config.h"

#include <json-glib/json-glib.h>

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ladder/manifest/valid", test_manifest_valid);
  g_test_add_func ("/ladder/manifest/refuses-wider", test_manifest_refuses_wider);

  return g_test_run ();
}
