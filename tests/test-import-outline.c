/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib.h>
#include <string.h>

#include "ladder-import-outline-private.h"
#include "ladder-import-private.h"

/* Each reader on a small input of each shape it must take apart, compared
 * whole: one node a line, "LINE KIND [DEPTH] [^PARENT] [#NUMBER] [header]
 * [[LABEL]] TEXT". */

typedef enum
{
  READ_MARKDOWN,
  READ_HTML,
  READ_CSV,
} Reader;

static char *
read_outline (Reader      reader,
              const char *text)
{
  g_autoptr(LadderOutline) outline = _ladder_outline_new ();

  switch (reader)
    {
    case READ_MARKDOWN:
      _ladder_outline_read_markdown (outline, text, strlen (text));
      break;
    case READ_HTML:
      _ladder_outline_read_html (outline, text, strlen (text), 1, G_MAXUINT, 0, NULL);
      break;
    case READ_CSV:
    default:
      _ladder_outline_read_csv (outline, text, strlen (text));
      break;
    }

  return _ladder_outline_to_string (outline);
}

/* Plain text, cut into lines as the importer cuts it; the lines dropped
 * follow the nodes as "LINE dropped". */
static char *
read_text_outline (const char *text)
{
  g_autoptr(LadderOutline) outline = _ladder_outline_new ();
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree LadderImportLine *cut = g_new0 (LadderImportLine, g_strv_length (lines) + 1);
  LadderImportInput input = { "test.txt", text, strlen (text), cut, g_strv_length (lines), NULL };
  g_autofree char *nodes = NULL;
  GString *out;

  for (guint i = 0; lines[i] != NULL; i++)
    cut[i] = (LadderImportLine) { lines[i], strlen (lines[i]), i + 1 };
  _ladder_outline_read_text (outline, &input);

  out = g_string_new (NULL);
  nodes = _ladder_outline_to_string (outline);
  g_string_append (out, nodes);
  for (guint i = 0; i < _ladder_outline_get_n_dropped (outline); i++)
    g_string_append_printf (out, "%u dropped\n", _ladder_outline_get_dropped (outline, i)->line);

  return g_string_free (out, FALSE);
}

static void
test_text_lines (void)
{
  g_autofree char *outline = read_text_outline (
    "Team Ladder\n"
    "\n"
    "Home | Teams | Backend\n"
    "\n"
    "By Acme\n"
    "\n"
    "Level 1\n"
    "\n"
    "Works within the team\n"
    "\n"
    "Craft\n"
    "\n"
    "Engineering\n"
    "  \xe2\x80\xa2 Writes tests\n"
    "    \xe2\x80\xa2 Unit tests\n"
    "  \xe2\x80\xa2 Fixes bugs\n"
    "<%# note %>\n"
    "\n"
    "Level 2\n"
    "\n"
    "Craft\n"
    "\n"
    "  \xe2\x80\xa2 Designs systems\n"
    "  \xe2\x80\xa2 \xe2\x80\x9cLike the queue\xe2\x80\x9d\n"
    "\n"
    "Sign up for free\n");

  /* The breadcrumb, the template comment and the sign-up line after the
   * last level hold no node. */
  g_assert_cmpstr (outline, ==,
                   "1 heading 1 Team Ladder\n"
                   "5 paragraph By Acme\n"
                   "7 heading 2 Level 1\n"
                   "9 paragraph Works within the team\n"
                   "11 heading 3 Craft\n"
                   "13 label [Engineering] Engineering\n"
                   "14 item 1 Writes tests\n"
                   "15 item 2 ^6 Unit tests\n"
                   "16 item 1 Fixes bugs\n"
                   "19 heading 2 Level 2\n"
                   "21 heading 3 Craft\n"
                   "23 item 1 Designs systems\n"
                   "24 item 2 ^11 \xe2\x80\x9cLike the queue\xe2\x80\x9d\n"
                   "3 dropped\n"
                   "17 dropped\n"
                   "26 dropped\n");
}

/* Without bullets every line is a paragraph; under "Examples" the lines
 * are items of the behaviour above until one reads like a behaviour
 * again; "Senior Leadership Competencies" is a level and a category. */
static void
test_text_competencies_and_examples (void)
{
  g_autofree char *outline = read_text_outline (
    "Senior Engineer\n"
    "\n"
    "Senior Leadership Competencies\n"
    "\n"
    "Implements simple handlers\n"
    "\n"
    "Examples\n"
    "\n"
    "Basic CRUD handlers\n"
    "\n"
    "Designs simple tables\n"
    "\n"
    "Senior Technical Competencies\n"
    "\n"
    "Reviews code\n");

  g_assert_cmpstr (outline, ==,
                   "1 heading 1 Senior Engineer\n"
                   "3 heading 2 Senior\n"
                   "3 heading 3 Leadership\n"
                   "5 paragraph Implements simple handlers\n"
                   "9 item 2 ^3 Basic CRUD handlers\n"
                   "11 paragraph Designs simple tables\n"
                   "13 heading 3 Technical\n"
                   "15 paragraph Reviews code\n");
}

