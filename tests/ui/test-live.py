#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: the window follows changes that another process makes to
its database.  While the window shows the example network, an import from
the command line adds three contacts; the list's count and the new names
show up in the open window without any action in it.  Then another
connection commits a hundred times in a row, as a long sync does: the
window reads afresh a few times (at most once per 500 ms of the burst, as
its debug log says), not after every commit, and shows the last state."""

import os
import sqlite3
import subprocess
import time

from bzwtest import App, Atspi, Tap, fail

tap = Tap()

CARDS = "".join(
    f"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:{given} {family}\r\nN:{family};{given};;;\r\n"
    f"EMAIL:{given.lower()}@terminal.example\r\nEND:VCARD\r\n"
    for given, family in (("Tilda", "Terminalis"), ("Tom", "Terminalis"), ("Tina", "Terminalis")))

ANNOUNCED = "The database was changed by another connection"

with App(env={"G_MESSAGES_DEBUG": "bzw-store"}) as app:
    app.click(app.find(Atspi.Role.PUSH_BUTTON, "Beispielnetzwerk laden"))
    label = app.find_matching(Atspi.Role.LABEL, r"^[1-9][0-9]* Kontakte$")
    before = int(app.name_of(label).split()[0])
    (stored,), = app.query("SELECT count (*) FROM contacts WHERE archived = 0")
    if before != stored:
        fail(f"the window counts {before}, the database holds {stored}")

    path = os.path.join(app.home, "terminal.vcf")
    with open(path, "w", encoding="utf-8") as f:
        f.write(CARDS)
    env = dict(os.environ, LANG="de_DE.UTF-8", LC_ALL="de_DE.UTF-8")
    p = subprocess.run([os.environ["BZW_BINARY"], f"--database={app.database}", f"--import={path}"],
                       capture_output=True, text=True, env=env, timeout=60)
    if p.returncode != 0:
        fail(f"the import from the terminal failed: {p.stderr}")
    tap.ok("three contacts are imported from the command line into the open database")

    app.find(Atspi.Role.LABEL, f"{before + 3} Kontakte", timeout=15)
    app.find(Atspi.Role.LABEL, "Tilda Terminalis", timeout=15)
    tap.ok(f"the open window counts {before + 3} contacts and lists the new ones, by itself")

    # A burst: 101 commits of another connection, each archiving or
    # restoring one contact; the last one archives it.
    (tilda,), = app.query("SELECT id FROM contacts WHERE given_name = 'Tilda'")
    announced_before = app.log().count(ANNOUNCED)
    commits = 101
    started = time.monotonic()
    with sqlite3.connect(app.database, timeout=30) as db:
        for i in range(commits):
            db.execute("UPDATE contacts SET archived = ? WHERE id = ?", (1 if i % 2 == 0 else 0, tilda))
            db.commit()
            time.sleep(0.01)
    took = time.monotonic() - started
    app.find(Atspi.Role.LABEL, f"{before + 2} Kontakte", timeout=15)
    app.gone(Atspi.Role.LABEL, "Tilda Terminalis", timeout=15)
    announced = app.log().count(ANNOUNCED) - announced_before
    # One at the start, one per 500 ms, one after the last commit.
    bound = int(took / 0.5) + 3
    print(f"# {commits} commits in {took:.2f} s: the window read afresh {announced} times (at most {bound})")
    if not 1 <= announced <= bound:
        fail(f"{commits} commits in {took:.2f} s made the window read afresh {announced} times, not 1 to {bound}")
    tap.ok(f"{commits} commits of another connection: the window reads afresh {announced} times, "
           "not after each, and shows the last state")

tap.done()
