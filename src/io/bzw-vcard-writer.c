/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-vcard-writer"

#include "config.h"

#include "bzw-vcard-writer.h"

#include "bzw-io-util.h"
#include "bzw-output-file.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Writes vCard 4.0 (RFC 6350) as strict readers and GNOME Contacts,
 * Evolution, Thunderbird and phones take it: CRLF line ends, lines folded
 * at 75 octets without splitting a UTF-8 character, values escaped the way
 * their property needs.  Labels that TYPE cannot say go into an Apple-style
 * "itemN.X-ABLabel", which the reader reads back.
 */

#define FOLD_WIDTH 75

typedef struct
{
  GString    *out;
  GHashTable *reserved_groups;
  guint       next_group;
} Writer;

/* Appends @line folded at 75 octets, never inside a UTF-8 character.  A
 * line break that reached here (in a link, say) is escaped, so it cannot
 * end the line.
 */
static void
emit (Writer     *w,
      const char *line)
{
  g_autoptr(GString) safe = NULL;
  gsize len;
  gsize pos = 0;
  gsize width = FOLD_WIDTH;

  if (strpbrk (line, "\r\n") != NULL)
    {
      safe = g_string_new (NULL);
      for (const char *p = line; *p != '\0'; p++)
        {
          if (*p == '\r' && p[1] == '\n')
            continue;
          if (*p == '\r' || *p == '\n')
            g_string_append (safe, "\\n");
          else
            g_string_append_c (safe, *p);
        }
      line = safe->str;
    }
  len = strlen (line);

  while (len - pos > width)
    {
      gsize n = width;

      while (n > 1 && ((guchar) line[pos + n] & 0xC0) == 0x80)
        n--;
      g_string_append_len (w->out, line + pos, n);
      g_string_append (w->out, "\r\n ");
      pos += n;
      width = FOLD_WIDTH - 1;
    }

  g_string_append (w->out, line + pos);
  g_string_append (w->out, "\r\n");
}

