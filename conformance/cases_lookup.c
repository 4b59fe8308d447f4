/* conformance/cases_lookup.c: name and UUID uniqueness with their exact
 * errors, and lookups by id, name and UUID -- that they agree, that ids
 * change across restarts and UUIDs do not, and how unknown objects fail. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <stdio.h>
#include <string.h>

#include "conform.h"

#define VRC_UNKNOWN_ID 999999
#define VRC_UNKNOWN_UUID "c0f0c0f0-ffff-4fff-8fff-ffffffffffff"
#define VRC_MEM_SMALL_KIB 524288UL

/* ---- uniqueness ---- */

typedef enum {
    VRC_HOLDER_RUNNING_TRANSIENT,
    VRC_HOLDER_RUNNING_PERSISTENT,
    VRC_HOLDER_INACTIVE,
} vrcHolder;

typedef struct {
    vrcHolder holder;       /* the domain that owns name conform-u1 and uuid 1 */
    bool create;            /* CreateXML (true) or DefineXML (false) */
    const char *name;       /* the clashing definition */
    unsigned int uuid;
    int code;
    const char *message;    /* followed by " with uuid <uuid 1>" for OPERATION_FAILED */
} vrcClash;

static const vrcClash vrcClashCreateSameRunning = {
    VRC_HOLDER_RUNNING_TRANSIENT, true, "conform-u1", 1, VIR_ERR_OPERATION_INVALID,
    "Requested operation is not valid: domain 'conform-u1' is already active" };
static const vrcClash vrcClashCreateNameRunning = {
    VRC_HOLDER_RUNNING_TRANSIENT, true, "conform-u1", 2, VIR_ERR_OPERATION_FAILED,
    "operation failed: domain 'conform-u1' already exists" };
static const vrcClash vrcClashCreateUuidRunning = {
    VRC_HOLDER_RUNNING_TRANSIENT, true, "conform-u2", 1, VIR_ERR_OPERATION_FAILED,
    "operation failed: domain 'conform-u1' is already defined" };
static const vrcClash vrcClashCreateNameInactive = {
    VRC_HOLDER_INACTIVE, true, "conform-u1", 2, VIR_ERR_OPERATION_FAILED,
    "operation failed: domain 'conform-u1' already exists" };
static const vrcClash vrcClashCreateUuidInactive = {
    VRC_HOLDER_INACTIVE, true, "conform-u2", 1, VIR_ERR_OPERATION_FAILED,
    "operation failed: domain 'conform-u1' is already defined" };
static const vrcClash vrcClashDefineNameTransient = {
    VRC_HOLDER_RUNNING_TRANSIENT, false, "conform-u1", 2, VIR_ERR_OPERATION_FAILED,
    "operation failed: domain 'conform-u1' already exists" };
static const vrcClash vrcClashDefineUuidTransient = {
    VRC_HOLDER_RUNNING_TRANSIENT, false, "conform-u2", 1, VIR_ERR_OPERATION_FAILED,
    "operation failed: domain 'conform-u1' is already defined" };
static const vrcClash vrcClashCreateSamePersistent = {
    VRC_HOLDER_RUNNING_PERSISTENT, true, "conform-u1", 1, VIR_ERR_OPERATION_INVALID,
    "Requested operation is not valid: domain 'conform-u1' is already active" };
static const vrcClash vrcClashDefineUuidPersistent = {
    VRC_HOLDER_RUNNING_PERSISTENT, false, "conform-u2", 1, VIR_ERR_OPERATION_FAILED,
    "operation failed: domain 'conform-u1' is already defined" };

/* Sets up the holder, makes the clashing call, and checks that the holder
 * and the list of domains are exactly as before. */
