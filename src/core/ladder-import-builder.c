/* SPDX-License-Identifier: GPL-3.0-or-later */

/* LadderImportBuilder: what every reader finds (levels, categories,
 * behaviours with their examples, cells' summaries), collected in reading
 * order and made into a LadderFramework at the end, with the ids, the
 * name and the organisation it works out and the warnings of what it
 * leaves out. The entry points are in ladder-import.c. */

#define G_LOG_DOMAIN "ladder-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ladder-format.h"
#include "ladder-format-private.h"
#include "ladder-import-private.h"

typedef struct
{
  char *id;
  char *name;
  char *summary;
} BuilderLevel;

typedef struct
{
  char *key;
  char *name;
  char *emoji;
  char *description;
} BuilderCategory;

typedef struct
{
  guint      level;
  guint      category;
  GString   *summary;
  GPtrArray *examples;
} BuilderCell;

struct _LadderImportBuilder
{
  const LadderImportInput   *input;
  const LadderImportOptions *options;
  char                      *name;
  char                      *organisation;
  GString                   *description;
  char                     **sublevels;
  GPtrArray                 *levels;
  GHashTable                *level_index;
  GPtrArray                 *categories;
  GHashTable                *category_index;
  GPtrArray                 *items;
  GPtrArray                 *cells;
  GHashTable                *cell_index;
};

static void
builder_level_free (gpointer data)
{
  BuilderLevel *level = data;

  g_free (level->id);
  g_free (level->name);
  g_free (level->summary);
  g_free (level);
}

static void
builder_category_free (gpointer data)
{
  BuilderCategory *category = data;

  g_free (category->key);
  g_free (category->name);
  g_free (category->emoji);
  g_free (category->description);
  g_free (category);
}

static void
builder_item_free (gpointer data)
{
  LadderImportItem *item = data;

  g_free (item->section);
  g_free (item->text);
  g_clear_pointer (&item->examples, g_ptr_array_unref);
  g_free (item);
}

static void
builder_cell_free (gpointer data)
{
  BuilderCell *cell = data;

  g_string_free (cell->summary, TRUE);
  g_ptr_array_unref (cell->examples);
  g_free (cell);
}

LadderImportBuilder *
_ladder_import_builder_new (const LadderImportInput   *input,
                            const LadderImportOptions *options)
{
  LadderImportBuilder *builder = g_new0 (LadderImportBuilder, 1);

  builder->input = input;
  builder->options = options;
  builder->description = g_string_new (NULL);
  builder->levels = g_ptr_array_new_with_free_func (builder_level_free);
  builder->level_index = g_hash_table_new (g_str_hash, g_str_equal);
  builder->categories = g_ptr_array_new_with_free_func (builder_category_free);
  builder->category_index = g_hash_table_new (g_str_hash, g_str_equal);
  builder->items = g_ptr_array_new_with_free_func (builder_item_free);
  builder->cells = g_ptr_array_new_with_free_func (builder_cell_free);
  builder->cell_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return builder;
}

void
_ladder_import_builder_free (LadderImportBuilder *builder)
{
  if (builder == NULL)
    return;

  g_free (builder->name);
  g_free (builder->organisation);
  g_string_free (builder->description, TRUE);
  g_strfreev (builder->sublevels);
  g_hash_table_unref (builder->level_index);
  g_ptr_array_unref (builder->levels);
  g_hash_table_unref (builder->category_index);
  g_ptr_array_unref (builder->categories);
  g_ptr_array_unref (builder->items);
  g_hash_table_unref (builder->cell_index);
  g_ptr_array_unref (builder->cells);
  g_free (builder);
}

void
_ladder_import_builder_set_name (LadderImportBuilder *builder,
                                 const char          *name)
{
  g_autofree char *words = NULL;

  g_assert (builder != NULL);

  /* "Backend Engineering 🛠": the emoji is decoration. */
  if (name != NULL && _ladder_import_split_emoji (name, NULL, &words))
    name = words;

  g_free (builder->name);
  builder->name = _ladder_import_collapse_space (name, -1);
}

