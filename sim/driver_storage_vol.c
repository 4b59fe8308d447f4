/* The sim storage driver's volume slots: lookups, creation with pool
 * accounting, cloning (content and allocation), deletion, wipe and resize
 * (libvirt's storage driver rules and messages where the test driver has
 * no such call), info and XML.
 *
 * Differences from the test driver: a clone may come from another pool,
 * takes the source's capacity when larger or missing; volumes with an open
 * transfer refuse to change. */
#include "sim/driver_storage_priv.h"

#include <string.h>

#define VR_FROM_THIS VIR_FROM_TEST

void
vrSimStorageVolTrace(vrSimNode *node, const vrSimPool *pool, const vrSimVolume *vol,
                     const char *what)
{
    vrSimTraceAdd(node->trace, "volume", "%s/%s %s capacity=%llu allocation=%llu",
                  pool->def->name, vol->def->name, what, vol->def->capacity,
                  vol->def->allocation);
}

vrSimVolume *
vrSimStorageVolFind(vrSimPool *pool, const char *name)
{
    vrSimVolume *vol = vrSimPoolFindVolume(pool, name);

    if (!vol)
        vrReportError(VIR_ERR_NO_STORAGE_VOL, "no storage vol with matching name '%s'", name);
    return vol;
}

virStorageVolPtr
vrSimStorageVolHandle(virConnectPtr conn, const vrSimPool *pool, const vrSimVolume *vol)
{
    return vrStorageVolHandleNew(conn, pool->def->name, vol->def->name, vol->def->key);
}

/* Lock the node and find the volume behind a handle in its active pool:
 * NULL (node unlocked) after reporting. */
static vrSimVolume *
vrSimStorageVolAcquire(virStorageVolPtr handle, vrSimPool **pool, vrSimNode **node)
{
    vrSimVolume *vol;

    if (!(*pool = vrSimStoragePoolAcquire(handle->conn, handle->pool,
                                          VR_SIM_POOL_ACTIVE, node)))
        return NULL;
    if (!(vol = vrSimStorageVolFind(*pool, handle->name)))
        vrSimNodeUnlock(*node);
    return vol;
}

/* libvirt's storage driver: a volume with a transfer open cannot change. */
static int
vrSimStorageVolCheckIdle(const vrSimVolume *vol)
{
    if (vol->in_use == 0)
        return 0;
    vrErrorReport(VIR_FROM_STORAGE, VIR_ERR_OPERATION_INVALID, __FILE__, __func__, __LINE__,
                  "volume '%s' is still in use.", vol->def->name);
    return -1;
}

/* --- lookups ----------------------------------------------------------------- */

virStorageVolPtr
vrSimDrvStorageVolLookupByName(virStoragePoolPtr handle, const char *name)
{
    vrSimNode *node;
    vrSimPool *pool = vrSimStoragePoolAcquire(handle->conn, handle->name,
                                              VR_SIM_POOL_ACTIVE, &node);
    virStorageVolPtr ret = NULL;
    vrSimVolume *vol;

    if (!pool)
        return NULL;
    if ((vol = vrSimStorageVolFind(pool, name)))
        ret = vrSimStorageVolHandle(handle->conn, pool, vol);
    vrSimNodeUnlock(node);
    return ret;
}

static virStorageVolPtr
vrSimStorageVolLookup(virConnectPtr conn, const char *str, bool by_key)
{
    vrSimNode *node = vrSimConnNode(conn);
    virStorageVolPtr ret = NULL;
    vrSimPool *pool = NULL;
    vrSimVolume *vol;

    vrSimNodeLock(node);
    vol = by_key ? vrSimPoolListFindVolumeByKey(node->pools, str, &pool) :
                   vrSimPoolListFindVolumeByPath(node->pools, str, &pool);
    if (vol)
        ret = vrSimStorageVolHandle(conn, pool, vol);
    vrSimNodeUnlock(node);
    if (!ret)
        vrReportError(VIR_ERR_NO_STORAGE_VOL, "no storage vol with matching %s '%s'",
                      by_key ? "key" : "path", str);
    return ret;
}

virStorageVolPtr
vrSimDrvStorageVolLookupByKey(virConnectPtr conn, const char *key)
{
    return vrSimStorageVolLookup(conn, key, true);
}

