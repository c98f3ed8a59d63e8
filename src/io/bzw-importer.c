/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-importer"

#include "config.h"

#include "bzw-importer-private.h"

#include "bzw-archive.h"
#include "bzw-contact-merge.h"
#include "bzw-io-util.h"
#include "bzw-store-io.h"
#include "bzw-vcard-reader.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

/* An import in two steps: a preview that sorts the cards into new ones and
 * ones that match a contact already there (by UID, then e-mail address,
 * then normalised name), and the import itself, in one transaction, with a
 * choice per match: merge, skip or add as new.  On any error nothing is
 * written.
 */

G_DEFINE_FINAL_TYPE (BzwImporter, bzw_importer, G_TYPE_OBJECT)

static void
bzw_importer_finalize (GObject *object)
{
  BzwImporter *self = BZW_IMPORTER (object);

  g_clear_object (&self->store);
  g_clear_object (&self->csv);
  g_clear_pointer (&self->result, bzw_parse_result_unref);
  g_clear_pointer (&self->journal, bzw_ical_journal_free);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->keys, _bzw_import_keys_free);
  g_clear_pointer (&self->circle_ids, g_hash_table_unref);

  G_OBJECT_CLASS (bzw_importer_parent_class)->finalize (object);
}

static void
bzw_importer_class_init (BzwImporterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bzw_importer_finalize;
}

static void
bzw_importer_init (BzwImporter *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (BzwImportItem));
  self->groups = g_ptr_array_new ();
  self->match_action = BZW_IMPORT_ACTION_MERGE;
  self->circle_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

BzwImporter *
bzw_importer_new (BzwStore *store)
{
  BzwImporter *self;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);

  self = g_object_new (BZW_TYPE_IMPORTER, NULL);
  self->store = g_object_ref (store);
  return self;
}

/* Matching */

/* Matches every card against the store as it is now.  A card that found
 * its contact only now is merged (or what was chosen for matches); one
 * whose contact is gone is added.
 */
static gboolean
match_items (BzwImporter  *self,
             GError      **error)
{
  BzwImportKeys *keys = _bzw_import_keys_new (self->store, error);

  if (keys == NULL)
    return FALSE;

  g_clear_pointer (&self->keys, _bzw_import_keys_free);
  self->keys = keys;

  for (guint i = 0; i < self->items->len; i++)
    {
      BzwImportItem *item = &g_array_index (self->items, BzwImportItem, i);
      BzwImportMatch before = item->match;

      item->match = _bzw_import_keys_match (keys, item->card->contact, &item->match_id);
      if (before == BZW_IMPORT_MATCH_NONE && item->match != BZW_IMPORT_MATCH_NONE &&
          item->action == BZW_IMPORT_ACTION_ADD)
        item->action = self->match_action;
      else if (item->match == BZW_IMPORT_MATCH_NONE && item->action == BZW_IMPORT_ACTION_MERGE)
        item->action = BZW_IMPORT_ACTION_ADD;
    }

  return TRUE;
}

static gboolean
compute_preview (BzwImporter  *self,
                 GError      **error)
{
  g_autoptr(GHashTable) file_uids = g_hash_table_new (g_str_hash, g_str_equal);

  g_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->groups, 0);
  _bzw_importer_collect_circles (self);

  for (guint i = 0; i < self->result->cards->len; i++)
    {
      BzwParsedCard *card = g_ptr_array_index (self->result->cards, i);
      const char *uid = bzw_contact_get_uid (card->contact);
      BzwImportItem item = { card, BZW_IMPORT_MATCH_NONE, 0, BZW_IMPORT_ACTION_ADD };

      if (card->is_group)
        {
          g_ptr_array_add (self->groups, card);
          continue;
        }

      /* The same card twice in one file becomes one contact. */
      if (uid != NULL)
        {
          BzwParsedCard *earlier = g_hash_table_lookup (file_uids, uid);

          if (earlier != NULL)
            {
              bzw_contact_merge (earlier->contact, card->contact);
              for (guint k = 0; k < card->categories->len; k++)
                bzw_parsed_card_add_category (earlier, g_ptr_array_index (card->categories, k));
              continue;
            }
          g_hash_table_insert (file_uids, (gpointer) uid, card);
        }

      g_array_append_val (self->items, item);
    }

  /* Without a preview to show, the keys are read once, in the import. */
  if (self->match_deferred)
    return TRUE;

  return match_items (self, error);
}

