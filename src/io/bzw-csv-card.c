/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-csv-reader"

#include "config.h"

#include "bzw-csv-private.h"

#include "bzw-io-util.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

/* A row to a card: each column's value goes to its target; address parts
 * and labels meet in their slot, Google's "::: " lists are split.
 */

/* Google writes "* Work" for the primary value, "Mobile", "Home Fax". */
static char *
google_label (const char *text,
              int        *pref)
{
  static const char * const known[] = {
    "home", "work", "other", "mobile", "main", "pager", "anniversary", "spouse", "child",
    "mother", "father", "parent", "brother", "sister", "friend", "partner", "assistant",
    "manager", "home fax", "work fax", "other fax", "homepage", "blog", "profile",
  };
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *lower = NULL;
  const char *s = trimmed;

  if (g_str_has_prefix (s, "* "))
    {
      s += 2;
      *pref = 1;
    }
  if (*s == '\0')
    return NULL;

  lower = g_utf8_strdown (s, -1);
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (lower, known[i]))
      return g_strdup (known[i]);

  return g_strdup (s);
}

typedef struct
{
  char *parts[7];
  char *label;
  int   pref;
} Address;

static void
address_free (Address *address)
{
  for (guint i = 0; i < 7; i++)
    g_free (address->parts[i]);
  g_free (address->label);
  g_free (address);
}

static void
append_to (char       **slot,
           const char  *value,
           const char  *sep)
{
  char *joined;

  if (*slot == NULL || (*slot)[0] == '\0')
    {
      g_free (*slot);
      *slot = g_strdup (value);
      return;
    }

  joined = g_strconcat (*slot, sep, value, NULL);
  g_free (*slot);
  *slot = joined;
}

static void
append_note_line (GString    *notes,
                  const char *header,
                  const char *value)
{
  if (notes->len > 0)
    g_string_append_c (notes, '\n');
  g_string_append_printf (notes, "%s: %s", header, value);
}

/* Outlook writes "0/0/00" or "0.0.00" for "no date". */
static gboolean
is_null_date (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (*p != '0' && *p != '.' && *p != '/' && *p != '-')
      return FALSE;

  return TRUE;
}

static int
address_part_index (BzwCsvTarget target)
{
  switch (target)
    {
    case BZW_CSV_TARGET_PO_BOX:
      return 0;
    case BZW_CSV_TARGET_EXTENDED_ADDRESS:
      return 1;
    case BZW_CSV_TARGET_STREET:
      return 2;
    case BZW_CSV_TARGET_CITY:
      return 3;
    case BZW_CSV_TARGET_REGION:
      return 4;
    case BZW_CSV_TARGET_POSTAL_CODE:
      return 5;
    case BZW_CSV_TARGET_COUNTRY:
      return 6;
    default:
      return -1;
    }
}

static void
add_field (BzwContact   *c,
           BzwFieldKind  kind,
           const char   *label,
           const char   *value,
           int           pref)
{
  GPtrArray *fields;

  bzw_contact_add_field (c, kind, label, value);
  fields = bzw_contact_get_fields (c);
  ((BzwContactField *) g_ptr_array_index (fields, fields->len - 1))->pref = pref;
}

/* What one row gathers across its columns before it becomes the card:
 * address parts meet in their slot, names and dates in their scalar,
 * notes in two lists so the unmapped values come after the real notes.
 */
typedef struct
{
  BzwParsedCard *card;
  GHashTable    *addresses;      /* slot → Address */
  GPtrArray     *address_order;  /* Address, in the order of their first column */
  GString       *notes;
  GString       *extra_notes;
  char          *scalars[BZW_CSV_N_TARGETS];
} RowState;

/* An address part joins the address of its column's slot, which the first
 * part of that slot creates with its label.
 */
static void
row_add_address_part (RowState   *state,
                      Column     *column,
                      const char *label,
                      int         pref,
                      int         part,
                      const char *value)
{
  const char *key = column->slot != NULL ? column->slot : "";
  Address *address = g_hash_table_lookup (state->addresses, key);

  if (address == NULL)
    {
      address = g_new0 (Address, 1);
      address->label = g_strdup (label);
      address->pref = pref;
      g_hash_table_insert (state->addresses, g_strdup (key), address);
      g_ptr_array_add (state->address_order, address);
    }
  append_to (&address->parts[part], value, part == 1 ? ", " : " ");
}

/* A date that does not parse is kept in the notes rather than lost, unless
 * it is Outlook's "no date"; so is a second birthday or first meeting.
 */
static void
row_add_date (RowState   *state,
              Column     *column,
              const char *label,
              int         pref,
              const char *one)
{
  g_autofree char *date = bzw_io_parse_date (one, 0);

  if (date != NULL && column->target == BZW_CSV_TARGET_DATE)
    add_field (state->card->contact, BZW_FIELD_DATE, label, date, pref);
  else if (date != NULL && state->scalars[column->target] == NULL)
    state->scalars[column->target] = g_steal_pointer (&date);
  else if (!is_null_date (one))
    append_note_line (state->extra_notes, column->header, one);
}

