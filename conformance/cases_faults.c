/* conformance/cases_faults.c: the faults group (vireo's sim only).  Each case
 * opens a seeded node of its own with a fault plan, trips one fault point and
 * asserts what the user sees -- error code, domain and message, state, XML,
 * events and files unchanged -- and that the call works once the plan stops
 * firing.  Also the shared helpers of the fault cases and the domain points. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "faults.h"
#include "netstore.h"

#ifndef VIREO_CONFORM_VIREO
# define VIREO_CONFORM_VIREO 0
#endif

#define VRC_FAULT_FILE_CHUNK 65536      /* bytes read at a time for a checksum */
#define VRC_FAULT_FILES_MAX 64          /* scratch entries compared */
#define VRC_SIM_PID_BASE 4000           /* the sim's guest pid: 4000 + domain id */
#define VRC_SIM_STATE_DIR "/var/lib/vireo/sim"
#define VRC_SIM_EMULATOR "/usr/bin/test-hv"

#define EV(type, detail) { VIR_DOMAIN_EVENT_##type, VIR_DOMAIN_EVENT_##type##_##detail }

/* ---- shared helpers ---- */

/* The fault cases need vireo's sim node: its URI schemes, vireo's library. */
static int
vrcFaultUsable(vrcCtx *ctx)
{
    if (!VIREO_CONFORM_VIREO)
        return vrcSkip(ctx, "vireo-only case: fault plans are a feature of vireo's "
                       "simulated node (sim:///default?faults=FILE)");
    if (strncmp(ctx->uri, "sim:", 4) != 0 && strncmp(ctx->uri, "test:", 5) != 0)
        return vrcSkip(ctx, "vireo-only case: fault plans need vireo's simulated node, "
                       "not %s", ctx->uri);
    return 0;
}

const char *
vrcFaultUri(vrcCtx *ctx, const char *plan, unsigned long long seed, const char **planPath)
{
    static unsigned int serial;
    size_t base = strcspn(ctx->uri, "?");
    const char *path = vrcPrintf(ctx, "%s/fault-%u.plan", ctx->scratch, serial++);
    FILE *f;

    if (planPath)
        *planPath = path;
    vrcStep(ctx, "write fault plan %s", path);
    if (!(f = fopen(path, "w")) || fputs(plan, f) < 0 || fclose(f) != 0) {
        vrcFail(ctx, "cannot write %s: %s", path, strerror(errno));
        return NULL;
    }
    return vrcPrintf(ctx, "%.*s?seed=%llu&faults=%s", (int)base, ctx->uri, seed, path);
}

/* A node of its own, closed after the case; the plan file is removed once
 * loaded so that scratch listings show only what the case's calls made. */
virConnectPtr
vrcFaultConnect(vrcCtx *ctx, const char *plan, unsigned long long seed)
{
    const char *path = NULL;
    const char *uri = vrcFaultUri(ctx, plan, seed, &path);
    virConnectPtr conn;

    if (!uri)
        return NULL;
    vrcStep(ctx, "virConnectOpen(%s)", uri);
    conn = virConnectOpen(uri);
    unlink(path);
    if (!conn) {
        vrcCallFailed(ctx);
        return NULL;
    }
    vrcKeepConn(ctx, conn);
    return conn;
}

int
vrcFaultCase(vrcCtx *ctx)
{
    const vrcFaultRow *row = ctx->tc->data;
    virConnectPtr orig = ctx->conn;
    virConnectPtr conn;
    int rc;

    if (vrcFaultUsable(ctx) < 0)
        return -1;
    if (row->plan && !row->expect) {
        if (!(conn = vrcFaultConnect(ctx, row->plan, VRC_FAULT_SEED)))
            return -1;
        ctx->conn = conn;
    }
    rc = row->body(ctx);
    ctx->conn = orig;
    return rc;
}

static const char *
vrcFromName(int from)
{
    switch (from) {
    case VIR_FROM_NONE: return "VIR_FROM_NONE";
    case VIR_FROM_QEMU: return "VIR_FROM_QEMU";
    case VIR_FROM_TEST: return "VIR_FROM_TEST";
    case VIR_FROM_XML: return "VIR_FROM_XML";
    case VIR_FROM_RPC: return "VIR_FROM_RPC";
    case VIR_FROM_STORAGE: return "VIR_FROM_STORAGE";
    case VIR_FROM_NETWORK: return "VIR_FROM_NETWORK";
    case VIR_FROM_STREAMS: return "VIR_FROM_STREAMS";
    default: return "another error domain";
    }
}

int
vrcFaultExpectFrom(vrcCtx *ctx, int from)
{
    virErrorPtr err = virGetLastError();
    int got = err ? err->domain : -1;

    if (got != from)
        return vrcFail(ctx, "expected error domain %s (%d), got %s (%d)", vrcFromName(from),
                       from, vrcFromName(got), got);
    return 0;
}

static int
vrcFaultXml(vrcCtx *ctx, virDomainPtr dom, unsigned int flags, char *out, size_t len)
{
    char *xml;

    vrcStep(ctx, "virDomainGetXMLDesc(%s, 0x%x)", virDomainGetName(dom), flags);
    if (!(xml = virDomainGetXMLDesc(dom, flags)))
        return vrcCallFailed(ctx);
    snprintf(out, len, "%s", xml);
    free(xml);
    return 0;
}

