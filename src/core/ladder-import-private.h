/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <yaml.h>

#include "ladder-import.h"

G_BEGIN_DECLS

/* What the importers share: the input cut into lines, the builder that
 * collects levels, categories, behaviours and cells in reading order and
 * makes the framework at the end (ladder-import-builder.c), the report's
 * warnings and errors (ladder-import-report.c), format detection
 * (ladder-import-detect.c) and small text helpers
 * (ladder-import-words.c). Only the ladder-import*.c files use this. */

/* Each importer sees the input validated (UTF-8, no NUL), without its BOM,
 * cut into lines with the line ends removed. */
typedef struct
{
  const char *text;   /* NUL-terminated, without its line end */
  gsize       length; /* in bytes */
  guint       number; /* 1-based, as an editor counts them */
} LadderImportLine;

typedef struct
{
  const char        *filename;  /* for messages; never NULL */
  const char        *data;      /* the whole input, NUL-terminated, BOM removed */
  gsize              length;
  LadderImportLine  *lines;
  guint              n_lines;
  LadderImportReport *report;
} LadderImportInput;

/* Indexes into the builder's levels and categories. */
#define LADDER_IMPORT_NONE G_MAXUINT

typedef struct _LadderImportBuilder LadderImportBuilder;

typedef struct
{
  guint      level;
  guint      category; /* LADDER_IMPORT_NONE: the one implicit category */
  char      *section;
  char      *text;
  GPtrArray *examples;
  guint      line;
} LadderImportItem;

LadderImportBuilder *_ladder_import_builder_new          (const LadderImportInput   *input,
                                                          const LadderImportOptions *options);
void                 _ladder_import_builder_free         (LadderImportBuilder       *builder);
void                 _ladder_import_builder_set_name     (LadderImportBuilder       *builder,
                                                          const char                *name);
const char          *_ladder_import_builder_get_name     (LadderImportBuilder       *builder);
void                 _ladder_import_builder_set_organisation
                                                         (LadderImportBuilder       *builder,
                                                          const char                *organisation);
void                 _ladder_import_builder_add_description
                                                         (LadderImportBuilder       *builder,
                                                          const char                *paragraph);
void                 _ladder_import_builder_set_sublevels
                                                         (LadderImportBuilder       *builder,
                                                          const char * const        *sublevels);
guint                _ladder_import_builder_add_level    (LadderImportBuilder       *builder,
                                                          const char                *id,
                                                          const char                *name);
guint                _ladder_import_builder_find_level   (LadderImportBuilder       *builder,
                                                          const char                *id);
guint                _ladder_import_builder_get_n_levels (LadderImportBuilder       *builder);
void                 _ladder_import_builder_set_level_summary
                                                         (LadderImportBuilder       *builder,
                                                          guint                      level,
                                                          const char                *summary);
guint                _ladder_import_builder_add_category (LadderImportBuilder       *builder,
                                                          const char                *name,
                                                          const char                *emoji);
guint                _ladder_import_builder_find_category
                                                         (LadderImportBuilder       *builder,
                                                          const char                *name);
void                 _ladder_import_builder_set_category_description
                                                         (LadderImportBuilder       *builder,
                                                          guint                      category,
                                                          const char                *description);
LadderImportItem    *_ladder_import_builder_add_behaviour
                                                         (LadderImportBuilder       *builder,
                                                          guint                      level,
                                                          guint                      category,
                                                          const char                *section,
                                                          const char                *text,
                                                          guint                      line);
void                 _ladder_import_item_add_example     (LadderImportItem          *item,
                                                          const char                *example);
void                 _ladder_import_builder_add_cell_summary
                                                         (LadderImportBuilder       *builder,
                                                          guint                      level,
                                                          guint                      category,
                                                          const char                *summary);
void                 _ladder_import_builder_add_cell_example
                                                         (LadderImportBuilder       *builder,
                                                          guint                      level,
                                                          guint                      category,
                                                          const char                *example);
guint                _ladder_import_builder_get_n_behaviours
                                                         (LadderImportBuilder       *builder);
void                 _ladder_import_builder_warn         (LadderImportBuilder       *builder,
                                                          guint                      line,
                                                          const char                *text,
                                                          const char                *message);
LadderFramework     *_ladder_import_builder_finish       (LadderImportBuilder       *builder,
                                                          GError                   **error);

/* Warnings and errors (ladder-import-report.c). */
void      _ladder_import_warn          (const LadderImportInput *input,
                                        const LadderImportLine  *line,
                                        const char              *message);
void      _ladder_import_set_error     (GError                 **error,
                                        LadderImportError        code,
                                        const char              *filename,
                                        guint                    line,
                                        guint                    column,
                                        const char              *format,
                                        ...) G_GNUC_PRINTF (6, 7);
void      _ladder_import_report_set_format (LadderImportReport *report,
                                            LadderImportFormat  format);
void      _ladder_import_report_sort_warnings (LadderImportReport *report);

/* Format detection (ladder-import-detect.c). */
gsize     _ladder_import_skip_bom      (const char              *data,
                                        gsize                    length);

