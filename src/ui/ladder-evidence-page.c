/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-evidence-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-behaviour-picker.h"
#include "ladder-evidence-page.h"
#include "ladder-evidence-row.h"
#include "ladder-ui-private.h"

/* The Evidence tab: the profile's evidence through a GtkSortListModel
 * (newest first) and then a GtkFilterListModel (search, category, tag,
 * behaviour, dates). The model is the profile's own; nothing is copied.
 * Sorting comes first so that a keystroke only filters: the order of
 * thousands of entries is worked out once, not again per keystroke. */
struct _LadderEvidencePage
{
  GtkWidget           parent_instance;

  LadderProfile      *profile;
  char               *behaviour_filter;
  char               *search;      /* folded, or NULL */
  LadderSearchIndex  *index;
  char               *category;    /* id, or NULL */
  char               *tag;         /* or NULL */
  GDate               from;        /* the first day shown; invalid: any */
  GDate               to;          /* the last day shown; invalid: any */
  guint               refresh_id;
  gboolean            stale;
  gboolean            tags_stale;
  gboolean            updating_tags;

  GtkCustomFilter    *filter;
  GtkCustomSorter    *sorter;
  GtkSortListModel   *sorted;
  GtkFilterListModel *filtered;
  GtkSelectionModel  *selection;   /* over filtered, for the list */

  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *category_dropdown;
  GtkDropDown        *tag_dropdown;
  GtkDropDown        *date_dropdown;
  GtkMenuButton      *from_button;
  GtkMenuButton      *to_button;
  GtkPopover         *from_popover; /* its calendar made when first opened */
  GtkPopover         *to_popover;
  GtkMenuButton      *behaviour_menu_button;
  GtkPopover         *behaviour_popover;
  LadderBehaviourPicker *behaviour_picker;
  GtkButton          *behaviour_button;
  AdwButtonContent   *behaviour_content;
  GtkStack           *stack;
  GtkListView        *list;
  AdwStatusPage      *empty_page;
  GtkWidget          *empty_button;
};

G_DEFINE_FINAL_TYPE (LadderEvidencePage, ladder_evidence_page, GTK_TYPE_WIDGET)

/* The date filter's choices, in days before today; the last is the
 * custom range of the two calendars. */
static const int date_ranges[] = { 0, 30, 90, 365 };
#define CUSTOM_RANGE G_N_ELEMENTS (date_ranges)

/* What a search finds an entry by, folded once per entry: made afresh
 * for another profile, or when the profile's framework is replaced. */
static LadderSearchIndex *
get_index (LadderEvidencePage *self)
{
  LadderFramework *framework = ladder_profile_get_framework (self->profile);

  if (self->index == NULL || ladder_search_index_get_framework (self->index) != framework)
    {
      g_clear_object (&self->index);
      self->index = ladder_search_index_new (framework);
    }

  return self->index;
}

/* The first keystroke of a search would fold the text of every entry:
 * while the search bar is open, the index does that ahead at idle, and
 * again for the entries the profile gains (all of them at once when a
 * profile shown from its head has been read in full). */
static void
search_mode_cb (LadderEvidencePage *self)
{
  if (self->profile == NULL || !gtk_search_bar_get_search_mode (self->search_bar))
    return;

  ladder_search_index_fold_ahead (get_index (self), ladder_profile_get_evidence (self->profile));
}

/* Whether filtering would have to fold text first: a search typed before
 * the index has folded the entries ahead (the first keystroke as the
 * search bar opens, or just after the evidence arrived). */
static gboolean
needs_folding (LadderEvidencePage *self)
{
  return self->search != NULL && self->index != NULL &&
         ladder_search_index_get_pending (self->index) > 0;
}

/* A profile shown from its head gains its whole evidence in one splice
 * (see ladder-library.c), which a search or filter already set would
 * fold and test entry by entry at once: 20,000 entries kept the window
 * from drawing for over 100 ms. While the profile loads, or a search
 * would fold text, and until what arrived is filtered, the list filters
 * in steps between frames; then at once again, for the reason given
 * where the model is made. */
