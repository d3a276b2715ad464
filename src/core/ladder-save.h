/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The one way Ladder writes a file: a temporary file in the same folder,
 * written, flushed to disk, renamed over the old one, with the old one kept
 * as FILE~ (one backup). New files and their backups are readable by the
 * owner alone (0600). The folder must exist. Contents too large to be read
 * back, and a file without write permission, are refused. On failure the
 * old file is untouched and the error names the file and the reason. */
gboolean ladder_save_contents        (GFile               *file,
                                      const char          *contents,
                                      gsize                length,
                                      GCancellable        *cancellable,
                                      GError             **error);
/* A document made for a person (every export: a PDF, Markdown, CSV, a
 * shared copy, a 1:1's preparation): written the same way and under
 * the same rule for permissions (a new file 0600, one written over keeps
 * its own), with no backup and no size limit, as it is never read back. */
gboolean ladder_save_document        (GFile               *file,
                                      const char          *contents,
                                      gsize                length,
                                      GCancellable        *cancellable,
                                      GError             **error);
void     ladder_save_document_async  (GFile               *file,
                                      const char          *contents,
                                      gsize                length,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean ladder_save_document_finish (GFile               *file,
                                      GAsyncResult        *result,
                                      GError             **error);
/* Whether a file of @length bytes could be read back (at most
 * LADDER_FORMAT_MAX_SIZE); ladder_save_contents() checks it itself. */
gboolean ladder_save_check_size      (const char          *name,
                                      gsize                length,
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
