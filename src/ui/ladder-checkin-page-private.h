/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the files of LadderCheckinPage share, and nothing else sees:
 *
 *   ladder-checkin-page.c          the page: what changed, the agenda, the
 *                                  evidence, the gaps, the notes, adding
 *                                  an action, finishing the check-in
 *   ladder-checkin-page-actions.c  an action's row: done, owner, due date,
 *                                  privacy, removing it
 */

#pragma once

#include <adwaita.h>

#include "ladder-checkin-page.h"
#include "ladder-focus-group.h"

G_BEGIN_DECLS

struct _LadderCheckinPage
{
  AdwNavigationPage     parent_instance;

  LadderProfile        *profile;
  LadderCheckin        *checkin;
  LadderReview         *review;
  gboolean              editable;
  gboolean              narrow;  /* an action's owner and due date behind a menu */
  GDate                *due;

  GtkWidget            *finish_button;
  GtkWidget            *discard_button;
  AdwBanner            *save_banner;
  GtkScrolledWindow    *scrolled;
  AdwPreferencesGroup  *agenda_group;
  LadderFocusGroup     *focus_group;
  AdwPreferencesGroup  *changes_group;
  AdwPreferencesGroup  *evidence_group;
  AdwPreferencesGroup  *done_group;
  AdwPreferencesGroup  *open_group;
  AdwPreferencesGroup  *gaps_group;
  AdwPreferencesGroup  *notes_group;
  GtkToggleButton      *notes_private_button;
  GtkWidget            *actions_box;
  AdwPreferencesGroup  *actions_group;
  AdwPreferencesGroup  *new_action_group;
  GtkTextView          *notes_view;
  AdwEntryRow          *action_entry;
  AdwToggleGroup       *owner_group;
  GtkMenuButton        *due_button;
  GtkPopover           *due_popover;
  GtkCalendar          *due_calendar;
};

const char   *_ladder_checkin_page_rater_label          (LadderCheckinPage *self,
                                                         LadderRater        rater);
AdwActionRow *_ladder_checkin_page_text_row             (const char        *title,
                                                         const char        *subtitle);
GtkWidget    *_ladder_checkin_page_action_row           (LadderCheckinPage *self,
                                                         LadderAction      *action,
                                                         gboolean           removable,
                                                         gboolean           checkable);
GtkWidget    *_ladder_checkin_page_create_action_row_cb (gpointer           item,
                                                         gpointer           user_data);
void          _ladder_checkin_page_private_toggled_cb   (GtkToggleButton   *toggle);
void          _ladder_checkin_page_add_placeholder      (AdwPreferencesGroup *group,
                                                         const char        *text);
void          _ladder_checkin_page_fill_agenda          (LadderCheckinPage *self);

G_END_DECLS
