/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Ladder's file formats: reading a document of any kind from data or from
 * a file (with the size limit that writing keeps too), and the links a
 * document holds that are not safe to open. The JSON layer is in
 * ladder-format-json.c; frameworks and profiles have files of their own. */

#define G_LOG_DOMAIN "ladder-format"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ladder-format.h"
#include "ladder-format-private.h"
#include "ladder-format-json-private.h"
#include "ladder-uri.h"

G_DEFINE_QUARK (ladder-format-error-quark, ladder_format_error)

typedef enum
{
  READ_ANY,
  READ_FRAMEWORK,
  READ_PROFILE,
  READ_CHECKIN,
} ReadKind;

/* A check-in alone: { "format": "ladder-checkin", "version": 1,
 * "profile": ID, "checkin": { the check-in as a profile holds it } }. */
static LadderCheckin *
read_checkin_node (LadderFormatReader *r,
                   JsonNode           *root)
{
  g_autoptr(JsonArray) array = NULL;
  g_autoptr(GHashTable) seen = NULL;
  LadderCheckin *checkin = NULL;
  JsonObject *object = json_node_get_object (root);
  JsonNode *node;
  const char *profile_id;
  gboolean newer;

  if (!_ladder_format_check_format (r, object, WHERE_TOP, CHECKIN_FORMAT, TRUE) ||
      !_ladder_format_read_version (r, object, WHERE_TOP, TRUE, &newer) ||
      !_ladder_format_read_required_string (r, object, WHERE_TOP, "profile", &profile_id))
    return NULL;
  r->newer |= newer;

  /* A draft is only ever its own profile's: one found under another's
   * name is neither shown, finished nor removed for that one. */
  if (g_strcmp0 (profile_id, r->profile_id) != 0)
    {
      _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_OTHER_PROFILE, WHERE_VALUE (object, "profile"),
                                  _("This draft check-in belongs to another profile (“%s”)."), profile_id);
      return NULL;
    }

  node = json_object_get_member (object, "checkin");
  if (node == NULL)
    {
      _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_TOP,
                                  _("The member “%s” is missing."), "checkin");
      return NULL;
    }

  /* The same reader as a profile's list of check-ins, on a list of one. */
  array = json_array_new ();
  json_array_add_element (array, json_node_ref (node));
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  if (!_ladder_format_read_checkin (r, NULL, r->framework, array, 0, seen, &checkin))
    return NULL;

  return checkin;
}

static GObject *
read_root (LadderFormatReader *r,
           JsonNode           *root,
           ReadKind            kind)
{
  JsonObject *object;
  JsonNode *format_node;
  const char *expected;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_UNKNOWN_FORMAT, WHERE_TOP,
                                  _("This is not a Ladder file: it holds no JSON object."));
      return NULL;
    }

  object = json_node_get_object (root);

  if (kind == READ_ANY)
    {
      const char *format = NULL;

      format_node = json_object_get_member (object, "format");
      if (format_node != NULL && _ladder_format_node_is_string (format_node))
        format = json_node_get_string (format_node);

      kind = g_strcmp0 (format, PROFILE_FORMAT) == 0 ? READ_PROFILE : READ_FRAMEWORK;

      /* Unknown or missing: say so without claiming it should have been
       * a framework. */
      if (format == NULL || (kind == READ_FRAMEWORK && !g_str_equal (format, FRAMEWORK_FORMAT)))
        {
          if (!_ladder_format_check_format (r, object, WHERE_TOP, "", TRUE))
            return NULL;
        }
    }

  expected = kind == READ_PROFILE ? PROFILE_FORMAT :
             kind == READ_CHECKIN ? CHECKIN_FORMAT : FRAMEWORK_FORMAT;
  if (!_ladder_format_check_format (r, object, WHERE_TOP, expected, TRUE))
    return NULL;

  if (kind == READ_PROFILE)
    return G_OBJECT (_ladder_format_read_profile_node (r, root));
  else if (kind == READ_CHECKIN)
    return G_OBJECT (read_checkin_node (r, root));
  else
    return G_OBJECT (_ladder_format_read_framework_node (r, root, WHERE_TOP, TRUE));
}

