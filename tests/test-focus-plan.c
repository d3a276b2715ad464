/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The focus plan in the app: the Progress page's Focus section adds,
 * edits (Enter saves), finishes and removes a focus, the last two with
 * an undo; a check-in being held shows the plan and saves a step ticked
 * there; a past check-in shows what was finished by its day.
 */

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "ladder-behaviour-picker.h"
#include "ladder-checkin-page.h"
#include "ladder-focus-dialog.h"
#include "ladder-focus-group.h"
#include "ladder-ui-private.h"
#include "ui-helpers.h"

static LadderProfile *
make_profile (void)
{
  g_autoptr(LadderFramework) framework = ladder_framework_new ("acme", "Engineering");
  g_autoptr(LadderLevel) l1 = ladder_level_new ("1", "Level 1", NULL);
  g_autoptr(LadderLevel) l2 = ladder_level_new ("2", "Level 2", NULL);
  g_autoptr(LadderCategory) craft = ladder_category_new ("craft", "Craft", NULL, NULL);
  LadderProfile *profile;

  g_assert_true (ladder_framework_add_level (framework, l1));
  g_assert_true (ladder_framework_add_level (framework, l2));
  g_assert_true (ladder_framework_add_category (framework, craft));
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("2-craft-%u", i);
      g_autofree char *text = g_strdup_printf ("Leads design reviews, part %u", i);
      g_autoptr(LadderBehaviour) behaviour = ladder_behaviour_new (id, "2", "craft", NULL, text);

      g_assert_true (ladder_framework_add_behaviour (framework, behaviour));
    }

  profile = ladder_profile_new (NULL, framework);
  ladder_profile_set_name (profile, "Alex Doe");
  ladder_profile_set_current_level (profile, "1");
  ladder_profile_set_target_level (profile, "2");

  return profile;
}

typedef struct
{
  GtkWidget        *window;
  LadderFocusGroup *group;
} Shown;

static void
show_group (LadderProfile *profile,
            Shown         *shown)
{
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  shown->window = adw_window_new ();
  shown->group = g_object_new (LADDER_TYPE_FOCUS_GROUP, NULL);
  gtk_window_set_default_size (GTK_WINDOW (shown->window), 800, 700);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (shown->group));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), scrolled);
  adw_window_set_content (ADW_WINDOW (shown->window), overlay);
  ladder_focus_group_set_profile (shown->group, profile);
  gtk_window_present (GTK_WINDOW (shown->window));
  ui_spin (50);
}

static guint
count_rows (LadderFocusGroup *group)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  ui_find_all (GTK_WIDGET (group), ADW_TYPE_EXPANDER_ROW, rows);

  return rows->len;
}

static gboolean
dialog_shown_cb (gpointer data)
{
  return ui_find (data, NULL, LADDER_TYPE_FOCUS_DIALOG) != NULL;
}

static gboolean
dialog_gone_cb (gpointer data)
{
  return ui_find (data, NULL, LADDER_TYPE_FOCUS_DIALOG) == NULL;
}

static GtkWidget *
wait_for_dialog (GtkWidget *window)
{
  ui_wait_for (dialog_shown_cb, window, "the focus dialog");

  return ui_find (window, NULL, LADDER_TYPE_FOCUS_DIALOG);
}

static gboolean
focus_in_combo_cb (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (data));

  return focus != NULL && (focus == data || gtk_widget_is_ancestor (focus, data));
}

/* Add Focus…: the behaviour, why and steps typed in, saved by Enter in
 * the last field; the row shows the behaviour and its progress. */