/**
 * bzw_importer_set_result:
 * @result: cards read by a reader (or made by hand)
 *
 * Takes the cards and computes the preview against the store.
 */
gboolean
bzw_importer_set_result (BzwImporter     *self,
                         BzwParseResult  *result,
                         GError         **error)
{
  g_return_val_if_fail (BZW_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  bzw_parse_result_ref (result);
  g_clear_pointer (&self->result, bzw_parse_result_unref);
  self->result = result;

  return compute_preview (self, error);
}

static gboolean
has_suffix_ci (const char *name,
               const char *suffix)
{
  gsize n = strlen (name);
  gsize m = strlen (suffix);

  return n >= m && g_ascii_strcasecmp (name + n - m, suffix) == 0;
}

/* An archive of bzw-archive.c: its contacts part is read like a vCard
 * file, its journal part is kept for the import.
 */
static BzwParseResult *
load_archive (BzwImporter  *self,
              const char   *data,
              gsize         length,
              GError      **error)
{
  g_autoptr(GBytes) vcard = NULL;
  g_autoptr(GBytes) calendar = NULL;
  gsize size = 0;
  const char *text;

  if (!bzw_archive_split (data, length, &vcard, &calendar, error))
    return NULL;

  if (calendar != NULL)
    {
      text = g_bytes_get_data (calendar, &size);
      self->journal = bzw_ical_journal_parse (text, size, error);
      if (self->journal == NULL)
        return NULL;
    }

  text = g_bytes_get_data (vcard, &size);
  return bzw_vcard_reader_parse (text, size);
}

/**
 * bzw_importer_load_data:
 * @filename: (nullable): the file's name, to tell vCard from CSV when the
 *   content does not
 *
 * Reads a vCard or CSV file, or an archive of the whole network, from
 * memory, chosen by content, else by name, and computes the preview.
 */
gboolean
bzw_importer_load_data (BzwImporter  *self,
                        const char   *data,
                        gsize         length,
                        const char   *filename,
                        GError      **error)
{
  g_autoptr(BzwParseResult) result = NULL;

  g_return_val_if_fail (BZW_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  g_clear_object (&self->csv);
  g_clear_pointer (&self->journal, bzw_ical_journal_free);
  self->format = BZW_IMPORT_FORMAT_NONE;

  if (length == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The file is empty."));
      return FALSE;
    }

  if (bzw_io_looks_binary (data, length))
    {
      bzw_io_set_binary_error (error);
      return FALSE;
    }

  if (bzw_archive_looks_like (data, length))
    {
      self->format = BZW_IMPORT_FORMAT_ARCHIVE;
      result = load_archive (self, data, length, error);
      if (result == NULL)
        return FALSE;
    }
  else if (bzw_vcard_reader_looks_like (data, length) ||
           (filename != NULL && (has_suffix_ci (filename, ".vcf") || has_suffix_ci (filename, ".vcard"))))
    {
      self->format = BZW_IMPORT_FORMAT_VCARD;
      result = bzw_vcard_reader_parse (data, length);
      if (result->cards->len == 0 && result->problems->len == 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The file contains no vCard."));
          return FALSE;
        }
    }
  else if (bzw_csv_reader_looks_like (data, length) ||
           (filename != NULL && (has_suffix_ci (filename, ".csv") || has_suffix_ci (filename, ".tsv"))))
    {
      self->csv = bzw_csv_reader_new (data, length, error);
      if (self->csv == NULL)
        return FALSE;
      self->format = BZW_IMPORT_FORMAT_CSV;
      result = bzw_csv_reader_read_cards (self->csv);
    }
  else
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("This is neither a vCard nor a CSV file."));
      return FALSE;
    }

  return bzw_importer_set_result (self, result, error);
}

