/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-chart-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ladder-chart-view.h"

/* The chart on screen: the same drawing as in the PDF (src/core's
 * ladder_chart_draw()), with the labels in the widget's colour and font
 * and the two raters in colours that read on the window's background.
 * It has no template: it is one drawing, no children. */
struct _LadderChartView
{
  GtkWidget    parent_instance;

  LadderChart *chart;
};

G_DEFINE_FINAL_TYPE (LadderChartView, ladder_chart_view, GTK_TYPE_WIDGET)

static void
set_colour (LadderChartColour *colour,
            const GdkRGBA     *rgba,
            double             alpha)
{
  colour->red = rgba->red;
  colour->green = rgba->green;
  colour->blue = rgba->blue;
  colour->alpha = rgba->alpha * alpha;
}

static void
ladder_chart_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  LadderChartView *self = LADDER_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  /* GNOME's palette: blue and orange, lighter on a dark background. */
  GdkRGBA self_colour = { 0x1c / 255.0, 0x71 / 255.0, 0xd8 / 255.0, 1 };
  GdkRGBA manager_colour = { 0xc6 / 255.0, 0x46 / 255.0, 0x00 / 255.0, 1 };
  GdkRGBA foreground;
  LadderChartStyle style;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  if (dark)
    {
      gdk_rgba_parse (&self_colour, "#62a0ea");
      gdk_rgba_parse (&manager_colour, "#ffa348");
    }

  gtk_widget_get_color (widget, &foreground);
  ladder_chart_style_init (&style);
  set_colour (&style.foreground, &foreground, 1.0);
  set_colour (&style.grid, &foreground, 0.16);
  set_colour (&style.self, &self_colour, 1.0);
  set_colour (&style.manager, &manager_colour, 1.0);
  style.context = gtk_widget_get_pango_context (widget);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ladder_chart_draw (self->chart, cr, width, height, &style);
  cairo_destroy (cr);
}

/* What the chart shows, for a screen reader: one sentence per axis. */
static void
update_description (LadderChartView *self)
{
  g_autoptr(GString) description = g_string_new (NULL);
  guint n = self->chart != NULL ? ladder_chart_get_n_axes (self->chart) : 0;

  for (guint i = 0; i < n; i++)
    {
      double self_share = ladder_chart_get_share (self->chart, i, LADDER_RATER_SELF);
      double manager_share = ladder_chart_get_share (self->chart, i, LADDER_RATER_MANAGER);

      if (description->len > 0)
        g_string_append (description, " ");
      if (isnan (self_share) && isnan (manager_share))
        /* Translators: one axis of the chart where no behaviour counts, "Craft: nothing to rate." */
        g_string_append_printf (description, _("%s: nothing to rate."),
                                ladder_chart_get_label (self->chart, i));
      else
        /* Translators: one axis of the chart, the share each side sees shown, Sometimes
         * counting half: "Craft: self 75 %, manager 50 %." */
        g_string_append_printf (description, _("%s: self %d %%, manager %d %%."),
                                ladder_chart_get_label (self->chart, i),
                                (int) lround ((isnan (self_share) ? 0 : self_share) * 100),
                                (int) lround ((isnan (manager_share) ? 0 : manager_share) * 100));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

/**
 * ladder_chart_view_set_chart:
 * @self: a #LadderChartView
 * @chart: (nullable): the chart to draw
 */
void
ladder_chart_view_set_chart (LadderChartView *self,
                             LadderChart     *chart)
{
  g_return_if_fail (LADDER_IS_CHART_VIEW (self));

  if (self->chart == chart)
    return;

  g_clear_pointer (&self->chart, ladder_chart_unref);
  if (chart != NULL)
    self->chart = ladder_chart_ref (chart);

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * ladder_chart_view_get_chart:
 * @self: a #LadderChartView
 *
 * Returns: (transfer none) (nullable): the chart drawn
 */
LadderChart *
ladder_chart_view_get_chart (LadderChartView *self)
{
  g_return_val_if_fail (LADDER_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

GtkWidget *
ladder_chart_view_new (void)
{
  return g_object_new (LADDER_TYPE_CHART_VIEW, NULL);
}

static void
dark_changed_cb (LadderChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ladder_chart_view_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ladder_chart_view_parent_class)->css_changed (widget, change);

  /* The colour and the font come from the style. */
  gtk_widget_queue_draw (widget);
}

static void
ladder_chart_view_dispose (GObject *object)
{
  LadderChartView *self = LADDER_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), dark_changed_cb, self);
  g_clear_pointer (&self->chart, ladder_chart_unref);

  G_OBJECT_CLASS (ladder_chart_view_parent_class)->dispose (object);
}

static void
ladder_chart_view_class_init (LadderChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_chart_view_dispose;
  widget_class->snapshot = ladder_chart_view_snapshot;
  widget_class->css_changed = ladder_chart_view_css_changed;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ladder_chart_view_init (LadderChartView *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Behaviours shown by category"),
                                  -1);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (dark_changed_cb), self);
}
