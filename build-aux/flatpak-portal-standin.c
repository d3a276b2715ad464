/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * build-aux/flatpak-portal-standin: owns org.freedesktop.portal.Desktop on
 * the session bus it is given and stands in for xdg-desktop-portal's
 * Notification and Background interfaces, so that build-aux/flatpak-test
 * sees what the sandboxed app sends to them. It prints one line per call:
 *
 *   AddNotification ID {'title': <'…'>, 'body': <'…'>, …}
 *   RequestBackground {'reason': <'…'>, 'autostart': <true>, …}
 *
 * and "ready" once it owns the name. Background requests are granted, as
 * GNOME's portal does once the user allows it. Built and run in the SDK
 * (flatpak run org.gnome.Sdk) so that the host needs no GLib headers.
 */

#include <stdio.h>

#include <gio/gio.h>

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Notification'>"
  "    <method name='AddNotification'>"
  "      <arg type='s' name='id' direction='in'/>"
  "      <arg type='a{sv}' name='notification' direction='in'/>"
  "    </method>"
  "    <method name='RemoveNotification'>"
  "      <arg type='s' name='id' direction='in'/>"
  "    </method>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "  <interface name='org.freedesktop.portal.Background'>"
  "    <method name='RequestBackground'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "</node>";

static GMainLoop *loop;

static void
request_background (GDBusConnection       *connection,
                    const char            *sender,
                    GVariant              *options,
                    GDBusMethodInvocation *invocation)
{
  g_autofree char *caller = g_strdelimit (g_strdup (sender + 1), ".", '_');
  g_autofree char *handle = NULL;
  const char *token = NULL;
  GVariantBuilder results;

  if (!g_variant_lookup (options, "handle_token", "&s", &token))
    token = "t";
  handle = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", caller, token);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", handle));

  /* The answer comes as the request's Response signal, to the caller. */
  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&results, "{sv}", "background", g_variant_new_boolean (TRUE));
  g_variant_builder_add (&results, "{sv}", "autostart", g_variant_new_boolean (TRUE));
  g_dbus_connection_emit_signal (connection, sender, handle, "org.freedesktop.portal.Request",
                                 "Response", g_variant_new ("(ua{sv})", 0, &results), NULL);
}

static void
method_cb (GDBusConnection       *connection,
           const char            *sender,
           const char            *object_path,
           const char            *interface_name,
           const char            *method_name,
           GVariant              *parameters,
           GDBusMethodInvocation *invocation,
           gpointer               user_data)
{
  g_autoptr(GVariant) arg = g_variant_get_child_value (parameters, 1);
  g_autofree char *printed = g_variant_print (arg, FALSE);

  if (g_str_equal (method_name, "AddNotification"))
    {
      const char *id;

      g_variant_get_child (parameters, 0, "&s", &id);
      g_print ("AddNotification %s %s\n", id, printed);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "RequestBackground"))
    {
      g_print ("RequestBackground %s\n", printed);
      request_background (connection, sender, arg, invocation);
    }
  else
    {
      g_print ("%s\n", method_name);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
}

static GVariant *
get_property_cb (GDBusConnection  *connection,
                 const char       *sender,
                 const char       *object_path,
                 const char       *interface_name,
                 const char       *property_name,
                 GError          **error,
                 gpointer          user_data)
{
  /* Version 1 of both: what every GLib that uses the portal knows. */
  return g_variant_new_uint32 (1);
}

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  g_print ("ready\n");
}

static void
name_lost_cb (GDBusConnection *connection,
              const char      *name,
              gpointer         user_data)
{
  g_printerr ("flatpak-portal-standin: could not own %s\n", name);
  g_main_loop_quit (loop);
}

int
main (void)
{
  static const GDBusInterfaceVTable vtable = { method_cb, get_property_cb, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (introspection_xml, NULL);
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  /* One line per call, as it comes, into the file the caller reads. */
  setvbuf (stdout, NULL, _IOLBF, 0);

  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (connection == NULL)
    {
      g_printerr ("flatpak-portal-standin: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; info->interfaces[i] != NULL; i++)
    if (!g_dbus_connection_register_object (connection, "/org/freedesktop/portal/desktop",
                                            info->interfaces[i], &vtable, NULL, NULL, &error))
      {
        g_printerr ("flatpak-portal-standin: %s\n", error->message);
        return 1;
      }

  loop = g_main_loop_new (NULL, FALSE);
  g_bus_own_name_on_connection (connection, "org.freedesktop.portal.Desktop",
                                G_BUS_NAME_OWNER_FLAGS_DO_NOT_QUEUE,
                                name_acquired_cb, name_lost_cb, NULL, NULL);
  g_main_loop_run (loop);

  return 1;
}
