/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The merge of two copies of a profile: properties over random pairs of
 * diverged copies (seeded by the test framework: rerun a failure with
 * --seed), fixed cases with the exact changes they report, and
 * `ladder-cli merge` run as a user runs it.
 */

#include "config.h"

#include <string.h>

#include <errno.h>

#include <glib/gstdio.h>

#include "ladder-checkin-private.h"
#include "core-helpers.h"
#include "ladder-core.h"
#include "ladder-profile-private.h"

#define N_BEHAVIOURS 10

static LadderFramework *
make_framework (void)
{
  LadderFramework *framework = ladder_framework_new ("acme", "Engineering");
  g_autoptr (LadderLevel) l1 = ladder_level_new ("1", "Level 1", NULL);
  g_autoptr (LadderLevel) l2 = ladder_level_new ("2", "Level 2", NULL);
  g_autoptr (LadderCategory) mastery = ladder_category_new ("mastery", "Mastery", NULL, NULL);

  g_assert_true (ladder_framework_add_level (framework, l1));
  g_assert_true (ladder_framework_add_level (framework, l2));
  g_assert_true (ladder_framework_add_category (framework, mastery));

  for (guint i = 0; i < N_BEHAVIOURS; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u-mastery-%u", 1 + i / 5, i);
      g_autofree char *text = g_strdup_printf ("Behaviour number %u", i);
      g_autoptr (LadderBehaviour) behaviour =
        ladder_behaviour_new (id, i < 5 ? "1" : "2", "mastery", NULL, text);

      g_assert_true (ladder_framework_add_behaviour (framework, behaviour));
    }

  return framework;
}

static const char *
behaviour_id (LadderProfile *profile,
              guint          index)
{
  g_autoptr (LadderBehaviour) behaviour = NULL;

  behaviour = g_list_model_get_item (ladder_framework_get_behaviours (ladder_profile_get_framework (profile)),
                                     index);

  /* The framework holds it. */
  return ladder_behaviour_get_id (behaviour);
}

/* Whole seconds from a fixed day, so that the stamps survive a round trip
 * through a file unchanged. */
static GDateTime *
stamp (guint seconds)
{
  g_autoptr (GDateTime) start = g_date_time_new_utc (2025, 1, 1, 9, 0, 0.0);

  return g_date_time_add_seconds (start, seconds);
}

static char *
write_profile (LadderProfile *profile)
{
  return ladder_format_write_profile (profile, NULL);
}

static LadderProfile *
copy_profile (LadderProfile *profile)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  LadderProfile *copy;
  gsize length;

  data = ladder_format_write_profile (profile, &length);
  copy = ladder_format_read_profile (data, length, "copy.json", &error);
  g_assert_no_error (error);

  return copy;
}

static gpointer
random_item (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  if (n == 0)
    return NULL;

  return g_list_model_get_item (model, g_test_rand_int_range (0, n));
}

static LadderCheckin *
random_checkin (LadderProfile *profile)
{
  return random_item (ladder_profile_get_checkins (profile));
}

static LadderPromotion *
random_promotion (LadderProfile *profile)
{
  return random_item (ladder_profile_get_promotions (profile));
}

/* What a list holds, for the checks: evidence, check-ins or promotions. */
typedef enum
{
  LIST_EVIDENCE,
  LIST_CHECKINS,
  LIST_PROMOTIONS,
} ListKind;

static const char *
list_kind_tombstones (ListKind kind)
{
  static const char * const kinds[] = { "evidence", "checkin", "promotion" };

  return kinds[kind];
}

static GListModel *
list_kind_live (LadderProfile *profile,
                ListKind       kind)
{
  switch (kind)
    {
    case LIST_EVIDENCE:
      return ladder_profile_get_evidence (profile);
    case LIST_CHECKINS:
      return ladder_profile_get_checkins (profile);
    case LIST_PROMOTIONS:
      return ladder_profile_get_promotions (profile);
    default:
      g_assert_not_reached ();
    }
}

static const char *
list_kind_id (ListKind kind,
              gpointer item)
{
  switch (kind)
    {
    case LIST_EVIDENCE:
      return ladder_evidence_get_id (item);
    case LIST_CHECKINS:
      return ladder_checkin_get_id (item);
    case LIST_PROMOTIONS:
      return ladder_promotion_get_id (item);
    default:
      g_assert_not_reached ();
    }
}

static GDateTime *
list_kind_modified (ListKind kind,
                    gpointer item)
{
  switch (kind)
    {
    case LIST_EVIDENCE:
      return ladder_evidence_get_modified (item);
    case LIST_CHECKINS:
      return ladder_checkin_get_modified (item);
    case LIST_PROMOTIONS:
      return ladder_promotion_get_modified (item);
    default:
      g_assert_not_reached ();
    }
}

static gpointer
list_kind_find (LadderProfile *profile,
                ListKind       kind,
                const char    *id)
{
  switch (kind)
    {
    case LIST_EVIDENCE:
      return ladder_profile_find_evidence (profile, id);
    case LIST_CHECKINS:
      return ladder_profile_find_checkin (profile, id);
    case LIST_PROMOTIONS:
      return ladder_profile_find_promotion (profile, id);
    default:
      g_assert_not_reached ();
    }
}

/* Random edits {{{1 */

static void
add_random_evidence (LadderProfile *profile,
                     guint          now)
{
  g_autofree char *id = g_strdup_printf ("e-%08x", g_test_rand_int ());
  g_autofree char *title = g_strdup_printf ("Evidence %u", g_test_rand_int_range (0, 1000));
  g_autoptr (LadderEvidence) evidence = NULL;
  g_autoptr (GDateTime) time = stamp (now);
  g_autoptr (GPtrArray) behaviours = g_ptr_array_new ();
  g_autoptr (GDate) date = g_date_new_dmy (g_test_rand_int_range (1, 28), G_DATE_MARCH, 2025);

  if (ladder_profile_find_evidence (profile, id) != NULL)
    return;

  for (guint i = 0; i < N_BEHAVIOURS; i++)
    if (g_test_rand_int_range (0, 4) == 0)
      g_ptr_array_add (behaviours, (gpointer) behaviour_id (profile, i));
  g_ptr_array_add (behaviours, NULL);

  evidence = ladder_evidence_new (id);
  ladder_evidence_set_title (evidence, title);
  ladder_evidence_set_date (evidence, date);
  ladder_evidence_set_behaviours (evidence, (const char * const *) behaviours->pdata);
  ladder_evidence_set_stamps (evidence, time, time);
  ladder_profile_add_evidence (profile, evidence);
}

static LadderAction *
make_random_action (guint now)
{
  g_autofree char *id = g_strdup_printf ("a-%08x", g_test_rand_int ());
  g_autofree char *text = g_strdup_printf ("Action %u", g_test_rand_int_range (0, 1000));
  g_autoptr (GDateTime) time = stamp (now);
  LadderAction *action = ladder_action_new (id);

  ladder_action_set_text (action, text);
  ladder_action_set_owner (action, g_test_rand_bit () ? LADDER_RATER_SELF : LADDER_RATER_MANAGER);
  ladder_action_set_modified (action, time);

  return action;
}

static void
add_random_checkin (LadderProfile *profile,
                    guint          now)
{
  g_autofree char *id = g_strdup_printf ("c-%08x", g_test_rand_int ());
  g_autofree char *notes = g_strdup_printf ("Notes %u", g_test_rand_int_range (0, 1000));
  g_autoptr (LadderCheckin) checkin = NULL;
  g_autoptr (GDateTime) time = stamp (now);
  g_autoptr (GDate) date = g_date_new_dmy (g_test_rand_int_range (1, 28), G_DATE_APRIL, 2025);
  guint n_actions = g_test_rand_int_range (0, 3);

  if (ladder_profile_find_checkin (profile, id) != NULL)
    return;

  checkin = ladder_checkin_new (id);
  ladder_checkin_set_date (checkin, date);
  ladder_checkin_set_notes (checkin, notes);
  for (guint i = 0; i < n_actions; i++)
    {
      g_autoptr (LadderAction) action = make_random_action (now);

      ladder_checkin_add_action (checkin, action);
    }
  for (guint i = 0; i < N_BEHAVIOURS; i += 3)
    ladder_checkin_set_snapshot (checkin, behaviour_id (profile, i),
                                 g_test_rand_int_range (0, 5), g_test_rand_int_range (0, 5));
  ladder_checkin_set_modified (checkin, time);
  ladder_profile_add_checkin (profile, checkin);
}

