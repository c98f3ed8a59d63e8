/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-contact"

#include "config.h"

#include "bzw-contact.h"

#include "bzw-model-util.h"

#include <string.h>

struct _BzwContact
{
  GObject    parent_instance;

  gint64     id;
  char      *uid;
  gint64     created;
  gint64     modified;

  char      *display_name;
  char      *prefix;
  char      *given_name;
  char      *additional_names;
  char      *family_name;
  char      *suffix;
  char      *nickname;
  char      *organisation;
  char      *department;
  char      *role;
  char      *birthday;
  GBytes    *photo;
  char      *photo_uri;
  char      *met_how;
  char      *met_on;
  gboolean   met_in_person;
  char      *offers;
  char      *seeks;
  BzwTrust   trust;
  char      *trust_for;
  int        interval_ideal;
  int        interval_max;
  char      *notes;
  gboolean   archived;
  char      *extra;
  char      *follow_up_on;
  char      *follow_up_note;
  char      *snoozed_until;

  GPtrArray *fields;
  GArray    *circle_ids;
  gint64     last_encounter;
};

G_DEFINE_FINAL_TYPE (BzwContact, bzw_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  /* String properties, in the order of string_props[]. */
  PROP_DISPLAY_NAME,
  PROP_PREFIX,
  PROP_GIVEN_NAME,
  PROP_ADDITIONAL_NAMES,
  PROP_FAMILY_NAME,
  PROP_SUFFIX,
  PROP_NICKNAME,
  PROP_ORGANISATION,
  PROP_DEPARTMENT,
  PROP_ROLE,
  PROP_BIRTHDAY,
  PROP_PHOTO_URI,
  PROP_MET_HOW,
  PROP_MET_ON,
  PROP_OFFERS,
  PROP_SEEKS,
  PROP_TRUST_FOR,
  PROP_NOTES,
  PROP_EXTRA,
  PROP_FOLLOW_UP_ON,
  PROP_FOLLOW_UP_NOTE,
  PROP_SNOOZED_UNTIL,
  /* Other properties. */
  PROP_PHOTO,
  PROP_MET_IN_PERSON,
  PROP_TRUST,
  PROP_INTERVAL_IDEAL,
  PROP_INTERVAL_MAX,
  PROP_ARCHIVED,
  PROP_LAST_ENCOUNTER,
  PROP_INITIALS,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The names of the string properties, in the order of their ids. */
static const char * const string_prop_names[] = {
  "display-name",
  "prefix",
  "given-name",
  "additional-names",
  "family-name",
  "suffix",
  "nickname",
  "organisation",
  "department",
  "role",
  "birthday",
  "photo-uri",
  "met-how",
  "met-on",
  "offers",
  "seeks",
  "trust-for",
  "notes",
  "extra",
  "follow-up-on",
  "follow-up-note",
  "snoozed-until",
};

G_STATIC_ASSERT (G_N_ELEMENTS (string_prop_names) == PROP_SNOOZED_UNTIL - PROP_DISPLAY_NAME + 1);

/* The fields behind the plain properties; photo, initials and subtitle have
 * code of their own.
 */
static const BzwModelField fields[N_PROPS] = {
  [PROP_ID]               = BZW_MODEL_FIELD (BzwContact, id, BZW_MODEL_INT64),
  [PROP_UID]              = BZW_MODEL_FIELD (BzwContact, uid, BZW_MODEL_STRING),
  [PROP_DISPLAY_NAME]     = BZW_MODEL_FIELD (BzwContact, display_name, BZW_MODEL_STRING),
  [PROP_PREFIX]           = BZW_MODEL_FIELD (BzwContact, prefix, BZW_MODEL_STRING),
  [PROP_GIVEN_NAME]       = BZW_MODEL_FIELD (BzwContact, given_name, BZW_MODEL_STRING),
  [PROP_ADDITIONAL_NAMES] = BZW_MODEL_FIELD (BzwContact, additional_names, BZW_MODEL_STRING),
  [PROP_FAMILY_NAME]      = BZW_MODEL_FIELD (BzwContact, family_name, BZW_MODEL_STRING),
  [PROP_SUFFIX]           = BZW_MODEL_FIELD (BzwContact, suffix, BZW_MODEL_STRING),
  [PROP_NICKNAME]         = BZW_MODEL_FIELD (BzwContact, nickname, BZW_MODEL_STRING),
  [PROP_ORGANISATION]     = BZW_MODEL_FIELD (BzwContact, organisation, BZW_MODEL_STRING),
  [PROP_DEPARTMENT]       = BZW_MODEL_FIELD (BzwContact, department, BZW_MODEL_STRING),
  [PROP_ROLE]             = BZW_MODEL_FIELD (BzwContact, role, BZW_MODEL_STRING),
  [PROP_BIRTHDAY]         = BZW_MODEL_FIELD (BzwContact, birthday, BZW_MODEL_STRING),
  [PROP_PHOTO_URI]        = BZW_MODEL_FIELD (BzwContact, photo_uri, BZW_MODEL_STRING),
  [PROP_MET_HOW]          = BZW_MODEL_FIELD (BzwContact, met_how, BZW_MODEL_STRING),
  [PROP_MET_ON]           = BZW_MODEL_FIELD (BzwContact, met_on, BZW_MODEL_STRING),
  [PROP_OFFERS]           = BZW_MODEL_FIELD (BzwContact, offers, BZW_MODEL_STRING),
  [PROP_SEEKS]            = BZW_MODEL_FIELD (BzwContact, seeks, BZW_MODEL_STRING),
  [PROP_TRUST_FOR]        = BZW_MODEL_FIELD (BzwContact, trust_for, BZW_MODEL_STRING),
  [PROP_NOTES]            = BZW_MODEL_FIELD (BzwContact, notes, BZW_MODEL_STRING),
  [PROP_EXTRA]            = BZW_MODEL_FIELD (BzwContact, extra, BZW_MODEL_STRING),
  [PROP_FOLLOW_UP_ON]     = BZW_MODEL_FIELD (BzwContact, follow_up_on, BZW_MODEL_STRING),
  [PROP_FOLLOW_UP_NOTE]   = BZW_MODEL_FIELD (BzwContact, follow_up_note, BZW_MODEL_STRING),
  [PROP_SNOOZED_UNTIL]    = BZW_MODEL_FIELD (BzwContact, snoozed_until, BZW_MODEL_STRING),
  [PROP_MET_IN_PERSON]    = BZW_MODEL_FIELD (BzwContact, met_in_person, BZW_MODEL_BOOLEAN),
  [PROP_TRUST]            = BZW_MODEL_FIELD (BzwContact, trust, BZW_MODEL_INT),
  [PROP_INTERVAL_IDEAL]   = BZW_MODEL_FIELD (BzwContact, interval_ideal, BZW_MODEL_INT),
  [PROP_INTERVAL_MAX]     = BZW_MODEL_FIELD (BzwContact, interval_max, BZW_MODEL_INT),
  [PROP_ARCHIVED]         = BZW_MODEL_FIELD (BzwContact, archived, BZW_MODEL_BOOLEAN),
  [PROP_LAST_ENCOUNTER]   = BZW_MODEL_FIELD (BzwContact, last_encounter, BZW_MODEL_INT64),
};

static inline char **
string_slot (BzwContact *self,
             guint       prop_id)
{
  return G_STRUCT_MEMBER_P (self, fields[prop_id].offset);
}

/* Empty strings are stored as NULL so "unset" has one spelling. */
static void
set_string (BzwContact *self,
            guint       prop_id,
            const char *value)
{
  if (!bzw_model_set_string (self, string_slot (self, prop_id), value, properties[prop_id]))
    return;

  if (prop_id == PROP_DISPLAY_NAME || prop_id == PROP_GIVEN_NAME || prop_id == PROP_FAMILY_NAME)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INITIALS]);
  if (prop_id == PROP_ORGANISATION || prop_id == PROP_ROLE)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

