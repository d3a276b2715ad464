/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rating behaviours on a category page: the counts on screen follow at
 * once and the profile's file changes.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "ladder-behaviour-row.h"
#include "ladder-category-card.h"
#include "ladder-category-page.h"
#include "ladder-progress-page.h"
#include "ui-helpers.h"

static GtkWidget *
visible_category_page (LadderWindow *window)
{
  GtkWidget *nav = ui_find (GTK_WIDGET (window), "content_nav", ADW_TYPE_NAVIGATION_VIEW);
  AdwNavigationPage *page = adw_navigation_view_get_visible_page (ADW_NAVIGATION_VIEW (nav));

  return LADDER_IS_CATEGORY_PAGE (page) ? GTK_WIDGET (page) : NULL;
}

static gboolean
rows_shown_cb (gpointer data)
{
  GtkWidget *page = visible_category_page (data);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  if (page == NULL)
    return FALSE;
  ui_find_all (page, LADDER_TYPE_BEHAVIOUR_ROW, rows);
  return rows->len == 3;
}

static GtkWidget *
row_with_text (GtkWidget  *page,
               const char *text)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  ui_find_all (page, LADDER_TYPE_BEHAVIOUR_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *label = ui_find (g_ptr_array_index (rows, i), "text", GTK_TYPE_LABEL);

      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) == 0)
        return g_ptr_array_index (rows, i);
    }

  return NULL;
}

static void
test_ratings_update_counts_and_file (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  GtkWidget *progress;
  GtkWidget *page;
  GtkWidget *row;
  GtkWidget *text;
  GtkWidget *subtitle;
  GtkWidget *group;
  g_autofree char *before = NULL;

  /* Written once on creation, so that the change below is a change. */
  ladder_profile_set_role (profile, "Engineer");
  ui_spin (600);
  ui_wait_saved (window);
  before = ui_read_file (ladder_profile_get_file (profile));
  g_assert_null (strstr (before, "consistently"));

  progress = ui_find (GTK_WIDGET (window), "progress_page", LADDER_TYPE_PROGRESS_PAGE);
  subtitle = ui_find (progress, "level_subtitle", GTK_TYPE_LABEL);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (subtitle)), "0 of 3"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "s", "craft"));
  ui_wait_for (rows_shown_cb, window, "the category's behaviours");
  page = visible_category_page (window);

  /* Text from a framework is never markup. */
  row = row_with_text (page, "<b>x</b> & y");
  g_assert_nonnull (row);
  text = ui_find (row, "text", GTK_TYPE_LABEL);
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (text)));

  /* Rating through the toggle group: the model, the counts and the file. */
  group = ui_find (row, "rating_group", ADW_TYPE_TOGGLE_GROUP);
  adw_toggle_group_set_active_name (ADW_TOGGLE_GROUP (group), "consistently");
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b1", LADDER_RATER_SELF), ==,
                   LADDER_RATING_CONSISTENTLY);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (subtitle)), "1 of 3"));

  ui_wait_file_has (ladder_profile_get_file (profile), "\"consistently\"",
                    "the rating in the file");

  /* "Sometimes" does not count as shown. */
  row = row_with_text (page, "Writes tests");
  group = ui_find (row, "rating_group", ADW_TYPE_TOGGLE_GROUP);
  adw_toggle_group_set_active_name (ADW_TOGGLE_GROUP (group), "sometimes");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (subtitle)), "1 of 3"));
  ui_wait_file_has (ladder_profile_get_file (profile), "\"sometimes\"",
                    "the second rating in the file");

  /* A rating made elsewhere shows in the row at once. */
  ladder_profile_rate (profile, "b2", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  g_assert_cmpstr (adw_toggle_group_get_active_name (ADW_TOGGLE_GROUP (group)), ==, "consistently");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (subtitle)), "2 of 3"));

  ui_window_free (window, app);
}

