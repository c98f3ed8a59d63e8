/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-referral"

#include "config.h"

#include "bzw-referral.h"

#include "bzw-model-util.h"

/* A referral: a giver passes a person or business on to a receiver. */
struct _BzwReferral
{
  GObject parent_instance;

  gint64 id;
  char *uid;
  char *day;
  int effort;
  BzwReferralState state;
  gint64 value_cents;
  gboolean thanked;
  char *notes;
  BzwParty giver;
  BzwParty receiver;
  BzwParty referred;
};

G_DEFINE_FINAL_TYPE (BzwReferral, bzw_referral, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_DAY,
  PROP_EFFORT,
  PROP_STATE,
  PROP_VALUE_CENTS,
  PROP_THANKED,
  PROP_NOTES,
  N_PROPS,

  FIELD_GIVER = N_PROPS,
  FIELD_RECEIVER,
  FIELD_REFERRED,
  N_FIELDS
};

static GParamSpec *properties[N_PROPS];

static const BzwModelField fields[N_FIELDS] = {
  [PROP_ID]          = BZW_MODEL_FIELD (BzwReferral, id, BZW_MODEL_INT64),
  [PROP_UID]         = BZW_MODEL_FIELD (BzwReferral, uid, BZW_MODEL_STRING),
  [PROP_DAY]         = BZW_MODEL_FIELD (BzwReferral, day, BZW_MODEL_STRING),
  [PROP_EFFORT]      = BZW_MODEL_FIELD (BzwReferral, effort, BZW_MODEL_INT),
  [PROP_STATE]       = BZW_MODEL_FIELD (BzwReferral, state, BZW_MODEL_INT),
  [PROP_VALUE_CENTS] = BZW_MODEL_FIELD (BzwReferral, value_cents, BZW_MODEL_INT64),
  [PROP_THANKED]     = BZW_MODEL_FIELD (BzwReferral, thanked, BZW_MODEL_BOOLEAN),
  [PROP_NOTES]       = BZW_MODEL_FIELD (BzwReferral, notes, BZW_MODEL_STRING),
  [FIELD_GIVER]      = BZW_MODEL_FIELD (BzwReferral, giver, BZW_MODEL_PARTY),
  [FIELD_RECEIVER]   = BZW_MODEL_FIELD (BzwReferral, receiver, BZW_MODEL_PARTY),
  [FIELD_REFERRED]   = BZW_MODEL_FIELD (BzwReferral, referred, BZW_MODEL_PARTY),
};

const BzwParty *
bzw_referral_get_giver (BzwReferral *self)
{
  g_return_val_if_fail (BZW_IS_REFERRAL (self), NULL);

  return &self->giver;
}

void
bzw_referral_set_giver (BzwReferral    *self,
                        const BzwParty *giver)
{
  g_return_if_fail (BZW_IS_REFERRAL (self));
  g_return_if_fail (giver != NULL);

  bzw_party_copy_into (&self->giver, giver);
}

const BzwParty *
bzw_referral_get_receiver (BzwReferral *self)
{
  g_return_val_if_fail (BZW_IS_REFERRAL (self), NULL);

  return &self->receiver;
}

void
bzw_referral_set_receiver (BzwReferral    *self,
                          const BzwParty *receiver)
{
  g_return_if_fail (BZW_IS_REFERRAL (self));
  g_return_if_fail (receiver != NULL);

  bzw_party_copy_into (&self->receiver, receiver);
}

const BzwParty *
bzw_referral_get_referred (BzwReferral *self)
{
  g_return_val_if_fail (BZW_IS_REFERRAL (self), NULL);

  return &self->referred;
}

void
bzw_referral_set_referred (BzwReferral    *self,
                          const BzwParty *referred)
{
  g_return_if_fail (BZW_IS_REFERRAL (self));
  g_return_if_fail (referred != NULL);

  bzw_party_copy_into (&self->referred, referred);
}

static void
bzw_referral_finalize (GObject *object)
{
  BzwReferral *self = BZW_REFERRAL (object);

  bzw_model_free_fields (self, fields, N_FIELDS);

  G_OBJECT_CLASS (bzw_referral_parent_class)->finalize (object);
}

static void
bzw_referral_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  bzw_model_get_property (object, fields, N_PROPS, prop_id, value, pspec);
}

static void
bzw_referral_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  bzw_model_set_property (object, fields, N_PROPS, prop_id, value, pspec);
}

