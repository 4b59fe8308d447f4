/* conformance/netstore.c: helpers of the network, pool and volume cases --
 * the handles a case holds until it ends, XML builders, the checks (flags,
 * gone, lists, pool usage, volume info) and the removal of conform-*
 * networks and pools after each case. */
#ifndef _GNU_SOURCE
# define _GNU_SOURCE    /* vasprintf, strsignal, nftw */
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netstore.h"

#define VRC_OBJS_GROW 16

void
vrcKeepObj(vrcCtx *ctx, int kind, void *ptr)
{
    vrcObj *objs = ctx->objs;

    if (ctx->nobjs == ctx->aobjs) {
        ctx->aobjs += VRC_OBJS_GROW;
        if (!(objs = realloc(objs, ctx->aobjs * sizeof(*objs))))
            abort();
        ctx->objs = objs;
    }
    objs[ctx->nobjs].kind = kind;
    objs[ctx->nobjs].ptr = ptr;
    ctx->nobjs++;
}

void
vrcReleaseObjects(vrcCtx *ctx)
{
    vrcObj *objs = ctx->objs;
    size_t i;

    for (i = 0; i < ctx->nobjs; i++) {
        switch (objs[i].kind) {
        case VRC_OBJ_NETWORK: virNetworkFree(objs[i].ptr); break;
        case VRC_OBJ_POOL: virStoragePoolFree(objs[i].ptr); break;
        case VRC_OBJ_VOL: virStorageVolFree(objs[i].ptr); break;
        case VRC_OBJ_STREAM: virStreamFree(objs[i].ptr); break;
        default: break;
        }
    }
    free(objs);
    ctx->objs = NULL;
    ctx->nobjs = ctx->aobjs = 0;
}

void *
vrcKept(vrcCtx *ctx, int kind, void *obj)
{
    if (!obj) {
        vrcCallFailed(ctx);
        return NULL;
    }
    vrcKeepObj(ctx, kind, obj);
    return obj;
}

/* An IsActive/IsPersistent answer RC (just returned by the call the last
 * step named) must be WANT. */
static int
vrcExpectAnswer(vrcCtx *ctx, int rc, int want)
{
    if (rc < 0)
        return vrcCallFailed(ctx);
    if (rc != want)
        return vrcFail(ctx, "expected %d, got %d", want, rc);
    return 0;
}

static bool
vrcIsOurs(const char *name)
{
    return name && strncmp(name, VRC_PREFIX, strlen(VRC_PREFIX)) == 0;
}

static int
vrcCompareNames(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int
vrcCountOurs(char **names, int n)
{
    int i, k = 0;

    for (i = 0; i < n; i++) {
        if (vrcIsOurs(names[i]))
            k++;
        free(names[i]);
    }
    return k;
}

/* Sorts NAMES (N of them) and joins them with commas into OUT. */
static void
vrcJoinNames(const char **names, size_t n, char *out, size_t outlen)
{
    size_t i, used = 0;

    qsort(names, n, sizeof(*names), vrcCompareNames);
    out[0] = '\0';
    for (i = 0; i < n; i++)
        used += (size_t)snprintf(out + used, used < outlen ? outlen - used : 0, "%s%s",
                                 i ? "," : "", names[i]);
}

/* The N NAMES (only the conform-* ones unless ALL; NAMES is reordered),
 * sorted and joined with commas, must be EXPECTED. */
static int
vrcExpectNames(vrcCtx *ctx, const char **names, size_t n, bool all, const char *expected)
{
    char got[VRC_LIST_MAX];
    size_t i, k = 0;

    for (i = 0; i < n; i++)
        if (all || vrcIsOurs(names[i]))
            names[k++] = names[i];
    vrcJoinNames(names, k, got, sizeof(got));
    if (strcmp(got, expected) != 0)
        return vrcFail(ctx, "expected [%s], got [%s]", expected, got);
    return 0;
}

/* Room for N names (and a NULL); aborts when memory runs out. */
static const char **
vrcNamesNew(int n)
{
    const char **names = calloc((size_t)n + 1, sizeof(*names));

    if (!names)
        abort();
    return names;
}

/* A copy of XML without the lines that contain one of the N NEEDLES. */
char *
vrcDropLines(const char *xml, const char *const *needles, size_t n)
{
    char *out = malloc(strlen(xml) + 1), *o = out;
    const char *line = xml;
    size_t i;

    if (!out)
        abort();
    while (*line) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) + 1 : strlen(line);
        bool drop = false;

        for (i = 0; i < n && !drop; i++) {
            const char *hit = strstr(line, needles[i]);

            drop = hit && hit < line + len;
        }
        if (!drop) {
            memcpy(o, line, len);
            o += len;
        }
        line += len;
    }
    *o = '\0';
    return out;
}

