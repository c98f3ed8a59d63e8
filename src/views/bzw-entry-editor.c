/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-entry-editor"

#include "config.h"

#include "bzw-contact-picker.h"
#include "bzw-entry-editor.h"
#include "bzw-labels.h"
#include "bzw-ui-utils.h"

#include <glib/gi18n.h>
#include <stdio.h>

/* One dialog for the three kinds of journal entries: an encounter, a
 * favour or a referral.  A new entry picks its kind with the switcher at
 * the top; an existing one is edited in its own kind.  A party left empty
 * is "Ich".
 */
struct _BzwEntryEditor
{
  AdwWindow         parent_instance;

  BzwStore         *store;
  BzwJournalKind    kind;
  gint64            id;
  char             *uid;
  GArray           *participants;

  AdwViewStack     *stack;
  GtkLabel         *error_label;

  /* Encounter */
  GtkEntry         *enc_date;
  GtkEntry         *enc_time;
  GtkDropDown      *enc_channel;
  BzwContactPicker *enc_picker;
  GtkListBox       *enc_people;
  GtkEntry         *enc_place;
  GtkTextView      *enc_notes;

  /* Favour */
  GtkEntry         *fav_date;
  BzwContactPicker *fav_from;
  BzwContactPicker *fav_to;
  GtkDropDown      *fav_direction;
  GtkDropDown      *fav_state;
  GtkEntry         *fav_description;
  GtkEntry         *fav_value;
  GtkEntry         *fav_due;

  /* Referral */
  GtkEntry         *ref_date;
  BzwContactPicker *ref_giver;
  BzwContactPicker *ref_receiver;
  BzwContactPicker *ref_referred;
  GtkDropDown      *ref_effort;
  GtkDropDown      *ref_state;
  GtkEntry         *ref_value;
  GtkCheckButton   *ref_thanked;
  GtkTextView      *ref_notes;
};

G_DEFINE_FINAL_TYPE (BzwEntryEditor, bzw_entry_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_invalid_cb (GtkWidget *widget)
{
  bzw_ui_clear_invalid (widget);
}

/* A row of a form: a label above its field, tied together for AT-SPI. */
static GtkWidget *
field (GtkWidget  *box,
       const char *label_text,
       GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (GTK_LABEL (label)), -1);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), widget);
  gtk_box_append (GTK_BOX (box), row);

  if (GTK_IS_EDITABLE (widget))
    g_signal_connect (widget, "changed", G_CALLBACK (clear_invalid_cb), NULL);

  return widget;
}

static GtkWidget *
entry (const char *placeholder)
{
  GtkWidget *widget = gtk_entry_new ();

  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (widget), placeholder);
  return widget;
}

static GtkWidget *
notes_view (void)
{
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_widget_set_size_request (view, -1, 80);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_add_css_class (view, "card");
  return view;
}

static GtkWidget *
page_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  g_object_set (box, "margin-start", 18, "margin-end", 18, "margin-top", 18, "margin-bottom", 18, NULL);
  return box;
}

static GtkWidget *
scrolled (GtkWidget *child)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  return scroller;
}

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
set_text_view (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static void
set_entry_date (GtkEntry   *widget,
                const char *iso)
{
  g_autofree char *text = bzw_ui_format_date (iso);

  gtk_editable_set_text (GTK_EDITABLE (widget), text != NULL ? text : "");
}

/* Participants of an encounter */

static void
remove_participant_cb (GtkButton      *button,
                       BzwEntryEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  g_array_remove_index (self->participants, index);
  gtk_list_box_remove (self->enc_people, row);
}

static void
add_participant (BzwEntryEditor *self,
                 gint64          contact_id,
                 const char     *free_name)
{
  BzwParty party = { contact_id, contact_id == 0 ? g_strdup (free_name) : NULL };
  g_autoptr(BzwContact) contact = contact_id != 0 ? bzw_store_dup_contact (self->store, contact_id, NULL) : NULL;
  g_autofree char *name = contact != NULL ? bzw_contact_dup_best_name (contact) : g_strdup (free_name);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), name);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");

  for (guint i = 0; i < self->participants->len; i++)
    {
      if (bzw_party_equal (&g_array_index (self->participants, BzwParty, i), &party))
        {
          bzw_party_clear (&party);
          return;
        }
    }

  g_array_append_val (self->participants, party);

  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_participant_cb), self);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), remove);
  gtk_list_box_append (self->enc_people, row);
  gtk_widget_set_visible (GTK_WIDGET (self->enc_people), TRUE);
}

