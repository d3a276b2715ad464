/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The readings of an outline's tables: the levels in the columns (the
 * categories in the rows or the headings above), in the rows, or one
 * behaviour per row; and what a cell holds. Scored and chosen in
 * ladder-import-reading.c. */

#define G_LOG_DOMAIN "ladder-import-reading"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ladder-import-outline-private.h"
#include "ladder-import-private.h"
#include "ladder-import-reading-private.h"

/* The @column-th cell of @row, or NONE. */
static guint
cell_at (Tables *tables,
         guint   row,
         guint   column)
{
  guint cell = tables->first_child[row];

  for (guint c = 0; cell != NONE && c < column; c++)
    cell = tables->next_sibling[cell];

  return cell;
}

static guint
count_children (Tables *tables,
                guint   node)
{
  guint n = 0;

  for (guint c = tables->first_child[node]; c != NONE; c = tables->next_sibling[c])
    n++;

  return n;
}

/* A cell that says nothing: "-", "N/A", "TBD". */
static gboolean
is_blank_cell (const char *text)
{
  static const char * const blanks[] = { "", "-", "–", "—", "n/a", "na", "tbd", "none", NULL };

  for (guint i = 0; blanks[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, blanks[i]) == 0)
      return TRUE;

  return FALSE;
}

/* Whether a cell's text is a behaviour of its own, which the list under
 * it gives examples of, rather than a heading over the list ("Owns:"). */
static gboolean
is_behaviour_over_list (const char *text)
{
  gsize length = strlen (text);

  return length > 0 && (text[length - 1] == '.' || text[length - 1] == '!' || text[length - 1] == '?');
}

/* A cell's behaviours: its items (their own items are examples), or its
 * text when it has none. Returns how many. */
static guint
add_cell (Tables              *tables,
          LadderImportBuilder *builder,
          guint                cell,
          guint                level,
          guint                category,
          const char          *section)
{
  const LadderOutlineNode *node = _ladder_import_node_at (tables, cell);
  guint n = 0;

  /* A sentence with its examples below it: one behaviour. */
  if (tables->first_child[cell] != NONE && is_behaviour_over_list (node->text))
    {
      LadderImportItem *behaviour = _ladder_import_builder_add_behaviour (builder, level, category, section,
                                                                          node->text, node->line);

      for (guint c = tables->first_child[cell]; c != NONE; c = tables->next_sibling[c])
        if (_ladder_import_node_at (tables, c)->kind == LADDER_OUTLINE_ITEM && _ladder_import_node_at (tables, c)->text[0] != '\0')
          _ladder_import_item_add_example (behaviour, _ladder_import_node_at (tables, c)->text);

      return 1;
    }

  for (guint c = tables->first_child[cell]; c != NONE; c = tables->next_sibling[c])
    {
      const LadderOutlineNode *item = _ladder_import_node_at (tables, c);
      LadderImportItem *behaviour;

      if (item->kind != LADDER_OUTLINE_ITEM || item->text[0] == '\0')
        continue;
      behaviour = _ladder_import_builder_add_behaviour (builder, level, category, section,
                                                        item->text, item->line);
      n++;
      for (guint e = tables->first_child[c]; e != NONE; e = tables->next_sibling[e])
        if (_ladder_import_node_at (tables, e)->kind == LADDER_OUTLINE_ITEM)
          _ladder_import_item_add_example (behaviour, _ladder_import_node_at (tables, e)->text);
    }

  if (n == 0 && !is_blank_cell (node->text))
    {
      const char *text = node->text;

      /* A cell of one bullet, written out ("- Plans a quarter"). */
      if ((text[0] == '-' || text[0] == '*') && text[1] == ' ')
        text += 2;
      else if (g_str_has_prefix (text, "• "))
        text += strlen ("• ");
      _ladder_import_builder_add_behaviour (builder, level, category, section, text, node->line);
      n++;
    }
  else if (n > 0 && node->text[0] != '\0')
    {
      _ladder_import_builder_add_cell_summary (builder, level, category, node->text);
    }

  return n;
}

/* Whether @cell says something: text, or a list. */
static gboolean
is_filled_cell (Tables *tables,
                guint   cell)
{
  return !is_blank_cell (_ladder_import_node_at (tables, cell)->text) || tables->first_child[cell] != NONE;
}

/* A cell that says something and that the reading does not take: listed
 * as left out, so that no cell is lost without a word. */
