/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How fast the app starts on a large profile, and how much memory it
 * holds, next to a bare libadwaita window (the floor any GTK app pays).
 *
 *   xvfb-run -a bench-app [EVIDENCE] [RUNS]
 *
 * Writes a `ladder-cli sample --evidence EVIDENCE` profile (20000) into a
 * temporary library, then starts, RUNS times (5) each, alternating:
 *
 *  - the floor: an AdwApplicationWindow with a header bar and a
 *    GtkListView of EVIDENCE short strings;
 *  - the app, on that library.
 *
 * Each is a process of its own (this program again, with --child), timed
 * from just before it is spawned: to the window's first frame (its frame
 * clock's "after-paint"), for the app to the first frame that shows the
 * profile, then the cost of each keystroke of a search in the evidence list
 * (the filter and sort, plus the work of the frame that shows the result,
 * "before-paint" to "after-paint"; until all its results are drawn; and
 * the main thread's CPU time for all of it, which machine load does not
 * inflate), then the longest the main loop is kept from running while
 * the evidence editor opens for a new entry (the first editor of the
 * process, its making included; with the main thread's CPU time in that
 * stall), and the proportional set size (PSS, /proc/self/smaps_rollup)
 * at the end. Prints the medians and the ratios.
 *
 * Each run then starts the app once more and types the same search as
 * soon as the profile is shown, a keystroke every 60 ms, while its
 * evidence is still being read and as it arrives (the keystrokes start
 * again from the first until it has): it prints each keystroke's cost,
 * marked "L" while the profile was still loading, and the longest the
 * main loop was kept from running while typing (with LADDER_BENCH_VERBOSE,
 * each stall over 50 ms, and whether the evidence had been read and
 * drawn when it began).
 *
 * The app shows a profile it has seen before from the head it kept of it
 * (see ladder-library.c), then its evidence once read: it is timed to
 * both. The first start of the app, before any head was kept, is timed on
 * its own, before the runs.
 * Goals: first frame within 1.15× the floor, profile shown within 1.8×,
 * PSS under 100 MiB, every keystroke under 16 ms, no stall over 100 ms
 * while the editor opens or while typing as the evidence arrives.
 *
 * Run it in the environment the app's tests use: GSK_RENDERER=cairo,
 * GDK_DISABLE=gl,vulkan, GTK_A11Y=none.
 */

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bench-common.h"
#include "ladder-application.h"
#include "ladder-core.h"
#include "ladder-evidence-page.h"
#include "ladder-window-private.h"

/* What a user types into the search: words the sample's evidence uses. */
static const char *const keystrokes[] = {
  "i", "in", "inc", "inci", "incid", "incide", "incid", "inci", "inc", "in", "i", "",
  "r", "ro", "rol", "roll", "rolle", "rolled", "rolle", "roll", "rol", "ro", "r", "",
};

/* Child state {{{1 */

typedef struct
{
  gint64     t0;
  gint64     first_frame;
  gint64     profile_shown;
  gint64     evidence_read;
  gint64     first_cpu;
  gint64     shown_cpu;
  gint64     shown_main_cpu;
  GtkWindow *window;
  GArray    *keystroke_us;
  GArray    *complete_us;
  GArray    *complete_cpu_us;
  gint64     key_cpu_start;
  guint      next_key;
  gint64     key_start;
  gint64     key_filter;
  gint64     frame_start;
  gboolean   responded;
  gboolean   typing;
  guint      keep_drawing;
  guint      typing_beat; /* while typing after the evidence was read */
  gint64     last_beat;
  gint64     last_beat_cpu;
  gint64     editor_stall;
  gint64     editor_stall_cpu;
  gboolean   early;        /* typing while the evidence is read */
  GString   *early_keys;   /* each keystroke's cost, for the driver */
} Child;

/* Between two keystrokes of the early search: a fast typist. */
#define EARLY_KEY_GAP_MS 60

static Child child;

/* The main thread's own CPU time: what a keystroke costs, whatever else
 * the machine is doing meanwhile. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* All the process's threads' CPU time. */
