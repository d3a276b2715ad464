/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-checkins-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ladder-agenda-group.h"
#include "ladder-checkin-page.h"
#include "ladder-checkins-page.h"
#include "ladder-prepare-page.h"
#include "ladder-radar-history.h"
#include "ladder-ui-private.h"

/* The Check-ins view: the chart of shown behaviours per category at each
 * check-in, and the check-ins newest first. "Start Check-in"
 * (checkins.start) pushes a LadderCheckinPage on a draft onto the
 * window's navigation view, as the Progress view pushes a category; a
 * draft left unfinished stays here, and starting again resumes it. The
 * draft is not part of the profile until finished: it is kept in the
 * library's drafts/ folder by the window's LadderAutosave, a moment after
 * each edit and at once when the page lets go of it (another profile,
 * the window closing), and read back when the profile is shown again. A
 * write that fails keeps the draft and sets :draft-error; the autosave
 * says so to the window (whole, in its banner), which does not close
 * unasked; the next edit, the retry or the close writes it again. Discarding it removes the
 * file, with an undo toast. A check-in in the list opens read-only; its
 * delete button removes it (a tombstone) with an undo toast. */

struct _LadderCheckinsPage
{
  GtkWidget       parent_instance;

  LadderProfile  *profile;
  LadderCheckin  *draft;
  LadderLibrary  *library;
  LadderAutosave *autosave;
  GtkWidget      *draft_page;   /* weak: the draft's page, when open */
  LadderHistory  *history;

  GtkStack       *stack;
  GtkLabel       *summary_label;
  GtkButton      *start_button;
  GtkButton      *prepare_button;
  LadderAgendaGroup *agenda;
  LadderAgendaGroup *empty_agenda;
  GtkDrawingArea *chart;
  LadderRadarHistory *radar_history;
  GtkListView    *list;

  guint           focus_tick;   /* focuses the row at focus_row */
  guint           focus_row;
  guint           focus_frames;
  guint           top_frames;   /* frames left to keep a finished one's place shown */
};

G_DEFINE_FINAL_TYPE (LadderCheckinsPage, ladder_checkins_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DRAFT_ERROR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The list holds check-ins and the promotions between them. */
static const GDate *
item_date (gconstpointer item)
{
  if (LADDER_IS_PROMOTION ((gpointer) item))
    return ladder_promotion_get_date ((LadderPromotion *) item);

  return ladder_checkin_get_date ((LadderCheckin *) item);
}

static GDateTime *
item_modified (gconstpointer item)
{
  if (LADDER_IS_PROMOTION ((gpointer) item))
    return ladder_promotion_get_modified ((LadderPromotion *) item);

  return ladder_checkin_get_modified ((LadderCheckin *) item);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const GDate *da = item_date (a);
  const GDate *db = item_date (b);
  gboolean va = da != NULL && g_date_valid (da);
  gboolean vb = db != NULL && g_date_valid (db);
  int order;

  if (va && vb)
    order = g_date_compare (db, da);
  else
    order = (int) vb - (int) va;

  if (order == 0)
    order = g_date_time_compare (item_modified (b), item_modified (a));

  return order;
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  LadderCheckinsPage *self = user_data;
  LadderChartStyle style;
  GdkRGBA colour;

  if (self->history == NULL)
    return;

  ladder_chart_style_init (&style);
  gtk_widget_get_color (GTK_WIDGET (area), &colour);
  style.foreground = (LadderChartColour) { colour.red, colour.green, colour.blue, colour.alpha };
  style.grid = (LadderChartColour) { colour.red, colour.green, colour.blue, colour.alpha * 0.16 };
  style.context = gtk_widget_get_pango_context (GTK_WIDGET (area));
  style.font = pango_context_get_font_description (style.context);

  ladder_history_draw (self->history, cr, width, height, &style);
}

/* A check-in looks back on the evidence too: it starts once the
 * profile's evidence is read (see ladder-library.c). */
static void
update_start (LadderCheckinsPage *self)
{
  gboolean whole = self->profile != NULL && !ladder_profile_get_loading (self->profile);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkins.start",
                                 whole && !ladder_profile_get_read_only (self->profile));
  /* It counts the new evidence too. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkins.prepare", whole);
}

static void
update (LadderCheckinsPage *self)
{
  GListModel *checkins;
  g_autofree char *description = NULL;
  guint n;

  g_clear_pointer (&self->history, ladder_history_unref);
  if (self->profile == NULL)
    return;

  checkins = ladder_profile_get_checkins (self->profile);
  n = g_list_model_get_n_items (checkins);
  gtk_stack_set_visible_child_name (self->stack, n > 0 || self->draft != NULL ? "list" : "empty");

  self->history = ladder_history_new (self->profile, ladder_profile_get_owner (self->profile));
  description = ladder_history_describe (self->history);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));

  if (n > 0)
    {
      LadderCheckin *last = ladder_profile_get_last_checkin (self->profile);
      g_autofree char *date = _ladder_date_format (ladder_checkin_get_date (last),
                                                   LADDER_DATE_SHORT, "");
      g_autofree char *summary = NULL;

      /* Translators: %u is a number of check-ins, %s the date of the last one */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check-in, the last on %s",
                                              "%u check-ins, the last on %s", n),
                                 n, date);
      gtk_label_set_label (self->summary_label, summary);
    }
  else
    {
      gtk_label_set_label (self->summary_label, _("None finished yet"));
    }

  gtk_button_set_label (self->start_button,
                        self->draft != NULL ? _("_Resume Check-in") : _("_Start Check-in"));
}

