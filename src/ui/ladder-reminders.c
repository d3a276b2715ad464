/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-reminders"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-reminders.h"
#include "ladder-time-private.h"
#include "ladder-window-private.h"

/* Sends what ladder_reminder_list_due() finds due as GNotifications,
 * each once per due day (the setting "reminders-sent"): at start, when a
 * reminder is turned on, and from 9 in the morning on each day the app
 * runs. While one is on, the application holds itself, so that it keeps
 * running without a window, and asks the Background portal to let it
 * (and to start it with the session as a service). */

/* The hour from which a day's reminders are sent by a running app. */
#define REMIND_HOUR 9

struct _LadderReminders
{
  GObject            parent_instance;

  LadderApplication *application;  /* unowned: it owns us */
  GSettings         *settings;
  gboolean           held;
  guint              tick_id;
  guint              retry_id;
  LadderLibrary     *library;      /* our own, while no window has one */
  GCancellable      *cancellable;
  gboolean           loading;
  char              *background_message;
  guint              response_id;  /* the portal request's answer */
  GDBusConnection   *portal_connection;
};

G_DEFINE_FINAL_TYPE (LadderReminders, ladder_reminders, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_BACKGROUND_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
wants_checkins (LadderReminders *self)
{
  return g_settings_get_boolean (self->settings, "remind-checkins");
}

static gboolean
wants_log_win (LadderReminders *self)
{
  return g_settings_get_boolean (self->settings, "remind-log-win");
}

static void
set_background_message (LadderReminders *self,
                        const char      *message)
{
  if (g_strcmp0 (self->background_message, message) == 0)
    return;

  g_free (self->background_message);
  self->background_message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKGROUND_MESSAGE]);
}

static void
send (LadderReminders      *self,
      const LadderReminder *reminder)
{
  g_autoptr(GNotification) notification = g_notification_new (reminder->title);

  g_notification_set_body (notification, reminder->body);
  if (reminder->kind == LADDER_REMINDER_CHECKIN)
    {
      g_notification_set_default_action_and_target (notification, "app.prepare-checkin",
                                                     "s", reminder->profile_id);
      g_notification_add_button_with_target (notification, _("Prepare 1:1"),
                                             "app.prepare-checkin", "s", reminder->profile_id);
    }
  else
    {
      g_notification_set_default_action (notification, "app.log-win");
      g_notification_add_button (notification, _("Log a Win"), "app.log-win");
    }

  g_application_send_notification (G_APPLICATION (self->application), reminder->key,
                                   notification);
}

static void
check_library (LadderReminders *self,
               LadderLibrary   *library)
{
  g_autoptr(GDate) today = _ladder_date_new_today ();
  g_autoptr(GPtrArray) due = ladder_reminder_list_due (ladder_library_get_profiles (library), today);
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  g_autoptr(GPtrArray) unsent = NULL;
  g_auto(GStrv) sent = g_settings_get_strv (self->settings, "reminders-sent");
  g_auto(GStrv) remembered = NULL;
  g_autoptr(GStrvBuilder) keep = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;
  gboolean checkins = wants_checkins (self);
  gboolean log_win = wants_log_win (self);

  for (guint i = 0; i < due->len; i++)
    {
      LadderReminder *reminder = g_ptr_array_index (due, i);
      gboolean on = reminder->kind == LADDER_REMINDER_CHECKIN ? checkins : log_win;

      if (on)
        g_ptr_array_add (wanted, reminder);
      /* A kind turned off keeps what it sent today, so that turning it
       * back on does not send it again. */
      else if (g_strv_contains ((const char * const *) sent, reminder->key))
        g_strv_builder_add (keep, reminder->key);
    }

  unsent = ladder_reminder_take_unsent (wanted, (const char * const *) sent, &remembered);
  for (guint i = 0; i < unsent->len; i++)
    send (self, g_ptr_array_index (unsent, i));

  g_strv_builder_addv (keep, (const char **) remembered);
  kept = g_strv_builder_end (keep);
  if (!g_strv_equal ((const char * const *) kept, (const char * const *) sent))
    g_settings_set_strv (self->settings, "reminders-sent", (const char * const *) kept);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  LadderReminders *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ladder_library_load_finish (LADDER_LIBRARY (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("%s", error->message);
    }

  self->loading = FALSE;
  ladder_reminders_check (self);
}

static gboolean
retry_cb (gpointer user_data)
{
  LadderReminders *self = user_data;

  self->retry_id = 0;
  ladder_reminders_check (self);

  return G_SOURCE_REMOVE;
}

/**
 * ladder_reminders_check:
 * @self: a #LadderReminders
 *
 * Sends the reminders due today that were not sent yet, of the kinds
 * turned on: from the library of the app's window, else from one of its
 * own, read first.
 */
void
ladder_reminders_check (LadderReminders *self)
{
  GList *windows;

  g_return_if_fail (LADDER_IS_REMINDERS (self));

  if (!wants_checkins (self) && !wants_log_win (self))
    return;

  windows = gtk_application_get_windows (GTK_APPLICATION (self->application));
  for (GList *l = windows; l != NULL; l = l->next)
    {
      LadderWindow *window;

      if (!LADDER_IS_WINDOW (l->data))
        continue;
      window = l->data;

      /* The window's library is the one to read: a second one on the
       * same folder would merge and write what the first does. A window
       * reads its library after its first frame; the check waits. */
      if (!_ladder_window_is_loaded (window))
        {
          if (self->retry_id == 0)
            self->retry_id = g_timeout_add_seconds (1, retry_cb, self);
          return;
        }

      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      g_clear_object (&self->library);
      self->loading = FALSE;
      check_library (self, _ladder_window_get_library (window));
      return;
    }

  if (self->library == NULL)
    {
      g_autoptr(GFile) directory = ladder_library_get_default_directory ();

      self->library = ladder_library_new (directory);
      self->cancellable = g_cancellable_new ();
      self->loading = TRUE;
      ladder_library_load_async (self->library, self->cancellable, load_done_cb, self);
      return;
    }

  /* Still reading: load_done_cb() checks. */
  if (self->loading)
    return;

  check_library (self, self->library);
}

/* Hourly rather than one timeout to the next morning: a timeout stands
 * still while the computer sleeps, and would fire hours late. */
static gboolean
tick_cb (gpointer user_data)
{
  LadderReminders *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_hour (now) >= REMIND_HOUR)
    ladder_reminders_check (self);

  return G_SOURCE_CONTINUE;
}

