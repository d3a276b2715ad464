/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-window"

#include "config.h"

#include "ladder-window-private.h"

/* The sidebar's list and the keyboard: where the focus lands in it, and
 * what it shows of itself. */

/* The list view keeps the focus on the row it last had, which the
 * selection may have left since (a profile shown from the content, a
 * new one): Tab into the sidebar lands on the selected row. A click
 * focuses the row clicked. */
static void
sidebar_pressed_cb (LadderWindow *self)
{
  self->sidebar_clicked = TRUE;
}

static void
sidebar_click_ended_cb (LadderWindow *self)
{
  self->sidebar_clicked = FALSE;
}

static gboolean
focus_selected_row_cb (gpointer data)
{
  LadderWindow *self = data;
  guint selected = gtk_single_selection_get_selected (self->sidebar_selection);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->sidebar_list));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Still in the list, as Tab left it. */
  if (selected != GTK_INVALID_LIST_POSITION && focus != NULL &&
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar_list)))
    gtk_list_view_scroll_to (self->sidebar_list, selected, GTK_LIST_SCROLL_FOCUS, NULL);

  return G_SOURCE_REMOVE;
}

static void
sidebar_focus_enter_cb (LadderWindow *self)
{
  gboolean clicked = self->sidebar_clicked;

  self->sidebar_clicked = FALSE;
  if (clicked)
    return;

  /* Once the focus has settled: the list takes no other while it moves. */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, focus_selected_row_cb, g_object_ref (self), g_object_unref);
}

/* The sidebar's list goes back to its top once laid out, then shows the
 * row chosen: GtkListView keeps the row at its top in place when rows
 * come in above it. The load lists the frameworks before the people, and
 * the Team row comes in above everyone. */
static void
to_top (LadderWindow *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->sidebar_list));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

static gboolean
scroll_to_selected_cb (gpointer data)
{
  LadderWindow *self = data;
  guint selected;

  /* Gone, or done. */
  if (self->sidebar_selection == NULL || !self->sidebar_from_top)
    return G_SOURCE_REMOVE;

  self->sidebar_from_top = FALSE;
  to_top (self);
  selected = gtk_single_selection_get_selected (self->sidebar_selection);
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_list_view_scroll_to (self->sidebar_list, selected, GTK_LIST_SCROLL_NONE, NULL);

  return G_SOURCE_REMOVE;
}

static void
sidebar_sized_cb (LadderWindow  *self,
                  GtkAdjustment *adjustment)
{
  if (self->sidebar_from_top && gtk_adjustment_get_page_size (adjustment) > 0)
    g_idle_add_full (G_PRIORITY_HIGH_IDLE, scroll_to_selected_cb, g_object_ref (self), g_object_unref);
}

static gboolean
sidebar_to_top_cb (gpointer data)
{
  LadderWindow *self = data;

  /* Gone. */
  if (self->sidebar_selection != NULL)
    to_top (self);

  return G_SOURCE_REMOVE;
}

/* Home goes to the first row, to which GtkListView scrolls alone: the
 * People header above it comes into view too. */
static gboolean
sidebar_key_pressed_cb (LadderWindow    *self,
                        guint            keyval,
                        guint            keycode,
                        GdkModifierType  state)
{
  if (keyval == GDK_KEY_Home || keyval == GDK_KEY_KP_Home)
    g_idle_add_full (G_PRIORITY_HIGH_IDLE, sidebar_to_top_cb, g_object_ref (self), g_object_unref);

  return GDK_EVENT_PROPAGATE;
}

/**
 * _ladder_window_sidebar_scroll_to:
 * @self: a #LadderWindow
 * @position: a row of the sidebar
 *
 * Scrolls the sidebar as far as it must to show the row at @position. A
 * list with no size yet (the library loading) would put the row at its
 * top, above the People header and the Team row: it scrolls once it has
 * one.
 */
void
_ladder_window_sidebar_scroll_to (LadderWindow *self,
                                  guint         position)
{
  if (gtk_widget_get_height (GTK_WIDGET (self->sidebar_list)) > 0)
    gtk_list_view_scroll_to (self->sidebar_list, position, GTK_LIST_SCROLL_NONE, NULL);
  else
    self->sidebar_from_top = TRUE;
}

/**
 * _ladder_window_sidebar_keep_top:
 * @self: a #LadderWindow
 *
 * Before a row comes in at the top of the sidebar: a sidebar at its top
 * stays there, the new row on show.
 */
void
_ladder_window_sidebar_keep_top (LadderWindow *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->sidebar_list));

  if (gtk_adjustment_get_value (adjustment) <= gtk_adjustment_get_lower (adjustment))
    self->sidebar_from_top = TRUE;
}

/* Narrow, the sidebar slides back over the content: the keyboard goes to
 * the row of what was shown (sidebar_focus_enter_cb() puts it there),
 * not to the sidebar's first button. */
static void
show_content_cb (LadderWindow *self)
{
  if (self->split_view != NULL && adw_navigation_split_view_get_collapsed (self->split_view) &&
      !adw_navigation_split_view_get_show_content (self->split_view))
    gtk_widget_grab_focus (GTK_WIDGET (self->sidebar_list));
}

void
_ladder_window_sidebar_init (LadderWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  /* Laid out for the first time, the list starts at its top. */
  self->sidebar_from_top = TRUE;
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->sidebar_list)), "changed",
                           G_CALLBACK (sidebar_sized_cb), self, G_CONNECT_SWAPPED);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (sidebar_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar_list), keys);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (sidebar_focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar_list), focus);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (sidebar_pressed_cb), self);
  g_signal_connect_swapped (click, "stopped", G_CALLBACK (sidebar_click_ended_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar_list), GTK_EVENT_CONTROLLER (click));
  /* The split view may outlive the window a little
   * (_ladder_window_show_content()): the handler goes with the window. */
  g_signal_connect_object (self->split_view, "notify::show-content", G_CALLBACK (show_content_cb), self,
                           G_CONNECT_SWAPPED);
}
