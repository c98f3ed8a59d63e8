/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <libical/ical.h>

#include "bzw-calendar-writer.h"

G_BEGIN_DECLS

/* The frame every iCalendar file of this app shares: the calendar of the
 * user's dates (bzw-calendar-writer.c) and the journal of the archive
 * (bzw-ical-journal.c).
 */
icalcomponent       *_bzw_calendar_new_vcalendar (void);
struct icaltimetype  _bzw_calendar_ical_time     (GDateTime     *time);
char                *_bzw_calendar_free_to_text  (icalcomponent *calendar);

G_END_DECLS
