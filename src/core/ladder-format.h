/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ladder-framework.h"
#include "ladder-profile.h"

G_BEGIN_DECLS

#define LADDER_FORMAT_ERROR (ladder_format_error_quark ())
GQuark ladder_format_error_quark (void);

/**
 * LadderFormatError:
 * @LADDER_FORMAT_ERROR_PARSE: not JSON (syntax), or not UTF-8
 * @LADDER_FORMAT_ERROR_UNKNOWN_FORMAT: a `format` this reader does not know
 * @LADDER_FORMAT_ERROR_INVALID: a member of the wrong type, a missing
 *   member, an out-of-range value, a duplicate id
 * @LADDER_FORMAT_ERROR_DANGLING: an id that points at nothing (a rating
 *   for a behaviour the framework lacks, a level that does not exist)
 * @LADDER_FORMAT_ERROR_TOO_LARGE: more than %LADDER_FORMAT_MAX_SIZE bytes
 * @LADDER_FORMAT_ERROR_READ_ONLY: writing a profile opened read-only
 * @LADDER_FORMAT_ERROR_OTHER_PROFILE: a draft check-in of another profile
 *   than the one it is read for
 *
 * Every message is a sentence for a person, in the form
 * "FILE:LINE:COL: what is wrong" when a position is known.
 */
typedef enum
{
  LADDER_FORMAT_ERROR_PARSE,
  LADDER_FORMAT_ERROR_UNKNOWN_FORMAT,
  LADDER_FORMAT_ERROR_INVALID,
  LADDER_FORMAT_ERROR_DANGLING,
  LADDER_FORMAT_ERROR_TOO_LARGE,
  LADDER_FORMAT_ERROR_READ_ONLY,
  LADDER_FORMAT_ERROR_OTHER_PROFILE,
} LadderFormatError;

/* The largest file any reader accepts. */
#define LADDER_FORMAT_MAX_SIZE (64 * 1024 * 1024)
#define LADDER_FORMAT_VERSION 1

typedef enum
{
  LADDER_FILE_KIND_UNKNOWN,
  LADDER_FILE_KIND_FRAMEWORK,
  LADDER_FILE_KIND_PROFILE,
} LadderFileKind;

/* Readers. @filename names the data in error messages (a path or a
 * display name). Data need not be NUL-terminated. */
LadderFramework *ladder_format_read_framework     (const char       *data,
                                                   gsize             length,
                                                   const char       *filename,
                                                   GError          **error);
LadderProfile   *ladder_format_read_profile       (const char       *data,
                                                   gsize             length,
                                                   const char       *filename,
                                                   GError          **error);
/* Reads either kind; returns a LadderFramework or a LadderProfile. */
GObject         *ladder_format_read               (const char       *data,
                                                   gsize             length,
                                                   const char       *filename,
                                                   GError          **error);
/* One check-in alone (a draft kept outside its profile), checked against
 * its profile's framework. */
LadderCheckin   *ladder_format_read_checkin       (const char       *data,
                                                   gsize             length,
                                                   const char       *filename,
                                                   const char       *profile_id,
                                                   LadderFramework  *framework,
                                                   GError          **error);
/* Reads at most LADDER_FORMAT_MAX_SIZE bytes of a file; refuses
 * directories, special files and larger files with a clear error. */
gboolean         ladder_format_load_contents      (GFile            *file,
                                                   char            **contents,
                                                   gsize            *length,
                                                   GCancellable     *cancellable,
                                                   GError          **error);
LadderFramework *ladder_format_load_framework     (GFile            *file,
                                                   GCancellable     *cancellable,
                                                   GError          **error);
/* Sets the profile's "file" and, for a newer version, "read-only". */
LadderProfile   *ladder_format_load_profile       (GFile            *file,
                                                   GCancellable     *cancellable,
                                                   GError          **error);

/* The evidence links of a profile file that Ladder will not open, each
 * as "FILE:LINE:COL: message". */
char           **ladder_format_list_unsafe_links  (const char       *data,
                                                   gsize             length,
                                                   const char       *filename);

/* Writers: pretty-printed UTF-8 JSON ending in a newline. */
JsonNode        *ladder_format_framework_to_node  (LadderFramework  *framework);
JsonNode        *ladder_format_profile_to_node    (LadderProfile    *profile);
LadderFramework *ladder_format_copy_framework     (LadderFramework  *framework);
char            *ladder_format_write_framework    (LadderFramework  *framework,
                                                   gsize            *length);
char            *ladder_format_write_profile      (LadderProfile    *profile,
                                                   gsize            *length);
/* The copy to give the other person: no private item in it. */
char            *ladder_format_write_shared_copy  (LadderProfile    *profile,
                                                   gsize            *length);
/* The profile less its private items, as a shared copy reads; the
 * manager's copy of an engineer's own profile, the same. */
LadderProfile   *ladder_format_copy_without_private (LadderProfile  *profile,
                                                     guint          *n_left_out);
LadderProfile   *ladder_format_copy_for_manager   (LadderProfile    *profile,
                                                   guint            *n_left_out);
/* The copy the person it was shared with keeps: the other owner. */
LadderProfile   *ladder_format_copy_for_other_side (LadderProfile   *profile,
                                                    guint           *n_left_out);
char            *ladder_format_write_checkin      (LadderProfile    *profile,
                                                   LadderCheckin    *checkin,
                                                   gsize            *length);

G_END_DECLS
