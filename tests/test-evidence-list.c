/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Evidence through the window: add, search, filter, edit, delete and undo,
 * each seen in the list and in the profile's file.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "ladder-evidence-editor.h"
#include "ladder-evidence-page.h"
#include "ladder-evidence-row.h"
#include "ladder-ui-private.h"
#include "ui-helpers.h"

static void
fill_editor (AdwDialog  *dialog,
             const char *title,
             const char *body,
             const char *tags)
{
  GtkWidget *body_view = ui_find (GTK_WIDGET (dialog), "body_view", GTK_TYPE_TEXT_VIEW);

  gtk_editable_set_text (GTK_EDITABLE (ui_find (GTK_WIDGET (dialog), "title_row", 0)), title);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (body_view)), body, -1);
  gtk_editable_set_text (GTK_EDITABLE (ui_find (GTK_WIDGET (dialog), "tags_row", 0)), tags);
}

static gboolean
no_dialog_cb (gpointer data)
{
  return ui_visible_dialog (data) == NULL;
}

typedef struct
{
  GListModel *model;
  guint       n;
} Count;

static gboolean
count_is_cb (gpointer data)
{
  Count *count = data;

  /* The search filters a slice at a time: only its end counts. */
  if (GTK_IS_FILTER_LIST_MODEL (count->model) &&
      gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (count->model)) > 0)
    return FALSE;

  return g_list_model_get_n_items (count->model) == count->n;
}

/* Whether g_utf8_casefold() of @text holds @folded. */
static gboolean
folded_contains (const char *text,
                 const char *folded)
{
  g_autofree char *folded_text = text != NULL ? g_utf8_casefold (text, -1) : NULL;

  return folded_text != NULL && strstr (folded_text, folded) != NULL;
}

static void
wait_shown (GListModel *shown,
            guint       n)
{
  Count count = { shown, n };

  ui_wait_for (count_is_cb, &count, "the evidence list to settle");
}

static const char *
shown_title (GListModel *shown,
             guint       position)
{
  g_autoptr(LadderEvidence) evidence = g_list_model_get_item (shown, position);

  return ladder_evidence_get_title (evidence);
}

static gboolean
file_changed_cb (gpointer data)
{
  char **before = data;
  g_autofree char *now = NULL;
  GFile *file = (GFile *) before[1];

  if (!g_file_load_contents (file, NULL, &now, NULL, NULL, NULL))
    return FALSE;
  return g_strcmp0 (now, before[0]) != 0;
}

/* Waits until the profile's file differs from what it was. */
static char *
wait_file_changed (LadderWindow  *window,
                   LadderProfile *profile,
                   char          *before)
{
  gpointer state[2] = { before, ladder_profile_get_file (profile) };

  ui_wait_for (file_changed_cb, state, "the profile's file to change");
  ui_wait_saved (window);
  g_free (before);
  return ui_read_file (ladder_profile_get_file (profile));
}

static gboolean
rows_drawn_cb (gpointer data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  ui_find_all (data, LADDER_TYPE_EVIDENCE_ROW, rows);
  return rows->len > 0;
}