/* Rows {{{1 */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LadderCheckinsPage       *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  /* A phone's width keeps the delete button on screen: the title wraps,
   * the subtitle is cut short. */
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), subtitle);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Delete Check-in"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Check-in"),
                                  -1);
  /* A target from the start: a row being bound never has none. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "checkins.delete");

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  /* Shown for a promotion only. */
  gtk_widget_set_visible (icon, FALSE);
  gtk_widget_add_css_class (icon, "accent");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_item_set_child (item, box);
}

static void
bind_promotion_row (LadderCheckinsPage *self,
                    GtkListItem        *item,
                    LadderPromotion    *promotion)
{
  LadderFramework *framework = ladder_profile_get_framework (self->profile);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *text = gtk_widget_get_next_sibling (icon);
  GtkWidget *title = gtk_widget_get_first_child (text);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *button = gtk_widget_get_next_sibling (text);
  const char *level = _ladder_level_display_name (framework, ladder_promotion_get_to (promotion));
  g_autofree char *date = _ladder_date_format (ladder_promotion_get_date (promotion),
                                               LADDER_DATE_SHORT, "");
  g_autofree char *heading = NULL;
  g_autofree char *label = NULL;
  gboolean up = ladder_promotion_is_promotion (promotion, framework);

  if (up)
    /* Translators: a row of the check-ins history, %s is a level's name */
    heading = g_strdup_printf (_("Promoted to %s"), level);
  else
    /* Translators: a row of the check-ins history, %s is a level's name */
    heading = g_strdup_printf (_("Level changed to %s"), level);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), up ? "starred-symbolic" : "document-edit-symbolic");
  gtk_widget_set_visible (icon, TRUE);
  gtk_label_set_label (GTK_LABEL (title), heading);
  gtk_label_set_label (GTK_LABEL (subtitle), date);
  gtk_widget_set_visible (button, FALSE);
  gtk_list_item_set_activatable (item, FALSE);

  /* Translators: the accessible name of a promotion in the list, "Promoted to Level 4, 1 Oct 2026" */
  label = g_strdup_printf (_("%s, %s"), heading, date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             LadderCheckinsPage       *self)
{
  LadderCheckin *checkin;
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *text = gtk_widget_get_next_sibling (icon);
  GtkWidget *title = gtk_widget_get_first_child (text);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *button = gtk_widget_get_next_sibling (text);
  guint n_actions;
  const char *notes;
  g_autofree char *date = NULL;
  g_autofree char *actions = NULL;
  g_autofree char *line = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *label = NULL;

  if (LADDER_IS_PROMOTION (gtk_list_item_get_item (item)))
    {
      bind_promotion_row (self, item, gtk_list_item_get_item (item));
      return;
    }

  checkin = gtk_list_item_get_item (item);
  n_actions = g_list_model_get_n_items (ladder_checkin_get_actions (checkin));
  notes = ladder_checkin_get_notes (checkin);
  date = _ladder_date_format (ladder_checkin_get_date (checkin), LADDER_DATE_SHORT, "");
  gtk_widget_set_visible (icon, FALSE);
  gtk_list_item_set_activatable (item, TRUE);

  /* Translators: how many actions a check-in agreed */
  actions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action", "%u actions", n_actions),
                             n_actions);
  if (notes != NULL && *notes != '\0')
    {
      const char *end = strchr (notes, '\n');

      line = end != NULL ? g_strndup (notes, end - notes) : g_strdup (notes);
      g_strstrip (line);
    }

  if (line != NULL && *line != '\0')
    /* Translators: a check-in's number of actions and the first line of its notes */
    detail = g_strdup_printf (_("%s · %s"), actions, line);
  else
    detail = g_steal_pointer (&actions);

  gtk_label_set_label (GTK_LABEL (title), date);
  gtk_label_set_label (GTK_LABEL (subtitle), detail);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", ladder_checkin_get_id (checkin));
  gtk_widget_set_visible (button, !ladder_profile_get_read_only (self->profile));

  /* Translators: the accessible name of a check-in in the list */
  label = g_strdup_printf (_("Check-in of %s"), date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LadderCheckinsPage       *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *button = gtk_widget_get_last_child (box);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "");
}

