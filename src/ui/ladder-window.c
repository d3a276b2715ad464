/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-window"

#include "config.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "ladder-category-page.h"
#include "ladder-checkin-page.h"
#include "ladder-checkins-page.h"
#include "ladder-core.h"
#include "ladder-evidence-editor.h"
#include "ladder-evidence-page.h"
#include "ladder-framework-view.h"
#include "ladder-import-dialog.h"
#include "ladder-profile-dialog.h"
#include "ladder-progress-page.h"
#include "ladder-sidebar-row.h"
#include "ladder-summary-page.h"
#include "ladder-ui-private.h"
#include "ladder-window-private.h"


G_DEFINE_FINAL_TYPE (LadderWindow, ladder_window, ADW_TYPE_APPLICATION_WINDOW)


/* Chrome {{{1 */

/* Where a toast shows: over the views, so that it never covers the bottom
 * view switcher bar nor what sits just above it, while they are what is
 * shown; otherwise (a category or a check-in pushed, the sidebar alone)
 * over the whole window. */
static AdwToastOverlay *
pick_toast_overlay (GtkWidget *widget)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  gboolean views_shown =
    adw_navigation_view_get_visible_page (self->content_nav) == self->main_page &&
    (!adw_navigation_split_view_get_collapsed (self->split_view) ||
     adw_navigation_split_view_get_show_content (self->split_view));

  return views_shown ? self->content_toast_overlay : self->toast_overlay;
}

static void
add_toast (LadderWindow *self,
           AdwToast     *toast)
{
  _ladder_add_toast (GTK_WIDGET (self), toast);
}

static void
toast (LadderWindow *self,
       const char   *title)
{
  AdwToast *t = adw_toast_new (title);

  adw_toast_set_use_markup (t, FALSE);
  add_toast (self, t);
}

void
_ladder_window_add_toast (LadderWindow *self,
                          AdwToast     *toast)
{
  g_return_if_fail (LADDER_IS_WINDOW (self));

  add_toast (self, toast);
}

/* A profile's file changed on disk (a synced folder, another program)
 * and the library merged it in: say so, since what the window shows
 * changed under the user's eyes. Merges that come in a burst update one
 * toast rather than queue many. */
static void
profile_merged_cb (LadderWindow  *self,
                   LadderProfile *profile,
                   LadderMerge   *merge)
{
  g_autofree char *title = NULL;

  title = g_strdup_printf (_("Merged changes to “%s” from disk"), ladder_profile_get_name (profile));

  if (self->merged_toast != NULL)
    {
      adw_toast_set_title (self->merged_toast, title);
      return;
    }

  self->merged_toast = adw_toast_new (title);
  adw_toast_set_use_markup (self->merged_toast, FALSE);
  g_object_add_weak_pointer (G_OBJECT (self->merged_toast), (gpointer *) &self->merged_toast);
  add_toast (self, self->merged_toast);
}

/* A copy of @banner under the header bar of @toolbar that shows what it
 * shows, for as long as the page lives. */
static void
add_banner_copy (AdwToolbarView *toolbar,
                 AdwBanner      *banner)
{
  static const char *const properties[] = { "title", "button-label", "action-name", "revealed" };
  AdwBanner *copy = ADW_BANNER (adw_banner_new (""));
  g_auto(GStrv) classes = gtk_widget_get_css_classes (GTK_WIDGET (banner));

  adw_banner_set_use_markup (copy, FALSE);
  gtk_widget_set_css_classes (GTK_WIDGET (copy), (const char **) classes);
  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    g_object_bind_property (banner, properties[i], copy, properties[i], G_BINDING_SYNC_CREATE);
  adw_toolbar_view_add_top_bar (toolbar, GTK_WIDGET (copy));
}

/* A page pushed over the profile (a category, a check-in) says what the
 * main page's banners say: someone working inside it must learn too that
 * the profile is read-only or that saving failed. */
