/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ladder-checkins-page.h"
#include "ladder-core.h"
#include "ladder-evidence-page.h"
#include "ladder-framework-view.h"
#include "ladder-progress-page.h"
#include "ladder-summary-page.h"
#include "ladder-team-view.h"
#include "ladder-window.h"

G_BEGIN_DECLS

/* The window spans several files, one job each: ladder-window.c (what is
 * shown, the sidebar, loading, saving, closing), ladder-window-actions.c
 * (its win. actions), -frameworks.c and -copies.c. They share this. */
struct _LadderWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  LadderLibrary        *library;
  GCancellable         *cancellable;
  GtkSingleSelection   *sidebar_selection;
  GObject              *shown_item;       /* the sidebar's item on show */
  gboolean              selecting;        /* the window moves the selection */
  gboolean              sidebar_clicked;  /* a press in the sidebar, not Tab */
  gboolean              sidebar_from_top; /* ladder-window-sidebar.c */
  gboolean              loaded;
  /* The first frame that shows what the load listed is drawn: the
   * evidence of the profile shown may be read now. */
  gboolean              listed;
  gboolean              demo_requested;
  gboolean              narrow;
  gboolean              roomy;            /* wide enough to name the profile */
  GHashTable           *deleted_profiles;  /* id → LadderProfile, for undo */
  GHashTable           *deleted_evidence;  /* id → LadderEvidence, for undo */

  LadderProfile        *profile;          /* shown */
  LadderAutosave       *autosave;         /* writes the profiles and drafts */
  gboolean              close_when_saved; /* a close waits for the write */
  AdwDialog            *close_dialog;     /* weak: asks before losing changes */
  char                 *inhibit_reason;   /* set while a logout is held back */
  guint                 inhibit_cookie;
  GApplication         *save_hold;        /* held while a write runs */
  AdwToast             *merged_toast;     /* weak: the one on screen */
  GPtrArray            *pending_files;    /* given before the library loaded */
  gboolean              log_win_requested; /* likewise, Log a Win */
  char                 *pending_prepare;  /* likewise, a reminder's Prepare 1:1 */
  char                 *pending_result;   /* likewise, the desktop's search */
  char                 *pending_search;

  AdwToastOverlay      *toast_overlay;
  AdwToastOverlay      *content_toast_overlay;
  AdwNavigationSplitView *split_view;
  GtkMenuButton        *main_menu_button;
  GtkStack             *sidebar_stack;
  GtkListView          *sidebar_list;
  AdwNavigationPage    *content_page;
  AdwNavigationView    *content_nav;
  AdwNavigationPage    *main_page;
  GtkStack             *title_stack;
  AdwWindowTitle       *window_title;
  GtkWidget            *profile_heading;
  GtkLabel             *profile_name_label;
  GtkLabel             *profile_role_label;
  GtkWidget            *new_evidence_button;
  GtkWidget            *search_button;
  AdwBanner            *save_banner;
  AdwBanner            *read_only_banner;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  /* The pages, made after the first frame (ladder-window-pages.c):
   * NULL until _ladder_window_ensure_pages(); the Team view may come
   * before the others (_ladder_window_ensure_team_view()). */
  LadderProgressPage   *progress_page;
  LadderEvidencePage   *evidence_page;
  LadderCheckinsPage   *checkins_page;
  LadderSummaryPage    *summary_page;
  LadderFrameworkView  *framework_view;
  LadderTeamView       *team_view;
  GListStore           *team_entry;       /* the sidebar's Team row, or none */
  AdwStatusPage        *error_page;
  GtkLabel             *error_details;
  AdwViewSwitcherBar   *switcher_bar;
};


/* For the UI tests and the screenshot hooks: what the window shows. */
LadderLibrary *_ladder_window_get_library        (LadderWindow *self);
gboolean       _ladder_window_is_loaded          (LadderWindow *self);
LadderProfile *_ladder_window_get_profile        (LadderWindow *self);
/* "loading", "welcome", "profile", "team", "framework" or "error". */
const char    *_ladder_window_get_view           (LadderWindow *self);
/* TRUE while a change waits to be written or is being written. */
gboolean       _ladder_window_has_pending_save   (LadderWindow *self);
GtkWidget     *_ladder_window_get_evidence_page  (LadderWindow *self);
GtkWidget     *_ladder_window_get_framework_view (LadderWindow *self);
GtkWidget     *_ladder_window_get_team_view      (LadderWindow *self);
/* Shows @view of the main stack under @title and @subtitle. */
void           _ladder_window_set_view           (LadderWindow *self,
                                                  const char   *view,
                                                  const char   *title,
                                                  const char   *subtitle);
