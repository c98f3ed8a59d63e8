/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-csv-reader.h"

G_BEGIN_DECLS

/* The parts of the CSV reader: bzw-csv-rows.c turns bytes into rows of
 * fields, bzw-csv-reader.c maps the header to columns, bzw-csv-card.c
 * turns a row into a card.
 */

typedef struct
{
  char         *header;
  BzwCsvTarget  target;
  char         *label;
  char         *slot;          /* groups address parts and labels */
  int           label_column;  /* a column holding this one's label, or -1 */
} Column;

struct _BzwCsvReader
{
  GObject     parent_instance;

  GPtrArray  *rows;        /* (element-type GPtrArray<utf8>) data rows */
  GArray     *row_lines;   /* guint: the line each data row starts on */
  GArray     *columns;     /* Column */
  guint       header_line;
  char        delimiter;
  const char *encoding;
  const char *format;
  char       *met_how;
};

char      *_bzw_csv_decode_bytes     (const char  *data,
                                      gsize        length,
                                      const char **encoding);
char       _bzw_csv_detect_delimiter (const char *text);
GPtrArray *_bzw_csv_split_rows       (const char *text,
                                      char        delimiter,
                                      GArray     *lines,
                                      guint      *unclosed_line);
void       _bzw_csv_read_row         (BzwCsvReader   *self,
                                      BzwParseResult *result,
                                      GPtrArray      *row,
                                      guint           line);

G_END_DECLS
