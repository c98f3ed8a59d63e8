#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end: Ctrl+P opens the GTK print dialog with the tab
„Kontaktübersicht“; printing to a file through the dialog writes the
overview as an A4 PDF."""

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

    pages, info, text = app.print_to_file(dialog)
    if "A4" not in info or "Kontaktübersicht" not in text or f"Seite 1 von {pages}" not in text:
        fail(f"the printed PDF is not the overview: {info}")
    tap.ok(f"printing to a file through the dialog writes the overview, A4, {pages} pages")

tap.done()
