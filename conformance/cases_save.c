/* conformance/cases_save.c: save/restore and managed save with the state
 * and reason after each step, and GetState reasons after every transition
 * (table driven: a short script of operations, then the expected state). */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <stdio.h>
#include <string.h>

#include "conform.h"

#define VRC_SCRIPT_MAX 8

static int
vrcSaveRestore(vrcCtx *ctx)
{
    const char *path = vrcSavePath(ctx, "conform-v1.save");
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-v1"));
    VRC_OK(ctx, virDomainSave(dom, path));
    VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SAVED);
    VRC_CHECK(vrcExpectFlags(ctx, dom, 0, 1));
    VRC_OK(ctx, virDomainRestore(ctx->conn, path));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_RESTORED);
    VRC_CHECK(vrcExpectFlags(ctx, dom, 1, 1));
    return 0;
}

/* libvirt's test driver (and vireo's sim) restore a paused save image as
 * running; qemu restores it paused (see deviations). */
static int
vrcSaveRestorePaused(vrcCtx *ctx)
{
    const char *path = vrcSavePath(ctx, "conform-v1.save");
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-v1"));
    VRC_OK(ctx, virDomainSuspend(dom));
    VRC_OK(ctx, virDomainSave(dom, path));
    VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SAVED);
    VRC_OK(ctx, virDomainRestore(ctx->conn, path));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_RESTORED);
    return 0;
}

static int
vrcSaveTransient(vrcCtx *ctx)
{
    const char *path = vrcSavePath(ctx, "conform-v1.save");
    virDomainPtr dom, back;

    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-v1", NULL));
    VRC_OK(ctx, virDomainSave(dom, path));
    VRC_GONE(ctx, "conform-v1");
    VRC_OK(ctx, virDomainRestore(ctx->conn, path));
    VRC_NEED(back, vrcLookup(ctx, "conform-v1"));
    VRC_STATE(ctx, back, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_RESTORED);
    VRC_CHECK(vrcExpectFlags(ctx, back, 1, 0));
    return 0;
}

static int
vrcRestoreActive(vrcCtx *ctx)
{
    const char *path = vrcSavePath(ctx, "conform-v1.save");
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-v1"));
    VRC_OK(ctx, virDomainSave(dom, path));
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_ERR(ctx, virDomainRestore(ctx->conn, path), VIR_ERR_OPERATION_INVALID,
            "Requested operation is not valid: domain 'conform-v1' is already active");
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    return 0;
}

static int
vrcRestoreMissing(vrcCtx *ctx)
{
    const char *path = vrcSavePath(ctx, "conform-missing.save");

    VRC_ERR(ctx, virDomainRestore(ctx->conn, path), VIR_ERR_SYSTEM_ERROR,
            vrcPrintf(ctx, "cannot read domain image '%s'*", path));
    VRC_LIST(ctx, 0, "");
    return 0;
}

static int
vrcRestoreTwice(vrcCtx *ctx)
{
    const char *path = vrcSavePath(ctx, "conform-v1.save");
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-v1"));
    VRC_OK(ctx, virDomainSave(dom, path));
    VRC_OK(ctx, virDomainRestoreFlags(ctx->conn, path, NULL, 0));
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_OK(ctx, virDomainRestoreFlags(ctx->conn, path, NULL, 0));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_RESTORED);
    return 0;
}

/* The image carries the live definition: restore brings back its memory and
 * uuid even after the persistent definition was removed. */
static int
vrcRestoreAfterUndefine(vrcCtx *ctx)
{
    const char *path = vrcSavePath(ctx, "conform-v1.save");
    const char *uuid = vrcUuid(ctx, 1);
    virDomainPtr dom, back;
    char got[VIR_UUID_STRING_BUFLEN];

    VRC_NEED(dom, vrcDefine(ctx, "conform-v1", vrcXml(ctx, "conform-v1", uuid, 524288, 2, NULL)));
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_OK(ctx, virDomainSave(dom, path));
    VRC_OK(ctx, virDomainUndefine(dom));
    VRC_GONE(ctx, "conform-v1");
    VRC_OK(ctx, virDomainRestore(ctx->conn, path));
    VRC_NEED(back, vrcLookup(ctx, "conform-v1"));
    VRC_CHECK(vrcExpectFlags(ctx, back, 1, 0));
    VRC_OK(ctx, virDomainGetUUIDString(back, got));
    VRC_EXPECT_STR(ctx, "uuid", got, uuid);
    VRC_EXPECT_ULONG(ctx, virDomainGetMaxMemory(back), 524288);
    return 0;
}

