#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Screenshots of the real app with the example network, in German, for the
README.  Run through `build-aux/dev screenshots`, which provides the build,
a virtual display and a session bus."""

import os
import subprocess
import sys
import time

top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(top, "tests", "ui"))
build = sys.argv[1] if len(sys.argv) > 1 else "_build"
out = sys.argv[2] if len(sys.argv) > 2 else "screenshots"
os.environ.setdefault("BZW_BINARY", os.path.join(top, build, "src", "app", "beziehungsweise"))

from bzwtest import App, Atspi  # noqa: E402

os.makedirs(out, exist_ok=True)


def window_id(title="^Beziehungsweise$"):
    ids = subprocess.run(["xdotool", "search", "--name", title],
                         capture_output=True, text=True).stdout.split()
    return ids[-1] if ids else "root"


def shoot(name, window=None):
    time.sleep(1.0)
    path = os.path.join(out, f"{name}.png")
    subprocess.run(["import", "-window", window or window_id(), path], check=True)
    print(f"wrote {path}")


def only(*names):
    wanted = os.environ.get("BZW_SCREENSHOTS")
    return not wanted or any(n in wanted.split(",") for n in names)


with App("--demo", env={"GSK_RENDERER": "cairo"}) as app:
    # The window opens at its default size in the top left corner.
    app.find_matching(Atspi.Role.LABEL, r"^[1-9][0-9]* Kontakte$")
    if only("contacts"):
        shoot("contacts")

    if only("contact-page"):
        contacts = app.find(Atspi.Role.LIST, "Kontakte")
        names = [contacts.get_child_at_index(i).get_child_at_index(0).get_name()
                 for i in range(contacts.get_child_count())]
        Atspi.Selection.select_child(contacts, names.index(os.environ.get("BZW_SHOT_CONTACT", "Anna Klein")))
        app.find(Atspi.Role.LABEL, "Netzwerken")
        shoot("contact-page")

    # The editor of the same contact, with every kind of field.
    if only("editor"):
        edit = next(n for n in app.find_all(Atspi.Role.PUSH_BUTTON)
                    if (n.get_name() or "").replace("_", "") in ("Bearbeiten", "Bearbeiten Bearbeiten"))
        app.click(edit)
        time.sleep(1.5)
        shoot("editor", window_id("^Kontakt bearbeiten$"))
        App.keys_to("Kontakt bearbeiten", "Escape")
        time.sleep(0.5)

    for view, name in (("Journal", "journal"), ("Karte", "map"), ("Überblick", "overview")):
        if only(name):
            app.select_view(view)
            shoot(name)

    if only("quick-add"):
        app.select_view("Journal")
        app.click(app.find(Atspi.Role.PUSH_BUTTON, "Neuer Journaleintrag"))
        time.sleep(1.5)
        shoot("quick-add", window_id("^Neuer Journaleintrag$"))

    # The printout of the same network, page 1, as a person would see it.
    if only("print"):
        pdf = os.path.join(app.home, "overview.pdf")
        env = dict(os.environ, LANG="de_DE.UTF-8", LC_ALL="de_DE.UTF-8")
        subprocess.run([os.environ["BZW_BINARY"], f"--database={app.database}", f"--print-overview={pdf}"],
                       check=True, env=env)
        subprocess.run(["pdftoppm", "-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile", pdf,
                        os.path.join(out, "printout")], check=True)
        print(f"wrote {os.path.join(out, 'printout.png')}")

    # The one-page Gesprächsvorbereitung of one contact.
    if only("briefing"):
        pdf = os.path.join(app.home, "briefing.pdf")
        env = dict(os.environ, LANG="de_DE.UTF-8", LC_ALL="de_DE.UTF-8")
        subprocess.run([os.environ["BZW_BINARY"], f"--database={app.database}", f"--print-briefing={pdf}",
                        "--briefing-contact=Anna Klein"], check=True, env=env)
        subprocess.run(["pdftoppm", "-png", "-r", "90", "-singlefile", pdf, os.path.join(out, "briefing")],
                       check=True)
        print(f"wrote {os.path.join(out, 'briefing.png')}")
