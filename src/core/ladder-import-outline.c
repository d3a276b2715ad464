/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-import-outline"

#include "config.h"

#include <md4c.h>
#include <string.h>

#include "ladder-import-outline-private.h"
#include "ladder-import-private.h"

struct _LadderOutline
{
  GArray *nodes;
  char   *title;
  GArray *code_lines; /* guint: where each code block starts */
  GArray *dropped;    /* LadderOutlineDropped: lines that hold no node */
};

static void
clear_node (gpointer data)
{
  LadderOutlineNode *node = data;

  g_free (node->label);
  g_free (node->text);
}

LadderOutline *
_ladder_outline_new (void)
{
  LadderOutline *outline = g_new0 (LadderOutline, 1);

  outline->nodes = g_array_new (FALSE, TRUE, sizeof (LadderOutlineNode));
  g_array_set_clear_func (outline->nodes, clear_node);
  outline->code_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  outline->dropped = g_array_new (FALSE, FALSE, sizeof (LadderOutlineDropped));

  return outline;
}

void
_ladder_outline_free (LadderOutline *outline)
{
  if (outline == NULL)
    return;
  g_array_unref (outline->nodes);
  g_array_unref (outline->code_lines);
  g_array_unref (outline->dropped);
  g_free (outline->title);
  g_free (outline);
}

void
_ladder_outline_set_title (LadderOutline *outline,
                           const char    *title)
{
  g_free (outline->title);
  outline->title = title != NULL && *title != '\0' ? _ladder_import_collapse_space (title, -1) : NULL;
}

guint
_ladder_outline_get_n_code_blocks (LadderOutline *outline)
{
  return outline->code_lines->len;
}

guint
_ladder_outline_get_code_block_line (LadderOutline *outline,
                                     guint          index)
{
  g_assert (index < outline->code_lines->len);

  return g_array_index (outline->code_lines, guint, index);
}

void
_ladder_outline_drop (LadderOutline *outline,
                      guint          line,
                      const char    *reason)
{
  LadderOutlineDropped dropped = { line, reason };

  g_array_append_val (outline->dropped, dropped);
}

guint
_ladder_outline_get_n_dropped (LadderOutline *outline)
{
  return outline->dropped->len;
}

const LadderOutlineDropped *
_ladder_outline_get_dropped (LadderOutline *outline,
                             guint          index)
{
  g_assert (index < outline->dropped->len);

  return &g_array_index (outline->dropped, LadderOutlineDropped, index);
}

const char *
_ladder_outline_get_title (LadderOutline *outline)
{
  return outline->title;
}

guint
_ladder_outline_get_n_nodes (LadderOutline *outline)
{
  return outline->nodes->len;
}

const LadderOutlineNode *
_ladder_outline_get_node (LadderOutline *outline,
                          guint          index)
{
  g_return_val_if_fail (index < outline->nodes->len, NULL);

  return &g_array_index (outline->nodes, LadderOutlineNode, index);
}

LadderOutlineNode *
_ladder_outline_get_mutable (LadderOutline *outline,
                             guint          index)
{
  g_return_val_if_fail (index < outline->nodes->len, NULL);

  return &g_array_index (outline->nodes, LadderOutlineNode, index);
}

void
_ladder_outline_truncate (LadderOutline *outline,
                          guint          length)
{
  if (length < outline->nodes->len)
    g_array_set_size (outline->nodes, length);
}

guint
_ladder_outline_add (LadderOutline     *outline,
                     LadderOutlineKind  kind,
                     guint              parent,
                     guint              line,
                     const char        *text,
                     gssize             length)
{
  LadderOutlineNode node = { 0 };

  node.kind = kind;
  node.parent = parent;
  node.line = line;
  node.text = _ladder_import_collapse_space (text != NULL ? text : "",
                                             text != NULL ? length : 0);
  g_array_append_val (outline->nodes, node);

  return outline->nodes->len - 1;
}

/* "Impact: does X" and "Impact:" have the label "Impact"; a sentence
 * with a colon in it ("Note that: …", "See https://…") has none. */
