/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-archive.h"
#include "bzw-demo.h"
#include "bzw-importer.h"
#include "bzw-store-io.h"
#include "bzw-store-occasions.h"
#include "bzw-store.h"
#include "bzw-test-fixture.h"

#include <locale.h>
#include <string.h>

/* The archive of the whole network: the example network (with a few
 * harder cases added) is written, read into an empty database in a file
 * of its own and compared there, row for row by UID and field for field.
 */

typedef struct
{
  BzwTestStore a;
  BzwTestStore b;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  bzw_test_store_open (&fixture->a, "a.db");
  bzw_test_store_open (&fixture->b, "b.db");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  bzw_test_store_close (&fixture->a);
  bzw_test_store_close (&fixture->b);
}

static GDateTime *
fixed_now (void)
{
  return g_date_time_new_utc (2026, 3, 14, 10, 0, 0);
}

static gint64
first_contact (BzwStore *store,
               guint     index)
{
  BzwContactQuery query = { .include_archived = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = bzw_store_list_contact_ids (store, &query, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, >, index);
  return g_array_index (ids, gint64, index);
}

static void
add_talking_point (BzwStore   *store,
                   gint64      contact_id,
                   const char *text,
                   gint64      done_at)
{
  g_autoptr(BzwTalkingPoint) point = bzw_talking_point_new ();
  g_autoptr(GError) error = NULL;

  bzw_talking_point_set_contact_id (point, contact_id);
  bzw_talking_point_set_text (point, text);
  bzw_talking_point_set_created (point, 1767225600 + done_at / 7);
  bzw_talking_point_set_done_at (point, done_at);
  g_assert_true (bzw_store_save_talking_point (store, point, &error));
  g_assert_no_error (error);
}

static gint64
add_planned_encounter (BzwStore *store,
                       gint64    contact_id,
                       gint64    when,
                       gboolean  planned)
{
  g_autoptr(BzwEncounter) encounter = bzw_encounter_new ();
  g_autoptr(GError) error = NULL;

  bzw_encounter_set_happened_at (encounter, when);
  bzw_encounter_set_channel (encounter, BZW_CHANNEL_PHONE);
  bzw_encounter_set_planned (encounter, planned);
  bzw_encounter_add_participant (encounter, contact_id, NULL);
  g_assert_true (bzw_store_save_encounter (store, encounter, &error));
  g_assert_no_error (error);
  return bzw_encounter_get_id (encounter);
}

/* Planned encounters: one whose day has passed without being confirmed,
 * one still to come (planned by its date alone).
 */
static void
add_planned_cases (BzwStore *store)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GArray) past = NULL;

  add_planned_encounter (store, first_contact (store, 5), now - 3 * 86400, TRUE);
  add_planned_encounter (store, first_contact (store, 6), now + 9 * 86400, FALSE);
  past = bzw_store_list_past_planned (store, now, NULL);
  g_assert_cmpuint (past->len, ==, 1);
}

/* Follow-ups, a snooze and talking points, one ticked off. */
static void
add_occasion_cases (BzwStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bzw_store_set_follow_up (store, first_contact (store, 0), "2026-03-20",
                                          "Angebot nachfassen; „bald“\nzweite Zeile", &error));
  g_assert_true (bzw_store_set_follow_up (store, first_contact (store, 1), "2026-04-01", NULL, &error));
  g_assert_true (bzw_store_set_snoozed_until (store, first_contact (store, 2), "2026-03-21", &error));
  g_assert_no_error (error);
  add_talking_point (store, first_contact (store, 0), "Nach dem Umzug fragen, Köln; „Ehrenfeld“", 0);
  add_talking_point (store, first_contact (store, 0), "Buchtipp", 1767312000);
  add_talking_point (store, first_contact (store, 4), "Zeile eins\nZeile zwei", 0);
}

/* What the example network does not have: a favour that belongs to an
 * encounter, a participant whose contact was deleted, text that needs
 * escaping, an archived contact and a circle nobody is in.
 */
