/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-format"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ladder-format.h"
#include "ladder-format-private.h"
#include "ladder-profile-private.h"
#include "ladder-json-private.h"
#include "ladder-uri.h"

/* Reading is two-speed. The fast path parses with a plain JsonParser and
 * builds the model straight from the nodes. json-glib keeps no positions
 * in its tree, so when the data turns out to be wrong the reader parses it
 * again with a parser that records where every member and element starts,
 * runs the same checks again, and this time the first failure can name its
 * line and column. Valid files, the common case, pay nothing for that. */

G_DEFINE_QUARK (ladder-format-error-quark, ladder_format_error)

/* A file of a newer version keeps its whole tree, which is what is
 * written back if anything is written at all. */
static GQuark
original_quark (void)
{
  return g_quark_from_static_string ("ladder-format-original");
}

/* The unknown members of each snapshot entry of a check-in: behaviour id
 * → JsonObject. The model has no object per entry to hang them on. */
static GQuark
snapshot_extra_quark (void)
{
  return g_quark_from_static_string ("ladder-format-snapshot-extra");
}

/* The unknown members of a framework's "readiness" object. */
static GQuark
readiness_extra_quark (void)
{
  return g_quark_from_static_string ("ladder-format-readiness-extra");
}

void
_ladder_format_copy_snapshot_extras (LadderCheckin *from,
                                     LadderCheckin *to)
{
  GHashTable *extras;

  g_return_if_fail (LADDER_IS_CHECKIN (from));
  g_return_if_fail (LADDER_IS_CHECKIN (to));

  extras = g_object_get_qdata (G_OBJECT (from), snapshot_extra_quark ());
  g_object_set_qdata_full (G_OBJECT (to), snapshot_extra_quark (),
                           extras != NULL ? g_hash_table_ref (extras) : NULL,
                           extras != NULL ? (GDestroyNotify) g_hash_table_unref : NULL);
}

#define FRAMEWORK_FORMAT "ladder-framework"
#define PROFILE_FORMAT "ladder-profile"
#define CHECKIN_FORMAT "ladder-checkin"

/* Position parser {{{1 */

#define LADDER_TYPE_POSITION_PARSER (ladder_position_parser_get_type ())
G_DECLARE_FINAL_TYPE (LadderPositionParser, ladder_position_parser,
                      LADDER, POSITION_PARSER, JsonParser)

struct _LadderPositionParser
{
  JsonParser  parent_instance;

  GArray     *line_starts; /* gsize: byte offset of each line */
  GArray     *open;        /* gsize: the last delimiter of each open container */
  GHashTable *delimiters;  /* "%p:member" or "%p#index" → offset + 1 */
  guint       error_line;
  guint       error_pos;
  char       *duplicate;        /* the first member seen twice in an object */
  gsize       duplicate_offset; /* the delimiter before its second one, + 1 */
};

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
static LadderPositionParser *
ladder_position_parser_parse (const char  *data,
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

/* Counting parser {{{1 */

/* json-glib keeps the last of two members of the same name and says
 * nothing. Another program may take the first, and Ladder would drop it on
 * the next save, so a document with a duplicate member is refused. The
 * fast path only counts the members each object was given against those
 * it kept; the position parser then says which member it was, and where. */

#define LADDER_TYPE_COUNTING_PARSER (ladder_counting_parser_get_type ())
G_DECLARE_FINAL_TYPE (LadderCountingParser, ladder_counting_parser,
                      LADDER, COUNTING_PARSER, JsonParser)

struct _LadderCountingParser
{
  JsonParser  parent_instance;

  GArray     *counts;    /* guint: the members read so far by each open object */
  gboolean    duplicate;
};

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

/* Positions {{{1 */

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

static gsize
skip_space (const char *data,
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

  offset = skip_space (data, length, offset);
  if (offset < length && data[offset] == ':')
    offset++;

  return skip_space (data, length, offset);
}

/* Reader {{{1 */

/* Where a problem is: a member of an object (its name, or its value), an
 * element of an array, or the top of the file. */
typedef struct
{
  gconstpointer  container;
  const char    *member;
  int            index;
  gboolean       value;
} Where;

#define WHERE_TOP (&(Where) { NULL, NULL, -1, FALSE })
#define WHERE_MEMBER(object, name) (&(Where) { (object), (name), -1, FALSE })
#define WHERE_VALUE(object, name) (&(Where) { (object), (name), -1, TRUE })
#define WHERE_ELEMENT(array, i) (&(Where) { (array), NULL, (int) (i), FALSE })

typedef struct
{
  const char           *filename;
  const char           *data;
  gsize                 length;
  LadderPositionParser *positions; /* NULL on the fast path */
  GError               *error;
  GPtrArray            *strings;   /* scratch: the items of a string array */
  gboolean              newer;     /* a newer version's document: see read_rating_value() */
  LadderFramework      *framework; /* a check-in read alone: its profile's framework */
  const char           *profile_id; /* … and the id of that profile */
} Reader;

static void
reader_clear (Reader *r)
{
  g_clear_error (&r->error);
  g_clear_pointer (&r->strings, g_ptr_array_unref);
}

static gsize
reader_locate (Reader      *r,
               const Where *where)
{
  g_autofree char *key = NULL;
  gpointer found;
  gsize offset;

  if (where->container == NULL)
    return skip_space (r->data, r->length, 0);

  if (where->member != NULL)
    key = g_strdup_printf ("%p:%s", where->container, where->member);
  else
    key = g_strdup_printf ("%p#%d", where->container, where->index);

  found = g_hash_table_lookup (r->positions->delimiters, key);
  if (found == NULL)
    return skip_space (r->data, r->length, 0);

  offset = skip_space (r->data, r->length, GPOINTER_TO_SIZE (found));
  if (where->member != NULL && where->value)
    offset = skip_member_name (r->data, r->length, offset);

  return offset;
}

/* Records the first failure. On the fast path the message has no position;
 * the caller then runs the reader again with positions and this message is
 * the fallback only. Returns FALSE, for `return reader_fail (…);`. */
G_GNUC_PRINTF (4, 5)
static gboolean
reader_fail (Reader            *r,
             LadderFormatError  code,
             const Where       *where,
             const char        *format,
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

      offset_to_line_column (r->data, r->length, reader_locate (r, where), &line, &column);
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

static inline gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* A member that must be a string; NULL is accepted as absent when
 * @nullable. */
static gboolean
read_string (Reader      *r,
             JsonObject  *object,
             const char  *name,
             JsonNode    *node,
             gboolean     nullable,
             const char **value)
{
  if (node_is_string (node))
    {
      *value = json_node_get_string (node);
      return TRUE;
    }

  if (nullable && JSON_NODE_HOLDS_NULL (node))
    {
      *value = NULL;
      return TRUE;
    }

  return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (object, name),
                      _("The member “%s” must be a string."), name);
}

/* A member that must be there and be a non-empty string. @where is the
 * object's own place, for when the member is missing. */
static gboolean
read_required_string (Reader      *r,
                      JsonObject  *object,
                      const Where *where,
                      const char  *name,
                      const char **value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, where,
                        _("The member “%s” is missing."), name);

  if (!read_string (r, object, name, node, FALSE, value))
    return FALSE;

  if (**value == '\0')
    return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, name),
                        _("The member “%s” must not be empty."), name);

  return TRUE;
}

/* An array of strings, into r->strings (NULL-terminated, borrowed from
 * the nodes). */
static gboolean
read_strings (Reader     *r,
              JsonObject *object,
              const char *name,
              JsonNode   *node)
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
    return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (object, name),
                        _("The member “%s” must be an array of strings."), name);

  array = json_node_get_array (node);
  n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!node_is_string (element))
        return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_ELEMENT (array, i),
                            _("Each item of “%s” must be a string."), name);

      g_ptr_array_add (r->strings, (gpointer) json_node_get_string (element));
    }

  g_ptr_array_add (r->strings, NULL);

  return TRUE;
}

static gboolean
read_array (Reader      *r,
            JsonObject  *object,
            const char  *name,
            JsonNode    *node,
            JsonArray  **array)
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

  return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (object, name),
                      _("The member “%s” must be an array."), name);
}

static gboolean
read_object (Reader      *r,
             JsonObject  *object,
             const char  *name,
             JsonNode    *node,
             JsonObject **value)
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

  return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (object, name),
                      _("The member “%s” must be an object."), name);
}

static gboolean
read_boolean (Reader     *r,
              JsonObject *object,
              const char *name,
              JsonNode   *node,
              gboolean   *value)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      *value = json_node_get_boolean (node);
      return TRUE;
    }

  return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (object, name),
                      _("The member “%s” must be true or false."), name);
}

/* An element of an array that must be an object. */
static gboolean
read_element_object (Reader      *r,
                     JsonArray   *array,
                     guint        index,
                     const char  *name,
                     JsonObject **value)
{
  JsonNode *node = json_array_get_element (array, index);

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      *value = json_node_get_object (node);
      return TRUE;
    }

  return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_ELEMENT (array, index),
                      _("Each item of “%s” must be an object."), name);
}