int
vrcFaultSnap(vrcCtx *ctx, virDomainPtr dom, vrcDomSnap *snap)
{
    const char *name = virDomainGetName(dom);
    virDomainPtr fresh;

    memset(snap, 0, sizeof(*snap));
    vrcStep(ctx, "virDomainGetState(%s)", name);
    if (virDomainGetState(dom, &snap->state, &snap->reason, 0) < 0)
        return vrcCallFailed(ctx);
    /* a handle caches its id: a fresh one tells the domain's own */
    vrcStep(ctx, "virDomainGetID(virDomainLookupByName(%s))", name);
    if (!(fresh = virDomainLookupByName(ctx->conn, name)))
        return vrcCallFailed(ctx);
    snap->id = (int)virDomainGetID(fresh);
    virDomainFree(fresh);
    vrcStep(ctx, "virDomainIsActive(%s)", name);
    if ((snap->active = virDomainIsActive(dom)) < 0)
        return vrcCallFailed(ctx);
    vrcStep(ctx, "virDomainIsPersistent(%s)", name);
    if ((snap->persistent = virDomainIsPersistent(dom)) < 0)
        return vrcCallFailed(ctx);
    vrcStep(ctx, "virDomainHasManagedSaveImage(%s)", name);
    if ((snap->managedSave = virDomainHasManagedSaveImage(dom, 0)) < 0)
        return vrcCallFailed(ctx);
    if (vrcFaultXml(ctx, dom, 0, snap->xml, sizeof(snap->xml)) < 0)
        return -1;
    if (snap->persistent &&
        vrcFaultXml(ctx, dom, VIR_DOMAIN_XML_INACTIVE, snap->inactiveXml,
                    sizeof(snap->inactiveXml)) < 0)
        return -1;
    return 0;
}

/* State, reason, id, persistence, managed save image and both XMLs as in
 * BEFORE; the handle is looked up again by name so a lost domain shows. */
int
vrcFaultExpectSame(vrcCtx *ctx, virDomainPtr dom, const vrcDomSnap *before)
{
    virDomainPtr again;
    vrcDomSnap now;

    VRC_NEED(again, vrcLookup(ctx, virDomainGetName(dom)));
    VRC_CHECK(vrcFaultSnap(ctx, again, &now));
    if (now.state != before->state || now.reason != before->reason) {
        char want[VRC_CALL_MAX];

        snprintf(want, sizeof(want), "%s", vrcStateName(before->state, before->reason));
        return vrcFail(ctx, "state changed: expected %s, got %s", want,
                       vrcStateName(now.state, now.reason));
    }
    VRC_EXPECT_INT(ctx, "id", now.id, before->id);
    VRC_EXPECT_INT(ctx, "virDomainIsActive", now.active, before->active);
    VRC_EXPECT_INT(ctx, "virDomainIsPersistent", now.persistent, before->persistent);
    VRC_EXPECT_INT(ctx, "virDomainHasManagedSaveImage", now.managedSave,
                   before->managedSave);
    VRC_EXPECT_STR(ctx, "live XML", now.xml, before->xml);
    VRC_EXPECT_STR(ctx, "inactive XML", now.inactiveXml, before->inactiveXml);
    return 0;
}

