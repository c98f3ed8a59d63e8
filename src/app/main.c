/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-application.h"

#include <glib/gi18n.h>
#include <locale.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BzwApplication) app = NULL;
  const char *localedir = g_getenv ("BZW_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* Done above; GTK must not set the locale again while the thread that
   * opens the database reads it (see bzw_application_startup()).
   */
  gtk_disable_setlocale ();
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = bzw_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