/* "2026-11-22", and nothing else. */
static gboolean
parse_date (const char *text,
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
static gboolean
read_date (Reader     *r,
           JsonObject *object,
           const char *name,
           JsonNode   *node,
           GDate      *date,
           gboolean   *present)
{
  const char *text;

  *present = FALSE;

  if (!read_string (r, object, name, node, TRUE, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (!parse_date (text, date))
    return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, name),
                        _("“%s” is not a date in the form 2026-11-22."), text);

  *present = TRUE;

  return TRUE;
}

/* A time with its offset (RFC 3339), or NULL as absent. */
static gboolean
read_time (Reader      *r,
           JsonObject  *object,
           const char  *name,
           JsonNode    *node,
           GDateTime  **time)
{
  const char *text;

  *time = NULL;

  if (!read_string (r, object, name, node, TRUE, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;

  /* Without a default time zone GLib refuses a time that lacks an offset,
   * as RFC 3339 does. */
  *time = g_date_time_new_from_iso8601 (text, NULL);
  if (*time == NULL)
    return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, name),
                        _("“%s” is not a time in the form 2026-11-22T10:00:00+00:00."), text);

  return TRUE;
}

static gboolean
read_rating_value (Reader            *r,
                   JsonObject        *object,
                   const char        *name,
                   JsonNode          *node,
                   LadderRatingValue *value)
{
  const char *text;

  if (!read_string (r, object, name, node, TRUE, &text))
    return FALSE;

  if (text == NULL)
    {
      *value = LADDER_RATING_UNRATED;
      return TRUE;
    }

  /* A newer Ladder may rate with words this one does not know. Its file
   * opens read-only and its tree is written back as it was read, so the
   * word is shown as no rating rather than refusing the whole file. */
  if (!ladder_rating_value_from_string (text, value) && r->newer)
    {
      *value = LADDER_RATING_UNRATED;
      return TRUE;
    }

  if (!ladder_rating_value_from_string (text, value))
    return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, name),
                        _("“%s” is not a rating: use “not-yet”, “sometimes”, "
                          "“consistently” or “not-applicable”."),
                        text);

  return TRUE;
}

static gboolean
read_rater (Reader      *r,
            JsonObject  *object,
            const char  *name,
            JsonNode    *node,
            LadderRater *rater)
{
  const char *text;

  if (!read_string (r, object, name, node, FALSE, &text))
    return FALSE;

  /* As for ratings: an owner from a newer Ladder reads as the engineer. */
  if (!ladder_rater_from_string (text, rater) && r->newer)
    {
      *rater = LADDER_RATER_SELF;
      return TRUE;
    }

  if (!ladder_rater_from_string (text, rater))
    return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, name),
                        _("“%s” is not an owner: use “self” or “manager”."), text);

  return TRUE;
}

/* Unknown members, kept as they were. json_node_copy() shares the
 * contents and drops the parent, so the copy outlives the parsed tree. */
static void
keep_extra (JsonObject **extra,
            const char  *name,
            JsonNode    *node)
{
  if (*extra == NULL)
    *extra = json_object_new ();

  json_object_set_member (*extra, name, json_node_copy (node));
}

static void
attach_extra (gpointer    object,
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
static gboolean
read_version (Reader      *r,
              JsonObject  *object,
              const Where *where,
              gboolean     required,
              gboolean    *newer)
{
  JsonNode *node = json_object_get_member (object, "version");

  *newer = FALSE;

  if (node == NULL)
    {
      if (!required)
        return TRUE;

      return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, where,
                          _("The member “%s” is missing."), "version");
    }

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 1 ||
      json_node_get_int (node) > MAX_VERSION)
    return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, "version"),
                        _("The member “version” must be a whole number from 1 to %d."),
                        MAX_VERSION);

  *newer = json_node_get_int (node) > LADDER_FORMAT_VERSION;

  return TRUE;
}

static gboolean
check_format (Reader      *r,
              JsonObject  *object,
              const Where *where,
              const char  *expected,
              gboolean     required)
{
  JsonNode *node = json_object_get_member (object, "format");
  const char *format;

  if (node == NULL)
    {
      if (!required)
        return TRUE;

      return reader_fail (r, LADDER_FORMAT_ERROR_UNKNOWN_FORMAT, where,
                          _("This is not a Ladder file: it has no “format” member."));
    }

  if (!read_string (r, object, "format", node, FALSE, &format))
    return FALSE;

  if (g_str_equal (format, expected))
    return TRUE;

  if (g_str_equal (format, FRAMEWORK_FORMAT))
    return reader_fail (r, LADDER_FORMAT_ERROR_UNKNOWN_FORMAT, WHERE_VALUE (object, "format"),
                        _("This is a Ladder framework, not a profile."));

  if (g_str_equal (format, PROFILE_FORMAT))
    return reader_fail (r, LADDER_FORMAT_ERROR_UNKNOWN_FORMAT, WHERE_VALUE (object, "format"),
                        _("This is a Ladder profile, not a framework."));

  return reader_fail (r, LADDER_FORMAT_ERROR_UNKNOWN_FORMAT, WHERE_VALUE (object, "format"),
                      _("The format “%s” is not one Ladder knows."), format);
}

/* Framework {{{1 */

static gboolean
read_level (Reader          *r,
            LadderFramework *framework,
            JsonArray       *array,
            guint            index)
{
  g_autoptr(LadderLevel) level = NULL;
  JsonObject *object;
  JsonObject *extra = NULL;
  const char *id, *name, *summary = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (!read_element_object (r, array, index, "levels", &object) ||
      !read_required_string (r, object, WHERE_ELEMENT (array, index), "id", &id) ||
      !read_required_string (r, object, WHERE_ELEMENT (array, index), "name", &name))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      if (g_str_equal (member, "id") || g_str_equal (member, "name"))
        continue;
      else if (g_str_equal (member, "summary"))
        {
          if (!read_string (r, object, member, node, TRUE, &summary))
            goto fail;
        }
      else
        keep_extra (&extra, member, node);
    }

  level = ladder_level_new (id, name, summary);
  attach_extra (level, g_steal_pointer (&extra));

  if (!ladder_framework_add_level (framework, level))
    return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, "id"),
                        _("The id “%s” appears twice."), id);

  return TRUE;

fail:
  g_clear_pointer (&extra, json_object_unref);
  return FALSE;
}

static gboolean
read_category (Reader          *r,
               LadderFramework *framework,
               JsonArray       *array,
               guint            index)
{
  g_autoptr(LadderCategory) category = NULL;
  JsonObject *object;
  JsonObject *extra = NULL;
  const char *id, *name, *emoji = NULL, *description = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (!read_element_object (r, array, index, "categories", &object) ||
      !read_required_string (r, object, WHERE_ELEMENT (array, index), "id", &id) ||
      !read_required_string (r, object, WHERE_ELEMENT (array, index), "name", &name))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      if (g_str_equal (member, "id") || g_str_equal (member, "name"))
        continue;
      else if (g_str_equal (member, "emoji"))
        {
          if (!read_string (r, object, member, node, TRUE, &emoji))
            goto fail;
        }
      else if (g_str_equal (member, "description"))
        {
          if (!read_string (r, object, member, node, TRUE, &description))
            goto fail;
        }
      else
        keep_extra (&extra, member, node);
    }

  category = ladder_category_new (id, name, emoji, description);
  attach_extra (category, g_steal_pointer (&extra));

  if (!ladder_framework_add_category (framework, category))
    return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, "id"),
                        _("The id “%s” appears twice."), id);

  return TRUE;

fail:
  g_clear_pointer (&extra, json_object_unref);
  return FALSE;
}

/* The "level" and "category" of a behaviour or cell, which must exist. */
static gboolean
read_level_and_category (Reader           *r,
                         LadderFramework  *framework,
                         JsonObject       *object,
                         const Where      *where,
                         const char      **level,
                         const char      **category)
{
  if (!read_required_string (r, object, where, "level", level) ||
      !read_required_string (r, object, where, "category", category))
    return FALSE;

  if (ladder_framework_find_level (framework, *level) == NULL)
    return reader_fail (r, LADDER_FORMAT_ERROR_DANGLING, WHERE_VALUE (object, "level"),
                        _("The framework has no level “%s”."), *level);

  if (ladder_framework_find_category (framework, *category) == NULL)
    return reader_fail (r, LADDER_FORMAT_ERROR_DANGLING, WHERE_VALUE (object, "category"),
                        _("The framework has no category “%s”."), *category);

  return TRUE;
}

static gboolean
read_behaviour (Reader          *r,
                LadderFramework *framework,
                JsonArray       *array,
                guint            index)
{
  g_autoptr(LadderBehaviour) behaviour = NULL;
  JsonObject *object;
  JsonObject *extra = NULL;
  const char *id, *level, *category, *text, *section = NULL;
  JsonNode *examples = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (!read_element_object (r, array, index, "behaviours", &object) ||
      !read_required_string (r, object, WHERE_ELEMENT (array, index), "id", &id) ||
      !read_level_and_category (r, framework, object, WHERE_ELEMENT (array, index),
                                &level, &category) ||
      !read_required_string (r, object, WHERE_ELEMENT (array, index), "text", &text))
    return FALSE;

  if (ladder_framework_find_behaviour (framework, id) != NULL)
    return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, "id"),
                        _("The id “%s” appears twice."), id);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      if (g_str_equal (member, "id") || g_str_equal (member, "level") ||
          g_str_equal (member, "category") || g_str_equal (member, "text"))
        continue;
      else if (g_str_equal (member, "section"))
        {
          if (!read_string (r, object, member, node, TRUE, &section))
            goto fail;
        }
      else if (g_str_equal (member, "examples"))
        examples = node;
      else
        keep_extra (&extra, member, node);
    }

  behaviour = ladder_behaviour_new (id, level, category, section, text);
  attach_extra (behaviour, g_steal_pointer (&extra));

  if (examples != NULL)
    {
      if (!read_strings (r, object, "examples", examples))
        return FALSE;
      ladder_behaviour_set_examples (behaviour, (const char * const *) r->strings->pdata);
    }

  if (!ladder_framework_add_behaviour (framework, behaviour))
    return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, "id"),
                        _("The id “%s” appears twice."), id);

  return TRUE;

