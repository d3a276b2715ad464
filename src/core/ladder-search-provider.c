/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-search-provider"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ladder-search-provider.h"
#include "ladder-search.h"
#include "ladder-time-private.h"

/**
 * LadderSearchProvider:
 *
 * What the desktop's search (GNOME Shell's overview) finds in a library:
 * profiles by their name, the behaviours of their frameworks by their
 * text and examples, and their evidence as the Evidence tab's search
 * finds it. A result must hold every term of a search, each anywhere.
 *
 * Results come in order: first those whose title holds every term (an
 * entry's title, a behaviour's text, a profile's name), then the rest;
 * within each, profiles and behaviours before evidence, and evidence
 * newest first.
 *
 * Each profile's evidence is folded once by a #LadderSearchIndex kept for
 * it, so that a keystroke only compares text; a profile whose evidence is
 * still being read (#LadderProfile:loading) is searched by name and
 * behaviours only.
 *
 * A result's id names its kind, its profile and its item
 * (ladder_search_result_id_new()), so that it can be found again in
 * another #LadderLibrary of the same folder (the window's).
 */

struct _LadderSearchProvider
{
  GObject        parent_instance;

  LadderLibrary *library;
  GHashTable    *indexes;  /* LadderProfile (owned) → LadderSearchIndex */
  guint          limit;    /* results given at most, or 0 */
};

G_DEFINE_FINAL_TYPE (LadderSearchProvider, ladder_search_provider, G_TYPE_OBJECT)

/* Title matches (every term in the title) come first. */
enum
{
  TIER_TITLE,
  TIER_BODY,
  NO_MATCH = -1,
};

typedef struct
{
  LadderSearchResultKind kind;
  int                    tier;
  LadderProfile         *profile;  /* borrowed from the library */
  gpointer               item;     /* the behaviour or evidence, borrowed */
  guint32                day;      /* an entry's Julian day, or 0 */
} Hit;

static void
ladder_search_provider_finalize (GObject *object)
{
  LadderSearchProvider *self = LADDER_SEARCH_PROVIDER (object);

  g_clear_pointer (&self->indexes, g_hash_table_unref);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (ladder_search_provider_parent_class)->finalize (object);
}

static void
ladder_search_provider_class_init (LadderSearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ladder_search_provider_finalize;
}

static void
ladder_search_provider_init (LadderSearchProvider *self)
{
  self->indexes = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
}

/**
 * ladder_search_provider_new:
 * @library: the library to search, loaded or loading
 *
 * Returns: (transfer full): a new provider over @library
 */
LadderSearchProvider *
ladder_search_provider_new (LadderLibrary *library)
{
  LadderSearchProvider *self;

  g_return_val_if_fail (LADDER_IS_LIBRARY (library), NULL);

  self = g_object_new (LADDER_TYPE_SEARCH_PROVIDER, NULL);
  self->library = g_object_ref (library);

  return self;
}

/**
 * ladder_search_provider_get_library:
 * @self: a #LadderSearchProvider
 *
 * Returns: (transfer none): the library @self searches
 */
LadderLibrary *
ladder_search_provider_get_library (LadderSearchProvider *self)
{
  g_return_val_if_fail (LADDER_IS_SEARCH_PROVIDER (self), NULL);

  return self->library;
}

/**
 * ladder_search_provider_set_limit:
 * @self: a #LadderSearchProvider
 * @limit: the most results a search gives, or 0 for all
 *
 * The desktop shows a handful of results, and sends a search's results
 * back at each keystroke: a few hundred ids are plenty, and a one-letter
 * search over a long log would otherwise find tens of thousands. A search
 * narrowed from results cut at @limit looks afresh, since the best of it
 * may have been cut.
 */
void
ladder_search_provider_set_limit (LadderSearchProvider *self,
                                  guint                 limit)
{
  g_return_if_fail (LADDER_IS_SEARCH_PROVIDER (self));

  self->limit = limit;
}

/**
 * ladder_search_result_id_new:
 * @kind: what the result is
 * @profile_id: the id of its profile
 * @item_id: (nullable): the behaviour's or the entry's id, %NULL for a
 *   profile
 *
 * Ids may hold any character: each part is escaped as in a URI, and the
 * parts are joined by slashes.
 *
 * Returns: (transfer full): the result's id
 */
