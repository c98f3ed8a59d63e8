#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Two databases sync the whole network through a real server on
127.0.0.1 (Radicale or Xandikos, the first argument): the contacts by
CardDAV, the journal, relationships and talking points by CalDAV, one
resource per item in a calendar „Beziehungsweise“ the app makes, and
there one way the calendar export's occasions (birthdays, follow-ups …).  A's
example network arrives in B complete, edits of different fields on both
sides merge, the same field edited on both sides counts a conflict and
converges, deletes go both ways."""

import base64
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from davtest import (ok, fail, done, make_home, start_server, make_env, run, sync, query, execute,  # noqa: E402
                     integrity, same_network, n_items, network, stop_all, USER, PASSWORD)

kind = sys.argv[1] if len(sys.argv) > 1 else "radicale"
home = make_home()
port = start_server(kind, home)
env = make_env(home)
url = f"http://{USER}@127.0.0.1:{port}/"
db_a = os.path.join(home, "a.db")
db_b = os.path.join(home, "b.db")


def occasion_rows(db):
    """uid → (href, etag) of the occasions the sync wrote."""
    return {uid: (href, etag) for uid, href, etag in
            query(db, "SELECT uid, href, etag FROM sync_items WHERE kind = 'occasion'")}


def get(href):
    """The resource's text on the server, or None when it is not there."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{urllib.parse.quote(href)}")
    auth = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    request.add_header("Authorization", f"Basic {auth}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read().decode()
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return None
        raise

def items_rendered(db, expect):
    """A --sync that must say @expect; returns how many journal items it
    wrote as iCalendar to compare (BZW_SYNC_STATS)."""
    r = run(dict(env, BZW_SYNC_STATS="1"), db, "--sync")
    if r.returncode != 0:
        fail(f"--sync of {os.path.basename(db)} failed: {r.stderr.strip()}")
    counts = [int(word) for word in r.stdout.replace(",", "").split() if word.isdigit()]
    if counts != expect:
        fail(f"--sync of {os.path.basename(db)} said {r.stdout.strip()!r}, expected {expect}")
    said = dict(line.split(": ", 1) for line in r.stderr.splitlines() if ": " in line)
    return int(said["items rendered"])


try:
    r = run(env, db_a, "--demo", f"--sync-account={url}")
    if r.returncode != 0:
        fail(f"--demo --sync-account failed: {r.stderr}")
    # The example network with a smaller journal (every kind of item, all
    # contacts), so the test stays quick on a loaded machine; one talking
    # point, which the example has none of.
    execute(db_a, "DELETE FROM encounters WHERE id NOT IN (SELECT id FROM encounters ORDER BY id LIMIT 60)")
    execute(db_a, "DELETE FROM relationships WHERE id NOT IN (SELECT id FROM relationships ORDER BY id LIMIT 60)")
    execute(db_a, "INSERT INTO talking_points (uid, contact_id, text, created)"
                  " SELECT 'tp-sync-1', id, 'Nach der Messe fragen', 1700000000 FROM contacts ORDER BY id LIMIT 1")
    contacts = query(db_a, "SELECT count(*) FROM contacts")[0][0]
    items = n_items(db_a)
    if items == 0:
        fail("the example network has no journal")

    up, down, conflicts = sync(env, db_a)
    if (up, down, conflicts) != (contacts + items, 0, 0):
        fail(f"A's first sync uploaded {up}, expected {contacts} contacts and {items} items")
    calendar = query(db_a, "SELECT value FROM meta WHERE key = 'sync-calendar'")
    if not calendar or "beziehungsweise" not in calendar[0][0]:
        fail(f"no calendar was made: {calendar}")
    ok(f"{kind}: A uploads {contacts} contacts and {items} journal items into {calendar[0][0]}")

    occasions_a = occasion_rows(db_a)
    person, birthday = query(db_a, "SELECT uid, birthday FROM contacts WHERE birthday IS NOT NULL"
                                   " AND uid IS NOT NULL ORDER BY uid LIMIT 1")[0]
    born = f"birthday-{person}@beziehungsweise"
    if born not in occasions_a:
        fail(f"A recorded no occasion {born}: {sorted(occasions_a)[:3]}")
    resource = get(occasions_a[born][0])
    if resource is None or "BEGIN:VEVENT" not in resource or "RRULE:FREQ=YEARLY" not in resource \
       or f"UID:{born}" not in resource.replace("\r\n ", ""):
        fail(f"the birthday's resource is {resource!r}")
    ok(f"A puts {len(occasions_a)} occasions into the calendar, a birthday as a yearly VEVENT")

    sync(env, db_a, [0, 0, 0])
    if occasion_rows(db_a) != occasions_a:
        fail("A's next sync wrote occasions again")
    ok("A's next sync has nothing to do, no occasion is uploaded again")

    # The journal's change marker: with nothing changed here and nothing
    # new on the server, no item is written as iCalendar; one talking
    # point changed writes them all to compare, and uploads the one.
    if items_rendered(db_a, [0, 0, 0]) != 0:
        fail("a sync with nothing to do wrote the journal's items as iCalendar")
    execute(db_a, "UPDATE talking_points SET text = 'Nach der Messe und dem Umzug fragen' WHERE uid = 'tp-sync-1'")
    if items_rendered(db_a, [1, 0, 0]) != items:
        fail("a changed talking point did not have the journal written to compare")
    if items_rendered(db_a, [0, 0, 0]) != 0:
        fail("the sync after an upload wrote the journal's items again")
    ok(f"no journal item is written as iCalendar while nothing changed; one changed: all {items} compared, "
       "one uploaded")

    run(env, db_b, f"--sync-account={url}")
    sync(env, db_b, [0, contacts + items, 0])
    if n_items(db_b) != n_items(db_a):
        fail(f"B has {n_items(db_b)} journal items, A {n_items(db_a)}")
    occasions_b = occasion_rows(db_b)
    if occasions_b.get(born) != occasions_a[born]:
        fail(f"B's birthday {occasions_b.get(born)} is not A's {occasions_a[born]}")
    ok("B imports no occasion as a journal item and takes A's birthday as it is")
    net = same_network(db_a, db_b, "after B's first sync")
    sizes = {part: len(rows) for part, rows in net.items()}
    if min(sizes[p] for p in ("encounters", "favours", "referrals", "relationships", "circles",
                              "talking_points")) == 0:
        fail(f"a part of the network is empty: {sizes}")
    ok(f"B gets A's whole network: {sizes}")

    sync(env, db_b, [0, 0, 0])
    if items_rendered(db_b, [0, 0, 0]) != 0:
        fail("B's third sync wrote the journal's items as iCalendar")
    ok("B's next sync has nothing to do; the one after that writes no journal item to compare")

    enc = query(db_a, "SELECT uid FROM encounters WHERE place IS NOT NULL ORDER BY uid LIMIT 1")[0][0]
    rel = query(db_a, "SELECT uid FROM relationships ORDER BY uid LIMIT 1")[0][0]
    execute(db_a, "UPDATE encounters SET notes = 'Über die Messe in Köln gesprochen' WHERE uid = ?", enc)
    execute(db_b, "UPDATE encounters SET place = 'Café am Dom' WHERE uid = ?", enc)
    execute(db_a, "UPDATE relationships SET strength = 5 WHERE uid = ?", rel)
    execute(db_b, "UPDATE relationships SET note = 'Studienfreunde' WHERE uid = ?", rel)
    sync(env, db_a, [2, 0, 0])
    sync(env, db_b, [2, 2, 0])
    sync(env, db_a, [0, 2, 0])
    same_network(db_a, db_b, "after edits on both sides")
    got = (query(db_a, "SELECT notes, place FROM encounters WHERE uid = ?", enc)[0],
           query(db_a, "SELECT strength, note FROM relationships WHERE uid = ?", rel)[0])
    if got != (("Über die Messe in Köln gesprochen", "Café am Dom"), (5, "Studienfreunde")):
        fail(f"the merged items are {got}")
    ok("edits of different fields of an encounter and a relationship on both sides merge")

    execute(db_a, "UPDATE encounters SET notes = 'Notiz aus A' WHERE uid = ?", enc)
    execute(db_b, "UPDATE encounters SET notes = 'Notiz aus B' WHERE uid = ?", enc)
    sync(env, db_a, [1, 0, 0])
    sync(env, db_b, [1, 1, 1])
    sync(env, db_a, [0, 1, 0])
    same_network(db_a, db_b, "after a conflict")
    ok("the same field edited on both sides counts one conflict and both sides converge")

    fav = query(db_a, "SELECT uid FROM favours ORDER BY uid LIMIT 1")[0][0]
    execute(db_a, "DELETE FROM favours WHERE uid = ?", fav)
    execute(db_b, "DELETE FROM relationships WHERE uid = ?", rel)
    sync(env, db_a, [1, 0, 0])
    sync(env, db_b, [1, 1, 0])
    sync(env, db_a, [0, 1, 0])
    same_network(db_a, db_b, "after deletes")
    if query(db_b, "SELECT count(*) FROM favours WHERE uid = ?", fav)[0][0] != 0 or \
       query(db_a, "SELECT count(*) FROM relationships WHERE uid = ?", rel)[0][0] != 0:
        fail("a deleted item came back")
    ok("a favour deleted in A is gone in B, a relationship deleted in B is gone in A")

    back = query(db_a, "SELECT uid FROM relationships ORDER BY uid DESC LIMIT 1")[0][0]
    execute(db_a, "DELETE FROM relationships WHERE uid = ?", back)
    execute(db_b, "UPDATE relationships SET note = 'Noch wichtig' WHERE uid = ?", back)
    sync(env, db_a, [1, 0, 0])
    sync(env, db_b, [1, 0, 0])
    sync(env, db_a, [0, 1, 0])
    same_network(db_a, db_b, "after a delete in A of what B changed")
    if query(db_a, "SELECT note FROM relationships WHERE uid = ?", back) != [("Noch wichtig",)]:
        fail("the relationship changed in B did not come back to A")
    ok("a relationship deleted in A but changed in B is kept and comes back to A, in one sync of B")

    for db in (db_a, db_b):
        integrity(db)
    sync(env, db_a, [0, 0, 0])
    sync(env, db_b, [0, 0, 0])
    ok("both databases pass integrity_check and have nothing left to sync")

    # A favour with no person on either side (left by deleting contacts
    # with sqlite3): B's store refuses it; B's sync goes on without it.
    odd = query(db_a, "SELECT uid FROM favours ORDER BY uid DESC LIMIT 1")[0][0]
    before = query(db_b, "SELECT from_id, from_name, to_id, to_name FROM favours WHERE uid = ?", odd)
    execute(db_a, "UPDATE favours SET from_id = NULL, from_name = NULL, to_id = NULL, to_name = NULL"
                  " WHERE uid = ?", odd)
    sync(env, db_a, [1, 0, 0])
    sync(env, db_b, [0, 0, 0])
    if query(db_b, "SELECT from_id, from_name, to_id, to_name FROM favours WHERE uid = ?", odd) != before:
        fail("B changed the favour it cannot store")
    integrity(db_b)
    ok("an item B's store refuses leaves B's sync successful and B's favour as it was")

    execute(db_a, "UPDATE contacts SET birthday = ? WHERE uid = ?",
            "1971-02-03" if birthday != "1971-02-03" else "1972-03-04", person)
    sync(env, db_a)
    rows = occasion_rows(db_a)
    resource = get(rows[born][0])
    if rows[born][0] != occasions_a[born][0] or rows[born][1] == occasions_a[born][1] or \
       resource is None or "0203" not in resource and "0304" not in resource:
        fail(f"the changed birthday is {rows.get(born)}: {resource!r}")
    ok("a birthday changed in A changes its resource, under the same UID")

    execute(db_a, "UPDATE contacts SET follow_up_on = '2031-05-06' WHERE uid = ?", person)
    sync(env, db_a)
    follow = f"follow-up-{person}@beziehungsweise"
    rows = occasion_rows(db_a)
    if follow not in rows or "BEGIN:VTODO" not in (get(rows[follow][0]) or ""):
        fail(f"no follow-up in the calendar: {rows.get(follow)}")
    execute(db_a, "UPDATE contacts SET follow_up_on = NULL WHERE uid = ?", person)
    sync(env, db_a)
    if follow in occasion_rows(db_a) or get(rows[follow][0]) is not None:
        fail("the follow-up removed in A is still in the calendar")
    sync(env, db_b)
    if n_items(db_b) != n_items(db_a):
        fail(f"B has {n_items(db_b)} journal items, A {n_items(db_a)}")
    ok("a follow-up removed in A is removed from the calendar; B imports none of it")
finally:
    stop_all()

done()
