/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Getting around the window, under a real display (Xvfb) on an isolated
 * library: which profile shows after a restart and after a delete, the
 * title of the wide layout, and the keyboard.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "ladder-checkin-page.h"
#include "ladder-evidence-editor.h"
#include "ladder-profile-dialog.h"
#include "ui-helpers.h"

/* Two profiles on ui_small_framework(), written to the window's library:
 * "Alex First" and "Blair Second". */
static void
add_two_profiles (LadderWindow   *window,
                  LadderProfile **first_out,
                  LadderProfile **second_out)
{
  const char *names[] = { "Alex First", "Blair Second" };
  LadderLibrary *library = _ladder_window_get_library (window);
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  LadderProfile *made[2];

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(LadderProfile) profile = ladder_profile_new (NULL, framework);
      g_autoptr(GError) error = NULL;

      ladder_profile_set_name (profile, names[i]);
      ladder_profile_set_role (profile, "Engineer");
      ladder_profile_set_current_level (profile, "1");
      ladder_library_add_profile (library, profile);
      ladder_library_save_profile (library, profile, NULL, &error);
      g_assert_no_error (error);
      made[i] = profile;
    }

  *first_out = made[0];
  *second_out = made[1];
}

/* The window keeps its size in the settings, which the tests of one
 * program share: a test that resizes it gives the next one the default. */
static void
forget_window_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static const char *
shown_name (LadderWindow *window)
{
  LadderProfile *profile = _ladder_window_get_profile (window);

  return profile != NULL ? ladder_profile_get_name (profile) : NULL;
}

/* The profile last shown is the one a new window opens on, whether the
 * library is listed from the cached heads or read in full. */
static void
test_navigation_last_profile (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *first;
  LadderProfile *second;

  add_two_profiles (window, &first, &second);
  _ladder_window_select (window, G_OBJECT (first));
  _ladder_window_select (window, G_OBJECT (second));
  g_assert_cmpstr (shown_name (window), ==, "Blair Second");
  ui_window_free (window, app);
  g_clear_object (&app);

  /* Listed from the heads the first window left in the cache. */
  window = ui_window_new_listed (&app);
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "profile");
  g_assert_cmpstr (shown_name (window), ==, "Blair Second");
  ui_wait_for (ui_profiles_whole_cb, window, "the profiles' evidence to be read");
  g_assert_cmpstr (shown_name (window), ==, "Blair Second");
  ui_window_free (window, app);
  g_clear_object (&app);

  /* And again, now that the second window has closed too. */
  window = ui_window_new (&app);
  g_assert_cmpstr (shown_name (window), ==, "Blair Second");
  ui_window_free (window, app);
}

static GtkWidget *
sidebar_list (LadderWindow *window)
{
  return ui_find (GTK_WIDGET (window), "sidebar_list", GTK_TYPE_LIST_VIEW);
}

static guint
sidebar_position (LadderWindow *window,
                  gpointer      item)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (sidebar_list (window))));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) listed = g_list_model_get_item (model, i);

      if (listed == item)
        return i;
    }

  g_assert_not_reached ();
}

static guint
sidebar_selected (LadderWindow *window)
{
  GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (sidebar_list (window)));

  return gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model));
}

/* The pointer crossing a sidebar row selects it (GTK's single-click
 * mode does, on hover): that shows nothing, and the highlight stays on
 * what is shown. A click (the row's activation) shows it. */
static void
test_navigation_hover_shows_nothing (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderLibrary *library = _ladder_window_get_library (window);
  g_autoptr(LadderFramework) framework = g_list_model_get_item (ladder_library_get_frameworks (library), 0);
  GtkWidget *list = sidebar_list (window);
  LadderProfile *first;
  LadderProfile *second;

  add_two_profiles (window, &first, &second);
  _ladder_window_select (window, G_OBJECT (second));

  g_assert_true (gtk_widget_activate_action (list, "list.select-item", "(ubb)",
                                             sidebar_position (window, first), FALSE, FALSE));
  g_assert_cmpstr (shown_name (window), ==, "Blair Second");
  g_assert_cmpuint (sidebar_selected (window), ==, sidebar_position (window, second));
  g_assert_true (gtk_widget_activate_action (list, "list.select-item", "(ubb)",
                                             sidebar_position (window, framework), FALSE, FALSE));
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "profile");
  g_assert_cmpuint (sidebar_selected (window), ==, sidebar_position (window, second));

  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u",
                                             sidebar_position (window, first)));
  g_assert_cmpstr (shown_name (window), ==, "Alex First");
  g_assert_cmpuint (sidebar_selected (window), ==, sidebar_position (window, first));
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u",
                                             sidebar_position (window, framework)));
  g_assert_true (_ladder_window_get_shown_framework (window) == framework);
  g_assert_cmpuint (sidebar_selected (window), ==, sidebar_position (window, framework));

  ui_window_free (window, app);
}