fail:
  g_clear_pointer (&extra, json_object_unref);
  return FALSE;
}

static gboolean
read_cell (Reader          *r,
           LadderFramework *framework,
           JsonArray       *array,
           guint            index)
{
  g_autoptr(LadderCell) cell = NULL;
  JsonObject *object;
  JsonObject *extra = NULL;
  const char *level, *category, *summary = NULL;
  JsonNode *examples = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (!read_element_object (r, array, index, "cells", &object) ||
      !read_level_and_category (r, framework, object, WHERE_ELEMENT (array, index),
                                &level, &category))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      if (g_str_equal (member, "level") || g_str_equal (member, "category"))
        continue;
      else if (g_str_equal (member, "summary"))
        {
          if (!read_string (r, object, member, node, TRUE, &summary))
            goto fail;
        }
      else if (g_str_equal (member, "examples"))
        examples = node;
      else
        keep_extra (&extra, member, node);
    }

  cell = ladder_cell_new (level, category, summary);
  attach_extra (cell, g_steal_pointer (&extra));

  if (examples != NULL)
    {
      if (!read_strings (r, object, "examples", examples))
        return FALSE;
      ladder_cell_set_examples (cell, (const char * const *) r->strings->pdata);
    }

  if (!ladder_framework_add_cell (framework, cell))
    return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_ELEMENT (array, index),
                        _("Level “%s” already has a cell for category “%s”."), level, category);

  return TRUE;

fail:
  g_clear_pointer (&extra, json_object_unref);
  return FALSE;
}

typedef gboolean (*ReadElementFunc) (Reader          *r,
                                     LadderFramework *framework,
                                     JsonArray       *array,
                                     guint            index);

static gboolean
read_framework_list (Reader          *r,
                     LadderFramework *framework,
                     JsonArray       *array,
                     ReadElementFunc  read_element)
{
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      if (!read_element (r, framework, array, i))
        return FALSE;
    }

  return TRUE;
}

/* "readiness": { "rule": "current-share", "percent": 80 }. The percent is
 * optional (80 by default) and a whole number from 1 to 100: json-glib
 * would write a fraction such as 0.7 back as 0.69999999999999996. */
static gboolean
read_readiness (Reader          *r,
                JsonObject      *object,
                const char      *name,
                JsonNode        *node,
                LadderFramework *framework)
{
  JsonObject *readiness;
  JsonObject *extra = NULL;
  LadderReadinessRule rule = LADDER_READINESS_CURRENT_SHARE;
  gint64 percent = LADDER_READINESS_DEFAULT_PERCENT;
  gboolean has_rule = FALSE;
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  if (!read_object (r, object, name, node, &readiness))
    return FALSE;
  if (readiness == NULL)
    return TRUE;

  json_object_iter_init_ordered (&iter, readiness);
  while (json_object_iter_next_ordered (&iter, &member, &value))
    {
      if (g_str_equal (member, "rule"))
        {
          const char *text;

          if (!read_string (r, readiness, member, value, FALSE, &text))
            goto fail;
          has_rule = TRUE;

          /* A newer Ladder's rule reads as the default here; its file is
           * written back as it was read. */
          if (!ladder_readiness_rule_from_string (text, &rule) && !r->newer)
            {
              reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (readiness, member),
                           _("“%s” is not a readiness rule: use “current-share”, "
                             "“current-all” or “next-share”."),
                           text);
              goto fail;
            }
        }
      else if (g_str_equal (member, "percent"))
        {
          gboolean integer = JSON_NODE_HOLDS_VALUE (value) &&
                             json_node_get_value_type (value) == G_TYPE_INT64;

          if (integer)
            percent = json_node_get_int (value);
          if (!integer || percent < 1 || percent > 100)
            {
              reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (readiness, member),
                           _("The readiness percent must be a whole number from 1 to 100."));
              goto fail;
            }
        }
      else
        keep_extra (&extra, member, value);
    }

  if (!has_rule)
    {
      reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, name),
                   _("The member “%s” is missing."), "rule");
      goto fail;
    }

  ladder_framework_set_readiness (framework, rule, (guint) percent);
  if (extra != NULL)
    g_object_set_qdata_full (G_OBJECT (framework), readiness_extra_quark (),
                             g_steal_pointer (&extra), (GDestroyNotify) json_object_unref);

  return TRUE;

fail:
  g_clear_pointer (&extra, json_object_unref);
  return FALSE;
}

/* A framework object, the top of a framework file (@top) or the copy
 * embedded in a profile. */
static LadderFramework *
read_framework_node (Reader      *r,
                     JsonNode    *framework_node,
                     const Where *where,
                     gboolean     top)
{
  g_autoptr(LadderFramework) framework = NULL;
  JsonObject *object = json_node_get_object (framework_node);
  JsonObject *extra = NULL;
  JsonArray *levels = NULL, *categories = NULL, *cells = NULL, *behaviours = NULL;
  const char *id, *name;
  gboolean newer;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (!check_format (r, object, where, FRAMEWORK_FORMAT, top) ||
      !read_version (r, object, where, top, &newer) ||
      !read_required_string (r, object, where, "id", &id) ||
      !read_required_string (r, object, where, "name", &name))
    return NULL;
  r->newer |= newer;

  framework = ladder_framework_new (id, name);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      const char *text;
      gboolean ok = TRUE;

      if (g_str_equal (member, "format") || g_str_equal (member, "version") ||
          g_str_equal (member, "id") || g_str_equal (member, "name"))
        continue;
      else if (g_str_equal (member, "organisation"))
        {
          if ((ok = read_string (r, object, member, node, TRUE, &text)))
            ladder_framework_set_organisation (framework, text);
        }
      else if (g_str_equal (member, "description"))
        {
          if ((ok = read_string (r, object, member, node, TRUE, &text)))
            ladder_framework_set_description (framework, text);
        }
      else if (g_str_equal (member, "source"))
        {
          if ((ok = read_string (r, object, member, node, TRUE, &text)))
            ladder_framework_set_source (framework, text);
        }
      else if (g_str_equal (member, "sublevels"))
        {
          if ((ok = read_strings (r, object, member, node)))
            ladder_framework_set_sublevels (framework, (const char * const *) r->strings->pdata);
        }
      else if (g_str_equal (member, "readiness"))
        ok = read_readiness (r, object, member, node, framework);
      else if (g_str_equal (member, "levels"))
        ok = read_array (r, object, member, node, &levels);
      else if (g_str_equal (member, "categories"))
        ok = read_array (r, object, member, node, &categories);
      else if (g_str_equal (member, "cells"))
        ok = read_array (r, object, member, node, &cells);
      else if (g_str_equal (member, "behaviours"))
        ok = read_array (r, object, member, node, &behaviours);
      else
        keep_extra (&extra, member, node);

      if (!ok)
        {
          g_clear_pointer (&extra, json_object_unref);
          return NULL;
        }
    }

  attach_extra (framework, g_steal_pointer (&extra));

  /* Behaviours and cells name levels and categories: those come first,
   * whatever the order of the members. */
  if (!read_framework_list (r, framework, levels, read_level) ||
      !read_framework_list (r, framework, categories, read_category) ||
      !read_framework_list (r, framework, cells, read_cell) ||
      !read_framework_list (r, framework, behaviours, read_behaviour))
    return NULL;

  if (newer)
    {
      JsonNode *original = json_node_copy (framework_node);

      /* Sealed: whoever writes it out cannot change what was read. */
      json_node_seal (original);
      g_object_set_qdata_full (G_OBJECT (framework), original_quark (),
                               original, (GDestroyNotify) json_node_unref);
    }

  return g_steal_pointer (&framework);
}

/* Profile {{{1 */

/* The members that say when a detail of a profile last changed. */
static const char * const detail_updated_members[LADDER_PROFILE_N_DETAILS] = {
  [LADDER_PROFILE_NAME] = "name_updated",
  [LADDER_PROFILE_ROLE] = "role_updated",
  [LADDER_PROFILE_CURRENT_LEVEL] = "current_level_updated",
  [LADDER_PROFILE_TARGET_LEVEL] = "target_level_updated",
};

static LadderProfileDetail
detail_of_updated_member (const char *member)
{
  for (guint i = 0; i < LADDER_PROFILE_N_DETAILS; i++)
    if (g_str_equal (member, detail_updated_members[i]))
      return i;

  return LADDER_PROFILE_N_DETAILS;
}

