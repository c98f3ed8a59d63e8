/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Leaks one string allocated with g_strdup(), as a bug anywhere in the app
 * would.  check-planted-leak.sh runs it under LeakSanitizer with the
 * project's suppressions, which must not hide it.
 */

#include <glib.h>

static char *volatile planted;

static __attribute__ ((noinline)) void
plant_leak (void)
{
  planted = g_strdup ("a string nobody frees");
  planted = NULL;
}

int
main (void)
{
  plant_leak ();
  return 0;
}