/* Picking a contact adds it at once, and the entry is ready for the next. */
static void
participant_picked_cb (BzwEntryEditor *self)
{
  gint64 id = bzw_contact_picker_get_contact_id (self->enc_picker);

  if (id == 0)
    return;

  add_participant (self, id, NULL);
  bzw_contact_picker_set_contact_id (self->enc_picker, 0);
  bzw_contact_picker_set_text (self->enc_picker, "");
}

static GtkWidget *
build_encounter_page (BzwEntryEditor *self)
{
  GtkWidget *box = page_box ();
  GtkWidget *when = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *date_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *time_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);

  for (BzwChannel c = 0; c < BZW_N_CHANNELS; c++)
    gtk_string_list_append (channels, bzw_channel_get_label (c));

  gtk_widget_set_hexpand (date_box, TRUE);
  gtk_box_append (GTK_BOX (when), date_box);
  gtk_box_append (GTK_BOX (when), time_box);
  gtk_box_append (GTK_BOX (box), when);
  self->enc_date = GTK_ENTRY (field (date_box, _("_Date"), entry (_("e.g. 23.11.2026"))));
  self->enc_time = GTK_ENTRY (field (time_box, _("_Time"), entry (_("e.g. 14:30"))));
  self->enc_channel = GTK_DROP_DOWN (field (box, _("_How"), gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&channels)), NULL)));

  self->enc_picker = BZW_CONTACT_PICKER (field (box, _("_With whom"),
                                               bzw_contact_picker_new (self->store, _("Type a name"))));
  g_signal_connect_swapped (self->enc_picker, "changed", G_CALLBACK (participant_picked_cb), self);
  self->enc_people = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->enc_people, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->enc_people), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->enc_people), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->enc_people), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Participants"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->enc_people));

  self->enc_place = GTK_ENTRY (field (box, _("_Where"), entry (_("e.g. Café Schmitz, Köln"))));
  self->enc_notes = GTK_TEXT_VIEW (field (box, _("_Notes"), notes_view ()));
  return scrolled (box);
}

static GtkWidget *
dropdown (const char * const *labels,
          guint               n)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, labels[i]);
  return gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL);
}

static GtkWidget *
build_favour_page (BzwEntryEditor *self)
{
  GtkWidget *box = page_box ();
  const char *directions[BZW_N_FAVOUR_DIRECTIONS];
  const char *states[BZW_N_FAVOUR_STATES];

  for (guint i = 0; i < BZW_N_FAVOUR_DIRECTIONS; i++)
    directions[i] = bzw_favour_direction_get_label (i);
  for (guint i = 0; i < BZW_N_FAVOUR_STATES; i++)
    states[i] = bzw_favour_state_get_label (i);

  self->fav_date = GTK_ENTRY (field (box, _("_Date"), entry (_("e.g. 23.11.2026"))));
  self->fav_from = BZW_CONTACT_PICKER (field (box, _("_From"), bzw_contact_picker_new (self->store, _("Me, or type a name"))));
  self->fav_to = BZW_CONTACT_PICKER (field (box, _("_To"), bzw_contact_picker_new (self->store, _("Me, or type a name"))));
  self->fav_direction = GTK_DROP_DOWN (field (box, _("_Asked or offered"), dropdown (directions, G_N_ELEMENTS (directions))));
  self->fav_state = GTK_DROP_DOWN (field (box, _("_State"), dropdown (states, G_N_ELEMENTS (states))));
  self->fav_description = GTK_ENTRY (field (box, _("_What"), entry (_("e.g. Read through the CV"))));
  self->fav_value = GTK_ENTRY (field (box, _("Estimated _value in euros"), entry (_("e.g. 150"))));
  self->fav_due = GTK_ENTRY (field (box, _("D_ue by"), entry (_("optional"))));
  return scrolled (box);
}

