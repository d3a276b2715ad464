/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderMerge: the focus plan, merged by id (ladder-merge-entries.c) as
 * the agenda's topics are, and within a focus both copies kept, field by
 * field as the sides of a rating are: why, the due day and the finish
 * each by its own stamp, each step by its id and its own stamp, a step
 * deleted by a tombstone newer than its stamp. The behaviour and the day
 * it began go with the copy changed last. So a step ticked on one copy
 * and "why" edited on the other both stay. */

#define G_LOG_DOMAIN "ladder-merge"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ladder-focus-private.h"
#include "ladder-merge-private.h"
#include "ladder-profile-private.h"

/* The focus plan {{{1 */

static const char *
focus_get_id (gpointer item)
{
  return ladder_focus_get_id (item);
}

static GDateTime *
focus_get_modified (gpointer item)
{
  return ladder_focus_get_modified (item);
}

static int
focus_compare_content (gpointer a,
                       gpointer b)
{
  int c;

  /* Only what goes with the whole focus: the fields and steps with
   * stamps of their own merge by them (focus_merge_fields()), so that
   * two copies that differ only there are not two versions of the
   * whole. */
  if ((c = g_strcmp0 (ladder_focus_get_behaviour (a), ladder_focus_get_behaviour (b))) != 0 ||
      (c = _ladder_merge_compare_dates (ladder_focus_get_created (a),
                                        ladder_focus_get_created (b))) != 0)
    return c;

  return _ladder_merge_compare_extra (a, b);
}

static int
focus_compare_order (gpointer a,
                     gpointer b)
{
  int c = _ladder_merge_compare_dates (ladder_focus_get_created (a), ladder_focus_get_created (b));

  return c != 0 ? c : strcmp (ladder_focus_get_id (a), ladder_focus_get_id (b));
}

