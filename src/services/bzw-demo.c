/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-demo"

#include "config.h"

#include "bzw-demo.h"
#include "bzw-store.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/*
 * The example network: the contacts, circles, relationships and journal of
 * a self-employed UX designer in Köln, three years deep.  Everything is made
 * up; names of firms are invented, e-mail addresses use the example domains
 * and phone numbers come from the ranges reserved for fiction.  The content
 * is German on purpose: it is what a German user would type.
 *
 * Everything random comes from one GRand with a fixed seed and all times
 * count back from @now, so two fills at the same @now are identical, uids
 * included.
 */

#define DEMO_SEED   20240917u
#define DAY         ((gint64) 86400)
#define YEARS3_DAYS 1095

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

/* Colours from the GNOME palette. */
static const DemoCircle circles[N_CIRCLES] = {
  { "Familie",            "#e01b24", 14,  30,  BZW_DEMO_KIND_FAMILY,           1.0  },
  { "Freunde",            "#ff7800", 30,  60,  BZW_DEMO_KIND_FRIEND,           0.35 },
  { "Ehemalige Kollegen", "#3584e4", 90,  180, BZW_DEMO_KIND_COLLEAGUE,        0.5  },
  { "Verein",             "#33d17a", 30,  90,  BZW_DEMO_KIND_ACQUAINTANCE,     0.4  },
  { "Alumni",             "#9141ac", 180, 365, BZW_DEMO_KIND_ACQUAINTANCE,     0.4  },
  { "Kunden",             "#986a44", 60,  120, BZW_DEMO_KIND_BUSINESS_PARTNER, 0.12 },
  { "Empfehlungsgruppe",  "#f6d32d", 7,   21,  BZW_DEMO_KIND_BUSINESS_PARTNER, 0.6  },
};

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