static GtkWidget *
build_referral_page (BzwEntryEditor *self)
{
  GtkWidget *box = page_box ();
  const char *efforts[5];
  const char *states[BZW_N_REFERRAL_STATES];

  for (guint i = 0; i < 5; i++)
    efforts[i] = bzw_referral_effort_get_label (i + 1);
  for (guint i = 0; i < BZW_N_REFERRAL_STATES; i++)
    states[i] = bzw_referral_state_get_label (i);

  self->ref_date = GTK_ENTRY (field (box, _("_Date"), entry (_("e.g. 23.11.2026"))));
  self->ref_giver = BZW_CONTACT_PICKER (field (box, _("_Given by"), bzw_contact_picker_new (self->store, _("Me, or type a name"))));
  self->ref_receiver = BZW_CONTACT_PICKER (field (box, _("_Given to"), bzw_contact_picker_new (self->store, _("Me, or type a name"))));
  self->ref_referred = BZW_CONTACT_PICKER (field (box, _("_Who or what was referred"),
                                                 bzw_contact_picker_new (self->store, _("A contact or any name"))));
  self->ref_effort = GTK_DROP_DOWN (field (box, _("_Effort"), dropdown (efforts, G_N_ELEMENTS (efforts))));
  self->ref_state = GTK_DROP_DOWN (field (box, _("_State"), dropdown (states, G_N_ELEMENTS (states))));
  self->ref_value = GTK_ENTRY (field (box, _("Business _value in euros"), entry (_("Invoice value, e.g. 2.400"))));
  self->ref_thanked = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Thanked")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->ref_thanked));
  self->ref_notes = GTK_TEXT_VIEW (field (box, _("_Notes"), notes_view ()));
  return scrolled (box);
}

/* Reading the form */

static gboolean
read_day (BzwEntryEditor  *self,
          GtkEntry        *widget,
          gboolean         required,
          char           **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = bzw_ui_parse_date (gtk_editable_get_text (GTK_EDITABLE (widget)), &error);

  if (iso != NULL && iso[0] == '-')
    {
      g_set_error_literal (&error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID,
                           _("Please give the year too, e.g. 23.11.2026."));
      g_clear_pointer (&iso, g_free);
    }
  else if (iso != NULL && iso[0] == '\0' && required)
    {
      g_set_error_literal (&error, BZW_STORE_ERROR, BZW_STORE_ERROR_INVALID, _("Please give a date."));
      g_clear_pointer (&iso, g_free);
    }

  if (iso == NULL)
    {
      bzw_ui_show_invalid (self->error_label, GTK_WIDGET (widget), error->message);
      return FALSE;
    }

  *out = iso[0] != '\0' ? g_steal_pointer (&iso) : NULL;
  return TRUE;
}

static gboolean
read_value (BzwEntryEditor *self,
            GtkEntry       *widget,
            gint64         *cents)
{
  if (!bzw_ui_parse_euros (gtk_editable_get_text (GTK_EDITABLE (widget)), cents))
    {
      bzw_ui_show_invalid (self->error_label, GTK_WIDGET (widget), _("Please give the value as an amount in euros, e.g. 150 or 1.250,50."));
      return FALSE;
    }

  if (*cents < 0)
    {
      bzw_ui_show_invalid (self->error_label, GTK_WIDGET (widget), _("The value cannot be negative."));
      return FALSE;
    }

  return TRUE;
}

