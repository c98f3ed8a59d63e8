/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-sync-conflicts"

#include "config.h"

#include "bzw-sync-conflicts.h"

#include "bzw-parsed-card.h"
#include "bzw-vcard-reader.h"
#include "bzw-vcard-writer.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Settling what the merge kept as X-BZW-CONFLICT lines in a contact's
 * extra (each the server's original line as its value): the contact page
 * lists them per property with the value here beside the server's, and
 * the user keeps one.  Keeping the server's value writes the contact as a
 * vCard, puts the server's lines in place of the property's own, and
 * reads the card back, as the sync itself does with a card; keeping the
 * value here drops the conflict lines.  Either way the card is saved in
 * one transaction and the next sync uploads it.
 */

#define CONFLICT "X-BZW-CONFLICT:"

void
bzw_sync_conflict_free (BzwSyncConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->property);
  g_free (conflict->label);
  g_free (conflict->local);
  g_free (conflict->remote);
  g_free (conflict);
}

/* "item1.EMAIL;TYPE=work:x" → "EMAIL". */
static char *
property_of (const char *line)
{
  gsize end = strcspn (line, ";:");
  const char *dot = memchr (line, '.', end);
  const char *start = dot != NULL ? dot + 1 : line;

  return g_ascii_strup (start, end - (start - line));
}

/* The value of a content line, after the first colon outside quotes. */
static const char *
value_of (const char *line)
{
  gboolean quoted = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == ':' && !quoted)
        return p + 1;
    }

  return "";
}

static char *
label_of (const char *property)
{
  static const struct { const char *property; const char *label; } labels[] = {
    { "FN", N_("Name") },
    { "N", N_("Name") },
    { "NICKNAME", N_("Nickname") },
    { "EMAIL", N_("E-mail") },
    { "TEL", N_("Phone") },
    { "ADR", N_("Address") },
    { "URL", N_("Website") },
    { "ORG", N_("Organisation") },
    { "TITLE", N_("Role") },
    { "BDAY", N_("Birthday") },
    { "NOTE", N_("Notes") },
    { "CATEGORIES", N_("Circles") },
    { "X-BZW-OFFERS", N_("What they offer") },
    { "X-BZW-SEEKS", N_("What they are looking for") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (property, labels[i].property))
      return g_strdup (_(labels[i].label));

  return g_strdup (property);
}

/* Appends @value to @lines, one a line. */
static void
add_value (GString    *lines,
           const char *line)
{
  if (lines->len > 0)
    g_string_append_c (lines, '\n');
  g_string_append (lines, value_of (line));
}

/* The names of @contact's circles, %NULL-terminated. */
static GPtrArray *
circle_names (BzwStore   *store,
              BzwContact *contact)
{
  g_autoptr(GPtrArray) circles = bzw_store_list_circles (store, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; circles != NULL && i < circles->len; i++)
    {
      BzwCircle *circle = g_ptr_array_index (circles, i);

      if (bzw_contact_has_circle (contact, bzw_circle_get_id (circle)))
        g_ptr_array_add (names, g_strdup (bzw_circle_get_name (circle)));
    }
  g_ptr_array_add (names, NULL);
  return names;
}

/* The contact as the sync writes it, unfolded, "\n" after each line. */
static char *
write_card (BzwStore   *store,
            BzwContact *contact)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) names = circle_names (store, contact);

  bzw_vcard_writer_append_contact_as (out, contact, (const char * const *) names->pdata, BZW_VCARD_VERSION_4_0);
  g_string_replace (out, "\r\n ", "", 0);
  g_string_replace (out, "\r\n", "\n", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The values the card as written has of @property. */
static char *
local_values (BzwStore   *store,
              BzwContact *contact,
              const char *property)
{
  g_autofree char *card = write_card (store, contact);
  g_auto(GStrv) lines = g_strsplit (card, "\n", -1);
  g_autoptr(GString) values = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *name = property_of (lines[i]);

      if (g_str_equal (name, property))
        add_value (values, lines[i]);
    }

  return g_string_free (g_steal_pointer (&values), FALSE);
}

/**
 * bzw_sync_conflicts_list:
 *
 * Returns: (transfer full) (element-type BzwSyncConflict): the conflicts
 *   of @contact, one per property, in the order of the card
 */
GPtrArray *
bzw_sync_conflicts_list (BzwStore   *store,
                         BzwContact *contact)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) bzw_sync_conflict_free);
  const char *extra = bzw_contact_get_extra (contact);
  g_auto(GStrv) lines = g_strsplit (extra != NULL ? extra : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *property = NULL;
      BzwSyncConflict *conflict = NULL;
      g_autoptr(GString) remote = NULL;

      if (g_ascii_strncasecmp (lines[i], CONFLICT, strlen (CONFLICT)) != 0)
        continue;

      property = property_of (lines[i] + strlen (CONFLICT));
      for (guint j = 0; j < conflicts->len && conflict == NULL; j++)
        if (g_str_equal (((BzwSyncConflict *) g_ptr_array_index (conflicts, j))->property, property))
          conflict = g_ptr_array_index (conflicts, j);

      if (conflict == NULL)
        {
          conflict = g_new0 (BzwSyncConflict, 1);
          conflict->property = g_strdup (property);
          conflict->label = label_of (property);
          conflict->local = local_values (store, contact, property);
          conflict->remote = g_strdup ("");
          g_ptr_array_add (conflicts, conflict);
        }

      remote = g_string_new (conflict->remote);
      add_value (remote, lines[i] + strlen (CONFLICT));
      g_free (conflict->remote);
      conflict->remote = g_string_free (g_steal_pointer (&remote), FALSE);
    }

  return g_steal_pointer (&conflicts);
}