static void
test_markdown_lists (void)
{
  g_autofree char *outline = read_outline (READ_MARKDOWN,
    "# Acme Engineering Ladder\n"
    "\n"
    "Intro *text* here.\n"
    "\n"
    "## IC1\n"
    "\n"
    "- **Impact:** Delivers tasks\n"
    "  - Fixes bugs\n"
    "  - Writes tests\n"
    "- Communication: talks &amp; listens\n"
    "- Note that: this is no label, it is a sentence\n"
    "\n"
    "1. First\n"
    "2. Second\n"
    "\n"
    "```\n"
    "- code is not an item\n"
    "```\n");

  g_assert_cmpstr (outline, ==,
                   "1 heading 1 Acme Engineering Ladder\n"
                   "3 paragraph Intro text here.\n"
                   "5 heading 2 IC1\n"
                   "7 item 1 [Impact] Impact: Delivers tasks\n"
                   "8 item 2 ^3 Fixes bugs\n"
                   "9 item 2 ^3 Writes tests\n"
                   "10 item 1 [Communication] Communication: talks & listens\n"
                   "11 item 1 Note that: this is no label, it is a sentence\n"
                   "13 item 1 #1 First\n"
                   "14 item 1 #2 Second\n");
}

static void
test_markdown_tables (void)
{
  g_autofree char *outline = read_outline (READ_MARKDOWN,
    "Intro\n"
    "\n"
    "| Level | Craft | Impact |\n"
    "| --- | --- | --- |\n"
    "| L1 | <ul><li>Writes code</li><li>Reviews</li></ul> | Small<br>- one<br>- two |\n"
    "\n"
    "<div><h3>HTML heading</h3><style>p { color: red }</style><ul><li>html item</li></ul></div>\n");

  g_assert_cmpstr (outline, ==,
                   "1 paragraph Intro\n"
                   "3 table\n"
                   "3 row ^1 header\n"
                   "3 cell ^2 header Level\n"
                   "3 cell ^2 header Craft\n"
                   "3 cell ^2 header Impact\n"
                   "5 row ^1\n"
                   "5 cell ^6 L1\n"
                   "5 cell ^6\n"
                   "5 item 1 ^8 Writes code\n"
                   "5 item 1 ^8 Reviews\n"
                   "5 cell ^6 Small\n"
                   "5 item 1 ^11 one\n"
                   "5 item 1 ^11 two\n"
                   "7 heading 3 HTML heading\n"
                   "7 item 1 html item\n");
}

static void
test_html_page (void)
{
  g_autofree char *outline = read_outline (READ_HTML,
    "<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head>\n"
    "<body><nav><ul><li>Home</li></ul></nav>\n"
    "<h1>Ladder</h1>\n"
    "<p>Some <b>intro</b>.</p>\n"
    "<table><thead><tr><th>Area</th><th>L1</th></tr></thead>\n"
    "<tbody><tr><td>Craft</td><td><ul><li>Code<ul><li>Tests</li></ul></li></ul></td></tr></tbody></table>\n"
    "<dl><dt>Impact</dt><dd>Big</dd></dl>\n"
    "<script>alert(1)</script>\n"
    "<footer>foot</footer>\n"
    "</body></html>\n");

  g_assert_cmpstr (outline, ==,
                   "3 heading 1 Ladder\n"
                   "4 paragraph Some intro.\n"
                   "5 table\n"
                   "5 row ^2 header\n"
                   "5 cell ^3 header Area\n"
                   "5 cell ^3 header L1\n"
                   "6 row ^2\n"
                   "6 cell ^6 Craft\n"
                   "6 cell ^6\n"
                   "6 item 1 ^8 Code\n"
                   "6 item 2 ^9 Tests\n"
                   "7 label Impact\n"
                   "7 paragraph ^11 Big\n");
}

