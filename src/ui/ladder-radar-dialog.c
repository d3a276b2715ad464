/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-radar-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-radar-dialog.h"
#include "ladder-radar-view.h"

/* Compare: a person of the team on a radar against the team's median or
 * against another person on the same framework, at each one's current or
 * target level, by the manager's ratings or the engineers' own. The
 * lists are of the people as the dialog opened; the radar is made again
 * when one of them changes. */
struct _LadderRadarDialog
{
  AdwDialog      parent_instance;

  GListModel    *people;
  GPtrArray     *persons;  /* LadderProfile, as the person row lists them */
  GPtrArray     *others;   /* NULL (the median) first, then LadderProfile */
  gboolean       updating;

  LadderRadarView *radar_view;
  AdwComboRow   *person_row;
  GtkStringList *person_names;
  AdwComboRow   *other_row;
  GtkStringList *other_names;
  AdwComboRow   *level_row;
  AdwComboRow   *rater_row;
};

G_DEFINE_FINAL_TYPE (LadderRadarDialog, ladder_radar_dialog, ADW_TYPE_DIALOG)

static const char *
name_of (LadderProfile *profile)
{
  const char *name = ladder_profile_get_name (profile);

  return name != NULL && *name != '\0' ? name : _("Unnamed");
}

static const char *
framework_of (LadderProfile *profile)
{
  return ladder_framework_get_id (ladder_profile_get_framework (profile));
}

static LadderProfile *
selected_other (LadderRadarDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->other_row);

  return selected < self->others->len ? g_ptr_array_index (self->others, selected) : NULL;
}

static void
update_radar (LadderRadarDialog *self)
{
  g_autoptr(LadderRadar) radar = NULL;
  LadderProfile *person = ladder_radar_dialog_get_person (self);
  LadderProfile *other = selected_other (self);
  LadderRadarLevel level;
  LadderRater rater;

  if (self->updating)
    return;

  if (person == NULL)
    {
      ladder_radar_view_set_radar (self->radar_view, NULL);
      return;
    }

  level = adw_combo_row_get_selected (self->level_row) == 1 ? LADDER_RADAR_LEVEL_TARGET
                                                            : LADDER_RADAR_LEVEL_CURRENT;
  rater = adw_combo_row_get_selected (self->rater_row) == 1 ? LADDER_RATER_SELF
                                                            : LADDER_RATER_MANAGER;

  radar = ladder_radar_new (ladder_profile_get_framework (person));
  ladder_radar_add_profile (radar, name_of (person), person, level, rater);
  if (other != NULL)
    ladder_radar_add_profile (radar, name_of (other), other, level, rater);
  else
    {
      guint n = ladder_radar_add_median (radar, _("Team median"), self->people, level, rater);

      /* Who the median counts: those rated at the level, not everyone. */
      if (ladder_radar_get_n_series (radar) > 1)
        {
          /* Translators: the radar's legend for the team's median, "Team median of 3 people" */
          g_autofree char *name = g_strdup_printf (ngettext ("Team median of %u person",
                                                             "Team median of %u people", n), n);

          ladder_radar_set_series_name (radar, 1, name);
        }
    }

  ladder_radar_view_set_radar (self->radar_view, radar);
}

/* The people to compare with: those on the person's framework but the
 * person, after the team median; the one chosen stays chosen if it can. */
static void
person_selected_cb (LadderRadarDialog *self)
{
  LadderProfile *person = ladder_radar_dialog_get_person (self);
  LadderProfile *other = selected_other (self);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint selected = 0;

  g_ptr_array_set_size (self->others, 0);
  g_ptr_array_add (self->others, NULL);
  g_strv_builder_add (names, _("Team Median"));
  for (guint i = 0; person != NULL && i < self->persons->len; i++)
    {
      LadderProfile *candidate = g_ptr_array_index (self->persons, i);

      if (candidate == person || g_strcmp0 (framework_of (candidate), framework_of (person)) != 0)
        continue;

      if (candidate == other)
        selected = self->others->len;
      g_ptr_array_add (self->others, candidate);
      g_strv_builder_add (names, name_of (candidate));
    }

  strv = g_strv_builder_end (names);
  self->updating = TRUE;
  gtk_string_list_splice (self->other_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->other_names)),
                          (const char * const *) strv);
  adw_combo_row_set_selected (self->other_row, selected);
  self->updating = FALSE;

  update_radar (self);
}

