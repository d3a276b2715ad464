/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-import-reading"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ladder-import-outline-private.h"
#include "ladder-import-private.h"
#include "ladder-behaviour.h"
#include "ladder-category.h"
#include "ladder-level.h"

/* Reading an outline's tables as a framework. A table can put the levels
 * in its columns or in its rows, with the categories in the other, or hold
 * one behaviour per row (level, category, expectation), as a spreadsheet
 * does. Each candidate reading is scored: how many of its level names read
 * as levels (Level 2, L3, IC2, Senior, Engineer II, Beginner …), how many
 * cells it turns into behaviours, and whether its categories come again
 * under every level. The best is read; the others are kept in the report
 * with their scores, so that a person can take another. */

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
} Tables;

#define NONE G_MAXUINT

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

static const LadderOutlineNode *
node_at (Tables *tables,
         guint   index)
{
  return _ladder_outline_get_node (tables->outline, index);
}

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
  const LadderOutlineNode *node = node_at (tables, cell);
  guint n = 0;

  /* A sentence with its examples below it: one behaviour. */
  if (tables->first_child[cell] != NONE && is_behaviour_over_list (node->text))
    {
      LadderImportItem *behaviour = _ladder_import_builder_add_behaviour (builder, level, category, section,
                                                                          node->text, node->line);

      for (guint c = tables->first_child[cell]; c != NONE; c = tables->next_sibling[c])
        if (node_at (tables, c)->kind == LADDER_OUTLINE_ITEM && node_at (tables, c)->text[0] != '\0')
          _ladder_import_item_add_example (behaviour, node_at (tables, c)->text);

      return 1;
    }

  for (guint c = tables->first_child[cell]; c != NONE; c = tables->next_sibling[c])
    {
      const LadderOutlineNode *item = node_at (tables, c);
      LadderImportItem *behaviour;

      if (item->kind != LADDER_OUTLINE_ITEM || item->text[0] == '\0')
        continue;
      behaviour = _ladder_import_builder_add_behaviour (builder, level, category, section,
                                                        item->text, item->line);
      n++;
      for (guint e = tables->first_child[c]; e != NONE; e = tables->next_sibling[e])
        if (node_at (tables, e)->kind == LADDER_OUTLINE_ITEM)
          _ladder_import_item_add_example (behaviour, node_at (tables, e)->text);
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


/* Reads every table the way @reading says; returns the behaviours made.
 * With a NULL builder, only counts what a reading would find. */
typedef struct
{
  guint n_levels;
  guint n_level_names;   /* that read as levels */
  guint n_cells;         /* body cells that could hold behaviours */
  guint n_filled;        /* of them, with text or items */
  guint n_behaviours;
  guint n_rows;          /* rows read, for a reading by rows */
} Tally;

/* The items under @item: behaviours in (@level, @category), their own
 * items examples. Returns how many. */
static guint
add_children (Tables              *tables,
              LadderImportBuilder *builder,
              guint                item,
              guint                level,
              guint                category)
{
  guint n = 0;

  for (guint c = tables->first_child[item]; c != NONE; c = tables->next_sibling[c])
    {
      const LadderOutlineNode *child = node_at (tables, c);
      LadderImportItem *behaviour;

      if (child->kind != LADDER_OUTLINE_ITEM || child->text[0] == '\0')
        continue;
      n++;
      if (builder == NULL)
        continue;
      behaviour = _ladder_import_builder_add_behaviour (builder, level, category, NULL,
                                                        child->text, child->line);
      for (guint e = tables->first_child[c]; e != NONE; e = tables->next_sibling[e])
        if (node_at (tables, e)->kind == LADDER_OUTLINE_ITEM)
          _ladder_import_item_add_example (behaviour, node_at (tables, e)->text);
    }

  return n;
}

/* "Impact: Delivers tasks" → "Delivers tasks". */
static const char *
after_label (const LadderOutlineNode *node)
{
  const char *p = node->text;
  gsize length = strlen (node->label);

  if (strncmp (p, node->label, length) != 0)
    return "";
  p += length;
  while (*p == ':' || *p == ' ')
    p++;

  return p;
}

/* One level per page: the page's title names the level (its front
 * matter's, else its only top heading) and no heading below it names
 * another; the headings with bullets under them are the categories. A
 * section with text but no bullets and no sections of its own (a table of
 * how time is split, a note) is not the framework: it is left out, and
 * the report says so. */
static void
read_one_level (Tables              *tables,
                LadderImportBuilder *builder,
                Tally               *tally)
{
  const char *level_name = _ladder_outline_get_title (tables->outline);
  guint title = NONE;
  guint level = LADDER_IMPORT_NONE;
  guint heading = NONE;
  guint category = LADDER_IMPORT_NONE;
  guint n_items = 0;
  gboolean has_text = FALSE;
  const char *paragraph_name = NULL;

  /* A whole page saved from a site: its navigation names every track
   * and level as headings with links under them; the level of the page is
   * the top heading naming one that has bullets under it. */
  if (level_name == NULL)
    {
      guint candidate = NONE;
      guint n_candidates = 0;

      for (guint i = 0; i < tables->n_nodes; i++)
        {
          const LadderOutlineNode *node = node_at (tables, i);

          if (node->kind == LADDER_OUTLINE_HEADING && node->depth == 1)
            candidate = _ladder_import_is_level_name (node->text) ? i : NONE;
          else if (candidate != NONE && node->kind == LADDER_OUTLINE_ITEM && node->parent == NONE)
            {
              if (title != candidate)
                n_candidates++;
              title = candidate;
            }
        }
      if (n_candidates > 1)
        title = NONE;
      if (title != NONE)
        level_name = node_at (tables, title)->text;
    }

  for (guint i = title != NONE ? title + 1 : 0; i < tables->n_nodes; i++)
    {
      const LadderOutlineNode *node = node_at (tables, i);

      if (node->kind != LADDER_OUTLINE_HEADING)
        continue;
      if (level_name == NULL && node->depth == 1 && title == NONE)
        {
          title = i;
          level_name = node->text;
        }
      else if (i != title && _ladder_import_is_level_name (node->text))
        return;
    }
  if (level_name == NULL || !_ladder_import_is_level_name (level_name))
    return;

  if (builder != NULL)
    level = _ladder_import_builder_add_level (builder, NULL, level_name);
  tally->n_levels = tally->n_level_names = 1;

  for (guint i = 0; i <= tables->n_nodes; i++)
    {
      const LadderOutlineNode *node = i < tables->n_nodes ? node_at (tables, i) : NULL;

      if (node == NULL || node->kind == LADDER_OUTLINE_HEADING)
        {
          /* The section that ends here, when it is not a group of
           * sections (the next heading deeper than its own). */
          if (heading != NONE && n_items == 0 && has_text && builder != NULL &&
              (node == NULL || node->depth <= node_at (tables, heading)->depth))
            {
              g_autofree char *message = g_strdup_printf (_("Left out the section “%s”: it holds no behaviours."),
                                                          node_at (tables, heading)->text);

              _ladder_import_builder_warn (builder, node_at (tables, heading)->line,
                                           node_at (tables, heading)->text, message);
            }
          if (node == NULL)
            break;
          heading = i != title ? i : NONE;
          category = LADDER_IMPORT_NONE;
          paragraph_name = NULL;
          n_items = 0;
          has_text = FALSE;
          continue;
        }

      if (title != NONE && i < title)
        continue;
      /* A short or bold paragraph right over a list names it. */
      if (node->kind == LADDER_OUTLINE_PARAGRAPH && node->parent == NONE && i + 1 < tables->n_nodes &&
          node_at (tables, i + 1)->kind == LADDER_OUTLINE_ITEM && node_at (tables, i + 1)->parent == NONE &&
          (node->label != NULL || _ladder_import_count_words (node->text, 7) <= 6))
        {
          paragraph_name = node->label != NULL ? node->label : node->text;
          category = LADDER_IMPORT_NONE;
          if (heading == NONE)
            heading = title;
          continue;
        }
      if (heading == NONE)
        continue;
      if (node->parent != NONE || node->kind != LADDER_OUTLINE_ITEM)
        {
          if (node->parent == NONE && node->text[0] != '\0')
            has_text = TRUE;
          continue;
        }
      if (node->text[0] == '\0')
        continue;

      n_items++;
      tally->n_cells++;
      tally->n_filled++;
      tally->n_behaviours++;
      if (builder == NULL)
        continue;
      if (category == LADDER_IMPORT_NONE)
        category = _ladder_import_builder_add_category (builder,
                                                        paragraph_name != NULL ? paragraph_name
                                                                               : node_at (tables, heading)->text,
                                                        NULL);
      {
        LadderImportItem *behaviour = _ladder_import_builder_add_behaviour (builder, level, category, NULL,
                                                                            node->text, node->line);

        for (guint e = tables->first_child[i]; e != NONE; e = tables->next_sibling[e])
          if (node_at (tables, e)->kind == LADDER_OUTLINE_ITEM)
            _ladder_import_item_add_example (behaviour, node_at (tables, e)->text);
      }
    }
}

/* "At this point, one is …": a sentence about the level as a whole, not
 * one thing the person does. */
static gboolean
frames_the_level (const char *text)
{
  static const char * const openings[] = {
    "at this point", "at this level", "at this stage", "in this role", "at this grade", NULL
  };

  for (guint i = 0; openings[i] != NULL; i++)
    if (g_ascii_strncasecmp (text, openings[i], strlen (openings[i])) == 0)
      return TRUE;

  return FALSE;
}

/* Under each heading that names no level, an ordered list whose item N
 * is what level N does: "1. Follows the runbook", "2. Runs a response". */
static void
read_ordered_levels (Tables              *tables,
                     LadderImportBuilder *builder,
                     Tally               *tally)
{
  g_autoptr(GHashTable) levels = g_hash_table_new (g_direct_hash, g_direct_equal);
  guint heading = NONE;

  for (guint i = 0; i < tables->n_nodes; i++)
    {
      const LadderOutlineNode *node = node_at (tables, i);
      LadderImportItem *behaviour;
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;
      guint level;
      guint category;

      if (node->kind == LADDER_OUTLINE_HEADING)
        {
          if (_ladder_import_is_level_name (node->text))
            {
              tally->n_levels = 0;
              return;
            }
          heading = i;
          continue;
        }
      if (node->kind != LADDER_OUTLINE_ITEM || node->parent != NONE || heading == NONE ||
          node->text[0] == '\0')
        continue;

      tally->n_cells++;
      if (!node->ordered || node->number == 0)
        continue;
      tally->n_filled++;
      tally->n_behaviours++;
      if (!g_hash_table_contains (levels, GUINT_TO_POINTER (node->number)))
        {
          g_hash_table_add (levels, GUINT_TO_POINTER (node->number));
          tally->n_levels++;
          tally->n_level_names++;
        }
      if (builder == NULL)
        continue;

      id = g_strdup_printf ("%u", node->number);
      name = g_strdup_printf ("Level %u", node->number);
      level = _ladder_import_builder_add_level (builder, id, name);
      category = _ladder_import_builder_add_category (builder, node_at (tables, heading)->text, NULL);
      behaviour = _ladder_import_builder_add_behaviour (builder, level, category, NULL,
                                                        node->text, node->line);
      for (guint e = tables->first_child[i]; e != NONE; e = tables->next_sibling[e])
        if (node_at (tables, e)->kind == LADDER_OUTLINE_ITEM)
          _ladder_import_item_add_example (behaviour, node_at (tables, e)->text);
    }
}

/* No heading names a level, but the headings of one depth come round
 * again: each round is the next level, "Level 1", "Level 2" …, and the
 * headings are its categories. */
static void
read_rounds (Tables              *tables,
             LadderImportBuilder *builder,
             Tally               *tally)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint per_depth[7] = { 0 };
  guint depth = 0;
  guint round = 0;
  guint level = LADDER_IMPORT_NONE;
  guint category = LADDER_IMPORT_NONE;
  gboolean counted = FALSE;

  /* The depth where a heading's name comes again. */
  for (guint i = 0; i < tables->n_nodes; i++)
    {
      const LadderOutlineNode *node = node_at (tables, i);
      g_autofree char *folded = NULL;
      char *key;

      if (node->kind != LADDER_OUTLINE_HEADING || node->depth > 6)
        continue;
      folded = _ladder_import_casefold_key (node->text);
      key = g_strdup_printf ("%u %s", node->depth, folded);
      if (g_hash_table_contains (seen, key))
        {
          per_depth[node->depth]++;
          g_free (key);
        }
      else
        {
          g_hash_table_add (seen, key);
        }
    }
  for (guint d = 1; d <= 6; d++)
    if (per_depth[d] > 0 && (depth == 0 || per_depth[d] > per_depth[depth]))
      depth = d;
  if (depth == 0)
    return;

  g_hash_table_remove_all (seen);
  for (guint i = 0; i < tables->n_nodes; i++)
    {
      const LadderOutlineNode *node = node_at (tables, i);

      if (node->kind == LADDER_OUTLINE_HEADING)
        {
          char *key;

          if (node->depth < depth)
            {
              category = LADDER_IMPORT_NONE;
              continue;
            }
          if (node->depth > depth)
            continue;
          key = _ladder_import_casefold_key (node->text);
          if (round == 0 || g_hash_table_contains (seen, key))
            {
              g_autofree char *name = NULL;

              g_hash_table_remove_all (seen);
              round++;
              counted = FALSE;
              if (builder != NULL)
                {
                  name = g_strdup_printf (_("Level %u"), round);
                  level = _ladder_import_builder_add_level (builder, NULL, name);
                }
            }
          g_hash_table_add (seen, key);
          category = builder != NULL ? _ladder_import_builder_add_category (builder, node->text, NULL) : 0;
          continue;
        }
      if (round == 0 || category == LADDER_IMPORT_NONE || node->kind != LADDER_OUTLINE_ITEM ||
          node->parent != NONE || node->text[0] == '\0')
        continue;
      if (!counted)
        {
          tally->n_levels++;
          tally->n_level_names++;
          counted = TRUE;
        }
      tally->n_cells++;
      tally->n_filled++;
      tally->n_behaviours++;
      if (builder == NULL)
        continue;
      {
        LadderImportItem *behaviour = _ladder_import_builder_add_behaviour (builder, level, category, NULL,
                                                                            node->text, node->line);

        for (guint e = tables->first_child[i]; e != NONE; e = tables->next_sibling[e])
          if (node_at (tables, e)->kind == LADDER_OUTLINE_ITEM)
            _ladder_import_item_add_example (behaviour, node_at (tables, e)->text);
      }
    }
}

