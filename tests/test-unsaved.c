/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window whose change could not be written never closes silently. On a
 * full disk and on a read-only one, a change fails to save and the banner
 * says why, whole; asked to close (its close button, app.quit), the window
 * stays and asks: Cancel keeps it, Try Again writes the file once there
 * is room and closes, Close Without Saving closes and leaves the old file.
 * The same for a draft check-in that could not be written, and for a
 * close that waited for a write which then failed. Other errors (a copy
 * that cannot be written) are shown whole in an alert, not a toast.
 *
 * The library's data folder is a small tmpfs mounted in this program's own
 * mount namespace, entered before anything starts a thread (a namespace is
 * a thread's own, and the writes run on workers): nothing outside the test
 * ever sees it, and it goes with the process.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ladder-checkin-page.h"
#include "ladder-checkins-page.h"
#include "mount-helpers.h"
#include "ui-helpers.h"

typedef enum
{
  DISK_FULL,
  DISK_READ_ONLY,
} Failure;

/* Why no namespace could be made, or NULL when the program is in its own. */
static char *no_namespace_reason;

/* Namespace and disk {{{1 */

/* Mounts a tmpfs of @size_kib on the library's data folder; NULL (and the
 * test skipped, with the reason) where that cannot be done. */
static char *
mount_library_disk (guint size_kib)
{
  g_autoptr(GFile) directory = ladder_library_get_default_directory ();
  g_autofree char *path = g_file_get_path (directory);
  g_autofree char *options = g_strdup_printf ("size=%uk,mode=0700", size_kib);

  if (no_namespace_reason != NULL)
    {
      g_test_skip (no_namespace_reason);
      return NULL;
    }

  g_assert_no_errno (g_mkdir_with_parents (path, 0700));
  if (mount ("ladder-test", path, "tmpfs", MS_NOSUID | MS_NODEV, options) != 0)
    {
      g_autofree char *reason = g_strdup_printf ("cannot mount a tmpfs: %s", g_strerror (errno));

      g_test_skip (reason);
      return NULL;
    }

  return g_steal_pointer (&path);
}

static void
unmount_library_disk (const char *disk)
{
  g_assert_no_errno (umount2 (disk, MNT_DETACH));
}

/* Fills the disk up: a file as large as it takes. */
static void
fill_disk (const char *disk)
{
  g_autofree char *path = g_build_filename (disk, "filler", NULL);
  char block[16 * 1024];
  int fd;

  memset (block, 'x', sizeof block);
  fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  /* What is left of a page or two. */
  while (write (fd, block, 1) > 0)
    ;
  g_assert_no_errno (close (fd));
}

static void
break_disk (const char *disk,
            Failure     failure)
{
  if (failure == DISK_FULL)
    fill_disk (disk);
  else
    g_assert_no_errno (mount (NULL, disk, NULL, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, NULL));
}

static void
mend_disk (const char *disk,
           Failure     failure)
{
  if (failure == DISK_FULL)
    {
      g_autofree char *path = g_build_filename (disk, "filler", NULL);

      g_assert_no_errno (g_unlink (path));
    }
  else
    g_assert_no_errno (mount (NULL, disk, NULL, MS_REMOUNT | MS_NOSUID | MS_NODEV, NULL));
}

static const char *
failure_reason (Failure failure)
{
  return failure == DISK_FULL ? "The disk is full." : "The disk is read-only.";
}

/* The window {{{1 */

/* Destroyed: the application lets go of it (the test's own reference
 * keeps the object). */
static gboolean
window_gone_cb (gpointer data)
{
  return gtk_window_get_application (data) == NULL;
}

static gboolean
banner_shown_cb (gpointer data)
{
  return adw_banner_get_revealed (_ladder_window_get_save_banner (data));
}

static gboolean
no_dialog_cb (gpointer data)
{
  return ui_visible_dialog (data) == NULL;
}

/* The question a close asks, shown; its body says what and why. */
static AdwAlertDialog *
close_question (LadderWindow *window)
{
  AdwDialog *dialog = _ladder_window_get_close_dialog (window);

  g_assert_nonnull (dialog);
  g_assert_true (ui_visible_dialog (window) == dialog);
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Changes Not Saved");
  g_assert_cmpstr (adw_alert_dialog_get_default_response (ADW_ALERT_DIALOG (dialog)), ==, "cancel");
  g_assert_cmpstr (adw_alert_dialog_get_close_response (ADW_ALERT_DIALOG (dialog)), ==, "cancel");
  g_assert_cmpint (adw_alert_dialog_get_response_appearance (ADW_ALERT_DIALOG (dialog), "discard"),
                   ==, ADW_RESPONSE_DESTRUCTIVE);

  return ADW_ALERT_DIALOG (dialog);
}

static void
assert_body_has (AdwAlertDialog *dialog,
                 const char     *needle)
{
  const char *body = adw_alert_dialog_get_body (dialog);

  if (strstr (body, needle) == NULL)
    g_error ("The dialog says “%s”, without “%s”", body, needle);
}

/* Clicks the dialog's button labelled @label, as a person would. */
static void
click (AdwAlertDialog *dialog,
       const char     *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  ui_find_all (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkButton *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_button_get_label (button), label) == 0)
        {
          g_signal_emit_by_name (button, "clicked");
          return;
        }
    }

  g_error ("No button “%s” in the dialog", label);
}

