/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_TEAM_VIEW (ladder_team_view_get_type ())
G_DECLARE_FINAL_TYPE (LadderTeamView, ladder_team_view, LADDER, TEAM_VIEW, GtkWidget)

/* The manager's team at a glance: a card per profile the user manages
 * (owner "manager") of the library's, sorted and filtered.
 *
 * Properties: "library" (LadderLibrary), "n-people" (read-only: how many
 * people the user manages, whatever the filter).
 * Signals: "profile-activated" (LadderProfile): a card was activated
 * (a click, Enter). */
GtkWidget  *ladder_team_view_new          (void);
void        ladder_team_view_set_library  (LadderTeamView  *self,
                                           LadderLibrary   *library);
guint       ladder_team_view_get_n_people (LadderTeamView  *self);
guint       ladder_team_view_get_n_shown  (LadderTeamView  *self);
char       *ladder_team_view_describe_count (LadderTeamView *self);
/* The people the user manages, as the library lists them: a model the
 * view owns. */
GListModel *ladder_team_view_get_people   (LadderTeamView  *self);
/* The cards' model, in the order and with the filter shown. */
GListModel *ladder_team_view_get_shown    (LadderTeamView  *self);
LadderTeamOrder ladder_team_view_get_order (LadderTeamView *self);
void        ladder_team_view_set_order    (LadderTeamView  *self,
                                           LadderTeamOrder  order);
/* Shows the people on the framework of id @framework_id only, or
 * everyone (NULL). */
void        ladder_team_view_set_framework_filter (LadderTeamView *self,
                                                   const char     *framework_id);
/* Shows @team (LadderTeamSummary) until the library lists its people,
 * then NULL: see ladder_library_peek_team(). */
void        ladder_team_view_set_preview  (LadderTeamView  *self,
                                           GPtrArray       *team);
/* Puts the keyboard on the first card, once drawn. */
void        ladder_team_view_focus_first  (LadderTeamView  *self);
void        ladder_team_view_set_first_screen_size (LadderTeamView *self,
                                                    int             width,
                                                    int             height);

G_END_DECLS
