/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-evidence-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ladder-evidence-editor-private.h"
#include "ladder-text-private.h"
#include "ladder-ui-private.h"

G_DEFINE_FINAL_TYPE (LadderEvidenceEditor, ladder_evidence_editor, ADW_TYPE_DIALOG)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
update_date_row (LadderEvidenceEditor *self)
{
  g_autofree char *text = _ladder_date_format (&self->date, LADDER_DATE_SHORT, "");

  adw_action_row_set_subtitle (self->date_row, text);
}

/* Evidence records what has happened: a day after today is a slip of the
 * calendar, and saving it would sort the entry above everything since
 * and print a summary's period backwards. The editor says so under the
 * date and does not save until the date is today or earlier, rather
 * than change the date behind the user's back. */
static gboolean
date_is_future (LadderEvidenceEditor *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));

  return g_date_valid (&self->date) && g_date_compare (&self->date, &today) > 0;
}

static void
update_save_action (LadderEvidenceEditor *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  gboolean future = date_is_future (self);

  gtk_widget_set_visible (GTK_WIDGET (self->date_warning), future);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", *title != '\0' && !future);
}

static GStrv get_behaviours (LadderEvidenceEditor *self);

/* Which behaviours are linked, by name: the first two, then how many
 * more, so that the summary says what a save would link without the
 * list scrolled to each tick. */
static void
update_behaviours_summary (LadderEvidenceEditor *self)
{
  LadderFramework *framework = ladder_profile_get_framework (self->profile);
  g_auto(GStrv) ids = get_behaviours (self);
  guint n = g_strv_length (ids);
  const char *names[2] = { NULL, NULL };
  g_autofree char *text = NULL;

  for (guint i = 0; i < n && i < G_N_ELEMENTS (names); i++)
    {
      LadderBehaviour *behaviour = ladder_framework_find_behaviour (framework, ids[i]);

      /* An id the framework no longer has is named as it is. */
      names[i] = behaviour != NULL ? ladder_behaviour_get_text (behaviour) : ids[i];
    }

  if (n == 0)
    text = g_strdup (_("None selected"));
  else if (n == 1)
    /* Translators: the one behaviour an entry is linked to, as in
     * "Selected: Writes tests" */
    text = g_strdup_printf (_("Selected: %s"), names[0]);
  else if (n == 2)
    /* Translators: two behaviours, "Selected: Writes tests; Helps others" */
    text = g_strdup_printf (_("Selected: %s; %s"), names[0], names[1]);
  else
    /* Translators: two behaviours and how many more are selected,
     * "Selected: Writes tests; Helps others and 3 more" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Selected: %s; %s and %u more",
                                         "Selected: %s; %s and %u more", n - 2),
                            names[0], names[1], n - 2);

  gtk_label_set_label (self->behaviours_summary, text);
}

static void
calendar_day_selected_cb (LadderEvidenceEditor *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->calendar);
  gboolean was_future = date_is_future (self);

  /* An arrow key only moves the day; Enter, Space or a click chooses it. */
  if (_ladder_calendar_is_moving (self->calendar))
    return;

  g_date_set_dmy (&self->date, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));
  update_date_row (self);
  update_save_action (self);
  gtk_popover_popdown (self->date_popover);
  if (date_is_future (self) && !was_future)
    gtk_accessible_announce (GTK_ACCESSIBLE (self->date_row),
                             gtk_label_get_label (self->date_warning),
                             GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
}

static void
date_row_activated_cb (LadderEvidenceEditor *self)
{
  gtk_popover_popup (self->date_popover);
}

/* The popover opens with the keyboard on the calendar, not on the
 * buttons of its heading. */
