/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A profile the library read or wrote before is shown from the head it
 * kept of it, then gets its evidence from its file: the profile ends the
 * same as a full read, nothing is written meanwhile, and nothing that
 * writes it, removes it or merges into it sees it half read.
 */

#include "config.h"

#include <string.h>
#include <time.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "ladder-core.h"
#include "core-helpers.h"
#include "ladder-format-private.h"
#include "ladder-library-private.h"
#include "ladder-profile-private.h"
#include "ladder-team-private.h"

#define N_EVIDENCE 300

typedef struct
{
  GFile         *directory;
  char          *path;       /* profiles/sample.json */
  char          *head;       /* its head in the cache */
  char          *written;    /* what the first save wrote */
  char          *id;
} Fixture;

static LadderFramework *
bundled_framework (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  LadderFramework *framework;
  const char *data;
  gsize length;

  bytes = g_resources_lookup_data (LADDER_BUNDLED_FRAMEWORKS_PATH "monzo-backend-engineering.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &length);
  framework = ladder_format_read_framework (data, length, "monzo.json", &error);
  g_assert_no_error (error);

  return framework;
}

static LadderProfile *
read_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  LadderProfile *profile = ladder_format_read_profile (text, strlen (text), "sample.json", &error);

  g_assert_no_error (error);

  return profile;
}

/* Lets a read still running on a worker land, if it is to land. */
static void
let_worker_land (void)
{
  while (g_main_context_iteration (NULL, FALSE));
  g_usleep (200 * G_TIME_SPAN_MILLISECOND);
  while (g_main_context_iteration (NULL, FALSE));
}

/* A sample profile saved by a library: it keeps the profile's head. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = bundled_framework ();
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *hash = NULL;

  fixture->directory = ladder_library_get_default_directory ();
  dir = g_file_get_path (fixture->directory);
  g_assert_true (g_str_has_prefix (dir, g_get_user_data_dir ()));

  profile = ladder_sample_profile (framework, N_EVIDENCE, 7);
  fixture->id = g_strdup (ladder_profile_get_id (profile));
  fixture->path = g_build_filename (dir, "profiles", "sample.json", NULL);
  {
    g_autoptr(GFile) file = g_file_new_for_path (fixture->path);

    ladder_profile_set_file (profile, file);
  }

  library = ladder_library_new (NULL);
  g_assert_true (ladder_library_save_profile (library, profile, NULL, &error));
  g_assert_no_error (error);
  fixture->written = core_read_file (fixture->path, NULL);

  /* Where the library keeps it: the user's cache, a folder per data
   * folder. */
  uri = g_file_get_uri (fixture->directory);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  hash[16] = '\0';
  fixture->head = g_build_filename (g_get_user_cache_dir (), "ladder", "heads", hash,
                                    "sample.json.head", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->directory);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->head, g_free);
  g_clear_pointer (&fixture->written, g_free);
  g_clear_pointer (&fixture->id, g_free);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (ladder_library_load_finish (LADDER_LIBRARY (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* Loads the library and returns its one profile as it is listed: before
 * the main loop has run once more. */
static LadderProfile *
load_listed (LadderLibrary *library)
{
  GListModel *profiles = ladder_library_get_profiles (library);
  gboolean done = FALSE;

  ladder_library_load_async (library, NULL, load_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 1);

  return g_list_model_get_item (profiles, 0);
}

static void
wait_whole (LadderProfile *profile)
{
  while (ladder_profile_get_loading (profile))
    g_main_context_iteration (NULL, TRUE);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (ladder_library_save_profile_finish (LADDER_LIBRARY (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
save_and_wait (LadderLibrary *library,
               LadderProfile *profile)
{
  gboolean done = FALSE;

  ladder_library_save_profile_async (library, profile, NULL, save_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static GStatBuf
stat_of (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);

  return buf;
}

static gboolean
same_stat (GStatBuf a,
           GStatBuf b)
{
  return a.st_ino == b.st_ino && a.st_size == b.st_size &&
         a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec;
}

/* Shown at once from the head, whole once the file is read, and then
 * exactly what the file holds; no write on the way, nor when saved
 * unchanged. */
static void
test_shown_first (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(LadderProfile) profile = NULL;
  g_autofree char *backup = g_strconcat (fixture->path, "~", NULL);
  g_autofree char *written = NULL;
  GStatBuf before = stat_of (fixture->path);
  GStatBuf head = stat_of (fixture->head);

  /* The owner's alone: it holds ratings and check-in notes. */
  g_assert_cmpint (head.st_mode & 0777, ==, 0600);
  {
    g_autofree char *folder = g_path_get_dirname (fixture->head);

    g_assert_cmpint (stat_of (folder).st_mode & 0777, ==, 0700);
  }

  profile = load_listed (library);
  g_assert_true (ladder_profile_get_loading (profile));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_ratings (profile)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_checkins (profile)), >, 0);
  g_assert_cmpstr (ladder_profile_get_id (profile), ==, fixture->id);

  wait_whole (profile);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, N_EVIDENCE);

  written = ladder_format_write_profile (profile, NULL);
  g_assert_cmpstr (written, ==, fixture->written);

  /* Saving it unchanged writes nothing. */
  save_and_wait (library, profile);
  g_assert_true (same_stat (before, stat_of (fixture->path)));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

/* The Team view's card of a profile shown from its head counts its
 * evidence by the days kept with the head, before any entry is read,
 * and counts the same once the profile is whole. */
static void
test_team_summary (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderTeamSummary) from_head = NULL;
  g_autoptr(LadderTeamSummary) whole = NULL;
  g_autoptr(GDate) today = g_date_new ();
  LadderEvidence *entry;

  g_date_set_time_t (today, time (NULL));
  profile = load_listed (library);
  g_assert_true (ladder_profile_get_loading (profile));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, 0);
  from_head = ladder_team_summary_new (profile, today);
  g_assert_cmpuint (from_head->n_new_evidence, >, 0);
  g_assert_cmpuint (from_head->n_new_evidence, <, N_EVIDENCE);

  wait_whole (profile);
  whole = ladder_team_summary_new (profile, today);
  g_assert_cmpuint (whole->n_new_evidence, ==, from_head->n_new_evidence);
  g_assert_cmpint (whole->days_since_checkin, ==, from_head->days_since_checkin);
  g_assert_cmpuint (whole->n_gaps, ==, from_head->n_gaps);
  g_assert_cmpuint (whole->n_open_actions, ==, from_head->n_open_actions);

  /* Whole, it counts the live entries: one more. */
  entry = ladder_evidence_new (NULL);
  ladder_evidence_set_title (entry, "Shipped it");
  ladder_evidence_set_date (entry, today);
  ladder_profile_add_evidence (profile, entry);
  g_object_unref (entry);
  g_clear_pointer (&whole, ladder_team_summary_free);
  whole = ladder_team_summary_new (profile, today);
  g_assert_cmpuint (whole->n_new_evidence, ==, from_head->n_new_evidence + 1);
}

static void
assert_summaries_equal (const LadderTeamSummary *a,
                        const LadderTeamSummary *b)
{
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->role, ==, b->role);
  g_assert_cmpstr (a->framework_id, ==, b->framework_id);
  g_assert_cmpstr (a->level_name, ==, b->level_name);
  g_assert_cmpint (a->level_index, ==, b->level_index);
  g_assert_cmpstr (a->sublevel, ==, b->sublevel);
  g_assert_cmpstr (a->target_level_name, ==, b->target_level_name);
  g_assert_cmpfloat (a->progress, ==, b->progress);
  g_assert_cmpint (a->cadence, ==, b->cadence);
  g_assert_cmpint (a->days_since_checkin, ==, b->days_since_checkin);
  g_assert_cmpint (a->checkin_overdue, ==, b->checkin_overdue);
  g_assert_cmpuint (a->days_overdue, ==, b->days_overdue);
  g_assert_cmpuint (a->n_open_actions, ==, b->n_open_actions);
  g_assert_cmpuint (a->n_overdue_actions, ==, b->n_overdue_actions);
  g_assert_cmpuint (a->n_gaps, ==, b->n_gaps);
  g_assert_cmpuint (a->n_self_rated, ==, b->n_self_rated);
  g_assert_cmpuint (a->n_manager_rated, ==, b->n_manager_rated);
  g_assert_cmpuint (a->n_new_evidence, ==, b->n_new_evidence);
}

/* The card of a profile listed from its head is summed up from what the
 * head keeps, and says what the profile read in full says, on any day:
 * whether a 1:1 or an action is overdue is worked out on the day. Once
 * the profile changes, what the head kept is no longer used. */
static void
test_team_basis (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderProfile) full = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  GListModel *checkins;
  const GDateYear years[] = { 2020, 2026, 2031 };

  profile = load_listed (library);
  g_assert_true (ladder_profile_get_loading (profile));
  g_assert_nonnull (_ladder_team_basis_peek (profile));

  full = ladder_format_load_profile (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (_ladder_team_basis_peek (full));
  checkins = ladder_profile_get_checkins (full);
  g_assert_cmpuint (g_list_model_get_n_items (checkins), >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autoptr(GDate) today = g_date_new_dmy (15, G_DATE_JUNE, years[i]);
      g_autoptr(LadderTeamSummary) from_head = NULL;
      g_autoptr(LadderTeamSummary) whole = NULL;

      from_head = ladder_team_summary_new (profile, today);
      g_assert_nonnull (_ladder_team_basis_peek (profile));
      whole = ladder_team_summary_new (full, today);
      assert_summaries_equal (from_head, whole);
    }

  /* A change: the card is summed up from the profile again. */
  ladder_profile_set_name (profile, "Someone Else");
  g_assert_null (_ladder_team_basis_peek (profile));
  {
    g_autoptr(GDate) today = g_date_new_dmy (1, 1, 2027);
    g_autoptr(LadderTeamSummary) changed = ladder_team_summary_new (profile, today);

    g_assert_cmpstr (changed->name, ==, "Someone Else");
  }
}

/* A head kept by an earlier version (2, without the card's figures) is
 * not used: the file is read in full, and its head kept anew. */
static void
test_old_version (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(LadderLibrary) again = NULL;
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderProfile) second = NULL;
  g_autoptr(LadderProfile) full = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GVariant) key = _ladder_library_file_key (file);
  g_autoptr(GVariant) old = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  g_autofree char *written = NULL;

  full = ladder_format_load_profile (file, NULL, &error);
  g_assert_no_error (error);
  head = _ladder_format_write_profile_head (full, NULL);
  days = _ladder_profile_dup_evidence_days (full);
  g_assert_nonnull (key);
  old = g_variant_ref_sink (g_variant_new ("(su@(tttxuxu)s@au)", "ladder-profile-head", 2, key, head,
                                           g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, days->data,
                                                                      days->len, sizeof (guint32))));
  g_file_set_contents (fixture->head, g_variant_get_data (old), g_variant_get_size (old), &error);
  g_assert_no_error (error);

  profile = load_listed (library);
  g_assert_false (ladder_profile_get_loading (profile));
  written = ladder_format_write_profile (profile, NULL);
  g_assert_cmpstr (written, ==, fixture->written);

  /* Kept anew, in this version, once the load is over. */
  for (;;)
    {
      g_autofree char *kept = NULL;
      gsize length = 0;

      while (g_main_context_iteration (NULL, FALSE));
      if (g_file_get_contents (fixture->head, &kept, &length, NULL) &&
          (length != g_variant_get_size (old) || memcmp (kept, g_variant_get_data (old), length) != 0))
        break;
      g_usleep (10 * G_TIME_SPAN_MILLISECOND);
    }
  again = ladder_library_new (NULL);
  second = load_listed (again);
  g_assert_true (ladder_profile_get_loading (second));
  g_assert_nonnull (_ladder_team_basis_peek (second));
}

