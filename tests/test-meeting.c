/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 1:1 in the window: topics added to the agenda on the Check-ins
 * page and made private there, ticked off in the check-in being held
 * (the others carry over to the next), and Prepare 1:1, its sections,
 * its private items shown only when asked, and Copy as Markdown from the
 * keyboard.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "ladder-agenda-group.h"
#include "ladder-checkin-page.h"
#include "ladder-checkins-page.h"
#include "ladder-prepare-page.h"
#include "ui-helpers.h"

#define PRIVATE_TOPIC "Is Threnody ready to lead the Vaskor team"
#define PUBLIC_TOPIC  "Conference budget"
#define OTHER_TOPIC   "Pairing with the platform team"

static AdwNavigationPage *
visible_page (LadderWindow *window)
{
  GtkWidget *nav = ui_find (GTK_WIDGET (window), "content_nav", ADW_TYPE_NAVIGATION_VIEW);

  return adw_navigation_view_get_visible_page (ADW_NAVIGATION_VIEW (nav));
}

static gboolean
checkin_page_shown_cb (gpointer data)
{
  return LADDER_IS_CHECKIN_PAGE (visible_page (data));
}

static gboolean
prepare_page_shown_cb (gpointer data)
{
  return LADDER_IS_PREPARE_PAGE (visible_page (data));
}

static gboolean
focus_on_prepare_cb (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));
  GtkWidget *button = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_BUTTON) : NULL;

  return button != NULL && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)),
                                      "checkins.prepare") == 0;
}

static gboolean
main_page_shown_cb (gpointer data)
{
  return g_strcmp0 (adw_navigation_page_get_tag (visible_page (data)), "main") == 0;
}

static AdwPreferencesRow *
row_titled (GtkWidget  *root,
            const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  ui_find_all (root, ADW_TYPE_PREFERENCES_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (rows, i);

      if (gtk_widget_get_mapped (GTK_WIDGET (row)) &&
          g_strcmp0 (adw_preferences_row_get_title (row), title) == 0)
        return row;
    }

  return NULL;
}

static GtkWidget *
child_of_type (GtkWidget *root,
               GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  ui_find_all (root, type, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

/* The agenda shown: the Check-ins page has one for a profile with no
 * check-in yet, and one over its check-ins. */
static GtkWidget *
shown_agenda (GtkWidget *checkins)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  ui_find_all (checkins, LADDER_TYPE_AGENDA_GROUP, groups);
  for (guint i = 0; i < groups->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (groups, i)))
      return g_ptr_array_index (groups, i);

  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *title;
} RowWait;

static gboolean
row_shown_cb (gpointer data)
{
  RowWait *wait = data;

  return row_titled (wait->root, wait->title) != NULL;
}

static gboolean
row_gone_cb (gpointer data)
{
  RowWait *wait = data;

  return row_titled (wait->root, wait->title) == NULL;
}

static AdwPreferencesRow *
wait_for_row (GtkWidget  *root,
              const char *title)
{
  RowWait wait = { root, title };

  ui_wait_for (row_shown_cb, &wait, title);
  return row_titled (root, title);
}

static void
add_topic (GtkWidget  *agenda,
           const char *text)
{
  GtkWidget *entry = ui_find (agenda, "entry", ADW_TYPE_ENTRY_ROW);

  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "entry-activated");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

static LadderTopic *
find_topic (LadderProfile *profile,
            const char    *text)
{
  GListModel *topics = ladder_profile_get_topics (profile);

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(LadderTopic) topic = g_list_model_get_item (topics, i);

      if (g_strcmp0 (ladder_topic_get_text (topic), text) == 0)
        return topic;
    }

  return NULL;
}

static gboolean
topic_private_cb (gpointer data)
{
  return ladder_topic_get_private (data);
}

static gboolean
topic_closed_cb (gpointer data)
{
  return !ladder_topic_is_open (data);
}

/* The agenda on the Check-ins page, a check-in that ticks one topic off
 * with the keyboard, and the next check-in that brings the others in. */
