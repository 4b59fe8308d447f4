/* conformance/cases_volume.c: storage volumes -- create, clone and delete
 * with pool accounting (allocation and available move by exactly the
 * volume's allocation; over-allocation creates nothing), lookups by name,
 * key and path, lists, XML, resize and wipe, and operations on volumes of
 * an inactive pool. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netstore.h"

#define VRC_BAD_FLAG (1U << 30)
#define VRC_NAMES_MAX 16
#define VRC_VOL_CAP (10 * VRC_MIB)
#define VRC_VOL_ALLOC (2 * VRC_MIB)
#define VRC_WIPE_BYTES VRC_MIB
#define VRC_SEED_WIPE 7

#define VRC_MSG_NO_SPACE(name) "internal error: Not enough free space in pool for volume '" \
    name "'"
#define VRC_MSG_VOL_EXISTS "operation failed: storage vol already exists"
#define VRC_MSG_POOL_OFF "Requested operation is not valid: storage pool 'conform-p1' is not active"

/* An active pool conform-p1 and its usage before the case's volumes. */
static virStoragePoolPtr
vrcVolPool(vrcCtx *ctx, virStoragePoolInfo *before)
{
    virStoragePoolPtr pool = vrcPoolStart(ctx, "conform-p1");

    if (!pool || vrcPoolGetInfo(ctx, pool, before) < 0)
        return NULL;
    return pool;
}

/* conform-v1: 10 MiB, 2 MiB allocated, raw. */
static virStorageVolPtr
vrcVolStd(vrcCtx *ctx, virStoragePoolPtr pool)
{
    return vrcVolCreate(ctx, pool, "conform-v1",
                        vrcVolXml(ctx, "conform-v1", VRC_VOL_CAP, VRC_VOL_ALLOC, NULL));
}

/* ---- create, delete and accounting ---- */

static int
vrcVolCreateAccounting(vrcCtx *ctx)
{
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;
    virStorageVolInfo info;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_NEED(vol, vrcVolStd(ctx, pool));
    VRC_CHECK(vrcVolExpectInfo(ctx, vol, VRC_VOL_CAP, VRC_VOL_ALLOC));
    VRC_OK(ctx, virStorageVolGetInfo(vol, &info));
    VRC_EXPECT_INT(ctx, "volume type", info.type, VIR_STORAGE_VOL_FILE);
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, (long long)VRC_VOL_ALLOC));
    VRC_CHECK(vrcVolExpectList(ctx, pool, "conform-v1"));
    return 0;
}

static int
vrcVolCreateSparse(vrcCtx *ctx)
{
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_NEED(vol, vrcVolCreate(ctx, pool, "conform-v1",
                               vrcVolXml(ctx, "conform-v1", VRC_GIB, 0, NULL)));
    VRC_CHECK(vrcVolExpectInfo(ctx, vol, VRC_GIB, 0));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, 0));
    return 0;
}

/* Without <allocation> a volume is fully allocated. */
static int
vrcVolCreateFull(vrcCtx *ctx)
{
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_NEED(vol, vrcVolCreate(ctx, pool, "conform-v1",
                               vrcVolXml(ctx, "conform-v1", VRC_VOL_CAP, -1, NULL)));
    VRC_CHECK(vrcVolExpectInfo(ctx, vol, VRC_VOL_CAP, VRC_VOL_CAP));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, (long long)VRC_VOL_CAP));
    return 0;
}

static int
vrcVolCreateUnits(vrcCtx *ctx)
{
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_NEED(vol, vrcVolCreate(ctx, pool, "conform-v1",
                               "<volume><name>conform-v1</name>"
                               "<capacity unit='MiB'>10</capacity>"
                               "<allocation unit='KiB'>512</allocation></volume>"));
    VRC_CHECK(vrcVolExpectInfo(ctx, vol, 10 * VRC_MIB, 512 * VRC_KIB));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, (long long)(512 * VRC_KIB)));
    return 0;
}

static int
vrcVolDeleteAccounting(vrcCtx *ctx)
{
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr one, two;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_NEED(one, vrcVolStd(ctx, pool));
    VRC_NEED(two, vrcVolCreate(ctx, pool, "conform-v2",
                               vrcVolXml(ctx, "conform-v2", VRC_VOL_CAP, 3 * VRC_MIB, NULL)));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, (long long)(5 * VRC_MIB)));
    VRC_OK(ctx, virStorageVolDelete(one, 0));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, (long long)(3 * VRC_MIB)));
    VRC_CHECK(vrcVolExpectGone(ctx, pool, "conform-v1"));
    VRC_CHECK(vrcVolExpectList(ctx, pool, "conform-v2"));
    VRC_OK(ctx, virStorageVolDelete(two, 0));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, 0));
    VRC_CHECK(vrcVolExpectList(ctx, pool, ""));
    return 0;
}

