/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-category-page.h"
#include "ladder-checkin-page.h"
#include "ladder-evidence-editor.h"
#include "ladder-export.h"
#include "ladder-import-dialog.h"
#include "ladder-profile-dialog.h"
#include "ladder-profile-editor.h"
#include "ladder-review-dialog.h"
#include "ladder-ui-private.h"
#include "ladder-window-private.h"

/* What a user can trigger in the window, each a win. action installed on
 * its class by _ladder_window_class_add_actions(): profiles, evidence,
 * the views, files, and the banners' buttons. The window's own file keeps
 * what they act on (what is shown, the sidebar, saving). */

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
  g_autofree char *reasons = ladder_autosave_describe_unsaved (self->autosave);
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
ladder_window_retry_save_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);

  ladder_autosave_retry (self->autosave);
}

static void
ladder_window_load_demo_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  _ladder_window_load_demo (LADDER_WINDOW (widget));
}

static void
profile_created_cb (LadderWindow  *self,
                    LadderProfile *profile)
{
  ladder_autosave_save_profile (self->autosave, profile);
  _ladder_window_select (self, G_OBJECT (profile));
}

static void
ladder_window_new_profile_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  /* The framework the user is looking at, else the shown profile's. */
  LadderFramework *shown = _ladder_window_get_shown_framework (self);
  AdwDialog *dialog;

  if (shown == NULL && self->profile != NULL)
    shown = ladder_profile_get_framework (self->profile);
  dialog = ladder_profile_dialog_new (self->library,
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

/* What a deletion keeps for its undo, until its toast is finalized: gone
 * from the screen and no longer what Ctrl+Z undoes. */
typedef struct
{
  GWeakRef  window;
  gboolean  profile;
  char     *id;
} DeletedItem;

static void
deleted_item_forget (gpointer data)
{
  DeletedItem *item = data;
  g_autoptr(LadderWindow) self = g_weak_ref_get (&item->window);
  GHashTable *kept = NULL;

  if (self != NULL)
    kept = item->profile ? self->deleted_profiles : self->deleted_evidence;
  if (kept != NULL)
    g_hash_table_remove (kept, item->id);
  g_weak_ref_clear (&item->window);
  g_free (item->id);
  g_free (item);
}

static void
keep_deleted_for_undo (LadderWindow *self,
                       AdwToast     *t,
                       gboolean      profile,
                       const char   *id)
{
  DeletedItem *item = g_new0 (DeletedItem, 1);

  g_weak_ref_init (&item->window, self);
  item->profile = profile;
  item->id = g_strdup (id);
  g_object_set_data_full (G_OBJECT (t), "ladder-deleted-item", item, deleted_item_forget);
  _ladder_offer_lasting_undo (GTK_WIDGET (self), t);
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
  /* Write what is pending first, so that an undo brings it all back. */
  ladder_autosave_remove_profile (self->autosave, profile);

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
  keep_deleted_for_undo (self, t, TRUE, ladder_profile_get_id (profile));
  _ladder_window_add_toast (self, t);

  /* The profile that took its place in the list, else the one before it:
   * never a framework, which only follows it in the sidebar. */
  n_left = g_list_model_get_n_items (profiles);
  if (n_left > 0)
    next = g_list_model_get_item (profiles, MIN (position, n_left - 1));
  if (next != NULL)
    _ladder_window_select (self, G_OBJECT (next));
  else
    _ladder_window_show_welcome (self);
}

static void
evidence_saved_cb (LadderWindow   *self,
                   LadderEvidence *evidence,
                   AdwDialog      *editor)
{
  g_object_set_data_full (G_OBJECT (editor), "ladder-saved", g_object_ref (evidence), g_object_unref);
}

/* Saved from the Evidence tab, the keyboard goes to the entry's row
 * rather than back to whatever opened the editor (the search field, the
 * "+"). */
static void
evidence_editor_closed_cb (LadderWindow *self,
                           AdwDialog    *editor)
{
  LadderEvidence *evidence = g_object_get_data (G_OBJECT (editor), "ladder-saved");

  if (evidence == NULL || self->profile == NULL ||
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "evidence") != 0)
    return;

  ladder_evidence_page_focus_evidence (self->evidence_page, evidence);
}