/* Pages {{{1 */

static void
push (LadderCheckinsPage *self,
      AdwNavigationPage  *page)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_NAVIGATION_VIEW);

  if (view == NULL)
    {
      g_object_ref_sink (page);
      g_object_unref (page);
      return;
    }

  adw_navigation_view_pop_to_tag (ADW_NAVIGATION_VIEW (view), "main");
  adw_navigation_view_push (ADW_NAVIGATION_VIEW (view), page);
}

/* Once a check-in is finished, the page shows from its top when the
 * focused row fits there, else from the History heading above the row:
 * scrolling the focus into view alone left the page scrolled down to
 * the row, its top out of sight. */
static void
show_finished_place (LadderCheckinsPage *self,
                     GtkWidget          *row)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->list), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkWidget *heading = gtk_widget_get_prev_sibling (GTK_WIDGET (self->list));
  GtkAdjustment *adjustment;
  graphene_point_t row_top, heading_top;
  double page_size;

  if (scrolled == NULL || row == NULL)
    return;

  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  page_size = gtk_adjustment_get_page_size (adjustment);
  if (content == NULL ||
      !gtk_widget_compute_point (row, content, &GRAPHENE_POINT_INIT (0, 0), &row_top) ||
      heading == NULL ||
      !gtk_widget_compute_point (heading, content, &GRAPHENE_POINT_INIT (0, 0), &heading_top))
    return;

  /* The content's point 0 moves with the scrolling: make it absolute. */
  row_top.y += gtk_adjustment_get_value (adjustment);
  heading_top.y += gtk_adjustment_get_value (adjustment);
  if (row_top.y + gtk_widget_get_height (row) <= page_size)
    gtk_adjustment_set_value (adjustment, 0.0);
  else
    gtk_adjustment_set_value (adjustment, heading_top.y - gtk_widget_get_margin_top (heading));
}

/* Focuses the row at a position once the list has its rows: a list just
 * shown (the first check-in finished) has none to focus yet. A few frames
 * at most; the focus stays where it is if the rows never come. */
#define FOCUS_ROW_FRAMES 30

static gboolean
focus_row_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  LadderCheckinsPage *self = user_data;
  GListModel *shown = ladder_checkins_page_get_shown (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus;

  /* Another profile shown since, or the row gone. */
  if (shown == NULL || self->focus_row >= g_list_model_get_n_items (shown))
    {
      self->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }

  /* Scrolling makes the row the list's focus, but moves the focus only
   * when it is in the list already: grabbing it then takes it there. */
  gtk_list_view_scroll_to (self->list, self->focus_row, GTK_LIST_SCROLL_FOCUS, NULL);
  gtk_widget_grab_focus (widget);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, widget) && self->top_frames > 0)
    {
      GtkWidget *row = focus;

      while (row != NULL && gtk_widget_get_parent (row) != widget)
        row = gtk_widget_get_parent (row);
      show_finished_place (self, row);
      /* The scrolling to the focus may come a frame later: outlast it. */
      if (--self->top_frames > 0)
        return G_SOURCE_CONTINUE;
    }
  if ((focus != NULL && gtk_widget_is_ancestor (focus, widget)) ||
      ++self->focus_frames >= FOCUS_ROW_FRAMES)
    {
      self->top_frames = 0;
      self->focus_tick = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
focus_row (LadderCheckinsPage *self,
           guint               position)
{
  self->focus_row = position;
  self->focus_frames = 0;
  if (self->focus_tick == 0)
    self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list), focus_row_tick_cb,
                                                     self, NULL);
}

