/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-progress-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-category-card.h"
#include "ladder-progress-page.h"
#include "ladder-ui-private.h"

/* The Progress tab: where the profile stands in its current level, and a
 * card per category. A card opens the category (win.show-category). */
struct _LadderProgressPage
{
  GtkWidget      parent_instance;

  LadderProfile *profile;

  GtkLabel      *level_title;
  GtkLabel      *level_subtitle;
  GtkLabel      *ready_label;
  GtkGridView   *grid;
};

G_DEFINE_FINAL_TYPE (LadderProgressPage, ladder_progress_page, GTK_TYPE_WIDGET)

static void
update_header (LadderProgressPage *self)
{
  LadderFramework *framework = ladder_profile_get_framework (self->profile);
  LadderRater rater = ladder_profile_get_owner (self->profile);
  const char *current = ladder_profile_get_current_level (self->profile);
  g_autofree char *title = _ladder_profile_describe_level (self->profile);
  g_autofree char *subtitle = NULL;
  gboolean ready = ladder_profile_is_ready (self->profile, rater);

  if (current != NULL)
    {
      guint shown = 0, total = 0;

      ladder_profile_count_shown (self->profile, current, NULL, rater, &shown, &total);
      /* Translators: "12 of 30 behaviours of Level 3 shown (40 %)" */
      subtitle = g_strdup_printf (_("%u of %u behaviours of %s shown (%.0f %%)"), shown, total,
                                  _ladder_level_display_name (framework, current),
                                  total > 0 ? 100.0 * shown / total : 0.0);
    }

  gtk_label_set_label (self->level_title, title);
  gtk_label_set_label (self->level_subtitle, subtitle != NULL ? subtitle : "");

  if (ready)
    {
      LadderLevel *next = ladder_framework_get_next_level (framework, current);
      g_autofree char *text = g_strdup_printf (_("Ready for %s"),
                                               _ladder_level_display_name (framework,
                                                                           ladder_level_get_id (next)));

      gtk_label_set_label (self->ready_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->ready_label), ready);
}

static void
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LadderProgressPage       *self)
{
  gtk_list_item_set_child (item, ladder_category_card_new ());
}

static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LadderProgressPage       *self)
{
  LadderCategory *category = gtk_list_item_get_item (item);
  g_autofree char *label = NULL;

  ladder_category_card_set (LADDER_CATEGORY_CARD (gtk_list_item_get_child (item)), self->profile,
                            category);
  label = g_strdup_printf (_("Open %s"), ladder_category_get_name (category));
  gtk_list_item_set_accessible_label (item, label);
}

static void
unbind_card_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                LadderProgressPage       *self)
{
  ladder_category_card_set (LADDER_CATEGORY_CARD (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
grid_activate_cb (LadderProgressPage *self,
                  guint               position)
{
  g_autoptr(LadderCategory) category = NULL;

  category = g_list_model_get_item (G_LIST_MODEL (gtk_grid_view_get_model (self->grid)), position);
  if (category != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-category", "s",
                                ladder_category_get_id (category));
}

void
ladder_progress_page_set_profile (LadderProgressPage *self,
                                  LadderProfile      *profile)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (LADDER_IS_PROGRESS_PAGE (self));

  if (self->profile == profile)
    return;

  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_func (self->profile, update_header, self);
  gtk_grid_view_set_model (self->grid, NULL);
  g_set_object (&self->profile, profile);

  if (profile == NULL)
    return;

  g_signal_connect_swapped (profile, "changed", G_CALLBACK (update_header), self);
  update_header (self);
  selection = gtk_no_selection_new (
    g_object_ref (ladder_framework_get_categories (ladder_profile_get_framework (profile))));
  gtk_grid_view_set_model (self->grid, GTK_SELECTION_MODEL (selection));
}

static void
ladder_progress_page_dispose (GObject *object)
{
  GtkWidget *child;
  LadderProgressPage *self = LADDER_PROGRESS_PAGE (object);

  ladder_progress_page_set_profile (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_PROGRESS_PAGE);
  /* Children the template does not name are ours to drop too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ladder_progress_page_parent_class)->dispose (object);
}

static void
ladder_progress_page_class_init (LadderProgressPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_progress_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-progress-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderProgressPage, level_title);
  gtk_widget_class_bind_template_child (widget_class, LadderProgressPage, level_subtitle);
  gtk_widget_class_bind_template_child (widget_class, LadderProgressPage, ready_label);
  gtk_widget_class_bind_template_child (widget_class, LadderProgressPage, grid);
  gtk_widget_class_bind_template_callback (widget_class, grid_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
ladder_progress_page_init (LadderProgressPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_card_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_card_cb), self);
  gtk_grid_view_set_factory (self->grid, factory);
}