/* Text helpers (ladder-import-words.c). All of them run in time linear
 * in their input. */
char     *_ladder_import_collapse_space (const char *text,
                                         gssize      length);
char     *_ladder_import_slugify        (const char *text);
gboolean  _ladder_import_is_emoji       (gunichar    c);
gboolean  _ladder_import_split_emoji    (const char *text,
                                         char      **emoji,
                                         char      **rest);
char     *_ladder_import_casefold_key   (const char *text);
gboolean  _ladder_import_is_title_like  (const char *text,
                                         guint       max_words);
gboolean  _ladder_import_ends_sentence  (const char *text);
gboolean  _ladder_import_parse_level_cue (const char *text,
                                          char      **number);
const char *_ladder_import_strip_example_prefix (const char *text);
const char *_ladder_import_parse_by_line (const char *text);
gboolean  _ladder_import_is_quoted      (const char *text);
gboolean  _ladder_import_is_examples_heading (const char *text);
gboolean  _ladder_import_starts_about_section (const char *text);
char    **_ladder_import_find_sublevels (const char *text);
guint     _ladder_import_count_words    (const char *text,
                                         guint       stop_after);

/* The importers, one per format. */
LadderFramework *_ladder_import_parse_progression (const LadderImportInput  *input,
                                                   LadderImportBuilder      *builder,
                                                   GError                  **error);

/* The ways an outline can hold a framework (ladder-import-reading.c): its
 * tables, in one of four ways; or its headings and bullets, where one
 * names the levels and the other the categories. Each is scored from 0 to
 * 100: how many of its level names read as levels, how many cells it
 * fills, whether the number of levels is plausible. A tie goes to the one
 * listed first. */
typedef enum
{
  LADDER_IMPORT_READING_COLUMNS_BY_HEADING, /* levels: header cells; categories: headings */
  LADDER_IMPORT_READING_COLUMNS_BY_ROW,     /* levels: header cells; categories: first cells */
  LADDER_IMPORT_READING_ROWS,               /* levels: first cells; categories: header cells */
  LADDER_IMPORT_READING_RECORDS,            /* a row per behaviour */
  LADDER_IMPORT_READING_ONE_LEVEL_TABLE,    /* one level; categories: the rows */
  LADDER_IMPORT_READING_HEADING_LABELS,     /* levels: headings; categories: "Label:" bullets */
  LADDER_IMPORT_READING_ITEM_LEVELS,        /* categories: headings; levels: bullets */
  LADDER_IMPORT_READING_HEADING_LEVELS,     /* levels: headings; categories: sub-headings */
  LADDER_IMPORT_READING_ONE_LEVEL,          /* the page is one level; categories: headings */
  LADDER_IMPORT_READING_ORDERED_LEVELS,     /* categories: headings; levels: item N is level N */
  LADDER_IMPORT_READING_ONE_LIST,           /* one level, one category: the file's bullets */
} LadderImportReadingKind;

typedef struct
{
  LadderImportReadingKind kind;
  guint                   level_column;    /* records */
  guint                   category_column; /* records */
  guint                   text_column;     /* records */
  guint                   score;
  guint                   n_filled;        /* cells it fills: a tie goes to more */
} LadderImportReading;

typedef struct _LadderOutline LadderOutline;
void      _ladder_import_weigh_outline      (LadderOutline             *outline,
                                             GArray                    *readings);
guint     _ladder_import_read_with          (LadderOutline             *outline,
                                             const LadderImportReading *reading,
                                             LadderImportBuilder       *builder);
gboolean  _ladder_import_is_level_name      (const char                *text);
gboolean  _ladder_import_is_other_section   (const char                *text);
/* Plain text into the outline (ladder-import-text.c). */
void      _ladder_outline_read_text         (LadderOutline             *outline,
                                             const LadderImportInput   *input);
char     *_ladder_import_describe_reading   (guint                      kind);
void      _ladder_import_report_add_reading (LadderImportReport        *report,
                                             const char                *description,
                                             guint                      score);
void      _ladder_import_report_set_chosen_reading
                                            (LadderImportReport        *report,
                                             guint                      reading);

/* YAML front matter, shared by the Markdown and progression importers.
 * Finds the front matter between two `---` lines at the top: returns the
 * index of the closing line in *end (0 when there is none). */
gboolean  _ladder_import_find_front_matter (const LadderImportInput *input,
                                            guint                   *end);
/* Loads lines [1, end) as one YAML document, refusing alias bombs, deep
 * nesting and huge values with an error that names the line and column. */
gboolean  _ladder_import_load_yaml        (const LadderImportInput *input,
                                           guint                    end,
                                           yaml_document_t         *document,
                                           GError                 **error);
yaml_node_t *_ladder_import_yaml_lookup   (yaml_document_t         *document,
                                           yaml_node_t             *mapping,
                                           const char              *key);
/* The text of a scalar node, or NULL for any other node. */
const char  *_ladder_import_yaml_scalar   (yaml_node_t             *node);

G_END_DECLS
