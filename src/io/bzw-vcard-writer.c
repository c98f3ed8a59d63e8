/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-vcard-writer"

#include "config.h"

#include "bzw-vcard-writer.h"

#include "bzw-io-util.h"
#include "bzw-vcard-writer-private.h"
#include "bzw-output-file.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Writes vCard 4.0 (RFC 6350) as strict readers and GNOME Contacts,
 * Evolution, Thunderbird and phones take it: CRLF line ends, lines folded
 * at 75 octets without splitting a UTF-8 character, values escaped the way
 * their property needs.  Labels that TYPE cannot say go into an Apple-style
 * "itemN.X-ABLabel", which the reader reads back.  The lines and fields
 * are written in bzw-vcard-emit.c; this file writes contacts and files.
 *
 * vCard 3.0 (RFC 2426), for address books that read no 4.0, differs in a
 * few properties: TYPE=pref instead of PREF, photos as ENCODING=b, dates
 * with dashes (and Apple's X-APPLE-OMIT-YEAR for a birthday without year),
 * anniversaries and related names as Apple's X-ABDATE and
 * X-ABRELATEDNAMES with their labels.
 */

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

static gboolean
is_uuid (const char *uid)
{
  return uid != NULL && g_uuid_string_is_valid (uid);
}

/* The groups of extra's lines and of the fields are kept for them, so no
 * label's "itemN" written here takes one of them.
 */
static void
reserve_groups (BzwVcardWriter *w,
                const char     *extra,
                GPtrArray      *fields)
{
  if (extra != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (extra, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          gsize n = strcspn (lines[i], ".;:");

          if (lines[i][n] == '.')
            g_hash_table_add (w->reserved_groups, g_ascii_strdown (lines[i], n));
        }
    }

  for (guint i = 0; i < fields->len; i++)
    {
      const BzwContactField *field = g_ptr_array_index (fields, i);

      if (field->group != NULL)
        g_hash_table_add (w->reserved_groups, g_ascii_strdown (field->group, -1));
    }
}

/* A UUID is written as the URN RFC 6350 asks for; any other UID as text,
 * which 4.0 has to be told.
 */
static void
emit_uid (BzwVcardWriter *w,
          const char     *uid)
{
  g_autoptr(GString) line = g_string_new (NULL);

  if (is_uuid (uid))
    g_string_append_printf (line, "UID:urn:uuid:%s", uid);
  else
    {
      g_string_append (line, w->version == BZW_VCARD_VERSION_4_0 ? "UID;VALUE=text:" : "UID:");
      _bzw_vcard_append_escaped (line, uid, FALSE);
    }
  _bzw_vcard_emit (w, line->str);
}

/* "NAME:a<separator>b…" with @n @values (a NULL one empty), each escaped
 * on its own: with ';' the parts of a structured value (N, ORG), with ','
 * a list of text values (NICKNAME, CATEGORIES).
 */
static void
emit_values (BzwVcardWriter     *w,
             const char         *name,
             const char * const *values,
             guint               n,
             char                separator)
{
  g_autoptr(GString) line = g_string_new (name);

  g_string_append_c (line, ':');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (line, separator);
      _bzw_vcard_append_escaped (line, values[i], separator == ';');
    }
  _bzw_vcard_emit (w, line->str);
}

/* "N:Family;Given;Additional;Prefix;Suffix", when any part is known. */
static void
emit_name (BzwVcardWriter *w,
           BzwContact     *contact)
{
  const char *parts[] = {
    bzw_contact_get_family_name (contact), bzw_contact_get_given_name (contact),
    bzw_contact_get_additional_names (contact), bzw_contact_get_prefix (contact),
    bzw_contact_get_suffix (contact),
  };
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    any |= parts[i] != NULL;
  if (any)
    emit_values (w, "N", parts, G_N_ELEMENTS (parts), ';');
}

/* "ORG:Firma;Einkauf;Team Nord": each unit of the department a part. */
static void
emit_organisation (BzwVcardWriter *w,
                   BzwContact     *contact)
{
  const char *department = bzw_contact_get_department (contact);
  g_auto(GStrv) units = g_strsplit (department != NULL ? department : "", BZW_DEPARTMENT_SEPARATOR, -1);
  guint n = department != NULL ? g_strv_length (units) : 0;
  g_autofree const char **parts = g_new (const char *, n + 1);

  parts[0] = bzw_contact_get_organisation (contact);
  for (guint i = 0; i < n; i++)
    parts[i + 1] = units[i];
  emit_values (w, "ORG", parts, n + 1, ';');
}