static void
add_random_promotion (LadderProfile *profile,
                      guint          now)
{
  g_autofree char *id = g_strdup_printf ("p-%08x", g_test_rand_int ());
  g_autoptr (LadderPromotion) promotion = NULL;
  g_autoptr (GDateTime) time = stamp (now);
  g_autoptr (GDate) date = g_date_new_dmy (g_test_rand_int_range (1, 28), G_DATE_MAY, 2025);
  gboolean up = g_test_rand_bit ();

  if (ladder_profile_find_promotion (profile, id) != NULL)
    return;

  promotion = ladder_promotion_new (id, date, up ? "1" : "2", up ? "2" : "1");
  ladder_promotion_set_modified (promotion, time);
  ladder_profile_add_promotion (profile, promotion);
}

static void
random_edit (LadderProfile *profile,
             guint          now)
{
  g_autoptr (GDateTime) time = stamp (now);

  switch (g_test_rand_int_range (0, 15))
    {
    case 0:
    case 1:
      {
        LadderRating *rating = ladder_profile_ensure_rating (profile,
                                                             behaviour_id (profile, g_test_rand_int_range (0, N_BEHAVIOURS)));

        /* Unrated: a rating cleared, which carries its time too. */
        ladder_rating_set_value (rating,
                                 g_test_rand_bit () ? LADDER_RATER_SELF : LADDER_RATER_MANAGER,
                                 g_test_rand_int_range (LADDER_RATING_UNRATED,
                                                        LADDER_RATING_NOT_APPLICABLE + 1),
                                 time);
      }
      break;

    case 2:
      {
        LadderRating *rating = ladder_profile_ensure_rating (profile,
                                                             behaviour_id (profile, g_test_rand_int_range (0, N_BEHAVIOURS)));
        g_autofree char *note = g_strdup_printf ("Note %u", g_test_rand_int_range (0, 1000));
        LadderRater rater = g_test_rand_bit () ? LADDER_RATER_SELF : LADDER_RATER_MANAGER;

        /* Marked not applicable, with why: the note goes with the side. */
        ladder_rating_set_value (rating, rater, LADDER_RATING_NOT_APPLICABLE, time);
        ladder_rating_set_note (rating, rater, note);
      }
      break;

    case 3:
      add_random_evidence (profile, now);
      break;

    case 4:
      {
        g_autoptr (LadderEvidence) evidence = random_item (ladder_profile_get_evidence (profile));
        g_autofree char *title = g_strdup_printf ("Edited %u", g_test_rand_int_range (0, 1000));

        if (evidence == NULL)
          break;
        ladder_evidence_set_title (evidence, title);
        ladder_evidence_set_stamps (evidence, NULL, time);
      }
      break;

    case 5:
      {
        g_autoptr (LadderEvidence) evidence = random_item (ladder_profile_get_evidence (profile));

        if (evidence != NULL)
          _ladder_profile_delete (profile, "evidence", ladder_evidence_get_id (evidence), time);
      }
      break;

    case 6:
      add_random_checkin (profile, now);
      break;

    case 7:
      {
        g_autoptr (LadderCheckin) checkin = random_checkin (profile);
        g_autofree char *notes = g_strdup_printf ("Edited notes %u", g_test_rand_int_range (0, 1000));

        if (checkin == NULL)
          break;
        ladder_checkin_set_notes (checkin, notes);
        ladder_checkin_set_snapshot (checkin, behaviour_id (profile, 1),
                                     g_test_rand_int_range (0, 5), g_test_rand_int_range (0, 5));
        ladder_checkin_set_modified (checkin, time);
      }
      break;

    case 8:
      {
        g_autoptr (LadderCheckin) checkin = random_checkin (profile);
        g_autoptr (LadderAction) action = NULL;

        if (checkin == NULL)
          break;

        if (g_test_rand_bit ())
          {
            action = make_random_action (now);
            ladder_checkin_add_action (checkin, action);
          }
        else if ((action = random_item (ladder_checkin_get_actions (checkin))) != NULL)
          {
            ladder_action_set_done (action, !ladder_action_get_done (action));
            ladder_action_set_modified (action, time);
          }
      }
      break;

    case 9:
      {
        g_autoptr (LadderCheckin) checkin = random_checkin (profile);
        g_autoptr (LadderAction) action = NULL;

        if (checkin != NULL && (action = random_item (ladder_checkin_get_actions (checkin))) != NULL)
          _ladder_checkin_delete_action (checkin, ladder_action_get_id (action), time);
      }
      break;

    case 10:
      {
        g_autoptr (LadderCheckin) checkin = random_checkin (profile);

        if (checkin != NULL)
          _ladder_profile_delete (profile, "checkin", ladder_checkin_get_id (checkin), time);
      }
      break;

    case 11:
      {
        static const char * const values[LADDER_PROFILE_N_DETAILS][3] = {
          [LADDER_PROFILE_NAME] = { "Alex Doe", "Alex Roe", "A. Doe" },
          [LADDER_PROFILE_ROLE] = { NULL, "Engineer", "Senior Engineer" },
          [LADDER_PROFILE_CURRENT_LEVEL] = { NULL, "1", "2" },
          [LADDER_PROFILE_TARGET_LEVEL] = { NULL, "1", "2" },
          [LADDER_PROFILE_CADENCE] = { NULL, "weekly", "monthly" },
        };
        LadderProfileDetail detail = g_test_rand_int_range (0, LADDER_PROFILE_N_DETAILS);

        _ladder_profile_set_detail (profile, detail, values[detail][g_test_rand_int_range (0, 3)], time);
      }
      break;

    case 12:
      add_random_promotion (profile, now);
      break;

    case 13:
      {
        g_autoptr (LadderPromotion) promotion = random_promotion (profile);
        g_autoptr (GDate) date = g_date_new_dmy (g_test_rand_int_range (1, 28), G_DATE_JUNE, 2025);

        if (promotion == NULL)
          break;
        ladder_promotion_set_date (promotion, date);
        if (g_test_rand_bit ())
          ladder_promotion_set_from (promotion, ladder_promotion_get_to (promotion));
        ladder_promotion_set_modified (promotion, time);
      }
      break;

    case 14:
      {
        g_autoptr (LadderPromotion) promotion = random_promotion (profile);

        if (promotion != NULL)
          _ladder_profile_delete (profile, "promotion", ladder_promotion_get_id (promotion), time);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* A clock per copy: a few seconds per edit, sometimes none, so that the
 * two copies' stamps often tie. */
static guint
random_edits (LadderProfile *profile,
              guint          now,
              guint          n_edits)
{
  for (guint i = 0; i < n_edits; i++)
    {
      now += g_test_rand_int_range (0, 3);
      random_edit (profile, now);
    }

  return now;
}

/* The expected result, worked out from the two copies alone {{{1 */

/* Collects, per id, the newest live stamp and the newest deletion of
 * an evidence entry or check-in on either copy. */
typedef struct
{
  GDateTime *live;
  GDateTime *deleted;
} Fate;

static void
fate_free (Fate *fate)
{
  g_clear_pointer (&fate->live, g_date_time_unref);
  g_clear_pointer (&fate->deleted, g_date_time_unref);
  g_free (fate);
}

static Fate *
lookup_fate (GHashTable *fates,
             const char *id)
{
  Fate *fate = g_hash_table_lookup (fates, id);

  if (fate == NULL)
    {
      fate = g_new0 (Fate, 1);
      g_hash_table_insert (fates, g_strdup (id), fate);
    }

  return fate;
}

static void
keep_newer (GDateTime **slot,
            GDateTime  *time)
{
  if (*slot == NULL || g_date_time_compare (time, *slot) > 0)
    {
      g_clear_pointer (slot, g_date_time_unref);
      *slot = g_date_time_ref (time);
    }
}

static void
collect_fates (GHashTable *fates,
               GListModel *live,
               GHashTable *tombstones,
               ListKind    kind)
{
  GHashTableIter iter;
  gpointer id, deleted;
  guint n = g_list_model_get_n_items (live);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (live, i);

      keep_newer (&lookup_fate (fates, list_kind_id (kind, item))->live,
                  list_kind_modified (kind, item));
    }

  g_hash_table_iter_init (&iter, tombstones);
  while (g_hash_table_iter_next (&iter, &id, &deleted))
    keep_newer (&lookup_fate (fates, id)->deleted, deleted);
}

static void
check_fates (LadderProfile *merged,
             LadderProfile *a,
             LadderProfile *b,
             ListKind       list)
{
  g_autoptr (GHashTable) fates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) fate_free);
  const char *kind = list_kind_tombstones (list);
  GHashTable *merged_tombstones = ladder_profile_get_tombstones (merged, kind);
  GHashTableIter iter;
  gpointer id;
  Fate *fate;

  for (guint i = 0; i < 2; i++)
    {
      LadderProfile *copy = i == 0 ? a : b;

      collect_fates (fates, list_kind_live (copy, list),
                     ladder_profile_get_tombstones (copy, kind), list);
    }

  g_hash_table_iter_init (&iter, fates);
  while (g_hash_table_iter_next (&iter, &id, (gpointer *) &fate))
    {
      gboolean expect_live = fate->live != NULL &&
                             (fate->deleted == NULL || g_date_time_compare (fate->live, fate->deleted) > 0);
      gpointer found = list_kind_find (merged, list, id);
      GDateTime *modified = found != NULL ? list_kind_modified (list, found) : NULL;

      if (expect_live)
        {
          /* Every entry of either copy that nobody deleted later, in its
           * newest version. */
          g_assert_nonnull (modified);
          g_assert_true (g_date_time_equal (modified, fate->live));
          g_assert_false (g_hash_table_contains (merged_tombstones, id));
        }
      else
        {
          /* Deletions survive, with the latest time of deletion. */
          g_assert_null (modified);
          g_assert_true (g_date_time_equal (g_hash_table_lookup (merged_tombstones, id),
                                            fate->deleted));
        }
    }

  /* And nothing that neither copy had. */
  g_assert_cmpuint (g_hash_table_size (merged_tombstones) +
                    g_list_model_get_n_items (list_kind_live (merged, list)),
                    ==, g_hash_table_size (fates));
}

