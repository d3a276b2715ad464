/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The focus plan: at most three behaviours worked on at a time, each
 * with why, steps and a due day. Its place in the file (and files from
 * before it), merges by id, and the progress computed from the ratings,
 * the evidence since it began and the steps done.
 */

#include "config.h"

#include <string.h>

#include "ladder-core.h"
#include "core-helpers.h"

static GDateTime *
stamp (guint seconds)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 1, 5, 9, 0, 0.0);

  return g_date_time_add_seconds (start, seconds);
}

static LadderFramework *
make_framework (void)
{
  LadderFramework *framework = ladder_framework_new ("acme", "Engineering");
  g_autoptr(LadderLevel) l1 = ladder_level_new ("1", "Level 1", NULL);
  g_autoptr(LadderCategory) craft = ladder_category_new ("craft", "Craft", NULL, NULL);

  g_assert_true (ladder_framework_add_level (framework, l1));
  g_assert_true (ladder_framework_add_category (framework, craft));
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("1-craft-%u", i);
      g_autofree char *text = g_strdup_printf ("Craft behaviour %u", i);
      g_autoptr(LadderBehaviour) behaviour = ladder_behaviour_new (id, "1", "craft", NULL, text);

      g_assert_true (ladder_framework_add_behaviour (framework, behaviour));
    }

  return framework;
}

static LadderFocus *
make_focus (const char *id,
            const char *behaviour)
{
  LadderFocus *focus = ladder_focus_new (id);
  g_autoptr(GDate) created = g_date_new_dmy (1, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDate) due = g_date_new_dmy (31, G_DATE_JANUARY, 2027);
  g_autoptr(GDateTime) t10 = stamp (10);
  const char *steps[] = { "Pair on a design review", "Lead a design review", NULL };

  ladder_focus_set_behaviour (focus, behaviour);
  ladder_focus_set_why (focus, "The next level asks for it");
  ladder_focus_set_steps (focus, steps);
  ladder_focus_set_created (focus, created);
  ladder_focus_set_due (focus, due);
  ladder_focus_set_modified (focus, t10);

  return focus;
}

static LadderProfile *
make_profile (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  LadderProfile *profile = ladder_profile_new ("5d0c2c8e-0000-4000-8000-00000000002b", framework);
  g_autoptr(LadderFocus) focus = make_focus ("f-1", "1-craft-1");

  ladder_profile_set_name (profile, "Alex Doe");
  g_assert_true (ladder_profile_add_focus (profile, focus, NULL));

  return profile;
}

static LadderProfile *
read_profile (const char *data,
              gsize       length)
{
  g_autoptr(GError) error = NULL;
  LadderProfile *profile = ladder_format_read_profile (data, length, "copy.json", &error);

  g_assert_no_error (error);

  return profile;
}

static void
on_changed (LadderProfile *profile,
            guint         *count)
{
  (*count)++;
}

/* The model */

static void
test_focus_model (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  LadderFocus *focus = ladder_profile_find_focus (profile, "f-1");
  const char *edited[] = { "Lead a design review", "Write it up", NULL };
  guint changes = 0;

  g_assert_nonnull (focus);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_focus (profile)), ==, 1);
  g_assert_cmpuint (ladder_focus_get_n_steps (focus), ==, 2);
  g_assert_cmpuint (ladder_focus_count_steps_done (focus), ==, 0);

  g_signal_connect (profile, "changed", G_CALLBACK (on_changed), &changes);
  ladder_focus_set_step_done (focus, 1, TRUE);
  g_assert_cmpuint (changes, >, 0);
  g_assert_true (ladder_focus_get_step_done (focus, 1));

  /* Editing the steps keeps what was done of those still there. */
  ladder_focus_set_steps (focus, edited);
  g_assert_cmpuint (ladder_focus_get_n_steps (focus), ==, 2);
  g_assert_cmpstr (ladder_focus_get_step_text (focus, 0), ==, "Lead a design review");
  g_assert_true (ladder_focus_get_step_done (focus, 0));
  g_assert_false (ladder_focus_get_step_done (focus, 1));

  g_assert_false (ladder_focus_is_finished (focus));
  {
    g_autoptr(GDate) day = g_date_new_dmy (2, G_DATE_DECEMBER, 2026);
    g_autoptr(GDate) before = g_date_new_dmy (1, G_DATE_DECEMBER, 2026);
    g_autoptr(GPtrArray) open = NULL;
    g_autoptr(GPtrArray) finished = NULL;
    g_autoptr(GPtrArray) finished_before = NULL;

    ladder_focus_finish (focus, day);
    open = ladder_profile_list_open_focus (profile);
    finished = ladder_profile_list_finished_focus (profile, day);
    finished_before = ladder_profile_list_finished_focus (profile, before);
    g_assert_cmpuint (open->len, ==, 0);
    g_assert_cmpuint (finished->len, ==, 1);
    g_assert_cmpuint (finished_before->len, ==, 0);
  }

  ladder_profile_remove_focus (profile, focus);
  g_assert_null (ladder_profile_find_focus (profile, "f-1"));
  g_assert_true (g_hash_table_contains (ladder_profile_get_tombstones (profile, "focus"), "f-1"));
  g_signal_handlers_disconnect_by_func (profile, on_changed, &changes);
  g_assert_finalize_object (g_steal_pointer (&profile));
}

