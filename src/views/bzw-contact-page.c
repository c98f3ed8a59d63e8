/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-contact-page"

#include "config.h"

#include "bzw-contact-page.h"
#include "bzw-circle-menu.h"
#include "bzw-conflict-ui.h"
#include "bzw-follow-up-ui.h"
#include "bzw-relationship-dialog.h"
#include "bzw-journal-list.h"
#include "bzw-keep-in-touch.h"
#include "bzw-store-stats.h"
#include "bzw-strength.h"
#include "bzw-labels.h"
#include "bzw-name-order.h"
#include "bzw-ui-utils.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

struct _BzwContactPage
{
  GtkWidget   parent_instance;

  BzwStore   *store;
  BzwContact *contact;
  GPtrArray  *groups;

  BzwCircleMenu *circle_menu;

  AdwAvatar  *avatar;
  GtkFlowBox *circles_box;
  GtkMenuButton *circles_button;
  GMenu      *more_menu;
  GtkBox     *content;
  GtkLabel   *name_label;
  GtkWidget  *scroller;
  GtkLabel   *subtitle_label;
  GMenu      *snooze_menu;
  GMenu      *briefing_menu;
};

G_DEFINE_FINAL_TYPE (BzwContactPage, bzw_contact_page, GTK_TYPE_WIDGET)

enum {
  OPEN_CONTACT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
copy_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  const char *text = g_object_get_data (G_OBJECT (button), "bzw-text");
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_TOAST_OVERLAY);

  bzw_ui_copy_text (GTK_WIDGET (button), text);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (_("Copied to the clipboard")));
}

static GtkWidget *
add_group (BzwContactPage *self,
           const char     *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->content, group);
  g_ptr_array_add (self->groups, group);
  return group;
}

/* A row with @value as its title, so it reads first, and @label below. */
static GtkWidget *
add_row (GtkWidget  *group,
         const char *label,
         const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), label);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
add_copy_button (GtkWidget  *row,
                 const char *text,
                 const char *tooltip)
{
  GtkWidget *button = bzw_ui_row_button ("edit-copy-symbolic", tooltip);

  g_object_set_data_full (G_OBJECT (button), "bzw-text", g_strdup (text), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (copy_clicked_cb), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static void
open_link_cb (GtkButton *button,
              gpointer   user_data)
{
  const char *uri = g_object_get_data (G_OBJECT (button), "bzw-text");

  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))), uri, GDK_CURRENT_TIME);
}

