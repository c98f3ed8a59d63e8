/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-relationship"

#include "config.h"

#include "bzw-relationship.h"

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


static void
bzw_relationship_finalize (GObject *object)
{
  BzwRelationship *self = BZW_RELATIONSHIP (object);

  g_free (self->uid);
  g_free (self->kind);
  g_free (self->since);
  g_free (self->note);

  G_OBJECT_CLASS (bzw_relationship_parent_class)->finalize (object);
}

static void
bzw_relationship_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BzwRelationship *self = BZW_RELATIONSHIP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;

    case PROP_A_ID:
      g_value_set_int64 (value, self->a_id);
      break;

    case PROP_B_ID:
      g_value_set_int64 (value, self->b_id);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_STRENGTH:
      g_value_set_int (value, self->strength);
      break;

    case PROP_SINCE:
      g_value_set_string (value, self->since);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bzw_relationship_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BzwRelationship *self = BZW_RELATIONSHIP (object);

  switch (prop_id)
    {
    case PROP_ID:
      bzw_relationship_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UID:
      bzw_relationship_set_uid (self, g_value_get_string (value));
      break;

    case PROP_A_ID:
      bzw_relationship_set_a_id (self, g_value_get_int64 (value));
      break;

    case PROP_B_ID:
      bzw_relationship_set_b_id (self, g_value_get_int64 (value));
      break;

    case PROP_KIND:
      bzw_relationship_set_kind (self, g_value_get_string (value));
      break;

    case PROP_STRENGTH:
      bzw_relationship_set_strength (self, g_value_get_int (value));
      break;

    case PROP_SINCE:
      bzw_relationship_set_since (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      bzw_relationship_set_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  copy->id = self->id;
  copy->uid = g_strdup (self->uid);
  copy->a_id = self->a_id;
  copy->b_id = self->b_id;
  copy->kind = g_strdup (self->kind);
  copy->strength = self->strength;
  copy->since = g_strdup (self->since);
  copy->note = g_strdup (self->note);
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

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
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

  if (value_equal_str (self->uid, uid))
    return;

  g_free (self->uid);
  self->uid = (uid != NULL && uid[0] != '\0') ? g_strdup (uid) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
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

  if (self->a_id == a_id)
    return;

  self->a_id = a_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_A_ID]);
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

  if (self->b_id == b_id)
    return;

  self->b_id = b_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_B_ID]);
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

  if (value_equal_str (self->kind, kind))
    return;

  g_free (self->kind);
  self->kind = (kind != NULL && kind[0] != '\0') ? g_strdup (kind) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
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

  if (self->strength == strength)
    return;

  self->strength = strength;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRENGTH]);
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

  if (value_equal_str (self->since, since))
    return;

  g_free (self->since);
  self->since = (since != NULL && since[0] != '\0') ? g_strdup (since) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SINCE]);
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

  if (value_equal_str (self->note, note))
    return;

  g_free (self->note);
  self->note = (note != NULL && note[0] != '\0') ? g_strdup (note) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}