/* A fourth unfinished focus is refused with a sentence that says why; a
 * finished one makes room, and reopening it into a full plan is refused
 * too. */
static void
test_focus_limit (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(LadderFocus) second = make_focus ("f-2", "1-craft-2");
  g_autoptr(LadderFocus) third = make_focus ("f-3", "1-craft-3");
  g_autoptr(LadderFocus) fourth = make_focus ("f-4", "1-craft-4");
  g_autoptr(LadderFocus) finished = make_focus ("f-5", "1-craft-5");
  g_autoptr(GDate) day = g_date_new_dmy (2, G_DATE_DECEMBER, 2026);
  g_autoptr(GError) error = NULL;

  g_assert_true (ladder_profile_add_focus (profile, second, &error));
  g_assert_true (ladder_profile_add_focus (profile, third, &error));
  g_assert_no_error (error);

  g_assert_false (ladder_profile_add_focus (profile, fourth, &error));
  g_assert_error (error, LADDER_FOCUS_ERROR, LADDER_FOCUS_ERROR_TOO_MANY);
  g_assert_nonnull (strstr (error->message, "Alex Doe"));
  g_assert_nonnull (strstr (error->message, "3"));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_focus (profile)), ==, 3);
  g_clear_error (&error);

  /* The history takes any number. */
  ladder_focus_finish (finished, day);
  g_assert_true (ladder_profile_add_focus (profile, finished, &error));
  g_assert_no_error (error);
  g_assert_false (ladder_profile_reopen_focus (profile, finished, &error));
  g_assert_error (error, LADDER_FOCUS_ERROR, LADDER_FOCUS_ERROR_TOO_MANY);
  g_assert_true (ladder_focus_is_finished (finished));
  g_clear_error (&error);

  ladder_focus_finish (second, day);
  g_assert_true (ladder_profile_add_focus (profile, fourth, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_focus (profile)), ==, 5);
}

/* The file */

static void
test_focus_format_round_trip (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(LadderProfile) back = NULL;
  g_autoptr(GDate) day = g_date_new_dmy (3, G_DATE_DECEMBER, 2026);
  g_autoptr(GDateTime) t20 = stamp (20);
  g_autoptr(LadderFocus) done = make_focus ("f-done", "1-craft-2");
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  LadderFocus *focus;
  gsize length;

  ladder_focus_set_step_done (ladder_profile_find_focus (profile, "f-1"), 0, TRUE);
  ladder_focus_set_modified (ladder_profile_find_focus (profile, "f-1"), t20);
  ladder_focus_finish (done, day);
  ladder_focus_set_modified (done, t20);
  g_assert_true (ladder_profile_add_focus (profile, done, NULL));
  ladder_profile_add_tombstone (profile, "focus", "f-gone", t20);

  data = ladder_format_write_profile (profile, &length);
  g_assert_nonnull (strstr (data, "\"focus\" : ["));
  g_assert_nonnull (strstr (data, "\"behaviour\" : \"1-craft-1\""));
  g_assert_nonnull (strstr (data, "\"due\" : \"2027-01-31\""));
  g_assert_nonnull (strstr (data, "\"finished\" : \"2026-12-03\""));
  g_assert_nonnull (strstr (data, "\"text\" : \"Pair on a design review\",\n"));

  back = read_profile (data, length);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_focus (back)), ==, 2);
  focus = ladder_profile_find_focus (back, "f-1");
  g_assert_cmpstr (ladder_focus_get_behaviour (focus), ==, "1-craft-1");
  g_assert_cmpstr (ladder_focus_get_why (focus), ==, "The next level asks for it");
  g_assert_cmpuint (ladder_focus_get_n_steps (focus), ==, 2);
  g_assert_true (ladder_focus_get_step_done (focus, 0));
  g_assert_false (ladder_focus_get_step_done (focus, 1));
  g_assert_cmpint (g_date_get_day (ladder_focus_get_due (focus)), ==, 31);
  g_assert_cmpint (g_date_get_month (ladder_focus_get_created (focus)), ==, G_DATE_NOVEMBER);
  g_assert_false (ladder_focus_is_finished (focus));
  g_assert_true (g_date_time_equal (ladder_focus_get_modified (focus), t20));
  g_assert_true (ladder_focus_is_finished (ladder_profile_find_focus (back, "f-done")));
  g_assert_true (g_hash_table_contains (ladder_profile_get_tombstones (back, "focus"), "f-gone"));

  again = ladder_format_write_profile (back, NULL);
  g_assert_cmpstr (again, ==, data);
}

