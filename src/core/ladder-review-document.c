/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-review-document"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ladder-review-document-private.h"

#include "ladder-progress.h"
#include "ladder-review.h"
#include "ladder-text-private.h"
#include "ladder-time-private.h"
#include "ladder-uri.h"

/* Evidence listed under a behaviour: the strongest; the rest is counted. */
#define MAX_ENTRIES 3

/* Evidence older than this, before the period's end, is old. */
#define RECENT_MONTHS 6

G_DEFINE_BOXED_TYPE (LadderReviewDocument, ladder_review_document,
                     ladder_review_document_ref, ladder_review_document_unref)

static void
entry_free (gpointer data)
{
  ReviewEntry *entry = data;

  g_free (entry->title);
  g_free (entry->body);
  g_strfreev (entry->behaviour_ids);
  g_strfreev (entry->behaviours);
  g_strfreev (entry->tags);
  g_strfreev (entry->links);
  g_free (entry);
}

static void
behaviour_free (gpointer data)
{
  ReviewBehaviour *behaviour = data;

  g_free (behaviour->text);
  g_ptr_array_unref (behaviour->entries);
  g_free (behaviour);
}

static void
category_free (gpointer data)
{
  ReviewCategory *category = data;

  g_free (category->name);
  g_ptr_array_unref (category->behaviours);
  g_free (category);
}

static void
line_free (gpointer data)
{
  ReviewLine *line = data;

  g_free (line->text);
  g_free (line->detail);
  g_free (line);
}

static void
add_line (GPtrArray   *lines,
          const GDate *date,
          const char  *text,
          const char  *detail)
{
  ReviewLine *line = g_new0 (ReviewLine, 1);

  g_date_clear (&line->date, 1);
  if (date != NULL)
    line->date = *date;
  line->text = g_utf8_make_valid (text != NULL && *text != '\0' ? text : _("Untitled"), -1);
  line->detail = g_utf8_make_valid (detail, -1);
  g_ptr_array_add (lines, line);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const ReviewLine *x = *(ReviewLine **) a;
  const ReviewLine *y = *(ReviewLine **) b;

  return g_date_compare (&x->date, &y->date);
}

typedef struct
{
  const GDate *since;
  GDate        until;
} Period;

static gboolean
period_holds (const Period *period,
              const GDate  *date)
{
  if (date == NULL || !g_date_valid (date))
    /* An undated entry belongs to no period but the whole record. */
    return period->since == NULL;

  return (period->since == NULL || g_date_compare (date, period->since) >= 0) &&
         g_date_compare (date, &period->until) <= 0;
}

static gboolean
date_time_get_date (GDateTime *time,
                    GDate     *date)
{
  g_autoptr(GDateTime) local = NULL;
  int year, month, day;

  g_date_clear (date, 1);
  if (time == NULL)
    return FALSE;

  local = g_date_time_to_local (time);
  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

static char **
copy_valid_strv (const char * const *strv)
{
  GStrvBuilder *builder = g_strv_builder_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_strv_builder_take (builder, g_utf8_make_valid (strv[i], -1));

  return g_strv_builder_unref_to_strv (builder);
}

/* The strongest first: the most recent, then the most linked; undated
 * entries last. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const ReviewEntry *x = *(ReviewEntry **) a;
  const ReviewEntry *y = *(ReviewEntry **) b;
  gboolean x_dated = g_date_valid (&x->date);
  gboolean y_dated = g_date_valid (&y->date);

  if (x_dated != y_dated)
    return x_dated ? -1 : 1;
  if (x_dated && g_date_compare (&x->date, &y->date) != 0)
    return g_date_compare (&y->date, &x->date);
  if (x->n_linked != y->n_linked)
    return x->n_linked > y->n_linked ? -1 : 1;
  return 0;
}

static void
read_entries (LadderReviewDocument *self,
              LadderProfile        *profile,
              const Period         *period)
{
  LadderFramework *framework = ladder_profile_get_framework (profile);
  GListModel *evidence = ladder_profile_get_evidence (profile);
  guint n = g_list_model_get_n_items (evidence);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderEvidence) source = g_list_model_get_item (evidence, i);
      const GDate *date = ladder_evidence_get_date (source);
      const char * const *ids = ladder_evidence_get_behaviours (source);
      const char *title = ladder_evidence_get_title (source);
      g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();
      ReviewEntry *entry;

      if (!period_holds (period, date))
        continue;

      entry = g_new0 (ReviewEntry, 1);
      g_date_clear (&entry->date, 1);
      if (date != NULL && g_date_valid (date))
        entry->date = *date;
      entry->title = g_utf8_make_valid (title != NULL && *title != '\0' ? title : _("Untitled"), -1);
      entry->body = g_utf8_make_valid (ladder_evidence_get_body (source) != NULL
                                       ? ladder_evidence_get_body (source) : "", -1);
      for (guint j = 0; ids != NULL && ids[j] != NULL; j++)
        {
          const char *text = ladder_framework_get_behaviour_label (framework, ids[j]);

          g_strv_builder_take (texts, g_utf8_make_valid (text, -1));
        }
      entry->behaviour_ids = g_strdupv ((char **) ids);
      entry->behaviours = g_strv_builder_end (texts);
      entry->tags = copy_valid_strv (ladder_evidence_get_tags (source));
      entry->links = copy_valid_strv (ladder_evidence_get_links (source));
      entry->n_linked = g_strv_length (entry->behaviours) + g_strv_length (entry->links);
      g_ptr_array_add (self->entries, entry);

      if (entry->behaviours[0] == NULL)
        g_ptr_array_add (self->unlinked, entry);
    }

  /* A stable sort: among equals, the order they were logged in. */
  g_ptr_array_sort (self->entries, compare_entries);
  g_ptr_array_sort (self->unlinked, compare_entries);
}

