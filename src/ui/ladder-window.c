/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-core.h"
#include "ladder-window.h"

struct _LadderWindow
{
  AdwApplicationWindow  parent_instance;

  AdwStatusPage        *status_page;
};

G_DEFINE_FINAL_TYPE (LadderWindow, ladder_window, ADW_TYPE_APPLICATION_WINDOW)

static void
ladder_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_WINDOW);

  G_OBJECT_CLASS (ladder_window_parent_class)->dispose (object);
}

static void
ladder_window_class_init (LadderWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ladder-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, status_page);
}

static void
ladder_window_init (LadderWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

LadderWindow *
ladder_window_new (LadderApplication *application)
{
  return g_object_new (LADDER_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
