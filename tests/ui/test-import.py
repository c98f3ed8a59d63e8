#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: opening a vCard file with the app shows the import preview
(new contacts, a card that cannot be read with its line); importing puts the
contacts into the list and the database.  Then a file with one new, one
matching and one broken card: the preview names all three, says what
merging adds and why the broken card cannot be read; one card skipped by
keyboard stays out of the database."""

import os
import subprocess
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
    app.find(Atspi.Role.LABEL, "vCard 3", root=dialog)
    problem = app.find_matching(Atspi.Role.LABEL, r"^Zeile \d+: ", root=dialog)
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

# One new, one matching and one broken card against a database that knows
# Hanna Brandt by her e-mail address.
SEED = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Hanna Brandt\r\nEMAIL:hb@example.org\r\nEND:VCARD\r\n"
MIXED = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lukas Feld\r\nORG:Feld & Flur\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Hanna Brandt\r\nEMAIL:HB@example.org\r\n"
    "EMAIL:hanna@privat.example\r\nEMAIL:hanna@verein.example\r\nBDAY:1985-03-14\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kaputte Karte\r\nthis line has no colon\r\nEND:VCARD\r\n"
)
seed = os.path.join(folder, "seed.vcf")
mixed = os.path.join(folder, "gemischt.vcf")
database = os.path.join(folder, "mixed.db")
with open(seed, "w", encoding="utf-8") as f:
    f.write(SEED)
with open(mixed, "w", encoding="utf-8") as f:
    f.write(MIXED)
env = dict(os.environ, LANG="de_DE.UTF-8", LC_ALL="de_DE.UTF-8", GSETTINGS_BACKEND="memory")
subprocess.run([os.environ["BZW_BINARY"], f"--database={database}", f"--import={seed}"],
               env=env, check=True, capture_output=True)

TITLE = "„gemischt.vcf“ importieren"
with App(mixed, database=database) as app:
    dialog = app.window(f"^{TITLE}$", timeout=20)
    for name in ("Lukas Feld", "Hanna Brandt", "Kaputte Karte"):
        app.find(Atspi.Role.LABEL, name, root=dialog)
    app.find(Atspi.Role.LABEL, "Neue Kontakte", root=dialog)
    app.find(Atspi.Role.LABEL, "Schon vorhanden", root=dialog)
    changes = app.find(Atspi.Role.LABEL, "+ 2 E-Mail-Adressen, Geburtstag", root=dialog)
    reason = app.find_matching(Atspi.Role.LABEL, r"^vCard 3, Zeile 17: .*fehlt der „:“", root=dialog)
    tap.ok(f"the preview names the new, the matching and the broken card: "
           f"„{changes.get_name()}“, „{reason.get_name()}“")

    # Each card's choice has an accessible name; skip Lukas Feld by keyboard.
    app.find(Atspi.Role.PUSH_BUTTON, "Was mit Hanna Brandt geschieht", root=dialog)
    drop = app.find(Atspi.Role.PUSH_BUTTON, "Was mit Lukas Feld geschieht", root=dialog)
    app.choose(drop, TITLE, "Down", "Return")
    app.wait(lambda: app.find_all(Atspi.Role.LABEL, "Überspringen", root=drop), "„Überspringen“ chosen")
    tap.ok("a card's choice is named after the card and switches to „Überspringen“ by keyboard")

    label = app.find(Atspi.Role.LABEL, "Importieren", root=dialog)
    app.click(label.get_parent())
    app.top_level_gone(TITLE, timeout=20)
    names = [r[0] for r in app.query("SELECT display_name FROM contacts ORDER BY display_name")]
    if names != ["Hanna Brandt"]:
        fail(f"after skipping Lukas Feld the database holds {names}")
    emails = app.query("SELECT count(*) FROM contact_fields f JOIN contacts c ON c.id = f.contact_id"
                       " WHERE c.display_name = 'Hanna Brandt' AND f.kind = 'email'")[0][0]
    birthday = app.query("SELECT birthday FROM contacts WHERE display_name = 'Hanna Brandt'")[0][0]
    if emails != 3 or birthday != "1985-03-14":
        fail(f"Hanna Brandt was not merged: {emails} e-mail addresses, birthday {birthday}")
    tap.ok("importing merges Hanna Brandt's two addresses and birthday and leaves the skipped card out")

tap.done()
