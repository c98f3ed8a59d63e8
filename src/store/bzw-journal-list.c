/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-journal-list"

#include "config.h"

#include "bzw-journal-list.h"
#include "bzw-labels.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The journal timeline as a list model: the refs of all matching entries,
 * newest first, with each row made into a BzwJournalItem only when shown.
 */

#define CACHE_SIZE 256

/* The first rows come in one page; the rest streams in the background in
 * larger ones, so the first rows show at once however long the journal.
 */
#define FIRST_PAGE 64
#define NEXT_PAGE  4096

/* A search with at most this many matches (of one kind of entry) reads
 * them all at once and sorts them; with more, the timeline streams as
 * without a search and keeps the matches, which then lie close together
 * in it.  A page without any match makes the next one larger.
 */
#define SORT_LIMIT      1024
#define FILTER_PAGE     1024
#define FILTER_PAGE_MAX 16384

/* One table read through its time index, newest first. */
typedef struct
{
  BzwJournalKind  kind;
  gboolean        wanted;
  gboolean        exhausted;
  gint64          before_when;
  gint64          before_id;
  GArray         *buffer;
  guint           next;
} Source;

struct _BzwJournalList
{
  GObject          parent_instance;

  BzwStore        *store;
  GArray          *refs;
  BzwJournalQuery  query;
  char            *text;
  GHashTable      *cache;
  GHashTable      *names;

  Source           sources[3];
  BzwIdSet        *matches;
  guint            n_matches[4];
  guint            stream_id;
  gboolean         streaming;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BzwJournalList, bzw_journal_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
bzw_journal_list_get_item_type (GListModel *model)
{
  return BZW_TYPE_JOURNAL_ITEM;
}

static guint
bzw_journal_list_get_n_items (GListModel *model)
{
  return BZW_JOURNAL_LIST (model)->refs->len;
}

/* "Ich", the contact's name, or the name kept from a deleted contact. */
char *
bzw_journal_list_dup_party_name (BzwJournalList *self,
                                 const BzwParty *party)
{
  const char *cached;
  char *name;
  gint64 *key;

  if (bzw_party_is_me (party))
    return g_strdup (_("Me"));

  if (party->contact_id == 0)
    return g_strdup (party->name);

  cached = g_hash_table_lookup (self->names, &party->contact_id);
  if (cached != NULL)
    return g_strdup (cached);

  name = bzw_store_dup_contact_name (self->store, party->contact_id);
  if (name == NULL)
    name = g_strdup ("?");
  key = g_new (gint64, 1);
  *key = party->contact_id;
  g_hash_table_insert (self->names, key, g_strdup (name));
  return name;
}

static char *
first_line (const char *text)
{
  const char *nl;

  if (text == NULL)
    return NULL;

  nl = strchr (text, '\n');
  return nl != NULL ? g_strndup (text, nl - text) : g_strdup (text);
}

static void
describe_encounter (BzwJournalList *self,
                    BzwJournalItem *item)
{
  g_autoptr(BzwEncounter) e = bzw_store_dup_encounter (self->store, bzw_journal_item_get_id (item), NULL);
  g_autoptr(GString) people = g_string_new (NULL);
  g_autoptr(GString) summary = NULL;
  g_autofree char *note = NULL;
  GArray *participants;

  if (e == NULL)
    return;

  participants = bzw_encounter_get_participants (e);
  for (guint i = 0; i < participants->len; i++)
    {
      g_autofree char *name = bzw_journal_list_dup_party_name (self, &g_array_index (participants, BzwParty, i));

      if (people->len > 0)
        g_string_append (people, ", ");
      g_string_append (people, name);
    }

  summary = g_string_new (bzw_channel_get_label (bzw_encounter_get_channel (e)));
  if (bzw_encounter_get_place (e) != NULL)
    g_string_append_printf (summary, ", %s", bzw_encounter_get_place (e));
  note = first_line (bzw_encounter_get_notes (e));
  if (note != NULL)
    g_string_append_printf (summary, " — %s", note);

  /* An encounter still to come is planned. */
  bzw_journal_item_set_texts (item, people->str, summary->str,
                              bzw_channel_get_icon_name (bzw_encounter_get_channel (e)),
                              bzw_encounter_get_happened_at (e) > g_get_real_time () / G_USEC_PER_SEC
                              /* Translators: the state of an encounter with a date still to come. */
                              ? C_("encounter", "Planned") : NULL,
                              NULL);
}

/* The texts of a favour or a referral: the title says who gave to whom,
 * „Ich → Anna“.
 */
static void
set_exchange_texts (BzwJournalList *self,
                    BzwJournalItem *item,
                    const BzwParty *from,
                    const BzwParty *to,
                    const char     *summary,
                    const char     *icon_name,
                    const char     *state,
                    const char     *next_state)
{
  g_autofree char *from_name = bzw_journal_list_dup_party_name (self, from);
  g_autofree char *to_name = bzw_journal_list_dup_party_name (self, to);
  g_autofree char *title = NULL;

  /* Translators: a favour or a referral from one person to another, e.g. "Ich → Anna". */
  title = g_strdup_printf (_("%s → %s"), from_name, to_name);
  bzw_journal_item_set_texts (item, title, summary, icon_name, state, next_state);
}

static void
describe_favour (BzwJournalList *self,
                 BzwJournalItem *item)
{
  g_autoptr(BzwFavour) f = bzw_store_dup_favour (self->store, bzw_journal_item_get_id (item), NULL);
  g_autofree char *summary = NULL;
  BzwFavourState next;

  if (f == NULL)
    return;

  summary = g_strdup_printf ("%s: %s", bzw_favour_direction_get_label (bzw_favour_get_direction (f)),
                             bzw_favour_get_description (f) != NULL ? bzw_favour_get_description (f) : "");
  set_exchange_texts (self, item, bzw_favour_get_from (f), bzw_favour_get_to (f),
                      summary, "emblem-favorite-symbolic",
                      bzw_favour_state_get_label (bzw_favour_get_state (f)),
                      bzw_favour_state_next (bzw_favour_get_state (f), &next)
                        ? bzw_favour_state_get_label (next) : NULL);
}

static void
describe_referral (BzwJournalList *self,
                   BzwJournalItem *item)
{
  g_autoptr(BzwReferral) r = bzw_store_dup_referral (self->store, bzw_journal_item_get_id (item), NULL);
  g_autofree char *referred = NULL;
  g_autoptr(GString) summary = NULL;
  BzwReferralState next;

  if (r == NULL)
    return;

  referred = bzw_journal_list_dup_party_name (self, bzw_referral_get_referred (r));

  /* Translators: what was referred, e.g. "Empfehlung: Kanzlei Berg". */
  summary = g_string_new (NULL);
  g_string_printf (summary, _("Referral: %s"), referred != NULL ? referred : "");
  if (bzw_referral_get_value_cents (r) > 0)
    {
      g_autofree char *value = bzw_labels_format_euros (bzw_referral_get_value_cents (r));

      g_string_append_printf (summary, " · %s", value);
    }
  if (bzw_referral_get_thanked (r))
    g_string_append_printf (summary, " · %s", _("thanked"));

  set_exchange_texts (self, item, bzw_referral_get_giver (r), bzw_referral_get_receiver (r),
                      summary->str, "emblem-shared-symbolic",
                      bzw_referral_state_get_label (bzw_referral_get_state (r)),
                      bzw_referral_state_next (bzw_referral_get_state (r), &next)
                        ? bzw_referral_state_get_label (next) : NULL);
}

static char *
month_of (gint64 when)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (when);

