/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The floor of bench-app (tests/bench/bench-common.c) as a program of its
 * own that stays open, for timing it from outside the process as the app
 * is timed:
 *
 *   bench-floor [ROWS]
 *
 * An AdwApplicationWindow at the app's default size with a header bar and
 * a GtkListView of ROWS (20000) short strings, open until it is closed.
 */

#include "config.h"

#include <stdlib.h>

#include "bench-common.h"

static void
first_frame (void)
{
}

int
main (int   argc,
      char *argv[])
{
  guint n_rows = argc > 1 ? (guint) atoi (argv[1]) : 20000;

  return bench_run_floor (n_rows, "Item", first_frame);
}
