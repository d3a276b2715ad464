/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderMerge: the focus plan, merged by id (ladder-merge-entries.c) as
 * the agenda's topics are: the copy changed last wins the whole focus,
 * its steps with it. */

#define G_LOG_DOMAIN "ladder-merge"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

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
compare_steps (LadderFocus *a,
               LadderFocus *b)
{
  guint n_a = ladder_focus_get_n_steps (a);
  guint n_b = ladder_focus_get_n_steps (b);
  int c;

  for (guint i = 0; i < MIN (n_a, n_b); i++)
    if ((c = g_strcmp0 (ladder_focus_get_step_text (a, i), ladder_focus_get_step_text (b, i))) != 0 ||
        (c = ladder_focus_get_step_done (a, i) - ladder_focus_get_step_done (b, i)) != 0)
      return c;

  return (n_a > n_b) - (n_a < n_b);
}

static int
focus_compare_content (gpointer a,
                       gpointer b)
{
  int c;

  if ((c = g_strcmp0 (ladder_focus_get_behaviour (a), ladder_focus_get_behaviour (b))) != 0 ||
      (c = g_strcmp0 (ladder_focus_get_why (a), ladder_focus_get_why (b))) != 0 ||
      (c = compare_steps (a, b)) != 0 ||
      (c = _ladder_merge_compare_dates (ladder_focus_get_due (a), ladder_focus_get_due (b))) != 0 ||
      (c = _ladder_merge_compare_dates (ladder_focus_get_created (a),
                                        ladder_focus_get_created (b))) != 0 ||
      (c = _ladder_merge_compare_dates (ladder_focus_get_finished (a),
                                        ladder_focus_get_finished (b))) != 0)
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

static void
focus_update (LadderMerge *self,
              gpointer     ours,
              gpointer     theirs)
{
  const GDate *finished = ladder_focus_get_finished (theirs);
  guint n_steps = ladder_focus_get_n_steps (theirs);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) texts = NULL;

  g_object_freeze_notify (ours);
  ladder_focus_set_behaviour (ours, ladder_focus_get_behaviour (theirs));
  ladder_focus_set_why (ours, ladder_focus_get_why (theirs));
  for (guint i = 0; i < n_steps; i++)
    g_strv_builder_add (builder, ladder_focus_get_step_text (theirs, i));
  texts = g_strv_builder_end (builder);
  ladder_focus_set_steps (ours, (const char * const *) texts);
  /* Texts may repeat; the steps' positions are the same now. */
  for (guint i = 0; i < MIN (n_steps, ladder_focus_get_n_steps (ours)); i++)
    ladder_focus_set_step_done (ours, i, ladder_focus_get_step_done (theirs, i));
  ladder_focus_set_due (ours, ladder_focus_get_due (theirs));
  ladder_focus_set_created (ours, ladder_focus_get_created (theirs));
  if (finished != NULL)
    ladder_focus_finish (ours, finished);
  else
    ladder_focus_reopen (ours);
  _ladder_merge_copy_extra (theirs, ours);
  ladder_focus_set_modified (ours, ladder_focus_get_modified (theirs));
  g_object_thaw_notify (ours);
}

static gpointer
focus_copy (LadderMerge *self,
            gpointer     theirs)
{
  LadderFocus *copy = ladder_focus_new (ladder_focus_get_id (theirs));

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
  NULL,
};

/* vim:set foldmethod=marker: */
