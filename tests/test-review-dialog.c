/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Write a Review… under a real display (Xvfb): the window's action opens
 * the dialog on the target level, the keyboard moves through its rows,
 * turns private actions on and copies the review as Markdown; Save…'s
 * file is written in the format chosen, and a failed write is explained.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ladder-export-dialog.h"
#include "ladder-review-dialog.h"
#include "ui-helpers.h"

#define PRIVATE_ACTION "Ask about the Zephyrine budget"

static GtkWidget *
focus_of (LadderWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
focus_in (LadderWindow *window,
          GtkWidget    *widget)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

typedef struct
{
  LadderWindow *window;
  GtkWidget    *widget;
} Focused;

static gboolean
focused_cb (gpointer data)
{
  Focused *focused = data;

  return focus_in (focused->window, focused->widget);
}

/* Tab, as the window moves the focus. */
static void
press_tab (LadderWindow *window)
{
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
}

/* Space, as the focused widget takes it: it activates. */
static void
press_space (LadderWindow *window)
{
  g_assert_true (gtk_widget_activate (focus_of (window)));
}

static gboolean
no_dialog_cb (gpointer data)
{
  return ui_visible_dialog (data) == NULL;
}

static gboolean
switch_on_cb (gpointer data)
{
  return adw_switch_row_get_active (data);
}

static char *
clipboard_text (GtkWidget *widget)
{
  GdkContentProvider *content = gdk_clipboard_get_content (gtk_widget_get_clipboard (widget));
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);

  return g_value_dup_string (&value);
}

static LadderProfile *
show_profile (LadderWindow *window)
{
  LadderProfile *profile = ui_show_small_profile (window);
  g_autoptr(LadderCheckin) checkin = ladder_checkin_new (NULL);
  g_autoptr(LadderAction) action = ladder_action_new (NULL);
  g_autoptr(LadderAction) private_action = ladder_action_new (NULL);
  g_autoptr(LadderEvidence) entry = ladder_evidence_new (NULL);
  g_autoptr(GDate) last_week = ui_today_plus (-7);
  const char *behaviours[] = { "b3", NULL };

  ladder_evidence_set_title (entry, "Led the Kestrel design");
  ladder_evidence_set_date (entry, last_week);
  ladder_evidence_set_behaviours (entry, behaviours);
  ladder_profile_add_evidence (profile, entry);

  ladder_checkin_set_date (checkin, last_week);
  ladder_action_set_text (action, "Write the design doc");
  ladder_action_set_done (action, TRUE);
  ladder_checkin_add_action (checkin, action);
  ladder_action_set_text (private_action, PRIVATE_ACTION);
  ladder_action_set_private (private_action, TRUE);
  ladder_action_set_done (private_action, TRUE);
  ladder_checkin_add_action (checkin, private_action);
  ladder_profile_add_checkin (profile, checkin);

  return profile;
}

/* The action opens the dialog on the last 12 months and the target
 * level; from the first row, Tab reaches the private switch, Space turns
 * it on, and Copy as Markdown copies the review with the private action. */
