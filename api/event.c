/* The default event loop on GLib's main context (virEventRegisterDefaultImpl,
 * virEventRunDefaultImpl, handles and timeouts), and domain event
 * (de)registration entry points. */
#include "api/entry.h"

#include <glib-unix.h>

#define VR_FROM_THIS VIR_FROM_EVENT

typedef struct {
    int id;
    int fd;
    int events;                 /* virEventHandleType bits */
    virEventHandleCallback cb;
    void *opaque;
    virFreeCallback ff;
    GSource *source;            /* NULL while events == 0 */
} vrEventHandle;

typedef struct {
    int id;
    int interval_ms;            /* -1: disabled */
    virEventTimeoutCallback cb;
    void *opaque;
    virFreeCallback ff;
    GSource *source;            /* NULL while disabled */
} vrEventTimer;

static GMutex loop_lock;
static bool loop_registered;
static GHashTable *loop_handles;   /* id -> vrEventHandle */
static GHashTable *loop_timers;    /* id -> vrEventTimer */
static int loop_next_handle = 1;
static int loop_next_timer = 1;

int virEventRegisterDefaultImpl(void)
{
    vrErrorReset();
    g_mutex_lock(&loop_lock);
    if (!loop_registered) {
        loop_handles = g_hash_table_new(g_direct_hash, g_direct_equal);
        loop_timers = g_hash_table_new(g_direct_hash, g_direct_equal);
        loop_registered = true;
    }
    g_mutex_unlock(&loop_lock);
    return 0;
}

int virEventRunDefaultImpl(void)
{
    vrErrorReset();
    g_main_context_iteration(NULL, TRUE);
    return 0;
}

static GIOCondition vrEventToCondition(int events)
{
    GIOCondition cond = 0;

    if (events & VIR_EVENT_HANDLE_READABLE)
        cond |= G_IO_IN;
    if (events & VIR_EVENT_HANDLE_WRITABLE)
        cond |= G_IO_OUT;
    if (events & VIR_EVENT_HANDLE_ERROR)
        cond |= G_IO_ERR;
    if (events & VIR_EVENT_HANDLE_HANGUP)
        cond |= G_IO_HUP;
    return cond;
}

static int vrEventFromCondition(GIOCondition cond)
{
    int events = 0;

    if (cond & G_IO_IN)
        events |= VIR_EVENT_HANDLE_READABLE;
    if (cond & G_IO_OUT)
        events |= VIR_EVENT_HANDLE_WRITABLE;
    if (cond & G_IO_ERR)
        events |= VIR_EVENT_HANDLE_ERROR;
    if (cond & G_IO_HUP)
        events |= VIR_EVENT_HANDLE_HANGUP;
    return events;
}

/* A removed callback's free function runs from the loop, never from inside
 * the Remove call, so callers may remove from within their own callback. */
typedef struct {
    virFreeCallback ff;
    void *opaque;
} vrEventDeferredFree;

static gboolean vrEventRunDeferredFree(gpointer data)
{
    vrEventDeferredFree *d = data;

    d->ff(d->opaque);
    g_free(d);
    return G_SOURCE_REMOVE;
}

static void vrEventDeferFree(virFreeCallback ff, void *opaque)
{
    vrEventDeferredFree *d;

    if (!ff)
        return;
    d = g_new0(vrEventDeferredFree, 1);
    d->ff = ff;
    d->opaque = opaque;
    g_idle_add(vrEventRunDeferredFree, d);
}

static void vrEventSourceDrop(GSource **source)
{
    if (*source) {
        g_source_destroy(*source);
        g_source_unref(*source);
        *source = NULL;
    }
}

static gboolean vrEventHandleDispatch(int fd, GIOCondition cond, gpointer data)
{
    int id = GPOINTER_TO_INT(data);
    virEventHandleCallback cb = NULL;
    void *opaque = NULL;
    vrEventHandle *h;

    g_mutex_lock(&loop_lock);
    if ((h = g_hash_table_lookup(loop_handles, data))) {
        cb = h->cb;
        opaque = h->opaque;
    }
    g_mutex_unlock(&loop_lock);
    if (cb)
        cb(id, fd, vrEventFromCondition(cond), opaque);
    return G_SOURCE_CONTINUE;
}

static void vrEventHandleArm(vrEventHandle *h)
{
    vrEventSourceDrop(&h->source);
    if (h->events == 0)
        return;
    h->source = g_unix_fd_source_new(h->fd, vrEventToCondition(h->events));
    g_source_set_callback(h->source, G_SOURCE_FUNC(vrEventHandleDispatch),
                          GINT_TO_POINTER(h->id), NULL);
    g_source_attach(h->source, NULL);
}

