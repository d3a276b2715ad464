/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export PDF… and Print… from the window under a real display (Xvfb): the
 * file written on a worker while the window keeps running, the toast, the
 * alert of a failure, the name offered, and printing's pages exported
 * through GtkPrintOperation.
 */

#include "config.h"

#include <time.h>

#include <glib/gstdio.h>

#include "ladder-export.h"
#include "ladder-export-dialog.h"
#include "ui-helpers.h"

static LadderProfile *
show_sample_profile (LadderWindow *window,
                     guint         n_evidence)
{
  const char *path = LADDER_BUNDLED_FRAMEWORKS_PATH "monzo-backend-engineering.json";
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(LadderProfile) profile = NULL;
  const char *data;
  gsize length;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &length);
  framework = ladder_format_read_framework (data, length, path, &error);
  g_assert_no_error (error);

  profile = ladder_sample_profile (framework, n_evidence, 11);
  ladder_library_add_profile (_ladder_window_get_library (window), profile);
  _ladder_window_select (window, G_OBJECT (profile));
  g_assert_true (_ladder_window_get_profile (window) == profile);

  return profile;
}

static char *
scratch_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, g_str_equal (tool, "pdftotext") ? "-" : NULL, NULL };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));

  return out;
}

static void
assert_is_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (g_strrstr (contents + length - 32, "%%EOF"));
}

static void
test_export_default_name (void)
{
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  g_autoptr(LadderProfile) profile = ladder_profile_new (NULL, framework);
  g_autoptr(GDateTime) date = g_date_time_new_local (2026, 11, 23, 15, 0, 0);
  g_autofree char *name = NULL;
  g_autofree char *unnamed = NULL;

  ladder_profile_set_name (profile, "Ada/Lovelace\\Byron");
  name = ladder_export_default_name (profile, date);
  g_assert_cmpstr (name, ==, "Ada-Lovelace-Byron – Progress Summary – 2026-11-23.pdf");

  ladder_profile_set_name (profile, "");
  unnamed = ladder_export_default_name (profile, date);
  g_assert_cmpstr (unnamed, ==, "Unnamed – Progress Summary – 2026-11-23.pdf");
}

typedef struct
{
  gboolean  done;
  GError   *error;
  /* The main thread's CPU time at the last turn of its main loop, and
   * the most it spent between two turns while the export ran. */
  gint64    last_turn;
  gint64    longest_turn;
} Export;

/* CPU time, not wall time: what the main thread itself did between two
 * turns, however busy the machine is. */
static gint64
main_thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
export_turn (Export *export)
{
  gint64 now = main_thread_cpu_us ();

  export->longest_turn = MAX (export->longest_turn, now - export->last_turn);
  export->last_turn = now;
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Export *export = user_data;

  ladder_export_write_pdf_finish (GTK_WIDGET (object), result, &export->error);
  export_turn (export);
  export->done = TRUE;
}

static gboolean
export_done (gpointer data)
{
  return ((Export *) data)->done;
}

static gboolean
tick_cb (gpointer data)
{
  export_turn (data);
  return G_SOURCE_CONTINUE;
}

