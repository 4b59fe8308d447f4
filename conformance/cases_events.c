/* conformance/cases_events.c: lifecycle events -- for each operation the
 * exact (event, detail) sequence received, in order, and nothing else; plus
 * per-domain filters, deregistration and the legacy registration API. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <stdio.h>
#include <string.h>

#include "conform.h"

#define VRC_DEREGISTER_TICKS 10
#define VRC_UNKNOWN_CALLBACK 9999

#define EV(type, detail) { VIR_DOMAIN_EVENT_##type, VIR_DOMAIN_EVENT_##type##_##detail }

static int
vrcEventDefine(vrcCtx *ctx)
{
    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_CHECK(vrcDefine(ctx, "conform-e1", NULL) ? 0 : -1);
    VRC_EVENTS(ctx, "conform-e1", EV(DEFINED, ADDED));
    return 0;
}

static int
vrcEventRedefine(vrcCtx *ctx)
{
    const char *xml = vrcXml(ctx, "conform-e1", vrcUuid(ctx, 1), VRC_MEM_KIB, 2, NULL);

    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_CHECK(vrcDefine(ctx, "conform-e1", xml) ? 0 : -1);
    VRC_CHECK(vrcDefine(ctx, "conform-e1", xml) ? 0 : -1);
    VRC_EVENTS(ctx, "conform-e1", EV(DEFINED, ADDED), EV(DEFINED, UPDATED));
    return 0;
}

static int
vrcEventStart(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcDefine(ctx, "conform-e1", NULL));
    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_EVENTS(ctx, "conform-e1", EV(STARTED, BOOTED));
    return 0;
}

static int
vrcEventCreateTransient(vrcCtx *ctx)
{
    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_CHECK(vrcCreateTransient(ctx, "conform-e1", NULL) ? 0 : -1);
    VRC_EVENTS(ctx, "conform-e1", EV(STARTED, BOOTED));
    return 0;
}

static int
vrcEventSuspendResume(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-e1"));
    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_OK(ctx, virDomainSuspend(dom));
    VRC_EVENTS(ctx, "conform-e1", EV(SUSPENDED, PAUSED));
    VRC_OK(ctx, virDomainResume(dom));
    VRC_EVENTS(ctx, "conform-e1", EV(RESUMED, UNPAUSED));
    return 0;
}

static int
vrcEventDestroy(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-e1"));
    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_EVENTS(ctx, "conform-e1", EV(STOPPED, DESTROYED));
    return 0;
}

static int
vrcEventShutdown(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-e1"));
    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_OK(ctx, virDomainShutdown(dom));
    VRC_EVENTS(ctx, "conform-e1", EV(STOPPED, SHUTDOWN));
    return 0;
}

static int
vrcEventUndefine(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcDefine(ctx, "conform-e1", NULL));
    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_OK(ctx, virDomainUndefine(dom));
    VRC_EVENTS(ctx, "conform-e1", EV(UNDEFINED, REMOVED));
    return 0;
}

static int
vrcEventSaveRestore(vrcCtx *ctx)
{
    const char *path = vrcSavePath(ctx, "conform-e1.save");
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-e1"));
    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_OK(ctx, virDomainSave(dom, path));
    VRC_EVENTS(ctx, "conform-e1", EV(STOPPED, SAVED));
    VRC_OK(ctx, virDomainRestore(ctx->conn, path));
    VRC_EVENTS(ctx, "conform-e1", EV(STARTED, RESTORED));
    return 0;
}

/* Starting from a managed save image: STARTED/BOOTED in libvirt's test
 * driver and vireo's sim (qemu sends STARTED/RESTORED). */
static int
vrcEventManagedSave(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-e1"));
    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_OK(ctx, virDomainManagedSave(dom, 0));
    VRC_EVENTS(ctx, "conform-e1", EV(STOPPED, SAVED));
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_EVENTS(ctx, "conform-e1", EV(STARTED, BOOTED));
    return 0;
}

