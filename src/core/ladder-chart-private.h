/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @text, valid UTF-8, with its emoji asking for their text (monochrome)
 * form: for documents whose text must stay searchable. */
char *_ladder_text_emoji_as_text (const char *text);

G_END_DECLS
