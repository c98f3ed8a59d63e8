/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "bzw-circle.h"
#include "bzw-contact.h"
#include "bzw-encounter.h"
#include "bzw-favour.h"
#include "bzw-id-set.h"
#include "bzw-name-order.h"
#include "bzw-referral.h"
#include "bzw-relationship.h"

G_BEGIN_DECLS

#define BZW_STORE_ERROR (bzw_store_error_quark ())

typedef enum
{
  BZW_STORE_ERROR_NOT_A_DATABASE,
  BZW_STORE_ERROR_CORRUPT,
  BZW_STORE_ERROR_TOO_NEW,
  BZW_STORE_ERROR_READ_ONLY,
  BZW_STORE_ERROR_LOCKED,
  BZW_STORE_ERROR_NOT_EMPTY,
  BZW_STORE_ERROR_NOT_FOUND,
  BZW_STORE_ERROR_INVALID,
  BZW_STORE_ERROR_FAILED,
} BzwStoreError;

typedef enum
{
  BZW_STORE_OPEN_DEFAULT = 0,
  BZW_STORE_OPEN_READ_ONLY = 1 << 0,
  BZW_STORE_OPEN_DEFER_CHECK = 1 << 1,
  /* Another connection of this process to a file it has open already (a
   * worker thread's): the file is not opened outside SQLite to be looked
   * at, since closing any descriptor of it drops the process's POSIX locks,
   * those of the open connection too.
   */
  BZW_STORE_OPEN_SECOND = 1 << 2,
} BzwStoreOpenFlags;

/* What a BzwStore::changed signal announces, as a mask. */
typedef enum
{
  BZW_STORE_CHANGE_CONTACTS      = 1 << 0,
  BZW_STORE_CHANGE_CIRCLES       = 1 << 1,
  BZW_STORE_CHANGE_RELATIONSHIPS = 1 << 2,
  BZW_STORE_CHANGE_JOURNAL       = 1 << 3,
  BZW_STORE_CHANGE_MAP           = 1 << 4,
} BzwStoreChange;

/* What the contact list shows. */
typedef struct
{
  const char *text;
  gint64      circle_id;
  gboolean    due_only;
  gboolean    online_only;
  gboolean    include_archived;
} BzwContactQuery;

/* One journal entry in the timeline. */
typedef struct
{
  BzwJournalKind kind;
  gint64         id;
  gint64         when;
} BzwJournalRef;

/* The key of an entry in the journal's search index: id * 4 + kind. */
static inline gint64
bzw_journal_ref_key (BzwJournalKind kind,
                     gint64         id)
{
  return id * 4 + kind;
}

typedef struct
{
  const char *text;
  gboolean    encounters;
  gboolean    favours;
  gboolean    referrals;
  gint64      contact_id;
} BzwJournalQuery;

/* What happens to journal entries when their contact is deleted. */
typedef enum
{
  BZW_DELETE_KEEP_ENTRIES,
  BZW_DELETE_WITH_ENTRIES,
} BzwDeleteMode;

typedef struct _BzwContactSnapshot BzwContactSnapshot;

/* A stored position on the relationship map. */
typedef struct
{
  gint64   contact_id;
  double   x;
  double   y;
  gboolean pinned;
} BzwMapPosition;

#define BZW_TYPE_STORE (bzw_store_get_type ())

G_DECLARE_FINAL_TYPE (BzwStore, bzw_store, BZW, STORE, GObject)

GQuark          bzw_store_error_quark             (void);
char           *bzw_store_dup_default_path        (void);
void            bzw_store_init_sqlite             (void);
BzwStore       *bzw_store_open                    (const char             *path,
                                                   BzwStoreOpenFlags       flags,
                                                   GError                **error);
void            bzw_store_close                   (BzwStore               *self);
const char     *bzw_store_get_path                (BzwStore               *self);
int             bzw_store_get_schema_version      (BzwStore               *self);
gboolean        bzw_store_is_read_only            (BzwStore               *self);
gboolean        bzw_store_check_other_processes   (BzwStore               *self);
void            bzw_store_watch_other_processes   (BzwStore               *self);
gboolean        bzw_store_is_empty                (BzwStore               *self);
gboolean        bzw_store_check_integrity         (BzwStore               *self,
                                                   gboolean                quick,
                                                   GError                **error);
gboolean        bzw_store_is_check_deferred       (BzwStore               *self);
gboolean        bzw_store_check_file              (const char             *path,
                                                   GError                **error);
gboolean        bzw_store_backup_to               (BzwStore               *self,
                                                   const char             *path,
                                                   GError                **error);

gboolean        bzw_store_begin                   (BzwStore               *self,
                                                   GError                **error);
gboolean        bzw_store_begin_bulk              (BzwStore               *self,
                                                   GError                **error);
gboolean        bzw_store_commit                  (BzwStore               *self,
                                                   GError                **error);
void            bzw_store_rollback                (BzwStore               *self);
gboolean        bzw_store_finish                  (BzwStore               *self,
                                                   gboolean                ok,
                                                   GError                **error);

char           *bzw_store_dup_setting             (BzwStore               *self,
                                                   const char             *key);
gboolean        bzw_store_set_setting             (BzwStore               *self,
                                                   const char             *key,
                                                   const char             *value,
                                                   GError                **error);
BzwNameOrder    bzw_store_get_name_order          (BzwStore               *self);
BzwNameOrder    bzw_store_get_name_display        (BzwStore               *self);
gboolean        bzw_store_set_name_display        (BzwStore               *self,
                                                   BzwNameOrder            display,
                                                   GError                **error);