/* The buttons of a rating group's toggles, in order. */
static GtkWidget *
toggle_button (GtkWidget *group,
               guint      position)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (group); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child) && n++ == position)
      return child;

  g_assert_not_reached ();
}

/* A key press as the group's key controllers get it from the toolkit,
 * one after the other until one takes it. */
static gboolean
press_key (GtkWidget *group,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (group);
  gboolean handled = FALSE;
  guint n_keys = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          n_keys++;
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0,
                                 &handled);
        }
    }
  g_assert_cmpuint (n_keys, >, 0);

  return handled;
}

static GtkWidget *
focus_of (LadderWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
focus_in (LadderWindow *window,
          GtkWidget    *widget)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The chosen toggle is the focused one, checked for assistive technology,
 * and the others are not. */
static void
assert_chosen (LadderWindow *window,
               GtkWidget    *group,
               guint         position)
{
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (group), GTK_ACCESSIBLE_ROLE_RADIO_GROUP);
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *button = toggle_button (group, i);

      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_ROLE_RADIO);
      gtk_test_accessible_assert_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_CHECKED,
                                        i == position ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                      : GTK_ACCESSIBLE_TRISTATE_FALSE);
    }
  g_assert_cmpuint (adw_toggle_group_get_active (ADW_TOGGLE_GROUP (group)), ==, position);
  g_assert_true (focus_of (window) == toggle_button (group, position));
}

typedef struct
{
  GFile             *file;
  const char        *behaviour_id;
  LadderRater        rater;
  LadderRatingValue  value;
  gboolean           stamped;
} FileRating;

static gboolean
file_has_rating_cb (gpointer data)
{
  FileRating *want = data;
  g_autoptr(LadderProfile) saved = ladder_format_load_profile (want->file, NULL, NULL);
  LadderRating *rating;

  if (saved == NULL)
    return FALSE;
  rating = ladder_profile_get_rating (saved, want->behaviour_id);
  if (rating == NULL)
    return FALSE;
  return ladder_rating_get_value (rating, want->rater) == want->value &&
         (ladder_rating_get_updated (rating, want->rater) != NULL) == want->stamped;
}

/* Waits until autosave has written @value (a cleared side keeps its time). */
static void
wait_file_rating (LadderProfile     *profile,
                  const char        *behaviour_id,
                  LadderRater        rater,
                  LadderRatingValue  value)
{
  FileRating want = { ladder_profile_get_file (profile), behaviour_id, rater, value, TRUE };

  ui_wait_for (file_has_rating_cb, &want, "the rating in the saved file");
}

/* The Undo buttons of the toasts on screen, a replaced one included
 * while it slides away. */
static GPtrArray *
find_undo_buttons (GtkWidget *window)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GPtrArray *undo = g_ptr_array_new ();

  ui_find_all (window, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkButton *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_button_get_label (button), "_Undo") == 0 &&
          gtk_widget_get_mapped (GTK_WIDGET (button)))
        g_ptr_array_add (undo, button);
    }

  return undo;
}

static gboolean
one_undo_shown_cb (gpointer data)
{
  g_autoptr(GPtrArray) undo = find_undo_buttons (data);

  return undo->len == 1;
}

/* A quick series of changes leaves one toast, whose Undo is clicked. */
static void
click_undo (LadderWindow *window)
{
  g_autoptr(GPtrArray) undo = NULL;

  ui_wait_for (one_undo_shown_cb, window, "one undo toast");
  undo = find_undo_buttons (GTK_WIDGET (window));
  g_signal_emit_by_name (g_ptr_array_index (undo, 0), "clicked");
}

static GtkWidget *
show_craft (LadderWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "s", "craft"));
  ui_wait_for (rows_shown_cb, window, "the category's behaviours");
  return visible_category_page (window);
}

/* The rating is one focus stop whose arrow keys move the choice, as a
 * radio group's do, on either side of the copy. */
