/* conformance/cases_concurrency.c: many threads on one connection -- 8 x 50
 * lifecycle cycles on distinct domains with the event loop running, readers
 * beside writers, and racing creators of one name.  Every call must succeed
 * (or fail exactly as a race allows) and the final list and events agree. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "conform.h"

#define VRC_THREADS 8
#define VRC_CYCLES 50
#define VRC_EVENTS_PER_CYCLE 6
#define VRC_READERS 4
#define VRC_READ_ROUNDS 200

typedef struct {
    virConnectPtr conn;
    int index;
    const char *xml;
    int cycle;                  /* where the first failure happened */
    char call[VRC_CALL_MAX];
    int code;
    char message[VRC_DETAIL_MAX / 2];
    bool failed;
    atomic_bool *stop;          /* readers run until the writers finish */
    int ok;                     /* successful calls (race case) */
} vrcWorker;

static void
vrcWorkerFail(vrcWorker *w, const char *call)
{
    virErrorPtr err = virGetLastError();

    w->failed = true;
    snprintf(w->call, sizeof(w->call), "%s", call);
    w->code = err ? err->code : 0;
    snprintf(w->message, sizeof(w->message), "%s",
             err && err->message ? err->message : "(no error)");
}

#define VRC_W(w, expr) do { if ((expr) < 0) { vrcWorkerFail((w), #expr); return NULL; } } while (0)

typedef struct {
    const char *name;
    int (*fn)(virDomainPtr dom);
} vrcCycleStep;

static const vrcCycleStep vrcCycleSteps[] = {
    { "virDomainCreate", virDomainCreate },
    { "virDomainSuspend", virDomainSuspend },
    { "virDomainResume", virDomainResume },
    { "virDomainDestroy", virDomainDestroy },
    { "virDomainUndefine", virDomainUndefine },
};

/* One cycle: define, start, suspend, resume, destroy, undefine. */
static void *
vrcCycleThread(void *opaque)
{
    vrcWorker *w = opaque;
    virDomainPtr dom;
    size_t k;

    for (w->cycle = 0; w->cycle < VRC_CYCLES; w->cycle++) {
        if (!(dom = virDomainDefineXML(w->conn, w->xml))) {
            vrcWorkerFail(w, "virDomainDefineXML");
            return NULL;
        }
        for (k = 0; k < VRC_COUNT(vrcCycleSteps); k++) {
            if (vrcCycleSteps[k].fn(dom) < 0) {
                vrcWorkerFail(w, vrcCycleSteps[k].name);
                virDomainFree(dom);
                return NULL;
            }
        }
        virDomainFree(dom);
    }
    if (!(dom = virDomainDefineXML(w->conn, w->xml))) {
        vrcWorkerFail(w, "final virDomainDefineXML");
        return NULL;
    }
    virDomainFree(dom);
    return NULL;
}

static atomic_bool vrcLoopStop;

static void *
vrcLoopThread(void *opaque)
{
    while (!atomic_load(&vrcLoopStop))
        if (vrcEventTick() < 0)
            break;
    return NULL;
}

static int
vrcReportWorkers(vrcCtx *ctx, vrcWorker *w, int n)
{
    int i;

    for (i = 0; i < n; i++)
        if (w[i].failed)
            return vrcFail(ctx, "thread %d, cycle %d: %s: %s: %s", i, w[i].cycle, w[i].call,
                           vrcErrorName(w[i].code), w[i].message);
    return 0;
}