static void
check_ratings (LadderProfile *merged,
               LadderProfile *a,
               LadderProfile *b)
{
  for (guint i = 0; i < N_BEHAVIOURS; i++)
    {
      const char *id = behaviour_id (merged, i);
      LadderRating *ra = ladder_profile_get_rating (a, id);
      LadderRating *rb = ladder_profile_get_rating (b, id);
      LadderRating *rm = ladder_profile_get_rating (merged, id);

      g_assert_true ((rm != NULL) == (ra != NULL || rb != NULL));

      for (LadderRater rater = LADDER_RATER_SELF; rater <= LADDER_RATER_MANAGER; rater++)
        {
          GDateTime *ta = ra != NULL ? ladder_rating_get_updated (ra, rater) : NULL;
          GDateTime *tb = rb != NULL ? ladder_rating_get_updated (rb, rater) : NULL;
          LadderRatingValue va = ra != NULL ? ladder_rating_get_value (ra, rater) : LADDER_RATING_UNRATED;
          LadderRatingValue vb = rb != NULL ? ladder_rating_get_value (rb, rater) : LADDER_RATING_UNRATED;
          LadderRatingValue expected;
          GDateTime *expected_time;

          if (ta == NULL || (tb != NULL && g_date_time_compare (tb, ta) > 0))
            expected = vb, expected_time = tb;
          else if (tb == NULL || g_date_time_compare (ta, tb) > 0)
            expected = va, expected_time = ta;
          else
            expected = MAX (va, vb), expected_time = ta;

          g_assert_cmpint (ladder_profile_get_rating_value (merged, id, rater), ==, expected);
          if (expected_time != NULL)
            g_assert_true (g_date_time_equal (ladder_rating_get_updated (rm, rater), expected_time));
          else
            g_assert_null (rm != NULL ? ladder_rating_get_updated (rm, rater) : NULL);
        }
    }
}

/* @merged is @ours ⊕ @theirs: each detail is the newer change's. */
static const char *
cadence_word (LadderProfile *profile)
{
  return ladder_cadence_to_string (ladder_profile_get_cadence (profile));
}

static void
check_details (LadderProfile *merged,
               LadderProfile *ours,
               LadderProfile *theirs)
{
  const char *(*get[]) (LadderProfile *) = {
    [LADDER_PROFILE_NAME] = ladder_profile_get_name,
    [LADDER_PROFILE_ROLE] = ladder_profile_get_role,
    [LADDER_PROFILE_CURRENT_LEVEL] = ladder_profile_get_current_level,
    [LADDER_PROFILE_TARGET_LEVEL] = ladder_profile_get_target_level,
    [LADDER_PROFILE_CADENCE] = cadence_word,
  };

  for (LadderProfileDetail detail = 0; detail < LADDER_PROFILE_N_DETAILS; detail++)
    {
      GDateTime *to = ladder_profile_get_detail_updated (ours, detail);
      GDateTime *tt = ladder_profile_get_detail_updated (theirs, detail);
      const char *vo = get[detail] (ours);
      const char *vt = get[detail] (theirs);
      gboolean theirs_wins;

      if (to == NULL && tt == NULL)
        theirs_wins = vo == NULL && vt != NULL;
      else if (to == NULL || tt == NULL)
        theirs_wins = tt != NULL;
      else if (!g_date_time_equal (to, tt))
        theirs_wins = g_date_time_compare (tt, to) > 0;
      else
        theirs_wins = g_strcmp0 (vt, vo) > 0;

      g_assert_cmpstr (get[detail] (merged), ==, theirs_wins ? vt : vo);
      if ((theirs_wins ? tt : to) == NULL)
        g_assert_null (ladder_profile_get_detail_updated (merged, detail));
      else
        g_assert_true (g_date_time_equal (ladder_profile_get_detail_updated (merged, detail),
                                          theirs_wins ? tt : to));
    }
}

/* Properties {{{1 */

typedef struct
{
  LadderProfile *a;
  LadderProfile *b;
} Pair;

static void
make_diverged_pair (Pair *pair)
{
  g_autoptr (LadderFramework) framework = make_framework ();
  g_autoptr (LadderProfile) base = ladder_profile_new ("9b1e6f0a-0000-4000-8000-000000000001", framework);
  guint now;

  ladder_profile_set_name (base, "Alex Doe");
  now = random_edits (base, 0, g_test_rand_int_range (0, 15));

  pair->a = copy_profile (base);
  pair->b = copy_profile (base);
  random_edits (pair->a, now, g_test_rand_int_range (0, 12));
  random_edits (pair->b, now, g_test_rand_int_range (0, 12));

  /* As they would be read from their files. */
  for (guint i = 0; i < 2; i++)
    {
      LadderProfile **copy = i == 0 ? &pair->a : &pair->b;
      LadderProfile *reread = copy_profile (*copy);

      g_object_unref (*copy);
      *copy = reread;
    }
}

static LadderProfile *
merged_copy (LadderProfile *ours,
             LadderProfile *theirs,
             guint         *n_changes)
{
  g_autoptr (LadderProfile) result = copy_profile (ours);
  g_autoptr (LadderProfile) other = copy_profile (theirs);
  g_autoptr (LadderMerge) merge = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *evidence = ladder_profile_get_evidence (result);
  g_autofree char *preview_before = write_profile (result);
  g_autofree char *preview_after = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    g_ptr_array_add (before, g_list_model_get_item (evidence, i));

  merge = ladder_merge_new (result, other, &error);
  g_assert_no_error (error);

  /* The preview changes nothing. */
  preview_after = write_profile (result);
  g_assert_cmpstr (preview_before, ==, preview_after);

  ladder_merge_apply (merge);
  if (n_changes != NULL)
    *n_changes = ladder_merge_get_n_changes (merge);

  /* Merged in place: an entry that stays is the same object, so a view of
   * it keeps its row. */
  for (guint i = 0; i < before->len; i++)
    {
      LadderEvidence *entry = before->pdata[i];
      LadderEvidence *found = ladder_profile_find_evidence (result, ladder_evidence_get_id (entry));

      g_assert_true (found == NULL || found == entry);
    }

  return g_steal_pointer (&result);
}

