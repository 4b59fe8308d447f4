/* conformance/cases_states.c: every operation in every state where it is
 * invalid, table driven -- each row is one case that asserts the exact code
 * and message and that the state (and reason) is unchanged afterwards. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <stdio.h>
#include <string.h>

#include "conform.h"

#define VRC_SMALL_KIB 524288UL
#define VRC_LARGE_KIB 2097152UL

typedef enum {
    VRC_IN_SHUTOFF,             /* defined, never started */
    VRC_IN_RUNNING,             /* persistent, running */
    VRC_IN_PAUSED,              /* persistent, paused */
    VRC_IN_TRANSIENT_RUNNING,
    VRC_IN_TRANSIENT_PAUSED,
} vrcInState;

typedef enum {
    VRC_OP_CREATE, VRC_OP_CREATE_FLAGS, VRC_OP_SUSPEND, VRC_OP_RESUME, VRC_OP_DESTROY,
    VRC_OP_DESTROY_FLAGS, VRC_OP_SHUTDOWN, VRC_OP_SHUTDOWN_FLAGS, VRC_OP_REBOOT,
    VRC_OP_RESET, VRC_OP_SAVE, VRC_OP_MANAGED_SAVE, VRC_OP_SET_VCPUS,
    VRC_OP_SET_VCPUS_LIVE, VRC_OP_SET_MEMORY, VRC_OP_SET_MEMORY_LIVE,
    VRC_OP_GET_VCPUS_LIVE, VRC_OP_GET_MAX_VCPUS, VRC_OP_GET_VCPUS, VRC_OP_PIN_VCPU,
    VRC_OP_CORE_DUMP, VRC_OP_SEND_KEY, VRC_OP_SET_MAX_MEMORY, VRC_OP_SET_MAX_MEMORY_LIVE,
} vrcOp;

typedef struct {
    vrcInState in;
    vrcOp op;
    int code;
    const char *message;
} vrcInvalid;

#define VRC_NOT_RUNNING_INTERNAL "internal error: domain 'conform-s1' not running"
#define VRC_NOT_PAUSED_INTERNAL "internal error: domain 'conform-s1' not paused"
#define VRC_NOT_RUNNING "Requested operation is not valid: domain is not running"
#define VRC_ALREADY_RUNNING "internal error: Domain 'conform-s1' is already running"
#define VRC_MAXMEM_ACTIVE \
    "Requested operation is not valid: cannot resize the maximum memory on an active domain"
#define VRC_MSAVE_TRANSIENT \
    "Requested operation is not valid: cannot do managed save for transient domain"

