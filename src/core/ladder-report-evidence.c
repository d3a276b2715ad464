/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderReport: the behaviours of the current and the target level, each
 * with both ratings and the evidence that backs it, and the evidence log,
 * whose entries they link to. Read from the profile into blocks, as
 * ladder-report-content.c does the rest; ladder-report-private.h says
 * what each file does. */

#define G_LOG_DOMAIN "ladder-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-growth.h"
#include "ladder-progress.h"
#include "ladder-report.h"
#include "ladder-report-content-private.h"
#include "ladder-report-private.h"
#include "ladder-time-private.h"
#include "ladder-uri.h"

/* A behaviour referred to in the log, in characters, category and level
 * included: about a line of small print. Its whole text is in the
 * behaviours section (current and target levels) or the framework. */
#define REFERENCE_LENGTH 92
#define REFERENCE_MIN_TEXT 32
/* The evidence listed under a behaviour: all of it up to this many, the
 * latest ones beyond; the log has every entry. */
#define MAX_LISTED_EVIDENCE 10
#define LISTED_EVIDENCE 8

/* Evidence dates come again and again; the log has many per day. */
static const char *
format_short_date (LadderReport *self,
                   const GDate  *date)
{
  guint day = date != NULL && g_date_valid (date) ? g_date_get_julian (date) : 0;
  char *text = g_hash_table_lookup (self->date_cache, GUINT_TO_POINTER (day));

  if (text == NULL)
    {
      text = _ladder_date_format (date, LADDER_DATE_SHORT, _("No date"));
      g_hash_table_insert (self->date_cache, GUINT_TO_POINTER (day), text);
    }

  return text;
}

/* "Mastery (Level 3): Writes clear code…", for where a behaviour is only
 * referred to: shortened at a word, with "…", to about one line. */
static char *
behaviour_reference (Content         *content,
                     LadderBehaviour *behaviour)
{
  LadderCategory *category = ladder_framework_find_category (content->framework,
                                                             ladder_behaviour_get_category (behaviour));
  const char *text = ladder_behaviour_get_text (behaviour);
  const char *level = ladder_framework_get_level_label (content->framework,
                                                        ladder_behaviour_get_level (behaviour));
  g_autofree char *category_text = category != NULL ? _ladder_report_category_label (category)
                                                    : g_strdup (ladder_behaviour_get_category (behaviour));
  g_autofree char *prefix = NULL;
  g_autofree char *short_text = NULL;
  glong budget;

  if (text == NULL)
    text = "";

  /* Translators: a behaviour referred to: its category, its level and
   * (the start of) its text, as in "Mastery (Level 3): Writes clear code" */
  prefix = g_strdup_printf (_("%s (%s): %s"), category_text, level, "");
  budget = MAX (REFERENCE_MIN_TEXT, REFERENCE_LENGTH - g_utf8_strlen (prefix, -1));

  if (g_utf8_strlen (text, -1) > budget)
    {
      const char *end = g_utf8_offset_to_pointer (text, budget - 1);
      const char *space = end;

      /* Cut at a word, when there is one not too far back. */
      while (space > text && *space != ' ' && end - space < 24)
        space--;
      if (*space == ' ')
        end = space;
      short_text = g_strdup_printf ("%.*s…", (int) (end - text), text);
    }

  return g_strdup_printf (_("%s (%s): %s"), category_text, level,
                          short_text != NULL ? short_text : text);
}

static void
append_rating (LadderReport      *self,
               LadderRater        rater,
               LadderRatingValue  value)
{
  g_autofree char *text = NULL;

  if (rater == LADDER_RATER_SELF)
    /* Translators: a behaviour's self rating, as in "Self: Consistently" */
    text = g_strdup_printf (_("Self: %s"), ladder_rating_value_get_label (value));
  else
    text = g_strdup_printf (_("Manager: %s"), ladder_rating_value_get_label (value));

  _ladder_report_append_span (self, text, rater == LADDER_RATER_SELF ? SPAN_SELF : SPAN_MANAGER,
                              NULL);
}