static void
test_merge_random_pairs (void)
{
  guint n_pairs = g_test_thorough () ? 2000 : 300;

  for (guint i = 0; i < n_pairs; i++)
    {
      Pair pair = { NULL, NULL };
      g_autoptr (LadderProfile) ab = NULL;
      g_autoptr (LadderProfile) ba = NULL;
      g_autoptr (LadderProfile) aa = NULL;
      g_autoptr (LadderProfile) abb = NULL;
      g_autoptr (LadderProfile) reread = NULL;
      g_autofree char *a_text = NULL;
      g_autofree char *ab_text = NULL;
      g_autofree char *ba_text = NULL;
      g_autofree char *aa_text = NULL;
      g_autofree char *abb_text = NULL;
      g_autofree char *reread_text = NULL;
      guint n_changes;

      make_diverged_pair (&pair);

      ab = merged_copy (pair.a, pair.b, NULL);
      ba = merged_copy (pair.b, pair.a, NULL);
      ab_text = write_profile (ab);
      ba_text = write_profile (ba);

      /* Commutative: the same file either way. */
      g_assert_cmpstr (ab_text, ==, ba_text);

      /* Idempotent: a ⊕ a = a, (a ⊕ b) ⊕ b = a ⊕ b, and nothing to report. */
      aa = merged_copy (pair.a, pair.a, &n_changes);
      a_text = write_profile (pair.a);
      aa_text = write_profile (aa);
      g_assert_cmpstr (aa_text, ==, a_text);
      g_assert_cmpuint (n_changes, ==, 0);

      abb = merged_copy (ab, pair.b, &n_changes);
      abb_text = write_profile (abb);
      g_assert_cmpstr (abb_text, ==, ab_text);
      g_assert_cmpuint (n_changes, ==, 0);

      /* The merged file reads back as it was written. */
      reread = copy_profile (ab);
      reread_text = write_profile (reread);
      g_assert_cmpstr (reread_text, ==, ab_text);

      /* A merge undone gives back the copy as it was. */
      {
        g_autoptr (LadderProfile) undone = copy_profile (pair.a);
        g_autoptr (LadderProfile) before = copy_profile (pair.a);
        g_autofree char *undone_text = NULL;

        g_assert_true (ladder_merge_profiles (undone, pair.b, NULL, NULL));
        _ladder_profile_restore (undone, before);
        undone_text = write_profile (undone);
        g_assert_cmpstr (undone_text, ==, a_text);
      }

      /* What it holds, worked out from the two copies alone. */
      check_fates (ab, pair.a, pair.b, LIST_EVIDENCE);
      check_fates (ab, pair.a, pair.b, LIST_CHECKINS);
      check_fates (ab, pair.a, pair.b, LIST_PROMOTIONS);
      check_ratings (ab, pair.a, pair.b);
      check_details (ab, pair.a, pair.b);

      g_clear_object (&pair.a);
      g_clear_object (&pair.b);
    }
}

/* Fixed cases {{{1 */

/* Clearing a rating on one copy wins over an older rating on the other,
 * in either direction, and survives the file. */
static void
test_merge_cleared_rating (void)
{
  g_autoptr (LadderFramework) framework = make_framework ();
  g_autoptr (LadderProfile) a = ladder_profile_new ("9b1e6f0a-0000-4000-8000-000000000001", framework);
  g_autoptr (LadderProfile) b = NULL;
  g_autoptr (LadderProfile) ab = NULL;
  g_autoptr (LadderProfile) ba = NULL;
  g_autoptr (GDateTime) rated = stamp (10);
  g_autoptr (GDateTime) cleared = stamp (20);
  g_autoptr (GDateTime) rated_again = stamp (30);
  g_autofree char *ab_text = NULL;
  g_autofree char *ba_text = NULL;
  const char *id = behaviour_id (a, 1);

  ladder_rating_set_value (ladder_profile_ensure_rating (a, id), LADDER_RATER_SELF,
                           LADDER_RATING_CONSISTENTLY, rated);
  {
    g_autoptr (LadderProfile) cleared_copy = copy_profile (a);

    ladder_rating_set_value (ladder_profile_get_rating (cleared_copy, id), LADDER_RATER_SELF,
                             LADDER_RATING_UNRATED, cleared);
    /* The cleared side is written with its time and read back. */
    b = copy_profile (cleared_copy);
  }
  g_assert_cmpint (ladder_profile_get_rating_value (b, id, LADDER_RATER_SELF), ==, LADDER_RATING_UNRATED);
  g_assert_true (g_date_time_equal (ladder_rating_get_updated (ladder_profile_get_rating (b, id),
                                                               LADDER_RATER_SELF), cleared));

  ab = merged_copy (a, b, NULL);
  ba = merged_copy (b, a, NULL);
  g_assert_cmpint (ladder_profile_get_rating_value (ab, id, LADDER_RATER_SELF), ==, LADDER_RATING_UNRATED);
  g_assert_cmpint (ladder_profile_get_rating_value (ba, id, LADDER_RATER_SELF), ==, LADDER_RATING_UNRATED);
  ab_text = write_profile (ab);
  ba_text = write_profile (ba);
  g_assert_cmpstr (ab_text, ==, ba_text);
  g_assert_nonnull (strstr (ab_text, "\"self_updated\""));
  g_assert_null (strstr (ab_text, "\"self\" :"));

  /* Rated again after the clearing: the rating wins. */
  ladder_rating_set_value (ladder_profile_get_rating (a, id), LADDER_RATER_SELF,
                           LADDER_RATING_SOMETIMES, rated_again);
  g_clear_object (&ab);
  ab = merged_copy (b, a, NULL);
  g_assert_cmpint (ladder_profile_get_rating_value (ab, id, LADDER_RATER_SELF), ==, LADDER_RATING_SOMETIMES);
}

/* Each side's note goes with its side: the engineer's reason on one copy
 * and the manager's on the other both survive, in either direction. */
static void
test_merge_side_notes (void)
{
  g_autoptr (LadderFramework) framework = make_framework ();
  g_autoptr (LadderProfile) a = ladder_profile_new ("9b1e6f0a-0000-4000-8000-000000000001", framework);
  g_autoptr (LadderProfile) b = NULL;
  g_autoptr (LadderProfile) ab = NULL;
  g_autoptr (LadderProfile) ba = NULL;
  g_autoptr (GDateTime) self_time = stamp (10);
  g_autoptr (GDateTime) manager_time = stamp (20);
  g_autofree char *ab_text = NULL;
  g_autofree char *ba_text = NULL;
  const char *id = behaviour_id (a, 1);
  LadderRating *rating;

  rating = ladder_profile_ensure_rating (a, id);
  b = copy_profile (a);
  ladder_rating_set_value (rating, LADDER_RATER_SELF, LADDER_RATING_NOT_APPLICABLE, self_time);
  ladder_rating_set_note (rating, LADDER_RATER_SELF, "No on-call in this team");
  rating = ladder_profile_ensure_rating (b, id);
  ladder_rating_set_value (rating, LADDER_RATER_MANAGER, LADDER_RATING_NOT_APPLICABLE, manager_time);
  ladder_rating_set_note (rating, LADDER_RATER_MANAGER, "Not in this role");

  ab = merged_copy (a, b, NULL);
  ba = merged_copy (b, a, NULL);
  for (guint i = 0; i < 2; i++)
    {
      LadderRating *merged = ladder_profile_get_rating (i == 0 ? ab : ba, id);

      g_assert_cmpstr (ladder_rating_get_note (merged, LADDER_RATER_SELF), ==, "No on-call in this team");
      g_assert_cmpstr (ladder_rating_get_note (merged, LADDER_RATER_MANAGER), ==, "Not in this role");
    }
  ab_text = write_profile (ab);
  ba_text = write_profile (ba);
  g_assert_cmpstr (ab_text, ==, ba_text);

  /* The engineer rates it after all, with no note: the note goes with
   * the older value it explained. */
  {
    g_autoptr (GDateTime) later = stamp (30);
    g_autoptr (LadderProfile) merged = NULL;

    rating = ladder_profile_get_rating (b, id);
    ladder_rating_set_value (rating, LADDER_RATER_SELF, LADDER_RATING_SOMETIMES, later);
    merged = merged_copy (ab, b, NULL);
    rating = ladder_profile_get_rating (merged, id);
    g_assert_cmpint (ladder_rating_get_value (rating, LADDER_RATER_SELF), ==, LADDER_RATING_SOMETIMES);
    g_assert_null (ladder_rating_get_note (rating, LADDER_RATER_SELF));
    g_assert_cmpstr (ladder_rating_get_note (rating, LADDER_RATER_MANAGER), ==, "Not in this role");
  }
}

static LadderProfile *
make_profile (void)
{
  g_autoptr (LadderFramework) framework = make_framework ();
  LadderProfile *profile = ladder_profile_new ("9b1e6f0a-0000-4000-8000-000000000002", framework);

  ladder_profile_set_name (profile, "Alex Doe");

  return profile;
}

static LadderEvidence *
add_evidence (LadderProfile *profile,
              const char    *id,
              const char    *title,
              guint          now)
{
  g_autoptr (LadderEvidence) evidence = ladder_evidence_new (id);
  g_autoptr (GDateTime) time = stamp (now);

  ladder_evidence_set_title (evidence, title);
  ladder_evidence_set_stamps (evidence, time, time);
  ladder_profile_add_evidence (profile, evidence);

  return evidence;
}

