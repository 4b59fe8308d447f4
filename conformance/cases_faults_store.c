/* conformance/cases_faults_store.c: the faults group's storage, network and
 * state directory cases -- a full pool, an I/O error halfway through an
 * upload or a download, pools and bridges that cannot be made, definitions
 * that cannot be written -- each asserting the error, the object, its
 * accounting and content unchanged, and that the retry works. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "faults.h"
#include "netstore.h"

#define VRC_SIM_STATE_DIR "/var/lib/vireo/sim"
#define VRC_VOL_BYTES VRC_MIB                 /* the cases' volumes */
#define VRC_SEED_OLD 11ULL                    /* pattern already in a volume */
#define VRC_SEED_NEW 12ULL                    /* pattern of the upload that fails */

#define EV(type, detail) { VIR_DOMAIN_EVENT_##type, VIR_DOMAIN_EVENT_##type##_##detail }

/* ---- helpers ---- */

typedef struct {
    uint64_t seed;
    unsigned long long offset;
    unsigned long long left;
} vrcFaultSource;

static int
vrcFaultSourceCb(virStreamPtr st, char *data, size_t nbytes, void *opaque)
{
    vrcFaultSource *src = opaque;
    size_t n = src->left < nbytes ? (size_t)src->left : nbytes;

    vrcPatternFill(src->seed, src->offset, data, n);
    src->offset += n;
    src->left -= n;
    return (int)n;
}

static int
vrcFaultSinkCb(virStreamPtr st, const char *data, size_t nbytes, void *opaque)
{
    return (int)nbytes;
}

static virStreamPtr
vrcFaultStream(vrcCtx *ctx)
{
    virStreamPtr st;

    vrcStep(ctx, "virStreamNew(conn, 0)");
    if (!(st = virStreamNew(ctx->conn, 0))) {
        vrcCallFailed(ctx);
        return NULL;
    }
    vrcKeepObj(ctx, VRC_OBJ_STREAM, st);
    return st;
}

/* An upload of LENGTH bytes of pattern SEED that must fail while sending,
 * with CODE and PATTERN; the stream is aborted as a client does. */
static int
vrcUploadFails(vrcCtx *ctx, virStorageVolPtr vol, uint64_t seed, unsigned long long length,
               const char *pattern)
{
    vrcFaultSource src = { .seed = seed, .offset = 0, .left = length };
    virStreamPtr st;

    VRC_NEED(st, vrcFaultStream(ctx));
    VRC_OK(ctx, virStorageVolUpload(vol, st, 0, length, 0));
    VRC_FAULT(ctx, virStreamSendAll(st, vrcFaultSourceCb, &src), VIR_ERR_SYSTEM_ERROR,
              VIR_FROM_STREAMS, pattern);
    VRC_EXPECT(ctx, src.offset > 0 && src.offset < length,
               "the upload failed after %llu of %llu bytes, not halfway", src.offset, length);
    virStreamAbort(st);
    return 0;
}

static const char *
vrcVolPath(vrcCtx *ctx, const char *pool, const char *vol)
{
    return vrcPrintf(ctx, "%s/%s", vrcPoolPath(ctx, pool), vol);
}

/* An active pool conform-p1 and its usage before the case's volumes. */
static virStoragePoolPtr
vrcFaultPool(vrcCtx *ctx, virStoragePoolInfo *info)
{
    virStoragePoolPtr pool = vrcPoolStart(ctx, "conform-p1");

    if (!pool || vrcPoolGetInfo(ctx, pool, info) < 0)
        return NULL;
    return pool;
}

/* ---- pool.full ---- */