static void
test_export_write_pdf (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *reference = g_build_filename (dir, "reference.pdf", NULL);
  g_autoptr(GFile) reference_file = g_file_new_for_path (reference);
  g_autoptr(GError) error = NULL;
  LadderProfile *profile;
  Export export = { 0, };
  gint64 cpu_start, export_cpu;
  guint tick;

  profile = show_sample_profile (window, 2000);
  name = g_strdup (ladder_profile_get_name (profile));
  ui_spin (100);

  /* What the same export costs the thread that does it. */
  cpu_start = main_thread_cpu_us ();
  g_assert_true (ladder_report_write_pdf (profile, NULL, reference_file, NULL, &error));
  g_assert_no_error (error);
  export_cpu = main_thread_cpu_us () - cpu_start;
  g_assert_cmpint (g_remove (reference), ==, 0);

  /* The main loop keeps turning while the worker writes: a timeout of the
   * main context fires until the export is done, and no turn (nor the
   * call itself) holds the main thread for anything like the export's
   * cost. Done on the main thread, one turn would hold all of it. */
  tick = g_timeout_add (2, tick_cb, &export);
  export.last_turn = main_thread_cpu_us ();
  ladder_export_write_pdf (GTK_WIDGET (window), profile, NULL, file, NULL, export_done_cb, &export);
  /* The profile was read when asked for: a change now is not in it. */
  ladder_profile_set_name (profile, "Renamed While Exporting");
  ui_wait_for (export_done, &export, "the PDF to be written");
  g_source_remove (tick);

  g_assert_no_error (export.error);
  g_test_message ("Export: %" G_GINT64_FORMAT " µs of CPU; the main thread's longest turn "
                  "meanwhile: %" G_GINT64_FORMAT " µs", export_cpu, export.longest_turn);
  if (export.longest_turn >= export_cpu / 2)
    g_error ("The main thread spent %" G_GINT64_FORMAT " µs without turning its main loop "
             "during an export that costs %" G_GINT64_FORMAT " µs",
             export.longest_turn, export_cpu);
  g_assert_null (ui_visible_dialog (window));
  assert_is_pdf (path);
  text = run_tool ("pdftotext", path);
  g_assert_nonnull (strstr (text, name));
  g_assert_null (strstr (text, "Renamed While Exporting"));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  ui_window_free (window, app);
}

/* The paper chosen in Preferences (the paper-size key) is the PDF's. */
static void
test_export_paper_from_settings (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "paper.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LadderProfile *profile = ui_show_small_profile (window);
  const struct { const char *nick; const char *page_size; } papers[] = {
    { "letter", "612 x 792 pts (letter)" },
    { "a4", "595.276 x 841.89 pts (A4)" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      Export export = { 0, };
      g_autofree char *info = NULL;

      g_settings_set_string (settings, "paper-size", papers[i].nick);
      ladder_export_write_pdf (GTK_WIDGET (window), profile, NULL, file, NULL, export_done_cb, &export);
      ui_wait_for (export_done, &export, "the PDF to be written");
      g_assert_no_error (export.error);

      info = run_tool ("pdfinfo", path);
      if (strstr (info, papers[i].page_size) == NULL)
        g_error ("Expected page size “%s” for paper-size “%s”:\n%s",
                 papers[i].page_size, papers[i].nick, info);
      g_assert_cmpint (g_remove (path), ==, 0);
    }

  g_settings_reset (settings, "paper-size");
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  ui_window_free (window, app);
}

static void
test_export_write_error (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "no-such-folder", "summary.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Export export = { 0, };
  AdwDialog *alert;
  LadderProfile *profile;

  profile = ui_show_small_profile (window);
  ladder_export_write_pdf (GTK_WIDGET (window), profile, NULL, file, NULL, export_done_cb, &export);
  ui_wait_for (export_done, &export, "the export to fail");

  g_assert_error (export.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (export.error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* Said in an alert that names the file. */
  alert = ui_visible_dialog (window);
  g_assert_true (ADW_IS_ALERT_DIALOG (alert));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (alert)), ==, "Could Not Export PDF");
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (alert)), path));
  adw_dialog_force_close (alert);

  g_clear_error (&export.error);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  ui_window_free (window, app);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  GtkPrintOperationResult *out = user_data;

  *out = result;
}

static gboolean
print_done (gpointer data)
{
  return *(GtkPrintOperationResult *) data != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS;
}

/* Printing draws the same pages: GTK's own export of a print operation
 * to PDF has the summary's page count and text. */
