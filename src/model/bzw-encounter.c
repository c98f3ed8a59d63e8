/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-encounter"

#include "config.h"

#include "bzw-encounter.h"

/* An encounter: a meeting, call or message with one or more contacts. */
struct _BzwEncounter
{
  GObject parent_instance;

  gint64 id;
  char *uid;
  gint64 happened_at;
  BzwChannel channel;
  char *place;
  char *notes;
  GArray *participants;
};

G_DEFINE_FINAL_TYPE (BzwEncounter, bzw_encounter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_HAPPENED_AT,
  PROP_CHANNEL,
  PROP_PLACE,
  PROP_NOTES,
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

/**
 * bzw_encounter_get_participants:
 *
 * Returns: (transfer none) (element-type BzwParty): who took part.
 */
GArray *
bzw_encounter_get_participants (BzwEncounter *self)
{
  g_return_val_if_fail (BZW_IS_ENCOUNTER (self), NULL);

  return self->participants;
}

void
bzw_encounter_add_participant (BzwEncounter *self,
                               gint64        contact_id,
                               const char   *name)
{
  BzwParty party = { contact_id, g_strdup (name) };

  g_return_if_fail (BZW_IS_ENCOUNTER (self));

  g_array_append_val (self->participants, party);
}

void
bzw_encounter_clear_participants (BzwEncounter *self)
{
  g_return_if_fail (BZW_IS_ENCOUNTER (self));

  g_array_set_size (self->participants, 0);
}

gboolean
bzw_encounter_has_participant (BzwEncounter *self,
                               gint64        contact_id)
{
  g_return_val_if_fail (BZW_IS_ENCOUNTER (self), FALSE);

  for (guint i = 0; i < self->participants->len; i++)
    if (g_array_index (self->participants, BzwParty, i).contact_id == contact_id)
      return TRUE;

  return FALSE;
}


static void
bzw_encounter_finalize (GObject *object)
{
  BzwEncounter *self = BZW_ENCOUNTER (object);

  g_free (self->uid);
  g_free (self->place);
  g_free (self->notes);
  g_clear_pointer (&self->participants, g_array_unref);

  G_OBJECT_CLASS (bzw_encounter_parent_class)->finalize (object);
}

static void
bzw_encounter_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BzwEncounter *self = BZW_ENCOUNTER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;

    case PROP_HAPPENED_AT:
      g_value_set_int64 (value, self->happened_at);
      break;

    case PROP_CHANNEL:
      g_value_set_int (value, self->channel);
      break;

    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bzw_encounter_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BzwEncounter *self = BZW_ENCOUNTER (object);

  switch (prop_id)
    {
    case PROP_ID:
      bzw_encounter_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UID:
      bzw_encounter_set_uid (self, g_value_get_string (value));
      break;

    case PROP_HAPPENED_AT:
      bzw_encounter_set_happened_at (self, g_value_get_int64 (value));
      break;

    case PROP_CHANNEL:
      bzw_encounter_set_channel (self, g_value_get_int (value));
      break;

    case PROP_PLACE:
      bzw_encounter_set_place (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      bzw_encounter_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bzw_encounter_class_init (BzwEncounterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bzw_encounter_finalize;
  object_class->get_property = bzw_encounter_get_property;
  object_class->set_property = bzw_encounter_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL, flags);
  properties[PROP_HAPPENED_AT] =
    g_param_spec_int64 ("happened-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CHANNEL] =
    g_param_spec_int ("channel", NULL, NULL, BZW_CHANNEL_IN_PERSON, BZW_CHANNEL_EVENT, BZW_CHANNEL_IN_PERSON, flags);
  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL, NULL, flags);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bzw_encounter_init (BzwEncounter *self)
{
  self->participants = g_array_new (FALSE, TRUE, sizeof (BzwParty));
  g_array_set_clear_func (self->participants, (GDestroyNotify) bzw_party_clear);
}

BzwEncounter *
bzw_encounter_new (void)
{
  return g_object_new (BZW_TYPE_ENCOUNTER, NULL);
}

BzwEncounter *
bzw_encounter_copy (BzwEncounter *self)
{
  BzwEncounter *copy;

  g_return_val_if_fail (BZW_IS_ENCOUNTER (self), NULL);

  copy = bzw_encounter_new ();
  copy->id = self->id;
  copy->uid = g_strdup (self->uid);
  copy->happened_at = self->happened_at;
  copy->channel = self->channel;
  copy->place = g_strdup (self->place);
  copy->notes = g_strdup (self->notes);
  for (guint i = 0; i < self->participants->len; i++)
    {
      const BzwParty *p = &g_array_index (self->participants, BzwParty, i);

      bzw_encounter_add_participant (copy, p->contact_id, p->name);
    }
  return copy;
}

gint64
bzw_encounter_get_id (BzwEncounter *self)
{
  g_return_val_if_fail (BZW_IS_ENCOUNTER (self), 0);

  return self->id;
}

void
bzw_encounter_set_id (BzwEncounter *self,
                      gint64        id)
{
  g_return_if_fail (BZW_IS_ENCOUNTER (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
bzw_encounter_get_uid (BzwEncounter *self)
{
  g_return_val_if_fail (BZW_IS_ENCOUNTER (self), NULL);

  return self->uid;
}

void
bzw_encounter_set_uid (BzwEncounter *self,
                       const char   *uid)
{
  g_return_if_fail (BZW_IS_ENCOUNTER (self));

  if (value_equal_str (self->uid, uid))
    return;

  g_free (self->uid);
  self->uid = (uid != NULL && uid[0] != '\0') ? g_strdup (uid) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UID]);
}

gint64
bzw_encounter_get_happened_at (BzwEncounter *self)
{
  g_return_val_if_fail (BZW_IS_ENCOUNTER (self), 0);

  return self->happened_at;
}

void
bzw_encounter_set_happened_at (BzwEncounter *self,
                               gint64        happened_at)
{
  g_return_if_fail (BZW_IS_ENCOUNTER (self));

  if (self->happened_at == happened_at)
    return;

  self->happened_at = happened_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAPPENED_AT]);
}

BzwChannel
bzw_encounter_get_channel (BzwEncounter *self)
{
  g_return_val_if_fail (BZW_IS_ENCOUNTER (self), 0);

  return self->channel;
}

void
bzw_encounter_set_channel (BzwEncounter *self,
                           BzwChannel    channel)
{
  g_return_if_fail (BZW_IS_ENCOUNTER (self));

  if (self->channel == channel)
    return;

  self->channel = channel;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL]);
}

const char *
bzw_encounter_get_place (BzwEncounter *self)
{
  g_return_val_if_fail (BZW_IS_ENCOUNTER (self), NULL);

  return self->place;
}

void
bzw_encounter_set_place (BzwEncounter *self,
                         const char   *place)
{
  g_return_if_fail (BZW_IS_ENCOUNTER (self));

  if (value_equal_str (self->place, place))
    return;

  g_free (self->place);
  self->place = (place != NULL && place[0] != '\0') ? g_strdup (place) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE]);
}

const char *
bzw_encounter_get_notes (BzwEncounter *self)
{
  g_return_val_if_fail (BZW_IS_ENCOUNTER (self), NULL);

  return self->notes;
}

void
bzw_encounter_set_notes (BzwEncounter *self,
                         const char   *notes)
{
  g_return_if_fail (BZW_IS_ENCOUNTER (self));

  if (value_equal_str (self->notes, notes))
    return;

  g_free (self->notes);
  self->notes = (notes != NULL && notes[0] != '\0') ? g_strdup (notes) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}
