/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-shell-search"

#include "config.h"

#include "ladder-shell-search.h"
#include "ladder-window-private.h"

/* GNOME Shell's search provider (org.gnome.Shell.SearchProvider2), which
 * the application exports beside itself on the session bus: typing in
 * the overview finds profiles, behaviours and evidence
 * (LadderSearchProvider), a result opens the window on it, and the
 * search itself opens the Evidence tab's search with the same words.
 *
 * The overview asks with no window open, at each keystroke. The library
 * searched is the window's once it has loaded; before, one of our own,
 * loaded once on the first search and kept while searches come (its
 * profiles' evidence is folded once, by the provider's indexes). It is
 * let go as soon as a window's library can answer, so that the folder is
 * watched and merged by one library only. */

#define SEARCH_PROVIDER_INTERFACE "org.gnome.Shell.SearchProvider2"

/* How long the application stays up after a search, when it has no
 * window: the next keystroke comes soon, and the library is loaded. */
#define KEEP_ALIVE_SECONDS 20

/* The overview shows five results, and sends them all back as the user
 * types on: a one-letter search over a long log must not send thousands. */
#define MAX_RESULTS 200

static const char introspection_xml[] =
  "<node>"
  "  <interface name='" SEARCH_PROVIDER_INTERFACE "'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

struct _LadderShellSearch
{
  GObject               parent_instance;

  LadderApplication    *application;   /* borrowed: it owns us */
  GDBusConnection      *connection;
  guint                 registration_id;

  LadderSearchProvider *provider;
  LadderLibrary        *own_library;   /* until a window's has loaded */
  gboolean              own_ready;     /* loaded, every profile whole */
  GCancellable         *cancellable;
  GPtrArray            *waiting;       /* GDBusMethodInvocation */

  guint                 release_id;    /* lets the application go */
};

G_DEFINE_FINAL_TYPE (LadderShellSearch, ladder_shell_search, G_TYPE_OBJECT)

static void
drop_own_library (LadderShellSearch *self)
{
  GListModel *profiles;

  if (self->own_library == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  profiles = ladder_library_get_profiles (self->own_library);
  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (profiles, i);

      g_signal_handlers_disconnect_by_data (profile, self);
    }
  if (self->provider != NULL &&
      ladder_search_provider_get_library (self->provider) == self->own_library)
    g_clear_object (&self->provider);
  g_clear_object (&self->own_library);
  self->own_ready = FALSE;
}

static void
ladder_shell_search_dispose (GObject *object)
{
  LadderShellSearch *self = LADDER_SHELL_SEARCH (object);

  ladder_shell_search_unregister (self);
  drop_own_library (self);
  g_clear_object (&self->provider);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  ladder_shell_search_let_go (self);

  G_OBJECT_CLASS (ladder_shell_search_parent_class)->dispose (object);
}

static void
ladder_shell_search_class_init (LadderShellSearchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ladder_shell_search_dispose;
}

static void
ladder_shell_search_init (LadderShellSearch *self)
{
  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * ladder_shell_search_new:
 * @application: the application that exports the provider
 *
 * Returns: (transfer full): a provider, not yet on the bus
 */
LadderShellSearch *
ladder_shell_search_new (LadderApplication *application)
{
  LadderShellSearch *self;

  g_return_val_if_fail (LADDER_IS_APPLICATION (application), NULL);

  self = g_object_new (LADDER_TYPE_SHELL_SEARCH, NULL);
  self->application = application;

  return self;
}

static gboolean
release_cb (gpointer user_data)
{
  LadderShellSearch *self = user_data;

  self->release_id = 0;
  g_application_release (G_APPLICATION (self->application));

  return G_SOURCE_REMOVE;
}

/* Started by the bus for a search, the application would quit as soon
 * as it answered, and load the library again at the next keystroke. */
static void
keep_alive (LadderShellSearch *self)
{
  if (self->release_id != 0)
    g_source_remove (self->release_id);
  else
    g_application_hold (G_APPLICATION (self->application));

  self->release_id = g_timeout_add_seconds (KEEP_ALIVE_SECONDS, release_cb, self);
}

static LadderWindow *
find_window (LadderShellSearch *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self->application));

  if (LADDER_IS_WINDOW (window))
    return LADDER_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self->application));
       l != NULL; l = l->next)
    if (LADDER_IS_WINDOW (l->data))
      return LADDER_WINDOW (l->data);

  return NULL;
}