static int
vrcDoOp(vrcCtx *ctx, virDomainPtr dom, vrcOp op)
{
    unsigned int key = 1;
    unsigned char cpumap = 1;
    virVcpuInfo vinfo;
    unsigned char vmap = 0;

    (void)key, (void)cpumap, (void)vinfo, (void)vmap;

#define VRC_RUN(call) do { vrcStep(ctx, "%s", #call); return (call); } while (0)
    switch (op) {
    case VRC_OP_CREATE: VRC_RUN(virDomainCreate(dom));
    case VRC_OP_CREATE_FLAGS: VRC_RUN(virDomainCreateWithFlags(dom, 0));
    case VRC_OP_SUSPEND: VRC_RUN(virDomainSuspend(dom));
    case VRC_OP_RESUME: VRC_RUN(virDomainResume(dom));
    case VRC_OP_DESTROY: VRC_RUN(virDomainDestroy(dom));
    case VRC_OP_DESTROY_FLAGS: VRC_RUN(virDomainDestroyFlags(dom, 0));
    case VRC_OP_SHUTDOWN: VRC_RUN(virDomainShutdown(dom));
    case VRC_OP_SHUTDOWN_FLAGS: VRC_RUN(virDomainShutdownFlags(dom, 0));
    case VRC_OP_REBOOT: VRC_RUN(virDomainReboot(dom, 0));
    case VRC_OP_RESET: VRC_RUN(virDomainReset(dom, 0));
    case VRC_OP_SAVE: VRC_RUN(virDomainSave(dom, vrcSavePath(ctx, "conform-s1.save")));
    case VRC_OP_MANAGED_SAVE: VRC_RUN(virDomainManagedSave(dom, 0));
    case VRC_OP_SET_VCPUS: VRC_RUN(virDomainSetVcpus(dom, 1));
    case VRC_OP_SET_VCPUS_LIVE:
        VRC_RUN(virDomainSetVcpusFlags(dom, 1, VIR_DOMAIN_AFFECT_LIVE));
    case VRC_OP_SET_MEMORY: VRC_RUN(virDomainSetMemory(dom, VRC_SMALL_KIB));
    case VRC_OP_SET_MEMORY_LIVE:
        VRC_RUN(virDomainSetMemoryFlags(dom, VRC_SMALL_KIB, VIR_DOMAIN_AFFECT_LIVE));
    case VRC_OP_GET_VCPUS_LIVE: VRC_RUN(virDomainGetVcpusFlags(dom, VIR_DOMAIN_AFFECT_LIVE));
#if VRC_HAVE_virDomainGetMaxVcpus
    case VRC_OP_GET_MAX_VCPUS: VRC_RUN(virDomainGetMaxVcpus(dom));
#else
    case VRC_OP_GET_MAX_VCPUS: return VRC_NOT_IN_API(ctx, "virDomainGetMaxVcpus");
#endif
#if VRC_HAVE_virDomainGetVcpus
    case VRC_OP_GET_VCPUS: VRC_RUN(virDomainGetVcpus(dom, &vinfo, 1, &vmap, 1));
#else
    case VRC_OP_GET_VCPUS: return VRC_NOT_IN_API(ctx, "virDomainGetVcpus");
#endif
#if VRC_HAVE_virDomainPinVcpu
    case VRC_OP_PIN_VCPU: VRC_RUN(virDomainPinVcpu(dom, 0, &cpumap, 1));
#else
    case VRC_OP_PIN_VCPU: return VRC_NOT_IN_API(ctx, "virDomainPinVcpu");
#endif
#if VRC_HAVE_virDomainCoreDump
    case VRC_OP_CORE_DUMP: VRC_RUN(virDomainCoreDump(dom, vrcSavePath(ctx, "core"), 0));
#else
    case VRC_OP_CORE_DUMP: return VRC_NOT_IN_API(ctx, "virDomainCoreDump");
#endif
#if VRC_HAVE_virDomainSendKey
    case VRC_OP_SEND_KEY:
        VRC_RUN(virDomainSendKey(dom, VIR_KEYCODE_SET_LINUX, 0, &key, 1, 0));
#else
    case VRC_OP_SEND_KEY: return VRC_NOT_IN_API(ctx, "virDomainSendKey");
#endif
    case VRC_OP_SET_MAX_MEMORY: VRC_RUN(virDomainSetMaxMemory(dom, VRC_LARGE_KIB));
    case VRC_OP_SET_MAX_MEMORY_LIVE:
        VRC_RUN(virDomainSetMemoryFlags(dom, VRC_LARGE_KIB,
                                        VIR_DOMAIN_MEM_MAXIMUM | VIR_DOMAIN_AFFECT_LIVE));
    }
#undef VRC_RUN
    return vrcFail(ctx, "unknown operation %d", (int)op);
}

static virDomainPtr
vrcEnterState(vrcCtx *ctx, vrcInState in)
{
    virDomainPtr dom = NULL;
    bool transient = in == VRC_IN_TRANSIENT_RUNNING || in == VRC_IN_TRANSIENT_PAUSED;

    if (transient) {
        dom = vrcCreateTransient(ctx, "conform-s1", NULL);
    } else {
        dom = vrcDefine(ctx, "conform-s1", NULL);
        if (dom && in != VRC_IN_SHUTOFF) {
            vrcStep(ctx, "virDomainCreate(conform-s1)");
            if (virDomainCreate(dom) < 0) {
                vrcCallFailed(ctx);
                return NULL;
            }
        }
    }
    if (dom && (in == VRC_IN_PAUSED || in == VRC_IN_TRANSIENT_PAUSED)) {
        vrcStep(ctx, "virDomainSuspend(conform-s1)");
        if (virDomainSuspend(dom) < 0) {
            vrcCallFailed(ctx);
            return NULL;
        }
    }
    return dom;
}

