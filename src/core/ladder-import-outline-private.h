/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The outline: what every text format becomes before it is read as a
 * framework. A flat array of nodes in reading order; each names the node
 * that holds it (an item its parent item or cell, a cell its row, a row its
 * table, a definition its term), so a reading can walk it either way. Only
 * the ladder-import*.c files use this. */

typedef enum
{
  LADDER_OUTLINE_HEADING,   /* depth 1–6 */
  LADDER_OUTLINE_ITEM,      /* a list item; depth 1 for an outermost list */
  LADDER_OUTLINE_PARAGRAPH,
  LADDER_OUTLINE_LABEL,     /* a definition list's term: "Label:" */
  LADDER_OUTLINE_TABLE,
  LADDER_OUTLINE_ROW,
  LADDER_OUTLINE_CELL,
} LadderOutlineKind;

typedef struct
{
  LadderOutlineKind  kind;
  guint              depth;   /* headings: 1–6; items: list nesting, from 1 */
  guint              parent;  /* index of the holding node, or G_MAXUINT */
  guint              line;    /* 1-based line of the source it starts on */
  guint              number;  /* ordered items: their number; else 0 */
  gboolean           ordered;
  gboolean           header;  /* rows and cells of a table's header */
  gboolean           embedded; /* read from an HTML block inside Markdown */
  gboolean           only_link; /* all its words are a link's */
  gboolean           spanned; /* a cell standing again for one spanning rows */
  char              *label;   /* "Label: text" and "**Label** text": Label */
  char              *text;    /* inline markup removed, white space collapsed */
} LadderOutlineNode;

typedef struct _LadderOutline LadderOutline;

LadderOutline     *_ladder_outline_new          (void);
void               _ladder_outline_free         (LadderOutline *outline);
guint              _ladder_outline_get_n_nodes  (LadderOutline *outline);
const LadderOutlineNode *_ladder_outline_get_node (LadderOutline *outline,
                                                   guint          index);
guint              _ladder_outline_add          (LadderOutline     *outline,
                                                 LadderOutlineKind  kind,
                                                 guint              parent,
                                                 guint              line,
                                                 const char        *text,
                                                 gssize             length);
LadderOutlineNode *_ladder_outline_get_mutable  (LadderOutline *outline,
                                                 guint          index);
/* The page's title where it says one outside its text (front matter). */
void               _ladder_outline_set_title    (LadderOutline *outline,
                                                 const char    *title);
const char        *_ladder_outline_get_title    (LadderOutline *outline);
/* The code blocks, which hold no node: where each starts. */
guint              _ladder_outline_get_n_code_blocks   (LadderOutline *outline);
guint              _ladder_outline_get_code_block_line (LadderOutline *outline,
                                                        guint          index);
/* The lines a reader left out as not part of the framework (a page's
 * breadcrumb, a template comment), each with the report's reason, a
 * static translated string. */
typedef struct
{
  guint       line;
  const char *reason;
} LadderOutlineDropped;

void               _ladder_outline_drop         (LadderOutline *outline,
                                                 guint          line,
                                                 const char    *reason);
guint              _ladder_outline_get_n_dropped (LadderOutline *outline);
const LadderOutlineDropped *_ladder_outline_get_dropped (LadderOutline *outline,
                                                         guint          index);
/* Drops the nodes from @length on. */
void               _ladder_outline_truncate     (LadderOutline *outline,
                                                 guint          length);
/* The node's text as "Label: text" splits: done once, when it is final. */
void               _ladder_outline_find_label   (LadderOutline *outline,
                                                 guint          index);
/* Prints the outline one node a line, for tests and `--explain`. */
char              *_ladder_outline_to_string    (LadderOutline *outline);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LadderOutline, _ladder_outline_free)

/* The readers. Each takes the text as it was (without its BOM), never
 * fails on any bytes of valid UTF-8, and runs in time linear in its input
 * (libxml2's own parse aside). @first_line numbers the text's first line,
 * for HTML handed on from inside Markdown. @parent holds what is read at
 * the top (G_MAXUINT for none); text outside any block goes to @loose
 * when given, else into paragraphs. */
void _ladder_outline_read_markdown (LadderOutline *outline,
                                    const char    *text,
                                    gsize          length);
void _ladder_outline_read_html     (LadderOutline *outline,
                                    const char    *text,
                                    gsize          length,
                                    guint          first_line,
                                    guint          parent,
                                    guint          list_depth,
                                    GString       *loose);
void _ladder_outline_read_csv      (LadderOutline *outline,
                                    const char    *text,
                                    gsize          length);
/* ',' ';' or '\t': the separator of the first record. */
char _ladder_outline_detect_separator (const char *text,
                                       gsize       length);

G_END_DECLS