static int
vrcCompareStrings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The entries of DIR, sorted and comma separated, must be EXPECTED. */
int
vrcFaultExpectFiles(vrcCtx *ctx, const char *dir, const char *expected)
{
    char *names[VRC_FAULT_FILES_MAX];
    char got[VRC_LIST_MAX];
    size_t n = 0, i, used = 0;
    struct dirent *de;
    DIR *d;

    vrcStep(ctx, "files in %s", dir);
    if (!(d = opendir(dir)))
        return vrcFail(ctx, "cannot open %s: %s", dir, strerror(errno));
    while ((de = readdir(d)) && n < VRC_FAULT_FILES_MAX) {
        if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
            names[n++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof(*names), vrcCompareStrings);
    got[0] = '\0';
    for (i = 0; i < n; i++) {
        used += (size_t)snprintf(got + used, used < sizeof(got) ? sizeof(got) - used : 0,
                                 "%s%s", i ? "," : "", names[i]);
        free(names[i]);
    }
    if (strcmp(got, expected) != 0)
        return vrcFail(ctx, "expected files [%s], got [%s]", expected, got);
    return 0;
}

int
vrcFaultFileSum(vrcCtx *ctx, const char *path, uint64_t *sum)
{
    char *buf;
    size_t got;
    FILE *f;

    vrcStep(ctx, "checksum of %s", path);
    if (!(f = fopen(path, "rb")))
        return vrcFail(ctx, "cannot open %s: %s", path, strerror(errno));
    if (!(buf = malloc(VRC_FAULT_FILE_CHUNK)))
        abort();
    *sum = VRC_CHECKSUM_INIT;
    while ((got = fread(buf, 1, VRC_FAULT_FILE_CHUNK, f)) > 0)
        *sum = vrcChecksumAdd(*sum, buf, got);
    free(buf);
    fclose(f);
    return 0;
}

/* CPU time of a running domain: vcpus x virtual time, so it shows how much
 * virtual time the calls in between took. */
int
vrcFaultCpuTime(vrcCtx *ctx, virDomainPtr dom, unsigned long long *ns)
{
    virDomainInfo info;

    vrcStep(ctx, "virDomainGetInfo(%s)", virDomainGetName(dom));
    if (virDomainGetInfo(dom, &info) < 0)
        return vrcCallFailed(ctx);
    *ns = info.cpuTime / (info.nrVirtCpu ? info.nrVirtCpu : 1);
    return 0;
}

/* Virtual time between two readings: at least MIN_NS, and no more than the
 * calls around it can add. */
int
vrcFaultExpectElapsed(vrcCtx *ctx, unsigned long long from, unsigned long long to,
                      unsigned long long minNs, const char *what)
{
    unsigned long long d = to - from;

    if (to < from || d < minNs || d > minNs + VRC_FAULT_SLACK_NS)
        return vrcFail(ctx, "%s: expected %llu ns (+ at most %llu ns of calls) of virtual "
                       "time, got %lld ns", what, minNs, VRC_FAULT_SLACK_NS,
                       (long long)(to - from));
    return 0;
}

/* ---- domain.start ---- */

#define VRC_MSG_OOM "internal error: process exited while connecting to monitor: " \
    VRC_SIM_EMULATOR ": cannot set up guest memory 'pc.ram': Cannot allocate memory"
#define VRC_MSG_NO_EMULATOR "Cannot check QEMU binary " VRC_SIM_EMULATOR \
    ": No such file or directory"

static int
vrcStartOomTransient(vrcCtx *ctx)
{
    const char *xml = vrcXmlSimple(ctx, "conform-f1");
    virDomainPtr dom;

    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_FAULT_DOM(ctx, virDomainCreateXML(ctx->conn, xml, 0), VIR_ERR_INTERNAL_ERROR,
                  VIR_FROM_QEMU, VRC_MSG_OOM);
    VRC_GONE(ctx, "conform-f1");
    VRC_LIST(ctx, 0, "");
    VRC_NO_EVENTS(ctx, "conform-f1");
    VRC_DOM(ctx, dom, virDomainCreateXML(ctx->conn, xml, 0));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    VRC_EVENTS(ctx, "conform-f1", EV(STARTED, BOOTED));
    return 0;
}

static int
vrcStartNoEmulator(vrcCtx *ctx)
{
    virDomainPtr dom;
    vrcDomSnap snap;

    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_NEED(dom, vrcDefine(ctx, "conform-f1", NULL));
    VRC_EVENTS(ctx, "conform-f1", EV(DEFINED, ADDED));
    VRC_CHECK(vrcFaultSnap(ctx, dom, &snap));
    VRC_FAULT(ctx, virDomainCreate(dom), VIR_ERR_SYSTEM_ERROR, VIR_FROM_QEMU,
              VRC_MSG_NO_EMULATOR);
    VRC_SAME(ctx, dom, &snap);
    VRC_EXPECT_INT(ctx, "virDomainGetID", (int)virDomainGetID(dom), -1);
    VRC_NO_EVENTS(ctx, "conform-f1");
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    VRC_EVENTS(ctx, "conform-f1", EV(STARTED, BOOTED));
    return 0;
}

/* A managed save image survives a failed start and is used by the next. */
static int
vrcStartKeepsManagedSave(vrcCtx *ctx)
{
    virDomainPtr dom;
    vrcDomSnap snap;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-f1"));
    VRC_OK(ctx, virDomainManagedSave(dom, 0));
    VRC_CHECK(vrcFaultSnap(ctx, dom, &snap));
    VRC_EXPECT_INT(ctx, "managed save image", snap.managedSave, 1);
    VRC_FAULT(ctx, virDomainCreate(dom), VIR_ERR_INTERNAL_ERROR, VIR_FROM_QEMU, VRC_MSG_OOM);
    VRC_SAME(ctx, dom, &snap);
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    VRC_EXPECT_RET(ctx, virDomainHasManagedSaveImage(dom, 0), 0);
    return 0;
}

/* ---- domain.destroy ---- */

static int
vrcDestroyBusy(vrcCtx *ctx)
{
    unsigned long long t0, t1;
    virDomainPtr dom;
    vrcDomSnap snap;

    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-f1"));
    VRC_EVENTS(ctx, "conform-f1", EV(DEFINED, ADDED), EV(STARTED, BOOTED));
    VRC_CHECK(vrcFaultSnap(ctx, dom, &snap));
    VRC_CHECK(vrcFaultCpuTime(ctx, dom, &t0));
    VRC_FAULT(ctx, virDomainDestroy(dom), VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
              vrcPrintf(ctx, "Failed to terminate process %d with SIGKILL: "
                        "Device or resource busy", VRC_SIM_PID_BASE + snap.id));
    VRC_CHECK(vrcFaultCpuTime(ctx, dom, &t1));
    VRC_CHECK(vrcFaultExpectElapsed(ctx, t0, t1, VRC_DELAY_DESTROY_NS,
                                    "the refused SIGKILL (ebusy: 15 s)"));
    VRC_SAME(ctx, dom, &snap);
    VRC_NO_EVENTS(ctx, "conform-f1");
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_DESTROYED);
    VRC_EVENTS(ctx, "conform-f1", EV(STOPPED, DESTROYED));
    return 0;
}