static void
leave_out_cell (Tables              *tables,
                LadderImportBuilder *builder,
                Tally               *tally,
                guint                cell,
                const char          *heading,
                const char          *why)
{
  const LadderOutlineNode *node;
  const char *text;
  g_autofree char *message = NULL;
  guint n_items = 0;

  if (cell == NONE || !is_filled_cell (tables, cell))
    return;
  tally->n_left_out++;
  if (builder == NULL)
    return;
  node = _ladder_import_node_at (tables, cell);
  for (guint c = tables->first_child[cell]; c != NONE; c = tables->next_sibling[c])
    if (_ladder_import_node_at (tables, c)->kind == LADDER_OUTLINE_ITEM)
      n_items++;
  text = node->text[0] != '\0' ? node->text
         : tables->first_child[cell] != NONE ? _ladder_import_node_at (tables, tables->first_child[cell])->text : "";
  if (n_items > 0)
    message = g_strdup_printf (ngettext ("Left out a cell of %u item beginning “%s”: %s",
                                         "Left out a cell of %u items beginning “%s”: %s", n_items),
                               n_items, text, why);
  else
    message = g_strdup_printf (_("Left out the cell “%s”: %s"), text, why);
  _ladder_import_builder_warn (builder, node->line, heading, message);
}

/* How many of @row's cells say something. */
static guint
count_filled_cells (Tables *tables,
                    guint   row)
{
  guint n = 0;

  for (guint c = tables->first_child[row]; c != NONE; c = tables->next_sibling[c])
    if (!is_blank_cell (_ladder_import_node_at (tables, c)->text) || tables->first_child[c] != NONE)
      n++;

  return n;
}

/* The row that names the table's columns: the first of two cells or more.
 * A row of one cell above it is the table's title ("Career Levels V2"). */
guint
_ladder_import_find_header_row (Tables *tables,
                                guint   table)
{
  for (guint row = tables->first_child[table]; row != NONE; row = tables->next_sibling[row])
    {
      if (count_children (tables, row) >= 2 && count_filled_cells (tables, row) >= 2)
        return row;
      if (count_filled_cells (tables, row) > 1)
        break;
    }

  return NONE;
}

/* An empty row, then perhaps a title, then a row that starts as the
 * header does ("Job Level"): a second table, another track, inside the
 * same one. Returns the empty row it starts at, or NONE; its title, when
 * it has one, in @title. */
static guint
find_second_table (Tables  *tables,
                   guint    header,
                   guint   *title)
{
  const char *header_name = _ladder_import_node_at (tables, tables->first_child[header])->text;

  *title = NONE;
  for (guint row = tables->next_sibling[header]; row != NONE; row = tables->next_sibling[row])
    {
      guint next;

      if (count_filled_cells (tables, row) > 0)
        continue;
      next = tables->next_sibling[row];
      if (next != NONE && count_filled_cells (tables, next) == 1 && count_children (tables, next) >= 1 &&
          !is_blank_cell (_ladder_import_node_at (tables, tables->first_child[next])->text))
        {
          *title = tables->first_child[next];
          next = tables->next_sibling[next];
        }
      if (next != NONE && *header_name != '\0' && tables->first_child[next] != NONE &&
          g_utf8_collate (_ladder_import_node_at (tables, tables->first_child[next])->text, header_name) == 0)
        return row;
      *title = NONE;
    }

  return NONE;
}

/* A row whose only words are in its first cell, in a table of more
 * columns, names what the rows below it are about: a category over
 * sub-categories, when the levels are the columns. */
static gboolean
is_group_row (Tables *tables,
              guint   row,
              guint   n_columns)
{
  guint first = tables->first_child[row];

  return n_columns > 2 && first != NONE && !is_blank_cell (_ladder_import_node_at (tables, first)->text) &&
         count_filled_cells (tables, row) == 1;
}

/* The columns a table's header names, after its first cell (which
 * names the rows): "engineer 1|engineer 2|…", or NULL without a header. */
static char *
header_key (Tables *tables,
            guint   table)
{
  guint header = _ladder_import_find_header_row (tables, table);
  GString *key;

  if (header == NONE)
    return NULL;
  key = g_string_new (NULL);
  for (guint cell = tables->next_sibling[tables->first_child[header]]; cell != NONE && tables->first_child[header] != NONE;
       cell = tables->next_sibling[cell])
    {
      g_autofree char *folded = g_utf8_casefold (_ladder_import_node_at (tables, cell)->text, -1);

      g_string_append (key, folded);
      g_string_append_c (key, '|');
    }

  return g_string_free (key, FALSE);
}

/* Tables under headings of their own that share their columns (the
 * same levels, one table per category) are one framework; a table with
 * other columns beside them (a map of the tracks, another track) is not
 * part of it. Returns, per table, whether to read it. */