/* libvirt's test driver (and vireo's sim) report running/booted when a
 * domain starts from its managed save image; qemu says running/restored. */
static int
vrcManagedSave(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-v1"));
    VRC_EXPECT_RET(ctx, virDomainHasManagedSaveImage(dom, 0), 0);
    VRC_OK(ctx, virDomainManagedSave(dom, 0));
    VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SAVED);
    VRC_EXPECT_RET(ctx, virDomainHasManagedSaveImage(dom, 0), 1);
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    VRC_EXPECT_RET(ctx, virDomainHasManagedSaveImage(dom, 0), 0);
    return 0;
}

static int
vrcManagedSavePaused(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-v1"));
    VRC_OK(ctx, virDomainSuspend(dom));
    VRC_OK(ctx, virDomainManagedSave(dom, 0));
    VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SAVED);
    VRC_EXPECT_RET(ctx, virDomainHasManagedSaveImage(dom, 0), 1);
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    return 0;
}

static int
vrcManagedSaveRemove(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-v1"));
    VRC_OK(ctx, virDomainManagedSave(dom, 0));
    VRC_OK(ctx, virDomainManagedSaveRemove(dom, 0));
    VRC_EXPECT_RET(ctx, virDomainHasManagedSaveImage(dom, 0), 0);
    VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SAVED);
    VRC_OK(ctx, virDomainManagedSaveRemove(dom, 0));
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    return 0;
}

static int
vrcManagedSaveUndefine(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-v1"));
    VRC_OK(ctx, virDomainManagedSave(dom, 0));
    VRC_ERR(ctx, virDomainUndefine(dom), VIR_ERR_OPERATION_INVALID,
            "Requested operation is not valid: Refusing to undefine while domain managed "
            "save image exists");
    VRC_CHECK(vrcExpectFlags(ctx, dom, 0, 1));
    VRC_EXPECT_RET(ctx, virDomainHasManagedSaveImage(dom, 0), 1);
    VRC_OK(ctx, virDomainUndefineFlags(dom, VIR_DOMAIN_UNDEFINE_MANAGED_SAVE));
    VRC_GONE(ctx, "conform-v1");
    return 0;
}

static int
vrcManagedSaveTransientImage(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-v1", NULL));
    VRC_EXPECT_RET(ctx, virDomainHasManagedSaveImage(dom, 0), 0);
    return 0;
}

/* ---- GetState reasons after every transition ---- */

typedef enum {
    VRC_DO_END = 0, VRC_DO_DEFINE, VRC_DO_REDEFINE, VRC_DO_CREATE_XML, VRC_DO_START,
    VRC_DO_SUSPEND, VRC_DO_RESUME, VRC_DO_DESTROY, VRC_DO_SHUTDOWN, VRC_DO_REBOOT,
    VRC_DO_SAVE, VRC_DO_RESTORE, VRC_DO_MANAGED_SAVE, VRC_DO_UNDEFINE,
} vrcDo;

typedef struct {
    vrcDo script[VRC_SCRIPT_MAX];
    int state;
    int reason;
} vrcReasonRow;

static int
vrcReasonDo(vrcCtx *ctx, vrcDo what, virDomainPtr *dom)
{
    const char *path = vrcSavePath(ctx, "conform-g1.save");
    const char *xml = vrcXml(ctx, "conform-g1", vrcUuid(ctx, 1), VRC_MEM_KIB, 2, NULL);

    switch (what) {
    case VRC_DO_DEFINE:
    case VRC_DO_REDEFINE: VRC_NEED(*dom, vrcDefine(ctx, "conform-g1", xml)); return 0;
    case VRC_DO_CREATE_XML: VRC_NEED(*dom, vrcCreateTransient(ctx, "conform-g1", xml)); return 0;
    case VRC_DO_START: VRC_OK(ctx, virDomainCreate(*dom)); return 0;
    case VRC_DO_SUSPEND: VRC_OK(ctx, virDomainSuspend(*dom)); return 0;
    case VRC_DO_RESUME: VRC_OK(ctx, virDomainResume(*dom)); return 0;
    case VRC_DO_DESTROY: VRC_OK(ctx, virDomainDestroy(*dom)); return 0;
    case VRC_DO_SHUTDOWN: VRC_OK(ctx, virDomainShutdown(*dom)); return 0;
    case VRC_DO_REBOOT: VRC_OK(ctx, virDomainReboot(*dom, 0)); return 0;
    case VRC_DO_SAVE: VRC_OK(ctx, virDomainSave(*dom, path)); return 0;
    case VRC_DO_RESTORE: VRC_OK(ctx, virDomainRestore(ctx->conn, path)); return 0;
    case VRC_DO_MANAGED_SAVE: VRC_OK(ctx, virDomainManagedSave(*dom, 0)); return 0;
    case VRC_DO_UNDEFINE: VRC_OK(ctx, virDomainUndefine(*dom)); return 0;
    case VRC_DO_END: break;
    }
    return 0;
}