/* A file from before the focus plan opens with none and is written back
 * without the member; a newer Ladder's unknown member of a focus is
 * kept; a file with more unfinished than the plan lets a person add
 * loses none. */
static void
test_focus_format_older_and_newer (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderProfile) empty = ladder_profile_new (NULL, framework);
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(LadderProfile) back = NULL;
  g_autoptr(LadderProfile) extra = NULL;
  g_autoptr(GString) many = NULL;
  g_autoptr(LadderProfile) crowded = NULL;
  g_autofree char *data = ladder_format_write_profile (empty, NULL);
  g_autofree char *full = ladder_format_write_profile (profile, NULL);
  g_autofree char *with_extra = NULL;
  g_autofree char *again = NULL;
  const char *start;

  g_assert_null (strstr (data, "\"focus\""));
  back = read_profile (data, strlen (data));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_focus (back)), ==, 0);

  with_extra = core_replace_once (full, "\"why\" : ", "\"mentor\" : \"Sam\",\n      \"why\" : ");
  extra = read_profile (with_extra, strlen (with_extra));
  again = ladder_format_write_profile (extra, NULL);
  g_assert_nonnull (strstr (again, "\"mentor\" : \"Sam\""));

  /* A behaviour the framework lacks is kept, not refused. */
  {
    g_autofree char *dangling = core_replace_once (full, "\"behaviour\" : \"1-craft-1\"",
                                                   "\"behaviour\" : \"9-gone-1\"");
    g_autoptr(LadderProfile) kept = read_profile (dangling, strlen (dangling));

    g_assert_cmpstr (ladder_focus_get_behaviour (ladder_profile_find_focus (kept, "f-1")), ==, "9-gone-1");
  }

  /* Four unfinished in the file. */
  start = strstr (full, "\"focus\" : [");
  g_assert_nonnull (start);
  many = g_string_new (full);
  for (guint i = 2; i <= 4; i++)
    {
      g_autofree char *element = g_strdup_printf ("\"focus\" : [\n    { \"id\" : \"f-%u\", \"behaviour\" : \"1-craft-%u\" },", i, i);

      g_string_replace (many, "\"focus\" : [", element, 1);
    }
  crowded = read_profile (many->str, many->len);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_focus (crowded)), ==, 4);
  g_assert_null (ladder_focus_get_created (ladder_profile_find_focus (crowded, "f-2")));
}

static void
test_focus_format_rejects (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autofree char *data = ladder_format_write_profile (profile, NULL);
  const char *bad[][2] = {
    { "\"behaviour\" : \"1-craft-1\"", "\"behaviour\" : 4" },
    { "\"done\" : false", "\"done\" : \"no\"" },
    { "\"due\" : \"2027-01-31\"", "\"due\" : \"soon\"" },
    { "\"text\" : \"Lead a design review\"", "\"text\" : null" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *broken = core_replace_once (data, bad[i][0], bad[i][1]);
      g_autoptr(LadderProfile) read = ladder_format_read_profile (broken, strlen (broken),
                                                                 "broken.json", &error);

      g_assert_null (read);
      g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "broken.json"));
    }
}

/* Merges */

/* Each copy edits a different focus and adds one; the merge has all of
 * it, the same either way, and a deletion travels. */
