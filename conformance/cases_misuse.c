/* conformance/cases_misuse.c: calls made wrongly -- NULL arguments, unknown
 * flag bits, read-only connections, closed connections and freed handles --
 * each failing with libvirt's exact code and changing nothing. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <stdio.h>
#include <string.h>

#include "conform.h"

#define VRC_BAD_FLAG (1U << 30)
#define VRC_BAD_FLAG_MSG "unsupported flags (0x40000000) in function *"
#define VRC_BAD_EVENT_ID 999

/* 0 when a call returned a domain (kept for release), -1 when it failed. */
static int
vrcKept(vrcCtx *ctx, virDomainPtr dom)
{
    if (!dom)
        return -1;
    vrcKeepDomain(ctx, dom);
    return 0;
}

/* ---- NULL and out-of-range arguments ---- */

typedef enum {
    VRC_N_GET_TYPE, VRC_N_CREATE, VRC_N_DESTROY, VRC_N_FREE, VRC_N_GET_NAME, VRC_N_GET_XML,
    VRC_N_CLOSE, VRC_N_LIST_ALL, VRC_N_NUM_OF, VRC_N_DEFINE_CONN, VRC_N_DEFINE_XML,
    VRC_N_CREATE_XML, VRC_N_BY_NAME, VRC_N_BY_UUID, VRC_N_BY_UUID_STR, VRC_N_BY_ID,
    VRC_N_STATE, VRC_N_INFO, VRC_N_UUID, VRC_N_UUID_STR, VRC_N_AUTOSTART, VRC_N_SAVE,
    VRC_N_RESTORE, VRC_N_LIST_IDS, VRC_N_LIST_MAX, VRC_N_EVENT_CB, VRC_N_EVENT_ID,
    VRC_N_DEREGISTER, VRC_N_GET_CONNECT, VRC_N_DOMAIN_REF, VRC_N_CONNECT_REF,
} vrcNullCall;

typedef struct {
    vrcNullCall call;
    int code;
    const char *message;
} vrcNullRow;

static void
vrcNeverCb(virConnectPtr conn, virDomainPtr dom, void *opaque)
{
}

static int
vrcNullDo(vrcCtx *ctx, vrcNullCall call, virDomainPtr dom)
{
    virConnectPtr conn = ctx->conn;
    int ids[1], st;
    virDomainPtr *list = NULL;
    unsigned int cb = 0;

#define VRC_RUN(expr) do { vrcStep(ctx, "%s", #expr); return (expr); } while (0)
#define VRC_RUN_PTR(expr) do { vrcStep(ctx, "%s", #expr); return (expr) ? 0 : -1; } while (0)
    switch (call) {
    case VRC_N_GET_TYPE: VRC_RUN_PTR(virConnectGetType(NULL));
    case VRC_N_CREATE: VRC_RUN(virDomainCreate(NULL));
    case VRC_N_DESTROY: VRC_RUN(virDomainDestroy(NULL));
    case VRC_N_FREE: VRC_RUN(virDomainFree(NULL));
    case VRC_N_GET_NAME: VRC_RUN_PTR(virDomainGetName(NULL));
    case VRC_N_GET_XML: VRC_RUN_PTR(virDomainGetXMLDesc(NULL, 0));
    case VRC_N_CLOSE: VRC_RUN(virConnectClose(NULL));
    case VRC_N_LIST_ALL: VRC_RUN(virConnectListAllDomains(NULL, &list, 0));
    case VRC_N_NUM_OF: VRC_RUN(virConnectNumOfDomains(NULL));
    case VRC_N_DEFINE_CONN: VRC_RUN_PTR(virDomainDefineXML(NULL, "<domain/>"));
    case VRC_N_DEFINE_XML: VRC_RUN_PTR(virDomainDefineXML(conn, NULL));
    case VRC_N_CREATE_XML: VRC_RUN_PTR(virDomainCreateXML(conn, NULL, 0));
    case VRC_N_BY_NAME: VRC_RUN_PTR(virDomainLookupByName(conn, NULL));
    case VRC_N_BY_UUID: VRC_RUN_PTR(virDomainLookupByUUID(conn, NULL));
    case VRC_N_BY_UUID_STR: VRC_RUN_PTR(virDomainLookupByUUIDString(conn, NULL));
    case VRC_N_BY_ID: VRC_RUN_PTR(virDomainLookupByID(conn, -1));
    case VRC_N_STATE: VRC_RUN(virDomainGetState(dom, NULL, &st, 0));
    case VRC_N_INFO: VRC_RUN(virDomainGetInfo(dom, NULL));
    case VRC_N_UUID: VRC_RUN(virDomainGetUUID(dom, NULL));
    case VRC_N_UUID_STR: VRC_RUN(virDomainGetUUIDString(dom, NULL));
    case VRC_N_AUTOSTART: VRC_RUN(virDomainGetAutostart(dom, NULL));
    case VRC_N_SAVE: VRC_RUN(virDomainSave(dom, NULL));
    case VRC_N_RESTORE: VRC_RUN(virDomainRestore(conn, NULL));
    case VRC_N_LIST_IDS: VRC_RUN(virConnectListDomains(conn, NULL, 1));
    case VRC_N_LIST_MAX: VRC_RUN(virConnectListDomains(conn, ids, -1));
    case VRC_N_EVENT_CB:
        VRC_RUN(virConnectDomainEventRegisterAny(conn, NULL, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                                 NULL, &cb, NULL));
    case VRC_N_EVENT_ID:
        VRC_RUN(virConnectDomainEventRegisterAny(conn, NULL, VRC_BAD_EVENT_ID,
                                                 VIR_DOMAIN_EVENT_CALLBACK(vrcNeverCb),
                                                 &cb, NULL));
    case VRC_N_DEREGISTER: VRC_RUN(virConnectDomainEventDeregisterAny(conn, -1));
    case VRC_N_GET_CONNECT: VRC_RUN_PTR(virDomainGetConnect(NULL));
    case VRC_N_DOMAIN_REF: VRC_RUN(virDomainRef(NULL));
    case VRC_N_CONNECT_REF: VRC_RUN(virConnectRef(NULL));
    }
#undef VRC_RUN
#undef VRC_RUN_PTR
    return vrcFail(ctx, "unknown call %d", (int)call);
}

