/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The JSON layer of Ladder's file formats, below what any document means.
 *
 * Reading is two-speed. The fast path parses with a plain JsonParser and
 * builds the model straight from the nodes. json-glib keeps no positions
 * in its tree, so when the data turns out to be wrong the reader parses it
 * again with a parser that records where every member and element starts,
 * runs the same checks again, and this time the first failure can name its
 * line and column. Valid files, the common case, pay nothing for that.
 *
 * A profile's evidence, most of a large file, is not parsed as one tree:
 * a skim (ladder-format-skim.c) finds where each entry starts and ends,
 * and each is parsed, read and freed before the next
 * (ladder-format-profile.c); anything that does not read so is read the
 * ordinary way, which tells what is wrong.
 *
 * Here: those two parsers, the reader's helpers for each kind of member
 * (each failing with FILE:LINE:COLUMN on the slow path), the messages for
 * data that does not parse at all, and the writer's helpers. What the
 * members mean is in ladder-format-framework.c and ladder-format-profile*.c,
 * each field's reader beside its writer. */

#define G_LOG_DOMAIN "ladder-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-format.h"
#include "ladder-format-json-private.h"
#include "ladder-json-private.h"
#include "ladder-time-private.h"

/* A file of a newer version keeps its whole tree, which is what is
 * written back if anything is written at all. */
GQuark
_ladder_format_original_quark (void)
{
  return g_quark_from_static_string ("ladder-format-original");
}

G_DEFINE_FINAL_TYPE (LadderPositionParser, ladder_position_parser, JSON_TYPE_PARSER)

/* The byte offset of the token the scanner has just read: json-glib
 * counts lines from 1 and, within a line, the bytes read so far. */
static gsize
position_parser_offset (LadderPositionParser *self)
{
  guint line = json_parser_get_current_line (JSON_PARSER (self));
  guint pos = json_parser_get_current_pos (JSON_PARSER (self));
  gsize start;

  if (line == 0 || line > self->line_starts->len)
    return 0;

  start = g_array_index (self->line_starts, gsize, line - 1);

  return pos > 0 ? start + pos - 1 : start;
}

static void
position_parser_push (LadderPositionParser *self)
{
  gsize offset = position_parser_offset (self);

  g_array_append_val (self->open, offset);
}

static void
position_parser_pop (LadderPositionParser *self)
{
  if (self->open->len > 0)
    g_array_set_size (self->open, self->open->len - 1);
}

/* A member or element starts after the delimiter before it: the opening
 * bracket for the first, the comma after the previous one for the rest.
 * The parser reports a member once it has read its value and the comma
 * after it, so the delimiter of the next member is known then too. */
static void
position_parser_record (LadderPositionParser *self,
                        char                 *key)
{
  gsize *last;

  if (self->open->len == 0)
    {
      g_free (key);
      return;
    }

  last = &g_array_index (self->open, gsize, self->open->len - 1);
  g_hash_table_replace (self->delimiters, key, GSIZE_TO_POINTER (*last + 1));
  *last = position_parser_offset (self);
}

static void
ladder_position_parser_object_start (JsonParser *parser)
{
  position_parser_push (LADDER_POSITION_PARSER (parser));
}

static void
ladder_position_parser_object_member (JsonParser  *parser,
                                      JsonObject  *object,
                                      const char  *member_name)
{
  LadderPositionParser *self = LADDER_POSITION_PARSER (parser);
  char *key = g_strdup_printf ("%p:%s", (gpointer) object, member_name);

  if (self->duplicate == NULL && self->open->len > 0 &&
      g_hash_table_contains (self->delimiters, key))
    {
      self->duplicate = g_strdup (member_name);
      self->duplicate_offset = g_array_index (self->open, gsize, self->open->len - 1) + 1;
    }

  position_parser_record (self, key);
}

static void
ladder_position_parser_object_end (JsonParser *parser,
                                   JsonObject *object)
{
  position_parser_pop (LADDER_POSITION_PARSER (parser));
}

static void
ladder_position_parser_array_start (JsonParser *parser)
{
  position_parser_push (LADDER_POSITION_PARSER (parser));
}

