/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-team-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-radar-dialog.h"
#include "ladder-team-card.h"
#include "ladder-team-view.h"
#include "ladder-ui-private.h"

/* The Team view: the profiles of the library whose owner is the manager
 * (a GtkFilterListModel that watches "owner"), filtered by framework and
 * sorted by ladder_team_summary_compare() in a GtkGridView of
 * LadderTeamCard. Sorting compares the summaries of every card, so the
 * view keeps one per profile until the profile changes; a card sums its
 * profile up again on each change. The figures need no evidence entry
 * read (see ladder_team_summary_new()).
 *
 * A grid view makes a card for every item up to thirty rows of its
 * columns, far more than a window shows: fifty cards, each a dozen
 * widgets with their text laid out, doubled the time to the frame that
 * shows a manager's team. The grid gets the first screen of people
 * until it has drawn them, and everyone from the frame after: as many
 * as fill the view (ladder_team_view_set_first_screen_size()), else
 * FIRST_SCREEN. */
#define FIRST_SCREEN 20
/* A card's least width (style.css), about the least height it takes with
 * its spacing, and the height of the bar above the grid: how many cards
 * fill a view of a size. */
#define CARD_WIDTH 200
#define CARD_HEIGHT 260
#define BAR_HEIGHT 60
#define MAX_COLUMNS 5

/* Before the library has loaded, the view can show the team as the
 * library's heads sum it up (ladder_library_peek_team()): a card per
 * summary, in the order chosen, each a LadderTeamPreview in a list of
 * their own, until the window ends it (ladder_team_view_set_preview())
 * and the cards take the profiles the library lists. A card activated
 * meanwhile opens its person then. */
#define LADDER_TYPE_TEAM_PREVIEW (ladder_team_preview_get_type ())
G_DECLARE_FINAL_TYPE (LadderTeamPreview, ladder_team_preview, LADDER, TEAM_PREVIEW, GObject)

struct _LadderTeamPreview
{
  GObject            parent_instance;
  LadderTeamSummary *summary;
};

G_DEFINE_FINAL_TYPE (LadderTeamPreview, ladder_team_preview, G_TYPE_OBJECT)

static void
ladder_team_preview_finalize (GObject *object)
{
  ladder_team_summary_free (LADDER_TEAM_PREVIEW (object)->summary);

  G_OBJECT_CLASS (ladder_team_preview_parent_class)->finalize (object);
}

static void
ladder_team_preview_class_init (LadderTeamPreviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ladder_team_preview_finalize;
}

static void
ladder_team_preview_init (LadderTeamPreview *self)
{
}

struct _LadderTeamView
{
  GtkWidget           parent_instance;

  LadderLibrary      *library;
  GtkFilterListModel *people;         /* the profiles the user manages */
  GtkFilterListModel *filtered;       /* of them, on the chosen framework */
  GtkSortListModel   *sorted;
  GtkSliceListModel  *first_screen;   /* of sorted, what the grid shows */
  guint               first_screen_size;
  gulong              painted_id;     /* waiting for it to be drawn */
  gboolean            focus_when_drawn;
  /* People came or moved while the view was not shown: the grid would
   * keep in view the card it had first, wherever they put it. Shown
   * again, it starts at the top. */
  gboolean            moved_unseen;
  GtkCustomFilter    *framework_filter;
  GtkCustomSorter    *sorter;
  LadderTeamOrder     order;
  char               *framework_id;   /* shown only, or NULL for all */
  GPtrArray          *framework_ids;  /* of the dropdown's items; NULL first */
  GHashTable         *summaries;      /* LadderProfile → LadderTeamSummary */
  GListStore         *preview;        /* LadderTeamPreview, before the load */
  char               *activated_id;   /* a preview's, to open once listed */
  guint               resort_id;
  gboolean            updating_frameworks;

  GtkStack           *stack;
  GtkDropDown        *order_dropdown;
  GtkDropDown        *framework_dropdown;
  GtkStringList      *framework_names;
  GtkGridView        *grid;
};

G_DEFINE_FINAL_TYPE (LadderTeamView, ladder_team_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_N_PEOPLE,
  PROP_N_SHOWN,
  PROP_ORDER,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  PROFILE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void profile_changed_cb (LadderProfile  *profile,
                                LadderTeamView *self);

/* Unmapped, the view waits for no frame: it waits again when shown. */
static void
ladder_team_view_unmap_painted (LadderTeamView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock != NULL)
    g_clear_signal_handler (&self->painted_id, clock);
  self->painted_id = 0;
}

