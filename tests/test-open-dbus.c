/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files opens a file with Ladder, and the app icon's Log a Win runs,
 * through the desktop file's D-Bus activation: org.freedesktop.Application
 * Open and ActivateAction, called over a session bus of the test's own
 * on the application that owns the app's name there.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ladder-evidence-editor.h"
#include "ladder-import-dialog.h"
#include "ui-helpers.h"

/* One bus and one application for the program: the application keeps
 * its session bus connection until the process ends, and GApplication
 * warns when a registered one is finalized outside g_application_run(). */
static GTestDBus         *bus;
static LadderApplication *bus_app;

typedef struct
{
  GDBusConnection   *caller;   /* Files, the shell: another connection */
  LadderApplication *app;      /* registered on the bus under its id */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (bus_app == NULL)
    {
      bus_app = ladder_application_new ();
      g_application_register (G_APPLICATION (bus_app), NULL, &error);
      g_assert_no_error (error);
    }
  fixture->app = bus_app;
  g_assert_false (g_application_get_is_remote (G_APPLICATION (fixture->app)));

  fixture->caller = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                            G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                            G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                            NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app));

  while (windows != NULL)
    {
      LadderWindow *window = windows->data;

      while (ui_visible_dialog (window) != NULL)
        adw_dialog_force_close (ui_visible_dialog (window));
      ui_wait_saved (window);
      gtk_window_destroy (GTK_WINDOW (window));
      windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app));
    }

  g_dbus_connection_close_sync (fixture->caller, NULL, NULL);
  g_clear_object (&fixture->caller);
}

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* Calls @method of org.freedesktop.Application on the application, as
 * the desktop does, and waits for the answer. */
static void
call_application (Fixture    *fixture,
                  const char *method,
                  GVariant   *parameters)
{
  gboolean done = FALSE;

  g_dbus_connection_call (fixture->caller, APP_ID,
                          g_application_get_dbus_object_path (G_APPLICATION (fixture->app)),
                          "org.freedesktop.Application", method, parameters, NULL,
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, call_done_cb, &done);
  ui_wait_for (ui_flag_cb, &done, "the application to answer");
}

static LadderWindow *
wait_for_window (Fixture *fixture)
{
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));
  g_assert_true (LADDER_IS_WINDOW (window));
  ui_wait_for (ui_window_loaded_cb, window, "the library to load");

  return LADDER_WINDOW (window);
}

static gboolean
dialog_shown_cb (gpointer data)
{
  return ui_visible_dialog (data) != NULL;
}

/* Files' Open With: a framework goes to the import preview. */
static void
test_dbus_open (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "acme.json", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  const char *uris[] = { uri, NULL };
  LadderWindow *window;

  g_assert_no_error (error);
  g_file_get_contents (g_test_get_filename (G_TEST_DIST, "fixtures", "framework.json", NULL),
                       &contents, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  call_application (fixture, "Open", g_variant_new ("(^asa{sv})", uris, NULL));
  window = wait_for_window (fixture);
  ui_wait_for (dialog_shown_cb, window, "the import preview");
  g_assert_true (LADDER_IS_IMPORT_DIALOG (ui_visible_dialog (window)));
}

/* The app icon's Log a Win, on the profile last shown. */
static void
test_dbus_log_win (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  g_autoptr(LadderProfile) profile = ladder_profile_new (NULL, framework);
  g_autoptr(GFile) directory = ladder_library_get_default_directory ();
  g_autofree char *folder = g_build_filename (g_file_peek_path (directory), "profiles", NULL);
  g_autofree char *path = g_build_filename (folder, "sam.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  LadderWindow *window;

  ladder_profile_set_name (profile, "Sam Tester");
  contents = ladder_format_write_profile (profile, NULL);
  g_assert_no_errno (g_mkdir_with_parents (folder, 0700));
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  call_application (fixture, "ActivateAction",
                    g_variant_new ("(sava{sv})", "log-win", NULL, NULL));
  window = wait_for_window (fixture);
  ui_wait_for (dialog_shown_cb, window, "the evidence editor");
  g_assert_true (LADDER_IS_EVIDENCE_EDITOR (ui_visible_dialog (window)));
  g_assert_cmpstr (ladder_profile_get_name (_ladder_window_get_profile (window)), ==, "Sam Tester");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_test_init (&argc, &argv);
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

  g_test_add ("/ladder/open/dbus-open", Fixture, NULL, fixture_set_up, test_dbus_open,
              fixture_tear_down);
  g_test_add ("/ladder/open/dbus-log-win", Fixture, NULL, fixture_set_up, test_dbus_log_win,
              fixture_tear_down);

  status = g_test_run ();
  /* Not g_test_dbus_down(), which waits for the application to let go
   * of its connection. */
  g_test_dbus_stop (bus);

  return status;
}
