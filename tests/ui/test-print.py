#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: Ctrl+P opens the GTK print dialog with the tab
„Kontaktübersicht“; printing to a file through the dialog writes the
overview as an A4 PDF."""

import os
import re
import subprocess
import time

from bzwtest import App, Atspi, Tap, fail

tap = Tap()

with App("--demo") as app:
    app.find_matching(Atspi.Role.LABEL, r"^[1-9][0-9]* Kontakte$")
    app.key("ctrl+p")
    dialog = app.window("^Drucken$", timeout=20)
    tabs = app.find(Atspi.Role.PAGE_TAB_LIST, root=dialog)
    index = next((i for i in range(tabs.get_child_count())
                  if app.find_all(Atspi.Role.LABEL, "Kontaktübersicht", root=tabs.get_child_at_index(i))), None)
    if index is None:
        fail("the print dialog has no tab „Kontaktübersicht“")
    Atspi.Selection.select_child(tabs, index)
    for label in ("Kontakte", "Gliederung", "Notizen drucken"):
        app.find(Atspi.Role.LABEL, label, root=dialog)
    tap.ok("Ctrl+P opens the print dialog with the tab „Kontaktübersicht“ and its options")

    printers = app.find(Atspi.Role.LIST, "GtkColumnListView", root=dialog)
    index = next((i for i in range(printers.get_child_count())
                  if app.find_all(Atspi.Role.LABEL, "In Datei drucken", root=printers.get_child_at_index(i))), 0)
    Atspi.Selection.select_child(printers, index)
    button = None
    for label in app.find_all(Atspi.Role.LABEL, "Drucken", root=dialog):
        parent = label.get_parent()
        if parent is not None and parent.get_role() == Atspi.Role.PUSH_BUTTON:
            button = parent
    if button is None:
        fail("no „Drucken“ button")
    app.click(button)

    pdf = os.path.join(app.home, "Ausgabe.pdf")
    app.wait(lambda: os.path.exists(pdf) and os.path.getsize(pdf) > 1000, "the printed PDF", timeout=30)
    time.sleep(1)
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    if "A4" not in info or "Kontaktübersicht" not in text or f"Seite 1 von {pages}" not in text:
        fail(f"the printed PDF is not the overview: {info}")
    tap.ok(f"printing to a file through the dialog writes the overview, A4, {pages} pages")

tap.done()
