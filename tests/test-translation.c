/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ladder-cli under German: the catalog built from po/de.po is found and
 * used, plural forms included, and English stays English.
 */

#include "config.h"

#include <locale.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "core-helpers.h"

/* A UTF-8 locale that this system has. LANGUAGE picks the translation;
 * gettext only ignores it under the plain C locale. */
static const char *
utf8_locale (void)
{
  const char *candidates[] = { "de_DE.UTF-8", "en_US.UTF-8", "C.UTF-8" };
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  for (gsize i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (setlocale (LC_ALL, candidates[i]) != NULL)
      {
        setlocale (LC_ALL, saved);
        return candidates[i];
      }

  g_error ("No UTF-8 locale is available (tried de_DE.UTF-8, en_US.UTF-8, C.UTF-8)");
}

/* Runs ladder-cli in @language, or in none (English) when it is NULL. */
static GSubprocessLauncher *
launcher_in_language (const char *language)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (0);

  g_subprocess_launcher_unsetenv (launcher, "LC_MESSAGES");
  g_subprocess_launcher_unsetenv (launcher, "LANG");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", utf8_locale (), TRUE);
  if (language != NULL)
    g_subprocess_launcher_setenv (launcher, "LANGUAGE", language, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");

  return launcher;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static void
test_translation_help (void)
{
  g_autoptr(GSubprocessLauncher) de = launcher_in_language ("de");
  g_autoptr(GSubprocessLauncher) en = launcher_in_language (NULL);
  g_autoptr(CoreRun) german = core_run_cli (de, "--help", NULL);
  g_autoptr(CoreRun) english = core_run_cli (en, "--help", NULL);

  g_assert_cmpint (german->status, ==, 0);
  assert_contains (german->out, "Aufruf: ladder-cli BEFEHL [OPTION…]");
  assert_contains (german->out, "Befehle:");
  assert_contains (german->out, "Ein Framework aus Text, Markdown oder JSON importieren");
  g_assert_null (strstr (german->out, "Commands:"));

  g_assert_cmpint (english->status, ==, 0);
  assert_contains (english->out, "Usage: ladder-cli COMMAND [OPTION…]");
  g_assert_null (strstr (english->out, "Befehle:"));
}

/* ngettext: "1 Nachweis", "2 Nachweise". */
static void
test_translation_plurals (void)
{
  g_autoptr(GSubprocessLauncher) de = launcher_in_language ("de");
  g_autofree char *dir = g_dir_make_tmp ("ladder-translation-XXXXXX", NULL);
  g_autofree char *one = g_build_filename (dir, "one.json", NULL);
  g_autofree char *two = g_build_filename (dir, "two.json", NULL);
  g_autoptr(CoreRun) made_one = core_run_cli (de, "sample", "--evidence", "1", "-o", one, NULL);
  g_autoptr(CoreRun) made_two = core_run_cli (de, "sample", "--evidence", "2", "-o", two, NULL);
  g_autoptr(CoreRun) show_one = NULL;
  g_autoptr(CoreRun) show_two = NULL;

  g_assert_cmpint (made_one->status, ==, 0);
  g_assert_cmpint (made_two->status, ==, 0);
  show_one = core_run_cli (de, "show", one, NULL);
  show_two = core_run_cli (de, "show", two, NULL);

  g_assert_cmpint (show_one->status, ==, 0);
  assert_contains (show_one->out, "Framework: Backend Engineering\n");
  assert_contains (show_one->out, "\n1 Nachweis, ");
  assert_contains (show_one->out, "Stufe");
  assert_contains (show_one->out, "Kategorie");
  assert_contains (show_one->out, "Führungskraft");

  g_assert_cmpint (show_two->status, ==, 0);
  assert_contains (show_two->out, "\n2 Nachweise, ");

  g_unlink (one);
  g_unlink (two);
  g_rmdir (dir);
}

/* Errors reach the user in German too, still naming the file. */
static void
test_translation_errors (void)
{
  g_autoptr(GSubprocessLauncher) de = launcher_in_language ("de");
  g_autoptr(CoreRun) unknown = core_run_cli (de, "frobnicate", NULL);
  g_autoptr(CoreRun) paper = core_run_cli (de, "export-pdf", "x.json", "-o", "x.pdf", "--paper", "a3", NULL);

  g_assert_cmpint (unknown->status, ==, 2);
  assert_contains (unknown->err, "Unbekannter Befehl „frobnicate“.");

  g_assert_cmpint (paper->status, ==, 2);
  assert_contains (paper->err, "Unbekanntes Papierformat „a3“: Verwenden Sie a4 oder letter.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_assert_nonnull (g_getenv ("LADDER_CLI"));
  g_assert_nonnull (g_getenv ("LADDER_LOCALEDIR"));

  g_test_add_func ("/ladder/translation/help", test_translation_help);
  g_test_add_func ("/ladder/translation/plurals", test_translation_plurals);
  g_test_add_func ("/ladder/translation/errors", test_translation_errors);

  return g_test_run ();
}