static void
ladder_position_parser_array_element (JsonParser *parser,
                                      JsonArray  *array,
                                      int         index_)
{
  position_parser_record (LADDER_POSITION_PARSER (parser),
                          g_strdup_printf ("%p#%d", (gpointer) array, index_));
}

static void
ladder_position_parser_array_end (JsonParser *parser,
                                  JsonArray  *array)
{
  position_parser_pop (LADDER_POSITION_PARSER (parser));
}

static void
ladder_position_parser_error (JsonParser   *parser,
                              const GError *error)
{
  LadderPositionParser *self = LADDER_POSITION_PARSER (parser);

  if (self->error_line == 0)
    {
      self->error_line = json_parser_get_current_line (parser);
      self->error_pos = json_parser_get_current_pos (parser);
    }
}

static void
ladder_position_parser_finalize (GObject *object)
{
  LadderPositionParser *self = LADDER_POSITION_PARSER (object);

  g_clear_pointer (&self->line_starts, g_array_unref);
  g_clear_pointer (&self->open, g_array_unref);
  g_clear_pointer (&self->delimiters, g_hash_table_unref);
  g_clear_pointer (&self->duplicate, g_free);

  G_OBJECT_CLASS (ladder_position_parser_parent_class)->finalize (object);
}

static void
ladder_position_parser_class_init (LadderPositionParserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JsonParserClass *parser_class = JSON_PARSER_CLASS (klass);

  object_class->finalize = ladder_position_parser_finalize;

  parser_class->object_start = ladder_position_parser_object_start;
  parser_class->object_member = ladder_position_parser_object_member;
  parser_class->object_end = ladder_position_parser_object_end;
  parser_class->array_start = ladder_position_parser_array_start;
  parser_class->array_element = ladder_position_parser_array_element;
  parser_class->array_end = ladder_position_parser_array_end;
  parser_class->error = ladder_position_parser_error;
}

static void
ladder_position_parser_init (LadderPositionParser *self)
{
  self->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->open = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->delimiters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Parses @data (BOM already stripped) recording positions. Returns the
 * parser whatever the outcome: after a syntax error it holds the error's
 * position. */
LadderPositionParser *
_ladder_position_parser_parse (const char  *data,
                               gsize        length,
                               GError     **error)
{
  LadderPositionParser *self;
  gsize zero = 0;

  self = g_object_new (LADDER_TYPE_POSITION_PARSER, "strict", TRUE, NULL);

  g_array_append_val (self->line_starts, zero);
  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == '\n')
        {
          gsize next = i + 1;

          g_array_append_val (self->line_starts, next);
        }
    }

  json_parser_load_from_data (JSON_PARSER (self), data, length, error);

  return self;
}

/* json-glib keeps the last of two members of the same name and says
 * nothing. Another program may take the first, and Ladder would drop it on
 * the next save, so a document with a duplicate member is refused. The
 * fast path only counts the members each object was given against those
 * it kept; the position parser then says which member it was, and where. */

G_DEFINE_FINAL_TYPE (LadderCountingParser, ladder_counting_parser, JSON_TYPE_PARSER)

static void
ladder_counting_parser_object_start (JsonParser *parser)
{
  LadderCountingParser *self = LADDER_COUNTING_PARSER (parser);
  guint zero = 0;

  g_array_append_val (self->counts, zero);
}

static void
ladder_counting_parser_object_member (JsonParser *parser,
                                      JsonObject *object,
                                      const char *member_name)
{
  LadderCountingParser *self = LADDER_COUNTING_PARSER (parser);

  if (self->counts->len > 0)
    g_array_index (self->counts, guint, self->counts->len - 1)++;
}

static void
ladder_counting_parser_object_end (JsonParser *parser,
                                   JsonObject *object)
{
  LadderCountingParser *self = LADDER_COUNTING_PARSER (parser);

  if (self->counts->len == 0)
    return;

  if (g_array_index (self->counts, guint, self->counts->len - 1) != json_object_get_size (object))
    self->duplicate = TRUE;
  g_array_set_size (self->counts, self->counts->len - 1);
}

static void
ladder_counting_parser_finalize (GObject *object)
{
  LadderCountingParser *self = LADDER_COUNTING_PARSER (object);

  g_clear_pointer (&self->counts, g_array_unref);

  G_OBJECT_CLASS (ladder_counting_parser_parent_class)->finalize (object);
}