/* Deleting a profile shows the one that takes its place in the list (or
 * the one before it), never a framework, and the welcome once none is
 * left; the toast's Undo brings one back and shows it. */
static void
test_navigation_delete_profile (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderLibrary *library = _ladder_window_get_library (window);
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  g_autoptr(LadderProfile) third = ladder_profile_new (NULL, framework);
  g_autofree char *second_id = NULL;
  LadderProfile *first;
  LadderProfile *second;

  add_two_profiles (window, &first, &second);
  ladder_profile_set_name (third, "Casey Third");
  ladder_library_add_profile (library, third);
  second_id = g_strdup (ladder_profile_get_id (second));

  /* The middle one: the next takes its place. */
  _ladder_window_select (window, G_OBJECT (second));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-profile", NULL));
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "profile");
  g_assert_cmpstr (shown_name (window), ==, "Casey Third");
  g_assert_cmpuint (sidebar_selected (window), ==, sidebar_position (window, third));

  /* The last one: the one before it, not the framework after it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-profile", NULL));
  g_assert_cmpstr (shown_name (window), ==, "Alex First");
  g_assert_null (_ladder_window_get_shown_framework (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-profile", NULL));
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "welcome");
  g_assert_null (_ladder_window_get_profile (window));
  g_assert_cmpuint (sidebar_selected (window), ==, GTK_INVALID_LIST_POSITION);

  /* Ctrl+Z, with nothing left shown: the last one deleted is back. */
  g_assert_true (ui_press_shortcut (GTK_WIDGET (window), "<Control>z"));
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "profile");
  g_assert_cmpstr (shown_name (window), ==, "Alex First");

  /* Undo, of the first one deleted: it is back and shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete-profile", "s",
                                             second_id));
  g_assert_cmpstr (_ladder_window_get_view (window), ==, "profile");
  g_assert_cmpstr (shown_name (window), ==, "Blair Second");

  ui_window_free (window, app);
}

static gboolean
visible_cb (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static gboolean
mapped_cb (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
hidden_cb (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static gboolean
unmapped_cb (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

/* The label has its allocation and shows its whole text. */
static gboolean
label_whole_cb (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0 &&
         !pango_layout_is_ellipsized (gtk_label_get_layout (data));
}

/* Every label of the header bar's view switcher is whole: none is cut
 * to "Progr…" to make room for the name. */
static gboolean
switcher_whole_cb (gpointer data)
{
  g_autoptr(GPtrArray) switchers = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *switcher = NULL;
  guint n_shown = 0;

  /* The header bar's, not the one of the narrow layout's bottom bar. */
  ui_find_all (GTK_WIDGET (data), ADW_TYPE_VIEW_SWITCHER, switchers);
  for (guint i = 0; i < switchers->len; i++)
    if (gtk_widget_get_ancestor (g_ptr_array_index (switchers, i), ADW_TYPE_HEADER_BAR) != NULL)
      switcher = g_ptr_array_index (switchers, i);
  g_assert_nonnull (switcher);
  ui_find_all (switcher, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (!gtk_widget_get_mapped (GTK_WIDGET (label)))
        continue;
      n_shown++;
      if (pango_layout_is_ellipsized (gtk_label_get_layout (label)))
        return FALSE;
    }

  return n_shown >= 4;
}

/* Wide, the view switcher has the header bar's title place: the name and
 * role show at its start where there is room; narrow, they are the title. */