static int
vrcUniqueClash(vrcCtx *ctx)
{
    const vrcClash *c = ctx->tc->data;
    const char *u1 = vrcUuid(ctx, 1);
    const char *xml = vrcXml(ctx, "conform-u1", u1, VRC_MEM_KIB, 2, NULL);
    const char *clash = vrcXml(ctx, c->name, vrcUuid(ctx, c->uuid), VRC_MEM_SMALL_KIB, 1, NULL);
    const char *msg = c->code == VIR_ERR_OPERATION_FAILED ?
                      vrcPrintf(ctx, "%s with uuid %s", c->message, u1) : c->message;
    virDomainPtr dom;
    int state = c->holder == VRC_HOLDER_INACTIVE ? VIR_DOMAIN_SHUTOFF : VIR_DOMAIN_RUNNING;

    if (c->holder == VRC_HOLDER_RUNNING_TRANSIENT) {
        VRC_NEED(dom, vrcCreateTransient(ctx, "conform-u1", xml));
    } else {
        VRC_NEED(dom, vrcDefine(ctx, "conform-u1", xml));
        if (c->holder == VRC_HOLDER_RUNNING_PERSISTENT)
            VRC_OK(ctx, virDomainCreate(dom));
    }
    if (c->create)
        VRC_ERR_DOM(ctx, virDomainCreateXML(ctx->conn, clash, 0), c->code, msg);
    else
        VRC_ERR_DOM(ctx, virDomainDefineXML(ctx->conn, clash), c->code, msg);
    VRC_STATE(ctx, dom, state, state == VIR_DOMAIN_RUNNING ? VIR_DOMAIN_RUNNING_BOOTED
                                                           : VIR_DOMAIN_SHUTOFF_UNKNOWN);
    VRC_CHECK(vrcExpectFlags(ctx, dom, state == VIR_DOMAIN_RUNNING,
                             c->holder != VRC_HOLDER_RUNNING_TRANSIENT));
    VRC_EXPECT_ULONG(ctx, virDomainGetMaxMemory(dom), VRC_MEM_KIB);
    VRC_LIST(ctx, 0, "conform-u1");
    return 0;
}

/* Two definitions without <uuid> get distinct generated UUIDs. */
static int
vrcUniqueGeneratedUuids(vrcCtx *ctx)
{
    virDomainPtr a, b;
    char ua[VIR_UUID_STRING_BUFLEN], ub[VIR_UUID_STRING_BUFLEN];

    VRC_NEED(a, vrcDefine(ctx, "conform-u1", NULL));
    VRC_NEED(b, vrcCreateTransient(ctx, "conform-u2", NULL));
    VRC_OK(ctx, virDomainGetUUIDString(a, ua));
    VRC_OK(ctx, virDomainGetUUIDString(b, ub));
    VRC_EXPECT(ctx, strcmp(ua, ub) != 0, "both domains got uuid %s", ua);
    return 0;
}

/* UUIDs are compared as numbers: upper-case input is the same UUID. */
static int
vrcUniqueUuidCase(vrcCtx *ctx)
{
    virDomainPtr dom;
    char got[VIR_UUID_STRING_BUFLEN];

    VRC_NEED(dom, vrcDefine(ctx, "conform-u1",
                            vrcXml(ctx, "conform-u1", "C0F0C0F0-0000-4000-8000-00000000ABCD",
                                   VRC_MEM_KIB, 2, NULL)));
    VRC_OK(ctx, virDomainGetUUIDString(dom, got));
    VRC_EXPECT_STR(ctx, "uuid", got, "c0f0c0f0-0000-4000-8000-00000000abcd");
    VRC_ERR_DOM(ctx, virDomainDefineXML(ctx->conn,
                                        vrcXml(ctx, "conform-u2",
                                               "c0f0c0f0-0000-4000-8000-00000000abcd",
                                               VRC_MEM_KIB, 2, NULL)),
                VIR_ERR_OPERATION_FAILED,
                "operation failed: domain 'conform-u1' is already defined with uuid "
                "c0f0c0f0-0000-4000-8000-00000000abcd");
    return 0;
}

/* ---- lookups ---- */