static void
read_party (BzwContactPicker *picker,
            BzwParty         *party)
{
  g_autofree char *text = g_strstrip (g_strdup (bzw_contact_picker_get_text (picker)));

  bzw_party_clear (party);
  party->contact_id = bzw_contact_picker_get_contact_id (picker);
  if (party->contact_id == 0 && text[0] != '\0' && g_strcmp0 (text, _("Me")) != 0)
    party->name = g_steal_pointer (&text);
}

static gboolean
read_encounter (BzwEntryEditor  *self,
                BzwEncounter    *e)
{
  g_autofree char *day = NULL;
  g_autofree char *notes = text_of (self->enc_notes);
  const char *time_text = gtk_editable_get_text (GTK_EDITABLE (self->enc_time));
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  const char *typed = bzw_contact_picker_get_text (self->enc_picker);
  int hour = 12;
  int minute = 0;
  int year;
  int month;
  int mday;

  if (!read_day (self, self->enc_date, TRUE, &day))
    return FALSE;

  if (time_text[0] != '\0' &&
      (sscanf (time_text, "%d:%d", &hour, &minute) != 2 || hour < 0 || hour > 23 || minute < 0 || minute > 59))
    {
      bzw_ui_show_invalid (self->error_label, GTK_WIDGET (self->enc_time), _("Please give the time as hours and minutes, e.g. 14:30."));
      return FALSE;
    }

  /* A name typed but not picked is a person who is not a contact. */
  if (typed != NULL && typed[0] != '\0')
    add_participant (self, 0, typed);

  if (self->participants->len == 0)
    {
      bzw_ui_show_invalid (self->error_label, GTK_WIDGET (self->enc_picker), _("Who was there? Add at least one person."));
      return FALSE;
    }

  sscanf (day, "%d-%d-%d", &year, &month, &mday);
  when = g_date_time_new (tz, year, month, mday, hour, minute, 0);
  bzw_encounter_set_happened_at (e, g_date_time_to_unix (when));
  bzw_encounter_set_channel (e, gtk_drop_down_get_selected (self->enc_channel));
  bzw_encounter_set_place (e, gtk_editable_get_text (GTK_EDITABLE (self->enc_place)));
  bzw_encounter_set_notes (e, notes);
  bzw_encounter_clear_participants (e);
  for (guint i = 0; i < self->participants->len; i++)
    {
      const BzwParty *p = &g_array_index (self->participants, BzwParty, i);

      bzw_encounter_add_participant (e, p->contact_id, p->name);
    }

  return TRUE;
}

static gboolean
read_favour (BzwEntryEditor *self,
             BzwFavour      *f)
{
  g_autofree char *day = NULL;
  g_autofree char *due = NULL;
  BzwParty from = { 0 };
  BzwParty to = { 0 };
  gint64 cents = 0;

  if (!read_day (self, self->fav_date, TRUE, &day) ||
      !read_day (self, self->fav_due, FALSE, &due) ||
      !read_value (self, self->fav_value, &cents))
    return FALSE;

  read_party (self->fav_from, &from);
  read_party (self->fav_to, &to);
  bzw_favour_set_day (f, day);
  bzw_favour_set_due (f, due);
  bzw_favour_set_from (f, &from);
  bzw_favour_set_to (f, &to);
  bzw_favour_set_direction (f, gtk_drop_down_get_selected (self->fav_direction));
  bzw_favour_set_state (f, gtk_drop_down_get_selected (self->fav_state));
  bzw_favour_set_description (f, gtk_editable_get_text (GTK_EDITABLE (self->fav_description)));
  bzw_favour_set_value_cents (f, cents);
  bzw_party_clear (&from);
  bzw_party_clear (&to);
  return TRUE;
}

