#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: „Wie erreiche ich …?“ on the map of the example network.
Ctrl+G opens it; a name gives the introduction path in words under the bar
and in the map's description, each step a relationship of the database
with its strength."""

import os
import re
import subprocess

from bzwtest import App, Atspi, Tap, fail

tap = Tap()
APP_ENV = {"ASAN_OPTIONS": os.environ["ASAN_OPTIONS"] + ":detect_leaks=0"} if "ASAN_OPTIONS" in os.environ else {}
WORDS = {"stark": (4, 5), "mittel": (2, 3), "schwach": (1,)}


def keys(*names):
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^Beziehungsweise$"],
                         capture_output=True, text=True, timeout=10).stdout.split()
    if not out:
        fail("no X window named Beziehungsweise")
    subprocess.run(["xdotool", "windowfocus", "--sync", out[-1]], check=True)
    subprocess.run(["xdotool", "key", "--delay", "100", *names], check=True)


def path_label(app, target):
    return app.find_matching(Atspi.Role.LABEL, rf"^{re.escape(target)}: ")


def check_chain(app, text, target):
    """„T: über A (stark) → B (mittel)“: every step a relationship of the
    database with that strength, the first a contact of mine."""
    ids = dict((n, i) for i, n in app.query("SELECT id, display_name FROM contacts"))
    chain = text.split(": ", 1)[1]
    if not chain.startswith("über "):
        fail(f"„{text}“ is no path through others")
    steps = [re.fullmatch(r"(.+) \((stark|mittel|schwach)\)", s) for s in chain[5:].split(" → ")]
    if None in steps or steps[-1].group(1) != target or len(steps) < 2:
        fail(f"cannot read the path „{text}“")
    for prev, step in zip(steps, steps[1:]):
        a, b = ids[prev.group(1)], ids[step.group(1)]
        rows = app.query("SELECT strength FROM relationships WHERE (a_id = ?1 AND b_id = ?2)"
                         " OR (a_id = ?2 AND b_id = ?1)", a, b)
        if not rows or max(r[0] for r in rows) not in WORDS[step.group(2)]:
            fail(f"{prev.group(1)} → {step.group(1)} ({step.group(2)}) is not a relationship of the database: {rows}")
    return [s.group(1) for s in steps]


def target_offers(offers, target):
    return (dict(offers).get(target) or "").lower()


with App("--demo", env=APP_ENV) as app:
    app.find_matching(Atspi.Role.LABEL, r"^[1-9][0-9]* Kontakte$", timeout=20)

    # People in relationships, those I never met first: one of them is
    # reached through others.
    rows = app.query("SELECT c.id, c.display_name FROM contacts c WHERE c.archived = 0"
                     " AND c.id IN (SELECT a_id FROM relationships UNION SELECT b_id FROM relationships)"
                     " ORDER BY c.id IN (SELECT contact_id FROM encounter_participants"
                     "                   WHERE contact_id IS NOT NULL), c.id")
    app.select_view("Karte")
    widget = app.find(Atspi.Role.IMAGE, "Beziehungskarte")
    search = app.find(Atspi.Role.ENTRY, "Auf der Karte suchen")
    keys("ctrl+f")
    app.wait(lambda: search.get_state_set().contains(Atspi.StateType.FOCUSED), "Ctrl+F to focus the map's search")
    keys("Return")
    app.wait(lambda: widget.get_state_set().contains(Atspi.StateType.FOCUSED), "the map to get the keyboard")
    keys("ctrl+g")
    entry = app.find(Atspi.Role.ENTRY, "Wen möchten Sie erreichen?")
    tap.ok("Ctrl+G opens „Wie erreiche ich …?“")

    for _, target in rows[:20]:
        app.type_text(entry, target)
        label = path_label(app, target)
        if ": über " in label.get_name():
            break
    else:
        fail("no contact in relationships is reached through others")
    names = check_chain(app, label.get_name(), target)
    tap.ok(f"„{label.get_name()}“: every step is a relationship of the database with that strength")

    app.wait(lambda: widget.get_name() == target, f"the map to select {target}")
    description = widget.get_description() or ""
    if f"Markierter Weg: {label.get_name()}" not in description:
        fail(f"the map's description does not name the marked path: „{description}“")
    tap.ok(f"the map selects {target} and marks the path through {', '.join(names[:-1])}")

    # A need: a word one contact offers (and nobody whose path is shown
    # now), typed after „sucht:“ finds an offerer with that word.
    offers = app.query("SELECT display_name, offers FROM contacts WHERE archived = 0"
                       " AND offers IS NOT NULL AND offers != '' ORDER BY id")
    word = None
    for name, offer in offers:
        if name == target:
            continue
        for w in re.findall(r"[A-Za-z]{8,}", offer):
            if w.lower() not in target_offers(offers, target):
                word = w
                break
        if word:
            break
    if word is None:
        fail("no contact of the example network offers a word of eight letters")
    app.type_text(entry, f"sucht: {word}")
    offerers = [n for n, o in offers if word.lower() in o.lower()]
    label = app.find_matching(Atspi.Role.LABEL, "^(" + "|".join(map(re.escape, offerers)) + "): ")
    reached = label.get_name().split(": ", 1)[0]
    offer = dict(offers)[reached]
    app.wait(lambda: widget.get_name() == reached, f"the map to select {reached}")
    tap.ok(f"„sucht: {word}“ reaches {reached}, who offers „{offer}“: „{label.get_name()}“")

    # A need nobody offers says so and clears the path.
    app.type_text(entry, "sucht: Xylophonbau")
    app.find_matching(Atspi.Role.LABEL, "^Niemand auf der Karte passt zu „sucht: Xylophonbau“$")
    app.wait(lambda: "Markierter Weg" not in (widget.get_description() or ""), "the path to be cleared")
    tap.ok("a need nobody offers says so and clears the path")

    # While the word is still being typed, its beginning is enough (asked
    # after the need nobody offers, so that no earlier answer stands).
    part = word[:6]
    app.type_text(entry, f"sucht: {part}")
    offerers = [n for n, o in offers if part.lower() in o.lower()]
    label = app.find_matching(Atspi.Role.LABEL, "^(" + "|".join(map(re.escape, offerers)) + "): ")
    app.wait(lambda: "Markierter Weg" in (widget.get_description() or ""), "the path to be marked")
    tap.ok(f"„sucht: {part}“ reaches someone who offers it: „{label.get_name()}“")

    app.type_text(entry, "")
    app.wait(lambda: "Markierter Weg" not in (widget.get_description() or ""), "the path to be cleared")
    tap.ok("an empty entry clears the path")

tap.done()
