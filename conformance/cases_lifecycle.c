/* conformance/cases_lifecycle.c: transient and persistent lifecycles,
 * autostart, and redefinition of existing names (libvirt-tck's domain
 * lifecycle skeleton), each asserting state, flags and exact errors. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <stdio.h>
#include <string.h>

#include "conform.h"

#define VRC_MEM_SMALL_KIB 524288UL
#define VRC_MEM_LARGE_KIB 2097152UL
#define VRC_RESTART_CYCLES 3

static int
vrcTransientLifecycle(vrcCtx *ctx)
{
    virDomainPtr dom;
    unsigned int id;

    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-t1", NULL));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    VRC_CHECK(vrcExpectFlags(ctx, dom, 1, 0));
    vrcStep(ctx, "virDomainGetID(conform-t1)");
    id = virDomainGetID(dom);
    VRC_EXPECT(ctx, id != (unsigned int)-1 && id != 0, "running domain has id %d", (int)id);
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_GONE(ctx, "conform-t1");
    VRC_ERR(ctx, virDomainGetState(dom, &(int){0}, NULL, 0), VIR_ERR_NO_DOMAIN,
            VRC_MSG_NO_DOMAIN);
    return 0;
}

static int
vrcTransientSuspendResume(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-t1", NULL));
    VRC_OK(ctx, virDomainSuspend(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_PAUSED, VIR_DOMAIN_PAUSED_USER);
    VRC_CHECK(vrcExpectFlags(ctx, dom, 1, 0));
    VRC_OK(ctx, virDomainResume(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_UNPAUSED);
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_GONE(ctx, "conform-t1");
    return 0;
}

static int
vrcTransientShutdown(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-t1", NULL));
    VRC_OK(ctx, virDomainShutdown(dom));
    VRC_GONE(ctx, "conform-t1");
    return 0;
}

static int
vrcTransientReboot(vrcCtx *ctx)
{
    virDomainPtr dom, again;
    unsigned int id;

    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-t1", NULL));
    id = virDomainGetID(dom);
    VRC_OK(ctx, virDomainReboot(dom, 0));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    VRC_NEED(again, vrcLookup(ctx, "conform-t1"));
    VRC_EXPECT_INT(ctx, "id after reboot", virDomainGetID(again), id);
    VRC_OK(ctx, virDomainReset(dom, 0));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    VRC_CHECK(vrcExpectFlags(ctx, dom, 1, 0));
    return 0;
}

static int
vrcTransientDestroyFlags(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-t1", NULL));
    VRC_OK(ctx, virDomainDestroyFlags(dom, 0));
    VRC_GONE(ctx, "conform-t1");
    VRC_ERR(ctx, virDomainDestroyFlags(dom, 0), VIR_ERR_NO_DOMAIN, VRC_MSG_NO_DOMAIN);
    return 0;
}

/* A transient domain can be created again under the same name once gone. */
static int
vrcTransientRecreate(vrcCtx *ctx)
{
    virDomainPtr dom;
    int i;

    for (i = 0; i < VRC_RESTART_CYCLES; i++) {
        VRC_NEED(dom, vrcCreateTransient(ctx, "conform-t1", NULL));
        VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
        VRC_OK(ctx, virDomainDestroy(dom));
        VRC_GONE(ctx, "conform-t1");
    }
    return 0;
}

static int
vrcTransientStaleHandle(vrcCtx *ctx)
{
    virDomainPtr dom;
    char uuid[VIR_UUID_STRING_BUFLEN];

    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-t1", NULL));
    VRC_OK(ctx, virDomainDestroy(dom));
    /* Name and UUID are properties of the handle; live calls fail. */
    VRC_EXPECT_STR(ctx, "virDomainGetName", virDomainGetName(dom), "conform-t1");
    VRC_OK(ctx, virDomainGetUUIDString(dom, uuid));
    VRC_ERR(ctx, virDomainIsActive(dom), VIR_ERR_NO_DOMAIN, VRC_MSG_NO_DOMAIN);
    VRC_ERR(ctx, virDomainGetInfo(dom, &(virDomainInfo){0}), VIR_ERR_NO_DOMAIN,
            VRC_MSG_NO_DOMAIN);
    VRC_ERR_STR(ctx, virDomainGetXMLDesc(dom, 0), VIR_ERR_NO_DOMAIN, VRC_MSG_NO_DOMAIN);
    VRC_ERR(ctx, virDomainSuspend(dom), VIR_ERR_NO_DOMAIN, VRC_MSG_NO_DOMAIN);
    return 0;
}

