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

  if (!gtk_widget_get_visible (popover))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      /* A level chosen in the popup left the focus on nothing: the
       * keyboard goes on from the row, where the choice shows. */
      if (focus == NULL || focus == popover || gtk_widget_is_ancestor (focus, popover))
        gtk_widget_grab_focus (GTK_WIDGET (row));
      return;
    }

  if (list == NULL || selected == GTK_INVALID_LIST_POSITION)
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
  int chars = CLAMP ((width - 200) / 10, TOAST_TITLE_MIN_CHARS, TOAST_TITLE_MAX_CHARS);
  int length = (int) g_utf8_strlen (gtk_label_get_text (GTK_LABEL (label)), -1);

  /* The toast lays its title out at the title's minimum width, which
   * for a label that wraps is its longest word: the title asks for its
   * whole length, up to the limit, so a short one stays on one line. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), chars);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (length, chars));
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
  if (gtk_widget_get_mapped (GTK_WIDGET (label)))
    toast_title_mapped_cb (GTK_WIDGET (label));
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

#define UNDO_OWNER_KEY "ladder-undo-owner"
#define UNDO_STAMP_KEY "ladder-undo-stamp"

/* Orders the offers and the edits of text fields: Ctrl+Z undoes the
 * latest of the two. */
static gsize undo_stamp;

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static GtkRoot *
offer_undo (GtkWidget *widget,
            AdwToast  *toast)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GWeakRef *owner;

  if (root == NULL)
    return NULL;

  /* The undo of a dialog's toast is void once the dialog is gone. */
  owner = g_new0 (GWeakRef, 1);
  g_weak_ref_init (owner, widget);
  g_object_set_data (G_OBJECT (toast), UNDO_STAMP_KEY, GSIZE_TO_POINTER (++undo_stamp));
  g_object_set_data_full (G_OBJECT (toast), UNDO_OWNER_KEY, owner, (GDestroyNotify) weak_ref_free);
  g_object_set_data_full (G_OBJECT (root), UNDO_TOAST_KEY, g_object_ref (toast), g_object_unref);

  return root;
}

/* A toast shows for a few seconds: less than it takes to read it and
 * reach for Ctrl+Z, for someone who does not use a pointer. The toast,
 * with what its undo needs, is kept until another undo is offered. */
void
_ladder_offer_lasting_undo (GtkWidget *widget,
                            AdwToast  *toast)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  offer_undo (widget, toast);

  /* Given the overlay (a row's rating), it shows there. */
  if (ADW_IS_TOAST_OVERLAY (widget))
    _ladder_toast_keep_focus_visible (ADW_TOAST_OVERLAY (widget), toast);
}

void
_ladder_offer_undo (GtkWidget *widget,
                    AdwToast  *toast)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  _ladder_offer_lasting_undo (widget, toast);
  root = gtk_widget_get_root (widget);
  if (root != NULL)
    g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), root, 0);
}

/* What the toast's button does when clicked: its "button-clicked" handlers,
 * then its action, and the toast goes. */
gboolean
_ladder_undo_latest (GtkWidget *window)
{
  g_autoptr(AdwToast) toast = NULL;
  g_autoptr(GtkWidget) owner = NULL;
  GWeakRef *owner_ref;
  const char *action;

  g_return_val_if_fail (GTK_IS_WIDGET (window), FALSE);

  toast = g_object_get_data (G_OBJECT (window), UNDO_TOAST_KEY);
  if (toast == NULL)
    return FALSE;

  g_object_ref (toast);
  g_object_set_data (G_OBJECT (window), UNDO_TOAST_KEY, NULL);

  owner_ref = g_object_get_data (G_OBJECT (toast), UNDO_OWNER_KEY);
  owner = owner_ref != NULL ? g_weak_ref_get (owner_ref) : NULL;
  if (owner == NULL || gtk_widget_get_root (owner) != GTK_ROOT (window))
    return FALSE;
  g_signal_emit_by_name (toast, "button-clicked");
  action = adw_toast_get_action_name (toast);
  if (action != NULL)
    gtk_widget_activate_action_variant (window, action, adw_toast_get_action_target_value (toast));
  adw_toast_dismiss (toast);

  return TRUE;
}

