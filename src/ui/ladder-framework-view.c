/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-framework-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-framework-view.h"
#include "ladder-readiness-dialog.h"
#include "ladder-ui-private.h"

/* A framework on its own: the levels × categories matrix (a GtkColumnView
 * with a column per category), the chosen cell's details, and a search
 * over all its behaviours.
 *
 * Its readiness rule shows under the description, and
 * "framework.edit-readiness" edits it: the framework's file in the
 * library is written when the dialog closes, for the profiles made from
 * it from then on (each profile embeds a copy with its own rule). */
struct _LadderFrameworkView
{
  GtkWidget           parent_instance;

  LadderFramework    *framework;
  LadderLibrary      *library;  /* what an edited framework is written to */
  GtkStringFilter    *search_filter;
  GtkFilterListModel *results;

  GtkLabel           *title;
  GtkLabel           *subtitle;
  GtkLabel           *description;
  GtkLabel           *readiness;
  LadderReadinessRule edited_rule;
  guint               edited_percent;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkColumnView      *matrix;
  char               *focus_category;  /* the column of the cell focused last */
  GtkWidget          *details;
  GtkLabel           *details_title;
  GtkLabel           *details_summary;
  GtkLabel           *details_examples;
  GtkListBox         *details_list;
  GtkListView        *results_list;
};

G_DEFINE_FINAL_TYPE (LadderFrameworkView, ladder_framework_view, GTK_TYPE_WIDGET)

static void
cell_clicked_cb (GtkButton           *button,
                 LadderFrameworkView *self)
{
  const char *level = g_object_get_data (G_OBJECT (button), "ladder-level");
  const char *category = g_object_get_data (G_OBJECT (button), "ladder-category");

  if (level != NULL && category != NULL)
    ladder_framework_view_show_cell (self, level, category);
}

static void
cell_focus_enter_cb (GtkEventControllerFocus *controller,
                     LadderFrameworkView     *self)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  g_set_str (&self->focus_category, g_object_get_data (G_OBJECT (button), "ladder-category"));
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LadderFrameworkView      *self)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *summary = gtk_label_new (NULL);
  GtkEventController *focus;

  gtk_label_set_xalign (GTK_LABEL (count), 0);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (summary), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (summary), 3);
  gtk_label_set_ellipsize (GTK_LABEL (summary), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (summary), 24);
  gtk_label_set_width_chars (GTK_LABEL (summary), 16);
  gtk_label_set_use_markup (GTK_LABEL (summary), FALSE);
  gtk_widget_add_css_class (count, "heading");
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_widget_add_css_class (summary, "caption");
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (GTK_BOX (box), summary);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  g_signal_connect (button, "clicked", G_CALLBACK (cell_clicked_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (cell_focus_enter_cb), self);
  gtk_widget_add_controller (button, focus);
  gtk_list_item_set_child (item, button);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LadderFrameworkView      *self)
{
  const char *category = g_object_get_data (G_OBJECT (factory), "ladder-category");
  LadderLevel *level = gtk_list_item_get_item (item);
  GtkWidget *button = gtk_list_item_get_child (item);
  GtkWidget *count = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (button)));
  GtkWidget *summary = gtk_widget_get_next_sibling (count);
  LadderCell *cell = ladder_framework_find_cell (self->framework, ladder_level_get_id (level), category);
  guint n = ladder_framework_count_behaviours (self->framework, ladder_level_get_id (level), category);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u behaviour",
                                                        "%u behaviours", n), n);
  const char *summary_text = cell != NULL ? ladder_cell_get_summary (cell) : NULL;

  gtk_label_set_label (GTK_LABEL (count), text);
  gtk_label_set_label (GTK_LABEL (summary), summary_text != NULL ? summary_text : "");
  gtk_widget_set_visible (summary, summary_text != NULL && *summary_text != '\0');
  gtk_widget_set_sensitive (button, n > 0 || cell != NULL);
  g_object_set_data_full (G_OBJECT (button), "ladder-level",
                          g_strdup (ladder_level_get_id (level)), g_free);
  g_object_set_data_full (G_OBJECT (button), "ladder-category", g_strdup (category), g_free);
}

static void
setup_level_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                LadderFrameworkView      *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "heading");
  gtk_list_item_set_child (item, label);
}

static void
bind_level_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LadderFrameworkView      *self)
{
  LadderLevel *level = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       _ladder_level_display_name (self->framework, ladder_level_get_id (level)));
}

