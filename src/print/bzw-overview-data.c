/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-overview-renderer"

#include "config.h"

#include "bzw-overview-renderer-private.h"

#include "bzw-keep-in-touch.h"
#include "bzw-map-export.h"
#include "bzw-store-print.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Loading: the selected contacts from the store, each turned into a row of
 * ready-made Pango markup, grouped alphabetically or by circle.
 */

/* A colour safe to put into markup. */
static const char *
valid_color (const char *color)
{
  PangoColor parsed;

  if (color != NULL && color[0] == '#' && pango_color_parse (&parsed, color))
    return color;

  return "#77767b";
}

static char *
format_date (gint64      unix_time,
             const char *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (unix_time);

  if (dt == NULL)
    return NULL;

  return g_date_time_format (dt, format);
}

static char *
format_gdate (const GDate *date,
              const char  *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                   g_date_get_day (date), 12, 0, 0);

  if (dt == NULL)
    return NULL;

  return g_date_time_format (dt, format);
}

const char *
_bzw_overview_short_date_format (void)
{
  /* Translators: a date in a table, for strftime-like g_date_time_format(); "%d.%m.%Y" in German. */
  return _("%Y-%m-%d");
}

/* The group letter of a contact: the first letter of what it sorts by
 * (bzw-name-order.c), so Dr. Heike Brandt goes under B, Ärzte under A and
 * Öztürk under O, as German lists do; "#" for the rest.
 */
static char *
group_letter (BzwContact   *contact,
              BzwNameOrder  order)
{
  g_autofree char *key = bzw_name_dup_sort_key_for_contact (contact, order);

  if (!g_ascii_isalpha (key[0]))
    return g_strdup ("#");
  return g_strdup_printf ("%c", g_ascii_toupper (key[0]));
}

static void
append_secondary (GString    *markup,
                  const char *text,
                  double      size)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append_printf (markup, "<span size=\"%d\" foreground=\"#%06x\">%s</span>",
                          PT (size), SECONDARY, escaped);
}

/* One value per line, the preferred first.  With @break_at_sign each
 * e-mail address goes on with its domain on a line of its own, a better
 * place to break than wherever the column ends (before its "@").
 */
static char *
fields_markup (BzwContact   *contact,
               BzwFieldKind  kind,
               gboolean      break_at_sign,
               guint        *n_values)
{
  GPtrArray *fields = bzw_contact_get_fields (contact);
  const char *first = bzw_contact_get_first_value (contact, kind);
  GString *markup = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < fields->len; i++)
    if (((BzwContactField *) g_ptr_array_index (fields, i))->kind == kind)
      n++;

  /* The preferred value first, then the others in their order. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < fields->len; i++)
        {
          const BzwContactField *field = g_ptr_array_index (fields, i);
          g_autofree char *escaped = NULL;

          if (field->kind != kind || (pass == 0) != (field->value == first))
            continue;

          if (markup->len > 0)
            g_string_append_c (markup, '\n');
          escaped = g_markup_escape_text (field->value, -1);
          if (break_at_sign && strchr (escaped, '@') != NULL)
            {
              g_auto(GStrv) parts = g_strsplit (escaped, "@", 2);

              /* Before the "@", so the line that follows begins "@domain"
               * and reads as the rest of the address.
               */
              g_string_append_printf (markup, "%s\n@%s", parts[0], parts[1]);
            }
          else
            {
              g_string_append (markup, escaped);
            }

          /* Labels tell several numbers apart; alone they are noise. */
          if (n > 1 && field->label != NULL && field->label[0] != '\0')
            {
              g_string_append (markup, " ");
              append_secondary (markup, field->label, SMALL_SIZE);
            }
        }
    }

  if (n_values != NULL)
    *n_values = n;

  if (markup->len == 0)
    {
      g_string_free (markup, TRUE);
      return NULL;
    }

  return g_string_free (markup, FALSE);
}

static const char *
circle_name (GPtrArray *circles,
             gint64     id,
             const char **color)
{
  for (guint i = 0; i < circles->len; i++)
    {
      BzwCircle *circle = g_ptr_array_index (circles, i);

      if (bzw_circle_get_id (circle) == id)
        {
          *color = bzw_circle_get_color (circle);
          return bzw_circle_get_name (circle);
        }
    }

  return NULL;
}