/* limit=2: a paused transient domain survives two refused destroys. */
static int
vrcDestroyBusyPausedLimit(vrcCtx *ctx)
{
    virDomainPtr dom;
    vrcDomSnap snap;
    int i;

    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-f1", NULL));
    VRC_OK(ctx, virDomainSuspend(dom));
    VRC_CHECK(vrcFaultSnap(ctx, dom, &snap));
    for (i = 0; i < 2; i++) {
        VRC_FAULT(ctx, virDomainDestroy(dom), VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
                  "Failed to terminate process * with SIGKILL: Device or resource busy");
        VRC_SAME(ctx, dom, &snap);
    }
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_GONE(ctx, "conform-f1");
    return 0;
}

/* ---- domain.shutdown, suspend, resume ---- */

static int
vrcShutdownIgnored(vrcCtx *ctx)
{
    unsigned long long t0, t1;
    virDomainPtr dom;
    vrcDomSnap snap;

    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-f1"));
    VRC_EVENTS(ctx, "conform-f1", EV(DEFINED, ADDED), EV(STARTED, BOOTED));
    VRC_CHECK(vrcFaultSnap(ctx, dom, &snap));
    VRC_CHECK(vrcFaultCpuTime(ctx, dom, &t0));
    VRC_FAULT(ctx, virDomainShutdown(dom), VIR_ERR_OPERATION_TIMEOUT, VIR_FROM_TEST,
              "Timed out during operation: domain 'conform-f1' did not shut down: "
              "the guest ignored the ACPI power button");
    VRC_CHECK(vrcFaultCpuTime(ctx, dom, &t1));
    VRC_CHECK(vrcFaultExpectElapsed(ctx, t0, t1, VRC_DELAY_SHUTDOWN_NS,
                                    "the ignored shutdown (60 s)"));
    VRC_SAME(ctx, dom, &snap);
    VRC_NO_EVENTS(ctx, "conform-f1");
    VRC_OK(ctx, virDomainShutdown(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SHUTDOWN);
    VRC_EVENTS(ctx, "conform-f1", EV(STOPPED, SHUTDOWN));
    return 0;
}

#define VRC_MSG_LOCK_TIMEOUT "Timed out during operation: cannot acquire state change " \
    "lock (held by monitor=remoteDispatchDomainMemoryStats)"

static int
vrcSuspendLockTimeout(vrcCtx *ctx)
{
    virDomainPtr dom;
    vrcDomSnap snap;

    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-f1", NULL));
    VRC_EVENTS(ctx, "conform-f1", EV(STARTED, BOOTED));
    VRC_CHECK(vrcFaultSnap(ctx, dom, &snap));
    VRC_FAULT(ctx, virDomainSuspend(dom), VIR_ERR_OPERATION_TIMEOUT, VIR_FROM_QEMU,
              VRC_MSG_LOCK_TIMEOUT);
    VRC_SAME(ctx, dom, &snap);
    VRC_NO_EVENTS(ctx, "conform-f1");
    VRC_OK(ctx, virDomainSuspend(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER);
    VRC_EVENTS(ctx, "conform-f1", EV(SUSPENDED, PAUSED));
    return 0;
}

/* Resume of a paused domain fails with the row's cause (by plan). */
static int
vrcResumeFails(vrcCtx *ctx, int code, const char *message)
{
    virDomainPtr dom;
    vrcDomSnap snap;

    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-f1"));
    VRC_OK(ctx, virDomainSuspend(dom));
    VRC_EVENTS(ctx, "conform-f1", EV(DEFINED, ADDED), EV(STARTED, BOOTED),
               EV(SUSPENDED, PAUSED));
    VRC_CHECK(vrcFaultSnap(ctx, dom, &snap));
    VRC_FAULT(ctx, virDomainResume(dom), code, VIR_FROM_QEMU, message);
    VRC_SAME(ctx, dom, &snap);
    VRC_NO_EVENTS(ctx, "conform-f1");
    VRC_OK(ctx, virDomainResume(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNPAUSED);
    VRC_EVENTS(ctx, "conform-f1", EV(RESUMED, UNPAUSED));
    return 0;
}

static int
vrcResumeMonitorError(vrcCtx *ctx)
{
    return vrcResumeFails(ctx, VIR_ERR_INTERNAL_ERROR,
                          "internal error: unable to execute QEMU command 'cont': "
                          "Resetting the Virtual Machine is required");
}

static int
vrcResumeLockTimeout(vrcCtx *ctx)
{
    return vrcResumeFails(ctx, VIR_ERR_OPERATION_TIMEOUT, VRC_MSG_LOCK_TIMEOUT);
}

/* ---- domain.save ---- */

static int
vrcSaveNoSpace(vrcCtx *ctx)
{
    const char *path = vrcSavePath(ctx, "conform-f1.save");
    virDomainPtr dom;
    vrcDomSnap snap;

    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-f1"));
    VRC_EVENTS(ctx, "conform-f1", EV(DEFINED, ADDED), EV(STARTED, BOOTED));
    VRC_CHECK(vrcFaultSnap(ctx, dom, &snap));
    VRC_FAULT(ctx, virDomainSave(dom, path), VIR_ERR_SYSTEM_ERROR, VIR_FROM_TEST,
              vrcPrintf(ctx, "saving domain 'conform-f1' to '%s': write failed: "
                        "No space left on device", path));
    VRC_FILES(ctx, ctx->scratch, "");
    VRC_SAME(ctx, dom, &snap);
    VRC_NO_EVENTS(ctx, "conform-f1");
    VRC_OK(ctx, virDomainSave(dom, path));
    VRC_FILES(ctx, ctx->scratch, "conform-f1.save");
    VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SAVED);
    VRC_EVENTS(ctx, "conform-f1", EV(STOPPED, SAVED));
    VRC_OK(ctx, virDomainRestore(ctx->conn, path));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_RESTORED);
    return 0;
}

/* An I/O error while overwriting an image leaves the older image whole. */
static int
vrcSaveIoErrorKeepsImage(vrcCtx *ctx)
{
    const char *path = vrcSavePath(ctx, "conform-f1.save");
    uint64_t sum0, sum1;
    virDomainPtr dom;
    vrcDomSnap snap;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-f1"));
    VRC_OK(ctx, virDomainSave(dom, path));
    VRC_CHECK(vrcFaultFileSum(ctx, path, &sum0));
    VRC_OK(ctx, virDomainRestore(ctx->conn, path));
    VRC_CHECK(vrcFaultSnap(ctx, dom, &snap));
    VRC_FAULT(ctx, virDomainSave(dom, path), VIR_ERR_SYSTEM_ERROR, VIR_FROM_TEST,
              vrcPrintf(ctx, "saving domain 'conform-f1' to '%s': write failed: "
                        "Input/output error", path));
    VRC_FILES(ctx, ctx->scratch, "conform-f1.save");
    VRC_CHECK(vrcFaultFileSum(ctx, path, &sum1));
    VRC_EXPECT(ctx, sum0 == sum1, "the older image changed (checksum %016llx, was %016llx)",
               (unsigned long long)sum1, (unsigned long long)sum0);
    VRC_SAME(ctx, dom, &snap);
    VRC_OK(ctx, virDomainSave(dom, path));
    VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SAVED);
    VRC_OK(ctx, virDomainRestore(ctx->conn, path));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_RESTORED);
    return 0;
}