static void
update_incremental (LadderEvidencePage *self)
{
  gboolean loading = self->profile != NULL &&
                     (ladder_profile_get_loading (self->profile) || needs_folding (self));
  gboolean any = gtk_filter_list_model_get_filter (self->filtered) != NULL;
  gboolean incremental = gtk_filter_list_model_get_incremental (self->filtered);
  gboolean filtering = incremental && gtk_filter_list_model_get_pending (self->filtered) > 0;

  /* Without a filter, incremental changes nothing, and GTK 4.24 cannot
   * turn it off (it copies the matches that only a filter makes): it is
   * turned on with a filter only, see refilter(), and a search emptied
   * while the evidence arrives leaves it on until the next one is done. */
  if (!any || incremental == ((loading && any) || filtering))
    return;

  gtk_filter_list_model_set_incremental (self->filtered, !incremental);
}

static gboolean
in_category (LadderEvidencePage *self,
             LadderEvidence     *evidence)
{
  LadderFramework *framework = ladder_profile_get_framework (self->profile);
  const char * const *behaviours = ladder_evidence_get_behaviours (evidence);

  for (guint i = 0; behaviours != NULL && behaviours[i] != NULL; i++)
    {
      LadderBehaviour *behaviour = ladder_framework_find_behaviour (framework, behaviours[i]);

      if (behaviour != NULL && g_strcmp0 (ladder_behaviour_get_category (behaviour),
                                          self->category) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  LadderEvidencePage *self = user_data;
  LadderEvidence *evidence = item;

  if (self->tag != NULL && !g_strv_contains (ladder_evidence_get_tags (evidence), self->tag))
    return FALSE;

  if (self->behaviour_filter != NULL &&
      !ladder_evidence_has_behaviour (evidence, self->behaviour_filter))
    return FALSE;

  if (g_date_valid (&self->from) || g_date_valid (&self->to))
    {
      const GDate *date = ladder_evidence_get_date (evidence);

      if (date == NULL || !g_date_valid (date))
        return FALSE;
      if (g_date_valid (&self->from) && g_date_compare (date, &self->from) < 0)
        return FALSE;
      if (g_date_valid (&self->to) && g_date_compare (date, &self->to) > 0)
        return FALSE;
    }

  if (self->category != NULL && !in_category (self, evidence))
    return FALSE;

  if (!ladder_search_index_matches (get_index (self), evidence, self->search))
    return FALSE;

  return TRUE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const GDate *da = ladder_evidence_get_date ((LadderEvidence *) a);
  const GDate *db = ladder_evidence_get_date ((LadderEvidence *) b);
  int result = 0;

  if (da != NULL && db != NULL && g_date_valid (da) && g_date_valid (db))
    result = g_date_compare (db, da);
  if (result == 0)
    result = g_date_time_compare (ladder_evidence_get_created ((LadderEvidence *) b),
                                  ladder_evidence_get_created ((LadderEvidence *) a));

  return result;
}

static void
update_empty (LadderEvidencePage *self)
{
  gboolean any = self->profile != NULL &&
                 g_list_model_get_n_items (ladder_profile_get_evidence (self->profile)) > 0;
  gboolean shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0;

  /* While a search is still going through the entries, what it has found
   * so far stays; "no results" waits for the end. */
  if (shown || gtk_filter_list_model_get_pending (self->filtered) > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }

  /* A profile shown before its evidence was read (see ladder-library.c). */
  if (self->profile != NULL && ladder_profile_get_loading (self->profile))
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  if (any)
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Results Found"));
      adw_status_page_set_description (self->empty_page, _("Try a different search or filter"));
      gtk_widget_set_visible (self->empty_button, FALSE);
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "document-edit-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Evidence Yet"));
      adw_status_page_set_description (self->empty_page, _("Log the work that shows your behaviours"));
      gtk_widget_set_visible (self->empty_button, TRUE);
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
refilter (LadderEvidencePage *self,
          GtkFilterChange     change)
{
  gboolean any = self->search != NULL || self->category != NULL || self->tag != NULL ||
                 self->behaviour_filter != NULL ||
                 g_date_valid (&self->from) || g_date_valid (&self->to);
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->filtered);

  /* Nothing to narrow by: no filter at all, so that showing the whole
   * log costs nothing. */
  if (!any)
    gtk_filter_list_model_set_filter (self->filtered, NULL);
  else if (filter == NULL)
    {
      /* Turning it on without a filter is safe, and must come first:
       * setting the filter filters everything at once otherwise. */
      if (needs_folding (self))
        gtk_filter_list_model_set_incremental (self->filtered, TRUE);
      gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (self->filter));
      update_incremental (self);
    }
  else
    {
      /* The text folded meanwhile: at once again, or not yet. */
      update_incremental (self);
      gtk_filter_changed (GTK_FILTER (self->filter), change);
    }
  update_empty (self);
}

