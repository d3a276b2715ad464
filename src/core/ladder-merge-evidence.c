/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderMerge: evidence, an entry merged by id (ladder-merge-entries.c),
 * whose links to behaviours this copy's framework lacks are left out. */

#define G_LOG_DOMAIN "ladder-merge"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ladder-merge-private.h"
#include "ladder-profile-private.h"

/* Evidence {{{1 */

static const char *
evidence_get_id (gpointer item)
{
  return ladder_evidence_get_id (item);
}

static GDateTime *
evidence_get_modified (gpointer item)
{
  return ladder_evidence_get_modified (item);
}

static int
evidence_compare_content (gpointer a,
                          gpointer b)
{
  int c;

  if ((c = _ladder_merge_compare_dates (ladder_evidence_get_date (a),
                                        ladder_evidence_get_date (b))) != 0 ||
      (c = g_strcmp0 (ladder_evidence_get_title (a), ladder_evidence_get_title (b))) != 0 ||
      (c = g_strcmp0 (ladder_evidence_get_body (a), ladder_evidence_get_body (b))) != 0 ||
      (c = _ladder_merge_compare_strv (ladder_evidence_get_links (a),
                                       ladder_evidence_get_links (b))) != 0 ||
      (c = _ladder_merge_compare_strv (ladder_evidence_get_behaviours (a),
                                       ladder_evidence_get_behaviours (b))) != 0 ||
      (c = _ladder_merge_compare_strv (ladder_evidence_get_tags (a),
                                       ladder_evidence_get_tags (b))) != 0 ||
      (c = _ladder_merge_compare_times (ladder_evidence_get_created (a),
                                        ladder_evidence_get_created (b))) != 0)
    return c;

  return _ladder_merge_compare_extra (a, b);
}

static int
evidence_compare_order (gpointer a,
                        gpointer b)
{
  int c = _ladder_merge_compare_times (ladder_evidence_get_created (a),
                                       ladder_evidence_get_created (b));

  return c != 0 ? c : strcmp (ladder_evidence_get_id (a), ladder_evidence_get_id (b));
}

static const char *
evidence_title (LadderEvidence *evidence)
{
  const char *title = ladder_evidence_get_title (evidence);

  return title != NULL && *title != '\0' ? title : _("Untitled");
}

static void describe_unknown_links (LadderMerge    *self,
                                    LadderEvidence *evidence);

static void
evidence_describe (LadderMerge *self,
                   ChangeKind   change,
                   gpointer     item,
                   gpointer     container)
{
  switch (change)
    {
    case CHANGE_ADDED:
      _ladder_merge_add_change (self, _("New evidence “%s”"), evidence_title (item));
      describe_unknown_links (self, item);
      break;

    case CHANGE_CHANGED:
      _ladder_merge_add_change (self, _("Changed evidence “%s”"), evidence_title (item));
      describe_unknown_links (self, item);
      break;

    case CHANGE_DELETED:
      _ladder_merge_add_change (self, _("Deleted evidence “%s”"), evidence_title (item));
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The behaviours that "ours" knows: a file that names one its framework
 * lacks would not load again. evidence_describe() says which are left
 * out, in the preview too. */
static GStrv
filter_behaviours (LadderMerge    *self,
                   LadderEvidence *evidence)
{
  const char * const *behaviours = ladder_evidence_get_behaviours (evidence);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; behaviours[i] != NULL; i++)
    if (_ladder_merge_has_behaviour (self, behaviours[i]))
      g_strv_builder_add (builder, behaviours[i]);

  return g_strv_builder_end (builder);
}

static void
describe_unknown_links (LadderMerge    *self,
                        LadderEvidence *evidence)
{
  const char * const *behaviours = ladder_evidence_get_behaviours (evidence);

  for (guint i = 0; behaviours[i] != NULL; i++)
    if (!_ladder_merge_has_behaviour (self, behaviours[i]))
      _ladder_merge_add_change (self,
                                _("Left out the link of evidence “%s” to behaviour “%s”, which this copy’s framework lacks"),
                                evidence_title (evidence), behaviours[i]);
}

static void
evidence_update (LadderMerge *self,
                 gpointer     ours,
                 gpointer     theirs)
{
  g_auto (GStrv) behaviours = filter_behaviours (self, theirs);

  g_object_freeze_notify (ours);
  ladder_evidence_set_date (ours, ladder_evidence_get_date (theirs));
  ladder_evidence_set_title (ours, ladder_evidence_get_title (theirs));
  ladder_evidence_set_body (ours, ladder_evidence_get_body (theirs));
  ladder_evidence_set_links (ours, ladder_evidence_get_links (theirs));
  ladder_evidence_set_behaviours (ours, (const char * const *) behaviours);
  ladder_evidence_set_tags (ours, ladder_evidence_get_tags (theirs));
  _ladder_merge_copy_extra (theirs, ours);
  /* Last: the setters above moved "modified" to now. */
  ladder_evidence_set_stamps (ours,
                              ladder_evidence_get_created (theirs),
                              ladder_evidence_get_modified (theirs));
  g_object_thaw_notify (ours);
}

static gpointer
evidence_copy (LadderMerge *self,
               gpointer     theirs)
{
  LadderEvidence *copy = ladder_evidence_new (ladder_evidence_get_id (theirs));

  evidence_update (self, copy, theirs);

  return copy;
}

static void
evidence_insert (gpointer container,
                 guint    position,
                 gpointer item)
{
  _ladder_profile_insert_evidence (container, position, item);
}

static void
evidence_remove (gpointer    container,
                 const char *id,
                 GDateTime  *deleted)
{
  _ladder_profile_delete (container, "evidence", id, deleted);
}

static void
evidence_add_tombstone (gpointer    container,
                        const char *id,
                        GDateTime  *deleted)
{
  ladder_profile_add_tombstone (container, "evidence", id, deleted);
}

static GListModel *
evidence_get_live (gpointer container)
{
  return ladder_profile_get_evidence (container);
}

static void
evidence_reorder (gpointer    container,
                  GHashTable *position)
{
  _ladder_profile_reorder (container, "evidence", position);
}

const EntryKind _ladder_merge_evidence_kind = {
  evidence_get_id,
  evidence_get_modified,
  evidence_compare_content,
  evidence_compare_order,
  evidence_describe,
  evidence_copy,
  evidence_update,
  evidence_insert,
  evidence_remove,
  evidence_add_tombstone,
  evidence_get_live,
  evidence_reorder,
  NULL,
};

/* vim:set foldmethod=marker: */
