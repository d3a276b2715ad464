/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-window-open"

#include "config.h"

#include "ladder-window-private.h"

/* What the application hands the window from outside: files to open
 * (`ladder FILE`, Files' Open With), Log a Win and the demo. All wait for
 * the library: what a profile file is to it (one of its own, a copy of
 * one, someone new) depends on what it holds, Log a Win needs the profile
 * last shown, and the demo is made once. */

/* The demo profile: what `ladder-cli sample` makes by default. */
#define DEMO_FRAMEWORK "monzo-backend-engineering"
#define DEMO_EVIDENCE  40
#define DEMO_SEED      1

static LadderProfile *
find_demo_profile (LadderWindow *self,
                   LadderFramework *framework)
{
  g_autoptr(LadderProfile) sample = ladder_sample_profile (framework, DEMO_EVIDENCE, DEMO_SEED);
  LadderProfile *existing = ladder_library_find_profile (self->library, ladder_profile_get_id (sample));

  if (existing != NULL)
    return existing;

  ladder_library_add_profile (self->library, sample);
  ladder_autosave_save_profile (self->autosave, sample);

  return sample;
}

void
_ladder_window_load_demo (LadderWindow *self)
{
  LadderFramework *framework = ladder_library_find_framework (self->library, DEMO_FRAMEWORK);
  LadderProfile *profile;

  if (framework == NULL)
    {
      GListModel *frameworks = ladder_library_get_frameworks (self->library);
      g_autoptr(LadderFramework) first = g_list_model_get_item (frameworks, 0);

      if (first == NULL)
        return;
      framework = first;
    }

  profile = find_demo_profile (self, framework);
  _ladder_window_select (self, G_OBJECT (profile));
}

static LadderProfile *
find_profile_with_file (LadderLibrary *library,
                        GFile         *file)
{
  GListModel *profiles = ladder_library_get_profiles (library);

  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (profiles, i);
      GFile *profile_file = ladder_profile_get_file (profile);

      if (profile_file != NULL && g_file_equal (profile_file, file))
        return profile;
    }

  return NULL;
}

static void
open_now (LadderWindow *self,
          GFile        *file)
{
  LadderProfile *own = find_profile_with_file (self->library, file);

  /* The library's own file, opened from its folder: it is shown, not
   * merged with itself. */
  if (own != NULL)
    _ladder_window_select (self, G_OBJECT (own));
  else
    _ladder_window_open_file (self, file);
}

/**
 * _ladder_window_open_files:
 * @self: a #LadderWindow
 * @files: (array length=n_files): files given to the application
 * @n_files: their number
 *
 * Opens each file as _ladder_window_open_file() does, a profile of the
 * library by showing it, once the library has loaded.
 */
void
_ladder_window_open_files (LadderWindow  *self,
                           GFile        **files,
                           int            n_files)
{
  g_return_if_fail (LADDER_IS_WINDOW (self));

  for (int i = 0; i < n_files; i++)
    {
      if (self->loaded)
        {
          open_now (self, files[i]);
          continue;
        }

      if (self->pending_files == NULL)
        self->pending_files = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (self->pending_files, g_object_ref (files[i]));
    }
}

static void log_win_now (LadderWindow *self);

static void
profile_loading_cb (LadderProfile *profile,
                    GParamSpec    *pspec,
                    LadderWindow  *self)
{
  if (ladder_profile_get_loading (profile))
    return;

  g_signal_handlers_disconnect_by_func (profile, profile_loading_cb, self);
  if (profile == self->profile)
    log_win_now (self);
}

static void
log_win_now (LadderWindow *self)
{
  if (self->profile == NULL)
    _ladder_window_show_first_thing (self);

  /* No profile yet: the welcome page, which says how to make one. */
  if (self->profile == NULL)
    return;

  /* An entry added while the profile's evidence is still being read
   * would be added to a log about to be replaced. */
  if (ladder_profile_get_loading (self->profile))
    {
      g_signal_connect_object (self->profile, "notify::loading", G_CALLBACK (profile_loading_cb),
                               self, 0);
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "win.new-evidence", NULL);
}

/**
 * _ladder_window_log_win:
 * @self: a #LadderWindow
 *
 * Opens the evidence editor on the profile shown, else the one last
 * shown, once the library has loaded and the profile's evidence is read.
 */
void
_ladder_window_log_win (LadderWindow *self)
{
  g_return_if_fail (LADDER_IS_WINDOW (self));

  if (self->loaded)
    log_win_now (self);
  else
    self->log_win_requested = TRUE;
}

static void prepare_now (LadderWindow *self,
                         const char   *profile_id);

static void
prepare_loading_cb (LadderProfile *profile,
                    GParamSpec    *pspec,
                    LadderWindow  *self)
{
  if (ladder_profile_get_loading (profile))
    return;

  g_signal_handlers_disconnect_by_func (profile, prepare_loading_cb, self);
  if (profile == self->profile)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.prepare", NULL);
}

static void
prepare_now (LadderWindow *self,
             const char   *profile_id)
{
  LadderProfile *profile = ladder_library_find_profile (self->library, profile_id);

  /* Removed since the reminder: what the window shows otherwise. */
  if (profile == NULL)
    {
      if (self->profile == NULL)
        _ladder_window_show_first_thing (self);
      return;
    }

  _ladder_window_select (self, G_OBJECT (profile));

  /* Prepare 1:1 lists the evidence since the last check-in. */
  if (ladder_profile_get_loading (profile))
    {
      g_signal_connect_object (profile, "notify::loading", G_CALLBACK (prepare_loading_cb),
                               self, 0);
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "win.prepare", NULL);
}

/**
 * _ladder_window_prepare_for:
 * @self: a #LadderWindow
 * @profile_id: the id of a profile of the library
 *
 * Shows Prepare 1:1 for the profile of @profile_id (a reminder's
 * button), once the library has loaded and the profile is read in full.
 */
void
_ladder_window_prepare_for (LadderWindow *self,
                            const char   *profile_id)
{
  g_return_if_fail (LADDER_IS_WINDOW (self));
  g_return_if_fail (profile_id != NULL);

  if (self->loaded)
    {
      prepare_now (self, profile_id);
      return;
    }

  g_free (self->pending_prepare);
  self->pending_prepare = g_strdup (profile_id);
}

/**
 * _ladder_window_open_pending:
 * @self: a #LadderWindow
 *
 * Does what _ladder_window_open_files(), _ladder_window_log_win() and
 * _ladder_window_prepare_for() were asked before the library loaded. The window calls it once it has.
 */
void
_ladder_window_open_pending (LadderWindow *self)
{
  g_autoptr(GPtrArray) files = g_steal_pointer (&self->pending_files);
  g_autofree char *prepare = g_steal_pointer (&self->pending_prepare);

  for (guint i = 0; files != NULL && i < files->len; i++)
    open_now (self, g_ptr_array_index (files, i));

  if (self->log_win_requested)
    {
      self->log_win_requested = FALSE;
      log_win_now (self);
    }

  if (prepare != NULL)
    prepare_now (self, prepare);

  _ladder_window_open_pending_search (self);
}
