/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "map-fixture.h"

#include <glib/gstdio.h>

#define DAY 86400

static gint64
add_circle (BzwStore   *store,
            const char *name,
            const char *color)
{
  g_autoptr(BzwCircle) circle = bzw_circle_new ();
  g_autoptr(GError) error = NULL;

  bzw_circle_set_name (circle, name);
  bzw_circle_set_color (circle, color);
  bzw_store_save_circle (store, circle, &error);
  g_assert_no_error (error);
  return bzw_circle_get_id (circle);
}

static gint64
add_contact (BzwStore   *store,
             const char *given,
             const char *family,
             gint64      circle_id,
             gboolean    met)
{
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("%s %s", given, family);

  bzw_contact_set_display_name (contact, name);
  bzw_contact_set_given_name (contact, given);
  bzw_contact_set_family_name (contact, family);
  if (met)
    bzw_contact_set_met_how (contact, "Arbeit");
  if (circle_id > 0)
    {
      g_autoptr(GArray) circles = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_array_append_val (circles, circle_id);
      bzw_contact_set_circle_ids (contact, circles);
    }
  bzw_store_save_contact (store, contact, &error);
  g_assert_no_error (error);
  return bzw_contact_get_id (contact);
}

static void
relate (BzwStore   *store,
        gint64      a,
        gint64      b,
        const char *kind,
        int         strength)
{
  g_autoptr(BzwRelationship) rel = bzw_relationship_new ();
  g_autoptr(GError) error = NULL;

  bzw_relationship_set_a_id (rel, a);
  bzw_relationship_set_b_id (rel, b);
  bzw_relationship_set_kind (rel, kind);
  bzw_relationship_set_strength (rel, strength);
  bzw_store_save_relationship (store, rel, &error);
  g_assert_no_error (error);
}

static void
meet (BzwStore   *store,
      gint64      contact,
      int         days_ago,
      BzwChannel  channel)
{
  g_autoptr(BzwEncounter) encounter = bzw_encounter_new ();
  g_autoptr(GError) error = NULL;

  bzw_encounter_set_happened_at (encounter, MAP_FIXTURE_NOW - (gint64) days_ago * DAY);
  bzw_encounter_set_channel (encounter, channel);
  bzw_encounter_add_participant (encounter, contact, NULL);
  bzw_store_save_encounter (store, encounter, &error);
  g_assert_no_error (error);
}

static void
favour (BzwStore   *store,
        gint64      from,
        gint64      to,
        const char *day,
        gint64      cents)
{
  g_autoptr(BzwFavour) f = bzw_favour_new ();
  g_autoptr(GError) error = NULL;
  BzwParty a = { from, NULL }, b = { to, NULL };

  bzw_favour_set_from (f, &a);
  bzw_favour_set_to (f, &b);
  bzw_favour_set_day (f, day);
  bzw_favour_set_direction (f, BZW_FAVOUR_OFFERED);
  bzw_favour_set_state (f, BZW_FAVOUR_DONE);
  bzw_favour_set_description (f, "Hilfe");
  bzw_favour_set_value_cents (f, cents);
  bzw_store_save_favour (store, f, &error);
  g_assert_no_error (error);
}

static void
refer (BzwStore   *store,
       gint64      giver,
       gint64      receiver,
       const char *referred,
       gint64      cents)
{
  g_autoptr(BzwReferral) r = bzw_referral_new ();
  g_autoptr(GError) error = NULL;
  BzwParty a = { giver, NULL }, b = { receiver, NULL }, c = { 0, (char *) referred };

  bzw_referral_set_giver (r, &a);
  bzw_referral_set_receiver (r, &b);
  bzw_referral_set_referred (r, &c);
  bzw_referral_set_day (r, "2024-04-10");
  bzw_referral_set_effort (r, 3);
  bzw_referral_set_state (r, BZW_REFERRAL_WON);
  bzw_referral_set_value_cents (r, cents);
  bzw_store_save_referral (store, r, &error);
  g_assert_no_error (error);
}