static gboolean *
find_main_tables (Tables *tables)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  gboolean *read = g_new (gboolean, tables->tables->len + 1);
  const char *main_key = NULL;
  guint main_count = 1;

  for (guint t = 0; t < tables->tables->len; t++)
    {
      char *key = header_key (tables, g_array_index (tables->tables, guint, t));
      guint count;

      g_ptr_array_add (keys, key);
      read[t] = TRUE;
      if (key == NULL)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1;
      g_hash_table_replace (counts, g_strdup (key), GUINT_TO_POINTER (count));
      if (count > main_count)
        {
          main_count = count;
          main_key = key;
        }
    }

  for (guint t = 0; t < tables->tables->len && main_key != NULL; t++)
    read[t] = g_strcmp0 (g_ptr_array_index (keys, t), main_key) == 0;

  return read;
}

/* A table that names no level anywhere, a list of competencies with what
 * each asks in the last column: the whole table is one level, named by
 * the page's title, and the cell before the last names each row's
 * category (a first column grouping them, when there is one, is not). */
static void
read_one_level_table (Tables              *tables,
                      LadderImportBuilder *builder,
                      Tally               *tally)
{
  const char *level_name = _ladder_outline_get_title (tables->outline);
  guint level = LADDER_IMPORT_NONE;

  for (guint i = 0; i < tables->n_nodes && level_name == NULL; i++)
    {
      const LadderOutlineNode *node = _ladder_import_node_at (tables, i);

      if (node->kind == LADDER_OUTLINE_HEADING && node->depth == 1)
        level_name = node->text;
    }
  /* Named by the reading: data, in the framework's language. */
  if (level_name == NULL)
    level_name = "Level 1";

  /* Any cell that names a level makes this the wrong reading. */
  for (guint t = 0; t < tables->tables->len; t++)
    {
      guint table = g_array_index (tables->tables, guint, t);
      guint header = _ladder_import_find_header_row (tables, table);

      if (header == NONE || count_children (tables, header) < 2)
        return;
      for (guint cell = tables->first_child[header]; cell != NONE; cell = tables->next_sibling[cell])
        if (_ladder_import_is_level_name (_ladder_import_node_at (tables, cell)->text))
          return;
      for (guint row = tables->next_sibling[header]; row != NONE; row = tables->next_sibling[row])
        {
          guint first = cell_at (tables, row, 0);

          if (first != NONE && _ladder_import_is_level_name (_ladder_import_node_at (tables, first)->text))
            return;
        }
    }

  tally->n_levels = 1;
  tally->n_invented = 1;
  for (guint t = 0; t < tables->tables->len; t++)
    {
      guint table = g_array_index (tables->tables, guint, t);
      guint header = _ladder_import_find_header_row (tables, table);
      guint n_columns = count_children (tables, header);

      for (guint row = tables->next_sibling[header]; row != NONE; row = tables->next_sibling[row])
        {
          guint name_cell = cell_at (tables, row, n_columns - 2);
          guint text_cell = cell_at (tables, row, n_columns - 1);
          const char *category_name;

          if (name_cell == NONE || text_cell == NONE)
            continue;
          category_name = _ladder_import_node_at (tables, name_cell)->text;
          if (*category_name == '\0')
            continue;
          tally->n_cells++;
          if (!is_blank_cell (_ladder_import_node_at (tables, text_cell)->text) || tables->first_child[text_cell] != NONE)
            tally->n_filled++;
          if (builder == NULL)
            continue;
          if (level == LADDER_IMPORT_NONE)
            level = _ladder_import_builder_add_level (builder, NULL, level_name);
          tally->n_behaviours += add_cell (tables, builder, text_cell, level,
                                           _ladder_import_builder_add_category (builder, category_name, NULL),
                                           NULL);
        }
    }
}

