/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-sample"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ladder-focus-private.h"
#include "ladder-format.h"
#include "ladder-sample.h"

/* Sample data is for demos, screenshots and benchmarks, and it must be the
 * same for the same seed, byte for byte once written: every choice comes
 * from one GRand, every date from a base day that is a constant, and the
 * clock is never read. The text is English on purpose: it stands in for
 * what a person would have typed, not for the app's own words. */

/* The last day the sample covers. */
#define BASE_YEAR 2026
#define BASE_MONTH G_DATE_JUNE
#define BASE_DAY 30
/* How far back the evidence goes. */
#define SPAN_DAYS 730

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static const char * const first_names[] = {
  "Alex", "Priya", "Sam", "Jordan", "Maya", "Tomás", "Aisha", "Lena",
  "Kenji", "Noah", "Chloé", "Ravi", "Zoe", "Oluwaseun", "Mateo", "Ingrid",
};

static const char * const last_names[] = {
  "Okafor", "Nguyen", "Fischer", "García", "Kowalski", "Haddad", "Lindqvist",
  "Tanaka", "Murphy", "Rossi", "Ahmed", "Novak", "Silva", "Chen", "Dubois",
  "Patel",
};

/* Sixteen of each: 256 names, one per seed of any 256 in a row. */
G_STATIC_ASSERT (G_N_ELEMENTS (first_names) == 16 && G_N_ELEMENTS (last_names) == 16);

static const char * const roles[] = {
  "Backend Engineer", "Software Engineer", "Platform Engineer",
  "Site Reliability Engineer", "Full Stack Engineer", "Mobile Engineer",
};

static const char * const systems[] = {
  "payments", "ledger", "card authorisation", "notifications", "search",
  "billing", "identity", "data pipeline", "mobile API", "feature flags",
};

static const char * const things[] = {
  "rate limiter", "retry policy", "schema migration", "event bus",
  "caching layer", "API versioning scheme", "alerting rules",
  "load test harness", "deployment pipeline", "on-call runbook",
};

static const char * const people[] = {
  "a new graduate", "two junior engineers", "an engineer who joined from support",
  "the new starter", "an intern", "a designer new to the codebase",
};

static const char * const features[] = {
  "instant refunds", "saved searches", "two-factor sign-in", "CSV export",
  "spending insights", "scheduled payments", "shared accounts",
};

static const char * const audiences[] = {
  "all customers", "10 % of customers", "the beta group", "business accounts",
};

static const char * const metrics[] = {
  "p99 latency", "the error rate", "build time", "cloud spend",
  "page load time", "alert noise",
};

static const char * const migrations[][2] = {
  { "Postgres 12", "Postgres 16" },
  { "Jenkins", "GitLab CI" },
  { "a cron job", "a queue consumer" },
  { "REST polling", "webhooks" },
  { "a monolith module", "its own service" },
};

static const char * const teams[] = {
  "payments", "platform", "growth", "mobile", "data",
};

static const char * const ceremonies[] = {
  "sprint planning", "retrospective", "architecture review", "incident drill",
};

static const char * const openings[] = {
  "The {} team had been paged several times a week.",
  "Customers had reported problems with {} twice in a month.",
  "Nobody on the team had touched {} in a year.",
  "The roadmap needed {} to scale before the next launch.",
};

static const char * const middles[] = {
  "I set up a small working group with product and support, and we met twice a week "
  "until the plan was agreed.",
  "We agreed the scope in a short design document and split the work into milestones "
  "that could each ship on their own.",
  "I paired with the people who knew the history and wrote down what we found, so that "
  "the next person does not have to dig it out again.",
  "We rolled the change out behind a feature flag, one cohort at a time, watching the "
  "dashboards between each step.",
  "I asked for early review from security and the data team, which caught a retention "
  "problem before it reached production.",
  "Most of the work was reading old code and asking questions; the change itself was "
  "small once we understood why things were the way they were.",
  "I kept a running log in the team channel so that people in other time zones could "
  "follow along and pick things up.",
};