static void
check_keyboard (LadderRater owner)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  LadderRater other = owner == LADDER_RATER_SELF ? LADDER_RATER_MANAGER : LADDER_RATER_SELF;
  GtkWidget *page, *row, *group;

  ladder_profile_set_owner (profile, owner);
  page = show_craft (window);
  row = row_with_text (page, "Writes tests");
  group = ui_find (row, "rating_group", ADW_TYPE_TOGGLE_GROUP);
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);

  /* Not rated: the group takes the focus on its first toggle, none checked. */
  g_assert_true (gtk_widget_grab_focus (group));
  g_assert_true (focus_of (window) == toggle_button (group, 0));
  for (guint i = 0; i < 3; i++)
    gtk_test_accessible_assert_state (GTK_ACCESSIBLE (toggle_button (group, i)),
                                      GTK_ACCESSIBLE_STATE_CHECKED, GTK_ACCESSIBLE_TRISTATE_FALSE);

  /* Right moves the focus and the choice together. */
  g_assert_true (press_key (group, GDK_KEY_Right));
  assert_chosen (window, group, 1);
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b2", owner), ==,
                   LADDER_RATING_SOMETIMES);
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b2", other), ==,
                   LADDER_RATING_UNRATED);

  g_assert_true (press_key (group, GDK_KEY_Right));
  assert_chosen (window, group, 2);
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b2", owner), ==,
                   LADDER_RATING_CONSISTENTLY);

  /* The ends stop the arrows. */
  g_assert_true (press_key (group, GDK_KEY_Right));
  assert_chosen (window, group, 2);

  g_assert_true (press_key (group, GDK_KEY_Home));
  assert_chosen (window, group, 0);
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b2", owner), ==,
                   LADDER_RATING_NOT_YET);
  g_assert_true (press_key (group, GDK_KEY_Left));
  assert_chosen (window, group, 0);

  g_assert_true (press_key (group, GDK_KEY_End));
  assert_chosen (window, group, 2);
  g_assert_true (press_key (group, GDK_KEY_Left));
  assert_chosen (window, group, 1);
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b2", owner), ==,
                   LADDER_RATING_SOMETIMES);

  /* Right to left: the first toggle is on the right, and the arrows
   * follow what is on screen. */
  gtk_widget_set_direction (group, GTK_TEXT_DIR_RTL);
  g_assert_true (press_key (group, GDK_KEY_Left));
  assert_chosen (window, group, 2);
  g_assert_true (press_key (group, GDK_KEY_Right));
  g_assert_true (press_key (group, GDK_KEY_Right));
  assert_chosen (window, group, 0);
  gtk_widget_set_direction (group, GTK_TEXT_DIR_NONE);

  /* Other keys are not the group's. */
  g_assert_false (press_key (group, GDK_KEY_Up));
  g_assert_false (press_key (group, GDK_KEY_a));

  g_assert_true (press_key (group, GDK_KEY_Right));
  assert_chosen (window, group, 1);
  wait_file_rating (profile, "b2", owner, LADDER_RATING_SOMETIMES);
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b2", other), ==,
                   LADDER_RATING_UNRATED);

  /* Tab leaves the group, and Shift+Tab comes back to it once, on the
   * chosen toggle. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  g_assert_false (focus_in (window, group));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_BACKWARD));
  g_assert_true (focus_of (window) == toggle_button (group, 1));
  gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_BACKWARD);
  g_assert_false (focus_in (window, group));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  g_assert_true (focus_of (window) == toggle_button (group, 1));

  ui_window_free (window, app);
}

static void
test_ratings_keyboard_self (void)
{
  check_keyboard (LADDER_RATER_SELF);
}

static void
test_ratings_keyboard_manager (void)
{
  check_keyboard (LADDER_RATER_MANAGER);
}

/* Delete clears a rating, so does the clear button, and Undo sets back
 * what was there, "not rated" included, as a change newer than the one
 * it undoes: a merge with a copy saved before the undo keeps the undo. */
