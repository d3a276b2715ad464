/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-behaviour-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-behaviour-picker.h"
#include "ladder-ui-private.h"

/* The behaviour picker of the Evidence tab's filter, the evidence
 * editor and the focus dialog: a search field over every behaviour of a
 * framework, grouped by category and then level, with a heading for
 * each. From the keyboard: typing anywhere in it searches, Down goes
 * from the search to the list, the arrows move in it, and Enter picks
 * (in the search, the first match).
 *
 * One to pick (the filter, a focus): a click or Enter emits "picked",
 * and the one chosen is marked. Any number to tick (the editor): each
 * row is a check box, which Space or Enter ticks, and "toggled" says
 * when the user changed one.
 *
 * With "scrolls" (in a popover) the list scrolls under the search; else
 * it is as tall as it needs, for a dialog that scrolls as a whole. */

struct _LadderBehaviourPicker
{
  GtkWidget          parent_instance;

  gboolean           multiple;
  gboolean           scrolls;
  gboolean           syncing;   /* the rows set from the ticks, not the user */

  LadderFramework   *framework;
  char              *first_level;
  GHashTable        *category_index; /* category id → position + 1 */
  GHashTable        *ticked;    /* behaviour ids */
  char              *chosen;

  GtkStringFilter   *filter;
  GtkCustomSorter   *sorter;

  GtkSearchEntry    *behaviour_search;
  GtkListView       *behaviour_list;
  GtkScrolledWindow *scroller;  /* with "scrolls" */
};

G_DEFINE_FINAL_TYPE (LadderBehaviourPicker, ladder_behaviour_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MULTIPLE,
  PROP_SCROLLS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PICKED,
  TOGGLED,
  ROWS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define BEHAVIOUR_KEY "ladder-behaviour"

static int
compare_behaviours (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  LadderBehaviourPicker *self = user_data;
  guint ia = GPOINTER_TO_UINT (g_hash_table_lookup (self->category_index,
                                                    ladder_behaviour_get_category ((gpointer) a)));
  guint ib = GPOINTER_TO_UINT (g_hash_table_lookup (self->category_index,
                                                    ladder_behaviour_get_category ((gpointer) b)));
  int la, lb;

  if (ia != ib)
    return (ia > ib) - (ia < ib);

  /* Each category from the first level up, as its page lists them: what
   * a person links evidence to, or grows toward, is mostly there. */
  la = _ladder_level_sort_key (self->framework, self->first_level,
                               ladder_behaviour_get_level ((gpointer) a));
  lb = _ladder_level_sort_key (self->framework, self->first_level,
                               ladder_behaviour_get_level ((gpointer) b));
  return (la > lb) - (la < lb);
}

static GListModel *
get_model (LadderBehaviourPicker *self)
{
  return G_LIST_MODEL (gtk_list_view_get_model (self->behaviour_list));
}

static void
pick (LadderBehaviourPicker *self,
      guint                  position)
{
  GListModel *model = get_model (self);
  g_autoptr(LadderBehaviour) behaviour = NULL;
  const char *id;

  if (model == NULL || (behaviour = g_list_model_get_item (model, position)) == NULL)
    return;

  id = ladder_behaviour_get_id (behaviour);
  if (self->multiple)
    {
      ladder_behaviour_picker_set_ticked (self, id, !ladder_behaviour_picker_get_ticked (self, id));
      g_signal_emit (self, signals[TOGGLED], 0, id, ladder_behaviour_picker_get_ticked (self, id));
      return;
    }

  ladder_behaviour_picker_set_chosen (self, id);
  g_signal_emit (self, signals[PICKED], 0, id);
}

/* The top of the list, with the first heading: a list laid out anew
 * keeps its first row in view, not the heading above it, so the top is
 * asked for again once laid out. */
static void
scroll_to_top (LadderBehaviourPicker *self)
{
  if (self->scroller == NULL)
    return;

  _ladder_scroll_to_top (self->scroller);
}

static void
search_changed_cb (LadderBehaviourPicker *self)
{
  gtk_string_filter_set_search (self->filter,
                                gtk_editable_get_text (GTK_EDITABLE (self->behaviour_search)));
  scroll_to_top (self);
}

/* Text typed on a row goes into the search (its key capture), and the
 * focus with it: Enter then picks from what was typed. */
static void
search_text_changed_cb (LadderBehaviourPicker *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->behaviour_list)))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->behaviour_search));
      gtk_editable_set_position (GTK_EDITABLE (self->behaviour_search), -1);
    }
}

