/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ladder-core.h"

G_BEGIN_DECLS

#define LADDER_TYPE_PREPARE_PAGE (ladder_prepare_page_get_type ())
G_DECLARE_FINAL_TYPE (LadderPreparePage, ladder_prepare_page, LADDER, PREPARE_PAGE, AdwNavigationPage)

AdwNavigationPage *ladder_prepare_page_new         (LadderProfile     *profile);
char              *ladder_prepare_page_get_markdown (LadderPreparePage *self);

G_END_DECLS
