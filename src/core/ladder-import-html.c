/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-import-html"

#include "config.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>

#include "ladder-import-outline-private.h"
#include "ladder-import-private.h"

/* HTML, through libxml2's forgiving parser: a whole page saved from a
 * browser, or a block of HTML inside Markdown. Headings, lists, tables,
 * definition lists and paragraphs become the outline; what a page wraps
 * around its content (scripts, styles, navigation, header, footer, asides)
 * is left out. */

/* Deeper than any page a person writes; it keeps the walk's recursion
 * bounded whatever the parser accepted. */
#define MAX_DEPTH 200
/* HTML's own bound on colspan; rows spanned beyond the table's end are
 * never visited. */
#define MAX_SPAN 1000

typedef struct
{
  LadderOutline *outline;
  guint          first_line;
  guint          last_label;        /* the last <dt>, for the <dd> after it */
  guint          last_label_parent;
} HtmlReader;

static gboolean
is_named (xmlNode    *node,
          const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
is_left_out (xmlNode *node)
{
  static const char * const names[] = {
    "script", "style", "nav", "header", "footer", "aside", "noscript",
    "template", "svg", "head", "button", "form", "select", "iframe",
  };

  if (node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE)
    return TRUE;
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (is_named (node, names[i]))
      return TRUE;

  return FALSE;
}

/* Elements that make outline nodes of their own, rather than text of the
 * node around them. */
static gboolean
is_block (xmlNode *node)
{
  static const char * const names[] = {
    "ul", "ol", "table", "dl", "h1", "h2", "h3", "h4", "h5", "h6",
    "p", "li", "tr", "div", "section", "article", "main", "blockquote",
    "details", "dt", "dd", "thead", "tbody", "tfoot", "body", "html",
  };

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (is_named (node, names[i]))
      return TRUE;

  return FALSE;
}

static guint
line_of (HtmlReader *reader,
         xmlNode    *node)
{
  long line = xmlGetLineNo (node);

  if (line <= 0)
    return reader->first_line;

  return reader->first_line + (guint) MIN (line - 1, G_MAXINT);
}

static void walk (HtmlReader *reader,
                  xmlNode    *node,
                  guint       parent,
                  guint       list_depth,
                  GString    *loose,
                  guint       depth);

/* The text of @node and its inline children into @text; its block
 * children (a list in a cell or an item) are walked into nodes held by
 * @holder. */
static void
gather (HtmlReader *reader,
        xmlNode    *node,
        guint       holder,
        guint       list_depth,
        GString    *text,
        guint       depth)
{
  if (depth > MAX_DEPTH)
    return;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_left_out (child))
        continue;
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          g_string_append (text, (const char *) child->content);
        }
      else if (is_named (child, "br"))
        {
          g_string_append_c (text, '\n');
        }
      else if (is_named (child, "p") || is_named (child, "div"))
        {
          /* A paragraph inside an item or a cell is more of its text. */
          g_string_append_c (text, ' ');
          gather (reader, child, holder, list_depth, text, depth + 1);
          g_string_append_c (text, ' ');
        }
      else if (is_block (child))
        {
          walk (reader, child, holder, list_depth, NULL, depth + 1);
        }
      else if (child->type == XML_ELEMENT_NODE)
        {
          gather (reader, child, holder, list_depth, text, depth + 1);
        }
    }
}

/* A cell's text written as lines ("• one<br>• two", "- one<p>– two"):
 * its items. */
static void
split_bullets (HtmlReader *reader,
               guint       holder,
               guint       list_depth,
               GString    *text)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) rest = g_string_new (NULL);
  gboolean any = FALSE;

  if (strchr (text->str, '\n') == NULL)
    return;

  lines = g_strsplit (text->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *p = lines[i];

      while (*p == ' ' || *p == '\t')
        p++;
      if ((p[0] == '-' || p[0] == '*') && p[1] == ' ')
        p += 2;
      else if (g_str_has_prefix (p, "• "))
        p += strlen ("• ");
      /* An en dash typed for a hyphen, as word processors do. */
      else if (g_str_has_prefix (p, "– "))
        p += strlen ("– ");
      else
        {
          g_string_append (rest, lines[i]);
          g_string_append_c (rest, ' ');
          continue;
        }

      any = TRUE;
      _ladder_outline_get_mutable (reader->outline,
                                   _ladder_outline_add (reader->outline, LADDER_OUTLINE_ITEM,
                                                        holder,
                                                        _ladder_outline_get_node (reader->outline, holder)->line,
                                                        p, -1))->depth = list_depth + 1;
      _ladder_outline_find_label (reader->outline, _ladder_outline_get_n_nodes (reader->outline) - 1);
    }

  if (any)
    g_string_assign (text, rest->str);
}

