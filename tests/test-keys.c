/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys pressed as a person presses them: X key events that the toolkit
 * routes through the window, its dialogs and the focused field, rather
 * than a binding activated by hand (see ui_send_key()). */

#include "config.h"

#include "ladder-agenda-group.h"
#include "ladder-behaviour-row.h"
#include "ladder-category-page.h"
#include "ladder-evidence-editor.h"
#include "ladder-export-dialog.h"
#include "ladder-profile-editor.h"
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
  g_signal_emit_by_name (entry_row, "apply");
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

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/keys/undo-delete-profile", test_keys_undo_delete_profile);
  g_test_add_func ("/ladder/keys/undo-remove-link", test_keys_undo_remove_link);
  g_test_add_func ("/ladder/keys/undo-after-toast", test_keys_undo_after_toast);
  g_test_add_func ("/ladder/keys/export-enter", test_keys_export_enter);
  g_test_add_func ("/ladder/keys/edit-profile", test_keys_edit_profile);
  g_test_add_func ("/ladder/keys/f10", test_keys_f10);
  g_test_add_func ("/ladder/keys/toast-spares-focus", test_keys_toast_spares_focus);

  return g_test_run ();
}