/**
 * map_fixture_fill_store:
 *
 * A small network like the example one: five circles, fifteen contacts
 * met in different ways and at different times, relationships of every
 * kind, favours and referrals with a cycle of giving (me → Anna → Jonas →
 * me), a second-degree contact and an archived one.
 */
void
map_fixture_fill_store (BzwStore      *store,
                        MapFixtureIds *ids)
{
  gint64 family = add_circle (store, "Familie", "#ed333b");
  gint64 friends = add_circle (store, "Freunde", "#2ec27e");
  gint64 colleagues = add_circle (store, "Ehemalige Kollegen", "#f5c211");
  gint64 clients = add_circle (store, "Kunden", "#b5835a");
  gint64 group = add_circle (store, "Empfehlungsgruppe", "#c061cb");
  gint64 c[16];
  g_autoptr(BzwContact) archived = NULL;
  g_autoptr(GError) error = NULL;

  c[0] = add_contact (store, "Anna", "Becker", group, TRUE);
  c[1] = add_contact (store, "Jonas", "Weber", group, TRUE);
  c[2] = add_contact (store, "Lena", "Hoffmann", friends, TRUE);
  c[3] = add_contact (store, "Murat", "Yılmaz", colleagues, TRUE);
  c[4] = add_contact (store, "Sophie", "Wagner", friends, TRUE);
  c[5] = add_contact (store, "Thomas", "Schulz", colleagues, TRUE);
  c[6] = add_contact (store, "Katrin", "Meyer", family, TRUE);
  c[7] = add_contact (store, "Felix", "Braun", family, TRUE);
  c[8] = add_contact (store, "Mia", "Schröder", clients, TRUE);
  c[9] = add_contact (store, "Paul", "Neumann", clients, TRUE);
  c[10] = add_contact (store, "Hannah", "Krüger", group, TRUE);
  c[11] = add_contact (store, "David", "Wolf", colleagues, TRUE);
  c[12] = add_contact (store, "Laura", "Fischer", friends, TRUE);
  c[13] = add_contact (store, "Ben", "Schmidt", 0, TRUE);
  /* Known only through Murat. */
  c[14] = add_contact (store, "Elif", "Demir", colleagues, FALSE);
  c[15] = add_contact (store, "Otto", "Archiv", friends, TRUE);

  archived = bzw_store_dup_contact (store, c[15], &error);
  g_assert_no_error (error);
  bzw_contact_set_archived (archived, TRUE);
  bzw_store_save_contact (store, archived, &error);
  g_assert_no_error (error);

  relate (store, c[0], c[1], "business-partner", 4);
  relate (store, c[0], c[10], "business-partner", 3);
  relate (store, c[1], c[10], "colleague", 2);
  relate (store, c[2], c[4], "friend", 5);
  relate (store, c[2], c[12], "friend", 3);
  relate (store, c[4], c[12], "friend", 4);
  relate (store, c[3], c[5], "colleague", 4);
  relate (store, c[3], c[11], "colleague", 3);
  relate (store, c[5], c[11], "colleague", 2);
  relate (store, c[3], c[14], "colleague", 3);
  relate (store, c[6], c[7], "family", 5);
  relate (store, c[8], c[9], "business-partner", 2);
  relate (store, c[9], c[0], "introduced", 3);
  relate (store, c[13], c[2], "acquaintance", 2);

  meet (store, c[0], 3, BZW_CHANNEL_IN_PERSON);
  meet (store, c[0], 40, BZW_CHANNEL_IN_PERSON);
  meet (store, c[0], 90, BZW_CHANNEL_VIDEO);
  meet (store, c[1], 10, BZW_CHANNEL_IN_PERSON);
  meet (store, c[1], 200, BZW_CHANNEL_PHONE);
  meet (store, c[2], 14, BZW_CHANNEL_IN_PERSON);
  meet (store, c[2], 60, BZW_CHANNEL_MESSAGE);
  meet (store, c[3], 400, BZW_CHANNEL_IN_PERSON);
  meet (store, c[4], 30, BZW_CHANNEL_PHONE);
  meet (store, c[5], 700, BZW_CHANNEL_EVENT);
  meet (store, c[6], 5, BZW_CHANNEL_IN_PERSON);
  meet (store, c[6], 20, BZW_CHANNEL_IN_PERSON);
  meet (store, c[6], 45, BZW_CHANNEL_PHONE);
  meet (store, c[7], 100, BZW_CHANNEL_IN_PERSON);
  meet (store, c[8], 25, BZW_CHANNEL_VIDEO);
  meet (store, c[9], 150, BZW_CHANNEL_MESSAGE);
  meet (store, c[10], 8, BZW_CHANNEL_EVENT);
  meet (store, c[12], 300, BZW_CHANNEL_ONLINE);

  favour (store, 0, c[0], "2024-05-02", 15000);
  favour (store, c[0], c[1], "2024-05-10", 5000);
  favour (store, c[1], 0, "2024-05-20", 2000);
  favour (store, c[4], 0, "2024-03-01", 0);
  refer (store, c[10], 0, "Bäckerei Sonne", 250000);
  refer (store, 0, c[8], "Kanzlei Roth", 40000);

  if (ids != NULL)
    {
      ids->anna = c[0];
      ids->jonas = c[1];
      ids->lena = c[2];
      ids->murat = c[3];
      ids->stranger = c[14];
      ids->archived = c[15];
      ids->n_contacts = 15;
    }
}

