/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ladder-profile.h"

G_BEGIN_DECLS

/**
 * LadderReminderKind:
 * @LADDER_REMINDER_CHECKIN: a manager's 1:1 with a report is due by the
 *   profile's cadence
 * @LADDER_REMINDER_LOG_WIN: an engineer's weekly nudge to log a win
 *
 * What a reminder is about.
 */
typedef enum
{
  LADDER_REMINDER_CHECKIN,
  LADDER_REMINDER_LOG_WIN,
} LadderReminderKind;

/**
 * LadderReminder:
 * @kind: what it is about
 * @profile_id: the id of the profile it is for
 * @due: the day it is due
 * @key: names the reminder of this profile and this due day, the same
 *   every time it is computed until the next due day: what is
 *   remembered once it was sent, so that it is sent once
 * @title: a line for a person, translated
 * @body: a second line, translated
 *
 * One reminder to send: who it is for, on which due day, and what it
 * says.
 */
typedef struct
{
  LadderReminderKind  kind;
  char               *profile_id;
  GDate               due;
  char               *key;
  char               *title;
  char               *body;
} LadderReminder;

#define LADDER_TYPE_REMINDER (ladder_reminder_get_type ())

GType           ladder_reminder_get_type        (void) G_GNUC_CONST;
LadderReminder *ladder_reminder_new_for_checkin (LadderProfile        *profile,
                                                 const GDate          *today);
LadderReminder *ladder_reminder_new_for_log_win (LadderProfile        *profile,
                                                 const GDate          *today);
LadderReminder *ladder_reminder_copy            (const LadderReminder *reminder);
void            ladder_reminder_free            (LadderReminder       *reminder);

GPtrArray      *ladder_reminder_list_due        (GListModel           *profiles,
                                                 const GDate          *today);
GPtrArray      *ladder_reminder_take_unsent     (GPtrArray            *due,
                                                 const char * const   *sent,
                                                 char               ***remembered);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderReminder, ladder_reminder_free)

G_END_DECLS
