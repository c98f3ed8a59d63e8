/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-calendar-export"

#include "config.h"

#include "bzw-calendar-export.h"

#include "bzw-calendar-writer.h"
#include "bzw-dashboard.h"
#include "bzw-keep-in-touch.h"
#include "bzw-labels.h"
#include "bzw-occasion.h"

#include <glib/gi18n-lib.h>

/* The dates of the network for the user's own calendar: every birthday
 * and anniversary (its alarm the lead time of the contact's circles), each
 * follow-up („Wiedervorlage“), when each contact with a rhythm is next
 * due, and the favours promised with a date.  UIDs are made of the contact's vCard UID (or its id) and
 * the kind of date, so they stay the same from one export to the next.
 */

#define UID_DOMAIN "@beziehungsweise"

static char *
contact_key (BzwContact *contact)
{
  const char *uid = bzw_contact_get_uid (contact);

  if (uid != NULL && uid[0] != '\0')
    return g_strdup (uid);
  return g_strdup_printf ("contact-%" G_GINT64_FORMAT, bzw_contact_get_id (contact));
}

/* Adds an item for @day (without a year for a yearly one whose year is
 * not known); its uid is @uid_prefix, @key and our domain.
 */
static BzwCalendarItem *
add_item (GPtrArray           *items,
          BzwCalendarItemKind  kind,
          const char          *uid_prefix,
          const char          *key,
          const char          *summary,
          BzwYearlyDate        day,
          int                  alarm_days)
{
  g_autofree char *uid = g_strconcat (uid_prefix, key, UID_DOMAIN, NULL);
  BzwCalendarItem *item = bzw_calendar_item_new (kind, uid, summary, day.year, day.month, day.day);

  item->alarm_days = alarm_days;
  g_ptr_array_add (items, item);
  return item;
}

/* The longest lead time of the contact's circles. */
static int
lead_days_of (BzwContact *contact,
              GPtrArray  *circles)
{
  int lead = 0;

  for (guint i = 0; i < circles->len; i++)
    if (bzw_contact_has_circle (contact, bzw_circle_get_id (g_ptr_array_index (circles, i))))
      lead = MAX (lead, bzw_circle_get_lead_days (g_ptr_array_index (circles, i)));
  return lead;
}

/* The contact's birthday, then the other dates: anniversaries and the
 * like, by their label; each every year, @lead_days ahead.
 */
static void
add_yearly_dates (GPtrArray  *items,
                  BzwContact *contact,
                  const char *key,
                  const char *name,
                  int         lead_days)
{
  GPtrArray *fields = bzw_contact_get_fields (contact);
  BzwYearlyDate birthday;
  guint n = 0;

  if (bzw_yearly_date_parse (bzw_contact_get_birthday (contact), &birthday))
    {
      g_autofree char *summary = NULL;

      /* Translators: a yearly event in the user's calendar. */
      summary = g_strdup_printf (_("Birthday of %s"), name);
      add_item (items, BZW_CALENDAR_YEARLY, "birthday-", key, summary, birthday, lead_days);
    }

  for (guint i = 0; i < fields->len; i++)
    {
      const BzwContactField *field = g_ptr_array_index (fields, i);
      g_autofree char *field_key = NULL;
      g_autofree char *summary = NULL;
      BzwYearlyDate date;

      if (field->kind != BZW_FIELD_DATE || !bzw_yearly_date_parse (field->value, &date))
        continue;

      field_key = g_strdup_printf ("%s-%u", key, n++);
      /* Translators: a yearly event in the user's calendar: the date's label, then a name. */
      summary = g_strdup_printf (_("%s of %s"), field->label != NULL ? bzw_labels_field_label (field->label)
                                                                     : _("Anniversary"), name);
      add_item (items, BZW_CALENDAR_YEARLY, "date-", field_key, summary, date, lead_days);
    }
}

static void
add_follow_up (GPtrArray  *items,
               BzwContact *contact,
               const char *key,
               const char *name)
{
  g_autofree char *summary = NULL;
  BzwCalendarItem *item;
  BzwYearlyDate day;

  if (!bzw_yearly_date_parse (bzw_contact_get_follow_up_on (contact), &day) || day.year == 0)
    return;

  /* Translators: a task in the user's calendar („Wiedervorlage“). */
  summary = g_strdup_printf (_("Follow up with %s"), name);
  item = add_item (items, BZW_CALENDAR_TODO, "follow-up-", key, summary, day, 0);
  item->description = g_strdup (bzw_contact_get_follow_up_note (contact));
}