static gint64
process_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static double
ms_since_t0 (gint64 t)
{
  return (t - child.t0) / 1000.0;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
median_and_max (GArray *values,
                double *median,
                double *worst)
{
  *median = *worst = 0;
  if (values->len == 0)
    return;

  g_array_sort (values, compare_gint64);
  *median = g_array_index (values, gint64, values->len / 2) / 1000.0;
  *worst = g_array_index (values, gint64, values->len - 1) / 1000.0;
}

static void
report_and_quit (void)
{
  GApplication *app = g_application_get_default ();
  double key_median, key_worst, complete_median, complete_worst, cpu_median, cpu_worst;

  median_and_max (child.keystroke_us, &key_median, &key_worst);
  median_and_max (child.complete_us, &complete_median, &complete_worst);
  median_and_max (child.complete_cpu_us, &cpu_median, &cpu_worst);

  /* One line the driver reads: first, shown, key median and max, results
   * complete median and max, their CPU time median and max, PSS, the CPU
   * time of all threads and of the main thread to the profile shown, of
   * all threads to the first frame, the evidence read, and the editor's
   * worst stall and its CPU time. */
  if (child.early)
    g_printerr ("  early keystrokes, ms (L: while loading):%s\n", child.early_keys->str);
  g_print ("%.1f %.1f %.2f %.2f %.2f %.2f %.2f %.2f %ld %.1f %.1f %.1f %.1f %.1f %.1f\n",
           ms_since_t0 (child.first_frame),
           child.profile_shown ? ms_since_t0 (child.profile_shown) : 0.0,
           key_median, key_worst, complete_median, complete_worst, cpu_median, cpu_worst,
           bench_pss_kib (), child.shown_cpu / 1000.0, child.shown_main_cpu / 1000.0,
           child.first_cpu / 1000.0,
           child.evidence_read ? ms_since_t0 (child.evidence_read) : 0.0,
           child.editor_stall / 1000.0, child.editor_stall_cpu / 1000.0);
  g_application_quit (app);
}

/* The floor {{{1 */

static void
floor_first_frame (void)
{
  child.first_frame = g_get_monotonic_time ();
  child.first_cpu = process_cpu_us ();
  /* Let the frame reach the screen, then measure what it holds. */
  g_idle_add_once ((GSourceOnceFunc) report_and_quit, NULL);
}

/* The app {{{1 */

static void type_next_key (void);
static gboolean beat_cb (gpointer data);

static void
app_after_paint_cb (GdkFrameClock *clock,
                    gpointer       data)
{
  gint64 now = g_get_monotonic_time ();

  if (child.first_frame == 0)
    {
      child.first_frame = now;
      child.first_cpu = process_cpu_us ();
    }

  if (child.profile_shown == 0 &&
      g_strcmp0 (_ladder_window_get_view (LADDER_WINDOW (child.window)), "profile") == 0)
    {
      child.profile_shown = now;
      child.shown_cpu = process_cpu_us ();
      child.shown_main_cpu = thread_cpu_us ();
      /* A frame when the evidence has been read. */
      g_signal_connect_object (_ladder_window_get_profile (LADDER_WINDOW (child.window)),
                               "notify::loading", G_CALLBACK (gtk_widget_queue_draw),
                               child.window, G_CONNECT_SWAPPED);
      /* The evidence tab, with its search bar open: what Ctrl+F does. */
      gtk_widget_activate_action (GTK_WIDGET (child.window), "win.search", NULL);
      gtk_widget_queue_draw (GTK_WIDGET (child.window));
      if (child.early)
        {
          child.typing = TRUE;
          child.last_beat = g_get_monotonic_time ();
          child.last_beat_cpu = thread_cpu_us ();
          g_timeout_add (5, beat_cb, NULL);
          g_timeout_add_once (EARLY_KEY_GAP_MS, (GSourceOnceFunc) type_next_key, NULL);
        }
      return;
    }

  if (child.profile_shown != 0 && child.evidence_read == 0)
    {
      if (!ladder_profile_get_loading (_ladder_window_get_profile (LADDER_WINDOW (child.window))))
        {
          child.evidence_read = now;
          gtk_widget_queue_draw (GTK_WIDGET (child.window));
        }
      if (!child.early)
        return;
    }

  if (child.evidence_read != 0 && !child.typing)
    {
      /* The whole evidence list has had its first frame: start typing,
       * noting the longest the main loop is kept from running meanwhile
       * (a search filtered in steps costs several frames, none long). */
      child.typing = TRUE;
      child.last_beat = g_get_monotonic_time ();
      child.last_beat_cpu = thread_cpu_us ();
      child.typing_beat = g_timeout_add (5, beat_cb, NULL);
      g_idle_add_once ((GSourceOnceFunc) type_next_key, NULL);
      return;
    }

  if (child.typing && child.key_filter != 0 && child.frame_start != 0)
    {
      GtkWidget *page = _ladder_window_get_evidence_page (LADDER_WINDOW (child.window));
      GListModel *shown = ladder_evidence_page_get_shown (LADDER_EVIDENCE_PAGE (page));
      guint pending = GTK_IS_FILTER_LIST_MODEL (shown)
                      ? gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (shown)) : 0;

      if (!child.responded)
        {
          gint64 cost = child.key_filter + now - child.frame_start;

          child.responded = TRUE;
          g_array_append_val (child.keystroke_us, cost);
          if (child.early)
            g_string_append_printf (child.early_keys, " %.1f%s", cost / 1000.0,
                                    child.evidence_read == 0 ? "L" : "");
          if (g_getenv ("LADDER_BENCH_VERBOSE") != NULL)
            g_printerr ("“%s”: search %.2f ms, frame %.2f ms, %u left to filter\n",
                        keystrokes[child.next_key - 1], child.key_filter / 1000.0,
                        (now - child.frame_start) / 1000.0, pending);
        }

      if (pending == 0)
        {
          gint64 complete = now - child.key_start;
          gint64 cpu = thread_cpu_us () - child.key_cpu_start;

          g_array_append_val (child.complete_us, complete);
          g_array_append_val (child.complete_cpu_us, cpu);
          if (g_getenv ("LADDER_BENCH_VERBOSE") != NULL)
            g_printerr ("“%s”: %u results drawn after %.2f ms, %.2f ms of CPU\n",
                        keystrokes[child.next_key - 1], g_list_model_get_n_items (shown),
                        complete / 1000.0, cpu / 1000.0);
          child.key_filter = 0;
          if (child.early)
            g_timeout_add_once (EARLY_KEY_GAP_MS, (GSourceOnceFunc) type_next_key, NULL);
          else
            g_idle_add_once ((GSourceOnceFunc) type_next_key, NULL);
        }
      child.frame_start = 0;
    }
}

