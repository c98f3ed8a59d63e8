/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-store.h"

G_BEGIN_DECLS

/* Why two contacts look like the same person, as a mask. */
typedef enum
{
  BZW_DUPLICATE_EMAIL = 1 << 0,
  BZW_DUPLICATE_NAME  = 1 << 1,
} BzwDuplicateReason;

/* Two contacts that are likely one person; @a_id < @b_id (first, for
 * bzw_id_pair_hash()). */
typedef struct
{
  gint64             a_id;
  gint64             b_id;
  BzwDuplicateReason reason;
} BzwDuplicatePair;

typedef struct _BzwMergeUndo BzwMergeUndo;

char         *bzw_duplicates_normalize_name       (const char    *name);
GArray       *bzw_store_find_duplicates           (BzwStore      *self,
                                                   GError       **error);
gboolean      bzw_store_merge_contacts            (BzwStore      *self,
                                                   gint64         keep_id,
                                                   gint64         other_id,
                                                   GError       **error);
BzwMergeUndo *bzw_store_merge_contacts_undoable   (BzwStore      *self,
                                                   gint64         keep_id,
                                                   gint64         other_id,
                                                   GError       **error);
gboolean      bzw_store_undo_merge                (BzwStore      *self,
                                                   BzwMergeUndo  *undo,
                                                   GError       **error);
gint64        bzw_merge_undo_get_kept_id          (BzwMergeUndo  *undo);
void          bzw_merge_undo_free                 (BzwMergeUndo  *undo);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwMergeUndo, bzw_merge_undo_free)

G_END_DECLS
