/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-uri"

#include "config.h"

#include <string.h>

#include "ladder-uri.h"

/* Links come from frameworks and profiles other people send: they are
 * data, and a click is the only thing that may open one. What a click may
 * open is decided here, once, for the whole app. */

/**
 * ladder_uri_is_safe:
 * @uri: (nullable): a link as it appears in a framework or a profile
 *
 * Whether @uri may be opened when the user clicks it: an absolute http,
 * https or mailto URI (the scheme in any case), with a host for http and
 * https. Everything else is refused: javascript:, data:, file: and other
 * schemes that would run code or reach local files, relative references
 * that would resolve against who knows what, and text that is not a URI.
 *
 * This is the one gate for every place a link could become clickable:
 * the evidence editor's Open Link button, the PDF summary's link
 * annotations, and any exporter to come (a Markdown export must write a
 * link it refuses as plain text, not as `[text](uri)` or `<uri>`).
 * ladder_format_list_unsafe_links() uses it to warn about a file's links.
 * A refused link is still the user's text: show it, keep it, just do not
 * make it openable.
 *
 * Returns: %TRUE if @uri may be opened
 */
gboolean
ladder_uri_is_safe (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;
  const char *host;

  if (uri == NULL || !g_utf8_validate (uri, -1, NULL))
    return FALSE;

  /* No blanks or control characters hidden in the link: g_uri_parse()
   * lets some through, and other programs would read them differently.
   * Nor characters that a URI never holds, such as a quote that ends an
   * attribute elsewhere; nor invisible formatting, such as a right-to-left
   * override that shows "https://example.com/\u202Eevil" as ending in
   * "live". */
  for (const char *p = uri; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c <= ' ' || c == 0x7f || (c < 0x80 && strchr ("\"<>\\^`{|}", (char) c) != NULL))
        return FALSE;
      if (c >= 0x80 && (g_unichar_type (c) == G_UNICODE_FORMAT ||
                        g_unichar_type (c) == G_UNICODE_CONTROL ||
                        g_unichar_type (c) == G_UNICODE_LINE_SEPARATOR ||
                        g_unichar_type (c) == G_UNICODE_PARAGRAPH_SEPARATOR ||
                        g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR))
        return FALSE;
    }

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (parsed);
  host = g_uri_get_host (parsed);

  if (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
    return host != NULL && host[0] != '\0';

  if (g_ascii_strcasecmp (scheme, "mailto") == 0)
    return host == NULL && g_uri_get_path (parsed)[0] != '\0';

  return FALSE;
}