static void
date_popover_shown_cb (LadderEvidenceEditor *self)
{
  _ladder_calendar_show_date (self->calendar, &self->date);
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

static void remove_link_cb (GtkButton *button, LadderEvidenceEditor *self);
static gboolean link_row_key_pressed_cb (GtkEventControllerKey *keys, guint keyval, guint keycode,
                                         GdkModifierType state, LadderEvidenceEditor *self);

/* Why a link has no Open button, under the link and read out with it. */
static const char *
describe_unsafe_link (const char *link)
{
  const char *scheme = g_uri_peek_scheme (link);

  if (scheme == NULL)
    return _("Not a full address: Ladder opens only links that start with https://, http:// or mailto:");

  if (g_str_equal (scheme, "http") || g_str_equal (scheme, "https") || g_str_equal (scheme, "mailto"))
    return _("Not a whole web or email address, or one with characters that hide what it is: Ladder does not open it");

  return _("Only web and email links open from Ladder");
}

/* Only what ladder_uri_is_safe() accepts gets an Open button: any other
 * link is shown as text, with the reason, and kept (it is the user's). */
static void
rebuild_links (LadderEvidenceEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* A focused row goes with its focus let go first: otherwise the
   * window holds on to the removed button as its focus, and setting the
   * focus on a new row afterwards finalizes the old one, which takes
   * that new focus away again (GTK 4.24). */
  for (guint i = 0; focus != NULL && i < self->link_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->link_rows, i);

      if (focus == row || gtk_widget_is_ancestor (focus, row))
        {
          gtk_root_set_focus (root, NULL);
          break;
        }
    }

  for (guint i = 0; i < self->link_rows->len; i++)
    adw_preferences_group_remove (self->links_group, g_ptr_array_index (self->link_rows, i));
  g_ptr_array_set_size (self->link_rows, 0);

  for (guint i = 0; i < self->links->len; i++)
    {
      const char *link = g_ptr_array_index (self->links, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      GtkEventController *keys;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), link);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);

      if (ladder_uri_is_safe (link))
        {
          GtkWidget *open = gtk_button_new_from_icon_name ("adw-external-link-symbolic");

          gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (open, "flat");
          gtk_widget_set_tooltip_text (open, _("Open Link"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Open Link"), -1);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "editor.open-link");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "s", link);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
        }
      else
        {
          GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                          "icon-name", "dialog-warning-symbolic",
                                          "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                          NULL);

          gtk_widget_add_css_class (icon, "warning");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), describe_unsafe_link (link));
        }

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove Link"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove Link"), -1);
      g_object_set_data (G_OBJECT (remove), "ladder-index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_link_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      g_object_set_data (G_OBJECT (row), "ladder-remove", remove);

      /* Delete on the row, or on one of its buttons, removes the link. */
      keys = gtk_event_controller_key_new ();
      g_object_set_data (G_OBJECT (keys), "ladder-remove", remove);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (link_row_key_pressed_cb), self);
      gtk_widget_add_controller (row, keys);

      adw_preferences_group_add (self->links_group, row);
      g_ptr_array_add (self->link_rows, row);
    }
}

/* The focus on the link at @index (the last one, when fewer), on its row
 * or its remove button as @on_row says, or on the Add Link field when
 * none is left: never lost with the button that had it. Called right
 * after rebuild_links(), while the rows it made are there: a focus left
 * unset for a moment is one AdwDialog fills with its first field when it
 * settles after being presented. */
static void
focus_link (LadderEvidenceEditor *self,
            guint                 index,
            gboolean              on_row)
{
  GtkWidget *row;

  if (self->link_rows->len == 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->link_entry));
      return;
    }

  row = g_ptr_array_index (self->link_rows, MIN (index, self->link_rows->len - 1));
  gtk_widget_grab_focus (on_row ? row : g_object_get_data (G_OBJECT (row), "ladder-remove"));
}

/* Whether the focus is on a link's row itself rather than a button of it. */
static gboolean
focus_is_on_link_row (LadderEvidenceEditor *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  return focus != NULL && g_ptr_array_find (self->link_rows, focus, NULL);
}

static void
ladder_evidence_editor_open_link_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  const char *link = g_variant_get_string (parameter, NULL);
  g_autoptr(GtkUriLauncher) launcher = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  /* The action can be activated with any string, not only from a button
   * rebuild_links() made. */
  if (!ladder_uri_is_safe (link))
    return;

  launcher = gtk_uri_launcher_new (link);
  gtk_uri_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, NULL,
                           NULL);
}

static void
undo_remove_link_cb (AdwToast             *toast,
                     LadderEvidenceEditor *self)
{
  const char *link = g_object_get_data (G_OBJECT (toast), "ladder-link");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "ladder-index"));

  gboolean on_row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "ladder-on-row"));

  index = MIN (index, self->links->len);
  g_ptr_array_insert (self->links, (int) index, g_strdup (link));
  rebuild_links (self);
  focus_link (self, index, on_row);
}

/* A link goes at one click (or a Space on a button the Tab key reached
 * in passing): an undo brings it back where it was. */