/* An allocation one MiB over what is available fails and creates nothing. */
static int
vrcVolOverAllocation(vrcCtx *ctx)
{
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    const char *xml;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    xml = vrcVolXml(ctx, "conform-big", before.available + VRC_MIB,
                    (long long)(before.available + VRC_MIB), NULL);
    VRC_ERR_VOL(ctx, virStorageVolCreateXML(pool, xml, 0), VIR_ERR_INTERNAL_ERROR,
                VRC_MSG_NO_SPACE("conform-big"));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, 0));
    VRC_CHECK(vrcVolExpectList(ctx, pool, ""));
    VRC_CHECK(vrcVolExpectGone(ctx, pool, "conform-big"));
    return 0;
}

/* Exactly the available space fits; then not one byte more. */
static int
vrcVolFillExactly(vrcCtx *ctx)
{
    virStoragePoolInfo before, now;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_NEED(vol, vrcVolCreate(ctx, pool, "conform-big",
                               vrcVolXml(ctx, "conform-big", before.available,
                                         (long long)before.available, NULL)));
    VRC_CHECK(vrcPoolGetInfo(ctx, pool, &now));
    VRC_EXPECT_INT(ctx, "available when full", now.available, 0);
    VRC_ERR_VOL(ctx, virStorageVolCreateXML(pool, vrcVolXml(ctx, "conform-one", 1, 1, NULL), 0),
                VIR_ERR_INTERNAL_ERROR, VRC_MSG_NO_SPACE("conform-one"));
    VRC_NEED(vol, vrcVolCreate(ctx, pool, "conform-zero",
                               vrcVolXml(ctx, "conform-zero", 1, 0, NULL)));
    VRC_CHECK(vrcVolExpectList(ctx, pool, "conform-big,conform-zero"));
    return 0;
}

static int
vrcVolDuplicate(vrcCtx *ctx)
{
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_NEED(vol, vrcVolStd(ctx, pool));
    VRC_ERR_VOL(ctx, virStorageVolCreateXML(pool, vrcVolXml(ctx, "conform-v1", VRC_MIB,
                                                            VRC_MIB, NULL), 0),
                VIR_ERR_OPERATION_FAILED, VRC_MSG_VOL_EXISTS);
    VRC_CHECK(vrcVolExpectInfo(ctx, vol, VRC_VOL_CAP, VRC_VOL_ALLOC));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, (long long)VRC_VOL_ALLOC));
    return 0;
}

/* ---- clone ---- */

static int
vrcVolCloneAccounting(vrcCtx *ctx)
{
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr src, clone;
    char *path;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_NEED(src, vrcVolStd(ctx, pool));
    VRC_VOL(ctx, clone, virStorageVolCreateXMLFrom(pool, vrcVolXml(ctx, "conform-c1",
                                                                   VRC_VOL_CAP, 3 * VRC_MIB,
                                                                   NULL), src, 0));
    VRC_CHECK(vrcVolExpectInfo(ctx, clone, VRC_VOL_CAP, 3 * VRC_MIB));
    VRC_CHECK(vrcVolExpectInfo(ctx, src, VRC_VOL_CAP, VRC_VOL_ALLOC));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, (long long)(5 * VRC_MIB)));
    VRC_STR(ctx, path, virStorageVolGetPath(clone));
    VRC_EXPECT_STR(ctx, "clone path", path,
                   vrcPrintf(ctx, "%s/conform-c1", vrcPoolPath(ctx, "conform-p1")));
    VRC_CHECK(vrcVolExpectList(ctx, pool, "conform-c1,conform-v1"));
    VRC_OK(ctx, virStorageVolDelete(clone, 0));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, (long long)VRC_VOL_ALLOC));
    return 0;
}

static int
vrcVolCloneErrors(vrcCtx *ctx)
{
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr src;
    const char *big;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_NEED(src, vrcVolStd(ctx, pool));
    big = vrcVolXml(ctx, "conform-c1", VRC_VOL_CAP, (long long)before.available, NULL);
    VRC_ERR_VOL(ctx, virStorageVolCreateXMLFrom(pool, big, src, 0), VIR_ERR_INTERNAL_ERROR,
                VRC_MSG_NO_SPACE("conform-c1"));
    VRC_ERR_VOL(ctx, virStorageVolCreateXMLFrom(pool, vrcVolXml(ctx, "conform-v1", VRC_VOL_CAP,
                                                                0, NULL), src, 0),
                VIR_ERR_OPERATION_FAILED, VRC_MSG_VOL_EXISTS);
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, (long long)VRC_VOL_ALLOC));
    VRC_CHECK(vrcVolExpectList(ctx, pool, "conform-v1"));
    return 0;
}

/* ---- lookups and lists ---- */

