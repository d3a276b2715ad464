/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_IMPORT_DIALOG (ladder_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LadderImportDialog, ladder_import_dialog, LADDER, IMPORT_DIALOG, AdwDialog)

/* The preview of a framework imported from @contents: its levels ×
 * categories, the readings the importer weighed, the importer's warnings,
 * and the corrections a person makes before saving (another reading,
 * levels and categories swapped, sections left out or renamed). "Import"
 * adds the result to @library and emits "imported". */
AdwDialog *ladder_import_dialog_new          (LadderLibrary      *library,
                                              GBytes             *contents,
                                              const char         *filename,
                                              GError            **error);
/* Starts with a page to paste text into, then previews it. */
AdwDialog *ladder_import_dialog_new_for_text (LadderLibrary      *library);

G_END_DECLS
