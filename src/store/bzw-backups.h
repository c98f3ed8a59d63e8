/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-store.h"

G_BEGIN_DECLS

/* Why a backup was made; the part of its file name after the database's. */
typedef enum
{
  BZW_BACKUP_DAILY,    /* automatic, at most once a day, rotated */
  BZW_BACKUP_MANUAL,   /* "Sicherung erstellen…" */
  BZW_BACKUP_UPDATE,   /* before a schema migration */
  BZW_BACKUP_RESTORE,  /* the file a restore replaced */
} BzwBackupKind;

typedef struct
{
  char          *path;
  BzwBackupKind  kind;
  GDateTime     *created;         /* UTC */
  goffset        size;
  int            schema_version;  /* -1 when the file cannot be read */
  int            n_contacts;      /* -1 when the file cannot be read */
} BzwBackupInfo;

/* What a window can offer when a database cannot be opened. */
typedef enum
{
  BZW_RECOVERY_NONE           = 0,
  BZW_RECOVERY_RESTORE_BACKUP = 1 << 0,
  BZW_RECOVERY_OPEN_OTHER     = 1 << 1,
  BZW_RECOVERY_OPEN_READ_ONLY = 1 << 2,
  BZW_RECOVERY_TRY_AGAIN      = 1 << 3,
} BzwRecoveryActions;

#define BZW_BACKUPS_DAILY_KEPT  7
#define BZW_BACKUPS_WEEKLY_KEPT 4

#define BZW_TYPE_BACKUP_INFO (bzw_backup_info_get_type ())

GType               bzw_backup_info_get_type        (void) G_GNUC_CONST;
BzwBackupInfo      *bzw_backup_info_copy            (const BzwBackupInfo  *info);
void                bzw_backup_info_free            (BzwBackupInfo        *info);
const char         *bzw_backup_kind_get_label       (BzwBackupKind         kind);

char               *bzw_backups_dup_dir             (const char           *store_path);
GPtrArray          *bzw_backups_list                (const char           *store_path,
                                                     GError              **error);
char               *bzw_backups_create_now          (BzwStore             *store,
                                                     GError              **error);
char               *bzw_backups_create              (BzwStore             *store,
                                                     BzwBackupKind         kind,
                                                     GDateTime            *now,
                                                     GError              **error);
gboolean            bzw_backups_maybe_daily         (BzwStore             *store,
                                                     GDateTime            *now,
                                                     char                **created_path,
                                                     GError              **error);
gboolean            bzw_backups_rotate              (const char           *store_path,
                                                     GError              **error);
gboolean            bzw_backups_check_file          (const char           *path,
                                                     gboolean              full,
                                                     int                  *schema_version,
                                                     int                  *n_contacts,
                                                     GError              **error);
gboolean            bzw_backups_restore             (const char           *store_path,
                                                     const char           *backup_path,
                                                     GDateTime            *now,
                                                     char                **previous_path,
                                                     GError              **error);
BzwRecoveryActions  bzw_backups_get_recovery_actions (const char          *store_path,
                                                      const GError        *error);
const char         *bzw_backups_get_recovery_heading (const GError        *error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwBackupInfo, bzw_backup_info_free)

G_END_DECLS
