/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-vcard-reader"

#include "config.h"

#include "bzw-vcard-reader.h"

#include "bzw-io-util.h"
#include "bzw-vcard-private.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

/* The reader works in three steps.  bzw-vcard-lines.c cuts the bytes into
 * logical lines and splits each into group, name, parameters and raw
 * value.  The lines between BEGIN:VCARD and END:VCARD then become a
 * contact here, decoding and unescaping each value the way its property
 * needs.  Lines the model has no place for are kept verbatim in the
 * contact's "extra" (bzw-vcard-fields.c).
 */

/* Decodes base64, skipping whitespace and noise.  Returns NULL when the
 * result would be larger than @max.
 */
GBytes *
_bzw_vcard_base64_decode_bounded (const char *s,
                                  gsize       len,
                                  gsize       max)
{
  gsize n_chars = 0;
  guchar *buffer;
  gsize out_len;
  int state = 0;
  guint save = 0;

  /* Every character GLib's decoder does not skip, "=" included. */
  for (gsize i = 0; i < len; i++)
    if (g_ascii_isalnum (s[i]) || s[i] == '+' || s[i] == '/' || s[i] == '=')
      n_chars++;

  if (n_chars / 4 * 3 > max)
    return NULL;

  buffer = g_malloc (n_chars / 4 * 3 + 3);
  out_len = g_base64_decode_step (s, len, buffer, &state, &save);
  return g_bytes_new_take (buffer, out_len);
}

/* The value as UTF-8 text, decoded from quoted-printable or base64 and
 * converted from its charset, but still escaped.
 */
char *
_bzw_vcard_line_dup_text (BzwVcardLine *line)
{
  const char *charset = _bzw_vcard_line_get_param (line, "CHARSET");

  if (_bzw_vcard_line_is_encoding (line, "QUOTED-PRINTABLE", "QP"))
    {
      g_autoptr(GByteArray) bytes = _bzw_vcard_qp_decode (line->value, line->value_len);

      return bzw_io_to_utf8 ((const char *) bytes->data, bytes->len, charset);
    }

  if (_bzw_vcard_line_is_encoding (line, "B", "BASE64"))
    {
      g_autoptr(GBytes) bytes = _bzw_vcard_base64_decode_bounded (line->value, line->value_len,
                                                       BZW_VCARD_MAX_LINE_SIZE);
      gsize size;
      const char *data;

      if (bytes == NULL)
        return g_strdup ("");
      data = g_bytes_get_data (bytes, &size);
      return bzw_io_to_utf8 (data, size, charset);
    }

  return bzw_io_to_utf8 (line->value, line->value_len, charset);
}

/* Properties */

static void
read_name (BzwVcardCard *ctx,
           const char   *text)
{
  g_autoptr(GPtrArray) parts = _bzw_vcard_split_unescape (text, ';');
  BzwContact *c = ctx->card->contact;
  char *values[5] = { NULL, };

  for (guint i = 0; i < MIN (parts->len, 5); i++)
    values[i] = g_strstrip ((char *) g_ptr_array_index (parts, i));

  bzw_contact_set_family_name (c, values[0]);
  bzw_contact_set_given_name (c, values[1]);
  bzw_contact_set_additional_names (c, values[2]);
  bzw_contact_set_prefix (c, values[3]);
  bzw_contact_set_suffix (c, values[4]);
}

static char *
join_nonempty (GPtrArray  *parts,
               const char *sep)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < parts->len; i++)
    {
      char *part = g_strstrip ((char *) g_ptr_array_index (parts, i));

      if (part[0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, sep);
      g_string_append (out, part);
    }

  return g_string_free (out, FALSE);
}

static void
read_address (BzwVcardCard *ctx,
              BzwVcardLine *line,
              const char   *text)
{
  g_autoptr(GPtrArray) parts = _bzw_vcard_split_unescape (text, ';');
  GString *value = g_string_new (NULL);
  gboolean empty = TRUE;

  for (guint i = 0; i < 7; i++)
    {
      const char *part = i < parts->len ? g_strstrip ((char *) g_ptr_array_index (parts, i)) : "";

      if (i > 0)
        g_string_append (value, BZW_ADDRESS_SEPARATOR);
      g_string_append (value, part);
      if (part[0] != '\0')
        empty = FALSE;
    }

  if (!empty)
    _bzw_vcard_add_field (ctx, line, BZW_FIELD_ADDRESS, value->str, NULL);
  g_string_free (value, TRUE);
}

