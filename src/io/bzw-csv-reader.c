/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-csv-reader"

#include "config.h"

#include "bzw-csv-reader.h"

#include "bzw-csv-private.h"
#include "bzw-io-util.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

/* CSV as RFC 4180 describes it (quoted fields with embedded separators,
 * doubled quotes and line breaks), with "," or ";" (or tab) found by
 * counting, and UTF-8 (with or without BOM), UTF-16 with BOM or else
 * Windows-1252.  The header row is found among the first rows (LinkedIn
 * puts notes above it) and mapped by name; the user may map any column.
 *
 * Headers these exporters write (as of 2023/24):
 *
 * LinkedIn "Connections.csv" (after three lines of notes):
 *   First Name, Last Name, URL, Email Address, Company, Position, Connected On
 *   ("15 Mar 2023")
 * XING contact export (German, ";"):
 *   Anrede; Titel; Vorname; Nachname; Firma; Position; E-Mail (geschäftlich);
 *   E-Mail (privat); Telefon (geschäftlich); Mobil (geschäftlich); Telefon
 *   (privat); Mobil (privat); Straße (geschäftlich); PLZ (geschäftlich);
 *   Ort (geschäftlich); Land (geschäftlich); Geburtstag; XING-Profil;
 *   Kontakt seit; Tags
 * Outlook (English): Title, First Name, Middle Name, Last Name, Suffix,
 *   Company, Department, Job Title, Business Street[ 2|3], Business City,
 *   Business State, Business Postal Code, Business Country/Region, Home …,
 *   Other …, Business Fax, Business Phone[ 2], Home Phone[ 2], Home Fax,
 *   Mobile Phone, Other Phone, Pager, Primary Phone, Company Main Phone,
 *   Car Phone, E-mail Address, E-mail 2 Address, E-mail 3 Address,
 *   Birthday, Anniversary, Notes, Web Page, Categories, Spouse, Children,
 *   Manager's Name, Assistant's Name
 * Outlook (German): Anrede, Vorname, Weitere Vornamen, Nachname, Suffix,
 *   Firma, Abteilung, Position, Straße geschäftlich[ 2|3], Ort geschäftlich,
 *   Region geschäftlich, Postleitzahl geschäftlich, Land/Region geschäftlich,
 *   Straße privat …, Weitere Straße …, Fax geschäftlich, Telefon
 *   geschäftlich[ 2], Telefon privat[ 2], Fax privat, Mobiltelefon,
 *   Weiteres Telefon, Pager, Haupttelefon, Telefon Firma, Autotelefon,
 *   E-Mail-Adresse, E-Mail 2: Adresse, E-Mail 3: Adresse, Geburtstag,
 *   Jahrestag, Notizen, Webseite, Kategorien, Partner, Kinder
 * Google (2023): First Name, Middle Name, Last Name, Name Prefix, Name
 *   Suffix, Nickname, Organization Name, Organization Title, Organization
 *   Department, Birthday, Notes, Photo, Labels, "E-mail 1 - Label",
 *   "E-mail 1 - Value", "Phone 1 - …", "Address 1 - Label|Street|City|PO
 *   Box|Region|Postal Code|Country|Extended Address|Formatted",
 *   "Website 1 - …", "Event 1 - …", "Relation 1 - …"; several values in one
 *   cell are joined by " ::: ".
 * Google (before 2023): Name, Given Name, Additional Name, Family Name,
 *   Name Prefix, Name Suffix, Nickname, Birthday, Notes, Group Membership,
 *   "E-mail 1 - Type", "Organization 1 - Name|Title|Department", …
 */


G_DEFINE_FINAL_TYPE (BzwCsvReader, bzw_csv_reader, G_TYPE_OBJECT)

typedef struct
{
  const char   *header;
  BzwCsvTarget  target;
  const char   *label;
  const char   *slot;
} KnownHeader;

