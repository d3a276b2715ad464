/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Who is due a reminder today and what it says: a manager's 1:1 with a
 * report on the day the profile's cadence makes it due, and an
 * engineer's weekly nudge to log a win. The app sends them; what it
 * decides is here, without a display, so that it can be tested on fixed
 * days. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-profile-private.h"
#include "ladder-reminder.h"
#include "ladder-review.h"
#include "ladder-team.h"
#include "ladder-time-private.h"

/* The day of the week the nudge to log a win comes: the end of the
 * working week, while the week's work is still remembered. */
#define LOG_WIN_WEEKDAY G_DATE_FRIDAY

G_DEFINE_BOXED_TYPE (LadderReminder, ladder_reminder,
                     ladder_reminder_copy, ladder_reminder_free)

static LadderReminder *
reminder_new (LadderReminderKind  kind,
              LadderProfile      *profile,
              const GDate        *due)
{
  LadderReminder *reminder = g_new0 (LadderReminder, 1);
  g_autofree char *day = _ladder_date_format (due, LADDER_DATE_ISO8601, NULL);

  reminder->kind = kind;
  reminder->profile_id = g_strdup (ladder_profile_get_id (profile));
  reminder->due = *due;
  reminder->key = g_strdup_printf ("%s/%s/%s",
                                   kind == LADDER_REMINDER_CHECKIN ? "checkin" : "log-win",
                                   reminder->profile_id, day);

  return reminder;
}

/* The latest day on or before @today that is @first plus a whole number
 * of @period days; FALSE when @today is before @first. */
static gboolean
latest_step (guint32      first,
             guint        period,
             const GDate *today,
             GDate       *due)
{
  guint32 now = g_date_get_julian (today);

  if (now < first)
    return FALSE;

  g_date_clear (due, 1);
  g_date_set_julian (due, now - (now - first) % period);

  return TRUE;
}

/**
 * ladder_reminder_new_for_checkin:
 * @profile: a #LadderProfile
 * @today: the day to remind on
 *
 * The reminder of a 1:1 with the person of @profile, when it is a
 * manager's copy with a cadence and a 1:1 is due: on the day the cadence
 * gives after the last check-in, and while none is held, again each
 * cadence later (a monthly 1:1 missed is reminded once a month, not
 * every day). A first 1:1, with no check-in yet, is due every cadence
 * counted from a Monday. It says how many actions are open and how much
 * evidence was logged since the last check-in, as the Team view's card
 * counts them (from the profile's head: no entry is read).
 *
 * Returns: (transfer full) (nullable): the reminder, or %NULL when
 *   none is due
 */
LadderReminder *
ladder_reminder_new_for_checkin (LadderProfile *profile,
                                 const GDate   *today)
{
  g_autoptr(LadderTeamSummary) summary = NULL;
  LadderReminder *reminder;
  LadderCheckin *last;
  const GDate *last_date = NULL;
  guint period;
  guint32 first;
  GDate due;
  g_autofree char *actions = NULL;
  g_autofree char *wins = NULL;
  const char *name;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (ladder_profile_get_owner (profile) != LADDER_RATER_MANAGER)
    return NULL;
  period = ladder_cadence_get_days (ladder_profile_get_cadence (profile));
  if (period == 0)
    return NULL;

  last = ladder_profile_get_last_checkin (profile);
  if (last != NULL)
    last_date = ladder_checkin_get_date (last);
  if (last_date != NULL && g_date_valid (last_date))
    first = g_date_get_julian (last_date) + period;
  else
    first = 1;  /* 1 January of the year 1, a Monday */

  if (!latest_step (first, period, today, &due))
    return NULL;

  summary = ladder_team_summary_new (profile, today);
  reminder = reminder_new (LADDER_REMINDER_CHECKIN, profile, &due);

  name = summary->name != NULL && *summary->name != '\0' ? summary->name : _("your report");
  if (g_date_compare (&due, today) == 0)
    /* Translators: a notification's title; %s is a person's name */
    reminder->title = g_strdup_printf (_("1:1 with %s today"), name);
  else
    {
      guint late = g_date_days_between (&due, today);

      /* Translators: a notification's title; %s is a person's name */
      reminder->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "1:1 with %s, due %u day ago",
                                                      "1:1 with %s, due %u days ago", late),
                                         name, late);
    }

  actions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open action", "%u open actions",
                                          summary->n_open_actions),
                             summary->n_open_actions);
  /* Translators: evidence logged since the last check-in */
  wins = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new win", "%u new wins",
                                       summary->n_new_evidence),
                          summary->n_new_evidence);
  /* Translators: a notification's body: "3 open actions, 4 new wins" */
  reminder->body = g_strdup_printf (_("%s, %s"), actions, wins);

  return reminder;
}

/**
 * ladder_reminder_new_for_log_win:
 * @profile: a #LadderProfile
 * @today: the day to remind on
 *
 * The weekly nudge to log a win, for an engineer's own profile (its
 * owner is self): due each Friday, unless an entry is dated in the week
 * that ends on that Friday or since.
 *
 * Returns: (transfer full) (nullable): the reminder, or %NULL when
 *   none is due
 */