static int
vrcManagedSaveNoSpace(vrcCtx *ctx)
{
    virDomainPtr dom;
    vrcDomSnap snap;

    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-f1"));
    VRC_EVENTS(ctx, "conform-f1", EV(DEFINED, ADDED), EV(STARTED, BOOTED));
    VRC_CHECK(vrcFaultSnap(ctx, dom, &snap));
    VRC_FAULT(ctx, virDomainManagedSave(dom, 0), VIR_ERR_SYSTEM_ERROR, VIR_FROM_TEST,
              "saving domain 'conform-f1' to '" VRC_SIM_STATE_DIR "/save/conform-f1.save': "
              "write failed: No space left on device");
    VRC_SAME(ctx, dom, &snap);
    VRC_EXPECT_RET(ctx, virDomainHasManagedSaveImage(dom, 0), 0);
    VRC_NO_EVENTS(ctx, "conform-f1");
    VRC_OK(ctx, virDomainManagedSave(dom, 0));
    VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SAVED);
    VRC_EXPECT_RET(ctx, virDomainHasManagedSaveImage(dom, 0), 1);
    VRC_EVENTS(ctx, "conform-f1", EV(STOPPED, SAVED));
    return 0;
}

/* A transient domain whose save fails is still there, running. */
static int
vrcSaveTransientNoSpace(vrcCtx *ctx)
{
    const char *path = vrcSavePath(ctx, "conform-f1.save");
    virDomainPtr dom;
    vrcDomSnap snap;

    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-f1", NULL));
    VRC_CHECK(vrcFaultSnap(ctx, dom, &snap));
    VRC_FAULT(ctx, virDomainSave(dom, path), VIR_ERR_SYSTEM_ERROR, VIR_FROM_TEST,
              "saving domain 'conform-f1' to '*': write failed: No space left on device");
    VRC_FILES(ctx, ctx->scratch, "");
    VRC_SAME(ctx, dom, &snap);
    VRC_LIST(ctx, VIR_CONNECT_LIST_DOMAINS_TRANSIENT, "conform-f1");
    VRC_OK(ctx, virDomainSave(dom, path));
    VRC_GONE(ctx, "conform-f1");
    VRC_OK(ctx, virDomainRestore(ctx->conn, path));
    VRC_LIST(ctx, VIR_CONNECT_LIST_DOMAINS_TRANSIENT, "conform-f1");
    return 0;
}

/* ---- domain.restore ---- */