static const DemoPerson people[] = {
  /* Familie */
  { NULL, "Gisela", "Hoffmann", NULL, "Lehrerin im Ruhestand", "Bonn", FAM, 0,
    "Korrekturlesen, Kinderbetreuung im Notfall", "Hilfe mit dem neuen Smartphone",
    BZW_TRUST_YES, NULL, 12, 6, 0, NULL, "Mama. Ruft sonntags gegen elf an." },
  { NULL, "Rüdiger", "Hoffmann", NULL, "Elektromeister im Ruhestand", "Bonn", FAM, NO_MAIL,
    "Elektrik, Werkzeug zum Ausleihen", NULL,
    BZW_TRUST_YES, "Elektroarbeiten", 18, 9, 0, NULL, "Papa. Repariert alles außer Drucker." },
  { NULL, "Jonas", "Hoffmann", "Spreeflug GmbH", "Softwareentwickler", "Berlin", FAM, 0,
    "Backend-Entwicklung, Hilfe bei Servern", "Ehrliches UX-Feedback für seine Reise-App",
    BZW_TRUST_YES, "Backend-Entwicklung", 25, 41, 0, NULL, "Bruder. Wohnt seit 2019 in Friedrichshain." },
  { NULL, "Aylin", "Hoffmann", "Praxis am Boxhagener Platz", "Kinderärztin", "Berlin", FAM, 0,
    NULL, "Jemanden für die Praxis-Website",
    BZW_TRUST_YES, NULL, 50, 41, 2900, "Über Jonas, beim Grillen in Berlin", "Schwägerin, geborene Demir." },
  { NULL, "Irmgard", "Hoffmann", NULL, NULL, "Düsseldorf", FAM, NO_MAIL,
    "Die besten Reibekuchen der Welt", NULL,
    BZW_TRUST_YES, NULL, 21, 24, 0, NULL, "Oma. Mag Besuch lieber als Anrufe." },
  { NULL, "Hildegard", "Weiß", NULL, "Bibliothekarin", "Aachen", FAM, 0,
    "Recherche in Archiven", NULL,
    BZW_TRUST_YES, NULL, 110, 203, 0, NULL, "Tante. Schickt jedes Jahr Printen zu Weihnachten." },
  { NULL, "Maximilian", "Brückner", "Brückner Holzwerkstatt", "Tischler", "München", FAM, 0,
    "Möbel nach Maß aus Massivholz", "Aufträge aus dem Rheinland",
    BZW_TRUST_YES, "Möbelbau", 150, 310, 0, NULL, "Cousin. Hat den Esstisch gebaut." },

  /* Freunde */
  { NULL, "Sophie", "Lange", NULL, "Hebamme", "Köln", FRE, 0,
    "Geburtsvorbereitung, gute Nerven", "Eine kleinere Wohnung in der Südstadt",
    BZW_TRUST_YES, NULL, 16, 3, 5800, "Schulfreundin aus Bonn", NULL },
  { NULL, "Tobias", "Krämer", "Gesamtschule Nippes", "Lehrer für Mathe und Sport", "Köln", FRE | VER, 0,
    "Nachhilfe in Mathe, Bootstransport mit dem Anhänger", NULL,
    BZW_TRUST_YES, NULL, 12, 5, 4300, "Im Studentenwohnheim in Wuppertal", "Hat mich zum Rudern gebracht." },
  { NULL, "Mehmet", "Yılmaz", "Meze Bar Ehrenfeld", "Koch und Inhaber", "Köln", FRE, 0,
    "Catering für kleine Feiern", "Neues Logo und eine frische Speisekarte",
    BZW_TRUST_YES, "Catering", 24, 12, 2600, "Stammgast in seiner Bar", NULL },
  { NULL, "Julia", "Schäfer", NULL, "Psychotherapeutin", "Köln", FRE, 0,
    "Ein offenes Ohr", "Praxisräume in Lindenthal",
    BZW_TRUST_YES, NULL, 30, 72, 3700, "Über Sophie, auf ihrer Geburtstagsfeier", NULL },
  { NULL, "Katarzyna", "Nowak", "Nowak Architektur", "Architektin", "Köln", FRE, 0,
    "Architektur: Umbauplanung, Bauanträge, Innenausbau", "Eine neue Website für ihr Büro",
    BZW_TRUST_YES, "Umbauten und Innenausbau", 32, 20, 2200, "Nachbarin im alten Haus in der Körnerstraße",
    "Alle sagen Kasia." },
  { NULL, "Felix", "Wagner", "Hafenblatt", "Journalist", "Hamburg", FRE | ALU, 0,
    "Pressekontakte, Texte redigieren", "Geschichten über Gründerinnen",
    BZW_TRUST_WITH_CARE, "Pressearbeit", 70, 50, 5100, "Erstes Semester in Wuppertal", NULL },
  { NULL, "Lea", "Zimmermann", NULL, "Yogalehrerin", "Köln", FRE, 0,
    "Yoga für Teams", "Eine Website mit Buchungskalender",
    BZW_TRUST_YES, NULL, 30, 45, 1900, "Yogakurs im Belgischen Viertel", NULL },
  { NULL, "Daniel", "Fischer", "Berufsfeuerwehr Köln", "Feuerwehrmann", "Köln", FRE | VER, 0,
    "Erste-Hilfe-Kurse", NULL,
    BZW_TRUST_YES, NULL, 22, 15, 3300, "Im Ruderclub", NULL },
  { NULL, "Chiara", "Romano", "Enoteca Romano", "Sommelière", "Köln", FRE, 0,
    "Weinberatung für Feiern und Firmenevents", "Mehr Firmenkunden für Weinproben",
    BZW_TRUST_YES, "Weinberatung", 40, 30, 1600, "Weinprobe, die Mehmet organisiert hat", NULL },
  { NULL, "Niklas", "Braun", "Universität Leipzig", "Doktorand der Soziologie", "Leipzig", FRE, 0,
    "Statistik, Umfragen auswerten", "Teilnehmende für seine Interviewstudie",
    BZW_TRUST_WITH_CARE, NULL, 90, 430, 4800, "WG in Wuppertal", "Seit dem Umzug nach Leipzig kaum gehört." },
  { NULL, "Hannah", "Schulze", "Grundschule Am Rathenauplatz", "Grundschullehrerin", "Köln", FRE, 0,
    NULL, "Ideen für die Schulhomepage",
    BZW_TRUST_YES, NULL, 30, 26, 2500, "Über Tobias", NULL },
  { NULL, "Thi Lan", "Nguyen", "Apotheke am Eigelstein", "Apothekerin", "Köln", FRE, 0,
    "Rat bei Medikamenten", "Einen Steuerberater, der Apotheken kennt",
    BZW_TRUST_YES, NULL, 45, 28, 2100, "Sprachkurs Italienisch an der VHS", NULL },

  /* Ehemalige Kollegen */
  { NULL, "Markus", "Schneider", "Pixelwerk Digitalagentur", "Geschäftsführer", "Düsseldorf", KOL, 0,
    "Aufträge, die für die Agentur zu klein sind; Praktikumsplätze", "Freie UX-Designer für Auftragsspitzen",
    BZW_TRUST_YES, "Agenturprojekte", 100, 88, 3400, "Mein erster Chef nach dem Studium", NULL },
  { NULL, "Sandra", "Koch", "Pixelwerk Digitalagentur", "Art Directorin", "Düsseldorf", KOL | FRE, 0,
    "Visual Design, Markenauftritte", "Einen Wechsel in die Selbstständigkeit",
    BZW_TRUST_YES, "Visual Design", 40, 34, 3400, "Pixelwerk, gleiches Team", NULL },
  { NULL, "Patrick", "Richter", NULL, "Frontend-Entwickler (freiberuflich)", "Köln", KOL, 0,
    "Frontend-Entwicklung mit React, barrierefreie Websites", "Projekte mit längerer Laufzeit",
    BZW_TRUST_YES, "Frontend-Entwicklung", 55, 75, 3400, "Pixelwerk, Nachbartisch", NULL },
  { NULL, "Anna", "Klein", "Rheinland Versicherung AG", "Projektmanagerin", "Köln", KOL | KUN, 0,
    "Kontakte in die Versicherungsbranche", NULL,
    BZW_TRUST_YES, "Projektleitung", 45, 31, 3100, "Pixelwerk, Projekt für die Versicherung",
    "Hat mir den ersten Auftrag bei der Rheinland Versicherung verschafft." },
  { NULL, "Stefan", "Wolf", NULL, "Texter", "Düsseldorf", KOL, 0,
    "Konzepttexte, Claims", NULL,
    BZW_TRUST_WITH_CARE, NULL, 90, 182, 3400, "Pixelwerk", NULL },
  { NULL, "Miriam", "Neumann", "Fernweh Reisen GmbH", "Product Ownerin", "Köln", KOL, 0,
    "Einblick in Produktteams", "Eine UX-Designerin für ein halbes Jahr",
    BZW_TRUST_YES, NULL, 90, 60, 3200, "Pixelwerk, später selbst gekündigt", NULL },
  { NULL, "Oliver", "Schwarz", "Datenhafen AG", "Entwicklungsleiter", "Hamburg", KOL, 0,
    "Kontakte zu Tech-Firmen in Hamburg", NULL,
    BZW_TRUST_WITH_CARE, NULL, 180, 401, 3400, "Pixelwerk, technischer Leiter", NULL },
  { NULL, "Nadine", "Hartmann", NULL, "UX-Researcherin (freiberuflich)", "Köln", KOL, 0,
    "Nutzerinterviews, Usability-Tests", "Einen Schreibtisch im Coworking",
    BZW_TRUST_YES, "Nutzerforschung", 45, 19, 3000, "Pixelwerk, Research-Team", NULL },
  { NULL, "Giorgos", "Papadopoulos", NULL, "Motion Designer", "Berlin", KOL, 0,
    "Animationen, Erklärvideos", "Aufträge aus NRW",
    BZW_TRUST_YES, "Animation", 110, 80, 3300, "Pixelwerk, zwei Jahre lang", NULL },
  { NULL, "Christina", "Krüger", "Pixelwerk Digitalagentur", "Personalleiterin", "Düsseldorf", KOL, 0,
    "Wissen über Arbeitsverträge und Gehälter", NULL,
    BZW_TRUST_UNKNOWN, NULL, 180, 250, 3400, "Pixelwerk", NULL },
  { NULL, "Benjamin", "Hofmann", NULL, "Backend-Entwickler", "Lissabon", KOL, ARCHIVED,
    NULL, NULL,
    BZW_TRUST_WITH_CARE, NULL, 150, 690, 3400, "Pixelwerk", "Ist nach Portugal gezogen, kein Kontakt mehr." },
  { NULL, "Elena", "Popescu", "Pixelwerk Digitalagentur", "QA-Ingenieurin", "Düsseldorf", KOL, 0,
    "Testkonzepte", NULL,
    BZW_TRUST_YES, NULL, 160, 60, 3100, "Pixelwerk", NULL },

  /* Verein: Ruderclub Rheinauhafen */
  { NULL, "Klaus-Dieter", "Baumann", "Ruderclub Rheinauhafen", "Vorsitzender", "Köln", VER, 0,
    "Erfahrung mit Vereinsrecht", "Neue Mitglieder, Flyer für das Sommerfest",
    BZW_TRUST_YES, NULL, 40, 10, 2400, "Probetraining im Ruderclub", "Früher Bankkaufmann." },
  { NULL, "Petra", "Vogel", "Ruderclub Rheinauhafen", "Kassenwartin, Buchhalterin", "Köln", VER, 0,
    "Buchhaltung", NULL,
    BZW_TRUST_YES, "Buchhaltung", 60, 10, 2400, "Ruderclub", NULL },
  { NULL, "Lukas", "Meier", "Ruderclub Rheinauhafen", "Trainer", "Köln", VER, 0,
    "Rudertechnik", "Einen Nebenjob",
    BZW_TRUST_WITH_CARE, NULL, 60, 10, 2000, "Ruderclub", NULL },
  { NULL, "Fatma", "Kaya", "Kanzlei Kaya", "Rechtsanwältin für Arbeits- und Vertragsrecht", "Köln", VER | EMP, 0,
    "Vertragsprüfung, Arbeitsrecht", "Mandanten aus der Kreativbranche",
    BZW_TRUST_YES, "Verträge und Arbeitsrecht", 40, 3, 2300, "Ruderclub, im gleichen Vierer", NULL },
  { NULL, "Jan", "Peters", NULL, "Mechatroniker", "Köln", VER, 0,
    "Hilfe beim Fahrrad und beim Auto", NULL,
    BZW_TRUST_YES, NULL, 30, 12, 2200, "Ruderclub", NULL },
  { "Dr.", "Ursula", "Lehmann", NULL, "Ärztin im Ruhestand", "Köln", VER, 0,
    NULL, "Jemanden, der ihr Laptop einrichtet",
    BZW_TRUST_YES, NULL, 45, 30, 2200, "Ruderclub", NULL },
  { NULL, "Moritz", "Scholz", NULL, "Student Maschinenbau", "Köln", VER, 0,
    NULL, "Ein Praktikum",
    BZW_TRUST_UNKNOWN, NULL, 30, 20, 900, "Ruderclub", NULL },
  { NULL, "Greta", "Jansen", "Physio Südstadt", "Physiotherapeutin", "Köln", VER | EMP, 0,
    "Physiotherapie, Rückenschule für Büroteams", "Firmenkunden für Rückenkurse",
    BZW_TRUST_YES, "Physiotherapie", 45, 3, 1800, "Ruderclub, nach meinem Hexenschuss", NULL },
  { NULL, "Sebastian", "Engel", "Ruderclub Rheinauhafen", "Bootswart, Schlosser", "Köln", VER, 0,
    "Metallarbeiten", NULL,
    BZW_TRUST_YES, NULL, 60, 10, 2400, "Ruderclub", NULL },
  { NULL, "Svetlana", "Iwanowa", "Rheinmotor GmbH", "Ingenieurin", "Köln", VER, 0,
    "Technische Zeichnungen", "Eine Stelle mit weniger Reisen",
    BZW_TRUST_YES, NULL, 45, 25, 1500, "Ruderclub", NULL },

  /* Alumni: Kommunikationsdesign in Wuppertal */
  { NULL, "Marie", "Köhler", NULL, "Illustratorin", "Wuppertal", ALU, 0,
    "Illustrationen, Kinderbücher", "Einen Verlag für ihr Bilderbuch",
    BZW_TRUST_YES, "Illustration", 110, 60, 5200, "Studium, gleiche Projektgruppe", NULL },
  { NULL, "David", "Schmitz", "Blickfang Werbeagentur", "Creative Director", "Düsseldorf", ALU, 0,
    "Aufträge für Freie", "UX-Kompetenz für Pitches",
    BZW_TRUST_WITH_CARE, NULL, 180, 200, 5200, "Studium", NULL },
  { "Prof. Dr.", "Laura", "Weber", "Hochschule Rhein-Ruhr", "Professorin für Interaction Design", "Düsseldorf",
    ALU, 0,
    "Gastvorträge, Praktikanten aus ihren Kursen", "Praxispartner für Semesterprojekte",
    BZW_TRUST_YES, NULL, 150, 90, 5000, "Tutorin in meinem zweiten Semester", NULL },
  { NULL, "Emre", "Demir", "Emre Demir Fotografie", "Fotograf", "Köln", ALU | EMP, 0,
    "Fotografie: Produktfotografie, Porträts, Praxisbilder", "Kunden, die regelmäßig Bilder brauchen",
    BZW_TRUST_YES, "Fotografie", 40, 3, 5100, "Studium, Fotokurs", "Aylins Bruder." },
  { NULL, "Johanna", "Roth", NULL, "Type Designerin", "Berlin", ALU, 0,
    "Schriftgestaltung", NULL,
    BZW_TRUST_YES, "Typografie", 160, 385, 5200, "Studium", NULL },
  { NULL, "Kevin", "Schmid", "Pixelpilz Games", "Game Designer", "Köln", ALU, 0,
    "Gamification-Ideen", "Testspieler für die Beta",
    BZW_TRUST_WITH_CARE, NULL, 110, 100, 5000, "Studium", NULL },
  { NULL, "Sarah", "Lorenz", NULL, "Designerin in Elternzeit", "Wuppertal", ALU | FRE, 0,
    "Editorial Design", "Teilzeitprojekte ab dem Frühjahr",
    BZW_TRUST_YES, "Editorial Design", 55, 20, 5200, "Studium, WG-Nachbarin", NULL },
  { NULL, "Florian", "Krause", "Nordbank Digital", "UX Lead", "Hamburg", ALU, 0,
    "Kontakte in die Finanzbranche", "Freie UX-Designer mit Erfahrung in Banking-Apps",
    BZW_TRUST_YES, NULL, 160, 160, 5100, "Studium", NULL },
  { NULL, "Ana", "Ferreira", NULL, "Service Designerin", "Lissabon", ALU, 0,
    "Service Design, Workshops auf Englisch und Portugiesisch", NULL,
    BZW_TRUST_YES, NULL, 170, 300, 4900, "Erasmus-Semester in Wuppertal", NULL },
  { NULL, "Tim", "Berger", "Volkshochschule Köln", "Dozent", "Köln", ALU, 0,
    "Workshops an der VHS", "Dozentinnen für Designkurse",
    BZW_TRUST_YES, NULL, 150, 130, 5000, "Studium", NULL },

  /* Kunden */
  { "Dr.", "Heike", "Brandt", "Rheinland Versicherung AG", "Leiterin Digitales", "Köln", KUN, 0,
    "Folgeaufträge, Empfehlungen im Konzern", "UX-Audit des Kundenportals",
    BZW_TRUST_YES, NULL, 28, 18, 1400, "Über Anna Klein", "Mag kurze Präsentationen mit klaren Empfehlungen." },
  { NULL, "Thomas", "Franke", "Fahrradmanufaktur Ehrenfeld", "Inhaber", "Köln", KUN, 0,
    "Lastenräder, Rabatt für Freunde", "Steuerberater für die Manufaktur",
    BZW_TRUST_YES, "Fahrräder", 60, 98, 1300, "Kundenprojekt: Onlineshop", NULL },
  { NULL, "Yasemin", "Aksoy", "Zahnarztpraxis Dr. Aksoy", "Praxismanagerin", "Köln", KUN, 0,
    NULL, "Fotograf für neue Praxisbilder, IT-Betreuung für die Praxis",
    BZW_TRUST_YES, NULL, 55, 30, 900, "Empfehlung von Claudia Becker", NULL },
  { NULL, "Michael", "Schulz", "Domblick Immobilien GmbH", "Marketingleiter", "Köln", KUN, 0,
    NULL, "Eine App für Besichtigungstermine",
    BZW_TRUST_WITH_CARE, NULL, 60, 141, 1200, "Anfrage über meine Website", NULL },
  { NULL, "Carina", "Böhm", "Haferglück Manufaktur", "Gründerin", "Köln", KUN, 0,
    "Müsli fürs Büro", "Produktfotografie und Druck von Verpackungen",
    BZW_TRUST_YES, NULL, 28, 25, 700, "Gründerinnen-Stammtisch", NULL },
  { NULL, "Wolfgang", "Zimmer", "Veedel Logistik GmbH", "Geschäftsführer", "Frechen", KUN, 0,
    NULL, "Versicherung und Werkstatt für die Fahrzeugflotte",
    BZW_TRUST_WITH_CARE, NULL, 80, 60, 800, "Empfehlung von Frank Ludwig", NULL },
  { NULL, "Jessica", "Möller", "Energie Rhein-Erft AG", "Produktmanagerin", "Hürth", KUN, 0,
    NULL, "Nutzerforschung für das Kundenportal",
    BZW_TRUST_YES, NULL, 45, 40, 600, "UX-Meetup Köln", NULL },
  { NULL, "Ahmed", "Haddad", "Lernwerk EdTech GmbH", "CTO", "Berlin", KUN, ONLINE,
    "Einblicke in Lernplattformen", "Frontend-Entwickler für die Lernplattform",
    BZW_TRUST_YES, NULL, 25, 12, 500, "Über LinkedIn angeschrieben", "Nur per Video getroffen." },
  { NULL, "Birgit", "Kühn", "Bürgerstiftung Köln-Nord", "Vorstand", "Köln", KUN, 0,
    "Ehrenamtliche Kontakte im Veedel", "Spenden-Website",
    BZW_TRUST_YES, NULL, 90, 205, 1000, "Sommerfest des Ruderclubs", NULL },
  { NULL, "Lars", "Hansen", "Nordlicht Apps", "Gründer", "Hamburg", KUN, ONLINE,
    NULL, "Onboarding für seine Fitness-App",
    BZW_TRUST_WITH_CARE, NULL, 50, 35, 400, "Mastodon", NULL },
  { "Dr.", "Robert", "Vogt", "St.-Severin-Klinik", "Chefarzt", "Köln", KUN, 0,
    NULL, "Patientenportal, das ältere Menschen bedienen können",
    BZW_TRUST_YES, NULL, 100, 80, 750, "Empfehlung von Ursula Lehmann", NULL },
  { NULL, "Nina", "Kowalski", "Buchhandlung Seitenwind", "Inhaberin", "Köln", KUN, 0,
    "Lesungen im Laden", "Eventplanung für Lesungen, einen Onlineshop",
    BZW_TRUST_YES, NULL, 55, 50, 1100, "Stammkundin in ihrer Buchhandlung", NULL },
  { NULL, "Paul", "Winter", "Modehaus Winter", "Leiter E-Commerce", "Düsseldorf", KUN, 0,
    NULL, NULL,
    BZW_TRUST_NO, NULL, 90, 520, 1050, "Ausschreibung", "Rechnung erst nach drei Mahnungen bezahlt." },

  /* Empfehlungsgruppe: Unternehmerfrühstück Köln-West */
  { NULL, "Claudia", "Becker", "Steuerkanzlei Becker", "Steuerberaterin", "Köln", EMP, 0,
    "Steuerberatung für Selbstständige und kleine Firmen", "Relaunch der Kanzlei-Website",
    BZW_TRUST_YES, "Steuerberatung", 70, 3, 1000, "Unternehmerfrühstück, erster Besuch", NULL },
  { NULL, "Frank", "Ludwig", "Ludwig Versicherungsmakler", "Versicherungsmakler", "Köln", EMP, 0,
    "Versicherung für Gewerbe, Berufshaftpflicht, Flottenversicherung", "Handwerksbetriebe als Kunden",
    BZW_TRUST_YES, "Versicherungen", 70, 3, 1000, "Unternehmerfrühstück", NULL },
  { NULL, "Sabine", "Arnold", "Arnold Immobilien", "Immobilienmaklerin", "Köln", EMP, 0,
    "Immobilien vermitteln, Wertermittlung", "Fotograf für Exposés",
    BZW_TRUST_WITH_CARE, NULL, 70, 3, 1000, "Unternehmerfrühstück", NULL },
  { NULL, "Ralf", "Günther", "Schreinerei Günther", "Schreinermeister", "Pulheim", EMP, 0,
    "Einbaumöbel, Ladenbau", "Architektur-Büros als Partner",
    BZW_TRUST_YES, "Ladenbau", 70, 3, 950, "Unternehmerfrühstück", NULL },
  { NULL, "Dominik", "Graf", "Graf IT-Service", "IT-Dienstleister", "Köln", EMP, 0,
    "IT-Betreuung für Büros und Praxen, Netzwerke", "Arztpraxen und Kanzleien als Kunden",
    BZW_TRUST_YES, "IT-Betreuung", 70, 3, 950, "Unternehmerfrühstück", NULL },
  { NULL, "Melanie", "Sommer", "Wortwerk Sommer", "Texterin", "Köln", EMP, 0,
    "Texte für Websites, Newsletter", "Designerinnen für gemeinsame Angebote",
    BZW_TRUST_YES, "Webtexte", 70, 15, 900, "Unternehmerfrühstück", NULL },
  { NULL, "Uwe", "Pohl", "Pohl Druck & Medien", "Drucker", "Köln", EMP, 0,
    "Druck von Flyern, Visitenkarten und Verpackungen", "Agenturen mit Druckaufträgen",
    BZW_TRUST_YES, "Druck", 70, 3, 1000, "Unternehmerfrühstück", NULL },
  { NULL, "Bianca", "Frank", "Frank Events", "Eventplanerin", "Köln", EMP, 0,
    "Eventplanung, Firmenfeiern, Lesungen", "Locations mit Charme",
    BZW_TRUST_YES, "Eventplanung", 70, 22, 800, "Unternehmerfrühstück", NULL },
  { NULL, "Hakan", "Öztürk", "Autohaus Öztürk", "Kfz-Meister", "Köln", EMP, 0,
    "Werkstatt, Betreuung von Fahrzeugflotten", "Firmen mit eigener Fahrzeugflotte",
    BZW_TRUST_YES, "Kfz-Werkstatt", 70, 3, 900, "Unternehmerfrühstück", NULL },
  { NULL, "Monika", "Lang", "Lang Finanzplanung", "Finanzberaterin", "Köln", EMP, 0,
    "Altersvorsorge für Selbstständige", "Junge Selbstständige",
    BZW_TRUST_WITH_CARE, NULL, 90, 36, 700, "Unternehmerfrühstück", NULL },

  /* Ohne Kreis */
  { NULL, "Jana", "Seidel", NULL, "UX-Writerin", "Berlin", 0, ONLINE,
    "UX-Writing, Microcopy", "Mehr Aufträge aus dem Westen",
    BZW_TRUST_YES, "UX-Writing", 60, 20, 800, "Mastodon, Diskussion über Formulare", NULL },
  { NULL, "Rafael", "Martínez", "Podcast Gestaltungsspielraum", "Podcaster", "Köln", 0, ONLINE,
    "Auftritte im Podcast", "Gäste mit Geschichten aus der Selbstständigkeit",
    BZW_TRUST_UNKNOWN, NULL, 90, 95, 600, "Hat mich für eine Folge angefragt", NULL },
  { NULL, "Ingrid", "Schuster", NULL, "Nachbarin", "Köln", 0, NO_MAIL,
    "Blumen gießen im Urlaub, Pakete annehmen", NULL,
    BZW_TRUST_YES, NULL, 21, 7, 1400, "Nachbarin im dritten Stock", NULL },
  { NULL, "Piotr", "Wiśniewski", "Malerbetrieb Wiśniewski", "Malermeister", "Köln", 0, 0,
    "Malerarbeiten, Tapezieren", "Kleine Aufträge im Winter",
    BZW_TRUST_YES, "Malerarbeiten", 200, 300, 1300, "Hat die Wohnung gestrichen", NULL },
  { NULL, "Lisa", "Hahn", "Talentbrücke GmbH", "Recruiterin", "Düsseldorf", 0, ONLINE,
    "Firmen, die Freelancer suchen", "UX-Designer für Festanstellungen",
    BZW_TRUST_WITH_CARE, NULL, 75, 60, 700, "LinkedIn", NULL },
  { "Dr.", "Matthias", "Kern", "Gründerzentrum Köln-Mülheim", "Gründungsberater", "Köln", 0, 0,
    "Fördermittelberatung, Businesspläne", "Erfahrene Gründerinnen als Mentorinnen",
    BZW_TRUST_YES, "Fördermittel", 180, 150, 1500, "Gründungsseminar", NULL },
  { NULL, "Amelie", "Fuchs", NULL, "Studentin Medieninformatik", "Köln", 0, ONLINE,
    NULL, "Ein Praktikum im UX-Design",
    BZW_TRUST_UNKNOWN, NULL, 40, 45, 200, "Hat mich nach einem Vortrag angeschrieben", NULL },
  { NULL, "Samuel", "Okafor", "Datenhafen AG", "Data Scientist", "Hamburg", 0, ONLINE,
    "Datenanalyse, Dashboards", NULL,
    BZW_TRUST_WITH_CARE, NULL, 120, 110, 650, "LinkedIn, über Oliver Schwarz", NULL },
  { NULL, "Vanessa", "Kraus", "Coworking Ehrenfeld", "Community-Managerin", "Köln", 0, 0,
    "Arbeitsplätze, Räume für Veranstaltungen", "Referentinnen für die Mittagsvorträge",
    BZW_TRUST_YES, NULL, 10, 2, 1200, "Mein Coworking", NULL },
  { NULL, "Henrik", "Larsen", NULL, "Berater für Barrierefreiheit", "Kopenhagen", 0, ONLINE,
    "Prüfungen auf Barrierefreiheit (WCAG)", "Partner im deutschsprachigen Raum",
    BZW_TRUST_YES, "Barrierefreiheit", 100, 70, 550, "Online-Konferenz zu Barrierefreiheit", NULL },
  { NULL, "Elif", "Şahin", NULL, "Übersetzerin", "Köln", 0, 0,
    "Übersetzungen Türkisch, Deutsch, Englisch", "Kunden aus dem Gesundheitswesen",
    BZW_TRUST_YES, "Übersetzungen", 120, 90, 900, "Über Mehmet", NULL },
  { NULL, "Bernd", "Schröder", "Kreissparkasse Rheinland", "Firmenkundenberater", "Köln", 0, 0,
    "Geschäftskonto, Kredite", NULL,
    BZW_TRUST_UNKNOWN, NULL, 365, 380, 1450, "Kontoeröffnung bei der Gründung", NULL },
  { NULL, "Marlene", "Voigt", "Stadtmagazin Kölner Leben", "Redakteurin", "Köln", 0, 0,
    "Berichte über lokale Firmen", "Geschichten aus der Gründerszene",
    BZW_TRUST_WITH_CARE, NULL, 120, 75, 600, "Interview über Selbstständigkeit", NULL },
  { NULL, "Yusuf", "Çelik", "Café Ehrenwert", "Inhaber", "Köln", 0, 0,
    "Raum für Meetups am Abend", "Neues Logo und Speisekarten-Design",
    BZW_TRUST_YES, NULL, 15, 4, 1700, "Mein Lieblingscafé zum Arbeiten", NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (people) == N_PEOPLE);

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

/* from → to: from does something for to. */
static const DemoFavour favours[] = {
  { ME, P_MEHMET, OFFERED, F_PROM, 20, 600, "Skizzen für ein neues Logo der Meze Bar" },
  { P_MEHMET, ME, OFFERED, F_DONE, 400, 250, "Buffet für meine Feier zum Firmenjubiläum" },
  { ME, P_JONAS, ASKED, F_DONE, 300, 0, "Klickdummy seiner Reise-App durchgesehen und kommentiert" },
  { P_JONAS, ME, ASKED, F_DONE, 700, 0, "Server für mein Portfolio eingerichtet" },
  { P_RUEDIGER, ME, ASKED, F_DONE, 520, 150, "Lampen in der neuen Wohnung angeschlossen" },
  { ME, P_GISELA, ASKED, F_OPEN, 10, 0, "Neues Smartphone einrichten und Fotos übertragen" },
  { P_KASIA, ME, OFFERED, F_DONE, 640, 300, "Grundriss für das Arbeitszimmer gezeichnet" },
  { ME, P_KASIA, OFFERED, F_PROM, 35, 1200, "Wireframes für die neue Website ihres Büros" },
  { P_SANDRA, ME, ASKED, F_DONE, 210, 0, "Feedback zu meinem neuen Portfolio" },
  { ME, P_SANDRA, ASKED, F_OPEN, 14, 0, "Erfahrungen mit dem Start in die Selbstständigkeit teilen" },
  { P_PATRICK, ME, ASKED, F_DONE, 800, 400, "Prototyp in React für eine Kundenpräsentation gebaut" },
  { ME, P_PATRICK, OFFERED, F_DONE, 330, 0, "Ihn bei Lernwerk als Entwickler vorgeschlagen" },
  { P_NADINE, ME, OFFERED, F_DONE, 260, 500, "Fünf Nutzerinterviews für das Versicherungsprojekt übernommen" },
  { ME, P_NADINE, ASKED, F_DECL, 180, 0, "Schreibtisch im Coworking untervermieten" },
  { P_TOBIAS, ME, OFFERED, F_DONE, 450, 0, "Boot mit dem Anhänger zur Regatta gefahren" },
  { ME, P_TOBIAS, ASKED, F_DONE, 150, 0, "Plakat für das Schulfest gestaltet" },
  { ME, P_KLAUS, ASKED, F_PROM, 28, 300, "Flyer für das Sommerfest des Ruderclubs" },
  { ME, P_KLAUS, OFFERED, F_DONE, 390, 0, "Neue Mitgliederseite für die Vereinswebsite" },
  { P_FATMA, ME, ASKED, F_DONE, 500, 350, "Rahmenvertrag für Freelancer geprüft" },
  { P_FATMA, ME, OFFERED, F_OPEN, 5, 0, "Allgemeine Geschäftsbedingungen durchsehen" },
  { P_GRETA, ME, OFFERED, F_DONE, 600, 0, "Übungen gegen Rückenschmerzen am Schreibtisch gezeigt" },
  { ME, P_URSULA, ASKED, F_DONE, 280, 0, "Laptop eingerichtet und Videotelefonie erklärt" },
  { ME, P_MORITZ, ASKED, F_DECL, 120, 0, "Praktikum im Sommer; leider kein Platz frei" },
  { ME, P_AMELIE, ASKED, F_PROM, 18, 0, "Portfolio-Review per Video" },
  { ME, P_AMELIE, OFFERED, F_OPEN, 3, 0, "Kontakt zu Markus Schneider wegen eines Praktikums herstellen" },
  { P_LAURA, ME, OFFERED, F_DONE, 700, 0, "Einladung zum Gastvortrag über Freelancing" },
  { ME, P_LAURA, ASKED, F_PROM, 45, 0, "Semesterprojekt mit echtem Kundenproblem betreuen" },
  { P_FELIX, ME, ASKED, F_DECL, 240, 0, "Artikel über meinen Weg in die Selbstständigkeit" },
  { P_MARKUS, ME, OFFERED, F_DONE, 900, 0, "Kleinen Website-Auftrag an mich weitergegeben" },
  { ME, P_MARKUS, ASKED, F_DONE, 420, 800, "Kurzfristig bei einem Pitch ausgeholfen" },
  { P_HEIKE, ME, OFFERED, F_DONE, 200, 0, "Mich im Konzern für ein zweites Projekt empfohlen" },
  { ME, P_HEIKE, ASKED, F_DONE, 95, 0, "Zusammenfassung des UX-Audits für den Vorstand" },
  { P_THOMAS, ME, OFFERED, F_DONE, 380, 200, "Lastenrad für den Umzug geliehen" },
  { P_CARINA, ME, OFFERED, F_DONE, 160, 40, "Müsli für das Coworking spendiert" },
  { ME, P_CARINA, ASKED, F_OPEN, 12, 0, "Drei Druckereien für Verpackungen nennen" },
  { P_VANESSA, ME, OFFERED, F_DONE, 300, 0, "Raum für meinen Workshop kostenlos überlassen" },
  { ME, P_VANESSA, ASKED, F_PROM, 25, 0, "Mittagsvortrag über gutes Formulardesign halten" },
  { P_YUSUF, ME, OFFERED, F_DONE, 230, 0, "Café für das UX-Meetup am Abend geöffnet" },
  { ME, P_YUSUF, ASKED, F_OPEN, 40, 450, "Speisekarte neu gestalten" },
  { P_INGRID, ME, OFFERED, F_DONE, 60, 0, "Blumen gegossen, während ich in Berlin war" },
  { ME, P_INGRID, ASKED, F_DONE, 140, 0, "Schrank aus dem Keller getragen" },
  { P_HENRIK, ME, OFFERED, F_DONE, 190, 0, "Checkliste für barrierefreie Formulare geteilt" },
  { P_JANA, ME, ASKED, F_DONE, 110, 0, "Microcopy für die Fehlermeldungen im Kundenportal gegengelesen" },
  { ME, P_JANA, OFFERED, F_DECL, 70, 0, "Gemeinsamen Workshop in Köln geplant; Termin fand sich nicht" },
  { P_MATTHIAS, ME, OFFERED, F_DONE, 1000, 0, "Hilfe beim Antrag auf den Gründungszuschuss" },
  { ME, P_MATTHIAS, ASKED, F_OPEN, 8, 0, "Als Mentorin beim Gründerzentrum mitmachen" },
  { P_SOPHIE, ME, OFFERED, F_DONE, 90, 0, "Katze während meines Urlaubs versorgt" },
  { ME, P_SOPHIE, OFFERED, F_PROM, 6, 0, "Beim Umzug in die Südstadt helfen" },
  { P_JAN, ME, ASKED, F_DONE, 170, 0, "Fahrradschaltung eingestellt" },
  { ME, P_LEA, OFFERED, F_OPEN, 30, 0, "Buchungskalender für ihre Website aussuchen" },
  { P_DOMINIK, ME, ASKED, F_DONE, 350, 180, "Router und Drucker im Büro eingerichtet" },
  { ME, P_CLAUDIA, OFFERED, F_PROM, 50, 0, "Konzept für den Relaunch der Kanzlei-Website" },
  { P_MELANIE, ME, OFFERED, F_DONE, 130, 250, "Texte für meine Leistungsseite geschrieben" },
  { ME, P_NIKLAS, ASKED, F_DECL, 460, 0, "Interview für seine Studie; passte zeitlich nicht" },
  /* Between contacts */
  { P_CLAUDIA, P_THOMAS, ASKED, F_DONE, 180, 0, "Jahresabschluss der Fahrradmanufaktur übernommen" },
  { P_EMRE, P_YASEMIN, OFFERED, F_DONE, 150, 0, "Probeshooting in der Praxis" },
  { P_PATRICK, P_AHMED, ASKED, F_PROM, 40, 0, "Code-Review der Lernplattform" },
  { P_FRANK, P_WOLFGANG, ASKED, F_OPEN, 15, 0, "Angebot für die Flottenversicherung" },
  { P_HAKAN, P_WOLFGANG, OFFERED, F_DECL, 90, 0, "Inspektion aller Transporter zum Sonderpreis" },
  { P_KASIA, P_RALF, ASKED, F_DONE, 220, 0, "Pläne für einen Ladenumbau geteilt" },
  { P_BIANCA, P_NINA, OFFERED, F_PROM, 22, 0, "Ablaufplan für die Lesungsreihe im Herbst" },
  { P_UWE, P_CARINA, ASKED, F_OPEN, 9, 0, "Muster für Verpackungen aus Graspapier" },
  { P_GRETA, P_HEIKE, OFFERED, F_DECL, 260, 0, "Rückenkurs für das Digital-Team" },
  { P_DOMINIK, P_YASEMIN, ASKED, F_DONE, 60, 0, "Praxis-WLAN sicher eingerichtet" },
  { P_SABINE, P_KASIA, OFFERED, F_OPEN, 33, 0, "Kontakt zu einem Bauträger vermitteln" },
  { P_CHIARA, P_BIANCA, OFFERED, F_DONE, 310, 0, "Weinauswahl für ein Firmenjubiläum" },
};

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

static const DemoReferral referrals[] = {
  /* A giving cycle: Ich → Claudia → Emre → Ich. */
  { ME, P_CLAUDIA, P_THOMAS, NULL, 5, R_WON, 200, 2400, TRUE,
    "Thomas suchte einen Steuerberater; beim Kaffee bekannt gemacht." },
  { P_CLAUDIA, P_EMRE, P_SABINE, NULL, 4, R_WON, 150, 1800, TRUE, "Fotos für 12 Exposés" },
  { P_EMRE, ME, P_YASEMIN, NULL, 4, R_WON, 110, 6500, TRUE, "Neue Website für die Zahnarztpraxis" },

  { ME, P_EMRE, P_YASEMIN, NULL, 3, R_WON, 170, 1200, TRUE, "Praxisbilder für das Wartezimmer und die Website" },
  { ME, P_PATRICK, P_AHMED, NULL, 4, R_WON, 330, 18000, TRUE, "Patrick entwickelt jetzt das Frontend der Lernplattform" },
  { ME, P_FRANK, P_WOLFGANG, NULL, 2, R_MEET, 45, 0, FALSE, "Flottenversicherung" },
  { ME, P_HAKAN, P_WOLFGANG, NULL, 2, R_LOST, 95, 0, FALSE, "Hatte schon eine Vertragswerkstatt." },
  { ME, P_DOMINIK, P_YASEMIN, NULL, 3, R_WON, 75, 2200, FALSE, "IT-Betreuung der Praxis" },
  { ME, P_BIANCA, P_NINA, NULL, 4, R_CONT, 22, 0, FALSE, "Lesungsreihe im Herbst" },
  { ME, P_UWE, P_CARINA, NULL, 3, R_GIVEN, 9, 0, FALSE, "Verpackungsdruck" },
  { ME, P_CLAUDIA, P_LAN, NULL, 3, R_MEET, 40, 0, FALSE, "Steuerberatung für die Apotheke" },
  { ME, P_KASIA, P_RALF, NULL, 5, R_WON, 220, 9500, TRUE, "Gemeinsamer Ladenumbau für die Buchhandlung" },
  { ME, P_NADINE, P_JESSICA, NULL, 4, R_WON, 260, 7200, TRUE, "Nutzerforschung für das Kundenportal" },
  { ME, P_MELANIE, P_LEA, NULL, 2, R_CONT, 28, 0, FALSE, "Texte für die Yoga-Website" },
  { ME, P_GRETA, P_HEIKE, NULL, 3, R_LOST, 260, 0, FALSE, "Rückenkurs; kein Budget im Team" },
  { ME, P_FATMA, ME, "Studio Kranich (Designbüro)", 2, R_GIVEN, 16, 0, FALSE, "Brauchen Hilfe bei einem Arbeitsvertrag" },
  { ME, P_SABINE, P_SOPHIE, NULL, 3, R_CONT, 6, 0, FALSE, "Sophie sucht eine kleinere Wohnung" },
  { ME, P_CHIARA, P_BIANCA, NULL, 3, R_WON, 310, 900, TRUE, "Weinprobe auf einem Firmenfest" },
  { ME, P_EMRE, P_CARINA, NULL, 4, R_MEET, 14, 0, FALSE, "Produktfotos für den Onlineshop" },
  { ME, P_LISA, P_SANDRA, NULL, 1, R_LOST, 190, 0, FALSE, "Sandra wollte dann doch nicht wechseln." },
  { ME, P_PIOTR, P_KASIA, NULL, 2, R_WON, 500, 3100, FALSE, "Malerarbeiten in einem Umbauprojekt" },
  { ME, P_HENRIK, P_HEIKE, NULL, 3, R_MEET, 55, 0, FALSE, "Prüfung des Kundenportals auf Barrierefreiheit" },

  /* To me */
  { P_ANNA, ME, P_HEIKE, NULL, 5, R_WON, 1080, 24000, TRUE, "Erster Auftrag bei der Rheinland Versicherung" },
  { P_HEIKE, ME, P_ROBERT, NULL, 4, R_WON, 750, 15000, TRUE, "Patientenportal" },
  { P_URSULA, ME, P_ROBERT, NULL, 3, R_MEET, 780, 0, TRUE, "Hat mich ihrem früheren Kollegen empfohlen" },
  { P_FRANK, ME, P_WOLFGANG, NULL, 3, R_WON, 800, 4800, TRUE, "Neue Website für die Spedition" },
  { P_CLAUDIA, ME, P_YASEMIN, NULL, 4, R_MEET, 900, 0, TRUE, "Erstes Gespräch in der Praxis" },
  { P_MARKUS, ME, ME, "Kaffeerösterei Bohnenglück", 2, R_WON, 880, 3500, TRUE, "Kleiner Shop-Relaunch" },
  { P_MARKUS, ME, ME, "Stadtbibliothek Brühl", 1, R_LOST, 600, 0, FALSE, "Ausschreibung verloren" },
  { P_LISA, ME, ME, "Versandhaus Rheinkiste", 1, R_CONT, 60, 0, FALSE, "Sucht Freelancer für drei Monate" },
  { P_MIRIAM, ME, P_MIRIAM, NULL, 2, R_MEET, 58, 0, FALSE, "Halbes Jahr UX für Fernweh Reisen" },
  { P_FLORIAN, ME, ME, "Nordbank Digital", 3, R_CONT, 160, 0, FALSE, "Banking-App, Remote-Projekt" },
  { P_DOMINIK, ME, P_CARINA, NULL, 3, R_WON, 700, 5200, TRUE, "Onlineshop für Haferglück" },
  { P_KLAUS, ME, P_BIRGIT, NULL, 4, R_WON, 1000, 3000, FALSE, "Spenden-Website der Bürgerstiftung" },
  { P_JESSICA, ME, ME, "Netzbetrieb Rhein-Erft", 2, R_GIVEN, 30, 0, FALSE, "Schwesterfirma, sucht UX-Beratung" },
  { P_VANESSA, ME, P_LARS, NULL, 2, R_WON, 400, 2800, FALSE, "Onboarding-Konzept" },
  { P_TIM, ME, ME, "Volkshochschule Köln", 3, R_WON, 500, 1200, TRUE, "Wochenendkurs UX-Grundlagen" },
  { P_MARLENE, ME, P_NINA, NULL, 2, R_WON, 1060, 4100, TRUE, "Onlineshop der Buchhandlung" },
  { P_DAVID, ME, P_PAUL, NULL, 3, R_WON, 1050, 8700, FALSE, "Modehaus Winter, Checkout-Optimierung" },

  /* Between contacts */
  { P_FRANK, P_HAKAN, P_WOLFGANG, NULL, 3, R_CONT, 70, 0, FALSE, NULL },
  { P_SABINE, P_RALF, ME, "Familie Özdemir (Hauskauf)", 2, R_WON, 240, 6800, TRUE, "Einbauküche" },
  { P_RALF, P_KASIA, ME, "Café Milchbart", 4, R_MEET, 35, 0, FALSE, "Umbau des Gastraums" },
  { P_CLAUDIA, P_MONIKA, ME, "Gründerpaar aus Ehrenfeld", 2, R_GIVEN, 12, 0, FALSE, NULL },
  { P_GRETA, P_FATMA, ME, "Physio-Kollegin mit Mietstreit", 3, R_WON, 290, 1400, TRUE, NULL },
  { P_BIANCA, P_CHIARA, ME, "Hochzeit Familie Kessler", 3, R_LOST, 420, 0, FALSE, "Anderer Caterer" },
  { P_UWE, P_MELANIE, ME, "Metzgerei Hennes", 2, R_WON, 360, 650, FALSE, "Texte für Flyer" },
  { P_DOMINIK, P_CLAUDIA, P_LAN, NULL, 1, R_GIVEN, 25, 0, FALSE, NULL },
  { P_EMRE, P_SABINE, ME, "Ehepaar Wirtz", 2, R_CONT, 80, 0, FALSE, "Wollen ihr Haus verkaufen" },
  { P_ANNA, P_NADINE, P_HEIKE, NULL, 3, R_WON, 480, 5600, TRUE, "Research im Konzern" },
  { P_SANDRA, P_GIORGOS, ME, "Pixelwerk-Kunde aus Neuss", 2, R_LOST, 520, 0, FALSE, NULL },
};

/* Where and what, for the generated encounters. */
static const char * const cafes[] = {
  "Café Ehrenwert, Ehrenfeld", "Café am Brüsseler Platz", "Rösterei in der Südstadt",
  "Eisdiele am Rathenauplatz", "Bistro im Mediapark", "Kaffeebar am Eigelstein",
  "Rheinufer in Deutz", "Biergarten im Stadtwald", "Brauhaus in der Altstadt",
  "Mittagstisch in Lindenthal",
};

static const char * const event_places[] = {
  "UX-Meetup Köln", "Barcamp Bonn", "Designkonferenz in Berlin", "Gründerinnen-Stammtisch",
  "Messe in Düsseldorf", "Vortragsabend im Coworking Ehrenfeld", "Workshop an der VHS Köln",
};

static const char * const circle_places[N_CIRCLES][3] = {
  { "Bei den Eltern in Bonn", "Sonntagsessen", "Geburtstagsfeier" },
  { "Stammtisch im Brauhaus", "Bei mir zuhause", "Spieleabend" },
  { "Altbierkneipe in Düsseldorf", "Pixelwerk-Büro", "Mittagessen am Medienhafen" },
  { "Bootshaus des Ruderclubs", "Vereinsabend", "Steg am Rheinauhafen" },
  { "Alumni-Treffen in Wuppertal", "Hochschule", "Ausstellung im Museum Ludwig" },
  { "Beim Kunden vor Ort", "Konferenzraum im Coworking", "Workshop beim Kunden" },
  { "Unternehmerfrühstück im Hotel am Aachener Weiher", "Einzelgespräch im Café", "Besuch im Betrieb" },
};

static const char * const circle_notes[N_CIRCLES][8] = {
  { "Über den Sommerurlaub gesprochen.", "Alte Fotos angesehen.",
    "Geburtstagspläne besprochen.", "Hilfe im Garten.", "Lange telefoniert, allen geht es gut.",
    "Gemeinsam gekocht.", "Über Weihnachten gesprochen.", "Neuigkeiten aus der Familie." },
  { "Endlich wieder zusammen gegessen.", "Über die Arbeit geredet, auch über Sorgen.",
    "Spontan auf ein Bier getroffen.", "Pläne für das nächste Wochenende.",
    "Neuigkeiten vom neuen Job gehört.", "Fußball geschaut.", "Ein Buch ausgeliehen.",
    "Lange über Gott und die Welt geredet." },
  { "Erinnerungen an alte Projekte.", "Gehört, wer gerade wohin wechselt.",
    "Über Stundensätze für Freie gesprochen.", "Neuigkeiten aus der Agentur gehört.",
    "Ideen für ein gemeinsames Projekt.", "Kurz nachgefragt, wie es läuft.",
    "Tipps für Werkzeuge und Plugins ausgetauscht.", "Über Weiterbildung gesprochen." },
  { "Training auf dem Rhein, danach Kaffee.", "Regatta vorbereitet.",
    "Boote gepflegt.", "Über das Sommerfest gesprochen.", "Mitgliederversammlung.",
    "Neue Mitglieder begrüßt.", "Wanderfahrt geplant.", "Nach dem Training noch gegrillt." },
  { "Über alte Semesterprojekte gelacht.", "Neue Arbeiten angeschaut.",
    "Über die Lehre an der Hochschule gesprochen.", "Gemeinsam eine Ausstellung besucht.",
    "Kurz über LinkedIn Neuigkeiten ausgetauscht.", "Ein Jobangebot weitererzählt.",
    "Über Selbstständigkeit gesprochen.", "Geplant, ein Treffen des Jahrgangs zu organisieren." },
  { "Zwischenstand vorgestellt.", "Angebot für die nächste Phase besprochen.",
    "Nutzerinterviews ausgewertet.", "Workshop zu den Kernaufgaben der Nutzer.",
    "Feedback zu den Entwürfen eingeholt.", "Abnahme der Entwürfe.",
    "Nach dem Projekt nachgefragt, wie es läuft.", "Über ein Folgeprojekt gesprochen." },
  { "Empfehlungen der Woche ausgetauscht.", "Kurzvortrag über mein Angebot gehalten.",
    "Einzelgespräch, um das Geschäft des anderen besser zu verstehen.",
    "Nach einer Empfehlung nachgefragt.", "Neue Gäste in der Runde.", "Über gute Kunden gesprochen.",
    "Bedankt für die letzte Empfehlung.", "Ziele für das nächste Quartal geteilt." },
};

/* Cities and phone prefixes: numbers from the ranges set aside for fiction. */
typedef struct
{
  const char *city;
  const char *postcode;
  const char *landline;
} DemoCity;

static const DemoCity cities[] = {
  { "Köln", "50672", "+49 221 4710" },
  { "Bonn", "53111", "+49 228 5555" },
  { "Berlin", "10245", "+49 30 23125" },
  { "Düsseldorf", "40213", "+49 211 5558" },
  { "Hamburg", "20095", "+49 40 66969" },
  { "München", "80331", "+49 89 99998" },
  { "Aachen", "52062", "+49 241 5559" },
  { "Wuppertal", "42103", "+49 202 5557" },
  { "Leipzig", "04109", "+49 341 5556" },
  { "Frechen", "50226", "+49 2234 5550" },
  { "Hürth", "50354", "+49 2233 5551" },
  { "Pulheim", "50259", "+49 2238 5552" },
  { "Lissabon", "1100-148", "+351 21 5550" },
  { "Kopenhagen", "1050", "+45 55 5500" },
};

static const char * const streets[] = {
  "Venloer Straße", "Aachener Straße", "Severinstraße", "Neusser Straße", "Bonner Straße",
  "Lindenstraße", "Gartenweg", "Am Rheinufer", "Körnerstraße", "Bergstraße", "Kirchplatz",
  "Hauptstraße",
};

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

/* A uid in the form of a random UUID, but from the seeded generator. */
static char *
dup_uid (Filler *filler)
{
  guint32 a = g_rand_int (filler->rand);
  guint32 b = g_rand_int (filler->rand);
  guint32 c = g_rand_int (filler->rand);
  guint32 d = g_rand_int (filler->rand);

  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x",
                          a, b >> 16, b & 0xfff, 0x8000 | ((c >> 16) & 0x3fff), c & 0xffff, d);
}

