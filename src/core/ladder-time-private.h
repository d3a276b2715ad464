/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *_ladder_date_time_new_now_local (void);
GDate     *_ladder_date_new_today          (void);

G_END_DECLS
