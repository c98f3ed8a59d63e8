/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target for the vCard reader, and the writer on what it reads:
 * every card read is written again and read back.
 */

#include "config.h"

#include "bzw-vcard-reader.h"
#include "bzw-vcard-writer.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  BzwParseResult *result = bzw_vcard_reader_parse ((const char *) data, size);

  for (guint i = 0; i < result->cards->len; i++)
    {
      BzwParsedCard *card = g_ptr_array_index (result->cards, i);
      char *text;
      BzwParseResult *again;

      g_ptr_array_add (card->categories, NULL);
      text = bzw_vcard_writer_write_contact (card->contact, (const char * const *) card->categories->pdata);
      g_ptr_array_remove_index (card->categories, card->categories->len - 1);

      again = bzw_vcard_reader_parse (text, strlen (text));
      /* What the writer writes, the reader reads whole. */
      if (again->cards->len != 1 || again->problems->len != 0)
        __builtin_trap ();
      bzw_parse_result_unref (again);
      g_free (text);
    }

  bzw_parse_result_unref (result);
  return 0;
}
