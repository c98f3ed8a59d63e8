/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

#include "bzw-parsed-card.h"

G_BEGIN_DECLS

/* The parts of the vCard reader: bzw-vcard-lines.c cuts bytes into
 * property lines and decodes values, bzw-vcard-fields.c turns a line into
 * a labelled field or keeps it verbatim, bzw-vcard-reader.c reads the
 * properties of a card.
 */

typedef struct
{
  char      *key;     /* upper-case */
  GPtrArray *values;  /* (element-type utf8) */
} BzwVcardParam;

typedef struct
{
  guint      line;
  char      *group;
  char      *name;
  char      *uname;
  GPtrArray *params;
  char      *value;
  gsize      value_len;
  char      *raw;
  gsize      raw_len;
  gboolean   normalize;
} BzwVcardLine;

typedef struct
{
  GString  *text;
  guint     line;
  gboolean  too_long;
  gboolean  params_known;
  gboolean  is_qp;
  gboolean  is_base64;
} BzwVcardLogical;

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  guint       line;
  /* The next physical line, once peeked. */
  gboolean    peeked;
  const char *peek_start;
  gsize       peek_len;
  guint       peek_line;
} BzwVcardCursor;

typedef struct
{
  BzwParseResult *result;
  BzwParsedCard  *card;
  GPtrArray      *lines;
  GHashTable     *group_labels;
  GHashTable     *used_groups;
  GString        *extra;
  GString        *notes;
  int             version;
  gboolean        has_title;
  gboolean        has_photo;
} BzwVcardCard;

void          _bzw_vcard_line_free        (gpointer data);
gboolean      _bzw_vcard_contains_ci      (const char *haystack,
                                           gsize       len,
                                           const char *needle);
gboolean      _bzw_vcard_is_base64_line   (const char *s,
                                           gsize       len);
gboolean      _bzw_vcard_next_logical     (BzwVcardCursor  *c,
                                           BzwVcardLogical *l);
guint         _bzw_vcard_count_lines      (const char      *data,
                                           gsize            length);
guint         _bzw_vcard_parse_range      (BzwParseResult  *result,
                                           const char      *data,
                                           gsize            length,
                                           guint            first_line);
gsize         _bzw_vcard_find_split       (const char      *data,
                                           gsize            length,
                                           gsize            from);
void          _bzw_vcard_parse_parallel   (BzwParseResult  *result,
                                           const char      *data,
                                           gsize            length);
BzwVcardLine *_bzw_vcard_parse_line       (const char  *s,
                                           gsize        len,
                                           guint        lineno,
                                           const char **reason);
const char   *_bzw_vcard_line_get_param   (BzwVcardLine *line,
                                           const char   *key);
GPtrArray    *_bzw_vcard_line_get_types   (BzwVcardLine *line);
gboolean      _bzw_vcard_line_has_type    (BzwVcardLine *line,
                                           const char   *type);
gboolean      _bzw_vcard_line_is_encoding (BzwVcardLine *line,
                                           const char   *a,
                                           const char   *b);
GByteArray   *_bzw_vcard_qp_decode        (const char *s,
                                           gsize       len);
char         *_bzw_vcard_unescape         (const char *s);
GPtrArray    *_bzw_vcard_split_unescape   (const char *s,
                                           char        sep);
char         *_bzw_vcard_strip_dup        (const char *s);
void          _bzw_vcard_protect_backslashes (char **text);
char         *_bzw_vcard_group_key        (const char *group);
void          _bzw_vcard_add_field        (BzwVcardCard *ctx,
                                           BzwVcardLine *line,
                                           BzwFieldKind  kind,
                                           const char   *value,
                                           const char   *fallback_label);
void          _bzw_vcard_keep_line        (BzwVcardCard *ctx,
                                           BzwVcardLine *line);
char         *_bzw_vcard_line_dup_text    (BzwVcardLine *line);
GBytes       *_bzw_vcard_base64_decode_bounded (const char *s,
                                                gsize       len,
                                                gsize       max);
void          _bzw_vcard_read_photo       (BzwVcardCard *ctx,
                                           BzwVcardLine *line);

G_END_DECLS
