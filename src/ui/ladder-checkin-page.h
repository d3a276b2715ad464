/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_CHECKIN_PAGE (ladder_checkin_page_get_type ())
G_DECLARE_FINAL_TYPE (LadderCheckinPage, ladder_checkin_page, LADDER, CHECKIN_PAGE, AdwNavigationPage)

AdwNavigationPage *ladder_checkin_page_new          (LadderProfile     *profile,
                                                     LadderCheckin     *checkin,
                                                     gboolean           editable);
LadderCheckin     *ladder_checkin_page_get_checkin  (LadderCheckinPage *self);
gboolean           ladder_checkin_page_get_editable (LadderCheckinPage *self);
void               ladder_checkin_page_focus_notes  (LadderCheckinPage *self);
void               ladder_checkin_page_set_save_error (LadderCheckinPage *self,
                                                       const char        *message);
void               ladder_checkin_page_keep_typed_action (LadderCheckinPage *self);

G_END_DECLS