/* "ORG:Firma;Einkauf;Team Nord": the organisation and its units, which
 * the department keeps joined by BZW_DEPARTMENT_SEPARATOR.  A second ORG
 * is kept as it is.
 */
static void
read_organisation (BzwVcardCard *ctx,
                   BzwVcardLine *line,
                   const char   *text)
{
  BzwContact *c = ctx->card->contact;
  g_autoptr(GPtrArray) parts = _bzw_vcard_split_unescape (text, ';');
  g_autoptr(GPtrArray) units = g_ptr_array_new ();
  g_autofree char *department = NULL;
  char *org;

  if (bzw_contact_get_organisation (c) != NULL || bzw_contact_get_department (c) != NULL)
    {
      _bzw_vcard_keep_line (ctx, line);
      return;
    }

  org = g_strstrip ((char *) g_ptr_array_index (parts, 0));
  for (guint i = 1; i < parts->len; i++)
    g_ptr_array_add (units, g_ptr_array_index (parts, i));
  department = join_nonempty (units, BZW_DEPARTMENT_SEPARATOR);

  bzw_contact_set_organisation (c, org);
  bzw_contact_set_department (c, department);
}

static int
omit_year (BzwVcardLine *line)
{
  const char *omit = _bzw_vcard_line_get_param (line, "X-APPLE-OMIT-YEAR");

  return omit != NULL ? atoi (omit) : 0;
}

static void
read_date_field (BzwVcardCard *ctx,
                 BzwVcardLine *line,
                 const char   *text,
                 const char   *fallback_label)
{
  g_autofree char *date = bzw_io_parse_date (text, omit_year (line));

  if (date == NULL)
    {
      _bzw_vcard_keep_line (ctx, line);
      return;
    }

  _bzw_vcard_add_field (ctx, line, BZW_FIELD_DATE, date, fallback_label);
}

static void
append_note (BzwVcardCard *ctx,
             const char   *text)
{
  if (text[0] == '\0')
    return;
  if (ctx->notes->len > 0)
    g_string_append (ctx->notes, "\n\n");
  g_string_append (ctx->notes, text);
}

static gboolean
parse_int (const char *text,
           int         min,
           int         max,
           int        *value)
{
  char *end = NULL;
  gint64 v;

  v = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || v < min || v > max)
    return FALSE;

  *value = v;
  return TRUE;
}

/* X-BZW-MET-ON, X-BZW-FOLLOW-UP-ON, X-BZW-SNOOZED-UNTIL: a calendar day. */
static gboolean
read_bzw_date (BzwContact *c,
               const char *name,
               const char *text)
{
  g_autofree char *date = bzw_io_parse_date (text, 0);

  if (date == NULL)
    return FALSE;
  if (strcmp (name, "MET-ON") == 0)
    bzw_contact_set_met_on (c, date);
  else if (date[0] == '-')
    return FALSE;  /* a follow-up or snooze needs its year */
  else if (strcmp (name, "FOLLOW-UP-ON") == 0)
    bzw_contact_set_follow_up_on (c, date);
  else
    bzw_contact_set_snoozed_until (c, date);
  return TRUE;
}

/* Our own properties, so an export of this app reads back whole. */
static gboolean
read_bzw_property (BzwVcardCard *ctx,
                   BzwVcardLine *line,
                   const char   *text)
{
  BzwContact *c = ctx->card->contact;
  const char *name = line->uname + strlen ("X-BZW-");
  int v;

  if (strcmp (name, "MET-HOW") == 0)
    bzw_contact_set_met_how (c, text);
  else if (strcmp (name, "OFFERS") == 0)
    bzw_contact_set_offers (c, text);
  else if (strcmp (name, "SEEKS") == 0)
    bzw_contact_set_seeks (c, text);
  else if (strcmp (name, "TRUST-FOR") == 0)
    bzw_contact_set_trust_for (c, text);
  else if (strcmp (name, "FOLLOW-UP-NOTE") == 0)
    bzw_contact_set_follow_up_note (c, text);
  else if (strcmp (name, "MET-ON") == 0 || strcmp (name, "FOLLOW-UP-ON") == 0 ||
           strcmp (name, "SNOOZED-UNTIL") == 0)
    return read_bzw_date (c, name, text);
  else if (strcmp (name, "MET-IN-PERSON") == 0 && parse_int (text, 0, 1, &v))
    bzw_contact_set_met_in_person (c, v);
  else if (strcmp (name, "ARCHIVED") == 0 && parse_int (text, 0, 1, &v))
    bzw_contact_set_archived (c, v);
  else if (strcmp (name, "TRUST") == 0 && parse_int (text, BZW_TRUST_UNKNOWN, BZW_TRUST_YES, &v))
    bzw_contact_set_trust (c, v);
  else if (strcmp (name, "INTERVAL-IDEAL") == 0 && parse_int (text, 1, 100000, &v))
    bzw_contact_set_interval_ideal (c, v);
  else if (strcmp (name, "INTERVAL-MAX") == 0 && parse_int (text, 1, 100000, &v))
    bzw_contact_set_interval_max (c, v);
  else if (strcmp (name, "COLOR") == 0 && ctx->card->is_group && ctx->card->color == NULL)
    ctx->card->color = g_strdup (text);
  else if (strcmp (name, "POSITION") == 0 && ctx->card->is_group && parse_int (text, 0, G_MAXINT, &v))
    ctx->card->position = v;
  else if (strcmp (name, "LEAD-DAYS") == 0 && ctx->card->is_group && parse_int (text, 0, 365, &v))
    ctx->card->lead_days = v;
  else
    return FALSE;

  return TRUE;
}

