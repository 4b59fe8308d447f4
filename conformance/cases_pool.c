/* conformance/cases_pool.c: storage pools with the domain skeleton --
 * lifecycles (define, build, start, destroy, delete, undefine), handles,
 * autostart, redefinition, uniqueness, every operation in a state where it
 * is invalid, XML, lifecycle and refresh events, ListAllStoragePools
 * filters and misuse. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netstore.h"

#define VRC_RESTART_CYCLES 3
#define VRC_UUID_BUFLEN 64
#define VRC_BAD_FLAG (1U << 30)
#define VRC_TICKS_AFTER_DEREGISTER 10
#define VRC_NAMES_MAX 64

/* The pool's target path in its XML must be PATH. */
static int
vrcPoolPathIs(vrcCtx *ctx, virStoragePoolPtr pool, const char *path)
{
    char *xml;
    char val[VRC_CALL_MAX];

    VRC_STR(ctx, xml, virStoragePoolGetXMLDesc(pool, 0));
    VRC_CHECK(vrcXmlValue(ctx, xml, "<path>", "</path>", val, sizeof(val)));
    VRC_EXPECT_STR(ctx, "target path", val, path);
    return 0;
}

static int
vrcPoolStateIs(vrcCtx *ctx, virStoragePoolPtr pool, int state)
{
    virStoragePoolInfo info;

    VRC_CHECK(vrcPoolGetInfo(ctx, pool, &info));
    VRC_EXPECT_INT(ctx, "pool state", info.state, state);
    return 0;
}

/* A dir pool NAME with UUID whose target is the scratch path of TARGET. */
static const char *
vrcPoolXmlAt(vrcCtx *ctx, const char *name, unsigned int uuid, const char *target)
{
    return vrcPrintf(ctx, "<pool type='dir'><name>%s</name><uuid>%s</uuid>"
                     "<target><path>%s</path></target></pool>", name, vrcUuid(ctx, uuid),
                     vrcPoolPath(ctx, target));
}

/* ---- lifecycle ---- */

static int
vrcPoolTransientLifecycle(vrcCtx *ctx)
{
    virStoragePoolPtr pool, found;

    VRC_NEED(pool, vrcPoolCreate(ctx, "conform-p1", vrcPoolXml(ctx, "conform-p1",
                                                               vrcUuid(ctx, 1))));
    VRC_CHECK(vrcPoolExpectFlags(ctx, pool, 1, 0));
    VRC_CHECK(vrcPoolStateIs(ctx, pool, VIR_STORAGE_POOL_RUNNING));
    VRC_NEED(found, vrcPoolLookup(ctx, "conform-p1"));
    VRC_CHECK(vrcPoolExpectFlags(ctx, found, 1, 0));
    VRC_OK(ctx, virStoragePoolDestroy(pool));
    VRC_CHECK(vrcPoolExpectGone(ctx, "conform-p1"));
    VRC_ERR(ctx, virStoragePoolIsActive(pool), VIR_ERR_NO_STORAGE_POOL,
            "Storage pool not found: no storage pool with matching uuid "
            "'c0f0c0f0-0000-4000-8000-000000000001'");
    VRC_ERR(ctx, virStoragePoolDestroy(pool), VIR_ERR_NO_STORAGE_POOL,
            VRC_MSG_NO_POOL("conform-p1"));
    return 0;
}

static int
vrcPoolTransientRecreate(vrcCtx *ctx)
{
    virStoragePoolPtr pool;

    VRC_NEED(pool, vrcPoolCreate(ctx, "conform-p1", NULL));
    VRC_OK(ctx, virStoragePoolDestroy(pool));
    VRC_NEED(pool, vrcPoolCreate(ctx, "conform-p1", NULL));
    VRC_CHECK(vrcPoolExpectFlags(ctx, pool, 1, 0));
    return 0;
}

static int
vrcPoolPersistentLifecycle(vrcCtx *ctx)
{
    virStoragePoolPtr pool;

    VRC_NEED(pool, vrcPoolDefine(ctx, "conform-p1", NULL));
    VRC_CHECK(vrcPoolExpectFlags(ctx, pool, 0, 1));
    VRC_CHECK(vrcPoolStateIs(ctx, pool, VIR_STORAGE_POOL_INACTIVE));
    VRC_OK(ctx, virStoragePoolBuild(pool, 0));
    VRC_CHECK(vrcPoolExpectFlags(ctx, pool, 0, 1));
    VRC_OK(ctx, virStoragePoolCreate(pool, 0));
    VRC_CHECK(vrcPoolExpectFlags(ctx, pool, 1, 1));
    VRC_CHECK(vrcPoolStateIs(ctx, pool, VIR_STORAGE_POOL_RUNNING));
    VRC_OK(ctx, virStoragePoolDestroy(pool));
    VRC_CHECK(vrcPoolExpectFlags(ctx, pool, 0, 1));
    VRC_OK(ctx, virStoragePoolDelete(pool, 0));
    VRC_CHECK(vrcPoolExpectFlags(ctx, pool, 0, 1));
    VRC_OK(ctx, virStoragePoolUndefine(pool));
    VRC_CHECK(vrcPoolExpectGone(ctx, "conform-p1"));
    return 0;
}

static int
vrcPoolPersistentRestart(vrcCtx *ctx)
{
    virStoragePoolPtr pool;
    int i;

    VRC_NEED(pool, vrcPoolDefine(ctx, "conform-p1", NULL));
    VRC_OK(ctx, virStoragePoolBuild(pool, 0));
    for (i = 0; i < VRC_RESTART_CYCLES; i++) {
        VRC_OK(ctx, virStoragePoolCreate(pool, 0));
        VRC_CHECK(vrcPoolExpectFlags(ctx, pool, 1, 1));
        VRC_OK(ctx, virStoragePoolDestroy(pool));
        VRC_CHECK(vrcPoolExpectFlags(ctx, pool, 0, 1));
    }
    return 0;
}

static int
vrcPoolDefineOverTransient(vrcCtx *ctx)
{
    const char *xml = vrcPoolXml(ctx, "conform-p1", vrcUuid(ctx, 1));
    virStoragePoolPtr pool;

    VRC_NEED(pool, vrcPoolCreate(ctx, "conform-p1", xml));
    VRC_NEED(pool, vrcPoolDefine(ctx, "conform-p1", xml));
    VRC_CHECK(vrcPoolExpectFlags(ctx, pool, 1, 1));
    VRC_OK(ctx, virStoragePoolDestroy(pool));
    VRC_CHECK(vrcPoolExpectFlags(ctx, pool, 0, 1));
    return 0;
}

/* The active pool keeps its target; the new definition applies at the next
 * start (libvirt's storage driver). */
static int
vrcPoolDefineWhileActive(vrcCtx *ctx)
{
    virStoragePoolPtr pool;

    VRC_NEED(pool, vrcPoolDefine(ctx, "conform-p1", vrcPoolXmlAt(ctx, "conform-p1", 1,
                                                                 "conform-p1")));
    VRC_OK(ctx, virStoragePoolBuild(pool, 0));
    VRC_OK(ctx, virStoragePoolCreate(pool, 0));
    VRC_NEED(pool, vrcPoolDefine(ctx, "conform-p1", vrcPoolXmlAt(ctx, "conform-p1", 1,
                                                                 "other")));
    VRC_CHECK(vrcPoolExpectFlags(ctx, pool, 1, 1));
    VRC_CHECK(vrcPoolPathIs(ctx, pool, vrcPoolPath(ctx, "conform-p1")));
    VRC_OK(ctx, virStoragePoolDestroy(pool));
    VRC_CHECK(vrcPoolPathIs(ctx, pool, vrcPoolPath(ctx, "other")));
    return 0;
}

