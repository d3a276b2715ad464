/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-gap-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-gap-row.h"
#include "ladder-ui-private.h"

/* A row of Compare mode: a behaviour the two raters see differently. It
 * shows a snapshot; the page makes new rows when the ratings change. */
struct _LadderGapRow
{
  GtkWidget  parent_instance;

  GtkLabel  *text;
  GtkLabel  *level;
  GtkLabel  *self_rating;
  GtkLabel  *manager_rating;
};

G_DEFINE_FINAL_TYPE (LadderGapRow, ladder_gap_row, GTK_TYPE_WIDGET)

void
ladder_gap_row_set (LadderGapRow    *self,
                    LadderProfile   *profile,
                    LadderGap *gap)
{
  LadderBehaviour *behaviour;
  g_autofree char *self_text = NULL;
  g_autofree char *manager_text = NULL;
  g_autofree char *accessible = NULL;
  const char *level;

  g_return_if_fail (LADDER_IS_GAP_ROW (self));

  if (profile == NULL || gap == NULL)
    {
      gtk_label_set_label (self->text, "");
      return;
    }

  behaviour = ladder_gap_get_behaviour (gap);
  level = _ladder_level_display_name (ladder_profile_get_framework (profile),
                                      ladder_behaviour_get_level (behaviour));
  /* Translators: a side's rating, "Self: Sometimes", or in a manager's copy "Engineer: Sometimes" */
  self_text = g_strdup_printf (_("%s: %s"),
                               ladder_rater_get_side_label (LADDER_RATER_SELF, ladder_profile_get_owner (profile)),
                               ladder_rating_value_get_label (ladder_gap_get_value (gap, LADDER_RATER_SELF)));
  manager_text = g_strdup_printf (_("%s: %s"),
                                  ladder_rater_get_side_label (LADDER_RATER_MANAGER, ladder_profile_get_owner (profile)),
                                  ladder_rating_value_get_label (ladder_gap_get_value (gap, LADDER_RATER_MANAGER)));

  gtk_label_set_label (self->text, ladder_behaviour_get_text (behaviour));
  gtk_label_set_label (self->level, level);
  gtk_label_set_label (self->self_rating, self_text);
  gtk_label_set_label (self->manager_rating, manager_text);

  /* One sentence for a screen reader rather than four labels. */
  /* Translators: behaviour text, level, "Self: …", "Manager: …" */
  accessible = g_strdup_printf (_("%s, %s, %s, %s"), ladder_behaviour_get_text (behaviour), level,
                                self_text, manager_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

GtkWidget *
ladder_gap_row_new (void)
{
  return g_object_new (LADDER_TYPE_GAP_ROW, NULL);
}

static void
ladder_gap_row_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_GAP_ROW);
  /* Children the template does not name are ours to drop too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ladder_gap_row_parent_class)->dispose (object);
}

static void
ladder_gap_row_class_init (LadderGapRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_gap_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ladder-gap-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderGapRow, text);
  gtk_widget_class_bind_template_child (widget_class, LadderGapRow, level);
  gtk_widget_class_bind_template_child (widget_class, LadderGapRow, self_rating);
  gtk_widget_class_bind_template_child (widget_class, LadderGapRow, manager_rating);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
ladder_gap_row_init (LadderGapRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 3);
}
