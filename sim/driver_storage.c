/* The sim storage driver: its table, pool listings, lookups, definitions,
 * lifecycle and properties, with pool events, as libvirt 9.0's test
 * driver.  Volume slots: driver_storage_vol.c; transfers: storage_stream.c.
 *
 * Deliberate differences from the test driver (conformance/libvirt-
 * deviations.md): listings are sorted by name; a pool's allocation is the
 * sum of its volumes' even after a redefinition; a definition given while
 * the pool runs takes effect when it stops; CreateXML over a defined,
 * inactive pool keeps it persistent; pools with open transfers refuse to
 * stop, undefine or delete. */
#include "sim/driver_storage_priv.h"

#include <string.h>

#include "sim/state_dir.h"
#include "util/uuid.h"

#define VR_FROM_THIS VIR_FROM_TEST

#define VR_SIM_POOL_LIST_FLAGS 0xfffffU   /* VIR_CONNECT_LIST_STORAGE_POOLS_* */
#define VR_SIM_POOL_FILTER_ACTIVE \
    (VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE | VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE)
#define VR_SIM_POOL_FILTER_PERSISTENT \
    (VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT | VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT)
#define VR_SIM_POOL_FILTER_AUTOSTART \
    (VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART | VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART)
#define VR_SIM_POOL_FILTER_TYPES (VR_SIM_POOL_LIST_FLAGS & ~(VR_SIM_POOL_FILTER_ACTIVE | \
    VR_SIM_POOL_FILTER_PERSISTENT | VR_SIM_POOL_FILTER_AUTOSTART))

/* The type-filter bit of each pool type (libvirt's flag order is not the
 * enum's: iscsi-direct comes last). */
static unsigned int
vrSimPoolTypeFlag(vrStoragePoolType type)
{
    static const unsigned int flags[VR_STORAGE_POOL_LAST] = {
        [VR_STORAGE_POOL_DIR] = VIR_CONNECT_LIST_STORAGE_POOLS_DIR,
        [VR_STORAGE_POOL_FS] = VIR_CONNECT_LIST_STORAGE_POOLS_FS,
        [VR_STORAGE_POOL_NETFS] = VIR_CONNECT_LIST_STORAGE_POOLS_NETFS,
        [VR_STORAGE_POOL_LOGICAL] = VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL,
        [VR_STORAGE_POOL_DISK] = VIR_CONNECT_LIST_STORAGE_POOLS_DISK,
        [VR_STORAGE_POOL_ISCSI] = VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI,
        [VR_STORAGE_POOL_ISCSI_DIRECT] = VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI_DIRECT,
        [VR_STORAGE_POOL_SCSI] = VIR_CONNECT_LIST_STORAGE_POOLS_SCSI,
        [VR_STORAGE_POOL_MPATH] = VIR_CONNECT_LIST_STORAGE_POOLS_MPATH,
        [VR_STORAGE_POOL_RBD] = VIR_CONNECT_LIST_STORAGE_POOLS_RBD,
        [VR_STORAGE_POOL_SHEEPDOG] = VIR_CONNECT_LIST_STORAGE_POOLS_SHEEPDOG,
        [VR_STORAGE_POOL_GLUSTER] = VIR_CONNECT_LIST_STORAGE_POOLS_GLUSTER,
        [VR_STORAGE_POOL_ZFS] = VIR_CONNECT_LIST_STORAGE_POOLS_ZFS,
        [VR_STORAGE_POOL_VSTORAGE] = VIR_CONNECT_LIST_STORAGE_POOLS_VSTORAGE,
    };

    return flags[type];
}

/* --- helpers shared by the slot files ------------------------------------ */

vrSimPool *
vrSimStoragePoolAcquire(virConnectPtr conn, const char *name, vrSimPoolWant want,
                        vrSimNode **node)
{
    vrSimPool *pool;

    *node = vrSimConnNode(conn);
    vrSimNodeLock(*node);
    if (!(pool = vrSimPoolFindByName((*node)->pools, name))) {
        vrReportError(VIR_ERR_NO_STORAGE_POOL, "no storage pool with matching name '%s'", name);
    } else if (want == VR_SIM_POOL_ACTIVE && !pool->active) {
        vrReportError(VIR_ERR_OPERATION_INVALID, "storage pool '%s' is not active", name);
        pool = NULL;
    } else if (want == VR_SIM_POOL_INACTIVE && pool->active) {
        vrReportError(VIR_ERR_OPERATION_INVALID, "storage pool '%s' is active", name);
        pool = NULL;
    }
    if (!pool)
        vrSimNodeUnlock(*node);
    return pool;
}

