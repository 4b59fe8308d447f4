/* Public stream entry points (virStream*): handles, data transfer through
 * the transfer a driver attached, and event callbacks fired from the
 * default event loop while the transfer is readable or writable. */
#include "api/entry.h"
#include "drivers/stream.h"

#include <errno.h>
#include <limits.h>

#define VR_FROM_THIS VIR_FROM_STREAMS

#define VR_STREAM_ALL_CHUNK_BYTES (64 * 1024)   /* SendAll/RecvAll buffer */

/* --- handles ---------------------------------------------------------------- */

static bool
vrEntryStream(virStreamPtr st, const char *func)
{
    vrErrorReset();
    if (vrHandleIsLive(st) && vrHandleIsLive(st->conn))
        return true;
    vrErrorReportRaw(VR_FROM_THIS, VIR_ERR_INVALID_STREAM, __FILE__, func, __LINE__,
                     "invalid stream pointer in %s", func);
    vrErrorCopyToConn(NULL);
    return false;
}

#define VR_CHECK_STREAM(st, ret) \
    do { if (!vrEntryStream((st), __func__)) return (ret); } while (0)

/* Report a failure of a stream call on its connection; returns -1. */
static int
vrStreamFail(virStreamPtr st)
{
    vrEntryFail(st->conn);
    return -1;
}

virStreamPtr
virStreamNew(virConnectPtr conn, unsigned int flags)
{
    virStreamPtr st;

    VR_CHECK_CONN(conn, NULL);
    st = g_new0(virStream, 1);
    st->refs = 1;
    g_atomic_int_inc(&conn->refs);
    st->conn = conn;
    st->flags = flags;
    st->cb_timer = -1;
    g_mutex_init(&st->lock);
    vrHandleRegister(st);
    return st;
}

/* Release the transfer (lock held); it is not used again. */
static void
vrStreamReleaseLocked(virStreamPtr st)
{
    if (st->ops && st->ops->release && st->priv)
        st->ops->release(st->priv);
    st->priv = NULL;
}

static void
vrStreamDispose(virStreamPtr st)
{
    g_mutex_lock(&st->lock);
    if (st->ops && !st->closed) {
        /* never finished: nothing of it takes effect */
        virErrorPtr saved = vrErrorSave();

        st->ops->abort(st);
        vrErrorRestore(&saved);
    }
    vrStreamReleaseLocked(st);
    g_mutex_unlock(&st->lock);
    vrHandleUnregister(st);
    vrConnectUnref(st->conn);
    g_mutex_clear(&st->lock);
    g_free(st);
}

static void
vrStreamUnref(virStreamPtr st)
{
    if (g_atomic_int_dec_and_test(&st->refs))
        vrStreamDispose(st);
}

int
virStreamRef(virStreamPtr stream)
{
    VR_CHECK_STREAM(stream, -1);
    g_atomic_int_inc(&stream->refs);
    return 0;
}

int
virStreamFree(virStreamPtr stream)
{
    VR_CHECK_STREAM(stream, -1);
    vrStreamUnref(stream);
    return 0;
}

/* --- event callbacks ----------------------------------------------------- */

/* Point the callback's timer at "now" while the transfer offers an event
 * the application asked for, and switch it off otherwise. */
static void
vrStreamRearmLocked(virStreamPtr st)
{
    int ready = 0;

    if (st->cb_timer < 0)
        return;
    if (!st->closed && st->ops->events)
        ready = st->ops->events(st) & st->cb_events;
    virEventUpdateTimeout(st->cb_timer, ready ? 0 : -1);
}

