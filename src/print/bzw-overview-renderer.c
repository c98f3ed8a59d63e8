/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-overview-renderer"

#include "config.h"

#include "bzw-overview-renderer.h"
#include "bzw-next-due.h"
#include "bzw-output-file.h"
#include "bzw-store-print.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

/* The printed contact overview ("Kontaktübersicht").
 *
 * load () reads the selected contacts from the store and turns each into a
 * row of ready-made Pango markup, grouped alphabetically or by circle.
 * paginate () measures every row with Pango for a given page area and
 * places headings and rows on pages: a contact never breaks across pages
 * and a heading never stands alone at the foot of a page.  draw_page ()
 * draws one page onto any cairo_t whose unit is the point, so the print
 * dialog, its preview and the PDF of the command line share one drawing.
 *
 * Text is laid out at 72 dpi without hinted metrics or rounded glyph
 * positions, so the measurements of paginate () hold on every surface.
 */

#define FONT_FAMILY "Cantarell, DejaVu Sans"

/* Sizes in points. */
#define TITLE_SIZE       20.0
#define SUBTITLE_SIZE     9.0
#define RUNNING_SIZE      8.5
#define HEADING_SIZE     11.5
#define BODY_SIZE         8.0
#define NAME_SIZE         8.5
#define SMALL_SIZE        7.0
#define COLUMN_HEAD_SIZE  6.5
#define FOOTER_SIZE       7.0

#define CELL_PAD_X        4.0
#define CELL_PAD_Y        3.5
#define HEADING_GAP       9.0
#define NOTES_INDENT      8.0

/* Colours as 0xRRGGBB, from the GNOME palette. */
#define INK          0x241f31
#define SECONDARY    0x5e5c64
#define FAINT        0x77767b
#define RULE         0xc0bfbc
#define STRONG_RULE  0x3d3846
#define ZEBRA        0xf2f1ef
#define OVERDUE      0xc01c28

/* Markup sizes are in 1024ths of a point. */
#define PT(x) ((int) ((x) * PANGO_SCALE))

typedef enum
{
  COL_NAME,
  COL_ORG,
  COL_PHONE,
  COL_EMAIL,
  COL_LAST,
  COL_DUE,
  N_COLUMNS
} Column;

/* Shares of the width left after the two date columns. */
static const double flexible_weights[] = { 0.26, 0.23, 0.20, 0.31 };

typedef enum
{
  ENTRY_HEADING,
  ENTRY_ROW,
} EntryKind;

typedef struct
{
  char  *title;
  char  *color;
  guint  n_rows;
} Group;

typedef struct
{
  char   *cells[N_COLUMNS];
  char   *notes;
  char   *email_broken;
  guint   n_emails;
  gboolean use_email_broken;
  double  cells_height;
  double  notes_height;
} Row;

typedef struct
{
  EntryKind kind;
  guint     index;
} Entry;

/* One heading or row as placed on a page. */
typedef struct
{
  EntryKind kind;
  guint     index;
  guint     continued : 1;
  guint     zebra : 1;
  guint     top : 1;
  double    y;
} Placement;

typedef struct
{
  guint    first;
  guint    n;
  gboolean is_map;
} Page;

struct _BzwOverviewRenderer
{
  GObject                 parent_instance;

  BzwStore               *store;
  BzwOverviewOptions     *options;

  BzwOverviewMapPageFunc  map_func;
  gpointer                map_data;
  GDestroyNotify          map_destroy;

  /* What load () gathered. */
  gboolean                loaded;
  gboolean                include_map;
  BzwOverviewGrouping     grouping;
  guint                   n_contacts;
  GArray                 *groups;
  GArray                 *rows;
  GArray                 *entries;
  char                   *user_name;
  char                   *date_long;
  char                   *date_short;
  char                   *summary;
  char                   *count_text;

  /* What paginate () worked out. */
  PangoContext           *pango;
  PangoLayout            *layout;
  double                  width;
  double                  height;
  double                  column_x[N_COLUMNS + 1];
  double                  first_header_height;
  double                  running_header_height;
  double                  column_head_height;
  double                  footer_height;
  double                  heading_height;
  double                  max_notes_height;
  GArray                  *placements;
  GArray                  *pages;
};

G_DEFINE_FINAL_TYPE (BzwOverviewRenderer, bzw_overview_renderer, G_TYPE_OBJECT)

static void
group_clear (gpointer data)
{
  Group *group = data;

  g_free (group->title);
  g_free (group->color);
}

static void
row_clear (gpointer data)
{
  Row *row = data;

  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (row->cells[i]);
  g_free (row->email_broken);
  g_free (row->notes);
}