static void
assert_changes (LadderMerge        *merge,
                const char * const *expected)
{
  const char * const *changes = ladder_merge_get_changes (merge);
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < n && changes[i] != NULL; i++)
    g_assert_cmpstr (changes[i], ==, expected[i]);
  g_assert_cmpuint (ladder_merge_get_n_changes (merge), ==, n);
}

static void
test_merge_reports_changes (void)
{
  g_autoptr (LadderProfile) ours = make_profile ();
  g_autoptr (LadderProfile) theirs = NULL;
  g_autoptr (LadderMerge) merge = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) t10 = stamp (10);
  g_autoptr (GDateTime) t20 = stamp (20);
  g_autoptr (GDateTime) t30 = stamp (30);
  LadderEvidence *shared;
  const char *expected[] = {
    "Self rating of “Behaviour number 1”: Sometimes → Consistently",
    "Manager rating of “Behaviour number 0”: Not rated → Sometimes",
    "Changed evidence “Led the incident review”",
    "Deleted evidence “Wrote the runbook”",
    "New evidence “Mentored Sam”",
    NULL
  };

  ladder_rating_set_value (ladder_profile_ensure_rating (ours, "1-mastery-1"),
                           LADDER_RATER_SELF, LADDER_RATING_SOMETIMES, t10);
  shared = add_evidence (ours, "e-1", "Incident review", 10);
  add_evidence (ours, "e-2", "Wrote the runbook", 10);
  theirs = copy_profile (ours);

  /* Ours: an older self rating stays behind; theirs moves it on. */
  ladder_rating_set_value (ladder_profile_ensure_rating (theirs, "1-mastery-1"),
                           LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY, t20);
  ladder_rating_set_value (ladder_profile_ensure_rating (theirs, "1-mastery-0"),
                           LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES, t20);
  ladder_evidence_set_title (ladder_profile_find_evidence (theirs, "e-1"), "Led the incident review");
  ladder_evidence_set_stamps (ladder_profile_find_evidence (theirs, "e-1"), NULL, t30);
  _ladder_profile_delete (theirs, "evidence", "e-2", t20);
  add_evidence (theirs, "e-3", "Mentored Sam", 25);

  merge = ladder_merge_new (ours, theirs, &error);
  g_assert_no_error (error);
  assert_changes (merge, expected);

  /* The preview left ours alone. */
  g_assert_cmpstr (ladder_evidence_get_title (shared), ==, "Incident review");
  g_assert_nonnull (ladder_profile_find_evidence (ours, "e-2"));

  ladder_merge_apply (merge);
  assert_changes (merge, expected);
  g_assert_cmpstr (ladder_evidence_get_title (shared), ==, "Led the incident review");
  g_assert_true (g_date_time_equal (ladder_evidence_get_modified (shared), t30));
  g_assert_null (ladder_profile_find_evidence (ours, "e-2"));
  g_assert_true (g_date_time_equal (g_hash_table_lookup (ladder_profile_get_tombstones (ours, "evidence"), "e-2"),
                                    t20));
  g_assert_cmpstr (ladder_evidence_get_title (ladder_profile_find_evidence (ours, "e-3")), ==, "Mentored Sam");
  g_assert_cmpint (ladder_profile_get_rating_value (ours, "1-mastery-1", LADDER_RATER_SELF),
                   ==, LADDER_RATING_CONSISTENTLY);
  g_assert_cmpint (ladder_profile_get_rating_value (ours, "1-mastery-0", LADDER_RATER_MANAGER),
                   ==, LADDER_RATING_SOMETIMES);
}

static void
test_merge_edit_after_deletion (void)
{
  g_autoptr (LadderProfile) ours = make_profile ();
  g_autoptr (LadderProfile) theirs = NULL;
  g_autoptr (GDateTime) t20 = stamp (20);
  g_autoptr (GDateTime) t30 = stamp (30);
  g_auto (GStrv) changes = NULL;
  g_autoptr (GError) error = NULL;

  add_evidence (ours, "e-1", "Shipped the importer", 10);
  theirs = copy_profile (ours);

  /* Deleted here at 20, edited there at 30: the later edit wins. */
  _ladder_profile_delete (ours, "evidence", "e-1", t20);
  ladder_evidence_set_body (ladder_profile_find_evidence (theirs, "e-1"), "With tests");
  ladder_evidence_set_stamps (ladder_profile_find_evidence (theirs, "e-1"), NULL, t30);

  g_assert_true (ladder_merge_profiles (ours, theirs, &changes, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (changes[0], ==, "New evidence “Shipped the importer”");
  g_assert_null (changes[1]);
  g_assert_cmpstr (ladder_evidence_get_body (ladder_profile_find_evidence (ours, "e-1")), ==, "With tests");
  g_assert_false (g_hash_table_contains (ladder_profile_get_tombstones (ours, "evidence"), "e-1"));
}

static void
test_merge_actions (void)
{
  g_autoptr (LadderProfile) ours = make_profile ();
  g_autoptr (LadderProfile) theirs = NULL;
  g_autoptr (LadderCheckin) checkin = ladder_checkin_new ("c-1");
  g_autoptr (LadderAction) first = ladder_action_new ("a-1");
  g_autoptr (LadderAction) second = ladder_action_new ("a-2");
  g_autoptr (LadderAction) third = NULL;
  g_autoptr (GDateTime) t10 = stamp (10);
  g_autoptr (GDateTime) t20 = stamp (20);
  g_autoptr (GDate) date = g_date_new_dmy (9, G_DATE_NOVEMBER, 2026);
  g_autoptr (LadderMerge) merge = NULL;
  g_autoptr (GError) error = NULL;
  LadderCheckin *merged;
  const char *expected[] = {
    "Changed action “Write the design doc” in the check-in of 2026-11-09",
    "Deleted action “Pair with Sam” in the check-in of 2026-11-09",
    "New action “Book the training” in the check-in of 2026-11-09",
    NULL
  };

  ladder_action_set_text (first, "Write the design doc");
  ladder_action_set_modified (first, t10);
  ladder_action_set_text (second, "Pair with Sam");
  ladder_action_set_modified (second, t10);
  ladder_checkin_set_date (checkin, date);
  ladder_checkin_add_action (checkin, first);
  ladder_checkin_add_action (checkin, second);
  ladder_checkin_set_modified (checkin, t10);
  ladder_profile_add_checkin (ours, checkin);
  theirs = copy_profile (ours);

  merged = ladder_profile_find_checkin (theirs, "c-1");
  third = make_random_action (20);
  ladder_action_set_text (third, "Book the training");
  ladder_action_set_modified (third, t20);
  ladder_checkin_add_action (merged, third);
  {
    g_autoptr (LadderAction) action = g_list_model_get_item (ladder_checkin_get_actions (merged), 0);

    ladder_action_set_done (action, TRUE);
    ladder_action_set_modified (action, t20);
  }
  _ladder_checkin_delete_action (merged, "a-2", t20);

  merge = ladder_merge_new (ours, theirs, &error);
  g_assert_no_error (error);
  ladder_merge_apply (merge);
  assert_changes (merge, expected);

  g_assert_true (ladder_profile_find_checkin (ours, "c-1") == checkin);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_checkin_get_actions (checkin)), ==, 2);
  g_assert_true (ladder_action_get_done (first));
  g_assert_true (g_hash_table_contains (ladder_checkin_get_action_tombstones (checkin), "a-2"));
  /* The check-in itself was not edited: its stamp stays. */
  g_assert_true (g_date_time_equal (ladder_checkin_get_modified (checkin), t10));
}

static void
test_merge_refuses_other_profile (void)
{
  g_autoptr (LadderProfile) ours = make_profile ();
  g_autoptr (LadderFramework) framework = make_framework ();
  g_autoptr (LadderProfile) stranger = ladder_profile_new (NULL, framework);
  g_autoptr (LadderFramework) other_framework = ladder_framework_new ("other", "Other");
  g_autoptr (LadderProfile) other = ladder_profile_new (ladder_profile_get_id (ours), other_framework);
  g_autoptr (LadderProfile) newer = NULL;
  g_autoptr (GFile) file = g_file_new_for_path ("/tmp/alex.json");
  g_autoptr (LadderMerge) merge = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = write_profile (ours);
  g_autofree char *after = NULL;

  ladder_profile_set_name (stranger, "Sam Roe");
  ladder_profile_set_file (ours, file);

  merge = ladder_merge_new (ours, stranger, &error);
  g_assert_null (merge);
  g_assert_error (error, LADDER_MERGE_ERROR, LADDER_MERGE_ERROR_NOT_SAME_PROFILE);
  g_assert_cmpstr (error->message, ==,
                   "“/tmp/alex.json” and “Sam Roe” are not copies of one profile: their ids differ.");
  g_clear_error (&error);

  merge = ladder_merge_new (ours, other, &error);
  g_assert_null (merge);
  g_assert_error (error, LADDER_MERGE_ERROR, LADDER_MERGE_ERROR_NOT_SAME_FRAMEWORK);
  g_clear_error (&error);

  newer = copy_profile (ours);
  ladder_profile_set_read_only (newer, TRUE);
  g_assert_false (ladder_merge_profiles (ours, newer, NULL, &error));
  g_assert_error (error, LADDER_MERGE_ERROR, LADDER_MERGE_ERROR_READ_ONLY);

  after = write_profile (ours);
  g_assert_cmpstr (before, ==, after);
}