/* By UUID, for the calls the test driver looks up that way. */
static vrSimPool *
vrSimStoragePoolAcquireUUID(virStoragePoolPtr handle, vrSimNode **node)
{
    char uuid[VIR_UUID_STRING_BUFLEN];
    vrSimPool *pool;

    *node = vrSimConnNode(handle->conn);
    vrSimNodeLock(*node);
    if (!(pool = vrSimPoolFindByUUID((*node)->pools, handle->uuid))) {
        vrReportError(VIR_ERR_NO_STORAGE_POOL, "no storage pool with matching uuid '%s'",
                      vrUUIDFormat(handle->uuid, uuid));
        vrSimNodeUnlock(*node);
    }
    return pool;
}

void
vrSimStoragePoolQueueEvent(vrSimNode *node, const vrStoragePoolDef *def, int event)
{
    static const char *const names[VIR_STORAGE_POOL_EVENT_LAST] = {
        "defined", "undefined", "started", "stopped", "created", "deleted",
    };

    vrSimTraceAdd(node->trace, "pool", "%s %s", def->name, names[event]);
    vrEventStateQueuePool(vrSimPoolListEvents(node->pools), def->name, def->uuid,
                          VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE, event, 0);
}

void
vrSimStoragePoolQueueRefresh(vrSimNode *node, const vrStoragePoolDef *def)
{
    vrSimTraceAdd(node->trace, "pool", "%s refreshed", def->name);
    vrEventStateQueuePool(vrSimPoolListEvents(node->pools), def->name, def->uuid,
                          VIR_STORAGE_POOL_EVENT_ID_REFRESH, 0, 0);
}

static virStoragePoolPtr
vrSimStoragePoolHandle(virConnectPtr conn, const vrSimPool *pool)
{
    return vrStoragePoolHandleNew(conn, pool->def->name, pool->def->uuid);
}

/* libvirt's storage driver refuses to stop a pool with transfers running. */
static int
vrSimStoragePoolCheckJobs(const vrSimPool *pool)
{
    if (pool->asyncjobs == 0)
        return 0;
    vrErrorReport(VIR_FROM_STORAGE, VIR_ERR_INTERNAL_ERROR, __FILE__, __func__, __LINE__,
                  "pool '%s' has asynchronous jobs running.", pool->def->name);
    return -1;
}

/* --- listings ---------------------------------------------------------------- */

static int
vrSimDrvConnectCountPools(virConnectPtr conn, bool active)
{
    vrSimNode *node = vrSimConnNode(conn);
    GPtrArray *pools;
    int count = 0;
    guint i;

    vrSimNodeLock(node);
    pools = vrSimPoolListPools(node->pools);
    for (i = 0; i < pools->len; i++)
        count += ((vrSimPool *)g_ptr_array_index(pools, i))->active == active;
    vrSimNodeUnlock(node);
    return count;
}

static int
vrSimDrvConnectNumOfStoragePools(virConnectPtr conn)
{
    return vrSimDrvConnectCountPools(conn, true);
}

static int
vrSimDrvConnectNumOfDefinedStoragePools(virConnectPtr conn)
{
    return vrSimDrvConnectCountPools(conn, false);
}

static int
vrSimDrvConnectNamePools(virConnectPtr conn, bool active, char **const names, int maxnames)
{
    vrSimNode *node = vrSimConnNode(conn);
    GPtrArray *pools;
    int n = 0;
    guint i;

    vrSimNodeLock(node);
    pools = vrSimPoolListPools(node->pools);
    for (i = 0; i < pools->len && n < maxnames; i++) {
        vrSimPool *pool = g_ptr_array_index(pools, i);

        if (pool->active == active)
            names[n++] = g_strdup(pool->def->name);
    }
    vrSimNodeUnlock(node);
    return n;
}

static int
vrSimDrvConnectListStoragePools(virConnectPtr conn, char **const names, int maxnames)
{
    return vrSimDrvConnectNamePools(conn, true, names, maxnames);
}

