/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ladder-framework.h"

G_BEGIN_DECLS

/* Below this similarity a behaviour is new at its level; from it up, the
 * behaviour restates the lower one it is paired with. See ladder-growth.c
 * for how the figure was chosen. */
#define LADDER_GROWTH_RESTATES_THRESHOLD 0.45

/**
 * LadderGrowthPair:
 * @behaviour: a behaviour of the level compared, owned by the framework
 * @builds_on: (nullable): the behaviour of the lower level it restates,
 *   or %NULL when it is new at its level
 * @similarity: how alike the two texts are, from 0.0 to 1.0; the best
 *   found, also when it is below the threshold
 *
 * One behaviour of a level set against the level below it.
 */
typedef struct
{
  LadderBehaviour *behaviour;
  LadderBehaviour *builds_on;
  double           similarity;
} LadderGrowthPair;

double      ladder_text_similarity              (const char      *a,
                                                 const char      *b);

GPtrArray  *ladder_framework_pair_levels        (LadderFramework *self,
                                                 const char      *level,
                                                 const char      *lower_level,
                                                 const char      *category);

const char *ladder_framework_get_previous_level (LadderFramework *self,
                                                 const char      *level);

G_END_DECLS
