/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <sqlite3.h>

#include "bzw-name-order.h"
#include "bzw-store.h"

G_BEGIN_DECLS


struct _BzwStore
{
  GObject         parent_instance;

  sqlite3        *db;
  char           *path;
  GHashTable     *statements;
  gboolean        read_only;
  gboolean        check_deferred;
  guint           depth;
  gboolean        bulk;
  gboolean        doomed;
  gboolean        checks_off;       /* bzw-store-sql.c */
  gboolean        unchecked_rows;
  GPtrArray      *suspended_triggers;
  gint64          bulk_max_contact; /* the largest ids when the bulk write began */
  gint64          bulk_max_field;
  GArray         *bulk_noted;       /* contacts written in bulk past the ids above */
  BzwStoreChange  pending;
  gint64          pending_id;
  guint           watch_id;         /* bzw-store-watch.c */
  gint64          watched_version;
  gint64          watch_announced;  /* monotonic µs of the last announcement */
  gint64          watch_seen;       /* monotonic µs of the last change seen */
  gboolean        watch_pending;    /* seen, not announced yet */
  gboolean        watch_fast;       /* looking at the short interval */
  BzwNameOrder    name_order;

  /* Every contact in list order, for search as you type
   * (bzw-store-contacts.c); valid while no row of this connection and no
   * commit of another one has changed since it was read.
   */
  GArray         *contact_order;
  gint64          contact_order_changes;
  gint64          contact_order_data_version;
};

/* A contact's own columns, in the order _bzw_store_read_contact_columns()
 * reads them (then BZW_LAST_ENCOUNTER_SQL); @photo is the column of the photo, or "NULL" where a query
 * does not need it.
 */
#define BZW_CONTACT_COLUMNS(photo) \
  "id, uid, created, modified, display_name, prefix, given_name, additional_names, " \
  "family_name, suffix, nickname, organisation, role, birthday, " photo ", photo_uri, " \
  "met_how, met_on, met_in_person, offers, seeks, trust, trust_for, " \
  "interval_ideal_days, interval_max_days, notes, archived, extra, department, " \
  "follow_up_on, follow_up_note, snoozed_until"

/* The last real encounter with the contact c of a query. */
#define BZW_LAST_ENCOUNTER_SQL \
  "(SELECT max (e.happened_at) FROM encounter_participants p " \
  " JOIN encounters e ON e.id = p.encounter_id WHERE p.contact_id = c.id)"

/* Binds the columns of @object from ?4 on (see _bzw_store_write_row()). */
typedef void (*BzwBindFunc) (sqlite3_stmt *stmt,
                             gpointer      object);

/* How _bzw_store_save_row() writes the row of one model type. */
typedef struct
{
  const char      *insert_sql;  /* ?1 id, ?2 uid, ?3 now, the rest by @bind */
  const char      *update_sql;
  BzwBindFunc      bind;
  BzwStoreChange   what;        /* announced when the row is saved */
  gboolean         journal;     /* an entry of the journal: a new one takes
                                 * a tombstone of its uid back (an undo), and
                                 * the change is announced without an id */
  /* Writes what belongs to the row, once it has its id; may be NULL. */
  gboolean       (*after)       (BzwStore  *self,
                                 GObject   *object,
                                 GError   **error);
} BzwRowSave;

/* How _bzw_store_read_rows() stores a column in a row struct. */
typedef enum
{
  BZW_COLUMN_SKIP,    /* read by the finish function, or not at all */
  BZW_COLUMN_INT,     /* int (or guint, enum) */
  BZW_COLUMN_INT64,   /* gint64 */
  BZW_COLUMN_DOUBLE,  /* double */
  BZW_COLUMN_TEXT,    /* char *, a copy; NULL for SQL NULL */
} BzwColumnType;

typedef struct
{
  BzwColumnType type;
  gsize         offset;
} BzwColumn;

#define BZW_COLUMN(Struct, member, type) { (type), G_STRUCT_OFFSET (Struct, member) }

typedef void (*BzwRowFunc) (sqlite3_stmt *stmt,
                            gpointer      row);

/* A query's columns in a row struct, and what logs a failing step. */
typedef struct
{
  const BzwColumn *columns;
  guint            n_columns;
  BzwRowFunc       finish;  /* for BZW_COLUMN_SKIP columns; may be NULL */
  const char      *what;
} BzwRowReader;

