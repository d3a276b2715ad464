/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Team view, under a real display (Xvfb) on an isolated library: its
 * empty state, the Team row of the sidebar, the cards, their orders and
 * framework filter, the keyboard, and the 1:1 cadence of Edit Profile.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "ladder-sidebar-row.h"
#include "ladder-team-card.h"
#include "ladder-team-view.h"
#include "ui-helpers.h"

static LadderTeamView *
team_view (LadderWindow *window)
{
  return LADDER_TEAM_VIEW (_ladder_window_get_team_view (window));
}

/* A profile of @framework in the window's library: the manager's copy
 * when @managed, with a check-in @checkin_days ago (none when < 0) that
 * holds an action due @due_days from today (none when 0). */
static LadderProfile *
add_person (LadderWindow    *window,
            LadderFramework *framework,
            const char      *name,
            gboolean         managed,
            LadderCadence    cadence,
            int              checkin_days,
            int              due_days)
{
  g_autoptr(LadderProfile) profile = ladder_profile_new (NULL, framework);
  g_autoptr(GError) error = NULL;
  LadderLibrary *library = _ladder_window_get_library (window);

  ladder_profile_set_name (profile, name);
  ladder_profile_set_role (profile, "Engineer");
  ladder_profile_set_current_level (profile, "1");
  ladder_profile_set_target_level (profile, "2");
  ladder_profile_set_owner (profile, managed ? LADDER_RATER_MANAGER : LADDER_RATER_SELF);
  ladder_profile_set_cadence (profile, cadence);
  if (checkin_days >= 0)
    {
      g_autoptr(LadderCheckin) checkin = ladder_checkin_new (NULL);
      g_autoptr(GDate) date = ui_today_plus (-checkin_days);

      ladder_checkin_set_date (checkin, date);
      if (due_days != 0)
        {
          g_autoptr(LadderAction) action = ladder_action_new (NULL);
          g_autoptr(GDate) due = ui_today_plus (due_days);

          ladder_action_set_text (action, "Pair on the migration");
          ladder_action_set_due (action, due);
          ladder_checkin_add_action (checkin, action);
        }
      ladder_profile_add_checkin (profile, checkin);
    }
  ladder_library_add_profile (library, profile);
  ladder_library_save_profile (library, profile, NULL, &error);
  g_assert_no_error (error);

  return profile;
}

static char *
shown_names (LadderWindow *window)
{
  GListModel *shown = ladder_team_view_get_shown (team_view (window));
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (shown, i);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", ladder_profile_get_name (profile));
    }

  return g_string_free_and_steal (g_steal_pointer (&names));
}

typedef struct
{
  LadderWindow *window;
  const char   *names;
} UiNames;

static gboolean
names_are_cb (gpointer data)
{
  UiNames *wanted = data;
  g_autofree char *names = shown_names (wanted->window);

  return g_str_equal (names, wanted->names);
}

static gboolean
sidebar_has_team (LadderWindow *window)
{
  GtkListView *list = GTK_LIST_VIEW (ui_find (GTK_WIDGET (window), "sidebar_list", 0));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (_ladder_window_is_team_entry (item))
        return TRUE;
    }

  return FALSE;
}

static LadderTeamCard *
card_of (LadderWindow  *window,
         LadderProfile *profile)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  ui_find_all (_ladder_window_get_team_view (window), LADDER_TYPE_TEAM_CARD, cards);
  for (guint i = 0; i < cards->len; i++)
    if (ladder_team_card_get_profile (cards->pdata[i]) == profile)
      return cards->pdata[i];

  return NULL;
}

static gboolean
cards_drawn_cb (gpointer data)
{
  LadderWindow *window = data;
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  GListModel *shown = ladder_team_view_get_shown (team_view (window));

  ui_find_all (_ladder_window_get_team_view (window), LADDER_TYPE_TEAM_CARD, cards);
  for (guint i = 0; i < cards->len; i++)
    if (ladder_team_card_get_profile (cards->pdata[i]) != NULL &&
        gtk_widget_get_mapped (cards->pdata[i]) && gtk_widget_get_width (cards->pdata[i]) > 0)
      continue;
    else
      return FALSE;

  return cards->len >= g_list_model_get_n_items (shown);
}

/* No one managed: no Team row, and the view (from the main menu) says
 * how to add someone. The first manager's copy brings the row and a card;
 * an engineer's own copy never shows. */
