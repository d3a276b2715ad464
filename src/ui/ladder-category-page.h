/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_CATEGORY_PAGE (ladder_category_page_get_type ())
G_DECLARE_FINAL_TYPE (LadderCategoryPage, ladder_category_page, LADDER, CATEGORY_PAGE, AdwNavigationPage)

/* The behaviours of one category, grouped by level, the current first. */
AdwNavigationPage *ladder_category_page_new (LadderProfile  *profile,
                                             LadderCategory *category);
/* Shows @behaviour_id, of this page's category, in view and marked, with
 * the keyboard focus, rather than the top of the list. Call it before the
 * page is shown. */
void               ladder_category_page_reveal_behaviour (LadderCategoryPage *self,
                                                          const char         *behaviour_id);

G_END_DECLS
