/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-enums.h"

/* The nicks are the words of the file format, so that GEnumValue and the
 * files agree and a GtkDropDown or a GSettings key can use the same type. */
G_DEFINE_ENUM_TYPE (LadderRatingValue, ladder_rating_value,
  G_DEFINE_ENUM_VALUE (LADDER_RATING_UNRATED, "unrated"),
  G_DEFINE_ENUM_VALUE (LADDER_RATING_NOT_YET, "not-yet"),
  G_DEFINE_ENUM_VALUE (LADDER_RATING_SOMETIMES, "sometimes"),
  G_DEFINE_ENUM_VALUE (LADDER_RATING_CONSISTENTLY, "consistently"),
  G_DEFINE_ENUM_VALUE (LADDER_RATING_NOT_APPLICABLE, "not-applicable"))

G_DEFINE_ENUM_TYPE (LadderRater, ladder_rater,
  G_DEFINE_ENUM_VALUE (LADDER_RATER_SELF, "self"),
  G_DEFINE_ENUM_VALUE (LADDER_RATER_MANAGER, "manager"))

G_DEFINE_ENUM_TYPE (LadderReadinessRule, ladder_readiness_rule,
  G_DEFINE_ENUM_VALUE (LADDER_READINESS_CURRENT_SHARE, "current-share"),
  G_DEFINE_ENUM_VALUE (LADDER_READINESS_CURRENT_ALL, "current-all"),
  G_DEFINE_ENUM_VALUE (LADDER_READINESS_NEXT_SHARE, "next-share"))

G_DEFINE_ENUM_TYPE (LadderCadence, ladder_cadence,
  G_DEFINE_ENUM_VALUE (LADDER_CADENCE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (LADDER_CADENCE_WEEKLY, "weekly"),
  G_DEFINE_ENUM_VALUE (LADDER_CADENCE_BIWEEKLY, "biweekly"),
  G_DEFINE_ENUM_VALUE (LADDER_CADENCE_MONTHLY, "monthly"))

/**
 * ladder_rating_value_to_string:
 * @value: a #LadderRatingValue
 *
 * Gets the word the file format uses for @value.
 *
 * Returns: (nullable): "not-yet", "sometimes", "consistently" or
 *   "not-applicable"; %NULL for %LADDER_RATING_UNRATED, which files do
 *   not store, and for a value out of range
 */
const char *
ladder_rating_value_to_string (LadderRatingValue value)
{
  switch (value)
    {
    case LADDER_RATING_NOT_YET:
      return "not-yet";
    case LADDER_RATING_SOMETIMES:
      return "sometimes";
    case LADDER_RATING_CONSISTENTLY:
      return "consistently";
    case LADDER_RATING_NOT_APPLICABLE:
      return "not-applicable";
    case LADDER_RATING_UNRATED:
    default:
      return NULL;
    }
}

/**
 * ladder_rating_value_from_string:
 * @string: (nullable): a word of the file format
 * @value: (out) (optional): where to store the value
 *
 * Parses a rating word. "unrated" is accepted too and gives
 * %LADDER_RATING_UNRATED.
 *
 * Returns: %TRUE if @string named a rating; @value is left alone otherwise
 */
gboolean
ladder_rating_value_from_string (const char        *string,
                                 LadderRatingValue *value)
{
  g_autoptr (GEnumClass) klass = NULL;
  GEnumValue *found;

  if (string == NULL)
    return FALSE;

  klass = g_type_class_ref (LADDER_TYPE_RATING_VALUE);
  found = g_enum_get_value_by_nick (klass, string);
  if (found == NULL)
    return FALSE;

  if (value != NULL)
    *value = (LadderRatingValue) found->value;

  return TRUE;
}

/**
 * ladder_rater_to_string:
 * @rater: a #LadderRater
 *
 * Gets the word the file format uses for @rater.
 *
 * Returns: (nullable): "self" or "manager"; %NULL for a value out of range
 */
const char *
ladder_rater_to_string (LadderRater rater)
{
  switch (rater)
    {
    case LADDER_RATER_SELF:
      return "self";
    case LADDER_RATER_MANAGER:
      return "manager";
    default:
      return NULL;
    }
}

/**
 * ladder_rater_from_string:
 * @string: (nullable): "self" or "manager"
 * @rater: (out) (optional): where to store the rater
 *
 * Parses a rater word.
 *
 * Returns: %TRUE if @string named a rater; @rater is left alone otherwise
 */
gboolean
ladder_rater_from_string (const char  *string,
                          LadderRater *rater)
{
  g_autoptr (GEnumClass) klass = NULL;
  GEnumValue *found;

  if (string == NULL)
    return FALSE;

  klass = g_type_class_ref (LADDER_TYPE_RATER);
  found = g_enum_get_value_by_nick (klass, string);
  if (found == NULL)
    return FALSE;

  if (rater != NULL)
    *rater = (LadderRater) found->value;

  return TRUE;
}

/**
 * ladder_readiness_rule_to_string:
 * @rule: a #LadderReadinessRule
 *
 * Gets the word the file format uses for @rule.
 *
 * Returns: (nullable): "current-share", "current-all" or "next-share";
 *   %NULL for a value out of range
 */
const char *
ladder_readiness_rule_to_string (LadderReadinessRule rule)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (LADDER_TYPE_READINESS_RULE);
  GEnumValue *found = g_enum_get_value (klass, rule);

  return found != NULL ? found->value_nick : NULL;
}

/**
 * ladder_readiness_rule_from_string:
 * @string: (nullable): a word of the file format
 * @rule: (out) (optional): where to store the rule
 *
 * Parses a readiness rule word.
 *
 * Returns: %TRUE if @string named a rule; @rule is left alone otherwise
 */