static int
vrcRestoreCorrupt(vrcCtx *ctx)
{
    const char *path = vrcSavePath(ctx, "conform-f1.save");
    uint64_t sum0, sum1;
    virDomainPtr dom;
    vrcDomSnap snap;

    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-f1"));
    VRC_OK(ctx, virDomainSave(dom, path));
    VRC_EVENTS(ctx, "conform-f1", EV(DEFINED, ADDED), EV(STARTED, BOOTED), EV(STOPPED, SAVED));
    VRC_CHECK(vrcFaultFileSum(ctx, path, &sum0));
    VRC_CHECK(vrcFaultSnap(ctx, dom, &snap));
    VRC_FAULT(ctx, virDomainRestore(ctx->conn, path), VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
              vrcPrintf(ctx, "internal error: save image '%s' is corrupt: checksum mismatch",
                        path));
    VRC_SAME(ctx, dom, &snap);
    VRC_NO_EVENTS(ctx, "conform-f1");
    VRC_FILES(ctx, ctx->scratch, "conform-f1.save");
    VRC_CHECK(vrcFaultFileSum(ctx, path, &sum1));
    VRC_EXPECT(ctx, sum0 == sum1, "the image changed (checksum %016llx, was %016llx)",
               (unsigned long long)sum1, (unsigned long long)sum0);
    VRC_OK(ctx, virDomainRestore(ctx->conn, path));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_RESTORED);
    VRC_EVENTS(ctx, "conform-f1", EV(STARTED, RESTORED));
    return 0;
}

static int
vrcRestoreCorruptTransient(vrcCtx *ctx)
{
    const char *path = vrcSavePath(ctx, "conform-f1.save");
    virDomainPtr dom, back;

    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-f1", NULL));
    VRC_OK(ctx, virDomainSave(dom, path));
    VRC_GONE(ctx, "conform-f1");
    VRC_FAULT(ctx, virDomainRestoreFlags(ctx->conn, path, NULL, 0), VIR_ERR_INTERNAL_ERROR,
              VIR_FROM_TEST, "internal error: save image '*' is corrupt: checksum mismatch");
    VRC_GONE(ctx, "conform-f1");
    VRC_LIST(ctx, 0, "");
    VRC_OK(ctx, virDomainRestoreFlags(ctx->conn, path, NULL, 0));
    VRC_NEED(back, vrcLookup(ctx, "conform-f1"));
    VRC_STATE(ctx, back, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_RESTORED);
    VRC_CHECK(vrcExpectFlags(ctx, back, 1, 0));
    return 0;
}

/* ---- domain.define ---- */

#define VRC_MSG_DEFINE(name) "cannot write data to file '" VRC_SIM_STATE_DIR "/" name \
    ".xml.new': No space left on device"

static int
vrcDefineNoSpace(vrcCtx *ctx)
{
    const char *xml = vrcXmlSimple(ctx, "conform-f1");
    virDomainPtr dom;

    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_FAULT_DOM(ctx, virDomainDefineXML(ctx->conn, xml), VIR_ERR_SYSTEM_ERROR,
                  VIR_FROM_XML, VRC_MSG_DEFINE("conform-f1"));
    VRC_GONE(ctx, "conform-f1");
    VRC_LIST(ctx, 0, "");
    VRC_NO_EVENTS(ctx, "conform-f1");
    VRC_DOM(ctx, dom, virDomainDefineXML(ctx->conn, xml));
    VRC_CHECK(vrcExpectFlags(ctx, dom, 0, 1));
    VRC_EVENTS(ctx, "conform-f1", EV(DEFINED, ADDED));
    return 0;
}

/* A failed redefinition keeps the old one, in memory and in the XML. */
static int
vrcDefineUpdateNoSpace(vrcCtx *ctx)
{
    const char *uuid = vrcUuid(ctx, 1);
    const char *big = vrcXml(ctx, "conform-f1", uuid, VRC_MEM_KIB, 2, NULL);
    const char *small = vrcXml(ctx, "conform-f1", uuid, VRC_MEM_KIB / 2, 1, NULL);
    virDomainPtr dom;
    vrcDomSnap snap;

    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_NEED(dom, vrcDefine(ctx, "conform-f1", big));
    VRC_EVENTS(ctx, "conform-f1", EV(DEFINED, ADDED));
    VRC_CHECK(vrcFaultSnap(ctx, dom, &snap));
    VRC_FAULT_DOM(ctx, virDomainDefineXML(ctx->conn, small), VIR_ERR_SYSTEM_ERROR,
                  VIR_FROM_XML, VRC_MSG_DEFINE("conform-f1"));
    VRC_SAME(ctx, dom, &snap);
    VRC_EXPECT_ULONG(ctx, virDomainGetMaxMemory(dom), VRC_MEM_KIB);
    VRC_NO_EVENTS(ctx, "conform-f1");
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    VRC_DOM(ctx, dom, virDomainDefineXML(ctx->conn, small));
    VRC_EVENTS(ctx, "conform-f1", EV(STARTED, BOOTED), EV(DEFINED, UPDATED));
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_EXPECT_ULONG(ctx, virDomainGetMaxMemory(dom), VRC_MEM_KIB / 2);
    return 0;
}