static void
app_before_paint_cb (GdkFrameClock *clock,
                     gpointer       data)
{
  if (child.key_filter != 0 && child.frame_start == 0)
    child.frame_start = g_get_monotonic_time ();
}

/* With incremental filtering, the frames between the keystroke and the
 * last results must come without waiting for something else to ask. */
static gboolean
keep_drawing_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  return G_SOURCE_CONTINUE;
}

/* The editor {{{1 */

/* A timeout that should run every 5 ms notes how late it is: the longest
 * time the main loop was kept from running. */
static gboolean
beat_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();

  if (child.early && now - child.last_beat > 50 * G_TIME_SPAN_MILLISECOND &&
      g_getenv ("LADDER_BENCH_VERBOSE") != NULL)
    g_printerr ("stall %.1f ms (%.1f ms CPU), %.0f ms after shown, %s\n",
                (now - child.last_beat) / 1000.0, (cpu - child.last_beat_cpu) / 1000.0,
                (child.last_beat - child.profile_shown) / 1000.0,
                child.evidence_read == 0 ? "loading" : "read");
  child.editor_stall = MAX (child.editor_stall, now - child.last_beat);
  child.editor_stall_cpu = MAX (child.editor_stall_cpu, cpu - child.last_beat_cpu);
  child.last_beat = now;
  child.last_beat_cpu = cpu;

  return G_SOURCE_CONTINUE;
}

static void
editor_opened (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
  report_and_quit ();
}

/* What Ctrl+N does on the profile, then long enough for the dialog's
 * animation to end and its frames to settle. */
static void
open_editor (void)
{
  guint beat;

  gtk_widget_remove_tick_callback (GTK_WIDGET (child.window), child.keep_drawing);
  child.last_beat = g_get_monotonic_time ();
  child.last_beat_cpu = thread_cpu_us ();
  beat = g_timeout_add (5, beat_cb, NULL);
  gtk_widget_activate_action (GTK_WIDGET (child.window), "win.new-evidence", NULL);
  g_timeout_add_once (1500, editor_opened, GUINT_TO_POINTER (beat));
}

