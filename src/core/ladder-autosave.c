/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "ladder-autosave"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-autosave.h"

/* LadderAutosave writes what changed a moment after the last edit, one
 * profile at a time on a worker, and the draft check-ins beside them.
 * A write that fails keeps the change in memory with the error of its
 * last write, per profile (not only the one shown), and is tried again:
 * after a while, on the profile's next change, or when asked. Until
 * everything is on disk, :pending stays TRUE, and :has-errors and
 * ::errors-changed say what the app must show and ask before it lets the
 * user lose. A closing app waits for :saving to drop and then writes the
 * rest at once with ladder_autosave_flush(). */

struct _LadderAutosave
{
  GObject        parent_instance;

  LadderLibrary *library;
  GCancellable  *cancellable;
  guint          delay;
  guint          retry_delay;

  GPtrArray     *dirty;         /* LadderProfile: changed, not on disk, in order */
  GHashTable    *errors;        /* LadderProfile → GError: its last write failed */
  GPtrArray     *retry_queue;   /* LadderProfile: failed ones to try again */
  LadderProfile *saving;        /* being written on a worker */
  GPtrArray     *draft_owners;  /* LadderProfile whose draft waits, in order */
  GHashTable    *drafts;        /* LadderProfile → LadderCheckin: not on disk */
  GHashTable    *draft_errors;  /* LadderProfile → GError */
  guint          timeout_id;
  guint          retry_id;
};

G_DEFINE_FINAL_TYPE (LadderAutosave, ladder_autosave, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_DELAY,
  PROP_RETRY_DELAY,
  PROP_PENDING,
  PROP_SAVING,
  PROP_HAS_ERRORS,
  N_PROPS
};

enum {
  ERRORS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void save_next (LadderAutosave *self);

/* State {{{1 */

/* What the properties said last, so that each is notified only when it
 * changes; every change of state ends here. */
typedef struct
{
  gboolean pending;
  gboolean saving;
  gboolean has_errors;
} State;

static State
get_state (LadderAutosave *self)
{
  return (State) {
    .pending = ladder_autosave_get_pending (self),
    .saving = self->saving != NULL,
    .has_errors = ladder_autosave_get_has_errors (self),
  };
}

static gboolean retry_cb (gpointer user_data);

static void
update_retry (LadderAutosave *self)
{
  if (!ladder_autosave_get_has_errors (self) || self->retry_delay == 0)
    g_clear_handle_id (&self->retry_id, g_source_remove);
  else if (self->retry_id == 0)
    self->retry_id = g_timeout_add (self->retry_delay, retry_cb, self);
}

static void
notify_state (LadderAutosave *self,
              State           before,
              gboolean        errors_changed)
{
  State after = get_state (self);

  update_retry (self);
  if (before.pending != after.pending)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PENDING]);
  if (before.has_errors != after.has_errors)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_ERRORS]);
  if (errors_changed)
    g_signal_emit (self, signals [ERRORS_CHANGED], 0);
  /* Last: a closing window goes on from here. */
  if (before.saving != after.saving)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SAVING]);
}

static void
mark_dirty (LadderAutosave *self,
            LadderProfile  *profile)
{
  if (!g_ptr_array_find (self->dirty, profile, NULL))
    g_ptr_array_add (self->dirty, g_object_ref (profile));
}

static void
queue_retry (LadderAutosave *self,
             LadderProfile  *profile)
{
  if (!g_ptr_array_find (self->retry_queue, profile, NULL))
    g_ptr_array_add (self->retry_queue, g_object_ref (profile));
}

/* @profile is on disk, or nothing is to be written of it any more. */
static void
forget_profile (LadderAutosave *self,
                LadderProfile  *profile)
{
  g_hash_table_remove (self->errors, profile);
  g_ptr_array_remove (self->retry_queue, profile);
  g_ptr_array_remove (self->dirty, profile);
}