/* A check-in's page or Prepare 1:1 has gone: the focus goes back to that
 * check-in's row, to Start/Resume for a draft left or thrown away, or to
 * Prepare 1:1, rather than where the navigation view last had it (the
 * button that opened the page may have changed or gone, or a shortcut
 * opened it). Not when the user has moved on elsewhere, such as to
 * another profile in the sidebar. */
static void
page_hidden_cb (AdwNavigationPage  *page,
                LadderCheckinsPage *self)
{
  gboolean is_checkin = LADDER_IS_CHECKIN_PAGE (page);
  LadderCheckin *checkin = is_checkin ? ladder_checkin_page_get_checkin (LADDER_CHECKIN_PAGE (page)) : NULL;
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_NAVIGATION_VIEW);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GListModel *shown = ladder_checkins_page_get_shown (self);
  guint n = shown != NULL ? g_list_model_get_n_items (shown) : 0;

  if (self->profile == NULL || view == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      g_object_get_data (G_OBJECT (page), "ladder-profile") != self->profile ||
      (focus != NULL && !gtk_widget_is_ancestor (focus, view)))
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (shown, i);

      if (item == (GObject *) checkin)
        {
          focus_row (self, i);
          return;
        }
    }

  gtk_widget_grab_focus (GTK_WIDGET (is_checkin ? self->start_button : self->prepare_button));
}

/* A page over the check-ins, which gives the focus back when it goes. */
static void
push_page (LadderCheckinsPage *self,
           AdwNavigationPage  *page)
{
  /* Only compared: the page leaves with another profile shown. */
  g_object_set_data (G_OBJECT (page), "ladder-profile", self->profile);
  g_signal_connect_object (page, "hidden", G_CALLBACK (page_hidden_cb), self, 0);
  push (self, page);
}

