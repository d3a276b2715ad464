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
#include "ladder-export.h"
#include "ladder-framework-view.h"
#include "ladder-import-dialog.h"
#include "ladder-profile-dialog.h"
#include "ladder-profile-editor.h"
#include "ladder-progress-page.h"
#include "ladder-sidebar-row.h"
#include "ladder-summary-page.h"
#include "ladder-ui-private.h"
#include "ladder-window-private.h"

/* How long the window waits after a change before it writes the profile:
 * a burst of clicks becomes one write. */
#define AUTOSAVE_DELAY_MS 400
/* A failed save is tried again after this long (and on the next change). */
#define SAVE_RETRY_SECONDS 10

/* The demo profile: what `ladder-cli sample` makes by default. */
#define DEMO_FRAMEWORK "monzo-backend-engineering"
#define DEMO_EVIDENCE  40
#define DEMO_SEED      1

struct _LadderWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  LadderLibrary        *library;
  GCancellable         *cancellable;
  GtkSingleSelection   *sidebar_selection;
  GObject              *shown_item;       /* the sidebar's item on show */
  gboolean              selecting;        /* the window moves the selection */
  gboolean              loaded;
  gboolean              demo_requested;
  gboolean              narrow;
  gboolean              roomy;            /* wide enough to name the profile */
  GHashTable           *deleted_profiles;  /* id → LadderProfile, for undo */
  GHashTable           *deleted_evidence;  /* id → LadderEvidence, for undo */

  LadderProfile        *profile;          /* shown */
  GPtrArray            *dirty;            /* LadderProfile: changed, not yet on disk */
  GHashTable           *save_errors;      /* LadderProfile → GError: its last write failed */
  GPtrArray            *retry_queue;      /* LadderProfile: failed ones to try again */
  LadderProfile        *saving_profile;   /* being saved */
  gboolean              close_when_saved; /* a close waits for the write */
  AdwDialog            *close_dialog;     /* weak: asks before losing changes */
  char                 *inhibit_reason;   /* set while a logout is held back */
  guint                 inhibit_cookie;
  GApplication         *save_hold;        /* held while a write runs */
  guint                 save_timeout_id;
  guint                 save_retry_id;
  AdwToast             *merged_toast;     /* weak: the one on screen */

  AdwToastOverlay      *toast_overlay;
  AdwToastOverlay      *content_toast_overlay;
  AdwNavigationSplitView *split_view;
  GtkStack             *sidebar_stack;
  GtkListView          *sidebar_list;
  AdwNavigationPage    *content_page;
  AdwNavigationView    *content_nav;
  AdwNavigationPage    *main_page;
  GtkStack             *title_stack;
  AdwWindowTitle       *window_title;
  GtkWidget            *profile_heading;
  GtkLabel             *profile_name_label;
  GtkLabel             *profile_role_label;
  GtkWidget            *new_evidence_button;
  GtkWidget            *search_button;
  AdwBanner            *save_banner;
  AdwBanner            *read_only_banner;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  LadderProgressPage   *progress_page;
  LadderEvidencePage   *evidence_page;
  LadderCheckinsPage   *checkins_page;
  LadderSummaryPage    *summary_page;
  LadderFrameworkView  *framework_view;
  AdwStatusPage        *error_page;
  GtkLabel             *error_details;
  AdwViewSwitcherBar   *switcher_bar;
};

G_DEFINE_FINAL_TYPE (LadderWindow, ladder_window, ADW_TYPE_APPLICATION_WINDOW)

static void save_profile (LadderWindow *self, LadderProfile *profile);
static void apply_screenshot_hook (LadderWindow *self);

/* Chrome {{{1 */

/* Where a toast shows: over the views, so that it never covers the bottom
 * view switcher bar nor what sits just above it, while they are what is
 * shown; otherwise (a category or a check-in pushed, the sidebar alone)
 * over the whole window. */
static void
add_toast (LadderWindow *self,
           AdwToast     *toast)
{
  gboolean views_shown =
    adw_navigation_view_get_visible_page (self->content_nav) == self->main_page &&
    (!adw_navigation_split_view_get_collapsed (self->split_view) ||
     adw_navigation_split_view_get_show_content (self->split_view));

  adw_toast_overlay_add_toast (views_shown ? self->content_toast_overlay : self->toast_overlay, toast);
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
   * shows at the start of the header bar instead, where there is room. */
  gtk_widget_set_visible (self->profile_heading, profile && !self->narrow && self->roomy);
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

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-evidence", profile && editable);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-profile", self->loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo", self->loaded);
  _ladder_window_update_framework_actions (self);
}