/* A section that is not part of any framework, whatever it is under. */
static gboolean
is_other_section (const char *text)
{
  static const char * const names[] = {
    "faq", "frequently asked questions", "questions", "useful links", "links", "resources",
    "further reading", "references", "see also", "contents", "table of contents",
    "changelog", "change log", "licence", "license", "contributing", "navigation",
    "other pages", NULL
  };
  g_autofree char *key = _ladder_import_casefold_key (text);

  return g_strv_contains (names, key);
}

/* Headings and the outermost bullets under them, one naming the levels
 * and the other the categories. */
static void
read_lists (Tables              *tables,
            const Reading       *reading,
            LadderImportBuilder *builder,
            Tally               *tally)
{
  g_autoptr(GHashTable) levels = g_hash_table_new (g_str_hash, g_str_equal);
  const char *level_name = NULL;
  guint level_depth = 0;
  const char *category_name = NULL;
  guint category_depth = 0;

  guint per_depth[7] = { 0 };
  guint levels_depth = 0;
  guint outer_depth = 0;
  gboolean flat = FALSE;
  const char *outer_name = NULL;
  guint n_in_cell = 0;
  guint n_in_level = 0;
  gboolean started = FALSE;
  gboolean paragraphs = FALSE;
  gboolean first_in_level = FALSE;

  if (reading->kind == LADDER_IMPORT_READING_ONE_LEVEL)
    {
      read_one_level (tables, builder, tally);
      return;
    }
  if (reading->kind == LADDER_IMPORT_READING_ORDERED_LEVELS)
    {
      read_ordered_levels (tables, builder, tally);
      return;
    }

  /* The depth of headings where most name a level. */
  for (guint i = 0; i < tables->n_nodes; i++)
    {
      const LadderOutlineNode *node = node_at (tables, i);

      if (node->kind == LADDER_OUTLINE_HEADING && node->depth <= 6 &&
          _ladder_import_is_level_name (node->text))
        per_depth[node->depth]++;
    }
  for (guint d = 1; d <= 6; d++)
    if (per_depth[d] >= 2 && (levels_depth == 0 || per_depth[d] > per_depth[levels_depth]))
      levels_depth = d;
  /* A page of one level: its one level heading, under a title. */
  for (guint d = 2; d <= 6 && levels_depth == 0; d++)
    if (per_depth[d] == 1)
      levels_depth = d;

  if (reading->kind == LADDER_IMPORT_READING_HEADING_LEVELS && levels_depth > 0)
    {
      guint other_above[7] = { 0 };

      for (guint i = 0; i < tables->n_nodes; i++)
        {
          const LadderOutlineNode *node = node_at (tables, i);
          const LadderOutlineNode *next = i + 1 < tables->n_nodes ? node_at (tables, i + 1) : NULL;

          if (node->kind != LADDER_OUTLINE_HEADING || node->depth > 6)
            continue;
          if (!_ladder_import_is_level_name (node->text))
            other_above[node->depth]++;
          /* "## Level 1" then at once "## Craft": the levels and their
           * categories are headings of one depth, taking turns. */
          else if (node->depth == levels_depth && next != NULL &&
                   next->kind == LADDER_OUTLINE_HEADING && next->depth == levels_depth &&
                   !_ladder_import_is_level_name (next->text))
            flat = TRUE;
        }
      /* Categories one depth above the levels, each holding every level
       * again: the categories come first. */
      if (levels_depth >= 2 && other_above[levels_depth - 1] >= 2)
        outer_depth = levels_depth - 1;
    }

  /* Without a single bullet after the first level, each paragraph under
   * a level is a behaviour. */
  if (reading->kind == LADDER_IMPORT_READING_HEADING_LEVELS && levels_depth > 0)
    {
      gboolean after_first = FALSE;

      paragraphs = TRUE;
      for (guint i = 0; i < tables->n_nodes && paragraphs; i++)
        {
          const LadderOutlineNode *node = node_at (tables, i);

          if (node->kind == LADDER_OUTLINE_HEADING && node->depth == levels_depth &&
              _ladder_import_is_level_name (node->text))
            after_first = TRUE;
          else if (after_first && node->kind == LADDER_OUTLINE_ITEM)
            paragraphs = FALSE;
        }
    }

  for (guint i = 0; i < tables->n_nodes; i++)
    {
      const LadderOutlineNode *node = node_at (tables, i);
      const char *name;
      guint n;

      if (reading->kind == LADDER_IMPORT_READING_HEADING_LEVELS)
        {
          guint level;
          guint category;

          if (levels_depth == 0)
            {
              read_rounds (tables, builder, tally);
              return;
            }
          if (node->kind == LADDER_OUTLINE_HEADING)
            {
              /* Every heading at the levels' depth from the first level
               * on is a level; the sections before it (navigation,
               * contents) are not the framework. */
              if (node->depth == levels_depth && flat && level_name != NULL &&
                  !_ladder_import_is_level_name (node->text))
                {
                  category_name = node->text;
                  n_in_cell = 0;
                }
              else if (node->depth == levels_depth && started && is_other_section (node->text))
                {
                  /* The sections after the levels that are not the
                   * framework (links, questions). */
                  level_name = NULL;
                  if (builder != NULL)
                    {
                      g_autofree char *message = g_strdup_printf (_("Left out the section “%s”: it is not part of the framework."),
                                                                  node->text);

                      _ladder_import_builder_warn (builder, node->line, node->text, message);
                    }
                }
              else if (node->depth == levels_depth)
                {
                  started = started || _ladder_import_is_level_name (node->text);
                  level_name = started ? node->text : NULL;
                  category_name = outer_name;
                  first_in_level = TRUE;
                  n_in_cell = n_in_level = 0;
                }
              else if (node->depth < levels_depth)
                {
                  level_name = NULL;
                  outer_name = node->depth == outer_depth ? node->text : NULL;
                  if (outer_name != NULL && builder != NULL)
                    _ladder_import_builder_add_category (builder, outer_name, NULL);
                }
              else if (level_name != NULL)
                {
                  category_name = node->text;
                  n_in_cell = 0;
                }
              continue;
            }
          /* A paragraph before the first bullet describes what it is
           * under: a category (above its levels), a level, or a level's
           * part of a category. */
          if (!paragraphs && node->kind == LADDER_OUTLINE_PARAGRAPH && node->parent == NONE &&
              node->text[0] != '\0')
            {
              if (builder == NULL)
                continue;
              if (level_name == NULL && outer_name != NULL)
                {
                  _ladder_import_builder_set_category_description (builder,
                                                                   _ladder_import_builder_add_category (builder, outer_name, NULL),
                                                                   node->text);
                }
              else if (level_name != NULL && category_name == NULL && n_in_level == 0)
                {
                  _ladder_import_builder_set_level_summary (builder,
                                                            _ladder_import_builder_add_level (builder, NULL, level_name),
                                                            node->text);
                }
              else if (level_name != NULL && category_name != NULL && n_in_cell == 0)
                {
                  _ladder_import_builder_add_cell_summary (builder,
                                                           _ladder_import_builder_add_level (builder, NULL, level_name),
                                                           _ladder_import_builder_add_category (builder, category_name, NULL),
                                                           node->text);
                }
              continue;
            }
          if (paragraphs && node->kind == LADDER_OUTLINE_PARAGRAPH && node->parent == NONE &&
              level_name != NULL && node->text[0] != '\0')
            {
              gboolean first = first_in_level;

              first_in_level = FALSE;
              /* "Experience: 2 years" says what the level asks, not what
               * the person does. */
              if (node->label != NULL)
                {
                  if (builder != NULL)
                    {
                      g_autofree char *message = g_strdup_printf (_("Left out “%s”: a labelled line, not a behaviour."),
                                                                  node->label);

                      _ladder_import_builder_warn (builder, node->line, node->text, message);
                    }
                  continue;
                }
              if (first && frames_the_level (node->text))
                {
                  if (builder != NULL)
                    {
                      guint summarised = _ladder_import_builder_add_level (builder, NULL, level_name);

                      _ladder_import_builder_set_level_summary (builder, summarised, node->text);
                    }
                  continue;
                }
            }
          else if (node->kind != LADDER_OUTLINE_ITEM || node->parent != NONE || level_name == NULL ||
                   node->text[0] == '\0')
            continue;
          tally->n_cells++;
          tally->n_filled++;
          n_in_cell++;
          n_in_level++;
          if (!g_hash_table_contains (levels, level_name))
            {
              g_hash_table_add (levels, (gpointer) level_name);
              tally->n_levels++;
              if (_ladder_import_is_level_name (level_name))
                tally->n_level_names++;
            }
          if (builder == NULL)
            continue;
          level = _ladder_import_builder_add_level (builder, NULL, level_name);
          category = category_name != NULL
            ? _ladder_import_builder_add_category (builder, category_name, NULL)
            : LADDER_IMPORT_NONE;
          {
            LadderImportItem *behaviour = _ladder_import_builder_add_behaviour (builder, level, category, NULL,
                                                                                node->text, node->line);

            for (guint e = tables->first_child[i]; e != NONE; e = tables->next_sibling[e])
              if (node_at (tables, e)->kind == LADDER_OUTLINE_ITEM)
                _ladder_import_item_add_example (behaviour, node_at (tables, e)->text);
          }
          tally->n_behaviours++;
          continue;
        }

      if (node->kind == LADDER_OUTLINE_HEADING)
        {
          if (_ladder_import_is_level_name (node->text))
            {
              level_name = node->text;
              level_depth = node->depth;
            }
          else
            {
              if (level_name != NULL && node->depth <= level_depth)
                level_name = NULL;
              category_name = node->text;
              category_depth = node->depth;
            }
          continue;
        }

      if (node->kind != LADDER_OUTLINE_ITEM || node->parent != NONE)
        continue;

      if (reading->kind == LADDER_IMPORT_READING_HEADING_LABELS)
        {
          guint level;
          guint category;
          const char *rest;

          if (level_name == NULL)
            continue;
          tally->n_cells++;
          /* Under a sub-heading of the level, which is the category, a
           * label only starts the behaviour's sentence. */
          if (node->label == NULL || (category_name != NULL && category_depth > level_depth))
            continue;
          if (!g_hash_table_contains (levels, level_name))
            {
              g_hash_table_add (levels, (gpointer) level_name);
              tally->n_levels++;
              tally->n_level_names++;
            }
          rest = after_label (node);
          if (builder == NULL)
            {
              if (add_children (tables, NULL, i, 0, 0) > 0 || *rest != '\0')
                tally->n_filled++;
              continue;
            }
          level = _ladder_import_builder_add_level (builder, NULL, level_name);
          category = _ladder_import_builder_add_category (builder, node->label, NULL);
          n = add_children (tables, builder, i, level, category);
          if (n == 0 && *rest != '\0')
            {
              _ladder_import_builder_add_behaviour (builder, level, category, NULL, rest, node->line);
              n = 1;
            }
          else if (*rest != '\0')
            {
              _ladder_import_builder_add_cell_summary (builder, level, category, rest);
            }
          tally->n_behaviours += n;
          if (n > 0)
            tally->n_filled++;
        }
      else
        {
          guint level;
          guint category;

          if (category_name == NULL || level_name != NULL)
            continue;
          tally->n_cells++;
          name = node->label != NULL ? node->label : node->text;
          if (!_ladder_import_is_level_name (name))
            continue;
          if (!g_hash_table_contains (levels, name))
            {
              g_hash_table_add (levels, (gpointer) name);
              tally->n_levels++;
              tally->n_level_names++;
            }
          if (builder == NULL)
            {
              if (add_children (tables, NULL, i, 0, 0) > 0)
                tally->n_filled++;
              continue;
            }
          level = _ladder_import_builder_add_level (builder, NULL, name);
          category = _ladder_import_builder_add_category (builder, category_name, NULL);
          n = add_children (tables, builder, i, level, category);
          tally->n_behaviours += n;
          if (n > 0)
            tally->n_filled++;
        }
    }
}

