/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-encounter"

#include "config.h"

#include "bzw-encounter.h"

#include "bzw-model-util.h"

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
  gboolean planned;
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
  PROP_PLANNED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const BzwModelField fields[N_PROPS] = {
  [PROP_ID]          = BZW_MODEL_FIELD (BzwEncounter, id, BZW_MODEL_INT64),
  [PROP_UID]         = BZW_MODEL_FIELD (BzwEncounter, uid, BZW_MODEL_STRING),
  [PROP_HAPPENED_AT] = BZW_MODEL_FIELD (BzwEncounter, happened_at, BZW_MODEL_INT64),
  [PROP_CHANNEL]     = BZW_MODEL_FIELD (BzwEncounter, channel, BZW_MODEL_INT),
  [PROP_PLACE]       = BZW_MODEL_FIELD (BzwEncounter, place, BZW_MODEL_STRING),
  [PROP_NOTES]       = BZW_MODEL_FIELD (BzwEncounter, notes, BZW_MODEL_STRING),
  [PROP_PLANNED]     = BZW_MODEL_FIELD (BzwEncounter, planned, BZW_MODEL_BOOLEAN),
};

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

  bzw_model_free_fields (self, fields, N_PROPS);
  g_clear_pointer (&self->participants, g_array_unref);

  G_OBJECT_CLASS (bzw_encounter_parent_class)->finalize (object);
}

static void
bzw_encounter_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  bzw_model_get_property (object, fields, N_PROPS, prop_id, value, pspec);
}

static void
bzw_encounter_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  bzw_model_set_property (object, fields, N_PROPS, prop_id, value, pspec);
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
  properties[PROP_PLANNED] =
    g_param_spec_boolean ("planned", NULL, NULL, FALSE, flags);

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
  bzw_model_copy_fields (copy, self, fields, N_PROPS);
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

  bzw_model_set_int64 (self, &self->id, id, properties[PROP_ID]);
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

  bzw_model_set_string (self, &self->uid, uid, properties[PROP_UID]);
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

  bzw_model_set_int64 (self, &self->happened_at, happened_at, properties[PROP_HAPPENED_AT]);
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

  bzw_model_set_int (self, (int *) &self->channel, channel, properties[PROP_CHANNEL]);
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

  bzw_model_set_string (self, &self->place, place, properties[PROP_PLACE]);
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

  bzw_model_set_string (self, &self->notes, notes, properties[PROP_NOTES]);
}

/* Planned: not yet confirmed to have taken place.  The store marks an
 * encounter saved with a date to come as planned anyway; this keeps the
 * mark of one whose date has passed (an undo, the archive).
 */
gboolean
bzw_encounter_get_planned (BzwEncounter *self)
{
  g_return_val_if_fail (BZW_IS_ENCOUNTER (self), FALSE);

  return self->planned;
}

void
bzw_encounter_set_planned (BzwEncounter *self,
                           gboolean      planned)
{
  g_return_if_fail (BZW_IS_ENCOUNTER (self));

  bzw_model_set_boolean (self, &self->planned, planned, properties[PROP_PLANNED]);
}