static void
forget_draft (LadderAutosave *self,
              LadderProfile  *profile)
{
  g_hash_table_remove (self->draft_errors, profile);
  g_hash_table_remove (self->drafts, profile);
  g_ptr_array_remove (self->draft_owners, profile);
}

static GPtrArray *
copy_profiles (GPtrArray *profiles)
{
  GPtrArray *copy = g_ptr_array_new_full (profiles->len, g_object_unref);

  for (guint i = 0; i < profiles->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (profiles, i)));

  return copy;
}

/* A profile removed from the library meanwhile had its draft moved aside
 * with it: nothing is written in its place. */
static gboolean
in_library (LadderAutosave *self,
            LadderProfile  *profile)
{
  return ladder_library_find_profile (self->library, ladder_profile_get_id (profile)) == profile;
}

/* Drafts {{{1 */

/* Writes @profile's draft, if one waits or failed; sets or clears its
 * error. Returns whether it is on disk. */
static gboolean
write_draft (LadderAutosave *self,
             LadderProfile  *profile,
             GError        **error)
{
  LadderCheckin *draft = g_hash_table_lookup (self->drafts, profile);
  g_autoptr(GError) local_error = NULL;

  if (draft == NULL)
    return TRUE;

  if (!in_library (self, profile) || ladder_profile_get_read_only (profile))
    {
      forget_draft (self, profile);
      return TRUE;
    }

  if (!ladder_library_save_draft (self->library, profile, draft, &local_error))
    {
      /* Shown by the app; logged for a report. Kept: the next edit, the
       * retry or the close writes it again. */
      g_message ("%s", local_error->message);
      if (error != NULL)
        *error = g_error_copy (local_error);
      g_hash_table_replace (self->draft_errors, g_object_ref (profile), g_steal_pointer (&local_error));
      return FALSE;
    }

  forget_draft (self, profile);
  return TRUE;
}

static gboolean
write_drafts (LadderAutosave *self)
{
  g_autoptr(GPtrArray) owners = copy_profiles (self->draft_owners);
  gboolean written = TRUE;

  for (guint i = 0; i < owners->len; i++)
    written &= write_draft (self, g_ptr_array_index (owners, i), NULL);

  return written;
}

/* Profiles {{{1 */

/* The next profile to write: one that changed, before one whose last
 * write failed, which waits for a retry (the timer, a request, or its
 * next change) so that a failing disk is not tried over and over. */
static LadderProfile *
next_to_save (LadderAutosave *self)
{
  for (guint i = 0; i < self->dirty->len; i++)
    {
      LadderProfile *profile = g_ptr_array_index (self->dirty, i);

      if (!g_hash_table_contains (self->errors, profile))
        return profile;
    }

  while (self->retry_queue->len > 0)
    {
      g_autoptr(LadderProfile) profile = g_ptr_array_steal_index (self->retry_queue, 0);

      if (g_ptr_array_find (self->dirty, profile, NULL))
        return profile;
    }

  return NULL;
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LadderAutosave) self = user_data;
  State before = get_state (self);
  g_autoptr(LadderProfile) profile = g_steal_pointer (&self->saving);
  g_autoptr(GError) error = NULL;
  gboolean errors_changed = FALSE;

  if (!ladder_library_save_profile_finish (LADDER_LIBRARY (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Kept dirty: nothing typed is lost, and the retry or its next
           * change writes it. */
          g_message ("%s", error->message);
          mark_dirty (self, profile);
          g_hash_table_replace (self->errors, g_object_ref (profile), g_steal_pointer (&error));
          errors_changed = TRUE;
        }
    }
  else
    errors_changed = g_hash_table_remove (self->errors, profile);

  /* Other profiles, or this one changed again meanwhile. */
  if (!g_cancellable_is_cancelled (self->cancellable))
    save_next (self);
  notify_state (self, before, errors_changed);
}