static int
vrcNullArg(vrcCtx *ctx)
{
    const vrcNullRow *row = ctx->tc->data;
    virDomainPtr dom;
    int rc;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-n1"));
    rc = vrcNullDo(ctx, row->call, dom);
    VRC_CHECK(vrcCheckError(ctx, rc < 0, row->code, row->message));
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    VRC_LIST(ctx, 0, "conform-n1");
    return 0;
}

#define VRC_NROW(name, call, code, msg) \
    static const vrcNullRow vrcN_##name = { call, code, msg }
#define CONN_MSG(fn) "invalid connection pointer in " fn
#define DOM_MSG(fn) "invalid domain pointer in " fn
VRC_NROW(getType, VRC_N_GET_TYPE, VIR_ERR_INVALID_CONN, CONN_MSG("virConnectGetType"));
VRC_NROW(create, VRC_N_CREATE, VIR_ERR_INVALID_DOMAIN, DOM_MSG("virDomainCreate"));
VRC_NROW(destroy, VRC_N_DESTROY, VIR_ERR_INVALID_DOMAIN, DOM_MSG("virDomainDestroy"));
VRC_NROW(freeDom, VRC_N_FREE, VIR_ERR_INVALID_DOMAIN, DOM_MSG("virDomainFree"));
VRC_NROW(getName, VRC_N_GET_NAME, VIR_ERR_INVALID_DOMAIN, DOM_MSG("virDomainGetName"));
VRC_NROW(getXml, VRC_N_GET_XML, VIR_ERR_INVALID_DOMAIN, DOM_MSG("virDomainGetXMLDesc"));
VRC_NROW(close, VRC_N_CLOSE, VIR_ERR_INVALID_CONN, CONN_MSG("virConnectClose"));
VRC_NROW(listAll, VRC_N_LIST_ALL, VIR_ERR_INVALID_CONN, CONN_MSG("virConnectListAllDomains"));
VRC_NROW(numOf, VRC_N_NUM_OF, VIR_ERR_INVALID_CONN, CONN_MSG("virConnectNumOfDomains"));
VRC_NROW(defineConn, VRC_N_DEFINE_CONN, VIR_ERR_INVALID_CONN, CONN_MSG("virDomainDefineXML"));
VRC_NROW(defineXml, VRC_N_DEFINE_XML, VIR_ERR_INVALID_ARG,
         "xml in virDomainDefineXML must not be NULL");
VRC_NROW(createXml, VRC_N_CREATE_XML, VIR_ERR_INVALID_ARG,
         "xmlDesc in virDomainCreateXML must not be NULL");
VRC_NROW(byName, VRC_N_BY_NAME, VIR_ERR_INVALID_ARG,
         "name in virDomainLookupByName must not be NULL");
VRC_NROW(byUuid, VRC_N_BY_UUID, VIR_ERR_INVALID_ARG,
         "uuid in virDomainLookupByUUID must not be NULL");
VRC_NROW(byUuidStr, VRC_N_BY_UUID_STR, VIR_ERR_INVALID_ARG,
         "uuidstr in virDomainLookupByUUIDString must not be NULL");
VRC_NROW(byId, VRC_N_BY_ID, VIR_ERR_INVALID_ARG,
         "id in virDomainLookupByID must be zero or greater");
VRC_NROW(state, VRC_N_STATE, VIR_ERR_INVALID_ARG, "state in virDomainGetState must not be NULL");
VRC_NROW(info, VRC_N_INFO, VIR_ERR_INVALID_ARG, "info in virDomainGetInfo must not be NULL");
VRC_NROW(uuid, VRC_N_UUID, VIR_ERR_INVALID_ARG, "uuid in virDomainGetUUID must not be NULL");
VRC_NROW(uuidStr, VRC_N_UUID_STR, VIR_ERR_INVALID_ARG,
         "buf in virDomainGetUUIDString must not be NULL");
VRC_NROW(autostart, VRC_N_AUTOSTART, VIR_ERR_INVALID_ARG,
         "autostart in virDomainGetAutostart must not be NULL");
