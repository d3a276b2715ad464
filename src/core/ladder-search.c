/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-search"

#include "config.h"

#include <string.h>

#include "ladder-search.h"

/**
 * LadderSearchIndex:
 *
 * What a search of evidence looks in: for each entry, its title, body,
 * tags and links ("pull/42") and the text of the behaviours it shows,
 * casefolded once and kept until the entry is modified, so that a
 * keystroke over thousands of entries only compares text.
 *
 * The index keeps the entries it has seen; ladder_search_index_clear()
 * lets them go (when another profile is shown).
 *
 * Folding 20,000 entries takes a keystroke past 100 ms, and a profile's
 * evidence can arrive all at once (read in full after its head was
 * shown): ladder_search_index_fold_ahead() follows a list of entries and
 * folds what it gains at idle, a few milliseconds at a time, so that the
 * first keystroke after it finds the text made.
 */

typedef struct
{
  GDateTime *modified;
  char      *folded;
} Entry;

struct _LadderSearchIndex
{
  GObject parent_instance;

  LadderFramework *framework;
  GHashTable      *entries; /* LadderEvidence (owned) → Entry */

  GListModel      *ahead;   /* the list folded ahead, or NULL */
  guint            ahead_position; /* its entries before it are folded */
  gulong           ahead_changed_id;
  guint            ahead_id;
};

G_DEFINE_FINAL_TYPE (LadderSearchIndex, ladder_search_index, G_TYPE_OBJECT)

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->modified, g_date_time_unref);
  g_free (entry->folded);
  g_free (entry);
}

static void stop_folding_ahead (LadderSearchIndex *self);

static void
ladder_search_index_finalize (GObject *object)
{
  LadderSearchIndex *self = LADDER_SEARCH_INDEX (object);

  stop_folding_ahead (self);
  g_clear_object (&self->framework);
  g_clear_pointer (&self->entries, g_hash_table_unref);

  G_OBJECT_CLASS (ladder_search_index_parent_class)->finalize (object);
}

static void
ladder_search_index_class_init (LadderSearchIndexClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ladder_search_index_finalize;
}

static void
ladder_search_index_init (LadderSearchIndex *self)
{
  self->entries = g_hash_table_new_full (NULL, NULL, g_object_unref, entry_free);
}

/**
 * ladder_search_index_new:
 * @framework: (nullable): the framework whose behaviours the entries show
 *
 * Returns: (transfer full): a new, empty index
 */
LadderSearchIndex *
ladder_search_index_new (LadderFramework *framework)
{
  LadderSearchIndex *self;

  g_return_val_if_fail (framework == NULL || LADDER_IS_FRAMEWORK (framework), NULL);

  self = g_object_new (LADDER_TYPE_SEARCH_INDEX, NULL);
  self->framework = framework != NULL ? g_object_ref (framework) : NULL;

  return self;
}

/**
 * ladder_search_index_get_framework:
 * @self: a #LadderSearchIndex
 *
 * Returns: (transfer none) (nullable): the framework the index was made for
 */
LadderFramework *
ladder_search_index_get_framework (LadderSearchIndex *self)
{
  g_return_val_if_fail (LADDER_IS_SEARCH_INDEX (self), NULL);

  return self->framework;
}

static gboolean
is_ascii (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) text[i] >= 0x80)
      return FALSE;

  return TRUE;
}

/**
 * ladder_search_fold:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 if it ends with a nul
 *
 * Folds @text as the index folds what it looks in, so that a search is
 * blind to case: g_utf8_casefold(), and for text that is all ASCII (most
 * of it, and many times faster) its lower case, which is the same.
 *
 * Returns: (transfer full) (nullable): the folded text, or %NULL for
 *   empty text (a search for nothing)
 */
char *
ladder_search_fold (const char *text,
                    gssize      length)
{
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);
  if (length == 0)
    return NULL;
  if (is_ascii (text, length))
    return g_ascii_strdown (text, length);

  return g_utf8_casefold (text, length);
}

