/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the UI tests share: a window on an isolated library, waiting for
 * the main loop, finding widgets of templates and dialogs, and a small
 * framework with known counts.
 */
#pragma once

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "ladder-application.h"
#include "ladder-core.h"
#include "ladder-window-private.h"
#include "ladder-window.h"

typedef gboolean (*UiCondition) (gpointer data);

/* GDK under Xvfb, without a compositor, sometimes warns about the frame
 * clock while a page slides in; it is GDK's own bookkeeping, not ours, so
 * that one message does not fail a test. Every other warning does. GTK
 * logs through the structured API, which a test's fatal handler does not
 * see: hence a writer. */
static inline GLogWriterOutput
ui_log_writer (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
        domain = fields[i].value;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
        message = fields[i].value;
    }

  if (g_strcmp0 (domain, "Gdk") == 0 && message != NULL &&
      strstr (message, "gdk_frame_timings_submitted") != NULL)
    return G_LOG_WRITER_HANDLED;

  g_log_writer_default (log_level, fields, n_fields, user_data);

  /* Every other warning or critical, ours or GTK's, fails the test. */
  if (log_level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL))
    g_error ("A warning was logged (above)");

  return G_LOG_WRITER_HANDLED;
}

/* gtk_test_init() does not pass its options on to g_test_init(), so the
 * UI tests set up the same way by hand, with G_TEST_OPTION_ISOLATE_DIRS:
 * every test gets its own XDG folders and never sees a real library. */
static inline void
ui_test_init (int    *argc,
              char ***argv)
{
  /* No session bus: the application stays local (and dbus-x11 would
   * otherwise start one for every test). */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);
  g_log_set_writer_func (ui_log_writer, NULL, NULL);
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "en_US.UTF-8");
  gtk_init ();
  adw_init ();
}

/* Spins the main loop until @condition holds; fails the test after 90 s.
 * The limit only ends a test that hangs: work on a worker thread (a PDF
 * of 2,000 entries) takes several seconds under the sanitizers on a busy
 * machine. */
static inline void
ui_wait_for (UiCondition  condition,
             gpointer     data,
             const char  *what)
{
  gint64 deadline = g_get_monotonic_time () + 90 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static inline gboolean
ui_true_after_cb (gpointer data)
{
  return g_get_monotonic_time () > *(gint64 *) data;
}

/* Lets the main loop run for @ms milliseconds. */
static inline void
ui_spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  ui_wait_for (ui_true_after_cb, &until, "time to pass");
}

/* The first widget under @root (itself included) whose template or builder
 * id is @id, and, when @type is not 0, which is of @type. */
