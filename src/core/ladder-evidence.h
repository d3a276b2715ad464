/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LADDER_TYPE_EVIDENCE (ladder_evidence_get_type ())
G_DECLARE_FINAL_TYPE (LadderEvidence, ladder_evidence, LADDER, EVIDENCE, GObject)

/* A dated piece of work, linked to behaviours.
 * Properties: "id" (construct-only; a UUID), "date" (GDate boxed, the day
 * of the work), "title", "body", "links", "behaviours" (behaviour ids),
 * "tags" (GStrv; getters never return NULL), "created", "modified"
 * (GDateTime). Every setter moves "modified" to now, unless the value did
 * not change. */
LadderEvidence     *ladder_evidence_new            (const char         *id);
const char         *ladder_evidence_get_id         (LadderEvidence     *self);
const GDate        *ladder_evidence_get_date       (LadderEvidence     *self);
void                ladder_evidence_set_date       (LadderEvidence     *self,
                                                    const GDate        *date);
const char         *ladder_evidence_get_title      (LadderEvidence     *self);
void                ladder_evidence_set_title      (LadderEvidence     *self,
                                                    const char         *title);
const char         *ladder_evidence_get_body       (LadderEvidence     *self);
void                ladder_evidence_set_body       (LadderEvidence     *self,
                                                    const char         *body);
const char * const *ladder_evidence_get_links      (LadderEvidence     *self);
void                ladder_evidence_set_links      (LadderEvidence     *self,
                                                    const char * const *links);
const char * const *ladder_evidence_get_behaviours (LadderEvidence     *self);
void                ladder_evidence_set_behaviours (LadderEvidence     *self,
                                                    const char * const *behaviours);
gboolean            ladder_evidence_has_behaviour  (LadderEvidence     *self,
                                                    const char         *behaviour_id);
const char * const *ladder_evidence_get_tags       (LadderEvidence     *self);
void                ladder_evidence_set_tags       (LadderEvidence     *self,
                                                    const char * const *tags);
GDateTime          *ladder_evidence_get_created    (LadderEvidence     *self);
GDateTime          *ladder_evidence_get_modified   (LadderEvidence     *self);
/* For loaders and merges: set the stamps as they were stored. */
void                ladder_evidence_set_stamps     (LadderEvidence     *self,
                                                    GDateTime          *created,
                                                    GDateTime          *modified);

G_END_DECLS
