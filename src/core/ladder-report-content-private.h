/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the two files that read a profile into a summary's blocks share,
 * ladder-report-content.c and ladder-report-evidence.c: what the summary
 * covers, worked out once from the profile and the options. The layout
 * never includes it. */

#pragma once

#include "ladder-framework.h"
#include "ladder-profile.h"
#include "ladder-radar.h"
#include "ladder-report.h"
#include "ladder-report-private.h"

G_BEGIN_DECLS

/* What the summary covers, worked out from the profile and the options. */

typedef struct
{
  LadderProfile   *profile;
  LadderFramework *framework;
  const GDate     *since;
  GDate            since_day;       /* what @since points to when it is the last check-in's */
  gboolean         evidence_text;
  gboolean         rated_only;
  gboolean         levels_in_play;
  gboolean         include_private;
  gboolean         has_rated[2];    /* by LadderRater: whether that side rated anything */
  GPtrArray       *evidence;        /* LadderEvidence, in date order, since @since */
  GHashTable      *evidence_for;    /* behaviour id → GPtrArray of LadderEvidence */
  GHashTable      *behaviours_in;   /* ids of the behaviours the summary lists */
  GHashTable      *linked;          /* LadderEvidence listed under a behaviour */
} Content;

/* ladder-report-content.c */
char       *_ladder_report_format_date          (const GDate     *date);
char       *_ladder_report_category_label       (LadderCategory  *category);
/* The behaviours of @level (and @category, unless %NULL) that each side
 * rated not applicable, by LadderRater, and of those, how many the other
 * side rated otherwise: counted on one side and not the other. */
void        _ladder_report_count_not_applicable (Content         *content,
                                                 const char      *level,
                                                 const char      *category,
                                                 guint            n_by[2],
                                                 guint           *n_one_side);
/* A radar with its heading and caption; nothing below three categories. */
void        _ladder_report_add_radar            (LadderReport    *self,
                                                 LadderRadar     *radar,
                                                 const char      *level_name,
                                                 Style            heading_style);

/* ladder-report-evidence.c */
void        _ladder_report_add_level_section    (LadderReport    *self,
                                                 Content         *content,
                                                 const char      *level,
                                                 gboolean         is_current);
void        _ladder_report_add_evidence_section (LadderReport    *self,
                                                 Content         *content);

/* ladder-report-focus.c */
void        _ladder_report_add_focus_section    (LadderReport    *self,
                                                 Content         *content);

G_END_DECLS
