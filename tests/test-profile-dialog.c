/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * New Profile and Edit Profile by keyboard: whose profile it is, a radio
 * group whose arrow keys move the choice; the framework cards are one Tab
 * stop whose arrow keys move between cards and choose, whose Space
 * chooses one (and never unchooses it) and whose Return creates; a level
 * list opens on the chosen level; a target below the current level is
 * refused, said in the dialog, the same way in both dialogs.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "ladder-behaviour-row.h"
#include "ladder-category-page.h"
#include "ladder-profile-dialog.h"
#include "ladder-profile-editor.h"
#include "ui-helpers.h"

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

static gboolean
focus_in_cb (gpointer data)
{
  GtkWidget *widget = data;

  return focus_in (LADDER_WINDOW (gtk_widget_get_root (widget)), widget);
}

static gboolean
focus_is_cb (gpointer data)
{
  return gtk_root_get_focus (gtk_widget_get_root (data)) == data;
}

static gboolean
mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
unmapped_cb (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

static void
tab (LadderWindow     *window,
     GtkDirectionType  direction)
{
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), direction));
}

/* Opens @row's list with Enter, checks that the focus is on the chosen
 * level, and chooses the level @steps away with the arrow keys and
 * Enter. */
static void
choose_level (LadderWindow *window,
              GtkWidget    *row,
              int           steps)
{
  GtkWidget *popover = ui_find (row, NULL, GTK_TYPE_POPOVER);
  GtkWidget *list = ui_find (popover, NULL, GTK_TYPE_LIST_VIEW);
  guint chosen = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  g_assert_true (focus_of (window) == row);
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Return, 0));
  ui_wait_for (mapped_cb, popover, "the list of levels");
  ui_wait_for (focus_in_cb, list, "the focus in the list of levels");
  /* On an item, not on the list as a whole. */
  g_assert_false (focus_of (window) == list);

  for (int i = 0; i < ABS (steps); i++)
    g_assert_true (ui_press_key (GTK_WIDGET (window), steps > 0 ? GDK_KEY_Down : GDK_KEY_Up, 0));
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Return, 0));
  ui_wait_for (unmapped_cb, popover, "the list of levels to close");
  /* The focus back on the row, for the next key. */
  ui_wait_for (focus_is_cb, row, "the focus back on the row");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, chosen + steps);
}

static gboolean
dialog_closed_cb (gpointer data)
{
  return ui_visible_dialog (data) == NULL;
}

