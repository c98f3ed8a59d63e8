#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: the window follows changes that another process makes to
its database.  While the window shows the example network, an import from
the command line adds three contacts; the list's count and the new names
show up in the open window without any action in it."""

import os
import subprocess

from bzwtest import App, Atspi, Tap, fail

tap = Tap()

CARDS = "".join(
    f"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:{given} {family}\r\nN:{family};{given};;;\r\n"
    f"EMAIL:{given.lower()}@terminal.example\r\nEND:VCARD\r\n"
    for given, family in (("Tilda", "Terminalis"), ("Tom", "Terminalis"), ("Tina", "Terminalis")))

with App() as app:
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

tap.done()