int virEventAddHandle(int fd, int events, virEventHandleCallback cb, void *opaque,
                      virFreeCallback ff)
{
    vrEventHandle *h;
    int id;

    if (fd < 0 || !cb)
        return -1;
    g_mutex_lock(&loop_lock);
    if (!loop_registered) {
        g_mutex_unlock(&loop_lock);
        return -1;
    }
    h = g_new0(vrEventHandle, 1);
    h->id = id = loop_next_handle++;
    h->fd = fd;
    h->events = events;
    h->cb = cb;
    h->opaque = opaque;
    h->ff = ff;
    g_hash_table_insert(loop_handles, GINT_TO_POINTER(id), h);
    vrEventHandleArm(h);
    g_mutex_unlock(&loop_lock);
    return id;
}

void virEventUpdateHandle(int watch, int events)
{
    vrEventHandle *h;

    g_mutex_lock(&loop_lock);
    if (loop_registered && (h = g_hash_table_lookup(loop_handles, GINT_TO_POINTER(watch)))) {
        h->events = events;
        vrEventHandleArm(h);
    }
    g_mutex_unlock(&loop_lock);
}

int virEventRemoveHandle(int watch)
{
    vrEventHandle *h;

    g_mutex_lock(&loop_lock);
    if (!loop_registered ||
        !(h = g_hash_table_lookup(loop_handles, GINT_TO_POINTER(watch)))) {
        g_mutex_unlock(&loop_lock);
        return -1;
    }
    g_hash_table_remove(loop_handles, GINT_TO_POINTER(watch));
    vrEventSourceDrop(&h->source);
    vrEventDeferFree(h->ff, h->opaque);
    g_free(h);
    g_mutex_unlock(&loop_lock);
    return 0;
}

static gboolean vrEventTimerDispatch(gpointer data)
{
    int id = GPOINTER_TO_INT(data);
    virEventTimeoutCallback cb = NULL;
    void *opaque = NULL;
    vrEventTimer *t;

    g_mutex_lock(&loop_lock);
    if ((t = g_hash_table_lookup(loop_timers, data))) {
        cb = t->cb;
        opaque = t->opaque;
    }
    g_mutex_unlock(&loop_lock);
    if (cb)
        cb(id, opaque);
    return G_SOURCE_CONTINUE;
}

static void vrEventTimerArm(vrEventTimer *t)
{
    vrEventSourceDrop(&t->source);
    if (t->interval_ms < 0)
        return;
    t->source = g_timeout_source_new(t->interval_ms);
    g_source_set_callback(t->source, vrEventTimerDispatch, GINT_TO_POINTER(t->id), NULL);
    g_source_attach(t->source, NULL);
}

int virEventAddTimeout(int timeout, virEventTimeoutCallback cb, void *opaque,
                       virFreeCallback ff)
{
    vrEventTimer *t;
    int id;

    if (!cb)
        return -1;
    g_mutex_lock(&loop_lock);
    if (!loop_registered) {
        g_mutex_unlock(&loop_lock);
        return -1;
    }
    t = g_new0(vrEventTimer, 1);
    t->id = id = loop_next_timer++;
    t->interval_ms = timeout;
    t->cb = cb;
    t->opaque = opaque;
    t->ff = ff;
    g_hash_table_insert(loop_timers, GINT_TO_POINTER(id), t);
    vrEventTimerArm(t);
    g_mutex_unlock(&loop_lock);
    return id;
}

void virEventUpdateTimeout(int timer, int timeout)
{
    vrEventTimer *t;

    g_mutex_lock(&loop_lock);
    if (loop_registered && (t = g_hash_table_lookup(loop_timers, GINT_TO_POINTER(timer)))) {
        t->interval_ms = timeout;
        vrEventTimerArm(t);
    }
    g_mutex_unlock(&loop_lock);
}

int virEventRemoveTimeout(int timer)
{
    vrEventTimer *t;

    g_mutex_lock(&loop_lock);
    if (!loop_registered ||
        !(t = g_hash_table_lookup(loop_timers, GINT_TO_POINTER(timer)))) {
        g_mutex_unlock(&loop_lock);
        return -1;
    }
    g_hash_table_remove(loop_timers, GINT_TO_POINTER(timer));
    vrEventSourceDrop(&t->source);
    vrEventDeferFree(t->ff, t->opaque);
    g_free(t);
    g_mutex_unlock(&loop_lock);
    return 0;
}

#undef VR_FROM_THIS
#define VR_FROM_THIS VIR_FROM_DOMAIN