static int
vrSimDrvConnectListDefinedStoragePools(virConnectPtr conn, char **const names, int maxnames)
{
    return vrSimDrvConnectNamePools(conn, false, names, maxnames);
}

/* libvirt's virStoragePoolObjMatch: each group of flags filters when any
 * of its bits is given. */
static bool
vrSimPoolMatch(const vrSimPool *pool, unsigned int flags)
{
    if ((flags & VR_SIM_POOL_FILTER_ACTIVE) &&
        !((flags & VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE) && pool->active) &&
        !((flags & VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE) && !pool->active))
        return false;
    if ((flags & VR_SIM_POOL_FILTER_PERSISTENT) &&
        !((flags & VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT) && pool->persistent) &&
        !((flags & VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT) && !pool->persistent))
        return false;
    if ((flags & VR_SIM_POOL_FILTER_AUTOSTART) &&
        !((flags & VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART) && pool->autostart) &&
        !((flags & VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART) && !pool->autostart))
        return false;
    if ((flags & VR_SIM_POOL_FILTER_TYPES) && !(flags & vrSimPoolTypeFlag(pool->def->type)))
        return false;
    return true;
}

static int
vrSimDrvConnectListAllStoragePools(virConnectPtr conn, virStoragePoolPtr **out,
                                   unsigned int flags)
{
    vrSimNode *node = vrSimConnNode(conn);
    GPtrArray *pools;
    GPtrArray *ret;
    guint i;
    int n;

    if (vrSimCheckFlags(flags, VR_SIM_POOL_LIST_FLAGS, "testConnectListAllStoragePools") < 0)
        return -1;
    vrSimNodeLock(node);
    pools = vrSimPoolListPools(node->pools);
    if (!out) {
        /* libvirt counts every pool here, whatever the filter */
        n = pools->len;
        vrSimNodeUnlock(node);
        return n;
    }
    ret = g_ptr_array_new();
    for (i = 0; i < pools->len; i++) {
        vrSimPool *pool = g_ptr_array_index(pools, i);

        if (vrSimPoolMatch(pool, flags))
            g_ptr_array_add(ret, vrSimStoragePoolHandle(conn, pool));
    }
    vrSimNodeUnlock(node);
    n = ret->len;
    g_ptr_array_add(ret, NULL);
    *out = (virStoragePoolPtr *)g_ptr_array_free(ret, FALSE);
    return n;
}

/* --- lookups ----------------------------------------------------------------- */

static virStoragePoolPtr
vrSimDrvStoragePoolLookupByName(virConnectPtr conn, const char *name)
{
    vrSimNode *node;
    vrSimPool *pool = vrSimStoragePoolAcquire(conn, name, VR_SIM_POOL_ANY, &node);
    virStoragePoolPtr ret;

    if (!pool)
        return NULL;
    ret = vrSimStoragePoolHandle(conn, pool);
    vrSimNodeUnlock(node);
    return ret;
}

static virStoragePoolPtr
vrSimDrvStoragePoolLookupByUUID(virConnectPtr conn, const unsigned char *uuid)
{
    vrSimNode *node = vrSimConnNode(conn);
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    virStoragePoolPtr ret = NULL;
    vrSimPool *pool;

    vrSimNodeLock(node);
    if ((pool = vrSimPoolFindByUUID(node->pools, uuid)))
        ret = vrSimStoragePoolHandle(conn, pool);
    else
        vrReportError(VIR_ERR_NO_STORAGE_POOL, "no storage pool with matching uuid '%s'",
                      vrUUIDFormat(uuid, uuidstr));
    vrSimNodeUnlock(node);
    return ret;
}

static virStoragePoolPtr
vrSimDrvStoragePoolLookupByVolume(virStorageVolPtr vol)
{
    return vrSimDrvStoragePoolLookupByName(vol->conn, vol->pool);
}

/* --- definitions ---------------------------------------------------------- */

/* A pool fault point about def's target directory (node locked). */
static int
vrSimStoragePoolFault(vrSimNode *node, const vrStoragePoolDef *def, vrSimFaultPoint point)
{
    vrSimFaultCtx ctx = { .dom = def->name, .path = def->target_path };

    return vrSimFaultInject(node->faults, point, &ctx);
}