static void
start_save (LadderAutosave *self,
            LadderProfile  *profile)
{
  if (ladder_profile_get_read_only (profile))
    {
      forget_profile (self, profile);
      return;
    }

  /* One write at a time; the newest state goes next. */
  if (self->saving != NULL)
    {
      mark_dirty (self, profile);
      return;
    }

  self->saving = g_object_ref (profile);
  g_ptr_array_remove (self->dirty, profile);
  ladder_library_save_profile_async (self->library, profile, self->cancellable, save_done_cb,
                                     g_object_ref (self));
}

/* Writes what is dirty, one profile at a time: each write's end starts
 * the next. */
static void
save_next (LadderAutosave *self)
{
  LadderProfile *profile;

  if (self->saving != NULL)
    return;

  profile = next_to_save (self);
  if (profile != NULL)
    start_save (self, profile);
}

static gboolean
timeout_cb (gpointer user_data)
{
  LadderAutosave *self = user_data;
  State before = get_state (self);
  gboolean had_draft_errors = g_hash_table_size (self->draft_errors) > 0;
  gboolean draft_written;

  self->timeout_id = 0;
  draft_written = write_drafts (self);
  save_next (self);
  notify_state (self, before, !draft_written || had_draft_errors);

  return G_SOURCE_REMOVE;
}

static void
restart_timeout (LadderAutosave *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (self->delay, timeout_cb, self);
}

static gboolean
retry_cb (gpointer user_data)
{
  LadderAutosave *self = user_data;

  self->retry_id = 0;
  ladder_autosave_retry (self);

  return G_SOURCE_REMOVE;
}

/* Public API {{{1 */

/**
 * ladder_autosave_new:
 * @library: the library the profiles and drafts are written through
 *
 * Returns: (transfer full): a new autosave, with the default delay and
 *   retry delay
 */
LadderAutosave *
ladder_autosave_new (LadderLibrary *library)
{
  g_return_val_if_fail (LADDER_IS_LIBRARY (library), NULL);

  return g_object_new (LADDER_TYPE_AUTOSAVE, "library", library, NULL);
}

/**
 * ladder_autosave_get_library:
 * @self: a #LadderAutosave
 *
 * Returns: (transfer none): the library it writes through
 */
LadderLibrary *
ladder_autosave_get_library (LadderAutosave *self)
{
  g_return_val_if_fail (LADDER_IS_AUTOSAVE (self), NULL);

  return self->library;
}

/**
 * ladder_autosave_get_delay:
 * @self: a #LadderAutosave
 *
 * Returns: how long, in milliseconds, a change waits before it is written
 */
guint
ladder_autosave_get_delay (LadderAutosave *self)
{
  g_return_val_if_fail (LADDER_IS_AUTOSAVE (self), 0);

  return self->delay;
}

/**
 * ladder_autosave_set_delay:
 * @self: a #LadderAutosave
 * @delay_ms: how long a change waits before it is written
 *
 * Sets how long, after the last change, the autosave waits to write.
 */
void
ladder_autosave_set_delay (LadderAutosave *self,
                           guint           delay_ms)
{
  g_return_if_fail (LADDER_IS_AUTOSAVE (self));

  if (self->delay == delay_ms)
    return;

  self->delay = delay_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DELAY]);
}

/**
 * ladder_autosave_get_retry_delay:
 * @self: a #LadderAutosave
 *
 * Returns: how long, in milliseconds, a failed write waits before it is
 *   tried again, or 0 when it waits to be asked
 */
guint
ladder_autosave_get_retry_delay (LadderAutosave *self)
{
  g_return_val_if_fail (LADDER_IS_AUTOSAVE (self), 0);

  return self->retry_delay;
}

/**
 * ladder_autosave_set_retry_delay:
 * @self: a #LadderAutosave
 * @delay_ms: how long a failed write waits before it is tried again, or
 *   0 for no timed retry (while the app asks the user what to do, say)
 *
 * Sets when what failed is tried again by itself.
 */
void
ladder_autosave_set_retry_delay (LadderAutosave *self,
                                 guint           delay_ms)
{
  g_return_if_fail (LADDER_IS_AUTOSAVE (self));

  if (self->retry_delay == delay_ms)
    return;

  self->retry_delay = delay_ms;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  update_retry (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RETRY_DELAY]);
}