static void
set_view (LadderWindow *self,
          const char   *view,
          const char   *title,
          const char   *subtitle)
{
  adw_navigation_view_pop_to_tag (self->content_nav, "main");
  gtk_stack_set_visible_child_name (self->main_stack, view);
  adw_window_title_set_title (self->window_title, title != NULL ? title : _("Ladder"));
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  adw_navigation_page_set_title (self->content_page, title != NULL ? title : _("Ladder"));
  adw_navigation_page_set_title (self->main_page, title != NULL ? title : _("Ladder"));
  update_chrome (self);
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

/* Saving {{{1
 *
 * A failed write keeps the change in memory, says why in the banner and
 * tries again later. Until it is on disk the window does not close
 * without asking (ask_before_closing()), and the session is asked not to
 * end (a logout shows the reason). */

static gboolean save_retry_cb (gpointer user_data);

/* What is not on disk and why, one paragraph each; NULL when all is. */
static char *
describe_unsaved (LadderWindow *self)
{
  const GError *draft_error = ladder_checkins_page_get_draft_error (self->checkins_page);
  g_autoptr(GString) text = NULL;

  if (g_hash_table_size (self->save_errors) == 0 && draft_error == NULL)
    return NULL;

  text = g_string_new (NULL);
  /* In the order they changed, each profile whose change is not on disk. */
  for (guint i = 0; i < self->dirty->len; i++)
    {
      LadderProfile *profile = g_ptr_array_index (self->dirty, i);
      const GError *error = g_hash_table_lookup (self->save_errors, profile);

      if (error == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, "\n");
      /* Translators: the first %s is a profile's name, the second why its
       * file could not be written (a whole sentence) */
      g_string_append_printf (text, _("Changes to “%s” are not saved. %s"),
                              ladder_profile_get_name (profile), error->message);
    }
  if (draft_error != NULL)
    {
      if (text->len > 0)
        g_string_append (text, "\n");
      /* Translators: the first %s is a profile's name, the second why the
       * draft check-in's file could not be written (a whole sentence) */
      g_string_append_printf (text, _("The draft check-in of “%s” is not saved. %s"),
                              self->profile != NULL ? ladder_profile_get_name (self->profile) : "",
                              draft_error->message);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* Shows what could not be saved in the banner (which wraps: the reason is
 * read whole), keeps a retry coming, and keeps a logout from ending the
 * session unasked; or takes all of that back once everything is on disk. */
static void
update_unsaved (LadderWindow *self)
{
  g_autofree char *text = describe_unsaved (self);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (text == NULL)
    {
      g_clear_handle_id (&self->save_retry_id, g_source_remove);
      adw_banner_set_revealed (self->save_banner, FALSE);
      if (self->inhibit_cookie != 0 && app != NULL)
        gtk_application_uninhibit (app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
      g_clear_pointer (&self->inhibit_reason, g_free);
      return;
    }

  adw_banner_set_title (self->save_banner, text);
  adw_banner_set_revealed (self->save_banner, TRUE);

  /* No retry behind a question being asked: its answer decides. */
  if (self->save_retry_id == 0 && self->close_dialog == NULL)
    self->save_retry_id = g_timeout_add_seconds (SAVE_RETRY_SECONDS, save_retry_cb, self);

  if (self->inhibit_reason == NULL)
    {
      self->inhibit_reason = g_strdup (_("Changes could not be saved"));
      if (app != NULL)
        self->inhibit_cookie = gtk_application_inhibit (app, GTK_WINDOW (self),
                                                        GTK_APPLICATION_INHIBIT_LOGOUT,
                                                        self->inhibit_reason);
    }
}

static void
draft_error_changed_cb (LadderWindow *self)
{
  update_unsaved (self);
}

/* Remembers that @profile changed: it is written by the next save_next(). */
static void
mark_dirty (LadderWindow  *self,
            LadderProfile *profile)
{
  if (!g_ptr_array_find (self->dirty, profile, NULL))
    g_ptr_array_add (self->dirty, g_object_ref (profile));
}

/* @profile is on disk, or nothing is to be written of it any more. */
static void
forget_profile (LadderWindow  *self,
                LadderProfile *profile)
{
  g_hash_table_remove (self->save_errors, profile);
  g_ptr_array_remove (self->retry_queue, profile);
  g_ptr_array_remove (self->dirty, profile);
}

/* The next profile to write: one that changed, before one whose last write
 * failed, which waits for a retry (the timer, the banner, or its next
 * change) so that a failing disk is not tried over and over. */
static LadderProfile *
next_to_save (LadderWindow *self)
{
  for (guint i = 0; i < self->dirty->len; i++)
    {
      LadderProfile *profile = g_ptr_array_index (self->dirty, i);

      if (!g_hash_table_contains (self->save_errors, profile))
        return profile;
    }

  while (self->retry_queue->len > 0)
    {
      g_autoptr(LadderProfile) profile = g_ptr_array_steal_index (self->retry_queue, 0);

      if (g_ptr_array_find (self->dirty, profile, NULL))
        return profile;
    }

  return NULL;
}

/* Writes what is dirty, one profile at a time: each write's end starts the
 * next. */
static void
save_next (LadderWindow *self)
{
  LadderProfile *profile;

  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  if (self->saving_profile != NULL || self->library == NULL)
    return;

  profile = next_to_save (self);
  if (profile != NULL)
    save_profile (self, profile);
}

/* Every profile whose write failed is tried once more. */
static void
retry_failed (LadderWindow *self)
{
  GHashTableIter iter;
  gpointer profile;

  g_hash_table_iter_init (&iter, self->save_errors);
  while (g_hash_table_iter_next (&iter, &profile, NULL))
    {
      if (!g_ptr_array_find (self->retry_queue, profile, NULL))
        g_ptr_array_add (self->retry_queue, g_object_ref (profile));
    }

  save_next (self);
}

static gboolean
save_retry_cb (gpointer user_data)
{
  LadderWindow *self = user_data;

  self->save_retry_id = 0;
  ladder_checkins_page_save_draft (self->checkins_page, NULL);
  retry_failed (self);
  update_unsaved (self);

  return G_SOURCE_REMOVE;
}

static void
handle_save_result (LadderWindow  *self,
                    LadderLibrary *library,
                    GAsyncResult  *result)
{
  g_autoptr(LadderProfile) profile = g_steal_pointer (&self->saving_profile);
  g_autoptr(GError) error = NULL;

  if (!ladder_library_save_profile_finish (library, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Shown in the banner; logged for a report. Kept dirty: nothing
       * typed is lost, and the retry or its next change writes it. */
      g_message ("%s", error->message);
      mark_dirty (self, profile);
      g_hash_table_replace (self->save_errors, g_object_ref (profile), g_steal_pointer (&error));
    }
  else
    g_hash_table_remove (self->save_errors, profile);

  /* Other profiles, or this one changed again meanwhile. */
  save_next (self);
  update_unsaved (self);
}

/* Nothing typed is lost when the window closes: what waits for its
 * autosave (or failed to be written) is written now. Returns FALSE when
 * something is still not on disk; describe_unsaved() says what. */
static gboolean
write_pending_now (LadderWindow *self)
{
  gboolean written = ladder_checkins_page_save_draft (self->checkins_page, NULL);
  g_autoptr(GPtrArray) dirty = g_ptr_array_new_with_free_func (g_object_unref);

  /* A copy: a write that succeeds takes its profile out of the list. */
  for (guint i = 0; i < self->dirty->len; i++)
    g_ptr_array_add (dirty, g_object_ref (g_ptr_array_index (self->dirty, i)));

  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  for (guint i = 0; i < dirty->len; i++)
    {
      LadderProfile *profile = g_ptr_array_index (dirty, i);
      g_autoptr(GError) error = NULL;

      if (ladder_library_save_profile (self->library, profile, NULL, &error))
        forget_profile (self, profile);
      else
        {
          g_message ("%s", error->message);
          g_hash_table_replace (self->save_errors, g_object_ref (profile), g_steal_pointer (&error));
          written = FALSE;
        }
    }

  update_unsaved (self);

  return written;
}

/* "Close Without Saving": what could not be written is let go of, and
 * nothing tries to write it again. */
static void
forget_unsaved (LadderWindow *self)
{
  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  g_ptr_array_set_size (self->retry_queue, 0);
  g_hash_table_remove_all (self->save_errors);
  g_ptr_array_set_size (self->dirty, 0);
  ladder_checkins_page_forget_unsaved_draft (self->checkins_page);
  update_unsaved (self);
}

static void ask_before_closing (LadderWindow *self);

static void
close_response_cb (AdwAlertDialog *dialog,
                   const char     *response,
                   LadderWindow   *self)
{
  g_clear_weak_pointer (&self->close_dialog);

  if (g_str_equal (response, "retry"))
    {
      if (write_pending_now (self))
        gtk_window_destroy (GTK_WINDOW (self));
      else
        ask_before_closing (self);
    }
  else if (g_str_equal (response, "discard"))
    {
      forget_unsaved (self);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else
    {
      /* The window stays, and its retry comes again. */
      update_unsaved (self);
    }
}

/* The window was asked to close and something is still not on disk: it
 * stays open and asks, with the reason whole. */
static void
ask_before_closing (LadderWindow *self)
{
  g_autofree char *reasons = describe_unsaved (self);
  g_autofree char *body = NULL;
  AdwDialog *dialog;
  AdwAlertDialog *alert;

  if (self->close_dialog != NULL || reasons == NULL)
    return;

  g_clear_handle_id (&self->save_retry_id, g_source_remove);
  body = g_strdup_printf ("%s\n\n%s", reasons,
                          _("If the window closes now, what could not be saved is lost."));
  dialog = adw_alert_dialog_new (_("Changes Not Saved"), body);
  alert = ADW_ALERT_DIALOG (dialog);
  adw_alert_dialog_add_responses (alert,
                                  "cancel", _("_Cancel"),
                                  "discard", _("Close _Without Saving"),
                                  "retry", _("_Try Again"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (alert, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_appearance (alert, "retry", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (alert, "cancel");
  adw_alert_dialog_set_close_response (alert, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  g_set_weak_pointer (&self->close_dialog, dialog);

  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* The read-only banner's "Details": why the profile is not saved. */
static void
ladder_window_explain_read_only_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  const char *reason;

  if (self->profile == NULL || !ladder_profile_get_read_only (self->profile))
    return;

  reason = ladder_profile_get_read_only_reason (self->profile);
  _ladder_window_show_error (self, _("Read-Only Profile"),
                             reason != NULL ? reason
                                            : _("This profile is shown as it is, and nothing is saved to it."));
}

static void
explain_response_cb (AdwAlertDialog *dialog,
                     const char     *response,
                     LadderWindow   *self)
{
  if (g_str_equal (response, "retry"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.retry-save", NULL);
}

/* The banner's "Details": its title is cut after three lines on a
 * narrow window, and a path makes a reason long; here it is whole. */
static void
ladder_window_explain_save_error_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  g_autofree char *reasons = describe_unsaved (self);
  AdwDialog *dialog;
  AdwAlertDialog *alert;

  if (reasons == NULL)
    return;

  dialog = adw_alert_dialog_new (_("Changes Not Saved"), reasons);
  alert = ADW_ALERT_DIALOG (dialog);
  adw_alert_dialog_add_responses (alert,
                                  "close", _("_Close"),
                                  "retry", _("_Try Again"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (alert, "retry", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (alert, "retry");
  adw_alert_dialog_set_close_response (alert, "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (explain_response_cb), self, 0);
  adw_dialog_present (dialog, widget);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LadderWindow) self = user_data;
  g_autoptr(GApplication) hold = g_steal_pointer (&self->save_hold);

  handle_save_result (self, LADDER_LIBRARY (object), result);

  /* A close that waited for the write goes on once nothing is being
   * written, with what changed since. (The window is hidden, and
   * gtk_window_close() does nothing for a hidden window.) If that cannot
   * be written, the window comes back and asks. */
  if (self->close_when_saved && self->saving_profile == NULL && self->library != NULL)
    {
      self->close_when_saved = FALSE;
      if (write_pending_now (self))
        gtk_window_destroy (GTK_WINDOW (self));
      else
        {
          gtk_window_present (GTK_WINDOW (self));
          ask_before_closing (self);
        }
    }

  if (hold != NULL)
    g_application_release (hold);
}

static void
save_profile (LadderWindow  *self,
              LadderProfile *profile)
{
  if (ladder_profile_get_read_only (profile))
    {
      forget_profile (self, profile);
      return;
    }

  /* One write at a time; the newest state goes next. */
  if (self->saving_profile != NULL)
    {
      mark_dirty (self, profile);
      return;
    }

  self->saving_profile = g_object_ref (profile);
  g_ptr_array_remove (self->dirty, profile);
  ladder_library_save_profile_async (self->library, profile, self->cancellable, save_done_cb,
                                     g_object_ref (self));

  /* The application does not exit (on app.quit or SIGTERM) while a
   * write is under way. */
  if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    {
      self->save_hold = G_APPLICATION (g_object_ref (gtk_window_get_application (GTK_WINDOW (self))));
      g_application_hold (self->save_hold);
    }
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  LadderWindow *self = user_data;

  self->save_timeout_id = 0;
  save_next (self);

  return G_SOURCE_REMOVE;
}

/* Writes what waits for its timeout now (before switching profiles). */
static void
flush_save (LadderWindow *self)
{
  if (self->save_timeout_id != 0)
    save_next (self);
}

static void
profile_changed_cb (LadderWindow  *self,
                    LadderProfile *profile)
{
  if (ladder_profile_get_read_only (profile))
    return;

  mark_dirty (self, profile);
  /* A change to one whose write failed tries it again. */
  if (g_hash_table_contains (self->save_errors, profile) &&
      !g_ptr_array_find (self->retry_queue, profile, NULL))
    g_ptr_array_add (self->retry_queue, g_object_ref (profile));

  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  self->save_timeout_id = g_timeout_add (AUTOSAVE_DELAY_MS, save_timeout_cb, self);
}

static void
ladder_window_retry_save_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);

  ladder_checkins_page_save_draft (self->checkins_page, NULL);
  retry_failed (self);
  update_unsaved (self);
}

/* Showing things {{{1 */

static void
set_profile (LadderWindow  *self,
             LadderProfile *profile)
{
  if (self->profile == profile)
    return;

  flush_save (self);
  if (self->profile != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->profile, profile_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->profile, update_chrome, self);
    }
  g_set_object (&self->profile, profile);
  if (profile != NULL)
    {
      g_signal_connect_swapped (profile, "changed", G_CALLBACK (profile_changed_cb), self);
      g_signal_connect_swapped (profile, "notify::loading", G_CALLBACK (update_chrome), self);
      g_signal_connect_swapped (profile, "notify::read-only", G_CALLBACK (update_chrome), self);
      g_signal_connect_swapped (profile, "notify::read-only-reason", G_CALLBACK (update_chrome), self);
    }

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

static void
show_welcome (LadderWindow *self)
{
  set_profile (self, NULL);
  g_clear_object (&self->shown_item);
  select_position (self, GTK_INVALID_LIST_POSITION);
  set_view (self, "welcome", NULL, NULL);
  /* Narrow, the welcome is what a first run must see, not the sidebar. */
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}

static void
show_item (LadderWindow *self,
           GObject      *item)
{
  if (LADDER_IS_PROFILE (item) || LADDER_IS_FRAMEWORK (item) || LADDER_IS_LOAD_ERROR (item))
    g_set_object (&self->shown_item, item);

  if (LADDER_IS_PROFILE (item))
    {
      LadderProfile *profile = LADDER_PROFILE (item);
      const char *role = ladder_profile_get_role (profile);

      set_profile (self, profile);
      adw_view_stack_set_visible_child_name (self->view_stack, "progress");
      set_view (self, "profile", ladder_profile_get_name (profile), role);
      g_settings_set_string (self->settings, "last-profile", ladder_profile_get_id (profile));
      /* build-aux/flatpak-test waits for this line to take its screenshot. */
      g_debug ("Showing profile “%s”", ladder_profile_get_name (profile));
    }
  else if (LADDER_IS_FRAMEWORK (item))
    {
      LadderFramework *framework = LADDER_FRAMEWORK (item);

      set_profile (self, NULL);
      ladder_framework_view_set_framework (self->framework_view, framework);
      set_view (self, "framework", ladder_framework_get_name (framework),
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
      set_view (self, "error", name, NULL);
    }
  else
    show_welcome (self);
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

static void
sidebar_activate_cb (LadderWindow *self,
                     guint         position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->sidebar_selection), position);

  select_position (self, position);
  if (item != NULL && item != self->shown_item)
    show_item (self, item);
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
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
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
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

  if (LADDER_IS_PROFILE (item))
    title = _("People");
  else if (LADDER_IS_FRAMEWORK (item))
    title = _("Frameworks");
  else
    title = _("Could Not Be Opened");

  gtk_label_set_label (GTK_LABEL (gtk_list_header_get_child (header)), title);
}

/* Loading {{{1 */

static LadderProfile *
find_demo_profile (LadderWindow *self,
                   LadderFramework *framework)
{
  g_autoptr(LadderProfile) sample = ladder_sample_profile (framework, DEMO_EVIDENCE, DEMO_SEED);
  LadderProfile *existing = ladder_library_find_profile (self->library, ladder_profile_get_id (sample));

  if (existing != NULL)
    return existing;

  ladder_library_add_profile (self->library, sample);
  save_profile (self, sample);

  return sample;
}

static void
load_demo (LadderWindow *self)
{
  LadderFramework *framework = ladder_library_find_framework (self->library, DEMO_FRAMEWORK);
  LadderProfile *profile;

  if (framework == NULL)
    {
      GListModel *frameworks = ladder_library_get_frameworks (self->library);
      g_autoptr(LadderFramework) first = g_list_model_get_item (frameworks, 0);

      if (first == NULL)
        return;
      framework = first;
    }

  profile = find_demo_profile (self, framework);
  _ladder_window_select (self, G_OBJECT (profile));
}

static void
ladder_window_load_demo_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  load_demo (LADDER_WINDOW (widget));
}

void
_ladder_window_show_first_thing (LadderWindow *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-profile");
  GListModel *profiles = ladder_library_get_profiles (self->library);
  LadderProfile *profile = NULL;

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
    show_welcome (self);
}

#ifdef __GLIBC__
static void
trim_memory (void)
{
  malloc_trim (0);
}
#endif

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LadderWindow) self = user_data;
  g_autoptr(GError) error = NULL;
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

  if (self->demo_requested)
    load_demo (self);
  else
    _ladder_window_show_first_thing (self);

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
  apply_screenshot_hook (self);

#ifdef __GLIBC__
  /* Parsing a large profile on the worker leaves its JSON tree's memory
   * free but held by the allocator: give it back to the system, once the
   * profile is on screen. */
  g_idle_add_once ((GSourceOnceFunc) trim_memory, NULL);
#endif
}

/* Profiles and evidence {{{1 */

static void
profile_created_cb (LadderWindow  *self,
                    LadderProfile *profile)
{
  save_profile (self, profile);
  _ladder_window_select (self, G_OBJECT (profile));
}

static void
ladder_window_new_profile_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  LadderFramework *shown = self->profile != NULL ? ladder_profile_get_framework (self->profile) : NULL;
  AdwDialog *dialog = ladder_profile_dialog_new (self->library,
                                                 shown != NULL ? ladder_framework_get_id (shown) : NULL);

  g_signal_connect_object (dialog, "created", G_CALLBACK (profile_created_cb), self,
                           G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
}

static void
undo_delete_profile_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  profile = g_hash_table_lookup (self->deleted_profiles, id);
  if (profile == NULL)
    return;

  g_object_ref (profile);
  g_hash_table_remove (self->deleted_profiles, id);
  if (!ladder_library_restore_profile (self->library, profile, &error))
    {
      _ladder_window_show_error (self, _("Could Not Restore the Profile"), error->message);
      return;
    }

  _ladder_window_select (self, G_OBJECT (profile));
}

static void
profile_toast_dismissed_cb (AdwToast     *t,
                            LadderWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (t), "ladder-profile");

  if (id != NULL && self->deleted_profiles != NULL)
    g_hash_table_remove (self->deleted_profiles, id);
}

static void
ladder_window_delete_profile_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  GListModel *profiles = ladder_library_get_profiles (self->library);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderProfile) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint position = 0;
  guint n_left;
  AdwToast *t;

  if (self->profile == NULL)
    return;

  profile = g_object_ref (self->profile);
  while (position < g_list_model_get_n_items (profiles))
    {
      g_autoptr(LadderProfile) other = g_list_model_get_item (profiles, position);

      if (other == profile)
        break;
      position++;
    }
  ladder_checkins_page_save_draft (self->checkins_page, NULL);
  if (g_ptr_array_find (self->dirty, profile, NULL))
    {
      /* Write what is pending first, so that an undo brings it all back. */
      if (!ladder_library_save_profile (self->library, profile, NULL, &error))
        g_clear_error (&error);
      forget_profile (self, profile);
      update_unsaved (self);
    }

  if (!ladder_library_remove_profile (self->library, profile, &error))
    {
      _ladder_window_show_error (self, _("Could Not Delete the Profile"), error->message);
      return;
    }

  g_hash_table_insert (self->deleted_profiles, g_strdup (ladder_profile_get_id (profile)),
                       g_object_ref (profile));

  title = g_strdup_printf (_("“%s” deleted"), ladder_profile_get_name (profile));
  t = adw_toast_new (title);
  adw_toast_set_use_markup (t, FALSE);
  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_action_name (t, "win.undo-delete-profile");
  adw_toast_set_action_target (t, "s", ladder_profile_get_id (profile));
  g_object_set_data_full (G_OBJECT (t), "ladder-profile",
                          g_strdup (ladder_profile_get_id (profile)), g_free);
  g_signal_connect_object (t, "dismissed", G_CALLBACK (profile_toast_dismissed_cb), self, 0);
  _ladder_offer_undo (GTK_WIDGET (self), t);
  add_toast (self, t);

  /* The profile that took its place in the list, else the one before it:
   * never a framework, which only follows it in the sidebar. */
  n_left = g_list_model_get_n_items (profiles);
  if (n_left > 0)
    next = g_list_model_get_item (profiles, MIN (position, n_left - 1));
  if (next != NULL)
    _ladder_window_select (self, G_OBJECT (next));
  else
    show_welcome (self);
}

static void
present_editor (LadderWindow   *self,
                LadderEvidence *evidence,
                const char     *behaviour_id)
{
  if (self->profile == NULL)
    return;

  adw_dialog_present (ladder_evidence_editor_new (self->profile, evidence, behaviour_id),
                      GTK_WIDGET (self));
}

static void
ladder_window_new_evidence_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  present_editor (LADDER_WINDOW (widget), NULL, NULL);
}

static void
ladder_window_add_evidence_for_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  present_editor (LADDER_WINDOW (widget), NULL, g_variant_get_string (parameter, NULL));
}

static void
ladder_window_edit_evidence_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  LadderEvidence *evidence;

  if (self->profile == NULL)
    return;

  evidence = ladder_profile_find_evidence (self->profile, g_variant_get_string (parameter, NULL));
  if (evidence != NULL)
    present_editor (self, evidence, NULL);
}

static void
ladder_window_show_evidence_for_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);

  if (self->profile == NULL)
    return;

  adw_navigation_view_pop_to_tag (self->content_nav, "main");
  ladder_evidence_page_set_behaviour_filter (self->evidence_page,
                                             g_variant_get_string (parameter, NULL));
  adw_view_stack_set_visible_child_name (self->view_stack, "evidence");
}

/* Deleted entries wait here for an undo (win.undo-delete-evidence, the
 * toast's button) until their toast is gone. */
static void
undo_delete_evidence_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  LadderEvidence *evidence = g_hash_table_lookup (self->deleted_evidence, id);
  LadderProfile *profile;

  if (evidence == NULL)
    return;

  profile = g_object_get_data (G_OBJECT (evidence), "ladder-profile");
  if (profile != NULL && ladder_profile_find_evidence (profile, id) == NULL)
    ladder_profile_add_evidence (profile, evidence);
  g_hash_table_remove (self->deleted_evidence, id);
}

