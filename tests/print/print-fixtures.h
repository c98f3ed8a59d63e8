/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-store.h"

G_BEGIN_DECLS

/* A small, realistic network for the printed overview. */
typedef struct
{
  const char *given;
  const char *family;
  const char *organisation;
  const char *role;
  const char *email;
  const char *phone;
  const char *circles;        /* names, comma-separated */
  int         last_days_ago;  /* -1: never met */
  int         interval_days;  /* own keep-in-touch interval, 0: none */
  const char *notes;
} PrintFixtureContact;

typedef struct
{
  const char *name;
  const char *color;
  int         interval_days;
} PrintFixtureCircle;

extern const PrintFixtureContact print_fixture_contacts[];
extern const guint               print_fixture_n_contacts;
extern const PrintFixtureCircle  print_fixture_circles[];
extern const guint               print_fixture_n_circles;

char      *print_fixture_name             (const PrintFixtureContact *contact);
GArray    *print_fixture_fill_small       (BzwStore                  *store,
                                           gint64                     now);
char      *print_fixture_synthetic_name   (guint                      i);
char      *print_fixture_synthetic_email  (guint                      i);
char      *print_fixture_synthetic_note   (guint                      i);
void       print_fixture_fill_synthetic   (BzwStore                  *store,
                                           guint                      n,
                                           gint64                     now);

G_END_DECLS