static void
test_new_profile_keyboard (void)
{
  LadderApplication *app;
  LadderWindow *window = ui_window_new (&app);
  GtkWidget *dialog, *name_row, *role_row, *grid, *current_row, *target_row, *level_error;
  GtkSelectionModel *frameworks;
  GtkWidget *first_card;
  guint chosen;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-profile", NULL));
  dialog = GTK_WIDGET (ui_visible_dialog (window));
  g_assert_true (LADDER_IS_PROFILE_DIALOG (dialog));
  name_row = ui_find (dialog, "name_row", ADW_TYPE_ENTRY_ROW);
  role_row = ui_find (dialog, "role_row", ADW_TYPE_ENTRY_ROW);
  grid = ui_find (dialog, "framework_grid", GTK_TYPE_GRID_VIEW);
  current_row = ui_find (dialog, "current_row", ADW_TYPE_COMBO_ROW);
  target_row = ui_find (dialog, "target_row", ADW_TYPE_COMBO_ROW);
  level_error = ui_find (dialog, "level_error", GTK_TYPE_LABEL);
  frameworks = gtk_grid_view_get_model (GTK_GRID_VIEW (grid));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (frameworks)), >, 2);
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);

  /* The name first, so that a name typed at once goes there; whose
   * profile it is (the user's own, in a library with none) is the one
   * Tab stop before it. */
  ui_wait_for (focus_in_cb, name_row, "the focus on the name");
  g_assert_cmpstr (adw_dialog_get_title (ADW_DIALOG (dialog)), ==, "Your Profile");
  tab (window, GTK_DIR_TAB_BACKWARD);
  g_assert_true (focus_in (window, ui_find (dialog, "owner_group", ADW_TYPE_TOGGLE_GROUP)));
  tab (window, GTK_DIR_TAB_FORWARD);
  g_assert_true (focus_in (window, name_row));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Kim Keyboard");

  /* The cards are one Tab stop, both ways. */
  tab (window, GTK_DIR_TAB_FORWARD);
  g_assert_true (focus_in (window, role_row));
  tab (window, GTK_DIR_TAB_FORWARD);
  g_assert_true (focus_in (window, grid));
  first_card = focus_of (window);
  tab (window, GTK_DIR_TAB_FORWARD);
  g_assert_true (focus_of (window) == current_row);
  tab (window, GTK_DIR_TAB_BACKWARD);
  g_assert_true (focus_of (window) == first_card);
  tab (window, GTK_DIR_TAB_BACKWARD);
  g_assert_true (focus_in (window, role_row));
  tab (window, GTK_DIR_TAB_FORWARD);
  g_assert_true (focus_of (window) == first_card);

  /* Nothing chosen yet; Space chooses the focused card, and Space again
   * keeps it chosen. */
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (frameworks)), ==,
                    GTK_INVALID_LIST_POSITION);
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_space, 0));
  chosen = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (frameworks));
  g_assert_cmpuint (chosen, !=, GTK_INVALID_LIST_POSITION);
  g_assert_true (gtk_widget_is_sensitive (current_row));
  ui_press_key (GTK_WIDGET (window), GDK_KEY_space, 0);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (frameworks)), ==, chosen);
  g_assert_true (gtk_widget_get_sensitive (current_row));

  /* The arrow keys move between cards; Space chooses another. */
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Right, 0));
  g_assert_true (focus_in (window, grid));
  g_assert_false (focus_of (window) == first_card);
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_space, 0));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (frameworks)), !=, chosen);
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Left, 0));
  g_assert_true (focus_of (window) == first_card);
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_space, 0));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (frameworks)), ==, chosen);

  /* A framework of three levels or more, for the levels below. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (frameworks)); i++)
    {
      g_autoptr(LadderFramework) framework = g_list_model_get_item (G_LIST_MODEL (frameworks), i);

      if (g_list_model_get_n_items (ladder_framework_get_levels (framework)) >= 3)
        {
          gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (frameworks), i);
          break;
        }
    }
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (current_row)), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (target_row)), ==, 1);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (ui_find (dialog, "create_button", 0))));

  /* Current up past the target: the target follows. */
  tab (window, GTK_DIR_TAB_FORWARD);
  choose_level (window, current_row, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (target_row)), >=, 2);
  g_assert_false (gtk_widget_get_visible (level_error));

  /* A target below the current level: said, and Create refused. */
  tab (window, GTK_DIR_TAB_FORWARD);
  choose_level (window, target_row,
                -(int) adw_combo_row_get_selected (ADW_COMBO_ROW (target_row)));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (target_row)), ==, 0);
  g_assert_true (gtk_widget_get_visible (level_error));
  g_assert_true (gtk_widget_has_css_class (target_row, "error"));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (ui_find (dialog, "create_button", 0))));
  gtk_widget_activate_action (dialog, "profile.create", NULL);
  g_assert_true (ui_visible_dialog (window) == ADW_DIALOG (dialog));

  /* Set right, it creates. */
  choose_level (window, target_row, 2);
  g_assert_false (gtk_widget_get_visible (level_error));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (ui_find (dialog, "create_button", 0))));
  g_assert_true (gtk_widget_activate_action (dialog, "profile.create", NULL));
  ui_wait_for (dialog_closed_cb, window, "the dialog to close");
  g_assert_cmpstr (ladder_profile_get_name (_ladder_window_get_profile (window)), ==, "Kim Keyboard");
  g_assert_cmpint (ladder_profile_get_owner (_ladder_window_get_profile (window)), ==, LADDER_RATER_SELF);
  g_assert_cmpint (ladder_framework_get_level_index (
                     ladder_profile_get_framework (_ladder_window_get_profile (window)),
                     ladder_profile_get_target_level (_ladder_window_get_profile (window))),
                   ==, 2);

  ui_window_free (window, app);
}

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

