/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "ladder-core.h"
#include "ladder-json-private.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
count_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        guint      *count)
{
  (*count)++;
}

/* Two levels × two categories, three behaviours in reading order. */
static LadderFramework *
make_framework (void)
{
  LadderFramework *framework = ladder_framework_new ("acme-engineering", "Engineering");
  g_autoptr (LadderLevel) l1 = ladder_level_new ("1", "Level 1", "Learns the ropes");
  g_autoptr (LadderLevel) l2 = ladder_level_new ("2", "Level 2", NULL);
  g_autoptr (LadderLevel) l3 = ladder_level_new ("3", "Level 3", NULL);
  g_autoptr (LadderCategory) mastery = ladder_category_new ("mastery", "Mastery", "🛠️", NULL);
  g_autoptr (LadderCategory) impact = ladder_category_new ("impact", "Impact", NULL, "Outcomes");
  g_autoptr (LadderBehaviour) b1 =
    ladder_behaviour_new ("1-mastery-1", "1", "mastery", NULL, "Writes tests");
  g_autoptr (LadderBehaviour) b2 =
    ladder_behaviour_new ("1-mastery-2", "1", "mastery", "Code", "Reviews code");
  g_autoptr (LadderBehaviour) b3 =
    ladder_behaviour_new ("1-impact-1", "1", "impact", NULL, "Ships");
  g_autoptr (LadderBehaviour) b4 =
    ladder_behaviour_new ("2-mastery-1", "2", "mastery", NULL, "Designs");

  g_assert_true (ladder_framework_add_level (framework, l1));
  g_assert_true (ladder_framework_add_level (framework, l2));
  g_assert_true (ladder_framework_add_level (framework, l3));
  g_assert_true (ladder_framework_add_category (framework, mastery));
  g_assert_true (ladder_framework_add_category (framework, impact));
  g_assert_true (ladder_framework_add_behaviour (framework, b1));
  g_assert_true (ladder_framework_add_behaviour (framework, b3));
  g_assert_true (ladder_framework_add_behaviour (framework, b2));
  g_assert_true (ladder_framework_add_behaviour (framework, b4));

  return framework;
}

static void
test_enums_strings (void)
{
  LadderRatingValue value = LADDER_RATING_UNRATED;
  LadderRater rater = LADDER_RATER_SELF;
  g_autoptr (GEnumClass) klass = NULL;

  g_assert_cmpstr (ladder_rating_value_to_string (LADDER_RATING_NOT_YET), ==, "not-yet");
  g_assert_cmpstr (ladder_rating_value_to_string (LADDER_RATING_SOMETIMES), ==, "sometimes");
  g_assert_cmpstr (ladder_rating_value_to_string (LADDER_RATING_CONSISTENTLY), ==, "consistently");
  g_assert_cmpstr (ladder_rating_value_to_string (LADDER_RATING_NOT_APPLICABLE), ==,
                   "not-applicable");
  g_assert_null (ladder_rating_value_to_string (LADDER_RATING_UNRATED));

  g_assert_true (ladder_rating_value_from_string ("consistently", &value));
  g_assert_cmpint (value, ==, LADDER_RATING_CONSISTENTLY);
  g_assert_true (ladder_rating_value_from_string ("not-applicable", &value));
  g_assert_cmpint (value, ==, LADDER_RATING_NOT_APPLICABLE);
  g_assert_true (ladder_rating_value_from_string ("unrated", &value));
  g_assert_cmpint (value, ==, LADDER_RATING_UNRATED);

  value = LADDER_RATING_SOMETIMES;
  g_assert_false (ladder_rating_value_from_string ("always", &value));
  g_assert_false (ladder_rating_value_from_string ("", &value));
  g_assert_false (ladder_rating_value_from_string (NULL, &value));
  g_assert_cmpint (value, ==, LADDER_RATING_SOMETIMES);

  g_assert_cmpstr (ladder_rater_to_string (LADDER_RATER_SELF), ==, "self");
  g_assert_cmpstr (ladder_rater_to_string (LADDER_RATER_MANAGER), ==, "manager");
  g_assert_true (ladder_rater_from_string ("manager", &rater));
  g_assert_cmpint (rater, ==, LADDER_RATER_MANAGER);
  g_assert_false (ladder_rater_from_string ("boss", &rater));
  g_assert_cmpint (rater, ==, LADDER_RATER_MANAGER);

  /* The GEnum nicks are the words of the files. */
  klass = g_type_class_ref (LADDER_TYPE_RATING_VALUE);
  g_assert_cmpstr (g_enum_get_value (klass, LADDER_RATING_NOT_YET)->value_nick, ==, "not-yet");
  g_assert_cmpstr (g_enum_get_value (klass, LADDER_RATING_UNRATED)->value_nick, ==, "unrated");
}