static gboolean
same_strings (GListModel *a,
              GListModel *b)
{
  guint n;

  if (a == NULL || b == NULL)
    return a == b;

  n = g_list_model_get_n_items (a);
  if (n != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (a), i),
                   gtk_string_list_get_string (GTK_STRING_LIST (b), i)) != 0)
      return FALSE;

  return TRUE;
}

/* The tag filter's choices: every tag of the profile's evidence, sorted,
 * once each. The chosen tag stays chosen while any entry has it. */
static void
update_tags (LadderEvidencePage *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  guint selected = 0;

  self->tags_stale = FALSE;
  if (self->profile != NULL)
    {
      GListModel *evidence = ladder_profile_get_evidence (self->profile);
      guint n = g_list_model_get_n_items (evidence);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(LadderEvidence) entry = g_list_model_get_item (evidence, i);
          const char * const *entry_tags = ladder_evidence_get_tags (entry);

          for (guint j = 0; entry_tags[j] != NULL; j++)
            if (g_hash_table_add (seen, (gpointer) entry_tags[j]))
              g_ptr_array_add (tags, (gpointer) entry_tags[j]);
        }
      g_ptr_array_sort_values (tags, (GCompareFunc) g_utf8_collate);
    }

  gtk_string_list_append (choices, _("All Tags"));
  for (guint i = 0; i < tags->len; i++)
    {
      gtk_string_list_append (choices, g_ptr_array_index (tags, i));
      if (g_strcmp0 (self->tag, g_ptr_array_index (tags, i)) == 0)
        selected = i + 1;
    }

  /* The same tags (most edits): the drop-down keeps its list. */
  self->updating_tags = TRUE;
  if (!same_strings (gtk_drop_down_get_model (self->tag_dropdown), G_LIST_MODEL (choices)))
    gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (self->tag_dropdown, selected);
  self->updating_tags = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->tag_dropdown), tags->len > 0);

  /* A tag that no entry has any more: everything shows again. */
  if (selected == 0 && self->tag != NULL)
    {
      g_clear_pointer (&self->tag, g_free);
      refilter (self, GTK_FILTER_CHANGE_LESS_STRICT);
    }
}

/* Whether the list is still newest first: most edits move no entry, and
 * the evidence a profile shown from its head gains is put in its place by
 * the sort model as it arrives, so that sorting all of it again, in the
 * same callback that runs just after 20,000 entries arrived, was work for
 * nothing. One pass finds an entry whose date was changed. */
static gboolean
still_in_order (LadderEvidencePage *self)
{
  GListModel *sorted = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (sorted);
  g_autoptr(LadderEvidence) previous = n > 0 ? g_list_model_get_item (sorted, 0) : NULL;

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(LadderEvidence) entry = g_list_model_get_item (sorted, i);

      if (compare_newest_first (previous, entry, NULL) > 0)
        return FALSE;
      g_set_object (&previous, entry);
    }

  return TRUE;
}

