/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ladder-checkin.h"

G_BEGIN_DECLS

/* Gives @to the members of @from's snapshot entries that the reader did
 * not know, so that a merge that takes one copy's snapshot keeps them. */
void _ladder_format_copy_snapshot_extras (LadderCheckin *from,
                                          LadderCheckin *to);

G_END_DECLS
