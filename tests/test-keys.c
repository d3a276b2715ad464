/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys pressed as a person presses them: X key events that the toolkit
 * routes through the window, its dialogs and the focused field, rather
 * than a binding activated by hand (see ui_send_key()). */

#include "config.h"

#include <glib/gstdio.h>

#include "ladder-agenda-group.h"
#include "ladder-behaviour-row.h"
#include "ladder-checkin-page.h"
#include "ladder-category-page.h"
#include "ladder-evidence-editor.h"
#include "ladder-export-dialog.h"
#include "ladder-prepare-page.h"
#include "ladder-profile-dialog.h"
#include "ladder-profile-editor.h"
#include "ladder-review-dialog.h"
#include "ladder-ui-private.h"
#include "ui-keys.h"

static gboolean
profile_shown_cb (gpointer data)
{
  return _ladder_window_get_profile (data) != NULL;
}

static gboolean
mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
switched_off_cb (gpointer data)
{
  return !adw_switch_row_get_active (data);
}

static gboolean
collapsed_cb (gpointer data)
{
  return adw_navigation_split_view_get_collapsed (data);
}

static gboolean
expanded_cb (gpointer data)
{
  return !adw_navigation_split_view_get_collapsed (data);
}

static gboolean
level_chosen_cb (gpointer data)
{
  return adw_combo_row_get_selected (data) == 1;
}

static gboolean
no_dialog_cb (gpointer data)
{
  return ui_visible_dialog (data) == NULL;
}

/* The toast of the latest undo is gone, as after its few seconds. */
static void
dismiss_undo_toast (LadderWindow *window)
{
  AdwToast *toast = g_object_get_data (G_OBJECT (window), "ladder-undo-toast");

  g_assert_nonnull (toast);
  adw_toast_dismiss (toast);
  ui_spin (100);
}

/* Deleting the last profile, and Ctrl+Z once its toast has gone: the
 * keyboard user reads the toast before pressing the key. */
static void
test_keys_undo_delete_profile (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  g_autofree char *id = g_strdup (ladder_profile_get_id (profile));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-profile", NULL));
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "welcome");
  dismiss_undo_toast (window);

  ui_send_key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK);
  ui_wait_for (profile_shown_cb, window, "the profile to come back");
  g_assert_cmpstr (ladder_profile_get_id (_ladder_window_get_profile (window)), ==, id);
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "profile");

  ui_window_free (window, app);
}

static GtkWidget *
visible_page (LadderWindow *window)
{
  GtkWidget *nav = ui_find (GTK_WIDGET (window), "content_nav", ADW_TYPE_NAVIGATION_VIEW);

  return GTK_WIDGET (adw_navigation_view_get_visible_page (ADW_NAVIGATION_VIEW (nav)));
}

static gboolean
category_rows_shown_cb (gpointer data)
{
  GtkWidget *page = visible_page (data);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  if (!LADDER_IS_CATEGORY_PAGE (page))
    return FALSE;
  ui_find_all (page, LADDER_TYPE_BEHAVIOUR_ROW, rows);
  return rows->len > 0;
}

typedef struct
{
  LadderProfile     *profile;
  LadderRatingValue  value;
} RatingIs;

static gboolean
rating_is_cb (gpointer data)
{
  RatingIs *is = data;

  return ladder_profile_get_rating_value (is->profile, "b2", LADDER_RATER_SELF) == is->value;
}

static gboolean
n_checkins_cb (gpointer data)
{
  LadderProfile *profile = data;

  return g_list_model_get_n_items (ladder_profile_get_checkins (profile)) == 1;
}

static gboolean
topic_back_cb (gpointer data)
{
  return ladder_profile_find_topic (data, "t-keys") != NULL;
}

static gboolean
framework_shown_cb (gpointer data)
{
  g_auto(GStrv) hidden = g_settings_get_strv (data, "hidden-frameworks");

  return g_strv_length (hidden) == 0;
}

/* A rating changed, a check-in deleted, an agenda topic removed and a
 * framework hidden: Ctrl+Z still undoes each once its toast has gone,
 * as it does a deletion. */