static int
vrcLookupAgree(vrcCtx *ctx)
{
    virDomainPtr dom, byName, byId, byUuid, byStr;
    unsigned char uuid[VIR_UUID_BUFLEN], other[VIR_UUID_BUFLEN];
    char str[VIR_UUID_STRING_BUFLEN];
    int id;

    VRC_NEED(dom, vrcCreateTransient(ctx, "conform-k1", vrcXml(ctx, "conform-k1",
                                      vrcUuid(ctx, 7), VRC_MEM_KIB, 2, NULL)));
    id = (int)virDomainGetID(dom);
    VRC_OK(ctx, virDomainGetUUID(dom, uuid));
    VRC_OK(ctx, virDomainGetUUIDString(dom, str));
    VRC_EXPECT_STR(ctx, "uuid string", str, vrcUuid(ctx, 7));
    VRC_DOM(ctx, byName, virDomainLookupByName(ctx->conn, "conform-k1"));
    VRC_DOM(ctx, byId, virDomainLookupByID(ctx->conn, id));
    VRC_DOM(ctx, byUuid, virDomainLookupByUUID(ctx->conn, uuid));
    VRC_DOM(ctx, byStr, virDomainLookupByUUIDString(ctx->conn, str));
    VRC_EXPECT_STR(ctx, "name by id", virDomainGetName(byId), "conform-k1");
    VRC_EXPECT_STR(ctx, "name by uuid", virDomainGetName(byUuid), "conform-k1");
    VRC_EXPECT_STR(ctx, "name by uuid string", virDomainGetName(byStr), "conform-k1");
    VRC_EXPECT_INT(ctx, "id by name", (int)virDomainGetID(byName), id);
    VRC_EXPECT_INT(ctx, "id by uuid", (int)virDomainGetID(byUuid), id);
    VRC_OK(ctx, virDomainGetUUID(byName, other));
    VRC_EXPECT(ctx, memcmp(uuid, other, VIR_UUID_BUFLEN) == 0, "uuid by name differs");
    return 0;
}

static int
vrcLookupUuidNoDashes(vrcCtx *ctx)
{
    virDomainPtr dom, found;

    VRC_NEED(dom, vrcDefine(ctx, "conform-k1", vrcXml(ctx, "conform-k1", vrcUuid(ctx, 7),
                                                      VRC_MEM_KIB, 2, NULL)));
    VRC_DOM(ctx, found, virDomainLookupByUUIDString(ctx->conn,
                                                    "c0f0c0f000004000800000000000" "0007"));
    VRC_EXPECT_STR(ctx, "name", virDomainGetName(found), "conform-k1");
    return 0;
}

static int
vrcLookupIdsChange(vrcCtx *ctx)
{
    virDomainPtr dom, again;
    char u1[VIR_UUID_STRING_BUFLEN], u2[VIR_UUID_STRING_BUFLEN];
    int id1, id2;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-k1"));
    VRC_NEED(again, vrcLookup(ctx, "conform-k1"));
    id1 = (int)virDomainGetID(again);
    VRC_OK(ctx, virDomainGetUUIDString(again, u1));
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_NEED(again, vrcLookup(ctx, "conform-k1"));
    VRC_EXPECT_INT(ctx, "id while inactive", (int)virDomainGetID(again), -1);
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_NEED(again, vrcLookup(ctx, "conform-k1"));
    id2 = (int)virDomainGetID(again);
    VRC_OK(ctx, virDomainGetUUIDString(again, u2));
    VRC_EXPECT(ctx, id1 > 0 && id2 > 0 && id1 != id2, "ids %d and %d across a restart", id1, id2);
    VRC_EXPECT_STR(ctx, "uuid after restart", u2, u1);
    VRC_ERR_DOM(ctx, virDomainLookupByID(ctx->conn, id1), VIR_ERR_NO_DOMAIN, VRC_MSG_NO_DOMAIN);
    return 0;
}

/* One handle follows its domain through every state change. */
static int
vrcLookupHandleAcrossStates(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcDefine(ctx, "conform-k1", NULL));
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_OK(ctx, virDomainSuspend(dom));
    VRC_OK(ctx, virDomainResume(dom));
    VRC_OK(ctx, virDomainShutdown(dom));
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_STATE(ctx, dom, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_SHUTOFF_DESTROYED);
    VRC_EXPECT_ULONG(ctx, virDomainGetMaxMemory(dom), VRC_MEM_KIB);
    VRC_OK(ctx, virDomainUndefine(dom));
    VRC_ERR(ctx, virDomainGetState(dom, &(int){0}, NULL, 0), VIR_ERR_NO_DOMAIN,
            VRC_MSG_NO_DOMAIN);
    return 0;
}

