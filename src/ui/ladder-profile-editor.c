/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-profile-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-profile-editor.h"
#include "ladder-profile-private.h"
#include "ladder-time-private.h"
#include "ladder-ui-private.h"

struct _LadderProfileEditor
{
  AdwDialog        parent_instance;

  LadderProfile   *profile;
  GDate            change_date;

  AdwEntryRow     *name_row;
  AdwEntryRow     *role_row;
  AdwComboRow     *current_row;
  AdwActionRow    *promotion_row;
  GtkImage        *promotion_icon;
  GtkPopover      *date_popover;  /* parented to promotion_row */
  GtkCalendar     *calendar;
  AdwComboRow     *target_row;
  AdwComboRow     *cadence_row;
  GtkStringList   *cadence_labels;
  GtkLabel        *level_error;
};

G_DEFINE_FINAL_TYPE (LadderProfileEditor, ladder_profile_editor, ADW_TYPE_DIALOG)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
selected_level_id (AdwComboRow *row)
{
  LadderLevel *level = adw_combo_row_get_selected_item (row);

  return level != NULL ? ladder_level_get_id (level) : NULL;
}

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
update_save_action (LadderProfileEditor *self)
{
  g_autofree char *name = stripped_text (self->name_row);
  gboolean target_below = _ladder_target_below_current (self->current_row, self->target_row);

  /* As in the New Profile dialog. */
  gtk_widget_set_visible (GTK_WIDGET (self->level_error), target_below);
  if (target_below)
    gtk_widget_add_css_class (GTK_WIDGET (self->target_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->target_row), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile-editor.save",
                                 *name != '\0' &&
                                 adw_combo_row_get_selected_item (self->current_row) != NULL &&
                                 !target_below);
}

/* Up in the framework's order: a promotion; down: a correction. */
static gboolean
is_promotion (LadderProfileEditor *self,
              const char          *from,
              const char          *to)
{
  LadderFramework *framework = ladder_profile_get_framework (self->profile);

  return ladder_framework_get_level_index (framework, to) >
         ladder_framework_get_level_index (framework, from);
}

static void
update_promotion_row (LadderProfileEditor *self)
{
  LadderFramework *framework = ladder_profile_get_framework (self->profile);
  const char *before = ladder_profile_get_current_level (self->profile);
  const char *after = selected_level_id (self->current_row);
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  const char *sublevel;
  gboolean changed;

  /* The sub-level is computed from the ratings of the level chosen. */
  sublevel = after != NULL ? ladder_profile_get_sublevel (self->profile, after,
                                                          ladder_profile_get_owner (self->profile))
                           : NULL;
  if (sublevel != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf (_("Sub-level %s"), sublevel);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->current_row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->current_row), NULL);

  changed = before != NULL && after != NULL && g_strcmp0 (before, after) != 0;
  gtk_widget_set_visible (GTK_WIDGET (self->promotion_row), changed);
  if (!changed)
    return;

  date = _ladder_date_format (&self->change_date, LADDER_DATE_LONG, "");
  if (is_promotion (self, before, after))
    /* Translators: a level's name and a date, "Record a promotion to Level 4 on 1 Oct 2026" */
    title = g_strdup_printf (_("Record a promotion to %s on %s"),
                             _ladder_level_display_name (framework, after), date);
  else
    /* Translators: a level's name and a date, for a level set lower than before */
    title = g_strdup_printf (_("Record a change of level to %s on %s"),
                             _ladder_level_display_name (framework, after), date);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->promotion_row), title);
  gtk_image_set_from_icon_name (self->promotion_icon,
                                is_promotion (self, before, after) ? "starred-symbolic"
                                                                   : "document-edit-symbolic");
}

static void
current_selected_cb (LadderProfileEditor *self)
{
  _ladder_raise_target (self->current_row, self->target_row);
  update_promotion_row (self);
  update_save_action (self);
}

static void
show_change_date (LadderProfileEditor *self)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&self->change_date),
                                                   g_date_get_month (&self->change_date),
                                                   g_date_get_day (&self->change_date),
                                                   0, 0, 0);

  gtk_calendar_set_date (self->calendar, dt);
  update_promotion_row (self);
}

static void
promotion_row_activated_cb (LadderProfileEditor *self)
{
  gtk_popover_popup (self->date_popover);
}

/* The calendar opens with the keyboard on it, and when it closes the
 * keyboard is back on the date's row, the one focus stop of the date. */
