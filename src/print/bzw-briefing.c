/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-briefing"

#include "config.h"

#include "bzw-briefing-private.h"

#include "bzw-print-pdf.h"

#include <glib/gi18n-lib.h>

/* The meeting brief („Gesprächsvorbereitung“): one page about one contact
 * for before a meeting.  The window prints it through BzwPrintOperation,
 * the command line writes it as PDF (--print-briefing); both draw with
 * bzw_briefing_draw ().
 */

G_DEFINE_FINAL_TYPE (BzwBriefing, bzw_briefing, G_TYPE_OBJECT)

static void
bzw_briefing_finalize (GObject *object)
{
  BzwBriefing *self = BZW_BRIEFING (object);

  _bzw_briefing_clear (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bzw_briefing_parent_class)->finalize (object);
}

static void
bzw_briefing_class_init (BzwBriefingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bzw_briefing_finalize;
}

static void
bzw_briefing_init (BzwBriefing *self)
{
}

BzwBriefing *
bzw_briefing_new (BzwStore *store,
                  gint64    contact_id)
{
  BzwBriefing *self;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);

  self = g_object_new (BZW_TYPE_BRIEFING, NULL);
  self->store = g_object_ref (store);
  self->contact_id = contact_id;
  return self;
}

/**
 * bzw_briefing_load:
 * @now: the day of the brief; encounters after it are plans
 *
 * Reads what the brief shows from the store.
 */
gboolean
bzw_briefing_load (BzwBriefing  *self,
                   GDateTime    *now,
                   GError      **error)
{
  g_return_val_if_fail (BZW_IS_BRIEFING (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  return _bzw_briefing_gather (self, now, error);
}

/* The contact's name, once loaded. */
const char *
bzw_briefing_get_name (BzwBriefing *self)
{
  g_return_val_if_fail (BZW_IS_BRIEFING (self), NULL);

  return self->name;
}

static void
paint_pdf (cairo_t  *cr,
           double    width,
           double    height,
           gpointer  data)
{
  bzw_briefing_draw (data, cr, width, height);
  cairo_show_page (cr);
}

/**
 * bzw_briefing_write_pdf:
 *
 * Writes the loaded brief as a PDF of one A4 page, through
 * bzw_print_pdf_write () (temporary name, renamed when complete, 0600).
 */
gboolean
bzw_briefing_write_pdf (BzwBriefing  *self,
                        const char   *path,
                        GError      **error)
{
  g_autofree char *title = NULL;
  BzwPrintPdfPage page = {
    BZW_BRIEFING_MARGIN_SIDE_MM, BZW_BRIEFING_MARGIN_TOP_MM, BZW_BRIEFING_MARGIN_BOTTOM_MM, NULL, NULL
  };

  g_return_val_if_fail (BZW_IS_BRIEFING (self), FALSE);
  g_return_val_if_fail (self->loaded, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Translators: the title of the meeting brief's PDF; %s is the contact. */
  title = g_strdup_printf (_("Meeting Brief: %s"), self->name);
  page.title = title;
  return bzw_print_pdf_write (path, &page, paint_pdf, self, G_IO_ERROR, G_IO_ERROR_FAILED, error);
}

static gint64
find_by_id (BzwStore   *store,
            const char *text)
{
  guint64 id = 0;
  g_autofree char *name = NULL;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    return 0;
  name = bzw_store_dup_contact_name (store, (gint64) id);
  return name != NULL ? (gint64) id : 0;
}

/**
 * bzw_briefing_find_contact:
 * @name_or_id: a contact's id, its full name, or words that find only it
 *
 * Returns: the contact's id, or 0 with @error set when none or more than
 *   one contact fits.
 */
gint64
bzw_briefing_find_contact (BzwStore    *store,
                           const char  *name_or_id,
                           GError     **error)
{
  BzwContactQuery query = { .text = name_or_id, .include_archived = TRUE };
  g_autoptr(GArray) ids = NULL;
  gint64 id;

  g_return_val_if_fail (BZW_IS_STORE (store), 0);
  g_return_val_if_fail (name_or_id != NULL, 0);

  if ((id = find_by_id (store, name_or_id)) > 0 ||
      (id = bzw_store_find_contact_by_name (store, name_or_id)) > 0)
    return id;

  ids = bzw_store_list_contact_ids (store, &query, error);
  if (ids == NULL)
    return 0;
  if (ids->len == 1)
    return g_array_index (ids, gint64, 0);

  if (ids->len == 0)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no contact called “%s”."), name_or_id);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 g_dngettext (GETTEXT_PACKAGE,
                              "“%s” fits %u contact; give the full name or the id.",
                              "“%s” fits %u contacts; give the full name or the id.", ids->len),
                 name_or_id, ids->len);
  return 0;
}
