/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Relationship strength, the „Beziehungsmuskel“
 * ==============================================
 *
 * A relationship grows with use and fades without it.  Every dated contact
 * e with a person has a weight w(e):
 *
 *   encounter in person                        1.0
 *   encounter at an event                      1.0 × min (1, 4 / n), at least 0.3
 *                                              (n = contacts taking part: up to four
 *                                              count like in person, a crowd less)
 *   phone call or video call                   0.6
 *   message                                    0.3
 *   online / social media                      0.2
 *   favour between us, either direction        0.7   (declined favours are not counted)
 *   referral between us, either direction      0.9
 *
 * The muscle at the last contact t_last adds up the weights, each faded by
 * its age at that moment, with a half-life H of 180 days:
 *
 *   M = Σ w(e) × 2^(−(t_last − t_e) / H)
 *
 * The strength now is the muscle, saturated so that it never exceeds 1,
 * and faded by the time since the last contact:
 *
 *   strength = (1 − e^(−M / K)) × 2^(−(now − t_last) / H),   K = 3
 *
 * So the strength is 0 without any contact, lies between 0 and 1 (shown as
 * 0–100 %), grows with every contact (more for heavier channels), and
 * halves for every 180 days without one.  For example, on the day of the
 * last contact: a single message 0.10, a single phone call 0.18, one
 * meeting in person 0.28, a meeting once a year for five years 0.36, four
 * meetings a quarter apart 0.57, a meeting every month for a year 0.90.
 * Half a year of silence halves each of these.
 *
 * Times are Unix seconds; ages are measured in exact days (86,400 s), since
 * a fading muscle has no need of calendar days.  Events in the future count
 * as if they happened now.
 */

#define G_LOG_DOMAIN "bzw-strength"

#include "config.h"

#include "bzw-strength.h"

#include <math.h>

#define SECONDS_PER_DAY 86400.0

static const double channel_weights[BZW_N_CHANNELS] = {
  [BZW_CHANNEL_IN_PERSON] = 1.0,
  [BZW_CHANNEL_PHONE]     = 0.6,
  [BZW_CHANNEL_VIDEO]     = 0.6,
  [BZW_CHANNEL_MESSAGE]   = 0.3,
  [BZW_CHANNEL_ONLINE]    = 0.2,
  [BZW_CHANNEL_EVENT]     = 1.0,
};

#define EVENT_MIN_WEIGHT    0.3
#define FAVOUR_WEIGHT       0.7
#define REFERRAL_WEIGHT     0.9

/**
 * bzw_strength_event_weight:
 *
 * Returns: the weight of one contact, before it fades.
 */
double
bzw_strength_event_weight (const BzwStrengthEvent *event)
{
  g_return_val_if_fail (event != NULL, 0.0);

  switch (event->kind)
    {
    case BZW_STRENGTH_FAVOUR:
      return FAVOUR_WEIGHT;

    case BZW_STRENGTH_REFERRAL:
      return REFERRAL_WEIGHT;

    case BZW_STRENGTH_ENCOUNTER:
      if (event->channel >= BZW_N_CHANNELS)
        return 0.0;
      if (event->channel == BZW_CHANNEL_EVENT && event->n_participants > BZW_STRENGTH_EVENT_CROWD)
        return MAX (EVENT_MIN_WEIGHT,
                    channel_weights[BZW_CHANNEL_EVENT] * BZW_STRENGTH_EVENT_CROWD / event->n_participants);
      return channel_weights[event->channel];

    case BZW_N_STRENGTH_KINDS:
    default:
      return 0.0;
    }
}

/**
 * bzw_strength_decay:
 * @days: time passed; negative counts as 0
 *
 * Returns: 2^(−days / half-life), the share that is left after @days.
 */
double
bzw_strength_decay (double days)
{
  if (days <= 0.0)
    return 1.0;

  return exp2 (-days / BZW_STRENGTH_HALF_LIFE_DAYS);
}

/**
 * bzw_strength_saturate:
 *
 * Returns: 1 − e^(−raw / K), which maps a muscle of 0…∞ to 0…1.
 */
double
bzw_strength_saturate (double raw)
{
  if (raw <= 0.0)
    return 0.0;

  return -expm1 (-raw / BZW_STRENGTH_SATURATION);
}

/**
 * bzw_strength_accumulator_add:
 *
 * Adds one event.  Events may come in any order: the accumulator keeps the
 * muscle as of its latest event and fades older or newer parts to it.
 */
void
bzw_strength_accumulator_add (BzwStrengthAccumulator *acc,
                              const BzwStrengthEvent *event)
{
  double weight;

  g_return_if_fail (acc != NULL);
  g_return_if_fail (event != NULL);

  weight = bzw_strength_event_weight (event);

  if (acc->n_events == 0)
    {
      acc->last = event->when;
      acc->sum = weight;
    }
  else if (event->when >= acc->last)
    {
      acc->sum = acc->sum * bzw_strength_decay ((event->when - acc->last) / SECONDS_PER_DAY) + weight;
      acc->last = event->when;
    }
  else
    {
      acc->sum += weight * bzw_strength_decay ((acc->last - event->when) / SECONDS_PER_DAY);
    }

  acc->n_events++;
}

/* @muscle, as it was at the last event, faded to @now. */
static double
faded (const BzwStrengthAccumulator *acc,
       double                        muscle,
       gint64                        now)
{
  if (acc->n_events == 0)
    return 0.0;

  return muscle * bzw_strength_decay ((now - acc->last) / SECONDS_PER_DAY);
}

/**
 * bzw_strength_accumulator_raw:
 *
 * Returns: the unsaturated muscle M faded to @now; it halves exactly with
 *   each half-life.
 */
double
bzw_strength_accumulator_raw (const BzwStrengthAccumulator *acc,
                              gint64                        now)
{
  g_return_val_if_fail (acc != NULL, 0.0);

  return faded (acc, acc->sum, now);
}

/**
 * bzw_strength_accumulator_value:
 *
 * Returns: the strength at @now, 0…1.
 */
double
bzw_strength_accumulator_value (const BzwStrengthAccumulator *acc,
                                gint64                        now)
{
  g_return_val_if_fail (acc != NULL, 0.0);

  return faded (acc, bzw_strength_saturate (acc->sum), now);
}

/**
 * bzw_strength_compute:
 * @events: (array length=n_events): the contacts with one person, any order
 *
 * Returns: the strength of the relationship at @now, 0…1.
 */
double
bzw_strength_compute (const BzwStrengthEvent *events,
                      gsize                   n_events,
                      gint64                  now)
{
  BzwStrengthAccumulator acc = BZW_STRENGTH_ACCUMULATOR_INIT;

  g_return_val_if_fail (events != NULL || n_events == 0, 0.0);

  for (gsize i = 0; i < n_events; i++)
    bzw_strength_accumulator_add (&acc, &events[i]);

  return bzw_strength_accumulator_value (&acc, now);
}

/* The strength as a whole percentage, 0–100. */
int
bzw_strength_to_percent (double strength)
{
  return (int) lround (CLAMP (strength, 0.0, 1.0) * 100.0);
}
