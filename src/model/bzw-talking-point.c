/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-talking-point"

#include "config.h"

#include "bzw-talking-point.h"

#include "bzw-model-util.h"

/* „Beim nächsten Mal ansprechen“: something to raise with one contact next
 * time, ticked off (@done_at, Unix seconds) once it was raised.
 */
struct _BzwTalkingPoint
{
  GObject parent_instance;

  gint64  id;
  char   *uid;
  gint64  contact_id;
  char   *text;
  gint64  created;
  gint64  done_at;
};

G_DEFINE_FINAL_TYPE (BzwTalkingPoint, bzw_talking_point, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_CONTACT_ID,
  PROP_TEXT,
  PROP_CREATED,
  PROP_DONE_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const BzwModelField fields[N_PROPS] = {
  [PROP_ID]         = BZW_MODEL_FIELD (BzwTalkingPoint, id, BZW_MODEL_INT64),
  [PROP_UID]        = BZW_MODEL_FIELD (BzwTalkingPoint, uid, BZW_MODEL_STRING),
  [PROP_CONTACT_ID] = BZW_MODEL_FIELD (BzwTalkingPoint, contact_id, BZW_MODEL_INT64),
  [PROP_TEXT]       = BZW_MODEL_FIELD (BzwTalkingPoint, text, BZW_MODEL_STRING),
  [PROP_CREATED]    = BZW_MODEL_FIELD (BzwTalkingPoint, created, BZW_MODEL_INT64),
  [PROP_DONE_AT]    = BZW_MODEL_FIELD (BzwTalkingPoint, done_at, BZW_MODEL_INT64),
};

static void
bzw_talking_point_finalize (GObject *object)
{
  bzw_model_free_fields (object, fields, N_PROPS);

  G_OBJECT_CLASS (bzw_talking_point_parent_class)->finalize (object);
}

static void
bzw_talking_point_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  bzw_model_get_property (object, fields, N_PROPS, prop_id, value, pspec);
}

static void
bzw_talking_point_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  bzw_model_set_property (object, fields, N_PROPS, prop_id, value, pspec);
}

static void
bzw_talking_point_class_init (BzwTalkingPointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bzw_talking_point_finalize;
  object_class->get_property = bzw_talking_point_get_property;
  object_class->set_property = bzw_talking_point_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UID] = g_param_spec_string ("uid", NULL, NULL, NULL, flags);
  properties[PROP_CONTACT_ID] = g_param_spec_int64 ("contact-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_DONE_AT] = g_param_spec_int64 ("done-at", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bzw_talking_point_init (BzwTalkingPoint *self)
{
}

BzwTalkingPoint *
bzw_talking_point_new (void)
{
  return g_object_new (BZW_TYPE_TALKING_POINT, NULL);
}

#define INT64_ACCESSORS(field, PROP)                                        \
  gint64                                                                    \
  bzw_talking_point_get_##field (BzwTalkingPoint *self)                     \
  {                                                                         \
    g_return_val_if_fail (BZW_IS_TALKING_POINT (self), 0);                  \
    return self->field;                                                     \
  }                                                                         \
                                                                            \
  void                                                                      \
  bzw_talking_point_set_##field (BzwTalkingPoint *self,                     \
                                 gint64           value)                    \
  {                                                                         \
    g_return_if_fail (BZW_IS_TALKING_POINT (self));                         \
    bzw_model_set_int64 (self, &self->field, value, properties[PROP]);      \
  }

#define STRING_ACCESSORS(field, PROP)                                       \
  const char *                                                              \
  bzw_talking_point_get_##field (BzwTalkingPoint *self)                     \
  {                                                                         \
    g_return_val_if_fail (BZW_IS_TALKING_POINT (self), NULL);               \
    return self->field;                                                     \
  }                                                                         \
                                                                            \
  void                                                                      \
  bzw_talking_point_set_##field (BzwTalkingPoint *self,                     \
                                 const char      *value)                    \
  {                                                                         \
    g_return_if_fail (BZW_IS_TALKING_POINT (self));                         \
    bzw_model_set_string (self, &self->field, value, properties[PROP]);     \
  }

INT64_ACCESSORS (id, PROP_ID)
STRING_ACCESSORS (uid, PROP_UID)
INT64_ACCESSORS (contact_id, PROP_CONTACT_ID)
STRING_ACCESSORS (text, PROP_TEXT)
INT64_ACCESSORS (created, PROP_CREATED)
INT64_ACCESSORS (done_at, PROP_DONE_AT)

gboolean
bzw_talking_point_is_done (BzwTalkingPoint *self)
{
  g_return_val_if_fail (BZW_IS_TALKING_POINT (self), FALSE);

  return self->done_at > 0;
}
