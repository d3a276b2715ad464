/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ladder-cli: Ladder without a display. Imports, validates, shows and makes
 * sample data with the same code the app uses (libladder-core).
 */

#define G_LOG_DOMAIN "ladder-cli"

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ladder-core.h"
#include "ladder-time-private.h"

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
static void
print_file_error (const char   *filename,
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
 * as print_file_error() does. */
static void
print_files_error (const GError       *error,
                   const char * const *filenames)
{
  g_autoptr(GString) message = g_string_new (error->message);

  name_files_as_typed (message, filenames);
  g_printerr ("%s\n", message->str);
}

static void
print_usage_error (GOptionContext *context,
                   const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("%s\n\n%s", message, help);
}

static gboolean
parse_options (GOptionContext  *context,
               int             *argc,
               char          ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      print_usage_error (context, error->message);
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
static void
hold_termination (sigset_t *saved)
{
  sigset_t termination;

  sigemptyset (&termination);
  sigaddset (&termination, SIGTERM);
  sigaddset (&termination, SIGINT);
  sigaddset (&termination, SIGHUP);
  sigprocmask (SIG_BLOCK, &termination, saved);
}

static void
release_termination (const sigset_t *saved)
{
  sigprocmask (SIG_SETMASK, saved, NULL);
}

/* Writes @data to @output, or to standard output when @output is NULL or
 * "-". Files are written through the one save function of the core, so a
 * crash never leaves half a file. */
static gboolean
write_output (const char  *output,
              const char  *data,
              gsize        length,
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

      hold_termination (&saved);
      saved_ok = ladder_save_contents (file, data, length, NULL, error);
      release_termination (&saved);

      return saved_ok;
    }
}

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

static int
command_import (int    argc,
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
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — import a framework"));
  g_autoptr(LadderImportReport) report = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *source = NULL;
  LadderImportOptions options = { 0 };
  gsize length;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Turns a framework copied from a web page, Markdown, a "
                                  "progression-framework file or Ladder JSON into Ladder's "
                                  "framework JSON. Dropped lines are listed on standard error."));
  if (!parse_options (context, &argc, &argv))
    return 2;

  if (argc != 2)
    {
      print_usage_error (context, _("Name one file to import."));
      return 2;
    }

  if (format_name != NULL &&
      !ladder_import_format_from_string (format_name, &options.format))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown format “%s”."), format_name);

      print_usage_error (context, message);
      return 2;
    }

  if (reading < 0)
    {
      print_usage_error (context, _("A reading is a number from 1, as --explain lists them."));
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
      print_file_error (argv[1], error);
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
  if (!write_output (output, json, length, &error))
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

static int
command_validate (int    argc,
                  char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE… — check frameworks and profiles"));
  int status = 0;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Checks that each file is a valid Ladder framework or profile. "
                                  "Prints one line per problem and exits with 1 when there is one. "
                                  "Links Ladder will not open are warned about, one line each, "
                                  "and do not make a file invalid."));
  if (!parse_options (context, &argc, &argv))
    return 2;

  if (argc < 2)
    {
      print_usage_error (context, _("Name at least one file to check."));
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
          print_file_error (argv[i], error);
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

/* Pads by characters, not bytes: names are UTF-8 ("Communication &
 * Feedback", "Développement"). */
static void
print_cell (const char *text,
            guint       width,
            gboolean    align_right)
{
  glong length = g_utf8_strlen (text, -1);
  guint padding = length < (glong) width ? width - (guint) length : 0;

  if (align_right)
    g_print ("%*s%s", padding, "", text);
  else
    g_print ("%s%*s", text, padding, "");
}

static guint
column_width (GListModel  *model,
              const char *(*get_name) (gpointer),
              guint        minimum)
{
  guint width = minimum;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      width = MAX (width, (guint) g_utf8_strlen (get_name (item), -1));
    }

  return width;
}

/* "Readiness rule: Ready for the next level when 80 % of …": the rule
 * that "Ready for the next level" follows, which frameworks set. */
static void
print_readiness_rule (LadderFramework *framework)
{
  g_autofree char *rule = ladder_framework_describe_readiness (framework);

  g_print (_("Readiness rule: %s.\n"), rule);
}

static void
show_framework (LadderFramework *framework)
{
  GListModel *levels = ladder_framework_get_levels (framework);
  GListModel *categories = ladder_framework_get_categories (framework);
  guint n_levels = g_list_model_get_n_items (levels);
  guint n_categories = g_list_model_get_n_items (categories);
  guint n_behaviours = g_list_model_get_n_items (ladder_framework_get_behaviours (framework));
  const char *organisation = ladder_framework_get_organisation (framework);
  guint level_width = column_width (levels, (gpointer) ladder_level_get_name,
                                    g_utf8_strlen (_("Level"), -1));

  if (organisation != NULL)
    g_print ("%s — %s\n", ladder_framework_get_name (framework), organisation);
  else
    g_print ("%s\n", ladder_framework_get_name (framework));

  g_print (ngettext ("%u level, ", "%u levels, ", n_levels), n_levels);
  g_print (ngettext ("%u category, ", "%u categories, ", n_categories), n_categories);
  g_print (ngettext ("%u behaviour\n", "%u behaviours\n", n_behaviours), n_behaviours);
  print_readiness_rule (framework);

  /* Levels down, categories across: behaviours per cell. */
  g_print ("\n");
  print_cell (_("Level"), level_width, FALSE);
  for (guint c = 0; c < n_categories; c++)
    {
      g_autoptr(LadderCategory) category = g_list_model_get_item (categories, c);

      g_print ("  ");
      print_cell (ladder_category_get_name (category), 0, FALSE);
    }
  g_print ("\n");

  for (guint l = 0; l < n_levels; l++)
    {
      g_autoptr(LadderLevel) level = g_list_model_get_item (levels, l);

      print_cell (ladder_level_get_name (level), level_width, FALSE);
      for (guint c = 0; c < n_categories; c++)
        {
          g_autoptr(LadderCategory) category = g_list_model_get_item (categories, c);
          g_autofree char *count = NULL;

          count = g_strdup_printf ("%u", ladder_framework_count_behaviours (framework,
                                                                           ladder_level_get_id (level),
                                                                           ladder_category_get_id (category)));
          g_print ("  ");
          print_cell (count, g_utf8_strlen (ladder_category_get_name (category), -1), TRUE);
        }
      g_print ("\n");
    }
}

