/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-import-edit"

#include "config.h"

#include "ladder-import-edit.h"

/* What a person corrects in an import before it is saved: levels and
 * categories swapped, sections left out, sections renamed. The imported
 * framework is never changed; ladder_import_edit_apply() builds the result
 * anew, so that every correction can be taken back.
 *
 * Sections are kept by what the import read them as (its levels, its
 * categories), so a rename or a section left out holds through a swap. */

typedef struct
{
  char     *name;     /* as renamed, or NULL */
  gboolean  left_out;
} Section;

/* What the import read each section as. */
enum {
  IMPORTED_LEVELS,
  IMPORTED_CATEGORIES,
};

struct _LadderImportEdit
{
  GObject          parent_instance;

  LadderFramework *imported;
  GArray          *sections[2];  /* of Section, in the imported order */
  gboolean         swapped;
};

G_DEFINE_FINAL_TYPE (LadderImportEdit, ladder_import_edit, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_section (gpointer data)
{
  Section *section = data;

  g_clear_pointer (&section->name, g_free);
}

/* Which of the imported kinds @axis shows now. */
static guint
imported_kind (LadderImportEdit *self,
               LadderImportAxis  axis)
{
  guint kind = axis == LADDER_IMPORT_AXIS_LEVELS ? IMPORTED_LEVELS : IMPORTED_CATEGORIES;

  return self->swapped ? 1 - kind : kind;
}

static GListModel *
imported_model (LadderImportEdit *self,
                guint             kind)
{
  return kind == IMPORTED_LEVELS ? ladder_framework_get_levels (self->imported)
                                 : ladder_framework_get_categories (self->imported);
}

static Section *
get_section (LadderImportEdit *self,
             LadderImportAxis  axis,
             guint             index)
{
  GArray *sections = self->sections[imported_kind (self, axis)];

  g_assert (index < sections->len);

  return &g_array_index (sections, Section, index);
}

static void
ladder_import_edit_finalize (GObject *object)
{
  LadderImportEdit *self = LADDER_IMPORT_EDIT (object);

  g_clear_pointer (&self->sections[IMPORTED_LEVELS], g_array_unref);
  g_clear_pointer (&self->sections[IMPORTED_CATEGORIES], g_array_unref);
  g_clear_object (&self->imported);

  G_OBJECT_CLASS (ladder_import_edit_parent_class)->finalize (object);
}

static void
ladder_import_edit_class_init (LadderImportEditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ladder_import_edit_finalize;

  /**
   * LadderImportEdit::changed:
   *
   * Emitted after each change that alters what ladder_import_edit_apply()
   * returns.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ladder_import_edit_init (LadderImportEdit *self)
{
  for (guint kind = 0; kind < G_N_ELEMENTS (self->sections); kind++)
    {
      self->sections[kind] = g_array_new (FALSE, TRUE, sizeof (Section));
      g_array_set_clear_func (self->sections[kind], clear_section);
    }
}

/**
 * ladder_import_edit_new:
 * @imported: a framework as the importer read it
 *
 * Starts an edit of @imported with nothing changed: applied at once, it
 * gives a copy of @imported.
 *
 * Returns: (transfer full): a new #LadderImportEdit
 */
LadderImportEdit *
ladder_import_edit_new (LadderFramework *imported)
{
  LadderImportEdit *self;

  g_return_val_if_fail (LADDER_IS_FRAMEWORK (imported), NULL);

  self = g_object_new (LADDER_TYPE_IMPORT_EDIT, NULL);
  self->imported = g_object_ref (imported);
  for (guint kind = 0; kind < G_N_ELEMENTS (self->sections); kind++)
    g_array_set_size (self->sections[kind], g_list_model_get_n_items (imported_model (self, kind)));

  return self;
}

/**
 * ladder_import_edit_get_imported:
 * @self: a #LadderImportEdit
 *
 * Returns: (transfer none): the framework as the importer read it
 */
LadderFramework *
ladder_import_edit_get_imported (LadderImportEdit *self)
{
  g_return_val_if_fail (LADDER_IS_IMPORT_EDIT (self), NULL);

  return self->imported;
}

/**
 * ladder_import_edit_get_swapped:
 * @self: a #LadderImportEdit
 *
 * Returns: whether the levels are what the import read as categories
 */
gboolean
ladder_import_edit_get_swapped (LadderImportEdit *self)
{
  g_return_val_if_fail (LADDER_IS_IMPORT_EDIT (self), FALSE);

  return self->swapped;
}

/**
 * ladder_import_edit_set_swapped:
 * @self: a #LadderImportEdit
 * @swapped: %TRUE to make the imported categories the levels and the
 *   imported levels the categories
 *
 * Each behaviour stays in the same cell of the matrix, read the other way.
 * Renames and sections left out go with their sections.
 */
void
ladder_import_edit_set_swapped (LadderImportEdit *self,
                                gboolean          swapped)
{
  g_return_if_fail (LADDER_IS_IMPORT_EDIT (self));

  if (self->swapped == !!swapped)
    return;

  self->swapped = !!swapped;
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * ladder_import_edit_get_n_sections:
 * @self: a #LadderImportEdit
 * @axis: levels or categories, as they are now
 *
 * Returns: how many sections @axis has, left out ones included
 */
guint
ladder_import_edit_get_n_sections (LadderImportEdit *self,
                                   LadderImportAxis  axis)
{
  g_return_val_if_fail (LADDER_IS_IMPORT_EDIT (self), 0);

  return self->sections[imported_kind (self, axis)]->len;
}

/**
 * ladder_import_edit_get_section_name:
 * @self: a #LadderImportEdit
 * @axis: levels or categories, as they are now
 * @index: the section's position on @axis, left out ones included
 *
 * Returns: (transfer none): the section's name, as renamed if it was
 */
const char *
ladder_import_edit_get_section_name (LadderImportEdit *self,
                                     LadderImportAxis  axis,
                                     guint             index)
{
  guint kind;
  Section *section;
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (LADDER_IS_IMPORT_EDIT (self), NULL);
  g_return_val_if_fail (index < ladder_import_edit_get_n_sections (self, axis), NULL);

  section = get_section (self, axis, index);
  if (section->name != NULL)
    return section->name;

  /* The model holds the item, so its name outlives this reference. */
  kind = imported_kind (self, axis);
  item = g_list_model_get_item (imported_model (self, kind), index);

  return kind == IMPORTED_LEVELS ? ladder_level_get_name (LADDER_LEVEL (item))
                                 : ladder_category_get_name (LADDER_CATEGORY (item));
}

/**
 * ladder_import_edit_rename_section:
 * @self: a #LadderImportEdit
 * @axis: levels or categories, as they are now
 * @index: the section's position on @axis, left out ones included
 * @name: (nullable): the new name; %NULL, or only white space, for the
 *   name the import found
 *
 * Renames one level or category of the result.
 */
void
ladder_import_edit_rename_section (LadderImportEdit *self,
                                   LadderImportAxis  axis,
                                   guint             index,
                                   const char       *name)
{
  g_autofree char *stripped = NULL;
  Section *section;

  g_return_if_fail (LADDER_IS_IMPORT_EDIT (self));
  g_return_if_fail (index < ladder_import_edit_get_n_sections (self, axis));

  section = get_section (self, axis, index);
  if (name != NULL)
    stripped = g_strstrip (g_strdup (name));
  if (stripped != NULL && *stripped == '\0')
    g_clear_pointer (&stripped, g_free);
  if (g_strcmp0 (section->name, stripped) == 0)
    return;

  g_free (section->name);
  section->name = g_steal_pointer (&stripped);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * ladder_import_edit_get_left_out:
 * @self: a #LadderImportEdit
 * @axis: levels or categories, as they are now
 * @index: the section's position on @axis
 *
 * Returns: whether the section is left out of the result
 */
gboolean
ladder_import_edit_get_left_out (LadderImportEdit *self,
                                 LadderImportAxis  axis,
                                 guint             index)
{
  g_return_val_if_fail (LADDER_IS_IMPORT_EDIT (self), FALSE);
  g_return_val_if_fail (index < ladder_import_edit_get_n_sections (self, axis), FALSE);

  return get_section (self, axis, index)->left_out;
}

/**
 * ladder_import_edit_set_left_out:
 * @self: a #LadderImportEdit
 * @axis: levels or categories, as they are now
 * @index: the section's position on @axis
 * @left_out: %TRUE to leave the section and its behaviours out of the
 *   result, %FALSE to bring them back
 */
void
ladder_import_edit_set_left_out (LadderImportEdit *self,
                                 LadderImportAxis  axis,
                                 guint             index,
                                 gboolean          left_out)
{
  Section *section;

  g_return_if_fail (LADDER_IS_IMPORT_EDIT (self));
  g_return_if_fail (index < ladder_import_edit_get_n_sections (self, axis));

  section = get_section (self, axis, index);
  if (section->left_out == !!left_out)
    return;

  section->left_out = !!left_out;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The ids of the sections of @kind that stay, each mapped to itself. */
static GHashTable *
kept_ids (LadderImportEdit *self,
          guint             kind)
{
  GListModel *model = imported_model (self, kind);
  GHashTable *kept = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *id = kind == IMPORTED_LEVELS ? ladder_level_get_id (LADDER_LEVEL (item))
                                               : ladder_category_get_id (LADDER_CATEGORY (item));

      if (!g_array_index (self->sections[kind], Section, i).left_out)
        g_hash_table_add (kept, (gpointer) id);
    }

  return kept;
}

/**
 * ladder_import_edit_apply:
 * @self: a #LadderImportEdit
 *
 * Builds the framework the edit describes: the imported framework's name,
 * organisation, description, source, sub-levels and readiness rule; its
 * levels and categories, swapped if asked, without the sections left out
 * and with the new names; and every behaviour and cell whose level and
 * category both stay, with the same ids. A level made from a category
 * takes its description as the summary, and a category made from a level
 * takes the level's summary as its description.
 *
 * Returns: (transfer full): a new framework, which shares nothing with the
 *   imported one
 */
LadderFramework *
ladder_import_edit_apply (LadderImportEdit *self)
{
  LadderFramework *imported;
  g_autoptr(LadderFramework) result = NULL;
  g_autoptr(GHashTable) kept_levels = NULL;
  g_autoptr(GHashTable) kept_categories = NULL;
  GListModel *behaviours;
  GListModel *cells;

  g_return_val_if_fail (LADDER_IS_IMPORT_EDIT (self), NULL);

  imported = self->imported;
  result = ladder_framework_new (ladder_framework_get_id (imported),
                                 ladder_framework_get_name (imported));
  ladder_framework_set_organisation (result, ladder_framework_get_organisation (imported));
  ladder_framework_set_description (result, ladder_framework_get_description (imported));
  ladder_framework_set_source (result, ladder_framework_get_source (imported));
  ladder_framework_set_sublevels (result, ladder_framework_get_sublevels (imported));
  ladder_framework_set_readiness (result, ladder_framework_get_readiness_rule (imported),
                                  ladder_framework_get_readiness_percent (imported));

  for (guint axis = LADDER_IMPORT_AXIS_LEVELS; axis <= LADDER_IMPORT_AXIS_CATEGORIES; axis++)
    {
      guint kind = imported_kind (self, axis);
      GListModel *model = imported_model (self, kind);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, i);
          const char *name = ladder_import_edit_get_section_name (self, axis, i);
          const char *id;
          const char *about;

          if (ladder_import_edit_get_left_out (self, axis, i))
            continue;

          if (kind == IMPORTED_LEVELS)
            {
              id = ladder_level_get_id (LADDER_LEVEL (item));
              about = ladder_level_get_summary (LADDER_LEVEL (item));
            }
          else
            {
              id = ladder_category_get_id (LADDER_CATEGORY (item));
              about = ladder_category_get_description (LADDER_CATEGORY (item));
            }

          if (axis == LADDER_IMPORT_AXIS_LEVELS)
            {
              g_autoptr(LadderLevel) level = ladder_level_new (id, name, about);

              ladder_framework_add_level (result, level);
            }
          else
            {
              const char *emoji = kind == IMPORTED_CATEGORIES
                                    ? ladder_category_get_emoji (LADDER_CATEGORY (item)) : NULL;
              g_autoptr(LadderCategory) category = ladder_category_new (id, name, emoji, about);

              ladder_framework_add_category (result, category);
            }
        }
    }

  kept_levels = kept_ids (self, IMPORTED_LEVELS);
  kept_categories = kept_ids (self, IMPORTED_CATEGORIES);

  behaviours = ladder_framework_get_behaviours (imported);
  for (guint i = 0; i < g_list_model_get_n_items (behaviours); i++)
    {
      g_autoptr(LadderBehaviour) behaviour = g_list_model_get_item (behaviours, i);
      const char *level = ladder_behaviour_get_level (behaviour);
      const char *category = ladder_behaviour_get_category (behaviour);
      g_autoptr(LadderBehaviour) copy = NULL;

      if (!g_hash_table_contains (kept_levels, level) ||
          !g_hash_table_contains (kept_categories, category))
        continue;

      copy = ladder_behaviour_new (ladder_behaviour_get_id (behaviour),
                                   self->swapped ? category : level,
                                   self->swapped ? level : category,
                                   ladder_behaviour_get_section (behaviour),
                                   ladder_behaviour_get_text (behaviour));
      ladder_behaviour_set_examples (copy, ladder_behaviour_get_examples (behaviour));
      ladder_framework_add_behaviour (result, copy);
    }

  cells = ladder_framework_get_cells (imported);
  for (guint i = 0; i < g_list_model_get_n_items (cells); i++)
    {
      g_autoptr(LadderCell) cell = g_list_model_get_item (cells, i);
      const char *level = ladder_cell_get_level (cell);
      const char *category = ladder_cell_get_category (cell);
      g_autoptr(LadderCell) copy = NULL;

      if (!g_hash_table_contains (kept_levels, level) ||
          !g_hash_table_contains (kept_categories, category))
        continue;

      copy = ladder_cell_new (self->swapped ? category : level,
                              self->swapped ? level : category,
                              ladder_cell_get_summary (cell));
      ladder_cell_set_examples (copy, ladder_cell_get_examples (cell));
      ladder_framework_add_cell (result, copy);
    }

  return g_steal_pointer (&result);
}
