/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How an encounter happened; the order is also the weight order of the
 * relationship strength (in person counts most).
 */
typedef enum
{
  BZW_CHANNEL_IN_PERSON,
  BZW_CHANNEL_PHONE,
  BZW_CHANNEL_VIDEO,
  BZW_CHANNEL_MESSAGE,
  BZW_CHANNEL_ONLINE,
  BZW_CHANNEL_EVENT,
  BZW_N_CHANNELS
} BzwChannel;

typedef enum
{
  BZW_FAVOUR_ASKED,
  BZW_FAVOUR_OFFERED,
  BZW_N_FAVOUR_DIRECTIONS
} BzwFavourDirection;

typedef enum
{
  BZW_FAVOUR_OPEN,
  BZW_FAVOUR_PROMISED,
  BZW_FAVOUR_DONE,
  BZW_FAVOUR_DECLINED,
  BZW_N_FAVOUR_STATES
} BzwFavourState;

typedef enum
{
  BZW_REFERRAL_GIVEN,
  BZW_REFERRAL_CONTACTED,
  BZW_REFERRAL_MEETING,
  BZW_REFERRAL_WON,
  BZW_REFERRAL_LOST,
  BZW_N_REFERRAL_STATES
} BzwReferralState;

typedef enum
{
  BZW_JOURNAL_ENCOUNTER = 1,
  BZW_JOURNAL_FAVOUR = 2,
  BZW_JOURNAL_REFERRAL = 3,
} BzwJournalKind;

/* One side of a favour or referral, or a participant of an encounter.  A
 * contact id of 0 with no name is "Ich"; 0 with a name is someone whose
 * contact was deleted but whose entries were kept.
 */
typedef struct
{
  gint64  contact_id;
  char   *name;
} BzwParty;

#define BZW_PARTY_ME ((BzwParty) { 0, NULL })

void        bzw_party_clear                   (BzwParty          *party);
void        bzw_party_copy_into               (BzwParty          *dest,
                                               const BzwParty    *src);
gboolean    bzw_party_is_me                   (const BzwParty    *party);
gboolean    bzw_party_equal                   (const BzwParty    *a,
                                               const BzwParty    *b);

const char *bzw_channel_to_string             (BzwChannel         channel);
gboolean    bzw_channel_from_string           (const char        *string,
                                               BzwChannel        *channel);
const char *bzw_channel_get_label             (BzwChannel         channel);
const char *bzw_channel_get_icon_name         (BzwChannel         channel);

const char *bzw_favour_direction_to_string    (BzwFavourDirection direction);
gboolean    bzw_favour_direction_from_string  (const char        *string,
                                               BzwFavourDirection *direction);
const char *bzw_favour_direction_get_label    (BzwFavourDirection direction);

const char *bzw_favour_state_to_string        (BzwFavourState     state);
gboolean    bzw_favour_state_from_string      (const char        *string,
                                               BzwFavourState    *state);
const char *bzw_favour_state_get_label        (BzwFavourState     state);
gboolean    bzw_favour_state_next             (BzwFavourState     state,
                                               BzwFavourState    *next);

const char *bzw_referral_state_to_string      (BzwReferralState   state);
gboolean    bzw_referral_state_from_string    (const char        *string,
                                               BzwReferralState  *state);
const char *bzw_referral_state_get_label      (BzwReferralState   state);
gboolean    bzw_referral_state_next           (BzwReferralState   state,
                                               BzwReferralState  *next);
const char *bzw_referral_effort_get_label     (int                effort);

G_END_DECLS