static void
test_empty (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  GtkStack *stack;
  AdwStatusPage *status;

  add_person (window, framework, "Sam Self", FALSE, LADDER_CADENCE_WEEKLY, -1, 0);
  g_assert_false (sidebar_has_team (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-team", NULL));
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "team");
  stack = GTK_STACK (ui_find (_ladder_window_get_team_view (window), "stack", GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  status = ADW_STATUS_PAGE (ui_find (gtk_stack_get_visible_child (stack), NULL, ADW_TYPE_STATUS_PAGE));
  g_assert_nonnull (strstr (adw_status_page_get_description (status), "Someone I manage"));
  g_assert_nonnull (ui_find_button (gtk_stack_get_visible_child (stack), "_New Profile…"));

  add_person (window, framework, "Alex Report", TRUE, LADDER_CADENCE_NONE, -1, 0);
  g_assert_true (sidebar_has_team (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "team");
  g_assert_cmpuint (ladder_team_view_get_n_people (team_view (window)), ==, 1);
  {
    g_autofree char *names = shown_names (window);

    g_assert_cmpstr (names, ==, "Alex Report");
  }

  ui_window_free (window, app);
}

/* The cards say what the summary says, in the order asked for, of the
 * framework asked for; a change to a profile moves its card. */
static void
test_cards (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  g_autoptr(LadderFramework) other = ui_small_framework ();
  LadderProfile *ann, *ben, *cy, *dee;
  g_autofree char *description = NULL;
  g_autofree char *names = NULL;
  GtkDropDown *frameworks;
  AdwWindowTitle *title = ADW_WINDOW_TITLE (ui_find (GTK_WIDGET (window), "window_title", ADW_TYPE_WINDOW_TITLE));

  /* Two companies' tracks of one name. */
  ladder_framework_set_id (other, "test-other");
  ladder_framework_set_name (other, ladder_framework_get_name (framework));
  ladder_framework_set_organisation (framework, "Harbour");
  ladder_framework_set_organisation (other, "Lighthouse");
  ann = add_person (window, framework, "Ann Overdue", TRUE, LADDER_CADENCE_WEEKLY, 20, 0);
  ben = add_person (window, framework, "Ben Calm", TRUE, LADDER_CADENCE_NONE, 2, 0);
  cy = add_person (window, framework, "Cy Late", TRUE, LADDER_CADENCE_MONTHLY, 3, -1);
  dee = add_person (window, other, "Dee <b>Lead</b>", TRUE, LADDER_CADENCE_NONE, -1, 0);
  add_person (window, framework, "Sam Self", FALSE, LADDER_CADENCE_WEEKLY, -1, 0);

  _ladder_window_show_team (window);
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "team");
  g_assert_cmpuint (ladder_team_view_get_n_people (team_view (window)), ==, 4);
  names = shown_names (window);
  /* Ann, days overdue, first; then Dee, never met, even with no cadence. */
  g_assert_cmpstr (names, ==, "Ann Overdue, Dee <b>Lead</b>, Cy Late, Ben Calm");

  ui_wait_for (cards_drawn_cb, window, "the cards");
  description = ladder_team_card_describe (card_of (window, ann));
  g_assert_nonnull (strstr (description, "Ann Overdue\nEngineer\nLevel 1\n0 % of Level 1 shown, toward Level 2\n"));
  g_assert_nonnull (strstr (description, "Check-in overdue: the last was 20 days ago"));
  g_clear_pointer (&description, g_free);
  description = ladder_team_card_describe (card_of (window, cy));
  g_assert_nonnull (strstr (description, "Last check-in 3 days ago"));
  g_assert_nonnull (strstr (description, "1 open action, 1 overdue"));
  g_clear_pointer (&description, g_free);
  /* A name is text, never markup. */
  description = ladder_team_card_describe (card_of (window, dee));
  g_assert_true (g_str_has_prefix (description, "Dee <b>Lead</b>\n"));
  g_assert_nonnull (strstr (description, "No check-in yet"));

  ladder_team_view_set_order (team_view (window), LADDER_TEAM_ORDER_NAME);
  g_clear_pointer (&names, g_free);
  names = shown_names (window);
  g_assert_cmpstr (names, ==, "Ann Overdue, Ben Calm, Cy Late, Dee <b>Lead</b>");
  /* The order chosen is remembered, and a remembered one is used. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_assert_cmpint (g_settings_get_enum (settings, "team-order"), ==, LADDER_TEAM_ORDER_NAME);
    g_settings_set_enum (settings, "team-order", LADDER_TEAM_ORDER_LEVEL);
    g_assert_cmpuint (ladder_team_view_get_order (team_view (window)), ==, LADDER_TEAM_ORDER_LEVEL);
    g_settings_set_enum (settings, "team-order", LADDER_TEAM_ORDER_NAME);
    g_assert_cmpuint (ladder_team_view_get_order (team_view (window)), ==, LADDER_TEAM_ORDER_NAME);
  }

  /* Two frameworks: the filter shows, and keeps to one. */
  frameworks = GTK_DROP_DOWN (ui_find (_ladder_window_get_team_view (window), "framework_dropdown", 0));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (frameworks)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (frameworks)), ==, 3);
  /* The same name, told apart by the organisation. */
  {
    GListModel *items = gtk_drop_down_get_model (frameworks);
    g_autofree char *harbour = g_strdup_printf ("%s (Harbour)", ladder_framework_get_name (framework));
    g_autofree char *lighthouse = g_strdup_printf ("%s (Lighthouse)", ladder_framework_get_name (framework));

    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (items), 1), ==, harbour);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (items), 2), ==, lighthouse);
  }
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "4 people");
  gtk_drop_down_set_selected (frameworks, 2);
  g_clear_pointer (&names, g_free);
  names = shown_names (window);
  g_assert_cmpstr (names, ==, "Dee <b>Lead</b>");
  /* The header counts whom the filter shows. */
  g_assert_cmpuint (ladder_team_view_get_n_shown (team_view (window)), ==, 1);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "1 of 4 people");
  ladder_team_view_set_framework_filter (team_view (window), NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (frameworks), ==, 0);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "4 people");

  /* A check-in held today: Ann goes last, after the ones met longer
   * ago, and never ahead of Dee, never met. */
  ladder_team_view_set_order (team_view (window), LADDER_TEAM_ORDER_ATTENTION);
  {
    g_autoptr(LadderCheckin) checkin = ladder_checkin_new (NULL);
    g_autoptr(GDate) today = ui_today_plus (0);

    ladder_checkin_set_date (checkin, today);
    ladder_profile_add_checkin (ann, checkin);
  }
  /* The cards take their places once the change is over. */
  {
    UiNames wanted = { window, "Dee <b>Lead</b>, Cy Late, Ben Calm, Ann Overdue" };

    ui_wait_for (names_are_cb, &wanted, "the cards in their new order");
  }
  g_clear_pointer (&description, g_free);
  description = ladder_team_card_describe (card_of (window, ann));
  g_assert_nonnull (strstr (description, "Last check-in today"));

  /* An engineer's copy made the manager's joins the team. */
  ladder_profile_set_owner (ben, LADDER_RATER_SELF);
  g_assert_cmpuint (ladder_team_view_get_n_people (team_view (window)), ==, 3);
  ladder_profile_set_owner (ben, LADDER_RATER_MANAGER);
  g_assert_cmpuint (ladder_team_view_get_n_people (team_view (window)), ==, 4);

  ui_window_free (window, app);
}

