/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A description longer than LONG_BODY_BYTES in the evidence editor:
 * shown read-only, in pieces that a list view lays out only when scrolled
 * to and that go into it a few at a frame, until Edit Anyway
 * (editor.edit-long-body) puts it in the text view. See
 * ladder-evidence-editor-private.h. */

#define G_LOG_DOMAIN "ladder-evidence-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ladder-evidence-editor-private.h"
#include "ladder-text-private.h"

/* What one row of the shown text holds at most. */
#define LONG_BODY_CHUNK 512

/* Whether a run of text (see _ladder_text_next_run()) ends where a line
 * may break anyway. */
static gboolean
ends_at_space (const char *start,
               const char *end)
{
  return end > start && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n');
}

/* The text in pieces, each a label of its own, laid out only when
 * scrolled to, so that the time to show any text is bounded: runs of
 * about LADDER_TEXT_RUN_LENGTH characters (never cut inside a character
 * and its marks) put together up to LONG_BODY_CHUNK bytes, and a piece
 * ends too where a run ends inside a word. A label's minimum width lays
 * its text out with as many line breaks as it can take, and each line of
 * a word with no break opportunity costs Pango work in proportion to the
 * whole word: pieces of 512 such characters took about 10 ms each to
 * measure, one run of them a small part of that. */
static GStrv
chunk_text (const char *text)
{
  g_autoptr(GPtrArray) chunks = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  const char *end = text + strlen (text);
  const char *start = text;

  for (const char *p = text; p < end;)
    {
      const char *next = _ladder_text_next_run (p, end);

      if (p > start && next - start > LONG_BODY_CHUNK)
        {
          g_ptr_array_add (chunks, g_strndup (start, (gsize) (p - start)));
          start = p;
        }
      if (!ends_at_space (p, next) || next == end)
        {
          g_ptr_array_add (chunks, g_strndup (start, (gsize) (next - start)));
          start = next;
        }
      p = next;
    }

  return (GStrv) g_ptr_array_steal (chunks, NULL);
}

/* A list view makes and measures a row for up to 200 items around where
 * it is scrolled to, all in the frame its model changes: every piece of
 * a long text at once took the editor's first frame past a second. So
 * the pieces go into the list a few at each frame, as many as fit a
 * frame's time, until the list has more than it makes rows for; the rest
 * then go in at once, and get rows only when scrolled to. */
#define LONG_BODY_PIECES_PER_FRAME 12
#define LONG_BODY_PIECES_WITH_ROWS 256

void
_ladder_evidence_editor_stop_adding_pieces (LadderEvidenceEditor *self)
{
  if (self->long_body_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->long_body_list), self->long_body_tick_id);
  self->long_body_tick_id = 0;
  g_clear_pointer (&self->long_body_pieces, g_strfreev);
  self->long_body_next = 0;
}

static gboolean
add_pieces_cb (GtkWidget     *list,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  LadderEvidenceEditor *self = user_data;
  GtkStringList *pieces = GTK_STRING_LIST (
    gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_list_view_get_model (self->long_body_list))));
  guint n = g_strv_length (self->long_body_pieces + self->long_body_next);
  guint position = g_list_model_get_n_items (G_LIST_MODEL (pieces));
  g_autofree char **batch = NULL;

  if (position + LONG_BODY_PIECES_PER_FRAME < LONG_BODY_PIECES_WITH_ROWS)
    n = MIN (n, LONG_BODY_PIECES_PER_FRAME);

  /* Borrowed: the list copies them. */
  batch = g_new0 (char *, n + 1);
  memcpy (batch, self->long_body_pieces + self->long_body_next, n * sizeof (char *));
  gtk_string_list_splice (pieces, position, 0, (const char * const *) batch);
  self->long_body_next += n;

  if (self->long_body_pieces[self->long_body_next] != NULL)
    return G_SOURCE_CONTINUE;

  self->long_body_tick_id = 0;
  g_clear_pointer (&self->long_body_pieces, g_strfreev);
  self->long_body_next = 0;
  return G_SOURCE_REMOVE;
}

/* A width in characters makes a label measure its minimum width with
 * lines that long, not one character a line. */
static void
setup_chunk_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "xalign", 0.0,
                                   "width-chars", 20,
                                   "use-markup", FALSE,
                                   "selectable", FALSE,
                                   "margin-start", 12,
                                   "margin-end", 12,
                                   NULL);


  gtk_list_item_set_child (item, label);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_focusable (item, FALSE);
}

static void
bind_chunk_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  const char *chunk = gtk_string_object_get_string (gtk_list_item_get_item (item));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  /* A piece's runs are items of their own, as in the PDF, and no hyphen
   * shows where a word is broken: it is not in the text. */
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  _ladder_text_add_runs (attrs, chunk, -1);
  gtk_label_set_label (label, chunk);
  gtk_label_set_attributes (label, attrs);
}

/* A description too long to edit without the window freezing is shown
 * in pieces, read-only, and saved as it is; Edit Anyway puts it in the
 * text view all the same. */
void
_ladder_evidence_editor_show_long_body (LadderEvidenceEditor *self,
                                        const char           *body)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autofree char *size = g_format_size (strlen (body));
  g_autofree char *text = NULL;

  self->long_body = g_strdup (body);
  /* Translators: %s is a size, such as "1.0 MB" */
  text = g_strdup_printf (_("This description is %s, too long to edit here without the window "
                            "freezing. It is shown below and saved as it is."),
                          size);
  gtk_label_set_label (self->long_body_label, text);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_chunk_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_chunk_cb), NULL);
  gtk_list_view_set_factory (self->long_body_list, factory);
  gtk_list_view_set_model (self->long_body_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (gtk_string_list_new (NULL)))));
  _ladder_evidence_editor_stop_adding_pieces (self);
  self->long_body_pieces = chunk_text (body);
  self->long_body_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->long_body_list),
                                                          add_pieces_cb, self, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->body_view), FALSE);
  gtk_widget_set_visible (self->long_body_box, TRUE);
}

void
_ladder_evidence_editor_edit_long_body_action (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *parameter)
{
  LadderEvidenceEditor *self = LADDER_EVIDENCE_EDITOR (widget);
  g_autofree char *body = g_steal_pointer (&self->long_body);

  if (body == NULL)
    return;

  _ladder_evidence_editor_stop_adding_pieces (self);
  gtk_list_view_set_model (self->long_body_list, NULL);
  gtk_widget_set_visible (self->long_body_box, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->body_view), TRUE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), body, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}
