/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-category-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-behaviour-row.h"
#include "ladder-category-page.h"
#include "ladder-ui-private.h"

struct _LadderCategoryPage
{
  AdwNavigationPage  parent_instance;

  LadderProfile     *profile;
  LadderCategory    *category;
  char              *revealed_id;
  /* What is new at the target level in this category: the level
   * compared, and behaviour id → LadderGrowthPair of its behaviours. */
  char              *growth_level;
  GPtrArray         *growth_pairs;
  GHashTable        *growth;

  GtkScrolledWindow *scrolled;
  GtkListView       *list;
};

G_DEFINE_FINAL_TYPE (LadderCategoryPage, ladder_category_page, ADW_TYPE_NAVIGATION_PAGE)

static gboolean
in_category (gpointer item,
             gpointer user_data)
{
  return g_strcmp0 (ladder_behaviour_get_category (item), user_data) == 0;
}

static int
compare_levels (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  LadderProfile *profile = user_data;
  LadderFramework *framework = ladder_profile_get_framework (profile);
  const char *current = ladder_profile_get_current_level (profile);
  int ka = _ladder_level_sort_key (framework, current, ladder_behaviour_get_level ((gpointer) a));
  int kb = _ladder_level_sort_key (framework, current, ladder_behaviour_get_level ((gpointer) b));

  return (ka > kb) - (ka < kb);
}

/* The pairs are made again only when the target level changes: the
 * framework of a profile does not. */
static void
ensure_growth (LadderCategoryPage *self)
{
  LadderFramework *framework = ladder_profile_get_framework (self->profile);
  const char *target = ladder_profile_get_target_level (self->profile);
  const char *lower;

  if (self->growth != NULL && g_strcmp0 (target, self->growth_level) == 0)
    return;

  g_clear_pointer (&self->growth, g_hash_table_unref);
  g_clear_pointer (&self->growth_pairs, g_ptr_array_unref);
  g_free (self->growth_level);
  self->growth_level = g_strdup (target);
  self->growth = g_hash_table_new (g_str_hash, g_str_equal);

  lower = target != NULL ? ladder_framework_get_previous_level (framework, target) : NULL;
  if (lower == NULL)
    return;

  self->growth_pairs = ladder_framework_pair_levels (framework, target, lower,
                                                     ladder_category_get_id (self->category));
  for (guint i = 0; i < self->growth_pairs->len; i++)
    {
      LadderGrowthPair *pair = self->growth_pairs->pdata[i];

      g_hash_table_insert (self->growth, (gpointer) ladder_behaviour_get_id (pair->behaviour), pair);
    }
}

/* Marks the row of a target level's behaviour new, or folds it under the
 * lower one it builds on. */
static void
show_growth (LadderCategoryPage *self,
             LadderBehaviourRow *row)
{
  LadderBehaviour *behaviour = ladder_behaviour_row_get_behaviour (row);
  LadderGrowthPair *pair;

  ensure_growth (self);
  pair = behaviour != NULL ? g_hash_table_lookup (self->growth, ladder_behaviour_get_id (behaviour))
                           : NULL;
  ladder_behaviour_row_set_growth (row,
                                   pair != NULL ? _ladder_level_display_name (ladder_profile_get_framework (self->profile),
                                                                              self->growth_level)
                                                : NULL,
                                   pair != NULL ? pair->builds_on : NULL);
}