/* The keyboard is on a card (ladder_team_view_focus_first() puts it
 * there once the cards are drawn). */
static gboolean
focus_on_card_cb (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));

  return focus != NULL && ui_find (focus, NULL, LADDER_TYPE_TEAM_CARD) != NULL;
}

static LadderProfile *
focused_profile (LadderWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *card;

  g_assert_nonnull (focus);
  card = ui_find (focus, NULL, LADDER_TYPE_TEAM_CARD);
  g_assert_nonnull (card);

  return ladder_team_card_get_profile (LADDER_TEAM_CARD (card));
}

/* Arrow keys move between the cards; Enter opens the person. */
static void
test_keys (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  LadderProfile *first, *second, *third;

  first = add_person (window, framework, "Ann First", TRUE, LADDER_CADENCE_WEEKLY, 30, 0);
  second = add_person (window, framework, "Ben Second", TRUE, LADDER_CADENCE_WEEKLY, 20, 0);
  third = add_person (window, framework, "Cy Third", TRUE, LADDER_CADENCE_WEEKLY, 10, 0);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  _ladder_window_show_team (window);
  ui_wait_for (cards_drawn_cb, window, "the cards");
  ladder_team_view_focus_first (team_view (window));
  ui_wait_for (focus_on_card_cb, window, "the keyboard on a card");
  g_assert_true (focused_profile (window) == first);

  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Right, 0));
  g_assert_true (focused_profile (window) == second);
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Right, 0));
  g_assert_true (focused_profile (window) == third);
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Left, 0));
  g_assert_true (focused_profile (window) == second);

  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Return, 0));
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "profile");
  g_assert_true (_ladder_window_get_profile (window) == second);

  ui_window_free (window, app);
}

static guint
grid_n_items (LadderWindow *window)
{
  GtkGridView *grid = GTK_GRID_VIEW (ui_find (_ladder_window_get_team_view (window), "grid",
                                              GTK_TYPE_GRID_VIEW));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (grid)));
}

static gboolean
everyone_in_grid_cb (gpointer data)
{
  LadderWindow *window = data;

  return grid_n_items (window) == ladder_team_view_get_n_people (team_view (window));
}

/* A large team: the grid draws the first screen of cards first, then
 * everyone, each with a card the keyboard reaches. */
