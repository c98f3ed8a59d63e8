/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-circle"

#include "config.h"

#include "bzw-circle.h"

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
bzw_circle_finalize (GObject *object)
{
  BzwCircle *self = BZW_CIRCLE (object);

  g_free (self->uid);
  g_free (self->name);
  g_free (self->color);

  G_OBJECT_CLASS (bzw_circle_parent_class)->finalize (object);
}

static void
bzw_circle_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BzwCircle *self = BZW_CIRCLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_INTERVAL_IDEAL:
      g_value_set_int (value, self->interval_ideal);
      break;

    case PROP_INTERVAL_MAX:
      g_value_set_int (value, self->interval_max);
      break;

    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bzw_circle_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BzwCircle *self = BZW_CIRCLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      bzw_circle_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UID:
      bzw_circle_set_uid (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      bzw_circle_set_name (self, g_value_get_string (value));
      break;

    case PROP_COLOR:
      bzw_circle_set_color (self, g_value_get_string (value));
      break;

    case PROP_INTERVAL_IDEAL:
      bzw_circle_set_interval_ideal (self, g_value_get_int (value));
      break;

    case PROP_INTERVAL_MAX:
      bzw_circle_set_interval_max (self, g_value_get_int (value));
      break;

    case PROP_POSITION:
      bzw_circle_set_position (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  copy->id = self->id;
  copy->uid = g_strdup (self->uid);
  copy->name = g_strdup (self->name);
  copy->color = g_strdup (self->color);
  copy->interval_ideal = self->interval_ideal;
  copy->interval_max = self->interval_max;
  copy->position = self->position;
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

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
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

  if (value_equal_str (self->uid, uid))
    return;

  g_free (self->uid);
  self->uid = (uid != NULL && uid[0] != '\0') ? g_strdup (uid) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
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

  if (value_equal_str (self->name, name))
    return;

  g_free (self->name);
  self->name = (name != NULL && name[0] != '\0') ? g_strdup (name) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
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

  if (value_equal_str (self->color, color))
    return;

  g_free (self->color);
  self->color = (color != NULL && color[0] != '\0') ? g_strdup (color) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
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

  if (self->interval_ideal == interval_ideal)
    return;

  self->interval_ideal = interval_ideal;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL_IDEAL]);
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

  if (self->interval_max == interval_max)
    return;

  self->interval_max = interval_max;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL_MAX]);
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

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}
