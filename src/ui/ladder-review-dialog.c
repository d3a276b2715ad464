/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-review-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ladder-review-dialog.h"
#include "ladder-time-private.h"
#include "ladder-ui-private.h"

/* The periods offered, in the order of the period row. */
typedef enum
{
  PERIOD_SIX_MONTHS,
  PERIOD_TWELVE_MONTHS,
  PERIOD_WHOLE_RECORD,
} Period;

struct _LadderReviewDialog
{
  AdwDialog        parent_instance;

  LadderProfile   *profile;
  GPtrArray       *level_ids;  /* char *, by the level row's positions */
  gboolean         saving;

  AdwToastOverlay *toast_overlay;
  AdwComboRow     *period_row;
  AdwComboRow     *level_row;
  AdwComboRow     *format_row;
  AdwSwitchRow    *private_row;

  /* Level ids of the profile's framework, which outlives the dialog. */
  const char      *preferred_level;  /* the target, else the current level */
  const char      *default_level;    /* what the dialog chose */
};

G_DEFINE_FINAL_TYPE (LadderReviewDialog, ladder_review_dialog, ADW_TYPE_DIALOG)

static void
since_for_period (Period  period,
                  GDate  *since)
{
  g_autoptr(GDate) today = _ladder_date_new_today ();

  *since = *today;
  g_date_subtract_months (since, period == PERIOD_SIX_MONTHS ? 6 : 12);
  g_date_add_days (since, 1);
}

LadderReviewDocument *
ladder_review_dialog_get_document (LadderReviewDialog *self)
{
  Period period;
  guint level;
  GDate since;

  g_return_val_if_fail (LADDER_IS_REVIEW_DIALOG (self), NULL);

  period = adw_combo_row_get_selected (self->period_row);
  level = adw_combo_row_get_selected (self->level_row);
  if (period != PERIOD_WHOLE_RECORD)
    since_for_period (period, &since);

  return ladder_review_document_new (self->profile,
                                     level < self->level_ids->len ? g_ptr_array_index (self->level_ids, level) : NULL,
                                     period != PERIOD_WHOLE_RECORD ? &since : NULL, NULL,
                                     adw_switch_row_get_active (self->private_row));
}

LadderReviewDocumentFormat
ladder_review_dialog_get_format (LadderReviewDialog *self)
{
  g_return_val_if_fail (LADDER_IS_REVIEW_DIALOG (self), LADDER_REVIEW_DOCUMENT_MARKDOWN);

  return adw_combo_row_get_selected (self->format_row);
}

static void
show_error (LadderReviewDialog *self,
            const char         *message)
{
  AdwDialog *alert = adw_alert_dialog_new (_("Could Not Save the Review"), message);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (alert), "close", _("_Close"));
  adw_dialog_present (alert, GTK_WIDGET (self));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(LadderReviewDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save", TRUE);
  if (!ladder_save_document_finish (G_FILE (object), result, &error))
    {
      show_error (self, error->message);
      return;
    }

  adw_dialog_close (ADW_DIALOG (self));
}

void
ladder_review_dialog_save_to (LadderReviewDialog *self,
                              GFile              *file)
{
  g_autoptr(LadderReviewDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LADDER_IS_REVIEW_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  document = ladder_review_dialog_get_document (self);
  bytes = ladder_review_document_to_bytes (document, ladder_review_dialog_get_format (self),
                                           LADDER_PAPER_SIZE_DEFAULT, NULL, &error);
  if (bytes == NULL)
    {
      show_error (self, error->message);
      return;
    }

  /* One write at a time: Save… waits for it. */
  self->saving = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.save", FALSE);
  ladder_save_document_async (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              NULL, saved_cb, g_object_ref (self));
}

static void
file_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LadderReviewDialog) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  if (file == NULL)
    {
      if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
          !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }

  _ladder_file_dialog_remember_folder (file, "last-export-folder");
  ladder_review_dialog_save_to (self, file);
}

static void
ladder_review_dialog_save_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  LadderReviewDialog *self = LADDER_REVIEW_DIALOG (widget);
  LadderReviewDocumentFormat format = ladder_review_dialog_get_format (self);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  const char *person = ladder_profile_get_name (self->profile);
  g_autofree char *name = NULL;
  GtkRoot *root;

  if (self->saving)
    return;

  /* Translators: the file name Save… offers; %s is the person's name, then the extension */
  name = g_strdup_printf (_("Review %s.%s"), person != NULL && *person != '\0' ? person : _("Unnamed"),
                          ladder_review_document_format_get_extension (format));
  g_strdelimit (name, "/\\", '-');

  gtk_file_dialog_set_title (dialog, _("Save the Review"));
  gtk_file_dialog_set_accept_label (dialog, _("_Save"));
  gtk_file_dialog_set_initial_name (dialog, name);
  _ladder_file_dialog_start_in_export_folder (dialog);
  root = gtk_widget_get_root (widget);
  gtk_file_dialog_save (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                        file_chosen_cb, g_object_ref (self));
}

