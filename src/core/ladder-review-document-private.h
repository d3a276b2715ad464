/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What ladder-review-document.c, which reads the profile, shares with
 * ladder-report-review.c, which sets the document as the summary's
 * blocks. */

#pragma once

#include "ladder-radar.h"
#include "ladder-review-document.h"

G_BEGIN_DECLS

/* How well a behaviour of the level is backed in the period. */
typedef enum
{
  BACKING_RECENT,
  BACKING_NONE,   /* no evidence in the period */
  BACKING_OLD,    /* only evidence older than six months */
} Backing;

/* An evidence entry of the period, its text copied. */
typedef struct
{
  GDate   date;        /* cleared when undated */
  char   *title;
  char   *body;
  char  **behaviour_ids;
  char  **behaviours;  /* the texts of the behaviours it backs */
  char  **tags;
  char  **links;
  guint   n_linked;    /* behaviours and links: how much it ties to */
} ReviewEntry;

typedef struct
{
  char      *text;
  Backing    backing;
  GPtrArray *entries;  /* ReviewEntry, borrowed: the strongest first */
  guint      n_more;   /* entries left out */
} ReviewBehaviour;

typedef struct
{
  char      *name;
  GPtrArray *behaviours;  /* ReviewBehaviour */
} ReviewCategory;

/* A line and its detail: a rating changed, an action finished. */
typedef struct
{
  GDate  date;
  char  *text;
  char  *detail;
} ReviewLine;

struct _LadderReviewDocument
{
  gatomicrefcount  ref_count;
  char            *title;
  char            *subtitle;
  char            *level;      /* its id */
  char            *level_name;
  LadderRadar     *radar;      /* self and manager at the level; NULL without one */
  char            *overview;   /* how the level's behaviours are backed */
  GPtrArray       *entries;    /* ReviewEntry: the period's, newest first */
  GPtrArray       *categories; /* ReviewCategory */
  GPtrArray       *unlinked;   /* ReviewEntry, borrowed */
  GPtrArray       *changes;    /* ReviewLine */
  GPtrArray       *actions;    /* ReviewLine */
  GPtrArray       *focus;      /* ReviewLine: worked on, or finished in the period */
  GPtrArray       *promotions; /* ReviewLine: the level changes of the period */
};

/* The headings and the sentences of empty sections, translated. */
const char *_ladder_review_document_heading (guint section);
const char *_ladder_review_document_empty   (guint section);
const char *_ladder_review_document_backing (Backing backing);
char       *_ladder_review_document_entry_date (const ReviewEntry *entry);

enum
{
  SECTION_UNLINKED,
  SECTION_CHANGES,
  SECTION_ACTIONS,
  SECTION_FOCUS,
  SECTION_PROMOTIONS,
  N_SECTIONS,
};

G_END_DECLS