static void
show_profile (LadderProfile *profile)
{
  LadderFramework *framework = ladder_profile_get_framework (profile);
  GListModel *levels = ladder_framework_get_levels (framework);
  GListModel *categories = ladder_framework_get_categories (framework);
  const char *current = ladder_profile_get_current_level (profile);
  LadderLevel *level = current ? ladder_framework_find_level (framework, current) : NULL;
  const char *sublevel = current ? ladder_profile_get_sublevel (profile, current, LADDER_RATER_SELF) : NULL;
  guint n_evidence = g_list_model_get_n_items (ladder_profile_get_evidence (profile));
  guint n_checkins = g_list_model_get_n_items (ladder_profile_get_checkins (profile));
  guint level_width = column_width (levels, (gpointer) ladder_level_get_name,
                                    g_utf8_strlen (_("Level"), -1));
  guint category_width = column_width (categories, (gpointer) ladder_category_get_name,
                                       g_utf8_strlen (_("Category"), -1));
  /* TRANSLATORS: column headers of a table of shown / total behaviours */
  const char *self_header = _("Self");
  const char *manager_header = _("Manager");
  guint self_width = MAX (7, g_utf8_strlen (self_header, -1));
  guint manager_width = MAX (7, g_utf8_strlen (manager_header, -1));

  g_print ("%s", ladder_profile_get_name (profile));
  if (ladder_profile_get_role (profile) != NULL)
    g_print (" — %s", ladder_profile_get_role (profile));
  g_print ("\n");
  g_print (_("Framework: %s\n"), ladder_framework_get_name (framework));
  if (level != NULL)
    {
      if (sublevel != NULL)
        g_print (_("Level: %s, sub-level %s\n"), ladder_level_get_name (level), sublevel);
      else
        g_print (_("Level: %s\n"), ladder_level_get_name (level));
    }
  for (guint i = 0; i < g_list_model_get_n_items (ladder_profile_get_promotions (profile)); i++)
    {
      g_autoptr(LadderPromotion) promotion = g_list_model_get_item (ladder_profile_get_promotions (profile), i);
      LadderLevel *from = ladder_framework_find_level (framework, ladder_promotion_get_from (promotion));
      LadderLevel *to = ladder_framework_find_level (framework, ladder_promotion_get_to (promotion));
      g_autofree char *date = _ladder_date_format (ladder_promotion_get_date (promotion),
                                                   LADDER_DATE_ISO8601, "");
      if (ladder_promotion_is_promotion (promotion, framework))
        /* TRANSLATORS: a date, then two level names */
        g_print (_("Promoted on %s: %s → %s\n"), date,
                 from != NULL ? ladder_level_get_name (from) : ladder_promotion_get_from (promotion),
                 to != NULL ? ladder_level_get_name (to) : ladder_promotion_get_to (promotion));
      else
        g_print (_("Level changed on %s: %s → %s\n"), date,
                 from != NULL ? ladder_level_get_name (from) : ladder_promotion_get_from (promotion),
                 to != NULL ? ladder_level_get_name (to) : ladder_promotion_get_to (promotion));
    }
  if (ladder_profile_is_ready (profile, LADDER_RATER_SELF))
    g_print (_("Ready for the next level.\n"));
  print_readiness_rule (framework);
  g_print (ngettext ("%u evidence entry, ", "%u evidence entries, ", n_evidence), n_evidence);
  g_print (ngettext ("%u check-in\n", "%u check-ins\n", n_checkins), n_checkins);

  g_print ("\n");
  print_cell (_("Level"), level_width, FALSE);
  g_print ("  ");
  print_cell (_("Category"), category_width, FALSE);
  g_print ("  ");
  print_cell (self_header, self_width, TRUE);
  g_print ("  ");
  print_cell (manager_header, manager_width, TRUE);
  g_print ("\n");

  for (guint l = 0; l < g_list_model_get_n_items (levels); l++)
    {
      g_autoptr(LadderLevel) lvl = g_list_model_get_item (levels, l);

      for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
        {
          g_autoptr(LadderCategory) category = g_list_model_get_item (categories, c);
          guint shown, total;
          g_autofree char *self_text = NULL;
          g_autofree char *manager_text = NULL;

          ladder_profile_count_shown (profile, ladder_level_get_id (lvl),
                                      ladder_category_get_id (category),
                                      LADDER_RATER_SELF, &shown, &total);
          self_text = g_strdup_printf ("%u/%u", shown, total);
          ladder_profile_count_shown (profile, ladder_level_get_id (lvl),
                                      ladder_category_get_id (category),
                                      LADDER_RATER_MANAGER, &shown, &total);
          manager_text = g_strdup_printf ("%u/%u", shown, total);

          print_cell (ladder_level_get_name (lvl), level_width, FALSE);
          g_print ("  ");
          print_cell (ladder_category_get_name (category), category_width, FALSE);
          g_print ("  ");
          print_cell (self_text, self_width, TRUE);
          g_print ("  ");
          print_cell (manager_text, manager_width, TRUE);
          g_print ("\n");
        }
    }
}

