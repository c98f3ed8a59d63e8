/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-bar-chart"

#include "config.h"

#include "bzw-bar-chart.h"

#include <math.h>

/* A small bar chart drawn with Cairo: one or two series side by side, with
 * sparse labels under the bars.  Colours follow the theme so it reads in
 * light and dark style.
 */
struct _BzwBarChart
{
  GtkWidget  parent_instance;

  GArray    *first;
  GArray    *second;
  GPtrArray *labels;
  GdkRGBA    first_color;
  GdkRGBA    second_color;
};

G_DEFINE_FINAL_TYPE (BzwBarChart, bzw_bar_chart, GTK_TYPE_WIDGET)

#define LABEL_HEIGHT 18.0

static void
bzw_bar_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  BzwBarChart *self = BZW_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint n = self->first->len;
  guint n_series = self->second->len == n && n > 0 ? 2 : 1;
  double max = 0;
  double slot;
  double bar;
  double chart_height = height - LABEL_HEIGHT;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  G_GNUC_END_IGNORE_DEPRECATIONS
  GdkRGBA fg;
  cairo_t *cr;

  if (n == 0 || width <= 0 || chart_height <= 4)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (style, &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  for (guint i = 0; i < n; i++)
    {
      max = MAX (max, g_array_index (self->first, double, i));
      if (n_series == 2)
        max = MAX (max, g_array_index (self->second, double, i));
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Base line */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.25);
  cairo_rectangle (cr, 0, chart_height - 1, width, 1);
  cairo_fill (cr);

  slot = (double) width / n;
  bar = MAX (1.0, (slot * 0.7) / n_series);

  for (guint i = 0; i < n; i++)
    {
      for (guint s = 0; s < n_series; s++)
        {
          GArray *series = s == 0 ? self->first : self->second;
          const GdkRGBA *color = s == 0 ? &self->first_color : &self->second_color;
          double value = g_array_index (series, double, i);
          double h = max > 0 ? (value / max) * (chart_height - 4) : 0;
          double x = i * slot + slot * 0.15 + s * bar;

          if (h <= 0)
            continue;

          gdk_cairo_set_source_rgba (cr, color);
          cairo_rectangle (cr, round (x), chart_height - 1 - h, MAX (1.0, bar - 1), h);
          cairo_fill (cr);
        }

      if (i < self->labels->len && g_ptr_array_index (self->labels, i) != NULL)
        {
          PangoLayout *layout = gtk_widget_create_pango_layout (widget, g_ptr_array_index (self->labels, i));
          PangoAttrList *attrs = pango_attr_list_new ();
          int lw;
          int lh;

          pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
          pango_layout_set_attributes (layout, attrs);
          pango_layout_get_pixel_size (layout, &lw, &lh);
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
          cairo_move_to (cr, CLAMP (i * slot + slot / 2 - lw / 2.0, 0, width - lw), chart_height + 2);
          pango_cairo_show_layout (cr, layout);
          cairo_new_path (cr);
          pango_attr_list_unref (attrs);
          g_object_unref (layout);
        }
    }

  cairo_destroy (cr);
}

static void
bzw_bar_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 120 : 100;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 140;
}

static void
bzw_bar_chart_finalize (GObject *object)
{
  BzwBarChart *self = BZW_BAR_CHART (object);

  g_clear_pointer (&self->first, g_array_unref);
  g_clear_pointer (&self->second, g_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);

  G_OBJECT_CLASS (bzw_bar_chart_parent_class)->finalize (object);
}

static void
bzw_bar_chart_class_init (BzwBarChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = bzw_bar_chart_finalize;
  widget_class->snapshot = bzw_bar_chart_snapshot;
  widget_class->measure = bzw_bar_chart_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bzw_bar_chart_init (BzwBarChart *self)
{
  self->first = g_array_new (FALSE, FALSE, sizeof (double));
  self->second = g_array_new (FALSE, FALSE, sizeof (double));
  self->labels = g_ptr_array_new_with_free_func (g_free);
  gdk_rgba_parse (&self->first_color, "#3584e4");
  gdk_rgba_parse (&self->second_color, "#2ec27e");
}

GtkWidget *
bzw_bar_chart_new (void)
{
  return g_object_new (BZW_TYPE_BAR_CHART, NULL);
}

/**
 * bzw_bar_chart_set_data:
 * @second: (nullable): a second series beside the first, or %NULL
 * @labels: (nullable): a label per bar, NULL where none is shown
 * @description: what the chart shows, in words, for assistive technology
 */
void
bzw_bar_chart_set_data (BzwBarChart        *self,
                        const double       *first,
                        const double       *second,
                        guint               n,
                        const char * const *labels,
                        const char         *description)
{
  g_return_if_fail (BZW_IS_BAR_CHART (self));

  g_array_set_size (self->first, 0);
  g_array_set_size (self->second, 0);
  g_ptr_array_set_size (self->labels, 0);
  g_array_append_vals (self->first, first, n);
  if (second != NULL)
    g_array_append_vals (self->second, second, n);
  for (guint i = 0; labels != NULL && i < n; i++)
    g_ptr_array_add (self->labels, g_strdup (labels[i]));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bzw_bar_chart_set_colors (BzwBarChart   *self,
                          const GdkRGBA *first,
                          const GdkRGBA *second)
{
  g_return_if_fail (BZW_IS_BAR_CHART (self));

  self->first_color = *first;
  self->second_color = *second;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
