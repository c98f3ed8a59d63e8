/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-sync-item-conflicts"

#include "config.h"

#include "bzw-sync-item-conflicts.h"

#include "bzw-enums.h"
#include "bzw-ical-items.h"
#include "bzw-labels.h"
#include "bzw-store-item-conflicts.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

/* Settling what the CalDAV merge kept of the server's side of a journal
 * entry, relationship or talking point changed here and there
 * (bzw-caldav-merge.c, kept by bzw-store-item-conflicts.c): the journal
 * lists them per property with the value here beside the server's, and
 * the user keeps one.  Keeping the server's value puts the server's lines
 * in place of the item's own and reads the item back, as the sync does;
 * keeping the value here only forgets the server's.  Either way in one
 * transaction, and the next sync uploads the item as it is then.  Only
 * what the user sets is shown; what the app derives from it (the summary
 * of an encounter, the status of a favour) follows, and is forgotten with
 * the first property settled.
 */

struct _BzwSyncItemSettled
{
  char *uid;
  char *text;   /* the item before */
  char *lines;  /* its conflicts before */
};

void
bzw_sync_item_conflict_free (BzwSyncItemConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->uid);
  g_free (conflict->title);
  g_free (conflict->property);
  g_free (conflict->label);
  g_free (conflict->local);
  g_free (conflict->remote);
  g_strfreev (conflict->contacts);
  g_free (conflict);
}

void
bzw_sync_item_settled_free (BzwSyncItemSettled *settled)
{
  if (settled == NULL)
    return;

  g_free (settled->uid);
  g_free (settled->text);
  g_free (settled->lines);
  g_free (settled);
}

/* The property for people, or %NULL when the app derives it. */
static const char *
label_of (const char *kind,
          const char *property)
{
  static const struct { const char *kind; const char *property; const char *label; } labels[] = {
    { "encounter", "DTSTART", N_("Date and time") },
    { "encounter", "LOCATION", N_("Place") },
    { "encounter", "X-BZW-CHANNEL", N_("Channel") },
    { "encounter", "X-BZW-PARTICIPANT", N_("Participants") },
    { "favour", "SUMMARY", N_("Description") },
    { "favour", "DUE", N_("Due") },
    { "favour", "X-BZW-FROM", N_("From") },
    { "favour", "X-BZW-TO", N_("To") },
    { "favour", "X-BZW-DIRECTION", N_("Asked or offered") },
    { "favour", "RELATED-TO", N_("Encounter") },
    { "referral", "X-BZW-GIVER", N_("Referred by") },
    { "referral", "X-BZW-RECEIVER", N_("Referred to") },
    { "referral", "X-BZW-REFERRED", N_("Who was referred") },
    { "referral", "X-BZW-EFFORT", N_("Effort") },
    { "referral", "X-BZW-THANKED", N_("Thanked") },
    { "relationship", "DTSTART", N_("Since") },
    { "relationship", "X-BZW-KIND", N_("Kind") },
    { "relationship", "X-BZW-STRENGTH", N_("Strength") },
    { "relationship", "X-BZW-A", N_("People") },
    { "relationship", "X-BZW-B", N_("People") },
    { "relationship", "DESCRIPTION", N_("Note") },
    { "talking-point", "SUMMARY", N_("Talking point") },
    { "talking-point", "STATUS", N_("Done") },
    { NULL, "DTSTART", N_("Date") },
    { NULL, "DESCRIPTION", N_("Notes") },
    { NULL, "X-BZW-STATE", N_("State") },
    { NULL, "X-BZW-VALUE-CENTS", N_("Value") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if ((labels[i].kind == NULL || g_strcmp0 (labels[i].kind, kind) == 0) &&
        g_str_equal (labels[i].property, property))
      return _(labels[i].label);

  return NULL;
}

static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "encounter") == 0)
    return _("Encounter");
  if (g_strcmp0 (kind, "favour") == 0)
    return _("Favour");
  if (g_strcmp0 (kind, "referral") == 0)
    return _("Referral");
  if (g_strcmp0 (kind, "relationship") == 0)
    return _("Relationship");
  return _("Talking point");
}

