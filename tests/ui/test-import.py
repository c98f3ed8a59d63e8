#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: opening a vCard file with the app shows the import preview
(new contacts, a card that cannot be read with its line); importing puts the
contacts into the list and the database."""

import os
import tempfile

from bzwtest import App, Atspi, Tap, fail

VCARDS = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jürgen Weiß\r\nN:Weiß;Jürgen;;;\r\n"
    "EMAIL;TYPE=WORK:jw@example.org\r\nORG:Müller & Söhne\r\nCATEGORIES:Kunden\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ayşe Öztürk\r\nTEL;TYPE=cell:+49 170 1234567\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nthis line has no colon\r\nEND:VCARD\r\n"
)

tap = Tap()
folder = tempfile.mkdtemp(prefix="bzw-import-")
path = os.path.join(folder, "kontakte.vcf")
with open(path, "w", encoding="utf-8") as f:
    f.write(VCARDS)

with App(path) as app:
    dialog = app.window("^„kontakte.vcf“ importieren$", timeout=20)
    app.find(Atspi.Role.LABEL, "2 neue Kontakte", root=dialog)
    app.find(Atspi.Role.LABEL, "1 neuer Kreis", root=dialog)
    problem = app.find_matching(Atspi.Role.LABEL, r"^Zeile \d+$", root=dialog)
    tap.ok(f"the preview counts 2 new contacts, 1 new circle and names the unreadable card ({problem.get_name()})")

    if app.query("SELECT count(*) FROM contacts")[0][0] != 0:
        fail("the preview wrote to the database")
    tap.ok("nothing is written before „Importieren“")

    # A button with a mnemonic is named by its label inside.
    label = app.find(Atspi.Role.LABEL, "Importieren", root=dialog)
    app.click(label.get_parent())
    app.find(Atspi.Role.LABEL, "2 Kontakte", timeout=20)
    rows = app.query("SELECT display_name FROM contacts ORDER BY display_name")
    if [r[0] for r in rows] != ["Ayşe Öztürk", "Jürgen Weiß"]:
        fail(f"the database holds {rows}")
    if app.query("SELECT count(*) FROM contact_circles cc JOIN circles c ON c.id = cc.circle_id"
                 " WHERE c.name = 'Kunden'")[0][0] != 1:
        fail("the category did not become a circle")
    app.find(Atspi.Role.LABEL, "Jürgen Weiß")
    tap.ok("importing shows both contacts in the list and stores them with their circle")

tap.done()