/* A behaviour of the target level that restates one of the level before
 * says which, shortened as a reference is; the new ones are counted in
 * their category's heading rather than marked one by one, which would
 * repeat "new" on most of the level. */
static void
append_builds_on (LadderReport     *self,
                  Content          *content,
                  LadderGrowthPair *pair)
{
  g_autofree char *reference = NULL;
  g_autofree char *text = NULL;

  if (pair->builds_on == NULL)
    return;

  reference = behaviour_reference (content, pair->builds_on);
  /* Translators: a behaviour that restates one of the level below,
   * "Builds on Mastery (Level 2): Fixes simple bugs" */
  text = g_strdup_printf (_("Builds on %s"), reference);
  _ladder_report_append_span (self, text, SPAN_SMALL, NULL);
  _ladder_report_append (self, "\n");
}

/* A behaviour one side finds not applicable and the other rates counts
 * for the one and not the other: said under it, where both ratings are. */
static void
append_one_side_not_applicable (LadderReport *self,
                                Content      *content,
                                const char   *id)
{
  LadderRatingValue self_value = ladder_profile_get_rating_value (content->profile, id, LADDER_RATER_SELF);
  LadderRatingValue manager_value = ladder_profile_get_rating_value (content->profile, id,
                                                                     LADDER_RATER_MANAGER);
  const char *text;

  if (self_value == LADDER_RATING_NOT_APPLICABLE && manager_value != LADDER_RATING_NOT_APPLICABLE &&
      manager_value != LADDER_RATING_UNRATED)
    text = _("Not applicable to self only: left out of the self count, counted in the manager’s.");
  else if (manager_value == LADDER_RATING_NOT_APPLICABLE && self_value != LADDER_RATING_NOT_APPLICABLE &&
           self_value != LADDER_RATING_UNRATED)
    text = _("Not applicable to the manager only: left out of the manager’s count, counted in the self count.");
  else
    return;

  _ladder_report_append (self, "\n");
  _ladder_report_append_span (self, text, SPAN_SMALL, NULL);
}