static void
test_review_dialog_keys (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  AdwDialog *dialog;
  AdwComboRow *period, *level, *format;
  AdwSwitchRow *private_row;
  GtkWidget *copy;
  Focused focused;
  g_autofree char *text = NULL;

  show_profile (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.write-review", NULL));
  dialog = ui_visible_dialog (window);
  g_assert_true (LADDER_IS_REVIEW_DIALOG (dialog));
  period = ADW_COMBO_ROW (ui_find (GTK_WIDGET (dialog), "period_row", ADW_TYPE_COMBO_ROW));
  level = ADW_COMBO_ROW (ui_find (GTK_WIDGET (dialog), "level_row", ADW_TYPE_COMBO_ROW));
  format = ADW_COMBO_ROW (ui_find (GTK_WIDGET (dialog), "format_row", ADW_TYPE_COMBO_ROW));
  private_row = ADW_SWITCH_ROW (ui_find (GTK_WIDGET (dialog), "private_row", ADW_TYPE_SWITCH_ROW));
  copy = ui_find (GTK_WIDGET (dialog), "copy_row", ADW_TYPE_BUTTON_ROW);
  g_assert_cmpuint (adw_combo_row_get_selected (period), ==, 1);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (level)), ==, "Level 2");
  g_assert_cmpuint (ladder_review_dialog_get_format (LADDER_REVIEW_DIALOG (dialog)), ==,
                    LADDER_REVIEW_DOCUMENT_MARKDOWN);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (period)), !=, NULL);

  /* It opens on Save, where Enter saves: a combo row would open. */
  focused.window = window;
  focused.widget = ui_find (GTK_WIDGET (dialog), "save_button", GTK_TYPE_BUTTON);
  ui_wait_for (focused_cb, &focused, "the focus on Save");
  gtk_widget_grab_focus (GTK_WIDGET (period));
  g_assert_true (focus_in (window, GTK_WIDGET (period)));
  press_tab (window);
  g_assert_true (focus_in (window, GTK_WIDGET (level)));
  press_tab (window);
  g_assert_true (focus_in (window, GTK_WIDGET (format)));
  press_tab (window);
  g_assert_true (focus_in (window, GTK_WIDGET (private_row)));
  press_space (window);
  ui_wait_for (switch_on_cb, private_row, "the switch to turn on");
  press_tab (window);
  g_assert_true (focus_in (window, copy));
  press_space (window);

  text = clipboard_text (GTK_WIDGET (dialog));
  g_assert_true (g_str_has_prefix (text, "# Review: Sam Tester\n\n_Level 2 · "));
  g_assert_nonnull (strstr (text, "- Designs systems\n  - "));
  g_assert_nonnull (strstr (text, " — Led the Kestrel design\n"));
  g_assert_nonnull (strstr (text, PRIVATE_ACTION));
  g_assert_nonnull (strstr (text, "Write the design doc"));

  g_assert_true (adw_dialog_close (dialog));
  ui_wait_for (no_dialog_cb, window, "the dialog to close");
  ui_window_free (window, app);
}

static gboolean
alert_shown_cb (gpointer data)
{
  return ADW_IS_ALERT_DIALOG (ui_visible_dialog (data));
}

typedef struct
{
  GFile      *file;
  const char *prefix;
} FileHas;

static gboolean
file_starts_cb (gpointer data)
{
  FileHas *has = data;
  g_autofree char *contents = NULL;

  if (!g_file_load_contents (has->file, NULL, &contents, NULL, NULL, NULL))
    return FALSE;

  return g_str_has_prefix (contents, has->prefix);
}

/* Save… writes the format chosen and closes; a file that cannot be
 * written leaves the dialog open with an alert that says why. */
static void
test_review_dialog_save (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-review-XXXXXX", &error);
  g_autofree char *csv_path = g_build_filename (dir, "review.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "review.pdf", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "missing", "review.md", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad_path);
  AdwDialog *dialog;
  AdwDialog *alert;
  FileHas has;

  g_assert_no_error (error);
  show_profile (window);

  dialog = ADW_DIALOG (ladder_review_dialog_new (_ladder_window_get_profile (window)));
  adw_dialog_present (dialog, GTK_WIDGET (window));
  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_find (GTK_WIDGET (dialog), "format_row", ADW_TYPE_COMBO_ROW)),
                              LADDER_REVIEW_DOCUMENT_CSV);
  ladder_review_dialog_save_to (LADDER_REVIEW_DIALOG (dialog), csv_file);
  ui_wait_for (no_dialog_cb, window, "the dialog to close");
  has.file = csv_file;
  has.prefix = "Date,Title,Behaviours,Tags,Links,Description\r\n";
  g_assert_true (file_starts_cb (&has));

  dialog = ADW_DIALOG (ladder_review_dialog_new (_ladder_window_get_profile (window)));
  adw_dialog_present (dialog, GTK_WIDGET (window));
  adw_combo_row_set_selected (ADW_COMBO_ROW (ui_find (GTK_WIDGET (dialog), "format_row", ADW_TYPE_COMBO_ROW)),
                              LADDER_REVIEW_DOCUMENT_PDF);
  ladder_review_dialog_save_to (LADDER_REVIEW_DIALOG (dialog), pdf_file);
  ui_wait_for (no_dialog_cb, window, "the dialog to close");
  has.file = pdf_file;
  has.prefix = "%PDF-";
  g_assert_true (file_starts_cb (&has));

  dialog = ADW_DIALOG (ladder_review_dialog_new (_ladder_window_get_profile (window)));
  adw_dialog_present (dialog, GTK_WIDGET (window));
  ladder_review_dialog_save_to (LADDER_REVIEW_DIALOG (dialog), bad_file);
  ui_wait_for (alert_shown_cb, window, "the alert");
  alert = ui_visible_dialog (window);
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (alert)), "review.md"));
  adw_dialog_close (alert);
  adw_dialog_close (dialog);
  ui_wait_for (no_dialog_cb, window, "the dialogs to close");

  g_unlink (csv_path);
  g_unlink (pdf_path);
  g_rmdir (dir);
  ui_window_free (window, app);
}