static const char * const endings[] = {
  "Outcome: {} went down noticeably over the following weeks.",
  "Feedback from the team: clear explanations and good follow-up.",
  "Next time I would involve the on-call engineers earlier.",
  "The change shipped with no customer impact.",
  "I wrote up what we learnt and shared it in #engineering.",
};

static const char * const tags[] = {
  "incident", "mentoring", "design", "delivery", "hiring", "on-call",
  "documentation", "review", "performance", "security", "collaboration",
};

static const char * const checkin_notes[] = {
  "Talked through the last quarter. Strong delivery; wants more design work.",
  "Reviewed the evidence log together. Agreed to focus on the next level's mentoring behaviours.",
  "Good progress on technical leadership. Discussed visibility outside the team.",
  "Calibration is coming up: went through the behaviours rated differently by each of us.",
  "Workload was high this month; agreed to drop one project to make room for the RFC.",
  "Celebrated the launch. Next: share the learnings with the wider org.",
};

static const char * const action_texts[] = {
  "Write the RFC for the {}",
  "Pair with the {} team on their next incident review",
  "Mentor the new starter through their first on-call week",
  "Present the {} work at the engineering all-hands",
  "Ask two peers for written feedback",
  "Lead the next {}",
  "Shadow the architecture review for a quarter",
};

static const char * const not_applicable_notes[] = {
  "The team has no on-call rotation yet.",
  "No hiring this year, so no chance to show it.",
  "The role has no customer-facing work.",
};

static char *
random_uuid (GRand *rand)
{
  guint32 a = g_rand_int (rand);
  guint32 b = g_rand_int (rand);
  guint32 c = g_rand_int (rand);
  guint32 d = g_rand_int (rand);

  /* A version 4 UUID, as g_uuid_string_random() would make, but from the
   * seed. */
  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x",
                          a,
                          b >> 16,
                          b & 0x0fff,
                          0x8000 | ((c >> 16) & 0x3fff),
                          c & 0xffff,
                          d);
}

static void
base_date (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, BASE_DAY, BASE_MONTH, BASE_YEAR);
}

static void
days_before_base (GDate *date,
                  guint  days)
{
  base_date (date);
  g_date_subtract_days (date, days);
}

/* A time on @date between @first_hour and @last_hour, UTC. */
static GDateTime *
random_time_on (GRand       *rand,
                const GDate *date,
                int          first_hour,
                int          last_hour)
{
  int hour = g_rand_int_range (rand, first_hour, last_hour + 1);
  int minute = g_rand_int_range (rand, 0, 60);

  return g_date_time_new_utc (g_date_get_year (date),
                              g_date_get_month (date),
                              g_date_get_day (date),
                              hour, minute, 0);
}

static GDateTime *
date_time_on (const GDate *date,
              int          hour,
              int          minute)
{
  return g_date_time_new_utc (g_date_get_year (date),
                              g_date_get_month (date),
                              g_date_get_day (date),
                              hour, minute, 0);
}

/* "{}" in @template becomes @value. The fragments are data, not format
 * strings, so that no text can be taken for a conversion. */
static void
append_filled (GString    *string,
               const char *template,
               const char *value)
{
  const char *hole = strstr (template, "{}");

  if (hole == NULL)
    {
      g_string_append (string, template);
      return;
    }

  g_string_append_len (string, template, hole - template);
  g_string_append (string, value);
  g_string_append (string, hole + 2);
}

/* Each choice is a statement of its own: C leaves the order in which a
 * call's arguments are evaluated open, and the same seed must make the
 * same text whatever the compiler. */
