/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-growth"

#include "config.h"

#include <string.h>

#include "ladder-growth.h"

/* What is new at a level: each behaviour set against the closest one of
 * the level below, in the same category.
 *
 * The texts are compared as sets of words: g_str_tokenize_and_fold()
 * splits and casefolds them, a light stemmer (below) makes "writes" and
 * "writing" one word, and the little words every sentence has are left
 * out. The similarity is the
 * Dice coefficient of the two sets, 2 |A ∩ B| / (|A| + |B|): it is 1.0
 * for the same words in any order and falls as either side adds words of
 * its own.
 *
 * LADDER_GROWTH_RESTATES_THRESHOLD, 0.45, was chosen on the four bundled
 * frameworks and the corpus of published ones (tests/test-growth.c checks
 * pairs from both). A higher level's restatement keeps the lower text and
 * adds a qualifier or two ("Implements asynchronous messaging between
 * services" → "Implements complex asynchronous messaging flows", 0.60;
 * "Designs moderately complex systems" → "Designs complex projects that
 * encompass multiple systems and technologies", 0.55). Below 0.45 the
 * pairs found are mostly two behaviours that share the vocabulary of their
 * category: "Sought out for code reviews" and "Finds learning
 * opportunities for others when reviewing their code" (0.44), "People &
 * Business Leadership" and "Knowledge Leadership" (0.40). A false "builds
 * on" would hide a new behaviour, a missed one only shows a restatement as
 * new, so the threshold sits above those: "Fixes bugs involving a number
 * of services" and "Fixes simple bugs" (0.36) stay apart. */

/* English only, as are the frameworks Ladder reads so far: a word of
 * another language is simply kept, which errs towards "new". */
static const char * const stop_words[] = {
  "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with",
  "by", "at", "as", "is", "are", "be", "been", "their", "they", "them",
  "it", "its", "that", "this", "these", "from", "into", "when", "where",
  "which", "who", "how", "what", "other", "others", "own", "all", "any",
  "more", "most", "can", "will", "not", "but", "also", "such", "so",
  "than", "then", "up", "out", "about", "etc", "e", "g", "i", "s",
  NULL
};

static gboolean
is_stop_word (const char *word)
{
  return g_strv_contains (stop_words, word);
}

static gboolean
strip_suffix (GString    *word,
              const char *suffix,
              const char *replacement,
              gsize       keep)
{
  gsize length = strlen (suffix);

  if (word->len < length + keep || !g_str_has_suffix (word->str, suffix))
    return FALSE;

  g_string_truncate (word, word->len - length);
  g_string_append (word, replacement);

  return TRUE;
}

/* Light stemming: the inflections a framework's sentences use ("delivers",
 * "delivered", "delivering", "libraries", "clearly") down to one form.
 * Not a real stemmer: words it cannot handle stay different, which errs
 * towards "new", never towards a false "builds on". */
static char *
stem (const char *token)
{
  GString *word = g_string_new (token);

  /* One suffix at most, the first that fits. */
  if (!strip_suffix (word, "ies", "y", 3) &&
      !strip_suffix (word, "ing", "", 3) &&
      !strip_suffix (word, "ed", "", 3) &&
      !strip_suffix (word, "ly", "", 4) &&
      !strip_suffix (word, "es", "", 3) &&
      !g_str_has_suffix (word->str, "ss"))
    strip_suffix (word, "s", "", 3);

  /* "write", "writes" and "writing" all end as "writ". */
  if (word->len > 3 && word->str[word->len - 1] == 'e')
    g_string_truncate (word, word->len - 1);

  return g_string_free (word, FALSE);
}

/* The set of a text's stemmed words: a new hash table used as a set. */
static GHashTable *
word_set (const char *text)
{
  g_auto(GStrv) tokens = NULL;
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (text == NULL)
    return set;

  tokens = g_str_tokenize_and_fold (text, NULL, NULL);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (is_stop_word (tokens[i]))
        continue;

      g_hash_table_add (set, stem (tokens[i]));
    }

  return set;
}

static double
set_similarity (GHashTable *a,
                GHashTable *b)
{
  guint size_a = g_hash_table_size (a);
  guint size_b = g_hash_table_size (b);
  guint shared = 0;
  GHashTableIter iter;
  gpointer word;

  if (size_a == 0 || size_b == 0)
    return 0.0;

  if (size_b < size_a)
    {
      GHashTable *swap = a;

      a = b;
      b = swap;
    }

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    if (g_hash_table_contains (b, word))
      shared++;

  return 2.0 * shared / (size_a + size_b);
}