/* Beyond the read-ahead, a profile shown from its head stays so until
 * someone asks for it whole: read_in_full(), or a save. */
static void
test_read_ahead (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = bundled_framework ();
  g_autoptr(LadderLibrary) writer = ladder_library_new (NULL);
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(GError) error = NULL;
  GListModel *profiles = ladder_library_get_profiles (library);
  LadderProfile *first, *second, *third;
  gboolean done = FALSE;

  for (guint32 seed = 8; seed <= 9; seed++)
    {
      g_autoptr(LadderProfile) other = ladder_sample_profile (framework, N_EVIDENCE, seed);

      ladder_library_add_profile (writer, other);
      g_assert_true (ladder_library_save_profile (writer, other, NULL, &error));
      g_assert_no_error (error);
    }

  /* Room for one profile's evidence: the first is read, unasked. */
  ladder_library_set_read_ahead (library, N_EVIDENCE + 1);
  ladder_library_load_async (library, NULL, load_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 3);
  first = g_list_model_get_item (profiles, 0);
  second = g_list_model_get_item (profiles, 1);
  third = g_list_model_get_item (profiles, 2);
  g_object_unref (first);
  g_object_unref (second);
  g_object_unref (third);
  g_assert_true (ladder_profile_get_loading (first));

  wait_whole (first);
  let_worker_land ();
  g_assert_true (ladder_profile_get_loading (second));
  g_assert_true (ladder_profile_get_loading (third));

  ladder_library_read_in_full (library, third);
  wait_whole (third);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (third)), ==, N_EVIDENCE);
  let_worker_land ();
  g_assert_true (ladder_profile_get_loading (second));

  /* A save asks for it. */
  ladder_profile_set_role (second, "Staff Engineer");
  save_and_wait (library, second);
  g_assert_false (ladder_profile_get_loading (second));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (second)), ==, N_EVIDENCE);
}

