/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The readings of an outline's headings and bullets: one names the
 * levels and the other the categories, or the page is one level, or an
 * ordered list's item N is level N. Scored and chosen in
 * ladder-import-reading.c. */

#define G_LOG_DOMAIN "ladder-import-reading"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ladder-import-outline-private.h"
#include "ladder-import-private.h"
#include "ladder-import-reading-private.h"

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
      const LadderOutlineNode *child = _ladder_import_node_at (tables, c);
      LadderImportItem *behaviour;

      if (child->kind != LADDER_OUTLINE_ITEM || child->text[0] == '\0')
        continue;
      n++;
      if (builder == NULL)
        continue;
      behaviour = _ladder_import_builder_add_behaviour (builder, level, category, NULL,
                                                        child->text, child->line);
      for (guint e = tables->first_child[c]; e != NONE; e = tables->next_sibling[e])
        if (_ladder_import_node_at (tables, e)->kind == LADDER_OUTLINE_ITEM)
          _ladder_import_item_add_example (behaviour, _ladder_import_node_at (tables, e)->text);
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
          const LadderOutlineNode *node = _ladder_import_node_at (tables, i);

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
        level_name = _ladder_import_node_at (tables, title)->text;
    }

  for (guint i = title != NONE ? title + 1 : 0; i < tables->n_nodes; i++)
    {
      const LadderOutlineNode *node = _ladder_import_node_at (tables, i);

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
      const LadderOutlineNode *node = i < tables->n_nodes ? _ladder_import_node_at (tables, i) : NULL;

      if (node == NULL || node->kind == LADDER_OUTLINE_HEADING)
        {
          /* The section that ends here, when it is not a group of
           * sections (the next heading deeper than its own). */
          if (heading != NONE && n_items == 0 && has_text && builder != NULL &&
              (node == NULL || node->depth <= _ladder_import_node_at (tables, heading)->depth))
            {
              g_autofree char *message = g_strdup_printf (_("Left out the section “%s”: it holds no behaviours."),
                                                          _ladder_import_node_at (tables, heading)->text);

              _ladder_import_builder_warn (builder, _ladder_import_node_at (tables, heading)->line,
                                           _ladder_import_node_at (tables, heading)->text, message);
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
          _ladder_import_node_at (tables, i + 1)->kind == LADDER_OUTLINE_ITEM && _ladder_import_node_at (tables, i + 1)->parent == NONE &&
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
                                                                               : _ladder_import_node_at (tables, heading)->text,
                                                        NULL);
      {
        LadderImportItem *behaviour = _ladder_import_builder_add_behaviour (builder, level, category, NULL,
                                                                            node->text, node->line);

        for (guint e = tables->first_child[i]; e != NONE; e = tables->next_sibling[e])
          if (_ladder_import_node_at (tables, e)->kind == LADDER_OUTLINE_ITEM)
            _ladder_import_item_add_example (behaviour, _ladder_import_node_at (tables, e)->text);
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
      const LadderOutlineNode *node = _ladder_import_node_at (tables, i);
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
      category = _ladder_import_builder_add_category (builder, _ladder_import_node_at (tables, heading)->text, NULL);
      behaviour = _ladder_import_builder_add_behaviour (builder, level, category, NULL,
                                                        node->text, node->line);
      for (guint e = tables->first_child[i]; e != NONE; e = tables->next_sibling[e])
        if (_ladder_import_node_at (tables, e)->kind == LADDER_OUTLINE_ITEM)
          _ladder_import_item_add_example (behaviour, _ladder_import_node_at (tables, e)->text);
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
  gboolean started = FALSE;
  gboolean paragraphs = TRUE;

  /* The depth where a heading's name comes again. */
  for (guint i = 0; i < tables->n_nodes; i++)
    {
      const LadderOutlineNode *node = _ladder_import_node_at (tables, i);
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

  /* Without a single bullet under the headings, each paragraph is a
   * behaviour, and the items under it its examples. */
  for (guint i = 0; i < tables->n_nodes && !started; i++)
    {
      const LadderOutlineNode *node = _ladder_import_node_at (tables, i);

      started = node->kind == LADDER_OUTLINE_HEADING && node->depth == depth;
      for (guint j = i + 1; started && j < tables->n_nodes && paragraphs; j++)
        {
          const LadderOutlineNode *after = _ladder_import_node_at (tables, j);

          paragraphs = !(after->kind == LADDER_OUTLINE_ITEM && after->parent == NONE);
        }
    }

  g_hash_table_remove_all (seen);
  for (guint i = 0; i < tables->n_nodes; i++)
    {
      const LadderOutlineNode *node = _ladder_import_node_at (tables, i);

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
      if (round == 0 || category == LADDER_IMPORT_NONE ||
          node->kind != (paragraphs ? LADDER_OUTLINE_PARAGRAPH : LADDER_OUTLINE_ITEM) ||
          node->parent != NONE || node->text[0] == '\0')
        continue;
      if (!counted)
        {
          tally->n_levels++;
          tally->n_invented++;
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
          if (_ladder_import_node_at (tables, e)->kind == LADDER_OUTLINE_ITEM)
            _ladder_import_item_add_example (behaviour, _ladder_import_node_at (tables, e)->text);
      }
    }
}

/* "Adopts", "Designs": one capitalised word ending in a single s, a
 * verb in the third person, as a behaviour starts. */
static gboolean
is_verb_label (const char *label)
{
  gsize length = strlen (label);

  if (length < 3 || !g_ascii_isupper (label[0]) || strchr (label, ' ') != NULL)
    return FALSE;
  for (gsize i = 1; i < length; i++)
    if (!g_ascii_islower (label[i]))
      return FALSE;

  return label[length - 1] == 's' && label[length - 2] != 's';
}

/* Label bullets whose labels are verbs that change from level to level
 * ("Adopts:", then "Specializes:"), the same number under every level:
 * the labels start each behaviour's sentence, and the category is the
 * bullet's place in its level (the first is always about technology, the
 * second about the system …). */
static gboolean
labels_by_position (Tables *tables)
{
  g_autoptr(GHashTable) distinct = g_hash_table_new (g_str_hash, g_str_equal);
  guint level_depth = 0;
  guint n_levels = 0;
  guint per_level = 0;
  guint first_count = NONE;
  guint n_labels = 0;
  guint n_verbs = 0;
  gboolean same_counts = TRUE;
  guint per_depth[7] = { 0 };

  /* The levels are the headings of the depth where most name one (the
   * title above them may name the role: "Developer"). */
  for (guint i = 0; i < tables->n_nodes; i++)
    {
      const LadderOutlineNode *node = _ladder_import_node_at (tables, i);

      if (node->kind == LADDER_OUTLINE_HEADING && node->depth <= 6 &&
          _ladder_import_is_level_name (node->text))
        per_depth[node->depth]++;
    }
  for (guint d = 1; d <= 6; d++)
    if (per_depth[d] > per_depth[level_depth])
      level_depth = d;
  if (level_depth == 0)
    return FALSE;

  for (guint i = 0; i <= tables->n_nodes; i++)
    {
      const LadderOutlineNode *node = i < tables->n_nodes ? _ladder_import_node_at (tables, i) : NULL;

      if (node == NULL || (node->kind == LADDER_OUTLINE_HEADING && node->depth <= level_depth))
        {
          if (n_levels > 0)
            {
              if (first_count == NONE)
                first_count = per_level;
              else if (per_level != first_count)
                same_counts = FALSE;
            }
          if (node == NULL)
            break;
          if (node->depth < level_depth || !_ladder_import_is_level_name (node->text))
            {
              /* A section after the levels ends them. */
              if (n_levels > 0)
                break;
              continue;
            }
          n_levels++;
          per_level = 0;
          continue;
        }
      if (n_levels == 0 || node->kind != LADDER_OUTLINE_ITEM || node->parent != NONE ||
          node->label == NULL)
        continue;
      per_level++;
      n_labels++;
      if (is_verb_label (node->label))
        n_verbs++;
      g_hash_table_add (distinct, node->label);
    }

  return n_levels >= 2 && same_counts && first_count != NONE && first_count >= 2 &&
         g_hash_table_size (distinct) > first_count && 2 * n_verbs > n_labels;
}

/* Headings and the outermost bullets under them, one naming the levels
 * and the other the categories. */
void
_ladder_import_read_lists (Tables              *tables,
                           const Reading       *reading,
                           LadderImportBuilder *builder,
                           Tally               *tally)
{
  g_autoptr(GHashTable) levels = g_hash_table_new (g_str_hash, g_str_equal);
  const char *level_name = NULL;
  guint level_depth = 0;
  const char *category_name = NULL;
  guint category_depth = 0;
  const char *section_name = NULL;
  gboolean one_track = TRUE;

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
  gboolean by_position = FALSE;
  guint position = 0;

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
      const LadderOutlineNode *node = _ladder_import_node_at (tables, i);

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
          const LadderOutlineNode *node = _ladder_import_node_at (tables, i);
          const LadderOutlineNode *next = i + 1 < tables->n_nodes ? _ladder_import_node_at (tables, i + 1) : NULL;

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

      /* No heading names a category: the page is one track, whose
       * level summaries are its cells' too. */
      for (guint i = 0; i < tables->n_nodes && one_track; i++)
        {
          const LadderOutlineNode *node = _ladder_import_node_at (tables, i);

          one_track = !(node->kind == LADDER_OUTLINE_HEADING && node->depth > levels_depth);
        }
      one_track = one_track && outer_depth == 0 && !flat;
    }

  /* Without a single bullet after the first level, each paragraph under
   * a level is a behaviour. */
  if (reading->kind == LADDER_IMPORT_READING_HEADING_LEVELS && levels_depth > 0)
    {
      gboolean after_first = FALSE;

      paragraphs = TRUE;
      for (guint i = 0; i < tables->n_nodes && paragraphs; i++)
        {
          const LadderOutlineNode *node = _ladder_import_node_at (tables, i);

          if (node->kind == LADDER_OUTLINE_HEADING && node->depth == levels_depth &&
              _ladder_import_is_level_name (node->text))
            after_first = TRUE;
          /* Items under a paragraph are its examples. */
          else if (after_first && node->kind == LADDER_OUTLINE_ITEM && node->parent == NONE)
            paragraphs = FALSE;
        }
    }

  if (reading->kind == LADDER_IMPORT_READING_HEADING_LABELS)
    by_position = labels_by_position (tables);

  for (guint i = 0; i < tables->n_nodes; i++)
    {
      const LadderOutlineNode *node = _ladder_import_node_at (tables, i);
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
            section_name = NULL;
          /* A short line right above bullets ("Engineering") names their
           * section, until the next heading or label. */
          if (node->kind == LADDER_OUTLINE_LABEL && node->parent == NONE)
            {
              section_name = node->label != NULL ? node->label : node->text;
              continue;
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
              else if (node->depth == levels_depth && started && _ladder_import_is_other_section (node->text))
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
                  /* A category with nothing at this level is still one. */
                  if (builder != NULL)
                    _ladder_import_builder_add_category (builder, category_name, NULL);
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
                  guint summarised = _ladder_import_builder_add_level (builder, NULL, level_name);

                  _ladder_import_builder_set_level_summary (builder, summarised, node->text);
                  if (one_track)
                    _ladder_import_builder_add_cell_summary (builder, summarised, LADDER_IMPORT_NONE,
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
          /* "E.g. Built the stats pipeline": an example of what the
           * level's cell asks, not a behaviour. */
          if (node->kind == LADDER_OUTLINE_ITEM && _ladder_import_strip_example_prefix (node->text) != NULL)
            {
              if (builder != NULL)
                _ladder_import_builder_add_cell_example (builder,
                                                         _ladder_import_builder_add_level (builder, NULL, level_name),
                                                         category_name != NULL
                                                           ? _ladder_import_builder_add_category (builder, category_name, NULL)
                                                           : LADDER_IMPORT_NONE,
                                                         _ladder_import_strip_example_prefix (node->text));
              continue;
            }
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
            LadderImportItem *behaviour = _ladder_import_builder_add_behaviour (builder, level, category, section_name,
                                                                                node->text, node->line);

            for (guint e = tables->first_child[i]; e != NONE; e = tables->next_sibling[e])
              if (_ladder_import_node_at (tables, e)->kind == LADDER_OUTLINE_ITEM)
                _ladder_import_item_add_example (behaviour, _ladder_import_node_at (tables, e)->text);
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
              position = 0;
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
          /* A verb that changes from level to level starts the
           * behaviour's sentence. */
          rest = by_position ? node->text : after_label (node);
          if (builder == NULL)
            {
              if (add_children (tables, NULL, i, 0, 0) > 0 || *rest != '\0')
                tally->n_filled++;
              continue;
            }
          level = _ladder_import_builder_add_level (builder, NULL, level_name);
          if (by_position)
            {
              /* Category names are data, in the framework's language;
               * the person names them in the preview. */
              g_autofree char *place = g_strdup_printf ("Category %u", ++position);

              category = _ladder_import_builder_add_category (builder, place, NULL);
            }
          else
            {
              category = _ladder_import_builder_add_category (builder, node->label, NULL);
            }
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
