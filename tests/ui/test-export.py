#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: two contacts selected in the list are exported from the
selection page through the file chooser as vCard 4.0; the file is read back
(unfolded, property by property) and holds exactly those two people."""

import os
import subprocess
import tempfile
import time

from bzwtest import App, Atspi, Tap, fail

PEOPLE = (
    ("Albers", "Anna", "anna@albers.example"),
    ("Brandt", "Bernd", "bernd@brandt.example"),
    ("Cordes", "Carla", "carla@cordes.example"),
)


def read_vcards(text):
    """The cards of a vCard file as lists of (name, value), lines unfolded
    as RFC 6350 says."""
    unfolded = text.replace("\r\n ", "").replace("\r\n\t", "").replace("\n ", "")
    cards, card = [], None
    for line in unfolded.splitlines():
        name, _, value = line.partition(":")
        name = name.split(";")[0].upper()
        if name == "BEGIN" and value.upper() == "VCARD":
            card = []
        elif name == "END" and value.upper() == "VCARD":
            cards.append(card)
            card = None
        elif card is not None:
            card.append((name, value))
    return cards


tap = Tap()
folder = tempfile.mkdtemp(prefix="bzw-export-")
seed = os.path.join(folder, "seed.vcf")
database = os.path.join(folder, "export.db")
target = os.path.join(folder, "auswahl.vcf")
with open(seed, "w", encoding="utf-8") as f:
    for family, given, email in PEOPLE:
        f.write(f"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:{given} {family}\r\nN:{family};{given};;;\r\n"
                f"EMAIL:{email}\r\nEND:VCARD\r\n")
env = dict(os.environ, LANG="de_DE.UTF-8", LC_ALL="de_DE.UTF-8", GSETTINGS_BACKEND="memory")
subprocess.run([os.environ["BZW_BINARY"], f"--database={database}", f"--import={seed}"],
               env=env, check=True, capture_output=True)

with App(database=database) as app:
    app.find(Atspi.Role.LABEL, "3 Kontakte")
    contacts = app.find(Atspi.Role.LIST, "Kontakte")
    Atspi.Selection.select_child(contacts, 0)
    Atspi.Selection.select_child(contacts, 1)
    app.find(Atspi.Role.LABEL, "2 Kontakte ausgewählt")
    tap.ok("two contacts selected in the list")

    app.click(app.find(Atspi.Role.PUSH_BUTTON, "Ausgewählte Kontakte exportieren …"))
    chooser = app.top_level("Ausgewählte Kontakte exportieren")
    entry = app.wait(lambda: next((n for n in app.find_all(Atspi.Role.TEXT, root=chooser)
                                   if Atspi.Accessible.get_editable_text_iface(n) is not None), None),
                     "the file name entry")
    app.type_text(entry, target)
    time.sleep(0.3)
    # GTK 4.8 names a button with a mnemonic „_Exportieren Exportieren“.
    app.click(app.find(Atspi.Role.PUSH_BUTTON, "Exportieren", root=chooser, contains=True))
    app.wait(lambda: os.path.exists(target), "the exported file", timeout=20)
    app.find(Atspi.Role.LABEL, "Kontakte als vCard exportiert")
    tap.ok("„Ausgewählte Kontakte exportieren …“ writes the file chosen in the file chooser")

with open(target, encoding="utf-8", newline="") as f:
    cards = read_vcards(f.read())
names = sorted(dict(card).get("FN") for card in cards)
versions = {dict(card).get("VERSION") for card in cards}
if names != ["Anna Albers", "Bernd Brandt"] or versions != {"4.0"}:
    fail(f"the file holds {names} in versions {versions}")
emails = sorted(dict(card).get("EMAIL") for card in cards)
if emails != ["anna@albers.example", "bernd@brandt.example"]:
    fail(f"the e-mail addresses read back are {emails}")
if os.stat(target).st_mode & 0o777 != 0o600:
    fail("the exported file is not private")
tap.ok("the file holds exactly the two selected contacts as vCard 4.0, with their addresses, mode 0600")

tap.done()