/* Closes as the close button does, or quits as Ctrl+Q does. */
static void
ask_to_close (LadderWindow *window,
              gboolean      quit)
{
  if (quit)
    g_action_group_activate_action (G_ACTION_GROUP (ui_application ()), "quit", NULL);
  else
    gtk_window_close (GTK_WINDOW (window));
}

static char *
file_contents (GFile *file)
{
  return ui_read_file (file);
}

static void
assert_file_has (GFile      *file,
                 const char *needle,
                 gboolean    has)
{
  g_autofree char *contents = file_contents (file);

  if ((strstr (contents, needle) != NULL) != has)
    g_error ("%s “%s” on disk", has ? "Missing" : "Unexpected", needle);
}

/* A profile, written; then the disk breaks and a change of its name
 * fails to save: the banner says whose change and why, whole. */
static LadderProfile *
fail_a_change (LadderWindow *window,
               const char   *disk,
               Failure       failure)
{
  LadderProfile *profile = ui_show_small_profile (window);
  AdwBanner *banner = _ladder_window_get_save_banner (window);
  AdwDialog *details;
  GFile *file;

  ladder_profile_set_name (profile, "Old Name");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.retry-save", NULL));
  ui_wait_saved (window);
  file = ladder_profile_get_file (profile);
  g_assert_nonnull (file);
  assert_file_has (file, "Old Name", TRUE);
  g_assert_null (_ladder_window_get_inhibit_reason (window));

  break_disk (disk, failure);
  ladder_profile_set_name (profile, "New Name");
  ui_wait_for (banner_shown_cb, window, "the banner about the failed save");

  g_assert_nonnull (strstr (adw_banner_get_title (banner), "Changes to “New Name” are not saved. "));
  g_assert_nonnull (strstr (adw_banner_get_title (banner), failure_reason (failure)));
  g_assert_nonnull (_ladder_window_get_inhibit_reason (window));
  assert_file_has (file, "Old Name", TRUE);

  /* A narrow banner cuts its title after three lines: its Details show
   * the reason whole, the file's path with it. */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (banner)), ==,
                   "win.explain-save-error");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.explain-save-error", NULL));
  details = ui_visible_dialog (window);
  g_assert_true (ADW_IS_ALERT_DIALOG (details));
  g_assert_null (_ladder_window_get_close_dialog (window));
  assert_body_has (ADW_ALERT_DIALOG (details), "Changes to “New Name” are not saved. ");
  assert_body_has (ADW_ALERT_DIALOG (details), g_file_peek_path (file));
  assert_body_has (ADW_ALERT_DIALOG (details), failure_reason (failure));
  click (ADW_ALERT_DIALOG (details), "_Close");
  ui_wait_for (no_dialog_cb, window, "the details to go");

  /* Someone inside a category learns of it too. */
  ui_assert_category_page_banner (window, "craft", banner);
  g_assert_true (adw_banner_get_revealed (banner));

  return profile;
}

/* Cancel, then Try Again while the disk is still broken, then Try Again
 * once it has room: the window stays twice, then closes with the change
 * on disk. */