static void
test_large_team (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  g_autoptr(LadderProfile) last = NULL;
  const guint n = 26;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %02u", i + 1);

      add_person (window, framework, name, TRUE, LADDER_CADENCE_NONE, -1, 0);
    }

  ladder_team_view_set_order (team_view (window), LADDER_TEAM_ORDER_NAME);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  _ladder_window_show_team (window);
  g_assert_cmpuint (ladder_team_view_get_n_people (team_view (window)), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_team_view_get_shown (team_view (window))), ==, n);
  /* Not drawn yet: the grid holds the first screen. */
  g_assert_cmpuint (grid_n_items (window), <, n);
  g_assert_cmpuint (grid_n_items (window), >, 0);

  ui_wait_for (everyone_in_grid_cb, window, "everyone in the grid");


  /* One column: a card that moves to the top of the order is in view,
   * not pushed above it by the grid keeping the card it had there. */
  ui_window_narrow (window);
  ui_spin (200);
  {
    g_autoptr(LadderProfile) moving = g_list_model_get_item (ladder_team_view_get_shown (team_view (window)), n - 1);
    g_autofree char *wanted = NULL;
    GtkWidget *grid = ui_find (_ladder_window_get_team_view (window), "grid", GTK_TYPE_GRID_VIEW);
    UiNames moved = { window, NULL };
    LadderTeamCard *card;
    graphene_point_t at;
    g_autofree char *before = shown_names (window);

    g_assert_cmpstr (ladder_profile_get_name (moving), ==, "Person 26");
    ladder_profile_set_name (moving, "Person 00");
    {
      g_autofree char *names = shown_names (window);

      *strstr (names, ", Person 00") = '\0';
      wanted = g_strconcat ("Person 00, ", names, NULL);
    }
    moved.names = wanted;
    ui_wait_for (names_are_cb, &moved, "the order after the rename");
    ui_spin (200);
    card = card_of (window, moving);
    g_assert_nonnull (card);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (card)));
    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (card), grid, &GRAPHENE_POINT_INIT (0, 0), &at));
    g_assert_cmpfloat (at.y, >=, 0);
    g_assert_cmpfloat (at.y, <, 50);
    ladder_profile_set_name (moving, "Person 26");
    moved.names = before;
    ui_wait_for (names_are_cb, &moved, "the order again");
    gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
    ui_spin (300);
  }

  last = g_list_model_get_item (ladder_team_view_get_shown (team_view (window)), n - 1);
  g_assert_cmpstr (ladder_profile_get_name (last), ==, "Person 26");
  g_assert_nonnull (card_of (window, last));
  ladder_team_view_focus_first (team_view (window));
  ui_wait_for (focus_on_card_cb, window, "the keyboard on a card");
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_End, 0));
  g_assert_true (focused_profile (window) == last);

  /* Another order starts from its first card, not from where the
   * keyboard was. */
  ladder_team_view_set_order (team_view (window), LADDER_TEAM_ORDER_LEVEL);
  {
    g_autoptr(LadderProfile) first = g_list_model_get_item (ladder_team_view_get_shown (team_view (window)), 0);

    ui_spin (100);
    g_assert_true (focused_profile (window) == first);
    g_assert_cmpstr (ladder_profile_get_name (first), ==, "Person 01");
  }

  ui_window_free (window, app);
}

/* The team shown last is what the next start shows. */
static void
test_shown_again (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  g_autoptr(LadderApplication) app_again = NULL;
  LadderWindow *again;

  add_person (window, framework, "Ann First", TRUE, LADDER_CADENCE_WEEKLY, 30, 0);
  _ladder_window_show_team (window);
  ui_window_free (window, app);

  again = ui_window_new (&app_again);
  g_assert_cmpstr (_ladder_window_get_view (again), ==, "team");
  ui_window_free (again, app_again);
}

/* Edit Profile sets the cadence, and its Undo takes it back. */
static void
test_cadence_row (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  AdwDialog *dialog;
  AdwComboRow *row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-profile", NULL));
  dialog = ui_visible_dialog (window);
  row = ADW_COMBO_ROW (ui_find (GTK_WIDGET (dialog), "cadence_row", ADW_TYPE_COMBO_ROW));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, LADDER_CADENCE_NONE);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, 4);
  adw_combo_row_set_selected (row, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "profile-editor.save", NULL));
  g_assert_cmpint (ladder_profile_get_cadence (profile), ==, LADDER_CADENCE_BIWEEKLY);
  ui_wait_file_has (ladder_profile_get_file (profile), "\"cadence\" : \"biweekly\"", "the cadence saved");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-profile", NULL));
  dialog = ui_visible_dialog (window);
  row = ADW_COMBO_ROW (ui_find (GTK_WIDGET (dialog), "cadence_row", ADW_TYPE_COMBO_ROW));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, LADDER_CADENCE_BIWEEKLY);
  adw_dialog_close (dialog);

  ui_window_free (window, app);
}