static void
test_focus_merge (void)
{
  g_autoptr(LadderProfile) ours = make_profile ();
  g_autoptr(LadderProfile) theirs = NULL;
  g_autoptr(LadderProfile) other_way = NULL;
  g_autoptr(LadderFocus) ours_new = make_focus ("f-ours", "1-craft-2");
  g_autoptr(LadderFocus) theirs_new = make_focus ("f-theirs", "1-craft-3");
  g_autoptr(LadderMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) t30 = stamp (30);
  g_autoptr(GDateTime) t40 = stamp (40);
  g_autofree char *data = ladder_format_write_profile (ours, NULL);
  g_autofree char *ours_data = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *merged_other_way = NULL;
  LadderFocus *focus;

  theirs = read_profile (data, strlen (data));

  g_assert_true (ladder_profile_add_focus (ours, ours_new, NULL));
  /* They tick a step later than we change why: theirs wins the focus. */
  focus = ladder_profile_find_focus (ours, "f-1");
  ladder_focus_set_why (focus, "Our reason");
  ladder_focus_set_modified (focus, t30);
  focus = ladder_profile_find_focus (theirs, "f-1");
  ladder_focus_set_step_done (focus, 1, TRUE);
  ladder_focus_set_modified (focus, t40);
  g_assert_true (ladder_profile_add_focus (theirs, theirs_new, NULL));

  ours_data = ladder_format_write_profile (ours, NULL);
  other_way = read_profile (ours_data, strlen (ours_data));

  merge = ladder_merge_new (ours, theirs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ladder_merge_get_n_changes (merge), ==, 2);
  ladder_merge_apply (merge);
  g_clear_object (&merge);

  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_focus (ours)), ==, 3);
  g_assert_nonnull (ladder_profile_find_focus (ours, "f-ours"));
  g_assert_nonnull (ladder_profile_find_focus (ours, "f-theirs"));
  focus = ladder_profile_find_focus (ours, "f-1");
  g_assert_true (ladder_focus_get_step_done (focus, 1));
  /* Theirs won the focus, not the field they did not edit. */
  g_assert_cmpstr (ladder_focus_get_why (focus), ==, "Our reason");

  merge = ladder_merge_new (theirs, other_way, &error);
  g_assert_no_error (error);
  ladder_merge_apply (merge);
  g_clear_object (&merge);
  merged = ladder_format_write_profile (ours, NULL);
  merged_other_way = ladder_format_write_profile (theirs, NULL);
  g_assert_cmpstr (merged, ==, merged_other_way);

  /* A deletion on one side travels. */
  ladder_profile_remove_focus (theirs, ladder_profile_find_focus (theirs, "f-ours"));
  merge = ladder_merge_new (ours, theirs, &error);
  g_assert_no_error (error);
  ladder_merge_apply (merge);
  g_assert_null (ladder_profile_find_focus (ours, "f-ours"));
  g_assert_true (g_hash_table_contains (ladder_profile_get_tombstones (ours, "focus"), "f-ours"));
}

/* Field by field: each pair of edits made on two copies at once merges
 * to the same file either way, with both edits in it. The copies start
 * from a file written before fields and steps had stamps of their own. */

typedef enum
{
  EDIT_WHY,
  EDIT_DUE,
  EDIT_FINISH,
  EDIT_TICK,
  EDIT_ADD_STEP,
  EDIT_DELETE_STEP,
  N_EDITS
} Edit;

static const char *edit_names[N_EDITS] = {
  "why", "due", "finish", "tick", "add step", "delete step",
};

static void
apply_edit (LadderFocus *focus,
            Edit         edit)
{
  g_autoptr(GDate) due = g_date_new_dmy (1, G_DATE_MARCH, 2027);
  g_autoptr(GDate) finished = g_date_new_dmy (20, G_DATE_DECEMBER, 2026);
  const char *added[] = { "Pair on a design review", "Lead a design review", "Write it up", NULL };
  const char *deleted[] = { "Pair on a design review", NULL };

  switch (edit)
    {
    case EDIT_WHY:
      ladder_focus_set_why (focus, "Asked for by the promotion panel");
      break;
    case EDIT_DUE:
      ladder_focus_set_due (focus, due);
      break;
    case EDIT_FINISH:
      ladder_focus_finish (focus, finished);
      break;
    case EDIT_TICK:
      ladder_focus_set_step_done (focus, 0, TRUE);
      break;
    case EDIT_ADD_STEP:
      ladder_focus_set_steps (focus, added);
      break;
    case EDIT_DELETE_STEP:
      ladder_focus_set_steps (focus, deleted);
      break;
    case N_EDITS:
    default:
      g_assert_not_reached ();
    }
}