static int
vrcInvalidOp(vrcCtx *ctx)
{
    const vrcInvalid *row = ctx->tc->data;
    virDomainPtr dom;
    int state, reason, rc;
    bool transient = row->in == VRC_IN_TRANSIENT_RUNNING || row->in == VRC_IN_TRANSIENT_PAUSED;

    VRC_NEED(dom, vrcEnterState(ctx, row->in));
    VRC_OK(ctx, virDomainGetState(dom, &state, &reason, 0));
    rc = vrcDoOp(ctx, dom, row->op);
    VRC_CHECK(vrcCheckError(ctx, rc < 0, row->code, row->message));
    VRC_STATE(ctx, dom, state, reason);
    VRC_CHECK(vrcExpectFlags(ctx, dom, row->in != VRC_IN_SHUTOFF, !transient));
    return 0;
}

#define VRC_ROW(name, in, op, code, msg) \
    static const vrcInvalid vrcRow_##name = { in, op, code, msg }
VRC_ROW(offSuspend, VRC_IN_SHUTOFF, VRC_OP_SUSPEND, VIR_ERR_INTERNAL_ERROR,
        VRC_NOT_RUNNING_INTERNAL);
VRC_ROW(offResume, VRC_IN_SHUTOFF, VRC_OP_RESUME, VIR_ERR_INTERNAL_ERROR,
        VRC_NOT_PAUSED_INTERNAL);
VRC_ROW(offDestroy, VRC_IN_SHUTOFF, VRC_OP_DESTROY, VIR_ERR_OPERATION_INVALID, VRC_NOT_RUNNING);
VRC_ROW(offDestroyFlags, VRC_IN_SHUTOFF, VRC_OP_DESTROY_FLAGS, VIR_ERR_OPERATION_INVALID,
        VRC_NOT_RUNNING);
VRC_ROW(offShutdown, VRC_IN_SHUTOFF, VRC_OP_SHUTDOWN, VIR_ERR_INTERNAL_ERROR,
        VRC_NOT_RUNNING_INTERNAL);
VRC_ROW(offShutdownFlags, VRC_IN_SHUTOFF, VRC_OP_SHUTDOWN_FLAGS, VIR_ERR_INTERNAL_ERROR,
        VRC_NOT_RUNNING_INTERNAL);
VRC_ROW(offReboot, VRC_IN_SHUTOFF, VRC_OP_REBOOT, VIR_ERR_OPERATION_INVALID, VRC_NOT_RUNNING);
VRC_ROW(offReset, VRC_IN_SHUTOFF, VRC_OP_RESET, VIR_ERR_OPERATION_INVALID, VRC_NOT_RUNNING);
VRC_ROW(offSave, VRC_IN_SHUTOFF, VRC_OP_SAVE, VIR_ERR_OPERATION_INVALID, VRC_NOT_RUNNING);
VRC_ROW(offManagedSave, VRC_IN_SHUTOFF, VRC_OP_MANAGED_SAVE, VIR_ERR_OPERATION_INVALID,
        VRC_NOT_RUNNING);
VRC_ROW(offSetVcpus, VRC_IN_SHUTOFF, VRC_OP_SET_VCPUS, VIR_ERR_OPERATION_INVALID,
        VRC_NOT_RUNNING);
VRC_ROW(offSetVcpusLive, VRC_IN_SHUTOFF, VRC_OP_SET_VCPUS_LIVE, VIR_ERR_OPERATION_INVALID,
        VRC_NOT_RUNNING);
VRC_ROW(offSetMemory, VRC_IN_SHUTOFF, VRC_OP_SET_MEMORY, VIR_ERR_OPERATION_INVALID,
        VRC_NOT_RUNNING);
VRC_ROW(offSetMemoryLive, VRC_IN_SHUTOFF, VRC_OP_SET_MEMORY_LIVE, VIR_ERR_OPERATION_INVALID,
        VRC_NOT_RUNNING);
VRC_ROW(offGetVcpusLive, VRC_IN_SHUTOFF, VRC_OP_GET_VCPUS_LIVE, VIR_ERR_OPERATION_INVALID,
        VRC_NOT_RUNNING);