static const char *
name_of (icalproperty *prop)
{
  icalproperty_kind kind = icalproperty_isa (prop);

  return kind == ICAL_X_PROPERTY ? icalproperty_get_x_name (prop) : icalproperty_kind_to_string (kind);
}

/* A channel, direction or state for people, or %NULL. */
static const char *
enum_label (const char *value)
{
  BzwChannel channel;
  BzwFavourDirection direction;
  BzwFavourState favour_state;
  BzwReferralState referral_state;

  if (bzw_channel_from_string (value, &channel))
    return bzw_channel_get_label (channel);
  if (bzw_favour_direction_from_string (value, &direction))
    return bzw_favour_direction_get_label (direction);
  if (bzw_favour_state_from_string (value, &favour_state))
    return bzw_favour_state_get_label (favour_state);
  if (bzw_referral_state_from_string (value, &referral_state))
    return bzw_referral_state_get_label (referral_state);
  return NULL;
}

/* A contact named by UID, a free name, or the value as it is. */
static char *
show_x (BzwStore     *store,
        icalproperty *prop)
{
  const char *name = name_of (prop);
  const char *value = icalproperty_get_x (prop);
  const char *label;
  gint64 id;

  if (value == NULL)
    return g_strdup ("");
  if (g_str_equal (name, "X-BZW-VALUE-CENTS"))
    return bzw_labels_format_euros (g_ascii_strtoll (value, NULL, 10));
  if (g_str_equal (name, "X-BZW-THANKED"))
    return g_strdup (g_str_equal (value, "1") ? _("Yes") : _("No"));
  if (g_str_equal (name, "X-BZW-KIND"))
    return g_strdup (bzw_labels_relationship_kind (value));
  if (g_str_equal (name, "X-BZW-EFFORT"))
    return g_strdup (bzw_referral_effort_get_label (CLAMP (g_ascii_strtoll (value, NULL, 10), 1, 5)));
  if ((g_str_equal (name, "X-BZW-CHANNEL") || g_str_equal (name, "X-BZW-DIRECTION") ||
       g_str_equal (name, "X-BZW-STATE")) && (label = enum_label (value)) != NULL)
    return g_strdup (label);
  if ((id = bzw_store_find_contact_by_uid (store, value)) != 0)
    return bzw_store_dup_contact_name (store, id);

  return g_strdup (value);
}

static char *
show_time (icalvalue *value)
{
  struct icaltimetype time = icalvalue_get_datetime (value);
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (time.is_date)
    {
      g_autoptr(GDateTime) day = g_date_time_new_utc (time.year, time.month, time.day, 0, 0, 0);

      return day != NULL ? g_date_time_format (day, "%x") : g_strdup ("");
    }

  utc = g_date_time_new_from_unix_utc (icaltime_as_timet_with_zone (time, icaltimezone_get_utc_timezone ()));
  local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  return local != NULL ? g_date_time_format (local, "%x %R") : g_strdup ("");
}

/* One value for people. */
static char *
show (BzwStore     *store,
      icalproperty *prop)
{
  icalvalue *value = icalproperty_get_value (prop);

  if (icalproperty_isa (prop) == ICAL_X_PROPERTY)
    return show_x (store, prop);
  if (value == NULL)
    return g_strdup ("");

  switch (icalvalue_isa (value))
    {
    case ICAL_TEXT_VALUE:
      return g_strdup (icalvalue_get_text (value));
    case ICAL_DATE_VALUE:
    case ICAL_DATETIME_VALUE:
      return show_time (value);
    case ICAL_STATUS_VALUE:
      return g_strdup (icalvalue_get_status (value) == ICAL_STATUS_COMPLETED ? _("Yes") : _("No"));
    default:
      return icalproperty_get_value_as_string_r (prop);
    }
}

static void
add_shown (GString    *values,
           const char *value)
{
  if (values->len > 0)
    g_string_append_c (values, '\n');
  g_string_append (values, value);
}

