/* conformance/netstore.h: what the network, storage pool, volume and stream
 * cases share -- handles released after the case, XML builders, checks,
 * cleanup of conform-* networks and pools, network and pool events, and the
 * deterministic data pattern the stream cases send and verify. */
#ifndef VRC_NETSTORE_H
#define VRC_NETSTORE_H

#include <stdint.h>

#include "conform.h"

#define VRC_KIB 1024ULL
#define VRC_MIB (1024ULL * 1024ULL)
#define VRC_GIB (1024ULL * 1024ULL * 1024ULL)
#define VRC_NET_EVENT_PREFIX "network:"    /* collector key of a network's events */
#define VRC_POOL_EVENT_PREFIX "pool:"      /* collector key of a pool's events */
#define VRC_POOL_EVENT_REFRESH 100         /* suite-local code of a pool refresh event */

typedef enum {
    VRC_OBJ_NETWORK,
    VRC_OBJ_POOL,
    VRC_OBJ_VOL,
    VRC_OBJ_STREAM,
} vrcObjKind;

typedef struct {
    int kind;       /* vrcObjKind */
    void *ptr;
} vrcObj;

/* A row of a table-driven ListAll case: the flags and the conform-* names
 * expected, sorted and comma separated. */
typedef struct {
    unsigned int flags;
    const char *expected;
} vrcObjListRow;

/* Case tables of the network and storage groups. */
extern const vrcCase vrcCasesNetwork[];
extern const size_t vrcCasesNetworkCount;
extern const vrcCase vrcCasesNetworkOps[];
extern const size_t vrcCasesNetworkOpsCount;
extern const vrcCase vrcCasesPool[];
extern const size_t vrcCasesPoolCount;
extern const vrcCase vrcCasesVolume[];
extern const size_t vrcCasesVolumeCount;
extern const vrcCase vrcCasesStream[];
extern const size_t vrcCasesStreamCount;

/* ---- handles released after the case (netstore.c) ---- */
void vrcKeepObj(vrcCtx *ctx, int kind, void *ptr);
void vrcReleaseObjects(vrcCtx *ctx);
/* OBJ (of KIND), just returned by the call the last step named: kept until
 * the case ends, or NULL after recording the call's failure. */
void *vrcKept(vrcCtx *ctx, int kind, void *obj);

char *vrcDropLines(const char *xml, const char *const *needles, size_t n);
/* How many of the N NAMES (of a legacy List call) are conform-*; frees
 * each name. */
int vrcCountOurs(char **names, int n);

/* ---- networks ---- */
const char *vrcNetXml(vrcCtx *ctx, const char *name, const char *uuid, const char *body);
virNetworkPtr vrcNetDefine(vrcCtx *ctx, const char *name, const char *xml);
virNetworkPtr vrcNetCreate(vrcCtx *ctx, const char *name, const char *xml);
virNetworkPtr vrcNetStart(vrcCtx *ctx, const char *name);
virNetworkPtr vrcNetLookup(vrcCtx *ctx, const char *name);
int vrcNetExpectFlags(vrcCtx *ctx, virNetworkPtr net, int active, int persistent);
int vrcNetExpectGone(vrcCtx *ctx, const char *name);
int vrcNetExpectList(vrcCtx *ctx, unsigned int flags, const char *expected);

/* ---- pools ---- */
const char *vrcPoolPath(vrcCtx *ctx, const char *name);
const char *vrcPoolXml(vrcCtx *ctx, const char *name, const char *uuid);
virStoragePoolPtr vrcPoolDefine(vrcCtx *ctx, const char *name, const char *xml);
virStoragePoolPtr vrcPoolCreate(vrcCtx *ctx, const char *name, const char *xml);
virStoragePoolPtr vrcPoolStart(vrcCtx *ctx, const char *name);
virStoragePoolPtr vrcPoolLookup(vrcCtx *ctx, const char *name);
int vrcPoolExpectFlags(vrcCtx *ctx, virStoragePoolPtr pool, int active, int persistent);
int vrcPoolExpectGone(vrcCtx *ctx, const char *name);
int vrcPoolExpectList(vrcCtx *ctx, unsigned int flags, const char *expected);
int vrcPoolGetInfo(vrcCtx *ctx, virStoragePoolPtr pool, virStoragePoolInfo *info);
int vrcPoolExpectUsage(vrcCtx *ctx, virStoragePoolPtr pool, const virStoragePoolInfo *before,
                       long long delta);

/* ---- volumes ---- */
const char *vrcVolXml(vrcCtx *ctx, const char *name, unsigned long long capacity,
                      long long allocation, const char *format);
virStorageVolPtr vrcVolCreate(vrcCtx *ctx, virStoragePoolPtr pool, const char *name,
                              const char *xml);
int vrcVolExpectInfo(vrcCtx *ctx, virStorageVolPtr vol, unsigned long long capacity,
                     unsigned long long allocation);
int vrcVolExpectGone(vrcCtx *ctx, virStoragePoolPtr pool, const char *name);
int vrcVolExpectList(vrcCtx *ctx, virStoragePoolPtr pool, const char *expected);