static int
vrcVolLookups(vrcCtx *ctx)
{
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr vol, byName, byKey, byPath;
    const char *path;
    char *got;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_NEED(vol, vrcVolStd(ctx, pool));
    path = vrcPrintf(ctx, "%s/conform-v1", vrcPoolPath(ctx, "conform-p1"));
    VRC_EXPECT_STR(ctx, "name", virStorageVolGetName(vol), "conform-v1");
    VRC_EXPECT_STR(ctx, "key", virStorageVolGetKey(vol), path);
    VRC_STR(ctx, got, virStorageVolGetPath(vol));
    VRC_EXPECT_STR(ctx, "path", got, path);
    VRC_VOL(ctx, byName, virStorageVolLookupByName(pool, "conform-v1"));
    VRC_VOL(ctx, byKey, virStorageVolLookupByKey(ctx->conn, path));
    VRC_VOL(ctx, byPath, virStorageVolLookupByPath(ctx->conn, path));
    VRC_EXPECT_STR(ctx, "name by key", virStorageVolGetName(byKey), "conform-v1");
    VRC_EXPECT_STR(ctx, "name by path", virStorageVolGetName(byPath), "conform-v1");
    VRC_EXPECT_STR(ctx, "key by name", virStorageVolGetKey(byName), path);
    vrcStep(ctx, "virStorageVolGetConnect(conform-v1)");
    VRC_EXPECT(ctx, virStorageVolGetConnect(byPath) == ctx->conn,
               "virStorageVolGetConnect did not return the connection");
    return 0;
}

static int
vrcVolLookupUnknown(vrcCtx *ctx)
{
    virStoragePoolInfo before;
    virStoragePoolPtr pool;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_ERR_VOL(ctx, virStorageVolLookupByName(pool, "conform-none"), VIR_ERR_NO_STORAGE_VOL,
                VRC_MSG_NO_VOL("conform-none"));
    VRC_ERR_VOL(ctx, virStorageVolLookupByKey(ctx->conn, "/conform/none"),
                VIR_ERR_NO_STORAGE_VOL,
                "Storage volume not found: no storage vol with matching key '/conform/none'");
    VRC_ERR_VOL(ctx, virStorageVolLookupByPath(ctx->conn, "/conform/none"),
                VIR_ERR_NO_STORAGE_VOL,
                "Storage volume not found: no storage vol with matching path '/conform/none'");
    return 0;
}

static int
vrcVolLists(vrcCtx *ctx)
{
    static const char *const names[] = { "conform-v3", "conform-v1", "conform-v2" };
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr *vols = NULL;
    char *listed[VRC_NAMES_MAX];
    size_t i;
    int n, k, ours = 0;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_EXPECT_RET(ctx, virStoragePoolNumOfVolumes(pool), 0);
    for (i = 0; i < VRC_COUNT(names); i++)
        VRC_CHECK(vrcVolCreate(ctx, pool, names[i],
                               vrcVolXml(ctx, names[i], VRC_MIB, 0, NULL)) ? 0 : -1);
    VRC_EXPECT_RET(ctx, virStoragePoolNumOfVolumes(pool), 3);
    VRC_SET(ctx, n, virStoragePoolListVolumes(pool, listed, VRC_NAMES_MAX));
    for (k = 0; k < n; k++) {
        ours += strncmp(listed[k], "conform-v", strlen("conform-v")) == 0;
        free(listed[k]);
    }
    VRC_EXPECT_INT(ctx, "volumes in ListVolumes", ours, 3);
    VRC_CHECK(vrcVolExpectList(ctx, pool, "conform-v1,conform-v2,conform-v3"));
    VRC_ERR(ctx, virStoragePoolListAllVolumes(pool, &vols, VRC_BAD_FLAG), VIR_ERR_INVALID_ARG,
            "unsupported flags (0x40000000) in function *");
    VRC_EXPECT(ctx, vols == NULL, "the list pointer was written on failure");
    return 0;
}

/* ---- XML ---- */

typedef struct {
    const char *in;
    const char *out;    /* "@DIR@" stands for the pool's target path */
} vrcVolXmlRow;

/* TMPL with every "@DIR@" replaced by DIR. */
static const char *
vrcWithDir(vrcCtx *ctx, const char *tmpl, const char *dir)
{
    static const char token[] = "@DIR@";
    const char *hit;
    char *out, *o;
    size_t n = 0;

    for (hit = strstr(tmpl, token); hit; hit = strstr(hit + 1, token))
        n++;
    if (!(out = malloc(strlen(tmpl) + n * strlen(dir) + 1)))
        abort();
    for (o = out; (hit = strstr(tmpl, token)); tmpl = hit + strlen(token)) {
        memcpy(o, tmpl, (size_t)(hit - tmpl));
        o += hit - tmpl;
        o = stpcpy(o, dir);
    }
    strcpy(o, tmpl);
    return vrcKeepMem(ctx, out);
}

static int
vrcVolXmlExact(vrcCtx *ctx)
{
    const vrcVolXmlRow *row = ctx->tc->data;
    const char *dir = vrcPoolPath(ctx, "conform-p1");
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;
    const char *want;
    char *xml;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_NEED(vol, vrcVolCreate(ctx, pool, "conform-v1", vrcWithDir(ctx, row->in, dir)));
    VRC_STR(ctx, xml, virStorageVolGetXMLDesc(vol, 0));
    want = vrcWithDir(ctx, row->out, dir);
    VRC_EXPECT(ctx, strcmp(xml, want) == 0, "expected:\n%s\ngot:\n%s", want, xml);
    return 0;
}

