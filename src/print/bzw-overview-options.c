/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-overview-options"

#include "config.h"

#include "bzw-overview-options.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

/* What to print in the contact overview: the print dialog's custom tab and
 * the command line fill one of these in, the renderer reads it.
 */
struct _BzwOverviewOptions
{
  GObject               parent_instance;

  BzwOverviewSelection  selection;
  gint64                circle_id;
  GArray               *contact_ids;
  BzwOverviewGrouping   grouping;
  gboolean              include_notes;
  gboolean              include_map;
  char                 *user_name;
  GDateTime            *date;
};

G_DEFINE_FINAL_TYPE (BzwOverviewOptions, bzw_overview_options, G_TYPE_OBJECT)
G_DEFINE_QUARK (bzw-overview-error-quark, bzw_overview_error)

G_DEFINE_ENUM_TYPE (BzwOverviewSelection, bzw_overview_selection,
                    G_DEFINE_ENUM_VALUE (BZW_OVERVIEW_SELECTION_ALL, "all"),
                    G_DEFINE_ENUM_VALUE (BZW_OVERVIEW_SELECTION_CIRCLE, "circle"),
                    G_DEFINE_ENUM_VALUE (BZW_OVERVIEW_SELECTION_CONTACTS, "contacts"),
                    G_DEFINE_ENUM_VALUE (BZW_OVERVIEW_SELECTION_DUE, "due"))

G_DEFINE_ENUM_TYPE (BzwOverviewGrouping, bzw_overview_grouping,
                    G_DEFINE_ENUM_VALUE (BZW_OVERVIEW_GROUPING_ALPHABETICAL, "alphabetical"),
                    G_DEFINE_ENUM_VALUE (BZW_OVERVIEW_GROUPING_CIRCLE, "circle"))