/* A file written since its head was kept is read in full at once; its
 * head is kept anew. */
static void
test_file_changed (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(LadderLibrary) again = ladder_library_new (NULL);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderProfile) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *renamed = NULL;
  g_autofree char *name = NULL;

  second = read_text (fixture->written);
  name = g_strdup (ladder_profile_get_name (second));
  g_clear_object (&second);

  /* Another program's save: same size, new times. */
  renamed = g_strdup (fixture->written);
  memcpy (strstr (renamed, name), "X", 1);
  g_file_set_contents (fixture->path, renamed, -1, &error);
  g_assert_no_error (error);

  profile = load_listed (library);
  g_assert_false (ladder_profile_get_loading (profile));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, N_EVIDENCE);
  g_assert_cmpint (ladder_profile_get_name (profile)[0], ==, 'X');

  /* The new head is kept once the load is over. */
  while (g_main_context_pending (NULL) || !g_file_test (fixture->head, G_FILE_TEST_EXISTS))
    g_main_context_iteration (NULL, TRUE);
  g_usleep (100 * G_TIME_SPAN_MILLISECOND);
  while (g_main_context_iteration (NULL, FALSE));

  second = load_listed (again);
  g_assert_true (ladder_profile_get_loading (second));
  g_assert_cmpint (ladder_profile_get_name (second)[0], ==, 'X');
  wait_whole (second);
}

/* A head that is not one is ignored: the file is read in full. */
static void
test_broken_head (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;

  g_file_set_contents (fixture->head, "\x01\x02 not a head", -1, &error);
  g_assert_no_error (error);

  profile = load_listed (library);
  g_assert_false (ladder_profile_get_loading (profile));
  written = ladder_format_write_profile (profile, NULL);
  g_assert_cmpstr (written, ==, fixture->written);
}

/* A save asked for while the evidence is read waits for it, and writes
 * the evidence and the change made meanwhile. */
static void
test_save_waits (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderProfile) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(LadderEvidence) added = ladder_evidence_new (NULL);
  guint merged = 0;
  GDate date;

  g_signal_connect_swapped (library, "profile-merged", G_CALLBACK (count_cb), &merged);
  profile = load_listed (library);
  g_assert_true (ladder_profile_get_loading (profile));

  ladder_profile_set_role (profile, "Changed while loading");
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 20, G_DATE_NOVEMBER, 2026);
  ladder_evidence_set_date (added, &date);
  ladder_evidence_set_title (added, "Logged while loading");
  ladder_profile_add_evidence (profile, added);

  save_and_wait (library, profile);
  g_assert_false (ladder_profile_get_loading (profile));
  /* Not taken for a file changed by another program. */
  g_assert_cmpuint (merged, ==, 0);

  contents = core_read_file (fixture->path, NULL);
  on_disk = read_text (contents);
  g_assert_cmpstr (ladder_profile_get_role (on_disk), ==, "Changed while loading");
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (on_disk)), ==,
                    N_EVIDENCE + 1);
  /* The file's entries first, as if it had been read before the change. */
  {
    g_autoptr(LadderEvidence) last = g_list_model_get_item (ladder_profile_get_evidence (on_disk),
                                                            N_EVIDENCE);

    g_assert_cmpstr (ladder_evidence_get_title (last), ==, "Logged while loading");
  }
}

/* A save that cannot wait reads the file first. */
static void
test_save_now (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderProfile) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  profile = load_listed (library);
  g_assert_true (ladder_profile_get_loading (profile));
  ladder_profile_set_role (profile, "Saved at once");

  g_assert_true (ladder_library_save_profile (library, profile, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (ladder_profile_get_loading (profile));

  contents = core_read_file (fixture->path, NULL);
  on_disk = read_text (contents);
  g_assert_cmpstr (ladder_profile_get_role (on_disk), ==, "Saved at once");
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (on_disk)), ==, N_EVIDENCE);

  /* The read on the worker, when it lands, changes nothing. */
  let_worker_land ();
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, N_EVIDENCE);
}

/* Removing a profile takes its head with it; the undo finds it whole. */
static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  profile = load_listed (library);
  g_assert_true (ladder_profile_get_loading (profile));

  g_assert_true (ladder_library_remove_profile (library, profile, &error));
  g_assert_no_error (error);
  g_assert_false (ladder_profile_get_loading (profile));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, N_EVIDENCE);
  g_assert_false (g_file_test (fixture->head, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

/* The heads of files gone from the folder go at the next load. */
static void
test_stale_heads (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  gboolean done = FALSE;

  g_assert_cmpint (g_remove (fixture->path), ==, 0);
  ladder_library_load_async (library, NULL, load_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_profiles (library)), ==, 0);
  g_assert_false (g_file_test (fixture->head, G_FILE_TEST_EXISTS));
}

/* A head the file contradicts, with the file's own times (another
 * program put back what it had read, to the nanosecond): the file is
 * merged in, as a copy changed on disk is. */
static void
test_contradicted (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderProfile) from_file = NULL;
  g_autoptr(GVariant) kept = NULL;
  g_autoptr(GVariant) key = NULL;
  g_autoptr(GVariant) forged = NULL;
  g_autoptr(GVariant) days = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LadderRating) dropped = NULL;
  g_autofree char *head = NULL;
  g_autofree char *without = NULL;
  const char *magic;
  guint32 version;
  const char *behaviour;

  from_file = read_text (fixture->written);
  dropped = g_list_model_get_item (ladder_profile_get_ratings (from_file), 0);
  behaviour = ladder_rating_get_behaviour_id (dropped);

  /* The head without the first rating. */
  head = core_read_file (fixture->head, NULL);
  bytes = g_bytes_new_take (g_steal_pointer (&head), stat_of (fixture->head).st_size);
  kept = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE ("(su(tttxuxu)sau)"), bytes, FALSE));
  g_variant_get (kept, "(&su@(tttxuxu)s@au)", &magic, &version, &key, &without, &days);
  {
    g_autofree char *needle = g_strdup_printf ("\"%s\" : {", behaviour);
    char *at = strstr (without, needle);
    char *end;

    g_assert_nonnull (at);
    end = strstr (at, "},");
    g_assert_nonnull (end);
    memmove (at, end + 2, strlen (end + 2) + 1);
  }
  forged = g_variant_ref_sink (g_variant_new ("(su@(tttxuxu)s@au)", magic, version, key, without, days));
  g_file_set_contents (fixture->head, g_variant_get_data (forged), g_variant_get_size (forged), &error);
  g_assert_no_error (error);

  profile = load_listed (library);
  g_assert_true (ladder_profile_get_loading (profile));
  g_assert_null (ladder_profile_get_rating (profile, behaviour));
  wait_whole (profile);
  g_assert_nonnull (ladder_profile_get_rating (profile, behaviour));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, N_EVIDENCE);
}

