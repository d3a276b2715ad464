/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderMerge: entries merged by id with their tombstones, which every
 * kind of entry goes through (ladder-merge.c says how the result stays
 * the same in either direction), and the comparisons of versions that
 * the kinds share. */

#define G_LOG_DOMAIN "ladder-merge"

#include "config.h"

#include <string.h>

#include "ladder-json-private.h"
#include "ladder-merge-private.h"

/* Comparing versions {{{1 */

int
_ladder_merge_compare_times (GDateTime *a,
                             GDateTime *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);

  return g_date_time_compare (a, b);
}

int
_ladder_merge_compare_dates (const GDate *a,
                             const GDate *b)
{
  gboolean a_valid = a != NULL && g_date_valid (a);
  gboolean b_valid = b != NULL && g_date_valid (b);

  if (!a_valid || !b_valid)
    return a_valid - b_valid;

  return g_date_compare (a, b);
}

/* A value with its own stamp (a side of a rating, a field of a focus):
 * > 0 when the version of @theirs wins over that of @ours. A value never
 * given has no stamp and wins nothing; on equal stamps @theirs_vs_ours,
 * the order of the two values, decides, alike in either direction. */
int
_ladder_merge_compare_stamped (GDateTime *ours,
                               GDateTime *theirs,
                               int        theirs_vs_ours)
{
  int c;

  if (theirs == NULL)
    return -1;
  if (ours == NULL)
    return 1;

  c = g_date_time_compare (theirs, ours);

  return c != 0 ? c : theirs_vs_ours;
}

int
_ladder_merge_compare_strv (const char * const *a,
                            const char * const *b)
{
  guint i;

  for (i = 0; a != NULL && b != NULL && a[i] != NULL && b[i] != NULL; i++)
    {
      int c = strcmp (a[i], b[i]);

      if (c != 0)
        return c;
    }

  return (a != NULL && a[i] != NULL) - (b != NULL && b[i] != NULL);
}

int
_ladder_merge_compare_extra (gpointer a,
                             gpointer b)
{
  JsonObject *a_extra = _ladder_json_get_extra (a);
  JsonObject *b_extra = _ladder_json_get_extra (b);
  g_autoptr (JsonNode) a_node = NULL;
  g_autoptr (JsonNode) b_node = NULL;
  g_autofree char *a_text = NULL;
  g_autofree char *b_text = NULL;

  if (a_extra == NULL || b_extra == NULL)
    return (a_extra != NULL) - (b_extra != NULL);

  a_node = json_node_init_object (json_node_alloc (), a_extra);
  b_node = json_node_init_object (json_node_alloc (), b_extra);
  if (json_node_equal (a_node, b_node))
    return 0;

  a_text = json_to_string (a_node, FALSE);
  b_text = json_to_string (b_node, FALSE);

  return g_strcmp0 (a_text, b_text);
}

void
_ladder_merge_copy_extra (gpointer from,
                          gpointer to)
{
  _ladder_json_set_extra (to, _ladder_json_get_extra (from));
}

/* Merging in order {{{1 */

/* The merge step of merge sort over two lists of ids, each element taken
 * once: see the top of ladder-merge.c. @compare orders two ids that
 * differ and never returns 0 for them. */
