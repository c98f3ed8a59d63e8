/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "bzw-map-renderer"

#include "config.h"

#include "bzw-map-renderer-private.h"

#include <string.h>

/* Zoom buckets pushed apart ahead of need, in a worker thread.
 *
 * A frame in a zoom bucket whose discs are not pushed apart yet pays for
 * the pushing (tens of milliseconds at 10,000 nodes), and a step of the
 * wheel crosses into the next bucket.  With ahead on
 * (bzw_map_renderer_set_ahead(), as the map widget has it), each time a
 * bucket becomes the current one its two neighbours are pushed apart in a
 * worker, from a copy of the positions and with the same function as on
 * the drawing path, so with the same result.  A frame that needs a bucket
 * not there yet draws with a near bucket kept meanwhile, which covers no
 * disc with another either (see nearest_usable() in
 * bzw-map-renderer-place.c), and the renderer's callback asks for a new
 * frame when the bucket is ready.  The export and the tests draw without
 * ahead: every frame there is made on the drawing path.
 */

struct _AheadJob
{
  int         bucket;
  guint       generation;
  gboolean    done;
  gboolean    cancelled;
  guint       n;
  BzwMapNode *nodes;    /* a copy: only the positions, radii and pins are read */
  guint8     *visible;
  double     *x;
  double     *y;
  double     *r;
};

static void
ahead_job_free (AheadJob *job)
{
  g_free (job->nodes);
  g_free (job->visible);
  g_free (job->x);
  g_free (job->y);
  g_free (job->r);
  g_free (job);
}

/* In the main context: the callback, once for any number of jobs done. */
static gboolean
ahead_ready_cb (gpointer data)
{
  BzwMapRenderer *self = data;

  g_mutex_lock (&self->ahead_lock);
  g_clear_pointer (&self->ahead_source, g_source_unref);
  g_mutex_unlock (&self->ahead_lock);

  if (self->ahead_ready != NULL)
    self->ahead_ready (self->ahead_data);
  return G_SOURCE_REMOVE;
}

/* In the worker. */
static void
run_job (gpointer data,
         gpointer user_data)
{
  AheadJob *job = data;
  BzwMapRenderer *self = user_data;
  gboolean cancelled;

  g_mutex_lock (&self->ahead_lock);
  cancelled = job->cancelled;
  g_mutex_unlock (&self->ahead_lock);

  if (!cancelled)
    {
      g_autofree BzwMapDisc *discs = g_new (BzwMapDisc, MAX (job->n, 1));
      g_autofree gboolean *fixed = g_new (gboolean, MAX (job->n, 1));
      g_autofree guint *disc_node = g_new (guint, MAX (job->n, 1));

      _bzw_map_renderer_push_apart (job->nodes, job->visible, job->n, job->bucket, discs, fixed, disc_node,
                                    job->x, job->y, job->r);
    }

  g_mutex_lock (&self->ahead_lock);
  job->done = TRUE;
  g_cond_broadcast (&self->ahead_cond);
  if (!job->cancelled && self->ahead_source == NULL)
    {
      self->ahead_source = g_idle_source_new ();
      g_source_set_callback (self->ahead_source, ahead_ready_cb, self, NULL);
      g_source_attach (self->ahead_source, self->ahead_context);
    }
  g_mutex_unlock (&self->ahead_lock);
}

/* The job of @bucket of the current positions, or NULL.  Takes the lock. */
static AheadJob *
find_job (BzwMapRenderer *self,
          int             bucket)
{
  for (guint k = 0; k < self->ahead_jobs->len; k++)
    {
      AheadJob *job = g_ptr_array_index (self->ahead_jobs, k);

      if (!job->cancelled && job->bucket == bucket)
        return job;
    }
  return NULL;
}

/* Frees the jobs done that no one will take.  Takes the lock. */
static void
reap_jobs (BzwMapRenderer *self)
{
  for (guint k = self->ahead_jobs->len; k > 0; k--)
    {
      AheadJob *job = g_ptr_array_index (self->ahead_jobs, k - 1);

      if (job->done && job->cancelled)
        g_ptr_array_remove_index_fast (self->ahead_jobs, k - 1);
    }
}

/**
 * bzw_map_renderer_set_ahead:
 * @ready: (nullable): called in the thread-default main context of this
 *   call when a zoom bucket made ahead is ready, to ask for a new frame;
 *   %NULL turns ahead off
 *
 * Turns on pushing the discs of the neighbouring zoom buckets apart ahead
 * of need, in a worker thread (see the top of this file).  Turning it off
 * waits for the worker and drops what it made; a callback pending is not
 * called any more.
 */
