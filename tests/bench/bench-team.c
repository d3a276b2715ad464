/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How fast the Team view shows a manager's whole team, and how much
 * memory the app then holds, next to a bare libadwaita window (the floor
 * any GTK app pays).
 *
 *   xvfb-run -a bench-team [PEOPLE] [EVIDENCE] [RUNS]
 *
 * Writes PEOPLE (50) profiles of EVIDENCE (2000) evidence entries each,
 * the manager's copies with a cadence, as `ladder-cli sample --manager
 * --seed N` makes them, into a temporary library, then starts, RUNS (5)
 * times each, alternating:
 *
 *  - the floor: an AdwApplicationWindow with a header bar and a
 *    GtkListView of PEOPLE short strings;
 *  - the app, on that library, opening on the Team view (as it does when
 *    the Team view was shown last).
 *
 * Each is a process of its own (this program again, with --child), timed
 * from just before it is spawned: to the window's first frame (its frame
 * clock's "after-paint"), for the app to the first frame that shows the
 * Team view's cards (those the heads sum up, before the library has
 * loaded: see ladder_library_peek_team()), to the first that shows them
 * bound to the profiles the library lists, and then to the library's
 * read-ahead done (the
 * profiles it reads in full unasked, LADDER_LIBRARY_DEFAULT_READ_AHEAD
 * evidence entries' worth; the cards need none of it: see
 * ladder_team_summary_new()). The proportional set size (PSS,
 * /proc/self/smaps_rollup) is taken when the cards are shown and once the
 * read-ahead is done, and the peak resident size (VmHWM, as PSS has no
 * peak) at the end. The first start, before the library has kept any
 * profile's head, is timed on its own. The medians come with the worst
 * run, and the load average before and after: the machine may be shared.
 * Goals: the Team view within 1.5× the floor's first frame, PSS under
 * 150 MiB.
 *
 * Run it in the environment the app's tests use: GSK_RENDERER=cairo,
 * GDK_DISABLE=gl,vulkan, GTK_A11Y=none, GSETTINGS_SCHEMA_DIR of the build.
 */

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bench-common.h"
#include "ladder-application.h"
#include "ladder-core.h"
#include "ladder-team-card.h"
#include "ladder-window-private.h"

/* Child state {{{1 */

typedef struct
{
  gint64     t0;
  gint64     first_frame;
  gint64     team_shown;
  gint64     team_listed;
  gint64     all_read;
  long       pss_shown;
  double     cpu_shown;       /* the main thread's processor time, ms */
  double     process_shown;   /* every thread's */
  guint      people;
  guint      n_evidence;
  guint      n_read;
  GtkWindow *window;
} Child;

static Child child;

static double
ms_since_t0 (gint64 t)
{
  return (t - child.t0) / 1000.0;
}

static double
cpu_ms (clockid_t clock)
{
  struct timespec ts;

  if (clock_gettime (clock, &ts) != 0)
    return -1.0;

  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static long
peak_rss_kib (void)
{
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return -1;
  line = strstr (contents, "\nVmHWM:");
  if (line == NULL)
    return -1;

  return strtol (line + strlen ("\nVmHWM:"), NULL, 10);
}

static void
report_and_quit (void)
{
  /* One line the driver reads: first frame, Team view shown, its cards
   * bound to the profiles listed, all read (ms), PSS when shown and at
   * the end, the peak resident size (KiB), the processor time of the
   * main thread and of all, when shown (ms). */
  g_print ("%.1f %.1f %.1f %.1f %ld %ld %u %ld %.1f %.1f\n", ms_since_t0 (child.first_frame),
           child.team_shown ? ms_since_t0 (child.team_shown) : 0.0,
           child.team_listed ? ms_since_t0 (child.team_listed) : 0.0,
           child.all_read ? ms_since_t0 (child.all_read) : 0.0,
           child.pss_shown, bench_pss_kib (), child.n_read, peak_rss_kib (),
           child.team_shown ? child.cpu_shown : cpu_ms (CLOCK_THREAD_CPUTIME_ID),
           child.team_shown ? child.process_shown : cpu_ms (CLOCK_PROCESS_CPUTIME_ID));
  g_application_quit (g_application_get_default ());
}

/* The floor {{{1 */

static void
floor_first_frame (void)
{
  child.first_frame = g_get_monotonic_time ();
  g_idle_add_once ((GSourceOnceFunc) report_and_quit, NULL);
}

/* The app {{{1 */

/* Whether a card is drawn, of a profile the library listed (@listed) or
 * of any. */
static gboolean
has_drawn_card (GtkWidget *widget,
                gboolean   listed)
{
  if (LADDER_IS_TEAM_CARD (widget))
    return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0 &&
           (!listed || ladder_team_card_get_profile (LADDER_TEAM_CARD (widget)) != NULL);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (has_drawn_card (c, listed))
      return TRUE;

  return FALSE;
}

/* Whether the library has read all it reads unasked: every profile, or
 * as many as its read-ahead holds (see ladder_library_set_read_ahead()). */
static gboolean
all_read (void)
{
  GListModel *profiles = ladder_library_get_profiles (_ladder_window_get_library (LADDER_WINDOW (child.window)));
  guint n = g_list_model_get_n_items (profiles);
  guint64 resident = 0;
  gboolean loading = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (profiles, i);

      if (ladder_profile_get_loading (profile))
        loading = TRUE;
      else
        {
          resident += g_list_model_get_n_items (ladder_profile_get_evidence (profile));
          child.n_read++;
        }
    }

  if (n != child.people)
    return FALSE;

  if (!loading || resident + child.n_evidence > LADDER_LIBRARY_DEFAULT_READ_AHEAD)
    return TRUE;

  child.n_read = 0;
  return FALSE;
}

static gboolean
poll_read_cb (gpointer data)
{
  if (!all_read ())
    return G_SOURCE_CONTINUE;

  child.all_read = g_get_monotonic_time ();
  /* Let the window give the reading's memory back, then measure. */
  g_timeout_add_once (500, (GSourceOnceFunc) report_and_quit, NULL);

  return G_SOURCE_REMOVE;
}

static void
app_after_paint_cb (GdkFrameClock *clock,
                    gpointer       data)
{
  LadderWindow *window = LADDER_WINDOW (child.window);
  GtkWidget *team = _ladder_window_get_team_view (window);

  if (child.first_frame == 0)
    child.first_frame = g_get_monotonic_time ();

  if (g_strcmp0 (_ladder_window_get_view (window), "team") != 0 ||
      ladder_team_view_get_n_people (LADDER_TEAM_VIEW (team)) != child.people)
    return;

  if (child.team_shown == 0 && has_drawn_card (team, FALSE))
    {
      child.team_shown = g_get_monotonic_time ();
      child.pss_shown = bench_pss_kib ();
      child.cpu_shown = cpu_ms (CLOCK_THREAD_CPUTIME_ID);
      child.process_shown = cpu_ms (CLOCK_PROCESS_CPUTIME_ID);
    }

  if (child.team_shown != 0 && _ladder_window_is_loaded (window) && has_drawn_card (team, TRUE))
    {
      child.team_listed = g_get_monotonic_time ();
      g_signal_handlers_disconnect_by_func (clock, app_after_paint_cb, data);
      g_timeout_add (20, poll_read_cb, NULL);
    }
}

static void
app_realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (app_after_paint_cb), NULL);
}

static void
app_window_added_cb (GtkApplication *app,
                     GtkWindow      *window)
{
  if (child.window != NULL)
    return;

  child.window = window;
  g_signal_connect (window, "realize", G_CALLBACK (app_realize_cb), NULL);
}

static int
run_app (void)
{
  g_autoptr(LadderApplication) app = ladder_application_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* The manager left the Team view open last time. */
  g_settings_set_boolean (settings, "team-shown-last", TRUE);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (app_window_added_cb), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

/* The driver {{{1 */

static char *
write_library (guint people,
               guint n_evidence)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ladder-bench-team-XXXXXX", &error);
  g_autofree char *profiles = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  const char *data;
  gsize length, total = 0;

  g_assert_no_error (error);
  /* The data folder the app reads there (ladder-devel in a development
   * build: see ladder_library_get_default_directory()). */
  profiles = g_build_filename (dir, LIBRARY_FOLDER, "profiles", NULL);
  g_assert_cmpint (g_mkdir_with_parents (profiles, 0700), ==, 0);

  bytes = g_resources_lookup_data (LADDER_BUNDLED_FRAMEWORKS_PATH "monzo-backend-engineering.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &length);
  framework = ladder_format_read_framework (data, length, "monzo-backend-engineering.json", &error);
  g_assert_no_error (error);

  for (guint seed = 1; seed <= people; seed++)
    {
      g_autoptr(LadderProfile) profile = ladder_sample_profile (framework, n_evidence, seed);
      g_autofree char *json = NULL;
      g_autofree char *name = g_strdup_printf ("person-%02u.json", seed);
      g_autofree char *path = g_build_filename (profiles, name, NULL);

      /* What `ladder-cli sample --manager --seed SEED` writes. */
      ladder_profile_set_owner (profile, LADDER_RATER_MANAGER);
      ladder_profile_set_cadence (profile, LADDER_CADENCE_WEEKLY + seed % 3);
      json = ladder_format_write_profile (profile, &length);
      g_file_set_contents (path, json, length, &error);
      g_assert_no_error (error);
      total += length;
    }
  g_print ("Library: %u profiles of %u evidence entries, %.1f MB in all\n", people, n_evidence,
           total / 1e6);

  return g_steal_pointer (&dir);
}

typedef struct
{
  double first, shown, listed, read, pss_shown, pss_end, n_read, peak, cpu, process_cpu;
} Figures;

static Figures
run_child (const char *self_path,
           const char *what,
           guint       people,
           guint       n_evidence,
           const char *data_home)
{
  g_autofree char *cache_home = g_build_filename (data_home, "cache", NULL);
  g_autofree char *n = g_strdup_printf ("%u", people);
  g_autofree char *t0 = NULL;
  g_autofree char *entries = g_strdup_printf ("%u", n_evidence);
  const char *argv[] = { self_path, "--child", what, n, entries, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  Figures figures = { 0 };
  long pss_shown = 0, pss_end = 0, peak = 0;
  unsigned int n_read = 0;
  int status;

  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", cache_home, TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);
  t0 = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  envp = g_environ_setenv (envp, "LADDER_BENCH_T0", t0, TRUE);

  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  if (sscanf (out, "%lf %lf %lf %lf %ld %ld %u %ld %lf %lf", &figures.first, &figures.shown,
              &figures.listed, &figures.read, &pss_shown, &pss_end, &n_read, &peak, &figures.cpu,
              &figures.process_cpu) != 10)
    g_error ("The %s run printed “%s”", what, out);
  figures.pss_shown = pss_shown / 1024.0;
  figures.pss_end = pss_end / 1024.0;
  figures.n_read = n_read;
  figures.peak = peak / 1024.0;

  return figures;
}

static double
median (Figures *runs,
        guint    n,
        gsize    offset)
{
  return bench_median (runs, n, sizeof (Figures), offset);
}

static double
worst (Figures *runs,
       guint    n,
       gsize    offset)
{
  double value = 0.0;

  for (guint i = 0; i < n; i++)
    value = MAX (value, G_STRUCT_MEMBER (double, &runs[i], offset));

  return value;
}

/* The machine may be shared: what else ran beside the runs. */
static void
print_load (const char *when)
{
  g_autofree char *loadavg = NULL;

  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    g_print ("Load average %s: %s", when, loadavg);
}

int
main (int   argc,
      char *argv[])
{
  guint people = 50;
  guint n_evidence = 2000;
  guint runs = 5;
  g_autofree char *self_path = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *floor_home = NULL;
  g_autofree Figures *floor = NULL;
  g_autofree Figures *app = NULL;
  double floor_first, app_shown;

  if (argc == 5 && g_str_equal (argv[1], "--child"))
    {
      const char *t0 = g_getenv ("LADDER_BENCH_T0");

      child.t0 = t0 != NULL ? g_ascii_strtoll (t0, NULL, 10) : g_get_monotonic_time ();
      child.people = (guint) atoi (argv[3]);
      child.n_evidence = (guint) atoi (argv[4]);
      if (g_str_equal (argv[2], "floor"))
        return bench_run_floor (child.people, "Person", floor_first_frame);
      return run_app ();
    }

  if (argc > 1)
    people = MAX (1, (guint) atoi (argv[1]));
  if (argc > 2)
    n_evidence = (guint) atoi (argv[2]);
  if (argc > 3)
    runs = MAX (1, (guint) atoi (argv[3]));

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  data_home = write_library (people, n_evidence);
  floor_home = g_build_filename (data_home, "floor", NULL);
  floor = g_new0 (Figures, runs);
  app = g_new0 (Figures, runs);
  print_load ("before");

  {
    Figures first_start = run_child (self_path, "app", people, n_evidence, data_home);

    g_print ("First start, no head kept yet: first frame %.1f ms, Team view %.1f ms (listed %.1f), "
             "read-ahead done %.1f ms, PSS %.1f / %.1f MiB, peak RSS %.1f MiB\n\n",
             first_start.first, first_start.shown, first_start.listed, first_start.read,
             first_start.pss_shown,
             first_start.pss_end, first_start.peak);
  }

  g_print ("%-6s %9s %9s %9s %9s %11s %9s %9s %9s\n", "run", "first ms", "team ms", "listed", "read ms",
           "PSS team", "PSS end", "main cpu", "all cpu");
  for (guint i = 0; i < runs; i++)
    {
      floor[i] = run_child (self_path, "floor", people, n_evidence, floor_home);
      g_print ("%-6s %9.1f %9s %9s %9s %11.1f %9s %9.1f %9.1f\n", "floor", floor[i].first, "", "", "",
               floor[i].pss_end, "", floor[i].cpu, floor[i].process_cpu);
      app[i] = run_child (self_path, "app", people, n_evidence, data_home);
      g_print ("%-6s %9.1f %9.1f %9.1f %9.1f %11.1f %9.1f %9.1f %9.1f\n", "app", app[i].first, app[i].shown,
               app[i].listed, app[i].read, app[i].pss_shown, app[i].pss_end, app[i].cpu, app[i].process_cpu);
    }

  floor_first = median (floor, runs, G_STRUCT_OFFSET (Figures, first));
  app_shown = median (app, runs, G_STRUCT_OFFSET (Figures, shown));
  print_load ("after");
  g_print ("\nMedians of %u runs, %u people of %u evidence entries (the worst run in brackets):\n",
           runs, people, n_evidence);
  g_print ("  floor: first frame %.1f ms, PSS %.1f MiB\n", floor_first,
           median (floor, runs, G_STRUCT_OFFSET (Figures, pss_end)));
  g_print ("  app:   first frame %.1f ms (%.2f× the floor)\n",
           median (app, runs, G_STRUCT_OFFSET (Figures, first)),
           median (app, runs, G_STRUCT_OFFSET (Figures, first)) / floor_first);
  g_print ("         Team view's cards shown %.1f ms (%.2f× the floor [%.2f×]; goal 1.5×)\n", app_shown,
           app_shown / floor_first, worst (app, runs, G_STRUCT_OFFSET (Figures, shown)) / floor_first);
  g_print ("         the cards of the profiles listed %.1f ms (%.2f× the floor [%.2f×])\n",
           median (app, runs, G_STRUCT_OFFSET (Figures, listed)),
           median (app, runs, G_STRUCT_OFFSET (Figures, listed)) / floor_first,
           worst (app, runs, G_STRUCT_OFFSET (Figures, listed)) / floor_first);
  /* Processor time, which other programs on the machine change less
   * than the wall-clock time. */
  g_print ("         processor time until then: main thread %.1f ms (%.2f× the floor's to its "
           "first frame [%.2f×]), all threads %.1f ms\n",
           median (app, runs, G_STRUCT_OFFSET (Figures, cpu)),
           median (app, runs, G_STRUCT_OFFSET (Figures, cpu)) /
           median (floor, runs, G_STRUCT_OFFSET (Figures, cpu)),
           worst (app, runs, G_STRUCT_OFFSET (Figures, cpu)) /
           median (floor, runs, G_STRUCT_OFFSET (Figures, cpu)),
           median (app, runs, G_STRUCT_OFFSET (Figures, process_cpu)));
  g_print ("         the read-ahead done (%.0f profiles read in full) %.1f ms\n",
           median (app, runs, G_STRUCT_OFFSET (Figures, n_read)),
           median (app, runs, G_STRUCT_OFFSET (Figures, read)));
  g_print ("         PSS %.1f MiB [%.1f] with the cards shown, %.1f MiB [%.1f] after the read-ahead "
           "(goal 150 MiB)\n",
           median (app, runs, G_STRUCT_OFFSET (Figures, pss_shown)),
           worst (app, runs, G_STRUCT_OFFSET (Figures, pss_shown)),
           median (app, runs, G_STRUCT_OFFSET (Figures, pss_end)),
           worst (app, runs, G_STRUCT_OFFSET (Figures, pss_end)));
  g_print ("         peak RSS %.1f MiB [%.1f]\n", median (app, runs, G_STRUCT_OFFSET (Figures, peak)),
           worst (app, runs, G_STRUCT_OFFSET (Figures, peak)));

  {
    g_autoptr(GFile) home = g_file_new_for_path (data_home);

    bench_remove_tree (home);
  }

  return 0;
}