virStorageVolPtr
vrSimDrvStorageVolLookupByPath(virConnectPtr conn, const char *path)
{
    return vrSimStorageVolLookup(conn, path, false);
}

/* --- creation ------------------------------------------------------------------ */

/* The test driver's checks before a new volume goes in (node locked). */
static int
vrSimStorageVolCheckNew(const vrSimPool *pool, const vrStorageVolDef *def)
{
    if (vrSimPoolFindVolume((vrSimPool *)pool, def->name)) {
        vrReportError(VIR_ERR_OPERATION_FAILED, "storage vol already exists");
        return -1;
    }
    if (def->allocation > pool->def->capacity - MIN(pool->def->allocation,
                                                    pool->def->capacity)) {
        vrReportError(VIR_ERR_INTERNAL_ERROR,
                      "Not enough free space in pool for volume '%s'", def->name);
        return -1;
    }
    return 0;
}

/* The pool.full fault point (node locked): allocating bytes for the volume
 * at path finds the pool's disk full. */
static int
vrSimStorageVolFullFault(vrSimNode *node, const char *name, const char *path,
                         unsigned long long bytes)
{
    vrSimFaultCtx ctx = { .dom = name, .path = path, .bytes = bytes };

    return vrSimFaultInject(node->faults, VR_SIM_FAULT_POOL_FULL, &ctx);
}

/* Place def in pool (consumed) and return its handle, or NULL (def freed)
 * when the pool turns out full. */
static virStorageVolPtr
vrSimStorageVolInsert(virConnectPtr conn, vrSimNode *node, vrSimPool *pool,
                      vrStorageVolDef *def, const vrSimVolume *content)
{
    vrSimVolume *vol;

    vrStorageVolDefPlaceInPool(pool->def, def);
    if (vrSimStorageVolFullFault(node, def->name, def->target.path, def->allocation) < 0) {
        vrStorageVolDefFree(def);
        return NULL;
    }
    if (!(vol = vrSimPoolAddVolume(pool, def)))
        return NULL;
    if (content)
        vrSimVolumeCopyContent(vol, content);
    vrSimStorageVolTrace(node, pool, vol, content ? "cloned" : "created");
    return vrSimStorageVolHandle(conn, pool, vol);
}

virStorageVolPtr
vrSimDrvStorageVolCreateXML(virStoragePoolPtr handle, const char *xml, unsigned int flags)
{
    g_autoptr(vrStorageVolDef) def = NULL;
    virStorageVolPtr ret = NULL;
    vrSimNode *node;
    vrSimPool *pool;

    if (vrSimCheckFlags(flags, VIR_STORAGE_VOL_CREATE_VALIDATE, "testStorageVolCreateXML") < 0 ||
        !(pool = vrSimStoragePoolAcquire(handle->conn, handle->name,
                                         VR_SIM_POOL_ACTIVE, &node)))
        return NULL;
    /* libvirt 9.0's test driver hands its flags to the volume parser: the
     * document is checked against the schema, then the parser refuses the
     * flag it does not know, so --validate always fails there */
    if (flags & VIR_STORAGE_VOL_CREATE_VALIDATE) {
        if (vrStorageVolDocValidate(xml) == 0)
            vrCheckFlagsImpl(VIR_FROM_STORAGE, flags, 0, "virStorageVolDefParseXML");
    } else if ((def = vrStorageVolDefParseString(pool->def, xml, 0)) &&
        vrSimStorageVolCheckNew(pool, def) == 0)
        ret = vrSimStorageVolInsert(handle->conn, node, pool, g_steal_pointer(&def), NULL);
    vrSimNodeUnlock(node);
    return ret;
}

/* The source of a clone, in its own (active) pool. */
static vrSimVolume *
vrSimStorageVolFindSource(vrSimNode *node, virStorageVolPtr clonevol)
{
    vrSimPool *pool = vrSimPoolFindByName(node->pools, clonevol->pool);

    if (pool && !pool->active) {
        vrReportError(VIR_ERR_OPERATION_INVALID, "storage pool '%s' is not active",
                      clonevol->pool);
        return NULL;
    }
    if (!pool || !vrSimPoolFindVolume(pool, clonevol->name)) {
        vrReportError(VIR_ERR_NO_STORAGE_VOL, "no storage vol with matching name '%s'",
                      clonevol->name);
        return NULL;
    }
    return vrSimPoolFindVolume(pool, clonevol->name);
}