static const KnownHeader known_headers[] = {
  /* LinkedIn */
  { "First Name", BZW_CSV_TARGET_GIVEN_NAME, NULL, NULL },
  { "Last Name", BZW_CSV_TARGET_FAMILY_NAME, NULL, NULL },
  { "URL", BZW_CSV_TARGET_URL, NULL, NULL },
  { "Email Address", BZW_CSV_TARGET_EMAIL, NULL, NULL },
  { "Company", BZW_CSV_TARGET_ORGANISATION, NULL, NULL },
  { "Position", BZW_CSV_TARGET_ROLE, NULL, NULL },
  { "Connected On", BZW_CSV_TARGET_MET_ON, NULL, NULL },
  /* XING */
  { "Anrede", BZW_CSV_TARGET_PREFIX, NULL, NULL },
  { "Titel", BZW_CSV_TARGET_PREFIX, NULL, NULL },
  { "Vorname", BZW_CSV_TARGET_GIVEN_NAME, NULL, NULL },
  { "Nachname", BZW_CSV_TARGET_FAMILY_NAME, NULL, NULL },
  { "Firma", BZW_CSV_TARGET_ORGANISATION, NULL, NULL },
  { "Unternehmen", BZW_CSV_TARGET_ORGANISATION, NULL, NULL },
  { "E-Mail (geschäftlich)", BZW_CSV_TARGET_EMAIL, "work", NULL },
  { "E-Mail (privat)", BZW_CSV_TARGET_EMAIL, "home", NULL },
  { "Telefon (geschäftlich)", BZW_CSV_TARGET_PHONE, "work", NULL },
  { "Mobil (geschäftlich)", BZW_CSV_TARGET_PHONE, "work mobile", NULL },
  { "Fax (geschäftlich)", BZW_CSV_TARGET_PHONE, "work fax", NULL },
  { "Telefon (privat)", BZW_CSV_TARGET_PHONE, "home", NULL },
  { "Mobil (privat)", BZW_CSV_TARGET_PHONE, "mobile", NULL },
  { "Straße (geschäftlich)", BZW_CSV_TARGET_STREET, "work", "work" },
  { "PLZ (geschäftlich)", BZW_CSV_TARGET_POSTAL_CODE, "work", "work" },
  { "Ort (geschäftlich)", BZW_CSV_TARGET_CITY, "work", "work" },
  { "Land (geschäftlich)", BZW_CSV_TARGET_COUNTRY, "work", "work" },
  { "Straße (privat)", BZW_CSV_TARGET_STREET, "home", "home" },
  { "PLZ (privat)", BZW_CSV_TARGET_POSTAL_CODE, "home", "home" },
  { "Ort (privat)", BZW_CSV_TARGET_CITY, "home", "home" },
  { "Land (privat)", BZW_CSV_TARGET_COUNTRY, "home", "home" },
  { "XING-Profil", BZW_CSV_TARGET_URL, "XING", NULL },
  { "Kontakt seit", BZW_CSV_TARGET_MET_ON, NULL, NULL },
  { "Tags", BZW_CSV_TARGET_CATEGORIES, NULL, NULL },
  /* Outlook, English */
  { "Title", BZW_CSV_TARGET_PREFIX, NULL, NULL },
  { "Middle Name", BZW_CSV_TARGET_ADDITIONAL_NAMES, NULL, NULL },
  { "Suffix", BZW_CSV_TARGET_SUFFIX, NULL, NULL },
  { "Nickname", BZW_CSV_TARGET_NICKNAME, NULL, NULL },
  { "Department", BZW_CSV_TARGET_DEPARTMENT, NULL, NULL },
  { "Job Title", BZW_CSV_TARGET_ROLE, NULL, NULL },
  { "Business Street", BZW_CSV_TARGET_STREET, "work", "work" },
  { "Business Street 2", BZW_CSV_TARGET_EXTENDED_ADDRESS, "work", "work" },
  { "Business Street 3", BZW_CSV_TARGET_EXTENDED_ADDRESS, "work", "work" },
  { "Business City", BZW_CSV_TARGET_CITY, "work", "work" },
  { "Business State", BZW_CSV_TARGET_REGION, "work", "work" },
  { "Business Postal Code", BZW_CSV_TARGET_POSTAL_CODE, "work", "work" },
  { "Business Country/Region", BZW_CSV_TARGET_COUNTRY, "work", "work" },
  { "Business Country", BZW_CSV_TARGET_COUNTRY, "work", "work" },
  { "Business PO Box", BZW_CSV_TARGET_PO_BOX, "work", "work" },
  { "Home Street", BZW_CSV_TARGET_STREET, "home", "home" },
  { "Home Street 2", BZW_CSV_TARGET_EXTENDED_ADDRESS, "home", "home" },
  { "Home Street 3", BZW_CSV_TARGET_EXTENDED_ADDRESS, "home", "home" },
  { "Home City", BZW_CSV_TARGET_CITY, "home", "home" },
  { "Home State", BZW_CSV_TARGET_REGION, "home", "home" },
  { "Home Postal Code", BZW_CSV_TARGET_POSTAL_CODE, "home", "home" },
  { "Home Country/Region", BZW_CSV_TARGET_COUNTRY, "home", "home" },
  { "Home Country", BZW_CSV_TARGET_COUNTRY, "home", "home" },
  { "Home PO Box", BZW_CSV_TARGET_PO_BOX, "home", "home" },
  { "Other Street", BZW_CSV_TARGET_STREET, "other", "other" },
  { "Other Street 2", BZW_CSV_TARGET_EXTENDED_ADDRESS, "other", "other" },
  { "Other Street 3", BZW_CSV_TARGET_EXTENDED_ADDRESS, "other", "other" },
  { "Other City", BZW_CSV_TARGET_CITY, "other", "other" },
  { "Other State", BZW_CSV_TARGET_REGION, "other", "other" },
  { "Other Postal Code", BZW_CSV_TARGET_POSTAL_CODE, "other", "other" },
  { "Other Country/Region", BZW_CSV_TARGET_COUNTRY, "other", "other" },
  { "Other Country", BZW_CSV_TARGET_COUNTRY, "other", "other" },
  { "Business Fax", BZW_CSV_TARGET_PHONE, "work fax", NULL },
  { "Business Phone", BZW_CSV_TARGET_PHONE, "work", NULL },
  { "Business Phone 2", BZW_CSV_TARGET_PHONE, "work", NULL },
  { "Home Phone", BZW_CSV_TARGET_PHONE, "home", NULL },
  { "Home Phone 2", BZW_CSV_TARGET_PHONE, "home", NULL },
  { "Home Fax", BZW_CSV_TARGET_PHONE, "home fax", NULL },
  { "Mobile Phone", BZW_CSV_TARGET_PHONE, "mobile", NULL },
  { "Other Phone", BZW_CSV_TARGET_PHONE, "other", NULL },
  { "Other Fax", BZW_CSV_TARGET_PHONE, "other fax", NULL },
  { "Pager", BZW_CSV_TARGET_PHONE, "pager", NULL },
  { "Primary Phone", BZW_CSV_TARGET_PHONE, "main", NULL },
  { "Company Main Phone", BZW_CSV_TARGET_PHONE, "work main", NULL },
  { "Car Phone", BZW_CSV_TARGET_PHONE, "car", NULL },
  { "E-mail Address", BZW_CSV_TARGET_EMAIL, NULL, NULL },
  { "E-mail 2 Address", BZW_CSV_TARGET_EMAIL, NULL, NULL },
  { "E-mail 3 Address", BZW_CSV_TARGET_EMAIL, NULL, NULL },
  { "Birthday", BZW_CSV_TARGET_BIRTHDAY, NULL, NULL },
  { "Anniversary", BZW_CSV_TARGET_DATE, "anniversary", NULL },
  { "Notes", BZW_CSV_TARGET_NOTES, NULL, NULL },
  { "Web Page", BZW_CSV_TARGET_URL, NULL, NULL },
  { "Personal Web Page", BZW_CSV_TARGET_URL, "home", NULL },
  { "Categories", BZW_CSV_TARGET_CATEGORIES, NULL, NULL },
  { "Spouse", BZW_CSV_TARGET_RELATED, "spouse", NULL },
  { "Children", BZW_CSV_TARGET_RELATED, "child", NULL },
  { "Manager's Name", BZW_CSV_TARGET_RELATED, "manager", NULL },
  { "Assistant's Name", BZW_CSV_TARGET_RELATED, "assistant", NULL },
  /* Outlook, German */
  { "Weitere Vornamen", BZW_CSV_TARGET_ADDITIONAL_NAMES, NULL, NULL },
  { "Spitzname", BZW_CSV_TARGET_NICKNAME, NULL, NULL },
  { "Abteilung", BZW_CSV_TARGET_DEPARTMENT, NULL, NULL },
  { "Straße geschäftlich", BZW_CSV_TARGET_STREET, "work", "work" },
  { "Straße geschäftlich 2", BZW_CSV_TARGET_EXTENDED_ADDRESS, "work", "work" },
  { "Straße geschäftlich 3", BZW_CSV_TARGET_EXTENDED_ADDRESS, "work", "work" },
  { "Ort geschäftlich", BZW_CSV_TARGET_CITY, "work", "work" },
  { "Region geschäftlich", BZW_CSV_TARGET_REGION, "work", "work" },
  { "Bundesland geschäftlich", BZW_CSV_TARGET_REGION, "work", "work" },
  { "Postleitzahl geschäftlich", BZW_CSV_TARGET_POSTAL_CODE, "work", "work" },
  { "Land/Region geschäftlich", BZW_CSV_TARGET_COUNTRY, "work", "work" },
  { "Land geschäftlich", BZW_CSV_TARGET_COUNTRY, "work", "work" },
  { "Straße privat", BZW_CSV_TARGET_STREET, "home", "home" },
  { "Straße privat 2", BZW_CSV_TARGET_EXTENDED_ADDRESS, "home", "home" },
  { "Straße privat 3", BZW_CSV_TARGET_EXTENDED_ADDRESS, "home", "home" },
  { "Ort privat", BZW_CSV_TARGET_CITY, "home", "home" },
  { "Region privat", BZW_CSV_TARGET_REGION, "home", "home" },
  { "Bundesland privat", BZW_CSV_TARGET_REGION, "home", "home" },
  { "Postleitzahl privat", BZW_CSV_TARGET_POSTAL_CODE, "home", "home" },
  { "Land/Region privat", BZW_CSV_TARGET_COUNTRY, "home", "home" },
  { "Land privat", BZW_CSV_TARGET_COUNTRY, "home", "home" },
  { "Weitere Straße", BZW_CSV_TARGET_STREET, "other", "other" },
  { "Weiterer Ort", BZW_CSV_TARGET_CITY, "other", "other" },
  { "Weitere Region", BZW_CSV_TARGET_REGION, "other", "other" },
  { "Weitere Postleitzahl", BZW_CSV_TARGET_POSTAL_CODE, "other", "other" },
  { "Weiteres Land/Region", BZW_CSV_TARGET_COUNTRY, "other", "other" },
  { "Fax geschäftlich", BZW_CSV_TARGET_PHONE, "work fax", NULL },
  { "Telefon geschäftlich", BZW_CSV_TARGET_PHONE, "work", NULL },
  { "Telefon geschäftlich 2", BZW_CSV_TARGET_PHONE, "work", NULL },
  { "Telefon privat", BZW_CSV_TARGET_PHONE, "home", NULL },
  { "Telefon privat 2", BZW_CSV_TARGET_PHONE, "home", NULL },
  { "Fax privat", BZW_CSV_TARGET_PHONE, "home fax", NULL },
  { "Mobiltelefon", BZW_CSV_TARGET_PHONE, "mobile", NULL },
  { "Weiteres Telefon", BZW_CSV_TARGET_PHONE, "other", NULL },
  { "Haupttelefon", BZW_CSV_TARGET_PHONE, "main", NULL },
  { "Telefon Firma", BZW_CSV_TARGET_PHONE, "work main", NULL },
  { "Autotelefon", BZW_CSV_TARGET_PHONE, "car", NULL },
  { "E-Mail-Adresse", BZW_CSV_TARGET_EMAIL, NULL, NULL },
  { "E-Mail 2: Adresse", BZW_CSV_TARGET_EMAIL, NULL, NULL },
  { "E-Mail 3: Adresse", BZW_CSV_TARGET_EMAIL, NULL, NULL },
  { "Geburtstag", BZW_CSV_TARGET_BIRTHDAY, NULL, NULL },
  { "Jahrestag", BZW_CSV_TARGET_DATE, "anniversary", NULL },
  { "Notizen", BZW_CSV_TARGET_NOTES, NULL, NULL },
  { "Webseite", BZW_CSV_TARGET_URL, NULL, NULL },
  { "Kategorien", BZW_CSV_TARGET_CATEGORIES, NULL, NULL },
  { "Partner", BZW_CSV_TARGET_RELATED, "spouse", NULL },
  { "Kinder", BZW_CSV_TARGET_RELATED, "child", NULL },
  /* Google */
  { "Name", BZW_CSV_TARGET_DISPLAY_NAME, NULL, NULL },
  { "Given Name", BZW_CSV_TARGET_GIVEN_NAME, NULL, NULL },
  { "Additional Name", BZW_CSV_TARGET_ADDITIONAL_NAMES, NULL, NULL },
  { "Family Name", BZW_CSV_TARGET_FAMILY_NAME, NULL, NULL },
  { "Name Prefix", BZW_CSV_TARGET_PREFIX, NULL, NULL },
  { "Name Suffix", BZW_CSV_TARGET_SUFFIX, NULL, NULL },
  { "Organization Name", BZW_CSV_TARGET_ORGANISATION, NULL, NULL },
  { "Organization Title", BZW_CSV_TARGET_ROLE, NULL, NULL },
  { "Organization Department", BZW_CSV_TARGET_DEPARTMENT, NULL, NULL },
  { "Photo", BZW_CSV_TARGET_PHOTO_URI, NULL, NULL },
  { "Labels", BZW_CSV_TARGET_CATEGORIES, NULL, NULL },
  { "Group Membership", BZW_CSV_TARGET_CATEGORIES, NULL, NULL },
  /* Common spellings of hand-made lists */
  { "Full Name", BZW_CSV_TARGET_DISPLAY_NAME, NULL, NULL },
  { "Display Name", BZW_CSV_TARGET_DISPLAY_NAME, NULL, NULL },
  { "E-Mail", BZW_CSV_TARGET_EMAIL, NULL, NULL },
  { "Email", BZW_CSV_TARGET_EMAIL, NULL, NULL },
  { "E-mail", BZW_CSV_TARGET_EMAIL, NULL, NULL },
  { "Telefon", BZW_CSV_TARGET_PHONE, NULL, NULL },
  { "Phone", BZW_CSV_TARGET_PHONE, NULL, NULL },
  { "Mobil", BZW_CSV_TARGET_PHONE, "mobile", NULL },
  { "Mobile", BZW_CSV_TARGET_PHONE, "mobile", NULL },
  { "Organisation", BZW_CSV_TARGET_ORGANISATION, NULL, NULL },
  { "Organization", BZW_CSV_TARGET_ORGANISATION, NULL, NULL },
  { "Notiz", BZW_CSV_TARGET_NOTES, NULL, NULL },
  { "Note", BZW_CSV_TARGET_NOTES, NULL, NULL },
  { "Website", BZW_CSV_TARGET_URL, NULL, NULL },
  { "Straße", BZW_CSV_TARGET_STREET, NULL, NULL },
  { "Street", BZW_CSV_TARGET_STREET, NULL, NULL },
  { "PLZ", BZW_CSV_TARGET_POSTAL_CODE, NULL, NULL },
  { "Postleitzahl", BZW_CSV_TARGET_POSTAL_CODE, NULL, NULL },
  { "Postal Code", BZW_CSV_TARGET_POSTAL_CODE, NULL, NULL },
  { "ZIP", BZW_CSV_TARGET_POSTAL_CODE, NULL, NULL },
  { "Ort", BZW_CSV_TARGET_CITY, NULL, NULL },
  { "Stadt", BZW_CSV_TARGET_CITY, NULL, NULL },
  { "City", BZW_CSV_TARGET_CITY, NULL, NULL },
  { "Land", BZW_CSV_TARGET_COUNTRY, NULL, NULL },
  { "Country", BZW_CSV_TARGET_COUNTRY, NULL, NULL },
  { "Gruppen", BZW_CSV_TARGET_CATEGORIES, NULL, NULL },
  { "Kreise", BZW_CSV_TARGET_CATEGORIES, NULL, NULL },
  { "UID", BZW_CSV_TARGET_UID, NULL, NULL },
};