/* ---- networks ---- */

/* A network named NAME with UUID (NULL: generated) whose other elements are
 * BODY (NULL: a bridge named after the network, "vrc" + NAME without the
 * conform- prefix, so no two networks of a case share a bridge). */
const char *
vrcNetXml(vrcCtx *ctx, const char *name, const char *uuid, const char *body)
{
    const char *suffix = vrcIsOurs(name) ? name + strlen(VRC_PREFIX) : name;

    if (!body)
        body = vrcPrintf(ctx, "  <bridge name='vrc%.12s'/>\n", suffix);
    return vrcPrintf(ctx,
                     "<network>\n"
                     "  <name>%s</name>\n"
                     "%s%s%s"
                     "%s"
                     "</network>\n",
                     name,
                     uuid ? "  <uuid>" : "", uuid ? uuid : "", uuid ? "</uuid>\n" : "",
                     body);
}

virNetworkPtr
vrcNetDefine(vrcCtx *ctx, const char *name, const char *xml)
{
    vrcStep(ctx, "virNetworkDefineXML(%s)", name);
    return vrcKept(ctx, VRC_OBJ_NETWORK,
                   virNetworkDefineXML(ctx->conn, xml ? xml : vrcNetXml(ctx, name, NULL, NULL)));
}

virNetworkPtr
vrcNetCreate(vrcCtx *ctx, const char *name, const char *xml)
{
    vrcStep(ctx, "virNetworkCreateXML(%s)", name);
    return vrcKept(ctx, VRC_OBJ_NETWORK,
                   virNetworkCreateXML(ctx->conn, xml ? xml : vrcNetXml(ctx, name, NULL, NULL)));
}

/* Defined with the default XML, then started. */
virNetworkPtr
vrcNetStart(vrcCtx *ctx, const char *name)
{
    virNetworkPtr net = vrcNetDefine(ctx, name, NULL);

    if (!net)
        return NULL;
    vrcStep(ctx, "virNetworkCreate(%s)", name);
    if (virNetworkCreate(net) < 0) {
        vrcCallFailed(ctx);
        return NULL;
    }
    return net;
}

virNetworkPtr
vrcNetLookup(vrcCtx *ctx, const char *name)
{
    vrcStep(ctx, "virNetworkLookupByName(%s)", name);
    return vrcKept(ctx, VRC_OBJ_NETWORK, virNetworkLookupByName(ctx->conn, name));
}

int
vrcNetExpectFlags(vrcCtx *ctx, virNetworkPtr net, int active, int persistent)
{
    const char *name = virNetworkGetName(net);

    vrcStep(ctx, "virNetworkIsActive(%s)", name);
    VRC_CHECK(vrcExpectAnswer(ctx, virNetworkIsActive(net), active));
    vrcStep(ctx, "virNetworkIsPersistent(%s)", name);
    VRC_CHECK(vrcExpectAnswer(ctx, virNetworkIsPersistent(net), persistent));
    return 0;
}

int
vrcNetExpectGone(vrcCtx *ctx, const char *name)
{
    virNetworkPtr net;
    const char *msg = vrcPrintf(ctx, "Network not found: no network with matching name '%s'",
                                name);
    int rc;

    vrcStep(ctx, "virNetworkLookupByName(%s)", name);
    net = virNetworkLookupByName(ctx->conn, name);
    rc = vrcCheckError(ctx, net == NULL, VIR_ERR_NO_NETWORK, msg);
    if (net)
        virNetworkFree(net);
    return rc;
}

int
vrcNetExpectList(vrcCtx *ctx, unsigned int flags, const char *expected)
{
    virNetworkPtr *nets = NULL;
    const char **names;
    int n, i, rc;

    vrcStep(ctx, "virConnectListAllNetworks(flags=0x%x)", flags);
    if ((n = virConnectListAllNetworks(ctx->conn, &nets, flags)) < 0)
        return vrcCallFailed(ctx);
    names = vrcNamesNew(n);
    for (i = 0; i < n; i++)
        names[i] = virNetworkGetName(nets[i]);
    rc = vrcExpectNames(ctx, names, (size_t)n, false, expected);
    free(names);
    for (i = 0; i < n; i++)
        virNetworkFree(nets[i]);
    free(nets);
    return rc;
}