static void
bzw_contact_finalize (GObject *object)
{
  BzwContact *self = BZW_CONTACT (object);

  bzw_model_free_fields (self, fields, N_PROPS);
  g_clear_pointer (&self->photo, g_bytes_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->circle_ids, g_array_unref);

  G_OBJECT_CLASS (bzw_contact_parent_class)->finalize (object);
}

static void
bzw_contact_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BzwContact *self = BZW_CONTACT (object);

  switch (prop_id)
    {
    case PROP_PHOTO:
      g_value_set_boxed (value, self->photo);
      break;

    case PROP_INITIALS:
      g_value_take_string (value, bzw_contact_dup_initials (self));
      break;

    case PROP_SUBTITLE:
      g_value_take_string (value, bzw_contact_dup_subtitle (self));
      break;

    default:
      bzw_model_get_property (object, fields, N_PROPS, prop_id, value, pspec);
    }
}

static void
bzw_contact_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BzwContact *self = BZW_CONTACT (object);

  if (prop_id >= PROP_DISPLAY_NAME && prop_id <= PROP_SNOOZED_UNTIL)
    {
      set_string (self, prop_id, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_UID:
      bzw_contact_set_uid (self, g_value_get_string (value));
      break;

    case PROP_PHOTO:
      bzw_contact_set_photo (self, g_value_get_boxed (value));
      break;

    case PROP_TRUST:
      bzw_contact_set_trust (self, g_value_get_int (value));
      break;

    case PROP_INTERVAL_IDEAL:
      bzw_contact_set_interval_ideal (self, g_value_get_int (value));
      break;

    case PROP_INTERVAL_MAX:
      bzw_contact_set_interval_max (self, g_value_get_int (value));
      break;

    default:
      bzw_model_set_property (object, fields, N_PROPS, prop_id, value, pspec);
    }
}

