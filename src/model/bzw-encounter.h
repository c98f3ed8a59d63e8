/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>
#include "bzw-enums.h"

G_BEGIN_DECLS


#define BZW_TYPE_ENCOUNTER (bzw_encounter_get_type ())

G_DECLARE_FINAL_TYPE (BzwEncounter, bzw_encounter, BZW, ENCOUNTER, GObject)

BzwEncounter * bzw_encounter_new             (void);
BzwEncounter * bzw_encounter_copy            (BzwEncounter *self);
gint64         bzw_encounter_get_id          (BzwEncounter *self);
void           bzw_encounter_set_id          (BzwEncounter *self,
                                              gint64 id);
const char *   bzw_encounter_get_uid         (BzwEncounter *self);
void           bzw_encounter_set_uid         (BzwEncounter *self,
                                              const char *uid);
gint64         bzw_encounter_get_happened_at (BzwEncounter *self);
void           bzw_encounter_set_happened_at (BzwEncounter *self,
                                              gint64 happened_at);
BzwChannel     bzw_encounter_get_channel     (BzwEncounter *self);
void           bzw_encounter_set_channel     (BzwEncounter *self,
                                              BzwChannel channel);
const char *   bzw_encounter_get_place       (BzwEncounter *self);
void           bzw_encounter_set_place       (BzwEncounter *self,
                                              const char *place);
const char *   bzw_encounter_get_notes       (BzwEncounter *self);
void           bzw_encounter_set_notes       (BzwEncounter *self,
                                              const char *notes);
gboolean       bzw_encounter_get_planned     (BzwEncounter *self);
void           bzw_encounter_set_planned     (BzwEncounter *self,
                                              gboolean planned);


GArray       *bzw_encounter_get_participants (BzwEncounter *self);
void          bzw_encounter_add_participant  (BzwEncounter *self,
                                              gint64        contact_id,
                                              const char   *name);
void          bzw_encounter_clear_participants (BzwEncounter *self);
gboolean      bzw_encounter_has_participant  (BzwEncounter *self,
                                              gint64        contact_id);


G_END_DECLS