static void
test_merge_skips_unknown_behaviours (void)
{
  g_autoptr (LadderProfile) ours = make_profile ();
  g_autoptr (LadderFramework) framework = make_framework ();
  g_autoptr (LadderBehaviour) extra = ladder_behaviour_new ("2-mastery-new", "2", "mastery", NULL, "New behaviour");
  g_autoptr (LadderProfile) theirs = NULL;
  g_autoptr (LadderEvidence) evidence = ladder_evidence_new ("e-9");
  g_autoptr (GDateTime) t10 = stamp (10);
  g_autoptr (LadderProfile) reread = NULL;
  g_auto (GStrv) changes = NULL;
  g_autoptr (GError) error = NULL;
  const char *links[] = { "1-mastery-0", "2-mastery-new", NULL };

  /* Their framework is a newer edition with one more behaviour. */
  g_assert_true (ladder_framework_add_behaviour (framework, extra));
  theirs = ladder_profile_new (ladder_profile_get_id (ours), framework);
  ladder_rating_set_value (ladder_profile_ensure_rating (theirs, "2-mastery-new"),
                           LADDER_RATER_SELF, LADDER_RATING_SOMETIMES, t10);
  ladder_evidence_set_title (evidence, "Ran the offsite");
  ladder_evidence_set_behaviours (evidence, links);
  ladder_evidence_set_stamps (evidence, t10, t10);
  ladder_profile_add_evidence (theirs, evidence);

  /* The preview says so too. */
  {
    g_autoptr (LadderMerge) preview = ladder_merge_new (ours, theirs, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ladder_merge_get_n_changes (preview), ==, 3);
    g_assert_cmpstr (ladder_merge_get_changes (preview)[2], ==,
                     "Left out the link of evidence “Ran the offsite” to behaviour “2-mastery-new”, which this copy’s framework lacks");
  }

  g_assert_true (ladder_merge_profiles (ours, theirs, &changes, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (changes[0], ==,
                   "Left out the ratings of behaviour “2-mastery-new”, which this copy’s framework lacks");
  g_assert_cmpstr (changes[1], ==, "New evidence “Ran the offsite”");
  g_assert_cmpstr (changes[2], ==,
                   "Left out the link of evidence “Ran the offsite” to behaviour “2-mastery-new”, which this copy’s framework lacks");
  g_assert_null (changes[3]);
  g_assert_null (ladder_profile_get_rating (ours, "2-mastery-new"));

  /* What was merged still loads. */
  reread = copy_profile (ours);
  g_assert_cmpstrv (ladder_evidence_get_behaviours (ladder_profile_find_evidence (reread, "e-9")),
                    ((const char *[]) { "1-mastery-0", NULL }));
}

/* The readiness rule is part of the framework each copy embeds, and a
 * framework carries no time: the copy merged into keeps its own rule,
 * whichever side changed it, as it keeps the rest of its framework. */
static void
test_merge_keeps_own_readiness_rule (void)
{
  g_autoptr (LadderProfile) ours = make_profile ();
  g_autoptr (LadderFramework) framework = make_framework ();
  g_autoptr (LadderProfile) theirs = NULL;
  g_auto (GStrv) changes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ladder_framework_set_readiness (framework, LADDER_READINESS_NEXT_SHARE, 50);
  theirs = ladder_profile_new (ladder_profile_get_id (ours), framework);

  before = write_profile (ours);
  g_assert_true (ladder_merge_profiles (ours, theirs, &changes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ladder_framework_get_readiness_rule (ladder_profile_get_framework (ours)), ==,
                   LADDER_READINESS_CURRENT_SHARE);
  after = write_profile (ours);
  g_assert_cmpstr (before, ==, after);

  /* And theirs keeps its own when ours is merged into it. */
  g_clear_pointer (&changes, g_strfreev);
  g_assert_true (ladder_merge_profiles (theirs, ours, &changes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ladder_framework_get_readiness_rule (ladder_profile_get_framework (theirs)), ==,
                   LADDER_READINESS_NEXT_SHARE);
  g_assert_cmpuint (ladder_framework_get_readiness_percent (ladder_profile_get_framework (theirs)), ==, 50);
}

/* ladder-cli merge {{{1 */

static void
write_file (const char    *path,
            LadderProfile *profile)
{
  g_autofree char *data = write_profile (profile);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, -1, &error);
  g_assert_no_error (error);
}

static void
test_merge_cli (void)
{
  g_autoptr (LadderProfile) a = make_profile ();
  g_autoptr (LadderProfile) b = NULL;
  g_autoptr (LadderProfile) expected = NULL;
  g_autoptr (GDateTime) t20 = stamp (20);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ladder-merge-XXXXXX", &error);
  g_autofree char *a_path = g_build_filename (dir, "a.json", NULL);
  g_autofree char *b_path = g_build_filename (dir, "b.json", NULL);
  g_autofree char *out_path = g_build_filename (dir, "out.json", NULL);
  g_autofree char *stranger_path = g_build_filename (dir, "stranger.json", NULL);
  g_autofree char *expected_text = NULL;
  g_autofree char *expected_report = NULL;
  g_autofree char *nothing = NULL;
  g_autofree char *written = NULL;
  g_autoptr (CoreRun) run = NULL;
  g_autoptr (GSubprocessLauncher) in_dir = NULL;
  g_autoptr (LadderProfile) stranger = NULL;

  g_assert_no_error (error);

  add_evidence (a, "e-1", "Incident review", 10);
  b = copy_profile (a);
  add_evidence (b, "e-2", "Mentored Sam", 20);
  ladder_rating_set_value (ladder_profile_ensure_rating (b, "1-mastery-1"),
                           LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY, t20);
  write_file (a_path, a);
  write_file (b_path, b);

  run = core_run_cli (NULL, "merge", a_path, b_path, "-o", out_path, NULL);
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpint (run->status, ==, 0);
  expected_report = g_strdup_printf ("2 changes from “%s”:\n"
                                     "  Manager rating of “Behaviour number 1”: Not rated → Consistently\n"
                                     "  New evidence “Mentored Sam”\n", b_path);
  g_assert_cmpstr (run->out, ==, expected_report);

  /* The file is the library's merge of the two, byte for byte. */
  expected = copy_profile (a);
  g_assert_true (ladder_merge_profiles (expected, b, NULL, &error));
  g_assert_no_error (error);
  expected_text = write_profile (expected);
  g_file_get_contents (out_path, &written, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, expected_text);

  /* Merging again finds nothing new. */
  g_clear_pointer (&run, core_run_free);
  run = core_run_cli (NULL, "merge", out_path, b_path, "-o", "-", NULL);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->out, ==, expected_text);
  nothing = g_strdup_printf ("Nothing to merge: “%s” already holds everything in “%s”.\n",
                             out_path, b_path);
  g_assert_cmpstr (run->err, ==, nothing);

  /* Not copies of one profile: a clear error, nothing written. */
  stranger = ladder_profile_new ("9b1e6f0a-0000-4000-8000-0000000000ff", ladder_profile_get_framework (a));
  write_file (stranger_path, stranger);
  g_clear_pointer (&run, core_run_free);
  g_assert_no_errno (g_unlink (out_path));
  run = core_run_cli (NULL, "merge", a_path, stranger_path, "-o", out_path, NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_true (g_str_has_suffix (run->err, "are not copies of one profile: their ids differ.\n"));
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));

  /* Every error names the files as they were typed, as a broken file's
   * FILE:LINE:COL does. */
  g_clear_pointer (&run, core_run_free);
  in_dir = core_launcher_in (dir);
  run = core_run_cli (in_dir, "merge", "a.json", "stranger.json", "-o", "out.json", NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->err, ==, "“a.json” and “stranger.json” are not copies of one profile: "
                            "their ids differ.\n");

  /* A broken file is named with its line and column. */
  g_file_set_contents (stranger_path, "{\n  \"format\": \"ladder-profile\",\n  oops\n}\n", -1, &error);
  g_assert_no_error (error);
  g_clear_pointer (&run, core_run_free);
  run = core_run_cli (NULL, "merge", a_path, stranger_path, "-o", out_path, NULL);
  g_assert_cmpint (run->status, ==, 1);
  g_assert_true (g_str_has_prefix (run->err, stranger_path));
  g_assert_nonnull (strstr (run->err, ":3:"));

  /* No output named: a usage error. */
  g_clear_pointer (&run, core_run_free);
  run = core_run_cli (NULL, "merge", a_path, b_path, NULL);
  g_assert_cmpint (run->status, ==, 2);
  g_assert_true (g_str_has_prefix (run->err, "Name the file to write with --output."));

  g_assert_no_errno (g_unlink (a_path));
  g_assert_no_errno (g_unlink (b_path));
  g_assert_no_errno (g_unlink (stranger_path));
  g_assert_no_errno (g_rmdir (dir));
}

/* The library: a profile file changed on disk while loaded {{{1 */

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

static gboolean
file_holds (const char *path,
            const char *text)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, text) != NULL;
}