#define VRC_VOL_HEAD \
    "<volume type='file'>\n" \
    "  <name>conform-v1</name>\n" \
    "  <key>@DIR@/conform-v1</key>\n"
static const vrcVolXmlRow vrcVX_raw = {
    "<volume><name>conform-v1</name><capacity unit='MiB'>10</capacity>"
    "<allocation unit='MiB'>2</allocation></volume>",
    VRC_VOL_HEAD
    "  <capacity unit='bytes'>10485760</capacity>\n"
    "  <allocation unit='bytes'>2097152</allocation>\n"
    "  <target>\n"
    "    <path>@DIR@/conform-v1</path>\n"
    "    <format type='raw'/>\n"
    "  </target>\n"
    "</volume>\n",
};
static const vrcVolXmlRow vrcVX_qcow2 = {
    "<volume><name>conform-v1</name><capacity unit='GiB'>1</capacity>"
    "<allocation>0</allocation><target><format type='qcow2'/><permissions><mode>0600</mode>"
    "<owner>107</owner><group>107</group></permissions></target></volume>",
    VRC_VOL_HEAD
    "  <capacity unit='bytes'>1073741824</capacity>\n"
    "  <allocation unit='bytes'>0</allocation>\n"
    "  <target>\n"
    "    <path>@DIR@/conform-v1</path>\n"
    "    <format type='qcow2'/>\n"
    "    <permissions>\n"
    "      <mode>0600</mode>\n"
    "      <owner>107</owner>\n"
    "      <group>107</group>\n"
    "    </permissions>\n"
    "  </target>\n"
    "</volume>\n",
};
static const vrcVolXmlRow vrcVX_backing = {
    "<volume><name>conform-v1</name><capacity unit='GiB'>1</capacity>"
    "<allocation>0</allocation><target><format type='qcow2'/></target>"
    "<backingStore><path>@DIR@/base.img</path><format type='raw'/></backingStore></volume>",
    VRC_VOL_HEAD
    "  <capacity unit='bytes'>1073741824</capacity>\n"
    "  <allocation unit='bytes'>0</allocation>\n"
    "  <target>\n"
    "    <path>@DIR@/conform-v1</path>\n"
    "    <format type='qcow2'/>\n"
    "  </target>\n"
    "  <backingStore>\n"
    "    <path>@DIR@/base.img</path>\n"
    "    <format type='raw'/>\n"
    "  </backingStore>\n"
    "</volume>\n",
};

static int
vrcVolXmlRoundTrip(vrcCtx *ctx)
{
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    static const char *const outputOnly[] = { "<key>", "<path>" };
    virStorageVolPtr vol;
    char *first, *second, *input;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_NEED(vol, vrcVolCreate(ctx, pool, "conform-v1", vrcWithDir(ctx, vrcVX_qcow2.in, "")));
    VRC_STR(ctx, first, virStorageVolGetXMLDesc(vol, 0));
    VRC_OK(ctx, virStorageVolDelete(vol, 0));
    /* Key and path are the pool's to choose: input without them. */
    input = vrcKeepMem(ctx, vrcDropLines(first, outputOnly, VRC_COUNT(outputOnly)));
    VRC_NEED(vol, vrcVolCreate(ctx, pool, "conform-v1", input));
    VRC_STR(ctx, second, virStorageVolGetXMLDesc(vol, 0));
    VRC_EXPECT(ctx, strcmp(first, second) == 0,
               "second dump differs from the first:\n%s\n---\n%s", first, second);
    return 0;
}

typedef struct {
    const char *xml;
    int code;
    const char *message;
} vrcVolBadXml;

static int
vrcVolParseError(vrcCtx *ctx)
{
    const vrcVolBadXml *row = ctx->tc->data;
    virStoragePoolInfo before;
    virStoragePoolPtr pool;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_ERR_VOL(ctx, virStorageVolCreateXML(pool, row->xml, 0), row->code, row->message);
    VRC_CHECK(vrcVolExpectList(ctx, pool, ""));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, 0));
    return 0;
}

#define VRC_BAD(id, xml, code, msg) static const vrcVolBadXml vrcVBad_##id = { xml, code, msg }
VRC_BAD(malformed, "<volume>", VIR_ERR_XML_DETAIL,
        "*Premature end of data in tag volume line 1*");
VRC_BAD(noName, "<volume><capacity>1</capacity></volume>", VIR_ERR_XML_ERROR,
        "XML error: missing volume name element");
VRC_BAD(noCapacity, "<volume><name>conform-x</name></volume>", VIR_ERR_XML_ERROR,
        "XML error: missing capacity element");
VRC_BAD(badUnit, "<volume><name>conform-x</name><capacity unit='zz'>1</capacity></volume>",
        VIR_ERR_INVALID_ARG, "invalid argument: unknown suffix 'zz'");
