/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-progress-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-behaviour-row.h"
#include "ladder-category-card.h"
#include "ladder-focus-group.h"
#include "ladder-gap-row.h"
#include "ladder-progress-page.h"
#include "ladder-ui-private.h"

/* The Progress tab: where the profile stands in its current level, and a
 * card per category. A card opens the category (win.show-category).
 *
 * Compare mode lists instead where the engineer's and the manager's
 * ratings differ (ladder_profile_list_rating_gaps()), a section per
 * category: the agenda of a calibration talk. The list is computed again
 * on every change of the profile while the mode is on.
 *
 * New mode lists what is new at the target level, compared with the level
 * before it (ladder_framework_pair_levels()), a section per category with
 * how many of its behaviours only build on the lower level's. It is made
 * again only when the target level changes, so that rating a behaviour
 * there keeps its row and the focus. */
struct _LadderProgressPage
{
  GtkWidget       parent_instance;

  LadderProfile  *profile;
  GListStore     *gaps;
  gboolean        compare;
  gboolean        show_new;
  GListStore     *new_behaviours;
  /* The target level the list was made for, and per category id its
   * position and how many behaviours build on the lower level. */
  char           *new_level;
  GHashTable     *new_positions;
  GHashTable     *new_restated;

  GtkLabel       *level_title;
  GtkLabel       *level_subtitle;
  GtkLabel       *ready_label;
  AdwToggleGroup *mode_group;
  GtkStack       *mode_stack;
  GtkGridView    *grid;
  LadderFocusGroup *focus_group;
  GtkListView    *gap_list;
  GtkListView    *new_list;
  AdwStatusPage  *agree_page;
  AdwStatusPage  *no_new_page;
};

G_DEFINE_FINAL_TYPE (LadderProgressPage, ladder_progress_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPARE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update_header (LadderProgressPage *self)
{
  LadderFramework *framework = ladder_profile_get_framework (self->profile);
  LadderRater rater = ladder_profile_get_owner (self->profile);
  const char *current = ladder_profile_get_current_level (self->profile);
  g_autofree char *title = _ladder_profile_describe_level (self->profile);
  g_autofree char *subtitle = NULL;
  gboolean ready = ladder_profile_is_ready (self->profile, rater);

  if (current != NULL)
    {
      guint shown = 0, total = 0;
      double progress = ladder_profile_get_progress (self->profile, rater, &shown, &total);

      /* Translators: "12 of 30 behaviours of Level 3 shown (40 %)" */
      subtitle = g_strdup_printf (_("%u of %u behaviours of %s shown (%u %%)"), shown, total,
                                  _ladder_level_display_name (framework, current),
                                  ladder_progress_to_percent (MAX (progress, 0.0)));
    }

  gtk_label_set_label (self->level_title, title);
  gtk_label_set_label (self->level_subtitle, subtitle != NULL ? subtitle : "");

  if (ready)
    {
      LadderLevel *next = ladder_framework_get_next_level (framework, current);
      g_autofree char *text = g_strdup_printf (_("Ready for %s"),
                                               _ladder_level_display_name (framework,
                                                                           ladder_level_get_id (next)));

      g_autofree char *rule = ladder_framework_describe_readiness (framework);

      gtk_label_set_label (self->ready_label, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->ready_label), rule);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->ready_label), ready);
}

static void
update_new (LadderProgressPage *self)
{
  LadderFramework *framework = ladder_profile_get_framework (self->profile);
  const char *target = ladder_profile_get_target_level (self->profile);
  const char *lower = target != NULL ? ladder_framework_get_previous_level (framework, target) : NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  GListModel *categories = ladder_framework_get_categories (framework);

  if (self->new_level != NULL && g_strcmp0 (self->new_level, target) == 0)
    goto show;

  g_free (self->new_level);
  self->new_level = g_strdup (target);
  g_hash_table_remove_all (self->new_positions);
  g_hash_table_remove_all (self->new_restated);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(LadderCategory) category = g_list_model_get_item (categories, i);

      g_hash_table_insert (self->new_positions, g_strdup (ladder_category_get_id (category)),
                           GUINT_TO_POINTER (i));
    }

  if (lower != NULL)
    {
      pairs = ladder_framework_pair_levels (framework, target, lower, NULL);
      for (guint i = 0; i < pairs->len; i++)
        {
          LadderGrowthPair *pair = pairs->pdata[i];
          const char *category = ladder_behaviour_get_category (pair->behaviour);

          if (pair->builds_on == NULL)
            g_ptr_array_add (fresh, pair->behaviour);
          else
            g_hash_table_insert (self->new_restated, g_strdup (category),
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->new_restated,
                                                                                          category)) + 1));
        }
    }
  g_list_store_splice (self->new_behaviours, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->new_behaviours)),
                       fresh->pdata, fresh->len);
  /* A new list starts from the very top, its first header in view. */
  _ladder_scroll_to_top (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self->new_list),
                                                                       GTK_TYPE_SCROLLED_WINDOW)));