static int
command_show (int    argc,
              char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE — summarise a framework or profile"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) object = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv))
    return 2;

  if (argc != 2)
    {
      print_usage_error (context, _("Name one file to show."));
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  if (ladder_format_load_contents (file, &contents, &length, NULL, &error))
    object = ladder_format_read (contents, length, argv[1], &error);
  if (object == NULL)
    {
      print_file_error (argv[1], error);
      return 1;
    }

  if (LADDER_IS_FRAMEWORK (object))
    show_framework (LADDER_FRAMEWORK (object));
  else
    show_profile (LADDER_PROFILE (object));

  return 0;
}

static LadderFramework *
load_bundled_framework (const char  *id,
                        GError     **error)
{
  g_autofree char *path = g_strconcat (LADDER_BUNDLED_FRAMEWORKS_PATH, id, ".json", NULL);
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no bundled framework “%s”."), id);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &length);
  return ladder_format_read_framework (data, length, path, error);
}

static int
command_sample (int    argc,
                char **argv)
{
  g_autofree char *framework_id = NULL;
  g_autofree char *output = NULL;
  int n_evidence = 40;
  gint64 seed = 1;
  gboolean manager = FALSE;
  const GOptionEntry entries[] = {
    { "evidence", 0, 0, G_OPTION_ARG_INT, &n_evidence,
      N_("How many evidence entries to make (40)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
      N_("The same seed makes the same profile (1)"), N_("S") },
    { "framework", 0, 0, G_OPTION_ARG_STRING, &framework_id,
      N_("The id of a bundled framework (monzo-backend-engineering)"), N_("ID") },
    { "manager", 0, 0, G_OPTION_ARG_NONE, &manager,
      N_("Make the manager’s copy, with a 1:1 cadence"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the profile to OUT instead of standard output"), N_("OUT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— make a sample profile"));
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gsize length;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Makes a realistic synthetic profile on a bundled framework, "
                                  "the same for the same seed: for demos, screenshots and "
                                  "benchmarks."));
  if (!parse_options (context, &argc, &argv))
    return 2;

  if (argc != 1 || n_evidence < 0 || seed < 0 || seed > G_MAXUINT32)
    {
      print_usage_error (context, _("The evidence count and the seed must be positive numbers."));
      return 2;
    }

  framework = load_bundled_framework (framework_id ? framework_id : "monzo-backend-engineering",
                                      &error);
  if (framework == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  profile = ladder_sample_profile (framework, (guint) n_evidence, (guint32) seed);
  if (manager)
    {
      /* A team's profiles: each its own cadence, from the seed. */
      ladder_profile_set_owner (profile, LADDER_RATER_MANAGER);
      ladder_profile_set_cadence (profile, LADDER_CADENCE_WEEKLY + seed % 3);
    }
  json = ladder_format_write_profile (profile, &length);
  if (!write_output (output, json, length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

/* Reads an ISO 8601 day, "2026-03-04", strictly. */
static gboolean
parse_day (const char *text,
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

static int
command_export_pdf (int    argc,
                    char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *since_text = NULL;
  g_autofree char *title = NULL;
  gboolean all_behaviours = FALSE;
  gboolean all_evidence = FALSE;
  gboolean all_levels = FALSE;
  gboolean include_private = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the PDF to OUT"), N_("OUT") },
    { "all-behaviours", 0, 0, G_OPTION_ARG_NONE, &all_behaviours,
      N_("List every behaviour of the current and target levels, not only rated ones"), NULL },
    { "all-evidence", 0, 0, G_OPTION_ARG_NONE, &all_evidence,
      N_("All evidence, not only since the last check-in"), NULL },
    { "all-levels", 0, 0, G_OPTION_ARG_NONE, &all_levels,
      N_("Every level in the table, not only the current and target ones"), NULL },
    { "include-private", 0, 0, G_OPTION_ARG_NONE, &include_private,
      N_("Print private notes and actions too, for their author"), NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name,
      N_("The paper size: a4 or letter (the locale’s by default)"), N_("PAPER") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since_text,
      N_("Only evidence from this day on"), N_("YYYY-MM-DD") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title,
      N_("The document’s title"), N_("TITLE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PROFILE — export a PDF summary"));
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(GError) error = NULL;
  LadderReportOptions options = { 0 };
  GDate since;
  sigset_t saved_mask;
  gboolean written;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Writes a profile’s progress summary as PDF: the person, "
                                  "level and target, a chart, the behaviours shown per level, "
                                  "the behaviours of the current and target levels with their "
                                  "evidence, the evidence log and the last check-in. By default "
                                  "it covers what a 1:1 talks about: the rated behaviours, the "
                                  "evidence since the last check-in and the current and target "
                                  "levels; the --all options give the whole record."));
  if (!parse_options (context, &argc, &argv))
    return 2;

  if (argc != 2)
    {
      print_usage_error (context, _("Name one profile to export."));
      return 2;
    }

  if (output == NULL)
    {
      print_usage_error (context, _("Name the PDF to write with --output."));
      return 2;
    }

  /* The same defaults as the app's Export PDF: a summary is mostly made
   * for the next 1:1 (see ladder_report_options_init_for_meeting()). */
  ladder_report_options_init_for_meeting (&options);
  options.rated_only = !all_behaviours;
  options.since_last_checkin = !all_evidence;
  options.levels_in_play = !all_levels;
  options.include_private = include_private;

  if (paper_name != NULL && !ladder_paper_size_from_string (paper_name, &options.paper))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown paper size “%s”: use a4 or letter."),
                                                  paper_name);

      print_usage_error (context, message);
      return 2;
    }

  if (since_text != NULL)
    {
      if (!parse_day (since_text, &since))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a day in the form "
                                                        "YYYY-MM-DD."), since_text);

          print_usage_error (context, message);
          return 2;
        }
      options.since = &since;
    }
  options.title = title;

  file = g_file_new_for_commandline_arg (argv[1]);
  profile = ladder_format_load_profile (file, NULL, &error);
  if (profile == NULL)
    {
      print_file_error (argv[1], error);
      return 1;
    }

  out_file = g_file_new_for_commandline_arg (output);
  hold_termination (&saved_mask);
  written = ladder_report_write_pdf (profile, &options, out_file, NULL, &error);
  release_termination (&saved_mask);
  if (!written)
    {
      print_file_error (output, error);
      return 1;
    }

  return 0;
}

static int
command_merge (int    argc,
               char **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the merged profile to OUT (“-” for standard output)"), N_("OUT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("A B — merge two copies of a profile"));
  g_autoptr(LadderProfile) ours = NULL;
  g_autoptr(LadderProfile) theirs = NULL;
  g_autoptr(LadderMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  const char * const *changes;
  gsize length;
  guint n;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Merges two copies of one profile, as the app does when it "
                                  "opens a copy it already has: each rating takes the newer "
                                  "of the two, evidence, check-ins and actions merge by id, "
                                  "the newer edit winning, and deletions carry over. Prints "
                                  "what B changes in A."));
  if (!parse_options (context, &argc, &argv))
    return 2;

  if (argc != 3)
    {
      print_usage_error (context, _("Name the two copies to merge."));
      return 2;
    }

  if (output == NULL)
    {
      print_usage_error (context, _("Name the file to write with --output."));
      return 2;
    }

  for (guint i = 1; i <= 2; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      LadderProfile *profile = ladder_format_load_profile (file, NULL, &error);

      if (profile == NULL)
        {
          print_file_error (argv[i], error);
          return 1;
        }

      if (i == 1)
        ours = profile;
      else
        theirs = profile;
    }

  merge = ladder_merge_new (ours, theirs, &error);
  if (merge == NULL)
    {
      const char *copies[] = { argv[1], argv[2], NULL };

      print_files_error (error, copies);
      return 1;
    }

  ladder_merge_apply (merge);

  data = ladder_format_write_profile (ours, &length);
  if (!write_output (output, data, length, &error))
    {
      print_file_error (output, error);
      return 1;
    }

  /* The report goes to standard error when the profile goes to standard
   * output, so that the two can be told apart. */
  n = ladder_merge_get_n_changes (merge);
  changes = ladder_merge_get_changes (merge);
  {
    FILE *stream = g_strcmp0 (output, "-") == 0 ? stderr : stdout;

    if (n == 0)
      /* Translators: the two %s are the files given, as typed */
      fprintf (stream, _("Nothing to merge: “%s” already holds everything in “%s”.\n"),
               argv[1], argv[2]);
    else
      {
        /* Translators: %s is the second file given, as typed */
        fprintf (stream, ngettext ("%u change from “%s”:\n", "%u changes from “%s”:\n", n),
                 n, argv[2]);
        for (guint i = 0; changes[i] != NULL; i++)
          fprintf (stream, "  %s\n", changes[i]);
      }
  }

  return 0;
}