static void
visible_page_changed_cb (LadderWindow *self)
{
  AdwNavigationPage *page = adw_navigation_view_get_visible_page (self->content_nav);
  GtkWidget *child;

  if (page == NULL || page == self->main_page ||
      g_object_get_data (G_OBJECT (page), "ladder-banners") != NULL)
    return;

  child = adw_navigation_page_get_child (page);
  if (!ADW_IS_TOOLBAR_VIEW (child))
    return;

  add_banner_copy (ADW_TOOLBAR_VIEW (child), self->save_banner);
  add_banner_copy (ADW_TOOLBAR_VIEW (child), self->read_only_banner);
  g_object_set_data (G_OBJECT (page), "ladder-banners", GINT_TO_POINTER (TRUE));
}

static void
update_chrome (LadderWindow *self)
{
  const char *view = gtk_stack_get_visible_child_name (self->main_stack);
  gboolean profile = g_strcmp0 (view, "profile") == 0;
  gboolean framework = g_strcmp0 (view, "framework") == 0;
  gboolean editable = self->profile != NULL && !ladder_profile_get_read_only (self->profile);
  /* What takes all of the profile waits for its evidence to be read. */
  gboolean whole = self->profile != NULL && !ladder_profile_get_loading (self->profile);

  gtk_stack_set_visible_child_name (self->title_stack, profile && !self->narrow ? "switcher" : "title");
  /* Wide, the view switcher takes the title's place: whose profile it is
   * shows at the start of the header bar instead, where there is room.
   * Narrow, a centred title gets only what keeps it centred, which cut
   * a role or a framework's name short beside the header's buttons: at
   * the start, the name and role take all the room there is. */
  gtk_widget_set_visible (self->profile_heading,
                          (profile && !self->narrow && self->roomy) ||
                          ((profile || framework) && self->narrow));
  gtk_widget_set_visible (GTK_WIDGET (self->title_stack), !((profile || framework) && self->narrow));
  gtk_widget_set_visible (GTK_WIDGET (self->profile_role_label),
                          *adw_window_title_get_subtitle (self->window_title) != '\0');

  /* A profile that is shown but never saved says so before anyone types
   * into it; its Details say why, whole (a path does not fit a banner). */
  adw_banner_set_revealed (self->read_only_banner,
                           profile && self->profile != NULL &&
                           ladder_profile_get_read_only (self->profile));
  adw_view_switcher_bar_set_reveal (self->switcher_bar, profile && self->narrow);
  gtk_widget_set_visible (self->new_evidence_button, profile && editable);
  gtk_widget_set_visible (self->search_button, profile || framework);
  if (profile || framework)
    {
      const char *search = framework ? _("Search Behaviours") : _("Search Evidence");

      gtk_widget_set_tooltip_text (self->search_button, search);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, search, -1);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-evidence",
                                 (profile && editable) ||
                                 (self->loaded && g_strcmp0 (view, "welcome") == 0));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-evidence-for", profile && editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-evidence", profile && editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-profile", profile && editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-profile", self->profile != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", whole);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", whole);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.share-copy", whole);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-ratings", self->profile != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", profile || framework);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", profile);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-checkin", profile && editable && whole);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.prepare", profile && whole);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.write-review", profile && whole);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-profile", self->loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo", self->loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-team", self->loaded);
  _ladder_window_update_framework_actions (self);
}

static void
set_titles (LadderWindow *self,
            const char   *title,
            const char   *subtitle)
{
  adw_window_title_set_title (self->window_title, title != NULL ? title : _("Ladder"));
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  adw_navigation_page_set_title (self->content_page, title != NULL ? title : _("Ladder"));
  adw_navigation_page_set_title (self->main_page, title != NULL ? title : _("Ladder"));
}

