/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-prepare-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-prepare-page.h"
#include "ladder-ui-private.h"

/* Prepare 1:1: what to bring to the next 1:1 with a person, on one
 * screen, read from the profile by LadderPrepare and read again when the
 * profile changes. Copy as Markdown (prepare.copy-markdown,
 * Ctrl+Shift+C) puts it on the clipboard; Export PDF… (prepare.export-pdf)
 * writes its one page. Private items show only when asked,
 * and then go into the copy and the PDF too, as on screen. */

struct _LadderPreparePage
{
  AdwNavigationPage  parent_instance;

  LadderProfile     *profile;
  LadderPrepare     *prepare;

  GtkScrolledWindow *scrolled;
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  AdwSwitchRow      *private_row;
  GtkBox            *sections_box;
};

G_DEFINE_FINAL_TYPE (LadderPreparePage, ladder_prepare_page, ADW_TYPE_NAVIGATION_PAGE)

/* A row of text from the profile: never markup. */
static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (row, subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* Read, not used: the keyboard goes from section to section. */
  gtk_widget_set_focusable (GTK_WIDGET (row), FALSE);

  return GTK_WIDGET (row);
}

static void
update (LadderPreparePage *self)
{
  GtkWidget *child;

  g_clear_pointer (&self->prepare, ladder_prepare_unref);
  self->prepare = ladder_prepare_new (self->profile, NULL,
                                      adw_switch_row_get_active (self->private_row));

  gtk_label_set_text (self->title_label, ladder_prepare_get_title (self->prepare));
  gtk_label_set_text (self->subtitle_label, ladder_prepare_get_subtitle (self->prepare));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);

  for (guint i = 0; i < LADDER_PREPARE_N_SECTIONS; i++)
    {
      const char * const *items = ladder_prepare_get_items (self->prepare, i);
      const char * const *details = ladder_prepare_get_details (self->prepare, i);
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

      adw_preferences_group_set_title (group, ladder_prepare_get_heading (self->prepare, i));
      g_autofree char *hidden = ladder_prepare_describe_private (self->prepare, i);

      if (items[0] == NULL && ladder_prepare_get_n_more (self->prepare, i) == 0 && hidden == NULL)
        {
          GtkWidget *row = text_row (ladder_prepare_get_empty (self->prepare, i), NULL);

          gtk_widget_add_css_class (row, "dim-label");
          adw_preferences_group_add (group, row);
        }
      for (guint j = 0; items[j] != NULL; j++)
        adw_preferences_group_add (group, text_row (items[j], details[j]));
      if (ladder_prepare_get_n_more (self->prepare, i) > 0)
        {
          g_autofree char *more = ladder_prepare_describe_more (ladder_prepare_get_n_more (self->prepare, i));
          GtkWidget *row = text_row (more, NULL);

          gtk_widget_add_css_class (row, "dim-label");
          adw_preferences_group_add (group, row);
        }
      /* Said on screen only: the one who prepares wrote them, and
       * Include Private Items shows them. */
      if (hidden != NULL)
        {
          GtkWidget *row = text_row (hidden, _("Shown with Include Private Items"));

          gtk_widget_add_css_class (row, "dim-label");
          adw_preferences_group_add (group, row);
        }

      gtk_box_append (self->sections_box, GTK_WIDGET (group));
    }
}

/**
 * ladder_prepare_page_get_markdown:
 * @self: a #LadderPreparePage
 *
 * Returns: (transfer full): what Copy as Markdown copies
 */
char *
ladder_prepare_page_get_markdown (LadderPreparePage *self)
{
  g_return_val_if_fail (LADDER_IS_PREPARE_PAGE (self), NULL);

  return ladder_prepare_to_markdown (self->prepare);
}

static void
show_toast (LadderPreparePage *self,
            const char        *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_use_markup (toast, FALSE);
  _ladder_add_toast (GTK_WIDGET (self), toast);
}

static void
ladder_prepare_page_copy_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  LadderPreparePage *self = LADDER_PREPARE_PAGE (widget);
  g_autofree char *text = ladder_prepare_to_markdown (self->prepare);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  show_toast (self, _("Copied as Markdown"));
}

typedef struct
{
  LadderPreparePage *page;
  LadderPrepare     *prepare;
} SaveData;