/* Enter in the search picks the first match; ticks it, in a list to
 * tick (never unticks: what was typed is what is meant). */
static void
search_activate_cb (LadderBehaviourPicker *self)
{
  GListModel *model = get_model (self);
  g_autoptr(LadderBehaviour) first = NULL;

  if (model == NULL || (first = g_list_model_get_item (model, 0)) == NULL)
    return;

  if (self->multiple && ladder_behaviour_picker_get_ticked (self, ladder_behaviour_get_id (first)))
    return;

  pick (self, 0);
}

static void
list_activate_cb (LadderBehaviourPicker *self,
                  guint                  position)
{
  pick (self, position);
}

/* Down (or Page Down) from the search: into the list, on its first row. */
static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       LadderBehaviourPicker *self)
{
  GListModel *model = get_model (self);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down &&
      keyval != GDK_KEY_Page_Down && keyval != GDK_KEY_KP_Page_Down)
    return GDK_EVENT_PROPAGATE;
  if (model == NULL || g_list_model_get_n_items (model) == 0)
    return GDK_EVENT_PROPAGATE;

  gtk_list_view_scroll_to (self->behaviour_list, 0, GTK_LIST_SCROLL_FOCUS, NULL);
  /* The row of the cursor just set: scrolling to it moves the focus only
   * within a list that has it. */
  gtk_widget_grab_focus (GTK_WIDGET (self->behaviour_list));
  return GDK_EVENT_STOP;
}

/* Rows {{{1 */

static void
check_toggled_cb (GtkCheckButton        *check,
                  LadderBehaviourPicker *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), BEHAVIOUR_KEY);
  gboolean active = gtk_check_button_get_active (check);

  if (id == NULL || self->syncing)
    return;
  if (active == ladder_behaviour_picker_get_ticked (self, id))
    return;

  ladder_behaviour_picker_set_ticked (self, id, active);
  g_signal_emit (self, signals[TOGGLED], 0, id, active);
}

/* A row shows its behaviour's state again: ticked, or chosen. */
static void
sync_row_cb (LadderBehaviourPicker *self,
             GtkWidget             *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), BEHAVIOUR_KEY);

  if (id == NULL)
    return;

  if (self->multiple)
    {
      self->syncing = TRUE;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (row), ladder_behaviour_picker_get_ticked (self, id));
      self->syncing = FALSE;
    }
  else
    {
      gtk_widget_set_visible (gtk_widget_get_last_child (row), g_strcmp0 (self->chosen, id) == 0);
    }
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LadderBehaviourPicker    *self)
{
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *row;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);

  if (self->multiple)
    {
      GtkEventController *shortcuts = gtk_shortcut_controller_new ();

      row = gtk_check_button_new ();
      gtk_check_button_set_child (GTK_CHECK_BUTTON (row), label);
      g_signal_connect (row, "toggled", G_CALLBACK (check_toggled_cb), self);
      /* Space or Enter ticks the focused box: without this, the list's
       * row around it takes them first, to select or activate itself,
       * and the box never hears them. */
      gtk_shortcut_controller_add_shortcut (
        GTK_SHORTCUT_CONTROLLER (shortcuts),
        gtk_shortcut_new (gtk_alternative_trigger_new (
                            gtk_keyval_trigger_new (GDK_KEY_space, 0),
                            gtk_alternative_trigger_new (
                              gtk_keyval_trigger_new (GDK_KEY_KP_Space, 0),
                              gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, 0),
                                                           gtk_keyval_trigger_new (GDK_KEY_KP_Enter, 0)))),
                          g_object_ref (gtk_activate_action_get ())));
      gtk_widget_add_controller (row, shortcuts);
      /* The box takes the focus, not the row around it. */
      gtk_list_item_set_focusable (item, FALSE);
      gtk_list_item_set_activatable (item, FALSE);
    }
  else
    {
      GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");

      row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (row), label);
      gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
      gtk_widget_set_visible (mark, FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Chosen"), -1);
      gtk_box_append (GTK_BOX (row), mark);
    }

  g_signal_connect_object (self, "rows-changed", G_CALLBACK (sync_row_cb), row, 0);
  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             LadderBehaviourPicker    *self)
{
  LadderBehaviour *behaviour = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *label = self->multiple ? gtk_check_button_get_child (GTK_CHECK_BUTTON (row))
                                    : gtk_widget_get_first_child (row);

  gtk_label_set_label (GTK_LABEL (label), ladder_behaviour_get_text (behaviour));
  g_object_set_data_full (G_OBJECT (row), BEHAVIOUR_KEY,
                          g_strdup (ladder_behaviour_get_id (behaviour)), g_free);
  sync_row_cb (self, row);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LadderBehaviourPicker    *self)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), BEHAVIOUR_KEY, NULL);
}

