/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "bzw-contact.h"
#include "bzw-demo.h"
#include "bzw-enums.h"

G_BEGIN_DECLS

/* The example network as data (bzw-demo-data.c), read by bzw-demo.c and
 * bzw-demo-synthetic.c, and the helpers both share.
 */

/* Circles */
enum
{
  C_FAMILIE,
  C_FREUNDE,
  C_KOLLEGEN,
  C_VEREIN,
  C_ALUMNI,
  C_KUNDEN,
  C_EMPFEHLUNG,
  N_CIRCLES
};

#define FAM (1u << C_FAMILIE)
#define FRE (1u << C_FREUNDE)
#define KOL (1u << C_KOLLEGEN)
#define VER (1u << C_VEREIN)
#define ALU (1u << C_ALUMNI)
#define KUN (1u << C_KUNDEN)
#define EMP (1u << C_EMPFEHLUNG)

typedef struct
{
  const char *name;
  const char *color;
  int         ideal;
  int         max;
  const char *relationship_kind;
  double      relationship_odds;
} DemoCircle;

enum
{
  ONLINE   = 1 << 0,  /* never met in person */
  ARCHIVED = 1 << 1,
  NO_MAIL  = 1 << 2,
};

typedef struct
{
  const char *prefix;
  const char *given;
  const char *family;
  const char *org;
  const char *role;
  const char *city;
  guint       circles;
  guint       flags;
  const char *offers;
  const char *seeks;
  BzwTrust    trust;
  const char *trust_for;
  int         every;     /* days between encounters, on average; 0 for none */
  int         last;      /* days since the last encounter */
  int         met_days;  /* days since we first met; 0 when always known */
  const char *met_how;
  const char *notes;
} DemoPerson;

/* Keys into people[], in the same order. */
enum
{
  P_GISELA, P_RUEDIGER, P_JONAS, P_AYLIN, P_IRMGARD, P_HILDEGARD, P_MAXIMILIAN,
  P_SOPHIE, P_TOBIAS, P_MEHMET, P_JULIA, P_KASIA, P_FELIX, P_LEA, P_DANIEL, P_CHIARA,
  P_NIKLAS, P_HANNAH, P_LAN,
  P_MARKUS, P_SANDRA, P_PATRICK, P_ANNA, P_STEFAN, P_MIRIAM, P_OLIVER, P_NADINE,
  P_GIORGOS, P_CHRISTINA, P_BENJAMIN, P_ELENA,
  P_KLAUS, P_PETRA, P_LUKAS, P_FATMA, P_JAN, P_URSULA, P_MORITZ, P_GRETA, P_SEBASTIAN,
  P_SVETLANA,
  P_MARIE, P_DAVID, P_LAURA, P_EMRE, P_JOHANNA, P_KEVIN, P_SARAH, P_FLORIAN, P_ANA, P_TIM,
  P_HEIKE, P_THOMAS, P_YASEMIN, P_MICHAEL, P_CARINA, P_WOLFGANG, P_JESSICA, P_AHMED,
  P_BIRGIT, P_LARS, P_ROBERT, P_NINA, P_PAUL,
  P_CLAUDIA, P_FRANK, P_SABINE, P_RALF, P_DOMINIK, P_MELANIE, P_UWE, P_BIANCA, P_HAKAN,
  P_MONIKA,
  P_JANA, P_RAFAEL, P_INGRID, P_PIOTR, P_LISA, P_MATTHIAS, P_AMELIE, P_SAMUEL, P_VANESSA,
  P_HENRIK, P_ELIF, P_BERND, P_MARLENE, P_YUSUF,
  N_PEOPLE
};

#define ME (-1)

typedef struct
{
  int                from;
  int                to;
  BzwFavourDirection direction;
  BzwFavourState     state;
  int                days_ago;
  int                euros;
  const char        *description;
} DemoFavour;

#define ASKED   BZW_FAVOUR_ASKED
#define OFFERED BZW_FAVOUR_OFFERED
#define F_OPEN  BZW_FAVOUR_OPEN
#define F_PROM  BZW_FAVOUR_PROMISED
#define F_DONE  BZW_FAVOUR_DONE
#define F_DECL  BZW_FAVOUR_DECLINED

typedef struct
{
  int               giver;
  int               receiver;
  int               referred;       /* a person, or ME for a free-text name */
  const char       *referred_name;
  int               effort;
  BzwReferralState  state;
  int               days_ago;
  int               euros;
  gboolean          thanked;
  const char       *notes;
} DemoReferral;

#define R_GIVEN BZW_REFERRAL_GIVEN
#define R_CONT  BZW_REFERRAL_CONTACTED
#define R_MEET  BZW_REFERRAL_MEETING
#define R_WON   BZW_REFERRAL_WON
#define R_LOST  BZW_REFERRAL_LOST

/* Cities and phone prefixes: numbers from the ranges set aside for fiction. */
typedef struct
{
  const char *city;
  const char *postcode;
  const char *landline;
} DemoCity;

/* The tables; the _n_ constants count the entries of the open-ended ones. */
extern const DemoCircle     _bzw_demo_circles[N_CIRCLES];
extern const DemoPerson     _bzw_demo_people[N_PEOPLE];
extern const DemoFavour     _bzw_demo_favours[];
extern const guint          _bzw_demo_n_favours;
extern const DemoReferral   _bzw_demo_referrals[];
extern const guint          _bzw_demo_n_referrals;
extern const char * const   _bzw_demo_cafes[];
extern const guint          _bzw_demo_n_cafes;
extern const char * const   _bzw_demo_event_places[];
extern const guint          _bzw_demo_n_event_places;
extern const char * const   _bzw_demo_circle_places[N_CIRCLES][3];
extern const char * const   _bzw_demo_circle_notes[N_CIRCLES][8];
extern const DemoCity       _bzw_demo_cities[];
extern const guint          _bzw_demo_n_cities;
extern const char * const   _bzw_demo_streets[];
extern const guint          _bzw_demo_n_streets;

#define DAY         ((gint64) 86400)
#define YEARS3_DAYS 1095

/* What filling a store needs at hand (bzw-demo.c, bzw-demo-synthetic.c). */
typedef struct
{
  BzwStore  *store;
  GRand     *rand;
  GDateTime *now;
  gint64     now_unix;
  gint64     circle_ids[N_CIRCLES];
  gint64    *contact_ids;
  GHashTable *pairs;
  guint      n_relationships;
} Filler;

char     *_bzw_demo_dup_uid      (Filler     *filler);
char     *_bzw_demo_dup_day      (Filler     *filler,
                                  int         days_ago);
gint64    _bzw_demo_moment       (Filler     *filler,
                                  int         days_ago,
                                  int         first_hour,
                                  int         last_hour);
gboolean  _bzw_demo_add_circles  (Filler     *filler,
                                  GError    **error);
gboolean  _bzw_demo_check_empty  (BzwStore   *store,
                                  GError    **error);

typedef gboolean (*BzwDemoFillFunc) (Filler   *filler,
                                     gpointer  data,
                                     GError  **error);

/* How _bzw_demo_run() fills a store. */
typedef struct
{
  guint32          seed;        /* of the one generator */
  guint            n_contacts;  /* room in Filler.contact_ids */
  BzwDemoFillFunc  fill;
  gpointer         data;        /* for @fill */
} BzwDemoPlan;

gboolean  _bzw_demo_run          (BzwStore            *store,
                                  GDateTime           *now,
                                  const BzwDemoPlan   *plan,
                                  GHashTable          *pairs,
                                  GError             **error);

G_END_DECLS