static int
vrcPersistentLifecycle(vrcCtx *ctx)
{
    virDomainPtr dom, again;

    VRC_NEED(dom, vrcDefine(ctx, "conform-p1", NULL));
    VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_UNKNOWN);
    VRC_CHECK(vrcExpectFlags(ctx, dom, 0, 1));
    VRC_EXPECT_INT(ctx, "virDomainGetID of an inactive domain", (int)virDomainGetID(dom), -1);
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    VRC_CHECK(vrcExpectFlags(ctx, dom, 1, 1));
    VRC_NEED(again, vrcLookup(ctx, "conform-p1"));
    VRC_EXPECT_INT(ctx, "handle id after virDomainCreate", (int)virDomainGetID(dom),
                   (int)virDomainGetID(again));
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_DESTROYED);
    VRC_CHECK(vrcExpectFlags(ctx, dom, 0, 1));
    VRC_NEED(again, vrcLookup(ctx, "conform-p1"));
    VRC_OK(ctx, virDomainUndefine(dom));
    VRC_GONE(ctx, "conform-p1");
    return 0;
}

static int
vrcPersistentShutdown(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-p1"));
    VRC_OK(ctx, virDomainShutdown(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_SHUTDOWN);
    VRC_CHECK(vrcExpectFlags(ctx, dom, 0, 1));
    VRC_OK(ctx, virDomainUndefineFlags(dom, 0));
    VRC_GONE(ctx, "conform-p1");
    return 0;
}

static int
vrcPersistentRestart(vrcCtx *ctx)
{
    virDomainPtr dom;
    int i;

    VRC_NEED(dom, vrcDefine(ctx, "conform-p1", NULL));
    for (i = 0; i < VRC_RESTART_CYCLES; i++) {
        VRC_OK(ctx, virDomainCreateWithFlags(dom, 0));
        VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
        VRC_OK(ctx, virDomainDestroyFlags(dom, 0));
        VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_DESTROYED);
    }
    return 0;
}

static int
vrcPersistentUndefineRunning(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-p1"));
    VRC_OK(ctx, virDomainUndefine(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    VRC_CHECK(vrcExpectFlags(ctx, dom, 1, 0));
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_GONE(ctx, "conform-p1");
    return 0;
}

/* A persistent definition over a running transient domain makes it
 * persistent; the live definition is kept until it stops. */
static int
vrcDefineOverTransient(vrcCtx *ctx)
{
    const char *uuid = vrcUuid(ctx, 1);
    virDomainPtr dom, def;

    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-t1",
                                     vrcXml(ctx, "conform-t1", uuid, VRC_MEM_KIB, 2, NULL)));
    VRC_NEED(def, vrcDefine(ctx, "conform-t1",
                            vrcXml(ctx, "conform-t1", uuid, VRC_MEM_SMALL_KIB, 2, NULL)));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    VRC_CHECK(vrcExpectFlags(ctx, dom, 1, 1));
    VRC_EXPECT_ULONG(ctx, virDomainGetMaxMemory(dom), VRC_MEM_KIB);
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_DESTROYED);
    VRC_CHECK(vrcExpectFlags(ctx, dom, 0, 1));
    VRC_EXPECT_ULONG(ctx, virDomainGetMaxMemory(dom), VRC_MEM_SMALL_KIB);
    return 0;
}

