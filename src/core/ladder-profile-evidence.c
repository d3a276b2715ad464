/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderProfile: the evidence log, the count of entries per behaviour
 * that the progress view asks for, and the entries' days (from the
 * library's head of the file while the profile is "loading"). The type
 * is in ladder-profile.c; ladder-profile-struct-private.h says what each
 * file of it does. */

#define G_LOG_DOMAIN "ladder-profile"

#include "config.h"

#include "ladder-profile.h"
#include "ladder-model-private.h"
#include "ladder-profile-private.h"
#include "ladder-profile-struct-private.h"

void
_ladder_profile_invalidate_evidence_counts (LadderProfile *self)
{
  g_clear_pointer (&self->evidence_counts, g_hash_table_unref);
}

void
_ladder_profile_evidence_notify_cb (LadderEvidence *evidence,
                                    GParamSpec     *pspec,
                                    LadderProfile  *self)
{
  if (g_strcmp0 (pspec->name, "behaviours") == 0)
    _ladder_profile_invalidate_evidence_counts (self);

  _ladder_profile_mark_changed (self);
}

/**
 * ladder_profile_get_evidence:
 * @self: a #LadderProfile
 *
 * Returns: (transfer none): the live evidence (#LadderEvidence), in the
 *   order added
 */
GListModel *
ladder_profile_get_evidence (LadderProfile *self)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->evidence);
}

/**
 * ladder_profile_find_evidence:
 * @self: a #LadderProfile
 * @id: an evidence id
 *
 * Returns: (transfer none) (nullable): the live entry with @id, or %NULL
 */
LadderEvidence *
ladder_profile_find_evidence (LadderProfile *self,
                              const char    *id)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->evidence_by_id, id);
}

/**
 * ladder_profile_add_evidence:
 * @self: a #LadderProfile
 * @evidence: the entry to append
 *
 * Appends an evidence entry. Its id must not be live in @self already; a
 * tombstone with that id is dropped, since the live entry supersedes it
 * (a merge in which the edit was newer than the deletion).
 */
void
ladder_profile_add_evidence (LadderProfile  *self,
                             LadderEvidence *evidence)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_EVIDENCE (evidence));

  ladder_profile_splice_evidence (self, &evidence, 1);
}

/**
 * ladder_profile_splice_evidence:
 * @self: a #LadderProfile
 * @evidence: (array length=n_evidence): the entries to append
 * @n_evidence: the number of entries
 *
 * Appends many entries at once, with one #GListModel::items-changed and
 * one #LadderProfile::changed: for loaders. Entries whose id is already
 * live are refused with a critical warning; the others are added.
 */
void
ladder_profile_splice_evidence (LadderProfile   *self,
                                LadderEvidence **evidence,
                                guint            n_evidence)
{
  g_autoptr (GPtrArray) added = NULL;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (evidence != NULL || n_evidence == 0);

  added = g_ptr_array_sized_new (n_evidence);

  for (guint i = 0; i < n_evidence; i++)
    {
      LadderEvidence *entry = evidence[i];
      const char *id;

      if (!LADDER_IS_EVIDENCE (entry))
        {
          g_critical ("Item %u of the evidence to add is not a LadderEvidence", i);
          continue;
        }

      id = ladder_evidence_get_id (entry);
      if (g_hash_table_contains (self->evidence_by_id, id))
        {
          g_critical ("Evidence %s is already in profile %s", id, self->id);
          continue;
        }

      g_hash_table_insert (self->evidence_by_id, (char *) id, entry);
      g_hash_table_remove (self->evidence_tombstones, id);
      g_signal_connect (entry, "notify", G_CALLBACK (_ladder_profile_evidence_notify_cb), self);
      g_ptr_array_add (added, entry);
    }

  if (added->len == 0)
    return;

  _ladder_profile_invalidate_evidence_counts (self);
  g_list_store_splice (self->evidence,
                       g_list_model_get_n_items (G_LIST_MODEL (self->evidence)),
                       0,
                       added->pdata,
                       added->len);
  _ladder_profile_mark_changed (self);
}

/**
 * ladder_profile_remove_evidence:
 * @self: a #LadderProfile
 * @evidence: a live entry of @self
 *
 * Removes the entry and keeps a tombstone stamped now, so that a merge of
 * two copies carries the deletion.
 */