static inline GtkWidget *
ui_find (GtkWidget  *root,
         const char *id,
         GType       type)
{
  if ((id == NULL || g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0) &&
      (type == 0 || g_type_is_a (G_OBJECT_TYPE (root), type)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_find (child, id, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Every widget of @type under @root. */
static inline void
ui_find_all (GtkWidget *root,
             GType      type,
             GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ui_find_all (child, type, found);
}

static inline gboolean
ui_window_loaded_cb (gpointer data)
{
  return _ladder_window_is_loaded (data);
}

static inline gboolean
ui_no_pending_save_cb (gpointer data)
{
  return !_ladder_window_has_pending_save (data);
}

static inline void
ui_wait_saved (LadderWindow *window)
{
  ui_wait_for (ui_no_pending_save_cb, window, "the autosave");
}

/* One application for the whole test program: GApplication warns (and
 * the test framework aborts) when a registered one is finalized outside
 * g_application_run(). */
static inline LadderApplication *
ui_application (void)
{
  static LadderApplication *app;

  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      app = ladder_application_new ();
      /* Windows join an application after its startup: register it,
       * without asking a session bus for a unique name. */
      g_application_set_flags (G_APPLICATION (app),
                               g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

  return app;
}

static inline void
ui_painted_cb (GdkFrameClock *clock,
               gboolean      *painted)
{
  *painted = TRUE;
}

static inline gboolean
ui_flag_cb (gpointer data)
{
  return *(gboolean *) data;
}

/* A window, shown, drawn once and with its library loaded (the library
 * loads after the first frame). */
static inline gboolean
ui_profiles_whole_cb (gpointer data)
{
  GListModel *profiles = ladder_library_get_profiles (_ladder_window_get_library (data));

  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (profiles, i);

      if (ladder_profile_get_loading (profile))
        return FALSE;
    }

  return TRUE;
}

/* A new window, once its library is listed: a profile the library has
 * seen before may still be reading its evidence (see ladder-library.c). */
static inline LadderWindow *
ui_window_new_listed (LadderApplication **app_out)
{
  LadderWindow *window;
  gboolean painted = FALSE;
  GdkFrameClock *clock;

  /* Never a real library. */
  g_assert_true (g_str_has_prefix (g_get_user_data_dir (), g_get_tmp_dir ()));

  window = ladder_window_new (ui_application ());
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (ui_painted_cb), &painted);
  ui_wait_for (ui_flag_cb, &painted, "the window's first frame");
  g_signal_handlers_disconnect_by_func (clock, ui_painted_cb, &painted);
  ui_wait_for (ui_window_loaded_cb, window, "the library to load");

  *app_out = g_object_ref (ui_application ());
  return window;
}

/* A new window, with every profile of its library read in full. */
static inline LadderWindow *
ui_window_new (LadderApplication **app_out)
{
  LadderWindow *window = ui_window_new_listed (app_out);

  ui_wait_for (ui_profiles_whole_cb, window, "the profiles' evidence to be read");

  return window;
}

static inline void
ui_window_free (LadderWindow      *window,
                LadderApplication *app)
{
  ui_wait_saved (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
}

static inline char *
ui_read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

typedef struct
{
  GFile      *file;
  const char *needle;
} UiFileHas;

static inline gboolean
ui_file_has_cb (gpointer data)
{
  UiFileHas *has = data;
  g_autofree char *contents = NULL;

  if (!g_file_load_contents (has->file, NULL, &contents, NULL, NULL, NULL))
    return FALSE;
  return strstr (contents, has->needle) != NULL;
}

/* Waits until @file exists and holds @needle: an autosave has landed. */
static inline void
ui_wait_file_has (GFile      *file,
                  const char *needle,
                  const char *what)
{
  UiFileHas has = { file, needle };

  ui_wait_for (ui_file_has_cb, &has, what);
}

/* Two levels, two categories, four behaviours; one behaviour reads like
 * markup, which must be shown as it is. */
static inline LadderFramework *
ui_small_framework (void)
{
  LadderFramework *framework = ladder_framework_new ("test-small", "Small Framework");
  g_autoptr(LadderLevel) l1 = ladder_level_new ("1", "Level 1", NULL);
  g_autoptr(LadderLevel) l2 = ladder_level_new ("2", "Level 2", NULL);
  g_autoptr(LadderCategory) craft = ladder_category_new ("craft", "Craft", "🛠️", NULL);
  g_autoptr(LadderCategory) people = ladder_category_new ("people", "People", NULL, NULL);
  g_autoptr(LadderBehaviour) b1 = ladder_behaviour_new ("b1", "1", "craft", NULL, "<b>x</b> & y");
  g_autoptr(LadderBehaviour) b2 = ladder_behaviour_new ("b2", "1", "craft", NULL, "Writes tests");
  g_autoptr(LadderBehaviour) b3 = ladder_behaviour_new ("b3", "2", "craft", NULL, "Designs systems");
  g_autoptr(LadderBehaviour) b4 = ladder_behaviour_new ("b4", "1", "people", NULL, "Helps others");

  ladder_framework_set_organisation (framework, "Test Co");
  ladder_framework_add_level (framework, l1);
  ladder_framework_add_level (framework, l2);
  ladder_framework_add_category (framework, craft);
  ladder_framework_add_category (framework, people);
  ladder_framework_add_behaviour (framework, b1);
  ladder_framework_add_behaviour (framework, b2);
  ladder_framework_add_behaviour (framework, b3);
  ladder_framework_add_behaviour (framework, b4);

  return framework;
}

/* A profile on ui_small_framework(), in the window's library and shown. */
static inline LadderProfile *
ui_show_small_profile (LadderWindow *window)
{
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  g_autoptr(LadderProfile) profile = ladder_profile_new (NULL, framework);
  LadderLibrary *library = _ladder_window_get_library (window);

  ladder_profile_set_name (profile, "Sam Tester");
  ladder_profile_set_current_level (profile, "1");
  ladder_profile_set_target_level (profile, "2");
  ladder_library_add_profile (library, profile);
  _ladder_window_select (window, G_OBJECT (profile));
  g_assert_true (_ladder_window_get_profile (window) == profile);

  return profile;
}

/* Whether @shortcut is set off by @keyval with exactly @modifiers. */
static inline gboolean
ui_shortcut_matches (GtkShortcut     *shortcut,
                     guint            keyval,
                     GdkModifierType  modifiers)
{
  GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      GtkShortcutTrigger *alternatives[2] = {
        gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)),
        gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)),
      };

      for (guint i = 0; i < 2; i++)
        if (GTK_IS_KEYVAL_TRIGGER (alternatives[i]) &&
            gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (alternatives[i])) == keyval &&
            gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (alternatives[i])) == modifiers)
          return TRUE;
      return FALSE;
    }

  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