static int
vrcEventPersistentSequence(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_NEED(dom, vrcDefine(ctx, "conform-e1", NULL));
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_OK(ctx, virDomainSuspend(dom));
    VRC_OK(ctx, virDomainResume(dom));
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_OK(ctx, virDomainUndefine(dom));
    VRC_EVENTS(ctx, "conform-e1", EV(DEFINED, ADDED), EV(STARTED, BOOTED),
               EV(SUSPENDED, PAUSED), EV(RESUMED, UNPAUSED), EV(STOPPED, DESTROYED),
               EV(UNDEFINED, REMOVED));
    return 0;
}

static int
vrcEventTransientSequence(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-e1", NULL));
    VRC_OK(ctx, virDomainSuspend(dom));
    VRC_OK(ctx, virDomainResume(dom));
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_EVENTS(ctx, "conform-e1", EV(STARTED, BOOTED), EV(SUSPENDED, PAUSED),
               EV(RESUMED, UNPAUSED), EV(STOPPED, DESTROYED));
    return 0;
}

static int
vrcEventUndefineRunning(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-e1"));
    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_OK(ctx, virDomainUndefine(dom));
    VRC_EVENTS(ctx, "conform-e1", EV(UNDEFINED, REMOVED));
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_EVENTS(ctx, "conform-e1", EV(STOPPED, DESTROYED));
    return 0;
}

static int
vrcEventDefineOverTransient(vrcCtx *ctx)
{
    const char *xml = vrcXml(ctx, "conform-e1", vrcUuid(ctx, 1), VRC_MEM_KIB, 2, NULL);

    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_CHECK(vrcCreateTransient(ctx, "conform-e1", xml) ? 0 : -1);
    VRC_CHECK(vrcDefine(ctx, "conform-e1", xml) ? 0 : -1);
    VRC_EVENTS(ctx, "conform-e1", EV(STARTED, BOOTED), EV(DEFINED, ADDED));
    return 0;
}

static int
vrcEventCreateOverInactive(vrcCtx *ctx)
{
    const char *xml = vrcXml(ctx, "conform-e1", vrcUuid(ctx, 1), VRC_MEM_KIB, 2, NULL);

    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_CHECK(vrcDefine(ctx, "conform-e1", xml) ? 0 : -1);
    VRC_CHECK(vrcCreateTransient(ctx, "conform-e1", xml) ? 0 : -1);
    VRC_EVENTS(ctx, "conform-e1", EV(DEFINED, ADDED), EV(STARTED, BOOTED));
    return 0;
}

static int
vrcEventTransientSaveShutdown(vrcCtx *ctx)
{
    const char *path = vrcSavePath(ctx, "conform-e1.save");
    virDomainPtr dom;

    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-e1", NULL));
    VRC_OK(ctx, virDomainSave(dom, path));
    VRC_OK(ctx, virDomainRestore(ctx->conn, path));
    VRC_OK(ctx, virDomainShutdown(dom));
    VRC_EVENTS(ctx, "conform-e1", EV(STARTED, BOOTED), EV(STOPPED, SAVED),
               EV(STARTED, RESTORED), EV(STOPPED, SHUTDOWN));
    return 0;
}

/* Reboot, reset and configuration changes are not lifecycle transitions. */
static int
vrcEventNoLifecycle(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-e1"));
    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_OK(ctx, virDomainReboot(dom, 0));
    VRC_OK(ctx, virDomainReset(dom, 0));
    VRC_OK(ctx, virDomainSetAutostart(dom, 1));
    VRC_OK(ctx, virDomainSetMemoryFlags(dom, 524288, VIR_DOMAIN_AFFECT_CONFIG));
    VRC_OK(ctx, virDomainSetMemoryFlags(dom, 524288, VIR_DOMAIN_AFFECT_LIVE));
    VRC_NO_EVENTS(ctx, "conform-e1");
    return 0;
}

static int
vrcEventFailedOps(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-e1"));
    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_ERR(ctx, virDomainCreate(dom), VIR_ERR_INTERNAL_ERROR,
            "internal error: Domain 'conform-e1' is already running");
    VRC_ERR(ctx, virDomainResume(dom), VIR_ERR_INTERNAL_ERROR,
            "internal error: domain 'conform-e1' not paused");
    VRC_ERR_DOM(ctx, virDomainDefineXML(ctx->conn, vrcXml(ctx, "conform-e1", vrcUuid(ctx, 9),
                                                          VRC_MEM_KIB, 2, NULL)),
                VIR_ERR_OPERATION_FAILED,
                "operation failed: domain 'conform-e1' already exists with uuid *");
    VRC_NO_EVENTS(ctx, "conform-e1");
    return 0;
}

