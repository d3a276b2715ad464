/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-ui"

#include "config.h"

#include <string.h>

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

  /* A level reached is no longer a target: the next one is. */
  if (target == GTK_INVALID_LIST_POSITION || target <= current)
    adw_combo_row_set_selected (target_row,
                                MIN (current + 1, g_list_model_get_n_items (model) - 1));
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
combo_popover_visible_cb (GtkWidget   *popover,
                          GParamSpec  *pspec,
                          AdwComboRow *row)
{
  GtkWidget *list = find_descendant (popover, GTK_TYPE_LIST_VIEW);
  guint selected = adw_combo_row_get_selected (row);

  if (!gtk_widget_get_visible (popover) || list == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  /* The popup's list keeps the item its keyboard focus was last on,
   * which is the first until a key moves it, not the checked one: the
   * row set to Level 3 when the editor opened popped up on Level 1, and
   * Down then Enter chose Level 2. The popup's search is empty as it
   * opens, so its positions are the row's. */
  gtk_list_view_scroll_to (GTK_LIST_VIEW (list), selected, GTK_LIST_SCROLL_FOCUS, NULL);
}

void
_ladder_combo_row_focus_checked (AdwComboRow *row)
{
  GtkWidget *popover;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  popover = find_descendant (GTK_WIDGET (row), GTK_TYPE_POPOVER);
  g_return_if_fail (popover != NULL);
  g_signal_connect_object (popover, "notify::visible", G_CALLBACK (combo_popover_visible_cb), row, 0);
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

/* Undo by keyboard {{{1 */

#define UNDO_TOAST_KEY "ladder-undo-toast"

static void
undo_toast_dismissed_cb (AdwToast  *toast,
                         GtkWidget *root)
{
  if (g_object_get_data (G_OBJECT (root), UNDO_TOAST_KEY) == toast)
    g_object_set_data (G_OBJECT (root), UNDO_TOAST_KEY, NULL);
}

/* A title set later replaces the label's text, and unsets the custom
 * title, which is put back. */
static void
toast_title_changed_cb (AdwToast   *toast,
                        GParamSpec *pspec,
                        GtkLabel   *label)
{
  const char *title = adw_toast_get_title (toast);

  if (title == NULL)
    return;

  if (adw_toast_get_use_markup (toast))
    gtk_label_set_markup (label, title);
  else
    gtk_label_set_text (label, title);
  if (adw_toast_get_custom_title (toast) != GTK_WIDGET (label))
    adw_toast_set_custom_title (toast, GTK_WIDGET (label));
}

/* The toast gives its title its natural width, even past the overlay's
 * edge: the title is kept to a width that leaves the Undo and close
 * buttons room in the overlay it shows in (16 characters at 360 pixels),
 * and wraps past it; a wide window keeps a title on one line. */
#define TOAST_TITLE_MIN_CHARS 16
#define TOAST_TITLE_MAX_CHARS 60

static void
toast_title_mapped_cb (GtkWidget *label)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (label, ADW_TYPE_TOAST_OVERLAY);
  int width = overlay != NULL ? gtk_widget_get_width (overlay) : 0;
  /* About the width of a heading's character, and what the toast's
   * buttons and margins take beside the title. */
  int chars = (width - 200) / 10;

  gtk_label_set_max_width_chars (GTK_LABEL (label),
                                 CLAMP (chars, TOAST_TITLE_MIN_CHARS, TOAST_TITLE_MAX_CHARS));
}

/* A toast's own title is one line, cut with an ellipsis: at 360 pixels,
 * beside its Undo, a behaviour's name in it was cut after a word or two.
 * Its title becomes a label that wraps instead, and follows the title
 * as it changes (a burst of merges updates one toast). */
void
_ladder_toast_wrap_title (AdwToast *toast)
{
  GtkWidget *label;

  g_return_if_fail (ADW_IS_TOAST (toast));

  if (adw_toast_get_custom_title (toast) != NULL || adw_toast_get_title (toast) == NULL)
    return;

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (label), TOAST_TITLE_MIN_CHARS);
  g_signal_connect (label, "map", G_CALLBACK (toast_title_mapped_cb), NULL);
  gtk_widget_add_css_class (label, "heading");
  toast_title_changed_cb (toast, NULL, GTK_LABEL (label));
  g_signal_connect_object (toast, "notify::title", G_CALLBACK (toast_title_changed_cb), label, 0);
}

void
_ladder_offer_undo (GtkWidget *widget,
                    AdwToast  *toast)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  root = gtk_widget_get_root (widget);
  if (root == NULL)
    return;

  g_object_set_data_full (G_OBJECT (root), UNDO_TOAST_KEY, g_object_ref (toast), g_object_unref);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), root, 0);
}

/* What the toast's button does when clicked: its "button-clicked" handlers,
 * then its action, and the toast goes. */