static void
test_csv_spreadsheet (void)
{
  g_autofree char *outline = read_outline (READ_CSV,
    "Level;Competency;Expectation\r\n"
    "L1;Craft;\"Writes \"\"good\"\" code\n- a\n- b\"\r\n"
    "\r\n"
    "L2;Impact;Leads\n");

  g_assert_cmpstr (outline, ==,
                   "1 table\n"
                   "1 row ^0 header\n"
                   "1 cell ^1 header Level\n"
                   "1 cell ^1 header Competency\n"
                   "1 cell ^1 header Expectation\n"
                   "2 row ^0\n"
                   "2 cell ^5 L1\n"
                   "2 cell ^5 Craft\n"
                   "2 cell ^5 Writes \"good\" code\n"
                   "3 item 1 ^8 a\n"
                   "4 item 1 ^8 b\n"
                   "6 row ^0\n"
                   "6 cell ^11 L2\n"
                   "6 cell ^11 Impact\n"
                   "6 cell ^11 Leads\n");
}

static void
test_csv_separators (void)
{
  g_assert_cmpint (_ladder_outline_detect_separator ("a,b,c\n", 6), ==, ',');
  g_assert_cmpint (_ladder_outline_detect_separator ("a;b;\"c,d,e\"\n", 12), ==, ';');
  g_assert_cmpint (_ladder_outline_detect_separator ("a\tb, c\tc\n", 9), ==, '\t');
}

/* CommonMark ends an HTML block at a blank line: a table written with
 * blank lines between its rows is still one table, and a level's name
 * spanning three rows stands at the start of each. */
static void
test_markdown_html_table_spans (void)
{
  g_autoptr(LadderOutline) outline = _ladder_outline_new ();
  static const char text[] =
    "<table>\n"
    "\n"
    "  <tr><th>Level</th><th>Craft</th><th>Impact</th></tr>\n"
    "\n"
    "  <tr><th rowspan=\"2\">IC1</th><td colspan=\"2\">Starts out</td></tr>\n"
    "\n"
    "  <tr><td><ul><li>Writes tests</li></ul></td><td>Ships</td></tr>\n"
    "</table>\n"
    "\n"
    "- [Handbook](https://example.com)\n";
  g_autofree char *read = NULL;
  guint n_spanned = 0;

  _ladder_outline_read_markdown (outline, text, strlen (text));
  read = _ladder_outline_to_string (outline);
  g_assert_cmpstr (read, ==,
                   "1 table\n"
                   "3 row ^0 header\n"
                   "3 cell ^1 header Level\n"
                   "3 cell ^1 header Craft\n"
                   "3 cell ^1 header Impact\n"
                   "5 row ^0\n"
                   "5 cell ^5 IC1\n"
                   "5 cell ^5 Starts out\n"
                   "7 row ^0\n"
                   "5 cell ^8 IC1\n"
                   "7 cell ^8\n"
                   "7 item 1 ^10 Writes tests\n"
                   "7 cell ^8 Ships\n"
                   "10 item 1 Handbook\n");
  for (guint i = 0; i < _ladder_outline_get_n_nodes (outline); i++)
    {
      const LadderOutlineNode *node = _ladder_outline_get_node (outline, i);

      if (node->spanned)
        n_spanned++;
      g_assert_true (node->embedded || node->kind == LADDER_OUTLINE_ITEM);
      g_assert_true (node->only_link == (node->kind == LADDER_OUTLINE_ITEM && node->parent == G_MAXUINT));
    }
  g_assert_cmpuint (n_spanned, ==, 1);
}

/* A bold run that opens a paragraph labels it, as "**Scope**" does in
 * Markdown: a saved page names its categories so. */
static void
test_html_bold_labels (void)
{
  g_autofree char *outline = read_outline (READ_HTML,
    "<p><strong>Scope</strong> <em>Area of ownership</em></p>\n"
    "<ul><li>Owns a project</li></ul>\n"
    "<p><b>Impact:</b></p>\n"
    "<p>Plain <strong>bold</strong> later</p>\n");

  g_assert_cmpstr (outline, ==,
                   "1 paragraph [Scope] Scope Area of ownership\n"
                   "2 item 1 Owns a project\n"
                   "3 paragraph [Impact] Impact:\n"
                   "4 paragraph Plain bold later\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/ladder/import/outline/markdown-lists", test_markdown_lists);
  g_test_add_func ("/ladder/import/outline/text-lines", test_text_lines);
  g_test_add_func ("/ladder/import/outline/text-competencies-and-examples",
                   test_text_competencies_and_examples);
  g_test_add_func ("/ladder/import/outline/markdown-tables", test_markdown_tables);
  g_test_add_func ("/ladder/import/outline/html-page", test_html_page);
  g_test_add_func ("/ladder/import/outline/html-bold-labels", test_html_bold_labels);
  g_test_add_func ("/ladder/import/outline/markdown-html-table-spans", test_markdown_html_table_spans);
  g_test_add_func ("/ladder/import/outline/csv-spreadsheet", test_csv_spreadsheet);
  g_test_add_func ("/ladder/import/outline/csv-separators", test_csv_separators);

  return g_test_run ();
}