typedef struct
{
  GtkWidget  *group;
  const char *name;
} Chosen;

static gboolean
chosen_cb (gpointer data)
{
  Chosen *chosen = data;

  return g_strcmp0 (adw_toggle_group_get_active_name (ADW_TOGGLE_GROUP (chosen->group)), chosen->name) == 0;
}

static void
set_true (gboolean *flag)
{
  *flag = TRUE;
}

static gboolean
is_true_cb (gpointer data)
{
  return *(gboolean *) data;
}

/* Space on a toggle presses it, and a button is clicked a moment after. */
static void
press_space_for (LadderWindow *window,
                 GtkWidget    *group,
                 const char   *name)
{
  Chosen chosen = { group, name };
  gboolean clicked = FALSE;
  GtkWidget *button = focus_of (window);
  gulong handler = g_signal_connect_swapped (button, "clicked", G_CALLBACK (set_true), &clicked);

  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_space, 0));
  /* The click itself, so that it comes before the next key. */
  ui_wait_for (is_true_cb, &clicked, "the toggle clicked");
  g_signal_handler_disconnect (button, handler);
  ui_wait_for (chosen_cb, &chosen, "the toggle chosen");
}

static gboolean
behaviour_rows_shown_cb (gpointer data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *nav = ui_find (GTK_WIDGET (data), "content_nav", ADW_TYPE_NAVIGATION_VIEW);
  AdwNavigationPage *page = adw_navigation_view_get_visible_page (ADW_NAVIGATION_VIEW (nav));

  if (!LADDER_IS_CATEGORY_PAGE (page))
    return FALSE;
  ui_find_all (GTK_WIDGET (page), LADDER_TYPE_BEHAVIOUR_ROW, rows);
  return rows->len > 0;
}

/* A manager adds someone they manage, all by keyboard: the dialog says
 * whose profile it makes, the profile is the manager's copy, and its
 * category page rates on the manager's side, with the engineer's own
 * rating beside it, read-only. A library that has the user's own profile
 * offers "Someone I Manage" first. */