static int
vrcPoolFullCreate(vrcCtx *ctx)
{
    const char *xml = vrcVolXml(ctx, "conform-v1", VRC_VOL_BYTES, VRC_VOL_BYTES, NULL);
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;

    VRC_NEED(pool, vrcFaultPool(ctx, &before));
    VRC_ERR_VOL(ctx, virStorageVolCreateXML(pool, xml, 0), VIR_ERR_SYSTEM_ERROR,
                vrcPrintf(ctx, "cannot allocate %llu bytes in file '%s': No space left on "
                          "device", VRC_VOL_BYTES, vrcVolPath(ctx, "conform-p1", "conform-v1")));
    VRC_CHECK(vrcFaultExpectFrom(ctx, VIR_FROM_STORAGE));
    VRC_CHECK(vrcVolExpectGone(ctx, pool, "conform-v1"));
    VRC_CHECK(vrcVolExpectList(ctx, pool, ""));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, 0));
    VRC_VOL(ctx, vol, virStorageVolCreateXML(pool, xml, 0));
    VRC_CHECK(vrcVolExpectInfo(ctx, vol, VRC_VOL_BYTES, VRC_VOL_BYTES));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, (long long)VRC_VOL_BYTES));
    return 0;
}

/* A clone into a full pool: nothing created, the source whole. */
static int
vrcPoolFullClone(vrcCtx *ctx)
{
    const char *xml = vrcVolXml(ctx, "conform-v1", VRC_VOL_BYTES, VRC_VOL_BYTES, NULL);
    const char *cloneXml = vrcVolXml(ctx, "conform-v2", VRC_VOL_BYTES, VRC_VOL_BYTES, NULL);
    uint64_t sum = vrcPatternChecksum(VRC_SEED_OLD, 0, VRC_VOL_BYTES);
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr vol, copy;

    VRC_NEED(pool, vrcFaultPool(ctx, &before));
    VRC_NEED(vol, vrcVolCreate(ctx, pool, "conform-v1", xml));
    VRC_CHECK(vrcUpload(ctx, vol, VRC_SEED_OLD, 0, VRC_VOL_BYTES));
    VRC_ERR_VOL(ctx, virStorageVolCreateXMLFrom(pool, cloneXml, vol, 0), VIR_ERR_SYSTEM_ERROR,
                "cannot allocate * bytes in file '*/conform-v2': No space left on device");
    VRC_CHECK(vrcFaultExpectFrom(ctx, VIR_FROM_STORAGE));
    VRC_CHECK(vrcVolExpectList(ctx, pool, "conform-v1"));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, (long long)VRC_VOL_BYTES));
    VRC_CHECK(vrcExpectContent(ctx, vol, 0, VRC_VOL_BYTES, sum, "the clone's source"));
    VRC_VOL(ctx, copy, virStorageVolCreateXMLFrom(pool, cloneXml, vol, 0));
    VRC_CHECK(vrcExpectContent(ctx, copy, 0, VRC_VOL_BYTES, sum, "the clone"));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, 2 * (long long)VRC_VOL_BYTES));
    return 0;
}

/* target=NAME: only that volume finds the pool full. */
static int
vrcPoolFullTarget(vrcCtx *ctx)
{
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;
    int i;

    VRC_NEED(pool, vrcFaultPool(ctx, &before));
    for (i = 0; i < 2; i++)
        VRC_ERR_VOL(ctx, virStorageVolCreateXML(pool, vrcVolXml(ctx, "conform-v2", VRC_MIB,
                                                                VRC_MIB, NULL), 0),
                    VIR_ERR_SYSTEM_ERROR, "cannot allocate 1048576 bytes in file '*'*");
    VRC_NEED(vol, vrcVolCreate(ctx, pool, "conform-v1",
                               vrcVolXml(ctx, "conform-v1", VRC_MIB, VRC_MIB, NULL)));
    VRC_CHECK(vrcVolExpectList(ctx, pool, "conform-v1"));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, (long long)VRC_MIB));
    return 0;
}

/* ---- storage.upload, storage.download ---- */

