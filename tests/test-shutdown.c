/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The app finishes writing before it ends: a window closed, or the app
 * sent SIGTERM, while a profile is being written (or its evidence read)
 * waits for the write and then writes what changed meanwhile. Quitting (Ctrl+Q, SIGTERM) with a
 * dialog open quits, not only closes the dialog; Ctrl+Q asks first about
 * text typed and not saved. */

#include "config.h"

#include <signal.h>

#include "ladder-evidence-editor.h"
#include "ui-helpers.h"

/* Destroyed: the application lets go of it (the test's own reference
 * keeps the object). */
static gboolean
window_gone_cb (gpointer data)
{
  return gtk_window_get_application (data) == NULL;
}

static gboolean
window_hidden_cb (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static LadderProfile *
load_profile (GFile *file)
{
  g_autoptr(GError) error = NULL;
  LadderProfile *profile = ladder_format_load_profile (file, NULL, &error);

  g_assert_no_error (error);

  return profile;
}

/* Shows the demo profile, saved: returns its file and sets @profile. */
static GFile *
show_demo (LadderWindow   *window,
           LadderProfile **profile)
{
  ladder_window_show_demo (window);
  ui_wait_saved (window);
  *profile = _ladder_window_get_profile (window);
  g_assert_nonnull (*profile);

  return g_object_ref (ladder_profile_get_file (*profile));
}

/* Changes the shown profile and starts its write (as the autosave does),
 * then changes it again while that write runs on its worker: until the
 * main loop runs again, the write's end cannot be seen, so the second
 * change certainly comes during it. Then closes the window, or sends
 * SIGTERM. */
static void
close_while_writing (gboolean use_sigterm)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(LadderProfile) on_disk = NULL;
  g_autoptr(GFile) file = NULL;
  LadderProfile *profile;

  file = show_demo (window, &profile);

  ladder_profile_set_name (profile, "First change");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.retry-save", NULL));
  g_assert_true (_ladder_window_has_pending_save (window));
  ladder_profile_set_name (profile, "Second change, during the write");

  if (use_sigterm)
    {
      /* As a logout or a service manager would. The signal is seen on
       * the main loop's next turn. */
      g_assert_cmpint (raise (SIGTERM), ==, 0);
      ui_wait_for (window_hidden_cb, window, "the signal to close the window");
    }
  else
    gtk_window_close (GTK_WINDOW (window));

  /* It waits out of sight, then writes the second change and closes. */
  g_assert_true (gtk_window_get_application (GTK_WINDOW (window)) != NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  ui_wait_for (window_gone_cb, window, "the window to close");
  g_assert_false (_ladder_window_has_pending_save (window));

  on_disk = load_profile (file);
  g_assert_cmpstr (ladder_profile_get_name (on_disk), ==, "Second change, during the write");

  g_object_unref (window);
}

static void
test_close_while_writing (void)
{
  close_while_writing (FALSE);
}

static void
test_sigterm_while_writing (void)
{
  close_while_writing (TRUE);
}

/* A change waits for its autosave and the evidence editor is open when
 * app.quit is activated (Ctrl+Q) or SIGTERM arrives: the window closes,
 * not only the dialog, and the change is on disk. */
static void
quit_with_dialog_open (gboolean use_sigterm)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(LadderProfile) on_disk = NULL;
  g_autoptr(GFile) file = NULL;
  LadderProfile *profile;

  file = show_demo (window, &profile);

  ladder_profile_set_name (profile, "Changed before quitting");
  g_assert_true (_ladder_window_has_pending_save (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-evidence", NULL));
  g_assert_true (LADDER_IS_EVIDENCE_EDITOR (ui_visible_dialog (window)));

  if (use_sigterm)
    g_assert_cmpint (raise (SIGTERM), ==, 0);
  else
    g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);

  ui_wait_for (window_gone_cb, window, "the window to close");
  g_assert_null (ui_visible_dialog (window));
  g_assert_false (_ladder_window_has_pending_save (window));

  on_disk = load_profile (file);
  g_assert_cmpstr (ladder_profile_get_name (on_disk), ==, "Changed before quitting");

  g_object_unref (window);
}

/* Text typed in the evidence editor and not saved: Ctrl+Q (app.quit)
 * asks, as Escape does, and the window stays; SIGTERM, which no one can
 * answer, quits. */
static void
test_quit_with_text_typed (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  AdwDialog *editor;
  LadderProfile *profile;

  g_object_unref (show_demo (window, &profile));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-evidence", NULL));
  editor = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_EVIDENCE_EDITOR (editor));
  gtk_editable_set_text (GTK_EDITABLE (ui_find (GTK_WIDGET (editor), "title_row", 0)), "Half a thought");
  ui_spin (500);

  g_action_group_activate_action (G_ACTION_GROUP (ui_application ()), "quit", NULL);
  ui_spin (500);
  g_assert_nonnull (gtk_window_get_application (GTK_WINDOW (window)));
  g_assert_true (ADW_IS_ALERT_DIALOG (ui_visible_dialog (window)));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (ui_visible_dialog (window))), ==,
                   "Discard Changes?");

  g_assert_cmpint (raise (SIGTERM), ==, 0);
  ui_wait_for (window_gone_cb, window, "the window to close");
  g_object_unref (window);
}

