/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderMerge: check-ins, merged by id (ladder-merge-entries.c), and
 * within a check-in both copies keep, its actions, merged the same way. */

#define G_LOG_DOMAIN "ladder-merge"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ladder-checkin-private.h"
#include "ladder-format-private.h"
#include "ladder-merge-private.h"
#include "ladder-profile-private.h"

/* Actions {{{1 */

static const char *
action_get_id (gpointer item)
{
  return ladder_action_get_id (item);
}

static GDateTime *
action_get_modified (gpointer item)
{
  return ladder_action_get_modified (item);
}

static int
action_compare_content (gpointer a,
                        gpointer b)
{
  int c;

  if ((c = g_strcmp0 (ladder_action_get_text (a), ladder_action_get_text (b))) != 0 ||
      (c = (int) ladder_action_get_owner (a) - (int) ladder_action_get_owner (b)) != 0 ||
      (c = _ladder_merge_compare_dates (ladder_action_get_due (a),
                                        ladder_action_get_due (b))) != 0 ||
      (c = ladder_action_get_done (a) - ladder_action_get_done (b)) != 0 ||
      (c = ladder_action_get_private (a) - ladder_action_get_private (b)) != 0)
    return c;

  return _ladder_merge_compare_extra (a, b);
}

static int
action_compare_order (gpointer a,
                      gpointer b)
{
  return strcmp (ladder_action_get_id (a), ladder_action_get_id (b));
}