void
_ladder_outline_find_label (LadderOutline *outline,
                            guint          index)
{
  LadderOutlineNode *node = _ladder_outline_get_mutable (outline, index);
  const char *colon;
  g_autofree char *label = NULL;

  if (node->label != NULL ||
      (node->kind != LADDER_OUTLINE_ITEM && node->kind != LADDER_OUTLINE_PARAGRAPH))
    return;

  colon = strchr (node->text, ':');
  if (colon == NULL || colon == node->text || colon - node->text > 60 ||
      (colon[1] != ' ' && colon[1] != '\0'))
    return;

  label = g_strstrip (g_strndup (node->text, colon - node->text));
  if (*label == '\0' || strchr (label, '(') != NULL ||
      !_ladder_import_is_title_like (label, 5))
    return;

  node->label = g_steal_pointer (&label);
}

static const char *
kind_name (LadderOutlineKind kind)
{
  switch (kind)
    {
    case LADDER_OUTLINE_HEADING: return "heading";
    case LADDER_OUTLINE_ITEM: return "item";
    case LADDER_OUTLINE_PARAGRAPH: return "paragraph";
    case LADDER_OUTLINE_LABEL: return "label";
    case LADDER_OUTLINE_TABLE: return "table";
    case LADDER_OUTLINE_ROW: return "row";
    case LADDER_OUTLINE_CELL: return "cell";
    default: return "?";
    }
}

char *
_ladder_outline_to_string (LadderOutline *outline)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < outline->nodes->len; i++)
    {
      const LadderOutlineNode *node = _ladder_outline_get_node (outline, i);

      g_string_append_printf (out, "%u %s", node->line, kind_name (node->kind));
      if (node->depth > 0)
        g_string_append_printf (out, " %u", node->depth);
      if (node->parent != G_MAXUINT)
        g_string_append_printf (out, " ^%u", node->parent);
      if (node->ordered)
        g_string_append_printf (out, " #%u", node->number);
      if (node->header)
        g_string_append (out, " header");
      if (node->label != NULL)
        g_string_append_printf (out, " [%s]", node->label);
      if (node->text[0] != '\0')
        g_string_append_printf (out, " %s", node->text);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* Markdown, through md4c */

typedef struct
{
  MD_BLOCKTYPE  type;
  guint         node;        /* G_MAXUINT: a block that holds no text */
  GString      *text;        /* what the node says, inline markup removed */
  GString      *html;        /* the same with inline HTML kept, escaped */
  gboolean      has_html;
  gssize        strong_end;  /* the end of a bold run that starts the text */
  gboolean      in_strong;
  guint         in_link;
  gboolean      has_link;
  gboolean      outside_link; /* words outside any link */
} MdFrame;

typedef struct
{
  LadderOutline *outline;
  const char    *text;
  gsize          length;
  GArray        *line_starts; /* gsize offsets */
  GArray        *frames;
  guint          list_depth;
  GArray        *list_numbers; /* guint, the next number of each open list */
  GArray        *list_ordered; /* gboolean */
  guint          table;
  guint          row;
  gboolean       header;
  guint          code;        /* inside a code block */
  guint          code_line;   /* where it starts, once known */
  gboolean       code_fenced;
  GString       *html_block;
  guint          html_line;
  gboolean       html_pending; /* html_block waits for the blocks after it */
  guint          html_holder;
  guint          html_depth;
  guint          last_line;
} MdReader;

static guint
line_of (MdReader   *reader,
         const char *p)
{
  gsize offset;
  guint low = 0;
  guint high;

  if (p < reader->text || p > reader->text + reader->length)
    return reader->last_line;

  offset = p - reader->text;
  high = reader->line_starts->len;
  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (reader->line_starts, gsize, middle) <= offset)
        low = middle;
      else
        high = middle;
    }

  reader->last_line = low + 1;

  return low + 1;
}

static MdFrame *
top_frame (MdReader *reader)
{
  if (reader->frames->len == 0)
    return NULL;

  return &g_array_index (reader->frames, MdFrame, reader->frames->len - 1);
}

/* The nearest frame that holds text: a heading, paragraph, item or cell. */
static MdFrame *
text_frame (MdReader *reader)
{
  for (guint i = reader->frames->len; i > 0; i--)
    {
      MdFrame *frame = &g_array_index (reader->frames, MdFrame, i - 1);

      if (frame->text != NULL)
        return frame;
    }

  return NULL;
}

