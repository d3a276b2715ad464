/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ladder-library.h"

G_BEGIN_DECLS

/**
 * LadderSearchResultKind:
 * @LADDER_SEARCH_RESULT_PROFILE: a profile, found by its name
 * @LADDER_SEARCH_RESULT_BEHAVIOUR: a behaviour of a profile's framework
 * @LADDER_SEARCH_RESULT_EVIDENCE: an evidence entry of a profile
 *
 * What a result of #LadderSearchProvider is.
 */
typedef enum
{
  LADDER_SEARCH_RESULT_PROFILE,
  LADDER_SEARCH_RESULT_BEHAVIOUR,
  LADDER_SEARCH_RESULT_EVIDENCE,
} LadderSearchResultKind;

#define LADDER_TYPE_SEARCH_PROVIDER (ladder_search_provider_get_type ())
G_DECLARE_FINAL_TYPE (LadderSearchProvider, ladder_search_provider, LADDER, SEARCH_PROVIDER, GObject)

LadderSearchProvider *ladder_search_provider_new         (LadderLibrary        *library);
LadderLibrary        *ladder_search_provider_get_library (LadderSearchProvider *self);
void                  ladder_search_provider_set_limit   (LadderSearchProvider *self,
                                                          guint                 limit);
char                **ladder_search_provider_search      (LadderSearchProvider *self,
                                                          const char * const   *terms);
char                **ladder_search_provider_refine      (LadderSearchProvider *self,
                                                          const char * const   *previous,
                                                          const char * const   *terms);
gboolean              ladder_search_provider_describe    (LadderSearchProvider  *self,
                                                          const char            *result_id,
                                                          LadderSearchResultKind *kind,
                                                          char                 **name,
                                                          char                 **description);

char                 *ladder_search_result_id_new        (LadderSearchResultKind  kind,
                                                          const char             *profile_id,
                                                          const char             *item_id);
gboolean              ladder_search_result_id_parse      (const char             *result_id,
                                                          LadderSearchResultKind *kind,
                                                          char                  **profile_id,
                                                          char                  **item_id);

G_END_DECLS