static void
read_behaviours (LadderReviewDocument *self,
                 LadderFramework      *framework,
                 const Period         *period)
{
  GListModel *categories = ladder_framework_get_categories (framework);
  GDate recent = period->until;
  guint counts[3] = { 0, 0, 0 };
  guint total = 0;

  g_date_subtract_months (&recent, RECENT_MONTHS);

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(LadderCategory) source = g_list_model_get_item (categories, i);
      g_autoptr(GPtrArray) behaviours = ladder_framework_list_behaviours (framework, self->level,
                                                                          ladder_category_get_id (source));
      const char *name = ladder_category_get_name (source);
      ReviewCategory *category;

      if (behaviours->len == 0)
        continue;

      category = g_new0 (ReviewCategory, 1);
      category->name = g_utf8_make_valid (name != NULL && *name != '\0'
                                          ? name : ladder_category_get_id (source), -1);
      category->behaviours = g_ptr_array_new_with_free_func (behaviour_free);
      g_ptr_array_add (self->categories, category);

      for (guint j = 0; j < behaviours->len; j++)
        {
          LadderBehaviour *source_behaviour = g_ptr_array_index (behaviours, j);
          const char *id = ladder_behaviour_get_id (source_behaviour);
          ReviewBehaviour *behaviour = g_new0 (ReviewBehaviour, 1);
          ReviewEntry *newest = NULL;

          behaviour->text =
            g_utf8_make_valid (ladder_framework_get_behaviour_label (framework, id), -1);
          behaviour->entries = g_ptr_array_new ();
          g_ptr_array_add (category->behaviours, behaviour);

          for (guint k = 0; k < self->entries->len; k++)
            {
              ReviewEntry *entry = g_ptr_array_index (self->entries, k);

              if (!g_strv_contains ((const char * const *) entry->behaviour_ids, id))
                continue;
              if (newest == NULL)
                newest = entry;
              if (behaviour->entries->len < MAX_ENTRIES)
                g_ptr_array_add (behaviour->entries, entry);
              else
                behaviour->n_more++;
            }

          if (newest == NULL)
            behaviour->backing = BACKING_NONE;
          else if (!g_date_valid (&newest->date) || g_date_compare (&newest->date, &recent) < 0)
            behaviour->backing = BACKING_OLD;
          else
            behaviour->backing = BACKING_RECENT;
          counts[behaviour->backing]++;
          total++;
        }
    }

  /* Translators: how the behaviours of a level are backed by evidence:
   * those with recent evidence, all of them, those with none in the
   * period, those with only evidence older than six months */
  self->overview = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u of %u behaviour backed by evidence of the last six months; "
                                                 "%u without evidence in the period, %u with only older evidence.",
                                                 "%u of %u behaviours backed by evidence of the last six months; "
                                                 "%u without evidence in the period, %u with only older evidence.",
                                                 total),
                                    counts[BACKING_RECENT], total, counts[BACKING_NONE], counts[BACKING_OLD]);
}