gboolean        bzw_store_set_name_order          (BzwStore               *self,
                                                   BzwNameOrder            order,
                                                   GError                **error);

/* Contacts */
gboolean        bzw_store_save_contact            (BzwStore               *self,
                                                   BzwContact             *contact,
                                                   GError                **error);
BzwContact     *bzw_store_dup_contact             (BzwStore               *self,
                                                   gint64                  id,
                                                   GError                **error);
gboolean        bzw_store_delete_contact          (BzwStore               *self,
                                                   gint64                  id,
                                                   GError                **error);
BzwContactSnapshot *bzw_store_delete_contact_undoable (BzwStore           *self,
                                                       gint64              id,
                                                       BzwDeleteMode       mode,
                                                       GError            **error);
gboolean        bzw_store_restore_contact         (BzwStore               *self,
                                                   BzwContactSnapshot     *snapshot,
                                                   GError                **error);
gint64          bzw_contact_snapshot_get_contact_id (BzwContactSnapshot   *snapshot);
void            bzw_contact_snapshot_free         (BzwContactSnapshot     *snapshot);
GArray         *bzw_store_list_contact_ids        (BzwStore               *self,
                                                   const BzwContactQuery  *query,
                                                   GError                **error);
guint           bzw_store_count_contacts          (BzwStore               *self);
char           *bzw_store_dup_contact_name        (BzwStore               *self,
                                                   gint64                  id);
gint64          bzw_store_find_contact_by_name    (BzwStore               *self,
                                                   const char             *name);
gint64          bzw_store_find_contact_by_uid     (BzwStore               *self,
                                                   const char             *uid);

/* Circles */
gboolean        bzw_store_save_circle             (BzwStore               *self,
                                                   BzwCircle              *circle,
                                                   GError                **error);
gboolean        bzw_store_delete_circle           (BzwStore               *self,
                                                   gint64                  id,
                                                   GError                **error);
GPtrArray      *bzw_store_list_circles            (BzwStore               *self,
                                                   GError                **error);
gboolean        bzw_store_set_circle_member       (BzwStore               *self,
                                                   gint64                  contact_id,
                                                   gint64                  circle_id,
                                                   gboolean                member,
                                                   GError                **error);

/* Relationships */
gboolean        bzw_store_save_relationship       (BzwStore               *self,
                                                   BzwRelationship        *relationship,
                                                   GError                **error);
gboolean        bzw_store_delete_relationship     (BzwStore               *self,
                                                   gint64                  id,
                                                   GError                **error);
gint64          bzw_store_get_introducer          (BzwStore               *self,
                                                   gint64                  contact_id);
gboolean        bzw_store_set_introducer          (BzwStore               *self,
                                                   gint64                  contact_id,
                                                   gint64                  introducer_id,
                                                   GError                **error);
GPtrArray      *bzw_store_list_relationships      (BzwStore               *self,
                                                   gint64                  contact_id,
                                                   GError                **error);

/* Journal */
gboolean        bzw_store_save_encounter          (BzwStore               *self,
                                                   BzwEncounter           *encounter,
                                                   GError                **error);
BzwEncounter   *bzw_store_dup_encounter           (BzwStore               *self,
                                                   gint64                  id,
                                                   GError                **error);
gboolean        bzw_store_save_favour             (BzwStore               *self,
                                                   BzwFavour              *favour,
                                                   GError                **error);
BzwFavour      *bzw_store_dup_favour              (BzwStore               *self,
                                                   gint64                  id,
                                                   GError                **error);
gboolean        bzw_store_save_referral           (BzwStore               *self,
                                                   BzwReferral            *referral,
                                                   GError                **error);
BzwReferral    *bzw_store_dup_referral            (BzwStore               *self,
                                                   gint64                  id,
                                                   GError                **error);
gboolean        bzw_store_delete_journal_entry    (BzwStore               *self,
                                                   BzwJournalKind          kind,
                                                   gint64                  id,
                                                   GError                **error);
GArray         *bzw_store_list_journal            (BzwStore               *self,
                                                   const BzwJournalQuery  *query,
                                                   GError                **error);
int             bzw_store_list_journal_before     (BzwStore               *self,
                                                   BzwJournalKind          kind,
                                                   gint64                  contact_id,
                                                   gint64                 *before_when,
                                                   gint64                 *before_id,
                                                   guint                   limit,
                                                   GArray                 *refs,
                                                   GError                **error);
guint           bzw_store_count_journal           (BzwStore               *self);
gboolean        bzw_store_list_journal_entries    (BzwStore               *self,
                                                   BzwJournalKind          kind,
                                                   gint64                  contact_id,
                                                   GArray                 *ids,
                                                   GArray                 *refs,
                                                   GError                **error);
BzwIdSet       *bzw_store_match_journal           (BzwStore               *self,
                                                   const char             *text,
                                                   guint                  *n_by_kind,
                                                   GError                **error);
gboolean        bzw_store_advance_journal_entry   (BzwStore               *self,
                                                   BzwJournalKind          kind,
                                                   gint64                  id,
                                                   const char            **label,
                                                   GError                **error);

/* Map */
GArray         *bzw_store_list_map_positions      (BzwStore               *self,
                                                   GError                **error);
gboolean        bzw_store_save_map_positions      (BzwStore               *self,
                                                   const BzwMapPosition   *positions,
                                                   guint                   n_positions,
                                                   GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwContactSnapshot, bzw_contact_snapshot_free)

G_END_DECLS
