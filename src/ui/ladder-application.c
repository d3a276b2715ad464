/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-application"

#include "config.h"

#include <signal.h>

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "ladder-application.h"
#include "ladder-evidence-editor.h"
#include "ladder-preferences-dialog.h"
#include "ladder-reminders.h"
#include "ladder-shell-search.h"
#include "ladder-window-private.h"

struct _LadderApplication
{
  AdwApplication parent_instance;

  gboolean       demo;
  gboolean       log_win;
  guint          signal_sources[3];
  LadderShellSearch *shell_search;  /* GNOME Shell's search provider */
  LadderReminders   *reminders;
};

G_DEFINE_FINAL_TYPE (LadderApplication, ladder_application, ADW_TYPE_APPLICATION)

static LadderWindow *
ladder_application_get_window (LadderApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (LADDER_IS_WINDOW (window))
    return LADDER_WINDOW (window);

  return ladder_window_new (self);
}

/* After the window's first frame, so that it waits for none of it. */
static void
first_frame_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, window);
  ladder_evidence_editor_prepare (window);
}

static void
ladder_application_activate (GApplication *app)
{
  LadderApplication *self = LADDER_APPLICATION (app);
  LadderWindow *window = ladder_application_get_window (self);

  if (self->demo)
    {
      self->demo = FALSE;
      ladder_window_show_demo (window);
    }

  if (self->log_win)
    {
      self->log_win = FALSE;
      _ladder_window_log_win (window);
    }

  gtk_window_present (GTK_WINDOW (window));
  if (gtk_widget_get_frame_clock (GTK_WIDGET (window)) != NULL)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                             G_CALLBACK (first_frame_cb), window, 0);
}

/* `ladder FILE…`, and Files' Open With (the desktop file's D-Bus Open):
 * a framework goes to the import preview, a profile of the library is
 * shown, a copy of one is merged, another profile is offered to be
 * added. The window waits for its library to do any of it. */
static void
ladder_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  LadderWindow *window = ladder_application_get_window (LADDER_APPLICATION (app));

  _ladder_window_open_files (window, files, n_files);
  gtk_window_present (GTK_WINDOW (window));
}

static int
ladder_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  LadderApplication *self = LADDER_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "demo"))
    self->demo = TRUE;

  /* The desktop file's Log a Win: an instance already running takes it
   * as its app.log-win action; a first one opens with the editor. */
  if (g_variant_dict_contains (options, "log-win"))
    {
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        {
          g_action_group_activate_action (G_ACTION_GROUP (app), "log-win", NULL);
          return 0;
        }
      self->log_win = TRUE;
    }

  return -1;
}

/* Log a Win (the app icon's menu, the desktop file's action): the
 * evidence editor at once, on the profile last shown. */
static void
ladder_application_log_win_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  LadderWindow *window = ladder_application_get_window (LADDER_APPLICATION (user_data));

  _ladder_window_log_win (window);
  gtk_window_present (GTK_WINDOW (window));
}

/* A 1:1 reminder's button: Prepare 1:1 for the person, by profile id. */
static void
ladder_application_prepare_checkin_action (GSimpleAction *action,
                                           GVariant      *parameter,
                                           gpointer       user_data)
{
  LadderWindow *window = ladder_application_get_window (LADDER_APPLICATION (user_data));

  _ladder_window_prepare_for (window, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (window));
}

/* Closing the windows lets each write what waits for its autosave. A
 * window that cannot write it stays and asks what to do (so the
 * application does not exit while one is kept open). Asked by the user
 * (@ask), a dialog holding text not saved (the evidence editor) asks as
 * Escape does, and keeps its window; else it goes without asking. */
static void
quit (LadderApplication *self,
      gboolean           ask)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Held for the desktop's next search, it would linger unseen. */
  if (self->shell_search != NULL)
    ladder_shell_search_let_go (self->shell_search);
  /* Quit ends the app even while a reminder keeps it running without a
   * window; the session starts it again. */
  if (self->reminders != NULL)
    ladder_reminders_let_go (self->reminders);

  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;
      gboolean kept = FALSE;

      l = l->next;
      /* One already asking is left to its answer: closing it again
       * would only dismiss the question. */
      if (LADDER_IS_WINDOW (window) &&
          _ladder_window_get_close_dialog (LADDER_WINDOW (window)) != NULL)
        continue;
      /* An open dialog takes a window's close for itself: quitting would
       * only close it. */
      if (ADW_IS_APPLICATION_WINDOW (window))
        {
          AdwDialog *dialog;
          AdwDialog *last = NULL;

          while (!kept &&
                 (dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))) != NULL &&
                 dialog != last)
            {
              kept = ask && !adw_dialog_get_can_close (dialog);
              if (kept)
                adw_dialog_close (dialog);
              else
                adw_dialog_force_close (dialog);
              last = dialog;
            }
        }
      if (!kept)
        gtk_window_close (window);
    }
}

static void
ladder_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  quit (LADDER_APPLICATION (user_data), TRUE);
}

/* Where each bundled framework comes from, and under which licence: the
 * About dialog's Credits and Legal pages list them. */