static void
test_new_profile_manager (void)
{
  LadderApplication *app;
  LadderWindow *window = ui_window_new (&app);
  GtkWidget *dialog, *owner_group, *name_row, *role_row, *grid, *nav;
  GtkWidget *row, *rating_group, *other_rating;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(LadderCategory) category = NULL;
  LadderProfile *profile;
  GVariant *target;
  const char *behaviour_id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-profile", NULL));
  dialog = GTK_WIDGET (ui_visible_dialog (window));
  owner_group = ui_find (dialog, "owner_group", ADW_TYPE_TOGGLE_GROUP);
  name_row = ui_find (dialog, "name_row", ADW_TYPE_ENTRY_ROW);
  role_row = ui_find (dialog, "role_row", ADW_TYPE_ENTRY_ROW);
  grid = ui_find (dialog, "framework_grid", GTK_TYPE_GRID_VIEW);
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  ui_wait_for (focus_in_cb, name_row, "the focus on the name");
  tab (window, GTK_DIR_TAB_BACKWARD);
  g_assert_true (focus_in (window, owner_group));
  g_assert_cmpstr (adw_toggle_group_get_active_name (ADW_TOGGLE_GROUP (owner_group)), ==, "self");

  /* Right chooses "Someone I Manage", as in a radio group: the wording
   * follows; Space on it keeps it. */
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Right, 0));
  g_assert_true (focus_of (window) == toggle_button (owner_group, 1));
  g_assert_cmpstr (adw_toggle_group_get_active_name (ADW_TOGGLE_GROUP (owner_group)), ==, "manager");
  press_space_for (window, owner_group, "manager");
  g_assert_cmpstr (adw_dialog_get_title (ADW_DIALOG (dialog)), ==, "Their Profile");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (name_row)), ==, "Their Name");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (role_row)), ==, "Their Role");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ui_find (dialog, "create_button", 0))), ==, "_Add");

  /* Left back to "Me" (Home too), and again to "Someone I Manage". */
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Left, 0));
  g_assert_cmpstr (adw_toggle_group_get_active_name (ADW_TOGGLE_GROUP (owner_group)), ==, "self");
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_End, 0));
  g_assert_cmpstr (adw_toggle_group_get_active_name (ADW_TOGGLE_GROUP (owner_group)), ==, "manager");
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Home, 0));
  press_space_for (window, owner_group, "self");
  g_assert_cmpstr (adw_dialog_get_title (ADW_DIALOG (dialog)), ==, "Your Profile");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (name_row)), ==, "Name");
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Right, 0));
  press_space_for (window, owner_group, "manager");
  g_assert_cmpstr (adw_dialog_get_title (ADW_DIALOG (dialog)), ==, "Their Profile");

  /* Name, role, a framework, and Enter in the name adds them. */
  tab (window, GTK_DIR_TAB_FORWARD);
  g_assert_true (focus_in (window, name_row));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Alex Report");
  tab (window, GTK_DIR_TAB_FORWARD);
  gtk_editable_set_text (GTK_EDITABLE (role_row), "Backend Engineer");
  tab (window, GTK_DIR_TAB_FORWARD);
  g_assert_true (focus_in (window, grid));
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_space, 0));
  gtk_widget_grab_focus (name_row);
  g_signal_emit_by_name (name_row, "entry-activated");
  ui_wait_for (dialog_closed_cb, window, "the dialog to close");

  profile = _ladder_window_get_profile (window);
  g_assert_cmpstr (ladder_profile_get_name (profile), ==, "Alex Report");
  g_assert_cmpstr (ladder_profile_get_role (profile), ==, "Backend Engineer");
  g_assert_cmpint (ladder_profile_get_owner (profile), ==, LADDER_RATER_MANAGER);

  /* The engineer's own rating, as a merge of their copy brings it. */
  category = g_list_model_get_item (ladder_framework_get_categories (ladder_profile_get_framework (profile)), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "s",
                                             ladder_category_get_id (category)));
  ui_wait_for (behaviour_rows_shown_cb, window, "the category's behaviours");
  nav = ui_find (GTK_WIDGET (window), "content_nav", ADW_TYPE_NAVIGATION_VIEW);
  ui_find_all (GTK_WIDGET (adw_navigation_view_get_visible_page (ADW_NAVIGATION_VIEW (nav))),
               LADDER_TYPE_BEHAVIOUR_ROW, rows);
  row = rows->pdata[0];
  rating_group = ui_find (row, "rating_group", ADW_TYPE_TOGGLE_GROUP);
  other_rating = ui_find (row, "other_rating", GTK_TYPE_LABEL);
  /* The row's "Add Evidence" names its behaviour. */
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (ui_find (row, "add_button", 0)));
  g_assert_nonnull (target);
  behaviour_id = g_variant_get_string (target, NULL);
  ladder_profile_rate (profile, behaviour_id, LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (other_rating)), ==, "Engineer: Consistently");
  g_assert_cmpint (adw_toggle_group_get_active (ADW_TOGGLE_GROUP (rating_group)), ==,
                   GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (rating_group), ==, "Your rating, as their manager");

  /* The keys rate the manager's side; the engineer's stays as it was. */
  g_assert_true (gtk_widget_grab_focus (rating_group));
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Right, 0));
  g_assert_cmpint (ladder_profile_get_rating_value (profile, behaviour_id, LADDER_RATER_MANAGER), ==,
                   LADDER_RATING_SOMETIMES);
  g_assert_cmpint (ladder_profile_get_rating_value (profile, behaviour_id, LADDER_RATER_SELF), ==,
                   LADDER_RATING_CONSISTENTLY);
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Delete, 0));
  g_assert_cmpint (ladder_profile_get_rating_value (profile, behaviour_id, LADDER_RATER_MANAGER), ==,
                   LADDER_RATING_UNRATED);
  g_assert_cmpint (ladder_profile_get_rating_value (profile, behaviour_id, LADDER_RATER_SELF), ==,
                   LADDER_RATING_CONSISTENTLY);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (other_rating)), ==, "Engineer: Consistently");

  /* A second New Profile: the library has only someone the user
   * manages, so "Someone I Manage" comes first; so it does once it has
   * a profile of the user's own. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-profile", NULL));
  dialog = GTK_WIDGET (ui_visible_dialog (window));
  g_assert_cmpstr (adw_dialog_get_title (ADW_DIALOG (dialog)), ==, "Their Profile");
  adw_dialog_close (ADW_DIALOG (dialog));
  ui_wait_for (dialog_closed_cb, window, "the dialog to close");
  ladder_profile_set_owner (profile, LADDER_RATER_SELF);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-profile", NULL));
  dialog = GTK_WIDGET (ui_visible_dialog (window));
  g_assert_cmpstr (adw_dialog_get_title (ADW_DIALOG (dialog)), ==, "Their Profile");
  g_assert_cmpstr (adw_toggle_group_get_active_name (ADW_TOGGLE_GROUP (ui_find (dialog, "owner_group", 0))),
                   ==, "manager");
  adw_dialog_close (ADW_DIALOG (dialog));
  ui_wait_for (dialog_closed_cb, window, "the dialog to close");

  ui_window_free (window, app);
}

/* A key as the toolkit hands it out: to the grid's own controllers that
 * come before its children's (the capture phase), then from the focus
 * up. */