static void
add_toast (LadderCheckinsPage *self,
           AdwToast           *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  adw_toast_set_use_markup (toast, FALSE);
  _ladder_toast_wrap_title (toast);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

/* Drafts {{{1 */

static void draft_changed_cb (LadderCheckinsPage *self);

static void
watch_action (LadderCheckinsPage *self,
              LadderAction       *action)
{
  g_signal_connect_object (action, "notify::modified", G_CALLBACK (draft_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
draft_actions_changed_cb (GListModel         *actions,
                          guint               position,
                          guint               removed,
                          guint               added,
                          LadderCheckinsPage *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(LadderAction) action = g_list_model_get_item (actions, i);

      watch_action (self, action);
    }

  draft_changed_cb (self);
}

static void
unwatch_draft (LadderCheckinsPage *self,
               LadderCheckin      *draft)
{
  GListModel *actions = ladder_checkin_get_actions (draft);
  guint n = g_list_model_get_n_items (actions);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderAction) action = g_list_model_get_item (actions, i);

      g_signal_handlers_disconnect_by_data (action, self);
    }
  g_signal_handlers_disconnect_by_data (actions, self);
  g_signal_handlers_disconnect_by_data (draft, self);
}

/* Holds @draft (or none) as the check-in being written; the caller says
 * whether it is to be written now. */
static void
set_draft (LadderCheckinsPage *self,
           LadderCheckin      *draft)
{
  GListModel *actions;
  guint n;

  if (self->draft == draft)
    return;

  if (self->draft != NULL)
    unwatch_draft (self, self->draft);
  g_set_object (&self->draft, draft);
  if (draft == NULL)
    return;

  actions = ladder_checkin_get_actions (draft);
  n = g_list_model_get_n_items (actions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderAction) action = g_list_model_get_item (actions, i);

      watch_action (self, action);
    }
  g_signal_connect_object (actions, "items-changed", G_CALLBACK (draft_actions_changed_cb),
                           self, 0);
  g_signal_connect_object (draft, "notify::modified", G_CALLBACK (draft_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
report (LadderCheckinsPage *self,
        const char         *heading,
        const char         *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_message ("%s", message);
  if (root != NULL && !gtk_widget_in_destruction (GTK_WIDGET (root)))
    _ladder_show_error (GTK_WIDGET (self), heading, message);
}

static const GError *
get_draft_error (LadderCheckinsPage *self)
{
  if (self->autosave == NULL || self->profile == NULL)
    return NULL;

  return ladder_autosave_get_draft_error (self->autosave, self->profile);
}

/* The autosave's errors changed: the draft's may be among them. */
static void
errors_changed_cb (LadderCheckinsPage *self)
{
  const GError *error = get_draft_error (self);

  if (self->draft_page != NULL)
    ladder_checkin_page_set_save_error (LADDER_CHECKIN_PAGE (self->draft_page),
                                        error != NULL ? error->message : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DRAFT_ERROR]);
}

/* Writes the draft held now. */
static gboolean
save_draft_now (LadderCheckinsPage *self,
                GError            **error)
{
  if (self->draft == NULL || self->autosave == NULL || self->profile == NULL)
    return TRUE;

  ladder_autosave_draft_changed (self->autosave, self->profile, self->draft);
  return ladder_autosave_save_draft (self->autosave, self->profile, error);
}

static void
draft_changed_cb (LadderCheckinsPage *self)
{
  if (self->draft == NULL || self->autosave == NULL)
    return;

  ladder_autosave_draft_changed (self->autosave, self->profile, self->draft);
}

static void
remove_draft_file (LadderCheckinsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->autosave != NULL && self->profile != NULL)
    ladder_autosave_drop_draft (self->autosave, self->profile);
  if (self->library != NULL && self->profile != NULL &&
      !ladder_library_remove_draft (self->library, self->profile, &error))
    report (self, _("Could Not Remove the Draft Check-in"), error->message);
}

/**
 * ladder_checkins_page_save_draft:
 * @self: a #LadderCheckinsPage
 * @error: return location for a #GError, or %NULL
 *
 * Writes the check-in being held now if an edit waits for its save or
 * its last write failed: for the window closing, or trying again.
 *
 * Returns: %TRUE if the draft held is on disk (or there is none to write)
 */
gboolean
ladder_checkins_page_save_draft (LadderCheckinsPage *self,
                                 GError            **error)
{
  g_return_val_if_fail (LADDER_IS_CHECKINS_PAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->autosave == NULL || self->profile == NULL)
    return TRUE;

  return ladder_autosave_save_draft (self->autosave, self->profile, error);
}

/**
 * ladder_checkins_page_get_draft_error:
 * @self: a #LadderCheckinsPage
 *
 * Returns: (nullable) (transfer none): why the draft check-in's last
 *   write failed, or %NULL when it is on disk
 */
const GError *
ladder_checkins_page_get_draft_error (LadderCheckinsPage *self)
{
  g_return_val_if_fail (LADDER_IS_CHECKINS_PAGE (self), NULL);

  return get_draft_error (self);
}

/**
 * ladder_checkins_page_forget_unsaved_draft:
 * @self: a #LadderCheckinsPage
 *
 * Lets go of edits to the draft that are not on disk, without writing
 * them: the window closes without saving.
 */
void
ladder_checkins_page_forget_unsaved_draft (LadderCheckinsPage *self)
{
  g_return_if_fail (LADDER_IS_CHECKINS_PAGE (self));

  if (self->autosave != NULL && self->profile != NULL)
    ladder_autosave_drop_draft (self->autosave, self->profile);
  set_draft (self, NULL);
}

/**
 * ladder_checkins_page_get_draft_page:
 * @self: a #LadderCheckinsPage
 *
 * Returns: (transfer none) (nullable): the #LadderCheckinPage of the draft
 *   being held, while it is open
 */
GtkWidget *
ladder_checkins_page_get_draft_page (LadderCheckinsPage *self)
{
  g_return_val_if_fail (LADDER_IS_CHECKINS_PAGE (self), NULL);

  return self->draft_page;
}

static void
undo_discard_cb (AdwToast           *toast,
                 LadderCheckinsPage *self)
{
  LadderCheckin *draft = g_object_get_data (G_OBJECT (toast), "ladder-draft");
  LadderProfile *profile = g_object_get_data (G_OBJECT (toast), "ladder-profile");

  if (draft == NULL || profile != self->profile || self->draft != NULL)
    return;

  set_draft (self, draft);
  save_draft_now (self, NULL);
  update (self);
}

static void
discarded_cb (LadderCheckinPage  *page,
              LadderCheckinsPage *self)
{
  LadderCheckin *draft = ladder_checkin_page_get_checkin (page);
  AdwToast *toast;

  if (self->draft != draft)
    return;

  remove_draft_file (self);
  toast = adw_toast_new (_("Draft check-in discarded"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "ladder-draft", g_object_ref (draft), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "ladder-profile", g_object_ref (self->profile),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_discard_cb), self, 0);
  _ladder_offer_lasting_undo (GTK_WIDGET (self), toast);
  set_draft (self, NULL);
  update (self);
  add_toast (self, toast);
}

/* The draft kept for the profile just shown, if any. */
static void
load_draft (LadderCheckinsPage *self)
{
  g_autoptr(LadderCheckin) draft = NULL;
  g_autoptr(GError) error = NULL;
  if (self->library == NULL || ladder_profile_get_read_only (self->profile))
    return;

  draft = ladder_library_load_draft (self->library, self->profile, &error);
  if (error != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why a saved draft check-in could not be read */
      message = g_strdup_printf (_("The draft check-in could not be read and is left as it is: %s"),
                                 error->message);
      report (self, _("Could Not Read the Draft Check-in"), message);
      return;
    }

  set_draft (self, draft);
}

static void
finished_cb (LadderCheckinPage  *page,
             LadderCheckinsPage *self)
{
  if (self->draft == ladder_checkin_page_get_checkin (page))
    {
      set_draft (self, NULL);
      remove_draft_file (self);
    }
  update (self);
  self->top_frames = 3;
  add_toast (self, adw_toast_new (_("Check-in saved")));
}

/**
 * ladder_checkins_page_start:
 * @self: a #LadderCheckinsPage
 *
 * Opens the check-in being held, starting one dated today when there is
 * none.
 */
void
ladder_checkins_page_start (LadderCheckinsPage *self)
{
  AdwNavigationPage *page;
  const GError *error;

  g_return_if_fail (LADDER_IS_CHECKINS_PAGE (self));

  if (self->profile == NULL || ladder_profile_get_read_only (self->profile))
    return;

  if (self->draft == NULL)
    {
      g_autoptr(LadderCheckin) draft = ladder_profile_start_checkin (self->profile);

      set_draft (self, draft);
      save_draft_now (self, NULL);
    }

  page = ladder_checkin_page_new (self->profile, self->draft, TRUE);
  /* The window's banner is under this page: it says so itself. */
  g_set_weak_pointer (&self->draft_page, GTK_WIDGET (page));
  error = get_draft_error (self);
  if (error != NULL)
    ladder_checkin_page_set_save_error (LADDER_CHECKIN_PAGE (page), error->message);
  g_signal_connect_object (page, "finished", G_CALLBACK (finished_cb), self, 0);
  g_signal_connect_object (page, "discarded", G_CALLBACK (discarded_cb), self, 0);
  push_page (self, page);
  update (self);
}

/**
 * ladder_checkins_page_prepare:
 * @self: a #LadderCheckinsPage
 *
 * Shows Prepare 1:1 for the profile: what to bring to the next 1:1.
 */
void
ladder_checkins_page_prepare (LadderCheckinsPage *self)
{
  g_return_if_fail (LADDER_IS_CHECKINS_PAGE (self));

  if (self->profile == NULL)
    return;

  push_page (self, ladder_prepare_page_new (self->profile));
}

static void
ladder_checkins_page_prepare_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  ladder_checkins_page_prepare (LADDER_CHECKINS_PAGE (widget));
}