static void
action_describe (LadderMerge *self,
                 ChangeKind   change,
                 gpointer     item,
                 gpointer     container)
{
  const char *text = ladder_action_get_text (item);
  g_autofree char *date = _ladder_merge_describe_day (ladder_checkin_get_date (container));

  if (text == NULL || *text == '\0')
    text = _("Untitled");

  switch (change)
    {
    case CHANGE_ADDED:
      /* Translators: an action agreed in the check-in of a day */
      _ladder_merge_add_change (self, _("New action “%s” in the check-in of %s"), text, date);
      break;

    case CHANGE_CHANGED:
      _ladder_merge_add_change (self, _("Changed action “%s” in the check-in of %s"), text, date);
      break;

    case CHANGE_DELETED:
      _ladder_merge_add_change (self, _("Deleted action “%s” in the check-in of %s"), text, date);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
action_update (LadderMerge *self,
               gpointer     ours,
               gpointer     theirs)
{
  g_object_freeze_notify (ours);
  ladder_action_set_text (ours, ladder_action_get_text (theirs));
  ladder_action_set_owner (ours, ladder_action_get_owner (theirs));
  ladder_action_set_due (ours, ladder_action_get_due (theirs));
  ladder_action_set_done (ours, ladder_action_get_done (theirs));
  /* Private stays private: a copy that says otherwise may be one that
   * was written before its author made the action private. */
  ladder_action_set_private (ours, ladder_action_get_private (ours) ||
                                   ladder_action_get_private (theirs));
  _ladder_merge_copy_extra (theirs, ours);
  ladder_action_set_modified (ours, ladder_action_get_modified (theirs));
  g_object_thaw_notify (ours);
}

static gpointer
action_copy (LadderMerge *self,
             gpointer     theirs)
{
  LadderAction *copy = ladder_action_new (ladder_action_get_id (theirs));

  action_update (self, copy, theirs);

  return copy;
}

static void
action_insert (gpointer container,
               guint    position,
               gpointer item)
{
  _ladder_checkin_insert_action (container, position, item);
}

static void
action_remove (gpointer    container,
               const char *id,
               GDateTime  *deleted)
{
  _ladder_checkin_delete_action (container, id, deleted);
}

static void
action_add_tombstone (gpointer    container,
                      const char *id,
                      GDateTime  *deleted)
{
  ladder_checkin_add_action_tombstone (container, id, deleted);
}

static GListModel *
action_get_live (gpointer container)
{
  return ladder_checkin_get_actions (container);
}

static void
action_reorder (gpointer    container,
                GHashTable *position)
{
  _ladder_checkin_reorder_actions (container, position);
}

static const EntryKind action_kind = {
  action_get_id,
  action_get_modified,
  action_compare_content,
  action_compare_order,
  action_describe,
  action_copy,
  action_update,
  action_insert,
  action_remove,
  action_add_tombstone,
  action_get_live,
  action_reorder,
  NULL,
};

/* Check-ins {{{1 */

static const char *
checkin_get_id (gpointer item)
{
  return ladder_checkin_get_id (item);
}

static GDateTime *
checkin_get_modified (gpointer item)
{
  return ladder_checkin_get_modified (item);
}

static int
compare_snapshots (LadderCheckin *a,
                   LadderCheckin *b)
{
  g_auto (GStrv) a_ids = ladder_checkin_list_snapshot (a);
  g_auto (GStrv) b_ids = ladder_checkin_list_snapshot (b);
  int c = _ladder_merge_compare_strv ((const char * const *) a_ids, (const char * const *) b_ids);

  if (c != 0)
    return c;

  for (guint i = 0; a_ids[i] != NULL; i++)
    {
      for (LadderRater rater = LADDER_RATER_SELF; rater <= LADDER_RATER_MANAGER; rater++)
        {
          c = (int) ladder_checkin_get_snapshot (a, a_ids[i], rater) -
              (int) ladder_checkin_get_snapshot (b, a_ids[i], rater);
          if (c != 0)
            return c;
        }
    }

  return 0;
}

/* Private notes never leave their author's copy, so a copy that holds
 * other notes, or none, for the same check-in is one shared from it or
 * with it: the private ones stay (see checkin_update()) and the two
 * compare as the same notes. */
static int
compare_notes (LadderCheckin *a,
               LadderCheckin *b)
{
  if (ladder_checkin_get_notes_private (a) != ladder_checkin_get_notes_private (b))
    return 0;

  return g_strcmp0 (ladder_checkin_get_notes (a), ladder_checkin_get_notes (b));
}

/* The check-in's own contents; its actions merge one by one. */
static int
checkin_compare_content (gpointer a,
                         gpointer b)
{
  int c;

  if ((c = _ladder_merge_compare_dates (ladder_checkin_get_date (a),
                                        ladder_checkin_get_date (b))) != 0 ||
      (c = compare_notes (a, b)) != 0 ||
      (c = compare_snapshots (a, b)) != 0)
    return c;

  return _ladder_merge_compare_extra (a, b);
}

static int
checkin_compare_order (gpointer a,
                       gpointer b)
{
  int c = _ladder_merge_compare_dates (ladder_checkin_get_date (a), ladder_checkin_get_date (b));

  return c != 0 ? c : strcmp (ladder_checkin_get_id (a), ladder_checkin_get_id (b));
}

static void
checkin_describe (LadderMerge *self,
                  ChangeKind   change,
                  gpointer     item,
                  gpointer     container)
{
  g_autofree char *date = _ladder_merge_describe_day (ladder_checkin_get_date (item));

  switch (change)
    {
    case CHANGE_ADDED:
      _ladder_merge_add_change (self, _("New check-in of %s"), date);
      break;

    case CHANGE_CHANGED:
      _ladder_merge_add_change (self, _("Changed check-in of %s"), date);
      break;

    case CHANGE_DELETED:
      _ladder_merge_add_change (self, _("Deleted check-in of %s"), date);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
checkin_update (LadderMerge *self,
                gpointer     ours,
                gpointer     theirs)
{
  g_auto (GStrv) ours_ids = ladder_checkin_list_snapshot (ours);
  g_auto (GStrv) theirs_ids = ladder_checkin_list_snapshot (theirs);

  g_object_freeze_notify (ours);
  ladder_checkin_set_date (ours, ladder_checkin_get_date (theirs));
  /* Our private notes stay: theirs cannot have seen them. Private notes
   * that arrive from elsewhere stay private. */
  if (!ladder_checkin_get_notes_private (ours) || ladder_checkin_get_notes_private (theirs))
    {
      ladder_checkin_set_notes (ours, ladder_checkin_get_notes (theirs));
      ladder_checkin_set_notes_private (ours, ladder_checkin_get_notes_private (theirs));
    }

  for (guint i = 0; ours_ids[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) theirs_ids, ours_ids[i]))
      ladder_checkin_set_snapshot (ours, ours_ids[i], LADDER_RATING_UNRATED, LADDER_RATING_UNRATED);

  for (guint i = 0; theirs_ids[i] != NULL; i++)
    {
      /* A snapshot entry for a behaviour this framework lacks would not
       * load again. */
      if (!_ladder_merge_has_behaviour (self, theirs_ids[i]))
        continue;

      ladder_checkin_set_snapshot (ours, theirs_ids[i],
                                   ladder_checkin_get_snapshot (theirs, theirs_ids[i],
                                                                LADDER_RATER_SELF),
                                   ladder_checkin_get_snapshot (theirs, theirs_ids[i],
                                                                LADDER_RATER_MANAGER));
    }

  _ladder_merge_copy_extra (theirs, ours);
  _ladder_format_copy_snapshot_extras (theirs, ours);
  ladder_checkin_set_modified (ours, ladder_checkin_get_modified (theirs));
  g_object_thaw_notify (ours);
}

static gpointer
checkin_copy (LadderMerge *self,
              gpointer     theirs)
{
  LadderCheckin *copy = ladder_checkin_new (ladder_checkin_get_id (theirs));
  GListModel *actions = ladder_checkin_get_actions (theirs);
  GHashTableIter iter;
  gpointer id, deleted;
  guint n;

  n = g_list_model_get_n_items (actions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LadderAction) action = g_list_model_get_item (actions, i);
      g_autoptr (LadderAction) copied = action_copy (self, action);

      ladder_checkin_add_action (copy, copied);
    }

  g_hash_table_iter_init (&iter, ladder_checkin_get_action_tombstones (theirs));
  while (g_hash_table_iter_next (&iter, &id, &deleted))
    ladder_checkin_add_action_tombstone (copy, id, deleted);

  checkin_update (self, copy, theirs);

  return copy;
}

static void
checkin_insert (gpointer container,
                guint    position,
                gpointer item)
{
  _ladder_profile_insert_checkin (container, position, item);
}

static void
checkin_remove (gpointer    container,
                const char *id,
                GDateTime  *deleted)
{
  _ladder_profile_delete (container, "checkin", id, deleted);
}

static void
checkin_add_tombstone (gpointer    container,
                       const char *id,
                       GDateTime  *deleted)
{
  ladder_profile_add_tombstone (container, "checkin", id, deleted);
}

static void
checkin_merge_actions (LadderMerge *self,
                       gpointer     ours,
                       gpointer     theirs)
{
  _ladder_merge_entries (self, &action_kind, ours,
                         ladder_checkin_get_actions (ours),
                         ladder_checkin_get_action_tombstones (ours),
                         ladder_checkin_get_actions (theirs),
                         ladder_checkin_get_action_tombstones (theirs));
}

static GListModel *
checkin_get_live (gpointer container)
{
  return ladder_profile_get_checkins (container);
}

static void
checkin_reorder (gpointer    container,
                 GHashTable *position)
{
  _ladder_profile_reorder (container, "checkin", position);
}

const EntryKind _ladder_merge_checkin_kind = {
  checkin_get_id,
  checkin_get_modified,
  checkin_compare_content,
  checkin_compare_order,
  checkin_describe,
  checkin_copy,
  checkin_update,
  checkin_insert,
  checkin_remove,
  checkin_add_tombstone,
  checkin_get_live,
  checkin_reorder,
  checkin_merge_actions,
};

/* vim:set foldmethod=marker: */
