/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-circle"

#include "config.h"

#include "bzw-circle.h"

#include "bzw-model-util.h"

/* A circle: a coloured tag for contacts, with an optional keep-in-touch rhythm. */
struct _BzwCircle
{
  GObject parent_instance;

  gint64 id;
  char *uid;
  char *name;
  char *color;
  int interval_ideal;
  int interval_max;
  int position;
  int lead_days;
};

G_DEFINE_FINAL_TYPE (BzwCircle, bzw_circle, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_NAME,
  PROP_COLOR,
  PROP_INTERVAL_IDEAL,
  PROP_INTERVAL_MAX,
  PROP_POSITION,
  PROP_LEAD_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const BzwModelField fields[N_PROPS] = {
  [PROP_ID]             = BZW_MODEL_FIELD (BzwCircle, id, BZW_MODEL_INT64),
  [PROP_UID]            = BZW_MODEL_FIELD (BzwCircle, uid, BZW_MODEL_STRING),
  [PROP_NAME]           = BZW_MODEL_FIELD (BzwCircle, name, BZW_MODEL_STRING),
  [PROP_COLOR]          = BZW_MODEL_FIELD (BzwCircle, color, BZW_MODEL_STRING),
  [PROP_INTERVAL_IDEAL] = BZW_MODEL_FIELD (BzwCircle, interval_ideal, BZW_MODEL_INT),
  [PROP_INTERVAL_MAX]   = BZW_MODEL_FIELD (BzwCircle, interval_max, BZW_MODEL_INT),
  [PROP_POSITION]       = BZW_MODEL_FIELD (BzwCircle, position, BZW_MODEL_INT),
  [PROP_LEAD_DAYS]      = BZW_MODEL_FIELD (BzwCircle, lead_days, BZW_MODEL_INT),
};

static void
bzw_circle_finalize (GObject *object)
{
  BzwCircle *self = BZW_CIRCLE (object);

  bzw_model_free_fields (self, fields, N_PROPS);

  G_OBJECT_CLASS (bzw_circle_parent_class)->finalize (object);
}

static void
bzw_circle_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  bzw_model_get_property (object, fields, N_PROPS, prop_id, value, pspec);
}

static void
bzw_circle_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  bzw_model_set_property (object, fields, N_PROPS, prop_id, value, pspec);
}

static void
bzw_circle_class_init (BzwCircleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bzw_circle_finalize;
  object_class->get_property = bzw_circle_get_property;
  object_class->set_property = bzw_circle_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL, flags);
  properties[PROP_INTERVAL_IDEAL] =
    g_param_spec_int ("interval-ideal", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_INTERVAL_MAX] =
    g_param_spec_int ("interval-max", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags);
  /* Days before a birthday or anniversary to be reminded; 0 on the day. */
  properties[PROP_LEAD_DAYS] =
    g_param_spec_int ("lead-days", NULL, NULL, 0, 365, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bzw_circle_init (BzwCircle *self)
{
}

BzwCircle *
bzw_circle_new (void)
{
  return g_object_new (BZW_TYPE_CIRCLE, NULL);
}

BzwCircle *
bzw_circle_copy (BzwCircle *self)
{
  BzwCircle *copy;

  g_return_val_if_fail (BZW_IS_CIRCLE (self), NULL);

  copy = bzw_circle_new ();
  bzw_model_copy_fields (copy, self, fields, N_PROPS);
  return copy;
}

gint64
bzw_circle_get_id (BzwCircle *self)
{
  g_return_val_if_fail (BZW_IS_CIRCLE (self), 0);

  return self->id;
}

void
bzw_circle_set_id (BzwCircle *self,
                   gint64     id)
{
  g_return_if_fail (BZW_IS_CIRCLE (self));

  bzw_model_set_int64 (self, &self->id, id, properties[PROP_ID]);
}

const char *
bzw_circle_get_uid (BzwCircle *self)
{
  g_return_val_if_fail (BZW_IS_CIRCLE (self), NULL);

  return self->uid;
}

void
bzw_circle_set_uid (BzwCircle  *self,
                    const char *uid)
{
  g_return_if_fail (BZW_IS_CIRCLE (self));

  bzw_model_set_string (self, &self->uid, uid, properties[PROP_UID]);
}

const char *
bzw_circle_get_name (BzwCircle *self)
{
  g_return_val_if_fail (BZW_IS_CIRCLE (self), NULL);

  return self->name;
}

void
bzw_circle_set_name (BzwCircle  *self,
                     const char *name)
{
  g_return_if_fail (BZW_IS_CIRCLE (self));

  bzw_model_set_string (self, &self->name, name, properties[PROP_NAME]);
}

const char *
bzw_circle_get_color (BzwCircle *self)
{
  g_return_val_if_fail (BZW_IS_CIRCLE (self), NULL);

  return self->color;
}

void
bzw_circle_set_color (BzwCircle  *self,
                      const char *color)
{
  g_return_if_fail (BZW_IS_CIRCLE (self));

  bzw_model_set_string (self, &self->color, color, properties[PROP_COLOR]);
}

int
bzw_circle_get_interval_ideal (BzwCircle *self)
{
  g_return_val_if_fail (BZW_IS_CIRCLE (self), 0);

  return self->interval_ideal;
}

void
bzw_circle_set_interval_ideal (BzwCircle *self,
                               int        interval_ideal)
{
  g_return_if_fail (BZW_IS_CIRCLE (self));

  bzw_model_set_int (self, &self->interval_ideal, interval_ideal, properties[PROP_INTERVAL_IDEAL]);
}

int
bzw_circle_get_interval_max (BzwCircle *self)
{
  g_return_val_if_fail (BZW_IS_CIRCLE (self), 0);

  return self->interval_max;
}

void
bzw_circle_set_interval_max (BzwCircle *self,
                             int        interval_max)
{
  g_return_if_fail (BZW_IS_CIRCLE (self));

  bzw_model_set_int (self, &self->interval_max, interval_max, properties[PROP_INTERVAL_MAX]);
}

int
bzw_circle_get_position (BzwCircle *self)
{
  g_return_val_if_fail (BZW_IS_CIRCLE (self), 0);

  return self->position;
}

void
bzw_circle_set_position (BzwCircle *self,
                         int        position)
{
  g_return_if_fail (BZW_IS_CIRCLE (self));

  bzw_model_set_int (self, &self->position, position, properties[PROP_POSITION]);
}

int
bzw_circle_get_lead_days (BzwCircle *self)
{
  g_return_val_if_fail (BZW_IS_CIRCLE (self), 0);

  return self->lead_days;
}

void
bzw_circle_set_lead_days (BzwCircle *self,
                          int        lead_days)
{
  g_return_if_fail (BZW_IS_CIRCLE (self));

  bzw_model_set_int (self, &self->lead_days, CLAMP (lead_days, 0, 365), properties[PROP_LEAD_DAYS]);
}
