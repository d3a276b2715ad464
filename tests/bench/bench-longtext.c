/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How long text of awkward shapes keeps the app busy.
 *
 *   xvfb-run -a bench-longtext [--export-only] [--hold] [--unprepared] [SHAPE…]
 *
 * --hold keeps each editor open for 5 s once still, to look at it;
 * --unprepared opens the first editor without what the app makes ready
 * after its window's first frame (ladder_evidence_editor_prepare());
 * BENCH_WIDTH and BENCH_HEIGHT set the window's size (1280×800), and
 * BENCH_PDF names a file to keep the last PDF in.
 *
 * For each shape of evidence text (all of them by default: word, a word
 * of 100,000 characters; prose, 1 MB in one paragraph; lines, 10,000 short
 * lines; mixed, long words and URLs inside prose; cjk, with no spaces;
 * marks, a letter and a combining mark over and over; rtl, Hebrew with no
 * spaces; and, named only, short: one sentence, the floor to compare
 * with), opens the entry in the real editor in a 1280×800 window, waits
 * until the editor is drawn and still, scrolls it from top to bottom a page
 * at a time, then writes the profile's PDF summary with the entries' text
 * (on this thread; the app writes it on a worker). Prints, per shape, the
 * longest time the main loop was kept from running (the worst frame a user
 * could see; from the moment the editor is asked for, its making
 * included), with the processor time this thread spent in it (which
 * swings less than the wall time when other processes share the
 * machine), the time until the editor was still, the time the scroll
 * took, and the time of the export and its page count. Goal: no stall
 * over 100 ms anywhere.
 *
 * Run it in the environment the app's tests use: GSK_RENDERER=cairo,
 * GDK_DISABLE=gl,vulkan, GTK_A11Y=none.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <adwaita.h>

#include "ladder-core.h"
#include "ladder-evidence-editor.h"

static const char *const shapes[] = { "word", "prose", "lines", "mixed", "cjk", "marks", "rtl" };

static char *
make_text (const char *shape)
{
  GString *text = g_string_new (NULL);

  if (strcmp (shape, "short") == 0)
    g_string_append (text, "Led the review of the incident.");
  else if (strcmp (shape, "word") == 0)
    for (guint i = 0; i < 100000; i++)
      g_string_append_c (text, 'a' + i % 26);
  else if (strcmp (shape, "prose") == 0)
    while (text->len < 1000000)
      g_string_append (text, "The review covered the incident, the rollback and what we changed since. ");
  else if (strcmp (shape, "lines") == 0)
    for (guint i = 0; i < 10000; i++)
      g_string_append_printf (text, "Line %u of the notes on the migration\n", i);
  else if (strcmp (shape, "mixed") == 0)
    for (guint i = 0; text->len < 300000; i++)
      {
        g_string_append (text, "Shipped the fix, see https://example.com/");
        for (guint j = 0; j < 400; j++)
          g_string_append_c (text, 'a' + (i + j) % 26);
        g_string_append (text, "?q=1&r=2 and then ");
        for (guint j = 0; j < 2000; j++)
          g_string_append_c (text, 'A' + j % 26);
        g_string_append (text, " after it. ");
      }
  else if (strcmp (shape, "cjk") == 0)
    for (guint i = 0; i < 100000; i++)
      g_string_append_unichar (text, 0x4e00 + (i * 7) % 5000);
  else if (strcmp (shape, "marks") == 0)
    for (guint i = 0; i < 50000; i++)
      {
        g_string_append_c (text, 'a' + i % 26);
        g_string_append_unichar (text, 0x301);
      }
  else if (strcmp (shape, "rtl") == 0)
    for (guint i = 0; i < 100000; i++)
      g_string_append_unichar (text, 0x5d0 + i % 27);
  else
    g_error ("Unknown shape “%s”", shape);

  return g_string_free (text, FALSE);
}