static void
test_evidence_flow (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  GtkWidget *page = _ladder_window_get_evidence_page (window);
  GListModel *shown = ladder_evidence_page_get_shown (LADDER_EVIDENCE_PAGE (page));
  GtkWidget *search;
  GtkWidget *category;
  AdwDialog *dialog;
  char *contents;
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  LadderEvidence *evidence;

  ladder_profile_set_role (profile, "Engineer");
  ui_spin (600);
  ui_wait_saved (window);
  contents = ui_read_file (ladder_profile_get_file (profile));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);

  /* Add (Ctrl+N's action), linked to nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-evidence", NULL));
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_EVIDENCE_EDITOR (dialog));
  fill_editor (dialog, "Fixed the <i>outage</i>", "Paged at night; wrote the post-mortem.",
               "incident, on-call");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "editor.save", NULL));
  ui_wait_for (no_dialog_cb, window, "the editor to close");
  wait_shown (shown, 1);
  contents = wait_file_changed (window, profile, contents);
  g_assert_nonnull (strstr (contents, "Fixed the <i>outage</i>"));
  g_assert_nonnull (strstr (contents, "\"on-call\""));
  {
    g_autoptr(LadderEvidence) first = g_list_model_get_item (shown, 0);

    first_id = g_strdup (ladder_evidence_get_id (first));
  }

  /* Add from a behaviour row's action: linked to that behaviour. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-evidence-for", "s", "b4"));
  dialog = ui_visible_dialog (window);
  fill_editor (dialog, "Mentored a new starter", "Weekly pairing.  \n\n  Reviews together.", "mentoring");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "editor.save", NULL));
  ui_wait_for (no_dialog_cb, window, "the editor to close");
  wait_shown (shown, 2);
  contents = wait_file_changed (window, profile, contents);
  g_assert_cmpuint (ladder_profile_count_evidence_for (profile, "b4"), ==, 1);
  /* Newest first: same day, created later. */
  g_assert_cmpstr (shown_title (shown, 0), ==, "Mentored a new starter");
  {
    g_autoptr(LadderEvidence) second = g_list_model_get_item (shown, 0);

    second_id = g_strdup (ladder_evidence_get_id (second));
  }

  /* Search over title, body and tags. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  search = ui_find (page, "search_entry", GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "POST-MORTEM");
  wait_shown (shown, 1);
  g_assert_cmpstr (shown_title (shown, 0), ==, "Fixed the <i>outage</i>");
  gtk_editable_set_text (GTK_EDITABLE (search), "mentoring");
  wait_shown (shown, 1);
  g_assert_cmpstr (shown_title (shown, 0), ==, "Mentored a new starter");
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  wait_shown (shown, 2);

  /* Filters: a behaviour, and a category. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-evidence-for", "s", "b4"));
  wait_shown (shown, 1);
  ladder_evidence_page_set_behaviour_filter (LADDER_EVIDENCE_PAGE (page), NULL);
  wait_shown (shown, 2);
  category = ui_find (page, "category_dropdown", GTK_TYPE_DROP_DOWN);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (category), 2); /* People */
  wait_shown (shown, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (category), 1); /* Craft */
  wait_shown (shown, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (category), 0);
  wait_shown (shown, 2);

  /* Tags: the profile's own, sorted, once each; one shows the entries
   * that have it, with the search too. */
  {
    GtkWidget *tags = ui_find (page, "tag_dropdown", GTK_TYPE_DROP_DOWN);
    GListModel *choices = gtk_drop_down_get_model (GTK_DROP_DOWN (tags));

    g_assert_true (gtk_widget_get_visible (tags));
    g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 4);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 1), ==, "incident");
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 2), ==, "mentoring");
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 3), ==, "on-call");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (tags), 3); /* on-call */
    wait_shown (shown, 1);
    g_assert_cmpstr (shown_title (shown, 0), ==, "Fixed the <i>outage</i>");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (tags), 2); /* mentoring */
    wait_shown (shown, 1);
    g_assert_cmpstr (shown_title (shown, 0), ==, "Mentored a new starter");
    gtk_editable_set_text (GTK_EDITABLE (search), "post-mortem");
    wait_shown (shown, 0);
    gtk_editable_set_text (GTK_EDITABLE (search), "");
    wait_shown (shown, 1);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (tags), 0);
    wait_shown (shown, 2);
  }

  /* The behaviour picker: searched, then a click on the match. */
  {
    GtkWidget *menu_button = ui_find (page, "behaviour_menu_button", GTK_TYPE_MENU_BUTTON);
    GtkWidget *picker_search = ui_find (page, "behaviour_search", GTK_TYPE_SEARCH_ENTRY);
    GtkWidget *picker = ui_find (page, "behaviour_list", GTK_TYPE_LIST_VIEW);
    GListModel *behaviours = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (picker)));
    g_autoptr(LadderBehaviour) first = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (behaviours), ==, 4);
    gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
    gtk_editable_set_text (GTK_EDITABLE (picker_search), "helps");
    g_signal_emit_by_name (picker_search, "search-changed");
    g_assert_cmpuint (g_list_model_get_n_items (behaviours), ==, 1);
    first = g_list_model_get_item (behaviours, 0);
    g_assert_cmpstr (ladder_behaviour_get_id (first), ==, "b4");
    g_assert_true (gtk_widget_activate_action (picker, "list.activate-item", "u", 0));
    wait_shown (shown, 1);
    g_assert_cmpstr (shown_title (shown, 0), ==, "Mentored a new starter");
    g_assert_true (gtk_widget_get_visible (ui_find (page, "behaviour_button", GTK_TYPE_BUTTON)));
    gtk_widget_activate (ui_find (page, "behaviour_button", GTK_TYPE_BUTTON));
    wait_shown (shown, 2);
  }

  /* Edit. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-evidence", "s", first_id));
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_EVIDENCE_EDITOR (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (GTK_WIDGET (dialog), "title_row", 0))),
                   ==, "Fixed the <i>outage</i>");
  gtk_editable_set_text (GTK_EDITABLE (ui_find (GTK_WIDGET (dialog), "title_row", 0)),
                         "Fixed the payments outage");
  {
    g_autoptr(GDateTime) old_day = g_date_time_new_local (2020, 1, 15, 0, 0, 0);

    gtk_calendar_set_date (GTK_CALENDAR (ui_find (GTK_WIDGET (dialog), "calendar", GTK_TYPE_CALENDAR)),
                           old_day);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "editor.save", NULL));
  ui_wait_for (no_dialog_cb, window, "the editor to close");
  evidence = ladder_profile_find_evidence (profile, first_id);
  g_assert_cmpstr (ladder_evidence_get_title (evidence), ==, "Fixed the payments outage");
  contents = wait_file_changed (window, profile, contents);
  g_assert_nonnull (strstr (contents, "Fixed the payments outage"));
  g_assert_nonnull (strstr (contents, "\"2020-01-15\""));
  /* Newest first: the entry moved back in time goes last. */
  wait_shown (shown, 2);
  g_assert_cmpstr (shown_title (shown, 1), ==, "Fixed the payments outage");

  /* Dates: a preset, then a range of the user's own. */
  {
    GtkWidget *dates = ui_find (page, "date_dropdown", GTK_TYPE_DROP_DOWN);
    GtkWidget *from_button = ui_find (page, "from_button", GTK_TYPE_MENU_BUTTON);
    GtkWidget *to_button = ui_find (page, "to_button", GTK_TYPE_MENU_BUTTON);
    GtkWidget *from;
    GtkWidget *to;
    g_autoptr(GDateTime) from_shown = NULL;
    g_autoptr(GDateTime) to_shown = NULL;
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) month_ago = g_date_time_add_days (now, -30);
    g_autoptr(GDateTime) from_day = g_date_time_new_local (2019, 12, 1, 0, 0, 0);
    g_autoptr(GDateTime) to_day = g_date_time_new_local (2020, 1, 31, 0, 0, 0);

    gtk_drop_down_set_selected (GTK_DROP_DOWN (dates), 3); /* Last 12 Months */
    wait_shown (shown, 1);
    g_assert_cmpstr (shown_title (shown, 0), ==, "Mentored a new starter");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dates), 4); /* Custom Range */
    g_assert_true (gtk_widget_get_visible (from_button));
    wait_shown (shown, 1);
    /* The calendars are made when their popovers open, on the range's
     * days: the last 30. */
    g_assert_null (ui_find (from_button, NULL, GTK_TYPE_CALENDAR));
    g_assert_null (ui_find (to_button, NULL, GTK_TYPE_CALENDAR));
    gtk_menu_button_popup (GTK_MENU_BUTTON (from_button));
    from = ui_find (from_button, NULL, GTK_TYPE_CALENDAR);
    gtk_menu_button_popdown (GTK_MENU_BUTTON (from_button));
    gtk_menu_button_popup (GTK_MENU_BUTTON (to_button));
    to = ui_find (to_button, NULL, GTK_TYPE_CALENDAR);
    gtk_menu_button_popdown (GTK_MENU_BUTTON (to_button));
    g_assert_nonnull (from);
    g_assert_nonnull (to);
    from_shown = gtk_calendar_get_date (GTK_CALENDAR (from));
    to_shown = gtk_calendar_get_date (GTK_CALENDAR (to));
    g_assert_cmpint (g_date_time_get_day_of_year (from_shown), ==, g_date_time_get_day_of_year (month_ago));
    g_assert_cmpint (g_date_time_get_year (from_shown), ==, g_date_time_get_year (month_ago));
    g_assert_cmpint (g_date_time_get_day_of_year (to_shown), ==, g_date_time_get_day_of_year (now));
    g_assert_cmpint (g_date_time_get_year (to_shown), ==, g_date_time_get_year (now));
    gtk_calendar_set_date (GTK_CALENDAR (from), from_day);
    gtk_calendar_set_date (GTK_CALENDAR (to), to_day);
    wait_shown (shown, 1);
    g_assert_cmpstr (shown_title (shown, 0), ==, "Fixed the payments outage");
    /* Its arrow keys start from the range's first day and only move;
     * Enter chooses. */
    gtk_menu_button_popup (GTK_MENU_BUTTON (from_button));
    g_assert_true (ui_press_captured_key (from, GDK_KEY_Right));
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (from_button)))));
    g_assert_nonnull (strstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (from_button)), "1 Dec 2019"));
    g_assert_true (ui_press_captured_key (from, GDK_KEY_Return));
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (from_button)))));
    g_assert_nonnull (strstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (from_button)), "2 Dec 2019"));
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dates), 0);
    g_assert_false (gtk_widget_get_visible (from_button));
    wait_shown (shown, 2);
  }

  /* Delete, from the editor, then undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-evidence", "s", first_id));
  dialog = ui_visible_dialog (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "editor.delete", NULL));
  ui_wait_for (no_dialog_cb, window, "the editor to close");
  wait_shown (shown, 1);
  g_assert_null (ladder_profile_find_evidence (profile, first_id));
  contents = wait_file_changed (window, profile, contents);
  g_assert_null (strstr (contents, "Fixed the payments outage"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete-evidence", "s",
                                             first_id));
  wait_shown (shown, 2);
  g_assert_nonnull (ladder_profile_find_evidence (profile, first_id));
  contents = wait_file_changed (window, profile, contents);
  g_assert_nonnull (strstr (contents, "Fixed the payments outage"));

  /* Delete from the list's own row, then undo. */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    GtkWidget *row = NULL;
    GtkWidget *details;

    ui_wait_for (rows_drawn_cb, page, "the evidence rows");
    ui_find_all (page, LADDER_TYPE_EVIDENCE_ROW, rows);
    for (guint i = 0; i < rows->len; i++)
      {
        GtkWidget *title = ui_find (g_ptr_array_index (rows, i), "title", GTK_TYPE_LABEL);

        if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (title)), "Mentored a new starter") == 0)
          row = g_ptr_array_index (rows, i);
      }
    g_assert_nonnull (row);
    /* The start of its text as one run, whatever its paragraphs. */
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (ui_find (row, "body", GTK_TYPE_LABEL))), ==,
                     "Weekly pairing. Reviews together.");
    /* The behaviours it backs, by name. */
    details = ui_find (row, "details", GTK_TYPE_LABEL);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (details), ==, "• Helps others");
    gtk_widget_activate (ui_find (row, "delete_button", GTK_TYPE_BUTTON));
    wait_shown (shown, 1);
    g_assert_cmpstr (shown_title (shown, 0), ==, "Fixed the payments outage");
    g_assert_cmpuint (ladder_profile_count_evidence_for (profile, "b4"), ==, 0);
    contents = wait_file_changed (window, profile, contents);
    g_assert_null (strstr (contents, "Mentored a new starter"));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete-evidence", "s",
                                             second_id));
  wait_shown (shown, 2);
  g_assert_cmpuint (ladder_profile_count_evidence_for (profile, "b4"), ==, 1);
  contents = wait_file_changed (window, profile, contents);
  g_assert_nonnull (strstr (contents, "Mentored a new starter"));
  g_free (contents);

  /* Another profile (or none, as the window closes) with a filter on: the
   * old entries go first, so that clearing the filters binds no row for
   * an entry of a profile no longer shown (a critical fails the test). */
  {
    GtkWidget *dates = ui_find (page, "date_dropdown", GTK_TYPE_DROP_DOWN);

    gtk_drop_down_set_selected (GTK_DROP_DOWN (dates), 3); /* Last 12 Months */
    wait_shown (shown, 1);
    ui_wait_for (rows_drawn_cb, page, "the evidence rows");
    ladder_evidence_page_set_profile (LADDER_EVIDENCE_PAGE (page), NULL);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dates)), ==, 0);
    ladder_evidence_page_set_profile (LADDER_EVIDENCE_PAGE (page), profile);
    wait_shown (shown, 2);
  }

  ui_window_free (window, app);
}

/* A long log shown, left for a framework and shown again: nothing on the
 * way may log a warning (any warning fails a UI test), whether from the
 * rows' actions being disabled and enabled or from a view that cannot fit
 * the window. */