static guint
add_with_text (HtmlReader        *reader,
               xmlNode           *node,
               LadderOutlineKind  kind,
               guint              parent,
               guint              list_depth,
               guint              depth)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint index;
  LadderOutlineNode *added;
  g_autofree char *collapsed = NULL;

  index = _ladder_outline_add (reader->outline, kind, parent, line_of (reader, node), NULL, 0);
  if (kind == LADDER_OUTLINE_ITEM)
    _ladder_outline_get_mutable (reader->outline, index)->depth = list_depth;
  gather (reader, node, index, list_depth, text, depth + 1);
  if (kind == LADDER_OUTLINE_CELL)
    split_bullets (reader, index, list_depth, text);

  collapsed = _ladder_import_collapse_space (text->str, text->len);
  added = _ladder_outline_get_mutable (reader->outline, index);
  g_free (added->text);
  added->text = g_steal_pointer (&collapsed);
  /* "<p><strong>Scope</strong> <em>what it covers</em></p>": a bold run
   * that opens a paragraph or an item labels it, as in Markdown. */
  if (kind == LADDER_OUTLINE_PARAGRAPH || kind == LADDER_OUTLINE_ITEM)
    {
      xmlNode *first = node->children;

      while (first != NULL && first->type == XML_TEXT_NODE &&
             strspn ((const char *) first->content, " \t\r\n") == strlen ((const char *) first->content))
        first = first->next;
      if (first != NULL && (is_named (first, "strong") || is_named (first, "b")))
        {
          xmlChar *bold = xmlNodeGetContent (first);
          g_autofree char *label = _ladder_import_collapse_space ((const char *) bold, -1);
          gsize length = strlen (label);

          xmlFree (bold);
          while (length > 0 && (label[length - 1] == ':' || label[length - 1] == ' '))
            label[--length] = '\0';
          if (length > 0 && length < 80 && g_str_has_prefix (added->text, label))
            {
              g_free (added->label);
              added->label = g_steal_pointer (&label);
            }
        }
    }
  _ladder_outline_find_label (reader->outline, index);

  return index;
}

/* A cell's rowspan or colspan: 1 unless it says a bounded number. */
static guint
span_of (xmlNode    *cell,
         const char *name)
{
  xmlChar *value = xmlGetProp (cell, (const xmlChar *) name);
  guint64 span = 1;

  if (value != NULL)
    {
      if (!g_ascii_string_to_unsigned ((const char *) value, 10, 1, MAX_SPAN, &span, NULL))
        span = 1;
      xmlFree (value);
    }

  return (guint) span;
}

/* A cell spanning the rows below: its text, and how many rows it still
 * covers. */
typedef struct
{
  guint  left;
  char  *text;
  guint  line;
} RowSpan;

static void
row_span_clear (gpointer data)
{
  g_free (((RowSpan *) data)->text);
}

/* Whether @section holds cells of its own, outside any <tr>. */
static gboolean
has_loose_cells (xmlNode *section)
{
  for (xmlNode *child = section->children; child != NULL; child = child->next)
    if (is_named (child, "td") || is_named (child, "th"))
      return TRUE;
  return FALSE;
}