static void
setup_header_cb (GtkSignalListItemFactory *factory,
                 GtkListHeader            *header,
                 LadderBehaviourPicker    *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 3);
  if (self->scrolls)
    gtk_widget_set_margin_start (label, 6);
  gtk_list_header_set_child (header, label);
}

static void
bind_header_cb (GtkSignalListItemFactory *factory,
                GtkListHeader            *header,
                LadderBehaviourPicker    *self)
{
  LadderBehaviour *behaviour = gtk_list_header_get_item (header);
  LadderCategory *category = ladder_framework_find_category (self->framework,
                                                             ladder_behaviour_get_category (behaviour));
  g_autofree char *text = NULL;

  /* Translators: a category and a level, "Mastery · Level 3" */
  text = g_strdup_printf (_("%s · %s"),
                          category != NULL ? ladder_category_get_name (category)
                                           : ladder_behaviour_get_category (behaviour),
                          _ladder_level_display_name (self->framework,
                                                      ladder_behaviour_get_level (behaviour)));
  gtk_label_set_label (GTK_LABEL (gtk_list_header_get_child (header)), text);
}

/* Public {{{1 */

GtkWidget *
ladder_behaviour_picker_new (gboolean multiple,
                             gboolean scrolls)
{
  return g_object_new (LADDER_TYPE_BEHAVIOUR_PICKER,
                       "multiple", multiple,
                       "scrolls", scrolls,
                       NULL);
}

void
ladder_behaviour_picker_set_framework (LadderBehaviourPicker *self,
                                       LadderFramework       *framework,
                                       const char            *first_level)
{
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GListModel *categories;

  g_return_if_fail (LADDER_IS_BEHAVIOUR_PICKER (self));
  g_return_if_fail (framework == NULL || LADDER_IS_FRAMEWORK (framework));

  /* The old list goes before what it sorts by. */
  gtk_list_view_set_model (self->behaviour_list, NULL);
  g_set_object (&self->framework, framework);
  g_free (self->first_level);
  self->first_level = g_strdup (first_level);
  g_hash_table_remove_all (self->category_index);
  if (framework == NULL)
    return;

  categories = ladder_framework_get_categories (framework);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(LadderCategory) category = g_list_model_get_item (categories, i);

      g_hash_table_insert (self->category_index, g_strdup (ladder_category_get_id (category)),
                           GUINT_TO_POINTER (i + 1));
    }

  filtered = gtk_filter_list_model_new (g_object_ref (ladder_framework_get_behaviours (framework)),
                                        g_object_ref (GTK_FILTER (self->filter)));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), g_object_ref (GTK_SORTER (self->sorter)));
  gtk_sort_list_model_set_section_sorter (sorted, GTK_SORTER (self->sorter));
  gtk_list_view_set_model (self->behaviour_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (sorted))));
}

void
ladder_behaviour_picker_reset (LadderBehaviourPicker *self)
{
  g_return_if_fail (LADDER_IS_BEHAVIOUR_PICKER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->behaviour_search), "");
  /* At once, not after the search's delay: the whole list shows. */
  search_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->behaviour_search));
}

const char *
ladder_behaviour_picker_get_chosen (LadderBehaviourPicker *self)
{
  g_return_val_if_fail (LADDER_IS_BEHAVIOUR_PICKER (self), NULL);

  return self->chosen;
}

