/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *_ladder_date_time_new_now_local (void);
GDate     *_ladder_date_new_today          (void);

/* How a day is written. Every style but the last is for a person, in the
 * words of the user's language; ISO 8601 is what the files hold, and
 * reads the same in every language. */
typedef enum
{
  /* "9 Nov 2026": a date within a sentence or a line of text. */
  LADDER_DATE_SHORT,
  /* " 9 Nov 2026": a one-digit day padded with a figure space, so that
   * the dates of a list line up in a column. */
  LADDER_DATE_COLUMN,
  /* "9 November 2026": a date that stands on its own, as in a title. */
  LADDER_DATE_LONG,
  /* "9 Nov": under a chart whose axis gives the year elsewhere. */
  LADDER_DATE_NO_YEAR,
  /* "November 2026": a heading over the days of a month. */
  LADDER_DATE_MONTH,
  /* "2026-11-09". */
  LADDER_DATE_ISO8601,
} LadderDateStyle;

char      *_ladder_date_format             (const GDate     *date,
                                            LadderDateStyle  style,
                                            const char      *undated);

G_END_DECLS
