/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-importer"

#include "config.h"

#include "bzw-import-keys.h"

#include "bzw-contact-merge.h"
#include "bzw-io-util.h"
#include "bzw-store-io.h"

/* A card matches a contact by UID, else by an e-mail address, else by its
 * normalised name.  The importer reads the keys for the preview and again
 * inside the write transaction, so a contact that another import added in
 * the meantime is matched and not added twice.
 */

struct _BzwImportKeys
{
  GHashTable *by_uid;    /* uid → gint64 id */
  GHashTable *by_email;  /* folded address → gint64 id */
  GHashTable *by_name;   /* name key → gint64 id */
};

static gint64 *
id_dup (gint64 id)
{
  gint64 *copy = g_new (gint64, 1);

  *copy = id;
  return copy;
}

/* Up to two keys: from given and family name, and from the display name;
 * a contact with neither is known by its organisation.
 */
static void
name_keys (const char  *display_name,
           const char  *given_name,
           const char  *family_name,
           const char  *organisation,
           char       **keys)
{
  keys[0] = NULL;
  keys[1] = NULL;

  if (given_name != NULL || family_name != NULL)
    {
      g_autofree char *joined = g_strjoin (" ", given_name != NULL ? given_name : "",
                                           family_name != NULL ? family_name : "", NULL);

      keys[0] = bzw_io_normalize_name (joined);
    }

  if (display_name != NULL)
    keys[keys[0] != NULL ? 1 : 0] = bzw_io_normalize_name (display_name);

  if (keys[0] == NULL && organisation != NULL)
    {
      g_autofree char *org = bzw_io_normalize_name (organisation);

      keys[0] = g_strconcat ("org:", org, NULL);
    }

  for (guint i = 0; i < 2; i++)
    if (keys[i] != NULL && (keys[i][0] == '\0' || g_str_equal (keys[i], "org:")))
      g_clear_pointer (&keys[i], g_free);
}

/* The first contact with a key keeps it. */
static void
insert_first (GHashTable *table,
              char       *key,
              gint64      id)
{
  if (key != NULL && !g_hash_table_contains (table, key))
    g_hash_table_insert (table, key, id_dup (id));
  else
    g_free (key);
}

BzwImportKeys *
_bzw_import_keys_new (BzwStore  *store,
                      GError   **error)
{
  g_autoptr(GPtrArray) contacts = bzw_store_list_contact_keys (store, error);
  BzwImportKeys *keys;

  if (contacts == NULL)
    return NULL;

  keys = g_new0 (BzwImportKeys, 1);
  keys->by_uid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  keys->by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  keys->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < contacts->len; i++)
    {
      BzwContactKey *key = g_ptr_array_index (contacts, i);
      char *names[2];

      if (key->uid != NULL)
        g_hash_table_insert (keys->by_uid, g_strdup (key->uid), id_dup (key->id));
      for (guint j = 0; key->emails != NULL && key->emails[j] != NULL; j++)
        insert_first (keys->by_email, bzw_contact_fold_email (key->emails[j]), key->id);
      name_keys (key->display_name, key->given_name, key->family_name, key->organisation, names);
      for (guint j = 0; j < 2; j++)
        insert_first (keys->by_name, names[j], key->id);
    }

  return keys;
}

void
_bzw_import_keys_free (BzwImportKeys *keys)
{
  if (keys == NULL)
    return;

  g_hash_table_unref (keys->by_uid);
  g_hash_table_unref (keys->by_email);
  g_hash_table_unref (keys->by_name);
  g_free (keys);
}

gboolean
_bzw_import_keys_has_uid (BzwImportKeys *keys,
                          const char    *uid)
{
  return uid != NULL && g_hash_table_contains (keys->by_uid, uid);
}

static gboolean
match_email (BzwImportKeys *keys,
             BzwContact    *c,
             gint64        *match_id)
{
  GPtrArray *fields = bzw_contact_get_fields (c);

  for (guint k = 0; k < fields->len; k++)
    {
      const BzwContactField *field = g_ptr_array_index (fields, k);
      g_autofree char *folded = NULL;
      gint64 *id;

      if (field->kind != BZW_FIELD_EMAIL)
        continue;
      folded = bzw_contact_fold_email (field->value);
      if ((id = g_hash_table_lookup (keys->by_email, folded)) != NULL)
        {
          *match_id = *id;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
match_name (BzwImportKeys *keys,
            BzwContact    *c,
            gint64        *match_id)
{
  char *names[2];
  gboolean found = FALSE;

  name_keys (bzw_contact_get_display_name (c), bzw_contact_get_given_name (c),
             bzw_contact_get_family_name (c), bzw_contact_get_organisation (c), names);
  for (guint k = 0; k < 2; k++)
    {
      gint64 *id;

      if (!found && names[k] != NULL && (id = g_hash_table_lookup (keys->by_name, names[k])) != NULL)
        {
          *match_id = *id;
          found = TRUE;
        }
      g_free (names[k]);
    }

  return found;
}

/* Sets @match_id to the contact @contact matches, or 0. */
BzwImportMatch
_bzw_import_keys_match (BzwImportKeys *keys,
                        BzwContact    *contact,
                        gint64        *match_id)
{
  const char *uid = bzw_contact_get_uid (contact);
  gint64 *id;

  *match_id = 0;

  /* An empty store matches nothing: no need to fold a single name. */
  if (g_hash_table_size (keys->by_uid) == 0 && g_hash_table_size (keys->by_email) == 0 &&
      g_hash_table_size (keys->by_name) == 0)
    return BZW_IMPORT_MATCH_NONE;

  if (uid != NULL && (id = g_hash_table_lookup (keys->by_uid, uid)) != NULL)
    {
      *match_id = *id;
      return BZW_IMPORT_MATCH_UID;
    }

  if (match_email (keys, contact, match_id))
    return BZW_IMPORT_MATCH_EMAIL;

  if (match_name (keys, contact, match_id))
    return BZW_IMPORT_MATCH_NAME;

  return BZW_IMPORT_MATCH_NONE;
}
