/* conformance/events.c: the lifecycle event collector.  Cases register one
 * callback, drive the default event loop for a bounded number of ticks until
 * the expected events for a domain arrive, and compare the exact sequence. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conform.h"

typedef struct {
    char name[VRC_NAME_MAX];
    int event;
    int detail;
} vrcEventRecord;

struct vrcEvents {
    pthread_mutex_t lock;
    virConnectPtr conn;
    int callbackID;
    int timerID;
    size_t n;
    bool overflow;
    vrcEventRecord ev[VRC_EVENTS_MAX];
};

static int
vrcEventLifecycleCb(virConnectPtr conn, virDomainPtr dom, int event, int detail,
                    void *opaque)
{
    vrcEvents *evs = opaque;
    const char *name = virDomainGetName(dom);

    if (!name || strncmp(name, VRC_PREFIX, strlen(VRC_PREFIX)) != 0)
        return 0;
    pthread_mutex_lock(&evs->lock);
    if (evs->n < VRC_EVENTS_MAX) {
        vrcEventRecord *r = &evs->ev[evs->n++];

        snprintf(r->name, sizeof(r->name), "%s", name);
        r->event = event;
        r->detail = detail;
    } else {
        evs->overflow = true;
    }
    pthread_mutex_unlock(&evs->lock);
    return 0;
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

int
vrcEventsOn(vrcCtx *ctx, virDomainPtr dom)
{
    vrcEvents *evs;

    if (ctx->events)
        return vrcFail(ctx, "event collector registered twice");
    if (!(evs = calloc(1, sizeof(*evs))))
        abort();
    pthread_mutex_init(&evs->lock, NULL);
    evs->callbackID = -1;
    evs->timerID = -1;
    ctx->events = evs;

    vrcStep(ctx, "virEventAddTimeout(%d ms)", VRC_EVENT_TICK_MS);
    if ((evs->timerID = virEventAddTimeout(VRC_EVENT_TICK_MS, vrcEventTimerCb,
                                           NULL, NULL)) < 0)
        return vrcCallFailed(ctx);
    vrcStep(ctx, "virConnectDomainEventRegisterAny(%s, VIR_DOMAIN_EVENT_ID_LIFECYCLE)",
            dom ? virDomainGetName(dom) : "NULL");
    if ((evs->callbackID = virConnectDomainEventRegisterAny(
             ctx->conn, dom, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
             VIR_DOMAIN_EVENT_CALLBACK((void (*)(void))vrcEventLifecycleCb), evs, NULL)) < 0)
        return vrcCallFailed(ctx);
    evs->conn = ctx->conn;
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

static void
vrcEventsRender(char *buf, size_t len, const vrcEv *seq, size_t n, size_t total)
{
    size_t i, used = 0;

    buf[0] = '\0';
    for (i = 0; i < n && used < len; i++)
        used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? ", " : "",
                                 vrcEventName(seq[i].event, seq[i].detail));
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

        vrcEventsRender(want, sizeof(want), seq, n, n);
        vrcEventsRender(have, sizeof(have), got, ngot < max ? ngot : max, ngot);
        free(got);
        return vrcFail(ctx, "expected [%s], got [%s]", want, have);
    }
    free(got);
    return 0;
}
