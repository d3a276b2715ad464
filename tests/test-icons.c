/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every icon the app names exists: in the icon theme the app runs with
 * (Adwaita, and libadwaita's own icons) or in the app's resources. GTK
 * draws a missing icon as a broken image without a warning, so a name
 * that a newer icon theme dropped would otherwise go unnoticed.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "ui-helpers.h"

/* An icon name as the templates set it ("icon-name", "start-icon-name",
 * …) and as the code passes it (a string literal ending in -symbolic, or
 * given to a function whose name ends in icon_name). */
static const char * const patterns[] = {
  "<property name=\"[a-z-]*icon-name\"[^>]*>([^<]+)</property>",
  "\"([a-z0-9.-]+-symbolic)\"",
  "icon_name \\([^\"()]*\"([^\"]+)\"",
};

/* The system's data folders as the app sees them: the test's own
 * isolated folders hide the installed icon themes. */
static char **system_data_dirs;

static void
collect_names (const char *path,
               GHashTable *names)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  for (guint p = 0; p < G_N_ELEMENTS (patterns); p++)
    {
      g_autoptr(GRegex) regex = g_regex_new (patterns[p], G_REGEX_DEFAULT, G_REGEX_MATCH_DEFAULT, &error);
      g_autoptr(GMatchInfo) match = NULL;

      g_assert_no_error (error);
      g_regex_match (regex, contents, G_REGEX_MATCH_DEFAULT, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *name = g_match_info_fetch (match, 1);
          g_autofree char *basename = g_path_get_basename (path);

          g_hash_table_insert (names, g_steal_pointer (&name), g_steal_pointer (&basename));
        }
    }
}

static void
test_icons_exist (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  const char *folder = g_test_get_filename (G_TEST_DIST, "..", "src", "ui", NULL);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  GHashTableIter iter;
  const char *name, *file;

  for (guint i = 0; system_data_dirs[i] != NULL; i++)
    {
      g_autofree char *icons = g_build_filename (system_data_dirs[i], "icons", NULL);

      gtk_icon_theme_add_search_path (theme, icons);
    }
  /* Where the application finds its own icons. */
  gtk_icon_theme_add_resource_path (theme, RESOURCE_PREFIX "/icons");

  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_str_has_suffix (name, ".ui") || g_str_has_suffix (name, ".c"))
        collect_names (path, names);
    }

  /* The walk finds what it should: names from templates and from code. */
  g_assert_true (g_hash_table_contains (names, "open-menu-symbolic"));
  g_assert_true (g_hash_table_contains (names, "user-trash-symbolic"));
  g_assert_false (gtk_icon_theme_has_icon (theme, "ladder-no-such-icon-symbolic"));

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, (gpointer *) &file))
    {
      if (!gtk_icon_theme_has_icon (theme, name))
        g_string_append_printf (missing, "%s%s (%s)", missing->len > 0 ? ", " : "", name, file);
    }

  if (missing->len > 0)
    g_test_fail_printf ("Icons not in the theme “%s” nor the app’s resources: %s",
                        gtk_icon_theme_get_theme_name (theme), missing->str);
}

int
main (int   argc,
      char *argv[])
{
  const char *dirs = g_getenv ("XDG_DATA_DIRS");
  int status;

  /* The XDG Base Directory default when unset. */
  system_data_dirs = g_strsplit (dirs != NULL && *dirs != '\0' ? dirs : "/usr/local/share:/usr/share",
                                 G_SEARCHPATH_SEPARATOR_S, -1);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/icons/exist", test_icons_exist);

  status = g_test_run ();
  g_strfreev (system_data_dirs);

  return status;
}
