/* Public entry points: storage pools (lookup, definition, lifecycle,
 * properties, listings), their handles and pool events.  Argument checks
 * in libvirt's order with libvirt's messages.  Volumes: storage_vol.c. */
#include "api/storage_entry.h"
#include "util/uuid.h"

#include <string.h>

#define VR_FROM_THIS VIR_FROM_STORAGE

/* --- handles ---------------------------------------------------------------- */

bool
vrEntryStoragePool(virStoragePoolPtr pool, const char *func)
{
    vrErrorReset();
    if (vrHandleIsLive(pool) && vrHandleIsLive(pool->conn))
        return true;
    vrErrorReportRaw(VR_FROM_THIS, VIR_ERR_INVALID_STORAGE_POOL, __FILE__, func, __LINE__,
                     "invalid storage pool pointer in %s", func);
    vrErrorCopyToConn(NULL);
    return false;
}

bool
vrEntryStorageVol(virStorageVolPtr vol, const char *func)
{
    vrErrorReset();
    if (vrHandleIsLive(vol) && vrHandleIsLive(vol->conn))
        return true;
    vrErrorReportRaw(VR_FROM_THIS, VIR_ERR_INVALID_STORAGE_VOL, __FILE__, func, __LINE__,
                     "invalid storage volume pointer in %s", func);
    vrErrorCopyToConn(NULL);
    return false;
}

int
virStoragePoolRef(virStoragePoolPtr pool)
{
    VR_CHECK_POOL(pool, -1);
    g_atomic_int_inc(&pool->refs);
    return 0;
}

int
virStoragePoolFree(virStoragePoolPtr pool)
{
    VR_CHECK_POOL(pool, -1);
    if (!g_atomic_int_dec_and_test(&pool->refs))
        return 0;
    vrHandleUnregister(pool);
    vrConnectUnref(pool->conn);
    g_free(pool->name);
    g_free(pool);
    return 0;
}

virConnectPtr
virStoragePoolGetConnect(virStoragePoolPtr pool)
{
    VR_CHECK_POOL(pool, NULL);
    return pool->conn;
}

const char *
virStoragePoolGetName(virStoragePoolPtr pool)
{
    VR_CHECK_POOL(pool, NULL);
    return pool->name;
}

int
virStoragePoolGetUUID(virStoragePoolPtr pool, unsigned char *uuid)
{
    VR_CHECK_POOL(pool, -1);
    VR_CHECK_NONNULL(pool->conn, uuid, -1);
    memcpy(uuid, pool->uuid, VIR_UUID_BUFLEN);
    return 0;
}

int
virStoragePoolGetUUIDString(virStoragePoolPtr pool, char *buf)
{
    VR_CHECK_POOL(pool, -1);
    VR_CHECK_NONNULL(pool->conn, buf, -1);
    vrUUIDFormat(pool->uuid, buf);
    return 0;
}

/* --- listings ---------------------------------------------------------------- */

int
virConnectNumOfStoragePools(virConnectPtr conn)
{
    VR_CHECK_CONN(conn, -1);
    VR_STORAGE_SLOT(conn, connectNumOfStoragePools, -1);
    return vrStorageRet(conn, VR_STORAGE_DRV(conn)->connectNumOfStoragePools(conn));
}

int
virConnectListStoragePools(virConnectPtr conn, char **const names, int maxnames)
{
    VR_CHECK_CONN(conn, -1);
    VR_CHECK_ARRAY(conn, names, maxnames, -1);
    VR_STORAGE_SLOT(conn, connectListStoragePools, -1);
    return vrStorageRet(conn, VR_STORAGE_DRV(conn)->connectListStoragePools(conn, names,
                                                                            maxnames));
}

int
virConnectNumOfDefinedStoragePools(virConnectPtr conn)
{
    VR_CHECK_CONN(conn, -1);
    VR_STORAGE_SLOT(conn, connectNumOfDefinedStoragePools, -1);
    return vrStorageRet(conn, VR_STORAGE_DRV(conn)->connectNumOfDefinedStoragePools(conn));
}