static char *
make_title (GRand *rand)
{
  const char *a, *b;
  int n;

  switch (g_rand_int_range (rand, 0, 12))
    {
    case 0:
      a = PICK (rand, systems);
      return g_strdup_printf ("Led the incident review for the %s outage", a);
    case 1:
      a = PICK (rand, people);
      return g_strdup_printf ("Mentored %s through their first on-call rotation", a);
    case 2:
      a = PICK (rand, things);
      b = PICK (rand, systems);
      return g_strdup_printf ("Designed the %s for %s", a, b);
    case 3:
      a = PICK (rand, features);
      b = PICK (rand, audiences);
      return g_strdup_printf ("Shipped %s to %s", a, b);
    case 4:
      a = PICK (rand, things);
      return g_strdup_printf ("Wrote the RFC for the %s", a);
    case 5:
      a = PICK (rand, metrics);
      b = PICK (rand, systems);
      n = g_rand_int_range (rand, 10, 70);
      return g_strdup_printf ("Reduced %s of %s by %d %%", a, b, n);
    case 6:
      a = PICK (rand, people);
      b = PICK (rand, things);
      return g_strdup_printf ("Paired with %s on the %s", a, b);
    case 7:
      a = PICK (rand, ceremonies);
      b = PICK (rand, teams);
      return g_strdup_printf ("Ran the %s for the %s team", a, b);
    case 8:
      n = g_rand_int_range (rand, 2, 9);
      a = PICK (rand, teams);
      return g_strdup_printf ("Interviewed %d candidates for the %s team", n, a);
    case 9:
      {
        guint i;

        a = PICK (rand, systems);
        i = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (migrations));
        return g_strdup_printf ("Migrated %s from %s to %s", a, migrations[i][0], migrations[i][1]);
      }
    case 10:
      a = PICK (rand, systems);
      return g_strdup_printf ("Fixed a data race in %s", a);
    default:
      a = PICK (rand, things);
      b = PICK (rand, systems);
      return g_strdup_printf ("Documented the %s of %s", a, b);
    }
}

static char *
make_body (GRand *rand)
{
  GString *body = g_string_new (NULL);
  const char *template;
  guint n_middles, first;

  template = PICK (rand, openings);
  append_filled (body, template, PICK (rand, systems));

  /* Two to four steps, none twice. */
  n_middles = (guint) g_rand_int_range (rand, 2, 5);
  first = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (middles));
  for (guint i = 0; i < n_middles; i++)
    {
      g_string_append_c (body, ' ');
      g_string_append (body, middles[(first + i * 2) % G_N_ELEMENTS (middles)]);
    }

  if (g_rand_int_range (rand, 0, 3) > 0)
    {
      g_string_append (body, "\n\n");
      template = PICK (rand, endings);
      append_filled (body, template, PICK (rand, metrics));
    }

  return g_string_free_and_steal (body);
}

static LadderRatingValue
pick_rating (GRand *rand,
             int    consistently,
             int    sometimes,
             int    not_yet)
{
  int roll = g_rand_int_range (rand, 0, 100);

  if (roll < consistently)
    return LADDER_RATING_CONSISTENTLY;
  if (roll < consistently + sometimes)
    return LADDER_RATING_SOMETIMES;
  if (roll < consistently + sometimes + not_yet)
    return LADDER_RATING_NOT_YET;

  return LADDER_RATING_NOT_APPLICABLE;
}

/* A manager mostly agrees, and otherwise sees one step less. */
static LadderRatingValue
manager_view (GRand             *rand,
              LadderRatingValue  self_value)
{
  if (self_value == LADDER_RATING_NOT_APPLICABLE || g_rand_int_range (rand, 0, 100) < 75)
    return self_value;

  switch (self_value)
    {
    case LADDER_RATING_CONSISTENTLY:
      return LADDER_RATING_SOMETIMES;
    case LADDER_RATING_SOMETIMES:
      return g_rand_boolean (rand) ? LADDER_RATING_NOT_YET : LADDER_RATING_CONSISTENTLY;
    default:
      return LADDER_RATING_SOMETIMES;
    }
}

