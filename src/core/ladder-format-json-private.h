/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the files of Ladder's file format share: the JSON layer of
 * ladder-format-json.c (its parsers, the reader and its helpers, the
 * writer's helpers), the readers each document kind gives the others,
 * and what the files of the profile format share. Nothing outside
 * src/core/ladder-format*.c includes it. */

#pragma once

#include <json-glib/json-glib.h>

#include "ladder-format.h"
#include "ladder-framework.h"
#include "ladder-profile.h"

G_BEGIN_DECLS

#define FRAMEWORK_FORMAT "ladder-framework"
#define PROFILE_FORMAT "ladder-profile"
#define CHECKIN_FORMAT "ladder-checkin"

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

#define LADDER_TYPE_COUNTING_PARSER (ladder_counting_parser_get_type ())
G_DECLARE_FINAL_TYPE (LadderCountingParser, ladder_counting_parser,
                      LADDER, COUNTING_PARSER, JsonParser)

struct _LadderCountingParser
{
  JsonParser  parent_instance;

  GArray     *counts;    /* guint: the members read so far by each open object */
  gboolean    duplicate;
};

/* Where a problem is: a member of an object (its name, or its value), an
 * element of an array, or the top of the file. */
typedef struct
{
  gconstpointer  container;
  const char    *member;
  int            index;
  gboolean       value;
} LadderFormatWhere;

#define WHERE_TOP (&(LadderFormatWhere) { NULL, NULL, -1, FALSE })
#define WHERE_MEMBER(object, name) (&(LadderFormatWhere) { (object), (name), -1, FALSE })
#define WHERE_VALUE(object, name) (&(LadderFormatWhere) { (object), (name), -1, TRUE })
#define WHERE_ELEMENT(array, i) (&(LadderFormatWhere) { (array), NULL, (int) (i), FALSE })

typedef struct
{
  const char           *filename;
  const char           *data;
  gsize                 length;
  LadderPositionParser *positions; /* NULL on the fast path */
  GError               *error;
  GPtrArray            *strings;   /* scratch: the items of a string array */
  gboolean              newer;     /* a newer version's document: see _ladder_format_read_rating_value() */
  LadderFramework      *framework; /* a check-in read alone: its profile's framework */
  const char           *profile_id; /* … and the id of that profile */
  GArray               *evidence_spans; /* LadderFormatSpan: a profile's evidence, read entry by entry */
  GArray               *evidence_days;  /* guint32: only skim the live entries, for their days */
  GPtrArray            *evidence_links; /* GStrv: and their behaviours */
} LadderFormatReader;

/* Where a value is in the data: from its first byte to just past its last. */
typedef struct
{
  gsize start;
  gsize end;
} LadderFormatSpan;

/* ladder-format.c */
GQuark
_ladder_format_original_quark (void);

/* ladder-format-json.c */
LadderPositionParser *
_ladder_position_parser_parse (const char  *data,
                               gsize        length,
                               GError     **error);

/* ladder-format-skim.c */
gboolean
_ladder_format_skim_array_member (const char       *data,
                                  gsize             length,
                                  const char       *name,
                                  LadderFormatSpan *array,
                                  GArray           *elements);

gboolean
_ladder_format_skim_members (const char         *data,
                             gsize               length,
                             gsize               offset,
                             const char * const *names,
                             LadderFormatSpan   *values);

gboolean
_ladder_format_skim_day (const char       *data,
                         LadderFormatSpan  span,
                         guint32          *day);

gboolean
_ladder_format_skim_strings (const char        *data,
                             LadderFormatSpan   span,
                             GStrv             *strings);

/* ladder-format-json.c */
gsize
_ladder_format_skip_space (const char *data,
                           gsize       length,
                           gsize       offset);

gboolean
_ladder_format_parse_date (const char *text,
                           GDate      *date);

void
_ladder_format_reader_clear (LadderFormatReader *r);

gsize
_ladder_format_reader_locate (LadderFormatReader      *r,
                              const LadderFormatWhere *where);

G_GNUC_PRINTF (4, 5)
gboolean
_ladder_format_reader_fail (LadderFormatReader      *r,
                            LadderFormatError        code,
                            const LadderFormatWhere *where,
                            const char              *format,
                            ...);

gboolean
_ladder_format_node_is_string (JsonNode *node);

gboolean
_ladder_format_read_string (LadderFormatReader *r,
                            JsonObject         *object,
                            const char         *name,
                            JsonNode           *node,
                            gboolean            nullable,
                            const char        **value);

gboolean
_ladder_format_read_required_string (LadderFormatReader      *r,
                                     JsonObject              *object,
                                     const LadderFormatWhere *where,
                                     const char              *name,
                                     const char             **value);

gboolean
_ladder_format_read_strings (LadderFormatReader *r,
                             JsonObject         *object,
                             const char         *name,
                             JsonNode           *node);

gboolean
_ladder_format_read_array (LadderFormatReader *r,
                           JsonObject         *object,
                           const char         *name,
                           JsonNode           *node,
                           JsonArray         **array);

gboolean
_ladder_format_read_object (LadderFormatReader *r,
                            JsonObject         *object,
                            const char         *name,
                            JsonNode           *node,
                            JsonObject        **value);

gboolean
_ladder_format_read_boolean (LadderFormatReader *r,
                             JsonObject         *object,
                             const char         *name,
                             JsonNode           *node,
                             gboolean           *value);

gboolean
_ladder_format_read_element_object (LadderFormatReader *r,
                                    JsonArray          *array,
                                    guint               index,
                                    const char         *name,
                                    JsonObject        **value);

gboolean
_ladder_format_read_date (LadderFormatReader *r,
                          JsonObject         *object,
                          const char         *name,
                          JsonNode           *node,
                          GDate              *date,
                          gboolean           *present);

gboolean
_ladder_format_read_time (LadderFormatReader *r,
                          JsonObject         *object,
                          const char         *name,
                          JsonNode           *node,
                          GDateTime         **time);

void
_ladder_format_keep_extra (JsonObject **extra,
                           const char  *name,
                           JsonNode    *node);

void
_ladder_format_attach_extra (gpointer    object,
                             JsonObject *extra);

gboolean
_ladder_format_read_version (LadderFormatReader      *r,
                             JsonObject              *object,
                             const LadderFormatWhere *where,
                             gboolean                 required,
                             gboolean                *newer);

gboolean
_ladder_format_check_format (LadderFormatReader      *r,
                             JsonObject              *object,
                             const LadderFormatWhere *where,
                             const char              *expected,
                             gboolean                 required);

void
_ladder_format_set_parse_error (const char  *filename,
                                const char  *data,
                                gsize        length,
                                GError     **error);

void
_ladder_format_set_duplicate_error (const char  *filename,
                                    const char  *data,
                                    gsize        length,
                                    GError     **error);

void
_ladder_format_set_string (JsonObject *object,
                           const char *name,
                           const char *value);

void
_ladder_format_set_strings (JsonObject         *object,
                            const char         *name,
                            const char * const *values,
                            gboolean            always);

void
_ladder_format_set_date (JsonObject  *object,
                         const char  *name,
                         const GDate *date);

void
_ladder_format_set_time (JsonObject *object,
                         const char *name,
                         GDateTime  *time);

void
_ladder_format_add_extra (JsonObject *object,
                          JsonObject *extra);

JsonNode *
_ladder_format_object_node (JsonObject *object);

JsonArray *
_ladder_format_list_to_array (GListModel *model,
                              JsonNode *(*to_node) (gpointer item));

char *
_ladder_format_node_to_data (JsonNode *node,
                             gsize    *length);

void
_ladder_format_position_parser_line_column (LadderPositionParser *self,
                                            const char           *data,
                                            gsize                 offset,
                                            guint                *line,
                                            guint                *column);

/* ladder-format-framework.c */
LadderFramework *
_ladder_format_read_framework_node (LadderFormatReader      *r,
                                    JsonNode                *framework_node,
                                    const LadderFormatWhere *where,
                                    gboolean                 top);

/* ladder-format-profile.c: what the entries of a profile share */
gboolean
_ladder_format_read_rater (LadderFormatReader *r,
                           JsonObject         *object,
                           const char         *name,
                           JsonNode           *node,
                           LadderRater        *rater);

gboolean
_ladder_format_read_entry_head (LadderFormatReader *r,
                                JsonArray          *array,
                                guint               index,
                                JsonObject         *object,
                                GHashTable         *seen,
                                const char        **id,
                                gboolean           *deleted,
                                GDateTime         **modified);

gboolean
_ladder_format_read_level_reference (LadderFormatReader *r,
                                     LadderFramework    *framework,
                                     JsonObject         *object,
                                     const char         *name,
                                     JsonNode           *node,
                                     const char        **level);

void
_ladder_format_add_tombstones (JsonArray  *array,
                               GHashTable *tombstones);

LadderProfile *
_ladder_format_read_profile_node (LadderFormatReader *r,
                                  JsonNode           *root);

LadderProfile *
_ladder_format_read_profile_by_entry (const char *data,
                                      gsize       length,
                                      const char *filename);

/* ladder-format-profile-evidence.c */
gboolean
_ladder_format_read_rating_value (LadderFormatReader *r,
                                  JsonObject         *object,
                                  const char         *name,
                                  JsonNode           *node,
                                  LadderRatingValue  *value);

gboolean
_ladder_format_read_rating (LadderFormatReader *r,
                            LadderProfile      *profile,
                            LadderFramework    *framework,
                            JsonObject         *ratings,
                            const char         *behaviour_id,
                            JsonNode           *rating_node);

JsonNode *
_ladder_format_rating_to_node (LadderRating *rating);

gboolean
_ladder_format_read_evidence (LadderFormatReader *r,
                              LadderProfile      *profile,
                              LadderFramework    *framework,
                              JsonArray          *array,
                              guint               index,
                              GHashTable         *seen,
                              LadderEvidence    **evidence_out);

JsonNode *
_ladder_format_evidence_to_node (gpointer item);

/* ladder-format-profile-checkins.c */
gboolean
_ladder_format_read_checkin (LadderFormatReader *r,
                             LadderProfile      *profile,
                             LadderFramework    *framework,
                             JsonArray          *array,
                             guint               index,
                             GHashTable         *seen,
                             LadderCheckin     **out);

JsonNode *
_ladder_format_checkin_to_node (gpointer item);

gboolean
_ladder_format_read_promotion (LadderFormatReader *r,
                               LadderProfile      *profile,
                               LadderFramework    *framework,
                               JsonArray          *array,
                               guint               index,
                               GHashTable         *seen);

JsonNode *
_ladder_format_promotion_to_node (gpointer item);

gboolean
_ladder_format_read_topic (LadderFormatReader *r,
                           LadderProfile      *profile,
                           JsonArray          *array,
                           guint               index,
                           GHashTable         *seen);

JsonNode *
_ladder_format_topic_to_node (gpointer item);

/* ladder-format-profile-focus.c */
gboolean
_ladder_format_read_focus (LadderFormatReader *r,
                           LadderProfile      *profile,
                           JsonArray          *array,
                           guint               index,
                           GHashTable         *seen);

JsonNode *
_ladder_format_focus_to_node (gpointer item);

G_END_DECLS