void
_ladder_window_set_view (LadderWindow *self,
                         const char   *view,
                         const char   *title,
                         const char   *subtitle)
{
  adw_navigation_view_pop_to_tag (self->content_nav, "main");
  /* The first view replaces the spinner at once: a cross-fade from it
   * would only draw the window a dozen more times while it starts. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "loading") == 0)
    gtk_stack_set_visible_child_full (self->main_stack, view, GTK_STACK_TRANSITION_TYPE_NONE);
  else
    gtk_stack_set_visible_child_name (self->main_stack, view);
  set_titles (self, title, subtitle);
  update_chrome (self);
}

/* The profile shown was renamed, or its role changed (Edit Profile, an
 * undo, a merge): the header bar says so at once. */
static void
profile_titles_changed_cb (LadderWindow *self)
{
  set_titles (self, ladder_profile_get_name (self->profile), ladder_profile_get_role (self->profile));
}

static void
breakpoint_apply_cb (LadderWindow *self)
{
  self->narrow = TRUE;
  update_chrome (self);
}

static void
breakpoint_unapply_cb (LadderWindow *self)
{
  self->narrow = FALSE;
  update_chrome (self);
}

static void
roomy_apply_cb (LadderWindow *self)
{
  self->roomy = TRUE;
  update_chrome (self);
}

static void
roomy_unapply_cb (LadderWindow *self)
{
  self->roomy = FALSE;
  update_chrome (self);
}

/* Showing things {{{1 */

static void
set_profile (LadderWindow  *self,
             LadderProfile *profile)
{
  if (self->profile == profile)
    return;

  ladder_autosave_save_pending (self->autosave);
  if (self->profile != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->profile, _ladder_window_profile_changed_cb,
                                            self);
      g_signal_handlers_disconnect_by_func (self->profile, update_chrome, self);
      g_signal_handlers_disconnect_by_func (self->profile, profile_titles_changed_cb, self);
    }
  g_set_object (&self->profile, profile);
  if (profile != NULL)
    {
      g_signal_connect_swapped (profile, "changed",
                                G_CALLBACK (_ladder_window_profile_changed_cb), self);
      g_signal_connect_swapped (profile, "notify::loading", G_CALLBACK (update_chrome), self);
      g_signal_connect_swapped (profile, "notify::read-only", G_CALLBACK (update_chrome), self);
      g_signal_connect_swapped (profile, "notify::read-only-reason", G_CALLBACK (update_chrome), self);
      g_signal_connect_swapped (profile, "notify::name", G_CALLBACK (profile_titles_changed_cb), self);
      g_signal_connect_swapped (profile, "notify::role", G_CALLBACK (profile_titles_changed_cb), self);
      /* Beyond the library's read-ahead, a profile's evidence is read
       * when it is shown; at start-up, once it is on screen
       * (listed_frame_cb()). */
      if (self->listed)
        ladder_library_read_in_full (self->library, profile);
    }

  if (profile == NULL && self->progress_page == NULL)
    return;
  _ladder_window_ensure_pages (self);
  ladder_progress_page_set_profile (self->progress_page, profile);
  ladder_evidence_page_set_profile (self->evidence_page, profile);
  ladder_checkins_page_set_profile (self->checkins_page, profile);
  ladder_summary_page_set_profile (self->summary_page, profile);
}

/* Moves the sidebar's selection without showing what it selects. */
static void
select_position (LadderWindow *self,
                 guint         position)
{
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->sidebar_selection, position);
  self->selecting = FALSE;
  /* The person shown is in view in the sidebar, however long it is. */
  if (position != GTK_INVALID_LIST_POSITION)
    _ladder_window_sidebar_scroll_to (self, position);
}