static void
add_ratings (LadderProfile   *profile,
             LadderFramework *framework,
             GRand           *rand,
             int              current_index,
             int              target_index)
{
  GListModel *behaviours = ladder_framework_get_behaviours (framework);
  guint n = g_list_model_get_n_items (behaviours);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderBehaviour) behaviour = g_list_model_get_item (behaviours, i);
      g_autoptr(GDateTime) self_updated = NULL;
      g_autoptr(GDateTime) manager_updated = NULL;
      const char *id = ladder_behaviour_get_id (behaviour);
      int level = ladder_framework_get_level_index (framework,
                                                    ladder_behaviour_get_level (behaviour));
      LadderRatingValue self_value;
      LadderRatingValue manager_value;
      LadderRating *rating;
      GDate day;

      if (level < 0 || level > target_index)
        continue;

      if (level < current_index)
        self_value = pick_rating (rand, 85, 12, 3);
      else if (level == current_index)
        self_value = pick_rating (rand, 65, 25, 5);
      else
        self_value = pick_rating (rand, 25, 40, 35);

      rating = ladder_profile_ensure_rating (profile, id);

      days_before_base (&day, (guint) g_rand_int_range (rand, 7, 200));
      self_updated = random_time_on (rand, &day, 8, 18);
      ladder_rating_set_value (rating, LADDER_RATER_SELF, self_value, self_updated);

      if (self_value == LADDER_RATING_NOT_APPLICABLE)
        ladder_rating_set_note (rating, LADDER_RATER_SELF, PICK (rand, not_applicable_notes));

      /* Managers rate most behaviours, a week or so after. */
      if (g_rand_int_range (rand, 0, 100) < 90)
        {
          manager_value = manager_view (rand, self_value);
          g_date_add_days (&day, (guint) g_rand_int_range (rand, 1, 7));
          manager_updated = random_time_on (rand, &day, 9, 17);
          ladder_rating_set_value (rating, LADDER_RATER_MANAGER, manager_value, manager_updated);
          /* The manager's reason, drawing nothing more from @rand, so that
           * the rest of the sample stays as it was. */
          if (manager_value == LADDER_RATING_NOT_APPLICABLE)
            ladder_rating_set_note (rating, LADDER_RATER_MANAGER,
                                    self_value == LADDER_RATING_NOT_APPLICABLE
                                    ? ladder_rating_get_note (rating, LADDER_RATER_SELF)
                                    : not_applicable_notes[0]);
        }
    }
}

/* Behaviours that evidence would plausibly back: up to the target level. */
static GPtrArray *
evidence_candidates (LadderFramework *framework,
                     int              target_index)
{
  GListModel *behaviours = ladder_framework_get_behaviours (framework);
  guint n = g_list_model_get_n_items (behaviours);
  GPtrArray *candidates = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      LadderBehaviour *behaviour = g_list_model_get_item (behaviours, i);
      int level = ladder_framework_get_level_index (framework,
                                                    ladder_behaviour_get_level (behaviour));

      if (level <= target_index)
        g_ptr_array_add (candidates, behaviour);
      else
        g_object_unref (behaviour);
    }

  return candidates;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  return (int) *(const guint *) b - (int) *(const guint *) a;
}

