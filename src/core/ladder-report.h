/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* A summary is made from a profile (ladder-profile.h); the files that
 * lay it out and draw it need no more of the model than its name. */
typedef struct _LadderProfile LadderProfile;

#define LADDER_REPORT_ERROR (ladder_report_error_quark ())
GQuark ladder_report_error_quark (void);

/**
 * LadderReportError:
 * @LADDER_REPORT_ERROR_DRAW: cairo could not make the document (out of
 *   memory, a font it could not embed)
 *
 * Errors of the PDF summary. Writing the file fails with %G_IO_ERROR, as
 * ladder_save_contents() does; cancelling with %G_IO_ERROR_CANCELLED.
 */
typedef enum
{
  LADDER_REPORT_ERROR_DRAW,
} LadderReportError;

/**
 * LadderPaperSize:
 * @LADDER_PAPER_SIZE_DEFAULT: the locale's paper (LC_PAPER): US Letter
 *   where that is the custom, A4 elsewhere
 * @LADDER_PAPER_SIZE_A4: ISO A4, 210 × 297 mm
 * @LADDER_PAPER_SIZE_LETTER: US Letter, 8.5 × 11 in
 */
typedef enum
{
  LADDER_PAPER_SIZE_DEFAULT,
  LADDER_PAPER_SIZE_A4,
  LADDER_PAPER_SIZE_LETTER,
} LadderPaperSize;

/**
 * LadderReportOptions:
 * @paper: the paper size
 * @since: (nullable): only evidence from this day on, in the evidence log
 *   and under each behaviour; %NULL for all of it
 * @title: (nullable): the document's title, %NULL for "Progress summary:
 *   NAME"
 * @date: (nullable): when the summary is made, printed on it and stored
 *   as its creation date; %NULL for now
 * @evidence_text: whether the evidence log prints each entry's text too;
 *   by default it lists the title, the behaviours backed, tags and links,
 *   which keeps a long log short enough to read
 * @rated_only: list only the behaviours that have a self or a manager
 *   rating, or evidence in the period; the others are counted, not listed
 * @since_last_checkin: when @since is %NULL, only evidence from the day
 *   of the last check-in held before the summary's day on; all of it when
 *   there is none (see ladder_report_options_get_since())
 * @levels_in_play: the table of shown behaviours has only the current
 *   and the target level, not every level of the framework
 * @include_private: print the check-in's private notes and actions too;
 *   by default they are left out, as from a shared copy
 *
 * What a summary covers and how it is printed. All members are borrowed
 * for the length of the call. A zeroed struct, or %NULL, gives the whole
 * record; ladder_report_options_init_for_meeting() gives what a 1:1
 * needs. The first page says which of these shaped the summary.
 */
typedef struct
{
  LadderPaperSize  paper;
  const GDate     *since;
  const char      *title;
  GDateTime       *date;
  gboolean         evidence_text;
  gboolean         rated_only;
  gboolean         since_last_checkin;
  gboolean         levels_in_play;
  gboolean         include_private;
} LadderReportOptions;

void            ladder_report_options_init_for_meeting (LadderReportOptions *options);
gboolean        ladder_report_options_get_since (const LadderReportOptions *options,
                                                 LadderProfile             *profile,
                                                 GDate                     *since);

/* The paper LADDER_PAPER_SIZE_DEFAULT stands for here: A4 or LETTER. */
LadderPaperSize ladder_paper_size_get_default  (void);
/* Its size in points (1/72 in), portrait. */
void            ladder_paper_size_get_size     (LadderPaperSize             paper,
                                                double                     *width,
                                                double                     *height);
/* "a4", "letter" (and "default") for options and command lines. */
gboolean        ladder_paper_size_from_string  (const char                 *string,
                                                LadderPaperSize            *paper);

/* A laid-out summary: a snapshot of the profile's text and figures, made
 * on the caller's thread, that can then be paged and drawn on any one
 * thread. The PDF writer uses it, and so does printing
 * (GtkPrintOperation's "begin-print" paginates, "draw-page" draws). */
typedef struct _LadderReport LadderReport;

#define LADDER_TYPE_REPORT (ladder_report_get_type ())
GType           ladder_report_get_type         (void) G_GNUC_CONST;
LadderReport   *ladder_report_new              (LadderProfile              *profile,
                                                const LadderReportOptions  *options);
LadderReport   *ladder_report_ref              (LadderReport               *report);
void            ladder_report_unref            (LadderReport               *report);
const char     *ladder_report_get_title        (LadderReport               *report);
guint           ladder_report_paginate         (LadderReport               *report,
                                                double                      page_width,
                                                double                      page_height);
guint           ladder_report_get_n_pages      (LadderReport               *report);
void            ladder_report_draw_page        (LadderReport               *report,
                                                cairo_t                    *cr,
                                                guint                       page);
GBytes         *ladder_report_to_pdf           (LadderReport               *report,
                                                GCancellable               *cancellable,
                                                GError                    **error);

gboolean        ladder_report_write_pdf        (LadderProfile              *profile,
                                                const LadderReportOptions  *options,
                                                GFile                      *file,
                                                GCancellable               *cancellable,
                                                GError                    **error);
void            ladder_report_write_pdf_async  (LadderProfile              *profile,
                                                const LadderReportOptions  *options,
                                                GFile                      *file,
                                                GCancellable               *cancellable,
                                                GAsyncReadyCallback         callback,
                                                gpointer                    user_data);
gboolean        ladder_report_write_pdf_finish (LadderProfile              *profile,
                                                GAsyncResult               *result,
                                                GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderReport, ladder_report_unref)

G_END_DECLS