typedef struct
{
  const char *title;
  const char *note;
  const char *copyright;
  const char *source;
  GtkLicense  license_type;
  const char *license_name;
  const char *license_url;
} BundledFrameworkCredit;

static const BundledFrameworkCredit framework_credits[] = {
  { "Monzo: Backend Engineering", NULL,
    "© 2019 Monzo", "https://github.com/monzo/progression-framework",
    GTK_LICENSE_MIT_X11, NULL, NULL },
  { "Dummy Co: Backend Engineering", N_("An example company’s framework, adapted from Monzo’s"),
    "© 2019 Monzo", "https://github.com/monzo/progression-framework",
    GTK_LICENSE_MIT_X11, NULL, NULL },
  { "Medium: Foundations", NULL,
    "© 2017 A Medium Corporation", "https://github.com/Medium/snowflake",
    GTK_LICENSE_APACHE_2_0, NULL, NULL },
  { "GitLab: Senior Backend Engineer", N_("From the GitLab Handbook"),
    "© GitLab Inc.", "https://handbook.gitlab.com",
    GTK_LICENSE_CUSTOM, "Creative Commons Attribution-ShareAlike 4.0 International",
    "https://creativecommons.org/licenses/by-sa/4.0/" },
};

static void
add_framework_credits (AdwAboutDialog *about)
{
  const char *sources[G_N_ELEMENTS (framework_credits) + 1] = { NULL, };
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  for (gsize i = 0; i < G_N_ELEMENTS (framework_credits); i++)
    {
      const BundledFrameworkCredit *credit = &framework_credits[i];
      g_autoptr(GString) copyright = g_string_new (credit->copyright);
      g_autofree char *license = NULL;
      char *source;

      /* "Name https://…" makes a link of the name in the credits. */
      source = g_strdup_printf ("%s %s", credit->title, credit->source);
      g_ptr_array_add (strings, source);
      sources[i] = source;

      if (credit->note != NULL)
        g_string_append_printf (copyright, "\n%s", _(credit->note));
      /* Translators: %s is the web address a bundled framework comes from */
      g_string_append_c (copyright, '\n');
      g_string_append_printf (copyright, _("Source: %s"), credit->source);

      if (credit->license_name != NULL)
        {
          g_autofree char *link = g_markup_printf_escaped ("<a href=\"%s\">%s</a>",
                                                           credit->license_url, credit->license_name);

          /* Translators: %s is the name of a licence, as a link */
          license = g_strdup_printf (_("Licensed under the %s licence."), link);
        }

      adw_about_dialog_add_legal_section (about, credit->title, copyright->str,
                                          credit->license_type, license);
    }

  adw_about_dialog_add_credit_section (about, _("Bundled Frameworks"), sources);
}

static void
ladder_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  AdwDialog *dialog;
  AdwAboutDialog *about;
  g_autofree char *developer = g_strdup_printf ("%s %s", _("The Ladder developers"),
                                                "https://github.com/ladderapp/ladder");
  const char *developers[] = { developer, NULL };

  /* Name, icon, developer, licence, website, issue tracker and the notes
   * of this release all come from the metainfo, so they never disagree
   * with what software centres show. */
  dialog = adw_about_dialog_new_from_appdata (RESOURCE_PREFIX "/metainfo.xml", PACKAGE_VERSION);
  about = ADW_ABOUT_DIALOG (dialog);
  adw_about_dialog_set_version (about, PACKAGE_VERSION);
  adw_about_dialog_set_comments (about, _("Track your growth along your engineering career framework"));
  adw_about_dialog_set_developers (about, developers);
  adw_about_dialog_set_copyright (about, _("© 2026 The Ladder developers"));
  /* Translators: your names, one a line */
  adw_about_dialog_set_translator_credits (about, _("translator-credits"));
  add_framework_credits (about);
  adw_dialog_present (dialog, GTK_WIDGET (gtk_application_get_active_window (app)));
}

static void
ladder_application_preferences_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  LadderApplication *self = LADDER_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (app);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) directory = NULL;
  AdwDialog *dialog;

  if (LADDER_IS_WINDOW (window))
    directory = g_object_ref (ladder_library_get_directory (_ladder_window_get_library (LADDER_WINDOW (window))));
  else
    directory = ladder_library_get_default_directory ();

  dialog = ladder_preferences_dialog_new (settings, directory);
  ladder_preferences_dialog_set_reminders (LADDER_PREFERENCES_DIALOG (dialog), self->reminders);
  adw_dialog_present (dialog, GTK_WIDGET (window));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = ladder_application_quit_action },
  { .name = "about", .activate = ladder_application_about_action },
  { .name = "preferences", .activate = ladder_application_preferences_action },
  { .name = "log-win", .activate = ladder_application_log_win_action },
  { .name = "prepare-checkin", .activate = ladder_application_prepare_checkin_action,
    .parameter_type = "s" },
};

/* SIGTERM (a logout, a service manager), SIGINT (Ctrl+C) and SIGHUP (a
 * closed terminal) quit as app.quit does, asking nothing: the windows
 * write what is pending and wait for writes under way, and the
 * application holds itself while one runs, so the process ends with every
 * change on disk. */