GPtrArray *
_ladder_merge_order (GPtrArray *ours,
                     GPtrArray *theirs,
                     OrderFunc  compare,
                     gpointer   user_data)
{
  g_autoptr (GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *merged = g_ptr_array_sized_new (MAX (ours->len, theirs->len));
  guint i = 0, j = 0;

  for (;;)
    {
      const char *next;

      while (i < ours->len && g_hash_table_contains (taken, ours->pdata[i]))
        i++;
      while (j < theirs->len && g_hash_table_contains (taken, theirs->pdata[j]))
        j++;

      if (i == ours->len && j == theirs->len)
        break;
      else if (i == ours->len)
        next = theirs->pdata[j++];
      else if (j == theirs->len)
        next = ours->pdata[i++];
      else if (g_str_equal (ours->pdata[i], theirs->pdata[j]))
        {
          next = ours->pdata[i++];
          j++;
        }
      else if (compare (ours->pdata[i], theirs->pdata[j], user_data) < 0)
        next = ours->pdata[i++];
      else
        next = theirs->pdata[j++];

      g_hash_table_add (taken, (gpointer) next);
      g_ptr_array_add (merged, (gpointer) next);
    }

  return merged;
}

/* Entries merged by id: evidence, check-ins, actions, promotions,
 * agenda topics {{{1 */

typedef struct
{
  gpointer   live;
  GDateTime *deleted;
} Side;

/* > 0 when @a wins, < 0 when @b wins, 0 when they are the same. */
static int
compare_sides (const EntryKind *kind,
               const Side      *a,
               const Side      *b)
{
  if (a->live == NULL && a->deleted == NULL)
    return -1;
  if (b->live == NULL && b->deleted == NULL)
    return 1;

  if (a->live != NULL && b->live != NULL)
    {
      int c = _ladder_merge_compare_times (kind->get_modified (a->live),
                                           kind->get_modified (b->live));

      return c != 0 ? c : kind->compare_content (a->live, b->live);
    }

  if (a->deleted != NULL && b->deleted != NULL)
    return g_date_time_compare (a->deleted, b->deleted);

  /* A deletion wins over an edit made no later than it. */
  if (a->live != NULL)
    return _ladder_merge_compare_times (kind->get_modified (a->live), b->deleted) > 0 ? 1 : -1;
  else
    return _ladder_merge_compare_times (kind->get_modified (b->live), a->deleted) > 0 ? -1 : 1;
}

typedef struct
{
  const EntryKind *kind;
  GHashTable      *winners;          /* id → live winning item */
} OrderData;

static int
order_by_winner (const char *a,
                 const char *b,
                 gpointer    user_data)
{
  OrderData *data = user_data;

  return data->kind->compare_order (g_hash_table_lookup (data->winners, a),
                                    g_hash_table_lookup (data->winners, b));
}

static GHashTable *
index_live (const EntryKind *kind,
            GListModel      *model,
            GPtrArray       *ids)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      gpointer item = g_list_model_get_item (model, i);

      g_hash_table_insert (index, (gpointer) kind->get_id (item), item);
      g_ptr_array_add (ids, (gpointer) kind->get_id (item));
    }

  return index;
}

/* When the two copies hold shared entries in different orders (each got
 * them from a third copy at a different time), inserting is not enough
 * to reach the merged order: sort. */
void
_ladder_merge_reorder_if_needed (gpointer      container,
                                 GListModel   *live,
                                 const char *(*get_id) (gpointer item),
                                 GPtrArray    *merged,
                                 void        (*reorder) (gpointer    container,
                                                         GHashTable *position))
{
  g_autoptr (GHashTable) position = NULL;
  guint n = g_list_model_get_n_items (live);

  g_assert (n == merged->len);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (live, i);

      if (!g_str_equal (get_id (item), merged->pdata[i]))
        break;
      if (i + 1 == n)
        return;
    }

  if (n == 0)
    return;

  position = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < merged->len; i++)
    g_hash_table_insert (position, merged->pdata[i], GUINT_TO_POINTER (i + 1));

  reorder (container, position);
}

