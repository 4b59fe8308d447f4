/* Streams (virStreamPtr) as drivers see them: a handle created by
 * virStreamNew, to which a driver attaches one transfer (volume upload or
 * download) as a table of operations.  api/stream.c implements the public
 * calls, the event callbacks (fired from the default event loop while the
 * transfer is readable/writable) and the handle's lifetime. */
#ifndef VR_STREAM_H
#define VR_STREAM_H

#include <stdbool.h>
#include <glib.h>
#include "vireo/vireo.h"

/* One transfer.  Every operation runs with the stream's lock held and
 * reports its own errors (VIR_FROM_STREAMS).  After finish or abort
 * returns, or after send/recv fail, the operations are not called again. */
typedef struct {
    /* Bytes accepted (> 0, maybe fewer than nbytes), or -1. */
    int (*send)(virStreamPtr st, const char *data, size_t nbytes);
    /* Bytes read (> 0), 0 at the end of the data, or -1. */
    int (*recv)(virStreamPtr st, char *data, size_t nbytes);
    /* Complete the transfer (an upload commits here): 0 or -1. */
    int (*finish)(virStreamPtr st);
    /* Cancel: nothing sent so far takes effect.  0 or -1. */
    int (*abort)(virStreamPtr st);
    /* VIR_STREAM_EVENT_READABLE / _WRITABLE the transfer offers now. */
    int (*events)(virStreamPtr st);
    /* Free the private data (once, when the stream is done with it). */
    void (*release)(void *priv);
} vrStreamOps;

struct _virStream {
    gint refs;
    virConnectPtr conn;             /* holds a reference */
    unsigned int flags;             /* virStreamFlags */
    GMutex lock;                    /* guards everything below */
    const vrStreamOps *ops;         /* NULL until a transfer is attached */
    void *priv;                     /* the transfer's, owned via ops->release */
    bool closed;                    /* finished, aborted or failed */
    /* the application's event callback (virStreamEventAddCallback) */
    virStreamEventCallback cb;
    void *cb_opaque;
    virFreeCallback cb_free;
    int cb_events;
    int cb_timer;                   /* -1 without a callback */
    bool cb_dispatching;
    bool cb_abort_notified;
    virFreeCallback cb_free_later;  /* removed while dispatching: free after */
    void *cb_opaque_later;
    bool failed;                    /* closed by a failed send/recv */
};

/* Attach a transfer to st (priv owned by the stream from now on, released
 * through ops->release even on failure).  Fails with VIR_ERR_OPERATION_INVALID
 * when st already carries one. */
int vrStreamAttach(virStreamPtr st, const vrStreamOps *ops, void *priv);

#endif /* VR_STREAM_H */
