/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-entry-editor"

#include "config.h"

#include "bzw-contact-picker.h"
#include "bzw-talking-points-box.h"
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

  AdwHeaderBar     *header;
  AdwViewStack     *stack;
  GtkLabel         *error_label;

  /* Encounter */
  GtkEntry         *enc_date;
  GtkEntry         *enc_time;
  GtkDropDown      *enc_channel;
  GtkBox           *enc_picker_row;
  BzwContactPicker *enc_picker;
  GtkListBox       *enc_people;
  GtkWidget        *enc_points;
  GtkEntry         *enc_place;
  GtkTextView      *enc_notes;

  /* Favour */
  GtkEntry         *fav_date;
  GtkBox           *fav_from_row;
  GtkBox           *fav_to_row;
  BzwContactPicker *fav_from;
  BzwContactPicker *fav_to;
  GtkDropDown      *fav_direction;
  GtkDropDown      *fav_state;
  GtkEntry         *fav_description;
  GtkEntry         *fav_value;
  GtkEntry         *fav_due;

  /* Referral */
  GtkEntry         *ref_date;
  GtkBox           *ref_giver_row;
  GtkBox           *ref_receiver_row;
  GtkBox           *ref_referred_row;
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

/* The labels of the form name their fields for AT-SPI, and typing in a
 * field clears its error mark.
 */
static void
tie_labels (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *target;

      if (!GTK_IS_LABEL (child) || !gtk_widget_has_css_class (child, "caption-heading"))
        {
          tie_labels (child);
          continue;
        }

      target = gtk_label_get_mnemonic_widget (GTK_LABEL (child));
      g_assert (target != NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gtk_label_get_text (GTK_LABEL (child)), -1);
      if (GTK_IS_EDITABLE (target))
        g_signal_connect (target, "changed", G_CALLBACK (clear_invalid_cb), NULL);
    }
}

/* A contact picker needs the store, so it joins its row of the template
 * here, below the row's label.
 */
static BzwContactPicker *
add_picker (BzwEntryEditor *self,
            GtkBox         *row,
            const char     *placeholder)
{
  GtkWidget *picker = bzw_contact_picker_new (self->store, placeholder);

  gtk_label_set_mnemonic_widget (GTK_LABEL (gtk_widget_get_first_child (GTK_WIDGET (row))), picker);
  gtk_box_append (row, picker);
  return BZW_CONTACT_PICKER (picker);
}

static void
set_choices (GtkDropDown        *dropdown,
             const char * const *labels,
             guint               n)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, labels[i]);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
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
  bzw_talking_points_box_set_people (BZW_TALKING_POINTS_BOX (self->enc_points), self->participants);
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
  GtkWidget *remove;

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
  remove = bzw_ui_icon_button ("window-close-symbolic", remove_label);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_participant_cb), self);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), remove);
  gtk_list_box_append (self->enc_people, row);
  gtk_widget_set_visible (GTK_WIDGET (self->enc_people), TRUE);
  bzw_talking_points_box_set_people (BZW_TALKING_POINTS_BOX (self->enc_points), self->participants);
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

static void
add_pickers (BzwEntryEditor *self)
{
  const char *me = _("Me, or type a name");

  self->enc_picker = add_picker (self, self->enc_picker_row, _("Type a name"));
  self->enc_points = bzw_talking_points_box_new (self->store);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->enc_people))), self->enc_points,
                              GTK_WIDGET (self->enc_people));
  g_signal_connect_swapped (self->enc_picker, "changed", G_CALLBACK (participant_picked_cb), self);
  self->fav_from = add_picker (self, self->fav_from_row, me);
  self->fav_to = add_picker (self, self->fav_to_row, me);
  self->ref_giver = add_picker (self, self->ref_giver_row, me);
  self->ref_receiver = add_picker (self, self->ref_receiver_row, me);
  self->ref_referred = add_picker (self, self->ref_referred_row, _("A contact or any name"));
}