static guint
sidebar_position (LadderWindow *self,
                  GObject      *item)
{
  GListModel *model = G_LIST_MODEL (self->sidebar_selection);

  for (guint i = 0; item != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

void
_ladder_window_show_welcome (LadderWindow *self)
{
  set_profile (self, NULL);
  g_clear_object (&self->shown_item);
  select_position (self, GTK_INVALID_LIST_POSITION);
  _ladder_window_set_view (self, "welcome", NULL, NULL);
  /* Narrow, the welcome is what a first run must see, not the sidebar. */
  _ladder_window_show_content (self, TRUE);
}

/* The sidebar's Team row is a GtkStringObject "team" in a list of its own
 * before the profiles, in the People section; it is there while the user
 * manages someone. */
gboolean
_ladder_window_is_team_entry (gpointer item)
{
  return GTK_IS_STRING_OBJECT (item) &&
         g_str_equal (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), "team");
}

static char *
describe_team (LadderWindow *self)
{
  _ladder_window_ensure_pages (self);

  return ladder_team_view_describe_count (self->team_view);
}

static void
show_item (LadderWindow *self,
           GObject      *item)
{
  if (LADDER_IS_PROFILE (item) || LADDER_IS_FRAMEWORK (item) || LADDER_IS_LOAD_ERROR (item) ||
      _ladder_window_is_team_entry (item))
    g_set_object (&self->shown_item, item);
  if (LADDER_IS_PROFILE (item) || _ladder_window_is_team_entry (item))
    g_settings_set_boolean (self->settings, "team-shown-last", _ladder_window_is_team_entry (item));

  if (LADDER_IS_PROFILE (item))
    {
      LadderProfile *profile = LADDER_PROFILE (item);
      const char *role = ladder_profile_get_role (profile);

      set_profile (self, profile);
      adw_view_stack_set_visible_child_name (self->view_stack, "progress");
      _ladder_window_set_view (self, "profile", ladder_profile_get_name (profile), role);
      g_settings_set_string (self->settings, "last-profile", ladder_profile_get_id (profile));
      /* build-aux/flatpak-test waits for this line to take its screenshot. */
      g_debug ("Showing profile “%s”", ladder_profile_get_name (profile));
    }
  else if (_ladder_window_is_team_entry (item))
    {
      g_autofree char *people = describe_team (self);

      set_profile (self, NULL);
      _ladder_window_set_view (self, "team", _("Team"), people);
    }
  else if (LADDER_IS_FRAMEWORK (item))
    {
      LadderFramework *framework = LADDER_FRAMEWORK (item);

      set_profile (self, NULL);
      _ladder_window_ensure_pages (self);
      ladder_framework_view_set_framework (self->framework_view, framework);
      _ladder_window_set_view (self, "framework", ladder_framework_get_name (framework),
                ladder_framework_get_organisation (framework));
    }
  else if (LADDER_IS_LOAD_ERROR (item))
    {
      LadderLoadError *load_error = LADDER_LOAD_ERROR (item);
      g_autofree char *name = g_file_get_basename (ladder_load_error_get_file (load_error));
      g_autofree char *path = g_file_get_parse_name (ladder_load_error_get_file (load_error));
      g_autofree char *title = g_strdup_printf (_("Could Not Open “%s”"), name);
      g_autofree char *escaped_title = g_markup_escape_text (title, -1);
      g_autofree char *description = g_markup_printf_escaped (
        _("The file is left as it is. Fix it, or move it out of the way, and open Ladder again. It is at %s"),
        path);

      set_profile (self, NULL);
      adw_status_page_set_title (self->error_page, escaped_title);
      adw_status_page_set_description (self->error_page, description);
      gtk_label_set_label (self->error_details, ladder_load_error_get_error (load_error)->message);
      _ladder_window_set_view (self, "error", name, NULL);
    }
  else
    _ladder_window_show_welcome (self);
}

/* The sidebar shows what is clicked or activated with Enter. In its
 * single-click mode GTK also selects the row under the pointer, and the
 * focused row on arrow keys: a row that the pointer merely crossed (after
 * a start, or when a deleted row's neighbours slide under it) must not
 * replace what is shown, so the selection goes back to the shown item. */
static void
sidebar_selection_changed_cb (LadderWindow *self)
{
  GObject *item = gtk_single_selection_get_selected_item (self->sidebar_selection);

  if (self->selecting || item == self->shown_item)
    return;

  select_position (self, sidebar_position (self, self->shown_item));
}

/* A renamed profile leaves the list and comes back in its new place,
 * and the selection goes with it: the row of the item shown is
 * selected again. */
static void
sidebar_items_changed_cb (LadderWindow *self)
{
  guint position;

  if (self->shown_item == NULL ||
      gtk_single_selection_get_selected (self->sidebar_selection) != GTK_INVALID_LIST_POSITION)
    return;

  position = sidebar_position (self, self->shown_item);
  if (position != GTK_INVALID_LIST_POSITION)
    select_position (self, position);
}

static void
sidebar_activate_cb (LadderWindow *self,
                     guint         position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->sidebar_selection), position);

  select_position (self, position);
  if (item != NULL && item != self->shown_item)
    show_item (self, item);
  _ladder_window_show_content (self, TRUE);
}

void
_ladder_window_select (LadderWindow *self,
                       GObject      *item)
{
  guint position;

  g_return_if_fail (LADDER_IS_WINDOW (self));

  position = sidebar_position (self, item);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  select_position (self, position);
  /* Selecting the selected item again still shows it afresh. */
  show_item (self, item);
  _ladder_window_show_content (self, TRUE);
}