static const char * const target_titles[] = {
  N_("Ignore"),
  N_("Display name"),
  N_("Name prefix"),
  N_("Given name"),
  N_("Additional names"),
  N_("Family name"),
  N_("Name suffix"),
  N_("Nickname"),
  N_("Organisation"),
  N_("Department"),
  N_("Role"),
  N_("Birthday"),
  N_("Notes"),
  N_("Note with column name"),
  N_("E-mail"),
  N_("Phone"),
  N_("Web link"),
  N_("Messenger"),
  N_("Date"),
  N_("Related person"),
  N_("PO box"),
  N_("Address line 2"),
  N_("Street"),
  N_("City"),
  N_("Region"),
  N_("Postal code"),
  N_("Country"),
  N_("Circles"),
  N_("Met on"),
  N_("Photo link"),
  N_("Unique ID"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (target_titles) == BZW_CSV_N_TARGETS);

static void
column_clear (Column *column)
{
  g_free (column->header);
  g_free (column->label);
  g_free (column->slot);
}

static void
bzw_csv_reader_finalize (GObject *object)
{
  BzwCsvReader *self = BZW_CSV_READER (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->row_lines, g_array_unref);
  g_clear_pointer (&self->columns, g_array_unref);
  g_free (self->met_how);

  G_OBJECT_CLASS (bzw_csv_reader_parent_class)->finalize (object);
}

static void
bzw_csv_reader_class_init (BzwCsvReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bzw_csv_reader_finalize;
}

static void
bzw_csv_reader_init (BzwCsvReader *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->row_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, (GDestroyNotify) column_clear);
  self->delimiter = ',';
  self->encoding = "UTF-8";
}