char *
ladder_search_result_id_new (LadderSearchResultKind  kind,
                             const char             *profile_id,
                             const char             *item_id)
{
  static const char * const kinds[] = { "profile", "behaviour", "evidence" };
  g_autofree char *profile_part = NULL;
  g_autofree char *item_part = NULL;

  g_return_val_if_fail (kind <= LADDER_SEARCH_RESULT_EVIDENCE, NULL);
  g_return_val_if_fail (profile_id != NULL, NULL);
  g_return_val_if_fail ((kind == LADDER_SEARCH_RESULT_PROFILE) == (item_id == NULL), NULL);

  profile_part = g_uri_escape_string (profile_id, NULL, TRUE);
  if (item_id == NULL)
    return g_strconcat (kinds[kind], "/", profile_part, NULL);

  item_part = g_uri_escape_string (item_id, NULL, TRUE);

  return g_strconcat (kinds[kind], "/", profile_part, "/", item_part, NULL);
}

/**
 * ladder_search_result_id_parse:
 * @result_id: an id made by ladder_search_result_id_new()
 * @kind: (out) (optional): what the result is
 * @profile_id: (out) (optional) (transfer full): the id of its profile
 * @item_id: (out) (optional) (transfer full) (nullable): the id of its
 *   behaviour or entry, %NULL for a profile
 *
 * Returns: %TRUE if @result_id is such an id; else the out arguments are
 *   left alone
 */
gboolean
ladder_search_result_id_parse (const char             *result_id,
                               LadderSearchResultKind *kind,
                               char                  **profile_id,
                               char                  **item_id)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *item = NULL;
  LadderSearchResultKind parsed;
  guint n_parts;

  g_return_val_if_fail (result_id != NULL, FALSE);

  parts = g_strsplit (result_id, "/", 4);
  n_parts = g_strv_length (parts);
  if (n_parts == 2 && g_str_equal (parts[0], "profile"))
    parsed = LADDER_SEARCH_RESULT_PROFILE;
  else if (n_parts == 3 && g_str_equal (parts[0], "behaviour"))
    parsed = LADDER_SEARCH_RESULT_BEHAVIOUR;
  else if (n_parts == 3 && g_str_equal (parts[0], "evidence"))
    parsed = LADDER_SEARCH_RESULT_EVIDENCE;
  else
    return FALSE;

  profile = g_uri_unescape_string (parts[1], NULL);
  if (profile == NULL || *profile == '\0')
    return FALSE;
  if (n_parts == 3)
    {
      item = g_uri_unescape_string (parts[2], NULL);
      if (item == NULL || *item == '\0')
        return FALSE;
    }

  if (kind != NULL)
    *kind = parsed;
  if (profile_id != NULL)
    *profile_id = g_steal_pointer (&profile);
  if (item_id != NULL)
    *item_id = g_steal_pointer (&item);

  return TRUE;
}

/* Every term is found in @folded: TIER_TITLE if each is found before
 * @title_end (its first occurrence is the earliest), else TIER_BODY. */
static int
match_terms (const char * const *terms,
             const char         *folded,
             const char         *title_end)
{
  int tier = TIER_TITLE;

  for (guint i = 0; terms[i] != NULL; i++)
    {
      const char *found = strstr (folded, terms[i]);

      if (found == NULL)
        return NO_MATCH;
      if (title_end != NULL && found + strlen (terms[i]) > title_end)
        tier = TIER_BODY;
    }

  return tier;
}

static int
match_profile (LadderProfile      *profile,
               const char * const *terms)
{
  const char *name = ladder_profile_get_name (profile);
  g_autofree char *folded = name != NULL ? ladder_search_fold (name, -1) : NULL;

  if (folded == NULL)
    return NO_MATCH;

  return match_terms (terms, folded, NULL);
}

/* Behaviours are a few hundred short texts, folded at each search: they
 * have no stamp to keep their folded text by. */
