/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for the CSV reader with a mapping chosen by the user:
 * the first bytes of the input pick each column's target (and whether it
 * gets a label), the rest is the file.
 */

#include "config.h"

#include "bzw-csv-reader.h"

#include <stdint.h>

#define N_MAPPED 16

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  BzwCsvReader *reader;

  if (size < N_MAPPED)
    return 0;

  reader = bzw_csv_reader_new ((const char *) data + N_MAPPED, size - N_MAPPED, NULL);
  if (reader != NULL)
    {
      BzwParseResult *result;

      for (guint i = 0; i < bzw_csv_reader_get_n_columns (reader) && i < N_MAPPED; i++)
        bzw_csv_reader_set_target (reader, i, (data[i] & 0x7f) % BZW_CSV_N_TARGETS,
                                   (data[i] & 0x80) ? "Büro" : NULL);

      result = bzw_csv_reader_read_cards (reader);
      bzw_parse_result_unref (result);
      g_object_unref (reader);
    }

  return 0;
}