static void focus_first_card (LadderTeamView *self);

/* The first screen of cards is on screen: the grid may show everyone,
 * and the keyboard go to the first card when asked before. */
static void
first_screen_painted_cb (GdkFrameClock  *clock,
                         LadderTeamView *self)
{
  gboolean focus = self->focus_when_drawn;

  /* Cleared first: showing everyone must not wait for another frame
   * (show_everyone_after_paint()), from within this one's handlers. */
  g_clear_signal_handler (&self->painted_id, clock);
  self->focus_when_drawn = FALSE;
  gtk_slice_list_model_set_size (self->first_screen, G_MAXUINT);
  if (focus)
    focus_first_card (self);
}

static void
show_everyone_after_paint (LadderTeamView *self)
{
  GdkFrameClock *clock;

  if (self->first_screen == NULL || self->painted_id != 0 ||
      (gtk_slice_list_model_get_size (self->first_screen) == G_MAXUINT && !self->focus_when_drawn))
    return;

  /* Not before there is a card to draw, or the first frame would show
   * none and the next one everyone. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      g_list_model_get_n_items (G_LIST_MODEL (self->first_screen)) == 0)
    return;

  self->painted_id = g_signal_connect (clock, "after-paint", G_CALLBACK (first_screen_painted_cb), self);
}

/* The first card on top, and the keyboard's in the grid, should it go
 * there: after another order or filter, Tab into the grid lands on the
 * first card, not on the one that had the keyboard before, wherever it
 * went. */
static void
show_first (LadderTeamView *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->first_screen)) > 0)
    gtk_grid_view_scroll_to (self->grid, 0, GTK_LIST_SCROLL_FOCUS, NULL);
}

/* The summary of @profile as of its last change, kept for the sorter. */
static const LadderTeamSummary *
get_summary (LadderTeamView *self,
             LadderProfile  *profile)
{
  LadderTeamSummary *summary = g_hash_table_lookup (self->summaries, profile);

  if (summary == NULL)
    {
      g_autoptr(GDate) today = _ladder_date_new_today ();

      summary = ladder_team_summary_new (profile, today);
      g_hash_table_insert (self->summaries, g_object_ref (profile), summary);
      if (g_signal_handler_find (profile, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                                 profile_changed_cb, self) == 0)
        g_signal_connect_object (profile, "changed", G_CALLBACK (profile_changed_cb), self, 0);
    }

  return summary;
}

static gboolean
resort_cb (gpointer data)
{
  LadderTeamView *self = data;

  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->grid));
  gboolean at_top = vadjustment == NULL ||
                    gtk_adjustment_get_value (vadjustment) <= gtk_adjustment_get_lower (vadjustment);

  self->resort_id = 0;
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->moved_unseen = TRUE;
  /* The grid keeps the card it had at the top in view, wherever it
   * moved: a manager looking at the top of the team stays there. */
  else if (at_top && g_list_model_get_n_items (G_LIST_MODEL (self->first_screen)) > 0)
    gtk_grid_view_scroll_to (self->grid, 0, GTK_LIST_SCROLL_NONE, NULL);

  return G_SOURCE_REMOVE;
}

/* A profile changed: its summary is made again when next asked for, and
 * the cards take their places again once the changes of the moment are
 * over (a merge or a loaded file changes many at once). */
static void
profile_changed_cb (LadderProfile  *profile,
                    LadderTeamView *self)
{
  g_hash_table_remove (self->summaries, profile);
  if (self->resort_id == 0)
    self->resort_id = g_idle_add (resort_cb, self);
}

static int
compare_profiles (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  LadderTeamView *self = user_data;

  return ladder_team_summary_compare (get_summary (self, LADDER_PROFILE ((gpointer) a)),
                                      get_summary (self, LADDER_PROFILE ((gpointer) b)),
                                      self->order);
}

static int
compare_previews (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  LadderTeamView *self = user_data;

  return ladder_team_summary_compare (LADDER_TEAM_PREVIEW ((gpointer) a)->summary,
                                      LADDER_TEAM_PREVIEW ((gpointer) b)->summary, self->order);
}

static gboolean
on_framework (gpointer item,
              gpointer user_data)
{
  LadderTeamView *self = user_data;

  return self->framework_id == NULL ||
         g_strcmp0 (ladder_framework_get_id (ladder_profile_get_framework (LADDER_PROFILE (item))),
                    self->framework_id) == 0;
}