static void
test_ratings_clear_and_undo (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  g_autoptr(LadderProfile) before_undo = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page, *row, *group, *clear, *other_row, *other_group;
  LadderRating *rating;
  g_autoptr(GDateTime) cleared_at = NULL;

  page = show_craft (window);
  row = row_with_text (page, "Writes tests");
  group = ui_find (row, "rating_group", ADW_TYPE_TOGGLE_GROUP);
  clear = ui_find (row, "clear_button", GTK_TYPE_BUTTON);
  g_assert_false (gtk_widget_get_visible (clear));

  /* Delete on a group with nothing to clear does nothing. */
  gtk_widget_grab_focus (group);
  g_assert_true (press_key (group, GDK_KEY_Delete));
  g_assert_null (ladder_profile_get_rating (profile, "b2"));

  g_assert_true (press_key (group, GDK_KEY_End));
  g_assert_true (gtk_widget_get_visible (clear));
  wait_file_rating (profile, "b2", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);

  /* Delete clears, keeping the time, and the focus stays on the group. */
  g_assert_true (press_key (group, GDK_KEY_Delete));
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b2", LADDER_RATER_SELF), ==,
                   LADDER_RATING_UNRATED);
  g_assert_cmpuint (adw_toggle_group_get_active (ADW_TOGGLE_GROUP (group)), ==,
                    GTK_INVALID_LIST_POSITION);
  g_assert_false (gtk_widget_get_visible (clear));
  g_assert_true (focus_in (window, group));
  wait_file_rating (profile, "b2", LADDER_RATER_SELF, LADDER_RATING_UNRATED);

  /* Undo brings the rating back. */
  click_undo (window);
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b2", LADDER_RATER_SELF), ==,
                   LADDER_RATING_CONSISTENTLY);
  g_assert_cmpuint (adw_toggle_group_get_active (ADW_TOGGLE_GROUP (group)), ==, 2);
  wait_file_rating (profile, "b2", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);

  /* BackSpace clears too; the clear button, for a pointer, as well. */
  g_assert_true (press_key (group, GDK_KEY_BackSpace));
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b2", LADDER_RATER_SELF), ==,
                   LADDER_RATING_UNRATED);
  click_undo (window);
  g_assert_true (gtk_widget_get_visible (clear));
  g_signal_emit_by_name (clear, "clicked");
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b2", LADDER_RATER_SELF), ==,
                   LADDER_RATING_UNRATED);
  wait_file_rating (profile, "b2", LADDER_RATER_SELF, LADDER_RATING_UNRATED);
  rating = ladder_profile_get_rating (profile, "b2");
  cleared_at = g_date_time_ref (ladder_rating_get_updated (rating, LADDER_RATER_SELF));

  /* A change from "not rated" by pointer, then one in another row: the
   * second toast replaces the first, and its Undo takes back only the
   * second change. */
  adw_toggle_group_set_active_name (ADW_TOGGLE_GROUP (group), "sometimes");
  other_row = row_with_text (page, "<b>x</b> & y");
  other_group = ui_find (other_row, "rating_group", ADW_TYPE_TOGGLE_GROUP);
  adw_toggle_group_set_active_name (ADW_TOGGLE_GROUP (other_group), "not-yet");
  click_undo (window);
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b1", LADDER_RATER_SELF), ==,
                   LADDER_RATING_UNRATED);
  /* "Not rated" again, as a clearing with its time, which a merge keeps. */
  g_assert_nonnull (ladder_rating_get_updated (ladder_profile_get_rating (profile, "b1"),
                                               LADDER_RATER_SELF));
  wait_file_rating (profile, "b1", LADDER_RATER_SELF, LADDER_RATING_UNRATED);
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b2", LADDER_RATER_SELF), ==,
                   LADDER_RATING_SOMETIMES);

  /* Of a quick series of steps, Undo takes back the last one, as a
   * change newer than it. */
  wait_file_rating (profile, "b2", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  gtk_widget_grab_focus (group);
  g_assert_true (press_key (group, GDK_KEY_Right));
  g_assert_true (press_key (group, GDK_KEY_Home));
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b2", LADDER_RATER_SELF), ==,
                   LADDER_RATING_NOT_YET);
  wait_file_rating (profile, "b2", LADDER_RATER_SELF, LADDER_RATING_NOT_YET);
  before_undo = ladder_format_load_profile (ladder_profile_get_file (profile), NULL, &error);
  g_assert_no_error (error);

  click_undo (window);
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b2", LADDER_RATER_SELF), ==,
                   LADDER_RATING_CONSISTENTLY);
  wait_file_rating (profile, "b2", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);

  /* A copy saved before the undo merges in either way to the undone
   * value: the undo is the newer change. */
  g_assert_true (ladder_merge_profiles (profile, before_undo, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b2", LADDER_RATER_SELF), ==,
                   LADDER_RATING_CONSISTENTLY);
  g_assert_true (ladder_merge_profiles (before_undo, profile, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ladder_profile_get_rating_value (before_undo, "b2", LADDER_RATER_SELF), ==,
                   LADDER_RATING_CONSISTENTLY);
  g_assert_cmpint (g_date_time_compare (ladder_rating_get_updated (rating, LADDER_RATER_SELF),
                                        cleared_at), >, 0);

  ui_window_free (window, app);
}

static gboolean
dialog_shown_cb (gpointer data)
{
  return ui_visible_dialog (data) != NULL;
}

static gboolean
no_dialog_cb (gpointer data)
{
  return ui_visible_dialog (data) == NULL;
}

static gboolean
focus_in_entry_cb (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));

  return focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) != NULL;
}

