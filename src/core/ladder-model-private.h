/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What the setters of the model's objects share. Each replaces a value
 * only when the new one differs, as g_set_str() does, and returns whether
 * it did, so that the caller notifies only then. */

gboolean _ladder_set_date     (GDate              **date,
                               const GDate         *value);
gboolean _ladder_set_strv     (char             ***strv,
                               const char * const  *value);
void     _ladder_strv_append  (char             ***strv,
                               const char          *value);

/* Action items, check-ins, level changes and evidence carry a "modified"
 * stamp, so that a merge can tell which copy changed last. */
void     _ladder_stamp_edit   (GObject             *object,
                               GParamSpec          *pspec,
                               GDateTime          **modified,
                               GParamSpec          *modified_pspec);
void     _ladder_stamp_set    (GObject             *object,
                               GDateTime          **stamp,
                               GDateTime           *value,
                               GParamSpec          *pspec);
gboolean _ladder_tombstone_add (GHashTable         *tombstones,
                                const char         *id,
                                GDateTime          *deleted);

G_END_DECLS