static gboolean
file_equals (const char *path,
             const char *expected)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && g_str_equal (contents, expected);
}

/* Spins the main loop until @condition holds, for 10 s at most. */
#define WAIT_UNTIL(condition) \
  G_STMT_START { \
    gboolean timed_out = FALSE; \
    guint timeout_id = g_timeout_add_seconds (10, timed_out_cb, &timed_out); \
    while (!(condition) && !timed_out) \
      g_main_context_iteration (NULL, TRUE); \
    g_assert_true (condition); \
    if (!timed_out) \
      g_source_remove (timeout_id); \
  } G_STMT_END


typedef struct
{
  char          *dir;
  char          *path;       /* profiles/alex.json */
  LadderLibrary *library;
  LadderProfile *profile;    /* the library's copy */
  guint          n_merged;
  char          *last_change;
} LibraryFixture;

static void
profile_merged_cb (LadderLibrary  *library,
                   LadderProfile  *profile,
                   LadderMerge    *merge,
                   LibraryFixture *fixture)
{
  g_assert_true (profile == fixture->profile);
  fixture->n_merged++;
  g_free (fixture->last_change);
  fixture->last_change = g_strjoinv ("\n", (char **) ladder_merge_get_changes (merge));
}

static void
library_set_up (LibraryFixture *fixture,
                gconstpointer   data)
{
  g_autoptr (LadderProfile) alex = make_profile ();
  g_autofree char *profiles = NULL;
  g_autoptr (GFile) directory = NULL;
  g_autoptr (GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ladder-library-XXXXXX", &error);
  g_assert_no_error (error);
  profiles = g_build_filename (fixture->dir, "profiles", NULL);
  g_assert_no_errno (g_mkdir (profiles, 0700));
  fixture->path = g_build_filename (profiles, "alex.json", NULL);

  add_evidence (alex, "e-1", "Incident review", 10);
  write_file (fixture->path, alex);

  directory = g_file_new_for_path (fixture->dir);
  fixture->library = ladder_library_new (directory);
  g_assert_true (ladder_library_load (fixture->library, NULL, &error));
  g_assert_no_error (error);
  fixture->profile = ladder_library_find_profile (fixture->library, ladder_profile_get_id (alex));
  g_assert_nonnull (fixture->profile);
  g_signal_connect (fixture->library, "profile-merged", G_CALLBACK (profile_merged_cb), fixture);
}

static void
library_tear_down (LibraryFixture *fixture,
                   gconstpointer   data)
{
  /* A save still in flight holds the library until it is written. */
  WAIT_UNTIL (G_OBJECT (fixture->library)->ref_count == 1);
  g_assert_finalize_object (fixture->library);
  core_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->last_change);
}

/* What another device, through a synced folder, does to the file: reads
 * it, adds its own work, and replaces it whole. */
static void
edit_elsewhere (LibraryFixture *fixture)
{
  g_autoptr (GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr (LadderProfile) copy = NULL;
  g_autoptr (GDateTime) t50 = stamp (50);
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  copy = ladder_format_load_profile (file, NULL, &error);
  g_assert_no_error (error);
  add_evidence (copy, "e-laptop", "From the laptop", 40);
  ladder_rating_set_value (ladder_profile_ensure_rating (copy, "1-mastery-2"),
                           LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY, t50);
  data = ladder_format_write_profile (copy, &length);
  g_assert_true (ladder_save_contents (file, data, length, NULL, &error));
  g_assert_no_error (error);
}

static void
test_library_file_changed_on_disk (LibraryFixture *fixture,
                                   gconstpointer   data)
{
  /* Edited here and not saved yet, while another device edits the file. */
  add_evidence (fixture->profile, "e-desktop", "From the desktop", 30);
  edit_elsewhere (fixture);

  /* The monitor hears of it, the file's edits come in, and the merge of
   * both goes back to the file. */
  WAIT_UNTIL (ladder_profile_find_evidence (fixture->profile, "e-laptop") != NULL &&
              file_holds (fixture->path, "From the desktop"));

  g_assert_nonnull (ladder_profile_find_evidence (fixture->profile, "e-desktop"));
  g_assert_nonnull (ladder_profile_find_evidence (fixture->profile, "e-1"));
  g_assert_cmpint (ladder_profile_get_rating_value (fixture->profile, "1-mastery-2", LADDER_RATER_MANAGER),
                   ==, LADDER_RATING_CONSISTENTLY);
  g_assert_true (file_holds (fixture->path, "From the laptop"));
  g_assert_cmpuint (fixture->n_merged, ==, 1);
  g_assert_cmpstr (fixture->last_change, ==,
                   "Manager rating of “Behaviour number 2”: Not rated → Consistently\n"
                   "New evidence “From the laptop”");

  /* What is on disk now is exactly the library's copy. */
  {
    g_autofree char *expected = write_profile (fixture->profile);

    WAIT_UNTIL (file_equals (fixture->path, expected));
  }
}

static void
test_library_save_merges_first (LibraryFixture *fixture,
                                gconstpointer   data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *expected = NULL;

  add_evidence (fixture->profile, "e-desktop", "From the desktop", 30);
  edit_elsewhere (fixture);

  /* No main loop runs: the save itself finds the change. */
  g_assert_true (ladder_library_save_profile (fixture->library, fixture->profile, NULL, &error));
  g_assert_no_error (error);

  g_assert_nonnull (ladder_profile_find_evidence (fixture->profile, "e-laptop"));
  g_assert_cmpuint (fixture->n_merged, ==, 1);
  expected = write_profile (fixture->profile);
  g_file_get_contents (fixture->path, &on_disk, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (on_disk, ==, expected);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;

  if (!ladder_library_save_profile_finish (LADDER_LIBRARY (object), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "saved");
}

static void
test_library_save_async_merges_first (LibraryFixture *fixture,
                                      gconstpointer   data)
{
  g_autoptr (GError) result = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *expected = NULL;

  add_evidence (fixture->profile, "e-desktop", "From the desktop", 30);
  edit_elsewhere (fixture);

  ladder_library_save_profile_async (fixture->library, fixture->profile, NULL, save_done_cb, &result);
  WAIT_UNTIL (result != NULL);
  /* "saved": the stand-in for success, set by the callback. */
  g_assert_error (result, G_IO_ERROR, G_IO_ERROR_EXISTS);

  g_assert_nonnull (ladder_profile_find_evidence (fixture->profile, "e-laptop"));
  expected = write_profile (fixture->profile);
  g_assert_true (g_file_get_contents (fixture->path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, expected);
}

static void
test_library_unreadable_change_kept (LibraryFixture *fixture,
                                     gconstpointer   data)
{
  const char *garbage = "{ \"format\": \"ladder-profile\", half a file";
  g_autoptr (GError) error = NULL;
  g_autofree char *on_disk = NULL;

  add_evidence (fixture->profile, "e-desktop", "From the desktop", 30);
  g_file_set_contents (fixture->path, garbage, -1, &error);
  g_assert_no_error (error);

  /* Never written over: the save says why, and the data stays here. */
  g_assert_false (ladder_library_save_profile (fixture->library, fixture->profile, NULL, &error));
  g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_READ_ONLY);
  g_assert_true (g_str_has_prefix (error->message, "“"));
  g_assert_nonnull (strstr (error->message, "alex.json” was changed by another program and could not be read"));
  g_assert_true (g_file_get_contents (fixture->path, &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, garbage);
  g_assert_nonnull (ladder_profile_find_evidence (fixture->profile, "e-desktop"));
}

/* What a synced folder makes of two devices' edits at once: a second file
 * of the same profile. */
static char *
write_conflict_copy (LibraryFixture *fixture,
                     const char     *framework_id)
{
  g_autoptr (GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr (LadderProfile) copy = NULL;
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (fixture->dir, "profiles", "alex (conflicted copy).json", NULL);

  copy = ladder_format_load_profile (file, NULL, &error);
  g_assert_no_error (error);
  add_evidence (copy, "e-conflict", "From the conflict", 40);

  if (framework_id != NULL)
    {
      g_autoptr (LadderFramework) other = make_framework ();
      g_autoptr (LadderProfile) elsewhere = NULL;

      ladder_framework_set_id (other, framework_id);
      elsewhere = ladder_profile_new (ladder_profile_get_id (copy), other);
      ladder_profile_set_name (elsewhere, "Alex Doe");
      write_file (path, elsewhere);
    }
  else
    write_file (path, copy);

  return path;
}

static void
test_library_same_id_appears (LibraryFixture *fixture,
                              gconstpointer   data)
{
  g_autofree char *path = write_conflict_copy (fixture, NULL);
  g_autofree char *conflict_before = NULL;
  g_autofree char *conflict_after = NULL;

  g_assert_true (g_file_get_contents (path, &conflict_before, NULL, NULL));

  /* Merged into the profile and its own file, not dropped, not listed
   * twice; the other file stays as it was. */
  WAIT_UNTIL (ladder_profile_find_evidence (fixture->profile, "e-conflict") != NULL &&
              file_holds (fixture->path, "From the conflict"));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_profiles (fixture->library)), ==, 1);
  g_assert_cmpuint (fixture->n_merged, ==, 1);
  g_assert_cmpstr (fixture->last_change, ==, "New evidence “From the conflict”");
  g_assert_true (g_file_get_contents (path, &conflict_after, NULL, NULL));
  g_assert_cmpstr (conflict_after, ==, conflict_before);

  /* Removed, the profile does not come back from its other file. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (LadderLibrary) again = NULL;
    g_autoptr (GFile) directory = g_file_new_for_path (fixture->dir);
    g_autofree char *aside = g_strconcat (path, ".deleted", NULL);

    /* The merge's own save first, or it would write the file again. */
    WAIT_UNTIL (G_OBJECT (fixture->library)->ref_count == 1);
    g_assert_true (ladder_library_remove_profile (fixture->library, fixture->profile, &error));
    g_assert_no_error (error);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));

    again = ladder_library_new (directory);
    g_assert_true (ladder_library_load (again, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_profiles (again)), ==, 0);
  }
}

