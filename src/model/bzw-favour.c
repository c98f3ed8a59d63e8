/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-favour"

#include "config.h"

#include "bzw-favour.h"

#include "bzw-model-util.h"

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
  N_PROPS,

  FIELD_FROM = N_PROPS,
  FIELD_TO,
  N_FIELDS
};

static GParamSpec *properties[N_PROPS];

static const BzwModelField fields[N_FIELDS] = {
  [PROP_ID]           = BZW_MODEL_FIELD (BzwFavour, id, BZW_MODEL_INT64),
  [PROP_UID]          = BZW_MODEL_FIELD (BzwFavour, uid, BZW_MODEL_STRING),
  [PROP_DAY]          = BZW_MODEL_FIELD (BzwFavour, day, BZW_MODEL_STRING),
  [PROP_DIRECTION]    = BZW_MODEL_FIELD (BzwFavour, direction, BZW_MODEL_INT),
  [PROP_STATE]        = BZW_MODEL_FIELD (BzwFavour, state, BZW_MODEL_INT),
  [PROP_DESCRIPTION]  = BZW_MODEL_FIELD (BzwFavour, description, BZW_MODEL_STRING),
  [PROP_VALUE_CENTS]  = BZW_MODEL_FIELD (BzwFavour, value_cents, BZW_MODEL_INT64),
  [PROP_DUE]          = BZW_MODEL_FIELD (BzwFavour, due, BZW_MODEL_STRING),
  [PROP_ENCOUNTER_ID] = BZW_MODEL_FIELD (BzwFavour, encounter_id, BZW_MODEL_INT64),
  [FIELD_FROM]        = BZW_MODEL_FIELD (BzwFavour, from, BZW_MODEL_PARTY),
  [FIELD_TO]          = BZW_MODEL_FIELD (BzwFavour, to, BZW_MODEL_PARTY),
};

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

  bzw_model_free_fields (self, fields, N_FIELDS);

  G_OBJECT_CLASS (bzw_favour_parent_class)->finalize (object);
}

static void
bzw_favour_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  bzw_model_get_property (object, fields, N_PROPS, prop_id, value, pspec);
}

static void
bzw_favour_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  bzw_model_set_property (object, fields, N_PROPS, prop_id, value, pspec);
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
  bzw_model_copy_fields (copy, self, fields, N_FIELDS);
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

  bzw_model_set_int64 (self, &self->id, id, properties[PROP_ID]);
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

  bzw_model_set_string (self, &self->uid, uid, properties[PROP_UID]);
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

  bzw_model_set_string (self, &self->day, day, properties[PROP_DAY]);
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

  bzw_model_set_int (self, (int *) &self->direction, direction, properties[PROP_DIRECTION]);
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

  bzw_model_set_int (self, (int *) &self->state, state, properties[PROP_STATE]);
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

  bzw_model_set_string (self, &self->description, description, properties[PROP_DESCRIPTION]);
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

  bzw_model_set_int64 (self, &self->value_cents, value_cents, properties[PROP_VALUE_CENTS]);
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

  bzw_model_set_string (self, &self->due, due, properties[PROP_DUE]);
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

  bzw_model_set_int64 (self, &self->encounter_id, encounter_id, properties[PROP_ENCOUNTER_ID]);
}
