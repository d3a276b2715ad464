/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"
#include "ladder-time-private.h"

G_BEGIN_DECLS

/* Small helpers the widgets share; not a GObject, so no file of its own
 * per type. */

/* "Level 3", or the level's id when it has no name. */
const char *_ladder_level_display_name   (LadderFramework *framework,
                                          const char      *level_id);
/* "Level 3 · B" (with the sub-level where the framework has them). */
char       *_ladder_profile_describe_level (LadderProfile *profile);
/* What LadderAvatar makes initials of: the first and last word's first
 * character, whatever it is. Names are the user's text and may start with
 * a bracket, a quote, an emoji or something that looks like markup
 * ("<b>Nina</b>" gave "<N"): each word is taken from its first letter or
 * digit, after a leading "<tag>", and a word with none is left out. */
char       *_ladder_avatar_text          (const char      *name);
/* The rater whose ratings this copy edits, and the other one. */
LadderRater _ladder_profile_other_rater  (LadderProfile   *profile);
/* Text for a person from a strv: "a, b, c". */
char       *_ladder_join_strv            (const char * const *strv,
                                          const char         *separator);
/* The levels in the order a person works through them from @current:
 * @current first, then the levels above it, then those below. Returns the
 * sort key of @level_id (0 for @current). */
int         _ladder_level_sort_key       (LadderFramework *framework,
                                          const char      *current,
                                          const char      *level_id);
/* @text as one run: each line break, with the spaces around it, made one
 * space. For a label that shows the start of a text in a few lines: such a
 * label ellipsizes each paragraph on its own and shows them all. */
char       *_ladder_join_lines           (const char         *text);
/* Scrolls @scrolled to its top now and once more after the next frame's
 * layout. A list view scrolls its focused first row into view, which
 * hides a section header above it; the second scroll undoes that once the
 * focus has moved into the list. */
void        _ladder_scroll_to_top        (GtkScrolledWindow  *scrolled);
/* Whether the level chosen in @target_row is below the one of
 * @current_row; FALSE while either has none. */
gboolean    _ladder_target_below_current (AdwComboRow        *current_row,
                                          AdwComboRow        *target_row);
/* After the current level changed: a target left below it or at it moves
 * up to the next level (or the current one, at the top), as a person going
 * up a ladder means. */
void        _ladder_raise_target         (AdwComboRow        *current_row,
                                          AdwComboRow        *target_row);
/* Makes the keyboard start on @row's checked item each time its list
 * pops up; the combo row itself leaves it on the first item until a key
 * has moved it. */
void        _ladder_combo_row_focus_checked (AdwComboRow     *row);
/* Why a comparison of the two raters shows no differences, from how many
 * behaviours each side and both have rated: "agree" only when both rated
 * some of the same ones, else who has not rated yet. Any of the out
 * arguments may be NULL; the strings are translated and static. */
void        _ladder_describe_no_gaps     (guint               n_self,
                                          guint               n_manager,
                                          guint               n_both,
                                          const char        **icon_name,
                                          const char        **title,
                                          const char        **description,
                                          const char        **line);

/* Keeps the text of @buffer laid out in short runs as it is set, typed or
 * pasted (see ladder-text-private.h), without changing the text itself, so
 * that a text view of any text lays out in bounded time. Call it once. */
void        _ladder_text_buffer_keep_runs_short (GtkTextBuffer *buffer);

/* Shows @toast's title whole, on as many lines as it needs. */
void        _ladder_toast_wrap_title     (AdwToast           *toast);
/* Keeps the focused widget in view above @toast, about to show in
 * @overlay: its list gets room at the end and scrolls. */
void        _ladder_toast_keep_focus_visible (AdwToastOverlay *overlay,
                                              AdwToast        *toast);
/* Makes @toast, about to be shown with an Undo button, the one that
 * win.undo (Ctrl+Z) triggers, until it is dismissed or @widget (the
 * widget that offers it, in the window it shows in) goes. */
void        _ladder_offer_undo           (GtkWidget          *widget,
                                          AdwToast           *toast);
/* The same, but Ctrl+Z still undoes it after the toast has gone, until
 * another undo is offered in the window: what the undo needs is kept
 * until @toast is finalized, not until it is dismissed. */
