/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-window-search"

#include "config.h"

#include "ladder-window-private.h"

/* What the desktop's search (LadderShellSearch) hands the window: a
 * result to show, and a search to go on with in the Evidence tab. Both
 * wait for the library, as files given to the application do, since the
 * ids name profiles and entries it holds. */

static void show_result_now (LadderWindow *self,
                             const char   *result_id);

static void
profile_loading_cb (LadderProfile *profile,
                    GParamSpec    *pspec,
                    LadderWindow  *self)
{
  g_autofree char *result_id = NULL;

  if (ladder_profile_get_loading (profile))
    return;

  g_signal_handlers_disconnect_by_func (profile, profile_loading_cb, self);
  result_id = g_steal_pointer (&self->pending_result);
  if (profile == self->profile && result_id != NULL)
    show_result_now (self, result_id);
}

static void
show_result_now (LadderWindow *self,
                 const char   *result_id)
{
  LadderSearchResultKind kind;
  g_autofree char *profile_id = NULL;
  g_autofree char *item_id = NULL;
  LadderProfile *profile;

  if (!ladder_search_result_id_parse (result_id, &kind, &profile_id, &item_id))
    return;

  /* Gone since the search (removed meanwhile): what the window shows
   * otherwise. */
  profile = ladder_library_find_profile (self->library, profile_id);
  if (profile == NULL)
    {
      if (self->profile == NULL)
        _ladder_window_show_first_thing (self);
      return;
    }

  _ladder_window_select (self, G_OBJECT (profile));

  switch (kind)
    {
    case LADDER_SEARCH_RESULT_PROFILE:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-view", "s", "progress");
      break;

    case LADDER_SEARCH_RESULT_BEHAVIOUR:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-behaviour", "s", item_id);
      break;

    case LADDER_SEARCH_RESULT_EVIDENCE:
      /* The entry is not there until the profile's evidence is read. */
      if (ladder_profile_get_loading (profile))
        {
          g_free (self->pending_result);
          self->pending_result = g_strdup (result_id);
          g_signal_connect_object (profile, "notify::loading", G_CALLBACK (profile_loading_cb),
                                   self, 0);
          return;
        }
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-view", "s", "evidence");
      gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-evidence", "s", item_id);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
search_now (LadderWindow *self,
            const char   *text)
{
  if (self->profile == NULL)
    _ladder_window_show_first_thing (self);

  /* No profile: the welcome page, and nothing to search. */
  if (self->profile == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.search", NULL);
  ladder_evidence_page_set_search_text (self->evidence_page, text);
}

/**
 * _ladder_window_show_search_result:
 * @self: a #LadderWindow
 * @result_id: the id of a result of #LadderSearchProvider
 *
 * Shows the result once the library has loaded: a profile on its
 * Progress tab, a behaviour on its category's page, an entry in the
 * evidence editor.
 */
void
_ladder_window_show_search_result (LadderWindow *self,
                                   const char   *result_id)
{
  g_return_if_fail (LADDER_IS_WINDOW (self));
  g_return_if_fail (result_id != NULL);

  if (self->loaded)
    {
      show_result_now (self, result_id);
      return;
    }

  g_free (self->pending_result);
  self->pending_result = g_strdup (result_id);
}

/**
 * _ladder_window_search_evidence:
 * @self: a #LadderWindow
 * @text: what to search for
 *
 * Opens the Evidence tab's search on the profile shown, else the one
 * last shown, with @text, once the library has loaded.
 */
void
_ladder_window_search_evidence (LadderWindow *self,
                                const char   *text)
{
  g_return_if_fail (LADDER_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  if (self->loaded)
    {
      search_now (self, text);
      return;
    }

  g_free (self->pending_search);
  self->pending_search = g_strdup (text);
}

/**
 * _ladder_window_open_pending_search:
 * @self: a #LadderWindow
 *
 * Does what the desktop's search asked before the library loaded.
 */
void
_ladder_window_open_pending_search (LadderWindow *self)
{
  g_autofree char *result_id = g_steal_pointer (&self->pending_result);
  g_autofree char *search = g_steal_pointer (&self->pending_search);

  if (result_id != NULL)
    show_result_now (self, result_id);
  if (search != NULL)
    search_now (self, search);
}