static void
date_popover_shown_cb (LadderProfileEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

static void
date_popover_closed_cb (LadderProfileEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || focus == GTK_WIDGET (self->calendar) ||
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->date_popover)))
    gtk_widget_grab_focus (GTK_WIDGET (self->promotion_row));
}

static void
calendar_day_selected_cb (LadderProfileEditor *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->calendar);
  g_autoptr(GDate) today = _ladder_date_new_today ();
  GDate chosen;

  /* An arrow key only moves the day; Enter, Space or a click chooses it. */
  if (_ladder_calendar_is_moving (self->calendar))
    return;

  g_date_clear (&chosen, 1);
  g_date_set_dmy (&chosen, g_date_time_get_day_of_month (dt), g_date_time_get_month (dt),
                  g_date_time_get_year (dt));

  /* A change of level is recorded once it happened, never ahead. */
  if (g_date_compare (&chosen, today) > 0)
    {
      self->change_date = *today;
      show_change_date (self);
      return;
    }

  self->change_date = chosen;
  update_promotion_row (self);
  gtk_popover_popdown (self->date_popover);
}

static void
ladder_profile_editor_save_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LadderProfileEditor *self = LADDER_PROFILE_EDITOR (widget);
  g_autoptr(LadderPromotion) promotion = NULL;
  g_autofree char *name = stripped_text (self->name_row);
  g_autofree char *role = stripped_text (self->role_row);
  g_autofree char *before = g_strdup (ladder_profile_get_current_level (self->profile));
  const char *current = selected_level_id (self->current_row);

  if (*name == '\0' || current == NULL || ladder_profile_get_read_only (self->profile) ||
      _ladder_target_below_current (self->current_row, self->target_row))
    return;

  if (before != NULL && g_strcmp0 (before, current) != 0)
    promotion = ladder_promotion_new (NULL, &self->change_date, before, current);

  /* One "changed", so one save and one undo. */
  _ladder_profile_begin_change (self->profile);
  ladder_profile_set_name (self->profile, name);
  ladder_profile_set_role (self->profile, *role != '\0' ? role : NULL);
  ladder_profile_set_current_level (self->profile, current);
  ladder_profile_set_target_level (self->profile, selected_level_id (self->target_row));
  ladder_profile_set_cadence (self->profile, adw_combo_row_get_selected (self->cadence_row));
  if (promotion != NULL)
    ladder_profile_add_promotion (self->profile, promotion);
  _ladder_profile_end_change (self->profile);

  g_signal_emit (self, signals[SAVED], 0, promotion);
  adw_dialog_close (ADW_DIALOG (self));
}

/* Enter in a text field saves when the details are valid. */
static void
entry_activated_cb (LadderProfileEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "profile-editor.save", NULL);
}

static guint
level_position (LadderFramework *framework,
                const char      *level)
{
  int index = level != NULL ? ladder_framework_get_level_index (framework, level) : -1;

  return index >= 0 ? (guint) index : GTK_INVALID_LIST_POSITION;
}

static void
ladder_profile_editor_dispose (GObject *object)
{
  LadderProfileEditor *self = LADDER_PROFILE_EDITOR (object);

  if (self->date_popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->date_popover));
  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_PROFILE_EDITOR);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (ladder_profile_editor_parent_class)->dispose (object);
}