static void
fill_choices (BzwEntryEditor *self)
{
  const char *channels[BZW_N_CHANNELS];
  const char *directions[BZW_N_FAVOUR_DIRECTIONS];
  const char *favour_states[BZW_N_FAVOUR_STATES];
  const char *efforts[5];
  const char *referral_states[BZW_N_REFERRAL_STATES];

  for (BzwChannel c = 0; c < BZW_N_CHANNELS; c++)
    channels[c] = bzw_channel_get_label (c);
  for (guint i = 0; i < BZW_N_FAVOUR_DIRECTIONS; i++)
    directions[i] = bzw_favour_direction_get_label (i);
  for (guint i = 0; i < BZW_N_FAVOUR_STATES; i++)
    favour_states[i] = bzw_favour_state_get_label (i);
  for (guint i = 0; i < 5; i++)
    efforts[i] = bzw_referral_effort_get_label (i + 1);
  for (guint i = 0; i < BZW_N_REFERRAL_STATES; i++)
    referral_states[i] = bzw_referral_state_get_label (i);

  set_choices (self->enc_channel, channels, G_N_ELEMENTS (channels));
  set_choices (self->fav_direction, directions, G_N_ELEMENTS (directions));
  set_choices (self->fav_state, favour_states, G_N_ELEMENTS (favour_states));
  set_choices (self->ref_effort, efforts, G_N_ELEMENTS (efforts));
  set_choices (self->ref_state, referral_states, G_N_ELEMENTS (referral_states));
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
      ok = bzw_talking_points_box_save_encounter (BZW_TALKING_POINTS_BOX (self->enc_points), e, &error);
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
  gtk_widget_dispose_template (GTK_WIDGET (self), BZW_TYPE_ENTRY_EDITOR);

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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/views/bzw-entry-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, enc_channel);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, enc_date);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, enc_notes);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, enc_people);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, enc_picker_row);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, enc_place);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, enc_time);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, fav_date);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, fav_description);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, fav_direction);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, fav_due);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, fav_from_row);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, fav_state);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, fav_to_row);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, fav_value);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, header);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, ref_date);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, ref_effort);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, ref_giver_row);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, ref_notes);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, ref_receiver_row);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, ref_referred_row);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, ref_state);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, ref_thanked);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, ref_value);
  gtk_widget_class_bind_template_child (widget_class, BzwEntryEditor, stack);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, bzw_ui_close_window_shortcut, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut, NULL);
}

/* Ctrl+Return saves from anywhere, the notes included: a shortcut of the
 * capture phase, before a text view takes the Return as a new line.
 */
static void
add_save_on_ctrl_return (BzwEntryEditor *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  guint keys[] = { GDK_KEY_Return, GDK_KEY_KP_Enter, GDK_KEY_ISO_Enter };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i], GDK_CONTROL_MASK),
                                                            gtk_callback_action_new (save_shortcut, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
bzw_entry_editor_init (BzwEntryEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_save_on_ctrl_return (self);
  self->participants = g_array_new (FALSE, TRUE, sizeof (BzwParty));
  g_array_set_clear_func (self->participants, (GDestroyNotify) bzw_party_clear);
}

/* A new entry chooses its kind; an existing one keeps it. */
static void
build (BzwEntryEditor *self,
       gboolean        new_entry)
{
  GtkWidget *switcher;

  add_pickers (self);
  tie_labels (GTK_WIDGET (self->stack));
  fill_choices (self);

  if (!new_entry)
    return;

  switcher = adw_view_switcher_new ();
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), self->stack);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  adw_header_bar_set_title_widget (self->header, switcher);
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
      /* The first thing to fill in: who, or with someone given, what. */
      if (kind == 0 || kind == BZW_JOURNAL_ENCOUNTER)
        gtk_window_set_focus (GTK_WINDOW (self), contact_id != 0 ? GTK_WIDGET (self->enc_notes)
                                                                 : GTK_WIDGET (self->enc_picker));
    }

  return GTK_WIDGET (self);
}