/* Ctrl+Z goes to the latest undo offered in the window, from wherever
 * the focus is. Two things stood in its way: a text field takes the key
 * before the window, and undoes (or seems to) even with nothing of its
 * own to undo; and a real key pressed in a dialog goes no further up
 * than the dialog. So the window, and each dialog that offers an undo,
 * ask first: the key goes to a text field only when the field was
 * edited after the undo was offered. */
static void
text_edited_cb (GObject *text)
{
  g_object_set_data (text, UNDO_STAMP_KEY, GSIZE_TO_POINTER (++undo_stamp));
}

static GObject *
focus_text (GtkRoot *root)
{
  GtkWidget *focus = gtk_root_get_focus (root);

  if (GTK_IS_TEXT_VIEW (focus))
    return G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus)));
  if (GTK_IS_EDITABLE (focus))
    return G_OBJECT (focus);
  return NULL;
}

static void
focus_changed_cb (GtkRoot *root)
{
  GObject *text = focus_text (root);

  if (text == NULL || g_object_get_data (text, "ladder-undo-watched") != NULL)
    return;

  g_object_set_data (text, "ladder-undo-watched", GINT_TO_POINTER (TRUE));
  g_signal_connect (text, "changed", G_CALLBACK (text_edited_cb), NULL);
}

static gboolean
undo_key_pressed_cb (GtkEventControllerKey *keys,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     gpointer               user_data)
{
  GtkRoot *root = gtk_widget_get_root (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (keys)));
  AdwToast *toast;
  GObject *text;

  if ((keyval != GDK_KEY_z && keyval != GDK_KEY_Z) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != GDK_CONTROL_MASK || root == NULL)
    return GDK_EVENT_PROPAGATE;

  toast = g_object_get_data (G_OBJECT (root), UNDO_TOAST_KEY);
  text = focus_text (root);
  if (toast == NULL ||
      (text != NULL && GPOINTER_TO_SIZE (g_object_get_data (text, UNDO_STAMP_KEY)) >
                         GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), UNDO_STAMP_KEY))))
    return GDK_EVENT_PROPAGATE;

  return _ladder_undo_latest (GTK_WIDGET (root)) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
}

static void
undo_widget_root_cb (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root == NULL || g_object_get_data (G_OBJECT (root), "ladder-undo-focus") != NULL)
    return;

  g_object_set_data (G_OBJECT (root), "ladder-undo-focus", GINT_TO_POINTER (TRUE));
  g_signal_connect (root, "notify::focus-widget", G_CALLBACK (focus_changed_cb), NULL);
}

void
_ladder_undo_add_keys (GtkWidget *widget)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (undo_key_pressed_cb), NULL);
  gtk_widget_add_controller (widget, keys);
  /* The focus is followed in the window a dialog shows in. */
  if (GTK_IS_ROOT (widget))
    undo_widget_root_cb (widget);
  else
    g_signal_connect (widget, "realize", G_CALLBACK (undo_widget_root_cb), NULL);
}

/* Toasts over the focus {{{1 */

/* A toast floats over the bottom of the content: over the focused row's
 * button, where the keyboard was, when the focus was low in a list. While
 * a toast shows, the list the focus is in gets room at its end as tall as
 * the toast, and scrolls the focused widget above it. */
#define TOAST_ROOM_KEY "ladder-toast-room"
#define TOAST_SPACING 12
#define TOAST_FRAMES 60

static GtkWidget *
shown_toast_widget (GtkWidget *overlay)
{
  GtkWidget *child = adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (overlay));

  for (GtkWidget *widget = gtk_widget_get_last_child (overlay); widget != NULL;
       widget = gtk_widget_get_prev_sibling (widget))
    if (widget != child && gtk_widget_get_mapped (widget) && gtk_widget_get_height (widget) > 0)
      return widget;

  return NULL;
}