/* The values of @comp's @property for people, one a line. */
static char *
values_here (BzwStore      *store,
             icalcomponent *comp,
             const char    *property)
{
  g_autoptr(GString) values = g_string_new (NULL);

  for (icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_ANY_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_ANY_PROPERTY))
    if (g_str_equal (name_of (prop), property))
      {
        g_autofree char *value = show (store, prop);

        add_shown (values, value);
      }

  return g_string_free (g_steal_pointer (&values), FALSE);
}

/* The server's line of a conflict line "NAME\tLINE" of @property, or %NULL. */
static const char *
line_of (const char *conflict,
         const char *property)
{
  const char *tab = strchr (conflict, '\t');

  if (tab == NULL || strlen (property) != (gsize) (tab - conflict) ||
      strncmp (conflict, property, tab - conflict) != 0)
    return NULL;

  return tab + 1;
}

/* The server's properties @property in @lines, parsed. */
static GPtrArray *
remote_properties (const char *lines,
                   const char *property)
{
  g_auto(GStrv) split = g_strsplit (lines, "\n", -1);
  GPtrArray *props = g_ptr_array_new_with_free_func ((GDestroyNotify) icalproperty_free);

  for (guint i = 0; split[i] != NULL; i++)
    {
      const char *line = line_of (split[i], property);
      icalproperty *prop = line != NULL && *line != '\0' ? icalproperty_new_from_string (line) : NULL;

      if (prop != NULL && g_str_equal (name_of (prop), property))
        g_ptr_array_add (props, prop);
      else if (prop != NULL)
        icalproperty_free (prop);
    }

  return props;
}

static char *
values_there (BzwStore   *store,
              const char *lines,
              const char *property)
{
  g_autoptr(GPtrArray) props = remote_properties (lines, property);
  g_autoptr(GString) values = g_string_new (NULL);

  for (guint i = 0; i < props->len; i++)
    {
      g_autofree char *value = show (store, g_ptr_array_index (props, i));

      add_shown (values, value);
    }

  return g_string_free (g_steal_pointer (&values), FALSE);
}

/* The property names of @lines, each once, in their order. */
static GPtrArray *
properties_of (const char *lines)
{
  g_auto(GStrv) split = g_strsplit (lines, "\n", -1);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; split[i] != NULL; i++)
    {
      const char *tab = strchr (split[i], '\t');
      g_autofree char *name = tab != NULL ? g_strndup (split[i], tab - split[i]) : NULL;

      if (name != NULL && !g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_ptr_array_add (names, g_steal_pointer (&name));
    }

  return names;
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
title_of (BzwStore      *store,
          const char    *kind,
          icalcomponent *comp)
{
  icalproperty *summary = icalcomponent_get_first_property (comp, ICAL_SUMMARY_PROPERTY);
  g_autofree char *text = summary != NULL ? show (store, summary) : NULL;

  if (text == NULL || *text == '\0')
    return g_strdup (kind_label (kind));

  /* Translators: a journal entry: its kind, then what it is about. */
  return g_strdup_printf (_("%s: %s"), kind_label (kind), text);
}

/* The UIDs of the contacts @comp names (participants, giver, the two of
 * a relationship, …): the properties that name a contact by its UID, not
 * by a name (a deleted one, with the party parameter).
 */
static GStrv
contacts_of (icalcomponent *comp)
{
  static const char * const names[] = {
    "X-BZW-PARTICIPANT", "X-BZW-FROM", "X-BZW-TO", "X-BZW-GIVER", "X-BZW-RECEIVER",
    "X-BZW-REFERRED", "X-BZW-A", "X-BZW-B", "X-BZW-CONTACT",
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_X_PROPERTY); prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_X_PROPERTY))
    {
      const char *name = icalproperty_get_x_name (prop);
      const char *value = icalproperty_get_x (prop);

      if (name == NULL || value == NULL || *value == '\0' ||
          icalproperty_get_first_parameter (prop, ICAL_X_PARAMETER) != NULL)
        continue;
      for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
        if (g_ascii_strcasecmp (name, names[i]) == 0)
          {
            g_strv_builder_add (builder, value);
            break;
          }
    }
  return g_strv_builder_end (builder);
}