/**
 * ladder_checkins_page_open:
 * @self: a #LadderCheckinsPage
 * @checkin: one of the profile's check-ins
 *
 * Shows a finished check-in read-only.
 */
void
ladder_checkins_page_open (LadderCheckinsPage *self,
                           LadderCheckin      *checkin)
{
  g_return_if_fail (LADDER_IS_CHECKINS_PAGE (self));
  g_return_if_fail (LADDER_IS_CHECKIN (checkin));

  if (self->profile == NULL)
    return;

  push_page (self, ladder_checkin_page_new (self->profile, checkin, FALSE));
}

/**
 * ladder_checkins_page_get_shown:
 * @self: a #LadderCheckinsPage
 *
 * Returns: (transfer none) (nullable): the check-ins and promotions as
 *   listed, newest first
 */
GListModel *
ladder_checkins_page_get_shown (LadderCheckinsPage *self)
{
  GtkSelectionModel *model;

  g_return_val_if_fail (LADDER_IS_CHECKINS_PAGE (self), NULL);

  model = gtk_list_view_get_model (self->list);
  return model != NULL ? gtk_no_selection_get_model (GTK_NO_SELECTION (model)) : NULL;
}

static void
list_activate_cb (LadderCheckinsPage *self,
                  guint               position)
{
  g_autoptr(GObject) item = NULL;

  item = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (self->list)), position);
  if (item != NULL && LADDER_IS_CHECKIN (item))
    ladder_checkins_page_open (self, LADDER_CHECKIN (item));
}