/* A file that went bad after its head was kept: the profile is not
 * written over it, and is listed among the files that could not be
 * opened, as a load would have found it. */
static void
test_went_bad (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *broken = "{ \"format\": \"ladder-profile\", \"version\": 1,";

  profile = load_listed (library);
  g_assert_true (ladder_profile_get_loading (profile));
  g_file_set_contents (fixture->path, broken, -1, &error);
  g_assert_no_error (error);

  ladder_profile_set_role (profile, "Never written");
  g_assert_false (ladder_library_save_profile (library, profile, NULL, &error));
  g_assert_error (error, LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_READ_ONLY);
  g_assert_false (ladder_profile_get_loading (profile));
  g_assert_true (ladder_profile_get_read_only (profile));

  contents = core_read_file (fixture->path, NULL);
  g_assert_cmpstr (contents, ==, broken);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_profiles (library)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_errors (library)), ==, 1);

  /* The read on the worker, when it lands, changes nothing. */
  let_worker_land ();
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_errors (library)), ==, 1);
}

static gboolean
timed_out_cb (gpointer data)
{
  g_error ("Timed out waiting for %s", (const char *) data);

  return G_SOURCE_REMOVE;
}

/* A file changed by another program while its profile's evidence is
 * read: the change is taken in once the profile is whole. */
static void
test_changed_while_reading (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderProfile) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changed = NULL;
  gsize length;
  guint timeout;

  profile = load_listed (library);
  g_assert_true (ladder_profile_get_loading (profile));

  other = read_text (fixture->written);
  ladder_profile_set_role (other, "Changed by another program");
  changed = ladder_format_write_profile (other, &length);
  g_file_set_contents (fixture->path, changed, length, &error);
  g_assert_no_error (error);

  timeout = g_timeout_add_seconds (20, timed_out_cb, (gpointer) "the change");
  while (g_strcmp0 (ladder_profile_get_role (profile), "Changed by another program") != 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);

  g_assert_false (ladder_profile_get_loading (profile));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, N_EVIDENCE);
}

static void
assert_same_summary (const LadderTeamSummary *a,
                     const LadderTeamSummary *b)
{
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->role, ==, b->role);
  g_assert_cmpstr (a->framework_id, ==, b->framework_id);
  g_assert_cmpstr (a->level_name, ==, b->level_name);
  g_assert_cmpint (a->level_index, ==, b->level_index);
  g_assert_cmpstr (a->sublevel, ==, b->sublevel);
  g_assert_cmpstr (a->target_level_name, ==, b->target_level_name);
  g_assert_cmpfloat (a->progress, ==, b->progress);
  g_assert_cmpint (a->cadence, ==, b->cadence);
  g_assert_cmpint (a->days_since_checkin, ==, b->days_since_checkin);
  g_assert_cmpint (a->checkin_overdue, ==, b->checkin_overdue);
  g_assert_cmpuint (a->days_overdue, ==, b->days_overdue);
  g_assert_cmpuint (a->n_open_actions, ==, b->n_open_actions);
  g_assert_cmpuint (a->n_overdue_actions, ==, b->n_overdue_actions);
  g_assert_cmpuint (a->n_gaps, ==, b->n_gaps);
  g_assert_cmpuint (a->n_self_rated, ==, b->n_self_rated);
  g_assert_cmpuint (a->n_manager_rated, ==, b->n_manager_rated);
  g_assert_cmpuint (a->n_new_evidence, ==, b->n_new_evidence);
}

/* Two more profiles saved beside the fixture's, and every head the
 * saves kept dropped: the library has not seen these files yet. */
static void
add_two_without_heads (Fixture *fixture)
{
  g_autoptr(LadderFramework) framework = bundled_framework ();
  g_autoptr(LadderLibrary) writer = ladder_library_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *heads = g_path_get_dirname (fixture->head);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  for (guint32 seed = 8; seed <= 9; seed++)
    {
      g_autoptr(LadderProfile) other = ladder_sample_profile (framework, N_EVIDENCE, seed);

      ladder_library_add_profile (writer, other);
      g_assert_true (ladder_library_save_profile (writer, other, NULL, &error));
      g_assert_no_error (error);
    }

  dir = g_dir_open (heads, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (heads, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

/* A first start, with no head kept: every file is read in full, but
 * beyond the read-ahead a profile is listed from the head just made of
 * it, as on any later start, so that a first start holds no more in
 * memory. Its card is the one of the whole profile. */
static void
test_first_start (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(LadderLibrary) reader = ladder_library_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new ();
  GListModel *profiles = ladder_library_get_profiles (library);
  guint n_loading = 0;
  gboolean done = FALSE;

  g_date_set_time_t (today, time (NULL));
  add_two_without_heads (fixture);
  g_assert_false (g_file_test (fixture->head, G_FILE_TEST_EXISTS));

  /* Room for one profile's evidence. */
  ladder_library_hold_read_ahead (library, TRUE);
  ladder_library_set_read_ahead (library, N_EVIDENCE + 1);
  ladder_library_load_async (library, NULL, load_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ladder_library_load (reader, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (profiles), ==, 3);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(LadderProfile) profile = g_list_model_get_item (profiles, i);
      g_autoptr(LadderProfile) whole = NULL;
      g_autoptr(LadderTeamSummary) summary = NULL;
      g_autoptr(LadderTeamSummary) whole_summary = NULL;

      whole = g_object_ref (ladder_library_find_profile (reader, ladder_profile_get_id (profile)));
      g_assert_false (ladder_profile_get_loading (whole));
      summary = ladder_team_summary_new (profile, today);
      whole_summary = ladder_team_summary_new (whole, today);
      assert_same_summary (summary, whole_summary);

      if (!ladder_profile_get_loading (profile))
        {
          g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, N_EVIDENCE);
          continue;
        }

      n_loading++;
      g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, 0);
      ladder_library_read_in_full (library, profile);
      wait_whole (profile);
      g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, N_EVIDENCE);
      g_clear_pointer (&summary, ladder_team_summary_free);
      summary = ladder_team_summary_new (profile, today);
      assert_same_summary (summary, whole_summary);
    }

  /* One kept whole from the first read, two listed from their heads. */
  g_assert_cmpuint (n_loading, ==, 2);
  /* The heads are kept for next time, and no profile was written. */
  let_worker_land ();
  g_assert_true (g_file_test (fixture->head, G_FILE_TEST_EXISTS));
  {
    g_autofree char *now = core_read_file (fixture->path, NULL);

    g_assert_cmpstr (now, ==, fixture->written);
  }
}

/* Enough entries for a file that a first start skims (some 1.8 MB). */
#define N_LARGE 1500