static int
vrcEventDomainFilter(vrcCtx *ctx)
{
    virDomainPtr one, two;

    VRC_NEED(one, vrcDefine(ctx, "conform-e1", NULL));
    VRC_NEED(two, vrcDefine(ctx, "conform-e2", NULL));
    VRC_CHECK(vrcEventsOn(ctx, one));
    VRC_OK(ctx, virDomainCreate(two));
    VRC_OK(ctx, virDomainCreate(one));
    VRC_OK(ctx, virDomainDestroy(two));
    VRC_EVENTS(ctx, "conform-e1", EV(STARTED, BOOTED));
    VRC_NO_EVENTS(ctx, "conform-e2");
    return 0;
}

static int
vrcCountingCb(virConnectPtr conn, virDomainPtr dom, int event, int detail, void *opaque)
{
    const char *name = virDomainGetName(dom);

    if (name && strncmp(name, VRC_PREFIX, strlen(VRC_PREFIX)) == 0)
        (*(int *)opaque)++;
    return 0;
}

static int
vrcTicks(vrcCtx *ctx, int n)
{
    int i;

    for (i = 0; i < n; i++) {
        vrcStep(ctx, "virEventRunDefaultImpl()");
        if (vrcEventTick() < 0)
            return vrcCallFailed(ctx);
    }
    return 0;
}

/* A second callback sees the same events; once deregistered, none. */
static int
vrcEventDeregister(vrcCtx *ctx)
{
    virDomainPtr dom;
    int count = 0, id;

    VRC_NEED(dom, vrcDefine(ctx, "conform-e1", NULL));
    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_SET(ctx, id, virConnectDomainEventRegisterAny(ctx->conn, NULL,
                     VIR_DOMAIN_EVENT_ID_LIFECYCLE, VIR_DOMAIN_EVENT_CALLBACK((void (*)(void))vrcCountingCb),
                     &count, NULL));
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_EVENTS(ctx, "conform-e1", EV(STARTED, BOOTED));
    VRC_EXPECT_INT(ctx, "events seen by the second callback", count, 1);
    VRC_OK(ctx, virConnectDomainEventDeregisterAny(ctx->conn, id));
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_EVENTS(ctx, "conform-e1", EV(STOPPED, DESTROYED));
    VRC_CHECK(vrcTicks(ctx, VRC_DEREGISTER_TICKS));
    VRC_EXPECT_INT(ctx, "events after deregistration", count, 1);
    VRC_ERR(ctx, virConnectDomainEventDeregisterAny(ctx->conn, id), VIR_ERR_INVALID_ARG,
            vrcPrintf(ctx, "invalid argument: could not find event callback %d for deletion",
                      id));
    return 0;
}

static int
vrcEventDeregisterUnknown(vrcCtx *ctx)
{
    VRC_ERR(ctx, virConnectDomainEventDeregisterAny(ctx->conn, VRC_UNKNOWN_CALLBACK),
            VIR_ERR_INVALID_ARG,
            "invalid argument: could not find event callback 9999 for deletion");
    return 0;
}

#if VRC_HAVE_virConnectDomainEventRegister
static int
vrcLegacyCb(virConnectPtr conn, virDomainPtr dom, int event, int detail, void *opaque)
{
    return vrcCountingCb(conn, dom, event, detail, opaque);
}

static int
vrcEventLegacy(vrcCtx *ctx)
{
    virDomainPtr dom;
    int count = 0;

    VRC_NEED(dom, vrcDefine(ctx, "conform-e1", NULL));
    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_OK(ctx, virConnectDomainEventRegister(ctx->conn, vrcLegacyCb, &count, NULL));
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_EVENTS(ctx, "conform-e1", EV(STARTED, BOOTED));
    VRC_EXPECT_INT(ctx, "events seen by the legacy callback", count, 1);
    VRC_OK(ctx, virConnectDomainEventDeregister(ctx->conn, vrcLegacyCb));
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_EVENTS(ctx, "conform-e1", EV(STOPPED, DESTROYED));
    VRC_EXPECT_INT(ctx, "events after deregistration", count, 1);
    return 0;
}
#else
static int
vrcEventLegacy(vrcCtx *ctx)
{
    return VRC_NOT_IN_API(ctx, "virConnectDomainEventRegister");
}
#endif

