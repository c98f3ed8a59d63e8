/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A second process for the safety tests.
 *
 *   bzw-safety-helper write PATH ROUND
 *     Writes small entries through the store API, each in its own committed
 *     transaction, and reports each one on stdout once its commit returned:
 *     "c ID ROUND-N" for a contact, "f ID ROUND-N" for a favour.  Runs until
 *     it is killed.
 *
 *   bzw-safety-helper hold PATH MS
 *     Begins a write transaction, saves a contact "Gehalten", prints "held",
 *     keeps the transaction open for MS milliseconds, commits and prints
 *     "committed ID".
 */

#include "config.h"

#include "bzw-store.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
report (const char *line)
{
  gsize len = strlen (line);

  /* One write() of less than PIPE_BUF bytes: never torn by a kill. */
  if (write (STDOUT_FILENO, line, len) != (gssize) len)
    exit (3);
}

static int
run_writer (BzwStore   *store,
            const char *round)
{
  gint64 last_contact = 0;

  for (guint n = 0; ; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("%s-%u", round, n);
      g_autofree char *line = NULL;

      if (n % 3 == 2 && last_contact > 0)
        {
          g_autoptr(BzwFavour) favour = bzw_favour_new ();
          BzwParty to = { last_contact, NULL };

          bzw_favour_set_day (favour, "2025-03-14");
          bzw_favour_set_to (favour, &to);
          bzw_favour_set_description (favour, name);
          if (!bzw_store_save_favour (store, favour, &error))
            g_error ("Cannot save a favour: %s", error->message);
          line = g_strdup_printf ("f %" G_GINT64_FORMAT " %s\n", bzw_favour_get_id (favour), name);
        }
      else
        {
          g_autoptr(BzwContact) contact = bzw_contact_new ();

          bzw_contact_set_display_name (contact, name);
          bzw_contact_add_field (contact, BZW_FIELD_EMAIL, NULL, "kill@example.org");
          if (!bzw_store_save_contact (store, contact, &error))
            g_error ("Cannot save a contact: %s", error->message);
          last_contact = bzw_contact_get_id (contact);
          line = g_strdup_printf ("c %" G_GINT64_FORMAT " %s\n", last_contact, name);
        }

      report (line);
    }

  return 0;
}

static int
run_holder (BzwStore *store,
            guint     ms)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwContact) contact = bzw_contact_new ();
  g_autofree char *line = NULL;

  if (!bzw_store_begin (store, &error))
    g_error ("Cannot begin: %s", error->message);

  bzw_contact_set_display_name (contact, "Gehalten");
  if (!bzw_store_save_contact (store, contact, &error))
    g_error ("Cannot save: %s", error->message);

  report ("held\n");
  g_usleep (ms * 1000);

  if (!bzw_store_commit (store, &error))
    g_error ("Cannot commit: %s", error->message);

  line = g_strdup_printf ("committed %" G_GINT64_FORMAT "\n", bzw_contact_get_id (contact));
  report (line);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = NULL;

  setlocale (LC_ALL, "");

  if (argc != 4)
    {
      fprintf (stderr, "Usage: %s write PATH ROUND | hold PATH MS\n", argv[0]);
      return 2;
    }

  store = bzw_store_open (argv[2], BZW_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    g_error ("Cannot open: %s", error->message);

  if (g_str_equal (argv[1], "write"))
    return run_writer (store, argv[3]);
  if (g_str_equal (argv[1], "hold"))
    return run_holder (store, atoi (argv[3]));

  return 2;
}
