/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-layout"

#include "config.h"

#include "bzw-map-layout-private.h"

/* The Barnes–Hut quadtree: far groups of nodes repel as one body in their
 * centre of mass (O(n log n) per step).
 */

static void
tree_grow (BzwMapLayout *self,
           guint         extra)
{
  if (self->tree_len + extra <= self->tree_cap)
    return;

  self->tree_cap = MAX (self->tree_cap * 2, self->tree_len + extra + 64);
  self->tree = g_renew (QNode, self->tree, self->tree_cap);
}

static inline int
quadrant (const QNode *t,
          double       x,
          double       y)
{
  double h = t->size * 0.5;

  return (x >= t->x0 + h ? 1 : 0) + (y >= t->y0 + h ? 2 : 0);
}

static void
tree_insert (BzwMapLayout *self,
             int           b)
{
  double x = self->x[b];
  double y = self->y[b];
  guint q = 0;
  guint depth = 0;

  while (TRUE)
    {
      QNode *t = &self->tree[q];

      if (t->child >= 0)
        {
          t->mass += 1.0;
          t->cx += x;
          t->cy += y;
          q = t->child + quadrant (t, x, y);
          depth++;
          continue;
        }

      if (t->body < 0)
        {
          t->body = b;
          self->next[b] = -1;
          t->mass = 1.0;
          t->cx = x;
          t->cy = y;
          return;
        }

      if (depth >= MAX_DEPTH)
        {
          self->next[b] = t->body;
          t->body = b;
          t->mass += 1.0;
          t->cx += x;
          t->cy += y;
          return;
        }

      /* Split the leaf and move its body one level down. */
      {
        int old = t->body;
        guint first;
        double h;
        QNode *c;

        tree_grow (self, 4);
        t = &self->tree[q];
        first = self->tree_len;
        self->tree_len += 4;
        h = t->size * 0.5;
        for (guint k = 0; k < 4; k++)
          {
            c = &self->tree[first + k];
            c->cx = c->cy = c->mass = 0.0;
            c->x0 = t->x0 + ((k & 1) ? h : 0.0);
            c->y0 = t->y0 + ((k & 2) ? h : 0.0);
            c->size = h;
            c->child = -1;
            c->body = -1;
          }
        t->child = first;
        t->body = -1;
        c = &self->tree[first + quadrant (t, self->x[old], self->y[old])];
        c->body = old;
        c->mass = 1.0;
        c->cx = self->x[old];
        c->cy = self->y[old];
      }
    }
}

void
_bzw_map_layout_tree_build (BzwMapLayout *self)
{
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  QNode *root;

  for (guint i = 0; i < self->n; i++)
    {
      x1 = MIN (x1, self->x[i]);
      y1 = MIN (y1, self->y[i]);
      x2 = MAX (x2, self->x[i]);
      y2 = MAX (y2, self->y[i]);
    }

  self->tree_len = 0;
  tree_grow (self, 2 * self->n + 1);
  root = &self->tree[0];
  root->cx = root->cy = root->mass = 0.0;
  root->x0 = x1;
  root->y0 = y1;
  root->size = MAX (MAX (x2 - x1, y2 - y1), 1.0) * 1.0001;
  root->child = -1;
  root->body = -1;
  self->tree_len = 1;

  for (guint i = 0; i < self->n; i++)
    tree_insert (self, i);

  for (guint q = 0; q < self->tree_len; q++)
    {
      QNode *t = &self->tree[q];

      if (t->mass > 0.0)
        {
          t->cx /= t->mass;
          t->cy /= t->mass;
        }
    }
}

void
_bzw_map_layout_repulsion_tree (BzwMapLayout *self,
                                guint         i,
                                double       *out_x,
                                double       *out_y)
{
  double xi = self->x[i], yi = self->y[i];
  double theta2 = self->theta * self->theta;
  double fx = 0.0, fy = 0.0;
  int sp = 0;

  self->stack[sp++] = 0;
  while (sp > 0)
    {
      const QNode *t = &self->tree[self->stack[--sp]];

      if (t->mass <= 0.0)
        continue;

      if (t->child < 0)
        {
          for (int b = t->body; b >= 0; b = self->next[b])
            if ((guint) b != i)
              {
                repel (xi - self->x[b], yi - self->y[b], 1.0, i, b, &fx, &fy);
                collide (self, i, b, &fx, &fy);
              }
          continue;
        }

      {
        double dx = xi - t->cx;
        double dy = yi - t->cy;
        double d2 = dx * dx + dy * dy;
        gboolean inside = xi >= t->x0 && xi < t->x0 + t->size && yi >= t->y0 && yi < t->y0 + t->size;

        if (!inside && t->size * t->size < theta2 * d2)
          {
            repel (dx, dy, t->mass, i, G_MAXUINT, &fx, &fy);
          }
        else
          {
            self->stack[sp++] = t->child;
            self->stack[sp++] = t->child + 1;
            self->stack[sp++] = t->child + 2;
            self->stack[sp++] = t->child + 3;
          }
      }
    }

  *out_x += fx;
  *out_y += fy;
}