static void
evidence_toast_dismissed_cb (AdwToast     *t,
                             LadderWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (t), "ladder-evidence");

  if (id != NULL && self->deleted_evidence != NULL)
    g_hash_table_remove (self->deleted_evidence, id);
}

static void
ladder_window_delete_evidence_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  LadderEvidence *evidence;
  AdwToast *t;

  if (self->profile == NULL)
    return;

  evidence = ladder_profile_find_evidence (self->profile, id);
  if (evidence == NULL)
    return;

  g_object_set_data_full (G_OBJECT (evidence), "ladder-profile", g_object_ref (self->profile),
                          g_object_unref);
  g_hash_table_insert (self->deleted_evidence, g_strdup (id), g_object_ref (evidence));
  ladder_profile_remove_evidence (self->profile, evidence);

  t = adw_toast_new (_("Evidence deleted"));
  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_action_name (t, "win.undo-delete-evidence");
  adw_toast_set_action_target (t, "s", id);
  g_object_set_data_full (G_OBJECT (t), "ladder-evidence", g_strdup (id), g_free);
  g_signal_connect_object (t, "dismissed", G_CALLBACK (evidence_toast_dismissed_cb), self, 0);
  _ladder_offer_undo (GTK_WIDGET (self), t);
  add_toast (self, t);
}

