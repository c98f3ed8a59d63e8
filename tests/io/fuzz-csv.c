/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for the CSV reader with its automatic mapping. */

#include "config.h"

#include "bzw-csv-reader.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  BzwCsvReader *reader = bzw_csv_reader_new ((const char *) data, size, NULL);

  if (reader != NULL)
    {
      BzwParseResult *result = bzw_csv_reader_read_cards (reader);

      for (guint i = 0; i < bzw_csv_reader_get_n_columns (reader); i++)
        bzw_csv_reader_get_sample (reader, i);

      bzw_parse_result_unref (result);
      g_object_unref (reader);
    }

  return 0;
}