static void
response_cb (GDBusConnection *connection,
             const char      *sender_name,
             const char      *object_path,
             const char      *interface_name,
             const char      *signal_name,
             GVariant        *parameters,
             gpointer         user_data)
{
  LadderReminders *self = user_data;
  g_autoptr(GVariant) results = NULL;
  guint32 response;
  gboolean background = FALSE;

  g_dbus_connection_signal_unsubscribe (connection, self->response_id);
  self->response_id = 0;

  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  g_variant_lookup (results, "background", "b", &background);

  if (response == 0 && background)
    set_background_message (self, NULL);
  else
    set_background_message (self, _("Ladder is not allowed to run in the background: reminders come only while its window is open. Settings can allow it under Apps."));
}

static void
request_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(LadderReminders) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply != NULL)
    return;

  if (self->response_id != 0)
    {
      g_dbus_connection_signal_unsubscribe (G_DBUS_CONNECTION (object), self->response_id);
      self->response_id = 0;
    }

  /* No portal: outside a sandbox on a desktop without one, or no
   * desktop at all. The reminders still come while Ladder runs. */
  if (g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_INTERFACE) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT))
    set_background_message (self, _("This desktop cannot run Ladder in the background: reminders come only while its window is open."));
  else
    {
      g_autofree char *message = NULL;

      g_dbus_error_strip_remote_error (error);
      /* Translators: %s is the reason, from the system */
      message = g_strdup_printf (_("Ladder could not ask to run in the background: reminders come only while its window is open (%s)."),
                                 error->message);
      set_background_message (self, message);
    }
}

/* The Background portal's RequestBackground: to run without a window
 * and to start with the session, as `ladder --gapplication-service`
 * (a service opens no window; the desktop file's D-Bus activation would
 * open one). */
static void
request_background (LadderReminders *self)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (self->application));
  g_autofree char *token = NULL;
  g_autofree char *sender = NULL;
  g_autofree char *handle = NULL;
  const char *commandline[] = { "ladder", "--gapplication-service", NULL };
  GVariantBuilder options;

  if (connection == NULL)
    {
      set_background_message (self, _("This desktop cannot run Ladder in the background: reminders come only while its window is open."));
      return;
    }

  /* The portal answers on a Request object whose path it derives from
   * the caller's name and the token: subscribe before asking. */
  token = g_strdup_printf ("ladder%u", g_random_int ());
  sender = g_strdelimit (g_strdup (g_dbus_connection_get_unique_name (connection) + 1), ".", '_');
  handle = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", sender, token);
  if (self->response_id != 0)
    g_dbus_connection_signal_unsubscribe (self->portal_connection, self->response_id);
  g_set_object (&self->portal_connection, connection);
  self->response_id = g_dbus_connection_signal_subscribe (connection, "org.freedesktop.portal.Desktop",
                                                          "org.freedesktop.portal.Request", "Response",
                                                          handle, NULL,
                                                          G_DBUS_SIGNAL_FLAGS_NO_MATCH_RULE,
                                                          response_cb, self, NULL);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("To remind you of 1:1s and of logging your wins")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (TRUE));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  g_dbus_connection_call (connection, "org.freedesktop.portal.Desktop",
                          "/org/freedesktop/portal/desktop", "org.freedesktop.portal.Background",
                          "RequestBackground", g_variant_new ("(sa{sv})", "", &options),
                          G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                          request_done_cb, g_object_ref (self));
}