static void
test_navigation_profile_heading (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  GtkWidget *heading = ui_find (GTK_WIDGET (window), "profile_heading", GTK_TYPE_BOX);
  GtkWidget *name = ui_find (heading, "profile_name_label", GTK_TYPE_LABEL);
  GtkWidget *role = ui_find (heading, "profile_role_label", GTK_TYPE_LABEL);
  GtkWidget *title = ui_find (GTK_WIDGET (window), "window_title", ADW_TYPE_WINDOW_TITLE);
  LadderProfile *first;
  LadderProfile *second;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  add_two_profiles (window, &first, &second);
  _ladder_window_select (window, G_OBJECT (second));
  ui_wait_for (visible_cb, heading, "the profile's name in the header bar");
  g_assert_true (gtk_widget_get_mapped (name));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (name)), ==, "Blair Second");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (role)), ==, "Engineer");
  g_assert_true (gtk_widget_get_visible (role));
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (name)));
  ui_wait_for (switcher_whole_cb, window, "the views' names whole beside the person's");

  /* No role, no empty line under the name. */
  ladder_profile_set_role (first, "");
  _ladder_window_select (window, G_OBJECT (first));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (name)), ==, "Alex First");
  g_assert_false (gtk_widget_get_visible (role));

  /* A framework has the title place itself. */
  {
    g_autoptr(LadderFramework) framework =
      g_list_model_get_item (ladder_library_get_frameworks (_ladder_window_get_library (window)), 0);

    _ladder_window_select (window, G_OBJECT (framework));
    g_assert_false (gtk_widget_get_visible (heading));
    _ladder_window_select (window, G_OBJECT (second));
    g_assert_true (gtk_widget_get_visible (heading));
  }

  /* The window's first size: the views keep their names whole. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  ui_wait_for (hidden_cb, heading, "the name to leave a header bar of 1,000 pixels");
  ui_wait_for (switcher_whole_cb, window, "the views' names whole at 1,000 pixels");

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  ui_wait_for (hidden_cb, heading, "the name to leave a tight header bar");

  /* Narrow, they are the header bar's title, at its start, where they
   * have all the room the buttons leave: a role as long as the sample's
   * is not cut. */
  ladder_profile_set_role (second, "Mobile Engineer");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  ui_wait_for (unmapped_cb, title, "the centred title to leave the narrow layout");
  ui_wait_for (mapped_cb, role, "the name and role in the narrow layout");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (name)), ==, "Blair Second");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (role)), ==, "Mobile Engineer");
  ui_wait_for (label_whole_cb, role, "the role whole in the narrow layout");

  /* A framework's name and organisation, the same. */
  {
    g_autoptr(LadderFramework) framework =
      g_list_model_get_item (ladder_library_get_frameworks (_ladder_window_get_library (window)), 0);

    _ladder_window_select (window, G_OBJECT (framework));
    ui_wait_for (mapped_cb, name, "the framework's name in the narrow layout");
    g_assert_false (gtk_widget_get_mapped (title));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (name)), ==, ladder_framework_get_name (framework));
  }

  /* Wide, the framework has the centred title again. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  ui_wait_for (mapped_cb, title, "the centred title of the wide layout");

  ui_window_free (window, app);
  forget_window_size ();
}

/* What the application binds @accel to, activated on @window as the
 * window's shortcut controller does. */
static void
press_accel (LadderWindow *window,
             const char   *accel,
             const char   *expected)
{
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (ui_application ()), accel);
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (actions);
  g_assert_cmpuint (g_strv_length (actions), ==, 1);
  g_assert_cmpstr (actions[0], ==, expected);
  g_action_parse_detailed_name (actions[0], &name, &target, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), name, target));
}

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
main_page_shown_cb (gpointer data)
{
  return g_strcmp0 (adw_navigation_page_get_tag (visible_page (data)), "main") == 0;
}

static gboolean
no_dialog_cb (gpointer data)
{
  return ui_visible_dialog (data) == NULL;
}

/* Alt+1 to Alt+4 switch the profile's views, out of a pushed check-in
 * too; Ctrl+Shift+N makes a profile and Ctrl+Shift+K starts a check-in;
 * the Keyboard Shortcuts dialog lists each with its keys. */
