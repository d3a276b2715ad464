/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-agenda-group"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-agenda-group.h"
#include "ladder-ui-private.h"

/* The agenda of the next 1:1 on the Check-ins page: a field that adds a
 * topic (on the side of the copy's owner, today), and the open topics,
 * each with its lock (private to the author of this copy) and a button
 * that removes it, with an undo toast. Rows take the profile's topics,
 * filtered to the open ones; the filter runs again when the set of open
 * topics changes, so that a row being used stays. */

struct _LadderAgendaGroup
{
  GtkWidget           parent_instance;

  LadderProfile      *profile;
  GtkCustomFilter    *filter;
  GtkFilterListModel *open;
  char               *open_ids;   /* the open topics, to tell a change */

  AdwPreferencesGroup *group;
  AdwEntryRow         *entry;
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (LadderAgendaGroup, ladder_agenda_group, GTK_TYPE_WIDGET)

static gboolean
is_open (gpointer item,
         gpointer user_data)
{
  return ladder_topic_is_open (item);
}

static char *
list_open_ids (LadderProfile *profile)
{
  g_autoptr(GPtrArray) open = ladder_profile_list_open_topics (profile);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < open->len; i++)
    {
      g_string_append (ids, ladder_topic_get_id (g_ptr_array_index (open, i)));
      g_string_append_c (ids, ' ');
    }

  return g_string_free_and_steal (ids);
}