static char *
collect_text (LadderSearchIndex *self,
              LadderEvidence    *evidence)
{
  g_autoptr(GString) string = g_string_new (ladder_evidence_get_title (evidence));
  const char * const *tags = ladder_evidence_get_tags (evidence);
  const char * const *links = ladder_evidence_get_links (evidence);
  const char * const *behaviours = ladder_evidence_get_behaviours (evidence);

  g_string_append_c (string, '\n');
  if (ladder_evidence_get_body (evidence) != NULL)
    g_string_append (string, ladder_evidence_get_body (evidence));
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_string_append_c (string, '\n');
      g_string_append (string, tags[i]);
    }
  for (guint i = 0; links != NULL && links[i] != NULL; i++)
    {
      g_string_append_c (string, '\n');
      g_string_append (string, links[i]);
    }
  for (guint i = 0; self->framework != NULL && behaviours != NULL && behaviours[i] != NULL; i++)
    {
      LadderBehaviour *behaviour = ladder_framework_find_behaviour (self->framework, behaviours[i]);

      if (behaviour == NULL)
        continue;
      g_string_append_c (string, '\n');
      g_string_append (string, ladder_behaviour_get_text (behaviour));
    }

  /* A title is never empty, so neither is this. */
  return ladder_search_fold (string->str, string->len);
}

/**
 * ladder_search_index_get_text:
 * @self: a #LadderSearchIndex
 * @evidence: an entry
 *
 * The folded text a search finds @evidence by, made now if the index has
 * none for it or @evidence was modified since. Calling it ahead (while a
 * search bar opens) spares the first keystroke the folding.
 *
 * Returns: (transfer none): the folded text, valid until @evidence is
 *   modified or the index is cleared
 */
const char *
ladder_search_index_get_text (LadderSearchIndex *self,
                              LadderEvidence    *evidence)
{
  GDateTime *modified;
  Entry *entry;

  g_return_val_if_fail (LADDER_IS_SEARCH_INDEX (self), NULL);
  g_return_val_if_fail (LADDER_IS_EVIDENCE (evidence), NULL);

  modified = ladder_evidence_get_modified (evidence);
  entry = g_hash_table_lookup (self->entries, evidence);
  if (entry != NULL && entry->modified != NULL && modified != NULL &&
      g_date_time_equal (entry->modified, modified))
    return entry->folded;

  entry = g_new0 (Entry, 1);
  entry->modified = modified != NULL ? g_date_time_ref (modified) : NULL;
  entry->folded = collect_text (self, evidence);
  g_hash_table_replace (self->entries, g_object_ref (evidence), entry);

  return entry->folded;
}

/**
 * ladder_search_index_matches:
 * @self: a #LadderSearchIndex
 * @evidence: an entry
 * @folded: (nullable): what is searched for, folded by
 *   ladder_search_fold()
 *
 * Returns: %TRUE if @evidence holds @folded anywhere a search looks, or
 *   @folded is %NULL
 */
gboolean
ladder_search_index_matches (LadderSearchIndex *self,
                             LadderEvidence    *evidence,
                             const char        *folded)
{
  g_return_val_if_fail (LADDER_IS_SEARCH_INDEX (self), FALSE);
  g_return_val_if_fail (LADDER_IS_EVIDENCE (evidence), FALSE);

  if (folded == NULL)
    return TRUE;

  return strstr (ladder_search_index_get_text (self, evidence), folded) != NULL;
}

/* Each step stops after this much time, so that a frame due meanwhile is
 * late by no more; the clock is read once per FOLD_CHECK entries. */
#define FOLD_STEP_US 4000
#define FOLD_CHECK 32