static void
ladder_counting_parser_class_init (LadderCountingParserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JsonParserClass *parser_class = JSON_PARSER_CLASS (klass);

  object_class->finalize = ladder_counting_parser_finalize;

  parser_class->object_start = ladder_counting_parser_object_start;
  parser_class->object_member = ladder_counting_parser_object_member;
  parser_class->object_end = ladder_counting_parser_object_end;
}

static void
ladder_counting_parser_init (LadderCountingParser *self)
{
  self->counts = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* Line (from 1) and column (from 1, in characters) of a byte offset. */
static void
offset_to_line_column (const char *data,
                       gsize       length,
                       gsize       offset,
                       guint      *line,
                       guint      *column)
{
  gsize line_start = 0;
  guint lines = 1;

  offset = MIN (offset, length);

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          lines++;
          line_start = i + 1;
        }
    }

  *line = lines;
  *column = 1;
  if (offset > line_start)
    *column += (guint) g_utf8_strlen (data + line_start, (gssize) (offset - line_start));
}

gsize
_ladder_format_skip_space (const char *data,
                           gsize       length,
                           gsize       offset)
{
  while (offset < length &&
         (data[offset] == ' ' || data[offset] == '\t' ||
          data[offset] == '\n' || data[offset] == '\r'))
    offset++;

  return offset;
}

/* From the opening quote of a member name to the start of its value. */
static gsize
skip_member_name (const char *data,
                  gsize       length,
                  gsize       offset)
{
  if (offset < length && data[offset] == '"')
    {
      offset++;
      while (offset < length && data[offset] != '"')
        offset += data[offset] == '\\' ? 2 : 1;
      offset++;
    }

  offset = _ladder_format_skip_space (data, length, offset);
  if (offset < length && data[offset] == ':')
    offset++;

  return _ladder_format_skip_space (data, length, offset);
}

void
_ladder_format_reader_clear (LadderFormatReader *r)
{
  g_clear_error (&r->error);
  g_clear_pointer (&r->strings, g_ptr_array_unref);
}

gsize
_ladder_format_reader_locate (LadderFormatReader      *r,
                              const LadderFormatWhere *where)
{
  g_autofree char *key = NULL;
  gpointer found;
  gsize offset;

  if (where->container == NULL)
    return _ladder_format_skip_space (r->data, r->length, 0);

  if (where->member != NULL)
    key = g_strdup_printf ("%p:%s", where->container, where->member);
  else
    key = g_strdup_printf ("%p#%d", where->container, where->index);

  found = g_hash_table_lookup (r->positions->delimiters, key);
  if (found == NULL)
    return _ladder_format_skip_space (r->data, r->length, 0);

  offset = _ladder_format_skip_space (r->data, r->length, GPOINTER_TO_SIZE (found));
  if (where->member != NULL && where->value)
    offset = skip_member_name (r->data, r->length, offset);

  return offset;
}

/* Records the first failure. On the fast path the message has no position;
 * the caller then runs the reader again with positions and this message is
 * the fallback only. Returns FALSE, for `return _ladder_format_reader_fail (…);`. */
G_GNUC_PRINTF (4, 5)
gboolean
_ladder_format_reader_fail (LadderFormatReader      *r,
                            LadderFormatError        code,
                            const LadderFormatWhere *where,
                            const char              *format,
                            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (r->error != NULL)
    return FALSE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (r->positions != NULL)
    {
      guint line, column;

      offset_to_line_column (r->data, r->length, _ladder_format_reader_locate (r, where), &line, &column);
      g_set_error (&r->error, LADDER_FORMAT_ERROR, code,
                   "%s:%u:%u: %s", r->filename, line, column, message);
    }
  else
    {
      g_set_error (&r->error, LADDER_FORMAT_ERROR, code,
                   "%s: %s", r->filename, message);
    }

  return FALSE;
}

gboolean
_ladder_format_node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* A member that must be a string; NULL is accepted as absent when
 * @nullable. */
