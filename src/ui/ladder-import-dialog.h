/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_IMPORT_DIALOG (ladder_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LadderImportDialog, ladder_import_dialog, LADDER, IMPORT_DIALOG, AdwDialog)

/* The preview of an imported framework: its levels, categories and
 * behaviours and the importer's warnings. "Import" adds it to @library and
 * emits "imported". */
AdwDialog *ladder_import_dialog_new          (LadderLibrary      *library,
                                              LadderFramework    *framework,
                                              LadderImportReport *report);
/* Starts with a page to paste text into, then previews it. */
AdwDialog *ladder_import_dialog_new_for_text (LadderLibrary      *library);

G_END_DECLS