/* UID and MEMBER name a card by its UID, with or without the URN prefix. */
static inline const char *
strip_urn_uuid (char *text)
{
  const char *uid = g_strstrip (text);

  if (g_ascii_strncasecmp (uid, "urn:uuid:", 9) == 0)
    uid += 9;
  return uid;
}

/* A field whose value is taken as it is, when there is one. */
static inline void
add_nonempty_field (BzwVcardCard *ctx,
                    BzwVcardLine *line,
                    BzwFieldKind  kind,
                    char         *text)
{
  if (g_strstrip (text)[0] != '\0')
    _bzw_vcard_add_field (ctx, line, kind, text, NULL);
}

/* N, ADR, ORG, CATEGORIES, NICKNAME: split before unescaping, so "\;" stays in its part. */
static gboolean
read_structured (BzwVcardCard *ctx,
                 BzwVcardLine *line,
                 const char   *name,
                 const char   *escaped)
{
  if (strcmp (name, "N") == 0)
    read_name (ctx, escaped);
  else if (strcmp (name, "ADR") == 0)
    read_address (ctx, line, escaped);
  else if (strcmp (name, "ORG") == 0)
    read_organisation (ctx, line, escaped);
  else if (strcmp (name, "CATEGORIES") == 0)
    {
      g_autoptr(GPtrArray) parts = _bzw_vcard_split_unescape (escaped, ',');

      for (guint i = 0; i < parts->len; i++)
        bzw_parsed_card_add_category (ctx->card, g_ptr_array_index (parts, i));
    }
  else if (strcmp (name, "NICKNAME") == 0)
    {
      g_autoptr(GPtrArray) parts = _bzw_vcard_split_unescape (escaped, ',');
      g_autofree char *nick = join_nonempty (parts, ", ");

      if (bzw_contact_get_nickname (ctx->card->contact) == NULL)
        bzw_contact_set_nickname (ctx->card->contact, nick);
      else
        _bzw_vcard_keep_line (ctx, line);
    }
  else
    return FALSE;

  return TRUE;
}

/* The contact's single values; FALSE for any other property or a repeat the caller keeps. */
static gboolean
read_single (BzwVcardCard *ctx,
             BzwVcardLine *line,
             const char   *name,
             char         *text)
{
  BzwContact *c = ctx->card->contact;

  if (strcmp (name, "FN") == 0)
    {
      g_strstrip (text);
      if (bzw_contact_get_display_name (c) == NULL)
        bzw_contact_set_display_name (c, text);
      else
        _bzw_vcard_keep_line (ctx, line);
    }
  else if (strcmp (name, "TITLE") == 0 && bzw_contact_get_role (c) == NULL)
    bzw_contact_set_role (c, g_strstrip (text));
  else if (strcmp (name, "ROLE") == 0 && !ctx->has_title && bzw_contact_get_role (c) == NULL)
    bzw_contact_set_role (c, g_strstrip (text));
  else if (strcmp (name, "NOTE") == 0)
    append_note (ctx, text);
  else if (strcmp (name, "UID") == 0 && bzw_contact_get_uid (c) == NULL)
    {
      const char *uid = strip_urn_uuid (text);

      if (uid[0] != '\0')
        bzw_contact_set_uid (c, uid);
    }
  else if (strcmp (name, "BDAY") == 0 && bzw_contact_get_birthday (c) == NULL)
    {
      g_autofree char *date = bzw_io_parse_date (text, omit_year (line));

      if (date != NULL)
        bzw_contact_set_birthday (c, date);
      else
        _bzw_vcard_keep_line (ctx, line);
    }
  else
    return FALSE;

  return TRUE;
}

