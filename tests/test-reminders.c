/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reminders as the desktop receives them: turning a preference on
 * with a 1:1 due sends a notification, whose button opens Prepare 1:1
 * for that person; the weekly nudge's button is Log a Win. A session bus
 * of the test's own carries them to a stand-in for GNOME Shell's
 * org.gtk.Notifications, which records what it is sent.
 */

#include "config.h"

#include "ladder-prepare-page.h"
#include "ui-helpers.h"

static GTestDBus       *bus;
static GDBusConnection *server;    /* the stand-in's, for the program's life */
static GPtrArray       *received;  /* (s app_id, s id, a{sv} notification) */

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.gtk.Notifications'>"
  "    <method name='AddNotification'>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/>"
  "    </method>"
  "    <method name='RemoveNotification'>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static void
notifications_method_cb (GDBusConnection       *connection,
                         const char            *sender,
                         const char            *object_path,
                         const char            *interface_name,
                         const char            *method_name,
                         GVariant              *parameters,
                         GDBusMethodInvocation *invocation,
                         gpointer               user_data)
{
  if (g_str_equal (method_name, "AddNotification"))
    g_ptr_array_add (received, g_variant_ref (parameters));
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
start_notification_server (void)
{
  static const GDBusInterfaceVTable vtable = { notifications_method_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;

  server = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                   G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                   G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                   NULL, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (server, "/org/gtk/Notifications", info->interfaces[0],
                                     &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  /* Owned before the application's first notification: GLib picks the
   * org.gtk.Notifications backend only when the name has an owner. */
  reply = g_dbus_connection_call_sync (server, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.gtk.Notifications", 0),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, &error);
  g_assert_no_error (error);
}

static gboolean
received_cb (gpointer data)
{
  return received->len >= GPOINTER_TO_UINT (data);
}

static AdwNavigationPage *
visible_page (LadderWindow *window)
{
  GtkWidget *nav = ui_find (GTK_WIDGET (window), "content_nav", ADW_TYPE_NAVIGATION_VIEW);

  return adw_navigation_view_get_visible_page (ADW_NAVIGATION_VIEW (nav));
}

static gboolean
prepare_page_shown_cb (gpointer data)
{
  return LADDER_IS_PREPARE_PAGE (visible_page (data));
}

/* The notification's dictionary, checked field by field. */
static void
assert_notification (GVariant   *call,
                     const char *key,
                     const char *title,
                     const char *body,
                     const char *action,
                     GVariant   *target,
                     const char *button)
{
  g_autoptr(GVariant) notification = NULL;
  g_autoptr(GVariant) buttons = NULL;
  g_autoptr(GVariant) first = NULL;
  g_autoptr(GVariant) default_target = NULL;
  g_autoptr(GVariant) button_target = NULL;
  g_autoptr(GVariant) expected = target != NULL ? g_variant_ref_sink (target) : NULL;
  const char *app_id;
  const char *id;
  const char *text;

  g_variant_get (call, "(&s&s@a{sv})", &app_id, &id, &notification);
  g_assert_cmpstr (app_id, ==, APP_ID);
  g_assert_cmpstr (id, ==, key);

  g_assert_true (g_variant_lookup (notification, "title", "&s", &text));
  g_assert_cmpstr (text, ==, title);
  g_assert_true (g_variant_lookup (notification, "body", "&s", &text));
  g_assert_cmpstr (text, ==, body);
  g_assert_true (g_variant_lookup (notification, "default-action", "&s", &text));
  g_assert_cmpstr (text, ==, action);
  default_target = g_variant_lookup_value (notification, "default-action-target", NULL);
  if (expected != NULL)
    g_assert_true (default_target != NULL && g_variant_equal (default_target, expected));
  else
    g_assert_null (default_target);

  buttons = g_variant_lookup_value (notification, "buttons", G_VARIANT_TYPE ("aa{sv}"));
  g_assert_nonnull (buttons);
  g_assert_cmpuint (g_variant_n_children (buttons), ==, 1);
  first = g_variant_get_child_value (buttons, 0);
  g_assert_true (g_variant_lookup (first, "label", "&s", &text));
  g_assert_cmpstr (text, ==, button);
  g_assert_true (g_variant_lookup (first, "action", "&s", &text));
  g_assert_cmpstr (text, ==, action);
  button_target = g_variant_lookup_value (first, "target", NULL);
  if (expected != NULL)
    g_assert_true (button_target != NULL && g_variant_equal (button_target, expected));
}

static void
test_reminders (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  LadderLibrary *library = _ladder_window_get_library (window);
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  g_autoptr(LadderProfile) alex = ladder_profile_new ("alex-profile", framework);
  g_autoptr(LadderProfile) mine = ladder_profile_new ("my-profile", framework);
  g_autoptr(LadderCheckin) checkin = ladder_checkin_new (NULL);
  g_autoptr(LadderAction) action = ladder_action_new (NULL);
  g_autoptr(GDate) week_ago = ui_today_plus (-7);
  g_autoptr(GDate) today = ui_today_plus (0);
  g_autofree char *day = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (today),
                                          g_date_get_month (today), g_date_get_day (today));
  g_autofree char *checkin_key = g_strconcat ("checkin/alex-profile/", day, NULL);
  g_auto(GStrv) sent = NULL;

  /* A weekly 1:1 last held a week ago, with one action open and two
   * wins logged since. */
  ladder_profile_set_name (alex, "Alex");
  ladder_profile_set_owner (alex, LADDER_RATER_MANAGER);
  ladder_profile_set_cadence (alex, LADDER_CADENCE_WEEKLY);
  ladder_checkin_set_date (checkin, week_ago);
  ladder_action_set_text (action, "Draft the design doc");
  ladder_checkin_add_action (checkin, action);
  ladder_profile_add_checkin (alex, checkin);
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(LadderEvidence) entry = ladder_evidence_new (NULL);

      ladder_evidence_set_title (entry, "Shipped it");
      ladder_evidence_set_date (entry, today);
      ladder_profile_add_evidence (alex, entry);
    }
  ladder_library_add_profile (library, alex);

  /* The user's own profile, nothing logged this week. */
  ladder_profile_set_name (mine, "My Growth");
  ladder_library_add_profile (library, mine);

  /* Off by default: nothing is sent. */
  g_assert_false (g_settings_get_boolean (settings, "remind-checkins"));
  g_assert_false (g_settings_get_boolean (settings, "remind-log-win"));
  g_assert_cmpuint (received->len, ==, 0);

  g_settings_set_boolean (settings, "remind-checkins", TRUE);
  ui_wait_for (received_cb, GUINT_TO_POINTER (1), "the 1:1 reminder");
  g_assert_cmpuint (received->len, ==, 1);
  assert_notification (received->pdata[0], checkin_key, "1:1 with Alex today",
                       "1 open action, 2 new wins", "app.prepare-checkin",
                       g_variant_new_string ("alex-profile"), "Prepare 1:1");
  sent = g_settings_get_strv (settings, "reminders-sent");
  g_assert_true (g_strv_contains ((const char * const *) sent, checkin_key));

  /* The nudge, for the user's own profile only. */
  g_settings_set_boolean (settings, "remind-log-win", TRUE);
  ui_wait_for (received_cb, GUINT_TO_POINTER (2), "the nudge to log a win");
  g_assert_cmpuint (received->len, ==, 2);
  {
    g_autoptr(GVariant) notification = NULL;
    const char *id;
    const char *title;

    g_variant_get (received->pdata[1], "(&s&s@a{sv})", NULL, &id, &notification);
    g_assert_true (g_str_has_prefix (id, "log-win/my-profile/"));
    g_assert_true (g_variant_lookup (notification, "title", "&s", &title));
    assert_notification (received->pdata[1], id, title,
                         "Nothing logged for My Growth this week. A line now saves searching before the next check-in.",
                         "app.log-win", NULL, "Log a Win");
  }

  /* The button: Prepare 1:1 for Alex, from another profile shown. */
  _ladder_window_select (window, G_OBJECT (mine));
  g_action_group_activate_action (G_ACTION_GROUP (app), "prepare-checkin",
                                  g_variant_new_string ("alex-profile"));
  ui_wait_for (prepare_page_shown_cb, window, "the Prepare 1:1 page");
  g_assert_true (_ladder_window_get_profile (window) == alex);

  g_settings_reset (settings, "remind-checkins");
  g_settings_reset (settings, "remind-log-win");
  ui_window_free (window, app);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* GNOME Shell's interface, which the stand-in serves. */
  g_setenv ("GNOTIFICATION_BACKEND", "gtk", TRUE);
  ui_test_init (&argc, &argv);
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  received = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  start_notification_server ();

  g_test_add_func ("/ladder/reminders/notify-and-prepare", test_reminders);

  status = g_test_run ();
  /* Not g_test_dbus_down(), which waits for the application to let go
   * of its connection. */
  g_test_dbus_stop (bus);
  g_clear_object (&server);
  g_ptr_array_unref (received);

  return status;
}