static void
test_evidence_long_log (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  GtkWidget *page = _ladder_window_get_evidence_page (window);
  GListModel *shown = ladder_evidence_page_get_shown (LADDER_EVIDENCE_PAGE (page));
  GListModel *frameworks = ladder_library_get_frameworks (_ladder_window_get_library (window));
  g_autoptr(LadderFramework) framework = g_list_model_get_item (frameworks, 0);
  LadderProfile *profile;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-demo", NULL));
  profile = _ladder_window_get_profile (window);
  g_assert_nonnull (profile);
  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  ui_wait_for (rows_drawn_cb, page, "the evidence rows");
  ui_spin (200);

  /* The search matches as g_utf8_casefold() does, over text folded ahead
   * while the search bar was open, ASCII or not. */
  {
    g_autoptr(LadderEvidence) entry = ladder_evidence_new (NULL);
    GtkWidget *search = ui_find (page, "search_entry", GTK_TYPE_SEARCH_ENTRY);
    GListModel *evidence = ladder_profile_get_evidence (profile);
    guint expected = 0;

    ladder_evidence_set_title (entry, "Fixed the Straße outage");
    ladder_profile_add_evidence (profile, entry);
    for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
      {
        g_autoptr(LadderEvidence) item = g_list_model_get_item (evidence, i);
        const char * const *tags = ladder_evidence_get_tags (item);
        const char * const *links = ladder_evidence_get_links (item);
        const char * const *behaviours = ladder_evidence_get_behaviours (item);
        gboolean match = folded_contains (ladder_evidence_get_title (item), "incident") ||
                         folded_contains (ladder_evidence_get_body (item), "incident");

        for (guint j = 0; !match && tags[j] != NULL; j++)
          match = folded_contains (tags[j], "incident");
        for (guint j = 0; !match && links != NULL && links[j] != NULL; j++)
          match = folded_contains (links[j], "incident");
        for (guint j = 0; !match && behaviours != NULL && behaviours[j] != NULL; j++)
          {
            LadderBehaviour *behaviour =
              ladder_framework_find_behaviour (ladder_profile_get_framework (profile), behaviours[j]);

            match = behaviour != NULL && folded_contains (ladder_behaviour_get_text (behaviour), "incident");
          }
        expected += match;
      }
    g_assert_cmpuint (expected, >, 0);
    g_assert_cmpuint (expected, <, g_list_model_get_n_items (evidence));

    gtk_editable_set_text (GTK_EDITABLE (search), "INCIDENT");
    wait_shown (shown, expected);
    gtk_editable_set_text (GTK_EDITABLE (search), "STRASSE");
    wait_shown (shown, 1);
    g_assert_cmpstr (shown_title (shown, 0), ==, "Fixed the Straße outage");
    gtk_editable_set_text (GTK_EDITABLE (search), "");
  }

  /* Away to a framework (the action is disabled) and back (enabled). */
  _ladder_window_select (window, G_OBJECT (framework));
  ui_spin (100);
  _ladder_window_select (window, G_OBJECT (profile));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  ui_spin (200);

  ui_window_free (window, app);
}

/* A profile seen before is shown at once, its evidence tab saying it is
 * reading, and then the whole list; what needs all of it waits. */
static void
test_evidence_read_after_shown (void)
{
  g_autoptr(LadderApplication) app = NULL;
  g_autoptr(LadderApplication) app2 = NULL;
  LadderWindow *window = ui_window_new (&app);
  GtkWidget *page, *stack;
  GListModel *shown;
  LadderProfile *profile;
  guint n;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-demo", NULL));
  profile = _ladder_window_get_profile (window);
  n = g_list_model_get_n_items (ladder_profile_get_evidence (profile));
  g_assert_cmpuint (n, >, 20);
  ui_window_free (window, app);

  window = ui_window_new_listed (&app2);
  profile = _ladder_window_get_profile (window);
  g_assert_nonnull (profile);
  g_assert_true (ladder_profile_get_loading (profile));
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "profile");
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  page = _ladder_window_get_evidence_page (window);
  stack = ui_find (page, "stack", GTK_TYPE_STACK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "loading");

  ui_wait_for (ui_profiles_whole_cb, window, "the evidence to be read");
  shown = ladder_evidence_page_get_shown (LADDER_EVIDENCE_PAGE (page));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "list");

  ui_window_free (window, app2);
}

static gboolean
filtered_cb (gpointer data)
{
  GListModel *shown = data;

  return !GTK_IS_FILTER_LIST_MODEL (shown) ||
         gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (shown)) == 0;
}

/* The entries @shown lists are exactly those of @profile that a search
 * for @typed finds, newest first as ever. */
static void
assert_search_results (LadderProfile *profile,
                       GListModel    *shown,
                       const char    *typed)
{
  g_autoptr(LadderSearchIndex) index = ladder_search_index_new (ladder_profile_get_framework (profile));
  g_autofree char *folded = ladder_search_fold (typed, -1);
  GListModel *evidence = ladder_profile_get_evidence (profile);
  g_autoptr(GHashTable) listed = g_hash_table_new (NULL, NULL);
  guint expected = 0;

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(LadderEvidence) entry = g_list_model_get_item (shown, i);

      g_assert_true (ladder_search_index_matches (index, entry, folded));
      g_assert_true (g_hash_table_add (listed, entry));
    }
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(LadderEvidence) entry = g_list_model_get_item (evidence, i);

      if (ladder_search_index_matches (index, entry, folded))
        {
          expected++;
          g_assert_true (g_hash_table_contains (listed, entry));
        }
    }
  g_assert_cmpuint (expected, ==, g_list_model_get_n_items (shown));
  g_assert_cmpuint (expected, >, 0);
}

/* A search typed while the profile's evidence is still being read: the
 * evidence arrives all at once and is searched a step at a time, and the
 * search then finds what it would have, and keystrokes after it filter at
 * once again. */
static void
test_evidence_search_while_reading (void)
{
  g_autoptr(LadderApplication) app = NULL;
  g_autoptr(LadderApplication) app2 = NULL;
  LadderWindow *window = ui_window_new (&app);
  GtkWidget *page, *search;
  GListModel *shown;
  LadderProfile *profile;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-demo", NULL));
  ui_window_free (window, app);

  window = ui_window_new_listed (&app2);
  profile = _ladder_window_get_profile (window);
  g_assert_true (ladder_profile_get_loading (profile));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  page = _ladder_window_get_evidence_page (window);
  shown = ladder_evidence_page_get_shown (LADDER_EVIDENCE_PAGE (page));
  search = ui_find (page, "search_entry", GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "the");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_true (gtk_filter_list_model_get_incremental (GTK_FILTER_LIST_MODEL (shown)));

  ui_wait_for (ui_profiles_whole_cb, window, "the evidence to be read");
  ui_wait_for (filtered_cb, shown, "the evidence to be searched");
  assert_search_results (profile, shown, "the");
  g_assert_false (gtk_filter_list_model_get_incremental (GTK_FILTER_LIST_MODEL (shown)));

  /* Narrower, and wider again: at once, as before. */
  gtk_editable_set_text (GTK_EDITABLE (search), "the r");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (shown)), ==, 0);
  assert_search_results (profile, shown, "the r");
  gtk_editable_set_text (GTK_EDITABLE (search), "th");
  g_signal_emit_by_name (search, "search-changed");
  assert_search_results (profile, shown, "th");

  ui_window_free (window, app2);
}

/* A search typed as the search bar opens, before the text of the entries
 * is folded ahead, filters a step at a time rather than folding all of
 * it in one keystroke; it finds what it would have, and keystrokes after
 * it filter at once again. */
static void
test_evidence_search_before_folded (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  GtkWidget *page, *search;
  GListModel *shown;
  LadderProfile *profile;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.load-demo", NULL));
  profile = _ladder_window_get_profile (window);
  g_assert_false (ladder_profile_get_loading (profile));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  page = _ladder_window_get_evidence_page (window);
  shown = ladder_evidence_page_get_shown (LADDER_EVIDENCE_PAGE (page));
  search = ui_find (page, "search_entry", GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "the");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_true (gtk_filter_list_model_get_incremental (GTK_FILTER_LIST_MODEL (shown)));
  g_assert_cmpuint (gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (shown)), >, 0);

  ui_wait_for (filtered_cb, shown, "the evidence to be searched");
  assert_search_results (profile, shown, "the");
  g_assert_false (gtk_filter_list_model_get_incremental (GTK_FILTER_LIST_MODEL (shown)));

  gtk_editable_set_text (GTK_EDITABLE (search), "the r");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (shown)), ==, 0);
  assert_search_results (profile, shown, "the r");

  ui_window_free (window, app);
}

/* What the app makes ready after its first frame leaves the first editor
 * working as ever: it opens, saves, and the entry is found. */