/* The properties that become the contact's labelled fields; FALSE for any other. */
static gboolean
read_field (BzwVcardCard *ctx,
            BzwVcardLine *line,
            const char   *name,
            char         *text)
{
  if (strcmp (name, "EMAIL") == 0)
    {
      char *value = g_strstrip (text);

      if (g_ascii_strncasecmp (value, "mailto:", 7) == 0)
        value += 7;
      if (strchr (value, '@') != NULL)
        _bzw_vcard_add_field (ctx, line, BZW_FIELD_EMAIL, value, NULL);
      else if (value[0] != '\0')
        _bzw_vcard_keep_line (ctx, line);
    }
  else if (strcmp (name, "TEL") == 0)
    {
      char *value = g_strstrip (text);

      if (g_ascii_strncasecmp (value, "tel:", 4) == 0)
        value += 4;
      if (value[0] != '\0')
        _bzw_vcard_add_field (ctx, line, BZW_FIELD_PHONE, value, NULL);
    }
  else if (strcmp (name, "URL") == 0)
    add_nonempty_field (ctx, line, BZW_FIELD_URL, text);
  else if (strcmp (name, "IMPP") == 0)
    add_nonempty_field (ctx, line, BZW_FIELD_IMPP, text);
  else if (strcmp (name, "ANNIVERSARY") == 0 || strcmp (name, "X-ANNIVERSARY") == 0 ||
           strcmp (name, "X-EVOLUTION-ANNIVERSARY") == 0)
    read_date_field (ctx, line, text, "anniversary");
  else if (strcmp (name, "X-ABDATE") == 0)
    read_date_field (ctx, line, text, NULL);
  else if (strcmp (name, "RELATED") == 0 || strcmp (name, "X-ABRELATEDNAMES") == 0)
    add_nonempty_field (ctx, line, BZW_FIELD_RELATED, text);
  else
    return FALSE;

  return TRUE;
}

/* A circle's card and its members, in vCard 4.0's words or Apple's; FALSE for any other. */
static gboolean
read_group_property (BzwVcardCard *ctx,
                     BzwVcardLine *line,
                     const char   *name,
                     char         *text)
{
  if (strcmp (name, "KIND") == 0 || strcmp (name, "X-ADDRESSBOOKSERVER-KIND") == 0)
    {
      g_strstrip (text);
      if (g_ascii_strcasecmp (text, "group") == 0)
        ctx->card->is_group = TRUE;
      else if (g_ascii_strcasecmp (text, "individual") != 0)
        _bzw_vcard_keep_line (ctx, line);
    }
  else if (strcmp (name, "MEMBER") == 0 || strcmp (name, "X-ADDRESSBOOKSERVER-MEMBER") == 0)
    {
      const char *member = strip_urn_uuid (text);

      if (member[0] != '\0')
        g_ptr_array_add (ctx->card->members, g_strdup (member));
    }
  else
    return FALSE;

  return TRUE;
}

/* One line of a card to the contact; what has no place in it is kept. */
static void
read_line (BzwVcardCard *ctx,
           BzwVcardLine *line)
{
  const char *name = line->uname;
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;

  /* Labels (X-ABLABEL) are read before the other lines; build_card() keeps unused ones. */
  if (strcmp (name, "VERSION") == 0 || strcmp (name, "PRODID") == 0 || strcmp (name, "REV") == 0 ||
      strcmp (name, "BEGIN") == 0 || strcmp (name, "END") == 0 || strcmp (name, "X-ABLABEL") == 0)
    return;

  if (strcmp (name, "PHOTO") == 0)
    {
      _bzw_vcard_read_photo (ctx, line);
      return;
    }

  escaped = _bzw_vcard_line_dup_text (line);
  if (ctx->version == 21)
    _bzw_vcard_protect_backslashes (&escaped);

  if (read_structured (ctx, line, name, escaped))
    return;

  text = _bzw_vcard_unescape (escaped);
  if (read_single (ctx, line, name, text) || read_field (ctx, line, name, text) ||
      read_group_property (ctx, line, name, text))
    return;

  if (!g_str_has_prefix (name, "X-BZW-") || !read_bzw_property (ctx, line, text))
    _bzw_vcard_keep_line (ctx, line);
}