static void
test_navigation_shortcuts (void)
{
  const char *views[] = { "progress", "evidence", "checkins", "summary" };
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  AdwViewStack *stack = ADW_VIEW_STACK (ui_find (GTK_WIDGET (window), "view_stack", ADW_TYPE_VIEW_STACK));
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GSList) objects = NULL;
  g_autoptr(GHashTable) listed = NULL;
  LadderProfile *first;
  LadderProfile *second;
  guint n_listed = 0;
  AdwDialog *dialog;

  add_two_profiles (window, &first, &second);
  _ladder_window_select (window, G_OBJECT (first));

  for (guint i = G_N_ELEMENTS (views); i > 0; i--)
    {
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i);
      g_autofree char *action = g_strdup_printf ("win.show-view::%s", views[i - 1]);

      press_accel (window, accel, action);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, views[i - 1]);
    }

  press_accel (window, "<Control><Shift>k", "win.start-checkin");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "checkins");
  ui_wait_for (checkin_page_shown_cb, window, "the check-in's page");
  press_accel (window, "<Alt>2", "win.show-view::evidence");
  ui_wait_for (main_page_shown_cb, window, "the views again");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "evidence");

  press_accel (window, "<Control><Shift>n", "win.new-profile");
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_PROFILE_DIALOG (dialog));
  adw_dialog_force_close (dialog);
  ui_wait_for (no_dialog_cb, window, "the dialog to close");

  /* Every shortcut the dialog lists by its action has keys, and no keys
   * are listed twice: one shortcut, one line. */
  builder = gtk_builder_new_from_resource ("/io/github/ladderapp/Ladder/shortcuts-dialog.ui");
  objects = gtk_builder_get_objects (builder);
  listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      const char *action;
      const char *accelerator;
      g_auto(GStrv) accels = NULL;

      if (!ADW_IS_SHORTCUTS_ITEM (l->data))
        continue;
      action = adw_shortcuts_item_get_action_name (l->data);
      accelerator = adw_shortcuts_item_get_accelerator (l->data);
      if (action == NULL || *action == '\0')
        {
          if (accelerator != NULL && *accelerator != '\0' &&
              !g_hash_table_add (listed, g_ascii_strdown (accelerator, -1)))
            g_error ("%s is listed twice", accelerator);
          continue;
        }
      accels = gtk_application_get_accels_for_action (GTK_APPLICATION (ui_application ()), action);
      g_assert_true (accels[0] != NULL || (g_test_message ("%s has no keys", action), FALSE));
      for (guint i = 0; accels[i] != NULL; i++)
        if (!g_hash_table_add (listed, g_ascii_strdown (accels[i], -1)))
          g_error ("%s (%s) is listed twice", accels[i], action);
      n_listed++;
    }
  g_assert_cmpuint (n_listed, >=, 18);

  ui_window_free (window, app);
}

static gboolean
dialog_shown_cb (gpointer data)
{
  return ui_visible_dialog (data) != NULL;
}

/* The empty Evidence view offers its first entry with a button, as the
 * welcome does a profile; a search that finds nothing does not. */
static void
test_navigation_evidence_empty_button (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  GtkWidget *button = ui_find (GTK_WIDGET (window), "empty_button", GTK_TYPE_BUTTON);
  LadderProfile *first;
  LadderProfile *second;
  AdwDialog *dialog;

  add_two_profiles (window, &first, &second);
  _ladder_window_select (window, G_OBJECT (first));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "evidence"));
  ui_wait_for (mapped_cb, button, "the empty Evidence view");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_New Evidence");
  g_assert_true (gtk_widget_has_css_class (button, "suggested-action"));
  g_assert_true (gtk_widget_has_css_class (button, "pill"));

  /* As Enter or Space on it: the button clicks once it has shown itself
   * pressed. */
  g_assert_true (gtk_widget_activate (button));
  ui_wait_for (dialog_shown_cb, window, "the evidence editor");
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_EVIDENCE_EDITOR (dialog));
  adw_dialog_force_close (dialog);
  ui_wait_for (no_dialog_cb, window, "the dialog to close");

  ui_window_free (window, app);
}

static GtkWidget *
find_by_css_name (GtkWidget  *root,
                  const char *name)
{
  if (g_strcmp0 (gtk_widget_get_css_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_css_name (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
toast_shown_cb (gpointer data)
{
  GtkWidget *toast = find_by_css_name (data, "toast");

  return toast != NULL && gtk_widget_get_mapped (toast) && gtk_widget_get_height (toast) > 0;
}

static gboolean
switcher_bar_shown_cb (gpointer data)
{
  GtkWidget *bar = ui_find (data, "switcher_bar", ADW_TYPE_VIEW_SWITCHER_BAR);

  return gtk_widget_get_mapped (bar) && adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)) &&
         gtk_widget_get_height (bar) > 20;
}

static graphene_rect_t
bounds_in (GtkWidget    *widget,
           LadderWindow *window)
{
  graphene_rect_t rect;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &rect));

  return rect;
}