/* ---- guest.crash ---- */

static const char *
vrcCrashXml(vrcCtx *ctx, const char *name, const char *action)
{
    return vrcPrintf(ctx,
                     "<domain type='test'>\n"
                     "  <name>%s</name>\n"
                     "  <memory unit='KiB'>%lu</memory>\n"
                     "  <vcpu>1</vcpu>\n"
                     "  <os><type>hvm</type></os>\n"
                     "  <on_crash>%s</on_crash>\n"
                     "</domain>\n", name, VRC_MEM_KIB, action);
}

/* The crash happens as the next call moves virtual time. */
static int
vrcCrashDestroy(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_NEED(dom, vrcDefine(ctx, "conform-f1", vrcCrashXml(ctx, "conform-f1", "destroy")));
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_CRASHED);
    VRC_CHECK(vrcExpectFlags(ctx, dom, 0, 1));
    VRC_EVENTS(ctx, "conform-f1", EV(DEFINED, ADDED), EV(STARTED, BOOTED),
               EV(CRASHED, PANICKED), EV(STOPPED, CRASHED));
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    VRC_EVENTS(ctx, "conform-f1", EV(STARTED, BOOTED));
    return 0;
}

static int
vrcCrashRestart(vrcCtx *ctx)
{
    virDomainPtr dom;
    int id;

    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_DOM(ctx, dom, virDomainCreateXML(ctx->conn,
                                         vrcCrashXml(ctx, "conform-f1", "restart"), 0));
    id = (int)virDomainGetID(dom);
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_CRASHED);
    VRC_EXPECT_INT(ctx, "id after the reset", (int)virDomainGetID(dom), id);
    VRC_EVENTS(ctx, "conform-f1", EV(STARTED, BOOTED), EV(CRASHED, PANICKED),
               EV(RESUMED, UNPAUSED));
    VRC_OK(ctx, virDomainSuspend(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER);
    return 0;
}

static int
vrcCrashPreserve(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_NEED(dom, vrcDefine(ctx, "conform-f1", vrcCrashXml(ctx, "conform-f1", "preserve")));
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_CRASHED, VIR_DOMAIN_CRASHED_PANICKED);
    VRC_CHECK(vrcExpectFlags(ctx, dom, 1, 1));
    VRC_EVENTS(ctx, "conform-f1", EV(DEFINED, ADDED), EV(STARTED, BOOTED),
               EV(CRASHED, PANICKED));
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_DESTROYED);
    VRC_EVENTS(ctx, "conform-f1", EV(STOPPED, DESTROYED));
    return 0;
}

static int
vrcCrashTransient(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_CHECK(vrcEventsOn(ctx, NULL));
    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-f1",
                                     vrcCrashXml(ctx, "conform-f1", "coredump-destroy")));
    VRC_GONE(ctx, "conform-f1");
    VRC_EVENTS(ctx, "conform-f1", EV(STARTED, BOOTED), EV(CRASHED, PANICKED),
               EV(STOPPED, CRASHED));
    return 0;
}