/* The name, and the circles beneath it with their colours. */
static char *
name_markup (BzwContact   *contact,
             GPtrArray    *circles,
             BzwNameOrder  display)
{
  /* As the list shows it: „Brandt, Dr. Heike“ with „Anzeigen als:
   * Nachname, Vorname“.
   */
  g_autofree char *name = bzw_name_dup_shown_for_contact (contact, display);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  GArray *circle_ids = bzw_contact_get_circle_ids (contact);
  GString *markup = g_string_new (NULL);
  gboolean first = TRUE;

  g_string_append_printf (markup, "<span weight=\"bold\" size=\"%d\">%s</span>", PT (NAME_SIZE), escaped);
  for (guint i = 0; i < circle_ids->len; i++)
    {
      const char *color = NULL;
      const char *circle = circle_name (circles, g_array_index (circle_ids, gint64, i), &color);
      g_autofree char *escaped_circle = NULL;
      g_autofree char *nbsp_circle = NULL;
      g_auto(GStrv) words = NULL;

      if (circle == NULL)
        continue;

      /* Break lines between circles, not inside a circle's name. */
      nbsp_circle = g_strjoinv ("\u00a0", (words = g_strsplit (circle, " ", -1)));
      escaped_circle = g_markup_escape_text (nbsp_circle, -1);
      g_string_append (markup, first ? "\n" : "   ");
      /* A no-break space keeps the dot with its circle. */
      g_string_append_printf (markup,
                              "<span size=\"%d\" foreground=\"%s\">●</span>\u00a0"
                              "<span size=\"%d\" foreground=\"#%06x\">%s</span>",
                              PT (SMALL_SIZE - 1), valid_color (color),
                              PT (SMALL_SIZE), SECONDARY, escaped_circle);
      first = FALSE;
    }

  return g_string_free (markup, FALSE);
}

/* The organisation, and the role beneath it; NULL without either. */
static char *
organisation_markup (BzwContact *contact)
{
  const char *organisation = bzw_contact_get_organisation (contact);
  const char *role = bzw_contact_get_role (contact);
  GString *markup;

  if (organisation == NULL && role == NULL)
    return NULL;

  markup = g_string_new (NULL);
  if (organisation != NULL)
    {
      g_autofree char *escaped_org = g_markup_escape_text (organisation, -1);

      g_string_append (markup, escaped_org);
    }
  if (role != NULL)
    {
      if (markup->len > 0)
        g_string_append_c (markup, '\n');
      append_secondary (markup, role, BODY_SIZE - 0.5);
    }

  return g_string_free (markup, FALSE);
}

static char *
last_markup (BzwContact *contact)
{
  gint64 last = bzw_contact_get_last_encounter (contact);

  if (last > 0)
    return format_date (last, _bzw_overview_short_date_format ());

  /* Translators: in the "last contact" column: there was no encounter yet. */
  return g_strdup_printf ("<span foreground=\"#%06x\">%s</span>", FAINT, C_("overview", "never"));
}

/* „Fällig am“: the ideal date of the keep-in-touch rule, bold when due,
 * red when overdue.
 */
static char *
due_markup (const BzwKeepInTouch *kit)
{
  g_autofree char *date = NULL;

  if (!g_date_valid (&kit->due_ideal))
    return g_strdup_printf ("<span foreground=\"#%06x\">–</span>", FAINT);

  date = format_gdate (&kit->due_ideal, _bzw_overview_short_date_format ());
  if (kit->state == BZW_KEEP_IN_TOUCH_OVERDUE)
    return g_strdup_printf ("<span foreground=\"#%06x\" weight=\"bold\">%s</span>", OVERDUE, date);
  if (kit->state == BZW_KEEP_IN_TOUCH_DUE)
    return g_strdup_printf ("<span weight=\"bold\">%s</span>", date);

  return g_steal_pointer (&date);
}

static void
build_row (Row          *row,
           BzwContact   *contact,
           GPtrArray    *circles,
           gboolean      include_notes,
           BzwNameOrder  display,
           GDateTime    *now)
{
  const char *notes = bzw_contact_get_notes (contact);
  BzwKeepInTouch kit;

  bzw_keep_in_touch_compute_for_contact (&kit, contact, circles, now);
  row->contact_id = bzw_contact_get_id (contact);
  row->due = kit.due_ideal;

  row->cells[COL_NAME] = name_markup (contact, circles, display);
  row->cells[COL_ORG] = organisation_markup (contact);
  row->cells[COL_PHONE] = fields_markup (contact, BZW_FIELD_PHONE, FALSE, NULL);
  row->cells[COL_EMAIL] = fields_markup (contact, BZW_FIELD_EMAIL, FALSE, &row->n_emails);
  row->email_broken = fields_markup (contact, BZW_FIELD_EMAIL, TRUE, NULL);
  row->cells[COL_LAST] = last_markup (contact);
  row->cells[COL_DUE] = due_markup (&kit);

  if (include_notes && notes != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (notes));

      if (stripped[0] != '\0')
        row->notes = g_markup_escape_text (stripped, -1);
    }
}

