/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_AGENDA_GROUP (ladder_agenda_group_get_type ())
G_DECLARE_FINAL_TYPE (LadderAgendaGroup, ladder_agenda_group, LADDER, AGENDA_GROUP, GtkWidget)

void ladder_agenda_group_set_profile (LadderAgendaGroup *self,
                                      LadderProfile     *profile);

G_END_DECLS
