/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ladder-profile.h"

G_BEGIN_DECLS

/* A realistic synthetic profile on @framework: a person, ratings across the
 * levels up to the one above the current, @n_evidence evidence entries with
 * varied text, dates, tags and links over the last years, and check-ins with
 * actions. The same @seed gives the same profile, byte for byte once
 * written (times are derived from the seed, not from the clock). For demos,
 * screenshots and benchmarks. */
LadderProfile *ladder_sample_profile (LadderFramework *framework,
                                      guint            n_evidence,
                                      guint32          seed);
/* The manager's copy of the same person: ladder_sample_profile() owned by
 * the manager, with a 1:1 cadence from @seed, and none of the engineer's
 * private items, which are only ever in their author's copy. */
LadderProfile *ladder_sample_manager_profile (LadderFramework *framework,
                                              guint            n_evidence,
                                              guint32          seed);

G_END_DECLS