static void
add_due (GPtrArray  *items,
         BzwContact *contact,
         GPtrArray  *circles,
         GDateTime  *now,
         const char *key,
         const char *name)
{
  BzwKeepInTouch kit;
  BzwYearlyDate due;
  g_autofree char *summary = NULL;
  BzwCalendarItem *item;

  bzw_keep_in_touch_compute_for_contact (&kit, contact, circles, now);
  /* A follow-up is a task of its own. */
  if (kit.state == BZW_KEEP_IN_TOUCH_NONE || !g_date_valid (&kit.due_ideal) || kit.reason == BZW_DUE_BY_FOLLOW_UP)
    return;

  /* Translators: a task in the user's calendar. */
  summary = g_strdup_printf (_("Get in touch with %s"), name);
  due.year = g_date_get_year (&kit.due_ideal);
  due.month = g_date_get_month (&kit.due_ideal);
  due.day = g_date_get_day (&kit.due_ideal);
  item = add_item (items, BZW_CALENDAR_TODO, "keep-in-touch-", key, summary, due, 0);
  item->description = bzw_keep_in_touch_dup_description (&kit);
}

static gboolean
add_contacts (GPtrArray  *items,
              BzwStore   *store,
              GDateTime  *now,
              GError    **error)
{
  BzwContactQuery query = { NULL, };
  g_autoptr(GArray) ids = bzw_store_list_contact_ids (store, &query, error);
  g_autoptr(GPtrArray) circles = NULL;

  if (ids == NULL)
    return FALSE;
  circles = bzw_store_list_circles (store, error);
  if (circles == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(BzwContact) contact = bzw_store_dup_contact (store, g_array_index (ids, gint64, i), error);
      g_autofree char *key = NULL;
      g_autofree char *name = NULL;

      if (contact == NULL)
        return FALSE;

      key = contact_key (contact);
      name = bzw_contact_dup_best_name (contact);
      add_yearly_dates (items, contact, key, name, lead_days_of (contact, circles));
      add_follow_up (items, contact, key, name);
      add_due (items, contact, circles, now, key, name);
    }
  return TRUE;
}

static gboolean
add_promised_favours (GPtrArray  *items,
                      BzwStore   *store,
                      GDateTime  *now,
                      GError    **error)
{
  g_autoptr(BzwDashboard) dashboard = bzw_dashboard_compute_for_store (store, now, error);

  if (dashboard == NULL)
    return FALSE;

  for (guint i = 0; i < dashboard->promised_favours->len; i++)
    {
      const BzwPromisedFavour *favour = &g_array_index (dashboard->promised_favours, BzwPromisedFavour, i);
      BzwYearlyDate due;
      g_autofree char *key = NULL;
      g_autofree char *summary = NULL;

      if (!bzw_yearly_date_parse (favour->due, &due) || due.year == 0)
        continue;

      key = g_strdup_printf ("%" G_GINT64_FORMAT, favour->favour_id);
      /* Translators: a task in the user's calendar: what I promised to whom. */
      summary = g_strdup_printf (_("Promised to %s: %s"), favour->to_name, favour->description);
      add_item (items, BZW_CALENDAR_TODO, "favour-", key, summary, due, 1);
    }
  return TRUE;
}

/**
 * bzw_calendar_export_collect:
 *
 * Returns: (transfer full) (element-type BzwCalendarItem): the items of
 *   the calendar, or %NULL on error
 */
GPtrArray *
bzw_calendar_export_collect (BzwStore   *store,
                             GDateTime  *now,
                             GError    **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) bzw_calendar_item_free);

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (!add_contacts (items, store, now, error) ||
      !add_promised_favours (items, store, now, error))
    return NULL;

  return g_steal_pointer (&items);
}

/* The calendar as iCalendar text, or %NULL on error. */
char *
bzw_calendar_export_text (BzwStore   *store,
                          GDateTime  *now,
                          GError    **error)
{
  g_autoptr(GPtrArray) items = bzw_calendar_export_collect (store, now, error);

  if (items == NULL)
    return NULL;
  return bzw_calendar_write (items, now);
}
