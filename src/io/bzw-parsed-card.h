/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "bzw-contact.h"

G_BEGIN_DECLS

/* One card read from a vCard or CSV file, before it meets the store. */
typedef struct
{
  BzwContact *contact;
  GPtrArray  *categories;  /* (element-type utf8): circle names */
  guint       line;        /* line of the card's first line, from 1 */
  gboolean    is_group;    /* KIND:group: becomes a circle named after the contact */
  GPtrArray  *members;     /* (element-type utf8): member UIDs of a group card */
  char       *color;       /* a group card's X-BZW-COLOR, or NULL */
  int         position;    /* a group card's X-BZW-POSITION */
  int         lead_days;   /* a group card's X-BZW-LEAD-DAYS */
} BzwParsedCard;

/* Something that could not be read.  When @skipped is set the card at
 * @line was left out; otherwise the card was read and only a part of it
 * (named in @message) was left out.  @card counts the cards of a vCard
 * file from 1 (0 when not known) and @name is the name the card gives
 * itself, if it could be read.
 */
typedef struct
{
  guint     line;
  char     *message;
  gboolean  skipped;
  guint     card;
  char     *name;
} BzwParseProblem;

typedef struct
{
  GPtrArray *cards;     /* (element-type BzwParsedCard) */
  GPtrArray *problems;  /* (element-type BzwParseProblem) */
} BzwParseResult;

#define BZW_TYPE_PARSE_RESULT (bzw_parse_result_get_type ())

BzwParsedCard  *bzw_parsed_card_new         (guint                line);
void            bzw_parsed_card_free        (BzwParsedCard       *card);
void            bzw_parsed_card_add_category (BzwParsedCard      *card,
                                              const char         *name);

GType           bzw_parse_result_get_type   (void) G_GNUC_CONST;
BzwParseResult *bzw_parse_result_new        (void);
BzwParseResult *bzw_parse_result_ref        (BzwParseResult      *result);
void            bzw_parse_result_unref      (BzwParseResult      *result);
void            bzw_parse_result_add_problem (BzwParseResult     *result,
                                              guint               line,
                                              gboolean            skipped,
                                              const char         *format,
                                              ...) G_GNUC_PRINTF (4, 5);
void            bzw_parse_result_add_card_problem (BzwParseResult *result,
                                                   guint           line,
                                                   guint           card,
                                                   const char     *name,
                                                   const char     *format,
                                                   ...) G_GNUC_PRINTF (5, 6);
guint           bzw_parse_result_count_skipped (BzwParseResult   *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwParsedCard, bzw_parsed_card_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BzwParseResult, bzw_parse_result_unref)

G_END_DECLS
