/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-contact-merge"

#include "config.h"

#include "bzw-contact-merge.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Merging two cards of one person: used by the import (a card that matches a
 * contact already there) and by the duplicate finder of the store.
 */

/**
 * bzw_contact_fold_email:
 *
 * The form in which two e-mail addresses are compared: trimmed and
 * case-folded.
 */
char *
bzw_contact_fold_email (const char *email)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (email));

  return g_utf8_casefold (trimmed, -1);
}

/**
 * bzw_contact_normalize_phone:
 *
 * The digits of a phone number and a leading "+", the form in which two
 * numbers are compared.
 */
char *
bzw_contact_normalize_phone (const char *phone)
{
  GString *out = g_string_new (NULL);

  for (const char *p = phone; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (*p) || (*p == '+' && out->len == 0))
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

static gboolean
same_value (BzwFieldKind  kind,
            const char   *a,
            const char   *b)
{
  if (kind == BZW_FIELD_EMAIL)
    {
      g_autofree char *fa = bzw_contact_fold_email (a);
      g_autofree char *fb = bzw_contact_fold_email (b);

      return g_str_equal (fa, fb);
    }

  if (kind == BZW_FIELD_PHONE)
    {
      g_autofree char *na = bzw_contact_normalize_phone (a);
      g_autofree char *nb = bzw_contact_normalize_phone (b);

      if (na[0] != '\0' || nb[0] != '\0')
        return g_str_equal (na, nb);
    }

  return g_strcmp0 (a, b) == 0;
}

#define MERGE_STRING(field)                                                   \
  G_STMT_START {                                                              \
    if (bzw_contact_get_##field (into) == NULL)                               \
      bzw_contact_set_##field (into, bzw_contact_get_##field (from));         \
  } G_STMT_END

/* The single values @into lacks are taken from @from; met in person is
 * kept once either card says so.
 */
static void
merge_single_values (BzwContact *into,
                     BzwContact *from)
{
  MERGE_STRING (uid);
  MERGE_STRING (display_name);
  MERGE_STRING (prefix);
  MERGE_STRING (given_name);
  MERGE_STRING (additional_names);
  MERGE_STRING (family_name);
  MERGE_STRING (suffix);
  MERGE_STRING (nickname);
  MERGE_STRING (organisation);
  MERGE_STRING (department);
  MERGE_STRING (role);
  MERGE_STRING (birthday);
  MERGE_STRING (photo_uri);
  MERGE_STRING (met_how);
  MERGE_STRING (met_on);
  MERGE_STRING (offers);
  MERGE_STRING (seeks);
  MERGE_STRING (trust_for);
  MERGE_STRING (follow_up_on);
  MERGE_STRING (follow_up_note);
  MERGE_STRING (snoozed_until);

  if (bzw_contact_get_photo (into) == NULL)
    bzw_contact_set_photo (into, bzw_contact_get_photo (from));
  if (bzw_contact_get_trust (into) == BZW_TRUST_UNKNOWN)
    bzw_contact_set_trust (into, bzw_contact_get_trust (from));
  if (bzw_contact_get_interval_ideal (into) == 0)
    bzw_contact_set_interval_ideal (into, bzw_contact_get_interval_ideal (from));
  if (bzw_contact_get_interval_max (into) == 0)
    bzw_contact_set_interval_max (into, bzw_contact_get_interval_max (from));
  if (bzw_contact_get_met_in_person (from))
    bzw_contact_set_met_in_person (into, TRUE);
}

/* @from's notes follow @into's after a blank line, unless @into holds
 * them already (a card merged twice).
 */
static void
merge_notes (BzwContact *into,
             BzwContact *from)
{
  const char *notes = bzw_contact_get_notes (from);
  const char *mine = bzw_contact_get_notes (into);

  if (notes == NULL)
    return;

  if (mine == NULL)
    bzw_contact_set_notes (into, notes);
  else if (strstr (mine, notes) == NULL)
    {
      g_autofree char *joined = g_strconcat (mine, "\n\n", notes, NULL);

      bzw_contact_set_notes (into, joined);
    }
}

/* The kept vCard lines of @from that @into does not have yet. */
static void
merge_extra (BzwContact *into,
             BzwContact *from)
{
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) mine = NULL;
  g_autoptr(GString) extra = NULL;

  if (bzw_contact_get_extra (from) == NULL)
    return;

  lines = g_strsplit (bzw_contact_get_extra (from), "\n", -1);
  extra = g_string_new (bzw_contact_get_extra (into));
  mine = g_strsplit (extra->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0' || g_strv_contains ((const char * const *) mine, lines[i]))
        continue;
      if (extra->len > 0)
        g_string_append_c (extra, '\n');
      g_string_append (extra, lines[i]);
    }
  bzw_contact_set_extra (into, extra->str);
}

/* The labelled values of @from that @into lacks, compared the way their
 * kind needs; one @into has without a label takes @from's.
 */
static void
merge_fields (BzwContact *into,
              BzwContact *from)
{
  GPtrArray *into_fields = bzw_contact_get_fields (into);
  GPtrArray *from_fields = bzw_contact_get_fields (from);

  for (guint i = 0; i < from_fields->len; i++)
    {
      const BzwContactField *field = g_ptr_array_index (from_fields, i);
      BzwContactField *same = NULL;

      for (guint k = 0; k < into_fields->len && same == NULL; k++)
        {
          BzwContactField *other = g_ptr_array_index (into_fields, k);

          if (other->kind == field->kind && same_value (field->kind, field->value, other->value))
            same = other;
        }

      if (same == NULL)
        g_ptr_array_add (into_fields, bzw_contact_field_copy (field));
      else if (same->label == NULL && field->label != NULL)
        same->label = g_strdup (field->label);
    }
}

/**
 * bzw_contact_merge:
 *
 * Merges @from into @into keeping every field of both: what @into lacks is
 * taken from @from, labelled values and kept vCard lines are joined without
 * duplicates, notes are joined.  Where both have a single value (a name,
 * the organisation) the one of @into stays.
 */
void
bzw_contact_merge (BzwContact *into,
                   BzwContact *from)
{
  GArray *circle_ids;

  g_return_if_fail (BZW_IS_CONTACT (into));
  g_return_if_fail (BZW_IS_CONTACT (from));

  merge_single_values (into, from);
  merge_notes (into, from);
  merge_extra (into, from);
  merge_fields (into, from);

  circle_ids = bzw_contact_get_circle_ids (from);
  for (guint i = 0; i < circle_ids->len; i++)
    {
      gint64 id = g_array_index (circle_ids, gint64, i);

      if (!bzw_contact_has_circle (into, id))
        g_array_append_val (bzw_contact_get_circle_ids (into), id);
    }
}

static guint
count_fields (BzwContact   *contact,
              BzwFieldKind  kind)
{
  GPtrArray *fields = bzw_contact_get_fields (contact);
  guint n = 0;

  for (guint i = 0; i < fields->len; i++)
    if (((BzwContactField *) g_ptr_array_index (fields, i))->kind == kind)
      n++;

  return n;
}

static void
append_part (GString    *out,
             const char *part)
{
  g_string_append (out, out->len == 0 ? "+ " : ", ");
  g_string_append (out, part);
}

/* Translators: what merging an imported card adds, "+ 2 e-mail addresses". */
static char *
field_count_text (BzwFieldKind kind,
                  guint        n)
{
  switch (kind)
    {
    case BZW_FIELD_EMAIL:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u e-mail address", "%u e-mail addresses", n), n);
    case BZW_FIELD_PHONE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u phone number", "%u phone numbers", n), n);
    case BZW_FIELD_ADDRESS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u address", "%u addresses", n), n);
    case BZW_FIELD_URL:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u website", "%u websites", n), n);
    case BZW_FIELD_IMPP:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u messenger", "%u messengers", n), n);
    case BZW_FIELD_DATE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u date", "%u dates", n), n);
    case BZW_FIELD_RELATED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u related person", "%u related persons", n), n);
    case BZW_N_FIELD_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static void
describe_fields (GString    *out,
                 BzwContact *before,
                 BzwContact *after)
{
  for (BzwFieldKind kind = 0; kind < BZW_N_FIELD_KINDS; kind++)
    {
      guint n = count_fields (after, kind) - count_fields (before, kind);
      g_autofree char *part = NULL;

      if (n == 0)
        continue;
      part = field_count_text (kind, n);
      append_part (out, part);
    }
}

static void
describe_values (GString    *out,
                 BzwContact *before,
                 BzwContact *after)
{
  static const struct {
    const char *(*get) (BzwContact *contact);
    const char  *title;
  } values[] = {
    { bzw_contact_get_given_name, N_("given name") },
    { bzw_contact_get_family_name, N_("family name") },
    { bzw_contact_get_nickname, N_("nickname") },
    { bzw_contact_get_organisation, N_("organisation") },
    { bzw_contact_get_department, N_("department") },
    { bzw_contact_get_role, N_("role") },
    { bzw_contact_get_birthday, N_("birthday") },
    { bzw_contact_get_notes, N_("notes") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (g_strcmp0 (values[i].get (before), values[i].get (after)) != 0)
      append_part (out, g_dgettext (GETTEXT_PACKAGE, values[i].title));

  if (bzw_contact_get_photo (before) == NULL && bzw_contact_get_photo (after) != NULL)
    append_part (out, _("photo"));
}

/**
 * bzw_contact_describe_merge:
 *
 * What bzw_contact_merge() would add to @into from @from, in words for
 * the import preview: "+ 2 e-mail addresses, birthday".
 *
 * Returns: (transfer full) (nullable): the description, or %NULL when
 *   merging adds nothing
 */
char *
bzw_contact_describe_merge (BzwContact *into,
                            BzwContact *from)
{
  g_autoptr(BzwContact) merged = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (BZW_IS_CONTACT (into), NULL);
  g_return_val_if_fail (BZW_IS_CONTACT (from), NULL);

  merged = bzw_contact_copy (into);
  bzw_contact_merge (merged, from);
  describe_fields (out, into, merged);
  describe_values (out, into, merged);

  return out->len > 0 ? g_strdup (out->str) : NULL;
}