/* The ratings either side set in the period, from what they were at the
 * last check-in before it (not rated when there is none). */
static void
read_changes (LadderReviewDocument *self,
              LadderProfile        *profile,
              const Period         *period)
{
  LadderFramework *framework = ladder_profile_get_framework (profile);
  GListModel *ratings = ladder_profile_get_ratings (profile);
  g_autoptr(GPtrArray) checkins = ladder_profile_list_checkins_by_date (profile);
  LadderCheckin *baseline = NULL;

  for (guint i = 0; i < checkins->len && period->since != NULL; i++)
    {
      LadderCheckin *checkin = g_ptr_array_index (checkins, i);
      const GDate *date = ladder_checkin_get_date (checkin);

      if (date != NULL && g_date_valid (date) && g_date_compare (date, period->since) < 0)
        baseline = checkin;
    }

  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(LadderRating) rating = g_list_model_get_item (ratings, i);
      const char *id = ladder_rating_get_behaviour_id (rating);

      for (LadderRater rater = LADDER_RATER_SELF; rater <= LADDER_RATER_MANAGER; rater++)
        {
          LadderRatingValue after = ladder_rating_get_value (rating, rater);
          LadderRatingValue before = LADDER_RATING_UNRATED;
          g_autofree char *detail = NULL;
          g_autofree char *day = NULL;
          GDate date;

          if (!date_time_get_date (ladder_rating_get_updated (rating, rater), &date) ||
              !period_holds (period, &date))
            continue;
          if (baseline != NULL)
            before = ladder_checkin_get_snapshot (baseline, id, rater);
          if (before == after)
            continue;

          day = _ladder_date_format (&date, LADDER_DATE_SHORT, "");
          /* Translators: whose rating changed, from what to what, and when:
           * "Self: Sometimes → Consistently, 2 Dec 2026" */
          detail = g_strdup_printf (_("%s: %s → %s, %s"), ladder_rater_get_label (rater),
                                    ladder_rating_value_get_label (before),
                                    ladder_rating_value_get_label (after), day);
          add_line (self->changes, &date, ladder_framework_get_behaviour_label (framework, id),
                    detail);
        }
    }

  g_ptr_array_sort (self->changes, compare_lines);
}

/* An action is finished when it was ticked done, which is when it was
 * last modified. */
static void
read_actions (LadderReviewDocument *self,
              LadderProfile        *profile,
              const Period         *period,
              gboolean              include_private)
{
  GListModel *checkins = ladder_profile_get_checkins (profile);

  for (guint i = 0; i < g_list_model_get_n_items (checkins); i++)
    {
      g_autoptr(LadderCheckin) checkin = g_list_model_get_item (checkins, i);
      GListModel *actions = ladder_checkin_get_actions (checkin);

      for (guint j = 0; j < g_list_model_get_n_items (actions); j++)
        {
          g_autoptr(LadderAction) action = g_list_model_get_item (actions, j);
          g_autofree char *detail = NULL;
          g_autofree char *day = NULL;
          GDate date;

          if (!ladder_action_get_done (action) ||
              (ladder_action_get_private (action) && !include_private) ||
              !date_time_get_date (ladder_action_get_modified (action), &date) ||
              !period_holds (period, &date))
            continue;

          day = _ladder_date_format (&date, LADDER_DATE_SHORT, "");
          if (ladder_action_get_private (action))
            /* Translators: who owned a finished private action, and when it was done */
            detail = g_strdup_printf (_("%s, %s · private"),
                                      ladder_rater_get_label (ladder_action_get_owner (action)), day);
          else
            /* Translators: who owned a finished action, and when it was done: "Self, 2 Dec 2026" */
            detail = g_strdup_printf (_("%s, %s"),
                                      ladder_rater_get_label (ladder_action_get_owner (action)), day);
          add_line (self->actions, &date, ladder_action_get_text (action), detail);
        }
    }

  g_ptr_array_sort (self->actions, compare_lines);
}

