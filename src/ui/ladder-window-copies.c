/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-window-copies"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-merge-dialog.h"
#include "ladder-ui-private.h"
#include "ladder-window-private.h"

/* Copies of a profile travel between people as files: "Share a Copy…"
 * writes one, and opening one that the library already has merges it. */

static void
merge_applied_cb (LadderMergeDialog *dialog,
                  AdwToast          *toast,
                  LadderWindow      *self)
{
  _ladder_window_add_toast (self, g_object_ref (toast));
}

/**
 * _ladder_window_offer_merge:
 * @self: a #LadderWindow
 * @ours: the library's profile
 * @theirs: a copy of it, opened from a file
 *
 * Shows @ours and a dialog that lists what merging @theirs would change;
 * "Merge" merges, with an undo in a toast. A copy of the other side's
 * (the engineer's own file opened in the manager's copy, or the other
 * way round) merges without its private items, which are its author's.
 */
void
_ladder_window_offer_merge (LadderWindow  *self,
                            LadderProfile *ours,
                            LadderProfile *theirs)
{
  g_autoptr(LadderMerge) merge = NULL;
  g_autoptr(LadderProfile) shared = NULL;
  g_autoptr(GError) error = NULL;
  LadderMergeDialog *dialog;

  g_return_if_fail (LADDER_IS_WINDOW (self));
  g_return_if_fail (LADDER_IS_PROFILE (ours));
  g_return_if_fail (LADDER_IS_PROFILE (theirs));

  _ladder_window_select (self, G_OBJECT (ours));

  if (ladder_profile_get_owner (theirs) != ladder_profile_get_owner (ours))
    {
      shared = ladder_format_copy_without_private (theirs, NULL);
      if (shared != NULL)
        {
          /* Errors name the file opened. */
          ladder_profile_set_file (shared, ladder_profile_get_file (theirs));
          theirs = shared;
        }
    }

  merge = ladder_merge_new (ours, theirs, &error);
  if (merge == NULL)
    {
      AdwDialog *alert = adw_alert_dialog_new (_("Could Not Merge the Copy"), error->message);

      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
      adw_dialog_present (alert, GTK_WIDGET (self));
      return;
    }

  dialog = ladder_merge_dialog_new (merge);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (merge_applied_cb), self, 0);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

/**
 * _ladder_window_add_opened_profile:
 * @self: a #LadderWindow
 * @profile: a profile opened from a file, which the library lacks
 *
 * Adds @profile to the library's own folder, saves and shows it: the file
 * opened is the other person's copy, not to be written over, and one
 * outside the library would not be listed at the next start.
 */
void
_ladder_window_add_opened_profile (LadderWindow  *self,
                                   LadderProfile *profile)
{
  ladder_profile_set_file (profile, NULL);
  ladder_library_add_profile (self->library, profile);
  ladder_autosave_save_profile (self->autosave, profile);
  _ladder_window_select (self, G_OBJECT (profile));
}

static void
other_side_copy_response_cb (AdwAlertDialog *dialog,
                             const char     *response,
                             LadderWindow   *self)
{
  LadderProfile *profile = g_object_get_data (G_OBJECT (dialog), "ladder-profile");
  LadderProfile *others = g_object_get_data (G_OBJECT (dialog), "ladder-other-side-copy");

  if (g_str_equal (response, "cancel"))
    return;

  /* Opened twice over while the question was up: the first one won. */
  if (ladder_library_find_profile (self->library, ladder_profile_get_id (profile)) != NULL)
    return;

  if (g_str_equal (response, "add"))
    {
      if (others == NULL)
        {
          _ladder_window_show_error (self, _("Could Not Add the Profile"),
                                     _("This profile was written by a newer version of Ladder, "
                                       "which this version cannot make a copy of for you."));
          return;
        }
      profile = others;
    }
  _ladder_window_add_opened_profile (self, profile);
}

/**
 * _ladder_window_offer_other_side_copy:
 * @self: a #LadderWindow
 * @profile: a copy one side shared, opened where the library has no
 *   copy of it
 *
 * Most likely the other side's app, which keeps a copy of its own, rated
 * on its own side (ladder_format_copy_for_other_side()): an engineer's
 * copy becomes the manager's, a manager's copy the engineer's own. Said
 * before it is done, since it decides which side every rating made here
 * goes to, with how many private items of the author stay out of it;
 * someone opening their own copy on a new computer says so instead.
 */
