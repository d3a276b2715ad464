/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LadderBehaviourPicker from the keyboard, with X key events as a person
 * types them (ui_send_key()): typing filters, Down goes into the list,
 * Enter picks; in a list to tick, Space and Enter tick. */

#include "config.h"

#include "ladder-behaviour-picker.h"
#include "ladder-ui-private.h"
#include "ui-keys.h"

/* Two categories, two levels, in an order the picker must not keep. */
static LadderFramework *
make_framework (void)
{
  LadderFramework *framework = ladder_framework_new ("fw", "Framework");
  g_autoptr(LadderLevel) l1 = ladder_level_new ("1", "Level 1", NULL);
  g_autoptr(LadderLevel) l2 = ladder_level_new ("2", "Level 2", NULL);
  g_autoptr(LadderCategory) craft = ladder_category_new ("craft", "Craft", NULL, NULL);
  g_autoptr(LadderCategory) people = ladder_category_new ("people", "People", NULL, NULL);
  const char *behaviours[][4] = {
    { "p2", "2", "people", "Grows the team" },
    { "c2", "2", "craft", "Designs systems" },
    { "p1", "1", "people", "Helps others" },
    { "c1", "1", "craft", "Writes tests" },
  };

  g_assert_true (ladder_framework_add_level (framework, l1));
  g_assert_true (ladder_framework_add_level (framework, l2));
  g_assert_true (ladder_framework_add_category (framework, craft));
  g_assert_true (ladder_framework_add_category (framework, people));
  for (guint i = 0; i < G_N_ELEMENTS (behaviours); i++)
    {
      g_autoptr(LadderBehaviour) behaviour =
        ladder_behaviour_new (behaviours[i][0], behaviours[i][1], behaviours[i][2], NULL, behaviours[i][3]);

      g_assert_true (ladder_framework_add_behaviour (framework, behaviour));
    }

  return framework;
}

typedef struct
{
  GtkWidget       *window;
  GtkWidget       *picker;
  GtkWidget       *search;
  GtkWidget       *list;
  LadderFramework *framework;
  GPtrArray       *events;   /* "picked ID", "ticked ID", "unticked ID" */
} Fixture;

static void
picked_cb (LadderBehaviourPicker *picker,
           const char            *id,
           Fixture               *fixture)
{
  g_ptr_array_add (fixture->events, g_strdup_printf ("picked %s", id));
}

static void
toggled_cb (LadderBehaviourPicker *picker,
            const char            *id,
            gboolean               ticked,
            Fixture               *fixture)
{
  g_ptr_array_add (fixture->events, g_strdup_printf ("%s %s", ticked ? "ticked" : "unticked", id));
}

static gboolean
focused_cb (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (data));

  return focus != NULL && (focus == data || gtk_widget_is_ancestor (focus, data));
}

static gboolean
active_cb (gpointer data)
{
  return gtk_window_is_active (data);
}

static void
fixture_set_up (Fixture *fixture,
                gboolean multiple,
                gboolean scrolls)
{
  fixture->framework = make_framework ();
  fixture->events = g_ptr_array_new_with_free_func (g_free);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 500);
  fixture->picker = ladder_behaviour_picker_new (multiple, scrolls);
  ladder_behaviour_picker_set_framework (LADDER_BEHAVIOUR_PICKER (fixture->picker), fixture->framework, NULL);
  g_signal_connect (fixture->picker, "picked", G_CALLBACK (picked_cb), fixture);
  g_signal_connect (fixture->picker, "toggled", G_CALLBACK (toggled_cb), fixture);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->picker);
  fixture->search = ui_find (fixture->picker, "behaviour_search", GTK_TYPE_SEARCH_ENTRY);
  fixture->list = ui_find (fixture->picker, "behaviour_list", GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (fixture->search);
  g_assert_nonnull (fixture->list);
  gtk_window_present (GTK_WINDOW (fixture->window));
  ui_wait_for (active_cb, fixture->window, "the window to be active");
  ladder_behaviour_picker_reset (LADDER_BEHAVIOUR_PICKER (fixture->picker));
  ui_wait_for (focused_cb, fixture->search, "the focus in the search");
}

static void
fixture_tear_down (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_ptr_array_unref (fixture->events);
  g_object_unref (fixture->framework);
  ui_spin (20);
}

static GListModel *
shown (Fixture *fixture)
{
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (fixture->list)));
}

static char *
shown_ids (Fixture *fixture)
{
  GListModel *model = shown (fixture);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LadderBehaviour) behaviour = g_list_model_get_item (model, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", ladder_behaviour_get_id (behaviour));
    }

  return g_string_free (ids, FALSE);
}

typedef struct
{
  Fixture    *fixture;
  const char *ids;
} ShownIds;

static gboolean
shown_ids_cb (gpointer data)
{
  ShownIds *wanted = data;
  g_autofree char *ids = shown_ids (wanted->fixture);

  return g_str_equal (ids, wanted->ids);
}

static void
wait_shown (Fixture    *fixture,
            const char *ids)
{
  ShownIds wanted = { fixture, ids };

  ui_wait_for (shown_ids_cb, &wanted, ids);
}

static gboolean
n_events_cb (gpointer data)
{
  Fixture *fixture = data;

  return fixture->events->len > 0;
}

static void
type_text (Fixture    *fixture,
           const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    ui_send_key (fixture->window, gdk_unicode_to_keyval ((guchar) *p), 0);
}

static gboolean
focus_on_cb (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL && gtk_widget_is_ancestor (focus, fixture->list);
}