/* At 360 px, a toast sits above the bottom view switcher bar, and the
 * Summary's Export and Print buttons, scrolled to, are above the toast. */
static void
test_navigation_toast_above_bar (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  GtkWidget *summary = ui_find (GTK_WIDGET (window), "summary_page", 0);
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (ui_find (summary, NULL, GTK_TYPE_SCROLLED_WINDOW));
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  GtkWidget *bar = ui_find (GTK_WIDGET (window), "switcher_bar", ADW_TYPE_VIEW_SWITCHER_BAR);
  GtkWidget *toast_widget;
  GtkWidget *export_button = NULL;
  graphene_rect_t toast_rect;
  graphene_rect_t bar_rect;
  graphene_rect_t button_rect;
  LadderProfile *first;
  LadderProfile *second;

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  add_two_profiles (window, &first, &second);
  _ladder_window_select (window, G_OBJECT (first));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "summary"));
  ui_wait_for (switcher_bar_shown_cb, window, "the bottom view switcher bar");
  ui_wait_for (mapped_cb, summary, "the Summary");
  /* Shown from its top first, as another person's is. */
  ui_spin (300);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  ui_spin (100);

  _ladder_window_add_toast (window, adw_toast_new ("A toast"));
  ui_wait_for (toast_shown_cb, window, "the toast");
  ui_spin (400);
  toast_widget = find_by_css_name (GTK_WIDGET (window), "toast");
  toast_rect = bounds_in (toast_widget, window);
  bar_rect = bounds_in (bar, window);
  g_assert_cmpfloat (toast_rect.origin.y + toast_rect.size.height, <=, bar_rect.origin.y);

  ui_find_all (summary, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "_Export PDF…") == 0)
      export_button = g_ptr_array_index (buttons, i);
  g_assert_nonnull (export_button);
  button_rect = bounds_in (export_button, window);
  g_assert_cmpfloat (button_rect.origin.y + button_rect.size.height, <=, toast_rect.origin.y);

  ui_window_free (window, app);
  forget_window_size ();
}

/* The framework's table of levels and categories is one Tab stop, as the
 * sidebar is: Tab from a cell leaves it, and the arrow keys move between
 * cells. A cell that had the focus when the window went leaks nothing:
 * the table's columns are freed with it. */
static void
test_navigation_framework_tab (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderLibrary *library = _ladder_window_get_library (window);
  g_autoptr(LadderFramework) framework = g_list_model_get_item (ladder_library_get_frameworks (library), 0);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  GListModel *column_model;
  GtkWidget *matrix;
  GtkWidget *cell = NULL;
  GtkWidget *focus;

  _ladder_window_select (window, G_OBJECT (framework));
  matrix = ui_find (GTK_WIDGET (window), "matrix", GTK_TYPE_COLUMN_VIEW);
  ui_wait_for (mapped_cb, matrix, "the framework's table");
  g_assert_cmpint (gtk_column_view_get_tab_behavior (GTK_COLUMN_VIEW (matrix)), ==, GTK_LIST_TAB_CELL);

  ui_find_all (matrix, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len && cell == NULL; i++)
    if (gtk_widget_is_sensitive (g_ptr_array_index (buttons, i)) &&
        gtk_widget_get_mapped (g_ptr_array_index (buttons, i)))
      cell = g_ptr_array_index (buttons, i);
  g_assert_nonnull (cell);
  g_assert_cmpuint (buttons->len, >, 4);
  g_assert_true (gtk_widget_grab_focus (cell));

  /* Right, as the row's key binding moves it: to the next cell. */
  g_assert_true (gtk_widget_child_focus (matrix, GTK_DIR_RIGHT));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus != cell && gtk_widget_is_ancestor (focus, matrix));
  g_assert_true (gtk_widget_grab_focus (cell));

  /* Tab, as the window passes it down: the table lets the focus go
   * rather than move it to the next cell, forwards and backwards. */
  g_assert_false (gtk_widget_child_focus (matrix, GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == cell || !gtk_widget_is_ancestor (focus, matrix));
  g_assert_true (gtk_widget_grab_focus (cell));
  g_assert_false (gtk_widget_child_focus (matrix, GTK_DIR_TAB_BACKWARD));

  /* The window goes with a cell focused. */
  g_assert_true (gtk_widget_grab_focus (cell));
  column_model = gtk_column_view_get_columns (GTK_COLUMN_VIEW (matrix));
  /* Sized first: the weak pointers point into the array. */
  g_ptr_array_set_size (columns, g_list_model_get_n_items (column_model));
  for (guint i = 0; i < columns->len; i++)
    {
      g_autoptr(GObject) column = g_list_model_get_item (column_model, i);

      columns->pdata[i] = column;
      g_object_add_weak_pointer (column, &columns->pdata[i]);
    }
  g_assert_cmpuint (columns->len, >=, 4);
  ui_window_free (window, app);
  for (guint i = 0; i < columns->len; i++)
    g_assert_null (columns->pdata[i]);
}

