/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-export"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-export.h"
#include "ladder-export-dialog.h"
#include "ladder-ui-private.h"

/* Export PDF… */

char *
ladder_export_default_name (LadderProfile *profile,
                            GDateTime     *date)
{
  const char *name;
  g_autofree char *day = NULL;
  g_autofree char *file_name = NULL;
  GString *safe;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  name = ladder_profile_get_name (profile);
  if (name == NULL || *name == '\0')
    name = _("Unnamed");
  day = g_date_time_format (date, "%Y-%m-%d");
  /* Translators: the name offered for an exported summary: the person's
   * name and the day, as in "Ada Lovelace – Progress Summary – 2026-11-23.pdf" */
  file_name = g_strdup_printf (_("%s – Progress Summary – %s.pdf"), name, day);

  /* A name may hold a slash, or characters no file system takes. */
  safe = g_string_new (NULL);
  for (const char *p = file_name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || g_unichar_iscntrl (c))
        g_string_append_c (safe, '-');
      else
        g_string_append_unichar (safe, c);
    }

  return g_string_free_and_steal (safe);
}

typedef struct
{
  GFile         *file;
  LadderProfile *profile;
  AdwToast      *progress;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_clear_object (&export->file);
  g_clear_object (&export->profile);
  g_clear_object (&export->progress);
  g_free (export);
}

typedef struct
{
  GFile   *file;
  GWeakRef parent;
} OpenData;

static void
open_data_free (gpointer  data,
                GClosure *closure)
{
  OpenData *open = data;

  g_clear_object (&open->file);
  g_weak_ref_clear (&open->parent);
  g_free (open);
}

static void
launch_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_file_launcher_launch_finish (GTK_FILE_LAUNCHER (object), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    g_warning ("Could not open the exported PDF: %s", error->message);
}

static void
open_clicked_cb (AdwToast *toast,
                 OpenData *open)
{
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (open->file);
  g_autoptr(GtkWidget) parent = g_weak_ref_get (&open->parent);
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  gtk_file_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                            launch_done_cb, NULL);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GtkWidget *parent = g_task_get_source_object (task);
  ExportData *export = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *basename = NULL;
  AdwToast *toast;
  OpenData *open;

  if (export->progress != NULL)
    adw_toast_dismiss (export->progress);

  if (!ladder_report_write_pdf_finish (LADDER_PROFILE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          AdwDialog *alert = adw_alert_dialog_new (_("Could Not Export PDF"), error->message);

          adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
          adw_dialog_present (alert, parent);
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  basename = g_file_get_basename (export->file);
  /* Translators: a toast; %s is the file's name */
  title = g_strdup_printf (_("Exported “%s”"), basename);
  toast = adw_toast_new (title);
  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_set_button_label (toast, _("_Open"));
  open = g_new0 (OpenData, 1);
  open->file = g_object_ref (export->file);
  g_weak_ref_init (&open->parent, parent);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_clicked_cb), open,
                         open_data_free, 0);
  _ladder_add_toast (parent, toast);

  g_task_return_boolean (task, TRUE);
}

/* The paper chosen in Preferences. The schema's PaperSize enum (locale,
 * a4, letter) has LadderPaperSize's values. */
static LadderPaperSize
settings_paper_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return (LadderPaperSize) g_settings_get_enum (settings, "paper-size");
}

/**
 * ladder_export_write_pdf:
 * @parent: the widget that asks: the alert shows over its window, the
 *   toasts where _ladder_add_toast() puts them
 * @profile: the profile to export
 * @covers: (nullable): what the summary covers (the paper and date are
 *   set here), or %NULL for the whole record
 * @file: where to write the PDF
 * @cancellable: (nullable): a #GCancellable
 * @callback: (nullable): called when the file is written or could not be
 * @user_data: data for @callback
 *
 * Reads @profile now (a quick copy of its text), then lays out, draws
 * and writes the PDF on a worker thread: the window keeps drawing and
 * taking input meanwhile. A toast says that it is under way, and when
 * it is done, one with "Open" (GtkFileLauncher); a failure shows an
 * alert with the reason, which names the file.
 */
void
ladder_export_write_pdf (GtkWidget                 *parent,
                         LadderProfile             *profile,
                         const LadderReportOptions *covers,
                         GFile                     *file,
                         GCancellable              *cancellable,
                         GAsyncReadyCallback        callback,
                         gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  LadderReportOptions options = { 0, };
  ExportData *export;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (LADDER_IS_PROFILE (profile));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, ladder_export_write_pdf);

  export = g_new0 (ExportData, 1);
  export->file = g_object_ref (file);
  export->profile = g_object_ref (profile);
  /* A long log takes a few seconds: say so until it is done. */
  export->progress = g_object_ref (adw_toast_new (_("Exporting PDF…")));
  adw_toast_set_timeout (export->progress, 0);
  g_task_set_task_data (task, export, export_data_free);
  _ladder_add_toast (parent, export->progress);

  if (covers != NULL)
    options = *covers;
  options.paper = settings_paper_size ();
  options.date = now;
  ladder_report_write_pdf_async (profile, &options, file, cancellable, write_done_cb,
                                 g_steal_pointer (&task));
}