static void
bzw_referral_class_init (BzwReferralClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bzw_referral_finalize;
  object_class->get_property = bzw_referral_get_property;
  object_class->set_property = bzw_referral_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL, flags);
  properties[PROP_DAY] =
    g_param_spec_string ("day", NULL, NULL, NULL, flags);
  properties[PROP_EFFORT] =
    g_param_spec_int ("effort", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, BZW_REFERRAL_GIVEN, BZW_REFERRAL_LOST, BZW_REFERRAL_GIVEN, flags);
  properties[PROP_VALUE_CENTS] =
    g_param_spec_int64 ("value-cents", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_THANKED] =
    g_param_spec_boolean ("thanked", NULL, NULL, FALSE, flags);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bzw_referral_init (BzwReferral *self)
{
}

BzwReferral *
bzw_referral_new (void)
{
  return g_object_new (BZW_TYPE_REFERRAL, NULL);
}

BzwReferral *
bzw_referral_copy (BzwReferral *self)
{
  BzwReferral *copy;

  g_return_val_if_fail (BZW_IS_REFERRAL (self), NULL);

  copy = bzw_referral_new ();
  bzw_model_copy_fields (copy, self, fields, N_FIELDS);
  return copy;
}

gint64
bzw_referral_get_id (BzwReferral *self)
{
  g_return_val_if_fail (BZW_IS_REFERRAL (self), 0);

  return self->id;
}

void
bzw_referral_set_id (BzwReferral *self,
                     gint64       id)
{
  g_return_if_fail (BZW_IS_REFERRAL (self));

  bzw_model_set_int64 (self, &self->id, id, properties[PROP_ID]);
}

const char *
bzw_referral_get_uid (BzwReferral *self)
{
  g_return_val_if_fail (BZW_IS_REFERRAL (self), NULL);

  return self->uid;
}

void
bzw_referral_set_uid (BzwReferral *self,
                      const char  *uid)
{
  g_return_if_fail (BZW_IS_REFERRAL (self));

  bzw_model_set_string (self, &self->uid, uid, properties[PROP_UID]);
}

const char *
bzw_referral_get_day (BzwReferral *self)
{
  g_return_val_if_fail (BZW_IS_REFERRAL (self), NULL);

  return self->day;
}

void
bzw_referral_set_day (BzwReferral *self,
                      const char  *day)
{
  g_return_if_fail (BZW_IS_REFERRAL (self));

  bzw_model_set_string (self, &self->day, day, properties[PROP_DAY]);
}

int
bzw_referral_get_effort (BzwReferral *self)
{
  g_return_val_if_fail (BZW_IS_REFERRAL (self), 0);

  return self->effort;
}

void
bzw_referral_set_effort (BzwReferral *self,
                         int          effort)
{
  g_return_if_fail (BZW_IS_REFERRAL (self));

  bzw_model_set_int (self, &self->effort, effort, properties[PROP_EFFORT]);
}

BzwReferralState
bzw_referral_get_state (BzwReferral *self)
{
  g_return_val_if_fail (BZW_IS_REFERRAL (self), 0);

  return self->state;
}

void
bzw_referral_set_state (BzwReferral      *self,
                        BzwReferralState  state)
{
  g_return_if_fail (BZW_IS_REFERRAL (self));

  bzw_model_set_int (self, (int *) &self->state, state, properties[PROP_STATE]);
}

gint64
bzw_referral_get_value_cents (BzwReferral *self)
{
  g_return_val_if_fail (BZW_IS_REFERRAL (self), 0);

  return self->value_cents;
}

void
bzw_referral_set_value_cents (BzwReferral *self,
                              gint64       value_cents)
{
  g_return_if_fail (BZW_IS_REFERRAL (self));

  bzw_model_set_int64 (self, &self->value_cents, value_cents, properties[PROP_VALUE_CENTS]);
}

gboolean
bzw_referral_get_thanked (BzwReferral *self)
{
  g_return_val_if_fail (BZW_IS_REFERRAL (self), FALSE);

  return self->thanked;
}

void
bzw_referral_set_thanked (BzwReferral *self,
                          gboolean     thanked)
{
  g_return_if_fail (BZW_IS_REFERRAL (self));

  bzw_model_set_boolean (self, &self->thanked, thanked, properties[PROP_THANKED]);
}

const char *
bzw_referral_get_notes (BzwReferral *self)
{
  g_return_val_if_fail (BZW_IS_REFERRAL (self), NULL);

  return self->notes;
}

void
bzw_referral_set_notes (BzwReferral *self,
                        const char  *notes)
{
  g_return_if_fail (BZW_IS_REFERRAL (self));

  bzw_model_set_string (self, &self->notes, notes, properties[PROP_NOTES]);
}
