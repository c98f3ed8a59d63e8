/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "bzw-store.h"

G_BEGIN_DECLS

GdkPaintable *bzw_ui_dup_photo_paintable (BzwContact  *contact);
char         *bzw_ui_format_date         (const char  *iso_date);
char         *bzw_ui_format_unix_date    (gint64       unix_time);
char         *bzw_ui_parse_date          (const char  *text,
                                          GError     **error);
gboolean      bzw_ui_parse_euros         (const char  *text,
                                          gint64      *cents);
void          bzw_ui_copy_text           (GtkWidget   *widget,
                                          const char  *text);
void          bzw_ui_show_invalid        (GtkLabel    *error_label,
                                          GtkWidget   *field,
                                          const char  *message);
void          bzw_ui_clear_invalid       (GtkWidget   *field);
void          bzw_ui_unparent_children   (GtkWidget   *widget);
void          bzw_ui_toast               (GtkWidget   *widget,
                                          AdwToast    *toast);
AdwToast     *bzw_ui_undo_toast_new      (const char     *title,
                                          GCallback       undo_cb,
                                          gpointer        data,
                                          GClosureNotify  notify);
void          bzw_ui_show_error          (GtkWidget   *widget,
                                          const char  *heading,
                                          const GError *error);
AdwMessageDialog *bzw_ui_question_new    (GtkWindow             *parent,
                                          const char            *heading,
                                          const char            *body,
                                          const char            *response,
                                          const char            *label,
                                          AdwResponseAppearance  appearance);
gboolean      bzw_ui_close_window_shortcut (GtkWidget *widget,
                                            GVariant  *args,
                                            gpointer   user_data);
GtkWidget    *bzw_ui_icon_button         (const char  *icon_name,
                                          const char  *label);
void          bzw_ui_name_drop_down      (GtkDropDown *drop,
                                          const char  *label);
GtkWidget    *bzw_ui_row_button          (const char  *icon_name,
                                          const char  *label);
void          bzw_ui_advance_entry       (GtkWidget   *widget,
                                          BzwStore    *store,
                                          GVariant    *parameter);

G_END_DECLS