static void
add_item_conflicts (BzwStore     *store,
                    BzwIcalItem  *item,
                    const char   *lines,
                    GPtrArray    *conflicts)
{
  icalcomponent *calendar = icalparser_parse_string (item->text);
  icalcomponent *comp = calendar != NULL ? icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT) : NULL;
  g_autoptr(GPtrArray) names = properties_of (lines);
  g_autofree char *title = NULL;
  g_auto(GStrv) contacts = NULL;

  if (comp == NULL)
    {
      g_clear_pointer (&calendar, icalcomponent_free);
      return;
    }

  title = title_of (store, item->kind, comp);
  contacts = contacts_of (comp);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      const char *label = label_of (item->kind, name);
      g_autofree char *local = label != NULL ? values_here (store, comp, name) : NULL;
      g_autofree char *remote = label != NULL ? values_there (store, lines, name) : NULL;
      BzwSyncItemConflict *conflict;

      /* Derived by the app, or the same on both sides by now. */
      if (label == NULL || g_str_equal (local, remote))
        continue;

      conflict = g_new0 (BzwSyncItemConflict, 1);
      conflict->uid = g_strdup (item->uid);
      conflict->title = g_strdup (title);
      conflict->property = g_strdup (name);
      conflict->label = g_strdup (label);
      conflict->local = g_steal_pointer (&local);
      conflict->remote = g_steal_pointer (&remote);
      conflict->contacts = g_strdupv (contacts);
      g_ptr_array_add (conflicts, conflict);
    }

  icalcomponent_free (calendar);
}

/**
 * bzw_sync_item_conflicts_list:
 *
 * Returns: (transfer full) (element-type BzwSyncItemConflict): the
 *   conflicts of every journal item, one per property, by item UID, or
 *   %NULL with an error
 */
GPtrArray *
bzw_sync_item_conflicts_list (BzwStore  *store,
                              GError   **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) bzw_sync_item_conflict_free);
  g_autoptr(GHashTable) records = NULL;
  g_autoptr(BzwIcalItems) items = NULL;
  g_autofree const char **uids = NULL;
  guint n_uids = 0;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);

  records = bzw_store_list_item_conflicts (store, error);
  if (records == NULL)
    return NULL;
  if (g_hash_table_size (records) == 0)
    return g_steal_pointer (&conflicts);

  items = bzw_ical_items_new (store, error);
  if (items == NULL)
    return NULL;

  uids = (const char **) g_hash_table_get_keys_as_array (records, &n_uids);
  qsort (uids, n_uids, sizeof (char *), compare_strings);
  for (guint i = 0; i < n_uids; i++)
    {
      g_autoptr(BzwIcalItem) item = bzw_ical_items_dup (items, uids[i], NULL);

      if (item != NULL)
        add_item_conflicts (store, item, g_hash_table_lookup (records, uids[i]), conflicts);
    }

  return g_steal_pointer (&conflicts);
}

/* @lines without those of @property and of what the app derives. */
static char *
lines_without (const char *lines,
               const char *kind,
               const char *property)
{
  g_auto(GStrv) split = g_strsplit (lines, "\n", -1);
  g_autoptr(GString) rest = g_string_new (NULL);

  for (guint i = 0; split[i] != NULL; i++)
    {
      const char *tab = strchr (split[i], '\t');
      g_autofree char *name = tab != NULL ? g_strndup (split[i], tab - split[i]) : NULL;

      if (name != NULL && !g_str_equal (name, property) && label_of (kind, name) != NULL)
        g_string_append_printf (rest, "%s\n", split[i]);
    }

  return g_string_free (g_steal_pointer (&rest), FALSE);
}

/* Puts the server's @property of @lines in place of @item's own and saves
 * the item, inside the caller's transaction.
 */