static void
test_enums_labels (void)
{
  /* The test runs in the C locale: the labels are the English ones. */
  g_assert_cmpstr (ladder_rating_value_get_label (LADDER_RATING_NOT_YET), ==, "Not Yet");
  g_assert_cmpstr (ladder_rating_value_get_label (LADDER_RATING_SOMETIMES), ==, "Sometimes");
  g_assert_cmpstr (ladder_rating_value_get_label (LADDER_RATING_CONSISTENTLY), ==, "Consistently");
  g_assert_cmpstr (ladder_rating_value_get_label (LADDER_RATING_NOT_APPLICABLE), ==,
                   "Not applicable");
  g_assert_nonnull (ladder_rating_value_get_label (LADDER_RATING_UNRATED));
}

static void
test_level_properties (void)
{
  g_autoptr (LadderLevel) level = ladder_level_new ("3", "Level 3", NULL);
  g_autofree char *name = NULL;
  guint n_notify = 0;

  g_assert_cmpstr (ladder_level_get_id (level), ==, "3");
  g_assert_cmpstr (ladder_level_get_name (level), ==, "Level 3");
  g_assert_null (ladder_level_get_summary (level));

  g_signal_connect (level, "notify", G_CALLBACK (count_notify_cb), &n_notify);

  ladder_level_set_name (level, "Senior");
  g_assert_cmpuint (n_notify, ==, 1);
  ladder_level_set_name (level, "Senior");
  g_assert_cmpuint (n_notify, ==, 1);
  ladder_level_set_summary (level, "Leads a team");
  g_assert_cmpuint (n_notify, ==, 2);
  ladder_level_set_summary (level, NULL);
  g_assert_cmpuint (n_notify, ==, 3);
  ladder_level_set_summary (level, NULL);
  g_assert_cmpuint (n_notify, ==, 3);

  /* Through GObject too: explicit notify, so no emission on same value. */
  g_object_set (level, "name", "Senior", NULL);
  g_assert_cmpuint (n_notify, ==, 3);
  g_object_set (level, "name", "Staff", NULL);
  g_assert_cmpuint (n_notify, ==, 4);
  g_object_get (level, "name", &name, NULL);
  g_assert_cmpstr (name, ==, "Staff");

  g_assert_finalize_object (g_steal_pointer (&level));
}

static void
test_category_properties (void)
{
  g_autoptr (LadderCategory) category = ladder_category_new ("mastery", "Mastery", "🛠️", NULL);
  guint n_notify = 0;

  g_assert_cmpstr (ladder_category_get_id (category), ==, "mastery");
  g_assert_cmpstr (ladder_category_get_name (category), ==, "Mastery");
  g_assert_cmpstr (ladder_category_get_emoji (category), ==, "🛠️");
  g_assert_null (ladder_category_get_description (category));

  g_signal_connect (category, "notify", G_CALLBACK (count_notify_cb), &n_notify);

  ladder_category_set_emoji (category, "🛠️");
  ladder_category_set_name (category, "Mastery");
  ladder_category_set_description (category, NULL);
  g_assert_cmpuint (n_notify, ==, 0);

  ladder_category_set_emoji (category, NULL);
  ladder_category_set_name (category, "Craft");
  ladder_category_set_description (category, "How well you build");
  g_assert_cmpuint (n_notify, ==, 3);
  g_assert_null (ladder_category_get_emoji (category));
  g_assert_cmpstr (ladder_category_get_name (category), ==, "Craft");
  g_assert_cmpstr (ladder_category_get_description (category), ==, "How well you build");

  g_assert_finalize_object (g_steal_pointer (&category));
}

