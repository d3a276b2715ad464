/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "ladder-core.h"
#include "ladder-history-private.h"

/* A framework of two levels ("1", "2") and two categories ("a", "b"),
 * two behaviours in each level and category: "LEVEL-CATEGORY-N". */
static LadderFramework *
make_framework (void)
{
  LadderFramework *framework = ladder_framework_new ("test", "Test");
  const char *categories[] = { "a", "b" };

  for (guint l = 1; l <= 2; l++)
    {
      g_autofree char *id = g_strdup_printf ("%u", l);
      g_autoptr(LadderLevel) level = ladder_level_new (id, id, NULL);

      g_assert_true (ladder_framework_add_level (framework, level));
    }

  for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
    {
      g_autoptr(LadderCategory) category = NULL;

      category = ladder_category_new (categories[c], c == 0 ? "Alpha" : "Beta", NULL, NULL);
      g_assert_true (ladder_framework_add_category (framework, category));
    }

  for (guint l = 1; l <= 2; l++)
    for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
      for (guint n = 1; n <= 2; n++)
        {
          g_autofree char *level = g_strdup_printf ("%u", l);
          g_autofree char *id = g_strdup_printf ("%u-%s-%u", l, categories[c], n);
          g_autoptr(LadderBehaviour) behaviour = NULL;

          behaviour = ladder_behaviour_new (id, level, categories[c], NULL, id);
          g_assert_true (ladder_framework_add_behaviour (framework, behaviour));
        }

  return framework;
}

static LadderCheckin *
add_checkin (LadderProfile *profile,
             GDateMonth     month,
             GDateDay       day)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, 2026);
  g_autoptr(LadderCheckin) checkin = ladder_profile_start_checkin (profile);

  ladder_checkin_set_date (checkin, date);
  ladder_profile_finish_checkin (profile, checkin);

  return checkin;
}

static LadderEvidence *
add_evidence (LadderProfile *profile,
              const char    *title,
              GDateMonth     month,
              GDateDay       day)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, 2026);
  g_autoptr(LadderEvidence) evidence = ladder_evidence_new (NULL);

  ladder_evidence_set_title (evidence, title);
  ladder_evidence_set_date (evidence, date);
  ladder_profile_add_evidence (profile, evidence);

  return evidence;
}

static void
count_changed_cb (LadderProfile *profile,
                  guint         *count)
{
  (*count)++;
}

static void
test_start_finish (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderProfile) profile = ladder_profile_new ("p", framework);
  g_autoptr(LadderCheckin) checkin = NULL;
  g_autoptr(GDate) today = g_date_new ();
  g_autoptr(GDateTime) before = NULL;
  g_auto(GStrv) ids = NULL;
  guint changed = 0;

  ladder_profile_rate (profile, "1-a-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "1-a-1", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);
  ladder_profile_rate (profile, "2-b-2", LADDER_RATER_MANAGER, LADDER_RATING_NOT_APPLICABLE);

  checkin = ladder_profile_start_checkin (profile);
  g_date_set_time_t (today, time (NULL));
  g_assert_true (g_uuid_string_is_valid (ladder_checkin_get_id (checkin)));
  g_assert_cmpint (g_date_compare (ladder_checkin_get_date (checkin), today), ==, 0);
  /* A draft is not part of the profile until finished. */
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_checkins (profile)), ==, 0);
  g_assert_null (ladder_profile_get_last_checkin (profile));

  ladder_checkin_set_notes (checkin, "Talked about on-call");
  before = g_date_time_new_now_utc ();
  g_signal_connect (profile, "changed", G_CALLBACK (count_changed_cb), &changed);
  ladder_profile_finish_checkin (profile, checkin);
  g_assert_cmpuint (changed, ==, 1);

  g_assert_true (ladder_profile_find_checkin (profile, ladder_checkin_get_id (checkin)) == checkin);
  g_assert_true (ladder_profile_get_last_checkin (profile) == checkin);
  g_assert_cmpint (g_date_time_compare (ladder_checkin_get_modified (checkin), before), >=, 0);

  ids = ladder_checkin_list_snapshot (checkin);
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_cmpstr (ids[0], ==, "1-a-1");
  g_assert_cmpstr (ids[1], ==, "2-b-2");
  g_assert_cmpint (ladder_checkin_get_snapshot (checkin, "1-a-1", LADDER_RATER_SELF), ==,
                   LADDER_RATING_CONSISTENTLY);
  g_assert_cmpint (ladder_checkin_get_snapshot (checkin, "1-a-1", LADDER_RATER_MANAGER), ==,
                   LADDER_RATING_SOMETIMES);
  g_assert_cmpint (ladder_checkin_get_snapshot (checkin, "2-b-2", LADDER_RATER_MANAGER), ==,
                   LADDER_RATING_NOT_APPLICABLE);

  /* Finishing again takes the ratings as they are then, and does not add
   * the check-in twice. */
  ladder_profile_rate (profile, "1-a-1", LADDER_RATER_SELF, LADDER_RATING_UNRATED);
  ladder_profile_finish_checkin (profile, checkin);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_checkins (profile)), ==, 1);
  g_assert_cmpint (ladder_checkin_get_snapshot (checkin, "1-a-1", LADDER_RATER_SELF), ==,
                   LADDER_RATING_UNRATED);
  g_assert_cmpint (ladder_checkin_get_snapshot (checkin, "1-a-1", LADDER_RATER_MANAGER), ==,
                   LADDER_RATING_SOMETIMES);

  g_signal_handlers_disconnect_by_func (profile, count_changed_cb, &changed);
}