#undef VRC_BAD

/* ---- volumes across pool restarts and stale handles ---- */

static int
vrcVolSurvivesRestart(vrcCtx *ctx)
{
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_NEED(vol, vrcVolStd(ctx, pool));
    VRC_OK(ctx, virStoragePoolDestroy(pool));
    VRC_OK(ctx, virStoragePoolCreate(pool, 0));
    VRC_CHECK(vrcVolExpectList(ctx, pool, "conform-v1"));
    VRC_CHECK(vrcVolExpectInfo(ctx, vol, VRC_VOL_CAP, VRC_VOL_ALLOC));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, (long long)VRC_VOL_ALLOC));
    return 0;
}

static int
vrcVolStaleHandle(vrcCtx *ctx)
{
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;
    virStorageVolInfo info;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_NEED(vol, vrcVolStd(ctx, pool));
    VRC_OK(ctx, virStorageVolDelete(vol, 0));
    VRC_ERR(ctx, virStorageVolGetInfo(vol, &info), VIR_ERR_NO_STORAGE_VOL,
            VRC_MSG_NO_VOL("conform-v1"));
    VRC_ERR(ctx, virStorageVolDelete(vol, 0), VIR_ERR_NO_STORAGE_VOL,
            VRC_MSG_NO_VOL("conform-v1"));
    VRC_EXPECT_STR(ctx, "name of the stale handle", virStorageVolGetName(vol), "conform-v1");
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, 0));
    return 0;
}

/* Volume calls on a volume whose pool is inactive. */
static int
vrcVolPoolInactive(vrcCtx *ctx)
{
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;
    virStorageVolInfo info;
    const char *path;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_NEED(vol, vrcVolStd(ctx, pool));
    path = vrcPrintf(ctx, "%s/conform-v1", vrcPoolPath(ctx, "conform-p1"));
    VRC_OK(ctx, virStoragePoolDestroy(pool));
    VRC_ERR(ctx, virStorageVolGetInfo(vol, &info), VIR_ERR_OPERATION_INVALID, VRC_MSG_POOL_OFF);
    VRC_ERR_STR(ctx, virStorageVolGetXMLDesc(vol, 0), VIR_ERR_OPERATION_INVALID,
                VRC_MSG_POOL_OFF);
    VRC_ERR_STR(ctx, virStorageVolGetPath(vol), VIR_ERR_OPERATION_INVALID, VRC_MSG_POOL_OFF);
    VRC_ERR(ctx, virStorageVolDelete(vol, 0), VIR_ERR_OPERATION_INVALID, VRC_MSG_POOL_OFF);
    VRC_ERR_VOL(ctx, virStorageVolCreateXMLFrom(pool, vrcVolXml(ctx, "conform-c1", VRC_VOL_CAP,
                                                                0, NULL), vol, 0),
                VIR_ERR_OPERATION_INVALID, VRC_MSG_POOL_OFF);
    VRC_ERR_VOL(ctx, virStorageVolLookupByKey(ctx->conn, path), VIR_ERR_NO_STORAGE_VOL,
                vrcPrintf(ctx, "Storage volume not found: no storage vol with matching key "
                          "'%s'", path));
    VRC_ERR_VOL(ctx, virStorageVolLookupByPath(ctx->conn, path), VIR_ERR_NO_STORAGE_VOL,
                vrcPrintf(ctx, "Storage volume not found: no storage vol with matching path "
                          "'%s'", path));
    VRC_EXPECT_STR(ctx, "key of the handle", virStorageVolGetKey(vol), path);
    VRC_OK(ctx, virStoragePoolCreate(pool, 0));
    VRC_CHECK(vrcVolExpectInfo(ctx, vol, VRC_VOL_CAP, VRC_VOL_ALLOC));
    return 0;
}

/* Resize, wipe, upload and download of a volume whose pool is inactive. */
static int
vrcVolDataPoolInactive(vrcCtx *ctx)
{
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;
    virStreamPtr st;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_NEED(vol, vrcVolStd(ctx, pool));
    VRC_OK(ctx, virStoragePoolDestroy(pool));
    VRC_ERR(ctx, virStorageVolResize(vol, 2 * VRC_VOL_CAP, 0), VIR_ERR_OPERATION_INVALID,
            VRC_MSG_POOL_OFF);
    VRC_ERR(ctx, virStorageVolWipe(vol, 0), VIR_ERR_OPERATION_INVALID, VRC_MSG_POOL_OFF);
    VRC_STREAM(ctx, st, virStreamNew(ctx->conn, 0));
    VRC_ERR(ctx, virStorageVolUpload(vol, st, 0, VRC_MIB, 0), VIR_ERR_OPERATION_INVALID,
            VRC_MSG_POOL_OFF);
    VRC_ERR(ctx, virStorageVolDownload(vol, st, 0, VRC_MIB, 0), VIR_ERR_OPERATION_INVALID,
            VRC_MSG_POOL_OFF);
    VRC_OK(ctx, virStoragePoolCreate(pool, 0));
    VRC_CHECK(vrcVolExpectInfo(ctx, vol, VRC_VOL_CAP, VRC_VOL_ALLOC));
    return 0;
}

