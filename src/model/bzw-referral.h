/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>
#include "bzw-enums.h"

G_BEGIN_DECLS


#define BZW_TYPE_REFERRAL (bzw_referral_get_type ())

G_DECLARE_FINAL_TYPE (BzwReferral, bzw_referral, BZW, REFERRAL, GObject)

BzwReferral *     bzw_referral_new             (void);
BzwReferral *     bzw_referral_copy            (BzwReferral *self);
gint64            bzw_referral_get_id          (BzwReferral *self);
void              bzw_referral_set_id          (BzwReferral *self,
                                                gint64 id);
const char *      bzw_referral_get_uid         (BzwReferral *self);
void              bzw_referral_set_uid         (BzwReferral *self,
                                                const char *uid);
const char *      bzw_referral_get_day         (BzwReferral *self);
void              bzw_referral_set_day         (BzwReferral *self,
                                                const char *day);
int               bzw_referral_get_effort      (BzwReferral *self);
void              bzw_referral_set_effort      (BzwReferral *self,
                                                int effort);
BzwReferralState  bzw_referral_get_state       (BzwReferral *self);
void              bzw_referral_set_state       (BzwReferral *self,
                                                BzwReferralState state);
gint64            bzw_referral_get_value_cents (BzwReferral *self);
void              bzw_referral_set_value_cents (BzwReferral *self,
                                                gint64 value_cents);
gboolean          bzw_referral_get_thanked     (BzwReferral *self);
void              bzw_referral_set_thanked     (BzwReferral *self,
                                                gboolean thanked);
const char *      bzw_referral_get_notes       (BzwReferral *self);
void              bzw_referral_set_notes       (BzwReferral *self,
                                                const char *notes);


const BzwParty *bzw_referral_get_giver    (BzwReferral    *self);
void            bzw_referral_set_giver    (BzwReferral    *self,
                                           const BzwParty *giver);
const BzwParty *bzw_referral_get_receiver (BzwReferral    *self);
void            bzw_referral_set_receiver (BzwReferral    *self,
                                           const BzwParty *receiver);
const BzwParty *bzw_referral_get_referred (BzwReferral    *self);
void            bzw_referral_set_referred (BzwReferral    *self,
                                           const BzwParty *referred);


G_END_DECLS