void        _ladder_offer_lasting_undo   (GtkWidget          *widget,
                                          AdwToast           *toast);
/* Presses the Undo of the toast _ladder_offer_undo() last made the one,
 * in @window; FALSE when there is none, or its widget has gone. */
gboolean    _ladder_undo_latest          (GtkWidget          *window);
/* Lets Ctrl+Z pressed in @widget (the window, or a dialog, which a key
 * pressed in it does not leave) reach the latest undo, from a text field
 * too when the field has not been edited since that undo was offered. */
void        _ladder_undo_add_keys        (GtkWidget          *widget);

/* Where a toast shows in a window: the window picks one of its toast
 * overlays at the time the toast is added. */
typedef AdwToastOverlay *(*LadderToastOverlayFunc) (GtkWidget *window);
/* Makes @func say where _ladder_add_toast() shows toasts in @window. */
void        _ladder_set_toast_overlay_func (GtkWidget              *window,
                                            LadderToastOverlayFunc  func);
/* Shows @toast (taking it) in @widget's window, with its title whole:
 * over the overlay the window's LadderToastOverlayFunc picks, else the
 * nearest AdwToastOverlay above @widget; dropped when there is none. So
 * that a widget or a dialog shows a toast without knowing the window. */
void        _ladder_add_toast            (GtkWidget          *widget,
                                          AdwToast           *toast);

/* An error's sentence, shown whole in an alert over @parent's window (a
 * toast's one line would cut it), with the heading saying what failed. */
void        _ladder_show_error           (GtkWidget          *parent,
                                          const char         *heading,
                                          const char         *message);

/* The arrow keys of @calendar move the selected day itself (Up and Down
 * by a week, Page Up and Page Down by a month), so that the keyboard
 * starts from the day shown as chosen; Enter or Space chooses it, which
 * emits GtkCalendar::day-selected once more. While an arrow key moves
 * the day, _ladder_calendar_is_moving() is TRUE, so that a
 * ::day-selected handler can tell a move from a choice. */
void        _ladder_calendar_add_keys    (GtkCalendar        *calendar);
gboolean    _ladder_calendar_is_moving   (GtkCalendar        *calendar);
/* Shows @date (or today for an invalid or NULL one) in @calendar as a
 * move, not a choice. */
void        _ladder_calendar_show_date   (GtkCalendar        *calendar,
                                          const GDate        *date);

/* The folder a file chooser starts in: the last one a file was chosen
 * in for the same kind of job, kept in the setting @key
 * ("last-export-folder" or "last-import-folder"). Returns FALSE, and
 * leaves @dialog's start alone, when there is none or it is gone. */
gboolean    _ladder_file_dialog_start_in_last_folder (GtkFileDialog *dialog,
                                                      const char    *key);
/* Keeps the folder of @file, just chosen, in the setting @key. */
/* An export's chooser: the folder last exported to, else the Documents
 * folder, else the home folder; never the process's working folder. */
void        _ladder_file_dialog_start_in_export_folder (GtkFileDialog *dialog);
void        _ladder_file_dialog_remember_folder (GFile           *file,
                                                 const char      *key);

/* Keeps the row the focus is in wholly in view when the keyboard moves
 * the focus in a scrolled list of @window: a scrolled window brings only
 * the focused widget into view, which may be a row's button. */
void        _ladder_keep_focus_row_visible (GtkWindow          *window);

/* Makes @group a radio group's one focus stop: Left and Right (mirrored
 * in a right-to-left locale), Home and End move the choice, and the ends
 * stop the arrows. */
void        _ladder_toggle_group_add_keys (AdwToggleGroup    *group);

/* For g_settings_bind_with_mapping(): an enum setting, by its nicks
 * (a NULL-terminated array, the user data), as the index of its value. */
gboolean    _ladder_nick_to_index        (GValue             *value,
                                          GVariant           *variant,
                                          gpointer            user_data);
GVariant   *_ladder_index_to_nick        (const GValue       *value,
                                          const GVariantType *expected_type,
                                          gpointer            user_data);

G_END_DECLS