/* ---- resize ---- */

typedef struct {
    unsigned long long capacity;    /* the argument */
    unsigned int flags;
    int code;                       /* 0: success */
    const char *message;
    unsigned long long newCapacity;
    unsigned long long newAllocation;
    long long poolDelta;            /* change of the pool's allocation */
} vrcResizeRow;

static int
vrcVolResizeCase(vrcCtx *ctx)
{
    const vrcResizeRow *row = ctx->tc->data;
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;
    unsigned long long capacity = row->capacity;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_NEED(vol, vrcVolStd(ctx, pool));
    if (capacity == 0)      /* one MiB more than the pool can give */
        capacity = before.available + VRC_MIB;
    if (row->code) {
        VRC_ERR(ctx, virStorageVolResize(vol, capacity, row->flags), row->code, row->message);
    } else {
        VRC_OK(ctx, virStorageVolResize(vol, capacity, row->flags));
    }
    VRC_CHECK(vrcVolExpectInfo(ctx, vol, row->newCapacity, row->newAllocation));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before,
                                 (long long)VRC_VOL_ALLOC + row->poolDelta));
    return 0;
}

#define R_ALLOC VIR_STORAGE_VOL_RESIZE_ALLOCATE
#define R_DELTA VIR_STORAGE_VOL_RESIZE_DELTA
#define R_SHRINK VIR_STORAGE_VOL_RESIZE_SHRINK
#define VRC_RROW(id, cap, fl, code, msg, ncap, nalloc, delta) \
    static const vrcResizeRow vrcRz_##id = { cap, fl, code, msg, ncap, nalloc, delta }
VRC_RROW(grow, 20 * VRC_MIB, 0, 0, NULL, 20 * VRC_MIB, VRC_VOL_ALLOC, 0);
VRC_RROW(allocate, 20 * VRC_MIB, R_ALLOC, 0, NULL, 20 * VRC_MIB, 20 * VRC_MIB,
         (long long)(18 * VRC_MIB));
VRC_RROW(delta, 5 * VRC_MIB, R_DELTA, 0, NULL, 15 * VRC_MIB, VRC_VOL_ALLOC, 0);
VRC_RROW(shrink, 4 * VRC_MIB, R_SHRINK, 0, NULL, 4 * VRC_MIB, VRC_VOL_ALLOC, 0);
VRC_RROW(deltaShrink, 6 * VRC_MIB, R_DELTA | R_SHRINK, 0, NULL, 4 * VRC_MIB, VRC_VOL_ALLOC, 0);
VRC_RROW(shrinkNoFlag, 4 * VRC_MIB, 0, VIR_ERR_INVALID_ARG,
         "invalid argument: Can't shrink capacity below current capacity unless shrink flag "
         "explicitly specified", VRC_VOL_CAP, VRC_VOL_ALLOC, 0);
VRC_RROW(belowAlloc, VRC_MIB, R_SHRINK, VIR_ERR_INVALID_ARG,
         "invalid argument: can't shrink capacity below existing allocation", VRC_VOL_CAP,
         VRC_VOL_ALLOC, 0);
VRC_RROW(noSpace, 0, R_ALLOC, VIR_ERR_OPERATION_FAILED,
         "operation failed: Not enough space left in storage pool", VRC_VOL_CAP, VRC_VOL_ALLOC,
         0);
VRC_RROW(badFlag, 20 * VRC_MIB, VRC_BAD_FLAG, VIR_ERR_INVALID_ARG,
         "unsupported flags (0x40000000) in function *", VRC_VOL_CAP, VRC_VOL_ALLOC, 0);
#undef VRC_RROW

/* ---- wipe ---- */

static int
vrcVolWipe(vrcCtx *ctx)
{
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_NEED(vol, vrcVolStd(ctx, pool));
    VRC_CHECK(vrcUpload(ctx, vol, VRC_SEED_WIPE, 0, VRC_WIPE_BYTES));
    VRC_CHECK(vrcExpectContent(ctx, vol, 0, VRC_WIPE_BYTES,
                               vrcPatternChecksum(VRC_SEED_WIPE, 0, VRC_WIPE_BYTES),
                               "uploaded pattern"));
    VRC_OK(ctx, virStorageVolWipe(vol, 0));
    VRC_CHECK(vrcExpectContent(ctx, vol, 0, VRC_VOL_CAP, vrcZeroChecksum(VRC_VOL_CAP),
                               "wiped volume (zeros)"));
    VRC_ERR(ctx, virStorageVolWipe(vol, VRC_BAD_FLAG), VIR_ERR_INVALID_ARG,
            "unsupported flags (0x40000000) in function *");
    return 0;
}

/* ---- misuse ---- */

