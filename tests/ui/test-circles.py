#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: circles at hand.  A contact is put in a circle from the +
beside its circle chips, taken out again through the ⋮ menu, and put in
another circle from the context menu of its row in the list, opened by
keyboard (Shift+F10); each step read back from the page and from the
database.  The avatar shows the initials of given and family name, not
of a title."""

import subprocess
import time

from bzwtest import TIMEOUT_SCALE, App, Atspi, Tap, fail

tap = Tap()
CONTACT = "Anna Klein"


def circles_of(app, name):
    return sorted(c for (c,) in app.query(
        "SELECT ci.name FROM contact_circles cc JOIN circles ci ON ci.id = cc.circle_id"
        " JOIN contacts c ON c.id = cc.contact_id WHERE c.given_name || ' ' || c.family_name = ?", name))


MENU_ROLES = (Atspi.Role.CHECK_MENU_ITEM, Atspi.Role.MENU_ITEM, Atspi.Role.RADIO_MENU_ITEM,
              Atspi.Role.PUSH_BUTTON)


def look_for_item(app, name):
    """An item of an open popover menu, a check item or a submenu, or None."""
    for node in app.find_all(None, None, root=app.app):
        try:
            if node.get_role() in MENU_ROLES and app.name_of(node).replace("_", "") == name:
                return node
        except Exception:
            continue
    return None


def menu_item(app, name):
    """An item of an open popover menu, waited for."""
    return app.wait(lambda: look_for_item(app, name), f"menu item „{name}“")


def context_menu_by_click(app, x, y, name):
    """Item @name of the context menu a right click at (@x, @y) opens.  The
    list reloads a moment after a change in the database and builds its
    rows again: a click that falls into the reload opens a menu on a row
    that goes, so the click is tried again."""
    for _ in range(3):
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "3"], check=True)
        deadline = time.monotonic() + 5 * TIMEOUT_SCALE
        while time.monotonic() < deadline:
            item = look_for_item(app, name)
            if item is not None:
                return item
            time.sleep(0.2)
        subprocess.run(["xdotool", "key", "Escape"], check=True)
        time.sleep(1)
    return menu_item(app, name)


def close_menu(app, name):
    """Closes the popover menu with the item @name, if choosing the item
    did not: Escape, and wait until it is gone.  An Escape sent blindly
    may arrive after the next menu was opened over AT-SPI and close
    that one instead."""
    if look_for_item(app, name) is not None:
        subprocess.run(["xdotool", "key", "Escape"], check=True)
        app.wait(lambda: look_for_item(app, name) is None, f"the menu with „{name}“ to close")


def open_menu(app, name):
    """A menu button is clicked through the toggle button inside it."""
    button = app.find(None, name)
    inner = [button] + [button.get_child_at_index(i) for i in range(button.get_child_count())]
    app.click(next(n for n in inner if Atspi.Action.get_n_actions(n) > 0))


with App() as app:
    app.click(app.find(Atspi.Role.PUSH_BUTTON, "Beispielnetzwerk laden"))
    app.find_matching(Atspi.Role.LABEL, r"^[1-9][0-9]* Kontakte$")
    contacts = app.find(Atspi.Role.LIST, "Kontakte")
    names = [contacts.get_child_at_index(i).get_child_at_index(0).get_name()
             for i in range(contacts.get_child_count())]
    app.open_contact(name=CONTACT)
    app.find(Atspi.Role.LABEL, "Netzwerken")
    before = circles_of(app, CONTACT)
    if "Verein" in before or "Familie" in before:
        fail(f"the example contact is in {before} already")

    # The + beside the chips.
    open_menu(app, "Kreise zuordnen")
    app.click(menu_item(app, "Verein"))
    app.wait(lambda: "Verein" in circles_of(app, CONTACT), "„Verein“ in the database")
    app.find(Atspi.Role.LABEL, "Verein")
    tap.ok(f"„{CONTACT}“ is put in „Verein“ from the + beside the circle chips")

    # The ⋮ menu, submenu „Kreise“.
    close_menu(app, "Verein")
    open_menu(app, "Weitere Aktionen")
    app.click(menu_item(app, "Kreise"))
    app.click(menu_item(app, "Verein"))
    app.wait(lambda: "Verein" not in circles_of(app, CONTACT), "„Verein“ to be gone from the database")
    if circles_of(app, CONTACT) != before:
        fail(f"after taking it out again: {circles_of(app, CONTACT)}, before: {before}")
    tap.ok("taken out of „Verein“ again through the ⋮ menu")

    # The row's context menu: a click focuses the row, Shift+F10 opens it.
    # The second row of the list is on screen.
    close_menu(app, "Verein")
    other = names[1]
    if "Familie" in circles_of(app, other):
        fail(f"„{other}“ is in „Familie“ already")
    row = contacts.get_child_at_index(1)
    extents = Atspi.Component.get_extents(row, Atspi.CoordType.SCREEN)
    subprocess.run(["xdotool", "mousemove", str(extents.x + 60), str(extents.y + extents.height // 2),
                    "click", "1"], check=True)
    time.sleep(0.5)
    subprocess.run(["xdotool", "key", "shift+F10"], check=True)
    menu_item(app, "Bearbeiten")
    app.click(menu_item(app, "Kreise"))
    app.click(menu_item(app, "Familie"))
    app.wait(lambda: "Familie" in circles_of(app, other), "„Familie“ in the database")
    tap.ok(f"„{other}“ is put in „Familie“ from the context menu of its row, opened with Shift+F10")

    # A right click opens it too.
    close_menu(app, "Familie")
    app.click(context_menu_by_click(app, extents.x + 60, extents.y + extents.height // 2, "Kreise"))
    app.click(menu_item(app, "Familie"))
    app.wait(lambda: "Familie" not in circles_of(app, other), "„Familie“ to be gone from the database")
    tap.ok("taken out of „Familie“ from the context menu opened by a right click")

    # Initials without the title.
    heike = next(n for n in names if "Heike" in n)
    app.open_contact(name=heike)
    shown = [app.name_of(n) for n in app.find_all(Atspi.Role.LABEL, root=app.app)]
    if "DB" in shown or "HB" not in shown:
        fail(f"the avatar of „{heike}“ does not show „HB“: {[s for s in shown if len(s) == 2]}")
    tap.ok(f"the avatar of „{heike}“ shows „HB“, not „DB“")

tap.done()