static int
vrcDefineWhileRunning(vrcCtx *ctx)
{
    virDomainPtr dom;
    const char *uuid = vrcUuid(ctx, 1);
    char *xml;
    char mem[64];

    VRC_NEED(dom, vrcDefine(ctx, "conform-p1",
                            vrcXml(ctx, "conform-p1", uuid, VRC_MEM_KIB, 2, NULL)));
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_NEED(dom, vrcDefine(ctx, "conform-p1",
                            vrcXml(ctx, "conform-p1", uuid, VRC_MEM_SMALL_KIB, 2, NULL)));
    VRC_EXPECT_ULONG(ctx, virDomainGetMaxMemory(dom), VRC_MEM_KIB);
    VRC_STR(ctx, xml, virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));
    VRC_CHECK(vrcXmlValue(ctx, xml, "<memory unit='KiB'>", "<", mem, sizeof(mem)));
    VRC_EXPECT_STR(ctx, "inactive <memory>", mem, "524288");
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_EXPECT_ULONG(ctx, virDomainGetMaxMemory(dom), VRC_MEM_SMALL_KIB);
    return 0;
}

/* CreateXML under the name and UUID of an inactive persistent domain starts
 * that domain with the given definition; the persistent one comes back. */
static int
vrcCreateOverInactive(vrcCtx *ctx)
{
    const char *uuid = vrcUuid(ctx, 1);
    virDomainPtr dom, live;

    VRC_NEED(dom, vrcDefine(ctx, "conform-p1",
                            vrcXml(ctx, "conform-p1", uuid, VRC_MEM_KIB, 2, NULL)));
    VRC_NEED(live, vrcCreateTransient(ctx, "conform-p1",
                                      vrcXml(ctx, "conform-p1", uuid, VRC_MEM_SMALL_KIB,
                                             2, NULL)));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    VRC_CHECK(vrcExpectFlags(ctx, dom, 1, 1));
    VRC_EXPECT_ULONG(ctx, virDomainGetMaxMemory(live), VRC_MEM_SMALL_KIB);
    VRC_OK(ctx, virDomainDestroy(live));
    VRC_CHECK(vrcExpectFlags(ctx, dom, 0, 1));
    VRC_EXPECT_ULONG(ctx, virDomainGetMaxMemory(dom), VRC_MEM_KIB);
    return 0;
}

static int
vrcUndefineRedefine(vrcCtx *ctx)
{
    virDomainPtr dom;
    int autostart = -1;

    VRC_NEED(dom, vrcDefine(ctx, "conform-p1", NULL));
    VRC_OK(ctx, virDomainSetAutostart(dom, 1));
    VRC_OK(ctx, virDomainUndefine(dom));
    VRC_GONE(ctx, "conform-p1");
    VRC_NEED(dom, vrcDefine(ctx, "conform-p1", NULL));
    VRC_OK(ctx, virDomainGetAutostart(dom, &autostart));
    VRC_EXPECT_INT(ctx, "autostart of the new definition", autostart, 0);
    VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_UNKNOWN);
    return 0;
}

/* ---- autostart ---- */

static int
vrcAutostartDefault(vrcCtx *ctx)
{
    virDomainPtr dom;
    int autostart = -1;

    VRC_NEED(dom, vrcDefine(ctx, "conform-a1", NULL));
    VRC_OK(ctx, virDomainGetAutostart(dom, &autostart));
    VRC_EXPECT_INT(ctx, "autostart", autostart, 0);
    return 0;
}

static int
vrcAutostartSetGet(vrcCtx *ctx)
{
    virDomainPtr dom;
    int autostart = -1;

    VRC_NEED(dom, vrcDefine(ctx, "conform-a1", NULL));
    VRC_OK(ctx, virDomainSetAutostart(dom, 1));
    VRC_OK(ctx, virDomainGetAutostart(dom, &autostart));
    VRC_EXPECT_INT(ctx, "autostart after set 1", autostart, 1);
    VRC_OK(ctx, virDomainSetAutostart(dom, 0));
    VRC_OK(ctx, virDomainGetAutostart(dom, &autostart));
    VRC_EXPECT_INT(ctx, "autostart after set 0", autostart, 0);
    return 0;
}

