/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-labels"

#include "config.h"

#include "bzw-labels.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const char * const trust_labels[] = {
  N_("Not decided yet"),
  N_("No"),
  N_("With reservations"),
  N_("Yes, gladly"),
};

static const char * const field_labels[] = {
  N_("E-mail"),
  N_("Phone"),
  N_("Address"),
  N_("Website"),
  N_("Messenger"),
  N_("Date"),
  N_("Related person"),
};

/* The ids are stored; the order is the order of the menus. */
static const BzwLabel relationship_kinds[] = {
  { "friend", N_("Friends") },
  { "family", N_("Family") },
  { "partner", N_("Partners") },
  { "colleague", N_("Colleagues") },
  { "former-colleague", N_("Former colleagues") },
  { "business-partner", N_("Business partners") },
  { "client", N_("Client and supplier") },
  { "introduced-by-me", N_("Introduced by me") },
  /* a_id introduced me to b_id: „Kennengelernt über …“ */
  { "introducer", N_("Met through them") },
  { "club", N_("Same club") },
  { "alumni", N_("Studied together") },
  { "acquaintance", N_("Acquaintances") },
};

/* Common labels in address books, in their usual spellings. */
static const BzwLabel field_label_words[] = {
  { "work", N_("Work") },
  { "home", N_("Home") },
  { "cell", N_("Mobile") },
  { "mobile", N_("Mobile") },
  { "fax", N_("Fax") },
  { "other", N_("Other") },
  { "main", N_("Main") },
  { "pager", N_("Pager") },
  { "anniversary", N_("Anniversary") },
  { "name-day", N_("Name day") },
  { "spouse", N_("Spouse or partner") },
  { "child", N_("Child") },
  { "parent", N_("Parent") },
  { "sibling", N_("Sibling") },
  { "assistant", N_("Assistant") },
};

/* The labels the editor offers for each kind of field, as ids of
 * field_label_words; "other" always last.
 */
static const char * const field_presets[BZW_N_FIELD_KINDS][7] = {
  [BZW_FIELD_EMAIL] = { "home", "work", "other", NULL },
  [BZW_FIELD_PHONE] = { "cell", "home", "work", "fax", "other", NULL },
  [BZW_FIELD_ADDRESS] = { "home", "work", "other", NULL },
  [BZW_FIELD_URL] = { "home", "work", "other", NULL },
  [BZW_FIELD_IMPP] = { "home", "work", "other", NULL },
  [BZW_FIELD_DATE] = { "anniversary", "other", NULL },
  [BZW_FIELD_RELATED] = { "spouse", "child", "parent", "sibling", "assistant", "other", NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (field_labels) == BZW_N_FIELD_KINDS);

const char *
bzw_labels_trust (BzwTrust trust)
{
  g_return_val_if_fail (trust <= BZW_TRUST_YES, NULL);

  return _(trust_labels[trust]);
}

/**
 * bzw_labels_field_label:
 * @label: (nullable): a stored label: an id such as "work", or the user's
 *   own words
 *
 * Returns: (nullable): @label as the user reads it: „Arbeit“ for "work",
 *   the user's own words as they are.
 */
const char *
bzw_labels_field_label (const char *label)
{
  if (label == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (field_label_words); i++)
    if (g_ascii_strcasecmp (label, field_label_words[i].id) == 0)
      return _(field_label_words[i].label);

  return label;
}

/**
 * bzw_labels_field_presets:
 *
 * Returns: (array zero-terminated=1): the ids of the labels the editor
 *   offers for @kind, such as "home" and "work"; show them with
 *   bzw_labels_field_label().
 */
const char * const *
bzw_labels_field_presets (BzwFieldKind kind)
{
  g_return_val_if_fail (kind < BZW_N_FIELD_KINDS, NULL);

  return field_presets[kind];
}

/* „E-Mail“, „Telefon“, „Adresse“, …: the kind of a field. */
const char *
bzw_labels_field_kind (BzwFieldKind kind)
{
  g_return_val_if_fail (kind < BZW_N_FIELD_KINDS, NULL);

  return _(field_labels[kind]);
}

/* "E-mail (Work)", or just "E-mail"; never "Website (Website)". */
char *
bzw_labels_field (BzwFieldKind  kind,
                  const char   *label)
{
  g_autofree char *folded_kind = NULL;
  g_autofree char *folded_label = NULL;
  const char *kind_label;

  g_return_val_if_fail (kind < BZW_N_FIELD_KINDS, NULL);

  kind_label = bzw_labels_field_kind (kind);
  if (label == NULL || label[0] == '\0')
    return g_strdup (kind_label);

  label = bzw_labels_field_label (label);

  folded_kind = g_utf8_casefold (kind_label, -1);
  folded_label = g_utf8_casefold (label, -1);
  if (g_str_equal (folded_kind, folded_label))
    return g_strdup (kind_label);

  return g_strdup_printf ("%s (%s)", kind_label, label);
}

/* The seven vCard ADR parts, as a German address reads: street, then
 * postcode and city, then country.
 */
char *
bzw_labels_format_address (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value != NULL ? value : "", BZW_ADDRESS_SEPARATOR, 7);
  const char *part[7] = { NULL };
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GString) city = g_string_new (NULL);

  for (guint i = 0; i < 7 && parts[i] != NULL; i++)
    part[i] = parts[i][0] != '\0' ? parts[i] : NULL;

  /* Only one part: a free-form address. */
  if (g_strv_length (parts) == 1)
    return g_strdup (value);

  for (guint i = 0; i < 3; i++)
    {
      if (part[i] == NULL)
        continue;
      if (s->len > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, part[i]);
    }

  if (part[5] != NULL)
    g_string_append (city, part[5]);
  if (part[3] != NULL)
    g_string_append_printf (city, "%s%s", city->len > 0 ? " " : "", part[3]);
  if (part[4] != NULL)
    g_string_append_printf (city, "%s%s", city->len > 0 ? ", " : "", part[4]);
  if (city->len > 0)
    g_string_append_printf (s, "%s%s", s->len > 0 ? "\n" : "", city->str);
  if (part[6] != NULL)
    g_string_append_printf (s, "%s%s", s->len > 0 ? "\n" : "", part[6]);

  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
