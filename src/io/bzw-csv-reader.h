/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "bzw-parsed-card.h"

G_BEGIN_DECLS

/* What a CSV column becomes.  Address parts with the same label form one
 * address; BZW_CSV_TARGET_NOTE keeps "Header: value" in the notes.
 */
typedef enum
{
  BZW_CSV_TARGET_IGNORE,
  BZW_CSV_TARGET_DISPLAY_NAME,
  BZW_CSV_TARGET_PREFIX,
  BZW_CSV_TARGET_GIVEN_NAME,
  BZW_CSV_TARGET_ADDITIONAL_NAMES,
  BZW_CSV_TARGET_FAMILY_NAME,
  BZW_CSV_TARGET_SUFFIX,
  BZW_CSV_TARGET_NICKNAME,
  BZW_CSV_TARGET_ORGANISATION,
  BZW_CSV_TARGET_DEPARTMENT,
  BZW_CSV_TARGET_ROLE,
  BZW_CSV_TARGET_BIRTHDAY,
  BZW_CSV_TARGET_NOTES,
  BZW_CSV_TARGET_NOTE,
  BZW_CSV_TARGET_EMAIL,
  BZW_CSV_TARGET_PHONE,
  BZW_CSV_TARGET_URL,
  BZW_CSV_TARGET_IMPP,
  BZW_CSV_TARGET_DATE,
  BZW_CSV_TARGET_RELATED,
  BZW_CSV_TARGET_PO_BOX,
  BZW_CSV_TARGET_EXTENDED_ADDRESS,
  BZW_CSV_TARGET_STREET,
  BZW_CSV_TARGET_CITY,
  BZW_CSV_TARGET_REGION,
  BZW_CSV_TARGET_POSTAL_CODE,
  BZW_CSV_TARGET_COUNTRY,
  BZW_CSV_TARGET_CATEGORIES,
  BZW_CSV_TARGET_MET_ON,
  BZW_CSV_TARGET_PHOTO_URI,
  BZW_CSV_TARGET_UID,
  BZW_CSV_N_TARGETS
} BzwCsvTarget;

#define BZW_CSV_MAX_COLUMNS 1024

#define BZW_TYPE_CSV_READER (bzw_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (BzwCsvReader, bzw_csv_reader, BZW, CSV_READER, GObject)

gboolean        bzw_csv_reader_looks_like       (const char    *data,
                                                 gsize          length);
BzwCsvReader   *bzw_csv_reader_new              (const char    *data,
                                                 gsize          length,
                                                 GError       **error);
guint           bzw_csv_reader_get_n_columns    (BzwCsvReader  *self);
guint           bzw_csv_reader_get_n_rows       (BzwCsvReader  *self);
const char     *bzw_csv_reader_get_header       (BzwCsvReader  *self,
                                                 guint          column);
const char     *bzw_csv_reader_get_sample       (BzwCsvReader  *self,
                                                 guint          column);
BzwCsvTarget    bzw_csv_reader_get_target       (BzwCsvReader  *self,
                                                 guint          column);
const char     *bzw_csv_reader_get_label        (BzwCsvReader  *self,
                                                 guint          column);
void            bzw_csv_reader_set_target       (BzwCsvReader  *self,
                                                 guint          column,
                                                 BzwCsvTarget   target,
                                                 const char    *label);
const char     *bzw_csv_reader_get_format       (BzwCsvReader  *self);
char            bzw_csv_reader_get_delimiter    (BzwCsvReader  *self);
const char     *bzw_csv_reader_get_encoding     (BzwCsvReader  *self);
guint           bzw_csv_reader_get_header_line  (BzwCsvReader  *self);
BzwParseResult *bzw_csv_reader_read_cards       (BzwCsvReader  *self);
const char     *bzw_csv_target_get_title        (BzwCsvTarget   target);

G_END_DECLS