/* The first two cards laid out (a narrow window shows no more at once). */
static gboolean
first_cards_drawn_cb (gpointer data)
{
  LadderWindow *window = data;
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  guint drawn = 0;

  ui_find_all (_ladder_window_get_team_view (window), LADDER_TYPE_TEAM_CARD, cards);
  for (guint i = 0; i < cards->len; i++)
    if (ladder_team_card_get_profile (cards->pdata[i]) != NULL &&
        gtk_widget_get_mapped (cards->pdata[i]) && gtk_widget_get_width (cards->pdata[i]) > 0)
      drawn++;

  return drawn >= 2;
}

/* At a phone's width, with three people on two frameworks, the order and
 * the filter wrap and the cards fall to one column: the view needs no
 * more than the window's 360 px, and no card is cut off on the right. */
static void
test_fit_narrow (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  g_autoptr(LadderFramework) other = ui_small_framework ();
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  GtkWidget *view;
  graphene_point_t first_at;

  ladder_framework_set_id (other, "test-other");
  ladder_framework_set_name (other, "Platform Engineering Framework");
  add_person (window, framework, "Alexandra Montgomery-Whitfield", TRUE, LADDER_CADENCE_WEEKLY, 150, -20);
  add_person (window, framework, "Ben Calm", TRUE, LADDER_CADENCE_MONTHLY, 3, 10);
  add_person (window, other, "Cy Late", TRUE, LADDER_CADENCE_BIWEEKLY, 30, -1);

  ui_window_narrow (window);
  _ladder_window_show_team (window);
  ui_wait_for (first_cards_drawn_cb, window, "the first cards");
  ui_spin (200);
  ui_assert_fits_width (window, 360, "the Team view");

  /* One column: every card on screen where the first is, within the view. */
  view = _ladder_window_get_team_view (window);
  g_assert_cmpint (gtk_widget_get_width (view), <=, 360);
  ui_find_all (view, LADDER_TYPE_TEAM_CARD, cards);
  g_assert_cmpuint (cards->len, >=, 2);
  g_assert_true (gtk_widget_compute_point (cards->pdata[0], view, &GRAPHENE_POINT_INIT (0, 0), &first_at));
  for (guint i = 0; i < cards->len; i++)
    {
      graphene_point_t at;

      if (!gtk_widget_get_mapped (cards->pdata[i]))
        continue;
      g_assert_true (gtk_widget_compute_point (cards->pdata[i], view, &GRAPHENE_POINT_INIT (0, 0), &at));
      g_assert_cmpfloat (at.x, ==, first_at.x);
      g_assert_cmpint (at.x + gtk_widget_get_width (cards->pdata[i]), <=, gtk_widget_get_width (view));
    }

  ui_window_free (window, app);
}

/* What the first frame of a start on the Team view shows: every card,
 * summed up from the heads the library kept, before the library has
 * listed anyone. */
typedef struct
{
  gboolean painted;
  guint    drawn;     /* cards on screen, of no profile yet */
  gboolean loaded;    /* the library, by then */
} FirstFrame;

static void
first_frame_cb (GdkFrameClock *clock,
                gpointer       data)
{
  LadderWindow *window = data;
  FirstFrame *first = g_object_get_data (G_OBJECT (window), "first-frame");
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, data);
  ui_find_all (_ladder_window_get_team_view (window), LADDER_TYPE_TEAM_CARD, cards);
  for (guint i = 0; i < cards->len; i++)
    if (ladder_team_card_get_profile (cards->pdata[i]) == NULL &&
        gtk_widget_get_mapped (cards->pdata[i]) && gtk_widget_get_width (cards->pdata[i]) > 0)
      first->drawn++;
  first->loaded = _ladder_window_is_loaded (window);
  first->painted = TRUE;
}

static char *
card_text (LadderWindow *window,
           const char   *name)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  ui_find_all (_ladder_window_get_team_view (window), LADDER_TYPE_TEAM_CARD, cards);
  for (guint i = 0; i < cards->len; i++)
    {
      g_autofree char *text = ladder_team_card_describe (cards->pdata[i]);

      if (gtk_widget_get_mapped (cards->pdata[i]) && g_str_has_prefix (text, name))
        return g_steal_pointer (&text);
    }

  return NULL;
}

/* Shows @window at @width × @height and waits for its first frame,
 * noting in @first what it showed. */
static void
present_first_frame (LadderWindow *window,
                     FirstFrame   *first,
                     int           width,
                     int           height)
{
  *first = (FirstFrame) { 0 };
  g_object_set_data (G_OBJECT (window), "first-frame", first);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (first_frame_cb), window);
  gtk_window_present (GTK_WINDOW (window));
  ui_wait_for (ui_flag_cb, &first->painted, "the first frame");
}