/* One value of a cell (a cell may hold several) goes to its column's target. */
static void
row_add_value (RowState   *state,
               Column     *column,
               const char *label,
               int         pref,
               const char *one)
{
  BzwContact *c = state->card->contact;

  switch (column->target)
    {
    case BZW_CSV_TARGET_EMAIL:
      if (strchr (one, '@') == NULL)
        {
          append_note_line (state->extra_notes, column->header, one);
          break;
        }
      add_field (c, BZW_FIELD_EMAIL, label, one, pref);
      break;
    case BZW_CSV_TARGET_PHONE:
      add_field (c, BZW_FIELD_PHONE, label, one, pref);
      break;
    case BZW_CSV_TARGET_URL:
      add_field (c, BZW_FIELD_URL, label, one, pref);
      break;
    case BZW_CSV_TARGET_IMPP:
      add_field (c, BZW_FIELD_IMPP, label, one, pref);
      break;
    case BZW_CSV_TARGET_RELATED:
      add_field (c, BZW_FIELD_RELATED, label, one, pref);
      break;
    case BZW_CSV_TARGET_DATE:
    case BZW_CSV_TARGET_BIRTHDAY:
    case BZW_CSV_TARGET_MET_ON:
      row_add_date (state, column, label, pref, one);
      break;
    case BZW_CSV_TARGET_CATEGORIES:
      {
        /* Outlook separates categories by ";", others by ",". */
        g_auto(GStrv) names = g_strsplit_set (one, ";,", -1);

        for (guint k = 0; names[k] != NULL; k++)
          bzw_parsed_card_add_category (state->card, names[k]);
      }
      break;
    case BZW_CSV_TARGET_NOTE:
      append_note_line (state->extra_notes, column->header, one);
      break;
    case BZW_CSV_TARGET_NOTES:
      if (state->notes->len > 0)
        g_string_append (state->notes, "\n\n");
      g_string_append (state->notes, one);
      break;
    case BZW_CSV_TARGET_PREFIX:
    case BZW_CSV_TARGET_GIVEN_NAME:
    case BZW_CSV_TARGET_ADDITIONAL_NAMES:
    case BZW_CSV_TARGET_FAMILY_NAME:
    case BZW_CSV_TARGET_SUFFIX:
    case BZW_CSV_TARGET_DISPLAY_NAME:
      append_to (&state->scalars[column->target], one, " ");
      break;
    case BZW_CSV_TARGET_IGNORE:
    case BZW_CSV_TARGET_PO_BOX:
    case BZW_CSV_TARGET_EXTENDED_ADDRESS:
    case BZW_CSV_TARGET_STREET:
    case BZW_CSV_TARGET_CITY:
    case BZW_CSV_TARGET_REGION:
    case BZW_CSV_TARGET_POSTAL_CODE:
    case BZW_CSV_TARGET_COUNTRY:
    case BZW_CSV_TARGET_NICKNAME:
    case BZW_CSV_TARGET_ORGANISATION:
    case BZW_CSV_TARGET_DEPARTMENT:
    case BZW_CSV_TARGET_ROLE:
    case BZW_CSV_TARGET_PHOTO_URI:
    case BZW_CSV_TARGET_UID:
    case BZW_CSV_N_TARGETS:
    default:
      append_to (&state->scalars[column->target], one, ", ");
      break;
    }
}

/* Reads the cell of column @i.  Returns whether it held anything, even in
 * an ignored column: a row of only ignored values is reported as nameless
 * rather than skipped as empty.
 */
static gboolean
row_read_cell (BzwCsvReader *self,
               RowState     *state,
               GPtrArray    *row,
               guint         i)
{
  Column *column = &g_array_index (self->columns, Column, i);
  g_autofree char *value = g_strstrip (g_strdup (g_ptr_array_index (row, i)));
  g_autofree char *label = NULL;
  g_auto(GStrv) values = NULL;
  int pref = 0;
  int part;

  if (value[0] == '\0')
    return FALSE;

  if (column->target == BZW_CSV_TARGET_IGNORE)
    return TRUE;

  if (column->label_column >= 0 && (guint) column->label_column < row->len)
    label = google_label (g_ptr_array_index (row, column->label_column), &pref);
  if (label == NULL)
    label = g_strdup (column->label);

  if ((part = address_part_index (column->target)) >= 0)
    {
      row_add_address_part (state, column, label, pref, part, value);
      return TRUE;
    }

  /* Google joins several values of one cell by " ::: ". */
  values = g_strsplit (value, " ::: ", 64);
  for (guint v = 0; values[v] != NULL; v++)
    {
      const char *one = g_strstrip (values[v]);

      if (one[0] != '\0')
        row_add_value (state, column, label, pref, one);
    }

  return TRUE;
}

