/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-enums"

#include "config.h"

#include "bzw-enums.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  const char *id;
  const char *label;
} Names;

/* The ids are what the database stores; never translate or reorder them. */
static const Names channels[] = {
  { "in-person", N_("In person") },
  { "phone", N_("Phone") },
  { "video", N_("Video call") },
  { "message", N_("Message") },
  { "online", N_("Online/social") },
  { "event", N_("Event") },
};

static const char * const channel_icons[] = {
  "system-users-symbolic",
  "call-start-symbolic",
  "camera-web-symbolic",
  "mail-unread-symbolic",
  "network-workgroup-symbolic",
  "x-office-calendar-symbolic",
};

static const Names favour_directions[] = {
  /* Translators: a favour somebody asked for. */
  { "asked", N_("Asked") },
  /* Translators: a favour somebody offered. */
  { "offered", N_("Offered") },
};

static const Names favour_states[] = {
  { "open", N_("Open") },
  { "promised", N_("Promised") },
  { "done", N_("Done") },
  { "declined", N_("Declined") },
};

static const Names referral_states[] = {
  { "given", N_("Given") },
  { "contacted", N_("Contacted") },
  { "meeting", N_("Meeting held") },
  { "won", N_("Business won") },
  { "lost", N_("Business lost") },
};

static const char * const efforts[] = {
  N_("Passed on a name"),
  N_("Passed on name and number"),
  N_("Announced the call"),
  N_("Recommended warmly"),
  N_("Introduced in person"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (channels) == BZW_N_CHANNELS);
G_STATIC_ASSERT (G_N_ELEMENTS (channel_icons) == BZW_N_CHANNELS);
G_STATIC_ASSERT (G_N_ELEMENTS (favour_directions) == BZW_N_FAVOUR_DIRECTIONS);
G_STATIC_ASSERT (G_N_ELEMENTS (favour_states) == BZW_N_FAVOUR_STATES);
G_STATIC_ASSERT (G_N_ELEMENTS (referral_states) == BZW_N_REFERRAL_STATES);

static gboolean
lookup (const Names *names,
        guint        n_names,
        const char  *string,
        int         *value)
{
  for (guint i = 0; i < n_names; i++)
    {
      if (g_strcmp0 (names[i].id, string) == 0)
        {
          *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

void
bzw_party_clear (BzwParty *party)
{
  party->contact_id = 0;
  g_clear_pointer (&party->name, g_free);
}

void
bzw_party_copy_into (BzwParty       *dest,
                     const BzwParty *src)
{
  char *name = g_strdup (src->name);

  g_free (dest->name);
  dest->contact_id = src->contact_id;
  dest->name = name;
}

gboolean
bzw_party_is_me (const BzwParty *party)
{
  return party->contact_id == 0 && (party->name == NULL || party->name[0] == '\0');
}

gboolean
bzw_party_equal (const BzwParty *a,
                 const BzwParty *b)
{
  if (a->contact_id != 0 || b->contact_id != 0)
    return a->contact_id == b->contact_id;

  return g_strcmp0 (a->name, b->name) == 0;
}

const char *
bzw_channel_to_string (BzwChannel channel)
{
  g_return_val_if_fail (channel < BZW_N_CHANNELS, NULL);

  return channels[channel].id;
}

gboolean
bzw_channel_from_string (const char *string,
                         BzwChannel *channel)
{
  return lookup (channels, G_N_ELEMENTS (channels), string, (int *) channel);
}

const char *
bzw_channel_get_label (BzwChannel channel)
{
  g_return_val_if_fail (channel < BZW_N_CHANNELS, NULL);

  return _(channels[channel].label);
}

const char *
bzw_channel_get_icon_name (BzwChannel channel)
{
  g_return_val_if_fail (channel < BZW_N_CHANNELS, NULL);

  return channel_icons[channel];
}

const char *
bzw_favour_direction_to_string (BzwFavourDirection direction)
{
  g_return_val_if_fail (direction < BZW_N_FAVOUR_DIRECTIONS, NULL);

  return favour_directions[direction].id;
}

gboolean
bzw_favour_direction_from_string (const char         *string,
                                  BzwFavourDirection *direction)
{
  return lookup (favour_directions, G_N_ELEMENTS (favour_directions), string, (int *) direction);
}

const char *
bzw_favour_direction_get_label (BzwFavourDirection direction)
{
  g_return_val_if_fail (direction < BZW_N_FAVOUR_DIRECTIONS, NULL);

  return _(favour_directions[direction].label);
}

const char *
bzw_favour_state_to_string (BzwFavourState state)
{
  g_return_val_if_fail (state < BZW_N_FAVOUR_STATES, NULL);

  return favour_states[state].id;
}

gboolean
bzw_favour_state_from_string (const char     *string,
                              BzwFavourState *state)
{
  return lookup (favour_states, G_N_ELEMENTS (favour_states), string, (int *) state);
}

const char *
bzw_favour_state_get_label (BzwFavourState state)
{
  g_return_val_if_fail (state < BZW_N_FAVOUR_STATES, NULL);

  return _(favour_states[state].label);
}

/* open → promised → done; done and declined are final. */
gboolean
bzw_favour_state_next (BzwFavourState  state,
                       BzwFavourState *next)
{
  switch (state)
    {
    case BZW_FAVOUR_OPEN:
      *next = BZW_FAVOUR_PROMISED;
      return TRUE;

    case BZW_FAVOUR_PROMISED:
      *next = BZW_FAVOUR_DONE;
      return TRUE;

    case BZW_FAVOUR_DONE:
    case BZW_FAVOUR_DECLINED:
    case BZW_N_FAVOUR_STATES:
    default:
      return FALSE;
    }
}

const char *
bzw_referral_state_to_string (BzwReferralState state)
{
  g_return_val_if_fail (state < BZW_N_REFERRAL_STATES, NULL);

  return referral_states[state].id;
}

gboolean
bzw_referral_state_from_string (const char       *string,
                                BzwReferralState *state)
{
  return lookup (referral_states, G_N_ELEMENTS (referral_states), string, (int *) state);
}

const char *
bzw_referral_state_get_label (BzwReferralState state)
{
  g_return_val_if_fail (state < BZW_N_REFERRAL_STATES, NULL);

  return _(referral_states[state].label);
}

/* given → contacted → meeting → won; won and lost are final. */
gboolean
bzw_referral_state_next (BzwReferralState  state,
                         BzwReferralState *next)
{
  switch (state)
    {
    case BZW_REFERRAL_GIVEN:
    case BZW_REFERRAL_CONTACTED:
    case BZW_REFERRAL_MEETING:
      *next = state + 1;
      return TRUE;

    case BZW_REFERRAL_WON:
    case BZW_REFERRAL_LOST:
    case BZW_N_REFERRAL_STATES:
    default:
      return FALSE;
    }
}

/* Effort 1–5: what the giver did for the referral. */
const char *
bzw_referral_effort_get_label (int effort)
{
  g_return_val_if_fail (effort >= 1 && effort <= 5, NULL);

  return _(efforts[effort - 1]);
}