static void
remove_link_cb (GtkButton            *button,
                LadderEvidenceEditor *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "ladder-index"));
  g_autofree char *link = NULL;
  gboolean on_row;
  AdwToast *toast;

  if (index >= self->links->len)
    return;

  on_row = focus_is_on_link_row (self);
  link = g_ptr_array_steal_index (self->links, index);
  rebuild_links (self);
  focus_link (self, index, on_row);

  toast = adw_toast_new (_("Link removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "ladder-link", g_steal_pointer (&link), g_free);
  g_object_set_data (G_OBJECT (toast), "ladder-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (toast), "ladder-on-row", GUINT_TO_POINTER (on_row));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_link_cb), self, 0);
  _ladder_offer_lasting_undo (GTK_WIDGET (self), toast);
  _ladder_toast_wrap_title (toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
link_row_key_pressed_cb (GtkEventControllerKey *keys,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         LadderEvidenceEditor  *self)
{
  if ((keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  remove_link_cb (g_object_get_data (G_OBJECT (keys), "ladder-remove"), self);
  return GDK_EVENT_STOP;
}

/* Enter in the title saves, once the entry can be. */
static void
title_activated_cb (LadderEvidenceEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

/* The ✓ shows once the text is a link Ladder opens; Enter adds any other
 * text too, marked as one that does not open. */
static void
update_add_link (LadderEvidenceEditor *self)
{
  g_autofree char *link = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->link_entry))));

  gtk_widget_set_visible (self->add_link_button, ladder_uri_is_safe (link));
}

static void
link_apply_cb (LadderEvidenceEditor *self)
{
  g_autofree char *link = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->link_entry))));

  /* The ✓ goes with the text: the focus stays in the field. */
  if (gtk_widget_has_focus (self->add_link_button))
    gtk_widget_grab_focus (GTK_WIDGET (self->link_entry));

  if (*link != '\0')
    {
      /* Kept whatever it is; the new row says at once when it will not
       * open, and so does a screen reader, whose focus stays here. */
      if (!ladder_uri_is_safe (link))
        gtk_accessible_announce (GTK_ACCESSIBLE (self->link_entry), describe_unsafe_link (link),
                                 GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
      g_ptr_array_add (self->links, g_steal_pointer (&link));
    }
  gtk_editable_set_text (GTK_EDITABLE (self->link_entry), "");
  rebuild_links (self);
}

/* The behaviour picker (LadderBehaviourPicker) holds what is ticked. */
static void
undo_untick_cb (AdwToast             *toast,
                LadderEvidenceEditor *self)
{
  const char *id = g_object_get_data (G_OBJECT (toast), "ladder-behaviour");

  ladder_behaviour_picker_set_ticked (self->behaviour_picker, id, TRUE);
  update_behaviours_summary (self);
}

static void
behaviour_toggled_cb (LadderEvidenceEditor *self,
                      const char           *id,
                      gboolean              ticked)
{
  AdwToast *toast;

  update_behaviours_summary (self);
  if (ticked)
    return;

  /* A Space on a box the Tab key passed unticks it: as for a link, an
   * undo brings it back. */
  /* Not named: a behaviour's text is longer than a toast's one line, and
   * the box is in view just above. */
  toast = adw_toast_new (_("Behaviour unticked"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "ladder-behaviour", g_strdup (id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_untick_cb), self, 0);
  _ladder_offer_undo (GTK_WIDGET (self), toast);
  _ladder_toast_wrap_title (toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static char *
get_body (LadderEvidenceEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  if (self->long_body != NULL)
    return g_strdup (self->long_body);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GStrv
get_tags (LadderEvidenceEditor *self)
{
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->tags_row)), ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);

      if (*tag == '#')
        tag++;
      if (*tag != '\0')
        g_strv_builder_add (builder, tag);
    }

  return g_strv_builder_end (builder);
}

static GStrv
get_behaviours (LadderEvidenceEditor *self)
{
  return ladder_behaviour_picker_dup_ticked (self->behaviour_picker);
}

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  static const char * const empty[] = { NULL };

  return g_strv_equal (a != NULL ? a : empty, b != NULL ? b : empty);
}

