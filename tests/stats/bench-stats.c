/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Filled in by the next commit. */
int main (void);

int
main (void)
{
  return 0;
}
