/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-profile-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-framework-card.h"
#include "ladder-profile-dialog.h"
#include "ladder-ui-private.h"

struct _LadderProfileDialog
{
  AdwDialog           parent_instance;

  LadderLibrary      *library;
  GtkSingleSelection *frameworks;

  AdwPreferencesGroup *owner_box;
  AdwToggleGroup     *owner_group;
  AdwEntryRow        *name_row;
  AdwEntryRow        *role_row;
  GtkGridView        *framework_grid;
  AdwComboRow        *current_row;
  AdwComboRow        *target_row;
  GtkLabel           *level_error;
  GtkButton          *create_button;

  guint               enter_source;
};

G_DEFINE_FINAL_TYPE (LadderProfileDialog, ladder_profile_dialog, ADW_TYPE_DIALOG)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static LadderFramework *
get_selected_framework (LadderProfileDialog *self)
{
  return gtk_single_selection_get_selected_item (self->frameworks);
}

static void
update_create_action (LadderProfileDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  gboolean target_below = _ladder_target_below_current (self->current_row, self->target_row);

  /* Said where it is, not only by a Create button that does nothing. */
  gtk_widget_set_visible (GTK_WIDGET (self->level_error), target_below);
  if (target_below)
    gtk_widget_add_css_class (GTK_WIDGET (self->target_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->target_row), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.create",
                                 *name != '\0' && get_selected_framework (self) != NULL &&
                                 !target_below);
}

static LadderRater
get_owner (LadderProfileDialog *self)
{
  return g_strcmp0 (adw_toggle_group_get_active_name (self->owner_group), "manager") == 0
         ? LADDER_RATER_MANAGER : LADDER_RATER_SELF;
}

/* The dialog speaks to whoever's profile it makes: the person using the
 * app, or someone they manage, whose copy rates on the manager's side. */
static void
owner_changed_cb (LadderProfileDialog *self)
{
  gboolean manager = get_owner (self) == LADDER_RATER_MANAGER;

  adw_dialog_set_title (ADW_DIALOG (self),
                        manager ? _("Their Profile") : _("Your Profile"));
  adw_preferences_group_set_description (self->owner_box,
                                         manager
                                         ? _("You rate as their manager, with their own ratings beside yours")
                                         : _("You rate yourself, with your manager’s ratings beside yours"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row),
                                 manager ? _("Their Name") : _("Name"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->role_row),
                                 manager ? _("Their Role") : _("Role"));
  gtk_button_set_label (self->create_button, manager ? _("_Add") : _("C_reate"));
}

/* Enter in a field creates the profile, once it can be. */
static void
entry_activated_cb (LadderProfileDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "profile.create", NULL);
}

static void
framework_selected_cb (LadderProfileDialog *self)
{
  LadderFramework *framework = get_selected_framework (self);
  GListModel *levels;
  guint n;

  update_create_action (self);
  if (framework == NULL)
    return;

  /* Cards are radio buttons: once one is chosen, Space or a click on it
   * keeps it chosen, and only choosing another changes the choice. */
  gtk_single_selection_set_can_unselect (self->frameworks, FALSE);

  levels = ladder_framework_get_levels (framework);
  n = g_list_model_get_n_items (levels);
  adw_combo_row_set_model (self->current_row, levels);
  adw_combo_row_set_model (self->target_row, levels);
  adw_combo_row_set_selected (self->current_row, 0);
  adw_combo_row_set_selected (self->target_row, n > 1 ? 1 : 0);
}

/* The cards are a radio group: the keyboard enters it on the chosen card,
 * or the first. The grid puts the focus on the card it last had (the
 * first) once its "enter" is over, so the move to the chosen card comes
 * just after. */
static gboolean
framework_grid_focus_chosen_cb (gpointer data)
{
  LadderProfileDialog *self = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  guint position;

  self->enter_source = 0;
  if (self->frameworks == NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (self->frameworks)) == 0 ||
      focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->framework_grid)))
    return G_SOURCE_REMOVE;

  position = gtk_single_selection_get_selected (self->frameworks);
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  gtk_grid_view_scroll_to (self->framework_grid, position, GTK_LIST_SCROLL_FOCUS, NULL);

  return G_SOURCE_REMOVE;
}

static void
framework_grid_enter_cb (LadderProfileDialog *self)
{
  if (self->enter_source == 0)
    self->enter_source = g_idle_add (framework_grid_focus_chosen_cb, self);
}