static GObject *
read_document (const char       *data,
               gsize             length,
               const char       *filename,
               ReadKind          kind,
               LadderFramework  *framework,
               const char       *profile_id,
               GError          **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GObject) result = NULL;
  LadderFormatReader r = { 0, };

  if (filename == NULL)
    filename = "<data>";

  if (length > LADDER_FORMAT_MAX_SIZE)
    {
      g_set_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_TOO_LARGE,
                   _("“%s” is too large; Ladder reads files up to %u MB."),
                   filename, (guint) (LADDER_FORMAT_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }

  /* json-glib skips a BOM too, but then its columns on the first line
   * would not match ours. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  /* A profile's evidence is read entry by entry; what does not read that
   * way is read below, which says what is wrong and where. */
  if (kind == READ_PROFILE)
    {
      LadderProfile *profile = _ladder_format_read_profile_by_entry (data, length, filename);

      if (profile != NULL)
        return G_OBJECT (profile);
    }

  parser = g_object_new (LADDER_TYPE_COUNTING_PARSER, "strict", TRUE, NULL);
  if (length == 0 || !json_parser_load_from_data (parser, data, (gssize) length, NULL))
    {
      _ladder_format_set_parse_error (filename, data, length, error);
      return NULL;
    }

  if (LADDER_COUNTING_PARSER (parser)->duplicate)
    {
      _ladder_format_set_duplicate_error (filename, data, length, error);
      return NULL;
    }

  r.filename = filename;
  r.framework = framework;
  r.profile_id = profile_id;
  r.data = data;
  r.length = length;
  r.strings = g_ptr_array_new ();

  result = read_root (&r, json_parser_get_root (parser), kind);
  if (result != NULL)
    {
      _ladder_format_reader_clear (&r);
      return g_steal_pointer (&result);
    }

  /* The slow path: the same checks again, now knowing positions. */
  {
    g_autoptr(LadderPositionParser) positions = NULL;
    g_autoptr(GObject) again = NULL;
    LadderFormatReader slow = r;

    slow.error = NULL;
    slow.strings = g_ptr_array_new ();
    positions = _ladder_position_parser_parse (data, length, NULL);
    slow.positions = positions;

    again = read_root (&slow, json_parser_get_root (JSON_PARSER (positions)), kind);
    if (slow.error != NULL)
      g_propagate_error (error, g_steal_pointer (&slow.error));
    else
      g_propagate_error (error, g_steal_pointer (&r.error));

    _ladder_format_reader_clear (&slow);
  }

  _ladder_format_reader_clear (&r);

  return NULL;
}

/**
 * ladder_format_read_framework:
 * @data: (array length=length): UTF-8 JSON, not necessarily NUL-terminated
 * @length: the length of @data in bytes
 * @filename: (nullable): the name of the data in error messages
 * @error: return location for a #GError
 *
 * Reads a framework file. A UTF-8 byte order mark is skipped. Members that
 * Ladder does not know are kept on the objects they belong to and written
 * back by ladder_format_write_framework(). A framework of a newer version
 * keeps its whole tree and is written back exactly as it was read.
 *
 * Errors are in %LADDER_FORMAT_ERROR, with messages of the form
 * "FILE:LINE:COL: what is wrong" (the column counts characters from 1).
 *
 * Returns: (transfer full): the framework, or %NULL on error
 */
LadderFramework *
ladder_format_read_framework (const char  *data,
                              gsize        length,
                              const char  *filename,
                              GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return LADDER_FRAMEWORK (read_document (data != NULL ? data : "", length, filename,
                                          READ_FRAMEWORK, NULL, NULL, error));
}

/**
 * ladder_format_read_profile:
 * @data: (array length=length): UTF-8 JSON, not necessarily NUL-terminated
 * @length: the length of @data in bytes
 * @filename: (nullable): the name of the data in error messages
 * @error: return location for a #GError
 *
 * Reads a profile file with its embedded framework. Every rating,
 * evidence link and snapshot entry must name a behaviour of that framework
 * and the current and target levels must be its levels
 * (%LADDER_FORMAT_ERROR_DANGLING otherwise). A profile of a newer version
 * loads with #LadderProfile:read-only set and keeps its whole tree.
 *
 * Returns: (transfer full): the profile, or %NULL on error
 */