  /* Translators: a month heading in the journal, see strftime(3). */
  return g_date_time_format (dt, _("%B %Y"));
}

static gpointer
bzw_journal_list_get_item (GListModel *model,
                           guint       position)
{
  BzwJournalList *self = BZW_JOURNAL_LIST (model);
  const BzwJournalRef *ref;
  BzwJournalItem *item;
  g_autofree char *month = NULL;
  gint64 key;

  if (position >= self->refs->len)
    return NULL;

  ref = &g_array_index (self->refs, BzwJournalRef, position);
  key = ref->id * 4 + ref->kind;
  item = g_hash_table_lookup (self->cache, &key);
  if (item != NULL)
    return g_object_ref (item);

  item = bzw_journal_item_new (ref->kind, ref->id, ref->when);
  switch (ref->kind)
    {
    case BZW_JOURNAL_ENCOUNTER:
      describe_encounter (self, item);
      break;

    case BZW_JOURNAL_FAVOUR:
      describe_favour (self, item);
      break;

    case BZW_JOURNAL_REFERRAL:
      describe_referral (self, item);
      break;

    default:
      g_assert_not_reached ();
    }

  /* The first entry of a month carries the month as its heading. */
  month = month_of (ref->when);
  if (position == 0)
    bzw_journal_item_set_month (item, month);
  else
    {
      g_autofree char *previous = month_of (g_array_index (self->refs, BzwJournalRef, position - 1).when);

      if (g_strcmp0 (previous, month) != 0)
        bzw_journal_item_set_month (item, month);
    }

  if (g_hash_table_size (self->cache) >= CACHE_SIZE)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, g_memdup2 (&key, sizeof key), g_object_ref (item));
  return item;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bzw_journal_list_get_item_type;
  iface->get_n_items = bzw_journal_list_get_n_items;
  iface->get_item = bzw_journal_list_get_item;
}