/* A large profile, with a tombstone among its entries, saved in place
 * of the fixture's, and every head dropped: a first start. Returns its
 * path. */
static char *
add_large_without_head (Fixture *fixture)
{
  g_autoptr(LadderFramework) framework = bundled_framework ();
  g_autoptr(LadderLibrary) writer = ladder_library_new (NULL);
  g_autoptr(LadderProfile) large = ladder_sample_profile (framework, N_LARGE, 11);
  g_autoptr(GDateTime) deleted = g_date_time_new_utc (2026, 10, 1, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *path = g_build_filename (dir, "large.json", NULL);
  g_autofree char *heads = g_path_get_dirname (fixture->head);
  g_autofree char *head = g_build_filename (heads, "large.json.head", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GStatBuf buf;

  ladder_profile_add_tombstone (large, "evidence", "gone", deleted);
  ladder_profile_set_file (large, file);
  g_assert_true (ladder_library_save_profile (writer, large, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  g_assert_cmpint (g_unlink (fixture->head), ==, 0);
  g_assert_cmpint (g_unlink (head), ==, 0);

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_size, >, 1024 * 1024);

  return g_steal_pointer (&path);
}

/* Each focus of @listed, shown from its head, has come as far as in
 * @whole, its evidence read: the head says what counts toward it. */
static void
assert_same_focus_progress (LadderProfile *listed,
                            LadderProfile *whole)
{
  GListModel *listed_focus = ladder_profile_get_focus (listed);
  GListModel *whole_focus = ladder_profile_get_focus (whole);
  guint n = g_list_model_get_n_items (whole_focus);
  guint n_with_evidence = 0;

  g_assert_true (ladder_profile_get_loading (listed));
  g_assert_false (ladder_profile_get_loading (whole));
  g_assert_cmpuint (g_list_model_get_n_items (listed_focus), ==, n);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LadderFocus) a = g_list_model_get_item (listed_focus, i);
      g_autoptr(LadderFocus) b = g_list_model_get_item (whole_focus, i);
      LadderFocusProgress listed_progress, whole_progress;

      g_assert_cmpstr (ladder_focus_get_id (a), ==, ladder_focus_get_id (b));
      ladder_profile_get_focus_progress (listed, a, &listed_progress);
      ladder_profile_get_focus_progress (whole, b, &whole_progress);
      g_assert_cmpuint (listed_progress.n_evidence, ==, whole_progress.n_evidence);
      g_assert_cmpfloat (listed_progress.total, ==, whole_progress.total);
      if (whole_progress.n_evidence > 0)
        n_with_evidence++;
    }
  /* Else the comparison would hold with no count in the head. */
  g_assert_cmpuint (n_with_evidence, >, 0);
}

/* A first start with a large profile and no head: the profile is listed
 * from a head skimmed from its file, before any entry is read, with the
 * card of the whole profile; its head is kept for next time; then its
 * evidence is read in full as after any start, and it is exactly what
 * the file holds. */
static void
test_first_start_skimmed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(LadderLibrary) reader = ladder_library_new (NULL);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderTeamSummary) summary = NULL;
  g_autoptr(LadderTeamSummary) whole_summary = NULL;
  g_autoptr(GDate) today = g_date_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = add_large_without_head (fixture);
  g_autofree char *heads = g_path_get_dirname (fixture->head);
  g_autofree char *head = g_build_filename (heads, "large.json.head", NULL);
  g_autofree char *contents = core_read_file (path, NULL);
  g_autofree char *written = NULL;
  LadderProfile *whole;

  g_date_set_time_t (today, time (NULL));
  g_assert_true (ladder_library_load (reader, NULL, &error));
  g_assert_no_error (error);
  /* The library keeps it. */
  whole = g_list_model_get_item (ladder_library_get_profiles (reader), 0);
  g_object_unref (whole);
  g_assert_false (ladder_profile_get_loading (whole));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (whole)), ==, N_LARGE);

  ladder_library_hold_read_ahead (library, TRUE);
  profile = load_listed (library);
  g_assert_true (ladder_profile_get_loading (profile));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_ratings (profile)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_checkins (profile)), >, 0);
  g_assert_nonnull (g_hash_table_lookup (ladder_profile_get_tombstones (profile, "evidence"), "gone"));
  summary = ladder_team_summary_new (profile, today);
  whole_summary = ladder_team_summary_new (whole, today);
  assert_same_summary (summary, whole_summary);
  assert_same_focus_progress (profile, whole);

  let_worker_land ();
  g_assert_true (ladder_profile_get_loading (profile));
  g_assert_true (g_file_test (head, G_FILE_TEST_EXISTS));

  ladder_library_hold_read_ahead (library, FALSE);
  wait_whole (profile);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, N_LARGE);
  written = ladder_format_write_profile (profile, NULL);
  g_assert_cmpstr (written, ==, contents);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_errors (library)), ==, 0);

  /* The next start lists it from the head the skim kept; after a save,
   * from the head the save kept, made of the whole profile. */
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(LadderLibrary) next = ladder_library_new (NULL);
      g_autoptr(LadderProfile) listed = NULL;

      if (round == 1)
        {
          ladder_profile_set_role (profile, "Staff Engineer");
          g_assert_true (ladder_library_save_profile (library, profile, NULL, &error));
          g_assert_no_error (error);
        }
      ladder_library_hold_read_ahead (next, TRUE);
      listed = load_listed (next);
      assert_same_focus_progress (listed, profile);
    }
}

/* A large file with a broken entry and no head: the skim lists it, and
 * reading it in full then says which entry is wrong, by line and column,
 * and lists the file as one that could not be opened. */
