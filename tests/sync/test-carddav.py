#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Two databases sync their contacts through a real server on 127.0.0.1
(Radicale or Xandikos, the first argument): A's example network goes up,
an empty B gets the same contacts with every field, edits of different
fields on both sides merge, a delete arrives, a wrong password fails with
one German line and a non-zero exit (Radicale; Xandikos has no accounts).
A's journal is cleared first: test-caldav syncs it.  A sync with nothing to
do costs two requests (the address book's ctag and the journal calendar's
ctag) and writes no contact as vCard (the contacts' revisions did not
move); once after an upload the sync-collection report of each collection
that changed comes with it; one contact changed writes one card; the
cards on Radicale are vCard 3.0, since it does not name 4.0 in
supported-address-data; an upload that meets a 412 fetches the card,
merges and uploads again."""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from davtest import (ok, fail, done, make_home, start_server, make_env, run, sync, query, execute,  # noqa: E402
                     stop_all, USER)

kind = sys.argv[1] if len(sys.argv) > 1 else "radicale"
home = make_home()
port = start_server(kind, home)
env = make_env(home)
url = f"http://{USER}@127.0.0.1:{port}/"
db_a = os.path.join(home, "a.db")
db_b = os.path.join(home, "b.db")

COLUMNS = "display_name, given_name, family_name, organisation, role, offers, seeks, trust, notes, birthday"


def contacts(db):
    rows = {r[0]: r[1:] for r in query(db, f"SELECT uid, {COLUMNS} FROM contacts")}
    fields, circles = {}, {}
    for uid, field_kind, value in query(db, "SELECT c.uid, f.kind, f.value FROM contact_fields f"
                                        " JOIN contacts c ON c.id = f.contact_id ORDER BY f.kind, f.value"):
        fields.setdefault(uid, []).append((field_kind, value))
    for uid, name in query(db, "SELECT c.uid, k.name FROM contact_circles cc JOIN contacts c ON c.id ="
                           " cc.contact_id JOIN circles k ON k.id = cc.circle_id ORDER BY k.name"):
        circles.setdefault(uid, []).append(name)
    return rows, fields, circles


def same(what):
    a, b = contacts(db_a), contacts(db_b)
    for part, name in zip(range(3), ("rows", "fields", "circles")):
        if a[part] != b[part]:
            diff = [k for k in set(a[part]) | set(b[part]) if a[part].get(k) != b[part].get(k)]
            fail(f"{what}: {name} differ for {len(diff)} contacts, e.g. {diff[:1]} "
                 f"{a[part].get(diff[0])} != {b[part].get(diff[0])}")


def stats(db, expect=None):
    """A --sync that must succeed; returns its counts and what BZW_SYNC_STATS
    says (requests, rendered: the contacts written as vCard)."""
    r = run(dict(env, BZW_SYNC_STATS="1"), db, "--sync")
    if r.returncode != 0 or "requests:" not in r.stderr or "rendered:" not in r.stderr:
        fail(f"--sync failed: {r.stderr.strip()}")
    counts = [int(word) for word in r.stdout.replace(",", "").split() if word.isdigit()]
    if expect is not None and counts != expect:
        fail(f"--sync said {r.stdout.strip()!r}, expected {expect}")
    said = dict(line.split(": ", 1) for line in r.stderr.splitlines() if ": " in line)
    return counts, int(said["requests"]), int(said["rendered"])


def counted_sync(db, expect=None):
    """A --sync that must succeed; returns its counts and its requests."""
    counts, requests, _ = stats(db, expect)
    return counts, requests


def timed_sync(db, expect=None):
    start = time.monotonic()
    counts = sync(env, db, expect)
    return counts, time.monotonic() - start


try:
    r = run(env, db_a, "--demo", f"--sync-account={url}")
    if r.returncode != 0:
        fail(f"--demo --sync-account failed: {r.stderr}")
    for table in ("encounters", "favours", "referrals", "relationships", "talking_points"):
        execute(db_a, f"DELETE FROM {table}")
    stored = query(db_a, "SELECT value FROM meta WHERE key = 'sync-account'")
    total = query(db_a, "SELECT count(*) FROM contacts")[0][0]
    if stored != [(url,)]:
        fail(f"the account was stored as {stored}")
    ok("--sync-account stores the address, without a password")

    r = run(env, db_a, "--sync-account=http://anna@cloud.example.org/")
    if r.returncode == 0 or "https" not in r.stderr or len(r.stderr.strip().splitlines()) != 1:
        fail(f"plain HTTP to another host was not refused: {r.returncode} {r.stderr!r}")
    ok("plain HTTP is refused for a host that is not loopback")

    (up, down, conflicts), took = timed_sync(db_a)
    if up != total or down != 0 or conflicts != 0:
        fail(f"the first sync of A uploaded {up} of {total}")
    print(f"# first sync of {total} contacts up: {took:.2f} s", flush=True)
    ok(f"{kind}: A uploads its {total} contacts")

    (_, after_upload, _) = stats(db_a, [0, 0, 0])
    (_, took) = timed_sync(db_a, [0, 0, 0])
    (_, requests, rendered) = stats(db_a, [0, 0, 0])
    print(f"# sync with nothing to do: {took:.2f} s, {requests} requests ({after_upload} after the upload)",
          flush=True)
    if after_upload > 4 or requests != 2:
        fail(f"a sync with nothing to do sent {after_upload} requests after the upload, then {requests}")
    if rendered != 0:
        fail(f"a sync with nothing to do wrote {rendered} contacts as vCard")
    ok("a second sync of A has nothing to do: two requests, both ctags (at most four once after the "
       "upload), and no contact written as vCard")

    one = query(db_a, "SELECT uid FROM contacts ORDER BY uid LIMIT 1 OFFSET 5")[0][0]
    execute(db_a, "UPDATE contacts SET notes = 'Neu notiert' WHERE uid = ?", one)
    (_, requests, rendered) = stats(db_a, [1, 0, 0])
    if rendered != 1 or requests != 3:
        fail(f"one contact changed: {rendered} written as vCard, {requests} requests")
    circle, members = query(db_a, "SELECT circle_id, count(*) FROM contact_circles GROUP BY circle_id"
                            " ORDER BY count(*) DESC LIMIT 1")[0]
    name = query(db_a, "SELECT name FROM circles WHERE id = ?", circle)[0][0]
    execute(db_a, "UPDATE circles SET name = ? WHERE id = ?", name + " neu", circle)
    (_, _, rendered) = stats(db_a, [members, 0, 0])
    execute(db_a, "UPDATE circles SET name = ? WHERE id = ?", name, circle)
    (_, _, rendered_back) = stats(db_a, [members, 0, 0])
    if rendered != members or rendered_back != members:
        fail(f"a circle of {members} renamed: {rendered}, then {rendered_back} written as vCard")
    ok(f"one contact changed: one card written and uploaded, three requests; a circle renamed: its "
       f"{members} members")

    if kind == "radicale":
        cards = []
        for root, _, files in os.walk(os.path.join(home, "storage")):
            if ".Radicale" in root:
                continue
            cards += [open(os.path.join(root, f), encoding="utf-8").read() for f in files if f.endswith(".vcf")]
        if len(cards) != total or not all("VERSION:3.0" in c for c in cards):
            fail(f"{len(cards)} cards on the server, not all vCard 3.0")
        if not any("X-BZW-" in c for c in cards):
            fail("no card on the server has the app's X- fields")
        ok("the cards on Radicale are vCard 3.0 with the app's X- fields")

    r = run(env, db_b, f"--sync-account={url}")
    (_, took) = timed_sync(db_b, [0, total, 0])
    print(f"# first sync of {total} contacts down: {took:.2f} s", flush=True)
    same("after B's first sync")
    offers = query(db_b, "SELECT count(*) FROM contacts WHERE offers IS NOT NULL AND seeks IS NOT NULL")[0][0]
    if offers == 0:
        fail("no contact in B has offers and seeks")
    ok(f"B gets the same {total} contacts with their fields, offers, seeks, trust and circles")

    # B's first sync wrote its occasions into the calendar: the next one
    # reads that change once.
    (_, after_first) = counted_sync(db_b, [0, 0, 0])
    (_, requests) = counted_sync(db_b, [0, 0, 0])
    if after_first > 3 or requests != 2:
        fail(f"B's syncs with nothing to do sent {after_first}, then {requests} requests")
    ok(f"B's next syncs have nothing to do, with {after_first}, then {requests} requests")

    uid = query(db_a, "SELECT uid FROM contacts WHERE offers IS NOT NULL ORDER BY uid LIMIT 1")[0][0]
    execute(db_b, "UPDATE contacts SET offers = 'Steuerberatung für Vereine' WHERE uid = ?", uid)
    execute(db_a, "UPDATE contacts SET organisation = 'Neue Firma GmbH' WHERE uid = ?", uid)
    sync(env, db_a, [1, 0, 0])
    sync(env, db_b, [1, 1, 0])
    sync(env, db_a, [0, 1, 0])
    same("after edits on both sides")
    row = query(db_a, "SELECT offers, organisation FROM contacts WHERE uid = ?", uid)[0]
    if row != ("Steuerberatung für Vereine", "Neue Firma GmbH"):
        fail(f"the merged contact is {row}")
    ok("an edit of one field in B and of another in A both arrive on both sides")

    gone = query(db_a, "SELECT uid FROM contacts ORDER BY uid DESC LIMIT 1")[0][0]
    execute(db_a, "DELETE FROM contacts WHERE uid = ?", gone)
    sync(env, db_a, [1, 0, 0])
    sync(env, db_b, [0, 1, 0])
    same("after a delete in A")
    if query(db_b, "SELECT count(*) FROM contacts WHERE uid = ?", gone)[0][0] != 0:
        fail("the contact deleted in A is still in B")
    ok("a contact deleted in A is deleted in B")

    # The ETag A remembers is wrong, and the server looks unchanged to A:
    # its upload meets a real 412, fetches the card, merges and goes up again.
    sync(env, db_a)
    uid = query(db_a, "SELECT uid FROM contacts ORDER BY uid LIMIT 1 OFFSET 3")[0][0]
    execute(db_a, "UPDATE sync_cards SET etag = '\"veraltet\"' WHERE uid = ?", uid)
    execute(db_a, "UPDATE contacts SET role = 'Vorstand' WHERE uid = ?", uid)
    (up, _, conflicts), requests = counted_sync(db_a)
    if up != 1 or conflicts != 0:
        fail(f"the upload after a 412 gave {up} up, {conflicts} conflicts ({requests} requests)")
    sync(env, db_b, [0, 1, 0])
    same("after an upload that met a 412")
    if query(db_b, "SELECT role FROM contacts WHERE uid = ?", uid)[0][0] != "Vorstand":
        fail("the change uploaded after a 412 did not arrive in B")
    ok(f"{kind}: an upload that meets a 412 fetches the card, merges and uploads again")

    if kind == "radicale":
        # A token the server does not know (another server's, or one it
        # forgot): the report is refused, every card is listed instead;
        # the journal's calendar adds its one listing to each sync.
        execute(db_b, "UPDATE meta SET value = 'http://radicale.org/ns/sync/unbekannt'"
                " WHERE key = 'carddav-sync-token'")
        execute(db_b, "UPDATE meta SET value = '\"alt\"' WHERE key = 'carddav-ctag'")
        (_, requests) = counted_sync(db_b, [0, 0, 0])
        if requests != 4:
            fail(f"the sync with a forgotten token sent {requests} requests, not ctag, report, listing and "
                 "the calendar's ctag")
        (_, requests) = counted_sync(db_b, [0, 0, 0])
        if requests != 2:
            fail(f"after the listing the sync sent {requests} requests")
        ok("a sync-token the server does not know falls back to listing every card, then two requests again")

        r = run(env, db_b, "--sync", password="falsch")
        lines = r.stderr.strip().splitlines()
        if r.returncode == 0 or len(lines) != 1 or "Passwort" not in lines[0]:
            fail(f"a wrong password gave {r.returncode} {r.stderr!r}")
        ok(f"a wrong password fails with one German line: {lines[0]}")
finally:
    stop_all()

done()
