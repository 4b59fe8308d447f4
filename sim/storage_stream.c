/* Volume upload and download through in-process streams.  An upload
 * writes into staged chunks that replace the volume's on finish only, so
 * an abort (or a failed send) leaves the volume as it was; a download reads
 * the committed content.  Either holds the volume "in use" while open. */
#include "sim/driver_storage_priv.h"
#include "drivers/stream.h"

#include <errno.h>
#include <string.h>

#define VR_FROM_THIS VIR_FROM_STREAMS

typedef struct {
    vrSimNode *node;            /* referenced */
    vrSimVolume *vol;           /* referenced */
    char *pool_name;
    bool upload;
    bool held;                  /* vol->in_use and the pool's asyncjobs counted */
    guint64 offset;             /* where the transfer starts in the volume */
    guint64 length;             /* bytes it may move */
    guint64 done;               /* bytes moved so far */
    bool fault_checked;         /* the halfway fault point was consulted */
    GHashTable *staged;         /* upload: chunk index -> guint8[CHUNK_BYTES] */
} vrSimTransfer;

/* Give back the volume and the pool's job (node locked). */
static void
vrSimTransferDropLocked(vrSimTransfer *t)
{
    vrSimPool *pool;

    if (!t->held)
        return;
    t->held = false;
    t->vol->in_use--;
    if ((pool = vrSimPoolFindByName(t->node->pools, t->pool_name)))
        pool->asyncjobs--;
}

static void
vrSimTransferRelease(void *priv)
{
    vrSimTransfer *t = priv;

    vrSimNodeLock(t->node);
    vrSimTransferDropLocked(t);
    vrSimNodeUnlock(t->node);
    if (t->staged)
        g_hash_table_unref(t->staged);
    vrSimVolumeUnref(t->vol);
    vrSimNodeUnref(t->node);
    g_free(t->pool_name);
    g_free(t);
}

/* The staged copy of chunk index, made from the committed one on first
 * touch (node locked). */
static guint8 *
vrSimTransferStage(vrSimTransfer *t, guint64 index)
{
    guint8 *chunk = g_hash_table_lookup(t->staged, GSIZE_TO_POINTER(index));

    if (!chunk) {
        chunk = g_malloc(VR_SIM_VOL_CHUNK_BYTES);
        vrSimVolumeRead(t->vol, index * VR_SIM_VOL_CHUNK_BYTES, (char *)chunk,
                        VR_SIM_VOL_CHUNK_BYTES);
        g_hash_table_insert(t->staged, GSIZE_TO_POINTER(index), chunk);
    }
    return chunk;
}

/* The storage.upload / storage.download fault point, consulted once per
 * transfer, by the call that takes it past half its length (node locked),
 * unless an observer reads.
 * *n is cut to what moves before the failure.  0 to go ahead. */
static int
vrSimTransferFault(vrSimTransfer *t, size_t *n)
{
    guint64 half = t->length / 2;
    vrSimFaultCtx ctx = { .dom = t->vol->def->name, .path = t->vol->def->target.path };
    const vrSimFaultRule *rule;

    /* an observer's reads (vrSimControlObserve) never change the simulation */
    if (t->fault_checked || t->done + *n <= half || t->node->observing)
        return 0;
    t->fault_checked = true;
    rule = vrSimFaultFire(t->node->faults, t->upload ? VR_SIM_FAULT_STORAGE_UPLOAD :
                                                       VR_SIM_FAULT_STORAGE_DOWNLOAD, &ctx);
    if (!rule || vrSimFaultRuleIsSlow(rule))
        return 0;
    *n = half - t->done;
    return vrSimFaultReport(rule, &ctx);
}

/* Stage n bytes of data at pos (node locked). */
static void
vrSimTransferWrite(vrSimTransfer *t, guint64 pos, const char *data, size_t n)
{
    while (n > 0) {
        size_t within = pos % VR_SIM_VOL_CHUNK_BYTES;
        size_t part = MIN(n, VR_SIM_VOL_CHUNK_BYTES - within);

        memcpy(vrSimTransferStage(t, pos / VR_SIM_VOL_CHUNK_BYTES) + within, data, part);
        data += part;
        pos += part;
        n -= part;
    }
}

/* An upload writes into staged chunks: a failure halfway leaves the first
 * half staged, and the abort that follows drops it -- nothing reaches the
 * volume. */
static int
vrSimTransferSend(virStreamPtr st, const char *data, size_t nbytes)
{
    vrSimTransfer *t = st->priv;
    guint64 pos = t->offset + t->done;
    size_t n;
    int rc;

    if (!t->upload) {
        vrReportSystemError(EBADF, "%s", "cannot write to stream");
        return -1;
    }
    if (t->done == t->length) {
        vrReportSystemError(ENOSPC, "%s", "cannot write to stream");
        return -1;
    }
    n = MIN(nbytes, t->length - t->done);
    vrSimNodeLock(t->node);
    rc = vrSimTransferFault(t, &n);
    vrSimTransferWrite(t, pos, data, n);
    vrSimNodeUnlock(t->node);
    t->done += n;
    return rc < 0 ? -1 : (int)n;
}

static int
vrSimTransferRecv(virStreamPtr st, char *data, size_t nbytes)
{
    vrSimTransfer *t = st->priv;
    size_t n;

    if (t->upload) {
        vrReportSystemError(EBADF, "%s", "cannot read from stream");
        return -1;
    }
    if (t->done == t->length)
        return 0;
    n = MIN(nbytes, t->length - t->done);
    vrSimNodeLock(t->node);
    if (vrSimTransferFault(t, &n) < 0) {
        vrSimNodeUnlock(t->node);
        return -1;
    }
    vrSimVolumeRead(t->vol, t->offset + t->done, data, n);
    vrSimNodeUnlock(t->node);
    t->done += n;
    return (int)n;
}

