/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-due"

#include "config.h"

#include "bzw-due.h"

#include <glib/gi18n-lib.h>

/* Whether it is time to get in touch with a contact, for the sign in the
 * contact list: the contact's own rhythm, else the tightest of its
 * circles', counted from the last encounter (or from when the contact was
 * added).
 */
struct _BzwDue
{
  GObject     parent_instance;

  BzwStore   *store;
  GHashTable *circles;
};

G_DEFINE_FINAL_TYPE (BzwDue, bzw_due, G_TYPE_OBJECT)

static void
bzw_due_dispose (GObject *object)
{
  BzwDue *self = BZW_DUE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->circles, g_hash_table_unref);

  G_OBJECT_CLASS (bzw_due_parent_class)->dispose (object);
}

static void
bzw_due_class_init (BzwDueClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bzw_due_dispose;
}

static void
bzw_due_init (BzwDue *self)
{
  self->circles = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_object_unref);
}

BzwDue *
bzw_due_new (BzwStore *store)
{
  BzwDue *self = g_object_new (BZW_TYPE_DUE, NULL);

  self->store = g_object_ref (store);
  bzw_due_reload (self);
  return self;
}

void
bzw_due_reload (BzwDue *self)
{
  g_autoptr(GPtrArray) circles = bzw_store_list_circles (self->store, NULL);

  g_hash_table_remove_all (self->circles);
  for (guint i = 0; circles != NULL && i < circles->len; i++)
    {
      BzwCircle *circle = g_ptr_array_index (circles, i);
      gint64 *key = g_new (gint64, 1);

      *key = bzw_circle_get_id (circle);
      g_hash_table_insert (self->circles, key, g_object_ref (circle));
    }
}

/* The tightest non-zero value. */
static int
tighter (int a,
         int b)
{
  if (a == 0)
    return b;
  if (b == 0)
    return a;
  return MIN (a, b);
}

/* Returns 0 when nothing is due, 1 past the ideal rhythm, 2 past the
 * latest; @tooltip says how long ago the last contact was.
 */
int
bzw_due_get_level (BzwDue      *self,
                   BzwContact  *contact,
                   char       **tooltip)
{
  int ideal = bzw_contact_get_interval_ideal (contact);
  int latest = bzw_contact_get_interval_max (contact);
  GArray *circle_ids = bzw_contact_get_circle_ids (contact);
  gint64 since = bzw_contact_get_last_encounter (contact);
  gint64 days;

  g_return_val_if_fail (BZW_IS_DUE (self), 0);

  if (ideal == 0 && latest == 0)
    {
      for (guint i = 0; i < circle_ids->len; i++)
        {
          BzwCircle *circle = g_hash_table_lookup (self->circles, &g_array_index (circle_ids, gint64, i));

          if (circle == NULL)
            continue;
          ideal = tighter (ideal, bzw_circle_get_interval_ideal (circle));
          latest = tighter (latest, bzw_circle_get_interval_max (circle));
        }
    }

  if (ideal == 0 && latest == 0)
    return 0;
  if (ideal == 0)
    ideal = latest;
  if (latest == 0 || latest < ideal)
    latest = ideal;

  if (since <= 0)
    since = bzw_contact_get_created (contact);
  days = (g_get_real_time () / G_USEC_PER_SEC - since) / (24 * 3600);

  if (days <= ideal)
    return 0;

  if (tooltip != NULL)
    *tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Time to get in touch: last contact %d day ago",
                                             "Time to get in touch: last contact %d days ago",
                                             (int) days),
                                (int) days);

  return days > latest ? 2 : 1;
}