static void
test_keys_undo_after_toast (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  LadderLibrary *library = _ladder_window_get_library (window);
  g_autoptr(LadderCheckin) checkin = ladder_profile_start_checkin (profile);
  g_autoptr(LadderTopic) topic = ladder_topic_new ("t-keys");
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(LadderFramework) bundled = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *row = NULL, *group, *checkins, *agenda, *remove = NULL;

  ladder_profile_rate (profile, "b2", LADDER_RATER_SELF, LADDER_RATING_NOT_YET);
  ladder_profile_finish_checkin (profile, checkin);
  ladder_topic_set_text (topic, "Conference budget");
  ladder_profile_add_topic (profile, topic);
  gtk_window_present (GTK_WINDOW (window));

  /* A rating moved by End. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "s", "craft"));
  ui_wait_for (category_rows_shown_cb, window, "the category's behaviours");
  ui_find_all (visible_page (window), LADDER_TYPE_BEHAVIOUR_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *label = ui_find (g_ptr_array_index (rows, i), "text", GTK_TYPE_LABEL);

      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), "Writes tests") == 0)
        row = g_ptr_array_index (rows, i);
    }
  g_assert_nonnull (row);
  group = ui_find (row, "rating_group", ADW_TYPE_TOGGLE_GROUP);
  g_assert_true (gtk_widget_grab_focus (group));
  ui_send_key (GTK_WIDGET (window), GDK_KEY_End, 0);
  ui_wait_for (rating_is_cb, &(RatingIs) { profile, LADDER_RATING_CONSISTENTLY }, "the new rating");
  dismiss_undo_toast (window);
  ui_send_key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK);
  ui_wait_for (rating_is_cb, &(RatingIs) { profile, LADDER_RATING_NOT_YET }, "the rating undone");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "checkins"));

  /* A check-in deleted. */
  checkins = ui_find (GTK_WIDGET (window), "checkins_page", LADDER_TYPE_CHECKINS_PAGE);
  g_assert_true (gtk_widget_activate_action (checkins, "checkins.delete", "s",
                                             ladder_checkin_get_id (checkin)));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_checkins (profile)), ==, 0);
  dismiss_undo_toast (window);
  ui_send_key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK);
  ui_wait_for (n_checkins_cb, profile, "the check-in back");

  /* An agenda topic removed by its button. */
  agenda = ui_find (checkins, NULL, LADDER_TYPE_AGENDA_GROUP);
  ui_find_all (agenda, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), "Remove Topic") == 0)
      remove = g_ptr_array_index (buttons, i);
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  g_assert_null (ladder_profile_find_topic (profile, "t-keys"));
  dismiss_undo_toast (window);
  ui_send_key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK);
  ui_wait_for (topic_back_cb, profile, "the topic back");

  /* A bundled framework hidden. */
  for (guint i = 0; bundled == NULL; i++)
    {
      g_autoptr(LadderFramework) framework = g_list_model_get_item (ladder_library_get_frameworks (library), i);

      g_assert_nonnull (framework);
      if (ladder_library_is_bundled (library, framework))
        bundled = g_steal_pointer (&framework);
    }
  _ladder_window_select (window, G_OBJECT (bundled));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.hide-framework", NULL));
  g_assert_false (framework_shown_cb (settings));
  dismiss_undo_toast (window);
  ui_send_key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK);
  ui_wait_for (framework_shown_cb, settings, "the framework shown again");

  ui_window_free (window, app);
}

static GPtrArray *
link_rows (AdwDialog *dialog)
{
  GtkWidget *group = ui_find (GTK_WIDGET (dialog), "links_group", ADW_TYPE_PREFERENCES_GROUP);
  GPtrArray *rows = g_ptr_array_new ();

  ui_find_all (group, ADW_TYPE_ACTION_ROW, rows);
  return rows;
}

static guint
n_links (AdwDialog *dialog)
{
  g_autoptr(GPtrArray) rows = link_rows (dialog);

  return rows->len;
}

static gboolean
no_link_cb (gpointer data)
{
  return n_links (data) == 0;
}

static gboolean
one_link_cb (gpointer data)
{
  return n_links (data) == 1;
}

static GtkWidget *
remove_link_button (AdwDialog *dialog)
{
  g_autoptr(GPtrArray) rows = link_rows (dialog);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  g_assert_cmpuint (rows->len, ==, 1);
  ui_find_all (g_ptr_array_index (rows, 0), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), "Remove Link") == 0)
      return g_ptr_array_index (buttons, i);

  g_assert_not_reached ();
}

/* A link typed in New Evidence, removed by Space on its button: the focus
 * goes back to the field the link was typed in, whose own undo took
 * Ctrl+Z, and a dialog keeps its keys from the window's binding. */
static void
test_keys_undo_remove_link (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  GtkWidget *entry_row;
  AdwDialog *dialog;

  ui_show_small_profile (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-evidence", NULL));
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_EVIDENCE_EDITOR (dialog));
  /* The dialog sets its own focus as it comes in. */
  ui_spin (500);

  entry_row = ui_find (GTK_WIDGET (dialog), "link_entry", ADW_TYPE_ENTRY_ROW);
  gtk_widget_grab_focus (entry_row);
  gtk_editable_set_text (GTK_EDITABLE (entry_row), "https://example.com/pull/42");
  g_signal_emit_by_name (entry_row, "entry-activated");
  g_assert_cmpuint (n_links (dialog), ==, 1);

  gtk_widget_grab_focus (remove_link_button (dialog));
  ui_send_key (GTK_WIDGET (window), GDK_KEY_space, 0);
  ui_wait_for (no_link_cb, dialog, "the link to be removed");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry_row));
  dismiss_undo_toast (window);

  ui_send_key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK);
  ui_wait_for (one_link_cb, dialog, "the link to come back");

  /* Typed in the field after the removal: Ctrl+Z is the field's. */
  gtk_widget_grab_focus (entry_row);
  gtk_editable_set_text (GTK_EDITABLE (entry_row), "typed");
  gtk_widget_grab_focus (remove_link_button (dialog));
  ui_send_key (GTK_WIDGET (window), GDK_KEY_space, 0);
  ui_wait_for (no_link_cb, dialog, "the link to be removed again");
  gtk_widget_grab_focus (entry_row);
  gtk_editable_insert_text (GTK_EDITABLE (entry_row), "!", -1, (int[]) { 5 });
  ui_send_key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK);
  ui_spin (300);
  g_assert_cmpuint (n_links (dialog), ==, 0);

  adw_dialog_force_close (dialog);
  ui_window_free (window, app);
}