static gboolean
is_focus_column (LadderFrameworkView *self,
                 GtkColumnViewColumn *column)
{
  GtkListItemFactory *factory = gtk_column_view_column_get_factory (column);

  return self->focus_category != NULL && factory != NULL &&
         g_strcmp0 (g_object_get_data (G_OBJECT (factory), "ladder-category"), self->focus_category) == 0;
}

/* The column of the cell focused last goes last. GtkColumnView (4.24)
 * hands the focus on to a neighbour when that column is removed, with a
 * reference to the neighbour that it never drops (the list's
 * g_list_model_get_item() in gtk_column_view_remove_column()): removed
 * while others remain, it would keep every column after it alive. Alone,
 * it has no neighbour to hand the focus to. */
static void
remove_columns (LadderFrameworkView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->matrix);
  guint n;

  while ((n = g_list_model_get_n_items (columns)) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      if (n > 1 && is_focus_column (self, column))
        {
          g_object_unref (column);
          column = g_list_model_get_item (columns, 1);
        }
      gtk_column_view_remove_column (self->matrix, column);
    }

  g_clear_pointer (&self->focus_category, g_free);
}

static void
add_column (LadderFrameworkView *self,
            const char          *title,
            const char          *category_id)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  if (category_id != NULL)
    {
      g_object_set_data_full (G_OBJECT (factory), "ladder-category", g_strdup (category_id), g_free);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
    }
  else
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_level_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_level_cb), self);
    }

  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, category_id != NULL);
  gtk_column_view_append_column (self->matrix, column);
}

static void
add_detail_row (LadderFrameworkView *self,
                LadderBehaviour     *behaviour)
{
  GtkWidget *row = adw_action_row_new ();
  const char * const *examples = ladder_behaviour_get_examples (behaviour);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ladder_behaviour_get_text (behaviour));
  if (examples != NULL && examples[0] != NULL)
    {
      g_autofree char *joined = _ladder_join_strv (examples, "\n• ");
      g_autofree char *text = g_strconcat ("• ", joined, NULL);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
    }
  gtk_list_box_append (self->details_list, row);
}

void
ladder_framework_view_show_cell (LadderFrameworkView *self,
                                 const char          *level_id,
                                 const char          *category_id)
{
  LadderCategory *category;
  LadderCell *cell;
  g_autoptr(GPtrArray) behaviours = NULL;
  g_autofree char *title = NULL;
  const char *summary = NULL;
  const char * const *examples = NULL;

  g_return_if_fail (LADDER_IS_FRAMEWORK_VIEW (self));
  g_return_if_fail (self->framework != NULL);

  category = ladder_framework_find_category (self->framework, category_id);
  cell = ladder_framework_find_cell (self->framework, level_id, category_id);
  behaviours = ladder_framework_list_behaviours (self->framework, level_id, category_id);

  title = g_strdup_printf (_("%s · %s"), _ladder_level_display_name (self->framework, level_id),
                           category != NULL ? ladder_category_get_name (category) : category_id);
  gtk_label_set_label (self->details_title, title);

  if (cell != NULL)
    {
      summary = ladder_cell_get_summary (cell);
      examples = ladder_cell_get_examples (cell);
    }
  gtk_label_set_label (self->details_summary, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->details_summary), summary != NULL && *summary != '\0');
  if (examples != NULL && examples[0] != NULL)
    {
      g_autofree char *joined = _ladder_join_strv (examples, "\n• ");
      g_autofree char *text = g_strconcat ("• ", joined, NULL);

      gtk_label_set_label (self->details_examples, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->details_examples), examples != NULL && examples[0] != NULL);

  gtk_list_box_remove_all (self->details_list);
  for (guint i = 0; i < behaviours->len; i++)
    add_detail_row (self, g_ptr_array_index (behaviours, i));
  gtk_widget_set_visible (GTK_WIDGET (self->details_list), behaviours->len > 0);
  gtk_widget_set_visible (self->details, TRUE);
}

static void
search_changed_cb (LadderFrameworkView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  gtk_string_filter_set_search (self->search_filter, text);
  if (*text == '\0')
    gtk_stack_set_visible_child_name (self->stack, "matrix");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
setup_result_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 LadderFrameworkView      *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *text = gtk_label_new (NULL);
  GtkWidget *where = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_use_markup (GTK_LABEL (text), FALSE);
  gtk_label_set_use_markup (GTK_LABEL (where), FALSE);
  gtk_widget_add_css_class (where, "dim-label");
  gtk_widget_add_css_class (where, "caption");
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), where);
  gtk_list_item_set_child (item, box);
}