static void
ladder_review_dialog_copy_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  LadderReviewDialog *self = LADDER_REVIEW_DIALOG (widget);
  g_autoptr(LadderReviewDocument) document = ladder_review_dialog_get_document (self);
  g_autofree char *text = ladder_review_document_to_markdown (document);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Copied as Markdown")));
}

static void
ladder_review_dialog_dispose (GObject *object)
{
  LadderReviewDialog *self = LADDER_REVIEW_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), LADDER_TYPE_REVIEW_DIALOG);
  g_clear_object (&self->profile);
  g_clear_pointer (&self->level_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (ladder_review_dialog_parent_class)->dispose (object);
}

static void
ladder_review_dialog_class_init (LadderReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ladder_review_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ladderapp/Ladder/ladder-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LadderReviewDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LadderReviewDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, LadderReviewDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, LadderReviewDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, LadderReviewDialog, private_row);
  gtk_widget_class_install_action (widget_class, "review.save", NULL, ladder_review_dialog_save_action);
  gtk_widget_class_install_action (widget_class, "review.copy", NULL, ladder_review_dialog_copy_action);
  /* Ctrl+Enter saves from any row, as in the app's other dialogs; Enter on
   * a combo row opens its list, so the dialog opens with the focus on Save. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "review.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "review.save", NULL);
}

static void
ladder_review_dialog_init (LadderReviewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->level_ids = g_ptr_array_new_with_free_func (g_free);
}

static void
update_period_subtitle (LadderReviewDialog *self)
{
  Period period = adw_combo_row_get_selected (self->period_row);
  g_autofree char *first = NULL;
  g_autofree char *subtitle = NULL;
  GDate since;

  if (period == PERIOD_WHOLE_RECORD)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->period_row), _("All evidence, until today"));
      return;
    }

  since_for_period (period, &since);
  first = _ladder_date_format (&since, LADDER_DATE_SHORT, "");
  /* Translators: the first day of a review's period, "7 Dec 2025" */
  subtitle = g_strdup_printf (_("From %s until today"), first);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->period_row), subtitle);
}

/* Says why the level chosen is not the target (or current) level: after
 * a promotion nothing of the new level is rated yet. */
static void
update_level_subtitle (LadderReviewDialog *self)
{
  LadderFramework *framework = ladder_profile_get_framework (self->profile);
  guint selected = adw_combo_row_get_selected (self->level_row);
  const char *level = selected < self->level_ids->len ? g_ptr_array_index (self->level_ids, selected) : NULL;
  g_autofree char *subtitle = NULL;

  if (self->preferred_level != NULL && self->default_level != NULL &&
      g_strcmp0 (self->preferred_level, self->default_level) != 0 &&
      g_strcmp0 (level, self->default_level) == 0)
    /* Translators: why a review's level is not the current or target
     * level, "Where the ratings are: nothing of Level 4 is rated yet" */
    subtitle = g_strdup_printf (_("Where the ratings are: nothing of %s is rated yet"),
                                ladder_framework_get_level_label (framework, self->preferred_level));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->level_row), subtitle != NULL ? subtitle : "");
}

LadderReviewDialog *
ladder_review_dialog_new (LadderProfile *profile)
{
  LadderReviewDialog *self;
  LadderFramework *framework;
  GListModel *levels;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *target;
  guint selected = 0;

  g_return_val_if_fail (LADDER_IS_PROFILE (profile), NULL);

  self = g_object_new (LADDER_TYPE_REVIEW_DIALOG, NULL);
  self->profile = g_object_ref (profile);

  framework = ladder_profile_get_framework (profile);
  levels = ladder_framework_get_levels (framework);
  target = ladder_review_document_choose_level (profile, &self->preferred_level);
  self->default_level = target;
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(LadderLevel) level = g_list_model_get_item (levels, i);
      const char *name = ladder_level_get_name (level);

      gtk_string_list_append (names, name != NULL && *name != '\0' ? name : ladder_level_get_id (level));
      g_ptr_array_add (self->level_ids, g_strdup (ladder_level_get_id (level)));
      if (g_strcmp0 (target, ladder_level_get_id (level)) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->level_row, selected);

  g_signal_connect_object (self->level_row, "notify::selected",
                           G_CALLBACK (update_level_subtitle), self, G_CONNECT_SWAPPED);
  update_level_subtitle (self);

  g_signal_connect_object (self->period_row, "notify::selected",
                           G_CALLBACK (update_period_subtitle), self, G_CONNECT_SWAPPED);
  update_period_subtitle (self);

  return self;
}
