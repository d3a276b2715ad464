/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_EXPORT_DIALOG (ladder_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (LadderExportDialog, ladder_export_dialog, LADDER, EXPORT_DIALOG, AdwDialog)

/* What Export PDF… asks before the file: what the summary covers, set to
 * what a 1:1 needs (ladder_report_options_init_for_meeting()). Its
 * "export" signal says the person chose Export; the dialog then closes. */
LadderExportDialog *ladder_export_dialog_new         (LadderProfile       *profile);
/* Sets the members of @options the dialog chooses, leaving the others. */
void                ladder_export_dialog_get_options (LadderExportDialog  *self,
                                                      LadderReportOptions *options);

G_END_DECLS