typedef struct
{
  LadderWindow *window;
  const char   *name;
} RowOf;

/* Whether the sidebar row that says @name is on screen, within the
 * list's scrolled window. */
static gboolean
row_in_view_cb (gpointer data)
{
  RowOf *row = data;
  GtkWidget *list = sidebar_list (row->window);
  GtkWidget *scrolled = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ui_find_all (list, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      graphene_point_t top, bottom;
      GtkWidget *label = labels->pdata[i];

      if (!g_str_equal (gtk_label_get_label (GTK_LABEL (label)), row->name) || !gtk_widget_get_mapped (label) ||
          !gtk_widget_compute_point (label, scrolled, &GRAPHENE_POINT_INIT (0, 0), &top) ||
          !gtk_widget_compute_point (label, scrolled,
                                     &GRAPHENE_POINT_INIT (0, gtk_widget_get_height (label)), &bottom))
        continue;

      return top.y >= 0 && bottom.y <= gtk_widget_get_height (scrolled);
    }

  return FALSE;
}

/* The person shown is in view in a long sidebar, wherever they are in it
 * and however it was scrolled. */
static void
test_navigation_selected_in_view (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  LadderLibrary *library = _ladder_window_get_library (window);
  LadderProfile *first = NULL;
  LadderProfile *last = NULL;
  RowOf row = { window, NULL };

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(LadderProfile) profile = ladder_profile_new (NULL, framework);
      g_autofree char *name = g_strdup_printf ("Person %02u", i + 1);

      ladder_profile_set_name (profile, name);
      ladder_library_add_profile (library, profile);
      g_assert_true (ladder_library_save_profile (library, profile, NULL, NULL));
      if (i == 0)
        first = profile;
      last = profile;
    }

  /* A start: the first person shown. */
  {
    g_autoptr(LadderApplication) again_app = NULL;
    LadderWindow *again;

    g_settings_reset (_ladder_window_get_settings (window), "last-profile");
    again = ui_window_new (&again_app);
    row = (RowOf) { again, ladder_profile_get_name (_ladder_window_get_profile (again)) };
    ui_wait_for (row_in_view_cb, &row, "the shown person's row in view");
    ui_window_free (again, again_app);
    row.window = window;
  }

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  _ladder_window_select (window, G_OBJECT (last));
  row.name = "Person 40";
  ui_wait_for (row_in_view_cb, &row, "the last person's row in view");
  _ladder_window_select (window, G_OBJECT (first));
  row.name = "Person 01";
  ui_wait_for (row_in_view_cb, &row, "the first person's row in view");

  ui_window_free (window, app);
}

typedef struct
{
  GtkAdjustment *adjustment;
  gboolean       at_top;
} Scrolled;

/* The page is laid out, and scrolled down or at its top as asked. */
static gboolean
scrolled_cb (gpointer data)
{
  Scrolled *wanted = data;
  GtkAdjustment *adjustment = wanted->adjustment;
  double value = gtk_adjustment_get_value (adjustment);

  if (gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment) + 100)
    return FALSE;

  return wanted->at_top ? value == gtk_adjustment_get_lower (adjustment) : value > 100;
}