gboolean
ladder_export_write_pdf_finish (GtkWidget     *parent,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (GTK_IS_WIDGET (parent), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, parent), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  GtkWidget           *parent;
  LadderProfile       *profile;
  LadderReportOptions  options;
} SaveData;

static void
save_data_free (SaveData *save)
{
  g_clear_object (&save->parent);
  g_clear_object (&save->profile);
  g_free (save);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static void
save_dialog_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SaveData) save = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    {
      if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
          !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
        g_warning ("The file dialog failed: %s", error->message);
      return;
    }
  _ladder_file_dialog_remember_folder (file, "last-export-folder");

  ladder_export_write_pdf (save->parent, save->profile, &save->options, file, NULL, NULL, NULL);
}

static GtkWindow *
parent_window (GtkWidget *parent)
{
  GtkRoot *root = gtk_widget_get_root (parent);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
choose_file (GtkWidget                 *parent,
             LadderProfile             *profile,
             const LadderReportOptions *options)
{
  g_autoptr(GtkFileDialog) dialog = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GListStore) filters = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *name = NULL;
  SaveData *save;

  now = g_date_time_new_now_local ();
  name = ladder_export_default_name (profile, now);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_list_store_append (filters, filter);

  dialog = gtk_file_dialog_new ();
  gtk_file_dialog_set_title (dialog, _("Export PDF"));
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
  _ladder_file_dialog_start_in_export_folder (dialog);

  save = g_new0 (SaveData, 1);
  save->parent = g_object_ref (parent);
  save->profile = g_object_ref (profile);
  save->options = *options;
  gtk_file_dialog_save (dialog, parent_window (parent), NULL, save_dialog_done_cb, save);
}

/* The profile the export dialog was opened for, kept with it. */
#define PROFILE_KEY "ladder-export-profile"

static void
export_chosen_cb (LadderExportDialog *dialog,
                  GtkWidget          *parent)
{
  LadderProfile *profile = g_object_get_data (G_OBJECT (dialog), PROFILE_KEY);
  LadderReportOptions options = { 0, };

  ladder_export_dialog_get_options (dialog, &options);
  choose_file (parent, profile, &options);
}

/**
 * ladder_export_choose_pdf:
 * @parent: the widget that asks
 * @profile: the profile to export
 *
 * First what the summary covers (#LadderExportDialog), then where it
 * goes (a file dialog), then ladder_export_write_pdf().
 */
void
ladder_export_choose_pdf (GtkWidget     *parent,
                          LadderProfile *profile)
{
  LadderExportDialog *dialog;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (LADDER_IS_PROFILE (profile));

  dialog = ladder_export_dialog_new (profile);
  g_object_set_data_full (G_OBJECT (dialog), PROFILE_KEY, g_object_ref (profile), g_object_unref);
  g_signal_connect_object (dialog, "export", G_CALLBACK (export_chosen_cb), parent, 0);
  adw_dialog_present (ADW_DIALOG (dialog), parent);
}

/* Print… */

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                LadderReport      *report)
{
  guint n_pages;

  /* Points, the whole sheet: the summary keeps its own margins, the
   * same as in the PDF. */
  n_pages = ladder_report_paginate (report, gtk_print_context_get_width (context),
                                    gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              LadderReport      *report)
{
  ladder_report_draw_page (report, gtk_print_context_get_cairo_context (context), (guint) page);
}

static void
report_closure_notify (gpointer  data,
                       GClosure *closure)
{
  ladder_report_unref (data);
}

GtkPrintOperation *
ladder_export_print_operation (LadderProfile *profile)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  LadderPaperSize paper_size;
  LadderReport *report;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  /* Read now: the profile may change while the dialog is open. */
  report = ladder_report_new (profile, NULL);

  paper_size = settings_paper_size ();
  if (paper_size == LADDER_PAPER_SIZE_DEFAULT)
    paper_size = ladder_paper_size_get_default ();
  paper = gtk_paper_size_new (paper_size == LADDER_PAPER_SIZE_LETTER ?
                              GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, ladder_report_get_title (report));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (begin_print_cb), report,
                         report_closure_notify, 0);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), report);

  return operation;
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GtkWidget               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  if (error != NULL)
    {
      AdwDialog *alert = adw_alert_dialog_new (_("Could Not Print"), error->message);

      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
      adw_dialog_present (alert, parent);
    }
}

/**
 * ladder_export_print:
 * @parent: the widget that asks
 * @profile: the profile to print
 *
 * Runs ladder_export_print_operation() with the print dialog, over
 * @parent's window.
 */
void
ladder_export_print (GtkWidget     *parent,
                     LadderProfile *profile)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (LADDER_IS_PROFILE (profile));

  /* Asynchronous: the operation keeps itself alive until "done", which
   * also reports a failure. */
  operation = ladder_export_print_operation (profile);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), parent, 0);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           parent_window (parent), NULL);
}