/* Shows the Team view, as its row in the sidebar does. */
void           _ladder_window_show_team          (LadderWindow *self);
/* Whether @item is the sidebar's Team row. */
gboolean       _ladder_window_is_team_entry      (gpointer      item);
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
/* ladder-window-saving.c: the banner of what is unsaved, and closing. */
void           _ladder_window_update_unsaved     (LadderWindow *self);
void           _ladder_window_ask_before_closing (LadderWindow *self);
void           _ladder_window_saving_changed_cb  (LadderWindow *self);
void           _ladder_window_profile_changed_cb (LadderWindow  *self,
                                                  LadderProfile *profile);
void           _ladder_window_add_toast          (LadderWindow *self,
                                                  AdwToast     *toast);
/* Shows a profile, a framework or a load error of the library. */
void           _ladder_window_select             (LadderWindow *self,
                                                  GObject      *item);

/* Copies of a profile (ladder-window-copies.c): opening a copy the
 * library has offers a merge, one that it lacks offers the other side's
 * copy of it (the manager's of an engineer's, the engineer's own of a
 * manager's); "Share a Copy…" writes one. */
void           _ladder_window_offer_merge        (LadderWindow  *self,
                                                  LadderProfile *ours,
                                                  LadderProfile *theirs);
void           _ladder_window_offer_other_side_copy (LadderWindow  *self,
                                                     LadderProfile *profile);
void           _ladder_window_add_opened_profile (LadderWindow  *self,
                                                  LadderProfile *profile);
void           _ladder_window_share_copy         (LadderWindow  *self);
void           _ladder_window_write_copy         (LadderWindow  *self,
                                                  LadderProfile *profile,
                                                  GFile         *file);

/* What the application hands the window (ladder-window-open.c): files
 * given to `ladder FILE` or Files, Log a Win and a reminder's Prepare
 * 1:1; all wait for the library, and _ladder_window_open_pending()
 * does them once it loaded. */
void           _ladder_window_open_files         (LadderWindow  *self,
                                                  GFile        **files,
                                                  int            n_files);
void           _ladder_window_log_win            (LadderWindow  *self);
void           _ladder_window_prepare_for        (LadderWindow  *self,
                                                  const char    *profile_id);
void           _ladder_window_open_pending       (LadderWindow  *self);

/* What the desktop's search hands the window (ladder-window-search.c):
 * a result to show and a search to go on with; both wait for the library
 * too, and _ladder_window_open_pending() does them. */
void           _ladder_window_show_search_result (LadderWindow  *self,
                                                  const char    *result_id);
void           _ladder_window_search_evidence    (LadderWindow  *self,
                                                  const char    *text);
void           _ladder_window_open_pending_search (LadderWindow *self);

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

/* The pages (ladder-window-pages.c): a profile's views, the Team view
 * and the framework view, made once, after the first frame or when one
 * is needed sooner. */
void             _ladder_window_ensure_pages             (LadderWindow   *self);
/* The Team view alone, which the first frame may show (see
 * _ladder_window_preview_team()). */
void             _ladder_window_ensure_team_view         (LadderWindow   *self);
void             _ladder_window_sidebar_init             (LadderWindow   *self);
void             _ladder_window_size_first_screen        (LadderWindow   *self);
void             _ladder_window_sidebar_scroll_to        (LadderWindow   *self,
                                                          guint           position);
void             _ladder_window_sidebar_keep_top         (LadderWindow   *self);
/* Narrow, the content slid over the sidebar, or the sidebar shown. */
void             _ladder_window_show_content             (LadderWindow   *self,
                                                          gboolean        show_content);
/* A manager who left the Team view open sees the team in the first
 * frame, from the library's heads, while the library loads. */
void             _ladder_window_preview_team             (LadderWindow   *self);
void             _ladder_window_team_people_changed_cb   (LadderWindow   *self);

/* Shared by the window's files (ladder-window.c, -actions.c). */
void             _ladder_window_class_add_actions        (GtkWidgetClass *widget_class);
void             _ladder_window_show_welcome             (LadderWindow   *self);
void             _ladder_window_load_demo                (LadderWindow   *self);

#ifdef DEVELOPMENT_PROFILE
/* ladder-window-screenshots.c, built in the development profile only:
 * puts the window in the state LADDER_SCREENSHOT_VIEW names. */
void             _ladder_window_apply_screenshot_hook    (LadderWindow   *self);
#endif

G_END_DECLS