static void
test_export_print_pages (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(LadderReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pages = NULL;
  GtkPrintOperationResult result = GTK_PRINT_OPERATION_RESULT_IN_PROGRESS;
  GtkPrintOperationResult run;
  LadderProfile *profile;
  double width, height;
  guint n_pages;

  profile = show_sample_profile (window, 40);
  report = ladder_report_new (profile, NULL);
  ladder_paper_size_get_size (LADDER_PAPER_SIZE_DEFAULT, &width, &height);
  n_pages = ladder_report_paginate (report, width, height);

  operation = ladder_export_print_operation (profile);
  gtk_print_operation_set_export_filename (operation, path);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), &result);
  run = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                 GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  if (run != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    result = run;
  ui_wait_for (print_done, &result, "the print operation to finish");
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  assert_is_pdf (path);
  info = run_tool ("pdfinfo", path);
  pages = g_strdup_printf ("Pages:           %u\n", n_pages);
  g_assert_nonnull (strstr (info, pages));
  text = run_tool ("pdftotext", path);
  g_assert_nonnull (strstr (text, ladder_profile_get_name (profile)));
  g_assert_nonnull (strstr (text, "Evidence log"));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  ui_window_free (window, app);
}

static gboolean
window_has_action (LadderWindow *window,
                   const char   *action)
{
  GType owner;
  const char *name;
  const GVariantType *parameter;
  const char *property;

  for (guint i = 0;
       gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), i, &owner, &name, &parameter,
                                      &property);
       i++)
    {
      if (g_str_equal (name, action))
        return parameter == NULL;
    }

  return FALSE;
}

static void
test_export_actions (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_auto(GStrv) print = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.print");
  g_auto(GStrv) export = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.export-pdf");

  g_assert_true (window_has_action (window, "win.export-pdf"));
  g_assert_true (window_has_action (window, "win.print"));
  g_assert_cmpstr (print[0], ==, "<Control>p");
  g_assert_cmpstr (export[0], ==, "<Shift><Control>e");

  ui_window_free (window, app);
}

/* A window other than @window with @title, if one is shown. */
static GtkWindow *
find_toplevel (LadderWindow *window,
               const char   *title)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (l->data != (gpointer) window && gtk_widget_get_visible (l->data) &&
          g_strcmp0 (gtk_window_get_title (l->data), title) == 0)
        return l->data;
    }

  return NULL;
}

typedef struct
{
  LadderWindow *window;
  const char   *title;
} Toplevel;

static gboolean
toplevel_shown (gpointer data)
{
  Toplevel *toplevel = data;

  return find_toplevel (toplevel->window, toplevel->title) != NULL;
}

static gboolean
toplevel_gone (gpointer data)
{
  return !toplevel_shown (data);
}

/* Print… opens the print dialog, and closing it prints nothing and says
 * nothing. (The file dialog of Export PDF… needs GTK's settings schema,
 * which the isolated test folders do not have.) */