/* A key let go, as @widget's key controller gets it from the toolkit. */
static void
release_key (GtkWidget *widget,
             guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-released", keyval, 0, (GdkModifierType) 0);
    }
}

/* Opens the row's "Not Applicable…" from the keyboard: the button
 * focused, then Space, as a Tab and a key press do. */
static AdwAlertDialog *
open_not_applicable (LadderWindow *window,
                     GtkWidget    *row)
{
  GtkWidget *button = ui_find (row, "not_applicable_button", GTK_TYPE_BUTTON);
  AdwAlertDialog *dialog;
  GtkWidget *focus;

  g_assert_true (gtk_widget_get_focusable (button) || gtk_widget_get_can_focus (button));
  g_assert_true (gtk_widget_grab_focus (button));
  /* What Space does to a focused button: its key binding activates it,
   * and it acts when the key is let go. */
  g_assert_true (gtk_widget_activate (button));
  release_key (button, GDK_KEY_space);
  ui_wait_for (dialog_shown_cb, window, "the reason dialog");
  dialog = ADW_ALERT_DIALOG (ui_visible_dialog (window));

  /* Typing goes straight into the reason. */
  ui_wait_for (focus_in_entry_cb, window, "the focus in the reason");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (dialog)));

  return dialog;
}

/* "Not applicable" asks why, needs a reason, keeps it with the owner's
 * side, shows it, saves it, and its toast's Undo brings back the rating
 * before. */