VRC_ROW(offGetMaxVcpus, VRC_IN_SHUTOFF, VRC_OP_GET_MAX_VCPUS, VIR_ERR_OPERATION_INVALID,
        VRC_NOT_RUNNING);
VRC_ROW(offGetVcpus, VRC_IN_SHUTOFF, VRC_OP_GET_VCPUS, VIR_ERR_OPERATION_INVALID,
        "Requested operation is not valid: cannot list vcpus for an inactive domain");
VRC_ROW(offPinVcpu, VRC_IN_SHUTOFF, VRC_OP_PIN_VCPU, VIR_ERR_OPERATION_INVALID,
        "Requested operation is not valid: cannot pin vcpus on an inactive domain");
VRC_ROW(offCoreDump, VRC_IN_SHUTOFF, VRC_OP_CORE_DUMP, VIR_ERR_OPERATION_INVALID,
        VRC_NOT_RUNNING);
VRC_ROW(offSendKey, VRC_IN_SHUTOFF, VRC_OP_SEND_KEY, VIR_ERR_OPERATION_INVALID,
        VRC_NOT_RUNNING);
VRC_ROW(runCreate, VRC_IN_RUNNING, VRC_OP_CREATE, VIR_ERR_INTERNAL_ERROR, VRC_ALREADY_RUNNING);
VRC_ROW(runCreateFlags, VRC_IN_RUNNING, VRC_OP_CREATE_FLAGS, VIR_ERR_INTERNAL_ERROR,
        VRC_ALREADY_RUNNING);
VRC_ROW(runResume, VRC_IN_RUNNING, VRC_OP_RESUME, VIR_ERR_INTERNAL_ERROR,
        VRC_NOT_PAUSED_INTERNAL);
VRC_ROW(runSetMaxMemory, VRC_IN_RUNNING, VRC_OP_SET_MAX_MEMORY, VIR_ERR_OPERATION_INVALID,
        VRC_MAXMEM_ACTIVE);
VRC_ROW(runSetMaxMemoryLive, VRC_IN_RUNNING, VRC_OP_SET_MAX_MEMORY_LIVE,
        VIR_ERR_OPERATION_INVALID, VRC_MAXMEM_ACTIVE);
VRC_ROW(pausedCreate, VRC_IN_PAUSED, VRC_OP_CREATE, VIR_ERR_INTERNAL_ERROR,
        VRC_ALREADY_RUNNING);
VRC_ROW(pausedSuspend, VRC_IN_PAUSED, VRC_OP_SUSPEND, VIR_ERR_INTERNAL_ERROR,
        VRC_NOT_RUNNING_INTERNAL);
VRC_ROW(pausedSetMaxMemory, VRC_IN_PAUSED, VRC_OP_SET_MAX_MEMORY, VIR_ERR_OPERATION_INVALID,
        VRC_MAXMEM_ACTIVE);
VRC_ROW(transCreate, VRC_IN_TRANSIENT_RUNNING, VRC_OP_CREATE, VIR_ERR_INTERNAL_ERROR,
        VRC_ALREADY_RUNNING);
VRC_ROW(transResume, VRC_IN_TRANSIENT_RUNNING, VRC_OP_RESUME, VIR_ERR_INTERNAL_ERROR,
        VRC_NOT_PAUSED_INTERNAL);
VRC_ROW(transManagedSave, VRC_IN_TRANSIENT_RUNNING, VRC_OP_MANAGED_SAVE,
        VIR_ERR_OPERATION_INVALID, VRC_MSAVE_TRANSIENT);
VRC_ROW(transPausedManagedSave, VRC_IN_TRANSIENT_PAUSED, VRC_OP_MANAGED_SAVE,
        VIR_ERR_OPERATION_INVALID, VRC_MSAVE_TRANSIENT);
VRC_ROW(transPausedSuspend, VRC_IN_TRANSIENT_PAUSED, VRC_OP_SUSPEND, VIR_ERR_INTERNAL_ERROR,
        VRC_NOT_RUNNING_INTERNAL);
#undef VRC_ROW