/* A web link opens in the browser; only http and https, never a file. */
static void
add_open_button (GtkWidget  *row,
                 const char *uri)
{
  GtkWidget *button;

  if (g_ascii_strncasecmp (uri, "https://", 8) != 0 && g_ascii_strncasecmp (uri, "http://", 7) != 0)
    return;

  button = bzw_ui_row_button ("web-browser-symbolic", _("Open website"));
  g_object_set_data_full (G_OBJECT (button), "bzw-text", g_strdup (uri), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (open_link_cb), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static void open_contact_cb (GtkButton      *button,
                             BzwContactPage *self);

/* A related person who is one of the contacts (by „urn:uuid:“ as vCard
 * links cards, or by the name): 0 for free text.
 */
static gint64
find_related (BzwContactPage *self,
              const char     *value)
{
  if (g_str_has_prefix (value, "urn:uuid:"))
    return bzw_store_find_contact_by_uid (self->store, value + strlen ("urn:uuid:"));
  return bzw_store_find_contact_by_name (self->store, value);
}

/* The related person's name, and a button that opens them. */
static char *
dup_related (BzwContactPage *self,
             const char     *value,
             gint64         *id)
{
  g_autoptr(BzwContact) other = NULL;

  *id = find_related (self, value);
  if (*id == 0 || *id == bzw_contact_get_id (self->contact) ||
      (other = bzw_store_dup_contact (self->store, *id, NULL)) == NULL)
    {
      *id = 0;
      return g_strdup (value);
    }
  return bzw_contact_dup_best_name (other);
}

static void
add_open_contact_button (BzwContactPage *self,
                         GtkWidget      *row,
                         gint64          id,
                         const char     *name)
{
  /* Translators: %s is the name of a contact. */
  g_autofree char *open_label = g_strdup_printf (_("Open %s"), name);
  GtkWidget *open = bzw_ui_row_button ("go-next-symbolic", open_label);

  g_object_set_data (G_OBJECT (open), "bzw-id", GSIZE_TO_POINTER (id));
  g_signal_connect (open, "clicked", G_CALLBACK (open_contact_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
}

static void
add_fields (BzwContactPage *self)
{
  GPtrArray *fields = bzw_contact_get_fields (self->contact);
  GtkWidget *group = NULL;

  for (guint i = 0; i < fields->len; i++)
    {
      const BzwContactField *field = g_ptr_array_index (fields, i);
      g_autofree char *value = NULL;
      g_autofree char *label = NULL;
      gint64 related_id = 0;
      GtkWidget *row;

      if (group == NULL)
        group = add_group (self, _("Contact Details"));

      if (field->kind == BZW_FIELD_ADDRESS)
        value = bzw_labels_format_address (field->value);
      else if (field->kind == BZW_FIELD_DATE)
        value = bzw_ui_format_date (field->value);
      else if (field->kind == BZW_FIELD_RELATED)
        value = dup_related (self, field->value, &related_id);
      else
        value = g_strdup (field->value);

      label = bzw_labels_field (field->kind, field->label);
      row = add_row (group, label, value);

      if (field->kind == BZW_FIELD_EMAIL)
        add_copy_button (row, field->value, _("Copy e-mail address"));
      else if (field->kind == BZW_FIELD_PHONE)
        add_copy_button (row, field->value, _("Copy phone number"));
      else if (field->kind == BZW_FIELD_ADDRESS)
        add_copy_button (row, value, _("Copy address"));
      else if (field->kind == BZW_FIELD_URL)
        {
          add_open_button (row, field->value);
          add_copy_button (row, field->value, _("Copy web address"));
        }
      else if (related_id > 0)
        add_open_contact_button (self, row, related_id, value);
    }

  if (bzw_contact_get_birthday (self->contact) != NULL)
    {
      g_autofree char *birthday = bzw_ui_format_date (bzw_contact_get_birthday (self->contact));

      if (group == NULL)
        group = add_group (self, _("Contact Details"));
      add_row (group, _("Birthday"), birthday);
    }
}

/* „Kennengelernt über Anna Klein“, with a button that opens her. */
static void
add_introducer (BzwContactPage *self,
                GtkWidget      *group)
{
  gint64 id = bzw_store_get_introducer (self->store, bzw_contact_get_id (self->contact));
  g_autoptr(BzwContact) introducer = id > 0 ? bzw_store_dup_contact (self->store, id, NULL) : NULL;
  g_autofree char *name = NULL;
  GtkWidget *row;

  if (introducer == NULL)
    return;

  name = bzw_contact_dup_best_name (introducer);
  row = add_row (group, _("Met through"), name);
  add_open_contact_button (self, row, id, name);
}

/* „Gesprächsvorbereitung drucken …“ in the ⋮ menu, for this contact. */
static void
update_briefing_menu (BzwContactPage *self)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (_("Print Meeting _Brief…"), NULL);

  g_menu_item_set_action_and_target_value (item, "win.print-briefing",
                                           g_variant_new_int64 (bzw_contact_get_id (self->contact)));
  g_menu_remove_all (self->briefing_menu);
  g_menu_append_item (self->briefing_menu, item);
}

static void
add_follow_up (BzwContactPage *self)
{
  g_autoptr(GMenuModel) snooze = bzw_follow_up_ui_snooze_menu (bzw_contact_get_id (self->contact));
  GtkWidget *group = bzw_follow_up_ui_group (self->contact);

  gtk_box_append (self->content, group);
  g_ptr_array_add (self->groups, group);
  group = bzw_follow_up_ui_talking_points_group (self->store, self->contact);
  gtk_box_append (self->content, group);
  g_ptr_array_add (self->groups, group);

  /* „Später erinnern“ in the ⋮ menu, for this contact. */
  g_menu_remove_all (self->snooze_menu);
  g_menu_append_section (self->snooze_menu, NULL, snooze);
  update_briefing_menu (self);
}

static void
add_meeting (BzwContactPage *self)
{
  GtkWidget *group = add_group (self, _("How We Met"));
  const char *how = bzw_contact_get_met_how (self->contact);
  const char *on = bzw_contact_get_met_on (self->contact);

  if (how != NULL)
    add_row (group, _("How"), how);
  if (on != NULL)
    {
      g_autofree char *date = bzw_ui_format_date (on);

      add_row (group, _("When"), date);
    }

  add_row (group, _("Met in person"),
           bzw_contact_get_met_in_person (self->contact) ? _("Yes") : _("No, known only online"));
  add_introducer (self, group);
}

/* The rhythm, own or from the circles, and when getting in touch is due. */
static void
add_keep_in_touch (BzwContactPage *self,
                   GtkWidget      *group,
                   int             ideal,
                   int             latest)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  BzwKeepInTouch kit;
  g_autofree char *rhythm = NULL;
  g_autofree char *due = NULL;
  GtkWidget *row;

  if (!bzw_store_stats_get_keep_in_touch (self->store, bzw_contact_get_id (self->contact), now, &kit, NULL) ||
      kit.state == BZW_KEEP_IN_TOUCH_NONE)
    {
      add_row (group, _("Keep-in-touch rhythm"), _("None yet: set one here or for a circle"));
      return;
    }

  rhythm = bzw_labels_rhythm (kit.rhythm.ideal_days, kit.rhythm.latest_days);
  due = bzw_keep_in_touch_dup_description (&kit);
  add_row (group, ideal > 0 || latest > 0 ? _("Keep-in-touch rhythm") : _("Keep-in-touch rhythm (from the circles)"),
           rhythm);
  row = add_row (group, _("Getting in touch"), due);
  if (kit.state == BZW_KEEP_IN_TOUCH_DUE || kit.state == BZW_KEEP_IN_TOUCH_OVERDUE)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("alarm-symbolic");

      gtk_widget_add_css_class (icon, kit.state == BZW_KEEP_IN_TOUCH_OVERDUE ? "error" : "warning");
      gtk_widget_set_tooltip_text (icon, due);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
}

/* The relationship muscle: grows with every encounter, fades with time. */
static void
add_strength (BzwContactPage *self,
              GtkWidget      *group)
{
  g_autoptr(GArray) events = bzw_store_stats_list_strength_events (self->store, bzw_contact_get_id (self->contact), NULL);
  double strength = events != NULL ? bzw_strength_compute ((BzwStrengthEvent *) (gpointer) events->data, events->len,
                                                           g_get_real_time () / G_USEC_PER_SEC)
                                   : 0.0;
  int percent = bzw_strength_to_percent (strength);
  g_autofree char *value = g_strdup_printf (_("%d of 100"), percent);
  GtkWidget *row = add_row (group, _("Relationship muscle"), value);
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 100);

  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), percent);
  gtk_widget_set_size_request (bar, 120, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (bar, _("Grows with every encounter, favour and referral, and fades with time"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Relationship muscle"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
}

/* What I gave and what I received, by value, worded as giving. */
static void
add_give_take (BzwContactPage *self,
               GtkWidget      *group)
{
  BzwGiveTake gt = { 0 };
  g_autofree char *given = NULL;
  g_autofree char *received = NULL;
  g_autofree char *text = NULL;

  if (!bzw_store_stats_get_give_take (self->store, bzw_contact_get_id (self->contact), &gt, NULL) ||
      (gt.n_given == 0 && gt.n_received == 0))
    return;

  given = bzw_labels_format_euros (gt.given_cents);
  received = bzw_labels_format_euros (gt.received_cents);
  /* Translators: favours done and referrals, counted and by value. */
  text = g_strdup_printf (_("I gave %u times (worth %s), received %u times (worth %s)"),
                          gt.n_given, given, gt.n_received, received);
  add_row (group, _("Giving and receiving"), text);
}

static void
add_history (BzwContactPage *self)
{
  g_autoptr(BzwJournalList) list = bzw_journal_list_new (self->store);
  BzwJournalQuery query = { NULL, TRUE, TRUE, TRUE, bzw_contact_get_id (self->contact) };
  GtkWidget *group = add_group (self, _("History"));
  guint n;

  bzw_journal_list_set_query (list, &query);
  bzw_journal_list_load_all (list);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  if (n == 0)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("No encounters, favours or referrals with this person yet."));
      return;
    }

  for (guint i = 0; i < MIN (n, 12); i++)
    {
      g_autoptr(BzwJournalItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *date = bzw_ui_format_unix_date (bzw_journal_item_get_when (item));
      g_autofree char *title = g_strdup_printf ("%s · %s", date, bzw_journal_item_get_title (item));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), bzw_journal_item_get_summary (item));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (bzw_journal_item_get_icon_name (item)));
      if (bzw_journal_item_get_state (item) != NULL)
        {
          GtkWidget *state = gtk_label_new (bzw_journal_item_get_state (item));

          gtk_widget_add_css_class (state, "caption-heading");
          gtk_widget_add_css_class (state, "accent");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
        }
      if (bzw_journal_item_get_next_state (item) != NULL)
        {
          g_autofree char *tooltip = g_strdup_printf (_("Mark as “%s”"), bzw_journal_item_get_next_state (item));
          GtkWidget *advance = bzw_ui_row_button ("go-next-symbolic", tooltip);

          gtk_actionable_set_action_name (GTK_ACTIONABLE (advance), "contact.advance-entry");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (advance), "(ix)",
                                            (int) bzw_journal_item_get_kind (item), bzw_journal_item_get_id (item));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), advance);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  if (n > 12)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more entry in the journal",
                                                            "%u more entries in the journal", n - 12),
                                               n - 12);

      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), more);
    }
}