static void
add_hard_cases (BzwStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwContact) gone = bzw_contact_new ();
  g_autoptr(BzwEncounter) encounter = bzw_encounter_new ();
  g_autoptr(BzwFavour) favour = bzw_favour_new ();
  g_autoptr(BzwRelationship) relationship = bzw_relationship_new ();
  g_autoptr(BzwCircle) circle = bzw_circle_new ();
  g_autoptr(BzwContact) archived = NULL;
  g_autoptr(BzwContactSnapshot) snapshot = NULL;
  BzwParty from = { first_contact (store, 0), NULL };

  bzw_contact_set_display_name (gone, "Gisela Gegangen");
  g_assert_true (bzw_store_save_contact (store, gone, &error));
  g_assert_no_error (error);

  bzw_encounter_set_happened_at (encounter, 1767225600);
  bzw_encounter_set_channel (encounter, BZW_CHANNEL_VIDEO);
  bzw_encounter_set_place (encounter, "Café „Zur Ecke“, Raum 2; hinten");
  bzw_encounter_set_notes (encounter, "Zeile eins\nZeile zwei, mit \\ und ;");
  bzw_encounter_add_participant (encounter, first_contact (store, 0), NULL);
  bzw_encounter_add_participant (encounter, bzw_contact_get_id (gone), NULL);
  g_assert_true (bzw_store_save_encounter (store, encounter, &error));
  g_assert_no_error (error);

  bzw_favour_set_day (favour, "2026-01-01");
  bzw_favour_set_due (favour, "2026-02-28");
  bzw_favour_set_description (favour, "Kontakt zu, äh; „Presse“");
  bzw_favour_set_state (favour, BZW_FAVOUR_PROMISED);
  bzw_favour_set_direction (favour, BZW_FAVOUR_OFFERED);
  bzw_favour_set_value_cents (favour, 12345);
  bzw_favour_set_from (favour, &from);
  bzw_favour_set_encounter_id (favour, bzw_encounter_get_id (encounter));
  g_assert_true (bzw_store_save_favour (store, favour, &error));
  g_assert_no_error (error);

  bzw_relationship_set_a_id (relationship, first_contact (store, 1));
  bzw_relationship_set_b_id (relationship, first_contact (store, 2));
  bzw_relationship_set_kind (relationship, "Nachbarn, Tennis; seit Jahren");
  bzw_relationship_set_strength (relationship, 5);
  bzw_relationship_set_since (relationship, "2001-09-30");
  bzw_relationship_set_note (relationship, "Notiz\nmit zwei Zeilen");
  g_assert_true (bzw_store_save_relationship (store, relationship, &error));
  g_assert_no_error (error);

  bzw_circle_set_name (circle, "Leerer Kreis, mit Komma");
  bzw_circle_set_color (circle, "#26a269");
  bzw_circle_set_interval_ideal (circle, 7);
  bzw_circle_set_interval_max (circle, 21);
  bzw_circle_set_position (circle, 42);
  bzw_circle_set_lead_days (circle, 14);
  g_assert_true (bzw_store_save_circle (store, circle, &error));
  g_assert_no_error (error);

  archived = bzw_store_dup_contact (store, first_contact (store, 3), &error);
  g_assert_no_error (error);
  bzw_contact_set_archived (archived, TRUE);
  g_assert_true (bzw_store_save_contact (store, archived, &error));
  g_assert_no_error (error);

  snapshot = bzw_store_delete_contact_undoable (store, bzw_contact_get_id (gone), BZW_DELETE_KEEP_ENTRIES, &error);
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);

  add_occasion_cases (store);
  add_planned_cases (store);
}