static void
add_behaviour (LadderReport     *self,
               Content          *content,
               LadderBehaviour  *behaviour,
               LadderGrowthPair *pair)
{
  const char *id = ladder_behaviour_get_id (behaviour);
  LadderRating *rating = ladder_profile_get_rating (content->profile, id);
  GPtrArray *evidence = g_hash_table_lookup (content->evidence_for, id);
  Block *block = _ladder_report_begin_text (self, STYLE_BODY);

  _ladder_report_append (self, ladder_behaviour_get_text (behaviour));
  _ladder_report_append (self, "\n");
  if (pair != NULL)
    append_builds_on (self, content, pair);
  append_rating (self, LADDER_RATER_SELF,
                 ladder_profile_get_rating_value (content->profile, id, LADDER_RATER_SELF));
  _ladder_report_append_span (self, "   ", SPAN_SMALL, NULL);
  append_rating (self, LADDER_RATER_MANAGER,
                 ladder_profile_get_rating_value (content->profile, id, LADDER_RATER_MANAGER));

  append_one_side_not_applicable (self, content, id);

  for (LadderRater rater = LADDER_RATER_SELF; rating != NULL && rater <= LADDER_RATER_MANAGER; rater++)
    {
      const char *note = ladder_rating_get_note (rating, rater);
      g_autofree char *text = NULL;

      if (note == NULL)
        continue;
      if (rater == LADDER_RATER_SELF)
        /* Translators: the engineer's note on their rating of a behaviour */
        text = g_strdup_printf (_("Self note: %s"), note);
      else
        /* Translators: the manager's note on their rating of a behaviour */
        text = g_strdup_printf (_("Manager note: %s"), note);
      _ladder_report_append (self, "\n");
      _ladder_report_append_span (self, text, SPAN_SMALL, NULL);
    }

  _ladder_report_append (self, "\n");
  if (evidence == NULL)
    {
      _ladder_report_append_span (self, content->since != NULL ? _("No evidence in this period.")
                                                               : _("No evidence yet."),
                                  SPAN_SMALL, NULL);
    }
  else
    {
      /* A long list would repeat the log: the latest ones, and a count. */
      guint first = evidence->len > MAX_LISTED_EVIDENCE ? evidence->len - LISTED_EVIDENCE : 0;

      if (first > 0)
        {
          g_autofree char *more = g_strdup_printf (ngettext ("%u entry; the %u latest, all in the evidence log:",
                                                             "%u entries; the %u latest, all in the evidence log:",
                                                             evidence->len),
                                                   evidence->len, LISTED_EVIDENCE);

          _ladder_report_append_span (self, more, SPAN_SMALL, NULL);
          _ladder_report_append (self, "\n");
        }

      for (guint i = first; i < evidence->len; i++)
        {
          LadderEvidence *entry = g_ptr_array_index (evidence, i);
          g_autofree char *name = _ladder_report_dest_name ("ev-", ladder_evidence_get_id (entry));
          const char *title = ladder_evidence_get_title (entry);

          if (i > first)
            _ladder_report_append (self, "\n");
          g_hash_table_add (content->linked, entry);
          _ladder_report_append_span (self,
                                      format_short_date (self, ladder_evidence_get_date (entry)),
                                      SPAN_SMALL, NULL);
          _ladder_report_append_span (self, "  ", SPAN_SMALL, NULL);
          _ladder_report_append_span (self, title != NULL && *title != '\0' ? title : _("Untitled"),
                                      SPAN_LINK, _ladder_report_link_to_dest (name));
        }
    }

  _ladder_report_end_text (self, block);
  block->indent = BULLET_INDENT;
  block->gutter = g_strdup ("•");
}

/* Whether a behaviour is listed when only rated ones are: rated by
 * either, or backed by evidence of the period. */
static gboolean
is_rated (Content         *content,
          LadderBehaviour *behaviour)
{
  const char *id = ladder_behaviour_get_id (behaviour);

  return ladder_profile_get_rating_value (content->profile, id, LADDER_RATER_SELF) != LADDER_RATING_UNRATED ||
         ladder_profile_get_rating_value (content->profile, id, LADDER_RATER_MANAGER) != LADDER_RATING_UNRATED ||
         g_hash_table_contains (content->evidence_for, id);
}

