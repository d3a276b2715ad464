/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the files that read an outline as a framework share:
 * ladder-import-reading.c (the index of the outline, the scoring and the
 * choice), ladder-import-reading-tables.c (the readings of its tables) and
 * ladder-import-reading-lists.c (the readings of its headings and
 * bullets). Only they include it. */

#pragma once

#include "ladder-import-outline-private.h"
#include "ladder-import-private.h"

G_BEGIN_DECLS

#define NONE G_MAXUINT

typedef LadderImportReading Reading;

/* The outline's tables, with each node's children at hand. */
typedef struct
{
  LadderOutline *outline;
  guint          n_nodes;
  guint         *first_child;
  guint         *next_sibling;
  GArray        *tables;  /* guint node indexes */
  guint         *heading; /* per table: the heading above it, or NONE */
} LadderImportTables;

typedef LadderImportTables Tables;

/* What a reading found, which its score is made of. */
typedef struct
{
  guint n_levels;
  guint n_level_names;   /* that read as levels */
  guint n_invented;      /* named by the reading, not the text ("Level 2") */
  guint n_cells;         /* body cells that could hold behaviours */
  guint n_filled;        /* of them, with text or items */
  guint n_behaviours;
  guint n_rows;          /* rows read, for a reading by rows */
  guint n_left_out;      /* cells that say something, under no level */
} LadderImportTally;

typedef LadderImportTally Tally;

const LadderOutlineNode *_ladder_import_node_at         (Tables *tables,
                                                         guint   index);
/* The row that names the table's columns, or NONE. */
guint                    _ladder_import_find_header_row (Tables *tables,
                                                         guint   table);

/* Reads every table, or the headings and bullets, the way @reading says,
 * adding to @tally the behaviours made. With a NULL builder, only counts
 * what a reading would find. */
void _ladder_import_read_tables (Tables              *tables,
                                 const Reading       *reading,
                                 LadderImportBuilder *builder,
                                 Tally               *tally);
void _ladder_import_read_lists  (Tables              *tables,
                                 const Reading       *reading,
                                 LadderImportBuilder *builder,
                                 Tally               *tally);

G_END_DECLS
