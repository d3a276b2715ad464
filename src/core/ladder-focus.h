/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LADDER_FOCUS_ERROR (ladder_focus_error_quark ())
GQuark ladder_focus_error_quark (void);

/**
 * LadderFocusError:
 * @LADDER_FOCUS_ERROR_TOO_MANY: the profile already has as many unfinished
 *   focus behaviours as it may (%LADDER_FOCUS_MAX_OPEN)
 *
 * Errors of the focus plan.
 */
typedef enum
{
  LADDER_FOCUS_ERROR_TOO_MANY,
} LadderFocusError;

/* A focus plan holds one to three behaviours at a time: more is no
 * longer a focus. */
#define LADDER_FOCUS_MAX_OPEN 3

#define LADDER_TYPE_FOCUS (ladder_focus_get_type ())
G_DECLARE_FINAL_TYPE (LadderFocus, ladder_focus, LADDER, FOCUS, GObject)

/* A behaviour the engineer focuses on until a due day: why, and the
 * steps planned for it, each ticked off when done. Its progress is never
 * typed: see ladder_profile_get_focus_progress().
 * Properties: "id" (construct-only), "behaviour" (a behaviour id), "why",
 * "steps" (G_TYPE_STRV, read-only: the steps' texts; notified when a step
 * changes or is ticked), "due", "created" (GDate boxed), "finished"
 * (GDate boxed, NULL while it is worked on), "modified" (GDateTime).
 * Setters move "modified" to now when the value changed. */
LadderFocus  *ladder_focus_new            (const char  *id);
const char   *ladder_focus_get_id         (LadderFocus *self);
const char   *ladder_focus_get_behaviour  (LadderFocus *self);
void          ladder_focus_set_behaviour  (LadderFocus *self,
                                           const char  *behaviour_id);
const char   *ladder_focus_get_why        (LadderFocus *self);
void          ladder_focus_set_why        (LadderFocus *self,
                                           const char  *why);
guint         ladder_focus_get_n_steps    (LadderFocus *self);
const char   *ladder_focus_get_step_text  (LadderFocus *self,
                                           guint        index);
gboolean      ladder_focus_get_step_done  (LadderFocus *self,
                                           guint        index);
void          ladder_focus_set_step_done  (LadderFocus *self,
                                           guint        index,
                                           gboolean     done);
guint         ladder_focus_count_steps_done (LadderFocus *self);
void          ladder_focus_set_steps      (LadderFocus        *self,
                                           const char * const *texts);
void          ladder_focus_add_step       (LadderFocus *self,
                                           const char  *text,
                                           gboolean     done);
const GDate  *ladder_focus_get_due        (LadderFocus *self);
void          ladder_focus_set_due        (LadderFocus *self,
                                           const GDate *due);
const GDate  *ladder_focus_get_created    (LadderFocus *self);
void          ladder_focus_set_created    (LadderFocus *self,
                                           const GDate *created);
const GDate  *ladder_focus_get_finished   (LadderFocus *self);
void          ladder_focus_finish         (LadderFocus *self,
                                           const GDate *day);
void          ladder_focus_reopen         (LadderFocus *self);
gboolean      ladder_focus_is_finished    (LadderFocus *self);
GDateTime    *ladder_focus_get_modified   (LadderFocus *self);
void          ladder_focus_set_modified   (LadderFocus *self,
                                           GDateTime   *modified);

G_END_DECLS