virStorageVolPtr
vrSimDrvStorageVolCreateXMLFrom(virStoragePoolPtr handle, const char *xml,
                                virStorageVolPtr clonevol, unsigned int flags)
{
    g_autoptr(vrStorageVolDef) def = NULL;
    virStorageVolPtr ret = NULL;
    vrSimVolume *src;
    vrSimNode *node;
    vrSimPool *pool;

    if (vrSimCheckFlags(flags, VIR_STORAGE_VOL_CREATE_VALIDATE,
                        "testStorageVolCreateXMLFrom") < 0 ||
        !(pool = vrSimStoragePoolAcquire(handle->conn, handle->name,
                                         VR_SIM_POOL_ACTIVE, &node)))
        return NULL;
    if (!(def = vrStorageVolDefParseString(pool->def, xml, VR_STORAGE_VOL_PARSE_NO_CAPACITY |
                                           ((flags & VIR_STORAGE_VOL_CREATE_VALIDATE) ?
                                            VR_STORAGE_VOL_PARSE_VALIDATE : 0))))
        goto cleanup;
    if (vrSimPoolFindVolume(pool, def->name)) {
        vrReportError(VIR_ERR_OPERATION_FAILED, "storage vol already exists");
        goto cleanup;
    }
    if (!(src = vrSimStorageVolFindSource(node, clonevol)))
        goto cleanup;
    /* at least the source's capacity; without <allocation> the clone is
     * fully allocated, as libvirt's storage driver does */
    def->capacity = MAX(def->capacity, src->def->capacity);
    if (!def->has_allocation)
        def->allocation = def->capacity;
    if (vrSimStorageVolCheckNew(pool, def) == 0)
        ret = vrSimStorageVolInsert(handle->conn, node, pool, g_steal_pointer(&def), src);
 cleanup:
    vrSimNodeUnlock(node);
    return ret;
}

/* --- changes ------------------------------------------------------------------- */

int
vrSimDrvStorageVolDelete(virStorageVolPtr handle, unsigned int flags)
{
    vrSimVolume *vol;
    vrSimNode *node;
    vrSimPool *pool;

    if (vrSimCheckFlags(flags, 0, "testStorageVolDelete") < 0 ||
        !(vol = vrSimStorageVolAcquire(handle, &pool, &node)))
        return -1;
    if (vrSimStorageVolCheckIdle(vol) < 0) {
        vrSimNodeUnlock(node);
        return -1;
    }
    vrSimStorageVolTrace(node, pool, vol, "deleted");
    vrSimPoolRemoveVolume(pool, vol);
    vrSimNodeUnlock(node);
    return 0;
}

int
vrSimDrvStorageVolWipe(virStorageVolPtr handle, unsigned int flags)
{
    vrSimVolume *vol;
    vrSimNode *node;
    vrSimPool *pool;

    if (vrSimCheckFlags(flags, 0, "storageVolWipePattern") < 0 ||
        !(vol = vrSimStorageVolAcquire(handle, &pool, &node)))
        return -1;
    if (vrSimStorageVolCheckIdle(vol) < 0) {
        vrSimNodeUnlock(node);
        return -1;
    }
    vrSimVolumeWipe(vol);
    vrSimStorageVolTrace(node, pool, vol, "wiped");
    vrSimNodeUnlock(node);
    return 0;
}

/* The new capacity a resize asks for (libvirt's storageVolResize). */
static unsigned long long
vrSimStorageVolNewCapacity(const vrStorageVolDef *def, unsigned long long capacity,
                           unsigned int flags)
{
    if (!(flags & VIR_STORAGE_VOL_RESIZE_DELTA))
        return capacity;
    if (flags & VIR_STORAGE_VOL_RESIZE_SHRINK)
        return def->capacity - MIN(capacity, def->capacity);
    return def->capacity + capacity;
}

