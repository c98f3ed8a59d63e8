# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real Beziehungsweise window over AT-SPI, as a screen reader does.

Widgets are found by accessible role and name, clicked through their
accessible actions and read back through the text interface.  Screen
coordinates are not used: GTK 4.8 reports them wrongly.
"""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

SKIP = 77

# Each test in a session bus of its own: the accessibility bus of a previous
# test's session does not outlive it reliably, and a fresh one is cheap.
# The bus daemon and the services it starts (the accessibility registry
# greets on stdout) write to stderr: stdout carries TAP and nothing else.
# The test's own stdout travels through descriptor 3 and is put back below.
if os.environ.get("BZW_TEST_SESSION") != "1" and shutil.which("dbus-run-session"):
    os.environ["BZW_TEST_SESSION"] = "1"
    sys.stdout.flush()
    os.dup2(1, 3)
    os.set_inheritable(3, True)
    os.dup2(2, 1)
    os.environ["BZW_TEST_TAP_FD"] = "3"
    os.execvp("dbus-run-session", ["dbus-run-session", "--", sys.executable, *sys.argv])
if os.environ.get("BZW_TEST_TAP_FD"):
    os.dup2(int(os.environ.pop("BZW_TEST_TAP_FD")), 1)
    os.close(3)

try:
    import gi
    gi.require_version("Atspi", "2.0")
    from gi.repository import Atspi, GLib
except (ImportError, ValueError) as e:  # pragma: no cover
    print(f"# AT-SPI is not available: {e}")
    sys.exit(SKIP)


# Waits are for conditions, so a longer deadline only delays a real failure.
# A loaded machine (two suites at once, the sanitizer build) can take many
# times longer than an idle one, so every deadline is stretched.
TIMEOUT_SCALE = float(os.environ.get("BZW_TEST_TIMEOUT_SCALE", "3"))

# AT-SPI waits 0.8 s for an answer by default; an app busy with a layout
# under AddressSanitizer can take longer to answer a click, which then fails
# although it happened.  Wait up to 20 s for a reply, 60 s for start-up.
Atspi.set_timeout(20000, 60000)


def fail(message):
    print(f"not ok - {message}")
    raise SystemExit(1)


class App:
    """The app under test, in a temporary home with a database of its own."""

    def __init__(self, *args, lang="de_DE.UTF-8", database=None, env=None):
        if not os.environ.get("DISPLAY"):
            print("# no display: skipping")
            raise SystemExit(SKIP)

        self.home = tempfile.mkdtemp(prefix="bzw-e2e-")
        self.database = database or os.path.join(self.home, "data", "beziehungsweise", "beziehungsweise.db")
        environment = dict(os.environ)
        environment.update({
            "LANG": lang,
            "LC_ALL": lang,
            "LANGUAGE": "",
            "HOME": self.home,
            "XDG_DATA_HOME": os.path.join(self.home, "data"),
            "XDG_CONFIG_HOME": os.path.join(self.home, "config"),
            "XDG_CACHE_HOME": os.path.join(self.home, "cache"),
            "GSETTINGS_BACKEND": "memory",
            "GTK_A11Y": "atspi",
            "GSK_RENDERER": os.environ.get("GSK_RENDERER", "cairo"),
            "NO_AT_BRIDGE": "0",
        })
        if env:
            environment.update(env)
        binary = os.environ["BZW_BINARY"]
        # Xvfb runs with -noreset (build-aux/dev), so its root window may
        # still name the accessibility bus of an earlier test's session bus,
        # long gone; the app would register there and stay invisible.
        # Without the property it asks this session's bus.
        subprocess.run(["xprop", "-root", "-remove", "AT_SPI_BUS"], check=False, capture_output=True)
        # The app's output goes to a file: a pipe nobody reads fills up and
        # then blocks the app.
        self.log_file = open(os.path.join(self.home, "app.log"), "w+b")
        self.process = subprocess.Popen([binary, f"--database={self.database}", *args],
                                        env=environment, cwd=self.home,
                                        stdout=self.log_file, stderr=subprocess.STDOUT)
        self.app = None
        self.frame = self.wait(self._find_frame, "the window to appear", timeout=30)

    def _find_frame(self):
        if self.process.poll() is not None:
            fail(self.died())
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is None:
                continue
            try:
                if app.get_process_id() != self.process.pid:
                    continue
            except Exception:
                continue
            for j in range(app.get_child_count()):
                child = app.get_child_at_index(j)
                if child is not None and child.get_role() in (Atspi.Role.FRAME, Atspi.Role.WINDOW):
                    self.app = app
                    return child
        return None

    def window(self, pattern, timeout=10.0):
        """Another top-level window of the app (a dialog), by its title."""
        import re
        regex = re.compile(pattern)

        def look():
            for j in range(self.app.get_child_count()):
                child = self.app.get_child_at_index(j)
                if child is not None and regex.search(child.get_name() or ""):
                    return child
            return None
        return self.wait(look, f"a window titled /{pattern}/", timeout)

    def log(self):
        """What the app wrote to stdout and stderr so far."""
        self.log_file.flush()
        with open(self.log_file.name, "rb") as log:
            return log.read().decode(errors="replace")

    def died(self):
        """Says why the app is gone, if it is: its exit and its last words."""
        if self.process.poll() is None:
            return None
        err = self.log()
        tail = "\n".join("# " + line for line in err.splitlines()[-40:])
        return f"the app ended with {self.process.returncode}\n{tail}"

    def close(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log_file.close()
        shutil.rmtree(self.home, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def wait(self, predicate, what, timeout=10.0):
        deadline = time.monotonic() + timeout * TIMEOUT_SCALE
        last_error = None
        while time.monotonic() < deadline:
            try:
                result = predicate()
            except GLib.Error as e:
                # A widget read a moment ago went away while the window
                # updated ("The application no longer exists"): look again.
                gone = self.died()
                if gone:
                    fail(f"while waiting for {what}, {gone}")
                last_error = e
                result = None
            except Exception:
                gone = self.died()
                if gone:
                    fail(f"while waiting for {what}, {gone}")
                raise
            if result:
                return result
            time.sleep(0.1)
        gone = self.died()
        fail(f"timed out waiting for {what}" + (f"; {gone}" if gone else "")
             + (f" (last AT-SPI error: {last_error.message})" if last_error else ""))

    # Finding widgets

    @staticmethod
    def _showing(node):
        try:
            states = node.get_state_set()
            return states.contains(Atspi.StateType.SHOWING)
        except Exception:
            return False

    def find_all(self, role=None, name=None, root=None, showing=True, contains=False):
        found = []
        stack = [root or self.frame]
        while stack:
            node = stack.pop()
            if node is None:
                continue
            try:
                node_name = node.get_name() or ""
                node_role = node.get_role()
                n = node.get_child_count()
            except Exception:
                continue
            if (role is None or node_role == role) and (
                    name is None or (name in node_name if contains else node_name == name)):
                found.append(node)
            for i in range(n - 1, -1, -1):
                try:
                    stack.append(node.get_child_at_index(i))
                except Exception:
                    continue
        return found

    def find(self, role=None, name=None, root=None, timeout=10.0, contains=False):
        return self.wait(lambda: next(iter(self.find_all(role, name, root, contains=contains)), None),
                         f"{Atspi.role_get_name(role) if role else 'widget'} “{name}”", timeout)

    def find_matching(self, role, pattern, timeout=10.0, root=None):
        """The first widget of @role whose name matches the regular expression."""
        import re
        regex = re.compile(pattern)
        return self.wait(lambda: next((n for n in self.find_all(role, root=root) if regex.search(self.name_of(n))),
                                      None),
                         f"{Atspi.role_get_name(role)} matching /{pattern}/", timeout)

    def _toast_look(self, role, pattern, root=None, depth=12):
        """The newest widget of @role whose name matches @pattern, looked for
        level by level from the top down to @depth, or None."""
        import re
        regex = re.compile(pattern)
        level = [root or self.app]
        for _ in range(depth):
            below = []
            found = None
            for node in level:
                try:
                    if node.get_role() == role and regex.search((node.get_name() or "").replace("_", "")):
                        found = node
                    below.extend(node.get_child_at_index(i) for i in range(node.get_child_count()))
                except Exception:
                    continue
            # While a new toast replaces an older one, both are there for a
            # moment; the newer one comes later among its siblings.
            if found is not None:
                return found
            level = [n for n in below if n is not None]
        return None

    def toast(self, role, pattern, root=None, timeout=10.0, depth=12):
        """A widget of a toast (its title or its button) whose name matches
        the regular expression (underscores of mnemonics ignored).  A toast
        sits a few levels below its window, and it goes after a few
        seconds, sooner than a walk through a whole window full of rows can
        end on a busy machine: so the search goes level by level from the
        top and stops at @depth."""
        return self.wait(lambda: self._toast_look(role, pattern, root, depth),
                         f"a toast's {Atspi.role_get_name(role)} matching /{pattern}/", timeout)

    def toast_gone(self, title, timeout=15.0):
        """Waits until no toast titled like @title is left (an older one
        with the same title would be taken for the next)."""
        self.wait(lambda: self._toast_look(Atspi.Role.LABEL, title) is None,
                  f"the toast /{title}/ to go", timeout)

    def toast_button(self, title, label="Rückgängig", timeout=10.0):
        """The button @label of the toast whose title matches the regular
        expression @title: while a new toast replaces an older one both are
        there for a moment, so the button is looked for beside the title."""
        heading = self.toast(Atspi.Role.LABEL, title, timeout=timeout)
        return self.toast(Atspi.Role.PUSH_BUTTON, "^" + label, root=heading.get_parent().get_parent(),
                          timeout=timeout, depth=4)

    @staticmethod
    def name_of(node):
        """A widget's name, or "" when it went away meanwhile."""
        try:
            return node.get_name() or ""
        except Exception:
            return ""

    @staticmethod
    def has_state(node, state):
        return node.get_state_set().contains(state)

    def select_view(self, name):
        tab = self.find(Atspi.Role.PAGE_TAB, name)
        self.click(tab)
        self.wait(lambda: self.has_state(tab, Atspi.StateType.SELECTED), f"view “{name}” to be selected")

    def gone(self, role=None, name=None, timeout=10.0):
        self.wait(lambda: not self.find_all(role, name), f"“{name}” to disappear", timeout)

    # Acting

    @staticmethod
    def click(node):
        for i in range(Atspi.Action.get_n_actions(node)):
            if Atspi.Action.get_action_name(node, i) in ("click", "press", "activate", "toggle"):
                Atspi.Action.do_action(node, i)
                return
        if Atspi.Action.get_n_actions(node) > 0:
            Atspi.Action.do_action(node, 0)
            return
        fail(f"“{node.get_name()}” cannot be clicked")

    @staticmethod
    def type_text(node, text):
        Atspi.EditableText.set_text_contents(node, text)

    @staticmethod
    def text_of(node):
        n = Atspi.Text.get_character_count(node)
        return Atspi.Text.get_text(node, 0, n)

    @staticmethod
    def clickable(node):
        """A menu button is clicked through the toggle button inside it."""
        inner = [node] + [node.get_child_at_index(i) for i in range(node.get_child_count())]
        return next(n for n in inner if Atspi.Action.get_n_actions(n) > 0)

    def menu_item(self, label):
        """The menu item @label (mnemonic underscores left out), anywhere
        in the app, waited for."""
        def matches(node):
            return App.name_of(node).replace("_", "") == label
        return self.wait(lambda: next((n for n in self.find_all(Atspi.Role.MENU_ITEM, root=self.app)
                                       if matches(n)), None),
                         f"the menu item „{label}“")

    def choose(self, drop_down, window_title, *keys):
        """Opens the drop-down whose button is @drop_down and types @keys
        into its list, in the window @window_title.  The list has the
        keyboard a moment after the click: keys sent before go to the
        window (Return to its default button).  Waits until the list is
        closed again."""
        self.click(drop_down)
        combo = drop_down.get_parent()
        self.wait(lambda: any(self.has_state(n, Atspi.StateType.FOCUSED)
                              for n in self.find_all(Atspi.Role.LIST_ITEM, root=combo)),
                  f"the choices of „{self.name_of(drop_down)}“ to have the keyboard")
        self.keys_to(window_title, *keys)
        self.wait(lambda: not self.has_state(drop_down, Atspi.StateType.PRESSED),
                  f"the choices of „{self.name_of(drop_down)}“ to close")

    def open_contact(self, index=0, name=None):
        """Selects one contact in the list (row @index, or the row named
        @name) and waits until the contact page shows it; returns the name.
        The page is there, empty or with the contact shown before, while
        the selection makes its way: a button on it found at once may
        belong to no one or to someone else."""
        contacts = self.find(Atspi.Role.LIST, "Kontakte")
        if name is not None:
            names = self.wait(self.shown_names, "the contact list's names")
            if name not in names:
                fail(f"„{name}“ is not in the contact list: {names}")
            index = names.index(name)
        else:
            name = contacts.get_child_at_index(index).get_child_at_index(0).get_name()
        Atspi.Selection.clear_selection(contacts)
        Atspi.Selection.select_child(contacts, index)
        page = self.find(Atspi.Role.FILLER, "BzwContactPage")
        # The page's head: the avatar's initials, then the name.
        self.wait(lambda: name in self.labels(root=page)[:2], f"the contact page of „{name}“")
        return name

    def shown_names(self):
        """The names in the contact list, read afresh (rows come and go
        while the list updates), or None when a row went meanwhile."""
        try:
            contacts = self.find(Atspi.Role.LIST, "Kontakte")
            return [contacts.get_child_at_index(i).get_child_at_index(0).get_name()
                    for i in range(contacts.get_child_count())]
        except Exception:
            return None

    def print_to_file(self, dialog):
        """Prints from the open print dialog with „In Datei drucken“ to
        Ausgabe.pdf in the app's home; returns the PDF's number of pages,
        its pdfinfo and its text (pdftotext -layout)."""
        import re
        printers = self.find(Atspi.Role.LIST, "GtkColumnListView", root=dialog)
        index = next((i for i in range(printers.get_child_count())
                      if self.find_all(Atspi.Role.LABEL, "In Datei drucken", root=printers.get_child_at_index(i))),
                     0)
        Atspi.Selection.select_child(printers, index)
        button = None
        for label in self.find_all(Atspi.Role.LABEL, "Drucken", root=dialog):
            parent = label.get_parent()
            if parent is not None and parent.get_role() == Atspi.Role.PUSH_BUTTON:
                button = parent
        if button is None:
            fail("no „Drucken“ button")
        self.click(button)

        pdf = os.path.join(self.home, "Ausgabe.pdf")

        def written():
            # The file grows while the pages are written; it ends with
            # „%%EOF“ once the last one is.
            if not os.path.exists(pdf) or os.path.getsize(pdf) <= 1000:
                return False
            with open(pdf, "rb") as f:
                f.seek(-16, os.SEEK_END)
                return f.read().rstrip().endswith(b"%%EOF")
        self.wait(written, "the printed PDF", timeout=30)
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
        return int(re.search(r"Pages:\s+(\d+)", info).group(1)), info, text

    def labels(self, root=None):
        return [n.get_name() for n in self.find_all(Atspi.Role.LABEL, root=root)]

    def key(self, keys):
        """Sends keys to the main window with xdotool (there is no window
        manager under Xvfb, so the window is focused first).  The main
        window is the one on screen with its title: the app's last X
        window may be a dialog, or one that was just closed."""
        import re
        search = ["xdotool", "search", "--all", "--onlyvisible", "--pid", str(self.process.pid),
                  "--name", f"^{re.escape(self.frame.get_name())}$"]
        ids = self.wait(lambda: subprocess.run(search, capture_output=True, text=True).stdout.split(),
                        "the X window of the app")
        subprocess.run(["xdotool", "windowfocus", "--sync", ids[-1]], check=False)
        subprocess.run(["xdotool", "key", "--window", ids[-1], keys], check=True)

    def top_level(self, name, timeout=10.0):
        """A window of the app other than the main one, by its title."""
        def find():
            for j in range(self.app.get_child_count()):
                child = self.app.get_child_at_index(j)
                if child is not None and child.get_name() == name:
                    return child
            return None
        return self.wait(find, f"window “{name}”", timeout)

    def top_level_gone(self, name, timeout=10.0):
        def gone():
            for j in range(self.app.get_child_count()):
                child = self.app.get_child_at_index(j)
                if child is not None and child.get_name() == name:
                    return False
            return True
        self.wait(gone, f"window “{name}” to close", timeout)

    @staticmethod
    def keys_to(window_title, *keys, delay=100):
        """Types keys into the app's window with @window_title; there is
        no window manager, so focus it first.  A window is in the
        accessibility tree a moment before it is on screen: it is waited
        for."""
        deadline = time.monotonic() + 10 * TIMEOUT_SCALE
        while True:
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", f"^{window_title}$"],
                                   capture_output=True, text=True).stdout.split()
            if found:
                break
            if time.monotonic() > deadline:
                fail(f"no X window “{window_title}”")
            time.sleep(0.1)
        subprocess.run(["xdotool", "windowfocus", "--sync", found[-1]], check=True)
        subprocess.run(["xdotool", "key", "--delay", str(delay), *keys], check=True)

    # The database, read directly

    def query(self, sql, *params):
        with sqlite3.connect(f"file:{self.database}?mode=ro", uri=True) as db:
            return db.execute(sql, params).fetchall()


class Tap:
    """Minimal TAP output so meson shows each step."""

    def __init__(self):
        self.n = 0

    def ok(self, description):
        self.n += 1
        print(f"ok {self.n} - {description}", flush=True)

    def done(self):
        print(f"1..{self.n}", flush=True)