static void
emit_int (BzwVcardWriter *w,
          const char     *name,
          int             value)
{
  g_autofree char *text = g_strdup_printf ("%d", value);

  if (value != 0)
    _bzw_vcard_emit_text (w, name, text);
}

/* BDAY: 4.0 writes "19851215" or "--1215"; 3.0 has dashes and no date
 * without a year, for which Apple's readers take X-APPLE-OMIT-YEAR.
 */
static void
emit_birthday (BzwVcardWriter *w,
               const char     *birthday)
{
  g_autofree char *date = _bzw_vcard_date_basic (birthday);
  g_autofree char *text = NULL;

  if (date == NULL)
    return;

  if (w->version == BZW_VCARD_VERSION_4_0)
    text = g_strdup_printf ("BDAY:%s", date);
  else if (bzw_io_is_year_unknown (birthday))
    text = g_strdup_printf ("BDAY;X-APPLE-OMIT-YEAR=1604:1604-%s", birthday + 2);
  else
    text = g_strdup_printf ("BDAY:%s", birthday);
  _bzw_vcard_emit (w, text);
}

static void
emit_photo (BzwVcardWriter *w,
            BzwContact     *contact)
{
  GBytes *photo = bzw_contact_get_photo (contact);
  g_autoptr(GString) line = NULL;

  if (photo != NULL)
    {
      gsize size;
      const guchar *data = g_bytes_get_data (photo, &size);
      g_autofree char *b64 = g_base64_encode (data, size);
      const char *media_type = photo_media_type (photo);
      g_autofree char *text = NULL;

      if (w->version == BZW_VCARD_VERSION_4_0)
        text = g_strdup_printf ("PHOTO:data:%s;base64,%s", media_type, b64);
      else if (g_str_has_prefix (media_type, "image/"))
        {
          g_autofree char *type = g_ascii_strup (media_type + strlen ("image/"), -1);

          text = g_strdup_printf ("PHOTO;ENCODING=b;TYPE=%s:%s", type, b64);
        }
      else
        text = g_strdup_printf ("PHOTO;ENCODING=b:%s", b64);
      _bzw_vcard_emit (w, text);
    }
  else if (bzw_contact_get_photo_uri (contact) != NULL)
    {
      line = g_string_new (w->version == BZW_VCARD_VERSION_4_0 ? "PHOTO:" : "PHOTO;VALUE=uri:");
      _bzw_vcard_append_uri (line, bzw_contact_get_photo_uri (contact));
      _bzw_vcard_emit (w, line->str);
    }
}

/* The fields in their order; the first plain anniversary goes into vCard
 * 4.0's own ANNIVERSARY, the others keep their label.
 */
static void
emit_fields (BzwVcardWriter *w,
             GPtrArray      *fields)
{
  gboolean anniversary_written = FALSE;

  for (guint i = 0; i < fields->len; i++)
    {
      const BzwContactField *field = g_ptr_array_index (fields, i);

      if (field->kind == BZW_FIELD_DATE && !anniversary_written &&
          w->version == BZW_VCARD_VERSION_4_0 &&
          g_strcmp0 (field->label, "anniversary") == 0 && field->pref == 0)
        {
          g_autofree char *date = _bzw_vcard_date_basic (field->value);

          if (date != NULL)
            {
              g_autofree char *text = g_strdup_printf ("ANNIVERSARY:%s", date);

              _bzw_vcard_emit (w, text);
              anniversary_written = TRUE;
              continue;
            }
        }

      _bzw_vcard_emit_field (w, field);
    }
}

