/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ladder-behaviour.h"
#include "ladder-category.h"
#include "ladder-cell.h"
#include "ladder-enums.h"
#include "ladder-level.h"

G_BEGIN_DECLS

#define LADDER_TYPE_FRAMEWORK (ladder_framework_get_type ())
G_DECLARE_FINAL_TYPE (LadderFramework, ladder_framework, LADDER, FRAMEWORK, GObject)

/* A career framework. Read-only by convention once loaded: the loader and
 * the importer build it with the add functions below.
 *
 * Properties: "id", "name", "organisation", "description", "source"
 * (strings), "sublevels" (GStrv, empty when none), "readiness-rule"
 * (LadderReadinessRule) and "readiness-percent" (guint), and the read-only
 * GListModel properties "levels" (LadderLevel), "categories"
 * (LadderCategory), "behaviours" (LadderBehaviour), "cells" (LadderCell),
 * in reading order.
 *
 * Signals: "readiness-changed", once per change of the readiness rule or
 * share. */
LadderFramework    *ladder_framework_new              (const char         *id,
                                                       const char         *name);
const char         *ladder_framework_get_id           (LadderFramework    *self);
const char         *ladder_framework_get_name         (LadderFramework    *self);
const char         *ladder_framework_get_organisation (LadderFramework    *self);
const char         *ladder_framework_get_description  (LadderFramework    *self);
const char         *ladder_framework_get_source       (LadderFramework    *self);
const char * const *ladder_framework_get_sublevels    (LadderFramework    *self);
void                ladder_framework_set_id           (LadderFramework    *self,
                                                       const char         *id);
void                ladder_framework_set_name         (LadderFramework    *self,
                                                       const char         *name);
void                ladder_framework_set_organisation (LadderFramework    *self,
                                                       const char         *organisation);
void                ladder_framework_set_description  (LadderFramework    *self,
                                                       const char         *description);
void                ladder_framework_set_source       (LadderFramework    *self,
                                                       const char         *source);
void                ladder_framework_set_sublevels    (LadderFramework    *self,
                                                       const char * const *sublevels);

/* The share a readiness rule asks for when the framework names none. */
#define LADDER_READINESS_DEFAULT_PERCENT 80

/* When a profile is ready for the next level: the rule, and the share of
 * behaviours shown that the "-share" rules ask for, in whole percent
 * (1 to 100). By default 80 % of the current level. */
LadderReadinessRule ladder_framework_get_readiness_rule  (LadderFramework    *self);
guint               ladder_framework_get_readiness_percent (LadderFramework  *self);
void                ladder_framework_set_readiness       (LadderFramework    *self,
                                                          LadderReadinessRule rule,
                                                          guint               percent);
/* The rule as a sentence for people, translated. */
char               *ladder_framework_describe_readiness  (LadderFramework    *self);

GListModel         *ladder_framework_get_levels       (LadderFramework    *self);
GListModel         *ladder_framework_get_categories   (LadderFramework    *self);
GListModel         *ladder_framework_get_behaviours   (LadderFramework    *self);
GListModel         *ladder_framework_get_cells        (LadderFramework    *self);

/* Appending. Ids must be unique within their kind; adding a duplicate id
 * returns FALSE and adds nothing. A behaviour or cell may only name a
 * level and a category that were added before it. */
gboolean            ladder_framework_add_level        (LadderFramework    *self,
                                                       LadderLevel        *level);
gboolean            ladder_framework_add_category     (LadderFramework    *self,
                                                       LadderCategory     *category);
gboolean            ladder_framework_add_behaviour    (LadderFramework    *self,
                                                       LadderBehaviour    *behaviour);
gboolean            ladder_framework_add_cell         (LadderFramework    *self,
                                                       LadderCell         *cell);

/* Look-ups in O(1); NULL when absent. Returned objects are owned by the
 * framework. */
LadderLevel        *ladder_framework_find_level       (LadderFramework    *self,
                                                       const char         *id);
LadderCategory     *ladder_framework_find_category    (LadderFramework    *self,
                                                       const char         *id);
LadderBehaviour    *ladder_framework_find_behaviour   (LadderFramework    *self,
                                                       const char         *id);
/* What a document shows for a level or a behaviour: its name or text,
 * else its id. */
const char         *ladder_framework_get_level_label     (LadderFramework *self,
                                                          const char      *id);
const char         *ladder_framework_get_behaviour_label (LadderFramework *self,
                                                          const char      *id);
LadderCell         *ladder_framework_find_cell        (LadderFramework    *self,
                                                       const char         *level,
                                                       const char         *category);
/* The position of a level in reading order, or -1. */
int                 ladder_framework_get_level_index  (LadderFramework    *self,
                                                       const char         *level);
/* The level after @level, or NULL for the last one. */
LadderLevel        *ladder_framework_get_next_level   (LadderFramework    *self,
                                                       const char         *level);
/* The behaviours of one level in one category, in reading order: a new
 * array of borrowed pointers. Either id may be NULL to mean all. */
GPtrArray          *ladder_framework_list_behaviours  (LadderFramework    *self,
                                                       const char         *level,
                                                       const char         *category);
guint               ladder_framework_count_behaviours (LadderFramework    *self,
                                                       const char         *level,
                                                       const char         *category);

G_END_DECLS