static guint
add_group (BzwOverviewRenderer *self,
           const char          *title,
           const char          *color)
{
  Group group = { g_strdup (title), g_strdup (color), 0 };

  g_array_append_val (self->groups, group);
  return self->groups->len - 1;
}

static void
add_entry (BzwOverviewRenderer *self,
           EntryKind            kind,
           guint                index)
{
  Entry entry = { kind, index };

  g_array_append_val (self->entries, entry);
}

typedef struct
{
  char  *letter;
  char  *key;
  GArray *rows;
} LetterGroup;

static void
letter_group_free (LetterGroup *group)
{
  g_free (group->letter);
  g_free (group->key);
  g_array_unref (group->rows);
  g_free (group);
}

static int
compare_letter_groups (gconstpointer a,
                       gconstpointer b)
{
  const LetterGroup *ga = *(const LetterGroup **) a;
  const LetterGroup *gb = *(const LetterGroup **) b;

  /* "#" goes last. */
  if ((ga->letter[0] == '#') != (gb->letter[0] == '#'))
    return ga->letter[0] == '#' ? 1 : -1;

  return strcmp (ga->key, gb->key);
}

static void
group_alphabetically (BzwOverviewRenderer *self,
                      GPtrArray           *contacts)
{
  g_autoptr(GHashTable) by_letter = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) letters = g_ptr_array_new_with_free_func ((GDestroyNotify) letter_group_free);

  /* The store gives the contacts in collation order; keep it inside each
   * letter, and sort the letters themselves, so names that collate oddly
   * (digits, signs) never make a letter appear twice.
   */
  for (guint i = 0; i < contacts->len; i++)
    {
      g_autofree char *letter = group_letter (g_ptr_array_index (contacts, i),
                                              bzw_store_get_name_order (self->store));
      LetterGroup *group = g_hash_table_lookup (by_letter, letter);

      if (group == NULL)
        {
          group = g_new0 (LetterGroup, 1);
          group->letter = g_steal_pointer (&letter);
          group->key = g_utf8_collate_key (group->letter, -1);
          group->rows = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_letter, group->letter, group);
          g_ptr_array_add (letters, group);
        }

      g_array_append_val (group->rows, i);
    }

  g_ptr_array_sort (letters, compare_letter_groups);

  for (guint i = 0; i < letters->len; i++)
    {
      LetterGroup *letter = g_ptr_array_index (letters, i);
      guint g = add_group (self, letter->letter, NULL);

      g_array_index (self->groups, Group, g).n_rows = letter->rows->len;
      add_entry (self, ENTRY_HEADING, g);
      for (guint j = 0; j < letter->rows->len; j++)
        add_entry (self, ENTRY_ROW, g_array_index (letter->rows, guint, j));
    }
}

/* A contact in several circles is listed under each of them; contacts in
 * none come last.  When one circle was chosen, only that circle is shown.
 */
static void
group_by_circle (BzwOverviewRenderer *self,
                 GPtrArray           *contacts,
                 GPtrArray           *circles,
                 gint64               only_circle)
{
  g_autoptr(GArray) without = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint c = 0; c < circles->len; c++)
    {
      BzwCircle *circle = g_ptr_array_index (circles, c);
      gint64 circle_id = bzw_circle_get_id (circle);
      guint g = G_MAXUINT;

      if (only_circle > 0 && circle_id != only_circle)
        continue;

      for (guint i = 0; i < contacts->len; i++)
        {
          if (!bzw_contact_has_circle (g_ptr_array_index (contacts, i), circle_id))
            continue;

          if (g == G_MAXUINT)
            {
              g = add_group (self, bzw_circle_get_name (circle), bzw_circle_get_color (circle));
              add_entry (self, ENTRY_HEADING, g);
            }
          g_array_index (self->groups, Group, g).n_rows++;
          add_entry (self, ENTRY_ROW, i);
        }
    }

  if (only_circle > 0)
    return;

  for (guint i = 0; i < contacts->len; i++)
    if (bzw_contact_get_circle_ids (g_ptr_array_index (contacts, i))->len == 0)
      g_array_append_val (without, i);

  if (without->len > 0)
    {
      /* Translators: the group of contacts that are in no circle. */
      guint g = add_group (self, C_("overview", "Not in a circle"), NULL);

      g_array_index (self->groups, Group, g).n_rows = without->len;
      add_entry (self, ENTRY_HEADING, g);
      for (guint i = 0; i < without->len; i++)
        add_entry (self, ENTRY_ROW, g_array_index (without, guint, i));
    }
}