gboolean
_ladder_format_read_string (LadderFormatReader *r,
                            JsonObject         *object,
                            const char         *name,
                            JsonNode           *node,
                            gboolean            nullable,
                            const char        **value)
{
  if (_ladder_format_node_is_string (node))
    {
      *value = json_node_get_string (node);
      return TRUE;
    }

  if (nullable && JSON_NODE_HOLDS_NULL (node))
    {
      *value = NULL;
      return TRUE;
    }

  return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (object, name),
                                     _("The member “%s” must be a string."), name);
}

/* A member that must be there and be a non-empty string. @where is the
 * object's own place, for when the member is missing. */
gboolean
_ladder_format_read_required_string (LadderFormatReader      *r,
                                     JsonObject              *object,
                                     const LadderFormatWhere *where,
                                     const char              *name,
                                     const char             **value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, where,
                                       _("The member “%s” is missing."), name);

  if (!_ladder_format_read_string (r, object, name, node, FALSE, value))
    return FALSE;

  if (**value == '\0')
    return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, name),
                                       _("The member “%s” must not be empty."), name);

  return TRUE;
}

/* An array of strings, into r->strings (NULL-terminated, borrowed from
 * the nodes). */
gboolean
_ladder_format_read_strings (LadderFormatReader *r,
                             JsonObject         *object,
                             const char         *name,
                             JsonNode           *node)
{
  JsonArray *array;
  guint n;

  g_ptr_array_set_size (r->strings, 0);

  if (JSON_NODE_HOLDS_NULL (node))
    {
      g_ptr_array_add (r->strings, NULL);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (object, name),
                                       _("The member “%s” must be an array of strings."), name);

  array = json_node_get_array (node);
  n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!_ladder_format_node_is_string (element))
        return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_ELEMENT (array, i),
                                           _("Each item of “%s” must be a string."), name);

      g_ptr_array_add (r->strings, (gpointer) json_node_get_string (element));
    }

  g_ptr_array_add (r->strings, NULL);

  return TRUE;
}

gboolean
_ladder_format_read_array (LadderFormatReader *r,
                           JsonObject         *object,
                           const char         *name,
                           JsonNode           *node,
                           JsonArray         **array)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      *array = json_node_get_array (node);
      return TRUE;
    }

  if (JSON_NODE_HOLDS_NULL (node))
    {
      *array = NULL;
      return TRUE;
    }

  return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (object, name),
                                     _("The member “%s” must be an array."), name);
}

gboolean
_ladder_format_read_object (LadderFormatReader *r,
                            JsonObject         *object,
                            const char         *name,
                            JsonNode           *node,
                            JsonObject        **value)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      *value = json_node_get_object (node);
      return TRUE;
    }

  if (JSON_NODE_HOLDS_NULL (node))
    {
      *value = NULL;
      return TRUE;
    }

  return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (object, name),
                                     _("The member “%s” must be an object."), name);
}

gboolean
_ladder_format_read_boolean (LadderFormatReader *r,
                             JsonObject         *object,
                             const char         *name,
                             JsonNode           *node,
                             gboolean           *value)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      *value = json_node_get_boolean (node);
      return TRUE;
    }

  return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (object, name),
                                     _("The member “%s” must be true or false."), name);
}

/* An element of an array that must be an object. */
gboolean
_ladder_format_read_element_object (LadderFormatReader *r,
                                    JsonArray          *array,
                                    guint               index,
                                    const char         *name,
                                    JsonObject        **value)
{
  JsonNode *node = json_array_get_element (array, index);

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      *value = json_node_get_object (node);
      return TRUE;
    }

  return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_ELEMENT (array, index),
                                     _("Each item of “%s” must be an object."), name);
}