/* The level changes of the period: a review made after a promotion
 * says so, as the PDF summary does. */
static void
read_promotions (LadderReviewDocument *self,
                 LadderProfile        *profile,
                 LadderFramework      *framework,
                 const Period         *period)
{
  GListModel *promotions = ladder_profile_get_promotions (profile);

  for (guint i = 0; i < g_list_model_get_n_items (promotions); i++)
    {
      g_autoptr(LadderPromotion) promotion = g_list_model_get_item (promotions, i);
      const GDate *date = ladder_promotion_get_date (promotion);
      const char *from = ladder_promotion_get_from (promotion);
      const char *to = ladder_promotion_get_to (promotion);
      g_autofree char *text = NULL;
      g_autofree char *day = NULL;

      if (date == NULL || !g_date_valid (date) || !period_holds (period, date) || to == NULL)
        continue;

      day = _ladder_date_format (date, LADDER_DATE_SHORT, "");
      if (from != NULL)
        /* Translators: a promotion in a review, "From Level 3 to Level 4" */
        text = g_strdup_printf (_("From %s to %s"), ladder_framework_get_level_label (framework, from),
                                ladder_framework_get_level_label (framework, to));
      else
        /* Translators: a promotion in a review with no level before, "To Level 4" */
        text = g_strdup_printf (_("To %s"), ladder_framework_get_level_label (framework, to));
      add_line (self->promotions, date, text, day);
    }

  g_ptr_array_sort (self->promotions, compare_lines);
}

/* The focus plan: the behaviours worked on, and those finished in the
 * period, each with its progress as the app computes it. */
static void
read_focus (LadderReviewDocument *self,
            LadderProfile        *profile,
            LadderFramework      *framework,
            const Period         *period)
{
  GListModel *plan = ladder_profile_get_focus (profile);

  for (guint i = 0; i < g_list_model_get_n_items (plan); i++)
    {
      g_autoptr(LadderFocus) focus = g_list_model_get_item (plan, i);
      const GDate *finished = ladder_focus_get_finished (focus);
      const GDate *due = ladder_focus_get_due (focus);
      g_autofree char *day = NULL;
      g_autofree char *detail = NULL;
      g_autofree char *how = NULL;
      LadderFocusProgress progress;
      GDate date;

      if (finished != NULL && !period_holds (period, finished))
        continue;

      ladder_profile_get_focus_progress (profile, focus, &progress);
      how = ladder_focus_progress_describe (&progress);
      if (finished != NULL)
        {
          day = _ladder_date_format (finished, LADDER_DATE_SHORT, "");
          /* Translators: a finished focus in a review: "Finished 3 Dec 2026 · 80 %: …" */
          detail = g_strdup_printf (_("Finished %s · %s"), day, how);
          date = *finished;
        }
      else
        {
          day = _ladder_date_format (due, LADDER_DATE_SHORT, _("no due date"));
          /* Translators: a focus worked on in a review: "Due 31 Jan 2027 · 67 %: …" */
          detail = g_strdup_printf (_("Due %s · %s"), day, how);
          if (due != NULL)
            date = *due;
          else
            g_date_clear (&date, 1);
        }
      add_line (self->focus, &date,
                ladder_framework_get_behaviour_label (framework, ladder_focus_get_behaviour (focus)),
                detail);
    }
}

/**
 * ladder_review_document_choose_level:
 * @profile: a #LadderProfile
 * @preferred: (out) (optional) (transfer none) (nullable): the level that
 *   would be chosen if it had ratings: the target level, else the current
 *   one
 *
 * The level a review is for unless its author chooses: the target level,
 * else the current one, as long as either side rated something of it;
 * else the current level when it has ratings, and after a promotion to
 * a level nobody rated yet the level the ratings are at
 * (ladder_profile_find_rated_level()), or the review would be empty.
 * With nothing rated anywhere, the target level. The review dialog and `ladder-cli export-markdown` both start
 * from it.
 *
 * Returns: (nullable): a level id, %NULL when the profile has neither a
 *   target nor a current level
 */