static void
add_networking (BzwContactPage *self)
{
  GtkWidget *group = add_group (self, _("Networking"));
  const char *offers = bzw_contact_get_offers (self->contact);
  const char *seeks = bzw_contact_get_seeks (self->contact);
  const char *trust_for = bzw_contact_get_trust_for (self->contact);
  g_autofree char *trust = NULL;
  g_autofree char *last = bzw_ui_format_unix_date (bzw_contact_get_last_encounter (self->contact));
  int ideal = bzw_contact_get_interval_ideal (self->contact);
  int latest = bzw_contact_get_interval_max (self->contact);

  if (offers != NULL)
    add_row (group, _("Offers"), offers);
  if (seeks != NULL)
    add_row (group, _("Is looking for"), seeks);

  trust = trust_for != NULL
    ? g_strdup_printf ("%s — %s", bzw_labels_trust (bzw_contact_get_trust (self->contact)), trust_for)
    : g_strdup (bzw_labels_trust (bzw_contact_get_trust (self->contact)));
  add_row (group, _("Would I recommend them?"), trust);

  add_row (group, _("Last encounter"), last != NULL ? last : _("No encounter yet"));
  add_keep_in_touch (self, group, ideal, latest);
  add_strength (self, group);
  add_give_take (self, group);
}