enum {
  PROP_0,
  PROP_SELECTION,
  PROP_CIRCLE_ID,
  PROP_GROUPING,
  PROP_INCLUDE_NOTES,
  PROP_INCLUDE_MAP,
  PROP_USER_NAME,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bzw_overview_options_finalize (GObject *object)
{
  BzwOverviewOptions *self = BZW_OVERVIEW_OPTIONS (object);

  g_clear_pointer (&self->contact_ids, g_array_unref);
  g_clear_pointer (&self->user_name, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);

  G_OBJECT_CLASS (bzw_overview_options_parent_class)->finalize (object);
}

static void
bzw_overview_options_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BzwOverviewOptions *self = BZW_OVERVIEW_OPTIONS (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_enum (value, self->selection);
      break;

    case PROP_CIRCLE_ID:
      g_value_set_int64 (value, self->circle_id);
      break;

    case PROP_GROUPING:
      g_value_set_enum (value, self->grouping);
      break;

    case PROP_INCLUDE_NOTES:
      g_value_set_boolean (value, self->include_notes);
      break;

    case PROP_INCLUDE_MAP:
      g_value_set_boolean (value, self->include_map);
      break;

    case PROP_USER_NAME:
      g_value_set_string (value, self->user_name);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bzw_overview_options_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BzwOverviewOptions *self = BZW_OVERVIEW_OPTIONS (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      bzw_overview_options_set_selection (self, g_value_get_enum (value));
      break;

    case PROP_CIRCLE_ID:
      bzw_overview_options_set_circle_id (self, g_value_get_int64 (value));
      break;

    case PROP_GROUPING:
      bzw_overview_options_set_grouping (self, g_value_get_enum (value));
      break;

    case PROP_INCLUDE_NOTES:
      bzw_overview_options_set_include_notes (self, g_value_get_boolean (value));
      break;

    case PROP_INCLUDE_MAP:
      bzw_overview_options_set_include_map (self, g_value_get_boolean (value));
      break;

    case PROP_USER_NAME:
      bzw_overview_options_set_user_name (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      bzw_overview_options_set_date (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bzw_overview_options_class_init (BzwOverviewOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bzw_overview_options_finalize;
  object_class->get_property = bzw_overview_options_get_property;
  object_class->set_property = bzw_overview_options_set_property;

  properties[PROP_SELECTION] =
    g_param_spec_enum ("selection", NULL, NULL,
                       BZW_TYPE_OVERVIEW_SELECTION, BZW_OVERVIEW_SELECTION_ALL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CIRCLE_ID] =
    g_param_spec_int64 ("circle-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROUPING] =
    g_param_spec_enum ("grouping", NULL, NULL,
                       BZW_TYPE_OVERVIEW_GROUPING, BZW_OVERVIEW_GROUPING_ALPHABETICAL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INCLUDE_NOTES] =
    g_param_spec_boolean ("include-notes", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INCLUDE_MAP] =
    g_param_spec_boolean ("include-map", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_NAME] =
    g_param_spec_string ("user-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bzw_overview_options_init (BzwOverviewOptions *self)
{
  self->contact_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

BzwOverviewOptions *
bzw_overview_options_new (void)
{
  return g_object_new (BZW_TYPE_OVERVIEW_OPTIONS, NULL);
}

/**
 * bzw_overview_options_copy:
 *
 * Returns: (transfer full): a new object with the same options, e.g. to
 *   keep them stable while a print job runs.
 */
BzwOverviewOptions *
bzw_overview_options_copy (BzwOverviewOptions *self)
{
  BzwOverviewOptions *copy;

  g_return_val_if_fail (BZW_IS_OVERVIEW_OPTIONS (self), NULL);

  copy = bzw_overview_options_new ();
  copy->selection = self->selection;
  copy->circle_id = self->circle_id;
  g_array_append_vals (copy->contact_ids, self->contact_ids->data, self->contact_ids->len);
  copy->grouping = self->grouping;
  copy->include_notes = self->include_notes;
  copy->include_map = self->include_map;
  copy->user_name = g_strdup (self->user_name);
  copy->date = self->date != NULL ? g_date_time_ref (self->date) : NULL;

  return copy;
}

BzwOverviewSelection
bzw_overview_options_get_selection (BzwOverviewOptions *self)
{
  g_return_val_if_fail (BZW_IS_OVERVIEW_OPTIONS (self), BZW_OVERVIEW_SELECTION_ALL);

  return self->selection;
}

void
bzw_overview_options_set_selection (BzwOverviewOptions   *self,
                                    BzwOverviewSelection  selection)
{
  g_return_if_fail (BZW_IS_OVERVIEW_OPTIONS (self));
  g_return_if_fail (selection <= BZW_OVERVIEW_SELECTION_DUE);

  if (self->selection == selection)
    return;

  self->selection = selection;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

gint64
bzw_overview_options_get_circle_id (BzwOverviewOptions *self)
{
  g_return_val_if_fail (BZW_IS_OVERVIEW_OPTIONS (self), 0);

  return self->circle_id;
}

/**
 * bzw_overview_options_set_circle_id:
 *
 * The circle printed when the selection is %BZW_OVERVIEW_SELECTION_CIRCLE.
 */
void
bzw_overview_options_set_circle_id (BzwOverviewOptions *self,
                                    gint64              circle_id)
{
  g_return_if_fail (BZW_IS_OVERVIEW_OPTIONS (self));

  if (self->circle_id == circle_id)
    return;

  self->circle_id = circle_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CIRCLE_ID]);
}

/**
 * bzw_overview_options_get_contact_ids:
 *
 * Returns: (transfer none) (element-type gint64): the contacts printed when
 *   the selection is %BZW_OVERVIEW_SELECTION_CONTACTS
 */
GArray *
bzw_overview_options_get_contact_ids (BzwOverviewOptions *self)
{
  g_return_val_if_fail (BZW_IS_OVERVIEW_OPTIONS (self), NULL);

  return self->contact_ids;
}

/**
 * bzw_overview_options_set_contact_ids:
 * @contact_ids: (element-type gint64) (nullable): e.g. the current search
 *   result of the contact list; copied
 */
void
bzw_overview_options_set_contact_ids (BzwOverviewOptions *self,
                                      GArray             *contact_ids)
{
  g_return_if_fail (BZW_IS_OVERVIEW_OPTIONS (self));

  g_array_set_size (self->contact_ids, 0);
  if (contact_ids != NULL)
    g_array_append_vals (self->contact_ids, contact_ids->data, contact_ids->len);
}

BzwOverviewGrouping
bzw_overview_options_get_grouping (BzwOverviewOptions *self)
{
  g_return_val_if_fail (BZW_IS_OVERVIEW_OPTIONS (self), BZW_OVERVIEW_GROUPING_ALPHABETICAL);

  return self->grouping;
}

void
bzw_overview_options_set_grouping (BzwOverviewOptions  *self,
                                   BzwOverviewGrouping  grouping)
{
  g_return_if_fail (BZW_IS_OVERVIEW_OPTIONS (self));
  g_return_if_fail (grouping <= BZW_OVERVIEW_GROUPING_CIRCLE);

  if (self->grouping == grouping)
    return;

  self->grouping = grouping;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUPING]);
}

gboolean
bzw_overview_options_get_include_notes (BzwOverviewOptions *self)
{
  g_return_val_if_fail (BZW_IS_OVERVIEW_OPTIONS (self), FALSE);

  return self->include_notes;
}

void
bzw_overview_options_set_include_notes (BzwOverviewOptions *self,
                                        gboolean            include_notes)
{
  g_return_if_fail (BZW_IS_OVERVIEW_OPTIONS (self));

  include_notes = !!include_notes;
  if (self->include_notes == include_notes)
    return;

  self->include_notes = include_notes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_NOTES]);
}

gboolean
bzw_overview_options_get_include_map (BzwOverviewOptions *self)
{
  g_return_val_if_fail (BZW_IS_OVERVIEW_OPTIONS (self), FALSE);

  return self->include_map;
}

/**
 * bzw_overview_options_set_include_map:
 *
 * Asks for the relationship map as the last page.  It is printed only when
 * the renderer has a map page function.
 */
void
bzw_overview_options_set_include_map (BzwOverviewOptions *self,
                                      gboolean            include_map)
{
  g_return_if_fail (BZW_IS_OVERVIEW_OPTIONS (self));

  include_map = !!include_map;
  if (self->include_map == include_map)
    return;

  self->include_map = include_map;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_MAP]);
}

const char *
bzw_overview_options_get_user_name (BzwOverviewOptions *self)
{
  g_return_val_if_fail (BZW_IS_OVERVIEW_OPTIONS (self), NULL);

  return self->user_name;
}

/**
 * bzw_overview_options_set_user_name:
 * @user_name: (nullable): the name in the header; %NULL takes the store
 *   setting "user-name"
 */
void
bzw_overview_options_set_user_name (BzwOverviewOptions *self,
                                    const char         *user_name)
{
  g_return_if_fail (BZW_IS_OVERVIEW_OPTIONS (self));

  if (g_strcmp0 (self->user_name, user_name) == 0)
    return;

  g_free (self->user_name);
  self->user_name = g_strdup (user_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_NAME]);
}

/**
 * bzw_overview_options_get_date:
 *
 * Returns: (transfer none) (nullable): the date printed in the header, or
 *   %NULL for the time of printing
 */
GDateTime *
bzw_overview_options_get_date (BzwOverviewOptions *self)
{
  g_return_val_if_fail (BZW_IS_OVERVIEW_OPTIONS (self), NULL);

  return self->date;
}

void
bzw_overview_options_set_date (BzwOverviewOptions *self,
                               GDateTime          *date)
{
  g_return_if_fail (BZW_IS_OVERVIEW_OPTIONS (self));

  if (self->date == date)
    return;

  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = date != NULL ? g_date_time_ref (date) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

static gboolean
word_is (const char *text,
         const char *english,
         const char *german)
{
  return g_ascii_strcasecmp (text, english) == 0 || g_ascii_strcasecmp (text, german) == 0;
}

/**
 * bzw_overview_options_parse_selection:
 * @store: the store, to find a circle by name
 * @text: what the command line says: "all", "due", "circle:NAME" (a circle's
 *   name or id), or the German "alle", "fällig", "kreis:NAME"
 *
 * Sets the selection from a command-line value.
 */
gboolean
bzw_overview_options_parse_selection (BzwOverviewOptions  *self,
                                      BzwStore            *store,
                                      const char          *text,
                                      GError             **error)
{
  const char *colon;

  g_return_val_if_fail (BZW_IS_OVERVIEW_OPTIONS (self), FALSE);
  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (word_is (text, "all", "alle"))
    {
      bzw_overview_options_set_selection (self, BZW_OVERVIEW_SELECTION_ALL);
      return TRUE;
    }

  if (word_is (text, "due", "fällig"))
    {
      bzw_overview_options_set_selection (self, BZW_OVERVIEW_SELECTION_DUE);
      return TRUE;
    }

  colon = strchr (text, ':');
  if (colon != NULL &&
      (g_ascii_strncasecmp (text, "circle:", 7) == 0 || g_ascii_strncasecmp (text, "kreis:", 6) == 0))
    {
      g_autoptr(GPtrArray) circles = bzw_store_list_circles (store, error);
      g_autofree char *wanted = g_utf8_casefold (colon + 1, -1);
      char *end = NULL;
      gint64 number = g_ascii_strtoll (colon + 1, &end, 10);
      gboolean is_number = end != NULL && end != colon + 1 && *end == '\0';

      if (circles == NULL)
        return FALSE;

      for (guint i = 0; i < circles->len; i++)
        {
          BzwCircle *circle = g_ptr_array_index (circles, i);
          g_autofree char *name = g_utf8_casefold (bzw_circle_get_name (circle), -1);

          if (g_strcmp0 (name, wanted) == 0 || (is_number && bzw_circle_get_id (circle) == number))
            {
              bzw_overview_options_set_circle_id (self, bzw_circle_get_id (circle));
              bzw_overview_options_set_selection (self, BZW_OVERVIEW_SELECTION_CIRCLE);
              return TRUE;
            }
        }

      g_set_error (error, BZW_OVERVIEW_ERROR, BZW_OVERVIEW_ERROR_INVALID,
                   _("There is no circle called “%s”."), colon + 1);
      return FALSE;
    }

  g_set_error (error, BZW_OVERVIEW_ERROR, BZW_OVERVIEW_ERROR_INVALID,
               /* Translators: do not translate the words in quotes, they are typed on the command line. */
               _("“%s” is not a selection of contacts. Use “all”, “due” or “circle:NAME”."), text);
  return FALSE;
}

/**
 * bzw_overview_options_parse_grouping:
 * @text: "alphabetical" or "circle", or the German "alphabetisch", "kreis"
 *
 * Sets the grouping from a command-line value.
 */
gboolean
bzw_overview_options_parse_grouping (BzwOverviewOptions  *self,
                                     const char          *text,
                                     GError             **error)
{
  g_return_val_if_fail (BZW_IS_OVERVIEW_OPTIONS (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (word_is (text, "alphabetical", "alphabetisch") || word_is (text, "name", "name"))
    {
      bzw_overview_options_set_grouping (self, BZW_OVERVIEW_GROUPING_ALPHABETICAL);
      return TRUE;
    }

  if (word_is (text, "circle", "kreis") || word_is (text, "circles", "kreise"))
    {
      bzw_overview_options_set_grouping (self, BZW_OVERVIEW_GROUPING_CIRCLE);
      return TRUE;
    }

  g_set_error (error, BZW_OVERVIEW_ERROR, BZW_OVERVIEW_ERROR_INVALID,
               /* Translators: do not translate the words in quotes, they are typed on the command line. */
               _("“%s” is not a grouping. Use “alphabetical” or “circle”."), text);
  return FALSE;
}
