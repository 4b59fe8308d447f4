/* Entry shape shared by api/storage.c and api/storage_vol.c: handle checks
 * with libvirt's messages (VIR_FROM_STORAGE), the storage driver table of
 * a connection, and dispatch or VIR_ERR_NO_SUPPORT. */
#ifndef VR_API_STORAGE_ENTRY_H
#define VR_API_STORAGE_ENTRY_H

#include "api/entry.h"
#include "drivers/storage_driver.h"

/* Reset the error and check a pool / volume handle (false after reporting
 * "invalid storage pool pointer in FUNC" and the like). */
bool vrEntryStoragePool(virStoragePoolPtr pool, const char *func);
bool vrEntryStorageVol(virStorageVolPtr vol, const char *func);

/* The connection's storage driver slot, or NULL after VIR_ERR_NO_SUPPORT
 * naming func (recorded on conn). */
#define VR_STORAGE_DRV(conn) ((conn)->driver->storage)
#define VR_STORAGE_SLOT(conn, slot, ret) \
    do { if (!VR_STORAGE_DRV(conn) || !VR_STORAGE_DRV(conn)->slot) { \
             vrEntryNoSupport(VR_FROM_THIS, __func__); vrEntryFail(conn); \
             return (ret); } } while (0)

#define VR_CHECK_POOL(pool, ret) \
    do { if (!vrEntryStoragePool((pool), __func__)) return (ret); } while (0)
#define VR_CHECK_VOL(vol, ret) \
    do { if (!vrEntryStorageVol((vol), __func__)) return (ret); } while (0)

/* libvirt's virCheckNonNullArrayArg: NULL is fine for an empty array. */
#define VR_CHECK_ARRAY(conn, arr, size, ret) \
    do { if (!(arr) && (size) > 0) { vrEntryNullArg(VR_FROM_THIS, #arr, __func__); \
                                     vrEntryFail(conn); return (ret); } \
         if ((size) < 0) { vrEntryBadArg(VR_FROM_THIS, #size, __func__, \
                                         "zero or greater"); \
                           vrEntryFail(conn); return (ret); } } while (0)

/* Pass a driver result through, recording a failure on conn. */
static inline int vrStorageRet(virConnectPtr conn, int ret)
{
    if (ret < 0)
        vrEntryFail(conn);
    return ret;
}

static inline void *vrStorageRetPtr(virConnectPtr conn, void *ret)
{
    if (!ret)
        vrEntryFail(conn);
    return ret;
}

#endif /* VR_API_STORAGE_ENTRY_H */