/* TEXT: backslash, comma and newline; in compound values also ";". */
static void
append_escaped (GString    *out,
                const char *value,
                gboolean    compound)
{
  for (const char *p = value; p != NULL && *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case ';':
          g_string_append (out, compound ? "\\;" : ";");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          if (p[1] != '\n')
            g_string_append (out, "\\n");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

/* A URI is written as it is; only what the reader would unescape is
 * escaped, so it reads back the same.
 */
static void
append_uri (GString    *out,
            const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\\')
        g_string_append (out, "\\\\");
      else if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
        g_string_append (out, "\\n");
      else if (*p != '\r')
        g_string_append_c (out, *p);
    }
}

static void
emit_text (Writer     *w,
           const char *name,
           const char *value)
{
  g_autoptr(GString) line = NULL;

  if (value == NULL || value[0] == '\0')
    return;

  line = g_string_new (name);
  g_string_append_c (line, ':');
  append_escaped (line, value, FALSE);
  emit (w, line->str);
}

static char *
date_basic (const char *date)
{
  /* "1985-12-15" → "19851215", "--12-15" → "--1215". */
  if (bzw_io_is_year_unknown (date) && strlen (date) == 7)
    return g_strdup_printf ("--%.2s%.2s", date + 2, date + 5);
  if (strlen (date) == 10)
    return g_strdup_printf ("%.4s%.2s%.2s", date, date + 5, date + 8);
  return NULL;
}

static const char * const phone_types[] = {
  "home", "work", "mobile", "fax", "pager", "video", "textphone", "text", "voice",
};

static const char * const plain_types[] = { "home", "work" };

static const char * const related_types[] = {
  "contact", "acquaintance", "friend", "met", "co-worker", "colleague", "co-resident",
  "neighbor", "child", "parent", "sibling", "spouse", "kin", "muse", "crush", "date",
  "sweetheart", "me", "agent", "emergency",
};

static gboolean
in_list (const char         *word,
         const char * const *list,
         guint               n)
{
  for (guint i = 0; i < n; i++)
    if (strcmp (word, list[i]) == 0)
      return TRUE;

  return FALSE;
}

/* ";TYPE=a,b" when every word of @label is a type of @kind, else FALSE. */
static gboolean
types_from_label (BzwFieldKind  kind,
                  const char   *label,
                  GString      *params)
{
  g_auto(GStrv) words = NULL;
  const char * const *list;
  guint n;

  if (label == NULL || label[0] == '\0')
    return TRUE;

  switch (kind)
    {
    case BZW_FIELD_PHONE:
      list = phone_types;
      n = G_N_ELEMENTS (phone_types);
      break;
    case BZW_FIELD_RELATED:
      list = related_types;
      n = G_N_ELEMENTS (related_types);
      break;
    case BZW_FIELD_DATE:
      return FALSE;
    case BZW_FIELD_EMAIL:
    case BZW_FIELD_ADDRESS:
    case BZW_FIELD_URL:
    case BZW_FIELD_IMPP:
    case BZW_N_FIELD_KINDS:
    default:
      list = plain_types;
      n = G_N_ELEMENTS (plain_types);
      break;
    }

  words = g_strsplit (label, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (!in_list (words[i], list, n))
      return FALSE;

  g_string_append (params, ";TYPE=");
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (params, ',');
      g_string_append (params, strcmp (words[i], "mobile") == 0 ? "cell" : words[i]);
    }

  return TRUE;
}

static char *
next_group (Writer *w)
{
  for (;;)
    {
      char *group = g_strdup_printf ("item%u", ++w->next_group);

      if (!g_hash_table_contains (w->reserved_groups, group))
        return group;
      g_free (group);
    }
}

static void
emit_label (Writer     *w,
            const char *group,
            const char *label)
{
  g_autofree char *apple = bzw_io_apple_label_encode (label);
  g_autoptr(GString) line = g_string_new (group);

  g_string_append (line, ".X-ABLabel:");
  append_escaped (line, apple, FALSE);
  emit (w, line->str);
}

static void
emit_field (Writer                *w,
            const BzwContactField *field)
{
  g_autoptr(GString) params = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *group = NULL;
  const char *name = NULL;
  gboolean labelled = types_from_label (field->kind, field->label, params);

  switch (field->kind)
    {
    case BZW_FIELD_EMAIL:
      name = "EMAIL";
      break;
    case BZW_FIELD_PHONE:
      name = "TEL";
      break;
    case BZW_FIELD_ADDRESS:
      name = "ADR";
      break;
    case BZW_FIELD_URL:
      name = "URL";
      break;
    case BZW_FIELD_IMPP:
      name = "IMPP";
      break;
    case BZW_FIELD_RELATED:
      name = labelled ? "RELATED" : "X-ABRELATEDNAMES";
      break;
    case BZW_FIELD_DATE:
      name = "X-ABDATE";
      break;
    case BZW_N_FIELD_KINDS:
    default:
      g_assert_not_reached ();
    }

  if (!labelled)
    {
      group = next_group (w);
      g_string_append_printf (line, "%s.", group);
    }

  g_string_append (line, name);
  g_string_append (line, params->str);
  if (field->pref > 0)
    g_string_append_printf (line, ";PREF=%d", CLAMP (field->pref, 1, 100));

  switch (field->kind)
    {
    case BZW_FIELD_ADDRESS:
      {
        g_auto(GStrv) parts = g_strsplit (field->value, BZW_ADDRESS_SEPARATOR, 7);

        g_string_append_c (line, ':');
        for (guint i = 0; i < 7; i++)
          {
            if (i > 0)
              g_string_append_c (line, ';');
            if (i < g_strv_length (parts))
              append_escaped (line, parts[i], TRUE);
          }
      }
      break;

    case BZW_FIELD_URL:
    case BZW_FIELD_IMPP:
      g_string_append_c (line, ':');
      append_uri (line, field->value);
      break;

    case BZW_FIELD_RELATED:
      if (g_uri_peek_scheme (field->value) == NULL && labelled)
        g_string_append (line, ";VALUE=text");
      g_string_append_c (line, ':');
      append_escaped (line, field->value, FALSE);
      break;

    case BZW_FIELD_DATE:
      if (bzw_io_is_year_unknown (field->value) && strlen (field->value) == 7)
        g_string_append_printf (line, ";X-APPLE-OMIT-YEAR=1604:1604-%s", field->value + 2);
      else
        g_string_append_printf (line, ":%s", field->value);
      break;

    case BZW_FIELD_EMAIL:
    case BZW_FIELD_PHONE:
    case BZW_N_FIELD_KINDS:
    default:
      g_string_append_c (line, ':');
      append_escaped (line, field->value, FALSE);
      break;
    }

  emit (w, line->str);
  if (group != NULL && field->label != NULL)
    emit_label (w, group, field->label);
}

static const char *
photo_media_type (GBytes *photo)
{
  gsize size;
  const guchar *data = g_bytes_get_data (photo, &size);

  if (size >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
    return "image/jpeg";
  if (size >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "image/png";
  if (size >= 6 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
    return "image/gif";
  if (size >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return "image/webp";
  return "application/octet-stream";
}

static void
free_string (GString *string)
{
  g_string_free (string, TRUE);
}

static gboolean
is_uuid (const char *uid)
{
  return uid != NULL && g_uuid_string_is_valid (uid);
}

static void
reserve_groups (Writer     *w,
                const char *extra)
{
  g_auto(GStrv) lines = NULL;

  if (extra == NULL)
    return;

  lines = g_strsplit (extra, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize n = strcspn (lines[i], ".;:");

      if (lines[i][n] == '.')
        g_hash_table_add (w->reserved_groups, g_ascii_strdown (lines[i], n));
    }
}

static void
emit_int (Writer     *w,
          const char *name,
          int         value)
{
  g_autofree char *text = g_strdup_printf ("%d", value);

  if (value != 0)
    emit_text (w, name, text);
}

/**
 * bzw_vcard_writer_append_contact:
 * @categories: (nullable): the names of the contact's circles
 *
 * Appends @contact to @out as one vCard 4.0.
 */
void
bzw_vcard_writer_append_contact (GString            *out,
                                 BzwContact         *contact,
                                 const char * const *categories)
{
  Writer w = { out, NULL, 0 };
  GPtrArray *fields = bzw_contact_get_fields (contact);
  g_autofree char *best_name = bzw_contact_dup_best_name (contact);
  const char *uid = bzw_contact_get_uid (contact);
  const char *extra = bzw_contact_get_extra (contact);
  gboolean anniversary_written = FALSE;
  gint64 modified = bzw_contact_get_modified (contact);
  g_autoptr(GDateTime) rev = NULL;
  g_autoptr(GString) line = NULL;

  g_return_if_fail (out != NULL);
  g_return_if_fail (BZW_IS_CONTACT (contact));

  w.reserved_groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reserve_groups (&w, extra);

  emit (&w, "BEGIN:VCARD");
  emit (&w, "VERSION:4.0");
  emit (&w, "PRODID:-//Beziehungsweise//Beziehungsweise " PACKAGE_VERSION "//DE");

  if (uid != NULL)
    {
      line = g_string_new (NULL);
      if (is_uuid (uid))
        g_string_append_printf (line, "UID:urn:uuid:%s", uid);
      else
        {
          g_string_append (line, "UID;VALUE=text:");
          append_escaped (line, uid, FALSE);
        }
      emit (&w, line->str);
      g_clear_pointer (&line, free_string);
    }

  /* FN is required; a contact without one is called by its best name. */
  emit_text (&w, "FN", bzw_contact_get_display_name (contact) != NULL
                         ? bzw_contact_get_display_name (contact) : best_name);

  if (bzw_contact_get_family_name (contact) != NULL || bzw_contact_get_given_name (contact) != NULL ||
      bzw_contact_get_additional_names (contact) != NULL || bzw_contact_get_prefix (contact) != NULL ||
      bzw_contact_get_suffix (contact) != NULL)
    {
      const char *parts[] = {
        bzw_contact_get_family_name (contact), bzw_contact_get_given_name (contact),
        bzw_contact_get_additional_names (contact), bzw_contact_get_prefix (contact),
        bzw_contact_get_suffix (contact),
      };

      line = g_string_new ("N:");
      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          if (i > 0)
            g_string_append_c (line, ';');
          append_escaped (line, parts[i], TRUE);
        }
      emit (&w, line->str);
      g_clear_pointer (&line, free_string);
    }

  if (bzw_contact_get_nickname (contact) != NULL)
    {
      g_auto(GStrv) nicks = g_strsplit (bzw_contact_get_nickname (contact), ", ", -1);

      line = g_string_new ("NICKNAME:");
      for (guint i = 0; nicks[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (line, ',');
          append_escaped (line, nicks[i], FALSE);
        }
      emit (&w, line->str);
      g_clear_pointer (&line, free_string);
    }

  if (bzw_contact_get_organisation (contact) != NULL)
    {
      line = g_string_new ("ORG:");
      append_escaped (line, bzw_contact_get_organisation (contact), TRUE);
      emit (&w, line->str);
      g_clear_pointer (&line, free_string);
    }

  emit_text (&w, "TITLE", bzw_contact_get_role (contact));

  if (bzw_contact_get_birthday (contact) != NULL)
    {
      g_autofree char *date = date_basic (bzw_contact_get_birthday (contact));

      if (date != NULL)
        {
          g_autofree char *text = g_strdup_printf ("BDAY:%s", date);

          emit (&w, text);
        }
    }

  for (guint i = 0; i < fields->len; i++)
    {
      const BzwContactField *field = g_ptr_array_index (fields, i);

      /* The first anniversary is vCard 4.0's own property. */
      if (field->kind == BZW_FIELD_DATE && !anniversary_written &&
          g_strcmp0 (field->label, "anniversary") == 0 && field->pref == 0)
        {
          g_autofree char *date = date_basic (field->value);

          if (date != NULL)
            {
              g_autofree char *text = g_strdup_printf ("ANNIVERSARY:%s", date);

              emit (&w, text);
              anniversary_written = TRUE;
              continue;
            }
        }

      emit_field (&w, field);
    }

  if (bzw_contact_get_photo (contact) != NULL)
    {
      GBytes *photo = bzw_contact_get_photo (contact);
      gsize size;
      const guchar *data = g_bytes_get_data (photo, &size);
      g_autofree char *b64 = g_base64_encode (data, size);
      g_autofree char *text = g_strdup_printf ("PHOTO:data:%s;base64,%s", photo_media_type (photo), b64);

      emit (&w, text);
    }
  else if (bzw_contact_get_photo_uri (contact) != NULL)
    {
      line = g_string_new ("PHOTO:");
      append_uri (line, bzw_contact_get_photo_uri (contact));
      emit (&w, line->str);
      g_clear_pointer (&line, free_string);
    }

  if (categories != NULL && categories[0] != NULL)
    {
      line = g_string_new ("CATEGORIES:");
      for (guint i = 0; categories[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (line, ',');
          append_escaped (line, categories[i], FALSE);
        }
      emit (&w, line->str);
      g_clear_pointer (&line, free_string);
    }

  emit_text (&w, "NOTE", bzw_contact_get_notes (contact));

  /* What only this app knows, so an export reads back whole. */
  emit_text (&w, "X-BZW-MET-HOW", bzw_contact_get_met_how (contact));
  emit_text (&w, "X-BZW-MET-ON", bzw_contact_get_met_on (contact));
  emit_int (&w, "X-BZW-MET-IN-PERSON", bzw_contact_get_met_in_person (contact));
  emit_text (&w, "X-BZW-OFFERS", bzw_contact_get_offers (contact));
  emit_text (&w, "X-BZW-SEEKS", bzw_contact_get_seeks (contact));
  emit_int (&w, "X-BZW-TRUST", bzw_contact_get_trust (contact));
  emit_text (&w, "X-BZW-TRUST-FOR", bzw_contact_get_trust_for (contact));
  emit_int (&w, "X-BZW-INTERVAL-IDEAL", bzw_contact_get_interval_ideal (contact));
  emit_int (&w, "X-BZW-INTERVAL-MAX", bzw_contact_get_interval_max (contact));
  emit_int (&w, "X-BZW-ARCHIVED", bzw_contact_get_archived (contact));

  if (extra != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (extra, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (lines[i][0] != '\0')
          emit (&w, lines[i]);
    }

  rev = modified > 0 ? g_date_time_new_from_unix_utc (modified) : g_date_time_new_now_utc ();
  if (rev != NULL)
    {
      g_autofree char *text = g_date_time_format (rev, "REV:%Y%m%dT%H%M%SZ");

      emit (&w, text);
    }

  emit (&w, "END:VCARD");
  g_hash_table_unref (w.reserved_groups);
}

char *
bzw_vcard_writer_write_contact (BzwContact         *contact,
                                const char * const *categories)
{
  GString *out = g_string_new (NULL);

  bzw_vcard_writer_append_contact (out, contact, categories);
  return g_string_free (out, FALSE);
}

/**
 * bzw_vcard_writer_write_store:
 * @ids: (nullable) (element-type gint64): the contacts to write, or %NULL
 *   for all, archived ones included
 *
 * Returns: (transfer full): the contacts as vCard 4.0, with their circles
 *   as CATEGORIES
 */
char *
bzw_vcard_writer_write_store (BzwStore  *store,
                              GArray    *ids,
                              gsize     *length,
                              GError   **error)
{
  BzwContactQuery all = { .include_archived = TRUE };
  g_autoptr(GArray) all_ids = NULL;
  g_autoptr(GPtrArray) circles = NULL;
  g_autoptr(GHashTable) names = NULL;
  GString *out;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);

  if (ids == NULL)
    {
      all_ids = bzw_store_list_contact_ids (store, &all, error);
      if (all_ids == NULL)
        return NULL;
      ids = all_ids;
    }

  circles = bzw_store_list_circles (store, error);
  if (circles == NULL)
    return NULL;

  names = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < circles->len; i++)
    {
      BzwCircle *circle = g_ptr_array_index (circles, i);
      gint64 *key = g_new (gint64, 1);

      *key = bzw_circle_get_id (circle);
      g_hash_table_insert (names, key, (gpointer) bzw_circle_get_name (circle));
    }

  out = g_string_new (NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(BzwContact) contact = bzw_store_dup_contact (store, g_array_index (ids, gint64, i), error);
      g_autoptr(GPtrArray) categories = NULL;
      GArray *circle_ids;

      if (contact == NULL)
        {
          g_string_free (out, TRUE);
          out = NULL;
          break;
        }

      circle_ids = bzw_contact_get_circle_ids (contact);
      categories = g_ptr_array_new ();
      for (guint j = 0; j < circle_ids->len; j++)
        {
          const char *name = g_hash_table_lookup (names, &g_array_index (circle_ids, gint64, j));

          if (name != NULL)
            g_ptr_array_add (categories, (gpointer) name);
        }
      g_ptr_array_add (categories, NULL);

      bzw_vcard_writer_append_contact (out, contact, (const char * const *) categories->pdata);
    }

  /* The keys were allocated here; the values belong to the circles. */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, names);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_free (key);
  }

  if (out == NULL)
    return NULL;

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * bzw_vcard_export_store:
 * @ids: (nullable) (element-type gint64): the contacts to export, or
 *   %NULL for all
 * @path: the file to write
 *
 * Writes the contacts as vCard 4.0 to @path through a #BzwOutputFile: a
 * regular file is written under a temporary name and renamed, so it is
 * never left half-written; a device or pipe is written directly.  This is
 * `--export-vcard=FILE`.
 */
gboolean
bzw_vcard_export_store (BzwStore    *store,
                        GArray      *ids,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = bzw_vcard_writer_write_store (store, ids, &length, error);
  if (data == NULL)
    return FALSE;

  if (!bzw_output_file_set_contents (path, data, length, &local_error))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: %s is a file name, then the reason. */
                   _("The contacts could not be exported to “%s”: %s"), display, local_error->message);
      return FALSE;
    }

  return TRUE;
}