const char *
ladder_review_document_choose_level (LadderProfile  *profile,
                                     const char    **preferred)
{
  const char *level;
  const char *current;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  current = ladder_profile_get_current_level (profile);
  level = ladder_profile_get_target_level (profile);
  if (level == NULL)
    level = current;
  if (preferred != NULL)
    *preferred = level;

  if (level == NULL || ladder_profile_has_ratings_at (profile, level))
    return level;
  /* A target nobody rated yet: the current level, or the one a
   * promotion left, where the ratings are. */
  if (current != NULL && ladder_profile_has_ratings_at (profile, current))
    return current;
  if (current != NULL && g_strcmp0 (ladder_profile_find_rated_level (profile, current), current) != 0)
    return ladder_profile_find_rated_level (profile, current);

  return level;
}

/**
 * ladder_review_document_new:
 * @profile: a #LadderProfile
 * @level: (nullable): the id of the level the document is for; %NULL for
 *   the target level (the current one when none is set, the first of the
 *   framework when neither is), or, when nothing of it is rated, the
 *   level the ratings are at (ladder_profile_find_rated_level())
 * @since: (nullable): the first day of the period; %NULL for the whole
 *   record
 * @until: (nullable): the last day of the period; %NULL for today
 * @include_private: whether to list private actions too, for their author
 *
 * Reads a review document from @profile: per category, each behaviour of
 * @level with its strongest evidence of the period (the most recent and
 * the most linked first), the behaviours without evidence in the period
 * or with only evidence older than six months flagged; the evidence of
 * the period that backs no behaviour; the ratings changed and the actions
 * finished in the period; the focus plan, worked on or finished in the
 * period; and, for the PDF, the radar of self and manager at @level now
 * (ladder_radar_new_self_and_manager()). An undated entry belongs only to
 * a period with no first day.
 *
 * Returns: (transfer full): a new document
 */
LadderReviewDocument *
ladder_review_document_new (LadderProfile *profile,
                            const char    *level,
                            const GDate   *since,
                            const GDate   *until,
                            gboolean       include_private)
{
  LadderFramework *framework;
  LadderReviewDocument *self;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *period_text = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  const char *name;
  Period period;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (since == NULL || g_date_valid (since), NULL);
  g_return_val_if_fail (until == NULL || g_date_valid (until), NULL);

  framework = ladder_profile_get_framework (profile);
  if (level == NULL)
    level = ladder_review_document_choose_level (profile, NULL);
  if (level == NULL && g_list_model_get_n_items (ladder_framework_get_levels (framework)) > 0)
    {
      g_autoptr(LadderLevel) first_level = g_list_model_get_item (ladder_framework_get_levels (framework), 0);

      level = ladder_level_get_id (first_level);
    }

  period.since = since;
  if (until != NULL)
    period.until = *until;
  else
    {
      g_autoptr(GDate) today = _ladder_date_new_today ();

      period.until = *today;
    }

  self = g_new0 (LadderReviewDocument, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->level = g_strdup (level);
  if (level != NULL && ladder_framework_find_level (framework, level) != NULL)
    {
      self->level_name = g_strdup (ladder_framework_get_level_label (framework, level));
      self->radar = ladder_radar_new_self_and_manager (profile, level);
    }
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->categories = g_ptr_array_new_with_free_func (category_free);
  self->unlinked = g_ptr_array_new ();
  self->changes = g_ptr_array_new_with_free_func (line_free);
  self->actions = g_ptr_array_new_with_free_func (line_free);
  self->focus = g_ptr_array_new_with_free_func (line_free);
  self->promotions = g_ptr_array_new_with_free_func (line_free);

  name = ladder_profile_get_name (profile);
  /* Translators: the title of a review document; %s is the person's name */
  title = g_strdup_printf (_("Review: %s"), name != NULL && *name != '\0' ? name : _("Unnamed"));
  self->title = g_utf8_make_valid (title, -1);

  last = _ladder_date_format (&period.until, LADDER_DATE_LONG, "");
  if (since != NULL)
    {
      first = _ladder_date_format (since, LADDER_DATE_LONG, "");
      /* Translators: a review's period: "1 June 2026 to 6 December 2026" */
      period_text = g_strdup_printf (_("%s to %s"), first, last);
    }
  else
    /* Translators: a review's period when it starts with the record */
    period_text = g_strdup_printf (_("Everything until %s"), last);
  /* Translators: a review's subtitle: the level, then the period */
  subtitle = g_strdup_printf (_("%s · %s"),
                              level != NULL ? ladder_framework_get_level_label (framework, level)
                                            : _("No level"),
                              period_text);
  if (include_private)
    {
      g_autofree char *plain = g_steal_pointer (&subtitle);

      /* Translators: the subtitle, when private items are shown too */
      subtitle = g_strdup_printf (_("%s · Private items included"), plain);
    }
  self->subtitle = g_utf8_make_valid (subtitle, -1);

  read_entries (self, profile, &period);
  read_behaviours (self, framework, &period);
  read_changes (self, profile, &period);
  read_actions (self, profile, &period, include_private);
  read_focus (self, profile, framework, &period);
  read_promotions (self, profile, framework, &period);

  return self;
}

/**
 * ladder_review_document_ref:
 * @document: a #LadderReviewDocument
 *
 * Returns: (transfer full): @document
 */
LadderReviewDocument *
ladder_review_document_ref (LadderReviewDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);

  g_atomic_ref_count_inc (&document->ref_count);
  return document;
}

