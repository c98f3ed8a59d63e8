/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  BZW_FIELD_EMAIL,
  BZW_FIELD_PHONE,
  BZW_FIELD_ADDRESS,
  BZW_FIELD_URL,
  BZW_FIELD_IMPP,
  BZW_FIELD_DATE,
  BZW_FIELD_RELATED,
  BZW_N_FIELD_KINDS
} BzwFieldKind;

/* How far I would recommend someone. */
typedef enum
{
  BZW_TRUST_UNKNOWN,
  BZW_TRUST_NO,
  BZW_TRUST_WITH_CARE,
  BZW_TRUST_YES
} BzwTrust;

/* A labelled value: an e-mail, phone, address (seven ADR components joined
 * by U+001F), web link, messenger, date or related name.  @group is the
 * vCard property group it was read with ("item2" of Apple's "item2.ADR"),
 * so the properties of the same group kept in the contact's extra
 * ("item2.X-ABADR") stay with it when it is written back.
 */
typedef struct
{
  BzwFieldKind  kind;
  char         *label;
  char         *value;
  int           pref;
  char         *group;
} BzwContactField;

#define BZW_TYPE_CONTACT_FIELD (bzw_contact_field_get_type ())
#define BZW_ADDRESS_SEPARATOR  "\x1f"
/* Between the units of a department ("Einkauf; Team Nord"), which vCard's
 * ORG writes as parts of their own.
 */
#define BZW_DEPARTMENT_SEPARATOR "; "

GType            bzw_contact_field_get_type   (void) G_GNUC_CONST;
BzwContactField *bzw_contact_field_new        (BzwFieldKind           kind,
                                               const char            *label,
                                               const char            *value);
BzwContactField *bzw_contact_field_copy       (const BzwContactField *field);
void             bzw_contact_field_free       (BzwContactField       *field);
const char      *bzw_field_kind_to_string     (BzwFieldKind           kind);
gboolean         bzw_field_kind_from_string   (const char            *string,
                                               BzwFieldKind          *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwContactField, bzw_contact_field_free)

#define BZW_TYPE_CONTACT (bzw_contact_get_type ())

G_DECLARE_FINAL_TYPE (BzwContact, bzw_contact, BZW, CONTACT, GObject)

BzwContact   *bzw_contact_new                  (void);
BzwContact   *bzw_contact_copy                 (BzwContact   *self);

gint64        bzw_contact_get_id               (BzwContact   *self);
void          bzw_contact_set_id               (BzwContact   *self,
                                                gint64        id);
const char   *bzw_contact_get_uid              (BzwContact   *self);
void          bzw_contact_set_uid              (BzwContact   *self,
                                                const char   *uid);
gint64        bzw_contact_get_created          (BzwContact   *self);
gint64        bzw_contact_get_modified         (BzwContact   *self);
void          bzw_contact_set_times            (BzwContact   *self,
                                                gint64        created,
                                                gint64        modified);

const char   *bzw_contact_get_display_name     (BzwContact   *self);
void          bzw_contact_set_display_name     (BzwContact   *self,
                                                const char   *display_name);
const char   *bzw_contact_get_prefix           (BzwContact   *self);
void          bzw_contact_set_prefix           (BzwContact   *self,
                                                const char   *prefix);
const char   *bzw_contact_get_given_name       (BzwContact   *self);
void          bzw_contact_set_given_name       (BzwContact   *self,
                                                const char   *given_name);
const char   *bzw_contact_get_additional_names (BzwContact   *self);
void          bzw_contact_set_additional_names (BzwContact   *self,
                                                const char   *additional_names);
const char   *bzw_contact_get_family_name      (BzwContact   *self);
void          bzw_contact_set_family_name      (BzwContact   *self,
                                                const char   *family_name);
const char   *bzw_contact_get_suffix           (BzwContact   *self);
void          bzw_contact_set_suffix           (BzwContact   *self,
                                                const char   *suffix);
const char   *bzw_contact_get_nickname         (BzwContact   *self);
void          bzw_contact_set_nickname         (BzwContact   *self,
                                                const char   *nickname);
const char   *bzw_contact_get_organisation     (BzwContact   *self);
void          bzw_contact_set_organisation     (BzwContact   *self,
                                                const char   *organisation);
const char   *bzw_contact_get_department       (BzwContact   *self);
void          bzw_contact_set_department       (BzwContact   *self,
                                                const char   *department);