static void
test_first_start_broken_entry (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderLoadError) load_error = NULL;
  g_autoptr(GString) broken = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = add_large_without_head (fixture);
  g_autofree char *contents = core_read_file (path, NULL);
  g_autofree char *expected = NULL;
  const char *title;
  const char *line_start;
  guint line = 1;

  /* The last evidence entry's title made a number: the check-ins come
   * next. */
  title = strstr (contents, "\n  \"checkins\" : [");
  g_assert_nonnull (title);
  title = g_strrstr_len (contents, title - contents, "\"title\" : \"");
  g_assert_nonnull (title);
  broken = g_string_new_len (contents, title - contents);
  g_string_append (broken, "\"title\" : 7, \"x-title\" : \"");
  g_string_append (broken, title + strlen ("\"title\" : \""));
  g_file_set_contents (path, broken->str, (gssize) broken->len, &error);
  g_assert_no_error (error);

  line_start = contents;
  for (const char *c = contents; c < title; c++)
    if (*c == '\n')
      {
        line++;
        line_start = c + 1;
      }

  ladder_library_hold_read_ahead (library, TRUE);
  profile = load_listed (library);
  g_assert_true (ladder_profile_get_loading (profile));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_errors (library)), ==, 0);

  ladder_library_hold_read_ahead (library, FALSE);
  wait_whole (profile);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_profiles (library)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_errors (library)), ==, 1);
  load_error = g_list_model_get_item (ladder_library_get_errors (library), 0);
  g_assert_error (ladder_load_error_get_error (load_error), LADDER_FORMAT_ERROR, LADDER_FORMAT_ERROR_INVALID);
  expected = g_strdup_printf ("%s:%u:%ld: ", path, line, g_utf8_strlen (line_start, title - line_start) + 1);
  g_assert_nonnull (strstr (ladder_load_error_get_error (load_error)->message, expected));

  /* The next start knows it does not read: it is not listed for a
   * moment first, it is a file that could not be opened at once. */
  {
    g_autoptr(LadderLibrary) again = ladder_library_new (NULL);
    g_autoptr(LadderLoadError) again_error = NULL;
    gboolean done = FALSE;

    ladder_library_load_async (again, NULL, load_done_cb, &done);
    while (!done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_profiles (again)), ==, 0);
    g_assert_cmpuint (g_list_model_get_n_items (ladder_library_get_errors (again)), ==, 1);
    again_error = g_list_model_get_item (ladder_library_get_errors (again), 0);
    g_assert_nonnull (strstr (ladder_load_error_get_error (again_error)->message, expected));
  }
}

/* While held back, the read-ahead reads nothing, not even the first
 * profile; what is asked for is read all the same. */
static void
test_read_ahead_held (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(LadderProfile) profile = NULL;

  ladder_library_hold_read_ahead (library, TRUE);
  profile = load_listed (library);
  g_assert_true (ladder_profile_get_loading (profile));
  let_worker_land ();
  g_assert_true (ladder_profile_get_loading (profile));

  ladder_library_hold_read_ahead (library, FALSE);
  wait_whole (profile);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, N_EVIDENCE);
}

/* Asked for, a profile is read while the read-ahead is held back. */
static void
test_read_ahead_held_asked (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(LadderProfile) profile = NULL;

  ladder_library_hold_read_ahead (library, TRUE);
  profile = load_listed (library);
  g_assert_true (ladder_profile_get_loading (profile));
  ladder_library_read_in_full (library, profile);
  wait_whole (profile);
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, N_EVIDENCE);
}

/* Saves @profile over the fixture's file, which keeps its head, lists it
 * again from that head and checks that the card's progress is the
 * profile's own, as its Progress page shows it. */
static void
assert_head_progress (Fixture       *fixture,
                      LadderProfile *profile,
                      double         expected)
{
  g_autoptr(LadderLibrary) saver = ladder_library_new (NULL);
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(LadderProfile) listed = NULL;
  g_autoptr(LadderTeamSummary) from_head = NULL;
  g_autoptr(LadderTeamSummary) whole = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_JANUARY, 2027);
  g_autoptr(GError) error = NULL;
  LadderRater owner = ladder_profile_get_owner (profile);
  double progress = ladder_profile_get_progress (profile, owner, NULL, NULL);

  g_assert_cmpfloat_with_epsilon (progress, expected, 1e-9);

  g_assert_true (ladder_library_save_profile (saver, profile, NULL, &error));
  g_assert_no_error (error);

  listed = load_listed (library);
  g_assert_true (ladder_profile_get_loading (listed));
  from_head = ladder_team_summary_new (listed, today);
  g_assert_cmpfloat (from_head->progress, ==, progress);
  g_assert_cmpuint (ladder_progress_to_percent (from_head->progress), ==,
                    ladder_progress_to_percent (progress));
  g_assert_cmpstr (from_head->sublevel, ==,
                   ladder_profile_get_sublevel (profile, ladder_profile_get_current_level (profile), owner));

  wait_whole (listed);
  g_assert_cmpfloat (ladder_profile_get_progress (listed, owner, NULL, NULL), ==, progress);
  whole = ladder_team_summary_new (listed, today);
  assert_summaries_equal (from_head, whole);
}

/* Rates every behaviour of @level for @rater: the first @n_shown
 * consistently, the next @n_not_applicable not applicable, the rest
 * not yet. Returns how many behaviours the level has. */
static guint
rate_level (LadderProfile *profile,
            const char    *level,
            LadderRater    rater,
            guint          n_shown,
            guint          n_not_applicable)
{
  g_autoptr(GPtrArray) behaviours =
    ladder_framework_list_behaviours (ladder_profile_get_framework (profile), level, NULL);

  for (guint i = 0; i < behaviours->len; i++)
    {
      const char *id = ladder_behaviour_get_id (g_ptr_array_index (behaviours, i));
      LadderRatingValue value = LADDER_RATING_NOT_YET;

      if (i < n_shown)
        value = LADDER_RATING_CONSISTENTLY;
      else if (i < n_shown + n_not_applicable)
        value = LADDER_RATING_NOT_APPLICABLE;
      ladder_profile_rate (profile, id, rater, value);
    }

  return behaviours->len;
}

/* The card's progress, kept in the head, is the profile's own: the share
 * of the current level its owner sees shown, with self and manager
 * ratings apart, not applicable left out, and counted from the new
 * level after a promotion (where the card once counted the target
 * level's share: 0 % against the Progress page's 14 %). */
static void
test_team_progress (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LadderProfile) profile = read_text (fixture->written);
  LadderFramework *framework = ladder_profile_get_framework (profile);
  g_autoptr(LadderPromotion) promotion = NULL;
  g_autoptr(GDate) promoted_on = g_date_new_dmy (1, G_DATE_DECEMBER, 2026);
  const char *current = ladder_profile_get_current_level (profile);
  LadderLevel *next = ladder_framework_get_next_level (framework, current);
  const char *next_id;
  guint n;

  g_assert_nonnull (next);
  next_id = ladder_level_get_id (next);
  {
    g_autoptr(GFile) file = g_file_new_for_path (fixture->path);

    ladder_profile_set_file (profile, file);
  }

  /* The engineer's copy: their own ratings count, not the manager's. */
  ladder_profile_set_owner (profile, LADDER_RATER_SELF);
  ladder_profile_set_target_level (profile, next_id);
  n = rate_level (profile, current, LADDER_RATER_SELF, 3, 0);
  rate_level (profile, current, LADDER_RATER_MANAGER, 0, 0);
  rate_level (profile, next_id, LADDER_RATER_SELF, 0, 0);
  assert_head_progress (fixture, profile, 3.0 / n);

  /* The manager's copy of the same: the manager's ratings, with two not
   * applicable that leave the count. */
  ladder_profile_set_owner (profile, LADDER_RATER_MANAGER);
  rate_level (profile, current, LADDER_RATER_MANAGER, 1, 2);
  assert_head_progress (fixture, profile, 1.0 / (n - 2));

  /* Promoted to the next level, nothing of it rated yet: 0 % of the new
   * level, on the card as on the Progress page. */
  rate_level (profile, next_id, LADDER_RATER_MANAGER, 0, 0);
  promotion = ladder_promotion_new (NULL, promoted_on, current, next_id);
  ladder_profile_add_promotion (profile, promotion);
  ladder_profile_set_current_level (profile, next_id);
  assert_head_progress (fixture, profile, 0.0);

  /* Then rated at the new level. */
  n = rate_level (profile, next_id, LADDER_RATER_MANAGER, 2, 1);
  assert_head_progress (fixture, profile, 2.0 / (n - 1));
}