int
virConnectListDefinedStoragePools(virConnectPtr conn, char **const names, int maxnames)
{
    VR_CHECK_CONN(conn, -1);
    VR_CHECK_ARRAY(conn, names, maxnames, -1);
    VR_STORAGE_SLOT(conn, connectListDefinedStoragePools, -1);
    return vrStorageRet(conn, VR_STORAGE_DRV(conn)->connectListDefinedStoragePools(
                                  conn, names, maxnames));
}

int
virConnectListAllStoragePools(virConnectPtr conn, virStoragePoolPtr **pools,
                              unsigned int flags)
{
    if (pools)
        *pools = NULL;
    VR_CHECK_CONN(conn, -1);
    VR_STORAGE_SLOT(conn, connectListAllStoragePools, -1);
    return vrStorageRet(conn, VR_STORAGE_DRV(conn)->connectListAllStoragePools(conn, pools,
                                                                               flags));
}

/* --- lookups ----------------------------------------------------------------- */

virStoragePoolPtr
virStoragePoolLookupByName(virConnectPtr conn, const char *name)
{
    VR_CHECK_CONN(conn, NULL);
    VR_CHECK_NONNULL(conn, name, NULL);
    VR_STORAGE_SLOT(conn, storagePoolLookupByName, NULL);
    return vrStorageRetPtr(conn, VR_STORAGE_DRV(conn)->storagePoolLookupByName(conn, name));
}

virStoragePoolPtr
virStoragePoolLookupByUUID(virConnectPtr conn, const unsigned char *uuid)
{
    VR_CHECK_CONN(conn, NULL);
    VR_CHECK_NONNULL(conn, uuid, NULL);
    VR_STORAGE_SLOT(conn, storagePoolLookupByUUID, NULL);
    return vrStorageRetPtr(conn, VR_STORAGE_DRV(conn)->storagePoolLookupByUUID(conn, uuid));
}

virStoragePoolPtr
virStoragePoolLookupByUUIDString(virConnectPtr conn, const char *uuidstr)
{
    unsigned char uuid[VIR_UUID_BUFLEN];

    VR_CHECK_CONN(conn, NULL);
    VR_CHECK_NONNULL(conn, uuidstr, NULL);
    if (vrUUIDParse(uuidstr, uuid) < 0) {
        vrReportErrorRaw(VIR_ERR_INVALID_ARG, "uuidstr in %s must be a valid UUID", __func__);
        vrEntryFail(conn);
        return NULL;
    }
    return virStoragePoolLookupByUUID(conn, uuid);
}

virStoragePoolPtr
virStoragePoolLookupByVolume(virStorageVolPtr vol)
{
    VR_CHECK_VOL(vol, NULL);
    VR_STORAGE_SLOT(vol->conn, storagePoolLookupByVolume, NULL);
    return vrStorageRetPtr(vol->conn,
                           VR_STORAGE_DRV(vol->conn)->storagePoolLookupByVolume(vol));
}

/* --- definition and lifecycle ------------------------------------------------- */

virStoragePoolPtr
virStoragePoolCreateXML(virConnectPtr conn, const char *xmlDesc, unsigned int flags)
{
    VR_CHECK_CONN(conn, NULL);
    VR_CHECK_NONNULL(conn, xmlDesc, NULL);
    VR_CHECK_WRITABLE(conn, NULL);
    VR_STORAGE_SLOT(conn, storagePoolCreateXML, NULL);
    return vrStorageRetPtr(conn, VR_STORAGE_DRV(conn)->storagePoolCreateXML(conn, xmlDesc,
                                                                            flags));
}

virStoragePoolPtr
virStoragePoolDefineXML(virConnectPtr conn, const char *xml, unsigned int flags)
{
    VR_CHECK_CONN(conn, NULL);
    VR_CHECK_WRITABLE(conn, NULL);
    VR_CHECK_NONNULL(conn, xml, NULL);
    VR_STORAGE_SLOT(conn, storagePoolDefineXML, NULL);
    return vrStorageRetPtr(conn, VR_STORAGE_DRV(conn)->storagePoolDefineXML(conn, xml, flags));
}