static void
test_export_dialogs (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  Toplevel print_dialog = { window, "Print" };

  ui_show_small_profile (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  ui_wait_for (toplevel_shown, &print_dialog, "the print dialog");
  gtk_window_close (find_toplevel (window, "Print"));
  ui_wait_for (toplevel_gone, &print_dialog, "the print dialog to close");

  g_assert_null (ui_visible_dialog (window));
  ui_window_free (window, app);
}

static GtkWidget *
focus_of (LadderWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
focus_in (LadderWindow *window,
          GtkWidget    *widget)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A key as the window handles it: Tab moves the focus, Space activates
 * the focused widget, Return activates the default widget. */
static void
press (LadderWindow *window,
       guint         keyval)
{
  GtkWidget *focus = focus_of (window);
  AdwDialog *dialog;

  g_assert_nonnull (focus);
  switch (keyval)
    {
    case GDK_KEY_Tab:
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
      break;
    case GDK_KEY_space:
      g_assert_true (gtk_widget_activate (focus));
      break;
    case GDK_KEY_Return:
      /* In a dialog, the dialog's default widget. */
      dialog = ADW_DIALOG (gtk_widget_get_ancestor (focus, ADW_TYPE_DIALOG));
      g_assert_nonnull (dialog);
      g_assert_true (gtk_widget_activate (adw_dialog_get_default_widget (dialog)));
      break;
    default:
      g_assert_not_reached ();
    }
}

typedef struct
{
  LadderWindow *window;
  GtkWidget    *widget;
} Focused;

static gboolean
focused_cb (gpointer data)
{
  Focused *focused = data;

  return focus_in (focused->window, focused->widget);
}

static gboolean
switch_off_cb (gpointer data)
{
  return !adw_switch_row_get_active (data);
}

static gboolean
no_dialog_cb (gpointer data)
{
  return ui_visible_dialog (data) == NULL;
}

static void
export_chosen_cb (LadderExportDialog  *dialog,
                  LadderReportOptions *options)
{
  ladder_export_dialog_get_options (dialog, options);
}

/* Export PDF… asks first what the summary covers, set for a 1:1, the
 * focus on the first switch; the keyboard changes a switch and exports.
 * Without a check-in, "since the last check-in" has nothing to go by. */
static void
test_export_options_dialog (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  g_autoptr(LadderCheckin) checkin = ladder_checkin_new ("8d0c1e52-52d3-4b8e-8f5f-1f6a1c3e9d23");
  LadderReportOptions options = { 0, };
  Focused focused;
  AdwDialog *dialog;
  AdwSwitchRow *rated, *since, *levels;
  g_autoptr(GDate) last_week = NULL;

  /* The window's action opens it; Cancel closes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL));
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_EXPORT_DIALOG (dialog));
  since = ADW_SWITCH_ROW (ui_find (GTK_WIDGET (dialog), "since_row", ADW_TYPE_SWITCH_ROW));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (since)));
  g_assert_true (adw_dialog_close (dialog));
  ui_wait_for (no_dialog_cb, window, "the dialog to close");
  g_assert_null (ui_visible_dialog (window));

  /* With a check-in a week ago, driven by keys. (One held today is the
   * 1:1 the summary is for: it would cover everything before it.) */
  last_week = ui_today_plus (-7);
  ladder_checkin_set_date (checkin, last_week);
  ladder_profile_add_checkin (profile, checkin);
  dialog = ADW_DIALOG (ladder_export_dialog_new (profile));
  g_signal_connect (dialog, "export", G_CALLBACK (export_chosen_cb), &options);
  adw_dialog_present (dialog, GTK_WIDGET (window));
  rated = ADW_SWITCH_ROW (ui_find (GTK_WIDGET (dialog), "rated_row", ADW_TYPE_SWITCH_ROW));
  since = ADW_SWITCH_ROW (ui_find (GTK_WIDGET (dialog), "since_row", ADW_TYPE_SWITCH_ROW));
  levels = ADW_SWITCH_ROW (ui_find (GTK_WIDGET (dialog), "levels_row", ADW_TYPE_SWITCH_ROW));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (since)));
  g_assert_true (adw_switch_row_get_active (rated));
  g_assert_true (adw_switch_row_get_active (since));
  g_assert_true (adw_switch_row_get_active (levels));
  focused.window = window;
  focused.widget = GTK_WIDGET (rated);
  ui_wait_for (focused_cb, &focused, "the focus in the first switch");

  /* Tab to the next switch, Space turns it off, Return exports. */
  press (window, GDK_KEY_Tab);
  g_assert_true (focus_in (window, GTK_WIDGET (since)));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (adw_dialog_get_default_widget (dialog))), ==, "_Export…");
  press (window, GDK_KEY_space);
  /* The switch slides over before it says so. */
  ui_wait_for (switch_off_cb, since, "the switch to turn off");
  /* The button clicks once it has shown itself pressed. */
  press (window, GDK_KEY_Return);
  ui_wait_for (no_dialog_cb, window, "the dialog to close");
  g_assert_true (options.rated_only);
  g_assert_false (options.since_last_checkin);
  g_assert_true (options.levels_in_play);

  ui_window_free (window, app);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/export/default-name", test_export_default_name);
  g_test_add_func ("/export/write-pdf", test_export_write_pdf);
  g_test_add_func ("/export/paper-from-settings", test_export_paper_from_settings);
  g_test_add_func ("/export/write-error", test_export_write_error);
  g_test_add_func ("/export/print-pages", test_export_print_pages);
  g_test_add_func ("/export/actions", test_export_actions);
  g_test_add_func ("/export/dialogs", test_export_dialogs);
  g_test_add_func ("/export/options-dialog", test_export_options_dialog);

  return g_test_run ();
}