/* The pool.define fault point and the state directory (node locked). */
static int
vrSimStoragePoolSaveConfig(vrSimNode *node, const vrStoragePoolDef *def)
{
    g_autofree char *xml = NULL;

    if (!vrSimStateWriteWanted(node, VR_SIM_FAULT_POOL_DEFINE))
        return 0;
    xml = vrStoragePoolDefFormat(def);
    if (!xml)
        return -1;
    return vrSimStateWriteConfig(node, VR_SIM_STATE_POOL, def->name, xml,
                                 VR_SIM_FAULT_POOL_DEFINE);
}

static virStoragePoolPtr
vrSimDrvStoragePoolCreateXML(virConnectPtr conn, const char *xml, unsigned int flags)
{
    unsigned int add_flags = VR_SIM_POOL_ADD_CHECK_LIVE | VR_SIM_POOL_ADD_LIVE;
    vrSimNode *node = vrSimConnNode(conn);
    g_autoptr(vrStoragePoolDef) def = NULL;
    virStoragePoolPtr ret = NULL;
    vrSimPool *pool;
    bool added;

    if (vrSimCheckFlags(flags, 0, "testStoragePoolCreateXML") < 0 ||
        !(def = vrStoragePoolDefParseString(xml, 0)))
        return NULL;
    vrSimNodeLock(node);
    /* a defined pool starts with this definition; its own waits (LIVE) */
    if (vrSimPoolListCheckAdd(node->pools, def, add_flags) == 0 &&
        vrSimStoragePoolFault(node, def, VR_SIM_FAULT_POOL_START) == 0 &&
        (pool = vrSimPoolListAdd(node->pools, &def, add_flags, &added))) {
        pool->active = true;
        vrSimStoragePoolQueueEvent(node, pool->def, VIR_STORAGE_POOL_EVENT_STARTED);
        ret = vrSimStoragePoolHandle(conn, pool);
    }
    vrSimNodeUnlock(node);
    return ret;
}

static virStoragePoolPtr
vrSimDrvStoragePoolDefineXML(virConnectPtr conn, const char *xml, unsigned int flags)
{
    vrSimNode *node = vrSimConnNode(conn);
    g_autoptr(vrStoragePoolDef) def = NULL;
    virStoragePoolPtr ret = NULL;
    vrSimPool *pool;
    bool added;

    if (vrSimCheckFlags(flags, VIR_STORAGE_POOL_DEFINE_VALIDATE, "testStoragePoolDefineXML") < 0 ||
        !(def = vrStoragePoolDefParseString(xml, (flags & VIR_STORAGE_POOL_DEFINE_VALIDATE) ?
                                                 VR_STORAGE_POOL_PARSE_VALIDATE : 0)))
        return NULL;
    vrSimNodeLock(node);
    if (vrSimPoolListCheckAdd(node->pools, def, 0) == 0 &&
        vrSimStoragePoolSaveConfig(node, def) == 0 &&
        (pool = vrSimPoolListAdd(node->pools, &def, 0, &added))) {
        pool->persistent = true;
        vrSimStoragePoolQueueEvent(node, pool->def, VIR_STORAGE_POOL_EVENT_DEFINED);
        ret = vrSimStoragePoolHandle(conn, pool);
    }
    vrSimNodeUnlock(node);
    return ret;
}

static int
vrSimDrvStoragePoolUndefine(virStoragePoolPtr handle)
{
    vrSimNode *node;
    vrSimPool *pool = vrSimStoragePoolAcquire(handle->conn, handle->name,
                                              VR_SIM_POOL_INACTIVE, &node);

    if (!pool)
        return -1;
    if (vrSimStoragePoolCheckJobs(pool) < 0) {
        vrSimNodeUnlock(node);
        return -1;
    }
    vrSimStoragePoolQueueEvent(node, pool->def, VIR_STORAGE_POOL_EVENT_UNDEFINED);
    vrSimPoolListRemove(node->pools, pool);
    vrSimNodeUnlock(node);
    return 0;
}

/* --- lifecycle ------------------------------------------------------------ */