void
ladder_profile_remove_evidence (LadderProfile  *self,
                                LadderEvidence *evidence)
{
  g_autoptr (LadderEvidence) hold = NULL;
  g_autoptr (GDateTime) now = NULL;
  guint position;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_EVIDENCE (evidence));

  if (g_hash_table_lookup (self->evidence_by_id, ladder_evidence_get_id (evidence)) != evidence ||
      !g_list_store_find (self->evidence, evidence, &position))
    {
      g_critical ("Evidence %s is not in profile %s",
                  ladder_evidence_get_id (evidence), self->id);
      return;
    }

  /* The caller may hold only the pointer that the store owns. */
  hold = g_object_ref (evidence);
  now = g_date_time_new_now_utc ();

  g_signal_handlers_disconnect_by_data (evidence, self);
  g_hash_table_remove (self->evidence_by_id, ladder_evidence_get_id (evidence));
  _ladder_tombstone_add (self->evidence_tombstones, ladder_evidence_get_id (evidence), now);
  _ladder_profile_invalidate_evidence_counts (self);
  g_list_store_remove (self->evidence, position);
  _ladder_profile_mark_changed (self);
}

static GHashTable *
build_evidence_counts (LadderProfile *self)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->evidence));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderEvidence) evidence = NULL;
      const char * const *behaviours;

      evidence = g_list_model_get_item (G_LIST_MODEL (self->evidence), i);
      behaviours = ladder_evidence_get_behaviours (evidence);

      for (guint j = 0; behaviours[j] != NULL; j++)
        {
          gboolean repeated = FALSE;
          guint count;

          /* An entry that names a behaviour twice still backs it once. */
          for (guint k = 0; k < j && !repeated; k++)
            repeated = g_str_equal (behaviours[k], behaviours[j]);
          if (repeated)
            continue;

          count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, behaviours[j]));
          g_hash_table_replace (counts, g_strdup (behaviours[j]), GUINT_TO_POINTER (count + 1));
        }
    }

  return counts;
}

/**
 * ladder_profile_count_evidence_for:
 * @self: a #LadderProfile
 * @behaviour_id: a behaviour id
 *
 * Counts the live evidence entries linked to @behaviour_id. The counts of
 * all behaviours are computed together on the first call after a change,
 * so asking for every behaviour on screen costs one pass over the
 * evidence.
 *
 * Returns: the number of entries
 */
guint
ladder_profile_count_evidence_for (LadderProfile *self,
                                   const char    *behaviour_id)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (self), 0);
  g_return_val_if_fail (behaviour_id != NULL, 0);

  if (self->evidence_counts == NULL)
    self->evidence_counts = build_evidence_counts (self);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->evidence_counts, behaviour_id));
}

void
_ladder_profile_insert_evidence (LadderProfile  *self,
                                 guint           position,
                                 LadderEvidence *evidence)
{
  const char *id;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_EVIDENCE (evidence));

  id = ladder_evidence_get_id (evidence);
  g_return_if_fail (!g_hash_table_contains (self->evidence_by_id, id));

  g_hash_table_insert (self->evidence_by_id, (char *) id, evidence);
  g_hash_table_remove (self->evidence_tombstones, id);
  g_signal_connect (evidence, "notify", G_CALLBACK (_ladder_profile_evidence_notify_cb), self);
  _ladder_profile_invalidate_evidence_counts (self);
  g_list_store_insert (self->evidence,
                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->evidence))),
                       evidence);
  _ladder_profile_mark_changed (self);
}

void
_ladder_profile_set_head_evidence_days (LadderProfile *self,
                                        GArray        *days)
{
  g_return_if_fail (LADDER_IS_PROFILE (self));

  g_clear_pointer (&self->head_evidence_days, g_array_unref);
  if (days != NULL)
    self->head_evidence_days = g_array_ref (days);
}