static void
test_library_same_id_unmergeable (LibraryFixture *fixture,
                                  gconstpointer   data)
{
  g_autofree char *path = write_conflict_copy (fixture, "other-framework");
  GListModel *errors = ladder_library_get_errors (fixture->library);
  g_autoptr (LadderLoadError) load_error = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);

  /* Not silently ignored: listed with the reason. */
  WAIT_UNTIL (g_list_model_get_n_items (errors) == 1);
  load_error = g_list_model_get_item (errors, 0);
  g_assert_true (g_file_equal (ladder_load_error_get_file (load_error), file));
  g_assert_nonnull (strstr (ladder_load_error_get_error (load_error)->message,
                            "This file holds the profile that “"));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_profiles (fixture->library)), ==, 1);
  g_assert_cmpuint (fixture->n_merged, ==, 0);
}

/* Two files of one profile already there when the library loads: one
 * profile, holding both, in the file without the conflict's suffix. */
static void
test_library_same_id_on_load (LibraryFixture *fixture,
                              gconstpointer   data)
{
  g_autofree char *path = write_conflict_copy (fixture, NULL);
  g_autoptr (GFile) directory = g_file_new_for_path (fixture->dir);
  g_autoptr (LadderLibrary) library = ladder_library_new (directory);
  g_autoptr (GFile) own_file = g_file_new_for_path (fixture->path);
  g_autoptr (GError) error = NULL;
  LadderProfile *profile;

  g_assert_true (ladder_library_load (library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_profiles (library)), ==, 1);
  profile = g_list_model_get_item (ladder_library_get_profiles (library), 0);
  g_object_unref (profile);
  g_assert_true (g_file_equal (ladder_profile_get_file (profile), own_file));
  g_assert_nonnull (ladder_profile_find_evidence (profile, "e-conflict"));
  g_assert_nonnull (ladder_profile_find_evidence (profile, "e-1"));
  WAIT_UNTIL (file_holds (fixture->path, "From the conflict"));

  WAIT_UNTIL (G_OBJECT (library)->ref_count == 1);
}

static void
test_library_new_file_appears (LibraryFixture *fixture,
                               gconstpointer   data)
{
  g_autoptr (LadderFramework) framework = make_framework ();
  g_autoptr (LadderProfile) sam = ladder_profile_new ("9b1e6f0a-0000-4000-8000-0000000000aa", framework);
  g_autofree char *path = g_build_filename (fixture->dir, "profiles", "sam.json", NULL);
  GListModel *profiles = ladder_library_get_profiles (fixture->library);

  ladder_profile_set_name (sam, "Sam Roe");
  write_file (path, sam);

  WAIT_UNTIL (ladder_library_find_profile (fixture->library, ladder_profile_get_id (sam)) != NULL);
  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 2);
  g_assert_cmpstr (ladder_profile_get_name (ladder_library_find_profile (fixture->library,
                                                                         ladder_profile_get_id (sam))),
                   ==, "Sam Roe");
}

/* A first run: no profiles/ yet when the library loads; a synced copy of
 * it arrives later. */
static void
test_library_folder_made_later (void)
{
  g_autoptr (LadderProfile) alex = make_profile ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ladder-library-XXXXXX", &error);
  g_autofree char *profiles = g_build_filename (dir, "profiles", NULL);
  g_autofree char *path = g_build_filename (profiles, "alex.json", NULL);
  g_autoptr (GFile) directory = g_file_new_for_path (dir);
  LadderLibrary *library;

  g_assert_no_error (error);
  library = ladder_library_new (directory);
  g_assert_true (ladder_library_load (library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_profiles (library)), ==, 0);

  g_assert_no_errno (g_mkdir (profiles, 0700));
  write_file (path, alex);

  WAIT_UNTIL (ladder_library_find_profile (library, ladder_profile_get_id (alex)) != NULL);

  WAIT_UNTIL (G_OBJECT (library)->ref_count == 1);
  g_assert_finalize_object (library);
  core_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ladder/merge/random-pairs", test_merge_random_pairs);
  g_test_add_func ("/ladder/merge/reports-changes", test_merge_reports_changes);
  g_test_add_func ("/ladder/merge/cleared-rating", test_merge_cleared_rating);
  g_test_add_func ("/ladder/merge/side-notes", test_merge_side_notes);
  g_test_add_func ("/ladder/merge/edit-after-deletion", test_merge_edit_after_deletion);
  g_test_add_func ("/ladder/merge/actions", test_merge_actions);
  g_test_add_func ("/ladder/merge/refuses-other-profile", test_merge_refuses_other_profile);
  g_test_add_func ("/ladder/merge/skips-unknown-behaviours", test_merge_skips_unknown_behaviours);
  g_test_add_func ("/ladder/merge/keeps-own-readiness-rule", test_merge_keeps_own_readiness_rule);
  g_test_add_func ("/ladder/merge/cli", test_merge_cli);

#define ADD_LIBRARY_TEST(path, func) \
  g_test_add ("/ladder/merge/library/" path, LibraryFixture, NULL, library_set_up, func, library_tear_down)
  ADD_LIBRARY_TEST ("file-changed-on-disk", test_library_file_changed_on_disk);
  ADD_LIBRARY_TEST ("save-merges-first", test_library_save_merges_first);
  ADD_LIBRARY_TEST ("save-async-merges-first", test_library_save_async_merges_first);
  ADD_LIBRARY_TEST ("unreadable-change-kept", test_library_unreadable_change_kept);
  ADD_LIBRARY_TEST ("new-file-appears", test_library_new_file_appears);
  ADD_LIBRARY_TEST ("same-id-appears", test_library_same_id_appears);
  ADD_LIBRARY_TEST ("same-id-unmergeable", test_library_same_id_unmergeable);
  ADD_LIBRARY_TEST ("same-id-on-load", test_library_same_id_on_load);
  g_test_add_func ("/ladder/merge/library/folder-made-later", test_library_folder_made_later);

  return g_test_run ();
}
