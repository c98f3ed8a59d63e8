/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-vcard-reader"

#include "config.h"

#include "bzw-io-util.h"
#include "bzw-photo.h"
#include "bzw-vcard-private.h"
#include "bzw-vcard-reader.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* A card's photo: decoded with a bound on its size, then on its pixels
 * (bzw-photo.c), so a hostile file cannot make the app decode a huge
 * picture.
 */

/* A photo is stored at most BZW_PHOTO_MAX_SIDE pixels large; one whose
 * header claims too many pixels to decode is left out.
 */
static void
set_bounded_photo (BzwVcardCard *ctx,
                   BzwVcardLine *line,
                   GBytes       *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bounded = bzw_photo_bound (bytes, &error);

  if (bounded == NULL)
    {
      bzw_parse_result_add_problem (ctx->result, line->line, FALSE,
                                    /* Translators: %s is the reason, from bzw-photo.c. */
                                    _("The photo was left out: %s"), error->message);
      return;
    }

  bzw_contact_set_photo (ctx->card->contact, bounded);
}

static gboolean
set_photo_bytes (BzwVcardCard *ctx,
                 BzwVcardLine *line,
                 const char   *b64,
                 gsize         len)
{
  g_autoptr(GBytes) bytes = _bzw_vcard_base64_decode_bounded (b64, len, BZW_VCARD_MAX_PHOTO_SIZE);

  if (bytes == NULL)
    {
      bzw_parse_result_add_problem (ctx->result, line->line, FALSE,
                                    _("The photo is larger than %d MiB and was left out."),
                                    BZW_VCARD_MAX_PHOTO_SIZE / (1024 * 1024));
      return TRUE;
    }

  if (g_bytes_get_size (bytes) == 0)
    return FALSE;

  set_bounded_photo (ctx, line, bytes);
  return TRUE;
}

/* PHOTO (and LOGO-like data): inline base64, a data: URI, or a link that
 * is kept as a link and never fetched.
 */
void
_bzw_vcard_read_photo (BzwVcardCard *ctx,
                       BzwVcardLine *line)
{
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;
  const char *value_type = _bzw_vcard_line_get_param (line, "VALUE");

  if (ctx->has_photo)
    {
      _bzw_vcard_keep_line (ctx, line);
      return;
    }

  if (_bzw_vcard_line_is_encoding (line, "B", "BASE64"))
    {
      if (set_photo_bytes (ctx, line, line->value, line->value_len))
        ctx->has_photo = TRUE;
      return;
    }

  escaped = bzw_io_to_utf8 (line->value, line->value_len, NULL);
  text = _bzw_vcard_unescape (escaped);
  g_strstrip (text);

  if (g_ascii_strncasecmp (text, "data:", 5) == 0)
    {
      const char *comma = strchr (text, ',');

      if (comma != NULL)
        {
          g_autofree char *meta = g_strndup (text + 5, comma - text - 5);

          if (_bzw_vcard_contains_ci (meta, strlen (meta), ";base64"))
            {
              if (set_photo_bytes (ctx, line, comma + 1, strlen (comma + 1)))
                ctx->has_photo = TRUE;
              return;
            }
          else if (strlen (comma + 1) <= BZW_VCARD_MAX_PHOTO_SIZE)
            {
              g_autoptr(GBytes) bytes = g_uri_unescape_bytes (comma + 1, -1, NULL, NULL);

              if (bytes != NULL && g_bytes_get_size (bytes) > 0)
                {
                  set_bounded_photo (ctx, line, bytes);
                  ctx->has_photo = TRUE;
                  return;
                }
            }
        }
      _bzw_vcard_keep_line (ctx, line);
      return;
    }

  /* A link is kept as a link; nothing is ever fetched. */
  if ((value_type != NULL && (g_ascii_strcasecmp (value_type, "uri") == 0 ||
                              g_ascii_strcasecmp (value_type, "url") == 0)) ||
      g_uri_peek_scheme (text) != NULL)
    {
      bzw_contact_set_photo_uri (ctx->card->contact, text);
      ctx->has_photo = TRUE;
      return;
    }

  /* Some writers leave out ENCODING on base64 data. */
  if (strlen (text) >= 64 && _bzw_vcard_is_base64_line (text, strlen (text)) &&
      set_photo_bytes (ctx, line, text, strlen (text)))
    {
      ctx->has_photo = TRUE;
      return;
    }

  _bzw_vcard_keep_line (ctx, line);
}
