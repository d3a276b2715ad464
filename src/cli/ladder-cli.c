/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ladder-cli: Ladder without a display. Imports, validates, shows and makes
 * sample data with the same code the app uses (libladder-core).
 *
 * This file holds main(), the list of commands, and what every command
 * shares: reporting errors, parsing options, reading days and writing the
 * output. The commands are in ladder-cli-import.c, ladder-cli-profile.c and
 * ladder-cli-export.c (see ladder-cli-private.h).
 */

#define G_LOG_DOMAIN "ladder-cli"

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ladder-core.h"
#include "ladder-cli-private.h"

typedef int (*CommandFunc) (int    argc,
                            char **argv);

typedef struct
{
  const char  *name;
  CommandFunc  func;
  const char  *args;
  const char  *summary;
} Command;

/* In @message, each of @filenames named by its whole path is named as it
 * was typed instead. */
static void
name_files_as_typed (GString            *message,
                     const char * const *filenames)
{
  for (guint i = 0; filenames[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (filenames[i]);
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL && !g_str_equal (path, filenames[i]))
        g_string_replace (message, path, filenames[i], 0);
    }
}

/* Every problem with an input file is one line, in the form compilers use,
 * so that editors and scripts can jump to it: "FILE:LINE:COL: message",
 * FILE spelt as the user typed it. Core errors already start with the
 * file's name (and position when there is one), but the importer names a
 * file by its absolute path: that name is replaced, not repeated, or a
 * relative FILE would give "FILE: /abs/FILE:3:1: …". Anything else gets
 * the file name put in front. */
void
_ladder_cli_print_file_error (const char   *filename,
                              const GError *error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (filename);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *parse_name = g_file_get_parse_name (file);
  const char *names[] = { filename, path, parse_name };
  const char *typed[] = { filename, NULL };
  g_autoptr(GString) message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gsize length = names[i] != NULL ? strlen (names[i]) : 0;

      if (length > 0 && g_str_has_prefix (error->message, names[i]) &&
          error->message[length] == ':')
        {
          g_printerr ("%s%s\n", filename, error->message + length);
          return;
        }
    }

  /* Every line starts with the file, as typed; a message that names the
   * file again names it the same way. */
  message = g_string_new (error->message);
  name_files_as_typed (message, typed);
  g_printerr ("%s: %s\n", filename, message->str);
}

/* An error about several files (a merge's), naming each as it was typed,
 * as _ladder_cli_print_file_error() does. */
void
_ladder_cli_print_files_error (const GError       *error,
                               const char * const *filenames)
{
  g_autoptr(GString) message = g_string_new (error->message);

  name_files_as_typed (message, filenames);
  g_printerr ("%s\n", message->str);
}

void
_ladder_cli_print_usage_error (GOptionContext *context,
                               const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("%s\n\n%s", message, help);
}

GOptionContext *
_ladder_cli_option_context_new (const char         *parameter_string,
                                const GOptionEntry *entries,
                                const char         *summary)
{
  GOptionContext *context = g_option_context_new (parameter_string);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);

  return context;
}