static void
open_contact_cb (GtkButton      *button,
                 BzwContactPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "bzw-id"));

  g_signal_emit (self, signals[OPEN_CONTACT], 0, id);
}

/* Kind, strength, since and note, or removing it, with undo. */
static void
edit_relationship_cb (GtkButton      *button,
                      BzwContactPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "bzw-id"));
  g_autoptr(GPtrArray) rels = bzw_store_list_relationships (self->store, bzw_contact_get_id (self->contact), NULL);

  for (guint i = 0; rels != NULL && i < rels->len; i++)
    if (bzw_relationship_get_id (g_ptr_array_index (rels, i)) == id)
      bzw_relationship_dialog_edit (GTK_WIDGET (self), self->store, g_ptr_array_index (rels, i));
}

static void
add_relationships (BzwContactPage *self)
{
  gint64 me = bzw_contact_get_id (self->contact);
  g_autoptr(GPtrArray) rels = bzw_store_list_relationships (self->store, me, NULL);
  GtkWidget *group = add_group (self, _("Relationships"));
  GtkWidget *add_button = gtk_button_new_from_icon_name ("list-add-symbolic");

  gtk_widget_add_css_class (add_button, "flat");
  gtk_widget_set_tooltip_text (add_button, _("Add a relationship to another contact"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add Relationship"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_button), "contact.add-relationship");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add_button);

  if (rels == NULL || rels->len == 0)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             _("Whom does this person know? Relationships show up on the map."));
      return;
    }

  for (guint i = 0; i < rels->len; i++)
    {
      BzwRelationship *rel = g_ptr_array_index (rels, i);
      gint64 other_id = bzw_relationship_get_a_id (rel) == me ? bzw_relationship_get_b_id (rel)
                                                               : bzw_relationship_get_a_id (rel);
      g_autoptr(BzwContact) other = bzw_store_dup_contact (self->store, other_id, NULL);
      g_autofree char *name = other != NULL ? bzw_contact_dup_best_name (other) : g_strdup ("?");
      g_autofree char *subtitle = NULL;
      g_autofree char *open_label = g_strdup_printf (_("Open %s"), name);
      g_autofree char *edit_label = g_strdup_printf (_("Edit relationship to %s"), name);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *open = bzw_ui_row_button ("go-next-symbolic", open_label);
      GtkWidget *edit = bzw_ui_row_button ("document-edit-symbolic", edit_label);

      subtitle = bzw_labels_relationship_subtitle (bzw_relationship_get_kind (rel),
                                                   bzw_relationship_get_a_id (rel) == me, name,
                                                   bzw_relationship_get_strength (rel),
                                                   bzw_relationship_get_since (rel));
      if (bzw_relationship_get_note (rel) != NULL)
        {
          char *with_note = g_strconcat (subtitle, " — ", bzw_relationship_get_note (rel), NULL);

          g_free (subtitle);
          subtitle = with_note;
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);

      g_object_set_data (G_OBJECT (open), "bzw-id", GSIZE_TO_POINTER (other_id));
      g_object_set_data (G_OBJECT (edit), "bzw-id", GSIZE_TO_POINTER (bzw_relationship_get_id (rel)));
      g_signal_connect (open, "clicked", G_CALLBACK (open_contact_cb), self);
      g_signal_connect (edit, "clicked", G_CALLBACK (edit_relationship_cb), self);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
add_notes (BzwContactPage *self)
{
  const char *notes = bzw_contact_get_notes (self->contact);
  GtkWidget *group;
  GtkWidget *label;

  if (notes == NULL)
    return;

  group = add_group (self, _("Notes"));
  label = gtk_label_new (notes);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), label);
}