static const char *
focused_row_id (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  for (GtkWidget *w = focus; w != NULL && w != fixture->list; w = gtk_widget_get_parent (w))
    {
      const char *id = g_object_get_data (G_OBJECT (w), "ladder-behaviour");

      if (id != NULL)
        return id;
      /* The row around a label and its mark. */
      for (GtkWidget *child = gtk_widget_get_first_child (w); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if ((id = g_object_get_data (G_OBJECT (child), "ladder-behaviour")) != NULL)
          return id;
    }

  return NULL;
}

/* One to pick: grouped by category, then level; typing filters; Down
 * and Enter pick; typing on a row goes back to the search. */
static void
test_picker_pick (void)
{
  Fixture fixture = { 0 };

  fixture_set_up (&fixture, FALSE, TRUE);
  wait_shown (&fixture, "c1 c2 p1 p2");

  /* Enter in the search: the first match. */
  type_text (&fixture, "grows");
  wait_shown (&fixture, "p2");
  ui_send_key (fixture.window, GDK_KEY_Return, 0);
  ui_wait_for (n_events_cb, &fixture, "a pick");
  g_assert_cmpuint (fixture.events->len, ==, 1);
  g_assert_cmpstr (fixture.events->pdata[0], ==, "picked p2");
  g_assert_cmpstr (ladder_behaviour_picker_get_chosen (LADDER_BEHAVIOUR_PICKER (fixture.picker)), ==, "p2");

  /* A wider search; Down into the list, Down to the second, Enter. */
  ladder_behaviour_picker_reset (LADDER_BEHAVIOUR_PICKER (fixture.picker));
  wait_shown (&fixture, "c1 c2 p1 p2");
  type_text (&fixture, "s");
  wait_shown (&fixture, "c1 c2 p1 p2");
  type_text (&fixture, "ys");
  wait_shown (&fixture, "c2");
  ui_send_key (fixture.window, GDK_KEY_BackSpace, 0);
  ui_send_key (fixture.window, GDK_KEY_BackSpace, 0);
  ui_send_key (fixture.window, GDK_KEY_BackSpace, 0);
  type_text (&fixture, "w");
  wait_shown (&fixture, "c1 p2");
  ui_send_key (fixture.window, GDK_KEY_BackSpace, 0);
  wait_shown (&fixture, "c1 c2 p1 p2");
  g_ptr_array_set_size (fixture.events, 0);
  ui_send_key (fixture.window, GDK_KEY_Down, 0);
  ui_wait_for (focus_on_cb, &fixture, "the focus in the list");
  g_assert_cmpstr (focused_row_id (&fixture), ==, "c1");
  ui_send_key (fixture.window, GDK_KEY_Down, 0);
  ui_spin (100);
  g_assert_cmpstr (focused_row_id (&fixture), ==, "c2");
  ui_send_key (fixture.window, GDK_KEY_Return, 0);
  ui_wait_for (n_events_cb, &fixture, "a pick");
  g_assert_cmpstr (fixture.events->pdata[0], ==, "picked c2");

  /* Typing on a row searches. */
  g_assert_true (focus_on_cb (&fixture));
  type_text (&fixture, "h");
  wait_shown (&fixture, "p1 p2");
  ui_wait_for (focused_cb, fixture.search, "the focus in the search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture.search)), ==, "h");

  fixture_tear_down (&fixture);
}

/* Any number to tick: Space on a box, Enter in the search (which ticks
 * and never unticks), and the ticked in the framework's order. */
static void
test_picker_tick (void)
{
  Fixture fixture = { 0 };
  LadderBehaviourPicker *picker;
  g_auto(GStrv) ticked = NULL;

  fixture_set_up (&fixture, TRUE, FALSE);
  picker = LADDER_BEHAVIOUR_PICKER (fixture.picker);
  /* Set, not ticked by the user: no "toggled". */
  ladder_behaviour_picker_set_ticked (picker, "p2", TRUE);
  ladder_behaviour_picker_set_ticked (picker, "gone", TRUE);
  wait_shown (&fixture, "c1 c2 p1 p2");
  ui_spin (50);
  g_assert_cmpuint (fixture.events->len, ==, 0);

  ui_send_key (fixture.window, GDK_KEY_Down, 0);
  ui_wait_for (focus_on_cb, &fixture, "the focus in the list");
  g_assert_true (GTK_IS_CHECK_BUTTON (gtk_root_get_focus (GTK_ROOT (fixture.window))));
  g_assert_cmpstr (focused_row_id (&fixture), ==, "c1");
  ui_send_key (fixture.window, GDK_KEY_space, 0);
  ui_wait_for (n_events_cb, &fixture, "a tick");
  g_assert_cmpstr (fixture.events->pdata[0], ==, "ticked c1");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (gtk_root_get_focus (GTK_ROOT (fixture.window)))));

  /* Typing on a box searches; Enter there ticks the first match. */
  g_ptr_array_set_size (fixture.events, 0);
  type_text (&fixture, "helps");
  wait_shown (&fixture, "p1");
  ui_wait_for (focused_cb, fixture.search, "the focus in the search");
  ui_send_key (fixture.window, GDK_KEY_Return, 0);
  ui_wait_for (n_events_cb, &fixture, "a tick");
  g_assert_cmpstr (fixture.events->pdata[0], ==, "ticked p1");
  ui_send_key (fixture.window, GDK_KEY_Return, 0);
  ui_spin (100);
  g_assert_cmpuint (fixture.events->len, ==, 1);

  ticked = ladder_behaviour_picker_dup_ticked (picker);
  g_assert_cmpstrv (ticked, ((const char * const[]) { "p2", "p1", "c1", "gone", NULL }));

  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/behaviour-picker/pick", test_picker_pick);
  g_test_add_func ("/ladder/behaviour-picker/tick", test_picker_tick);

  return g_test_run ();
}