static gboolean
read_rating (Reader          *r,
             LadderProfile   *profile,
             LadderFramework *framework,
             JsonObject      *ratings,
             const char      *behaviour_id,
             JsonNode        *rating_node)
{
  static const struct
  {
    LadderRater  rater;
    const char  *value;
    const char  *updated;
  } sides[] = {
    { LADDER_RATER_SELF, "self", "self_updated" },
    { LADDER_RATER_MANAGER, "manager", "manager_updated" },
  };
  LadderRating *rating;
  JsonObject *object;
  JsonObject *extra = NULL;
  const char *note = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (ladder_framework_find_behaviour (framework, behaviour_id) == NULL)
    return reader_fail (r, LADDER_FORMAT_ERROR_DANGLING, WHERE_MEMBER (ratings, behaviour_id),
                        _("The framework has no behaviour “%s”."), behaviour_id);

  if (!read_object (r, ratings, behaviour_id, rating_node, &object))
    return FALSE;
  if (object == NULL)
    return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (ratings, behaviour_id),
                        _("The member “%s” must be an object."), behaviour_id);

  rating = ladder_profile_ensure_rating (profile, behaviour_id);

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      g_autoptr(GDateTime) updated = NULL;
      LadderRatingValue value;
      JsonNode *value_node = json_object_get_member (object, sides[i].value);
      JsonNode *updated_node = json_object_get_member (object, sides[i].updated);

      value = LADDER_RATING_UNRATED;
      if (value_node != NULL && !read_rating_value (r, object, sides[i].value, value_node, &value))
        return FALSE;

      /* A side with a time and no value was cleared at that time: the
       * clearing wins a merge over an older rating on the other copy.
       * Without either, the side was never rated. */
      if (value == LADDER_RATING_UNRATED)
        {
          if (updated_node == NULL)
            continue;
          if (!read_time (r, object, sides[i].updated, updated_node, &updated))
            return FALSE;
          if (updated != NULL)
            ladder_rating_set_value (rating, sides[i].rater, value, updated);
          continue;
        }

      /* Merges compare these stamps; making one up would be a lie. */
      if (updated_node == NULL)
        return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (object, sides[i].value),
                            _("The member “%s” is missing: a rating needs the time it was given."),
                            sides[i].updated);

      if (!read_time (r, object, sides[i].updated, updated_node, &updated))
        return FALSE;
      if (updated == NULL)
        return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (object, sides[i].updated),
                            _("The member “%s” must be a string."), sides[i].updated);

      ladder_rating_set_value (rating, sides[i].rater, value, updated);
    }

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      if (g_str_equal (member, "self") || g_str_equal (member, "manager") ||
          g_str_equal (member, "self_updated") || g_str_equal (member, "manager_updated"))
        continue;
      else if (g_str_equal (member, "note"))
        {
          if (!read_string (r, object, member, node, TRUE, &note))
            {
              g_clear_pointer (&extra, json_object_unref);
              return FALSE;
            }
        }
      else
        keep_extra (&extra, member, node);
    }

  if (note != NULL)
    ladder_rating_set_note (rating, note);
  attach_extra (rating, g_steal_pointer (&extra));

  return TRUE;
}

/* A behaviour id that must be in the framework, as an element of an
 * array (the behaviours of an evidence entry). */
static gboolean
check_behaviour_ids (Reader          *r,
                     LadderFramework *framework,
                     JsonArray       *array)
{
  guint n = r->strings->len - 1;

  for (guint i = 0; i < n; i++)
    {
      const char *id = g_ptr_array_index (r->strings, i);

      if (ladder_framework_find_behaviour (framework, id) == NULL)
        return reader_fail (r, LADDER_FORMAT_ERROR_DANGLING, WHERE_ELEMENT (array, i),
                            _("The framework has no behaviour “%s”."), id);
    }

  return TRUE;
}

/* Reads the "id" of an evidence entry, check-in or action, refusing one
 * seen before in the same list, and whether it is a tombstone; a
 * tombstone's "modified" goes to @modified. */
static gboolean
read_entry_head (Reader      *r,
                 JsonArray   *array,
                 guint        index,
                 JsonObject  *object,
                 GHashTable  *seen,
                 const char **id,
                 gboolean    *deleted,
                 GDateTime  **modified)
{
  JsonNode *node;

  *deleted = FALSE;
  *modified = NULL;

  if (!read_required_string (r, object, WHERE_ELEMENT (array, index), "id", id))
    return FALSE;

  if (!g_hash_table_add (seen, (gpointer) *id))
    return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_VALUE (object, "id"),
                        _("The id “%s” appears twice."), *id);

  node = json_object_get_member (object, "deleted");
  if (node != NULL && !read_boolean (r, object, "deleted", node, deleted))
    return FALSE;

  if (*deleted)
    {
      node = json_object_get_member (object, "modified");
      if (node == NULL)
        return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_ELEMENT (array, index),
                            _("The member “%s” is missing."), "modified");
      if (!read_time (r, object, "modified", node, modified))
        return FALSE;
      if (*modified == NULL)
        return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (object, "modified"),
                            _("The member “%s” must be a string."), "modified");
    }

  return TRUE;
}

static gboolean
read_evidence (Reader           *r,
               LadderProfile    *profile,
               LadderFramework  *framework,
               JsonArray        *array,
               guint             index,
               GHashTable       *seen,
               LadderEvidence  **evidence_out)
{
  g_autoptr(LadderEvidence) evidence = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) modified = NULL;
  JsonObject *object;
  JsonObject *extra = NULL;
  const char *id, *text;
  gboolean deleted;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  *evidence_out = NULL;

  if (!read_element_object (r, array, index, "evidence", &object) ||
      !read_entry_head (r, array, index, object, seen, &id, &deleted, &modified))
    return FALSE;

  if (deleted)
    {
      ladder_profile_add_tombstone (profile, "evidence", id, modified);
      return TRUE;
    }

  /* Required: the model would date an entry without one today, and the
   * same file would read differently tomorrow. */
  if (!read_required_string (r, object, WHERE_ELEMENT (array, index), "date", &text))
    return FALSE;

  evidence = ladder_evidence_new (id);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      gboolean ok = TRUE;

      switch (member[0])
        {
        case 'i':
          if (g_str_equal (member, "id"))
            continue;
          break;

        case 'd':
          if (g_str_equal (member, "date"))
            {
              GDate date;
              gboolean present;

              if ((ok = read_date (r, object, member, node, &date, &present)) && present)
                ladder_evidence_set_date (evidence, &date);
              goto next;
            }
          else if (g_str_equal (member, "deleted"))
            continue;
          break;

        case 't':
          if (g_str_equal (member, "title"))
            {
              if ((ok = read_string (r, object, member, node, TRUE, &text)))
                ladder_evidence_set_title (evidence, text);
              goto next;
            }
          else if (g_str_equal (member, "tags"))
            {
              if ((ok = read_strings (r, object, member, node)))
                ladder_evidence_set_tags (evidence, (const char * const *) r->strings->pdata);
              goto next;
            }
          break;

        case 'b':
          if (g_str_equal (member, "body"))
            {
              if ((ok = read_string (r, object, member, node, TRUE, &text)))
                ladder_evidence_set_body (evidence, text);
              goto next;
            }
          else if (g_str_equal (member, "behaviours"))
            {
              ok = read_strings (r, object, member, node) &&
                   (!JSON_NODE_HOLDS_ARRAY (node) ||
                    check_behaviour_ids (r, framework, json_node_get_array (node)));
              if (ok)
                ladder_evidence_set_behaviours (evidence, (const char * const *) r->strings->pdata);
              goto next;
            }
          break;

        case 'l':
          if (g_str_equal (member, "links"))
            {
              if ((ok = read_strings (r, object, member, node)))
                ladder_evidence_set_links (evidence, (const char * const *) r->strings->pdata);
              goto next;
            }
          break;

        case 'c':
          if (g_str_equal (member, "created"))
            {
              g_clear_pointer (&created, g_date_time_unref);
              ok = read_time (r, object, member, node, &created);
              goto next;
            }
          break;

        case 'm':
          if (g_str_equal (member, "modified"))
            {
              g_clear_pointer (&modified, g_date_time_unref);
              ok = read_time (r, object, member, node, &modified);
              goto next;
            }
          break;

        default:
          break;
        }

      keep_extra (&extra, member, node);

    next:
      if (!ok)
        {
          g_clear_pointer (&extra, json_object_unref);
          return FALSE;
        }
    }

  attach_extra (evidence, g_steal_pointer (&extra));

  /* Last: every setter above moved "modified" to now. */
  ladder_evidence_set_stamps (evidence, created, modified);

  *evidence_out = g_steal_pointer (&evidence);

  return TRUE;
}

static gboolean
read_action (Reader        *r,
             LadderCheckin *checkin,
             JsonArray     *array,
             guint          index,
             GHashTable    *seen)
{
  g_autoptr(LadderAction) action = NULL;
  g_autoptr(GDateTime) modified = NULL;
  JsonObject *object;
  JsonObject *extra = NULL;
  const char *id, *text;
  gboolean deleted;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (!read_element_object (r, array, index, "actions", &object) ||
      !read_entry_head (r, array, index, object, seen, &id, &deleted, &modified))
    return FALSE;

  if (deleted)
    {
      ladder_checkin_add_action_tombstone (checkin, id, modified);
      return TRUE;
    }

  if (!read_required_string (r, object, WHERE_ELEMENT (array, index), "text", &text))
    return FALSE;

  action = ladder_action_new (id);
  ladder_action_set_text (action, text);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      gboolean ok = TRUE;

      if (g_str_equal (member, "id") || g_str_equal (member, "text") ||
          g_str_equal (member, "deleted"))
        continue;
      else if (g_str_equal (member, "owner"))
        {
          LadderRater owner;

          if ((ok = read_rater (r, object, member, node, &owner)))
            ladder_action_set_owner (action, owner);
        }
      else if (g_str_equal (member, "due"))
        {
          GDate due;
          gboolean present;

          if ((ok = read_date (r, object, member, node, &due, &present)) && present)
            ladder_action_set_due (action, &due);
        }
      else if (g_str_equal (member, "done"))
        {
          gboolean done;

          if ((ok = read_boolean (r, object, member, node, &done)))
            ladder_action_set_done (action, done);
        }
      else if (g_str_equal (member, "modified"))
        {
          g_clear_pointer (&modified, g_date_time_unref);
          ok = read_time (r, object, member, node, &modified);
        }
      else
        keep_extra (&extra, member, node);

      if (!ok)
        {
          g_clear_pointer (&extra, json_object_unref);
          return FALSE;
        }
    }

  attach_extra (action, g_steal_pointer (&extra));
  if (modified != NULL)
    ladder_action_set_modified (action, modified);

  ladder_checkin_add_action (checkin, action);

  return TRUE;
}

