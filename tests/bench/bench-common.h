/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the benchmarks that start the app share: the floor they compare
 * it with, and their measures.
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Called once, at the floor window's first frame (its frame clock's
 * "after-paint"). */
typedef void (*BenchFirstFrameFunc) (void);

/* Runs the floor any GTK app pays, as an application of its own: an
 * AdwApplicationWindow at the app's default size, with a header bar and
 * a GtkListView of @n_rows short strings, @row_label and a number ("Item
 * 1", "Item 2", …). @first_frame says when it is drawn; the caller
 * quits the application. Returns the exit status. */
int     bench_run_floor   (guint                n_rows,
                           const char          *row_label,
                           BenchFirstFrameFunc  first_frame);

/* The proportional set size of this process in KiB, or -1. */
long    bench_pss_kib     (void);

/* The median of the double at @offset in each of the @n structs of
 * @size bytes at @runs. */
double  bench_median      (gconstpointer        runs,
                           guint                n,
                           gsize                size,
                           gsize                offset);

/* Deletes @file and, for a folder, all it holds; what cannot be deleted
 * stays. */
void    bench_remove_tree (GFile               *file);

G_END_DECLS
