/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-time"

#include "config.h"

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