GArray *
_ladder_profile_dup_evidence_days (LadderProfile *self)
{
  GListModel *evidence;
  GArray *days;
  guint n;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), NULL);

  if (self->loading && self->head_evidence_days != NULL)
    return g_array_copy (self->head_evidence_days);

  evidence = G_LIST_MODEL (self->evidence);
  n = g_list_model_get_n_items (evidence);
  days = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderEvidence) entry = g_list_model_get_item (evidence, i);
      const GDate *date = ladder_evidence_get_date (entry);
      guint32 day = date != NULL && g_date_valid (date) ? g_date_get_julian (date) : 0;

      g_array_append_val (days, day);
    }

  return days;
}

/* Moves up to @max of the entries @from has left, its last ones, into
 * @self, before every entry @self has: taken from the end, each step's
 * entries go before the last step's, and an entry added to @self
 * meanwhile, newer than any on disk, stays after them all, where it would
 * have been had the file been read first. An entry @self already has or
 * has deleted is left out. Returns how many entries @self gained. */
guint
_ladder_profile_take_evidence_step (LadderProfile *self,
                                    LadderProfile *from,
                                    guint          max)
{
  GListModel *remaining;
  g_autoptr (GPtrArray) taken = NULL;
  g_autoptr (GPtrArray) added = NULL;
  guint n, first;

  g_return_val_if_fail (LADDER_IS_PROFILE (self), 0);
  g_return_val_if_fail (LADDER_IS_PROFILE (from), 0);
  g_return_val_if_fail (self != from, 0);

  remaining = G_LIST_MODEL (from->evidence);
  n = g_list_model_get_n_items (remaining);
  first = n - MIN (max, n);
  if (first == n)
    return 0;

  taken = g_ptr_array_new_full (n - first, g_object_unref);
  for (guint i = first; i < n; i++)
    {
      LadderEvidence *entry = g_list_model_get_item (remaining, i);

      g_signal_handlers_disconnect_by_data (entry, from);
      g_hash_table_remove (from->evidence_by_id, ladder_evidence_get_id (entry));
      g_ptr_array_add (taken, entry);
    }
  g_list_store_splice (from->evidence, first, n - first, NULL, 0);
  _ladder_profile_invalidate_evidence_counts (from);

  added = g_ptr_array_sized_new (taken->len);
  for (guint i = 0; i < taken->len; i++)
    {
      LadderEvidence *entry = taken->pdata[i];
      const char *id = ladder_evidence_get_id (entry);

      if (g_hash_table_contains (self->evidence_by_id, id) ||
          g_hash_table_contains (self->evidence_tombstones, id))
        continue;

      g_hash_table_insert (self->evidence_by_id, (char *) id, entry);
      g_signal_connect (entry, "notify", G_CALLBACK (_ladder_profile_evidence_notify_cb), self);
      g_ptr_array_add (added, entry);
    }

  if (added->len > 0)
    {
      _ladder_profile_invalidate_evidence_counts (self);
      g_list_store_splice (self->evidence, 0, 0, added->pdata, added->len);
    }

  return added->len;
}

/* Once @from has no entry left: takes its evidence tombstones (those of
 * ids @self neither has nor has deleted), and emits the one "changed" of
 * the steps when they added any entry. */
void
_ladder_profile_take_evidence_end (LadderProfile *self,
                                   LadderProfile *from,
                                   gboolean       added)
{
  GHashTableIter iter;
  gpointer id, deleted;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_PROFILE (from));
  g_return_if_fail (self != from);

  g_hash_table_iter_init (&iter, from->evidence_tombstones);
  while (g_hash_table_iter_next (&iter, &id, &deleted))
    {
      if (!g_hash_table_contains (self->evidence_tombstones, id) &&
          !g_hash_table_contains (self->evidence_by_id, id))
        g_hash_table_insert (self->evidence_tombstones, g_strdup (id), g_date_time_ref (deleted));
    }

  if (added)
    _ladder_profile_mark_changed (self);
}

void
_ladder_profile_take_evidence (LadderProfile *self,
                               LadderProfile *from)
{
  guint added;

  g_return_if_fail (LADDER_IS_PROFILE (self));
  g_return_if_fail (LADDER_IS_PROFILE (from));
  g_return_if_fail (self != from);

  added = _ladder_profile_take_evidence_step (self, from, G_MAXUINT);
  _ladder_profile_take_evidence_end (self, from, added > 0);
}
