/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * LadderRatingValue:
 * @LADDER_RATING_UNRATED: nobody has rated the behaviour yet (counts as not shown)
 * @LADDER_RATING_NOT_YET: "not-yet"
 * @LADDER_RATING_SOMETIMES: "sometimes"
 * @LADDER_RATING_CONSISTENTLY: "consistently": the behaviour counts as shown
 * @LADDER_RATING_NOT_APPLICABLE: "not-applicable": the role gives no chance to
 *   show it; it leaves the totals
 *
 * How often a behaviour is shown. One scale everywhere.
 */
typedef enum
{
  LADDER_RATING_UNRATED,
  LADDER_RATING_NOT_YET,
  LADDER_RATING_SOMETIMES,
  LADDER_RATING_CONSISTENTLY,
  LADDER_RATING_NOT_APPLICABLE,
} LadderRatingValue;

/**
 * LadderRater:
 * @LADDER_RATER_SELF: the engineer
 * @LADDER_RATER_MANAGER: their manager
 *
 * Whose rating, or whose copy of a profile ("owner").
 */
typedef enum
{
  LADDER_RATER_SELF,
  LADDER_RATER_MANAGER,
} LadderRater;

/**
 * LadderReadinessRule:
 * @LADDER_READINESS_CURRENT_SHARE: a share of the current level's
 *   behaviours is shown
 * @LADDER_READINESS_CURRENT_ALL: every behaviour of the current level is
 *   shown
 * @LADDER_READINESS_NEXT_SHARE: a share of the next level's behaviours is
 *   already shown
 *
 * When a profile counts as ready for the level after its current one: a
 * rule of the framework.
 */
typedef enum
{
  LADDER_READINESS_CURRENT_SHARE,
  LADDER_READINESS_CURRENT_ALL,
  LADDER_READINESS_NEXT_SHARE,
} LadderReadinessRule;

/**
 * LadderCadence:
 * @LADDER_CADENCE_NONE: no set rhythm (the default)
 * @LADDER_CADENCE_WEEKLY: "weekly"
 * @LADDER_CADENCE_BIWEEKLY: "biweekly": every two weeks
 * @LADDER_CADENCE_MONTHLY: "monthly"
 *
 * How often a manager holds a 1:1 with a person: a check-in is overdue
 * once more days than the cadence's have passed since the last one.
 */
typedef enum
{
  LADDER_CADENCE_NONE,
  LADDER_CADENCE_WEEKLY,
  LADDER_CADENCE_BIWEEKLY,
  LADDER_CADENCE_MONTHLY,
} LadderCadence;

#define LADDER_TYPE_RATING_VALUE (ladder_rating_value_get_type ())
GType ladder_rating_value_get_type (void);
#define LADDER_TYPE_RATER (ladder_rater_get_type ())
GType ladder_rater_get_type (void);
#define LADDER_TYPE_READINESS_RULE (ladder_readiness_rule_get_type ())
GType ladder_readiness_rule_get_type (void);
#define LADDER_TYPE_CADENCE (ladder_cadence_get_type ())
GType ladder_cadence_get_type (void);

/* The file format's words for the values: "not-yet", "self", … NULL for
 * LADDER_RATING_UNRATED. */
const char *ladder_rating_value_to_string (LadderRatingValue value);
gboolean    ladder_rating_value_from_string (const char        *string,
                                             LadderRatingValue *value);
const char *ladder_rater_to_string        (LadderRater        rater);
gboolean    ladder_rater_from_string      (const char        *string,
                                           LadderRater       *rater);

/* "current-share", "current-all", "next-share". */
const char *ladder_readiness_rule_to_string   (LadderReadinessRule  rule);
gboolean    ladder_readiness_rule_from_string (const char          *string,
                                               LadderReadinessRule *rule);

/* Translated, for people: "Not Yet", "Sometimes", … */
const char *ladder_rating_value_get_label (LadderRatingValue value);
/* Translated, for people: "Self" or "Manager". */
const char *ladder_rater_get_label        (LadderRater       rater);
const char *ladder_rater_get_side_label   (LadderRater       rater,
                                           LadderRater       owner);

/* "weekly", "biweekly", "monthly"; NULL for LADDER_CADENCE_NONE. */
const char *ladder_cadence_to_string   (LadderCadence  cadence);
gboolean    ladder_cadence_from_string (const char    *string,
                                        LadderCadence *cadence);
/* "No set cadence", "Weekly", "Every two weeks", "Monthly", translated. */
const char *ladder_cadence_get_label   (LadderCadence  cadence);
/* The days between two 1:1s: 7, 14, 31; 0 for none. */
guint       ladder_cadence_get_days    (LadderCadence  cadence);

G_END_DECLS