static void
test_ratings_not_applicable (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  GtkWidget *page, *row, *group, *own_note, *button, *entry;
  AdwAlertDialog *dialog;
  LadderRating *rating;

  page = show_craft (window);
  row = row_with_text (page, "Writes tests");
  group = ui_find (row, "rating_group", ADW_TYPE_TOGGLE_GROUP);
  own_note = ui_find (row, "own_note", GTK_TYPE_LABEL);
  button = ui_find (row, "not_applicable_button", GTK_TYPE_BUTTON);
  adw_toggle_group_set_active_name (ADW_TOGGLE_GROUP (group), "sometimes");
  g_assert_false (gtk_widget_get_visible (own_note));

  /* Escape changes nothing, whatever was typed. */
  dialog = open_not_applicable (window, row);
  entry = GTK_WIDGET (adw_alert_dialog_get_extra_child (dialog));
  g_assert_false (adw_alert_dialog_get_response_enabled (dialog, "mark"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Typed, then thought better of it");
  g_assert_true (adw_alert_dialog_get_response_enabled (dialog, "mark"));
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Escape, 0));
  ui_wait_for (no_dialog_cb, window, "the dialog gone");
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b2", LADDER_RATER_SELF), ==,
                   LADDER_RATING_SOMETIMES);

  /* A reason of spaces is none; Enter with a reason marks it. */
  dialog = open_not_applicable (window, row);
  entry = GTK_WIDGET (adw_alert_dialog_get_extra_child (dialog));
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_alert_dialog_get_response_enabled (dialog, "mark"));
  gtk_editable_set_text (GTK_EDITABLE (entry), " No tests in this team's repos ");
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Return, 0));
  ui_wait_for (no_dialog_cb, window, "the dialog gone");

  rating = ladder_profile_get_rating (profile, "b2");
  g_assert_cmpint (ladder_rating_get_value (rating, LADDER_RATER_SELF), ==,
                   LADDER_RATING_NOT_APPLICABLE);
  g_assert_cmpstr (ladder_rating_get_note (rating, LADDER_RATER_SELF), ==,
                   "No tests in this team's repos");
  g_assert_null (ladder_rating_get_note (rating, LADDER_RATER_MANAGER));
  g_assert_cmpuint (adw_toggle_group_get_active (ADW_TOGGLE_GROUP (group)), ==,
                    GTK_INVALID_LIST_POSITION);
  g_assert_true (gtk_widget_get_visible (own_note));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (own_note)), "No tests in this team's repos"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Change the Reason…");
  wait_file_rating (profile, "b2", LADDER_RATER_SELF, LADDER_RATING_NOT_APPLICABLE);
  ui_wait_file_has (ladder_profile_get_file (profile),
                    "\"self_note\" : \"No tests in this team's repos\"", "the reason in the file");

  /* The dialog opens again on the reason given, to change it. */
  dialog = open_not_applicable (window, row);
  entry = GTK_WIDGET (adw_alert_dialog_get_extra_child (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "No tests in this team's repos");
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Escape, 0));
  ui_wait_for (no_dialog_cb, window, "the dialog gone");

  /* Undo: "Sometimes" again, with no reason. */
  click_undo (window);
  g_assert_cmpint (ladder_profile_get_rating_value (profile, "b2", LADDER_RATER_SELF), ==,
                   LADDER_RATING_SOMETIMES);
  g_assert_null (ladder_rating_get_note (rating, LADDER_RATER_SELF));
  g_assert_false (gtk_widget_get_visible (own_note));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Not Applicable…");
  wait_file_rating (profile, "b2", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);

  /* The other side's reason shows beside its rating. */
  rating = ladder_profile_ensure_rating (profile, "b1");
  ladder_profile_rate_with_note (profile, "b1", LADDER_RATER_MANAGER, LADDER_RATING_NOT_APPLICABLE,
                                 "Not in this role");
  row = row_with_text (page, "<b>x</b> & y");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (ui_find (row, "other_rating", GTK_TYPE_LABEL))),
                            "Not in this role"));

  ui_window_free (window, app);
}

static gboolean
grid_mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_first_child (data) != NULL &&
         gtk_widget_get_height (data) > 0;
}

/* The Progress tab's category cards are one Tab stop, a grid whose
 * arrow keys move between cards; Return opens the card's category. */