void
_ladder_report_add_level_section (LadderReport *self,
                                  Content      *content,
                                  const char   *level,
                                  gboolean      is_current)
{
  GListModel *categories = ladder_framework_get_categories (content->framework);
  g_autofree char *heading = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GHashTable) growth = g_hash_table_new (NULL, NULL);
  const char *lower = NULL;
  guint n_left_out = 0;

  if (level == NULL || ladder_framework_find_level (content->framework, level) == NULL)
    return;

  /* A short summary runs on: a page per section would be mostly empty. */
  if (!content->rated_only)
    _ladder_report_add_page_break (self);
  if (is_current && g_strcmp0 (level, ladder_profile_get_current_level (content->profile)) != 0)
    /* Translators: a heading; %s is a level's name, shown in place of a
     * current level nobody has rated yet, as after a promotion */
    heading = g_strdup_printf (_("Behaviours of %s, where the ratings are"),
                               ladder_framework_get_level_label (content->framework, level));
  else
    heading = g_strdup_printf (is_current ?
                               /* Translators: a heading; %s is a level's name */
                               _("Behaviours of %s, the current level") :
                               _("Behaviours of %s, the target level"),
                               ladder_framework_get_level_label (content->framework, level));
  _ladder_report_add_heading (self, STYLE_H1, heading, 1);

  /* The target level says what is new there, compared with the level
   * before it. */
  if (!is_current)
    lower = ladder_framework_get_previous_level (content->framework, level);
  if (lower != NULL)
    {
      pairs = ladder_framework_pair_levels (content->framework, level, lower, NULL);
      for (guint i = 0; i < pairs->len; i++)
        {
          LadderGrowthPair *pair = pairs->pdata[i];

          g_hash_table_insert (growth, pair->behaviour, pair);
        }
    }

  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      g_autoptr(LadderCategory) category = g_list_model_get_item (categories, c);
      g_autoptr(GPtrArray) behaviours = NULL;
      g_autofree char *name = _ladder_report_category_label (category);
      g_autofree char *self_share = NULL;
      g_autofree char *manager_share = NULL;
      const char *section = NULL;
      guint self_shown, manager_shown, self_total, manager_total;
      guint n_not_applicable[2], n_one_side;
      Block *block;

      behaviours = ladder_framework_list_behaviours (content->framework, level,
                                                     ladder_category_get_id (category));
      if (content->rated_only)
        {
          guint listed = 0;

          for (guint b = 0; b < behaviours->len; b++)
            {
              if (is_rated (content, g_ptr_array_index (behaviours, b)))
                behaviours->pdata[listed++] = behaviours->pdata[b];
              else
                n_left_out++;
            }
          g_ptr_array_set_size (behaviours, listed);
        }
      if (behaviours->len == 0)
        continue;

      ladder_profile_count_shown (content->profile, level, ladder_category_get_id (category),
                                  LADDER_RATER_SELF, &self_shown, &self_total);
      ladder_profile_count_shown (content->profile, level, ladder_category_get_id (category),
                                  LADDER_RATER_MANAGER, &manager_shown, &manager_total);
      _ladder_report_count_not_applicable (content, level, ladder_category_get_id (category),
                                           n_not_applicable, &n_one_side);
      /* A side's total leaves out what it finds not applicable: said,
       * so that "3 of 4" beside "3 of 5" does not read as a mistake. */
      if (n_not_applicable[LADDER_RATER_SELF] > 0)
        /* Translators: "3 of 4 shown by self, 1 not applicable" */
        self_share = g_strdup_printf (_("%u of %u shown by self, %u not applicable"), self_shown,
                                      self_total, n_not_applicable[LADDER_RATER_SELF]);
      else
        /* Translators: "3 of 5 shown by self" */
        self_share = g_strdup_printf (_("%u of %u shown by self"), self_shown, self_total);
      if (n_not_applicable[LADDER_RATER_MANAGER] > 0)
        /* Translators: "2 of 4 by manager, 1 not applicable" */
        manager_share = g_strdup_printf (_("%u of %u by manager, %u not applicable"), manager_shown,
                                         manager_total, n_not_applicable[LADDER_RATER_MANAGER]);
      else
        /* Translators: "2 of 5 by manager" */
        manager_share = g_strdup_printf (_("%u of %u by manager"), manager_shown, manager_total);

      block = _ladder_report_begin_text (self, STYLE_H2);
      _ladder_report_append (self, name);
      if (content->has_rated[LADDER_RATER_SELF] || content->has_rated[LADDER_RATER_MANAGER])
        _ladder_report_append (self, "\n");
      /* A side that has rated nothing yet gets no "0 of 5": the title
       * block says it has not rated. */
      if (content->has_rated[LADDER_RATER_SELF])
        _ladder_report_append_span (self, self_share, SPAN_SMALL, NULL);
      if (content->has_rated[LADDER_RATER_SELF] && content->has_rated[LADDER_RATER_MANAGER])
        _ladder_report_append_span (self, " · ", SPAN_SMALL, NULL);
      if (content->has_rated[LADDER_RATER_MANAGER])
        _ladder_report_append_span (self, manager_share, SPAN_SMALL, NULL);
      if (lower != NULL)
        {
          g_autofree char *n_new = NULL;
          guint count[2] = { 0, 0 };

          for (guint i = 0; i < pairs->len; i++)
            {
              LadderGrowthPair *pair = pairs->pdata[i];

              if (g_strcmp0 (ladder_behaviour_get_category (pair->behaviour),
                             ladder_category_get_id (category)) == 0)
                count[pair->builds_on != NULL]++;
            }
          /* Translators: "3 new at Level 3", in a category's heading */
          n_new = g_strdup_printf (ngettext ("%u new at %s", "%u new at %s", count[0]), count[0],
                                   ladder_framework_get_level_label (content->framework, level));
          _ladder_report_append_span (self, "\n", SPAN_SMALL, NULL);
          _ladder_report_append_span (self, n_new, SPAN_SMALL, NULL);
          if (count[1] > 0)
            {
              const char *lower_label = ladder_framework_get_level_label (content->framework,
                                                                          lower);
              /* Translators: "2 build on Level 2", after "3 new at Level 3" */
              g_autofree char *n_restated = g_strdup_printf (ngettext ("%u builds on %s",
                                                                       "%u build on %s", count[1]),
                                                             count[1], lower_label);

              _ladder_report_append_span (self, " · ", SPAN_SMALL, NULL);
              _ladder_report_append_span (self, n_restated, SPAN_SMALL, NULL);
            }
        }
      _ladder_report_end_text (self, block);
      block->keep_with_next = TRUE;
      block->outline = g_utf8_make_valid (name, -1);
      block->outline_level = 2;
      block->dest = g_strdup_printf ("level-%s-%s-%s", is_current ? "current" : "target",
                                     level, ladder_category_get_id (category));

      for (guint b = 0; b < behaviours->len; b++)
        {
          LadderBehaviour *behaviour = g_ptr_array_index (behaviours, b);
          const char *behaviour_section = ladder_behaviour_get_section (behaviour);

          if (behaviour_section != NULL && *behaviour_section != '\0' &&
              g_strcmp0 (behaviour_section, section) != 0)
            _ladder_report_add_heading (self, STYLE_H3, behaviour_section, 0);
          section = behaviour_section;

          add_behaviour (self, content, behaviour, g_hash_table_lookup (growth, behaviour));
        }
    }

  if (n_left_out > 0)
    {
      g_autofree char *note = g_strdup_printf (ngettext ("%u behaviour with no rating and no evidence is not listed.",
                                                         "%u behaviours with no rating and no evidence are not listed.",
                                                         n_left_out),
                                               n_left_out);

      _ladder_report_add_text (self, STYLE_SMALL, note);
    }
}

