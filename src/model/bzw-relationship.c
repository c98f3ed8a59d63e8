/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-relationship"

#include "config.h"

#include "bzw-relationship.h"

#include "bzw-model-util.h"

/* Who knows whom: a relationship between two contacts. */
struct _BzwRelationship
{
  GObject parent_instance;

  gint64 id;
  char *uid;
  gint64 a_id;
  gint64 b_id;
  char *kind;
  int strength;
  char *since;
  char *note;
};

G_DEFINE_FINAL_TYPE (BzwRelationship, bzw_relationship, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_A_ID,
  PROP_B_ID,
  PROP_KIND,
  PROP_STRENGTH,
  PROP_SINCE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const BzwModelField fields[N_PROPS] = {
  [PROP_ID]       = BZW_MODEL_FIELD (BzwRelationship, id, BZW_MODEL_INT64),
  [PROP_UID]      = BZW_MODEL_FIELD (BzwRelationship, uid, BZW_MODEL_STRING),
  [PROP_A_ID]     = BZW_MODEL_FIELD (BzwRelationship, a_id, BZW_MODEL_INT64),
  [PROP_B_ID]     = BZW_MODEL_FIELD (BzwRelationship, b_id, BZW_MODEL_INT64),
  [PROP_KIND]     = BZW_MODEL_FIELD (BzwRelationship, kind, BZW_MODEL_STRING),
  [PROP_STRENGTH] = BZW_MODEL_FIELD (BzwRelationship, strength, BZW_MODEL_INT),
  [PROP_SINCE]    = BZW_MODEL_FIELD (BzwRelationship, since, BZW_MODEL_STRING),
  [PROP_NOTE]     = BZW_MODEL_FIELD (BzwRelationship, note, BZW_MODEL_STRING),
};

static void
bzw_relationship_finalize (GObject *object)
{
  BzwRelationship *self = BZW_RELATIONSHIP (object);

  bzw_model_free_fields (self, fields, N_PROPS);

  G_OBJECT_CLASS (bzw_relationship_parent_class)->finalize (object);
}

static void
bzw_relationship_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  bzw_model_get_property (object, fields, N_PROPS, prop_id, value, pspec);
}

static void
bzw_relationship_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  bzw_model_set_property (object, fields, N_PROPS, prop_id, value, pspec);
}

static void
bzw_relationship_class_init (BzwRelationshipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bzw_relationship_finalize;
  object_class->get_property = bzw_relationship_get_property;
  object_class->set_property = bzw_relationship_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL, flags);
  properties[PROP_A_ID] =
    g_param_spec_int64 ("a-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_B_ID] =
    g_param_spec_int64 ("b-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_STRENGTH] =
    g_param_spec_int ("strength", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_SINCE] =
    g_param_spec_string ("since", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bzw_relationship_init (BzwRelationship *self)
{
}

BzwRelationship *
bzw_relationship_new (void)
{
  return g_object_new (BZW_TYPE_RELATIONSHIP, NULL);
}

BzwRelationship *
bzw_relationship_copy (BzwRelationship *self)
{
  BzwRelationship *copy;

  g_return_val_if_fail (BZW_IS_RELATIONSHIP (self), NULL);

  copy = bzw_relationship_new ();
  bzw_model_copy_fields (copy, self, fields, N_PROPS);
  return copy;
}

gint64
bzw_relationship_get_id (BzwRelationship *self)
{
  g_return_val_if_fail (BZW_IS_RELATIONSHIP (self), 0);

  return self->id;
}

void
bzw_relationship_set_id (BzwRelationship *self,
                         gint64           id)
{
  g_return_if_fail (BZW_IS_RELATIONSHIP (self));

  bzw_model_set_int64 (self, &self->id, id, properties[PROP_ID]);
}

const char *
bzw_relationship_get_uid (BzwRelationship *self)
{
  g_return_val_if_fail (BZW_IS_RELATIONSHIP (self), NULL);

  return self->uid;
}

void
bzw_relationship_set_uid (BzwRelationship *self,
                          const char      *uid)
{
  g_return_if_fail (BZW_IS_RELATIONSHIP (self));

  bzw_model_set_string (self, &self->uid, uid, properties[PROP_UID]);
}

gint64
bzw_relationship_get_a_id (BzwRelationship *self)
{
  g_return_val_if_fail (BZW_IS_RELATIONSHIP (self), 0);

  return self->a_id;
}

void
bzw_relationship_set_a_id (BzwRelationship *self,
                           gint64           a_id)
{
  g_return_if_fail (BZW_IS_RELATIONSHIP (self));

  bzw_model_set_int64 (self, &self->a_id, a_id, properties[PROP_A_ID]);
}

gint64
bzw_relationship_get_b_id (BzwRelationship *self)
{
  g_return_val_if_fail (BZW_IS_RELATIONSHIP (self), 0);

  return self->b_id;
}

void
bzw_relationship_set_b_id (BzwRelationship *self,
                           gint64           b_id)
{
  g_return_if_fail (BZW_IS_RELATIONSHIP (self));

  bzw_model_set_int64 (self, &self->b_id, b_id, properties[PROP_B_ID]);
}

const char *
bzw_relationship_get_kind (BzwRelationship *self)
{
  g_return_val_if_fail (BZW_IS_RELATIONSHIP (self), NULL);

  return self->kind;
}

void
bzw_relationship_set_kind (BzwRelationship *self,
                           const char      *kind)
{
  g_return_if_fail (BZW_IS_RELATIONSHIP (self));

  bzw_model_set_string (self, &self->kind, kind, properties[PROP_KIND]);
}

int
bzw_relationship_get_strength (BzwRelationship *self)
{
  g_return_val_if_fail (BZW_IS_RELATIONSHIP (self), 0);

  return self->strength;
}

void
bzw_relationship_set_strength (BzwRelationship *self,
                               int              strength)
{
  g_return_if_fail (BZW_IS_RELATIONSHIP (self));

  bzw_model_set_int (self, &self->strength, strength, properties[PROP_STRENGTH]);
}

const char *
bzw_relationship_get_since (BzwRelationship *self)
{
  g_return_val_if_fail (BZW_IS_RELATIONSHIP (self), NULL);

  return self->since;
}

void
bzw_relationship_set_since (BzwRelationship *self,
                            const char      *since)
{
  g_return_if_fail (BZW_IS_RELATIONSHIP (self));

  bzw_model_set_string (self, &self->since, since, properties[PROP_SINCE]);
}

const char *
bzw_relationship_get_note (BzwRelationship *self)
{
  g_return_val_if_fail (BZW_IS_RELATIONSHIP (self), NULL);

  return self->note;
}

void
bzw_relationship_set_note (BzwRelationship *self,
                           const char      *note)
{
  g_return_if_fail (BZW_IS_RELATIONSHIP (self));

  bzw_model_set_string (self, &self->note, note, properties[PROP_NOTE]);
}