static char *
uid_of (BzwStore *store,
        gint64    id)
{
  g_autoptr(BzwContact) contact = NULL;

  if (id == 0)
    return NULL;
  contact = bzw_store_dup_contact (store, id, NULL);
  g_assert_nonnull (contact);
  return g_strdup (bzw_contact_get_uid (contact));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
circle_names (BzwStore   *store,
              BzwContact *contact)
{
  g_autoptr(GPtrArray) circles = bzw_store_list_circles (store, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GArray *ids = bzw_contact_get_circle_ids (contact);

  for (guint i = 0; i < circles->len; i++)
    for (guint k = 0; k < ids->len; k++)
      if (bzw_circle_get_id (g_ptr_array_index (circles, i)) == g_array_index (ids, gint64, k))
        g_ptr_array_add (names, (gpointer) bzw_circle_get_name (g_ptr_array_index (circles, i)));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("|", (char **) names->pdata);
}

static void
assert_same_contact (BzwStore   *a_store,
                     BzwContact *a,
                     BzwStore   *b_store,
                     BzwContact *b)
{
  static const char * const strings[] = {
    "display-name", "prefix", "given-name", "additional-names", "family-name", "suffix", "nickname",
    "organisation", "department", "role", "birthday", "photo-uri", "met-how", "met-on", "offers", "seeks",
    "trust-for", "notes", "extra", "follow-up-on", "follow-up-note", "snoozed-until",
  };
  GPtrArray *a_fields = bzw_contact_get_fields (a);
  GPtrArray *b_fields = bzw_contact_get_fields (b);
  g_autofree char *a_circles = circle_names (a_store, a);
  g_autofree char *b_circles = circle_names (b_store, b);

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_autofree char *x = NULL;
      g_autofree char *y = NULL;

      g_object_get (a, strings[i], &x, NULL);
      g_object_get (b, strings[i], &y, NULL);
      g_assert_cmpstr (x, ==, y);
    }

  g_assert_cmpint (bzw_contact_get_met_in_person (a), ==, bzw_contact_get_met_in_person (b));
  g_assert_cmpint (bzw_contact_get_trust (a), ==, bzw_contact_get_trust (b));
  g_assert_cmpint (bzw_contact_get_interval_ideal (a), ==, bzw_contact_get_interval_ideal (b));
  g_assert_cmpint (bzw_contact_get_interval_max (a), ==, bzw_contact_get_interval_max (b));
  g_assert_cmpint (bzw_contact_get_archived (a), ==, bzw_contact_get_archived (b));
  g_assert_true ((bzw_contact_get_photo (a) == NULL) == (bzw_contact_get_photo (b) == NULL));
  if (bzw_contact_get_photo (a) != NULL)
    g_assert_true (g_bytes_equal (bzw_contact_get_photo (a), bzw_contact_get_photo (b)));
  g_assert_cmpstr (a_circles, ==, b_circles);

  g_assert_cmpuint (a_fields->len, ==, b_fields->len);
  for (guint i = 0; i < a_fields->len; i++)
    {
      const BzwContactField *x = g_ptr_array_index (a_fields, i);
      const BzwContactField *y = g_ptr_array_index (b_fields, i);

      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpstr (x->label, ==, y->label);
      g_assert_cmpstr (x->value, ==, y->value);
      g_assert_cmpint (x->pref, ==, y->pref);
    }
}

static guint
assert_same_contacts (BzwStore *a,
                      BzwStore *b)
{
  BzwContactQuery query = { .include_archived = TRUE };
  g_autoptr(GArray) ids = bzw_store_list_contact_ids (a, &query, NULL);

  g_assert_cmpuint (bzw_store_count_contacts (a), ==, bzw_store_count_contacts (b));
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(BzwContact) x = bzw_store_dup_contact (a, g_array_index (ids, gint64, i), NULL);
      gint64 id = bzw_store_find_contact_by_uid (b, bzw_contact_get_uid (x));
      g_autoptr(BzwContact) y = bzw_store_dup_contact (b, id, NULL);

      g_assert_nonnull (y);
      assert_same_contact (a, x, b, y);
    }
  return ids->len;
}

static void
assert_same_circles (BzwStore *a,
                     BzwStore *b)
{
  g_autoptr(GPtrArray) x = bzw_store_list_circles (a, NULL);
  g_autoptr(GPtrArray) y = bzw_store_list_circles (b, NULL);

  g_assert_cmpuint (x->len, ==, y->len);
  for (guint i = 0; i < x->len; i++)
    {
      BzwCircle *p = g_ptr_array_index (x, i);
      BzwCircle *q = g_ptr_array_index (y, i);

      g_assert_cmpstr (bzw_circle_get_uid (p), ==, bzw_circle_get_uid (q));
      g_assert_cmpstr (bzw_circle_get_name (p), ==, bzw_circle_get_name (q));
      g_assert_cmpstr (bzw_circle_get_color (p), ==, bzw_circle_get_color (q));
      g_assert_cmpint (bzw_circle_get_interval_ideal (p), ==, bzw_circle_get_interval_ideal (q));
      g_assert_cmpint (bzw_circle_get_interval_max (p), ==, bzw_circle_get_interval_max (q));
      g_assert_cmpint (bzw_circle_get_position (p), ==, bzw_circle_get_position (q));
      g_assert_cmpint (bzw_circle_get_lead_days (p), ==, bzw_circle_get_lead_days (q));
    }
}

