/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reading an outline as a framework: its tables or its headings and
 * bullets. A table can put the levels
 * in its columns or in its rows, with the categories in the other, or hold
 * one behaviour per row (level, category, expectation), as a spreadsheet
 * does. Each candidate reading is scored: how many of its level names read
 * as levels (Level 2, L3, IC2, Senior, Engineer II, Beginner …), how many
 * cells it turns into behaviours, and whether its categories come again
 * under every level. The best is read; the others are kept in the report
 * with their scores, so that a person can take another.
 *
 * This file holds the outline's index that every reading walks, the
 * scoring and the choice; the readings themselves are in
 * ladder-import-reading-tables.c and ladder-import-reading-lists.c, which
 * share ladder-import-reading-private.h. */

#define G_LOG_DOMAIN "ladder-import-reading"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ladder-import-outline-private.h"
#include "ladder-import-private.h"
#include "ladder-import-reading-private.h"
#include "ladder-behaviour.h"
#include "ladder-category.h"
#include "ladder-level.h"

static const char * const level_words[] = {
  "intern", "apprentice", "junior", "associate", "mid", "mid-level", "intermediate",
  "senior", "staff", "principal", "distinguished", "fellow", "lead", "beginner",
  "novice", "advanced", "expert", "master", "entry", "graduate", "engineer",
  "developer",
};

/* Whether @text names a level: a cue the other importers know ("Level 2",
 * "L3", "Engineer II"), a rank ("IC2", "E4", "P2", "SE3") or a title
 * ("Senior", "Staff Engineer", "Software Engineer 2"). */
gboolean
_ladder_import_is_level_name (const char *text)
{
  g_auto(GStrv) words = NULL;
  guint n_words;
  const char *last;

  if (text == NULL || *text == '\0' || _ladder_import_count_words (text, 7) > 6)
    return FALSE;
  if (_ladder_import_parse_level_cue (text, NULL))
    return TRUE;

  words = g_strsplit_set (text, " -–/()[],", -1);
  n_words = g_strv_length (words);
  for (guint i = 0; i < n_words; i++)
    {
      const char *w = words[i];
      guint letters = 0;

      for (gsize k = 0; k < G_N_ELEMENTS (level_words); k++)
        if (g_ascii_strcasecmp (w, level_words[k]) == 0)
          return TRUE;

      /* IC2, E4, P2, SE3, M1 */
      while (g_ascii_isupper (w[letters]) && letters < 3)
        letters++;
      if (letters > 0 && g_ascii_isdigit (w[letters]) &&
          (w[letters + 1] == '\0' || (g_ascii_isdigit (w[letters + 1]) && w[letters + 2] == '\0')))
        return TRUE;
    }

  /* "Software Engineer 2", "Engineer III" */
  last = words[n_words > 0 ? n_words - 1 : 0];
  if (n_words >= 2 && last != NULL &&
      ((g_ascii_isdigit (last[0]) && (last[1] == '\0' || (g_ascii_isdigit (last[1]) && last[2] == '\0'))) ||
       g_strcmp0 (last, "I") == 0 || g_strcmp0 (last, "II") == 0 || g_strcmp0 (last, "III") == 0 ||
       g_strcmp0 (last, "IV") == 0 || g_strcmp0 (last, "V") == 0))
    return TRUE;

  return FALSE;
}

static void
tables_init (Tables        *tables,
             LadderOutline *outline)
{
  guint *last_child;
  guint heading = NONE;

  tables->outline = outline;
  tables->n_nodes = _ladder_outline_get_n_nodes (outline);
  tables->first_child = g_new (guint, tables->n_nodes + 1);
  tables->next_sibling = g_new (guint, tables->n_nodes + 1);
  last_child = g_new (guint, tables->n_nodes + 1);
  tables->tables = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < tables->n_nodes; i++)
    tables->first_child[i] = tables->next_sibling[i] = last_child[i] = NONE;

  for (guint i = 0; i < tables->n_nodes; i++)
    {
      const LadderOutlineNode *node = _ladder_outline_get_node (outline, i);

      if (node->parent != NONE && node->parent < i)
        {
          if (last_child[node->parent] == NONE)
            tables->first_child[node->parent] = i;
          else
            tables->next_sibling[last_child[node->parent]] = i;
          last_child[node->parent] = i;
        }
      if (node->kind == LADDER_OUTLINE_TABLE)
        g_array_append_val (tables->tables, i);
    }

  tables->heading = g_new (guint, tables->tables->len + 1);
  for (guint i = 0, t = 0; i < tables->n_nodes && t < tables->tables->len; i++)
    {
      const LadderOutlineNode *node = _ladder_outline_get_node (outline, i);

      if (node->kind == LADDER_OUTLINE_HEADING)
        heading = i;
      if (i == g_array_index (tables->tables, guint, t))
        tables->heading[t++] = heading;
    }

  g_free (last_child);
}

