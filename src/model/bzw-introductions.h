/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A contact as the matcher sees it. */
typedef struct
{
  gint64      id;
  const char *name;
  const char *offers;
  const char *seeks;
} BzwIntroductionCandidate;

/* Two contacts who already know each other (a hash key of
 * bzw_id_pair_hash(): the two ids come first). */
typedef struct
{
  gint64 a_id;
  gint64 b_id;
} BzwKnownPair;

/* The seeker looks for what the offerer offers. */
typedef struct
{
  gint64  seeker_id;
  char   *seeker_name;
  gint64  offerer_id;
  char   *offerer_name;
  char   *shared_words;
  guint   n_shared;
  double  score;
} BzwIntroduction;

char      *bzw_words_fold          (const char                     *text);
GPtrArray *bzw_words_significant   (const char                     *text);
gboolean   bzw_words_is_stop_word  (const char                     *folded);
gboolean   bzw_words_offer_meets   (const char                     *offers,
                                    const char                     *need);
GArray    *bzw_introductions_find  (const BzwIntroductionCandidate *candidates,
                                    gsize                           n_candidates,
                                    const BzwKnownPair             *known,
                                    gsize                           n_known,
                                    guint                           max_results);
void       bzw_introduction_clear  (BzwIntroduction                *introduction);

G_END_DECLS
