/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-journal-item"

#include "config.h"

#include "bzw-journal-item.h"

struct _BzwJournalItem
{
  GObject         parent_instance;

  BzwJournalKind  kind;
  gint64          id;
  gint64          when;
  char           *title;
  char           *summary;
  char           *icon_name;
  char           *state;
  char           *next_state;
  char           *month;
};

G_DEFINE_FINAL_TYPE (BzwJournalItem, bzw_journal_item, G_TYPE_OBJECT)

static void
bzw_journal_item_finalize (GObject *object)
{
  BzwJournalItem *self = BZW_JOURNAL_ITEM (object);

  g_free (self->title);
  g_free (self->summary);
  g_free (self->icon_name);
  g_free (self->state);
  g_free (self->next_state);
  g_free (self->month);

  G_OBJECT_CLASS (bzw_journal_item_parent_class)->finalize (object);
}

static void
bzw_journal_item_class_init (BzwJournalItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bzw_journal_item_finalize;
}

static void
bzw_journal_item_init (BzwJournalItem *self)
{
}

BzwJournalItem *
bzw_journal_item_new (BzwJournalKind kind,
                      gint64         id,
                      gint64         when)
{
  BzwJournalItem *self = g_object_new (BZW_TYPE_JOURNAL_ITEM, NULL);

  self->kind = kind;
  self->id = id;
  self->when = when;
  return self;
}

BzwJournalKind
bzw_journal_item_get_kind (BzwJournalItem *self)
{
  g_return_val_if_fail (BZW_IS_JOURNAL_ITEM (self), 0);

  return self->kind;
}

gint64
bzw_journal_item_get_id (BzwJournalItem *self)
{
  g_return_val_if_fail (BZW_IS_JOURNAL_ITEM (self), 0);

  return self->id;
}

gint64
bzw_journal_item_get_when (BzwJournalItem *self)
{
  g_return_val_if_fail (BZW_IS_JOURNAL_ITEM (self), 0);

  return self->when;
}

const char *
bzw_journal_item_get_title (BzwJournalItem *self)
{
  g_return_val_if_fail (BZW_IS_JOURNAL_ITEM (self), NULL);

  return self->title;
}

const char *
bzw_journal_item_get_summary (BzwJournalItem *self)
{
  g_return_val_if_fail (BZW_IS_JOURNAL_ITEM (self), NULL);

  return self->summary;
}

const char *
bzw_journal_item_get_icon_name (BzwJournalItem *self)
{
  g_return_val_if_fail (BZW_IS_JOURNAL_ITEM (self), NULL);

  return self->icon_name;
}

const char *
bzw_journal_item_get_state (BzwJournalItem *self)
{
  g_return_val_if_fail (BZW_IS_JOURNAL_ITEM (self), NULL);

  return self->state;
}

/* The label of the next state, or NULL when the entry is final. */
const char *
bzw_journal_item_get_next_state (BzwJournalItem *self)
{
  g_return_val_if_fail (BZW_IS_JOURNAL_ITEM (self), NULL);

  return self->next_state;
}

/* The month heading shown above the item when it is the first of its
 * month in the list, else NULL.
 */
const char *
bzw_journal_item_get_month (BzwJournalItem *self)
{
  g_return_val_if_fail (BZW_IS_JOURNAL_ITEM (self), NULL);

  return self->month;
}

void
bzw_journal_item_set_texts (BzwJournalItem *self,
                            const char     *title,
                            const char     *summary,
                            const char     *icon_name,
                            const char     *state,
                            const char     *next_state)
{
  g_return_if_fail (BZW_IS_JOURNAL_ITEM (self));

  g_free (self->title);
  g_free (self->summary);
  g_free (self->icon_name);
  g_free (self->state);
  g_free (self->next_state);
  self->title = g_strdup (title);
  self->summary = g_strdup (summary);
  self->icon_name = g_strdup (icon_name);
  self->state = g_strdup (state);
  self->next_state = g_strdup (next_state);
}

void
bzw_journal_item_set_month (BzwJournalItem *self,
                            const char     *month)
{
  g_return_if_fail (BZW_IS_JOURNAL_ITEM (self));

  g_free (self->month);
  self->month = g_strdup (month);
}