/* The grid view's arrow keys move from the card it chose last itself, not
 * from the one focused: with none chosen yet, or one chosen beforehand,
 * the first Right chose the first card instead of moving on. Before the
 * grid takes the key, the focused card (the chosen one, or the first,
 * see above) is made the one to move from. */
static gboolean
framework_grid_key_pressed_cb (GtkEventControllerKey *controller,
                               guint                  keyval,
                               guint                  keycode,
                               GdkModifierType        state,
                               LadderProfileDialog   *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  guint position;

  if (self->frameworks == NULL ||
      g_list_model_get_n_items (G_LIST_MODEL (self->frameworks)) == 0 ||
      focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->framework_grid)) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  position = gtk_single_selection_get_selected (self->frameworks);
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      gtk_grid_view_scroll_to (self->framework_grid,
                               position != GTK_INVALID_LIST_POSITION ? position : 0,
                               GTK_LIST_SCROLL_FOCUS | GTK_LIST_SCROLL_SELECT, NULL);
      break;

    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

/* Enter on a card chooses it and creates the profile, once it can be, as
 * Enter in a field does. */
static void
framework_activated_cb (LadderProfileDialog *self,
                        guint                position)
{
  gtk_single_selection_set_selected (self->frameworks, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "profile.create", NULL);
}

static void
current_selected_cb (LadderProfileDialog *self)
{
  _ladder_raise_target (self->current_row, self->target_row);
  update_create_action (self);
}

static const char *
selected_level_id (AdwComboRow *row)
{
  LadderLevel *level = adw_combo_row_get_selected_item (row);

  return level != NULL ? ladder_level_get_id (level) : NULL;
}

static void
ladder_profile_dialog_create_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  LadderProfileDialog *self = LADDER_PROFILE_DIALOG (widget);
  LadderFramework *framework = get_selected_framework (self);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderFramework) copy = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;

  if (framework == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  role = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->role_row))));
  if (*name == '\0' || _ladder_target_below_current (self->current_row, self->target_row))
    return;

  copy = ladder_format_copy_framework (framework);
  profile = ladder_profile_new (NULL, copy);
  ladder_profile_set_owner (profile, get_owner (self));
  ladder_profile_set_name (profile, name);
  if (*role != '\0')
    ladder_profile_set_role (profile, role);
  ladder_profile_set_current_level (profile, selected_level_id (self->current_row));
  ladder_profile_set_target_level (profile, selected_level_id (self->target_row));

  ladder_library_add_profile (self->library, profile);
  g_signal_emit (self, signals[CREATED], 0, profile);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *card = ladder_framework_card_new ();

  gtk_list_item_set_child (item, card);
}

static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  ladder_framework_card_set_framework (LADDER_FRAMEWORK_CARD (gtk_list_item_get_child (item)),
                                       gtk_list_item_get_item (item));
}

static void
ladder_profile_dialog_dispose (GObject *object)
{
  LadderProfileDialog *self = LADDER_PROFILE_DIALOG (object);

  g_clear_handle_id (&self->enter_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_PROFILE_DIALOG);
  g_clear_object (&self->frameworks);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (ladder_profile_dialog_parent_class)->dispose (object);
}

static void
ladder_profile_dialog_class_init (LadderProfileDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_profile_dialog_dispose;

  /**
   * LadderProfileDialog::created:
   * @profile: the new profile, already in the library
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, LADDER_TYPE_PROFILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-profile-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderProfileDialog, owner_box);
  gtk_widget_class_bind_template_child (widget_class, LadderProfileDialog, owner_group);
  gtk_widget_class_bind_template_child (widget_class, LadderProfileDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, LadderProfileDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, LadderProfileDialog, framework_grid);
  gtk_widget_class_bind_template_child (widget_class, LadderProfileDialog, current_row);
  gtk_widget_class_bind_template_child (widget_class, LadderProfileDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, LadderProfileDialog, level_error);
  gtk_widget_class_bind_template_child (widget_class, LadderProfileDialog, create_button);
  gtk_widget_class_bind_template_callback (widget_class, update_create_action);
  gtk_widget_class_bind_template_callback (widget_class, owner_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, current_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, framework_activated_cb);

  gtk_widget_class_install_action (widget_class, "profile.create", NULL,
                                   ladder_profile_dialog_create_action);
  /* Created from any field when the form is complete, as the editors
   * save. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "profile.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "profile.create", NULL);
}

static void
ladder_profile_dialog_init (LadderProfileDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *focus, *keys;
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* After the toggles are in the group, which a name set in the template
   * would come before. */
  adw_toggle_group_set_active_name (self->owner_group, "self");
  _ladder_toggle_group_add_keys (self->owner_group);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_card_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card_cb), NULL);
  gtk_grid_view_set_factory (self->framework_grid, factory);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (framework_grid_enter_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->framework_grid), focus);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (framework_grid_key_pressed_cb),
                           self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->framework_grid), keys);

  expression = gtk_property_expression_new (LADDER_TYPE_LEVEL, NULL, "name");
  adw_combo_row_set_expression (self->current_row, expression);
  adw_combo_row_set_expression (self->target_row, expression);
  gtk_expression_unref (expression);
  _ladder_combo_row_focus_checked (self->current_row);
  _ladder_combo_row_focus_checked (self->target_row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.create", FALSE);
}