static gboolean
read_referral (BzwEntryEditor *self,
               BzwReferral    *r)
{
  g_autofree char *day = NULL;
  g_autofree char *notes = text_of (self->ref_notes);
  BzwParty party = { 0 };
  gint64 cents = 0;

  if (!read_day (self, self->ref_date, TRUE, &day) || !read_value (self, self->ref_value, &cents))
    return FALSE;

  bzw_referral_set_day (r, day);
  read_party (self->ref_giver, &party);
  bzw_referral_set_giver (r, &party);
  read_party (self->ref_receiver, &party);
  bzw_referral_set_receiver (r, &party);
  read_party (self->ref_referred, &party);
  bzw_referral_set_referred (r, &party);
  bzw_party_clear (&party);
  bzw_referral_set_effort (r, gtk_drop_down_get_selected (self->ref_effort) + 1);
  bzw_referral_set_state (r, gtk_drop_down_get_selected (self->ref_state));
  bzw_referral_set_value_cents (r, cents);
  bzw_referral_set_thanked (r, gtk_check_button_get_active (self->ref_thanked));
  bzw_referral_set_notes (r, notes);
  return TRUE;
}

static BzwJournalKind
current_kind (BzwEntryEditor *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (name, "favour") == 0)
    return BZW_JOURNAL_FAVOUR;
  if (g_strcmp0 (name, "referral") == 0)
    return BZW_JOURNAL_REFERRAL;
  return BZW_JOURNAL_ENCOUNTER;
}

static void
save_cb (BzwEntryEditor *self)
{
  g_autoptr(GError) error = NULL;
  BzwJournalKind kind = current_kind (self);
  gboolean ok = FALSE;
  gint64 id = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  if (kind == BZW_JOURNAL_ENCOUNTER)
    {
      g_autoptr(BzwEncounter) e = bzw_encounter_new ();

      bzw_encounter_set_id (e, self->kind == kind ? self->id : 0);
      bzw_encounter_set_uid (e, self->kind == kind ? self->uid : NULL);
      if (!read_encounter (self, e))
        return;
      ok = bzw_store_save_encounter (self->store, e, &error);
      id = bzw_encounter_get_id (e);
    }
  else if (kind == BZW_JOURNAL_FAVOUR)
    {
      g_autoptr(BzwFavour) f = bzw_favour_new ();

      bzw_favour_set_id (f, self->kind == kind ? self->id : 0);
      bzw_favour_set_uid (f, self->kind == kind ? self->uid : NULL);
      if (!read_favour (self, f))
        return;
      ok = bzw_store_save_favour (self->store, f, &error);
      id = bzw_favour_get_id (f);
    }
  else
    {
      g_autoptr(BzwReferral) r = bzw_referral_new ();

      bzw_referral_set_id (r, self->kind == kind ? self->id : 0);
      bzw_referral_set_uid (r, self->kind == kind ? self->uid : NULL);
      if (!read_referral (self, r))
        return;
      ok = bzw_store_save_referral (self->store, r, &error);
      id = bzw_referral_get_id (r);
    }

  if (!ok)
    {
      bzw_ui_show_invalid (self->error_label, NULL, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, (int) kind, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_cb (BzwEntryEditor *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
save_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  save_cb (BZW_ENTRY_EDITOR (widget));
  return TRUE;
}

static void
bzw_entry_editor_dispose (GObject *object)
{
  BzwEntryEditor *self = BZW_ENTRY_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->participants, g_array_unref);

  G_OBJECT_CLASS (bzw_entry_editor_parent_class)->dispose (object);
}

static void
bzw_entry_editor_class_init (BzwEntryEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bzw_entry_editor_dispose;

  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT64);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, bzw_ui_close_window_shortcut, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut, NULL);
}

static void
bzw_entry_editor_init (BzwEntryEditor *self)
{
  self->participants = g_array_new (FALSE, TRUE, sizeof (BzwParty));
  g_array_set_clear_func (self->participants, (GDestroyNotify) bzw_party_clear);
}