static gboolean
focus_on_listed_card_cb (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));
  GtkWidget *card = focus != NULL ? ui_find (focus, NULL, LADDER_TYPE_TEAM_CARD) : NULL;

  return card != NULL && ladder_team_card_get_profile (LADDER_TEAM_CARD (card)) != NULL;
}

/* The text of the card the keyboard is on. */
static const char *
focused_card_text (LadderWindow *window)
{
  GtkWidget *card = ui_find (gtk_root_get_focus (GTK_ROOT (window)), NULL, LADDER_TYPE_TEAM_CARD);
  char *text;

  g_assert_nonnull (card);
  text = ladder_team_card_describe (LADDER_TEAM_CARD (card));
  g_object_set_data_full (G_OBJECT (window), "focused-card-text", text, g_free);

  return text;
}

/* A start on the Team view a manager left open: the window's first frame
 * shows the team's cards, as the heads sum them up and as they read once
 * the library has listed their profiles; a card activated before then
 * opens its person when they are listed. */
static void
test_first_frame (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  g_autoptr(LadderFramework) other = ui_small_framework ();
  AdwWindowTitle *title;
  GtkWidget *frameworks;
  g_autofree char *ben_before = NULL;
  g_autofree char *ben_after = NULL;
  FirstFrame first = { 0 };
  GtkGridView *grid;

  add_person (window, framework, "Cy Third", TRUE, LADDER_CADENCE_WEEKLY, 10, -3);
  add_person (window, framework, "Ann First", TRUE, LADDER_CADENCE_WEEKLY, 30, 0);
  add_person (window, framework, "Ben Second", TRUE, LADDER_CADENCE_MONTHLY, 45, 5);
  add_person (window, framework, "Sam Self", FALSE, LADDER_CADENCE_NONE, -1, 0);
  ladder_framework_set_id (other, "test-other");
  add_person (window, other, "Dee Fourth", TRUE, LADDER_CADENCE_NONE, -1, 0);
  ladder_team_view_set_order (team_view (window), LADDER_TEAM_ORDER_NAME);
  _ladder_window_show_team (window);
  ui_window_free (window, app);
  g_clear_object (&app);

  /* Before its first frame, and before the library loads. */
  window = ladder_window_new (ui_application ());
  g_object_ref_sink (window);
  g_assert_false (_ladder_window_is_loaded (window));
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "team");
  g_assert_cmpuint (ladder_team_view_get_n_people (team_view (window)), ==, 4);
  title = ADW_WINDOW_TITLE (ui_find (GTK_WIDGET (window), "window_title", ADW_TYPE_WINDOW_TITLE));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "4 people");
  /* The filter by framework holds its place, and filters once listed. */
  frameworks = ui_find (_ladder_window_get_team_view (window), "framework_dropdown", 0);
  g_assert_true (gtk_widget_get_visible (frameworks));
  g_assert_false (gtk_widget_get_sensitive (frameworks));

  present_first_frame (window, &first, 1280, 800);
  g_assert_cmpuint (first.drawn, ==, 4);
  g_assert_false (first.loaded);
  ben_before = card_text (window, "Ben Second");
  g_assert_nonnull (ben_before);
  g_assert_nonnull (strstr (ben_before, "1 open action"));

  /* Enter on Ben's card (second by name), before anyone is listed. */
  grid = GTK_GRID_VIEW (ui_find (_ladder_window_get_team_view (window), "grid", GTK_TYPE_GRID_VIEW));
  if (!_ladder_window_is_loaded (window))
    g_signal_emit_by_name (grid, "activate", 1);

  ui_wait_for (ui_window_loaded_cb, window, "the library to load");
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "profile");
  g_assert_cmpstr (ladder_profile_get_name (_ladder_window_get_profile (window)), ==, "Ben Second");

  /* Back on the team: the same card, of the profile now. */
  _ladder_window_show_team (window);
  ui_wait_for (cards_drawn_cb, window, "the cards of the profiles");
  ben_after = card_text (window, "Ben Second");
  g_assert_cmpstr (ben_after, ==, ben_before);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "4 people");
  g_assert_true (gtk_widget_get_visible (frameworks));
  g_assert_true (gtk_widget_get_sensitive (frameworks));

  /* Its library reads on after listing: let it finish with the window. */
  ui_wait_for (ui_profiles_whole_cb, window, "the profiles' evidence to be read");
  app = g_object_ref (ui_application ());
  ui_window_free (window, app);
  g_clear_object (&app);
  g_clear_pointer (&ben_before, g_free);

  /* Again: the keyboard on the third card (Cy's) before anyone is
   * listed stays on Cy's card once they are. */
  window = ladder_window_new (ui_application ());
  g_object_ref_sink (window);
  g_assert_cmpuint (ladder_team_view_get_n_people (team_view (window)), ==, 4);
  present_first_frame (window, &first, 1280, 800);
  g_assert_false (first.loaded);
  /* The keyboard is on the first card from the start. */
  ui_wait_for (focus_on_card_cb, window, "the keyboard on a card");
  g_assert_false (_ladder_window_is_loaded (window));
  g_assert_true (g_str_has_prefix (focused_card_text (window), "Ann First"));
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Right, 0));
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Right, 0));
  g_assert_false (_ladder_window_is_loaded (window));
  g_assert_true (g_str_has_prefix (focused_card_text (window), "Cy Third"));

  ui_wait_for (ui_window_loaded_cb, window, "the library to load");
  ui_wait_for (cards_drawn_cb, window, "the cards of the profiles");
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "team");
  g_assert_cmpstr (ladder_profile_get_name (focused_profile (window)), ==, "Cy Third");

  /* Its library reads on after listing: let it finish with the window. */
  ui_wait_for (ui_profiles_whole_cb, window, "the profiles' evidence to be read");
  app = g_object_ref (ui_application ());
  ui_window_free (window, app);
  g_clear_object (&app);

  /* Narrow, the same: the keyboard on the first card from the start. */
  window = ladder_window_new (ui_application ());
  g_object_ref_sink (window);
  present_first_frame (window, &first, 360, 640);
  ui_wait_for (focus_on_card_cb, window, "the keyboard on a card, narrow");
  g_assert_true (g_str_has_prefix (focused_card_text (window), "Ann First"));
  ui_wait_for (ui_window_loaded_cb, window, "the library to load");
  ui_wait_for (focus_on_listed_card_cb, window, "the keyboard on a card of a profile");
  g_assert_cmpstr (ladder_profile_get_name (focused_profile (window)), ==, "Ann First");

  /* Its library reads on after listing: let it finish with the window. */
  ui_wait_for (ui_profiles_whole_cb, window, "the profiles' evidence to be read");
  app = g_object_ref (ui_application ());
  ui_window_free (window, app);
}

