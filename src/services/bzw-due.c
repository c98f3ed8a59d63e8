/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-due"

#include "config.h"

#include "bzw-due.h"

#include <glib/gi18n-lib.h>

/* Whether it is time to get in touch with a contact, for the sign in the
 * contact list.  The rule is bzw_keep_in_touch_compute_for_contact()
 * (model/bzw-keep-in-touch.c); this object only keeps the circles at hand
 * so that each row does not ask the store for them.
 */
struct _BzwDue
{
  GObject     parent_instance;

  BzwStore   *store;
  GPtrArray  *circles;
};

G_DEFINE_FINAL_TYPE (BzwDue, bzw_due, G_TYPE_OBJECT)

static void
bzw_due_dispose (GObject *object)
{
  BzwDue *self = BZW_DUE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->circles, g_ptr_array_unref);

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
  g_return_if_fail (BZW_IS_DUE (self));

  g_clear_pointer (&self->circles, g_ptr_array_unref);
  self->circles = bzw_store_list_circles (self->store, NULL);
}

/**
 * bzw_due_compute:
 * @result: (out caller-allocates): the keep-in-touch state of @contact
 * @now: the current time, in the user's time zone
 */
void
bzw_due_compute (BzwDue         *self,
                 BzwContact     *contact,
                 GDateTime      *now,
                 BzwKeepInTouch *result)
{
  g_return_if_fail (BZW_IS_DUE (self));
  g_return_if_fail (BZW_IS_CONTACT (contact));

  bzw_keep_in_touch_compute_for_contact (result, contact, self->circles, now);
}

/* Returns 0 when nothing is due, 1 from the ideal date on (yellow), 2 past
 * the latest date (red); @tooltip says how long ago the last contact was.
 */
int
bzw_due_get_level (BzwDue      *self,
                   BzwContact  *contact,
                   char       **tooltip)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  BzwKeepInTouch kit;
  GDate today;
  int days;

  g_return_val_if_fail (BZW_IS_DUE (self), 0);

  bzw_due_compute (self, contact, now, &kit);
  if (kit.state != BZW_KEEP_IN_TOUCH_DUE && kit.state != BZW_KEEP_IN_TOUCH_OVERDUE)
    return 0;

  bzw_date_from_date_time (&today, now);
  days = g_date_days_between (&kit.since, &today);
  if (tooltip != NULL)
    *tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Time to get in touch: last contact %d day ago",
                                             "Time to get in touch: last contact %d days ago",
                                             days),
                                days);

  return kit.state == BZW_KEEP_IN_TOUCH_OVERDUE ? 2 : 1;
}