gboolean
_ladder_undo_latest (GtkWidget *window)
{
  g_autoptr(AdwToast) toast = NULL;
  const char *action;

  g_return_val_if_fail (GTK_IS_WIDGET (window), FALSE);

  toast = g_object_get_data (G_OBJECT (window), UNDO_TOAST_KEY);
  if (toast == NULL)
    return FALSE;

  g_object_ref (toast);
  g_object_set_data (G_OBJECT (window), UNDO_TOAST_KEY, NULL);
  g_signal_emit_by_name (toast, "button-clicked");
  action = adw_toast_get_action_name (toast);
  if (action != NULL)
    gtk_widget_activate_action_variant (window, action, adw_toast_get_action_target_value (toast));
  adw_toast_dismiss (toast);

  return TRUE;
}

#define TOAST_OVERLAY_FUNC_KEY "ladder-toast-overlay-func"

void
_ladder_set_toast_overlay_func (GtkWidget              *window,
                                LadderToastOverlayFunc  func)
{
  g_return_if_fail (GTK_IS_WIDGET (window));

  g_object_set_data (G_OBJECT (window), TOAST_OVERLAY_FUNC_KEY, func);
}

void
_ladder_add_toast (GtkWidget *widget,
                   AdwToast  *toast)
{
  LadderToastOverlayFunc func = NULL;
  AdwToastOverlay *overlay = NULL;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  root = gtk_widget_get_root (widget);
  if (root != NULL)
    func = g_object_get_data (G_OBJECT (root), TOAST_OVERLAY_FUNC_KEY);
  if (func != NULL)
    overlay = func (GTK_WIDGET (root));
  else
    overlay = (AdwToastOverlay *) gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_object_unref (toast);
      return;
    }

  _ladder_toast_wrap_title (toast);
  adw_toast_overlay_add_toast (overlay, toast);
}

void
_ladder_show_error (GtkWidget  *parent,
                    const char *heading,
                    const char *message)
{
  AdwDialog *alert;

  g_return_if_fail (GTK_IS_WIDGET (parent));

  alert = adw_alert_dialog_new (heading, message);
  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
  adw_dialog_present (alert, parent);
}

/* Calendar keys {{{1 */

#define CALENDAR_MOVING_KEY "ladder-calendar-moving"

static gboolean
calendar_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         GtkCalendar           *calendar)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (calendar)) == GTK_TEXT_DIR_RTL;
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autoptr(GDateTime) moved = NULL;

  /* Ctrl with an arrow keeps the calendar's own meaning (another month
   * or year). */
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      moved = g_date_time_add_days (date, rtl ? 1 : -1);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      moved = g_date_time_add_days (date, rtl ? -1 : 1);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      moved = g_date_time_add_weeks (date, -1);
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      moved = g_date_time_add_weeks (date, 1);
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      moved = g_date_time_add_months (date, -1);
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      moved = g_date_time_add_months (date, 1);
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      g_signal_emit_by_name (calendar, "day-selected");
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  if (moved == NULL)
    return GDK_EVENT_STOP;

  g_object_set_data (G_OBJECT (calendar), CALENDAR_MOVING_KEY, GINT_TO_POINTER (TRUE));
  gtk_calendar_set_date (calendar, moved);
  g_object_set_data (G_OBJECT (calendar), CALENDAR_MOVING_KEY, NULL);

  return GDK_EVENT_STOP;
}

void
_ladder_calendar_add_keys (GtkCalendar *calendar)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_CALENDAR (calendar));

  /* Before the calendar's own controller, whose arrow keys start from
   * its last row whatever day is chosen. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (calendar_key_pressed_cb), calendar, 0);
  gtk_widget_add_controller (GTK_WIDGET (calendar), keys);
}

gboolean
_ladder_calendar_is_moving (GtkCalendar *calendar)
{
  g_return_val_if_fail (GTK_IS_CALENDAR (calendar), FALSE);

  return g_object_get_data (G_OBJECT (calendar), CALENDAR_MOVING_KEY) != NULL;
}

void
_ladder_calendar_show_date (GtkCalendar *calendar,
                            const GDate *date)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_if_fail (GTK_IS_CALENDAR (calendar));

  if (date != NULL && g_date_valid (date))
    day = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                                 0, 0, 0);
  if (day == NULL)
    day = g_date_time_new_now_local ();

  g_object_set_data (G_OBJECT (calendar), CALENDAR_MOVING_KEY, GINT_TO_POINTER (TRUE));
  gtk_calendar_set_date (calendar, day);
  g_object_set_data (G_OBJECT (calendar), CALENDAR_MOVING_KEY, NULL);
}

char *
_ladder_avatar_text (const char *name)
{
  g_auto(GStrv) words = g_strsplit_set (name != NULL ? name : "", " \t\n", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *p = words[i];

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char_validated (p, -1)))
        {
          const char *close = *p == '<' ? strchr (p, '>') : NULL;
          gboolean more = FALSE;

          /* "<b>" is skipped when a letter follows it; "<Nina>" is not. */
          for (const char *q = close != NULL ? close + 1 : ""; *q != '\0' && !more;
               q = g_utf8_find_next_char (q, NULL))
            more = g_unichar_isalnum (g_utf8_get_char_validated (q, -1));

          p = more ? close + 1 : g_utf8_find_next_char (p, NULL);
        }
      if (p == NULL || *p == '\0')
        continue;

      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, p);
    }

  return g_string_free_and_steal (g_steal_pointer (&text));
}