static int
command_share (int    argc,
               char **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the copy to OUT (“-” for standard output)"), N_("OUT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PROFILE — write a copy to share"));
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Writes the copy of a profile to give the other person, "
                                  "as the app’s Share a Copy does: the whole profile but "
                                  "its private notes and actions. Opened by the other "
                                  "person’s app, it merges into their copy."));
  if (!parse_options (context, &argc, &argv))
    return 2;

  if (argc != 2)
    {
      print_usage_error (context, _("Name one profile to share."));
      return 2;
    }

  if (output == NULL)
    {
      print_usage_error (context, _("Name the file to write with --output."));
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  profile = ladder_format_load_profile (file, NULL, &error);
  if (profile == NULL)
    {
      print_file_error (argv[1], error);
      return 1;
    }

  data = ladder_format_write_shared_copy (profile, &length);
  if (!write_output (output, data, length, &error))
    {
      print_file_error (output, error);
      return 1;
    }

  return 0;
}

static int
command_prepare (int    argc,
                 char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *today_text = NULL;
  gboolean markdown = FALSE;
  gboolean include_private = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT: PDF, or Markdown when it ends in .md (“-” for standard output)"), N_("OUT") },
    { "markdown", 0, 0, G_OPTION_ARG_NONE, &markdown,
      N_("Write Markdown, whatever the name of OUT"), NULL },
    { "include-private", 0, 0, G_OPTION_ARG_NONE, &include_private,
      N_("List private actions and topics too, for their author"), NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name,
      N_("The paper size: a4 or letter (the locale’s by default)"), N_("PAPER") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("The day to prepare for, which says what is overdue (today by default)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PROFILE — prepare the next 1:1"));
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderPrepare) prepare = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  LadderPaperSize paper = LADDER_PAPER_SIZE_DEFAULT;
  GDate today;
  gboolean has_today = FALSE;
  gboolean written;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Writes what to bring to the next 1:1, since the last "
                                  "check-in: progress toward the target level, the open agenda "
                                  "topics and actions, the new evidence, the ratings either side "
                                  "changed and where they disagree. As one PDF page, or as "
                                  "Markdown to paste elsewhere (to standard output without "
                                  "--output). Private items are left out unless asked for."));
  if (!parse_options (context, &argc, &argv))
    return 2;

  if (argc != 2)
    {
      print_usage_error (context, _("Name one profile to prepare."));
      return 2;
    }

  if (paper_name != NULL && !ladder_paper_size_from_string (paper_name, &paper))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown paper size “%s”: use a4 or letter."),
                                                  paper_name);

      print_usage_error (context, message);
      return 2;
    }

  if (today_text != NULL)
    {
      if (!parse_day (today_text, &today))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a day in the form "
                                                        "YYYY-MM-DD."), today_text);

          print_usage_error (context, message);
          return 2;
        }
      has_today = TRUE;
    }

  if (output == NULL || g_str_equal (output, "-") || g_str_has_suffix (output, ".md"))
    markdown = TRUE;

  file = g_file_new_for_commandline_arg (argv[1]);
  profile = ladder_format_load_profile (file, NULL, &error);
  if (profile == NULL)
    {
      print_file_error (argv[1], error);
      return 1;
    }

  prepare = ladder_prepare_new (profile, has_today ? &today : NULL, include_private);

  if (markdown)
    {
      g_autofree char *text = ladder_prepare_to_markdown (prepare);

      written = write_output (output != NULL ? output : "-", text, strlen (text), &error);
    }
  else
    {
      g_autoptr(GFile) out_file = g_file_new_for_commandline_arg (output);
      sigset_t saved_mask;

      hold_termination (&saved_mask);
      written = ladder_prepare_write_pdf (prepare, paper, out_file, NULL, &error);
      release_termination (&saved_mask);
    }

  if (!written)
    {
      print_file_error (output != NULL ? output : "-", error);
      return 1;
    }

  return 0;
}