static gboolean
refresh_cb (gpointer user_data)
{
  LadderEvidencePage *self = user_data;

  self->refresh_id = 0;
  self->stale = FALSE;
  update_tags (self);
  if (!still_in_order (self))
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);

  return G_SOURCE_REMOVE;
}

/* An edit may move an entry in or out of the filter or in the order: look
 * again once the change is complete, at idle below drawing: the evidence
 * of a profile shown from its head arrives in a callback that keeps the
 * window from drawing for tens of milliseconds already, and looking again
 * in the same turn of the main loop, before a frame, added to that stall. */
static void
profile_changed_cb (LadderEvidencePage *self)
{
  /* Hidden, it looks again when shown: a rating changed on the Progress
   * tab then costs nothing here. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_cb, self, NULL);
}

static void
search_changed_cb (LadderEvidencePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *folded = ladder_search_fold (text, -1);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (g_strcmp0 (folded, self->search) == 0)
    return;

  if (folded != NULL && (self->search == NULL || strstr (folded, self->search) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->search != NULL && (folded == NULL || strstr (self->search, folded) != NULL))
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  refilter (self, change);
}

static void
category_selected_cb (LadderEvidencePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->category_dropdown);

  g_clear_pointer (&self->category, g_free);
  if (self->profile != NULL && selected != GTK_INVALID_LIST_POSITION && selected > 0)
    {
      GListModel *categories = ladder_framework_get_categories (ladder_profile_get_framework (self->profile));
      g_autoptr(LadderCategory) category = g_list_model_get_item (categories, selected - 1);

      if (category != NULL)
        self->category = g_strdup (ladder_category_get_id (category));
    }

  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
tag_selected_cb (LadderEvidencePage *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->tag_dropdown);
  guint selected = gtk_drop_down_get_selected (self->tag_dropdown);

  if (self->updating_tags)
    return;

  g_clear_pointer (&self->tag, g_free);
  if (item != NULL && selected > 0)
    self->tag = g_strdup (gtk_string_object_get_string (item));

  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
get_today (GDate *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static void
calendar_get_date (GtkCalendar *calendar,
                   GDate       *date)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
}

/* The calendar of a range popover, or NULL until it first opens. */
static GtkCalendar *
range_calendar (GtkPopover *popover)
{
  return GTK_CALENDAR (gtk_popover_get_child (popover));
}

/* A calendar not made yet takes the day when it is. */
static void
calendar_set_date (GtkCalendar *calendar,
                   const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  if (calendar == NULL)
    return;

  dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 0, 0, 0);
  gtk_calendar_set_date (calendar, dt);
}

static void
update_range_buttons (LadderEvidencePage *self)
{
  g_autofree char *from = _ladder_date_format (&self->from, LADDER_DATE_SHORT, "");
  g_autofree char *to = _ladder_date_format (&self->to, LADDER_DATE_SHORT, "");
  /* Translators: the first day of a range of dates, "From 2 Oct 2026" */
  g_autofree char *from_label = g_strdup_printf (_("From %s"), from);
  /* Translators: the last day of a range of dates, "To 22 Nov 2026" */
  g_autofree char *to_label = g_strdup_printf (_("To %s"), to);

  gtk_menu_button_set_label (self->from_button, from_label);
  gtk_menu_button_set_label (self->to_button, to_label);
}