static int
vrcLookupUnknownName(vrcCtx *ctx)
{
    VRC_ERR_DOM(ctx, virDomainLookupByName(ctx->conn, "conform-nonexistent"),
                VIR_ERR_NO_DOMAIN, VRC_MSG_NO_DOMAIN);
    return 0;
}

static int
vrcLookupUnknownId(vrcCtx *ctx)
{
    VRC_ERR_DOM(ctx, virDomainLookupByID(ctx->conn, VRC_UNKNOWN_ID),
                VIR_ERR_NO_DOMAIN, VRC_MSG_NO_DOMAIN);
    return 0;
}

static int
vrcLookupUnknownUuid(vrcCtx *ctx)
{
    unsigned char raw[VIR_UUID_BUFLEN] = { 0xc0, 0xf0, 0xc0, 0xf0, 0xff, 0xff };

    VRC_ERR_DOM(ctx, virDomainLookupByUUIDString(ctx->conn, VRC_UNKNOWN_UUID),
                VIR_ERR_NO_DOMAIN, VRC_MSG_NO_DOMAIN);
    VRC_ERR_DOM(ctx, virDomainLookupByUUID(ctx->conn, raw), VIR_ERR_NO_DOMAIN,
                VRC_MSG_NO_DOMAIN);
    return 0;
}

static int
vrcLookupInactiveById(vrcCtx *ctx)
{
    virDomainPtr dom, again;
    int id;

    VRC_NEED(dom, vrcStartPersistent(ctx, "conform-k1"));
    VRC_NEED(again, vrcLookup(ctx, "conform-k1"));
    id = (int)virDomainGetID(again);
    VRC_OK(ctx, virDomainDestroy(dom));
    VRC_ERR_DOM(ctx, virDomainLookupByID(ctx->conn, id), VIR_ERR_NO_DOMAIN, VRC_MSG_NO_DOMAIN);
    return 0;
}

static int
vrcLookupInvalidUuidString(vrcCtx *ctx)
{
    VRC_ERR_DOM(ctx, virDomainLookupByUUIDString(ctx->conn, "not-a-uuid"),
                VIR_ERR_INVALID_ARG, "Invalid UUID");
    return 0;
}

static int
vrcLookupUndefined(vrcCtx *ctx)
{
    virDomainPtr dom;
    char uuid[VIR_UUID_STRING_BUFLEN];

    VRC_NEED(dom, vrcDefine(ctx, "conform-k1", NULL));
    VRC_OK(ctx, virDomainGetUUIDString(dom, uuid));
    VRC_OK(ctx, virDomainUndefine(dom));
    VRC_GONE(ctx, "conform-k1");
    VRC_ERR_DOM(ctx, virDomainLookupByUUIDString(ctx->conn, uuid), VIR_ERR_NO_DOMAIN,
                VRC_MSG_NO_DOMAIN);
    VRC_ERR(ctx, virDomainCreate(dom), VIR_ERR_NO_DOMAIN, VRC_MSG_NO_DOMAIN);
    return 0;
}

static int
vrcLookupInfo(vrcCtx *ctx)
{
    virDomainPtr dom;
    virDomainInfo info;
    char *os;

    VRC_NEED(dom, vrcDefine(ctx, "conform-k1", vrcXml(ctx, "conform-k1", NULL,
                                                      VRC_MEM_KIB, 3, NULL)));
    VRC_OK(ctx, virDomainGetInfo(dom, &info));
    VRC_EXPECT_INT(ctx, "info.state", info.state, VIR_DOMAIN_SHUTOFF);
    VRC_EXPECT_INT(ctx, "info.maxMem", info.maxMem, VRC_MEM_KIB);
    VRC_EXPECT_INT(ctx, "info.memory", info.memory, VRC_MEM_KIB);
    VRC_EXPECT_INT(ctx, "info.nrVirtCpu", info.nrVirtCpu, 3);
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_OK(ctx, virDomainGetInfo(dom, &info));
    VRC_EXPECT_INT(ctx, "info.state", info.state, VIR_DOMAIN_RUNNING);
    VRC_EXPECT_INT(ctx, "info.nrVirtCpu", info.nrVirtCpu, 3);
    VRC_STR(ctx, os, virDomainGetOSType(dom));
    VRC_EXPECT_STR(ctx, "os type", os, "linux");
    return 0;
}

