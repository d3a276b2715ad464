/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ladder-core.h"
#include "ladder-window.h"

G_BEGIN_DECLS

/* For the UI tests and the screenshot hooks: what the window shows. */
LadderLibrary *_ladder_window_get_library        (LadderWindow *self);
gboolean       _ladder_window_is_loaded          (LadderWindow *self);
LadderProfile *_ladder_window_get_profile        (LadderWindow *self);
/* "loading", "welcome", "profile", "framework" or "error". */
const char    *_ladder_window_get_view           (LadderWindow *self);
/* TRUE while a change waits to be written or is being written. */
gboolean       _ladder_window_has_pending_save   (LadderWindow *self);
GtkWidget     *_ladder_window_get_evidence_page  (LadderWindow *self);
GtkWidget     *_ladder_window_get_framework_view (LadderWindow *self);
AdwBanner     *_ladder_window_get_save_banner    (LadderWindow *self);
AdwBanner     *_ladder_window_get_read_only_banner (LadderWindow *self);
/* The dialog a close asked when something could not be saved, while it
 * is shown. */
AdwDialog     *_ladder_window_get_close_dialog   (LadderWindow *self);
/* Why a logout is held back (something could not be saved), or NULL. */
const char    *_ladder_window_get_inhibit_reason (LadderWindow *self);
/* Shows an error's sentence whole, in an alert dialog under @heading. */
void           _ladder_window_show_error         (LadderWindow *self,
                                                  const char   *heading,
                                                  const char   *message);
/* What a dropped or chosen file goes through: a profile opens, anything
 * else is imported as a framework through the preview dialog. */
void           _ladder_window_open_file          (LadderWindow *self,
                                                  GFile        *file);
/* Shows @toast in the window's toast overlay. */
void           _ladder_window_add_toast          (LadderWindow *self,
                                                  AdwToast     *toast);
/* Shows a profile, a framework or a load error of the library. */
void           _ladder_window_select             (LadderWindow *self,
                                                  GObject      *item);

/* Copies of a profile (ladder-window-copies.c): opening a copy the
 * library has offers a merge; "Share a Copy…" writes one. */
void           _ladder_window_offer_merge        (LadderWindow  *self,
                                                  LadderProfile *ours,
                                                  LadderProfile *theirs);
void           _ladder_window_share_copy         (LadderWindow  *self);
void           _ladder_window_write_copy         (LadderWindow  *self,
                                                  LadderProfile *profile,
                                                  GFile         *file);

/* Frameworks (ladder-window-frameworks.c): rename and delete an
 * imported one, hide a bundled one. */
GListModel      *_ladder_window_shown_frameworks         (LadderLibrary  *library,
                                                          GSettings      *settings);
void             _ladder_window_update_framework_actions (LadderWindow   *self);
void             _ladder_window_class_add_framework_actions (GtkWidgetClass *widget_class);
/* The framework shown, or NULL. */
LadderFramework *_ladder_window_get_shown_framework      (LadderWindow   *self);
GSettings       *_ladder_window_get_settings             (LadderWindow   *self);
/* The last profile shown, else the first, else the welcome. */
void             _ladder_window_show_first_thing         (LadderWindow   *self);

G_END_DECLS