show:
  if (g_list_model_get_n_items (G_LIST_MODEL (self->new_behaviours)) > 0)
    {
      gtk_stack_set_visible_child_name (self->mode_stack, "new");
      return;
    }

  if (target == NULL)
    {
      adw_status_page_set_title (self->no_new_page, _("No Target Level"));
      adw_status_page_set_description (self->no_new_page,
                                       _("Choose a target level in the profile to see what is new there."));
    }
  else if (lower == NULL)
    {
      adw_status_page_set_title (self->no_new_page, _("Nothing Before the Target Level"));
      adw_status_page_set_description (self->no_new_page,
                                       _("The target level is the framework’s first: all of it is new."));
    }
  else
    {
      g_autofree char *title = g_strdup_printf (_("Nothing New at %s"),
                                                _ladder_level_display_name (framework, target));

      adw_status_page_set_title (self->no_new_page, title);
      adw_status_page_set_description (self->no_new_page,
                                       _("Each of its behaviours builds on one of the level before."));
    }
  gtk_stack_set_visible_child_name (self->mode_stack, "no-new");
}

static void
update_gaps (LadderProgressPage *self)
{
  g_autoptr(GPtrArray) gaps = NULL;

  if (self->profile == NULL || !self->compare)
    {
      g_list_store_remove_all (self->gaps);
      if (self->show_new && self->profile != NULL)
        update_new (self);
      else
        gtk_stack_set_visible_child_name (self->mode_stack, "progress");
      return;
    }

  gaps = ladder_profile_list_rating_gaps (self->profile);
  g_list_store_splice (self->gaps, 0, g_list_model_get_n_items (G_LIST_MODEL (self->gaps)),
                       gaps->pdata, gaps->len);
  if (gaps->len == 0)
    {
      const char *icon_name, *title, *description;

      _ladder_describe_no_gaps (ladder_profile_count_rated (self->profile, LADDER_RATER_SELF),
                                ladder_profile_count_rated (self->profile, LADDER_RATER_MANAGER),
                                ladder_profile_count_rated_by_both (self->profile),
                                &icon_name, &title, &description, NULL);
      adw_status_page_set_icon_name (self->agree_page, icon_name);
      adw_status_page_set_title (self->agree_page, title);
      adw_status_page_set_description (self->agree_page, description);
    }
  gtk_stack_set_visible_child_name (self->mode_stack, gaps->len > 0 ? "compare" : "agree");
}

/* A new agenda starts from the very top, its first header in view. */
static void
scroll_to_top (LadderProgressPage *self)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->gap_list),
                                                 GTK_TYPE_SCROLLED_WINDOW);

  _ladder_scroll_to_top (GTK_SCROLLED_WINDOW (scrolled));
}

static void
profile_changed_cb (LadderProgressPage *self)
{
  update_header (self);
  update_gaps (self);
}

static void
mode_changed_cb (LadderProgressPage *self)
{
  const char *mode = adw_toggle_group_get_active_name (self->mode_group);
  gboolean was_new = self->show_new;

  self->show_new = g_strcmp0 (mode, "new") == 0;
  if (self->show_new && !was_new)
    _ladder_scroll_to_top (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self->new_list),
                                                                         GTK_TYPE_SCROLLED_WINDOW)));
  if (self->compare == (g_strcmp0 (mode, "compare") == 0))
    update_gaps (self);
  else
    ladder_progress_page_set_compare (self, g_strcmp0 (mode, "compare") == 0);
}

static void
setup_new_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LadderProgressPage       *self)
{
  gtk_list_item_set_child (item, ladder_behaviour_row_new ());
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
bind_new_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             LadderProgressPage       *self)
{
  ladder_behaviour_row_set (LADDER_BEHAVIOUR_ROW (gtk_list_item_get_child (item)), self->profile,
                            gtk_list_item_get_item (item));
}