static int
vrcLookupConnect(vrcCtx *ctx)
{
    virDomainPtr dom;

    VRC_NEED(dom, vrcDefine(ctx, "conform-k1", NULL));
    vrcStep(ctx, "virDomainGetConnect(conform-k1)");
    VRC_EXPECT(ctx, virDomainGetConnect(dom) == ctx->conn,
               "virDomainGetConnect returned another connection");
    return 0;
}

/* Counts of active and inactive domains change by exactly one. */
static int
vrcLookupCounts(vrcCtx *ctx)
{
    virDomainPtr dom;
    int active, inactive;

    VRC_SET(ctx, active, virConnectNumOfDomains(ctx->conn));
    VRC_SET(ctx, inactive, virConnectNumOfDefinedDomains(ctx->conn));
    VRC_NEED(dom, vrcDefine(ctx, "conform-k1", NULL));
    VRC_EXPECT_RET(ctx, virConnectNumOfDefinedDomains(ctx->conn), inactive + 1);
    VRC_EXPECT_RET(ctx, virConnectNumOfDomains(ctx->conn), active);
    VRC_OK(ctx, virDomainCreate(dom));
    VRC_EXPECT_RET(ctx, virConnectNumOfDefinedDomains(ctx->conn), inactive);
    VRC_EXPECT_RET(ctx, virConnectNumOfDomains(ctx->conn), active + 1);
    return 0;
}

#define VRC_IDS_MAX 1024
#define VRC_NAMES_MAX 1024

static int
vrcLookupLegacyLists(vrcCtx *ctx)
{
    virDomainPtr run, off, again;
    int ids[VRC_IDS_MAX];
    char *names[VRC_NAMES_MAX];
    int n, i, id;
    bool foundId = false, foundName = false, foundRunning = false;

    VRC_NEED(run, vrcStartPersistent(ctx, "conform-k1"));
    VRC_NEED(off, vrcDefine(ctx, "conform-k2", NULL));
    VRC_NEED(again, vrcLookup(ctx, "conform-k1"));
    id = (int)virDomainGetID(again);
    VRC_SET(ctx, n, virConnectListDomains(ctx->conn, ids, VRC_IDS_MAX));
    for (i = 0; i < n; i++)
        foundId |= ids[i] == id;
    VRC_EXPECT(ctx, foundId, "id %d of conform-k1 not listed", id);
    VRC_SET(ctx, n, virConnectListDefinedDomains(ctx->conn, names, VRC_NAMES_MAX));
    for (i = 0; i < n; i++) {
        foundName |= strcmp(names[i], "conform-k2") == 0;
        foundRunning |= strcmp(names[i], "conform-k1") == 0;
        free(names[i]);
    }
    VRC_EXPECT(ctx, foundName, "conform-k2 not listed");
    VRC_EXPECT(ctx, !foundRunning, "running conform-k1 listed as defined");
    return 0;
}