static guint64
next_random (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/**
 * map_fixture_clustered:
 *
 * A synthetic network of @n_nodes contacts in clusters of 20 to 50, each
 * cluster a ring with random chords (about 2.6 relationships per contact),
 * some bridges between clusters, and a line from "Ich" to every contact.
 * Deterministic for a given seed.
 */
BzwMapGraph *
map_fixture_clustered (guint   n_nodes,
                       guint32 seed)
{
  BzwMapGraph *graph = bzw_map_graph_new ();
  guint64 state = seed;
  guint start = 1;
  guint prev_start = 0;

  for (guint i = 1; i <= n_nodes; i++)
    {
      char label[32];
      char initials[3] = { 'A' + i % 26, 'A' + (i / 26) % 26, 0 };
      BzwMapNode *node;
      guint index;

      g_snprintf (label, sizeof label, "Kontakt %u", i);
      index = bzw_map_graph_add_node (graph, i, label, initials);
      node = bzw_map_graph_get_node (graph, index);
      node->strength = (next_random (&state) % 1000) / 1000.0;
      node->days_since = next_random (&state) % 800;
    }

  while (start <= n_nodes)
    {
      guint size = 20 + next_random (&state) % 31;
      guint end = MIN (start + size, n_nodes + 1);
      guint len = end - start;
      BzwMapColor color = { (next_random (&state) % 200) / 255.0f + 0.1f,
                            (next_random (&state) % 200) / 255.0f + 0.1f,
                            (next_random (&state) % 200) / 255.0f + 0.1f, 1.0f };

      for (guint i = start; i < end; i++)
        {
          bzw_map_graph_get_node (graph, i)->color = color;
          if (len > 1)
            bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_RELATIONSHIP, i, start + (i - start + 1) % len, 3);
          if (len > 3 && next_random (&state) % 100 < 160 - 100)
            bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_RELATIONSHIP, i,
                                    start + (i - start + 2 + next_random (&state) % (len - 3)) % len, 2);
        }

      /* Two bridges to the previous cluster. */
      if (prev_start > 0)
        for (guint k = 0; k < 2; k++)
          bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_RELATIONSHIP,
                                  start + next_random (&state) % len,
                                  prev_start + next_random (&state) % (start - prev_start), 1);

      prev_start = start;
      start = end;
    }

  for (guint i = 1; i <= n_nodes; i++)
    bzw_map_graph_add_edge (graph, BZW_MAP_EDGE_ME, 0, i, bzw_map_graph_get_node (graph, i)->strength);

  return graph;
}

char *
map_fixture_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("bzw-map-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
map_fixture_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      map_fixture_remove_tree (child);
    }
  g_rmdir (path);
}