static void
test_quit_with_dialog_open (void)
{
  quit_with_dialog_open (FALSE);
}

static void
test_sigterm_with_dialog_open (void)
{
  quit_with_dialog_open (TRUE);
}

/* A profile shown from its head, changed and closed before its evidence
 * is read, at once or through its autosave: the file gets the change and
 * keeps every entry. */
static void
close_while_reading (gboolean autosave)
{
  g_autoptr(LadderApplication) app = NULL;
  g_autoptr(LadderApplication) app2 = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(LadderProfile) on_disk = NULL;
  g_autoptr(GFile) file = NULL;
  LadderProfile *profile;
  guint n;

  file = show_demo (window, &profile);
  n = g_list_model_get_n_items (ladder_profile_get_evidence (profile));
  g_assert_cmpuint (n, >, 0);
  ui_window_free (window, app);

  window = ui_window_new_listed (&app2);
  profile = _ladder_window_get_profile (window);
  g_assert_true (ladder_profile_get_loading (profile));
  ladder_profile_set_name (profile, "Changed while reading");
  if (autosave)
    {
      /* The write waits for the evidence; the window waits for it. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.retry-save", NULL));
      g_assert_true (_ladder_window_has_pending_save (window));
    }
  gtk_window_close (GTK_WINDOW (window));
  ui_wait_for (window_gone_cb, window, "the window to close");

  on_disk = load_profile (file);
  g_assert_cmpstr (ladder_profile_get_name (on_disk), ==, "Changed while reading");
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (on_disk)), ==, n);

  g_object_unref (window);
}

static void
test_close_while_reading (void)
{
  close_while_reading (FALSE);
}

static void
test_close_while_reading_autosave (void)
{
  close_while_reading (TRUE);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/shutdown/close-while-writing", test_close_while_writing);
  g_test_add_func ("/ladder/shutdown/sigterm-while-writing", test_sigterm_while_writing);
  g_test_add_func ("/ladder/shutdown/close-while-reading", test_close_while_reading);
  g_test_add_func ("/ladder/shutdown/close-while-reading-autosave",
                   test_close_while_reading_autosave);
  g_test_add_func ("/ladder/shutdown/quit-with-dialog-open", test_quit_with_dialog_open);
  g_test_add_func ("/ladder/shutdown/quit-with-text-typed", test_quit_with_text_typed);
  g_test_add_func ("/ladder/shutdown/sigterm-with-dialog-open", test_sigterm_with_dialog_open);

  return g_test_run ();
}