/* ---- pools ---- */

/* Pools live in the case's scratch directory, so a real dir pool may build
 * and delete them. */
const char *
vrcPoolPath(vrcCtx *ctx, const char *name)
{
    return vrcPrintf(ctx, "%s/%s", ctx->scratch, name);
}

const char *
vrcPoolXml(vrcCtx *ctx, const char *name, const char *uuid)
{
    return vrcPrintf(ctx,
                     "<pool type='dir'>\n"
                     "  <name>%s</name>\n"
                     "%s%s%s"
                     "  <target>\n"
                     "    <path>%s</path>\n"
                     "  </target>\n"
                     "</pool>\n",
                     name,
                     uuid ? "  <uuid>" : "", uuid ? uuid : "", uuid ? "</uuid>\n" : "",
                     vrcPoolPath(ctx, name));
}

virStoragePoolPtr
vrcPoolDefine(vrcCtx *ctx, const char *name, const char *xml)
{
    vrcStep(ctx, "virStoragePoolDefineXML(%s)", name);
    return vrcKept(ctx, VRC_OBJ_POOL,
                   virStoragePoolDefineXML(ctx->conn, xml ? xml : vrcPoolXml(ctx, name, NULL), 0));
}

virStoragePoolPtr
vrcPoolCreate(vrcCtx *ctx, const char *name, const char *xml)
{
    vrcStep(ctx, "virStoragePoolCreateXML(%s)", name);
    return vrcKept(ctx, VRC_OBJ_POOL,
                   virStoragePoolCreateXML(ctx->conn, xml ? xml : vrcPoolXml(ctx, name, NULL), 0));
}

/* Defined, built and started: a persistent active pool. */
virStoragePoolPtr
vrcPoolStart(vrcCtx *ctx, const char *name)
{
    virStoragePoolPtr pool = vrcPoolDefine(ctx, name, NULL);

    if (!pool)
        return NULL;
    vrcStep(ctx, "virStoragePoolBuild(%s)", name);
    if (virStoragePoolBuild(pool, 0) < 0) {
        vrcCallFailed(ctx);
        return NULL;
    }
    vrcStep(ctx, "virStoragePoolCreate(%s)", name);
    if (virStoragePoolCreate(pool, 0) < 0) {
        vrcCallFailed(ctx);
        return NULL;
    }
    return pool;
}

virStoragePoolPtr
vrcPoolLookup(vrcCtx *ctx, const char *name)
{
    vrcStep(ctx, "virStoragePoolLookupByName(%s)", name);
    return vrcKept(ctx, VRC_OBJ_POOL, virStoragePoolLookupByName(ctx->conn, name));
}

int
vrcPoolExpectFlags(vrcCtx *ctx, virStoragePoolPtr pool, int active, int persistent)
{
    const char *name = virStoragePoolGetName(pool);

    vrcStep(ctx, "virStoragePoolIsActive(%s)", name);
    VRC_CHECK(vrcExpectAnswer(ctx, virStoragePoolIsActive(pool), active));
    vrcStep(ctx, "virStoragePoolIsPersistent(%s)", name);
    VRC_CHECK(vrcExpectAnswer(ctx, virStoragePoolIsPersistent(pool), persistent));
    return 0;
}

int
vrcPoolExpectGone(vrcCtx *ctx, const char *name)
{
    virStoragePoolPtr pool;
    const char *msg = vrcPrintf(ctx, "Storage pool not found: no storage pool with matching "
                                "name '%s'", name);
    int rc;

    vrcStep(ctx, "virStoragePoolLookupByName(%s)", name);
    pool = virStoragePoolLookupByName(ctx->conn, name);
    rc = vrcCheckError(ctx, pool == NULL, VIR_ERR_NO_STORAGE_POOL, msg);
    if (pool)
        virStoragePoolFree(pool);
    return rc;
}