static void
ladder_evidence_editor_save_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  LadderEvidenceEditor *self = LADDER_EVIDENCE_EDITOR (widget);
  g_autoptr(LadderEvidence) created = NULL;
  LadderEvidence *evidence = self->evidence;
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *body = get_body (self);
  g_auto(GStrv) tags = get_tags (self);
  g_auto(GStrv) behaviours = get_behaviours (self);
  g_autoptr(GStrvBuilder) links_builder = g_strv_builder_new ();
  g_auto(GStrv) links = NULL;

  if (*title == '\0' || date_is_future (self))
    return;

  for (guint i = 0; i < self->links->len; i++)
    g_strv_builder_add (links_builder, g_ptr_array_index (self->links, i));
  links = g_strv_builder_end (links_builder);

  if (evidence == NULL)
    evidence = created = ladder_evidence_new (NULL);

  /* Only what changed, so that an unchanged entry keeps its stamp. */
  if (g_strcmp0 (ladder_evidence_get_title (evidence), title) != 0)
    ladder_evidence_set_title (evidence, title);
  if (g_strcmp0 (ladder_evidence_get_body (evidence), body) != 0 &&
      !(ladder_evidence_get_body (evidence) == NULL && *body == '\0'))
    ladder_evidence_set_body (evidence, body);
  if (ladder_evidence_get_date (evidence) == NULL ||
      g_date_compare (ladder_evidence_get_date (evidence), &self->date) != 0)
    ladder_evidence_set_date (evidence, &self->date);
  if (!strv_equal0 (ladder_evidence_get_links (evidence), (const char * const *) links))
    ladder_evidence_set_links (evidence, (const char * const *) links);
  if (!strv_equal0 (ladder_evidence_get_tags (evidence), (const char * const *) tags))
    ladder_evidence_set_tags (evidence, (const char * const *) tags);
  if (!strv_equal0 (ladder_evidence_get_behaviours (evidence), (const char * const *) behaviours))
    ladder_evidence_set_behaviours (evidence, (const char * const *) behaviours);

  if (created != NULL)
    ladder_profile_add_evidence (self->profile, created);

  g_signal_emit (self, signals [SAVED], 0, evidence);
  adw_dialog_force_close (ADW_DIALOG (self));
}

static char *
get_typed_text (LadderEvidenceEditor *self)
{
  g_autofree char *body = get_body (self);

  return g_strjoin ("\x1f", gtk_editable_get_text (GTK_EDITABLE (self->title_row)), body,
                    gtk_editable_get_text (GTK_EDITABLE (self->tags_row)),
                    gtk_editable_get_text (GTK_EDITABLE (self->link_entry)), NULL);
}

/* Escape, Cancel and the close button ask before they throw typed text
 * away; the dialog closes at once when there is none. */
static void
update_can_close (LadderEvidenceEditor *self)
{
  g_autofree char *text = NULL;

  if (self->original_text == NULL)
    return;

  text = get_typed_text (self);
  adw_dialog_set_can_close (ADW_DIALOG (self), g_str_equal (text, self->original_text));
}

static void
discard_response_cb (AdwAlertDialog       *alert,
                     GAsyncResult         *result,
                     LadderEvidenceEditor *self)
{
  const char *response = adw_alert_dialog_choose_finish (alert, result);

  if (g_str_equal (response, "discard"))
    adw_dialog_force_close (ADW_DIALOG (self));
  g_object_unref (self);
}

/* The editor takes the focus back as the alert goes, by grabbing the
 * field that had it, and a text field grabbed selects all its text:
 * the next key would replace the title. Its selection (most often none,
 * the cursor where the user left it) is put back. */
static void
alert_closed_cb (AdwDialog            *alert,
                 LadderEvidenceEditor *self)
{
  GtkWidget *focus = self->focus_before_alert;

  g_clear_weak_pointer (&self->focus_before_alert);
  if (focus == NULL || !gtk_widget_get_mapped (focus))
    return;

  if (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))) != focus)
    gtk_widget_grab_focus (focus);
  if (GTK_IS_EDITABLE (focus))
    gtk_editable_select_region (GTK_EDITABLE (focus), self->selection_before_alert[0],
                                self->selection_before_alert[1]);
}

