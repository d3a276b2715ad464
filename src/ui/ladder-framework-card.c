/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-framework-card"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-framework-card.h"

/* A framework to choose when creating a profile: its name, organisation,
 * and how many levels and behaviours it has. */
struct _LadderFrameworkCard
{
  GtkWidget  parent_instance;

  GtkLabel  *name;
  GtkLabel  *organisation;
  GtkLabel  *counts;
};

G_DEFINE_FINAL_TYPE (LadderFrameworkCard, ladder_framework_card, GTK_TYPE_WIDGET)

void
ladder_framework_card_set_framework (LadderFrameworkCard *self,
                                     LadderFramework     *framework)
{
  g_autofree char *levels = NULL;
  g_autofree char *counts = NULL;
  guint n_levels, n_behaviours;

  g_return_if_fail (LADDER_IS_FRAMEWORK_CARD (self));

  if (framework == NULL)
    return;

  n_levels = g_list_model_get_n_items (ladder_framework_get_levels (framework));
  n_behaviours = g_list_model_get_n_items (ladder_framework_get_behaviours (framework));
  levels = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u level", "%u levels", n_levels),
                            n_levels);
  /* Translators: "5 levels · 120 behaviours" */
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u behaviour",
                                         "%s · %u behaviours", n_behaviours),
                            levels, n_behaviours);

  gtk_label_set_label (self->name, ladder_framework_get_name (framework));
  gtk_label_set_label (self->organisation, ladder_framework_get_organisation (framework)
                                             ? ladder_framework_get_organisation (framework)
                                             : "");
  gtk_label_set_label (self->counts, counts);
}

static void
ladder_framework_card_dispose (GObject *object)
{
  GtkWidget *child;
  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_FRAMEWORK_CARD);
  /* Children the template does not name are ours to drop too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ladder_framework_card_parent_class)->dispose (object);
}

static void
ladder_framework_card_class_init (LadderFrameworkCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_framework_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-framework-card.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderFrameworkCard, name);
  gtk_widget_class_bind_template_child (widget_class, LadderFrameworkCard, organisation);
  gtk_widget_class_bind_template_child (widget_class, LadderFrameworkCard, counts);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
ladder_framework_card_init (LadderFrameworkCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
ladder_framework_card_new (void)
{
  return g_object_new (LADDER_TYPE_FRAMEWORK_CARD, NULL);
}