static void
ladder_checkins_page_start_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  ladder_checkins_page_start (LADDER_CHECKINS_PAGE (widget));
}

/* Deleting {{{1 */

/* The toast keeps the check-in and its profile: Ctrl+Z reaches the undo
 * after the toast has gone, until another undo is offered. */
static void
undo_delete_cb (AdwToast           *toast,
                LadderCheckinsPage *self)
{
  LadderCheckin *checkin = g_object_get_data (G_OBJECT (toast), "ladder-checkin");
  LadderProfile *profile = g_object_get_data (G_OBJECT (toast), "ladder-profile");

  if (checkin == NULL || profile != self->profile || ladder_profile_get_read_only (profile))
    return;

  if (ladder_profile_find_checkin (profile, ladder_checkin_get_id (checkin)) == NULL)
    ladder_profile_add_checkin (profile, checkin);
}

static void
ladder_checkins_page_delete_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  LadderCheckinsPage *self = LADDER_CHECKINS_PAGE (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autoptr(LadderCheckin) checkin = NULL;
  AdwToast *toast;

  if (self->profile == NULL || ladder_profile_get_read_only (self->profile))
    return;

  g_set_object (&checkin, ladder_profile_find_checkin (self->profile, id));
  if (checkin == NULL)
    return;

  ladder_profile_remove_checkin (self->profile, checkin);

  date = _ladder_date_format (ladder_checkin_get_date (checkin), LADDER_DATE_SHORT, "");
  /* Translators: a toast; %s is a check-in's date */
  title = g_strdup_printf (_("Check-in of %s deleted"), date);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  /* The undo shows at once, not after a "saved" toast waiting before it. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "ladder-checkin", g_object_ref (checkin), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "ladder-profile", g_object_ref (self->profile),
                          g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  _ladder_offer_lasting_undo (GTK_WIDGET (self), toast);
  add_toast (self, toast);
}

/* The object {{{1 */

/**
 * ladder_checkins_page_set_autosave:
 * @self: a #LadderCheckinsPage
 * @autosave: what keeps the drafts, and the library they are read from
 *
 * Gives the page the window's autosave, once, before a profile is shown.
 */
void
ladder_checkins_page_set_autosave (LadderCheckinsPage *self,
                                   LadderAutosave     *autosave)
{
  g_return_if_fail (LADDER_IS_CHECKINS_PAGE (self));
  g_return_if_fail (LADDER_IS_AUTOSAVE (autosave));
  g_return_if_fail (self->autosave == NULL);

  self->autosave = g_object_ref (autosave);
  g_set_object (&self->library, ladder_autosave_get_library (autosave));
  g_signal_connect_object (autosave, "errors-changed", G_CALLBACK (errors_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * ladder_checkins_page_set_profile:
 * @self: a #LadderCheckinsPage
 * @profile: (nullable): the profile to show
 *
 * Shows @profile's check-ins, with the draft kept for it. The draft held
 * for the profile shown before is written first.
 */
void
ladder_checkins_page_set_profile (LadderCheckinsPage *self,
                                  LadderProfile      *profile)
{
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GListStore) lists = NULL;
  g_autoptr(GError) error = NULL;
  GtkCustomSorter *sorter;

  g_return_if_fail (LADDER_IS_CHECKINS_PAGE (self));

  if (self->profile == profile)
    return;

  if (self->profile != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->profile, update, self);
      g_signal_handlers_disconnect_by_func (self->profile, update_start, self);
    }
  gtk_list_view_set_model (self->list, NULL);
  /* The draft's page goes with the profile: what it has typed is kept. */
  if (self->draft_page != NULL)
    ladder_checkin_page_keep_typed_action (LADDER_CHECKIN_PAGE (self->draft_page));
  if (self->profile != NULL && !ladder_checkins_page_save_draft (self, &error))
    {
      g_autofree char *message = NULL;

      /* Another profile is shown: the draft held cannot stay.
       * Translators: %s is a profile's name, then why its draft check-in
       * could not be written (a whole sentence) */
      message = g_strdup_printf (_("The draft check-in of “%s” could not be saved and is lost: %s"),
                                 ladder_profile_get_name (self->profile), error->message);
      report (self, _("Could Not Save the Draft Check-in"), message);
    }
  if (self->profile != NULL && self->autosave != NULL)
    ladder_autosave_drop_draft (self->autosave, self->profile);
  set_draft (self, NULL);
  g_set_object (&self->profile, profile);
  update_start (self);
  ladder_agenda_group_set_profile (self->agenda, profile);
  ladder_agenda_group_set_profile (self->empty_agenda, profile);
  ladder_radar_history_set_profile (self->radar_history, profile);
  /* Another person's check-ins read from their top. */
  _ladder_scroll_to_top (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self->list),
                                                                     GTK_TYPE_SCROLLED_WINDOW)));

  if (profile == NULL)
    {
      update (self);
      return;
    }

  g_signal_connect_swapped (profile, "changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (profile, "notify::loading", G_CALLBACK (update_start), self);
  load_draft (self);
  lists = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (lists, ladder_profile_get_checkins (profile));
  g_list_store_append (lists, ladder_profile_get_promotions (profile));
  sorter = gtk_custom_sorter_new (compare_newest_first, NULL, NULL);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&lists)))),
                                    GTK_SORTER (sorter));
  gtk_list_view_set_model (self->list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&sorted)))));
  update (self);
}

