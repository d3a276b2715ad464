/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The rows of a check-in's actions, the agreed ones and an earlier
 * check-in's open ones: a check box for done, the text, and where the
 * check-in is being held, the owner, the due date and privacy changed on
 * the row itself (behind a menu at a narrow width) and a button that
 * removes it. See ladder-checkin-page-private.h. */

#define G_LOG_DOMAIN "ladder-checkin-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-checkin-page-private.h"
#include "ladder-ui-private.h"

/* The row's subtitle: who and when, or beside the owner and due date
 * controls, which already say both, only whether it is overdue. */
static char *
describe_action (LadderCheckinPage *self,
                 LadderAction      *action,
                 gboolean           controls_shown)
{
  const GDate *due = ladder_action_get_due (action);
  const char *owner = _ladder_checkin_page_rater_label (self, ladder_action_get_owner (action));
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDate) today = NULL;
  g_autofree char *date = NULL;
  gboolean overdue;

  if (due == NULL || !g_date_valid (due))
    return controls_shown ? NULL : g_strdup (owner);

  date = _ladder_date_format (due, LADDER_DATE_SHORT, "");
  now = g_date_time_new_now_local ();
  today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                          g_date_time_get_year (now));
  overdue = !ladder_action_get_done (action) && g_date_compare (due, today) < 0;
  if (controls_shown)
    /* Translators: an open action past its due date */
    return overdue ? g_strdup (_("Overdue")) : NULL;
  if (overdue)
    /* Translators: an open action's owner and due date, when it is past */
    return g_strdup_printf (_("%s · due %s, overdue"), owner, date);

  /* Translators: an action's owner and due date: "Self · due 1 Dec 2026" */
  return g_strdup_printf (_("%s · due %s"), owner, date);
}

static gboolean
action_controls_shown (LadderCheckinPage *self,
                       AdwActionRow      *row)
{
  gboolean narrow = FALSE;

  if (self == NULL || g_object_get_data (G_OBJECT (row), "ladder-checkable") == NULL)
    return FALSE;
  g_object_get (self, "narrow", &narrow, NULL);

  return !narrow;
}

static void
update_action_subtitle (AdwActionRow *row,
                        LadderAction *action)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (row), LADDER_TYPE_CHECKIN_PAGE);
  LadderCheckinPage *self = page != NULL ? LADDER_CHECKIN_PAGE (page) : NULL;
  g_autofree char *detail = describe_action (self, action, action_controls_shown (self, row));

  adw_action_row_set_subtitle (row, detail != NULL ? detail : "");
}

/* Ticking an action done takes "overdue" off it; a new owner or due
 * date shows at once. */
static void
action_changed_cb (LadderAction *action,
                   GParamSpec   *pspec,
                   AdwActionRow *row)
{
  update_action_subtitle (row, action);
}

/* The controls come and go with the width: the subtitle says who and
 * when while they are gone. */
static void
action_row_narrow_cb (GObject      *page,
                      GParamSpec   *pspec,
                      AdwActionRow *row)
{
  update_action_subtitle (row, g_object_get_data (G_OBJECT (row), "ladder-action"));
}

static void
action_owner_selected_cb (GtkDropDown  *dropdown,
                          GParamSpec   *pspec,
                          LadderAction *action)
{
  LadderRater owner = gtk_drop_down_get_selected (dropdown) == 1 ? LADDER_RATER_MANAGER
                                                                  : LADDER_RATER_SELF;

  if (ladder_action_get_owner (action) != owner)
    ladder_action_set_owner (action, owner);
}

static void
action_owner_changed_cb (LadderAction *action,
                         GParamSpec   *pspec,
                         GtkDropDown  *dropdown)
{
  gtk_drop_down_set_selected (dropdown, ladder_action_get_owner (action) == LADDER_RATER_MANAGER ? 1 : 0);
}

/* Who does it, changed on the row itself. */
static GtkWidget *
action_owner_dropdown (LadderCheckinPage *self,
                      LadderAction      *action)
{
  const char *owners[] = {
    _ladder_checkin_page_rater_label (self, LADDER_RATER_SELF),
    _ladder_checkin_page_rater_label (self, LADDER_RATER_MANAGER),
    NULL
  };
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (owners);

  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, _("Owner"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Owner"), -1);
  action_owner_changed_cb (action, NULL, GTK_DROP_DOWN (dropdown));
  g_signal_connect_object (action, "notify::owner", G_CALLBACK (action_owner_changed_cb),
                           dropdown, 0);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (action_owner_selected_cb),
                           action, 0);

  return dropdown;
}

