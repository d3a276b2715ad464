/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-ui"

#include "config.h"

#include "ladder-ui-private.h"

/* Where the pages' scrolled windows stand: from their top, and with the
 * focused row in view. */

/* To the top {{{1 */

#define SCROLL_TO_TOP_KEY "ladder-scroll-to-top-frames"

/* The second scroll comes once a frame has been laid out, when the list
 * view has scrolled its focused row. An idle came later than that: while
 * frames keep coming, an idle waits, and on a slow machine it came after
 * a scroll asked for since, such as a finished check-in's place. */
static gboolean
scroll_to_top_tick_cb (GtkWidget     *scrolled,
                       GdkFrameClock *clock,
                       gpointer       data)
{
  guint frames = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (scrolled), SCROLL_TO_TOP_KEY));

  if (frames > 1)
    {
      g_object_set_data (G_OBJECT (scrolled), SCROLL_TO_TOP_KEY, GUINT_TO_POINTER (frames - 1));
      return G_SOURCE_CONTINUE;
    }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
  g_object_set_data (G_OBJECT (scrolled), SCROLL_TO_TOP_KEY, NULL);

  return G_SOURCE_REMOVE;
}

void
_ladder_scroll_to_top (GtkScrolledWindow *scrolled)
{
  gboolean pending;

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scrolled));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), 0);
  /* Ticks come at the start of a frame: the second is after the first
   * frame's layout. */
  pending = g_object_get_data (G_OBJECT (scrolled), SCROLL_TO_TOP_KEY) != NULL;
  g_object_set_data (G_OBJECT (scrolled), SCROLL_TO_TOP_KEY, GUINT_TO_POINTER (2));
  if (!pending)
    gtk_widget_add_tick_callback (GTK_WIDGET (scrolled), scroll_to_top_tick_cb, NULL, NULL);
}

/* The focused row in view {{{1 */

#define FOCUS_ROW_TICK_KEY "ladder-focus-row-tick"
#define FOCUS_ROW_FRAMES 8

/* The row @focus is in: the nearest list box row, or child of a list or
 * grid view, below @scrolled. */
static GtkWidget *
focus_row (GtkWidget *focus,
           GtkWidget *scrolled)
{
  for (GtkWidget *widget = focus; widget != NULL && widget != scrolled;
       widget = gtk_widget_get_parent (widget))
    {
      GtkWidget *parent = gtk_widget_get_parent (widget);

      if (GTK_IS_LIST_BOX_ROW (widget) || GTK_IS_LIST_VIEW (parent) || GTK_IS_GRID_VIEW (parent))
        return widget;
    }

  return NULL;
}

static gboolean
reveal_focus_row_cb (GtkWidget     *window,
                     GdkFrameClock *clock,
                     gpointer       data)
{
  guint frame = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (window), FOCUS_ROW_TICK_KEY "-frame"));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *scrolled;
  GtkWidget *row;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double page, value, shift = 0;

  g_object_set_data (G_OBJECT (window), FOCUS_ROW_TICK_KEY "-frame", GUINT_TO_POINTER (frame + 1));
  /* The scrolled window brings the focused widget into view as it lays
   * out: the row is looked at after that frame. */
  if (frame == 0)
    return G_SOURCE_CONTINUE;

  scrolled = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  row = scrolled != NULL ? focus_row (focus, scrolled) : NULL;
  if (row != NULL && gtk_widget_compute_bounds (row, scrolled, &bounds))
    {
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      page = gtk_adjustment_get_page_size (adjustment);
      value = gtk_adjustment_get_value (adjustment);
      /* A row taller than the page keeps the focused widget in view. */
      if (bounds.size.height <= page)
        {
          if (bounds.origin.y < 0)
            shift = bounds.origin.y;
          else if (bounds.origin.y + bounds.size.height > page)
            shift = bounds.origin.y + bounds.size.height - page;
        }
      if (shift != 0)
        gtk_adjustment_set_value (adjustment, value + shift);
    }

  /* A list view or the page may still move it for a few frames (rows
   * made, a scroll finishing): it is looked at again until then. */
  if (frame < FOCUS_ROW_FRAMES)
    return G_SOURCE_CONTINUE;

  g_object_set_data (G_OBJECT (window), FOCUS_ROW_TICK_KEY, NULL);
  return G_SOURCE_REMOVE;
}

static void
focus_row_changed_cb (GtkWindow *window)
{
  g_object_set_data (G_OBJECT (window), FOCUS_ROW_TICK_KEY "-frame", GUINT_TO_POINTER (0));
  if (g_object_get_data (G_OBJECT (window), FOCUS_ROW_TICK_KEY) != NULL)
    return;

  g_object_set_data (G_OBJECT (window), FOCUS_ROW_TICK_KEY, GINT_TO_POINTER (TRUE));
  gtk_widget_add_tick_callback (GTK_WIDGET (window), reveal_focus_row_cb, NULL, NULL);
}

void
_ladder_keep_focus_row_visible (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_signal_connect (window, "notify::focus-widget", G_CALLBACK (focus_row_changed_cb), NULL);
}