static gboolean
read_snapshot (Reader          *r,
               LadderCheckin   *checkin,
               LadderFramework *framework,
               JsonObject      *snapshot)
{
  g_autoptr(GHashTable) extras = NULL;
  JsonObjectIter iter;
  const char *behaviour_id;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, snapshot);
  while (json_object_iter_next_ordered (&iter, &behaviour_id, &node))
    {
      LadderRatingValue values[2] = { LADDER_RATING_UNRATED, LADDER_RATING_UNRATED };
      JsonObject *entry;
      JsonObject *extra = NULL;
      JsonObjectIter entry_iter;
      const char *member;
      JsonNode *value;

      if (ladder_framework_find_behaviour (framework, behaviour_id) == NULL)
        return reader_fail (r, LADDER_FORMAT_ERROR_DANGLING, WHERE_MEMBER (snapshot, behaviour_id),
                            _("The framework has no behaviour “%s”."), behaviour_id);

      if (!read_object (r, snapshot, behaviour_id, node, &entry))
        return FALSE;
      if (entry == NULL)
        return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (snapshot, behaviour_id),
                            _("The member “%s” must be an object."), behaviour_id);

      json_object_iter_init_ordered (&entry_iter, entry);
      while (json_object_iter_next_ordered (&entry_iter, &member, &value))
        {
          gboolean ok = TRUE;

          if (g_str_equal (member, "self"))
            ok = read_rating_value (r, entry, member, value, &values[LADDER_RATER_SELF]);
          else if (g_str_equal (member, "manager"))
            ok = read_rating_value (r, entry, member, value, &values[LADDER_RATER_MANAGER]);
          else
            keep_extra (&extra, member, value);

          if (!ok)
            {
              g_clear_pointer (&extra, json_object_unref);
              return FALSE;
            }
        }

      ladder_checkin_set_snapshot (checkin, behaviour_id,
                                   values[LADDER_RATER_SELF], values[LADDER_RATER_MANAGER]);

      if (extra != NULL)
        {
          if (extras == NULL)
            extras = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            g_free, (GDestroyNotify) json_object_unref);
          g_hash_table_replace (extras, g_strdup (behaviour_id), extra);
        }
    }

  if (extras != NULL)
    g_object_set_qdata_full (G_OBJECT (checkin), snapshot_extra_quark (),
                             g_steal_pointer (&extras), (GDestroyNotify) g_hash_table_unref);

  return TRUE;
}

/* Adds the check-in to @profile or, with @out, gives it back instead
 * (a check-in read alone, which cannot be a tombstone). */
static gboolean
read_checkin (Reader          *r,
              LadderProfile   *profile,
              LadderFramework *framework,
              JsonArray       *array,
              guint            index,
              GHashTable      *seen,
              LadderCheckin  **out)
{
  g_autoptr(LadderCheckin) checkin = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GHashTable) seen_actions = NULL;
  JsonObject *object;
  JsonObject *extra = NULL;
  const char *id, *date_text;
  gboolean deleted;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (!read_element_object (r, array, index, "checkins", &object) ||
      !read_entry_head (r, array, index, object, seen, &id, &deleted, &modified))
    return FALSE;

  if (deleted && out != NULL)
    return reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (object, "deleted"),
                        _("A check-in read on its own cannot be a deleted one."));

  if (deleted)
    {
      ladder_profile_add_tombstone (profile, "checkin", id, modified);
      return TRUE;
    }

  if (!read_required_string (r, object, WHERE_ELEMENT (array, index), "date", &date_text))
    return FALSE;

  checkin = ladder_checkin_new (id);
  seen_actions = g_hash_table_new (g_str_hash, g_str_equal);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      gboolean ok = TRUE;

      if (g_str_equal (member, "id") || g_str_equal (member, "deleted"))
        continue;
      else if (g_str_equal (member, "date"))
        {
          GDate date;
          gboolean present;

          if ((ok = read_date (r, object, member, node, &date, &present)) && present)
            ladder_checkin_set_date (checkin, &date);
        }
      else if (g_str_equal (member, "notes"))
        {
          const char *notes;

          if ((ok = read_string (r, object, member, node, TRUE, &notes)))
            ladder_checkin_set_notes (checkin, notes);
        }
      else if (g_str_equal (member, "actions"))
        {
          JsonArray *actions;

          if ((ok = read_array (r, object, member, node, &actions)) && actions != NULL)
            {
              guint n = json_array_get_length (actions);

              for (guint i = 0; ok && i < n; i++)
                ok = read_action (r, checkin, actions, i, seen_actions);
            }
        }
      else if (g_str_equal (member, "snapshot"))
        {
          JsonObject *snapshot;

          if ((ok = read_object (r, object, member, node, &snapshot)) && snapshot != NULL)
            ok = read_snapshot (r, checkin, framework, snapshot);
        }
      else if (g_str_equal (member, "modified"))
        {
          g_clear_pointer (&modified, g_date_time_unref);
          ok = read_time (r, object, member, node, &modified);
        }
      else
        keep_extra (&extra, member, node);

      if (!ok)
        {
          g_clear_pointer (&extra, json_object_unref);
          return FALSE;
        }
    }

  attach_extra (checkin, g_steal_pointer (&extra));
  /* Last: adding actions and the snapshot may have moved it. */
  if (modified != NULL)
    ladder_checkin_set_modified (checkin, modified);

  if (out != NULL)
    *out = g_steal_pointer (&checkin);
  else
    ladder_profile_add_checkin (profile, checkin);

  return TRUE;
}

static gboolean
read_level_reference (Reader          *r,
                      LadderFramework *framework,
                      JsonObject      *object,
                      const char      *name,
                      JsonNode        *node,
                      const char     **level)
{
  if (!read_string (r, object, name, node, TRUE, level))
    return FALSE;

  if (*level != NULL && ladder_framework_find_level (framework, *level) == NULL)
    return reader_fail (r, LADDER_FORMAT_ERROR_DANGLING, WHERE_VALUE (object, name),
                        _("The framework has no level “%s”."), *level);

  return TRUE;
}

/* A change of level: { "id", "date", "from", "to", "modified" }, or its
 * tombstone. */
static gboolean
read_promotion (Reader          *r,
                LadderProfile   *profile,
                LadderFramework *framework,
                JsonArray       *array,
                guint            index,
                GHashTable      *seen)
{
  g_autoptr(LadderPromotion) promotion = NULL;
  g_autoptr(GDateTime) modified = NULL;
  JsonObject *object;
  JsonObject *extra = NULL;
  const char *id, *text;
  const char *from = NULL, *to = NULL;
  gboolean deleted;
  GDate date;
  gboolean has_date = FALSE;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (!read_element_object (r, array, index, "promotions", &object) ||
      !read_entry_head (r, array, index, object, seen, &id, &deleted, &modified))
    return FALSE;

  if (deleted)
    {
      ladder_profile_add_tombstone (profile, "promotion", id, modified);
      return TRUE;
    }

  if (!read_required_string (r, object, WHERE_ELEMENT (array, index), "date", &text) ||
      !read_required_string (r, object, WHERE_ELEMENT (array, index), "from", &text) ||
      !read_required_string (r, object, WHERE_ELEMENT (array, index), "to", &text))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      gboolean ok = TRUE;

      if (g_str_equal (member, "id") || g_str_equal (member, "deleted"))
        continue;
      else if (g_str_equal (member, "date"))
        ok = read_date (r, object, member, node, &date, &has_date);
      else if (g_str_equal (member, "from"))
        ok = read_level_reference (r, framework, object, member, node, &from);
      else if (g_str_equal (member, "to"))
        ok = read_level_reference (r, framework, object, member, node, &to);
      else if (g_str_equal (member, "modified"))
        {
          g_clear_pointer (&modified, g_date_time_unref);
          ok = read_time (r, object, member, node, &modified);
        }
      else
        keep_extra (&extra, member, node);

      if (!ok)
        {
          g_clear_pointer (&extra, json_object_unref);
          return FALSE;
        }
    }

  promotion = ladder_promotion_new (id, has_date ? &date : NULL, from, to);
  attach_extra (promotion, g_steal_pointer (&extra));
  if (modified != NULL)
    ladder_promotion_set_modified (promotion, modified);

  ladder_profile_add_promotion (profile, promotion);

  return TRUE;
}