static void
update_hold (LadderReminders *self)
{
  gboolean on = wants_checkins (self) || wants_log_win (self);

  if (on && !self->held)
    g_application_hold (G_APPLICATION (self->application));
  else if (!on && self->held)
    g_application_release (G_APPLICATION (self->application));
  self->held = on;

  if (on && self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (60 * 60, tick_cb, self);
  else if (!on)
    g_clear_handle_id (&self->tick_id, g_source_remove);
}

static void
setting_changed_cb (GSettings       *settings,
                    const char      *key,
                    LadderReminders *self)
{
  update_hold (self);

  if (g_settings_get_boolean (settings, key))
    {
      request_background (self);
      ladder_reminders_check (self);
    }
  else if (!wants_checkins (self) && !wants_log_win (self))
    set_background_message (self, NULL);
}

/**
 * ladder_reminders_get_background_message:
 * @self: a #LadderReminders
 *
 * Returns: (nullable): why Ladder cannot run in the background to send
 *   the reminders, or %NULL when it can or was not asked to
 */
const char *
ladder_reminders_get_background_message (LadderReminders *self)
{
  g_return_val_if_fail (LADDER_IS_REMINDERS (self), NULL);

  return self->background_message;
}

/**
 * ladder_reminders_let_go:
 * @self: a #LadderReminders
 *
 * Stops holding the application, so that Quit ends it even while a
 * reminder is on; it starts again with the session.
 */
void
ladder_reminders_let_go (LadderReminders *self)
{
  g_return_if_fail (LADDER_IS_REMINDERS (self));

  if (self->held)
    g_application_release (G_APPLICATION (self->application));
  self->held = FALSE;
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
}

static void
ladder_reminders_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LadderReminders *self = LADDER_REMINDERS (object);

  switch (prop_id)
    {
    case PROP_BACKGROUND_MESSAGE:
      g_value_set_string (value, self->background_message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_reminders_dispose (GObject *object)
{
  LadderReminders *self = LADDER_REMINDERS (object);

  ladder_reminders_let_go (self);
  if (self->response_id != 0)
    g_dbus_connection_signal_unsubscribe (self->portal_connection, self->response_id);
  self->response_id = 0;
  g_clear_object (&self->portal_connection);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ladder_reminders_parent_class)->dispose (object);
}

static void
ladder_reminders_finalize (GObject *object)
{
  LadderReminders *self = LADDER_REMINDERS (object);

  g_free (self->background_message);

  G_OBJECT_CLASS (ladder_reminders_parent_class)->finalize (object);
}

static void
ladder_reminders_class_init (LadderRemindersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ladder_reminders_get_property;
  object_class->dispose = ladder_reminders_dispose;
  object_class->finalize = ladder_reminders_finalize;

  properties[PROP_BACKGROUND_MESSAGE] =
    g_param_spec_string ("background-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ladder_reminders_init (LadderReminders *self)
{
}

/**
 * ladder_reminders_new:
 * @application: the application, which sends the notifications
 * @settings: its settings
 *
 * Returns: (transfer full): a new #LadderReminders, which checks once
 *   the main loop runs when a reminder is on
 */
LadderReminders *
ladder_reminders_new (LadderApplication *application,
                      GSettings         *settings)
{
  LadderReminders *self;

  g_return_val_if_fail (LADDER_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LADDER_TYPE_REMINDERS, NULL);
  self->application = application;
  self->settings = g_object_ref (settings);
  g_signal_connect (settings, "changed::remind-checkins", G_CALLBACK (setting_changed_cb), self);
  g_signal_connect (settings, "changed::remind-log-win", G_CALLBACK (setting_changed_cb), self);

  update_hold (self);
  /* Again at each start while one is on: what the preferences say of
   * the background follows what the portal says now. */
  if (self->held)
    request_background (self);
  /* After the application's activation, which makes the window whose
   * library the check reads. */
  self->retry_id = g_idle_add (retry_cb, self);

  return self;
}
