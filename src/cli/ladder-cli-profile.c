/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commands of ladder-cli that show or change a profile: `show` (a
 * framework or a profile's progress), `sample`, `merge`, `share` (a copy
 * without the private items) and `log` (an entry added, even while the app
 * has the profile open).
 */

#define G_LOG_DOMAIN "ladder-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ladder-core.h"
#include "ladder-time-private.h"
#include "ladder-cli-private.h"

/* Pads by characters, not bytes: names are UTF-8 ("Communication &
 * Feedback", "Développement"). */
static void
print_cell (const char *text,
            guint       width,
            gboolean    align_right)
{
  glong length = g_utf8_strlen (text, -1);
  guint padding = length < (glong) width ? width - (guint) length : 0;

  if (align_right)
    g_print ("%*s%s", padding, "", text);
  else
    g_print ("%s%*s", text, padding, "");
}

static guint
column_width (GListModel  *model,
              const char *(*get_name) (gpointer),
              guint        minimum)
{
  guint width = minimum;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      width = MAX (width, (guint) g_utf8_strlen (get_name (item), -1));
    }

  return width;
}

/* "Readiness rule: Ready for the next level when 80 % of …": the rule
 * that "Ready for the next level" follows, which frameworks set. */
static void
print_readiness_rule (LadderFramework *framework)
{
  g_autofree char *rule = ladder_framework_describe_readiness (framework);

  g_print (_("Readiness rule: %s.\n"), rule);
}

static void
show_framework (LadderFramework *framework)
{
  GListModel *levels = ladder_framework_get_levels (framework);
  GListModel *categories = ladder_framework_get_categories (framework);
  guint n_levels = g_list_model_get_n_items (levels);
  guint n_categories = g_list_model_get_n_items (categories);
  guint n_behaviours = g_list_model_get_n_items (ladder_framework_get_behaviours (framework));
  const char *organisation = ladder_framework_get_organisation (framework);
  guint level_width = column_width (levels, (gpointer) ladder_level_get_name,
                                    g_utf8_strlen (_("Level"), -1));

  if (organisation != NULL)
    g_print ("%s — %s\n", ladder_framework_get_name (framework), organisation);
  else
    g_print ("%s\n", ladder_framework_get_name (framework));

  g_print (ngettext ("%u level, ", "%u levels, ", n_levels), n_levels);
  g_print (ngettext ("%u category, ", "%u categories, ", n_categories), n_categories);
  g_print (ngettext ("%u behaviour\n", "%u behaviours\n", n_behaviours), n_behaviours);
  print_readiness_rule (framework);

  /* Levels down, categories across: behaviours per cell. */
  g_print ("\n");
  print_cell (_("Level"), level_width, FALSE);
  for (guint c = 0; c < n_categories; c++)
    {
      g_autoptr(LadderCategory) category = g_list_model_get_item (categories, c);

      g_print ("  ");
      print_cell (ladder_category_get_name (category), 0, FALSE);
    }
  g_print ("\n");

  for (guint l = 0; l < n_levels; l++)
    {
      g_autoptr(LadderLevel) level = g_list_model_get_item (levels, l);

      print_cell (ladder_level_get_name (level), level_width, FALSE);
      for (guint c = 0; c < n_categories; c++)
        {
          g_autoptr(LadderCategory) category = g_list_model_get_item (categories, c);
          g_autofree char *count = NULL;

          count = g_strdup_printf ("%u", ladder_framework_count_behaviours (framework,
                                                                           ladder_level_get_id (level),
                                                                           ladder_category_get_id (category)));
          g_print ("  ");
          print_cell (count, g_utf8_strlen (ladder_category_get_name (category), -1), TRUE);
        }
      g_print ("\n");
    }
}