/* The sidebar: profiles, frameworks and files that failed to load, one
 * GtkFlattenListModel whose sections are the three lists. */
static void
setup_sidebar_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      LadderWindow             *self)
{
  gtk_list_item_set_child (item, ladder_sidebar_row_new ());
}

static void
bind_sidebar_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     LadderWindow             *self)
{
  ladder_sidebar_row_set_item (LADDER_SIDEBAR_ROW (gtk_list_item_get_child (item)),
                               gtk_list_item_get_item (item));
}

static void
unbind_sidebar_row_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       LadderWindow             *self)
{
  ladder_sidebar_row_set_item (LADDER_SIDEBAR_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
setup_sidebar_header_cb (GtkSignalListItemFactory *factory,
                         GtkListHeader            *header,
                         LadderWindow             *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_top (label, 6);
  gtk_list_header_set_child (header, label);
}

static void
bind_sidebar_header_cb (GtkSignalListItemFactory *factory,
                        GtkListHeader            *header,
                        LadderWindow             *self)
{
  gpointer item = gtk_list_header_get_item (header);
  const char *title;

  if (LADDER_IS_PROFILE (item) || _ladder_window_is_team_entry (item))
    title = _("People");
  else if (LADDER_IS_FRAMEWORK (item))
    title = _("Frameworks");
  else
    title = _("Could Not Be Opened");

  gtk_label_set_label (GTK_LABEL (gtk_list_header_get_child (header)), title);
}

/* Loading {{{1 */

/* The Team row comes and goes with the people the user manages, and says
 * how many they are. */
void
_ladder_window_team_people_changed_cb (LadderWindow *self)
{
  guint n = ladder_team_view_get_n_people (self->team_view);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->team_entry));

  if (n > 0 && shown == 0)
    {
      g_autoptr(GtkStringObject) entry = gtk_string_object_new ("team");

      _ladder_window_sidebar_keep_top (self);
      g_list_store_append (self->team_entry, entry);
    }
  else if (n == 0 && shown > 0)
    {
      /* Shown, the view stays, and says what to do. */
      g_list_store_remove_all (self->team_entry);
    }

  if (g_strcmp0 (_ladder_window_get_view (self), "team") == 0)
    {
      g_autofree char *people = describe_team (self);

      set_titles (self, _("Team"), people);
    }
}

/* The Team row when there is one; else (from the main menu) the view
 * with no row selected, which says how to add someone. */
void
_ladder_window_show_team (LadderWindow *self)
{
  g_autoptr(GObject) entry = NULL;

  g_return_if_fail (LADDER_IS_WINDOW (self));

  entry = g_list_model_get_item (G_LIST_MODEL (self->team_entry), 0);
  if (entry != NULL)
    {
      _ladder_window_select (self, entry);
      return;
    }

  entry = G_OBJECT (gtk_string_object_new ("team"));
  select_position (self, GTK_INVALID_LIST_POSITION);
  show_item (self, entry);
  _ladder_window_show_content (self, TRUE);
}

void
_ladder_window_show_first_thing (LadderWindow *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-profile");
  GListModel *profiles = ladder_library_get_profiles (self->library);
  LadderProfile *profile = NULL;

  /* A manager who left the Team view open finds it again. */
  if (g_settings_get_boolean (self->settings, "team-shown-last") &&
      g_list_model_get_n_items (G_LIST_MODEL (self->team_entry)) > 0)
    {
      _ladder_window_show_team (self);
      return;
    }

  if (*last != '\0')
    profile = ladder_library_find_profile (self->library, last);

  if (profile == NULL && g_list_model_get_n_items (profiles) > 0)
    {
      g_autoptr(LadderProfile) first = g_list_model_get_item (profiles, 0);

      profile = first;
    }

  if (profile != NULL)
    _ladder_window_select (self, G_OBJECT (profile));
  else
    _ladder_window_show_welcome (self);
}

#ifdef __GLIBC__
static void
trim_memory (void)
{
  malloc_trim (0);
}
#endif

/* What the load listed is on screen: the library may read the profile
 * shown in full, and read ahead. Not before: on two cores, a worker
 * reading 20,000 entries takes the processor from the frame that shows
 * the profile, which took half again as long to come. */
