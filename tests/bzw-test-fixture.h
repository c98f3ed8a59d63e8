/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-store.h"

G_BEGIN_DECLS

/* A fresh store in a real file of a temporary directory, for one test:
 * a real file, so WAL, permissions and reopening are exercised.
 */
typedef struct
{
  char     *dir;    /* the temporary directory */
  char     *path;   /* the database file below it */
  BzwStore *store;  /* the store open on path */
} BzwTestStore;

BzwStore *  bzw_test_open_store   (const char   *path);
void        bzw_test_store_open   (BzwTestStore *fixture,
                                   const char   *relative_path);
void        bzw_test_store_close  (BzwTestStore *fixture);
void        bzw_test_remove_tree  (const char   *path);

G_END_DECLS
