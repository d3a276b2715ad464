/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-summary-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-chart-view.h"
#include "ladder-readiness-dialog.h"
#include "ladder-summary-page.h"
#include "ladder-ui-private.h"

/* The Summary tab: where the profile stands, as the PDF summary opens,
 * and the buttons that make that PDF or print it (win.export-pdf,
 * win.print). The chart is of the current level, self and manager.
 *
 * The readiness line names the framework's rule in its tooltip, and
 * "summary.edit-readiness" edits the rule of the profile's own copy of
 * the framework (saved with the profile). */
struct _LadderSummaryPage
{
  GtkWidget        parent_instance;

  LadderProfile   *profile;

  GtkLabel        *level_title;
  GtkLabel        *readiness;
  LadderChartView *chart;
  GtkLabel        *chart_caption;
  AdwActionRow    *self_row;
  AdwActionRow    *manager_row;
};

G_DEFINE_FINAL_TYPE (LadderSummaryPage, ladder_summary_page, GTK_TYPE_WIDGET)

/* "12 of 20 shown · Level 2 · C" for one rater. */
static char *
describe_rater (LadderProfile *profile,
                LadderRater    rater)
{
  LadderFramework *framework = ladder_profile_get_framework (profile);
  const char *current = ladder_profile_get_current_level (profile);
  const char *sublevel;
  guint shown, total;

  if (current == NULL)
    return g_strdup (_("No current level"));

  ladder_profile_count_shown (profile, current, NULL, rater, &shown, &total);
  sublevel = ladder_profile_get_sublevel (profile, current, rater);

  if (sublevel != NULL)
    /* Translators: "12 of 20 shown · Level 2 · C" */
    return g_strdup_printf (_("%u of %u shown · %s · %s"), shown, total,
                            _ladder_level_display_name (framework, current), sublevel);

  /* Translators: "12 of 20 shown · Level 2" */
  return g_strdup_printf (_("%u of %u shown · %s"), shown, total,
                          _ladder_level_display_name (framework, current));
}

static void
update (LadderSummaryPage *self)
{
  LadderFramework *framework = ladder_profile_get_framework (self->profile);
  LadderRater owner = ladder_profile_get_owner (self->profile);
  const char *current = ladder_profile_get_current_level (self->profile);
  LadderLevel *next = current != NULL ? ladder_framework_get_next_level (framework, current) : NULL;
  g_autoptr(LadderChart) chart = ladder_chart_new (self->profile, NULL);
  g_autofree char *title = _ladder_profile_describe_level (self->profile);
  g_autofree char *readiness = NULL;
  g_autofree char *self_text = describe_rater (self->profile, LADDER_RATER_SELF);
  g_autofree char *manager_text = describe_rater (self->profile, LADDER_RATER_MANAGER);
  gboolean ready = ladder_profile_is_ready (self->profile, owner);
  g_autofree char *rule = ladder_framework_describe_readiness (framework);

  if (current == NULL)
    readiness = g_strdup (_("Choose a current level to see your progress"));
  else if (next == NULL)
    readiness = g_strdup (_("At the highest level of the framework"));
  else if (ready)
    readiness = g_strdup_printf (_("Ready for %s"),
                                 _ladder_level_display_name (framework, ladder_level_get_id (next)));
  else
    {
      guint missing = ladder_profile_count_missing_for_ready (self->profile, owner);

      /* Translators: "Ready for Level 4 with 3 more behaviours shown" */
      readiness = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Ready for %s with %u more behaviour shown",
                                                "Ready for %s with %u more behaviours shown", missing),
                                   _ladder_level_display_name (framework, ladder_level_get_id (next)),
                                   missing);
    }

  gtk_label_set_label (self->level_title, title);
  gtk_label_set_label (self->readiness, readiness);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->readiness), rule);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.edit-readiness",
                                 !ladder_profile_get_read_only (self->profile));
  if (ready)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->readiness), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (self->readiness), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->readiness), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->readiness), "dim-label");
    }
  adw_action_row_set_subtitle (self->self_row, self_text);
  adw_action_row_set_subtitle (self->manager_row, manager_text);
  ladder_chart_view_set_chart (self->chart, chart);

  /* The chart is the PDF's radar, and says how it counts as the PDF does. */
  gtk_widget_set_visible (GTK_WIDGET (self->chart_caption), current != NULL);
  if (current != NULL)
    {
      g_autofree char *caption = g_strdup_printf (_("Per category, the share of the behaviours of %s that each side "
                                                    "rates Consistently, Sometimes counting half; behaviours rated "
                                                    "Not Applicable are left out."),
                                                  _ladder_level_display_name (framework, current));

      gtk_label_set_label (self->chart_caption, caption);
    }
}

void
ladder_summary_page_set_profile (LadderSummaryPage *self,
                                 LadderProfile     *profile)
{
  g_return_if_fail (LADDER_IS_SUMMARY_PAGE (self));

  if (self->profile == profile)
    return;

  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_func (self->profile, update, self);
  g_set_object (&self->profile, profile);

  if (profile == NULL)
    {
      ladder_chart_view_set_chart (self->chart, NULL);
      return;
    }

  g_signal_connect_swapped (profile, "changed", G_CALLBACK (update), self);
  update (self);
  /* Another person's summary reads from its top. */
  _ladder_scroll_to_top (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self->chart),
                                                                     GTK_TYPE_SCROLLED_WINDOW)));
}

static void
ladder_summary_page_edit_readiness_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  LadderSummaryPage *self = LADDER_SUMMARY_PAGE (widget);
  LadderReadinessDialog *dialog;

  if (self->profile == NULL || ladder_profile_get_read_only (self->profile))
    return;

  dialog = ladder_readiness_dialog_new (ladder_profile_get_framework (self->profile),
                                        _("This profile’s own rule, saved with it. The framework "
                                          "in the library and other profiles keep theirs."));
  adw_dialog_present (ADW_DIALOG (dialog), widget);
}

static void
ladder_summary_page_dispose (GObject *object)
{
  LadderSummaryPage *self = LADDER_SUMMARY_PAGE (object);
  GtkWidget *child;

  if (self->chart != NULL)
    ladder_summary_page_set_profile (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_SUMMARY_PAGE);
  /* Children the template does not name are ours to drop too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ladder_summary_page_parent_class)->dispose (object);
}

static void
ladder_summary_page_class_init (LadderSummaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_summary_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-summary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderSummaryPage, level_title);
  gtk_widget_class_bind_template_child (widget_class, LadderSummaryPage, readiness);
  gtk_widget_class_bind_template_child (widget_class, LadderSummaryPage, chart);
  gtk_widget_class_bind_template_child (widget_class, LadderSummaryPage, chart_caption);
  gtk_widget_class_bind_template_child (widget_class, LadderSummaryPage, self_row);
  gtk_widget_class_bind_template_child (widget_class, LadderSummaryPage, manager_row);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "summary.edit-readiness", NULL,
                                   ladder_summary_page_edit_readiness_action);
}

static void
ladder_summary_page_init (LadderSummaryPage *self)
{
  g_type_ensure (LADDER_TYPE_CHART_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
}