gboolean
ladder_readiness_rule_from_string (const char          *string,
                                   LadderReadinessRule *rule)
{
  g_autoptr (GEnumClass) klass = NULL;
  GEnumValue *found;

  if (string == NULL)
    return FALSE;

  klass = g_type_class_ref (LADDER_TYPE_READINESS_RULE);
  found = g_enum_get_value_by_nick (klass, string);
  if (found == NULL)
    return FALSE;

  if (rule != NULL)
    *rule = (LadderReadinessRule) found->value;

  return TRUE;
}

/**
 * ladder_rating_value_get_label:
 * @value: a #LadderRatingValue
 *
 * Gets a translated label for @value, for people.
 *
 * Returns: the label, such as "Not Yet" or "Consistently"
 */
const char *
ladder_rating_value_get_label (LadderRatingValue value)
{
  switch (value)
    {
    case LADDER_RATING_NOT_YET:
      return _("Not Yet");
    case LADDER_RATING_SOMETIMES:
      return _("Sometimes");
    case LADDER_RATING_CONSISTENTLY:
      return _("Consistently");
    case LADDER_RATING_NOT_APPLICABLE:
      /* Translators: the role gives no chance to show this behaviour */
      return _("Not applicable");
    case LADDER_RATING_UNRATED:
    default:
      return _("Not rated");
    }
}

/**
 * ladder_rater_get_label:
 * @rater: a #LadderRater
 *
 * Returns: the rater as a document names them, "Self" or "Manager"
 */
const char *
ladder_rater_get_label (LadderRater rater)
{
  return rater == LADDER_RATER_MANAGER ? _("Manager") : _("Self");
}

/**
 * ladder_rater_get_side_label:
 * @rater: the side to name
 * @owner: whose copy of the profile is read, the one who reads it
 *
 * Names a side for the one who reads it. In the engineer's copy the sides
 * are "Self" and "Manager", as documents name them; in a manager's copy,
 * where "Self" would read as the manager, the engineer's side is
 * "Engineer" and the manager's own is "You".
 *
 * Returns: the side's name, for a label
 */
const char *
ladder_rater_get_side_label (LadderRater rater,
                             LadderRater owner)
{
  if (owner == LADDER_RATER_MANAGER)
    /* Translators: the two sides of a profile as its manager reads them */
    return rater == LADDER_RATER_MANAGER ? C_("side", "You") : C_("side", "Engineer");

  return rater == LADDER_RATER_MANAGER ? C_("rater", "Manager") : C_("rater", "Self");
}

/**
 * ladder_cadence_to_string:
 * @cadence: a #LadderCadence
 *
 * Gets the word the file format uses for @cadence.
 *
 * Returns: (nullable): "weekly", "biweekly" or "monthly"; %NULL for
 *   %LADDER_CADENCE_NONE, which a file leaves out
 */
const char *
ladder_cadence_to_string (LadderCadence cadence)
{
  g_autoptr (GEnumClass) klass = NULL;
  GEnumValue *found;

  if (cadence == LADDER_CADENCE_NONE)
    return NULL;

  klass = g_type_class_ref (LADDER_TYPE_CADENCE);
  found = g_enum_get_value (klass, cadence);
  g_return_val_if_fail (found != NULL, NULL);

  return found->value_nick;
}

/**
 * ladder_cadence_from_string:
 * @string: (nullable): "weekly", "biweekly" or "monthly"
 * @cadence: (out) (optional): where to store the cadence
 *
 * Parses a cadence word; %NULL is %LADDER_CADENCE_NONE.
 *
 * Returns: %TRUE if @string named a cadence; @cadence is left alone
 *   otherwise
 */
gboolean
ladder_cadence_from_string (const char    *string,
                            LadderCadence *cadence)
{
  g_autoptr (GEnumClass) klass = NULL;
  GEnumValue *found;

  if (string == NULL)
    {
      if (cadence != NULL)
        *cadence = LADDER_CADENCE_NONE;
      return TRUE;
    }

  /* "none" is written as no member at all. */
  klass = g_type_class_ref (LADDER_TYPE_CADENCE);
  found = g_enum_get_value_by_nick (klass, string);
  if (found == NULL || found->value == LADDER_CADENCE_NONE)
    return FALSE;

  if (cadence != NULL)
    *cadence = (LadderCadence) found->value;

  return TRUE;
}

/**
 * ladder_cadence_get_days:
 * @cadence: a #LadderCadence
 *
 * Returns: the days from one 1:1 to the next: 7, 14 or 31 (a month at
 *   its longest, so that a 1:1 on the same day of the next month is never
 *   late); 0 for %LADDER_CADENCE_NONE
 */
guint
ladder_cadence_get_days (LadderCadence cadence)
{
  switch (cadence)
    {
    case LADDER_CADENCE_WEEKLY:
      return 7;
    case LADDER_CADENCE_BIWEEKLY:
      return 14;
    case LADDER_CADENCE_MONTHLY:
      return 31;
    case LADDER_CADENCE_NONE:
    default:
      return 0;
    }
}

/**
 * ladder_cadence_get_label:
 * @cadence: a #LadderCadence
 *
 * Gets a translated label for @cadence, for people.
 *
 * Returns: the label, such as "Every two weeks"
 */
const char *
ladder_cadence_get_label (LadderCadence cadence)
{
  switch (cadence)
    {
    case LADDER_CADENCE_WEEKLY:
      return _("Weekly");
    case LADDER_CADENCE_BIWEEKLY:
      return _("Every two weeks");
    case LADDER_CADENCE_MONTHLY:
      return _("Monthly");
    case LADDER_CADENCE_NONE:
    default:
      return _("No set cadence");
    }
}