static void
ladder_checkins_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LadderCheckinsPage *self = LADDER_CHECKINS_PAGE (object);

  switch (prop_id)
    {
    case PROP_DRAFT_ERROR:
      g_value_set_boxed (value, get_draft_error (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_checkins_page_dispose (GObject *object)
{
  LadderCheckinsPage *self = LADDER_CHECKINS_PAGE (object);

  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list), self->focus_tick);
  self->focus_tick = 0;
  ladder_checkins_page_set_profile (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_CHECKINS_PAGE);
  g_clear_pointer (&self->history, ladder_history_unref);
  if (self->autosave != NULL)
    g_signal_handlers_disconnect_by_data (self->autosave, self);
  g_clear_object (&self->autosave);
  g_clear_object (&self->library);
  g_clear_weak_pointer (&self->draft_page);

  G_OBJECT_CLASS (ladder_checkins_page_parent_class)->dispose (object);
}

static void
ladder_checkins_page_class_init (LadderCheckinsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_checkins_page_dispose;
  object_class->get_property = ladder_checkins_page_get_property;

  /**
   * LadderCheckinsPage:draft-error:
   *
   * Why the draft check-in's last write failed, or %NULL when it is on
   * disk.
   */
  properties [PROP_DRAFT_ERROR] =
    g_param_spec_boxed ("draft-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-checkins-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinsPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinsPage, prepare_button);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinsPage, agenda);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinsPage, empty_agenda);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinsPage, chart);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinsPage, radar_history);
  gtk_widget_class_bind_template_child (widget_class, LadderCheckinsPage, list);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "checkins.start", NULL,
                                   ladder_checkins_page_start_action);
  gtk_widget_class_install_action (widget_class, "checkins.delete", "s",
                                   ladder_checkins_page_delete_action);
  gtk_widget_class_install_action (widget_class, "checkins.prepare", NULL,
                                   ladder_checkins_page_prepare_action);
}

static void
ladder_checkins_page_init (LadderCheckinsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_type_ensure (LADDER_TYPE_AGENDA_GROUP);
  g_type_ensure (LADDER_TYPE_RADAR_HISTORY);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkins.start", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checkins.prepare", FALSE);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list, factory);
}
