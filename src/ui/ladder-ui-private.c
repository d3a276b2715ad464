/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-text-private.h"
#include "ladder-ui-private.h"

const char *
_ladder_level_display_name (LadderFramework *framework,
                            const char      *level_id)
{
  LadderLevel *level;

  if (level_id == NULL)
    return "";

  level = ladder_framework_find_level (framework, level_id);
  if (level != NULL && ladder_level_get_name (level) != NULL && *ladder_level_get_name (level))
    return ladder_level_get_name (level);

  return level_id;
}

char *
_ladder_profile_describe_level (LadderProfile *profile)
{
  LadderFramework *framework = ladder_profile_get_framework (profile);
  const char *current = ladder_profile_get_current_level (profile);
  const char *sublevel;

  if (current == NULL)
    return g_strdup (ladder_framework_get_name (framework));

  sublevel = ladder_profile_get_sublevel (profile, current, ladder_profile_get_owner (profile));
  if (sublevel != NULL)
    /* Translators: a level and its sub-level, such as "Level 3 · B" */
    return g_strdup_printf (_("%s · %s"), _ladder_level_display_name (framework, current),
                            sublevel);

  return g_strdup (_ladder_level_display_name (framework, current));
}

LadderRater
_ladder_profile_other_rater (LadderProfile *profile)
{
  return ladder_profile_get_owner (profile) == LADDER_RATER_SELF ? LADDER_RATER_MANAGER
                                                                  : LADDER_RATER_SELF;
}

char *
_ladder_join_strv (const char * const *strv,
                   const char         *separator)
{
  if (strv == NULL)
    return g_strdup ("");

  return g_strjoinv (separator, (char **) strv);
}

int
_ladder_level_sort_key (LadderFramework *framework,
                        const char      *current,
                        const char      *level_id)
{
  int index = ladder_framework_get_level_index (framework, level_id);
  int current_index = current != NULL ? ladder_framework_get_level_index (framework, current) : -1;

  if (current_index < 0)
    return index;
  if (index >= current_index)
    return index - current_index;

  /* Below the current level: after every level above it. */
  return 1000 + (current_index - index);
}

/* @text with each run of line breaks (and the spaces around them) made one
 * space. */
char *
_ladder_join_lines (const char *text)
{
  GString *joined = g_string_sized_new (strlen (text));
  gboolean in_break = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r')
        {
          /* Spaces before the break go too. */
          while (joined->len > 0 && joined->str[joined->len - 1] == ' ')
            g_string_truncate (joined, joined->len - 1);
          in_break = TRUE;
          continue;
        }
      if (in_break && (*p == ' ' || *p == '\t'))
        continue;
      if (in_break && joined->len > 0)
        g_string_append_c (joined, ' ');
      in_break = FALSE;
      g_string_append_c (joined, *p);
    }

  return g_string_free (joined, FALSE);
}

static gboolean
scroll_to_top_cb (gpointer data)
{
  gtk_adjustment_set_value (GTK_ADJUSTMENT (data), 0);

  return G_SOURCE_REMOVE;
}

void
_ladder_scroll_to_top (GtkScrolledWindow *scrolled)
{
  GtkAdjustment *adjustment;

  g_return_if_fail (GTK_IS_SCROLLED_WINDOW (scrolled));

  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  gtk_adjustment_set_value (adjustment, 0);
  g_idle_add_full (G_PRIORITY_LOW, scroll_to_top_cb, g_object_ref (adjustment), g_object_unref);
}

gboolean
_ladder_target_below_current (AdwComboRow *current_row,
                              AdwComboRow *target_row)
{
  guint current = adw_combo_row_get_selected (current_row);
  guint target = adw_combo_row_get_selected (target_row);

  return current != GTK_INVALID_LIST_POSITION && target != GTK_INVALID_LIST_POSITION &&
         target < current;
}

void
_ladder_raise_target (AdwComboRow *current_row,
                      AdwComboRow *target_row)
{
  GListModel *model = adw_combo_row_get_model (current_row);
  guint current = adw_combo_row_get_selected (current_row);
  guint target = adw_combo_row_get_selected (target_row);

  if (model == NULL || current == GTK_INVALID_LIST_POSITION)
    return;

  if (target == GTK_INVALID_LIST_POSITION || target < current)
    adw_combo_row_set_selected (target_row,
                                MIN (current + 1, g_list_model_get_n_items (model) - 1));
}

