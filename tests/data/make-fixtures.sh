#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Makes the migration fixtures: tests/data/schema-vN.db, a database of
# schema version N with rows in every table, built with the sqlite3 command
# from the schema scripts in src/store/sql/.  tests/safety/test-migrations.c
# opens a copy of each with the current code and checks every row.
#
# Run it once when a schema version is added, from any folder, and commit
# the new file; never regenerate an old fixture from a newer script.
#
# Usage: tests/data/make-fixtures.sh [VERSION]

set -eu

here=$(cd "$(dirname "$0")" && pwd)
sql="$here/../../src/store/sql"
version=${1:-1}

# The same rows in every version (as far as its schema holds them), so one
# check in test-migrations.c serves every fixture.
make_fixture () {
  n=$1
  out="$here/schema-v$n.db"
  rm -f "$out" "$out-journal"
  for script in $(ls "$sql"/*.sql | sort | head -n "$n"); do
    sqlite3 "$out" < "$script"
  done
  sqlite3 "$out" <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
INSERT INTO meta (key, value) VALUES ('fixture', 'schema-v$n');

INSERT INTO circles (id, uid, created, modified, name, color, interval_ideal_days, interval_max_days, position)
VALUES (1, 'circle-0001', 1700000000, 1700000100, 'Kunden', '#986a44', 60, 120, 0),
       (2, 'circle-0002', 1700000000, 1700000000, 'Empfehlungsgruppe', '#f6d32d', 7, 21, 1);

INSERT INTO contacts (id, uid, created, modified, display_name, prefix, given_name, additional_names,
                      family_name, suffix, nickname, organisation, role, birthday, photo, photo_uri,
                      met_how, met_on, met_in_person, offers, seeks, trust, trust_for,
                      interval_ideal_days, interval_max_days, notes, archived, extra)
VALUES (1, 'contact-0001', 1690000000, 1700000200, 'Dr. Jürgen Weiß', 'Dr.', 'Jürgen', 'Maria',
        'Weiß', 'MBA', 'Jü', 'Müller & Söhne', 'Steuerberater', '--02-29', X'FFD8FF00', NULL,
        'Unternehmerfrühstück', '2021-03-04', 1, 'Steuerberatung für Selbstständige', 'Fotograf',
        3, 'Steuern', 30, 90, 'Mag grünen Tee.', 0, '{"x-custom":"1"}'),
       (2, 'contact-0002', 1690000000, 1690000000, 'Ayşe Öztürk', NULL, 'Ayşe', NULL,
        'Öztürk', NULL, NULL, NULL, NULL, '1988-11-30', NULL, 'file:///tmp/foto.jpg',
        NULL, NULL, 0, NULL, 'Steuerberater', 0, NULL,
        NULL, NULL, NULL, 1, NULL);

INSERT INTO contact_fields (id, contact_id, kind, label, value, pref, position)
VALUES (1, 1, 'email', 'Arbeit', 'j.weiss@example.com', 1, 0),
       (2, 1, 'phone', 'mobil', '+49 176 555 0101', 0, 1),
       (3, 1, 'address', 'Arbeit', char(31) || char(31) || 'Venloer Straße 1' || char(31) || 'Köln' ||
                                    char(31) || char(31) || '50672' || char(31) || 'Deutschland', 0, 2),
       (4, 2, 'email', NULL, 'ayse@example.org', 0, 0),
       (5, 2, 'url', 'Website', 'https://example.org/', 0, 1);

INSERT INTO contact_circles (contact_id, circle_id) VALUES (1, 1), (1, 2), (2, 2);

INSERT INTO relationships (id, uid, created, modified, a_id, b_id, kind, strength, since, note)
VALUES (1, 'rel-0001', 1700000000, 1700000000, 1, 2, 'business-partner', 4, '2022-05-01', 'Kennen sich vom Frühstück');

INSERT INTO encounters (id, uid, created, modified, happened_at, channel, place, notes)
VALUES (1, 'enc-0001', 1700000000, 1700000000, 1699990000, 'in-person', 'Café Ehrenwert', 'Über Belege gesprochen'),
       (2, 'enc-0002', 1700000000, 1700000000, 1699000000, 'video', NULL, NULL);

INSERT INTO encounter_participants (encounter_id, contact_id, name)
VALUES (1, 1, ''), (1, NULL, 'Gelöschte Person'), (2, 2, '');

INSERT INTO favours (id, uid, created, modified, day, from_id, from_name, to_id, to_name, direction, state,
                     description, value_cents, due, encounter_id)
VALUES (1, 'fav-0001', 1700000000, 1700000000, '2023-11-14', NULL, NULL, 2, NULL, 'offered', 'promised',
        'Lebenslauf gegenlesen', 15000, '2023-12-01', 1),
       (2, 'fav-0002', 1700000000, 1700000000, '2023-10-01', 1, NULL, NULL, 'Gelöschte Person', 'asked', 'done',
        'Belege sortiert', 0, NULL, NULL);

INSERT INTO referrals (id, uid, created, modified, day, giver_id, giver_name, receiver_id, receiver_name,
                       referred_id, referred_name, effort, state, value_cents, thanked, notes)
VALUES (1, 'ref-0001', 1700000000, 1700000000, '2023-09-09', NULL, NULL, 1, NULL,
        2, 'Ayşe Öztürk', 4, 'won', 240000, 1, 'Jahresabschluss');

INSERT INTO map_positions (contact_id, x, y, pinned) VALUES (1, 12.5, -3.25, 1), (2, -40, 7, 0);

INSERT INTO tombstones (uid, kind, deleted_at) VALUES ('contact-0099', 'contact', 1695000000);
COMMIT;
SQL
  # Version 3 adds the department.
  if [ "$n" -ge 3 ]; then
    sqlite3 "$out" "UPDATE contacts SET department = 'Lohnbuchhaltung' WHERE id = 1;"
  fi
  # Version 5 adds follow-ups, snoozes, lead times and talking points.
  if [ "$n" -ge 5 ]; then
    sqlite3 "$out" <<SQL5
PRAGMA foreign_keys = ON;
BEGIN;
UPDATE contacts SET follow_up_on = '2024-01-15', follow_up_note = 'Angebot nachfassen' WHERE id = 1;
UPDATE contacts SET snoozed_until = '2024-02-29' WHERE id = 2;
UPDATE circles SET lead_days = 7 WHERE id = 1;
INSERT INTO talking_points (id, uid, contact_id, text, created, done_at)
VALUES (1, 'tp-0001', 1, 'Nach der Steuererklärung fragen', 1700000300, NULL),
       (2, 'tp-0002', 1, 'Glückwunsch zur Kanzlei', 1700000200, 1700000400);
COMMIT;
SQL5
  fi
  # Version 7 adds what the CalDAV sync knows of the journal on the server.
  if [ "$n" -ge 7 ]; then
    sqlite3 "$out" "INSERT INTO sync_items (uid, kind, href, etag, item) VALUES ('enc-0001', 'encounter', '/anna/beziehungsweise/enc-0001.ics', '\"e1\"', 'BEGIN:VCALENDAR');"
  fi
  # Version 8 adds the contacts' revisions and the one a synced card is at.
  if [ "$n" -ge 8 ]; then
    sqlite3 "$out" "INSERT INTO sync_cards (uid, href, etag, card, revision) SELECT 'contact-0001', '/anna/kontakte/contact-0001.vcf', '\"c1\"', 'BEGIN:VCARD', generation * 4294967296 + bumps FROM contact_revisions WHERE contact_id = 1;"
  fi
  # Version 10 adds the journal's change counter, moved by every row above.
  if [ "$n" -ge 10 ]; then
    sqlite3 "$out" "INSERT INTO meta (key, value) VALUES ('caldav-journal-state', '1:1');"
  fi
  echo "$out"
}

case "$version" in
  1|2|3|4|5|6|7|8|9|10) make_fixture "$version" ;;
  *) echo "No fixture recipe for schema version $version" >&2; exit 1 ;;
esac