VRC_NROW(save, VRC_N_SAVE, VIR_ERR_INVALID_ARG, "to in virDomainSave must not be NULL");
VRC_NROW(restore, VRC_N_RESTORE, VIR_ERR_INVALID_ARG,
         "from in virDomainRestore must not be NULL");
VRC_NROW(listIds, VRC_N_LIST_IDS, VIR_ERR_INVALID_ARG,
         "ids in virConnectListDomains must not be NULL");
VRC_NROW(listMax, VRC_N_LIST_MAX, VIR_ERR_INVALID_ARG,
         "maxids in virConnectListDomains must be zero or greater");
VRC_NROW(eventCb, VRC_N_EVENT_CB, VIR_ERR_INVALID_ARG,
         "cb in virConnectDomainEventRegisterAny must not be NULL");
VRC_NROW(eventId, VRC_N_EVENT_ID, VIR_ERR_INVALID_ARG, "eventID must be less than *");
VRC_NROW(deregister, VRC_N_DEREGISTER, VIR_ERR_INVALID_ARG,
         "callbackID in virConnectDomainEventDeregisterAny must be zero or greater");
VRC_NROW(getConnect, VRC_N_GET_CONNECT, VIR_ERR_INVALID_DOMAIN, DOM_MSG("virDomainGetConnect"));
VRC_NROW(domainRef, VRC_N_DOMAIN_REF, VIR_ERR_INVALID_DOMAIN, DOM_MSG("virDomainRef"));
VRC_NROW(connectRef, VRC_N_CONNECT_REF, VIR_ERR_INVALID_CONN, CONN_MSG("virConnectRef"));
#undef VRC_NROW

/* ---- unknown flag bits ---- */

typedef enum {
    VRC_F_CREATE_XML, VRC_F_DEFINE_FLAGS, VRC_F_CREATE_FLAGS, VRC_F_DESTROY_FLAGS,
    VRC_F_UNDEFINE_FLAGS, VRC_F_SHUTDOWN_FLAGS, VRC_F_REBOOT, VRC_F_RESET,
    VRC_F_MANAGED_SAVE, VRC_F_HAS_MANAGED_SAVE, VRC_F_MANAGED_SAVE_REMOVE, VRC_F_SAVE_FLAGS,
    VRC_F_RESTORE_FLAGS, VRC_F_GET_STATE,
} vrcFlagCall;

static int
vrcFlagDo(vrcCtx *ctx, vrcFlagCall call, virDomainPtr dom)
{
    const char *xml = vrcXmlSimple(ctx, "conform-f2");
    const char *path = vrcSavePath(ctx, "conform-f1.save");
    int st, rs;

#define VRC_RUN(expr) do { vrcStep(ctx, "%s", #expr); return (expr); } while (0)
#define VRC_RUN_DOM(expr) do { vrcStep(ctx, "%s", #expr); return vrcKept(ctx, (expr)); } while (0)
    switch (call) {
    case VRC_F_CREATE_XML: VRC_RUN_DOM(virDomainCreateXML(ctx->conn, xml, VRC_BAD_FLAG));
    case VRC_F_DEFINE_FLAGS: VRC_RUN_DOM(virDomainDefineXMLFlags(ctx->conn, xml, VRC_BAD_FLAG));
    case VRC_F_CREATE_FLAGS: VRC_RUN(virDomainCreateWithFlags(dom, VRC_BAD_FLAG));
    case VRC_F_DESTROY_FLAGS: VRC_RUN(virDomainDestroyFlags(dom, VRC_BAD_FLAG));
    case VRC_F_UNDEFINE_FLAGS: VRC_RUN(virDomainUndefineFlags(dom, VRC_BAD_FLAG));
    case VRC_F_SHUTDOWN_FLAGS: VRC_RUN(virDomainShutdownFlags(dom, VRC_BAD_FLAG));
    case VRC_F_REBOOT: VRC_RUN(virDomainReboot(dom, VRC_BAD_FLAG));
    case VRC_F_RESET: VRC_RUN(virDomainReset(dom, VRC_BAD_FLAG));
    case VRC_F_MANAGED_SAVE: VRC_RUN(virDomainManagedSave(dom, VRC_BAD_FLAG));
    case VRC_F_HAS_MANAGED_SAVE: VRC_RUN(virDomainHasManagedSaveImage(dom, VRC_BAD_FLAG));
    case VRC_F_MANAGED_SAVE_REMOVE: VRC_RUN(virDomainManagedSaveRemove(dom, VRC_BAD_FLAG));
    case VRC_F_SAVE_FLAGS: VRC_RUN(virDomainSaveFlags(dom, path, NULL, VRC_BAD_FLAG));
    case VRC_F_RESTORE_FLAGS:
        VRC_RUN(virDomainRestoreFlags(ctx->conn, path, NULL, VRC_BAD_FLAG));
    case VRC_F_GET_STATE: VRC_RUN(virDomainGetState(dom, &st, &rs, VRC_BAD_FLAG));
    }
#undef VRC_RUN
#undef VRC_RUN_DOM
    return vrcFail(ctx, "unknown call %d", (int)call);
}

