/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-store.h"
#include "bzw-talking-point.h"

G_BEGIN_DECLS

/* A date that comes back every year: a contact's birthday, or one of its
 * date fields (an anniversary), with the longest lead time of the
 * contact's circles.  For a name day, the given name instead of a date.
 */
typedef struct
{
  gint64  contact_id;
  char   *name;
  char   *date;       /* "YYYY-MM-DD" or "--MM-DD"; NULL for a given name */
  char   *label;      /* NULL for the birthday, else the field's label */
  int     lead_days;
  char   *given_name; /* of bzw_store_list_given_names () only */
} BzwYearlyDateRow;

/* A contact's follow-up („Wiedervorlage“). */
typedef struct
{
  gint64  contact_id;
  char   *name;
  char   *day;            /* "YYYY-MM-DD" */
  char   *note;
  char   *snoozed_until;  /* or NULL */
} BzwFollowUpRow;

/* An encounter with a date still to come. */
typedef struct
{
  gint64  encounter_id;
  gint64  happened_at;
  gint64  first_contact_id;  /* of the participants, or 0 */
  char   *people;            /* the participants' names, joined by ", " */
} BzwPlannedRow;

GArray    *bzw_store_list_planned             (BzwStore         *self,
                                               gint64            after,
                                               guint             limit,
                                               GError          **error);
GArray    *bzw_store_list_past_planned        (BzwStore         *self,
                                               gint64            now,
                                               GError          **error);
gboolean   bzw_store_confirm_encounter        (BzwStore         *self,
                                               gint64            encounter_id,
                                               GError          **error);
GArray    *bzw_store_list_follow_ups          (BzwStore         *self,
                                               const char       *until,
                                               GError          **error);
GArray    *bzw_store_list_yearly_dates        (BzwStore         *self,
                                               GError          **error);
GArray    *bzw_store_list_given_names         (BzwStore         *self,
                                               GError          **error);
gboolean   bzw_store_get_name_days            (BzwStore         *self);
gboolean   bzw_store_set_name_days            (BzwStore         *self,
                                               gboolean          shown,
                                               GError          **error);
gboolean   bzw_store_set_follow_up            (BzwStore         *self,
                                               gint64            contact_id,
                                               const char       *day,
                                               const char       *note,
                                               GError          **error);
gboolean   bzw_store_set_snoozed_until        (BzwStore         *self,
                                               gint64            contact_id,
                                               const char       *day,
                                               GError          **error);
GPtrArray *bzw_store_list_talking_points      (BzwStore         *self,
                                               gint64            contact_id,
                                               gboolean          include_done,
                                               GError          **error);
gboolean   bzw_store_save_talking_point       (BzwStore         *self,
                                               BzwTalkingPoint  *point,
                                               GError          **error);
gboolean   bzw_store_set_talking_points_done  (BzwStore         *self,
                                               GArray           *ids,
                                               gint64            done_at,
                                               GError          **error);
gboolean   bzw_store_delete_talking_point     (BzwStore         *self,
                                               gint64            id,
                                               GError          **error);

G_END_DECLS