static void
keep_matches (const BzwIdSet *matches,
              GArray         *refs)
{
  guint kept = 0;

  for (guint i = 0; i < refs->len; i++)
    {
      const BzwJournalRef *ref = &g_array_index (refs, BzwJournalRef, i);

      if (bzw_id_set_contains (matches, bzw_journal_ref_key (ref->kind, ref->id)))
        g_array_index (refs, BzwJournalRef, kept++) = *ref;
    }

  g_array_set_size (refs, kept);
}

static gboolean
source_fill (BzwJournalList *self,
             Source         *source,
             guint           limit)
{
  g_autoptr(GError) error = NULL;
  int n;

  if (source->next < source->buffer->len || source->exhausted || !source->wanted)
    return TRUE;

  if (self->matches != NULL)
    limit = MAX (limit, FILTER_PAGE);

  /* With a search, pages without a match are skipped. */
  do
    {
      g_array_set_size (source->buffer, 0);
      source->next = 0;
      n = bzw_store_list_journal_before (self->store, source->kind, self->query.contact_id,
                                         &source->before_when, &source->before_id, limit,
                                         source->buffer, &error);
      if (n < 0)
        {
          g_warning ("Cannot read the journal: %s", error->message);
          source->exhausted = TRUE;
          return FALSE;
        }

      source->exhausted = (guint) n < limit;
      if (self->matches != NULL)
        keep_matches (self->matches, source->buffer);
      limit = MIN (limit * 2, FILTER_PAGE_MAX);
    }
  while (source->buffer->len == 0 && !source->exhausted);

  return TRUE;
}

/* Merges the three tables, in the order of bzw_store_list_journal(): time
 * descending, then kind, then id descending.  Returns how many were added.
 */
static guint
stream_more (BzwJournalList *self,
             guint           count)
{
  guint added = 0;

  while (added < count)
    {
      Source *best = NULL;

      for (guint k = 0; k < G_N_ELEMENTS (self->sources); k++)
        {
          Source *source = &self->sources[k];
          const BzwJournalRef *head;
          const BzwJournalRef *best_head;

          source_fill (self, source, count <= FIRST_PAGE ? FIRST_PAGE : NEXT_PAGE);
          if (source->next >= source->buffer->len)
            continue;

          head = &g_array_index (source->buffer, BzwJournalRef, source->next);
          if (best == NULL)
            {
              best = source;
              continue;
            }

          best_head = &g_array_index (best->buffer, BzwJournalRef, best->next);
          if (head->when > best_head->when ||
              (head->when == best_head->when && head->kind < best_head->kind))
            best = source;
        }

      if (best == NULL)
        break;

      g_array_append_val (self->refs, g_array_index (best->buffer, BzwJournalRef, best->next));
      best->next++;
      added++;
    }

  return added;
}

/* Adds the next page; returns whether more may follow. */
static gboolean
stream_step (BzwJournalList *self)
{
  guint old_len = self->refs->len;
  guint added = stream_more (self, NEXT_PAGE);

  if (added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), old_len, 0, added);

  self->streaming = added == NEXT_PAGE;
  return self->streaming;
}

static gboolean
stream_cb (gpointer data)
{
  BzwJournalList *self = data;

  if (stream_step (self))
    return G_SOURCE_CONTINUE;

  self->stream_id = 0;
  return G_SOURCE_REMOVE;
}

static void
stop_streaming (BzwJournalList *self)
{
  g_clear_handle_id (&self->stream_id, g_source_remove);
  self->streaming = FALSE;
}

static void
load_few_matches (BzwJournalList *self,
                  Source         *source)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->n_matches[source->kind]);

  source->exhausted = TRUE;
  if (self->n_matches[source->kind] == 0)
    return;

  for (gint64 key = bzw_id_set_next (self->matches, -1); key >= 0; key = bzw_id_set_next (self->matches, key))
    {
      if (key % 4 == source->kind)
        {
          gint64 id = key / 4;

          g_array_append_val (ids, id);
        }
    }

  if (!bzw_store_list_journal_entries (self->store, source->kind, self->query.contact_id,
                                       ids, source->buffer, &error))
    g_warning ("Cannot search the journal: %s", error->message);
}

