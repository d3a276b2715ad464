/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app's window, built from its template, under a real display (Xvfb).
 */

#include "config.h"

#include <gtk/gtk.h>

#include "ladder-application.h"
#include "ladder-window.h"

static void
test_window_template (void)
{
  g_autoptr(LadderApplication) app = ladder_application_new ();
  GtkWidget *window;
  GtkWidget *status;
  int min_width;

  g_autoptr(GError) error = NULL;

  /* Windows join an application after its startup: register it, without
   * asking a session bus for a unique name. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  window = GTK_WIDGET (ladder_window_new (app));
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));

  /* The welcome page is there and says what the app is for. */
  status = adw_toolbar_view_get_content (
    ADW_TOOLBAR_VIEW (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window))));
  g_assert_true (ADW_IS_STATUS_PAGE (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "Welcome to Ladder");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Ladder");
  gtk_widget_get_size_request (window, &min_width, NULL);
  g_assert_cmpint (min_width, ==, 360);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ladder/window/template", test_window_template);

  return g_test_run ();
}