static LadderProfile *
read_profile_node (Reader   *r,
                   JsonNode *root)
{
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderFramework) framework = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GHashTable) seen_evidence = NULL;
  g_autoptr(GHashTable) seen_checkins = NULL;
  g_autoptr(GHashTable) seen_promotions = NULL;
  g_autofree char *reason = NULL;
  JsonObject *object = json_node_get_object (root);
  JsonObject *extra = NULL;
  JsonNode *framework_node;
  const char *id;
  gboolean newer;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (!check_format (r, object, WHERE_TOP, PROFILE_FORMAT, TRUE) ||
      !read_version (r, object, WHERE_TOP, TRUE, &newer) ||
      !read_required_string (r, object, WHERE_TOP, "id", &id))
    return NULL;
  r->newer |= newer;

  framework_node = json_object_get_member (object, "framework");
  if (framework_node == NULL)
    {
      reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_TOP,
                   _("The member “%s” is missing."), "framework");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (framework_node))
    {
      reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_MEMBER (object, "framework"),
                   _("The member “%s” must be an object."), "framework");
      return NULL;
    }

  framework = read_framework_node (r, framework_node, WHERE_MEMBER (object, "framework"), FALSE);
  if (framework == NULL)
    return NULL;

  profile = ladder_profile_new (id, framework);
  evidence = g_ptr_array_new_with_free_func (g_object_unref);
  seen_evidence = g_hash_table_new (g_str_hash, g_str_equal);
  seen_checkins = g_hash_table_new (g_str_hash, g_str_equal);
  seen_promotions = g_hash_table_new (g_str_hash, g_str_equal);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      const char *text;
      gboolean ok = TRUE;

      if (g_str_equal (member, "format") || g_str_equal (member, "version") ||
          g_str_equal (member, "id") || g_str_equal (member, "framework"))
        continue;
      else if (g_str_equal (member, "name"))
        {
          if ((ok = read_string (r, object, member, node, TRUE, &text)))
            ladder_profile_set_name (profile, text);
        }
      else if (g_str_equal (member, "role"))
        {
          if ((ok = read_string (r, object, member, node, TRUE, &text)))
            ladder_profile_set_role (profile, text);
        }
      else if (g_str_equal (member, "owner"))
        {
          LadderRater owner;

          if ((ok = read_rater (r, object, member, node, &owner)))
            ladder_profile_set_owner (profile, owner);
        }
      else if (g_str_equal (member, "current_level"))
        {
          if ((ok = read_level_reference (r, framework, object, member, node, &text)))
            ladder_profile_set_current_level (profile, text);
        }
      else if (g_str_equal (member, "target_level"))
        {
          if ((ok = read_level_reference (r, framework, object, member, node, &text)))
            ladder_profile_set_target_level (profile, text);
        }
      else if (detail_of_updated_member (member) < LADDER_PROFILE_N_DETAILS)
        {
          g_autoptr(GDateTime) updated = NULL;

          if ((ok = read_time (r, object, member, node, &updated)))
            _ladder_profile_set_detail_updated (profile, detail_of_updated_member (member), updated);
        }
      else if (g_str_equal (member, "ratings"))
        {
          JsonObject *ratings;

          if ((ok = read_object (r, object, member, node, &ratings)) && ratings != NULL)
            {
              JsonObjectIter rating_iter;
              const char *behaviour_id;
              JsonNode *rating;

              json_object_iter_init_ordered (&rating_iter, ratings);
              while (ok && json_object_iter_next_ordered (&rating_iter, &behaviour_id, &rating))
                ok = read_rating (r, profile, framework, ratings, behaviour_id, rating);
            }
        }
      else if (g_str_equal (member, "evidence"))
        {
          JsonArray *array;

          if ((ok = read_array (r, object, member, node, &array)) && array != NULL)
            {
              guint n = json_array_get_length (array);

              g_ptr_array_set_size (evidence, 0);
              for (guint i = 0; ok && i < n; i++)
                {
                  LadderEvidence *entry;

                  ok = read_evidence (r, profile, framework, array, i, seen_evidence, &entry);
                  if (entry != NULL)
                    g_ptr_array_add (evidence, entry);
                }
            }
        }
      else if (g_str_equal (member, "checkins"))
        {
          JsonArray *array;

          if ((ok = read_array (r, object, member, node, &array)) && array != NULL)
            {
              guint n = json_array_get_length (array);

              for (guint i = 0; ok && i < n; i++)
                ok = read_checkin (r, profile, framework, array, i, seen_checkins, NULL);
            }
        }
      else if (g_str_equal (member, "promotions"))
        {
          JsonArray *array;

          if ((ok = read_array (r, object, member, node, &array)) && array != NULL)
            {
              guint n = json_array_get_length (array);

              for (guint i = 0; ok && i < n; i++)
                ok = read_promotion (r, profile, framework, array, i, seen_promotions);
            }
        }
      else
        keep_extra (&extra, member, node);

      if (!ok)
        {
          g_clear_pointer (&extra, json_object_unref);
          return NULL;
        }
    }

  attach_extra (profile, g_steal_pointer (&extra));

  /* One items-changed for all of it. */
  if (evidence->len > 0)
    ladder_profile_splice_evidence (profile, (LadderEvidence **) evidence->pdata, evidence->len);

  if (newer)
    {
      JsonNode *original = json_node_copy (root);

      json_node_seal (original);
      g_object_set_qdata_full (G_OBJECT (profile), original_quark (),
                               original, (GDestroyNotify) json_node_unref);
      reason = g_strdup_printf (_("“%s” was written by a newer version of Ladder. It is shown "
                                  "read-only, so that nothing in it is lost; update Ladder to "
                                  "edit it."),
                                r->filename);
      ladder_profile_set_read_only_reason (profile, reason);
    }

  return g_steal_pointer (&profile);
}

/* Documents {{{1 */

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
read_checkin_node (Reader   *r,
                   JsonNode *root)
{
  g_autoptr(JsonArray) array = NULL;
  g_autoptr(GHashTable) seen = NULL;
  LadderCheckin *checkin = NULL;
  JsonObject *object = json_node_get_object (root);
  JsonNode *node;
  const char *profile_id;
  gboolean newer;

  if (!check_format (r, object, WHERE_TOP, CHECKIN_FORMAT, TRUE) ||
      !read_version (r, object, WHERE_TOP, TRUE, &newer) ||
      !read_required_string (r, object, WHERE_TOP, "profile", &profile_id))
    return NULL;
  r->newer |= newer;

  /* A draft is only ever its own profile's: one found under another's
   * name is neither shown, finished nor removed for that one. */
  if (g_strcmp0 (profile_id, r->profile_id) != 0)
    {
      reader_fail (r, LADDER_FORMAT_ERROR_OTHER_PROFILE, WHERE_VALUE (object, "profile"),
                   _("This draft check-in belongs to another profile (“%s”)."), profile_id);
      return NULL;
    }

  node = json_object_get_member (object, "checkin");
  if (node == NULL)
    {
      reader_fail (r, LADDER_FORMAT_ERROR_INVALID, WHERE_TOP,
                   _("The member “%s” is missing."), "checkin");
      return NULL;
    }

  /* The same reader as a profile's list of check-ins, on a list of one. */
  array = json_array_new ();
  json_array_add_element (array, json_node_ref (node));
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  if (!read_checkin (r, NULL, r->framework, array, 0, seen, &checkin))
    return NULL;

  return checkin;
}