/* One entry of the log: its title (and text, when asked), then a small
 * line per behaviour it backs, one with its tags and one per link. The
 * lines that repeat through the log (behaviours, tags) are shared
 * blocks, laid out once: a long log costs little more than its titles. */
static void
add_evidence_entry (LadderReport   *self,
                    Content        *content,
                    LadderEvidence *entry)
{
  const char *title = ladder_evidence_get_title (entry);
  const char *body = ladder_evidence_get_body (entry);
  const char * const *behaviours = ladder_evidence_get_behaviours (entry);
  const char * const *tags = ladder_evidence_get_tags (entry);
  const char * const *links = ladder_evidence_get_links (entry);
  Block *first = _ladder_report_begin_text (self, STYLE_BODY);
  Block *block = first;
  Block *last;

  first->indent = GUTTER;
  _ladder_report_append_span (self, title != NULL && *title != '\0' ? title : _("Untitled"),
                              SPAN_BOLD, NULL);
  if (content->evidence_text && body != NULL && *body != '\0')
    {
      _ladder_report_append (self, "\n");
      block = _ladder_report_append_paragraphs (self, block, STYLE_BODY, GUTTER, body);
    }
  _ladder_report_end_text (self, block);
  first->gutter = g_strdup (format_short_date (self, ladder_evidence_get_date (entry)));
  /* Only where a link points: each destination costs the PDF (and
   * cairo, while it writes it) room. */
  if (g_hash_table_contains (content->linked, entry))
    first->dest = _ladder_report_dest_name ("ev-", ladder_evidence_get_id (entry));
  last = block;

  for (guint i = 0; behaviours != NULL && behaviours[i] != NULL; i++)
    {
      LadderBehaviour *behaviour = ladder_framework_find_behaviour (content->framework, behaviours[i]);
      g_autofree char *reference = NULL;
      g_autofree char *line = NULL;

      if (behaviour != NULL)
        reference = behaviour_reference (content, behaviour);
      else
        /* Translators: evidence backs a behaviour the framework no
         * longer has; %s is its id */
        reference = g_strdup_printf (_("%s (not in the framework)"), behaviours[i]);

      line = g_strconcat ("→ ", reference, NULL);
      last->keep_with_next = last == block;
      last->tight = TRUE;
      last = _ladder_report_add_shared_line (self, line, GUTTER);
    }

  if (tags != NULL && tags[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) tags);
      /* Translators: the tags of an evidence entry, "Tags: incident, review" */
      g_autofree char *text = g_strdup_printf (_("Tags: %s"), joined);

      last->keep_with_next = last == block;
      last->tight = TRUE;
      last = _ladder_report_add_shared_line (self, text, GUTTER);
    }

  for (guint i = 0; links != NULL && links[i] != NULL; i++)
    {
      /* A link the app would not open is no link in the PDF either: a
       * reader would open javascript:, file: or data: links for whoever
       * sent the profile. It stays as text, for the reader to judge. */
      gboolean safe = ladder_uri_is_safe (links[i]);

      last->keep_with_next = last == block;
      last->tight = TRUE;
      last = _ladder_report_begin_text (self, STYLE_SMALL);
      _ladder_report_append_span (self, links[i], safe ? SPAN_LINK : -1,
                                  safe ? _ladder_report_link_to_uri (links[i]) : NULL);
      _ladder_report_end_text (self, last);
      last->indent = GUTTER;
    }
}