static int
vrcPoolUndefineRedefine(vrcCtx *ctx)
{
    virStoragePoolPtr pool;
    int autostart = -1;

    VRC_NEED(pool, vrcPoolDefine(ctx, "conform-p1", NULL));
    VRC_OK(ctx, virStoragePoolSetAutostart(pool, 1));
    VRC_OK(ctx, virStoragePoolUndefine(pool));
    VRC_CHECK(vrcPoolExpectGone(ctx, "conform-p1"));
    VRC_NEED(pool, vrcPoolDefine(ctx, "conform-p1", NULL));
    VRC_OK(ctx, virStoragePoolGetAutostart(pool, &autostart));
    VRC_EXPECT_INT(ctx, "autostart of the new definition", autostart, 0);
    return 0;
}

/* ---- handles, lookups, info ---- */

static int
vrcPoolHandles(vrcCtx *ctx)
{
    const char *uuid = vrcUuid(ctx, 7);
    virStoragePoolPtr pool, byUuid, byStr, byVol;
    virStorageVolPtr vol;
    unsigned char raw[VIR_UUID_BUFLEN];
    char str[VRC_UUID_BUFLEN];

    VRC_NEED(pool, vrcPoolCreate(ctx, "conform-p1", vrcPoolXml(ctx, "conform-p1", uuid)));
    VRC_OK(ctx, virStoragePoolGetUUID(pool, raw));
    VRC_POOL(ctx, byUuid, virStoragePoolLookupByUUID(ctx->conn, raw));
    VRC_POOL(ctx, byStr, virStoragePoolLookupByUUIDString(ctx->conn, uuid));
    VRC_NEED(vol, vrcVolCreate(ctx, pool, "conform-v1",
                               vrcVolXml(ctx, "conform-v1", VRC_MIB, 0, NULL)));
    VRC_POOL(ctx, byVol, virStoragePoolLookupByVolume(vol));
    VRC_EXPECT_STR(ctx, "name by uuid", virStoragePoolGetName(byUuid), "conform-p1");
    VRC_EXPECT_STR(ctx, "name by uuid string", virStoragePoolGetName(byStr), "conform-p1");
    VRC_EXPECT_STR(ctx, "name by volume", virStoragePoolGetName(byVol), "conform-p1");
    VRC_OK(ctx, virStoragePoolGetUUIDString(byVol, str));
    VRC_EXPECT_STR(ctx, "uuid string", str, uuid);
    vrcStep(ctx, "virStoragePoolGetConnect(conform-p1)");
    VRC_EXPECT(ctx, virStoragePoolGetConnect(pool) == ctx->conn,
               "virStoragePoolGetConnect did not return the connection");
    return 0;
}

static int
vrcPoolLookupUnknown(vrcCtx *ctx)
{
    VRC_ERR_POOL(ctx, virStoragePoolLookupByName(ctx->conn, "conform-none"),
                 VIR_ERR_NO_STORAGE_POOL, VRC_MSG_NO_POOL("conform-none"));
    VRC_ERR_POOL(ctx, virStoragePoolLookupByUUIDString(ctx->conn, vrcUuid(ctx, 255)),
                 VIR_ERR_NO_STORAGE_POOL, "Storage pool not found: no storage pool with "
                 "matching uuid 'c0f0c0f0-0000-4000-8000-0000000000ff'");
    return 0;
}

/* An active pool's sizes add up, and its XML shows GetInfo's numbers. */
static int
vrcPoolInfoConsistent(vrcCtx *ctx)
{
    virStoragePoolPtr pool;
    virStoragePoolInfo info;
    char *xml;
    char want[VRC_CALL_MAX];

    VRC_NEED(pool, vrcPoolStart(ctx, "conform-p1"));
    VRC_CHECK(vrcPoolGetInfo(ctx, pool, &info));
    VRC_EXPECT(ctx, info.capacity == info.allocation + info.available,
               "capacity %llu != allocation %llu + available %llu", info.capacity,
               info.allocation, info.available);
    VRC_STR(ctx, xml, virStoragePoolGetXMLDesc(pool, 0));
    snprintf(want, sizeof(want), "<capacity unit='bytes'>%llu</capacity>\n"
             "  <allocation unit='bytes'>%llu</allocation>\n"
             "  <available unit='bytes'>%llu</available>\n", info.capacity, info.allocation,
             info.available);
    VRC_EXPECT(ctx, strstr(xml, want) != NULL, "XML disagrees with GetInfo (%s):\n%s", want,
               xml);
    return 0;
}

/* ---- autostart ---- */

static int
vrcPoolAutostart(vrcCtx *ctx)
{
    virStoragePoolPtr pool;
    int autostart = -1;

    VRC_NEED(pool, vrcPoolDefine(ctx, "conform-p1", NULL));
    VRC_OK(ctx, virStoragePoolGetAutostart(pool, &autostart));
    VRC_EXPECT_INT(ctx, "autostart by default", autostart, 0);
    VRC_OK(ctx, virStoragePoolSetAutostart(pool, 1));
    VRC_OK(ctx, virStoragePoolGetAutostart(pool, &autostart));
    VRC_EXPECT_INT(ctx, "autostart after set", autostart, 1);
    VRC_OK(ctx, virStoragePoolSetAutostart(pool, 0));
    VRC_OK(ctx, virStoragePoolGetAutostart(pool, &autostart));
    VRC_EXPECT_INT(ctx, "autostart after clear", autostart, 0);
    return 0;
}

static int
vrcPoolAutostartSurvives(vrcCtx *ctx)
{
    virStoragePoolPtr pool;
    int autostart = -1;

    VRC_NEED(pool, vrcPoolDefine(ctx, "conform-p1", vrcPoolXmlAt(ctx, "conform-p1", 1,
                                                                 "conform-p1")));
    VRC_OK(ctx, virStoragePoolSetAutostart(pool, 1));
    VRC_OK(ctx, virStoragePoolBuild(pool, 0));
    VRC_OK(ctx, virStoragePoolCreate(pool, 0));
    VRC_OK(ctx, virStoragePoolDestroy(pool));
    VRC_NEED(pool, vrcPoolDefine(ctx, "conform-p1", vrcPoolXmlAt(ctx, "conform-p1", 1,
                                                                 "other")));
    VRC_OK(ctx, virStoragePoolGetAutostart(pool, &autostart));
    VRC_EXPECT_INT(ctx, "autostart after restart and redefine", autostart, 1);
    return 0;
}

/* ---- redefine and uniqueness ---- */

static int
vrcPoolRedefineUpdate(vrcCtx *ctx)
{
    virStoragePoolPtr pool;

    VRC_NEED(pool, vrcPoolDefine(ctx, "conform-p1", vrcPoolXmlAt(ctx, "conform-p1", 1,
                                                                 "conform-p1")));
    VRC_NEED(pool, vrcPoolDefine(ctx, "conform-p1", vrcPoolXmlAt(ctx, "conform-p1", 1,
                                                                 "other")));
    VRC_CHECK(vrcPoolExpectFlags(ctx, pool, 0, 1));
    VRC_CHECK(vrcPoolPathIs(ctx, pool, vrcPoolPath(ctx, "other")));
    VRC_CHECK(vrcPoolExpectList(ctx, 0, "conform-p1"));
    return 0;
}

#define VRC_MSG_POOL_EXISTS \
    "operation failed: pool 'conform-p1' already exists with uuid " \
    "c0f0c0f0-0000-4000-8000-000000000001"
#define VRC_MSG_POOL_UUID_TAKEN \
    "operation failed: pool 'conform-p1' is already defined with uuid " \
    "c0f0c0f0-0000-4000-8000-000000000001"