/* Build and Delete: an inactive pool, flags 0, one event. */
static int
vrSimStoragePoolInactiveEvent(virStoragePoolPtr handle, unsigned int flags,
                              const char *libvirt_func, int event)
{
    vrSimNode *node;
    vrSimPool *pool;

    if (vrSimCheckFlags(flags, 0, libvirt_func) < 0 ||
        !(pool = vrSimStoragePoolAcquire(handle->conn, handle->name,
                                         VR_SIM_POOL_INACTIVE, &node)))
        return -1;
    if ((event == VIR_STORAGE_POOL_EVENT_DELETED && vrSimStoragePoolCheckJobs(pool) < 0) ||
        (event == VIR_STORAGE_POOL_EVENT_CREATED &&
         vrSimStoragePoolFault(node, pool->def, VR_SIM_FAULT_POOL_BUILD) < 0)) {
        vrSimNodeUnlock(node);
        return -1;
    }
    vrSimStoragePoolQueueEvent(node, pool->def, event);
    vrSimNodeUnlock(node);
    return 0;
}

static int
vrSimDrvStoragePoolBuild(virStoragePoolPtr handle, unsigned int flags)
{
    return vrSimStoragePoolInactiveEvent(handle, flags, "testStoragePoolBuild",
                                         VIR_STORAGE_POOL_EVENT_CREATED);
}

static int
vrSimDrvStoragePoolDelete(virStoragePoolPtr handle, unsigned int flags)
{
    return vrSimStoragePoolInactiveEvent(handle, flags, "testStoragePoolDelete",
                                         VIR_STORAGE_POOL_EVENT_DELETED);
}

static int
vrSimDrvStoragePoolCreate(virStoragePoolPtr handle, unsigned int flags)
{
    vrSimNode *node;
    vrSimPool *pool;

    if (vrSimCheckFlags(flags, 0, "testStoragePoolCreate") < 0 ||
        !(pool = vrSimStoragePoolAcquire(handle->conn, handle->name,
                                         VR_SIM_POOL_INACTIVE, &node)))
        return -1;
    if (vrSimStoragePoolFault(node, pool->def, VR_SIM_FAULT_POOL_START) < 0) {
        vrSimNodeUnlock(node);
        return -1;
    }
    pool->active = true;
    vrSimStoragePoolQueueEvent(node, pool->def, VIR_STORAGE_POOL_EVENT_STARTED);
    vrSimNodeUnlock(node);
    return 0;
}

static int
vrSimDrvStoragePoolDestroy(virStoragePoolPtr handle)
{
    vrSimNode *node;
    vrSimPool *pool = vrSimStoragePoolAcquire(handle->conn, handle->name,
                                              VR_SIM_POOL_ACTIVE, &node);

    if (!pool)
        return -1;
    if (vrSimStoragePoolCheckJobs(pool) < 0) {
        vrSimNodeUnlock(node);
        return -1;
    }
    pool->active = false;
    vrSimStoragePoolQueueEvent(node, pool->def, VIR_STORAGE_POOL_EVENT_STOPPED);
    if (!pool->persistent)
        vrSimPoolListRemove(node->pools, pool);
    else
        vrSimPoolApplyNewDef(pool);
    vrSimNodeUnlock(node);
    return 0;
}

static int
vrSimDrvStoragePoolRefresh(virStoragePoolPtr handle, unsigned int flags)
{
    vrSimNode *node;
    vrSimPool *pool;

    if (vrSimCheckFlags(flags, 0, "testStoragePoolRefresh") < 0 ||
        !(pool = vrSimStoragePoolAcquire(handle->conn, handle->name,
                                         VR_SIM_POOL_ACTIVE, &node)))
        return -1;
    vrSimStoragePoolQueueRefresh(node, pool->def);
    vrSimNodeUnlock(node);
    return 0;
}

/* --- properties ----------------------------------------------------------- */

static int
vrSimDrvStoragePoolGetInfo(virStoragePoolPtr handle, virStoragePoolInfoPtr info)
{
    vrSimNode *node;
    vrSimPool *pool = vrSimStoragePoolAcquire(handle->conn, handle->name,
                                              VR_SIM_POOL_ANY, &node);

    if (!pool)
        return -1;
    info->state = pool->active ? VIR_STORAGE_POOL_RUNNING : VIR_STORAGE_POOL_INACTIVE;
    info->capacity = pool->def->capacity;
    info->allocation = pool->def->allocation;
    info->available = pool->def->available;
    vrSimNodeUnlock(node);
    return 0;
}

