/* What the sim storage slot files share: pool lookup from handles with the
 * test driver's errors, event queueing, and the volume and transfer slots
 * the table in driver_storage.c points at. */
#ifndef VR_SIM_DRIVER_STORAGE_PRIV_H
#define VR_SIM_DRIVER_STORAGE_PRIV_H

#include "drivers/storage_driver.h"
#include "sim/driver_priv.h"
#include "sim/storage_obj.h"

/* Which state a pool must be in for a call. */
typedef enum {
    VR_SIM_POOL_ANY,
    VR_SIM_POOL_ACTIVE,             /* "storage pool '%s' is not active" */
    VR_SIM_POOL_INACTIVE,           /* "storage pool '%s' is active" */
} vrSimPoolWant;

/* Lock conn's node and find the pool called name in the wanted state:
 * the pool with *node set and locked, or NULL (node unlocked) after
 * VIR_ERR_NO_STORAGE_POOL / VIR_ERR_OPERATION_INVALID. */
vrSimPool *vrSimStoragePoolAcquire(virConnectPtr conn, const char *name,
                                   vrSimPoolWant want, vrSimNode **node);

/* Queue a lifecycle event (virStoragePoolEventLifecycleType) for pool. */
void vrSimStoragePoolQueueEvent(vrSimNode *node, const vrStoragePoolDef *def, int event);
/* Queue a refresh event. */
void vrSimStoragePoolQueueRefresh(vrSimNode *node, const vrStoragePoolDef *def);

/* Trace a change of vol ("volume POOL/NAME WHAT capacity=C allocation=A"). */
void vrSimStorageVolTrace(vrSimNode *node, const vrSimPool *pool, const vrSimVolume *vol,
                          const char *what);

/* "no storage vol with matching name '%s'" when pool has no such volume. */
vrSimVolume *vrSimStorageVolFind(vrSimPool *pool, const char *name);

/* A new volume handle for vol of pool. */
virStorageVolPtr vrSimStorageVolHandle(virConnectPtr conn, const vrSimPool *pool,
                                       const vrSimVolume *vol);

/* sim/driver_storage_vol.c */
virStorageVolPtr vrSimDrvStorageVolLookupByName(virStoragePoolPtr pool, const char *name);
virStorageVolPtr vrSimDrvStorageVolLookupByKey(virConnectPtr conn, const char *key);
virStorageVolPtr vrSimDrvStorageVolLookupByPath(virConnectPtr conn, const char *path);
virStorageVolPtr vrSimDrvStorageVolCreateXML(virStoragePoolPtr pool, const char *xml,
                                             unsigned int flags);
virStorageVolPtr vrSimDrvStorageVolCreateXMLFrom(virStoragePoolPtr pool, const char *xml,
                                                 virStorageVolPtr clonevol,
                                                 unsigned int flags);
int vrSimDrvStorageVolDelete(virStorageVolPtr vol, unsigned int flags);
int vrSimDrvStorageVolWipe(virStorageVolPtr vol, unsigned int flags);
int vrSimDrvStorageVolResize(virStorageVolPtr vol, unsigned long long capacity,
                             unsigned int flags);
int vrSimDrvStorageVolGetInfo(virStorageVolPtr vol, virStorageVolInfoPtr info);
char *vrSimDrvStorageVolGetXMLDesc(virStorageVolPtr vol, unsigned int flags);
char *vrSimDrvStorageVolGetPath(virStorageVolPtr vol);

/* sim/storage_stream.c */
int vrSimDrvStorageVolUpload(virStorageVolPtr vol, virStreamPtr stream,
                             unsigned long long offset, unsigned long long length,
                             unsigned int flags);
int vrSimDrvStorageVolDownload(virStorageVolPtr vol, virStreamPtr stream,
                               unsigned long long offset, unsigned long long length,
                               unsigned int flags);

/* The table (sim/driver_storage.c). */
extern const vrStorageDriver vrSimStorageDriver;

#endif /* VR_SIM_DRIVER_STORAGE_PRIV_H */