static void
add_evidence (LadderProfile   *profile,
              LadderFramework *framework,
              GRand           *rand,
              guint            n_evidence,
              int              target_index)
{
  g_autoptr(GPtrArray) candidates = evidence_candidates (framework, target_index);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_full (n_evidence, g_object_unref);
  g_autofree guint *days_back = g_new (guint, MAX (n_evidence, 1));

  /* Oldest first, as a person would have logged them. */
  for (guint i = 0; i < n_evidence; i++)
    days_back[i] = (guint) g_rand_int_range (rand, 0, SPAN_DAYS);
  qsort (days_back, n_evidence, sizeof (guint), compare_days);

  for (guint i = 0; i < n_evidence; i++)
    {
      g_autofree char *id = random_uuid (rand);
      g_autofree char *title = make_title (rand);
      g_autofree char *body = make_body (rand);
      g_autoptr(GDateTime) created = NULL;
      g_autoptr(GDateTime) modified = NULL;
      const char *behaviour_ids[4] = { NULL, };
      const char *entry_tags[3] = { NULL, };
      g_autofree char *link = NULL;
      const char *links[2] = { NULL, };
      LadderEvidence *evidence;
      guint n_behaviours = 0;
      guint n_tags;
      GDate day;

      evidence = ladder_evidence_new (id);

      days_before_base (&day, days_back[i]);
      ladder_evidence_set_date (evidence, &day);
      ladder_evidence_set_title (evidence, title);
      ladder_evidence_set_body (evidence, body);

      if (candidates->len > 0)
        {
          guint wanted = (guint) g_rand_int_range (rand, 1, 4);

          for (guint j = 0; j < wanted; j++)
            {
              guint pick = (guint) g_rand_int_range (rand, 0, (gint32) candidates->len);
              LadderBehaviour *behaviour = g_ptr_array_index (candidates, pick);
              const char *behaviour_id = ladder_behaviour_get_id (behaviour);
              gboolean seen = FALSE;

              for (guint k = 0; k < n_behaviours; k++)
                seen = seen || g_str_equal (behaviour_ids[k], behaviour_id);
              if (!seen)
                behaviour_ids[n_behaviours++] = behaviour_id;
            }
          ladder_evidence_set_behaviours (evidence, behaviour_ids);
        }

      n_tags = (guint) g_rand_int_range (rand, 0, 3);
      for (guint j = 0; j < n_tags; j++)
        {
          const char *tag = PICK (rand, tags);

          if (j == 0 || !g_str_equal (entry_tags[0], tag))
            entry_tags[j] = tag;
          else
            entry_tags[j] = NULL;
        }
      if (entry_tags[0] != NULL)
        ladder_evidence_set_tags (evidence, entry_tags);

      switch (g_rand_int_range (rand, 0, 6))
        {
        case 0:
          {
            const char *team = PICK (rand, teams);
            int number = g_rand_int_range (rand, 100, 9999);

            link = g_strdup_printf ("https://git.example.com/%s/api/-/merge_requests/%d",
                                    team, number);
          }
          break;
        case 1:
          link = g_strdup_printf ("https://docs.example.com/rfc/%04d",
                                  g_rand_int_range (rand, 1, 400));
          break;
        case 2:
          link = g_strdup_printf ("https://status.example.com/incidents/%d",
                                  g_rand_int_range (rand, 1000, 99999));
          break;
        default:
          break;
        }
      if (link != NULL)
        {
          links[0] = link;
          ladder_evidence_set_links (evidence, links);
        }

      created = random_time_on (rand, &day, 9, 18);
      if (g_rand_int_range (rand, 0, 4) == 0)
        modified = g_date_time_add_minutes (created, g_rand_int_range (rand, 5, 3 * 24 * 60));
      else
        modified = g_date_time_ref (created);
      ladder_evidence_set_stamps (evidence, created, modified);

      g_ptr_array_add (entries, evidence);
    }

  if (entries->len > 0)
    ladder_profile_splice_evidence (profile, (LadderEvidence **) entries->pdata, entries->len);

  /* One deleted entry, as a real log has. */
  if (n_evidence >= 10)
    {
      g_autofree char *id = random_uuid (rand);
      g_autoptr(GDateTime) deleted = NULL;
      GDate day;

      days_before_base (&day, (guint) g_rand_int_range (rand, 0, 60));
      deleted = date_time_on (&day, 16, 30);
      ladder_profile_add_tombstone (profile, "evidence", id, deleted);
    }
}

/* What a rating was at an earlier check-in: some of today's
 * "consistently" were still "sometimes" then. */
static LadderRatingValue
earlier_value (GRand             *rand,
               LadderRatingValue  value,
               guint              age)
{
  if (value == LADDER_RATING_CONSISTENTLY && (guint) g_rand_int_range (rand, 0, 10) < age)
    return LADDER_RATING_SOMETIMES;
  if (value == LADDER_RATING_SOMETIMES && (guint) g_rand_int_range (rand, 0, 10) < age)
    return LADDER_RATING_NOT_YET;

  return value;
}