/* Another person's Check-ins and Summary read from their top, not from
 * where the person before was left scrolled. */
static void
test_navigation_pages_from_top (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderLibrary *library = _ladder_window_get_library (window);
  GListModel *frameworks = ladder_library_get_frameworks (library);
  g_autoptr(LadderFramework) framework = g_list_model_get_item (frameworks, 0);
  g_autoptr(LadderProfile) first = ladder_sample_profile (framework, 40, 3);
  g_autoptr(LadderProfile) second = ladder_sample_profile (framework, 40, 4);
  GtkWidget *stack = ui_find (GTK_WIDGET (window), "view_stack", ADW_TYPE_VIEW_STACK);
  const char * const views[] = { "checkins", "summary" };

  ladder_library_add_profile (library, first);
  ladder_library_add_profile (library, second);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 600);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *page = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), views[i]);
      GtkWidget *list = ui_find (page, "list", GTK_TYPE_LIST_VIEW);
      GtkWidget *scrolled = list != NULL ? gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW)
                                         : ui_find (page, NULL, GTK_TYPE_SCROLLED_WINDOW);
      Scrolled wanted = { gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), FALSE };

      _ladder_window_select (window, G_OBJECT (first));
      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), views[i]);
      ui_spin (200);
      gtk_adjustment_set_value (wanted.adjustment, gtk_adjustment_get_upper (wanted.adjustment));
      ui_wait_for (scrolled_cb, &wanted, "the page scrolled down");

      /* Another person opens on Progress; their page, opened then. */
      _ladder_window_select (window, G_OBJECT (second));
      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), views[i]);
      wanted.at_top = TRUE;
      ui_wait_for (scrolled_cb, &wanted, "the next person's page at its top");
    }

  ui_window_free (window, app);
}

/* A person renamed (Edit Profile saves the name) keeps their row
 * selected, whether the name keeps its place in the list or moves. */
static void
test_navigation_rename_keeps_selection (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  LadderLibrary *library = _ladder_window_get_library (window);
  const char *names[] = { "Ann", "Ben", "Cy" };
  LadderProfile *ben = NULL;
  GListModel *profiles = ladder_library_get_profiles (library);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(LadderProfile) profile = ladder_profile_new (NULL, framework);

      ladder_profile_set_name (profile, names[i]);
      ladder_library_add_profile (library, profile);
      if (i == 1)
        ben = profile;
    }
  gtk_window_present (GTK_WINDOW (window));
  _ladder_window_select (window, G_OBJECT (ben));
  g_assert_cmpuint (sidebar_selected (window), ==, sidebar_position (window, G_OBJECT (ben)));

  ladder_profile_set_name (ben, "Bea");
  g_assert_cmpuint (sidebar_selected (window), ==, sidebar_position (window, G_OBJECT (ben)));

  ladder_profile_set_name (ben, "Zed");
  g_assert_true (g_list_model_get_item (profiles, 2) == ben);
  g_object_unref (ben);
  g_assert_cmpuint (sidebar_selected (window), ==, sidebar_position (window, G_OBJECT (ben)));
  g_assert_true (_ladder_window_get_profile (window) == ben);

  ui_window_free (window, app);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/navigation/last-profile", test_navigation_last_profile);
  g_test_add_func ("/ladder/navigation/selected-in-view", test_navigation_selected_in_view);

  g_test_add_func ("/ladder/navigation/hover-shows-nothing", test_navigation_hover_shows_nothing);
  g_test_add_func ("/ladder/navigation/delete-profile", test_navigation_delete_profile);

  g_test_add_func ("/ladder/navigation/profile-heading", test_navigation_profile_heading);

  g_test_add_func ("/ladder/navigation/shortcuts", test_navigation_shortcuts);
  g_test_add_func ("/ladder/navigation/evidence-empty-button", test_navigation_evidence_empty_button);

  g_test_add_func ("/ladder/navigation/toast-above-bar", test_navigation_toast_above_bar);

  g_test_add_func ("/ladder/navigation/framework-tab", test_navigation_framework_tab);
  g_test_add_func ("/ladder/navigation/pages-from-top", test_navigation_pages_from_top);
  g_test_add_func ("/ladder/navigation/rename-keeps-selection", test_navigation_rename_keeps_selection);


  return g_test_run ();
}