static void
flag_cb (gboolean *flag)
{
  *flag = TRUE;
}

/* Enter on an option of Export PDF exports; Space toggles it. */
static void
test_keys_export_enter (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  AdwDialog *dialog = ADW_DIALOG (ladder_export_dialog_new (profile));
  GtkWidget *rated;
  gboolean exported = FALSE;

  g_signal_connect_swapped (dialog, "export", G_CALLBACK (flag_cb), &exported);
  adw_dialog_present (dialog, GTK_WIDGET (window));
  ui_wait_for (mapped_cb, dialog, "the dialog");
  /* The dialog sets its own focus as it comes in. */
  ui_spin (500);
  rated = ui_find (GTK_WIDGET (dialog), "rated_row", ADW_TYPE_SWITCH_ROW);
  g_assert_true (adw_switch_row_get_active (ADW_SWITCH_ROW (rated)));
  gtk_widget_grab_focus (rated);

  ui_send_key (GTK_WIDGET (window), GDK_KEY_space, 0);
  ui_wait_for (switched_off_cb, rated, "Space to toggle the option");
  g_assert_false (exported);

  ui_send_key (GTK_WIDGET (window), GDK_KEY_Return, 0);
  ui_wait_for (no_dialog_cb, window, "the dialog to close");
  g_assert_true (exported);
  g_assert_false (adw_switch_row_get_active (ADW_SWITCH_ROW (rated)));

  ui_window_free (window, app);
}

static gboolean
focus_on_cb (gpointer data)
{
  GtkWidget *widget = data;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
popover_open_cb (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (data);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

static GtkWidget *
edit_level_button (LadderWindow *window)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  ui_find_all (GTK_WIDGET (window), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)),
                   "win.edit-profile") == 0 &&
        gtk_widget_is_drawable (g_ptr_array_index (buttons, i)))
      return g_ptr_array_index (buttons, i);

  g_assert_not_reached ();
}

/* Edit Profile: a level chosen from its list keeps the focus on its row;
 * Ctrl+Enter saves, and the focus goes to the level the page heads with. */
static void
test_keys_edit_profile (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  GtkWidget *current;
  GtkWidget *name;
  AdwDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-profile", NULL));
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_PROFILE_EDITOR (dialog));
  ui_spin (500);

  current = ui_find (GTK_WIDGET (dialog), "current_row", ADW_TYPE_COMBO_ROW);
  gtk_widget_grab_focus (current);
  ui_send_key (GTK_WIDGET (window), GDK_KEY_Return, 0);
  ui_wait_for (mapped_cb, ui_find (current, NULL, GTK_TYPE_POPOVER), "the levels' list");
  ui_send_key (GTK_WIDGET (window), GDK_KEY_Down, 0);
  ui_send_key (GTK_WIDGET (window), GDK_KEY_Return, 0);
  ui_wait_for (level_chosen_cb, current, "Level 2 chosen");
  ui_wait_for (focus_on_cb, current, "the focus on the level's row");

  name = ui_find (GTK_WIDGET (dialog), "name_row", ADW_TYPE_ENTRY_ROW);
  gtk_widget_grab_focus (name);
  gtk_editable_set_text (GTK_EDITABLE (name), "Sam Promoted");
  ui_send_key (GTK_WIDGET (window), GDK_KEY_Return, GDK_CONTROL_MASK);
  ui_wait_for (no_dialog_cb, window, "Edit Profile to close");
  g_assert_cmpstr (ladder_profile_get_name (profile), ==, "Sam Promoted");
  g_assert_cmpstr (ladder_profile_get_current_level (profile), ==, "2");
  ui_wait_for (focus_on_cb, edit_level_button (window), "the focus on the level");

  ui_window_free (window, app);
}

/* F10 opens the main menu from a text field, and in a narrow window whose
 * sidebar (the menu's place) is hidden. */
static void
test_keys_f10 (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  GtkWidget *menu = ui_find (GTK_WIDGET (window), "main_menu_button", GTK_TYPE_MENU_BUTTON);
  GtkWidget *search;

  ui_show_small_profile (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  search = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT (search));

  ui_send_key (GTK_WIDGET (window), GDK_KEY_F10, 0);
  ui_wait_for (popover_open_cb, menu, "the main menu");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu));

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  ui_wait_for (collapsed_cb,
               ui_find (GTK_WIDGET (window), "split_view", ADW_TYPE_NAVIGATION_SPLIT_VIEW),
               "the narrow layout");
  ui_spin (300);
  g_assert_false (gtk_widget_get_mapped (menu));

  ui_send_key (GTK_WIDGET (window), GDK_KEY_F10, 0);
  ui_wait_for (popover_open_cb, menu, "the main menu of a narrow window");

  /* The sidebar's transition and the menu's end before the window goes. */
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu));
  ui_spin (1000);
  ui_window_free (window, app);
}

