/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the fuzz targets share: a quiet, strict GLib, and the check that a
 * file the reader accepted is written back in a form it accepts again.
 */
#pragma once

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ladder-core.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* A critical or a warning is a bug found: make it a crash that libFuzzer
 * keeps the input of. Debug messages are noise at millions of runs. */
static inline void
fuzz_init_glib (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_setenv ("G_MESSAGES_DEBUG", "", TRUE);
}

/* The reader found no fault in @json: it must read what the writer made
 * of it, and give the same bytes the second time. Anything else loses
 * data the next time the file is saved. */
static inline void
fuzz_check_rewrite (const char *written,
                    gsize       length,
                    gboolean    profile)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) again = NULL;
  g_autofree char *rewritten = NULL;
  gsize rewritten_length = 0;

  if (profile)
    again = G_OBJECT (ladder_format_read_profile (written, length, "rewritten", &error));
  else
    again = G_OBJECT (ladder_format_read_framework (written, length, "rewritten", &error));

  if (again == NULL)
    g_error ("The writer's output was refused: %s\n%s", error->message, written);

  if (profile)
    rewritten = ladder_format_write_profile (LADDER_PROFILE (again), &rewritten_length);
  else
    rewritten = ladder_format_write_framework (LADDER_FRAMEWORK (again), &rewritten_length);

  if (rewritten_length != length || memcmp (rewritten, written, length) != 0)
    g_error ("Writing what was read back gave other bytes:\n%s\n---\n%s", written, rewritten);
}
