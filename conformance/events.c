/* conformance/events.c: the lifecycle event collector.  Cases register
 * callbacks (domain, network, storage pool), drive the default event loop for
 * a bounded number of ticks until the expected events for an object arrive,
 * and compare the exact sequence.  Network and pool events are keyed
 * "network:NAME" and "pool:NAME" so they never mix with a domain's. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conform.h"
#include "netstore.h"

/* libvirt's VIR_NETWORK_EVENT_CALLBACK and VIR_STORAGE_POOL_EVENT_CALLBACK,
 * spelled out: the casts through void (*)(void) keep GCC quiet. */
#define VRC_NET_CB(cb) ((virConnectNetworkEventGenericCallback)(void (*)(void))(cb))
#define VRC_POOL_CB(cb) ((virConnectStoragePoolEventGenericCallback)(void (*)(void))(cb))

typedef struct {
    char name[VRC_NAME_MAX];
    int event;
    int detail;
} vrcEventRecord;

struct vrcEvents {
    pthread_mutex_t lock;
    virConnectPtr conn;
    int callbackID;
    int netCallbackID;
    int poolCallbackID;
    int refreshCallbackID;
    int timerID;
    size_t n;
    bool overflow;
    vrcEventRecord ev[VRC_EVENTS_MAX];
};

/* Records one event of the conform-* object NAME under KIND + NAME. */
static void
vrcEventsAdd(vrcEvents *evs, const char *kind, const char *name, int event, int detail)
{
    if (!name || strncmp(name, VRC_PREFIX, strlen(VRC_PREFIX)) != 0)
        return;
    pthread_mutex_lock(&evs->lock);
    if (evs->n < VRC_EVENTS_MAX) {
        vrcEventRecord *r = &evs->ev[evs->n++];

        snprintf(r->name, sizeof(r->name), "%s%s", kind, name);
        r->event = event;
        r->detail = detail;
    } else {
        evs->overflow = true;
    }
    pthread_mutex_unlock(&evs->lock);
}

static int
vrcEventLifecycleCb(virConnectPtr conn, virDomainPtr dom, int event, int detail,
                    void *opaque)
{
    vrcEventsAdd(opaque, "", virDomainGetName(dom), event, detail);
    return 0;
}

static void
vrcEventNetworkCb(virConnectPtr conn, virNetworkPtr net, int event, int detail,
                  void *opaque)
{
    vrcEventsAdd(opaque, VRC_NET_EVENT_PREFIX, virNetworkGetName(net), event, detail);
}

static void
vrcEventPoolCb(virConnectPtr conn, virStoragePoolPtr pool, int event, int detail,
               void *opaque)
{
    vrcEventsAdd(opaque, VRC_POOL_EVENT_PREFIX, virStoragePoolGetName(pool), event,
                    detail);
}

static void
vrcEventRefreshCb(virConnectPtr conn, virStoragePoolPtr pool, void *opaque)
{
    vrcEventsAdd(opaque, VRC_POOL_EVENT_PREFIX, virStoragePoolGetName(pool),
                    VRC_POOL_EVENT_REFRESH, 0);
}

/* The periodic timer only makes virEventRunDefaultImpl return. */
static void
vrcEventTimerCb(int timer, void *opaque)
{
}

int
vrcEventTick(void)
{
    return virEventRunDefaultImpl();
}

/* The collector of the case, created with its wake-up timer on first use. */
static vrcEvents *
vrcEventsGet(vrcCtx *ctx)
{
    vrcEvents *evs;

    if (ctx->events)
        return ctx->events;
    if (!(evs = calloc(1, sizeof(*evs))))
        abort();
    pthread_mutex_init(&evs->lock, NULL);
    evs->callbackID = evs->netCallbackID = -1;
    evs->poolCallbackID = evs->refreshCallbackID = -1;
    evs->timerID = -1;
    evs->conn = ctx->conn;
    ctx->events = evs;

    vrcStep(ctx, "virEventAddTimeout(%d ms)", VRC_EVENT_TICK_MS);
    if ((evs->timerID = virEventAddTimeout(VRC_EVENT_TICK_MS, vrcEventTimerCb,
                                           NULL, NULL)) < 0) {
        vrcCallFailed(ctx);
        return NULL;
    }
    return evs;
}