/* Ctrl+Z: what the Undo of the latest undo toast still shown does, from
 * the keyboard, wherever the focus is (a text field that can undo its
 * own typing takes the key first). */
static void
ladder_window_undo_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  if (!_ladder_undo_latest (widget))
    gtk_widget_error_bell (widget);
}

static void
ladder_window_show_category_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  LadderCategory *category;

  if (self->profile == NULL)
    return;

  category = ladder_framework_find_category (ladder_profile_get_framework (self->profile),
                                             g_variant_get_string (parameter, NULL));
  if (category == NULL)
    return;

  adw_navigation_view_pop_to_tag (self->content_nav, "main");
  adw_navigation_view_push (self->content_nav, ladder_category_page_new (self->profile, category));
}

/* A behaviour on its category's page, in view and marked: where Compare
 * sends a row. */
static void
ladder_window_show_behaviour_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  LadderFramework *framework;
  LadderBehaviour *behaviour;
  LadderCategory *category;
  AdwNavigationPage *page;

  if (self->profile == NULL)
    return;

  framework = ladder_profile_get_framework (self->profile);
  behaviour = ladder_framework_find_behaviour (framework, g_variant_get_string (parameter, NULL));
  category = behaviour != NULL
               ? ladder_framework_find_category (framework, ladder_behaviour_get_category (behaviour))
               : NULL;
  if (category == NULL)
    return;

  page = ladder_category_page_new (self->profile, category);
  ladder_category_page_reveal_behaviour (LADDER_CATEGORY_PAGE (page),
                                         ladder_behaviour_get_id (behaviour));
  adw_navigation_view_pop_to_tag (self->content_nav, "main");
  adw_navigation_view_push (self->content_nav, page);
}