static void
present_editor (LadderWindow   *self,
                LadderEvidence *evidence,
                const char     *behaviour_id)
{
  AdwDialog *editor;

  if (self->profile == NULL)
    return;

  editor = ladder_evidence_editor_new (self->profile, evidence, behaviour_id);
  g_signal_connect_object (editor, "saved", G_CALLBACK (evidence_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (editor, "closed", G_CALLBACK (evidence_editor_closed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_dialog_present (editor, GTK_WIDGET (self));
}

static void
ladder_window_new_evidence_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);

  /* Ctrl+N on the welcome page: there is no profile to add to yet, and
   * a new one is what the page offers. */
  if (self->profile == NULL)
    {
      if (g_strcmp0 (_ladder_window_get_view (self), "welcome") == 0)
        gtk_widget_activate_action (widget, "win.new-profile", NULL);
      return;
    }

  present_editor (self, NULL, NULL);
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
 * toast's button, Ctrl+Z) until their toast is gone and a later undo has
 * taken Ctrl+Z. */
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
  keep_deleted_for_undo (self, t, FALSE, id);
  _ladder_window_add_toast (self, t);
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
main_menu_mapped_cb (GtkMenuButton *button)
{
  g_signal_handlers_disconnect_by_func (button, main_menu_mapped_cb, NULL);
  gtk_menu_button_popup (button);
}

/* F10: the main menu, from any view. The toolkit's own F10 opens it only
 * where its button is on screen, and in a narrow window the sidebar that
 * holds it is hidden under every page: the sidebar comes back first. */
static void
ladder_window_main_menu_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  GtkMenuButton *button = self->main_menu_button;

  if (gtk_widget_get_mapped (GTK_WIDGET (button)))
    {
      gtk_menu_button_popup (button);
      return;
    }

  g_signal_connect (button, "map", G_CALLBACK (main_menu_mapped_cb), NULL);
  _ladder_window_show_content (self, FALSE);
}

static void
ladder_window_show_team_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  _ladder_window_show_team (LADDER_WINDOW (widget));
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

  _ladder_window_show_content (self, TRUE);
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
  _ladder_window_show_content (self, TRUE);
  adw_navigation_view_pop_to_tag (self->content_nav, "main");
  adw_navigation_view_push (self->content_nav, page);
}

/* A tab of the profile shown, out of a category or a check-in pushed
 * over it; narrow, out of the sidebar too, as a shortcut may come from
 * there. */
static void
show_profile_tab (LadderWindow *self,
                  const char   *name)
{
  _ladder_window_show_content (self, TRUE);
  adw_navigation_view_pop_to_tag (self->content_nav, "main");
  adw_view_stack_set_visible_child_name (self->view_stack, name);
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

  show_profile_tab (self, "evidence");
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

  show_profile_tab (self, name);
}

/* Starts a check-in (or resumes the one being held) from any view. */
static void
ladder_window_start_checkin_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  GtkWidget *draft_page;

  if (self->profile == NULL)
    return;

  show_profile_tab (self, "checkins");
  gtk_widget_activate_action (GTK_WIDGET (self->checkins_page), "checkins.start", NULL);

  /* Started from anywhere (the sidebar has the focus after Ctrl+Shift+K),
   * the focus goes where the check-in is written, as Prepare 1:1's does. */
  draft_page = ladder_checkins_page_get_draft_page (self->checkins_page);
  if (draft_page != NULL)
    ladder_checkin_page_focus_notes (LADDER_CHECKIN_PAGE (draft_page));
}

/* Prepare 1:1 from any view, over the Check-ins tab. */
static void
ladder_window_prepare_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);

  if (self->profile == NULL)
    return;

  show_profile_tab (self, "checkins");
  ladder_checkins_page_prepare (self->checkins_page);
}

/* Write a Review…: a review or promotion document, from any view. */
static void
ladder_window_write_review_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);

  if (self->profile == NULL)
    return;

  adw_dialog_present (ADW_DIALOG (ladder_review_dialog_new (self->profile)), widget);
}

/* Export PDF… and Print…: the summary of the profile shown; Export PDF…
 * on Prepare 1:1 exports the page shown, as its button does. */
static void
ladder_window_export_pdf_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  AdwNavigationPage *page = adw_navigation_view_get_visible_page (self->content_nav);

  /* By the page's action: the page calls into the window, not back. */
  if (page != NULL && gtk_widget_activate_action (GTK_WIDGET (page), "prepare.export-pdf", NULL))
    return;
  if (self->profile != NULL)
    ladder_export_choose_pdf (widget, self->profile);
}

static void
ladder_window_print_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);

  if (self->profile != NULL)
    ladder_export_print (widget, self->profile);
}

/* Edit Profile…, and the Undo of its toast. */
static gboolean
is_edit_level_button (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.edit-profile") == 0;
}