int
vrcEventsOnNetwork(vrcCtx *ctx, virNetworkPtr net)
{
    vrcEvents *evs = vrcEventsGet(ctx);

    if (!evs)
        return -1;
    if (evs->netCallbackID >= 0)
        return vrcFail(ctx, "network event callback registered twice");
    vrcStep(ctx, "virConnectNetworkEventRegisterAny(%s, VIR_NETWORK_EVENT_ID_LIFECYCLE)",
            net ? virNetworkGetName(net) : "NULL");
    if ((evs->netCallbackID = virConnectNetworkEventRegisterAny(
             ctx->conn, net, VIR_NETWORK_EVENT_ID_LIFECYCLE,
             VRC_NET_CB(vrcEventNetworkCb), evs, NULL)) < 0)
        return vrcCallFailed(ctx);
    return 0;
}

/* Registers for POOL's (NULL: every pool's) lifecycle and refresh events. */
int
vrcEventsOnPool(vrcCtx *ctx, virStoragePoolPtr pool)
{
    vrcEvents *evs = vrcEventsGet(ctx);
    const char *name = pool ? virStoragePoolGetName(pool) : "NULL";

    if (!evs)
        return -1;
    if (evs->poolCallbackID >= 0)
        return vrcFail(ctx, "pool event callback registered twice");
    vrcStep(ctx, "virConnectStoragePoolEventRegisterAny(%s, "
            "VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE)", name);
    if ((evs->poolCallbackID = virConnectStoragePoolEventRegisterAny(
             ctx->conn, pool, VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
             VRC_POOL_CB(vrcEventPoolCb), evs, NULL)) < 0)
        return vrcCallFailed(ctx);
    vrcStep(ctx, "virConnectStoragePoolEventRegisterAny(%s, "
            "VIR_STORAGE_POOL_EVENT_ID_REFRESH)", name);
    if ((evs->refreshCallbackID = virConnectStoragePoolEventRegisterAny(
             ctx->conn, pool, VIR_STORAGE_POOL_EVENT_ID_REFRESH,
             VRC_POOL_CB(vrcEventRefreshCb), evs, NULL)) < 0)
        return vrcCallFailed(ctx);
    return 0;
}

int
vrcEventsOn(vrcCtx *ctx, virDomainPtr dom)
{
    vrcEvents *evs;

    if (ctx->events && ctx->events->callbackID >= 0)
        return vrcFail(ctx, "event collector registered twice");
    if (!(evs = vrcEventsGet(ctx)))
        return -1;
    vrcStep(ctx, "virConnectDomainEventRegisterAny(%s, VIR_DOMAIN_EVENT_ID_LIFECYCLE)",
            dom ? virDomainGetName(dom) : "NULL");
    if ((evs->callbackID = virConnectDomainEventRegisterAny(
             ctx->conn, dom, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
             VIR_DOMAIN_EVENT_CALLBACK((void (*)(void))vrcEventLifecycleCb), evs, NULL)) < 0)
        return vrcCallFailed(ctx);
    return 0;
}

void
vrcEventsOff(vrcCtx *ctx)
{
    vrcEvents *evs = ctx->events;

    if (!evs)
        return;
    if (evs->callbackID >= 0)
        virConnectDomainEventDeregisterAny(evs->conn, evs->callbackID);
    if (evs->netCallbackID >= 0)
        virConnectNetworkEventDeregisterAny(evs->conn, evs->netCallbackID);
    if (evs->poolCallbackID >= 0)
        virConnectStoragePoolEventDeregisterAny(evs->conn, evs->poolCallbackID);
    if (evs->refreshCallbackID >= 0)
        virConnectStoragePoolEventDeregisterAny(evs->conn, evs->refreshCallbackID);
    if (evs->timerID >= 0)
        virEventRemoveTimeout(evs->timerID);
    pthread_mutex_destroy(&evs->lock);
    free(evs);
    ctx->events = NULL;
}