static char *
dup_day (Filler *filler,
         int     days_ago)
{
  g_autoptr(GDateTime) then = g_date_time_add_days (filler->now, -days_ago);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* A moment on the day @days_ago (at least 1), at a plausible hour. */
static gint64
moment (Filler *filler,
        int     days_ago,
        int     first_hour,
        int     last_hour)
{
  g_autoptr(GDateTime) then = g_date_time_add_days (filler->now, -MAX (days_ago, 1));
  g_autoptr(GDateTime) midnight = g_date_time_new_utc (g_date_time_get_year (then),
                                                       g_date_time_get_month (then),
                                                       g_date_time_get_day_of_month (then),
                                                       0, 0, 0);
  int hour = g_rand_int_range (filler->rand, first_hour, last_hour + 1);
  int minute = g_rand_int_range (filler->rand, 0, 4) * 15;

  return g_date_time_to_unix (midnight) + hour * 3600 + minute * 60;
}

/* Lower-case ASCII for an e-mail address: "Thi Lan Yılmaz" → "thilan.yilmaz". */
static char *
dup_mail_part (const char *text)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_autofree char *ascii = NULL;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case 0xe4: g_string_append (s, "ae"); break;
        case 0xf6: g_string_append (s, "oe"); break;
        case 0xfc: g_string_append (s, "ue"); break;
        case 0xdf: g_string_append (s, "ss"); break;
        case 0x131: g_string_append_c (s, 'i'); break;
        case ' ': break;
        default: g_string_append_unichar (s, c); break;
        }
    }

  ascii = g_str_to_ascii (s->str, "C");
  g_string_truncate (s, 0);
  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p) || *p == '-')
      g_string_append_c (s, *p);

  return g_string_free (g_steal_pointer (&s), FALSE);
}