/* A card needs something to be called by. */
static gboolean
ensure_name (BzwVcardCard *ctx)
{
  BzwContact *c = ctx->card->contact;
  g_autofree char *name = bzw_contact_dup_best_name (c);
  const char *fallback;

  if (name[0] != '\0')
    return TRUE;

  if (ctx->card->is_group)
    return FALSE;

  fallback = bzw_contact_get_first_value (c, BZW_FIELD_PHONE);
  if (fallback == NULL)
    fallback = bzw_contact_get_first_value (c, BZW_FIELD_URL);
  if (fallback == NULL)
    fallback = bzw_contact_get_first_value (c, BZW_FIELD_IMPP);
  if (fallback == NULL)
    return FALSE;

  bzw_contact_set_display_name (c, fallback);
  return TRUE;
}

static void
build_card (BzwParseResult *result,
            GPtrArray      *lines,
            guint           start_line,
            guint           number)
{
  g_autoptr(BzwParsedCard) card = bzw_parsed_card_new (start_line);
  BzwVcardCard ctx = { 0, };

  ctx.result = result;
  ctx.card = card;
  ctx.lines = lines;
  ctx.group_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx.used_groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.extra = g_string_new (NULL);
  ctx.notes = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      BzwVcardLine *line = g_ptr_array_index (lines, i);

      if (strcmp (line->uname, "VERSION") == 0)
        ctx.version = line->value[0] == '2' ? 21 : line->value[0] == '3' ? 30 : 40;
      else if (strcmp (line->uname, "TITLE") == 0)
        ctx.has_title = TRUE;
      else if (strcmp (line->uname, "X-ABLABEL") == 0 && line->group != NULL)
        {
          g_autofree char *escaped = _bzw_vcard_line_dup_text (line);
          g_autofree char *text = _bzw_vcard_unescape (escaped);

          g_strstrip (text);
          if (text[0] != '\0')
            g_hash_table_replace (ctx.group_labels, _bzw_vcard_group_key (line->group),
                                  bzw_io_apple_label_decode (text));
        }
    }

  for (guint i = 0; i < lines->len; i++)
    read_line (&ctx, g_ptr_array_index (lines, i));

  /* Labels whose property was not read stay with the kept lines. */
  for (guint i = 0; i < lines->len; i++)
    {
      BzwVcardLine *line = g_ptr_array_index (lines, i);
      g_autofree char *key = NULL;

      if (strcmp (line->uname, "X-ABLABEL") != 0)
        continue;
      key = line->group != NULL ? _bzw_vcard_group_key (line->group) : NULL;
      if (key == NULL || !g_hash_table_contains (ctx.used_groups, key))
        _bzw_vcard_keep_line (&ctx, line);
    }

  bzw_contact_set_notes (card->contact, ctx.notes->str);
  bzw_contact_set_extra (card->contact, ctx.extra->str);

  if (ensure_name (&ctx))
    g_ptr_array_add (result->cards, g_steal_pointer (&card));
  else
    bzw_parse_result_add_card_problem (result, start_line, number, NULL, "%s",
                                       _("The card has no name, organisation, e-mail address or phone number."));

  g_hash_table_unref (ctx.group_labels);
  g_hash_table_unref (ctx.used_groups);
  g_string_free (ctx.extra, TRUE);
  g_string_free (ctx.notes, TRUE);
}

/* Files */

/* The name of a card that cannot be read, so the preview can say whose
 * card it was: its first FN line.
 */
static void
note_card_name (BzwVcardLine  *line,
                char         **name)
{
  g_autofree char *escaped = NULL;

  if (*name != NULL || strcmp (line->uname, "FN") != 0)
    return;

  escaped = _bzw_vcard_line_dup_text (line);
  *name = g_strstrip (_bzw_vcard_unescape (escaped));
}

static gboolean
value_is (BzwVcardLine *line,
          const char   *word)
{
  g_autofree char *value = _bzw_vcard_strip_dup (line->value);

  return g_ascii_strcasecmp (value, word) == 0;
}