static void
save_data_free (SaveData *save)
{
  g_clear_object (&save->page);
  g_clear_pointer (&save->prepare, ladder_prepare_unref);
  g_free (save);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static void
save_dialog_done_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SaveData) save = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    {
      if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
          !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
        g_warning ("The file dialog failed: %s", error->message);
      return;
    }
  _ladder_file_dialog_remember_folder (file, "last-export-folder");

  /* One page: written at once. */
  if (!ladder_prepare_write_pdf (save->prepare, LADDER_PAPER_SIZE_DEFAULT, file, NULL, &error))
    {
      /* The page may have been left while the file was chosen. */
      if (gtk_widget_get_root (GTK_WIDGET (save->page)) != NULL)
        _ladder_show_error (GTK_WIDGET (save->page), _("Could Not Export PDF"), error->message);
      return;
    }

  show_toast (save->page, _("PDF exported"));
}

static void
ladder_prepare_page_export_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  LadderPreparePage *self = LADDER_PREPARE_PAGE (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autofree char *name = NULL;
  const char *person = ladder_profile_get_name (self->profile);
  SaveData *save;

  /* Translators: the file name Export PDF… offers; %s is the person's name */
  name = g_strdup_printf (_("Prepare 1-1 %s.pdf"), person != NULL && *person != '\0' ? person : _("Unnamed"));
  g_strdelimit (name, "/\\", '-');

  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  g_list_store_append (filters, filter);

  gtk_file_dialog_set_title (dialog, _("Export PDF"));
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_default_filter (dialog, filter);
  _ladder_file_dialog_start_in_export_folder (dialog);

  save = g_new0 (SaveData, 1);
  save->page = g_object_ref (self);
  save->prepare = ladder_prepare_ref (self->prepare);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                        save_dialog_done_cb, save);
}

/* Opened from anywhere (Ctrl+Shift+P with the focus in the sidebar), the
 * page takes the focus onto its first content, so that the keyboard and
 * a screen reader start on what was opened. */
static void
shown_cb (LadderPreparePage *self)
{
  gtk_widget_child_focus (GTK_WIDGET (self->scrolled), GTK_DIR_TAB_FORWARD);
}

static void
ladder_prepare_page_dispose (GObject *object)
{
  LadderPreparePage *self = LADDER_PREPARE_PAGE (object);

  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_data (self->profile, self);
  g_clear_object (&self->profile);
  g_clear_pointer (&self->prepare, ladder_prepare_unref);

  G_OBJECT_CLASS (ladder_prepare_page_parent_class)->dispose (object);
}

static void
ladder_prepare_page_class_init (LadderPreparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_prepare_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ladder-prepare-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderPreparePage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, LadderPreparePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LadderPreparePage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LadderPreparePage, private_row);
  gtk_widget_class_bind_template_child (widget_class, LadderPreparePage, sections_box);

  gtk_widget_class_install_action (widget_class, "prepare.copy-markdown", NULL,
                                   ladder_prepare_page_copy_action);
  gtk_widget_class_install_action (widget_class, "prepare.export-pdf", NULL,
                                   ladder_prepare_page_export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "prepare.copy-markdown", NULL);
}

static void
ladder_prepare_page_init (LadderPreparePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "shown", G_CALLBACK (shown_cb), NULL);
}

/**
 * ladder_prepare_page_new:
 * @profile: the profile of the person the 1:1 is with
 *
 * Returns: (transfer floating): a new page for an #AdwNavigationView
 */
AdwNavigationPage *
ladder_prepare_page_new (LadderProfile *profile)
{
  LadderPreparePage *self;
  const char *name;
  g_autofree char *title = NULL;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  self = g_object_new (LADDER_TYPE_PREPARE_PAGE, NULL);
  self->profile = g_object_ref (profile);

  name = ladder_profile_get_name (profile);
  if (name != NULL && *name != '\0')
    {
      /* Translators: a page's title; %s is the person's name */
      title = g_strdup_printf (_("Prepare 1:1 with %s"), name);
      adw_navigation_page_set_title (ADW_NAVIGATION_PAGE (self), title);
    }

  g_signal_connect_object (self->private_row, "notify::active", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (profile, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return ADW_NAVIGATION_PAGE (self);
}