static void
bzw_contact_class_init (BzwContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bzw_contact_finalize;
  object_class->get_property = bzw_contact_get_property;
  object_class->set_property = bzw_contact_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UID] = g_param_spec_string ("uid", NULL, NULL, NULL, flags);

  for (guint i = PROP_DISPLAY_NAME; i <= PROP_SNOOZED_UNTIL; i++)
    properties[i] = g_param_spec_string (string_prop_names[i - PROP_DISPLAY_NAME],
                                         NULL, NULL, NULL, flags);

  properties[PROP_PHOTO] = g_param_spec_boxed ("photo", NULL, NULL, G_TYPE_BYTES, flags);
  properties[PROP_MET_IN_PERSON] = g_param_spec_boolean ("met-in-person", NULL, NULL, FALSE, flags);
  properties[PROP_TRUST] = g_param_spec_int ("trust", NULL, NULL,
                                             BZW_TRUST_UNKNOWN, BZW_TRUST_YES,
                                             BZW_TRUST_UNKNOWN, flags);
  properties[PROP_INTERVAL_IDEAL] = g_param_spec_int ("interval-ideal", NULL, NULL,
                                                      0, G_MAXINT, 0, flags);
  properties[PROP_INTERVAL_MAX] = g_param_spec_int ("interval-max", NULL, NULL,
                                                    0, G_MAXINT, 0, flags);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, flags);
  properties[PROP_LAST_ENCOUNTER] = g_param_spec_int64 ("last-encounter", NULL, NULL,
                                                        0, G_MAXINT64, 0, flags);
  properties[PROP_INITIALS] = g_param_spec_string ("initials", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bzw_contact_init (BzwContact *self)
{
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) bzw_contact_field_free);
  self->circle_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

BzwContact *
bzw_contact_new (void)
{
  return g_object_new (BZW_TYPE_CONTACT, NULL);
}

/* A deep copy, for editing without touching the original. */
BzwContact *
bzw_contact_copy (BzwContact *self)
{
  BzwContact *copy;

  g_return_val_if_fail (BZW_IS_CONTACT (self), NULL);

  copy = bzw_contact_new ();
  bzw_model_copy_fields (copy, self, fields, N_PROPS);
  copy->created = self->created;
  copy->modified = self->modified;

  copy->photo = self->photo != NULL ? g_bytes_ref (self->photo) : NULL;

  for (guint i = 0; i < self->fields->len; i++)
    g_ptr_array_add (copy->fields, bzw_contact_field_copy (g_ptr_array_index (self->fields, i)));

  g_array_append_vals (copy->circle_ids, self->circle_ids->data, self->circle_ids->len);
  return copy;
}

