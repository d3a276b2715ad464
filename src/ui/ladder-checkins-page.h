/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_CHECKINS_PAGE (ladder_checkins_page_get_type ())
G_DECLARE_FINAL_TYPE (LadderCheckinsPage, ladder_checkins_page, LADDER, CHECKINS_PAGE, GtkWidget)

void          ladder_checkins_page_set_autosave         (LadderCheckinsPage *self,
                                                         LadderAutosave     *autosave);
void          ladder_checkins_page_set_profile          (LadderCheckinsPage *self,
                                                         LadderProfile      *profile);
void          ladder_checkins_page_start                (LadderCheckinsPage *self);
void          ladder_checkins_page_prepare              (LadderCheckinsPage *self);
void          ladder_checkins_page_open                 (LadderCheckinsPage *self,
                                                         LadderCheckin      *checkin);
GListModel   *ladder_checkins_page_get_shown            (LadderCheckinsPage *self);
gboolean      ladder_checkins_page_save_draft           (LadderCheckinsPage *self,
                                                         GError            **error);
const GError *ladder_checkins_page_get_draft_error      (LadderCheckinsPage *self);
void          ladder_checkins_page_forget_unsaved_draft (LadderCheckinsPage *self);
GtkWidget    *ladder_checkins_page_get_draft_page       (LadderCheckinsPage *self);

G_END_DECLS
