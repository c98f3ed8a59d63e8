/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-importer"

#include "config.h"

#include "bzw-importer.h"

#include "bzw-contact-merge.h"
#include "bzw-import-keys.h"
#include "bzw-io-util.h"
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

typedef struct
{
  BzwParsedCard   *card;
  BzwImportMatch   match;
  gint64           match_id;
  BzwImportAction  action;
} Item;

struct _BzwImporter
{
  GObject          parent_instance;

  BzwStore        *store;
  BzwImportFormat  format;
  BzwCsvReader    *csv;
  BzwParseResult  *result;
  GArray          *items;   /* Item */
  GPtrArray       *groups;  /* (element-type BzwParsedCard) borrowed from result */
  BzwImportKeys   *keys;
  BzwImportAction  match_action;
  GHashTable      *circle_ids;  /* casefolded name → gint64 id */
};

G_DEFINE_FINAL_TYPE (BzwImporter, bzw_importer, G_TYPE_OBJECT)

static void
bzw_importer_finalize (GObject *object)
{
  BzwImporter *self = BZW_IMPORTER (object);

  g_clear_object (&self->store);
  g_clear_object (&self->csv);
  g_clear_pointer (&self->result, bzw_parse_result_unref);
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
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
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

static gint64 *
id_dup (gint64 id)
{
  gint64 *copy = g_new (gint64, 1);

  *copy = id;
  return copy;
}

static void
collect_circles (BzwImporter  *self,
                 GError      **error_unused)
{
  g_autoptr(GPtrArray) circles = bzw_store_list_circles (self->store, NULL);

  g_hash_table_remove_all (self->circle_ids);
  for (guint i = 0; circles != NULL && i < circles->len; i++)
    {
      BzwCircle *circle = g_ptr_array_index (circles, i);

      g_hash_table_insert (self->circle_ids, g_utf8_casefold (bzw_circle_get_name (circle), -1),
                           id_dup (bzw_circle_get_id (circle)));
    }
}

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
      Item *item = &g_array_index (self->items, Item, i);
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
  collect_circles (self, NULL);

  for (guint i = 0; i < self->result->cards->len; i++)
    {
      BzwParsedCard *card = g_ptr_array_index (self->result->cards, i);
      const char *uid = bzw_contact_get_uid (card->contact);
      Item item = { card, BZW_IMPORT_MATCH_NONE, 0, BZW_IMPORT_ACTION_ADD };

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

/**
 * bzw_importer_load_data:
 * @filename: (nullable): the file's name, to tell vCard from CSV when the
 *   content does not
 *
 * Reads a vCard or CSV file from memory, chosen by content, else by name,
 * and computes the preview.
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

  if (bzw_vcard_reader_looks_like (data, length) ||
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

static Item *
get_item (BzwImporter *self,
          guint        index)
{
  g_return_val_if_fail (BZW_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return &g_array_index (self->items, Item, index);
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
  Item *item = get_item (self, index);

  return item != NULL ? item->card : NULL;
}

BzwImportMatch
bzw_importer_get_item_match (BzwImporter *self,
                             guint        index)
{
  Item *item = get_item (self, index);

  return item != NULL ? item->match : BZW_IMPORT_MATCH_NONE;
}

/* The id of the contact the card matches, or 0. */
gint64
bzw_importer_get_item_match_id (BzwImporter *self,
                                guint        index)
{
  Item *item = get_item (self, index);

  return item != NULL ? item->match_id : 0;
}

BzwImportAction
bzw_importer_get_item_action (BzwImporter *self,
                              guint        index)
{
  Item *item = get_item (self, index);

  return item != NULL ? item->action : BZW_IMPORT_ACTION_SKIP;
}

/* Merging needs a match; a new card can only be added or skipped. */
void
bzw_importer_set_item_action (BzwImporter     *self,
                              guint            index,
                              BzwImportAction  action)
{
  Item *item = get_item (self, index);

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
    if (g_array_index (self->items, Item, i).match != BZW_IMPORT_MATCH_NONE)
      g_array_index (self->items, Item, i).action = action;
}

guint
bzw_importer_get_n_new (BzwImporter *self)
{
  guint n = 0;

  g_return_val_if_fail (BZW_IS_IMPORTER (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    if (g_array_index (self->items, Item, i).match == BZW_IMPORT_MATCH_NONE)
      n++;

  return n;
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

static char *
group_name (BzwParsedCard *card)
{
  g_autofree char *name = bzw_contact_dup_best_name (card->contact);

  return g_strstrip (g_steal_pointer (&name));
}

static void
add_needed_circle (BzwImporter *self,
                   GPtrArray   *names,
                   GHashTable  *seen,
                   const char  *name)
{
  char *folded = g_utf8_casefold (name, -1);

  if (g_hash_table_contains (self->circle_ids, folded) || g_hash_table_contains (seen, folded))
    {
      g_free (folded);
      return;
    }

  g_hash_table_add (seen, folded);
  g_ptr_array_add (names, g_strdup (name));
}

/**
 * bzw_importer_dup_new_circles:
 *
 * Returns: (transfer full) (element-type utf8): the circles the import
 *   will create, from categories and group cards
 */
GPtrArray *
bzw_importer_dup_new_circles (BzwImporter *self)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (BZW_IS_IMPORTER (self), names);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      if (item->action == BZW_IMPORT_ACTION_SKIP)
        continue;
      for (guint k = 0; k < item->card->categories->len; k++)
        add_needed_circle (self, names, seen, g_ptr_array_index (item->card->categories, k));
    }

  for (guint i = 0; i < self->groups->len; i++)
    {
      g_autofree char *name = group_name (g_ptr_array_index (self->groups, i));

      if (name[0] != '\0')
        add_needed_circle (self, names, seen, name);
    }

  return names;
}

/* Import */

static gint64
ensure_circle (BzwImporter       *self,
               const char        *name,
               BzwImportSummary  *summary,
               GError           **error)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_autoptr(BzwCircle) circle = NULL;
  gint64 *id = g_hash_table_lookup (self->circle_ids, folded);

  if (id != NULL)
    return *id;

  circle = bzw_circle_new ();
  bzw_circle_set_name (circle, name);
  if (!bzw_store_save_circle (self->store, circle, error))
    return 0;

  summary->circles_created++;
  g_hash_table_insert (self->circle_ids, g_steal_pointer (&folded), id_dup (bzw_circle_get_id (circle)));
  return bzw_circle_get_id (circle);
}

static gboolean
add_circles (BzwImporter       *self,
             BzwContact        *contact,
             BzwParsedCard     *card,
             BzwImportSummary  *summary,
             GError           **error)
{
  for (guint k = 0; k < card->categories->len; k++)
    {
      gint64 id = ensure_circle (self, g_ptr_array_index (card->categories, k), summary, error);

      if (id == 0)
        return FALSE;
      if (!bzw_contact_has_circle (contact, id))
        g_array_append_val (bzw_contact_get_circle_ids (contact), id);
    }

  return TRUE;
}

static gboolean
import_items (BzwImporter       *self,
              GHashTable        *imported,
              BzwImportSummary  *summary,
              GError           **error)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      g_autoptr(BzwContact) contact = NULL;

      if (item->action == BZW_IMPORT_ACTION_SKIP)
        {
          summary->skipped++;
          continue;
        }

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
          const char *uid;

          contact = bzw_contact_copy (item->card->contact);
          bzw_contact_set_id (contact, 0);
          /* Added as new beside a contact with the same UID: a new UID. */
          uid = bzw_contact_get_uid (contact);
          if (_bzw_import_keys_has_uid (self->keys, uid))
            bzw_contact_set_uid (contact, NULL);
          summary->added++;
        }

      if (!add_circles (self, contact, item->card, summary, error) ||
          !bzw_store_save_contact (self->store, contact, error))
        {
          g_prefix_error (error, _("Line %u: "), item->card->line);
          return FALSE;
        }

      if (bzw_contact_get_uid (item->card->contact) != NULL)
        g_hash_table_insert (imported, g_strdup (bzw_contact_get_uid (item->card->contact)),
                             id_dup (bzw_contact_get_id (contact)));
    }

  return TRUE;
}

