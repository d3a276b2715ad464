/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Real key events for the UI tests, which include Xlib's header: a file
 * of its own, so that its macros (None, Status, …) stay out of the tests
 * that do not need it. */

#pragma once

#include <gdk/x11/gdkx.h>

#include "ui-helpers.h"

/* Presses @keyval with @modifiers as a person does: an X key event of the
 * display's own keyboard (xdotool, through the XTEST extension) to
 * @widget's toplevel, given the input focus first. Unlike ui_press_key(),
 * the toolkit routes it: the capture phase, a dialog that keeps its keys,
 * a text field that takes them. The event comes in later: wait for what
 * it does. Tests that use it run alone (the focus is the display's). */
static inline void
ui_send_key (GtkWidget       *widget,
             guint            keyval,
             GdkModifierType  modifiers)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));
  g_autofree GdkKeymapKey *keys = NULL;
  g_autofree char *xid = NULL;
  g_autofree char *combo = NULL;
  g_autofree char *errors = NULL;
  g_autoptr(GError) error = NULL;
  int n_keys = 0;
  int status = 0;
  guint keycode = 0;
  GString *chord = g_string_new (NULL);

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  g_assert_true (gdk_display_map_keyval (gtk_widget_get_display (widget), keyval, &keys, &n_keys));
  /* The key that gives @keyval unshifted: a keysym's name may give
   * xdotool a key that needs a modifier (F10 came with Alt). */
  for (int i = n_keys - 1; i >= 0; i--)
    if (keys[i].level == 0 && keys[i].group == 0)
      keycode = keys[i].keycode;
  g_assert_cmpuint (keycode, !=, 0);

  if (modifiers & GDK_CONTROL_MASK)
    g_string_append (chord, "ctrl+");
  if (modifiers & GDK_SHIFT_MASK)
    g_string_append (chord, "shift+");
  if (modifiers & GDK_ALT_MASK)
    g_string_append (chord, "alt+");
  g_string_append_printf (chord, "%u", keycode);
  combo = g_string_free (chord, FALSE);
  /* GDK's X11 backend is deprecated, but the tests run on it (Xvfb). */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  G_GNUC_END_IGNORE_DEPRECATIONS

  {
    const char *argv[] = { "xdotool", "windowfocus", "--sync", xid, "key", "--clearmodifiers", combo, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                  NULL, NULL, NULL, &errors, &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xdotool failed: %s", errors);
}