gboolean
_ladder_cli_parse_options (GOptionContext  *context,
                           int             *argc,
                           char          ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      _ladder_cli_print_usage_error (context, error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
_ladder_cli_parse_arguments (GOptionContext  *context,
                             int             *argc,
                             char          ***argv,
                             int              n_arguments,
                             const char      *wrong_count)
{
  if (!_ladder_cli_parse_options (context, argc, argv))
    return FALSE;

  if (*argc != n_arguments + 1)
    {
      _ladder_cli_print_usage_error (context, wrong_count);
      return FALSE;
    }

  return TRUE;
}

/* A file being written is finished before a request to stop (SIGTERM, as
 * from a logout or a service manager; SIGINT, Ctrl+C; SIGHUP, a closed
 * terminal) takes effect: the signals wait, blocked, until the save is
 * done, and then end the process as they would have. The save itself
 * never leaves half a file, but it would leave the old version where the
 * user asked for the new one. */
void
_ladder_cli_hold_termination (sigset_t *saved)
{
  sigset_t termination;

  sigemptyset (&termination);
  sigaddset (&termination, SIGTERM);
  sigaddset (&termination, SIGINT);
  sigaddset (&termination, SIGHUP);
  sigprocmask (SIG_BLOCK, &termination, saved);
}

void
_ladder_cli_release_termination (const sigset_t *saved)
{
  sigprocmask (SIG_SETMASK, saved, NULL);
}

static gboolean write_to (const char  *output,
                          const char  *data,
                          gsize        length,
                          gboolean     document,
                          GError     **error);

/* Writes @data to @output, or to standard output when @output is NULL or
 * "-". Files are written through the one save function of the core, so a
 * crash never leaves half a file. */
gboolean
_ladder_cli_write_output (const char  *output,
                          const char  *data,
                          gsize        length,
                          GError     **error)
{
  return write_to (output, data, length, FALSE, error);
}

/* The same for an export, a document for a person (Markdown, CSV): as
 * ladder_save_document() writes one, a new file readable by its owner
 * alone and no backup beside it, as the PDFs are written. */
gboolean
_ladder_cli_write_document (const char  *output,
                            const char  *data,
                            gsize        length,
                            GError     **error)
{
  return write_to (output, data, length, TRUE, error);
}

static gboolean
write_to (const char  *output,
          const char  *data,
          gsize        length,
          gboolean     document,
          GError     **error)
{
  if (output == NULL || g_str_equal (output, "-"))
    {
      /* What goes out this way comes back as a file: the same limit. */
      if (!ladder_save_check_size (_("standard output"), length, error))
        return FALSE;

      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Could not write to standard output."));
          return FALSE;
        }
      return TRUE;
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
      sigset_t saved;
      gboolean saved_ok;

      _ladder_cli_hold_termination (&saved);
      if (document)
        saved_ok = ladder_save_document (file, data, length, NULL, error);
      else
        saved_ok = ladder_save_contents (file, data, length, NULL, error);
      _ladder_cli_release_termination (&saved);

      return saved_ok;
    }
}

/* Reads an ISO 8601 day, "2026-03-04", strictly. */
gboolean
_ladder_cli_parse_day (const char *text,
                       GDate      *date)
{
  unsigned int year, month, day;
  int end = 0;

  g_date_clear (date, 1);
  if (sscanf (text, "%4u-%2u-%2u%n", &year, &month, &day, &end) != 3 ||
      end != 10 || text[end] != '\0' ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static const Command commands[] = {
  { "import", _ladder_cli_command_import, N_("FILE [--format F] [--name N] [--organisation O] [--explain] [--reading N] [-o OUT]"),
    N_("Import a framework from text, Markdown or JSON") },
  { "validate", _ladder_cli_command_validate, N_("FILE…"),
    N_("Check frameworks and profiles") },
  { "show", _ladder_cli_command_show, N_("FILE"),
    N_("Summarise a framework or a profile’s progress") },
  { "sample", _ladder_cli_command_sample, N_("[--evidence N] [--seed S] [--manager] [-o OUT]"),
    N_("Make a sample profile") },
  { "export-pdf", _ladder_cli_command_export_pdf, N_("PROFILE -o OUT.pdf [--paper a4|letter] [--since DATE] [--all-behaviours] [--all-evidence] [--all-levels] [--include-private]"),
    N_("Export a profile’s progress summary as PDF") },
  { "merge", _ladder_cli_command_merge, N_("A B -o OUT"),
    N_("Merge two copies of a profile") },
  { "share", _ladder_cli_command_share, N_("PROFILE -o OUT"),
    N_("Write a copy to share, without private items") },
  { "prepare", _ladder_cli_command_prepare, N_("PROFILE [--markdown] [-o OUT.pdf|OUT.md] [--include-private]"),
    N_("Prepare the next 1:1: a PDF page or Markdown") },
  { "export-markdown", _ladder_cli_command_export_markdown, N_("PROFILE [-o OUT] [--since D] [--until D] [--level L] [--include-private]"),
    N_("Write a review document for a period and a level as Markdown") },
  { "export-csv", _ladder_cli_command_export_csv, N_("PROFILE [-o OUT] [--since D] [--until D] [--level L] [--include-private]"),
    N_("Write the evidence of a period as CSV") },
  { "log", _ladder_cli_command_log, N_("PROFILE TITLE [--body B] [--behaviour ID-OR-TEXT] [--tag T] [--link URL] [--date D]"),
    N_("Add evidence to a profile, even while the app has it open") },
};

static void
print_commands (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: ladder-cli COMMAND [OPTION…]"));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-9s %s\n            %s\n",
             commands[i].name, _(commands[i].args), _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “ladder-cli COMMAND --help” for a command’s options."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* LADDER_LOCALEDIR: the build tree's po folder, so that tests and
   * uninstalled runs find the translations. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("LADDER_LOCALEDIR") ? g_getenv ("LADDER_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("ladder-cli");

  if (argc < 2)
    {
      print_commands (stderr);
      return 2;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_commands (stdout);
      return 0;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("ladder-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        {
          g_autofree char *prgname = g_strdup_printf ("ladder-cli %s", commands[i].name);

          g_set_prgname (prgname);
          return commands[i].func (argc - 1, argv + 1);
        }
    }

  g_printerr (_("Unknown command “%s”.\n\n"), argv[1]);
  print_commands (stderr);
  return 2;
}