static int
vrcAutostartNonzero(vrcCtx *ctx)
{
    virDomainPtr dom;
    int autostart = -1;

    VRC_NEED(dom, vrcDefine(ctx, "conform-a1", NULL));
    VRC_OK(ctx, virDomainSetAutostart(dom, 5));
    VRC_OK(ctx, virDomainGetAutostart(dom, &autostart));
    VRC_EXPECT_INT(ctx, "autostart after set 5", autostart, 1);
    return 0;
}

static int
vrcAutostartAcrossLifecycle(vrcCtx *ctx)
{
    virDomainPtr dom;
    int autostart = -1;
    const char *uuid = vrcUuid(ctx, 1);

    VRC_NEED(dom, vrcDefine(ctx, "conform-a1",
                            vrcXml(ctx, "conform-a1", uuid, VRC_MEM_KIB, 2, NULL)));
    VRC_OK(ctx, virDomainSetAutostart(dom, 1));
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_OK(ctx, virDomainGetAutostart(dom, &autostart));
    VRC_EXPECT_INT(ctx, "autostart while running", autostart, 1);
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_OK(ctx, virDomainGetAutostart(dom, &autostart));
    VRC_EXPECT_INT(ctx, "autostart after destroy", autostart, 1);
    VRC_NEED(dom, vrcDefine(ctx, "conform-a1",
                            vrcXml(ctx, "conform-a1", uuid, VRC_MEM_KIB, 2, NULL)));
    VRC_OK(ctx, virDomainGetAutostart(dom, &autostart));
    VRC_EXPECT_INT(ctx, "autostart after redefine", autostart, 1);
    return 0;
}

static int
vrcAutostartRunning(vrcCtx *ctx)
{
    virDomainPtr dom;
    int autostart = -1;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-a1"));
    VRC_OK(ctx, virDomainSetAutostart(dom, 1));
    VRC_OK(ctx, virDomainGetAutostart(dom, &autostart));
    VRC_EXPECT_INT(ctx, "autostart", autostart, 1);
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    return 0;
}

/* libvirt's test driver (and vireo's sim) accept autostart on a transient
 * domain; qemu refuses with VIR_ERR_OPERATION_INVALID (see deviations). */
static int
vrcAutostartTransient(vrcCtx *ctx)
{
    virDomainPtr dom;
    int autostart = -1;

    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-a1", NULL));
    VRC_OK(ctx, virDomainSetAutostart(dom, 1));
    VRC_OK(ctx, virDomainGetAutostart(dom, &autostart));
    VRC_EXPECT_INT(ctx, "autostart", autostart, 1);
    VRC_CHECK(vrcExpectFlags(ctx, dom, 1, 0));
    return 0;
}

/* ---- redefine ---- */

static int
vrcRedefineUpdate(vrcCtx *ctx)
{
    const char *uuid = vrcUuid(ctx, 1);
    virDomainPtr dom, upd;
    char got[VIR_UUID_STRING_BUFLEN];

    VRC_NEED(dom, vrcDefine(ctx, "conform-r1",
                            vrcXml(ctx, "conform-r1", uuid, VRC_MEM_KIB, 2, NULL)));
    VRC_NEED(upd, vrcDefine(ctx, "conform-r1",
                            vrcXml(ctx, "conform-r1", uuid, VRC_MEM_LARGE_KIB, 2, NULL)));
    VRC_EXPECT_ULONG(ctx, virDomainGetMaxMemory(dom), VRC_MEM_LARGE_KIB);
    VRC_OK(ctx, virDomainGetUUIDString(upd, got));
    VRC_EXPECT_STR(ctx, "uuid", got, uuid);
    VRC_LIST(ctx, 0, "conform-r1");
    return 0;
}