static void
bind_result_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                LadderFrameworkView      *self)
{
  LadderBehaviour *behaviour = gtk_list_item_get_item (item);
  GtkWidget *text = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *where = gtk_widget_get_next_sibling (text);
  LadderCategory *category = ladder_framework_find_category (self->framework,
                                                             ladder_behaviour_get_category (behaviour));
  g_autofree char *location = g_strdup_printf (_("%s · %s"),
                                               _ladder_level_display_name (self->framework,
                                                                           ladder_behaviour_get_level (behaviour)),
                                               category != NULL ? ladder_category_get_name (category)
                                                                : ladder_behaviour_get_category (behaviour));

  gtk_label_set_label (GTK_LABEL (text), ladder_behaviour_get_text (behaviour));
  gtk_label_set_label (GTK_LABEL (where), location);
}

static void
results_activate_cb (LadderFrameworkView *self,
                     guint                position)
{
  g_autoptr(LadderBehaviour) behaviour = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (behaviour == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  ladder_framework_view_show_cell (self, ladder_behaviour_get_level (behaviour),
                                   ladder_behaviour_get_category (behaviour));
}

/* The heading follows a rename. */
static void
update_heading (LadderFrameworkView *self)
{
  const char *organisation = ladder_framework_get_organisation (self->framework);

  gtk_label_set_label (self->title, ladder_framework_get_name (self->framework));
  gtk_label_set_label (self->subtitle, organisation != NULL ? organisation : "");
}

static void
update_readiness (LadderFrameworkView *self)
{
  g_autofree char *text = ladder_framework_describe_readiness (self->framework);

  gtk_label_set_label (self->readiness, text);
}

static void
readiness_dialog_closed_cb (LadderFrameworkView *self,
                            AdwDialog           *dialog)
{
  g_autoptr(GError) error = NULL;

  if (self->framework == NULL || self->library == NULL ||
      (ladder_framework_get_readiness_rule (self->framework) == self->edited_rule &&
       ladder_framework_get_readiness_percent (self->framework) == self->edited_percent))
    return;

  if (!ladder_library_add_framework (self->library, self->framework, NULL, &error))
    {
      /* The sentence whole, in a dialog: a toast's one line cuts it. */
      AdwDialog *alert = adw_alert_dialog_new (_("Could Not Save the Framework"), error->message);

      adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
      adw_dialog_present (alert, GTK_WIDGET (self));
    }
}

/**
 * ladder_framework_view_set_library:
 * @self: a #LadderFrameworkView
 * @library: the library the frameworks shown belong to
 *
 * Gives the view the library an edited framework is written to.
 */
void
ladder_framework_view_set_library (LadderFrameworkView *self,
                                   LadderLibrary       *library)
{
  g_return_if_fail (LADDER_IS_FRAMEWORK_VIEW (self));
  g_return_if_fail (LADDER_IS_LIBRARY (library));

  g_set_object (&self->library, library);
}

static void
ladder_framework_view_edit_readiness_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  LadderFrameworkView *self = LADDER_FRAMEWORK_VIEW (widget);
  LadderReadinessDialog *dialog;

  if (self->framework == NULL)
    return;

  self->edited_rule = ladder_framework_get_readiness_rule (self->framework);
  self->edited_percent = ladder_framework_get_readiness_percent (self->framework);
  dialog = ladder_readiness_dialog_new (self->framework,
                                        _("The rule new profiles on this framework start with. "
                                          "Existing profiles keep their own: change theirs from "
                                          "their Summary."));
  g_signal_connect_object (dialog, "closed", G_CALLBACK (readiness_dialog_closed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), widget);
}