void
_ladder_merge_entries (LadderMerge     *self,
                       const EntryKind *kind,
                       gpointer         container,
                       GListModel      *ours_live,
                       GHashTable      *ours_deleted,
                       GListModel      *theirs_live,
                       GHashTable      *theirs_deleted)
{
  g_autoptr (GPtrArray) ours_ids = g_ptr_array_new ();
  g_autoptr (GPtrArray) theirs_ids = g_ptr_array_new ();
  g_autoptr (GPtrArray) all_ids = g_ptr_array_new ();
  g_autoptr (GPtrArray) kept_ours = g_ptr_array_new ();
  g_autoptr (GPtrArray) kept_theirs = g_ptr_array_new ();
  g_autoptr (GPtrArray) merged = NULL;
  g_autoptr (GHashTable) ours_index = NULL;
  g_autoptr (GHashTable) theirs_index = NULL;
  g_autoptr (GHashTable) winners = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;
  OrderData order = { kind, winners };

  ours_index = index_live (kind, ours_live, ours_ids);
  theirs_index = index_live (kind, theirs_live, theirs_ids);

  /* Every id once: live ones in list order, then the tombstones. */
  g_ptr_array_extend (all_ids, ours_ids, NULL, NULL);
  g_ptr_array_extend (all_ids, theirs_ids, NULL, NULL);
  g_hash_table_iter_init (&iter, ours_deleted);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (all_ids, key);
  g_hash_table_iter_init (&iter, theirs_deleted);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (all_ids, key);

  /* The tombstone tables may change below: work on copies of the ids. */
  for (guint i = 0; i < all_ids->len; i++)
    all_ids->pdata[i] = g_strdup (all_ids->pdata[i]);
  g_ptr_array_set_free_func (all_ids, g_free);

  /* Decide every id before changing anything: removing an entry from
   * "ours" may free the last reference to its id. */
  for (guint i = 0; i < all_ids->len; i++)
    {
      const char *id = all_ids->pdata[i];
      Side ours, theirs;
      int c;

      if (!g_hash_table_add (seen, (gpointer) id))
        continue;

      ours.live = g_hash_table_lookup (ours_index, id);
      ours.deleted = ours.live == NULL ? g_hash_table_lookup (ours_deleted, id) : NULL;
      theirs.live = g_hash_table_lookup (theirs_index, id);
      theirs.deleted = theirs.live == NULL ? g_hash_table_lookup (theirs_deleted, id) : NULL;

      c = compare_sides (kind, &ours, &theirs);

      if (c >= 0)
        {
          if (ours.live != NULL)
            g_hash_table_insert (winners, (gpointer) id, ours.live);
        }
      else if (theirs.live != NULL)
        {
          g_hash_table_insert (winners, (gpointer) id, theirs.live);

          /* A newer stamp on the same contents changes nothing a person
           * would see. */
          if (ours.live != NULL)
            {
              if (kind->compare_content (ours.live, theirs.live) != 0)
                kind->describe (self, CHANGE_CHANGED, theirs.live, container);
            }
          else
            kind->describe (self, CHANGE_ADDED, theirs.live, container);
        }
      else if (ours.live != NULL)
        kind->describe (self, CHANGE_DELETED, ours.live, container);
    }

  for (guint i = 0; i < ours_ids->len; i++)
    if (g_hash_table_contains (winners, ours_ids->pdata[i]))
      g_ptr_array_add (kept_ours, ours_ids->pdata[i]);
  for (guint i = 0; i < theirs_ids->len; i++)
    if (g_hash_table_contains (winners, theirs_ids->pdata[i]))
      g_ptr_array_add (kept_theirs, theirs_ids->pdata[i]);

  merged = _ladder_merge_order (kept_ours, kept_theirs, order_by_winner, &order);

  /* What both keep may hold entries of its own to merge. */
  if (kind->merge_children != NULL)
    {
      for (guint i = 0; i < merged->len; i++)
        {
          gpointer ours_item = g_hash_table_lookup (ours_index, merged->pdata[i]);
          gpointer theirs_item = g_hash_table_lookup (theirs_index, merged->pdata[i]);

          if (ours_item != NULL && theirs_item != NULL)
            kind->merge_children (self, ours_item, theirs_item);
        }
    }

  if (!self->applying)
    return;

  /* Deletions and tombstones, then edits, then new entries at their
   * place in the merged order. */
  g_hash_table_remove_all (seen);
  for (guint i = 0; i < all_ids->len; i++)
    {
      const char *id = all_ids->pdata[i];
      GDateTime *deleted;

      if (!g_hash_table_add (seen, (gpointer) id) ||
          g_hash_table_contains (winners, id) ||
          g_hash_table_contains (theirs_index, id))
        continue;

      deleted = g_hash_table_lookup (theirs_deleted, id);
      if (deleted == NULL ||
          _ladder_merge_compare_times (g_hash_table_lookup (ours_deleted, id), deleted) >= 0)
        continue;

      if (g_hash_table_contains (ours_index, id))
        kind->remove (container, id, deleted);
      else
        kind->add_tombstone (container, id, deleted);
    }

  for (guint i = 0; i < merged->len; i++)
    {
      const char *id = merged->pdata[i];
      gpointer winner = g_hash_table_lookup (winners, id);
      gpointer ours_item = g_hash_table_lookup (ours_index, id);

      if (ours_item != NULL && winner != ours_item)
        kind->update (self, ours_item, winner);
    }

  for (guint i = 0; i < merged->len; i++)
    {
      const char *id = merged->pdata[i];

      if (!g_hash_table_contains (ours_index, id))
        {
          g_autoptr (GObject) copy = kind->copy (self, g_hash_table_lookup (winners, id));

          kind->insert (container, i, copy);
        }
    }

  _ladder_merge_reorder_if_needed (container, kind->get_live (container), kind->get_id,
                                   merged, kind->reorder);
}

/* vim:set foldmethod=marker: */