/* Headers */

static char *
clean_header (const char *header)
{
  return g_strstrip (g_strdup (header));
}

static const KnownHeader *
lookup_header (const char *header)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_headers); i++)
    if (g_ascii_strcasecmp (header, known_headers[i].header) == 0)
      return &known_headers[i];

  return NULL;
}

/* Google's "E-mail 1 - Value", "Address 2 - City", "Phone 1 - Label". */
static gboolean
map_google_header (Column     *column,
                   const char *header)
{
  static const struct { const char *prefix; BzwCsvTarget target; } kinds[] = {
    { "E-mail", BZW_CSV_TARGET_EMAIL },
    { "Phone", BZW_CSV_TARGET_PHONE },
    { "Website", BZW_CSV_TARGET_URL },
    { "Event", BZW_CSV_TARGET_DATE },
    { "Relation", BZW_CSV_TARGET_RELATED },
    { "IM", BZW_CSV_TARGET_IMPP },
    { "Address", BZW_CSV_TARGET_STREET },
    { "Organization", BZW_CSV_TARGET_ORGANISATION },
  };
  static const struct { const char *suffix; BzwCsvTarget target; } address_parts[] = {
    { "Street", BZW_CSV_TARGET_STREET },
    { "City", BZW_CSV_TARGET_CITY },
    { "PO Box", BZW_CSV_TARGET_PO_BOX },
    { "Region", BZW_CSV_TARGET_REGION },
    { "Postal Code", BZW_CSV_TARGET_POSTAL_CODE },
    { "Country", BZW_CSV_TARGET_COUNTRY },
    { "Extended Address", BZW_CSV_TARGET_EXTENDED_ADDRESS },
  };
  const char *dash = strstr (header, " - ");
  const char *suffix;
  g_autofree char *slot = NULL;

  if (dash == NULL)
    return FALSE;

  slot = g_strndup (header, dash - header);
  suffix = dash + 3;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      gsize n = strlen (kinds[i].prefix);

      if (strncmp (slot, kinds[i].prefix, n) != 0 || slot[n] != ' ' || !g_ascii_isdigit (slot[n + 1]))
        continue;

      column->slot = g_strdup (slot);

      if (g_str_equal (suffix, "Label") || g_str_equal (suffix, "Type"))
        {
          /* Found again by its slot when the value columns are mapped. */
          column->target = BZW_CSV_TARGET_IGNORE;
          return TRUE;
        }

      if (kinds[i].target == BZW_CSV_TARGET_ORGANISATION)
        {
          if (g_str_equal (suffix, "Name"))
            column->target = BZW_CSV_TARGET_ORGANISATION;
          else if (g_str_equal (suffix, "Title"))
            column->target = BZW_CSV_TARGET_ROLE;
          else if (g_str_equal (suffix, "Department"))
            column->target = BZW_CSV_TARGET_DEPARTMENT;
          return TRUE;
        }

      if (kinds[i].target == BZW_CSV_TARGET_STREET)
        {
          for (guint k = 0; k < G_N_ELEMENTS (address_parts); k++)
            if (g_str_equal (suffix, address_parts[k].suffix))
              column->target = address_parts[k].target;
          return TRUE;
        }

      if (g_str_equal (suffix, "Value"))
        column->target = kinds[i].target;
      return TRUE;
    }

  return FALSE;
}