/* The gathered names, organisation and dates become the card's scalars. */
static void
row_set_scalars (BzwCsvReader *self,
                 RowState     *state)
{
  BzwContact *c = state->card->contact;
  char **scalars = state->scalars;

  bzw_contact_set_display_name (c, scalars[BZW_CSV_TARGET_DISPLAY_NAME]);
  bzw_contact_set_prefix (c, scalars[BZW_CSV_TARGET_PREFIX]);
  bzw_contact_set_given_name (c, scalars[BZW_CSV_TARGET_GIVEN_NAME]);
  bzw_contact_set_additional_names (c, scalars[BZW_CSV_TARGET_ADDITIONAL_NAMES]);
  bzw_contact_set_family_name (c, scalars[BZW_CSV_TARGET_FAMILY_NAME]);
  bzw_contact_set_suffix (c, scalars[BZW_CSV_TARGET_SUFFIX]);
  bzw_contact_set_nickname (c, scalars[BZW_CSV_TARGET_NICKNAME]);
  bzw_contact_set_organisation (c, scalars[BZW_CSV_TARGET_ORGANISATION]);
  bzw_contact_set_department (c, scalars[BZW_CSV_TARGET_DEPARTMENT]);
  bzw_contact_set_role (c, scalars[BZW_CSV_TARGET_ROLE]);
  bzw_contact_set_birthday (c, scalars[BZW_CSV_TARGET_BIRTHDAY]);
  bzw_contact_set_met_on (c, scalars[BZW_CSV_TARGET_MET_ON]);
  bzw_contact_set_photo_uri (c, scalars[BZW_CSV_TARGET_PHOTO_URI]);
  bzw_contact_set_uid (c, scalars[BZW_CSV_TARGET_UID]);
  if (self->met_how != NULL)
    bzw_contact_set_met_how (c, self->met_how);
}

/* Each slot's parts become one address field in the card's seven-part form. */
static void
row_add_addresses (RowState *state)
{
  for (guint i = 0; i < state->address_order->len; i++)
    {
      Address *address = g_ptr_array_index (state->address_order, i);
      GString *value = g_string_new (NULL);

      for (guint k = 0; k < 7; k++)
        {
          if (k > 0)
            g_string_append (value, BZW_ADDRESS_SEPARATOR);
          if (address->parts[k] != NULL)
            g_string_append (value, address->parts[k]);
        }
      add_field (state->card->contact, BZW_FIELD_ADDRESS, address->label, value->str,
                 address->pref);
      g_string_free (value, TRUE);
    }
}

/* A card without any name takes its phone number or web address as one;
 * with neither, the row is reported and left out.
 */
static gboolean
row_ensure_name (BzwParseResult *result,
                 BzwContact     *c,
                 guint           line)
{
  g_autofree char *name = bzw_contact_dup_best_name (c);
  const char *fallback;

  if (name[0] != '\0')
    return TRUE;

  fallback = bzw_contact_get_first_value (c, BZW_FIELD_PHONE);
  if (fallback == NULL)
    fallback = bzw_contact_get_first_value (c, BZW_FIELD_URL);
  if (fallback == NULL)
    {
      bzw_parse_result_add_problem (result, line, TRUE, "%s",
                                    _("The row has no name, organisation, e-mail address or phone number."));
      return FALSE;
    }
  bzw_contact_set_display_name (c, fallback);

  return TRUE;
}

void
_bzw_csv_read_row (BzwCsvReader   *self,
                   BzwParseResult *result,
                   GPtrArray      *row,
                   guint           line)
{
  g_autoptr(BzwParsedCard) card = bzw_parsed_card_new (line);
  g_autoptr(GHashTable) addresses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) address_free);
  g_autoptr(GPtrArray) address_order = g_ptr_array_new ();
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GString) extra_notes = g_string_new (NULL);
  RowState state = { card, addresses, address_order, notes, extra_notes, { NULL, } };
  gboolean any = FALSE;

  for (guint i = 0; i < MIN (row->len, self->columns->len); i++)
    any |= row_read_cell (self, &state, row, i);

  if (!any)
    return;

  row_set_scalars (self, &state);
  row_add_addresses (&state);

  if (extra_notes->len > 0)
    {
      if (notes->len > 0)
        g_string_append (notes, "\n\n");
      g_string_append_len (notes, extra_notes->str, extra_notes->len);
    }
  bzw_contact_set_notes (card->contact, notes->str);

  for (guint i = 0; i < BZW_CSV_N_TARGETS; i++)
    g_free (state.scalars[i]);

  if (row_ensure_name (result, card->contact, line))
    g_ptr_array_add (result->cards, g_steal_pointer (&card));
}

/**
 * bzw_csv_reader_read_cards:
 *
 * Turns every data row into a card with the current mapping.  Rows
 * without a name are reported with their line and left out.
 *
 * Returns: (transfer full):
 */
BzwParseResult *
bzw_csv_reader_read_cards (BzwCsvReader *self)
{
  BzwParseResult *result;

  g_return_val_if_fail (BZW_IS_CSV_READER (self), NULL);

  result = bzw_parse_result_new ();
  for (guint i = 0; i < self->rows->len; i++)
    _bzw_csv_read_row (self, result, g_ptr_array_index (self->rows, i),
                       g_array_index (self->row_lines, guint, i));

  return result;
}