const char   *bzw_contact_get_role             (BzwContact   *self);
void          bzw_contact_set_role             (BzwContact   *self,
                                                const char   *role);
const char   *bzw_contact_get_birthday         (BzwContact   *self);
void          bzw_contact_set_birthday         (BzwContact   *self,
                                                const char   *birthday);
GBytes       *bzw_contact_get_photo            (BzwContact   *self);
void          bzw_contact_set_photo            (BzwContact   *self,
                                                GBytes       *photo);
const char   *bzw_contact_get_photo_uri        (BzwContact   *self);
void          bzw_contact_set_photo_uri        (BzwContact   *self,
                                                const char   *photo_uri);
const char   *bzw_contact_get_met_how          (BzwContact   *self);
void          bzw_contact_set_met_how          (BzwContact   *self,
                                                const char   *met_how);
const char   *bzw_contact_get_met_on           (BzwContact   *self);
void          bzw_contact_set_met_on           (BzwContact   *self,
                                                const char   *met_on);
gboolean      bzw_contact_get_met_in_person    (BzwContact   *self);
void          bzw_contact_set_met_in_person    (BzwContact   *self,
                                                gboolean      met_in_person);
const char   *bzw_contact_get_offers           (BzwContact   *self);
void          bzw_contact_set_offers           (BzwContact   *self,
                                                const char   *offers);
const char   *bzw_contact_get_seeks            (BzwContact   *self);
void          bzw_contact_set_seeks            (BzwContact   *self,
                                                const char   *seeks);
BzwTrust      bzw_contact_get_trust            (BzwContact   *self);
void          bzw_contact_set_trust            (BzwContact   *self,
                                                BzwTrust      trust);
const char   *bzw_contact_get_trust_for        (BzwContact   *self);
void          bzw_contact_set_trust_for        (BzwContact   *self,
                                                const char   *trust_for);
int           bzw_contact_get_interval_ideal   (BzwContact   *self);
void          bzw_contact_set_interval_ideal   (BzwContact   *self,
                                                int           days);
int           bzw_contact_get_interval_max     (BzwContact   *self);
void          bzw_contact_set_interval_max     (BzwContact   *self,
                                                int           days);
const char   *bzw_contact_get_notes            (BzwContact   *self);
void          bzw_contact_set_notes            (BzwContact   *self,
                                                const char   *notes);
gboolean      bzw_contact_get_archived         (BzwContact   *self);
void          bzw_contact_set_archived         (BzwContact   *self,
                                                gboolean      archived);
const char   *bzw_contact_get_extra            (BzwContact   *self);
void          bzw_contact_set_extra            (BzwContact   *self,
                                                const char   *extra);
/* „Wiedervorlage“ and „Später erinnern“: calendar days "YYYY-MM-DD". */
const char   *bzw_contact_get_follow_up_on     (BzwContact   *self);
void          bzw_contact_set_follow_up_on     (BzwContact   *self,
                                                const char   *day);
const char   *bzw_contact_get_follow_up_note   (BzwContact   *self);
void          bzw_contact_set_follow_up_note   (BzwContact   *self,
                                                const char   *note);
const char   *bzw_contact_get_snoozed_until    (BzwContact   *self);
void          bzw_contact_set_snoozed_until    (BzwContact   *self,
                                                const char   *day);

GPtrArray    *bzw_contact_get_fields           (BzwContact   *self);
void          bzw_contact_add_field            (BzwContact   *self,
                                                BzwFieldKind  kind,
                                                const char   *label,
                                                const char   *value);
void          bzw_contact_clear_fields         (BzwContact   *self);
const char   *bzw_contact_get_first_value      (BzwContact   *self,
                                                BzwFieldKind  kind);
GArray       *bzw_contact_get_circle_ids       (BzwContact   *self);
void          bzw_contact_set_circle_ids       (BzwContact   *self,
                                                GArray       *circle_ids);
gboolean      bzw_contact_has_circle           (BzwContact   *self,
                                                gint64        circle_id);

/* Facts the store fills in from the journal; not saved with the contact. */
gint64        bzw_contact_get_last_encounter   (BzwContact   *self);
void          bzw_contact_set_last_encounter   (BzwContact   *self,
                                                gint64        unix_time);

char         *bzw_contact_dup_initials         (BzwContact   *self);
char         *bzw_contact_dup_best_name        (BzwContact   *self);
char         *bzw_contact_dup_subtitle         (BzwContact   *self);

G_END_DECLS