static const DemoCity *
find_city (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    if (g_str_equal (cities[i].city, name))
      return &cities[i];

  return &cities[0];
}

static gboolean
add_circles (Filler  *filler,
             GError **error)
{
  for (guint i = 0; i < N_CIRCLES; i++)
    {
      g_autoptr(BzwCircle) circle = bzw_circle_new ();
      g_autofree char *uid = dup_uid (filler);

      bzw_circle_set_uid (circle, uid);
      bzw_circle_set_name (circle, circles[i].name);
      bzw_circle_set_color (circle, circles[i].color);
      bzw_circle_set_interval_ideal (circle, circles[i].ideal);
      bzw_circle_set_interval_max (circle, circles[i].max);
      bzw_circle_set_position (circle, i);
      if (!bzw_store_save_circle (filler->store, circle, error))
        return FALSE;
      filler->circle_ids[i] = bzw_circle_get_id (circle);
    }

  return TRUE;
}

static char *
dup_birthday (Filler           *filler,
              const DemoPerson *p)
{
  int roll = g_rand_int_range (filler->rand, 0, 100);
  int year = g_rand_int_range (filler->rand, 1956, 2001);
  int month = g_rand_int_range (filler->rand, 1, 13);
  int day = g_rand_int_range (filler->rand, 1, 29);

  /* Family birthdays are all known; of others, some only by day. */
  if (p->circles & FAM)
    {
      if (p->role != NULL && strstr (p->role, "Ruhestand") != NULL)
        year -= 20;
      if (p->role == NULL)
        year = 1938;
      return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
    }

  if (roll < 25)
    return NULL;
  if (roll < 45)
    return g_strdup_printf ("--%02d-%02d", month, day);

  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static gboolean
add_people (Filler  *filler,
            GError **error)
{
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      const DemoPerson *p = &people[i];
      const DemoCity *city = find_city (p->city);
      g_autoptr(BzwContact) contact = bzw_contact_new ();
      g_autoptr(GArray) circle_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autofree char *uid = dup_uid (filler);
      g_autofree char *display = NULL;
      g_autofree char *given = dup_mail_part (p->given);
      g_autofree char *family = dup_mail_part (p->family);
      g_autofree char *birthday = dup_birthday (filler, p);
      g_autofree char *mobile = NULL;
      int met_days = p->met_days;

      display = p->prefix != NULL ? g_strdup_printf ("%s %s %s", p->prefix, p->given, p->family)
                                  : g_strdup_printf ("%s %s", p->given, p->family);

      bzw_contact_set_uid (contact, uid);
      bzw_contact_set_display_name (contact, display);
      bzw_contact_set_prefix (contact, p->prefix);
      bzw_contact_set_given_name (contact, p->given);
      bzw_contact_set_family_name (contact, p->family);
      bzw_contact_set_organisation (contact, p->org);
      bzw_contact_set_role (contact, p->role);
      bzw_contact_set_birthday (contact, birthday);
      bzw_contact_set_met_how (contact, p->met_how);
      if (met_days > 0)
        {
          g_autofree char *met_on = dup_day (filler, met_days);

          bzw_contact_set_met_on (contact, met_on);
        }
      bzw_contact_set_met_in_person (contact, !(p->flags & ONLINE));
      bzw_contact_set_offers (contact, p->offers);
      bzw_contact_set_seeks (contact, p->seeks);
      bzw_contact_set_trust (contact, p->trust);
      bzw_contact_set_trust_for (contact, p->trust_for);
      bzw_contact_set_notes (contact, p->notes);
      bzw_contact_set_archived (contact, (p->flags & ARCHIVED) != 0);

      /* The journal of this app starts three years ago. */
      bzw_contact_set_times (contact,
                             filler->now_unix - (MIN (met_days > 0 ? met_days : YEARS3_DAYS, YEARS3_DAYS) +
                                                 g_rand_int_range (filler->rand, 1, 20)) * DAY,
                             0);

      /* A few close people get their own rhythm, tighter than the circle's. */
      if (i == P_HILDEGARD || i == P_MAXIMILIAN)
        {
          bzw_contact_set_interval_ideal (contact, 120);
          bzw_contact_set_interval_max (contact, 365);
        }
      else if (i == P_IRMGARD)
        {
          bzw_contact_set_interval_ideal (contact, 10);
          bzw_contact_set_interval_max (contact, 21);
        }
      else if (i == P_HEIKE || i == P_VANESSA)
        {
          bzw_contact_set_interval_ideal (contact, 21);
          bzw_contact_set_interval_max (contact, 45);
        }

      if (!(p->flags & NO_MAIL))
        {
          g_autofree char *private_mail = g_strdup_printf ("%s.%s@%s", given, family,
                                                           i % 3 == 0 ? "example.net" : "example.org");

          bzw_contact_add_field (contact, BZW_FIELD_EMAIL, "privat", private_mail);
          if (p->org != NULL)
            {
              g_autofree char *work_mail = g_strdup_printf ("%c.%s@example.com", given[0], family);

              bzw_contact_add_field (contact, BZW_FIELD_EMAIL, "Arbeit", work_mail);
            }
        }

      mobile = g_strdup_printf ("+49 %s %03u %04u", i % 2 == 0 ? "176" : "152",
                                g_rand_int_range (filler->rand, 100, 1000),
                                g_rand_int_range (filler->rand, 0, 10000));
      bzw_contact_add_field (contact, BZW_FIELD_PHONE, "mobil", mobile);

      if (p->org != NULL || i % 3 == 1)
        {
          g_autofree char *phone = g_strdup_printf ("%s %03u", city->landline,
                                                    g_rand_int_range (filler->rand, 0, 1000));

          bzw_contact_add_field (contact, BZW_FIELD_PHONE, p->org != NULL ? "Arbeit" : "privat", phone);
        }

      if (i % 2 == 0 || (p->circles & (KUN | EMP)))
        {
          g_autofree char *street = g_strdup_printf ("%s %u",
                                                     streets[g_rand_int_range (filler->rand, 0,
                                                                               G_N_ELEMENTS (streets))],
                                                     g_rand_int_range (filler->rand, 1, 120));
          const char *parts[] = { "", "", street, city->city, "", city->postcode,
                                  g_str_has_prefix (city->landline, "+49") ? "Deutschland"
                                                                            : "" , NULL };
          g_autofree char *address = g_strjoinv (BZW_ADDRESS_SEPARATOR, (char **) parts);

          bzw_contact_add_field (contact, BZW_FIELD_ADDRESS, p->org != NULL ? "Arbeit" : "privat", address);
        }

      if (p->org != NULL && (p->circles & (KUN | EMP)))
        {
          g_autofree char *url = g_strdup_printf ("https://%s.example.com/", family);

          bzw_contact_add_field (contact, BZW_FIELD_URL, "Website", url);
        }

      for (guint c = 0; c < N_CIRCLES; c++)
        if (p->circles & (1u << c))
          g_array_append_val (circle_ids, filler->circle_ids[c]);
      bzw_contact_set_circle_ids (contact, circle_ids);

      if (!bzw_store_save_contact (filler->store, contact, error))
        return FALSE;

      filler->contact_ids[i] = bzw_contact_get_id (contact);
    }

  return TRUE;
}