static void
test_evidence_editor_prepared (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  guint n = g_list_model_get_n_items (ladder_profile_get_evidence (profile));
  AdwDialog *dialog;

  ladder_evidence_editor_prepare (GTK_WIDGET (window));
  /* Once a process: a second call adds nothing. */
  ladder_evidence_editor_prepare (GTK_WIDGET (window));
  ui_spin (500);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-evidence", NULL));
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_EVIDENCE_EDITOR (dialog));
  fill_editor (dialog, "Prepared ahead", "Opened after the window was still.", "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "editor.save", NULL));
  ui_wait_for (no_dialog_cb, window, "the editor to close");
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, n + 1);

  ui_window_free (window, app);
}

/* The rows of the editor's links, in order: link → whether it has an
 * Open button (one for that link) and, if not, the reason it shows. */
static GPtrArray *
link_rows (AdwDialog *dialog)
{
  GtkWidget *group = ui_find (GTK_WIDGET (dialog), "links_group", ADW_TYPE_PREFERENCES_GROUP);
  GPtrArray *rows = g_ptr_array_new ();

  ui_find_all (group, ADW_TYPE_ACTION_ROW, rows);
  return rows;
}

static gboolean
link_row_opens (GtkWidget *row)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint n_open = 0;

  ui_find_all (row, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkActionable *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_actionable_get_action_name (button), "editor.open-link") == 0)
        {
          g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (button), NULL),
                           ==, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
          n_open++;
        }
    }
  g_assert_cmpuint (n_open, <=, 1);

  return n_open == 1;
}

static void
assert_link_rows (AdwDialog          *dialog,
                  const char * const *links,
                  guint               n_safe)
{
  g_autoptr(GPtrArray) rows = link_rows (dialog);

  g_assert_cmpuint (rows->len, ==, g_strv_length ((char **) links));
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, links[i]);
      g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
      if (i < n_safe)
        {
          if (!link_row_opens (row))
            g_error ("“%s” has no Open button", links[i]);
          g_assert_true (subtitle == NULL || *subtitle == '\0');
        }
      else
        {
          if (link_row_opens (row))
            g_error ("“%s” has an Open button", links[i]);
          g_assert_nonnull (subtitle);
          g_assert_true (strstr (subtitle, "Ladder") != NULL);
        }
    }
}

/* Clicks the Undo of the toast on screen in @root. */
static void
click_undo (AdwDialog *root)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  ui_find_all (GTK_WIDGET (root), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "_Undo") == 0)
        {
          g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
          return;
        }
    }

  g_error ("No Undo on screen");
}

/* Only web and email links get an Open button in the editor; the others
 * show as text with the reason, and one added is kept all the same. */
static void
test_evidence_links (void)
{
  const char *links[] = {
    "https://example.com/safe", "http://example.org/plain", "mailto:someone@example.com",
    "javascript:alert(1)", "file:///etc/passwd", "data:text/html,<script>alert(1)</script>",
    "smb://server/share", "example.com", NULL,
  };
  const char *added[] = {
    "https://example.com/safe", "http://example.org/plain", "mailto:someone@example.com",
    "javascript:alert(1)", "file:///etc/passwd", "data:text/html,<script>alert(1)</script>",
    "smb://server/share", "example.com", "javascript:void(0)", NULL,
  };
  g_autoptr(LadderApplication) app = NULL;
  g_autoptr(LadderEvidence) entry = ladder_evidence_new (NULL);
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  const char *id = ladder_evidence_get_id (entry);
  GtkWidget *entry_row;
  GtkWidget *title_row;
  AdwDialog *dialog;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 4, 3, 2026);
  ladder_evidence_set_date (entry, &day);
  ladder_evidence_set_title (entry, "Links of every kind");
  ladder_evidence_set_links (entry, links);
  ladder_profile_add_evidence (profile, entry);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-evidence", "s", id));
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_EVIDENCE_EDITOR (dialog));
  assert_link_rows (dialog, links, 3);

  /* What is typed at once goes into the title. */
  title_row = ui_find (GTK_WIDGET (dialog), "title_row", ADW_TYPE_ENTRY_ROW);
  g_assert_true (adw_dialog_get_focus (dialog) == title_row ||
                 gtk_widget_is_ancestor (adw_dialog_get_focus (dialog), title_row));

  /* A link removed (a button Tab reached in passing) comes back where it
   * was with the toast's Undo. */
  {
    g_autoptr(GPtrArray) rows = link_rows (dialog);
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    const char *without_second[G_N_ELEMENTS (links)];
    guint n = 0;

    for (guint i = 0; links[i] != NULL; i++)
      if (i != 1)
        without_second[n++] = links[i];
    without_second[n] = NULL;

    ui_find_all (g_ptr_array_index (rows, 1), GTK_TYPE_BUTTON, buttons);
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), "Remove Link") == 0)
        g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
    assert_link_rows (dialog, without_second, 2);
    click_undo (dialog);
    assert_link_rows (dialog, links, 3);
  }

  /* Added by hand: kept, and marked at once. */
  entry_row = ui_find (GTK_WIDGET (dialog), "link_entry", ADW_TYPE_ENTRY_ROW);
  gtk_editable_set_text (GTK_EDITABLE (entry_row), "  javascript:void(0) ");
  g_signal_emit_by_name (entry_row, "entry-activated");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row)), ==, "");
  assert_link_rows (dialog, added, 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "editor.save", NULL));
  ui_wait_for (no_dialog_cb, window, "the editor to close");
  g_assert_true (g_strv_equal (ladder_evidence_get_links (ladder_profile_find_evidence (profile, id)),
                               added));

  ui_window_free (window, app);
}

/* Text of awkward shapes goes through the editor byte for byte: the
 * editor lays it out in short runs (tags of its own), which must never
 * reach the entry, when it opens, or is pasted into, or saved. */
static gboolean
dialog_closed_cb (gpointer data)
{
  return gtk_widget_get_parent (data) == NULL;
}

static gboolean
allocated_cb (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* In a narrow window a row's title wraps onto a second line, as the text
 * under it does, rather than stopping after three words; a title longer
 * than two lines still ends in "…". */
static void
test_evidence_row_title_wraps (void)
{
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  g_autoptr(LadderEvidence) evidence = ladder_evidence_new (NULL);
  GtkWindow *window = GTK_WINDOW (adw_window_new ());
  GtkWidget *row = ladder_evidence_row_new ();
  GtkWidget *title = ui_find (row, "title", GTK_TYPE_LABEL);
  GString *longer = g_string_new (NULL);
  g_autofree char *longer_text = NULL;

  ladder_evidence_set_title (evidence, "Documented the deployment pipeline");
  ladder_evidence_row_set_evidence (LADDER_EVIDENCE_ROW (row), framework, evidence);
  adw_window_set_content (ADW_WINDOW (window), row);
  gtk_window_set_default_size (window, 360, 640);
  gtk_window_present (window);
  ui_wait_for (allocated_cb, title, "the row's title");
  ui_spin (100);

  g_assert_true (gtk_label_get_wrap (GTK_LABEL (title)));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (title))));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (title))), ==, 2);

  for (guint i = 0; i < 12; i++)
    g_string_append (longer, "Documented the deployment pipeline ");
  longer_text = g_string_free (longer, FALSE);
  ladder_evidence_set_title (evidence, longer_text);
  ui_spin (200);
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (title))));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (title))), ==, 2);

  ladder_evidence_row_set_evidence (LADDER_EVIDENCE_ROW (row), NULL, NULL);
  gtk_window_destroy (window);
}

