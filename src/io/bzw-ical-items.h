/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "bzw-store.h"

G_BEGIN_DECLS

/* One journal entry, relationship or talking point as one VCALENDAR of
 * its own, the way a CalDAV calendar holds it: one resource per item.
 */
typedef struct
{
  char    *uid;
  char    *kind;    /* the archive's X-BZW-ENTRY: "encounter", "favour", … */
  char    *text;    /* as the app writes it, without DTSTAMP */
  GObject *object;  /* nullable: the entry read from a server's text */
  gboolean waits;   /* a favour whose encounter (RELATED-TO) is not here yet */
  char    *conflicts; /* nullable: the server's side of a merge's conflicts,
                       * lines "NAME\tLINE" (bzw-store-item-conflicts.h) */
} BzwIcalItem;

typedef struct _BzwIcalItems BzwIcalItems;

void          bzw_ical_item_free    (BzwIcalItem   *item);
char         *bzw_ical_item_stamp   (const char    *text,
                                     GDateTime     *stamp);
BzwIcalItems *bzw_ical_items_new    (BzwStore      *store,
                                     GError       **error);
void          bzw_ical_items_free   (BzwIcalItems  *items);
GHashTable   *bzw_ical_items_list   (BzwIcalItems  *items,
                                     GError       **error);
BzwIcalItem  *bzw_ical_items_read   (BzwIcalItems  *items,
                                     const char    *text,
                                     GError       **error);
gboolean      bzw_ical_items_save   (BzwIcalItems  *items,
                                     BzwIcalItem   *item,
                                     GError       **error);
BzwIcalItem  *bzw_ical_items_dup    (BzwIcalItems  *items,
                                     const char    *uid,
                                     GError       **error);
gboolean      bzw_ical_items_delete (BzwIcalItems  *items,
                                     const char    *kind,
                                     const char    *uid,
                                     gboolean      *deleted,
                                     GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwIcalItem, bzw_ical_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwIcalItems, bzw_ical_items_free)

G_END_DECLS