static int
find_step (LadderFocus *focus,
           const char  *text)
{
  for (guint i = 0; i < ladder_focus_get_n_steps (focus); i++)
    if (g_str_equal (ladder_focus_get_step_text (focus, i), text))
      return (int) i;

  return -1;
}

static void
assert_edit (LadderFocus *focus,
             Edit         edit)
{
  g_autoptr(GDate) due = g_date_new_dmy (1, G_DATE_MARCH, 2027);
  g_autoptr(GDate) finished = g_date_new_dmy (20, G_DATE_DECEMBER, 2026);

  switch (edit)
    {
    case EDIT_WHY:
      g_assert_cmpstr (ladder_focus_get_why (focus), ==, "Asked for by the promotion panel");
      break;
    case EDIT_DUE:
      g_assert_cmpint (g_date_compare (ladder_focus_get_due (focus), due), ==, 0);
      break;
    case EDIT_FINISH:
      g_assert_nonnull (ladder_focus_get_finished (focus));
      g_assert_cmpint (g_date_compare (ladder_focus_get_finished (focus), finished), ==, 0);
      break;
    case EDIT_TICK:
      g_assert_cmpint (find_step (focus, "Pair on a design review"), >=, 0);
      g_assert_true (ladder_focus_get_step_done (focus, find_step (focus, "Pair on a design review")));
      break;
    case EDIT_ADD_STEP:
      g_assert_cmpint (find_step (focus, "Write it up"), >=, 0);
      break;
    case EDIT_DELETE_STEP:
      g_assert_cmpint (find_step (focus, "Lead a design review"), ==, -1);
      break;
    case N_EDITS:
    default:
      g_assert_not_reached ();
    }
}

static char *
merge_copies (const char *ours_data,
              const char *theirs_data)
{
  g_autoptr(LadderProfile) ours = read_profile (ours_data, strlen (ours_data));
  g_autoptr(LadderProfile) theirs = read_profile (theirs_data, strlen (theirs_data));
  g_autoptr(LadderMerge) merge = NULL;
  g_autoptr(LadderMerge) again = NULL;
  g_autoptr(GError) error = NULL;

  merge = ladder_merge_new (ours, theirs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ladder_merge_get_n_changes (merge), >, 0);
  ladder_merge_apply (merge);

  /* Merged again, nothing is left to take. */
  again = ladder_merge_new (ours, theirs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ladder_merge_get_n_changes (again), ==, 0);

  return ladder_format_write_profile (ours, NULL);
}

static void
test_focus_merge_fields (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autofree char *written = ladder_format_write_profile (profile, NULL);
  g_autofree char *older = NULL;
  g_autoptr(LadderProfile) base = NULL;
  g_autofree char *base_data = NULL;

  /* As a file from before: one stamp, steps without ids. */
  {
    g_autoptr(GRegex) step_ids = g_regex_new ("\\{\\s*\"id\" : \"[^\"]*\",\\s*\"text\"", 0, 0, NULL);
    g_autoptr(GRegex) updated = g_regex_new (",\\s*\"((why|due|finished)_)?updated\" : \"[^\"]*\"",
                                             0, 0, NULL);
    g_autofree char *no_ids = g_regex_replace_literal (step_ids, written, -1, 0, "{ \"text\"", 0, NULL);

    older = g_regex_replace_literal (updated, no_ids, -1, 0, "", 0, NULL);
  }
  g_assert_null (strstr (older, "why_updated"));
  g_assert_null (strstr (older, "\"updated\""));
  g_assert_null (strstr (older, "step-"));

  /* Read, it writes one stamp still, and its steps the ids both copies
   * give them. */
  base = read_profile (older, strlen (older));
  base_data = ladder_format_write_profile (base, NULL);
  g_assert_null (strstr (base_data, "why_updated"));
  g_assert_null (strstr (base_data, "\"updated\""));
  g_assert_nonnull (strstr (base_data, "\"id\" : \"step-1\""));

  for (Edit a = 0; a < N_EDITS; a++)
    for (Edit b = 0; b < N_EDITS; b++)
      {
        g_autoptr(LadderProfile) ours = NULL;
        g_autoptr(LadderProfile) theirs = NULL;
        g_autoptr(LadderProfile) merged = NULL;
        g_autofree char *ours_data = NULL;
        g_autofree char *theirs_data = NULL;
        g_autofree char *one_way = NULL;
        g_autofree char *other_way = NULL;
        LadderFocus *focus;

        /* The same edit on both sides is a conflict, not two edits. */
        if (a == b)
          continue;

        g_test_message ("%s here, %s there", edit_names[a], edit_names[b]);
        ours = read_profile (older, strlen (older));
        theirs = read_profile (older, strlen (older));
        apply_edit (ladder_profile_find_focus (ours, "f-1"), a);
        apply_edit (ladder_profile_find_focus (theirs, "f-1"), b);
        ours_data = ladder_format_write_profile (ours, NULL);
        theirs_data = ladder_format_write_profile (theirs, NULL);

        one_way = merge_copies (ours_data, theirs_data);
        other_way = merge_copies (theirs_data, ours_data);
        g_assert_cmpstr (one_way, ==, other_way);

        merged = read_profile (one_way, strlen (one_way));
        focus = ladder_profile_find_focus (merged, "f-1");
        assert_edit (focus, a);
        assert_edit (focus, b);
      }
}

