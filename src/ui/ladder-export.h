/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

/* "Export PDF…" and "Print…" of a profile, which the window's actions
 * win.export-pdf and win.print run and the tests call directly. Both
 * draw the summary of src/core (LadderReport), so the file and the
 * paper are the same pages. @parent is the widget that asks: dialogs
 * show over its window, and toasts where _ladder_add_toast() puts them. */

/* Asks what the summary of @profile covers, then where to write it, and
 * writes it there (ladder_export_write_pdf()). */
void                ladder_export_choose_pdf       (GtkWidget            *parent,
                                                    LadderProfile        *profile);
/* Prints @profile's summary, through the print dialog. */
void                ladder_export_print            (GtkWidget            *parent,
                                                    LadderProfile        *profile);

/* "Ada Lovelace – Progress Summary – 2026-11-23.pdf": the name the file
 * dialog offers, safe as a file name. */
char               *ladder_export_default_name     (LadderProfile        *profile,
                                                    GDateTime            *date);

/* Writes @profile's summary to @file on a worker thread, the window
 * staying responsive; then a toast offers to open the file (or an alert
 * says why it could not be written). @covers (nullable: the whole record)
 * says what it covers; the paper is the one of Preferences. */
void                ladder_export_write_pdf        (GtkWidget                 *parent,
                                                    LadderProfile             *profile,
                                                    const LadderReportOptions *covers,
                                                    GFile                     *file,
                                                    GCancellable              *cancellable,
                                                    GAsyncReadyCallback        callback,
                                                    gpointer                   user_data);
gboolean            ladder_export_write_pdf_finish (GtkWidget            *parent,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* A print operation that draws @profile's summary: the page size of the
 * print context, the summary's own margins. ladder_export_print() runs
 * it with the print dialog. */
GtkPrintOperation  *ladder_export_print_operation  (LadderProfile        *profile);

G_END_DECLS
