/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commands of ladder-cli that read a framework or a profile in:
 * `import`, which turns a framework's text, Markdown or JSON into Ladder's
 * JSON, and `validate`, which checks frameworks and profiles.
 */

#define G_LOG_DOMAIN "ladder-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-core.h"
#include "ladder-cli-private.h"

/* The readings weighed, numbered as --reading takes them, the one taken
 * marked, with what it found. */
static void
print_readings (LadderFramework    *framework,
                LadderImportReport *report)
{
  guint n = ladder_import_report_get_n_readings (report);
  guint chosen = ladder_import_report_get_chosen_reading (report);

  g_print (_("%u levels, %u categories, %u behaviours.\n"),
           g_list_model_get_n_items (ladder_framework_get_levels (framework)),
           g_list_model_get_n_items (ladder_framework_get_categories (framework)),
           g_list_model_get_n_items (ladder_framework_get_behaviours (framework)));
  if (n == 0)
    {
      g_print (_("Only one reading of this file was found.\n"));
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      guint score = 0;
      const char *description = ladder_import_report_get_reading (report, i, &score);

      /* TRANSLATORS: a reading's number, a mark for the one taken, its
       * score out of 100 and its description. */
      g_print (_("%c %u. [%3u] %s\n"), i + 1 == chosen ? '*' : ' ', i + 1, score, description);
    }
}

int
_ladder_cli_command_import (int    argc,
                            char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *name = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *id = NULL;
  g_autofree char *output = NULL;
  gboolean quiet = FALSE;
  gboolean explain = FALSE;
  int reading = 0;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("What the file holds: auto, text, markdown, progression, json, html or csv"), N_("FORMAT") },
    { "explain", 0, 0, G_OPTION_ARG_NONE, &explain,
      N_("Print the readings of the file that were weighed, and which was taken, instead of the framework"), NULL },
    { "reading", 0, 0, G_OPTION_ARG_INT, &reading,
      N_("Take reading N of those --explain lists instead of the best"), N_("N") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name,
      N_("The framework's name, when the text does not say"), N_("NAME") },
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation,
      N_("The organisation that publishes it"), N_("ORGANISATION") },
    { "id", 0, 0, G_OPTION_ARG_STRING, &id,
      N_("The framework's id (made from the organisation and name otherwise)"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the framework to OUT instead of standard output"), N_("OUT") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_("Do not list the lines that were dropped"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *source = NULL;
  LadderImportOptions options = { 0 };
  gsize length;

  context = _ladder_cli_option_context_new (_("FILE — import a framework"), entries,
                                            _("Turns a framework copied from a web page, "
                                              "Markdown, a progression-framework file or Ladder "
                                              "JSON into Ladder's framework JSON. Dropped lines "
                                              "are listed on standard error."));
  if (!_ladder_cli_parse_arguments (context, &argc, &argv, 1, _("Name one file to import.")))
    return 2;

  if (format_name != NULL &&
      !ladder_import_format_from_string (format_name, &options.format))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown format “%s”."), format_name);

      _ladder_cli_print_usage_error (context, message);
      return 2;
    }

  if (reading < 0)
    {
      _ladder_cli_print_usage_error (context, _("A reading is a number from 1, as --explain lists them."));
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  source = g_file_get_basename (file);
  options.reading = (guint) reading;
  options.name = name;
  options.organisation = organisation;
  options.id = id;
  options.source = source;

  framework = ladder_import_file (file, &options, NULL, &report, &error);
  if (framework == NULL)
    {
      _ladder_cli_print_file_error (argv[1], error);
      return 1;
    }

  if (!quiet && report != NULL)
    {
      for (guint i = 0; i < ladder_import_report_get_n_warnings (report); i++)
        {
          const LadderImportWarning *warning = ladder_import_report_get_warning (report, i);

          if (warning->line > 0)
            g_printerr ("%s:%u: %s\n", argv[1], warning->line, warning->message);
          else
            g_printerr ("%s: %s\n", argv[1], warning->message);
          /* The dropped line itself, so that the reader can judge. */
          if (warning->text != NULL)
            g_printerr ("    %s\n", warning->text);
        }
    }

  if (reading > 0 && (guint) reading > ladder_import_report_get_n_readings (report) &&
      !(reading == 1 && ladder_import_report_get_n_readings (report) == 0))
    {
      g_printerr (_("%s: there is no reading %d; --explain lists them.\n"), argv[1], reading);
      return 1;
    }

  if (explain)
    {
      print_readings (framework, report);
      return 0;
    }

  json = ladder_format_write_framework (framework, &length);
  if (!_ladder_cli_write_output (output, json, length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

/* Most profiles have no link Ladder refuses: only then is the file read
 * again for the links' positions. */
static gboolean
profile_has_unsafe_link (LadderProfile *profile)
{
  GListModel *evidence = ladder_profile_get_evidence (profile);

  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(LadderEvidence) entry = g_list_model_get_item (evidence, i);
      const char * const *links = ladder_evidence_get_links (entry);

      for (guint j = 0; links[j] != NULL; j++)
        {
          if (!ladder_uri_is_safe (links[j]))
            return TRUE;
        }
    }

  return FALSE;
}

int
_ladder_cli_command_validate (int    argc,
                              char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(GOptionContext) context = NULL;
  int status = 0;

  context = _ladder_cli_option_context_new (_("FILE… — check frameworks and profiles"), entries,
                                            _("Checks that each file is a valid Ladder framework "
                                              "or profile. Prints one line per problem and exits "
                                              "with 1 when there is one. Links Ladder will not "
                                              "open are warned about, one line each, and do not "
                                              "make a file invalid."));
  if (!_ladder_cli_parse_options (context, &argc, &argv))
    return 2;

  if (argc < 2)
    {
      _ladder_cli_print_usage_error (context, _("Name at least one file to check."));
      return 2;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GObject) object = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      if (ladder_format_load_contents (file, &contents, &length, NULL, &error))
        object = ladder_format_read (contents, length, argv[i], &error);

      if (object == NULL)
        {
          _ladder_cli_print_file_error (argv[i], error);
          status = 1;
        }
      else if (LADDER_IS_PROFILE (object) && profile_has_unsafe_link (LADDER_PROFILE (object)))
        {
          g_auto(GStrv) warnings = ladder_format_list_unsafe_links (contents, length, argv[i]);

          for (guint j = 0; warnings[j] != NULL; j++)
            g_printerr ("%s\n", warnings[j]);
        }
    }

  return status;
}