/* Progress */

static LadderEvidence *
add_evidence (LadderProfile *profile,
              const char    *behaviour,
              GDateMonth     month,
              guint          day)
{
  g_autoptr(LadderEvidence) evidence = ladder_evidence_new (NULL);
  g_autoptr(GDate) date = g_date_new_dmy (day, month, 2026);
  const char *behaviours[] = { behaviour, NULL };

  ladder_evidence_set_title (evidence, "Shipped it");
  ladder_evidence_set_date (evidence, date);
  ladder_evidence_set_behaviours (evidence, behaviours);
  ladder_profile_add_evidence (profile, evidence);

  return evidence;
}

static void
test_focus_progress (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  LadderFocus *focus = ladder_profile_find_focus (profile, "f-1");
  LadderFocusProgress progress;
  g_autofree char *nothing = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *no_steps = NULL;
  const char *none[] = { NULL };

  ladder_profile_get_focus_progress (profile, focus, &progress);
  g_assert_cmpfloat (progress.total, ==, 0.0);
  g_assert_cmpuint (progress.n_steps, ==, 2);
  nothing = ladder_focus_progress_describe (&progress);
  g_assert_cmpstr (nothing, ==, "0 %: ratings 0 % (Consistently counts fully, Sometimes half), "
                                "half of it; 0 of 3 evidence entries since it began, a quarter; "
                                "0 of 2 steps done, a quarter.");

  /* Self Consistently (1), manager Sometimes (½): ratings ¾. Evidence
   * before the focus began, or of another behaviour, does not count;
   * two entries since: ⅔. One step of two: ½. */
  ladder_profile_rate (profile, "1-craft-1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "1-craft-1", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);
  add_evidence (profile, "1-craft-1", G_DATE_OCTOBER, 31);
  add_evidence (profile, "1-craft-2", G_DATE_NOVEMBER, 5);
  add_evidence (profile, "1-craft-1", G_DATE_NOVEMBER, 1);
  add_evidence (profile, "1-craft-1", G_DATE_NOVEMBER, 20);
  ladder_focus_set_step_done (focus, 0, TRUE);

  ladder_profile_get_focus_progress (profile, focus, &progress);
  g_assert_cmpint (progress.self_rating, ==, LADDER_RATING_CONSISTENTLY);
  g_assert_cmpint (progress.manager_rating, ==, LADDER_RATING_SOMETIMES);
  g_assert_cmpfloat_with_epsilon (progress.ratings, 0.75, 1e-9);
  g_assert_cmpuint (progress.n_evidence, ==, 2);
  g_assert_cmpfloat_with_epsilon (progress.evidence, 2.0 / 3.0, 1e-9);
  g_assert_cmpuint (progress.n_steps_done, ==, 1);
  g_assert_cmpfloat_with_epsilon (progress.steps, 0.5, 1e-9);
  /* ¾ × ½ + ⅔ × ¼ + ½ × ¼ = 0.375 + 0.1667 + 0.125 */
  g_assert_cmpfloat_with_epsilon (progress.total, 0.375 + 1.0 / 6.0 + 0.125, 1e-9);
  sentence = ladder_focus_progress_describe (&progress);
  g_assert_cmpstr (sentence, ==, "67 %: ratings 75 % (Consistently counts fully, Sometimes half), "
                                 "half of it; 2 of 3 evidence entries since it began, a quarter; "
                                 "1 of 2 steps done, a quarter.");

  /* More evidence than the goal counts fully, not more; not applicable
   * counts nothing; with no steps, the weights are ⅔ and ⅓. */
  add_evidence (profile, "1-craft-1", G_DATE_NOVEMBER, 21);
  add_evidence (profile, "1-craft-1", G_DATE_NOVEMBER, 22);
  ladder_profile_rate_with_note (profile, "1-craft-1", LADDER_RATER_MANAGER,
                                 LADDER_RATING_NOT_APPLICABLE, "No chance to");
  ladder_focus_set_steps (focus, none);
  ladder_profile_get_focus_progress (profile, focus, &progress);
  g_assert_cmpuint (progress.n_evidence, ==, 4);
  g_assert_cmpfloat (progress.evidence, ==, 1.0);
  g_assert_cmpfloat_with_epsilon (progress.ratings, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (progress.total, 0.5 * 2.0 / 3.0 + 1.0 / 3.0, 1e-9);
  no_steps = ladder_focus_progress_describe (&progress);
  g_assert_cmpstr (no_steps, ==, "67 %: ratings 50 % (Consistently counts fully, Sometimes half), "
                                 "two thirds of it; 3 of 3 evidence entries since it began, a third.");

  /* Both Consistently, three entries, every step done: 100 %. */
  {
    const char *steps[] = { "One", NULL };

    ladder_profile_rate (profile, "1-craft-1", LADDER_RATER_MANAGER, LADDER_RATING_CONSISTENTLY);
    ladder_focus_set_steps (focus, steps);
    ladder_focus_set_step_done (focus, 0, TRUE);
    ladder_profile_get_focus_progress (profile, focus, &progress);
    g_assert_cmpfloat (progress.total, ==, 1.0);
  }
}

/* The review document lists the plan: the focus worked on with its due
 * day and how its progress was computed. */
static void
test_focus_review_document (void)
{
  g_autoptr(LadderProfile) profile = make_profile ();
  g_autoptr(LadderReviewDocument) document = NULL;
  g_autofree char *markdown = NULL;
  g_autoptr(GDate) until = g_date_new_dmy (6, G_DATE_DECEMBER, 2026);

  document = ladder_review_document_new (profile, "1", NULL, until, FALSE);
  markdown = ladder_review_document_to_markdown (document);
  g_assert_nonnull (strstr (markdown, "\n## Focus\n\n- Craft behaviour 1 — Due 31 Jan 2027 · 0 %: ratings 0 %"));
}

/* The sample profile has a focus plan, which ladder-cli sample writes. */
static void
test_focus_sample (void)
{
  g_autoptr(LadderFramework) framework = make_framework ();
  g_autoptr(LadderProfile) profile = ladder_sample_profile (framework, 20, 7);
  g_autoptr(GPtrArray) open = ladder_profile_list_open_focus (profile);
  g_autoptr(GPtrArray) finished = ladder_profile_list_finished_focus (profile, NULL);

  g_assert_cmpuint (open->len + finished->len, >=, 1);
  for (guint i = 0; i < open->len; i++)
    {
      LadderFocus *focus = open->pdata[i];

      g_assert_nonnull (ladder_framework_find_behaviour (framework, ladder_focus_get_behaviour (focus)));
      g_assert_cmpuint (ladder_focus_get_n_steps (focus), >, 0);
      g_assert_nonnull (ladder_focus_get_due (focus));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ladder/focus/model", test_focus_model);
  g_test_add_func ("/ladder/focus/limit", test_focus_limit);
  g_test_add_func ("/ladder/focus/format/round-trip", test_focus_format_round_trip);
  g_test_add_func ("/ladder/focus/format/older-and-newer", test_focus_format_older_and_newer);
  g_test_add_func ("/ladder/focus/format/rejects", test_focus_format_rejects);
  g_test_add_func ("/ladder/focus/merge", test_focus_merge);
  g_test_add_func ("/ladder/focus/merge/fields", test_focus_merge_fields);
  g_test_add_func ("/ladder/focus/progress", test_focus_progress);
  g_test_add_func ("/ladder/focus/review-document", test_focus_review_document);
  g_test_add_func ("/ladder/focus/sample", test_focus_sample);

  return g_test_run ();
}