static int
vrcConcurrentLifecycle(vrcCtx *ctx)
{
    vrcWorker w[VRC_THREADS] = { { 0 } };
    pthread_t tid[VRC_THREADS], loop;
    vrcEv seq[VRC_CYCLES * VRC_EVENTS_PER_CYCLE + 1];
    const vrcEv cycle[VRC_EVENTS_PER_CYCLE] = {
        { VIR_DOMAIN_EVENT_DEFINED, VIR_DOMAIN_EVENT_DEFINED_ADDED },
        { VIR_DOMAIN_EVENT_STARTED, VIR_DOMAIN_EVENT_STARTED_BOOTED },
        { VIR_DOMAIN_EVENT_SUSPENDED, VIR_DOMAIN_EVENT_SUSPENDED_PAUSED },
        { VIR_DOMAIN_EVENT_RESUMED, VIR_DOMAIN_EVENT_RESUMED_UNPAUSED },
        { VIR_DOMAIN_EVENT_STOPPED, VIR_DOMAIN_EVENT_STOPPED_DESTROYED },
        { VIR_DOMAIN_EVENT_UNDEFINED, VIR_DOMAIN_EVENT_UNDEFINED_REMOVED },
    };
    char expected[VRC_LIST_MAX] = "";
    size_t used = 0;
    int i;

    VRC_CHECK(vrcEventsOn(ctx, NULL));
    atomic_store(&vrcLoopStop, false);
    vrcStep(ctx, "%d threads x %d cycles of define/start/suspend/resume/destroy/undefine",
            VRC_THREADS, VRC_CYCLES);
    pthread_create(&loop, NULL, vrcLoopThread, NULL);
    for (i = 0; i < VRC_THREADS; i++) {
        const char *name = vrcPrintf(ctx, "conform-cc-%d", i);

        w[i].conn = ctx->conn;
        w[i].index = i;
        w[i].xml = vrcXml(ctx, name, vrcUuid(ctx, 100 + (unsigned int)i), VRC_MEM_KIB, 2, NULL);
        pthread_create(&tid[i], NULL, vrcCycleThread, &w[i]);
        used += (size_t)snprintf(expected + used, sizeof(expected) - used, "%s%s",
                                 i ? "," : "", name);
    }
    for (i = 0; i < VRC_THREADS; i++)
        pthread_join(tid[i], NULL);
    atomic_store(&vrcLoopStop, true);
    pthread_join(loop, NULL);
    VRC_CHECK(vrcReportWorkers(ctx, w, VRC_THREADS));
    VRC_LIST(ctx, VIR_CONNECT_LIST_DOMAINS_INACTIVE | VIR_CONNECT_LIST_DOMAINS_PERSISTENT,
             expected);
    VRC_LIST(ctx, 0, expected);
    for (i = 0; i < VRC_CYCLES * VRC_EVENTS_PER_CYCLE; i++)
        seq[i] = cycle[i % VRC_EVENTS_PER_CYCLE];
    seq[VRC_CYCLES * VRC_EVENTS_PER_CYCLE] = cycle[0];
    for (i = 0; i < VRC_THREADS; i++)
        VRC_CHECK(vrcEventsExpect(ctx, vrcPrintf(ctx, "conform-cc-%d", i), seq,
                                  VRC_COUNT(seq)));
    return 0;
}

/* Readers list, look up and dump a stable domain while writers churn
 * transient ones; every read succeeds and sees the stable domain. */
static void *
vrcReaderThread(void *opaque)
{
    vrcWorker *w = opaque;
    virDomainPtr dom, *list;
    int n, k, state;
    char *xml;

    for (w->cycle = 0; !atomic_load(w->stop) || w->cycle < VRC_READ_ROUNDS; w->cycle++) {
        if (!(dom = virDomainLookupByName(w->conn, "conform-cc-stable"))) {
            vrcWorkerFail(w, "virDomainLookupByName(conform-cc-stable)");
            return NULL;
        }
        n = virDomainGetState(dom, &state, NULL, 0);
        xml = n < 0 ? NULL : virDomainGetXMLDesc(dom, 0);
        virDomainFree(dom);
        if (!xml) {
            vrcWorkerFail(w, "virDomainGetState/GetXMLDesc(conform-cc-stable)");
            return NULL;
        }
        free(xml);
        VRC_W(w, n = virConnectListAllDomains(w->conn, &list, 0));
        for (k = 0; k < n; k++)
            virDomainFree(list[k]);
        free(list);
    }
    return NULL;
}

