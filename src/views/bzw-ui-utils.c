/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-ui-utils"

#include "config.h"

#include "bzw-photo.h"
#include "bzw-store.h"
#include "bzw-ui-utils.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

/* The photo of a contact as a paintable, or NULL when there is none or it
 * cannot be read.
 */
GdkPaintable *
bzw_ui_dup_photo_paintable (BzwContact *contact)
{
  GBytes *photo = bzw_contact_get_photo (contact);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  if (photo == NULL)
    return NULL;

  /* Bounded: a picture too large to decode is refused from its header. */
  pixbuf = bzw_photo_decode (photo, BZW_PHOTO_MAX_SIDE, &error);
  if (pixbuf == NULL)
    {
      g_debug ("Cannot read a contact photo: %s", error->message);
      return NULL;
    }

  return GDK_PAINTABLE (gdk_texture_new_for_pixbuf (pixbuf));
}

/* "1985-12-15" → "15.12.1985", "--12-15" → "15.12." */
char *
bzw_ui_format_date (const char *iso_date)
{
  int year;
  int month;
  int day;

  if (iso_date == NULL)
    return NULL;

  if (sscanf (iso_date, "--%2d-%2d", &month, &day) == 2)
    return g_strdup_printf ("%02d.%02d.", day, month);

  if (sscanf (iso_date, "%4d-%2d-%2d", &year, &month, &day) == 3)
    return g_strdup_printf ("%02d.%02d.%04d", day, month, year);

  return g_strdup (iso_date);
}

char *
bzw_ui_format_unix_date (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = NULL;

  if (unix_time <= 0)
    return NULL;

  dt = g_date_time_new_from_unix_local (unix_time);
  return g_date_time_format (dt, "%d.%m.%Y");
}

/* Reads a date as people type it: "15.12.1985", "15.12.85", "15.12." for a
 * date without a year, or ISO "1985-12-15".  Returns the ISO form, "" for
 * an empty text, or NULL with @error set when the date does not exist.
 */
char *
bzw_ui_parse_date (const char  *text,
                   GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  int year = 0;
  int month = 0;
  int day = 0;
  int consumed = 0;
  gboolean ok = FALSE;

  if (stripped[0] == '\0')
    return g_strdup ("");

  if (sscanf (stripped, "%4d-%2d-%2d%n", &year, &month, &day, &consumed) == 3 &&
      stripped[consumed] == '\0')
    ok = TRUE;
  else if (sscanf (stripped, "%2d.%2d.%4d%n", &day, &month, &year, &consumed) == 3 &&
           stripped[consumed] == '\0')
    {
      if (consumed <= 8 && year < 100)
        year += year > 30 ? 1900 : 2000;
      ok = TRUE;
    }
  else if (sscanf (stripped, "%2d.%2d.%n", &day, &month, &consumed) == 2 &&
           stripped[consumed] == '\0')
    {
      year = 0;
      ok = TRUE;
    }

  if (ok)
    ok = g_date_valid_dmy (day, month, year > 0 ? year : 2000) && year >= 0 && year < 10000;

  if (!ok)
    {
      g_set_error (error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID,
                   _("“%s” is not a date. Please write it as 15.12.1985, or 15.12. without a year."),
                   stripped);
      return NULL;
    }

  if (year == 0)
    return g_strdup_printf ("--%02d-%02d", month, day);

  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* Reads "1.234,50", "1234.5", "1234 €" and the like; FALSE when it is not
 * an amount.
 */
gboolean
bzw_ui_parse_euros (const char *text,
                    gint64     *cents)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  const char *comma;
  const char *last_dot;
  double value;
  char *end;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c) || c == ',' || c == '.' || c == '-')
        g_string_append_unichar (clean, c);
      else if (!g_unichar_isspace (c) && c != 0x20AC && c != 'E' && c != 'U' && c != 'R')
        return FALSE;
    }

  if (clean->len == 0)
    {
      *cents = 0;
      return TRUE;
    }

  comma = strrchr (clean->str, ',');
  last_dot = strrchr (clean->str, '.');

  /* German: dots group thousands, the comma is the decimal mark. */
  if (comma != NULL || (last_dot != NULL && strlen (last_dot) == 4))
    {
      g_autoptr(GString) plain = g_string_new (NULL);

      for (const char *p = clean->str; *p != '\0'; p++)
        {
          if (*p == '.')
            continue;
          g_string_append_c (plain, *p == ',' ? '.' : *p);
        }
      g_string_assign (clean, plain->str);
    }

  value = g_ascii_strtod (clean->str, &end);
  if (*end != '\0' || value > 1e12 || value < -1e12)
    return FALSE;

  *cents = (gint64) (value * 100.0 + (value < 0 ? -0.5 : 0.5));
  return TRUE;
}