/* How many of @row's cells say something. */
static guint
count_filled_cells (Tables *tables,
                    guint   row)
{
  guint n = 0;

  for (guint c = tables->first_child[row]; c != NONE; c = tables->next_sibling[c])
    if (!is_blank_cell (node_at (tables, c)->text) || tables->first_child[c] != NONE)
      n++;

  return n;
}

/* The row that names the table's columns: the first of two cells or more.
 * A row of one cell above it is the table's title ("Career Levels V2"). */
static guint
find_header_row (Tables *tables,
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
  const char *header_name = node_at (tables, tables->first_child[header])->text;

  *title = NONE;
  for (guint row = tables->next_sibling[header]; row != NONE; row = tables->next_sibling[row])
    {
      guint next;

      if (count_filled_cells (tables, row) > 0)
        continue;
      next = tables->next_sibling[row];
      if (next != NONE && count_filled_cells (tables, next) == 1 && count_children (tables, next) >= 1 &&
          !is_blank_cell (node_at (tables, tables->first_child[next])->text))
        {
          *title = tables->first_child[next];
          next = tables->next_sibling[next];
        }
      if (next != NONE && *header_name != '\0' && tables->first_child[next] != NONE &&
          g_utf8_collate (node_at (tables, tables->first_child[next])->text, header_name) == 0)
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

  return n_columns > 2 && first != NONE && !is_blank_cell (node_at (tables, first)->text) &&
         count_filled_cells (tables, row) == 1;
}

static void
read_tables (Tables              *tables,
             const Reading       *reading,
             LadderImportBuilder *builder,
             Tally               *tally)
{
  g_autoptr(GHashTable) levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint t = 0; t < tables->tables->len; t++)
    {
      guint table = g_array_index (tables->tables, guint, t);
      guint header = find_header_row (tables, table);
      guint n_columns;
      guint second = NONE;
      guint second_title = NONE;
      gboolean grouped = FALSE;
      const char *group = NULL;
      const char *heading = tables->heading[t] != NONE ? node_at (tables, tables->heading[t])->text : NULL;

      if (header == NONE)
        continue;
      n_columns = count_children (tables, header);

      second = find_second_table (tables, header, &second_title);
      if (second != NONE && builder != NULL)
        {
          const LadderOutlineNode *title = second_title != NONE ? node_at (tables, second_title) : NULL;
          g_autofree char *message = NULL;

          if (title != NULL)
            message = g_strdup_printf (_("Left out “%s”: a second table inside the table, after an empty row. Import it on its own to keep it."),
                                       title->text);
          else
            message = g_strdup (_("Left out the rows after an empty row: they make a second table inside the table. Import it on its own to keep it."));
          _ladder_import_builder_warn (builder, title != NULL ? title->line : node_at (tables, second)->line,
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

          if (first == NONE)
            continue;
          row_name = node_at (tables, first)->text;
          if (grouped && is_group_row (tables, row, n_columns))
            {
              group = row_name;
              continue;
            }
          /* A row under a level's name spanning it is more of that
           * level, not a record naming it again. */
          if (!node_at (tables, first)->spanned)
            tally->n_rows++;

          /* A level's name and one cell across the table: its summary. */
          if (reading->kind == LADDER_IMPORT_READING_ROWS && n_columns > 2 &&
              count_children (tables, row) == 2 && *row_name != '\0')
            {
              guint across = tables->next_sibling[first];

              if (builder != NULL && !is_blank_cell (node_at (tables, across)->text))
                _ladder_import_builder_set_level_summary (builder,
                                                          _ladder_import_builder_add_level (builder, NULL, row_name),
                                                          node_at (tables, across)->text);
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
              level_name = node_at (tables, level_cell)->text;
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
              if (node_at (tables, text_cell)->text[0] != '\0' || tables->first_child[text_cell] != NONE)
                tally->n_filled++;
              if (builder != NULL)
                {
                  guint level = _ladder_import_builder_add_level (builder, NULL, level_name);
                  guint category = category_cell != NONE && node_at (tables, category_cell)->text[0] != '\0'
                    ? _ladder_import_builder_add_category (builder, node_at (tables, category_cell)->text, NULL)
                    : LADDER_IMPORT_NONE;

                  tally->n_behaviours += add_cell (tables, builder, text_cell, level, category, NULL);
                }
              continue;
            }

          /* The row's cells beside the header's, one step each. */
          for (guint column = 1, cell = tables->next_sibling[first],
                 header_cell = tables->next_sibling[tables->first_child[header]];
               column < n_columns && cell != NONE && header_cell != NONE;
               column++, cell = tables->next_sibling[cell], header_cell = tables->next_sibling[header_cell])
            {
              const char *column_name = node_at (tables, header_cell)->text;
              const char *level_name = reading->kind == LADDER_IMPORT_READING_ROWS ? row_name : column_name;
              const char *category_name;
              const char *section = NULL;

              if (*level_name == '\0')
                continue;

              /* A summary of the column's level, above the groups. */
              if (grouped && group == NULL)
                {
                  if (builder != NULL && !is_blank_cell (node_at (tables, cell)->text))
                    {
                      guint level = _ladder_import_builder_add_level (builder, NULL, level_name);

                      _ladder_import_builder_set_level_summary (builder, level, node_at (tables, cell)->text);
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
                      node_at (tables, cell_at (tables, next, 0))->spanned &&
                      tables->first_child[below] != NONE)
                    {
                      if (builder != NULL && !is_blank_cell (node_at (tables, cell)->text))
                        _ladder_import_builder_add_cell_summary (builder,
                                                                 _ladder_import_builder_add_level (builder, NULL, level_name),
                                                                 _ladder_import_builder_add_category (builder, category_name, NULL),
                                                                 node_at (tables, cell)->text);
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
              if (!is_blank_cell (node_at (tables, cell)->text) || tables->first_child[cell] != NONE)
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
        }
    }
}

static guint score_tally (const Tally *tally);

static guint
score_reading (Tables  *tables,
               Reading *reading)
{
  Tally tally = { 0 };
  guint score;

  if (reading->kind >= LADDER_IMPORT_READING_HEADING_LABELS)
    read_lists (tables, reading, NULL, &tally);
  else
    read_tables (tables, reading, NULL, &tally);
  score = score_tally (&tally);
  reading->n_filled = tally.n_filled;
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
  guint header = find_header_row (tables, table);
  guint column = 0;

  reading->level_column = reading->category_column = reading->text_column = NONE;
  if (header == NONE)
    return;

  for (guint cell = tables->first_child[header]; cell != NONE; cell = tables->next_sibling[cell], column++)
    {
      const char *text = node_at (tables, cell)->text;

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
      for (guint kind = LADDER_IMPORT_READING_COLUMNS_BY_HEADING; kind <= LADDER_IMPORT_READING_RECORDS; kind++)
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
    read_lists (&tables, reading, builder, &tally);
  else
    read_tables (&tables, reading, builder, &tally);
  tables_clear (&tables);

  return tally.n_behaviours;
}