/* The level named by @text, by its id or its name (in any case). */
static const char *
find_level_id (LadderFramework *framework,
               const char      *text)
{
  GListModel *levels = ladder_framework_get_levels (framework);

  if (ladder_framework_find_level (framework, text) != NULL)
    return ladder_level_get_id (ladder_framework_find_level (framework, text));

  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(LadderLevel) level = g_list_model_get_item (levels, i);
      g_autofree char *name = g_utf8_casefold (ladder_level_get_name (level), -1);
      g_autofree char *wanted = g_utf8_casefold (text, -1);

      if (g_str_equal (name, wanted))
        return ladder_level_get_id (level);
    }

  return NULL;
}

static int
export_review (int                         argc,
               char                      **argv,
               LadderReviewDocumentFormat  format)
{
  g_autofree char *output = NULL;
  g_autofree char *since_text = NULL;
  g_autofree char *until_text = NULL;
  g_autofree char *level_text = NULL;
  gboolean include_private = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT (“-”, the default, for standard output)"), N_("OUT") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since_text,
      N_("The first day of the period (the whole record by default)"), N_("YYYY-MM-DD") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until_text,
      N_("The last day of the period (today by default)"), N_("YYYY-MM-DD") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level_text,
      N_("The level whose behaviours are listed, by id or name (the target level by default)"),
      N_("LEVEL") },
    { "include-private", 0, 0, G_OPTION_ARG_NONE, &include_private,
      N_("List private actions too, for their author"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderReviewDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *level = NULL;
  const char *texts[2];
  GDate days[2];
  gsize length;
  const char *data;

  if (format == LADDER_REVIEW_DOCUMENT_CSV)
    {
      context = g_option_context_new (_("PROFILE — write the evidence of a period as CSV"));
      g_option_context_set_summary (context,
                                    _("Writes the evidence of a period as CSV, one entry a row, "
                                      "the newest first: its day, title, the behaviours it backs, "
                                      "tags, links and description."));
    }
  else
    {
      context = g_option_context_new (_("PROFILE — write a review document as Markdown"));
      g_option_context_set_summary (context,
                                    _("Writes a review document for a period and a level, as "
                                      "Markdown to paste into a review form: per category, each "
                                      "behaviour with its strongest evidence, those with none or "
                                      "only old evidence flagged; the evidence that backs no "
                                      "behaviour; the ratings changed and the actions finished. "
                                      "Private actions are left out unless asked for."));
    }
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv))
    return 2;

  if (argc != 2)
    {
      print_usage_error (context, _("Name one profile."));
      return 2;
    }

  texts[0] = since_text;
  texts[1] = until_text;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL && !parse_day (texts[i], &days[i]))
      {
        g_autofree char *message = g_strdup_printf (_("“%s” is not a day in the form "
                                                      "YYYY-MM-DD."), texts[i]);

        print_usage_error (context, message);
        return 2;
      }
  if (since_text != NULL && until_text != NULL && g_date_compare (&days[0], &days[1]) > 0)
    {
      print_usage_error (context, _("The period ends before it starts: --until is before --since."));
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  profile = ladder_format_load_profile (file, NULL, &error);
  if (profile == NULL)
    {
      print_file_error (argv[1], error);
      return 1;
    }

  if (level_text != NULL)
    {
      level = find_level_id (ladder_profile_get_framework (profile), level_text);
      if (level == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("The framework has no level “%s”."),
                                                      level_text);

          print_usage_error (context, message);
          return 2;
        }
    }

  document = ladder_review_document_new (profile, level,
                                         since_text != NULL ? &days[0] : NULL,
                                         until_text != NULL ? &days[1] : NULL,
                                         include_private);
  bytes = ladder_review_document_to_bytes (document, format, LADDER_PAPER_SIZE_DEFAULT, NULL, &error);
  data = g_bytes_get_data (bytes, &length);
  if (!write_output (output, data, length, &error))
    {
      print_file_error (output != NULL ? output : "-", error);
      return 1;
    }

  return 0;
}