static void
walk_table (HtmlReader *reader,
            xmlNode    *table,
            guint       parent,
            guint       depth)
{
  guint index = _ladder_outline_add (reader->outline, LADDER_OUTLINE_TABLE, parent,
                                     line_of (reader, table), NULL, 0);
  GPtrArray *rows = g_ptr_array_new ();
  g_autoptr(GArray) spans = g_array_new (FALSE, TRUE, sizeof (RowSpan));

  guint n_cells = 0;
  guint n_copies = 0;

  g_array_set_clear_func (spans, row_span_clear);

  /* Rows directly in the table or in its sections, in order. Cells
   * written straight into a section or the table, with no <tr> around
   * them ("<thead><th>Beginner</th>…</thead>"), are kept by the parser
   * where they stand: they make one implied row, their section. */
  for (xmlNode *child = table->children; child != NULL; child = child->next)
    {
      if (is_named (child, "tr"))
        g_ptr_array_add (rows, child);
      else if (is_named (child, "thead") || is_named (child, "tbody") || is_named (child, "tfoot"))
        {
          if (has_loose_cells (child))
            g_ptr_array_add (rows, child);
          for (xmlNode *row = child->children; row != NULL; row = row->next)
            if (is_named (row, "tr"))
              g_ptr_array_add (rows, row);
        }
    }
  if (has_loose_cells (table))
    g_ptr_array_insert (rows, 0, table);

  for (guint r = 0; r < rows->len; r++)
    {
      xmlNode *row = g_ptr_array_index (rows, r);
      gboolean in_head = is_named (row, "thead") ||
                         (row->parent != NULL && is_named (row->parent, "thead"));
      gboolean all_th = TRUE;
      guint row_index;

      for (xmlNode *cell = row->children; cell != NULL; cell = cell->next)
        if (is_named (cell, "td"))
          all_th = FALSE;

      row_index = _ladder_outline_add (reader->outline, LADDER_OUTLINE_ROW, index,
                                       line_of (reader, row), NULL, 0);
      _ladder_outline_get_mutable (reader->outline, row_index)->header = in_head || (r == 0 && all_th);

      /* A cell that spans rows stands again, as its text, in each row
       * it covers, so that every row has its first cell (a level's name
       * over its summary row and its behaviours). */
      xmlNode *cell = row->children;

      for (guint column = 0;;)
        {
          guint cell_index;
          guint rowspan;
          guint colspan;

          /* Copies never outnumber the table's own cells: a hostile
           * table of spans costs no more than one of cells. */
          while (column < spans->len && g_array_index (spans, RowSpan, column).left > 0 &&
                 n_copies < n_cells)
            {
              RowSpan *span = &g_array_index (spans, RowSpan, column);

              cell_index = _ladder_outline_add (reader->outline, LADDER_OUTLINE_CELL, row_index,
                                                span->line, span->text, -1);
              _ladder_outline_get_mutable (reader->outline, cell_index)->header =
                _ladder_outline_get_node (reader->outline, row_index)->header;
              _ladder_outline_get_mutable (reader->outline, cell_index)->spanned = TRUE;
              span->left--;
              column++;
              n_copies++;
            }
          /* Out of copies: the rest of the spans are left as they are. */
          while (column < spans->len && g_array_index (spans, RowSpan, column).left > 0)
            {
              g_array_index (spans, RowSpan, column).left--;
              column++;
            }
          while (cell != NULL && !is_named (cell, "td") && !is_named (cell, "th"))
            cell = cell->next;
          if (cell == NULL)
            break;

          cell_index = add_with_text (reader, cell, LADDER_OUTLINE_CELL, row_index, 0, depth + 1);
          _ladder_outline_get_mutable (reader->outline, cell_index)->header =
            _ladder_outline_get_node (reader->outline, row_index)->header;
          n_cells++;
          rowspan = span_of (cell, "rowspan");
          colspan = span_of (cell, "colspan");
          if (rowspan > 1 && column < MAX_SPAN)
            {
              RowSpan *span;

              if (spans->len <= column)
                g_array_set_size (spans, column + 1);
              span = &g_array_index (spans, RowSpan, column);
              g_free (span->text);
              span->text = g_strdup (_ladder_outline_get_node (reader->outline, cell_index)->text);
              span->line = _ladder_outline_get_node (reader->outline, cell_index)->line;
              span->left = rowspan - 1;
            }
          column += colspan;
          cell = cell->next;
        }
    }

  g_ptr_array_unref (rows);
}

