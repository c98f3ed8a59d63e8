/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-ical-journal.h"
#include "bzw-import-keys.h"
#include "bzw-importer.h"

G_BEGIN_DECLS

/* The parts of BzwImporter: bzw-importer.c reads, previews and imports
 * the cards (and an archive's journal); bzw-importer-circles.c makes the
 * circles of categories and group cards.
 */

typedef struct
{
  BzwParsedCard   *card;
  BzwImportMatch   match;
  gint64           match_id;
  BzwImportAction  action;
} BzwImportItem;

struct _BzwImporter
{
  GObject          parent_instance;

  BzwStore        *store;
  BzwImportFormat  format;
  BzwCsvReader    *csv;
  BzwParseResult  *result;
  BzwIcalJournal  *journal;  /* an archive's journal and relationships, or NULL */
  GArray          *items;    /* BzwImportItem */
  GPtrArray       *groups;   /* (element-type BzwParsedCard) borrowed from result */
  BzwImportKeys   *keys;
  BzwImportAction  match_action;
  gboolean         match_deferred;  /* no preview: match only inside the import's transaction */
  GHashTable      *circle_ids;  /* casefolded name → gint64 id */
};

gint64   *_bzw_importer_id_dup               (gint64             id);
gboolean  _bzw_importer_check_readable       (BzwImporter       *self,
                                              GError           **error);
gboolean  _bzw_importer_import_item          (BzwImporter       *self,
                                              BzwImportItem     *item,
                                              GHashTable        *imported,
                                              BzwImportSummary  *summary,
                                              GError           **error);
void      _bzw_importer_collect_circles      (BzwImporter       *self);
gboolean  _bzw_importer_add_circles          (BzwImporter       *self,
                                              BzwContact        *contact,
                                              BzwParsedCard     *card,
                                              BzwImportSummary  *summary,
                                              GError           **error);
gboolean  _bzw_importer_create_group_circles (BzwImporter       *self,
                                              BzwImportSummary  *summary,
                                              GError           **error);
gboolean  _bzw_importer_import_groups        (BzwImporter       *self,
                                              GHashTable        *imported,
                                              BzwImportSummary  *summary,
                                              GError           **error);

G_END_DECLS
