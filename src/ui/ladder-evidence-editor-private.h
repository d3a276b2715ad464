/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the files of LadderEvidenceEditor share, and nothing else sees:
 *
 *   ladder-evidence-editor.c            the dialog: title, date, links,
 *                                       tags, behaviours, saving, closing
 *   ladder-evidence-editor-long-body.c  a description too long to edit,
 *                                       shown read-only in pieces
 */

#pragma once

#include <adwaita.h>

#include "ladder-behaviour-picker.h"
#include "ladder-evidence-editor.h"

G_BEGIN_DECLS

/* Text longer than this is shown, not edited, until asked: a text view
 * lays out a paragraph whole, and one of 100,000 characters keeps the
 * window from drawing for longer than a frame should take. */
#define LONG_BODY_BYTES (32 * 1024)

struct _LadderEvidenceEditor
{
  AdwDialog             parent_instance;

  LadderProfile        *profile;
  LadderEvidence       *evidence;   /* NULL for a new entry */
  GDate                 date;
  GPtrArray            *links;      /* char* */
  GPtrArray            *link_rows;  /* AdwActionRow, in links_group */

  AdwEntryRow          *title_row;
  AdwActionRow         *date_row;
  GtkLabel             *date_warning;
  GtkCalendar          *calendar;
  GtkPopover           *date_popover;  /* parented to date_row */
  GtkTextView          *body_view;
  GtkWidget            *long_body_box;
  GtkLabel             *long_body_label;
  GtkListView          *long_body_list;
  char                 *long_body;  /* shown, not edited: see _ladder_evidence_editor_show_long_body() */
  GStrv                 long_body_pieces;  /* its pieces not yet in the list */
  guint                 long_body_next;  /* the first of them */
  guint                 long_body_tick_id;
  AdwPreferencesGroup  *links_group;
  AdwToastOverlay      *toast_overlay;
  AdwEntryRow          *link_entry;
  GtkWidget            *add_link_button;
  AdwEntryRow          *tags_row;
  AdwPreferencesGroup  *behaviours_group;
  GtkLabel             *behaviours_summary;
  LadderBehaviourPicker *behaviour_picker;  /* holds the ticked behaviours */
  GtkButton            *delete_button;

  /* The typed text as the editor opened, to tell whether leaving loses
   * any: title, description, tags. */
  char                 *original_text;

  /* The field focused when Discard Changes? came up, and its selection,
   * to give back as they were: see close_attempt_cb(). */
  GtkWidget            *focus_before_alert;
  int                   selection_before_alert[2];
};

void _ladder_evidence_editor_show_long_body        (LadderEvidenceEditor *self,
                                                    const char           *body);
void _ladder_evidence_editor_stop_adding_pieces    (LadderEvidenceEditor *self);
void _ladder_evidence_editor_edit_long_body_action (GtkWidget            *widget,
                                                    const char           *action_name,
                                                    GVariant             *parameter);

G_END_DECLS