void
_ladder_import_read_tables (Tables              *tables,
                            const Reading       *reading,
                            LadderImportBuilder *builder,
                            Tally               *tally)
{
  g_autoptr(GHashTable) levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree gboolean *main_tables = NULL;

  if (reading->kind == LADDER_IMPORT_READING_ONE_LEVEL_TABLE)
    {
      read_one_level_table (tables, builder, tally);
      return;
    }
  if (reading->kind == LADDER_IMPORT_READING_COLUMNS_BY_HEADING)
    main_tables = find_main_tables (tables);

  for (guint t = 0; t < tables->tables->len; t++)
    {
      guint table = g_array_index (tables->tables, guint, t);
      guint header = _ladder_import_find_header_row (tables, table);
      guint n_columns;
      guint second = NONE;
      guint second_title = NONE;
      gboolean grouped = FALSE;
      guint first_column;
      const char *group = NULL;
      const char *heading = tables->heading[t] != NONE ? _ladder_import_node_at (tables, tables->heading[t])->text : NULL;

      if (header == NONE)
        continue;
      if (main_tables != NULL && !main_tables[t])
        {
          if (builder != NULL)
            {
              const LadderOutlineNode *node = _ladder_import_node_at (tables, table);
              g_autofree char *message = heading != NULL
                ? g_strdup_printf (_("Left out the table under “%s”: its columns are not the levels of the other tables."),
                                   heading)
                : g_strdup (_("Left out a table: its columns are not the levels of the other tables."));

              _ladder_import_builder_warn (builder, node->line, heading, message);
            }
          continue;
        }
      n_columns = count_children (tables, header);
      /* A header whose first cell names a level too ("Beginner |
       * Intermediate | …"): the first column is a level's, not the rows'
       * names. */
      first_column = 1;
      if ((reading->kind == LADDER_IMPORT_READING_COLUMNS_BY_ROW ||
           reading->kind == LADDER_IMPORT_READING_COLUMNS_BY_HEADING) &&
          _ladder_import_is_level_name (_ladder_import_node_at (tables, tables->first_child[header])->text))
        first_column = 0;

      second = find_second_table (tables, header, &second_title);
      if (second != NONE && builder != NULL)
        {
          const LadderOutlineNode *title = second_title != NONE ? _ladder_import_node_at (tables, second_title) : NULL;
          g_autofree char *message = NULL;

          if (title != NULL)
            message = g_strdup_printf (_("Left out “%s”: a second table inside the table, after an empty row. Import it on its own to keep it."),
                                       title->text);
          else
            message = g_strdup (_("Left out the rows after an empty row: they make a second table inside the table. Import it on its own to keep it."));
          _ladder_import_builder_warn (builder, title != NULL ? title->line : _ladder_import_node_at (tables, second)->line,
                                       title != NULL ? title->text : NULL, message);
        }

      /* Rows that each name a group of the rows below them: the rows
       * above the first group sum up each column's level. */
      if (reading->kind == LADDER_IMPORT_READING_COLUMNS_BY_ROW ||
          reading->kind == LADDER_IMPORT_READING_COLUMNS_BY_HEADING)
        for (guint row = tables->next_sibling[header]; row != NONE && row != second && !grouped;
             row = tables->next_sibling[row])
          grouped = is_group_row (tables, row, n_columns);

      for (guint row = tables->next_sibling[header]; row != NONE && row != second; row = tables->next_sibling[row])
        {
          const char *row_name;
          guint first = cell_at (tables, row, 0);
          guint column;
          guint cell;

          if (first == NONE)
            continue;
          row_name = first_column == 0 ? "" : _ladder_import_node_at (tables, first)->text;
          if (grouped && is_group_row (tables, row, n_columns))
            {
              group = _ladder_import_node_at (tables, first)->text;
              continue;
            }
          /* A row under a level's name spanning it is more of that
           * level, not a record naming it again. */
          if (!_ladder_import_node_at (tables, first)->spanned)
            tally->n_rows++;

          /* A level's name and one cell across the table: its summary. */
          if (reading->kind == LADDER_IMPORT_READING_ROWS && n_columns > 2 &&
              count_children (tables, row) == 2 && *row_name != '\0')
            {
              guint across = tables->next_sibling[first];

              if (builder != NULL && !is_blank_cell (_ladder_import_node_at (tables, across)->text))
                _ladder_import_builder_set_level_summary (builder,
                                                          _ladder_import_builder_add_level (builder, NULL, row_name),
                                                          _ladder_import_node_at (tables, across)->text);
              continue;
            }

          if (reading->kind == LADDER_IMPORT_READING_RECORDS)
            {
              guint level_cell = cell_at (tables, row, reading->level_column);
              guint category_cell = cell_at (tables, row, reading->category_column);
              guint text_cell = cell_at (tables, row, reading->text_column);
              const char *level_name;

              if (level_cell == NONE || text_cell == NONE)
                continue;
              level_name = _ladder_import_node_at (tables, level_cell)->text;
              if (*level_name == '\0')
                continue;
              tally->n_cells++;
              if (!g_hash_table_contains (levels, level_name))
                {
                  g_hash_table_add (levels, g_strdup (level_name));
                  tally->n_levels++;
                  if (_ladder_import_is_level_name (level_name))
                    tally->n_level_names++;
                }
              if (_ladder_import_node_at (tables, text_cell)->text[0] != '\0' || tables->first_child[text_cell] != NONE)
                tally->n_filled++;
              if (builder != NULL)
                {
                  guint level = _ladder_import_builder_add_level (builder, NULL, level_name);
                  guint category = category_cell != NONE && _ladder_import_node_at (tables, category_cell)->text[0] != '\0'
                    ? _ladder_import_builder_add_category (builder, _ladder_import_node_at (tables, category_cell)->text, NULL)
                    : LADDER_IMPORT_NONE;

                  tally->n_behaviours += add_cell (tables, builder, text_cell, level, category, NULL);
                }
              continue;
            }

          /* The row's name: a list in it is more than a name. */
          if (first_column == 1 && tables->first_child[first] != NONE)
            leave_out_cell (tables, builder, tally, first, heading,
                            _("the first column names the rows, and this cell holds a list."));

          /* The row's cells beside the header's, one step each. */
          column = first_column;
          cell = first_column == 0 ? first : tables->next_sibling[first];
          for (guint header_cell = cell_at (tables, header, first_column);
               column < n_columns && cell != NONE && header_cell != NONE;
               column++, cell = tables->next_sibling[cell], header_cell = tables->next_sibling[header_cell])
            {
              const char *column_name = _ladder_import_node_at (tables, header_cell)->text;
              const char *level_name = reading->kind == LADDER_IMPORT_READING_ROWS ? row_name : column_name;
              const char *category_name;
              const char *section = NULL;

              if (*level_name == '\0')
                {
                  leave_out_cell (tables, builder, tally, cell, heading,
                                  reading->kind == LADDER_IMPORT_READING_ROWS
                                  ? _("its row names no level.")
                                  : _("its column names no level."));
                  continue;
                }

              /* A summary of the column's level, above the groups. */
              if (grouped && group == NULL)
                {
                  if (builder != NULL && !is_blank_cell (_ladder_import_node_at (tables, cell)->text))
                    {
                      guint level = _ladder_import_builder_add_level (builder, NULL, level_name);

                      _ladder_import_builder_set_level_summary (builder, level, _ladder_import_node_at (tables, cell)->text);
                    }
                  continue;
                }

              if (reading->kind == LADDER_IMPORT_READING_ROWS)
                {
                  guint next = tables->next_sibling[row];
                  guint below = next != NONE ? cell_at (tables, next, column) : NONE;

                  category_name = column_name;
                  /* Text alone over the same level's lists: it sums
                   * up the cell. */
                  if (tables->first_child[cell] == NONE && below != NONE &&
                      _ladder_import_node_at (tables, cell_at (tables, next, 0))->spanned &&
                      tables->first_child[below] != NONE)
                    {
                      if (builder != NULL && !is_blank_cell (_ladder_import_node_at (tables, cell)->text))
                        _ladder_import_builder_add_cell_summary (builder,
                                                                 _ladder_import_builder_add_level (builder, NULL, level_name),
                                                                 _ladder_import_builder_add_category (builder, category_name, NULL),
                                                                 _ladder_import_node_at (tables, cell)->text);
                      continue;
                    }
                }
              else if (group != NULL)
                {
                  category_name = group;
                  section = *row_name != '\0' ? row_name : NULL;
                }
              else if (reading->kind == LADDER_IMPORT_READING_COLUMNS_BY_HEADING && heading != NULL)
                {
                  category_name = heading;
                  section = *row_name != '\0' ? row_name : NULL;
                }
              else
                category_name = *row_name != '\0' ? row_name : heading;

              tally->n_cells++;
              if (!g_hash_table_contains (levels, level_name))
                {
                  g_hash_table_add (levels, g_strdup (level_name));
                  tally->n_levels++;
                  if (_ladder_import_is_level_name (level_name))
                    tally->n_level_names++;
                }
              if (!is_blank_cell (_ladder_import_node_at (tables, cell)->text) || tables->first_child[cell] != NONE)
                tally->n_filled++;

              if (builder != NULL)
                {
                  guint level = _ladder_import_builder_add_level (builder, NULL, level_name);
                  guint category = category_name != NULL && *category_name != '\0'
                    ? _ladder_import_builder_add_category (builder, category_name, NULL)
                    : LADDER_IMPORT_NONE;

                  tally->n_behaviours += add_cell (tables, builder, cell, level, category, section);
                }
            }
          /* Cells past the header's last column belong to no level. */
          for (; cell != NONE; cell = tables->next_sibling[cell])
            if (!_ladder_import_node_at (tables, cell)->spanned)
              leave_out_cell (tables, builder, tally, cell, heading,
                              _("it stands past the table’s last named column."));
        }
    }
}