static void
assert_same_relationships (BzwStore *a,
                           BzwStore *b)
{
  g_autoptr(GPtrArray) x = bzw_store_list_relationships (a, 0, NULL);
  g_autoptr(GPtrArray) y = bzw_store_list_relationships (b, 0, NULL);

  g_assert_cmpuint (x->len, ==, y->len);
  g_assert_cmpuint (x->len, >, 0);
  for (guint i = 0; i < x->len; i++)
    {
      BzwRelationship *p = g_ptr_array_index (x, i);
      gint64 id = bzw_store_find_row_by_uid (b, "relationships", bzw_relationship_get_uid (p));
      BzwRelationship *q = NULL;
      g_autofree char *pa = uid_of (a, bzw_relationship_get_a_id (p));
      g_autofree char *pb = uid_of (a, bzw_relationship_get_b_id (p));
      g_autofree char *qa = NULL;
      g_autofree char *qb = NULL;

      for (guint k = 0; k < y->len && q == NULL; k++)
        if (bzw_relationship_get_id (g_ptr_array_index (y, k)) == id)
          q = g_ptr_array_index (y, k);
      g_assert_nonnull (q);
      qa = uid_of (b, bzw_relationship_get_a_id (q));
      qb = uid_of (b, bzw_relationship_get_b_id (q));
      g_assert_cmpstr (pa, ==, qa);
      g_assert_cmpstr (pb, ==, qb);
      g_assert_cmpstr (bzw_relationship_get_kind (p), ==, bzw_relationship_get_kind (q));
      g_assert_cmpint (bzw_relationship_get_strength (p), ==, bzw_relationship_get_strength (q));
      g_assert_cmpstr (bzw_relationship_get_since (p), ==, bzw_relationship_get_since (q));
      g_assert_cmpstr (bzw_relationship_get_note (p), ==, bzw_relationship_get_note (q));
    }
}

static void
assert_same_party (BzwStore       *a,
                   const BzwParty *p,
                   BzwStore       *b,
                   const BzwParty *q)
{
  g_autofree char *x = uid_of (a, p->contact_id);
  g_autofree char *y = uid_of (b, q->contact_id);

  g_assert_cmpstr (x, ==, y);
  g_assert_cmpstr (p->name, ==, q->name);
}

static void
assert_same_encounter (BzwStore *a,
                       gint64    a_id,
                       BzwStore *b)
{
  g_autoptr(BzwEncounter) p = bzw_store_dup_encounter (a, a_id, NULL);
  gint64 b_id = bzw_store_find_row_by_uid (b, "encounters", bzw_encounter_get_uid (p));
  g_autoptr(BzwEncounter) q = bzw_store_dup_encounter (b, b_id, NULL);
  GArray *x;
  GArray *y;

  g_assert_nonnull (q);
  g_assert_cmpint (bzw_encounter_get_happened_at (p), ==, bzw_encounter_get_happened_at (q));
  g_assert_cmpint (bzw_encounter_get_channel (p), ==, bzw_encounter_get_channel (q));
  g_assert_cmpstr (bzw_encounter_get_place (p), ==, bzw_encounter_get_place (q));
  g_assert_cmpstr (bzw_encounter_get_notes (p), ==, bzw_encounter_get_notes (q));
  g_assert_cmpint (bzw_encounter_get_planned (p), ==, bzw_encounter_get_planned (q));
  x = bzw_encounter_get_participants (p);
  y = bzw_encounter_get_participants (q);
  g_assert_cmpuint (x->len, ==, y->len);
  for (guint i = 0; i < x->len; i++)
    assert_same_party (a, &g_array_index (x, BzwParty, i), b, &g_array_index (y, BzwParty, i));
}