/**
 * ladder_review_document_unref:
 * @document: (transfer full): a #LadderReviewDocument
 *
 * Drops a reference; the last one frees the document.
 */
void
ladder_review_document_unref (LadderReviewDocument *document)
{
  g_return_if_fail (document != NULL);

  if (!g_atomic_ref_count_dec (&document->ref_count))
    return;

  g_ptr_array_unref (document->categories);
  g_ptr_array_unref (document->unlinked);
  g_ptr_array_unref (document->entries);
  g_ptr_array_unref (document->changes);
  g_ptr_array_unref (document->actions);
  g_ptr_array_unref (document->promotions);
  g_ptr_array_unref (document->focus);
  g_free (document->title);
  g_free (document->subtitle);
  g_free (document->level);
  g_free (document->level_name);
  g_clear_pointer (&document->radar, ladder_radar_unref);
  g_free (document->overview);
  g_free (document);
}

/**
 * ladder_review_document_get_title:
 * @document: a #LadderReviewDocument
 *
 * Returns: "Review: NAME"
 */
const char *
ladder_review_document_get_title (LadderReviewDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);

  return document->title;
}

/**
 * ladder_review_document_get_subtitle:
 * @document: a #LadderReviewDocument
 *
 * Returns: the level and the period, and whether private items are in it
 */
const char *
ladder_review_document_get_subtitle (LadderReviewDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);

  return document->subtitle;
}

/**
 * ladder_review_document_get_level:
 * @document: a #LadderReviewDocument
 *
 * Returns: (nullable): the id of the level it is for; %NULL when the
 *   framework has none
 */
const char *
ladder_review_document_get_level (LadderReviewDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);

  return document->level;
}

const char *
_ladder_review_document_heading (guint section)
{
  switch (section)
    {
    case SECTION_UNLINKED:
      return _("Evidence Linked to No Behaviour");
    case SECTION_CHANGES:
      return _("Ratings Changed");
    case SECTION_ACTIONS:
      return _("Actions Finished");
    case SECTION_FOCUS:
      return _("Focus");
    case SECTION_PROMOTIONS:
      return _("Promotions");
    default:
      g_assert_not_reached ();
    }
}

const char *
_ladder_review_document_empty (guint section)
{
  switch (section)
    {
    case SECTION_UNLINKED:
      return _("Every entry of the period backs a behaviour.");
    case SECTION_CHANGES:
      return _("No rating changed in the period.");
    case SECTION_ACTIONS:
      return _("No action finished in the period.");
    case SECTION_FOCUS:
      return _("No behaviour in focus.");
    case SECTION_PROMOTIONS:
      return _("No promotion in the period.");
    default:
      g_assert_not_reached ();
    }
}

const char *
_ladder_review_document_backing (Backing backing)
{
  switch (backing)
    {
    case BACKING_NONE:
      return _("No evidence in this period");
    case BACKING_OLD:
      return _("Only evidence older than six months");
    case BACKING_RECENT:
    default:
      return NULL;
    }
}

char *
_ladder_review_document_entry_date (const ReviewEntry *entry)
{
  return _ladder_date_format (&entry->date, LADDER_DATE_SHORT, _("No date"));
}