static int
vrcUploadIoError(vrcCtx *ctx)
{
    const char *xml = vrcVolXml(ctx, "conform-v1", VRC_VOL_BYTES, VRC_VOL_BYTES, NULL);
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;

    VRC_NEED(pool, vrcFaultPool(ctx, &before));
    VRC_NEED(vol, vrcVolCreate(ctx, pool, "conform-v1", xml));
    VRC_CHECK(vrcUploadFails(ctx, vol, VRC_SEED_NEW, VRC_VOL_BYTES,
                             vrcPrintf(ctx, "Unable to write %s: Input/output error",
                                       vrcVolPath(ctx, "conform-p1", "conform-v1"))));
    VRC_CHECK(vrcExpectContent(ctx, vol, 0, VRC_VOL_BYTES, vrcZeroChecksum(VRC_VOL_BYTES),
                               "the volume after the failed upload"));
    VRC_CHECK(vrcVolExpectInfo(ctx, vol, VRC_VOL_BYTES, VRC_VOL_BYTES));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, (long long)VRC_VOL_BYTES));
    VRC_CHECK(vrcUpload(ctx, vol, VRC_SEED_NEW, 0, VRC_VOL_BYTES));
    VRC_CHECK(vrcExpectContent(ctx, vol, 0, VRC_VOL_BYTES,
                               vrcPatternChecksum(VRC_SEED_NEW, 0, VRC_VOL_BYTES),
                               "the volume after the retry"));
    return 0;
}

/* A full disk halfway through overwriting: the old bytes, all of them. */
static int
vrcUploadNoSpaceKeepsData(vrcCtx *ctx)
{
    const char *xml = vrcVolXml(ctx, "conform-v1", VRC_VOL_BYTES, VRC_VOL_BYTES, NULL);
    uint64_t old = vrcPatternChecksum(VRC_SEED_OLD, 0, VRC_VOL_BYTES);
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;

    VRC_NEED(pool, vrcFaultPool(ctx, &before));
    VRC_NEED(vol, vrcVolCreate(ctx, pool, "conform-v1", xml));
    VRC_CHECK(vrcUpload(ctx, vol, VRC_SEED_OLD, 0, VRC_VOL_BYTES));
    VRC_CHECK(vrcUploadFails(ctx, vol, VRC_SEED_NEW, VRC_VOL_BYTES,
                             "Unable to write */conform-v1: No space left on device"));
    VRC_CHECK(vrcExpectContent(ctx, vol, 0, VRC_VOL_BYTES, old, "the old content"));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, (long long)VRC_VOL_BYTES));
    VRC_CHECK(vrcUpload(ctx, vol, VRC_SEED_NEW, 0, VRC_VOL_BYTES));
    VRC_CHECK(vrcExpectContent(ctx, vol, 0, VRC_VOL_BYTES,
                               vrcPatternChecksum(VRC_SEED_NEW, 0, VRC_VOL_BYTES),
                               "the new content"));
    return 0;
}

static int
vrcDownloadIoError(vrcCtx *ctx)
{
    const char *xml = vrcVolXml(ctx, "conform-v1", VRC_VOL_BYTES, VRC_VOL_BYTES, NULL);
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;
    virStreamPtr st;

    VRC_NEED(pool, vrcFaultPool(ctx, &before));
    VRC_NEED(vol, vrcVolCreate(ctx, pool, "conform-v1", xml));
    VRC_CHECK(vrcUpload(ctx, vol, VRC_SEED_OLD, 0, VRC_VOL_BYTES));
    VRC_NEED(st, vrcFaultStream(ctx));
    VRC_OK(ctx, virStorageVolDownload(vol, st, 0, VRC_VOL_BYTES, 0));
    VRC_FAULT(ctx, virStreamRecvAll(st, vrcFaultSinkCb, NULL), VIR_ERR_SYSTEM_ERROR,
              VIR_FROM_STREAMS, vrcPrintf(ctx, "Unable to read %s: Input/output error",
                                          vrcVolPath(ctx, "conform-p1", "conform-v1")));
    virStreamAbort(st);
    VRC_CHECK(vrcExpectContent(ctx, vol, 0, VRC_VOL_BYTES,
                               vrcPatternChecksum(VRC_SEED_OLD, 0, VRC_VOL_BYTES),
                               "the volume after the failed download"));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, (long long)VRC_VOL_BYTES));
    return 0;
}

/* ---- pool.start, pool.build, pool.define ---- */