static void
toast_room_dismissed_cb (AdwToast  *toast,
                         GtkWidget *content)
{
  int room = GPOINTER_TO_INT (g_object_steal_data (G_OBJECT (content), TOAST_ROOM_KEY));

  gtk_widget_set_margin_bottom (content, MAX (0, gtk_widget_get_margin_bottom (content) - room));
}

static gboolean
keep_focus_above_toast_cb (GtkWidget     *overlay,
                           GdkFrameClock *clock,
                           gpointer       data)
{
  AdwToast *toast = data;
  GtkRoot *root = gtk_widget_get_root (overlay);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *shown = shown_toast_widget (overlay);
  GtkWidget *scrolled;
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t focus_bounds, toast_bounds;
  double below;
  int room;
  int top;
  guint frames = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "ladder-toast-frames"));

  /* Not laid out yet (or the room not yet): the next frame, for a while. */
  g_object_set_data (G_OBJECT (toast), "ladder-toast-frames", GUINT_TO_POINTER (frames + 1));
  if (frames > TOAST_FRAMES)
    return G_SOURCE_REMOVE;
  if (shown == NULL)
    return G_SOURCE_CONTINUE;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, overlay) ||
      !gtk_widget_compute_bounds (focus, overlay, &focus_bounds) ||
      !gtk_widget_compute_bounds (shown, overlay, &toast_bounds))
    return G_SOURCE_REMOVE;

  /* The toast slides in from below: where it stops is what counts. */
  top = (int) toast_bounds.origin.y + 1;
  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toast), "ladder-toast-top")) != top)
    {
      g_object_set_data (G_OBJECT (toast), "ladder-toast-top", GINT_TO_POINTER (top));
      return G_SOURCE_CONTINUE;
    }

  below = focus_bounds.origin.y + focus_bounds.size.height + TOAST_SPACING - toast_bounds.origin.y;
  scrolled = gtk_widget_get_ancestor (focus, GTK_TYPE_SCROLLED_WINDOW);
  if (below <= 0 || scrolled == NULL || !gtk_widget_is_ancestor (scrolled, overlay))
    return G_SOURCE_REMOVE;

  /* The room, once per list: the toast's height and its spacing. */
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (content) && gtk_viewport_get_child (GTK_VIEWPORT (content)) != NULL)
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (content != NULL && g_object_get_data (G_OBJECT (content), TOAST_ROOM_KEY) == NULL)
    {
      room = (int) toast_bounds.size.height + 2 * TOAST_SPACING;
      g_object_set_data (G_OBJECT (content), TOAST_ROOM_KEY, GINT_TO_POINTER (room));
      gtk_widget_set_margin_bottom (content, gtk_widget_get_margin_bottom (content) + room);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_room_dismissed_cb), content, 0);
    }

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  /* The room comes with the next layout, which the adjustment's upper
   * bound waits for: try again then. */
  if (gtk_adjustment_get_value (adjustment) + below >
      gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment))
    return G_SOURCE_CONTINUE;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + below);

  return G_SOURCE_REMOVE;
}

void
_ladder_toast_keep_focus_visible (AdwToastOverlay *overlay,
                                  AdwToast        *toast)
{
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  if (g_object_get_data (G_OBJECT (toast), "ladder-toast-kept") != NULL)
    return;
  g_object_set_data (G_OBJECT (toast), "ladder-toast-kept", GINT_TO_POINTER (TRUE));
  gtk_widget_add_tick_callback (GTK_WIDGET (overlay), keep_focus_above_toast_cb,
                                g_object_ref (toast), g_object_unref);
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
  _ladder_toast_keep_focus_visible (overlay, toast);
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

/* Toggle group keys {{{1 */

/* The position among @group's toggles of its focused button, else of its
 * active toggle. The group's children are its toggles' buttons with
 * separators between. */
static guint
focused_toggle (AdwToggleGroup *group)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (group));
  guint position = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (group)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_TOGGLE_BUTTON (child))
        continue;
      if (child == focus)
        return position;
      position++;
    }

  return adw_toggle_group_get_active (group);
}