static guint
holder_node (MdReader *reader)
{
  for (guint i = reader->frames->len; i > 0; i--)
    {
      MdFrame *frame = &g_array_index (reader->frames, MdFrame, i - 1);

      if (frame->type == MD_BLOCK_LI || frame->type == MD_BLOCK_TD || frame->type == MD_BLOCK_TH)
        return frame->node;
    }

  return G_MAXUINT;
}

static void
push_frame (MdReader     *reader,
            MD_BLOCKTYPE  type,
            guint         node)
{
  MdFrame frame = { 0 };

  frame.type = type;
  frame.node = node;
  frame.strong_end = -1;
  if (node != G_MAXUINT)
    {
      frame.text = g_string_new (NULL);
      frame.html = g_string_new (NULL);
    }
  g_array_append_val (reader->frames, frame);
}

/* The node's text is final: inline HTML read (a list in a table's cell
 * becomes the cell's items), the bold label found. */
static void
finish_frame (MdReader *reader,
              MdFrame  *frame)
{
  LadderOutlineNode *node;
  g_autofree char *text = NULL;

  if (frame->text == NULL)
    return;

  if (frame->has_html)
    {
      g_autoptr(GString) loose = g_string_new (NULL);
      LadderOutlineNode *holder = _ladder_outline_get_mutable (reader->outline, frame->node);
      guint depth = holder->kind == LADDER_OUTLINE_ITEM ? holder->depth : 0;

      _ladder_outline_read_html (reader->outline, frame->html->str, frame->html->len,
                                 holder->line, frame->node, depth, loose);
      text = _ladder_import_collapse_space (loose->str, loose->len);
    }
  else
    {
      text = _ladder_import_collapse_space (frame->text->str, frame->text->len);
    }

  node = _ladder_outline_get_mutable (reader->outline, frame->node);
  g_free (node->text);
  node->text = g_steal_pointer (&text);
  if (node->line == 0)
    node->line = reader->last_line;
  node->only_link = frame->has_link && !frame->outside_link;

  if (frame->strong_end > 0 && !frame->has_html &&
      (node->kind == LADDER_OUTLINE_ITEM || node->kind == LADDER_OUTLINE_PARAGRAPH))
    {
      g_autofree char *label = _ladder_import_collapse_space (frame->text->str, frame->strong_end);
      gsize length = strlen (label);

      while (length > 0 && (label[length - 1] == ':' || label[length - 1] == ' '))
        label[--length] = '\0';
      if (length > 0)
        node->label = g_steal_pointer (&label);
    }
  _ladder_outline_find_label (reader->outline, frame->node);

  g_string_free (frame->text, TRUE);
  g_string_free (frame->html, TRUE);
  frame->text = NULL;
  frame->html = NULL;
}

/* HTML blocks one after the other are one piece of HTML: CommonMark ends
 * an HTML block at a blank line, and a table written with blank lines
 * between its rows would otherwise fall apart into rows of no table. */
static void
flush_html (MdReader *reader)
{
  guint first = _ladder_outline_get_n_nodes (reader->outline);

  if (!reader->html_pending)
    return;
  reader->html_pending = FALSE;
  _ladder_outline_read_html (reader->outline, reader->html_block->str,
                             reader->html_block->len,
                             reader->html_line != 0 ? reader->html_line : reader->last_line,
                             reader->html_holder, reader->html_depth, NULL);
  for (guint i = first; i < _ladder_outline_get_n_nodes (reader->outline); i++)
    _ladder_outline_get_mutable (reader->outline, i)->embedded = TRUE;
  g_string_truncate (reader->html_block, 0);
  reader->html_line = 0;
}