/* "2026-11-22", and nothing else. */
gboolean
_ladder_format_parse_date (const char *text,
                           GDate      *date)
{
  guint year = 0, month = 0, day = 0;

  for (guint i = 0; i < 10; i++)
    {
      char c = text[i];

      if (i == 4 || i == 7)
        {
          if (c != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (c))
        return FALSE;
    }
  if (text[10] != '\0')
    return FALSE;

  for (guint i = 0; i < 4; i++)
    year = year * 10 + (guint) (text[i] - '0');
  month = (guint) (text[5] - '0') * 10 + (guint) (text[6] - '0');
  day = (guint) (text[8] - '0') * 10 + (guint) (text[9] - '0');

  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

/* A day, or NULL as absent: @date is left cleared then. */
gboolean
_ladder_format_read_date (LadderFormatReader *r,
                          JsonObject         *object,
                          const char         *name,
                          JsonNode           *node,
                          GDate              *date,
                          gboolean           *present)
{
  const char *text;

  *present = FALSE;

  if (!_ladder_format_read_string (r, object, name, node, TRUE, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (!_ladder_format_parse_date (text, date))
    return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, name),
                                       _("“%s” is not a date in the form 2026-11-22."), text);

  *present = TRUE;

  return TRUE;
}

/* A time with its offset (RFC 3339), or NULL as absent. */
gboolean
_ladder_format_read_time (LadderFormatReader *r,
                          JsonObject         *object,
                          const char         *name,
                          JsonNode           *node,
                          GDateTime         **time)
{
  const char *text;

  *time = NULL;

  if (!_ladder_format_read_string (r, object, name, node, TRUE, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  /* Without a default time zone GLib refuses a time that lacks an offset,
   * as RFC 3339 does. */
  *time = g_date_time_new_from_iso8601 (text, NULL);
  if (*time == NULL)
    return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, name),
                                       _("“%s” is not a time in the form 2026-11-22T10:00:00+00:00."), text);

  return TRUE;
}

/* Unknown members, kept as they were. json_node_copy() shares the
 * contents and drops the parent, so the copy outlives the parsed tree. */
void
_ladder_format_keep_extra (JsonObject **extra,
                           const char  *name,
                           JsonNode    *node)
{
  if (*extra == NULL)
    *extra = json_object_new ();

  json_object_set_member (*extra, name, json_node_copy (node));
}

void
_ladder_format_attach_extra (gpointer    object,
                             JsonObject *extra)
{
  if (extra != NULL)
    {
      _ladder_json_set_extra (object, extra);
      json_object_unref (extra);
    }
}

/* The "format" and "version" of a document. A newer version sets
 * @newer; a version that is not a whole number from 1 to MAX_VERSION is
 * refused. json-glib gives G_MAXINT64 for any larger integer (2^63,
 * 10^20…), so without an upper bound such a file would pass for one from
 * a newer Ladder, be kept read-only, and be written back with another
 * number. */
#define MAX_VERSION G_MAXINT32
gboolean
_ladder_format_read_version (LadderFormatReader      *r,
                             JsonObject              *object,
                             const LadderFormatWhere *where,
                             gboolean                 required,
                             gboolean                *newer)
{
  JsonNode *node = json_object_get_member (object, "version");

  *newer = FALSE;

  if (node == NULL)
    {
      if (!required)
        return TRUE;

      return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, where,
                                         _("The member “%s” is missing."), "version");
    }

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 1 ||
      json_node_get_int (node) > MAX_VERSION)
    return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, "version"),
                                       _("The member “version” must be a whole number from 1 to %d."),
                                       MAX_VERSION);

  *newer = json_node_get_int (node) > LADDER_FORMAT_VERSION;

  return TRUE;
}

gboolean
_ladder_format_check_format (LadderFormatReader      *r,
                             JsonObject              *object,
                             const LadderFormatWhere *where,
                             const char              *expected,
                             gboolean                 required)
{
  JsonNode *node = json_object_get_member (object, "format");
  const char *format;

  if (node == NULL)
    {
      if (!required)
        return TRUE;

      return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_UNKNOWN_FORMAT, where,
                                         _("This is not a Ladder file: it has no “format” member."));
    }

  if (!_ladder_format_read_string (r, object, "format", node, FALSE, &format))
    return FALSE;

  if (g_str_equal (format, expected))
    return TRUE;

  if (g_str_equal (format, FRAMEWORK_FORMAT))
    return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_UNKNOWN_FORMAT, WHERE_VALUE (object, "format"),
                                       _("This is a Ladder framework, not a profile."));

  if (g_str_equal (format, PROFILE_FORMAT))
    return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_UNKNOWN_FORMAT, WHERE_VALUE (object, "format"),
                                       _("This is a Ladder profile, not a framework."));

  return _ladder_format_reader_fail (r, LADDER_FORMAT_ERROR_UNKNOWN_FORMAT, WHERE_VALUE (object, "format"),
                                     _("The format “%s” is not one Ladder knows."), format);
}