#define VRC_INVALID(num, name, purpose, row) \
    { "domain/" num "-invalid-" name, "states", purpose, vrcInvalidOp, 0, &vrcRow_##row }

const vrcCase vrcCasesStates[] = {
    VRC_INVALID("200", "suspend-shutoff", "Suspend of a shut-off domain", offSuspend),
    VRC_INVALID("201", "resume-shutoff", "Resume of a shut-off domain", offResume),
    VRC_INVALID("202", "destroy-shutoff", "Destroy of a shut-off domain", offDestroy),
    VRC_INVALID("203", "destroyflags-shutoff", "DestroyFlags of a shut-off domain",
                offDestroyFlags),
    VRC_INVALID("204", "shutdown-shutoff", "Shutdown of a shut-off domain", offShutdown),
    VRC_INVALID("205", "shutdownflags-shutoff", "ShutdownFlags of a shut-off domain",
                offShutdownFlags),
    VRC_INVALID("206", "reboot-shutoff", "Reboot of a shut-off domain", offReboot),
    VRC_INVALID("207", "reset-shutoff", "Reset of a shut-off domain", offReset),
    VRC_INVALID("208", "save-shutoff", "Save of a shut-off domain", offSave),
    VRC_INVALID("209", "managedsave-shutoff", "ManagedSave of a shut-off domain",
                offManagedSave),
    VRC_INVALID("210", "setvcpus-shutoff", "SetVcpus (live) of a shut-off domain",
                offSetVcpus),
    VRC_INVALID("211", "setvcpus-live-shutoff", "SetVcpusFlags(LIVE) of a shut-off domain",
                offSetVcpusLive),
    VRC_INVALID("212", "setmemory-shutoff", "SetMemory (live) of a shut-off domain",
                offSetMemory),
    VRC_INVALID("213", "setmemory-live-shutoff", "SetMemoryFlags(LIVE) of a shut-off domain",
                offSetMemoryLive),
    VRC_INVALID("214", "getvcpus-live-shutoff", "GetVcpusFlags(LIVE) of a shut-off domain",
                offGetVcpusLive),
    VRC_INVALID("215", "getmaxvcpus-shutoff", "GetMaxVcpus of a shut-off domain",
                offGetMaxVcpus),
    VRC_INVALID("216", "getvcpuinfo-shutoff", "GetVcpus of a shut-off domain", offGetVcpus),
    VRC_INVALID("217", "pinvcpu-shutoff", "PinVcpu of a shut-off domain", offPinVcpu),
    VRC_INVALID("218", "coredump-shutoff", "CoreDump of a shut-off domain", offCoreDump),
    VRC_INVALID("219", "sendkey-shutoff", "SendKey to a shut-off domain", offSendKey),
    VRC_INVALID("230", "create-running", "Create of a running domain", runCreate),
    VRC_INVALID("231", "createflags-running", "CreateWithFlags of a running domain",
                runCreateFlags),
    VRC_INVALID("232", "resume-running", "Resume of a running domain", runResume),
    VRC_INVALID("233", "setmaxmemory-running", "SetMaxMemory of a running domain",
                runSetMaxMemory),
    VRC_INVALID("234", "setmaxmemory-live-running",
                "SetMemoryFlags(MAXIMUM|LIVE) of a running domain", runSetMaxMemoryLive),
    VRC_INVALID("240", "create-paused", "Create of a paused domain", pausedCreate),
    VRC_INVALID("241", "suspend-paused", "Suspend of a paused domain", pausedSuspend),
    VRC_INVALID("242", "setmaxmemory-paused", "SetMaxMemory of a paused domain",
                pausedSetMaxMemory),
    VRC_INVALID("250", "create-transient", "Create of a running transient domain",
                transCreate),
    VRC_INVALID("251", "resume-transient", "Resume of a running transient domain",
                transResume),
    VRC_INVALID("252", "managedsave-transient", "ManagedSave of a transient domain",
                transManagedSave),
    VRC_INVALID("253", "managedsave-transient-paused",
                "ManagedSave of a paused transient domain", transPausedManagedSave),
    VRC_INVALID("254", "suspend-transient-paused", "Suspend of a paused transient domain",
                transPausedSuspend),
};
const size_t vrcCasesStatesCount = VRC_COUNT(vrcCasesStates);