static void
close_attempt_cb (LadderEvidenceEditor *self)
{
  AdwDialog *alert;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  g_clear_weak_pointer (&self->focus_before_alert);
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    {
      g_set_weak_pointer (&self->focus_before_alert, focus);
      if (GTK_IS_EDITABLE (focus))
        gtk_editable_get_selection_bounds (GTK_EDITABLE (focus), &self->selection_before_alert[0],
                                           &self->selection_before_alert[1]);
    }

  alert = adw_alert_dialog_new (_("Discard Changes?"),
                                self->evidence == NULL
                                  ? _("The text typed in this entry is not saved.")
                                  : _("The changes to this entry are not saved."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (alert),
                                  "keep", _("_Keep Editing"),
                                  "discard", _("_Discard"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (alert), "discard",
                                            ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (alert), "keep");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (alert), "keep");
  g_signal_connect_object (alert, "closed", G_CALLBACK (alert_closed_cb), self, 0);
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (alert), GTK_WIDGET (self), NULL,
                           (GAsyncReadyCallback) discard_response_cb, g_object_ref (self));
}

static void
ladder_evidence_editor_delete_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  LadderEvidenceEditor *self = LADDER_EVIDENCE_EDITOR (widget);

  if (self->evidence == NULL)
    return;

  gtk_widget_activate_action (widget, "win.delete-evidence", "s",
                              ladder_evidence_get_id (self->evidence));
  adw_dialog_force_close (ADW_DIALOG (self));
}

static void
ladder_evidence_editor_dispose (GObject *object)
{
  LadderEvidenceEditor *self = LADDER_EVIDENCE_EDITOR (object);

  g_clear_weak_pointer (&self->focus_before_alert);

  if (self->date_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->date_popover));
  if (self->long_body_list != NULL)
    _ladder_evidence_editor_stop_adding_pieces (self);
  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_EVIDENCE_EDITOR);
  g_ptr_array_set_size (self->link_rows, 0);
  g_clear_object (&self->evidence);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (ladder_evidence_editor_parent_class)->dispose (object);
}

static void
ladder_evidence_editor_finalize (GObject *object)
{
  LadderEvidenceEditor *self = LADDER_EVIDENCE_EDITOR (object);

  g_ptr_array_unref (self->links);
  g_ptr_array_unref (self->link_rows);
  g_free (self->long_body);
  g_free (self->original_text);

  G_OBJECT_CLASS (ladder_evidence_editor_parent_class)->finalize (object);
}

static void
ladder_evidence_editor_class_init (LadderEvidenceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_evidence_editor_dispose;
  object_class->finalize = ladder_evidence_editor_finalize;

  g_type_ensure (LADDER_TYPE_BEHAVIOUR_PICKER);

  /**
   * LadderEvidenceEditor::saved:
   * @evidence: the entry saved, new or edited
   *
   * Emitted when the entry was saved, before the editor closes.
   */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LADDER_TYPE_EVIDENCE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-evidence-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceEditor, date_warning);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceEditor, date_popover);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceEditor, long_body_box);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceEditor, long_body_label);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceEditor, long_body_list);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceEditor, links_group);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceEditor, link_entry);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceEditor, add_link_button);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceEditor, behaviours_group);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceEditor, behaviours_summary);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceEditor, behaviour_picker);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, update_save_action);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_can_close);
  gtk_widget_class_bind_template_callback (widget_class, close_attempt_cb);
  gtk_widget_class_bind_template_callback (widget_class, link_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_add_link);
  gtk_widget_class_bind_template_callback (widget_class, title_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, behaviour_toggled_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "adw_dialog_close",
                                                G_CALLBACK (adw_dialog_close));

  gtk_widget_class_install_action (widget_class, "editor.edit-long-body", NULL,
                                   _ladder_evidence_editor_edit_long_body_action);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL,
                                   ladder_evidence_editor_save_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL,
                                   ladder_evidence_editor_delete_action);
  gtk_widget_class_install_action (widget_class, "editor.open-link", "s",
                                   ladder_evidence_editor_open_link_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
}

static void
ladder_evidence_editor_init (LadderEvidenceEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _ladder_undo_add_keys (GTK_WIDGET (self));
  _ladder_text_buffer_keep_runs_short (gtk_text_view_get_buffer (self->body_view));
  gtk_widget_set_parent (GTK_WIDGET (self->date_popover), GTK_WIDGET (self->date_row));
  _ladder_calendar_add_keys (self->calendar);
  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed",
                           G_CALLBACK (update_can_close), self, G_CONNECT_SWAPPED);

  self->links = g_ptr_array_new_with_free_func (g_free);
  self->link_rows = g_ptr_array_new ();
}