LadderReminder *
ladder_reminder_new_for_log_win (LadderProfile *profile,
                                 const GDate   *today)
{
  g_autoptr(GArray) days = NULL;
  LadderReminder *reminder;
  GDate due;
  guint32 week_start;
  const char *name;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (ladder_profile_get_owner (profile) != LADDER_RATER_SELF)
    return NULL;

  due = *today;
  g_date_subtract_days (&due, (g_date_get_weekday (today) - LOG_WIN_WEEKDAY + 7) % 7);

  /* By the days a profile's head keeps: no entry is read. */
  week_start = g_date_get_julian (&due) - 6;
  days = _ladder_profile_dup_evidence_days (profile);
  for (guint i = 0; i < days->len; i++)
    if (g_array_index (days, guint32, i) >= week_start)
      return NULL;

  reminder = reminder_new (LADDER_REMINDER_LOG_WIN, profile, &due);
  reminder->title = g_strdup (_("Any wins this week?"));
  name = ladder_profile_get_name (profile);
  if (name != NULL && *name != '\0')
    /* Translators: a notification's body; %s is the name of the profile */
    reminder->body = g_strdup_printf (_("Nothing logged for %s this week. A line now saves searching before the next check-in."),
                                      name);
  else
    reminder->body = g_strdup (_("Nothing logged this week. A line now saves searching before the next check-in."));

  return reminder;
}

/**
 * ladder_reminder_copy:
 * @reminder: a #LadderReminder
 *
 * Returns: (transfer full): a copy of @reminder
 */
LadderReminder *
ladder_reminder_copy (const LadderReminder *reminder)
{
  LadderReminder *copy;

  g_return_val_if_fail (reminder != NULL, NULL);

  copy = g_memdup2 (reminder, sizeof *reminder);
  copy->profile_id = g_strdup (reminder->profile_id);
  copy->key = g_strdup (reminder->key);
  copy->title = g_strdup (reminder->title);
  copy->body = g_strdup (reminder->body);

  return copy;
}

/**
 * ladder_reminder_free:
 * @reminder: (nullable): a #LadderReminder
 *
 * Frees @reminder.
 */
void
ladder_reminder_free (LadderReminder *reminder)
{
  if (reminder == NULL)
    return;

  g_free (reminder->profile_id);
  g_free (reminder->key);
  g_free (reminder->title);
  g_free (reminder->body);
  g_free (reminder);
}

/**
 * ladder_reminder_list_due:
 * @profiles: a #GListModel of #LadderProfile, a library's
 * @today: the day to remind on
 *
 * Every reminder due on @today, of both kinds, in the order of
 * @profiles: a 1:1 for each manager's copy, a nudge for each of the
 * user's own profiles. Whether the user wants either kind is for the
 * caller to say by sending it or not; listing both keeps what
 * ladder_reminder_take_unsent() remembers the same either way.
 *
 * Returns: (transfer full) (element-type LadderReminder): the reminders
 */
GPtrArray *
ladder_reminder_list_due (GListModel  *profiles,
                          const GDate *today)
{
  GPtrArray *due = g_ptr_array_new_with_free_func ((GDestroyNotify) ladder_reminder_free);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (profiles), due);
  g_return_val_if_fail (today != NULL && g_date_valid (today), due);

  n = g_list_model_get_n_items (profiles);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (profiles, i);
      LadderReminder *reminder = ladder_reminder_new_for_checkin (profile, today);

      if (reminder == NULL)
        reminder = ladder_reminder_new_for_log_win (profile, today);
      if (reminder != NULL)
        g_ptr_array_add (due, reminder);
    }

  return due;
}

/**
 * ladder_reminder_take_unsent:
 * @due: (element-type LadderReminder): reminders due, from
 *   ladder_reminder_list_due()
 * @sent: (nullable) (array zero-terminated=1): the keys of the reminders
 *   sent before
 * @remembered: (out) (array zero-terminated=1) (transfer full): the keys
 *   to keep as sent, once the returned ones are
 *
 * Takes from @due the reminders whose key is not in @sent: each person
 * is reminded once per due day. @remembered holds only the keys of
 * @due, so that the keys of past due days are forgotten and the list
 * stays as long as the library's reminders.
 *
 * Returns: (transfer full) (element-type LadderReminder): the reminders
 *   to send, in the order of @due
 */
GPtrArray *
ladder_reminder_take_unsent (GPtrArray          *due,
                             const char * const *sent,
                             char             ***remembered)
{
  GPtrArray *unsent = g_ptr_array_new_with_free_func ((GDestroyNotify) ladder_reminder_free);
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();

  g_return_val_if_fail (due != NULL, unsent);
  g_return_val_if_fail (remembered != NULL, unsent);

  for (guint i = 0; i < due->len; i++)
    {
      const LadderReminder *reminder = g_ptr_array_index (due, i);

      if (sent == NULL || !g_strv_contains (sent, reminder->key))
        g_ptr_array_add (unsent, ladder_reminder_copy (reminder));
      g_strv_builder_add (keys, reminder->key);
    }

  *remembered = g_strv_builder_end (keys);

  return unsent;
}