static gboolean
fold_ahead_cb (gpointer user_data)
{
  LadderSearchIndex *self = user_data;
  guint n = g_list_model_get_n_items (self->ahead);
  gint64 deadline = g_get_monotonic_time () + FOLD_STEP_US;

  while (self->ahead_position < n)
    {
      g_autoptr(LadderEvidence) entry = g_list_model_get_item (self->ahead, self->ahead_position++);

      ladder_search_index_get_text (self, entry);
      if (self->ahead_position % FOLD_CHECK == 0 && g_get_monotonic_time () >= deadline)
        return G_SOURCE_CONTINUE;
    }

  self->ahead_id = 0;
  return G_SOURCE_REMOVE;
}

static void
fold_ahead_later (LadderSearchIndex *self)
{
  if (self->ahead_id == 0 && self->ahead_position < g_list_model_get_n_items (self->ahead))
    {
      /* Below redrawing and input: it only spares a later keystroke. */
      self->ahead_id = g_idle_add_full (G_PRIORITY_LOW, fold_ahead_cb, self, NULL);
      g_source_set_name_by_id (self->ahead_id, "[ladder] fold search text ahead");
    }
}

static void
ahead_items_changed_cb (GListModel        *list,
                        guint              position,
                        guint              removed,
                        guint              added,
                        LadderSearchIndex *self)
{
  /* What moved from @position on is looked at again: an entry already
   * folded costs a lookup. */
  self->ahead_position = MIN (self->ahead_position, position);
  fold_ahead_later (self);
}

static void
stop_folding_ahead (LadderSearchIndex *self)
{
  g_clear_handle_id (&self->ahead_id, g_source_remove);
  if (self->ahead != NULL)
    g_clear_signal_handler (&self->ahead_changed_id, self->ahead);
  g_clear_object (&self->ahead);
  self->ahead_position = 0;
}

/**
 * ladder_search_index_fold_ahead:
 * @self: a #LadderSearchIndex
 * @evidence: (nullable): a list of #LadderEvidence, or %NULL to stop
 *
 * Folds the text of every entry of @evidence ahead of any search, in
 * steps of a few milliseconds when the thread-default main context is
 * idle, and then of the entries @evidence gains, until called with
 * another list or %NULL, or the index is cleared. An entry modified
 * meanwhile is folded again when a search next looks at it, as without
 * this.
 */
void
ladder_search_index_fold_ahead (LadderSearchIndex *self,
                                GListModel        *evidence)
{
  g_return_if_fail (LADDER_IS_SEARCH_INDEX (self));
  g_return_if_fail (evidence == NULL || G_IS_LIST_MODEL (evidence));

  if (evidence != self->ahead)
    {
      stop_folding_ahead (self);
      if (evidence == NULL)
        return;
      self->ahead = g_object_ref (evidence);
      self->ahead_changed_id = g_signal_connect (evidence, "items-changed",
                                                 G_CALLBACK (ahead_items_changed_cb), self);
    }

  fold_ahead_later (self);
}

/**
 * ladder_search_index_get_pending:
 * @self: a #LadderSearchIndex
 *
 * Returns: how many entries of the list given to
 *   ladder_search_index_fold_ahead() are still to be folded; 0 when none
 *   was given
 */
guint
ladder_search_index_get_pending (LadderSearchIndex *self)
{
  guint n;

  g_return_val_if_fail (LADDER_IS_SEARCH_INDEX (self), 0);

  if (self->ahead == NULL)
    return 0;
  n = g_list_model_get_n_items (self->ahead);

  return n > self->ahead_position ? n - self->ahead_position : 0;
}

/**
 * ladder_search_index_clear:
 * @self: a #LadderSearchIndex
 *
 * Forgets every entry's text, and lets go of the entries and of the list
 * folded ahead.
 */
void
ladder_search_index_clear (LadderSearchIndex *self)
{
  g_return_if_fail (LADDER_IS_SEARCH_INDEX (self));

  stop_folding_ahead (self);
  g_hash_table_remove_all (self->entries);
}