static void
test_behaviour_properties (void)
{
  g_autoptr (LadderBehaviour) behaviour =
    ladder_behaviour_new ("1-mastery-1", "1", "mastery", NULL, "Writes tests");
  const char * const two[] = { "Unit tests", "Fuzzing", NULL };
  g_auto (GStrv) examples = NULL;
  guint n_notify = 0;

  g_assert_cmpstr (ladder_behaviour_get_id (behaviour), ==, "1-mastery-1");
  g_assert_cmpstr (ladder_behaviour_get_level (behaviour), ==, "1");
  g_assert_cmpstr (ladder_behaviour_get_category (behaviour), ==, "mastery");
  g_assert_null (ladder_behaviour_get_section (behaviour));
  g_assert_cmpstr (ladder_behaviour_get_text (behaviour), ==, "Writes tests");
  g_assert_nonnull (ladder_behaviour_get_examples (behaviour));
  g_assert_cmpuint (g_strv_length ((GStrv) ladder_behaviour_get_examples (behaviour)), ==, 0);

  g_signal_connect (behaviour, "notify", G_CALLBACK (count_notify_cb), &n_notify);

  ladder_behaviour_set_text (behaviour, "Writes tests");
  ladder_behaviour_set_section (behaviour, NULL);
  ladder_behaviour_set_examples (behaviour, NULL);
  g_assert_cmpuint (n_notify, ==, 0);

  ladder_behaviour_set_examples (behaviour, two);
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_true (g_strv_equal (ladder_behaviour_get_examples (behaviour), two));
  ladder_behaviour_set_examples (behaviour, two);
  g_assert_cmpuint (n_notify, ==, 1);

  ladder_behaviour_add_example (behaviour, "Property tests");
  g_assert_cmpuint (n_notify, ==, 2);
  g_object_get (behaviour, "examples", &examples, NULL);
  g_assert_cmpuint (g_strv_length (examples), ==, 3);
  g_assert_cmpstr (examples[2], ==, "Property tests");

  ladder_behaviour_set_section (behaviour, "Quality");
  ladder_behaviour_set_text (behaviour, "Writes good tests");
  g_assert_cmpuint (n_notify, ==, 4);
  g_assert_cmpstr (ladder_behaviour_get_section (behaviour), ==, "Quality");

  ladder_behaviour_set_examples (behaviour, NULL);
  g_assert_cmpuint (n_notify, ==, 5);
  g_assert_cmpuint (g_strv_length ((GStrv) ladder_behaviour_get_examples (behaviour)), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&behaviour));
}

static void
test_cell_properties (void)
{
  g_autoptr (LadderCell) cell = ladder_cell_new ("1", "mastery", "Learns");
  guint n_notify = 0;

  g_assert_cmpstr (ladder_cell_get_level (cell), ==, "1");
  g_assert_cmpstr (ladder_cell_get_category (cell), ==, "mastery");
  g_assert_cmpstr (ladder_cell_get_summary (cell), ==, "Learns");
  g_assert_cmpuint (g_strv_length ((GStrv) ladder_cell_get_examples (cell)), ==, 0);

  g_signal_connect (cell, "notify", G_CALLBACK (count_notify_cb), &n_notify);
  ladder_cell_set_summary (cell, "Learns");
  g_assert_cmpuint (n_notify, ==, 0);
  ladder_cell_set_summary (cell, "Teaches");
  g_assert_cmpuint (n_notify, ==, 1);
  ladder_cell_add_example (cell, "Runs a workshop");
  g_assert_cmpuint (n_notify, ==, 2);
  g_assert_cmpstr (ladder_cell_get_examples (cell)[0], ==, "Runs a workshop");
  g_assert_null (ladder_cell_get_examples (cell)[1]);

  g_assert_finalize_object (g_steal_pointer (&cell));
}

