/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bench-common.h"

/* The floor {{{1 */

static BenchFirstFrameFunc floor_first_frame;

static void
floor_after_paint_cb (GdkFrameClock *clock,
                      gpointer       data)
{
  g_signal_handlers_disconnect_by_func (clock, floor_after_paint_cb, data);
  floor_first_frame ();
}

static void
floor_realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (floor_after_paint_cb), NULL);
}

static void
floor_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
floor_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

typedef struct
{
  guint       n_rows;
  const char *row_label;
} FloorRows;

static void
floor_activate_cb (GApplication *app,
                   FloorRows    *rows)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *toolbar = adw_toolbar_view_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkStringList *strings = gtk_string_list_new (NULL);
  g_autofree char **items = g_new0 (char *, rows->n_rows + 1);
  GtkWidget *list;

  /* In one splice, as the app adds its rows. */
  for (guint i = 0; i < rows->n_rows; i++)
    items[i] = g_strdup_printf ("%s %u", rows->row_label, i + 1);
  gtk_string_list_splice (strings, 0, 0, (const char * const *) items);
  for (guint i = 0; i < rows->n_rows; i++)
    g_free (items[i]);

  g_signal_connect (factory, "setup", G_CALLBACK (floor_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (floor_bind_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (strings))),
                            factory);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), adw_header_bar_new ());
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), scrolled);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), toolbar);
  /* The app's default size (its GSettings defaults). */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_title (GTK_WINDOW (window), "Floor");
  g_signal_connect (window, "realize", G_CALLBACK (floor_realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
bench_run_floor (guint                n_rows,
                 const char          *row_label,
                 BenchFirstFrameFunc  first_frame)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.ladderapp.Ladder.BenchFloor",
                                                       G_APPLICATION_NON_UNIQUE);
  FloorRows rows = { n_rows, row_label };

  floor_first_frame = first_frame;
  g_signal_connect (app, "activate", G_CALLBACK (floor_activate_cb), &rows);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

/* Measures {{{1 */

long
bench_pss_kib (void)
{
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/smaps_rollup", &contents, NULL, NULL))
    return -1;
  line = strstr (contents, "\nPss:");
  if (line == NULL)
    return -1;

  return strtol (line + strlen ("\nPss:"), NULL, 10);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_median (gconstpointer runs,
              guint         n,
              gsize         size,
              gsize         offset)
{
  g_autofree double *values = g_new (double, n);

  for (guint i = 0; i < n; i++)
    values[i] = *(const double *) ((const char *) runs + i * size + offset);
  qsort (values, n, sizeof (double), compare_double);

  return values[n / 2];
}

void
bench_remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL)
    {
      GFile *child;

      if (!g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) || child == NULL)
        break;
      bench_remove_tree (child);
    }

  (void) g_file_delete (file, NULL, NULL);
}