static void
vrStreamEventFire(int timer, void *opaque)
{
    virStreamPtr st = opaque;
    virStreamEventCallback cb;
    void *cb_opaque;
    int ready = 0;

    g_mutex_lock(&st->lock);
    if (!st->cb || st->closed || st->cb_timer != timer) {
        g_mutex_unlock(&st->lock);
        return;
    }
    if (st->ops->events)
        ready = st->ops->events(st) & st->cb_events;
    if (!ready) {
        virEventUpdateTimeout(timer, -1);
        g_mutex_unlock(&st->lock);
        return;
    }
    cb = st->cb;
    cb_opaque = st->cb_opaque;
    st->cb_dispatching = true;
    g_mutex_unlock(&st->lock);

    cb(st, ready, cb_opaque);

    g_mutex_lock(&st->lock);
    st->cb_dispatching = false;
    if (st->cb_free_later) {
        virFreeCallback ff = st->cb_free_later;
        void *later = st->cb_opaque_later;

        st->cb_free_later = NULL;
        st->cb_opaque_later = NULL;
        g_mutex_unlock(&st->lock);
        ff(later);
        return;
    }
    vrStreamRearmLocked(st);
    g_mutex_unlock(&st->lock);
}

/* The timer holds a reference on the stream, dropped when it is removed. */
static void
vrStreamEventTimerFree(void *opaque)
{
    vrStreamUnref(opaque);
}

/* The checks AddCallback/Update/Remove share (lock held). */
static int
vrStreamCheckOpenLocked(virStreamPtr st)
{
    if (st->closed) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "stream is not open");
        return -1;
    }
    return 0;
}

int
virStreamEventAddCallback(virStreamPtr stream, int events, virStreamEventCallback cb,
                          void *opaque, virFreeCallback ff)
{
    int timer;

    VR_CHECK_STREAM(stream, -1);
    if (!stream->ops) {
        vrEntryNoSupport(VR_FROM_THIS, __func__);
        return vrStreamFail(stream);
    }
    g_mutex_lock(&stream->lock);
    if (vrStreamCheckOpenLocked(stream) < 0)
        goto error;
    if (stream->cb) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "stream already has a callback registered");
        goto error;
    }
    g_atomic_int_inc(&stream->refs);
    if ((timer = virEventAddTimeout(-1, vrStreamEventFire, stream,
                                    vrStreamEventTimerFree)) < 0) {
        g_atomic_int_dec_and_test(&stream->refs);
        vrReportError(VIR_ERR_INTERNAL_ERROR, "cannot register file watch on stream");
        goto error;
    }
    stream->cb_timer = timer;
    stream->cb = cb;
    stream->cb_opaque = opaque;
    stream->cb_free = ff;
    stream->cb_events = events;
    stream->cb_abort_notified = false;
    vrStreamRearmLocked(stream);
    g_mutex_unlock(&stream->lock);
    return 0;

 error:
    g_mutex_unlock(&stream->lock);
    return vrStreamFail(stream);
}

/* Without a registered callback: libvirt's error, after the open check. */
static int
vrStreamCheckCallbackLocked(virStreamPtr st)
{
    if (vrStreamCheckOpenLocked(st) < 0)
        return -1;
    if (!st->cb) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "stream does not have a callback registered");
        return -1;
    }
    return 0;
}

int
virStreamEventUpdateCallback(virStreamPtr stream, int events)
{
    VR_CHECK_STREAM(stream, -1);
    if (!stream->ops) {
        vrEntryNoSupport(VR_FROM_THIS, __func__);
        return vrStreamFail(stream);
    }
    g_mutex_lock(&stream->lock);
    if (vrStreamCheckCallbackLocked(stream) < 0) {
        g_mutex_unlock(&stream->lock);
        return vrStreamFail(stream);
    }
    stream->cb_events = events;
    vrStreamRearmLocked(stream);
    g_mutex_unlock(&stream->lock);
    return 0;
}

