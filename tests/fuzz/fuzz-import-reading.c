/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reading of an outline as a framework, alone: the outline is made
 * straight from the input, one node a line, so that the fuzzer reaches
 * shapes of headings, items, tables and labels that no reader would take
 * long to be led to. Every reading the weighing offers is then read, and
 * each must give a framework or an error, never a crash, a warning or a
 * leak, whatever nodes hold what.
 *
 * A line is three characters and the node's text, each character counted
 * from '0': the kind, the depth (its low bits) with the header and ordered
 * flags, and how many nodes back its parent is (0 for none). "581Area" is
 * a header cell whose parent is the node before it.
 */

#include "config.h"

#include "fuzz-common.h"
#include "ladder-import-outline-private.h"
#include "ladder-import-private.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_glib ();

  return 0;
}

static void
add_node (LadderOutline *outline,
          const char    *line,
          gsize          length,
          guint          number)
{
  guint n_nodes = _ladder_outline_get_n_nodes (outline);
  LadderOutlineNode *node;
  guint index;
  guint parent = G_MAXUINT;
  guchar kind;
  guchar flags;
  guchar back;

  if (length < 3)
    return;
  if ((guchar) line[0] >= 0x80 || (guchar) line[1] >= 0x80 || (guchar) line[2] >= 0x80)
    return;
  kind = line[0] >= '0' ? line[0] - '0' : 0;
  flags = line[1] >= '0' ? line[1] - '0' : 0;
  back = line[2] >= '0' ? line[2] - '0' : 0;

  if (back > 0 && back <= n_nodes)
    parent = n_nodes - back;
  index = _ladder_outline_add (outline, kind % (LADDER_OUTLINE_CELL + 1), parent, number,
                               line + 3, length - 3);
  node = _ladder_outline_get_mutable (outline, index);
  node->depth = 1 + (flags & 7) % 6;
  node->header = (flags & 8) != 0;
  node->ordered = (flags & 16) != 0;
  node->number = node->ordered ? (flags >> 5) : 0;
  _ladder_outline_find_label (outline, index);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const LadderImportOptions options = { 0 };
  g_autoptr(LadderOutline) outline = NULL;
  g_autoptr(GArray) readings = NULL;
  g_autoptr(LadderImportReport) report = NULL;
  g_autofree char *text = NULL;
  LadderImportInput input = { 0 };
  const char *line;
  guint number = 1;

  /* The importer refuses anything else before a reader sees it. */
  if (!g_utf8_validate_len ((const char *) data, size, NULL))
    return 0;

  text = g_strndup ((const char *) data, size);
  outline = _ladder_outline_new ();
  line = text;
  while (*line != '\0')
    {
      const char *end = strchr (line, '\n');

      if (end == NULL)
        end = line + strlen (line);

      /* Only lines whose three control bytes leave valid text. */
      if (end - line >= 3 && g_utf8_validate_len (line + 3, end - line - 3, NULL))
        add_node (outline, line, end - line, number);
      number++;
      line = *end == '\n' ? end + 1 : end;
    }

  report = ladder_import_report_new ();
  input.filename = "fuzz";
  input.data = text;
  input.length = strlen (text);
  input.report = report;

  readings = g_array_new (FALSE, TRUE, sizeof (LadderImportReading));
  _ladder_import_weigh_outline (outline, readings);
  for (guint i = 0; i < readings->len; i++)
    {
      const LadderImportReading *reading = &g_array_index (readings, LadderImportReading, i);
      LadderImportBuilder *builder = _ladder_import_builder_new (&input, &options);
      g_autoptr(LadderFramework) framework = NULL;
      g_autoptr(GError) error = NULL;

      g_assert (reading->score <= 100);
      _ladder_import_read_with (outline, reading, builder);
      framework = _ladder_import_builder_finish (builder, &error);
      g_assert ((framework != NULL) != (error != NULL));
      _ladder_import_builder_free (builder);
    }

  return 0;
}