static int
match_behaviour (LadderBehaviour    *behaviour,
                 const char * const *terms)
{
  g_autoptr(GString) text = g_string_new (ladder_behaviour_get_text (behaviour));
  const char * const *examples = ladder_behaviour_get_examples (behaviour);
  g_autofree char *folded = NULL;
  gsize text_length;

  text_length = text->len;
  for (guint i = 0; examples != NULL && examples[i] != NULL; i++)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, examples[i]);
    }

  folded = ladder_search_fold (text->str, text->len);
  if (folded == NULL)
    return NO_MATCH;

  /* Folding keeps the newline that ends the text, if there are examples. */
  return match_terms (terms, folded, text_length < text->len ? strchr (folded, '\n') : NULL);
}

static LadderSearchIndex *
index_for (LadderSearchProvider *self,
           LadderProfile        *profile)
{
  LadderFramework *framework = ladder_profile_get_framework (profile);
  LadderSearchIndex *index = g_hash_table_lookup (self->indexes, profile);

  if (index == NULL || ladder_search_index_get_framework (index) != framework)
    {
      index = ladder_search_index_new (framework);
      g_hash_table_replace (self->indexes, g_object_ref (profile), index);
    }

  return index;
}

static int
match_evidence (LadderSearchProvider *self,
                LadderProfile        *profile,
                LadderEvidence       *evidence,
                const char * const   *terms)
{
  const char *folded = ladder_search_index_get_text (index_for (self, profile), evidence);

  /* The index's text starts with the title and a newline. */
  return match_terms (terms, folded, strchr (folded, '\n'));
}

static void
add_hit (GArray                 *hits,
         LadderSearchResultKind  kind,
         int                     tier,
         LadderProfile          *profile,
         gpointer                item)
{
  Hit hit = { kind, tier, profile, item, 0 };

  if (tier == NO_MATCH)
    return;
  if (kind == LADDER_SEARCH_RESULT_EVIDENCE)
    {
      const GDate *date = ladder_evidence_get_date (item);

      if (date != NULL && g_date_valid (date))
        hit.day = g_date_get_julian (date);
    }
  g_array_append_val (hits, hit);
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const Hit *hit_a = a;
  const Hit *hit_b = b;

  if (hit_a->tier != hit_b->tier)
    return hit_a->tier - hit_b->tier;
  if (hit_a->kind != hit_b->kind)
    return (int) hit_a->kind - (int) hit_b->kind;

  /* Newest first, and an undated entry (0) after the dated ones. */
  return (hit_b->day > hit_a->day) - (hit_b->day < hit_a->day);
}

static char *
hit_id (const Hit *hit)
{
  const char *profile_id = ladder_profile_get_id (hit->profile);

  switch (hit->kind)
    {
    case LADDER_SEARCH_RESULT_PROFILE:
      return ladder_search_result_id_new (hit->kind, profile_id, NULL);
    case LADDER_SEARCH_RESULT_BEHAVIOUR:
      return ladder_search_result_id_new (hit->kind, profile_id,
                                          ladder_behaviour_get_id (hit->item));
    case LADDER_SEARCH_RESULT_EVIDENCE:
      return ladder_search_result_id_new (hit->kind, profile_id,
                                          ladder_evidence_get_id (hit->item));
    default:
      g_assert_not_reached ();
    }
}

static char **
sorted_ids (LadderSearchProvider *self,
            GArray               *hits)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n_ids = self->limit != 0 ? MIN (hits->len, self->limit) : hits->len;

  /* Stable, so that equals keep the library's order. */
  g_array_sort (hits, compare_hits);
  for (guint i = 0; i < n_ids; i++)
    g_strv_builder_take (builder, hit_id (&g_array_index (hits, Hit, i)));

  return g_strv_builder_end (builder);
}

/* The terms folded, without empty ones; NULL if none is left. */
static GStrv
fold_terms (const char * const *terms)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) folded = NULL;

  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    {
      char *term = ladder_search_fold (terms[i], -1);

      if (term != NULL)
        g_strv_builder_take (builder, term);
    }

  folded = g_strv_builder_end (builder);
  if (folded[0] == NULL)
    return NULL;

  return g_steal_pointer (&folded);
}