int
vrcPoolExpectList(vrcCtx *ctx, unsigned int flags, const char *expected)
{
    virStoragePoolPtr *pools = NULL;
    const char **names;
    int n, i, rc;

    vrcStep(ctx, "virConnectListAllStoragePools(flags=0x%x)", flags);
    if ((n = virConnectListAllStoragePools(ctx->conn, &pools, flags)) < 0)
        return vrcCallFailed(ctx);
    names = vrcNamesNew(n);
    for (i = 0; i < n; i++)
        names[i] = virStoragePoolGetName(pools[i]);
    rc = vrcExpectNames(ctx, names, (size_t)n, false, expected);
    free(names);
    for (i = 0; i < n; i++)
        virStoragePoolFree(pools[i]);
    free(pools);
    return rc;
}

int
vrcPoolGetInfo(vrcCtx *ctx, virStoragePoolPtr pool, virStoragePoolInfo *info)
{
    vrcStep(ctx, "virStoragePoolGetInfo(%s)", virStoragePoolGetName(pool));
    if (virStoragePoolGetInfo(pool, info) < 0)
        return vrcCallFailed(ctx);
    return 0;
}

/* The pool's capacity is unchanged, its allocation grew by exactly DELTA
 * bytes and its available space shrank by as much. */
int
vrcPoolExpectUsage(vrcCtx *ctx, virStoragePoolPtr pool, const virStoragePoolInfo *before,
                   long long delta)
{
    virStoragePoolInfo now;

    VRC_CHECK(vrcPoolGetInfo(ctx, pool, &now));
    if (now.capacity != before->capacity)
        return vrcFail(ctx, "capacity: expected %llu, got %llu", before->capacity,
                       now.capacity);
    if (now.allocation != before->allocation + (unsigned long long)delta)
        return vrcFail(ctx, "allocation: expected %llu (%+lld), got %llu",
                       before->allocation + (unsigned long long)delta, delta, now.allocation);
    if (now.available != before->available - (unsigned long long)delta)
        return vrcFail(ctx, "available: expected %llu (%+lld), got %llu",
                       before->available - (unsigned long long)delta, -delta, now.available);
    return 0;
}

/* ---- volumes ---- */

/* ALLOCATION < 0 leaves <allocation> out; FORMAT NULL leaves <target> out. */
const char *
vrcVolXml(vrcCtx *ctx, const char *name, unsigned long long capacity, long long allocation,
          const char *format)
{
    const char *alloc = allocation < 0 ? "" :
        vrcPrintf(ctx, "  <allocation unit='bytes'>%lld</allocation>\n", allocation);
    const char *target = !format ? "" :
        vrcPrintf(ctx, "  <target>\n    <format type='%s'/>\n  </target>\n", format);

    return vrcPrintf(ctx,
                     "<volume>\n"
                     "  <name>%s</name>\n"
                     "  <capacity unit='bytes'>%llu</capacity>\n"
                     "%s%s"
                     "</volume>\n", name, capacity, alloc, target);
}

virStorageVolPtr
vrcVolCreate(vrcCtx *ctx, virStoragePoolPtr pool, const char *name, const char *xml)
{
    vrcStep(ctx, "virStorageVolCreateXML(%s)", name);
    return vrcKept(ctx, VRC_OBJ_VOL, virStorageVolCreateXML(pool, xml, 0));
}

int
vrcVolExpectInfo(vrcCtx *ctx, virStorageVolPtr vol, unsigned long long capacity,
                 unsigned long long allocation)
{
    virStorageVolInfo info;

    vrcStep(ctx, "virStorageVolGetInfo(%s)", virStorageVolGetName(vol));
    if (virStorageVolGetInfo(vol, &info) < 0)
        return vrcCallFailed(ctx);
    if (info.capacity != capacity)
        return vrcFail(ctx, "capacity: expected %llu, got %llu", capacity, info.capacity);
    if (info.allocation != allocation)
        return vrcFail(ctx, "allocation: expected %llu, got %llu", allocation,
                       info.allocation);
    return 0;
}

int
vrcVolExpectGone(vrcCtx *ctx, virStoragePoolPtr pool, const char *name)
{
    virStorageVolPtr vol;
    const char *msg = vrcPrintf(ctx, "Storage volume not found: no storage vol with matching "
                                "name '%s'", name);
    int rc;

    vrcStep(ctx, "virStorageVolLookupByName(%s)", name);
    vol = virStorageVolLookupByName(pool, name);
    rc = vrcCheckError(ctx, vol == NULL, VIR_ERR_NO_STORAGE_VOL, msg);
    if (vol)
        virStorageVolFree(vol);
    return rc;
}