static GObject *
read_root (Reader   *r,
           JsonNode *root,
           ReadKind  kind)
{
  JsonObject *object;
  JsonNode *format_node;
  const char *expected;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      reader_fail (r, LADDER_FORMAT_ERROR_UNKNOWN_FORMAT, WHERE_TOP,
                   _("This is not a Ladder file: it holds no JSON object."));
      return NULL;
    }

  object = json_node_get_object (root);

  if (kind == READ_ANY)
    {
      const char *format = NULL;

      format_node = json_object_get_member (object, "format");
      if (format_node != NULL && node_is_string (format_node))
        format = json_node_get_string (format_node);

      kind = g_strcmp0 (format, PROFILE_FORMAT) == 0 ? READ_PROFILE : READ_FRAMEWORK;

      /* Unknown or missing: say so without claiming it should have been
       * a framework. */
      if (format == NULL || (kind == READ_FRAMEWORK && !g_str_equal (format, FRAMEWORK_FORMAT)))
        {
          if (!check_format (r, object, WHERE_TOP, "", TRUE))
            return NULL;
        }
    }

  expected = kind == READ_PROFILE ? PROFILE_FORMAT :
             kind == READ_CHECKIN ? CHECKIN_FORMAT : FRAMEWORK_FORMAT;
  if (!check_format (r, object, WHERE_TOP, expected, TRUE))
    return NULL;

  if (kind == READ_PROFILE)
    return G_OBJECT (read_profile_node (r, root));
  else if (kind == READ_CHECKIN)
    return G_OBJECT (read_checkin_node (r, root));
  else
    return G_OBJECT (read_framework_node (r, root, WHERE_TOP, TRUE));
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
          gsize next = skip_space (data, length, offset + 1);

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
static void
set_parse_error (const char  *filename,
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

  if (skip_space (data, length, 0) == length)
    {
      g_set_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_PARSE,
                   "%s:1:1: %s", filename, _("The file is empty."));
      return;
    }

  parser = ladder_position_parser_parse (data, length, &parse_error);
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
static void
set_duplicate_error (const char  *filename,
                     const char  *data,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(LadderPositionParser) parser = ladder_position_parser_parse (data, length, NULL);
  g_autofree char *message = NULL;
  guint line = 1, column = 1;

  if (parser->duplicate_offset > 0)
    offset_to_line_column (data, length,
                           skip_space (data, length, parser->duplicate_offset),
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
  Reader r = { 0, };

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

  parser = g_object_new (LADDER_TYPE_COUNTING_PARSER, "strict", TRUE, NULL);
  if (length == 0 || !json_parser_load_from_data (parser, data, (gssize) length, NULL))
    {
      set_parse_error (filename, data, length, error);
      return NULL;
    }

  if (LADDER_COUNTING_PARSER (parser)->duplicate)
    {
      set_duplicate_error (filename, data, length, error);
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
      reader_clear (&r);
      return g_steal_pointer (&result);
    }

  /* The slow path: the same checks again, now knowing positions. */
  {
    g_autoptr(LadderPositionParser) positions = NULL;
    g_autoptr(GObject) again = NULL;
    Reader slow = r;

    slow.error = NULL;
    slow.strings = g_ptr_array_new ();
    positions = ladder_position_parser_parse (data, length, NULL);
    slow.positions = positions;

    again = read_root (&slow, json_parser_get_root (JSON_PARSER (positions)), kind);
    if (slow.error != NULL)
      g_propagate_error (error, g_steal_pointer (&slow.error));
    else
      g_propagate_error (error, g_steal_pointer (&r.error));

    reader_clear (&slow);
  }

  reader_clear (&r);

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

/* Loading {{{1 */

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

/* Writing {{{1 */

static void
set_string (JsonObject *object,
            const char *name,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
}

static void
set_strings (JsonObject         *object,
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

static void
set_date (JsonObject  *object,
          const char  *name,
          const GDate *date)
{
  char text[16];

  if (date == NULL || !g_date_valid (date))
    return;

  /* ISO 8601: numbers only, so the locale plays no part; the year always
   * in four digits (strftime's %Y writes the year 775 as "775", which no
   * reader takes back). */
  g_snprintf (text, sizeof text, "%04u-%02u-%02u", (guint) g_date_get_year (date),
              (guint) g_date_get_month (date), (guint) g_date_get_day (date));

  json_object_set_string_member (object, name, text);
}

/* RFC 3339 with the offset spelt out ("+00:00", as the files have always
 * said, where g_date_time_format_iso8601() would write "Z"), and the
 * microseconds only when there are any. */
static void
set_time (JsonObject *object,
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
static void
add_extra (JsonObject *object,
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

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_alloc ();

  json_node_init_object (node, object);
  json_object_unref (object);

  return node;
}

static JsonArray *
list_to_array (GListModel *model,
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

static JsonNode *
level_to_node (gpointer item)
{
  LadderLevel *level = item;
  JsonObject *object = json_object_new ();

  set_string (object, "id", ladder_level_get_id (level));
  set_string (object, "name", ladder_level_get_name (level));
  set_string (object, "summary", ladder_level_get_summary (level));
  add_extra (object, _ladder_json_get_extra (level));

  return object_node (object);
}

static JsonNode *
category_to_node (gpointer item)
{
  LadderCategory *category = item;
  JsonObject *object = json_object_new ();

  set_string (object, "id", ladder_category_get_id (category));
  set_string (object, "name", ladder_category_get_name (category));
  set_string (object, "emoji", ladder_category_get_emoji (category));
  set_string (object, "description", ladder_category_get_description (category));
  add_extra (object, _ladder_json_get_extra (category));

  return object_node (object);
}

static JsonNode *
cell_to_node (gpointer item)
{
  LadderCell *cell = item;
  JsonObject *object = json_object_new ();

  set_string (object, "level", ladder_cell_get_level (cell));
  set_string (object, "category", ladder_cell_get_category (cell));
  set_string (object, "summary", ladder_cell_get_summary (cell));
  set_strings (object, "examples", ladder_cell_get_examples (cell), FALSE);
  add_extra (object, _ladder_json_get_extra (cell));

  return object_node (object);
}

static JsonNode *
behaviour_to_node (gpointer item)
{
  LadderBehaviour *behaviour = item;
  JsonObject *object = json_object_new ();

  set_string (object, "id", ladder_behaviour_get_id (behaviour));
  set_string (object, "level", ladder_behaviour_get_level (behaviour));
  set_string (object, "category", ladder_behaviour_get_category (behaviour));
  set_string (object, "section", ladder_behaviour_get_section (behaviour));
  set_string (object, "text", ladder_behaviour_get_text (behaviour));
  set_strings (object, "examples", ladder_behaviour_get_examples (behaviour), FALSE);
  add_extra (object, _ladder_json_get_extra (behaviour));

  return object_node (object);
}

/* Written only when it says more than the default, so that a framework
 * that never set a rule keeps the file it had. */
static void
set_readiness (JsonObject      *object,
               LadderFramework *framework)
{
  LadderReadinessRule rule = ladder_framework_get_readiness_rule (framework);
  guint percent = ladder_framework_get_readiness_percent (framework);
  JsonObject *extra = g_object_get_qdata (G_OBJECT (framework), readiness_extra_quark ());
  JsonObject *readiness;

  if (rule == LADDER_READINESS_CURRENT_SHARE && percent == LADDER_READINESS_DEFAULT_PERCENT &&
      extra == NULL)
    return;

  readiness = json_object_new ();
  json_object_set_string_member (readiness, "rule", ladder_readiness_rule_to_string (rule));
  if (rule != LADDER_READINESS_CURRENT_ALL)
    json_object_set_int_member (readiness, "percent", percent);
  add_extra (readiness, extra);
  json_object_set_object_member (object, "readiness", readiness);
}

/**
 * ladder_format_framework_to_node:
 * @framework: a #LadderFramework
 *
 * The framework as a JSON tree in the documented member order, with the
 * members Ladder did not know after the known ones. A framework read from
 * a newer version gives back the tree it was read from.
 *
 * Returns: (transfer full): a new node
 */
JsonNode *
ladder_format_framework_to_node (LadderFramework *framework)
{
  JsonObject *object;
  JsonNode *original;
  GListModel *cells;

  g_return_val_if_fail (LADDER_IS_FRAMEWORK (framework), NULL);

  original = g_object_get_qdata (G_OBJECT (framework), original_quark ());
  if (original != NULL)
    return json_node_copy (original);

  object = json_object_new ();
  json_object_set_string_member (object, "format", FRAMEWORK_FORMAT);
  json_object_set_int_member (object, "version", LADDER_FORMAT_VERSION);
  set_string (object, "id", ladder_framework_get_id (framework));
  set_string (object, "name", ladder_framework_get_name (framework));
  set_string (object, "organisation", ladder_framework_get_organisation (framework));
  set_string (object, "description", ladder_framework_get_description (framework));
  set_string (object, "source", ladder_framework_get_source (framework));
  set_strings (object, "sublevels", ladder_framework_get_sublevels (framework), FALSE);
  set_readiness (object, framework);
  json_object_set_array_member (object, "levels",
                                list_to_array (ladder_framework_get_levels (framework),
                                               level_to_node));
  json_object_set_array_member (object, "categories",
                                list_to_array (ladder_framework_get_categories (framework),
                                               category_to_node));
  cells = ladder_framework_get_cells (framework);
  if (g_list_model_get_n_items (cells) > 0)
    json_object_set_array_member (object, "cells", list_to_array (cells, cell_to_node));
  json_object_set_array_member (object, "behaviours",
                                list_to_array (ladder_framework_get_behaviours (framework),
                                               behaviour_to_node));
  add_extra (object, _ladder_json_get_extra (framework));

  return object_node (object);
}

static JsonNode *
rating_to_node (LadderRating *rating)
{
  JsonObject *object = json_object_new ();
  LadderRatingValue value;

  /* A cleared side keeps its time without a value (see read_rating). */
  value = ladder_rating_get_value (rating, LADDER_RATER_SELF);
  if (value != LADDER_RATING_UNRATED)
    set_string (object, "self", ladder_rating_value_to_string (value));
  set_time (object, "self_updated", ladder_rating_get_updated (rating, LADDER_RATER_SELF));
  value = ladder_rating_get_value (rating, LADDER_RATER_MANAGER);
  if (value != LADDER_RATING_UNRATED)
    set_string (object, "manager", ladder_rating_value_to_string (value));
  set_time (object, "manager_updated", ladder_rating_get_updated (rating, LADDER_RATER_MANAGER));
  set_string (object, "note", ladder_rating_get_note (rating));
  add_extra (object, _ladder_json_get_extra (rating));

  return object_node (object);
}

static JsonNode *
evidence_to_node (gpointer item)
{
  LadderEvidence *evidence = item;
  JsonObject *object = json_object_new ();

  set_string (object, "id", ladder_evidence_get_id (evidence));
  set_date (object, "date", ladder_evidence_get_date (evidence));
  set_string (object, "title", ladder_evidence_get_title (evidence));
  set_string (object, "body", ladder_evidence_get_body (evidence));
  set_strings (object, "links", ladder_evidence_get_links (evidence), FALSE);
  set_strings (object, "behaviours", ladder_evidence_get_behaviours (evidence), TRUE);
  set_strings (object, "tags", ladder_evidence_get_tags (evidence), FALSE);
  set_time (object, "created", ladder_evidence_get_created (evidence));
  set_time (object, "modified", ladder_evidence_get_modified (evidence));
  add_extra (object, _ladder_json_get_extra (evidence));

  return object_node (object);
}

static JsonNode *
action_to_node (gpointer item)
{
  LadderAction *action = item;
  JsonObject *object = json_object_new ();

  set_string (object, "id", ladder_action_get_id (action));
  set_string (object, "text", ladder_action_get_text (action));
  set_string (object, "owner", ladder_rater_to_string (ladder_action_get_owner (action)));
  set_date (object, "due", ladder_action_get_due (action));
  json_object_set_boolean_member (object, "done", ladder_action_get_done (action));
  set_time (object, "modified", ladder_action_get_modified (action));
  add_extra (object, _ladder_json_get_extra (action));

  return object_node (object);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Tombstones after the live entries, by id: hash tables have no order
 * and the output must not change from one run to the next. */
static void
add_tombstones (JsonArray  *array,
                GHashTable *tombstones)
{
  g_autofree gpointer *ids = NULL;
  guint n;

  if (tombstones == NULL || g_hash_table_size (tombstones) == 0)
    return;

  ids = g_hash_table_get_keys_as_array (tombstones, &n);
  qsort (ids, n, sizeof (gpointer), compare_strings);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "id", ids[i]);
      json_object_set_boolean_member (object, "deleted", TRUE);
      set_time (object, "modified", g_hash_table_lookup (tombstones, ids[i]));
      json_array_add_element (array, object_node (object));
    }
}

static JsonNode *
checkin_to_node (gpointer item)
{
  LadderCheckin *checkin = item;
  JsonObject *object = json_object_new ();
  JsonObject *snapshot = json_object_new ();
  JsonArray *actions;
  GHashTable *snapshot_extras;
  g_auto(GStrv) ids = NULL;

  set_string (object, "id", ladder_checkin_get_id (checkin));
  set_date (object, "date", ladder_checkin_get_date (checkin));
  set_string (object, "notes", ladder_checkin_get_notes (checkin));

  actions = list_to_array (ladder_checkin_get_actions (checkin), action_to_node);
  add_tombstones (actions, ladder_checkin_get_action_tombstones (checkin));
  json_object_set_array_member (object, "actions", actions);

  snapshot_extras = g_object_get_qdata (G_OBJECT (checkin), snapshot_extra_quark ());
  ids = ladder_checkin_list_snapshot (checkin);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      JsonObject *entry = json_object_new ();
      LadderRatingValue value;

      value = ladder_checkin_get_snapshot (checkin, ids[i], LADDER_RATER_SELF);
      set_string (entry, "self", ladder_rating_value_to_string (value));
      value = ladder_checkin_get_snapshot (checkin, ids[i], LADDER_RATER_MANAGER);
      set_string (entry, "manager", ladder_rating_value_to_string (value));
      if (snapshot_extras != NULL)
        add_extra (entry, g_hash_table_lookup (snapshot_extras, ids[i]));

      json_object_set_object_member (snapshot, ids[i], entry);
    }
  json_object_set_object_member (object, "snapshot", snapshot);

  set_time (object, "modified", ladder_checkin_get_modified (checkin));
  add_extra (object, _ladder_json_get_extra (checkin));

  return object_node (object);
}

static JsonNode *
promotion_to_node (gpointer item)
{
  LadderPromotion *promotion = item;
  JsonObject *object = json_object_new ();

  set_string (object, "id", ladder_promotion_get_id (promotion));
  set_date (object, "date", ladder_promotion_get_date (promotion));
  set_string (object, "from", ladder_promotion_get_from (promotion));
  set_string (object, "to", ladder_promotion_get_to (promotion));
  set_time (object, "modified", ladder_promotion_get_modified (promotion));
  add_extra (object, _ladder_json_get_extra (promotion));

  return object_node (object);
}

static JsonNode *profile_to_node (LadderProfile *profile,
                                  gboolean       with_evidence);

/**
 * ladder_format_profile_to_node:
 * @profile: a #LadderProfile
 *
 * The profile as a JSON tree in the documented member order, with its
 * framework embedded, tombstones after the live entries of each list and
 * the members Ladder did not know after the known ones. A read-only
 * profile (of a newer version) gives back the tree it was read from.
 *
 * Returns: (transfer full): a new node
 */
JsonNode *
ladder_format_profile_to_node (LadderProfile *profile)
{
  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  return profile_to_node (profile, TRUE);
}

/* The profile, or all of it but its live evidence entries. */
static JsonNode *
profile_to_node (LadderProfile *profile,
                 gboolean       with_evidence)
{
  JsonObject *object;
  JsonObject *ratings;
  JsonArray *evidence;
  JsonNode *original;
  GListModel *model;
  guint n;

  original = g_object_get_qdata (G_OBJECT (profile), original_quark ());
  if (original != NULL)
    return json_node_copy (original);

  object = json_object_new ();
  json_object_set_string_member (object, "format", PROFILE_FORMAT);
  json_object_set_int_member (object, "version", LADDER_FORMAT_VERSION);
  set_string (object, "id", ladder_profile_get_id (profile));
  set_string (object, "name", ladder_profile_get_name (profile));
  set_time (object, "name_updated", ladder_profile_get_detail_updated (profile, LADDER_PROFILE_NAME));
  set_string (object, "role", ladder_profile_get_role (profile));
  set_time (object, "role_updated", ladder_profile_get_detail_updated (profile, LADDER_PROFILE_ROLE));
  set_string (object, "owner", ladder_rater_to_string (ladder_profile_get_owner (profile)));
  json_object_set_member (object, "framework",
                          ladder_format_framework_to_node (ladder_profile_get_framework (profile)));
  set_string (object, "current_level", ladder_profile_get_current_level (profile));
  set_time (object, "current_level_updated",
            ladder_profile_get_detail_updated (profile, LADDER_PROFILE_CURRENT_LEVEL));
  set_string (object, "target_level", ladder_profile_get_target_level (profile));
  set_time (object, "target_level_updated",
            ladder_profile_get_detail_updated (profile, LADDER_PROFILE_TARGET_LEVEL));

  ratings = json_object_new ();
  model = ladder_profile_get_ratings (profile);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderRating) rating = g_list_model_get_item (model, i);

      json_object_set_member (ratings, ladder_rating_get_behaviour_id (rating),
                              rating_to_node (rating));
    }
  json_object_set_object_member (object, "ratings", ratings);

  if (with_evidence)
    evidence = list_to_array (ladder_profile_get_evidence (profile), evidence_to_node);
  else
    evidence = json_array_new ();
  add_tombstones (evidence, ladder_profile_get_tombstones (profile, "evidence"));
  json_object_set_array_member (object, "evidence", evidence);

  {
    JsonArray *checkins = list_to_array (ladder_profile_get_checkins (profile), checkin_to_node);

    add_tombstones (checkins, ladder_profile_get_tombstones (profile, "checkin"));
    json_object_set_array_member (object, "checkins", checkins);
  }

  /* Only when there is one: a profile that never changed level is
   * written as before promotions were recorded. Last of the known
   * members, where a version that does not know it keeps it. */
  {
    GListModel *promotions = ladder_profile_get_promotions (profile);
    GHashTable *tombstones = ladder_profile_get_tombstones (profile, "promotion");

    if (g_list_model_get_n_items (promotions) > 0 || g_hash_table_size (tombstones) > 0)
      {
        JsonArray *array = list_to_array (promotions, promotion_to_node);

        add_tombstones (array, tombstones);
        json_object_set_array_member (object, "promotions", array);
      }
  }

  add_extra (object, _ladder_json_get_extra (profile));

  return object_node (object);
}

static char *
node_to_data (JsonNode *node,
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

/**
 * ladder_format_write_framework:
 * @framework: a #LadderFramework
 * @length: (out) (optional): the length of the result in bytes
 *
 * Writes a framework file: pretty-printed UTF-8 JSON ending in a newline,
 * the same bytes for the same framework every time.
 *
 * Returns: (transfer full): the text
 */
char *
ladder_format_write_framework (LadderFramework *framework,
                               gsize           *length)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (LADDER_IS_FRAMEWORK (framework), NULL);

  node = ladder_format_framework_to_node (framework);

  return node_to_data (node, length);
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

/**
 * ladder_format_write_profile:
 * @profile: a #LadderProfile
 * @length: (out) (optional): the length of the result in bytes
 *
 * Writes a profile file with its framework embedded: pretty-printed UTF-8
 * JSON ending in a newline, the same bytes for the same profile every
 * time. This does not refuse a read-only profile (it gives back what was
 * read); saving one is refused by ladder_library_save_profile().
 *
 * Returns: (transfer full): the text
 */
char *
ladder_format_write_profile (LadderProfile *profile,
                             gsize         *length)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  node = ladder_format_profile_to_node (profile);

  return node_to_data (node, length);
}

/* The profile file less its live evidence entries: what a library shows
 * of a profile before it has read the rest (see ladder-library.c). It
 * reads back with ladder_format_read_profile(). */
char *
_ladder_format_write_profile_head (LadderProfile *profile,
                                   gsize         *length)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  node = profile_to_node (profile, FALSE);

  return node_to_data (node, length);
}

