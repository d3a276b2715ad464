/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderMerge: the record of level changes (promotions), merged by id
 * (ladder-merge-entries.c). */

#define G_LOG_DOMAIN "ladder-merge"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ladder-merge-private.h"
#include "ladder-profile-private.h"

/* Promotions {{{1 */

static const char *
promotion_get_id (gpointer item)
{
  return ladder_promotion_get_id (item);
}

static GDateTime *
promotion_get_modified (gpointer item)
{
  return ladder_promotion_get_modified (item);
}

static int
promotion_compare_content (gpointer a,
                           gpointer b)
{
  int c;

  if ((c = _ladder_merge_compare_dates (ladder_promotion_get_date (a),
                                        ladder_promotion_get_date (b))) != 0 ||
      (c = g_strcmp0 (ladder_promotion_get_from (a), ladder_promotion_get_from (b))) != 0 ||
      (c = g_strcmp0 (ladder_promotion_get_to (a), ladder_promotion_get_to (b))) != 0)
    return c;

  return _ladder_merge_compare_extra (a, b);
}

static int
promotion_compare_order (gpointer a,
                         gpointer b)
{
  int c = _ladder_merge_compare_dates (ladder_promotion_get_date (a),
                                       ladder_promotion_get_date (b));

  return c != 0 ? c : strcmp (ladder_promotion_get_id (a), ladder_promotion_get_id (b));
}

static void
promotion_describe (LadderMerge *self,
                    ChangeKind   change,
                    gpointer     item,
                    gpointer     container)
{
  g_autofree char *date = _ladder_merge_describe_day (ladder_promotion_get_date (item));
  g_autofree char *level = _ladder_merge_describe_detail (container, LADDER_PROFILE_CURRENT_LEVEL,
                                                          ladder_promotion_get_to (item));

  switch (change)
    {
    case CHANGE_ADDED:
      /* Translators: the record of a change of level; %s are a level's name and a date */
      _ladder_merge_add_change (self, _("New level change to %s on %s"), level, date);
      break;

    case CHANGE_CHANGED:
      _ladder_merge_add_change (self, _("Changed level change to %s on %s"), level, date);
      break;

    case CHANGE_DELETED:
      _ladder_merge_add_change (self, _("Deleted level change to %s on %s"), level, date);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
promotion_update (LadderMerge *self,
                  gpointer     ours,
                  gpointer     theirs)
{
  g_object_freeze_notify (ours);
  ladder_promotion_set_date (ours, ladder_promotion_get_date (theirs));
  ladder_promotion_set_from (ours, ladder_promotion_get_from (theirs));
  ladder_promotion_set_to (ours, ladder_promotion_get_to (theirs));
  _ladder_merge_copy_extra (theirs, ours);
  ladder_promotion_set_modified (ours, ladder_promotion_get_modified (theirs));
  g_object_thaw_notify (ours);
}

static gpointer
promotion_copy (LadderMerge *self,
                gpointer     theirs)
{
  LadderPromotion *copy = ladder_promotion_new (ladder_promotion_get_id (theirs),
                                                ladder_promotion_get_date (theirs),
                                                ladder_promotion_get_from (theirs),
                                                ladder_promotion_get_to (theirs));

  _ladder_merge_copy_extra (theirs, copy);
  ladder_promotion_set_modified (copy, ladder_promotion_get_modified (theirs));

  return copy;
}

static void
promotion_insert (gpointer container,
                  guint    position,
                  gpointer item)
{
  _ladder_profile_insert_promotion (container, position, item);
}

static void
promotion_remove (gpointer    container,
                  const char *id,
                  GDateTime  *deleted)
{
  _ladder_profile_delete (container, "promotion", id, deleted);
}

static void
promotion_add_tombstone (gpointer    container,
                         const char *id,
                         GDateTime  *deleted)
{
  ladder_profile_add_tombstone (container, "promotion", id, deleted);
}

static GListModel *
promotion_get_live (gpointer container)
{
  return ladder_profile_get_promotions (container);
}

static void
promotion_reorder (gpointer    container,
                   GHashTable *position)
{
  _ladder_profile_reorder (container, "promotion", position);
}

const EntryKind _ladder_merge_promotion_kind = {
  promotion_get_id,
  promotion_get_modified,
  promotion_compare_content,
  promotion_compare_order,
  promotion_describe,
  promotion_copy,
  promotion_update,
  promotion_insert,
  promotion_remove,
  promotion_add_tombstone,
  promotion_get_live,
  promotion_reorder,
  NULL,
};

/* vim:set foldmethod=marker: */
