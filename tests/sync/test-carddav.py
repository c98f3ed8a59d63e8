#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Two databases sync their contacts through a real Radicale on 127.0.0.1:
A's example network goes up, an empty B gets the same contacts with every
field, edits of different fields on both sides merge, a delete arrives, a
wrong password fails with one German line and a non-zero exit."""

import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

n = 0


def ok(description):
    global n
    n += 1
    print(f"ok {n} - {description}", flush=True)


def fail(message):
    print(f"not ok - {message}", flush=True)
    stop()
    sys.exit(1)


if shutil.which("radicale") is None:
    print("1..0 # SKIP radicale is not installed")
    sys.exit(0)

home = tempfile.mkdtemp(prefix="bzw-sync-")
env = dict(os.environ, LANG="de_DE.UTF-8", LC_ALL="de_DE.UTF-8", LANGUAGE="", HOME=home,
           XDG_DATA_HOME=os.path.join(home, "data"), GSETTINGS_BACKEND="memory",
           BZW_SYNC_PASSWORD="geheim")
env.pop("DISPLAY", None)
env.pop("DBUS_SESSION_BUS_ADDRESS", None)

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]

with open(os.path.join(home, "htpasswd"), "w") as f:
    f.write("anna:geheim\n")
config = os.path.join(home, "radicale.conf")
with open(config, "w") as f:
    f.write(f"""[server]