static LadderFramework *
load_monzo (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LadderFramework *framework;
  const char *path = LADDER_BUNDLED_FRAMEWORKS_PATH "monzo-backend-engineering.json";
  gsize length;
  const char *data;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &length);
  framework = ladder_format_read_framework (data, length, path, &error);
  g_assert_no_error (error);

  return framework;
}

/* The main loop's longest stall: a timeout that should run every 5 ms
 * notes how late it is. */
static gint64 last_beat;
static gint64 worst_stall;
/* The processor time this thread took in its longest stall: on a busy
 * machine the wall time swings with the other processes, this less. */
static gint64 last_beat_cpu;
static gint64 worst_stall_cpu;

static gint64
thread_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static gboolean
beat_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();

  worst_stall = MAX (worst_stall, now - last_beat);
  worst_stall_cpu = MAX (worst_stall_cpu, cpu - last_beat_cpu);
  last_beat = now;
  last_beat_cpu = cpu;

  return G_SOURCE_CONTINUE;
}

/* From now: what runs before the next beat counts too. */
static void
reset_stall (void)
{
  last_beat = g_get_monotonic_time ();
  last_beat_cpu = thread_cpu_time ();
  worst_stall = 0;
  worst_stall_cpu = 0;
}

static guint frames;
static GtkWindow *the_window;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  frames++;
}

/* Runs the main loop until no frame has been drawn for @quiet_ms. */
static void
wait_until_still (guint quiet_ms)
{
  gint64 quiet_since = g_get_monotonic_time ();
  guint seen = frames;

  while (g_get_monotonic_time () - quiet_since < quiet_ms * 1000)
    {
      g_main_context_iteration (NULL, FALSE);
      if (frames != seen)
        {
          seen = frames;
          quiet_since = g_get_monotonic_time ();
        }
      g_usleep (1000);
    }
}

static void
wait_frames (guint n)
{
  guint until = frames + n;

  while (frames < until)
    {
      gtk_widget_queue_draw (GTK_WIDGET (the_window));
      g_main_context_iteration (NULL, TRUE);
    }
}

/* The scrolled window that holds the text: the list of a long text's
 * pieces or the text view, not the dialog's own around them. */
static GtkScrolledWindow *
find_scrolled (GtkWidget *root)
{
  if (!gtk_widget_get_visible (root))
    return NULL;
  if (GTK_IS_SCROLLED_WINDOW (root))
    {
      GtkWidget *child = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (root));

      if (GTK_IS_VIEWPORT (child))
        child = gtk_viewport_get_child (GTK_VIEWPORT (child));
      if (GTK_IS_LIST_VIEW (child) || GTK_IS_TEXT_VIEW (child))
        return GTK_SCROLLED_WINDOW (root);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scrolled (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gboolean export_only;
static gboolean hold;
static gboolean unprepared;

static void
run_shape (LadderFramework *framework,
           GtkWindow       *window,
           const char      *shape)
{
  g_autoptr(LadderProfile) profile = ladder_sample_profile (framework, 20, 1);
  g_autoptr(LadderEvidence) evidence = ladder_evidence_new (NULL);
  g_autofree char *text = make_text (shape);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 7, 1, 9, 0, 0);
  g_autoptr(LadderReport) report = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  LadderReportOptions options = { 0 };
  AdwDialog *editor;
  GtkScrolledWindow *scrolled;
  GtkAdjustment *adjustment;
  double open_ms = 0, open_stall = 0, scroll_ms = 0, scroll_stall = 0, export_ms;
  double open_stall_cpu = 0, scroll_stall_cpu = 0, export_cpu_ms;
  gint64 start_cpu;
  guint n_pages, steps = 0;
  gint64 start;

  ladder_evidence_set_title (evidence, "Long text");
  ladder_evidence_set_body (evidence, text);
  ladder_profile_add_evidence (profile, evidence);

  if (export_only)
    goto export;

  reset_stall ();
  start = g_get_monotonic_time ();
  editor = ladder_evidence_editor_new (profile, evidence, NULL);
  adw_dialog_present (editor, GTK_WIDGET (window));
  wait_frames (1);
  wait_until_still (500);
  open_ms = ms_since (start) - 500;
  open_stall = worst_stall / 1000.0;
  open_stall_cpu = worst_stall_cpu / 1000.0;
  if (hold)
    {
      g_print ("%s: shown\n", shape);
      wait_until_still (5000);
    }

  /* A short text has no scroller of its own: nothing to scroll. */
  scrolled = find_scrolled (GTK_WIDGET (editor));
  adjustment = scrolled != NULL ? gtk_scrolled_window_get_vadjustment (scrolled) : NULL;
  reset_stall ();
  start = g_get_monotonic_time ();
  while (adjustment != NULL &&
         gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
         gtk_adjustment_get_upper (adjustment) - 1 && steps < 20000)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment) * 0.9);
      wait_frames (1);
      steps++;
    }
  scroll_ms = ms_since (start);
  scroll_stall = worst_stall / 1000.0;
  scroll_stall_cpu = worst_stall_cpu / 1000.0;

  adw_dialog_force_close (editor);
  wait_until_still (200);

