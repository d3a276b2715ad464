/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-category-card"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-category-card.h"
#include "ladder-ui-private.h"

/* A card of the Progress grid: one category, shown / total at the current
 * and the target level, and a bar for the current one. */
struct _LadderCategoryCard
{
  GtkWidget       parent_instance;

  LadderProfile  *profile;
  LadderCategory *category;

  GtkLabel       *emoji;
  GtkLabel       *name;
  GtkLabel       *current;
  GtkProgressBar *bar;
  GtkLabel       *target;
  GtkLabel       *ready;
};

G_DEFINE_FINAL_TYPE (LadderCategoryCard, ladder_category_card, GTK_TYPE_WIDGET)

/* The sub-level of one category's share, cut into equal bands as the
 * core does for a whole level. */
static const char *
sublevel_for_share (LadderFramework *framework,
                    double           share)
{
  const char * const *sublevels = ladder_framework_get_sublevels (framework);
  guint n = sublevels != NULL ? g_strv_length ((char **) sublevels) : 0;
  guint index;

  if (n == 0)
    return NULL;

  index = (guint) (share * n);
  return sublevels[MIN (index, n - 1)];
}

static void
ladder_category_card_update (LadderCategoryCard *self)
{
  LadderFramework *framework = ladder_profile_get_framework (self->profile);
  LadderRater rater = ladder_profile_get_owner (self->profile);
  const char *category = ladder_category_get_id (self->category);
  const char *current = ladder_profile_get_current_level (self->profile);
  const char *target = ladder_profile_get_target_level (self->profile);
  const char *emoji = ladder_category_get_emoji (self->category);
  g_autofree char *current_text = NULL;
  g_autofree char *target_text = NULL;
  guint shown = 0, total = 0;
  double share = 0.0;
  gboolean ready = FALSE;

  gtk_label_set_label (self->emoji, emoji != NULL ? emoji : "");
  gtk_widget_set_visible (GTK_WIDGET (self->emoji), emoji != NULL && *emoji != '\0');
  gtk_label_set_label (self->name, ladder_category_get_name (self->category));

  if (current != NULL)
    {
      const char *sublevel;

      ladder_profile_count_shown (self->profile, current, category, rater, &shown, &total);
      share = total > 0 ? (double) shown / total : 0.0;
      sublevel = total > 0 ? sublevel_for_share (framework, share) : NULL;
      if (total == 0)
        /* Translators: a category with no behaviour at a level, as
         * frameworks often have at the first levels: "Level 1: no
         * behaviours at this level" */
        current_text = g_strdup_printf (_("%s: no behaviours at this level"),
                                        _ladder_level_display_name (framework, current));
      else if (sublevel != NULL)
        /* Translators: "Level 3 · B: 4 of 9 shown" */
        current_text = g_strdup_printf (_("%s · %s: %u of %u shown"),
                                        _ladder_level_display_name (framework, current),
                                        sublevel, shown, total);
      else
        /* Translators: "Level 3: 4 of 9 shown" */
        current_text = g_strdup_printf (_("%s: %u of %u shown"),
                                        _ladder_level_display_name (framework, current),
                                        shown, total);
      ready = ladder_profile_is_ready_in_category (self->profile, category, rater);
    }
  else
    current_text = g_strdup (_("No current level"));

  if (target != NULL && g_strcmp0 (target, current) != 0)
    {
      guint target_shown = 0, target_total = 0;

      ladder_profile_count_shown (self->profile, target, category, rater, &target_shown,
                                  &target_total);
      if (target_total == 0)
        target_text = g_strdup_printf (_("%s: no behaviours at this level"),
                                       _ladder_level_display_name (framework, target));
      else
        target_text = g_strdup_printf (_("%s: %u of %u shown"),
                                       _ladder_level_display_name (framework, target),
                                       target_shown, target_total);
    }

  gtk_label_set_label (self->current, current_text);
  gtk_progress_bar_set_fraction (self->bar, share);
  /* No bar of nothing to show. */
  gtk_widget_set_visible (GTK_WIDGET (self->bar), current != NULL && total > 0);
  gtk_label_set_label (self->target, target_text != NULL ? target_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->target), target_text != NULL);

  if (ready)
    {
      LadderLevel *next = ladder_framework_get_next_level (framework, current);
      g_autofree char *text = g_strdup_printf (_("Ready for %s"),
                                               _ladder_level_display_name (framework,
                                                                           ladder_level_get_id (next)));

      gtk_label_set_label (self->ready, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->ready), ready);
}

static void
profile_changed_cb (LadderCategoryCard *self)
{
  ladder_category_card_update (self);
}

void
ladder_category_card_set (LadderCategoryCard *self,
                          LadderProfile      *profile,
                          LadderCategory     *category)
{
  g_return_if_fail (LADDER_IS_CATEGORY_CARD (self));

  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_func (self->profile, profile_changed_cb, self);
  g_set_object (&self->profile, profile);
  g_set_object (&self->category, category);

  if (self->profile != NULL && self->category != NULL)
    {
      g_signal_connect_swapped (self->profile, "changed", G_CALLBACK (profile_changed_cb), self);
      ladder_category_card_update (self);
    }
}

static void
ladder_category_card_dispose (GObject *object)
{
  GtkWidget *child;
  LadderCategoryCard *self = LADDER_CATEGORY_CARD (object);

  ladder_category_card_set (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_CATEGORY_CARD);
  /* Children the template does not name are ours to drop too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ladder_category_card_parent_class)->dispose (object);
}

static void
ladder_category_card_class_init (LadderCategoryCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_category_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-category-card.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderCategoryCard, emoji);
  gtk_widget_class_bind_template_child (widget_class, LadderCategoryCard, name);
  gtk_widget_class_bind_template_child (widget_class, LadderCategoryCard, current);
  gtk_widget_class_bind_template_child (widget_class, LadderCategoryCard, bar);
  gtk_widget_class_bind_template_child (widget_class, LadderCategoryCard, target);
  gtk_widget_class_bind_template_child (widget_class, LadderCategoryCard, ready);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "categorycard");
}

static void
ladder_category_card_init (LadderCategoryCard *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
}

GtkWidget *
ladder_category_card_new (void)
{
  return g_object_new (LADDER_TYPE_CATEGORY_CARD, NULL);
}