static int
vrcPoolStartNoTarget(vrcCtx *ctx)
{
    virStoragePoolPtr pool;

    VRC_CHECK(vrcEventsOnPool(ctx, NULL));
    VRC_NEED(pool, vrcPoolDefine(ctx, "conform-p1", NULL));
    VRC_OK(ctx, virStoragePoolBuild(pool, 0));
    VRC_POOL_EVENTS(ctx, "conform-p1", PEV(DEFINED), PEV(CREATED));
    VRC_FAULT(ctx, virStoragePoolCreate(pool, 0), VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
              vrcPrintf(ctx, "cannot open directory '%s': No such file or directory",
                        vrcPoolPath(ctx, "conform-p1")));
    VRC_CHECK(vrcPoolExpectFlags(ctx, pool, 0, 1));
    VRC_CHECK(vrcPoolExpectList(ctx, VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE, ""));
    VRC_POOL_NO_EVENTS(ctx, "conform-p1");
    VRC_OK(ctx, virStoragePoolCreate(pool, 0));
    VRC_CHECK(vrcPoolExpectFlags(ctx, pool, 1, 1));
    VRC_POOL_EVENTS(ctx, "conform-p1", PEV(STARTED));
    return 0;
}

static int
vrcPoolCreateTransientNoTarget(vrcCtx *ctx)
{
    const char *xml = vrcPoolXml(ctx, "conform-p1", NULL);
    virStoragePoolPtr pool;

    VRC_CHECK(vrcEventsOnPool(ctx, NULL));
    VRC_ERR_POOL(ctx, virStoragePoolCreateXML(ctx->conn, xml, 0), VIR_ERR_SYSTEM_ERROR,
                 "cannot open directory '*/conform-p1': No such file or directory");
    VRC_CHECK(vrcFaultExpectFrom(ctx, VIR_FROM_NONE));
    VRC_CHECK(vrcPoolExpectGone(ctx, "conform-p1"));
    VRC_POOL_NO_EVENTS(ctx, "conform-p1");
    VRC_POOL(ctx, pool, virStoragePoolCreateXML(ctx->conn, xml, 0));
    VRC_CHECK(vrcPoolExpectFlags(ctx, pool, 1, 0));
    VRC_POOL_EVENTS(ctx, "conform-p1", PEV(STARTED));
    return 0;
}

static int
vrcPoolBuildDenied(vrcCtx *ctx)
{
    virStoragePoolPtr pool;

    VRC_CHECK(vrcEventsOnPool(ctx, NULL));
    VRC_NEED(pool, vrcPoolDefine(ctx, "conform-p1", NULL));
    VRC_POOL_EVENTS(ctx, "conform-p1", PEV(DEFINED));
    VRC_FAULT(ctx, virStoragePoolBuild(pool, 0), VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
              vrcPrintf(ctx, "cannot create directory '%s': Permission denied",
                        vrcPoolPath(ctx, "conform-p1")));
    VRC_CHECK(vrcPoolExpectFlags(ctx, pool, 0, 1));
    VRC_POOL_NO_EVENTS(ctx, "conform-p1");
    VRC_OK(ctx, virStoragePoolBuild(pool, 0));
    VRC_POOL_EVENTS(ctx, "conform-p1", PEV(CREATED));
    return 0;
}

#define VRC_MSG_CONFIG(sub, name) "cannot write data to file '" VRC_SIM_STATE_DIR "/" sub \
    name ".xml.new': No space left on device"

static int
vrcPoolDefineNoSpace(vrcCtx *ctx)
{
    const char *xml = vrcPoolXml(ctx, "conform-p1", NULL);
    virStoragePoolPtr pool;

    VRC_CHECK(vrcEventsOnPool(ctx, NULL));
    VRC_ERR_POOL(ctx, virStoragePoolDefineXML(ctx->conn, xml, 0), VIR_ERR_SYSTEM_ERROR,
                 VRC_MSG_CONFIG("storage/", "conform-p1"));
    VRC_CHECK(vrcFaultExpectFrom(ctx, VIR_FROM_STORAGE));
    VRC_CHECK(vrcPoolExpectGone(ctx, "conform-p1"));
    VRC_POOL_NO_EVENTS(ctx, "conform-p1");
    VRC_POOL(ctx, pool, virStoragePoolDefineXML(ctx->conn, xml, 0));
    VRC_CHECK(vrcPoolExpectFlags(ctx, pool, 0, 1));
    VRC_POOL_EVENTS(ctx, "conform-p1", PEV(DEFINED));
    return 0;
}