static void
show_profile (LadderProfile *profile)
{
  LadderFramework *framework = ladder_profile_get_framework (profile);
  GListModel *levels = ladder_framework_get_levels (framework);
  GListModel *categories = ladder_framework_get_categories (framework);
  const char *current = ladder_profile_get_current_level (profile);
  LadderLevel *level = current ? ladder_framework_find_level (framework, current) : NULL;
  const char *sublevel = current ? ladder_profile_get_sublevel (profile, current, LADDER_RATER_SELF) : NULL;
  guint n_evidence = g_list_model_get_n_items (ladder_profile_get_evidence (profile));
  guint n_checkins = g_list_model_get_n_items (ladder_profile_get_checkins (profile));
  guint level_width = column_width (levels, (gpointer) ladder_level_get_name,
                                    g_utf8_strlen (_("Level"), -1));
  guint category_width = column_width (categories, (gpointer) ladder_category_get_name,
                                       g_utf8_strlen (_("Category"), -1));
  /* TRANSLATORS: column headers of a table of shown / total behaviours */
  const char *self_header = _("Self");
  const char *manager_header = _("Manager");
  guint self_width = MAX (7, g_utf8_strlen (self_header, -1));
  guint manager_width = MAX (7, g_utf8_strlen (manager_header, -1));

  g_print ("%s", ladder_profile_get_name (profile));
  if (ladder_profile_get_role (profile) != NULL)
    g_print (" — %s", ladder_profile_get_role (profile));
  g_print ("\n");
  g_print (_("Framework: %s\n"), ladder_framework_get_name (framework));
  if (level != NULL)
    {
      if (sublevel != NULL)
        g_print (_("Level: %s, sub-level %s\n"), ladder_level_get_name (level), sublevel);
      else
        g_print (_("Level: %s\n"), ladder_level_get_name (level));
    }
  for (guint i = 0; i < g_list_model_get_n_items (ladder_profile_get_promotions (profile)); i++)
    {
      g_autoptr(LadderPromotion) promotion = g_list_model_get_item (ladder_profile_get_promotions (profile), i);
      LadderLevel *from = ladder_framework_find_level (framework, ladder_promotion_get_from (promotion));
      LadderLevel *to = ladder_framework_find_level (framework, ladder_promotion_get_to (promotion));
      g_autofree char *date = _ladder_date_format (ladder_promotion_get_date (promotion),
                                                   LADDER_DATE_ISO8601, "");
      if (ladder_promotion_is_promotion (promotion, framework))
        /* TRANSLATORS: a date, then two level names */
        g_print (_("Promoted on %s: %s → %s\n"), date,
                 from != NULL ? ladder_level_get_name (from) : ladder_promotion_get_from (promotion),
                 to != NULL ? ladder_level_get_name (to) : ladder_promotion_get_to (promotion));
      else
        g_print (_("Level changed on %s: %s → %s\n"), date,
                 from != NULL ? ladder_level_get_name (from) : ladder_promotion_get_from (promotion),
                 to != NULL ? ladder_level_get_name (to) : ladder_promotion_get_to (promotion));
    }
  if (ladder_profile_is_ready (profile, LADDER_RATER_SELF))
    g_print (_("Ready for the next level.\n"));
  print_readiness_rule (framework);
  g_print (ngettext ("%u evidence entry, ", "%u evidence entries, ", n_evidence), n_evidence);
  g_print (ngettext ("%u check-in\n", "%u check-ins\n", n_checkins), n_checkins);

  g_print ("\n");
  print_cell (_("Level"), level_width, FALSE);
  g_print ("  ");
  print_cell (_("Category"), category_width, FALSE);
  g_print ("  ");
  print_cell (self_header, self_width, TRUE);
  g_print ("  ");
  print_cell (manager_header, manager_width, TRUE);
  g_print ("\n");

  for (guint l = 0; l < g_list_model_get_n_items (levels); l++)
    {
      g_autoptr(LadderLevel) lvl = g_list_model_get_item (levels, l);

      for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
        {
          g_autoptr(LadderCategory) category = g_list_model_get_item (categories, c);
          guint shown, total;
          g_autofree char *self_text = NULL;
          g_autofree char *manager_text = NULL;

          ladder_profile_count_shown (profile, ladder_level_get_id (lvl),
                                      ladder_category_get_id (category),
                                      LADDER_RATER_SELF, &shown, &total);
          self_text = g_strdup_printf ("%u/%u", shown, total);
          ladder_profile_count_shown (profile, ladder_level_get_id (lvl),
                                      ladder_category_get_id (category),
                                      LADDER_RATER_MANAGER, &shown, &total);
          manager_text = g_strdup_printf ("%u/%u", shown, total);

          print_cell (ladder_level_get_name (lvl), level_width, FALSE);
          g_print ("  ");
          print_cell (ladder_category_get_name (category), category_width, FALSE);
          g_print ("  ");
          print_cell (self_text, self_width, TRUE);
          g_print ("  ");
          print_cell (manager_text, manager_width, TRUE);
          g_print ("\n");
        }
    }
}

