/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-json"

#include "config.h"

#include "ladder-json-private.h"

/* One quark for every model type: the extra members ride on the object,
 * so a type needs no field of its own to round-trip what it does not know. */
static GQuark
ladder_json_extra_quark (void)
{
  static GQuark quark;

  if G_UNLIKELY (quark == 0)
    quark = g_quark_from_static_string ("ladder-json-extra");

  return quark;
}

/*
 * _ladder_json_get_extra:
 * @object: (type GObject): any model object
 *
 * Gets the members of a file that the reader did not know, kept on the
 * object they were read into.
 *
 * Returns: (transfer none) (nullable): the members, or %NULL when none
 */
JsonObject *
_ladder_json_get_extra (gpointer object)
{
  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  return g_object_get_qdata (object, ladder_json_extra_quark ());
}

/*
 * _ladder_json_set_extra:
 * @object: (type GObject): any model object
 * @extra: (nullable): the unknown members, or %NULL to drop them
 *
 * Keeps a reference to @extra on @object, to be written back unchanged.
 */
void
_ladder_json_set_extra (gpointer    object,
                        JsonObject *extra)
{
  g_return_if_fail (G_IS_OBJECT (object));

  if (extra != NULL)
    json_object_ref (extra);

  g_object_set_qdata_full (object,
                           ladder_json_extra_quark (),
                           extra,
                           extra != NULL ? (GDestroyNotify) json_object_unref : NULL);
}