static void
try_again (Failure  failure,
           gboolean quit)
{
  g_autoptr(LadderApplication) app = NULL;
  g_autofree char *disk = mount_library_disk (256);
  LadderWindow *window;
  LadderProfile *profile;
  g_autoptr(GFile) file = NULL;
  AdwAlertDialog *dialog;

  if (disk == NULL)
    return;

  window = ui_window_new (&app);
  profile = fail_a_change (window, disk, failure);
  file = g_object_ref (ladder_profile_get_file (profile));

  ask_to_close (window, quit);
  g_assert_nonnull (gtk_window_get_application (GTK_WINDOW (window)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  dialog = close_question (window);
  assert_body_has (dialog, "Changes to “New Name” are not saved. ");
  assert_body_has (dialog, failure_reason (failure));
  /* Quitting again (a second Ctrl+Q, SIGTERM) leaves the question be. */
  if (quit)
    {
      ask_to_close (window, quit);
      g_assert_true (_ladder_window_get_close_dialog (window) == ADW_DIALOG (dialog));
      g_assert_true (ui_visible_dialog (window) == ADW_DIALOG (dialog));
    }

  /* Cancel: the window stays, the change is still held. */
  click (dialog, "_Cancel");
  ui_wait_for (no_dialog_cb, window, "the question to go");
  g_assert_null (_ladder_window_get_close_dialog (window));
  g_assert_nonnull (gtk_window_get_application (GTK_WINDOW (window)));
  g_assert_true (adw_banner_get_revealed (_ladder_window_get_save_banner (window)));
  g_assert_cmpstr (ladder_profile_get_name (profile), ==, "New Name");
  g_assert_true (_ladder_window_has_pending_save (window));

  /* Try Again on a disk still broken: it stays and says why again. */
  ask_to_close (window, quit);
  dialog = close_question (window);
  click (dialog, "_Try Again");
  dialog = close_question (window);
  assert_body_has (dialog, failure_reason (failure));
  g_assert_nonnull (gtk_window_get_application (GTK_WINDOW (window)));
  assert_file_has (file, "Old Name", TRUE);

  /* Room again: Try Again writes the change and closes. */
  mend_disk (disk, failure);
  click (dialog, "_Try Again");
  ui_wait_for (window_gone_cb, window, "the window to close");
  assert_file_has (file, "New Name", TRUE);
  g_assert_false (_ladder_window_has_pending_save (window));
  g_assert_null (_ladder_window_get_inhibit_reason (window));

  g_object_unref (window);
  unmount_library_disk (disk);
}

/* Close Without Saving: the window closes and the file is the old one. */
static void
close_without_saving (Failure  failure,
                      gboolean quit)
{
  g_autoptr(LadderApplication) app = NULL;
  g_autofree char *disk = mount_library_disk (256);
  LadderWindow *window;
  LadderProfile *profile;
  g_autoptr(GFile) file = NULL;
  AdwAlertDialog *dialog;

  if (disk == NULL)
    return;

  window = ui_window_new (&app);
  profile = fail_a_change (window, disk, failure);
  file = g_object_ref (ladder_profile_get_file (profile));

  ask_to_close (window, quit);
  dialog = close_question (window);
  click (dialog, "Close _Without Saving");
  ui_wait_for (window_gone_cb, window, "the window to close");
  g_assert_null (_ladder_window_get_inhibit_reason (window));

  mend_disk (disk, failure);
  assert_file_has (file, "Old Name", TRUE);
  assert_file_has (file, "New Name", FALSE);

  g_object_unref (window);
  unmount_library_disk (disk);
}

/* A draft check-in that cannot be written: the banner says so, whole, and
 * the close asks; Try Again writes the draft once the disk has room. */
static void
draft_not_saved (Failure failure)
{
  g_autoptr(LadderApplication) app = NULL;
  g_autofree char *disk = mount_library_disk (256);
  LadderWindow *window;
  LadderProfile *profile;
  LadderCheckinsPage *checkins;
  AdwBanner *banner;
  AdwBanner *page_banner;
  GtkWidget *page;
  AdwAlertDialog *dialog;
  g_autofree char *reason = NULL;
  g_autofree char *draft_path = NULL;
  g_autoptr(GFile) draft_file = NULL;

  if (disk == NULL)
    return;

  window = ui_window_new (&app);
  profile = ui_show_small_profile (window);
  ladder_profile_set_name (profile, "Drafting Person");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.retry-save", NULL));
  ui_wait_saved (window);
  draft_path = g_strconcat (disk, "/drafts/", ladder_profile_get_id (profile), ".json", NULL);
  draft_file = g_file_new_for_path (draft_path);

  break_disk (disk, failure);
  checkins = LADDER_CHECKINS_PAGE (ui_find (GTK_WIDGET (window), NULL, LADDER_TYPE_CHECKINS_PAGE));
  ladder_checkins_page_start (checkins);

  /* The reason, whole, in the banner (a toast would cut it). */
  ui_wait_for (banner_shown_cb, window, "the banner about the draft");
  g_assert_nonnull (ladder_checkins_page_get_draft_error (checkins));
  reason = g_strdup (ladder_checkins_page_get_draft_error (checkins)->message);
  g_assert_nonnull (strstr (reason, draft_path));
  /* On a read-only disk its folder could not be made either, and that is
   * the reason given. */
  if (failure == DISK_FULL)
    g_assert_nonnull (strstr (reason, failure_reason (failure)));
  else
    g_assert_nonnull (strstr (reason, "could not be made: Read-only file system."));
  banner = _ladder_window_get_save_banner (window);
  g_assert_nonnull (strstr (adw_banner_get_title (banner),
                            "The draft check-in of “Drafting Person” is not saved. "));
  g_assert_nonnull (strstr (adw_banner_get_title (banner), reason));
  g_assert_nonnull (_ladder_window_get_inhibit_reason (window));
  g_assert_false (g_file_query_exists (draft_file, NULL));

  /* The check-in's own page, on top of the window's banner, says it too. */
  page = ui_find (GTK_WIDGET (window), NULL, LADDER_TYPE_CHECKIN_PAGE);
  g_assert_nonnull (page);
  page_banner = ADW_BANNER (ui_find (page, "save_banner", ADW_TYPE_BANNER));
  g_assert_true (adw_banner_get_revealed (page_banner));
  g_assert_nonnull (strstr (adw_banner_get_title (page_banner), reason));

  gtk_window_close (GTK_WINDOW (window));
  dialog = close_question (window);
  assert_body_has (dialog, "The draft check-in of “Drafting Person” is not saved. ");
  /* Written again at the close, failed again for the same reason. */
  assert_body_has (dialog, reason);
  click (dialog, "_Cancel");
  ui_wait_for (no_dialog_cb, window, "the question to go");
  g_assert_nonnull (gtk_window_get_application (GTK_WINDOW (window)));

  mend_disk (disk, failure);
  gtk_window_close (GTK_WINDOW (window));
  /* The close writes it now that there is room: no question. */
  ui_wait_for (window_gone_cb, window, "the window to close");
  g_assert_true (g_file_query_exists (draft_file, NULL));
  g_assert_null (_ladder_window_get_inhibit_reason (window));

  g_object_unref (window);
  unmount_library_disk (disk);
}

static void
test_full_try_again (void)
{
  try_again (DISK_FULL, FALSE);
}

static void
test_read_only_try_again (void)
{
  try_again (DISK_READ_ONLY, FALSE);
}

static void
test_full_discard (void)
{
  close_without_saving (DISK_FULL, FALSE);
}

static void
test_read_only_discard (void)
{
  close_without_saving (DISK_READ_ONLY, FALSE);
}

static void
test_full_quit_try_again (void)
{
  try_again (DISK_FULL, TRUE);
}

static void
test_read_only_quit_discard (void)
{
  close_without_saving (DISK_READ_ONLY, TRUE);
}

static void
test_full_draft (void)
{
  draft_not_saved (DISK_FULL);
}

static void
test_read_only_draft (void)
{
  draft_not_saved (DISK_READ_ONLY);
}

static gboolean
dialog_shown_cb (gpointer data)
{
  return ui_visible_dialog (data) != NULL;
}

static gboolean
close_question_shown_cb (gpointer data)
{
  return _ladder_window_get_close_dialog (data) != NULL;
}

/* Closed while a write runs, the window waits out of sight for it; when
 * that write fails too, it comes back and asks. */
static void
test_close_while_failing_write (void)
{
  g_autoptr(LadderApplication) app = NULL;
  g_autofree char *disk = mount_library_disk (256);
  LadderWindow *window;
  LadderProfile *profile;
  g_autoptr(GFile) file = NULL;
  AdwAlertDialog *dialog;

  if (disk == NULL)
    return;

  window = ui_window_new (&app);
  profile = fail_a_change (window, disk, DISK_READ_ONLY);
  file = g_object_ref (ladder_profile_get_file (profile));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.retry-save", NULL));
  gtk_window_close (GTK_WINDOW (window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  ui_wait_for (close_question_shown_cb, window, "the question after the write");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  dialog = close_question (window);
  assert_body_has (dialog, failure_reason (DISK_READ_ONLY));

  click (dialog, "Close _Without Saving");
  ui_wait_for (window_gone_cb, window, "the window to close");
  assert_file_has (file, "Old Name", TRUE);

  g_object_unref (window);
  unmount_library_disk (disk);
}

/* A copy that cannot be written says why in an alert, whole, with the
 * file's path: not in a toast, whose one line would cut it. */
static void
test_copy_error_whole (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = ui_show_small_profile (window);
  g_autofree char *folder = g_build_filename (g_get_tmp_dir (), "a folder that is not there", NULL);
  g_autofree char *path = g_build_filename (folder, "Sam Tester, a copy with a long name.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *expected = NULL;
  AdwDialog *dialog;

  _ladder_window_write_copy (window, profile, file);
  ui_wait_for (dialog_shown_cb, window, "the error");
  dialog = ui_visible_dialog (window);
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Could Not Save the Copy");
  expected = g_strdup_printf ("Could not save “%s”: the folder “%s” does not exist.", path, folder);
  g_assert_cmpstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), ==, expected);

  click (ADW_ALERT_DIALOG (dialog), "_Close");
  ui_wait_for (no_dialog_cb, window, "the error to go");
  ui_window_free (window, app);
}

/* Profile A's change fails to save (its file was made read-only after it
 * was opened); B is then shown and changed, and B's change is written.
 * A's is not forgotten for it: the banner still says so, the retry tries
 * A again, and a close asks about A, not about B. */
static void
test_other_profile_after_failure (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  AdwBanner *banner = _ladder_window_get_save_banner (window);
  LadderProfile *a = ui_show_small_profile (window);
  LadderProfile *b;
  AdwAlertDialog *dialog;
  GFile *a_file;

  ladder_profile_set_name (a, "Avery Old");
  ui_wait_saved (window);
  a_file = ladder_profile_get_file (a);
  assert_file_has (a_file, "Avery Old", TRUE);
  g_assert_cmpint (g_chmod (g_file_peek_path (a_file), 0400), ==, 0);

  ladder_profile_set_name (a, "Avery New");
  ui_wait_for (banner_shown_cb, window, "the banner about A");

  b = ui_show_small_profile (window);
  ladder_profile_set_name (b, "Blair New");
  /* A stays pending: only B's file can say it was written. */
  while (ladder_profile_get_file (b) == NULL)
    g_main_context_iteration (NULL, TRUE);
  ui_wait_file_has (ladder_profile_get_file (b), "Blair New", "B on disk");
  ui_spin (50);

  g_assert_true (adw_banner_get_revealed (banner));
  g_assert_nonnull (strstr (adw_banner_get_title (banner), "Changes to “Avery New” are not saved. "));
  g_assert_null (strstr (adw_banner_get_title (banner), "Blair"));
  assert_file_has (a_file, "Avery Old", TRUE);

  gtk_window_close (GTK_WINDOW (window));
  dialog = close_question (window);
  assert_body_has (dialog, "Changes to “Avery New” are not saved. ");
  assert_body_has (dialog, "the file is read-only");

  /* Writable again: Try Again writes A and closes. */
  g_assert_cmpint (g_chmod (g_file_peek_path (a_file), 0600), ==, 0);
  g_object_ref (a_file);
  click (dialog, "_Try Again");
  ui_wait_for (window_gone_cb, window, "the window to close");
  assert_file_has (a_file, "Avery New", TRUE);

  g_object_unref (a_file);
  g_object_unref (window);
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything starts a thread. */
  no_namespace_reason = enter_own_mount_namespace ();

  ui_test_init (&argc, &argv);

  g_test_add_func ("/ladder/unsaved/full-disk/try-again", test_full_try_again);
  g_test_add_func ("/ladder/unsaved/full-disk/close-without-saving", test_full_discard);
  g_test_add_func ("/ladder/unsaved/full-disk/quit-try-again", test_full_quit_try_again);
  g_test_add_func ("/ladder/unsaved/full-disk/draft", test_full_draft);
  g_test_add_func ("/ladder/unsaved/read-only/try-again", test_read_only_try_again);
  g_test_add_func ("/ladder/unsaved/read-only/close-without-saving", test_read_only_discard);
  g_test_add_func ("/ladder/unsaved/read-only/quit-close-without-saving",
                   test_read_only_quit_discard);
  g_test_add_func ("/ladder/unsaved/read-only/draft", test_read_only_draft);
  g_test_add_func ("/ladder/unsaved/read-only/close-while-writing", test_close_while_failing_write);
  g_test_add_func ("/ladder/unsaved/copy-error-whole", test_copy_error_whole);
  g_test_add_func ("/ladder/unsaved/other-profile-after-failure", test_other_profile_after_failure);

  return g_test_run ();
}
