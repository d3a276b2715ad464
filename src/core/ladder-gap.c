/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-gap"

#include "config.h"

#include "ladder-gap.h"

struct _LadderGap
{
  GObject parent_instance;

  LadderBehaviour   *behaviour;
  LadderCategory    *category;
  LadderRatingValue  value[2];
  guint              size;
  guint              category_rank;
  guint              category_size;
  /* Reading order in the framework, for ties. */
  guint              position;
};

G_DEFINE_FINAL_TYPE (LadderGap, ladder_gap, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BEHAVIOUR,
  PROP_CATEGORY,
  PROP_SELF,
  PROP_MANAGER,
  PROP_SIZE,
  PROP_CATEGORY_RANK,
  PROP_CATEGORY_SIZE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
ladder_gap_finalize (GObject *object)
{
  LadderGap *self = (LadderGap *) object;

  g_clear_object (&self->behaviour);
  g_clear_object (&self->category);

  G_OBJECT_CLASS (ladder_gap_parent_class)->finalize (object);
}

static void
ladder_gap_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LadderGap *self = LADDER_GAP (object);

  switch (prop_id)
    {
    case PROP_BEHAVIOUR:
      g_value_set_object (value, self->behaviour);
      break;

    case PROP_CATEGORY:
      g_value_set_object (value, self->category);
      break;

    case PROP_SELF:
      g_value_set_enum (value, self->value[LADDER_RATER_SELF]);
      break;

    case PROP_MANAGER:
      g_value_set_enum (value, self->value[LADDER_RATER_MANAGER]);
      break;

    case PROP_SIZE:
      g_value_set_uint (value, self->size);
      break;

    case PROP_CATEGORY_RANK:
      g_value_set_uint (value, self->category_rank);
      break;

    case PROP_CATEGORY_SIZE:
      g_value_set_uint (value, self->category_size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_gap_class_init (LadderGapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ladder_gap_finalize;
  object_class->get_property = ladder_gap_get_property;

  properties [PROP_BEHAVIOUR] =
    g_param_spec_object ("behaviour", NULL, NULL, LADDER_TYPE_BEHAVIOUR,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_CATEGORY] =
    g_param_spec_object ("category", NULL, NULL, LADDER_TYPE_CATEGORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_SELF] =
    g_param_spec_enum ("self", NULL, NULL, LADDER_TYPE_RATING_VALUE, LADDER_RATING_UNRATED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_MANAGER] =
    g_param_spec_enum ("manager", NULL, NULL, LADDER_TYPE_RATING_VALUE, LADDER_RATING_UNRATED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_SIZE] =
    g_param_spec_uint ("size", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_CATEGORY_RANK] =
    g_param_spec_uint ("category-rank", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_CATEGORY_SIZE] =
    g_param_spec_uint ("category-size", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ladder_gap_init (LadderGap *self)
{
}

/**
 * ladder_gap_get_behaviour:
 * @self: a #LadderGap
 *
 * Returns: (transfer none): the behaviour rated differently
 */
LadderBehaviour *
ladder_gap_get_behaviour (LadderGap *self)
{
  g_return_val_if_fail (LADDER_IS_GAP (self), NULL);

  return self->behaviour;
}

/**
 * ladder_gap_get_category:
 * @self: a #LadderGap
 *
 * Returns: (transfer none): the behaviour's category
 */
LadderCategory *
ladder_gap_get_category (LadderGap *self)
{
  g_return_val_if_fail (LADDER_IS_GAP (self), NULL);

  return self->category;
}

/**
 * ladder_gap_get_value:
 * @self: a #LadderGap
 * @rater: whose rating
 *
 * Returns: @rater's rating of the behaviour
 */
LadderRatingValue
ladder_gap_get_value (LadderGap   *self,
                      LadderRater  rater)
{
  g_return_val_if_fail (LADDER_IS_GAP (self), LADDER_RATING_UNRATED);
  g_return_val_if_fail (rater == LADDER_RATER_SELF || rater == LADDER_RATER_MANAGER,
                        LADDER_RATING_UNRATED);

  return self->value[rater];
}

/**
 * ladder_gap_get_size:
 * @self: a #LadderGap
 *
 * Returns: how far apart the two ratings are (see
 *   ladder_rating_value_distance())
 */
guint
ladder_gap_get_size (LadderGap *self)
{
  g_return_val_if_fail (LADDER_IS_GAP (self), 0);

  return self->size;
}

/**
 * ladder_gap_get_category_rank:
 * @self: a #LadderGap
 *
 * Returns: the place of the behaviour's category in the agenda, 0 first
 */
guint
ladder_gap_get_category_rank (LadderGap *self)
{
  g_return_val_if_fail (LADDER_IS_GAP (self), 0);

  return self->category_rank;
}

/**
 * ladder_gap_get_category_size:
 * @self: a #LadderGap
 *
 * Returns: the total gap of the behaviour's category
 */
guint
ladder_gap_get_category_size (LadderGap *self)
{
  g_return_val_if_fail (LADDER_IS_GAP (self), 0);

  return self->category_size;
}

/**
 * ladder_rating_value_distance:
 * @a: a rating
 * @b: another rating
 *
 * How far apart two ratings of one behaviour are. An unrated side has no
 * opinion yet, which is not a disagreement: 0. Otherwise the steps between
 * the two on the scale not-yet < sometimes < consistently, and 1 when one
 * side finds the behaviour not applicable and the other does not: worth
 * talking about, but no further apart than one step.
 *
 * Returns: 0, 1 or 2
 */
guint
ladder_rating_value_distance (LadderRatingValue a,
                              LadderRatingValue b)
{
  if (a == LADDER_RATING_UNRATED || b == LADDER_RATING_UNRATED || a == b)
    return 0;

  if (a == LADDER_RATING_NOT_APPLICABLE || b == LADDER_RATING_NOT_APPLICABLE)
    return 1;

  return a > b ? a - b : b - a;
}

typedef struct
{
  guint total;
  guint position;
} CategoryTotal;

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  const LadderGap *ga = *(LadderGap * const *) a;
  const LadderGap *gb = *(LadderGap * const *) b;

  if (ga->category_rank != gb->category_rank)
    return ga->category_rank < gb->category_rank ? -1 : 1;
  if (ga->size != gb->size)
    return ga->size > gb->size ? -1 : 1;

  return ga->position < gb->position ? -1 : ga->position > gb->position;
}

static int
compare_categories (gconstpointer a,
                    gconstpointer b)
{
  const CategoryTotal *ca = *(CategoryTotal * const *) a;
  const CategoryTotal *cb = *(CategoryTotal * const *) b;

  if (ca->total != cb->total)
    return ca->total > cb->total ? -1 : 1;

  return ca->position < cb->position ? -1 : ca->position > cb->position;
}

/**
 * ladder_profile_list_rating_gaps:
 * @profile: a #LadderProfile
 *
 * The behaviours that the engineer and the manager rate differently, as
 * the agenda of a calibration talk: grouped by category, the category
 * with the largest total gap first, and in each category the largest gaps
 * first. Ties keep the framework's reading order of categories and of
 * behaviours. Behaviours that either side has not rated
 * are left out.
 *
 * Returns: (transfer full) (element-type LadderGap): a new array
 */
GPtrArray *
ladder_profile_list_rating_gaps (LadderProfile *profile)
{
  g_autoptr(GPtrArray) gaps = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) behaviours = NULL;
  g_autofree CategoryTotal *totals = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);
  LadderFramework *framework;
  GListModel *categories;
  guint n_categories;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  framework = ladder_profile_get_framework (profile);
  categories = ladder_framework_get_categories (framework);
  n_categories = g_list_model_get_n_items (categories);
  totals = g_new0 (CategoryTotal, n_categories);

  behaviours = ladder_framework_list_behaviours (framework, NULL, NULL);
  for (guint i = 0; behaviours != NULL && i < behaviours->len; i++)
    {
      LadderBehaviour *behaviour = g_ptr_array_index (behaviours, i);
      const char *id = ladder_behaviour_get_id (behaviour);
      LadderRatingValue self_value = ladder_profile_get_rating_value (profile, id, LADDER_RATER_SELF);
      LadderRatingValue manager_value = ladder_profile_get_rating_value (profile, id,
                                                                         LADDER_RATER_MANAGER);
      guint size = ladder_rating_value_distance (self_value, manager_value);
      LadderCategory *category;
      LadderGap *gap;

      if (size == 0)
        continue;

      category = ladder_framework_find_category (framework, ladder_behaviour_get_category (behaviour));
      g_assert (category != NULL);

      gap = g_object_new (LADDER_TYPE_GAP, NULL);
      gap->behaviour = g_object_ref (behaviour);
      gap->category = g_object_ref (category);
      gap->value[LADDER_RATER_SELF] = self_value;
      gap->value[LADDER_RATER_MANAGER] = manager_value;
      gap->size = size;
      gap->position = i;
      g_ptr_array_add (gaps, gap);
    }

  if (gaps->len == 0)
    return g_steal_pointer (&gaps);

  /* Total per category, then the categories' order by total. */
  for (guint c = 0; c < n_categories; c++)
    {
      g_autoptr(LadderCategory) category = g_list_model_get_item (categories, c);

      g_hash_table_insert (index, category, GUINT_TO_POINTER (c + 1));
      totals[c].position = c;
      g_ptr_array_add (order, &totals[c]);
    }
  for (guint i = 0; i < gaps->len; i++)
    {
      LadderGap *gap = g_ptr_array_index (gaps, i);
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (index, gap->category)) - 1;

      g_assert (c < n_categories);
      gap->category_rank = c;
      totals[c].total += gap->size;
    }
  g_ptr_array_sort (order, compare_categories);
  for (guint i = 0; i < gaps->len; i++)
    {
      LadderGap *gap = g_ptr_array_index (gaps, i);
      CategoryTotal *total = &totals[gap->category_rank];
      guint rank;

      g_ptr_array_find (order, total, &rank);
      gap->category_size = total->total;
      gap->category_rank = rank;
    }

  g_ptr_array_sort (gaps, compare_gaps);

  return g_steal_pointer (&gaps);
}

static void
count_rated (LadderProfile *profile,
             guint         *n_self,
             guint         *n_manager,
             guint         *n_both)
{
  g_autoptr(GPtrArray) behaviours = NULL;

  *n_self = *n_manager = *n_both = 0;
  behaviours = ladder_framework_list_behaviours (ladder_profile_get_framework (profile), NULL, NULL);
  for (guint i = 0; behaviours != NULL && i < behaviours->len; i++)
    {
      const char *id = ladder_behaviour_get_id (g_ptr_array_index (behaviours, i));
      gboolean self_rated = ladder_profile_get_rating_value (profile, id, LADDER_RATER_SELF) !=
                            LADDER_RATING_UNRATED;
      gboolean manager_rated = ladder_profile_get_rating_value (profile, id, LADDER_RATER_MANAGER) !=
                               LADDER_RATING_UNRATED;

      *n_self += self_rated;
      *n_manager += manager_rated;
      *n_both += self_rated && manager_rated;
    }
}

/**
 * ladder_profile_count_rated:
 * @profile: a #LadderProfile
 * @rater: whose ratings to count
 *
 * Counts the behaviours of the profile's framework that @rater has rated,
 * "not-applicable" included: with none, a comparison has nothing to say
 * about that side yet.
 *
 * Returns: the number of behaviours @rater has rated
 */
guint
ladder_profile_count_rated (LadderProfile *profile,
                            LadderRater    rater)
{
  guint n_self, n_manager, n_both;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), 0);

  count_rated (profile, &n_self, &n_manager, &n_both);

  return rater == LADDER_RATER_MANAGER ? n_manager : n_self;
}

/**
 * ladder_profile_count_rated_by_both:
 * @profile: a #LadderProfile
 *
 * Counts the behaviours that the engineer and the manager have both
 * rated: the ones ladder_profile_list_rating_gaps() compares.
 *
 * Returns: the number of behaviours both sides have rated
 */
guint
ladder_profile_count_rated_by_both (LadderProfile *profile)
{
  guint n_self, n_manager, n_both;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), 0);

  count_rated (profile, &n_self, &n_manager, &n_both);

  return n_both;
}