void
bzw_ui_copy_text (GtkWidget  *widget,
                  const char *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

/* Shows @message in @error_label and marks @field (if any) as invalid, for
 * the eye and for assistive technology, and puts the focus there.
 */
void
bzw_ui_show_invalid (GtkLabel   *error_label,
                     GtkWidget  *field,
                     const char *message)
{
  gtk_label_set_label (error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (error_label), TRUE);

  if (field == NULL)
    return;

  gtk_widget_add_css_class (field, "error");
  gtk_widget_grab_focus (field);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
}

void
bzw_ui_clear_invalid (GtkWidget *field)
{
  gtk_widget_remove_css_class (field, "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
}

/* For a widget whose template has children without an id, which
 * gtk_widget_dispose_template() leaves in place: unparents them all.
 */
void
bzw_ui_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/* Shows a toast in the window around @widget. */
void
bzw_ui_toast (GtkWidget *widget,
              AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* A toast @title whose „Rückgängig“ calls @undo_cb with @data for ten
 * seconds, before other toasts; @notify frees @data with the toast.
 */
AdwToast *
bzw_ui_undo_toast_new (const char     *title,
                       GCallback       undo_cb,
                       gpointer        data,
                       GClosureNotify  notify)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_data (toast, "button-clicked", undo_cb, data, notify, 0);
  return toast;
}

/* A dialog over the window of @widget that says what went wrong. */
void
bzw_ui_show_error (GtkWidget    *widget,
                   const char   *heading,
                   const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * bzw_ui_question_new:
 * @response: the id of the answer that does it, also chosen by Enter
 * @label: its mnemonic label
 * @appearance: suggested, or destructive for what cannot be taken back
 *
 * Returns: (transfer none): a question over @parent with „Abbrechen“
 *   (id "cancel", also Escape) and one answer; not yet shown.
 */
AdwMessageDialog *
bzw_ui_question_new (GtkWindow             *parent,
                     const char            *heading,
                     const char            *body,
                     const char            *response,
                     const char            *label,
                     AdwResponseAppearance  appearance)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (dialog, response, appearance);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

/* The action behind „Als „…“ markieren“, with its (kind, id) parameter:
 * moves the entry on and says so in a toast.
 */
void
bzw_ui_advance_entry (GtkWidget *widget,
                      BzwStore  *store,
                      GVariant  *parameter)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *label = NULL;
  gint64 id;
  int kind;

  g_variant_get (parameter, "(ix)", &kind, &id);
  if (!bzw_store_advance_journal_entry (store, kind, id, &label, &error))
    {
      bzw_ui_show_error (widget, _("The Entry Cannot Be Changed"), error);
      return;
    }

  message = g_strdup_printf (kind == BZW_JOURNAL_FAVOUR ? _("Favour marked as “%s”") : _("Referral marked as “%s”"),
                             label);
  bzw_ui_toast (widget, adw_toast_new (message));
}

/* Escape closes a dialog without saving: a GtkShortcutFunc for
 * gtk_widget_class_add_binding() on a window class.
 */
gboolean
bzw_ui_close_window_shortcut (GtkWidget *widget,
                              GVariant  *args,
                              gpointer   user_data)
{
  gtk_window_destroy (GTK_WINDOW (widget));
  return TRUE;
}

/**
 * bzw_ui_icon_button:
 * @label: what the button does, for its tooltip and for screen readers
 *
 * A flat button that shows only an icon.
 */
GtkWidget *
bzw_ui_icon_button (const char *icon_name,
                    const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

/**
 * bzw_ui_name_drop_down:
 *
 * Gives @drop and the button inside it the accessible name @label: in GTK
 * 4.8 assistive technology reads the inner button as "GtkToggleButton".
 */
void
bzw_ui_name_drop_down (GtkDropDown *drop,
                       const char  *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* An icon button centred in the height of a list row. */
GtkWidget *
bzw_ui_row_button (const char *icon_name,
                   const char *label)
{
  GtkWidget *button = bzw_ui_icon_button (icon_name, label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}