static void
map_columns (BzwCsvReader *self,
             GPtrArray    *header_row)
{
  g_array_set_size (self->columns, 0);

  for (guint i = 0; i < header_row->len; i++)
    {
      Column column = { 0, };
      const KnownHeader *known;

      column.header = clean_header (g_ptr_array_index (header_row, i));
      column.label_column = -1;
      if ((known = lookup_header (column.header)) != NULL)
        {
          column.target = known->target;
          column.label = g_strdup (known->label);
          column.slot = g_strdup (known->slot);
        }
      else
        map_google_header (&column, column.header);

      g_array_append_val (self->columns, column);
    }

  /* Google: the "… - Label" (or "… - Type") column labels its slot. */
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);

      if (column->slot == NULL || column->target == BZW_CSV_TARGET_IGNORE)
        continue;

      for (guint j = 0; j < self->columns->len; j++)
        {
          Column *other = &g_array_index (self->columns, Column, j);

          if (other->target == BZW_CSV_TARGET_IGNORE && g_strcmp0 (other->slot, column->slot) == 0 &&
              (g_str_has_suffix (other->header, " - Label") || g_str_has_suffix (other->header, " - Type")))
            column->label_column = j;
        }
    }
}

static guint
count_known (GPtrArray *row)
{
  guint n = 0;

  for (guint i = 0; i < row->len; i++)
    {
      g_autofree char *header = clean_header (g_ptr_array_index (row, i));
      Column column = { 0, };

      if (lookup_header (header) != NULL)
        n++;
      else if (map_google_header (&column, header))
        n++;
      g_free (column.slot);
    }

  return n;
}

