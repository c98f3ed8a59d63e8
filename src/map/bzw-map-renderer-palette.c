/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-renderer"

#include "config.h"

#include "bzw-map-renderer-private.h"

/* The colours of the map in the light and the dark style, and the colour
 * of „Ich“, chosen so that no circle has it.
 */

/* Colours of the GNOME palette. */
static const Palette light_palette = {
  { 0.980f, 0.980f, 0.980f, 1.0f },  /* background */
  { 0.141f, 0.122f, 0.192f, 1.0f },  /* Dark 4 text */
  { 0.980f, 0.980f, 0.980f, 0.82f }, /* label background */
  { 0.208f, 0.518f, 0.894f, 1.0f },  /* Blue 3 */
  { 0.369f, 0.361f, 0.392f, 0.85f }, /* Dark 1 */
  { 0.902f, 0.380f, 0.000f, 1.0f },  /* Orange 4 */
  { 0.569f, 0.255f, 0.675f, 1.0f },  /* Purple 3 */
  { 0.878f, 0.106f, 0.141f, 1.0f },  /* Red 3 */
  { 0.110f, 0.443f, 0.847f, 1.0f },  /* Blue 4 */
  { 0.384f, 0.627f, 0.918f, 1.0f },  /* Blue 2 */
  { 0.980f, 0.980f, 0.980f, 1.0f },  /* outline = background */
  { 1.000f, 1.000f, 1.000f, 0.94f },
  { 0.000f, 0.000f, 0.000f, 0.15f },
};

static const Palette dark_palette = {
  { 0.141f, 0.141f, 0.141f, 1.0f },  /* background #242424 */
  { 1.000f, 1.000f, 1.000f, 0.92f },
  { 0.141f, 0.141f, 0.141f, 0.82f },
  { 0.600f, 0.757f, 0.945f, 1.0f },  /* Blue 1 */
  { 0.753f, 0.749f, 0.737f, 0.80f }, /* Light 4 */
  { 1.000f, 0.639f, 0.282f, 1.0f },  /* Orange 2 */
  { 0.863f, 0.541f, 0.867f, 1.0f },  /* Purple 1 */
  { 0.965f, 0.380f, 0.318f, 1.0f },  /* Red 1 */
  { 0.600f, 0.757f, 0.945f, 1.0f },  /* Blue 1 */
  { 0.384f, 0.627f, 0.918f, 1.0f },  /* Blue 2 */
  { 0.141f, 0.141f, 0.141f, 1.0f },
  { 0.188f, 0.188f, 0.188f, 0.95f },
  { 1.000f, 1.000f, 1.000f, 0.15f },
};

const Palette *
_bzw_map_renderer_palette (const BzwMapView *view)
{
  return view->style == BZW_MAP_STYLE_DARK ? &dark_palette : &light_palette;
}

/* „Ich“ is drawn in the first of these that no circle comes near. */
static const BzwMapColor me_light[] = {
  { 0.141f, 0.122f, 0.192f, 1.0f },  /* Dark 4 */
  { 0.380f, 0.208f, 0.514f, 1.0f },  /* Purple 5 */
  { 0.388f, 0.271f, 0.161f, 1.0f },  /* Brown 5 */
};

static const BzwMapColor me_dark[] = {
  { 0.965f, 0.961f, 0.957f, 1.0f },  /* Light 1 */
  { 0.976f, 0.941f, 0.420f, 1.0f },  /* Yellow 1 */
  { 0.561f, 0.941f, 0.643f, 1.0f },  /* Green 1 */
};

static double
color_distance (const BzwMapColor *a,
                const BzwMapColor *b)
{
  return sqrt ((a->red - b->red) * (a->red - b->red) +
               (a->green - b->green) * (a->green - b->green) +
               (a->blue - b->blue) * (a->blue - b->blue));
}

/**
 * _bzw_map_renderer_me_color:
 *
 * Returns: the colour of „Ich“: one that no contact's circle uses, nor
 *   one close to it.
 */
const BzwMapColor *
_bzw_map_renderer_me_color (BzwMapRenderer   *self,
                            const BzwMapView *view)
{
  gboolean dark = view->style == BZW_MAP_STYLE_DARK;
  const BzwMapColor *candidates = dark ? me_dark : me_light;
  guint n_candidates = dark ? G_N_ELEMENTS (me_dark) : G_N_ELEMENTS (me_light);
  guint best = 0;
  double best_distance = -1.0;

  _bzw_map_renderer_ensure_caches (self);
  for (guint k = 0; k < n_candidates; k++)
    {
      double nearest = G_MAXDOUBLE;

      /* Colour 0 is the one of „Ich“ in the graph itself. */
      for (guint c = 0; c < self->n_colors; c++)
        if (self->n_nodes == 0 || c != self->color_index[0])
          nearest = MIN (nearest, color_distance (&candidates[k], &self->colors[c]));
      for (guint c = 0; c < bzw_map_graph_get_n_circles (self->graph); c++)
        {
          const BzwMapCircle *circle = bzw_map_graph_get_circle (self->graph, c);

          nearest = MIN (nearest, color_distance (&candidates[k], &circle->color));
        }

      if (nearest >= ME_COLOR_DISTANCE)
        return &candidates[k];
      if (nearest > best_distance)
        {
          best = k;
          best_distance = nearest;
        }
    }

  return &candidates[best];
}
