/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ladder-enums.h"

G_BEGIN_DECLS

#define LADDER_TYPE_RATING (ladder_rating_get_type ())
G_DECLARE_FINAL_TYPE (LadderRating, ladder_rating, LADDER, RATING, GObject)

/* How often one behaviour is shown, by self and by manager.
 * Properties: "behaviour-id" (construct-only), "self", "manager"
 * (LadderRatingValue), "self-updated", "manager-updated" (GDateTime, NULL
 * when never rated), "self-note", "manager-note" (each side's note on
 * its rating, such as why the behaviour does not apply). */
LadderRating      *ladder_rating_new                (const char        *behaviour_id);
const char        *ladder_rating_get_behaviour_id   (LadderRating      *self);
LadderRatingValue  ladder_rating_get_value          (LadderRating      *self,
                                                     LadderRater        rater);
GDateTime         *ladder_rating_get_updated        (LadderRating      *self,
                                                     LadderRater        rater);
/* Sets the value and its time stamp (when @updated is NULL, now, and
 * always later than the side's previous stamp). Notifies
 * "self"/"manager" and their "-updated" only when something changed. */
void               ladder_rating_set_value          (LadderRating      *self,
                                                     LadderRater        rater,
                                                     LadderRatingValue  value,
                                                     GDateTime         *updated);
void               ladder_rating_set_value_with_note (LadderRating     *self,
                                                     LadderRater        rater,
                                                     LadderRatingValue  value,
                                                     const char        *note);
const char        *ladder_rating_get_note           (LadderRating      *self,
                                                     LadderRater        rater);
void               ladder_rating_set_note           (LadderRating      *self,
                                                     LadderRater        rater,
                                                     const char        *note);

G_END_DECLS
