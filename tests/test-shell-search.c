/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GNOME Shell's overview searches the library through the app's search
 * provider: org.gnome.Shell.SearchProvider2, called as the Shell calls
 * it, over a session bus of the test's own, on the application that owns
 * the app's name there. The searches are answered without a window; a
 * result, and the search itself, open the window on what was found.
 */

#include "config.h"

#include "ladder-behaviour-row.h"
#include "ladder-category-page.h"
#include "ladder-evidence-editor.h"
#include "ladder-evidence-page.h"
#include "ui-helpers.h"

#define PROVIDER_INTERFACE "org.gnome.Shell.SearchProvider2"

/* One bus and one application for the program, as in test-open-dbus. */
static GTestDBus         *bus;
static LadderApplication *bus_app;

typedef struct
{
  GDBusConnection   *caller;   /* the Shell: another connection */
  LadderApplication *app;
  char              *object_path;
} Fixture;

static void
add_entry (LadderProfile *profile,
           const char    *id,
           const char    *title,
           const char    *body,
           int            day)
{
  g_autoptr(LadderEvidence) evidence = ladder_evidence_new (id);
  g_autoptr(GDate) date = g_date_new_dmy (day, G_DATE_MARCH, 2026);

  ladder_evidence_set_title (evidence, title);
  ladder_evidence_set_body (evidence, body);
  ladder_evidence_set_date (evidence, date);
  ladder_profile_add_evidence (profile, evidence);
}

/* Sam's profile in the library's folder (each test has its own), saved
 * by a library: it keeps the profile's head, so that the provider's
 * library and the window's list it at once and read its evidence after,
 * which a search and an entry's result wait for. */
static void
write_profile (void)
{
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  g_autoptr(LadderProfile) profile = ladder_profile_new ("sam", framework);
  g_autoptr(GFile) directory = ladder_library_get_default_directory ();
  g_autofree char *path = g_build_filename (g_file_peek_path (directory), "profiles", "sam.json",
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *heads_folder = g_build_filename (g_get_user_cache_dir (), "ladder", "heads",
                                                    NULL);

  ladder_profile_set_name (profile, "Sam Tester");
  add_entry (profile, "e-friday", "Deploy Friday fix", "Rolled back safely.", 10);
  add_entry (profile, "e-notes", "Quarterly notes", "The deploy pipeline got faster.", 20);
  add_entry (profile, "e-tooling", "Deploy tooling", "Scripts.", 1);
  ladder_profile_set_file (profile, file);
  g_assert_true (ladder_library_save_profile (library, profile, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (heads_folder, G_FILE_TEST_IS_DIR));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (bus_app == NULL)
    {
      bus_app = ladder_application_new ();
      g_application_register (G_APPLICATION (bus_app), NULL, &error);
      g_assert_no_error (error);
    }
  fixture->app = bus_app;
  fixture->object_path = g_strconcat (g_application_get_dbus_object_path (G_APPLICATION (bus_app)),
                                      "/SearchProvider", NULL);
  fixture->caller = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                            G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                            G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                            NULL, NULL, &error);
  g_assert_no_error (error);
  write_profile ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app));

  while (windows != NULL)
    {
      LadderWindow *window = windows->data;

      while (ui_visible_dialog (window) != NULL)
        adw_dialog_force_close (ui_visible_dialog (window));
      ui_wait_saved (window);
      gtk_window_destroy (GTK_WINDOW (window));
      windows = gtk_application_get_windows (GTK_APPLICATION (fixture->app));
    }

  g_dbus_connection_close_sync (fixture->caller, NULL, NULL);
  g_clear_object (&fixture->caller);
  g_free (fixture->object_path);
}

typedef struct
{
  gboolean  done;
  GVariant *reply;
} Call;

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Call *call = user_data;
  g_autoptr(GError) error = NULL;

  call->reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  g_assert_no_error (error);
  call->done = TRUE;
}

/* Calls @method of the search provider as the Shell does, and waits for
 * the answer while the application runs. */
static GVariant *
call_provider (Fixture            *fixture,
               const char         *method,
               GVariant           *parameters,
               const GVariantType *reply_type)
{
  Call call = { FALSE, NULL };

  g_dbus_connection_call (fixture->caller, APP_ID, fixture->object_path, PROVIDER_INTERFACE,
                          method, parameters, reply_type, G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                          call_done_cb, &call);
  ui_wait_for (ui_flag_cb, &call.done, "the search provider to answer");

  return call.reply;
}