gint64
bzw_contact_get_id (BzwContact *self)
{
  g_return_val_if_fail (BZW_IS_CONTACT (self), 0);

  return self->id;
}

void
bzw_contact_set_id (BzwContact *self,
                    gint64      id)
{
  g_return_if_fail (BZW_IS_CONTACT (self));

  bzw_model_set_int64 (self, &self->id, id, properties[PROP_ID]);
}

const char *
bzw_contact_get_uid (BzwContact *self)
{
  g_return_val_if_fail (BZW_IS_CONTACT (self), NULL);

  return self->uid;
}

void
bzw_contact_set_uid (BzwContact *self,
                     const char *uid)
{
  g_return_if_fail (BZW_IS_CONTACT (self));

  if (g_strcmp0 (self->uid, uid) == 0)
    return;

  g_free (self->uid);
  self->uid = g_strdup (uid);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
}

gint64
bzw_contact_get_created (BzwContact *self)
{
  g_return_val_if_fail (BZW_IS_CONTACT (self), 0);

  return self->created;
}

gint64
bzw_contact_get_modified (BzwContact *self)
{
  g_return_val_if_fail (BZW_IS_CONTACT (self), 0);

  return self->modified;
}

void
bzw_contact_set_times (BzwContact *self,
                       gint64      created,
                       gint64      modified)
{
  g_return_if_fail (BZW_IS_CONTACT (self));

  self->created = created;
  self->modified = modified;
}

#define STRING_ACCESSORS(field, PROP)                        \
  const char *                                               \
  bzw_contact_get_##field (BzwContact *self)                 \
  {                                                          \
    g_return_val_if_fail (BZW_IS_CONTACT (self), NULL);      \
    return self->field;                                      \
  }                                                          \
                                                             \
  void                                                       \
  bzw_contact_set_##field (BzwContact *self,                 \
                           const char *value)                \
  {                                                          \
    g_return_if_fail (BZW_IS_CONTACT (self));                \
    set_string (self, PROP, value);                          \
  }

STRING_ACCESSORS (display_name, PROP_DISPLAY_NAME)
STRING_ACCESSORS (prefix, PROP_PREFIX)
STRING_ACCESSORS (given_name, PROP_GIVEN_NAME)
STRING_ACCESSORS (additional_names, PROP_ADDITIONAL_NAMES)
STRING_ACCESSORS (family_name, PROP_FAMILY_NAME)
STRING_ACCESSORS (suffix, PROP_SUFFIX)
STRING_ACCESSORS (nickname, PROP_NICKNAME)
STRING_ACCESSORS (organisation, PROP_ORGANISATION)
STRING_ACCESSORS (department, PROP_DEPARTMENT)
STRING_ACCESSORS (role, PROP_ROLE)
STRING_ACCESSORS (birthday, PROP_BIRTHDAY)
STRING_ACCESSORS (photo_uri, PROP_PHOTO_URI)
STRING_ACCESSORS (met_how, PROP_MET_HOW)
STRING_ACCESSORS (met_on, PROP_MET_ON)
STRING_ACCESSORS (offers, PROP_OFFERS)
STRING_ACCESSORS (seeks, PROP_SEEKS)
STRING_ACCESSORS (trust_for, PROP_TRUST_FOR)
STRING_ACCESSORS (notes, PROP_NOTES)
STRING_ACCESSORS (extra, PROP_EXTRA)
STRING_ACCESSORS (follow_up_on, PROP_FOLLOW_UP_ON)
STRING_ACCESSORS (follow_up_note, PROP_FOLLOW_UP_NOTE)
STRING_ACCESSORS (snoozed_until, PROP_SNOOZED_UNTIL)

GBytes *
bzw_contact_get_photo (BzwContact *self)
{
  g_return_val_if_fail (BZW_IS_CONTACT (self), NULL);

  return self->photo;
}

void
bzw_contact_set_photo (BzwContact *self,
                       GBytes     *photo)
{
  g_return_if_fail (BZW_IS_CONTACT (self));

  if (self->photo == photo || (self->photo != NULL && photo != NULL && g_bytes_equal (self->photo, photo)))
    return;

  g_clear_pointer (&self->photo, g_bytes_unref);
  self->photo = photo != NULL ? g_bytes_ref (photo) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHOTO]);
}

