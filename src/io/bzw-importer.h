/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "bzw-csv-reader.h"
#include "bzw-parsed-card.h"
#include "bzw-store.h"

G_BEGIN_DECLS

#define BZW_IMPORT_MAX_FILE_SIZE (256 * 1024 * 1024)

/* How a card was recognised as a contact already in the store. */
typedef enum
{
  BZW_IMPORT_MATCH_NONE,
  BZW_IMPORT_MATCH_UID,
  BZW_IMPORT_MATCH_EMAIL,
  BZW_IMPORT_MATCH_NAME,
} BzwImportMatch;

typedef enum
{
  BZW_IMPORT_ACTION_ADD,
  BZW_IMPORT_ACTION_MERGE,
  BZW_IMPORT_ACTION_SKIP,
} BzwImportAction;

typedef enum
{
  BZW_IMPORT_FORMAT_NONE,
  BZW_IMPORT_FORMAT_VCARD,
  BZW_IMPORT_FORMAT_CSV,
  BZW_IMPORT_FORMAT_ARCHIVE,
} BzwImportFormat;

/* What an import did, for the command line and the toast. */
typedef struct
{
  guint added;
  guint merged;
  guint skipped;
  guint circles_created;
  guint failed;  /* cards that could not be read */
  guint entries;          /* journal entries of an archive added */
  guint relationships;    /* relationships of an archive added */
  guint entries_skipped;  /* entries and relationships already there */
  guint entries_failed;   /* entries and relationships that could not be read */
} BzwImportSummary;

#define BZW_TYPE_IMPORTER (bzw_importer_get_type ())

G_DECLARE_FINAL_TYPE (BzwImporter, bzw_importer, BZW, IMPORTER, GObject)

BzwImporter     *bzw_importer_new                (BzwStore           *store);
gboolean         bzw_importer_load_file          (BzwImporter        *self,
                                                  const char         *path,
                                                  GError            **error);
gboolean         bzw_importer_load_data          (BzwImporter        *self,
                                                  const char         *data,
                                                  gsize               length,
                                                  const char         *filename,
                                                  GError            **error);
gboolean         bzw_importer_set_result         (BzwImporter        *self,
                                                  BzwParseResult     *result,
                                                  GError            **error);
BzwImportFormat  bzw_importer_get_format         (BzwImporter        *self);
BzwCsvReader    *bzw_importer_get_csv_reader     (BzwImporter        *self);
gboolean         bzw_importer_reload_csv         (BzwImporter        *self,
                                                  GError            **error);

guint            bzw_importer_get_n_items        (BzwImporter        *self);
BzwParsedCard   *bzw_importer_get_item           (BzwImporter        *self,
                                                  guint               index);
BzwImportMatch   bzw_importer_get_item_match     (BzwImporter        *self,
                                                  guint               index);
gint64           bzw_importer_get_item_match_id  (BzwImporter        *self,
                                                  guint               index);
BzwImportAction  bzw_importer_get_item_action    (BzwImporter        *self,
                                                  guint               index);
void             bzw_importer_set_item_action    (BzwImporter        *self,
                                                  guint               index,
                                                  BzwImportAction     action);
void             bzw_importer_set_match_action   (BzwImporter        *self,
                                                  BzwImportAction     action);
char            *bzw_importer_dup_item_changes   (BzwImporter        *self,
                                                  guint               index);
guint            bzw_importer_count_action       (BzwImporter        *self,
                                                  BzwImportAction     action);
guint            bzw_importer_get_n_new          (BzwImporter        *self);
guint            bzw_importer_get_n_entries      (BzwImporter        *self);
guint            bzw_importer_get_n_relationships (BzwImporter     *self);
guint            bzw_importer_get_n_matches      (BzwImporter        *self);
guint            bzw_importer_get_n_groups       (BzwImporter        *self);
GPtrArray       *bzw_importer_get_problems       (BzwImporter        *self);
GPtrArray       *bzw_importer_dup_new_circles    (BzwImporter        *self);

gboolean         bzw_importer_import             (BzwImporter        *self,
                                                  BzwImportSummary   *summary,
                                                  GError            **error);
gboolean         bzw_importer_import_file        (BzwStore           *store,
                                                  const char         *path,
                                                  BzwImportAction     match_action,
                                                  BzwImportSummary   *summary,
                                                  GPtrArray         **problems,
                                                  GError            **error);

G_END_DECLS
