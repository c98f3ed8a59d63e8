#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: a damaged database with a backup beside it.  The recovery
page names the problem, offers exactly what helps (restore, another file),
restores the backup, keeps the damaged file byte for byte, and the window
opens the data."""

import datetime
import glob
import os
import shutil
import sqlite3
import subprocess
import tempfile

from bzwtest import App, Atspi, Tap, fail

tap = Tap()

home = tempfile.mkdtemp(prefix="bzw-broken-")
broken = os.path.join(home, "beziehungsweise.db")

# A good backup: the example network, written by the command line.
good = os.path.join(home, "good.db")
subprocess.run([os.environ["BZW_BINARY"], f"--database={good}", "--demo", f"--export-vcard={os.path.join(home, 'demo.vcf')}"],
               check=True, capture_output=True, env=dict(os.environ, GSETTINGS_BACKEND="memory"))
os.makedirs(os.path.join(home, "backups"), mode=0o700)
shutil.copy(good, os.path.join(home, "backups", "beziehungsweise.db.daily-20260101-090000.db"))
with sqlite3.connect(f"file:{good}?mode=ro", uri=True) as db:
    (shown,), = db.execute("SELECT count(*) FROM contacts WHERE archived = 0").fetchall()

with open(broken, "wb") as f:
    f.write(os.urandom(64 * 1024))
with open(broken, "rb") as f:
    before = f.read()

with App(database=broken) as app:
    app.find(Atspi.Role.LABEL, "Keine Beziehungsweise-Datenbank")
    offered = {n.get_name() for n in app.find_all(Atspi.Role.PUSH_BUTTON)} & {
        "Aus Sicherung wiederherstellen …", "Andere Datei öffnen …", "Schreibgeschützt öffnen", "Erneut versuchen"}
    if offered != {"Aus Sicherung wiederherstellen …", "Andere Datei öffnen …"}:
        fail(f"the recovery page offers {offered}")
    tap.ok("a damaged file: the recovery page offers „Aus Sicherung wiederherstellen …“ and „Andere Datei öffnen …“")

    app.click(app.find(Atspi.Role.PUSH_BUTTON, "Aus Sicherung wiederherstellen …"))

    def window(name):
        def find():
            for j in range(app.app.get_child_count()):
                child = app.app.get_child_at_index(j)
                if child is not None and child.get_name() == name:
                    return child
            return None
        return app.wait(find, f"window “{name}”")

    dialog = window("Aus Sicherung wiederherstellen")
    # The file name holds UTC; the dialog shows local time in German form.
    when = datetime.datetime(2026, 1, 1, 9, 0, tzinfo=datetime.timezone.utc).astimezone().strftime("%d.%m.%Y, %H:%M")
    app.find(Atspi.Role.LABEL, when, root=dialog)
    app.click(app.find(Atspi.Role.PUSH_BUTTON, f"Die Sicherung vom {when} wiederherstellen",
                       root=dialog, contains=True))
    confirm = window("Diese Sicherung wiederherstellen?")
    app.click(app.find(Atspi.Role.PUSH_BUTTON, "_Wiederherstellen", root=confirm, contains=True))
    app.find_matching(Atspi.Role.LABEL, rf"^{shown} Kontakte$", timeout=20)
    tap.ok(f"the backup of {when} (local time) is restored and the window shows {shown} contacts")

    kept = glob.glob(os.path.join(home, "backups", "beziehungsweise.db.restore-*.db"))
    if len(kept) != 1 or open(kept[0], "rb").read() != before:
        fail(f"the damaged file was not kept byte for byte: {kept}")
    if os.stat(broken).st_mode & 0o777 != 0o600 or os.stat(kept[0]).st_mode & 0o777 != 0o600:
        fail("the restored database or the kept file is not private")
    tap.ok("the damaged file is kept byte for byte as a backup; both files are private")

shutil.rmtree(home, ignore_errors=True)
tap.done()