static gboolean
take_remote (BzwIcalItems  *items,
             BzwIcalItem   *item,
             const char    *lines,
             const char    *property,
             GError       **error)
{
  icalcomponent *calendar = icalparser_parse_string (item->text);
  icalcomponent *comp = calendar != NULL ? icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT) : NULL;
  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func ((GDestroyNotify) icalproperty_free);
  g_autoptr(GPtrArray) props = remote_properties (lines, property);
  g_autoptr(BzwIcalItem) settled = NULL;
  g_autofree char *text = NULL;

  if (comp == NULL)
    {
      g_clear_pointer (&calendar, icalcomponent_free);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The entry cannot be read."));
      return FALSE;
    }

  for (icalproperty *prop = icalcomponent_get_first_property (comp, ICAL_ANY_PROPERTY);
       prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_ANY_PROPERTY))
    if (g_str_equal (name_of (prop), property))
      g_ptr_array_add (old, prop);
  for (guint i = 0; i < old->len; i++)
    icalcomponent_remove_property (comp, g_ptr_array_index (old, i));
  for (guint i = 0; i < props->len; i++)
    icalcomponent_add_property (comp, icalproperty_new_clone (g_ptr_array_index (props, i)));

  text = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  settled = bzw_ical_items_read (items, text, error);
  return settled != NULL && bzw_ical_items_save (items, settled, error);
}

/**
 * bzw_sync_item_conflict_settle:
 * @property: the property of a #BzwSyncItemConflict of the item @uid
 * @keep_remote: %TRUE to keep the server's value, %FALSE the value here
 *
 * Settles one conflict of the item @uid in one transaction.
 *
 * Returns: (transfer full): what the undo needs, or %NULL with an error
 */
BzwSyncItemSettled *
bzw_sync_item_conflict_settle (BzwStore    *store,
                               const char  *uid,
                               const char  *property,
                               gboolean     keep_remote,
                               GError     **error)
{
  g_autoptr(BzwIcalItems) items = NULL;
  g_autoptr(BzwIcalItem) item = NULL;
  g_autofree char *lines = NULL;
  g_autofree char *rest = NULL;
  BzwSyncItemSettled *settled;
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);
  g_return_val_if_fail (uid != NULL && property != NULL, NULL);

  if (!bzw_store_begin (store, error))
    return NULL;

  lines = bzw_store_dup_item_conflict (store, uid);
  ok = (items = bzw_ical_items_new (store, error)) != NULL &&
       (item = bzw_ical_items_dup (items, uid, error)) != NULL;
  if (ok && lines == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The conflict is settled already."));
      ok = FALSE;
    }
  if (ok && keep_remote)
    ok = take_remote (items, item, lines, property, error);
  if (ok)
    {
      rest = lines_without (lines, item->kind, property);
      ok = bzw_store_set_item_conflict (store, uid, rest, error);
    }
  if (!bzw_store_finish (store, ok, error))
    return NULL;

  settled = g_new0 (BzwSyncItemSettled, 1);
  settled->uid = g_strdup (uid);
  settled->text = g_strdup (item->text);
  settled->lines = g_steal_pointer (&lines);
  return settled;
}

/**
 * bzw_sync_item_conflict_undo:
 * @settled: what bzw_sync_item_conflict_settle() returned
 *
 * Puts the item and its conflicts back as they were, in one transaction.
 */
gboolean
bzw_sync_item_conflict_undo (BzwStore            *store,
                             BzwSyncItemSettled  *settled,
                             GError             **error)
{
  g_autoptr(BzwIcalItems) items = NULL;
  g_autoptr(BzwIcalItem) item = NULL;
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);
  g_return_val_if_fail (settled != NULL, FALSE);

  if (!bzw_store_begin (store, error))
    return FALSE;

  ok = (items = bzw_ical_items_new (store, error)) != NULL &&
       (item = bzw_ical_items_read (items, settled->text, error)) != NULL &&
       bzw_ical_items_save (items, item, error) &&
       bzw_store_set_item_conflict (store, settled->uid, settled->lines, error);
  return bzw_store_finish (store, ok, error);
}