int
virStreamEventRemoveCallback(virStreamPtr stream)
{
    virFreeCallback ff;
    void *opaque;
    int timer;

    VR_CHECK_STREAM(stream, -1);
    if (!stream->ops) {
        vrEntryNoSupport(VR_FROM_THIS, __func__);
        return vrStreamFail(stream);
    }
    g_mutex_lock(&stream->lock);
    if (!stream->cb) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "stream does not have a callback registered");
        g_mutex_unlock(&stream->lock);
        return vrStreamFail(stream);
    }
    ff = stream->cb_free;
    opaque = stream->cb_opaque;
    timer = stream->cb_timer;
    stream->cb = NULL;
    stream->cb_free = NULL;
    stream->cb_opaque = NULL;
    stream->cb_events = 0;
    stream->cb_timer = -1;
    if (stream->cb_dispatching && ff) {
        stream->cb_free_later = ff;
        stream->cb_opaque_later = opaque;
        ff = NULL;
    }
    g_mutex_unlock(&stream->lock);
    if (ff)
        ff(opaque);
    virEventRemoveTimeout(timer);
    return 0;
}

/* --- transfer ---------------------------------------------------------------- */

/* A failed send/recv aborts the transfer, as the API documents (lock held;
 * the failure's error is kept). */
static void
vrStreamFailLocked(virStreamPtr st)
{
    virErrorPtr saved = vrErrorSave();

    st->ops->abort(st);
    vrErrorRestore(&saved);
    st->closed = true;
    st->failed = true;
    vrStreamReleaseLocked(st);
    vrStreamRearmLocked(st);
}

/* Send (send == true) or receive through the transfer. */
static int
vrStreamTransfer(virStreamPtr st, char *data, size_t nbytes, bool send,
                 const char *func)
{
    int ret;

    if (!st->ops) {
        vrEntryNoSupport(VR_FROM_THIS, func);
        return vrStreamFail(st);
    }
    if (nbytes > INT_MAX) {
        vrReportSystemError(ERANGE, "%s", send ? "Too many bytes to write to stream" :
                                              "Too many bytes to read from stream");
        return vrStreamFail(st);
    }
    g_mutex_lock(&st->lock);
    if (st->closed) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "stream is not open");
        ret = -1;
    } else {
        ret = send ? st->ops->send(st, data, nbytes) : st->ops->recv(st, data, nbytes);
        if (ret < 0)
            vrStreamFailLocked(st);
        else
            vrStreamRearmLocked(st);
    }
    g_mutex_unlock(&st->lock);
    return ret < 0 ? vrStreamFail(st) : ret;
}

int
virStreamSend(virStreamPtr stream, const char *data, size_t nbytes)
{
    VR_CHECK_STREAM(stream, -1);
    VR_CHECK_NONNULL(stream->conn, data, -1);
    return vrStreamTransfer(stream, (char *)data, nbytes, true, __func__);
}

int
virStreamRecv(virStreamPtr stream, char *data, size_t nbytes)
{
    VR_CHECK_STREAM(stream, -1);
    VR_CHECK_NONNULL(stream->conn, data, -1);
    return vrStreamTransfer(stream, data, nbytes, false, __func__);
}

/* SendAll and RecvAll block: they refuse a non-blocking stream ("data
 * sources" or "data sinks", what names).  0, or -1 after failing it. */
static int
vrStreamCheckBlocking(virStreamPtr stream, const char *what)
{
    if (stream->flags & VIR_STREAM_NONBLOCK) {
        vrReportError(VIR_ERR_OPERATION_INVALID,
                      "data %s cannot be used for non-blocking streams", what);
        return vrStreamFail(stream);
    }
    return 0;
}

/* The application's source or sink failed: abort the transfer without
 * keeping the abort's own error. */
static int
vrStreamHandlerFailed(virStreamPtr stream)
{
    virStreamAbort(stream);
    vrErrorReset();
    return vrStreamFail(stream);
}

int
virStreamSendAll(virStreamPtr stream, virStreamSourceFunc handler, void *opaque)
{
    g_autofree char *bytes = NULL;

    VR_CHECK_STREAM(stream, -1);
    VR_CHECK_NONNULL(stream->conn, handler, -1);
    if (vrStreamCheckBlocking(stream, "sources") < 0)
        return -1;
    bytes = g_malloc(VR_STREAM_ALL_CHUNK_BYTES);
    for (;;) {
        int got = handler(stream, bytes, VR_STREAM_ALL_CHUNK_BYTES, opaque);
        int offset = 0;

        if (got < 0)
            return vrStreamHandlerFailed(stream);
        if (got == 0)
            return 0;
        while (offset < got) {
            int done = virStreamSend(stream, bytes + offset, got - offset);

            if (done < 0)
                return -1;
            offset += done;
        }
    }
}