static GtkWidget *
shown_toast (GtkWidget *window)
{
  g_autoptr(GPtrArray) overlays = g_ptr_array_new ();

  ui_find_all (window, ADW_TYPE_TOAST_OVERLAY, overlays);
  for (guint i = 0; i < overlays->len; i++)
    {
      GtkWidget *overlay = g_ptr_array_index (overlays, i);
      GtkWidget *child = adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (overlay));

      for (GtkWidget *w = gtk_widget_get_first_child (overlay); w != NULL; w = gtk_widget_get_next_sibling (w))
        if (w != child && gtk_widget_get_mapped (w))
          return w;
    }

  return NULL;
}

static gboolean
toast_shown_cb (gpointer data)
{
  return shown_toast (data) != NULL;
}

static GtkWidget *
last_add_evidence_button (GtkWidget *window)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *last = NULL;

  ui_find_all (window, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)),
                   "win.add-evidence-for") == 0 &&
        gtk_widget_is_drawable (g_ptr_array_index (buttons, i)))
      last = g_ptr_array_index (buttons, i);

  g_assert_nonnull (last);
  return last;
}

/* The focused widget, low in a list, stays in view above a toast. */
static void
test_keys_toast_spares_focus (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  GtkWidget *button;
  GtkWidget *shown;
  graphene_rect_t focus_bounds, toast_bounds, window_bounds;

  /* Short: the last row's button sits where the toast comes. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 480);
  ui_show_small_profile (window);
  ui_wait_for (collapsed_cb,
               ui_find (GTK_WIDGET (window), "split_view", ADW_TYPE_NAVIGATION_SPLIT_VIEW),
               "the narrow layout");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "s", "craft"));
  ui_spin (800);

  button = last_add_evidence_button (GTK_WIDGET (window));
  gtk_widget_grab_focus (button);
  ui_spin (300);
  g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (window), &focus_bounds));
  g_test_message ("Add Evidence at y %g–%g", focus_bounds.origin.y,
                  focus_bounds.origin.y + focus_bounds.size.height);
  /* Where the toast is to come: within its lowest 130 pixels. */
  g_assert_cmpfloat (focus_bounds.origin.y + focus_bounds.size.height, >, 480 - 130);

  _ladder_window_add_toast (window, adw_toast_new ("A toast of two lines, to take its room at 360 pixels"));
  ui_wait_for (toast_shown_cb, window, "the toast");
  ui_spin (1000);

  shown = shown_toast (GTK_WIDGET (window));
  g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (window), &focus_bounds));
  g_assert_true (gtk_widget_compute_bounds (shown, GTK_WIDGET (window), &toast_bounds));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (window), GTK_WIDGET (window), &window_bounds));
  g_test_message ("Add Evidence at y %g–%g, the toast at %g–%g", focus_bounds.origin.y,
                  focus_bounds.origin.y + focus_bounds.size.height, toast_bounds.origin.y,
                  toast_bounds.origin.y + toast_bounds.size.height);
  g_assert_false (graphene_rect_intersection (&focus_bounds, &toast_bounds, NULL));
  g_assert_true (graphene_rect_contains_rect (&window_bounds, &focus_bounds));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == button);

  ui_window_free (window, app);
}

/* The file chooser a GtkFileDialog shows where no portal runs. */
static GtkWidget *
shown_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), "GtkFileChooserDialog") &&
          gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

static gboolean
file_chooser_shown_cb (gpointer data)
{
  return shown_file_chooser () != NULL;
}

static gboolean
no_file_chooser_cb (gpointer data)
{
  return shown_file_chooser () == NULL;
}

/* The folder @chooser starts in, as a path. */
static char *
file_chooser_folder (GtkWidget *chooser)
{
  g_autoptr(GFile) folder = NULL;

  /* GtkFileDialog's own stand-in, where no portal runs, is this one. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  G_GNUC_END_IGNORE_DEPRECATIONS

  return folder != NULL ? g_file_get_path (folder) : NULL;
}

static gboolean
file_chooser_in_cb (gpointer data)
{
  GtkWidget *chooser = shown_file_chooser ();
  g_autofree char *folder = chooser != NULL ? file_chooser_folder (chooser) : NULL;

  return g_strcmp0 (folder, data) == 0;
}

static void
file_chooser_respond (GtkWidget  *chooser,
                      const char *path)
{
  /* The chooser reads its folders on the side: closed before they are
   * read, the toolkit's own reads came back to a chooser gone. */
  ui_spin (1500);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);

      g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
    }
  else
    {
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
    }
  G_GNUC_END_IGNORE_DEPRECATIONS
  ui_wait_for (no_file_chooser_cb, NULL, "the file chooser to close");
}