static gboolean
import_groups (BzwImporter       *self,
               GHashTable        *imported,
               BzwImportSummary  *summary,
               GError           **error)
{
  for (guint i = 0; i < self->groups->len; i++)
    {
      BzwParsedCard *card = g_ptr_array_index (self->groups, i);
      g_autofree char *name = group_name (card);
      gint64 circle_id;

      if (name[0] == '\0')
        continue;

      circle_id = ensure_circle (self, name, summary, error);
      if (circle_id == 0)
        return FALSE;

      for (guint k = 0; k < card->members->len; k++)
        {
          const char *member = g_ptr_array_index (card->members, k);
          gint64 *id = g_hash_table_lookup (imported, member);
          gint64 contact_id = id != NULL ? *id : bzw_store_find_contact_by_uid (self->store, member);

          if (contact_id != 0 &&
              !bzw_store_set_circle_member (self->store, contact_id, circle_id, TRUE, error))
            return FALSE;
        }
    }

  return TRUE;
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

  /* A file of which nothing could be read fails as a whole. */
  if (self->items->len == 0 && self->groups->len == 0 && self->result->problems->len > 0)
    {
      const BzwParseProblem *first = g_ptr_array_index (self->result->problems, 0);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %u is a line number, %s the reason. */
                   _("No contact in the file could be read. Line %u: %s"), first->line, first->message);
      return FALSE;
    }

  /* The store may have changed since the preview. */
  collect_circles (self, NULL);

  if (!bzw_store_begin_bulk (self->store, error))
    return FALSE;

  /* Matched again inside the write transaction: two imports of one file at
   * once must not both add its contacts.
   */
  imported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ok = match_items (self, error) &&
       import_items (self, imported, &local, error) && import_groups (self, imported, &local, error);

  if (ok)
    ok = bzw_store_commit (self->store, error);
  else
    bzw_store_rollback (self->store);

  /* Ids of circles made in a rolled-back transaction mean nothing. */
  collect_circles (self, NULL);

  if (!ok)
    return FALSE;

  local.failed = bzw_parse_result_count_skipped (self->result);
  if (summary != NULL)
    *summary = local;

  g_debug ("Imported: %u added, %u merged, %u skipped, %u circles",
           local.added, local.merged, local.skipped, local.circles_created);
  return TRUE;
}

/**
 * bzw_importer_import_file:
 * @match_action: what to do with cards that match a contact
 * @summary: (out caller-allocates) (optional):
 * @problems: (out) (optional) (transfer container) (element-type BzwParseProblem):
 *   what could not be read
 *
 * Reads and imports a vCard or CSV file in one go, as `--import=FILE`
 * does.  On any error nothing is written.
 */
gboolean
bzw_importer_import_file (BzwStore          *store,
                          const char        *path,
                          BzwImportAction    match_action,
                          BzwImportSummary  *summary,
                          GPtrArray        **problems,
                          GError           **error)
{
  g_autoptr(BzwImporter) self = NULL;

  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  self = bzw_importer_new (store);
  if (!bzw_importer_load_file (self, path, error))
    return FALSE;

  if (problems != NULL)
    *problems = g_ptr_array_ref (self->result->problems);

  bzw_importer_set_match_action (self, match_action);
  return bzw_importer_import (self, summary, error);
}