void
ladder_framework_view_set_framework (LadderFrameworkView *self,
                                     LadderFramework     *framework)
{
  g_autoptr(GtkNoSelection) levels = NULL;
  GListModel *categories;
  const char *description;
  g_autofree char *joined = NULL;

  g_return_if_fail (LADDER_IS_FRAMEWORK_VIEW (self));

  if (self->framework == framework)
    return;

  if (self->framework != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->framework, update_readiness, self);
      g_signal_handlers_disconnect_by_func (self->framework, update_heading, self);
    }
  g_set_object (&self->framework, framework);
  gtk_column_view_set_model (self->matrix, NULL);
  remove_columns (self);
  gtk_filter_list_model_set_model (self->results, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_set_visible (self->details, FALSE);

  if (framework == NULL)
    return;

  update_heading (self);
  g_signal_connect_swapped (framework, "notify::name", G_CALLBACK (update_heading), self);
  g_signal_connect_swapped (framework, "notify::organisation", G_CALLBACK (update_heading), self);
  description = ladder_framework_get_description (framework);
  joined = description != NULL ? _ladder_join_lines (description) : NULL;
  gtk_label_set_label (self->description, joined != NULL ? joined : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description), description != NULL && *description != '\0');
  g_signal_connect_swapped (framework, "readiness-changed", G_CALLBACK (update_readiness), self);
  update_readiness (self);

  add_column (self, _("Level"), NULL);
  categories = ladder_framework_get_categories (framework);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(LadderCategory) category = g_list_model_get_item (categories, i);
      const char *emoji = ladder_category_get_emoji (category);
      g_autofree char *title = emoji != NULL && *emoji != '\0'
                                 ? g_strdup_printf ("%s %s", emoji, ladder_category_get_name (category))
                                 : g_strdup (ladder_category_get_name (category));

      add_column (self, title, ladder_category_get_id (category));
    }

  levels = gtk_no_selection_new (g_object_ref (ladder_framework_get_levels (framework)));
  gtk_column_view_set_model (self->matrix, GTK_SELECTION_MODEL (levels));
  gtk_filter_list_model_set_model (self->results, ladder_framework_get_behaviours (framework));
}

void
ladder_framework_view_start_search (LadderFrameworkView *self)
{
  g_return_if_fail (LADDER_IS_FRAMEWORK_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
ladder_framework_view_dispose (GObject *object)
{
  GtkWidget *child;
  LadderFrameworkView *self = LADDER_FRAMEWORK_VIEW (object);

  if (self->matrix != NULL)
    {
      gtk_column_view_set_model (self->matrix, NULL);
      remove_columns (self);
    }
  if (self->framework != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->framework, update_readiness, self);
      g_signal_handlers_disconnect_by_func (self->framework, update_heading, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_FRAMEWORK_VIEW);
  /* Children the template does not name are ours to drop too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->results);
  g_clear_object (&self->framework);
  g_clear_object (&self->library);
  g_clear_pointer (&self->focus_category, g_free);

  G_OBJECT_CLASS (ladder_framework_view_parent_class)->dispose (object);
}

static void
ladder_framework_view_class_init (LadderFrameworkViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_framework_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-framework-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderFrameworkView, title);
  gtk_widget_class_bind_template_child (widget_class, LadderFrameworkView, subtitle);
  gtk_widget_class_bind_template_child (widget_class, LadderFrameworkView, description);
  gtk_widget_class_bind_template_child (widget_class, LadderFrameworkView, readiness);
  gtk_widget_class_bind_template_child (widget_class, LadderFrameworkView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LadderFrameworkView, stack);
  gtk_widget_class_bind_template_child (widget_class, LadderFrameworkView, matrix);
  gtk_widget_class_bind_template_child (widget_class, LadderFrameworkView, details);
  gtk_widget_class_bind_template_child (widget_class, LadderFrameworkView, details_title);
  gtk_widget_class_bind_template_child (widget_class, LadderFrameworkView, details_summary);
  gtk_widget_class_bind_template_child (widget_class, LadderFrameworkView, details_examples);
  gtk_widget_class_bind_template_child (widget_class, LadderFrameworkView, details_list);
  gtk_widget_class_bind_template_child (widget_class, LadderFrameworkView, results_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, results_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "framework.edit-readiness", NULL,
                                   ladder_framework_view_edit_readiness_action);
}

static void
ladder_framework_view_init (LadderFrameworkView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->search_filter = gtk_string_filter_new (
    gtk_property_expression_new (LADDER_TYPE_BEHAVIOUR, NULL, "text"));
  self->results = gtk_filter_list_model_new (NULL, GTK_FILTER (self->search_filter));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_result_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_result_cb), self);
  gtk_list_view_set_factory (self->results_list, factory);
  gtk_list_view_set_model (self->results_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->results)))));
}