typedef struct {
    vrcFlagCall call;
    bool running;       /* the domain runs (else shut off) when the call is made */
} vrcFlagRow;

static int
vrcUnknownFlag(vrcCtx *ctx)
{
    const vrcFlagRow *row = ctx->tc->data;
    virDomainPtr dom;
    int rc;

    VRC_NEED(dom, vrcDefine(ctx, "conform-f1", NULL));
    if (row->running)
        VRC_OK(ctx, virDomainCreate(dom));
    rc = vrcFlagDo(ctx, row->call, dom);
    VRC_CHECK(vrcCheckError(ctx, rc < 0, VIR_ERR_INVALID_ARG, VRC_BAD_FLAG_MSG));
    if (row->running)
        VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    else
        VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_UNKNOWN);
    VRC_CHECK(vrcExpectFlags(ctx, dom, row->running, 1));
    VRC_LIST(ctx, 0, "conform-f1");
    return 0;
}

#define VRC_FROW(name, call, running) \
    static const vrcFlagRow vrcF_##name = { call, running }
VRC_FROW(createXml, VRC_F_CREATE_XML, false);
VRC_FROW(defineFlags, VRC_F_DEFINE_FLAGS, false);
VRC_FROW(createFlags, VRC_F_CREATE_FLAGS, false);
VRC_FROW(destroyFlags, VRC_F_DESTROY_FLAGS, true);
VRC_FROW(undefineFlags, VRC_F_UNDEFINE_FLAGS, false);
VRC_FROW(shutdownFlags, VRC_F_SHUTDOWN_FLAGS, true);
VRC_FROW(reboot, VRC_F_REBOOT, true);
VRC_FROW(reset, VRC_F_RESET, true);
VRC_FROW(managedSave, VRC_F_MANAGED_SAVE, true);
VRC_FROW(hasManagedSave, VRC_F_HAS_MANAGED_SAVE, false);
VRC_FROW(managedSaveRemove, VRC_F_MANAGED_SAVE_REMOVE, false);
VRC_FROW(saveFlags, VRC_F_SAVE_FLAGS, true);
VRC_FROW(restoreFlags, VRC_F_RESTORE_FLAGS, false);
VRC_FROW(getState, VRC_F_GET_STATE, true);
#undef VRC_FROW

/* ---- read-only connections ---- */

typedef enum {
    VRC_R_CREATE, VRC_R_CREATE_FLAGS, VRC_R_CREATE_XML, VRC_R_DEFINE, VRC_R_DEFINE_FLAGS,
    VRC_R_DESTROY, VRC_R_DESTROY_FLAGS, VRC_R_SUSPEND, VRC_R_RESUME, VRC_R_SHUTDOWN,
    VRC_R_REBOOT, VRC_R_RESET, VRC_R_UNDEFINE, VRC_R_UNDEFINE_FLAGS, VRC_R_SET_MEMORY,
    VRC_R_SET_MAX_MEMORY, VRC_R_SET_MEMORY_FLAGS, VRC_R_SET_VCPUS, VRC_R_SET_VCPUS_FLAGS,
    VRC_R_SET_AUTOSTART, VRC_R_SAVE, VRC_R_RESTORE, VRC_R_MANAGED_SAVE,
    VRC_R_MANAGED_SAVE_REMOVE,
} vrcRoCall;

typedef struct {
    vrcRoCall call;
    bool running;       /* the domain runs when the call is made */
    const char *api;    /* the name in the message */
} vrcRoRow;

static int
vrcRoDo(vrcCtx *ctx, vrcRoCall call, virConnectPtr ro, virDomainPtr rodom)
{
    const char *xml = vrcXmlSimple(ctx, "conform-r2");
    const char *path = vrcSavePath(ctx, "conform-r1.save");

#define VRC_RUN(expr) do { vrcStep(ctx, "%s", #expr); return (expr); } while (0)
#define VRC_RUN_DOM(expr) do { vrcStep(ctx, "%s", #expr); return vrcKept(ctx, (expr)); } while (0)
    switch (call) {
    case VRC_R_CREATE: VRC_RUN(virDomainCreate(rodom));
    case VRC_R_CREATE_FLAGS: VRC_RUN(virDomainCreateWithFlags(rodom, 0));
    case VRC_R_CREATE_XML: VRC_RUN_DOM(virDomainCreateXML(ro, xml, 0));
    case VRC_R_DEFINE: VRC_RUN_DOM(virDomainDefineXML(ro, xml));
    case VRC_R_DEFINE_FLAGS: VRC_RUN_DOM(virDomainDefineXMLFlags(ro, xml, 0));
    case VRC_R_DESTROY: VRC_RUN(virDomainDestroy(rodom));
    case VRC_R_DESTROY_FLAGS: VRC_RUN(virDomainDestroyFlags(rodom, 0));
    case VRC_R_SUSPEND: VRC_RUN(virDomainSuspend(rodom));
    case VRC_R_RESUME: VRC_RUN(virDomainResume(rodom));
    case VRC_R_SHUTDOWN: VRC_RUN(virDomainShutdown(rodom));
    case VRC_R_REBOOT: VRC_RUN(virDomainReboot(rodom, 0));
    case VRC_R_RESET: VRC_RUN(virDomainReset(rodom, 0));
    case VRC_R_UNDEFINE: VRC_RUN(virDomainUndefine(rodom));
    case VRC_R_UNDEFINE_FLAGS: VRC_RUN(virDomainUndefineFlags(rodom, 0));
    case VRC_R_SET_MEMORY: VRC_RUN(virDomainSetMemory(rodom, 524288));
    case VRC_R_SET_MAX_MEMORY: VRC_RUN(virDomainSetMaxMemory(rodom, 2097152));
    case VRC_R_SET_MEMORY_FLAGS: VRC_RUN(virDomainSetMemoryFlags(rodom, 524288, 0));
    case VRC_R_SET_VCPUS: VRC_RUN(virDomainSetVcpus(rodom, 1));
    case VRC_R_SET_VCPUS_FLAGS: VRC_RUN(virDomainSetVcpusFlags(rodom, 1, 0));
    case VRC_R_SET_AUTOSTART: VRC_RUN(virDomainSetAutostart(rodom, 1));
    case VRC_R_SAVE: VRC_RUN(virDomainSave(rodom, path));
    case VRC_R_RESTORE: VRC_RUN(virDomainRestore(ro, path));
    case VRC_R_MANAGED_SAVE: VRC_RUN(virDomainManagedSave(rodom, 0));
    case VRC_R_MANAGED_SAVE_REMOVE: VRC_RUN(virDomainManagedSaveRemove(rodom, 0));
    }
#undef VRC_RUN
#undef VRC_RUN_DOM
    return vrcFail(ctx, "unknown call %d", (int)call);
}