LadderProfile *
ladder_format_read_profile (const char  *data,
                            gsize        length,
                            const char  *filename,
                            GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return LADDER_PROFILE (read_document (data != NULL ? data : "", length, filename,
                                        READ_PROFILE, NULL, NULL, error));
}

/**
 * ladder_format_read:
 * @data: (array length=length): UTF-8 JSON, not necessarily NUL-terminated
 * @length: the length of @data in bytes
 * @filename: (nullable): the name of the data in error messages
 * @error: return location for a #GError
 *
 * Reads a framework or a profile, whichever the data's `format` says.
 *
 * Returns: (transfer full): a #LadderFramework or a #LadderProfile, or
 *   %NULL on error
 */
GObject *
ladder_format_read (const char  *data,
                    gsize        length,
                    const char  *filename,
                    GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_document (data != NULL ? data : "", length, filename, READ_ANY, NULL, NULL,
                        error);
}

static char *
describe_size (goffset size)
{
  /* The limit is 64 × 2²⁰ bytes and called 64 MB; sizes use the same unit
   * so that the numbers compare. */
  return g_strdup_printf ("%.1f MB", (double) size / (1024.0 * 1024.0));
}

static void
set_too_large_error (GError     **error,
                     const char  *name,
                     goffset      size)
{
  if (size > 0)
    {
      g_autofree char *described = describe_size (size);

      g_set_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_TOO_LARGE,
                   _("“%s” is too large (%s); Ladder reads files up to %u MB."),
                   name, described, (guint) (LADDER_FORMAT_MAX_SIZE / (1024 * 1024)));
    }
  else
    {
      g_set_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_TOO_LARGE,
                   _("“%s” is too large; Ladder reads files up to %u MB."),
                   name, (guint) (LADDER_FORMAT_MAX_SIZE / (1024 * 1024)));
    }
}

/**
 * ladder_format_read_checkin:
 * @data: (array length=length): UTF-8 JSON, not necessarily NUL-terminated
 * @length: the length of @data in bytes
 * @filename: (nullable): the name of the data in error messages
 * @profile_id: the id of the profile the check-in is read for
 * @framework: the framework of that profile
 * @error: return location for a #GError
 *
 * Reads one check-in written by ladder_format_write_checkin(), with the
 * same checks as a check-in in a profile file. A check-in written for
 * another profile than @profile_id is refused
 * (%LADDER_FORMAT_ERROR_OTHER_PROFILE).
 *
 * Returns: (transfer full): the check-in, or %NULL on error
 */
