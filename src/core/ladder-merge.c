/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-merge"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ladder-checkin-private.h"
#include "ladder-format-private.h"
#include "ladder-json-private.h"
#include "ladder-merge.h"
#include "ladder-profile-private.h"
#include "ladder-time-private.h"

/* How the merge stays commutative and idempotent:
 *
 * - Which version of an entry wins is decided by the entry alone: the
 *   newer "modified"; on a tie, a fixed order of the contents; a deletion
 *   wins over an entry modified no later than it was deleted. Either
 *   direction picks the same version.
 * - Where an entry goes: the merged list is the merge step of merge sort
 *   over the two lists, comparing the heads by a key of the winning
 *   version (creation time, then id). Each copy's own order is kept, an
 *   entry only one side has goes where its key puts it among the other's
 *   new entries, and the choice at each step does not depend on which list
 *   is "ours". Applied in place, this only inserts entries into "ours" and
 *   never moves one, so a view of the profile keeps its rows.
 * - Tombstones keep the later time of deletion.
 *
 * What is not merged: the name, role, owner, levels and embedded
 * framework carry no time stamp, so "ours" keeps its own; only a value
 * "ours" lacks is taken from "theirs". */

G_DEFINE_QUARK (ladder-merge-error-quark, ladder_merge_error)

struct _LadderMerge
{
  GObject        parent_instance;

  LadderProfile *ours;
  LadderProfile *theirs;
  GPtrArray     *changes;          /* translated sentences, NULL-terminated */
  gboolean       applying;
};

G_DEFINE_FINAL_TYPE (LadderMerge, ladder_merge, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OURS,
  PROP_THEIRS,
  PROP_CHANGES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef enum
{
  CHANGE_ADDED,
  CHANGE_CHANGED,
  CHANGE_DELETED,
} ChangeKind;

/* Helpers {{{1 */

G_GNUC_PRINTF (2, 3)
static void
add_change (LadderMerge *self,
            const char  *format,
            ...)
{
  va_list args;

  va_start (args, format);
  /* Keep the array NULL-terminated for get_changes(). */
  g_ptr_array_insert (self->changes, self->changes->len - 1, g_strdup_vprintf (format, args));
  va_end (args);
}

static int
compare_times (GDateTime *a,
               GDateTime *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);

  return g_date_time_compare (a, b);
}

static int
compare_dates (const GDate *a,
               const GDate *b)
{
  gboolean a_valid = a != NULL && g_date_valid (a);
  gboolean b_valid = b != NULL && g_date_valid (b);

  if (!a_valid || !b_valid)
    return a_valid - b_valid;

  return g_date_compare (a, b);
}