static int
vrcReason(vrcCtx *ctx)
{
    const vrcReasonRow *row = ctx->tc->data;
    virDomainPtr dom = NULL;
    virDomainInfo info;
    int state = -1;
    size_t i;

    for (i = 0; i < VRC_SCRIPT_MAX && row->script[i] != VRC_DO_END; i++)
        VRC_CHECK(vrcReasonDo(ctx, row->script[i], &dom));
    VRC_STATE(ctx, dom, row->state, row->reason);
    VRC_OK(ctx, virDomainGetState(dom, &state, NULL, 0));
    VRC_EXPECT_INT(ctx, "state without reason", state, row->state);
    VRC_OK(ctx, virDomainGetInfo(dom, &info));
    VRC_EXPECT_INT(ctx, "virDomainGetInfo state", info.state, row->state);
    return 0;
}

#define VRC_REASON(name, state, reason, ...) \
    static const vrcReasonRow vrcReason_##name = { { __VA_ARGS__ }, state, reason }
VRC_REASON(defined, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_UNKNOWN, VRC_DO_DEFINE);
VRC_REASON(started, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED, VRC_DO_DEFINE, VRC_DO_START);
VRC_REASON(created, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED, VRC_DO_CREATE_XML);
VRC_REASON(paused, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER, VRC_DO_DEFINE, VRC_DO_START,
           VRC_DO_SUSPEND);
VRC_REASON(resumed, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNPAUSED, VRC_DO_DEFINE,
           VRC_DO_START, VRC_DO_SUSPEND, VRC_DO_RESUME);
VRC_REASON(destroyed, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_DESTROYED, VRC_DO_DEFINE,
           VRC_DO_START, VRC_DO_DESTROY);
VRC_REASON(pausedDestroyed, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_DESTROYED, VRC_DO_DEFINE,
           VRC_DO_START, VRC_DO_SUSPEND, VRC_DO_DESTROY);
VRC_REASON(shutdown, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SHUTDOWN, VRC_DO_DEFINE,
           VRC_DO_START, VRC_DO_SHUTDOWN);
VRC_REASON(saved, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SAVED, VRC_DO_DEFINE, VRC_DO_START,
           VRC_DO_SAVE);
VRC_REASON(restored, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_RESTORED, VRC_DO_DEFINE,
           VRC_DO_START, VRC_DO_SAVE, VRC_DO_RESTORE);
VRC_REASON(managedSaved, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SAVED, VRC_DO_DEFINE,
           VRC_DO_START, VRC_DO_MANAGED_SAVE);
VRC_REASON(managedStarted, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED, VRC_DO_DEFINE,
           VRC_DO_START, VRC_DO_MANAGED_SAVE, VRC_DO_START);
VRC_REASON(rebooted, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED, VRC_DO_DEFINE,
           VRC_DO_START, VRC_DO_SUSPEND, VRC_DO_REBOOT);
VRC_REASON(redefined, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_DESTROYED, VRC_DO_DEFINE,
           VRC_DO_START, VRC_DO_DESTROY, VRC_DO_REDEFINE);
VRC_REASON(restarted, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED, VRC_DO_DEFINE,
           VRC_DO_START, VRC_DO_SHUTDOWN, VRC_DO_START);
VRC_REASON(undefinedRunning, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED, VRC_DO_DEFINE,
           VRC_DO_START, VRC_DO_UNDEFINE);
VRC_REASON(transientPaused, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER, VRC_DO_CREATE_XML,
           VRC_DO_SUSPEND);