static int
vrcRedefineNameOtherUuid(vrcCtx *ctx)
{
    const char *u1 = vrcUuid(ctx, 1), *u2 = vrcUuid(ctx, 2);
    virDomainPtr dom;
    char got[VIR_UUID_STRING_BUFLEN];

    VRC_NEED(dom, vrcDefine(ctx, "conform-r1",
                            vrcXml(ctx, "conform-r1", u1, VRC_MEM_KIB, 2, NULL)));
    VRC_ERR_DOM(ctx, virDomainDefineXML(ctx->conn,
                                        vrcXml(ctx, "conform-r1", u2, VRC_MEM_KIB, 2, NULL)),
                VIR_ERR_OPERATION_FAILED,
                vrcPrintf(ctx, "operation failed: domain 'conform-r1' already exists "
                          "with uuid %s", u1));
    VRC_OK(ctx, virDomainGetUUIDString(dom, got));
    VRC_EXPECT_STR(ctx, "uuid", got, u1);
    VRC_LIST(ctx, 0, "conform-r1");
    return 0;
}

static int
vrcRedefineUuidOtherName(vrcCtx *ctx)
{
    const char *u1 = vrcUuid(ctx, 1);
    virDomainPtr dom;

    VRC_NEED(dom, vrcDefine(ctx, "conform-r1",
                            vrcXml(ctx, "conform-r1", u1, VRC_MEM_KIB, 2, NULL)));
    VRC_ERR_DOM(ctx, virDomainDefineXML(ctx->conn,
                                        vrcXml(ctx, "conform-r2", u1, VRC_MEM_KIB, 2, NULL)),
                VIR_ERR_OPERATION_FAILED,
                vrcPrintf(ctx, "operation failed: domain 'conform-r1' is already defined "
                          "with uuid %s", u1));
    VRC_GONE(ctx, "conform-r2");
    VRC_LIST(ctx, 0, "conform-r1");
    return 0;
}

/* Without a <uuid> every definition gets a new one, so the second define of
 * the same name is a name clash. */
static int
vrcRedefineWithoutUuid(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcDefine(ctx, "conform-r1", NULL));
    VRC_ERR_DOM(ctx, virDomainDefineXML(ctx->conn, vrcXmlSimple(ctx, "conform-r1")),
                VIR_ERR_OPERATION_FAILED,
                "operation failed: domain 'conform-r1' already exists with uuid *");
    VRC_LIST(ctx, 0, "conform-r1");
    return 0;
}

static int
vrcRedefineRunningOtherUuid(vrcCtx *ctx)
{
    const char *u1 = vrcUuid(ctx, 1), *u2 = vrcUuid(ctx, 2);
    virDomainPtr dom;

    VRC_NEED(dom, vrcDefine(ctx, "conform-r1",
                            vrcXml(ctx, "conform-r1", u1, VRC_MEM_KIB, 2, NULL)));
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_ERR_DOM(ctx, virDomainDefineXML(ctx->conn,
                                        vrcXml(ctx, "conform-r1", u2, VRC_MEM_KIB, 2, NULL)),
                VIR_ERR_OPERATION_FAILED,
                vrcPrintf(ctx, "operation failed: domain 'conform-r1' already exists "
                          "with uuid %s", u1));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    return 0;
}

/* libvirt's test driver (and vireo's sim) let virDomainUndefine succeed on a
 * transient domain and leave it running; qemu refuses (see deviations). */