static GtkWidget *
find_edit_level_button (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = is_edit_level_button (child) ? child : find_edit_level_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
focus_level_heading (LadderWindow *self)
{
  GtkWidget *button;

  /* A narrow window may show its sidebar (the menu, which F10 opens,
   * is there): the profile is what was edited. */
  _ladder_window_show_content (self, TRUE);
  adw_view_stack_set_visible_child_name (self->view_stack, "progress");
  button = find_edit_level_button (GTK_WIDGET (self->progress_page));
  if (button != NULL)
    gtk_widget_grab_focus (button);
}

/* The dialog gives the focus back to where it was (a menu's button) as
 * it closes: after a save it goes to the level the page heads with,
 * which shows what changed. */
static void
profile_edited_cb (AdwDialog       *editor,
                   LadderPromotion *promotion,
                   LadderWindow    *self)
{
  g_signal_connect_object (editor, "closed", G_CALLBACK (focus_level_heading), self,
                           G_CONNECT_SWAPPED);
}

static void
ladder_window_edit_profile_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LadderWindow *self = LADDER_WINDOW (widget);
  AdwDialog *editor;

  if (self->profile == NULL)
    return;

  editor = ladder_profile_editor_edit (widget, self->profile);
  if (editor != NULL)
    g_signal_connect_object (editor, "saved", G_CALLBACK (profile_edited_cb), self, 0);
}

static void
ladder_window_undo_edit_profile_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  ladder_profile_editor_undo (widget, g_variant_get_string (parameter, NULL));
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

  show_profile_tab (self, "progress");
  /* From another tab, the shortcut opens Compare mode; on it, it toggles. */
  ladder_progress_page_set_compare (self->progress_page,
                                    !showing || !ladder_progress_page_get_compare (self->progress_page));
}

static void
framework_imported_cb (LadderWindow    *self,
                       LadderFramework *framework)
{
  g_autofree char *title = g_strdup_printf (_("“%s” imported"), ladder_framework_get_name (framework));

  AdwToast *t = adw_toast_new (title);

  adw_toast_set_use_markup (t, FALSE);
  _ladder_window_add_toast (self, t);
  _ladder_window_select (self, G_OBJECT (framework));
}

static void
show_open_error (LadderWindow *self,
                 const char   *heading,
                 const GError *error)
{
  _ladder_window_show_error (self, heading, error->message);
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
      if (existing == NULL)
        {
          /* A copy one side shared, opened by the other. */
          _ladder_window_offer_other_side_copy (self, profile);
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
  if (file == NULL)
    return;

  _ladder_file_dialog_remember_folder (file, "last-import-folder");
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
  _ladder_file_dialog_start_in_last_folder (dialog, "last-import-folder");
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

/**
 * _ladder_window_class_add_actions:
 * @widget_class: the window's class
 *
 * Installs the window's own win. actions (the framework actions are
 * installed by their file).
 */
void
_ladder_window_class_add_actions (GtkWidgetClass *widget_class)
{
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
  gtk_widget_class_install_action (widget_class, "win.main-menu", NULL, ladder_window_main_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, 0, "win.main-menu", NULL);
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
  gtk_widget_class_install_action (widget_class, "win.show-team", NULL, ladder_window_show_team_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, ladder_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", ladder_window_show_view_action);
  gtk_widget_class_install_action (widget_class, "win.start-checkin", NULL,
                                   ladder_window_start_checkin_action);
  gtk_widget_class_install_action (widget_class, "win.prepare", NULL,
                                   ladder_window_prepare_action);
  gtk_widget_class_install_action (widget_class, "win.write-review", NULL,
                                   ladder_window_write_review_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL,
                                   ladder_window_export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, ladder_window_print_action);
  gtk_widget_class_install_action (widget_class, "win.edit-profile", NULL,
                                   ladder_window_edit_profile_action);
  gtk_widget_class_install_action (widget_class, "win.undo-edit-profile", "s",
                                   ladder_window_undo_edit_profile_action);
  gtk_widget_class_install_action (widget_class, "win.compare-ratings", NULL,
                                   ladder_window_compare_ratings_action);
  gtk_widget_class_install_action (widget_class, "win.retry-save", NULL,
                                   ladder_window_retry_save_action);
  gtk_widget_class_install_action (widget_class, "win.explain-save-error", NULL,
                                   ladder_window_explain_save_error_action);
  gtk_widget_class_install_action (widget_class, "win.explain-read-only", NULL,
                                   ladder_window_explain_read_only_action);
}