static void
tables_clear (Tables *tables)
{
  g_free (tables->first_child);
  g_free (tables->next_sibling);
  g_free (tables->heading);
  g_array_unref (tables->tables);
}

const LadderOutlineNode *
_ladder_import_node_at (Tables *tables,
                        guint   index)
{
  return _ladder_outline_get_node (tables->outline, index);
}

static guint score_tally (const Tally *tally);

static guint
score_reading (Tables  *tables,
               Reading *reading)
{
  Tally tally = { 0 };
  guint score;

  if (reading->kind >= LADDER_IMPORT_READING_HEADING_LABELS)
    _ladder_import_read_lists (tables, reading, NULL, &tally);
  else
    _ladder_import_read_tables (tables, reading, NULL, &tally);
  score = score_tally (&tally);
  reading->n_filled = tally.n_filled;
  /* A reading that leaves cells out is as sure as the share it keeps. */
  if (tally.n_left_out > 0)
    score = score * tally.n_filled / (tally.n_filled + tally.n_left_out);
  /* One level is what a page of one level should hold. */
  if (reading->kind == LADDER_IMPORT_READING_ONE_LEVEL && score > 0)
    score += 15;
  /* Rows that name the same level again are records, not levels. */
  if (reading->kind == LADDER_IMPORT_READING_ROWS && tally.n_rows > tally.n_levels)
    score = score * tally.n_levels / tally.n_rows;

  return score;
}

/* Which column of the tables' header names what. */
static gboolean
header_is (const char *text,
           const char * const *names)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (guint i = 0; names[i] != NULL; i++)
    if (strstr (folded, names[i]) != NULL)
      return TRUE;

  return FALSE;
}

static void
find_record_columns (Tables  *tables,
                     Reading *reading)
{
  static const char * const level_headers[] = { "level", "rank", "grade", "title", "stage", NULL };
  static const char * const category_headers[] = { "competenc", "category", "area", "skill", "axis",
                                                   "pillar", "dimension", "theme", "attribute", NULL };
  static const char * const text_headers[] = { "expectation", "behaviour", "behavior", "description",
                                               "criteria", "detail", NULL };
  guint table = g_array_index (tables->tables, guint, 0);
  guint header = _ladder_import_find_header_row (tables, table);
  guint column = 0;

  reading->level_column = reading->category_column = reading->text_column = NONE;
  if (header == NONE)
    return;

  for (guint cell = tables->first_child[header]; cell != NONE; cell = tables->next_sibling[cell], column++)
    {
      const char *text = _ladder_import_node_at (tables, cell)->text;

      if (reading->level_column == NONE && header_is (text, level_headers))
        reading->level_column = column;
      else if (reading->category_column == NONE && header_is (text, category_headers))
        reading->category_column = column;
      else if (reading->text_column == NONE && header_is (text, text_headers))
        reading->text_column = column;
    }

  /* Without names: level, category, text in that order. */
  if (reading->level_column == NONE && reading->category_column == NONE && column >= 3)
    {
      reading->level_column = 0;
      reading->category_column = 1;
      reading->text_column = 2;
    }
  if (reading->text_column == NONE && reading->level_column != NONE && reading->category_column != NONE)
    reading->text_column = MAX (reading->level_column, reading->category_column) + 1;
  if (reading->text_column != NONE && reading->text_column >= column)
    reading->text_column = NONE;
}

