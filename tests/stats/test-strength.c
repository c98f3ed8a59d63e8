/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "bzw-strength.h"

#include <math.h>

#define DAY 86400
#define NOW G_GINT64_CONSTANT (1718000000)

static BzwStrengthEvent
encounter (gint64     when,
           BzwChannel channel,
           guint      n_participants)
{
  return (BzwStrengthEvent) { when, BZW_STRENGTH_ENCOUNTER, channel, n_participants };
}

static void
test_empty (void)
{
  BzwStrengthAccumulator acc = BZW_STRENGTH_ACCUMULATOR_INIT;

  g_assert_cmpfloat (bzw_strength_compute (NULL, 0, NOW), ==, 0.0);
  g_assert_cmpfloat (bzw_strength_accumulator_value (&acc, NOW), ==, 0.0);
  g_assert_cmpint (bzw_strength_to_percent (0.0), ==, 0);
}

/* One meeting in person today: 1 − e^(−1/3). */
static void
test_known_answer (void)
{
  BzwStrengthEvent event = encounter (NOW, BZW_CHANNEL_IN_PERSON, 1);
  double s = bzw_strength_compute (&event, 1, NOW);

  g_assert_cmpfloat_with_epsilon (s, 1.0 - exp (-1.0 / 3.0), 1e-12);
  g_assert_cmpint (bzw_strength_to_percent (s), ==, 28);
}

static void
test_channel_order (void)
{
  double in_person, phone, video, message, online;
  BzwStrengthEvent e;

  e = encounter (NOW, BZW_CHANNEL_IN_PERSON, 1);
  in_person = bzw_strength_compute (&e, 1, NOW);
  e = encounter (NOW, BZW_CHANNEL_PHONE, 1);
  phone = bzw_strength_compute (&e, 1, NOW);
  e = encounter (NOW, BZW_CHANNEL_VIDEO, 1);
  video = bzw_strength_compute (&e, 1, NOW);
  e = encounter (NOW, BZW_CHANNEL_MESSAGE, 1);
  message = bzw_strength_compute (&e, 1, NOW);
  e = encounter (NOW, BZW_CHANNEL_ONLINE, 1);
  online = bzw_strength_compute (&e, 1, NOW);

  g_assert_cmpfloat (in_person, >, phone);
  g_assert_cmpfloat (in_person, >, video);
  g_assert_cmpfloat (phone, >, message);
  g_assert_cmpfloat (video, >, message);
  g_assert_cmpfloat (message, >, online);
  g_assert_cmpfloat (online, >, 0.0);
}

/* Events count like in person in a small group, less in a crowd. */
static void
test_event_crowd (void)
{
  BzwStrengthEvent in_person = encounter (NOW, BZW_CHANNEL_IN_PERSON, 1);
  BzwStrengthEvent small = encounter (NOW, BZW_CHANNEL_EVENT, 4);
  BzwStrengthEvent eight = encounter (NOW, BZW_CHANNEL_EVENT, 8);
  BzwStrengthEvent crowd = encounter (NOW, BZW_CHANNEL_EVENT, 200);
  BzwStrengthEvent online = encounter (NOW, BZW_CHANNEL_ONLINE, 1);

  g_assert_cmpfloat (bzw_strength_event_weight (&small), ==, bzw_strength_event_weight (&in_person));
  g_assert_cmpfloat_with_epsilon (bzw_strength_event_weight (&eight), 0.5, 1e-12);
  g_assert_cmpfloat (bzw_strength_event_weight (&crowd), <, bzw_strength_event_weight (&eight));
  g_assert_cmpfloat (bzw_strength_event_weight (&crowd), >, bzw_strength_event_weight (&online));
}

static void
test_monotonic_in_count (void)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (BzwStrengthEvent));
  double previous = 0.0;

  /* Adding older, newer or same-day contacts never lowers the strength. */
  for (int i = 0; i < 40; i++)
    {
      gint64 when = NOW - ((i * 37) % 400) * DAY;
      BzwStrengthEvent e = encounter (when, (BzwChannel) (i % BZW_N_CHANNELS), 1 + i % 9);
      double s;

      if (i % 7 == 3)
        e.kind = BZW_STRENGTH_FAVOUR;
      g_array_append_val (events, e);
      s = bzw_strength_compute ((BzwStrengthEvent *) (gpointer) events->data, events->len, NOW);
      g_assert_cmpfloat (s, >, previous);
      g_assert_cmpfloat (s, <, 1.0);
      previous = s;
    }
}