AdwDialog *
ladder_evidence_editor_new (LadderProfile  *profile,
                            LadderEvidence *evidence,
                            const char     *behaviour_id)
{
  LadderEvidenceEditor *self;
  LadderFramework *framework;
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (evidence == NULL || LADDER_IS_EVIDENCE (evidence), NULL);

  self = g_object_new (LADDER_TYPE_EVIDENCE_EDITOR, NULL);
  self->profile = g_object_ref (profile);
  self->evidence = evidence != NULL ? g_object_ref (evidence) : NULL;
  framework = ladder_profile_get_framework (profile);

  g_date_clear (&self->date, 1);
  if (evidence != NULL)
    {
      const char * const *links = ladder_evidence_get_links (evidence);
      const char * const *tags = ladder_evidence_get_tags (evidence);
      const char * const *behaviours = ladder_evidence_get_behaviours (evidence);
      g_autofree char *tags_text = _ladder_join_strv (tags, ", ");

      adw_dialog_set_title (ADW_DIALOG (self), _("Edit Evidence"));
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), ladder_evidence_get_title (evidence));
      if (ladder_evidence_get_body (evidence) != NULL &&
          strlen (ladder_evidence_get_body (evidence)) > LONG_BODY_BYTES)
        _ladder_evidence_editor_show_long_body (self, ladder_evidence_get_body (evidence));
      else if (ladder_evidence_get_body (evidence) != NULL)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view),
                                  ladder_evidence_get_body (evidence), -1);
      gtk_editable_set_text (GTK_EDITABLE (self->tags_row), tags_text);
      for (guint i = 0; links != NULL && links[i] != NULL; i++)
        g_ptr_array_add (self->links, g_strdup (links[i]));
      for (guint i = 0; behaviours != NULL && behaviours[i] != NULL; i++)
        ladder_behaviour_picker_set_ticked (self->behaviour_picker, behaviours[i], TRUE);
      if (ladder_evidence_get_date (evidence) != NULL && g_date_valid (ladder_evidence_get_date (evidence)))
        self->date = *ladder_evidence_get_date (evidence);
    }
  else
    {
      if (behaviour_id != NULL)
        ladder_behaviour_picker_set_ticked (self->behaviour_picker, behaviour_id, TRUE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), evidence != NULL);

  if (!g_date_valid (&self->date))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&self->date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }
  dt = g_date_time_new_local (g_date_get_year (&self->date), g_date_get_month (&self->date),
                              g_date_get_day (&self->date), 0, 0, 0);
  if (dt != NULL)
    gtk_calendar_set_date (self->calendar, dt);
  update_date_row (self);
  rebuild_links (self);
  update_behaviours_summary (self);
  update_save_action (self);
  self->original_text = get_typed_text (self);
  update_can_close (self);

  /* Each category from the current level up, as its page lists them:
   * what a person links evidence to is mostly there. */
  ladder_behaviour_picker_set_framework (self->behaviour_picker, framework,
                                         ladder_profile_get_current_level (profile));

  return ADW_DIALOG (self);
}

/* Preparing the first editor {{{1 */

/* The first editor of a process took a third more of the main thread
 * than the next ones (perf, 20,000 entries): the classes of its widgets
 * made (GtkCalendar, GtkTextView, AdwEntryRow, its template parsed and
 * its types looked up by name), its icons read, the glyphs of its fonts
 * loaded. After the window's first frame, at a priority below drawing and
 * input, each of those is done in a step of its own of a few
 * milliseconds, so that none is a stall. What stays is the first
 * drawing of a dialog over the window. */

static GType (* const prepared_types[]) (void) = {
  adw_dialog_get_type,
  adw_toolbar_view_get_type,
  adw_header_bar_get_type,
  adw_toast_overlay_get_type,
  adw_clamp_get_type,
  adw_preferences_group_get_type,
  adw_entry_row_get_type,
  adw_action_row_get_type,
  gtk_calendar_get_type,
  gtk_popover_get_type,
  gtk_text_view_get_type,
  gtk_search_entry_get_type,
  gtk_list_view_get_type,
  gtk_check_button_get_type,
  gtk_signal_list_item_factory_get_type,
  gtk_filter_list_model_get_type,
  gtk_sort_list_model_get_type,
  gtk_string_filter_get_type,
  gtk_custom_sorter_get_type,
  gtk_no_selection_get_type,
  gtk_shortcut_controller_get_type,
  ladder_behaviour_picker_get_type,
  ladder_evidence_editor_get_type,
};