#define BZW_ROW_READER(columns, finish, what) { (columns), G_N_ELEMENTS (columns), (finish), (what) }

gboolean      _bzw_store_sort_keys_current (BzwStore      *self);
gboolean      _bzw_store_refresh_sort_keys (BzwStore      *self,
                                            GError       **error);
void          _bzw_store_read_name_order   (BzwStore      *self);
sqlite3_stmt *_bzw_store_prepare_unchecked (BzwStore      *self,
                                            const char    *sql,
                                            GError       **error);
gboolean      _bzw_store_restore_checks    (BzwStore      *self,
                                            GError       **error);
gboolean      _bzw_store_verify_unchecked  (BzwStore      *self,
                                            GError       **error);
sqlite3_stmt *_bzw_store_prepare         (BzwStore      *self,
                                          const char    *sql,
                                          GError       **error);
gboolean      _bzw_store_step_done       (BzwStore      *self,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);
void          _bzw_store_forget_caches   (BzwStore      *self);
gint64        _bzw_store_data_version    (BzwStore      *self);
gboolean      _bzw_store_exec            (BzwStore      *self,
                                          const char    *sql,
                                          GError       **error);
gboolean      _bzw_store_set_error       (BzwStore      *self,
                                          GError       **error,
                                          const char    *what);
gboolean      _bzw_store_write_id        (BzwStore      *self,
                                          const char    *sql,
                                          gint64         id,
                                          BzwStoreChange what,
                                          gint64         changed_id,
                                          GError       **error);
void          _bzw_store_note_contact    (BzwStore      *self,
                                          gint64         contact_id);
void          _bzw_store_changed         (BzwStore      *self,
                                          BzwStoreChange what,
                                          gint64         id);
void          _bzw_store_bind_text       (sqlite3_stmt  *stmt,
                                          int            index,
                                          const char    *text);
void          _bzw_store_bind_text_static (sqlite3_stmt  *stmt,
                                           int            index,
                                           const char    *text);
void          _bzw_store_bind_id         (sqlite3_stmt  *stmt,
                                          int            index,
                                          gint64         id);
const char   *_bzw_store_column_text     (sqlite3_stmt  *stmt,
                                          int            column);
char         *_bzw_store_column_dup_text (sqlite3_stmt  *stmt,
                                          int            column);
gint64        _bzw_store_step_int64      (sqlite3_stmt  *stmt,
                                          gint64         fallback);
gboolean      _bzw_store_finish_rows     (BzwStore      *self,
                                          sqlite3_stmt  *stmt,
                                          int            rc,
                                          const char    *what,
                                          GError       **error);
gint64        _bzw_store_now             (void);
gboolean      _bzw_store_validate_date   (const char    *text,
                                          const char    *what,
                                          GError       **error);
gboolean      _bzw_store_update_sort_key (BzwStore      *self,
                                          BzwContact    *contact,
                                          GError       **error);
/* Row helpers (bzw-store-sql.c): read and write whole rows. */
gboolean      _bzw_store_read_rows       (BzwStore            *self,
                                          sqlite3_stmt        *stmt,
                                          GArray              *rows,
                                          const BzwRowReader  *reader,
                                          GError             **error);
int           _bzw_store_read_int        (sqlite3       *db,
                                          const char    *sql,
                                          int           *value);
void          _bzw_store_ensure_uid      (GObject       *object);
sqlite3_stmt *_bzw_store_read_row        (BzwStore      *self,
                                          const char    *sql,
                                          gint64         id,
                                          const char    *gone,
                                          const char    *what,
                                          GError       **error);
gboolean      _bzw_store_write_row       (BzwStore      *self,
                                          GObject       *object,
                                          const char    *sql,
                                          BzwBindFunc    bind,
                                          GError       **error);
gboolean      _bzw_store_save_row        (BzwStore          *self,
                                          GObject           *object,
                                          const BzwRowSave  *how,
                                          GError           **error);
void          _bzw_store_read_contact_columns (sqlite3_stmt *stmt,
                                               BzwContact   *contact);
BzwContactSnapshot *_bzw_store_capture_contact (BzwStore  *self,
                                                gint64     id,
                                                GError   **error);

G_END_DECLS