static void
test_focus_plan_add_and_edit (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(GPtrArray) bars = g_ptr_array_new ();
  GtkWidget *dialog, *why, *steps, *combo, *list;
  GListModel *model;
  LadderFocus *focus;
  Shown shown;

  show_group (profile, &shown);
  g_assert_cmpuint (count_rows (shown.group), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.group), "focus.add", NULL));
  dialog = wait_for_dialog (shown.window);
  combo = ui_find (dialog, "behaviour_row", ADW_TYPE_ACTION_ROW);
  why = ui_find (dialog, "why_row", ADW_TYPE_ENTRY_ROW);
  /* The keyboard starts on the first field, not on Cancel, which a
   * first Return would press. */
  ui_wait_for (focus_in_combo_cb, combo, "the focus on the behaviour");
  steps = ui_find (dialog, "steps_view", GTK_TYPE_TEXT_VIEW);
  list = ui_find (ui_find (dialog, "behaviour_picker", LADDER_TYPE_BEHAVIOUR_PICKER),
                  "behaviour_list", GTK_TYPE_LIST_VIEW);
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LadderBehaviour) behaviour = g_list_model_get_item (model, i);

      if (g_str_equal (ladder_behaviour_get_id (behaviour), "2-craft-2"))
        g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", i));
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (steps)),
                            "Pair on a review\n\n  Lead a review  \n", -1);
  gtk_editable_set_text (GTK_EDITABLE (why), "The next level asks for it");
  gtk_widget_grab_focus (why);
  g_assert_true (ui_press_key (shown.window, GDK_KEY_Return, 0));
  ui_wait_for (dialog_gone_cb, shown.window, "the dialog to close");

  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_focus (profile)), ==, 1);
  focus = g_list_model_get_item (ladder_profile_get_focus (profile), 0);
  g_object_unref (focus);
  g_assert_cmpstr (ladder_focus_get_behaviour (focus), ==, "2-craft-2");
  g_assert_cmpstr (ladder_focus_get_why (focus), ==, "The next level asks for it");
  g_assert_cmpuint (ladder_focus_get_n_steps (focus), ==, 2);
  g_assert_cmpstr (ladder_focus_get_step_text (focus, 1), ==, "Lead a review");
  g_assert_nonnull (ladder_focus_get_due (focus));
  ui_spin (20);
  g_assert_cmpuint (count_rows (shown.group), ==, 1);
  ui_find_all (GTK_WIDGET (shown.group), GTK_TYPE_PROGRESS_BAR, bars);
  g_assert_cmpuint (bars->len, ==, 1);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (bars->pdata[0]), ==, 0.0);

  /* The progress follows the ratings: Consistently by self is ½ of the
   * ratings, which weigh half. */
  ladder_profile_rate (profile, "2-craft-2", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (bars->pdata[0]), 0.25, 1e-9);

  /* Edit…: a new why, saved by Ctrl+Return, as every editor saves. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.group), "focus.edit", "s",
                                             ladder_focus_get_id (focus)));
  dialog = wait_for_dialog (shown.window);
  why = ui_find (dialog, "why_row", ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (why)), ==, "The next level asks for it");
  gtk_editable_set_text (GTK_EDITABLE (why), "Asked for in my review");
  gtk_widget_grab_focus (why);
  g_assert_true (ui_press_key (shown.window, GDK_KEY_Return, GDK_CONTROL_MASK));
  ui_wait_for (dialog_gone_cb, shown.window, "the dialog to close");
  g_assert_cmpstr (ladder_focus_get_why (focus), ==, "Asked for in my review");
  g_assert_cmpuint (ladder_focus_get_n_steps (focus), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_focus (profile)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (shown.window));
}

static LadderFocus *
add_focus (LadderProfile *profile,
           const char    *behaviour)
{
  g_autoptr(LadderFocus) focus = ladder_focus_new (NULL);
  const char *steps[] = { "Pair on a review", "Lead a review", NULL };

  ladder_focus_set_behaviour (focus, behaviour);
  ladder_focus_set_steps (focus, steps);
  g_assert_true (ladder_profile_add_focus (profile, focus, NULL));

  return focus;
}

/* Finish and Remove, each undone from its toast; a full plan greys Add
 * Focus… out. */
static void
test_focus_plan_finish_remove_undo (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  LadderFocus *first = add_focus (profile, "2-craft-1");
  GtkWidget *add_button;
  Shown shown;

  show_group (profile, &shown);
  add_button = ui_find (GTK_WIDGET (shown.group), "add_button", GTK_TYPE_BUTTON);
  g_assert_true (gtk_widget_get_sensitive (add_button));
  add_focus (profile, "2-craft-2");
  add_focus (profile, "2-craft-3");
  g_assert_false (gtk_widget_get_sensitive (add_button));
  g_assert_cmpuint (count_rows (shown.group), ==, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.group), "focus.finish", "s",
                                             ladder_focus_get_id (first)));
  g_assert_true (ladder_focus_is_finished (first));
  g_assert_true (gtk_widget_get_sensitive (add_button));
  /* Finished, it stays, in the history below the plan. */
  g_assert_cmpuint (count_rows (shown.group), ==, 3);
  g_assert_true (_ladder_undo_latest (shown.window));
  g_assert_false (ladder_focus_is_finished (first));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.group), "focus.remove", "s",
                                             ladder_focus_get_id (first)));
  g_assert_null (ladder_profile_find_focus (profile, ladder_focus_get_id (first)));
  g_assert_cmpuint (count_rows (shown.group), ==, 2);
  g_assert_true (_ladder_undo_latest (shown.window));
  g_assert_true (ladder_profile_find_focus (profile, ladder_focus_get_id (first)) == first);
  g_assert_cmpuint (count_rows (shown.group), ==, 3);

  gtk_window_destroy (GTK_WINDOW (shown.window));
}

