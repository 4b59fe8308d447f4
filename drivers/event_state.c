/* Domain, pool and network event delivery shared by drivers: callbacks
 * registered per connection, a FIFO of queued events, and in-order dispatch
 * from the application's event loop through one zero-delay timeout each. */
#include "drivers/event_state.h"

#include <string.h>

#include "drivers/datatypes.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_NONE

#define VR_EVENT_QUEUE_MAX 65536         /* queued events beyond this are dropped */
#define VR_EVENT_CALLBACKS_MAX 65536     /* registrations per event state */

typedef struct {
    gint refs;                  /* the list's + each in-flight delivery's */
    gint removed;               /* atomic: deregistered, never call again */
    int id;
    virConnectPtr conn;         /* not referenced: removed before conn dies */
    int event_id;
    bool has_uuid;              /* filter on one domain */
    unsigned char uuid[VIR_UUID_BUFLEN];
    virConnectDomainEventGenericCallback cb;
    void *opaque;
    virFreeCallback freecb;
} vrEventCallback;

typedef struct {
    int event_id;
    char *name;
    unsigned char uuid[VIR_UUID_BUFLEN];
    int id;
    int event;
    int detail;
} vrQueuedEvent;

struct vrEventState {
    gint refs;                  /* the owner's + the timer's */
    GMutex lock;
    GPtrArray *callbacks;       /* vrEventCallback *, in registration order */
    GQueue queue;               /* vrQueuedEvent *, oldest first */
    int timer;                  /* -1 while no callback is registered */
    int next_id;
    bool dispatching;
};

static void vrEventCallbackUnref(vrEventCallback *cb)
{
    if (!g_atomic_int_dec_and_test(&cb->refs))
        return;
    if (cb->freecb)
        cb->freecb(cb->opaque);
    g_free(cb);
}

static void vrQueuedEventFree(gpointer data)
{
    vrQueuedEvent *ev = data;

    g_free(ev->name);
    g_free(ev);
}

vrEventState *vrEventStateNew(void)
{
    vrEventState *state = g_new0(vrEventState, 1);

    state->refs = 1;
    g_mutex_init(&state->lock);
    state->callbacks = g_ptr_array_new();
    g_queue_init(&state->queue);
    state->timer = -1;
    return state;
}

static void vrEventStateUnref(vrEventState *state)
{
    if (!state || !g_atomic_int_dec_and_test(&state->refs))
        return;
    g_ptr_array_free(state->callbacks, TRUE);
    g_queue_clear_full(&state->queue, vrQueuedEventFree);
    g_mutex_clear(&state->lock);
    g_free(state);
}

static void vrEventStateTimerFree(void *opaque)
{
    vrEventStateUnref(opaque);
}

static void vrEventStateTimerFire(int timer, void *opaque)
{
    (void)timer;
    vrEventStateFlush(opaque);
}

static void vrEventStatePoolTimerFire(int timer, void *opaque)
{
    (void)timer;
    vrEventStateFlushPools(opaque);
}

static void vrEventStateNetworkTimerFire(int timer, void *opaque)
{
    (void)timer;
    vrEventStateFlushNetworks(opaque);
}

/* With state->lock held: drop the timer and every queued event once no
 * callback is left, as libvirt does. */
static void vrEventStateDisarmLocked(vrEventState *state)
{
    if (state->callbacks->len > 0 || state->timer < 0)
        return;
    virEventRemoveTimeout(state->timer);
    state->timer = -1;
    g_queue_clear_full(&state->queue, vrQueuedEventFree);
    g_queue_init(&state->queue);
}

/* Detach callbacks matching conn (all when conn is NULL) into out. */
static void vrEventStateTakeLocked(vrEventState *state, virConnectPtr conn,
                                   GPtrArray *out)
{
    guint i = 0;

    while (i < state->callbacks->len) {
        vrEventCallback *cb = g_ptr_array_index(state->callbacks, i);

        if (conn && cb->conn != conn) {
            i++;
            continue;
        }
        g_atomic_int_set(&cb->removed, 1);
        g_ptr_array_remove_index(state->callbacks, i);
        g_ptr_array_add(out, cb);
    }
}