static gboolean
file_exists_cb (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* Write a Review: the dialog opens on Save, so that Enter saves; Ctrl+Enter
 * saves from a row that Enter would open; the chooser starts in the
 * folder last saved in, and the next one where this one saved. */
static void
test_keys_review_enter (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *first = g_dir_make_tmp ("ladder-keys-XXXXXX", NULL);
  g_autofree char *second = g_dir_make_tmp ("ladder-keys-XXXXXX", NULL);
  g_autofree char *saved = g_build_filename (second, "review.md", NULL);
  g_autofree char *uri = NULL;
  g_autoptr(GFile) first_file = g_file_new_for_path (first);
  g_autoptr(GFile) second_file = g_file_new_for_path (second);
  GtkWidget *save, *period, *chooser;
  AdwDialog *dialog;

  uri = g_file_get_uri (first_file);
  g_settings_set_string (settings, "last-export-folder", uri);
  ui_show_small_profile (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.write-review", NULL));
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_REVIEW_DIALOG (dialog));
  ui_spin (500);
  save = ui_find (GTK_WIDGET (dialog), "save_button", GTK_TYPE_BUTTON);
  period = ui_find (GTK_WIDGET (dialog), "period_row", ADW_TYPE_COMBO_ROW);
  ui_wait_for (focus_on_cb, save, "the focus on Save");

  ui_send_key (GTK_WIDGET (window), GDK_KEY_Return, 0);
  ui_wait_for (file_chooser_shown_cb, NULL, "Enter to save");
  chooser = shown_file_chooser ();
  g_assert_false (gtk_widget_get_mapped (ui_find (period, NULL, GTK_TYPE_POPOVER)));
  ui_wait_for (file_chooser_in_cb, first, "the chooser in the folder last saved in");
  file_chooser_respond (chooser, NULL);

  gtk_widget_grab_focus (period);
  ui_send_key (GTK_WIDGET (window), GDK_KEY_Return, GDK_CONTROL_MASK);
  ui_wait_for (file_chooser_shown_cb, NULL, "Ctrl+Enter to save");
  g_assert_false (gtk_widget_get_mapped (ui_find (period, NULL, GTK_TYPE_POPOVER)));
  file_chooser_respond (shown_file_chooser (), saved);
  ui_wait_for (file_exists_cb, saved, "the review written");
  ui_wait_for (no_dialog_cb, window, "the dialog to close");
  g_free (uri);
  uri = g_file_get_uri (second_file);
  {
    g_autofree char *remembered = g_settings_get_string (settings, "last-export-folder");

    g_assert_cmpstr (remembered, ==, uri);
  }

  /* The next export starts there; an open of a file keeps its own. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.write-review", NULL));
  ui_spin (500);
  ui_send_key (GTK_WIDGET (window), GDK_KEY_Return, 0);
  ui_wait_for (file_chooser_shown_cb, NULL, "Enter to save again");
  ui_wait_for (file_chooser_in_cb, second, "the chooser in the folder saved in");
  file_chooser_respond (shown_file_chooser (), NULL);
  adw_dialog_force_close (ui_visible_dialog (window));
  {
    g_autofree char *remembered = g_settings_get_string (settings, "last-import-folder");

    g_assert_cmpstr (remembered, ==, "");
  }

  g_settings_reset (settings, "last-export-folder");
  g_remove (saved);
  g_rmdir (first);
  g_rmdir (second);
  ui_window_free (window, app);
}

static GtkWidget *
sidebar_row_of (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (GTK_IS_LIST_VIEW (gtk_widget_get_parent (widget)))
      return widget;

  return NULL;
}

static gboolean
focus_on_selected_row_cb (gpointer data)
{
  GtkWidget *row = sidebar_row_of (gtk_root_get_focus (data));

  return row != NULL && (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED);
}

static gboolean
focus_on_other_row_cb (gpointer data)
{
  GtkWidget *row = sidebar_row_of (gtk_root_get_focus (data));

  return row != NULL && !(gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED);
}

/* A window of the default size, with the sidebar beside the content: an
 * earlier test's narrow window is the size the settings kept, and
 * widening a window crosses the breakpoint mid-transition. */
static LadderWindow *
new_wide_window (LadderApplication **app)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");

  return ui_window_new (app);
}

/* Tab from the content into the sidebar lands on the selected row, not
 * on the row the list had the focus on before. */
static void
test_keys_sidebar_focus (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = new_wide_window (&app);
  GtkListView *list = GTK_LIST_VIEW (ui_find (GTK_WIDGET (window), "sidebar_list", GTK_TYPE_LIST_VIEW));
  GtkSelectionModel *selection = gtk_list_view_get_model (list);
  GtkWidget *row = NULL;
  guint selected;

  ui_show_small_profile (window);
  gtk_window_present (GTK_WINDOW (window));
  ui_wait_for (expanded_cb,
               ui_find (GTK_WIDGET (window), "split_view", ADW_TYPE_NAVIGATION_SPLIT_VIEW),
               "the wide layout");
  ui_spin (300);
  selected = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection));
  g_assert_cmpuint (selected, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), >, selected + 2);

  /* The list's focus on another row, not chosen, then the content's. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (list)));
  ui_wait_for (focus_on_selected_row_cb, window, "the focus on the selected row");
  /* The list's own move to the selected row is done before the keys. */
  ui_spin (300);
  for (GtkWidget *child = gtk_widget_get_last_child (GTK_WIDGET (list));
       child != NULL && !focus_on_other_row_cb (window);
       child = gtk_widget_get_prev_sibling (child))
    if (gtk_widget_get_focusable (child) && gtk_widget_get_mapped (child) &&
        !(gtk_widget_get_state_flags (child) & GTK_STATE_FLAG_SELECTED))
      gtk_widget_grab_focus (child);
  ui_wait_for (focus_on_other_row_cb, window, "the focus on another row");
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==, selected);
  row = NULL;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (list)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "progress");
  ui_spin (100);

  for (guint i = 0; i < 60 && row == NULL; i++)
    {
      ui_send_key (GTK_WIDGET (window), GDK_KEY_Tab, GDK_SHIFT_MASK);
      ui_spin (60);
      row = sidebar_row_of (gtk_root_get_focus (GTK_ROOT (window)));
    }
  g_assert_nonnull (row);
  ui_wait_for (focus_on_selected_row_cb, window, "the focus on the selected row");

  ui_window_free (window, app);
}