static void
show_growth_in (LadderCategoryPage *self,
                GtkWidget          *widget)
{
  if (LADDER_IS_BEHAVIOUR_ROW (widget))
    {
      show_growth (self, LADDER_BEHAVIOUR_ROW (widget));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    show_growth_in (self, child);
}

/* Another target level: the rows already made are marked again. */
static void
target_level_changed_cb (LadderCategoryPage *self)
{
  show_growth_in (self, GTK_WIDGET (self->list));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LadderCategoryPage       *self)
{
  gtk_list_item_set_child (item, ladder_behaviour_row_new ());
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             LadderCategoryPage       *self)
{
  LadderBehaviour *behaviour = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);

  ladder_behaviour_row_set (LADDER_BEHAVIOUR_ROW (row), self->profile, behaviour);
  show_growth (self, LADDER_BEHAVIOUR_ROW (row));
  /* The list's row around it, whose card the mark outlines. */
  if (g_strcmp0 (ladder_behaviour_get_id (behaviour), self->revealed_id) == 0)
    gtk_widget_add_css_class (gtk_widget_get_parent (row), "revealed");
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LadderCategoryPage       *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  ladder_behaviour_row_set (LADDER_BEHAVIOUR_ROW (row), NULL, NULL);
  gtk_widget_remove_css_class (gtk_widget_get_parent (row), "revealed");
}

/* A level's header: its name, whether it is the current or the target
 * level, and shown / total in this category, kept up to date. */
static void
update_header (GtkListHeader *header)
{
  LadderCategoryPage *self = g_object_get_data (G_OBJECT (header), "ladder-page");
  LadderBehaviour *behaviour = gtk_list_header_get_item (header);
  GtkWidget *box = gtk_list_header_get_child (header);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  LadderFramework *framework = ladder_profile_get_framework (self->profile);
  const char *level = ladder_behaviour_get_level (behaviour);
  g_autofree char *counts = NULL;
  guint shown = 0, total = 0;

  ladder_profile_count_shown (self->profile, level, ladder_category_get_id (self->category),
                              ladder_profile_get_owner (self->profile), &shown, &total);

  if (g_strcmp0 (level, ladder_profile_get_current_level (self->profile)) == 0)
    /* Translators: "Current level · 4 of 9 shown" */
    counts = g_strdup_printf (_("Current level · %u of %u shown"), shown, total);
  else if (g_strcmp0 (level, ladder_profile_get_target_level (self->profile)) == 0)
    {
      guint n_new = 0;
      GHashTableIter iter;
      LadderGrowthPair *pair;

      ensure_growth (self);
      g_hash_table_iter_init (&iter, self->growth);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &pair))
        n_new += pair->builds_on == NULL;
      if (g_hash_table_size (self->growth) > 0)
        /* Translators: "Target level · 4 of 9 shown · 3 new" */
        counts = g_strdup_printf (_("Target level · %u of %u shown · %u new"), shown, total, n_new);
      else
        counts = g_strdup_printf (_("Target level · %u of %u shown"), shown, total);
    }
  else
    counts = g_strdup_printf (_("%u of %u shown"), shown, total);

  gtk_label_set_label (GTK_LABEL (title), _ladder_level_display_name (framework, level));
  gtk_label_set_label (GTK_LABEL (subtitle), counts);
}

static void
setup_header_cb (GtkSignalListItemFactory *factory,
                 GtkListHeader            *header,
                 LadderCategoryPage       *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-4");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_start (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_header_set_child (header, box);
  g_object_set_data (G_OBJECT (header), "ladder-page", self);
}

static void
bind_header_cb (GtkSignalListItemFactory *factory,
                GtkListHeader            *header,
                LadderCategoryPage       *self)
{
  update_header (header);
  g_signal_connect_swapped (self->profile, "changed", G_CALLBACK (update_header), header);
}

static void
unbind_header_cb (GtkSignalListItemFactory *factory,
                  GtkListHeader            *header,
                  LadderCategoryPage       *self)
{
  g_signal_handlers_disconnect_by_func (self->profile, update_header, header);
}