static int
command_export_markdown (int    argc,
                         char **argv)
{
  return export_review (argc, argv, LADDER_REVIEW_DOCUMENT_MARKDOWN);
}

static int
command_export_csv (int    argc,
                    char **argv)
{
  return export_review (argc, argv, LADDER_REVIEW_DOCUMENT_CSV);
}

/* The library whose profiles/ holds @file, or NULL when @file is a
 * profile outside any library. */
static GFile *
library_folder_of (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = parent != NULL ? g_file_get_basename (parent) : NULL;

  if (name == NULL || !g_str_equal (name, "profiles"))
    return NULL;

  return g_file_get_parent (parent);
}

/* The profiles of @library, for an error that says which there are. */
static char *
list_profiles (LadderLibrary *library)
{
  GListModel *profiles = ladder_library_get_profiles (library);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (profiles, i);

      const char *name = ladder_profile_get_name (profile);

      g_string_append_printf (list, "\n  %s (%s)", name != NULL ? name : "",
                              ladder_profile_get_id (profile));
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* PROFILE of `ladder-cli log`: a profile file (in a library's profiles/
 * or anywhere), or a profile of the user's library by its id or its name
 * (in any case). The library is loaded, so that the entry is written the
 * way the app writes: through ladder_library_save_profile(), which merges
 * whatever the file gained since it was read. */
static LadderProfile *
find_profile_to_log (const char     *name,
                     LadderLibrary **library_out,
                     GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (name);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(LadderLibrary) library = NULL;
  GListModel *profiles;
  LadderProfile *found = NULL;
  gboolean is_file;

  is_file = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR;
  if (is_file)
    folder = library_folder_of (file);
  else
    folder = ladder_library_get_default_directory ();

  if (is_file && folder == NULL)
    {
      /* A profile outside a library: a library of its own folder saves
       * it, and merges as it would in a library. */
      g_autoptr(LadderProfile) profile = ladder_format_load_profile (file, NULL, error);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      if (profile == NULL)
        return NULL;

      library = ladder_library_new (parent);
      ladder_library_add_profile (library, profile);
      *library_out = g_steal_pointer (&library);
      return g_steal_pointer (&profile);
    }

  library = ladder_library_new (folder);
  if (!ladder_library_load (library, NULL, error))
    return NULL;

  profiles = ladder_library_get_profiles (library);
  for (guint i = 0; i < g_list_model_get_n_items (profiles) && found == NULL; i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (profiles, i);
      GFile *profile_file = ladder_profile_get_file (profile);

      if (is_file ? profile_file != NULL && g_file_equal (profile_file, file)
                  : g_str_equal (ladder_profile_get_id (profile), name))
        found = profile;
    }

  if (found == NULL && is_file)
    {
      GListModel *errors = ladder_library_get_errors (library);

      /* Not listed: it did not load, and says why. */
      for (guint i = 0; i < g_list_model_get_n_items (errors); i++)
        {
          g_autoptr(LadderLoadError) load_error = g_list_model_get_item (errors, i);

          if (g_file_equal (ladder_load_error_get_file (load_error), file))
            {
              g_propagate_error (error, g_error_copy (ladder_load_error_get_error (load_error)));
              return NULL;
            }
        }
    }

  if (found == NULL && !is_file)
    {
      g_autofree char *folded = g_utf8_casefold (name, -1);
      guint n_found = 0;

      for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
        {
          g_autoptr(LadderProfile) profile = g_list_model_get_item (profiles, i);
          const char *profile_name = ladder_profile_get_name (profile);
          g_autofree char *folded_name = NULL;

          if (profile_name == NULL)
            continue;
          folded_name = g_utf8_casefold (profile_name, -1);
          if (g_utf8_collate (folded_name, folded) == 0)
            {
              found = profile;
              n_found++;
            }
        }

      if (n_found > 1)
        {
          g_autofree char *list = list_profiles (library);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("More than one profile is named “%s”: name it by its id. The profiles are:%s"),
                       name, list);
          return NULL;
        }
    }

  if (found == NULL)
    {
      g_autofree char *where = g_file_get_parse_name (folder);
      g_autofree char *list = list_profiles (library);

      if (*list == '\0')
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("“%s” is neither a profile file nor a profile of the library in %s, "
                       "which has none."), name, where);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("“%s” is neither a profile file nor a profile of the library in %s. "
                       "Its profiles are:%s"), name, where, list);
      return NULL;
    }

  *library_out = g_steal_pointer (&library);

  return g_object_ref (found);
}