typedef struct
{
  LadderWindow *window;
  gboolean      at_top;
} SidebarShows;

/* The sidebar is laid out, with the selected row in view, and at its top
 * when asked. */
static gboolean
sidebar_shows_cb (gpointer data)
{
  SidebarShows *wanted = data;
  GtkWidget *list = ui_find (GTK_WIDGET (wanted->window), "sidebar_list", GTK_TYPE_LIST_VIEW);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  if (gtk_adjustment_get_page_size (adjustment) <= 0 ||
      wanted->at_top != (gtk_adjustment_get_value (adjustment) <= gtk_adjustment_get_lower (adjustment)))
    return FALSE;

  ui_find_all (list, LADDER_TYPE_SIDEBAR_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = rows->pdata[i];
      graphene_rect_t bounds;

      if (gtk_widget_get_mapped (row) &&
          (gtk_widget_get_state_flags (gtk_widget_get_parent (row)) & GTK_STATE_FLAG_SELECTED) &&
          gtk_widget_compute_bounds (row, list, &bounds))
        return bounds.origin.y >= 0 &&
               bounds.origin.y + bounds.size.height <= gtk_widget_get_height (list);
    }

  return FALSE;
}

static gboolean
focus_on_selected_row_cb (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));
  GtkWidget *list = ui_find (GTK_WIDGET (data), "sidebar_list", GTK_TYPE_LIST_VIEW);

  return focus != NULL && gtk_widget_get_parent (focus) == list &&
         (gtk_widget_get_state_flags (focus) & GTK_STATE_FLAG_SELECTED) != 0;
}

static LadderWindow *
window_again (LadderWindow *window)
{
  g_autoptr(LadderApplication) app = g_object_ref (ui_application ());

  ui_window_free (window, app);
  window = ladder_window_new (app);
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  ui_wait_for (ui_window_loaded_cb, window, "the library to load");

  return window;
}

/* A manager who last looked at a profile finds the People header and the
 * Team row at the top of the sidebar, however many they manage; a
 * profile far down the list is scrolled to, and, narrow, has the
 * keyboard when the sidebar slides back. */