static int
enter_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *userdata)
{
  MdReader *reader = userdata;
  MdFrame *holder;
  guint node = G_MAXUINT;

  if (type != MD_BLOCK_HTML)
    flush_html (reader);

  switch (type)
    {
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      {
        guint start = type == MD_BLOCK_OL ? ((MD_BLOCK_OL_DETAIL *) detail)->start : 0;
        gboolean ordered = type == MD_BLOCK_OL;

        reader->list_depth++;
        g_array_append_val (reader->list_numbers, start);
        g_array_append_val (reader->list_ordered, ordered);
        push_frame (reader, type, G_MAXUINT);
      }
      return 0;

    case MD_BLOCK_LI:
      {
        LadderOutlineNode *item;
        guint last = reader->list_numbers->len - 1;

        /* The text of the item above is complete once its sublist starts. */
        holder = text_frame (reader);
        if (holder != NULL && holder->type == MD_BLOCK_LI)
          finish_frame (reader, holder);
        node = _ladder_outline_add (reader->outline, LADDER_OUTLINE_ITEM,
                                    holder_node (reader), 0, NULL, 0);
        item = _ladder_outline_get_mutable (reader->outline, node);
        item->depth = reader->list_depth;
        if (reader->list_numbers->len > 0 && g_array_index (reader->list_ordered, gboolean, last))
          {
            item->ordered = TRUE;
            item->number = g_array_index (reader->list_numbers, guint, last)++;
          }
        push_frame (reader, type, node);
      }
      return 0;

    case MD_BLOCK_H:
      node = _ladder_outline_add (reader->outline, LADDER_OUTLINE_HEADING, G_MAXUINT, 0, NULL, 0);
      _ladder_outline_get_mutable (reader->outline, node)->depth = ((MD_BLOCK_H_DETAIL *) detail)->level;
      push_frame (reader, type, node);
      return 0;

    case MD_BLOCK_P:
      holder = top_frame (reader);
      /* A paragraph of a loose item or a cell is that item's text. */
      if (holder != NULL && holder->type == MD_BLOCK_LI && holder->text != NULL)
        {
          push_frame (reader, type, G_MAXUINT);
          return 0;
        }
      node = _ladder_outline_add (reader->outline, LADDER_OUTLINE_PARAGRAPH,
                                  holder_node (reader), 0, NULL, 0);
      push_frame (reader, type, node);
      return 0;

    case MD_BLOCK_TABLE:
      reader->table = _ladder_outline_add (reader->outline, LADDER_OUTLINE_TABLE,
                                           holder_node (reader), 0, NULL, 0);
      push_frame (reader, type, G_MAXUINT);
      return 0;

    case MD_BLOCK_THEAD:
      reader->header = TRUE;
      push_frame (reader, type, G_MAXUINT);
      return 0;

    case MD_BLOCK_TBODY:
      reader->header = FALSE;
      push_frame (reader, type, G_MAXUINT);
      return 0;

    case MD_BLOCK_TR:
      reader->row = _ladder_outline_add (reader->outline, LADDER_OUTLINE_ROW, reader->table,
                                         0, NULL, 0);
      _ladder_outline_get_mutable (reader->outline, reader->row)->header = reader->header;
      push_frame (reader, type, G_MAXUINT);
      return 0;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      node = _ladder_outline_add (reader->outline, LADDER_OUTLINE_CELL, reader->row, 0, NULL, 0);
      _ladder_outline_get_mutable (reader->outline, node)->header = reader->header;
      push_frame (reader, type, node);
      return 0;

    case MD_BLOCK_CODE:
      if (reader->code == 0)
        {
          reader->code_line = 0;
          reader->code_fenced = ((MD_BLOCK_CODE_DETAIL *) detail)->fence_char != 0;
        }
      reader->code++;
      push_frame (reader, type, G_MAXUINT);
      return 0;

    case MD_BLOCK_HTML:
      if (!reader->html_pending)
        {
          g_string_truncate (reader->html_block, 0);
          reader->html_line = 0;
        }
      else
        {
          g_string_append_c (reader->html_block, '\n');
        }
      push_frame (reader, type, G_MAXUINT);
      return 0;

    case MD_BLOCK_DOC:
    case MD_BLOCK_QUOTE:
    case MD_BLOCK_HR:
    default:
      push_frame (reader, type, G_MAXUINT);
      return 0;
    }
}