static void
assert_same_favour (BzwStore *a,
                    gint64    a_id,
                    BzwStore *b)
{
  g_autoptr(BzwFavour) p = bzw_store_dup_favour (a, a_id, NULL);
  gint64 b_id = bzw_store_find_row_by_uid (b, "favours", bzw_favour_get_uid (p));
  g_autoptr(BzwFavour) q = bzw_store_dup_favour (b, b_id, NULL);
  g_autoptr(BzwEncounter) pe = NULL;
  g_autoptr(BzwEncounter) qe = NULL;

  g_assert_nonnull (q);
  g_assert_cmpstr (bzw_favour_get_day (p), ==, bzw_favour_get_day (q));
  g_assert_cmpstr (bzw_favour_get_due (p), ==, bzw_favour_get_due (q));
  g_assert_cmpstr (bzw_favour_get_description (p), ==, bzw_favour_get_description (q));
  g_assert_cmpint (bzw_favour_get_direction (p), ==, bzw_favour_get_direction (q));
  g_assert_cmpint (bzw_favour_get_state (p), ==, bzw_favour_get_state (q));
  g_assert_cmpint (bzw_favour_get_value_cents (p), ==, bzw_favour_get_value_cents (q));
  assert_same_party (a, bzw_favour_get_from (p), b, bzw_favour_get_from (q));
  assert_same_party (a, bzw_favour_get_to (p), b, bzw_favour_get_to (q));
  g_assert_true ((bzw_favour_get_encounter_id (p) == 0) == (bzw_favour_get_encounter_id (q) == 0));
  if (bzw_favour_get_encounter_id (p) == 0)
    return;
  pe = bzw_store_dup_encounter (a, bzw_favour_get_encounter_id (p), NULL);
  qe = bzw_store_dup_encounter (b, bzw_favour_get_encounter_id (q), NULL);
  g_assert_cmpstr (bzw_encounter_get_uid (pe), ==, bzw_encounter_get_uid (qe));
}

static void
assert_same_referral (BzwStore *a,
                      gint64    a_id,
                      BzwStore *b)
{
  g_autoptr(BzwReferral) p = bzw_store_dup_referral (a, a_id, NULL);
  gint64 b_id = bzw_store_find_row_by_uid (b, "referrals", bzw_referral_get_uid (p));
  g_autoptr(BzwReferral) q = bzw_store_dup_referral (b, b_id, NULL);

  g_assert_nonnull (q);
  g_assert_cmpstr (bzw_referral_get_day (p), ==, bzw_referral_get_day (q));
  g_assert_cmpint (bzw_referral_get_effort (p), ==, bzw_referral_get_effort (q));
  g_assert_cmpint (bzw_referral_get_state (p), ==, bzw_referral_get_state (q));
  g_assert_cmpint (bzw_referral_get_value_cents (p), ==, bzw_referral_get_value_cents (q));
  g_assert_cmpint (bzw_referral_get_thanked (p), ==, bzw_referral_get_thanked (q));
  g_assert_cmpstr (bzw_referral_get_notes (p), ==, bzw_referral_get_notes (q));
  assert_same_party (a, bzw_referral_get_giver (p), b, bzw_referral_get_giver (q));
  assert_same_party (a, bzw_referral_get_receiver (p), b, bzw_referral_get_receiver (q));
  assert_same_party (a, bzw_referral_get_referred (p), b, bzw_referral_get_referred (q));
}

/* Returns how many entries of each kind there are, by kind. */
static void
assert_same_journal (BzwStore *a,
                     BzwStore *b,
                     guint     counts[4])
{
  g_autoptr(GArray) refs = bzw_store_list_journal (a, NULL, NULL);

  g_assert_cmpuint (bzw_store_count_journal (a), ==, bzw_store_count_journal (b));
  memset (counts, 0, 4 * sizeof (guint));
  for (guint i = 0; i < refs->len; i++)
    {
      const BzwJournalRef *ref = &g_array_index (refs, BzwJournalRef, i);

      counts[ref->kind]++;
      if (ref->kind == BZW_JOURNAL_ENCOUNTER)
        assert_same_encounter (a, ref->id, b);
      else if (ref->kind == BZW_JOURNAL_FAVOUR)
        assert_same_favour (a, ref->id, b);
      else
        assert_same_referral (a, ref->id, b);
    }
}