static const char *
detect_format (BzwCsvReader *self)
{
  gboolean has[6] = { FALSE, };
  static const char *markers[] = {
    "Connected On", "XING-Profil", "Kontakt seit", "E-mail 1 - Value", "E-mail Address", "E-Mail-Adresse",
  };

  for (guint i = 0; i < self->columns->len; i++)
    for (guint k = 0; k < G_N_ELEMENTS (markers); k++)
      if (g_ascii_strcasecmp (g_array_index (self->columns, Column, i).header, markers[k]) == 0)
        has[k] = TRUE;

  if (has[0])
    return "LinkedIn";
  if (has[1] || has[2])
    return "XING";
  if (has[3])
    return "Google";
  if (has[4] || has[5])
    return "Outlook";
  return NULL;
}

gboolean
bzw_csv_reader_looks_like (const char *data,
                           gsize       length)
{
  gsize n = MIN (length, 4096);

  if (data == NULL || n == 0)
    return FALSE;

  for (gsize i = 0; i < n; i++)
    if (data[i] == ',' || data[i] == ';' || data[i] == '\t')
      return TRUE;

  return FALSE;
}

/**
 * bzw_csv_reader_new:
 *
 * Reads the rows of a CSV file, finds its header row and maps the known
 * headers.  Fails only when there is no row at all.
 */
