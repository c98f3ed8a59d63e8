/* SPDX-License-Identifier: GPL-3.0-or-later */

/* make-network FILE N_CONTACTS N_ENTRIES: a synthetic network for the
 * start-up benchmark, written through the store like any other.
 */

#include "config.h"

#include "bzw-demo.h"

#include <stdlib.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BzwStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (argc != 4)
    {
      g_printerr ("usage: make-network FILE N_CONTACTS N_ENTRIES\n");
      return 2;
    }

  store = bzw_store_open (argv[1], BZW_STORE_OPEN_DEFAULT, &error);
  if (store == NULL ||
      !bzw_demo_fill_synthetic (store, atoi (argv[2]), atoi (argv[3]), 42, now, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