static void
test_row_on_start (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window;
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  g_autoptr(GPtrArray) reports = g_ptr_array_new ();
  LadderProfile *first;
  LadderProfile *last;
  SidebarShows shows = { NULL, TRUE };

  /* Wide, whatever the tests before left in the settings. */
  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 800);
  window = shows.window = ui_window_new (&app);
  g_assert_false (ui_split_collapsed_cb (window));
  first = add_person (window, framework, "Aaron Self", FALSE, LADDER_CADENCE_NONE, -1, 0);
  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *name = g_strdup_printf ("Report %02u", i);

      g_ptr_array_add (reports, add_person (window, framework, name, FALSE, LADDER_CADENCE_MONTHLY, 10, 0));
    }
  last = add_person (window, framework, "Zed Self", FALSE, LADDER_CADENCE_NONE, -1, 0);
  _ladder_window_select (window, G_OBJECT (first));
  ui_wait_for (sidebar_shows_cb, &shows, "the sidebar at its top, Aaron's row in view");
  g_assert_false (sidebar_has_team (window));

  /* The Team row comes in above everyone, in view. */
  for (guint i = 0; i < reports->len; i++)
    {
      g_autoptr(GError) error = NULL;

      ladder_profile_set_owner (reports->pdata[i], LADDER_RATER_MANAGER);
      ladder_library_save_profile (_ladder_window_get_library (window), reports->pdata[i], NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_true (sidebar_has_team (window));
  ui_spin (100);
  ui_wait_for (sidebar_shows_cb, &shows, "the sidebar at its top, with the Team row");

  /* Started again on Aaron: the same. */
  shows.window = window_again (window);
  g_assert_cmpstr (_ladder_window_get_view (shows.window), ==, "profile");
  g_assert_cmpstr (ladder_profile_get_name (_ladder_window_get_profile (shows.window)), ==, "Aaron Self");
  g_assert_true (sidebar_has_team (shows.window));
  shows.at_top = TRUE;
  ui_wait_for (sidebar_shows_cb, &shows, "the sidebar at its top, Aaron's row in view");

  /* Last on the list: scrolled to. */
  last = ladder_library_find_profile (_ladder_window_get_library (shows.window), ladder_profile_get_id (last));
  _ladder_window_select (shows.window, G_OBJECT (last));
  shows.window = window_again (shows.window);
  g_assert_cmpstr (ladder_profile_get_name (_ladder_window_get_profile (shows.window)), ==, "Zed Self");
  shows.at_top = FALSE;
  ui_wait_for (sidebar_shows_cb, &shows, "Zed's row in view");

  /* Narrow, the profile slides in; back, the keyboard is on its row, in
   * view, not on the sidebar's first button. */
  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 640);
  shows.window = window_again (shows.window);
  g_assert_true (ui_split_collapsed_cb (shows.window));
  ui_wait_for (ui_profiles_whole_cb, shows.window, "the profiles' evidence to be read");
  ui_spin (100);
  _ladder_window_show_content (shows.window, FALSE);
  ui_wait_for (focus_on_selected_row_cb, shows.window, "the keyboard on Zed's row");
  ui_wait_for (sidebar_shows_cb, &shows, "Zed's row in view, narrow");

  ui_wait_for (ui_profiles_whole_cb, shows.window, "the profiles' evidence to be read");
  ui_window_free (shows.window, app);
}

/* Narrow, Enter on the sidebar's Team row slides the team in, with the
 * keyboard on its first card. */
static void
test_narrow_from_sidebar (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  AdwNavigationSplitView *split;
  GtkWidget *list;

  add_person (window, framework, "Ann First", TRUE, LADDER_CADENCE_WEEKLY, 30, 0);
  add_person (window, framework, "Ben Second", TRUE, LADDER_CADENCE_WEEKLY, 20, 0);
  ladder_team_view_set_order (team_view (window), LADDER_TEAM_ORDER_NAME);
  ui_window_narrow (window);
  split = ADW_NAVIGATION_SPLIT_VIEW (ui_find (GTK_WIDGET (window), NULL, ADW_TYPE_NAVIGATION_SPLIT_VIEW));
  adw_navigation_split_view_set_show_content (split, FALSE);
  ui_spin (300);

  /* The Team row is the list's first. */
  list = ui_find (GTK_WIDGET (window), "sidebar_list", GTK_TYPE_LIST_VIEW);
  gtk_list_view_scroll_to (GTK_LIST_VIEW (list), 0, GTK_LIST_SCROLL_FOCUS, NULL);
  gtk_widget_grab_focus (list);
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Return, 0));
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "team");
  ui_wait_for (focus_on_listed_card_cb, window, "the keyboard on the first card");
  g_assert_cmpstr (ladder_profile_get_name (focused_profile (window)), ==, "Ann First");

  ui_window_free (window, app);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/team-view/empty", test_empty);
  g_test_add_func ("/ladder/team-view/cards", test_cards);
  g_test_add_func ("/ladder/team-view/keys", test_keys);
  g_test_add_func ("/ladder/team-view/large-team", test_large_team);
  g_test_add_func ("/ladder/team-view/shown-again", test_shown_again);
  g_test_add_func ("/ladder/team-view/cadence-row", test_cadence_row);
  g_test_add_func ("/ladder/team-view/fit-narrow", test_fit_narrow);
  g_test_add_func ("/ladder/team-view/first-frame", test_first_frame);
  g_test_add_func ("/ladder/team-view/narrow-from-sidebar", test_narrow_from_sidebar);
  g_test_add_func ("/ladder/team-view/row-on-start", test_row_on_start);

  return g_test_run ();
}