/* Without contact the strength halves every half-life, exactly. */
static void
test_half_life (void)
{
  BzwStrengthEvent events[] = {
    encounter (NOW - 400 * DAY, BZW_CHANNEL_IN_PERSON, 1),
    encounter (NOW - 100 * DAY, BZW_CHANNEL_PHONE, 1),
    { NOW - 30 * DAY, BZW_STRENGTH_REFERRAL, 0, 0 },
    encounter (NOW, BZW_CHANNEL_EVENT, 12),
  };
  gint64 half = (gint64) (BZW_STRENGTH_HALF_LIFE_DAYS * DAY);
  BzwStrengthAccumulator acc = BZW_STRENGTH_ACCUMULATOR_INIT;
  double s0 = bzw_strength_compute (events, G_N_ELEMENTS (events), NOW);
  double s1 = bzw_strength_compute (events, G_N_ELEMENTS (events), NOW + half);
  double s2 = bzw_strength_compute (events, G_N_ELEMENTS (events), NOW + 2 * half);

  g_assert_cmpfloat (s0, >, 0.0);
  g_assert_cmpfloat_with_epsilon (s1, s0 / 2.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (s2, s0 / 4.0, 1e-12);

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    bzw_strength_accumulator_add (&acc, &events[i]);
  g_assert_cmpfloat_with_epsilon (bzw_strength_accumulator_raw (&acc, NOW + half),
                                  bzw_strength_accumulator_raw (&acc, NOW) / 2.0, 1e-12);
}

/* The muscle at the last contact fades the older ones by their age. */
static void
test_fading_of_old_contacts (void)
{
  gint64 half = (gint64) (BZW_STRENGTH_HALF_LIFE_DAYS * DAY);
  BzwStrengthEvent events[] = {
    encounter (NOW - half, BZW_CHANNEL_IN_PERSON, 1),
    encounter (NOW, BZW_CHANNEL_IN_PERSON, 1),
  };
  double expected = 1.0 - exp (-1.5 / BZW_STRENGTH_SATURATION);

  g_assert_cmpfloat_with_epsilon (bzw_strength_compute (events, 2, NOW), expected, 1e-12);
}

static void
test_order_independent (void)
{
  BzwStrengthEvent events[12];
  BzwStrengthEvent reversed[12];

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      events[i] = encounter (NOW - (gint64) ((i * 53) % 300) * DAY, (BzwChannel) (i % BZW_N_CHANNELS), 3);
      reversed[G_N_ELEMENTS (events) - 1 - i] = events[i];
    }

  g_assert_cmpfloat_with_epsilon (bzw_strength_compute (events, 12, NOW),
                                  bzw_strength_compute (reversed, 12, NOW), 1e-12);
}

static void
test_saturation (void)
{
  g_autofree BzwStrengthEvent *events = g_new (BzwStrengthEvent, 1000);
  double s;

  for (guint i = 0; i < 1000; i++)
    events[i] = encounter (NOW - (gint64) i * DAY, BZW_CHANNEL_IN_PERSON, 1);

  s = bzw_strength_compute (events, 1000, NOW);
  g_assert_cmpfloat (s, >, 0.99);
  g_assert_cmpfloat (s, <=, 1.0);
  g_assert_cmpint (bzw_strength_to_percent (s), ==, 100);
}

/* A contact dated in the future counts as today. */
static void
test_future (void)
{
  BzwStrengthEvent today = encounter (NOW, BZW_CHANNEL_VIDEO, 1);
  BzwStrengthEvent later = encounter (NOW + 5 * DAY, BZW_CHANNEL_VIDEO, 1);

  g_assert_cmpfloat_with_epsilon (bzw_strength_compute (&later, 1, NOW),
                                  bzw_strength_compute (&today, 1, NOW), 1e-12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/strength/empty", test_empty);
  g_test_add_func ("/stats/strength/known-answer", test_known_answer);
  g_test_add_func ("/stats/strength/channel-order", test_channel_order);
  g_test_add_func ("/stats/strength/event-crowd", test_event_crowd);
  g_test_add_func ("/stats/strength/monotonic-in-count", test_monotonic_in_count);
  g_test_add_func ("/stats/strength/half-life", test_half_life);
  g_test_add_func ("/stats/strength/fading", test_fading_of_old_contacts);
  g_test_add_func ("/stats/strength/order-independent", test_order_independent);
  g_test_add_func ("/stats/strength/saturation", test_saturation);
  g_test_add_func ("/stats/strength/future", test_future);

  return g_test_run ();
}