#define STEP 100

/* Lists the fixture's profile with its evidence going into it STEP
 * entries at a time, and returns it after the first step: loading, with
 * the file's last STEP entries, the next steps held back. */
static LadderProfile *
load_one_step (LadderLibrary *library)
{
  LadderProfile *profile;
  GListModel *evidence;

  _ladder_library_set_evidence_step (library, STEP);
  profile = load_listed (library);
  evidence = ladder_profile_get_evidence (profile);
  /* The first step comes with the read's end, the next at idle. */
  while (g_list_model_get_n_items (evidence) == 0)
    g_main_context_iteration (NULL, TRUE);
  _ladder_library_set_evidence_step (library, 0);

  g_assert_true (ladder_profile_get_loading (profile));
  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, STEP);

  return profile;
}

/* The ids of @profile's evidence, in its order. */
static GStrv
evidence_ids (LadderProfile *profile)
{
  GListModel *evidence = ladder_profile_get_evidence (profile);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(LadderEvidence) entry = g_list_model_get_item (evidence, i);

      g_strv_builder_add (ids, ladder_evidence_get_id (entry));
    }

  return g_strv_builder_end (ids);
}

static void
count_loading_cb (LadderProfile *profile,
                  guint         *counter)
{
  /* Still "loading" when it says it changed, as a whole read is. */
  g_assert_true (ladder_profile_get_loading (profile));
  (*counter)++;
}

/* The evidence goes in a step at a time, the file's last entries first,
 * each step's before the last one's: in the file's order at the end,
 * with an entry added between two steps after them all. The profile is
 * "loading" until the last step and says "changed" once, then. */
static void
test_steps (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderProfile) from_file = read_text (fixture->written);
  g_autoptr(LadderEvidence) added = ladder_evidence_new (NULL);
  g_auto(GStrv) expected = evidence_ids (from_file);
  g_auto(GStrv) ids = NULL;
  GListModel *evidence;
  guint changed = 0;
  guint steps = 0;

  profile = load_one_step (library);
  evidence = ladder_profile_get_evidence (profile);
  ids = evidence_ids (profile);
  for (guint i = 0; i < STEP; i++)
    g_assert_cmpstr (ids[i], ==, expected[N_EVIDENCE - STEP + i]);

  ladder_evidence_set_title (added, "Logged between two steps");
  ladder_profile_add_evidence (profile, added);

  g_signal_connect (profile, "changed", G_CALLBACK (count_loading_cb), &changed);
  g_signal_connect_swapped (evidence, "items-changed", G_CALLBACK (count_cb), &steps);
  let_worker_land ();
  g_assert_cmpuint (steps, ==, 0);

  _ladder_library_set_evidence_step (library, STEP);
  wait_whole (profile);
  g_assert_cmpuint (steps, ==, N_EVIDENCE / STEP - 1);
  g_assert_cmpuint (changed, ==, 1);

  g_clear_pointer (&ids, g_strfreev);
  ids = evidence_ids (profile);
  g_assert_cmpuint (g_strv_length (ids), ==, N_EVIDENCE + 1);
  for (guint i = 0; i < N_EVIDENCE; i++)
    g_assert_cmpstr (ids[i], ==, expected[i]);
  g_assert_cmpstr (ids[N_EVIDENCE], ==, ladder_evidence_get_id (added));
  g_assert_true (ladder_profile_find_evidence (profile, expected[0]) != NULL);
  g_signal_handlers_disconnect_by_func (evidence, count_cb, &steps);
}