static void *
vrcWriterThread(void *opaque)
{
    vrcWorker *w = opaque;
    virDomainPtr dom;

    for (w->cycle = 0; w->cycle < VRC_CYCLES; w->cycle++) {
        if (!(dom = virDomainCreateXML(w->conn, w->xml, 0))) {
            vrcWorkerFail(w, "virDomainCreateXML");
            return NULL;
        }
        if (virDomainDestroy(dom) < 0) {
            vrcWorkerFail(w, "virDomainDestroy");
            virDomainFree(dom);
            return NULL;
        }
        virDomainFree(dom);
    }
    return NULL;
}

static int
vrcConcurrentReaders(vrcCtx *ctx)
{
    vrcWorker w[VRC_THREADS] = { { 0 } };
    pthread_t tid[VRC_THREADS];
    atomic_bool stop = false;
    virDomainPtr dom;
    int i;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-cc-stable"));
    vrcStep(ctx, "%d readers beside %d writers x %d transient cycles", VRC_READERS,
            VRC_THREADS - VRC_READERS, VRC_CYCLES);
    for (i = 0; i < VRC_THREADS; i++) {
        w[i].conn = ctx->conn;
        w[i].stop = &stop;
        w[i].xml = vrcXmlSimple(ctx, vrcPrintf(ctx, "conform-cc-w%d", i));
        pthread_create(&tid[i], NULL, i < VRC_READERS ? vrcReaderThread : vrcWriterThread,
                       &w[i]);
    }
    for (i = VRC_READERS; i < VRC_THREADS; i++)
        pthread_join(tid[i], NULL);
    atomic_store(&stop, true);
    for (i = 0; i < VRC_READERS; i++)
        pthread_join(tid[i], NULL);
    VRC_CHECK(vrcReportWorkers(ctx, w, VRC_THREADS));
    VRC_LIST(ctx, 0, "conform-cc-stable");
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    return 0;
}

/* Racing CreateXML of one name with distinct uuids: exactly one wins, the
 * others fail with VIR_ERR_OPERATION_FAILED. */
static void *
vrcRaceThread(void *opaque)
{
    vrcWorker *w = opaque;
    virDomainPtr dom = virDomainCreateXML(w->conn, w->xml, 0);
    virErrorPtr err;

    if (dom) {
        w->ok = 1;
        virDomainFree(dom);
        return NULL;
    }
    err = virGetLastError();
    if (!err || err->code != VIR_ERR_OPERATION_FAILED)
        vrcWorkerFail(w, "virDomainCreateXML(conform-cc-race)");
    return NULL;
}

static int
vrcConcurrentRace(vrcCtx *ctx)
{
    vrcWorker w[VRC_THREADS] = { { 0 } };
    pthread_t tid[VRC_THREADS];
    int i, winners = 0;

    vrcStep(ctx, "%d threads racing virDomainCreateXML(conform-cc-race)", VRC_THREADS);
    for (i = 0; i < VRC_THREADS; i++) {
        w[i].conn = ctx->conn;
        w[i].xml = vrcXml(ctx, "conform-cc-race", vrcUuid(ctx, 200 + (unsigned int)i),
                          VRC_MEM_KIB, 2, NULL);
        pthread_create(&tid[i], NULL, vrcRaceThread, &w[i]);
    }
    for (i = 0; i < VRC_THREADS; i++) {
        pthread_join(tid[i], NULL);
        winners += w[i].ok;
    }
    VRC_CHECK(vrcReportWorkers(ctx, w, VRC_THREADS));
    VRC_EXPECT_INT(ctx, "successful creators", winners, 1);
    VRC_LIST(ctx, 0, "conform-cc-race");
    return 0;
}

const vrcCase vrcCasesConcurrency[] = {
    { "domain/800-concurrent-lifecycle", "concurrency",
      "8 threads x 50 lifecycle cycles on distinct domains: no error, exact list and events",
      vrcConcurrentLifecycle, VRC_CASE_EVENTS },
    { "domain/801-concurrent-readers", "concurrency",
      "lookups, state, XML and lists succeed while other threads create and destroy",
      vrcConcurrentReaders },
    { "domain/802-concurrent-create-race", "concurrency",
      "8 racing creators of one name: exactly one wins, the rest VIR_ERR_OPERATION_FAILED",
      vrcConcurrentRace },
};
const size_t vrcCasesConcurrencyCount = VRC_COUNT(vrcCasesConcurrency);