static size_t
vrcEventsCountFor(vrcEvents *evs, const char *name)
{
    size_t i, k = 0;

    pthread_mutex_lock(&evs->lock);
    for (i = 0; i < evs->n; i++)
        if (strcmp(evs->ev[i].name, name) == 0)
            k++;
    pthread_mutex_unlock(&evs->lock);
    return k;
}

/* Removes NAME's events from the buffer, copying up to MAX of them to OUT. */
static size_t
vrcEventsTake(vrcEvents *evs, const char *name, vrcEv *out, size_t max)
{
    size_t i, k = 0, keep = 0;

    pthread_mutex_lock(&evs->lock);
    for (i = 0; i < evs->n; i++) {
        if (strcmp(evs->ev[i].name, name) == 0) {
            if (k < max) {
                out[k].event = evs->ev[i].event;
                out[k].detail = evs->ev[i].detail;
            }
            k++;
        } else {
            evs->ev[keep++] = evs->ev[i];
        }
    }
    evs->n = keep;
    pthread_mutex_unlock(&evs->lock);
    return k;
}

/* The name of an event of the object keyed KEY. */
static const char *
vrcEventNameFor(const char *key, const vrcEv *ev)
{
    if (strncmp(key, VRC_NET_EVENT_PREFIX, strlen(VRC_NET_EVENT_PREFIX)) == 0)
        return vrcNetworkEventName(ev->event);
    if (strncmp(key, VRC_POOL_EVENT_PREFIX, strlen(VRC_POOL_EVENT_PREFIX)) == 0)
        return vrcPoolEventName(ev->event);
    return vrcEventName(ev->event, ev->detail);
}

static void
vrcEventsRender(char *buf, size_t len, const char *key, const vrcEv *seq, size_t n,
                size_t total)
{
    size_t i, used = 0;

    buf[0] = '\0';
    for (i = 0; i < n && used < len; i++)
        used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? ", " : "",
                                 vrcEventNameFor(key, &seq[i]));
    if (total > n && used < len)
        snprintf(buf + used, len - used, ", ... (%zu in all)", total);
}

int
vrcEventsExpect(vrcCtx *ctx, const char *name, const vrcEv *seq, size_t n)
{
    vrcEvents *evs = ctx->events;
    vrcEv *got;
    size_t i, ngot, max = n + VRC_EVENT_SETTLE_TICKS;
    int ticks;

    vrcStep(ctx, "lifecycle events of %s (expecting %zu)", name, n);
    if (!evs)
        return vrcFail(ctx, "no event collector registered");
    for (ticks = 0; ticks < VRC_EVENT_WAIT_TICKS && vrcEventsCountFor(evs, name) < n; ticks++)
        if (vrcEventTick() < 0)
            return vrcCallFailed(ctx);
    for (ticks = 0; ticks < VRC_EVENT_SETTLE_TICKS; ticks++)
        if (vrcEventTick() < 0)
            return vrcCallFailed(ctx);
    if (evs->overflow)
        return vrcFail(ctx, "more than %d events collected", VRC_EVENTS_MAX);
    if (!(got = calloc(max, sizeof(*got))))
        abort();
    ngot = vrcEventsTake(evs, name, got, max);
    for (i = 0; i < n && i < ngot; i++)
        if (got[i].event != seq[i].event || got[i].detail != seq[i].detail)
            break;
    if (i < n || ngot != n) {
        char want[VRC_DETAIL_MAX / 2], have[VRC_DETAIL_MAX / 2];

        vrcEventsRender(want, sizeof(want), name, seq, n, n);
        vrcEventsRender(have, sizeof(have), name, got, ngot < max ? ngot : max, ngot);
        free(got);
        return vrcFail(ctx, "expected [%s], got [%s]", want, have);
    }
    free(got);
    return 0;
}
