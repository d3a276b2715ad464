/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ladder-framework.h"

G_BEGIN_DECLS

/**
 * LadderImportAxis:
 * @LADDER_IMPORT_AXIS_LEVELS: the levels of the result
 * @LADDER_IMPORT_AXIS_CATEGORIES: the categories of the result
 *
 * One of the two axes of an imported framework, as the edit shows it:
 * after a swap, the levels axis holds what the import read as categories.
 */
typedef enum
{
  LADDER_IMPORT_AXIS_LEVELS,
  LADDER_IMPORT_AXIS_CATEGORIES,
} LadderImportAxis;

#define LADDER_TYPE_IMPORT_EDIT (ladder_import_edit_get_type ())
G_DECLARE_FINAL_TYPE (LadderImportEdit, ladder_import_edit, LADDER, IMPORT_EDIT, GObject)

LadderImportEdit *ladder_import_edit_new              (LadderFramework  *imported);
LadderFramework  *ladder_import_edit_get_imported     (LadderImportEdit *self);
gboolean          ladder_import_edit_get_swapped      (LadderImportEdit *self);
void              ladder_import_edit_set_swapped      (LadderImportEdit *self,
                                                       gboolean          swapped);
guint             ladder_import_edit_get_n_sections   (LadderImportEdit *self,
                                                       LadderImportAxis  axis);
const char       *ladder_import_edit_get_section_name (LadderImportEdit *self,
                                                       LadderImportAxis  axis,
                                                       guint             index);
void              ladder_import_edit_rename_section   (LadderImportEdit *self,
                                                       LadderImportAxis  axis,
                                                       guint             index,
                                                       const char       *name);
gboolean          ladder_import_edit_get_left_out     (LadderImportEdit *self,
                                                       LadderImportAxis  axis,
                                                       guint             index);
void              ladder_import_edit_set_left_out     (LadderImportEdit *self,
                                                       LadderImportAxis  axis,
                                                       guint             index,
                                                       gboolean          left_out);
LadderFramework  *ladder_import_edit_apply            (LadderImportEdit *self);

G_END_DECLS