static gboolean
sidebar_scrolled_cb (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_value (adjustment) > gtk_adjustment_get_lower (adjustment) + 100;
}

static gboolean
sidebar_at_top_cb (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_value (adjustment) <= gtk_adjustment_get_lower (adjustment);
}

/* Home, the sidebar scrolled down, goes back to its first row with the
 * People header above it in view (the list alone scrolls to the row). */
static void
test_keys_sidebar_home (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = new_wide_window (&app);
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  LadderLibrary *library = _ladder_window_get_library (window);
  GtkWidget *list = ui_find (GTK_WIDGET (window), "sidebar_list", GTK_TYPE_LIST_VIEW);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  LadderProfile *first = NULL;

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(LadderProfile) profile = ladder_profile_new (NULL, framework);
      g_autofree char *name = g_strdup_printf ("Person %02u", i + 1);

      ladder_profile_set_name (profile, name);
      ladder_library_add_profile (library, profile);
      if (i == 0)
        first = profile;
    }
  _ladder_window_select (window, G_OBJECT (first));
  gtk_window_present (GTK_WINDOW (window));
  ui_spin (300);
  g_assert_true (gtk_widget_grab_focus (list));
  ui_wait_for (focus_on_selected_row_cb, window, "the focus on the selected row");
  ui_spin (300);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  ui_wait_for (sidebar_scrolled_cb, adjustment, "the sidebar at its end");
  ui_send_key (GTK_WIDGET (window), GDK_KEY_Home, 0);
  ui_wait_for (focus_on_selected_row_cb, window, "the focus on the first row");
  ui_wait_for (sidebar_at_top_cb, adjustment, "the sidebar at its top, its header in view");

  ui_window_free (window, app);
}

/* The row the focus is in, below @scrolled, as the window finds it. */
static GtkWidget *
focus_row_in (GtkWidget *focus,
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

/* Tab and Shift+Tab through a category's behaviours in a short window:
 * each row the focus goes to is scrolled wholly into view, not only its
 * button. */
static void
test_keys_focus_row_in_view (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile;
  const char *views[] = { "category", "progress", "evidence", "checkins" };
  guint n_rows = 0;
  guint n_low = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 480);
  profile = ui_show_small_profile (window);
  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(LadderEvidence) evidence = ladder_evidence_new (NULL);
      g_autofree char *title = g_strdup_printf ("Shipped part %u of the build", i);

      ladder_evidence_set_title (evidence, title);
      ladder_profile_add_evidence (profile, evidence);
    }
  ui_wait_for (collapsed_cb,
               ui_find (GTK_WIDGET (window), "split_view", ADW_TYPE_NAVIGATION_SPLIT_VIEW),
               "the narrow layout");

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      if (g_str_equal (views[v], "category"))
        {
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "s", "craft"));
          ui_wait_for (category_rows_shown_cb, window, "the category's behaviours");
        }
      else
        {
          GtkWidget *nav = ui_find (GTK_WIDGET (window), "content_nav", ADW_TYPE_NAVIGATION_VIEW);

          adw_navigation_view_pop_to_tag (ADW_NAVIGATION_VIEW (nav), "main");
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[v]));
        }
      ui_spin (500);

      /* Down the page, and back up, where a row's text is above its
       * buttons. */
      for (guint i = 0; i < 30; i++)
        {
          GtkWidget *focus, *scrolled, *row;
          graphene_rect_t bounds;
          double page;

          gint64 deadline;

          ui_send_key (GTK_WIDGET (window), GDK_KEY_Tab, i < 15 ? 0 : GDK_SHIFT_MASK);
          ui_spin (250);
          focus = gtk_root_get_focus (GTK_ROOT (window));
          scrolled = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_SCROLLED_WINDOW) : NULL;
          row = scrolled != NULL ? focus_row_in (focus, scrolled) : NULL;
          if (row == NULL || !gtk_widget_is_ancestor (row, visible_page (window)))
            continue;

          /* The row is scrolled into view a frame after the focus
           * moved, and the scroll takes frames of its own: a loaded
           * machine draws them late. */
          deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
          for (;;)
            {
              g_assert_true (gtk_widget_compute_bounds (row, scrolled, &bounds));
              page = gtk_adjustment_get_page_size (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)));
              if (bounds.size.height > page ||
                  (bounds.origin.y >= -0.5 && bounds.origin.y + bounds.size.height <= page + 0.5) ||
                  g_get_monotonic_time () > deadline)
                break;
              ui_spin (50);
            }
          if (bounds.size.height > page)
            continue;
          n_rows++;
          if (bounds.origin.y + bounds.size.height > page / 2)
            n_low++;
          g_test_message ("%s, Tab %u: a %s at %g–%g of %g", views[v], i, G_OBJECT_TYPE_NAME (row),
                          bounds.origin.y, bounds.origin.y + bounds.size.height, page);
          g_assert_cmpfloat (bounds.origin.y, >=, -0.5);
          g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, page + 0.5);
        }
    }
  /* The Tabs went through rows, and down the pages. */
  g_assert_cmpuint (n_rows, >, 3);
  g_assert_cmpuint (n_low, >, 0);

  ui_window_free (window, app);
}

