/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-import-progression"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-import-private.h"

LadderFramework *
_ladder_import_parse_progression (const LadderImportInput  *input,
                                  LadderImportBuilder      *builder,
                                  GError                  **error)
{
  return _ladder_import_parse_text (input, builder, error);
}