/* Opens a read-only connection to the same node and looks up NAME there. */
static virConnectPtr
vrcOpenReadOnly(vrcCtx *ctx, const char *name, virDomainPtr *rodom)
{
    virConnectPtr ro;

    if (!(ro = vrcOpenExtra(ctx, true)))
        return NULL;
    vrcStep(ctx, "virDomainLookupByName(ro, %s)", name);
    if (!(*rodom = virDomainLookupByName(ro, name))) {
        vrcCallFailed(ctx);
        return NULL;
    }
    vrcKeepDomain(ctx, *rodom);
    return ro;
}

static int
vrcReadOnlyDenied(vrcCtx *ctx)
{
    const vrcRoRow *row = ctx->tc->data;
    virDomainPtr dom, rodom = NULL;
    virConnectPtr ro;
    int rc;

    VRC_NEED(dom, vrcDefine(ctx, "conform-r1", NULL));
    if (row->running)
        VRC_OK(ctx, virDomainCreate(dom));
    VRC_NEED(ro, vrcOpenReadOnly(ctx, "conform-r1", &rodom));
    rc = vrcRoDo(ctx, row->call, ro, rodom);
    VRC_CHECK(vrcCheckError(ctx, rc < 0, VIR_ERR_OPERATION_DENIED,
                            vrcPrintf(ctx, "operation forbidden: read only access prevents %s",
                                      row->api)));
    if (row->running)
        VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    else
        VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_UNKNOWN);
    VRC_LIST(ctx, 0, "conform-r1");
    return 0;
}

static int
vrcCompareStrings(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;

    return strcmp(x ? x : "", y ? y : "");
}

/* Every domain name on CONN (not only conform-*), sorted, comma separated. */
static int
vrcAllNames(vrcCtx *ctx, virConnectPtr conn, char *out, size_t len)
{
    virDomainPtr *doms = NULL;
    const char **names;
    size_t used = 0;
    int n, i;

    vrcStep(ctx, "virConnectListAllDomains(%s, 0)", conn == ctx->conn ? "conn" : "ro");
    if ((n = virConnectListAllDomains(conn, &doms, 0)) < 0)
        return vrcCallFailed(ctx);
    if (!(names = calloc((size_t)n + 1, sizeof(*names))))
        abort();
    for (i = 0; i < n; i++)
        names[i] = virDomainGetName(doms[i]);
    qsort(names, (size_t)n, sizeof(*names), vrcCompareStrings);
    out[0] = '\0';
    for (i = 0; i < n; i++)
        used += (size_t)snprintf(out + used, used < len ? len - used : 0, "%s%s",
                                 i ? "," : "", names[i] ? names[i] : "(null)");
    free(names);
    for (i = 0; i < n; i++)
        virDomainFree(doms[i]);
    free(doms);
    return 0;
}