/* ---- network.start, network.define ---- */

static int
vrcNetStartDenied(vrcCtx *ctx)
{
    virNetworkPtr net;
    char *xml0, *xml1;

    VRC_CHECK(vrcEventsOnNetwork(ctx, NULL));
    VRC_NEED(net, vrcNetDefine(ctx, "conform-n1", NULL));
    VRC_NET_EVENTS(ctx, "conform-n1", NEV(DEFINED));
    VRC_STR(ctx, xml0, virNetworkGetXMLDesc(net, 0));
    VRC_FAULT(ctx, virNetworkCreate(net), VIR_ERR_SYSTEM_ERROR, VIR_FROM_NONE,
              "error creating bridge interface vrcn1: Operation not permitted");
    VRC_CHECK(vrcNetExpectFlags(ctx, net, 0, 1));
    VRC_STR(ctx, xml1, virNetworkGetXMLDesc(net, 0));
    VRC_EXPECT_STR(ctx, "network XML", xml1, xml0);
    VRC_NET_NO_EVENTS(ctx, "conform-n1");
    VRC_OK(ctx, virNetworkCreate(net));
    VRC_CHECK(vrcNetExpectFlags(ctx, net, 1, 1));
    VRC_NET_EVENTS(ctx, "conform-n1", NEV(STARTED));
    return 0;
}

static int
vrcNetCreateExists(vrcCtx *ctx)
{
    const char *xml = vrcNetXml(ctx, "conform-n1", NULL, NULL);
    virNetworkPtr net;

    VRC_CHECK(vrcEventsOnNetwork(ctx, NULL));
    VRC_ERR_NET(ctx, virNetworkCreateXML(ctx->conn, xml), VIR_ERR_SYSTEM_ERROR,
                "error creating bridge interface vrcn1: File exists");
    VRC_CHECK(vrcFaultExpectFrom(ctx, VIR_FROM_NONE));
    VRC_CHECK(vrcNetExpectGone(ctx, "conform-n1"));
    VRC_NET_NO_EVENTS(ctx, "conform-n1");
    VRC_NET(ctx, net, virNetworkCreateXML(ctx->conn, xml));
    VRC_CHECK(vrcNetExpectFlags(ctx, net, 1, 0));
    VRC_NET_EVENTS(ctx, "conform-n1", NEV(STARTED));
    return 0;
}

/* A failed redefinition keeps the old network definition. */
static int
vrcNetDefineNoSpace(vrcCtx *ctx)
{
    const char *uuid = vrcUuid(ctx, 1);
    const char *xmlA = vrcNetXml(ctx, "conform-n1", uuid, NULL);
    const char *xmlB = vrcNetXml(ctx, "conform-n1", uuid, "  <bridge name='vrcother'/>\n");
    virNetworkPtr net;
    char *xml0, *xml1, *bridge;

    VRC_CHECK(vrcEventsOnNetwork(ctx, NULL));
    VRC_ERR_NET(ctx, virNetworkDefineXML(ctx->conn, xmlA), VIR_ERR_SYSTEM_ERROR,
                VRC_MSG_CONFIG("networks/", "conform-n1"));
    VRC_CHECK(vrcFaultExpectFrom(ctx, VIR_FROM_NETWORK));
    VRC_CHECK(vrcNetExpectGone(ctx, "conform-n1"));
    VRC_NET(ctx, net, virNetworkDefineXML(ctx->conn, xmlA));
    VRC_NET_EVENTS(ctx, "conform-n1", NEV(DEFINED));
    VRC_STR(ctx, xml0, virNetworkGetXMLDesc(net, VIR_NETWORK_XML_INACTIVE));
    VRC_ERR_NET(ctx, virNetworkDefineXML(ctx->conn, xmlB), VIR_ERR_SYSTEM_ERROR,
                VRC_MSG_CONFIG("networks/", "conform-n1"));
    VRC_STR(ctx, xml1, virNetworkGetXMLDesc(net, VIR_NETWORK_XML_INACTIVE));
    VRC_EXPECT_STR(ctx, "network XML after the failed redefinition", xml1, xml0);
    VRC_NET_NO_EVENTS(ctx, "conform-n1");
    VRC_NET(ctx, net, virNetworkDefineXML(ctx->conn, xmlB));
    VRC_STR(ctx, bridge, virNetworkGetBridgeName(net));
    VRC_EXPECT_STR(ctx, "bridge after the retry", bridge, "vrcother");
    return 0;
}

