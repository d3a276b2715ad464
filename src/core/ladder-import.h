/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ladder-framework.h"

G_BEGIN_DECLS

#define LADDER_IMPORT_ERROR (ladder_import_error_quark ())
GQuark ladder_import_error_quark (void);

/**
 * LadderImportError:
 * @LADDER_IMPORT_ERROR_EMPTY: nothing that looks like a framework was found
 * @LADDER_IMPORT_ERROR_INVALID: the input is not text, or broken YAML
 *   front matter, or structurally unusable
 * @LADDER_IMPORT_ERROR_TOO_LARGE: more than LADDER_FORMAT_MAX_SIZE bytes
 *
 * Messages are sentences for a person, "FILE:LINE:COL: …" when a position
 * is known.
 */
typedef enum
{
  LADDER_IMPORT_ERROR_EMPTY,
  LADDER_IMPORT_ERROR_INVALID,
  LADDER_IMPORT_ERROR_TOO_LARGE,
} LadderImportError;

typedef enum
{
  LADDER_IMPORT_FORMAT_AUTO,
  LADDER_IMPORT_FORMAT_TEXT,        /* text copied from a web page */
  LADDER_IMPORT_FORMAT_MARKDOWN,    /* plain Markdown, optional front matter */
  LADDER_IMPORT_FORMAT_PROGRESSION, /* progression-framework YAML front matter */
  LADDER_IMPORT_FORMAT_JSON,        /* Ladder's own framework JSON */
  LADDER_IMPORT_FORMAT_HTML,        /* a web page, or part of one */
  LADDER_IMPORT_FORMAT_CSV,         /* a spreadsheet as CSV or TSV */
} LadderImportFormat;

/* One line the importer dropped or doubted. */
typedef struct
{
  guint  line;     /* 1-based; 0 when it is about the whole input */
  char  *text;     /* the dropped line as it was, or NULL */
  char  *message;  /* translated, for a person */
} LadderImportWarning;

typedef struct _LadderImportReport LadderImportReport;

#define LADDER_TYPE_IMPORT_REPORT (ladder_import_report_get_type ())
GType                      ladder_import_report_get_type     (void);
LadderImportReport        *ladder_import_report_new          (void);
LadderImportReport        *ladder_import_report_ref          (LadderImportReport *report);
void                       ladder_import_report_unref        (LadderImportReport *report);
guint                      ladder_import_report_get_n_warnings (LadderImportReport *report);
const LadderImportWarning *ladder_import_report_get_warning  (LadderImportReport *report,
                                                              guint               index);
void                       ladder_import_report_add          (LadderImportReport *report,
                                                              guint               line,
                                                              const char         *text,
                                                              const char         *message);
LadderImportFormat         ladder_import_report_get_format   (LadderImportReport *report);
guint                      ladder_import_report_get_n_readings (LadderImportReport *report);
const char                *ladder_import_report_get_reading  (LadderImportReport *report,
                                                              guint               index,
                                                              guint              *score);
guint                      ladder_import_report_get_chosen_reading
                                                             (LadderImportReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderImportReport, ladder_import_report_unref)

typedef struct
{
  LadderImportFormat  format;       /* AUTO to detect */
  const char         *name;         /* overrides the name found, or NULL */
  const char         *organisation; /* overrides the organisation, or NULL */
  const char         *id;           /* overrides the id made from the name */
  const char         *source;       /* kept as the framework's "source" */
  guint               reading;      /* 0 for the best reading; N for the
                                     * report's reading N (1-based) */
} LadderImportOptions;

/* Turns text into a framework. @filename names the input in the report and
 * in errors. The report, when asked for, is filled on success and on error
 * alike. */
LadderFramework *ladder_import_data (const char                *data,
                                     gsize                      length,
                                     const char                *filename,
                                     const LadderImportOptions *options,
                                     LadderImportReport       **report,
                                     GError                   **error);
LadderFramework *ladder_import_text (const char                *text,
                                     const LadderImportOptions *options,
                                     LadderImportReport       **report,
                                     GError                   **error);
LadderFramework *ladder_import_file (GFile                     *file,
                                     const LadderImportOptions *options,
                                     GCancellable              *cancellable,
                                     LadderImportReport       **report,
                                     GError                   **error);

/* Detects the format of @data (never returns AUTO). */
LadderImportFormat ladder_import_detect_format (const char *data,
                                                gsize       length);
const char        *ladder_import_format_to_string   (LadderImportFormat format);
gboolean           ladder_import_format_from_string (const char         *string,
                                                     LadderImportFormat *format);

G_END_DECLS