/* Without a search text the timeline streams through the time indexes. */
static void
start_streaming (BzwJournalList *self)
{
  const gboolean wanted[] = { self->query.encounters, self->query.favours, self->query.referrals };
  guint old_len = self->refs->len;

  stop_streaming (self);
  g_array_set_size (self->refs, 0);

  for (guint k = 0; k < G_N_ELEMENTS (self->sources); k++)
    {
      Source *source = &self->sources[k];

      source->kind = BZW_JOURNAL_ENCOUNTER + k;
      source->wanted = wanted[k];
      source->exhausted = !wanted[k];
      source->before_when = G_MAXINT64;
      source->before_id = G_MAXINT64;
      source->next = 0;
      g_array_set_size (source->buffer, 0);

      /* A kind with few matches: all of them at once, sorted in SQL,
       * instead of a walk through its whole timeline for them.
       */
      if (self->matches != NULL && source->wanted && self->n_matches[source->kind] <= SORT_LIMIT)
        load_few_matches (self, source);
    }

  stream_more (self, FIRST_PAGE);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->refs->len);

  if (self->refs->len == FIRST_PAGE)
    {
      self->streaming = TRUE;
      self->stream_id = g_idle_add_full (G_PRIORITY_LOW, stream_cb, self, NULL);
    }
}

/* Reads everything at once, to the end: for a test or a caller that needs
 * the whole list now.
 */
void
bzw_journal_list_load_all (BzwJournalList *self)
{
  g_return_if_fail (BZW_IS_JOURNAL_LIST (self));

  /* The idle source goes first: it must not outlive the list. */
  g_clear_handle_id (&self->stream_id, g_source_remove);
  while (self->streaming && stream_step (self))
    ;
}

static void
reload (BzwJournalList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) refs = NULL;
  guint old_len = self->refs->len;

  g_clear_pointer (&self->matches, bzw_id_set_free);
  /* Only spaces: no search, all entries. */
  if (self->query.text == NULL || self->query.text[strspn (self->query.text, " \t\n\r")] == '\0')
    {
      start_streaming (self);
      return;
    }

  /* Typing one letter may match most of the journal: then the timeline
   * streams and keeps the matches, instead of sorting them all first.
   */
  self->matches = bzw_store_match_journal (self->store, self->query.text, self->n_matches, &error);
  if (self->matches == NULL)
    {
      g_warning ("Cannot search the journal: %s", error->message);
      return;
    }

  if (self->n_matches[1] + self->n_matches[2] + self->n_matches[3] > SORT_LIMIT)
    {
      start_streaming (self);
      return;
    }

  g_clear_pointer (&self->matches, bzw_id_set_free);
  stop_streaming (self);
  refs = bzw_store_list_journal (self->store, &self->query, &error);
  if (refs == NULL)
    {
      g_warning ("Cannot list the journal: %s", error->message);
      return;
    }

  g_array_unref (self->refs);
  self->refs = g_steal_pointer (&refs);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->refs->len);
}

static void
store_changed_cb (BzwJournalList *self,
                  guint           what,
                  gint64          id)
{
  /* The rows made and the names read stay valid while only the search
   * changes; a change in the store may touch any of them.
   */
  if (what & (BZW_STORE_CHANGE_JOURNAL | BZW_STORE_CHANGE_CONTACTS))
    {
      g_hash_table_remove_all (self->cache);
      g_hash_table_remove_all (self->names);
      reload (self);
    }
}

static void
bzw_journal_list_dispose (GObject *object)
{
  BzwJournalList *self = BZW_JOURNAL_LIST (object);

  stop_streaming (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (bzw_journal_list_parent_class)->dispose (object);
}

static void
bzw_journal_list_finalize (GObject *object)
{
  BzwJournalList *self = BZW_JOURNAL_LIST (object);

  g_clear_pointer (&self->refs, g_array_unref);
  g_clear_pointer (&self->matches, bzw_id_set_free);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  for (guint k = 0; k < G_N_ELEMENTS (self->sources); k++)
    g_clear_pointer (&self->sources[k].buffer, g_array_unref);
  g_free (self->text);

  G_OBJECT_CLASS (bzw_journal_list_parent_class)->finalize (object);
}

static void
bzw_journal_list_class_init (BzwJournalListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bzw_journal_list_dispose;
  object_class->finalize = bzw_journal_list_finalize;
}

static void
bzw_journal_list_init (BzwJournalList *self)
{
  self->refs = g_array_new (FALSE, FALSE, sizeof (BzwJournalRef));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint k = 0; k < G_N_ELEMENTS (self->sources); k++)
    self->sources[k].buffer = g_array_new (FALSE, FALSE, sizeof (BzwJournalRef));
  self->query.encounters = TRUE;
  self->query.favours = TRUE;
  self->query.referrals = TRUE;
}

BzwJournalList *
bzw_journal_list_new (BzwStore *store)
{
  BzwJournalList *self;

  g_return_val_if_fail (BZW_IS_STORE (store), NULL);

  self = g_object_new (BZW_TYPE_JOURNAL_LIST, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  return self;
}

void
bzw_journal_list_set_query (BzwJournalList        *self,
                            const BzwJournalQuery *query)
{
  g_return_if_fail (BZW_IS_JOURNAL_LIST (self));

  g_free (self->text);
  self->text = g_strdup (query->text);
  self->query = *query;
  self->query.text = self->text;
  reload (self);
}
