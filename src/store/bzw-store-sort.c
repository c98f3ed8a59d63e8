/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-store"

#include "config.h"

#include "bzw-store-private.h"

/* The order of the contact list: each contact's sort key is made by the
 * German name order of the model (bzw-name-order.c), family or given name
 * first as the user chose; the choice and the rule the keys were made by
 * are kept in the database, so every process sorts alike.
 */

/* The rule the sort keys were made by: the name order of bzw-name-order.c
 * and the user's choice of family or given name first.  When either
 * changes, the keys are made anew.
 */
#define SORT_RULE_VERSION "din5007-1.1"

static char *
dup_sort_rule (BzwStore *self)
{
  return g_strconcat (SORT_RULE_VERSION " ", bzw_name_order_to_string (self->name_order), NULL);
}

gboolean
_bzw_store_sort_keys_current (BzwStore *self)
{
  g_autofree char *stored = NULL;
  g_autofree char *rule = NULL;

  if (self->read_only)
    return TRUE;

  stored = bzw_store_dup_setting (self, "sort-rule");
  rule = dup_sort_rule (self);
  return g_strcmp0 (stored, rule) == 0;
}

gboolean
_bzw_store_refresh_sort_keys (BzwStore  *self,
                   GError   **error)
{
  g_autofree char *rule = dup_sort_rule (self);
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  if (_bzw_store_sort_keys_current (self))
    return TRUE;

  g_debug ("Sort keys made anew by the rule %s", rule);

  if (!bzw_store_begin (self, error))
    return FALSE;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  stmt = _bzw_store_prepare (self, "SELECT id FROM contacts", error);
  ok = stmt != NULL;
  while (ok && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);

  for (guint i = 0; ok && i < ids->len; i++)
    {
      g_autoptr(BzwContact) contact = bzw_store_dup_contact (self, g_array_index (ids, gint64, i), error);

      ok = contact != NULL && _bzw_store_update_sort_key (self, contact, error);
    }

  ok = ok && bzw_store_set_setting (self, "sort-rule", rule, error);
  if (ok && ids->len > 0)
    _bzw_store_changed (self, BZW_STORE_CHANGE_CONTACTS, 0);
  return bzw_store_finish (self, ok, error);
}

/* The order the user chose, as stored in the database. */
void
_bzw_store_read_name_order (BzwStore *self)
{
  g_autofree char *order = bzw_store_dup_setting (self, "name-order");

  self->name_order = bzw_name_order_from_string (order);
}

/**
 * bzw_store_get_name_order:
 *
 * Whether contacts are sorted by family name (the default of a German
 * address book) or by given name.
 */
BzwNameOrder
bzw_store_get_name_order (BzwStore *self)
{
  g_return_val_if_fail (BZW_IS_STORE (self), BZW_NAME_ORDER_FAMILY);

  return self->name_order;
}

/**
 * bzw_store_get_name_display:
 *
 * How the list shows names: as written („Heike Brandt“, the default) or
 * family name first („Brandt, Heike“).
 */
BzwNameOrder
bzw_store_get_name_display (BzwStore *self)
{
  g_autofree char *display = NULL;

  g_return_val_if_fail (BZW_IS_STORE (self), BZW_NAME_ORDER_GIVEN);

  display = bzw_store_dup_setting (self, "name-display");
  return display == NULL ? BZW_NAME_ORDER_GIVEN : bzw_name_order_from_string (display);
}

/* Kept in the database like the order; the lists show it at once. */
gboolean
bzw_store_set_name_display (BzwStore      *self,
                            BzwNameOrder   display,
                            GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  if (display == bzw_store_get_name_display (self))
    return TRUE;

  if (!bzw_store_begin (self, error))
    return FALSE;
  ok = bzw_store_set_setting (self, "name-display", bzw_name_order_to_string (display), error);
  if (ok)
    _bzw_store_changed (self, BZW_STORE_CHANGE_CONTACTS, 0);
  return bzw_store_finish (self, ok, error);
}

/**
 * bzw_store_set_name_order:
 *
 * Sorts the contacts by family or by given name from now on: the choice is
 * kept in the database, so the window, the printout and the command line
 * agree, and every sort key is made anew in one transaction.
 */
gboolean
bzw_store_set_name_order (BzwStore      *self,
                          BzwNameOrder   order,
                          GError       **error)
{
  BzwNameOrder before;
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (self), FALSE);

  if (order == self->name_order)
    return TRUE;

  before = self->name_order;
  if (!bzw_store_begin (self, error))
    return FALSE;
  self->name_order = order;
  ok = bzw_store_set_setting (self, "name-order", bzw_name_order_to_string (order), error) &&
       _bzw_store_refresh_sort_keys (self, error);
  if (!bzw_store_finish (self, ok, error))
    {
      self->name_order = before;
      return FALSE;
    }
  return TRUE;
}