gboolean
bzw_contact_get_met_in_person (BzwContact *self)
{
  g_return_val_if_fail (BZW_IS_CONTACT (self), FALSE);

  return self->met_in_person;
}

void
bzw_contact_set_met_in_person (BzwContact *self,
                               gboolean    met_in_person)
{
  g_return_if_fail (BZW_IS_CONTACT (self));

  bzw_model_set_boolean (self, &self->met_in_person, met_in_person, properties[PROP_MET_IN_PERSON]);
}

BzwTrust
bzw_contact_get_trust (BzwContact *self)
{
  g_return_val_if_fail (BZW_IS_CONTACT (self), BZW_TRUST_UNKNOWN);

  return self->trust;
}

void
bzw_contact_set_trust (BzwContact *self,
                       BzwTrust    trust)
{
  g_return_if_fail (BZW_IS_CONTACT (self));
  g_return_if_fail (trust <= BZW_TRUST_YES);

  bzw_model_set_int (self, (int *) &self->trust, trust, properties[PROP_TRUST]);
}

int
bzw_contact_get_interval_ideal (BzwContact *self)
{
  g_return_val_if_fail (BZW_IS_CONTACT (self), 0);

  return self->interval_ideal;
}

void
bzw_contact_set_interval_ideal (BzwContact *self,
                                int         days)
{
  g_return_if_fail (BZW_IS_CONTACT (self));

  bzw_model_set_int (self, &self->interval_ideal, MAX (days, 0), properties[PROP_INTERVAL_IDEAL]);
}

int
bzw_contact_get_interval_max (BzwContact *self)
{
  g_return_val_if_fail (BZW_IS_CONTACT (self), 0);

  return self->interval_max;
}

void
bzw_contact_set_interval_max (BzwContact *self,
                              int         days)
{
  g_return_if_fail (BZW_IS_CONTACT (self));

  bzw_model_set_int (self, &self->interval_max, MAX (days, 0), properties[PROP_INTERVAL_MAX]);
}

gboolean
bzw_contact_get_archived (BzwContact *self)
{
  g_return_val_if_fail (BZW_IS_CONTACT (self), FALSE);

  return self->archived;
}

void
bzw_contact_set_archived (BzwContact *self,
                          gboolean    archived)
{
  g_return_if_fail (BZW_IS_CONTACT (self));

  bzw_model_set_boolean (self, &self->archived, archived, properties[PROP_ARCHIVED]);
}

/**
 * bzw_contact_get_fields:
 *
 * Returns: (transfer none) (element-type BzwContactField): the labelled
 *   fields, in their order.
 */
GPtrArray *
bzw_contact_get_fields (BzwContact *self)
{
  g_return_val_if_fail (BZW_IS_CONTACT (self), NULL);

  return self->fields;
}

void
bzw_contact_add_field (BzwContact   *self,
                       BzwFieldKind  kind,
                       const char   *label,
                       const char   *value)
{
  g_return_if_fail (BZW_IS_CONTACT (self));
  g_return_if_fail (kind < BZW_N_FIELD_KINDS);

  g_ptr_array_add (self->fields, bzw_contact_field_new (kind, label, value));
}

void
bzw_contact_clear_fields (BzwContact *self)
{
  g_return_if_fail (BZW_IS_CONTACT (self));

  g_ptr_array_set_size (self->fields, 0);
}

/* The preferred value of a kind, else the first one, else NULL. */
const char *
bzw_contact_get_first_value (BzwContact   *self,
                             BzwFieldKind  kind)
{
  const BzwContactField *best = NULL;

  g_return_val_if_fail (BZW_IS_CONTACT (self), NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      const BzwContactField *field = g_ptr_array_index (self->fields, i);

      if (field->kind != kind)
        continue;
      if (best == NULL || (field->pref > 0 && (best->pref == 0 || field->pref < best->pref)))
        best = field;
    }

  return best != NULL ? best->value : NULL;
}

/**
 * bzw_contact_get_circle_ids:
 *
 * Returns: (transfer none) (element-type gint64): the ids of the circles
 *   the contact is in.
 */
GArray *
bzw_contact_get_circle_ids (BzwContact *self)
{
  g_return_val_if_fail (BZW_IS_CONTACT (self), NULL);

  return self->circle_ids;
}