static void
test_evidence_body_round_trip (void)
{
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  g_autoptr(LadderProfile) profile = ladder_profile_new (NULL, framework);
  GtkWindow *window = GTK_WINDOW (adw_window_new ());
  GString *word = g_string_new (NULL);
  GString *mixed = g_string_new (NULL);
  GString *lines = g_string_new (NULL);
  g_autofree char *word_text = NULL;
  g_autofree char *mixed_text = NULL;
  g_autofree char *lines_text = NULL;
  const char *texts[4];

  for (guint i = 0; i < 5000; i++)
    g_string_append_c (word, 'a' + (i * i + 7 * i) % 26);
  word_text = g_string_free (word, FALSE);
  for (guint i = 0; i < 20; i++)
    {
      g_string_append (mixed, "Shipped it, see https://example.com/a/very/long/path?q=1&r=2 and then ");
      for (guint j = 0; j < 300; j++)
        g_string_append_unichar (mixed, 0x4e00 + (i * 31 + j * 7) % 5000);
      g_string_append (mixed, " e\xcc\x81te\xcc\x81 \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb ");
      for (guint j = 0; j < 200; j++)
        g_string_append (mixed, "a\xcc\x81");
      g_string_append (mixed, "\r\n  \n\t");
    }
  mixed_text = g_string_free (mixed, FALSE);
  for (guint i = 0; i < 500; i++)
    g_string_append_printf (lines, "Line %u of the notes\n", i);
  lines_text = g_string_free (lines, FALSE);
  texts[0] = word_text;
  texts[1] = mixed_text;
  texts[2] = lines_text;
  texts[3] = NULL;

  gtk_window_set_default_size (window, 360, 640);
  gtk_window_present (window);

  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_autoptr(LadderEvidence) evidence = ladder_evidence_new (NULL);
      g_autofree char *expected = g_strconcat (texts[i], word_text, NULL);
      AdwDialog *dialog;
      GtkTextBuffer *buffer;
      GtkTextIter start, end;
      g_autofree char *shown = NULL;

      g_assert_true (g_utf8_validate (texts[i], -1, NULL));
      ladder_evidence_set_title (evidence, "Long text");
      ladder_evidence_set_body (evidence, texts[i]);
      ladder_profile_add_evidence (profile, evidence);

      /* Opened and drawn: the text shown is the entry's. */
      dialog = ladder_evidence_editor_new (profile, evidence, NULL);
      g_object_ref_sink (dialog);
      adw_dialog_present (dialog, GTK_WIDGET (window));
      ui_spin (200);
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ui_find (GTK_WIDGET (dialog), "body_view",
                                                                 GTK_TYPE_TEXT_VIEW)));
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      shown = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      g_assert_cmpstr (shown, ==, texts[i]);

      /* Saved untouched: the body is unchanged. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "editor.save", NULL));
      ui_wait_for (dialog_closed_cb, dialog, "the editor to close");
      g_assert_cmpstr (ladder_evidence_get_body (evidence), ==, texts[i]);
      g_object_unref (dialog);

      /* A long word pasted at the end is saved as it was pasted. */
      dialog = ladder_evidence_editor_new (profile, evidence, NULL);
      g_object_ref_sink (dialog);
      adw_dialog_present (dialog, GTK_WIDGET (window));
      ui_spin (100);
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ui_find (GTK_WIDGET (dialog), "body_view",
                                                                 GTK_TYPE_TEXT_VIEW)));
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert_interactive (buffer, &end, word_text, -1, TRUE);
      ui_spin (100);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "editor.save", NULL));
      ui_wait_for (dialog_closed_cb, dialog, "the editor to close");
      g_assert_cmpstr (ladder_evidence_get_body (evidence), ==, expected);
      g_object_unref (dialog);
    }

  gtk_window_destroy (window);
}

typedef struct
{
  GListModel *pieces;
  gsize       length;
} Pieces;

/* Whether the pieces of a long description are all in its list. */
static gboolean
all_pieces_in_cb (gpointer data)
{
  Pieces *pieces = data;
  gsize length = 0;

  for (guint i = 0; i < g_list_model_get_n_items (pieces->pieces); i++)
    {
      g_autoptr(GtkStringObject) piece = g_list_model_get_item (pieces->pieces, i);

      length += strlen (gtk_string_object_get_string (piece));
    }

  return length == pieces->length;
}

/* A description too long to edit without the window freezing (a word of
 * 100,000 characters, 1 MB) is shown in pieces that make it whole again,
 * in order, and saved as it was; Edit Anyway puts it in the text view. */
static void
test_evidence_long_body (void)
{
  g_autoptr(LadderApplication) app = NULL;
  g_autoptr(LadderEvidence) entry = ladder_evidence_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) joined = g_string_new (NULL);
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  const char *id = ladder_evidence_get_id (entry);
  GtkListView *list;
  GListModel *chunks;
  AdwDialog *dialog;

  /* A word with no break, then prose, then letters and marks. */
  for (guint i = 0; i < 60000; i++)
    g_string_append_c (body, 'a' + i % 26);
  for (guint i = 0; i < 4000; i++)
    g_string_append (body, "word ");
  for (guint i = 0; i < 3000; i++)
    g_string_append (body, "e\u0301\u05d0\n");
  ladder_evidence_set_title (entry, "A very long description");
  ladder_evidence_set_body (entry, body->str);
  ladder_profile_add_evidence (profile, entry);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-evidence", "s", id));
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_EVIDENCE_EDITOR (dialog));
  g_assert_false (gtk_widget_get_visible (ui_find (GTK_WIDGET (dialog), "body_view", 0)));
  g_assert_true (gtk_widget_get_visible (ui_find (GTK_WIDGET (dialog), "long_body_box", 0)));

  list = GTK_LIST_VIEW (ui_find (GTK_WIDGET (dialog), "long_body_list", GTK_TYPE_LIST_VIEW));
  chunks = G_LIST_MODEL (gtk_list_view_get_model (list));
  /* A list view makes a row for up to 200 items in the frame they come
   * in: the pieces come a few at a frame, not all before the first. */
  g_assert_cmpuint (g_list_model_get_n_items (chunks), <, 50);
  ui_wait_for (all_pieces_in_cb, &(Pieces) { chunks, body->len }, "every piece of the description");
  g_assert_cmpuint (g_list_model_get_n_items (chunks), >=, body->len / 512);
  for (guint i = 0; i < g_list_model_get_n_items (chunks); i++)
    {
      g_autoptr(GtkStringObject) chunk = g_list_model_get_item (chunks, i);
      const char *text = gtk_string_object_get_string (chunk);

      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_cmpuint (strlen (text), <=, 512);
      /* Never a mark cut from its letter; a piece of a word with no
       * break is short, as Pango measures it at a cost in proportion
       * to its length at each of its lines. */
      g_assert_false (g_unichar_ismark (g_utf8_get_char (text)));
      if (strpbrk (text, " \n") == NULL)
        g_assert_cmpuint (g_utf8_strlen (text, -1), <=, 64);
      g_string_append (joined, text);
    }
  g_assert_cmpstr (joined->str, ==, body->str);

  /* Saved as it was: the title changed, the text not at all. */
  gtk_editable_set_text (GTK_EDITABLE (ui_find (GTK_WIDGET (dialog), "title_row", 0)), "Renamed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "editor.save", NULL));
  ui_wait_for (no_dialog_cb, window, "the editor to close");
  g_assert_cmpstr (ladder_evidence_get_title (ladder_profile_find_evidence (profile, id)), ==, "Renamed");
  g_assert_cmpstr (ladder_evidence_get_body (ladder_profile_find_evidence (profile, id)), ==, body->str);

  /* Edit Anyway: in the text view, whole. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-evidence", "s", id));
  dialog = ui_visible_dialog (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "editor.edit-long-body", NULL));
  g_assert_true (gtk_widget_get_visible (ui_find (GTK_WIDGET (dialog), "body_view", 0)));
  g_assert_false (gtk_widget_get_visible (ui_find (GTK_WIDGET (dialog), "long_body_box", 0)));
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (ui_find (GTK_WIDGET (dialog), "body_view", 0)));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, body->str);
  }
  adw_dialog_force_close (dialog);

  ui_window_free (window, app);
}

/* A search finds an entry by its links and by the text of the
 * behaviours it shows, not only by its own words. */
static void
test_evidence_search_links_behaviours (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  GtkWidget *page = _ladder_window_get_evidence_page (window);
  GListModel *shown = ladder_evidence_page_get_shown (LADDER_EVIDENCE_PAGE (page));
  LadderProfile *profile = ui_show_small_profile (window);
  g_autoptr(LadderEvidence) linked = ladder_evidence_new (NULL);
  g_autoptr(LadderEvidence) other = ladder_evidence_new (NULL);
  const char *links[] = { "https://example.com/ladder/pull/42", NULL };
  const char *behaviours[] = { "b2", NULL };
  GtkWidget *search;

  ladder_evidence_set_title (linked, "Reviewed the importer");
  ladder_evidence_set_links (linked, links);
  ladder_evidence_set_behaviours (linked, behaviours);
  ladder_profile_add_evidence (profile, linked);
  ladder_evidence_set_title (other, "Paired on the chart");
  ladder_profile_add_evidence (profile, other);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  search = ui_find (page, "search_entry", GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "pull/42");
  wait_shown (shown, 1);
  g_assert_cmpstr (shown_title (shown, 0), ==, "Reviewed the importer");
  gtk_editable_set_text (GTK_EDITABLE (search), "WRITES TESTS");
  wait_shown (shown, 1);
  g_assert_cmpstr (shown_title (shown, 0), ==, "Reviewed the importer");
  gtk_editable_set_text (GTK_EDITABLE (search), "pull/43");
  wait_shown (shown, 0);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  wait_shown (shown, 2);

  ui_window_free (window, app);
}

/* Escape from New Evidence once a behaviour is ticked: the editor goes,
 * and nothing it left behind (the picker sorting or filtering) calls back
 * into it. */
static void
test_evidence_escape_after_tick (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  AdwDialog *dialog;

  ui_show_small_profile (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-evidence", NULL));
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_EVIDENCE_EDITOR (dialog));
  ui_spin (100);
  ui_find_all (ui_find (GTK_WIDGET (dialog), "behaviour_list", GTK_TYPE_LIST_VIEW),
               GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, >, 0);
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (ui_find (GTK_WIDGET (dialog), "behaviour_search", 0)), "tests");

  g_assert_true (adw_dialog_close (dialog));
  ui_wait_for (no_dialog_cb, window, "the editor to close");
  ui_spin (500);

  ui_window_free (window, app);
}