LadderCheckin *
ladder_format_read_checkin (const char       *data,
                            gsize             length,
                            const char       *filename,
                            const char       *profile_id,
                            LadderFramework  *framework,
                            GError          **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (profile_id != NULL, NULL);
  g_return_val_if_fail (LADDER_IS_FRAMEWORK (framework), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return LADDER_CHECKIN (read_document (data != NULL ? data : "", length, filename,
                                        READ_CHECKIN, framework, profile_id, error));
}

/* Why a file could not be read, for a person: GIO's messages name the
 * file again, in another form, after ours has. */
void
_ladder_format_set_read_error (GError       **error,
                               const char    *name,
                               const GError  *local_error)
{
  const char *reason;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    reason = _("The file does not exist.");
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    reason = _("You do not have permission to read it.");
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    reason = _("A part of the path is a file, not a folder.");
  else
    reason = local_error->message;

  g_set_error (error, local_error->domain, local_error->code,
               _("Could not read “%s”: %s"), name, reason);
}

/**
 * ladder_format_load_contents:
 * @file: the file to read
 * @contents: (out) (transfer full): the contents, NUL-terminated
 * @length: (out) (optional): the length of @contents without the NUL
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a whole file of at most %LADDER_FORMAT_MAX_SIZE bytes. A folder
 * (%G_IO_ERROR_IS_DIRECTORY), a special file such as a device or a FIFO
 * (%G_IO_ERROR_NOT_REGULAR_FILE) and a larger file
 * (%LADDER_FORMAT_ERROR_TOO_LARGE) are refused with a message that names
 * the file. The size is checked before reading and the reading stops at
 * the limit too, so a file that grows meanwhile cannot make it read more.
 *
 * Returns: %TRUE on success
 */
gboolean
ladder_format_load_contents (GFile         *file,
                             char         **contents,
                             gsize         *length,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *buffer = NULL;
  GFileType type;
  goffset size = 0;
  gsize capacity;
  gsize used = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_file_get_parse_name (file);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL)
    {
      _ladder_format_set_read_error (error, name, local_error);
      return FALSE;
    }

  type = g_file_info_get_file_type (info);
  /* Following links, GIO only reports a link when it leads nowhere. */
  if (type == G_FILE_TYPE_SYMBOLIC_LINK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is a link to no file: what it names is missing, or it links "
                     "back to itself."), name);
      return FALSE;
    }
  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder, not a file."), name);
      return FALSE;
    }
  if (type != G_FILE_TYPE_REGULAR && type != G_FILE_TYPE_UNKNOWN)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file."), name);
      return FALSE;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    size = g_file_info_get_size (info);
  if (size > LADDER_FORMAT_MAX_SIZE)
    {
      set_too_large_error (error, name, size);
      return FALSE;
    }

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      _ladder_format_set_read_error (error, name, local_error);
      return FALSE;
    }

  /* One byte more than the size said, to notice a file that grew. */
  capacity = (gsize) MAX (size, 0) + 1;
  buffer = g_malloc (capacity + 1);

  for (;;)
    {
      gssize n;

      if (used == capacity)
        {
          if (capacity > LADDER_FORMAT_MAX_SIZE)
            {
              set_too_large_error (error, name, 0);
              return FALSE;
            }
          capacity = MIN (capacity * 2, (gsize) LADDER_FORMAT_MAX_SIZE + 1);
          buffer = g_realloc (buffer, capacity + 1);
        }

      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer + used, capacity - used,
                               cancellable, &local_error);
      if (n < 0)
        {
          _ladder_format_set_read_error (error, name, local_error);
          return FALSE;
        }
      if (n == 0)
        break;

      used += (gsize) n;
    }

  buffer[used] = '\0';
  *contents = g_steal_pointer (&buffer);
  if (length != NULL)
    *length = used;

  return TRUE;
}

/**
 * ladder_format_load_framework:
 * @file: a framework file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * ladder_format_load_contents() and ladder_format_read_framework(), with
 * the file's name in errors.
 *
 * Returns: (transfer full): the framework, or %NULL on error
 */
LadderFramework *
ladder_format_load_framework (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ladder_format_load_contents (file, &contents, &length, cancellable, error))
    return NULL;

  name = g_file_get_parse_name (file);

  return ladder_format_read_framework (contents, length, name, error);
}

/**
 * ladder_format_load_profile:
 * @file: a profile file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * ladder_format_load_contents() and ladder_format_read_profile(), with the
 * file's name in errors. Sets the profile's #LadderProfile:file to @file;
 * a file of a newer version loads read-only.
 *
 * Returns: (transfer full): the profile, or %NULL on error
 */
LadderProfile *
ladder_format_load_profile (GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(LadderProfile) profile = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ladder_format_load_contents (file, &contents, &length, cancellable, error))
    return NULL;

  name = g_file_get_parse_name (file);
  profile = ladder_format_read_profile (contents, length, name, error);
  if (profile == NULL)
    return NULL;

  ladder_profile_set_file (profile, file);

  return g_steal_pointer (&profile);
}

static char *
describe_unsafe_link (const char *link)
{
  const char * const safe_schemes[] = { "http", "https", "mailto", NULL };
  const char *scheme = g_uri_peek_scheme (link);

  if (scheme != NULL && !g_strv_contains (safe_schemes, scheme))
    /* Translators: %s is the scheme of a link in a file, such as
     * "javascript" or "file" */
    return g_strdup_printf (_("This “%s:” link will not open from Ladder or its PDF summary: "
                              "only web and email links do."), scheme);

  return g_strdup (_("This link is not a whole web or email address: it will not open from "
                     "Ladder or its PDF summary."));
}