static gboolean
is_managed (gpointer    item,
            LadderRater owner,
            gpointer    user_data)
{
  return owner == LADDER_RATER_MANAGER;
}

/* Whether another of @frameworks has the name of the @index-th. */
static gboolean
name_is_shared (GPtrArray *frameworks,
                guint      index)
{
  const char *name = ladder_framework_get_name (g_ptr_array_index (frameworks, index));

  for (guint i = 0; i < frameworks->len; i++)
    if (i != index && g_strcmp0 (ladder_framework_get_name (g_ptr_array_index (frameworks, i)), name) == 0)
      return TRUE;

  return FALSE;
}

/* How many frameworks the people shown from the heads are on. */
static guint
count_previewed_frameworks (LadderTeamView *self)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = self->preview != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->preview)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderTeamPreview) preview = g_list_model_get_item (G_LIST_MODEL (self->preview), i);

      g_hash_table_add (ids, preview->summary->framework_id);
    }

  return g_hash_table_size (ids);
}

/* The dropdown lists the frameworks of the people managed, by name (and
 * organisation, where two share a name: companies' tracks are often
 * called the same), after "All Frameworks"; it shows only when there are
 * two or more. */
static void
update_frameworks (LadderTeamView *self)
{
  GListModel *people = G_LIST_MODEL (self->people);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) frameworks = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint n = g_list_model_get_n_items (people);
  guint selected = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (people, i);
      LadderFramework *framework = ladder_profile_get_framework (profile);

      if (g_hash_table_add (seen, (gpointer) ladder_framework_get_id (framework)))
        g_ptr_array_add (frameworks, framework);
    }

  g_ptr_array_set_size (self->framework_ids, 0);
  g_ptr_array_add (self->framework_ids, NULL);
  g_strv_builder_add (names, _("All Frameworks"));
  for (guint i = 0; i < frameworks->len; i++)
    {
      LadderFramework *framework = g_ptr_array_index (frameworks, i);
      const char *id = ladder_framework_get_id (framework);

      const char *organisation = ladder_framework_get_organisation (framework);

      g_ptr_array_add (self->framework_ids, g_strdup (id));
      if (name_is_shared (frameworks, i) && organisation != NULL && *organisation != '\0')
        /* Translators: a framework in the Team view's filter, when
         * another has its name: "Backend Engineering (Monzo)" */
        g_strv_builder_take (names, g_strdup_printf (_("%s (%s)"), ladder_framework_get_name (framework),
                                                     organisation));
      else
        g_strv_builder_add (names, ladder_framework_get_name (framework));
      if (g_strcmp0 (id, self->framework_id) == 0)
        selected = i + 1;
    }

  strv = g_strv_builder_end (names);
  self->updating_frameworks = TRUE;
  gtk_string_list_splice (self->framework_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->framework_names)),
                          (const char * const *) strv);
  gtk_drop_down_set_selected (self->framework_dropdown, selected);
  self->updating_frameworks = FALSE;
  /* The team shown from the heads takes the place its filter will
   * have, before it can filter. */
  gtk_widget_set_visible (GTK_WIDGET (self->framework_dropdown),
                          frameworks->len > 1 || count_previewed_frameworks (self) > 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->framework_dropdown), self->preview == NULL);

  /* A framework no one is on any more shows everyone again. */
  if (selected == 0 && self->framework_id != NULL)
    ladder_team_view_set_framework_filter (self, NULL);
}

static void
people_changed_cb (LadderTeamView *self,
                   guint           position,
                   guint           removed,
                   guint           added)
{
  guint n = ladder_team_view_get_n_people (self);

  /* Let go of the summaries of profiles that may have left. */
  if (removed > 0)
    g_hash_table_remove_all (self->summaries);

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "team" : "empty");
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->moved_unseen = TRUE;
  show_everyone_after_paint (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "team.compare",
                                 g_list_model_get_n_items (G_LIST_MODEL (self->people)) > 0);
  update_frameworks (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_PEOPLE]);
}

static void
shown_changed_cb (LadderTeamView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_SHOWN]);
}

static void
order_selected_cb (LadderTeamView *self)
{
  ladder_team_view_set_order (self, gtk_drop_down_get_selected (self->order_dropdown));
}

