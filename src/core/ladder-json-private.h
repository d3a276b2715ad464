/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Members of a file that this reader does not know are kept on the object
 * they were read into and written back unchanged. They ride on the object
 * as qdata so that every model type gets them without a field of its own. */
JsonObject *_ladder_json_get_extra (gpointer    object);
void        _ladder_json_set_extra (gpointer    object,
                                    JsonObject *extra);

G_END_DECLS
