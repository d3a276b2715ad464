/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The one way Ladder writes a file: a temporary file in the same folder,
 * written, flushed to disk, renamed over the old one, with the old one kept
 * as FILE~ (one backup). New files and their backups are readable by the
 * owner alone (0600). The folder must exist. On failure the old file is
 * untouched and the error names the file and the reason. */
gboolean ladder_save_contents        (GFile               *file,
                                      const char          *contents,
                                      gsize                length,
                                      GCancellable        *cancellable,
                                      GError             **error);
/* The same on a worker thread. @contents is copied. */
void     ladder_save_contents_async  (GFile               *file,
                                      const char          *contents,
                                      gsize                length,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean ladder_save_contents_finish (GFile               *file,
                                      GAsyncResult        *result,
                                      GError             **error);


/* Removes the temporary files of saves that never finished (the process
 * was killed) from @folder, if unchanged for @min_age microseconds. */
guint    ladder_save_clean_stale     (GFile               *folder,
                                      GTimeSpan            min_age);

G_END_DECLS