static void answer_waiting (LadderShellSearch *self);

static gboolean
answer_waiting_cb (gpointer user_data)
{
  answer_waiting (user_data);

  return G_SOURCE_REMOVE;
}

static gboolean
any_profile_loading (LadderLibrary *library)
{
  GListModel *profiles = ladder_library_get_profiles (library);

  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (profiles, i);

      if (ladder_profile_get_loading (profile))
        return TRUE;
    }

  return FALSE;
}

static void
profile_loading_cb (LadderProfile     *profile,
                    GParamSpec        *pspec,
                    LadderShellSearch *self)
{
  if (self->own_ready || any_profile_loading (self->own_library))
    return;

  self->own_ready = TRUE;
  answer_waiting (self);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LadderShellSearch) self = user_data;
  LadderLibrary *library = LADDER_LIBRARY (object);
  g_autoptr(GError) error = NULL;
  GListModel *profiles;

  /* Let go of meanwhile for a window's. */
  if (library != self->own_library)
    return;

  /* A folder that cannot be read finds nothing, as an empty one. */
  if (!ladder_library_load_finish (library, result, &error))
    g_warning ("%s", error->message);

  /* Listed from their heads, profiles are searched once their evidence
   * is read too: the first search would otherwise miss every entry. */
  profiles = ladder_library_get_profiles (library);
  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (profiles, i);

      if (ladder_profile_get_loading (profile))
        g_signal_connect_object (profile, "notify::loading", G_CALLBACK (profile_loading_cb),
                                 self, 0);
    }

  if (any_profile_loading (library))
    return;

  self->own_ready = TRUE;
  answer_waiting (self);
}

/* The provider to answer with, or NULL while our own library loads. */
static LadderSearchProvider *
get_provider (LadderShellSearch *self)
{
  LadderWindow *window = find_window (self);
  LadderLibrary *library = NULL;
  g_autoptr(GFile) directory = NULL;

  if (window != NULL && _ladder_window_is_loaded (window))
    {
      library = _ladder_window_get_library (window);
      /* What waited for our own library, which will not load now, is
       * answered from the window's, once this call is. */
      if (self->own_library != NULL && self->waiting->len > 0)
        g_idle_add_full (G_PRIORITY_DEFAULT, answer_waiting_cb, g_object_ref (self),
                         g_object_unref);
      drop_own_library (self);
    }
  else if (self->own_ready)
    {
      library = self->own_library;
    }
  else if (self->own_library == NULL)
    {
      directory = ladder_library_get_default_directory ();
      self->own_library = ladder_library_new (directory);
      self->cancellable = g_cancellable_new ();
      ladder_library_load_async (self->own_library, self->cancellable, load_done_cb,
                                 g_object_ref (self));
    }

  if (library == NULL)
    return NULL;

  if (self->provider == NULL || ladder_search_provider_get_library (self->provider) != library)
    {
      g_clear_object (&self->provider);
      self->provider = ladder_search_provider_new (library);
      ladder_search_provider_set_limit (self->provider, MAX_RESULTS);
    }

  return self->provider;
}

static GVariant *
result_metas (LadderSearchProvider *provider,
              const char * const   *ids)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      LadderSearchResultKind kind;
      g_autofree char *name = NULL;
      g_autofree char *description = NULL;
      g_autoptr(GIcon) icon = NULL;
      g_autoptr(GVariant) icon_data = NULL;

      /* Gone since it was found: the overview leaves it out. */
      if (!ladder_search_provider_describe (provider, ids[i], &kind, &name, &description))
        continue;

      icon = g_themed_icon_new (kind == LADDER_SEARCH_RESULT_PROFILE ? "avatar-default-symbolic"
                                : kind == LADDER_SEARCH_RESULT_EVIDENCE ? "text-x-generic"
                                : APP_ID);
      /* Not floating: the builder takes a reference of its own. */
      icon_data = g_icon_serialize (icon);
      g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&builder, "{sv}", "id", g_variant_new_string (ids[i]));
      g_variant_builder_add (&builder, "{sv}", "name", g_variant_new_string (name));
      g_variant_builder_add (&builder, "{sv}", "description", g_variant_new_string (description));
      g_variant_builder_add (&builder, "{sv}", "icon", icon_data);
      g_variant_builder_close (&builder);
    }

  return g_variant_new ("(aa{sv})", &builder);
}