static void
build (BzwEntryEditor *self,
       gboolean        new_entry)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *switcher;
  AdwViewStackPage *page;

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_tooltip_text (save, _("Save (Ctrl+S)"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_cb), self);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (content), header);

  self->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  page = adw_view_stack_add_titled (self->stack, build_encounter_page (self), "encounter", _("Encounter"));
  adw_view_stack_page_set_icon_name (page, "system-users-symbolic");
  page = adw_view_stack_add_titled (self->stack, build_favour_page (self), "favour", _("Favour"));
  adw_view_stack_page_set_icon_name (page, "emblem-favorite-symbolic");
  page = adw_view_stack_add_titled (self->stack, build_referral_page (self), "referral", _("Referral"));
  adw_view_stack_page_set_icon_name (page, "emblem-shared-symbolic");

  /* A new entry chooses its kind; an existing one keeps it. */
  if (new_entry)
    {
      switcher = adw_view_switcher_new ();
      adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), self->stack);
      adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
      adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), switcher);
    }

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  g_object_set (self->error_label, "margin-start", 18, "margin-end", 18, "margin-top", 12, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));

  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 640);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);
}

static void
fill_defaults (BzwEntryEditor *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%d.%m.%Y");
  g_autofree char *time = g_date_time_format (now, "%H:%M");

  gtk_editable_set_text (GTK_EDITABLE (self->enc_date), date);
  gtk_editable_set_text (GTK_EDITABLE (self->enc_time), time);
  gtk_editable_set_text (GTK_EDITABLE (self->fav_date), date);
  gtk_editable_set_text (GTK_EDITABLE (self->ref_date), date);
  gtk_drop_down_set_selected (self->ref_effort, 1);
}

static void
set_picker_party (BzwContactPicker *picker,
                  const BzwParty   *party)
{
  if (party->contact_id != 0)
    bzw_contact_picker_set_contact_id (picker, party->contact_id);
  else if (party->name != NULL)
    bzw_contact_picker_set_text (picker, party->name);
}