/* Close the transfer: an upload commits (commit) or drops its chunks; the
 * pool is refreshed after an upload, as libvirt's close callback does. */
static int
vrSimTransferClose(virStreamPtr st, bool commit)
{
    vrSimTransfer *t = st->priv;
    vrSimPool *pool;

    vrSimNodeLock(t->node);
    if (t->upload && commit)
        vrSimVolumeCommit(t->vol, t->staged);
    vrSimTransferDropLocked(t);
    if ((pool = vrSimPoolFindByName(t->node->pools, t->pool_name))) {
        vrSimStorageVolTrace(t->node, pool, t->vol,
                             !t->upload ? "downloaded" : commit ? "uploaded" : "upload-aborted");
        if (t->upload)
            vrSimStoragePoolQueueRefresh(t->node, pool->def);
    }
    vrSimNodeUnlock(t->node);
    return 0;
}

static int
vrSimTransferFinish(virStreamPtr st)
{
    return vrSimTransferClose(st, true);
}

static int
vrSimTransferAbort(virStreamPtr st)
{
    return vrSimTransferClose(st, false);
}

static int
vrSimTransferEvents(virStreamPtr st)
{
    const vrSimTransfer *t = st->priv;

    return t->upload ? VIR_STREAM_EVENT_WRITABLE : VIR_STREAM_EVENT_READABLE;
}

static const vrStreamOps vrSimTransferOps = {
    .send = vrSimTransferSend,
    .recv = vrSimTransferRecv,
    .finish = vrSimTransferFinish,
    .abort = vrSimTransferAbort,
    .events = vrSimTransferEvents,
    .release = vrSimTransferRelease,
};

/* The range an upload may write: offset + length within the capacity. */
static int
vrSimTransferUploadRange(const vrSimVolume *vol, guint64 offset, guint64 *length)
{
    guint64 capacity = vol->def->capacity;

    if (offset > capacity || *length > capacity - offset) {
        vrErrorReport(VIR_FROM_STORAGE, VIR_ERR_INVALID_ARG, __FILE__, __func__, __LINE__,
                      "offset %llu and length %llu exceed the capacity (%llu bytes) of "
                      "volume '%s'", (unsigned long long)offset,
                      (unsigned long long)*length, (unsigned long long)capacity,
                      vol->def->name);
        return -1;
    }
    if (*length == 0)
        *length = capacity - offset;
    return 0;
}

/* Set a transfer up on the volume behind handle (node locked inside). */
static vrSimTransfer *
vrSimTransferNew(virStorageVolPtr handle, bool upload, guint64 offset, guint64 length)
{
    vrSimTransfer *t = NULL;
    vrSimVolume *vol;
    vrSimNode *node;
    vrSimPool *pool;

    if (!(pool = vrSimStoragePoolAcquire(handle->conn, handle->pool,
                                         VR_SIM_POOL_ACTIVE, &node)))
        return NULL;
    if (!(vol = vrSimStorageVolFind(pool, handle->name)))
        goto cleanup;
    if (upload && vol->in_use) {
        vrErrorReport(VIR_FROM_STORAGE, VIR_ERR_OPERATION_INVALID, __FILE__, __func__,
                      __LINE__, "volume '%s' is still in use.", vol->def->name);
        goto cleanup;
    }
    if (upload && vrSimTransferUploadRange(vol, offset, &length) < 0)
        goto cleanup;
    if (!upload) {
        /* reading past the end finds the end, as reading a file does */
        offset = MIN(offset, vol->def->capacity);
        if (length == 0 || length > vol->def->capacity - offset)
            length = vol->def->capacity - offset;
    }
    t = g_new0(vrSimTransfer, 1);
    g_atomic_int_inc(&node->refs);
    t->node = node;
    t->vol = vrSimVolumeRef(vol);
    t->pool_name = g_strdup(pool->def->name);
    t->upload = upload;
    t->offset = offset;
    t->length = length;
    if (upload)
        t->staged = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
    t->held = true;
    vol->in_use++;
    pool->asyncjobs++;
 cleanup:
    vrSimNodeUnlock(node);
    return t;
}

static int
vrSimTransferStart(virStorageVolPtr vol, virStreamPtr stream, guint64 offset,
                   guint64 length, bool upload)
{
    vrSimTransfer *t = vrSimTransferNew(vol, upload, offset, length);

    if (!t)
        return -1;
    return vrStreamAttach(stream, &vrSimTransferOps, t);
}

int
vrSimDrvStorageVolUpload(virStorageVolPtr vol, virStreamPtr stream,
                         unsigned long long offset, unsigned long long length,
                         unsigned int flags)
{
    if (vrCheckFlagsImpl(VIR_FROM_STORAGE, flags, 0, "storageVolUpload") < 0)
        return -1;
    return vrSimTransferStart(vol, stream, offset, length, true);
}

int
vrSimDrvStorageVolDownload(virStorageVolPtr vol, virStreamPtr stream,
                           unsigned long long offset, unsigned long long length,
                           unsigned int flags)
{
    if (vrCheckFlagsImpl(VIR_FROM_STORAGE, flags, 0, "storageVolDownload") < 0)
        return -1;
    return vrSimTransferStart(vol, stream, offset, length, false);
}