/* Lets go of the indexes of profiles the library no longer lists. */
static void
forget_removed_profiles (LadderSearchProvider *self)
{
  GListModel *profiles = ladder_library_get_profiles (self->library);
  g_autoptr(GHashTable) listed = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer profile;

  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    g_hash_table_add (listed, g_list_model_get_item (profiles, i));

  g_hash_table_iter_init (&iter, self->indexes);
  while (g_hash_table_iter_next (&iter, &profile, NULL))
    if (!g_hash_table_contains (listed, profile))
      g_hash_table_iter_remove (&iter);

  /* The items came with a reference each. */
  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, &profile, NULL))
    g_object_unref (profile);
}

static void
search_profile (LadderSearchProvider *self,
                LadderProfile        *profile,
                const char * const   *terms,
                GArray               *hits)
{
  LadderFramework *framework = ladder_profile_get_framework (profile);
  GListModel *behaviours = ladder_framework_get_behaviours (framework);
  GListModel *evidence = ladder_profile_get_evidence (profile);

  add_hit (hits, LADDER_SEARCH_RESULT_PROFILE, match_profile (profile, terms), profile, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (behaviours); i++)
    {
      g_autoptr(LadderBehaviour) behaviour = g_list_model_get_item (behaviours, i);

      add_hit (hits, LADDER_SEARCH_RESULT_BEHAVIOUR, match_behaviour (behaviour, terms),
               profile, behaviour);
    }

  /* Its evidence is not there yet. */
  if (ladder_profile_get_loading (profile))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(LadderEvidence) entry = g_list_model_get_item (evidence, i);

      add_hit (hits, LADDER_SEARCH_RESULT_EVIDENCE,
               match_evidence (self, profile, entry, terms), profile, entry);
    }
}

/**
 * ladder_search_provider_search:
 * @self: a #LadderSearchProvider
 * @terms: (array zero-terminated=1): the words searched for
 *
 * Finds what holds every one of @terms, blind to case, in every profile
 * of the library.
 *
 * Returns: (transfer full) (array zero-terminated=1): the ids of the
 *   results, best first, no more than the limit; empty when @terms holds
 *   no word
 */
char **
ladder_search_provider_search (LadderSearchProvider *self,
                               const char * const   *terms)
{
  g_auto(GStrv) folded = NULL;
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  GListModel *profiles;

  g_return_val_if_fail (LADDER_IS_SEARCH_PROVIDER (self), NULL);

  forget_removed_profiles (self);

  folded = fold_terms (terms);
  if (folded == NULL)
    return g_new0 (char *, 1);

  profiles = ladder_library_get_profiles (self->library);
  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (profiles, i);

      search_profile (self, profile, (const char * const *) folded, hits);
    }

  return sorted_ids (self, hits);
}

typedef struct
{
  LadderSearchResultKind kind;
  LadderProfile         *profile;
  gpointer               item;
} Found;

/* What @result_id names in the library now, with borrowed pointers. */
static gboolean
find_result (LadderSearchProvider *self,
             const char           *result_id,
             Found                *found)
{
  g_autofree char *profile_id = NULL;
  g_autofree char *item_id = NULL;

  if (!ladder_search_result_id_parse (result_id, &found->kind, &profile_id, &item_id))
    return FALSE;

  found->profile = ladder_library_find_profile (self->library, profile_id);
  found->item = NULL;
  if (found->profile == NULL)
    return FALSE;

  switch (found->kind)
    {
    case LADDER_SEARCH_RESULT_PROFILE:
      return TRUE;
    case LADDER_SEARCH_RESULT_BEHAVIOUR:
      found->item = ladder_framework_find_behaviour (ladder_profile_get_framework (found->profile),
                                                     item_id);
      break;
    case LADDER_SEARCH_RESULT_EVIDENCE:
      found->item = ladder_profile_find_evidence (found->profile, item_id);
      break;
    default:
      g_assert_not_reached ();
    }

  return found->item != NULL;
}

/**
 * ladder_search_provider_refine:
 * @self: a #LadderSearchProvider
 * @previous: (array zero-terminated=1): the ids a search gave
 * @terms: (array zero-terminated=1): the words searched for now, which
 *   narrow that search (a word typed on)
 *
 * Looks among @previous only, as the desktop asks while a search is
 * typed; an id whose item is gone is dropped. If @previous was cut at
 * the limit (ladder_search_provider_set_limit()), searches afresh.
 *
 * Returns: (transfer full) (array zero-terminated=1): the ids of
 *   @previous that hold every one of @terms, best first
 */