static int
vrcVolNullArgs(vrcCtx *ctx)
{
    virStoragePoolInfo before;
    virStoragePoolPtr pool;
    virStorageVolPtr vol;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_NEED(vol, vrcVolStd(ctx, pool));
    VRC_ERR_VOL(ctx, virStorageVolLookupByName(pool, NULL), VIR_ERR_INVALID_ARG,
                "name in virStorageVolLookupByName must not be NULL");
    VRC_ERR_VOL(ctx, virStorageVolLookupByKey(ctx->conn, NULL), VIR_ERR_INVALID_ARG,
                "key in virStorageVolLookupByKey must not be NULL");
    VRC_ERR_VOL(ctx, virStorageVolLookupByPath(ctx->conn, NULL), VIR_ERR_INVALID_ARG,
                "path in virStorageVolLookupByPath must not be NULL");
    VRC_ERR(ctx, virStorageVolGetInfo(vol, NULL), VIR_ERR_INVALID_ARG,
            "info in virStorageVolGetInfo must not be NULL");
    VRC_ERR(ctx, virStorageVolDelete(NULL, 0), VIR_ERR_INVALID_STORAGE_VOL,
            "invalid storage volume pointer in virStorageVolDelete");
    VRC_ERR_VOL(ctx, virStorageVolCreateXMLFrom(pool, vrcVolXml(ctx, "conform-c1", VRC_MIB, 0,
                                                                NULL), NULL, 0),
                VIR_ERR_INVALID_STORAGE_VOL,
                "invalid storage volume pointer in virStorageVolCreateXMLFrom");
    VRC_ERR_VOL(ctx, virStorageVolCreateXML(pool, vrcVolXml(ctx, "conform-c1", VRC_MIB, 0,
                                                            NULL), VRC_BAD_FLAG),
                VIR_ERR_INVALID_ARG, "unsupported flags (0x40000000) in function *");
    VRC_ERR(ctx, virStorageVolDelete(vol, VRC_BAD_FLAG), VIR_ERR_INVALID_ARG,
            "unsupported flags (0x40000000) in function *");
    VRC_CHECK(vrcVolExpectList(ctx, pool, "conform-v1"));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, (long long)VRC_VOL_ALLOC));
    return 0;
}

static int
vrcVolReadOnly(vrcCtx *ctx)
{
    virStoragePoolInfo before;
    virStoragePoolPtr pool, ropool;
    virStorageVolPtr vol, rovol;
    virConnectPtr ro;

    VRC_NEED(pool, vrcVolPool(ctx, &before));
    VRC_NEED(vol, vrcVolStd(ctx, pool));
    VRC_NEED(ro, vrcOpenExtra(ctx, true));
    VRC_POOL(ctx, ropool, virStoragePoolLookupByName(ro, "conform-p1"));
    VRC_VOL(ctx, rovol, virStorageVolLookupByName(ropool, "conform-v1"));
    VRC_CHECK(vrcVolExpectInfo(ctx, rovol, VRC_VOL_CAP, VRC_VOL_ALLOC));
#define VRC_DENIED(call, fn) \
    VRC_ERR(ctx, call, VIR_ERR_OPERATION_DENIED, \
            "operation forbidden: read only access prevents " fn)
    VRC_DENIED(virStorageVolDelete(rovol, 0), "virStorageVolDelete");
    VRC_DENIED(virStorageVolWipe(rovol, 0), "virStorageVolWipe");
    VRC_DENIED(virStorageVolResize(rovol, 2 * VRC_VOL_CAP, 0), "virStorageVolResize");
    VRC_ERR_VOL(ctx, virStorageVolCreateXMLFrom(ropool, vrcVolXml(ctx, "conform-c1",
                                                                  VRC_VOL_CAP, 0, NULL),
                                                rovol, 0), VIR_ERR_OPERATION_DENIED,
                "operation forbidden: read only access prevents virStorageVolCreateXMLFrom");
#undef VRC_DENIED
    VRC_CHECK(vrcVolExpectList(ctx, pool, "conform-v1"));
    VRC_CHECK(vrcPoolExpectUsage(ctx, pool, &before, (long long)VRC_VOL_ALLOC));
    return 0;
}

#define VRC_VCASE(num, name, purpose, func) \
    { "storage/" num "-vol-" name, "storage", purpose, func, 0, NULL }
#define VRC_VROW(num, name, purpose, func, row) \
    { "storage/" num "-vol-" name, "storage", purpose, func, 0, &row }