static void
unbind_new_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LadderProgressPage       *self)
{
  ladder_behaviour_row_set (LADDER_BEHAVIOUR_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
bind_new_header_cb (GtkSignalListItemFactory *factory,
                    GtkListHeader            *header,
                    LadderProgressPage       *self)
{
  LadderBehaviour *behaviour = gtk_list_header_get_item (header);
  LadderFramework *framework = ladder_profile_get_framework (self->profile);
  LadderCategory *category = ladder_framework_find_category (framework,
                                                             ladder_behaviour_get_category (behaviour));
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_header_get_child (header));
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  guint n = gtk_list_header_get_n_items (header);
  guint restated = GPOINTER_TO_UINT (g_hash_table_lookup (self->new_restated,
                                                          ladder_category_get_id (category)));
  const char *target = _ladder_level_display_name (framework, self->new_level);
  g_autofree char *name = NULL;
  g_autofree char *counts = NULL;

  if (ladder_category_get_emoji (category) != NULL)
    name = g_strdup_printf ("%s %s", ladder_category_get_emoji (category),
                            ladder_category_get_name (category));
  else
    name = g_strdup (ladder_category_get_name (category));

  if (restated > 0)
    {
      const char *lower = _ladder_level_display_name (framework,
                                                      ladder_framework_get_previous_level (framework,
                                                                                           self->new_level));
      g_autofree char *n_new = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new at %s",
                                                             "%u new at %s", n),
                                                n, target);
      g_autofree char *n_restated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "%u builds on %s",
                                                                  "%u build on %s", restated),
                                                     restated, lower);

      /* Translators: "3 new at Level 3 · 2 build on Level 2" */
      counts = g_strdup_printf (_("%s · %s"), n_new, n_restated);
    }
  else
    counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new at %s", "%u new at %s", n),
                              n, target);

  gtk_label_set_label (GTK_LABEL (title), name);
  gtk_label_set_label (GTK_LABEL (subtitle), counts);
}

static int
compare_new_categories (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  LadderProgressPage *self = user_data;
  guint pa = GPOINTER_TO_UINT (g_hash_table_lookup (self->new_positions,
                                                    ladder_behaviour_get_category ((gpointer) a)));
  guint pb = GPOINTER_TO_UINT (g_hash_table_lookup (self->new_positions,
                                                    ladder_behaviour_get_category ((gpointer) b)));

  return (pa > pb) - (pa < pb);
}

static void
setup_gap_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LadderProgressPage       *self)
{
  gtk_list_item_set_child (item, ladder_gap_row_new ());
  gtk_list_item_set_selectable (item, FALSE);
}

static void
bind_gap_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             LadderProgressPage       *self)
{
  ladder_gap_row_set (LADDER_GAP_ROW (gtk_list_item_get_child (item)), self->profile,
                      gtk_list_item_get_item (item));
}

static void
unbind_gap_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LadderProgressPage       *self)
{
  ladder_gap_row_set (LADDER_GAP_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

/* A category's header: its name and how many behaviours differ. */
static void
setup_gap_header_cb (GtkSignalListItemFactory *factory,
                     GtkListHeader            *header,
                     LadderProgressPage       *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  /* "5 new at Advanced · 1 builds on Intermediate" is wider than a phone:
   * unwrapped, it widened the whole window. */
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_use_markup (GTK_LABEL (title), FALSE);
  gtk_widget_add_css_class (title, "title-4");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_header_set_child (header, box);
}

static void
bind_gap_header_cb (GtkSignalListItemFactory *factory,
                    GtkListHeader            *header,
                    LadderProgressPage       *self)
{
  LadderGap *gap = gtk_list_header_get_item (header);
  LadderCategory *category = ladder_gap_get_category (gap);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_header_get_child (header));
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  guint n = gtk_list_header_get_n_items (header);
  g_autofree char *name = NULL;
  g_autofree char *counts = NULL;

  if (ladder_category_get_emoji (category) != NULL)
    name = g_strdup_printf ("%s %s", ladder_category_get_emoji (category),
                            ladder_category_get_name (category));
  else
    name = g_strdup (ladder_category_get_name (category));
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u behaviour rated differently",
                                         "%u behaviours rated differently", n),
                            n);

  gtk_label_set_label (GTK_LABEL (title), name);
  gtk_label_set_label (GTK_LABEL (subtitle), counts);
}

static void
gap_activate_cb (LadderProgressPage *self,
                 guint               position)
{
  g_autoptr(LadderGap) gap = NULL;

  gap = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (self->gap_list)), position);
  if (gap != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-behaviour", "s",
                                ladder_behaviour_get_id (ladder_gap_get_behaviour (gap)));
}

static void
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LadderProgressPage       *self)
{
  gtk_list_item_set_child (item, ladder_category_card_new ());
}