static int
compare_strv (const char * const *a,
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

static int
compare_extra (gpointer a,
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

static void
copy_extra (gpointer from,
            gpointer to)
{
  _ladder_json_set_extra (to, _ladder_json_get_extra (from));
}

/* A change names its check-in or level change by the day as the file
 * writes it (ISO 8601). */
static char *
describe_day (const GDate *date)
{
  return _ladder_date_format (date, LADDER_DATE_ISO8601, _("an undated day"));
}

/* A behaviour as a person knows it: its text, shortened. */
static char *
describe_behaviour (LadderProfile *profile,
                    const char    *behaviour_id)
{
  LadderBehaviour *behaviour;
  const char *text;

  behaviour = ladder_framework_find_behaviour (ladder_profile_get_framework (profile),
                                               behaviour_id);
  text = behaviour != NULL ? ladder_behaviour_get_text (behaviour) : NULL;
  if (text == NULL || *text == '\0')
    return g_strdup (behaviour_id);

  if (g_utf8_strlen (text, -1) > 60)
    {
      g_autofree char *start = g_utf8_substring (text, 0, 59);

      return g_strconcat (start, "…", NULL);
    }

  return g_strdup (text);
}

static gboolean
has_behaviour (LadderMerge *self,
               const char  *behaviour_id)
{
  return ladder_framework_find_behaviour (ladder_profile_get_framework (self->ours),
                                          behaviour_id) != NULL;
}

/* The merge step of merge sort over two lists of ids, each element taken
 * once: see the top of the file. @compare orders two ids that differ and
 * never returns 0 for them. */
typedef int (*OrderFunc) (const char *a,
                          const char *b,
                          gpointer    user_data);

static GPtrArray *
merge_order (GPtrArray *ours,
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

static char *describe_detail (LadderProfile       *profile,
                              LadderProfileDetail  detail,
                              const char          *value);

/* Entries merged by id: evidence, check-ins, actions, promotions,
 * agenda topics {{{1 */

typedef struct
{
  const char *(*get_id)          (gpointer item);
  GDateTime  *(*get_modified)    (gpointer item);
  /* A total order of the contents, 0 when the same. */
  int         (*compare_content) (gpointer a,
                                  gpointer b);
  /* Orders two winning versions for the merged list; by id at last. */
  int         (*compare_order)   (gpointer a,
                                  gpointer b);
  void        (*describe)        (LadderMerge *self,
                                  ChangeKind   change,
                                  gpointer     item,
                                  gpointer     container);
  /* Apply only. */
  gpointer    (*copy)            (LadderMerge *self,
                                  gpointer     theirs);
  void        (*update)          (LadderMerge *self,
                                  gpointer     ours,
                                  gpointer     theirs);
  void        (*insert)          (gpointer     container,
                                  guint        position,
                                  gpointer     item);
  void        (*remove)          (gpointer     container,
                                  const char  *id,
                                  GDateTime   *deleted);
  void        (*add_tombstone)   (gpointer     container,
                                  const char  *id,
                                  GDateTime   *deleted);
  GListModel *(*get_live)        (gpointer     container);
  void        (*reorder)         (gpointer     container,
                                  GHashTable  *position);
  /* Nullable: merges what the entry holds (a check-in's actions), in the
   * preview too. */
  void        (*merge_children)  (LadderMerge *self,
                                  gpointer     ours,
                                  gpointer     theirs);
} EntryKind;

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
      int c = compare_times (kind->get_modified (a->live), kind->get_modified (b->live));

      return c != 0 ? c : kind->compare_content (a->live, b->live);
    }

  if (a->deleted != NULL && b->deleted != NULL)
    return g_date_time_compare (a->deleted, b->deleted);

  /* A deletion wins over an edit made no later than it. */
  if (a->live != NULL)
    return compare_times (kind->get_modified (a->live), b->deleted) > 0 ? 1 : -1;
  else
    return compare_times (kind->get_modified (b->live), a->deleted) > 0 ? -1 : 1;
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
static void
reorder_if_needed (gpointer      container,
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

static void
merge_entries (LadderMerge     *self,
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

  merged = merge_order (kept_ours, kept_theirs, order_by_winner, &order);

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
          compare_times (g_hash_table_lookup (ours_deleted, id), deleted) >= 0)
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

  reorder_if_needed (container, kind->get_live (container), kind->get_id,
                     merged, kind->reorder);
}

/* Evidence {{{2 */

static const char *
evidence_get_id (gpointer item)
{
  return ladder_evidence_get_id (item);
}

static GDateTime *
evidence_get_modified (gpointer item)
{
  return ladder_evidence_get_modified (item);
}

static int
evidence_compare_content (gpointer a,
                          gpointer b)
{
  int c;

  if ((c = compare_dates (ladder_evidence_get_date (a), ladder_evidence_get_date (b))) != 0 ||
      (c = g_strcmp0 (ladder_evidence_get_title (a), ladder_evidence_get_title (b))) != 0 ||
      (c = g_strcmp0 (ladder_evidence_get_body (a), ladder_evidence_get_body (b))) != 0 ||
      (c = compare_strv (ladder_evidence_get_links (a), ladder_evidence_get_links (b))) != 0 ||
      (c = compare_strv (ladder_evidence_get_behaviours (a),
                         ladder_evidence_get_behaviours (b))) != 0 ||
      (c = compare_strv (ladder_evidence_get_tags (a), ladder_evidence_get_tags (b))) != 0 ||
      (c = compare_times (ladder_evidence_get_created (a), ladder_evidence_get_created (b))) != 0)
    return c;

  return compare_extra (a, b);
}

static int
evidence_compare_order (gpointer a,
                        gpointer b)
{
  int c = compare_times (ladder_evidence_get_created (a), ladder_evidence_get_created (b));

  return c != 0 ? c : strcmp (ladder_evidence_get_id (a), ladder_evidence_get_id (b));
}

static const char *
evidence_title (LadderEvidence *evidence)
{
  const char *title = ladder_evidence_get_title (evidence);

  return title != NULL && *title != '\0' ? title : _("Untitled");
}

static void describe_unknown_links (LadderMerge    *self,
                                    LadderEvidence *evidence);

static void
evidence_describe (LadderMerge *self,
                   ChangeKind   change,
                   gpointer     item,
                   gpointer     container)
{
  switch (change)
    {
    case CHANGE_ADDED:
      add_change (self, _("New evidence “%s”"), evidence_title (item));
      describe_unknown_links (self, item);
      break;

    case CHANGE_CHANGED:
      add_change (self, _("Changed evidence “%s”"), evidence_title (item));
      describe_unknown_links (self, item);
      break;

    case CHANGE_DELETED:
      add_change (self, _("Deleted evidence “%s”"), evidence_title (item));
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The behaviours that "ours" knows: a file that names one its framework
 * lacks would not load again. evidence_describe() says which are left
 * out, in the preview too. */
static GStrv
filter_behaviours (LadderMerge    *self,
                   LadderEvidence *evidence)
{
  const char * const *behaviours = ladder_evidence_get_behaviours (evidence);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; behaviours[i] != NULL; i++)
    if (has_behaviour (self, behaviours[i]))
      g_strv_builder_add (builder, behaviours[i]);

  return g_strv_builder_end (builder);
}

static void
describe_unknown_links (LadderMerge    *self,
                        LadderEvidence *evidence)
{
  const char * const *behaviours = ladder_evidence_get_behaviours (evidence);

  for (guint i = 0; behaviours[i] != NULL; i++)
    if (!has_behaviour (self, behaviours[i]))
      add_change (self,
                  _("Left out the link of evidence “%s” to behaviour “%s”, which this copy’s framework lacks"),
                  evidence_title (evidence), behaviours[i]);
}

static void
evidence_update (LadderMerge *self,
                 gpointer     ours,
                 gpointer     theirs)
{
  g_auto (GStrv) behaviours = filter_behaviours (self, theirs);

  g_object_freeze_notify (ours);
  ladder_evidence_set_date (ours, ladder_evidence_get_date (theirs));
  ladder_evidence_set_title (ours, ladder_evidence_get_title (theirs));
  ladder_evidence_set_body (ours, ladder_evidence_get_body (theirs));
  ladder_evidence_set_links (ours, ladder_evidence_get_links (theirs));
  ladder_evidence_set_behaviours (ours, (const char * const *) behaviours);
  ladder_evidence_set_tags (ours, ladder_evidence_get_tags (theirs));
  copy_extra (theirs, ours);
  /* Last: the setters above moved "modified" to now. */
  ladder_evidence_set_stamps (ours,
                              ladder_evidence_get_created (theirs),
                              ladder_evidence_get_modified (theirs));
  g_object_thaw_notify (ours);
}

static gpointer
evidence_copy (LadderMerge *self,
               gpointer     theirs)
{
  LadderEvidence *copy = ladder_evidence_new (ladder_evidence_get_id (theirs));

  evidence_update (self, copy, theirs);

  return copy;
}

static void
evidence_insert (gpointer container,
                 guint    position,
                 gpointer item)
{
  _ladder_profile_insert_evidence (container, position, item);
}

static void
evidence_remove (gpointer    container,
                 const char *id,
                 GDateTime  *deleted)
{
  _ladder_profile_delete (container, "evidence", id, deleted);
}

static void
evidence_add_tombstone (gpointer    container,
                        const char *id,
                        GDateTime  *deleted)
{
  ladder_profile_add_tombstone (container, "evidence", id, deleted);
}

static GListModel *
evidence_get_live (gpointer container)
{
  return ladder_profile_get_evidence (container);
}

static void
evidence_reorder (gpointer    container,
                  GHashTable *position)
{
  _ladder_profile_reorder (container, "evidence", position);
}

static const EntryKind evidence_kind = {
  evidence_get_id,
  evidence_get_modified,
  evidence_compare_content,
  evidence_compare_order,
  evidence_describe,
  evidence_copy,
  evidence_update,
  evidence_insert,
  evidence_remove,
  evidence_add_tombstone,
  evidence_get_live,
  evidence_reorder,
  NULL,
};

/* Actions {{{2 */

static const char *
action_get_id (gpointer item)
{
  return ladder_action_get_id (item);
}

static GDateTime *
action_get_modified (gpointer item)
{
  return ladder_action_get_modified (item);
}

static int
action_compare_content (gpointer a,
                        gpointer b)
{
  int c;

  if ((c = g_strcmp0 (ladder_action_get_text (a), ladder_action_get_text (b))) != 0 ||
      (c = (int) ladder_action_get_owner (a) - (int) ladder_action_get_owner (b)) != 0 ||
      (c = compare_dates (ladder_action_get_due (a), ladder_action_get_due (b))) != 0 ||
      (c = ladder_action_get_done (a) - ladder_action_get_done (b)) != 0 ||
      (c = ladder_action_get_private (a) - ladder_action_get_private (b)) != 0)
    return c;

  return compare_extra (a, b);
}

static int
action_compare_order (gpointer a,
                      gpointer b)
{
  return strcmp (ladder_action_get_id (a), ladder_action_get_id (b));
}

static void
action_describe (LadderMerge *self,
                 ChangeKind   change,
                 gpointer     item,
                 gpointer     container)
{
  const char *text = ladder_action_get_text (item);
  g_autofree char *date = describe_day (ladder_checkin_get_date (container));

  if (text == NULL || *text == '\0')
    text = _("Untitled");

  switch (change)
    {
    case CHANGE_ADDED:
      /* Translators: an action agreed in the check-in of a day */
      add_change (self, _("New action “%s” in the check-in of %s"), text, date);
      break;

    case CHANGE_CHANGED:
      add_change (self, _("Changed action “%s” in the check-in of %s"), text, date);
      break;

    case CHANGE_DELETED:
      add_change (self, _("Deleted action “%s” in the check-in of %s"), text, date);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
action_update (LadderMerge *self,
               gpointer     ours,
               gpointer     theirs)
{
  g_object_freeze_notify (ours);
  ladder_action_set_text (ours, ladder_action_get_text (theirs));
  ladder_action_set_owner (ours, ladder_action_get_owner (theirs));
  ladder_action_set_due (ours, ladder_action_get_due (theirs));
  ladder_action_set_done (ours, ladder_action_get_done (theirs));
  /* Private stays private: a copy that says otherwise may be one that
   * was written before its author made the action private. */
  ladder_action_set_private (ours, ladder_action_get_private (ours) ||
                                   ladder_action_get_private (theirs));
  copy_extra (theirs, ours);
  ladder_action_set_modified (ours, ladder_action_get_modified (theirs));
  g_object_thaw_notify (ours);
}

static gpointer
action_copy (LadderMerge *self,
             gpointer     theirs)
{
  LadderAction *copy = ladder_action_new (ladder_action_get_id (theirs));

  action_update (self, copy, theirs);

  return copy;
}

static void
action_insert (gpointer container,
               guint    position,
               gpointer item)
{
  _ladder_checkin_insert_action (container, position, item);
}

static void
action_remove (gpointer    container,
               const char *id,
               GDateTime  *deleted)
{
  _ladder_checkin_delete_action (container, id, deleted);
}

static void
action_add_tombstone (gpointer    container,
                      const char *id,
                      GDateTime  *deleted)
{
  ladder_checkin_add_action_tombstone (container, id, deleted);
}

static GListModel *
action_get_live (gpointer container)
{
  return ladder_checkin_get_actions (container);
}

static void
action_reorder (gpointer    container,
                GHashTable *position)
{
  _ladder_checkin_reorder_actions (container, position);
}

static const EntryKind action_kind = {
  action_get_id,
  action_get_modified,
  action_compare_content,
  action_compare_order,
  action_describe,
  action_copy,
  action_update,
  action_insert,
  action_remove,
  action_add_tombstone,
  action_get_live,
  action_reorder,
  NULL,
};

/* Check-ins {{{2 */

static const char *
checkin_get_id (gpointer item)
{
  return ladder_checkin_get_id (item);
}

static GDateTime *
checkin_get_modified (gpointer item)
{
  return ladder_checkin_get_modified (item);
}

static int
compare_snapshots (LadderCheckin *a,
                   LadderCheckin *b)
{
  g_auto (GStrv) a_ids = ladder_checkin_list_snapshot (a);
  g_auto (GStrv) b_ids = ladder_checkin_list_snapshot (b);
  int c = compare_strv ((const char * const *) a_ids, (const char * const *) b_ids);

  if (c != 0)
    return c;

  for (guint i = 0; a_ids[i] != NULL; i++)
    {
      for (LadderRater rater = LADDER_RATER_SELF; rater <= LADDER_RATER_MANAGER; rater++)
        {
          c = (int) ladder_checkin_get_snapshot (a, a_ids[i], rater) -
              (int) ladder_checkin_get_snapshot (b, a_ids[i], rater);
          if (c != 0)
            return c;
        }
    }

  return 0;
}

/* Private notes never leave their author's copy, so a copy that holds
 * other notes, or none, for the same check-in is one shared from it or
 * with it: the private ones stay (see checkin_update()) and the two
 * compare as the same notes. */
static int
compare_notes (LadderCheckin *a,
               LadderCheckin *b)
{
  if (ladder_checkin_get_notes_private (a) != ladder_checkin_get_notes_private (b))
    return 0;

  return g_strcmp0 (ladder_checkin_get_notes (a), ladder_checkin_get_notes (b));
}

/* The check-in's own contents; its actions merge one by one. */
static int
checkin_compare_content (gpointer a,
                         gpointer b)
{
  int c;

  if ((c = compare_dates (ladder_checkin_get_date (a), ladder_checkin_get_date (b))) != 0 ||
      (c = compare_notes (a, b)) != 0 ||
      (c = compare_snapshots (a, b)) != 0)
    return c;

  return compare_extra (a, b);
}

static int
checkin_compare_order (gpointer a,
                       gpointer b)
{
  int c = compare_dates (ladder_checkin_get_date (a), ladder_checkin_get_date (b));

  return c != 0 ? c : strcmp (ladder_checkin_get_id (a), ladder_checkin_get_id (b));
}

static void
checkin_describe (LadderMerge *self,
                  ChangeKind   change,
                  gpointer     item,
                  gpointer     container)
{
  g_autofree char *date = describe_day (ladder_checkin_get_date (item));

  switch (change)
    {
    case CHANGE_ADDED:
      add_change (self, _("New check-in of %s"), date);
      break;

    case CHANGE_CHANGED:
      add_change (self, _("Changed check-in of %s"), date);
      break;

    case CHANGE_DELETED:
      add_change (self, _("Deleted check-in of %s"), date);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
checkin_update (LadderMerge *self,
                gpointer     ours,
                gpointer     theirs)
{
  g_auto (GStrv) ours_ids = ladder_checkin_list_snapshot (ours);
  g_auto (GStrv) theirs_ids = ladder_checkin_list_snapshot (theirs);

  g_object_freeze_notify (ours);
  ladder_checkin_set_date (ours, ladder_checkin_get_date (theirs));
  /* Our private notes stay: theirs cannot have seen them. Private notes
   * that arrive from elsewhere stay private. */
  if (!ladder_checkin_get_notes_private (ours) || ladder_checkin_get_notes_private (theirs))
    {
      ladder_checkin_set_notes (ours, ladder_checkin_get_notes (theirs));
      ladder_checkin_set_notes_private (ours, ladder_checkin_get_notes_private (theirs));
    }

  for (guint i = 0; ours_ids[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) theirs_ids, ours_ids[i]))
      ladder_checkin_set_snapshot (ours, ours_ids[i], LADDER_RATING_UNRATED, LADDER_RATING_UNRATED);

  for (guint i = 0; theirs_ids[i] != NULL; i++)
    {
      /* A snapshot entry for a behaviour this framework lacks would not
       * load again. */
      if (!has_behaviour (self, theirs_ids[i]))
        continue;

      ladder_checkin_set_snapshot (ours, theirs_ids[i],
                                   ladder_checkin_get_snapshot (theirs, theirs_ids[i],
                                                                LADDER_RATER_SELF),
                                   ladder_checkin_get_snapshot (theirs, theirs_ids[i],
                                                                LADDER_RATER_MANAGER));
    }

  copy_extra (theirs, ours);
  _ladder_format_copy_snapshot_extras (theirs, ours);
  ladder_checkin_set_modified (ours, ladder_checkin_get_modified (theirs));
  g_object_thaw_notify (ours);
}

static gpointer
checkin_copy (LadderMerge *self,
              gpointer     theirs)
{
  LadderCheckin *copy = ladder_checkin_new (ladder_checkin_get_id (theirs));
  GListModel *actions = ladder_checkin_get_actions (theirs);
  GHashTableIter iter;
  gpointer id, deleted;
  guint n;

  n = g_list_model_get_n_items (actions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderAction) action = g_list_model_get_item (actions, i);
      g_autoptr (LadderAction) copied = action_copy (self, action);

      ladder_checkin_add_action (copy, copied);
    }

  g_hash_table_iter_init (&iter, ladder_checkin_get_action_tombstones (theirs));
  while (g_hash_table_iter_next (&iter, &id, &deleted))
    ladder_checkin_add_action_tombstone (copy, id, deleted);

  checkin_update (self, copy, theirs);

  return copy;
}

static void
checkin_insert (gpointer container,
                guint    position,
                gpointer item)
{
  _ladder_profile_insert_checkin (container, position, item);
}

static void
checkin_remove (gpointer    container,
                const char *id,
                GDateTime  *deleted)
{
  _ladder_profile_delete (container, "checkin", id, deleted);
}

static void
checkin_add_tombstone (gpointer    container,
                       const char *id,
                       GDateTime  *deleted)
{
  ladder_profile_add_tombstone (container, "checkin", id, deleted);
}

static void
checkin_merge_actions (LadderMerge *self,
                       gpointer     ours,
                       gpointer     theirs)
{
  merge_entries (self, &action_kind, ours,
                 ladder_checkin_get_actions (ours),
                 ladder_checkin_get_action_tombstones (ours),
                 ladder_checkin_get_actions (theirs),
                 ladder_checkin_get_action_tombstones (theirs));
}

static GListModel *
checkin_get_live (gpointer container)
{
  return ladder_profile_get_checkins (container);
}

static void
checkin_reorder (gpointer    container,
                 GHashTable *position)
{
  _ladder_profile_reorder (container, "checkin", position);
}

static const EntryKind checkin_kind = {
  checkin_get_id,
  checkin_get_modified,
  checkin_compare_content,
  checkin_compare_order,
  checkin_describe,
  checkin_copy,
  checkin_update,
  checkin_insert,
  checkin_remove,
  checkin_add_tombstone,
  checkin_get_live,
  checkin_reorder,
  checkin_merge_actions,
};

/* Promotions {{{2 */

static const char *
promotion_get_id (gpointer item)
{
  return ladder_promotion_get_id (item);
}

static GDateTime *
promotion_get_modified (gpointer item)
{
  return ladder_promotion_get_modified (item);
}

static int
promotion_compare_content (gpointer a,
                           gpointer b)
{
  int c;

  if ((c = compare_dates (ladder_promotion_get_date (a), ladder_promotion_get_date (b))) != 0 ||
      (c = g_strcmp0 (ladder_promotion_get_from (a), ladder_promotion_get_from (b))) != 0 ||
      (c = g_strcmp0 (ladder_promotion_get_to (a), ladder_promotion_get_to (b))) != 0)
    return c;

  return compare_extra (a, b);
}

static int
promotion_compare_order (gpointer a,
                         gpointer b)
{
  int c = compare_dates (ladder_promotion_get_date (a), ladder_promotion_get_date (b));

  return c != 0 ? c : strcmp (ladder_promotion_get_id (a), ladder_promotion_get_id (b));
}

static void
promotion_describe (LadderMerge *self,
                    ChangeKind   change,
                    gpointer     item,
                    gpointer     container)
{
  g_autofree char *date = describe_day (ladder_promotion_get_date (item));
  g_autofree char *level = describe_detail (container, LADDER_PROFILE_CURRENT_LEVEL,
                                            ladder_promotion_get_to (item));

  switch (change)
    {
    case CHANGE_ADDED:
      /* Translators: the record of a change of level; %s are a level's name and a date */
      add_change (self, _("New level change to %s on %s"), level, date);
      break;

    case CHANGE_CHANGED:
      add_change (self, _("Changed level change to %s on %s"), level, date);
      break;

    case CHANGE_DELETED:
      add_change (self, _("Deleted level change to %s on %s"), level, date);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
promotion_update (LadderMerge *self,
                  gpointer     ours,
                  gpointer     theirs)
{
  g_object_freeze_notify (ours);
  ladder_promotion_set_date (ours, ladder_promotion_get_date (theirs));
  ladder_promotion_set_from (ours, ladder_promotion_get_from (theirs));
  ladder_promotion_set_to (ours, ladder_promotion_get_to (theirs));
  copy_extra (theirs, ours);
  ladder_promotion_set_modified (ours, ladder_promotion_get_modified (theirs));
  g_object_thaw_notify (ours);
}

static gpointer
promotion_copy (LadderMerge *self,
                gpointer     theirs)
{
  LadderPromotion *copy = ladder_promotion_new (ladder_promotion_get_id (theirs),
                                                ladder_promotion_get_date (theirs),
                                                ladder_promotion_get_from (theirs),
                                                ladder_promotion_get_to (theirs));

  copy_extra (theirs, copy);
  ladder_promotion_set_modified (copy, ladder_promotion_get_modified (theirs));

  return copy;
}

static void
promotion_insert (gpointer container,
                  guint    position,
                  gpointer item)
{
  _ladder_profile_insert_promotion (container, position, item);
}

static void
promotion_remove (gpointer    container,
                  const char *id,
                  GDateTime  *deleted)
{
  _ladder_profile_delete (container, "promotion", id, deleted);
}

static void
promotion_add_tombstone (gpointer    container,
                         const char *id,
                         GDateTime  *deleted)
{
  ladder_profile_add_tombstone (container, "promotion", id, deleted);
}

static GListModel *
promotion_get_live (gpointer container)
{
  return ladder_profile_get_promotions (container);
}

static void
promotion_reorder (gpointer    container,
                   GHashTable *position)
{
  _ladder_profile_reorder (container, "promotion", position);
}

static const EntryKind promotion_kind = {
  promotion_get_id,
  promotion_get_modified,
  promotion_compare_content,
  promotion_compare_order,
  promotion_describe,
  promotion_copy,
  promotion_update,
  promotion_insert,
  promotion_remove,
  promotion_add_tombstone,
  promotion_get_live,
  promotion_reorder,
  NULL,
};

/* Agenda topics {{{2 */

static const char *
topic_get_id (gpointer item)
{
  return ladder_topic_get_id (item);
}

static GDateTime *
topic_get_modified (gpointer item)
{
  return ladder_topic_get_modified (item);
}

static int
topic_compare_content (gpointer a,
                       gpointer b)
{
  int c;

  if ((c = g_strcmp0 (ladder_topic_get_text (a), ladder_topic_get_text (b))) != 0 ||
      (c = (int) ladder_topic_get_author (a) - (int) ladder_topic_get_author (b)) != 0 ||
      (c = compare_dates (ladder_topic_get_created (a), ladder_topic_get_created (b))) != 0 ||
      (c = compare_dates (ladder_topic_get_closed (a), ladder_topic_get_closed (b))) != 0 ||
      (c = g_strcmp0 (ladder_topic_get_checkin (a), ladder_topic_get_checkin (b))) != 0 ||
      (c = ladder_topic_get_private (a) - ladder_topic_get_private (b)) != 0)
    return c;

  return compare_extra (a, b);
}

static int
topic_compare_order (gpointer a,
                     gpointer b)
{
  int c = compare_dates (ladder_topic_get_created (a), ladder_topic_get_created (b));

  return c != 0 ? c : strcmp (ladder_topic_get_id (a), ladder_topic_get_id (b));
}

static void
topic_describe (LadderMerge *self,
                ChangeKind   change,
                gpointer     item,
                gpointer     container)
{
  const char *text = ladder_topic_get_text (item);

  if (text == NULL || *text == '\0')
    text = _("Untitled");

  switch (change)
    {
    case CHANGE_ADDED:
      /* Translators: a topic on the agenda of the next 1:1 */
      add_change (self, _("New agenda topic “%s”"), text);
      break;

    case CHANGE_CHANGED:
      add_change (self, _("Changed agenda topic “%s”"), text);
      break;

    case CHANGE_DELETED:
      add_change (self, _("Deleted agenda topic “%s”"), text);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
topic_update (LadderMerge *self,
              gpointer     ours,
              gpointer     theirs)
{
  const GDate *closed = ladder_topic_get_closed (theirs);

  g_object_freeze_notify (ours);
  ladder_topic_set_text (ours, ladder_topic_get_text (theirs));
  ladder_topic_set_author (ours, ladder_topic_get_author (theirs));
  ladder_topic_set_created (ours, ladder_topic_get_created (theirs));
  if (closed != NULL)
    ladder_topic_close (ours, closed, ladder_topic_get_checkin (theirs));
  else
    ladder_topic_reopen (ours);
  /* Private stays private, as for actions. */
  ladder_topic_set_private (ours, ladder_topic_get_private (ours) ||
                                  ladder_topic_get_private (theirs));
  copy_extra (theirs, ours);
  ladder_topic_set_modified (ours, ladder_topic_get_modified (theirs));
  g_object_thaw_notify (ours);
}

static gpointer
topic_copy (LadderMerge *self,
            gpointer     theirs)
{
  LadderTopic *copy = ladder_topic_new (ladder_topic_get_id (theirs));

  topic_update (self, copy, theirs);

  return copy;
}

static void
topic_insert (gpointer container,
              guint    position,
              gpointer item)
{
  _ladder_profile_insert_topic (container, position, item);
}

static void
topic_remove (gpointer    container,
              const char *id,
              GDateTime  *deleted)
{
  _ladder_profile_delete (container, "topic", id, deleted);
}

static void
topic_add_tombstone (gpointer    container,
                     const char *id,
                     GDateTime  *deleted)
{
  ladder_profile_add_tombstone (container, "topic", id, deleted);
}

static GListModel *
topic_get_live (gpointer container)
{
  return ladder_profile_get_topics (container);
}

static void
topic_reorder (gpointer    container,
               GHashTable *position)
{
  _ladder_profile_reorder (container, "topic", position);
}

static const EntryKind topic_kind = {
  topic_get_id,
  topic_get_modified,
  topic_compare_content,
  topic_compare_order,
  topic_describe,
  topic_copy,
  topic_update,
  topic_insert,
  topic_remove,
  topic_add_tombstone,
  topic_get_live,
  topic_reorder,
  NULL,
};

/* Ratings {{{1 */

/* > 0 when @theirs wins @rater's side over @ours. */
static int
compare_rating_sides (LadderRating *ours,
                      LadderRating *theirs,
                      LadderRater   rater)
{
  LadderRatingValue ours_value = ours != NULL ? ladder_rating_get_value (ours, rater) : 0;
  LadderRatingValue theirs_value = theirs != NULL ? ladder_rating_get_value (theirs, rater) : 0;
  GDateTime *ours_updated = ours != NULL ? ladder_rating_get_updated (ours, rater) : NULL;
  GDateTime *theirs_updated = theirs != NULL ? ladder_rating_get_updated (theirs, rater) : NULL;
  int c;

  /* A side never given has no stamp and wins nothing. A side cleared
   * has a stamp and no value: it wins like any rating, so that clearing
   * a rating on one copy survives a merge with an older rating. */
  if (theirs_updated == NULL)
    return -1;
  if (ours_updated == NULL)
    return 1;

  c = g_date_time_compare (theirs_updated, ours_updated);

  return c != 0 ? c : (int) theirs_value - (int) ours_value;
}

static GDateTime *
rating_newest (LadderRating *rating)
{
  GDateTime *self_updated, *manager_updated;

  if (rating == NULL)
    return NULL;

  self_updated = ladder_rating_get_updated (rating, LADDER_RATER_SELF);
  manager_updated = ladder_rating_get_updated (rating, LADDER_RATER_MANAGER);

  return compare_times (self_updated, manager_updated) >= 0 ? self_updated : manager_updated;
}

/* What a rating holds beside its sides (members a newer version wrote)
 * goes with the copy whose rating of the behaviour changed last; > 0 when
 * that is @theirs. */
static int
compare_rating_newest (LadderRating *ours,
                       LadderRating *theirs)
{
  return compare_times (rating_newest (theirs), rating_newest (ours));
}

static const char *
rating_get_id (gpointer item)
{
  return ladder_rating_get_behaviour_id (item);
}

static void
reorder_ratings (gpointer    container,
                 GHashTable *position)
{
  _ladder_profile_reorder (container, "ratings", position);
}

static int
order_ratings (const char *a,
               const char *b,
               gpointer    user_data)
{
  return strcmp (a, b);
}

static void
merge_ratings (LadderMerge *self)
{
  g_autoptr (GPtrArray) ours_ids = g_ptr_array_new ();
  g_autoptr (GPtrArray) theirs_ids = g_ptr_array_new ();
  g_autoptr (GPtrArray) merged = NULL;
  GListModel *model;
  guint n;

  model = ladder_profile_get_ratings (self->ours);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderRating) rating = g_list_model_get_item (model, i);

      g_ptr_array_add (ours_ids, (gpointer) rating_get_id (rating));
    }

  model = ladder_profile_get_ratings (self->theirs);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderRating) theirs = g_list_model_get_item (model, i);
      const char *id = rating_get_id (theirs);
      LadderRating *ours = ladder_profile_get_rating (self->ours, id);
      g_autofree char *behaviour = NULL;
      gboolean extra_wins;

      if (!has_behaviour (self, id))
        {
          add_change (self, _("Left out the ratings of behaviour “%s”, which this copy’s framework lacks"), id);
          continue;
        }

      g_ptr_array_add (theirs_ids, (gpointer) id);
      behaviour = describe_behaviour (self->ours, id);
      /* Before the sides change the stamps it compares. */
      extra_wins = compare_rating_newest (ours, theirs) > 0;

      for (LadderRater rater = LADDER_RATER_SELF; rater <= LADDER_RATER_MANAGER; rater++)
        {
          LadderRatingValue before, after;
          const char *note = ladder_rating_get_note (theirs, rater);
          const char *our_note = ours != NULL ? ladder_rating_get_note (ours, rater) : NULL;
          int side = compare_rating_sides (ours, theirs, rater);

          /* A side's note goes with its value; the same side given at the
           * same time with two notes keeps the later in byte order, on
           * both copies alike. */
          if (side == 0 && ladder_rating_get_updated (theirs, rater) != NULL &&
              g_strcmp0 (note, our_note) > 0)
            side = 1;
          if (side <= 0)
            continue;

          if (g_strcmp0 (note, our_note) != 0)
            {
              if (rater == LADDER_RATER_SELF)
                add_change (self, _("Self note on “%s”"), behaviour);
              else
                add_change (self, _("Manager note on “%s”"), behaviour);
            }

          before = ours != NULL ? ladder_rating_get_value (ours, rater) : LADDER_RATING_UNRATED;
          after = ladder_rating_get_value (theirs, rater);
          if (before != after)
            {
              if (rater == LADDER_RATER_SELF)
                /* Translators: the engineer's own rating of a behaviour, from one value to another */
                add_change (self, _("Self rating of “%s”: %s → %s"), behaviour,
                            ladder_rating_value_get_label (before),
                            ladder_rating_value_get_label (after));
              else
                add_change (self, _("Manager rating of “%s”: %s → %s"), behaviour,
                            ladder_rating_value_get_label (before),
                            ladder_rating_value_get_label (after));
            }

          if (self->applying && ours != NULL)
            {
              ladder_rating_set_value (ours, rater, after, ladder_rating_get_updated (theirs, rater));
              ladder_rating_set_note (ours, rater, note);
            }
        }

      if (extra_wins && self->applying && ours != NULL)
        copy_extra (theirs, ours);
    }

  if (!self->applying)
    return;

  merged = merge_order (ours_ids, theirs_ids, order_ratings, NULL);
  for (guint i = 0; i < merged->len; i++)
    {
      const char *id = merged->pdata[i];
      g_autoptr (LadderRating) rating = NULL;
      LadderRating *theirs;

      if (ladder_profile_get_rating (self->ours, id) != NULL)
        continue;

      theirs = ladder_profile_get_rating (self->theirs, id);
      rating = ladder_rating_new (id);
      for (LadderRater rater = LADDER_RATER_SELF; rater <= LADDER_RATER_MANAGER; rater++)
        {
          GDateTime *updated = ladder_rating_get_updated (theirs, rater);

          if (updated != NULL)
            ladder_rating_set_value (rating, rater, ladder_rating_get_value (theirs, rater),
                                     updated);
          ladder_rating_set_note (rating, rater, ladder_rating_get_note (theirs, rater));
        }
      copy_extra (theirs, rating);
      _ladder_profile_insert_rating (self->ours, i, rating);
    }

  reorder_if_needed (self->ours, ladder_profile_get_ratings (self->ours), rating_get_id,
                     merged, reorder_ratings);
}

/* The merge {{{1 */

/* > 0 when @theirs wins a detail over @ours. A detail changed on a copy
 * carries the time of the change (ladder_profile_get_detail_updated()):
 * the newer change wins, and a change wins over none; on equal times the
 * greater value, so that either direction agrees. A detail that neither
 * copy changed since it was first set has no time: "ours" keeps its own
 * and takes the other's only where it has none. */
static int
compare_details (LadderProfile       *ours,
                 LadderProfile       *theirs,
                 LadderProfileDetail  detail,
                 const char          *ours_value,
                 const char          *theirs_value)
{
  GDateTime *ours_updated = ladder_profile_get_detail_updated (ours, detail);
  GDateTime *theirs_updated = ladder_profile_get_detail_updated (theirs, detail);
  int c;

  if (ours_updated == NULL && theirs_updated == NULL)
    return ours_value == NULL && theirs_value != NULL ? 1 : -1;

  c = compare_times (theirs_updated, ours_updated);

  return c != 0 ? c : g_strcmp0 (theirs_value, ours_value);
}

static char *
describe_detail (LadderProfile       *profile,
                 LadderProfileDetail  detail,
                 const char          *value)
{
  LadderLevel *level;

  if (value == NULL)
    /* Translators: a detail of a profile (a role, a level) that has none */
    return g_strdup (_("none"));

  if (detail == LADDER_PROFILE_CADENCE)
    {
      LadderCadence cadence = LADDER_CADENCE_NONE;

      (void) ladder_cadence_from_string (value, &cadence);
      return g_strdup (ladder_cadence_get_label (cadence));
    }

  if (detail != LADDER_PROFILE_CURRENT_LEVEL && detail != LADDER_PROFILE_TARGET_LEVEL)
    return g_strdup (value);

  level = ladder_framework_find_level (ladder_profile_get_framework (profile), value);

  return g_strdup (level != NULL && ladder_level_get_name (level) != NULL ?
                   ladder_level_get_name (level) : value);
}

static const char *
get_cadence_word (LadderProfile *profile)
{
  return ladder_cadence_to_string (ladder_profile_get_cadence (profile));
}

static void
merge_details (LadderMerge *self)
{
  static const struct
  {
    LadderProfileDetail  detail;
    const char        *(*get) (LadderProfile *profile);
  } fields[] = {
    { LADDER_PROFILE_NAME, ladder_profile_get_name },
    { LADDER_PROFILE_ROLE, ladder_profile_get_role },
    { LADDER_PROFILE_CURRENT_LEVEL, ladder_profile_get_current_level },
    { LADDER_PROFILE_TARGET_LEVEL, ladder_profile_get_target_level },
    { LADDER_PROFILE_CADENCE, get_cadence_word },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      LadderProfileDetail detail = fields[i].detail;
      const char *ours_value = fields[i].get (self->ours);
      const char *theirs_value = fields[i].get (self->theirs);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      if (compare_details (self->ours, self->theirs, detail, ours_value, theirs_value) <= 0)
        continue;

      /* A level this copy's framework lacks cannot be taken. */
      if ((detail == LADDER_PROFILE_CURRENT_LEVEL || detail == LADDER_PROFILE_TARGET_LEVEL) &&
          theirs_value != NULL &&
          ladder_framework_find_level (ladder_profile_get_framework (self->ours), theirs_value) == NULL)
        continue;

      if (g_strcmp0 (ours_value, theirs_value) != 0)
        {
          before = describe_detail (self->ours, detail, ours_value);
          after = describe_detail (self->ours, detail, theirs_value);
          switch (detail)
            {
            case LADDER_PROFILE_NAME:
              add_change (self, _("Name: %s → %s"), before, after);
              break;
            case LADDER_PROFILE_ROLE:
              add_change (self, _("Role: %s → %s"), before, after);
              break;
            case LADDER_PROFILE_CURRENT_LEVEL:
              add_change (self, _("Current level: %s → %s"), before, after);
              break;
            case LADDER_PROFILE_TARGET_LEVEL:
              add_change (self, _("Target level: %s → %s"), before, after);
              break;
            case LADDER_PROFILE_CADENCE:
              add_change (self, _("1:1 cadence: %s → %s"), before, after);
              break;
            case LADDER_PROFILE_N_DETAILS:
            default:
              g_assert_not_reached ();
            }
        }

      if (self->applying)
        _ladder_profile_set_detail (self->ours, detail, theirs_value,
                                    ladder_profile_get_detail_updated (self->theirs, detail));
    }
}

static void
run_merge (LadderMerge *self,
           gboolean     apply)
{
  g_ptr_array_set_size (self->changes, 0);
  g_ptr_array_add (self->changes, NULL);
  self->applying = apply;

  if (apply)
    _ladder_profile_begin_change (self->ours);

  merge_details (self);
  merge_ratings (self);
  merge_entries (self, &evidence_kind, self->ours,
                 ladder_profile_get_evidence (self->ours),
                 ladder_profile_get_tombstones (self->ours, "evidence"),
                 ladder_profile_get_evidence (self->theirs),
                 ladder_profile_get_tombstones (self->theirs, "evidence"));
  merge_entries (self, &checkin_kind, self->ours,
                 ladder_profile_get_checkins (self->ours),
                 ladder_profile_get_tombstones (self->ours, "checkin"),
                 ladder_profile_get_checkins (self->theirs),
                 ladder_profile_get_tombstones (self->theirs, "checkin"));
  merge_entries (self, &promotion_kind, self->ours,
                 ladder_profile_get_promotions (self->ours),
                 ladder_profile_get_tombstones (self->ours, "promotion"),
                 ladder_profile_get_promotions (self->theirs),
                 ladder_profile_get_tombstones (self->theirs, "promotion"));
  merge_entries (self, &topic_kind, self->ours,
                 ladder_profile_get_topics (self->ours),
                 ladder_profile_get_tombstones (self->ours, "topic"),
                 ladder_profile_get_topics (self->theirs),
                 ladder_profile_get_tombstones (self->theirs, "topic"));

  if (apply)
    _ladder_profile_end_change (self->ours);

  self->applying = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CHANGES]);
}

/* GObject {{{1 */

static void
ladder_merge_finalize (GObject *object)
{
  LadderMerge *self = (LadderMerge *) object;

  g_clear_object (&self->ours);
  g_clear_object (&self->theirs);
  g_clear_pointer (&self->changes, g_ptr_array_unref);

  G_OBJECT_CLASS (ladder_merge_parent_class)->finalize (object);
}

static void
ladder_merge_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LadderMerge *self = LADDER_MERGE (object);

  switch (prop_id)
    {
    case PROP_OURS:
      g_value_set_object (value, self->ours);
      break;

    case PROP_THEIRS:
      g_value_set_object (value, self->theirs);
      break;

    case PROP_CHANGES:
      g_value_set_boxed (value, self->changes->pdata);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_merge_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LadderMerge *self = LADDER_MERGE (object);

  switch (prop_id)
    {
    case PROP_OURS:
      self->ours = g_value_dup_object (value);
      break;

    case PROP_THEIRS:
      self->theirs = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_merge_class_init (LadderMergeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ladder_merge_finalize;
  object_class->get_property = ladder_merge_get_property;
  object_class->set_property = ladder_merge_set_property;

  properties [PROP_OURS] =
    g_param_spec_object ("ours", NULL, NULL,
                         LADDER_TYPE_PROFILE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_THEIRS] =
    g_param_spec_object ("theirs", NULL, NULL,
                         LADDER_TYPE_PROFILE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_CHANGES] =
    g_param_spec_boxed ("changes", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ladder_merge_init (LadderMerge *self)
{
  self->changes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->changes, NULL);
}

/* Public API {{{1 */

static const char *
name_copy (LadderProfile *profile)
{
  GFile *file = ladder_profile_get_file (profile);

  if (file != NULL)
    return g_file_peek_path (file) != NULL ? g_file_peek_path (file) : "";

  return ladder_profile_get_name (profile) != NULL ? ladder_profile_get_name (profile) : "";
}

/**
 * ladder_merge_new:
 * @ours: the copy to merge into
 * @theirs: another copy of the same profile
 * @error: return location for a #LADDER_MERGE_ERROR
 *
 * Works out what merging @theirs into @ours would change, without
 * changing either: see ladder_merge_get_changes() and ladder_merge_apply().
 *
 * Returns: (transfer full) (nullable): the merge, or %NULL when the two are
 *   not copies of one profile on one framework, or one is read-only
 */
LadderMerge *
ladder_merge_new (LadderProfile  *ours,
                  LadderProfile  *theirs,
                  GError        **error)
{
  LadderFramework *ours_framework, *theirs_framework;
  LadderMerge *self;

  g_return_val_if_fail (LADDER_IS_PROFILE (ours), NULL);
  g_return_val_if_fail (LADDER_IS_PROFILE (theirs), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_strcmp0 (ladder_profile_get_id (ours), ladder_profile_get_id (theirs)) != 0)
    {
      g_set_error (error, LADDER_MERGE_ERROR, LADDER_MERGE_ERROR_NOT_SAME_PROFILE,
                   _("“%s” and “%s” are not copies of one profile: their ids differ."),
                   name_copy (ours), name_copy (theirs));
      return NULL;
    }

  ours_framework = ladder_profile_get_framework (ours);
  theirs_framework = ladder_profile_get_framework (theirs);
  if (g_strcmp0 (ladder_framework_get_id (ours_framework),
                 ladder_framework_get_id (theirs_framework)) != 0)
    {
      g_set_error (error, LADDER_MERGE_ERROR, LADDER_MERGE_ERROR_NOT_SAME_FRAMEWORK,
                   _("“%s” follows the framework “%s” and “%s” follows “%s”: copies on different frameworks cannot be merged."),
                   name_copy (ours), ladder_framework_get_id (ours_framework),
                   name_copy (theirs), ladder_framework_get_id (theirs_framework));
      return NULL;
    }

  if (ladder_profile_get_read_only (ours) || ladder_profile_get_read_only (theirs))
    {
      LadderProfile *read_only = ladder_profile_get_read_only (ours) ? ours : theirs;
      const char *reason = ladder_profile_get_read_only_reason (read_only);

      if (reason != NULL)
        g_set_error (error, LADDER_MERGE_ERROR, LADDER_MERGE_ERROR_READ_ONLY,
                     _("%s It cannot be merged."), reason);
      else
        g_set_error (error, LADDER_MERGE_ERROR, LADDER_MERGE_ERROR_READ_ONLY,
                     _("“%s” is opened read-only: it cannot be merged."), name_copy (read_only));
      return NULL;
    }

  self = g_object_new (LADDER_TYPE_MERGE,
                       "ours", ours,
                       "theirs", theirs,
                       NULL);
  run_merge (self, FALSE);

  return self;
}

/**
 * ladder_merge_get_ours:
 * @self: a #LadderMerge
 *
 * Returns: (transfer none): the copy merged into
 */
LadderProfile *
ladder_merge_get_ours (LadderMerge *self)
{
  g_return_val_if_fail (LADDER_IS_MERGE (self), NULL);

  return self->ours;
}

/**
 * ladder_merge_get_theirs:
 * @self: a #LadderMerge
 *
 * Returns: (transfer none): the copy merged from
 */
LadderProfile *
ladder_merge_get_theirs (LadderMerge *self)
{
  g_return_val_if_fail (LADDER_IS_MERGE (self), NULL);

  return self->theirs;
}

/**
 * ladder_merge_get_changes:
 * @self: a #LadderMerge
 *
 * Gets what the merge changes in "ours", one translated sentence per
 * change, such as “New evidence “Led the incident review””. After
 * ladder_merge_apply(), what it changed.
 *
 * Returns: (transfer none) (array zero-terminated=1): the changes
 */
const char * const *
ladder_merge_get_changes (LadderMerge *self)
{
  g_return_val_if_fail (LADDER_IS_MERGE (self), NULL);

  return (const char * const *) self->changes->pdata;
}

/**
 * ladder_merge_get_n_changes:
 * @self: a #LadderMerge
 *
 * Returns: the number of changes; 0 when "ours" already holds everything
 *   "theirs" has
 */
guint
ladder_merge_get_n_changes (LadderMerge *self)
{
  g_return_val_if_fail (LADDER_IS_MERGE (self), 0);

  return self->changes->len - 1;
}

/**
 * ladder_merge_apply:
 * @self: a #LadderMerge
 *
 * Merges "theirs" into "ours", as they are now (the merge is worked out
 * again, so edits made since the preview are not lost), and updates
 * #LadderMerge:changes to what it changed. "ours" emits
 * #LadderProfile::changed once when anything changed.
 */
void
ladder_merge_apply (LadderMerge *self)
{
  g_return_if_fail (LADDER_IS_MERGE (self));

  run_merge (self, TRUE);
}

/**
 * ladder_merge_profiles:
 * @ours: the copy to merge into
 * @theirs: another copy of the same profile
 * @changes: (out) (optional) (transfer full) (array zero-terminated=1):
 *   what changed in @ours
 * @error: return location for a #LADDER_MERGE_ERROR
 *
 * Merges @theirs into @ours: ladder_merge_new() and ladder_merge_apply()
 * in one call.
 *
 * Returns: %TRUE when merged
 */
gboolean
ladder_merge_profiles (LadderProfile   *ours,
                       LadderProfile   *theirs,
                       char          ***changes,
                       GError         **error)
{
  g_autoptr (LadderMerge) merge = NULL;

  g_return_val_if_fail (LADDER_IS_PROFILE (ours), FALSE);
  g_return_val_if_fail (LADDER_IS_PROFILE (theirs), FALSE);

  merge = ladder_merge_new (ours, theirs, error);
  if (merge == NULL)
    return FALSE;

  ladder_merge_apply (merge);

  if (changes != NULL)
    *changes = g_strdupv ((char **) ladder_merge_get_changes (merge));

  return TRUE;
}

/* vim:set foldmethod=marker: */