char **
ladder_search_provider_refine (LadderSearchProvider *self,
                               const char * const   *previous,
                               const char * const   *terms)
{
  g_auto(GStrv) folded = NULL;
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));

  g_return_val_if_fail (LADDER_IS_SEARCH_PROVIDER (self), NULL);
  g_return_val_if_fail (previous != NULL, NULL);

  if (self->limit != 0 && g_strv_length ((char **) previous) >= self->limit)
    return ladder_search_provider_search (self, terms);

  folded = fold_terms (terms);
  if (folded == NULL)
    return g_new0 (char *, 1);

  for (guint i = 0; previous[i] != NULL; i++)
    {
      const char * const *words = (const char * const *) folded;
      Found found;
      int tier = NO_MATCH;

      if (!find_result (self, previous[i], &found))
        continue;

      switch (found.kind)
        {
        case LADDER_SEARCH_RESULT_PROFILE:
          tier = match_profile (found.profile, words);
          break;
        case LADDER_SEARCH_RESULT_BEHAVIOUR:
          tier = match_behaviour (found.item, words);
          break;
        case LADDER_SEARCH_RESULT_EVIDENCE:
          tier = match_evidence (self, found.profile, found.item, words);
          break;
        default:
          g_assert_not_reached ();
        }
      add_hit (hits, found.kind, tier, found.profile, found.item);
    }

  return sorted_ids (self, hits);
}

/**
 * ladder_search_provider_describe:
 * @self: a #LadderSearchProvider
 * @result_id: a result's id
 * @kind: (out) (optional): what the result is
 * @name: (out) (optional) (transfer full): its name: a profile's name, a
 *   behaviour's text, an entry's title
 * @description: (out) (optional) (transfer full): what tells it from
 *   others: a profile's framework; a behaviour's level, an entry's day,
 *   each with the name of its profile
 *
 * Returns: %TRUE if @result_id names something in the library; else the
 *   out arguments are left alone
 */
gboolean
ladder_search_provider_describe (LadderSearchProvider    *self,
                                 const char              *result_id,
                                 LadderSearchResultKind  *kind,
                                 char                   **name,
                                 char                   **description)
{
  LadderFramework *framework;
  const char *profile_name;
  g_autofree char *found_name = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *found_description = NULL;
  Found found;

  g_return_val_if_fail (LADDER_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (result_id != NULL, FALSE);

  if (!find_result (self, result_id, &found))
    return FALSE;

  framework = ladder_profile_get_framework (found.profile);
  profile_name = ladder_profile_get_name (found.profile);
  switch (found.kind)
    {
    case LADDER_SEARCH_RESULT_PROFILE:
      found_name = g_strdup (profile_name);
      found_description = g_strdup (ladder_framework_get_name (framework));
      break;
    case LADDER_SEARCH_RESULT_BEHAVIOUR:
      {
        LadderLevel *level = ladder_framework_find_level (framework,
                                                          ladder_behaviour_get_level (found.item));

        found_name = g_strdup (ladder_behaviour_get_text (found.item));
        detail = g_strdup (level != NULL ? ladder_level_get_name (level)
                                         : ladder_behaviour_get_level (found.item));
      }
      break;
    case LADDER_SEARCH_RESULT_EVIDENCE:
      found_name = g_strdup (ladder_evidence_get_title (found.item));
      detail = _ladder_date_format (ladder_evidence_get_date (found.item), LADDER_DATE_SHORT,
                                    _("Undated"));
      break;
    default:
      g_assert_not_reached ();
    }

  /* Translators: a search result's description in the desktop's search:
   * a behaviour's level or an entry's day, then the profile's name */
  if (detail != NULL)
    found_description = g_strdup_printf (_("%s · %s"), detail, profile_name);

  if (kind != NULL)
    *kind = found.kind;
  if (name != NULL)
    *name = g_steal_pointer (&found_name);
  if (description != NULL)
    *description = g_steal_pointer (&found_description);

  return TRUE;
}