static void
profile_changed_cb (LadderAgendaGroup *self)
{
  g_autofree char *ids = list_open_ids (self->profile);

  gtk_widget_set_sensitive (GTK_WIDGET (self->entry), !ladder_profile_get_read_only (self->profile));
  if (g_strcmp0 (ids, self->open_ids) == 0)
    return;

  g_free (self->open_ids);
  self->open_ids = g_steal_pointer (&ids);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
add_topic_cb (LadderAgendaGroup *self)
{
  g_autoptr(LadderTopic) topic = NULL;
  g_autofree char *text = NULL;

  if (self->profile == NULL || ladder_profile_get_read_only (self->profile))
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  if (*text == '\0')
    return;

  topic = ladder_topic_new (NULL);
  ladder_topic_set_text (topic, text);
  ladder_topic_set_author (topic, ladder_profile_get_owner (self->profile));
  ladder_profile_add_topic (self->profile, topic);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}

static void
add_toast (LadderAgendaGroup *self,
           AdwToast          *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  adw_toast_set_use_markup (toast, FALSE);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
undo_remove_cb (AdwToast          *toast,
                LadderAgendaGroup *self)
{
  LadderTopic *topic = g_object_get_data (G_OBJECT (toast), "ladder-topic");
  LadderProfile *profile = g_object_get_data (G_OBJECT (toast), "ladder-profile");

  /* Ctrl+Z reaches the undo after the toast has gone, maybe with another
   * profile shown: the topic goes back to its own, if still shown. */
  if (profile == self->profile && !ladder_profile_get_read_only (profile) &&
      ladder_profile_find_topic (profile, ladder_topic_get_id (topic)) == NULL)
    ladder_profile_add_topic (profile, topic);
}

static void
remove_clicked_cb (GtkButton         *button,
                   LadderAgendaGroup *self)
{
  LadderTopic *topic = g_object_get_data (G_OBJECT (button), "ladder-topic");
  AdwToast *toast;

  if (self->profile == NULL || ladder_profile_get_read_only (self->profile) ||
      ladder_profile_find_topic (self->profile, ladder_topic_get_id (topic)) != topic)
    return;

  /* The focus goes on to the field, not to the window's start. */
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  ladder_profile_remove_topic (self->profile, topic);

  toast = adw_toast_new (_("Topic removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "ladder-topic", g_object_ref (topic), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "ladder-profile", g_object_ref (self->profile),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_cb), self, 0);
  _ladder_offer_lasting_undo (GTK_WIDGET (self), toast);
  add_toast (self, toast);
}

static void
private_toggled_cb (GtkToggleButton *toggle)
{
  /* An open lock on every row would read as "locked": only a private
   * topic's lock is drawn at full strength, and the tooltip says which
   * it is in words. */
  if (gtk_toggle_button_get_active (toggle))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (toggle), "dim-label");
      gtk_widget_set_tooltip_text (GTK_WIDGET (toggle), _("Private: a shared copy and the PDF leave it out"));
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (toggle), "dim-label");
      gtk_widget_set_tooltip_text (GTK_WIDGET (toggle),
                                   _("Shared: the other person sees it. Make it private to leave it out"));
    }
}

static char *
describe_topic (LadderProfile *profile,
                LadderTopic   *topic)
{
  const GDate *created = ladder_topic_get_created (topic);
  const char *author = ladder_rater_get_side_label (ladder_topic_get_author (topic),
                                                    ladder_profile_get_owner (profile));
  g_autofree char *date = NULL;

  if (created == NULL)
    return g_strdup (author);

  date = _ladder_date_format (created, LADDER_DATE_SHORT, "");
  /* Translators: who added an agenda topic, and when: "Manager · 2 Dec 2026" */
  return g_strdup_printf (_("%s · %s"), author, date);
}

/* Who and when, and "Private" in words for a private topic, as actions
 * and notes say it: not only the lock's shade. */
static void
update_topic_subtitle (AdwActionRow *row,
                       LadderTopic  *topic)
{
  LadderProfile *profile = g_object_get_data (G_OBJECT (row), "ladder-profile");
  g_autofree char *detail = describe_topic (profile, topic);

  if (ladder_topic_get_private (topic))
    {
      /* Translators: an agenda topic's author and date, for a private topic */
      g_autofree char *with_private = g_strdup_printf (_("%s · Private"), detail);

      adw_action_row_set_subtitle (row, with_private);
    }
  else
    adw_action_row_set_subtitle (row, detail);
}

static void
topic_private_changed_cb (LadderTopic  *topic,
                          GParamSpec   *pspec,
                          AdwActionRow *row)
{
  update_topic_subtitle (row, topic);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  LadderAgendaGroup *self = user_data;
  LadderTopic *topic = item;
  gboolean editable = !ladder_profile_get_read_only (self->profile);
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *toggle = gtk_toggle_button_new ();
  GtkWidget *remove;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ladder_topic_get_text (topic));
  g_object_set_data_full (G_OBJECT (row), "ladder-profile", g_object_ref (self->profile), g_object_unref);
  update_topic_subtitle (row, topic);
  g_signal_connect_object (topic, "notify::private", G_CALLBACK (topic_private_changed_cb), row, 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  gtk_button_set_icon_name (GTK_BUTTON (toggle), "changes-prevent-symbolic");
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (toggle, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Private"), -1);
  g_signal_connect (toggle, "toggled", G_CALLBACK (private_toggled_cb), NULL);
  g_object_bind_property (topic, "private", toggle, "active",
                          editable ? G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL
                                   : G_BINDING_SYNC_CREATE);
  private_toggled_cb (GTK_TOGGLE_BUTTON (toggle));
  gtk_widget_set_sensitive (toggle, editable);
  adw_action_row_add_suffix (row, toggle);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Topic"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Topic"), -1);
  gtk_widget_set_visible (remove, editable);
  g_object_set_data_full (G_OBJECT (remove), "ladder-topic", g_object_ref (topic), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (row, remove);

  return GTK_WIDGET (row);
}

/**
 * ladder_agenda_group_set_profile:
 * @self: a #LadderAgendaGroup
 * @profile: (nullable): the profile whose agenda to show
 *
 * Shows the open topics of @profile's agenda, and adds to it.
 */
void
ladder_agenda_group_set_profile (LadderAgendaGroup *self,
                                 LadderProfile     *profile)
{
  g_return_if_fail (LADDER_IS_AGENDA_GROUP (self));
  g_return_if_fail (profile == NULL || LADDER_IS_PROFILE (profile));

  if (self->profile == profile)
    return;

  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_data (self->profile, self);
  g_set_object (&self->profile, profile);
  g_clear_pointer (&self->open_ids, g_free);

  gtk_filter_list_model_set_model (self->open, profile != NULL ? ladder_profile_get_topics (profile) : NULL);
  if (profile != NULL)
    {
      g_signal_connect_swapped (profile, "changed", G_CALLBACK (profile_changed_cb), self);
      profile_changed_cb (self);
    }
}

static void
ladder_agenda_group_dispose (GObject *object)
{
  LadderAgendaGroup *self = LADDER_AGENDA_GROUP (object);

  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_data (self->profile, self);
  g_clear_object (&self->profile);
  gtk_widget_dispose_template (GTK_WIDGET (self), LADDER_TYPE_AGENDA_GROUP);
  g_clear_object (&self->open);
  g_clear_pointer (&self->open_ids, g_free);

  G_OBJECT_CLASS (ladder_agenda_group_parent_class)->dispose (object);
}

static void
ladder_agenda_group_class_init (LadderAgendaGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_agenda_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-agenda-group.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderAgendaGroup, group);
  gtk_widget_class_bind_template_child (widget_class, LadderAgendaGroup, entry);
  gtk_widget_class_bind_template_child (widget_class, LadderAgendaGroup, list);
  gtk_widget_class_bind_template_callback (widget_class, add_topic_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ladder_agenda_group_init (LadderAgendaGroup *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (is_open, NULL, NULL);
  self->open = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->open), create_row_cb, self, NULL);

  placeholder = gtk_label_new (_("No open topics"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);
}