static GtkWidget *
picker_check (GtkWidget  *dialog,
              const char *text)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();

  ui_find_all (ui_find (dialog, "behaviour_list", GTK_TYPE_LIST_VIEW), GTK_TYPE_CHECK_BUTTON, checks);
  for (guint i = 0; i < checks->len; i++)
    {
      GtkWidget *label = gtk_check_button_get_child (checks->pdata[i]);

      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), text) == 0)
        return checks->pdata[i];
    }

  g_assert_not_reached ();
}

static void
tick_by_keyboard (LadderWindow *window,
                  GtkWidget    *dialog,
                  const char   *text)
{
  GtkWidget *check = picker_check (dialog, text);

  g_assert_true (gtk_widget_grab_focus (check));
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_space, 0));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
}

/* The behaviour picker scrolls with the dialog, not on its own; it starts
 * at the profile's current level; its summary names what is ticked. */
static void
test_evidence_picker (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  GtkWidget *dialog, *list, *summary;
  GListModel *model;
  guint n_scrolled = 0;

  ladder_profile_set_current_level (profile, "2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-evidence", NULL));
  dialog = GTK_WIDGET (ui_visible_dialog (window));
  g_assert_true (LADDER_IS_EVIDENCE_EDITOR (dialog));
  ui_spin (100);
  list = ui_find (dialog, "behaviour_list", GTK_TYPE_LIST_VIEW);
  summary = ui_find (dialog, "behaviours_summary", GTK_TYPE_LABEL);

  for (GtkWidget *w = list; w != dialog; w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      n_scrolled++;
  g_assert_cmpuint (n_scrolled, ==, 1);

  /* The current level first, in each category. */
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  {
    g_autoptr(LadderBehaviour) first = g_list_model_get_item (model, 0);

    g_assert_cmpstr (ladder_behaviour_get_text (first), ==, "Designs systems");
  }

  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (summary)));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (summary)), ==, "None selected");
  tick_by_keyboard (window, dialog, "Designs systems");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (summary)), ==, "Selected: Designs systems");
  tick_by_keyboard (window, dialog, "Writes tests");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (summary)), ==,
                   "Selected: Writes tests; Designs systems");
  tick_by_keyboard (window, dialog, "<b>x</b> & y");
  tick_by_keyboard (window, dialog, "Helps others");
  /* In the framework's order, as they are saved. */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (summary)), ==,
                   "Selected: <b>x</b> & y; Writes tests and 2 more");

  g_assert_true (adw_dialog_close (ADW_DIALOG (dialog)));
  ui_wait_for (no_dialog_cb, window, "the editor to close");
  ui_window_free (window, app);
}

static gboolean
popover_hidden_cb (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static gboolean
popover_shown_cb (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static GtkWidget *
focus_of (GtkWidget *widget)
{
  return gtk_root_get_focus (gtk_widget_get_root (widget));
}

/* The date: one Tab stop, a calendar whose keys start from the chosen
 * day, and a day after today refused with a word under the date. */
static void
test_evidence_date_keys (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  g_autoptr(GDate) today = ui_today_plus (0);
  g_autoptr(GDate) tomorrow = ui_today_plus (1);
  g_autoptr(GDate) last_week = ui_today_plus (-7);
  AdwDialog *dialog;
  GtkWidget *title, *date_row, *calendar, *popover, *warning, *body;
  g_autoptr(GDateTime) shown = NULL;
  g_autofree char *today_text = _ladder_date_format (today, LADDER_DATE_SHORT, "");
  g_autofree char *tomorrow_text = _ladder_date_format (tomorrow, LADDER_DATE_SHORT, "");
  g_autofree char *last_week_text = _ladder_date_format (last_week, LADDER_DATE_SHORT, "");
  LadderEvidence *evidence;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-evidence", NULL));
  dialog = ui_visible_dialog (window);
  title = ui_find (GTK_WIDGET (dialog), "title_row", 0);
  date_row = ui_find (GTK_WIDGET (dialog), "date_row", 0);
  calendar = ui_find (GTK_WIDGET (dialog), "calendar", GTK_TYPE_CALENDAR);
  popover = gtk_widget_get_ancestor (calendar, GTK_TYPE_POPOVER);
  warning = ui_find (GTK_WIDGET (dialog), "date_warning", 0);
  body = ui_find (GTK_WIDGET (dialog), "body_view", 0);
  gtk_editable_set_text (GTK_EDITABLE (title), "Shipped the release");
  /* Until the dialog has come in, the focus is the sheet's. */
  ui_spin (600);

  /* Tab from the title reaches the date row, and the next Tab leaves it. */
  g_assert_true (gtk_widget_grab_focus (title));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  g_assert_true (focus_of (title) == date_row);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  g_assert_true (focus_of (title) == body);

  /* Enter on the row opens the calendar, the keyboard on today. */
  g_assert_true (gtk_widget_grab_focus (date_row));
  g_signal_emit_by_name (date_row, "activate");
  ui_wait_for (popover_shown_cb, popover, "the calendar");
  g_assert_true (focus_of (calendar) == calendar);

  /* An arrow moves the day and keeps the calendar open; Enter chooses. */
  g_assert_true (ui_press_captured_key (calendar, GDK_KEY_Right));
  shown = gtk_calendar_get_date (GTK_CALENDAR (calendar));
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, g_date_get_day (tomorrow));
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (date_row)), ==, today_text);
  g_assert_false (gtk_widget_get_visible (warning));
  g_assert_true (ui_press_captured_key (calendar, GDK_KEY_Return));
  ui_wait_for (popover_hidden_cb, popover, "the calendar to close");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (date_row)), ==, tomorrow_text);

  /* Tomorrow is refused, with the reason under the date. */
  g_assert_true (gtk_widget_get_visible (warning));
  g_signal_emit_by_name (title, "entry-activated");
  ui_spin (100);
  g_assert_true (ui_visible_dialog (window) == dialog);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, 0);

  /* Reopened, the calendar starts from the chosen day: Left is today,
   * Up a week before. */
  g_signal_emit_by_name (date_row, "activate");
  ui_wait_for (popover_shown_cb, popover, "the calendar again");
  g_assert_true (ui_press_captured_key (calendar, GDK_KEY_Left));
  g_assert_true (ui_press_captured_key (calendar, GDK_KEY_Up));
  g_assert_true (ui_press_captured_key (calendar, GDK_KEY_space));
  ui_wait_for (popover_hidden_cb, popover, "the calendar to close again");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (date_row)), ==, last_week_text);
  g_assert_false (gtk_widget_get_visible (warning));

  g_signal_emit_by_name (title, "entry-activated");
  ui_wait_for (no_dialog_cb, window, "the editor to save and close");
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, 1);
  evidence = g_list_model_get_item (ladder_profile_get_evidence (profile), 0);
  g_assert_cmpint (g_date_compare (ladder_evidence_get_date (evidence), last_week), ==, 0);
  g_object_unref (evidence);

  ui_window_free (window, app);
}

/* The box of behaviour @id in the editor's picker (shown, so bound). */
static GtkCheckButton *
behaviour_check (GtkWidget  *dialog,
                 const char *id)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  GtkWidget *list = ui_find (dialog, "behaviour_list", GTK_TYPE_LIST_VIEW);

  g_assert_nonnull (list);
  ui_find_all (list, GTK_TYPE_CHECK_BUTTON, checks);
  for (guint i = 0; i < checks->len; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (checks, i), "ladder-behaviour"), id) == 0)
      return g_ptr_array_index (checks, i);

  g_assert_not_reached ();
}

/* How many links of the editor have an Open button. */
static guint
count_open_buttons (GtkWidget *dialog)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *group = ui_find (dialog, "links_group", 0);
  guint n = 0;

  g_assert_nonnull (group);
  ui_find_all (group, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), "Open Link") == 0)
      n++;

  return n;
}