static void
add_circles (BzwContactPage *self)
{
  GArray *ids = bzw_contact_get_circle_ids (self->contact);
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 id = bzw_contact_get_id (self->contact);
  g_autoptr(GPtrArray) circles = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->circles_box))) != NULL)
    gtk_flow_box_remove (self->circles_box, child);

  gtk_widget_set_visible (GTK_WIDGET (self->circles_box), ids->len > 0);
  g_array_append_val (shown, id);
  bzw_circle_menu_set_contacts (self->circle_menu, shown);
  if (ids->len == 0)
    return;

  circles = bzw_store_list_circles (self->store, NULL);
  for (guint i = 0; circles != NULL && i < circles->len; i++)
    {
      BzwCircle *circle = g_ptr_array_index (circles, i);
      g_autofree char *markup = NULL;
      GtkWidget *label;

      if (!bzw_contact_has_circle (self->contact, bzw_circle_get_id (circle)))
        continue;

      markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span> %s",
                                        bzw_circle_get_color (circle), bzw_circle_get_name (circle));
      label = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (label), markup);
      /* Read out as the circle's name, without the coloured dot. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      bzw_circle_get_name (circle), -1);
      gtk_widget_add_css_class (label, "caption");
      gtk_flow_box_append (self->circles_box, label);
    }
}

/* What the sync found changed here and on the server, on top: the
 * contact's fields, then the journal's entries about the contact.
 */
static void
add_conflicts (BzwContactPage *self)
{
  const char *uid = bzw_contact_get_uid (self->contact);
  GtkWidget *groups[] = {
    bzw_conflict_ui_new_group (self->store, self->contact),
    uid != NULL ? bzw_conflict_ui_new_item_group (self->store, uid) : NULL,
  };

  for (gsize i = 0; i < G_N_ELEMENTS (groups); i++)
    if (groups[i] != NULL)
      {
        gtk_box_append (self->content, groups[i]);
        g_ptr_array_add (self->groups, groups[i]);
      }
}

