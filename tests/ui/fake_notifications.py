#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A stand-in for the desktop's notification server on the test's session
bus: owns org.freedesktop.Notifications and appends every Notify call as a
JSON line (app name, summary, body) to the file given as the argument."""

import json
import sys

from gi.repository import Gio, GLib

XML = """
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/><arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
  </interface>
</node>
"""

out_path = sys.argv[1]
loop = GLib.MainLoop()
counter = [0]


def call(connection, sender, path, interface, method, params, invocation):
    if method == "Notify":
        app_name, _, _, summary, body, *_ = params.unpack()
        with open(out_path, "a", encoding="utf-8") as out:
            out.write(json.dumps({"app": app_name, "summary": summary, "body": body}) + "\n")
        counter[0] += 1
        invocation.return_value(GLib.Variant("(u)", (counter[0],)))
    elif method == "GetCapabilities":
        invocation.return_value(GLib.Variant("(as)", (["body"],)))
    elif method == "GetServerInformation":
        invocation.return_value(GLib.Variant("(ssss)", ("fake", "bzw", "1", "1.2")))
    else:
        invocation.return_value(None)


def bus_acquired(connection, name):
    connection.register_object("/org/freedesktop/Notifications",
                               Gio.DBusNodeInfo.new_for_xml(XML).interfaces[0], call, None, None)


def name_acquired(connection, name):
    with open(out_path + ".ready", "w"):
        pass


Gio.bus_own_name(Gio.BusType.SESSION, "org.freedesktop.Notifications", Gio.BusNameOwnerFlags.NONE,
                 bus_acquired, name_acquired, lambda *a: loop.quit())
loop.run()
