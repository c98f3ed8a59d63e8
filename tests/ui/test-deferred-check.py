#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: the check of the database that waits until the window is on
screen.  A real database with a valid header and schema but damaged pages
opens, then its deferred check sends the window to the recovery page; the
file stays byte for byte as it was and no daily backup is made of it.  A
healthy database passes the same check, is not reported, and gets its daily
backup afterwards."""

import glob
import os
import shutil
import sqlite3
import subprocess
import tempfile
import time

from bzwtest import App, Atspi, Tap, fail

tap = Tap()
debug = {"G_MESSAGES_DEBUG": "bzw-window-care"}
passed = "The deferred check of the database found no problems"
failed = "The deferred check of the database failed"


def make_network(path):
    """The example network, written by the command line, with twenty times
    its encounters so that their table spans many pages."""
    # In the locale the app runs in: new sort keys would be a write, and a
    # write waits for no check.
    subprocess.run([os.environ["BZW_BINARY"], f"--database={path}", "--demo", f"--export-vcard={path}.vcf"],
                   check=True, capture_output=True,
                   env=dict(os.environ, GSETTINGS_BACKEND="memory", LANG="de_DE.UTF-8", LC_ALL="de_DE.UTF-8"))
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO encounters (uid, created, modified, happened_at, channel, place, notes)"
                   " SELECT lower(hex(randomblob(16))), e.created, e.modified, e.happened_at - n.value * 86400,"
                   " e.channel, e.place, coalesce(e.notes, '') || ' (' || n.value || ')'"
                   " FROM encounters e, (WITH RECURSIVE c(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM c"
                   " WHERE value < 20) SELECT value FROM c) n")
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)


def leaf_pages(path, table):
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        (page_size,), = db.execute("PRAGMA page_size").fetchall()
        pages = [p for (p,) in db.execute("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'"
                                         " ORDER BY pageno", (table,))]
    return page_size, pages


def names(app, role):
    return {app.name_of(n) for n in app.find_all(role)}


def wait_for_log(app, line, timeout=30):
    app.wait(lambda: line in app.log(), f"“{line}” in the app's log", timeout)


home = tempfile.mkdtemp(prefix="bzw-deferred-")

# A damaged database: one leaf page of the encounters table overwritten in
# the middle.  Header, schema and the contact list are intact, so opening
# works and only reading every page finds the damage.
broken = os.path.join(home, "broken", "beziehungsweise.db")
os.makedirs(os.path.dirname(broken), mode=0o700)
make_network(broken)
page_size, pages = leaf_pages(broken, "encounters")
if len(pages) < 3:
    fail(f"the encounters table has only {len(pages)} leaf pages")
with open(broken, "r+b") as f:
    f.seek((pages[len(pages) // 2] - 1) * page_size + page_size // 4)
    f.write(bytes((i * 37 + 11) % 251 for i in range(page_size // 2)))
os.chmod(broken, 0o600)
with open(broken, "rb") as f:
    before = f.read()
with sqlite3.connect(f"file:{broken}?mode=ro&immutable=1", uri=True) as db:
    try:
        check = db.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as e:
        check = str(e)
    if check == "ok":
        fail("the damaged file passes quick_check")
    (version,), = db.execute("PRAGMA user_version").fetchall()
    (contacts,), = db.execute("SELECT count(*) FROM contacts").fetchall()
    if version < 1 or contacts < 80:
        fail("the damage reached the schema or the contacts")

with App(database=broken, env=debug) as app:
    app.find(Atspi.Role.LABEL, "Die Datenbank ist beschädigt", timeout=30)
    if failed not in app.log():
        fail("the recovery page came, but not from the deferred check:\n" + app.log())
    offered = names(app, Atspi.Role.PUSH_BUTTON) & {
        "Aus Sicherung wiederherstellen …", "Andere Datei öffnen …", "Schreibgeschützt öffnen", "Erneut versuchen"}
    if offered != {"Andere Datei öffnen …"}:
        fail(f"the recovery page offers {offered}")
    tap.ok("valid header, damaged pages: the window opens, the deferred check fails, the recovery page names it")

    # The daily backup would run next; it must not copy the damaged file.
    time.sleep(2)
    if glob.glob(os.path.join(os.path.dirname(broken), "backups", "*")):
        fail("a backup of the damaged file was made")
    with open(broken, "rb") as f:
        if f.read() != before:
            fail("the damaged file was changed")
    for suffix in ("-wal", "-shm", "-journal"):
        if os.path.exists(broken + suffix):
            fail(f"the closed database left a {suffix} file")
    tap.ok("the damaged file is unchanged byte for byte, closed, and no backup was made of it")

# A healthy database: the same check passes and nothing is reported.
healthy = os.path.join(home, "healthy", "beziehungsweise.db")
os.makedirs(os.path.dirname(healthy), mode=0o700)
make_network(healthy)
with sqlite3.connect(f"file:{healthy}?mode=ro", uri=True) as db:
    (shown,), = db.execute("SELECT count(*) FROM contacts WHERE archived = 0").fetchall()

with App(database=healthy, env=debug) as app:
    app.find(Atspi.Role.LABEL, f"{shown} Kontakte", timeout=30)
    wait_for_log(app, passed)
    if failed in app.log():
        fail("the healthy file was reported as damaged")
    app.wait(lambda: glob.glob(os.path.join(os.path.dirname(healthy), "backups", "*.daily-*.db")),
             "the daily backup", timeout=30)
    # The recovery page is filled in only when it is shown.
    if "Die Datenbank ist beschädigt" in names(app, Atspi.Role.LABEL):
        fail("the healthy database shows the recovery page")
    app.find(Atspi.Role.LABEL, f"{shown} Kontakte")
    tap.ok(f"a healthy file passes the deferred check, the list keeps its {shown} contacts, "
           "and the daily backup follows")

shutil.rmtree(home, ignore_errors=True)
tap.done()