static void vrEventCallbacksRelease(GPtrArray *cbs)
{
    guint i;

    for (i = 0; i < cbs->len; i++)
        vrEventCallbackUnref(g_ptr_array_index(cbs, i));
    g_ptr_array_free(cbs, TRUE);
}

void vrEventStateFree(vrEventState *state)
{
    GPtrArray *taken;

    if (!state)
        return;
    taken = g_ptr_array_new();
    g_mutex_lock(&state->lock);
    vrEventStateTakeLocked(state, NULL, taken);
    vrEventStateDisarmLocked(state);
    g_mutex_unlock(&state->lock);
    vrEventCallbacksRelease(taken);
    vrEventStateUnref(state);
}

static bool vrEventCallbackSame(const vrEventCallback *cb, virConnectPtr conn,
                                const unsigned char *uuid, int eventID,
                                virConnectDomainEventGenericCallback fn)
{
    if (cb->conn != conn || cb->event_id != eventID || cb->cb != fn)
        return false;
    if (!uuid)
        return !cb->has_uuid;
    return cb->has_uuid && memcmp(cb->uuid, uuid, VIR_UUID_BUFLEN) == 0;
}

/* With state->lock held: refuse the same callback twice for the same
 * connection, event and object filter, or one too many. */
static int vrEventStateCheckNewLocked(vrEventState *state, virConnectPtr conn,
                                      const unsigned char *uuid, int eventID,
                                      virConnectDomainEventGenericCallback fn)
{
    guint i;

    for (i = 0; i < state->callbacks->len; i++) {
        if (vrEventCallbackSame(g_ptr_array_index(state->callbacks, i),
                                conn, uuid, eventID, fn)) {
            vrReportError(VIR_ERR_INVALID_ARG, "event callback already tracked");
            return -1;
        }
    }
    if (state->callbacks->len >= VR_EVENT_CALLBACKS_MAX) {
        vrReportError(VIR_ERR_INVALID_ARG,
                      "too many event callbacks (limit %d)", VR_EVENT_CALLBACKS_MAX);
        return -1;
    }
    return 0;
}

/* With state->lock held: the timer exists while any callback does; fire
 * flushes the state with its own kind's delivery (libvirt words the
 * failure as for domains, whatever the object). */
static int vrEventStateArmLocked(vrEventState *state, virEventTimeoutCallback fire)
{
    if (state->timer >= 0)
        return 0;
    g_atomic_int_inc(&state->refs);
    state->timer = virEventAddTimeout(-1, fire, state, vrEventStateTimerFree);
    if (state->timer < 0) {
        g_atomic_int_dec_and_test(&state->refs);
        state->timer = -1;
        vrReportError(VIR_ERR_INTERNAL_ERROR, "could not initialize domain event timer");
        return -1;
    }
    return 0;
}

/* With state->lock held: check, arm the timer and record a callback for
 * eventID on conn, filtered on uuid unless it is NULL.  On success the
 * record owns opaque (freecb runs on it at removal).  Returns the callback
 * id or -1. */
static int vrEventStateAddLocked(vrEventState *state, virConnectPtr conn,
                                 const unsigned char *uuid, int eventID,
                                 virConnectDomainEventGenericCallback fn,
                                 virEventTimeoutCallback fire,
                                 void *opaque, virFreeCallback freecb)
{
    vrEventCallback *rec;

    if (vrEventStateCheckNewLocked(state, conn, uuid, eventID, fn) < 0 ||
        vrEventStateArmLocked(state, fire) < 0)
        return -1;
    rec = g_new0(vrEventCallback, 1);
    rec->refs = 1;
    rec->id = state->next_id++;
    rec->conn = conn;
    rec->event_id = eventID;
    if (uuid) {
        rec->has_uuid = true;
        memcpy(rec->uuid, uuid, VIR_UUID_BUFLEN);
    }
    rec->cb = fn;
    rec->opaque = opaque;
    rec->freecb = freecb;
    g_ptr_array_add(state->callbacks, rec);
    return rec->id;
}