typedef struct {
    bool active;
    bool create;
    const char *name;
    unsigned int uuid;
    int code;
    const char *message;
} vrcPoolClash;

static int
vrcPoolClashCase(vrcCtx *ctx)
{
    const vrcPoolClash *row = ctx->tc->data;
    const char *xml = vrcPoolXmlAt(ctx, row->name, row->uuid, "other");
    virStoragePoolPtr pool;

    VRC_NEED(pool, vrcPoolDefine(ctx, "conform-p1", vrcPoolXmlAt(ctx, "conform-p1", 1,
                                                                 "conform-p1")));
    if (row->active) {
        VRC_OK(ctx, virStoragePoolBuild(pool, 0));
        VRC_OK(ctx, virStoragePoolCreate(pool, 0));
    }
    if (row->create)
        VRC_ERR_POOL(ctx, virStoragePoolCreateXML(ctx->conn, xml, 0), row->code, row->message);
    else
        VRC_ERR_POOL(ctx, virStoragePoolDefineXML(ctx->conn, xml, 0), row->code, row->message);
    VRC_CHECK(vrcPoolExpectFlags(ctx, pool, row->active, 1));
    VRC_CHECK(vrcPoolPathIs(ctx, pool, vrcPoolPath(ctx, "conform-p1")));
    VRC_CHECK(vrcPoolExpectList(ctx, 0, "conform-p1"));
    return 0;
}

#define VRC_CLASH(id, act, cr, nm, uu, code, msg) \
    static const vrcPoolClash vrcPClash_##id = { act, cr, nm, uu, code, msg }
VRC_CLASH(defName, false, false, "conform-p1", 2, VIR_ERR_OPERATION_FAILED,
          VRC_MSG_POOL_EXISTS);
VRC_CLASH(defUuid, false, false, "conform-p2", 1, VIR_ERR_OPERATION_FAILED,
          VRC_MSG_POOL_UUID_TAKEN);
VRC_CLASH(defNameActive, true, false, "conform-p1", 2, VIR_ERR_OPERATION_FAILED,
          VRC_MSG_POOL_EXISTS);
VRC_CLASH(crSame, true, true, "conform-p1", 1, VIR_ERR_OPERATION_INVALID,
          "Requested operation is not valid: pool is already active as 'conform-p1'");
VRC_CLASH(crName, false, true, "conform-p1", 2, VIR_ERR_OPERATION_FAILED,
          VRC_MSG_POOL_EXISTS);
VRC_CLASH(crUuid, true, true, "conform-p2", 1, VIR_ERR_OPERATION_FAILED,
          VRC_MSG_POOL_UUID_TAKEN);
#undef VRC_CLASH

static int
vrcPoolGeneratedUuids(vrcCtx *ctx)
{
    virStoragePoolPtr a, b;
    char ua[VRC_UUID_BUFLEN], ub[VRC_UUID_BUFLEN];

    VRC_NEED(a, vrcPoolDefine(ctx, "conform-p1", NULL));
    VRC_NEED(b, vrcPoolDefine(ctx, "conform-p2", NULL));
    VRC_OK(ctx, virStoragePoolGetUUIDString(a, ua));
    VRC_OK(ctx, virStoragePoolGetUUIDString(b, ub));
    VRC_EXPECT(ctx, strlen(ua) == VIR_UUID_STRING_BUFLEN - 1, "malformed uuid '%s'", ua);
    VRC_EXPECT(ctx, strcmp(ua, ub) != 0, "two pools share the generated uuid %s", ua);
    return 0;
}

/* ---- wrong states ---- */

typedef enum {
    VRC_POOL_INACTIVE,      /* defined and built, not started */
    VRC_POOL_ACTIVE,        /* defined, built and started */
    VRC_POOL_TRANSIENT,     /* created */
} vrcPoolState;

typedef enum {
    VRC_POP_CREATE, VRC_POP_BUILD, VRC_POP_DELETE, VRC_POP_UNDEFINE, VRC_POP_DESTROY,
    VRC_POP_REFRESH, VRC_POP_NUM_VOLS, VRC_POP_LIST_VOLS, VRC_POP_LIST_ALL_VOLS,
    VRC_POP_VOL_CREATE, VRC_POP_VOL_LOOKUP, VRC_POP_AUTOSTART,
} vrcPoolOp;

typedef struct {
    vrcPoolState in;
    vrcPoolOp op;
    int code;
    const char *message;
} vrcPoolInvalid;