static int
first_circle (const DemoPerson *p)
{
  for (int c = 0; c < N_CIRCLES; c++)
    if (p->circles & (1u << c))
      return c;

  return C_FREUNDE;
}

static gboolean
add_relationship (Filler      *filler,
                  int          a,
                  int          b,
                  const char  *kind,
                  const char  *note,
                  GError     **error)
{
  g_autoptr(BzwRelationship) rel = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *since = NULL;
  int lo = MIN (a, b);
  int hi = MAX (a, b);
  gpointer key = GINT_TO_POINTER (lo * 1000 + hi + 1);
  int met;

  if (a == b || g_hash_table_contains (filler->pairs, key))
    return TRUE;
  g_hash_table_add (filler->pairs, key);

  rel = bzw_relationship_new ();
  uid = dup_uid (filler);
  met = MAX (people[a].met_days, people[b].met_days);
  since = dup_day (filler, met > 0 ? g_rand_int_range (filler->rand, 30, met + 1)
                                   : g_rand_int_range (filler->rand, 2000, 9000));

  bzw_relationship_set_uid (rel, uid);
  bzw_relationship_set_a_id (rel, filler->contact_ids[a]);
  bzw_relationship_set_b_id (rel, filler->contact_ids[b]);
  bzw_relationship_set_kind (rel, kind);
  bzw_relationship_set_strength (rel, g_str_equal (kind, BZW_DEMO_KIND_FAMILY) ||
                                      g_str_equal (kind, BZW_DEMO_KIND_PARTNER)
                                      ? g_rand_int_range (filler->rand, 4, 6)
                                      : g_rand_int_range (filler->rand, 1, 6));
  bzw_relationship_set_since (rel, since);
  bzw_relationship_set_note (rel, note);

  if (!bzw_store_save_relationship (filler->store, rel, error))
    return FALSE;

  filler->n_relationships++;
  return TRUE;
}