/* How near a behaviour is to what was typed: the words of @query found
 * at the start of a word of its text (as g_str_match_string() matches),
 * and an id that starts as @query does. */
static guint
behaviour_nearness (LadderBehaviour    *behaviour,
                    const char * const *query_words,
                    const char         *query)
{
  const char *id = ladder_behaviour_get_id (behaviour);
  guint score = 0;
  gsize common = 0;

  for (guint i = 0; query_words[i] != NULL; i++)
    {
      if (strlen (query_words[i]) >= 3 &&
          g_str_match_string (query_words[i], ladder_behaviour_get_text (behaviour), TRUE))
        score += 2;
    }

  while (id[common] != '\0' && id[common] == query[common])
    common++;
  if (common * 2 >= strlen (id) && common > 0)
    score += 1;

  return score;
}

typedef struct
{
  LadderBehaviour *behaviour;
  guint            score;
} NearBehaviour;

static int
compare_nearness (gconstpointer a,
                  gconstpointer b)
{
  const NearBehaviour *near_a = a;
  const NearBehaviour *near_b = b;

  return (int) near_b->score - (int) near_a->score;
}

/* A behaviour named by its id, or by words of its text that match it
 * alone. Otherwise the error lists the behaviours it could have meant. */
static LadderBehaviour *
find_behaviour (LadderFramework  *framework,
                const char       *query,
                GError          **error)
{
  GListModel *behaviours = ladder_framework_get_behaviours (framework);
  guint n = g_list_model_get_n_items (behaviours);
  LadderBehaviour *behaviour = ladder_framework_find_behaviour (framework, query);
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (NearBehaviour));
  g_autoptr(GArray) near = g_array_new (FALSE, FALSE, sizeof (NearBehaviour));
  g_auto(GStrv) query_words = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  GArray *listed;

  if (behaviour != NULL)
    return behaviour;

  query_words = g_str_tokenize_and_fold (query, NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderBehaviour) item = g_list_model_get_item (behaviours, i);
      NearBehaviour entry = { item, behaviour_nearness (item, (const char * const *) query_words, query) };

      if (g_str_match_string (query, ladder_behaviour_get_text (item), TRUE))
        g_array_append_val (matches, entry);
      else if (entry.score > 0)
        g_array_append_val (near, entry);
    }

  if (matches->len == 1)
    return g_array_index (matches, NearBehaviour, 0).behaviour;

  listed = matches->len > 1 ? matches : near;
  g_array_sort (listed, compare_nearness);
  for (guint i = 0; i < MIN (listed->len, 8); i++)
    {
      LadderBehaviour *item = g_array_index (listed, NearBehaviour, i).behaviour;

      g_string_append_printf (list, "\n  %s  %s", ladder_behaviour_get_id (item),
                              ladder_behaviour_get_text (item));
    }

  if (matches->len > 1)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                 _("“%s” matches %u behaviours of “%s”; name one by its id:%s"),
                 query, matches->len, ladder_framework_get_name (framework), list->str);
  else if (near->len > 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("“%s” is no behaviour of “%s”. Near it:%s"),
                 query, ladder_framework_get_name (framework), list->str);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("“%s” is no behaviour of “%s”, nor words of one; “ladder-cli show” lists "
                   "the framework."), query, ladder_framework_get_name (framework));

  return NULL;
}

/* PROFILE is a file, whose errors are put as every file's are, or a
 * name, which the error already quotes. */
static void
print_log_error (const char   *profile,
                 const GError *error)
{
  if (g_file_test (profile, G_FILE_TEST_IS_REGULAR))
    print_file_error (profile, error);
  else
    g_printerr ("%s\n", error->message);
}