/* Reading through a read-only connection works and agrees. */
static int
vrcReadOnlyReads(vrcCtx *ctx)
{
    virDomainPtr dom, rodom = NULL;
    virConnectPtr ro;
    int state = -1, reason, autostart = -1, n, nrw;
    char *xml;
    char rw[VRC_LIST_MAX], rolist[VRC_LIST_MAX];

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-r1"));
    VRC_NEED(ro, vrcOpenReadOnly(ctx, "conform-r1", &rodom));
    VRC_OK(ctx, virDomainGetState(rodom, &state, &reason, 0));
    VRC_EXPECT_INT(ctx, "state", state, VIR_DOMAIN_RUNNING);
    VRC_OK(ctx, virDomainGetAutostart(rodom, &autostart));
    VRC_EXPECT_INT(ctx, "autostart", autostart, 0);
    VRC_STR(ctx, xml, virDomainGetXMLDesc(rodom, 0));
    VRC_EXPECT(ctx, strstr(xml, "<name>conform-r1</name>") != NULL, "XML without the name");
    VRC_SET(ctx, n, virConnectListAllDomains(ro, NULL, 0));
    VRC_SET(ctx, nrw, virConnectListAllDomains(ctx->conn, NULL, 0));
    VRC_EXPECT_INT(ctx, "domains counted through the read-only connection", n, nrw);
    VRC_CHECK(vrcAllNames(ctx, ctx->conn, rw, sizeof(rw)));
    VRC_CHECK(vrcAllNames(ctx, ro, rolist, sizeof(rolist)));
    VRC_EXPECT(ctx, strcmp(rolist, rw) == 0, "read-only connection lists [%s], "
               "the read-write one [%s]", rolist, rw);
    VRC_EXPECT(ctx, strstr(rolist, "conform-r1") != NULL,
               "read-only list [%s] lacks conform-r1", rolist);
    return 0;
}

#define VRC_RROW(name, call, running, api) \
    static const vrcRoRow vrcR_##name = { call, running, api }
VRC_RROW(create, VRC_R_CREATE, false, "virDomainCreate");
VRC_RROW(createFlags, VRC_R_CREATE_FLAGS, false, "virDomainCreateWithFlags");
VRC_RROW(createXml, VRC_R_CREATE_XML, false, "virDomainCreateXML");
VRC_RROW(define, VRC_R_DEFINE, false, "virDomainDefineXML");
VRC_RROW(defineFlags, VRC_R_DEFINE_FLAGS, false, "virDomainDefineXMLFlags");
VRC_RROW(destroy, VRC_R_DESTROY, true, "virDomainDestroy");
VRC_RROW(destroyFlags, VRC_R_DESTROY_FLAGS, true, "virDomainDestroyFlags");
VRC_RROW(suspend, VRC_R_SUSPEND, true, "virDomainSuspend");
VRC_RROW(resume, VRC_R_RESUME, true, "virDomainResume");
VRC_RROW(shutdown, VRC_R_SHUTDOWN, true, "virDomainShutdown");
VRC_RROW(reboot, VRC_R_REBOOT, true, "virDomainReboot");
VRC_RROW(reset, VRC_R_RESET, true, "virDomainReset");
VRC_RROW(undefine, VRC_R_UNDEFINE, false, "virDomainUndefine");
VRC_RROW(undefineFlags, VRC_R_UNDEFINE_FLAGS, false, "virDomainUndefineFlags");
VRC_RROW(setMemory, VRC_R_SET_MEMORY, true, "virDomainSetMemory");
VRC_RROW(setMaxMemory, VRC_R_SET_MAX_MEMORY, false, "virDomainSetMaxMemory");
VRC_RROW(setMemoryFlags, VRC_R_SET_MEMORY_FLAGS, true, "virDomainSetMemoryFlags");
VRC_RROW(setVcpus, VRC_R_SET_VCPUS, true, "virDomainSetVcpus");
VRC_RROW(setVcpusFlags, VRC_R_SET_VCPUS_FLAGS, true, "virDomainSetVcpusFlags");
VRC_RROW(setAutostart, VRC_R_SET_AUTOSTART, false, "virDomainSetAutostart");
VRC_RROW(save, VRC_R_SAVE, true, "virDomainSave");
VRC_RROW(restore, VRC_R_RESTORE, false, "virDomainRestore");
VRC_RROW(managedSave, VRC_R_MANAGED_SAVE, true, "virDomainManagedSave");
VRC_RROW(managedSaveRemove, VRC_R_MANAGED_SAVE_REMOVE, false, "virDomainManagedSaveRemove");
#undef VRC_RROW

/* ---- closed connections and freed handles ---- */

/* A domain handle keeps its connection alive after virConnectClose. */
static int
vrcConnectionHeldByDomain(vrcCtx *ctx)
{
    virConnectPtr conn;
    virDomainPtr dom;

    VRC_GET(ctx, conn, virConnectOpen(ctx->uri));
    VRC_DOM(ctx, dom, virDomainCreateXML(conn, vrcXmlSimple(ctx, "conform-h1"), 0));
    VRC_EXPECT_RET(ctx, virConnectClose(conn), 1);
    VRC_STATE(ctx, dom, VIR_DOMAIN_RUNNING, VIR_DOMAIN_RUNNING_BOOTED);
    vrcStep(ctx, "virDomainGetConnect(dom)");
    VRC_EXPECT(ctx, virDomainGetConnect(dom) == conn,
               "virDomainGetConnect returned another connection");
    VRC_EXPECT(ctx, virConnectGetType(conn) != NULL, "virConnectGetType failed");
    VRC_OK(ctx, virDomainDestroy(dom));
    return 0;
}