static gboolean
add_relationships (Filler  *filler,
                   GError **error)
{
  static const struct { int a, b; const char *kind; const char *note; } fixed[] = {
    { P_JONAS, P_AYLIN, BZW_DEMO_KIND_PARTNER, "Verheiratet seit 2017" },
    { P_GISELA, P_RUEDIGER, BZW_DEMO_KIND_PARTNER, NULL },
    { P_AYLIN, P_EMRE, BZW_DEMO_KIND_FAMILY, "Geschwister" },
    { P_ANNA, P_HEIKE, BZW_DEMO_KIND_COLLEAGUE, "Beide bei der Rheinland Versicherung" },
    { P_OLIVER, P_SAMUEL, BZW_DEMO_KIND_COLLEAGUE, "Datenhafen AG" },
    { P_SOPHIE, P_JULIA, BZW_DEMO_KIND_FRIEND, NULL },
    { P_TOBIAS, P_HANNAH, BZW_DEMO_KIND_COLLEAGUE, "Lehrer an Nachbarschulen" },
    { P_MEHMET, P_CHIARA, BZW_DEMO_KIND_FRIEND, NULL },
    { P_MEHMET, P_ELIF, BZW_DEMO_KIND_FAMILY, "Cousine" },
    { P_MEHMET, P_YUSUF, BZW_DEMO_KIND_FRIEND, "Gastro-Kollegen aus Ehrenfeld" },
    { P_URSULA, P_ROBERT, BZW_DEMO_KIND_COLLEAGUE, "Früher in der gleichen Klinik" },
    { P_KLAUS, P_BIRGIT, BZW_DEMO_KIND_ACQUAINTANCE, NULL },
    { P_CLAUDIA, P_THOMAS, BZW_DEMO_KIND_BUSINESS_PARTNER, "Mandant" },
    { P_FRANK, P_WOLFGANG, BZW_DEMO_KIND_BUSINESS_PARTNER, "Kunde" },
    { P_DOMINIK, P_CARINA, BZW_DEMO_KIND_BUSINESS_PARTNER, NULL },
    { P_VANESSA, P_LARS, BZW_DEMO_KIND_ACQUAINTANCE, NULL },
    { P_MARLENE, P_NINA, BZW_DEMO_KIND_FRIEND, NULL },
    { P_DAVID, P_PAUL, BZW_DEMO_KIND_BUSINESS_PARTNER, NULL },
    { P_MARKUS, P_DAVID, BZW_DEMO_KIND_ACQUAINTANCE, "Konkurrenten, die sich mögen" },
    { P_JANA, P_HENRIK, BZW_DEMO_KIND_ACQUAINTANCE, "Gemeinsamer Vortrag" },
    { P_LISA, P_SANDRA, BZW_DEMO_KIND_ACQUAINTANCE, NULL },
    { P_MATTHIAS, P_CARINA, BZW_DEMO_KIND_ACQUAINTANCE, "Gründungsberatung" },
    { P_KASIA, P_PIOTR, BZW_DEMO_KIND_BUSINESS_PARTNER, NULL },
    { P_LAURA, P_TIM, BZW_DEMO_KIND_COLLEAGUE, NULL },
    { P_FELIX, P_MARLENE, BZW_DEMO_KIND_COLLEAGUE, "Journalisten" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    if (!add_relationship (filler, fixed[i].a, fixed[i].b, fixed[i].kind, fixed[i].note, error))
      return FALSE;

  /* Whom I introduced to whom. */
  for (guint i = 0; i < G_N_ELEMENTS (referrals); i++)
    {
      const DemoReferral *r = &referrals[i];

      if (r->giver == ME && r->referred != ME && r->effort >= 3 &&
          !add_relationship (filler, r->receiver, r->referred, BZW_DEMO_KIND_INTRODUCED_BY_ME, NULL, error))
        return FALSE;
    }

  /* Within a circle people know each other, some better than others. */
  for (int c = 0; c < N_CIRCLES; c++)
    for (int a = 0; a < N_PEOPLE; a++)
      for (int b = a + 1; b < N_PEOPLE; b++)
        {
          const char *kind = circles[c].relationship_kind;

          if (!(people[a].circles & people[b].circles & (1u << c)) ||
              g_rand_double (filler->rand) >= circles[c].relationship_odds)
            continue;

          if (c == C_VEREIN || c == C_ALUMNI)
            kind = g_rand_boolean (filler->rand) ? BZW_DEMO_KIND_FRIEND : BZW_DEMO_KIND_ACQUAINTANCE;

          if (!add_relationship (filler, a, b, kind, NULL, error))
            return FALSE;
        }

  return TRUE;
}

static BzwChannel
pick_channel (Filler           *filler,
              const DemoPerson *p)
{
  static const BzwChannel online[] = {
    BZW_CHANNEL_VIDEO, BZW_CHANNEL_VIDEO, BZW_CHANNEL_MESSAGE, BZW_CHANNEL_ONLINE, BZW_CHANNEL_PHONE,
  };
  int roll = g_rand_int_range (filler->rand, 0, 100);

  if (p->flags & ONLINE)
    return online[g_rand_int_range (filler->rand, 0, G_N_ELEMENTS (online))];

  /* Far away people are mostly called. */
  if (!g_str_equal (p->city, "Köln") && roll < 45)
    return roll < 30 ? BZW_CHANNEL_PHONE : BZW_CHANNEL_VIDEO;

  if (roll < 42)
    return BZW_CHANNEL_IN_PERSON;
  if (roll < 62)
    return BZW_CHANNEL_PHONE;
  if (roll < 72)
    return BZW_CHANNEL_VIDEO;
  if (roll < 88)
    return BZW_CHANNEL_MESSAGE;
  if (roll < 94)
    return BZW_CHANNEL_ONLINE;

  return BZW_CHANNEL_EVENT;
}

static gboolean
save_encounter (Filler      *filler,
                gint64       when,
                BzwChannel   channel,
                const char  *place,
                const char  *notes,
                const int   *who,
                guint        n_who,
                GError     **error)
{
  g_autoptr(BzwEncounter) encounter = bzw_encounter_new ();
  g_autofree char *uid = dup_uid (filler);

  bzw_encounter_set_uid (encounter, uid);
  bzw_encounter_set_happened_at (encounter, when);
  bzw_encounter_set_channel (encounter, channel);
  bzw_encounter_set_place (encounter, place);
  bzw_encounter_set_notes (encounter, notes);
  for (guint i = 0; i < n_who; i++)
    bzw_encounter_add_participant (encounter, filler->contact_ids[who[i]], NULL);

  return bzw_store_save_encounter (filler->store, encounter, error);
}

static gboolean
add_person_encounters (Filler  *filler,
                       GError **error)
{
  for (int i = 0; i < N_PEOPLE; i++)
    {
      const DemoPerson *p = &people[i];
      int circle = first_circle (p);
      int start = MIN (p->met_days > 0 ? p->met_days : YEARS3_DAYS, YEARS3_DAYS);
      double day = p->last;

      if (p->every <= 0)
        continue;

      while (day < start)
        {
          BzwChannel channel = pick_channel (filler, p);
          const char *place = NULL;
          const char *notes = circle_notes[circle][g_rand_int_range (filler->rand, 0, 8)];
          int who[3] = { i, 0, 0 };
          guint n_who = 1;
          gint64 when;

          switch (channel)
            {
            case BZW_CHANNEL_IN_PERSON:
              place = g_rand_boolean (filler->rand)
                      ? cafes[g_rand_int_range (filler->rand, 0, G_N_ELEMENTS (cafes))]
                      : circle_places[circle][g_rand_int_range (filler->rand, 0, 3)];
              when = moment (filler, (int) day, 8, 20);
              break;

            case BZW_CHANNEL_EVENT:
              place = event_places[g_rand_int_range (filler->rand, 0, G_N_ELEMENTS (event_places))];
              notes = "Zufällig getroffen und kurz geplaudert.";
              when = moment (filler, (int) day, 17, 20);
              break;

            case BZW_CHANNEL_ONLINE:
              place = g_rand_boolean (filler->rand) ? "LinkedIn" : "Mastodon";
              notes = "Auf einen Beitrag geantwortet, kurzer Austausch.";
              when = moment (filler, (int) day, 7, 22);
              break;

            case BZW_CHANNEL_MESSAGE:
              place = g_rand_boolean (filler->rand) ? "Signal" : "E-Mail";
              when = moment (filler, (int) day, 7, 22);
              break;

            default:
              when = moment (filler, (int) day, 9, 20);
              break;
            }

          /* Now and then somebody else of the same circle comes along. */
          if (channel == BZW_CHANNEL_IN_PERSON && g_rand_int_range (filler->rand, 0, 100) < 15)
            {
              int other = g_rand_int_range (filler->rand, 0, N_PEOPLE);

              if (other != i && (people[other].circles & p->circles) && !(people[other].flags & ONLINE))
                who[n_who++] = other;
            }

          if (!save_encounter (filler, when, channel, place, notes, who, n_who, error))
            return FALSE;

          /* Not every call ends up in the journal. */
          day += p->every * g_rand_double_range (filler->rand, 1.5, 3.5);
        }
    }

  return TRUE;
}

static gboolean
add_group_encounters (Filler  *filler,
                      GError **error)
{
  /* The referral group meets every Thursday for breakfast, since the
   * day I joined it; the club has an evening every month.
   */
  for (int day = 3; day < people[P_CLAUDIA].met_days; day += 7)
    {
      int who[N_PEOPLE];
      guint n_who = 0;

      for (int i = 0; i < N_PEOPLE; i++)
        if ((people[i].circles & EMP) && day >= people[i].last && day < people[i].met_days &&
            g_rand_int_range (filler->rand, 0, 100) < 75)
          who[n_who++] = i;

      if (n_who == 0)
        continue;

      if (!save_encounter (filler, moment (filler, day, 6, 6) + 30 * 60, BZW_CHANNEL_EVENT,
                           circle_places[C_EMPFEHLUNG][0],
                           circle_notes[C_EMPFEHLUNG][g_rand_int_range (filler->rand, 0, 8)],
                           who, n_who, error))
        return FALSE;
    }

  for (int day = 12; day < YEARS3_DAYS; day += 30)
    {
      int who[N_PEOPLE];
      guint n_who = 0;

      for (int i = 0; i < N_PEOPLE; i++)
        if ((people[i].circles & VER) && day >= people[i].last && day < people[i].met_days &&
            g_rand_int_range (filler->rand, 0, 100) < 50)
          who[n_who++] = i;

      if (n_who == 0)
        continue;

      if (!save_encounter (filler, moment (filler, day, 18, 19), BZW_CHANNEL_EVENT, "Bootshaus des Ruderclubs",
                           "Vereinsabend.", who, n_who, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_favours (Filler  *filler,
             GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (favours); i++)
    {
      const DemoFavour *f = &favours[i];
      g_autoptr(BzwFavour) favour = bzw_favour_new ();
      g_autofree char *uid = dup_uid (filler);
      g_autofree char *day = dup_day (filler, MIN (f->days_ago, YEARS3_DAYS - 10));
      BzwParty from = { f->from == ME ? 0 : filler->contact_ids[f->from], NULL };
      BzwParty to = { f->to == ME ? 0 : filler->contact_ids[f->to], NULL };

      bzw_favour_set_uid (favour, uid);
      bzw_favour_set_day (favour, day);
      bzw_favour_set_from (favour, &from);
      bzw_favour_set_to (favour, &to);
      bzw_favour_set_direction (favour, f->direction);
      bzw_favour_set_state (favour, f->state);
      bzw_favour_set_description (favour, f->description);
      bzw_favour_set_value_cents (favour, (gint64) f->euros * 100);

      if (f->state == BZW_FAVOUR_OPEN || f->state == BZW_FAVOUR_PROMISED)
        {
          /* Some are due already, which the overview shows. */
          g_autofree char *due = dup_day (filler, f->days_ago - g_rand_int_range (filler->rand, 7, 45));

          bzw_favour_set_due (favour, due);
        }

      if (!bzw_store_save_favour (filler->store, favour, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_referrals (Filler  *filler,
               GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (referrals); i++)
    {
      const DemoReferral *r = &referrals[i];
      g_autoptr(BzwReferral) referral = bzw_referral_new ();
      g_autofree char *uid = dup_uid (filler);
      g_autofree char *day = dup_day (filler, MIN (r->days_ago, YEARS3_DAYS - 10));
      BzwParty giver = { r->giver == ME ? 0 : filler->contact_ids[r->giver], NULL };
      BzwParty receiver = { r->receiver == ME ? 0 : filler->contact_ids[r->receiver], NULL };
      BzwParty referred = { r->referred == ME ? 0 : filler->contact_ids[r->referred],
                            (char *) r->referred_name };

      bzw_referral_set_uid (referral, uid);
      bzw_referral_set_day (referral, day);
      bzw_referral_set_giver (referral, &giver);
      bzw_referral_set_receiver (referral, &receiver);
      bzw_referral_set_referred (referral, &referred);
      bzw_referral_set_effort (referral, r->effort);
      bzw_referral_set_state (referral, r->state);
      bzw_referral_set_value_cents (referral, (gint64) r->euros * 100);
      bzw_referral_set_thanked (referral, r->thanked);
      bzw_referral_set_notes (referral, r->notes);

      if (!bzw_store_save_referral (filler->store, referral, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_empty (BzwStore  *store,
             GError   **error)
{
  if (!bzw_store_is_empty (store))
    {
      g_set_error_literal (error, BZW_STORE_ERROR, BZW_STORE_ERROR_NOT_EMPTY,
                           _("The example network can only be added to an empty database. "
                             "This database already contains data; nothing was changed."));
      return FALSE;
    }

  return TRUE;
}

/**
 * bzw_demo_fill:
 * @store: an empty store
 * @now: the moment the example network ends; its journal covers the three
 *   years before
 *
 * Fills @store with the example network of a freelance UX designer in Köln
 * in one transaction.  A store that is not empty is refused with
 * %BZW_STORE_ERROR_NOT_EMPTY and left as it was.
 */
gboolean
bzw_demo_fill (BzwStore   *store,
               GDateTime  *now,
               GError    **error)
{
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GHashTable) pairs = NULL;
  g_autofree gint64 *contact_ids = NULL;
  Filler filler = { 0 };
  gboolean ok;

  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (!check_empty (store, error))
    return FALSE;

  rand = g_rand_new_with_seed (DEMO_SEED);
  pairs = g_hash_table_new (NULL, NULL);
  contact_ids = g_new0 (gint64, N_PEOPLE);

  filler.store = store;
  filler.rand = rand;
  filler.now = now;
  filler.now_unix = g_date_time_to_unix (now);
  filler.contact_ids = contact_ids;
  filler.pairs = pairs;

  if (!bzw_store_begin_bulk (store, error))
    return FALSE;

  ok = add_circles (&filler, error) &&
       add_people (&filler, error) &&
       add_relationships (&filler, error) &&
       add_person_encounters (&filler, error) &&
       add_group_encounters (&filler, error) &&
       add_favours (&filler, error) &&
       add_referrals (&filler, error);

  g_debug ("Example network: %u relationships", filler.n_relationships);

  return bzw_store_finish (store, ok, error);
}

/* Synthetic networks for benchmarks */

static const char * const synthetic_given[] = {
  "Anna", "Ben", "Clara", "David", "Emma", "Finn", "Greta", "Hannes", "Ida", "Jonas", "Karla",
  "Leon", "Mia", "Noah", "Olga", "Paul", "Rosa", "Sami", "Tilda", "Umut", "Vera", "Wim",
  "Xenia", "Yusuf", "Zoe", "Jürgen", "Sören", "Małgorzata", "Ayşe", "Đorđe", "Chiara", "Mehmet",
};

static const char * const synthetic_family[] = {
  "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
  "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
  "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Weiß", "Öztürk",
  "Nowak", "Nguyen", "Romano", "Kowalski", "Yılmaz", "Papadopoulos", "Iwanowa",
};

static const char * const synthetic_orgs[] = {
  NULL, NULL, "Rheinland Versicherung AG", "Pixelwerk Digitalagentur", "Steuerkanzlei Becker",
  "Veedel Logistik GmbH", "Stadtbibliothek", "Fahrradmanufaktur", "Kanzlei Kaya", "Datenhafen AG",
};

static const char * const synthetic_offers[] = {
  NULL, "Steuerberatung", "Fotografie", "Webentwicklung", "Versicherungen", "Texte", "Druck",
  "Eventplanung", "IT-Betreuung", "Übersetzungen",
};

/**
 * bzw_demo_fill_synthetic:
 * @store: an empty store
 * @n_contacts: how many contacts
 * @n_entries: how many journal entries (about 70 % encounters, 18 % favours,
 *   12 % referrals)
 * @seed: the seed of the generator; the same seed and @now give the same
 *   network
 * @now: the journal covers the three years before
 *
 * Fills @store with a made-up network of any size, for benchmarks: the seven
 * circles, @n_contacts contacts, about 1.5 relationships per contact (an
 * average degree of 3) and @n_entries journal entries, in one transaction.
 */
gboolean
bzw_demo_fill_synthetic (BzwStore   *store,
                         guint       n_contacts,
                         guint       n_entries,
                         guint32     seed,
                         GDateTime  *now,
                         GError    **error)
{
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GHashTable) pairs = NULL;
  g_autofree gint64 *ids = NULL;
  Filler filler = { 0 };
  guint n_edges;
  gboolean ok = TRUE;

  g_return_val_if_fail (BZW_IS_STORE (store), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (!check_empty (store, error))
    return FALSE;

  rand = g_rand_new_with_seed (seed);
  pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  ids = g_new0 (gint64, MAX (n_contacts, 1));

  filler.store = store;
  filler.rand = rand;
  filler.now = now;
  filler.now_unix = g_date_time_to_unix (now);

  if (!bzw_store_begin_bulk (store, error))
    return FALSE;

  ok = add_circles (&filler, error);

  for (guint i = 0; ok && i < n_contacts; i++)
    {
      g_autoptr(BzwContact) contact = bzw_contact_new ();
      g_autofree char *uid = dup_uid (&filler);
      const char *given = synthetic_given[g_rand_int_range (rand, 0, G_N_ELEMENTS (synthetic_given))];
      const char *family = synthetic_family[g_rand_int_range (rand, 0, G_N_ELEMENTS (synthetic_family))];
      g_autofree char *display = g_strdup_printf ("%s %s", given, family);
      g_autofree char *mail = g_strdup_printf ("kontakt%u@example.org", i);
      g_autoptr(GArray) circle_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      guint n_circles = g_rand_int_range (rand, 0, 3);

      bzw_contact_set_uid (contact, uid);
      bzw_contact_set_display_name (contact, display);
      bzw_contact_set_given_name (contact, given);
      bzw_contact_set_family_name (contact, family);
      bzw_contact_set_organisation (contact,
                                    synthetic_orgs[g_rand_int_range (rand, 0, G_N_ELEMENTS (synthetic_orgs))]);
      bzw_contact_set_offers (contact,
                              synthetic_offers[g_rand_int_range (rand, 0, G_N_ELEMENTS (synthetic_offers))]);
      bzw_contact_set_seeks (contact,
                             synthetic_offers[g_rand_int_range (rand, 0, G_N_ELEMENTS (synthetic_offers))]);
      bzw_contact_set_met_in_person (contact, g_rand_int_range (rand, 0, 10) != 0);
      bzw_contact_set_trust (contact, g_rand_int_range (rand, BZW_TRUST_UNKNOWN, BZW_TRUST_YES + 1));
      bzw_contact_set_times (contact, filler.now_unix - g_rand_int_range (rand, 1, YEARS3_DAYS) * DAY, 0);
      bzw_contact_add_field (contact, BZW_FIELD_EMAIL, NULL, mail);

      for (guint c = 0; c < n_circles; c++)
        {
          gint64 circle_id = filler.circle_ids[g_rand_int_range (rand, 0, N_CIRCLES)];

          g_array_append_val (circle_ids, circle_id);
        }
      bzw_contact_set_circle_ids (contact, circle_ids);

      ok = bzw_store_save_contact (store, contact, error);
      ids[i] = bzw_contact_get_id (contact);
    }

  /* A spanning tree plus random edges: average degree 3. */
  n_edges = n_contacts > 1 ? n_contacts * 3 / 2 : 0;
  for (guint e = 0; ok && e < n_edges; e++)
    {
      guint a = e < n_contacts - 1 ? e + 1 : (guint) g_rand_int_range (rand, 0, n_contacts);
      guint b = (guint) g_rand_int_range (rand, 0, e < n_contacts - 1 ? a : n_contacts);
      gint64 *key;
      g_autoptr(BzwRelationship) rel = NULL;
      g_autofree char *uid = NULL;

      if (a == b)
        continue;

      key = g_new (gint64, 1);
      *key = (gint64) MIN (a, b) * n_contacts + MAX (a, b);
      if (!g_hash_table_add (pairs, key))
        continue;

      rel = bzw_relationship_new ();
      uid = dup_uid (&filler);
      bzw_relationship_set_uid (rel, uid);
      bzw_relationship_set_a_id (rel, ids[a]);
      bzw_relationship_set_b_id (rel, ids[b]);
      bzw_relationship_set_kind (rel, circles[g_rand_int_range (rand, 0, N_CIRCLES)].relationship_kind);
      bzw_relationship_set_strength (rel, g_rand_int_range (rand, 1, 6));
      ok = bzw_store_save_relationship (store, rel, error);
    }

  for (guint e = 0; ok && e < n_entries && n_contacts > 0; e++)
    {
      int roll = g_rand_int_range (rand, 0, 100);
      int days_ago = g_rand_int_range (rand, 1, YEARS3_DAYS + 1);
      BzwParty a = { ids[g_rand_int_range (rand, 0, n_contacts)], NULL };
      BzwParty b = { g_rand_boolean (rand) || n_contacts < 2 ? 0 : ids[g_rand_int_range (rand, 0, n_contacts)],
                     NULL };
      g_autofree char *uid = dup_uid (&filler);
      g_autofree char *day = dup_day (&filler, days_ago);

      if (a.contact_id == b.contact_id)
        b.contact_id = 0;

      if (roll < 70)
        {
          g_autoptr(BzwEncounter) encounter = bzw_encounter_new ();

          bzw_encounter_set_uid (encounter, uid);
          bzw_encounter_set_happened_at (encounter, moment (&filler, days_ago, 8, 20));
          bzw_encounter_set_channel (encounter, g_rand_int_range (rand, 0, BZW_N_CHANNELS));
          bzw_encounter_set_notes (encounter, circle_notes[g_rand_int_range (rand, 0, N_CIRCLES)][g_rand_int_range (rand, 0, 8)]);
          bzw_encounter_add_participant (encounter, a.contact_id, NULL);
          if (b.contact_id != 0)
            bzw_encounter_add_participant (encounter, b.contact_id, NULL);
          ok = bzw_store_save_encounter (store, encounter, error);
        }
      else if (roll < 88)
        {
          g_autoptr(BzwFavour) favour = bzw_favour_new ();
          const DemoFavour *f = &favours[g_rand_int_range (rand, 0, G_N_ELEMENTS (favours))];

          bzw_favour_set_uid (favour, uid);
          bzw_favour_set_day (favour, day);
          bzw_favour_set_from (favour, g_rand_boolean (rand) ? &a : &b);
          bzw_favour_set_to (favour, bzw_party_equal (bzw_favour_get_from (favour), &a) ? &b : &a);
          bzw_favour_set_direction (favour, g_rand_int_range (rand, 0, BZW_N_FAVOUR_DIRECTIONS));
          bzw_favour_set_state (favour, g_rand_int_range (rand, 0, BZW_N_FAVOUR_STATES));
          bzw_favour_set_description (favour, f->description);
          bzw_favour_set_value_cents (favour, (gint64) f->euros * 100);
          ok = bzw_store_save_favour (store, favour, error);
        }
      else
        {
          g_autoptr(BzwReferral) referral = bzw_referral_new ();
          BzwParty referred = { ids[g_rand_int_range (rand, 0, n_contacts)], NULL };
          BzwReferralState state = g_rand_int_range (rand, 0, BZW_N_REFERRAL_STATES);

          bzw_referral_set_uid (referral, uid);
          bzw_referral_set_day (referral, day);
          bzw_referral_set_giver (referral, &a);
          bzw_referral_set_receiver (referral, &b);
          bzw_referral_set_referred (referral, &referred);
          bzw_referral_set_effort (referral, g_rand_int_range (rand, 1, 6));
          bzw_referral_set_state (referral, state);
          bzw_referral_set_value_cents (referral,
                                        state == BZW_REFERRAL_WON ? g_rand_int_range (rand, 1, 500) * 10000 : 0);
          bzw_referral_set_thanked (referral, g_rand_boolean (rand));
          ok = bzw_store_save_referral (store, referral, error);
        }
    }

  return bzw_store_finish (store, ok, error);
}
