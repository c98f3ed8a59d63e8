#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""An independent client beside the app: vdirsyncer syncs the same
address book of a real Radicale on 127.0.0.1 to a folder, as a phone
would.  The app's cards arrive there and parse (vobject); an edit and a
delete made in that folder and pushed by vdirsyncer come back into the app,
with the app's own X- fields (offers, seeks, trust) kept; an edit made in
the app arrives in the folder."""

import glob
import os
import shutil
import sqlite3
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from davtest import ok, fail, done, skip, make_home, make_env, start_server, stop_all  # noqa: E402

if shutil.which("vdirsyncer") is None:
    skip("vdirsyncer is not installed")

try:
    import vobject
except ImportError:
    vobject = None

home = make_home()
env = dict(make_env(home), XDG_CONFIG_HOME=os.path.join(home, "config"))
port = start_server("radicale", home)

db = os.path.join(home, "app.db")
folder = os.path.join(home, "folder")
status = os.path.join(home, "status")
vdir_config = os.path.join(home, "vdirsyncer.conf")
with open(vdir_config, "w") as f:
    f.write(f"""[general]
status_path = "{status}"

[pair kontakte]
a = "ordner"
b = "server"
collections = ["from b"]
conflict_resolution = "a wins"

[storage ordner]
type = "filesystem"
path = "{folder}"
fileext = ".vcf"

[storage server]
type = "carddav"
url = "http://127.0.0.1:{port}/anna/"
username = "anna"
password = "geheim"
""")


def app(*args):
    r = subprocess.run([os.environ["BZW_BINARY"], f"--database={db}", *args],
                       env=env, capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        fail(f"{' '.join(args)} failed: {r.stderr.strip()}")
    return r.stdout.strip()


def sync(expect=None):
    line = app("--sync")
    counts = [int(word) for word in line.replace(",", "").split() if word.isdigit()]
    if expect is not None and counts != expect:
        fail(f"--sync said {line!r}, expected {expect}")
    return counts


def vdirsyncer(*args, stdin=None):
    r = subprocess.run(["vdirsyncer", "-c", vdir_config, *args], env=env, input=stdin,
                       capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        fail(f"vdirsyncer {' '.join(args)} failed: {r.stderr.strip()[-1500:]}")


def cards():
    return sorted(glob.glob(os.path.join(folder, "*", "*.vcf")))


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def query(sql, *args):
    with sqlite3.connect(db) as c:
        return c.execute(sql, args).fetchall()


try:
    app("--demo", f"--sync-account=http://anna@127.0.0.1:{port}/")
    # The journal goes to the calendar (test-caldav); here only the cards.
    with sqlite3.connect(db) as c:
        for table in ("encounters", "favours", "referrals", "relationships", "talking_points"):
            c.execute(f"DELETE FROM {table}")
    total = query("SELECT count(*) FROM contacts")[0][0]
    sync([total, 0, 0])

    vdirsyncer("discover", "kontakte", stdin="y\n" * 10)
    vdirsyncer("sync")
    found = cards()
    if len(found) != total:
        fail(f"vdirsyncer brought {len(found)} of {total} cards into the folder")
    ok(f"vdirsyncer syncs the app's {total} cards into a folder")

    uids = set()
    for path in found:
        text = read(path)
        if vobject is not None:
            card = vobject.readOne(text)
            # The app writes its UIDs as URNs (urn:uuid:…) and keeps them bare.
            uids.add(card.uid.value.removeprefix("urn:uuid:"))
            if not card.fn.value:
                fail(f"{os.path.basename(path)} has no FN for vobject")
        elif "BEGIN:VCARD" not in text or "UID:" not in text:
            fail(f"{os.path.basename(path)} is no vCard")
    if vobject is not None and uids != {r[0] for r in query("SELECT uid FROM contacts")}:
        fail("the folder's UIDs are not the app's")
    ok("every card in the folder parses (vobject) and has the app's UID")

    # One card with the app's own fields, edited as another client would:
    # one line changed, everything else kept.
    uid, offers, seeks, trust, org = query(
        "SELECT uid, offers, seeks, trust, organisation FROM contacts WHERE offers IS NOT NULL"
        " AND seeks IS NOT NULL AND trust > 0 AND organisation IS NOT NULL ORDER BY uid LIMIT 1")[0]
    path = next(p for p in found if f"UID:urn:uuid:{uid}" in read(p))
    text = read(path)
    if "X-BZW-OFFERS" not in text:
        fail("the card in the folder lacks X-BZW-OFFERS")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    org_at = next(i for i, line in enumerate(lines) if line.startswith("ORG"))
    lines[org_at] = "ORG:Über vdirsyncer geändert GmbH"
    write(path, newline.join(lines))

    gone_uid = query("SELECT uid FROM contacts WHERE uid != ? ORDER BY uid DESC LIMIT 1", uid)[0][0]
    gone_path = next(p for p in found if f"UID:urn:uuid:{gone_uid}" in read(p))
    os.unlink(gone_path)
    vdirsyncer("sync")

    sync([0, 2, 0])
    row = query("SELECT organisation, offers, seeks, trust FROM contacts WHERE uid = ?", uid)[0]
    if row != ("Über vdirsyncer geändert GmbH", offers, seeks, trust):
        fail(f"after the edit in the folder the contact is {row}, expected the new organisation "
             f"and {(offers, seeks, trust)}")
    ok("an edit in the folder comes back into the app, offers, seeks and trust kept")

    if query("SELECT count(*) FROM contacts WHERE uid = ?", gone_uid)[0][0] != 0:
        fail("the card deleted in the folder is still a contact")
    if query("SELECT count(*) FROM contacts")[0][0] != total - 1:
        fail("the delete in the folder removed more than one contact")
    ok("a card deleted in the folder deletes the contact in the app")

    sync([0, 0, 0])
    with sqlite3.connect(db) as c:
        c.execute("UPDATE contacts SET role = 'Kassenwartin' WHERE uid = ?", (uid,))
    sync([1, 0, 0])
    vdirsyncer("sync")
    text = read(path)
    if "Kassenwartin" not in text or "Über vdirsyncer geändert GmbH" not in text or "X-BZW-OFFERS" not in text:
        fail(f"the app's edit did not arrive in the folder whole: {text!r}")
    ok("an edit in the app arrives in the folder, with the folder's edit and the X- fields")
finally:
    stop_all()

done()