static int
command_log (int    argc,
             char **argv)
{
  g_autofree char *body = NULL;
  g_autofree char *date_text = NULL;
  g_auto(GStrv) behaviour_queries = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) links = NULL;
  const GOptionEntry entries[] = {
    { "body", 0, 0, G_OPTION_ARG_STRING, &body,
      N_("What was done, in more words"), N_("TEXT") },
    { "behaviour", 0, 0, G_OPTION_ARG_STRING_ARRAY, &behaviour_queries,
      N_("A behaviour it shows, by id or by words of its text (repeatable)"), N_("ID-OR-TEXT") },
    { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &tags,
      N_("A tag (repeatable)"), N_("TAG") },
    { "link", 0, 0, G_OPTION_ARG_STRING_ARRAY, &links,
      N_("A web or email link: http, https or mailto (repeatable)"), N_("URL") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day of the work, YYYY-MM-DD (today by default)"), N_("DATE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PROFILE TITLE — add evidence to a profile"));
  g_autoptr(LadderLibrary) library = NULL;
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderEvidence) evidence = NULL;
  g_autoptr(GPtrArray) behaviour_ids = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GDate date;
  sigset_t saved;
  gboolean saved_ok;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Adds an entry to a profile’s evidence log. PROFILE is a profile "
                                  "file, or the id or name of a profile in your library. The app "
                                  "may have the profile open: it takes the entry in, and nothing "
                                  "either side is lost."));
  if (!parse_options (context, &argc, &argv))
    return 2;

  if (argc != 3)
    {
      print_usage_error (context, _("Name a profile and the entry’s title."));
      return 2;
    }

  /* Options are made UTF-8 by the parser; arguments are as typed. */
  title = g_locale_to_utf8 (argv[2], -1, NULL, NULL, NULL);
  if (title == NULL)
    {
      print_usage_error (context, _("The title is not text in the system’s encoding."));
      return 2;
    }
  g_strstrip (title);
  if (*title == '\0')
    {
      print_usage_error (context, _("The title is empty."));
      return 2;
    }

  if (date_text != NULL && !parse_day (date_text, &date))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a day in the form YYYY-MM-DD."),
                                                  date_text);

      print_usage_error (context, message);
      return 2;
    }

  /* Refused before anything is read: Ladder keeps such a link as text
   * but never opens it, which is not what one types a link for. */
  for (guint i = 0; links != NULL && links[i] != NULL; i++)
    {
      if (!ladder_uri_is_safe (links[i]))
        {
          g_autofree char *message = NULL;

          /* Translators: %s is a link typed on the command line */
          message = g_strdup_printf (_("“%s” would not open from Ladder or its PDF summary: "
                                       "only whole web (http, https) and email (mailto) links do."),
                                     links[i]);
          print_usage_error (context, message);
          return 2;
        }
    }

  profile = find_profile_to_log (argv[1], &library, &error);
  if (profile == NULL)
    {
      print_log_error (argv[1], error);
      return 1;
    }

  for (guint i = 0; behaviour_queries != NULL && behaviour_queries[i] != NULL; i++)
    {
      LadderBehaviour *behaviour = find_behaviour (ladder_profile_get_framework (profile),
                                                   behaviour_queries[i], &error);

      if (behaviour == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      /* The same behaviour named twice (by its id and by its words)
       * is one. */
      if (!g_ptr_array_find_with_equal_func (behaviour_ids, ladder_behaviour_get_id (behaviour),
                                             g_str_equal, NULL))
        g_ptr_array_add (behaviour_ids, (gpointer) ladder_behaviour_get_id (behaviour));
    }
  g_ptr_array_add (behaviour_ids, NULL);

  evidence = ladder_evidence_new (NULL);
  ladder_evidence_set_title (evidence, title);
  if (body != NULL)
    ladder_evidence_set_body (evidence, body);
  if (date_text != NULL)
    ladder_evidence_set_date (evidence, &date);
  if (links != NULL)
    ladder_evidence_set_links (evidence, (const char * const *) links);
  if (tags != NULL)
    ladder_evidence_set_tags (evidence, (const char * const *) tags);
  ladder_evidence_set_behaviours (evidence, (const char * const *) behaviour_ids->pdata);
  ladder_profile_add_evidence (profile, evidence);

  hold_termination (&saved);
  saved_ok = ladder_library_save_profile (library, profile, NULL, &error);
  release_termination (&saved);
  if (!saved_ok)
    {
      print_log_error (argv[1], error);
      return 1;
    }

  /* Translators: %s is the title of an evidence entry, then a profile's name */
  g_print (_("Added “%s” to %s.\n"), title,
           ladder_profile_get_name (profile) != NULL ? ladder_profile_get_name (profile)
                                                     : ladder_profile_get_id (profile));

  return 0;
}

static const Command commands[] = {
  { "import", command_import, N_("FILE [--format F] [--name N] [--organisation O] [--explain] [--reading N] [-o OUT]"),
    N_("Import a framework from text, Markdown or JSON") },
  { "validate", command_validate, N_("FILE…"),
    N_("Check frameworks and profiles") },
  { "show", command_show, N_("FILE"),
    N_("Summarise a framework or a profile’s progress") },
  { "sample", command_sample, N_("[--evidence N] [--seed S] [--manager] [-o OUT]"),
    N_("Make a sample profile") },
  { "export-pdf", command_export_pdf, N_("PROFILE -o OUT.pdf [--paper a4|letter] [--since DATE] [--all-behaviours] [--all-evidence] [--all-levels] [--include-private]"),
    N_("Export a profile’s progress summary as PDF") },
  { "merge", command_merge, N_("A B -o OUT"),
    N_("Merge two copies of a profile") },
  { "share", command_share, N_("PROFILE -o OUT"),
    N_("Write a copy to share, without private items") },
  { "prepare", command_prepare, N_("PROFILE [--markdown] [-o OUT.pdf|OUT.md] [--include-private]"),
    N_("Prepare the next 1:1: a PDF page or Markdown") },
  { "export-markdown", command_export_markdown, N_("PROFILE [-o OUT] [--since D] [--until D] [--level L] [--include-private]"),
    N_("Write a review document for a period and a level as Markdown") },
  { "export-csv", command_export_csv, N_("PROFILE [-o OUT] [--since D] [--until D] [--level L] [--include-private]"),
    N_("Write the evidence of a period as CSV") },
  { "log", command_log, N_("PROFILE TITLE [--body B] [--behaviour ID-OR-TEXT] [--tag T] [--link URL] [--date D]"),
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