/* ---- cleanup and preflight of conform-* networks and pools ---- */
int vrcFindNetStorage(virConnectPtr conn, char *found, size_t len);
int vrcCleanupNetStorage(virConnectPtr conn, char *leftover, size_t len);

/* ---- network and pool events (events.c) ---- */
int vrcEventsOnNetwork(vrcCtx *ctx, virNetworkPtr net);
int vrcEventsOnPool(vrcCtx *ctx, virStoragePoolPtr pool);
const char *vrcNetworkEventName(int event);
const char *vrcPoolEventName(int event);

/* ---- the data pattern and streams (streams.c) ---- */
void vrcPatternFill(uint64_t seed, unsigned long long offset, char *buf, size_t len);
uint64_t vrcChecksumAdd(uint64_t sum, const char *buf, size_t len);
uint64_t vrcPatternChecksum(uint64_t seed, unsigned long long offset,
                            unsigned long long length);
uint64_t vrcZeroChecksum(unsigned long long length);
int vrcUpload(vrcCtx *ctx, virStorageVolPtr vol, uint64_t seed, unsigned long long offset,
              unsigned long long length);
int vrcDownloadSum(vrcCtx *ctx, virStorageVolPtr vol, unsigned long long offset,
                   unsigned long long length, uint64_t *sum, unsigned long long *got);
int vrcExpectContent(vrcCtx *ctx, virStorageVolPtr vol, unsigned long long offset,
                     unsigned long long length, uint64_t expected, const char *what);

#define VRC_CHECKSUM_INIT 0xcbf29ce484222325ULL     /* FNV-1a 64 offset basis */

/* ---- macros in the style of conform.h ---- */
/* A pointer call that must succeed; its object (of KIND) is released
 * after the case. */
#define VRC_KEEP_OBJ(ctx, kind, var, call) \
    do { vrcStep((ctx), "%s", #call); \
         if (!((var) = (call))) return vrcCallFailed(ctx); \
         vrcKeepObj((ctx), (kind), (var)); } while (0)
#define VRC_NET(ctx, var, call) VRC_KEEP_OBJ(ctx, VRC_OBJ_NETWORK, var, call)
#define VRC_POOL(ctx, var, call) VRC_KEEP_OBJ(ctx, VRC_OBJ_POOL, var, call)
#define VRC_VOL(ctx, var, call) VRC_KEEP_OBJ(ctx, VRC_OBJ_VOL, var, call)
#define VRC_STREAM(ctx, var, call) VRC_KEEP_OBJ(ctx, VRC_OBJ_STREAM, var, call)

/* A pointer call that must fail; an object it returns anyway is released
 * after the case. */
#define VRC_ERR_OBJ(ctx, kind, call, code, pattern) \
    do { vrcStep((ctx), "%s", #call); \
         void *vrc_o_ = (call); \
         if (vrc_o_) vrcKeepObj((ctx), (kind), vrc_o_); \
         if (vrcCheckError((ctx), vrc_o_ == NULL, (code), (pattern)) < 0) return -1; \
    } while (0)
#define VRC_ERR_NET(ctx, call, code, pattern) \
    VRC_ERR_OBJ(ctx, VRC_OBJ_NETWORK, call, code, pattern)
#define VRC_ERR_POOL(ctx, call, code, pattern) \
    VRC_ERR_OBJ(ctx, VRC_OBJ_POOL, call, code, pattern)
#define VRC_ERR_VOL(ctx, call, code, pattern) \
    VRC_ERR_OBJ(ctx, VRC_OBJ_VOL, call, code, pattern)

#define NEV(type) { VIR_NETWORK_EVENT_##type, 0 }
#define PEV(type) { VIR_STORAGE_POOL_EVENT_##type, 0 }
#define PEV_REFRESH { VRC_POOL_EVENT_REFRESH, 0 }
#define VRC_NET_EVENTS(ctx, name, ...) VRC_EVENTS(ctx, VRC_NET_EVENT_PREFIX name, __VA_ARGS__)
#define VRC_POOL_EVENTS(ctx, name, ...) VRC_EVENTS(ctx, VRC_POOL_EVENT_PREFIX name, __VA_ARGS__)
#define VRC_NET_NO_EVENTS(ctx, name) VRC_NO_EVENTS(ctx, VRC_NET_EVENT_PREFIX name)
#define VRC_POOL_NO_EVENTS(ctx, name) VRC_NO_EVENTS(ctx, VRC_POOL_EVENT_PREFIX name)

/* Messages of lookups of unknown objects (exact in the test driver and
 * the sim; real drivers use the same words). */
#define VRC_MSG_NO_NETWORK(name) "Network not found: no network with matching name '" name "'"
#define VRC_MSG_NO_POOL(name) "Storage pool not found: no storage pool with matching name '" name "'"
#define VRC_MSG_NO_VOL(name) "Storage volume not found: no storage vol with matching name '" name "'"

#endif /* VRC_NETSTORE_H */