/**
 * ladder_format_write_checkin:
 * @profile: the profile @checkin belongs to
 * @checkin: a #LadderCheckin, finished or not
 * @length: (out) (optional): the length of the result in bytes
 *
 * Writes one check-in on its own, as a profile file holds it, with the id
 * of its profile: pretty-printed UTF-8 JSON ending in a newline.
 *
 * Returns: (transfer full): the text
 */
char *
ladder_format_write_checkin (LadderProfile *profile,
                             LadderCheckin *checkin,
                             gsize         *length)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (LADDER_IS_CHECKIN (checkin), NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "format", CHECKIN_FORMAT);
  json_object_set_int_member (object, "version", LADDER_FORMAT_VERSION);
  set_string (object, "profile", ladder_profile_get_id (profile));
  json_object_set_member (object, "checkin", checkin_to_node (checkin));
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);

  return node_to_data (node, length);
}

/* Links {{{1 */

/* Line and column of @offset from the line starts the position parser
 * kept: a file may have thousands of links, and counting lines from the
 * top for each would take as long as reading it that many times. */
static void
position_parser_line_column (LadderPositionParser *self,
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
  Reader r = { 0, };
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

  positions = ladder_position_parser_parse (data, length, NULL);
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

          if (!node_is_string (link) || ladder_uri_is_safe (json_node_get_string (link)))
            continue;

          position_parser_line_column (positions, data,
                                       reader_locate (&r, WHERE_ELEMENT (links, j)),
                                       &line, &column);
          message = describe_unsafe_link (json_node_get_string (link));
          g_strv_builder_take (messages, g_strdup_printf ("%s:%u:%u: %s", filename, line,
                                                          column, message));
        }
    }

  return g_strv_builder_end (messages);
}

/* vim:set foldmethod=marker: */