/* Pool calls that change state: pool handle, writable connection, slot. */
#define VR_POOL_WRITE_ENTRY(pool, slot) \
    do { VR_CHECK_POOL(pool, -1); \
         VR_CHECK_WRITABLE((pool)->conn, -1); \
         VR_STORAGE_SLOT((pool)->conn, slot, -1); } while (0)

int
virStoragePoolBuild(virStoragePoolPtr pool, unsigned int flags)
{
    VR_POOL_WRITE_ENTRY(pool, storagePoolBuild);
    return vrStorageRet(pool->conn, VR_STORAGE_DRV(pool->conn)->storagePoolBuild(pool, flags));
}

int
virStoragePoolUndefine(virStoragePoolPtr pool)
{
    VR_POOL_WRITE_ENTRY(pool, storagePoolUndefine);
    return vrStorageRet(pool->conn, VR_STORAGE_DRV(pool->conn)->storagePoolUndefine(pool));
}

int
virStoragePoolCreate(virStoragePoolPtr pool, unsigned int flags)
{
    VR_POOL_WRITE_ENTRY(pool, storagePoolCreate);
    return vrStorageRet(pool->conn, VR_STORAGE_DRV(pool->conn)->storagePoolCreate(pool, flags));
}

int
virStoragePoolDestroy(virStoragePoolPtr pool)
{
    VR_POOL_WRITE_ENTRY(pool, storagePoolDestroy);
    return vrStorageRet(pool->conn, VR_STORAGE_DRV(pool->conn)->storagePoolDestroy(pool));
}

int
virStoragePoolDelete(virStoragePoolPtr pool, unsigned int flags)
{
    VR_POOL_WRITE_ENTRY(pool, storagePoolDelete);
    return vrStorageRet(pool->conn, VR_STORAGE_DRV(pool->conn)->storagePoolDelete(pool, flags));
}

int
virStoragePoolRefresh(virStoragePoolPtr pool, unsigned int flags)
{
    VR_POOL_WRITE_ENTRY(pool, storagePoolRefresh);
    return vrStorageRet(pool->conn,
                        VR_STORAGE_DRV(pool->conn)->storagePoolRefresh(pool, flags));
}

int
virStoragePoolSetAutostart(virStoragePoolPtr pool, int autostart)
{
    VR_POOL_WRITE_ENTRY(pool, storagePoolSetAutostart);
    return vrStorageRet(pool->conn,
                        VR_STORAGE_DRV(pool->conn)->storagePoolSetAutostart(pool, autostart));
}

/* --- properties --------------------------------------------------------------- */

int
virStoragePoolGetInfo(virStoragePoolPtr pool, virStoragePoolInfoPtr info)
{
    if (info)
        memset(info, 0, sizeof(*info));
    VR_CHECK_POOL(pool, -1);
    VR_CHECK_NONNULL(pool->conn, info, -1);
    VR_STORAGE_SLOT(pool->conn, storagePoolGetInfo, -1);
    return vrStorageRet(pool->conn, VR_STORAGE_DRV(pool->conn)->storagePoolGetInfo(pool, info));
}

char *
virStoragePoolGetXMLDesc(virStoragePoolPtr pool, unsigned int flags)
{
    VR_CHECK_POOL(pool, NULL);
    VR_STORAGE_SLOT(pool->conn, storagePoolGetXMLDesc, NULL);
    return vrStorageRetPtr(pool->conn,
                           VR_STORAGE_DRV(pool->conn)->storagePoolGetXMLDesc(pool, flags));
}

int
virStoragePoolGetAutostart(virStoragePoolPtr pool, int *autostart)
{
    VR_CHECK_POOL(pool, -1);
    VR_CHECK_NONNULL(pool->conn, autostart, -1);
    VR_STORAGE_SLOT(pool->conn, storagePoolGetAutostart, -1);
    return vrStorageRet(pool->conn,
                        VR_STORAGE_DRV(pool->conn)->storagePoolGetAutostart(pool, autostart));
}

int
virStoragePoolIsActive(virStoragePoolPtr pool)
{
    VR_CHECK_POOL(pool, -1);
    VR_STORAGE_SLOT(pool->conn, storagePoolIsActive, -1);
    return vrStorageRet(pool->conn, VR_STORAGE_DRV(pool->conn)->storagePoolIsActive(pool));
}