int vrEventStateRegisterDomain(vrEventState *state, virConnectPtr conn,
                               virDomainPtr dom, int eventID,
                               virConnectDomainEventGenericCallback cb,
                               void *opaque, virFreeCallback freecb)
{
    int id;

    if (eventID < 0) {
        vrReportErrorRaw(VIR_ERR_INVALID_ARG,
                         "eventID in virConnectDomainEventRegisterAny must be zero or greater");
        return -1;
    }
    if (eventID >= VIR_DOMAIN_EVENT_ID_LAST) {
        vrReportErrorRaw(VIR_ERR_INVALID_ARG, "eventID must be less than %d",
                         VIR_DOMAIN_EVENT_ID_LAST);
        return -1;
    }
    g_mutex_lock(&state->lock);
    id = vrEventStateAddLocked(state, conn, dom ? dom->uuid : NULL, eventID, cb,
                               vrEventStateTimerFire, opaque, freecb);
    g_mutex_unlock(&state->lock);
    return id;
}

int vrEventStateDeregister(vrEventState *state, virConnectPtr conn, int callbackID)
{
    vrEventCallback *found = NULL;
    guint i;

    g_mutex_lock(&state->lock);
    for (i = 0; i < state->callbacks->len; i++) {
        vrEventCallback *cb = g_ptr_array_index(state->callbacks, i);

        if (cb->id == callbackID && cb->conn == conn) {
            found = cb;
            g_atomic_int_set(&cb->removed, 1);
            g_ptr_array_remove_index(state->callbacks, i);
            break;
        }
    }
    if (found)
        vrEventStateDisarmLocked(state);
    g_mutex_unlock(&state->lock);
    if (!found) {
        vrReportError(VIR_ERR_INVALID_ARG,
                      "could not find event callback %d for deletion", callbackID);
        return -1;
    }
    vrEventCallbackUnref(found);
    return 0;
}

void vrEventStateRemoveConn(vrEventState *state, virConnectPtr conn)
{
    GPtrArray *taken;

    if (!state || !conn)
        return;
    taken = g_ptr_array_new();
    g_mutex_lock(&state->lock);
    vrEventStateTakeLocked(state, conn, taken);
    vrEventStateDisarmLocked(state);
    g_mutex_unlock(&state->lock);
    vrEventCallbacksRelease(taken);
}

static void vrEventStateQueue(vrEventState *state, int eventID, const char *name,
                              const unsigned char *uuid, int id,
                              int event, int detail)
{
    vrQueuedEvent *ev;

    if (!state)
        return;
    g_mutex_lock(&state->lock);
    /* Nobody listens (no timer) or the application stopped running its
     * loop: the event is dropped, as libvirt drops it without listeners. */
    if (state->timer < 0 || state->queue.length >= VR_EVENT_QUEUE_MAX) {
        g_mutex_unlock(&state->lock);
        return;
    }
    ev = g_new0(vrQueuedEvent, 1);
    ev->event_id = eventID;
    ev->name = g_strdup(name);
    memcpy(ev->uuid, uuid, VIR_UUID_BUFLEN);
    ev->id = id;
    ev->event = event;
    ev->detail = detail;
    g_queue_push_tail(&state->queue, ev);
    virEventUpdateTimeout(state->timer, 0);
    g_mutex_unlock(&state->lock);
}

void vrEventStateQueueLifecycle(vrEventState *state, const char *name,
                                const unsigned char *uuid, int id,
                                int event, int detail)
{
    vrEventStateQueue(state, VIR_DOMAIN_EVENT_ID_LIFECYCLE, name, uuid, id,
                      event, detail);
}

void vrEventStateQueueReboot(vrEventState *state, const char *name,
                             const unsigned char *uuid, int id)
{
    vrEventStateQueue(state, VIR_DOMAIN_EVENT_ID_REBOOT, name, uuid, id, 0, 0);
}

/* A reference on conn unless it is already being closed (refs at 0). */
static bool vrEventConnRefIfAlive(virConnectPtr conn)
{
    int refs;

    do {
        refs = g_atomic_int_get(&conn->refs);
        if (refs <= 0)
            return false;
    } while (!g_atomic_int_compare_and_exchange(&conn->refs, refs, refs + 1));
    return true;
}

/* With state->lock held: the callbacks ev goes to, each with a reference
 * and a reference on its connection. */
