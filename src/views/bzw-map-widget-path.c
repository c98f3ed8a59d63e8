/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-widget"

#include "config.h"

#include "bzw-map-widget-private.h"

#include "bzw-introductions.h"
#include "bzw-map-path.h"

#include <glib/gi18n.h>
#include <string.h>

/* „Wie erreiche ich …?“: a name, or a need („sucht: Steuerberatung“) that
 * a contact offers, becomes the strongest introduction path from "Ich"
 * (map/bzw-map-path.c), marked on the map and told in words.
 */

/* The text after @prefix at the start of @query, in any case, or NULL. */
static const char *
after_prefix (const char *query,
              const char *prefix)
{
  g_autofree char *folded_prefix = g_utf8_casefold (prefix, -1);
  glong n_chars = g_utf8_strlen (prefix, -1);
  const char *end = query;
  g_autofree char *start = NULL;

  for (glong i = 0; i < n_chars; i++)
    {
      if (*end == '\0')
        return NULL;
      end = g_utf8_next_char (end);
    }

  start = g_utf8_casefold (query, end - query);
  return g_str_equal (start, folded_prefix) ? end : NULL;
}

/* The text after „sucht:“ (or the English „looking for:“), or NULL when
 * @query is a name.
 */
static const char *
need_of (const char *query)
{
  /* Translators: typed before a need in „Wie erreiche ich …?“, lower case. */
  const char *need = after_prefix (query, _("looking for:"));

  return need != NULL ? need : after_prefix (query, "looking for:");
}

/* The visible contact best reached whose name or offer matches. */
static int
find_target (BzwMapWidget *self,
             BzwMapPaths  *paths,
             const char   *query)
{
  const char *need = need_of (query);
  guint n = bzw_map_graph_get_n_nodes (self->graph);
  double best = -1.0;
  int found = -1;

  for (guint i = 1; i < n; i++)
    {
      BzwMapNode *node = bzw_map_graph_get_node (self->graph, i);
      double weight = bzw_map_paths_get_weight (paths, i);
      gboolean match;

      if (!_bzw_map_widget_is_visible (self, i) || weight <= best)
        continue;

      if (need != NULL)
        {
          g_autoptr(BzwContact) contact = bzw_store_dup_contact (self->store, node->contact_id, NULL);

          match = contact != NULL && bzw_words_offer_meets (bzw_contact_get_offers (contact), need);
        }
      else
        {
          match = g_str_match_string (query, node->label, TRUE);
        }

      if (match)
        {
          best = weight;
          found = i;
        }
    }

  return found;
}

static BzwMapPaths *
new_paths (BzwMapWidget *self)
{
  guint n = bzw_map_graph_get_n_nodes (self->graph);
  g_autofree gboolean *excluded = g_new0 (gboolean, n);

  for (guint i = 1; i < n; i++)
    excluded[i] = !_bzw_map_widget_is_visible (self, i);

  return bzw_map_paths_new (self->graph, excluded);
}

static void
clear_path (BzwMapWidget *self)
{
  g_clear_pointer (&self->path, g_array_unref);
  g_clear_pointer (&self->path_text, g_free);
  self->view.path = NULL;
}

/* Reads the path to @target again, after the map was read again. */
static void
set_path_to (BzwMapWidget *self,
             BzwMapPaths  *paths,
             int           target)
{
  BzwMapNode *node = _bzw_map_widget_get_node (self, target);
  g_autofree char *chain = NULL;

  clear_path (self);
  self->path_target = node != NULL ? node->contact_id : 0;
  if (node == NULL)
    return;

  self->path = bzw_map_paths_dup_path (paths, target);
  chain = bzw_map_paths_describe (paths, target);
  if (chain != NULL)
    /* Translators: a name, then „über Anna (stark) → Bernd (mittel)“. */
    self->path_text = g_strdup_printf (_("%s: %s"), node->label, chain);
  else
    /* Translators: %s is a name. */
    self->path_text = g_strdup_printf (_("%s: no way through your contacts"), node->label);
  self->view.path = self->path;
}

void
_bzw_map_widget_update_path (BzwMapWidget *self)
{
  g_autoptr(BzwMapPaths) paths = NULL;
  guint index;

  if (self->path_target <= 0 || self->graph == NULL)
    {
      clear_path (self);
      return;
    }

  if (!bzw_map_graph_lookup (self->graph, self->path_target, &index))
    {
      clear_path (self);
      self->path_target = 0;
      return;
    }

  paths = new_paths (self);
  set_path_to (self, paths, index);
}

/**
 * bzw_map_widget_show_path:
 * @query: (nullable): a name, or „sucht: “ and a need; empty clears
 *
 * Marks the strongest introduction path from "Ich" to the contact that
 * matches @query: by name, or the best reached of those who offer all the
 * need's words.  The contact is selected.
 *
 * Returns: (nullable): the path in words, or %NULL when nothing matched
 */
const char *
bzw_map_widget_show_path (BzwMapWidget *self,
                          const char   *query)
{
  g_autoptr(BzwMapPaths) paths = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (query != NULL ? query : ""));
  int target;

  g_return_val_if_fail (BZW_IS_MAP_WIDGET (self), NULL);

  _bzw_map_widget_ensure_loaded (self);
  self->path_target = 0;
  clear_path (self);

  if (self->graph != NULL && stripped[0] != '\0')
    {
      paths = new_paths (self);
      target = find_target (self, paths, stripped);
      if (target > 0)
        {
          set_path_to (self, paths, target);
          _bzw_map_widget_select_node (self, target);
          _bzw_map_widget_reveal_node (self, target, FALSE);
        }
    }

  _bzw_map_widget_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return self->path_text;
}