static char *
vrSimDrvStoragePoolGetXMLDesc(virStoragePoolPtr handle, unsigned int flags)
{
    vrSimNode *node;
    vrSimPool *pool;
    char *xml;

    if (vrSimCheckFlags(flags, 0, "testStoragePoolGetXMLDesc") < 0 ||
        !(pool = vrSimStoragePoolAcquire(handle->conn, handle->name,
                                         VR_SIM_POOL_ANY, &node)))
        return NULL;
    xml = vrStoragePoolDefFormat(pool->def);
    vrSimNodeUnlock(node);
    return xml;
}

static int
vrSimDrvStoragePoolGetAutostart(virStoragePoolPtr handle, int *autostart)
{
    vrSimNode *node;
    vrSimPool *pool = vrSimStoragePoolAcquire(handle->conn, handle->name,
                                              VR_SIM_POOL_ANY, &node);

    if (!pool)
        return -1;
    *autostart = pool->persistent && pool->autostart;
    vrSimNodeUnlock(node);
    return 0;
}

static int
vrSimDrvStoragePoolSetAutostart(virStoragePoolPtr handle, int autostart)
{
    vrSimNode *node;
    vrSimPool *pool = vrSimStoragePoolAcquire(handle->conn, handle->name,
                                              VR_SIM_POOL_ANY, &node);

    if (!pool)
        return -1;
    if (!pool->persistent) {
        vrReportError(VIR_ERR_INVALID_ARG, "pool has no config file");
        vrSimNodeUnlock(node);
        return -1;
    }
    pool->autostart = autostart != 0;
    vrSimNodeUnlock(node);
    return 0;
}

static int
vrSimDrvStoragePoolIsActive(virStoragePoolPtr handle)
{
    vrSimNode *node;
    vrSimPool *pool = vrSimStoragePoolAcquireUUID(handle, &node);
    int ret;

    if (!pool)
        return -1;
    ret = pool->active;
    vrSimNodeUnlock(node);
    return ret;
}

static int
vrSimDrvStoragePoolIsPersistent(virStoragePoolPtr handle)
{
    vrSimNode *node;
    vrSimPool *pool = vrSimStoragePoolAcquireUUID(handle, &node);
    int ret;

    if (!pool)
        return -1;
    ret = pool->persistent;
    vrSimNodeUnlock(node);
    return ret;
}

/* --- volumes of a pool ------------------------------------------------------ */

static int
vrSimDrvStoragePoolNumOfVolumes(virStoragePoolPtr handle)
{
    vrSimNode *node;
    vrSimPool *pool = vrSimStoragePoolAcquire(handle->conn, handle->name,
                                              VR_SIM_POOL_ACTIVE, &node);
    int ret;

    if (!pool)
        return -1;
    ret = pool->volumes->len;
    vrSimNodeUnlock(node);
    return ret;
}

static int
vrSimDrvStoragePoolListVolumes(virStoragePoolPtr handle, char **const names, int maxnames)
{
    vrSimNode *node;
    vrSimPool *pool = vrSimStoragePoolAcquire(handle->conn, handle->name,
                                              VR_SIM_POOL_ACTIVE, &node);
    int n;

    if (!pool)
        return -1;
    for (n = 0; n < maxnames && (guint)n < pool->volumes->len; n++)
        names[n] = g_strdup(((vrSimVolume *)g_ptr_array_index(pool->volumes, n))->def->name);
    vrSimNodeUnlock(node);
    return n;
}

static int
vrSimDrvStoragePoolListAllVolumes(virStoragePoolPtr handle, virStorageVolPtr **vols,
                                  unsigned int flags)
{
    vrSimNode *node;
    vrSimPool *pool;
    guint i;
    int n;

    if (vrSimCheckFlags(flags, 0, "testStoragePoolListAllVolumes") < 0 ||
        !(pool = vrSimStoragePoolAcquireUUID(handle, &node)))
        return -1;
    if (!pool->active) {
        vrReportError(VIR_ERR_OPERATION_INVALID, "storage pool is not active");
        vrSimNodeUnlock(node);
        return -1;
    }
    n = pool->volumes->len;
    if (vols) {
        *vols = g_new0(virStorageVolPtr, n + 1);
        for (i = 0; i < pool->volumes->len; i++)
            (*vols)[i] = vrSimStorageVolHandle(handle->conn, pool,
                                               g_ptr_array_index(pool->volumes, i));
    }
    vrSimNodeUnlock(node);
    return n;
}

