/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "bzw-enums.h"

G_BEGIN_DECLS

/* See the comment at the top of bzw-strength.c for the formula. */
#define BZW_STRENGTH_HALF_LIFE_DAYS 180.0
#define BZW_STRENGTH_SATURATION     3.0
#define BZW_STRENGTH_EVENT_CROWD    4

typedef enum
{
  BZW_STRENGTH_ENCOUNTER,
  BZW_STRENGTH_FAVOUR,
  BZW_STRENGTH_REFERRAL,
  BZW_N_STRENGTH_KINDS
} BzwStrengthKind;

/* One dated contact with a person: an encounter (with its channel and the
 * number of contacts taking part), or a favour or referral between the
 * person and me, in either direction.
 */
typedef struct
{
  gint64          when;
  BzwStrengthKind kind;
  BzwChannel      channel;
  guint           n_participants;
} BzwStrengthEvent;

/* Folds events in any order; see bzw_strength_accumulator_add(). */
typedef struct
{
  gint64 last;
  double sum;
  guint  n_events;
} BzwStrengthAccumulator;

#define BZW_STRENGTH_ACCUMULATOR_INIT ((BzwStrengthAccumulator) { 0, 0.0, 0 })

double   bzw_strength_event_weight      (const BzwStrengthEvent       *event);
double   bzw_strength_decay             (double                        days);
double   bzw_strength_saturate          (double                        raw);
void     bzw_strength_accumulator_add   (BzwStrengthAccumulator       *acc,
                                         const BzwStrengthEvent       *event);
double   bzw_strength_accumulator_raw   (const BzwStrengthAccumulator *acc,
                                         gint64                        now);
double   bzw_strength_accumulator_value (const BzwStrengthAccumulator *acc,
                                         gint64                        now);
double   bzw_strength_compute           (const BzwStrengthEvent       *events,
                                         gsize                         n_events,
                                         gint64                        now);
int      bzw_strength_to_percent        (double                        strength);

G_END_DECLS