static const char *
syntax_error_message (const GError *error)
{
  if (error->domain == JSON_PARSER_ERROR)
    {
      switch (error->code)
        {
        case JSON_PARSER_ERROR_TRAILING_COMMA:
          return _("The file is not valid JSON: there is a comma after the last item.");
        case JSON_PARSER_ERROR_MISSING_COMMA:
          return _("The file is not valid JSON: a comma is missing.");
        case JSON_PARSER_ERROR_MISSING_COLON:
          return _("The file is not valid JSON: a colon is missing after a member name.");
        case JSON_PARSER_ERROR_EMPTY_MEMBER_NAME:
          return _("The file is not valid JSON: a member has an empty name.");
        case JSON_PARSER_ERROR_NESTING:
          return _("The file is not valid JSON: it is nested too deeply.");
        case JSON_PARSER_ERROR_INVALID_STRUCTURE:
          return _("The file is not valid JSON: there is more than one value at the top.");
        case JSON_PARSER_ERROR_INVALID_BAREWORD:
          return _("The file is not valid JSON: there is a word or character here "
                   "that JSON does not allow.");
        default:
          break;
        }
    }

  return _("The file is not valid JSON: the text here is not what JSON expects.");
}

/* json-glib reports a syntax error at the last token it took, which is
 * not always the culprit: when it only peeked at the next token and found
 * it wrong, the culprit is that next token, and when something is missing
 * after a token, the place is just after it. */
static gsize
refine_syntax_error_offset (const char   *data,
                            gsize         length,
                            gsize         offset,
                            const GError *error)
{
  char c;

  if (offset >= length || error->domain != JSON_PARSER_ERROR)
    return offset;

  c = data[offset];

  switch (error->code)
    {
    case JSON_PARSER_ERROR_MISSING_COMMA:
    case JSON_PARSER_ERROR_MISSING_COLON:
      return offset + 1;

    case JSON_PARSER_ERROR_INVALID_BAREWORD:
      /* Where a member name should have been, after "{" or ",". */
      if (c == '{' || c == ',')
        {
          gsize next = _ladder_format_skip_space (data, length, offset + 1);

          return next < length ? next : offset;
        }

      /* A bare word: from its start. */
      while (offset > 0 && g_ascii_islower (c) && g_ascii_islower (data[offset - 1]))
        offset--;

      return offset;

    default:
      return offset;
    }
}

/* The data failed to parse: say where, and why in words. */
void
_ladder_format_set_parse_error (const char  *filename,
                                const char  *data,
                                gsize        length,
                                GError     **error)
{
  g_autoptr(LadderPositionParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *end;
  guint line, column;
  gsize offset;

  if (!g_utf8_validate_len (data, length, &end))
    {
      offset_to_line_column (data, length, (gsize) (end - data), &line, &column);
      g_set_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_PARSE,
                   "%s:%u:%u: %s", filename, line, column,
                   _("The file is not UTF-8 text."));
      return;
    }

  if (_ladder_format_skip_space (data, length, 0) == length)
    {
      g_set_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_PARSE,
                   "%s:1:1: %s", filename, _("The file is empty."));
      return;
    }

  parser = _ladder_position_parser_parse (data, length, &parse_error);
  if (parse_error == NULL)
    parse_error = g_error_new_literal (JSON_PARSER_ERROR, JSON_PARSER_ERROR_UNKNOWN, "");

  line = MAX (parser->error_line, 1);
  if (line <= parser->line_starts->len)
    {
      gsize start = g_array_index (parser->line_starts, gsize, line - 1);

      offset = start + (parser->error_pos > 0 ? parser->error_pos - 1 : 0);
    }
  else
    offset = length;

  offset = refine_syntax_error_offset (data, length, MIN (offset, length), parse_error);
  offset_to_line_column (data, length, offset, &line, &column);

  g_set_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_PARSE,
               "%s:%u:%u: %s", filename, line, column,
               syntax_error_message (parse_error));
}