/* After a promotion to a level nobody rated yet, Write a Review and
 * Export PDF start from the level where the ratings are and say why;
 * once the new level has a rating, from it, saying nothing more. */
static void
test_review_dialog_after_promotion (void)
{
  g_autoptr(LadderApplication) app = NULL;
  LadderWindow *window = ui_window_new (&app);
  LadderProfile *profile = show_profile (window);
  g_autoptr(LadderPromotion) promotion = NULL;
  g_autoptr(GDate) last_month = ui_today_plus (-30);
  AdwComboRow *level_row;
  AdwSwitchRow *levels_row;
  AdwDialog *dialog;

  ladder_profile_rate (profile, "b1", LADDER_RATER_SELF, LADDER_RATING_CONSISTENTLY);
  ladder_profile_rate (profile, "b2", LADDER_RATER_MANAGER, LADDER_RATING_SOMETIMES);
  promotion = ladder_promotion_new (NULL, last_month, "1", "2");
  ladder_profile_add_promotion (profile, promotion);
  ladder_profile_set_current_level (profile, "2");

  dialog = ADW_DIALOG (ladder_review_dialog_new (profile));
  adw_dialog_present (dialog, GTK_WIDGET (window));
  level_row = ADW_COMBO_ROW (ui_find (GTK_WIDGET (dialog), "level_row", ADW_TYPE_COMBO_ROW));
  g_assert_cmpuint (adw_combo_row_get_selected (level_row), ==, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (level_row)), ==,
                   "Where the ratings are: nothing of Level 2 is rated yet");
  /* Level 2 chosen by hand: nothing to explain. */
  adw_combo_row_set_selected (level_row, 1);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (level_row)), ==, "");
  adw_dialog_close (dialog);
  ui_wait_for (no_dialog_cb, window, "the dialog to close");

  dialog = ADW_DIALOG (ladder_export_dialog_new (profile));
  adw_dialog_present (dialog, GTK_WIDGET (window));
  levels_row = ADW_SWITCH_ROW (ui_find (GTK_WIDGET (dialog), "levels_row", ADW_TYPE_SWITCH_ROW));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (levels_row)), ==,
                   "Level 1, where the ratings are: nothing of Level 2 is rated yet");
  adw_dialog_close (dialog);
  ui_wait_for (no_dialog_cb, window, "the dialog to close");

  /* The new level rated: it is the default. */
  ladder_profile_rate (profile, "b3", LADDER_RATER_SELF, LADDER_RATING_NOT_YET);
  dialog = ADW_DIALOG (ladder_review_dialog_new (profile));
  adw_dialog_present (dialog, GTK_WIDGET (window));
  level_row = ADW_COMBO_ROW (ui_find (GTK_WIDGET (dialog), "level_row", ADW_TYPE_COMBO_ROW));
  g_assert_cmpuint (adw_combo_row_get_selected (level_row), ==, 1);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (level_row)), ==, "");
  adw_dialog_close (dialog);
  ui_wait_for (no_dialog_cb, window, "the dialog to close");

  dialog = ADW_DIALOG (ladder_export_dialog_new (profile));
  adw_dialog_present (dialog, GTK_WIDGET (window));
  levels_row = ADW_SWITCH_ROW (ui_find (GTK_WIDGET (dialog), "levels_row", ADW_TYPE_SWITCH_ROW));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (levels_row)), ==,
                   "In the table of behaviours shown by level");
  adw_dialog_close (dialog);
  ui_wait_for (no_dialog_cb, window, "the dialog to close");

  ui_window_free (window, app);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/review-dialog/keys", test_review_dialog_keys);
  g_test_add_func ("/review-dialog/save", test_review_dialog_save);
  g_test_add_func ("/review-dialog/after-promotion", test_review_dialog_after_promotion);

  return g_test_run ();
}
