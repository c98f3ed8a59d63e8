/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Planted problem for tests/safety/check-sql.py; never compiled. */

static void
outside_the_store (BzwStore *store)
{
  /* 6: SQL outside src/store/, even though it is constant */
  _bzw_store_exec (store, "DELETE FROM contacts", NULL);
}