static gboolean
ladder_application_termination_cb (gpointer user_data)
{
  quit (LADDER_APPLICATION (user_data), FALSE);

  return G_SOURCE_CONTINUE;
}

static void
set_accels (GtkApplication *app,
            const char     *action,
            const char     *accel)
{
  const char *accels[] = { accel, NULL };

  gtk_application_set_accels_for_action (app, action, accels);
}

static void
ladder_application_startup (GApplication *app)
{
  LadderApplication *self = LADDER_APPLICATION (app);
  const int signals[] = { SIGTERM, SIGINT, SIGHUP };

  G_APPLICATION_CLASS (ladder_application_parent_class)->startup (app);

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    self->signal_sources[i] = g_unix_signal_add (signals[i], ladder_application_termination_cb,
                                                 app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  /* app.shortcuts (Ctrl+?) comes from AdwApplication, which loads
   * shortcuts-dialog.ui from the resources. */
  set_accels (GTK_APPLICATION (app), "app.quit", "<Control>q");
  set_accels (GTK_APPLICATION (app), "app.preferences", "<Control>comma");
  set_accels (GTK_APPLICATION (app), "window.close", "<Control>w");
  set_accels (GTK_APPLICATION (app), "win.new-evidence", "<Control>n");
  set_accels (GTK_APPLICATION (app), "win.new-profile", "<Control><Shift>n");
  set_accels (GTK_APPLICATION (app), "win.start-checkin", "<Control><Shift>k");
  set_accels (GTK_APPLICATION (app), "win.prepare", "<Control><Shift>p");
  set_accels (GTK_APPLICATION (app), "win.show-view::progress", "<Alt>1");
  set_accels (GTK_APPLICATION (app), "win.show-view::evidence", "<Alt>2");
  set_accels (GTK_APPLICATION (app), "win.show-view::checkins", "<Alt>3");
  set_accels (GTK_APPLICATION (app), "win.show-view::summary", "<Alt>4");
  set_accels (GTK_APPLICATION (app), "win.search", "<Control>f");
  set_accels (GTK_APPLICATION (app), "win.import", "<Control>i");
  set_accels (GTK_APPLICATION (app), "win.open", "<Control>o");
  set_accels (GTK_APPLICATION (app), "win.paste-text", "<Control><Shift>v");
  set_accels (GTK_APPLICATION (app), "win.export-pdf", "<Control><Shift>e");
  set_accels (GTK_APPLICATION (app), "win.print", "<Control>p");
  set_accels (GTK_APPLICATION (app), "win.compare-ratings", "<Control>d");
  set_accels (GTK_APPLICATION (app), "win.edit-profile", "<Control>e");

  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    self->reminders = ladder_reminders_new (self, settings);
  }
}

static void
ladder_application_shutdown (GApplication *app)
{
  LadderApplication *self = LADDER_APPLICATION (app);

  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);
  g_clear_object (&self->shell_search);
  g_clear_object (&self->reminders);

  G_APPLICATION_CLASS (ladder_application_parent_class)->shutdown (app);
}

/* GNOME Shell's search provider lives beside the application on its
 * connection, where the search provider's file says. */
static gboolean
ladder_application_dbus_register (GApplication     *app,
                                  GDBusConnection  *connection,
                                  const char       *object_path,
                                  GError          **error)
{
  LadderApplication *self = LADDER_APPLICATION (app);
  g_autofree char *provider_path = g_strconcat (object_path, "/SearchProvider", NULL);

  if (!G_APPLICATION_CLASS (ladder_application_parent_class)->dbus_register (app, connection,
                                                                             object_path, error))
    return FALSE;

  if (self->shell_search == NULL)
    self->shell_search = ladder_shell_search_new (self);

  return ladder_shell_search_register (self->shell_search, connection, provider_path, error);
}

static void
ladder_application_dbus_unregister (GApplication    *app,
                                    GDBusConnection *connection,
                                    const char      *object_path)
{
  LadderApplication *self = LADDER_APPLICATION (app);

  if (self->shell_search != NULL)
    ladder_shell_search_unregister (self->shell_search);

  G_APPLICATION_CLASS (ladder_application_parent_class)->dbus_unregister (app, connection,
                                                                          object_path);
}

static void
ladder_application_class_init (LadderApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->shutdown = ladder_application_shutdown;

  app_class->activate = ladder_application_activate;
  app_class->open = ladder_application_open;
  app_class->startup = ladder_application_startup;
  app_class->handle_local_options = ladder_application_handle_local_options;
  app_class->dbus_register = ladder_application_dbus_register;
  app_class->dbus_unregister = ladder_application_dbus_unregister;
}

static void
ladder_application_init (LadderApplication *self)
{
  const GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show a sample profile, made the way “ladder-cli sample” makes it"), NULL },
    { "log-win", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Open the evidence editor on the profile last shown"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

LadderApplication *
ladder_application_new (void)
{
  return g_object_new (LADDER_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_PREFIX,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
