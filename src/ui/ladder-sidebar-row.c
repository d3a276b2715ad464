/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-sidebar-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-avatar.h"
#include "ladder-core.h"
#include "ladder-sidebar-row.h"
#include "ladder-ui-private.h"

/* One row of the sidebar: the Team view, a person, a framework, or a file
 * that failed to load. A profile's row follows its "changed" signal (name,
 * level). */
struct _LadderSidebarRow
{
  GtkWidget  parent_instance;

  GObject   *item;

  GtkStack  *icon_stack;
  LadderAvatar *avatar;
  GtkLabel  *title;
  GtkLabel  *subtitle;
};

G_DEFINE_FINAL_TYPE (LadderSidebarRow, ladder_sidebar_row, GTK_TYPE_WIDGET)

static void
ladder_sidebar_row_update (LadderSidebarRow *self)
{
  if (LADDER_IS_PROFILE (self->item))
    {
      LadderProfile *profile = LADDER_PROFILE (self->item);
      g_autofree char *level = _ladder_profile_describe_level (profile);

      g_autofree char *initials_from = _ladder_avatar_text (ladder_profile_get_name (profile));

      gtk_stack_set_visible_child_name (self->icon_stack, "avatar");
      ladder_avatar_set_text (self->avatar, initials_from);
      gtk_label_set_label (self->title, ladder_profile_get_name (profile));
      gtk_label_set_label (self->subtitle, level);
    }
  else if (LADDER_IS_FRAMEWORK (self->item))
    {
      LadderFramework *framework = LADDER_FRAMEWORK (self->item);
      const char *organisation = ladder_framework_get_organisation (framework);
      g_autofree char *initials_from = _ladder_avatar_text (organisation ? organisation
                                                                 : ladder_framework_get_name (framework));

      gtk_stack_set_visible_child_name (self->icon_stack, "avatar");
      ladder_avatar_set_text (self->avatar, initials_from);
      gtk_label_set_label (self->title, ladder_framework_get_name (framework));
      gtk_label_set_label (self->subtitle, organisation ? organisation : "");
    }
  else if (GTK_IS_STRING_OBJECT (self->item))
    {
      /* The Team view's row (see ladder-window.c): the window says how
       * many people through the row's subtitle. */
      gtk_stack_set_visible_child_name (self->icon_stack, "team");
      gtk_label_set_label (self->title, _("Team"));
      gtk_label_set_label (self->subtitle, _("Everyone you manage"));
    }
  else if (LADDER_IS_LOAD_ERROR (self->item))
    {
      GFile *file = ladder_load_error_get_file (LADDER_LOAD_ERROR (self->item));
      g_autofree char *basename = g_file_get_basename (file);

      gtk_stack_set_visible_child_name (self->icon_stack, "error");
      gtk_label_set_label (self->title, basename);
      gtk_label_set_label (self->subtitle, _("Could not be opened"));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->subtitle),
                          *gtk_label_get_label (self->subtitle) != '\0');
}

static void
profile_changed_cb (LadderSidebarRow *self)
{
  ladder_sidebar_row_update (self);
}

void
ladder_sidebar_row_set_item (LadderSidebarRow *self,
                             GObject          *item)
{
  g_return_if_fail (LADDER_IS_SIDEBAR_ROW (self));

  if (self->item == item)
    return;

  if (LADDER_IS_PROFILE (self->item))
    g_signal_handlers_disconnect_by_func (self->item, profile_changed_cb, self);
  g_set_object (&self->item, item);
  if (LADDER_IS_PROFILE (self->item))
    {
      g_signal_connect_swapped (self->item, "changed", G_CALLBACK (profile_changed_cb), self);
      g_signal_connect_swapped (self->item, "notify::name", G_CALLBACK (profile_changed_cb), self);
    }

  if (self->item != NULL)
    ladder_sidebar_row_update (self);
}

static void
ladder_sidebar_row_dispose (GObject *object)
{
  GtkWidget *child;
  LadderSidebarRow *self = LADDER_SIDEBAR_ROW (object);

  ladder_sidebar_row_set_item (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_SIDEBAR_ROW);
  /* Children the template does not name are ours to drop too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ladder_sidebar_row_parent_class)->dispose (object);
}

static void
ladder_sidebar_row_class_init (LadderSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_sidebar_row_dispose;

  g_type_ensure (LADDER_TYPE_AVATAR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-sidebar-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderSidebarRow, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, LadderSidebarRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, LadderSidebarRow, title);
  gtk_widget_class_bind_template_child (widget_class, LadderSidebarRow, subtitle);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
ladder_sidebar_row_init (LadderSidebarRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ladder_sidebar_row_new (void)
{
  return g_object_new (LADDER_TYPE_SIDEBAR_ROW, NULL);
}