void
bzw_map_renderer_set_ahead (BzwMapRenderer      *self,
                            BzwMapRendererReady  ready,
                            gpointer             data)
{
  g_return_if_fail (self != NULL);

  if (self->ahead_pool != NULL)
    {
      g_thread_pool_free (self->ahead_pool, TRUE, TRUE);
      self->ahead_pool = NULL;
      g_ptr_array_set_size (self->ahead_jobs, 0);
      if (self->ahead_source != NULL)
        g_source_destroy (self->ahead_source);
      g_clear_pointer (&self->ahead_source, g_source_unref);
      g_clear_pointer (&self->ahead_context, g_main_context_unref);
    }

  self->ahead_ready = ready;
  self->ahead_data = data;
  if (ready == NULL)
    return;

  self->ahead_context = g_main_context_ref_thread_default ();
  self->ahead_pool = g_thread_pool_new (run_job, self, 1, FALSE, NULL);
}

/* Called when the positions or the filters change: what was made ahead is
 * of no use any more.
 */
void
_bzw_map_renderer_forget_ahead (BzwMapRenderer *self)
{
  if (self->ahead_pool == NULL)
    return;

  g_mutex_lock (&self->ahead_lock);
  for (guint k = 0; k < self->ahead_jobs->len; k++)
    ((AheadJob *) g_ptr_array_index (self->ahead_jobs, k))->cancelled = TRUE;
  reap_jobs (self);
  g_mutex_unlock (&self->ahead_lock);
}

/* Fills @slot with the discs of @bucket made ahead, waiting for them with
 * @wait while they are being made.  Returns FALSE where no job made or
 * makes @bucket (or it is not done and @wait is FALSE).
 */
gboolean
_bzw_map_renderer_take_ahead (BzwMapRenderer *self,
                              int             bucket,
                              gboolean        wait,
                              RefSlot        *slot)
{
  AheadJob *job;
  gboolean taken = FALSE;

  if (self->ahead_pool == NULL)
    return FALSE;

  g_mutex_lock (&self->ahead_lock);
  job = find_job (self, bucket);
  while (job != NULL && wait && !job->done)
    g_cond_wait (&self->ahead_cond, &self->ahead_lock);
  if (job != NULL && job->done && job->n == self->n_nodes)
    {
      memcpy (slot->x, job->x, job->n * sizeof (double));
      memcpy (slot->y, job->y, job->n * sizeof (double));
      memcpy (slot->r, job->r, job->n * sizeof (double));
      slot->bucket = bucket;
      g_ptr_array_remove_fast (self->ahead_jobs, job);
      taken = TRUE;
    }
  reap_jobs (self);
  g_mutex_unlock (&self->ahead_lock);
  return taken;
}

/* Has @bucket made ahead from @nodes, unless it is kept or being made.
 * What was made or is to be made for buckets far from it is dropped, so
 * that a long zoom keeps no more than a few.
 */
void
_bzw_map_renderer_plan_ahead (BzwMapRenderer *self,
                              BzwMapNode     *nodes,
                              int             bucket)
{
  AheadJob *job;

  if (self->ahead_pool == NULL || self->n_nodes == 0 ||
      _bzw_map_renderer_find_reference (self, bucket) != NULL)
    return;

  g_mutex_lock (&self->ahead_lock);
  for (guint k = 0; k < self->ahead_jobs->len; k++)
    {
      AheadJob *other = g_ptr_array_index (self->ahead_jobs, k);

      if (ABS (other->bucket - bucket) > 2)
        other->cancelled = TRUE;
    }
  reap_jobs (self);
  job = find_job (self, bucket);
  g_mutex_unlock (&self->ahead_lock);
  if (job != NULL)
    return;

  job = g_new0 (AheadJob, 1);
  job->bucket = bucket;
  job->n = self->n_nodes;
  job->nodes = g_memdup2 (nodes, job->n * sizeof (BzwMapNode));
  job->visible = g_memdup2 (self->visible, job->n);
  job->x = g_new (double, job->n);
  job->y = g_new (double, job->n);
  job->r = g_new (double, job->n);

  g_mutex_lock (&self->ahead_lock);
  g_ptr_array_add (self->ahead_jobs, job);
  g_mutex_unlock (&self->ahead_lock);
  g_thread_pool_push (self->ahead_pool, job, NULL);
}

void
_bzw_map_renderer_init_ahead (BzwMapRenderer *self)
{
  g_mutex_init (&self->ahead_lock);
  g_cond_init (&self->ahead_cond);
  self->ahead_jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) ahead_job_free);
}

void
_bzw_map_renderer_clear_ahead (BzwMapRenderer *self)
{
  bzw_map_renderer_set_ahead (self, NULL, NULL);
  g_ptr_array_unref (self->ahead_jobs);
  g_mutex_clear (&self->ahead_lock);
  g_cond_clear (&self->ahead_cond);
}
