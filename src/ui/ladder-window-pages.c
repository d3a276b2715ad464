/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-ui-private.h"
#include "ladder-window-private.h"

/* The nicks of "team-order", by LadderTeamOrder. */
static const char * const team_orders[] = { "attention", "name", "level", NULL };

/* The window's pages: a profile's four views, the Team view and the
 * framework view. The first frame shows a spinner while the library
 * loads, and none of them; made with the window, their templates were
 * built and measured before that frame (about a fifth of the processor
 * time to it, tests/bench/bench-app's "CPU time to the first frame").
 * They are made once it is drawn, while the library loads on a worker
 * (first_frame_cb() in ladder-window.c), and before by whatever needs
 * one sooner. */

static void
team_profile_activated_cb (LadderWindow  *self,
                           LadderProfile *profile)
{
  _ladder_window_select (self, G_OBJECT (profile));
}

static void
add_view (LadderWindow *self,
          GtkWidget    *child,
          const char   *name,
          const char   *title,
          const char   *icon_name)
{
  AdwViewStackPage *page;

  page = adw_view_stack_add_titled_with_icon (self->view_stack, child, name, title, icon_name);
  adw_view_stack_page_set_use_underline (page, TRUE);
}

/* AdwNavigationSplitView:show-content, changed while collapsed, leaves
 * an idle callback behind that writes to the split view, and holds no
 * reference on it: a window closed before the main loop runs it would
 * have it write to freed memory, and corrupt the heap. A reference held
 * by an idle of the same priority, added after it and so dispatched after
 * it, keeps the split view until then. */
static gboolean
release_split_view_cb (gpointer data)
{
  return G_SOURCE_REMOVE;
}

void
_ladder_window_show_content (LadderWindow *self,
                             gboolean      show_content)
{
  if (self->split_view == NULL ||
      adw_navigation_split_view_get_show_content (self->split_view) == !!show_content)
    return;

  adw_navigation_split_view_set_show_content (self->split_view, show_content);
  if (adw_navigation_split_view_get_collapsed (self->split_view))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, release_split_view_cb,
                     g_object_ref (self->split_view), g_object_unref);
}

/* Narrow, the content slides over the sidebar, whose row had the
 * keyboard: on the Team view, it goes to the first card. */
static void
show_content_cb (LadderWindow *self)
{
  if (self->team_view == NULL || self->main_stack == NULL || self->split_view == NULL)
    return;

  if (adw_navigation_split_view_get_collapsed (self->split_view) &&
      adw_navigation_split_view_get_show_content (self->split_view) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "team") == 0)
    ladder_team_view_focus_first (self->team_view);
}

void
_ladder_window_ensure_team_view (LadderWindow *self)
{
  /* Made, or the window is gone. */
  if (self->team_view != NULL || self->main_stack == NULL)
    return;

  self->team_view = LADDER_TEAM_VIEW (ladder_team_view_new ());
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->team_view), "team");
  g_signal_connect_object (self->team_view, "profile-activated",
                           G_CALLBACK (team_profile_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->team_view, "notify::n-people",
                           G_CALLBACK (_ladder_window_team_people_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->team_view, "notify::n-shown",
                           G_CALLBACK (_ladder_window_team_people_changed_cb), self,
                           G_CONNECT_SWAPPED);
  ladder_team_view_set_library (self->team_view, self->library);
  /* The split view may outlive the window a little
   * (_ladder_window_show_content()): the handler goes with the window. */
  g_signal_connect_object (self->split_view, "notify::show-content", G_CALLBACK (show_content_cb), self,
                           G_CONNECT_SWAPPED);
  /* The order chosen last; "team-order" is an enum whose values are the
   * LadderTeamOrder's. */
  g_settings_bind_with_mapping (self->settings, "team-order", self->team_view, "order",
                                G_SETTINGS_BIND_DEFAULT, _ladder_nick_to_index, _ladder_index_to_nick,
                                (gpointer) team_orders, NULL);
}

/* The Team view is what a manager left open: it shows the team in the
 * first frame, as the heads the library kept sum it up, and the load's
 * listing takes its place (load_done_cb() in ladder-window.c). Reading
 * the fifty heads of a manager's team and making their profiles takes a
 * few hundred milliseconds of a processor after that frame; their cards
 * need only the summaries at the heads' ends, read here in a few. */
void
_ladder_window_preview_team (LadderWindow *self)
{
  g_autoptr(GDate) today = NULL;
  g_autoptr(GPtrArray) team = NULL;
  g_autofree char *people = NULL;

  if (!g_settings_get_boolean (self->settings, "team-shown-last"))
    return;

  today = _ladder_date_new_today ();
  team = ladder_library_peek_team (self->library, today);
  if (team == NULL)
    return;

  _ladder_window_ensure_team_view (self);
  ladder_team_view_set_preview (self->team_view, team);
  people = ladder_team_view_describe_count (self->team_view);
  _ladder_window_set_view (self, "team", _("Team"), people);
  _ladder_window_show_content (self, TRUE);
  /* Arrow keys and Enter go to the cards from the start. */
  ladder_team_view_focus_first (self->team_view);
}

/* Realized, before its first frame: the Team view is told the size it
 * will have, and makes for that frame the cards that fill it, no more
 * (less the header bar, about 47 px, and, wider than the breakpoint that
 * collapses the split view, the sidebar's share). Maximized, the size is
 * the screen's, unknown yet. */
void
_ladder_window_size_first_screen (LadderWindow *self)
{
  int width, height;

  if (self->team_view == NULL || gtk_window_is_maximized (GTK_WINDOW (self)))
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 640)
    width -= CLAMP (width * adw_navigation_split_view_get_sidebar_width_fraction (self->split_view),
                    adw_navigation_split_view_get_min_sidebar_width (self->split_view),
                    adw_navigation_split_view_get_max_sidebar_width (self->split_view));
  ladder_team_view_set_first_screen_size (self->team_view, width, height - 47);
}