const char *
_ladder_import_builder_get_name (LadderImportBuilder *builder)
{
  g_assert (builder != NULL);

  return builder->name;
}

void
_ladder_import_builder_set_organisation (LadderImportBuilder *builder,
                                         const char          *organisation)
{
  g_assert (builder != NULL);

  g_free (builder->organisation);
  builder->organisation = _ladder_import_collapse_space (organisation, -1);
}

/* Appends a paragraph; paragraphs are separated by a blank line. */
void
_ladder_import_builder_add_description (LadderImportBuilder *builder,
                                        const char          *paragraph)
{
  g_assert (builder != NULL);

  if (paragraph == NULL || paragraph[0] == '\0')
    return;
  if (builder->description->len > 0)
    g_string_append (builder->description, "\n\n");
  g_string_append (builder->description, paragraph);
}

void
_ladder_import_builder_set_sublevels (LadderImportBuilder *builder,
                                      const char * const  *sublevels)
{
  g_assert (builder != NULL);

  g_strfreev (builder->sublevels);
  builder->sublevels = g_strdupv ((char **) sublevels);
}

/* Adds a level, or finds the one with this id. @id may be NULL: the
 * level's id is then its number where the name is a level cue ("Level 2",
 * "L2": "2", as every importer numbers levels), else made from its name. */
guint
_ladder_import_builder_add_level (LadderImportBuilder *builder,
                                  const char          *id,
                                  const char          *name)
{
  g_autofree char *slug = NULL;
  BuilderLevel *level;
  gpointer found;

  g_assert (builder != NULL);
  g_assert (id != NULL || name != NULL);

  if (id == NULL && _ladder_import_parse_level_cue (name, &slug))
    id = slug;
  if (id == NULL)
    {
      slug = _ladder_import_slugify (name);
      if (slug[0] == '\0')
        {
          g_free (slug);
          slug = g_strdup_printf ("%u", builder->levels->len + 1);
        }
      id = slug;
    }

  found = g_hash_table_lookup (builder->level_index, id);
  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  level = g_new0 (BuilderLevel, 1);
  level->id = g_strdup (id);
  level->name = name != NULL ? _ladder_import_collapse_space (name, -1)
                             : g_strdup_printf (_("Level %s"), id);
  g_ptr_array_add (builder->levels, level);
  g_hash_table_insert (builder->level_index, level->id, GUINT_TO_POINTER (builder->levels->len));

  return builder->levels->len - 1;
}

guint
_ladder_import_builder_find_level (LadderImportBuilder *builder,
                                   const char          *id)
{
  gpointer found;

  g_assert (builder != NULL);

  found = g_hash_table_lookup (builder->level_index, id);

  return found != NULL ? GPOINTER_TO_UINT (found) - 1 : LADDER_IMPORT_NONE;
}

guint
_ladder_import_builder_get_n_levels (LadderImportBuilder *builder)
{
  g_assert (builder != NULL);

  return builder->levels->len;
}

void
_ladder_import_builder_set_level_summary (LadderImportBuilder *builder,
                                          guint                level,
                                          const char          *summary)
{
  BuilderLevel *found;

  g_assert (builder != NULL);
  g_assert (level < builder->levels->len);

  found = g_ptr_array_index (builder->levels, level);
  if (found->summary == NULL)
    {
      found->summary = g_strdup (summary);
    }
  else
    {
      char *joined = g_strconcat (found->summary, "\n\n", summary, NULL);

      g_free (found->summary);
      found->summary = joined;
    }
}

/* Adds a category, or finds the one with the same name (emoji and case
 * aside). @name may carry its emoji; @emoji, when given, wins. */
