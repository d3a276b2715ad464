/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-evidence-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-evidence-row.h"
#include "ladder-ui-private.h"

/* One entry of the evidence list: title, date, the start of its text, its
 * tags and the behaviours it backs. */
struct _LadderEvidenceRow
{
  GtkWidget        parent_instance;

  LadderFramework *framework;
  LadderEvidence  *evidence;

  GtkLabel        *title;
  GtkLabel        *date;
  GtkLabel        *body;
  GtkLabel        *details;
  GtkButton       *delete_button;
};

G_DEFINE_FINAL_TYPE (LadderEvidenceRow, ladder_evidence_row, GTK_TYPE_WIDGET)

/* More characters than two lines of the widest row hold: the body label
 * lays out all the text it is given, only to show two lines of it, and a
 * search rebinds every visible row. */
#define PREVIEW_CHARS 300

static char *
make_preview (const char *body)
{
  g_autofree char *joined = _ladder_join_lines (body);
  const char *end = joined;

  for (guint i = 0; i < PREVIEW_CHARS && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  if (*end == '\0')
    return g_steal_pointer (&joined);

  /* Cut: the ellipsis says that more follows, whatever the font. */
  return g_strdup_printf ("%.*s…", (int) (end - joined), joined);
}

static void
ladder_evidence_row_update (LadderEvidenceRow *self)
{
  const char * const *tags = ladder_evidence_get_tags (self->evidence);
  const char * const *behaviours = ladder_evidence_get_behaviours (self->evidence);
  const char *body = ladder_evidence_get_body (self->evidence);
  g_autofree char *date = _ladder_date_format (ladder_evidence_get_date (self->evidence),
                                               LADDER_DATE_COLUMN, "");
  g_autoptr(GString) details = g_string_new (NULL);
  guint n_behaviours = behaviours != NULL ? g_strv_length ((char **) behaviours) : 0;
  g_autofree char *preview = NULL;

  gtk_label_set_label (self->title, ladder_evidence_get_title (self->evidence));
  gtk_label_set_label (self->date, date);
  /* The start of the text as one run: a label limited to two lines still
   * shows every paragraph after them, each ellipsized on its own. */
  if (body != NULL)
    preview = make_preview (body);
  gtk_label_set_label (self->body, preview != NULL ? preview : "");
  gtk_widget_set_visible (GTK_WIDGET (self->body), body != NULL && *body != '\0');

  if (n_behaviours == 1 && self->framework != NULL &&
      ladder_framework_find_behaviour (self->framework, behaviours[0]) != NULL)
    g_string_append (details, ladder_behaviour_get_text (
                                ladder_framework_find_behaviour (self->framework, behaviours[0])));
  else if (n_behaviours > 0)
    g_string_append_printf (details, g_dngettext (GETTEXT_PACKAGE, "%u behaviour",
                                                  "%u behaviours", n_behaviours),
                            n_behaviours);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      if (details->len > 0)
        g_string_append (details, i == 0 ? " · " : ", ");
      g_string_append_printf (details, "#%s", tags[i]);
    }
  gtk_label_set_label (self->details, details->str);
  gtk_widget_set_visible (GTK_WIDGET (self->details), details->len > 0);

  /* The behaviours it backs, by name, one a line. */
  g_string_truncate (details, 0);
  for (guint i = 0; self->framework != NULL && i < n_behaviours; i++)
    {
      LadderBehaviour *behaviour = ladder_framework_find_behaviour (self->framework, behaviours[i]);

      if (behaviour == NULL)
        continue;
      if (details->len > 0)
        g_string_append_c (details, '\n');
      g_string_append_printf (details, "• %s", ladder_behaviour_get_text (behaviour));
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->details), details->len > 0 ? details->str : NULL);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->delete_button), "s",
                                    ladder_evidence_get_id (self->evidence));
}

static void
evidence_notify_cb (LadderEvidenceRow *self)
{
  ladder_evidence_row_update (self);
}

void
ladder_evidence_row_set_evidence (LadderEvidenceRow *self,
                                  LadderFramework   *framework,
                                  LadderEvidence    *evidence)
{
  g_return_if_fail (LADDER_IS_EVIDENCE_ROW (self));

  if (self->evidence != NULL)
    g_signal_handlers_disconnect_by_func (self->evidence, evidence_notify_cb, self);
  g_set_object (&self->evidence, evidence);
  g_set_object (&self->framework, framework);

  if (evidence == NULL)
    return;

  g_signal_connect_swapped (evidence, "notify", G_CALLBACK (evidence_notify_cb), self);
  ladder_evidence_row_update (self);
}

static void
ladder_evidence_row_dispose (GObject *object)
{
  GtkWidget *child;
  LadderEvidenceRow *self = LADDER_EVIDENCE_ROW (object);

  ladder_evidence_row_set_evidence (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_EVIDENCE_ROW);
  /* Children the template does not name are ours to drop too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ladder_evidence_row_parent_class)->dispose (object);
}

static void
ladder_evidence_row_class_init (LadderEvidenceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_evidence_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-evidence-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceRow, title);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceRow, date);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceRow, body);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceRow, details);
  gtk_widget_class_bind_template_child (widget_class, LadderEvidenceRow, delete_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
ladder_evidence_row_init (LadderEvidenceRow *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 3);
}

GtkWidget *
ladder_evidence_row_new (void)
{
  return g_object_new (LADDER_TYPE_EVIDENCE_ROW, NULL);
}