gboolean
bzw_vcard_reader_looks_like (const char *data,
                             gsize       length)
{
  gsize n = MIN (length, 4096);

  if (data == NULL)
    return FALSE;

  return _bzw_vcard_contains_ci (data, n, "BEGIN:VCARD") ||
         _bzw_vcard_contains_ci (data, n, "BEGIN:\r\n VCARD") ||
         _bzw_vcard_contains_ci (data, n, "BEGIN:\n VCARD");
}

/**
 * _bzw_vcard_parse_range:
 * @first_line: the number of lines before @data in the file
 *
 * Reads the cards of @data, which begins a line of the file, into @result.
 *
 * Returns: the number of cards that began in @data, read or not
 */
guint
_bzw_vcard_parse_range (BzwParseResult *result,
                        const char     *data,
                        gsize           length,
                        guint           first_line)
{
  g_autoptr(GPtrArray) lines = NULL;
  BzwVcardCursor cursor = { 0, };
  BzwVcardLogical logical = { 0, };
  gboolean in_card = FALSE;
  guint card_line = 0;
  guint card_number = 0;
  g_autofree char *card_name = NULL;
  guint error_line = 0;
  const char *error_reason = NULL;

  cursor.data = data;
  cursor.length = length;
  cursor.line = first_line;
  logical.text = g_string_new (NULL);
  lines = g_ptr_array_new_with_free_func (_bzw_vcard_line_free);

  while (_bzw_vcard_next_logical (&cursor, &logical))
    {
      const char *reason = NULL;
      BzwVcardLine *line;

      if (logical.too_long)
        {
          if (in_card && error_reason == NULL)
            {
              error_reason = N_("A line of the card is too long.");
              error_line = logical.line;
            }
          continue;
        }

      line = _bzw_vcard_parse_line (logical.text->str, logical.text->len, logical.line, &reason);

      if (line != NULL && strcmp (line->uname, "BEGIN") == 0 && line->group == NULL && value_is (line, "VCARD"))
        {
          if (in_card)
            bzw_parse_result_add_card_problem (result, card_line, card_number, card_name, "%s",
                                               _("The card does not end with END:VCARD."));
          g_ptr_array_set_size (lines, 0);
          in_card = TRUE;
          card_line = logical.line;
          card_number++;
          g_clear_pointer (&card_name, g_free);
          error_reason = NULL;
          _bzw_vcard_line_free (line);
          continue;
        }

      if (!in_card)
        {
          /* Anything between cards is ignored. */
          if (line != NULL)
            _bzw_vcard_line_free (line);
          continue;
        }

      if (line != NULL && strcmp (line->uname, "END") == 0 && value_is (line, "VCARD"))
        {
          _bzw_vcard_line_free (line);
          in_card = FALSE;

          if (error_reason != NULL)
            bzw_parse_result_add_card_problem (result, error_line, card_number, card_name,
                                               /* Translators: the card that begins on line %u. */
                                               _("Card on line %u: %s"), card_line, _(error_reason));
          else
            build_card (result, lines, card_line, card_number);

          g_ptr_array_set_size (lines, 0);
          continue;
        }

      if (line == NULL)
        {
          if (error_reason == NULL)
            {
              error_reason = reason;
              error_line = logical.line;
            }
          continue;
        }

      note_card_name (line, &card_name);
      if (error_reason == NULL)
        g_ptr_array_add (lines, line);
      else
        _bzw_vcard_line_free (line);
    }

  if (in_card)
    bzw_parse_result_add_card_problem (result, card_line, card_number, card_name, "%s",
                                       _("The card does not end with END:VCARD."));

  g_string_free (logical.text, TRUE);
  return card_number;
}

/**
 * bzw_vcard_reader_parse:
 * @data: the bytes of a vCard file, in any version or mix of versions
 *
 * Reads every card.  A card that cannot be read is reported with its line
 * number and left out; the others are read on.  Never fails as a whole.
 *
 * Returns: (transfer full): the cards and the problems
 */
BzwParseResult *
bzw_vcard_reader_parse (const char *data,
                        gsize       length)
{
  BzwParseResult *result = bzw_parse_result_new ();
  g_autofree char *converted = NULL;

  if (data == NULL)
    return result;

  /* UTF-16 with a byte order mark, as some Windows tools write it. */
  if (length >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                      ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      gsize out_len = 0;

      converted = g_convert (data + 2, length - 2, "UTF-8",
                             (guchar) data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
                             NULL, &out_len, NULL);
      if (converted != NULL)
        {
          data = converted;
          length = out_len;
        }
    }

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  _bzw_vcard_parse_parallel (result, data, length);
  return result;
}