static gboolean
load (BzwEntryEditor  *self,
      GError         **error)
{
  if (self->kind == BZW_JOURNAL_ENCOUNTER)
    {
      g_autoptr(BzwEncounter) e = bzw_store_dup_encounter (self->store, self->id, error);
      g_autoptr(GDateTime) when = NULL;
      g_autofree char *date = NULL;
      g_autofree char *time = NULL;
      GArray *people;

      if (e == NULL)
        return FALSE;

      when = g_date_time_new_from_unix_local (bzw_encounter_get_happened_at (e));
      date = g_date_time_format (when, "%d.%m.%Y");
      time = g_date_time_format (when, "%H:%M");
      self->uid = g_strdup (bzw_encounter_get_uid (e));
      gtk_editable_set_text (GTK_EDITABLE (self->enc_date), date);
      gtk_editable_set_text (GTK_EDITABLE (self->enc_time), time);
      gtk_drop_down_set_selected (self->enc_channel, bzw_encounter_get_channel (e));
      gtk_editable_set_text (GTK_EDITABLE (self->enc_place),
                             bzw_encounter_get_place (e) != NULL ? bzw_encounter_get_place (e) : "");
      set_text_view (self->enc_notes, bzw_encounter_get_notes (e));
      people = bzw_encounter_get_participants (e);
      for (guint i = 0; i < people->len; i++)
        add_participant (self, g_array_index (people, BzwParty, i).contact_id, g_array_index (people, BzwParty, i).name);
      adw_view_stack_set_visible_child_name (self->stack, "encounter");
    }
  else if (self->kind == BZW_JOURNAL_FAVOUR)
    {
      g_autoptr(BzwFavour) f = bzw_store_dup_favour (self->store, self->id, error);
      g_autofree char *value = NULL;

      if (f == NULL)
        return FALSE;

      self->uid = g_strdup (bzw_favour_get_uid (f));
      set_entry_date (self->fav_date, bzw_favour_get_day (f));
      set_entry_date (self->fav_due, bzw_favour_get_due (f));
      set_picker_party (self->fav_from, bzw_favour_get_from (f));
      set_picker_party (self->fav_to, bzw_favour_get_to (f));
      gtk_drop_down_set_selected (self->fav_direction, bzw_favour_get_direction (f));
      gtk_drop_down_set_selected (self->fav_state, bzw_favour_get_state (f));
      gtk_editable_set_text (GTK_EDITABLE (self->fav_description),
                             bzw_favour_get_description (f) != NULL ? bzw_favour_get_description (f) : "");
      if (bzw_favour_get_value_cents (f) > 0)
        value = g_strdup_printf ("%.2f", bzw_favour_get_value_cents (f) / 100.0);
      gtk_editable_set_text (GTK_EDITABLE (self->fav_value), value != NULL ? value : "");
      adw_view_stack_set_visible_child_name (self->stack, "favour");
    }
  else
    {
      g_autoptr(BzwReferral) r = bzw_store_dup_referral (self->store, self->id, error);
      g_autofree char *value = NULL;

      if (r == NULL)
        return FALSE;

      self->uid = g_strdup (bzw_referral_get_uid (r));
      set_entry_date (self->ref_date, bzw_referral_get_day (r));
      set_picker_party (self->ref_giver, bzw_referral_get_giver (r));
      set_picker_party (self->ref_receiver, bzw_referral_get_receiver (r));
      set_picker_party (self->ref_referred, bzw_referral_get_referred (r));
      gtk_drop_down_set_selected (self->ref_effort, CLAMP (bzw_referral_get_effort (r), 1, 5) - 1);
      gtk_drop_down_set_selected (self->ref_state, bzw_referral_get_state (r));
      if (bzw_referral_get_value_cents (r) > 0)
        value = g_strdup_printf ("%.2f", bzw_referral_get_value_cents (r) / 100.0);
      gtk_editable_set_text (GTK_EDITABLE (self->ref_value), value != NULL ? value : "");
      gtk_check_button_set_active (self->ref_thanked, bzw_referral_get_thanked (r));
      set_text_view (self->ref_notes, bzw_referral_get_notes (r));
      adw_view_stack_set_visible_child_name (self->stack, "referral");
    }

  return TRUE;
}

/**
 * bzw_entry_editor_new:
 * @kind: the kind to edit, or 0 for a new entry of any kind
 * @id: the entry to edit, or 0 for a new one
 * @contact_id: a contact to start a new entry with, or 0
 */
GtkWidget *
bzw_entry_editor_new (GtkWindow       *parent,
                      BzwStore        *store,
                      BzwJournalKind   kind,
                      gint64           id,
                      gint64           contact_id,
                      GError         **error)
{
  BzwEntryEditor *self = g_object_new (BZW_TYPE_ENTRY_EDITOR,
                                       "transient-for", parent,
                                       "modal", TRUE,
                                       NULL);

  self->store = g_object_ref (store);
  self->kind = kind;
  self->id = id;
  build (self, id == 0);
  fill_defaults (self);

  if (id != 0)
    {
      if (!load (self, error))
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return NULL;
        }
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Entry"));
    }
  else
    {
      BzwParty party = { contact_id, NULL };

      gtk_window_set_title (GTK_WINDOW (self), _("New Journal Entry"));
      if (kind != 0)
        adw_view_stack_set_visible_child_name (self->stack, kind == BZW_JOURNAL_FAVOUR ? "favour"
                                                            : kind == BZW_JOURNAL_REFERRAL ? "referral"
                                                                                          : "encounter");
      if (contact_id != 0)
        {
          add_participant (self, contact_id, NULL);
          set_picker_party (self->fav_to, &party);
          set_picker_party (self->ref_receiver, &party);
        }
    }

  return GTK_WIDGET (self);
}