static GtkWidget *
find_remove_link_button (GtkWidget *dialog)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *group = ui_find (dialog, "links_group", 0);

  g_assert_nonnull (group);
  ui_find_all (group, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), "Remove Link") == 0)
      return g_ptr_array_index (buttons, i);

  g_assert_not_reached ();
}

/* The link row at @index, and its remove button. */
static GtkWidget *
link_row (GtkWidget *dialog,
          guint      index)
{
  g_autoptr(GPtrArray) rows = link_rows (ADW_DIALOG (dialog));

  g_assert_cmpuint (index, <, rows->len);
  return g_ptr_array_index (rows, index);
}

static GtkWidget *
link_remove_button (GtkWidget *dialog,
                    guint      index)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  ui_find_all (link_row (dialog, index), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), "Remove Link") == 0)
      return g_ptr_array_index (buttons, i);

  g_assert_not_reached ();
}

typedef struct
{
  GtkWidget *dialog;
  guint      n;
} LinkCount;

static gboolean
link_count_is_cb (gpointer data)
{
  LinkCount *count = data;
  g_autoptr(GPtrArray) rows = link_rows (ADW_DIALOG (count->dialog));

  return rows->len == count->n;
}

static void
wait_for_links (GtkWidget *dialog,
                guint      n)
{
  LinkCount count = { dialog, n };

  ui_wait_for (link_count_is_cb, &count, "the links to change");
}

static gboolean
widget_realized_cb (gpointer data)
{
  return gtk_widget_get_realized (data);
}

static gboolean
no_undo_button_cb (gpointer data)
{
  return ui_find_button (data, "_Undo") == NULL;
}

static gboolean
focus_within_cb (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (data));

  return focus != NULL && (focus == data || gtk_widget_is_ancestor (focus, data));
}

static void
assert_focus (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  g_assert_nonnull (focus);
  g_assert_true (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static gboolean
link_titles_are (GtkWidget          *dialog,
                 const char * const *titles)
{
  g_autoptr(GPtrArray) rows = link_rows (ADW_DIALOG (dialog));

  if (rows->len != g_strv_length ((GStrv) titles))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), titles[i]) != 0)
      return FALSE;
  return TRUE;
}

/* Removing a link by keyboard, and bringing it back, leaves the focus
 * with the links: on the next link, else the previous one, else the Add
 * Link field; and on the link brought back. Set as the rows change, so
 * it holds however late the dialog settles its own focus. */
static void
test_evidence_link_focus (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  g_autoptr(LadderEvidence) evidence = ladder_evidence_new (NULL);
  const char *links[] = { "https://example.com/a", "https://example.com/b",
                          "https://example.com/c", NULL };
  const char *without_b[] = { "https://example.com/a", "https://example.com/c", NULL };
  GtkWidget *dialog, *link_entry, *undo;

  ladder_evidence_set_title (evidence, "Reviewed the design");
  ladder_evidence_set_links (evidence, links);
  ladder_profile_add_evidence (profile, evidence);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-evidence", "s",
                                             ladder_evidence_get_id (evidence)));
  dialog = GTK_WIDGET (ui_visible_dialog (window));
  g_assert_true (LADDER_IS_EVIDENCE_EDITOR (dialog));
  link_entry = ui_find (dialog, "link_entry", 0);
  g_assert_true (link_titles_are (dialog, links));
  /* A key reaches the buttons once they are on screen; no later: the
   * dialog may not have settled its own focus yet. */
  ui_wait_for (widget_realized_cb, link_remove_button (dialog, 1), "the links on screen");

  /* Space on the middle link's remove button: the focus goes to the
   * next link's button. Ctrl+Z brings the link back where it was, with
   * the focus on it. */
  g_assert_true (gtk_widget_grab_focus (link_remove_button (dialog, 1)));
  g_assert_true (ui_press_key (dialog, GDK_KEY_space, 0));
  wait_for_links (dialog, 2);
  g_assert_true (link_titles_are (dialog, without_b));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == link_remove_button (dialog, 1));
  g_assert_true (ui_press_shortcut (GTK_WIDGET (window), "<Control>z"));
  g_assert_true (link_titles_are (dialog, links));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == link_remove_button (dialog, 1));

  /* Delete on the last link's row: the focus goes to the row before, and
   * the toast's Undo brings the row back with the focus. (The toast
   * Ctrl+Z took goes first, so that its button is not the one found.) */
  ui_wait_for (no_undo_button_cb, dialog, "the undone toast to go");
  g_assert_true (gtk_widget_grab_focus (link_row (dialog, 2)));
  g_assert_true (ui_press_key (dialog, GDK_KEY_Delete, 0));
  g_assert_true (link_titles_are (dialog, (const char *[]) { links[0], links[1], NULL }));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == link_row (dialog, 1));
  undo = ui_find_button (dialog, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_true (link_titles_are (dialog, links));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == link_row (dialog, 2));

  /* Delete on each remove button in turn: the last one gone, the focus
   * is on the Add Link field. */
  for (guint n = 3; n > 0; n--)
    {
      g_assert_true (gtk_widget_grab_focus (link_remove_button (dialog, 0)));
      g_assert_true (ui_press_key (dialog, GDK_KEY_Delete, 0));
      wait_for_links (dialog, n - 1);
      if (n > 1)
        g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == link_remove_button (dialog, 0));
    }
  assert_focus (link_entry);

  /* The dialog settling its focus after it came in (two frames after
   * it is mapped) keeps the focus where it is. */
  ui_spin (300);
  assert_focus (link_entry);
  g_assert_true (ui_press_shortcut (GTK_WIDGET (window), "<Control>z"));
  wait_for_links (dialog, 1);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == link_remove_button (dialog, 0));
  ui_spin (300);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == link_remove_button (dialog, 0));
  g_assert_true (focus_within_cb (ui_find (dialog, "links_group", 0)));

  adw_dialog_force_close (ADW_DIALOG (dialog));
  ui_wait_for (no_dialog_cb, window, "the editor to close");
  ui_window_free (window, app);
}

typedef struct
{
  GtkWidget  *page;
  const char *title;
} FocusedEntry;

/* Whether the focus is in the Evidence tab's row that shows the entry
 * titled as given. */
static gboolean
focus_on_entry_cb (gpointer data)
{
  FocusedEntry *entry = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (entry->page));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  if (focus == NULL || !gtk_widget_is_ancestor (focus, entry->page))
    return FALSE;

  ui_find_all (focus, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), entry->title) == 0)
      return TRUE;

  return FALSE;
}

/* Saved from the Evidence tab, New Evidence and an edit leave the
 * keyboard on the entry's row, not on the search field or the "+". */
static void
test_evidence_focus_after_save (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  GtkWidget *page = _ladder_window_get_evidence_page (window);
  GtkWidget *view_stack = ui_find (GTK_WIDGET (window), "view_stack", ADW_TYPE_VIEW_STACK);
  GListModel *shown = ladder_evidence_page_get_shown (LADDER_EVIDENCE_PAGE (page));
  FocusedEntry entry = { page, NULL };
  AdwDialog *dialog;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(LadderEvidence) evidence = ladder_evidence_new (NULL);
      g_autofree char *title = g_strdup_printf ("Older entry %u", i);

      ladder_evidence_set_title (evidence, title);
      ladder_profile_add_evidence (profile, evidence);
    }
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (view_stack), "evidence");
  wait_shown (shown, 3);

  /* Ctrl+N, a title typed, Ctrl+S. */
  g_assert_true (ui_press_shortcut (GTK_WIDGET (window), "<Control>n"));
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_EVIDENCE_EDITOR (dialog));
  gtk_editable_set_text (GTK_EDITABLE (ui_find (GTK_WIDGET (dialog), "title_row", 0)), "Shipped the search");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "editor.save", NULL));
  ui_wait_for (no_dialog_cb, window, "the editor to close");
  wait_shown (shown, 4);
  entry.title = "Shipped the search";
  ui_wait_for (focus_on_entry_cb, &entry, "the focus on the new entry");

  /* An older entry edited: the keyboard is on it afterwards. */
  {
    g_autoptr(LadderEvidence) older = g_list_model_get_item (shown, 3);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-evidence", "s",
                                               ladder_evidence_get_id (older)));
  }
  dialog = ui_visible_dialog (window);
  gtk_editable_set_text (GTK_EDITABLE (ui_find (GTK_WIDGET (dialog), "title_row", 0)), "Older entry, edited");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "editor.save", NULL));
  ui_wait_for (no_dialog_cb, window, "the editor to close again");
  entry.title = "Older entry, edited";
  ui_wait_for (focus_on_entry_cb, &entry, "the focus on the edited entry");
  /* And stays there once the dialog has gone for good. */
  ui_spin (500);
  g_assert_true (focus_on_entry_cb (&entry));

  ui_window_free (window, app);
}