const vrcCase vrcCasesLookup[] = {
    { "domain/100-unique-create-same-running", "uniqueness",
      "CreateXML of a running domain's name and uuid fails: already active",
      vrcUniqueClash, 0, &vrcClashCreateSameRunning },
    { "domain/101-unique-create-name-running", "uniqueness",
      "CreateXML of a running domain's name with another uuid fails",
      vrcUniqueClash, 0, &vrcClashCreateNameRunning },
    { "domain/102-unique-create-uuid-running", "uniqueness",
      "CreateXML of a running domain's uuid with another name fails",
      vrcUniqueClash, 0, &vrcClashCreateUuidRunning },
    { "domain/103-unique-create-name-inactive", "uniqueness",
      "CreateXML of an inactive domain's name with another uuid fails",
      vrcUniqueClash, 0, &vrcClashCreateNameInactive },
    { "domain/104-unique-create-uuid-inactive", "uniqueness",
      "CreateXML of an inactive domain's uuid with another name fails",
      vrcUniqueClash, 0, &vrcClashCreateUuidInactive },
    { "domain/105-unique-define-name-transient", "uniqueness",
      "Define of a running transient domain's name with another uuid fails",
      vrcUniqueClash, 0, &vrcClashDefineNameTransient },
    { "domain/106-unique-define-uuid-transient", "uniqueness",
      "Define of a running transient domain's uuid with another name fails",
      vrcUniqueClash, 0, &vrcClashDefineUuidTransient },
    { "domain/107-unique-create-same-persistent", "uniqueness",
      "CreateXML of a running persistent domain's name and uuid fails: already active",
      vrcUniqueClash, 0, &vrcClashCreateSamePersistent },
    { "domain/108-unique-define-uuid-persistent", "uniqueness",
      "Define of a running persistent domain's uuid with another name fails",
      vrcUniqueClash, 0, &vrcClashDefineUuidPersistent },
    { "domain/109-unique-generated-uuids", "uniqueness",
      "definitions without <uuid> get distinct uuids", vrcUniqueGeneratedUuids },
    { "domain/110-unique-uuid-case", "uniqueness",
      "an upper-case uuid is the same uuid, printed in lower case", vrcUniqueUuidCase },
    { "domain/120-lookup-agree", "lookup",
      "lookups by name, id, uuid and uuid string find the same domain", vrcLookupAgree },
    { "domain/121-lookup-uuid-no-dashes", "lookup",
      "LookupByUUIDString accepts a uuid without dashes", vrcLookupUuidNoDashes },
    { "domain/122-lookup-ids-change", "lookup",
      "ids change across a restart, uuids do not; inactive id is -1", vrcLookupIdsChange },
    { "domain/123-lookup-handle-across-states", "lookup",
      "one handle stays valid through every state change until undefine",
      vrcLookupHandleAcrossStates },
    { "domain/124-lookup-unknown-name", "lookup",
      "LookupByName of an unknown name fails with VIR_ERR_NO_DOMAIN", vrcLookupUnknownName },
    { "domain/125-lookup-unknown-id", "lookup",
      "LookupByID of an unknown id fails with VIR_ERR_NO_DOMAIN", vrcLookupUnknownId },
    { "domain/126-lookup-unknown-uuid", "lookup",
      "LookupByUUID(String) of an unknown uuid fails with VIR_ERR_NO_DOMAIN",
      vrcLookupUnknownUuid },
    { "domain/127-lookup-stopped-id", "lookup",
      "the id of a stopped domain no longer finds it", vrcLookupInactiveById },
    { "domain/128-lookup-invalid-uuid-string", "lookup",
      "LookupByUUIDString of a malformed uuid fails with VIR_ERR_INVALID_ARG",
      vrcLookupInvalidUuidString },
    { "domain/129-lookup-undefined", "lookup",
      "an undefined domain is gone by name and uuid; its handle fails",
      vrcLookupUndefined },
    { "domain/130-lookup-info", "lookup",
      "GetInfo and GetOSType report the definition", vrcLookupInfo },
    { "domain/131-lookup-connect", "lookup",
      "GetConnect returns the connection the domain came from", vrcLookupConnect },
    { "domain/132-lookup-counts", "lookup",
      "NumOfDomains / NumOfDefinedDomains change by exactly one", vrcLookupCounts },
    { "domain/133-lookup-legacy-lists", "lookup",
      "ListDomains has the running id, ListDefinedDomains the inactive name",
      vrcLookupLegacyLists },
};
const size_t vrcCasesLookupCount = VRC_COUNT(vrcCasesLookup);