/* Keeps the contacts that are due or overdue today. */
static void
keep_due (GPtrArray *contacts,
          GPtrArray *circles,
          GDateTime *now)
{
  for (guint i = contacts->len; i > 0; i--)
    {
      BzwKeepInTouch kit;

      bzw_keep_in_touch_compute_for_contact (&kit, g_ptr_array_index (contacts, i - 1), circles, now);
      if (kit.state != BZW_KEEP_IN_TOUCH_DUE && kit.state != BZW_KEEP_IN_TOUCH_OVERDUE)
        g_ptr_array_remove_index (contacts, i - 1);
    }
}

static void
set_empty_error (BzwOverviewRenderer  *self,
                 BzwOverviewSelection  selection,
                 GPtrArray            *circles,
                 GError              **error)
{
  const char *color = NULL;
  const char *name;

  switch (selection)
    {
    case BZW_OVERVIEW_SELECTION_CIRCLE:
      name = circle_name (circles, bzw_overview_options_get_circle_id (self->options), &color);
      if (name != NULL)
        g_set_error (error, BZW_OVERVIEW_ERROR, BZW_OVERVIEW_ERROR_EMPTY,
                     _("Nothing to print: the circle “%s” has no contacts."), name);
      else
        g_set_error_literal (error, BZW_OVERVIEW_ERROR, BZW_OVERVIEW_ERROR_EMPTY,
                             _("Nothing to print: the circle no longer exists."));
      break;

    case BZW_OVERVIEW_SELECTION_CONTACTS:
      g_set_error_literal (error, BZW_OVERVIEW_ERROR, BZW_OVERVIEW_ERROR_EMPTY,
                           _("Nothing to print: the search found no contacts."));
      break;

    case BZW_OVERVIEW_SELECTION_DUE:
      g_set_error_literal (error, BZW_OVERVIEW_ERROR, BZW_OVERVIEW_ERROR_EMPTY,
                           _("Nothing to print: no contact is due right now."));
      break;

    case BZW_OVERVIEW_SELECTION_ALL:
    default:
      g_set_error_literal (error, BZW_OVERVIEW_ERROR, BZW_OVERVIEW_ERROR_EMPTY,
                           _("Nothing to print: there are no contacts yet."));
      break;
    }
}

static char *
describe_selection (BzwOverviewRenderer  *self,
                    BzwOverviewSelection  selection,
                    BzwOverviewGrouping   grouping,
                    GPtrArray            *circles)
{
  g_autofree char *what = NULL;
  const char *color = NULL;
  const char *name;

  switch (selection)
    {
    case BZW_OVERVIEW_SELECTION_CIRCLE:
      name = circle_name (circles, bzw_overview_options_get_circle_id (self->options), &color);
      /* Translators: which contacts the overview shows: those of one circle. */
      what = g_strdup_printf (_("Circle “%s”"), name != NULL ? name : "");
      break;

    case BZW_OVERVIEW_SELECTION_CONTACTS:
      /* Translators: which contacts the overview shows. */
      what = g_strdup (C_("overview", "Search result"));
      break;

    case BZW_OVERVIEW_SELECTION_DUE:
      /* Translators: which contacts the overview shows. */
      what = g_strdup (C_("overview", "Contacts due"));
      break;

    case BZW_OVERVIEW_SELECTION_ALL:
    default:
      /* Translators: which contacts the overview shows. */
      what = g_strdup (C_("overview", "All contacts"));
      break;
    }

  if (grouping == BZW_OVERVIEW_GROUPING_CIRCLE && selection != BZW_OVERVIEW_SELECTION_CIRCLE)
    /* Translators: %s is e.g. "All contacts". */
    return g_strdup_printf (_("%s, by circle"), what);

  return g_steal_pointer (&what);
}

/* The ids of the contacts the options select, in list order; the due
 * selection is narrowed later, by the keep-in-touch rule.
 */