guint
_ladder_import_builder_add_category (LadderImportBuilder *builder,
                                     const char          *name,
                                     const char          *emoji)
{
  g_autofree char *split_emoji = NULL;
  g_autofree char *words = NULL;
  g_autofree char *key = NULL;
  BuilderCategory *category;
  gpointer found;

  g_assert (builder != NULL);
  g_assert (name != NULL);

  if (_ladder_import_split_emoji (name, &split_emoji, &words))
    name = words;
  if (emoji == NULL)
    emoji = split_emoji;

  key = _ladder_import_casefold_key (name);
  found = g_hash_table_lookup (builder->category_index, key);
  if (found != NULL)
    {
      category = g_ptr_array_index (builder->categories, GPOINTER_TO_UINT (found) - 1);
      if (category->emoji == NULL && emoji != NULL)
        category->emoji = g_strdup (emoji);
      return GPOINTER_TO_UINT (found) - 1;
    }

  category = g_new0 (BuilderCategory, 1);
  category->key = g_steal_pointer (&key);
  category->name = _ladder_import_collapse_space (name, -1);
  /* Trailing colons belong to the sentence, not the name. */
  while (g_str_has_suffix (category->name, ":"))
    category->name[strlen (category->name) - 1] = '\0';
  category->emoji = g_strdup (emoji);
  g_ptr_array_add (builder->categories, category);
  g_hash_table_insert (builder->category_index, category->key,
                       GUINT_TO_POINTER (builder->categories->len));

  return builder->categories->len - 1;
}

guint
_ladder_import_builder_find_category (LadderImportBuilder *builder,
                                      const char          *name)
{
  g_autofree char *key = NULL;
  gpointer found;

  g_assert (builder != NULL);

  key = _ladder_import_casefold_key (name);
  found = g_hash_table_lookup (builder->category_index, key);

  return found != NULL ? GPOINTER_TO_UINT (found) - 1 : LADDER_IMPORT_NONE;
}

void
_ladder_import_builder_set_category_description (LadderImportBuilder *builder,
                                                 guint                category,
                                                 const char          *description)
{
  BuilderCategory *found;

  g_assert (builder != NULL);
  g_assert (category < builder->categories->len);

  found = g_ptr_array_index (builder->categories, category);
  if (found->description == NULL)
    {
      found->description = g_strdup (description);
    }
  else
    {
      char *joined = g_strconcat (found->description, "\n\n", description, NULL);

      g_free (found->description);
      found->description = joined;
    }
}

LadderImportItem *
_ladder_import_builder_add_behaviour (LadderImportBuilder *builder,
                                      guint                level,
                                      guint                category,
                                      const char          *section,
                                      const char          *text,
                                      guint                line)
{
  LadderImportItem *item;

  g_assert (builder != NULL);
  g_assert (level < builder->levels->len);
  g_assert (category == LADDER_IMPORT_NONE || category < builder->categories->len);
  g_assert (text != NULL);

  item = g_new0 (LadderImportItem, 1);
  item->level = level;
  item->category = category;
  item->section = g_strdup (section);
  item->text = g_strdup (text);
  item->line = line;
  g_ptr_array_add (builder->items, item);

  return item;
}

void
_ladder_import_item_add_example (LadderImportItem *item,
                                 const char       *example)
{
  const char *stripped;

  g_assert (item != NULL);

  if (example == NULL || example[0] == '\0')
    return;
  /* "For example, a change …" under a behaviour: the list says so. */
  stripped = _ladder_import_strip_example_prefix (example);
  if (stripped != NULL)
    example = stripped;
  if (item->examples == NULL)
    item->examples = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (item->examples, g_strdup (example));
}

guint
_ladder_import_builder_get_n_behaviours (LadderImportBuilder *builder)
{
  g_assert (builder != NULL);

  return builder->items->len;
}