/* ---- the state directory: what a restarted daemon finds ---- */

/* The domain's definition on disk, with a plan: the open is not kept, so
 * the case can close it and open the directory again. */
static virConnectPtr
vrcStateOpen(vrcCtx *ctx, const char *plan, const char *dir)
{
    const char *path = NULL;
    const char *uri = vrcFaultUri(ctx, plan, VRC_FAULT_SEED, &path);
    virConnectPtr conn;

    if (!uri)
        return NULL;
    uri = vrcPrintf(ctx, "%s&statedir=%s", uri, dir);
    vrcStep(ctx, "virConnectOpen(%s)", uri);
    conn = virConnectOpen(uri);
    unlink(path);
    if (!conn)
        vrcCallFailed(ctx);
    return conn;
}

/* On the first node: define, then a redefinition that fails (eio).  The
 * file keeps the old definition and no temporary file stays.  The domain
 * handle is not kept, so that closing the connection frees the node. */
static int
vrcStateDirFirst(vrcCtx *ctx, const char *file, const char *uuid)
{
    const char *small = vrcXml(ctx, "conform-f1", uuid, VRC_MEM_KIB / 2, 2, NULL);
    const char *tmp = vrcPrintf(ctx, "%s.new", file);
    virDomainPtr dom;
    uint64_t sum0, sum1;

    VRC_GET(ctx, dom, virDomainDefineXML(ctx->conn, vrcXml(ctx, "conform-f1", uuid,
                                                           VRC_MEM_KIB, 2, NULL)));
    virDomainFree(dom);
    VRC_CHECK(vrcFaultFileSum(ctx, file, &sum0));
    VRC_FAULT_DOM(ctx, virDomainDefineXML(ctx->conn, small), VIR_ERR_SYSTEM_ERROR,
                  VIR_FROM_XML, vrcPrintf(ctx, "cannot write data to file '%s': "
                                          "Input/output error", tmp));
    VRC_CHECK(vrcFaultFileSum(ctx, file, &sum1));
    VRC_EXPECT(ctx, sum0 == sum1, "%s changed by the failed redefinition", file);
    VRC_EXPECT(ctx, access(tmp, F_OK) != 0, "%s was left behind", tmp);
    return 0;
}

/* A node opened again on the directory -- a restarted daemon -- finds the
 * old definition. */
static int
vrcDefineStateDir(vrcCtx *ctx)
{
    const char *dir = vrcSavePath(ctx, "state");
    const char *file = vrcPrintf(ctx, "%s/conform-f1.xml", dir);
    const char *uuid = vrcUuid(ctx, 1);
    virConnectPtr orig = ctx->conn;
    virConnectPtr conn;
    virDomainPtr dom;
    int rc;

    VRC_NEED(conn, vrcStateOpen(ctx, "domain.define nth=2 cause=eio\n", dir));
    ctx->conn = conn;
    rc = vrcStateDirFirst(ctx, file, uuid);
    ctx->conn = orig;
    virConnectClose(conn);
    if (rc < 0)
        return -1;
    VRC_NEED(conn, vrcStateOpen(ctx, "# no faults\n", dir));
    vrcKeepConn(ctx, conn);
    ctx->conn = conn;
    rc = -1;
    if ((dom = vrcLookup(ctx, "conform-f1")) && vrcExpectFlags(ctx, dom, 0, 1) == 0) {
        vrcStep(ctx, "virDomainGetMaxMemory(conform-f1) on the reopened node");
        if (virDomainGetMaxMemory(dom) != VRC_MEM_KIB)
            vrcFail(ctx, "expected %lu KiB, got %lu", VRC_MEM_KIB, virDomainGetMaxMemory(dom));
        else
            rc = 0;
    }
    ctx->conn = orig;
    return rc;
}