void
ladder_behaviour_picker_set_chosen (LadderBehaviourPicker *self,
                                    const char            *behaviour_id)
{
  g_return_if_fail (LADDER_IS_BEHAVIOUR_PICKER (self));

  if (g_set_str (&self->chosen, behaviour_id))
    g_signal_emit (self, signals[ROWS_CHANGED], 0);
}

gboolean
ladder_behaviour_picker_get_ticked (LadderBehaviourPicker *self,
                                    const char            *behaviour_id)
{
  g_return_val_if_fail (LADDER_IS_BEHAVIOUR_PICKER (self), FALSE);

  return behaviour_id != NULL && g_hash_table_contains (self->ticked, behaviour_id);
}

void
ladder_behaviour_picker_set_ticked (LadderBehaviourPicker *self,
                                    const char            *behaviour_id,
                                    gboolean               ticked)
{
  gboolean changed;

  g_return_if_fail (LADDER_IS_BEHAVIOUR_PICKER (self));
  g_return_if_fail (behaviour_id != NULL);

  if (ticked)
    changed = g_hash_table_add (self->ticked, g_strdup (behaviour_id));
  else
    changed = g_hash_table_remove (self->ticked, behaviour_id);
  if (changed)
    g_signal_emit (self, signals[ROWS_CHANGED], 0);
}

GStrv
ladder_behaviour_picker_dup_ticked (LadderBehaviourPicker *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (LADDER_IS_BEHAVIOUR_PICKER (self), NULL);

  /* In the framework's order, so that a file does not change with the
   * order of clicks; ids the framework lacks are kept at the end. */
  if (self->framework != NULL)
    {
      GListModel *behaviours = ladder_framework_get_behaviours (self->framework);

      for (guint i = 0; i < g_list_model_get_n_items (behaviours); i++)
        {
          g_autoptr(LadderBehaviour) behaviour = g_list_model_get_item (behaviours, i);

          if (g_hash_table_contains (self->ticked, ladder_behaviour_get_id (behaviour)))
            g_strv_builder_add (builder, ladder_behaviour_get_id (behaviour));
        }
    }
  g_hash_table_iter_init (&iter, self->ticked);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (self->framework == NULL || ladder_framework_find_behaviour (self->framework, key) == NULL)
      g_strv_builder_add (builder, key);

  return g_strv_builder_end (builder);
}

/* GObject {{{1 */

static void
ladder_behaviour_picker_constructed (GObject *object)
{
  LadderBehaviourPicker *self = LADDER_BEHAVIOUR_PICKER (object);
  GtkWidget *list = GTK_WIDGET (self->behaviour_list);
  GtkWidget *frame;

  G_OBJECT_CLASS (ladder_behaviour_picker_parent_class)->constructed (object);

  g_object_ref (list);
  gtk_widget_unparent (list);
  if (self->scrolls)
    {
      /* In a popover: the list scrolls under the search. */
      frame = gtk_scrolled_window_new ();
      self->scroller = GTK_SCROLLED_WINDOW (frame);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (frame), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (frame), 200);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (frame), 360);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (frame), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (frame), list);
      gtk_widget_add_css_class (list, "navigation-sidebar");
    }
  else
    {
      /* In a dialog that scrolls: the list scrolls with it, in a card; a
       * list scrolling on its own inside it takes the wheel and the keys
       * from the dialog. */
      frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_widget_set_overflow (frame, GTK_OVERFLOW_HIDDEN);
      gtk_widget_add_css_class (frame, "card");
      gtk_widget_set_margin_start (list, 6);
      gtk_widget_set_margin_end (list, 6);
      gtk_box_append (GTK_BOX (frame), list);
    }
  gtk_widget_set_parent (frame, GTK_WIDGET (self));
  g_object_unref (list);

  /* A click picks, in a list to pick from; a box is ticked by its own
   * click. */
  gtk_list_view_set_single_click_activate (self->behaviour_list, !self->multiple);
}