/**
 * ladder_autosave_profile_changed:
 * @self: a #LadderAutosave
 * @profile: a profile of the library that changed
 *
 * Writes @profile once no change has come for the delay. A read-only
 * profile is never written. A profile whose last write failed is tried
 * again with it.
 */
void
ladder_autosave_profile_changed (LadderAutosave *self,
                                 LadderProfile  *profile)
{
  State before;

  g_return_if_fail (LADDER_IS_AUTOSAVE (self));
  g_return_if_fail (LADDER_IS_PROFILE (profile));

  if (ladder_profile_get_read_only (profile))
    return;

  before = get_state (self);
  mark_dirty (self, profile);
  if (g_hash_table_contains (self->errors, profile))
    queue_retry (self, profile);
  restart_timeout (self);
  notify_state (self, before, FALSE);
}

/**
 * ladder_autosave_draft_changed:
 * @self: a #LadderAutosave
 * @profile: the profile the draft check-in is of
 * @draft: the draft check-in, outside @profile until finished
 *
 * Writes @draft to the library's drafts once no change has come for the
 * delay (ladder_library_save_draft()), in the place of any draft of
 * @profile held before.
 */
void
ladder_autosave_draft_changed (LadderAutosave *self,
                               LadderProfile  *profile,
                               LadderCheckin  *draft)
{
  State before;

  g_return_if_fail (LADDER_IS_AUTOSAVE (self));
  g_return_if_fail (LADDER_IS_PROFILE (profile));
  g_return_if_fail (LADDER_IS_CHECKIN (draft));

  before = get_state (self);
  g_hash_table_replace (self->drafts, g_object_ref (profile), g_object_ref (draft));
  if (!g_ptr_array_find (self->draft_owners, profile, NULL))
    g_ptr_array_add (self->draft_owners, g_object_ref (profile));
  restart_timeout (self);
  notify_state (self, before, FALSE);
}

/**
 * ladder_autosave_save_profile:
 * @self: a #LadderAutosave
 * @profile: a profile of the library
 *
 * Writes @profile without waiting for the delay (a new profile, say),
 * after the write under way if there is one.
 */
void
ladder_autosave_save_profile (LadderAutosave *self,
                              LadderProfile  *profile)
{
  State before;

  g_return_if_fail (LADDER_IS_AUTOSAVE (self));
  g_return_if_fail (LADDER_IS_PROFILE (profile));

  before = get_state (self);
  start_save (self, profile);
  notify_state (self, before, FALSE);
}

/**
 * ladder_autosave_save_pending:
 * @self: a #LadderAutosave
 *
 * Starts writing what waits for the delay now (before another profile is
 * shown, say).
 */
void
ladder_autosave_save_pending (LadderAutosave *self)
{
  g_return_if_fail (LADDER_IS_AUTOSAVE (self));

  if (self->timeout_id != 0)
    {
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      timeout_cb (self);
    }
}

/**
 * ladder_autosave_save_draft:
 * @self: a #LadderAutosave
 * @profile: a profile
 * @error: return location for a #GError, or %NULL
 *
 * Writes @profile's draft check-in now if an edit waits for its write or
 * its last write failed.
 *
 * Returns: %TRUE if @profile's draft is on disk (or none waits)
 */