static void
press_in_grid (LadderWindow *window,
               GtkWidget    *grid,
               guint         keyval)
{
  if (!ui_press_captured_key (grid, keyval))
    g_assert_true (ui_press_key (GTK_WIDGET (window), keyval, 0));
}

typedef struct
{
  LadderWindow *window;
  GtkWidget    *card;
} CardWait;

static gboolean
focus_on_card_cb (gpointer data)
{
  CardWait *wait = data;

  return focus_in (wait->window, wait->card);
}

/* The framework cards are radio buttons: from the card Tab reached, the
 * first Right moves on to the next card and chooses it, Return on a card
 * creates the profile once the form is valid, and the next New Profile
 * offers the framework of the profile made last, even with no profile
 * shown. */
static void
test_new_profile_cards (void)
{
  LadderApplication *app;
  LadderWindow *window = ui_window_new (&app);
  LadderLibrary *library = _ladder_window_get_library (window);
  GtkWidget *dialog, *name_row, *grid, *first_card;
  GtkSelectionModel *frameworks;
  g_autoptr(LadderFramework) second = NULL;
  LadderProfile *profile;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-profile", NULL));
  dialog = GTK_WIDGET (ui_visible_dialog (window));
  name_row = ui_find (dialog, "name_row", ADW_TYPE_ENTRY_ROW);
  grid = ui_find (dialog, "framework_grid", GTK_TYPE_GRID_VIEW);
  frameworks = gtk_grid_view_get_model (GTK_GRID_VIEW (grid));
  second = g_list_model_get_item (G_LIST_MODEL (frameworks), 1);
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  ui_wait_for (focus_in_cb, name_row, "the focus on the name");

  /* Return on a card with no name yet chooses it and creates nothing. */
  tab (window, GTK_DIR_TAB_FORWARD);
  tab (window, GTK_DIR_TAB_FORWARD);
  g_assert_true (focus_in (window, grid));
  first_card = focus_of (window);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (frameworks)), ==,
                    GTK_INVALID_LIST_POSITION);

  /* The first Right moves on from the card Tab reached, and chooses. */
  press_in_grid (window, grid, GDK_KEY_Right);
  g_assert_true (focus_in (window, grid));
  g_assert_false (focus_of (window) == first_card);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (frameworks)), ==, 1);
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Return, 0));
  ui_spin (100);
  g_assert_true (ui_visible_dialog (window) == ADW_DIALOG (dialog));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (frameworks)), ==, 1);

  /* Named, Return on the card creates the profile on that framework. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Robin Return");
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Return, 0));
  ui_wait_for (dialog_closed_cb, window, "the dialog to close");
  profile = _ladder_window_get_profile (window);
  g_assert_cmpstr (ladder_profile_get_name (profile), ==, "Robin Return");
  g_assert_cmpstr (ladder_framework_get_id (ladder_profile_get_framework (profile)), ==,
                   ladder_framework_get_id (second));

  /* The next New Profile offers it, and Tab enters the cards on it:
   * Right moves on from there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-profile", NULL));
  dialog = GTK_WIDGET (ui_visible_dialog (window));
  name_row = ui_find (dialog, "name_row", ADW_TYPE_ENTRY_ROW);
  grid = ui_find (dialog, "framework_grid", GTK_TYPE_GRID_VIEW);
  frameworks = gtk_grid_view_get_model (GTK_GRID_VIEW (grid));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (frameworks)), ==, 1);
  ui_wait_for (focus_in_cb, name_row, "the focus on the name");
  tab (window, GTK_DIR_TAB_FORWARD);
  tab (window, GTK_DIR_TAB_FORWARD);
  g_assert_true (focus_in (window, grid));
  /* On the chosen card, the second, not the first. */
  {
    GtkWidget *second_card = gtk_widget_get_next_sibling (gtk_widget_get_first_child (grid));
    CardWait wait = { window, second_card };

    ui_wait_for (focus_on_card_cb, &wait, "the focus on the chosen card");
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (frameworks)), >, 2);
  press_in_grid (window, grid, GDK_KEY_Right);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (frameworks)), ==, 2);
  press_in_grid (window, grid, GDK_KEY_Left);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (frameworks)), ==, 1);
  adw_dialog_close (ADW_DIALOG (dialog));
  ui_wait_for (dialog_closed_cb, window, "the dialog to close");

  /* With no profile shown, the next one offers that framework. */
  adw_dialog_present (ladder_profile_dialog_new (library, NULL), GTK_WIDGET (window));
  dialog = GTK_WIDGET (ui_visible_dialog (window));
  grid = ui_find (dialog, "framework_grid", GTK_TYPE_GRID_VIEW);
  frameworks = gtk_grid_view_get_model (GTK_GRID_VIEW (grid));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (frameworks)), ==, 1);
  adw_dialog_close (ADW_DIALOG (dialog));
  ui_wait_for (dialog_closed_cb, window, "the dialog to close");

  ui_window_free (window, app);
}