static void
test_framework_properties (void)
{
  g_autoptr (LadderFramework) framework = ladder_framework_new ("acme", "Engineering");
  const char * const sublevels[] = { "A", "B", "C", "D", "E", NULL };
  g_autoptr (GListModel) levels = NULL;
  guint n_notify = 0;

  g_assert_cmpstr (ladder_framework_get_id (framework), ==, "acme");
  g_assert_cmpstr (ladder_framework_get_name (framework), ==, "Engineering");
  g_assert_null (ladder_framework_get_organisation (framework));
  g_assert_null (ladder_framework_get_description (framework));
  g_assert_null (ladder_framework_get_source (framework));
  g_assert_nonnull (ladder_framework_get_sublevels (framework));
  g_assert_null (ladder_framework_get_sublevels (framework)[0]);

  g_signal_connect (framework, "notify", G_CALLBACK (count_notify_cb), &n_notify);

  ladder_framework_set_id (framework, "acme");
  ladder_framework_set_name (framework, "Engineering");
  ladder_framework_set_sublevels (framework, NULL);
  g_assert_cmpuint (n_notify, ==, 0);

  ladder_framework_set_organisation (framework, "Acme");
  ladder_framework_set_description (framework, "How we grow");
  ladder_framework_set_source (framework, "https://example.com/ladder");
  ladder_framework_set_sublevels (framework, sublevels);
  g_assert_cmpuint (n_notify, ==, 4);
  ladder_framework_set_sublevels (framework, sublevels);
  g_assert_cmpuint (n_notify, ==, 4);

  g_assert_cmpstr (ladder_framework_get_organisation (framework), ==, "Acme");
  g_assert_cmpstr (ladder_framework_get_source (framework), ==, "https://example.com/ladder");
  g_assert_true (g_strv_equal (ladder_framework_get_sublevels (framework), sublevels));

  g_object_get (framework, "levels", &levels, NULL);
  g_assert_true (levels == ladder_framework_get_levels (framework));
  g_assert_true (g_list_model_get_item_type (levels) == LADDER_TYPE_LEVEL);
  g_assert_true (g_list_model_get_item_type (ladder_framework_get_categories (framework))
                 == LADDER_TYPE_CATEGORY);
  g_assert_true (g_list_model_get_item_type (ladder_framework_get_behaviours (framework))
                 == LADDER_TYPE_BEHAVIOUR);
  g_assert_true (g_list_model_get_item_type (ladder_framework_get_cells (framework))
                 == LADDER_TYPE_CELL);
  g_clear_object (&levels);

  g_assert_finalize_object (g_steal_pointer (&framework));
}

static void
test_framework_find_level (void)
{
  g_autoptr (LadderFramework) framework = make_framework ();
  LadderBehaviour *behaviour;
  LadderLevel *level;

  level = ladder_framework_find_level (framework, "2");
  g_assert_nonnull (level);
  g_assert_cmpstr (ladder_level_get_name (level), ==, "Level 2");
  g_assert_null (ladder_framework_find_level (framework, "9"));
  g_assert_null (ladder_framework_find_level (framework, NULL));

  g_assert_cmpstr (ladder_category_get_name (ladder_framework_find_category (framework, "impact")),
                   ==, "Impact");
  g_assert_null (ladder_framework_find_category (framework, "Impact"));
  behaviour = ladder_framework_find_behaviour (framework, "1-mastery-2");
  g_assert_cmpstr (ladder_behaviour_get_text (behaviour), ==, "Reviews code");
  g_assert_null (ladder_framework_find_behaviour (framework, "9-mastery-1"));

  g_assert_finalize_object (g_steal_pointer (&framework));
}

