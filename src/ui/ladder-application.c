/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-application.h"
#include "ladder-window.h"

struct _LadderApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (LadderApplication, ladder_application, ADW_TYPE_APPLICATION)

static void
ladder_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (ladder_window_new (LADDER_APPLICATION (app)));

  gtk_window_present (window);
}

static void
ladder_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = ladder_application_quit_action },
};

static void
ladder_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (ladder_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close",
                                         (const char *[]) { "<Control>w", NULL });
}

static void
ladder_application_class_init (LadderApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = ladder_application_activate;
  app_class->startup = ladder_application_startup;
}

static void
ladder_application_init (LadderApplication *self)
{
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