/**
 * ladder_format_list_unsafe_links:
 * @data: (array length=length): a profile file's UTF-8 JSON, not
 *   necessarily NUL-terminated
 * @length: the length of @data in bytes
 * @filename: (nullable): the name of the data in the messages
 *
 * Finds the evidence links of a profile file that ladder_uri_is_safe()
 * refuses (javascript:, file:, data:, a bare word…): links that Ladder
 * keeps and shows as text but never opens. Each is a warning of the form
 * "FILE:LINE:COL: what is wrong", at the link's opening quote. Parsing
 * with positions costs more than reading the file: call it when the
 * profile's links show there is something to find.
 *
 * Returns: (transfer full): one message per unsafe link in the order of
 *   the file; empty when there is none or @data is no profile
 */
char **
ladder_format_list_unsafe_links (const char *data,
                                 gsize       length,
                                 const char *filename)
{
  g_autoptr(GStrvBuilder) messages = g_strv_builder_new ();
  g_autoptr(LadderPositionParser) positions = NULL;
  LadderFormatReader r = { 0, };
  JsonNode *root;
  JsonNode *evidence;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (filename == NULL)
    filename = "<data>";

  /* The same text the readers see, so the same lines and columns. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (length == 0 || length > LADDER_FORMAT_MAX_SIZE)
    return g_strv_builder_end (messages);

  positions = _ladder_position_parser_parse (data, length, NULL);
  root = json_parser_get_root (JSON_PARSER (positions));
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return g_strv_builder_end (messages);

  evidence = json_object_get_member (json_node_get_object (root), "evidence");
  if (evidence == NULL || !JSON_NODE_HOLDS_ARRAY (evidence))
    return g_strv_builder_end (messages);

  r.filename = filename;
  r.data = data;
  r.length = length;
  r.positions = positions;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (evidence)); i++)
    {
      JsonNode *entry = json_array_get_element (json_node_get_array (evidence), i);
      JsonNode *links_node;
      JsonArray *links;

      /* A deleted entry's links are not read, nor written back. */
      if (!JSON_NODE_HOLDS_OBJECT (entry) ||
          json_object_get_boolean_member_with_default (json_node_get_object (entry), "deleted",
                                                       FALSE))
        continue;
      links_node = json_object_get_member (json_node_get_object (entry), "links");
      if (links_node == NULL || !JSON_NODE_HOLDS_ARRAY (links_node))
        continue;
      links = json_node_get_array (links_node);

      for (guint j = 0; j < json_array_get_length (links); j++)
        {
          JsonNode *link = json_array_get_element (links, j);
          g_autofree char *message = NULL;
          guint line, column;

          if (!_ladder_format_node_is_string (link) || ladder_uri_is_safe (json_node_get_string (link)))
            continue;

          _ladder_format_position_parser_line_column (positions, data,
                                                      _ladder_format_reader_locate (&r, WHERE_ELEMENT (links, j)),
                                                      &line, &column);
          message = describe_unsafe_link (json_node_get_string (link));
          g_strv_builder_take (messages, g_strdup_printf ("%s:%u:%u: %s", filename, line,
                                                          column, message));
        }
    }

  return g_strv_builder_end (messages);
}

/**
 * ladder_format_copy_framework:
 * @framework: a #LadderFramework
 *
 * A framework of its own with everything @framework holds, the members
 * Ladder does not know included: what a new profile embeds, so that
 * editing its copy (its readiness rule) leaves the library's alone.
 *
 * Returns: (transfer full): a new framework
 */
LadderFramework *
ladder_format_copy_framework (LadderFramework *framework)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  LadderFramework *copy;
  gsize length;

  g_return_val_if_fail (LADDER_IS_FRAMEWORK (framework), NULL);

  data = ladder_format_write_framework (framework, &length);
  copy = ladder_format_read_framework (data, length, ladder_framework_get_id (framework), &error);
  /* What the writer writes, the reader reads. */
  g_assert_no_error (error);

  return copy;
}