/* @card without the conflict lines of @property, and, when @keep_remote,
 * with the server's lines in place of its own.
 */
static char *
settle_card (const char *card,
             const char *property,
             gboolean    keep_remote)
{
  g_auto(GStrv) lines = g_strsplit (card, "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) remote = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean conflict = g_ascii_strncasecmp (lines[i], CONFLICT, strlen (CONFLICT)) == 0;
      g_autofree char *name = property_of (conflict ? lines[i] + strlen (CONFLICT) : lines[i]);

      if (!g_str_equal (name, property))
        {
          if (lines[i][0] != '\0' && g_ascii_strcasecmp (lines[i], "END:VCARD") != 0)
            g_string_append_printf (out, "%s\r\n", lines[i]);
        }
      else if (conflict)
        g_string_append_printf (remote, "%s\r\n", lines[i] + strlen (CONFLICT));
      else if (!keep_remote)
        g_string_append_printf (out, "%s\r\n", lines[i]);
    }

  if (keep_remote)
    g_string_append (out, remote->str);
  g_string_append (out, "END:VCARD\r\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The ids of the circles named in @card's CATEGORIES, made when missing. */
static GArray *
circle_ids (BzwStore       *store,
            BzwParsedCard  *card,
            GError        **error)
{
  g_autoptr(GPtrArray) circles = bzw_store_list_circles (store, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (circles == NULL)
    return NULL;

  for (guint i = 0; card->categories != NULL && i < card->categories->len; i++)
    {
      const char *name = g_ptr_array_index (card->categories, i);
      g_autofree char *folded = g_utf8_casefold (name, -1);
      gint64 id = 0;

      for (guint j = 0; j < circles->len && id == 0; j++)
        {
          BzwCircle *circle = g_ptr_array_index (circles, j);
          g_autofree char *other = g_utf8_casefold (bzw_circle_get_name (circle), -1);

          if (g_str_equal (folded, other))
            id = bzw_circle_get_id (circle);
        }

      if (id == 0)
        {
          g_autoptr(BzwCircle) circle = bzw_circle_new ();

          bzw_circle_set_name (circle, name);
          if (!bzw_store_save_circle (store, circle, error))
            return NULL;
          id = bzw_circle_get_id (circle);
          g_ptr_array_add (circles, g_steal_pointer (&circle));
        }
      g_array_append_val (ids, id);
    }

  return g_steal_pointer (&ids);
}

static BzwContact *
read_back (BzwStore    *store,
           BzwContact  *old,
           const char  *card,
           GError     **error)
{
  g_autoptr(BzwParseResult) result = bzw_vcard_reader_parse (card, strlen (card));
  g_autoptr(GArray) ids = NULL;
  BzwParsedCard *parsed;
  BzwContact *contact;

  if (result->cards->len != 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The settled card cannot be read."));
      return NULL;
    }

  parsed = g_ptr_array_index (result->cards, 0);
  ids = circle_ids (store, parsed, error);
  if (ids == NULL)
    return NULL;

  contact = g_object_ref (parsed->contact);
  bzw_contact_set_id (contact, bzw_contact_get_id (old));
  bzw_contact_set_times (contact, bzw_contact_get_created (old), 0);
  bzw_contact_set_circle_ids (contact, ids);
  return contact;
}

/**
 * bzw_sync_conflict_settle:
 * @property: the property of a #BzwSyncConflict of the contact
 * @keep_remote: %TRUE to keep the server's value, %FALSE the value here
 *
 * Settles one conflict of the contact @contact_id in one transaction.
 *
 * Returns: (transfer full): the contact as it was before, for the undo
 *   (save it again), or %NULL with an error
 */
BzwContact *
bzw_sync_conflict_settle (BzwStore    *store,
                          gint64       contact_id,
                          const char  *property,
                          gboolean     keep_remote,
                          GError     **error)
{
  g_autoptr(BzwContact) old = NULL;
  g_autoptr(BzwContact) settled = NULL;
  g_autofree char *card = NULL;
  g_autofree char *new_card = NULL;
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  if (!bzw_store_begin (store, error))
    return NULL;

  old = bzw_store_dup_contact (store, contact_id, error);
  if (old != NULL)
    {
      card = write_card (store, old);
      new_card = settle_card (card, property, keep_remote);
      settled = read_back (store, old, new_card, error);
    }
  ok = settled != NULL && bzw_store_save_contact (store, settled, error);
  if (!bzw_store_finish (store, ok, error))
    return NULL;

  return g_steal_pointer (&old);
}