/* Ctrl+Z does what the latest undo toast offers: a removed link, an
 * unticked behaviour, a deleted entry. */
static void
test_evidence_undo_keys (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  g_autoptr(LadderEvidence) evidence = ladder_evidence_new (NULL);
  const char *links[] = { "https://example.com/pull/42", NULL };
  const char *behaviours[] = { "b2", NULL };
  AdwDialog *dialog;
  g_autofree char *id = NULL;

  ladder_evidence_set_title (evidence, "Reviewed the design");
  ladder_evidence_set_links (evidence, links);
  ladder_evidence_set_behaviours (evidence, behaviours);
  ladder_profile_add_evidence (profile, evidence);
  id = g_strdup (ladder_evidence_get_id (evidence));

  /* Nothing to undo yet: the key does nothing. */
  g_assert_true (ui_press_shortcut (GTK_WIDGET (window), "<Control>z"));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-evidence", "s", id));
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_EVIDENCE_EDITOR (dialog));
  ui_spin (100);

  /* A link removed, brought back by Ctrl+Z. */
  g_assert_cmpuint (count_open_buttons (GTK_WIDGET (dialog)), ==, 1);
  g_signal_emit_by_name (find_remove_link_button (GTK_WIDGET (dialog)), "clicked");
  g_assert_cmpuint (count_open_buttons (GTK_WIDGET (dialog)), ==, 0);
  g_assert_true (ui_press_shortcut (GTK_WIDGET (window), "<Control>z"));
  g_assert_cmpuint (count_open_buttons (GTK_WIDGET (dialog)), ==, 1);

  /* A behaviour unticked (Space on its box), and ticked again by Ctrl+Z. */
  g_assert_true (gtk_check_button_get_active (behaviour_check (GTK_WIDGET (dialog), "b2")));
  gtk_check_button_set_active (behaviour_check (GTK_WIDGET (dialog), "b2"), FALSE);
  g_assert_nonnull (ui_find_button (GTK_WIDGET (dialog), "_Undo"));
  g_assert_true (ui_press_shortcut (GTK_WIDGET (window), "<Control>z"));
  g_assert_true (gtk_check_button_get_active (behaviour_check (GTK_WIDGET (dialog), "b2")));

  /* Saved: the link and the behaviour are still the entry's. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "editor.save", NULL));
  ui_wait_for (no_dialog_cb, window, "the editor to close");
  g_assert_cmpstrv (ladder_evidence_get_links (evidence), links);
  g_assert_cmpstrv (ladder_evidence_get_behaviours (evidence), behaviours);

  /* The entry deleted, and back by Ctrl+Z. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-evidence", "s", id));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, 0);
  g_assert_true (ui_press_shortcut (GTK_WIDGET (window), "<Control>z"));
  g_assert_nonnull (ladder_profile_find_evidence (profile, id));

  ui_window_free (window, app);
}

static AdwAlertDialog *
wait_for_alert (LadderWindow *window)
{
  /* Until it has come in, Escape is not the alert's yet. */
  ui_spin (500);
  g_assert_true (ADW_IS_ALERT_DIALOG (ui_visible_dialog (window)));

  return ADW_ALERT_DIALOG (ui_visible_dialog (window));
}

static gboolean
dialog_is_cb (gpointer data)
{
  gpointer *pair = data;

  return (gpointer) ui_visible_dialog (pair[0]) == pair[1];
}

/* Escape with typed text asks, Keep Editing first; with none, it closes.
 * Escape is pressed where the focus is, and goes up from there. */
static void
test_evidence_escape_asks (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  AdwDialog *dialog;
  AdwAlertDialog *alert;
  GtkWidget *title_text;
  int start, end;
  gpointer pair[2];

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-evidence", NULL));
  dialog = ui_visible_dialog (window);
  g_assert_true (adw_dialog_get_can_close (dialog));
  gtk_editable_set_text (GTK_EDITABLE (ui_find (GTK_WIDGET (dialog), "title_row", 0)), "Half a thought");
  g_assert_false (adw_dialog_get_can_close (dialog));
  ui_spin (500);

  /* The cursor in the title, after "Half", nothing selected. */
  title_text = ui_find (ui_find (GTK_WIDGET (dialog), "title_row", 0), NULL, GTK_TYPE_TEXT);
  gtk_widget_grab_focus (title_text);
  gtk_editable_select_region (GTK_EDITABLE (title_text), 4, 4);

  /* Escape asks; Escape again (the alert's close) keeps editing. */
  g_assert_true (ui_press_key (GTK_WIDGET (window), GDK_KEY_Escape, 0));
  alert = wait_for_alert (window);
  g_assert_cmpstr (adw_alert_dialog_get_default_response (alert), ==, "keep");
  g_assert_cmpstr (adw_alert_dialog_get_close_response (alert), ==, "keep");
  g_assert_true (ui_press_shortcut (ui_find (GTK_WIDGET (alert), NULL, GTK_TYPE_BUTTON), "Escape"));
  pair[0] = window;
  pair[1] = dialog;
  ui_wait_for (dialog_is_cb, pair, "the editor back");
  ui_spin (500);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (GTK_WIDGET (dialog), "title_row", 0))),
                   ==, "Half a thought");

  /* The focus is back where it was, with nothing selected: the next key
   * types at the cursor rather than replacing the title. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == title_text);
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (title_text), &start, &end));
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (title_text)), ==, 4);

  /* Typed back to nothing, it closes without asking. */
  gtk_editable_set_text (GTK_EDITABLE (ui_find (GTK_WIDGET (dialog), "title_row", 0)), "");
  g_assert_true (adw_dialog_get_can_close (dialog));
  gtk_editable_set_text (GTK_EDITABLE (ui_find (GTK_WIDGET (dialog), "tags_row", 0)), "draft");

  /* Discard throws it away. */
  g_assert_true (ui_press_shortcut (ui_find (GTK_WIDGET (dialog), "title_row", 0), "Escape"));
  alert = wait_for_alert (window);
  g_signal_emit_by_name (ui_find_button (GTK_WIDGET (alert), "_Discard"), "clicked");
  ui_wait_for (no_dialog_cb, window, "the editor to go");
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, 0);

  /* An unchanged entry being edited closes at once. */
  {
    g_autoptr(LadderEvidence) evidence = ladder_evidence_new (NULL);

    ladder_evidence_set_title (evidence, "Kept as it is");
    ladder_profile_add_evidence (profile, evidence);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-evidence", "s",
                                               ladder_evidence_get_id (evidence)));
    dialog = ui_visible_dialog (window);
    g_assert_true (adw_dialog_get_can_close (dialog));
    ui_spin (500);
    g_assert_true (ui_press_shortcut (ui_find (GTK_WIDGET (dialog), "title_row", 0), "Escape"));
    ui_wait_for (no_dialog_cb, window, "the editor to close");
  }

  ui_window_free (window, app);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/evidence/add-search-filter-edit-delete", test_evidence_flow);
  g_test_add_func ("/ladder/evidence/long-log", test_evidence_long_log);
  g_test_add_func ("/ladder/evidence/search-links-behaviours", test_evidence_search_links_behaviours);
  g_test_add_func ("/ladder/evidence/read-after-shown", test_evidence_read_after_shown);
  g_test_add_func ("/ladder/evidence/search-while-reading", test_evidence_search_while_reading);
  g_test_add_func ("/ladder/evidence/search-before-folded", test_evidence_search_before_folded);
  g_test_add_func ("/ladder/evidence/editor-prepared", test_evidence_editor_prepared);
  g_test_add_func ("/ladder/evidence/links", test_evidence_links);
  g_test_add_func ("/ladder/evidence/body-round-trip", test_evidence_body_round_trip);
  g_test_add_func ("/ladder/evidence/row-title-wraps", test_evidence_row_title_wraps);
  g_test_add_func ("/ladder/evidence/long-body", test_evidence_long_body);
  g_test_add_func ("/ladder/evidence/escape-after-tick", test_evidence_escape_after_tick);
  g_test_add_func ("/ladder/evidence/picker", test_evidence_picker);
  g_test_add_func ("/ladder/evidence/date-keys", test_evidence_date_keys);
  g_test_add_func ("/ladder/evidence/undo-keys", test_evidence_undo_keys);
  g_test_add_func ("/ladder/evidence/link-focus", test_evidence_link_focus);
  g_test_add_func ("/ladder/evidence/focus-after-save", test_evidence_focus_after_save);
  g_test_add_func ("/ladder/evidence/escape-asks", test_evidence_escape_asks);

  return g_test_run ();
}