static void
set_source_hex (cairo_t *cr,
                guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

static void
set_source_color_string (cairo_t    *cr,
                         const char *color)
{
  PangoColor parsed;

  if (color != NULL && pango_color_parse (&parsed, color))
    cairo_set_source_rgb (cr, parsed.red / 65535.0, parsed.green / 65535.0, parsed.blue / 65535.0);
  else
    set_source_hex (cr, SECONDARY);
}

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

static const char *
short_date_format (void)
{
  /* Translators: a date in a table, for strftime-like g_date_time_format(); "%d.%m.%Y" in German. */
  return _("%Y-%m-%d");
}

/* The group letter of a name: its first letter without accents, so Ärzte
 * go under A and Öztürk under O, as German lists do; "#" for the rest.
 */
static char *
group_letter (const char *name)
{
  g_autofree char *decomposed = NULL;
  gunichar c;
  char buf[8] = { 0 };

  if (name == NULL || name[0] == '\0')
    return g_strdup ("#");

  decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("#");

  c = g_utf8_get_char (decomposed);
  if (!g_unichar_isalpha (c))
    return g_strdup ("#");

  g_unichar_to_utf8 (g_unichar_toupper (c), buf);
  return g_strdup (buf);
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
 * place to break than wherever the column ends.
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

              g_string_append_printf (markup, "%s@\n%s", parts[0], parts[1]);
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

static void
build_row (BzwOverviewRenderer *self,
           Row                 *row,
           BzwContact          *contact,
           GPtrArray           *circles,
           gboolean             include_notes,
           gint64               now)
{
  g_autofree char *name = bzw_contact_dup_best_name (contact);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  GArray *circle_ids = bzw_contact_get_circle_ids (contact);
  const char *organisation = bzw_contact_get_organisation (contact);
  const char *role = bzw_contact_get_role (contact);
  const char *notes = bzw_contact_get_notes (contact);
  gint64 last = bzw_contact_get_last_encounter (contact);
  gint64 due = bzw_next_due_time (contact, circles);
  GString *markup;

  /* Name, and the circles beneath it with their colours. */
  markup = g_string_new (NULL);
  g_string_append_printf (markup, "<span weight=\"bold\" size=\"%d\">%s</span>", PT (NAME_SIZE), escaped);
  if (circle_ids->len > 0)
    {
      gboolean first = TRUE;

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
    }
  row->cells[COL_NAME] = g_string_free (markup, FALSE);

  /* Organisation, and the role beneath it. */
  if (organisation != NULL || role != NULL)
    {
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
      row->cells[COL_ORG] = g_string_free (markup, FALSE);
    }

  row->cells[COL_PHONE] = fields_markup (contact, BZW_FIELD_PHONE, FALSE, NULL);
  row->cells[COL_EMAIL] = fields_markup (contact, BZW_FIELD_EMAIL, FALSE, &row->n_emails);
  row->email_broken = fields_markup (contact, BZW_FIELD_EMAIL, TRUE, NULL);

  if (last > 0)
    row->cells[COL_LAST] = format_date (last, short_date_format ());
  else
    /* Translators: in the "last contact" column: there was no encounter yet. */
    row->cells[COL_LAST] = g_strdup_printf ("<span foreground=\"#%06x\">%s</span>", FAINT, C_("overview", "never"));

  if (due > 0)
    {
      g_autofree char *date = format_date (due, short_date_format ());

      if (due < now)
        row->cells[COL_DUE] = g_strdup_printf ("<span foreground=\"#%06x\" weight=\"bold\">%s</span>",
                                               OVERDUE, date);
      else
        row->cells[COL_DUE] = g_steal_pointer (&date);
    }
  else
    {
      row->cells[COL_DUE] = g_strdup_printf ("<span foreground=\"#%06x\">–</span>", FAINT);
    }

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
letter_group_free (gpointer data)
{
  LetterGroup *group = data;

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
  g_autoptr(GPtrArray) letters = g_ptr_array_new_with_free_func (letter_group_free);

  /* The store gives the contacts in collation order; keep it inside each
   * letter, and sort the letters themselves, so names that collate oddly
   * (digits, signs) never make a letter appear twice.
   */
  for (guint i = 0; i < contacts->len; i++)
    {
      g_autofree char *name = bzw_contact_dup_best_name (g_ptr_array_index (contacts, i));
      g_autofree char *letter = group_letter (name);
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

static void
clear_pagination (BzwOverviewRenderer *self)
{
  g_array_set_size (self->placements, 0);
  g_array_set_size (self->pages, 0);
  g_clear_object (&self->layout);
  g_clear_object (&self->pango);
}

static void
clear_loaded (BzwOverviewRenderer *self)
{
  clear_pagination (self);
  g_array_set_size (self->groups, 0);
  g_array_set_size (self->rows, 0);
  g_array_set_size (self->entries, 0);
  g_clear_pointer (&self->user_name, g_free);
  g_clear_pointer (&self->date_long, g_free);
  g_clear_pointer (&self->date_short, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->count_text, g_free);
  self->n_contacts = 0;
  self->loaded = FALSE;
}

static void
bzw_overview_renderer_dispose (GObject *object)
{
  BzwOverviewRenderer *self = BZW_OVERVIEW_RENDERER (object);

  clear_pagination (self);
  g_clear_object (&self->store);
  g_clear_object (&self->options);
  if (self->map_destroy != NULL)
    g_clear_pointer (&self->map_data, self->map_destroy);
  self->map_func = NULL;

  G_OBJECT_CLASS (bzw_overview_renderer_parent_class)->dispose (object);
}

static void
bzw_overview_renderer_finalize (GObject *object)
{
  BzwOverviewRenderer *self = BZW_OVERVIEW_RENDERER (object);

  clear_loaded (self);
  g_array_unref (self->groups);
  g_array_unref (self->rows);
  g_array_unref (self->entries);
  g_array_unref (self->placements);
  g_array_unref (self->pages);

  G_OBJECT_CLASS (bzw_overview_renderer_parent_class)->finalize (object);
}

static void
bzw_overview_renderer_class_init (BzwOverviewRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bzw_overview_renderer_dispose;
  object_class->finalize = bzw_overview_renderer_finalize;
}

static void
bzw_overview_renderer_init (BzwOverviewRenderer *self)
{
  self->groups = g_array_new (FALSE, TRUE, sizeof (Group));
  g_array_set_clear_func (self->groups, group_clear);
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
}

/**
 * bzw_overview_renderer_new:
 * @store: the store to read from
 * @options: what to print; read by bzw_overview_renderer_load()
 *
 * Returns: (transfer full): a new renderer
 */
BzwOverviewRenderer *
bzw_overview_renderer_new (BzwStore           *store,
                           BzwOverviewOptions *options)
{
  BzwOverviewRenderer *self;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);
  g_return_val_if_fail (BZW_IS_OVERVIEW_OPTIONS (options), NULL);

  self = g_object_new (BZW_TYPE_OVERVIEW_RENDERER, NULL);
  self->store = g_object_ref (store);
  self->options = g_object_ref (options);

  return self;
}

/**
 * bzw_overview_renderer_set_map_page_func:
 * @func: (nullable): draws the relationship map
 *
 * With a function set and the option "include-map" on, the overview gets
 * the map as its last page.  Takes effect at the next paginate.
 */
void
bzw_overview_renderer_set_map_page_func (BzwOverviewRenderer    *self,
                                         BzwOverviewMapPageFunc  func,
                                         gpointer                user_data,
                                         GDestroyNotify          destroy)
{
  g_return_if_fail (BZW_IS_OVERVIEW_RENDERER (self));

  if (self->map_destroy != NULL)
    g_clear_pointer (&self->map_data, self->map_destroy);

  self->map_func = func;
  self->map_data = user_data;
  self->map_destroy = destroy;
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

/**
 * bzw_overview_renderer_load:
 *
 * Reads the contacts the options select, with everything the overview
 * shows.  Call it again when the options or the store change; it drops the
 * pagination.
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
  BzwOverviewGrouping grouping;
  BzwContactQuery query = { 0 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) circles = NULL;
  g_autoptr(GDateTime) date = NULL;
  gboolean include_notes;
  gint64 now;

  g_return_val_if_fail (BZW_IS_OVERVIEW_RENDERER (self), FALSE);

  clear_loaded (self);
  options = self->options;
  selection = bzw_overview_options_get_selection (options);
  grouping = bzw_overview_options_get_grouping (options);
  include_notes = bzw_overview_options_get_include_notes (options);

  circles = bzw_store_list_circles (self->store, error);
  if (circles == NULL)
    return FALSE;

  switch (selection)
    {
    case BZW_OVERVIEW_SELECTION_CONTACTS:
      ids = g_array_copy (bzw_overview_options_get_contact_ids (options));
      break;

    case BZW_OVERVIEW_SELECTION_CIRCLE:
      query.circle_id = bzw_overview_options_get_circle_id (options);
      if (query.circle_id <= 0)
        {
          set_empty_error (self, selection, circles, error);
          return FALSE;
        }
      ids = bzw_store_list_contact_ids (self->store, &query, error);
      break;

    case BZW_OVERVIEW_SELECTION_DUE:
      query.due_only = TRUE;
      ids = bzw_store_list_contact_ids (self->store, &query, error);
      break;

    case BZW_OVERVIEW_SELECTION_ALL:
    default:
      ids = bzw_store_list_contact_ids (self->store, &query, error);
      break;
    }

  if (ids == NULL)
    return FALSE;

  contacts = bzw_store_list_contacts_for_print (self->store, ids, error);
  if (contacts == NULL)
    return FALSE;

  if (contacts->len == 0)
    {
      set_empty_error (self, selection, circles, error);
      return FALSE;
    }

  date = bzw_overview_options_get_date (options) != NULL
           ? g_date_time_ref (bzw_overview_options_get_date (options))
           : g_date_time_new_now_local ();
  now = g_date_time_to_unix (date);

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
  self->date_short = g_date_time_format (date, short_date_format ());
  self->summary = describe_selection (self, selection, grouping, circles);
  self->count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact", "%u contacts",
                                                   contacts->len),
                                      contacts->len);
  self->include_map = bzw_overview_options_get_include_map (options);
  self->grouping = grouping;
  self->n_contacts = contacts->len;

  g_array_set_size (self->rows, contacts->len);
  for (guint i = 0; i < contacts->len; i++)
    build_row (self, &g_array_index (self->rows, Row, i), g_ptr_array_index (contacts, i),
               circles, include_notes, now);

  if (grouping == BZW_OVERVIEW_GROUPING_CIRCLE)
    group_by_circle (self, contacts, circles,
                     selection == BZW_OVERVIEW_SELECTION_CIRCLE ? query.circle_id : 0);
  else
    group_alphabetically (self, contacts);

  self->loaded = TRUE;
  g_debug ("Loaded %u contacts in %u groups", self->n_contacts, self->groups->len);

  return TRUE;
}

/**
 * bzw_overview_renderer_get_n_contacts:
 *
 * Returns: how many different contacts the last load found
 */
guint
bzw_overview_renderer_get_n_contacts (BzwOverviewRenderer *self)
{
  g_return_val_if_fail (BZW_IS_OVERVIEW_RENDERER (self), 0);

  return self->n_contacts;
}

/* Layout helpers.  One PangoLayout is reused for every piece of text. */

static PangoLayout *
prepare_layout (BzwOverviewRenderer *self,
                double               size,
                gboolean             bold,
                double               width)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);
  PangoLayout *layout = self->layout;

  pango_font_description_set_size (font, PT (size));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_height (layout, -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_attributes (layout, NULL);
  pango_layout_set_spacing (layout, 0);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

static double
layout_baseline (PangoLayout *layout)
{
  return (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
}

static void
set_letter_spacing (PangoLayout *layout,
                    double       spacing)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (PT (spacing)));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

/* Pango hyphenates words it breaks; in an e-mail address or a phone
 * number that hyphen would be read as part of it.
 */
static void
set_markup_without_hyphens (PangoLayout *layout,
                            const char  *markup)
{
  PangoAttrList *attrs;

  pango_layout_set_markup (layout, markup, -1);
  attrs = pango_attr_list_copy (pango_layout_get_attributes (layout));
  if (attrs == NULL)
    attrs = pango_attr_list_new ();
  pango_attr_list_insert_before (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

static double
column_width (BzwOverviewRenderer *self,
              Column               column)
{
  return self->column_x[column + 1] - self->column_x[column];
}

static const char *
column_title (Column column)
{
  switch (column)
    {
    case COL_NAME:
      /* Translators: column of the printed contact overview. */
      return C_("overview", "Name");
    case COL_ORG:
      /* Translators: column of the printed contact overview. */
      return C_("overview", "Organisation / Role");
    case COL_PHONE:
      /* Translators: column of the printed contact overview. */
      return C_("overview", "Phone");
    case COL_EMAIL:
      /* Translators: column of the printed contact overview. */
      return C_("overview", "E-mail");
    case COL_LAST:
      /* Translators: column of the printed contact overview: date of the last encounter. */
      return C_("overview", "Last contact");
    case COL_DUE:
      /* Translators: column of the printed contact overview: when to get in touch next. */
      return C_("overview", "Next due");
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static PangoLayout *
column_head_layout (BzwOverviewRenderer *self,
                    Column               column)
{
  g_autofree char *upper = g_utf8_strup (column_title (column), -1);
  PangoLayout *layout = prepare_layout (self, COLUMN_HEAD_SIZE, TRUE,
                                        column_width (self, column) - 2 * CELL_PAD_X);

  set_letter_spacing (layout, 0.4);
  pango_layout_set_text (layout, upper, -1);
  return layout;
}

static double
cell_size (Column column)
{
  return column == COL_NAME ? NAME_SIZE : BODY_SIZE;
}

static PangoLayout *
cell_layout (BzwOverviewRenderer *self,
             const Row           *row,
             Column               column)
{
  PangoLayout *layout = prepare_layout (self, cell_size (column), FALSE,
                                        column_width (self, column) - 2 * CELL_PAD_X);

  if (column == COL_EMAIL && row->use_email_broken)
    set_markup_without_hyphens (layout, row->email_broken);
  else
    set_markup_without_hyphens (layout, row->cells[column]);
  return layout;
}

static double
notes_x (BzwOverviewRenderer *self)
{
  return self->column_x[COL_NAME] + CELL_PAD_X + NOTES_INDENT;
}

static PangoLayout *
notes_layout (BzwOverviewRenderer *self,
              const Row           *row)
{
  PangoLayout *layout = prepare_layout (self, SMALL_SIZE + 0.5, FALSE,
                                        self->width - notes_x (self) - CELL_PAD_X);

  /* Very long notes are cut so the contact still fits on one page. */
  pango_layout_set_height (layout, (int) (self->max_notes_height * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  set_markup_without_hyphens (layout, row->notes);
  return layout;
}

/* Measures a row: the first baselines of all cells line up. */
static void
measure_row (BzwOverviewRenderer *self,
             Row                 *row)
{
  double baselines[N_COLUMNS];
  double heights[N_COLUMNS];
  double max_baseline = 0;
  double height = 0;

  row->use_email_broken = FALSE;
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      PangoLayout *layout;

      if (row->cells[c] == NULL)
        {
          baselines[c] = heights[c] = 0;
          continue;
        }

      layout = cell_layout (self, row, c);

      /* An address too long for the column breaks after its "@". */
      if (c == COL_EMAIL && !row->use_email_broken &&
          pango_layout_get_line_count (layout) > (int) row->n_emails)
        {
          row->use_email_broken = TRUE;
          layout = cell_layout (self, row, c);
        }

      baselines[c] = layout_baseline (layout);
      heights[c] = layout_height (layout);
      max_baseline = MAX (max_baseline, baselines[c]);
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    if (row->cells[c] != NULL)
      height = MAX (height, max_baseline - baselines[c] + heights[c]);

  row->cells_height = height + 2 * CELL_PAD_Y;
  row->notes_height = 0;
  if (row->notes != NULL)
    row->notes_height = layout_height (notes_layout (self, row)) + CELL_PAD_Y;
}

static double
row_height (const Row *row)
{
  return row->cells_height + row->notes_height;
}

static double
body_top (BzwOverviewRenderer *self,
          guint                page)
{
  return (page == 0 ? self->first_header_height : self->running_header_height) + self->column_head_height;
}

static double
body_bottom (BzwOverviewRenderer *self)
{
  return self->height - self->footer_height;
}

static void
measure_chrome (BzwOverviewRenderer *self)
{
  double title;
  double subtitle;
  double widest_date;
  double flexible;
  double x;
  g_autofree char *sample = NULL;
  g_autoptr(GDateTime) wide = g_date_time_new_local (2088, 12, 28, 12, 0, 0);

  pango_layout_set_text (prepare_layout (self, TITLE_SIZE, TRUE, -1), "Ag", -1);
  title = layout_height (self->layout);
  pango_layout_set_text (prepare_layout (self, SUBTITLE_SIZE, FALSE, -1), "Ag", -1);
  subtitle = layout_height (self->layout);
  self->first_header_height = title + 2 + subtitle + 8 + 1.2 + 6;

  pango_layout_set_text (prepare_layout (self, RUNNING_SIZE, TRUE, -1), "Ag", -1);
  self->running_header_height = layout_height (self->layout) + 4 + 0.6 + 6;

  pango_layout_set_text (prepare_layout (self, FOOTER_SIZE, FALSE, -1), "Ag", -1);
  self->footer_height = layout_height (self->layout) + 8;

  pango_layout_set_text (prepare_layout (self, HEADING_SIZE, TRUE, -1), "Ag", -1);
  self->heading_height = HEADING_GAP + layout_height (self->layout) + 2 + 0.8 + 1;

  /* The date columns are as wide as the widest date; the rest share what is left. */
  sample = g_date_time_format (wide, short_date_format ());
  pango_layout_set_markup (prepare_layout (self, BODY_SIZE, TRUE, -1), sample, -1);
  widest_date = layout_width (self->layout) + 2 * CELL_PAD_X + 4;

  flexible = self->width - 2 * widest_date;
  x = 0;
  for (guint c = 0; c < G_N_ELEMENTS (flexible_weights); c++)
    {
      self->column_x[c] = x;
      x += flexible * flexible_weights[c];
    }
  self->column_x[COL_LAST] = x;
  self->column_x[COL_DUE] = x + widest_date;
  self->column_x[N_COLUMNS] = self->width;

  self->column_head_height = 0;
  for (guint c = 0; c < N_COLUMNS; c++)
    self->column_head_height = MAX (self->column_head_height, layout_height (column_head_layout (self, c)));
  self->column_head_height += 2 * 3.0 + 0.6 + 2;

  self->max_notes_height = (body_bottom (self) - body_top (self, 1)) / 2;
}

static void
place (BzwOverviewRenderer *self,
       EntryKind            kind,
       guint                index,
       gboolean             continued,
       gboolean             zebra,
       double               y)
{
  Page *page = &g_array_index (self->pages, Page, self->pages->len - 1);
  Placement placement = { kind, index, continued, zebra, page->n == 0, y };

  g_array_append_val (self->placements, placement);
  page->n++;
}

static void
new_page (BzwOverviewRenderer *self,
          gboolean             is_map)
{
  Page page = { self->placements->len, 0, is_map };

  g_array_append_val (self->pages, page);
}

static double
heading_height_at (BzwOverviewRenderer *self,
                   gboolean             top_of_page)
{
  /* At the top of a page the heading needs no gap above it. */
  return top_of_page ? self->heading_height - HEADING_GAP + 4 : self->heading_height;
}

/**
 * bzw_overview_renderer_paginate:
 * @cr: a cairo context of the target; its unit must be the point (with
 *   GtkPrintOperation: gtk_print_operation_set_unit (op, GTK_UNIT_POINTS))
 * @width: the width of the area to fill, from the current origin of @cr
 * @height: its height
 *
 * Lays out the loaded overview for pages of the given area.  Call after
 * bzw_overview_renderer_load().
 *
 * Returns: the number of pages, at least 1
 */
int
bzw_overview_renderer_paginate (BzwOverviewRenderer *self,
                                cairo_t             *cr,
                                double               width,
                                double               height)
{
  cairo_font_options_t *font_options;
  guint current_group = G_MAXUINT;
  gboolean zebra = FALSE;
  double y;
  double bottom;

  g_return_val_if_fail (BZW_IS_OVERVIEW_RENDERER (self), 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (self->loaded, 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  clear_pagination (self);
  self->width = width;
  self->height = height;

  /* The same metrics on the preview, the printer and PDF. */
  self->pango = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (self->pango, 72.0);
  pango_context_set_round_glyph_positions (self->pango, FALSE);
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->pango, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_language (self->pango, pango_language_get_default ());
  self->layout = pango_layout_new (self->pango);

  measure_chrome (self);

  for (guint i = 0; i < self->rows->len; i++)
    measure_row (self, &g_array_index (self->rows, Row, i));

  bottom = body_bottom (self);
  new_page (self, FALSE);
  y = body_top (self, 0);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);
      const Page *page = &g_array_index (self->pages, Page, self->pages->len - 1);

      if (entry->kind == ENTRY_HEADING)
        {
          double need = heading_height_at (self, page->n == 0);

          /* Keep the heading with the first row under it. */
          if (i + 1 < self->entries->len)
            {
              const Entry *next = &g_array_index (self->entries, Entry, i + 1);

              if (next->kind == ENTRY_ROW)
                need += row_height (&g_array_index (self->rows, Row, next->index));
            }

          if (page->n > 0 && y + need > bottom)
            {
              new_page (self, FALSE);
              y = body_top (self, self->pages->len - 1);
            }

          page = &g_array_index (self->pages, Page, self->pages->len - 1);
          need = heading_height_at (self, page->n == 0);
          place (self, ENTRY_HEADING, entry->index, FALSE, FALSE, y);
          y += need;
          current_group = entry->index;
          zebra = FALSE;
        }
      else
        {
          double h = row_height (&g_array_index (self->rows, Row, entry->index));

          if (page->n > 0 && y + h > bottom)
            {
              new_page (self, FALSE);
              y = body_top (self, self->pages->len - 1);

              /* Say which group goes on. */
              if (current_group != G_MAXUINT)
                {
                  place (self, ENTRY_HEADING, current_group, TRUE, FALSE, y);
                  y += heading_height_at (self, TRUE);
                }
            }

          place (self, ENTRY_ROW, entry->index, FALSE, zebra, y);
          y += h;
          zebra = !zebra;
        }
    }

  if (self->include_map && self->map_func != NULL)
    new_page (self, TRUE);

  g_debug ("Paginated %u contacts on %u pages", self->n_contacts, self->pages->len);

  return self->pages->len;
}

/**
 * bzw_overview_renderer_get_n_pages:
 *
 * Returns: the number of pages of the last paginate, or 0
 */
int
bzw_overview_renderer_get_n_pages (BzwOverviewRenderer *self)
{
  g_return_val_if_fail (BZW_IS_OVERVIEW_RENDERER (self), 0);

  return self->pages->len;
}

/* Drawing */

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             guint32      color)
{
  set_source_hex (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

static void
hline (cairo_t *cr,
       double   x0,
       double   x1,
       double   y,
       double   width,
       guint32  color)
{
  cairo_new_path (cr);
  set_source_hex (cr, color);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static void
draw_first_header (BzwOverviewRenderer *self,
                   cairo_t             *cr)
{
  PangoLayout *layout;
  g_autofree char *byline = NULL;
  double title_height;
  double title_baseline;
  double y;

  layout = prepare_layout (self, TITLE_SIZE, TRUE, -1);
  /* Translators: the title of the printout. */
  pango_layout_set_text (layout, _("Contact Overview"), -1);
  title_height = layout_height (layout);
  title_baseline = layout_baseline (layout);
  show_layout (cr, layout, 0, 0, INK);

  /* What is printed, right-aligned on the baseline of the title. */
  layout = prepare_layout (self, SUBTITLE_SIZE, FALSE, self->width / 2);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (layout, self->summary, -1);
  show_layout (cr, layout, self->width / 2, title_baseline - layout_baseline (layout), SECONDARY);

  y = title_height + 2;
  if (self->user_name != NULL)
    byline = g_strdup_printf ("%s · %s", self->user_name, self->date_long);
  else
    byline = g_strdup (self->date_long);

  layout = prepare_layout (self, SUBTITLE_SIZE, FALSE, self->width / 2);
  pango_layout_set_text (layout, byline, -1);
  show_layout (cr, layout, 0, y, SECONDARY);

  layout = prepare_layout (self, SUBTITLE_SIZE, FALSE, self->width / 2);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (layout, self->count_text, -1);
  show_layout (cr, layout, self->width / 2, y, SECONDARY);

  y += layout_height (layout) + 8;
  hline (cr, 0, self->width, y + 0.6, 1.2, STRONG_RULE);
}

static void
draw_running_header (BzwOverviewRenderer *self,
                     cairo_t             *cr)
{
  PangoLayout *layout;
  g_autofree char *byline = NULL;
  double baseline;
  double height;

  layout = prepare_layout (self, RUNNING_SIZE, TRUE, -1);
  pango_layout_set_text (layout, _("Contact Overview"), -1);
  baseline = layout_baseline (layout);
  height = layout_height (layout);
  show_layout (cr, layout, 0, 0, INK);

  if (self->user_name != NULL)
    byline = g_strdup_printf ("%s · %s", self->user_name, self->date_long);
  else
    byline = g_strdup (self->date_long);

  layout = prepare_layout (self, FOOTER_SIZE, FALSE, self->width / 2);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (layout, byline, -1);
  show_layout (cr, layout, self->width / 2, baseline - layout_baseline (layout), SECONDARY);

  hline (cr, 0, self->width, height + 4 + 0.3, 0.6, STRONG_RULE);
}

static void
draw_footer (BzwOverviewRenderer *self,
             cairo_t             *cr,
             int                  page_nr)
{
  PangoLayout *layout;
  g_autofree char *page_text = NULL;
  double y = self->height - self->footer_height;

  hline (cr, 0, self->width, y + 4, 0.4, RULE);

  layout = prepare_layout (self, FOOTER_SIZE, FALSE, self->width / 2);
  /* Translators: in the footer of the printout; %s is the date. */
  page_text = g_strdup_printf (_("As of %s"), self->date_short);
  pango_layout_set_text (layout, page_text, -1);
  show_layout (cr, layout, 0, y + 7, FAINT);
  g_free (page_text);

  layout = prepare_layout (self, FOOTER_SIZE, FALSE, self->width / 2);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  /* Translators: in the footer of the printout. */
  page_text = g_strdup_printf (_("Page %d of %d"), page_nr + 1, (int) self->pages->len);
  pango_layout_set_text (layout, page_text, -1);
  show_layout (cr, layout, self->width / 2, y + 7, SECONDARY);
}

static void
draw_column_heads (BzwOverviewRenderer *self,
                   cairo_t             *cr,
                   double               y)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      PangoLayout *layout = column_head_layout (self, c);

      show_layout (cr, layout, self->column_x[c] + CELL_PAD_X, y + 3.0, SECONDARY);
    }

  hline (cr, 0, self->width, y + self->column_head_height - 2 - 0.3, 0.6, STRONG_RULE);
}

static void
draw_heading (BzwOverviewRenderer *self,
              cairo_t             *cr,
              const Placement     *placement)
{
  const Group *group = &g_array_index (self->groups, Group, placement->index);
  double y = placement->y + (placement->top ? 4 : HEADING_GAP);
  g_autofree char *title = NULL;
  g_autofree char *count = NULL;
  PangoLayout *layout;
  double x = 0;
  double baseline;
  double height;

  if (placement->continued)
    /* Translators: a group heading repeated on the next page, e.g. "M (continued)". */
    title = g_strdup_printf (_("%s (continued)"), group->title);
  else
    title = g_strdup (group->title);

  layout = prepare_layout (self, HEADING_SIZE, TRUE, -1);
  pango_layout_set_text (layout, title, -1);
  baseline = layout_baseline (layout);
  height = layout_height (layout);

  if (group->color != NULL)
    {
      double size = HEADING_SIZE * 0.62;

      cairo_new_path (cr);
      set_source_color_string (cr, group->color);
      cairo_arc (cr, size / 2, y + baseline - size / 2 - 0.5, size / 2, 0, 2 * G_PI);
      cairo_fill (cr);
      x = size + 5;
    }

  show_layout (cr, layout, x, y, INK);

  /* A circle says how many it holds; letters speak for themselves. */
  if (self->grouping == BZW_OVERVIEW_GROUPING_CIRCLE)
    {
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u contact", "%u contacts", group->n_rows),
                               group->n_rows);
      layout = prepare_layout (self, FOOTER_SIZE, FALSE, self->width / 2);
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      pango_layout_set_text (layout, count, -1);
      show_layout (cr, layout, self->width / 2 - CELL_PAD_X, y + baseline - layout_baseline (layout), FAINT);
    }

  hline (cr, 0, self->width, y + height + 2 + 0.4, 0.8, RULE);
}

static void
draw_row (BzwOverviewRenderer *self,
          cairo_t             *cr,
          const Placement     *placement)
{
  const Row *row = &g_array_index (self->rows, Row, placement->index);
  double baselines[N_COLUMNS];
  double max_baseline = 0;
  double y = placement->y;

  if (placement->zebra)
    {
      cairo_new_path (cr);
      set_source_hex (cr, ZEBRA);
      cairo_rectangle (cr, 0, y, self->width, row_height (row));
      cairo_fill (cr);
    }

  /* Column rules between the cells; the notes below span the row. */
  cairo_new_path (cr);
  set_source_hex (cr, RULE);
  cairo_set_line_width (cr, 0.4);
  for (guint c = 1; c < N_COLUMNS; c++)
    {
      cairo_move_to (cr, self->column_x[c], y);
      cairo_line_to (cr, self->column_x[c], y + row->cells_height - (row->notes != NULL ? CELL_PAD_Y : 0));
    }
  cairo_stroke (cr);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      baselines[c] = 0;
      if (row->cells[c] == NULL)
        continue;
      baselines[c] = layout_baseline (cell_layout (self, row, c));
      max_baseline = MAX (max_baseline, baselines[c]);
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      PangoLayout *layout;

      if (row->cells[c] == NULL)
        continue;

      layout = cell_layout (self, row, c);
      show_layout (cr, layout, self->column_x[c] + CELL_PAD_X,
                   y + CELL_PAD_Y + max_baseline - baselines[c], INK);
    }

  if (row->notes != NULL)
    {
      PangoLayout *layout = notes_layout (self, row);
      double top = y + row->cells_height - CELL_PAD_Y / 2;

      cairo_new_path (cr);
      set_source_hex (cr, RULE);
      cairo_set_line_width (cr, 1.2);
      cairo_move_to (cr, notes_x (self) - 5, top + 1);
      cairo_line_to (cr, notes_x (self) - 5, top + layout_height (layout) - 1);
      cairo_stroke (cr);
      show_layout (cr, layout, notes_x (self), top, SECONDARY);
    }
}

static void
draw_map_page (BzwOverviewRenderer *self,
               cairo_t             *cr)
{
  PangoLayout *layout;
  double top = self->running_header_height;
  double height;

  layout = prepare_layout (self, HEADING_SIZE, TRUE, -1);
  /* Translators: the heading of the last page of the printout. */
  pango_layout_set_text (layout, _("Relationship Map"), -1);
  show_layout (cr, layout, 0, top + 4, INK);
  top += 4 + layout_height (layout) + 8;
  height = body_bottom (self) - top - 4;

  if (height <= 0 || self->map_func == NULL)
    return;

  cairo_save (cr);
  cairo_translate (cr, 0, top);
  cairo_rectangle (cr, 0, 0, self->width, height);
  cairo_clip (cr);
  cairo_new_path (cr);
  self->map_func (cr, self->width, height, self->map_data);
  cairo_restore (cr);
}

/**
 * bzw_overview_renderer_draw_page:
 * @cr: where to draw: the unit must be the point and the origin the top
 *   left corner of the area given to bzw_overview_renderer_paginate()
 * @page_nr: the page, counted from 0
 *
 * Draws one page of the last pagination.
 */
void
bzw_overview_renderer_draw_page (BzwOverviewRenderer *self,
                                 cairo_t             *cr,
                                 int                  page_nr)
{
  const Page *page;

  g_return_if_fail (BZW_IS_OVERVIEW_RENDERER (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->pango != NULL);
  g_return_if_fail (page_nr >= 0 && (guint) page_nr < self->pages->len);

  page = &g_array_index (self->pages, Page, page_nr);

  cairo_save (cr);
  cairo_new_path (cr);

  if (page_nr == 0)
    draw_first_header (self, cr);
  else
    draw_running_header (self, cr);

  if (page->is_map)
    {
      draw_map_page (self, cr);
    }
  else
    {
      draw_column_heads (self, cr, page_nr == 0 ? self->first_header_height : self->running_header_height);

      for (guint i = page->first; i < page->first + page->n; i++)
        {
          const Placement *placement = &g_array_index (self->placements, Placement, i);

          if (placement->kind == ENTRY_HEADING)
            draw_heading (self, cr, placement);
          else
            draw_row (self, cr, placement);
        }
    }

  draw_footer (self, cr, page_nr);
  cairo_restore (cr);
}

/* PDF */

typedef struct
{
  int      fd;
  int      saved_errno;
} WriteClosure;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  WriteClosure *w = closure;

  while (length > 0)
    {
      ssize_t n = write (w->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          w->saved_errno = n < 0 ? errno : EIO;
          return CAIRO_STATUS_WRITE_ERROR;
        }

      data += n;
      length -= n;
    }

  return CAIRO_STATUS_SUCCESS;
}

static double
mm_to_pt (double mm)
{
  return mm / 25.4 * 72.0;
}

/* @reason, or else @saved_errno, says why. */
static void
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno,
                 const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  if (reason == NULL)
    reason = saved_errno != 0 ? g_strerror (saved_errno) : _("the PDF could not be created.");

  g_set_error (error, BZW_OVERVIEW_ERROR, BZW_OVERVIEW_ERROR_WRITE,
               /* Translators: %s is a file name, then the reason. */
               _("Cannot write “%s”: %s"), display, reason);
}

/**
 * bzw_overview_renderer_write_pdf:
 * @path: where to write the PDF
 *
 * Loads the overview (when not loaded yet), lays it out on A4 and writes it
 * as PDF through a #BzwOutputFile: a regular file is written under a
 * temporary name (0600, or the mode of the file it replaces) and renamed
 * to @path only when complete; a device or pipe is written directly.  With nothing to print no file is written.
 */
gboolean
bzw_overview_renderer_write_pdf (BzwOverviewRenderer  *self,
                                 const char           *path,
                                 GError              **error)
{
  g_autoptr(BzwOutputFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  WriteClosure closure = { -1, 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double side = mm_to_pt (BZW_OVERVIEW_MARGIN_SIDE_MM);
  double top = mm_to_pt (BZW_OVERVIEW_MARGIN_TOP_MM);
  double bottom = mm_to_pt (BZW_OVERVIEW_MARGIN_BOTTOM_MM);
  int n_pages;
  gboolean ok;

  g_return_val_if_fail (BZW_IS_OVERVIEW_RENDERER (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!self->loaded && !bzw_overview_renderer_load (self, error))
    return FALSE;

  file = bzw_output_file_open (path, &local_error);
  if (file == NULL)
    {
      set_write_error (error, path, 0, local_error->message);
      return FALSE;
    }
  closure.fd = bzw_output_file_get_fd (file);

  surface = cairo_pdf_surface_create_for_stream (write_cb, &closure,
                                                 BZW_OVERVIEW_A4_WIDTH, BZW_OVERVIEW_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Contact Overview"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);
  if (self->user_name != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->user_name);

  cr = cairo_create (surface);
  cairo_translate (cr, side, top);
  n_pages = bzw_overview_renderer_paginate (self, cr,
                                            BZW_OVERVIEW_A4_WIDTH - 2 * side,
                                            BZW_OVERVIEW_A4_HEIGHT - top - bottom);
  for (int i = 0; i < n_pages; i++)
    {
      bzw_overview_renderer_draw_page (self, cr, i);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  ok = status == CAIRO_STATUS_SUCCESS;
  if (ok && !bzw_output_file_commit (file, &local_error))
    ok = FALSE;

  if (!ok)
    {
      /* Freeing the file removes what was written of it. */
      set_write_error (error, path, closure.saved_errno,
                       local_error != NULL ? local_error->message : NULL);
      return FALSE;
    }

  return TRUE;
}

/**
 * bzw_overview_write_pdf:
 * @store: the store
 * @options: what to print
 * @path: where to write the PDF
 *
 * Writes the contact overview as an A4 PDF, without the map page (use a
 * renderer with a map page function for that).  Nothing is written when
 * the selection is empty: the error is then %BZW_OVERVIEW_ERROR_EMPTY.
 */
gboolean
bzw_overview_write_pdf (BzwStore            *store,
                        BzwOverviewOptions  *options,
                        const char          *path,
                        GError             **error)
{
  g_autoptr(BzwOverviewRenderer) renderer = NULL;

  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);
  g_return_val_if_fail (BZW_IS_OVERVIEW_OPTIONS (options), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  renderer = bzw_overview_renderer_new (store, options);
  if (!bzw_overview_renderer_load (renderer, error))
    return FALSE;

  return bzw_overview_renderer_write_pdf (renderer, path, error);
}
