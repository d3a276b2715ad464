/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The PDF summary: the focus plan, a short section after the last
 * check-in (ladder-report-content.c): each behaviour worked on with its
 * due day, its progress and how it was computed, and its steps, those
 * done marked so. */

#define G_LOG_DOMAIN "ladder-report"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "ladder-report.h"
#include "ladder-report-content-private.h"
#include "ladder-report-private.h"

void
_ladder_report_add_focus_section (LadderReport *self,
                                  Content      *content)
{
  g_autoptr(GPtrArray) open = ladder_profile_list_open_focus (content->profile);
  Block *block;

  if (open->len == 0)
    return;

  _ladder_report_add_heading (self, STYLE_H1, _("Focus"), 1);

  for (guint i = 0; i < open->len; i++)
    {
      LadderFocus *focus = open->pdata[i];
      LadderBehaviour *behaviour = ladder_framework_find_behaviour (content->framework,
                                                                    ladder_focus_get_behaviour (focus));
      const char *why = ladder_focus_get_why (focus);
      g_autofree char *due = NULL;
      g_autofree char *detail = NULL;
      g_autofree char *how = NULL;
      LadderFocusProgress progress;
      guint n_steps = ladder_focus_get_n_steps (focus);

      ladder_profile_get_focus_progress (content->profile, focus, &progress);
      how = ladder_focus_progress_describe (&progress);
      if (ladder_focus_get_due (focus) != NULL)
        {
          due = _ladder_report_format_date (ladder_focus_get_due (focus));
          /* Translators: a focus in the PDF: "Due 31 January 2027 · 67 %" */
          detail = g_strdup_printf (_("Due %s · %d %%"), due, (int) lround (progress.total * 100.0));
        }
      else
        detail = g_strdup_printf (_("%d %%"), (int) lround (progress.total * 100.0));

      block = _ladder_report_begin_text (self, STYLE_H2);
      _ladder_report_append (self, behaviour != NULL ? ladder_behaviour_get_text (behaviour)
                                                     : ladder_focus_get_behaviour (focus));
      _ladder_report_append (self, "\n");
      _ladder_report_append_span (self, detail, SPAN_SMALL, NULL);
      _ladder_report_end_text (self, block);
      block->keep_with_next = TRUE;

      if (why != NULL && *why != '\0')
        {
          block = _ladder_report_add_text (self, STYLE_BODY, why);
          block->keep_with_next = TRUE;
        }
      block = _ladder_report_add_text (self, STYLE_SMALL, how);
      block->keep_with_next = n_steps > 0;

      for (guint j = 0; j < n_steps; j++)
        {
          block = _ladder_report_begin_text (self, STYLE_BODY);
          _ladder_report_append (self, ladder_focus_get_step_text (focus, j));
          if (ladder_focus_get_step_done (focus, j))
            {
              _ladder_report_append (self, "\n");
              /* Translators: a step of a focus, ticked off */
              _ladder_report_append_span (self, _("Done"), SPAN_SMALL, NULL);
            }
          _ladder_report_end_text (self, block);
          block->indent = BULLET_INDENT;
          block->gutter = g_strdup ("•");
          block->keep_with_next = j + 1 < n_steps;
        }
    }
}