#define VRC_EVENT_CASE(num, name, purpose, fn) \
    { "domain/" num "-event-" name, "events", purpose, fn, VRC_CASE_EVENTS, NULL }

const vrcCase vrcCasesEvents[] = {
    VRC_EVENT_CASE("500", "define", "Define sends DEFINED/ADDED", vrcEventDefine),
    VRC_EVENT_CASE("501", "redefine", "a second Define sends DEFINED/UPDATED",
                   vrcEventRedefine),
    VRC_EVENT_CASE("502", "start", "Create sends STARTED/BOOTED", vrcEventStart),
    VRC_EVENT_CASE("503", "create-transient", "CreateXML sends STARTED/BOOTED only",
                   vrcEventCreateTransient),
    VRC_EVENT_CASE("504", "suspend-resume",
                   "Suspend sends SUSPENDED/PAUSED, Resume RESUMED/UNPAUSED",
                   vrcEventSuspendResume),
    VRC_EVENT_CASE("505", "destroy", "Destroy sends STOPPED/DESTROYED", vrcEventDestroy),
    VRC_EVENT_CASE("506", "shutdown", "Shutdown sends STOPPED/SHUTDOWN", vrcEventShutdown),
    VRC_EVENT_CASE("507", "undefine", "Undefine sends UNDEFINED/REMOVED", vrcEventUndefine),
    VRC_EVENT_CASE("508", "save-restore", "Save sends STOPPED/SAVED, Restore STARTED/RESTORED",
                   vrcEventSaveRestore),
    VRC_EVENT_CASE("509", "managedsave",
                   "ManagedSave sends STOPPED/SAVED; Create then STARTED/BOOTED (test driver)",
                   vrcEventManagedSave),
    VRC_EVENT_CASE("510", "persistent-sequence",
                   "a full persistent lifecycle sends its six events in order",
                   vrcEventPersistentSequence),
    VRC_EVENT_CASE("511", "transient-sequence",
                   "a transient lifecycle sends four events, no DEFINED/UNDEFINED",
                   vrcEventTransientSequence),
    VRC_EVENT_CASE("512", "undefine-running",
                   "Undefine while running sends UNDEFINED; Destroy then STOPPED",
                   vrcEventUndefineRunning),
    VRC_EVENT_CASE("513", "define-over-transient",
                   "Define over a running transient domain sends DEFINED/ADDED",
                   vrcEventDefineOverTransient),
    VRC_EVENT_CASE("514", "create-over-inactive",
                   "CreateXML over an inactive definition sends STARTED/BOOTED",
                   vrcEventCreateOverInactive),
    VRC_EVENT_CASE("515", "transient-save-shutdown",
                   "transient save, restore, shutdown send their events in order",
                   vrcEventTransientSaveShutdown),
    VRC_EVENT_CASE("516", "no-lifecycle",
                   "Reboot, Reset, autostart and memory changes send no lifecycle event",
                   vrcEventNoLifecycle),
    VRC_EVENT_CASE("517", "failed-ops", "failed operations send no event", vrcEventFailedOps),
    VRC_EVENT_CASE("518", "domain-filter",
                   "a callback registered for one domain sees only that domain",
                   vrcEventDomainFilter),
    VRC_EVENT_CASE("519", "deregister",
                   "a second callback sees events until deregistered; twice fails",
                   vrcEventDeregister),
    VRC_EVENT_CASE("520", "deregister-unknown",
                   "DeregisterAny of an unknown id fails with VIR_ERR_INVALID_ARG",
                   vrcEventDeregisterUnknown),
    VRC_EVENT_CASE("521", "legacy-register",
                   "virConnectDomainEventRegister delivers until deregistered",
                   vrcEventLegacy),
};
const size_t vrcCasesEventsCount = VRC_COUNT(vrcCasesEvents);