void
_ladder_describe_no_gaps (guint        n_self,
                          guint        n_manager,
                          guint        n_both,
                          const char **icon_name,
                          const char **title,
                          const char **description,
                          const char **line)
{
  const char *icon, *t, *d, *l;

  if (n_both > 0)
    {
      icon = "object-select-symbolic";
      t = _("No Differences");
      d = _("The self and manager ratings agree on every behaviour that both have rated");
      l = _("Self and manager agree");
    }
  else if (n_self == 0 && n_manager == 0)
    {
      icon = "avatar-default-symbolic";
      t = _("Nothing Rated Yet");
      d = _("Differences show here once the engineer and the manager have rated behaviours");
      l = _("Neither self nor manager has rated yet");
    }
  else if (n_manager == 0)
    {
      icon = "avatar-default-symbolic";
      t = _("Manager Has Not Rated Yet");
      d = _("Differences show here once the manager has rated behaviours too");
      l = _("The manager has not rated yet");
    }
  else if (n_self == 0)
    {
      icon = "avatar-default-symbolic";
      t = _("Engineer Has Not Rated Yet");
      d = _("Differences show here once the engineer has rated behaviours too");
      l = _("The engineer has not rated yet");
    }
  else
    {
      icon = "avatar-default-symbolic";
      t = _("No Behaviour Rated by Both");
      d = _("Self and manager have rated different behaviours: differences show once both rate the same ones");
      l = _("Self and manager have not rated the same behaviours yet");
    }

  if (icon_name != NULL)
    *icon_name = icon;
  if (title != NULL)
    *title = t;
  if (description != NULL)
    *description = d;
  if (line != NULL)
    *line = l;
}

/* GtkTextView merges the font of neighbouring text into one attribute,
 * which leaves Pango one item per paragraph; a letter spacing it passes on
 * for each run of a tag. The two tags take turns, so that neighbouring runs
 * stay apart, and their spacing, 1/1024 of a pixel, cannot be seen. */
static void
tag_runs_cb (GtkTextBuffer *buffer,
             GtkTextIter   *location,
             const char    *text,
             int            length,
             gpointer       user_data)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tags[2] = {
    gtk_text_tag_table_lookup (table, "ladder-run-a"),
    gtk_text_tag_table_lookup (table, "ladder-run-b"),
  };
  const char *end = text + length;
  GtkTextIter start, stop;
  guint turn = 0;

  /* Short text joins the run it is typed into. */
  if (g_utf8_strlen (text, length) <= 2 * LADDER_TEXT_RUN_LENGTH)
    return;

  start = *location;
  gtk_text_iter_backward_chars (&start, g_utf8_strlen (text, length));
  for (const char *p = text; p < end;)
    {
      const char *next = p;

      /* Each tag applied costs the buffer more the more toggles its line
       * already has: four runs to a tag keep that small, and Pango's
       * items still short. */
      for (guint i = 0; i < 4 && next < end; i++)
        next = _ladder_text_next_run (next, end);
      stop = start;
      gtk_text_iter_forward_chars (&stop, g_utf8_strlen (p, next - p));
      gtk_text_buffer_apply_tag (buffer, tags[turn], &start, &stop);
      turn = !turn;
      start = stop;
      p = next;
    }
}

void
_ladder_text_buffer_keep_runs_short (GtkTextBuffer *buffer)
{
  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));

  /* No hyphen where a long word is broken, as in the PDF: it is not in
   * the text. */
  gtk_text_buffer_create_tag (buffer, "ladder-run-a", "letter-spacing", 1, "insert-hyphens", FALSE, NULL);
  gtk_text_buffer_create_tag (buffer, "ladder-run-b", "letter-spacing", 1, "insert-hyphens", FALSE, NULL);
  g_signal_connect_after (buffer, "insert-text", G_CALLBACK (tag_runs_cb), NULL);
}