int
virStreamRecvAll(virStreamPtr stream, virStreamSinkFunc handler, void *opaque)
{
    g_autofree char *bytes = NULL;

    VR_CHECK_STREAM(stream, -1);
    VR_CHECK_NONNULL(stream->conn, handler, -1);
    if (vrStreamCheckBlocking(stream, "sinks") < 0)
        return -1;
    bytes = g_malloc(VR_STREAM_ALL_CHUNK_BYTES);
    for (;;) {
        int got = virStreamRecv(stream, bytes, VR_STREAM_ALL_CHUNK_BYTES);
        int offset = 0;

        if (got < 0)
            return -1;
        if (got == 0)
            return 0;
        while (offset < got) {
            int done = handler(stream, bytes + offset, got - offset, opaque);

            if (done < 0)
                return vrStreamHandlerFailed(stream);
            offset += done;
        }
    }
}

int
virStreamFinish(virStreamPtr stream)
{
    int ret = 0;

    VR_CHECK_STREAM(stream, -1);
    if (!stream->ops) {
        vrEntryNoSupport(VR_FROM_THIS, __func__);
        return vrStreamFail(stream);
    }
    g_mutex_lock(&stream->lock);
    if (stream->failed) {
        vrReportError(VIR_ERR_INTERNAL_ERROR, "stream is not open");
        ret = -1;
    } else if (!stream->closed) {
        ret = stream->ops->finish(stream);
        stream->closed = true;
        stream->failed = ret < 0;
        vrStreamReleaseLocked(stream);
        vrStreamRearmLocked(stream);
    }
    g_mutex_unlock(&stream->lock);
    return ret < 0 ? vrStreamFail(stream) : 0;
}

/* An aborted transfer tells a callback waiting for data, once. */
static void
vrStreamNotifyAbort(virStreamPtr st)
{
    virStreamEventCallback cb = NULL;
    void *opaque = NULL;

    g_mutex_lock(&st->lock);
    if (st->cb && !st->closed && !st->cb_abort_notified &&
        (st->cb_events & (VIR_STREAM_EVENT_READABLE | VIR_STREAM_EVENT_WRITABLE))) {
        st->cb_abort_notified = true;
        cb = st->cb;
        opaque = st->cb_opaque;
    }
    g_mutex_unlock(&st->lock);
    if (cb)
        cb(st, VIR_STREAM_EVENT_ERROR, opaque);
}

int
virStreamAbort(virStreamPtr stream)
{
    int ret = 0;

    VR_CHECK_STREAM(stream, -1);
    if (!stream->ops)
        return 0;
    vrStreamNotifyAbort(stream);
    g_mutex_lock(&stream->lock);
    if (!stream->closed) {
        ret = stream->ops->abort(stream);
        stream->closed = true;
        vrStreamReleaseLocked(stream);
        vrStreamRearmLocked(stream);
    }
    g_mutex_unlock(&stream->lock);
    return ret < 0 ? vrStreamFail(stream) : 0;
}

/* --- driver side ------------------------------------------------------------- */

int
vrStreamAttach(virStreamPtr st, const vrStreamOps *ops, void *priv)
{
    g_mutex_lock(&st->lock);
    if (st->ops) {
        g_mutex_unlock(&st->lock);
        if (ops->release)
            ops->release(priv);
        vrReportError(VIR_ERR_OPERATION_INVALID,
                      "stream is already used by another transfer");
        return -1;
    }
    st->ops = ops;
    st->priv = priv;
    g_mutex_unlock(&st->lock);
    return 0;
}