static void
test_meeting_agenda_carries_over (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  GtkWidget *view_stack, *checkins, *agenda, *lock, *check, *group;
  LadderCheckinPage *page;
  LadderCheckin *checkin;
  AdwPreferencesRow *row;
  LadderTopic *topic;
  g_autofree char *contents = NULL;

  view_stack = ui_find (GTK_WIDGET (window), "view_stack", ADW_TYPE_VIEW_STACK);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (view_stack), "checkins");
  checkins = ui_find (GTK_WIDGET (window), "checkins_page", LADDER_TYPE_CHECKINS_PAGE);
  ui_spin (50);

  /* No check-in yet: the agenda is there all the same. */
  agenda = shown_agenda (checkins);
  g_assert_nonnull (agenda);
  add_topic (agenda, PUBLIC_TOPIC);
  add_topic (agenda, PRIVATE_TOPIC);
  add_topic (agenda, OTHER_TOPIC);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_topics (profile)), ==, 3);
  topic = find_topic (profile, PUBLIC_TOPIC);
  g_assert_cmpint (ladder_topic_get_author (topic), ==, ladder_profile_get_owner (profile));
  g_assert_nonnull (ladder_topic_get_created (topic));

  /* Space on a topic's lock makes it private; the row stays. */
  row = wait_for_row (agenda, PRIVATE_TOPIC);
  lock = child_of_type (GTK_WIDGET (row), GTK_TYPE_TOGGLE_BUTTON);
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (lock)), ==, "changes-prevent-symbolic");
  /* Shared or private, said in words, not only by the lock's shade. */
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Private"));
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (lock), "Shared"));
  gtk_widget_grab_focus (lock);
  g_assert_true (ui_press_key (lock, GDK_KEY_space, 0));
  topic = find_topic (profile, PRIVATE_TOPIC);
  ui_wait_for (topic_private_cb, topic, "the topic made private");
  g_assert_true (gtk_widget_has_focus (lock));
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), " · Private"));
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (lock), "Private: "));
  ui_wait_file_has (ladder_profile_get_file (profile), "\"private\" : true", "the private topic in the file");

  /* The check-in being held brings the three in; Space ticks one off. */
  g_assert_true (gtk_widget_activate_action (checkins, "checkins.start", NULL));
  ui_wait_for (checkin_page_shown_cb, window, "the check-in page");
  page = LADDER_CHECKIN_PAGE (visible_page (window));
  checkin = ladder_checkin_page_get_checkin (page);
  group = ui_find (GTK_WIDGET (page), "agenda_group", ADW_TYPE_PREFERENCES_GROUP);
  g_assert_nonnull (wait_for_row (group, PRIVATE_TOPIC));
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row_titled (group, PRIVATE_TOPIC))),
                                   " · Private"));
  g_assert_nonnull (row_titled (group, OTHER_TOPIC));
  row = row_titled (group, PUBLIC_TOPIC);
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Private"));
  g_assert_nonnull (row);
  check = child_of_type (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON);
  gtk_widget_grab_focus (check);
  g_assert_true (ui_press_key (check, GDK_KEY_space, 0));
  topic = find_topic (profile, PUBLIC_TOPIC);
  ui_wait_for (topic_closed_cb, topic, "the topic ticked off");
  g_assert_cmpstr (ladder_topic_get_checkin (topic), ==, ladder_checkin_get_id (checkin));

  /* Finished: the ticked-off topic leaves the agenda, the others stay. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checkin.finish", NULL));
  ui_wait_for (main_page_shown_cb, window, "the main page after finishing");
  ui_spin (50);
  agenda = shown_agenda (checkins);
  g_assert_nonnull (agenda);
  g_assert_nonnull (wait_for_row (agenda, OTHER_TOPIC));
  g_assert_null (row_titled (agenda, PUBLIC_TOPIC));
  ui_wait_file_has (ladder_profile_get_file (profile), "\"closed\"", "the ticked-off topic in the file");
  ui_wait_saved (window);
  contents = ui_read_file (ladder_profile_get_file (profile));
  g_assert_nonnull (strstr (contents, "\"agenda\""));

  /* The next check-in: what was not ticked off carries over. */
  g_assert_true (gtk_widget_activate_action (checkins, "checkins.start", NULL));
  ui_wait_for (checkin_page_shown_cb, window, "the next check-in page");
  page = LADDER_CHECKIN_PAGE (visible_page (window));
  group = ui_find (GTK_WIDGET (page), "agenda_group", ADW_TYPE_PREFERENCES_GROUP);
  g_assert_nonnull (wait_for_row (group, OTHER_TOPIC));
  g_assert_nonnull (row_titled (group, PRIVATE_TOPIC));
  g_assert_null (row_titled (group, PUBLIC_TOPIC));

  /* Discarded, a topic it ticked off goes back on the agenda. */
  row = row_titled (group, OTHER_TOPIC);
  check = child_of_type (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON);
  gtk_widget_grab_focus (check);
  g_assert_true (ui_press_key (check, GDK_KEY_space, 0));
  topic = find_topic (profile, OTHER_TOPIC);
  ui_wait_for (topic_closed_cb, topic, "the other topic ticked off");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "checkin.discard", NULL));
  ui_wait_for (main_page_shown_cb, window, "the main page after discarding");
  g_assert_true (ladder_topic_is_open (topic));

  ui_window_free (window, app);
}

typedef struct
{
  char     *text;
  gboolean  done;
} ClipboardRead;

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClipboardRead *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static gboolean
flag_cb (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

static char *
read_clipboard (GtkWidget *widget)
{
  ClipboardRead read = { NULL, FALSE };

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, clipboard_read_cb, &read);
  ui_wait_for (flag_cb, &read, "the clipboard's text");
  return read.text;
}