static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LadderProgressPage       *self)
{
  LadderCategory *category = gtk_list_item_get_item (item);
  g_autofree char *label = NULL;

  ladder_category_card_set (LADDER_CATEGORY_CARD (gtk_list_item_get_child (item)), self->profile,
                            category);
  label = g_strdup_printf (_("Open %s"), ladder_category_get_name (category));
  gtk_list_item_set_accessible_label (item, label);
}

static void
unbind_card_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                LadderProgressPage       *self)
{
  ladder_category_card_set (LADDER_CATEGORY_CARD (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
grid_activate_cb (LadderProgressPage *self,
                  guint               position)
{
  g_autoptr(LadderCategory) category = NULL;

  category = g_list_model_get_item (G_LIST_MODEL (gtk_grid_view_get_model (self->grid)), position);
  if (category != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-category", "s",
                                ladder_category_get_id (category));
}

void
ladder_progress_page_set_profile (LadderProgressPage *self,
                                  LadderProfile      *profile)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (LADDER_IS_PROGRESS_PAGE (self));

  if (self->profile == profile)
    return;

  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_func (self->profile, profile_changed_cb, self);
  gtk_grid_view_set_model (self->grid, NULL);
  g_set_object (&self->profile, profile);
  ladder_focus_group_set_profile (self->focus_group, profile);
  g_clear_pointer (&self->new_level, g_free);
  g_list_store_remove_all (self->new_behaviours);
  update_gaps (self);
  if (self->compare)
    scroll_to_top (self);

  if (profile == NULL)
    return;

  g_signal_connect_swapped (profile, "changed", G_CALLBACK (profile_changed_cb), self);
  update_header (self);
  selection = gtk_no_selection_new (
    g_object_ref (ladder_framework_get_categories (ladder_profile_get_framework (profile))));
  gtk_grid_view_set_model (self->grid, GTK_SELECTION_MODEL (selection));
}

/**
 * ladder_progress_page_get_focus_group:
 * @self: a #LadderProgressPage
 *
 * Returns: (transfer none): the Focus section
 */
LadderFocusGroup *
ladder_progress_page_get_focus_group (LadderProgressPage *self)
{
  g_return_val_if_fail (LADDER_IS_PROGRESS_PAGE (self), NULL);

  return self->focus_group;
}

/**
 * ladder_progress_page_get_compare:
 * @self: a #LadderProgressPage
 *
 * Returns: whether the page shows where the two ratings differ
 */
gboolean
ladder_progress_page_get_compare (LadderProgressPage *self)
{
  g_return_val_if_fail (LADDER_IS_PROGRESS_PAGE (self), FALSE);

  return self->compare;
}

/**
 * ladder_progress_page_set_compare:
 * @self: a #LadderProgressPage
 * @compare: %TRUE for Compare mode, %FALSE for the category cards
 */
void
ladder_progress_page_set_compare (LadderProgressPage *self,
                                  gboolean            compare)
{
  g_return_if_fail (LADDER_IS_PROGRESS_PAGE (self));

  compare = !!compare;
  if (self->compare == compare)
    return;

  self->compare = compare;
  if (compare)
    self->show_new = FALSE;
  adw_toggle_group_set_active_name (self->mode_group,
                                    compare ? "compare" : self->show_new ? "new" : "progress");
  update_gaps (self);
  if (compare)
    scroll_to_top (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPARE]);
}

/**
 * ladder_progress_page_show_new:
 * @self: a #LadderProgressPage
 *
 * Shows what is new at the target level, as its New toggle does.
 */
void
ladder_progress_page_show_new (LadderProgressPage *self)
{
  g_return_if_fail (LADDER_IS_PROGRESS_PAGE (self));

  adw_toggle_group_set_active_name (self->mode_group, "new");
}

static void
ladder_progress_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  LadderProgressPage *self = LADDER_PROGRESS_PAGE (object);

  switch (prop_id)
    {
    case PROP_COMPARE:
      g_value_set_boolean (value, self->compare);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_progress_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  LadderProgressPage *self = LADDER_PROGRESS_PAGE (object);

  switch (prop_id)
    {
    case PROP_COMPARE:
      ladder_progress_page_set_compare (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_progress_page_dispose (GObject *object)
{
  GtkWidget *child;
  LadderProgressPage *self = LADDER_PROGRESS_PAGE (object);

  ladder_progress_page_set_profile (self, NULL);
  g_clear_object (&self->gaps);
  g_clear_object (&self->new_behaviours);
  g_clear_pointer (&self->new_positions, g_hash_table_unref);
  g_clear_pointer (&self->new_restated, g_hash_table_unref);
  g_clear_pointer (&self->new_level, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_PROGRESS_PAGE);
  /* Children the template does not name are ours to drop too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ladder_progress_page_parent_class)->dispose (object);
}

static void
ladder_progress_page_class_init (LadderProgressPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_progress_page_dispose;
  object_class->get_property = ladder_progress_page_get_property;
  object_class->set_property = ladder_progress_page_set_property;

  properties [PROP_COMPARE] =
    g_param_spec_boolean ("compare", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-progress-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderProgressPage, level_title);
  gtk_widget_class_bind_template_child (widget_class, LadderProgressPage, level_subtitle);
  gtk_widget_class_bind_template_child (widget_class, LadderProgressPage, ready_label);
  gtk_widget_class_bind_template_child (widget_class, LadderProgressPage, mode_group);
  gtk_widget_class_bind_template_child (widget_class, LadderProgressPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, LadderProgressPage, grid);
  gtk_widget_class_bind_template_child (widget_class, LadderProgressPage, focus_group);
  gtk_widget_class_bind_template_child (widget_class, LadderProgressPage, gap_list);
  gtk_widget_class_bind_template_child (widget_class, LadderProgressPage, new_list);
  gtk_widget_class_bind_template_child (widget_class, LadderProgressPage, agree_page);
  gtk_widget_class_bind_template_child (widget_class, LadderProgressPage, no_new_page);
  gtk_widget_class_bind_template_callback (widget_class, grid_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, gap_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
ladder_progress_page_init (LadderProgressPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) gap_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) header_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) new_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) new_header_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(GtkNoSelection) new_selection = NULL;
  GtkSortListModel *sorted;
  GtkSortListModel *new_sorted;

  g_type_ensure (LADDER_TYPE_FOCUS_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_card_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_card_cb), self);
  gtk_grid_view_set_factory (self->grid, factory);

  /* The gaps come in agenda order, grouped by category: sorting by the
   * category's rank alone (a stable sort) marks the sections and keeps
   * the order within each. */
  self->gaps = g_list_store_new (LADDER_TYPE_GAP);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->gaps)), NULL);
  gtk_sort_list_model_set_section_sorter (sorted, GTK_SORTER (gtk_numeric_sorter_new (
    gtk_property_expression_new (LADDER_TYPE_GAP, NULL, "category-rank"))));
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_list_view_set_model (self->gap_list, GTK_SELECTION_MODEL (selection));
  g_signal_connect (gap_factory, "setup", G_CALLBACK (setup_gap_cb), self);
  g_signal_connect (gap_factory, "bind", G_CALLBACK (bind_gap_cb), self);
  g_signal_connect (gap_factory, "unbind", G_CALLBACK (unbind_gap_cb), self);
  gtk_list_view_set_factory (self->gap_list, gap_factory);
  g_signal_connect (header_factory, "setup", G_CALLBACK (setup_gap_header_cb), self);
  g_signal_connect (header_factory, "bind", G_CALLBACK (bind_gap_header_cb), self);
  gtk_list_view_set_header_factory (self->gap_list, header_factory);

  /* The new behaviours come in the framework's order; sorting by their
   * category's position alone (a stable sort) marks the sections. */
  self->new_behaviours = g_list_store_new (LADDER_TYPE_BEHAVIOUR);
  self->new_positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->new_restated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  new_sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->new_behaviours)), NULL);
  gtk_sort_list_model_set_section_sorter (new_sorted, GTK_SORTER (gtk_custom_sorter_new (
    compare_new_categories, self, NULL)));
  new_selection = gtk_no_selection_new (G_LIST_MODEL (new_sorted));
  gtk_list_view_set_model (self->new_list, GTK_SELECTION_MODEL (new_selection));
  g_signal_connect (new_factory, "setup", G_CALLBACK (setup_new_cb), self);
  g_signal_connect (new_factory, "bind", G_CALLBACK (bind_new_cb), self);
  g_signal_connect (new_factory, "unbind", G_CALLBACK (unbind_new_cb), self);
  gtk_list_view_set_factory (self->new_list, new_factory);
  g_signal_connect (new_header_factory, "setup", G_CALLBACK (setup_gap_header_cb), self);
  g_signal_connect (new_header_factory, "bind", G_CALLBACK (bind_new_header_cb), self);
  gtk_list_view_set_header_factory (self->new_list, new_header_factory);
}