days_text (int days)
{
  if (days % 365 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every year", "every %d years", days / 365),
                            days / 365);
  if (days % 30 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every month", "every %d months", days / 30),
                            days / 30);
  if (days % 7 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every week", "every %d weeks", days / 7),
                            days / 7);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every day", "every %d days", days), days);
}

/* "Ideally every 2 months, at the latest every 4 months". */
char *
bzw_labels_rhythm (int ideal_days,
                   int latest_days)
{
  g_autofree char *ideal = ideal_days > 0 ? days_text (ideal_days) : NULL;
  g_autofree char *latest = latest_days > 0 ? days_text (latest_days) : NULL;

  if (ideal != NULL && latest != NULL && latest_days != ideal_days)
    /* Translators: both halves are like "every 2 months". */
    return g_strdup_printf (_("Ideally %s, at the latest %s"), ideal, latest);

  if (ideal != NULL)
    return g_strdup_printf (_("Ideally %s"), ideal);

  if (latest != NULL)
    return g_strdup_printf (_("At the latest %s"), latest);

  return NULL;
}

const BzwLabel *
bzw_labels_relationship_kinds (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (relationship_kinds);
  return relationship_kinds;
}

const char *
bzw_labels_relationship_kind (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (relationship_kinds); i++)
    if (g_strcmp0 (kind, relationship_kinds[i].id) == 0)
      return _(relationship_kinds[i].label);

  return kind != NULL ? kind : _(relationship_kinds[G_N_ELEMENTS (relationship_kinds) - 1].label);
}

/**
 * bzw_labels_relationship_seen_from:
 * @kind: the stored kind
 * @from_a: whether the reader stands on the side of the relationship's
 *   a_id, so that @other is its b_id
 * @other: (nullable): the name of the person on the other side
 *
 * The kind as one side reads it.  Most kinds read the same from both sides;
 * "introducer" (a_id introduced me to b_id) does not: on the introducer's
 * page it reads „Hat Ihnen Bernd Schröder vorgestellt“, on the other's
 * „Kennengelernt über Anna Klein“.
 *
 * Returns: (transfer full): the label
 */
char *
bzw_labels_relationship_seen_from (const char *kind,
                                   gboolean    from_a,
                                   const char *other)
{
  if (g_strcmp0 (kind, "introducer") != 0 || other == NULL)
    return g_strdup (bzw_labels_relationship_kind (kind));

  if (from_a)
    /* Translators: on the introducer's page; %s is the person they introduced you to. */
    return g_strdup_printf (_("Introduced you to %s"), other);

  /* Translators: on the page of the person you met; %s is who introduced you. */
  return g_strdup_printf (_("You met through %s"), other);
}

/* "Colleagues · strength 4 of 5 · since 2019", the kind as the side of
 * @from_a reads it (see bzw_labels_relationship_seen_from()).
 */
char *
bzw_labels_relationship_subtitle (const char *kind,
                                  gboolean    from_a,
                                  const char *other,
                                  int         strength,
                                  const char *since)
{
  g_autofree char *seen = bzw_labels_relationship_seen_from (kind, from_a, other);
  g_autoptr(GString) s = g_string_new (seen);

  g_string_append (s, " · ");
  g_string_append_printf (s, _("strength %d of 5"), CLAMP (strength, 1, 5));
  if (since != NULL && since[0] != '-')
    {
      g_string_append (s, " · ");
      /* Translators: %.4s is a year. */
      g_string_append_printf (s, _("since %.4s"), since);
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* "1.234,50 €" in German notation. */
char *
bzw_labels_format_euros (gint64 cents)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, ABS (cents) / 100);
  gsize n = strlen (digits);

  if (cents < 0)
    g_string_append_c (s, '-');
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (s, '.');
      g_string_append_c (s, digits[i]);
    }
  if (ABS (cents) % 100 != 0)
    g_string_append_printf (s, ",%02d", (int) (ABS (cents) % 100));
  /* A no-break space: „€“ never stands alone at the start of a line. */
  g_string_append (s, "\u00a0€");
  return g_string_free (g_steal_pointer (&s), FALSE);
}
