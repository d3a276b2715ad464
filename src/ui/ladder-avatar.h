/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LADDER_TYPE_AVATAR (ladder_avatar_get_type ())
G_DECLARE_FINAL_TYPE (LadderAvatar, ladder_avatar, LADDER, AVATAR, GtkWidget)

GtkWidget  *ladder_avatar_new          (int           size);
/* The text the initials and the colour come from, as AdwAvatar takes it:
 * the first letter and the first after the last space. */
void        ladder_avatar_set_text     (LadderAvatar *self,
                                        const char   *text);
const char *ladder_avatar_get_text     (LadderAvatar *self);
/* The letters shown; "" when the text has none and the icon shows. */
const char *ladder_avatar_get_initials (LadderAvatar *self);
void        ladder_avatar_set_size     (LadderAvatar *self,
                                        int           size);
int         ladder_avatar_get_size     (LadderAvatar *self);

G_END_DECLS
