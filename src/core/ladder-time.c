/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-time"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-time-private.h"

/* Every new evidence entry and check-in is dated today. With TZ unset,
 * g_date_time_new_now_local() looks at /etc/localtime again on each call
 * (a stat and a readlink): 20,000 entries loaded from a file paid ≈ 170 ms
 * for it. The local zone is looked up once per process instead; a zone
 * changed while Ladder runs is seen on its next start. */
static GTimeZone *
get_local_time_zone (void)
{
  static GTimeZone *local;

  if (g_once_init_enter_pointer (&local))
    g_once_init_leave_pointer (&local, g_time_zone_new_local ());

  return local;
}

GDateTime *
_ladder_date_time_new_now_local (void)
{
  return g_date_time_new_now (get_local_time_zone ());
}

GDate *
_ladder_date_new_today (void)
{
  g_autoptr(GDateTime) now = _ladder_date_time_new_now_local ();

  return g_date_new_dmy (g_date_time_get_day_of_month (now),
                         g_date_time_get_month (now),
                         g_date_time_get_year (now));
}

/**
 * _ladder_date_format:
 * @date: (nullable): a day
 * @style: how to write it
 * @undated: (nullable): what to return when @date is %NULL or not a
 *   valid day: words for a person ("No date"), "" or %NULL
 *
 * Writes @date in @style.
 *
 * Returns: (transfer full) (nullable): the date as text, or a copy of
 *   @undated
 */
char *
_ladder_date_format (const GDate     *date,
                     LadderDateStyle  style,
                     const char      *undated)
{
  g_autoptr(GDateTime) time = NULL;
  const char *format = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup (undated);

  /* Numbers only, so the locale plays no part; the year always in four
   * digits (strftime's %Y writes the year 775 as "775", which no reader
   * takes back). */
  if (style == LADDER_DATE_ISO8601)
    return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                            (guint) g_date_get_month (date), (guint) g_date_get_day (date));

  /* A day has no time zone: noon UTC shows the same day in any of them,
   * and spares a look-up of the local zone for each of the many dates a
   * list or a report writes. GDateTime ends at the year 9999, where GDate
   * does not. */
  time = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 12, 0, 0);
  if (time == NULL)
    return g_strdup (undated);

  switch (style)
    {
    case LADDER_DATE_SHORT:
      /* Translators: a short date, in the form of g_date_time_format(),
       * as in "4 Mar 2026" */
      format = _("%-d %b %Y");
      break;

    case LADDER_DATE_COLUMN:
      /* Translators: a date in a list, in the form of g_date_time_format(),
       * as in " 4 Mar 2026": %e pads a one-digit day with a figure space,
       * so that the dates of a list line up */
      format = _("%e %b %Y");
      break;

    case LADDER_DATE_LONG:
      /* Translators: a date in full, in the form of g_date_time_format(),
       * as in "4 March 2026" */
      format = _("%-d %B %Y");
      break;

    case LADDER_DATE_NO_YEAR:
      /* Translators: a date without its year, in the form of
       * g_date_time_format(), as in "4 Mar" */
      format = _("%-d %b");
      break;

    case LADDER_DATE_MONTH:
      /* Translators: a month heading, in the form of g_date_time_format(),
       * as in "March 2026" */
      format = _("%B %Y");
      break;

    case LADDER_DATE_ISO8601:
    default:
      g_assert_not_reached ();
    }

  return g_date_time_format (time, format);
}
