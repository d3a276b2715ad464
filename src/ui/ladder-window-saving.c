/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-ui-private.h"
#include "ladder-window-private.h"

/* The window's saving: its LadderAutosave writes each change a moment
 * after it and keeps what failed, with why, and tries it again. The
 * window shows that in its banner, and until it is on disk it does not
 * close without asking (_ladder_window_ask_before_closing()), and the
 * session is asked not to end (a logout shows the reason). */

/* Shows what could not be saved in the banner (which wraps: the reason is
 * read whole), and keeps a logout from ending the session unasked; or
 * takes that back once everything is on disk. */
void
_ladder_window_update_unsaved (LadderWindow *self)
{
  g_autofree char *text = ladder_autosave_describe_unsaved (self->autosave);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (text == NULL)
    {
      adw_banner_set_revealed (self->save_banner, FALSE);
      if (self->inhibit_cookie != 0 && app != NULL)
        gtk_application_uninhibit (app, self->inhibit_cookie);
      self->inhibit_cookie = 0;
      g_clear_pointer (&self->inhibit_reason, g_free);
      return;
    }

  adw_banner_set_title (self->save_banner, text);
  adw_banner_set_revealed (self->save_banner, TRUE);

  if (self->inhibit_reason == NULL)
    {
      self->inhibit_reason = g_strdup (_("Changes could not be saved"));
      if (app != NULL)
        self->inhibit_cookie = gtk_application_inhibit (app, GTK_WINDOW (self),
                                                        GTK_APPLICATION_INHIBIT_LOGOUT,
                                                        self->inhibit_reason);
    }
}


/* Closes the window once everything is on disk; else it stays and asks.
 * A write under way on a worker is waited for (_ladder_window_saving_changed_cb()). */
static void
close_when_written (LadderWindow *self)
{
  if (ladder_autosave_get_saving (self->autosave))
    {
      self->close_when_saved = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  if (ladder_autosave_flush (self->autosave))
    gtk_window_destroy (GTK_WINDOW (self));
  else
    {
      gtk_window_present (GTK_WINDOW (self));
      _ladder_window_ask_before_closing (self);
    }
}

static void
close_response_cb (AdwAlertDialog *dialog,
                   const char     *response,
                   LadderWindow   *self)
{
  g_clear_weak_pointer (&self->close_dialog);
  /* The question is answered: the timed retry comes again. */
  ladder_autosave_set_retry_delay (self->autosave, LADDER_AUTOSAVE_RETRY_DELAY_MS);

  if (g_str_equal (response, "retry"))
    close_when_written (self);
  else if (g_str_equal (response, "discard"))
    {
      /* What could not be written is let go of, and nothing tries to
       * write it again. */
      ladder_autosave_discard (self->autosave);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

/* The window was asked to close and something is still not on disk: it
 * stays open and asks, with the reason whole. */
void
_ladder_window_ask_before_closing (LadderWindow *self)
{
  g_autofree char *reasons = ladder_autosave_describe_unsaved (self->autosave);
  g_autofree char *body = NULL;
  AdwDialog *dialog;
  AdwAlertDialog *alert;

  if (self->close_dialog != NULL || reasons == NULL)
    return;

  /* No retry behind a question being asked: its answer decides. */
  ladder_autosave_set_retry_delay (self->autosave, 0);
  body = g_strdup_printf ("%s\n\n%s", reasons,
                          _("If the window closes now, what could not be saved is lost."));
  dialog = adw_alert_dialog_new (_("Changes Not Saved"), body);
  alert = ADW_ALERT_DIALOG (dialog);
  adw_alert_dialog_add_responses (alert,
                                  "cancel", _("_Cancel"),
                                  "discard", _("Close _Without Saving"),
                                  "retry", _("_Try Again"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (alert, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_appearance (alert, "retry", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (alert, "cancel");
  adw_alert_dialog_set_close_response (alert, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  g_set_weak_pointer (&self->close_dialog, dialog);

  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/* The application does not exit (on app.quit or SIGTERM) while a write
 * is under way; a close that waited for the write goes on once nothing
 * is being written, with what changed since. (The window is hidden, and
 * gtk_window_close() does nothing for a hidden window.) */
void
_ladder_window_saving_changed_cb (LadderWindow *self)
{
  g_autoptr(LadderWindow) alive = g_object_ref (self);
  g_autoptr(GApplication) hold = NULL;

  if (ladder_autosave_get_saving (self->autosave))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      if (app != NULL && self->save_hold == NULL)
        {
          self->save_hold = G_APPLICATION (g_object_ref (app));
          g_application_hold (self->save_hold);
        }
      return;
    }

  hold = g_steal_pointer (&self->save_hold);
  if (self->close_when_saved)
    {
      self->close_when_saved = FALSE;
      close_when_written (self);
    }
  if (hold != NULL)
    g_application_release (hold);
}

void
_ladder_window_profile_changed_cb (LadderWindow  *self,
                    LadderProfile *profile)
{
  ladder_autosave_profile_changed (self->autosave, profile);
}