static void
release_reading (LadderWindow *self)
{
  self->listed = TRUE;
  if (self->profile != NULL)
    ladder_library_read_in_full (self->library, self->profile);
  ladder_library_hold_read_ahead (self->library, FALSE);
}

static void
listed_frame_cb (GdkFrameClock *clock,
                 LadderWindow  *self)
{
  g_signal_handlers_disconnect_by_func (clock, listed_frame_cb, self);
  release_reading (self);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LadderWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GdkFrameClock *clock;
  guint n_errors;

  if (!ladder_library_load_finish (LADDER_LIBRARY (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_warning ("%s", error->message);
      _ladder_window_show_error (self, _("Could Not Read the Library"), error->message);
    }

  self->loaded = TRUE;
  gtk_stack_set_visible_child_name (self->sidebar_stack, "list");
  /* The Team row goes in before a row is chosen: after, it would come in
   * above the chosen row, which the list keeps in place, out of sight. */
  _ladder_window_ensure_team_view (self);

  if (self->demo_requested)
    _ladder_window_load_demo (self);
  else
    _ladder_window_show_first_thing (self);
  _ladder_window_open_pending (self);
  if (self->team_view != NULL)
    ladder_team_view_set_preview (self->team_view, NULL);

  n_errors = g_list_model_get_n_items (ladder_library_get_errors (self->library));
  if (n_errors > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u file could not be opened",
                                                            "%u files could not be opened",
                                                            n_errors), n_errors);

      toast (self, text);
    }

  update_chrome (self);
#ifdef DEVELOPMENT_PROFILE
  _ladder_window_apply_screenshot_hook (self);
#endif

  /* Reading profiles ahead on a worker would share the processor with
   * the frame that shows the sidebar and the first view (fifty Team
   * cards): it waits for that frame. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock != NULL)
    {
      g_signal_connect_object (clock, "after-paint", G_CALLBACK (listed_frame_cb), self, 0);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else
    release_reading (self);

#ifdef __GLIBC__
  /* Parsing a large profile on the worker leaves its JSON tree's memory
   * free but held by the allocator: give it back to the system, once the
   * profile is on screen. */
  g_idle_add_once ((GSourceOnceFunc) trim_memory, NULL);
#endif
}

/* Files dropped on the window {{{1 */

/* An error's sentence is shown whole, in a dialog that wraps it: a
 * toast's one line would cut it. */
void
_ladder_window_show_error (LadderWindow *self,
                           const char   *heading,
                           const char   *message)
{
  g_return_if_fail (LADDER_IS_WINDOW (self));

  _ladder_show_error (GTK_WIDGET (self), heading, message);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         LadderWindow  *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  _ladder_window_open_file (self, files->data);
  return TRUE;
}

/* Private API {{{1 */

LadderLibrary *
_ladder_window_get_library (LadderWindow *self)
{
  return self->library;
}

gboolean
_ladder_window_is_loaded (LadderWindow *self)
{
  return self->loaded;
}

LadderProfile *
_ladder_window_get_profile (LadderWindow *self)
{
  return self->profile;
}

const char *
_ladder_window_get_view (LadderWindow *self)
{
  return gtk_stack_get_visible_child_name (self->main_stack);
}

gboolean
_ladder_window_has_pending_save (LadderWindow *self)
{
  return self->autosave != NULL && ladder_autosave_get_pending (self->autosave);
}

LadderFramework *
_ladder_window_get_shown_framework (LadderWindow *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->sidebar_selection);

  if (g_strcmp0 (_ladder_window_get_view (self), "framework") != 0 || !LADDER_IS_FRAMEWORK (item))
    return NULL;

  return item;
}

GSettings *
_ladder_window_get_settings (LadderWindow *self)
{
  return self->settings;
}

AdwBanner *
_ladder_window_get_read_only_banner (LadderWindow *self)
{
  return self->read_only_banner;
}

AdwBanner *
_ladder_window_get_save_banner (LadderWindow *self)
{
  return self->save_banner;
}

AdwDialog *
_ladder_window_get_close_dialog (LadderWindow *self)
{
  return self->close_dialog;
}