const vrcCase vrcCasesFaultsStore[] = {
    VRC_FAULT_ROW("082", "define-statedir-eio", 0,
                  "domain.define eio with statedir=DIR: NAME.xml unchanged by checksum, no "
                  "NAME.xml.new; a node reopened on DIR has the old definition",
                  NULL, vrcDefineStateDir),
    VRC_FAULT_ROW("200", "pool-full-create", 0,
                  "pool.full: volume create fails (SYSTEM_ERROR ENOSPC, STORAGE) naming bytes "
                  "and path; no volume, allocation unchanged; the retry creates it",
                  "pool.full nth=1\n", vrcPoolFullCreate),
    VRC_FAULT_ROW("201", "pool-full-clone", 0,
                  "pool.full on a clone: no copy, the source's content and the pool's "
                  "allocation unchanged; the retry clones by checksum",
                  "pool.full nth=2 cause=enospc\n", vrcPoolFullClone),
    VRC_FAULT_ROW("202", "pool-full-target", 0,
                  "pool.full always target=VOLUME: that volume never fits, another does",
                  "pool.full always target=conform-v2\n", vrcPoolFullTarget),
    VRC_FAULT_ROW("210", "upload-eio", 0,
                  "storage.upload eio halfway: SendAll fails (STREAMS) naming the volume, "
                  "the volume still zeros by checksum; the retry writes it",
                  "storage.upload nth=1\n", vrcUploadIoError),
    VRC_FAULT_ROW("211", "upload-enospc-keeps-data", 0,
                  "storage.upload enospc halfway over older data: every old byte stays; the "
                  "retry replaces them",
                  "storage.upload nth=2 cause=enospc\n", vrcUploadNoSpaceKeepsData),
    VRC_FAULT_ROW("212", "download-eio", 0,
                  "storage.download eio halfway: RecvAll fails (STREAMS); the volume is "
                  "unchanged and reads back whole",
                  "storage.download nth=1\n", vrcDownloadIoError),
    VRC_FAULT_ROW("220", "pool-start-no-target", VRC_CASE_EVENTS,
                  "pool.start no-target: Create fails (ENOENT) naming the directory; "
                  "inactive, no event; the retry starts it",
                  "pool.start nth=1\n", vrcPoolStartNoTarget),
    VRC_FAULT_ROW("221", "pool-create-transient-no-target", VRC_CASE_EVENTS,
                  "pool.start on CreateXML: no pool, no event; the retry creates it",
                  "pool.start nth=1 cause=no-target\n", vrcPoolCreateTransientNoTarget),
    VRC_FAULT_ROW("222", "pool-build-eacces", VRC_CASE_EVENTS,
                  "pool.build eacces: Build fails naming the directory; inactive, no event; "
                  "the retry builds",
                  "pool.build nth=1\n", vrcPoolBuildDenied),
    VRC_FAULT_ROW("223", "pool-define-enospc", VRC_CASE_EVENTS,
                  "pool.define enospc: no pool, no event; the retry defines it",
                  "pool.define nth=1\n", vrcPoolDefineNoSpace),
    VRC_FAULT_ROW("300", "network-start-eperm", VRC_CASE_EVENTS,
                  "network.start eperm: 'error creating bridge interface NAME'; inactive, "
                  "same XML, no event; the retry starts it",
                  "network.start nth=1\n", vrcNetStartDenied),
    VRC_FAULT_ROW("301", "network-create-eexist", VRC_CASE_EVENTS,
                  "network.start eexist on CreateXML: no network, no event; the retry "
                  "creates it",
                  "network.start nth=1 cause=eexist\n", vrcNetCreateExists),
    VRC_FAULT_ROW("302", "network-define-enospc", VRC_CASE_EVENTS,
                  "network.define enospc: no network; on a redefinition the old XML stays, "
                  "no event; the retry updates it",
                  "network.define nth=1\nnetwork.define nth=3\n", vrcNetDefineNoSpace),
};
const size_t vrcCasesFaultsStoreCount = VRC_COUNT(vrcCasesFaultsStore);