static void
ladder_profile_editor_class_init (LadderProfileEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_profile_editor_dispose;

  /**
   * LadderProfileEditor::saved:
   * @promotion: (nullable): the change of level recorded, if any
   *
   * Emitted once the profile holds the edit.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, LADDER_TYPE_PROMOTION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-profile-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderProfileEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, LadderProfileEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, LadderProfileEditor, current_row);
  gtk_widget_class_bind_template_child (widget_class, LadderProfileEditor, promotion_row);
  gtk_widget_class_bind_template_child (widget_class, LadderProfileEditor, promotion_icon);
  gtk_widget_class_bind_template_child (widget_class, LadderProfileEditor, date_popover);
  gtk_widget_class_bind_template_child (widget_class, LadderProfileEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, LadderProfileEditor, target_row);
  gtk_widget_class_bind_template_child (widget_class, LadderProfileEditor, cadence_row);
  gtk_widget_class_bind_template_child (widget_class, LadderProfileEditor, cadence_labels);
  gtk_widget_class_bind_template_child (widget_class, LadderProfileEditor, level_error);
  gtk_widget_class_bind_template_callback (widget_class, update_save_action);
  gtk_widget_class_bind_template_callback (widget_class, promotion_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_popover_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, current_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "profile-editor.save", NULL,
                                   ladder_profile_editor_save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "profile-editor.save", NULL);
  /* As the evidence editor and the check-in page: Ctrl+Enter from any
   * field, where Enter alone opens a level's list. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "profile-editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "profile-editor.save", NULL);
}

static void
ladder_profile_editor_init (LadderProfileEditor *self)
{
  g_autoptr(GDate) today = _ladder_date_new_today ();
  GtkExpression *expression;

  self->change_date = *today;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->date_popover), GTK_WIDGET (self->promotion_row));
  _ladder_calendar_add_keys (self->calendar);

  expression = gtk_property_expression_new (LADDER_TYPE_LEVEL, NULL, "name");
  adw_combo_row_set_expression (self->current_row, expression);
  adw_combo_row_set_expression (self->target_row, expression);
  gtk_expression_unref (expression);
  _ladder_combo_row_focus_checked (self->current_row);
  _ladder_combo_row_focus_checked (self->target_row);

  /* In the order of LadderCadence: the position is the value. */
  for (LadderCadence cadence = LADDER_CADENCE_NONE; cadence <= LADDER_CADENCE_MONTHLY; cadence++)
    gtk_string_list_append (self->cadence_labels, ladder_cadence_get_label (cadence));
  _ladder_combo_row_focus_checked (self->cadence_row);
}

AdwDialog *
ladder_profile_editor_new (LadderProfile *profile)
{
  LadderProfileEditor *self;
  LadderFramework *framework;
  GListModel *levels;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  self = g_object_new (LADDER_TYPE_PROFILE_EDITOR, NULL);
  self->profile = g_object_ref (profile);
  framework = ladder_profile_get_framework (profile);
  levels = ladder_framework_get_levels (framework);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         ladder_profile_get_name (profile) != NULL ? ladder_profile_get_name (profile) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->role_row),
                         ladder_profile_get_role (profile) != NULL ? ladder_profile_get_role (profile) : "");
  /* The target last: choosing the current level moves a target that is
   * not above it, and the profile's own target stands as it is. */
  adw_combo_row_set_model (self->target_row, levels);
  adw_combo_row_set_model (self->current_row, levels);
  adw_combo_row_set_selected (self->current_row,
                              level_position (framework, ladder_profile_get_current_level (profile)));
  adw_combo_row_set_selected (self->target_row,
                              level_position (framework, ladder_profile_get_target_level (profile)));
  adw_combo_row_set_selected (self->cadence_row, ladder_profile_get_cadence (profile));
  show_change_date (self);
  update_save_action (self);

  return ADW_DIALOG (self);
}

void
ladder_profile_editor_set_change_date (LadderProfileEditor *self,
                                       const GDate         *date)
{
  g_return_if_fail (LADDER_IS_PROFILE_EDITOR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  self->change_date = *date;
  show_change_date (self);
}

/* Editing over the window, with an undo {{{1 */

/* What a save changed, for its toast's Undo. */
typedef struct
{
  LadderProfile   *profile;
  LadderPromotion *promotion;
  char            *name;
  char            *role;
  char            *current_level;
  char            *target_level;
  LadderCadence    cadence;
} EditUndo;

static void
edit_undo_free (EditUndo *undo)
{
  g_clear_object (&undo->profile);
  g_clear_object (&undo->promotion);
  g_free (undo->name);
  g_free (undo->role);
  g_free (undo->current_level);
  g_free (undo->target_level);
  g_free (undo);
}

#define UNDO_KEY "ladder-profile-editor-undo"

static GHashTable *
pending_undos (GtkWidget *window)
{
  GHashTable *undos = g_object_get_data (G_OBJECT (window), UNDO_KEY);

  if (undos == NULL)
    {
      undos = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) edit_undo_free);
      g_object_set_data_full (G_OBJECT (window), UNDO_KEY, undos,
                              (GDestroyNotify) g_hash_table_unref);
    }

  return undos;
}

/**
 * ladder_profile_editor_undo:
 * @window: the window the editor was opened over
 * @id: the id its toast's Undo carries
 *
 * Puts back the details the save of @id changed, unless done already.
 */
