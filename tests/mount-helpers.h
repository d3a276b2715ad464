/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A mount namespace of the test's own, where a small tmpfs can stand in
 * for a full or a read-only disk: nothing outside the test ever sees it,
 * and it goes with the process. Shared by the tests that need one.
 */
#pragma once

#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include <glib.h>

static inline gboolean
write_proc_file (const char *path,
                 const char *contents)
{
  return g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_NONE, 0644, NULL);
}

/* Makes every mount this process sees private, so that a mount made here
 * can never reach another namespace. In a chroot "/" is no mount point
 * and cannot be changed as a whole: each mount is then changed alone. */
static inline gboolean
make_mounts_private (void)
{
  g_autofree char *mountinfo = NULL;
  g_auto(GStrv) lines = NULL;

  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0)
    return TRUE;

  if (!g_file_get_contents ("/proc/self/mountinfo", &mountinfo, NULL, NULL))
    return FALSE;

  lines = g_strsplit (mountinfo, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 6);

      if (g_strv_length (fields) >= 5)
        (void) mount (NULL, fields[4], NULL, MS_PRIVATE, NULL);
    }

  g_clear_pointer (&mountinfo, g_free);
  if (!g_file_get_contents ("/proc/self/mountinfo", &mountinfo, NULL, NULL))
    return FALSE;

  return strstr (mountinfo, " shared:") == NULL;
}

/* Enters a mount namespace of this process's own (as root, or through a
 * user namespace); returns why not where neither is allowed. */
static inline char *
enter_own_mount_namespace (void)
{
  uid_t uid = getuid ();
  gid_t gid = getgid ();

  if (uid == 0 && unshare (CLONE_NEWNS) == 0)
    ;
  else if (unshare (CLONE_NEWUSER | CLONE_NEWNS) == 0)
    {
      g_autofree char *uid_map = g_strdup_printf ("%u %u 1\n", (guint) uid, (guint) uid);
      g_autofree char *gid_map = g_strdup_printf ("%u %u 1\n", (guint) gid, (guint) gid);

      if (!write_proc_file ("/proc/self/setgroups", "deny") ||
          !write_proc_file ("/proc/self/uid_map", uid_map) ||
          !write_proc_file ("/proc/self/gid_map", gid_map))
        return g_strdup ("cannot map the user into a user namespace");
    }
  else
    return g_strdup_printf ("cannot make a mount namespace here: %s", g_strerror (errno));

  if (!make_mounts_private ())
    return g_strdup ("cannot make the mounts of a new namespace private");

  return NULL;
}