static void
ladder_window_search_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  const char *view = gtk_stack_get_visible_child_name (self->main_stack);

  if (g_strcmp0 (view, "framework") == 0)
    {
      ladder_framework_view_start_search (self->framework_view);
      return;
    }

  if (g_strcmp0 (view, "profile") != 0)
    return;

  adw_navigation_view_pop_to_tag (self->content_nav, "main");
  adw_view_stack_set_visible_child_name (self->view_stack, "evidence");
  ladder_evidence_page_start_search (self->evidence_page);
}

/* Alt+1 to Alt+4: one of the profile's views, out of a category or a
 * check-in pushed over them. */
static void
ladder_window_show_view_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "profile") != 0 ||
      adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;

  adw_navigation_view_pop_to_tag (self->content_nav, "main");
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* Starts a check-in (or resumes the one being held) from any view. */
static void
ladder_window_start_checkin_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);

  if (self->profile == NULL)
    return;

  adw_navigation_view_pop_to_tag (self->content_nav, "main");
  adw_view_stack_set_visible_child_name (self->view_stack, "checkins");
  gtk_widget_activate_action (GTK_WIDGET (self->checkins_page), "checkins.start", NULL);
}

/* Shows the Progress tab and switches Compare mode on or off. */
static void
ladder_window_compare_ratings_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  gboolean showing = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack),
                                "progress") == 0 &&
                     adw_navigation_view_get_visible_page (self->content_nav) ==
                     adw_navigation_view_find_page (self->content_nav, "main");

  adw_navigation_view_pop_to_tag (self->content_nav, "main");
  adw_view_stack_set_visible_child_name (self->view_stack, "progress");
  /* From another tab, the shortcut opens Compare mode; on it, it toggles. */
  ladder_progress_page_set_compare (self->progress_page,
                                    !showing || !ladder_progress_page_get_compare (self->progress_page));
}

/* Files: open, import, drop {{{1 */

static void
framework_imported_cb (LadderWindow    *self,
                       LadderFramework *framework)
{
  g_autofree char *title = g_strdup_printf (_("“%s” imported"), ladder_framework_get_name (framework));

  toast (self, title);
  _ladder_window_select (self, G_OBJECT (framework));
}

/* An error's sentence is shown whole, in a dialog that wraps it: a
 * toast's one line would cut it. */
void
_ladder_window_show_error (LadderWindow *self,
                           const char   *heading,
                           const char   *message)
{
  AdwDialog *alert;

  g_return_if_fail (LADDER_IS_WINDOW (self));

  alert = adw_alert_dialog_new (heading, message);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
  adw_dialog_present (alert, GTK_WIDGET (self));
}

static void
show_open_error (LadderWindow *self,
                 const char   *heading,
                 const GError *error)
{
  _ladder_window_show_error (self, heading, error->message);
}

/* A profile opened from a file that the library lacks goes into the
 * library's own folder: the file opened is the other person's copy, not
 * to be written over, and one outside the library would not be listed
 * at the next start. */
static void
add_opened_profile (LadderWindow  *self,
                    LadderProfile *profile)
{
  ladder_profile_set_file (profile, NULL);
  ladder_library_add_profile (self->library, profile);
  save_profile (self, profile);
  _ladder_window_select (self, G_OBJECT (profile));
}