static void
framework_selected_cb (LadderTeamView *self)
{
  guint selected = gtk_drop_down_get_selected (self->framework_dropdown);

  if (self->updating_frameworks || selected >= self->framework_ids->len)
    return;

  ladder_team_view_set_framework_filter (self, g_ptr_array_index (self->framework_ids, selected));
}

static void
grid_activate_cb (LadderTeamView *self,
                  guint           position)
{
  g_autoptr(LadderProfile) profile = NULL;

  if (self->preview != NULL)
    {
      g_autoptr(LadderTeamPreview) preview = g_list_model_get_item (G_LIST_MODEL (self->preview), position);

      if (preview != NULL)
        g_set_str (&self->activated_id, preview->summary->id);
      return;
    }

  profile = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  if (profile != NULL)
    g_signal_emit (self, signals[PROFILE_ACTIVATED], 0, profile);
}

/* Compare…: the first person shown against the team; the dialog
 * chooses another. */
static void
ladder_team_view_compare_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  LadderTeamView *self = LADDER_TEAM_VIEW (widget);
  g_autoptr(LadderProfile) first = g_list_model_get_item (G_LIST_MODEL (self->sorted), 0);

  adw_dialog_present (ladder_radar_dialog_new (G_LIST_MODEL (self->people), first), widget);
}

static void
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LadderTeamView           *self)
{
  gtk_list_item_set_child (item, ladder_team_card_new ());
}

static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LadderTeamView           *self)
{
  gpointer object = gtk_list_item_get_item (item);
  LadderProfile *profile = LADDER_IS_PROFILE (object) ? object : NULL;
  const LadderTeamSummary *summary;

  if (profile != NULL)
    summary = get_summary (self, profile);
  else
    summary = LADDER_TEAM_PREVIEW (object)->summary;

  ladder_team_card_set_profile (LADDER_TEAM_CARD (gtk_list_item_get_child (item)), profile, summary);
  /* Whose card it is, whether of a profile or a preview: the keyboard
   * stays on it when the profiles take the previews' place. */
  g_object_set_data_full (G_OBJECT (gtk_list_item_get_child (item)), "ladder-team-id",
                          g_strdup (summary->id), g_free);
  gtk_list_item_set_accessible_label (item, summary->name != NULL ? summary->name : _("Unnamed"));
}

static void
unbind_card_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                LadderTeamView           *self)
{
  ladder_team_card_set_profile (LADDER_TEAM_CARD (gtk_list_item_get_child (item)), NULL, NULL);
}

void
ladder_team_view_set_library (LadderTeamView *self,
                              LadderLibrary  *library)
{
  g_return_if_fail (LADDER_IS_TEAM_VIEW (self));
  g_return_if_fail (library == NULL || LADDER_IS_LIBRARY (library));

  if (!g_set_object (&self->library, library))
    return;

  g_hash_table_remove_all (self->summaries);
  gtk_filter_list_model_set_model (self->people,
                                   library != NULL ? ladder_library_get_profiles (library) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LIBRARY]);
}

/**
 * ladder_team_view_set_preview:
 * @self: a #LadderTeamView
 * @team: (nullable) (element-type LadderTeamSummary): the team as
 *   ladder_library_peek_team() sums it up, or %NULL
 *
 * Shows @team, before the library has listed its people: a card per
 * summary, in the view's order, as their profiles' cards will show them.
 * %NULL ends it: the cards are the profiles' of the library again, and
 * one that was activated meanwhile opens its person, when listed.
 */