/* What the editor and its widgets' styles show, at the size they show it. */
static const char * const prepared_icons[] = {
  "x-office-calendar-symbolic",
  "pan-start-symbolic",
  "pan-end-symbolic",
  "edit-find-symbolic",
  "edit-clear-symbolic",
  "object-select-symbolic",
  "user-trash-symbolic",
  "adw-external-link-symbolic",
  "dialog-warning-symbolic",
  "go-next-symbolic",
};

typedef enum {
  PREPARE_TYPES,
  PREPARE_INSTANCE,
  PREPARE_ICONS,
  PREPARE_FONTS,
  PREPARE_DONE
} PrepareStage;

typedef struct
{
  GWeakRef     window;
  PrepareStage stage;
  guint        next;   /* within the stage */
} Preparing;

static void
preparing_free (gpointer data)
{
  Preparing *preparing = data;

  g_weak_ref_clear (&preparing->window);
  g_free (preparing);
}

static void
prepare_icon (GtkWidget  *window,
              const char *name)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (window));
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  icon = gtk_icon_theme_lookup_icon (theme, name, NULL, 16, gtk_widget_get_scale_factor (window),
                                     gtk_widget_get_direction (window), 0);
  /* Drawn once, so that its file is read and kept in the theme's cache. */
  gdk_paintable_snapshot (GDK_PAINTABLE (icon), snapshot, 16, 16);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* The weights and sizes the editor's styles use that the window may not
 * have opened yet: the heading, the captions, the calendar's digits. */
static void
prepare_fonts (GtkWidget *window)
{
  static const char * const markup[] = {
    "<b>Add Evidence 0123456789</b>",
    "<small>Selected: 0123456789</small>",
    "<span weight=\"800\">0123456789</span>",
    "<span font_features=\"tnum=1\">0123456789 Mo Tu We</span>",
  };
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (window, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (markup); i++)
    {
      int width;

      pango_layout_set_markup (layout, markup[i], -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
    }
}

static gboolean
prepare_step_cb (gpointer data)
{
  Preparing *preparing = data;
  g_autoptr(GtkWidget) window = g_weak_ref_get (&preparing->window);

  if (window == NULL)
    return G_SOURCE_REMOVE;

  switch (preparing->stage)
    {
    case PREPARE_TYPES:
      /* A class a step: the template's is the largest. */
      g_type_class_get (prepared_types[preparing->next++] ());
      if (preparing->next == G_N_ELEMENTS (prepared_types))
        {
          preparing->stage = PREPARE_INSTANCE;
          preparing->next = 0;
        }
      break;

    case PREPARE_INSTANCE:
      {
        /* Built from the template and dropped, never shown: what the
         * widgets make once per process (the calendar's names of days
         * and months, the text view's first buffer) is made. */
        GtkWidget *editor = g_object_ref_sink (g_object_new (LADDER_TYPE_EVIDENCE_EDITOR, NULL));

        g_object_unref (editor);
        preparing->stage = PREPARE_ICONS;
      }
      break;

    case PREPARE_ICONS:
      prepare_icon (window, prepared_icons[preparing->next++]);
      if (preparing->next == G_N_ELEMENTS (prepared_icons))
        {
          preparing->stage = PREPARE_FONTS;
          preparing->next = 0;
        }
      break;

    case PREPARE_FONTS:
      prepare_fonts (window);
      preparing->stage = PREPARE_DONE;
      break;

    case PREPARE_DONE:
    default:
      return G_SOURCE_REMOVE;
    }

  return preparing->stage == PREPARE_DONE ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

void
ladder_evidence_editor_prepare (GtkWidget *window)
{
  static gboolean started;
  Preparing *preparing;
  guint id;

  g_return_if_fail (GTK_IS_WIDGET (window));

  /* Once a process: what it makes ready stays. */
  if (started)
    return;
  started = TRUE;

  preparing = g_new0 (Preparing, 1);
  g_weak_ref_init (&preparing->window, window);
  id = g_idle_add_full (G_PRIORITY_LOW, prepare_step_cb, preparing, preparing_free);
  g_source_set_name_by_id (id, "[ladder] prepare the evidence editor");
}