static void
manager_copy_response_cb (AdwAlertDialog *dialog,
                          const char     *response,
                          LadderWindow   *self)
{
  LadderProfile *profile = g_object_get_data (G_OBJECT (dialog), "ladder-profile");

  if (g_str_equal (response, "cancel"))
    return;

  /* Opened twice over while the question was up: the first one won. */
  if (ladder_library_find_profile (self->library, ladder_profile_get_id (profile)) != NULL)
    return;

  if (g_str_equal (response, "manager"))
    ladder_profile_set_owner (profile, LADDER_RATER_MANAGER);
  add_opened_profile (self, profile);
}

/* An engineer's own copy, opened where there is no copy of it: most
 * likely their manager's app, which keeps a copy of its own, rated on
 * the manager's side. Said before it is done, since it decides which
 * side every rating made here goes to; the engineer opening their own
 * profile on a new computer says so instead. */
static void
offer_manager_copy (LadderWindow  *self,
                    LadderProfile *profile)
{
  const char *name = ladder_profile_get_name (profile);
  gboolean named = name != NULL && *name != '\0';
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwDialog *dialog;

  if (named)
    {
      /* Translators: %s is a person's name */
      heading = g_strdup_printf (_("Add %s as Someone You Manage?"), name);
      /* Translators: %s is a person's name */
      body = g_strdup_printf (_("This is %s’s own copy of their profile. Ladder keeps a copy of it for you, "
                                "as their manager: you rate on the manager’s side, with their own ratings "
                                "beside yours, and copies they share later merge into it."), name);
    }
  else
    {
      heading = g_strdup (_("Add as Someone You Manage?"));
      body = g_strdup (_("This is an engineer’s own copy of their profile. Ladder keeps a copy of it for you, "
                         "as their manager: you rate on the manager’s side, with their own ratings "
                         "beside yours, and copies they share later merge into it."));
    }

  dialog = adw_alert_dialog_new (heading, body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "own", _("It’s _My Profile"),
                                  "manager", _("_Add"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "manager",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "manager");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ladder-profile", g_object_ref (profile), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (manager_copy_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

void
_ladder_window_open_file (LadderWindow *self,
                          GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_if_fail (LADDER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_basename (file);
  if (!ladder_format_load_contents (file, &contents, &length, NULL, &error))
    {
      show_open_error (self, _("Could Not Open the File"), error);
      return;
    }

  /* A profile opens as one; anything else is a framework to import. */
  if (g_str_has_suffix (name, ".json") &&
      g_strstr_len (contents, MIN (length, 4096), "\"ladder-profile\"") != NULL)
    {
      g_autoptr(LadderProfile) profile = ladder_format_load_profile (file, NULL, &error);
      LadderProfile *existing;

      if (profile == NULL)
        {
          show_open_error (self, _("Could Not Open the Profile"), error);
          return;
        }

      existing = ladder_library_find_profile (self->library, ladder_profile_get_id (profile));
      if (existing == NULL && ladder_profile_get_owner (profile) == LADDER_RATER_SELF)
        {
          /* An engineer's own copy, shared with their manager. */
          offer_manager_copy (self, profile);
          return;
        }
      else if (existing == NULL)
        {
          add_opened_profile (self, profile);
          return;
        }
      else if (existing != profile)
        {
          /* A copy of a profile the library has: merged, not added twice. */
          _ladder_window_offer_merge (self, existing, profile);
          return;
        }
      _ladder_window_select (self, G_OBJECT (existing));
    }
  else
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      AdwDialog *dialog = ladder_import_dialog_new (self->library, bytes, name, &error);

      if (dialog == NULL)
        {
          show_open_error (self, _("Could Not Import the Framework"), error);
          return;
        }

      g_signal_connect_object (dialog, "imported", G_CALLBACK (framework_imported_cb), self,
                               G_CONNECT_SWAPPED);
      adw_dialog_present (dialog, GTK_WIDGET (self));
    }
}

static void
ladder_window_share_copy_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  _ladder_window_share_copy (LADDER_WINDOW (widget));
}

static void
open_dialog_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(LadderWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file != NULL)
    _ladder_window_open_file (self, file);
}

static void
choose_file (LadderWindow *self,
             const char   *title,
             gboolean      profiles)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_dialog_set_title (dialog, title);
  if (profiles)
    {
      gtk_file_filter_set_name (filter, _("Ladder Profiles"));
      gtk_file_filter_add_suffix (filter, "json");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Frameworks"));
      gtk_file_filter_add_suffix (filter, "txt");
      gtk_file_filter_add_suffix (filter, "md");
      gtk_file_filter_add_suffix (filter, "markdown");
      gtk_file_filter_add_suffix (filter, "json");
      gtk_file_filter_add_suffix (filter, "html");
      gtk_file_filter_add_suffix (filter, "htm");
      gtk_file_filter_add_suffix (filter, "csv");
      gtk_file_filter_add_suffix (filter, "tsv");
      gtk_file_filter_add_mime_type (filter, "text/plain");
    }
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, open_dialog_done_cb, g_object_ref (self));
}

static void
ladder_window_open_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  choose_file (LADDER_WINDOW (widget), _("Open Profile"), TRUE);
}

static void
ladder_window_import_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  choose_file (LADDER_WINDOW (widget), _("Import Framework"), FALSE);
}

static void
ladder_window_paste_text_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  AdwDialog *dialog = ladder_import_dialog_new_for_text (self->library);

  g_signal_connect_object (dialog, "imported", G_CALLBACK (framework_imported_cb), self,
                           G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, widget);
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

/* Screenshots {{{1 */

/* Switches off every section of the import preview named in @names as
 * "Level:NAME" or "Category:NAME" (or every switch under @widget, once
 * @off). */