static void
other_selected_cb (LadderRadarDialog *self)
{
  update_radar (self);
}

/**
 * ladder_radar_dialog_get_person:
 * @self: a #LadderRadarDialog
 *
 * Returns: (transfer none) (nullable): the person shown first
 */
LadderProfile *
ladder_radar_dialog_get_person (LadderRadarDialog *self)
{
  guint selected;

  g_return_val_if_fail (LADDER_IS_RADAR_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->person_row);
  return selected < self->persons->len ? g_ptr_array_index (self->persons, selected) : NULL;
}

/**
 * ladder_radar_dialog_set_other:
 * @self: a #LadderRadarDialog
 * @other: (nullable): another person on the same framework as the
 *   person, or %NULL for the team median
 *
 * Chooses whom the person is compared with, as the Compare With row does.
 */
void
ladder_radar_dialog_set_other (LadderRadarDialog *self,
                               LadderProfile     *other)
{
  guint index;

  g_return_if_fail (LADDER_IS_RADAR_DIALOG (self));

  if (g_ptr_array_find (self->others, other, &index))
    adw_combo_row_set_selected (self->other_row, index);
}

/**
 * ladder_radar_dialog_get_radar:
 * @self: a #LadderRadarDialog
 *
 * Returns: (transfer none) (nullable): the radar shown
 */
LadderRadar *
ladder_radar_dialog_get_radar (LadderRadarDialog *self)
{
  g_return_val_if_fail (LADDER_IS_RADAR_DIALOG (self), NULL);

  return ladder_radar_view_get_radar (self->radar_view);
}

/**
 * ladder_radar_dialog_new:
 * @people: (element-type LadderProfile): the team
 * @person: (nullable): the one of @people to show first, or %NULL for
 *   the first
 *
 * Returns: (transfer floating): a new dialog, to present
 */
AdwDialog *
ladder_radar_dialog_new (GListModel    *people,
                         LadderProfile *person)
{
  LadderRadarDialog *self;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint selected = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (people), NULL);
  g_return_val_if_fail (person == NULL || LADDER_IS_PROFILE (person), NULL);

  self = g_object_new (LADDER_TYPE_RADAR_DIALOG, NULL);
  self->people = g_object_ref (people);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (people, i);

      if (profile == person)
        selected = self->persons->len;
      g_ptr_array_add (self->persons, g_object_ref (profile));
      g_strv_builder_add (names, name_of (profile));
      g_signal_connect_object (profile, "changed", G_CALLBACK (update_radar), self, G_CONNECT_SWAPPED);
    }

  strv = g_strv_builder_end (names);
  self->updating = TRUE;
  gtk_string_list_splice (self->person_names, 0, 0, (const char * const *) strv);
  adw_combo_row_set_selected (self->person_row, selected);
  self->updating = FALSE;
  person_selected_cb (self);

  return ADW_DIALOG (self);
}

static void
ladder_radar_dialog_dispose (GObject *object)
{
  LadderRadarDialog *self = LADDER_RADAR_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LADDER_TYPE_RADAR_DIALOG);
  g_clear_pointer (&self->persons, g_ptr_array_unref);
  g_clear_pointer (&self->others, g_ptr_array_unref);
  g_clear_object (&self->people);

  G_OBJECT_CLASS (ladder_radar_dialog_parent_class)->dispose (object);
}

static void
ladder_radar_dialog_class_init (LadderRadarDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_radar_dialog_dispose;

  g_type_ensure (LADDER_TYPE_RADAR_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ladder-radar-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderRadarDialog, radar_view);
  gtk_widget_class_bind_template_child (widget_class, LadderRadarDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, LadderRadarDialog, person_names);
  gtk_widget_class_bind_template_child (widget_class, LadderRadarDialog, other_row);
  gtk_widget_class_bind_template_child (widget_class, LadderRadarDialog, other_names);
  gtk_widget_class_bind_template_child (widget_class, LadderRadarDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, LadderRadarDialog, rater_row);
  gtk_widget_class_bind_template_callback (widget_class, person_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, other_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_radar);
}

static void
ladder_radar_dialog_init (LadderRadarDialog *self)
{
  self->persons = g_ptr_array_new_with_free_func (g_object_unref);
  self->others = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}