export:
  start = g_get_monotonic_time ();
  start_cpu = thread_cpu_time ();
  options.date = date;
  options.evidence_text = TRUE;
  report = ladder_report_new (profile, &options);
  n_pages = ladder_report_paginate (report, 595.0, 842.0);
  pdf = ladder_report_to_pdf (report, NULL, &error);
  g_assert_no_error (error);
  export_ms = ms_since (start);
  if (g_getenv ("BENCH_PDF") != NULL)
    g_file_set_contents (g_getenv ("BENCH_PDF"), g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL);

  export_cpu_ms = (thread_cpu_time () - start_cpu) / 1000.0;
  g_print ("%-6s %8zu bytes  open %6.0f ms (worst stall %6.1f ms, %6.1f ms CPU)  "
           "scroll %5u pages %6.0f ms (worst stall %6.1f ms, %6.1f ms CPU)  "
           "export %4u pages %6.0f ms (%6.0f ms CPU)\n",
           shape, strlen (text), open_ms, open_stall, open_stall_cpu, steps, scroll_ms,
           scroll_stall, scroll_stall_cpu, n_pages, export_ms, export_cpu_ms);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LadderFramework) framework = NULL;
  GtkWindow *window;
  int first;

  gtk_init ();
  adw_init ();
  /* A blinking cursor draws a frame now and then: never still. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  framework = load_monzo ();

  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, g_getenv ("BENCH_WIDTH") ? atoi (g_getenv ("BENCH_WIDTH")) : 1280,
                               g_getenv ("BENCH_HEIGHT") ? atoi (g_getenv ("BENCH_HEIGHT")) : 800);
  the_window = window;
  gtk_window_present (window);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  g_timeout_add (5, beat_cb, NULL);

  for (first = 1; first < argc && g_str_has_prefix (argv[first], "--"); first++)
    {
      if (g_str_equal (argv[first], "--export-only"))
        export_only = TRUE;
      else if (g_str_equal (argv[first], "--hold"))
        hold = TRUE;
      else if (g_str_equal (argv[first], "--unprepared"))
        unprepared = TRUE;
    }

  wait_frames (1);
  /* What the app does after its first frame; its steps run at idle while
   * the window is still. */
  if (!unprepared)
    ladder_evidence_editor_prepare (GTK_WIDGET (window));
  wait_until_still (unprepared ? 300 : 1000);
  if (argc > first)
    for (int i = first; i < argc; i++)
      run_shape (framework, window, argv[i]);
  else
    for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
      run_shape (framework, window, shapes[i]);

  gtk_window_destroy (window);

  return EXIT_SUCCESS;
}