#define VRC_VRESIZE(num, name, purpose, row) \
    VRC_VROW(num, "resize-" name, purpose, vrcVolResizeCase, vrcRz_##row)

const vrcCase vrcCasesVolume[] = {
    VRC_VCASE("500", "create-accounting",
              "a volume's allocation moves pool allocation and available by exactly as much",
              vrcVolCreateAccounting),
    VRC_VCASE("501", "create-sparse", "allocation 0: the pool is unchanged",
              vrcVolCreateSparse),
    VRC_VCASE("502", "create-full", "no <allocation>: fully allocated, pool charged capacity",
              vrcVolCreateFull),
    VRC_VCASE("503", "create-units", "capacity in MiB and allocation in KiB are bytes after",
              vrcVolCreateUnits),
    VRC_VCASE("504", "delete-accounting", "deleting volumes gives their allocation back",
              vrcVolDeleteAccounting),
    VRC_VCASE("505", "over-allocation",
              "one MiB over available: INTERNAL_ERROR, nothing created, pool unchanged",
              vrcVolOverAllocation),
    VRC_VCASE("506", "fill-exactly",
              "exactly the available space fits, then not one byte more",
              vrcVolFillExactly),
    VRC_VCASE("507", "duplicate-name", "a taken name: OPERATION_FAILED, nothing changes",
              vrcVolDuplicate),
    VRC_VCASE("510", "clone-accounting",
              "CreateXMLFrom charges the clone's allocation; deleting it gives it back",
              vrcVolCloneAccounting),
    VRC_VCASE("511", "clone-errors",
              "clone over available space or onto a taken name creates nothing",
              vrcVolCloneErrors),
    VRC_VCASE("520", "lookups", "name, key and path lookups agree; key and path are target/name",
              vrcVolLookups),
    VRC_VCASE("521", "lookup-unknown", "unknown name, key and path: NO_STORAGE_VOL",
              vrcVolLookupUnknown),
    VRC_VCASE("522", "lists", "NumOfVolumes, ListVolumes and ListAllVolumes agree",
              vrcVolLists),
    VRC_VROW("530", "xml-exact-raw", "exact output of a raw volume", vrcVolXmlExact,
             vrcVX_raw),
    VRC_VROW("531", "xml-exact-qcow2", "exact output of a qcow2 volume with permissions",
             vrcVolXmlExact, vrcVX_qcow2),
    VRC_VROW("532", "xml-exact-backing", "exact output of a volume with a backing store",
             vrcVolXmlExact, vrcVX_backing),
    VRC_VCASE("533", "xml-round-trip", "create -> dump -> delete -> create -> dump is fixed",
              vrcVolXmlRoundTrip),
    VRC_VROW("534", "xml-error-malformed", "malformed XML: XML_DETAIL, nothing created",
             vrcVolParseError, vrcVBad_malformed),
    VRC_VROW("535", "xml-error-no-name", "no <name>: XML_ERROR", vrcVolParseError,
             vrcVBad_noName),
    VRC_VROW("536", "xml-error-no-capacity", "no <capacity>: XML_ERROR", vrcVolParseError,
             vrcVBad_noCapacity),
    VRC_VROW("537", "xml-error-unit", "unknown unit: INVALID_ARG", vrcVolParseError,
             vrcVBad_badUnit),
    VRC_VCASE("540", "survives-pool-restart",
              "volumes and their accounting survive a pool restart", vrcVolSurvivesRestart),
    VRC_VCASE("541", "stale-handle", "calls on a deleted volume: NO_STORAGE_VOL",
              vrcVolStaleHandle),
    VRC_VCASE("542", "pool-inactive",
              "volume calls in an inactive pool: OPERATION_INVALID; lookups find nothing",
              vrcVolPoolInactive),
    VRC_VCASE("543", "data-pool-inactive",
              "resize, wipe, upload, download in an inactive pool: OPERATION_INVALID",
              vrcVolDataPoolInactive),
    VRC_VRESIZE("550", "grow", "Resize to 20 MiB: capacity grows, allocation and pool stay",
                grow),
    VRC_VRESIZE("551", "allocate", "Resize(ALLOCATE): the pool is charged the difference",
                allocate),
    VRC_VRESIZE("552", "delta", "Resize(DELTA) adds to the capacity", delta),
    VRC_VRESIZE("553", "shrink", "Resize(SHRINK) to 4 MiB", shrink),
    VRC_VRESIZE("554", "delta-shrink", "Resize(DELTA|SHRINK) takes from the capacity",
                deltaShrink),
    VRC_VRESIZE("555", "shrink-no-flag", "a smaller capacity without SHRINK: INVALID_ARG",
                shrinkNoFlag),
    VRC_VRESIZE("556", "below-allocation", "shrinking below the allocation: INVALID_ARG",
                belowAlloc),
    VRC_VRESIZE("557", "no-space", "Resize(ALLOCATE) past available: OPERATION_FAILED",
                noSpace),
    VRC_VRESIZE("558", "bad-flag", "an unknown flag: INVALID_ARG, nothing changes", badFlag),
    VRC_VCASE("560", "wipe", "Wipe turns an uploaded pattern into zeros", vrcVolWipe),
    VRC_VCASE("910", "null-arguments", "NULL names, keys, paths, pointers; unknown flags",
              vrcVolNullArgs),
    VRC_VCASE("912", "readonly", "a read-only connection reads but cannot change volumes",
              vrcVolReadOnly),
};
const size_t vrcCasesVolumeCount = VRC_COUNT(vrcCasesVolume);