static void
append_entry (GString           *out,
              const char        *indent,
              const ReviewEntry *entry)
{
  g_autofree char *date = _ladder_review_document_entry_date (entry);

  g_string_append (out, indent);
  g_string_append (out, "- ");
  _ladder_text_append_markdown (out, date);
  g_string_append (out, " — ");
  _ladder_text_append_markdown (out, entry->title);
  for (guint i = 0; entry->links[i] != NULL; i++)
    {
      g_string_append (out, " · ");
      /* Only a link the app would open becomes one (an autolink: a safe
       * link holds no blank, < or >); any other stays the user's text. */
      if (ladder_uri_is_safe (entry->links[i]))
        g_string_append_printf (out, "<%s>", entry->links[i]);
      else
        _ladder_text_append_markdown (out, entry->links[i]);
    }
  g_string_append_c (out, '\n');
}

static void
append_heading (GString    *out,
                const char *text)
{
  g_string_append (out, "\n## ");
  _ladder_text_append_markdown (out, text);
  g_string_append (out, "\n\n");
}

static void
append_emphasis (GString    *out,
                 const char *indent,
                 const char *marks,
                 const char *text)
{
  g_string_append (out, indent);
  g_string_append (out, "- ");
  g_string_append (out, marks);
  _ladder_text_append_markdown (out, text);
  g_string_append (out, marks);
  g_string_append_c (out, '\n');
}

static void
append_lines (GString   *out,
              GPtrArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const ReviewLine *line = g_ptr_array_index (lines, i);

      g_string_append (out, "- ");
      _ladder_text_append_markdown (out, line->text);
      g_string_append (out, " — ");
      _ladder_text_append_markdown (out, line->detail);
      g_string_append_c (out, '\n');
    }
}

/**
 * ladder_review_document_to_markdown:
 * @document: a #LadderReviewDocument
 *
 * Writes the document as Markdown, to paste into a review form: the title
 * as a heading, the level and the period in italics, a heading per
 * category with a bulleted list of its behaviours, each with its evidence
 * ("date — title · links") nested under it and its flag in bold, then the
 * evidence that backs no behaviour, the ratings changed, the actions
 * finished and, when there is one, the focus plan. Text from the profile has Markdown's marks escaped, and a
 * link that ladder_uri_is_safe() refuses is written as text.
 *
 * Returns: (transfer full): the text, ending in a newline
 */
char *
ladder_review_document_to_markdown (LadderReviewDocument *document)
{
  GString *out;

  g_return_val_if_fail (document != NULL, NULL);

  out = g_string_new ("# ");
  _ladder_text_append_markdown (out, document->title);
  g_string_append (out, "\n\n_");
  _ladder_text_append_markdown (out, document->subtitle);
  g_string_append (out, "_\n\n");
  _ladder_text_append_markdown (out, document->overview);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < document->categories->len; i++)
    {
      const ReviewCategory *category = g_ptr_array_index (document->categories, i);

      append_heading (out, category->name);
      for (guint j = 0; j < category->behaviours->len; j++)
        {
          const ReviewBehaviour *behaviour = g_ptr_array_index (category->behaviours, j);
          const char *flag = _ladder_review_document_backing (behaviour->backing);

          g_string_append (out, "- ");
          _ladder_text_append_markdown (out, behaviour->text);
          g_string_append_c (out, '\n');
          if (flag != NULL)
            append_emphasis (out, "  ", "**", flag);
          for (guint k = 0; k < behaviour->entries->len; k++)
            append_entry (out, "  ", g_ptr_array_index (behaviour->entries, k));
          if (behaviour->n_more > 0)
            {
              /* Translators: the end of a list of evidence cut short */
              g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more",
                                                                    "And %u more", behaviour->n_more),
                                                       behaviour->n_more);

              append_emphasis (out, "  ", "_", more);
            }
        }
    }

  append_heading (out, _ladder_review_document_heading (SECTION_UNLINKED));
  for (guint i = 0; i < document->unlinked->len; i++)
    append_entry (out, "", g_ptr_array_index (document->unlinked, i));
  if (document->unlinked->len == 0)
    append_emphasis (out, "", "_", _ladder_review_document_empty (SECTION_UNLINKED));

  append_heading (out, _ladder_review_document_heading (SECTION_CHANGES));
  append_lines (out, document->changes);
  if (document->changes->len == 0)
    append_emphasis (out, "", "_", _ladder_review_document_empty (SECTION_CHANGES));

  append_heading (out, _ladder_review_document_heading (SECTION_ACTIONS));
  append_lines (out, document->actions);
  if (document->actions->len == 0)
    append_emphasis (out, "", "_", _ladder_review_document_empty (SECTION_ACTIONS));

  /* Only with a plan: a profile without one reads as before. */
  if (document->focus->len > 0)
    {
      append_heading (out, _ladder_review_document_heading (SECTION_FOCUS));
      append_lines (out, document->focus);
    }

  /* Only with one in the period, as the plan. */
  if (document->promotions->len > 0)
    {
      append_heading (out, _ladder_review_document_heading (SECTION_PROMOTIONS));
      append_lines (out, document->promotions);
    }

  return g_string_free_and_steal (out);
}