/* A key press as the toolkit delivers it to the focus widget of
 * @window's root (bubbling): each widget from the focus up offers it to
 * its key controllers and its shortcuts (its class's key bindings among
 * them) until one takes it. Returns whether one did. */
static inline gboolean
ui_press_key (GtkWidget       *window,
              guint            keyval,
              GdkModifierType  modifiers)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (gtk_widget_get_root (window)));

  g_assert_nonnull (focus);
  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
          gboolean handled = FALSE;

          if (gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_BUBBLE)
            continue;

          if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
            {
              g_signal_emit_by_name (controller, "key-pressed", keyval, 0, modifiers, &handled);
              if (handled)
                return TRUE;
            }
          else if (GTK_IS_SHORTCUT_CONTROLLER (controller))
            {
              GListModel *shortcuts = G_LIST_MODEL (controller);

              for (guint j = 0; j < g_list_model_get_n_items (shortcuts); j++)
                {
                  g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, j);

                  if (ui_shortcut_matches (shortcut, keyval, modifiers) &&
                      gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                    GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                    gtk_shortcut_get_arguments (shortcut)))
                    return TRUE;
                }
            }
        }
    }

  return FALSE;
}

static inline AdwDialog *
ui_visible_dialog (LadderWindow *window)
{
  return adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));
}

/* A key press as the key controllers that @widget has ahead of its own
 * (in the capture phase) get it from the toolkit; TRUE when one took it. */
static inline gboolean
ui_press_captured_key (GtkWidget *widget,
                       guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;

      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
      if (handled)
        return TRUE;
    }

  return FALSE;
}

/* Presses @accelerator (such as "<Control>z") as a key event that
 * nothing below @widget took: the first shortcut of @widget or of an
 * ancestor (its own or its class's) whose trigger reads @accelerator
 * and acts runs. TRUE when there was one. */
static inline gboolean
ui_press_shortcut (GtkWidget  *widget,
                   const char *accelerator)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;

          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              g_autofree char *trigger =
                gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

              /* One that does nothing now lets the key go on up. */
              if (g_str_equal (trigger, accelerator) &&
                  gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, w,
                                                gtk_shortcut_get_arguments (shortcut)))
                return TRUE;
            }
        }
    }

  return FALSE;
}