static void
test_ratings_category_cards_keys (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  GtkWidget *progress, *grid, *first_card, *page;

  ui_show_small_profile (window);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  progress = ui_find (GTK_WIDGET (window), "progress_page", LADDER_TYPE_PROGRESS_PAGE);
  grid = ui_find (progress, "grid", GTK_TYPE_GRID_VIEW);
  g_assert_cmpint (gtk_grid_view_get_tab_behavior (GTK_GRID_VIEW (grid)), ==, GTK_LIST_TAB_ITEM);

  ui_wait_for (grid_mapped_cb, grid, "the category cards");
  g_assert_true (gtk_widget_child_focus (grid, GTK_DIR_TAB_FORWARD));
  first_card = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (first_card);
  g_assert_true (gtk_widget_is_ancestor (first_card, grid));

  /* Right to the second card, Left back. */
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Right, 0));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), grid));
  g_assert_false (gtk_root_get_focus (GTK_ROOT (window)) == first_card);
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Left, 0));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == first_card);

  /* Tab leaves the grid rather than going to the next card. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), grid));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_BACKWARD));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == first_card);

  /* Return opens the category. */
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Return, 0));
  ui_wait_for (rows_shown_cb, window, "the category's page");
  page = visible_category_page (window);
  g_assert_nonnull (page);

  ui_window_free (window, app);
}

/* The category card of @name, once the Progress page shows it. */
static GtkWidget *
category_card (LadderWindow *window,
               const char   *name)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  ui_find_all (GTK_WIDGET (window), LADDER_TYPE_CATEGORY_CARD, cards);
  for (guint i = 0; i < cards->len; i++)
    if (g_str_equal (gtk_label_get_label (GTK_LABEL (ui_find (cards->pdata[i], "name", GTK_TYPE_LABEL))), name))
      return cards->pdata[i];

  return NULL;
}

static gboolean
category_card_shown_cb (gpointer data)
{
  return category_card (data, "People") != NULL;
}

/* A category with no behaviour at a level (frameworks often start some
 * at a later level) says so, rather than "0 of 0 shown" over an empty
 * bar. */
static void
test_ratings_category_card_empty_level (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  GtkWidget *card;

  gtk_window_present (GTK_WINDOW (window));
  ui_wait_for (category_card_shown_cb, window, "the category cards");

  /* Level 1, toward Level 2, where People has nothing. */
  card = category_card (window, "People");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (ui_find (card, "current", 0))), ==, "Level 1: 0 of 1 shown");
  g_assert_true (gtk_widget_get_visible (ui_find (card, "bar", 0)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (ui_find (card, "target", 0))), ==,
                   "Level 2: no behaviours at this level");

  /* At Level 2. */
  ladder_profile_set_current_level (profile, "2");
  card = category_card (window, "People");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (ui_find (card, "current", 0))), ==,
                   "Level 2: no behaviours at this level");
  g_assert_false (gtk_widget_get_visible (ui_find (card, "bar", 0)));
  card = category_card (window, "Craft");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (ui_find (card, "current", 0))), ==, "Level 2: 0 of 1 shown");
  g_assert_true (gtk_widget_get_visible (ui_find (card, "bar", 0)));

  ui_window_free (window, app);
}

int
main (int   argc,
      char *argv[])
{
  /* The toolkit's test backend keeps the accessible roles and states
   * that the keyboard tests read, and needs no session bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/ratings/counts-and-file", test_ratings_update_counts_and_file);
  g_test_add_func ("/ladder/ratings/keyboard", test_ratings_keyboard_self);
  g_test_add_func ("/ladder/ratings/keyboard-manager", test_ratings_keyboard_manager);
  g_test_add_func ("/ladder/ratings/clear-and-undo", test_ratings_clear_and_undo);
  g_test_add_func ("/ladder/ratings/not-applicable", test_ratings_not_applicable);
  g_test_add_func ("/ladder/ratings/category-cards-keys", test_ratings_category_cards_keys);
  g_test_add_func ("/ladder/ratings/category-card-empty-level", test_ratings_category_card_empty_level);

  return g_test_run ();
}