static void
action_due_changed_cb (LadderAction  *action,
                       GParamSpec    *pspec,
                       GtkMenuButton *button)
{
  const GDate *due = ladder_action_get_due (action);
  g_autofree char *date = due != NULL && g_date_valid (due) ? _ladder_date_format (due, LADDER_DATE_SHORT, "") : NULL;

  gtk_menu_button_set_label (button, date != NULL ? date : _("No Date"));
}

static void
action_due_selected_cb (GtkCalendar  *calendar,
                        LadderAction *action)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autoptr(GDate) due = NULL;

  if (_ladder_calendar_is_moving (calendar))
    return;

  due = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (day),
                        (GDateMonth) g_date_time_get_month (day),
                        (GDateYear) g_date_time_get_year (day));
  if (ladder_action_get_due (action) == NULL ||
      g_date_compare (ladder_action_get_due (action), due) != 0)
    ladder_action_set_due (action, due);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
}

static void
action_due_cleared_cb (GtkButton    *button,
                       LadderAction *action)
{
  if (ladder_action_get_due (action) != NULL)
    ladder_action_set_due (action, NULL);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER)));
}

/* The calendar opens on the due date, or today, with the keyboard on it. */
static void
action_due_popover_shown_cb (GtkPopover   *popover,
                             LadderAction *action)
{
  GtkCalendar *calendar = g_object_get_data (G_OBJECT (popover), "ladder-calendar");

  _ladder_calendar_show_date (calendar, ladder_action_get_due (action));
  gtk_widget_grab_focus (GTK_WIDGET (calendar));
}

/* An open lock would read as "locked" on every row: only a private
 * item's lock is drawn at full strength. */
void
_ladder_checkin_page_private_toggled_cb (GtkToggleButton *toggle)
{
  if (gtk_toggle_button_get_active (toggle))
    gtk_widget_remove_css_class (GTK_WIDGET (toggle), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (toggle), "dim-label");
}

/* Private to its author: a lock that the row shows, a toggle where the
 * action can be changed. */
