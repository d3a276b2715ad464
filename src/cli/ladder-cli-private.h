/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the files of ladder-cli share. The tool is written in several
 * files, one job each:
 *
 *   ladder-cli.c          main(), the list of commands, and what every
 *                         command shares: reporting errors, parsing
 *                         options, reading days, writing the output
 *   ladder-cli-import.c   import, validate
 *   ladder-cli-profile.c  show, sample, merge, share, log
 *   ladder-cli-export.c   export-pdf, prepare, export-markdown, export-csv
 */

#pragma once

#include <signal.h>

#include <glib.h>

G_BEGIN_DECLS

void     _ladder_cli_print_file_error    (const char          *filename,
                                          const GError        *error);
void     _ladder_cli_print_files_error   (const GError        *error,
                                          const char * const  *filenames);
void     _ladder_cli_print_usage_error   (GOptionContext      *context,
                                          const char          *message);
/* A command's options: @parameter_string (after the command's name) and
 * @summary (nullable) are what its --help says, translated already. */
GOptionContext *_ladder_cli_option_context_new (const char         *parameter_string,
                                                const GOptionEntry *entries,
                                                const char         *summary);
/* Parses the options; an unknown one is a usage error (printed), and
 * FALSE. */
gboolean _ladder_cli_parse_options       (GOptionContext      *context,
                                          int                 *argc,
                                          char              ***argv);
/* The same, then exactly @n_arguments arguments after the command's own
 * name, else @wrong_count is the usage error. */
gboolean _ladder_cli_parse_arguments     (GOptionContext      *context,
                                          int                 *argc,
                                          char              ***argv,
                                          int                  n_arguments,
                                          const char          *wrong_count);
void     _ladder_cli_hold_termination    (sigset_t            *saved);
void     _ladder_cli_release_termination (const sigset_t      *saved);
gboolean _ladder_cli_write_output        (const char          *output,
                                          const char          *data,
                                          gsize                length,
                                          GError             **error);
gboolean _ladder_cli_write_document      (const char          *output,
                                          const char          *data,
                                          gsize                length,
                                          GError             **error);
gboolean _ladder_cli_parse_day           (const char          *text,
                                          GDate               *date);

/* The commands: each takes the arguments after `ladder-cli`, its own
 * name first, and returns the process's exit status. */
int      _ladder_cli_command_import          (int    argc,
                                              char **argv);
int      _ladder_cli_command_validate        (int    argc,
                                              char **argv);
int      _ladder_cli_command_show            (int    argc,
                                              char **argv);
int      _ladder_cli_command_sample          (int    argc,
                                              char **argv);
int      _ladder_cli_command_merge           (int    argc,
                                              char **argv);
int      _ladder_cli_command_share           (int    argc,
                                              char **argv);
int      _ladder_cli_command_log             (int    argc,
                                              char **argv);
int      _ladder_cli_command_export_pdf      (int    argc,
                                              char **argv);
int      _ladder_cli_command_prepare         (int    argc,
                                              char **argv);
int      _ladder_cli_command_export_markdown (int    argc,
                                              char **argv);
int      _ladder_cli_command_export_csv      (int    argc,
                                              char **argv);

G_END_DECLS