void
ladder_team_view_set_preview (LadderTeamView *self,
                              GPtrArray      *team)
{
  g_autofree char *activated_id = NULL;

  g_autofree char *focused_id = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  g_return_if_fail (LADDER_IS_TEAM_VIEW (self));

  if (team == NULL && self->preview == NULL)
    return;

  /* The card the keyboard is on: a grid item, whose child is the card. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->grid)))
    {
      GtkWidget *card = gtk_widget_get_first_child (focus);

      if (!LADDER_IS_TEAM_CARD (card))
        card = gtk_widget_get_ancestor (focus, LADDER_TYPE_TEAM_CARD);
      if (card != NULL)
        focused_id = g_strdup (g_object_get_data (G_OBJECT (card), "ladder-team-id"));
    }

  g_clear_object (&self->preview);
  activated_id = g_steal_pointer (&self->activated_id);
  if (team != NULL)
    {
      self->preview = g_list_store_new (LADDER_TYPE_TEAM_PREVIEW);
      for (guint i = 0; i < team->len; i++)
        {
          g_autoptr(LadderTeamPreview) preview = g_object_new (LADDER_TYPE_TEAM_PREVIEW, NULL);

          preview->summary = ladder_team_summary_copy (g_ptr_array_index (team, i));
          g_list_store_append (self->preview, preview);
        }
      g_list_store_sort (self->preview, compare_previews, self);
    }

  /* The grid's first screen of previews, then everyone, as for the
   * profiles (see FIRST_SCREEN); the profiles take as many places as the
   * previews had, in the same order. */
  if (self->preview != NULL)
    {
      ladder_team_view_unmap_painted (self);
      gtk_slice_list_model_set_size (self->first_screen, self->first_screen_size);
    }
  gtk_slice_list_model_set_model (self->first_screen,
                                  self->preview != NULL ? G_LIST_MODEL (self->preview) : G_LIST_MODEL (self->sorted));

  people_changed_cb (self, 0, 0, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_SHOWN]);

  for (guint i = 0; focused_id != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->first_screen)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->first_screen), i);

      if (LADDER_IS_PROFILE (item) && g_strcmp0 (ladder_profile_get_id (LADDER_PROFILE (item)), focused_id) == 0)
        {
          gtk_grid_view_scroll_to (self->grid, i, GTK_LIST_SCROLL_FOCUS, NULL);
          gtk_widget_grab_focus (GTK_WIDGET (self->grid));
          break;
        }
    }

  if (activated_id != NULL && team == NULL)
    {
      GListModel *people = G_LIST_MODEL (self->people);

      for (guint i = 0; i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr(LadderProfile) profile = g_list_model_get_item (people, i);

          if (g_strcmp0 (ladder_profile_get_id (profile), activated_id) == 0)
            {
              g_signal_emit (self, signals[PROFILE_ACTIVATED], 0, profile);
              break;
            }
        }
    }
}

guint
ladder_team_view_get_n_people (LadderTeamView *self)
{
  g_return_val_if_fail (LADDER_IS_TEAM_VIEW (self), 0);

  if (self->preview != NULL)
    return g_list_model_get_n_items (G_LIST_MODEL (self->preview));

  return g_list_model_get_n_items (G_LIST_MODEL (self->people));
}

/* How many people the view has, and shows when filtered, in words: the
 * window's subtitle while it is shown. */
char *
ladder_team_view_describe_count (LadderTeamView *self)
{
  guint n, shown;

  g_return_val_if_fail (LADDER_IS_TEAM_VIEW (self), NULL);

  n = ladder_team_view_get_n_people (self);
  shown = ladder_team_view_get_n_shown (self);
  if (shown < n)
    /* Translators: the Team view's subtitle, filtered by a framework */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u person", "%u of %u people", n),
                            shown, n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n), n);
}

/* How many people the view shows: those on the framework it is filtered
 * by, else everyone it has. */