/* Returns how many talking points there are. */
static guint
assert_same_talking_points (BzwStore *a,
                            BzwStore *b)
{
  g_autoptr(GPtrArray) x = bzw_store_list_talking_points (a, 0, TRUE, NULL);
  g_autoptr(GPtrArray) y = bzw_store_list_talking_points (b, 0, TRUE, NULL);

  g_assert_cmpuint (x->len, ==, y->len);
  for (guint i = 0; i < x->len; i++)
    {
      BzwTalkingPoint *p = g_ptr_array_index (x, i);
      BzwTalkingPoint *q = NULL;
      g_autofree char *pc = uid_of (a, bzw_talking_point_get_contact_id (p));
      g_autofree char *qc = NULL;

      for (guint k = 0; k < y->len && q == NULL; k++)
        if (g_str_equal (bzw_talking_point_get_uid (g_ptr_array_index (y, k)), bzw_talking_point_get_uid (p)))
          q = g_ptr_array_index (y, k);
      g_assert_nonnull (q);
      qc = uid_of (b, bzw_talking_point_get_contact_id (q));
      g_assert_cmpstr (pc, ==, qc);
      g_assert_cmpstr (bzw_talking_point_get_text (p), ==, bzw_talking_point_get_text (q));
      g_assert_cmpint (bzw_talking_point_get_created (p), ==, bzw_talking_point_get_created (q));
      g_assert_cmpint (bzw_talking_point_get_done_at (p), ==, bzw_talking_point_get_done_at (q));
    }
  return x->len;
}

static void
import_text (BzwStore         *store,
             const char       *text,
             gsize             length,
             BzwImportSummary *summary)
{
  g_autoptr(BzwImporter) importer = bzw_importer_new (store);
  g_autoptr(GError) error = NULL;

  g_assert_true (bzw_importer_load_data (importer, text, length, "archiv.eml", &error));
  g_assert_no_error (error);
  g_assert_cmpint (bzw_importer_get_format (importer), ==, BZW_IMPORT_FORMAT_ARCHIVE);
  g_assert_true (bzw_importer_import (importer, summary, &error));
  g_assert_no_error (error);
}