static GPtrArray *vrEventStateMatchLocked(vrEventState *state, const vrQueuedEvent *ev)
{
    GPtrArray *out = g_ptr_array_new();
    guint i;

    for (i = 0; i < state->callbacks->len; i++) {
        vrEventCallback *cb = g_ptr_array_index(state->callbacks, i);

        if (cb->event_id != ev->event_id)
            continue;
        if (cb->has_uuid && memcmp(cb->uuid, ev->uuid, VIR_UUID_BUFLEN) != 0)
            continue;
        if (!vrEventConnRefIfAlive(cb->conn))
            continue;
        g_atomic_int_inc(&cb->refs);
        g_ptr_array_add(out, cb);
    }
    return out;
}

static void vrEventDeliver(vrEventCallback *cb, const vrQueuedEvent *ev)
{
    virDomainPtr dom;

    if (g_atomic_int_get(&cb->removed))
        return;
    dom = vrDomainHandleNew(cb->conn, ev->name, ev->uuid, ev->id);
    if (ev->event_id == VIR_DOMAIN_EVENT_ID_LIFECYCLE) {
        virConnectDomainEventCallback fn = (virConnectDomainEventCallback)(void (*)(void))cb->cb;

        fn(cb->conn, dom, ev->event, ev->detail, cb->opaque);
    } else {
        cb->cb(cb->conn, dom, cb->opaque);
    }
    virDomainFree(dom);
}

/* How one kind of object (domain, pool, network) hands an event to one of
 * its callbacks. */
typedef void (*vrEventDeliverFunc)(vrEventCallback *cb, const vrQueuedEvent *ev);

/* Deliver one event to every matching callback; no lock is held while the
 * application's code runs. */
static void vrEventStateDispatchOne(vrEventState *state, vrQueuedEvent *ev,
                                    vrEventDeliverFunc deliver)
{
    GPtrArray *targets;
    guint i;

    g_mutex_lock(&state->lock);
    targets = vrEventStateMatchLocked(state, ev);
    g_mutex_unlock(&state->lock);
    for (i = 0; i < targets->len; i++) {
        vrEventCallback *cb = g_ptr_array_index(targets, i);
        virConnectPtr conn = cb->conn;

        deliver(cb, ev);
        vrEventCallbackUnref(cb);
        virConnectClose(conn);
    }
    g_ptr_array_free(targets, TRUE);
}

/* Deliver every queued event, in order, through deliver. */
static void vrEventStateFlushWith(vrEventState *state, vrEventDeliverFunc deliver)
{
    vrQueuedEvent *ev;

    if (!state)
        return;
    /* A callback may close the last connection and free the owner's
     * reference; hold one of our own until the queue is drained. */
    g_atomic_int_inc(&state->refs);
    g_mutex_lock(&state->lock);
    if (state->dispatching) {
        /* Another thread is delivering; it drains what we queued, in order. */
        g_mutex_unlock(&state->lock);
        vrEventStateUnref(state);
        return;
    }
    state->dispatching = true;
    if (state->timer >= 0)
        virEventUpdateTimeout(state->timer, -1);
    while ((ev = g_queue_pop_head(&state->queue))) {
        g_mutex_unlock(&state->lock);
        vrEventStateDispatchOne(state, ev, deliver);
        vrQueuedEventFree(ev);
        g_mutex_lock(&state->lock);
    }
    state->dispatching = false;
    g_mutex_unlock(&state->lock);
    vrEventStateUnref(state);
}

void vrEventStateFlush(vrEventState *state)
{
    vrEventStateFlushWith(state, vrEventDeliver);
}

/* ---- pool and network events ----
 * Pool and network callbacks live in vrEventStates of their own (one of
 * each per node): this file's registry, queue, deregistration and flush,
 * with a timer and a delivery that hand out virStoragePoolPtr or
 * virNetworkPtr handles. */

/* What a pool or network registration carries instead of the caller's
 * opaque: a reference on the connection, held until deregistration. */
typedef struct {
    virConnectPtr conn;
    void *opaque;
    virFreeCallback freecb;
} vrObjectEventReg;

static void vrObjectEventRegFree(void *data)
{
    vrObjectEventReg *reg = data;

    if (reg->freecb)
        reg->freecb(reg->opaque);
    virConnectClose(reg->conn);
    g_free(reg);
}

