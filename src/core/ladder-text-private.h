/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

/* Pango breaks a paragraph into lines item by item, and an item that
 * runs over many lines costs it work in proportion to the item's length
 * at each of them: one unbroken word of 100,000 characters took it
 * seconds, and combining marks or right-to-left text minutes. An item
 * ends wherever an attribute does, so text cut into short runs that each
 * carry an attribute of their own lays out in time that grows with its
 * length only, and looks the same. */
#define LADDER_TEXT_RUN_LENGTH 64

const char *_ladder_text_next_run (const char *text,
                                   const char *end);
void        _ladder_text_add_runs (PangoAttrList *attrs,
                                   const char    *text,
                                   gssize         length);

/* Appends @text (from a profile) on one line, with Markdown's marks
 * escaped, so that it reads as typed wherever the Markdown is pasted. */
void        _ladder_text_append_markdown (GString    *out,
                                          const char *text);

G_END_DECLS