static void
screenshot_leave_out (GtkWidget          *widget,
                      const char * const *names,
                      gboolean            off)
{
  if (off && GTK_IS_SWITCH (widget))
    gtk_switch_set_active (GTK_SWITCH (widget), FALSE);
  if (ADW_IS_ENTRY_ROW (widget))
    {
      g_autofree char *name = g_strdup_printf ("%s:%s",
                                               adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                                               gtk_editable_get_text (GTK_EDITABLE (widget)));

      off = g_strv_contains (names, name);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    screenshot_leave_out (child, names, off);
}

/* LADDER_SCREENSHOT_VIEW (progress, category, manager-category, evidence,
 * editor, checkins, checkin, checkin-notes, past-checkin, new-profile,
 * new-report, framework, import or import-corrected, with
 * LADDER_SCREENSHOT_IMPORT naming the file to import) puts the window in
 * one state for build-aux/screenshots. Nothing else reads it. */
static void
apply_screenshot_hook (LadderWindow *self)
{
  const char *view = g_getenv ("LADDER_SCREENSHOT_VIEW");

  if (view == NULL || self->profile == NULL)
    return;

  /* The same page in the manager's copy of the profile. */
  if (g_str_equal (view, "manager-category"))
    {
      ladder_profile_set_owner (self->profile, LADDER_RATER_MANAGER);
      view = "category";
    }

  if (g_str_equal (view, "category"))
    {
      g_autoptr(LadderCategory) category =
        g_list_model_get_item (ladder_framework_get_categories (ladder_profile_get_framework (self->profile)), 0);

      if (category != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-category", "s",
                                    ladder_category_get_id (category));
    }
  else if (g_str_equal (view, "evidence") || g_str_equal (view, "editor"))
    {
      GListModel *shown = ladder_evidence_page_get_shown (self->evidence_page);
      g_autoptr(LadderEvidence) newest = g_list_model_get_item (shown, 0);

      adw_view_stack_set_visible_child_name (self->view_stack, "evidence");
      if (g_str_equal (view, "editor") && newest != NULL)
        present_editor (self, newest, NULL);
    }
  else if (g_str_has_prefix (view, "checkin") || g_str_equal (view, "past-checkin"))
    {
      GListModel *shown = ladder_checkins_page_get_shown (self->checkins_page);
      g_autoptr(LadderCheckin) newest = g_list_model_get_item (shown, 0);

      adw_view_stack_set_visible_child_name (self->view_stack, "checkins");
      if (g_str_equal (view, "checkin") || g_str_equal (view, "checkin-notes"))
        ladder_checkins_page_start (self->checkins_page);
      if (g_str_equal (view, "checkin-notes"))
        ladder_checkin_page_focus_notes (LADDER_CHECKIN_PAGE (adw_navigation_view_get_visible_page (self->content_nav)));
      else if (g_str_equal (view, "past-checkin") && newest != NULL && LADDER_IS_CHECKIN (newest))
        ladder_checkins_page_open (self->checkins_page, newest);
    }
  else if (g_str_equal (view, "profile-editor") || g_str_equal (view, "promotion"))
    {
      AdwDialog *editor;
      AdwComboRow *row;

      /* Edit Profile with the next level chosen; "promotion" saves it. */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-profile", NULL);
      editor = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (self));
      if (!LADDER_IS_PROFILE_EDITOR (editor))
        return;
      row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (editor), LADDER_TYPE_PROFILE_EDITOR,
                                                          "current_row"));
      adw_combo_row_set_selected (row, adw_combo_row_get_selected (row) + 1);
      if (g_str_equal (view, "promotion"))
        {
          gtk_widget_activate_action (GTK_WIDGET (editor), "profile-editor.save", NULL);
          adw_view_stack_set_visible_child_name (self->view_stack, "checkins");
        }
    }
  else if (g_str_equal (view, "compare"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.compare-ratings", NULL);
  else if (g_str_equal (view, "compare-behaviour"))
    {
      g_autoptr(GPtrArray) gaps = ladder_profile_list_rating_gaps (self->profile);

      /* Where Compare's first row leads. */
      if (gaps->len > 0)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-behaviour", "s",
                                    ladder_behaviour_get_id (ladder_gap_get_behaviour (gaps->pdata[0])));
    }
  else if (g_str_equal (view, "new-profile"))
    {
      AdwDialog *dialog;
      AdwComboRow *current, *target;

      /* New Profile refusing a target below the current level. */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.new-profile", NULL);
      dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (self));
      if (!LADDER_IS_PROFILE_DIALOG (dialog))
        return;
      ladder_profile_dialog_set_owner (LADDER_PROFILE_DIALOG (dialog), LADDER_RATER_SELF);
      current = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), LADDER_TYPE_PROFILE_DIALOG,
                                                              "current_row"));
      target = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), LADDER_TYPE_PROFILE_DIALOG,
                                                             "target_row"));
      adw_combo_row_set_selected (current, 2);
      adw_combo_row_set_selected (target, 1);
    }
  else if (g_str_equal (view, "new-report"))
    {
      AdwDialog *dialog;

      /* New Profile for someone the user manages. */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.new-profile", NULL);
      dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (self));
      if (LADDER_IS_PROFILE_DIALOG (dialog))
        ladder_profile_dialog_set_owner (LADDER_PROFILE_DIALOG (dialog), LADDER_RATER_MANAGER);
    }
  else if (g_str_equal (view, "summary"))
    adw_view_stack_set_visible_child_name (self->view_stack, "summary");
  else if (g_str_equal (view, "export"))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "summary");
      gtk_widget_activate_action (GTK_WIDGET (self), "win.export-pdf", NULL);
    }
  else if (g_str_equal (view, "readiness"))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "summary");
      gtk_widget_activate_action (GTK_WIDGET (self->summary_page), "summary.edit-readiness", NULL);
    }
  else if (g_str_equal (view, "framework"))
    {
      LadderFramework *framework =
        ladder_library_find_framework (self->library,
                                       ladder_framework_get_id (ladder_profile_get_framework (self->profile)));

      g_autoptr(LadderCategory) category = NULL;
      g_autofree char *level = g_strdup (ladder_profile_get_current_level (self->profile));

      if (framework == NULL)
        return;

      category = g_list_model_get_item (ladder_framework_get_categories (framework), 0);
      _ladder_window_select (self, G_OBJECT (framework));
      if (category != NULL && level != NULL)
        ladder_framework_view_show_cell (self->framework_view, level,
                                         ladder_category_get_id (category));
    }
  else if ((g_str_equal (view, "import") || g_str_equal (view, "import-corrected")) &&
           g_getenv ("LADDER_SCREENSHOT_IMPORT") != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("LADDER_SCREENSHOT_IMPORT"));
      AdwDialog *dialog;
      guint64 reading = 2;

      _ladder_window_open_file (self, file);
      dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (self));
      if (dialog == NULL || !g_str_equal (view, "import-corrected"))
        return;

      /* Corrected as a person would: another reading (the second unless
       * LADDER_SCREENSHOT_READING says), levels and categories swapped
       * when LADDER_SCREENSHOT_SWAP is set, and the sections that
       * LADDER_SCREENSHOT_LEAVE_OUT names ("Level:A|Category:B") left out. */
      if (g_getenv ("LADDER_SCREENSHOT_READING") != NULL)
        reading = g_ascii_strtoull (g_getenv ("LADDER_SCREENSHOT_READING"), NULL, 10);
      if (reading > 1)
        gtk_widget_activate_action (GTK_WIDGET (dialog), "import.reading", "u", (guint) reading);
      if (g_getenv ("LADDER_SCREENSHOT_SWAP") != NULL)
        gtk_widget_activate_action (GTK_WIDGET (dialog), "import.swap", NULL);
      if (g_getenv ("LADDER_SCREENSHOT_LEAVE_OUT") != NULL)
        {
          g_auto(GStrv) names = g_strsplit (g_getenv ("LADDER_SCREENSHOT_LEAVE_OUT"), "|", -1);

          screenshot_leave_out (GTK_WIDGET (dialog), (const char * const *) names, FALSE);
        }
    }
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
  return self->dirty->len > 0 || self->saving_profile != NULL;
}

GtkWidget *
_ladder_window_get_evidence_page (LadderWindow *self)
{
  return GTK_WIDGET (self->evidence_page);
}

GtkWidget *
_ladder_window_get_framework_view (LadderWindow *self)
{
  return GTK_WIDGET (self->framework_view);
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
    load_demo (self);
  else
    self->demo_requested = TRUE;
}