/* Register a pool or network callback (cast to the generic type), filtered
 * on uuid unless it is NULL; fire is the kind's timer callback. */
static int vrEventStateRegisterObject(vrEventState *state, virConnectPtr conn,
                                      const unsigned char *uuid, int eventID,
                                      virConnectDomainEventGenericCallback fn,
                                      virEventTimeoutCallback fire,
                                      void *opaque, virFreeCallback freecb)
{
    vrObjectEventReg *reg = g_new0(vrObjectEventReg, 1);
    int id;

    reg->conn = conn;
    reg->opaque = opaque;
    reg->freecb = freecb;
    g_mutex_lock(&state->lock);
    id = vrEventStateAddLocked(state, conn, uuid, eventID, fn, fire,
                               reg, vrObjectEventRegFree);
    if (id >= 0)
        g_atomic_int_inc(&conn->refs);
    g_mutex_unlock(&state->lock);
    if (id < 0)
        g_free(reg);
    return id;
}

int vrEventStateRegisterPool(vrEventState *state, virConnectPtr conn,
                             virStoragePoolPtr pool, int eventID,
                             virConnectStoragePoolEventGenericCallback cb,
                             void *opaque, virFreeCallback freecb)
{
    return vrEventStateRegisterObject(state, conn, pool ? pool->uuid : NULL, eventID,
                                      (virConnectDomainEventGenericCallback)(void (*)(void))cb,
                                      vrEventStatePoolTimerFire, opaque, freecb);
}

void vrEventStateQueuePool(vrEventState *state, const char *name,
                           const unsigned char *uuid, int eventID,
                           int event, int detail)
{
    vrEventStateQueue(state, eventID, name, uuid, 0, event, detail);
}

static void vrEventDeliverPool(vrEventCallback *cb, const vrQueuedEvent *ev)
{
    vrObjectEventReg *reg = cb->opaque;
    virStoragePoolPtr pool;

    if (g_atomic_int_get(&cb->removed))
        return;
    pool = vrStoragePoolHandleNew(cb->conn, ev->name, ev->uuid);
    if (ev->event_id == VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE) {
        virConnectStoragePoolEventLifecycleCallback fn =
            (virConnectStoragePoolEventLifecycleCallback)(void (*)(void))cb->cb;

        fn(cb->conn, pool, ev->event, ev->detail, reg->opaque);
    } else {
        virConnectStoragePoolEventGenericCallback fn =
            (virConnectStoragePoolEventGenericCallback)(void (*)(void))cb->cb;

        fn(cb->conn, pool, reg->opaque);
    }
    virStoragePoolFree(pool);
}

void vrEventStateFlushPools(vrEventState *state)
{
    vrEventStateFlushWith(state, vrEventDeliverPool);
}

int vrEventStateRegisterNetwork(vrEventState *state, virConnectPtr conn,
                                virNetworkPtr net, int eventID,
                                virConnectNetworkEventGenericCallback cb,
                                void *opaque, virFreeCallback freecb)
{
    return vrEventStateRegisterObject(state, conn, net ? net->uuid : NULL, eventID,
                                      (virConnectDomainEventGenericCallback)(void (*)(void))cb,
                                      vrEventStateNetworkTimerFire, opaque, freecb);
}

void vrEventStateQueueNetwork(vrEventState *state, const char *name,
                              const unsigned char *uuid, int event, int detail)
{
    vrEventStateQueue(state, VIR_NETWORK_EVENT_ID_LIFECYCLE, name, uuid, 0, event, detail);
}

static void vrEventDeliverNetwork(vrEventCallback *cb, const vrQueuedEvent *ev)
{
    vrObjectEventReg *reg = cb->opaque;
    virConnectNetworkEventLifecycleCallback fn =
        (virConnectNetworkEventLifecycleCallback)(void (*)(void))cb->cb;
    virNetworkPtr net;

    if (g_atomic_int_get(&cb->removed))
        return;
    net = vrNetworkHandleNew(cb->conn, ev->name, ev->uuid);
    fn(cb->conn, net, ev->event, ev->detail, reg->opaque);
    virNetworkFree(net);
}

void vrEventStateFlushNetworks(vrEventState *state)
{
    vrEventStateFlushWith(state, vrEventDeliverNetwork);
}