static char **
initial_results (Fixture            *fixture,
                 const char * const *terms)
{
  g_autoptr(GVariant) reply = call_provider (fixture, "GetInitialResultSet",
                                             g_variant_new ("(^as)", terms),
                                             G_VARIANT_TYPE ("(as)"));
  char **results = NULL;

  g_variant_get (reply, "(^as)", &results);

  return results;
}

static LadderWindow *
wait_for_window (Fixture *fixture)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (fixture->app));

  g_assert_true (LADDER_IS_WINDOW (window));
  ui_wait_for (ui_window_loaded_cb, window, "the library to load");

  return LADDER_WINDOW (window);
}

/* The overview's searches, answered from the library's files with no
 * window open: ranked, narrowed as the user types on, described. */
static void
test_shell_search (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *deploy[] = { "deploy", NULL };
  const char *deploy_friday[] = { "deploy", "FRIDAY", NULL };
  const char *designs[] = { "designs", NULL };
  const char * const deploy_expected[] = {
    "evidence/sam/e-friday", "evidence/sam/e-tooling", "evidence/sam/e-notes", NULL
  };
  const char * const friday_expected[] = { "evidence/sam/e-friday", NULL };
  const char * const designs_expected[] = { "behaviour/sam/b3", NULL };
  const char *wanted[] = { "evidence/sam/e-friday", "behaviour/sam/b3", "evidence/sam/gone", NULL };
  g_auto(GStrv) results = NULL;
  g_auto(GStrv) narrowed = NULL;
  g_auto(GStrv) behaviours = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) metas = NULL;
  g_autoptr(GVariant) meta = NULL;
  g_autoptr(GVariant) icon_data = NULL;
  g_autoptr(GIcon) icon = NULL;
  const char *text;

  results = initial_results (fixture, deploy);
  g_assert_cmpstrv (results, deploy_expected);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));

  reply = call_provider (fixture, "GetSubsearchResultSet",
                         g_variant_new ("(^as^as)", results, deploy_friday),
                         G_VARIANT_TYPE ("(as)"));
  g_variant_get (reply, "(^as)", &narrowed);
  g_assert_cmpstrv (narrowed, friday_expected);
  g_clear_pointer (&reply, g_variant_unref);

  behaviours = initial_results (fixture, designs);
  g_assert_cmpstrv (behaviours, designs_expected);

  /* One meta for each result still there, in the order asked. */
  reply = call_provider (fixture, "GetResultMetas", g_variant_new ("(^as)", wanted),
                         G_VARIANT_TYPE ("(aa{sv})"));
  metas = g_variant_get_child_value (reply, 0);
  g_assert_cmpuint (g_variant_n_children (metas), ==, 2);

  meta = g_variant_get_child_value (metas, 0);
  g_assert_true (g_variant_lookup (meta, "id", "&s", &text));
  g_assert_cmpstr (text, ==, "evidence/sam/e-friday");
  g_assert_true (g_variant_lookup (meta, "name", "&s", &text));
  g_assert_cmpstr (text, ==, "Deploy Friday fix");
  g_assert_true (g_variant_lookup (meta, "description", "&s", &text));
  g_assert_cmpstr (text, ==, "10 Mar 2026 · Sam Tester");
  icon_data = g_variant_lookup_value (meta, "icon", NULL);
  icon = g_icon_deserialize (icon_data);
  g_assert_true (G_IS_ICON (icon));
  g_clear_pointer (&meta, g_variant_unref);

  meta = g_variant_get_child_value (metas, 1);
  g_assert_true (g_variant_lookup (meta, "name", "&s", &text));
  g_assert_cmpstr (text, ==, "Designs systems");
  g_assert_true (g_variant_lookup (meta, "description", "&s", &text));
  g_assert_cmpstr (text, ==, "Level 2 · Sam Tester");

  /* Still no window: searching opens none. */
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));
}

static void
activate (Fixture    *fixture,
          const char *result_id)
{
  const char *terms[] = { "deploy", NULL };
  g_autoptr(GVariant) reply = call_provider (fixture, "ActivateResult",
                                             g_variant_new ("(s^asu)", result_id, terms, 0),
                                             NULL);
}

static gboolean
editor_shown_cb (gpointer data)
{
  return LADDER_IS_EVIDENCE_EDITOR (ui_visible_dialog (data));
}