/* The button labelled @label under @root, or NULL. */
static inline GtkWidget *
ui_find_button (GtkWidget  *root,
                const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  ui_find_all (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);

  return NULL;
}

/* Today, as the app's date pickers start from it. */
static inline GDate *
ui_today_plus (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate *date = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now),
                                (GDateMonth) g_date_time_get_month (now),
                                (GDateYear) g_date_time_get_year (now));

  if (days > 0)
    g_date_add_days (date, (guint) days);
  else if (days < 0)
    g_date_subtract_days (date, (guint) -days);

  return date;
}

/* Shows @category of the profile shown on a page of its own, and checks
 * that the page has a banner that says what @banner says, as it says it:
 * the same title, the same Details, revealed when it is. Back to the
 * profile after. */
static inline void
ui_assert_category_page_banner (LadderWindow *window,
                                const char   *category,
                                AdwBanner    *banner)
{
  AdwNavigationView *nav = ADW_NAVIGATION_VIEW (ui_find (GTK_WIDGET (window), "content_nav",
                                                         ADW_TYPE_NAVIGATION_VIEW));
  g_autoptr(GPtrArray) banners = g_ptr_array_new ();
  AdwNavigationPage *page;
  AdwBanner *copy = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-category", "s", category));
  page = adw_navigation_view_get_visible_page (nav);
  g_assert_cmpstr (adw_navigation_page_get_tag (page), !=, "main");
  ui_find_all (GTK_WIDGET (page), ADW_TYPE_BANNER, banners);
  for (guint i = 0; i < banners->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (banners, i)),
                   gtk_actionable_get_action_name (GTK_ACTIONABLE (banner))) == 0)
      copy = g_ptr_array_index (banners, i);
  g_assert_nonnull (copy);
  g_assert_cmpint (adw_banner_get_revealed (copy), ==, adw_banner_get_revealed (banner));
  g_assert_cmpstr (adw_banner_get_title (copy), ==, adw_banner_get_title (banner));
  g_assert_cmpstr (adw_banner_get_button_label (copy), ==, adw_banner_get_button_label (banner));
  g_assert_false (adw_banner_get_use_markup (copy));
  adw_navigation_view_pop_to_tag (nav, "main");
}

/* Logs the widgets under @widget that need more than @width pixels, the
 * way down to the one that makes its parents wide. */
static inline void
ui_log_wide (GtkWidget *widget,
             int        width,
             int        depth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int min;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min <= width)
        continue;
      g_test_message ("%*s%s%s%s: %d px", depth * 2, "", G_OBJECT_TYPE_NAME (child),
                      gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)) != NULL ? " #" : "",
                      gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)) != NULL
                        ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)) : "",
                      min);
      ui_log_wide (child, width, depth + 1);
    }
}

static inline gboolean
ui_split_collapsed_cb (gpointer data)
{
  GtkWidget *split = ui_find (data, NULL, ADW_TYPE_NAVIGATION_SPLIT_VIEW);

  return adw_navigation_split_view_get_collapsed (ADW_NAVIGATION_SPLIT_VIEW (split));
}

/* Makes @window as narrow as a phone, 360 × 640, its narrow layout in place. */
static inline void
ui_window_narrow (LadderWindow *window)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  ui_wait_for (ui_split_collapsed_cb, window, "the narrow layout");
  ui_spin (100);
}

/* That @window's content needs no more than @width pixels: the window's
 * minimum width does not grow past it, and nothing on the right of
 * @what is cut off. */
static inline void
ui_assert_fits_width (LadderWindow *window,
                      int           width,
                      const char   *what)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  int min;

  gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min > width)
    {
      g_test_message ("%s needs %d px, more than %d:", what, min, width);
      ui_log_wide (content, width - 60, 0);
    }
  g_assert_cmpint (min, <=, width);
}