/* GObject {{{1 */

static gboolean
ladder_window_close_request (GtkWindow *window)
{
  LadderWindow *self = LADDER_WINDOW (window);

  /* A write is under way on a worker: the window goes out of sight and
   * closes when it is done (save_done_cb()), so that the write is not
   * cancelled and what changed meanwhile is written after it. */
  if (self->saving_profile != NULL)
    {
      self->close_when_saved = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
      return TRUE;
    }

  if (!write_pending_now (self))
    {
      ask_before_closing (self);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (ladder_window_parent_class)->close_request (window);
}

static void
ladder_window_dispose (GObject *object)
{
  LadderWindow *self = LADDER_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  g_clear_handle_id (&self->save_retry_id, g_source_remove);
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

  g_clear_pointer (&self->retry_queue, g_ptr_array_unref);
  g_clear_pointer (&self->save_errors, g_hash_table_unref);
  g_clear_pointer (&self->dirty, g_ptr_array_unref);
  g_clear_object (&self->saving_profile);
  g_clear_object (&self->sidebar_selection);
  g_clear_object (&self->shown_item);
  g_clear_object (&self->library);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->deleted_profiles, g_hash_table_unref);
  g_clear_pointer (&self->deleted_evidence, g_hash_table_unref);

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

  g_type_ensure (LADDER_TYPE_PROGRESS_PAGE);
  g_type_ensure (LADDER_TYPE_EVIDENCE_PAGE);
  g_type_ensure (LADDER_TYPE_CHECKINS_PAGE);
  g_type_ensure (LADDER_TYPE_SUMMARY_PAGE);
  g_type_ensure (LADDER_TYPE_FRAMEWORK_VIEW);

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
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, profile_name_label);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, profile_role_label);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, new_evidence_button);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, save_banner);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, progress_page);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, summary_page);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, evidence_page);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, checkins_page);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, framework_view);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, error_details);
  gtk_widget_class_bind_template_child (widget_class, LadderWindow, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, breakpoint_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, breakpoint_unapply_cb);
  gtk_widget_class_bind_template_callback (widget_class, roomy_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, roomy_unapply_cb);

  gtk_widget_class_install_action (widget_class, "win.new-profile", NULL,
                                   ladder_window_new_profile_action);
  gtk_widget_class_install_action (widget_class, "win.delete-profile", NULL,
                                   ladder_window_delete_profile_action);
  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL,
                                   ladder_window_load_demo_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, ladder_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.share-copy", NULL,
                                   ladder_window_share_copy_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, ladder_window_import_action);
  gtk_widget_class_install_action (widget_class, "win.paste-text", NULL,
                                   ladder_window_paste_text_action);
  gtk_widget_class_install_action (widget_class, "win.new-evidence", NULL,
                                   ladder_window_new_evidence_action);
  gtk_widget_class_install_action (widget_class, "win.add-evidence-for", "s",
                                   ladder_window_add_evidence_for_action);
  gtk_widget_class_install_action (widget_class, "win.edit-evidence", "s",
                                   ladder_window_edit_evidence_action);
  gtk_widget_class_install_action (widget_class, "win.delete-evidence", "s",
                                   ladder_window_delete_evidence_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, ladder_window_undo_action);
  /* A binding, not an application accelerator: those come before the
   * focused widget, and a text field's own Ctrl+Z must come first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-evidence", "s",
                                   undo_delete_evidence_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-profile", "s",
                                   undo_delete_profile_action);
  gtk_widget_class_install_action (widget_class, "win.show-evidence-for", "s",
                                   ladder_window_show_evidence_for_action);
  gtk_widget_class_install_action (widget_class, "win.show-category", "s",
                                   ladder_window_show_category_action);
  gtk_widget_class_install_action (widget_class, "win.show-behaviour", "s",
                                   ladder_window_show_behaviour_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, ladder_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", ladder_window_show_view_action);
  gtk_widget_class_install_action (widget_class, "win.start-checkin", NULL,
                                   ladder_window_start_checkin_action);
  gtk_widget_class_install_action (widget_class, "win.compare-ratings", NULL,
                                   ladder_window_compare_ratings_action);
  gtk_widget_class_install_action (widget_class, "win.retry-save", NULL,
                                   ladder_window_retry_save_action);
  gtk_widget_class_install_action (widget_class, "win.explain-save-error", NULL,
                                   ladder_window_explain_save_error_action);
  gtk_widget_class_install_action (widget_class, "win.explain-read-only", NULL,
                                   ladder_window_explain_read_only_action);
  _ladder_window_class_add_framework_actions (widget_class);
  ladder_export_install_actions (widget_class);
  ladder_profile_editor_install_actions (widget_class);
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
  ladder_library_load_async (self->library, self->cancellable, load_done_cb, g_object_ref (self));
}

static void
realize_cb (LadderWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, realize_cb, NULL);
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
  GListStore *sections;
  GtkFlattenListModel *flat;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  self->cancellable = g_cancellable_new ();
  self->deleted_profiles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->dirty = g_ptr_array_new_with_free_func (g_object_unref);
  self->retry_queue = g_ptr_array_new_with_free_func (g_object_unref);
  self->save_errors = g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify) g_error_free);
  self->deleted_evidence = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->library = ladder_library_new (directory);
  g_signal_connect_object (self->library, "profile-merged", G_CALLBACK (profile_merged_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->checkins_page, "notify::draft-error",
                           G_CALLBACK (draft_error_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->content_nav, "notify::visible-page",
                           G_CALLBACK (visible_page_changed_cb), self, G_CONNECT_SWAPPED);
  /* The role under the name in the wide header bar goes with it. */
  g_signal_connect_object (self->window_title, "notify::subtitle", G_CALLBACK (update_chrome), self,
                           G_CONNECT_SWAPPED);

  shown_frameworks = _ladder_window_shown_frameworks (self->library, self->settings);
  sections = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (sections, ladder_library_get_profiles (self->library));
  g_list_store_append (sections, shown_frameworks);
  g_list_store_append (sections, ladder_library_get_errors (self->library));
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (sections));
  self->sidebar_selection = gtk_single_selection_new (G_LIST_MODEL (flat));
  gtk_single_selection_set_autoselect (self->sidebar_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->sidebar_selection, TRUE);
  gtk_single_selection_set_selected (self->sidebar_selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->sidebar_selection, "notify::selected",
                            G_CALLBACK (sidebar_selection_changed_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_sidebar_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_sidebar_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_sidebar_row_cb), self);
  g_signal_connect (header_factory, "setup", G_CALLBACK (setup_sidebar_header_cb), self);
  g_signal_connect (header_factory, "bind", G_CALLBACK (bind_sidebar_header_cb), self);
  gtk_list_view_set_factory (self->sidebar_list, factory);
  gtk_list_view_set_header_factory (self->sidebar_list, header_factory);
  gtk_list_view_set_model (self->sidebar_list,
                           GTK_SELECTION_MODEL (g_object_ref (self->sidebar_selection)));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  gtk_stack_set_visible_child_name (self->sidebar_stack, "loading");
  update_chrome (self);

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