const char *
_ladder_window_get_inhibit_reason (LadderWindow *self)
{
  return self->inhibit_reason;
}

void
ladder_window_show_demo (LadderWindow *self)
{
  g_return_if_fail (LADDER_IS_WINDOW (self));

  if (self->loaded)
    _ladder_window_load_demo (self);
  else
    self->demo_requested = TRUE;
}

/* GObject {{{1 */

static gboolean
ladder_window_close_request (GtkWindow *window)
{
  LadderWindow *self = LADDER_WINDOW (window);
  GtkWidget *draft_page = NULL;

  if (self->checkins_page != NULL)
    draft_page = ladder_checkins_page_get_draft_page (self->checkins_page);

  /* An action typed on the check-in page and not yet added goes into
   * the draft written below, as it does when the page is left. */
  if (draft_page != NULL)
    ladder_checkin_page_keep_typed_action (LADDER_CHECKIN_PAGE (draft_page));

  /* A write under way on a worker: the window goes out of sight and
   * closes when it is done (_ladder_window_saving_changed_cb()), so that
   * the write is
   * not cancelled and what changed meanwhile is written after it. */
  if (ladder_autosave_get_saving (self->autosave))
    {
      self->close_when_saved = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
      return TRUE;
    }

  if (!ladder_autosave_flush (self->autosave))
    {
      _ladder_window_ask_before_closing (self);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (ladder_window_parent_class)->close_request (window);
}

static void
ladder_window_dispose (GObject *object)
{
  LadderWindow *self = LADDER_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->autosave != NULL)
    g_signal_handlers_disconnect_by_data (self->autosave, self);
  if (self->save_hold != NULL)
    g_application_release (self->save_hold);
  g_clear_object (&self->save_hold);
  g_clear_weak_pointer (&self->close_dialog);
  if (self->inhibit_cookie != 0 && gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    gtk_application_uninhibit (gtk_window_get_application (GTK_WINDOW (self)), self->inhibit_cookie);
  self->inhibit_cookie = 0;
  g_clear_pointer (&self->inhibit_reason, g_free);
  if (self->merged_toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->merged_toast), (gpointer *) &self->merged_toast);
  self->merged_toast = NULL;
  if (self->progress_page != NULL)
    set_profile (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_WINDOW);
  /* The pages went with the stacks that held them. */
  self->progress_page = NULL;
  self->evidence_page = NULL;
  self->checkins_page = NULL;
  self->summary_page = NULL;
  self->team_view = NULL;
  self->framework_view = NULL;

  g_clear_object (&self->autosave);
  g_clear_object (&self->sidebar_selection);
  g_clear_object (&self->shown_item);
  g_clear_object (&self->team_entry);
  g_clear_object (&self->library);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->deleted_profiles, g_hash_table_unref);
  g_clear_pointer (&self->deleted_evidence, g_hash_table_unref);
  g_clear_pointer (&self->pending_files, g_ptr_array_unref);
  g_clear_pointer (&self->pending_result, g_free);
  g_clear_pointer (&self->pending_prepare, g_free);
  g_clear_pointer (&self->pending_search, g_free);

  G_OBJECT_CLASS (ladder_window_parent_class)->dispose (object);
}

static void
ladder_window_class_init (LadderWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ladder_window_dispose;
  window_class->close_request = ladder_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ladder-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, content_toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, content_page);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, content_nav);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, main_page);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, profile_heading);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, main_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, profile_name_label);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, profile_role_label);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, new_evidence_button);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, save_banner);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, error_details);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, breakpoint_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, breakpoint_unapply_cb);
  gtk_widget_class_bind_template_callback (widget_class, roomy_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, roomy_unapply_cb);

  _ladder_window_class_add_actions (widget_class);
  _ladder_window_class_add_framework_actions (widget_class);
}