void
bzw_contact_set_circle_ids (BzwContact *self,
                            GArray     *circle_ids)
{
  g_return_if_fail (BZW_IS_CONTACT (self));

  g_array_set_size (self->circle_ids, 0);
  if (circle_ids != NULL)
    g_array_append_vals (self->circle_ids, circle_ids->data, circle_ids->len);
}

gboolean
bzw_contact_has_circle (BzwContact *self,
                        gint64      circle_id)
{
  g_return_val_if_fail (BZW_IS_CONTACT (self), FALSE);

  for (guint i = 0; i < self->circle_ids->len; i++)
    if (g_array_index (self->circle_ids, gint64, i) == circle_id)
      return TRUE;

  return FALSE;
}

gint64
bzw_contact_get_last_encounter (BzwContact *self)
{
  g_return_val_if_fail (BZW_IS_CONTACT (self), 0);

  return self->last_encounter;
}

void
bzw_contact_set_last_encounter (BzwContact *self,
                                gint64      unix_time)
{
  g_return_if_fail (BZW_IS_CONTACT (self));

  bzw_model_set_int64 (self, &self->last_encounter, unix_time, properties[PROP_LAST_ENCOUNTER]);
}

static gunichar
first_letter (const char *s)
{
  for (; s != NULL && *s != '\0'; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (g_unichar_isalnum (c))
        return g_unichar_toupper (c);
    }

  return 0;
}

/* Up to two letters: given and family name, else the first and last word
 * of the best name.
 */
char *
bzw_contact_dup_initials (BzwContact *self)
{
  g_autofree char *name = NULL;
  GString *initials = g_string_new (NULL);
  gunichar a = 0;
  gunichar b = 0;

  g_return_val_if_fail (BZW_IS_CONTACT (self), NULL);

  if (self->given_name != NULL || self->family_name != NULL)
    {
      a = first_letter (self->given_name);
      b = first_letter (self->family_name);
    }

  if (a == 0 && b == 0)
    {
      g_auto(GStrv) words = NULL;
      guint n;

      name = bzw_contact_dup_best_name (self);
      words = g_strsplit_set (name, " \t-", -1);
      n = g_strv_length (words);
      for (guint i = 0; i < n && a == 0; i++)
        a = first_letter (words[i]);
      for (guint i = n; i > 1 && b == 0; i--)
        b = first_letter (words[i - 1]);
    }

  if (a != 0)
    g_string_append_unichar (initials, a);
  if (b != 0)
    g_string_append_unichar (initials, b);
  if (initials->len == 0)
    g_string_append (initials, "?");

  return g_string_free (initials, FALSE);
}

/* The name to show: the display name, else one made from the name parts,
 * else the organisation, else the first e-mail.
 */
char *
bzw_contact_dup_best_name (BzwContact *self)
{
  const char *email;

  g_return_val_if_fail (BZW_IS_CONTACT (self), NULL);

  if (self->display_name != NULL)
    return g_strdup (self->display_name);

  if (self->given_name != NULL || self->family_name != NULL)
    {
      const char *parts[] = { self->prefix, self->given_name, self->additional_names,
                              self->family_name, self->suffix };
      GString *s = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          if (parts[i] == NULL)
            continue;
          if (s->len > 0)
            g_string_append_c (s, ' ');
          g_string_append (s, parts[i]);
        }
      return g_string_free (s, FALSE);
    }

  if (self->nickname != NULL)
    return g_strdup (self->nickname);
  if (self->organisation != NULL)
    return g_strdup (self->organisation);
  if ((email = bzw_contact_get_first_value (self, BZW_FIELD_EMAIL)) != NULL)
    return g_strdup (email);

  return g_strdup ("");
}

/* "Role, Organisation", or whichever of the two is set. */
char *
bzw_contact_dup_subtitle (BzwContact *self)
{
  g_return_val_if_fail (BZW_IS_CONTACT (self), NULL);

  if (self->role != NULL && self->organisation != NULL)
    return g_strdup_printf ("%s, %s", self->role, self->organisation);

  return g_strdup (self->role != NULL ? self->role : self->organisation);
}