void
ladder_profile_editor_undo (GtkWidget  *window,
                            const char *id)
{
  GHashTable *undos;
  EditUndo *undo;

  g_return_if_fail (GTK_IS_WIDGET (window));
  g_return_if_fail (id != NULL);

  undos = pending_undos (window);
  undo = g_hash_table_lookup (undos, id);

  if (undo == NULL || ladder_profile_get_read_only (undo->profile))
    return;

  /* The details as they were, stamped now so that a merge with a copy
   * saved before the undo keeps it; the record goes, with a tombstone. */
  _ladder_profile_begin_change (undo->profile);
  ladder_profile_set_name (undo->profile, undo->name);
  ladder_profile_set_role (undo->profile, undo->role);
  ladder_profile_set_current_level (undo->profile, undo->current_level);
  ladder_profile_set_target_level (undo->profile, undo->target_level);
  ladder_profile_set_cadence (undo->profile, undo->cadence);
  if (undo->promotion != NULL &&
      ladder_profile_find_promotion (undo->profile,
                                     ladder_promotion_get_id (undo->promotion)) == undo->promotion)
    ladder_profile_remove_promotion (undo->profile, undo->promotion);
  _ladder_profile_end_change (undo->profile);

  g_hash_table_remove (undos, id);
}

static void
undo_toast_dismissed_cb (AdwToast  *toast,
                         GtkWidget *window)
{
  GVariant *target = adw_toast_get_action_target_value (toast);

  if (target != NULL)
    g_hash_table_remove (pending_undos (window), g_variant_get_string (target, NULL));
}

static void
editor_saved_cb (LadderProfileEditor *editor,
                 LadderPromotion     *promotion,
                 EditUndo            *undo)
{
  GtkWidget *window = g_object_get_data (G_OBJECT (editor), "window");
  LadderFramework *framework = ladder_profile_get_framework (undo->profile);
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (promotion != NULL && ladder_promotion_is_promotion (promotion, framework))
    title = g_strdup_printf (_("Promoted to %s"),
                             _ladder_level_display_name (framework, ladder_promotion_get_to (promotion)));
  else if (promotion != NULL)
    title = g_strdup_printf (_("Level changed to %s"),
                             _ladder_level_display_name (framework, ladder_promotion_get_to (promotion)));
  else
    title = g_strdup (_("Profile saved"));

  undo->promotion = promotion != NULL ? g_object_ref (promotion) : NULL;
  g_object_steal_data (G_OBJECT (editor), "undo");
  g_hash_table_insert (pending_undos (window), g_strdup (id), undo);

  toast = adw_toast_new (title);
  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-edit-profile");
  adw_toast_set_action_target (toast, "s", id);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), window, 0);
  _ladder_offer_undo (GTK_WIDGET (window), toast);
  _ladder_add_toast (GTK_WIDGET (window), toast);
}

/**
 * ladder_profile_editor_edit:
 * @window: the window to open the editor over
 * @profile: the profile to edit
 *
 * Opens the editor; once saved, a toast offers to undo the change
 * through win.undo-edit-profile, which calls ladder_profile_editor_undo().
 *
 * Returns: (transfer none) (nullable): the editor, or %NULL when @profile
 *   cannot be edited (a read-only copy)
 */
AdwDialog *
ladder_profile_editor_edit (GtkWidget     *window,
                            LadderProfile *profile)
{
  AdwDialog *editor;
  EditUndo *undo;

  g_return_val_if_fail (GTK_IS_WIDGET (window), NULL);
  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  if (ladder_profile_get_read_only (profile))
    return NULL;

  undo = g_new0 (EditUndo, 1);
  undo->profile = g_object_ref (profile);
  undo->name = g_strdup (ladder_profile_get_name (profile));
  undo->role = g_strdup (ladder_profile_get_role (profile));
  undo->current_level = g_strdup (ladder_profile_get_current_level (profile));
  undo->target_level = g_strdup (ladder_profile_get_target_level (profile));
  undo->cadence = ladder_profile_get_cadence (profile);

  editor = ladder_profile_editor_new (profile);
  /* The undo goes to the window's list when saved, else with the editor. */
  g_object_set_data_full (G_OBJECT (editor), "undo", undo, (GDestroyNotify) edit_undo_free);
  g_object_set_data (G_OBJECT (editor), "window", window);
  g_signal_connect (editor, "saved", G_CALLBACK (editor_saved_cb), undo);
  adw_dialog_present (editor, window);

  return editor;
}