void
_ladder_report_add_evidence_section (LadderReport *self,
                                     Content      *content)
{
  g_autofree char *summary = NULL;
  guint n = content->evidence->len;
  guint month = 0;
  Block *block;

  if (!content->rated_only)
    _ladder_report_add_page_break (self);
  _ladder_report_add_heading (self, STYLE_H1, _("Evidence log"), 1);

  if (content->since != NULL)
    {
      g_autofree char *since = _ladder_report_format_date (content->since);

      summary = g_strdup_printf (ngettext ("%u entry since %s, oldest first.",
                                           "%u entries since %s, oldest first.", n),
                                 n, since);
    }
  else
    {
      summary = g_strdup_printf (ngettext ("%u entry, oldest first.",
                                           "%u entries, oldest first.", n), n);
    }
  block = _ladder_report_add_text (self, STYLE_SMALL, summary);
  if (n > 0)
    block->keep_with_next = TRUE;

  for (guint i = 0; i < n; i++)
    {
      LadderEvidence *entry = g_ptr_array_index (content->evidence, i);
      const GDate *date = ladder_evidence_get_date (entry);
      guint entry_month = date != NULL && g_date_valid (date) ?
                          g_date_get_year (date) * 12u + g_date_get_month (date) : G_MAXUINT;

      /* A heading per month, in the outline too: a long log is easy to
       * find one's way in. */
      if (entry_month != month)
        {
          g_autofree char *heading = _ladder_date_format (date, LADDER_DATE_MONTH, _("No date"));

          _ladder_report_add_heading (self, STYLE_H2, heading, 2);
          month = entry_month;
        }

      add_evidence_entry (self, content, entry);
    }
}