static gboolean
make_pages_cb (gpointer data)
{
  _ladder_window_ensure_pages (LADDER_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* The window appears at once, whatever the library holds, and then the
 * library loads on a worker. Not before: reading and parsing a large
 * profile allocates and touches a lot of memory, and on two cores a
 * worker started with the window delayed its first frame by a third or
 * more. */
static void
first_frame_cb (GdkFrameClock *clock,
                LadderWindow  *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  ladder_library_hold_read_ahead (self->library, TRUE);
  ladder_library_load_async (self->library, self->cancellable, load_done_cb, g_object_ref (self));
  /* Once this frame is out: after its other after-paint handlers, and
   * after the main loop has flushed it to the display server. */
  g_idle_add_full (G_PRIORITY_DEFAULT, make_pages_cb, g_object_ref (self), g_object_unref);
}

static void
realize_cb (LadderWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, realize_cb, NULL);
  _ladder_window_size_first_screen (self);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (first_frame_cb), self, 0);
}

static void
ladder_window_init (LadderWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) header_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GFile) directory = ladder_library_get_default_directory ();
  g_autoptr(GListModel) shown_frameworks = NULL;
  g_autoptr(GtkFlattenListModel) people_section = NULL;
  GListStore *sections;
  GListStore *people;
  GtkFlattenListModel *flat;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  _ladder_undo_add_keys (GTK_WIDGET (self));
  _ladder_keep_focus_row_visible (GTK_WINDOW (self));
  _ladder_set_toast_overlay_func (GTK_WIDGET (self), pick_toast_overlay);

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  self->cancellable = g_cancellable_new ();
  self->deleted_profiles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->deleted_evidence = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->library = ladder_library_new (directory);
  g_signal_connect_object (self->library, "profile-merged", G_CALLBACK (profile_merged_cb), self,
                           G_CONNECT_SWAPPED);
  self->autosave = ladder_autosave_new (self->library);
  g_signal_connect_object (self->autosave, "errors-changed",
                           G_CALLBACK (_ladder_window_update_unsaved), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->autosave, "notify::saving",
                           G_CALLBACK (_ladder_window_saving_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->content_nav, "notify::visible-page",
                           G_CALLBACK (visible_page_changed_cb), self, G_CONNECT_SWAPPED);
  /* The role under the name in the wide header bar goes with it. */
  g_signal_connect_object (self->window_title, "notify::subtitle", G_CALLBACK (update_chrome), self,
                           G_CONNECT_SWAPPED);

  shown_frameworks = _ladder_window_shown_frameworks (self->library, self->settings);
  sections = g_list_store_new (G_TYPE_LIST_MODEL);
  /* People: the Team row, when there is one, then each profile. */
  self->team_entry = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  people = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (people, self->team_entry);
  g_list_store_append (people, ladder_library_get_profiles (self->library));
  people_section = gtk_flatten_list_model_new (G_LIST_MODEL (people));
  g_list_store_append (sections, people_section);
  g_list_store_append (sections, shown_frameworks);
  g_list_store_append (sections, ladder_library_get_errors (self->library));
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (sections));
  self->sidebar_selection = gtk_single_selection_new (G_LIST_MODEL (flat));
  gtk_single_selection_set_autoselect (self->sidebar_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->sidebar_selection, TRUE);
  gtk_single_selection_set_selected (self->sidebar_selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->sidebar_selection, "notify::selected",
                            G_CALLBACK (sidebar_selection_changed_cb), self);
  g_signal_connect_object (self->sidebar_selection, "items-changed",
                           G_CALLBACK (sidebar_items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_sidebar_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_sidebar_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_sidebar_row_cb), self);
  g_signal_connect (header_factory, "setup", G_CALLBACK (setup_sidebar_header_cb), self);
  g_signal_connect (header_factory, "bind", G_CALLBACK (bind_sidebar_header_cb), self);
  gtk_list_view_set_factory (self->sidebar_list, factory);
  gtk_list_view_set_header_factory (self->sidebar_list, header_factory);
  gtk_list_view_set_model (self->sidebar_list,
                           GTK_SELECTION_MODEL (g_object_ref (self->sidebar_selection)));
  _ladder_window_sidebar_init (self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  gtk_stack_set_visible_child_name (self->sidebar_stack, "loading");
  update_chrome (self);
  _ladder_window_preview_team (self);

  /* The library loads on a worker once the window has drawn its first
   * frame (first_frame_cb()). */
  g_signal_connect (self, "realize", G_CALLBACK (realize_cb), NULL);
}

LadderWindow *
ladder_window_new (LadderApplication *application)
{
  return g_object_new (LADDER_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