guint
ladder_team_view_get_n_shown (LadderTeamView *self)
{
  g_return_val_if_fail (LADDER_IS_TEAM_VIEW (self), 0);

  if (self->preview != NULL)
    return g_list_model_get_n_items (G_LIST_MODEL (self->preview));

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

GListModel *
ladder_team_view_get_people (LadderTeamView *self)
{
  g_return_val_if_fail (LADDER_IS_TEAM_VIEW (self), NULL);

  return G_LIST_MODEL (self->people);
}

GListModel *
ladder_team_view_get_shown (LadderTeamView *self)
{
  g_return_val_if_fail (LADDER_IS_TEAM_VIEW (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

void
ladder_team_view_set_order (LadderTeamView  *self,
                            LadderTeamOrder  order)
{
  g_return_if_fail (LADDER_IS_TEAM_VIEW (self));
  g_return_if_fail (order <= LADDER_TEAM_ORDER_LEVEL);

  if (gtk_drop_down_get_selected (self->order_dropdown) != order)
    gtk_drop_down_set_selected (self->order_dropdown, order);
  if (self->order == order)
    return;

  self->order = order;
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  if (self->preview != NULL)
    g_list_store_sort (self->preview, compare_previews, self);
  show_first (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ORDER]);
}

LadderTeamOrder
ladder_team_view_get_order (LadderTeamView *self)
{
  g_return_val_if_fail (LADDER_IS_TEAM_VIEW (self), LADDER_TEAM_ORDER_ATTENTION);

  return self->order;
}

void
ladder_team_view_set_framework_filter (LadderTeamView *self,
                                       const char     *framework_id)
{
  g_return_if_fail (LADDER_IS_TEAM_VIEW (self));

  if (!g_set_str (&self->framework_id, framework_id))
    return;

  for (guint i = 0; i < self->framework_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->framework_ids, i), framework_id) == 0 &&
        gtk_drop_down_get_selected (self->framework_dropdown) != i)
      gtk_drop_down_set_selected (self->framework_dropdown, i);

  gtk_filter_changed (GTK_FILTER (self->framework_filter), GTK_FILTER_CHANGE_DIFFERENT);
  show_first (self);
}

/**
 * ladder_team_view_set_first_screen_size:
 * @self: a #LadderTeamView
 * @width: the width the view is to have
 * @height: its height
 *
 * Says the size the view is to have when it is first drawn, before it has
 * one: its first frame then makes the cards that fill it, not more, and
 * the others come in the frame after.
 */
void
ladder_team_view_set_first_screen_size (LadderTeamView *self,
                                        int             width,
                                        int             height)
{
  guint columns, rows;

  g_return_if_fail (LADDER_IS_TEAM_VIEW (self));

  columns = CLAMP (width / CARD_WIDTH, 1, MAX_COLUMNS);
  rows = MAX (height - BAR_HEIGHT, 0) / CARD_HEIGHT + 1;
  self->first_screen_size = columns * rows;
  if (gtk_slice_list_model_get_size (self->first_screen) != G_MAXUINT)
    gtk_slice_list_model_set_size (self->first_screen, self->first_screen_size);
}

/**
 * ladder_team_view_focus_first:
 * @self: a #LadderTeamView
 *
 * Puts the keyboard on the first card: at once when the cards are drawn,
 * else once they are.
 */
void
ladder_team_view_focus_first (LadderTeamView *self)
{
  g_return_if_fail (LADDER_IS_TEAM_VIEW (self));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self->grid)) || self->painted_id != 0)
    {
      self->focus_when_drawn = TRUE;
      show_everyone_after_paint (self);
      return;
    }

  focus_first_card (self);
}

static void
focus_first_card (LadderTeamView *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (gtk_grid_view_get_model (self->grid))) == 0)
    return;

  /* The grid gives its focus to the item it tracks, the first at first;
   * scrolling to an item does not move the focus before the window has
   * given the grid a focus of its own. */
  gtk_grid_view_scroll_to (self->grid, 0, GTK_LIST_SCROLL_FOCUS, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->grid));
}

static void
ladder_team_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LadderTeamView *self = LADDER_TEAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_N_PEOPLE:
      g_value_set_uint (value, ladder_team_view_get_n_people (self));
      break;

    case PROP_N_SHOWN:
      g_value_set_uint (value, ladder_team_view_get_n_shown (self));
      break;

    case PROP_ORDER:
      g_value_set_uint (value, self->order);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_team_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LadderTeamView *self = LADDER_TEAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      ladder_team_view_set_library (self, g_value_get_object (value));
      break;

    case PROP_ORDER:
      ladder_team_view_set_order (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_team_view_map (GtkWidget *widget)
{
  LadderTeamView *self = LADDER_TEAM_VIEW (widget);

  GTK_WIDGET_CLASS (ladder_team_view_parent_class)->map (widget);
  if (self->moved_unseen)
    {
      self->moved_unseen = FALSE;
      show_first (self);
    }
  show_everyone_after_paint (self);
}

static void
ladder_team_view_unmap (GtkWidget *widget)
{
  /* A narrow window's layout may unmap the view before its first
   * cards are drawn: the keyboard still goes to them once they are. */
  ladder_team_view_unmap_painted (LADDER_TEAM_VIEW (widget));
  GTK_WIDGET_CLASS (ladder_team_view_parent_class)->unmap (widget);
}

static void
ladder_team_view_dispose (GObject *object)
{
  LadderTeamView *self = LADDER_TEAM_VIEW (object);

  g_clear_handle_id (&self->resort_id, g_source_remove);
  ladder_team_view_unmap_painted (self);
  if (self->grid != NULL)
    gtk_grid_view_set_model (self->grid, NULL);
  if (self->people != NULL)
    g_signal_handlers_disconnect_by_func (self->people, people_changed_cb, self);
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_func (self->filtered, shown_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_TEAM_VIEW);
  g_clear_object (&self->first_screen);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->people);
  g_clear_object (&self->library);
  g_clear_pointer (&self->summaries, g_hash_table_unref);
  g_clear_object (&self->preview);

  G_OBJECT_CLASS (ladder_team_view_parent_class)->dispose (object);
}