static void
type_next_key (void)
{
  LadderEvidencePage *page;
  GtkWidget *entry;
  const char *text;
  const char *next;
  gsize length;
  gsize prefix = 0;
  gint64 start;

  if (child.next_key == G_N_ELEMENTS (keystrokes) && child.early && child.evidence_read == 0)
    child.next_key = 0;
  else if (child.next_key == G_N_ELEMENTS (keystrokes) && child.early)
    {
      report_and_quit ();
      return;
    }
  else if (child.next_key == G_N_ELEMENTS (keystrokes))
    {
      /* After the last frame of the search. */
      g_clear_handle_id (&child.typing_beat, g_source_remove);
      if (g_getenv ("LADDER_BENCH_VERBOSE") != NULL)
        g_printerr ("typing after the evidence was read: worst stall %.1f ms (%.1f ms CPU)\n",
                    child.editor_stall / 1000.0, child.editor_stall_cpu / 1000.0);
      child.editor_stall = 0;
      child.editor_stall_cpu = 0;
      g_timeout_add_once (300, (GSourceOnceFunc) open_editor, NULL);
      return;
    }

  page = LADDER_EVIDENCE_PAGE (_ladder_window_get_evidence_page (LADDER_WINDOW (child.window)));
  entry = gtk_widget_get_first_child (GTK_WIDGET (page));
  while (entry != NULL && !GTK_IS_SEARCH_ENTRY (entry))
    entry = gtk_widget_get_first_child (entry) != NULL ? gtk_widget_get_first_child (entry)
                                                        : gtk_widget_get_next_sibling (entry);
  g_assert (GTK_IS_SEARCH_ENTRY (entry));

  /* A keystroke: a character typed at the end, or Backspace, and the
   * search at once instead of after the entry's delay (the delayed one
   * then finds nothing changed). Not gtk_editable_set_text(): it empties
   * the entry first, and a search entry searches for the empty text at
   * once, which no typing does. */
  text = gtk_editable_get_text (GTK_EDITABLE (entry));
  next = keystrokes[child.next_key++];
  length = strlen (text);
  while (prefix < length && text[prefix] == next[prefix])
    prefix++;
  child.key_cpu_start = thread_cpu_us ();
  start = g_get_monotonic_time ();
  if (prefix < length)
    gtk_editable_delete_text (GTK_EDITABLE (entry), prefix, -1);
  if (next[prefix] != '\0')
    {
      int position = prefix;

      gtk_editable_insert_text (GTK_EDITABLE (entry), next + prefix, -1, &position);
    }
  g_signal_emit_by_name (entry, "search-changed");
  child.key_start = start;
  child.key_filter = MAX (1, g_get_monotonic_time () - start);
  child.frame_start = 0;
  child.responded = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (child.window));
}

static void
app_realize_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (app_before_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (app_after_paint_cb), NULL);
  child.keep_drawing = gtk_widget_add_tick_callback (window, keep_drawing_cb, NULL, NULL);
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

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (app_window_added_cb), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

/* The driver {{{1 */

static char *
write_library (guint n_evidence)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ladder-bench-app-XXXXXX", &error);
  g_autofree char *profiles = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(LadderProfile) profile = NULL;
  const char *data;
  gsize length;

  g_assert_no_error (error);
  profiles = g_build_filename (dir, LIBRARY_FOLDER, "profiles", NULL);
  g_assert_cmpint (g_mkdir_with_parents (profiles, 0700), ==, 0);

  bytes = g_resources_lookup_data (LADDER_BUNDLED_FRAMEWORKS_PATH "monzo-backend-engineering.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &length);
  framework = ladder_format_read_framework (data, length, "monzo-backend-engineering.json", &error);
  g_assert_no_error (error);

  profile = ladder_sample_profile (framework, n_evidence, 1);
  json = ladder_format_write_profile (profile, &length);
  path = g_build_filename (profiles, "sample.json", NULL);
  g_file_set_contents (path, json, length, &error);
  g_assert_no_error (error);
  g_print ("Profile: %u evidence entries, %.1f MB\n", n_evidence, length / 1e6);

  return g_steal_pointer (&dir);
}

typedef struct
{
  double first, shown, key_median, key_max, complete_median, complete_max, cpu_median, cpu_max;
  double pss, shown_cpu, shown_main_cpu, first_cpu, evidence_read, editor_stall, editor_cpu;
} Figures;