static int
vrcPoolDoOp(vrcCtx *ctx, virStoragePoolPtr pool, vrcPoolOp op)
{
    char *names[1];
    virStorageVolPtr *vols = NULL;
    const char *vxml = vrcVolXml(ctx, "conform-v2", VRC_MIB, 0, NULL);

#define VRC_RUN(call) do { vrcStep(ctx, "%s", #call); return (call); } while (0)
#define VRC_RUN_VOL(call) \
    do { virStorageVolPtr v_; vrcStep(ctx, "%s", #call); \
         if (!(v_ = (call))) return -1; \
         vrcKeepObj(ctx, VRC_OBJ_VOL, v_); return 0; } while (0)
    switch (op) {
    case VRC_POP_CREATE: VRC_RUN(virStoragePoolCreate(pool, 0));
    case VRC_POP_BUILD: VRC_RUN(virStoragePoolBuild(pool, 0));
    case VRC_POP_DELETE: VRC_RUN(virStoragePoolDelete(pool, 0));
    case VRC_POP_UNDEFINE: VRC_RUN(virStoragePoolUndefine(pool));
    case VRC_POP_DESTROY: VRC_RUN(virStoragePoolDestroy(pool));
    case VRC_POP_REFRESH: VRC_RUN(virStoragePoolRefresh(pool, 0));
    case VRC_POP_NUM_VOLS: VRC_RUN(virStoragePoolNumOfVolumes(pool));
    case VRC_POP_LIST_VOLS: VRC_RUN(virStoragePoolListVolumes(pool, names, 1));
    case VRC_POP_LIST_ALL_VOLS: VRC_RUN(virStoragePoolListAllVolumes(pool, &vols, 0));
    case VRC_POP_VOL_CREATE: VRC_RUN_VOL(virStorageVolCreateXML(pool, vxml, 0));
    case VRC_POP_VOL_LOOKUP: VRC_RUN_VOL(virStorageVolLookupByName(pool, "conform-v1"));
    case VRC_POP_AUTOSTART: VRC_RUN(virStoragePoolSetAutostart(pool, 1));
    }
#undef VRC_RUN
#undef VRC_RUN_VOL
    return vrcFail(ctx, "unknown operation %d", (int)op);
}

static virStoragePoolPtr
vrcPoolEnterState(vrcCtx *ctx, vrcPoolState in)
{
    virStoragePoolPtr pool;

    if (in == VRC_POOL_TRANSIENT)
        pool = vrcPoolCreate(ctx, "conform-s1", NULL);
    else
        pool = vrcPoolStart(ctx, "conform-s1");
    if (!pool)
        return NULL;
    /* A volume to look up; an inactive pool keeps its volumes. */
    if (!vrcVolCreate(ctx, pool, "conform-v1", vrcVolXml(ctx, "conform-v1", VRC_MIB, 0, NULL)))
        return NULL;
    if (in == VRC_POOL_INACTIVE) {
        vrcStep(ctx, "virStoragePoolDestroy(conform-s1)");
        if (virStoragePoolDestroy(pool) < 0) {
            vrcCallFailed(ctx);
            return NULL;
        }
    }
    return pool;
}

static int
vrcPoolInvalidOp(vrcCtx *ctx)
{
    const vrcPoolInvalid *row = ctx->tc->data;
    virStoragePoolPtr pool;
    int rc, autostart = -1;

    VRC_NEED(pool, vrcPoolEnterState(ctx, row->in));
    rc = vrcPoolDoOp(ctx, pool, row->op);
    VRC_CHECK(vrcCheckError(ctx, rc < 0, row->code, row->message));
    VRC_CHECK(vrcPoolExpectFlags(ctx, pool, row->in != VRC_POOL_INACTIVE,
                                 row->in != VRC_POOL_TRANSIENT));
    VRC_OK(ctx, virStoragePoolGetAutostart(pool, &autostart));
    VRC_EXPECT_INT(ctx, "autostart", autostart, 0);
    if (row->in != VRC_POOL_INACTIVE)
        VRC_CHECK(vrcVolExpectList(ctx, pool, "conform-v1"));
    return 0;
}

#define VRC_POOL_ACT "Requested operation is not valid: storage pool 'conform-s1' is active"
#define VRC_POOL_INACT "Requested operation is not valid: storage pool 'conform-s1' is not active"
#define VRC_IROW(id, in, op, code, msg) \
    static const vrcPoolInvalid vrcPInv_##id = { in, op, code, msg }
VRC_IROW(actCreate, VRC_POOL_ACTIVE, VRC_POP_CREATE, VIR_ERR_OPERATION_INVALID, VRC_POOL_ACT);
VRC_IROW(actBuild, VRC_POOL_ACTIVE, VRC_POP_BUILD, VIR_ERR_OPERATION_INVALID, VRC_POOL_ACT);
VRC_IROW(actDelete, VRC_POOL_ACTIVE, VRC_POP_DELETE, VIR_ERR_OPERATION_INVALID, VRC_POOL_ACT);
VRC_IROW(actUndefine, VRC_POOL_ACTIVE, VRC_POP_UNDEFINE, VIR_ERR_OPERATION_INVALID,
         VRC_POOL_ACT);
VRC_IROW(offDestroy, VRC_POOL_INACTIVE, VRC_POP_DESTROY, VIR_ERR_OPERATION_INVALID,
         VRC_POOL_INACT);
VRC_IROW(offRefresh, VRC_POOL_INACTIVE, VRC_POP_REFRESH, VIR_ERR_OPERATION_INVALID,
         VRC_POOL_INACT);
VRC_IROW(offNumVols, VRC_POOL_INACTIVE, VRC_POP_NUM_VOLS, VIR_ERR_OPERATION_INVALID,
         VRC_POOL_INACT);
VRC_IROW(offListVols, VRC_POOL_INACTIVE, VRC_POP_LIST_VOLS, VIR_ERR_OPERATION_INVALID,
         VRC_POOL_INACT);
VRC_IROW(offListAllVols, VRC_POOL_INACTIVE, VRC_POP_LIST_ALL_VOLS, VIR_ERR_OPERATION_INVALID,
         "Requested operation is not valid: storage pool is not active");
VRC_IROW(offVolCreate, VRC_POOL_INACTIVE, VRC_POP_VOL_CREATE, VIR_ERR_OPERATION_INVALID,
         VRC_POOL_INACT);
VRC_IROW(offVolLookup, VRC_POOL_INACTIVE, VRC_POP_VOL_LOOKUP, VIR_ERR_OPERATION_INVALID,
         VRC_POOL_INACT);
VRC_IROW(trUndefine, VRC_POOL_TRANSIENT, VRC_POP_UNDEFINE, VIR_ERR_OPERATION_INVALID,
         VRC_POOL_ACT);
VRC_IROW(trDelete, VRC_POOL_TRANSIENT, VRC_POP_DELETE, VIR_ERR_OPERATION_INVALID,
         VRC_POOL_ACT);
VRC_IROW(trAutostart, VRC_POOL_TRANSIENT, VRC_POP_AUTOSTART, VIR_ERR_INVALID_ARG,
         "invalid argument: pool has no config file");
#undef VRC_IROW

/* ---- XML ---- */

/* The XML with the three size lines taken out (they depend on the node). */
static char *
vrcPoolXmlNoSizes(const char *xml)
{
    static const char *const sizes[] = { "<capacity unit=", "<allocation unit=",
                                         "<available unit=" };

    return vrcDropLines(xml, sizes, VRC_COUNT(sizes));
}

typedef struct {
    const char *name;
    const char *body;       /* the pool's XML after <uuid> */
    const char *type;
    const char *out;        /* expected output after <uuid>, sizes removed */
} vrcPoolXmlRow;

static int
vrcPoolXmlExact(vrcCtx *ctx)
{
    const vrcPoolXmlRow *row = ctx->tc->data;
    const char *head = vrcPrintf(ctx, "<pool type='%s'>\n  <name>%s</name>\n"
                                 "  <uuid>c0f0c0f0-0000-4000-8000-000000000031</uuid>\n",
                                 row->type, row->name);
    const char *in = vrcPrintf(ctx, "%s%s</pool>\n", head, row->body);
    const char *want = vrcPrintf(ctx, "%s%s", head, row->out);
    virStoragePoolPtr pool;
    char *xml, *got;

    VRC_NEED(pool, vrcPoolDefine(ctx, row->name, in));
    VRC_STR(ctx, xml, virStoragePoolGetXMLDesc(pool, 0));
    got = vrcKeepMem(ctx, vrcPoolXmlNoSizes(xml));
    VRC_EXPECT(ctx, strcmp(got, want) == 0, "expected (sizes aside):\n%s\ngot:\n%s", want,
               xml);
    return 0;
}

#define VRC_SRC_EMPTY "  <source>\n  </source>\n"
static const vrcPoolXmlRow vrcPX_dir = {
    "conform-px1",
    "<target><path>/var/lib/conform/px1</path><permissions><mode>0755</mode>"
    "<owner>0</owner><group>0</group></permissions></target>", "dir",
    VRC_SRC_EMPTY
    "  <target>\n    <path>/var/lib/conform/px1</path>\n    <permissions>\n"
    "      <mode>0755</mode>\n      <owner>0</owner>\n      <group>0</group>\n"
    "    </permissions>\n  </target>\n</pool>\n",
};
static const vrcPoolXmlRow vrcPX_netfs = {
    "conform-px2",
    "<source><host name='nfs.conform.test'/><dir path='/export'/><format type='nfs'/>"
    "</source><target><path>/mnt/conform</path></target>", "netfs",
    "  <source>\n    <host name='nfs.conform.test'/>\n    <dir path='/export'/>\n"
    "    <format type='nfs'/>\n  </source>\n"
    "  <target>\n    <path>/mnt/conform</path>\n  </target>\n</pool>\n",
};
static const vrcPoolXmlRow vrcPX_logical = {
    "conform-px3",
    "<source><device path='/dev/sdb'/><name>vgconform</name><format type='lvm2'/></source>"
    "<target><path>/dev/vgconform</path></target>", "logical",
    "  <source>\n    <device path='/dev/sdb'/>\n    <name>vgconform</name>\n"
    "    <format type='lvm2'/>\n  </source>\n"
    "  <target>\n    <path>/dev/vgconform</path>\n  </target>\n</pool>\n",
};
static const vrcPoolXmlRow vrcPX_iscsi = {
    "conform-px4",
    "<source><host name='iscsi.conform.test' port='3260'/>"
    "<device path='iqn.2024-01.test.conform:disk1'/></source>"
    "<target><path>/dev/disk/by-path</path></target>", "iscsi",
    "  <source>\n    <host name='iscsi.conform.test' port='3260'/>\n"
    "    <device path='iqn.2024-01.test.conform:disk1'/>\n  </source>\n"
    "  <target>\n    <path>/dev/disk/by-path</path>\n  </target>\n</pool>\n",
};
static const vrcPoolXmlRow vrcPX_fs = {
    "conform-px5",
    "<source><device path='/dev/sdc1'/><format type='ext4'/></source>"
    "<target><path>/mnt/px5</path></target>", "fs",
    "  <source>\n    <device path='/dev/sdc1'/>\n    <format type='ext4'/>\n  </source>\n"
    "  <target>\n    <path>/mnt/px5</path>\n  </target>\n</pool>\n",
};

static int
vrcPoolXmlRoundTrip(vrcCtx *ctx)
{
    virStoragePoolPtr pool;
    char *first, *second, *a, *b;

    VRC_NEED(pool, vrcPoolDefine(ctx, "conform-p1", NULL));
    VRC_STR(ctx, first, virStoragePoolGetXMLDesc(pool, 0));
    VRC_OK(ctx, virStoragePoolUndefine(pool));
    VRC_NEED(pool, vrcPoolDefine(ctx, "conform-p1", first));
    VRC_STR(ctx, second, virStoragePoolGetXMLDesc(pool, 0));
    a = vrcKeepMem(ctx, vrcPoolXmlNoSizes(first));
    b = vrcKeepMem(ctx, vrcPoolXmlNoSizes(second));
    VRC_EXPECT(ctx, strcmp(a, b) == 0, "second dump differs from the first:\n%s\n---\n%s",
               first, second);
    return 0;
}

typedef struct {
    const char *xml;
    int code;
    const char *message;
} vrcPoolBadXml;

static int
vrcPoolParseError(vrcCtx *ctx)
{
    const vrcPoolBadXml *row = ctx->tc->data;

    VRC_ERR_POOL(ctx, virStoragePoolDefineXML(ctx->conn, row->xml, 0), row->code,
                 row->message);
    VRC_ERR_POOL(ctx, virStoragePoolCreateXML(ctx->conn, row->xml, 0), row->code,
                 row->message);
    VRC_CHECK(vrcPoolExpectList(ctx, 0, ""));
    return 0;
}

#define VRC_BAD(id, xml, code, msg) static const vrcPoolBadXml vrcPBad_##id = { xml, code, msg }
VRC_BAD(malformed, "<pool>", VIR_ERR_XML_DETAIL, "*Premature end of data in tag pool line 1*");
VRC_BAD(noType, "<pool><name>conform-x</name></pool>", VIR_ERR_XML_ERROR,
        "XML error: Missing required attribute 'type' in element 'pool'");
VRC_BAD(badType, "<pool type='bogus'><name>conform-x</name></pool>", VIR_ERR_XML_ERROR,
        "XML error: Invalid value for attribute 'type' in element 'pool': 'bogus'.");
VRC_BAD(noName, "<pool type='dir'><target><path>/x</path></target></pool>", VIR_ERR_XML_ERROR,
        "XML error: missing pool source name element");
VRC_BAD(noTarget, "<pool type='dir'><name>conform-x</name></pool>", VIR_ERR_XML_ERROR,
        "XML error: missing storage pool target path");
#undef VRC_BAD

/* ---- events ---- */

static int
vrcPoolEventPersistent(vrcCtx *ctx)
{
    virStoragePoolPtr pool;

    VRC_CHECK(vrcEventsOnPool(ctx, NULL));
    VRC_NEED(pool, vrcPoolDefine(ctx, "conform-p1", NULL));
    VRC_POOL_EVENTS(ctx, "conform-p1", PEV(DEFINED));
    VRC_OK(ctx, virStoragePoolBuild(pool, 0));
    VRC_POOL_EVENTS(ctx, "conform-p1", PEV(CREATED));
    VRC_OK(ctx, virStoragePoolCreate(pool, 0));
    VRC_POOL_EVENTS(ctx, "conform-p1", PEV(STARTED));
    VRC_OK(ctx, virStoragePoolRefresh(pool, 0));
    VRC_POOL_EVENTS(ctx, "conform-p1", PEV_REFRESH);
    VRC_OK(ctx, virStoragePoolDestroy(pool));
    VRC_POOL_EVENTS(ctx, "conform-p1", PEV(STOPPED));
    VRC_OK(ctx, virStoragePoolDelete(pool, 0));
    VRC_POOL_EVENTS(ctx, "conform-p1", PEV(DELETED));
    VRC_OK(ctx, virStoragePoolUndefine(pool));
    VRC_POOL_EVENTS(ctx, "conform-p1", PEV(UNDEFINED));
    return 0;
}

static int
vrcPoolEventOrder(vrcCtx *ctx)
{
    virStoragePoolPtr pool;

    VRC_CHECK(vrcEventsOnPool(ctx, NULL));
    VRC_NEED(pool, vrcPoolDefine(ctx, "conform-p1", NULL));
    VRC_OK(ctx, virStoragePoolBuild(pool, 0));
    VRC_OK(ctx, virStoragePoolCreate(pool, 0));
    VRC_OK(ctx, virStoragePoolRefresh(pool, 0));
    VRC_OK(ctx, virStoragePoolDestroy(pool));
    VRC_OK(ctx, virStoragePoolCreate(pool, 0));
    VRC_OK(ctx, virStoragePoolDestroy(pool));
    VRC_OK(ctx, virStoragePoolDelete(pool, 0));
    VRC_OK(ctx, virStoragePoolUndefine(pool));
    VRC_POOL_EVENTS(ctx, "conform-p1", PEV(DEFINED), PEV(CREATED), PEV(STARTED), PEV_REFRESH,
                    PEV(STOPPED), PEV(STARTED), PEV(STOPPED), PEV(DELETED), PEV(UNDEFINED));
    return 0;
}

static int
vrcPoolEventTransient(vrcCtx *ctx)
{
    virStoragePoolPtr pool;

    VRC_CHECK(vrcEventsOnPool(ctx, NULL));
    VRC_NEED(pool, vrcPoolCreate(ctx, "conform-p1", NULL));
    VRC_POOL_EVENTS(ctx, "conform-p1", PEV(STARTED));
    VRC_OK(ctx, virStoragePoolDestroy(pool));
    VRC_POOL_EVENTS(ctx, "conform-p1", PEV(STOPPED));
    return 0;
}

static int
vrcPoolEventRedefine(vrcCtx *ctx)
{
    const char *xml = vrcPoolXml(ctx, "conform-p1", vrcUuid(ctx, 1));

    VRC_CHECK(vrcEventsOnPool(ctx, NULL));
    VRC_CHECK(vrcPoolDefine(ctx, "conform-p1", xml) ? 0 : -1);
    VRC_CHECK(vrcPoolDefine(ctx, "conform-p1", xml) ? 0 : -1);
    VRC_POOL_EVENTS(ctx, "conform-p1", PEV(DEFINED), PEV(DEFINED));
    return 0;
}

static int
vrcPoolEventFailures(vrcCtx *ctx)
{
    virStoragePoolPtr pool;

    VRC_NEED(pool, vrcPoolStart(ctx, "conform-p1"));
    VRC_CHECK(vrcEventsOnPool(ctx, NULL));
    VRC_ERR(ctx, virStoragePoolCreate(pool, 0), VIR_ERR_OPERATION_INVALID,
            "Requested operation is not valid: storage pool 'conform-p1' is active");
    VRC_ERR(ctx, virStoragePoolBuild(pool, 0), VIR_ERR_OPERATION_INVALID,
            "Requested operation is not valid: storage pool 'conform-p1' is active");
    VRC_ERR(ctx, virStoragePoolDelete(pool, 0), VIR_ERR_OPERATION_INVALID,
            "Requested operation is not valid: storage pool 'conform-p1' is active");
    VRC_ERR(ctx, virStoragePoolUndefine(pool), VIR_ERR_OPERATION_INVALID,
            "Requested operation is not valid: storage pool 'conform-p1' is active");
    VRC_ERR_POOL(ctx, virStoragePoolDefineXML(ctx->conn, vrcPoolXml(ctx, "conform-p1", NULL),
                                              0), VIR_ERR_OPERATION_FAILED,
                 "operation failed: pool 'conform-p1' already exists with uuid *");
    VRC_POOL_NO_EVENTS(ctx, "conform-p1");
    return 0;
}

static int
vrcPoolEventFilter(vrcCtx *ctx)
{
    virStoragePoolPtr one, two;

    VRC_NEED(one, vrcPoolDefine(ctx, "conform-p1", NULL));
    VRC_NEED(two, vrcPoolDefine(ctx, "conform-p2", NULL));
    VRC_CHECK(vrcEventsOnPool(ctx, one));
    VRC_OK(ctx, virStoragePoolCreate(two, 0));
    VRC_OK(ctx, virStoragePoolRefresh(two, 0));
    VRC_OK(ctx, virStoragePoolCreate(one, 0));
    VRC_OK(ctx, virStoragePoolDestroy(two));
    VRC_POOL_EVENTS(ctx, "conform-p1", PEV(STARTED));
    VRC_POOL_NO_EVENTS(ctx, "conform-p2");
    return 0;
}

static void
vrcPoolCountingCb(virConnectPtr conn, virStoragePoolPtr pool, int event, int detail,
                  void *opaque)
{
    (*(int *)opaque)++;
}

static int
vrcPoolEventDeregister(vrcCtx *ctx)
{
    virStoragePoolPtr pool;
    int count = 0, id, i;

    VRC_NEED(pool, vrcPoolDefine(ctx, "conform-p1", NULL));
    VRC_CHECK(vrcEventsOnPool(ctx, NULL));
    VRC_SET(ctx, id, virConnectStoragePoolEventRegisterAny(ctx->conn, NULL,
                     VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
                     (virConnectStoragePoolEventGenericCallback)(void (*)(void))
                     vrcPoolCountingCb, &count, NULL));
    VRC_OK(ctx, virStoragePoolCreate(pool, 0));
    VRC_POOL_EVENTS(ctx, "conform-p1", PEV(STARTED));
    VRC_EXPECT_INT(ctx, "events seen by the second callback", count, 1);
    VRC_OK(ctx, virConnectStoragePoolEventDeregisterAny(ctx->conn, id));
    VRC_OK(ctx, virStoragePoolDestroy(pool));
    VRC_POOL_EVENTS(ctx, "conform-p1", PEV(STOPPED));
    for (i = 0; i < VRC_TICKS_AFTER_DEREGISTER; i++)
        VRC_OK(ctx, vrcEventTick());
    VRC_EXPECT_INT(ctx, "events after deregistration", count, 1);
    VRC_ERR(ctx, virConnectStoragePoolEventDeregisterAny(ctx->conn, id), VIR_ERR_INVALID_ARG,
            vrcPrintf(ctx, "invalid argument: could not find event callback %d for deletion",
                      id));
    return 0;
}

/* ---- ListAllStoragePools ---- */

#define P_ACT "conform-l-act"
#define P_AUTO "conform-l-auto"
#define P_AUTOACT "conform-l-autoact"
#define P_NFS "conform-l-nfs"
#define P_OFF "conform-l-off"
#define P_TRANS "conform-l-trans"
#define P_ALL P_ACT "," P_AUTO "," P_AUTOACT "," P_NFS "," P_OFF "," P_TRANS
#define P_DIRS P_ACT "," P_AUTO "," P_AUTOACT "," P_OFF "," P_TRANS

static int
vrcPoolListSetup(vrcCtx *ctx)
{
    const char *nfs = "<pool type='netfs'><name>" P_NFS "</name><source>"
                      "<host name='nfs.conform.test'/><dir path='/export'/></source>"
                      "<target><path>/mnt/conform-l-nfs</path></target></pool>";
    virStoragePoolPtr pool;

    VRC_NEED(pool, vrcPoolStart(ctx, P_ACT));
    VRC_NEED(pool, vrcPoolStart(ctx, P_AUTOACT));
    VRC_OK(ctx, virStoragePoolSetAutostart(pool, 1));
    VRC_NEED(pool, vrcPoolDefine(ctx, P_AUTO, NULL));
    VRC_OK(ctx, virStoragePoolSetAutostart(pool, 1));
    VRC_NEED(pool, vrcPoolDefine(ctx, P_OFF, NULL));
    VRC_NEED(pool, vrcPoolDefine(ctx, P_NFS, nfs));
    VRC_NEED(pool, vrcPoolCreate(ctx, P_TRANS, NULL));
    return 0;
}

static int
vrcPoolListFilter(vrcCtx *ctx)
{
    const vrcObjListRow *row = ctx->tc->data;

    VRC_CHECK(vrcPoolListSetup(ctx));
    VRC_CHECK(vrcPoolExpectList(ctx, row->flags, row->expected));
    return 0;
}

#define L_ACTIVE VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE
#define L_INACTIVE VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE
#define L_PERSISTENT VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT
#define L_TRANSIENT VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT
#define L_AUTO VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART
#define L_NO_AUTO VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART
#define L_DIR VIR_CONNECT_LIST_STORAGE_POOLS_DIR
#define L_NETFS VIR_CONNECT_LIST_STORAGE_POOLS_NETFS
#define L_LOGICAL VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL
#define VRC_LROW(id, fl, exp) static const vrcObjListRow vrcPL_##id = { fl, exp }
VRC_LROW(all, 0, P_ALL);
VRC_LROW(active, L_ACTIVE, P_ACT "," P_AUTOACT "," P_TRANS);
VRC_LROW(inactive, L_INACTIVE, P_AUTO "," P_NFS "," P_OFF);
VRC_LROW(persistent, L_PERSISTENT, P_ACT "," P_AUTO "," P_AUTOACT "," P_NFS "," P_OFF);
VRC_LROW(transient, L_TRANSIENT, P_TRANS);
VRC_LROW(autostart, L_AUTO, P_AUTO "," P_AUTOACT);
VRC_LROW(noAutostart, L_NO_AUTO, P_ACT "," P_NFS "," P_OFF "," P_TRANS);
VRC_LROW(dir, L_DIR, P_DIRS);
VRC_LROW(netfs, L_NETFS, P_NFS);
VRC_LROW(logical, L_LOGICAL, "");
VRC_LROW(dirNetfs, L_DIR | L_NETFS, P_ALL);
VRC_LROW(inactiveDir, L_INACTIVE | L_DIR, P_AUTO "," P_OFF);
VRC_LROW(activePersistentAuto, L_ACTIVE | L_PERSISTENT | L_AUTO, P_AUTOACT);
#undef VRC_LROW

static int
vrcPoolListLegacy(vrcCtx *ctx)
{
    char *names[VRC_NAMES_MAX];
    int active0, defined0, n;

    VRC_SET(ctx, active0, virConnectNumOfStoragePools(ctx->conn));
    VRC_SET(ctx, defined0, virConnectNumOfDefinedStoragePools(ctx->conn));
    VRC_CHECK(vrcPoolListSetup(ctx));
    VRC_EXPECT_RET(ctx, virConnectNumOfStoragePools(ctx->conn), active0 + 3);
    VRC_EXPECT_RET(ctx, virConnectNumOfDefinedStoragePools(ctx->conn), defined0 + 3);
    VRC_SET(ctx, n, virConnectListStoragePools(ctx->conn, names, VRC_NAMES_MAX));
    VRC_EXPECT_INT(ctx, "conform-* in ListStoragePools", vrcCountOurs(names, n), 3);
    VRC_SET(ctx, n, virConnectListDefinedStoragePools(ctx->conn, names, VRC_NAMES_MAX));
    VRC_EXPECT_INT(ctx, "conform-* in ListDefinedStoragePools", vrcCountOurs(names, n), 3);
    return 0;
}

static int
vrcPoolListBadFlag(vrcCtx *ctx)
{
    virStoragePoolPtr *pools = NULL;

    VRC_ERR(ctx, virConnectListAllStoragePools(ctx->conn, &pools, VRC_BAD_FLAG),
            VIR_ERR_INVALID_ARG, "unsupported flags (0x40000000) in function *");
    VRC_EXPECT(ctx, pools == NULL, "the list pointer was written on failure");
    return 0;
}

/* ---- misuse ---- */

static int
vrcPoolNullArgs(vrcCtx *ctx)
{
    virStoragePoolPtr pool;

    VRC_NEED(pool, vrcPoolStart(ctx, "conform-p1"));
    VRC_ERR_POOL(ctx, virStoragePoolDefineXML(NULL, "<pool/>", 0), VIR_ERR_INVALID_CONN,
                 "invalid connection pointer in virStoragePoolDefineXML");
    VRC_ERR_POOL(ctx, virStoragePoolDefineXML(ctx->conn, NULL, 0), VIR_ERR_INVALID_ARG,
                 "xml in virStoragePoolDefineXML must not be NULL");
    VRC_ERR_POOL(ctx, virStoragePoolCreateXML(ctx->conn, NULL, 0), VIR_ERR_INVALID_ARG,
                 "xmlDesc in virStoragePoolCreateXML must not be NULL");
    VRC_ERR_POOL(ctx, virStoragePoolLookupByName(ctx->conn, NULL), VIR_ERR_INVALID_ARG,
                 "name in virStoragePoolLookupByName must not be NULL");
    VRC_ERR(ctx, virStoragePoolCreate(NULL, 0), VIR_ERR_INVALID_STORAGE_POOL,
            "invalid storage pool pointer in virStoragePoolCreate");
    VRC_ERR(ctx, virStoragePoolGetInfo(pool, NULL), VIR_ERR_INVALID_ARG,
            "info in virStoragePoolGetInfo must not be NULL");
    VRC_ERR(ctx, virStoragePoolGetAutostart(pool, NULL), VIR_ERR_INVALID_ARG,
            "autostart in virStoragePoolGetAutostart must not be NULL");
    VRC_ERR_VOL(ctx, virStorageVolCreateXML(pool, NULL, 0), VIR_ERR_INVALID_ARG,
                "xmlDesc in virStorageVolCreateXML must not be NULL");
    VRC_ERR(ctx, virStoragePoolCreate(pool, VRC_BAD_FLAG), VIR_ERR_INVALID_ARG,
            "unsupported flags (0x40000000) in function *");
    VRC_CHECK(vrcPoolExpectFlags(ctx, pool, 1, 1));
    VRC_CHECK(vrcVolExpectList(ctx, pool, ""));
    return 0;
}

static int
vrcPoolReadOnly(vrcCtx *ctx)
{
    virStoragePoolPtr pool, ropool;
    virConnectPtr ro;
    char *xml;

    VRC_NEED(pool, vrcPoolStart(ctx, "conform-p1"));
    VRC_NEED(ro, vrcOpenExtra(ctx, true));
    VRC_POOL(ctx, ropool, virStoragePoolLookupByName(ro, "conform-p1"));
    VRC_STR(ctx, xml, virStoragePoolGetXMLDesc(ropool, 0));
    VRC_EXPECT_RET(ctx, virStoragePoolIsActive(ropool), 1);
#define VRC_DENIED(call, fn) \
    VRC_ERR(ctx, call, VIR_ERR_OPERATION_DENIED, \
            "operation forbidden: read only access prevents " fn)
    VRC_ERR_POOL(ctx, virStoragePoolDefineXML(ro, vrcPoolXml(ctx, "conform-p2", NULL), 0),
                 VIR_ERR_OPERATION_DENIED,
                 "operation forbidden: read only access prevents virStoragePoolDefineXML");
    VRC_ERR_VOL(ctx, virStorageVolCreateXML(ropool, vrcVolXml(ctx, "conform-v1", VRC_MIB, 0,
                                                              NULL), 0),
                VIR_ERR_OPERATION_DENIED,
                "operation forbidden: read only access prevents virStorageVolCreateXML");
    VRC_DENIED(virStoragePoolDestroy(ropool), "virStoragePoolDestroy");
    VRC_DENIED(virStoragePoolRefresh(ropool, 0), "virStoragePoolRefresh");
    VRC_DENIED(virStoragePoolSetAutostart(ropool, 1), "virStoragePoolSetAutostart");
    VRC_DENIED(virStoragePoolUndefine(ropool), "virStoragePoolUndefine");
#undef VRC_DENIED
    VRC_CHECK(vrcPoolExpectFlags(ctx, pool, 1, 1));
    VRC_CHECK(vrcPoolExpectList(ctx, 0, "conform-p1"));
    return 0;
}

#define VRC_PCASE(num, name, purpose, func) \
    { "storage/" num "-" name, "storage", purpose, func, 0, NULL }
#define VRC_PECASE(num, name, purpose, func) \
    { "storage/" num "-" name, "storage", purpose, func, VRC_CASE_EVENTS, NULL }
#define VRC_PROW(num, name, purpose, func, row) \
    { "storage/" num "-" name, "storage", purpose, func, 0, &row }
#define VRC_PCLASH(num, name, purpose, row) \
    VRC_PROW(num, name, purpose, vrcPoolClashCase, vrcPClash_##row)
#define VRC_PINVALID(num, name, purpose, row) \
    VRC_PROW(num, "invalid-" name, purpose, vrcPoolInvalidOp, vrcPInv_##row)
#define VRC_PLIST(num, name, purpose, row) \
    VRC_PROW(num, "list-" name, purpose, vrcPoolListFilter, vrcPL_##row)

const vrcCase vrcCasesPool[] = {
    VRC_PCASE("010", "pool-transient-lifecycle",
              "CreateXML -> running, transient -> Destroy -> gone; the stale handle fails",
              vrcPoolTransientLifecycle),
    VRC_PCASE("012", "pool-transient-recreate", "a transient pool's name can be reused",
              vrcPoolTransientRecreate),
    VRC_PCASE("020", "pool-persistent-lifecycle",
              "Define -> Build -> Create -> Destroy -> Delete -> Undefine -> gone",
              vrcPoolPersistentLifecycle),
    VRC_PCASE("022", "pool-persistent-restart", "a persistent pool starts and stops repeatedly",
              vrcPoolPersistentRestart),
    VRC_PCASE("024", "pool-define-over-transient",
              "Define over an active transient pool makes it persistent",
              vrcPoolDefineOverTransient),
    VRC_PCASE("026", "pool-define-while-active",
              "Define of an active pool takes effect at its next start",
              vrcPoolDefineWhileActive),
    VRC_PCASE("028", "pool-undefine-redefine",
              "a name can be defined again after Undefine, with autostart off",
              vrcPoolUndefineRedefine),
    VRC_PCASE("040", "pool-handles",
              "lookups by name, UUID, UUID string and volume agree", vrcPoolHandles),
    VRC_PCASE("042", "pool-lookup-unknown", "unknown names and UUIDs: NO_STORAGE_POOL",
              vrcPoolLookupUnknown),
    VRC_PCASE("044", "pool-info", "capacity = allocation + available, and the XML agrees",
              vrcPoolInfoConsistent),
    VRC_PCASE("050", "pool-autostart", "autostart is off by default, can be set and cleared",
              vrcPoolAutostart),
    VRC_PCASE("052", "pool-autostart-survives",
              "autostart survives start, destroy and redefinition", vrcPoolAutostartSurvives),
    VRC_PCASE("060", "pool-redefine-update",
              "Define with the same name and uuid updates an inactive pool",
              vrcPoolRedefineUpdate),
    VRC_PCLASH("062", "pool-define-name-other-uuid",
               "Define of a taken name with another uuid: OPERATION_FAILED", defName),
    VRC_PCLASH("064", "pool-define-uuid-other-name",
               "Define of a taken uuid with another name: OPERATION_FAILED", defUuid),
    VRC_PCLASH("066", "pool-define-name-other-uuid-active",
               "Define of an active pool's name with another uuid: OPERATION_FAILED",
               defNameActive),
    VRC_PCLASH("068", "pool-create-duplicate-active",
               "CreateXML of an active pool again: OPERATION_INVALID", crSame),
    VRC_PCLASH("070", "pool-create-name-other-uuid",
               "CreateXML of a taken name with another uuid: OPERATION_FAILED", crName),
    VRC_PCLASH("072", "pool-create-uuid-other-name",
               "CreateXML of a taken uuid with another name: OPERATION_FAILED", crUuid),
    VRC_PCASE("074", "pool-generated-uuids",
              "pools defined without a uuid get distinct well-formed ones",
              vrcPoolGeneratedUuids),
    VRC_PINVALID("100", "pool-create-active", "Create of an active pool", actCreate),
    VRC_PINVALID("101", "pool-build-active", "Build of an active pool", actBuild),
    VRC_PINVALID("102", "pool-delete-active", "Delete of an active pool", actDelete),
    VRC_PINVALID("103", "pool-undefine-active", "Undefine of an active pool", actUndefine),
    VRC_PINVALID("104", "pool-destroy-inactive", "Destroy of an inactive pool", offDestroy),
    VRC_PINVALID("105", "pool-refresh-inactive", "Refresh of an inactive pool", offRefresh),
    VRC_PINVALID("106", "pool-numvols-inactive", "NumOfVolumes of an inactive pool",
                 offNumVols),
    VRC_PINVALID("107", "pool-listvols-inactive", "ListVolumes of an inactive pool",
                 offListVols),
    VRC_PINVALID("108", "pool-listallvols-inactive", "ListAllVolumes of an inactive pool",
                 offListAllVols),
    VRC_PINVALID("109", "vol-create-inactive", "volume CreateXML in an inactive pool",
                 offVolCreate),
    VRC_PINVALID("110", "vol-lookup-inactive", "volume LookupByName in an inactive pool",
                 offVolLookup),
    VRC_PINVALID("111", "pool-undefine-transient", "Undefine of a transient pool",
                 trUndefine),
    VRC_PINVALID("112", "pool-delete-transient", "Delete of a transient pool", trDelete),
    VRC_PINVALID("113", "pool-autostart-transient", "SetAutostart of a transient pool",
                 trAutostart),
    VRC_PCASE("200", "pool-xml-round-trip", "define -> dump -> define -> dump is a fixed point",
              vrcPoolXmlRoundTrip),
    VRC_PROW("202", "pool-xml-exact-dir", "exact output of a dir pool with permissions",
             vrcPoolXmlExact, vrcPX_dir),
    VRC_PROW("203", "pool-xml-exact-netfs", "exact output of a netfs pool",
             vrcPoolXmlExact, vrcPX_netfs),
    VRC_PROW("204", "pool-xml-exact-logical", "exact output of a logical pool",
             vrcPoolXmlExact, vrcPX_logical),
    VRC_PROW("205", "pool-xml-exact-iscsi", "exact output of an iscsi pool",
             vrcPoolXmlExact, vrcPX_iscsi),
    VRC_PROW("206", "pool-xml-exact-fs", "exact output of an fs pool", vrcPoolXmlExact,
             vrcPX_fs),
    VRC_PROW("210", "pool-xml-error-malformed", "malformed XML: XML_DETAIL, nothing created",
             vrcPoolParseError, vrcPBad_malformed),
    VRC_PROW("211", "pool-xml-error-no-type", "no type attribute: XML_ERROR",
             vrcPoolParseError, vrcPBad_noType),
    VRC_PROW("212", "pool-xml-error-bad-type", "unknown pool type: XML_ERROR",
             vrcPoolParseError, vrcPBad_badType),
    VRC_PROW("213", "pool-xml-error-no-name", "no <name>: XML_ERROR", vrcPoolParseError,
             vrcPBad_noName),
    VRC_PROW("214", "pool-xml-error-no-target", "no target path: XML_ERROR",
             vrcPoolParseError, vrcPBad_noTarget),
    VRC_PECASE("300", "pool-event-persistent",
               "Define, Build, Create, Refresh, Destroy, Delete, Undefine: one event each",
               vrcPoolEventPersistent),
    VRC_PECASE("302", "pool-event-order", "nine operations, events collected at the end",
               vrcPoolEventOrder),
    VRC_PECASE("304", "pool-event-transient", "CreateXML -> STARTED, Destroy -> STOPPED",
               vrcPoolEventTransient),
    VRC_PECASE("306", "pool-event-redefine", "a redefinition sends DEFINED again",
               vrcPoolEventRedefine),
    VRC_PECASE("308", "pool-event-failures", "failed operations send nothing",
               vrcPoolEventFailures),
    VRC_PECASE("310", "pool-event-filter", "a callback for one pool sees only its events",
               vrcPoolEventFilter),
    VRC_PECASE("312", "pool-event-deregister",
               "a deregistered callback sees nothing more; a second deregister fails",
               vrcPoolEventDeregister),
    VRC_PLIST("400", "pool-all", "no flags lists every pool", all),
    VRC_PLIST("401", "pool-active", "ACTIVE: started pools", active),
    VRC_PLIST("402", "pool-inactive", "INACTIVE: defined, not started", inactive),
    VRC_PLIST("403", "pool-persistent", "PERSISTENT: defined pools", persistent),
    VRC_PLIST("404", "pool-transient", "TRANSIENT: created pools", transient),
    VRC_PLIST("405", "pool-autostart", "AUTOSTART: autostart pools", autostart),
    VRC_PLIST("406", "pool-no-autostart", "NO_AUTOSTART: all others", noAutostart),
    VRC_PLIST("407", "pool-dir", "DIR: the dir pools", dir),
    VRC_PLIST("408", "pool-netfs", "NETFS: the netfs pool", netfs),
    VRC_PLIST("409", "pool-logical", "LOGICAL: none", logical),
    VRC_PLIST("410", "pool-dir-netfs", "DIR|NETFS: types OR together", dirNetfs),
    VRC_PLIST("411", "pool-inactive-dir", "INACTIVE and DIR", inactiveDir),
    VRC_PLIST("412", "pool-active-persistent-autostart", "ACTIVE, PERSISTENT and AUTOSTART",
              activePersistentAuto),
    VRC_PCASE("420", "pool-list-legacy",
              "NumOf(Defined)StoragePools and List(Defined)StoragePools agree",
              vrcPoolListLegacy),
    VRC_PCASE("421", "pool-list-bad-flag", "an unknown flag: INVALID_ARG, list untouched",
              vrcPoolListBadFlag),
    VRC_PCASE("900", "pool-null-arguments", "NULL connections, XML, names and pointers",
              vrcPoolNullArgs),
    VRC_PCASE("902", "pool-readonly", "a read-only connection reads but cannot change pools",
              vrcPoolReadOnly),
};
const size_t vrcCasesPoolCount = VRC_COUNT(vrcCasesPool);