/* Answers a search, or keeps it until the library can. */
static void
answer_search (LadderShellSearch     *self,
               GDBusMethodInvocation *invocation)
{
  const char *method = g_dbus_method_invocation_get_method_name (invocation);
  GVariant *parameters = g_dbus_method_invocation_get_parameters (invocation);
  LadderSearchProvider *provider = get_provider (self);
  g_autofree const char **terms = NULL;
  g_autofree const char **previous = NULL;
  g_auto(GStrv) results = NULL;

  if (provider == NULL)
    {
      g_ptr_array_add (self->waiting, g_object_ref (invocation));
      return;
    }

  if (g_str_equal (method, "GetInitialResultSet"))
    {
      g_variant_get (parameters, "(^a&s)", &terms);
      results = ladder_search_provider_search (provider, terms);
    }
  else if (g_str_equal (method, "GetSubsearchResultSet"))
    {
      g_variant_get (parameters, "(^a&s^a&s)", &previous, &terms);
      results = ladder_search_provider_refine (provider, previous, terms);
    }
  else
    {
      g_variant_get (parameters, "(^a&s)", &previous);
      g_dbus_method_invocation_return_value (invocation, result_metas (provider, previous));
      return;
    }

  g_dbus_method_invocation_return_value (invocation,
                                         g_variant_new ("(^as)", results));
}

static void
answer_waiting (LadderShellSearch *self)
{
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->waiting);

  self->waiting = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < waiting->len; i++)
    answer_search (self, g_ptr_array_index (waiting, i));
}

static LadderWindow *
present_window (LadderShellSearch *self)
{
  LadderWindow *window = find_window (self);

  if (window == NULL)
    window = ladder_window_new (self->application);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  LadderShellSearch *self = user_data;

  keep_alive (self);

  if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *result_id;

      g_variant_get (parameters, "(&sasu)", &result_id, NULL, NULL);
      _ladder_window_show_search_result (present_window (self), result_id);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autofree const char **terms = NULL;
      g_autofree char *text = NULL;

      g_variant_get (parameters, "(^a&su)", &terms, NULL);
      text = g_strjoinv (" ", (char **) terms);
      _ladder_window_search_evidence (present_window (self), text);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    {
      answer_search (self, invocation);
    }
}

static const GDBusInterfaceVTable interface_vtable = {
  .method_call = method_call_cb,
};

/**
 * ladder_shell_search_register:
 * @self: a #LadderShellSearch
 * @connection: the application's session bus connection
 * @object_path: where to export the provider, as the search provider's
 *   file in share/gnome-shell/search-providers/ names it
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the provider is on the bus
 */
gboolean
ladder_shell_search_register (LadderShellSearch *self,
                              GDBusConnection   *connection,
                              const char        *object_path,
                              GError           **error)
{
  g_autoptr(GDBusNodeInfo) info = NULL;

  g_return_val_if_fail (LADDER_IS_SHELL_SEARCH (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  info = g_dbus_node_info_new_for_xml (introspection_xml, error);
  if (info == NULL)
    return FALSE;

  self->registration_id = g_dbus_connection_register_object (connection, object_path,
                                                             info->interfaces[0],
                                                             &interface_vtable, self, NULL,
                                                             error);
  if (self->registration_id == 0)
    return FALSE;

  self->connection = g_object_ref (connection);

  return TRUE;
}

/**
 * ladder_shell_search_let_go:
 * @self: a #LadderShellSearch
 *
 * Stops holding the application up for the next search: it is quitting.
 */
void
ladder_shell_search_let_go (LadderShellSearch *self)
{
  g_return_if_fail (LADDER_IS_SHELL_SEARCH (self));

  if (self->release_id == 0)
    return;

  g_clear_handle_id (&self->release_id, g_source_remove);
  g_application_release (G_APPLICATION (self->application));
}

/**
 * ladder_shell_search_unregister:
 * @self: a #LadderShellSearch
 *
 * Takes the provider off the bus; searches waiting for the library are
 * dropped.
 */
void
ladder_shell_search_unregister (LadderShellSearch *self)
{
  g_return_if_fail (LADDER_IS_SHELL_SEARCH (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}