static Figures
run_child (const char *self_path,
           const char *what,
           guint       n_evidence,
           const char *data_home)
{
  g_autofree char *cache_home = g_build_filename (data_home, "cache", NULL);
  g_autofree char *n = g_strdup_printf ("%u", n_evidence);
  g_autofree char *t0 = NULL;
  const char *argv[] = { self_path, "--child", what, n, NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  Figures figures = { 0 };
  long pss = 0;
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
  if (sscanf (out, "%lf %lf %lf %lf %lf %lf %lf %lf %ld %lf %lf %lf %lf %lf %lf", &figures.first,
              &figures.shown, &figures.key_median, &figures.key_max, &figures.complete_median,
              &figures.complete_max, &figures.cpu_median, &figures.cpu_max, &pss,
              &figures.shown_cpu, &figures.shown_main_cpu, &figures.first_cpu,
              &figures.evidence_read, &figures.editor_stall, &figures.editor_cpu) != 15)
    g_error ("The %s run printed “%s”", what, out);
  figures.pss = pss / 1024.0;

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
maximum (Figures *runs,
         guint    n,
         gsize    offset)
{
  double worst = 0;

  for (guint i = 0; i < n; i++)
    worst = MAX (worst, G_STRUCT_MEMBER (double, &runs[i], offset));

  return worst;
}

int
main (int   argc,
      char *argv[])
{
  guint n_evidence = 20000;
  guint runs = 5;
  g_autofree char *self_path = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *floor_home = NULL;
  g_autofree Figures *floor = NULL;
  g_autofree Figures *app = NULL;
  g_autofree Figures *early = NULL;
  double floor_first, app_first, app_shown;

  if (argc == 4 && g_str_equal (argv[1], "--child"))
    {
      const char *t0 = g_getenv ("LADDER_BENCH_T0");

      child.t0 = t0 != NULL ? g_ascii_strtoll (t0, NULL, 10) : g_get_monotonic_time ();
      child.keystroke_us = g_array_new (FALSE, FALSE, sizeof (gint64));
      child.complete_us = g_array_new (FALSE, FALSE, sizeof (gint64));
      child.complete_cpu_us = g_array_new (FALSE, FALSE, sizeof (gint64));
      child.early = g_str_equal (argv[2], "early");
      child.early_keys = g_string_new (NULL);
      if (g_str_equal (argv[2], "floor"))
        return bench_run_floor ((guint) atoi (argv[3]), "Item", floor_first_frame);
      return run_app ();
    }

  if (argc > 1)
    n_evidence = (guint) atoi (argv[1]);
  if (argc > 2)
    runs = MAX (1, (guint) atoi (argv[2]));

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  data_home = write_library (n_evidence);
  floor_home = g_build_filename (data_home, "floor", NULL);
  floor = g_new0 (Figures, runs);
  app = g_new0 (Figures, runs);
  early = g_new0 (Figures, runs);

  {
    Figures first_start = run_child (self_path, "app", n_evidence, data_home);

    g_print ("First start, no head kept yet: first frame %.1f ms, profile shown %.1f ms, "
             "evidence read %.1f ms\n\n",
             first_start.first, first_start.shown, first_start.evidence_read);
  }

  g_print ("%-6s %9s %9s %9s %9s %9s %9s %9s %9s %8s\n", "run", "first ms", "shown ms",
           "evid. ms", "key med", "key max", "done med", "done max", "cpu med", "PSS MiB");
  for (guint i = 0; i < runs; i++)
    {
      floor[i] = run_child (self_path, "floor", n_evidence, floor_home);
      g_print ("%-6s %9.1f %9s %9s %9s %9s %9s %9s %9s %8.1f\n", "floor", floor[i].first, "", "",
               "", "", "", "", "", floor[i].pss);
      app[i] = run_child (self_path, "app", n_evidence, data_home);
      g_print ("%-6s %9.1f %9.1f %9.1f %9.2f %9.2f %9.2f %9.2f %9.2f %8.1f\n", "app", app[i].first,
               app[i].shown, app[i].evidence_read, app[i].key_median, app[i].key_max,
               app[i].complete_median, app[i].complete_max, app[i].cpu_median, app[i].pss);
      early[i] = run_child (self_path, "early", n_evidence, data_home);
      g_print ("%-6s %9.1f %9.1f %9.1f %9.2f %9.2f %9.2f %9.2f %9.2f %8.1f  stall %.1f ms "
               "(%.1f ms CPU)\n", "early", early[i].first, early[i].shown,
               early[i].evidence_read, early[i].key_median, early[i].key_max,
               early[i].complete_median, early[i].complete_max, early[i].cpu_median,
               early[i].pss, early[i].editor_stall, early[i].editor_cpu);
    }

  floor_first = median (floor, runs, G_STRUCT_OFFSET (Figures, first));
  app_first = median (app, runs, G_STRUCT_OFFSET (Figures, first));
  app_shown = median (app, runs, G_STRUCT_OFFSET (Figures, shown));
  g_print ("\nMedians of %u runs, %u evidence entries:\n", runs, n_evidence);
  g_print ("  floor: first frame %.1f ms, PSS %.1f MiB\n", floor_first,
           median (floor, runs, G_STRUCT_OFFSET (Figures, pss)));
  g_print ("  CPU time to the first frame, all threads: floor %.1f ms, app %.1f ms\n",
           median (floor, runs, G_STRUCT_OFFSET (Figures, first_cpu)),
           median (app, runs, G_STRUCT_OFFSET (Figures, first_cpu)));
  g_print ("  app:   first frame %.1f ms (%.2f× the floor; goal 1.15×)\n", app_first,
           app_first / floor_first);
  g_print ("         profile shown %.1f ms (%.2f× the floor; goal 1.8×)\n", app_shown,
           app_shown / floor_first);
  g_print ("         its evidence read and shown %.1f ms (%.2f× the floor)\n",
           median (app, runs, G_STRUCT_OFFSET (Figures, evidence_read)),
           median (app, runs, G_STRUCT_OFFSET (Figures, evidence_read)) / floor_first);
  g_print ("         keystroke to its frame: median %.2f ms, worst of all runs %.2f ms "
           "(goal 16 ms)\n",
           median (app, runs, G_STRUCT_OFFSET (Figures, key_median)),
           maximum (app, runs, G_STRUCT_OFFSET (Figures, key_max)));
  g_print ("         keystroke to all its results drawn: median %.2f ms, worst %.2f ms\n",
           median (app, runs, G_STRUCT_OFFSET (Figures, complete_median)),
           maximum (app, runs, G_STRUCT_OFFSET (Figures, complete_max)));
  g_print ("         main thread's CPU per keystroke, all results drawn: median %.2f ms, "
           "worst %.2f ms\n",
           median (app, runs, G_STRUCT_OFFSET (Figures, cpu_median)),
           maximum (app, runs, G_STRUCT_OFFSET (Figures, cpu_max)));
  g_print ("         CPU time to the profile shown: all threads %.1f ms, main thread %.1f ms\n",
           median (app, runs, G_STRUCT_OFFSET (Figures, shown_cpu)),
           median (app, runs, G_STRUCT_OFFSET (Figures, shown_main_cpu)));
  g_print ("         opening the evidence editor: worst stall median %.1f ms, worst %.1f ms, "
           "its CPU time median %.1f ms (goal 100 ms)\n",
           median (app, runs, G_STRUCT_OFFSET (Figures, editor_stall)),
           maximum (app, runs, G_STRUCT_OFFSET (Figures, editor_stall)),
           median (app, runs, G_STRUCT_OFFSET (Figures, editor_cpu)));
  g_print ("         typing as soon as the profile is shown, while its evidence is read: "
           "keystroke to its frame median %.2f ms, worst of all runs %.2f ms; the main "
           "loop's worst stall median %.1f ms, worst %.1f ms, its CPU time median %.1f ms "
           "(goal 100 ms)\n",
           median (early, runs, G_STRUCT_OFFSET (Figures, key_median)),
           maximum (early, runs, G_STRUCT_OFFSET (Figures, key_max)),
           median (early, runs, G_STRUCT_OFFSET (Figures, editor_stall)),
           maximum (early, runs, G_STRUCT_OFFSET (Figures, editor_stall)),
           median (early, runs, G_STRUCT_OFFSET (Figures, editor_cpu)));
  g_print ("         PSS %.1f MiB (goal 100 MiB)\n",
           median (app, runs, G_STRUCT_OFFSET (Figures, pss)));

  {
    g_autofree char *profile = g_build_filename (data_home, LIBRARY_FOLDER, "profiles", "sample.json", NULL);

    /* The app may keep a backup beside the profile; the rest is ours. */
    g_autofree char *backup = g_strconcat (profile, "~", NULL);
    g_autofree char *profiles = g_build_filename (data_home, LIBRARY_FOLDER, "profiles", NULL);
    g_autofree char *ladder = g_build_filename (data_home, LIBRARY_FOLDER, NULL);

    g_autofree char *cache = g_build_filename (data_home, "cache", NULL);
    g_autoptr(GFile) cache_file = g_file_new_for_path (cache);

    bench_remove_tree (cache_file);
    g_remove (backup);
    g_remove (profile);
    g_rmdir (profiles);
    g_rmdir (ladder);
    g_rmdir (floor_home);
    g_rmdir (data_home);
  }

  return 0;
}
