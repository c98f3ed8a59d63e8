/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for the archive reader: the sniffing, the cutting into
 * parts (bzw_archive_split) and the reading of each part as the importer
 * does it, the contacts with the vCard reader and the journal with the
 * iCalendar reader.
 */

#include "config.h"

#include "bzw-archive.h"
#include "bzw-ical-journal.h"
#include "bzw-vcard-reader.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  GBytes *vcard = NULL;
  GBytes *calendar = NULL;
  GError *error = NULL;

  bzw_archive_looks_like (text, size);
  if (!bzw_archive_split (text, size, &vcard, &calendar, &error))
    {
      /* A refused archive says why and hands back nothing. */
      if (error == NULL || vcard != NULL || calendar != NULL)
        __builtin_trap ();
      g_error_free (error);
      return 0;
    }

  if (calendar != NULL)
    {
      gsize length = 0;
      const char *part = g_bytes_get_data (calendar, &length);
      BzwIcalJournal *journal = bzw_ical_journal_parse (part, length, NULL);

      if (journal != NULL)
        {
          bzw_ical_journal_get_n_entries (journal);
          bzw_ical_journal_free (journal);
        }
      g_bytes_unref (calendar);
    }

  {
    gsize length = 0;
    const char *part = g_bytes_get_data (vcard, &length);

    bzw_parse_result_unref (bzw_vcard_reader_parse (part, length));
    g_bytes_unref (vcard);
  }

  return 0;
}