static void
range_changed_cb (LadderEvidencePage *self,
                  GtkCalendar        *calendar)
{
  /* An arrow key only moves the day; Enter, Space or a click chooses it. */
  if (_ladder_calendar_is_moving (calendar))
    return;

  if (gtk_drop_down_get_selected (self->date_dropdown) != CUSTOM_RANGE)
    return;

  calendar_get_date (calendar,
                     calendar == range_calendar (self->from_popover) ? &self->from : &self->to);
  update_range_buttons (self);
  gtk_menu_button_popdown (self->from_button);
  gtk_menu_button_popdown (self->to_button);
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

/* Two calendars cost more to build than the rest of the filters, and
 * most people never pick a range of their own: each is made the first
 * time its popover opens, on the day the range has then. */
static void
range_popover_show_cb (LadderEvidencePage *self,
                       GtkPopover         *popover)
{
  const GDate *date = popover == self->from_popover ? &self->from : &self->to;
  GtkWidget *calendar;

  if (range_calendar (popover) == NULL)
    {
      calendar = gtk_calendar_new ();
      if (g_date_valid (date))
        calendar_set_date (GTK_CALENDAR (calendar), date);
      _ladder_calendar_add_keys (GTK_CALENDAR (calendar));
      g_signal_connect_object (calendar, "day-selected", G_CALLBACK (range_changed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_popover_set_child (popover, calendar);
    }

  /* The keyboard on the calendar, which starts from the range's day. */
  calendar = GTK_WIDGET (range_calendar (popover));
  if (g_date_valid (date))
    _ladder_calendar_show_date (GTK_CALENDAR (calendar), date);
  gtk_widget_grab_focus (calendar);
}

static void
date_selected_cb (LadderEvidencePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->date_dropdown);
  gboolean custom = selected == CUSTOM_RANGE;

  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);
  if (custom)
    {
      /* A custom range starts as the last 30 days, for the calendars to
       * adjust. */
      get_today (&self->to);
      self->from = self->to;
      g_date_subtract_days (&self->from, 30);
      calendar_set_date (range_calendar (self->from_popover), &self->from);
      calendar_set_date (range_calendar (self->to_popover), &self->to);
      update_range_buttons (self);
    }
  else if (selected < G_N_ELEMENTS (date_ranges) && date_ranges[selected] > 0)
    {
      /* Today counted in: "last 30 days" is today and the 30 before. */
      get_today (&self->from);
      g_date_subtract_days (&self->from, date_ranges[selected]);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->from_button), custom);
  gtk_widget_set_visible (GTK_WIDGET (self->to_button), custom);
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

/* The behaviour picker (LadderBehaviourPicker): a pick filters on it. */
static void
behaviour_picked_cb (LadderEvidencePage *self,
                     const char         *behaviour_id)
{
  ladder_evidence_page_set_behaviour_filter (self, behaviour_id);
  gtk_popover_popdown (self->behaviour_popover);
}

static void
behaviour_popover_show_cb (LadderEvidencePage *self)
{
  ladder_behaviour_picker_reset (self->behaviour_picker);
}

static void
clear_behaviour_cb (LadderEvidencePage *self)
{
  ladder_evidence_page_set_behaviour_filter (self, NULL);
}

static void
list_activate_cb (LadderEvidencePage *self,
                  guint               position)
{
  g_autoptr(LadderEvidence) evidence = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (evidence != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-evidence", "s",
                                ladder_evidence_get_id (evidence));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LadderEvidencePage       *self)
{
  gtk_list_item_set_child (item, ladder_evidence_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             LadderEvidencePage       *self)
{
  LadderEvidence *evidence = gtk_list_item_get_item (item);

  ladder_evidence_row_set_evidence (LADDER_EVIDENCE_ROW (gtk_list_item_get_child (item)),
                                    ladder_profile_get_framework (self->profile), evidence);
  gtk_list_item_set_accessible_label (item, ladder_evidence_get_title (evidence));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LadderEvidencePage       *self)
{
  ladder_evidence_row_set_evidence (LADDER_EVIDENCE_ROW (gtk_list_item_get_child (item)), NULL,
                                    NULL);
}

void
ladder_evidence_page_set_profile (LadderEvidencePage *self,
                                  LadderProfile      *profile)
{
  g_autoptr(GtkStringList) categories = NULL;

  g_return_if_fail (LADDER_IS_EVIDENCE_PAGE (self));

  if (self->profile == profile)
    return;

  if (self->profile != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->profile, profile_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->profile, update_empty, self);
      g_signal_handlers_disconnect_by_func (self->profile, update_incremental, self);
    }
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->index);
  /* Let go of the old entries first: clearing the filters below would
   * otherwise filter them again, and bind rows for them, after their
   * profile is gone. */
  gtk_sort_list_model_set_model (self->sorted, NULL);
  g_set_object (&self->profile, profile);
  g_clear_pointer (&self->behaviour_filter, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->tag, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->behaviour_button), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  categories = gtk_string_list_new (NULL);
  gtk_string_list_append (categories, _("All Categories"));
  if (profile != NULL)
    {
      GListModel *model = ladder_framework_get_categories (ladder_profile_get_framework (profile));

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(LadderCategory) category = g_list_model_get_item (model, i);

          gtk_string_list_append (categories, ladder_category_get_name (category));
        }
      g_signal_connect_swapped (profile, "changed", G_CALLBACK (profile_changed_cb), self);
      g_signal_connect_swapped (profile, "notify::loading", G_CALLBACK (update_empty), self);
      g_signal_connect_swapped (profile, "notify::loading", G_CALLBACK (update_incremental), self);
    }
  update_incremental (self);
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (categories));
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->date_dropdown, 0);
  ladder_behaviour_picker_set_framework (self->behaviour_picker,
                                         profile != NULL ? ladder_profile_get_framework (profile) : NULL,
                                         NULL);
  ladder_behaviour_picker_set_chosen (self->behaviour_picker, NULL);
  /* Hidden, the tags are listed when the tab is first shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_tags (self);
  else
    self->tags_stale = TRUE;

  /* Hidden (a profile opens on its Progress tab), the list gets its rows
   * when it is first shown: a profile appears without building and
   * measuring rows that nobody sees. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_list_view_set_model (self->list, NULL);
  gtk_sort_list_model_set_model (self->sorted,
                                 profile != NULL ? ladder_profile_get_evidence (profile) : NULL);
  update_empty (self);
  search_mode_cb (self);
}

void
ladder_evidence_page_set_behaviour_filter (LadderEvidencePage *self,
                                           const char         *behaviour_id)
{
  g_return_if_fail (LADDER_IS_EVIDENCE_PAGE (self));

  if (g_strcmp0 (self->behaviour_filter, behaviour_id) == 0)
    return;

  g_free (self->behaviour_filter);
  self->behaviour_filter = g_strdup (behaviour_id);

  if (behaviour_id != NULL && self->profile != NULL)
    {
      LadderBehaviour *behaviour =
        ladder_framework_find_behaviour (ladder_profile_get_framework (self->profile), behaviour_id);

      adw_button_content_set_label (self->behaviour_content,
                                    behaviour != NULL ? ladder_behaviour_get_text (behaviour)
                                                      : behaviour_id);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->behaviour_button), behaviour_id != NULL);
  ladder_behaviour_picker_set_chosen (self->behaviour_picker, behaviour_id);
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

void
ladder_evidence_page_start_search (LadderEvidencePage *self)
{
  g_return_if_fail (LADDER_IS_EVIDENCE_PAGE (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
ladder_evidence_page_set_search_text (LadderEvidencePage *self,
                                      const char         *text)
{
  g_return_if_fail (LADDER_IS_EVIDENCE_PAGE (self));
  g_return_if_fail (text != NULL);

  ladder_evidence_page_start_search (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
}

GListModel *
ladder_evidence_page_get_shown (LadderEvidencePage *self)
{
  g_return_val_if_fail (LADDER_IS_EVIDENCE_PAGE (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

/**
 * ladder_evidence_page_focus_evidence:
 * @self: a #LadderEvidencePage
 * @evidence: an entry of the profile shown
 *
 * Scrolls to @evidence's row and puts the keyboard focus on it, as after
 * the entry was saved.
 *
 * Returns: %FALSE when the entry is not in the list (a search or filter
 *   leaves it out)
 */