/* AdwToggleGroup makes itself one focus stop on its active toggle, but
 * leaves the arrow keys to move the focus (which a list view takes for
 * its own): what a radio group does, done here. */
static gboolean
toggle_group_key_pressed_cb (GtkEventControllerKey *controller,
                             guint                  keyval,
                             guint                  keycode,
                             GdkModifierType        state,
                             AdwToggleGroup        *group)
{
  guint n_toggles = adw_toggle_group_get_n_toggles (group);
  guint current = focused_toggle (group);
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (group)) == GTK_TEXT_DIR_RTL;
  guint target;
  int step = 0;

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0 || n_toggles == 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      target = 0;
      break;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      target = n_toggles - 1;
      break;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      step = rtl ? 1 : -1;
      break;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      step = rtl ? -1 : 1;
      break;

    default:
      return GDK_EVENT_PROPAGATE;
    }

  /* The ends stop the arrows rather than wrap round: a rating is a
   * scale, and a choice of two would only flip. */
  if (step != 0)
    {
      if (current >= n_toggles)
        target = step > 0 ? 0 : n_toggles - 1;
      else if (step < 0)
        target = current > 0 ? current - 1 : 0;
      else
        target = MIN (current + 1, n_toggles - 1);
    }

  adw_toggle_group_set_active (group, target);
  /* Onto the chosen toggle; the group focuses its active one. */
  gtk_widget_grab_focus (GTK_WIDGET (group));

  return GDK_EVENT_STOP;
}

void
_ladder_toggle_group_add_keys (AdwToggleGroup *group)
{
  GtkEventController *keys;

  g_return_if_fail (ADW_IS_TOGGLE_GROUP (group));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (toggle_group_key_pressed_cb), group, 0);
  gtk_widget_add_controller (GTK_WIDGET (group), keys);
}

/* Remembered folders {{{1 */

gboolean
_ladder_file_dialog_start_in_last_folder (GtkFileDialog *dialog,
                                          const char    *key)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (GTK_IS_FILE_DIALOG (dialog), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  settings = g_settings_new (APP_ID);
  uri = g_settings_get_string (settings, key);
  if (*uri == '\0')
    return FALSE;

  folder = g_file_new_for_uri (uri);
  /* A local folder since removed starts the chooser where it would have;
   * a remote one is not asked about, which could wait on the network. */
  if (g_file_is_native (folder) &&
      g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    return FALSE;

  gtk_file_dialog_set_initial_folder (dialog, folder);
  return TRUE;
}

void
_ladder_file_dialog_start_in_export_folder (GtkFileDialog *dialog)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (GTK_IS_FILE_DIALOG (dialog));

  if (_ladder_file_dialog_start_in_last_folder (dialog, "last-export-folder"))
    return;

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    folder = g_file_new_for_path (documents);
  else
    folder = g_file_new_for_path (g_get_home_dir ());
  gtk_file_dialog_set_initial_folder (dialog, folder);
}

void
_ladder_file_dialog_remember_folder (GFile      *file,
                                     const char *key)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (key != NULL);

  folder = g_file_get_parent (file);
  if (folder == NULL)
    return;

  settings = g_settings_new (APP_ID);
  uri = g_file_get_uri (folder);
  g_settings_set_string (settings, key, uri);
}

/* An enum setting as the index of its nick in @user_data's nicks. */
gboolean
_ladder_nick_to_index (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nick, nicks[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

GVariant *
_ladder_index_to_nick (const GValue       *value,
                       const GVariantType *expected_type,
                       gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((char **) nicks))
    return NULL;

  return g_variant_new_string (nicks[index]);
}
