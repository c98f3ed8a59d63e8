/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-next-due"

#include "config.h"

#include "bzw-next-due.h"

/* When should I get in touch next?  The same rule as the "due" filter of
 * the store: the contact's own ideal interval, else the tightest ideal
 * interval of its circles, counted from the last encounter or, when there
 * was none, from the day the contact was created.
 */

/**
 * bzw_next_due_interval_days:
 * @contact: a contact with its circle ids
 * @circles: (element-type BzwCircle) (nullable): all circles, e.g. from
 *   bzw_store_list_circles()
 *
 * Returns: the ideal keep-in-touch interval in days, or 0 when neither the
 *   contact nor any of its circles has one
 */
int
bzw_next_due_interval_days (BzwContact *contact,
                            GPtrArray  *circles)
{
  GArray *circle_ids;
  int days;

  g_return_val_if_fail (BZW_IS_CONTACT (contact), 0);

  days = bzw_contact_get_interval_ideal (contact);
  if (days > 0 || circles == NULL)
    return MAX (days, 0);

  circle_ids = bzw_contact_get_circle_ids (contact);
  for (guint i = 0; i < circles->len; i++)
    {
      BzwCircle *circle = g_ptr_array_index (circles, i);
      int circle_days = bzw_circle_get_interval_ideal (circle);

      if (circle_days <= 0 || (days > 0 && circle_days >= days))
        continue;

      for (guint j = 0; j < circle_ids->len; j++)
        {
          if (g_array_index (circle_ids, gint64, j) == bzw_circle_get_id (circle))
            {
              days = circle_days;
              break;
            }
        }
    }

  return days;
}

/**
 * bzw_next_due_time:
 * @contact: a contact with its circle ids and last encounter
 * @circles: (element-type BzwCircle) (nullable): all circles
 *
 * Returns: the Unix time at which getting in touch is due, or 0 when no
 *   interval applies
 */
gint64
bzw_next_due_time (BzwContact *contact,
                   GPtrArray  *circles)
{
  int days = bzw_next_due_interval_days (contact, circles);
  gint64 from;

  if (days <= 0)
    return 0;

  from = bzw_contact_get_last_encounter (contact);
  if (from <= 0)
    from = bzw_contact_get_created (contact);

  return from + (gint64) days * 86400;
}
