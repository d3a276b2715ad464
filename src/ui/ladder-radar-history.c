/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-radar-history"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-radar-history.h"
#include "ladder-radar-view.h"
#include "ladder-ui-private.h"

/* The Check-ins view's radar: the ratings recorded with one check-in
 * (its snapshot) against the ratings now, by the side whose copy the
 * profile is, at its current level. The dropdown lists the check-ins
 * newest first, by date, and starts at the newest; a change to the
 * profile lists them again and keeps the one the user chose while it
 * lasts. */
struct _LadderRadarHistory
{
  GtkWidget      parent_instance;

  LadderProfile *profile;
  GPtrArray     *checkins;  /* LadderCheckin, as the dropdown lists them */
  char          *chosen_id; /* the check-in the user chose, or NULL */
  gboolean       updating;

  GtkWidget     *box;
  GtkDropDown   *checkin_dropdown;
  GtkStringList *checkin_names;
  LadderRadarView *radar_view;
};

G_DEFINE_FINAL_TYPE (LadderRadarHistory, ladder_radar_history, GTK_TYPE_WIDGET)

static void
update_radar (LadderRadarHistory *self)
{
  g_autoptr(LadderRadar) radar = NULL;
  g_autofree char *date = NULL;
  LadderCheckin *checkin;
  LadderRater rater;

  if (self->updating)
    return;

  checkin = ladder_radar_history_get_checkin (self);
  if (self->profile == NULL || checkin == NULL)
    {
      ladder_radar_view_set_radar (self->radar_view, NULL);
      return;
    }

  rater = ladder_profile_get_owner (self->profile);
  date = _ladder_date_format (ladder_checkin_get_date (checkin), LADDER_DATE_SHORT, _("Undated"));
  radar = ladder_radar_new (ladder_profile_get_framework (self->profile));
  /* Translators: the radar's series of the ratings as they are today */
  ladder_radar_add_profile (radar, C_("radar", "Now"), self->profile, LADDER_RADAR_LEVEL_CURRENT, rater);
  ladder_radar_add_checkin (radar, date, self->profile, checkin, LADDER_RADAR_LEVEL_CURRENT, rater);
  ladder_radar_view_set_radar (self->radar_view, radar);
}

static void
checkin_selected_cb (LadderRadarHistory *self)
{
  LadderCheckin *checkin;

  if (self->updating)
    return;

  checkin = ladder_radar_history_get_checkin (self);
  g_set_str (&self->chosen_id, checkin != NULL ? ladder_checkin_get_id (checkin) : NULL);
  update_radar (self);
}

static void
list_checkins (LadderRadarHistory *self)
{
  g_autoptr(GPtrArray) by_date = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint selected = 0;

  g_ptr_array_set_size (self->checkins, 0);
  if (self->profile != NULL)
    {
      by_date = ladder_profile_list_checkins_by_date (self->profile);
      for (guint i = by_date->len; i > 0; i--)
        {
          LadderCheckin *checkin = g_ptr_array_index (by_date, i - 1);

          if (g_strcmp0 (ladder_checkin_get_id (checkin), self->chosen_id) == 0)
            selected = self->checkins->len;
          g_ptr_array_add (self->checkins, g_object_ref (checkin));
          g_strv_builder_take (names, _ladder_date_format (ladder_checkin_get_date (checkin),
                                                           LADDER_DATE_SHORT, _("Undated")));
        }
    }

  strv = g_strv_builder_end (names);
  self->updating = TRUE;
  gtk_string_list_splice (self->checkin_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->checkin_names)),
                          (const char * const *) strv);
  gtk_drop_down_set_selected (self->checkin_dropdown, selected);
  self->updating = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->checkin_dropdown), self->checkins->len > 1);
  /* Nothing to look back on before the first check-in. */
  gtk_widget_set_visible (GTK_WIDGET (self), self->checkins->len > 0);

  update_radar (self);
}

static void
profile_changed_cb (LadderRadarHistory *self)
{
  list_checkins (self);
}

/**
 * ladder_radar_history_set_profile:
 * @self: a #LadderRadarHistory
 * @profile: (nullable): the profile whose check-ins to show
 */
void
ladder_radar_history_set_profile (LadderRadarHistory *self,
                                  LadderProfile      *profile)
{
  g_return_if_fail (LADDER_IS_RADAR_HISTORY (self));
  g_return_if_fail (profile == NULL || LADDER_IS_PROFILE (profile));

  if (self->profile == profile)
    return;

  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_func (self->profile, profile_changed_cb, self);
  g_set_object (&self->profile, profile);
  if (profile != NULL)
    g_signal_connect_swapped (profile, "changed", G_CALLBACK (profile_changed_cb), self);

  /* Another person's check-ins: start from their newest. */
  g_clear_pointer (&self->chosen_id, g_free);
  list_checkins (self);
}

/**
 * ladder_radar_history_get_checkin:
 * @self: a #LadderRadarHistory
 *
 * Returns: (transfer none) (nullable): the check-in shown
 */
LadderCheckin *
ladder_radar_history_get_checkin (LadderRadarHistory *self)
{
  guint selected;

  g_return_val_if_fail (LADDER_IS_RADAR_HISTORY (self), NULL);

  selected = gtk_drop_down_get_selected (self->checkin_dropdown);
  return selected < self->checkins->len ? g_ptr_array_index (self->checkins, selected) : NULL;
}

/**
 * ladder_radar_history_set_checkin:
 * @self: a #LadderRadarHistory
 * @checkin: one of the profile's check-ins
 *
 * Shows @checkin, as choosing it in the dropdown does.
 */
void
ladder_radar_history_set_checkin (LadderRadarHistory *self,
                                  LadderCheckin      *checkin)
{
  guint index;

  g_return_if_fail (LADDER_IS_RADAR_HISTORY (self));

  if (g_ptr_array_find (self->checkins, checkin, &index))
    gtk_drop_down_set_selected (self->checkin_dropdown, index);
}

/**
 * ladder_radar_history_get_radar:
 * @self: a #LadderRadarHistory
 *
 * Returns: (transfer none) (nullable): the radar shown
 */
LadderRadar *
ladder_radar_history_get_radar (LadderRadarHistory *self)
{
  g_return_val_if_fail (LADDER_IS_RADAR_HISTORY (self), NULL);

  return ladder_radar_view_get_radar (self->radar_view);
}

GtkWidget *
ladder_radar_history_new (void)
{
  return g_object_new (LADDER_TYPE_RADAR_HISTORY, NULL);
}

static void
ladder_radar_history_dispose (GObject *object)
{
  LadderRadarHistory *self = LADDER_RADAR_HISTORY (object);

  ladder_radar_history_set_profile (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LADDER_TYPE_RADAR_HISTORY);
  g_clear_pointer (&self->checkins, g_ptr_array_unref);
  g_clear_pointer (&self->chosen_id, g_free);

  G_OBJECT_CLASS (ladder_radar_history_parent_class)->dispose (object);
}

static void
ladder_radar_history_class_init (LadderRadarHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_radar_history_dispose;

  g_type_ensure (LADDER_TYPE_RADAR_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ladder-radar-history.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderRadarHistory, box);
  gtk_widget_class_bind_template_child (widget_class, LadderRadarHistory, checkin_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LadderRadarHistory, checkin_names);
  gtk_widget_class_bind_template_child (widget_class, LadderRadarHistory, radar_view);
  gtk_widget_class_bind_template_callback (widget_class, checkin_selected_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "radarhistory");
}

static void
ladder_radar_history_init (LadderRadarHistory *self)
{
  self->checkins = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
}