int
_ladder_cli_command_show (int    argc,
                          char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) object = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  context = _ladder_cli_option_context_new (_("FILE — summarise a framework or profile"), entries, NULL);
  if (!_ladder_cli_parse_arguments (context, &argc, &argv, 1, _("Name one file to show.")))
    return 2;

  file = g_file_new_for_commandline_arg (argv[1]);
  if (ladder_format_load_contents (file, &contents, &length, NULL, &error))
    object = ladder_format_read (contents, length, argv[1], &error);
  if (object == NULL)
    {
      _ladder_cli_print_file_error (argv[1], error);
      return 1;
    }

  if (LADDER_IS_FRAMEWORK (object))
    show_framework (LADDER_FRAMEWORK (object));
  else
    show_profile (LADDER_PROFILE (object));

  return 0;
}

static LadderFramework *
load_bundled_framework (const char  *id,
                        GError     **error)
{
  g_autofree char *path = g_strconcat (LADDER_BUNDLED_FRAMEWORKS_PATH, id, ".json", NULL);
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no bundled framework “%s”."), id);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &length);
  return ladder_format_read_framework (data, length, path, error);
}

int
_ladder_cli_command_sample (int    argc,
                            char **argv)
{
  g_autofree char *framework_id = NULL;
  g_autofree char *output = NULL;
  int n_evidence = 40;
  gint64 seed = 1;
  gboolean manager = FALSE;
  const GOptionEntry entries[] = {
    { "evidence", 0, 0, G_OPTION_ARG_INT, &n_evidence,
      N_("How many evidence entries to make (40)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
      N_("The same seed makes the same profile (1)"), N_("S") },
    { "framework", 0, 0, G_OPTION_ARG_STRING, &framework_id,
      N_("The id of a bundled framework (monzo-backend-engineering)"), N_("ID") },
    { "manager", 0, 0, G_OPTION_ARG_NONE, &manager,
      N_("Make the manager’s copy, with a 1:1 cadence"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the profile to OUT instead of standard output"), N_("OUT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  gsize length;

  context = _ladder_cli_option_context_new (_("— make a sample profile"), entries,
                                            _("Makes a realistic synthetic profile on a bundled "
                                              "framework, the same for the same seed: for demos, "
                                              "screenshots and benchmarks."));
  if (!_ladder_cli_parse_options (context, &argc, &argv))
    return 2;

  if (argc != 1 || n_evidence < 0 || seed < 0 || seed > G_MAXUINT32)
    {
      _ladder_cli_print_usage_error (context, _("The evidence count and the seed must be positive numbers."));
      return 2;
    }

  framework = load_bundled_framework (framework_id ? framework_id : "monzo-backend-engineering",
                                      &error);
  if (framework == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* A team's profiles: each its own cadence, from the seed. */
  if (manager)
    profile = ladder_sample_manager_profile (framework, (guint) n_evidence, (guint32) seed);
  else
    profile = ladder_sample_profile (framework, (guint) n_evidence, (guint32) seed);
  json = ladder_format_write_profile (profile, &length);
  if (!_ladder_cli_write_output (output, json, length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

int
_ladder_cli_command_merge (int    argc,
                           char **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the merged profile to OUT (“-” for standard output)"), N_("OUT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LadderProfile) ours = NULL;
  g_autoptr(LadderProfile) theirs = NULL;
  g_autoptr(LadderMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  const char * const *changes;
  gsize length;
  guint n;

  context = _ladder_cli_option_context_new (_("A B — merge two copies of a profile"), entries,
                                            _("Merges two copies of one profile, as the app does "
                                              "when it opens a copy it already has: each rating "
                                              "takes the newer of the two, evidence, check-ins "
                                              "and actions merge by id, the newer edit winning, "
                                              "and deletions carry over. Prints what B changes "
                                              "in A."));
  if (!_ladder_cli_parse_arguments (context, &argc, &argv, 2, _("Name the two copies to merge.")))
    return 2;

  if (output == NULL)
    {
      _ladder_cli_print_usage_error (context, _("Name the file to write with --output."));
      return 2;
    }

  for (guint i = 1; i <= 2; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      LadderProfile *profile = ladder_format_load_profile (file, NULL, &error);

      if (profile == NULL)
        {
          _ladder_cli_print_file_error (argv[i], error);
          return 1;
        }

      if (i == 1)
        ours = profile;
      else
        theirs = profile;
    }

  merge = ladder_merge_new (ours, theirs, &error);
  if (merge == NULL)
    {
      const char *copies[] = { argv[1], argv[2], NULL };

      _ladder_cli_print_files_error (error, copies);
      return 1;
    }

  ladder_merge_apply (merge);

  data = ladder_format_write_profile (ours, &length);
  if (!_ladder_cli_write_output (output, data, length, &error))
    {
      _ladder_cli_print_file_error (output, error);
      return 1;
    }

  /* The report goes to standard error when the profile goes to standard
   * output, so that the two can be told apart. */
  n = ladder_merge_get_n_changes (merge);
  changes = ladder_merge_get_changes (merge);
  {
    FILE *stream = g_strcmp0 (output, "-") == 0 ? stderr : stdout;

    if (n == 0)
      /* Translators: the two %s are the files given, as typed */
      fprintf (stream, _("Nothing to merge: “%s” already holds everything in “%s”.\n"),
               argv[1], argv[2]);
    else
      {
        /* Translators: %s is the second file given, as typed */
        fprintf (stream, ngettext ("%u change from “%s”:\n", "%u changes from “%s”:\n", n),
                 n, argv[2]);
        for (guint i = 0; changes[i] != NULL; i++)
          fprintf (stream, "  %s\n", changes[i]);
      }
  }

  return 0;
}

int
_ladder_cli_command_share (int    argc,
                           char **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the copy to OUT (“-” for standard output)"), N_("OUT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  context = _ladder_cli_option_context_new (_("PROFILE — write a copy to share"), entries,
                                            _("Writes the copy of a profile to give the other "
                                              "person, as the app’s Share a Copy does: the whole "
                                              "profile but its private notes and actions. Opened "
                                              "by the other person’s app, it merges into their "
                                              "copy."));
  if (!_ladder_cli_parse_arguments (context, &argc, &argv, 1, _("Name one profile to share.")))
    return 2;

  if (output == NULL)
    {
      _ladder_cli_print_usage_error (context, _("Name the file to write with --output."));
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  profile = ladder_format_load_profile (file, NULL, &error);
  if (profile == NULL)
    {
      _ladder_cli_print_file_error (argv[1], error);
      return 1;
    }

  data = ladder_format_write_shared_copy (profile, &length);
  if (!_ladder_cli_write_output (output, data, length, &error))
    {
      _ladder_cli_print_file_error (output, error);
      return 1;
    }

  return 0;
}

/* The library whose profiles/ holds @file, or NULL when @file is a
 * profile outside any library. */
static GFile *
library_folder_of (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = parent != NULL ? g_file_get_basename (parent) : NULL;

  if (name == NULL || !g_str_equal (name, "profiles"))
    return NULL;

  return g_file_get_parent (parent);
}

/* The profiles of @library, for an error that says which there are. */
static char *
list_profiles (LadderLibrary *library)
{
  GListModel *profiles = ladder_library_get_profiles (library);
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (profiles, i);

      const char *name = ladder_profile_get_name (profile);

      g_string_append_printf (list, "\n  %s (%s)", name != NULL ? name : "",
                              ladder_profile_get_id (profile));
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* PROFILE of `ladder-cli log`: a profile file (in a library's profiles/
 * or anywhere), or a profile of the user's library by its id or its name
 * (in any case). The library is loaded, so that the entry is written the
 * way the app writes: through ladder_library_save_profile(), which merges
 * whatever the file gained since it was read. */
static LadderProfile *
find_profile_to_log (const char     *name,
                     LadderLibrary **library_out,
                     GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (name);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(LadderLibrary) library = NULL;
  GListModel *profiles;
  LadderProfile *found = NULL;
  gboolean is_file;

  is_file = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR;
  if (is_file)
    folder = library_folder_of (file);
  else
    folder = ladder_library_get_default_directory ();

  if (is_file && folder == NULL)
    {
      /* A profile outside a library: a library of its own folder saves
       * it, and merges as it would in a library. */
      g_autoptr(LadderProfile) profile = ladder_format_load_profile (file, NULL, error);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      if (profile == NULL)
        return NULL;

      library = ladder_library_new (parent);
      ladder_library_add_profile (library, profile);
      *library_out = g_steal_pointer (&library);
      return g_steal_pointer (&profile);
    }

  library = ladder_library_new (folder);
  if (!ladder_library_load (library, NULL, error))
    return NULL;

  profiles = ladder_library_get_profiles (library);
  for (guint i = 0; i < g_list_model_get_n_items (profiles) && found == NULL; i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (profiles, i);
      GFile *profile_file = ladder_profile_get_file (profile);

      if (is_file ? profile_file != NULL && g_file_equal (profile_file, file)
                  : g_str_equal (ladder_profile_get_id (profile), name))
        found = profile;
    }

  if (found == NULL && is_file)
    {
      GListModel *errors = ladder_library_get_errors (library);

      /* Not listed: it did not load, and says why. */
      for (guint i = 0; i < g_list_model_get_n_items (errors); i++)
        {
          g_autoptr(LadderLoadError) load_error = g_list_model_get_item (errors, i);

          if (g_file_equal (ladder_load_error_get_file (load_error), file))
            {
              g_propagate_error (error, g_error_copy (ladder_load_error_get_error (load_error)));
              return NULL;
            }
        }
    }

  if (found == NULL && !is_file)
    {
      g_autofree char *folded = g_utf8_casefold (name, -1);
      guint n_found = 0;

      for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
        {
          g_autoptr(LadderProfile) profile = g_list_model_get_item (profiles, i);
          const char *profile_name = ladder_profile_get_name (profile);
          g_autofree char *folded_name = NULL;

          if (profile_name == NULL)
            continue;
          folded_name = g_utf8_casefold (profile_name, -1);
          if (g_utf8_collate (folded_name, folded) == 0)
            {
              found = profile;
              n_found++;
            }
        }

      if (n_found > 1)
        {
          g_autofree char *list = list_profiles (library);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("More than one profile is named “%s”: name it by its id. The profiles are:%s"),
                       name, list);
          return NULL;
        }
    }

  if (found == NULL)
    {
      g_autofree char *where = g_file_get_parse_name (folder);
      g_autofree char *list = list_profiles (library);

      if (*list == '\0')
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("“%s” is neither a profile file nor a profile of the library in %s, "
                       "which has none."), name, where);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("“%s” is neither a profile file nor a profile of the library in %s. "
                       "Its profiles are:%s"), name, where, list);
      return NULL;
    }

  *library_out = g_steal_pointer (&library);

  return g_object_ref (found);
}

/* How near a behaviour is to what was typed: the words of @query found
 * at the start of a word of its text (as g_str_match_string() matches),
 * and an id that starts as @query does. */
static guint
behaviour_nearness (LadderBehaviour    *behaviour,
                    const char * const *query_words,
                    const char         *query)
{
  const char *id = ladder_behaviour_get_id (behaviour);
  guint score = 0;
  gsize common = 0;

  for (guint i = 0; query_words[i] != NULL; i++)
    {
      if (strlen (query_words[i]) >= 3 &&
          g_str_match_string (query_words[i], ladder_behaviour_get_text (behaviour), TRUE))
        score += 2;
    }

  while (id[common] != '\0' && id[common] == query[common])
    common++;
  if (common * 2 >= strlen (id) && common > 0)
    score += 1;

  return score;
}

typedef struct
{
  LadderBehaviour *behaviour;
  guint            score;
} NearBehaviour;

static int
compare_nearness (gconstpointer a,
                  gconstpointer b)
{
  const NearBehaviour *near_a = a;
  const NearBehaviour *near_b = b;

  return (int) near_b->score - (int) near_a->score;
}

/* A behaviour named by its id, or by words of its text that match it
 * alone. Otherwise the error lists the behaviours it could have meant. */
static LadderBehaviour *
find_behaviour (LadderFramework  *framework,
                const char       *query,
                GError          **error)
{
  GListModel *behaviours = ladder_framework_get_behaviours (framework);
  guint n = g_list_model_get_n_items (behaviours);
  LadderBehaviour *behaviour = ladder_framework_find_behaviour (framework, query);
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (NearBehaviour));
  g_autoptr(GArray) near = g_array_new (FALSE, FALSE, sizeof (NearBehaviour));
  g_auto(GStrv) query_words = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  GArray *listed;

  if (behaviour != NULL)
    return behaviour;

  query_words = g_str_tokenize_and_fold (query, NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderBehaviour) item = g_list_model_get_item (behaviours, i);
      NearBehaviour entry = { item, behaviour_nearness (item, (const char * const *) query_words, query) };

      if (g_str_match_string (query, ladder_behaviour_get_text (item), TRUE))
        g_array_append_val (matches, entry);
      else if (entry.score > 0)
        g_array_append_val (near, entry);
    }

  if (matches->len == 1)
    return g_array_index (matches, NearBehaviour, 0).behaviour;

  listed = matches->len > 1 ? matches : near;
  g_array_sort (listed, compare_nearness);
  for (guint i = 0; i < MIN (listed->len, 8); i++)
    {
      LadderBehaviour *item = g_array_index (listed, NearBehaviour, i).behaviour;

      g_string_append_printf (list, "\n  %s  %s", ladder_behaviour_get_id (item),
                              ladder_behaviour_get_text (item));
    }

  if (matches->len > 1)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                 _("“%s” matches %u behaviours of “%s”; name one by its id:%s"),
                 query, matches->len, ladder_framework_get_name (framework), list->str);
  else if (near->len > 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("“%s” is no behaviour of “%s”. Near it:%s"),
                 query, ladder_framework_get_name (framework), list->str);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("“%s” is no behaviour of “%s”, nor words of one; “ladder-cli show” lists "
                   "the framework."), query, ladder_framework_get_name (framework));

  return NULL;
}

/* PROFILE is a file, whose errors are put as every file's are, or a
 * name, which the error already quotes. */
static void
print_log_error (const char   *profile,
                 const GError *error)
{
  if (g_file_test (profile, G_FILE_TEST_IS_REGULAR))
    _ladder_cli_print_file_error (profile, error);
  else
    g_printerr ("%s\n", error->message);
}

int
_ladder_cli_command_log (int    argc,
                         char **argv)
{
  g_autofree char *body = NULL;
  g_autofree char *date_text = NULL;
  g_auto(GStrv) behaviour_queries = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) links = NULL;
  const GOptionEntry entries[] = {
    { "body", 0, 0, G_OPTION_ARG_STRING, &body,
      N_("What was done, in more words"), N_("TEXT") },
    { "behaviour", 0, 0, G_OPTION_ARG_STRING_ARRAY, &behaviour_queries,
      N_("A behaviour it shows, by id or by words of its text (repeatable)"), N_("ID-OR-TEXT") },
    { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &tags,
      N_("A tag (repeatable)"), N_("TAG") },
    { "link", 0, 0, G_OPTION_ARG_STRING_ARRAY, &links,
      N_("A web or email link: http, https or mailto (repeatable)"), N_("URL") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day of the work, YYYY-MM-DD (today by default)"), N_("DATE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LadderLibrary) library = NULL;
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderEvidence) evidence = NULL;
  g_autoptr(GPtrArray) behaviour_ids = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GDate date;
  sigset_t saved;
  gboolean saved_ok;

  context = _ladder_cli_option_context_new (_("PROFILE TITLE — add evidence to a profile"), entries,
                                            _("Adds an entry to a profile’s evidence log. "
                                              "PROFILE is a profile file, or the id or name of a "
                                              "profile in your library. The app may have the "
                                              "profile open: it takes the entry in, and nothing "
                                              "either side is lost."));
  if (!_ladder_cli_parse_arguments (context, &argc, &argv, 2,
                                    _("Name a profile and the entry’s title.")))
    return 2;

  /* Options are made UTF-8 by the parser; arguments are as typed. */
  title = g_locale_to_utf8 (argv[2], -1, NULL, NULL, NULL);
  if (title == NULL)
    {
      _ladder_cli_print_usage_error (context, _("The title is not text in the system’s encoding."));
      return 2;
    }
  g_strstrip (title);
  if (*title == '\0')
    {
      _ladder_cli_print_usage_error (context, _("The title is empty."));
      return 2;
    }

  if (date_text != NULL && !_ladder_cli_parse_day (date_text, &date))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a day in the form YYYY-MM-DD."),
                                                  date_text);

      _ladder_cli_print_usage_error (context, message);
      return 2;
    }

  /* Refused before anything is read: Ladder keeps such a link as text
   * but never opens it, which is not what one types a link for. */
  for (guint i = 0; links != NULL && links[i] != NULL; i++)
    {
      if (!ladder_uri_is_safe (links[i]))
        {
          g_autofree char *message = NULL;

          /* Translators: %s is a link typed on the command line */
          message = g_strdup_printf (_("“%s” would not open from Ladder or its PDF summary: "
                                       "only whole web (http, https) and email (mailto) links do."),
                                     links[i]);
          _ladder_cli_print_usage_error (context, message);
          return 2;
        }
    }

  profile = find_profile_to_log (argv[1], &library, &error);
  if (profile == NULL)
    {
      print_log_error (argv[1], error);
      return 1;
    }

  for (guint i = 0; behaviour_queries != NULL && behaviour_queries[i] != NULL; i++)
    {
      LadderBehaviour *behaviour = find_behaviour (ladder_profile_get_framework (profile),
                                                   behaviour_queries[i], &error);

      if (behaviour == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      /* The same behaviour named twice (by its id and by its words)
       * is one. */
      if (!g_ptr_array_find_with_equal_func (behaviour_ids, ladder_behaviour_get_id (behaviour),
                                             g_str_equal, NULL))
        g_ptr_array_add (behaviour_ids, (gpointer) ladder_behaviour_get_id (behaviour));
    }
  g_ptr_array_add (behaviour_ids, NULL);

  evidence = ladder_evidence_new (NULL);
  ladder_evidence_set_title (evidence, title);
  if (body != NULL)
    ladder_evidence_set_body (evidence, body);
  if (date_text != NULL)
    ladder_evidence_set_date (evidence, &date);
  if (links != NULL)
    ladder_evidence_set_links (evidence, (const char * const *) links);
  if (tags != NULL)
    ladder_evidence_set_tags (evidence, (const char * const *) tags);
  ladder_evidence_set_behaviours (evidence, (const char * const *) behaviour_ids->pdata);
  ladder_profile_add_evidence (profile, evidence);

  _ladder_cli_hold_termination (&saved);
  saved_ok = ladder_library_save_profile (library, profile, NULL, &error);
  _ladder_cli_release_termination (&saved);
  if (!saved_ok)
    {
      print_log_error (argv[1], error);
      return 1;
    }

  /* Translators: %s is the title of an evidence entry, then a profile's name */
  g_print (_("Added “%s” to %s.\n"), title,
           ladder_profile_get_name (profile) != NULL ? ladder_profile_get_name (profile)
                                                     : ladder_profile_get_id (profile));

  return 0;
}