/* What only this app knows, so an export reads back whole. */
static void
emit_app_properties (BzwVcardWriter *w,
                     BzwContact     *contact)
{
  _bzw_vcard_emit_text (w, "X-BZW-MET-HOW", bzw_contact_get_met_how (contact));
  _bzw_vcard_emit_text (w, "X-BZW-MET-ON", bzw_contact_get_met_on (contact));
  emit_int (w, "X-BZW-MET-IN-PERSON", bzw_contact_get_met_in_person (contact));
  _bzw_vcard_emit_text (w, "X-BZW-OFFERS", bzw_contact_get_offers (contact));
  _bzw_vcard_emit_text (w, "X-BZW-SEEKS", bzw_contact_get_seeks (contact));
  emit_int (w, "X-BZW-TRUST", bzw_contact_get_trust (contact));
  _bzw_vcard_emit_text (w, "X-BZW-TRUST-FOR", bzw_contact_get_trust_for (contact));
  emit_int (w, "X-BZW-INTERVAL-IDEAL", bzw_contact_get_interval_ideal (contact));
  emit_int (w, "X-BZW-INTERVAL-MAX", bzw_contact_get_interval_max (contact));
  emit_int (w, "X-BZW-ARCHIVED", bzw_contact_get_archived (contact));
  _bzw_vcard_emit_text (w, "X-BZW-FOLLOW-UP-ON", bzw_contact_get_follow_up_on (contact));
  _bzw_vcard_emit_text (w, "X-BZW-FOLLOW-UP-NOTE", bzw_contact_get_follow_up_note (contact));
  _bzw_vcard_emit_text (w, "X-BZW-SNOOZED-UNTIL", bzw_contact_get_snoozed_until (contact));
}

/* The lines read from a card that nothing here understood, as they came,
 * and REV: when the contact last changed, or now for one never saved.
 */