static BuilderCell *
builder_get_cell (LadderImportBuilder *builder,
                  guint                level,
                  guint                category)
{
  g_autofree char *key = g_strdup_printf ("%u:%u", level, category);
  BuilderCell *cell;
  gpointer found;

  g_assert (level < builder->levels->len);

  found = g_hash_table_lookup (builder->cell_index, key);
  if (found != NULL)
    return g_ptr_array_index (builder->cells, GPOINTER_TO_UINT (found) - 1);

  cell = g_new0 (BuilderCell, 1);
  cell->level = level;
  cell->category = category;
  cell->summary = g_string_new (NULL);
  cell->examples = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (builder->cells, cell);
  g_hash_table_insert (builder->cell_index, g_steal_pointer (&key),
                       GUINT_TO_POINTER (builder->cells->len));

  return cell;
}

void
_ladder_import_builder_add_cell_summary (LadderImportBuilder *builder,
                                         guint                level,
                                         guint                category,
                                         const char          *summary)
{
  BuilderCell *cell = builder_get_cell (builder, level, category);

  if (cell->summary->len > 0)
    g_string_append (cell->summary, "\n\n");
  g_string_append (cell->summary, summary);
}

void
_ladder_import_builder_add_cell_example (LadderImportBuilder *builder,
                                         guint                level,
                                         guint                category,
                                         const char          *example)
{
  BuilderCell *cell = builder_get_cell (builder, level, category);

  g_ptr_array_add (cell->examples, g_strdup (example));
}

/* "medium-foundations.txt" → "Medium foundations" */
static char *
name_from_filename (const char *filename)
{
  g_autofree char *base = g_path_get_basename (filename);
  char *dot = strrchr (base, '.');
  char *name;

  if (dot != NULL && dot != base)
    *dot = '\0';
  g_strdelimit (base, "-_", ' ');
  name = _ladder_import_collapse_space (base, -1);
  if (name[0] != '\0' && g_ascii_islower (name[0]))
    name[0] = g_ascii_toupper (name[0]);

  return name;
}

