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
 *
 * The folded texts are kept one after another in large blocks rather than
 * each in an allocation of its own: over 20,000 entries, the allocator's
 * rounding and the holes left where each text was made took megabytes
 * more than the text. A text made again after its entry changed leaves
 * the old one unused in its block until the index is cleared.
 */

typedef struct
{
  GDateTime  *modified;
  const char *folded; /* in one of the index's blocks */
} Entry;

/* Big enough that the room left at each block's end is little, and that
 * the allocator maps each of its own and gives it back when freed. */
#define BLOCK_SIZE (256 * 1024)
#define SCRATCH_KEPT (64 * 1024)

struct _LadderSearchIndex
{
  GObject parent_instance;

  LadderFramework *framework;
  GHashTable      *entries; /* LadderEvidence (owned) → Entry */
  GPtrArray       *blocks;  /* the folded texts, each ending with a nul */
  gsize            block_used; /* of the last block */
  GString         *scratch; /* where each text is folded first */

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
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_string_free (self->scratch, TRUE);

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
  self->blocks = g_ptr_array_new_with_free_func (g_free);
  self->scratch = g_string_new (NULL);
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

/* Appends @text folded to @folded: its ASCII (most text, and many times
 * faster) lowered as it goes, and only the runs of other characters
 * through g_utf8_casefold(), which folds each character on its own, so
 * that the result is what folding the whole text gives. */
static void
append_folded (GString    *folded,
               const char *text,
               gsize       length)
{
  const char *end = text + length;

  while (text < end)
    {
      const char *run = text;

      while (text < end && (guchar) *text < 0x80)
        text++;
      if (text > run)
        {
          gsize start = folded->len;

          g_string_append_len (folded, run, text - run);
          for (gsize i = start; i < folded->len; i++)
            folded->str[i] = g_ascii_tolower (folded->str[i]);
        }

      /* A run of other bytes holds whole characters: none of theirs is
       * below 0x80. */
      run = text;
      while (text < end && (guchar) *text >= 0x80)
        text++;
      if (text > run)
        {
          g_autofree char *part = g_utf8_casefold (run, text - run);

          g_string_append (folded, part);
        }
    }
}

/**
 * ladder_search_fold:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 if it ends with a nul
 *
 * Folds @text as the index folds what it looks in, so that a search is
 * blind to case: as g_utf8_casefold() does, but with its ASCII lowered
 * without it, so that an entry with one accent or dash does not cost its
 * whole length the slow way.
 *
 * Returns: (transfer full) (nullable): the folded text, or %NULL for
 *   empty text (a search for nothing)
 */
char *
ladder_search_fold (const char *text,
                    gssize      length)
{
  GString *folded;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);
  if (length == 0)
    return NULL;

  folded = g_string_sized_new (length);
  append_folded (folded, text, length);

  return g_string_free_and_steal (folded);
}

/* Keeps @length bytes of @text and a nul in the blocks: at the end of
 * the last one, or in a new one; a text longer than a block has one of
 * its own size, before the last so that the room left there stays. */
static const char *
keep_text (LadderSearchIndex *self,
           const char        *text,
           gsize              length)
{
  char *block;

  if (length >= BLOCK_SIZE)
    {
      block = g_memdup2 (text, length + 1);
      g_ptr_array_insert (self->blocks, MAX ((int) self->blocks->len - 1, 0), block);
      if (self->blocks->len == 1)
        self->block_used = BLOCK_SIZE;
      return block;
    }

  if (self->blocks->len == 0 || BLOCK_SIZE - self->block_used < length + 1)
    {
      g_ptr_array_add (self->blocks, g_malloc (BLOCK_SIZE));
      self->block_used = 0;
    }

  block = (char *) g_ptr_array_index (self->blocks, self->blocks->len - 1) + self->block_used;
  memcpy (block, text, length);
  block[length] = '\0';
  self->block_used += length + 1;

  return block;
}

static void
append_field (GString    *folded,
              const char *text)
{
  if (folded->len > 0)
    g_string_append_c (folded, '\n');
  append_folded (folded, text, strlen (text));
}

/* Folded at once into the index's scratch string, which keeps its size
 * from one entry to the next, and then kept at its exact length. */
static const char *
collect_text (LadderSearchIndex *self,
              LadderEvidence    *evidence)
{
  const char *title = ladder_evidence_get_title (evidence);
  const char *body = ladder_evidence_get_body (evidence);
  const char * const *tags = ladder_evidence_get_tags (evidence);
  const char * const *links = ladder_evidence_get_links (evidence);
  const char * const *behaviours = ladder_evidence_get_behaviours (evidence);
  GString *folded = self->scratch;
  const char *kept;

  /* Title and body always, even empty, as before: "\n" between them. */
  g_string_truncate (folded, 0);
  append_folded (folded, title, strlen (title));
  g_string_append_c (folded, '\n');
  if (body != NULL)
    append_folded (folded, body, strlen (body));
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    append_field (folded, tags[i]);
  for (guint i = 0; links != NULL && links[i] != NULL; i++)
    append_field (folded, links[i]);
  for (guint i = 0; self->framework != NULL && behaviours != NULL && behaviours[i] != NULL; i++)
    {
      LadderBehaviour *behaviour = ladder_framework_find_behaviour (self->framework, behaviours[i]);

      if (behaviour != NULL)
        append_field (folded, ladder_behaviour_get_text (behaviour));
    }

  kept = keep_text (self, folded->str, folded->len);
  /* Not the room of the longest entry ever seen, for good. */
  if (folded->allocated_len > SCRATCH_KEPT)
    {
      g_string_free (folded, TRUE);
      self->scratch = g_string_sized_new (SCRATCH_KEPT / 2);
    }

  return kept;
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
/* The entry's folded text, if it is made and still what it holds. */
static Entry *
lookup_fresh (LadderSearchIndex *self,
              LadderEvidence    *evidence)
{
  GDateTime *modified = ladder_evidence_get_modified (evidence);
  Entry *entry = g_hash_table_lookup (self->entries, evidence);

  /* The entry's own stamp, most often: a keystroke compares thousands. */
  if (entry != NULL && entry->modified != NULL && modified != NULL &&
      (entry->modified == modified || g_date_time_equal (entry->modified, modified)))
    return entry;

  return NULL;
}

const char *
ladder_search_index_get_text (LadderSearchIndex *self,
                              LadderEvidence    *evidence)
{
  GDateTime *modified;
  Entry *entry;

  g_return_val_if_fail (LADDER_IS_SEARCH_INDEX (self), NULL);
  g_return_val_if_fail (LADDER_IS_EVIDENCE (evidence), NULL);

  entry = lookup_fresh (self, evidence);
  if (entry != NULL)
    return entry->folded;
  modified = ladder_evidence_get_modified (evidence);

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

  /* A search may have folded the next ones meanwhile: they are not
   * pending, and the steps need not look at them again. */
  while (self->ahead_position < n)
    {
      g_autoptr(LadderEvidence) entry = g_list_model_get_item (self->ahead, self->ahead_position);

      if (lookup_fresh (self, entry) == NULL)
        break;
      self->ahead_position++;
    }

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
  g_ptr_array_set_size (self->blocks, 0);
  g_string_free (self->scratch, TRUE);
  self->scratch = g_string_new (NULL);
}