hosts = 127.0.0.1:{port}
[auth]
type = htpasswd
htpasswd_filename = {home}/htpasswd
htpasswd_encryption = plain
[storage]
filesystem_folder = {home}/storage
[logging]
level = warning
""")

server = subprocess.Popen(["radicale", "--config", config], stdout=subprocess.DEVNULL,
                          stderr=open(os.path.join(home, "radicale.log"), "w"))


def stop():
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)


for _ in range(100):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
        break
    except urllib.error.HTTPError:
        break
    except OSError:
        time.sleep(0.1)
else:
    fail("Radicale did not start")

url = f"http://anna@127.0.0.1:{port}/"
db_a = os.path.join(home, "a.db")
db_b = os.path.join(home, "b.db")


def run(db, *args, password="geheim"):
    e = dict(env, BZW_SYNC_PASSWORD=password)
    return subprocess.run([os.environ["BZW_BINARY"], f"--database={db}", *args],
                          env=e, capture_output=True, text=True, timeout=120)


def sync(db, expect=None):
    start = time.monotonic()
    r = run(db, "--sync")
    took = time.monotonic() - start
    if r.returncode != 0:
        fail(f"--sync failed: {r.stderr.strip()}")
    line = r.stdout.strip()
    if "hochgeladen" not in line or "heruntergeladen" not in line or "Konflikte" not in line:
        fail(f"--sync said {line!r}")
    counts = [int(word) for word in line.replace(",", "").split() if word.isdigit()]
    if expect is not None and counts != expect:
        fail(f"--sync said {line!r}, expected {expect}")
    return counts, took


COLUMNS = "display_name, given_name, family_name, organisation, role, offers, seeks, trust, notes, birthday"


def contacts(db):
    with sqlite3.connect(db) as c:
        rows = {r[0]: r[1:] for r in c.execute(f"SELECT uid, {COLUMNS} FROM contacts")}
        fields = {}
        for uid, kind, value in c.execute("SELECT c.uid, f.kind, f.value FROM contact_fields f"
                                          " JOIN contacts c ON c.id = f.contact_id ORDER BY f.kind, f.value"):
            fields.setdefault(uid, []).append((kind, value))
        circles = {}
        for uid, name in c.execute("SELECT c.uid, k.name FROM contact_circles cc JOIN contacts c ON c.id ="
                                   " cc.contact_id JOIN circles k ON k.id = cc.circle_id ORDER BY k.name"):
            circles.setdefault(uid, []).append(name)
    return rows, fields, circles


def execute(db, sql, *args):
    with sqlite3.connect(db) as c:
        c.execute(sql, args)


def same(what):
    a, b = contacts(db_a), contacts(db_b)
    for part, name in zip(range(3), ("rows", "fields", "circles")):
        if a[part] != b[part]:
            diff = [k for k in set(a[part]) | set(b[part]) if a[part].get(k) != b[part].get(k)]
            fail(f"{what}: {name} differ for {len(diff)} contacts, e.g. {diff[:1]} "
                 f"{a[part].get(diff[0])} != {b[part].get(diff[0])}")


try:
    r = run(db_a, "--demo", f"--sync-account={url}")
    if r.returncode != 0:
        fail(f"--demo --sync-account failed: {r.stderr}")
    with sqlite3.connect(db_a) as c:
        stored = c.execute("SELECT value FROM meta WHERE key = 'sync-account'").fetchone()
        total = c.execute("SELECT count(*) FROM contacts").fetchone()[0]
    if stored != (url,):
        fail(f"the account was stored as {stored}")
    ok("--sync-account stores the address, without a password")

    r = run(db_a, "--sync-account=http://anna@cloud.example.org/")
    if r.returncode == 0 or "https" not in r.stderr or len(r.stderr.strip().splitlines()) != 1:
        fail(f"plain HTTP to another host was not refused: {r.returncode} {r.stderr!r}")
    ok("plain HTTP is refused for a host that is not loopback")

    (up, down, conflicts), took = sync(db_a)
    if up != total or down != 0 or conflicts != 0:
        fail(f"the first sync of A uploaded {up} of {total}")
    print(f"# first sync of {total} contacts up: {took:.2f} s", flush=True)
    ok(f"A uploads its {total} contacts")

    (_, took) = sync(db_a, [0, 0, 0])
    print(f"# sync with nothing to do: {took:.2f} s", flush=True)
    ok("a second sync of A has nothing to do")

    r = run(db_b, f"--sync-account={url}")
    (_, took) = sync(db_b, [0, total, 0])
    print(f"# first sync of {total} contacts down: {took:.2f} s", flush=True)
    same("after B's first sync")
    with sqlite3.connect(db_b) as c:
        offers = c.execute("SELECT count(*) FROM contacts WHERE offers IS NOT NULL AND seeks IS NOT NULL").fetchone()[0]
    if offers == 0:
        fail("no contact in B has offers and seeks")
    ok(f"B gets the same {total} contacts with their fields, offers, seeks, trust and circles")

    sync(db_b, [0, 0, 0])
    ok("B's next sync has nothing to do")

    with sqlite3.connect(db_a) as c:
        uid = c.execute("SELECT uid FROM contacts WHERE offers IS NOT NULL ORDER BY uid LIMIT 1").fetchone()[0]
    execute(db_b, "UPDATE contacts SET offers = 'Steuerberatung für Vereine' WHERE uid = ?", uid)
    execute(db_a, "UPDATE contacts SET organisation = 'Neue Firma GmbH' WHERE uid = ?", uid)
    sync(db_a, [1, 0, 0])
    sync(db_b, [1, 1, 0])
    sync(db_a, [0, 1, 0])
    same("after edits on both sides")
    with sqlite3.connect(db_a) as c:
        row = c.execute("SELECT offers, organisation FROM contacts WHERE uid = ?", (uid,)).fetchone()
    if row != ("Steuerberatung für Vereine", "Neue Firma GmbH"):
        fail(f"the merged contact is {row}")
    ok("an edit of one field in B and of another in A both arrive on both sides")

    with sqlite3.connect(db_a) as c:
        gone = c.execute("SELECT uid FROM contacts ORDER BY uid DESC LIMIT 1").fetchone()[0]
        c.execute("PRAGMA foreign_keys = ON")
        c.execute("DELETE FROM contacts WHERE uid = ?", (gone,))
    sync(db_a, [1, 0, 0])
    sync(db_b, [0, 1, 0])
    same("after a delete in A")
    with sqlite3.connect(db_b) as c:
        if c.execute("SELECT count(*) FROM contacts WHERE uid = ?", (gone,)).fetchone()[0] != 0:
            fail("the contact deleted in A is still in B")
    ok("a contact deleted in A is deleted in B")

    r = run(db_b, "--sync", password="falsch")
    lines = r.stderr.strip().splitlines()
    if r.returncode == 0 or len(lines) != 1 or "Passwort" not in lines[0]:
        fail(f"a wrong password gave {r.returncode} {r.stderr!r}")
    ok(f"a wrong password fails with one German line: {lines[0]}")
finally:
    stop()

print(f"1..{n}")