VRC_REASON(transientRestored, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNPAUSED,
           VRC_DO_CREATE_XML, VRC_DO_SAVE, VRC_DO_RESTORE, VRC_DO_SUSPEND, VRC_DO_RESUME,
           VRC_DO_SUSPEND, VRC_DO_RESUME);
#undef VRC_REASON

#define VRC_REASON_CASE(num, name, purpose, row) \
    { "domain/" num "-reason-" name, "reasons", purpose, vrcReason, 0, &vrcReason_##row }

const vrcCase vrcCasesSave[] = {
    { "domain/400-save-restore", "save",
      "Save -> shutoff/saved, still defined; Restore -> running/restored", vrcSaveRestore },
    { "domain/401-save-restore-paused", "save",
      "a paused domain saves (shutoff/saved) and restores running (test driver)",
      vrcSaveRestorePaused },
    { "domain/402-save-transient", "save",
      "Save removes a transient domain; Restore brings it back transient", vrcSaveTransient },
    { "domain/403-restore-active", "save",
      "Restore while the domain runs fails: already active; state unchanged",
      vrcRestoreActive },
    { "domain/404-restore-missing", "save",
      "Restore of a missing image fails with VIR_ERR_SYSTEM_ERROR, creates nothing",
      vrcRestoreMissing },
    { "domain/405-restore-twice", "save",
      "a save image can be restored again (RestoreFlags, flags 0)", vrcRestoreTwice },
    { "domain/406-restore-after-undefine", "save",
      "Restore recreates an undefined domain, transient, with the saved definition",
      vrcRestoreAfterUndefine },
    { "domain/410-managedsave", "save",
      "ManagedSave -> shutoff/saved with an image; Create starts it, image gone",
      vrcManagedSave },
    { "domain/411-managedsave-paused", "save",
      "a paused domain can be managed-saved and started again", vrcManagedSavePaused },
    { "domain/412-managedsave-remove", "save",
      "ManagedSaveRemove drops the image (twice is fine); Create boots afresh",
      vrcManagedSaveRemove },
    { "domain/413-managedsave-undefine", "save",
      "Undefine refuses while an image exists; UNDEFINE_MANAGED_SAVE removes both",
      vrcManagedSaveUndefine },
    { "domain/414-managedsave-transient-image", "save",
      "a transient domain has no managed save image", vrcManagedSaveTransientImage },
    VRC_REASON_CASE("450", "defined", "Define -> shutoff/unknown", defined),
    VRC_REASON_CASE("451", "started", "Create -> running/booted", started),
    VRC_REASON_CASE("452", "created", "CreateXML -> running/booted", created),
    VRC_REASON_CASE("453", "paused", "Suspend -> paused/user", paused),
    VRC_REASON_CASE("454", "resumed", "Resume -> running/unpaused", resumed),
    VRC_REASON_CASE("455", "destroyed", "Destroy -> shutoff/destroyed", destroyed),
    VRC_REASON_CASE("456", "paused-destroyed", "Destroy while paused -> shutoff/destroyed",
                    pausedDestroyed),
    VRC_REASON_CASE("457", "shutdown", "Shutdown -> shutoff/shutdown", shutdown),
    VRC_REASON_CASE("458", "saved", "Save -> shutoff/saved", saved),
    VRC_REASON_CASE("459", "restored", "Restore -> running/restored", restored),
    VRC_REASON_CASE("460", "managedsaved", "ManagedSave -> shutoff/saved", managedSaved),
    VRC_REASON_CASE("461", "managedsave-started",
                    "Create from a managed save image -> running/booted (test driver)",
                    managedStarted),
    VRC_REASON_CASE("462", "rebooted", "Reboot of a paused domain -> running/booted",
                    rebooted),
    VRC_REASON_CASE("463", "redefined", "Define of a stopped domain keeps its reason",
                    redefined),
    VRC_REASON_CASE("464", "restarted", "Create after Shutdown -> running/booted", restarted),
    VRC_REASON_CASE("465", "undefined-running", "Undefine of a running domain keeps its state",
                    undefinedRunning),
    VRC_REASON_CASE("466", "transient-paused", "Suspend of a transient domain -> paused/user",
                    transientPaused),
    VRC_REASON_CASE("467", "transient-restored-cycles",
                    "a restored transient domain that pauses and resumes -> running/unpaused",
                    transientRestored),
};
const size_t vrcCasesSaveCount = VRC_COUNT(vrcCasesSave);
