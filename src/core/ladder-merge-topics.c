/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderMerge: the agenda's topics, merged by id
 * (ladder-merge-entries.c). */

#define G_LOG_DOMAIN "ladder-merge"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ladder-merge-private.h"
#include "ladder-profile-private.h"

/* Agenda topics {{{1 */

static const char *
topic_get_id (gpointer item)
{
  return ladder_topic_get_id (item);
}

static GDateTime *
topic_get_modified (gpointer item)
{
  return ladder_topic_get_modified (item);
}

static int
topic_compare_content (gpointer a,
                       gpointer b)
{
  int c;

  if ((c = g_strcmp0 (ladder_topic_get_text (a), ladder_topic_get_text (b))) != 0 ||
      (c = (int) ladder_topic_get_author (a) - (int) ladder_topic_get_author (b)) != 0 ||
      (c = _ladder_merge_compare_dates (ladder_topic_get_created (a),
                                        ladder_topic_get_created (b))) != 0 ||
      (c = _ladder_merge_compare_dates (ladder_topic_get_closed (a),
                                        ladder_topic_get_closed (b))) != 0 ||
      (c = g_strcmp0 (ladder_topic_get_checkin (a), ladder_topic_get_checkin (b))) != 0 ||
      (c = ladder_topic_get_private (a) - ladder_topic_get_private (b)) != 0)
    return c;

  return _ladder_merge_compare_extra (a, b);
}

static int
topic_compare_order (gpointer a,
                     gpointer b)
{
  int c = _ladder_merge_compare_dates (ladder_topic_get_created (a), ladder_topic_get_created (b));

  return c != 0 ? c : strcmp (ladder_topic_get_id (a), ladder_topic_get_id (b));
}

static void
topic_describe (LadderMerge *self,
                ChangeKind   change,
                gpointer     item,
                gpointer     container)
{
  const char *text = ladder_topic_get_text (item);

  if (text == NULL || *text == '\0')
    text = _("Untitled");

  switch (change)
    {
    case CHANGE_ADDED:
      /* Translators: a topic on the agenda of the next 1:1 */
      _ladder_merge_add_change (self, _("New agenda topic “%s”"), text);
      break;

    case CHANGE_CHANGED:
      _ladder_merge_add_change (self, _("Changed agenda topic “%s”"), text);
      break;

    case CHANGE_DELETED:
      _ladder_merge_add_change (self, _("Deleted agenda topic “%s”"), text);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
topic_update (LadderMerge *self,
              gpointer     ours,
              gpointer     theirs)
{
  const GDate *closed = ladder_topic_get_closed (theirs);

  g_object_freeze_notify (ours);
  ladder_topic_set_text (ours, ladder_topic_get_text (theirs));
  ladder_topic_set_author (ours, ladder_topic_get_author (theirs));
  ladder_topic_set_created (ours, ladder_topic_get_created (theirs));
  if (closed != NULL)
    ladder_topic_close (ours, closed, ladder_topic_get_checkin (theirs));
  else
    ladder_topic_reopen (ours);
  /* Private stays private, as for actions. */
  ladder_topic_set_private (ours, ladder_topic_get_private (ours) ||
                                  ladder_topic_get_private (theirs));
  _ladder_merge_copy_extra (theirs, ours);
  ladder_topic_set_modified (ours, ladder_topic_get_modified (theirs));
  g_object_thaw_notify (ours);
}

static gpointer
topic_copy (LadderMerge *self,
            gpointer     theirs)
{
  LadderTopic *copy = ladder_topic_new (ladder_topic_get_id (theirs));

  topic_update (self, copy, theirs);

  return copy;
}

static void
topic_insert (gpointer container,
              guint    position,
              gpointer item)
{
  _ladder_profile_insert_topic (container, position, item);
}

static void
topic_remove (gpointer    container,
              const char *id,
              GDateTime  *deleted)
{
  _ladder_profile_delete (container, "topic", id, deleted);
}

static void
topic_add_tombstone (gpointer    container,
                     const char *id,
                     GDateTime  *deleted)
{
  ladder_profile_add_tombstone (container, "topic", id, deleted);
}

static GListModel *
topic_get_live (gpointer container)
{
  return ladder_profile_get_topics (container);
}

static void
topic_reorder (gpointer    container,
               GHashTable *position)
{
  _ladder_profile_reorder (container, "topic", position);
}

const EntryKind _ladder_merge_topic_kind = {
  topic_get_id,
  topic_get_modified,
  topic_compare_content,
  topic_compare_order,
  topic_describe,
  topic_copy,
  topic_update,
  topic_insert,
  topic_remove,
  topic_add_tombstone,
  topic_get_live,
  topic_reorder,
  NULL,
};

/* vim:set foldmethod=marker: */