static int
vrcUndefineTransient(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-t1", NULL));
    VRC_OK(ctx, virDomainUndefine(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    VRC_CHECK(vrcExpectFlags(ctx, dom, 1, 0));
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_GONE(ctx, "conform-t1");
    return 0;
}

const vrcCase vrcCasesLifecycle[] = {
    { "domain/010-transient-lifecycle", "lifecycle",
      "CreateXML -> running/booted, active, transient -> Destroy -> gone", vrcTransientLifecycle },
    { "domain/012-transient-suspend-resume", "lifecycle",
      "a transient domain pauses (paused/user) and resumes (running/unpaused)",
      vrcTransientSuspendResume },
    { "domain/014-transient-shutdown", "lifecycle",
      "Shutdown of a transient domain removes it", vrcTransientShutdown },
    { "domain/016-transient-reboot-reset", "lifecycle",
      "Reboot and Reset keep a domain running with the same id", vrcTransientReboot },
    { "domain/018-transient-destroy-flags", "lifecycle",
      "DestroyFlags(0) removes a transient domain; a second one finds nothing",
      vrcTransientDestroyFlags },
    { "domain/020-transient-recreate", "lifecycle",
      "a transient name can be created again after it is gone", vrcTransientRecreate },
    { "domain/022-transient-stale-handle", "lifecycle",
      "a handle to a destroyed transient domain keeps name/uuid, live calls fail",
      vrcTransientStaleHandle },
    { "domain/060-persistent-lifecycle", "lifecycle",
      "Define -> Start -> Destroy -> still defined -> Undefine -> gone", vrcPersistentLifecycle },
    { "domain/062-persistent-shutdown", "lifecycle",
      "Shutdown stops a persistent domain (shutoff/shutdown) and keeps it defined",
      vrcPersistentShutdown },
    { "domain/064-persistent-restart", "lifecycle",
      "a persistent domain starts and stops repeatedly", vrcPersistentRestart },
    { "domain/066-persistent-undefine-running", "lifecycle",
      "Undefine of a running domain makes it transient; Destroy then removes it",
      vrcPersistentUndefineRunning },
    { "domain/068-define-over-running-transient", "lifecycle",
      "Define over a running transient domain makes it persistent, live config kept",
      vrcDefineOverTransient },
    { "domain/070-define-while-running", "lifecycle",
      "Define of a running domain changes only the inactive definition",
      vrcDefineWhileRunning },
    { "domain/072-create-over-inactive", "lifecycle",
      "CreateXML with the name and uuid of an inactive domain starts it", vrcCreateOverInactive },
    { "domain/074-undefine-redefine", "lifecycle",
      "a name can be defined again after Undefine, with fresh autostart", vrcUndefineRedefine },
    { "domain/076-undefine-transient", "lifecycle",
      "Undefine of a transient domain succeeds and leaves it running (test driver)",
      vrcUndefineTransient },
    { "domain/080-autostart-default", "autostart",
      "a new definition has autostart off", vrcAutostartDefault },
    { "domain/081-autostart-set-get", "autostart",
      "SetAutostart 1 / 0 is read back by GetAutostart", vrcAutostartSetGet },
    { "domain/082-autostart-nonzero", "autostart",
      "SetAutostart with any non-zero value reads back as 1", vrcAutostartNonzero },
    { "domain/083-autostart-lifecycle", "autostart",
      "autostart survives start, destroy and redefine", vrcAutostartAcrossLifecycle },
    { "domain/084-autostart-running", "autostart",
      "autostart can be set on a running persistent domain", vrcAutostartRunning },
    { "domain/085-autostart-transient", "autostart",
      "SetAutostart on a transient domain is accepted (test driver)", vrcAutostartTransient },
    { "domain/090-redefine-update", "redefine",
      "Define of an existing name with its uuid updates the definition", vrcRedefineUpdate },
    { "domain/091-redefine-name-other-uuid", "redefine",
      "Define of an existing name with another uuid fails, nothing changes",
      vrcRedefineNameOtherUuid },
    { "domain/092-redefine-uuid-other-name", "redefine",
      "Define of an existing uuid with another name fails, nothing changes",
      vrcRedefineUuidOtherName },
    { "domain/093-redefine-without-uuid", "redefine",
      "a second Define of a name without <uuid> is a name clash", vrcRedefineWithoutUuid },
    { "domain/094-redefine-running-other-uuid", "redefine",
      "Define of a running domain's name with another uuid fails, it keeps running",
      vrcRedefineRunningOtherUuid },
};
const size_t vrcCasesLifecycleCount = VRC_COUNT(vrcCasesLifecycle);