void
_ladder_window_ensure_pages (LadderWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  /* Made, or the window is gone. */
  if (self->progress_page != NULL || self->main_stack == NULL)
    return;

  g_type_ensure (LADDER_TYPE_PROGRESS_PAGE);
  g_type_ensure (LADDER_TYPE_EVIDENCE_PAGE);
  g_type_ensure (LADDER_TYPE_CHECKINS_PAGE);
  g_type_ensure (LADDER_TYPE_SUMMARY_PAGE);
  g_type_ensure (LADDER_TYPE_FRAMEWORK_VIEW);
  /* From a builder file, so that each has its id as it had in the
   * window's template (the UI tests find them by it). */
  builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/ladder-window-pages.ui");
  self->progress_page = LADDER_PROGRESS_PAGE (gtk_builder_get_object (builder, "progress_page"));
  self->evidence_page = LADDER_EVIDENCE_PAGE (gtk_builder_get_object (builder, "evidence_page"));
  self->checkins_page = LADDER_CHECKINS_PAGE (gtk_builder_get_object (builder, "checkins_page"));
  self->summary_page = LADDER_SUMMARY_PAGE (gtk_builder_get_object (builder, "summary_page"));
  self->framework_view = LADDER_FRAMEWORK_VIEW (gtk_builder_get_object (builder, "framework_view"));

  add_view (self, GTK_WIDGET (self->progress_page), "progress", _("_Progress"),
            "view-grid-symbolic");
  add_view (self, GTK_WIDGET (self->evidence_page), "evidence", _("_Evidence"),
            "document-edit-symbolic");
  add_view (self, GTK_WIDGET (self->checkins_page), "checkins", _("C_heck-ins"),
            "x-office-calendar-symbolic");
  add_view (self, GTK_WIDGET (self->summary_page), "summary", _("_Summary"),
            "x-office-document-symbolic");
  ladder_checkins_page_set_autosave (self->checkins_page, self->autosave);

  _ladder_window_ensure_team_view (self);

  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->framework_view), "framework");
  ladder_framework_view_set_library (self->framework_view, self->library);
}

GtkWidget *
_ladder_window_get_evidence_page (LadderWindow *self)
{
  _ladder_window_ensure_pages (self);
  return GTK_WIDGET (self->evidence_page);
}

GtkWidget *
_ladder_window_get_team_view (LadderWindow *self)
{
  _ladder_window_ensure_team_view (self);
  return GTK_WIDGET (self->team_view);
}

GtkWidget *
_ladder_window_get_framework_view (LadderWindow *self)
{
  _ladder_window_ensure_pages (self);
  return GTK_WIDGET (self->framework_view);
}