static int
leave_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *userdata)
{
  MdReader *reader = userdata;
  MdFrame *frame = top_frame (reader);

  g_assert (frame != NULL && frame->type == type);

  if (type == MD_BLOCK_P && frame->text == NULL)
    {
      /* A loose item's paragraphs: one text, a space between them. */
      MdFrame *item = text_frame (reader);

      if (item != NULL)
        {
          g_string_append_c (item->text, ' ');
          g_string_append_c (item->html, ' ');
        }
    }

  finish_frame (reader, frame);

  switch (type)
    {
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      reader->list_depth--;
      g_array_set_size (reader->list_numbers, reader->list_numbers->len - 1);
      g_array_set_size (reader->list_ordered, reader->list_ordered->len - 1);
      break;

    case MD_BLOCK_CODE:
      reader->code--;
      if (reader->code == 0)
        {
          guint line = reader->code_line != 0 ? reader->code_line : reader->last_line;

          g_array_append_val (reader->outline->code_lines, line);
        }
      break;

    case MD_BLOCK_TR:
    case MD_BLOCK_TABLE:
      {
        LadderOutlineNode *node = _ladder_outline_get_mutable (reader->outline,
                                                               type == MD_BLOCK_TR ? reader->row : reader->table);

        if (node->line == 0)
          node->line = reader->last_line;
      }
      break;

    case MD_BLOCK_HTML:
      if (!reader->html_pending)
        {
          reader->html_pending = TRUE;
          reader->html_holder = holder_node (reader);
          reader->html_depth = reader->list_depth;
        }
      break;

    default:
      break;
    }

  g_array_set_size (reader->frames, reader->frames->len - 1);

  return 0;
}

static int
enter_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *userdata)
{
  MdReader *reader = userdata;
  MdFrame *frame = text_frame (reader);

  if (frame == NULL)
    return 0;

  if (type == MD_SPAN_A)
    {
      frame->in_link++;
      frame->has_link = TRUE;
    }

  /* Only a bold run at the very start is a label. */
  if (type == MD_SPAN_STRONG && frame->strong_end < 0 && !frame->in_strong)
    {
      gboolean at_start = TRUE;

      for (gsize i = 0; i < frame->text->len; i++)
        if (!g_ascii_isspace (frame->text->str[i]))
          at_start = FALSE;
      if (at_start)
        frame->in_strong = TRUE;
      else
        frame->strong_end = 0;
    }

  return 0;
}

static int
leave_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *userdata)
{
  MdReader *reader = userdata;
  MdFrame *frame = text_frame (reader);

  if (frame != NULL && type == MD_SPAN_A && frame->in_link > 0)
    frame->in_link--;
  if (frame != NULL && type == MD_SPAN_STRONG && frame->in_strong)
    {
      frame->in_strong = FALSE;
      frame->strong_end = frame->text->len;
    }

  return 0;
}

/* The entities a framework uses; the rest stay as they were written. */
static void
append_entity (GString    *out,
               const char *text,
               gsize       size)
{
  static const struct { const char *name; const char *text; } named[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
    { "&apos;", "'" }, { "&nbsp;", " " }, { "&ndash;", "–" }, { "&mdash;", "—" },
    { "&hellip;", "…" }, { "&rsquo;", "’" }, { "&lsquo;", "‘" },
    { "&rdquo;", "”" }, { "&ldquo;", "“" },
  };

  if (size > 3 && text[1] == '#')
    {
      guint64 value;
      gboolean hex = text[2] == 'x' || text[2] == 'X';
      g_autofree char *digits = g_strndup (text + (hex ? 3 : 2), size - (hex ? 4 : 3));

      value = g_ascii_strtoull (digits, NULL, hex ? 16 : 10);
      if (value > 0 && value <= 0x10ffff && g_unichar_validate ((gunichar) value))
        g_string_append_unichar (out, (gunichar) value);
      else
        g_string_append (out, "\xef\xbf\xbd");
      return;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (named); i++)
    {
      if (strlen (named[i].name) == size && memcmp (named[i].name, text, size) == 0)
        {
          g_string_append (out, named[i].text);
          return;
        }
    }

  g_string_append_len (out, text, size);
}

static void
append_escaped (GString    *out,
                const char *text,
                gsize       size)
{
  g_autofree char *escaped = g_markup_escape_text (text, size);

  g_string_append (out, escaped);
}