static void
ladder_behaviour_picker_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  LadderBehaviourPicker *self = LADDER_BEHAVIOUR_PICKER (object);

  switch (prop_id)
    {
    case PROP_MULTIPLE:
      g_value_set_boolean (value, self->multiple);
      break;
    case PROP_SCROLLS:
      g_value_set_boolean (value, self->scrolls);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_behaviour_picker_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  LadderBehaviourPicker *self = LADDER_BEHAVIOUR_PICKER (object);

  switch (prop_id)
    {
    case PROP_MULTIPLE:
      self->multiple = g_value_get_boolean (value);
      break;
    case PROP_SCROLLS:
      self->scrolls = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_behaviour_picker_dispose (GObject *object)
{
  LadderBehaviourPicker *self = LADDER_BEHAVIOUR_PICKER (object);
  GtkWidget *child;

  /* The models go first: the widgets going (the search emptied, the
   * rows) would make them filter and sort again, calling back into a
   * picker half gone. Whatever still holds the sorter sorts no more
   * with it. */
  if (self->behaviour_list != NULL)
    gtk_list_view_set_model (self->behaviour_list, NULL);
  if (self->sorter != NULL)
    gtk_custom_sorter_set_sort_func (self->sorter, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LADDER_TYPE_BEHAVIOUR_PICKER);
  self->scroller = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->sorter);
  g_clear_object (&self->filter);
  g_clear_object (&self->framework);

  G_OBJECT_CLASS (ladder_behaviour_picker_parent_class)->dispose (object);
}

static void
ladder_behaviour_picker_finalize (GObject *object)
{
  LadderBehaviourPicker *self = LADDER_BEHAVIOUR_PICKER (object);

  g_free (self->first_level);
  g_free (self->chosen);
  g_hash_table_unref (self->category_index);
  g_hash_table_unref (self->ticked);

  G_OBJECT_CLASS (ladder_behaviour_picker_parent_class)->finalize (object);
}

static void
ladder_behaviour_picker_class_init (LadderBehaviourPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ladder_behaviour_picker_constructed;
  object_class->get_property = ladder_behaviour_picker_get_property;
  object_class->set_property = ladder_behaviour_picker_set_property;
  object_class->dispose = ladder_behaviour_picker_dispose;
  object_class->finalize = ladder_behaviour_picker_finalize;

  /**
   * LadderBehaviourPicker:multiple:
   *
   * Whether any number of behaviours are ticked, rather than one picked.
   */
  properties[PROP_MULTIPLE] =
    g_param_spec_boolean ("multiple", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * LadderBehaviourPicker:scrolls:
   *
   * Whether the list scrolls on its own, under the search.
   */
  properties[PROP_SCROLLS] =
    g_param_spec_boolean ("scrolls", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LadderBehaviourPicker::picked:
   * @behaviour_id: the behaviour picked
   *
   * A behaviour was picked, by a click or Enter (not :multiple).
   */
  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * LadderBehaviourPicker::toggled:
   * @behaviour_id: the behaviour
   * @ticked: whether it is ticked now
   *
   * The user ticked or unticked a behaviour (:multiple).
   */
  signals[TOGGLED] = g_signal_new ("toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
  /* The rows shown follow the ticks or the choice. */
  signals[ROWS_CHANGED] = g_signal_new ("rows-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-behaviour-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderBehaviourPicker, behaviour_search);
  gtk_widget_class_bind_template_child (widget_class, LadderBehaviourPicker, behaviour_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "behaviourpicker");
}

static void
ladder_behaviour_picker_init (LadderBehaviourPicker *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) header_factory = gtk_signal_list_item_factory_new ();
  GtkLayoutManager *layout;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->category_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ticked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->filter = gtk_string_filter_new (gtk_property_expression_new (LADDER_TYPE_BEHAVIOUR, NULL, "text"));
  self->sorter = gtk_custom_sorter_new (compare_behaviours, self, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  g_signal_connect (header_factory, "setup", G_CALLBACK (setup_header_cb), self);
  g_signal_connect (header_factory, "bind", G_CALLBACK (bind_header_cb), self);
  gtk_list_view_set_factory (self->behaviour_list, factory);
  gtk_list_view_set_header_factory (self->behaviour_list, header_factory);

  /* Typing on a row searches; Down goes back to the rows. */
  gtk_search_entry_set_key_capture_widget (self->behaviour_search, GTK_WIDGET (self->behaviour_list));
  g_signal_connect_object (self->behaviour_search, "changed", G_CALLBACK (search_text_changed_cb), self,
                           G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  /* Before the text, whose own Down moves nowhere but keeps the key. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->behaviour_search), keys);
}