static GArray *
select_ids (BzwOverviewRenderer  *self,
            GPtrArray            *circles,
            GError              **error)
{
  BzwOverviewSelection selection = bzw_overview_options_get_selection (self->options);
  BzwContactQuery query = { 0 };

  switch (selection)
    {
    case BZW_OVERVIEW_SELECTION_CONTACTS:
      return g_array_copy (bzw_overview_options_get_contact_ids (self->options));

    case BZW_OVERVIEW_SELECTION_CIRCLE:
      query.circle_id = bzw_overview_options_get_circle_id (self->options);
      if (query.circle_id <= 0)
        {
          set_empty_error (self, selection, circles, error);
          return NULL;
        }
      return bzw_store_list_contact_ids (self->store, &query, error);

    case BZW_OVERVIEW_SELECTION_DUE:
    case BZW_OVERVIEW_SELECTION_ALL:
    default:
      return bzw_store_list_contact_ids (self->store, &query, error);
    }
}

/* The name, date and description in the page frame. */
static void
describe (BzwOverviewRenderer *self,
          GPtrArray           *circles,
          GDateTime           *date,
          guint                n_contacts)
{
  BzwOverviewOptions *options = self->options;

  if (bzw_overview_options_get_user_name (options) != NULL)
    self->user_name = g_strdup (bzw_overview_options_get_user_name (options));
  else
    self->user_name = bzw_store_dup_setting (self->store, "user-name");
  if (self->user_name != NULL)
    g_strstrip (self->user_name);
  if (self->user_name != NULL && self->user_name[0] == '\0')
    g_clear_pointer (&self->user_name, g_free);

  /* Translators: the date in the header, for g_date_time_format(); "%-d. %B %Y" in German. */
  self->date_long = g_date_time_format (date, _("%B %-d, %Y"));
  self->date_short = g_date_time_format (date, _bzw_overview_short_date_format ());
  self->summary = describe_selection (self, bzw_overview_options_get_selection (options),
                                      bzw_overview_options_get_grouping (options), circles);
  self->count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact", "%u contacts", n_contacts),
                                      n_contacts);
}

/**
 * bzw_overview_renderer_load:
 *
 * Reads the contacts the options select, with everything the overview
 * shows, and the map when the options ask for the map page.  Call it again
 * when the options or the store change; it drops the pagination.
 *
 * Returns: %TRUE when there is something to print; else %FALSE with
 *   %BZW_OVERVIEW_ERROR_EMPTY (a message for the user) or a store error
 */
gboolean
bzw_overview_renderer_load (BzwOverviewRenderer  *self,
                            GError              **error)
{
  BzwOverviewOptions *options;
  BzwOverviewSelection selection;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) circles = NULL;
  g_autoptr(GDateTime) date = NULL;

  g_return_val_if_fail (BZW_IS_OVERVIEW_RENDERER (self), FALSE);

  _bzw_overview_clear_loaded (self);
  options = self->options;
  selection = bzw_overview_options_get_selection (options);

  if ((circles = bzw_store_list_circles (self->store, error)) == NULL ||
      (ids = select_ids (self, circles, error)) == NULL ||
      (contacts = bzw_store_list_contacts_for_print (self->store, ids, error)) == NULL)
    return FALSE;

  date = bzw_overview_options_get_date (options) != NULL
           ? g_date_time_ref (bzw_overview_options_get_date (options))
           : g_date_time_new_now_local ();
  if (selection == BZW_OVERVIEW_SELECTION_DUE)
    keep_due (contacts, circles, date);

  if (contacts->len == 0)
    {
      set_empty_error (self, selection, circles, error);
      return FALSE;
    }

  self->include_map = bzw_overview_options_get_include_map (options);
  if (self->include_map && (self->map_graph = bzw_map_export_read_store (self->store, error)) == NULL)
    return FALSE;

  describe (self, circles, date, contacts->len);
  self->grouping = bzw_overview_options_get_grouping (options);
  self->n_contacts = contacts->len;

  g_array_set_size (self->rows, contacts->len);
  for (guint i = 0; i < contacts->len; i++)
    build_row (&g_array_index (self->rows, Row, i), g_ptr_array_index (contacts, i),
               circles, bzw_overview_options_get_include_notes (options),
               bzw_store_get_name_display (self->store), date);

  if (self->grouping == BZW_OVERVIEW_GROUPING_CIRCLE)
    group_by_circle (self, contacts, circles,
                     selection == BZW_OVERVIEW_SELECTION_CIRCLE ? bzw_overview_options_get_circle_id (options) : 0);
  else
    group_alphabetically (self, contacts);

  self->loaded = TRUE;
  g_debug ("Loaded %u contacts in %u groups", self->n_contacts, self->groups->len);

  return TRUE;
}