/* Tab into a behaviour card reaches its rating first, then Not
 * Applicable, then the rest of the rating's buttons: from the card
 * above, as a person rating one behaviour after another goes. */
static void
test_keys_behaviour_row_order (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *above = NULL, *row = NULL;
  GtkWidget *expected[4];

  /* Rated, so that Clear Rating is one of the stops. */
  ladder_profile_rate (profile, "b2", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "s", "craft"));
  ui_wait_for (category_rows_shown_cb, window, "the category's behaviours");
  ui_spin (200);
  ui_find_all (visible_page (window), LADDER_TYPE_BEHAVIOUR_ROW, rows);
  for (guint i = 1; i < rows->len; i++)
    if (ladder_behaviour_row_get_behaviour (rows->pdata[i]) != NULL &&
        g_str_equal (ladder_behaviour_get_id (ladder_behaviour_row_get_behaviour (rows->pdata[i])), "b2"))
      {
        above = rows->pdata[i - 1];
        row = rows->pdata[i];
      }
  g_assert_nonnull (row);

  expected[0] = ui_find (row, "rating_group", ADW_TYPE_TOGGLE_GROUP);
  expected[1] = ui_find (row, "not_applicable_button", GTK_TYPE_BUTTON);
  expected[2] = ui_find (row, "clear_button", GTK_TYPE_BUTTON);
  expected[3] = ui_find (row, "make_focus_button", GTK_TYPE_BUTTON);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_nonnull (expected[i]);

  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  g_assert_true (gtk_widget_grab_focus (ui_find (above, "add_button", GTK_TYPE_BUTTON)));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GtkWidget *focus;

      ui_send_key (GTK_WIDGET (window), GDK_KEY_Tab, 0);
      ui_spin (150);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      /* The list's item, around the card, is a stop of its own. */
      if (i == 0 && focus != NULL && gtk_widget_is_ancestor (row, focus))
        {
          ui_send_key (GTK_WIDGET (window), GDK_KEY_Tab, 0);
          ui_spin (150);
          focus = gtk_root_get_focus (GTK_ROOT (window));
        }
      g_test_message ("Tab %u: %s", i, focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");
      g_assert_nonnull (focus);
      g_assert_true (focus == expected[i] || gtk_widget_is_ancestor (focus, expected[i]));
    }

  ui_window_free (window, app);
}

static gboolean
checkin_page_shown_cb (gpointer data)
{
  return LADDER_IS_CHECKIN_PAGE (visible_page (data));
}

/* Tab never stops on an empty agenda: neither the Check-ins page's list
 * of open topics nor the check-in's line that says there are none. */
static void
test_keys_empty_agenda (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  GtkWidget *checkins, *agenda_list, *placeholder = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n_stops = 0;

  ui_show_small_profile (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "checkins"));
  checkins = ui_find (GTK_WIDGET (window), "checkins_page", LADDER_TYPE_CHECKINS_PAGE);
  agenda_list = ui_find (ui_find (checkins, NULL, LADDER_TYPE_AGENDA_GROUP), "list", GTK_TYPE_LIST_BOX);
  ui_spin (300);
  gtk_widget_grab_focus (ui_find (checkins, NULL, ADW_TYPE_ENTRY_ROW));
  for (guint i = 0; i < 6; i++)
    {
      GtkWidget *focus;

      ui_send_key (GTK_WIDGET (window), GDK_KEY_Tab, 0);
      ui_spin (60);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_true (focus != agenda_list);
      g_assert_false (focus != NULL && gtk_widget_is_ancestor (focus, agenda_list));
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-checkin", NULL));
  ui_wait_for (checkin_page_shown_cb, window, "the check-in");
  ui_spin (500);
  ui_find_all (ui_find (visible_page (window), "agenda_group", ADW_TYPE_PREFERENCES_GROUP),
               ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 1);
  placeholder = g_ptr_array_index (rows, 0);
  g_assert_true (gtk_widget_get_mapped (placeholder));

  for (guint i = 0; i < 40; i++)
    {
      GtkWidget *focus;

      ui_send_key (GTK_WIDGET (window), GDK_KEY_Tab, 0);
      ui_spin (60);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus != NULL && gtk_widget_is_ancestor (focus, visible_page (window)))
        n_stops++;
      g_assert_true (focus != placeholder);
      g_assert_false (focus != NULL && gtk_widget_is_ancestor (focus, placeholder));
    }
  g_assert_cmpuint (n_stops, >, 3);

  ui_window_free (window, app);
}

