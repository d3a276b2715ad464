/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ladder-application.h"

G_BEGIN_DECLS

#define LADDER_TYPE_REMINDERS (ladder_reminders_get_type ())
G_DECLARE_FINAL_TYPE (LadderReminders, ladder_reminders, LADDER, REMINDERS, GObject)

/* The 1:1 reminders and the weekly nudge to log a win, as the settings
 * "remind-checkins" and "remind-log-win" turn them on. Property
 * "background-message" (string, nullable): why Ladder cannot run in
 * the background to send them, for the preferences to say. */
LadderReminders *ladder_reminders_new                    (LadderApplication *application,
                                                          GSettings         *settings);
void             ladder_reminders_check                  (LadderReminders   *self);
const char      *ladder_reminders_get_background_message (LadderReminders   *self);
void             ladder_reminders_let_go                 (LadderReminders   *self);

G_END_DECLS