/**
 * ladder_text_similarity:
 * @a: (nullable): a behaviour's text
 * @b: (nullable): another
 *
 * How alike two behaviours read, word for word: the Dice coefficient of
 * their casefolded, lightly stemmed words, less the little words every
 * sentence has. Order, case and inflection do not count.
 *
 * Returns: from 0.0 (no word shared, or an empty text) to 1.0 (the same
 *   words)
 */
double
ladder_text_similarity (const char *a,
                        const char *b)
{
  g_autoptr(GHashTable) set_a = word_set (a);
  g_autoptr(GHashTable) set_b = word_set (b);

  return set_similarity (set_a, set_b);
}

/**
 * ladder_framework_get_previous_level:
 * @self: a #LadderFramework
 * @level: a level id
 *
 * Returns: (nullable): the id of the level before @level, or %NULL when
 *   @level is the first one or unknown
 */
const char *
ladder_framework_get_previous_level (LadderFramework *self,
                                     const char      *level)
{
  g_autoptr(LadderLevel) previous = NULL;
  int index;

  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), NULL);

  index = ladder_framework_get_level_index (self, level);
  if (index <= 0)
    return NULL;

  /* The store keeps its reference: the id stays valid. */
  previous = g_list_model_get_item (ladder_framework_get_levels (self), (guint) index - 1);

  return ladder_level_get_id (previous);
}

static void
pair_category (LadderFramework *self,
               const char      *level,
               const char      *lower_level,
               const char      *category,
               GPtrArray       *pairs)
{
  g_autoptr(GPtrArray) behaviours = ladder_framework_list_behaviours (self, level, category);
  g_autoptr(GPtrArray) lower = NULL;
  g_autoptr(GPtrArray) lower_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

  if (lower_level != NULL)
    lower = ladder_framework_list_behaviours (self, lower_level, category);
  else
    lower = g_ptr_array_new ();

  for (guint i = 0; i < lower->len; i++)
    g_ptr_array_add (lower_sets, word_set (ladder_behaviour_get_text (lower->pdata[i])));

  for (guint i = 0; i < behaviours->len; i++)
    {
      g_autoptr(GHashTable) set = word_set (ladder_behaviour_get_text (behaviours->pdata[i]));
      LadderGrowthPair *pair = g_new0 (LadderGrowthPair, 1);
      LadderBehaviour *best = NULL;

      pair->behaviour = behaviours->pdata[i];
      for (guint j = 0; j < lower->len; j++)
        {
          double similarity = set_similarity (set, lower_sets->pdata[j]);

          /* Ties keep the first in reading order. */
          if (similarity > pair->similarity)
            {
              pair->similarity = similarity;
              best = lower->pdata[j];
            }
        }

      if (pair->similarity >= LADDER_GROWTH_RESTATES_THRESHOLD)
        pair->builds_on = best;

      g_ptr_array_add (pairs, pair);
    }
}

/**
 * ladder_framework_pair_levels:
 * @self: a #LadderFramework
 * @level: a level id
 * @lower_level: (nullable): the id of the level to compare with, usually
 *   the one before @level; %NULL makes every behaviour new
 * @category: (nullable): a category id, or %NULL for all of them in order
 *
 * Sets each behaviour of @level against the behaviours of @lower_level
 * in its own category, and pairs it with the closest of them when the two
 * read alike enough (%LADDER_GROWTH_RESTATES_THRESHOLD, see
 * ladder_text_similarity()): such a behaviour builds on the lower one, and
 * one with no pair is new at @level. Several behaviours may build on one.
 *
 * Returns: (transfer full) (element-type LadderGrowthPair): a new array of
 *   pairs in reading order, which frees them; its behaviours are owned by
 *   the framework
 */
GPtrArray *
ladder_framework_pair_levels (LadderFramework *self,
                              const char      *level,
                              const char      *lower_level,
                              const char      *category)
{
  GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);
  GListModel *categories;

  g_return_val_if_fail (LADDER_IS_FRAMEWORK (self), pairs);
  g_return_val_if_fail (level != NULL, pairs);

  if (category != NULL)
    {
      pair_category (self, level, lower_level, category, pairs);
      return pairs;
    }

  categories = ladder_framework_get_categories (self);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(LadderCategory) each = g_list_model_get_item (categories, i);

      pair_category (self, level, lower_level, ladder_category_get_id (each), pairs);
    }

  return pairs;
}
