/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-favour"

#include "config.h"

#include "bzw-favour.h"

/* A favour asked or offered between two parties, one of which may be "Ich". */
struct _BzwFavour
{
  GObject parent_instance;

  gint64 id;
  char *uid;
  char *day;
  BzwFavourDirection direction;
  BzwFavourState state;
  char *description;
  gint64 value_cents;
  char *due;
  gint64 encounter_id;
  BzwParty from;
  BzwParty to;
};

G_DEFINE_FINAL_TYPE (BzwFavour, bzw_favour, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_DAY,
  PROP_DIRECTION,
  PROP_STATE,
  PROP_DESCRIPTION,
  PROP_VALUE_CENTS,
  PROP_DUE,
  PROP_ENCOUNTER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* NULL and "" both mean unset. */
static gboolean
value_equal_str (const char *a,
                 const char *b)
{
  if (a != NULL && a[0] == '\0')
    a = NULL;
  if (b != NULL && b[0] == '\0')
    b = NULL;
  return g_strcmp0 (a, b) == 0;
}

const BzwParty *
bzw_favour_get_from (BzwFavour *self)
{
  g_return_val_if_fail (BZW_IS_FAVOUR (self), NULL);

  return &self->from;
}

void
bzw_favour_set_from (BzwFavour      *self,
                     const BzwParty *from)
{
  g_return_if_fail (BZW_IS_FAVOUR (self));
  g_return_if_fail (from != NULL);

  bzw_party_copy_into (&self->from, from);
}

const BzwParty *
bzw_favour_get_to (BzwFavour *self)
{
  g_return_val_if_fail (BZW_IS_FAVOUR (self), NULL);

  return &self->to;
}

void
bzw_favour_set_to (BzwFavour      *self,
                   const BzwParty *to)
{
  g_return_if_fail (BZW_IS_FAVOUR (self));
  g_return_if_fail (to != NULL);

  bzw_party_copy_into (&self->to, to);
}


static void
bzw_favour_finalize (GObject *object)
{
  BzwFavour *self = BZW_FAVOUR (object);

  g_free (self->uid);
  g_free (self->day);
  g_free (self->description);
  g_free (self->due);
  bzw_party_clear (&self->from);
  bzw_party_clear (&self->to);

  G_OBJECT_CLASS (bzw_favour_parent_class)->finalize (object);
}

static void
bzw_favour_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BzwFavour *self = BZW_FAVOUR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;

    case PROP_DAY:
      g_value_set_string (value, self->day);
      break;

    case PROP_DIRECTION:
      g_value_set_int (value, self->direction);
      break;

    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_VALUE_CENTS:
      g_value_set_int64 (value, self->value_cents);
      break;

    case PROP_DUE:
      g_value_set_string (value, self->due);
      break;

    case PROP_ENCOUNTER_ID:
      g_value_set_int64 (value, self->encounter_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bzw_favour_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BzwFavour *self = BZW_FAVOUR (object);

  switch (prop_id)
    {
    case PROP_ID:
      bzw_favour_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UID:
      bzw_favour_set_uid (self, g_value_get_string (value));
      break;

    case PROP_DAY:
      bzw_favour_set_day (self, g_value_get_string (value));
      break;

    case PROP_DIRECTION:
      bzw_favour_set_direction (self, g_value_get_int (value));
      break;

    case PROP_STATE:
      bzw_favour_set_state (self, g_value_get_int (value));
      break;

    case PROP_DESCRIPTION:
      bzw_favour_set_description (self, g_value_get_string (value));
      break;

    case PROP_VALUE_CENTS:
      bzw_favour_set_value_cents (self, g_value_get_int64 (value));
      break;

    case PROP_DUE:
      bzw_favour_set_due (self, g_value_get_string (value));
      break;

    case PROP_ENCOUNTER_ID:
      bzw_favour_set_encounter_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bzw_favour_class_init (BzwFavourClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bzw_favour_finalize;
  object_class->get_property = bzw_favour_get_property;
  object_class->set_property = bzw_favour_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL, flags);
  properties[PROP_DAY] =
    g_param_spec_string ("day", NULL, NULL, NULL, flags);
  properties[PROP_DIRECTION] =
    g_param_spec_int ("direction", NULL, NULL, BZW_FAVOUR_ASKED, BZW_FAVOUR_OFFERED, BZW_FAVOUR_ASKED, flags);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, BZW_FAVOUR_OPEN, BZW_FAVOUR_DECLINED, BZW_FAVOUR_OPEN, flags);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_VALUE_CENTS] =
    g_param_spec_int64 ("value-cents", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_DUE] =
    g_param_spec_string ("due", NULL, NULL, NULL, flags);
  properties[PROP_ENCOUNTER_ID] =
    g_param_spec_int64 ("encounter-id", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bzw_favour_init (BzwFavour *self)
{
}

BzwFavour *
bzw_favour_new (void)
{
  return g_object_new (BZW_TYPE_FAVOUR, NULL);
}

BzwFavour *
bzw_favour_copy (BzwFavour *self)
{
  BzwFavour *copy;

  g_return_val_if_fail (BZW_IS_FAVOUR (self), NULL);

  copy = bzw_favour_new ();
  copy->id = self->id;
  copy->uid = g_strdup (self->uid);
  copy->day = g_strdup (self->day);
  copy->direction = self->direction;
  copy->state = self->state;
  copy->description = g_strdup (self->description);
  copy->value_cents = self->value_cents;
  copy->due = g_strdup (self->due);
  copy->encounter_id = self->encounter_id;
  bzw_party_copy_into (&copy->from, &self->from);
  bzw_party_copy_into (&copy->to, &self->to);
  return copy;
}

gint64
bzw_favour_get_id (BzwFavour *self)
{
  g_return_val_if_fail (BZW_IS_FAVOUR (self), 0);

  return self->id;
}

void
bzw_favour_set_id (BzwFavour *self,
                   gint64     id)
{
  g_return_if_fail (BZW_IS_FAVOUR (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
bzw_favour_get_uid (BzwFavour *self)
{
  g_return_val_if_fail (BZW_IS_FAVOUR (self), NULL);

  return self->uid;
}

void
bzw_favour_set_uid (BzwFavour  *self,
                    const char *uid)
{
  g_return_if_fail (BZW_IS_FAVOUR (self));

  if (value_equal_str (self->uid, uid))
    return;

  g_free (self->uid);
  self->uid = (uid != NULL && uid[0] != '\0') ? g_strdup (uid) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
}

const char *
bzw_favour_get_day (BzwFavour *self)
{
  g_return_val_if_fail (BZW_IS_FAVOUR (self), NULL);

  return self->day;
}

void
bzw_favour_set_day (BzwFavour  *self,
                    const char *day)
{
  g_return_if_fail (BZW_IS_FAVOUR (self));

  if (value_equal_str (self->day, day))
    return;

  g_free (self->day);
  self->day = (day != NULL && day[0] != '\0') ? g_strdup (day) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

BzwFavourDirection
bzw_favour_get_direction (BzwFavour *self)
{
  g_return_val_if_fail (BZW_IS_FAVOUR (self), 0);

  return self->direction;
}

void
bzw_favour_set_direction (BzwFavour          *self,
                          BzwFavourDirection  direction)
{
  g_return_if_fail (BZW_IS_FAVOUR (self));

  if (self->direction == direction)
    return;

  self->direction = direction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRECTION]);
}

BzwFavourState
bzw_favour_get_state (BzwFavour *self)
{
  g_return_val_if_fail (BZW_IS_FAVOUR (self), 0);

  return self->state;
}

void
bzw_favour_set_state (BzwFavour      *self,
                      BzwFavourState  state)
{
  g_return_if_fail (BZW_IS_FAVOUR (self));

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

const char *
bzw_favour_get_description (BzwFavour *self)
{
  g_return_val_if_fail (BZW_IS_FAVOUR (self), NULL);

  return self->description;
}

void
bzw_favour_set_description (BzwFavour  *self,
                            const char *description)
{
  g_return_if_fail (BZW_IS_FAVOUR (self));

  if (value_equal_str (self->description, description))
    return;

  g_free (self->description);
  self->description = (description != NULL && description[0] != '\0') ? g_strdup (description) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

gint64
bzw_favour_get_value_cents (BzwFavour *self)
{
  g_return_val_if_fail (BZW_IS_FAVOUR (self), 0);

  return self->value_cents;
}

void
bzw_favour_set_value_cents (BzwFavour *self,
                            gint64     value_cents)
{
  g_return_if_fail (BZW_IS_FAVOUR (self));

  if (self->value_cents == value_cents)
    return;

  self->value_cents = value_cents;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE_CENTS]);
}

const char *
bzw_favour_get_due (BzwFavour *self)
{
  g_return_val_if_fail (BZW_IS_FAVOUR (self), NULL);

  return self->due;
}

void
bzw_favour_set_due (BzwFavour  *self,
                    const char *due)
{
  g_return_if_fail (BZW_IS_FAVOUR (self));

  if (value_equal_str (self->due, due))
    return;

  g_free (self->due);
  self->due = (due != NULL && due[0] != '\0') ? g_strdup (due) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE]);
}

gint64
bzw_favour_get_encounter_id (BzwFavour *self)
{
  g_return_val_if_fail (BZW_IS_FAVOUR (self), 0);

  return self->encounter_id;
}

void
bzw_favour_set_encounter_id (BzwFavour *self,
                             gint64     encounter_id)
{
  g_return_if_fail (BZW_IS_FAVOUR (self));

  if (self->encounter_id == encounter_id)
    return;

  self->encounter_id = encounter_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENCOUNTER_ID]);
}