static void
rebuild (BzwContactPage *self)
{
  g_autofree char *name = NULL;
  g_autofree char *initials = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GdkPaintable) photo = NULL;

  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->content, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  if (self->contact == NULL)
    return;

  name = bzw_contact_dup_best_name (self->contact);
  subtitle = bzw_contact_dup_subtitle (self->contact);
  photo = bzw_ui_dup_photo_paintable (self->contact);

  initials = bzw_name_dup_initials_text_for_contact (self->contact);
  adw_avatar_set_text (self->avatar, initials);
  adw_avatar_set_custom_image (self->avatar, photo);
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->subtitle_label, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL);

  add_circles (self);
  add_conflicts (self);
  add_fields (self);
  add_follow_up (self);
  add_networking (self);
  add_meeting (self);
  add_relationships (self);
  add_history (self);
  add_notes (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contact.toggle-archived", TRUE);
}

static void
store_changed_cb (BzwContactPage *self,
                  guint           what,
                  gint64          id)
{
  g_autoptr(BzwContact) fresh = NULL;

  if (self->contact == NULL)
    return;

  if ((what & BZW_STORE_CHANGE_CONTACTS) && id != 0 && id != bzw_contact_get_id (self->contact) &&
      !(what & (BZW_STORE_CHANGE_RELATIONSHIPS | BZW_STORE_CHANGE_JOURNAL | BZW_STORE_CHANGE_CIRCLES)))
    return;

  fresh = bzw_store_dup_contact (self->store, bzw_contact_get_id (self->contact), NULL);
  g_set_object (&self->contact, fresh);
  rebuild (self);
}

static void
bzw_contact_page_dispose (GObject *object)
{
  BzwContactPage *self = BZW_CONTACT_PAGE (object);

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), BZW_TYPE_CONTACT_PAGE);
  bzw_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->contact);
  g_clear_object (&self->circle_menu);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bzw_contact_page_parent_class)->dispose (object);
}

static void
bzw_contact_page_class_init (BzwContactPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bzw_contact_page_dispose;

  signals[OPEN_CONTACT] = g_signal_new ("open-contact",
                                        G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/views/bzw-contact-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BzwContactPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, BzwContactPage, circles_box);
  gtk_widget_class_bind_template_child (widget_class, BzwContactPage, circles_button);
  gtk_widget_class_bind_template_child (widget_class, BzwContactPage, more_menu);
  gtk_widget_class_bind_template_child (widget_class, BzwContactPage, content);
  gtk_widget_class_bind_template_child (widget_class, BzwContactPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, BzwContactPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, BzwContactPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BzwContactPage, snooze_menu);
  gtk_widget_class_bind_template_child (widget_class, BzwContactPage, briefing_menu);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bzw_contact_page_init (BzwContactPage *self)
{
  self->groups = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
bzw_contact_page_new (BzwStore *store)
{
  BzwContactPage *self = g_object_new (BZW_TYPE_CONTACT_PAGE, NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  /* The circles at hand: the + beside the chips and the ⋮ menu. */
  self->circle_menu = bzw_circle_menu_new (store);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "circles", bzw_circle_menu_get_actions (self->circle_menu));
  gtk_menu_button_set_menu_model (self->circles_button, bzw_circle_menu_get_model (self->circle_menu));
  g_menu_prepend_submenu (self->more_menu, _("C_ircles"), bzw_circle_menu_get_model (self->circle_menu));
  return GTK_WIDGET (self);
}

gint64
bzw_contact_page_get_contact_id (BzwContactPage *self)
{
  g_return_val_if_fail (BZW_IS_CONTACT_PAGE (self), 0);

  return self->contact != NULL ? bzw_contact_get_id (self->contact) : 0;
}

void
bzw_contact_page_set_contact_id (BzwContactPage *self,
                                 gint64          id)
{
  g_autoptr(BzwContact) contact = NULL;

  g_return_if_fail (BZW_IS_CONTACT_PAGE (self));

  if (id != 0)
    contact = bzw_store_dup_contact (self->store, id, NULL);

  g_set_object (&self->contact, contact);
  rebuild (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}