static void
ladder_team_view_finalize (GObject *object)
{
  LadderTeamView *self = LADDER_TEAM_VIEW (object);

  g_free (self->framework_id);
  g_free (self->activated_id);
  g_ptr_array_unref (self->framework_ids);

  G_OBJECT_CLASS (ladder_team_view_parent_class)->finalize (object);
}

static void
ladder_team_view_class_init (LadderTeamViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ladder_team_view_get_property;
  object_class->set_property = ladder_team_view_set_property;
  object_class->dispose = ladder_team_view_dispose;
  object_class->finalize = ladder_team_view_finalize;
  widget_class->map = ladder_team_view_map;
  widget_class->unmap = ladder_team_view_unmap;

  properties [PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         LADDER_TYPE_LIBRARY,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties [PROP_N_PEOPLE] =
    g_param_spec_uint ("n-people", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE |
                        G_PARAM_STATIC_STRINGS));

  /* Of them, those on the framework the view is filtered by. */
  /* A #LadderTeamOrder. */
  properties [PROP_ORDER] =
    g_param_spec_uint ("order", NULL, NULL,
                       0, LADDER_TEAM_ORDER_LEVEL, LADDER_TEAM_ORDER_ATTENTION,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties [PROP_N_SHOWN] =
    g_param_spec_uint ("n-shown", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LadderTeamView::profile-activated:
   * @self: the view
   * @profile: the person whose card was activated
   *
   * A card was clicked, or Enter pressed on it: show the person.
   */
  signals[PROFILE_ACTIVATED] = g_signal_new ("profile-activated", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, LADDER_TYPE_PROFILE);

  gtk_widget_class_install_action (widget_class, "team.compare", NULL, ladder_team_view_compare_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ladder-team-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderTeamView, stack);
  gtk_widget_class_bind_template_child (widget_class, LadderTeamView, order_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LadderTeamView, framework_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LadderTeamView, framework_names);
  gtk_widget_class_bind_template_child (widget_class, LadderTeamView, grid);
  gtk_widget_class_bind_template_callback (widget_class, order_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, framework_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, grid_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "teamview");
}

static void
ladder_team_view_init (LadderTeamView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkExpression *params[1];
  GtkExpression *owner_is_manager;
  GtkBoolFilter *managed;

  self->summaries = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref,
                                           (GDestroyNotify) ladder_team_summary_free);
  self->framework_ids = g_ptr_array_new_with_free_func (g_free);
  self->order = LADDER_TEAM_ORDER_ATTENTION;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Whose copy a profile is can change (a merge): the model watches it. */
  params[0] = gtk_property_expression_new (LADDER_TYPE_PROFILE, NULL, "owner");
  owner_is_manager = gtk_cclosure_expression_new (G_TYPE_BOOLEAN, NULL, 1, params,
                                                  G_CALLBACK (is_managed), NULL, NULL);
  managed = gtk_bool_filter_new (owner_is_manager);
  self->people = gtk_filter_list_model_new (NULL, GTK_FILTER (managed));
  gtk_filter_list_model_set_watch_items (self->people, TRUE);
  g_signal_connect_swapped (self->people, "items-changed", G_CALLBACK (people_changed_cb), self);

  self->framework_filter = gtk_custom_filter_new (on_framework, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->people)),
                                              GTK_FILTER (self->framework_filter));
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (shown_changed_cb), self);
  self->sorter = gtk_custom_sorter_new (compare_profiles, self, NULL);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                          GTK_SORTER (self->sorter));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_card_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_card_cb), self);
  gtk_grid_view_set_factory (self->grid, factory);
  self->first_screen_size = FIRST_SCREEN;
  self->first_screen = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->sorted)), 0,
                                                 self->first_screen_size);
  g_signal_connect_swapped (self->first_screen, "items-changed", G_CALLBACK (show_everyone_after_paint), self);
  gtk_grid_view_set_model (self->grid,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->first_screen)))));

  people_changed_cb (self, 0, 0, 0);
}

GtkWidget *
ladder_team_view_new (void)
{
  return g_object_new (LADDER_TYPE_TEAM_VIEW, NULL);
}