/* The framework of the profile shown last (the window shows a profile as
 * soon as it is made), when the library has it. */
static LadderFramework *
last_profile_framework (LadderLibrary *library)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *id = g_settings_get_string (settings, "last-profile");
  LadderProfile *profile = *id != '\0' ? ladder_library_find_profile (library, id) : NULL;
  LadderFramework *framework = profile != NULL ? ladder_profile_get_framework (profile) : NULL;

  if (framework == NULL)
    return NULL;

  return ladder_library_find_framework (library, ladder_framework_get_id (framework));
}

/**
 * ladder_profile_dialog_new:
 * @library: the library the profile is added to
 * @framework_id: (nullable): the framework to offer first, such as the one
 *   of the profile shown; %NULL for none
 *
 * Nothing is chosen for the person unless @framework_id names a framework
 * of @library, or else the profile shown last (the one made last, when
 * nothing was shown since) has one: the first framework of the list is no
 * better a guess than any other, and a guess taken by mistake means a
 * profile on the wrong framework, while a team mostly shares one. Whose
 * profile it is starts at "Me" in an empty library only: once it has a
 * profile of the user's own, or only people they manage, the next one is
 * far more likely someone they manage.
 */
AdwDialog *
ladder_profile_dialog_new (LadderLibrary *library,
                           const char    *framework_id)
{
  LadderProfileDialog *self;
  LadderFramework *preferred;
  GListModel *profiles;
  guint position;

  g_return_val_if_fail (LADDER_IS_LIBRARY (library), NULL);

  self = g_object_new (LADDER_TYPE_PROFILE_DIALOG, NULL);
  self->library = g_object_ref (library);
  profiles = ladder_library_get_profiles (library);
  /* The user's own profile is made once: with one in the library, or
   * with only people they manage, the next is someone they manage. */
  if (g_list_model_get_n_items (profiles) > 0)
    ladder_profile_dialog_set_owner (self, LADDER_RATER_MANAGER);
  self->frameworks = gtk_single_selection_new (g_object_ref (ladder_library_get_frameworks (library)));
  /* Nothing chosen to begin with: unselecting must be allowed for that
   * (else the first card is chosen); see framework_selected_cb(). */
  gtk_single_selection_set_autoselect (self->frameworks, FALSE);
  gtk_single_selection_set_can_unselect (self->frameworks, TRUE);
  gtk_single_selection_set_selected (self->frameworks, GTK_INVALID_LIST_POSITION);
  preferred = framework_id != NULL ? ladder_library_find_framework (library, framework_id) : NULL;
  if (preferred == NULL)
    preferred = last_profile_framework (library);
  if (preferred != NULL &&
      g_list_store_find (G_LIST_STORE (ladder_library_get_frameworks (library)), preferred, &position))
    gtk_single_selection_set_selected (self->frameworks, position);
  g_signal_connect_object (self->frameworks, "notify::selected",
                           G_CALLBACK (framework_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_grid_view_set_model (self->framework_grid, GTK_SELECTION_MODEL (self->frameworks));
  framework_selected_cb (self);

  return ADW_DIALOG (self);
}

/**
 * ladder_profile_dialog_set_owner:
 * @self: a #LadderProfileDialog
 * @owner: whose profile to make: %LADDER_RATER_SELF for the user's own,
 *   %LADDER_RATER_MANAGER for someone they manage
 *
 * Chooses the answer to "Whose Profile", as the user can.
 */
void
ladder_profile_dialog_set_owner (LadderProfileDialog *self,
                                 LadderRater          owner)
{
  g_return_if_fail (LADDER_IS_PROFILE_DIALOG (self));
  g_return_if_fail (owner == LADDER_RATER_SELF || owner == LADDER_RATER_MANAGER);

  adw_toggle_group_set_active_name (self->owner_group,
                                    owner == LADDER_RATER_MANAGER ? "manager" : "self");
}