/* --- events ------------------------------------------------------------------- */

static int
vrSimDrvConnectStoragePoolEventRegisterAny(virConnectPtr conn, virStoragePoolPtr pool,
                                           int eventID,
                                           virConnectStoragePoolEventGenericCallback cb,
                                           void *opaque, virFreeCallback freecb)
{
    return vrEventStateRegisterPool(vrSimPoolListEvents(vrSimConnNode(conn)->pools), conn,
                                    pool, eventID, cb, opaque, freecb);
}

static int
vrSimDrvConnectStoragePoolEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    return vrEventStateDeregister(vrSimPoolListEvents(vrSimConnNode(conn)->pools), conn,
                                  callbackID);
}

const vrStorageDriver vrSimStorageDriver = {
    .connectNumOfStoragePools = vrSimDrvConnectNumOfStoragePools,
    .connectListStoragePools = vrSimDrvConnectListStoragePools,
    .connectNumOfDefinedStoragePools = vrSimDrvConnectNumOfDefinedStoragePools,
    .connectListDefinedStoragePools = vrSimDrvConnectListDefinedStoragePools,
    .connectListAllStoragePools = vrSimDrvConnectListAllStoragePools,
    .connectStoragePoolEventRegisterAny = vrSimDrvConnectStoragePoolEventRegisterAny,
    .connectStoragePoolEventDeregisterAny = vrSimDrvConnectStoragePoolEventDeregisterAny,
    .storagePoolLookupByName = vrSimDrvStoragePoolLookupByName,
    .storagePoolLookupByUUID = vrSimDrvStoragePoolLookupByUUID,
    .storagePoolLookupByVolume = vrSimDrvStoragePoolLookupByVolume,
    .storagePoolCreateXML = vrSimDrvStoragePoolCreateXML,
    .storagePoolDefineXML = vrSimDrvStoragePoolDefineXML,
    .storagePoolBuild = vrSimDrvStoragePoolBuild,
    .storagePoolUndefine = vrSimDrvStoragePoolUndefine,
    .storagePoolCreate = vrSimDrvStoragePoolCreate,
    .storagePoolDestroy = vrSimDrvStoragePoolDestroy,
    .storagePoolDelete = vrSimDrvStoragePoolDelete,
    .storagePoolRefresh = vrSimDrvStoragePoolRefresh,
    .storagePoolGetInfo = vrSimDrvStoragePoolGetInfo,
    .storagePoolGetXMLDesc = vrSimDrvStoragePoolGetXMLDesc,
    .storagePoolGetAutostart = vrSimDrvStoragePoolGetAutostart,
    .storagePoolSetAutostart = vrSimDrvStoragePoolSetAutostart,
    .storagePoolNumOfVolumes = vrSimDrvStoragePoolNumOfVolumes,
    .storagePoolListVolumes = vrSimDrvStoragePoolListVolumes,
    .storagePoolListAllVolumes = vrSimDrvStoragePoolListAllVolumes,
    .storagePoolIsActive = vrSimDrvStoragePoolIsActive,
    .storagePoolIsPersistent = vrSimDrvStoragePoolIsPersistent,
    .storageVolLookupByName = vrSimDrvStorageVolLookupByName,
    .storageVolLookupByKey = vrSimDrvStorageVolLookupByKey,
    .storageVolLookupByPath = vrSimDrvStorageVolLookupByPath,
    .storageVolCreateXML = vrSimDrvStorageVolCreateXML,
    .storageVolCreateXMLFrom = vrSimDrvStorageVolCreateXMLFrom,
    .storageVolDelete = vrSimDrvStorageVolDelete,
    .storageVolWipe = vrSimDrvStorageVolWipe,
    .storageVolResize = vrSimDrvStorageVolResize,
    .storageVolGetInfo = vrSimDrvStorageVolGetInfo,
    .storageVolGetXMLDesc = vrSimDrvStorageVolGetXMLDesc,
    .storageVolGetPath = vrSimDrvStorageVolGetPath,
    .storageVolUpload = vrSimDrvStorageVolUpload,
    .storageVolDownload = vrSimDrvStorageVolDownload,
};