gboolean
bzw_importer_load_file (BzwImporter  *self,
                        const char   *path,
                        GError      **error)
{
  g_autofree char *data = NULL;
  g_autofree char *basename = NULL;
  gsize length = 0;

  g_return_val_if_fail (BZW_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = bzw_io_read_capped (path, BZW_IMPORT_MAX_FILE_SIZE, &length, error);
  if (data == NULL)
    return FALSE;

  basename = g_path_get_basename (path);
  return bzw_importer_load_data (self, data, length, basename, error);
}

BzwImportFormat
bzw_importer_get_format (BzwImporter *self)
{
  g_return_val_if_fail (BZW_IS_IMPORTER (self), BZW_IMPORT_FORMAT_NONE);

  return self->format;
}

/**
 * bzw_importer_get_csv_reader:
 *
 * Returns: (transfer none) (nullable): the CSV reader, to show and change
 *   the column mapping; call bzw_importer_reload_csv() after a change
 */
BzwCsvReader *
bzw_importer_get_csv_reader (BzwImporter *self)
{
  g_return_val_if_fail (BZW_IS_IMPORTER (self), NULL);

  return self->csv;
}

gboolean
bzw_importer_reload_csv (BzwImporter  *self,
                         GError      **error)
{
  g_autoptr(BzwParseResult) result = NULL;

  g_return_val_if_fail (BZW_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (self->csv != NULL, FALSE);

  result = bzw_csv_reader_read_cards (self->csv);
  return bzw_importer_set_result (self, result, error);
}

/* Preview */

guint
bzw_importer_get_n_items (BzwImporter *self)
{
  g_return_val_if_fail (BZW_IS_IMPORTER (self), 0);

  return self->items->len;
}

static BzwImportItem *
get_item (BzwImporter *self,
          guint        index)
{
  g_return_val_if_fail (BZW_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return &g_array_index (self->items, BzwImportItem, index);
}

/**
 * bzw_importer_get_item:
 *
 * Returns: (transfer none): the card, with its contact, circles and line
 */
BzwParsedCard *
bzw_importer_get_item (BzwImporter *self,
                       guint        index)
{
  BzwImportItem *item = get_item (self, index);

  return item != NULL ? item->card : NULL;
}

BzwImportMatch
bzw_importer_get_item_match (BzwImporter *self,
                             guint        index)
{
  BzwImportItem *item = get_item (self, index);

  return item != NULL ? item->match : BZW_IMPORT_MATCH_NONE;
}

/* The id of the contact the card matches, or 0. */
gint64
bzw_importer_get_item_match_id (BzwImporter *self,
                                guint        index)
{
  BzwImportItem *item = get_item (self, index);

  return item != NULL ? item->match_id : 0;
}

BzwImportAction
bzw_importer_get_item_action (BzwImporter *self,
                              guint        index)
{
  BzwImportItem *item = get_item (self, index);

  return item != NULL ? item->action : BZW_IMPORT_ACTION_SKIP;
}

/* Merging needs a match; a new card can only be added or skipped. */
void
bzw_importer_set_item_action (BzwImporter     *self,
                              guint            index,
                              BzwImportAction  action)
{
  BzwImportItem *item = get_item (self, index);

  g_return_if_fail (item != NULL);

  if (action == BZW_IMPORT_ACTION_MERGE && item->match == BZW_IMPORT_MATCH_NONE)
    return;

  item->action = action;
}

/* Sets the action of every card that matches a contact. */
void
bzw_importer_set_match_action (BzwImporter     *self,
                               BzwImportAction  action)
{
  g_return_if_fail (BZW_IS_IMPORTER (self));

  self->match_action = action;
  for (guint i = 0; i < self->items->len; i++)
    if (g_array_index (self->items, BzwImportItem, i).match != BZW_IMPORT_MATCH_NONE)
      g_array_index (self->items, BzwImportItem, i).action = action;
}

/**
 * bzw_importer_dup_item_changes:
 *
 * What merging the card into the contact it matches would add, in words
 * ("+ 2 e-mail addresses, birthday"), for the preview.
 *
 * Returns: (transfer full) (nullable): the changes, or %NULL when the card
 *   matches no contact or adds nothing to it
 */
char *
bzw_importer_dup_item_changes (BzwImporter *self,
                               guint        index)
{
  BzwImportItem *item = get_item (self, index);
  g_autoptr(BzwContact) contact = NULL;

  if (item == NULL || item->match_id == 0)
    return NULL;

  contact = bzw_store_dup_contact (self->store, item->match_id, NULL);
  if (contact == NULL)
    return NULL;

  return bzw_contact_describe_merge (contact, item->card->contact);
}

/* How many cards will be imported with @action. */
guint
bzw_importer_count_action (BzwImporter     *self,
                           BzwImportAction  action)
{
  guint n = 0;

  g_return_val_if_fail (BZW_IS_IMPORTER (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    if (g_array_index (self->items, BzwImportItem, i).action == action)
      n++;

  return n;
}

guint
bzw_importer_get_n_new (BzwImporter *self)
{
  guint n = 0;

  g_return_val_if_fail (BZW_IS_IMPORTER (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    if (g_array_index (self->items, BzwImportItem, i).match == BZW_IMPORT_MATCH_NONE)
      n++;

  return n;
}

/* Journal entries and relationships of an archive. */
guint
bzw_importer_get_n_entries (BzwImporter *self)
{
  g_return_val_if_fail (BZW_IS_IMPORTER (self), 0);

  return self->journal != NULL ? bzw_ical_journal_get_n_entries (self->journal) : 0;
}

guint
bzw_importer_get_n_relationships (BzwImporter *self)
{
  g_return_val_if_fail (BZW_IS_IMPORTER (self), 0);

  return self->journal != NULL ? bzw_ical_journal_get_n_relationships (self->journal) : 0;
}

guint
bzw_importer_get_n_matches (BzwImporter *self)
{
  g_return_val_if_fail (BZW_IS_IMPORTER (self), 0);

  return self->items->len - bzw_importer_get_n_new (self);
}

/* Group cards (KIND:group), which become circles. */
guint
bzw_importer_get_n_groups (BzwImporter *self)
{
  g_return_val_if_fail (BZW_IS_IMPORTER (self), 0);

  return self->groups->len;
}

/**
 * bzw_importer_get_problems:
 *
 * Returns: (transfer none) (element-type BzwParseProblem): what could not
 *   be read, with line numbers and reasons
 */
GPtrArray *
bzw_importer_get_problems (BzwImporter *self)
{
  g_return_val_if_fail (BZW_IS_IMPORTER (self), NULL);

  return self->result != NULL ? self->result->problems : NULL;
}

/* Import */

/* The contact a card adds.  --import reads its cards for this one import
 * and saves the card's own contact; the window's importer may import the
 * same cards again after a failure, so it saves a copy.
 */
static BzwContact *
new_contact (BzwImporter   *self,
             BzwParsedCard *card)
{
  BzwContact *contact;

  contact = self->match_deferred ? g_object_ref (card->contact) : bzw_contact_copy (card->contact);
  bzw_contact_set_id (contact, 0);
  /* Added as new beside a contact with the same UID: a new UID. */
  if (_bzw_import_keys_has_uid (self->keys, bzw_contact_get_uid (contact)))
    bzw_contact_set_uid (contact, NULL);

  return contact;
}

/* Adds, merges or skips the card of @item, and notes the id its UID
 * got in @imported.
 */
gboolean
_bzw_importer_import_item (BzwImporter       *self,
                           BzwImportItem     *item,
                           GHashTable        *imported,
                           BzwImportSummary  *summary,
                           GError           **error)
{
  g_autofree char *card_uid = NULL;
  g_autoptr(BzwContact) contact = NULL;

  if (item->action == BZW_IMPORT_ACTION_SKIP)
    {
      summary->skipped++;
      return TRUE;
    }

  card_uid = g_strdup (bzw_contact_get_uid (item->card->contact));
  if (item->action == BZW_IMPORT_ACTION_MERGE && item->match_id != 0)
    {
      contact = bzw_store_dup_contact (self->store, item->match_id, error);
      if (contact == NULL)
        return FALSE;
      bzw_contact_merge (contact, item->card->contact);
      summary->merged++;
    }
  else
    {
      contact = new_contact (self, item->card);
      summary->added++;
    }

  if (!_bzw_importer_add_circles (self, contact, item->card, summary, error) ||
      !bzw_store_save_contact (self->store, contact, error))
    {
      g_prefix_error (error, _("Line %u: "), item->card->line);
      return FALSE;
    }

  if (card_uid != NULL)
    g_hash_table_insert (imported, g_steal_pointer (&card_uid),
                         _bzw_importer_id_dup (bzw_contact_get_id (contact)));
  return TRUE;
}

static gboolean
import_items (BzwImporter       *self,
              GHashTable        *imported,
              BzwImportSummary  *summary,
              GError           **error)
{
  for (guint i = 0; i < self->items->len; i++)
    if (!_bzw_importer_import_item (self, &g_array_index (self->items, BzwImportItem, i),
                                    imported, summary, error))
      return FALSE;

  return TRUE;
}

typedef struct
{
  BzwImporter *self;
  GHashTable  *imported;
} Resolver;

static gint64
resolve_cb (const char *table,
            const char *uid,
            gpointer    data)
{
  Resolver *resolver = data;
  gint64 *id;

  if (uid == NULL)
    return 0;
  if (g_str_equal (table, "encounters"))
    return bzw_store_find_row_by_uid (resolver->self->store, "encounters", uid);

  id = g_hash_table_lookup (resolver->imported, uid);
  return id != NULL ? *id : bzw_store_find_contact_by_uid (resolver->self->store, uid);
}

/* An archive's journal and relationships, after its contacts, whose UIDs
 * they name.
 */
static gboolean
import_journal (BzwImporter       *self,
                GHashTable        *imported,
                BzwImportSummary  *summary,
                GError           **error)
{
  Resolver resolver = { self, imported };
  BzwIcalJournalCounts counts = { 0, };

  if (self->journal == NULL)
    return TRUE;

  if (!bzw_ical_journal_import (self->journal, self->store, resolve_cb, &resolver, &counts, error))
    return FALSE;

  summary->entries = counts.entries;
  summary->relationships = counts.relationships;
  summary->entries_skipped = counts.skipped;
  summary->entries_failed = counts.failed;
  return TRUE;
}

/* A file of which nothing could be read fails as a whole. */
gboolean
_bzw_importer_check_readable (BzwImporter  *self,
                              GError      **error)
{
  const BzwParseProblem *first;

  if (self->items->len > 0 || self->groups->len > 0 || self->result->problems->len == 0)
    return TRUE;

  first = g_ptr_array_index (self->result->problems, 0);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* Translators: %u is a line number, %s the reason. */
               _("No contact in the file could be read. Line %u: %s"), first->line, first->message);
  return FALSE;
}

/**
 * bzw_importer_import:
 * @summary: (out caller-allocates) (optional): what was done
 *
 * Imports the cards with the chosen actions in one transaction, creating
 * missing circles.  On any error nothing is written.
 */
gboolean
bzw_importer_import (BzwImporter       *self,
                     BzwImportSummary  *summary,
                     GError           **error)
{
  g_autoptr(GHashTable) imported = NULL;
  BzwImportSummary local = { 0, };
  gboolean ok;

  g_return_val_if_fail (BZW_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (self->result != NULL, FALSE);

  if (!_bzw_importer_check_readable (self, error))
    return FALSE;

  /* The store may have changed since the preview. */
  _bzw_importer_collect_circles (self);

  if (!bzw_store_begin_bulk (self->store, error))
    return FALSE;

  /* Matched again inside the write transaction: two imports of one file at
   * once must not both add its contacts.
   */
  imported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ok = match_items (self, error) && _bzw_importer_create_group_circles (self, &local, error) &&
       import_items (self, imported, &local, error) && _bzw_importer_import_groups (self, imported, &local, error) &&
       import_journal (self, imported, &local, error);

  if (ok)
    ok = bzw_store_commit (self->store, error);
  else
    bzw_store_rollback (self->store);

  /* Ids of circles made in a rolled-back transaction mean nothing. */
  _bzw_importer_collect_circles (self);

  if (!ok)
    return FALSE;

  local.failed = bzw_parse_result_count_skipped (self->result);
  if (summary != NULL)
    *summary = local;

  g_debug ("Imported: %u added, %u merged, %u skipped, %u circles",
           local.added, local.merged, local.skipped, local.circles_created);
  return TRUE;
}