static void
add_checkins (LadderProfile *profile,
              GRand         *rand)
{
  GListModel *ratings = ladder_profile_get_ratings (profile);
  guint n_ratings = g_list_model_get_n_items (ratings);
  guint n_checkins = (guint) g_rand_int_range (rand, 3, 7);

  for (guint i = 0; i < n_checkins; i++)
    {
      g_autoptr(LadderCheckin) checkin = NULL;
      g_autoptr(GDateTime) modified = NULL;
      g_autofree char *id = random_uuid (rand);
      guint age = n_checkins - 1 - i;
      guint n_actions;
      GDate day;

      /* Every three months or so, the last one recent. */
      days_before_base (&day, age * 90 + (guint) g_rand_int_range (rand, 1, 14));

      checkin = ladder_checkin_new (id);
      ladder_checkin_set_date (checkin, &day);
      ladder_checkin_set_notes (checkin, PICK (rand, checkin_notes));
      /* The first 1:1's notes and first action are the engineer's own,
       * so that demos and tests have private items; decided without
       * the generator, so that the rest of the sample stays the same. */
      ladder_checkin_set_notes_private (checkin, i == 0);

      n_actions = (guint) g_rand_int_range (rand, 1, 4);
      for (guint j = 0; j < n_actions; j++)
        {
          g_autoptr(LadderAction) action = NULL;
          g_autoptr(GDateTime) action_modified = NULL;
          g_autofree char *action_id = random_uuid (rand);
          g_autofree char *text = NULL;
          GDate due = day;

          {
            GString *string = g_string_new (NULL);
            const char *template = PICK (rand, action_texts);

            append_filled (string, template,
                           g_rand_boolean (rand) ? PICK (rand, things) : PICK (rand, ceremonies));
            text = g_string_free_and_steal (string);
          }

          action = ladder_action_new (action_id);
          ladder_action_set_text (action, text);
          ladder_action_set_owner (action, g_rand_int_range (rand, 0, 4) == 0 ?
                                           LADDER_RATER_MANAGER : LADDER_RATER_SELF);
          g_date_add_days (&due, (guint) g_rand_int_range (rand, 21, 75));
          ladder_action_set_due (action, &due);
          /* Older actions are mostly done, the latest mostly open. */
          ladder_action_set_done (action, age > 0 ?
                                          g_rand_int_range (rand, 0, 5) > 0 :
                                          g_rand_int_range (rand, 0, 4) == 0);
          ladder_action_set_private (action, i == 0 && j == 0);
          action_modified = date_time_on (&day, 17, g_rand_int_range (rand, 0, 60));
          ladder_action_set_modified (action, action_modified);

          ladder_checkin_add_action (checkin, action);
        }

      for (guint j = 0; j < n_ratings; j++)
        {
          g_autoptr(LadderRating) rating = g_list_model_get_item (ratings, j);

          LadderRatingValue self_value, manager_value;

          /* Even the latest is a while ago: a few ratings moved since,
           * which the next check-in looks back on. */
          self_value = ladder_rating_get_value (rating, LADDER_RATER_SELF);
          self_value = earlier_value (rand, self_value, age + 1);
          manager_value = ladder_rating_get_value (rating, LADDER_RATER_MANAGER);
          manager_value = earlier_value (rand, manager_value, age + 1);
          ladder_checkin_set_snapshot (checkin, ladder_rating_get_behaviour_id (rating),
                                       self_value, manager_value);
        }

      modified = date_time_on (&day, 18, g_rand_int_range (rand, 0, 60));
      ladder_checkin_set_modified (checkin, modified);

      ladder_profile_add_checkin (profile, checkin);
    }
}

/* A few topics for the next 1:1, the first private to the engineer,
 * so that demos and tests have an agenda; made last, so that the rest
 * of the sample stays the same. */