static void
test_review_first (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderProfile) profile = ladder_profile_new ("p", framework);
  g_autoptr(LadderReview) review = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  const LadderRatingChange *change;
  const LadderRatingGap *gap;

  ladder_profile_rate (profile, "1-b-1", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  ladder_profile_rate (profile, "1-a-2", LADDER_RATER_MANAGER, LADDER_RATING_NOT_APPLICABLE);
  add_evidence (profile, "Old work", G_DATE_JANUARY, 5);

  /* No check-in yet: everything rated is a change from unrated, and all
   * the evidence is new. */
  review = ladder_review_new (profile, NULL);
  g_assert_null (ladder_review_get_previous (review));
  g_assert_cmpuint (ladder_review_get_n_changes (review), ==, 2);
  change = ladder_review_get_change (review, 0);
  g_assert_cmpstr (change->behaviour_id, ==, "1-a-2");
  g_assert_cmpint (change->rater, ==, LADDER_RATER_MANAGER);
  g_assert_cmpint (change->before, ==, LADDER_RATING_UNRATED);
  g_assert_cmpint (change->after, ==, LADDER_RATING_NOT_APPLICABLE);
  g_assert_cmpint (change->direction, ==, 0);
  change = ladder_review_get_change (review, 1);
  g_assert_cmpstr (change->behaviour_id, ==, "1-b-1");
  g_assert_cmpint (change->rater, ==, LADDER_RATER_SELF);
  g_assert_cmpint (change->direction, ==, 1);
  g_assert_cmpuint (ladder_review_get_new_evidence (review)->len, ==, 1);
  g_assert_cmpuint (ladder_review_get_open_actions (review)->len, ==, 0);
  g_assert_cmpuint (ladder_review_get_done_actions (review)->len, ==, 0);
  /* One side unrated is no gap. */
  g_assert_cmpuint (ladder_review_get_n_gaps (review), ==, 0);

  /* Not applicable against a rating is a gap of one step, as in Compare
   * mode: the check-in page and the Progress view agree on the agenda. */
  ladder_profile_rate (profile, "1-a-2", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  g_clear_pointer (&review, ladder_review_unref);
  review = ladder_review_new (profile, NULL);
  g_assert_cmpuint (ladder_review_get_n_gaps (review), ==, 1);
  gap = ladder_review_get_gap (review, 0);
  g_assert_cmpstr (gap->behaviour_id, ==, "1-a-2");
  g_assert_cmpuint (gap->size, ==, 1);
  gaps = ladder_profile_list_rating_gaps (profile);
  g_assert_cmpuint (gaps->len, ==, 1);
  g_assert_cmpuint (ladder_gap_get_size (g_ptr_array_index (gaps, 0)), ==, gap->size);
}

static void
test_review_since (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderProfile) profile = ladder_profile_new ("p", framework);
  g_autoptr(LadderReview) now = NULL;
  g_autoptr(LadderReview) then = NULL;
  g_autoptr(LadderAction) open = ladder_action_new (NULL);
  g_autoptr(LadderAction) done = ladder_action_new (NULL);
  g_autoptr(LadderAction) done_before = ladder_action_new (NULL);
  g_autoptr(GDateTime) past = g_date_time_new_utc (2026, 3, 1, 12, 0, 0);
  g_autoptr(LadderCheckin) draft = NULL;
  LadderCheckin *march, *june;
  const LadderRatingChange *change;
  const LadderRatingGap *gap;

  ladder_profile_rate (profile, "1-a-1", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  ladder_profile_rate (profile, "1-a-2", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "1-a-2", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  add_evidence (profile, "Before March", G_DATE_FEBRUARY, 20);
  march = add_checkin (profile, G_DATE_MARCH, 1);
  ladder_checkin_set_modified (march, past);

  ladder_action_set_text (open, "Write the design doc");
  ladder_checkin_add_action (march, open);
  ladder_action_set_text (done, "Pair on the incident review");
  ladder_checkin_add_action (march, done);
  ladder_action_set_done (done, TRUE);
  ladder_action_set_text (done_before, "Read the runbook");
  ladder_action_set_done (done_before, TRUE);
  ladder_action_set_modified (done_before, past);
  ladder_checkin_add_action (march, done_before);

  /* Since March: one up, one down, a gap of two steps and one of one. */
  ladder_profile_rate (profile, "1-a-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "1-a-2", LADDER_RATER_MANAGER, LADDER_RATING_NOT_YET);
  ladder_profile_rate (profile, "1-b-1", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  ladder_profile_rate (profile, "1-b-1", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  add_evidence (profile, "The day of the check-in", G_DATE_MARCH, 1);
  add_evidence (profile, "After March", G_DATE_APRIL, 2);

  draft = ladder_profile_start_checkin (profile);
  now = ladder_review_new (profile, draft);
  g_assert_true (ladder_review_get_previous (now) == march);

  g_assert_cmpuint (ladder_review_get_n_changes (now), ==, 4);
  change = ladder_review_get_change (now, 0);
  g_assert_cmpstr (change->behaviour_id, ==, "1-a-1");
  g_assert_cmpint (change->before, ==, LADDER_RATING_SOMETIMES);
  g_assert_cmpint (change->after, ==, LADDER_RATING_CONSISTENTLY);
  g_assert_cmpint (change->direction, ==, 1);
  change = ladder_review_get_change (now, 1);
  g_assert_cmpstr (change->behaviour_id, ==, "1-a-2");
  g_assert_cmpint (change->rater, ==, LADDER_RATER_MANAGER);
  g_assert_cmpint (change->direction, ==, -1);
  change = ladder_review_get_change (now, 2);
  g_assert_cmpstr (change->behaviour_id, ==, "1-b-1");
  g_assert_cmpint (change->rater, ==, LADDER_RATER_SELF);
  change = ladder_review_get_change (now, 3);
  g_assert_cmpstr (change->behaviour_id, ==, "1-b-1");
  g_assert_cmpint (change->rater, ==, LADDER_RATER_MANAGER);

  g_assert_cmpuint (ladder_review_get_new_evidence (now)->len, ==, 1);
  g_assert_cmpstr (ladder_evidence_get_title (g_ptr_array_index (ladder_review_get_new_evidence (now), 0)),
                   ==, "After March");

  g_assert_cmpuint (ladder_review_get_open_actions (now)->len, ==, 1);
  g_assert_true (g_ptr_array_index (ladder_review_get_open_actions (now), 0) == open);
  g_assert_cmpuint (ladder_review_get_done_actions (now)->len, ==, 1);
  g_assert_true (g_ptr_array_index (ladder_review_get_done_actions (now), 0) == done);

  g_assert_cmpuint (ladder_review_get_n_gaps (now), ==, 2);
  gap = ladder_review_get_gap (now, 0);
  g_assert_cmpstr (gap->behaviour_id, ==, "1-a-2");
  g_assert_cmpuint (gap->size, ==, 2);
  g_assert_cmpint (gap->self_value, ==, LADDER_RATING_CONSISTENTLY);
  g_assert_cmpint (gap->manager_value, ==, LADDER_RATING_NOT_YET);
  gap = ladder_review_get_gap (now, 1);
  g_assert_cmpstr (gap->behaviour_id, ==, "1-b-1");
  g_assert_cmpuint (gap->size, ==, 1);

  /* Finished in June, and opened later: it still shows what it looked
   * back on, whatever changes after it. */
  g_clear_pointer (&now, ladder_review_unref);
  june = add_checkin (profile, G_DATE_JUNE, 1);
  ladder_profile_rate (profile, "1-a-1", LADDER_RATER_SELF, LADDER_RATING_NOT_YET);
  add_evidence (profile, "After June", G_DATE_JULY, 2);

  then = ladder_review_new (profile, june);
  g_assert_true (ladder_review_get_previous (then) == march);
  g_assert_cmpuint (ladder_review_get_n_changes (then), ==, 4);
  g_assert_cmpint (ladder_review_get_change (then, 0)->after, ==, LADDER_RATING_CONSISTENTLY);
  g_assert_cmpuint (ladder_review_get_new_evidence (then)->len, ==, 1);
  g_assert_cmpuint (ladder_review_get_n_gaps (then), ==, 2);

  /* The March check-in looks back on nothing before it. */
  g_clear_pointer (&then, ladder_review_unref);
  then = ladder_review_new (profile, march);
  g_assert_null (ladder_review_get_previous (then));
  g_assert_cmpuint (ladder_review_get_n_changes (then), ==, 3);
  g_assert_cmpuint (ladder_review_get_new_evidence (then)->len, ==, 2);
  g_assert_cmpuint (ladder_review_get_open_actions (then)->len, ==, 0);

  /* Now, against June: only the change made after it. */
  now = ladder_review_new (profile, NULL);
  g_assert_true (ladder_review_get_previous (now) == june);
  g_assert_cmpuint (ladder_review_get_n_changes (now), ==, 1);
  g_assert_cmpint (ladder_review_get_change (now, 0)->direction, ==, -1);
  /* Deleted check-ins are not looked back on. */
  ladder_profile_remove_checkin (profile, june);
  g_clear_pointer (&now, ladder_review_unref);
  now = ladder_review_new (profile, NULL);
  g_assert_true (ladder_review_get_previous (now) == march);
}

static void
test_history (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderProfile) profile = ladder_profile_new ("p", framework);
  g_autoptr(LadderHistory) empty = NULL;
  g_autoptr(LadderHistory) history = NULL;
  g_autoptr(LadderHistory) manager = NULL;
  g_autoptr(LadderCheckin) later = NULL;
  g_autoptr(GDate) may = g_date_new_dmy (1, G_DATE_MAY, 2026);

  empty = ladder_history_new (profile, LADDER_RATER_SELF);
  g_assert_cmpuint (ladder_history_get_n_points (empty), ==, 0);
  g_assert_cmpuint (ladder_history_get_n_series (empty), ==, 2);
  g_assert_cmpstr (ladder_history_get_label (empty, 0), ==, "Alpha");

  ladder_profile_rate (profile, "1-a-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "2-a-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "1-b-1", LADDER_RATER_SELF, LADDER_RATING_SOMETIMES);
  ladder_profile_rate (profile, "1-b-2", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  add_checkin (profile, G_DATE_JUNE, 1);

  /* Added later but dated earlier: it comes first. */
  ladder_profile_rate (profile, "2-a-1", LADDER_RATER_SELF, LADDER_RATING_NOT_APPLICABLE);
  ladder_profile_rate (profile, "1-b-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  later = ladder_profile_start_checkin (profile);
  ladder_checkin_set_date (later, may);
  ladder_profile_finish_checkin (profile, later);
  /* A snapshot entry for a behaviour the framework lacks is left out. */
  ladder_checkin_set_snapshot (later, "gone", LADDER_RATING_CONSISTENTLY, LADDER_RATING_UNRATED);

  history = ladder_history_new (profile, LADDER_RATER_SELF);
  g_assert_cmpuint (ladder_history_get_n_points (history), ==, 2);
  g_assert_cmpint (g_date_get_month (ladder_history_get_date (history, 0)), ==, G_DATE_MAY);
  g_assert_cmpint (g_date_get_month (ladder_history_get_date (history, 1)), ==, G_DATE_JUNE);
  g_assert_cmpuint (ladder_history_get_shown (history, 0, 0), ==, 1);
  g_assert_cmpuint (ladder_history_get_shown (history, 1, 0), ==, 1);
  g_assert_cmpuint (ladder_history_get_shown (history, 0, 1), ==, 2);
  g_assert_cmpuint (ladder_history_get_shown (history, 1, 1), ==, 0);

  manager = ladder_history_new (profile, LADDER_RATER_MANAGER);
  g_assert_cmpuint (ladder_history_get_shown (manager, 0, 1), ==, 0);
  g_assert_cmpuint (ladder_history_get_shown (manager, 1, 1), ==, 1);

  /* Either history holds both sides, whichever it gives first. */
  g_assert_false (ladder_history_has_ratings (empty, LADDER_RATER_SELF));
  g_assert_false (ladder_history_has_ratings (empty, LADDER_RATER_MANAGER));
  g_assert_true (ladder_history_has_ratings (history, LADDER_RATER_SELF));
  g_assert_true (ladder_history_has_ratings (history, LADDER_RATER_MANAGER));
  for (guint series = 0; series < 2; series++)
    for (guint point = 0; point < 2; point++)
      {
        g_assert_cmpuint (ladder_history_get_shown_by (history, LADDER_RATER_SELF, series, point), ==,
                          ladder_history_get_shown (history, series, point));
        g_assert_cmpuint (ladder_history_get_shown_by (history, LADDER_RATER_MANAGER, series, point), ==,
                          ladder_history_get_shown (manager, series, point));
        g_assert_cmpuint (ladder_history_get_shown_by (manager, LADDER_RATER_SELF, series, point), ==,
                          ladder_history_get_shown (history, series, point));
      }
  g_assert_cmpuint (ladder_history_get_shown_by (history, LADDER_RATER_MANAGER, 1, 0), ==, 1);

  /* Its description, the chart's accessible one, gives both. */
  {
    g_autofree char *text = ladder_history_describe (history);

    g_assert_nonnull (strstr (text, "Alpha, 2 shown by self and 0 by the manager;"));
    g_assert_nonnull (strstr (text, "Beta, 0 shown by self and 1 by the manager;"));
  }
}

/* A side that was never rated at a check-in has no line, rather than a
 * flat one at zero; a manager's copy with only the manager's ratings
 * shows those. */
static void
test_history_sides (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderProfile) profile = ladder_profile_new ("p", framework);
  g_autoptr(LadderHistory) history = NULL;
  g_autofree char *text = NULL;

  ladder_profile_set_owner (profile, LADDER_RATER_MANAGER);
  ladder_profile_rate (profile, "1-a-1", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "1-a-2", LADDER_RATER_MANAGER, LADDER_RATING_NOT_YET);
  add_checkin (profile, G_DATE_MARCH, 2);

  /* Asked for the engineer's side first, it still describes what there is. */
  history = ladder_history_new (profile, LADDER_RATER_SELF);
  g_assert_false (ladder_history_has_ratings (history, LADDER_RATER_SELF));
  g_assert_true (ladder_history_has_ratings (history, LADDER_RATER_MANAGER));
  g_assert_cmpuint (ladder_history_get_shown_by (history, LADDER_RATER_MANAGER, 0, 0), ==, 1);
  text = ladder_history_describe (history);
  g_assert_nonnull (strstr (text, "Alpha, 1 shown;"));
  g_assert_null (strstr (text, "by the manager"));
}

/* A framework of one level and @n_categories categories of
 * @n_behaviours behaviours each: "c-CATEGORY-N". */
static LadderFramework *
make_wide_framework (guint n_categories,
                     guint n_behaviours)
{
  LadderFramework *framework = ladder_framework_new ("wide", "Wide");
  g_autoptr(LadderLevel) level = ladder_level_new ("1", "Level 1", NULL);

  g_assert_true (ladder_framework_add_level (framework, level));
  for (guint c = 0; c < n_categories; c++)
    {
      g_autofree char *id = g_strdup_printf ("%u", c);
      g_autofree char *name = g_strdup_printf ("Category %u", c);
      g_autoptr(LadderCategory) category = ladder_category_new (id, name, NULL, NULL);

      g_assert_true (ladder_framework_add_category (framework, category));
      for (guint b = 0; b < n_behaviours; b++)
        {
          g_autofree char *behaviour_id = g_strdup_printf ("c-%u-%u", c, b);
          g_autoptr(LadderBehaviour) behaviour = ladder_behaviour_new (behaviour_id, "1", id, NULL,
                                                                        "Does things");

          g_assert_true (ladder_framework_add_behaviour (framework, behaviour));
        }
    }

  return framework;
}

/* Lays out the marks of @profile's one check-in at @width × @height and
 * checks what a reader needs of them: each value once per side that
 * rated, written over its mark; the engineer's and the manager's apart,
 * side by side; no mark over another, no number over another; all
 * centred in the plot and inside the area; higher values higher up. */
static void
check_single_layout (LadderProfile *profile,
                     double         width,
                     double         height,
                     gboolean       both)
{
  g_autoptr(LadderHistory) history = ladder_history_new (profile, ladder_profile_get_owner (profile));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) marks = NULL;
  guint n_series = ladder_history_get_n_series (history);
  double centre = -1, min_x = G_MAXDOUBLE, max_x = -G_MAXDOUBLE;

  g_assert_cmpuint (ladder_history_get_n_points (history), ==, 1);
  marks = _ladder_history_layout_single (history, cr, width, height, NULL, &centre);
  g_assert_cmpuint (marks->len, ==, n_series * (both ? 2 : 1));

  for (guint i = 0; i < marks->len; i++)
    {
      const LadderHistoryMark *a = &g_array_index (marks, LadderHistoryMark, i);

      g_assert_cmpuint (a->value, ==, ladder_history_get_shown_by (history, a->rater, a->series, 0));
      g_assert_cmpfloat (a->radius, >=, 2.5);
      /* The number over its mark, within the area. */
      g_assert_cmpfloat (a->label_y + a->label_height, <=, a->y - a->radius);
      g_assert_cmpfloat (a->label_x, >=, 0);
      g_assert_cmpfloat (a->label_y, >=, 0);
      g_assert_cmpfloat (a->label_x + a->label_width, <=, width);
      g_assert_cmpfloat (a->y + a->radius, <=, height);
      min_x = MIN (min_x, a->x);
      max_x = MAX (max_x, a->x);

      for (guint j = i + 1; j < marks->len; j++)
        {
          const LadderHistoryMark *b = &g_array_index (marks, LadderHistoryMark, j);

          /* Every mark in its own place across: none over another, the
           * diamond's points (1.25 times half its size) included. */
          g_assert_cmpfloat (fabs (a->x - b->x), >=, 1.25 * (a->radius + b->radius));
          /* No number over another. */
          g_assert_false (a->label_x < b->label_x + b->label_width &&
                          b->label_x < a->label_x + a->label_width &&
                          a->label_y < b->label_y + b->label_height &&
                          b->label_y < a->label_y + a->label_height);
          /* Placed by value. */
          if (a->value == b->value)
            g_assert_cmpfloat (fabs (a->y - b->y), <, 0.001);
          else
            g_assert_true ((a->value > b->value) == (a->y < b->y));
          /* The engineer's first in each category, the manager's beside. */
          if (a->series == b->series)
            {
              g_assert_cmpint (a->rater, ==, LADDER_RATER_SELF);
              g_assert_cmpint (b->rater, ==, LADDER_RATER_MANAGER);
              g_assert_cmpfloat (a->x, <, b->x);
            }
          else
            g_assert_cmpuint (a->series, <, b->series);
        }
    }

  /* Centred. */
  g_assert_cmpfloat (fabs ((min_x + max_x) / 2 - centre), <, 0.001);
  g_assert_cmpfloat (centre, >, width / 2 - 30);
  g_assert_cmpfloat (centre, <, width / 2 + 30);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* One check-in has no line to read: its points, all at one date, were
 * drawn over each other. Each category has a column instead, the two
 * sides' marks apart and numbered, wide and at the narrow window's size;
 * with one side rated, one mark a column; with several check-ins there is
 * no such layout. */
static void
test_history_single (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderFramework) wide = make_wide_framework (10, 12);
  g_autoptr(LadderProfile) profile = ladder_profile_new ("p", framework);
  g_autoptr(LadderProfile) many = ladder_profile_new ("q", wide);
  g_autoptr(LadderProfile) manager = ladder_profile_new ("r", framework);
  g_autoptr(LadderHistory) history = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GArray) marks = NULL;

  /* The same value on both sides (Alpha) and different ones (Beta). */
  ladder_profile_rate (profile, "1-a-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "2-a-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "1-a-1", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "1-a-2", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "1-b-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  add_checkin (profile, G_DATE_JUNE, 1);
  check_single_layout (profile, 600, 300, TRUE);
  check_single_layout (profile, 328, 240, TRUE);

  /* Ten categories of up to twelve, in a narrow window. */
  for (guint c = 0; c < 10; c++)
    for (guint b = 0; b < 12; b++)
      {
        g_autofree char *id = g_strdup_printf ("c-%u-%u", c, b);

        if (b < c + 2)
          ladder_profile_rate (many, id, LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
        if (b < 11 - c)
          ladder_profile_rate (many, id, LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
      }
  add_checkin (many, G_DATE_JUNE, 1);
  check_single_layout (many, 328, 260, TRUE);
  check_single_layout (many, 900, 300, TRUE);

  /* The manager alone. */
  ladder_profile_set_owner (manager, LADDER_RATER_MANAGER);
  ladder_profile_rate (manager, "1-a-1", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
  add_checkin (manager, G_DATE_MARCH, 2);
  check_single_layout (manager, 328, 240, FALSE);

  /* Two check-ins draw lines. */
  add_checkin (profile, G_DATE_JULY, 1);
  history = ladder_history_new (profile, LADDER_RATER_SELF);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 300);
  cr = cairo_create (surface);
  marks = _ladder_history_layout_single (history, cr, 600, 300, NULL, NULL);
  g_assert_cmpuint (marks->len, ==, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* How many pixels of @surface are not transparent. */
static guint
count_ink (cairo_surface_t *surface)
{
  unsigned char *data;
  int stride, width, height;
  guint ink = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (((guint32 *) (data + y * stride))[x] >> 24 != 0)
        ink++;

  return ink;
}

static guint
draw_history_with (LadderProfile *profile,
                   int            width,
                   int            height,
                   gboolean       show_legend)
{
  g_autoptr(LadderHistory) history = ladder_history_new (profile, ladder_profile_get_owner (profile));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  LadderChartStyle style;
  guint ink;

  ladder_chart_style_init (&style);
  style.show_legend = show_legend;
  ladder_history_draw (history, cr, width, height, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  ink = count_ink (surface);
  cairo_surface_destroy (surface);

  return ink;
}

static guint
draw_history (LadderProfile *profile,
              int            width,
              int            height)
{
  return draw_history_with (profile, width, height, TRUE);
}

static void
test_history_draw (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderProfile) profile = ladder_profile_new ("p", framework);
  guint none, one, many;

  /* With none, one and several check-ins, wide and narrow, something is
   * drawn, and more with each line. */
  none = draw_history (profile, 600, 300);
  g_assert_cmpuint (none, >, 0);
  g_assert_cmpuint (draw_history (profile, 320, 280), >, 0);

  ladder_profile_rate (profile, "1-a-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  add_checkin (profile, G_DATE_JANUARY, 10);
  one = draw_history (profile, 600, 300);
  g_assert_cmpuint (one, >, 0);

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u-b-%u", 1 + i % 2, 1 + i / 2 % 2);

      ladder_profile_rate (profile, id, LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
      add_checkin (profile, G_DATE_FEBRUARY + i % 10, 1 + i);
    }
  many = draw_history (profile, 600, 300);
  g_assert_cmpuint (many, >, one);
  g_assert_cmpuint (draw_history (profile, 320, 280), >, 0);
  /* Too small to hold a chart: nothing, and no harm. */
  g_assert_cmpuint (draw_history (profile, 20, 10), ==, 0);
}

/* The manager's ratings over time are lines of their own, beside the
 * engineer's, in the engineer's copy and in the manager's alike. */
static void
test_history_draw_both (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderProfile) self_only = ladder_profile_new ("p", framework);
  g_autoptr(LadderProfile) both = ladder_profile_new ("q", framework);
  guint one_side, two_sides, legend;

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u-%c-%u", 1 + i / 2, i % 2 ? 'b' : 'a', 1 + i % 2);

      ladder_profile_rate (self_only, id, LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
      ladder_profile_rate (both, id, LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
      /* The manager sees less, and later. */
      if (i >= 2)
        ladder_profile_rate (both, id, LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
      else
        ladder_profile_rate (both, id, LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);
      add_checkin (self_only, G_DATE_JANUARY + i, 5);
      add_checkin (both, G_DATE_JANUARY + i, 5);
    }

  one_side = draw_history_with (self_only, 600, 300, FALSE);
  two_sides = draw_history_with (both, 600, 300, FALSE);
  g_assert_cmpuint (two_sides, >, one_side);

  /* The legend gains a key to the two kinds of line. */
  legend = draw_history (both, 600, 300) - two_sides;
  g_assert_cmpuint (legend, >, draw_history (self_only, 600, 300) - one_side);

  /* The manager's copy draws the same lines. */
  ladder_profile_set_owner (both, LADDER_RATER_MANAGER);
  g_assert_cmpuint (draw_history_with (both, 600, 300, FALSE), ==, two_sides);
}

/* A check-in being written is kept alone in drafts/ID.json: it reads
 * back whole, a broken one is reported and never written over, and it
 * goes aside with its profile and comes back with it. */
static void
test_draft (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderProfile) profile = ladder_profile_new ("p1", framework);
  g_autoptr(LadderCheckin) draft = ladder_profile_start_checkin (profile);
  g_autoptr(LadderAction) action = ladder_action_new (NULL);
  g_autoptr(LadderCheckin) read = NULL;
  g_autoptr(LadderCheckin) none = NULL;
  g_autoptr(LadderLibrary) library = NULL;
  g_autoptr(GFile) directory = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *aside = NULL;
  LadderAction *read_action;
  GStatBuf st;
  gsize length;

  ladder_checkin_set_notes (draft, "Talked about the launch");
  ladder_action_set_text (action, "Write the design doc");
  ladder_checkin_add_action (draft, action);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_checkins (profile)), ==, 0);

  /* The format: the same bytes after a round trip. */
  text = ladder_format_write_checkin (profile, draft, &length);
  g_assert_nonnull (strstr (text, "\"ladder-checkin\""));
  read = ladder_format_read_checkin (text, length, "draft.json", ladder_profile_get_id (profile),
                                     framework, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ladder_checkin_get_id (read), ==, ladder_checkin_get_id (draft));
  g_assert_cmpstr (ladder_checkin_get_notes (read), ==, "Talked about the launch");
  g_assert_cmpuint (g_list_model_get_n_items (ladder_checkin_get_actions (read)), ==, 1);
  read_action = g_list_model_get_item (ladder_checkin_get_actions (read), 0);
  g_assert_cmpstr (ladder_action_get_text (read_action), ==, "Write the design doc");
  g_object_unref (read_action);
  again = ladder_format_write_checkin (profile, read, NULL);
  g_assert_cmpstr (again, ==, text);
  g_clear_object (&read);

  /* A profile is not a check-in. */
  read = ladder_format_read_checkin ("{\"format\": \"ladder-profile\", \"version\": 1}", 42,
                                     "p.json", ladder_profile_get_id (profile), framework, &error);
  g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_UNKNOWN_FORMAT);
  g_assert_null (read);
  g_clear_error (&error);

  /* The library: none yet, then written private, then read back. */
  tmp = g_dir_make_tmp ("ladder-draft-XXXXXX", &error);
  g_assert_no_error (error);
  directory = g_file_new_for_path (tmp);
  library = ladder_library_new (directory);
  none = ladder_library_load_draft (library, profile, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  g_assert_true (ladder_library_save_draft (library, profile, draft, &error));
  g_assert_no_error (error);
  file = ladder_library_get_draft_file (library, profile);
  folder = g_build_filename (tmp, "drafts", NULL);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (g_file_peek_path (file), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  read = ladder_library_load_draft (library, profile, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ladder_checkin_get_notes (read), ==, "Talked about the launch");
  g_clear_object (&read);

  /* Broken: reported, not fatal, and not written over. */
  g_assert_true (g_file_set_contents (g_file_peek_path (file), "{\"format\": ", -1, &error));
  read = ladder_library_load_draft (library, profile, &error);
  g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_PARSE);
  g_assert_null (read);
  g_clear_error (&error);
  g_assert_false (ladder_library_save_draft (library, profile, draft, &error));
  g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (g_file_peek_path (file), &on_disk, NULL, NULL));
  g_assert_cmpstr (on_disk, ==, "{\"format\": ");
  g_assert_true (ladder_library_remove_draft (library, profile, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (file, NULL));

  /* Removing the profile moves its draft aside; adding it back returns it. */
  g_assert_true (ladder_library_save_draft (library, profile, draft, &error));
  ladder_library_add_profile (library, profile);
  g_assert_true (ladder_library_remove_profile (library, profile, &error));
  g_assert_no_error (error);
  aside = g_strconcat (g_file_peek_path (file), ".deleted", NULL);
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
  ladder_library_add_profile (library, profile);
  g_assert_true (g_file_query_exists (file, NULL));
  g_assert_false (g_file_test (aside, G_FILE_TEST_EXISTS));

  /* Removing the draft takes its backup too. */
  g_assert_true (ladder_library_save_draft (library, profile, draft, &error));
  g_assert_true (ladder_library_remove_draft (library, profile, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (file, NULL));
  {
    g_autofree char *backup = g_strconcat (g_file_peek_path (file), "~", NULL);

    g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  }

  g_assert_cmpint (g_rmdir (folder), ==, 0);
  g_assert_cmpint (g_rmdir (tmp), ==, 0);
}

/* Drafts of two profiles never meet: ids that read alike, ids that are
 * not ASCII and ids too long for a file name each get a name of their
 * own that fits, and a draft is only ever read, finished or removed for
 * the profile it was written for. */
static void
test_draft_collisions (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autofree char *long_id = g_strnfill (300, 'a');
  const char *ids[] = { "x/y", "x-y", "\u00e9", "\u00fc", ".hidden", "-hidden", "a b", NULL };
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(LadderLibrary) library = NULL;
  g_autoptr(GFile) directory = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;

  ids[G_N_ELEMENTS (ids) - 1] = long_id;
  tmp = g_dir_make_tmp ("ladder-draft-XXXXXX", &error);
  g_assert_no_error (error);
  directory = g_file_new_for_path (tmp);
  library = ladder_library_new (directory);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      LadderProfile *profile = ladder_profile_new (ids[i], framework);
      g_autoptr(LadderCheckin) draft = ladder_profile_start_checkin (profile);
      g_autoptr(GFile) file = ladder_library_get_draft_file (library, profile);
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *notes = g_strdup_printf ("Notes for “%s”", ids[i]);

      /* Fits with the longest suffix a save adds. */
      g_assert_cmpuint (strlen (basename) + strlen (".deleted~"), <, 255);
      g_assert_false (g_hash_table_contains (names, basename));
      g_hash_table_add (names, g_steal_pointer (&basename));

      ladder_checkin_set_notes (draft, notes);
      g_assert_true (ladder_library_save_draft (library, profile, draft, &error));
      g_assert_no_error (error);
      g_ptr_array_add (profiles, profile);
    }

  for (guint i = 0; i < profiles->len; i++)
    {
      g_autoptr(LadderCheckin) read = NULL;
      g_autofree char *notes = g_strdup_printf ("Notes for “%s”", ids[i]);

      read = ladder_library_load_draft (library, g_ptr_array_index (profiles, i), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (ladder_checkin_get_notes (read), ==, notes);
    }

  /* Finishing one leaves the others. */
  g_assert_true (ladder_library_remove_draft (library, g_ptr_array_index (profiles, 0), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < profiles->len; i++)
    {
      g_autoptr(LadderCheckin) read = NULL;

      read = ladder_library_load_draft (library, g_ptr_array_index (profiles, i), &error);
      g_assert_no_error (error);
      g_assert_true ((read == NULL) == (i == 0));
    }

  /* Another profile's draft found under a profile's name (copied there
   * by hand, or written under the names ids had before): refused with
   * the file and line, never written over, never removed for it. */
  {
    LadderProfile *xy = g_ptr_array_index (profiles, 0);
    LadderProfile *x_y = g_ptr_array_index (profiles, 1);
    g_autoptr(GFile) own = ladder_library_get_draft_file (library, x_y);
    g_autoptr(LadderCheckin) draft = ladder_profile_start_checkin (xy);
    g_autoptr(LadderCheckin) read = NULL;
    g_autofree char *text = NULL;
    g_autofree char *on_disk = NULL;
    g_autofree char *expected = NULL;

    ladder_checkin_set_notes (draft, "Only for x/y");
    text = ladder_format_write_checkin (xy, draft, NULL);
    g_assert_true (g_file_set_contents (g_file_peek_path (own), text, -1, &error));

    read = ladder_library_load_draft (library, x_y, &error);
    g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_OTHER_PROFILE);
    expected = g_strdup_printf ("%s:4:15: ", g_file_peek_path (own));
    g_assert_true (g_str_has_prefix (error->message, expected));
    g_assert_nonnull (strstr (error->message, "“x/y”"));
    g_assert_null (read);
    g_clear_error (&error);

    g_assert_false (ladder_library_save_draft (library, x_y, draft, &error));
    g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_READ_ONLY);
    g_clear_error (&error);
    g_assert_true (ladder_library_remove_draft (library, x_y, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (g_file_peek_path (own), &on_disk, NULL, NULL));
    g_assert_cmpstr (on_disk, ==, text);

    /* It is x/y's draft, written under the name x/y had before: x/y takes
     * it, under its own name, and x-y no longer meets it. */
    read = ladder_library_load_draft (library, xy, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (ladder_checkin_get_notes (read), ==, "Only for x/y");
    g_assert_false (g_file_query_exists (own, NULL));
    g_clear_object (&read);
    read = ladder_library_load_draft (library, x_y, &error);
    g_assert_no_error (error);
    g_assert_null (read);
  }

  for (guint i = 0; i < profiles->len; i++)
    {
      g_assert_true (ladder_library_remove_draft (library, g_ptr_array_index (profiles, i), &error));
      g_assert_no_error (error);
    }
  {
    g_autofree char *folder = g_build_filename (tmp, "drafts", NULL);

    g_assert_cmpint (g_rmdir (folder), ==, 0);
    g_assert_cmpint (g_rmdir (tmp), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ladder/checkin/start-finish", test_start_finish);
  g_test_add_func ("/ladder/checkin/review/first", test_review_first);
  g_test_add_func ("/ladder/checkin/review/since", test_review_since);
  g_test_add_func ("/ladder/checkin/history", test_history);
  g_test_add_func ("/ladder/checkin/history-sides", test_history_sides);
  g_test_add_func ("/ladder/checkin/history-single", test_history_single);
  g_test_add_func ("/ladder/checkin/history-draw", test_history_draw);
  g_test_add_func ("/ladder/checkin/history-draw-both", test_history_draw_both);
  g_test_add_func ("/ladder/checkin/draft", test_draft);
  g_test_add_func ("/ladder/checkin/draft-collisions", test_draft_collisions);

  return g_test_run ();
}