static void
walk (HtmlReader *reader,
      xmlNode    *node,
      guint       parent,
      guint       list_depth,
      GString    *loose,
      guint       depth)
{
  if (depth > MAX_DEPTH || is_left_out (node))
    return;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (loose != NULL)
        g_string_append (loose, (const char *) node->content);
      else
        {
          g_autofree char *text = _ladder_import_collapse_space ((const char *) node->content, -1);

          if (*text != '\0')
            _ladder_outline_add (reader->outline, LADDER_OUTLINE_PARAGRAPH, parent,
                                 line_of (reader, node), text, -1);
        }
      return;
    }

  if (node->type != XML_ELEMENT_NODE && node->type != XML_DOCUMENT_NODE &&
      node->type != XML_HTML_DOCUMENT_NODE)
    return;

  if (is_named (node, "br"))
    {
      if (loose != NULL)
        g_string_append_c (loose, '\n');
      return;
    }

  if (node->type == XML_ELEMENT_NODE && node->name[0] == 'h' && node->name[0] != '\0' &&
      node->name[1] >= '1' && node->name[1] <= '6' && node->name[2] == '\0')
    {
      guint index = add_with_text (reader, node, LADDER_OUTLINE_HEADING, G_MAXUINT, list_depth, depth);

      _ladder_outline_get_mutable (reader->outline, index)->depth = node->name[1] - '0';
      return;
    }

  if (is_named (node, "ul") || is_named (node, "ol") || is_named (node, "menu"))
    {
      guint number = 1;

      for (xmlNode *child = node->children; child != NULL; child = child->next)
        {
          if (is_named (child, "li"))
            {
              guint index = add_with_text (reader, child, LADDER_OUTLINE_ITEM, parent,
                                           list_depth + 1, depth);

              if (is_named (node, "ol"))
                {
                  LadderOutlineNode *item = _ladder_outline_get_mutable (reader->outline, index);

                  item->ordered = TRUE;
                  item->number = number++;
                }
            }
          else
            {
              walk (reader, child, parent, list_depth, loose, depth + 1);
            }
        }
      return;
    }

  if (is_named (node, "li"))
    {
      add_with_text (reader, node, LADDER_OUTLINE_ITEM, parent, list_depth + 1, depth);
      return;
    }

  if (is_named (node, "table"))
    {
      walk_table (reader, node, parent, depth);
      return;
    }

  if (is_named (node, "dt"))
    {
      reader->last_label = add_with_text (reader, node, LADDER_OUTLINE_LABEL, parent, list_depth, depth);
      reader->last_label_parent = parent;
      return;
    }

  if (is_named (node, "dd"))
    {
      /* The definition belongs to the term above it. */
      guint label = reader->last_label_parent == parent ? reader->last_label : G_MAXUINT;

      add_with_text (reader, node, LADDER_OUTLINE_PARAGRAPH,
                     label != G_MAXUINT ? label : parent, list_depth, depth);
      return;
    }

  if (is_named (node, "p"))
    {
      add_with_text (reader, node, LADDER_OUTLINE_PARAGRAPH, parent, list_depth, depth);
      return;
    }

  if (!is_block (node) && node->type == XML_ELEMENT_NODE && loose == NULL)
    {
      /* Inline content outside any block: a paragraph of its own. */
      add_with_text (reader, node, LADDER_OUTLINE_PARAGRAPH, parent, list_depth, depth);
      return;
    }

  /* A container (html, body, div, section): what it holds, where it is. */
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    walk (reader, child, parent, list_depth, loose, depth + 1);
}

void
_ladder_outline_read_html (LadderOutline *outline,
                           const char    *text,
                           gsize          length,
                           guint          first_line,
                           guint          parent,
                           guint          list_depth,
                           GString       *loose)
{
  HtmlReader reader = { outline, MAX (first_line, 1), G_MAXUINT, G_MAXUINT };
  htmlDocPtr document;

  if (length == 0 || length > G_MAXINT)
    return;

  document = htmlReadMemory (text, (int) length, NULL, "UTF-8",
                             HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                             HTML_PARSE_NONET | HTML_PARSE_RECOVER);
  if (document == NULL)
    return;

  for (xmlNode *child = document->children; child != NULL; child = child->next)
    walk (&reader, child, parent, list_depth, loose, 0);

  if (loose != NULL && parent != G_MAXUINT &&
      _ladder_outline_get_node (outline, parent)->kind == LADDER_OUTLINE_CELL)
    split_bullets (&reader, parent, list_depth, loose);

  xmlFreeDoc (document);
}
