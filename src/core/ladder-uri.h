/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean ladder_uri_is_safe (const char *uri);

G_END_DECLS
