/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "bzw-contact.h"

G_BEGIN_DECLS

/**
 * BzwNameOrder:
 * @BZW_NAME_ORDER_FAMILY: family name first: „Brandt, Heike“ (the default of
 *   a German address book)
 * @BZW_NAME_ORDER_GIVEN: given name first: „Heike Brandt“
 *
 * How names are sorted and shown.
 */
typedef enum
{
  BZW_NAME_ORDER_FAMILY,
  BZW_NAME_ORDER_GIVEN,
} BzwNameOrder;

/**
 * BzwNameParts:
 *
 * The parts of a person's name, as far as they are known; any may be %NULL.
 * A card with only a display name is split by bzw_name_parts_from_display().
 */
typedef struct
{
  const char *prefix;
  const char *given;
  const char *additional;
  const char *family;
  const char *suffix;
  const char *display;
  const char *organisation;
} BzwNameParts;

gboolean      bzw_name_is_title            (const char         *word);
char         *bzw_name_dup_sort_string     (const BzwNameParts *parts,
                                            BzwNameOrder        order);
char         *bzw_name_dup_sort_key        (const BzwNameParts *parts,
                                            BzwNameOrder        order);
char         *bzw_name_dup_shown           (const BzwNameParts *parts,
                                            BzwNameOrder        order);
char         *bzw_name_dup_sort_key_for_contact
                                           (BzwContact         *contact,
                                            BzwNameOrder        order);
char         *bzw_name_dup_shown_for_contact
                                           (BzwContact         *contact,
                                            BzwNameOrder        display);
char         *bzw_name_dup_initials_text_for_contact
                                           (BzwContact         *contact);
const char   *bzw_name_order_to_string     (BzwNameOrder        order);
BzwNameOrder  bzw_name_order_from_string   (const char         *text);

G_END_DECLS