/* The plans are the same ones on both sides, by UID. */
static void
assert_same_planned (BzwStore *a,
                     BzwStore *b)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GArray) x = bzw_store_list_past_planned (a, now, NULL);
  g_autoptr(GArray) y = bzw_store_list_past_planned (b, now, NULL);
  g_autoptr(GArray) xf = bzw_store_list_planned (a, now, 100, NULL);
  g_autoptr(GArray) yf = bzw_store_list_planned (b, now, 100, NULL);
  g_autoptr(BzwEncounter) p = NULL;
  g_autoptr(BzwEncounter) q = NULL;

  g_assert_cmpuint (x->len, ==, 1);
  g_assert_cmpuint (y->len, ==, 1);
  g_assert_cmpuint (xf->len, ==, yf->len);
  g_assert_cmpuint (xf->len, >=, 1);
  p = bzw_store_dup_encounter (a, g_array_index (x, BzwPlannedRow, 0).encounter_id, NULL);
  q = bzw_store_dup_encounter (b, g_array_index (y, BzwPlannedRow, 0).encounter_id, NULL);
  g_assert_cmpstr (bzw_encounter_get_uid (p), ==, bzw_encounter_get_uid (q));
  g_assert_true (bzw_encounter_get_planned (q));
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) now = fixed_now ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  BzwImportSummary summary = { 0, };
  gsize length = 0;
  guint counts[4];
  guint n_contacts;
  guint n_relationships;
  guint n_points;

  g_assert_true (bzw_demo_fill (fixture->a.store, now, &error));
  g_assert_no_error (error);
  add_hard_cases (fixture->a.store);

  text = bzw_archive_write_store (fixture->a.store, now, &length, &error);
  g_assert_no_error (error);
  g_assert_true (bzw_archive_looks_like (text, length));

  g_assert_true (bzw_store_is_empty (fixture->b.store));
  import_text (fixture->b.store, text, length, &summary);

  n_contacts = assert_same_contacts (fixture->a.store, fixture->b.store);
  assert_same_circles (fixture->a.store, fixture->b.store);
  assert_same_relationships (fixture->a.store, fixture->b.store);
  assert_same_journal (fixture->a.store, fixture->b.store, counts);
  n_points = assert_same_talking_points (fixture->a.store, fixture->b.store);
  g_assert_cmpuint (n_points, ==, 3);

  g_assert_cmpuint (summary.added, ==, n_contacts);
  g_assert_cmpuint (summary.entries, ==, counts[1] + counts[2] + counts[3]);
  n_relationships = summary.relationships;
  g_assert_cmpuint (n_relationships, >, 0);
  g_assert_cmpuint (counts[1], >, 0);
  g_assert_cmpuint (counts[2], >, 0);
  g_assert_cmpuint (counts[3], >, 0);
  g_assert_cmpuint (summary.entries_failed, ==, 0);
  assert_same_planned (fixture->a.store, fixture->b.store);

  /* The same archive again adds nothing. */
  import_text (fixture->b.store, text, length, &summary);
  g_assert_cmpuint (summary.added, ==, 0);
  g_assert_cmpuint (summary.entries, ==, 0);
  g_assert_cmpuint (summary.relationships, ==, 0);
  g_assert_cmpuint (summary.entries_skipped, ==, counts[1] + counts[2] + counts[3] + n_relationships + n_points);
  g_assert_cmpuint (bzw_store_count_journal (fixture->b.store), ==, bzw_store_count_journal (fixture->a.store));
  g_assert_cmpuint (bzw_store_count_contacts (fixture->b.store), ==, n_contacts);
}

/* A broken journal part fails the whole import; nothing is written. */
static void
test_broken_archive (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char archive[] =
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
    "--b\r\nContent-Type: text/vcard\r\n\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna Archiv\r\nEND:VCARD\r\n"
    "--b\r\nContent-Type: text/calendar\r\n\r\n"
    "this is not iCalendar\r\n"
    "--b--\r\n";
  static const char no_contacts[] =
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
    "--b\r\nContent-Type: text/plain\r\n\r\nHallo\r\n--b--\r\n";
  g_autoptr(BzwImporter) importer = bzw_importer_new (fixture->b.store);
  g_autoptr(GError) error = NULL;

  g_assert_true (bzw_archive_looks_like (archive, strlen (archive)));
  g_assert_false (bzw_importer_load_data (importer, archive, strlen (archive), NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (bzw_importer_load_data (importer, no_contacts, strlen (no_contacts), NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_true (bzw_store_is_empty (fixture->b.store));
}

/* An archive that a mail program saved again (LF line ends, base64 parts)
 * still reads.
 */
static void
test_resaved_archive (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *card = "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:5f0c1d1e-7d3a-4c55-9b1b-2a0c3e4f5a6b\r\n"
                     "FN:Bernd Basis\r\nEND:VCARD\r\n";
  g_autofree char *encoded = g_base64_encode ((const guchar *) card, strlen (card));
  g_autofree char *archive = g_strdup_printf ("Mime-Version: 1.0\n"
                                              "Content-Type: multipart/mixed;\n boundary=zz\n\n"
                                              "preamble\n--zz\nContent-Type: text/vcard\n"
                                              "Content-Transfer-Encoding: base64\n\n%s\n--zz--\n", encoded);
  BzwImportSummary summary = { 0, };

  import_text (fixture->b.store, archive, strlen (archive), &summary);
  g_assert_cmpuint (summary.added, ==, 1);
  g_assert_cmpint (bzw_store_find_contact_by_uid (fixture->b.store, "5f0c1d1e-7d3a-4c55-9b1b-2a0c3e4f5a6b"), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/io/archive/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/io/archive/broken", Fixture, NULL, fixture_set_up, test_broken_archive, fixture_tear_down);
  g_test_add ("/io/archive/resaved", Fixture, NULL, fixture_set_up, test_resaved_archive, fixture_tear_down);

  return g_test_run ();
}
