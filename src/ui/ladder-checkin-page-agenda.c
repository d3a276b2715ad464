/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A check-in's agenda: the topics either side added since the last 1:1,
 * each a check box that ticks it off in this check-in, with its author,
 * its day and, when it is private, a lock. See
 * ladder-checkin-page-private.h. */

#define G_LOG_DOMAIN "ladder-checkin-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-checkin-page-private.h"
#include "ladder-ui-private.h"

static void
topic_check_toggled_cb (GtkCheckButton    *check,
                        LadderCheckinPage *self)
{
  LadderTopic *topic = g_object_get_data (G_OBJECT (check), "ladder-topic");

  if (!self->editable)
    return;

  if (gtk_check_button_get_active (check))
    {
      if (ladder_topic_is_open (topic))
        ladder_topic_close (topic, ladder_checkin_get_date (self->checkin),
                            ladder_checkin_get_id (self->checkin));
    }
  else if (!ladder_topic_is_open (topic))
    ladder_topic_reopen (topic);
}

static char *
describe_topic (LadderCheckinPage *self,
                LadderTopic       *topic)
{
  const GDate *created = ladder_topic_get_created (topic);
  const char *author = _ladder_checkin_page_rater_label (self, ladder_topic_get_author (topic));
  g_autofree char *date = NULL;

  if (created == NULL)
    return g_strdup (author);

  date = _ladder_date_format (created, LADDER_DATE_SHORT, "");
  /* Translators: who added an agenda topic, and when: "Manager · 2 Dec 2026" */
  return g_strdup_printf (_("%s · %s"), author, date);
}

/* A topic of the agenda: a check box that ticks it off in this check-in,
 * and its lock when it is private. */
static GtkWidget *
topic_row (LadderCheckinPage *self,
           LadderTopic       *topic)
{
  g_autofree char *detail = describe_topic (self, topic);
  AdwActionRow *row;
  GtkWidget *check;
  GtkWidget *lock;

  /* Said in words, as on the Check-ins page, not only by the lock. */
  if (ladder_topic_get_private (topic))
    {
      /* Translators: an agenda topic's author and date, for a private topic */
      char *with_private = g_strdup_printf (_("%s · Private"), detail);

      g_free (detail);
      detail = with_private;
    }
  row = _ladder_checkin_page_text_row (ladder_topic_get_text (topic), detail);
  check = gtk_check_button_new ();

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (check, self->editable);
  gtk_widget_set_tooltip_text (check, _("Talked About"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Talked About"),
                                  -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !ladder_topic_is_open (topic));
  g_object_set_data_full (G_OBJECT (check), "ladder-topic", g_object_ref (topic), g_object_unref);
  g_signal_connect_object (check, "toggled", G_CALLBACK (topic_check_toggled_cb), self, 0);
  adw_action_row_add_prefix (row, check);
  if (self->editable)
    adw_action_row_set_activatable_widget (row, check);

  if (ladder_topic_get_private (topic))
    {
      lock = gtk_image_new_from_icon_name ("changes-prevent-symbolic");
      gtk_widget_set_tooltip_text (lock, _("Private: a shared copy and the PDF leave it out"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (lock), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Private"), -1);
      adw_action_row_add_suffix (row, lock);
    }

  return GTK_WIDGET (row);
}

void
_ladder_checkin_page_fill_agenda (LadderCheckinPage *self)
{
  GPtrArray *topics = ladder_review_get_topics (self->review);

  gtk_widget_set_visible (GTK_WIDGET (self->agenda_group), self->editable || topics->len > 0);
  if (!self->editable)
    adw_preferences_group_set_description (self->agenda_group, _("Talked about in this check-in"));

  if (topics->len == 0)
    {
      _ladder_checkin_page_add_placeholder (self->agenda_group, _("No topics on the agenda. Add them on the Check-ins page."));
      return;
    }

  for (guint i = 0; i < topics->len; i++)
    adw_preferences_group_add (self->agenda_group, topic_row (self, g_ptr_array_index (topics, i)));
}