/* Some object has a member twice: say which, and where the second is. */
void
_ladder_format_set_duplicate_error (const char  *filename,
                                    const char  *data,
                                    gsize        length,
                                    GError     **error)
{
  g_autoptr(LadderPositionParser) parser = _ladder_position_parser_parse (data, length, NULL);
  g_autofree char *message = NULL;
  guint line = 1, column = 1;

  if (parser->duplicate_offset > 0)
    offset_to_line_column (data, length,
                           _ladder_format_skip_space (data, length, parser->duplicate_offset),
                           &line, &column);

  if (parser->duplicate != NULL)
    message = g_strdup_printf (_("This is a second member “%s” in the same object: Ladder "
                                 "cannot tell which one is meant."),
                               parser->duplicate);
  else
    message = g_strdup (_("An object has two members of the same name: Ladder cannot tell "
                          "which one is meant."));

  g_set_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_INVALID,
               "%s:%u:%u: %s", filename, line, column, message);
}

void
_ladder_format_set_string (JsonObject *object,
                           const char *name,
                           const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
}

void
_ladder_format_set_strings (JsonObject         *object,
                            const char         *name,
                            const char * const *values,
                            gboolean            always)
{
  JsonArray *array;

  if (!always && (values == NULL || values[0] == NULL))
    return;

  array = json_array_new ();
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_array_add_string_element (array, values[i]);

  json_object_set_array_member (object, name, array);
}

void
_ladder_format_set_date (JsonObject  *object,
                         const char  *name,
                         const GDate *date)
{
  g_autofree char *text = _ladder_date_format (date, LADDER_DATE_ISO8601, NULL);

  if (text != NULL)
    json_object_set_string_member (object, name, text);
}

/* RFC 3339 with the offset spelt out ("+00:00", as the files have always
 * said, where g_date_time_format_iso8601() would write "Z"), and the
 * microseconds only when there are any. */
void
_ladder_format_set_time (JsonObject *object,
                         const char *name,
                         GDateTime  *time)
{
  g_autofree char *rest = NULL;
  g_autofree char *text = NULL;

  if (time == NULL)
    return;

  /* The year always in four digits: %Y writes the year 775 as "775",
   * which the reader (RFC 3339) refuses, so that such a file, once
   * saved, would no longer open. */
  if (g_date_time_get_microsecond (time) != 0)
    rest = g_date_time_format (time, "-%m-%dT%H:%M:%S.%f%:z");
  else
    rest = g_date_time_format (time, "-%m-%dT%H:%M:%S%:z");
  text = g_strdup_printf ("%04d%s", g_date_time_get_year (time), rest);

  json_object_set_string_member (object, name, text);
}

/* The unknown members go after the known ones, in the order they came. */
void
_ladder_format_add_extra (JsonObject *object,
                          JsonObject *extra)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (extra == NULL)
    return;

  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (!json_object_has_member (object, name))
        json_object_set_member (object, name, json_node_copy (node));
    }
}

JsonNode *
_ladder_format_object_node (JsonObject *object)
{
  JsonNode *node = json_node_alloc ();

  json_node_init_object (node, object);
  json_object_unref (object);

  return node;
}

JsonArray *
_ladder_format_list_to_array (GListModel *model,
                              JsonNode *(*to_node) (gpointer item))
{
  guint n = g_list_model_get_n_items (model);
  JsonArray *array = json_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      json_array_add_element (array, to_node (item));
    }

  return array;
}

char *
_ladder_format_node_to_data (JsonNode *node,
                             gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  GString *string = g_string_new (NULL);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  json_generator_to_gstring (generator, string);
  g_string_append_c (string, '\n');

  if (length != NULL)
    *length = string->len;

  return g_string_free_and_steal (string);
}

/* Line and column of @offset from the line starts the position parser
 * kept: a file may have thousands of links, and counting lines from the
 * top for each would take as long as reading it that many times. */
void
_ladder_format_position_parser_line_column (LadderPositionParser *self,
                                            const char           *data,
                                            gsize                 offset,
                                            guint                *line,
                                            guint                *column)
{
  guint low = 0, high = self->line_starts->len;
  gsize start;

  /* The last line that starts at or before @offset. */
  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->line_starts, gsize, middle) <= offset)
        low = middle;
      else
        high = middle;
    }

  start = g_array_index (self->line_starts, gsize, low);
  *line = low + 1;
  *column = 1 + (guint) g_utf8_strlen (data + start, (gssize) (offset - start));
}