/* Makes an id unique among @taken by appending "-2", "-3"… */
static char *
unique_id (GHashTable *taken,
           const char *wanted)
{
  char *id = g_strdup (wanted);

  for (guint n = 2; g_hash_table_contains (taken, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", wanted, n);
    }
  g_hash_table_add (taken, id);

  return id;
}

static char **
ptr_array_to_strv (GPtrArray *array)
{
  char **strv = g_new0 (char *, (array != NULL ? array->len : 0) + 1);

  for (guint i = 0; array != NULL && i < array->len; i++)
    strv[i] = g_strdup (g_ptr_array_index (array, i));

  return strv;
}

/* "Senior Backend Engineers at GitLab are expected …", "engineers at
 * Dummy Co.": the capitalised words after "<role>s at", up to four. The
 * first such phrase in the text names the organisation. */
/* "Embodies Novoda’s values": the one capitalised word before "’s
 * values" names the organisation whose values they are. */
static char *
find_values_owner (const LadderImportInput *input)
{
  static const char * const cues[] = { "\u2019s values", "'s values" };

  for (guint i = 0; i < input->n_lines; i++)
    {
      const char *text = input->lines[i].text;

      for (gsize c = 0; c < G_N_ELEMENTS (cues); c++)
        {
          const char *found = strstr (text, cues[c]);
          const char *start;

          if (found == NULL)
            continue;
          start = found;
          while (start > text && (g_ascii_isalnum (start[-1]) || start[-1] == '-'))
            start--;
          if (start < found && g_ascii_isupper (*start) &&
              (start == text || start[-1] == ' '))
            return g_strndup (start, found - start);
        }
    }

  return NULL;
}

static char *
find_organisation (const LadderImportInput *input)
{
  static const char * const roles[] = {
    "engineers at ", "engineer at ", "developers at ", "developer at ",
    "managers at ", "designers at ", "scientists at ", "ladder used at ", "framework used at ",
  };

  for (guint i = 0; i < input->n_lines; i++)
    {
      const char *text = input->lines[i].text;

      for (gsize r = 0; r < G_N_ELEMENTS (roles); r++)
        {
          const char *found = strstr (text, roles[r]);
          g_autoptr(GString) name = NULL;
          const char *p;

          if (found == NULL)
            {
              /* "Engineers at" opens a sentence too. */
              g_autofree char *capital = g_strdup (roles[r]);

              capital[0] = g_ascii_toupper (capital[0]);
              found = strstr (text, capital);
            }
          if (found == NULL)
            continue;

          name = g_string_new (NULL);
          p = found + strlen (roles[r]);
          for (guint words = 0; words < 4 && g_ascii_isupper (*p); words++)
            {
              const char *end = p;

              while (*end != '\0' && *end != ' ' && *end != ',' && *end != ';' &&
                     *end != ':' && *end != ')' && *end != '.' && *end != '"')
                end++;
              /* "Co." keeps its point; a sentence's end does not. */
              if (*end == '.' && end - p <= 3 && (end[1] == ' ' || end[1] == '\0') &&
                  g_ascii_strncasecmp (p, "co", end - p) == 0)
                end++;
              if (name->len > 0)
                g_string_append_c (name, ' ');
              g_string_append_len (name, p, end - p);
              p = end;
              if (*p != ' ' || end[-1] == '.')
                break;
              p++;
            }
          if (name->len > 0)
            {
              /* A full stop after "Co" that ends the sentence too. */
              if (g_str_has_suffix (name->str, "Co."))
                g_string_truncate (name, name->len - 1);
              return g_string_free (g_steal_pointer (&name), FALSE);
            }
        }
    }

  /* A saved page's title: "<title>Dropbox Engineering Career Framework". */
  for (guint i = 0; i < input->n_lines; i++)
    {
      const char *found = strstr (input->lines[i].text, "<title>");
      g_auto(GStrv) words = NULL;
      g_autoptr(GString) name = NULL;

      if (found == NULL)
        continue;
      words = g_strsplit (found + strlen ("<title>"), " ", 8);
      name = g_string_new (NULL);
      for (guint w = 0; words[w] != NULL && words[w + 1] != NULL && g_ascii_isupper (words[w][0]); w++)
        {
          if (name->len > 0 &&
              (g_str_equal (words[w], "Engineering") || g_str_equal (words[w], "Career") ||
               g_str_equal (words[w], "Careers")))
            return g_string_free (g_steal_pointer (&name), FALSE);
          if (name->len > 0)
            g_string_append_c (name, ' ');
          g_string_append (name, words[w]);
        }
      break;
    }

  return find_values_owner (input);
}

/* A warning about a part of the input a reading leaves out, for the
 * readings of the outline, which have no lines of their own. */
void
_ladder_import_builder_warn (LadderImportBuilder *builder,
                             guint                line,
                             const char          *text,
                             const char          *message)
{
  ladder_import_report_add (builder->input->report, line, text, message);
}

/* Nothing was read as a behaviour: says what was found, and what was
 * looked for under it. */
static void
set_empty_error (LadderImportBuilder  *builder,
                 GError              **error)
{
  const char *filename = builder->input->filename;

  if (builder->levels->len > 0)
    {
      const BuilderLevel *first = g_ptr_array_index (builder->levels, 0);

      if (builder->levels->len == 1)
        _ladder_import_set_error (error, LADDER_IMPORT_ERROR_EMPTY, filename, 0, 0,
                                  _("No behaviours were found under the level “%s”: expected "
                                    "bullets or lines of text under it."),
                                  first->name);
      else
        _ladder_import_set_error (error, LADDER_IMPORT_ERROR_EMPTY, filename, 0, 0,
                                  ngettext ("No behaviours were found under the %u level from "
                                            "“%s” on: expected bullets or lines of text under "
                                            "each.",
                                            "No behaviours were found under the %u levels from "
                                            "“%s” on: expected bullets or lines of text under "
                                            "each.",
                                            builder->levels->len),
                                  builder->levels->len, first->name);
      return;
    }
  if (builder->categories->len > 0)
    {
      _ladder_import_set_error (error, LADDER_IMPORT_ERROR_EMPTY, filename, 0, 0,
                                _("No levels and no behaviours were found, only categories: "
                                  "expected levels such as Level 1 or Senior, with bullets or "
                                  "lines of text under each."));
      return;
    }
  _ladder_import_set_error (error, LADDER_IMPORT_ERROR_EMPTY, filename, 0, 0,
                            _("No levels and no behaviours were found: expected headings or "
                              "lines naming levels such as Level 1 or Senior, with bullets or "
                              "lines of text under each."));
}

LadderFramework *
_ladder_import_builder_finish (LadderImportBuilder  *builder,
                               GError              **error)
{
  const LadderImportOptions *options;
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(GHashTable) taken_categories = NULL;
  g_autoptr(GHashTable) taken_behaviours = NULL;
  g_autoptr(GHashTable) counters = NULL;
  g_autoptr(GPtrArray) category_ids = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;
  const char *implicit_id = NULL;
  const char *organisation;
  gboolean needs_implicit = FALSE;
  gboolean added;

  g_assert (builder != NULL);

  options = builder->options;

  if (builder->items->len == 0)
    {
      set_empty_error (builder, error);
      return NULL;
    }

  if (options->name != NULL && options->name[0] != '\0')
    name = g_strdup (options->name);
  else if (builder->name != NULL && builder->name[0] != '\0')
    name = g_strdup (builder->name);
  else if (builder->input->filename != NULL)
    name = name_from_filename (builder->input->filename);
  if (name == NULL || name[0] == '\0')
    {
      g_free (name);
      name = g_strdup (_("Imported Framework"));
    }

  if (options->organisation == NULL && builder->organisation == NULL)
    builder->organisation = find_organisation (builder->input);
  organisation = options->organisation != NULL ? options->organisation : builder->organisation;

  if (options->id != NULL && options->id[0] != '\0')
    {
      id = g_strdup (options->id);
    }
  else
    {
      g_autofree char *both = g_strjoin (" ", organisation != NULL ? organisation : "", name, NULL);

      id = _ladder_import_slugify (both);
      if (id[0] == '\0')
        {
          g_free (id);
          id = g_strdup ("framework");
        }
    }

  framework = ladder_framework_new (id, name);
  if (organisation != NULL && organisation[0] != '\0')
    ladder_framework_set_organisation (framework, organisation);
  if (builder->description->len > 0)
    ladder_framework_set_description (framework, builder->description->str);
  if (options->source != NULL)
    ladder_framework_set_source (framework, options->source);

  if (builder->sublevels == NULL && builder->description->len > 0)
    builder->sublevels = _ladder_import_find_sublevels (builder->description->str);
  if (builder->sublevels != NULL)
    ladder_framework_set_sublevels (framework, (const char * const *) builder->sublevels);

  /* The builder makes every id unique and adds each level and category
   * before what refers to it, so no add below can fail. */
  for (guint i = 0; i < builder->levels->len; i++)
    {
      BuilderLevel *level = g_ptr_array_index (builder->levels, i);
      g_autoptr(LadderLevel) object = ladder_level_new (level->id, level->name, level->summary);

      added = ladder_framework_add_level (framework, object);
      g_warn_if_fail (added);
    }

  for (guint i = 0; i < builder->items->len && !needs_implicit; i++)
    {
      LadderImportItem *item = g_ptr_array_index (builder->items, i);

      needs_implicit = item->category == LADDER_IMPORT_NONE;
    }
  for (guint i = 0; i < builder->cells->len && !needs_implicit; i++)
    {
      BuilderCell *cell = g_ptr_array_index (builder->cells, i);

      needs_implicit = cell->category == LADDER_IMPORT_NONE;
    }

  /* A page with no category headings is one track, named after the
   * framework (Medium's "Foundations"). It comes first: its behaviours
   * came before any category heading. */
  taken_categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (needs_implicit)
    {
      g_autofree char *slug = _ladder_import_slugify (name);
      g_autoptr(LadderCategory) object = NULL;

      implicit_id = unique_id (taken_categories, slug[0] != '\0' ? slug : "general");
      object = ladder_category_new (implicit_id, name, NULL, NULL);
      added = ladder_framework_add_category (framework, object);
      g_warn_if_fail (added);
    }

  category_ids = g_ptr_array_new ();
  for (guint i = 0; i < builder->categories->len; i++)
    {
      BuilderCategory *category = g_ptr_array_index (builder->categories, i);
      g_autofree char *slug = _ladder_import_slugify (category->name);
      g_autoptr(LadderCategory) object = NULL;
      char *category_id;

      if (slug[0] == '\0')
        {
          g_free (slug);
          slug = g_strdup_printf ("category-%u", i + 1);
        }
      category_id = unique_id (taken_categories, slug);
      g_ptr_array_add (category_ids, category_id);
      object = ladder_category_new (category_id, category->name, category->emoji,
                                    category->description);
      added = ladder_framework_add_category (framework, object);
      g_warn_if_fail (added);
    }

  for (guint i = 0; i < builder->cells->len; i++)
    {
      BuilderCell *cell = g_ptr_array_index (builder->cells, i);
      BuilderLevel *level = g_ptr_array_index (builder->levels, cell->level);
      const char *category_id;
      g_autoptr(LadderCell) object = NULL;
      g_auto(GStrv) examples = NULL;

      if (cell->summary->len == 0 && cell->examples->len == 0)
        continue;

      if (cell->category == LADDER_IMPORT_NONE)
        category_id = implicit_id;
      else
        category_id = g_ptr_array_index (category_ids, cell->category);
      object = ladder_cell_new (level->id, category_id,
                                cell->summary->len > 0 ? cell->summary->str : NULL);
      examples = ptr_array_to_strv (cell->examples);
      ladder_cell_set_examples (object, (const char * const *) examples);
      added = ladder_framework_add_cell (framework, object);
      g_warn_if_fail (added);
    }

  taken_behaviours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < builder->items->len; i++)
    {
      LadderImportItem *item = g_ptr_array_index (builder->items, i);
      BuilderLevel *level = g_ptr_array_index (builder->levels, item->level);
      const char *category_id;
      g_autofree char *counter_key = NULL;
      g_autofree char *wanted = NULL;
      g_autoptr(LadderBehaviour) object = NULL;
      guint n;

      if (item->category == LADDER_IMPORT_NONE)
        category_id = implicit_id;
      else
        category_id = g_ptr_array_index (category_ids, item->category);
      counter_key = g_strdup_printf ("%s\x1f%s", level->id, category_id);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counters, counter_key)) + 1;
      g_hash_table_insert (counters, g_steal_pointer (&counter_key), GUINT_TO_POINTER (n));

      wanted = g_strdup_printf ("%s-%s-%u", level->id, category_id, n);
      /* Unique by construction, unless a level id and a category id run
       * into each other ("1-a" + "b" and "1" + "a-b"). */
      object = ladder_behaviour_new (unique_id (taken_behaviours, wanted),
                                     level->id, category_id, item->section, item->text);
      if (item->examples != NULL && item->examples->len > 0)
        {
          g_auto(GStrv) examples = ptr_array_to_strv (item->examples);

          ladder_behaviour_set_examples (object, (const char * const *) examples);
        }
      added = ladder_framework_add_behaviour (framework, object);
      g_warn_if_fail (added);
    }

  return g_steal_pointer (&framework);
}