static GtkWidget *
visible_page (LadderWindow *window)
{
  GtkWidget *nav = ui_find (GTK_WIDGET (window), "content_nav", ADW_TYPE_NAVIGATION_VIEW);

  return GTK_WIDGET (adw_navigation_view_get_visible_page (ADW_NAVIGATION_VIEW (nav)));
}

/* The category page, with the behaviour's row on screen. */
static gboolean
behaviour_shown_cb (gpointer data)
{
  GtkWidget *page = visible_page (data);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  if (!LADDER_IS_CATEGORY_PAGE (page))
    return FALSE;
  ui_find_all (page, LADDER_TYPE_BEHAVIOUR_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *label = ui_find (rows->pdata[i], "text", GTK_TYPE_LABEL);

      if (gtk_widget_get_mapped (rows->pdata[i]) &&
          g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), "Designs systems") == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
progress_shown_cb (gpointer data)
{
  GtkWidget *stack = ui_find (GTK_WIDGET (data), "view_stack", ADW_TYPE_VIEW_STACK);

  return !LADDER_IS_CATEGORY_PAGE (visible_page (data)) &&
         g_strcmp0 (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), "progress") == 0;
}

/* The Evidence tab, searching for the words typed in the overview. */
static gboolean
search_shown_cb (gpointer data)
{
  LadderWindow *window = data;
  GtkWidget *stack = ui_find (GTK_WIDGET (window), "view_stack", ADW_TYPE_VIEW_STACK);
  GtkWidget *page = _ladder_window_get_evidence_page (window);
  GListModel *shown = ladder_evidence_page_get_shown (LADDER_EVIDENCE_PAGE (page));
  g_autoptr(LadderEvidence) first = g_list_model_get_item (shown, 0);

  return g_strcmp0 (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), "evidence") == 0 &&
         g_list_model_get_n_items (shown) == 1 &&
         g_strcmp0 (ladder_evidence_get_id (first), "e-friday") == 0;
}

/* A result opens the window on it (an entry in the editor, a behaviour
 * on its category's page, a profile), and the search itself opens the
 * Evidence tab's search; searching goes on from the window's library. */
static void
test_shell_activate (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = ui_small_framework ();
  g_autoptr(LadderProfile) unsaved = ladder_profile_new ("kim", framework);
  const char *search_terms[] = { "deploy", "Friday", NULL };
  const char *kim[] = { "kim", NULL };
  const char * const kim_expected[] = { "profile/kim", NULL };
  g_autoptr(GVariant) reply = NULL;
  g_auto(GStrv) results = NULL;
  LadderWindow *window;
  AdwDialog *editor;
  GtkWidget *entry;

  activate (fixture, "evidence/sam/e-friday");
  window = wait_for_window (fixture);
  ui_wait_for (editor_shown_cb, window, "the evidence editor");
  editor = ui_visible_dialog (window);
  g_assert_cmpstr (ladder_profile_get_name (_ladder_window_get_profile (window)), ==, "Sam Tester");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui_find (GTK_WIDGET (editor), "title_row", 0))),
                   ==, "Deploy Friday fix");
  adw_dialog_force_close (editor);

  activate (fixture, "behaviour/sam/b3");
  ui_wait_for (behaviour_shown_cb, window, "the behaviour on its category's page");

  activate (fixture, "profile/sam");
  ui_wait_for (progress_shown_cb, window, "the profile's progress");

  reply = call_provider (fixture, "LaunchSearch", g_variant_new ("(^asu)", search_terms, 0), NULL);
  ui_wait_for (search_shown_cb, window, "the Evidence tab's search");
  entry = ui_find (_ladder_window_get_evidence_page (window), "search_entry", 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "deploy Friday");

  /* Once the window has loaded, the provider searches its library: what
   * it holds and is not yet on disk is found too. */
  ladder_profile_set_name (unsaved, "Kim Unsaved");
  ladder_library_add_profile (_ladder_window_get_library (window), unsaved);
  results = initial_results (fixture, kim);
  g_assert_cmpstrv (results, kim_expected);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_test_init (&argc, &argv);
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

  /* In this order: the first runs before any window exists. */
  g_test_add ("/ladder/shell-search/search", Fixture, NULL, fixture_set_up, test_shell_search,
              fixture_tear_down);
  g_test_add ("/ladder/shell-search/activate", Fixture, NULL, fixture_set_up, test_shell_activate,
              fixture_tear_down);

  status = g_test_run ();
  /* Not g_test_dbus_down(), which waits for the application to let go
   * of its connection. */
  g_test_dbus_stop (bus);

  return status;
}