void
_ladder_window_offer_other_side_copy (LadderWindow  *self,
                                      LadderProfile *profile)
{
  const char *name = ladder_profile_get_name (profile);
  gboolean named = name != NULL && *name != '\0';
  gboolean from_manager = ladder_profile_get_owner (profile) == LADDER_RATER_MANAGER;
  g_autoptr(LadderProfile) others = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  guint n_private = 0;
  AdwDialog *dialog;

  others = ladder_format_copy_for_other_side (profile, &n_private);

  if (from_manager)
    {
      heading = g_strdup (_("Add as Your Own Profile?"));
      body = g_strdup (_("This is your manager’s copy of your profile. Ladder keeps it as your own: "
                         "you rate on your own side, with your manager’s ratings beside yours, "
                         "and copies they share later merge into it."));
    }
  else if (named)
    {
      /* Translators: %s is a person's name */
      heading = g_strdup_printf (_("Add %s as Someone You Manage?"), name);
      /* Translators: %s is a person's name */
      body = g_strdup_printf (_("This is %s’s own copy of their profile. Ladder keeps a copy of it for you, "
                                "as their manager: you rate on the manager’s side, with their own ratings "
                                "beside yours, and copies they share later merge into it."), name);
    }
  else
    {
      heading = g_strdup (_("Add as Someone You Manage?"));
      body = g_strdup (_("This is an engineer’s own copy of their profile. Ladder keeps a copy of it for you, "
                         "as their manager: you rate on the manager’s side, with their own ratings "
                         "beside yours, and copies they share later merge into it."));
    }

  /* What is private to its author is theirs alone: not in the other
   * side's copy, and the one who opens it is told it is missing. */
  if (n_private > 0)
    {
      g_autofree char *left_out = g_strdup_printf (ngettext ("%u item private to its author is left out "
                                                             "of your copy.",
                                                             "%u items private to their author are left "
                                                             "out of your copy.",
                                                             n_private),
                                                   n_private);
      char *whole = g_strconcat (body, " ", left_out, NULL);

      g_free (body);
      body = whole;
    }

  dialog = adw_alert_dialog_new (heading, body);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "own", from_manager ? _("It’s _My Copy as Manager") : _("It’s _My Profile"),
                                  "add", _("_Add"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "add",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "add");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ladder-profile", g_object_ref (profile), g_object_unref);
  if (others != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "ladder-other-side-copy", g_steal_pointer (&others),
                            g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (other_side_copy_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
share_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LadderWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  GFile *file = G_FILE (object);
  AdwToast *toast;

  /* The reason is a whole sentence, which a toast's one line would cut. */
  if (!ladder_save_contents_finish (file, result, &error))
    {
      _ladder_window_show_error (self, _("Could Not Save the Copy"), error->message);
      return;
    }

  name = g_file_get_basename (file);
  title = g_strdup_printf (_("Saved a copy as “%s”"), name);
  toast = adw_toast_new (title);
  adw_toast_set_use_markup (toast, FALSE);
  _ladder_window_add_toast (self, toast);
}

static void
share_dialog_done_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(LadderWindow) self = user_data;
  LadderProfile *profile = g_object_get_data (object, "ladder-profile");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL || profile == NULL)
    return;

  _ladder_file_dialog_remember_folder (file, "last-export-folder");
  _ladder_window_write_copy (self, profile, file);
}

/**
 * _ladder_window_write_copy:
 * @self: a #LadderWindow
 * @profile: a profile
 * @file: where to write a copy of it
 *
 * Writes a copy of @profile, with its framework, to @file through
 * ladder_save_contents_async(), and says how it went in a toast. It is
 * ladder_format_write_shared_copy(), as `ladder-cli share` writes: no
 * private item leaves, and the copy keeps the profile's id, so that the
 * app that opens it merges it.
 */
void
_ladder_window_write_copy (LadderWindow  *self,
                           LadderProfile *profile,
                           GFile         *file)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_return_if_fail (LADDER_IS_WINDOW (self));
  g_return_if_fail (LADDER_IS_PROFILE (profile));
  g_return_if_fail (G_IS_FILE (file));

  contents = ladder_format_write_shared_copy (profile, &length);
  ladder_save_contents_async (file, contents, length, NULL, share_saved_cb, g_object_ref (self));
}

/**
 * _ladder_window_share_copy:
 * @self: a #LadderWindow
 *
 * Asks where to save a copy of the shown profile, then writes it.
 */
void
_ladder_window_share_copy (LadderWindow *self)
{
  g_autoptr(GtkFileDialog) dialog = NULL;
  g_autoptr(GListStore) filters = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *initial_name = NULL;
  LadderProfile *profile;
  const char *name;

  g_return_if_fail (LADDER_IS_WINDOW (self));

  profile = _ladder_window_get_profile (self);
  if (profile == NULL)
    return;

  name = ladder_profile_get_name (profile);
  /* Translators: the file name a shared copy of a profile gets at first */
  initial_name = g_strdup_printf (_("%s.json"), name != NULL && *name != '\0' ? name : _("Profile"));

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Ladder Profiles"));
  gtk_file_filter_add_suffix (filter, "json");
  filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_list_store_append (filters, filter);

  dialog = gtk_file_dialog_new ();
  gtk_file_dialog_set_title (dialog, _("Share a Copy"));
  gtk_file_dialog_set_accept_label (dialog, _("_Save"));
  gtk_file_dialog_set_initial_name (dialog, initial_name);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  _ladder_file_dialog_start_in_export_folder (dialog);
  g_object_set_data_full (G_OBJECT (dialog), "ladder-profile", g_object_ref (profile),
                          g_object_unref);
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, share_dialog_done_cb,
                        g_object_ref (self));
}
