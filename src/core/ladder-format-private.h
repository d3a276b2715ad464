/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ladder-checkin.h"
#include "ladder-profile.h"

G_BEGIN_DECLS

/* Gives @to the members of @from's snapshot entries that the reader did
 * not know, so that a merge that takes one copy's snapshot keeps them. */
void _ladder_format_copy_snapshot_extras (LadderCheckin *from,
                                          LadderCheckin *to);

/* A profile file's head, the days of its live evidence entries and what
 * of them counts toward each focus, skimmed without building the
 * entries; NULL when it must be read in full. */
LadderProfile *_ladder_format_skim_profile (const char  *data,
                                            gsize        length,
                                            const char  *filename,
                                            GArray     **days,
                                            GVariant   **focus_evidence);

/* The profile as ladder_format_write_profile() writes it, less its live
 * evidence entries (their tombstones stay). */
char *_ladder_format_write_profile_head (LadderProfile *profile,
                                         gsize         *length);

/* "Could not read “NAME”: why", the reason in words of ours for the
 * usual cases (GIO's own messages name the file again). */
void _ladder_format_set_read_error (GError       **error,
                                    const char    *name,
                                    const GError  *local_error);

G_END_DECLS
