/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commands of ladder-cli that write a profile out as a document:
 * `export-pdf` (the progress summary), `prepare` (the next 1:1, as a PDF
 * page or Markdown), `export-markdown` and `export-csv` (a review
 * document for a period and a level).
 */

#define G_LOG_DOMAIN "ladder-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ladder-core.h"
#include "ladder-cli-private.h"

int
_ladder_cli_command_export_pdf (int    argc,
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
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(GError) error = NULL;
  LadderReportOptions options = { 0 };
  GDate since;
  sigset_t saved_mask;
  gboolean written;

  context = _ladder_cli_option_context_new (_("PROFILE — export a PDF summary"), entries,
                                            _("Writes a profile’s progress summary as PDF: the "
                                              "person, level and target, a chart, the behaviours "
                                              "shown per level, the behaviours of the current "
                                              "and target levels with their evidence, the "
                                              "evidence log and the last check-in. By default it "
                                              "covers what a 1:1 talks about: the rated "
                                              "behaviours, the evidence since the last check-in "
                                              "and the current and target levels; the --all "
                                              "options give the whole record."));
  if (!_ladder_cli_parse_arguments (context, &argc, &argv, 1, _("Name one profile to export.")))
    return 2;

  if (output == NULL)
    {
      _ladder_cli_print_usage_error (context, _("Name the PDF to write with --output."));
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

      _ladder_cli_print_usage_error (context, message);
      return 2;
    }

  if (since_text != NULL)
    {
      if (!_ladder_cli_parse_day (since_text, &since))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a day in the form "
                                                        "YYYY-MM-DD."), since_text);

          _ladder_cli_print_usage_error (context, message);
          return 2;
        }
      options.since = &since;
    }
  options.title = title;

  file = g_file_new_for_commandline_arg (argv[1]);
  profile = ladder_format_load_profile (file, NULL, &error);
  if (profile == NULL)
    {
      _ladder_cli_print_file_error (argv[1], error);
      return 1;
    }

  out_file = g_file_new_for_commandline_arg (output);
  _ladder_cli_hold_termination (&saved_mask);
  written = ladder_report_write_pdf (profile, &options, out_file, NULL, &error);
  _ladder_cli_release_termination (&saved_mask);
  if (!written)
    {
      _ladder_cli_print_file_error (output, error);
      return 1;
    }

  return 0;
}

int
_ladder_cli_command_prepare (int    argc,
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
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderPrepare) prepare = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  LadderPaperSize paper = LADDER_PAPER_SIZE_DEFAULT;
  GDate today;
  gboolean has_today = FALSE;
  gboolean written;

  context = _ladder_cli_option_context_new (_("PROFILE — prepare the next 1:1"), entries,
                                            _("Writes what to bring to the next 1:1, since the "
                                              "last check-in: progress toward the target level, "
                                              "the open agenda topics and actions, the new "
                                              "evidence, the ratings either side changed and "
                                              "where they disagree. As one PDF page, or as "
                                              "Markdown to paste elsewhere (to standard output "
                                              "without --output). Private items are left out "
                                              "unless asked for."));
  if (!_ladder_cli_parse_arguments (context, &argc, &argv, 1, _("Name one profile to prepare.")))
    return 2;

  if (paper_name != NULL && !ladder_paper_size_from_string (paper_name, &paper))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown paper size “%s”: use a4 or letter."),
                                                  paper_name);

      _ladder_cli_print_usage_error (context, message);
      return 2;
    }

  if (today_text != NULL)
    {
      if (!_ladder_cli_parse_day (today_text, &today))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a day in the form "
                                                        "YYYY-MM-DD."), today_text);

          _ladder_cli_print_usage_error (context, message);
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
      _ladder_cli_print_file_error (argv[1], error);
      return 1;
    }

  prepare = ladder_prepare_new (profile, has_today ? &today : NULL, include_private);

  if (markdown)
    {
      g_autofree char *text = ladder_prepare_to_markdown (prepare);

      written = _ladder_cli_write_document (output != NULL ? output : "-", text, strlen (text), &error);
    }
  else
    {
      g_autoptr(GFile) out_file = g_file_new_for_commandline_arg (output);
      sigset_t saved_mask;

      _ladder_cli_hold_termination (&saved_mask);
      written = ladder_prepare_write_pdf (prepare, paper, out_file, NULL, &error);
      _ladder_cli_release_termination (&saved_mask);
    }

  if (!written)
    {
      _ladder_cli_print_file_error (output != NULL ? output : "-", error);
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
      N_("The level whose behaviours are listed, by id or name (by default the target level, or where the ratings are when nothing of it is rated)"),
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
      context = _ladder_cli_option_context_new (_("PROFILE — write the evidence of a period as CSV"),
                                                entries,
                                                _("Writes the evidence of a period as CSV, one "
                                                  "entry a row, the newest first: its day, title, "
                                                  "the behaviours it backs, tags, links and "
                                                  "description."));
    }
  else
    {
      context = _ladder_cli_option_context_new (_("PROFILE — write a review document as Markdown"),
                                                entries,
                                                _("Writes a review document for a period and a "
                                                  "level, as Markdown to paste into a review "
                                                  "form: per category, each behaviour with its "
                                                  "strongest evidence, those with none or only old "
                                                  "evidence flagged; the evidence that backs no "
                                                  "behaviour; the ratings changed and the actions "
                                                  "finished. Private actions are left out unless "
                                                  "asked for."));
    }
  if (!_ladder_cli_parse_arguments (context, &argc, &argv, 1, _("Name one profile.")))
    return 2;

  texts[0] = since_text;
  texts[1] = until_text;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL && !_ladder_cli_parse_day (texts[i], &days[i]))
      {
        g_autofree char *message = g_strdup_printf (_("“%s” is not a day in the form "
                                                      "YYYY-MM-DD."), texts[i]);

        _ladder_cli_print_usage_error (context, message);
        return 2;
      }
  if (since_text != NULL && until_text != NULL && g_date_compare (&days[0], &days[1]) > 0)
    {
      _ladder_cli_print_usage_error (context, _("The period ends before it starts: --until is before --since."));
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  profile = ladder_format_load_profile (file, NULL, &error);
  if (profile == NULL)
    {
      _ladder_cli_print_file_error (argv[1], error);
      return 1;
    }

  if (level_text != NULL)
    {
      level = find_level_id (ladder_profile_get_framework (profile), level_text);
      if (level == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("The framework has no level “%s”."),
                                                      level_text);

          _ladder_cli_print_usage_error (context, message);
          return 2;
        }
    }

  document = ladder_review_document_new (profile, level,
                                         since_text != NULL ? &days[0] : NULL,
                                         until_text != NULL ? &days[1] : NULL,
                                         include_private);
  bytes = ladder_review_document_to_bytes (document, format, LADDER_PAPER_SIZE_DEFAULT, NULL, &error);
  data = g_bytes_get_data (bytes, &length);
  if (!_ladder_cli_write_document (output, data, length, &error))
    {
      _ladder_cli_print_file_error (output != NULL ? output : "-", error);
      return 1;
    }

  return 0;
}

int
_ladder_cli_command_export_markdown (int    argc,
                                     char **argv)
{
  return export_review (argc, argv, LADDER_REVIEW_DOCUMENT_MARKDOWN);
}

int
_ladder_cli_command_export_csv (int    argc,
                                char **argv)
{
  return export_review (argc, argv, LADDER_REVIEW_DOCUMENT_CSV);
}