/* A paused guest does not crash; it does once it runs again. */
static int
vrcCrashOnlyRunning(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_DOM(ctx, dom, virDomainCreateXML(ctx->conn, vrcCrashXml(ctx, "conform-f1", "preserve"),
                                         VIR_DOMAIN_START_PAUSED));
    VRC_STATE(ctx, dom, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER);
    VRC_STATE(ctx, dom, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER);
    VRC_OK(ctx, virDomainResume(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_CRASHED, VIR_DOMAIN_CRASHED_PANICKED);
    return 0;
}

const vrcCase vrcCasesFaults[] = {
    VRC_FAULT_ROW("010", "start-oom-transient", VRC_CASE_EVENTS,
                  "domain.start oom: CreateXML fails (INTERNAL_ERROR, QEMU), nothing created, "
                  "no event; the retry starts it",
                  "domain.start nth=1 cause=oom\n", vrcStartOomTransient),
    VRC_FAULT_ROW("011", "start-no-emulator", VRC_CASE_EVENTS,
                  "domain.start no-emulator: Create fails (SYSTEM_ERROR ENOENT, QEMU); shut off, "
                  "no id, same XML, no event; the retry boots",
                  "# the emulator is missing once\ndomain.start nth=1 cause=no-emulator\n",
                  vrcStartNoEmulator),
    VRC_FAULT_ROW("012", "start-keeps-managedsave", 0,
                  "a failed start keeps the managed save image; the next start uses it",
                  "domain.start nth=2\n", vrcStartKeepsManagedSave),
    VRC_FAULT_ROW("020", "destroy-ebusy", VRC_CASE_EVENTS,
                  "domain.destroy ebusy: 'Failed to terminate process 4000+id', 15 virtual s; "
                  "still running, same id, no event; the retry destroys",
                  "domain.destroy nth=1\n", vrcDestroyBusy),
    VRC_FAULT_ROW("021", "destroy-ebusy-paused-limit", 0,
                  "always limit=2: a paused transient domain survives two refused destroys, "
                  "the third removes it",
                  "domain.destroy always limit=2 cause=ebusy\n", vrcDestroyBusyPausedLimit),
    VRC_FAULT_ROW("030", "shutdown-acpi-ignored", VRC_CASE_EVENTS,
                  "domain.shutdown acpi-ignored: OPERATION_TIMEOUT after 60 virtual s, still "
                  "running, no event; the retry shuts it off",
                  "domain.shutdown nth=1\n", vrcShutdownIgnored),
    VRC_FAULT_ROW("040", "suspend-lock-timeout", VRC_CASE_EVENTS,
                  "domain.suspend lock-timeout: OPERATION_TIMEOUT (QEMU), still running, no "
                  "event; the retry pauses",
                  "domain.suspend nth=1 cause=lock-timeout\n", vrcSuspendLockTimeout),
    VRC_FAULT_ROW("050", "resume-monitor-error", VRC_CASE_EVENTS,
                  "domain.resume monitor-error: INTERNAL_ERROR (QEMU), still paused, no event; "
                  "the retry resumes",
                  "domain.resume nth=1\n", vrcResumeMonitorError),
    VRC_FAULT_ROW("051", "resume-lock-timeout", VRC_CASE_EVENTS,
                  "domain.resume lock-timeout: OPERATION_TIMEOUT (QEMU), still paused, no "
                  "event; the retry resumes",
                  "domain.resume nth=1 cause=lock-timeout\n", vrcResumeLockTimeout),
    VRC_FAULT_ROW("060", "save-enospc", VRC_CASE_EVENTS,
                  "domain.save enospc: SYSTEM_ERROR naming the path, no file left, still "
                  "running, no event; the retry saves and restores",
                  "domain.save nth=1 cause=enospc\n", vrcSaveNoSpace),
    VRC_FAULT_ROW("061", "save-eio-keeps-image", 0,
                  "domain.save eio over an older image: the older image intact by checksum, "
                  "nothing else left, still running",
                  "domain.save nth=2 cause=eio\n", vrcSaveIoErrorKeepsImage),
    VRC_FAULT_ROW("062", "managedsave-enospc", VRC_CASE_EVENTS,
                  "ManagedSave with domain.save enospc: no image, still running, no event; "
                  "the retry saves",
                  "domain.save nth=1\n", vrcManagedSaveNoSpace),
    VRC_FAULT_ROW("063", "save-transient-enospc", 0,
                  "a transient domain whose save fails stays, running; the retry saves it away",
                  "domain.save nth=1\n", vrcSaveTransientNoSpace),
    VRC_FAULT_ROW("070", "restore-corrupt", VRC_CASE_EVENTS,
                  "domain.restore corrupt: INTERNAL_ERROR naming the image, still shutoff/saved, "
                  "image untouched, no event; the retry restores",
                  "domain.restore nth=1 cause=corrupt\n", vrcRestoreCorrupt),
    VRC_FAULT_ROW("071", "restore-corrupt-transient", 0,
                  "a corrupt image of a transient domain restores nothing; the retry does",
                  "domain.restore nth=1\n", vrcRestoreCorruptTransient),
    VRC_FAULT_ROW("080", "define-enospc", VRC_CASE_EVENTS,
                  "domain.define enospc: SYSTEM_ERROR (XML) naming NAME.xml.new, no domain, no "
                  "event; the retry defines",
                  "domain.define nth=1 cause=enospc\n", vrcDefineNoSpace),
    VRC_FAULT_ROW("081", "define-update-enospc", VRC_CASE_EVENTS,
                  "a failed redefinition keeps the old definition (XML, memory) and sends no "
                  "event; the retry updates",
                  "domain.define nth=2\n", vrcDefineUpdateNoSpace),
    VRC_FAULT_ROW("090", "crash-destroy", VRC_CASE_EVENTS,
                  "guest.crash with on_crash destroy: shutoff/crashed, CRASHED/PANICKED then "
                  "STOPPED/CRASHED; it starts again",
                  "guest.crash nth=1 target=conform-f1\n", vrcCrashDestroy),
    VRC_FAULT_ROW("091", "crash-restart", VRC_CASE_EVENTS,
                  "guest.crash with on_crash restart: running/crashed, same id, "
                  "CRASHED/PANICKED then RESUMED/UNPAUSED",
                  "guest.crash nth=1 target=conform-f1 cause=panicked\n", vrcCrashRestart),
    VRC_FAULT_ROW("092", "crash-preserve", VRC_CASE_EVENTS,
                  "guest.crash with on_crash preserve: crashed/panicked until destroyed",
                  "guest.crash always target=conform-f1\n", vrcCrashPreserve),
    VRC_FAULT_ROW("093", "crash-transient", VRC_CASE_EVENTS,
                  "guest.crash of a transient domain with coredump-destroy: gone, "
                  "STOPPED/CRASHED",
                  "guest.crash always target=conform-f1\n", vrcCrashTransient),
    VRC_FAULT_ROW("094", "crash-only-running", 0,
                  "guest.crash always: a paused guest does not crash, it does once resumed",
                  "guest.crash always target=conform-f1\n", vrcCrashOnlyRunning),
};
const size_t vrcCasesFaultsCount = VRC_COUNT(vrcCasesFaults);