static void
test_framework_duplicates (void)
{
  g_autoptr (LadderFramework) framework = make_framework ();
  g_autoptr (LadderLevel) level = ladder_level_new ("1", "Another level 1", NULL);
  g_autoptr (LadderCategory) category = ladder_category_new ("impact", "Other", NULL, NULL);
  g_autoptr (LadderBehaviour) same_id =
    ladder_behaviour_new ("1-mastery-1", "2", "impact", NULL, "Again");
  g_autoptr (LadderBehaviour) bad_level =
    ladder_behaviour_new ("x-1", "7", "impact", NULL, "Nowhere");
  g_autoptr (LadderBehaviour) bad_category =
    ladder_behaviour_new ("x-2", "1", "culture", NULL, "Nowhere");
  g_autoptr (LadderCell) cell = ladder_cell_new ("1", "mastery", "Learns");
  g_autoptr (LadderCell) same_cell = ladder_cell_new ("1", "mastery", "Again");
  g_autoptr (LadderCell) bad_cell = ladder_cell_new ("1", "culture", "Nowhere");
  LadderBehaviour *behaviour;
  guint n_changed = 0;

  g_signal_connect (ladder_framework_get_levels (framework), "items-changed",
                    G_CALLBACK (count_items_changed_cb), &n_changed);
  g_signal_connect (ladder_framework_get_categories (framework), "items-changed",
                    G_CALLBACK (count_items_changed_cb), &n_changed);
  g_signal_connect (ladder_framework_get_behaviours (framework), "items-changed",
                    G_CALLBACK (count_items_changed_cb), &n_changed);

  g_assert_false (ladder_framework_add_level (framework, level));
  g_assert_false (ladder_framework_add_category (framework, category));
  g_assert_false (ladder_framework_add_behaviour (framework, same_id));
  g_assert_false (ladder_framework_add_behaviour (framework, bad_level));
  g_assert_false (ladder_framework_add_behaviour (framework, bad_category));
  g_assert_cmpuint (n_changed, ==, 0);

  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_levels (framework)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_categories (framework)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_behaviours (framework)), ==, 4);
  g_assert_cmpstr (ladder_level_get_name (ladder_framework_find_level (framework, "1")), ==,
                   "Level 1");
  behaviour = ladder_framework_find_behaviour (framework, "1-mastery-1");
  g_assert_cmpstr (ladder_behaviour_get_level (behaviour), ==, "1");
  g_assert_null (ladder_framework_find_behaviour (framework, "x-1"));
  g_assert_cmpuint (ladder_framework_count_behaviours (framework, "7", NULL), ==, 0);

  g_assert_true (ladder_framework_add_cell (framework, cell));
  g_assert_false (ladder_framework_add_cell (framework, same_cell));
  g_assert_false (ladder_framework_add_cell (framework, bad_cell));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_framework_get_cells (framework)), ==, 1);
  g_assert_true (ladder_framework_find_cell (framework, "1", "mastery") == cell);
  g_assert_null (ladder_framework_find_cell (framework, "1", "impact"));
  g_assert_null (ladder_framework_find_cell (framework, "1", "culture"));

  /* The refused objects are not held by the framework. */
  g_assert_finalize_object (g_steal_pointer (&level));
  g_assert_finalize_object (g_steal_pointer (&same_id));
  g_assert_finalize_object (g_steal_pointer (&bad_level));
  g_assert_finalize_object (g_steal_pointer (&same_cell));
  g_assert_finalize_object (g_steal_pointer (&framework));
}