static void
focus_describe (LadderMerge *self,
                ChangeKind   change,
                gpointer     item,
                gpointer     container)
{
  LadderFramework *framework = ladder_profile_get_framework (container);
  LadderBehaviour *behaviour;
  const char *text = NULL;

  behaviour = ladder_framework_find_behaviour (framework, ladder_focus_get_behaviour (item));
  if (behaviour != NULL)
    text = ladder_behaviour_get_text (behaviour);
  if (text == NULL || *text == '\0')
    text = _("Untitled");

  switch (change)
    {
    case CHANGE_ADDED:
      /* Translators: %s is a behaviour the engineer focuses on */
      _ladder_merge_add_change (self, _("New focus “%s”"), text);
      break;

    case CHANGE_CHANGED:
      _ladder_merge_add_change (self, _("Changed focus “%s”"), text);
      break;

    case CHANGE_DELETED:
      _ladder_merge_add_change (self, _("Deleted focus “%s”"), text);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Fields {{{1 */

/* The order of @field's values in @a and @b, for a tie of stamps. */
static int
compare_field (LadderFocus      *a,
               LadderFocus      *b,
               LadderFocusField  field)
{
  switch (field)
    {
    case LADDER_FOCUS_FIELD_WHY:
      return g_strcmp0 (ladder_focus_get_why (a), ladder_focus_get_why (b));

    case LADDER_FOCUS_FIELD_DUE:
      return _ladder_merge_compare_dates (ladder_focus_get_due (a), ladder_focus_get_due (b));

    case LADDER_FOCUS_FIELD_FINISHED:
      return _ladder_merge_compare_dates (ladder_focus_get_finished (a),
                                          ladder_focus_get_finished (b));

    case LADDER_FOCUS_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static void
copy_field (LadderFocus      *to,
            LadderFocus      *from,
            LadderFocusField  field)
{
  const GDate *finished;

  switch (field)
    {
    case LADDER_FOCUS_FIELD_WHY:
      ladder_focus_set_why (to, ladder_focus_get_why (from));
      break;

    case LADDER_FOCUS_FIELD_DUE:
      ladder_focus_set_due (to, ladder_focus_get_due (from));
      break;

    case LADDER_FOCUS_FIELD_FINISHED:
      finished = ladder_focus_get_finished (from);
      if (finished != NULL)
        ladder_focus_finish (to, finished);
      else
        ladder_focus_reopen (to);
      break;

    case LADDER_FOCUS_N_FIELDS:
    default:
      g_assert_not_reached ();
    }

  _ladder_focus_set_field_modified (to, field, _ladder_focus_get_field_modified (from, field));
}

/* Steps {{{1 */

typedef struct
{
  char *id;
  char *text;
  gboolean done;
  GDateTime *modified;
} MergedStep;

static void
merged_step_clear (gpointer data)
{
  MergedStep *step = data;

  g_free (step->id);
  g_free (step->text);
  g_date_time_unref (step->modified);
}

/* > 0 when the step @id of @theirs wins over that of @ours; either may
 * lack it, as a tombstone or not at all. */
static int
compare_steps_by_id (LadderFocus *ours,
                     LadderFocus *theirs,
                     const char  *id)
{
  int i = _ladder_focus_find_step (ours, id);
  int j = _ladder_focus_find_step (theirs, id);
  GDateTime *deleted;
  int c;

  if (i < 0 && j < 0)
    return 0;
  if (i < 0)
    {
      /* A deletion wins over a step changed no later than it. */
      deleted = g_hash_table_lookup (_ladder_focus_get_step_tombstones (ours), id);
      return _ladder_merge_compare_times (_ladder_focus_get_step_modified (theirs, j),
                                          deleted) > 0 ? 1 : -1;
    }
  if (j < 0)
    {
      deleted = g_hash_table_lookup (_ladder_focus_get_step_tombstones (theirs), id);
      return _ladder_merge_compare_times (_ladder_focus_get_step_modified (ours, i),
                                          deleted) > 0 ? -1 : 1;
    }

  if ((c = g_strcmp0 (ladder_focus_get_step_text (theirs, j),
                      ladder_focus_get_step_text (ours, i))) == 0)
    c = ladder_focus_get_step_done (theirs, j) - ladder_focus_get_step_done (ours, i);

  return _ladder_merge_compare_stamped (_ladder_focus_get_step_modified (ours, i),
                                        _ladder_focus_get_step_modified (theirs, j), c);
}

/* Whether the step @id, which at least one copy holds, outlives a
 * deletion on the other. */
static gboolean
step_kept (LadderFocus *ours,
           LadderFocus *theirs,
           const char  *id)
{
  gboolean in_ours = _ladder_focus_find_step (ours, id) >= 0;
  gboolean in_theirs = _ladder_focus_find_step (theirs, id) >= 0;

  if (in_ours && in_theirs)
    return TRUE;

  return (compare_steps_by_id (ours, theirs, id) > 0) == in_theirs;
}

static int
order_steps (const char *a,
             const char *b,
             gpointer    user_data)
{
  return strcmp (a, b);
}

/* Whether @merged differs from the steps of @ours in what a person sees
 * or, with @stamps, in their stamps too. */
static gboolean
steps_differ (LadderFocus *ours,
              GArray      *merged,
              gboolean     stamps)
{
  if (merged->len != ladder_focus_get_n_steps (ours))
    return TRUE;

  for (guint k = 0; k < merged->len; k++)
    {
      MergedStep *step = &g_array_index (merged, MergedStep, k);

      if (!g_str_equal (step->id, _ladder_focus_get_step_id (ours, k)) ||
          !g_str_equal (step->text, ladder_focus_get_step_text (ours, k)) ||
          step->done != ladder_focus_get_step_done (ours, k) ||
          (stamps && !g_date_time_equal (step->modified, _ladder_focus_get_step_modified (ours, k))))
        return TRUE;
    }

  return FALSE;
}

/* The steps both copies keep, each in its winning version, in an order
 * that keeps each copy's own (see _ladder_merge_order()). Returns
 * whether that differs from what @ours holds. */
static gboolean
merge_steps (LadderFocus *ours,
             LadderFocus *theirs,
             GArray      *merged)
{
  g_autoptr (GPtrArray) ours_ids = g_ptr_array_new ();
  g_autoptr (GPtrArray) theirs_ids = g_ptr_array_new ();
  g_autoptr (GPtrArray) order = NULL;

  for (guint i = 0; i < ladder_focus_get_n_steps (ours); i++)
    {
      const char *id = _ladder_focus_get_step_id (ours, i);

      if (step_kept (ours, theirs, id))
        g_ptr_array_add (ours_ids, (gpointer) id);
    }
  for (guint j = 0; j < ladder_focus_get_n_steps (theirs); j++)
    {
      const char *id = _ladder_focus_get_step_id (theirs, j);

      if (step_kept (ours, theirs, id))
        g_ptr_array_add (theirs_ids, (gpointer) id);
    }

  order = _ladder_merge_order (ours_ids, theirs_ids, order_steps, NULL);
  for (guint k = 0; k < order->len; k++)
    {
      const char *id = order->pdata[k];
      LadderFocus *winner = compare_steps_by_id (ours, theirs, id) > 0 ? theirs : ours;
      int i = _ladder_focus_find_step (winner, id);
      MergedStep step;

      step.id = g_strdup (id);
      step.text = g_strdup (ladder_focus_get_step_text (winner, i));
      step.done = ladder_focus_get_step_done (winner, i);
      step.modified = g_date_time_ref (_ladder_focus_get_step_modified (winner, i));
      g_array_append_val (merged, step);
    }

  return steps_differ (ours, merged, TRUE);
}

/* Merging a focus both copies keep {{{1 */

static void
focus_merge_fields (LadderMerge *self,
                    gpointer     ours,
                    gpointer     theirs)
{
  g_autoptr (GArray) steps = g_array_new (FALSE, TRUE, sizeof (MergedStep));
  g_autoptr (GDateTime) modified = NULL;
  gboolean seen = FALSE;
  gboolean steps_changed;
  int whole;
  GHashTableIter iter;
  gpointer id, deleted;

  g_array_set_clear_func (steps, merged_step_clear);

  for (LadderFocusField field = 0; field < LADDER_FOCUS_N_FIELDS; field++)
    seen |= _ladder_merge_compare_stamped (_ladder_focus_get_field_modified (ours, field),
                                           _ladder_focus_get_field_modified (theirs, field),
                                           compare_field (theirs, ours, field)) > 0 &&
            compare_field (theirs, ours, field) != 0;

  steps_changed = merge_steps (ours, theirs, steps);
  seen |= steps_differ (ours, steps, FALSE);

  if (!self->applying)
    {
      /* When theirs wins the whole focus with another behaviour or
       * start, the merge of entries says so (compare_sides()). */
      whole = _ladder_merge_compare_times (ladder_focus_get_modified (ours),
                                           ladder_focus_get_modified (theirs));
      if (whole == 0)
        whole = focus_compare_content (ours, theirs);
      if (seen && !(whole < 0 && focus_compare_content (ours, theirs) != 0))
        focus_describe (self, CHANGE_CHANGED, ours, self->ours);
      return;
    }

  /* The setters below stamp their edits now: the merged focus was
   * changed when the newer copy was. */
  modified = g_date_time_ref (_ladder_merge_compare_times (ladder_focus_get_modified (theirs),
                                                           ladder_focus_get_modified (ours)) > 0 ?
                              ladder_focus_get_modified (theirs) :
                              ladder_focus_get_modified (ours));

  g_object_freeze_notify (ours);
  for (LadderFocusField field = 0; field < LADDER_FOCUS_N_FIELDS; field++)
    if (_ladder_merge_compare_stamped (_ladder_focus_get_field_modified (ours, field),
                                       _ladder_focus_get_field_modified (theirs, field),
                                       compare_field (theirs, ours, field)) > 0)
      copy_field (ours, theirs, field);

  g_hash_table_iter_init (&iter, _ladder_focus_get_step_tombstones (theirs));
  while (g_hash_table_iter_next (&iter, &id, &deleted))
    _ladder_focus_add_step_tombstone (ours, id, deleted);

  if (steps_changed)
    {
      _ladder_focus_clear_steps (ours);
      for (guint k = 0; k < steps->len; k++)
        {
          MergedStep *step = &g_array_index (steps, MergedStep, k);

          _ladder_focus_add_step_full (ours, step->id, step->text, step->done, step->modified);
        }
    }

  /* A step that outlived a deletion on one copy has no tombstone on
   * either. */
  for (guint k = 0; k < steps->len; k++)
    g_hash_table_remove (_ladder_focus_get_step_tombstones (ours),
                         g_array_index (steps, MergedStep, k).id);

  ladder_focus_set_modified (ours, modified);
  g_object_thaw_notify (ours);
}

/* Theirs won the whole focus: its fields and steps were merged by
 * focus_merge_fields() before, what goes with the whole is taken now. */
static void
focus_update (LadderMerge *self,
              gpointer     ours,
              gpointer     theirs)
{
  g_object_freeze_notify (ours);
  ladder_focus_set_behaviour (ours, ladder_focus_get_behaviour (theirs));
  ladder_focus_set_created (ours, ladder_focus_get_created (theirs));
  _ladder_merge_copy_extra (theirs, ours);
  ladder_focus_set_modified (ours, ladder_focus_get_modified (theirs));
  g_object_thaw_notify (ours);
}

static gpointer
focus_copy (LadderMerge *self,
            gpointer     theirs)
{
  LadderFocus *copy = ladder_focus_new (ladder_focus_get_id (theirs));
  GHashTableIter iter;
  gpointer id, deleted;

  for (LadderFocusField field = 0; field < LADDER_FOCUS_N_FIELDS; field++)
    copy_field (copy, theirs, field);
  for (guint i = 0; i < ladder_focus_get_n_steps (theirs); i++)
    _ladder_focus_add_step_full (copy, _ladder_focus_get_step_id (theirs, i),
                                 ladder_focus_get_step_text (theirs, i),
                                 ladder_focus_get_step_done (theirs, i),
                                 _ladder_focus_get_step_modified (theirs, i));
  g_hash_table_iter_init (&iter, _ladder_focus_get_step_tombstones (theirs));
  while (g_hash_table_iter_next (&iter, &id, &deleted))
    _ladder_focus_add_step_tombstone (copy, id, deleted);
  focus_update (self, copy, theirs);

  return copy;
}

static void
focus_insert (gpointer container,
              guint    position,
              gpointer item)
{
  _ladder_profile_insert_focus (container, position, item);
}

static void
focus_remove (gpointer    container,
              const char *id,
              GDateTime  *deleted)
{
  _ladder_profile_delete (container, "focus", id, deleted);
}

static void
focus_add_tombstone (gpointer    container,
                     const char *id,
                     GDateTime  *deleted)
{
  ladder_profile_add_tombstone (container, "focus", id, deleted);
}

static GListModel *
focus_get_live (gpointer container)
{
  return ladder_profile_get_focus (container);
}

static void
focus_reorder (gpointer    container,
               GHashTable *position)
{
  _ladder_profile_reorder (container, "focus", position);
}

const EntryKind _ladder_merge_focus_kind = {
  focus_get_id,
  focus_get_modified,
  focus_compare_content,
  focus_compare_order,
  focus_describe,
  focus_copy,
  focus_update,
  focus_insert,
  focus_remove,
  focus_add_tombstone,
  focus_get_live,
  focus_reorder,
  focus_merge_fields,
};

/* vim:set foldmethod=marker: */