BzwCsvReader *
bzw_csv_reader_new (const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(BzwCsvReader) self = g_object_new (BZW_TYPE_CSV_READER, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  guint unclosed_line = 0;
  guint header = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  text = _bzw_csv_decode_bytes (data != NULL ? data : "", length, &self->encoding);
  self->delimiter = _bzw_csv_detect_delimiter (text);
  rows = _bzw_csv_split_rows (text, self->delimiter, lines, &unclosed_line);

  if (unclosed_line > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The quotation mark opened on line %u is never closed."), unclosed_line);
      return NULL;
    }

  if (rows->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The CSV file has no rows."));
      return NULL;
    }

  /* The header is the first row that names two known columns. */
  for (guint i = 0; i < MIN (rows->len, 20); i++)
    if (count_known (g_ptr_array_index (rows, i)) >= 2)
      {
        header = i;
        break;
      }

  self->header_line = g_array_index (lines, guint, header);
  map_columns (self, g_ptr_array_index (rows, header));
  for (guint i = header + 1; i < rows->len; i++)
    {
      g_ptr_array_add (self->rows, g_ptr_array_ref (g_ptr_array_index (rows, i)));
      g_array_append_val (self->row_lines, g_array_index (lines, guint, i));
    }

  self->format = detect_format (self);
  if (g_strcmp0 (self->format, "LinkedIn") == 0 || g_strcmp0 (self->format, "XING") == 0)
    self->met_how = g_strdup (self->format);

  /* LinkedIn's "URL" is the profile. */
  if (g_strcmp0 (self->format, "LinkedIn") == 0)
    for (guint i = 0; i < self->columns->len; i++)
      {
        Column *column = &g_array_index (self->columns, Column, i);

        if (g_ascii_strcasecmp (column->header, "URL") == 0 && column->label == NULL)
          column->label = g_strdup ("LinkedIn");
      }

  return g_steal_pointer (&self);
}

guint
bzw_csv_reader_get_n_columns (BzwCsvReader *self)
{
  g_return_val_if_fail (BZW_IS_CSV_READER (self), 0);

  return self->columns->len;
}

guint
bzw_csv_reader_get_n_rows (BzwCsvReader *self)
{
  g_return_val_if_fail (BZW_IS_CSV_READER (self), 0);

  return self->rows->len;
}

/* The column @column, or %NULL with a critical when there is none. */
static Column *
column_at (BzwCsvReader *self,
           guint         column)
{
  g_return_val_if_fail (BZW_IS_CSV_READER (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return &g_array_index (self->columns, Column, column);
}

const char *
bzw_csv_reader_get_header (BzwCsvReader *self,
                           guint         column)
{
  Column *c = column_at (self, column);

  return c != NULL ? c->header : NULL;
}

/* The first non-empty value of @column, to show beside its header. */
const char *
bzw_csv_reader_get_sample (BzwCsvReader *self,
                           guint         column)
{
  g_return_val_if_fail (BZW_IS_CSV_READER (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (self->rows, i);

      if (column < row->len && ((char *) g_ptr_array_index (row, column))[0] != '\0')
        return g_ptr_array_index (row, column);
    }

  return NULL;
}

BzwCsvTarget
bzw_csv_reader_get_target (BzwCsvReader *self,
                           guint         column)
{
  Column *c = column_at (self, column);

  return c != NULL ? c->target : BZW_CSV_TARGET_IGNORE;
}

const char *
bzw_csv_reader_get_label (BzwCsvReader *self,
                          guint         column)
{
  Column *c = column_at (self, column);

  return c != NULL ? c->label : NULL;
}

/**
 * bzw_csv_reader_set_target:
 * @label: (nullable): the label of the values, e.g. "work"; address parts
 *   with the same label form one address
 *
 * Maps @column by the user's choice.
 */
void
bzw_csv_reader_set_target (BzwCsvReader *self,
                           guint         column,
                           BzwCsvTarget  target,
                           const char   *label)
{
  Column *c = column_at (self, column);

  g_return_if_fail (c != NULL);
  g_return_if_fail (target < BZW_CSV_N_TARGETS);

  c->target = target;
  g_free (c->label);
  c->label = g_strdup (label);
  g_free (c->slot);
  c->slot = g_strdup (label);
  c->label_column = -1;
}

/* "LinkedIn", "XING", "Google", "Outlook" or %NULL. */
const char *
bzw_csv_reader_get_format (BzwCsvReader *self)
{
  g_return_val_if_fail (BZW_IS_CSV_READER (self), NULL);

  return self->format;
}

char
bzw_csv_reader_get_delimiter (BzwCsvReader *self)
{
  g_return_val_if_fail (BZW_IS_CSV_READER (self), ',');

  return self->delimiter;
}

const char *
bzw_csv_reader_get_encoding (BzwCsvReader *self)
{
  g_return_val_if_fail (BZW_IS_CSV_READER (self), NULL);

  return self->encoding;
}

guint
bzw_csv_reader_get_header_line (BzwCsvReader *self)
{
  g_return_val_if_fail (BZW_IS_CSV_READER (self), 0);

  return self->header_line;
}

const char *
bzw_csv_target_get_title (BzwCsvTarget target)
{
  g_return_val_if_fail (target < BZW_CSV_N_TARGETS, NULL);

  return _(target_titles[target]);
}