static guint
find_behaviour (LadderCategoryPage *self,
                const char         *behaviour_id)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->list));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LadderBehaviour) behaviour = g_list_model_get_item (model, i);

      if (g_strcmp0 (ladder_behaviour_get_id (behaviour), behaviour_id) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Once the page is shown, the list starts from the very top, its first
 * header in view, or at the behaviour it was opened for. */
static void
ladder_category_page_shown (AdwNavigationPage *page)
{
  LadderCategoryPage *self = LADDER_CATEGORY_PAGE (page);
  guint position = self->revealed_id != NULL ? find_behaviour (self, self->revealed_id)
                                             : GTK_INVALID_LIST_POSITION;

  if (position == GTK_INVALID_LIST_POSITION)
    {
      _ladder_scroll_to_top (self->scrolled);
      return;
    }

  /* The focus too: a keyboard opened it, and goes on from there. */
  gtk_list_view_scroll_to (self->list, position, GTK_LIST_SCROLL_FOCUS, NULL);
}

void
ladder_category_page_reveal_behaviour (LadderCategoryPage *self,
                                       const char         *behaviour_id)
{
  g_return_if_fail (LADDER_IS_CATEGORY_PAGE (self));

  g_free (self->revealed_id);
  self->revealed_id = g_strdup (behaviour_id);
}

static void
ladder_category_page_dispose (GObject *object)
{
  LadderCategoryPage *self = LADDER_CATEGORY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_CATEGORY_PAGE);
  g_clear_object (&self->category);
  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_func (self->profile, target_level_changed_cb, self);
  g_clear_object (&self->profile);
  g_clear_pointer (&self->revealed_id, g_free);
  g_clear_pointer (&self->growth, g_hash_table_unref);
  g_clear_pointer (&self->growth_pairs, g_ptr_array_unref);
  g_clear_pointer (&self->growth_level, g_free);

  G_OBJECT_CLASS (ladder_category_page_parent_class)->dispose (object);
}

static void
ladder_category_page_class_init (LadderCategoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_category_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-category-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderCategoryPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, LadderCategoryPage, list);
  ADW_NAVIGATION_PAGE_CLASS (klass)->shown = ladder_category_page_shown;
}

static void
ladder_category_page_init (LadderCategoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AdwNavigationPage *
ladder_category_page_new (LadderProfile  *profile,
                          LadderCategory *category)
{
  LadderCategoryPage *self;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) header_factory = gtk_signal_list_item_factory_new ();
  GtkCustomFilter *filter;
  GtkSorter *sorter;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  g_autofree char *title = NULL;
  const char *emoji;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (LADDER_IS_CATEGORY (category), NULL);

  emoji = ladder_category_get_emoji (category);
  if (emoji != NULL && *emoji != '\0')
    title = g_strdup_printf ("%s %s", emoji, ladder_category_get_name (category));
  else
    title = g_strdup (ladder_category_get_name (category));

  self = g_object_new (LADDER_TYPE_CATEGORY_PAGE,
                       "title", title,
                       "tag", "category",
                       NULL);
  self->profile = g_object_ref (profile);
  self->category = g_object_ref (category);
  g_signal_connect_swapped (profile, "notify::target-level", G_CALLBACK (target_level_changed_cb), self);

  filter = gtk_custom_filter_new (in_category, g_strdup (ladder_category_get_id (category)),
                                  g_free);
  filtered = gtk_filter_list_model_new (
    g_object_ref (ladder_framework_get_behaviours (ladder_profile_get_framework (profile))),
    GTK_FILTER (filter));
  /* A stable sort by level keeps the framework's reading order within one. */
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_levels, g_object_ref (profile), g_object_unref));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), g_object_ref (sorter));
  gtk_sort_list_model_set_section_sorter (sorted, sorter);
  g_object_unref (sorter);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  g_signal_connect (header_factory, "setup", G_CALLBACK (setup_header_cb), self);
  g_signal_connect (header_factory, "bind", G_CALLBACK (bind_header_cb), self);
  g_signal_connect (header_factory, "unbind", G_CALLBACK (unbind_header_cb), self);

  gtk_list_view_set_factory (self->list, factory);
  gtk_list_view_set_header_factory (self->list, header_factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (sorted))));

  return ADW_NAVIGATION_PAGE (self);
}