static int
text_cb (MD_TEXTTYPE    type,
         const MD_CHAR *text,
         MD_SIZE        size,
         void          *userdata)
{
  MdReader *reader = userdata;
  MdFrame *frame;
  guint line = line_of (reader, text);

  if (reader->code > 0)
    {
      if (reader->code_line == 0)
        reader->code_line = line - (reader->code_fenced && line > 1 ? 1 : 0);
      return 0;
    }

  if (top_frame (reader) != NULL && top_frame (reader)->type == MD_BLOCK_HTML)
    {
      if (reader->html_line == 0)
        reader->html_line = line;
      g_string_append_len (reader->html_block, text, size);
      return 0;
    }

  frame = text_frame (reader);
  if (frame == NULL)
    return 0;

  if (frame->node != G_MAXUINT)
    {
      LadderOutlineNode *node = _ladder_outline_get_mutable (reader->outline, frame->node);

      if (node->line == 0)
        {
          node->line = line;
          /* A row and its table start where their first cell does. */
          for (guint up = node->parent; node->kind == LADDER_OUTLINE_CELL && up != G_MAXUINT;)
            {
              LadderOutlineNode *holder = _ladder_outline_get_mutable (reader->outline, up);

              if (holder->line != 0 || (holder->kind != LADDER_OUTLINE_ROW &&
                                        holder->kind != LADDER_OUTLINE_TABLE))
                break;
              holder->line = line;
              up = holder->parent;
            }
        }
    }

  switch (type)
    {
    case MD_TEXT_HTML:
      frame->has_html = TRUE;
      g_string_append_len (frame->html, text, size);
      break;

    case MD_TEXT_ENTITY:
      append_entity (frame->text, text, size);
      g_string_append_len (frame->html, text, size);
      break;

    case MD_TEXT_BR:
      g_string_append_c (frame->text, ' ');
      g_string_append (frame->html, "<br>");
      break;

    case MD_TEXT_SOFTBR:
      g_string_append_c (frame->text, ' ');
      g_string_append_c (frame->html, '\n');
      break;

    case MD_TEXT_NULLCHAR:
      g_string_append (frame->text, "\xef\xbf\xbd");
      g_string_append (frame->html, "\xef\xbf\xbd");
      break;

    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_LATEXMATH:
    default:
      if (frame->in_link == 0 && !frame->outside_link)
        for (MD_SIZE i = 0; i < size; i++)
          if (!g_ascii_isspace (text[i]) && !g_ascii_ispunct (text[i]))
            frame->outside_link = TRUE;
      g_string_append_len (frame->text, text, size);
      append_escaped (frame->html, text, size);
      break;
    }

  return 0;
}

void
_ladder_outline_read_markdown (LadderOutline *outline,
                               const char    *text,
                               gsize          length)
{
  MD_PARSER parser = { 0 };
  MdReader reader = { 0 };
  gsize zero = 0;

  reader.outline = outline;
  reader.text = text;
  reader.length = length;
  reader.line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  reader.frames = g_array_new (FALSE, TRUE, sizeof (MdFrame));
  reader.list_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  reader.list_ordered = g_array_new (FALSE, FALSE, sizeof (gboolean));
  reader.html_block = g_string_new (NULL);
  reader.table = G_MAXUINT;
  reader.row = G_MAXUINT;
  reader.last_line = 1;

  /* "\n", "\r\n" and a lone "\r" each end a line, as for every format. */
  g_array_append_val (reader.line_starts, zero);
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == length || text[i + 1] != '\n')))
        {
          gsize next = i + 1;

          g_array_append_val (reader.line_starts, next);
        }
    }

  parser.abi_version = 0;
  parser.flags = MD_DIALECT_GITHUB;
  parser.enter_block = enter_block_cb;
  parser.leave_block = leave_block_cb;
  parser.enter_span = enter_span_cb;
  parser.leave_span = leave_span_cb;
  parser.text = text_cb;

  md_parse (text, (MD_SIZE) length, &parser, &reader);
  flush_html (&reader);

  /* md4c stops early only when a callback asks, and none does; a frame
   * left open would still hold its text. */
  while (reader.frames->len > 0)
    {
      finish_frame (&reader, top_frame (&reader));
      g_array_set_size (reader.frames, reader.frames->len - 1);
    }

  g_array_unref (reader.line_starts);
  g_array_unref (reader.frames);
  g_array_unref (reader.list_numbers);
  g_array_unref (reader.list_ordered);
  g_string_free (reader.html_block, TRUE);
}