gboolean
ladder_autosave_save_draft (LadderAutosave *self,
                            LadderProfile  *profile,
                            GError        **error)
{
  State before;
  gboolean had_error;
  gboolean written;

  g_return_val_if_fail (LADDER_IS_AUTOSAVE (self), FALSE);
  g_return_val_if_fail (LADDER_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  before = get_state (self);
  had_error = g_hash_table_contains (self->draft_errors, profile);
  written = write_draft (self, profile, error);
  notify_state (self, before, had_error || !written);

  return written;
}

/**
 * ladder_autosave_drop_draft:
 * @self: a #LadderAutosave
 * @profile: a profile
 *
 * Lets go of @profile's draft check-in without writing it: it was
 * finished or discarded, or is lost.
 */
void
ladder_autosave_drop_draft (LadderAutosave *self,
                            LadderProfile  *profile)
{
  State before;
  gboolean had_error;

  g_return_if_fail (LADDER_IS_AUTOSAVE (self));
  g_return_if_fail (LADDER_IS_PROFILE (profile));

  before = get_state (self);
  had_error = g_hash_table_contains (self->draft_errors, profile);
  forget_draft (self, profile);
  notify_state (self, before, had_error);
}

/**
 * ladder_autosave_remove_profile:
 * @self: a #LadderAutosave
 * @profile: a profile about to leave the library
 *
 * Writes what waits of @profile (its change and its draft) now, so that
 * an undo of its removal brings it all back, whatever comes of it; then
 * nothing of @profile is written any more.
 */
void
ladder_autosave_remove_profile (LadderAutosave *self,
                                LadderProfile  *profile)
{
  State before;
  gboolean had_error;

  g_return_if_fail (LADDER_IS_AUTOSAVE (self));
  g_return_if_fail (LADDER_IS_PROFILE (profile));

  before = get_state (self);
  had_error = g_hash_table_contains (self->errors, profile) ||
              g_hash_table_contains (self->draft_errors, profile);
  write_draft (self, profile, NULL);
  if (g_ptr_array_find (self->dirty, profile, NULL))
    {
      g_autoptr(GError) error = NULL;

      if (!ladder_library_save_profile (self->library, profile, NULL, &error))
        g_message ("%s", error->message);
    }
  forget_profile (self, profile);
  forget_draft (self, profile);
  notify_state (self, before, had_error || g_hash_table_contains (self->draft_errors, profile));
}

/**
 * ladder_autosave_retry:
 * @self: a #LadderAutosave
 *
 * Tries again now every draft and profile whose last write failed.
 */
void
ladder_autosave_retry (LadderAutosave *self)
{
  State before;
  GHashTableIter iter;
  gpointer profile;
  gboolean had_draft_errors;
  gboolean draft_written;

  g_return_if_fail (LADDER_IS_AUTOSAVE (self));

  before = get_state (self);
  had_draft_errors = g_hash_table_size (self->draft_errors) > 0;
  draft_written = write_drafts (self);
  g_hash_table_iter_init (&iter, self->errors);
  while (g_hash_table_iter_next (&iter, &profile, NULL))
    queue_retry (self, profile);
  save_next (self);
  /* Try again from now on: the retry starts its wait afresh. */
  g_clear_handle_id (&self->retry_id, g_source_remove);
  notify_state (self, before, had_draft_errors || !draft_written);
}

/**
 * ladder_autosave_flush:
 * @self: a #LadderAutosave
 *
 * Writes everything not on disk now, on the calling thread: what waits
 * for the delay and what failed, drafts and profiles. For an app that
 * closes, once no write is under way (see #LadderAutosave:saving).
 *
 * Returns: %TRUE if everything is on disk; else the errors say what is
 *   not (ladder_autosave_describe_unsaved())
 */
gboolean
ladder_autosave_flush (LadderAutosave *self)
{
  g_autoptr(GPtrArray) dirty = NULL;
  State before;
  gboolean written;
  gboolean had_errors;

  g_return_val_if_fail (LADDER_IS_AUTOSAVE (self), FALSE);
  g_return_val_if_fail (self->saving == NULL, FALSE);

  before = get_state (self);
  had_errors = before.has_errors;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  written = write_drafts (self);

  /* A copy: a write that succeeds takes its profile out of the list. */
  dirty = copy_profiles (self->dirty);
  for (guint i = 0; i < dirty->len; i++)
    {
      LadderProfile *profile = g_ptr_array_index (dirty, i);
      g_autoptr(GError) error = NULL;

      if (ladder_profile_get_read_only (profile) ||
          ladder_library_save_profile (self->library, profile, NULL, &error))
        forget_profile (self, profile);
      else
        {
          g_message ("%s", error->message);
          g_hash_table_replace (self->errors, g_object_ref (profile), g_steal_pointer (&error));
          written = FALSE;
        }
    }

  notify_state (self, before, had_errors || !written);

  return written;
}

/**
 * ladder_autosave_discard:
 * @self: a #LadderAutosave
 *
 * Lets go of everything not on disk, without writing it, and stops
 * trying: the user chose to close without saving.
 */
void
ladder_autosave_discard (LadderAutosave *self)
{
  State before;

  g_return_if_fail (LADDER_IS_AUTOSAVE (self));

  before = get_state (self);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_ptr_array_set_size (self->retry_queue, 0);
  g_hash_table_remove_all (self->errors);
  g_ptr_array_set_size (self->dirty, 0);
  g_hash_table_remove_all (self->draft_errors);
  g_hash_table_remove_all (self->drafts);
  g_ptr_array_set_size (self->draft_owners, 0);
  notify_state (self, before, before.has_errors);
}

/**
 * ladder_autosave_get_pending:
 * @self: a #LadderAutosave
 *
 * Returns: %TRUE while a change waits to be written, is being written,
 *   or could not be written
 */
gboolean
ladder_autosave_get_pending (LadderAutosave *self)
{
  g_return_val_if_fail (LADDER_IS_AUTOSAVE (self), FALSE);

  return self->dirty->len > 0 || self->saving != NULL || self->draft_owners->len > 0;
}

/**
 * ladder_autosave_get_saving:
 * @self: a #LadderAutosave
 *
 * Returns: %TRUE while a profile is being written on a worker
 */
gboolean
ladder_autosave_get_saving (LadderAutosave *self)
{
  g_return_val_if_fail (LADDER_IS_AUTOSAVE (self), FALSE);

  return self->saving != NULL;
}

/**
 * ladder_autosave_get_has_errors:
 * @self: a #LadderAutosave
 *
 * Returns: %TRUE while the last write of a profile or a draft failed
 */
gboolean
ladder_autosave_get_has_errors (LadderAutosave *self)
{
  g_return_val_if_fail (LADDER_IS_AUTOSAVE (self), FALSE);

  return g_hash_table_size (self->errors) > 0 || g_hash_table_size (self->draft_errors) > 0;
}

/**
 * ladder_autosave_get_error:
 * @self: a #LadderAutosave
 * @profile: a profile
 *
 * Returns: (nullable) (transfer none): why @profile's last write failed,
 *   or %NULL
 */
const GError *
ladder_autosave_get_error (LadderAutosave *self,
                           LadderProfile  *profile)
{
  g_return_val_if_fail (LADDER_IS_AUTOSAVE (self), NULL);

  return g_hash_table_lookup (self->errors, profile);
}

/**
 * ladder_autosave_get_draft_error:
 * @self: a #LadderAutosave
 * @profile: a profile
 *
 * Returns: (nullable) (transfer none): why the last write of @profile's
 *   draft check-in failed, or %NULL
 */
const GError *
ladder_autosave_get_draft_error (LadderAutosave *self,
                                 LadderProfile  *profile)
{
  g_return_val_if_fail (LADDER_IS_AUTOSAVE (self), NULL);

  return g_hash_table_lookup (self->draft_errors, profile);
}

/**
 * ladder_autosave_describe_unsaved:
 * @self: a #LadderAutosave
 *
 * Says what could not be written and why, a paragraph for each profile
 * (in the order they changed) and then for each draft check-in.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when no write
 *   failed
 */
char *
ladder_autosave_describe_unsaved (LadderAutosave *self)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (LADDER_IS_AUTOSAVE (self), NULL);

  if (!ladder_autosave_get_has_errors (self))
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < self->dirty->len; i++)
    {
      LadderProfile *profile = g_ptr_array_index (self->dirty, i);
      const GError *error = g_hash_table_lookup (self->errors, profile);

      if (error == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, "\n");
      /* Translators: the first %s is a profile's name, the second why its
       * file could not be written (a whole sentence) */
      g_string_append_printf (text, _("Changes to “%s” are not saved. %s"),
                              ladder_profile_get_name (profile), error->message);
    }
  for (guint i = 0; i < self->draft_owners->len; i++)
    {
      LadderProfile *profile = g_ptr_array_index (self->draft_owners, i);
      const GError *error = g_hash_table_lookup (self->draft_errors, profile);

      if (error == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, "\n");
      /* Translators: the first %s is a profile's name, the second why the
       * draft check-in's file could not be written (a whole sentence) */
      g_string_append_printf (text, _("The draft check-in of “%s” is not saved. %s"),
                              ladder_profile_get_name (profile), error->message);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* GObject {{{1 */

static void
ladder_autosave_dispose (GObject *object)
{
  LadderAutosave *self = LADDER_AUTOSAVE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);

  G_OBJECT_CLASS (ladder_autosave_parent_class)->dispose (object);
}

static void
ladder_autosave_finalize (GObject *object)
{
  LadderAutosave *self = LADDER_AUTOSAVE (object);

  g_clear_pointer (&self->dirty, g_ptr_array_unref);
  g_clear_pointer (&self->errors, g_hash_table_unref);
  g_clear_pointer (&self->retry_queue, g_ptr_array_unref);
  g_clear_pointer (&self->draft_owners, g_ptr_array_unref);
  g_clear_pointer (&self->drafts, g_hash_table_unref);
  g_clear_pointer (&self->draft_errors, g_hash_table_unref);
  g_clear_object (&self->saving);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (ladder_autosave_parent_class)->finalize (object);
}

static void
ladder_autosave_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LadderAutosave *self = LADDER_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_DELAY:
      g_value_set_uint (value, self->delay);
      break;

    case PROP_RETRY_DELAY:
      g_value_set_uint (value, self->retry_delay);
      break;

    case PROP_PENDING:
      g_value_set_boolean (value, ladder_autosave_get_pending (self));
      break;

    case PROP_SAVING:
      g_value_set_boolean (value, ladder_autosave_get_saving (self));
      break;

    case PROP_HAS_ERRORS:
      g_value_set_boolean (value, ladder_autosave_get_has_errors (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_autosave_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LadderAutosave *self = LADDER_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_DELAY:
      ladder_autosave_set_delay (self, g_value_get_uint (value));
      break;

    case PROP_RETRY_DELAY:
      ladder_autosave_set_retry_delay (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_autosave_class_init (LadderAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ladder_autosave_dispose;
  object_class->finalize = ladder_autosave_finalize;
  object_class->get_property = ladder_autosave_get_property;
  object_class->set_property = ladder_autosave_set_property;

  properties [PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, LADDER_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 0, G_MAXUINT, LADDER_AUTOSAVE_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);
  properties [PROP_RETRY_DELAY] =
    g_param_spec_uint ("retry-delay", NULL, NULL, 0, G_MAXUINT, LADDER_AUTOSAVE_RETRY_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);
  properties [PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_HAS_ERRORS] =
    g_param_spec_boolean ("has-errors", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LadderAutosave::errors-changed:
   *
   * A write failed, or one that had failed succeeded or was let go of:
   * ladder_autosave_describe_unsaved() says something else now.
   */
  signals [ERRORS_CHANGED] =
    g_signal_new ("errors-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ladder_autosave_init (LadderAutosave *self)
{
  self->cancellable = g_cancellable_new ();
  self->dirty = g_ptr_array_new_with_free_func (g_object_unref);
  self->retry_queue = g_ptr_array_new_with_free_func (g_object_unref);
  self->draft_owners = g_ptr_array_new_with_free_func (g_object_unref);
  self->errors = g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify) g_error_free);
  self->draft_errors = g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify) g_error_free);
  self->drafts = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
}