/* The sorted names of every volume of POOL. */
int
vrcVolExpectList(vrcCtx *ctx, virStoragePoolPtr pool, const char *expected)
{
    virStorageVolPtr *vols = NULL;
    const char **names;
    int n, i, rc;

    vrcStep(ctx, "virStoragePoolListAllVolumes(%s)", virStoragePoolGetName(pool));
    if ((n = virStoragePoolListAllVolumes(pool, &vols, 0)) < 0)
        return vrcCallFailed(ctx);
    names = vrcNamesNew(n);
    for (i = 0; i < n; i++)
        names[i] = virStorageVolGetName(vols[i]);
    rc = vrcExpectNames(ctx, names, (size_t)n, true, expected);
    free(names);
    for (i = 0; i < n; i++)
        virStorageVolFree(vols[i]);
    free(vols);
    return rc;
}

/* ---- cleanup ---- */

static void
vrcNoteName(char *buf, size_t len, size_t *used, const char *kind, const char *name)
{
    *used += (size_t)snprintf(buf + *used, *used < len ? len - *used : 0, "%s%s %s",
                              *used ? ", " : "", kind, name);
}

/* Names the conform-* networks and pools on CONN into FOUND; returns how
 * many.  A driver without networks or storage has none. */
int
vrcFindNetStorage(virConnectPtr conn, char *found, size_t len)
{
    virNetworkPtr *nets = NULL;
    virStoragePoolPtr *pools = NULL;
    size_t used = strlen(found);
    int n, i, k = 0;

    if ((n = virConnectListAllNetworks(conn, &nets, 0)) > 0) {
        for (i = 0; i < n; i++) {
            if (vrcIsOurs(virNetworkGetName(nets[i]))) {
                vrcNoteName(found, len, &used, "network", virNetworkGetName(nets[i]));
                k++;
            }
            virNetworkFree(nets[i]);
        }
        free(nets);
    }
    if ((n = virConnectListAllStoragePools(conn, &pools, 0)) > 0) {
        for (i = 0; i < n; i++) {
            if (vrcIsOurs(virStoragePoolGetName(pools[i]))) {
                vrcNoteName(found, len, &used, "pool", virStoragePoolGetName(pools[i]));
                k++;
            }
            virStoragePoolFree(pools[i]);
        }
        free(pools);
    }
    return k;
}

static bool
vrcRemoveNetwork(virNetworkPtr net)
{
    if (virNetworkIsActive(net) == 1 && virNetworkDestroy(net) < 0)
        return false;
    if (virNetworkIsPersistent(net) == 1 && virNetworkUndefine(net) < 0)
        return false;
    return true;
}

static bool
vrcRemovePool(virStoragePoolPtr pool)
{
    if (virStoragePoolIsActive(pool) == 1 && virStoragePoolDestroy(pool) < 0)
        return false;
    if (virStoragePoolIsPersistent(pool) == 1 && virStoragePoolUndefine(pool) < 0)
        return false;
    return true;
}

/* Destroys and undefines every conform-* network and pool on CONN (volumes
 * of a pool in the scratch directory go with that directory).  Returns how
 * many could not be removed and names them, after what LEFTOVER holds. */
int
vrcCleanupNetStorage(virConnectPtr conn, char *leftover, size_t len)
{
    virNetworkPtr *nets = NULL;
    virStoragePoolPtr *pools = NULL;
    size_t used = strlen(leftover);
    int n, i, failed = 0;

    if ((n = virConnectListAllNetworks(conn, &nets, 0)) > 0) {
        for (i = 0; i < n; i++) {
            const char *name = virNetworkGetName(nets[i]);

            if (vrcIsOurs(name) && !vrcRemoveNetwork(nets[i])) {
                vrcNoteName(leftover, len, &used, "network", name);
                failed++;
            }
            virNetworkFree(nets[i]);
        }
        free(nets);
    }
    if ((n = virConnectListAllStoragePools(conn, &pools, 0)) > 0) {
        for (i = 0; i < n; i++) {
            const char *name = virStoragePoolGetName(pools[i]);

            if (vrcIsOurs(name) && !vrcRemovePool(pools[i])) {
                vrcNoteName(leftover, len, &used, "pool", name);
                failed++;
            }
            virStoragePoolFree(pools[i]);
        }
        free(pools);
    }
    virResetLastError();
    return failed;
}