static void
test_framework_list_behaviours (void)
{
  g_autoptr (LadderFramework) framework = make_framework ();
  g_autoptr (GPtrArray) cell = NULL;
  g_autoptr (GPtrArray) level = NULL;
  g_autoptr (GPtrArray) category = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) none = NULL;

  /* Reading order is the order of adding, within each index too. */
  cell = ladder_framework_list_behaviours (framework, "1", "mastery");
  g_assert_cmpuint (cell->len, ==, 2);
  g_assert_cmpstr (ladder_behaviour_get_id (g_ptr_array_index (cell, 0)), ==, "1-mastery-1");
  g_assert_cmpstr (ladder_behaviour_get_id (g_ptr_array_index (cell, 1)), ==, "1-mastery-2");

  level = ladder_framework_list_behaviours (framework, "1", NULL);
  g_assert_cmpuint (level->len, ==, 3);
  g_assert_cmpstr (ladder_behaviour_get_id (g_ptr_array_index (level, 0)), ==, "1-mastery-1");
  g_assert_cmpstr (ladder_behaviour_get_id (g_ptr_array_index (level, 1)), ==, "1-impact-1");
  g_assert_cmpstr (ladder_behaviour_get_id (g_ptr_array_index (level, 2)), ==, "1-mastery-2");

  category = ladder_framework_list_behaviours (framework, NULL, "mastery");
  g_assert_cmpuint (category->len, ==, 3);
  g_assert_cmpstr (ladder_behaviour_get_id (g_ptr_array_index (category, 2)), ==, "2-mastery-1");

  all = ladder_framework_list_behaviours (framework, NULL, NULL);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpstr (ladder_behaviour_get_id (g_ptr_array_index (all, 3)), ==, "2-mastery-1");

  none = ladder_framework_list_behaviours (framework, "3", "impact");
  g_assert_nonnull (none);
  g_assert_cmpuint (none->len, ==, 0);

  /* A changed array returned to the caller leaves the index alone. */
  g_ptr_array_set_size (cell, 0);
  g_assert_cmpuint (ladder_framework_count_behaviours (framework, "1", "mastery"), ==, 2);

  g_assert_cmpuint (ladder_framework_count_behaviours (framework, "1", "impact"), ==, 1);
  g_assert_cmpuint (ladder_framework_count_behaviours (framework, "2", "impact"), ==, 0);
  g_assert_cmpuint (ladder_framework_count_behaviours (framework, "2", NULL), ==, 1);
  g_assert_cmpuint (ladder_framework_count_behaviours (framework, NULL, "impact"), ==, 1);
  g_assert_cmpuint (ladder_framework_count_behaviours (framework, NULL, NULL), ==, 4);
  g_assert_cmpuint (ladder_framework_count_behaviours (framework, "nope", "impact"), ==, 0);

  g_clear_pointer (&cell, g_ptr_array_unref);
  g_clear_pointer (&level, g_ptr_array_unref);
  g_clear_pointer (&category, g_ptr_array_unref);
  g_clear_pointer (&all, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&framework));
}

static void
test_framework_level_order (void)
{
  g_autoptr (LadderFramework) framework = make_framework ();

  g_assert_cmpint (ladder_framework_get_level_index (framework, "1"), ==, 0);
  g_assert_cmpint (ladder_framework_get_level_index (framework, "2"), ==, 1);
  g_assert_cmpint (ladder_framework_get_level_index (framework, "3"), ==, 2);
  g_assert_cmpint (ladder_framework_get_level_index (framework, "4"), ==, -1);
  g_assert_cmpint (ladder_framework_get_level_index (framework, NULL), ==, -1);

  g_assert_cmpstr (ladder_level_get_id (ladder_framework_get_next_level (framework, "1")), ==, "2");
  g_assert_cmpstr (ladder_level_get_id (ladder_framework_get_next_level (framework, "2")), ==, "3");
  g_assert_null (ladder_framework_get_next_level (framework, "3"));
  g_assert_null (ladder_framework_get_next_level (framework, "4"));

  g_assert_finalize_object (g_steal_pointer (&framework));
}

static void
test_framework_sublevels (void)
{
  g_autoptr (LadderFramework) framework = ladder_framework_new ("acme", "Engineering");
  const char * const sublevels[] = { "A", "B", "C", "D", "E", NULL };
  g_auto (GStrv) got = NULL;
  guint n_notify = 0;

  g_signal_connect (framework, "notify::sublevels", G_CALLBACK (count_notify_cb), &n_notify);

  g_object_set (framework, "sublevels", sublevels, NULL);
  g_assert_cmpuint (n_notify, ==, 1);
  g_object_get (framework, "sublevels", &got, NULL);
  g_assert_cmpuint (g_strv_length (got), ==, 5);
  g_assert_cmpstr (got[0], ==, "A");
  g_assert_cmpstr (got[4], ==, "E");

  ladder_framework_set_sublevels (framework, NULL);
  g_assert_cmpuint (n_notify, ==, 2);
  g_assert_cmpuint (g_strv_length ((GStrv) ladder_framework_get_sublevels (framework)), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&framework));
}