static int
vrSimStorageVolResizeLocked(vrSimNode *node, vrSimPool *pool, vrSimVolume *vol,
                            unsigned long long capacity, unsigned int flags)
{
    vrStorageVolDef *def = vol->def;
    unsigned long long abs_capacity = vrSimStorageVolNewCapacity(def, capacity, flags);
    unsigned long long delta = 0;

    if (vrSimStorageVolCheckIdle(vol) < 0)
        return -1;
    if (abs_capacity < def->allocation) {
        vrErrorReport(VIR_FROM_STORAGE, VIR_ERR_INVALID_ARG, __FILE__, __func__, __LINE__,
                      "can't shrink capacity below existing allocation");
        return -1;
    }
    if (abs_capacity < def->capacity && !(flags & VIR_STORAGE_VOL_RESIZE_SHRINK)) {
        vrErrorReport(VIR_FROM_STORAGE, VIR_ERR_INVALID_ARG, __FILE__, __func__, __LINE__,
                      "Can't shrink capacity below current capacity unless shrink flag "
                      "explicitly specified");
        return -1;
    }
    if (flags & VIR_STORAGE_VOL_RESIZE_ALLOCATE)
        delta = abs_capacity - def->allocation;
    if (delta > pool->def->available) {
        vrErrorReport(VIR_FROM_STORAGE, VIR_ERR_OPERATION_FAILED, __FILE__, __func__,
                      __LINE__, "Not enough space left in storage pool");
        return -1;
    }
    if (vrSimStorageVolFullFault(node, def->name, def->target.path, abs_capacity) < 0)
        return -1;
    def->capacity = abs_capacity;
    vrSimVolumeTruncate(vol, abs_capacity);
    if (flags & VIR_STORAGE_VOL_RESIZE_ALLOCATE) {
        def->allocation = abs_capacity;
        vrSimPoolUpdateSizes(pool);
    }
    return 0;
}

int
vrSimDrvStorageVolResize(virStorageVolPtr handle, unsigned long long capacity,
                         unsigned int flags)
{
    vrSimVolume *vol;
    vrSimNode *node;
    vrSimPool *pool;
    int ret;

    if (vrSimCheckFlags(flags, VIR_STORAGE_VOL_RESIZE_ALLOCATE | VIR_STORAGE_VOL_RESIZE_DELTA |
                        VIR_STORAGE_VOL_RESIZE_SHRINK, "storageVolResize") < 0 ||
        !(vol = vrSimStorageVolAcquire(handle, &pool, &node)))
        return -1;
    if ((ret = vrSimStorageVolResizeLocked(node, pool, vol, capacity, flags)) == 0)
        vrSimStorageVolTrace(node, pool, vol, "resized");
    vrSimNodeUnlock(node);
    return ret;
}

/* --- properties --------------------------------------------------------------- */

int
vrSimDrvStorageVolGetInfo(virStorageVolPtr handle, virStorageVolInfoPtr info)
{
    vrSimVolume *vol;
    vrSimNode *node;
    vrSimPool *pool;

    if (!(vol = vrSimStorageVolAcquire(handle, &pool, &node)))
        return -1;
    info->type = vrStoragePoolVolumeType(pool->def->type);
    info->capacity = vol->def->capacity;
    info->allocation = vol->def->allocation;
    vrSimNodeUnlock(node);
    return 0;
}

char *
vrSimDrvStorageVolGetXMLDesc(virStorageVolPtr handle, unsigned int flags)
{
    vrSimVolume *vol;
    vrSimNode *node;
    vrSimPool *pool;
    char *xml;

    if (vrSimCheckFlags(flags, 0, "testStorageVolGetXMLDesc") < 0 ||
        !(vol = vrSimStorageVolAcquire(handle, &pool, &node)))
        return NULL;
    xml = vrStorageVolDefFormat(pool->def, vol->def);
    vrSimNodeUnlock(node);
    return xml;
}

char *
vrSimDrvStorageVolGetPath(virStorageVolPtr handle)
{
    vrSimVolume *vol;
    vrSimNode *node;
    vrSimPool *pool;
    char *path;

    if (!(vol = vrSimStorageVolAcquire(handle, &pool, &node)))
        return NULL;
    path = g_strdup(vol->def->target.path);
    vrSimNodeUnlock(node);
    return path;
}