static void
add_agenda (LadderProfile *profile,
            GRand         *rand)
{
  static const struct {
    const char *text;
    LadderRater author;
    guint days;
    gboolean is_private;
  } topics[] = {
    { "Am I on track for the next level by the spring review?", LADDER_RATER_SELF, 9, TRUE },
    { "Conference budget for next year", LADDER_RATER_SELF, 6, FALSE },
    { "Who leads the on-call rota rework", LADDER_RATER_MANAGER, 3, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    {
      g_autofree char *id = random_uuid (rand);
      g_autoptr(LadderTopic) topic = ladder_topic_new (id);
      g_autoptr(GDateTime) modified = NULL;
      GDate day;

      days_before_base (&day, topics[i].days);
      modified = date_time_on (&day, 12, 0);
      ladder_topic_set_text (topic, topics[i].text);
      ladder_topic_set_author (topic, topics[i].author);
      ladder_topic_set_created (topic, &day);
      ladder_topic_set_private (topic, topics[i].is_private);
      ladder_topic_set_modified (topic, modified);
      ladder_profile_add_topic (profile, topic);
    }
}

/* A focus plan: one behaviour of the target level worked on, with a
 * step done, and one of the current level finished, for the history;
 * made after the agenda, so that the rest of the sample stays the same. */
static void
add_focus (LadderProfile   *profile,
           LadderFramework *framework,
           GRand           *rand)
{
  static const struct {
    const char *why;
    const char *steps[3];
    guint created_days;
    int due_days;
    guint n_done;
    gboolean finished;
  } plans[] = {
    { "The next level asks for it, and it is what my manager and I rate lowest.",
      { "Pair with a senior on the next design review",
        "Lead one design review end to end",
        "Write up what changed afterwards" }, 40, 50, 1, FALSE },
    { "Came up in the last review as the one gap at my level.",
      { "Ask for feedback after each release", NULL, NULL }, 160, -60, 1, TRUE },
  };
  const char *levels[2] = {
    ladder_profile_get_target_level (profile),
    ladder_profile_get_current_level (profile),
  };

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      g_autoptr(GPtrArray) behaviours = NULL;
      g_autofree char *id = NULL;
      g_autoptr(LadderFocus) focus = NULL;
      g_autoptr(GDateTime) modified = NULL;
      LadderBehaviour *behaviour = NULL;
      GDate created, due;

      if (levels[i] == NULL)
        continue;

      behaviours = ladder_framework_list_behaviours (framework, levels[i], NULL);
      /* The first one that is not shown yet, as a person would choose. */
      for (guint j = 0; j < behaviours->len && behaviour == NULL; j++)
        if (ladder_profile_get_rating_value (profile,
                                             ladder_behaviour_get_id (behaviours->pdata[j]),
                                             LADDER_RATER_SELF) != LADDER_RATING_CONSISTENTLY)
          behaviour = behaviours->pdata[j];
      if (behaviour == NULL)
        continue;

      id = random_uuid (rand);
      focus = ladder_focus_new (id);
      days_before_base (&created, plans[i].created_days);
      base_date (&due);
      if (plans[i].due_days >= 0)
        g_date_add_days (&due, (guint) plans[i].due_days);
      else
        g_date_subtract_days (&due, (guint) -plans[i].due_days);

      modified = date_time_on (&created, 12, 0);
      ladder_focus_set_behaviour (focus, ladder_behaviour_get_id (behaviour));
      ladder_focus_set_why (focus, plans[i].why);
      /* Ids and stamps of the sample's own, so that a seed makes the
       * same file every time. */
      for (guint j = 0; j < G_N_ELEMENTS (plans[i].steps) && plans[i].steps[j] != NULL; j++)
        {
          g_autofree char *step_id = g_strdup_printf ("step-%u", j + 1);

          _ladder_focus_add_step_full (focus, step_id, plans[i].steps[j], j < plans[i].n_done,
                                       modified);
        }
      ladder_focus_set_created (focus, &created);
      ladder_focus_set_due (focus, &due);
      if (plans[i].finished)
        ladder_focus_finish (focus, &due);
      ladder_focus_set_modified (focus, modified);
      for (LadderFocusField field = 0; field < LADDER_FOCUS_N_FIELDS; field++)
        _ladder_focus_set_field_modified (focus, field, modified);
      ladder_profile_add_focus (profile, focus, NULL);
    }
}

/**
 * ladder_sample_profile:
 * @framework: the framework the profile is measured against
 * @n_evidence: how many evidence entries to make
 * @seed: the seed of every choice
 *
 * Makes a realistic synthetic profile: a person and their role, the
 * current level in the middle of the framework and the next one as the
 * target, ratings that are mostly "consistently" below the current level
 * and mixed at the target, @n_evidence evidence entries over the two years
 * up to 30 June 2026 (each backing one to three behaviours, with tags and
 * some links), three to six check-ins with notes, actions and a
 * snapshot of the ratings, three open agenda topics, and a focus plan
 * of one behaviour worked on and one finished.
 *
 * The same framework and @seed give the same profile, byte for byte once
 * written: nothing depends on the clock. For demos, screenshots and
 * benchmarks.
 *
 * Returns: (transfer full): a new profile
 */
LadderProfile *
ladder_sample_profile (LadderFramework *framework,
                       guint            n_evidence,
                       guint32          seed)
{
  g_autoptr(GRand) rand = NULL;
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderFramework) copy = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  const char *first_name, *last_name;
  guint name_index;
  GListModel *levels;
  guint n_levels;
  int current_index = -1;
  int target_index = -1;

  g_return_val_if_fail (LADDER_IS_FRAMEWORK (framework), NULL);

  rand = g_rand_new_with_seed (seed);

  id = random_uuid (rand);
  /* A copy, as a profile made in the app embeds: its rule is its own. */
  copy = ladder_format_copy_framework (framework);
  profile = ladder_profile_new (id, copy);

  /* The name from the seed itself, not drawn: a team made of the seeds
   * in a row has no two people of the same name. 167 is odd, so
   * multiplying by it permutes the numbers modulo 256, and the seeds in a
   * row still get names far apart. */
  name_index = (seed * 167u) % 256u;
  first_name = first_names[name_index % 16];
  last_name = last_names[name_index / 16];
  name = g_strdup_printf ("%s %s", first_name, last_name);
  /* They were drawn once: drawn still, unused, so that the rest of a
   * seed's sample (and a benchmark made of it) is the one it was. */
  (void) PICK (rand, first_names);
  (void) PICK (rand, last_names);
  ladder_profile_set_name (profile, name);
  ladder_profile_set_role (profile, PICK (rand, roles));
  ladder_profile_set_owner (profile, LADDER_RATER_SELF);

  levels = ladder_framework_get_levels (framework);
  n_levels = g_list_model_get_n_items (levels);
  if (n_levels > 0)
    {
      g_autoptr(LadderLevel) current = NULL;

      /* The middle, leaning low, so that a next level exists. */
      current_index = (int) (n_levels - 1) / 2;
      target_index = MIN (current_index + 1, (int) n_levels - 1);
      current = g_list_model_get_item (levels, (guint) current_index);
      ladder_profile_set_current_level (profile, ladder_level_get_id (current));

      if (target_index != current_index)
        {
          g_autoptr(LadderLevel) target = g_list_model_get_item (levels, (guint) target_index);

          ladder_profile_set_target_level (profile, ladder_level_get_id (target));
        }
    }

  add_ratings (profile, framework, rand, current_index, target_index);
  add_evidence (profile, framework, rand, n_evidence, target_index);
  add_checkins (profile, rand);
  add_agenda (profile, rand);
  add_focus (profile, framework, rand);

  return g_steal_pointer (&profile);
}

/**
 * ladder_sample_manager_profile:
 * @framework: the framework
 * @n_evidence: how many evidence entries
 * @seed: the seed
 *
 * The manager's copy of the person ladder_sample_profile() makes from the
 * same @seed, as a team of samples is made of: the same id, name and
 * ratings, owned by the manager, with a 1:1 cadence from @seed. The
 * engineer's private items (a check-in's notes, an action, an agenda
 * topic) are theirs alone, so not in it: the manager's copy is
 * ladder_format_copy_for_manager() of the engineer's.
 *
 * Returns: (transfer full): a new #LadderProfile
 */
LadderProfile *
ladder_sample_manager_profile (LadderFramework *framework,
                               guint            n_evidence,
                               guint32          seed)
{
  g_autoptr(LadderProfile) engineers = NULL;
  LadderProfile *profile;

  g_return_val_if_fail (LADDER_IS_FRAMEWORK (framework), NULL);

  engineers = ladder_sample_profile (framework, n_evidence, seed);
  profile = ladder_format_copy_for_manager (engineers, NULL);
  /* What this version writes always reads back. */
  g_assert (profile != NULL);
  ladder_profile_set_cadence (profile, LADDER_CADENCE_WEEKLY + seed % 3);

  return profile;
}
