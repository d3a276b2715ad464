/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-application.h"
#include "ladder-window.h"

struct _LadderApplication
{
  AdwApplication parent_instance;

  gboolean       demo;
};

G_DEFINE_FINAL_TYPE (LadderApplication, ladder_application, ADW_TYPE_APPLICATION)

static void
ladder_application_activate (GApplication *app)
{
  LadderApplication *self = LADDER_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (ladder_window_new (self));

  if (self->demo)
    {
      self->demo = FALSE;
      ladder_window_show_demo (LADDER_WINDOW (window));
    }

  gtk_window_present (window);
}

static int
ladder_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  LadderApplication *self = LADDER_APPLICATION (app);

  if (g_variant_dict_contains (options, "demo"))
    self->demo = TRUE;

  return -1;
}

static void
ladder_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Closing the windows lets each write what waits for its autosave. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
ladder_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  AdwDialog *about = adw_about_dialog_new ();
  const char *developers[] = { _("The Ladder developers"), NULL };

  adw_about_dialog_set_application_name (ADW_ABOUT_DIALOG (about), _("Ladder"));
  adw_about_dialog_set_application_icon (ADW_ABOUT_DIALOG (about), APP_ID);
  adw_about_dialog_set_version (ADW_ABOUT_DIALOG (about), PACKAGE_VERSION);
  adw_about_dialog_set_comments (ADW_ABOUT_DIALOG (about),
                                 _("Track your growth along your engineering career framework"));
  adw_about_dialog_set_developers (ADW_ABOUT_DIALOG (about), developers);
  adw_about_dialog_set_license_type (ADW_ABOUT_DIALOG (about), GTK_LICENSE_GPL_3_0);
  /* Translators: your names, one a line */
  adw_about_dialog_set_translator_credits (ADW_ABOUT_DIALOG (about), _("translator-credits"));
  adw_dialog_present (about, GTK_WIDGET (gtk_application_get_active_window (app)));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = ladder_application_quit_action },
  { .name = "about", .activate = ladder_application_about_action },
};

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
  G_APPLICATION_CLASS (ladder_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  /* app.shortcuts (Ctrl+?) comes from AdwApplication, which loads
   * shortcuts-dialog.ui from the resources. */
  set_accels (GTK_APPLICATION (app), "app.quit", "<Control>q");
  set_accels (GTK_APPLICATION (app), "window.close", "<Control>w");
  set_accels (GTK_APPLICATION (app), "win.new-evidence", "<Control>n");
  set_accels (GTK_APPLICATION (app), "win.search", "<Control>f");
  set_accels (GTK_APPLICATION (app), "win.import", "<Control>i");
  set_accels (GTK_APPLICATION (app), "win.open", "<Control>o");
  set_accels (GTK_APPLICATION (app), "win.paste-text", "<Control><Shift>v");
}

static void
ladder_application_class_init (LadderApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = ladder_application_activate;
  app_class->startup = ladder_application_startup;
  app_class->handle_local_options = ladder_application_handle_local_options;
}

static void
ladder_application_init (LadderApplication *self)
{
  const GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show a sample profile, made the way “ladder-cli sample” makes it"), NULL },
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
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}