/* Edit Profile keeps current and target levels consistent as New Profile
 * does. */
static void
test_edit_profile_levels (void)
{
  LadderApplication *app;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  g_autoptr(LadderLevel) l3 = ladder_level_new ("3", "Level 3", NULL);
  GtkWidget *dialog, *current_row, *target_row, *level_error, *save_button;

  ladder_framework_add_level (ladder_profile_get_framework (profile), l3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-profile", NULL));
  dialog = GTK_WIDGET (ui_visible_dialog (window));
  g_assert_true (LADDER_IS_PROFILE_EDITOR (dialog));
  current_row = ui_find (dialog, "current_row", ADW_TYPE_COMBO_ROW);
  target_row = ui_find (dialog, "target_row", ADW_TYPE_COMBO_ROW);
  level_error = ui_find (dialog, "level_error", GTK_TYPE_LABEL);
  save_button = ui_find (dialog, "save_button", GTK_TYPE_BUTTON);
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  ui_wait_for (focus_in_cb, ui_find (dialog, "name_row", 0), "the focus in the name");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (current_row)), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (target_row)), ==, 1);

  /* Name, role, current level. */
  tab (window, GTK_DIR_TAB_FORWARD);
  tab (window, GTK_DIR_TAB_FORWARD);
  choose_level (window, current_row, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (target_row)), ==, 2);
  g_assert_false (gtk_widget_get_visible (level_error));

  /* Back down: the target stays where it is, above. */
  choose_level (window, current_row, -1);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (target_row)), ==, 2);

  /* Past the promotion row's date button to the target. */
  gtk_widget_grab_focus (target_row);
  choose_level (window, target_row, -2);
  g_assert_true (gtk_widget_get_visible (level_error));
  g_assert_false (gtk_widget_is_sensitive (save_button));
  gtk_widget_activate_action (dialog, "profile-editor.save", NULL);
  g_assert_true (ui_visible_dialog (window) == ADW_DIALOG (dialog));
  g_assert_cmpstr (ladder_profile_get_target_level (profile), ==, "2");

  choose_level (window, target_row, 1);
  g_assert_false (gtk_widget_get_visible (level_error));
  g_assert_true (gtk_widget_is_sensitive (save_button));
  g_assert_true (gtk_widget_activate_action (dialog, "profile-editor.save", NULL));
  ui_wait_for (dialog_closed_cb, window, "the dialog to close");
  g_assert_cmpstr (ladder_profile_get_current_level (profile), ==, "2");
  g_assert_cmpstr (ladder_profile_get_target_level (profile), ==, "2");

  ui_window_free (window, app);
}