gboolean
ladder_evidence_page_focus_evidence (LadderEvidencePage *self,
                                     LadderEvidence     *evidence)
{
  GListModel *shown;

  g_return_val_if_fail (LADDER_IS_EVIDENCE_PAGE (self), FALSE);
  g_return_val_if_fail (LADDER_IS_EVIDENCE (evidence), FALSE);

  shown = G_LIST_MODEL (self->filtered);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(LadderEvidence) item = g_list_model_get_item (shown, i);

      if (item == evidence)
        {
          /* The scroll marks the row to focus; a row added a moment ago
           * has no widget yet, and the list's own grab then makes it
           * one and focuses it. */
          gtk_list_view_scroll_to (self->list, i, GTK_LIST_SCROLL_FOCUS, NULL);
          gtk_widget_grab_focus (GTK_WIDGET (self->list));
          return TRUE;
        }
    }

  return FALSE;
}

static void
ladder_evidence_page_map (GtkWidget *widget)
{
  LadderEvidencePage *self = LADDER_EVIDENCE_PAGE (widget);

  if (gtk_list_view_get_model (self->list) == NULL)
    gtk_list_view_set_model (self->list, self->selection);

  GTK_WIDGET_CLASS (ladder_evidence_page_parent_class)->map (widget);

  if (self->stale)
    refresh_cb (self);
  else if (self->tags_stale)
    update_tags (self);
}