static gboolean
prepare_shown_cb (gpointer data)
{
  return LADDER_IS_PREPARE_PAGE (visible_page (data));
}

/* Ctrl+Shift+E on Prepare 1:1 exports the page, as its button does,
 * not the profile's summary. */
static void
test_keys_prepare_export (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *chooser;
  g_autofree char *name = NULL;

  /* Nothing exported yet, and a home folder that exists (the test's
   * own is only named). */
  g_settings_reset (settings, "last-export-folder");
  g_assert_no_errno (g_mkdir_with_parents (g_get_home_dir (), 0700));
  ui_show_small_profile (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.prepare", NULL));
  ui_wait_for (prepare_shown_cb, window, "Prepare 1:1");
  ui_spin (300);

  ui_send_key (GTK_WIDGET (window), GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  ui_wait_for (file_chooser_shown_cb, NULL, "the export's file chooser");
  chooser = shown_file_chooser ();
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_assert_cmpstr (name, ==, "Prepare 1-1 Sam Tester.pdf");
  g_assert_null (ui_visible_dialog (window));
  /* Nothing exported yet: the Documents folder (else home), as the
   * other exports, not the folder the app was started in. */
  {
    const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
    g_autofree char *expected = g_strdup (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR)
                                          ? documents : g_get_home_dir ());

    ui_wait_for (file_chooser_in_cb, expected, "the chooser in the Documents folder");
  }
  file_chooser_respond (chooser, NULL);

  ui_window_free (window, app);
}

static gboolean
dialog_shown_cb (gpointer data)
{
  return ui_visible_dialog (data) != NULL;
}

/* Ctrl+N with no profile yet opens New Profile. */
static void
test_keys_welcome_new (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "welcome");
  ui_spin (300);

  ui_send_key (GTK_WIDGET (window), GDK_KEY_n, GDK_CONTROL_MASK);
  ui_wait_for (dialog_shown_cb, window, "a dialog");
  g_assert_true (LADDER_IS_PROFILE_DIALOG (ui_visible_dialog (window)));

  adw_dialog_force_close (ui_visible_dialog (window));
  ui_window_free (window, app);
}

static gboolean
visible_cb (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* Add Link's ✓ shows only for a link Ladder opens; Enter adds it. */
static void
test_keys_add_link_button (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  GtkWidget *entry_row, *button;
  AdwDialog *dialog;

  ui_show_small_profile (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-evidence", NULL));
  dialog = ui_visible_dialog (window);
  ui_spin (500);
  entry_row = ui_find (GTK_WIDGET (dialog), "link_entry", ADW_TYPE_ENTRY_ROW);
  button = ui_find (entry_row, "add_link_button", GTK_TYPE_BUTTON);

  gtk_widget_grab_focus (entry_row);
  g_assert_false (gtk_widget_get_visible (button));
  gtk_editable_set_text (GTK_EDITABLE (entry_row), "pull/42");
  g_assert_false (gtk_widget_get_visible (button));
  gtk_editable_set_text (GTK_EDITABLE (entry_row), "javascript:alert(1)");
  g_assert_false (gtk_widget_get_visible (button));
  gtk_editable_set_text (GTK_EDITABLE (entry_row), "https://example.com/pull/42");
  ui_wait_for (visible_cb, button, "the ✓");

  ui_send_key (GTK_WIDGET (window), GDK_KEY_Return, 0);
  ui_wait_for (one_link_cb, dialog, "the link added");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row)), ==, "");
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry_row));

  adw_dialog_force_close (dialog);
  ui_window_free (window, app);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/keys/undo-delete-profile", test_keys_undo_delete_profile);
  g_test_add_func ("/ladder/keys/sidebar-home", test_keys_sidebar_home);
  g_test_add_func ("/ladder/keys/undo-remove-link", test_keys_undo_remove_link);
  g_test_add_func ("/ladder/keys/undo-after-toast", test_keys_undo_after_toast);
  g_test_add_func ("/ladder/keys/export-enter", test_keys_export_enter);
  g_test_add_func ("/ladder/keys/edit-profile", test_keys_edit_profile);
  g_test_add_func ("/ladder/keys/f10", test_keys_f10);
  g_test_add_func ("/ladder/keys/toast-spares-focus", test_keys_toast_spares_focus);
  g_test_add_func ("/ladder/keys/review-enter", test_keys_review_enter);
  g_test_add_func ("/ladder/keys/sidebar-focus", test_keys_sidebar_focus);
  g_test_add_func ("/ladder/keys/focus-row-in-view", test_keys_focus_row_in_view);
  g_test_add_func ("/ladder/keys/behaviour-row-order", test_keys_behaviour_row_order);
  g_test_add_func ("/ladder/keys/empty-agenda", test_keys_empty_agenda);
  g_test_add_func ("/ladder/keys/prepare-export", test_keys_prepare_export);
  g_test_add_func ("/ladder/keys/welcome-new", test_keys_welcome_new);
  g_test_add_func ("/ladder/keys/add-link-button", test_keys_add_link_button);

  return g_test_run ();
}