static void
test_framework_many_behaviours (void)
{
  g_autoptr (LadderFramework) framework = ladder_framework_new ("big", "Big");
  g_autoptr (GPtrArray) list = NULL;

  /* 10 levels × 10 categories × 20 behaviours. */
  for (guint l = 0; l < 10; l++)
    {
      g_autofree char *id = g_strdup_printf ("%u", l);
      g_autoptr (LadderLevel) level = ladder_level_new (id, id, NULL);

      g_assert_true (ladder_framework_add_level (framework, level));
    }
  for (guint c = 0; c < 10; c++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", c);
      g_autoptr (LadderCategory) category = ladder_category_new (id, id, NULL, NULL);

      g_assert_true (ladder_framework_add_category (framework, category));
    }
  for (guint l = 0; l < 10; l++)
    for (guint c = 0; c < 10; c++)
      for (guint i = 0; i < 20; i++)
        {
          g_autofree char *level = g_strdup_printf ("%u", l);
          g_autofree char *category = g_strdup_printf ("c%u", c);
          g_autofree char *id = g_strdup_printf ("%u-c%u-%u", l, c, i);
          g_autoptr (LadderBehaviour) behaviour =
            ladder_behaviour_new (id, level, category, NULL, id);

          g_assert_true (ladder_framework_add_behaviour (framework, behaviour));
        }

  g_assert_cmpuint (ladder_framework_count_behaviours (framework, NULL, NULL), ==, 2000);
  g_assert_cmpuint (ladder_framework_count_behaviours (framework, "4", "c7"), ==, 20);
  g_assert_cmpuint (ladder_framework_count_behaviours (framework, "4", NULL), ==, 200);
  g_assert_cmpuint (ladder_framework_count_behaviours (framework, NULL, "c7"), ==, 200);
  list = ladder_framework_list_behaviours (framework, "9", "c9");
  g_assert_cmpuint (list->len, ==, 20);
  g_assert_cmpstr (ladder_behaviour_get_id (g_ptr_array_index (list, 19)), ==, "9-c9-19");
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_finalize_object (g_steal_pointer (&framework));
}

static void
test_json_extra (void)
{
  g_autoptr (LadderLevel) level = ladder_level_new ("1", "Level 1", NULL);
  g_autoptr (JsonObject) extra = json_object_new ();
  g_autoptr (JsonObject) other = json_object_new ();

  g_assert_null (_ladder_json_get_extra (level));

  json_object_set_string_member (extra, "colour", "blue");
  _ladder_json_set_extra (level, extra);
  g_assert_true (_ladder_json_get_extra (level) == extra);
  g_assert_cmpstr (json_object_get_string_member (_ladder_json_get_extra (level), "colour"), ==,
                   "blue");

  /* Replacing drops the old reference; NULL drops the last one. */
  _ladder_json_set_extra (level, other);
  g_assert_true (_ladder_json_get_extra (level) == other);
  _ladder_json_set_extra (level, NULL);
  g_assert_null (_ladder_json_get_extra (level));

  /* The object's own reference goes with it. */
  _ladder_json_set_extra (level, extra);
  g_assert_finalize_object (g_steal_pointer (&level));
  g_assert_cmpstr (json_object_get_string_member (extra, "colour"), ==, "blue");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ladder/enums/strings", test_enums_strings);
  g_test_add_func ("/ladder/enums/labels", test_enums_labels);
  g_test_add_func ("/ladder/level/properties", test_level_properties);
  g_test_add_func ("/ladder/category/properties", test_category_properties);
  g_test_add_func ("/ladder/behaviour/properties", test_behaviour_properties);
  g_test_add_func ("/ladder/cell/properties", test_cell_properties);
  g_test_add_func ("/ladder/framework/properties", test_framework_properties);
  g_test_add_func ("/ladder/framework/find-level", test_framework_find_level);
  g_test_add_func ("/ladder/framework/duplicates", test_framework_duplicates);
  g_test_add_func ("/ladder/framework/list-behaviours", test_framework_list_behaviours);
  g_test_add_func ("/ladder/framework/level-order", test_framework_level_order);
  g_test_add_func ("/ladder/framework/sublevels", test_framework_sublevels);
  g_test_add_func ("/ladder/framework/many-behaviours", test_framework_many_behaviours);
  g_test_add_func ("/ladder/json/extra", test_json_extra);

  return g_test_run ();
}
