/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderLoadError: a file of the data folder that could not be loaded,
 * and why. */

#define G_LOG_DOMAIN "ladder-library"

#include "config.h"

#include "ladder-format.h"
#include "ladder-format-private.h"
#include "ladder-library.h"
#include "ladder-library-private.h"
#include "ladder-merge.h"
#include "ladder-profile-private.h"
#include "ladder-save.h"

struct _LadderLoadError
{
  GObject  parent_instance;

  GFile   *file;
  GError  *error;
};

G_DEFINE_FINAL_TYPE (LadderLoadError, ladder_load_error, G_TYPE_OBJECT)

enum
{
  LOAD_ERROR_PROP_0,
  LOAD_ERROR_PROP_FILE,
  LOAD_ERROR_PROP_ERROR,
  LOAD_ERROR_N_PROPS
};

static GParamSpec *load_error_properties[LOAD_ERROR_N_PROPS];

static void
ladder_load_error_finalize (GObject *object)
{
  LadderLoadError *self = LADDER_LOAD_ERROR (object);

  g_clear_object (&self->file);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (ladder_load_error_parent_class)->finalize (object);
}

static void
ladder_load_error_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LadderLoadError *self = LADDER_LOAD_ERROR (object);

  switch (prop_id)
    {
    case LOAD_ERROR_PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case LOAD_ERROR_PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_load_error_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LadderLoadError *self = LADDER_LOAD_ERROR (object);

  switch (prop_id)
    {
    case LOAD_ERROR_PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    case LOAD_ERROR_PROP_ERROR:
      self->error = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_load_error_class_init (LadderLoadErrorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ladder_load_error_finalize;
  object_class->get_property = ladder_load_error_get_property;
  object_class->set_property = ladder_load_error_set_property;

  /**
   * LadderLoadError:file:
   *
   * The file that failed to load.
   */
  load_error_properties[LOAD_ERROR_PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * LadderLoadError:error:
   *
   * Why: a #GError whose message names the file and, where known, the
   * line and column.
   */
  load_error_properties[LOAD_ERROR_PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL,
                        G_TYPE_ERROR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, LOAD_ERROR_N_PROPS, load_error_properties);
}

static void
ladder_load_error_init (LadderLoadError *self)
{
}

LadderLoadError *
_ladder_load_error_new (GFile        *file,
                        const GError *error)
{
  return g_object_new (LADDER_TYPE_LOAD_ERROR,
                       "file", file,
                       "error", error,
                       NULL);
}

/**
 * ladder_load_error_get_file:
 * @self: a #LadderLoadError
 *
 * Returns: (transfer none): the file that failed to load
 */
GFile *
ladder_load_error_get_file (LadderLoadError *self)
{
  g_return_val_if_fail (LADDER_IS_LOAD_ERROR (self), NULL);

  return self->file;
}

/**
 * ladder_load_error_get_error:
 * @self: a #LadderLoadError
 *
 * Returns: (transfer none): why the file failed to load
 */
const GError *
ladder_load_error_get_error (LadderLoadError *self)
{
  g_return_val_if_fail (LADDER_IS_LOAD_ERROR (self), NULL);

  return self->error;
}