static GtkWidget *
action_private_toggle (LadderAction *action,
                       gboolean      editable)
{
  GtkWidget *toggle = gtk_toggle_button_new ();

  gtk_button_set_icon_name (GTK_BUTTON (toggle), "changes-prevent-symbolic");
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (toggle, "flat");
  gtk_widget_set_tooltip_text (toggle, _("Private: a shared copy and the PDF leave it out"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Private"), -1);
  g_signal_connect (toggle, "toggled", G_CALLBACK (_ladder_checkin_page_private_toggled_cb), NULL);
  _ladder_checkin_page_private_toggled_cb (GTK_TOGGLE_BUTTON (toggle));
  g_object_bind_property (action, "private", toggle, "active",
                          editable ? G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL
                                   : G_BINDING_SYNC_CREATE);
  if (!editable)
    {
      /* Only said, on a past check-in, and only when it is so. */
      gtk_widget_set_can_target (toggle, FALSE);
      gtk_widget_set_focusable (toggle, FALSE);
      g_object_bind_property (action, "private", toggle, "visible", G_BINDING_SYNC_CREATE);
    }

  return toggle;
}

/* When it is due, set or changed on the row itself. */
static GtkWidget *
action_due_button (LadderAction *action)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("_No Due Date"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Due Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Due Date"), -1);
  _ladder_calendar_add_keys (GTK_CALENDAR (calendar));
  gtk_box_append (GTK_BOX (box), calendar);
  gtk_box_append (GTK_BOX (box), clear);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_object_set_data (G_OBJECT (popover), "ladder-calendar", calendar);

  action_due_changed_cb (action, NULL, GTK_MENU_BUTTON (button));
  g_signal_connect_object (action, "notify::due", G_CALLBACK (action_due_changed_cb), button, 0);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (action_due_selected_cb), action, 0);
  g_signal_connect_object (clear, "clicked", G_CALLBACK (action_due_cleared_cb), action, 0);
  g_signal_connect_object (popover, "show", G_CALLBACK (action_due_popover_shown_cb), action, 0);

  return button;
}

/* At a narrow width, an action's owner, due date and privacy are in a
 * menu, so that the row's width goes to what was agreed: beside it, the
 * controls left the text about 40 pixels. The row's subtitle still says
 * who and when. */
static GtkWidget *
action_menu_button (LadderCheckinPage *self,
                    LadderAction      *action)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *owner_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *due_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *owner_label = gtk_label_new_with_mnemonic (_("_Owner"));
  GtkWidget *due_label = gtk_label_new_with_mnemonic (_("_Due Date"));
  GtkWidget *owner = action_owner_dropdown (self, action);
  GtkWidget *due = action_due_button (action);
  GtkWidget *private = gtk_check_button_new_with_mnemonic (_("_Private"));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Owner and Due Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Owner and Due Date"), -1);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_hexpand (owner_label, TRUE);
  gtk_widget_set_hexpand (due_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (owner_label), 0);
  gtk_label_set_xalign (GTK_LABEL (due_label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (owner_label), owner);
  gtk_label_set_mnemonic_widget (GTK_LABEL (due_label), due);
  gtk_box_append (GTK_BOX (owner_box), owner_label);
  gtk_box_append (GTK_BOX (owner_box), owner);
  gtk_box_append (GTK_BOX (due_box), due_label);
  gtk_box_append (GTK_BOX (due_box), due);
  gtk_widget_set_tooltip_text (private, _("Private: a shared copy and the PDF leave it out"));
  g_object_bind_property (action, "private", private, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  gtk_box_append (GTK_BOX (box), owner_box);
  gtk_box_append (GTK_BOX (box), due_box);
  gtk_box_append (GTK_BOX (box), private);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);

  return button;
}

static void
remove_action_cb (GtkButton         *button,
                  LadderCheckinPage *self)
{
  LadderAction *action = g_object_get_data (G_OBJECT (button), "ladder-action");

  ladder_checkin_remove_action (self->checkin, action);
}

/* A row for an action: a check box for done, the text, owner and due
 * date, and for a check-in being held, a button that removes it. */
GtkWidget *
_ladder_checkin_page_action_row (LadderCheckinPage *self,
                                 LadderAction      *action,
                                 gboolean           removable,
                                 gboolean           checkable)
{
  gboolean narrow = FALSE;
  g_autofree char *detail = NULL;
  AdwActionRow *row;
  GtkWidget *check = gtk_check_button_new ();

  g_object_get (self, "narrow", &narrow, NULL);
  detail = describe_action (self, action, checkable && !narrow);
  row = _ladder_checkin_page_text_row (ladder_action_get_text (action), detail);
  g_object_set_data_full (G_OBJECT (row), "ladder-action", g_object_ref (action), g_object_unref);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (check, checkable);
  gtk_widget_set_tooltip_text (check, _("Done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"),
                                  -1);
  g_object_bind_property (action, "done", check, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_object (action, "notify::done", G_CALLBACK (action_changed_cb), row, 0);
  g_signal_connect_object (action, "notify::owner", G_CALLBACK (action_changed_cb), row, 0);
  g_signal_connect_object (action, "notify::due", G_CALLBACK (action_changed_cb), row, 0);
  adw_action_row_add_prefix (row, check);
  if (checkable)
    {
      /* What is agreed can be handed over or moved, in the check-in
       * being held: an earlier check-in's open action as its own. */
      GtkWidget *controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *menu = action_menu_button (self, action);

      adw_action_row_set_activatable_widget (row, check);
      gtk_box_append (GTK_BOX (controls), action_owner_dropdown (self, action));
      gtk_box_append (GTK_BOX (controls), action_due_button (action));
      gtk_box_append (GTK_BOX (controls), action_private_toggle (action, checkable));
      adw_action_row_add_suffix (row, controls);
      adw_action_row_add_suffix (row, menu);
      g_object_bind_property (self, "narrow", controls, "visible",
                              G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
      g_object_bind_property (self, "narrow", menu, "visible", G_BINDING_SYNC_CREATE);
      g_object_set_data (G_OBJECT (row), "ladder-checkable", GINT_TO_POINTER (TRUE));
      g_signal_connect_object (self, "notify::narrow", G_CALLBACK (action_row_narrow_cb), row, 0);
    }
  else
    adw_action_row_add_suffix (row, action_private_toggle (action, checkable));

  if (removable)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove Action"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Action"),
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "ladder-action", g_object_ref (action),
                              g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_action_cb), self, 0);
      adw_action_row_add_suffix (row, button);
    }

  return GTK_WIDGET (row);
}

GtkWidget *
_ladder_checkin_page_create_action_row_cb (gpointer item,
                                           gpointer user_data)
{
  LadderCheckinPage *self = user_data;

  return _ladder_checkin_page_action_row (self, item, self->editable, self->editable);
}
