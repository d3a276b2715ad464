/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-window-screenshots"

#include "config.h"

#include "ladder-checkin-page.h"
#include "ladder-profile-dialog.h"
#include "ladder-profile-editor.h"
#include "ladder-radar-history.h"
#include "ladder-window-private.h"

/* Switches off every section of the import preview named in @names as
 * "Level:NAME" or "Category:NAME" (or every switch under @widget, once
 * @off). */
static void
screenshot_leave_out (GtkWidget          *widget,
                      const char * const *names,
                      gboolean            off)
{
  if (off && GTK_IS_SWITCH (widget))
    gtk_switch_set_active (GTK_SWITCH (widget), FALSE);
  if (ADW_IS_ENTRY_ROW (widget))
    {
      g_autofree char *name = g_strdup_printf ("%s:%s",
                                               adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                                               gtk_editable_get_text (GTK_EDITABLE (widget)));

      off = g_strv_contains (names, name);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    screenshot_leave_out (child, names, off);
}

/* The first widget of @type under @widget, or NULL. */
static GtkWidget *
screenshot_find (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = screenshot_find (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Puts the keyboard on @data's first control and scrolls the page so
 * that @data starts at the top. */
static void
screenshot_focus_cb (gpointer data)
{
  g_autoptr(GtkWidget) widget = data;
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t top;

  gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
  if (scrolled != NULL &&
      gtk_widget_compute_point (widget, scrolled, &GRAPHENE_POINT_INIT (0, 0), &top))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + top.y);
    }
}

/* LADDER_SCREENSHOT_VIEW (one of the views build-aux/screenshots lists,
 * with LADDER_SCREENSHOT_IMPORT naming the file that "import" imports)
 * puts the window in one state for the screenshots, once the library is
 * loaded. Nothing else reads it, and only the development profile builds
 * it: the shipped window reads no such variable. */
void
_ladder_window_apply_screenshot_hook (LadderWindow *self)
{
  const char *view = g_getenv ("LADDER_SCREENSHOT_VIEW");

  if (view == NULL || self->profile == NULL)
    return;

  /* The same page in the manager's copy of the profile. */
  if (g_str_equal (view, "manager-category"))
    {
      ladder_profile_set_owner (self->profile, LADDER_RATER_MANAGER);
      view = "category";
    }

  if (g_str_equal (view, "team") || g_str_equal (view, "radar"))
    {
      LadderFramework *framework = ladder_profile_get_framework (self->profile);
      GListModel *frameworks = ladder_library_get_frameworks (self->library);
      g_autoptr(LadderFramework) other = NULL;

      /* The demo's person and five more, each the manager's copy with a
       * cadence of its own, as `ladder-cli sample --manager` makes them;
       * the last on another framework, so that the framework filter
       * shows and the narrow shot has the whole of the view's top row. */
      for (guint i = 0; other == NULL && i < g_list_model_get_n_items (frameworks); i++)
        {
          g_autoptr(LadderFramework) item = g_list_model_get_item (frameworks, i);

          if (item != framework)
            other = g_steal_pointer (&item);
        }
      ladder_profile_set_owner (self->profile, LADDER_RATER_MANAGER);
      ladder_profile_set_cadence (self->profile, LADDER_CADENCE_BIWEEKLY);
      for (guint32 seed = 2; seed <= 6; seed++)
        {
          LadderFramework *on = seed == 6 && other != NULL ? other : framework;
          g_autoptr(LadderProfile) person = ladder_sample_manager_profile (on, 30 + 10 * seed, seed);

          ladder_library_add_profile (self->library, person);
        }
      _ladder_window_show_team (self);
      /* The demo's person against the team's median. */
      if (g_str_equal (view, "radar"))
        gtk_widget_activate_action (GTK_WIDGET (self->team_view), "team.compare", NULL);
    }
  /* The Check-ins tab at its radar of a past check-in. */
  else if (g_str_equal (view, "radar-checkins"))
    {
      GtkWidget *history;

      adw_view_stack_set_visible_child_name (self->view_stack, "checkins");
      history = screenshot_find (GTK_WIDGET (self->checkins_page), LADDER_TYPE_RADAR_HISTORY);
      /* Its dropdown takes the focus, which scrolls to it, once the page
       * is laid out. */
      if (history != NULL)
        g_timeout_add_once (500, screenshot_focus_cb, g_object_ref (history));
    }
  else if (g_str_equal (view, "category"))
    {
      g_autoptr(LadderCategory) category =
        g_list_model_get_item (ladder_framework_get_categories (ladder_profile_get_framework (self->profile)), 0);

      if (category != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-category", "s",
                                    ladder_category_get_id (category));
    }
  /* What is new at the target level: the Progress tab's New mode, and a
   * category's page at the first of its target level's behaviours that
   * builds on the level before (or the first one). */
  /* The focus plan, its first row open; and Add Focus… over it. */
  else if (g_str_equal (view, "focus"))
    ladder_focus_group_expand_first (ladder_progress_page_get_focus_group (self->progress_page));
  else if (g_str_equal (view, "focus-add"))
    gtk_widget_activate_action (GTK_WIDGET (ladder_progress_page_get_focus_group (self->progress_page)),
                                "focus.add", NULL);
  else if (g_str_equal (view, "progress-new"))
    ladder_progress_page_show_new (self->progress_page);
  else if (g_str_equal (view, "category-new"))
    {
      LadderFramework *framework = ladder_profile_get_framework (self->profile);
      const char *target = ladder_profile_get_target_level (self->profile);
      g_autoptr(LadderCategory) category = g_list_model_get_item (ladder_framework_get_categories (framework), 0);
      g_autoptr(GPtrArray) pairs = NULL;
      LadderGrowthPair *shown = NULL;

      if (category != NULL && target != NULL)
        pairs = ladder_framework_pair_levels (framework, target,
                                              ladder_framework_get_previous_level (framework, target),
                                              ladder_category_get_id (category));
      for (guint i = 0; pairs != NULL && i < pairs->len; i++)
        {
          LadderGrowthPair *pair = pairs->pdata[i];

          if (shown == NULL || (shown->builds_on == NULL && pair->builds_on != NULL))
            shown = pair;
        }
      if (shown != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-behaviour", "s",
                                    ladder_behaviour_get_id (shown->behaviour));
    }
  else if (g_str_equal (view, "evidence") || g_str_equal (view, "editor"))
    {
      GListModel *shown = ladder_evidence_page_get_shown (self->evidence_page);
      g_autoptr(LadderEvidence) newest = g_list_model_get_item (shown, 0);

      adw_view_stack_set_visible_child_name (self->view_stack, "evidence");
      if (g_str_equal (view, "editor") && newest != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-evidence", "s",
                                    ladder_evidence_get_id (newest));
    }
  else if (g_str_has_prefix (view, "checkin") || g_str_equal (view, "past-checkin"))
    {
      GListModel *shown = ladder_checkins_page_get_shown (self->checkins_page);
      g_autoptr(LadderCheckin) newest = g_list_model_get_item (shown, 0);

      adw_view_stack_set_visible_child_name (self->view_stack, "checkins");
      if (g_str_equal (view, "checkin") || g_str_equal (view, "checkin-notes"))
        ladder_checkins_page_start (self->checkins_page);
      if (g_str_equal (view, "checkin-notes"))
        {
          LadderCheckinPage *page = LADDER_CHECKIN_PAGE (adw_navigation_view_get_visible_page (self->content_nav));
          g_autoptr(LadderAction) action = ladder_action_new (NULL);
          g_autoptr(GDate) due = g_date_new_dmy (30, G_DATE_JANUARY, 2027);

          /* An agreed action under the notes, with its owner and due date. */
          ladder_action_set_text (action, "Write the design doc for the billing migration");
          ladder_action_set_owner (action, LADDER_RATER_SELF);
          ladder_action_set_due (action, due);
          ladder_checkin_add_action (ladder_checkin_page_get_checkin (page), action);
          ladder_checkin_page_focus_notes (page);
        }
      else if (g_str_equal (view, "past-checkin") && newest != NULL && LADDER_IS_CHECKIN (newest))
        ladder_checkins_page_open (self->checkins_page, newest);
    }
  else if (g_str_equal (view, "prepare"))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.prepare", NULL);
    }
  else if (g_str_equal (view, "profile-editor") || g_str_equal (view, "promotion") ||
           g_str_equal (view, "review-promoted") || g_str_equal (view, "export-promoted"))
    {
      AdwDialog *editor;
      AdwComboRow *row;

      /* Edit Profile with the next level chosen; "promotion" saves it. */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-profile", NULL);
      editor = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (self));
      if (!LADDER_IS_PROFILE_EDITOR (editor))
        return;
      row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (editor), LADDER_TYPE_PROFILE_EDITOR,
                                                          "current_row"));
      adw_combo_row_set_selected (row, adw_combo_row_get_selected (row) + 1);
      if (g_str_equal (view, "promotion"))
        {
          gtk_widget_activate_action (GTK_WIDGET (editor), "profile-editor.save", NULL);
          adw_view_stack_set_visible_child_name (self->view_stack, "checkins");
        }
      /* The day after a promotion, nothing of the new level rated: the
       * dialogs start from the level where the ratings are, and say so. */
      else if (!g_str_equal (view, "profile-editor"))
        {
          gtk_widget_activate_action (GTK_WIDGET (editor), "profile-editor.save", NULL);
          adw_view_stack_set_visible_child_name (self->view_stack, "summary");
          gtk_widget_activate_action (GTK_WIDGET (self), g_str_equal (view, "review-promoted")
                                                         ? "win.write-review" : "win.export-pdf",
                                      NULL);
        }
    }
  else if (g_str_equal (view, "compare"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.compare-ratings", NULL);
  else if (g_str_equal (view, "compare-behaviour"))
    {
      g_autoptr(GPtrArray) gaps = ladder_profile_list_rating_gaps (self->profile);

      /* Where Compare's first row leads. */
      if (gaps->len > 0)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-behaviour", "s",
                                    ladder_behaviour_get_id (ladder_gap_get_behaviour (gaps->pdata[0])));
    }
  else if (g_str_equal (view, "new-profile"))
    {
      AdwDialog *dialog;
      AdwComboRow *current, *target;

      /* New Profile refusing a target below the current level. */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.new-profile", NULL);
      dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (self));
      if (!LADDER_IS_PROFILE_DIALOG (dialog))
        return;
      ladder_profile_dialog_set_owner (LADDER_PROFILE_DIALOG (dialog), LADDER_RATER_SELF);
      current = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), LADDER_TYPE_PROFILE_DIALOG,
                                                              "current_row"));
      target = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (dialog), LADDER_TYPE_PROFILE_DIALOG,
                                                             "target_row"));
      adw_combo_row_set_selected (current, 2);
      adw_combo_row_set_selected (target, 1);
    }
  else if (g_str_equal (view, "new-report"))
    {
      AdwDialog *dialog;

      /* New Profile for someone the user manages. */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.new-profile", NULL);
      dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (self));
      if (LADDER_IS_PROFILE_DIALOG (dialog))
        ladder_profile_dialog_set_owner (LADDER_PROFILE_DIALOG (dialog), LADDER_RATER_MANAGER);
    }
  else if (g_str_equal (view, "summary"))
    adw_view_stack_set_visible_child_name (self->view_stack, "summary");
  else if (g_str_equal (view, "export"))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "summary");
      gtk_widget_activate_action (GTK_WIDGET (self), "win.export-pdf", NULL);
    }
  else if (g_str_equal (view, "review"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.write-review", NULL);
  else if (g_str_equal (view, "readiness"))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "summary");
      gtk_widget_activate_action (GTK_WIDGET (self->summary_page), "summary.edit-readiness", NULL);
    }
  else if (g_str_equal (view, "framework"))
    {
      LadderFramework *framework =
        ladder_library_find_framework (self->library,
                                       ladder_framework_get_id (ladder_profile_get_framework (self->profile)));

      g_autoptr(LadderCategory) category = NULL;
      g_autofree char *level = g_strdup (ladder_profile_get_current_level (self->profile));

      if (framework == NULL)
        return;

      category = g_list_model_get_item (ladder_framework_get_categories (framework), 0);
      _ladder_window_select (self, G_OBJECT (framework));
      if (category != NULL && level != NULL)
        ladder_framework_view_show_cell (self->framework_view, level,
                                         ladder_category_get_id (category));
    }
  else if ((g_str_equal (view, "import") || g_str_equal (view, "import-corrected")) &&
           g_getenv ("LADDER_SCREENSHOT_IMPORT") != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("LADDER_SCREENSHOT_IMPORT"));
      AdwDialog *dialog;
      guint64 reading = 2;

      _ladder_window_open_file (self, file);
      dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (self));
      if (dialog == NULL || !g_str_equal (view, "import-corrected"))
        return;

      /* Corrected as a person would: another reading (the second unless
       * LADDER_SCREENSHOT_READING says), levels and categories swapped
       * when LADDER_SCREENSHOT_SWAP is set, and the sections that
       * LADDER_SCREENSHOT_LEAVE_OUT names ("Level:A|Category:B") left out. */
      if (g_getenv ("LADDER_SCREENSHOT_READING") != NULL)
        reading = g_ascii_strtoull (g_getenv ("LADDER_SCREENSHOT_READING"), NULL, 10);
      if (reading > 1)
        gtk_widget_activate_action (GTK_WIDGET (dialog), "import.reading", "u", (guint) reading);
      if (g_getenv ("LADDER_SCREENSHOT_SWAP") != NULL)
        gtk_widget_activate_action (GTK_WIDGET (dialog), "import.swap", NULL);
      if (g_getenv ("LADDER_SCREENSHOT_LEAVE_OUT") != NULL)
        {
          g_auto(GStrv) names = g_strsplit (g_getenv ("LADDER_SCREENSHOT_LEAVE_OUT"), "|", -1);

          screenshot_leave_out (GTK_WIDGET (dialog), (const char * const *) names, FALSE);
        }
    }
}