static gboolean
group_says_tick (GtkWidget *group)
{
  const char *description = adw_preferences_group_get_description (
    ADW_PREFERENCES_GROUP (ui_find (group, "group", ADW_TYPE_PREFERENCES_GROUP)));

  return strstr (description, "tick") != NULL;
}

static GtkWidget *
show_past_checkin (LadderProfile  *profile,
                   guint           day,
                   GDateMonth      month,
                   guint           year,
                   GtkWidget     **window)
{
  g_autoptr(LadderCheckin) past = ladder_checkin_new (NULL);
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);
  AdwNavigationPage *page;

  ladder_checkin_set_date (past, date);
  page = ladder_checkin_page_new (profile, past, FALSE);
  *window = adw_window_new ();
  adw_window_set_content (ADW_WINDOW (*window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (*window));
  ui_spin (50);

  return ui_find (GTK_WIDGET (page), "focus_group", LADDER_TYPE_FOCUS_GROUP);
}

static gboolean
has_row_titled (GtkWidget  *group,
                const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  ui_find_all (group, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return TRUE;

  return FALSE;
}

/* A check-in being held shows the plan; a step ticked there is in the
 * profile at once. A past check-in shows the plan as it stood on its
 * day, as a record (nothing to tick), and no Focus section when there
 * was none. */
static void
test_focus_plan_checkin (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  LadderFocus *open = add_focus (profile, "2-craft-1");
  LadderFocus *done = add_focus (profile, "2-craft-2");
  g_autoptr(GDate) created = g_date_new_dmy (1, G_DATE_JANUARY, 2026);
  g_autoptr(GDate) finished = g_date_new_dmy (1, G_DATE_MARCH, 2026);
  g_autoptr(LadderCheckin) draft = NULL;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  AdwNavigationPage *page;
  GtkWidget *window, *group;

  ladder_focus_set_created (open, created);
  ladder_focus_set_created (done, created);
  ladder_focus_finish (done, finished);
  draft = ladder_profile_start_checkin (profile);
  page = ladder_checkin_page_new (profile, draft, TRUE);
  window = adw_window_new ();
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  ui_spin (50);

  group = ui_find (GTK_WIDGET (page), "focus_group", LADDER_TYPE_FOCUS_GROUP);
  g_assert_nonnull (group);
  g_assert_cmpuint (count_rows (LADDER_FOCUS_GROUP (group)), ==, 1);
  g_assert_true (group_says_tick (group));
  /* Shown, not edited, in a check-in. */
  g_assert_false (gtk_widget_get_visible (ui_find (group, "add_button", GTK_TYPE_BUTTON)));
  ui_find_all (group, GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, ==, 2);
  gtk_widget_activate (checks->pdata[1]);
  g_assert_true (ladder_focus_get_step_done (open, 1));
  g_assert_false (ladder_focus_get_step_done (open, 0));
  gtk_window_destroy (GTK_WINDOW (window));

  /* On the day the second was finished: both, with their steps but
   * nothing to tick, and no progress: today's ticks, ratings and evidence
   * are not that day's. */
  group = show_past_checkin (profile, 1, G_DATE_MARCH, 2026, &window);
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_cmpuint (count_rows (LADDER_FOCUS_GROUP (group)), ==, 2);
  g_assert_false (group_says_tick (group));
  g_ptr_array_set_size (checks, 0);
  ui_find_all (group, GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, ==, 0);
  g_ptr_array_set_size (checks, 0);
  ui_find_all (group, GTK_TYPE_PROGRESS_BAR, checks);
  g_assert_cmpuint (checks->len, ==, 0);
  g_assert_true (has_row_titled (group, "Lead a review"));
  g_ptr_array_set_size (checks, 0);
  ui_find_all (group, ADW_TYPE_EXPANDER_ROW, checks);
  for (guint i = 0; i < checks->len; i++)
    g_assert_null (strchr (adw_expander_row_get_subtitle (checks->pdata[i]), '%'));
  gtk_window_destroy (GTK_WINDOW (window));

  /* A month later: the one still worked on. */
  group = show_past_checkin (profile, 1, G_DATE_APRIL, 2026, &window);
  g_assert_cmpuint (count_rows (LADDER_FOCUS_GROUP (group)), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Before either began: no Focus section. */
  group = show_past_checkin (profile, 1, G_DATE_DECEMBER, 2025, &window);
  g_assert_cmpuint (count_rows (LADDER_FOCUS_GROUP (group)), ==, 0);
  g_assert_false (gtk_widget_get_visible (group));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/focus-plan/add-and-edit", test_focus_plan_add_and_edit);
  g_test_add_func ("/ladder/focus-plan/finish-remove-undo", test_focus_plan_finish_remove_undo);
  g_test_add_func ("/ladder/focus-plan/checkin", test_focus_plan_checkin);

  return g_test_run ();
}
