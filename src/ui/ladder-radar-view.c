/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-radar-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-radar-view.h"

/* A radar on screen: core's ladder_radar_draw(), the drawing the PDF can
 * use too, with the labels in the widget's colour and font and the two
 * series in libadwaita's blue and orange, the lighter shades on a dark
 * background so that both read on either. No template: one drawing. */
struct _LadderRadarView
{
  GtkWidget    parent_instance;

  LadderRadar *radar;
};

G_DEFINE_FINAL_TYPE (LadderRadarView, ladder_radar_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RADAR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

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
ladder_radar_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  LadderRadarView *self = LADDER_RADAR_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA first, second, foreground;
  LadderChartStyle style;
  cairo_t *cr;

  if (self->radar == NULL || width <= 0 || height <= 0)
    return;

  /* libadwaita's palette: blue 4 and orange 5 on light, blue 2 and
   * orange 2 on dark. */
  gdk_rgba_parse (&first, dark ? "#62a0ea" : "#1c71d8");
  gdk_rgba_parse (&second, dark ? "#ffa348" : "#c64600");
  gtk_widget_get_color (widget, &foreground);

  ladder_chart_style_init (&style);
  set_colour (&style.foreground, &foreground, 1.0);
  set_colour (&style.grid, &foreground, 0.18);
  set_colour (&style.self, &first, 1.0);
  set_colour (&style.manager, &second, 1.0);
  style.context = gtk_widget_get_pango_context (widget);
  style.font = pango_context_get_font_description (style.context);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  ladder_radar_draw (self->radar, cr, width, height, &style);
  cairo_destroy (cr);
}

static GtkSizeRequestMode
ladder_radar_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ladder_radar_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  /* Narrow enough for a phone; as tall as three quarters of the width
   * given, which the labels beside the spokes leave about square. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 480;
    }
  else
    {
      *minimum = 260;
      *natural = for_size > 0 ? CLAMP (for_size * 3 / 4, 260, 440) : 360;
    }
}

/**
 * ladder_radar_view_set_radar:
 * @self: a #LadderRadarView
 * @radar: (nullable): the radar to draw
 */
void
ladder_radar_view_set_radar (LadderRadarView *self,
                             LadderRadar     *radar)
{
  g_autofree char *description = NULL;

  g_return_if_fail (LADDER_IS_RADAR_VIEW (self));

  if (self->radar == radar)
    return;

  g_clear_pointer (&self->radar, ladder_radar_unref);
  if (radar != NULL)
    self->radar = ladder_radar_ref (radar);

  description = radar != NULL ? ladder_radar_describe (radar) : g_strdup ("");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RADAR]);
}

/**
 * ladder_radar_view_get_radar:
 * @self: a #LadderRadarView
 *
 * Returns: (transfer none) (nullable): the radar drawn
 */
LadderRadar *
ladder_radar_view_get_radar (LadderRadarView *self)
{
  g_return_val_if_fail (LADDER_IS_RADAR_VIEW (self), NULL);

  return self->radar;
}

GtkWidget *
ladder_radar_view_new (void)
{
  return g_object_new (LADDER_TYPE_RADAR_VIEW, NULL);
}

static void
dark_changed_cb (LadderRadarView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ladder_radar_view_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ladder_radar_view_parent_class)->css_changed (widget, change);

  /* The colour and the font come from the style. */
  gtk_widget_queue_draw (widget);
}

static void
ladder_radar_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LadderRadarView *self = LADDER_RADAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_RADAR:
      g_value_set_boxed (value, self->radar);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_radar_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LadderRadarView *self = LADDER_RADAR_VIEW (object);

  switch (prop_id)
    {
    case PROP_RADAR:
      ladder_radar_view_set_radar (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_radar_view_dispose (GObject *object)
{
  LadderRadarView *self = LADDER_RADAR_VIEW (object);

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), dark_changed_cb, self);
  g_clear_pointer (&self->radar, ladder_radar_unref);

  G_OBJECT_CLASS (ladder_radar_view_parent_class)->dispose (object);
}

static void
ladder_radar_view_class_init (LadderRadarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ladder_radar_view_get_property;
  object_class->set_property = ladder_radar_view_set_property;
  object_class->dispose = ladder_radar_view_dispose;
  widget_class->snapshot = ladder_radar_view_snapshot;
  widget_class->get_request_mode = ladder_radar_view_get_request_mode;
  widget_class->measure = ladder_radar_view_measure;
  widget_class->css_changed = ladder_radar_view_css_changed;

  properties [PROP_RADAR] =
    g_param_spec_boxed ("radar", NULL, NULL,
                        LADDER_TYPE_RADAR,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "radar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ladder_radar_view_init (LadderRadarView *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Share of each category’s behaviours shown"),
                                  -1);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (dark_changed_cb), self);
}