/* New Profile from a framework's page offers that framework, not the
 * one of the profile shown before it. */
static void
test_new_profile_from_framework (void)
{
  LadderApplication *app;
  LadderWindow *window = ui_window_new (&app);
  LadderLibrary *library = _ladder_window_get_library (window);
  GListModel *all = ladder_library_get_frameworks (library);
  LadderProfile *profile = _ladder_window_get_profile (window);
  LadderFramework *of_profile = profile != NULL ? ladder_profile_get_framework (profile) : NULL;
  g_autoptr(LadderFramework) framework = NULL;
  GtkSelectionModel *frameworks;
  GtkWidget *dialog;
  guint position = GTK_INVALID_LIST_POSITION;

  g_assert_cmpuint (g_list_model_get_n_items (all), >, 1);
  /* One the shown profile is not on. */
  for (guint i = 0; i < g_list_model_get_n_items (all) && position == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(LadderFramework) candidate = g_list_model_get_item (all, i);

      if (of_profile == NULL ||
          g_strcmp0 (ladder_framework_get_id (candidate), ladder_framework_get_id (of_profile)) != 0)
        {
          position = i;
          framework = g_steal_pointer (&candidate);
        }
    }
  g_assert_nonnull (framework);

  _ladder_window_select (window, G_OBJECT (framework));
  g_assert_true (_ladder_window_get_shown_framework (window) == framework);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-profile", NULL));
  dialog = GTK_WIDGET (ui_visible_dialog (window));
  frameworks = gtk_grid_view_get_model (GTK_GRID_VIEW (ui_find (dialog, "framework_grid", GTK_TYPE_GRID_VIEW)));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (frameworks)), ==, position);
  adw_dialog_close (ADW_DIALOG (dialog));
  ui_wait_for (dialog_closed_cb, window, "the dialog to close");

  ui_window_free (window, app);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/profile-dialog/new-by-keyboard", test_new_profile_keyboard);
  g_test_add_func ("/ladder/profile-dialog/someone-i-manage", test_new_profile_manager);
  g_test_add_func ("/ladder/profile-dialog/cards", test_new_profile_cards);
  g_test_add_func ("/ladder/profile-dialog/from-framework", test_new_profile_from_framework);
  g_test_add_func ("/ladder/profile-dialog/edit-levels", test_edit_profile_levels);

  return g_test_run ();
}