static int
vrcClosedConnection(vrcCtx *ctx)
{
    virConnectPtr conn;

    VRC_GET(ctx, conn, virConnectOpen(ctx->uri));
    VRC_EXPECT_RET(ctx, virConnectClose(conn), 0);
    VRC_ERR(ctx, virConnectGetType(conn) ? 0 : -1, VIR_ERR_INVALID_CONN,
            "invalid connection pointer in virConnectGetType");
    VRC_ERR_DOM(ctx, virDomainDefineXML(conn, vrcXmlSimple(ctx, "conform-h1")),
                VIR_ERR_INVALID_CONN, "invalid connection pointer in virDomainDefineXML");
    VRC_ERR(ctx, virConnectClose(conn), VIR_ERR_INVALID_CONN,
            "invalid connection pointer in virConnectClose");
    return 0;
}

/* Once its last domain handle is freed, a closed connection is gone. */
static int
vrcFreedDomainConnection(vrcCtx *ctx)
{
    virConnectPtr conn;
    virDomainPtr dom;

    VRC_GET(ctx, conn, virConnectOpen(ctx->uri));
    VRC_GET(ctx, dom, virDomainCreateXML(conn, vrcXmlSimple(ctx, "conform-h1"), 0));
    VRC_EXPECT_RET(ctx, virConnectClose(conn), 1);
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_EXPECT_RET(ctx, virDomainFree(dom), 0);
    VRC_ERR(ctx, virConnectGetType(conn) ? 0 : -1, VIR_ERR_INVALID_CONN,
            "invalid connection pointer in virConnectGetType");
    VRC_ERR(ctx, virDomainGetState(dom, &(int){0}, NULL, 0), VIR_ERR_INVALID_DOMAIN,
            "invalid domain pointer in virDomainGetState");
    return 0;
}

static int
vrcFreedDomain(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_GET(ctx, dom, virDomainDefineXML(ctx->conn, vrcXmlSimple(ctx, "conform-h1")));
    VRC_EXPECT_RET(ctx, virDomainFree(dom), 0);
    VRC_ERR(ctx, virDomainCreate(dom), VIR_ERR_INVALID_DOMAIN,
            "invalid domain pointer in virDomainCreate");
    VRC_ERR(ctx, virDomainFree(dom), VIR_ERR_INVALID_DOMAIN,
            "invalid domain pointer in virDomainFree");
    VRC_NEED(dom, vrcLookup(ctx, "conform-h1"));
    VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_UNKNOWN);
    return 0;
}