static void
save_flag_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (ladder_library_save_profile_finish (LADDER_LIBRARY (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* A save and a change on disk (another program's, merged) that arrive
 * between two steps wait for the last: nothing is written or merged into
 * a profile half taken in, and the file ends with every entry, the
 * change made here and the other program's. */
static void
test_steps_save_and_merge (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderProfile) other = NULL;
  g_autoptr(LadderProfile) on_disk = NULL;
  g_autoptr(LadderProfile) from_file = read_text (fixture->written);
  g_auto(GStrv) expected = evidence_ids (from_file);
  g_auto(GStrv) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *contents = NULL;
  LadderProfileEntry *entry;
  gboolean saved = FALSE;
  guint merged = 0;
  guint timeout;
  gsize length;

  g_signal_connect_swapped (library, "profile-merged", G_CALLBACK (count_cb), &merged);
  profile = load_one_step (library);
  entry = _ladder_library_profile_entry (profile);

  /* A save: it waits. */
  ladder_profile_set_role (profile, "Changed between two steps");
  ladder_library_save_profile_async (library, profile, NULL, save_flag_cb, &saved);
  let_worker_land ();
  g_assert_false (saved);
  contents = core_read_file (fixture->path, NULL);
  g_assert_cmpstr (contents, ==, fixture->written);
  g_clear_pointer (&contents, g_free);

  /* Another program's change to the file: read, and kept for later. */
  other = read_text (fixture->written);
  ladder_profile_set_name (other, "Renamed by another program");
  changed = ladder_format_write_profile (other, &length);
  g_file_set_contents (fixture->path, changed, length, &error);
  g_assert_no_error (error);
  timeout = g_timeout_add_seconds (20, timed_out_cb, (gpointer) "the change on disk");
  while (entry->reload_later == NULL || entry->reload_later->len == 0)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);

  g_assert_true (ladder_profile_get_loading (profile));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, STEP);
  g_assert_cmpstr (ladder_profile_get_name (profile), !=, "Renamed by another program");
  g_assert_cmpuint (merged, ==, 0);
  g_assert_false (saved);

  /* The next steps: then the save, which merges the file first. */
  _ladder_library_set_evidence_step (library, STEP);
  timeout = g_timeout_add_seconds (20, timed_out_cb, (gpointer) "the save");
  while (!saved)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  g_assert_false (ladder_profile_get_loading (profile));
  g_assert_cmpstr (ladder_profile_get_name (profile), ==, "Renamed by another program");
  g_assert_cmpstr (ladder_profile_get_role (profile), ==, "Changed between two steps");
  let_worker_land ();

  ids = evidence_ids (profile);
  g_assert_cmpstrv (ids, expected);

  contents = core_read_file (fixture->path, NULL);
  on_disk = read_text (contents);
  g_assert_cmpstr (ladder_profile_get_name (on_disk), ==, "Renamed by another program");
  g_assert_cmpstr (ladder_profile_get_role (on_disk), ==, "Changed between two steps");
  g_clear_pointer (&ids, g_strfreev);
  ids = evidence_ids (on_disk);
  g_assert_cmpstrv (ids, expected);
}

/* A save that cannot wait, between two steps, takes the rest at once. */
static void
test_steps_save_now (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(LadderProfile) profile = NULL;
  g_autoptr(LadderProfile) on_disk = NULL;
  g_autoptr(LadderProfile) from_file = read_text (fixture->written);
  g_auto(GStrv) expected = evidence_ids (from_file);
  g_auto(GStrv) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  profile = load_one_step (library);
  ladder_profile_set_role (profile, "Saved between two steps");

  g_assert_true (ladder_library_save_profile (library, profile, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (ladder_profile_get_loading (profile));

  contents = core_read_file (fixture->path, NULL);
  on_disk = read_text (contents);
  g_assert_cmpstr (ladder_profile_get_role (on_disk), ==, "Saved between two steps");
  ids = evidence_ids (on_disk);
  g_assert_cmpstrv (ids, expected);

  /* Nothing is left to go in. */
  _ladder_library_set_evidence_step (library, STEP);
  let_worker_land ();
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, N_EVIDENCE);
}

/* A library disposed of between two steps (the app quitting) takes
 * nothing more in. */
static void
test_steps_dispose (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(LadderProfile) profile = NULL;

  profile = load_one_step (library);
  _ladder_library_set_evidence_step (library, STEP);
  /* A worker's task may hold it a moment longer. */
  g_object_run_dispose (G_OBJECT (library));
  g_clear_object (&library);
  let_worker_land ();

  g_assert_true (ladder_profile_get_loading (profile));
  g_assert_cmpuint (g_list_model_get_n_items (ladder_profile_get_evidence (profile)), ==, STEP);
}

/* Saves a manager's copy of a sample profile as profiles/@name: the
 * library keeps its head. */
static char *
save_report (LadderFramework *framework,
             guint            seed,
             const char      *name)
{
  g_autoptr(LadderProfile) profile = ladder_sample_profile (framework, 40, seed);
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(GFile) directory = ladder_library_get_default_directory ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_file_get_path (directory);
  char *path = g_build_filename (dir, "profiles", name, NULL);

  file = g_file_new_for_path (path);
  ladder_profile_set_owner (profile, LADDER_RATER_MANAGER);
  ladder_profile_set_cadence (profile, LADDER_CADENCE_MONTHLY);
  ladder_profile_set_file (profile, file);
  g_assert_true (ladder_library_save_profile (library, profile, NULL, &error));
  g_assert_no_error (error);

  return path;
}

/* The Team view's first frame: the manager's team summed up from the
 * heads alone, card for card what the profiles read in full say, and not
 * the engineer's own profile; nothing as soon as a file has no head that
 * matches it (it was copied in, or another program wrote it), which the
 * load reads itself. */
static void
test_peek_team (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LadderFramework) framework = bundled_framework ();
  g_autoptr(LadderLibrary) library = ladder_library_new (NULL);
  g_autoptr(GDate) today = g_date_new_dmy (15, G_DATE_JUNE, 2027);
  g_autoptr(GHashTable) reports = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_autoptr(GPtrArray) team = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *alex = NULL;
  g_autofree char *blake = NULL;
  const char *paths[2];
  g_autofree char *folder = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;

  /* The fixture's profile is the engineer's own: no one's team. */
  g_assert_null (ladder_library_peek_team (library, today));

  paths[0] = alex = save_report (framework, 11, "alex.json");
  paths[1] = blake = save_report (framework, 12, "blake.json");
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      LadderProfile *full = ladder_format_load_profile (file, NULL, &error);

      g_assert_no_error (error);
      g_hash_table_insert (reports, (gpointer) ladder_profile_get_id (full), full);
    }

  team = ladder_library_peek_team (library, today);
  g_assert_nonnull (team);
  g_assert_cmpuint (team->len, ==, 2);
  for (guint i = 0; i < team->len; i++)
    {
      const LadderTeamSummary *peeked = g_ptr_array_index (team, i);
      LadderProfile *full = g_hash_table_lookup (reports, peeked->id);
      g_autoptr(LadderTeamSummary) whole = NULL;

      g_assert_nonnull (full);
      whole = ladder_team_summary_new (full, today);
      assert_summaries_equal (peeked, whole);
      g_assert_cmpuint (peeked->n_open_actions + peeked->n_new_evidence, >, 0);
    }
  g_clear_pointer (&team, g_ptr_array_unref);

  /* A copy of a report, with no head yet. */
  g_file_get_contents (paths[0], &contents, NULL, &error);
  g_assert_no_error (error);
  folder = g_path_get_dirname (paths[0]);
  copy = g_build_filename (folder, "alex-copy.json", NULL);
  g_file_set_contents (copy, contents, -1, &error);
  g_assert_no_error (error);
  g_assert_null (ladder_library_peek_team (library, today));
  g_assert_cmpint (g_remove (copy), ==, 0);
  team = ladder_library_peek_team (library, today);
  g_assert_nonnull (team);
  g_assert_cmpuint (team->len, ==, 2);

  /* The same report written again by another program: a new file. */
  g_file_set_contents (paths[0], contents, -1, &error);
  g_assert_no_error (error);
  g_assert_null (ladder_library_peek_team (library, today));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/ladder/heads/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("shown-first", test_shown_first);
  ADD ("file-changed", test_file_changed);
  ADD ("broken", test_broken_head);
  ADD ("save-waits", test_save_waits);
  ADD ("save-now", test_save_now);
  ADD ("remove", test_remove);
  ADD ("stale", test_stale_heads);
  ADD ("contradicted", test_contradicted);
  ADD ("changed-while-reading", test_changed_while_reading);
  ADD ("went-bad", test_went_bad);
  ADD ("team-summary", test_team_summary);
  ADD ("team-basis", test_team_basis);
  ADD ("peek-team", test_peek_team);
  ADD ("team-progress", test_team_progress);
  ADD ("old-version", test_old_version);
  ADD ("read-ahead", test_read_ahead);
  ADD ("read-ahead-held", test_read_ahead_held);
  ADD ("read-ahead-held-asked", test_read_ahead_held_asked);
  ADD ("first-start", test_first_start);
  ADD ("first-start-skimmed", test_first_start_skimmed);
  ADD ("first-start-broken-entry", test_first_start_broken_entry);
  ADD ("steps", test_steps);
  ADD ("steps-save-and-merge", test_steps_save_and_merge);
  ADD ("steps-save-now", test_steps_save_now);
  ADD ("steps-dispose", test_steps_dispose);

#undef ADD

  return g_test_run ();
}