static void
ladder_evidence_page_dispose (GObject *object)
{
  GtkWidget *child;
  LadderEvidencePage *self = LADDER_EVIDENCE_PAGE (object);

  ladder_evidence_page_set_profile (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_EVIDENCE_PAGE);
  /* Children the template does not name are ours to drop too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->filtered);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (ladder_evidence_page_parent_class)->dispose (object);
}

static void
ladder_evidence_page_finalize (GObject *object)
{
  LadderEvidencePage *self = LADDER_EVIDENCE_PAGE (object);

  g_free (self->behaviour_filter);
  g_free (self->search);
  g_free (self->category);
  g_free (self->tag);
  g_clear_object (&self->index);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (ladder_evidence_page_parent_class)->finalize (object);
}

static void
ladder_evidence_page_class_init (LadderEvidencePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_evidence_page_dispose;
  object_class->finalize = ladder_evidence_page_finalize;
  widget_class->map = ladder_evidence_page_map;

  g_type_ensure (LADDER_TYPE_BEHAVIOUR_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-evidence-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderEvidencePage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidencePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidencePage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidencePage, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidencePage, date_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidencePage, from_button);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidencePage, to_button);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidencePage, from_popover);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidencePage, to_popover);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidencePage, behaviour_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidencePage, behaviour_popover);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidencePage, behaviour_picker);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidencePage, behaviour_button);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidencePage, behaviour_content);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidencePage, stack);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidencePage, list);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidencePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidencePage, empty_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, category_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, range_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, behaviour_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, behaviour_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_behaviour_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
ladder_evidence_page_init (LadderEvidencePage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkStringList) dates = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (compare_newest_first, NULL, NULL);
  self->sorted = gtk_sort_list_model_new (NULL, GTK_SORTER (self->sorter));
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->sorted), NULL);
  /* Not incremental: matching the folded text of thousands of entries
   * takes milliseconds, while an incremental GtkFilterListModel starts
   * each narrower search from an empty list, so every keystroke threw
   * away every row shown and built them again. At once, a keystroke
   * that keeps the results changes nothing on screen. (Except while
   * the evidence arrives: update_incremental().) */
  gtk_filter_list_model_set_incremental (self->filtered, FALSE);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_empty), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "notify::pending", G_CALLBACK (update_empty), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "notify::pending", G_CALLBACK (update_incremental),
                           self, G_CONNECT_SWAPPED);

  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);

  dates = gtk_string_list_new ((const char *[]) { _("Any Time"), _("Last 30 Days"),
                                                  _("Last 90 Days"), _("Last 12 Months"),
                                                  _("Custom Range"), NULL });
  gtk_drop_down_set_model (self->date_dropdown, G_LIST_MODEL (dates));


  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list, factory);
  self->selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered))));
  gtk_list_view_set_model (self->list, self->selection);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_cb), self, G_CONNECT_SWAPPED);
  update_empty (self);
}