char *
_ladder_import_describe_reading (guint kind)
{
  switch (kind)
    {
    case LADDER_IMPORT_READING_COLUMNS_BY_ROW:
      return g_strdup (_("Levels are the table’s columns; categories are the first cell of each row"));
    case LADDER_IMPORT_READING_COLUMNS_BY_HEADING:
      return g_strdup (_("Levels are the table’s columns; categories are the headings above each table"));
    case LADDER_IMPORT_READING_ROWS:
      return g_strdup (_("Levels are the table’s rows; categories are its columns"));
    case LADDER_IMPORT_READING_HEADING_LABELS:
      return g_strdup (_("Levels are the headings; categories are the labelled bullets under each"));
    case LADDER_IMPORT_READING_ITEM_LEVELS:
      return g_strdup (_("Categories are the headings; levels are the bullets that name a level"));
    case LADDER_IMPORT_READING_HEADING_LEVELS:
      return g_strdup (_("Levels are the headings; categories are the sub-headings under each"));
    case LADDER_IMPORT_READING_ONE_LEVEL:
      return g_strdup (_("The page is one level, named by its title; categories are its headings"));
    case LADDER_IMPORT_READING_ORDERED_LEVELS:
      return g_strdup (_("Categories are the headings; levels are the numbers of their lists"));
    case LADDER_IMPORT_READING_ONE_LEVEL_TABLE:
      return g_strdup (_("The table is one level, named by the page’s title; categories are the cells before the last column"));
    case LADDER_IMPORT_READING_ONE_LIST:
      return g_strdup (_("The page is one list: one level of one category, named by the file"));
    case LADDER_IMPORT_READING_RECORDS:
    default:
      return g_strdup (_("Each row is one behaviour: its level, its category and the behaviour"));
    }
}

static guint
score_tally (const Tally *tally)
{
  guint score;

  if (tally->n_levels == 0 || tally->n_filled == 0)
    return 0;

  /* Level names that read as levels weigh most; then how many cells hold
   * something; then a plausible number of levels. */
  score = 60 * tally->n_level_names / tally->n_levels;
  /* Levels the text does not name, only counts out (its headings coming
   * round again), are half as sure. */
  score += 30 * tally->n_invented / tally->n_levels;
  score += 25 * tally->n_filled / MAX (tally->n_cells, 1);
  if (tally->n_levels >= 2 && tally->n_levels <= 15)
    score += 15;

  return score;
}

void
_ladder_import_weigh_outline (LadderOutline *outline,
                              GArray        *readings)
{
  Tables tables;

  tables_init (&tables, outline);

  for (guint kind = LADDER_IMPORT_READING_HEADING_LABELS; kind <= LADDER_IMPORT_READING_ORDERED_LEVELS; kind++)
    {
      Reading reading = { .kind = kind };

      reading.score = score_reading (&tables, &reading);
      if (reading.score > 0)
        g_array_append_val (readings, reading);
    }

  if (tables.tables->len > 0)
    {
      for (guint kind = LADDER_IMPORT_READING_COLUMNS_BY_HEADING; kind <= LADDER_IMPORT_READING_ONE_LEVEL_TABLE; kind++)
        {
          Reading reading = { .kind = kind };

          if (kind == LADDER_IMPORT_READING_RECORDS)
            {
              find_record_columns (&tables, &reading);
              if (reading.level_column == NONE || reading.text_column == NONE)
                continue;
            }
          if (kind == LADDER_IMPORT_READING_COLUMNS_BY_HEADING)
            {
              /* Only where there are tables under headings of their own. */
              gboolean all_headed = tables.tables->len > 1;

              for (guint k = 0; k < tables.tables->len; k++)
                if (tables.heading[k] == NONE ||
                    (k > 0 && tables.heading[k] == tables.heading[k - 1]))
                  all_headed = FALSE;
              if (!all_headed)
                continue;
            }
          reading.score = score_reading (&tables, &reading);
          if (reading.score > 0)
            g_array_append_val (readings, reading);
        }
    }

  tables_clear (&tables);
}

guint
_ladder_import_read_with (LadderOutline             *outline,
                          const LadderImportReading *reading,
                          LadderImportBuilder       *builder)
{
  Tables tables;
  Tally tally = { 0 };

  tables_init (&tables, outline);
  if (reading->kind >= LADDER_IMPORT_READING_HEADING_LABELS)
    _ladder_import_read_lists (&tables, reading, builder, &tally);
  else
    _ladder_import_read_tables (&tables, reading, builder, &tally);
  tables_clear (&tables);

  return tally.n_behaviours;
}
