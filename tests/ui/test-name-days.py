#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: name days are off by default; the switch „Namenstage“ in the
preferences turns them on, the database learns it, and the Überblick's
„Anstehende Anlässe“ shows the name day of a contact whose given name has
one in the coming month."""

import datetime
import os
import subprocess
import tempfile

from bzwtest import App, Atspi, Tap, fail

# Given names of the app's table whose name days lie less than 30 days
# apart all year round.
NAME_DAYS = {
    "Sebastian": (1, 20), "Agnes": (1, 21), "Valentin": (2, 14), "Matthias": (2, 24), "Gertrud": (3, 17),
    "Josef": (3, 19), "Hugo": (4, 1), "Georg": (4, 23), "Markus": (4, 25), "Florian": (5, 4),
    "Sophie": (5, 15), "Justin": (6, 1), "Bonifatius": (6, 5), "Johannes": (6, 24), "Peter": (6, 29),
    "Ulrich": (7, 4), "Anna": (7, 26), "Lorenz": (8, 10), "Bernhard": (8, 20), "Monika": (8, 27),
    "Hildegard": (9, 17), "Michael": (9, 29), "Ursula": (10, 21), "Wolfgang": (10, 31), "Hubert": (11, 3),
    "Martin": (11, 11), "Barbara": (12, 4), "Nikolaus": (12, 6), "Adam": (12, 24), "Stephan": (12, 26),
    "Silvester": (12, 31),
}


def next_name_day(today):
    """The given name whose name day comes next, from tomorrow, and the day."""
    def next_day(month, day):
        this_year = datetime.date(today.year, month, day)
        return this_year if this_year > today else datetime.date(today.year + 1, month, day)
    return min(((name, next_day(*md)) for name, md in NAME_DAYS.items()), key=lambda pair: pair[1])


tap = Tap()
today = datetime.date.today()
given, day = next_name_day(today)
if (day - today).days >= 30:
    fail(f"no name day of the list within 30 days of {today}")
full_name = f"{given} Mustermann"

home = tempfile.mkdtemp(prefix="bzw-name-days-")
database = os.path.join(home, "beziehungsweise.db")
card = os.path.join(home, "card.vcf")
with open(card, "w", encoding="utf-8") as f:
    f.write(f"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:{full_name}\r\nN:Mustermann;{given};;;\r\nEND:VCARD\r\n")
env = dict(os.environ, GSETTINGS_BACKEND="memory", LANG="de_DE.UTF-8", LC_ALL="de_DE.UTF-8")
subprocess.run([os.environ["BZW_BINARY"], f"--database={database}", f"--import={card}"],
               env=env, check=True, capture_output=True)


with App(database=database) as app:
    app.find(Atspi.Role.LABEL, "1 Kontakt")
    if app.query("SELECT value FROM meta WHERE key = 'name-days'") not in ([], [("false",)]):
        fail("name days are on before anyone switched them on")
    app.select_view("Überblick")
    app.find(None, "Zeit, sich zu melden", root=app.frame, contains=True, timeout=20)
    if app.find_all(None, "Namenstag ·", root=app.frame, contains=True):
        fail("a name day shows while name days are off")
    tap.ok("name days are off by default: the Überblick shows none")

    button = app.wait(lambda: next((n for n in app.find_all(Atspi.Role.PUSH_BUTTON, "Hauptmenü")
                                    if Atspi.Action.get_n_actions(n) > 0), None), "the main menu button")
    app.click(button)
    app.click(app.find(Atspi.Role.MENU_ITEM, "Einstellungen", root=app.app, contains=True))
    preferences = app.top_level("Einstellungen")
    # The switch is a check box for AT-SPI in GTK 4.8, its name said twice.
    switch = app.find(Atspi.Role.CHECK_BOX, "Namenstage", root=preferences, contains=True)
    if switch.get_state_set().contains(Atspi.StateType.CHECKED):
        fail("the switch „Namenstage“ is on before anyone switched it on")
    app.click(switch)
    app.wait(lambda: app.query("SELECT value FROM meta WHERE key = 'name-days'") == [("true",)],
             "the database to learn that name days are on")
    tap.ok("the switch „Namenstage“ in the preferences turns name days on, in the database too")

    App.keys_to("Einstellungen", "Escape")
    app.top_level_gone("Einstellungen")
    label = app.wait(lambda: next(iter(app.find_all(None, "Namenstag ·", root=app.frame, contains=True)), None),
                     f"the name day of {full_name} in „Anstehende Anlässe“", timeout=20)
    app.find(None, full_name, root=app.frame)
    tap.ok(f"„Anstehende Anlässe“ shows „{App.name_of(label)}“ for {full_name} ({day:%d.%m.})")

tap.done()