int virConnectDomainEventRegisterAny(virConnectPtr conn, virDomainPtr dom, int eventID,
                                     virConnectDomainEventGenericCallback cb,
                                     void *opaque, virFreeCallback freecb)
{
    int ret;

    VR_CHECK_CONN(conn, -1);
    if (dom && (!vrHandleIsLive(dom) || dom->conn != conn)) {
        vrReportErrorRaw(VIR_ERR_INVALID_ARG, "dom in %s must match connection", __func__);
        goto error;
    }
    VR_CHECK_NONNULL(conn, cb, -1);
    if (eventID < 0 || eventID >= VIR_DOMAIN_EVENT_ID_LAST) {
        vrReportErrorRaw(VIR_ERR_INVALID_ARG, "eventID must be less than %d",
                         VIR_DOMAIN_EVENT_ID_LAST);
        goto error;
    }
    VR_SLOT(conn, connectDomainEventRegisterAny, -1);
    if ((ret = conn->driver->connectDomainEventRegisterAny(conn, dom, eventID, cb,
                                                           opaque, freecb)) < 0)
        goto error;
    return ret;
 error:
    vrEntryFail(conn);
    return -1;
}

int virConnectDomainEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    VR_CHECK_CONN(conn, -1);
    if (callbackID < 0) {
        vrEntryBadArg(VR_FROM_THIS, "callbackID", __func__, "zero or greater");
        vrEntryFail(conn);
        return -1;
    }
    VR_SLOT(conn, connectDomainEventDeregisterAny, -1);
    if (conn->driver->connectDomainEventDeregisterAny(conn, callbackID) < 0) {
        vrEntryFail(conn);
        return -1;
    }
    return 0;
}

/* The old lifecycle-only registration: one callback per function pointer,
 * kept on the connection so Deregister can find its callback id. */
typedef struct {
    virConnectDomainEventCallback cb;
    int id;
} vrLegacyEvent;

static int vrLegacyEventFind(virConnectPtr conn, virConnectDomainEventCallback cb)
{
    guint i;

    if (!conn->legacy_events)
        return -1;
    for (i = 0; i < conn->legacy_events->len; i++) {
        if (g_array_index(conn->legacy_events, vrLegacyEvent, i).cb == cb)
            return (int)i;
    }
    return -1;
}

int virConnectDomainEventRegister(virConnectPtr conn, virConnectDomainEventCallback cb,
                                  void *opaque, virFreeCallback freecb)
{
    vrLegacyEvent ev = { .cb = cb };

    VR_CHECK_CONN(conn, -1);
    VR_CHECK_NONNULL(conn, cb, -1);
    VR_SLOT(conn, connectDomainEventRegisterAny, -1);
    g_mutex_lock(&conn->lock);
    if (vrLegacyEventFind(conn, cb) >= 0) {
        g_mutex_unlock(&conn->lock);
        vrReportErrorRaw(VIR_ERR_INVALID_ARG, "%s", "event callback already tracked");
        vrEntryFail(conn);
        return -1;
    }
    g_mutex_unlock(&conn->lock);
    ev.id = conn->driver->connectDomainEventRegisterAny(conn, NULL,
                                                        VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                                        VIR_DOMAIN_EVENT_CALLBACK(cb),
                                                        opaque, freecb);
    if (ev.id < 0) {
        vrEntryFail(conn);
        return -1;
    }
    g_mutex_lock(&conn->lock);
    if (!conn->legacy_events)
        conn->legacy_events = g_array_new(FALSE, FALSE, sizeof(vrLegacyEvent));
    g_array_append_val(conn->legacy_events, ev);
    g_mutex_unlock(&conn->lock);
    return 0;
}

int virConnectDomainEventDeregister(virConnectPtr conn, virConnectDomainEventCallback cb)
{
    int idx, id = -1;

    VR_CHECK_CONN(conn, -1);
    VR_CHECK_NONNULL(conn, cb, -1);
    VR_SLOT(conn, connectDomainEventDeregisterAny, -1);
    g_mutex_lock(&conn->lock);
    if ((idx = vrLegacyEventFind(conn, cb)) >= 0) {
        id = g_array_index(conn->legacy_events, vrLegacyEvent, idx).id;
        g_array_remove_index(conn->legacy_events, (guint)idx);
    }
    g_mutex_unlock(&conn->lock);
    if (id < 0) {
        vrReportErrorRaw(VIR_ERR_INVALID_ARG, "%s",
                         "could not find event callback for removal");
        vrEntryFail(conn);
        return -1;
    }
    if (conn->driver->connectDomainEventDeregisterAny(conn, id) < 0) {
        vrEntryFail(conn);
        return -1;
    }
    return 0;
}