/* A cell as RFC 4180 has it, and as no spreadsheet runs: text that starts
 * like a formula is prefixed with an apostrophe, which spreadsheets read
 * as "text follows". */
static void
append_cell (GString    *out,
             const char *text)
{
  if (*text != '\0' && strchr ("=+-@\t\r", *text) != NULL)
    {
      g_autofree char *guarded = g_strconcat ("'", text, NULL);

      append_cell (out, guarded);
      return;
    }

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_list_cell (GString    *out,
                  char      **values)
{
  g_autofree char *joined = g_strjoinv ("\n", values);

  append_cell (out, joined);
}

/**
 * ladder_review_document_to_csv:
 * @document: a #LadderReviewDocument
 *
 * Writes the evidence of the period as CSV (RFC 4180: a header row, cells
 * quoted where they hold a comma, a quote or a line break, lines ending
 * in CRLF; UTF-8), the newest entry first: its day (ISO 8601, empty when
 * undated), title, the behaviours it backs, its tags and links (one a
 * line within the cell) and its description. A cell that starts with
 * `=`, `+`, `-` or `@` is prefixed with an apostrophe, so that no
 * spreadsheet runs it as a formula.
 *
 * Returns: (transfer full): the text
 */
char *
ladder_review_document_to_csv (LadderReviewDocument *document)
{
  GString *out;

  g_return_val_if_fail (document != NULL, NULL);

  out = g_string_new (NULL);
  /* Translators: the columns of a CSV file of evidence, in its header row */
  append_cell (out, _("Date"));
  g_string_append_c (out, ',');
  append_cell (out, _("Title"));
  g_string_append_c (out, ',');
  append_cell (out, _("Behaviours"));
  g_string_append_c (out, ',');
  append_cell (out, _("Tags"));
  g_string_append_c (out, ',');
  append_cell (out, _("Links"));
  g_string_append_c (out, ',');
  append_cell (out, _("Description"));
  g_string_append (out, "\r\n");

  for (guint i = 0; i < document->entries->len; i++)
    {
      const ReviewEntry *entry = g_ptr_array_index (document->entries, i);
      g_autofree char *date = _ladder_date_format (&entry->date, LADDER_DATE_ISO8601, "");

      append_cell (out, date);
      g_string_append_c (out, ',');
      append_cell (out, entry->title);
      g_string_append_c (out, ',');
      append_list_cell (out, entry->behaviours);
      g_string_append_c (out, ',');
      append_list_cell (out, entry->tags);
      g_string_append_c (out, ',');
      append_list_cell (out, entry->links);
      g_string_append_c (out, ',');
      append_cell (out, entry->body);
      g_string_append (out, "\r\n");
    }

  return g_string_free_and_steal (out);
}

/**
 * ladder_review_document_format_get_extension:
 * @format: a #LadderReviewDocumentFormat
 *
 * Returns: the file name's extension for @format, without the dot
 */
const char *
ladder_review_document_format_get_extension (LadderReviewDocumentFormat format)
{
  switch (format)
    {
    case LADDER_REVIEW_DOCUMENT_MARKDOWN:
      return "md";
    case LADDER_REVIEW_DOCUMENT_PDF:
      return "pdf";
    case LADDER_REVIEW_DOCUMENT_CSV:
      return "csv";
    default:
      g_return_val_if_reached ("txt");
    }
}