static gboolean
switch_row_active_cb (gpointer data)
{
  return adw_switch_row_get_active (data);
}

/* Prepare 1:1 from the window's action: the sections, private items only
 * when asked, and Copy as Markdown with Ctrl+Shift+C. */
static void
test_meeting_prepare (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  g_autoptr(LadderTopic) shared = ladder_topic_new (NULL);
  g_autoptr(LadderTopic) hidden = ladder_topic_new (NULL);
  GtkWidget *page, *private_row, *copy;
  AdwNavigationSplitView *split;
  g_autofree char *markdown = NULL;
  g_autofree char *with_private = NULL;

  ladder_topic_set_text (shared, PUBLIC_TOPIC);
  ladder_topic_set_text (hidden, PRIVATE_TOPIC);
  ladder_topic_set_private (hidden, TRUE);
  ladder_profile_add_topic (profile, shared);
  ladder_profile_add_topic (profile, hidden);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.prepare", NULL));
  ui_wait_for (prepare_page_shown_cb, window, "the Prepare 1:1 page");
  page = GTK_WIDGET (visible_page (window));
  g_assert_cmpstr (adw_navigation_page_get_title (ADW_NAVIGATION_PAGE (page)), ==,
                   "Prepare 1:1 with Sam Tester");
  g_assert_nonnull (wait_for_row (page, PUBLIC_TOPIC));
  g_assert_null (row_titled (page, PRIVATE_TOPIC));
  /* Hidden, it is counted on screen, and the agenda does not say it
   * has no open topic. */
  g_assert_nonnull (row_titled (page, "1 private topic hidden"));
  g_assert_null (row_titled (page, "No open topics."));
  g_assert_nonnull (row_titled (page, "No open actions."));
  /* Progress counts the current level, as the Progress page does. */
  g_assert_nonnull (row_titled (page, "0 of 3 behaviours of Level 1 shown (0 %)"));

  /* The copy is what the screen shows. */
  copy = ui_find (page, "copy_button", GTK_TYPE_BUTTON);
  gtk_widget_grab_focus (copy);
  g_assert_true (ui_press_key (copy, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  markdown = read_clipboard (page);
  g_assert_nonnull (strstr (markdown, "# Prepare 1:1: Sam Tester\n"));
  g_assert_nonnull (strstr (markdown, "- " PUBLIC_TOPIC " — "));
  g_assert_null (strstr (markdown, "Threnody"));
  g_assert_null (strstr (markdown, "hidden"));

  /* Asked for, the private topic shows, and goes into the copy. */
  private_row = ui_find (page, "private_row", ADW_TYPE_SWITCH_ROW);
  gtk_widget_grab_focus (private_row);
  g_assert_true (gtk_widget_has_focus (private_row));
  g_assert_true (ui_press_key (private_row, GDK_KEY_space, 0));
  ui_wait_for (switch_row_active_cb, private_row, "Include Private Items switched on");
  g_assert_nonnull (wait_for_row (page, PRIVATE_TOPIC));
  g_assert_null (row_titled (page, "1 private topic hidden"));
  g_assert_true (ui_press_key (private_row, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  with_private = ladder_prepare_page_get_markdown (LADDER_PREPARE_PAGE (page));
  g_assert_nonnull (strstr (with_private, PRIVATE_TOPIC));

  /* It follows the profile. */
  {
    RowWait wait = { page, PUBLIC_TOPIC };

    ladder_topic_close (shared, ladder_topic_get_created (shared), NULL);
    ui_wait_for (row_gone_cb, &wait, "the topic ticked off gone from Prepare 1:1");
  }

  /* Escape goes back to the check-ins, with the keyboard on Prepare 1:1,
   * however the page was opened. */
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Escape, 0));
  ui_wait_for (main_page_shown_cb, window, "the check-ins again");
  ui_wait_for (focus_on_prepare_cb, window, "the keyboard on Prepare 1:1");

  /* Narrow, the shortcut works from the sidebar too: the page slides in. */
  ui_window_narrow (window);
  split = ADW_NAVIGATION_SPLIT_VIEW (ui_find (GTK_WIDGET (window), NULL, ADW_TYPE_NAVIGATION_SPLIT_VIEW));
  adw_navigation_split_view_set_show_content (split, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.prepare", NULL));
  g_assert_true (adw_navigation_split_view_get_show_content (split));
  ui_wait_for (prepare_page_shown_cb, window, "the Prepare 1:1 page, narrow");

  ui_window_free (window, app);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/meeting/agenda-carries-over", test_meeting_agenda_carries_over);
  g_test_add_func ("/ladder/meeting/prepare", test_meeting_prepare);

  return g_test_run ();
}