#define VRC_NULL_CASE(num, name, row, purpose) \
    { "domain/" num "-null-" name, "misuse", purpose, vrcNullArg, 0, &vrcN_##row }
#define VRC_FLAG_CASE(num, name, row) \
    { "domain/" num "-flags-" name, "misuse", \
      "an unknown flag bit fails with VIR_ERR_INVALID_ARG and changes nothing", \
      vrcUnknownFlag, 0, &vrcF_##row }
#define VRC_RO_CASE(num, name, row) \
    { "domain/" num "-readonly-" name, "misuse", \
      "denied on a read-only connection with VIR_ERR_OPERATION_DENIED, nothing changes", \
      vrcReadOnlyDenied, 0, &vrcR_##row }

const vrcCase vrcCasesMisuse[] = {
    VRC_NULL_CASE("900", "connect-gettype", getType, "virConnectGetType(NULL)"),
    VRC_NULL_CASE("901", "domain-create", create, "virDomainCreate(NULL)"),
    VRC_NULL_CASE("902", "domain-destroy", destroy, "virDomainDestroy(NULL)"),
    VRC_NULL_CASE("903", "domain-free", freeDom, "virDomainFree(NULL)"),
    VRC_NULL_CASE("904", "domain-getname", getName, "virDomainGetName(NULL)"),
    VRC_NULL_CASE("905", "domain-getxml", getXml, "virDomainGetXMLDesc(NULL)"),
    VRC_NULL_CASE("906", "connect-close", close, "virConnectClose(NULL)"),
    VRC_NULL_CASE("907", "connect-listall", listAll, "virConnectListAllDomains(NULL)"),
    VRC_NULL_CASE("908", "connect-numof", numOf, "virConnectNumOfDomains(NULL)"),
    VRC_NULL_CASE("909", "define-conn", defineConn, "virDomainDefineXML(NULL, xml)"),
    VRC_NULL_CASE("910", "define-xml", defineXml, "virDomainDefineXML(conn, NULL)"),
    VRC_NULL_CASE("911", "createxml-xml", createXml, "virDomainCreateXML(conn, NULL)"),
    VRC_NULL_CASE("912", "lookup-name", byName, "virDomainLookupByName(conn, NULL)"),
    VRC_NULL_CASE("913", "lookup-uuid", byUuid, "virDomainLookupByUUID(conn, NULL)"),
    VRC_NULL_CASE("914", "lookup-uuidstr", byUuidStr,
                  "virDomainLookupByUUIDString(conn, NULL)"),
    VRC_NULL_CASE("915", "lookup-negative-id", byId, "virDomainLookupByID(conn, -1)"),
    VRC_NULL_CASE("916", "getstate-state", state, "virDomainGetState(dom, NULL, ...)"),
    VRC_NULL_CASE("917", "getinfo-info", info, "virDomainGetInfo(dom, NULL)"),
    VRC_NULL_CASE("918", "getuuid-buf", uuid, "virDomainGetUUID(dom, NULL)"),
    VRC_NULL_CASE("919", "getuuidstring-buf", uuidStr, "virDomainGetUUIDString(dom, NULL)"),
    VRC_NULL_CASE("920", "getautostart-out", autostart, "virDomainGetAutostart(dom, NULL)"),
    VRC_NULL_CASE("921", "save-path", save, "virDomainSave(dom, NULL)"),
    VRC_NULL_CASE("922", "restore-path", restore, "virDomainRestore(conn, NULL)"),
    VRC_NULL_CASE("923", "listdomains-ids", listIds, "virConnectListDomains(conn, NULL, 1)"),
    VRC_NULL_CASE("924", "listdomains-negative", listMax,
                  "virConnectListDomains(conn, ids, -1)"),
    VRC_NULL_CASE("925", "event-register-cb", eventCb,
                  "virConnectDomainEventRegisterAny with a NULL callback"),
    VRC_NULL_CASE("926", "event-register-id", eventId,
                  "virConnectDomainEventRegisterAny with an unknown event id"),
    VRC_NULL_CASE("927", "event-deregister-negative", deregister,
                  "virConnectDomainEventDeregisterAny(conn, -1)"),
    VRC_NULL_CASE("928", "domain-getconnect", getConnect, "virDomainGetConnect(NULL)"),
    VRC_NULL_CASE("929", "domain-ref", domainRef, "virDomainRef(NULL)"),
    VRC_NULL_CASE("930", "connect-ref", connectRef, "virConnectRef(NULL)"),
    VRC_FLAG_CASE("940", "createxml", createXml),
    VRC_FLAG_CASE("941", "definexmlflags", defineFlags),
    VRC_FLAG_CASE("942", "createwithflags", createFlags),
    VRC_FLAG_CASE("943", "destroyflags", destroyFlags),
    VRC_FLAG_CASE("944", "undefineflags", undefineFlags),
    VRC_FLAG_CASE("945", "shutdownflags", shutdownFlags),
    VRC_FLAG_CASE("946", "reboot", reboot),
    VRC_FLAG_CASE("947", "reset", reset),
    VRC_FLAG_CASE("948", "managedsave", managedSave),
    VRC_FLAG_CASE("949", "hasmanagedsaveimage", hasManagedSave),
    VRC_FLAG_CASE("950", "managedsaveremove", managedSaveRemove),
    VRC_FLAG_CASE("951", "saveflags", saveFlags),
    VRC_FLAG_CASE("952", "restoreflags", restoreFlags),
    VRC_FLAG_CASE("953", "getstate", getState),
    VRC_RO_CASE("960", "create", create),
    VRC_RO_CASE("961", "createwithflags", createFlags),
    VRC_RO_CASE("962", "createxml", createXml),
    VRC_RO_CASE("963", "definexml", define),
    VRC_RO_CASE("964", "definexmlflags", defineFlags),
    VRC_RO_CASE("965", "destroy", destroy),
    VRC_RO_CASE("966", "destroyflags", destroyFlags),
    VRC_RO_CASE("967", "suspend", suspend),
    VRC_RO_CASE("968", "resume", resume),
    VRC_RO_CASE("969", "shutdown", shutdown),
    VRC_RO_CASE("970", "reboot", reboot),
    VRC_RO_CASE("971", "reset", reset),
    VRC_RO_CASE("972", "undefine", undefine),
    VRC_RO_CASE("973", "undefineflags", undefineFlags),
    VRC_RO_CASE("974", "setmemory", setMemory),
    VRC_RO_CASE("975", "setmaxmemory", setMaxMemory),
    VRC_RO_CASE("976", "setmemoryflags", setMemoryFlags),
    VRC_RO_CASE("977", "setvcpus", setVcpus),
    VRC_RO_CASE("978", "setvcpusflags", setVcpusFlags),
    VRC_RO_CASE("979", "setautostart", setAutostart),
    VRC_RO_CASE("980", "save", save),
    VRC_RO_CASE("981", "restore", restore),
    VRC_RO_CASE("982", "managedsave", managedSave),
    VRC_RO_CASE("983", "managedsaveremove", managedSaveRemove),
    { "domain/984-readonly-reads", "misuse",
      "state, autostart, XML and lists read fine through a read-only connection",
      vrcReadOnlyReads },
    { "domain/990-connection-held-by-domain", "misuse",
      "virConnectClose returns 1 while a domain handle holds it; the handle still works",
      vrcConnectionHeldByDomain },
    { "domain/991-closed-connection", "misuse",
      "calls on a closed connection fail with VIR_ERR_INVALID_CONN", vrcClosedConnection,
      VRC_CASE_VIREO_ONLY },
    { "domain/992-freed-domain-connection", "misuse",
      "after its last domain is freed, a closed connection fails with VIR_ERR_INVALID_CONN",
      vrcFreedDomainConnection, VRC_CASE_VIREO_ONLY },
    { "domain/993-freed-domain", "misuse",
      "calls on a freed domain handle fail with VIR_ERR_INVALID_DOMAIN", vrcFreedDomain,
      VRC_CASE_VIREO_ONLY },
};
const size_t vrcCasesMisuseCount = VRC_COUNT(vrcCasesMisuse);