int
virStoragePoolIsPersistent(virStoragePoolPtr pool)
{
    VR_CHECK_POOL(pool, -1);
    VR_STORAGE_SLOT(pool->conn, storagePoolIsPersistent, -1);
    return vrStorageRet(pool->conn, VR_STORAGE_DRV(pool->conn)->storagePoolIsPersistent(pool));
}

int
virStoragePoolNumOfVolumes(virStoragePoolPtr pool)
{
    VR_CHECK_POOL(pool, -1);
    VR_STORAGE_SLOT(pool->conn, storagePoolNumOfVolumes, -1);
    return vrStorageRet(pool->conn, VR_STORAGE_DRV(pool->conn)->storagePoolNumOfVolumes(pool));
}

int
virStoragePoolListVolumes(virStoragePoolPtr pool, char **const names, int maxnames)
{
    VR_CHECK_POOL(pool, -1);
    VR_CHECK_ARRAY(pool->conn, names, maxnames, -1);
    VR_STORAGE_SLOT(pool->conn, storagePoolListVolumes, -1);
    return vrStorageRet(pool->conn, VR_STORAGE_DRV(pool->conn)->storagePoolListVolumes(
                                        pool, names, maxnames));
}

int
virStoragePoolListAllVolumes(virStoragePoolPtr pool, virStorageVolPtr **vols,
                             unsigned int flags)
{
    VR_CHECK_POOL(pool, -1);
    if (vols)
        *vols = NULL;
    VR_STORAGE_SLOT(pool->conn, storagePoolListAllVolumes, -1);
    return vrStorageRet(pool->conn, VR_STORAGE_DRV(pool->conn)->storagePoolListAllVolumes(
                                        pool, vols, flags));
}

/* --- events ------------------------------------------------------------------- */

int
virConnectStoragePoolEventRegisterAny(virConnectPtr conn, virStoragePoolPtr pool,
                                      int eventID,
                                      virConnectStoragePoolEventGenericCallback cb,
                                      void *opaque, virFreeCallback freecb)
{
    VR_CHECK_CONN(conn, -1);
    if (pool) {
        if (!vrHandleIsLive(pool) || !vrHandleIsLive(pool->conn)) {
            vrReportErrorRaw(VIR_ERR_INVALID_STORAGE_POOL,
                             "invalid storage pool pointer in %s", __func__);
            goto error;
        }
        if (pool->conn != conn) {
            vrReportErrorRaw(VIR_ERR_INVALID_ARG,
                             "storage pool '%s' in %s must match connection",
                             pool->name, __func__);
            goto error;
        }
    }
    VR_CHECK_NONNULL(conn, cb, -1);
    if (eventID < 0) {
        vrEntryBadArg(VR_FROM_THIS, "eventID", __func__, "zero or greater");
        goto error;
    }
    if (eventID >= VIR_STORAGE_POOL_EVENT_ID_LAST) {
        vrReportErrorRaw(VIR_ERR_INVALID_ARG, "eventID in %s must be less than %d",
                         __func__, VIR_STORAGE_POOL_EVENT_ID_LAST);
        goto error;
    }
    VR_STORAGE_SLOT(conn, connectStoragePoolEventRegisterAny, -1);
    return vrStorageRet(conn, VR_STORAGE_DRV(conn)->connectStoragePoolEventRegisterAny(
                                  conn, pool, eventID, cb, opaque, freecb));
 error:
    vrEntryFail(conn);
    return -1;
}

int
virConnectStoragePoolEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    VR_CHECK_CONN(conn, -1);
    if (callbackID < 0) {
        vrEntryBadArg(VR_FROM_THIS, "callbackID", __func__, "zero or greater");
        vrEntryFail(conn);
        return -1;
    }
    VR_STORAGE_SLOT(conn, connectStoragePoolEventDeregisterAny, -1);
    return vrStorageRet(conn, VR_STORAGE_DRV(conn)->connectStoragePoolEventDeregisterAny(
                                  conn, callbackID));
}