static void
emit_extra_and_rev (BzwVcardWriter *w,
                    BzwContact     *contact)
{
  const char *extra = bzw_contact_get_extra (contact);
  gint64 modified = bzw_contact_get_modified (contact);
  g_autoptr(GDateTime) rev = NULL;

  if (extra != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (extra, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (lines[i][0] != '\0')
          _bzw_vcard_emit (w, lines[i]);
    }

  rev = modified > 0 ? g_date_time_new_from_unix_utc (modified) : g_date_time_new_now_utc ();
  if (rev != NULL)
    {
      g_autofree char *text = g_date_time_format (rev, "REV:%Y%m%dT%H%M%SZ");

      _bzw_vcard_emit (w, text);
    }
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
  bzw_vcard_writer_append_contact_as (out, contact, categories, BZW_VCARD_VERSION_4_0);
}

/**
 * bzw_vcard_writer_append_contact_as:
 * @categories: (nullable): the names of the contact's circles
 * @version: vCard 4.0 or 3.0
 *
 * Appends @contact to @out as one vCard of @version.
 */
void
bzw_vcard_writer_append_contact_as (GString            *out,
                                    BzwContact         *contact,
                                    const char * const *categories,
                                    BzwVcardVersion     version)
{
  BzwVcardWriter w = { out, NULL, NULL, 0, version };
  g_autofree char *best_name = NULL;
  const char *display_name;

  g_return_if_fail (out != NULL);
  g_return_if_fail (BZW_IS_CONTACT (contact));

  w.reserved_groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.claimed_groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reserve_groups (&w, bzw_contact_get_extra (contact), bzw_contact_get_fields (contact));

  _bzw_vcard_emit (&w, "BEGIN:VCARD");
  _bzw_vcard_emit (&w, version == BZW_VCARD_VERSION_4_0 ? "VERSION:4.0" : "VERSION:3.0");
  _bzw_vcard_emit (&w, "PRODID:-//Beziehungsweise//Beziehungsweise " PACKAGE_VERSION "//DE");

  if (bzw_contact_get_uid (contact) != NULL)
    emit_uid (&w, bzw_contact_get_uid (contact));

  /* FN is required; a contact without one is called by its best name. */
  display_name = bzw_contact_get_display_name (contact);
  if (display_name == NULL)
    display_name = best_name = bzw_contact_dup_best_name (contact);
  _bzw_vcard_emit_text (&w, "FN", display_name);

  emit_name (&w, contact);

  if (bzw_contact_get_nickname (contact) != NULL)
    {
      g_auto(GStrv) nicks = g_strsplit (bzw_contact_get_nickname (contact), ", ", -1);

      emit_values (&w, "NICKNAME", (const char * const *) nicks, g_strv_length (nicks), ',');
    }

  if (bzw_contact_get_organisation (contact) != NULL || bzw_contact_get_department (contact) != NULL)
    emit_organisation (&w, contact);

  _bzw_vcard_emit_text (&w, "TITLE", bzw_contact_get_role (contact));

  if (bzw_contact_get_birthday (contact) != NULL)
    emit_birthday (&w, bzw_contact_get_birthday (contact));

  emit_fields (&w, bzw_contact_get_fields (contact));
  emit_photo (&w, contact);

  if (categories != NULL && categories[0] != NULL)
    emit_values (&w, "CATEGORIES", categories, g_strv_length ((char **) categories), ',');

  _bzw_vcard_emit_text (&w, "NOTE", bzw_contact_get_notes (contact));
  emit_app_properties (&w, contact);
  emit_extra_and_rev (&w, contact);

  _bzw_vcard_emit (&w, "END:VCARD");
  g_hash_table_unref (w.reserved_groups);
  g_hash_table_unref (w.claimed_groups);
}

/**
 * bzw_vcard_writer_append_circle:
 *
 * Appends @circle to @out as a vCard 4.0 group (KIND:group) with its
 * colour, keep-in-touch rhythm and place in the list; who is in it is
 * said by the CATEGORIES of the contacts.
 */
void
bzw_vcard_writer_append_circle (GString   *out,
                                BzwCircle *circle)
{
  BzwVcardWriter w = { out, NULL, NULL, 0, BZW_VCARD_VERSION_4_0 };
  const char *uid = bzw_circle_get_uid (circle);

  g_return_if_fail (out != NULL);
  g_return_if_fail (BZW_IS_CIRCLE (circle));

  _bzw_vcard_emit (&w, "BEGIN:VCARD");
  _bzw_vcard_emit (&w, "VERSION:4.0");
  _bzw_vcard_emit (&w, "KIND:group");
  if (uid != NULL)
    emit_uid (&w, uid);
  _bzw_vcard_emit_text (&w, "FN", bzw_circle_get_name (circle));
  _bzw_vcard_emit_text (&w, "X-BZW-COLOR", bzw_circle_get_color (circle));
  emit_int (&w, "X-BZW-INTERVAL-IDEAL", bzw_circle_get_interval_ideal (circle));
  emit_int (&w, "X-BZW-INTERVAL-MAX", bzw_circle_get_interval_max (circle));
  emit_int (&w, "X-BZW-POSITION", bzw_circle_get_position (circle));
  emit_int (&w, "X-BZW-LEAD-DAYS", bzw_circle_get_lead_days (circle));
  _bzw_vcard_emit (&w, "END:VCARD");
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
  return bzw_vcard_writer_write_store_as (store, ids, BZW_VCARD_VERSION_4_0, length, error);
}

/**
 * bzw_vcard_writer_write_store_as:
 * @ids: (nullable) (element-type gint64): the contacts to write, or %NULL
 *   for all, archived ones included
 * @version: vCard 4.0 or 3.0
 *
 * Returns: (transfer full): the contacts as vCards of @version, with their
 *   circles as CATEGORIES
 */
char *
bzw_vcard_writer_write_store_as (BzwStore         *store,
                                 GArray           *ids,
                                 BzwVcardVersion   version,
                                 gsize            *length,
                                 GError          **error)
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

      bzw_vcard_writer_append_contact_as (out, contact, (const char * const *) categories->pdata, version);
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
 * Writes the contacts as vCard 4.0 to @path (see
 * bzw_vcard_export_store_as()).  This is `--export-vcard=FILE`.
 */
gboolean
bzw_vcard_export_store (BzwStore    *store,
                        GArray      *ids,
                        const char  *path,
                        GError     **error)
{
  return bzw_vcard_export_store_as (store, ids, BZW_VCARD_VERSION_4_0, path, error);
}

/**
 * bzw_vcard_export_store_as:
 * @ids: (nullable) (element-type gint64): the contacts to export, or
 *   %NULL for all
 * @version: vCard 4.0 or 3.0
 * @path: the file to write
 *
 * Writes the contacts as vCards of @version to @path through a
 * #BzwOutputFile: a regular file is written under a temporary name and
 * renamed, so it is never left half-written; a device or pipe is written
 * directly.  This is `--export-vcard=FILE --vcard-version=…`.
 */
gboolean
bzw_vcard_export_store_as (BzwStore         *store,
                           GArray           *ids,
                           BzwVcardVersion   version,
                           const char       *path,
                           GError          **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = bzw_vcard_writer_write_store_as (store, ids, version, &length, error);
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
