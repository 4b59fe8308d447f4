/* The storage driver table: pools, volumes and their transfers.  One
 * typedef per slot, signatures as the public API's; api/storage.c checks
 * arguments and dispatches, a NULL slot reports VIR_ERR_NO_SUPPORT.
 * Drivers check their own flags and report their own errors. */
#ifndef VR_STORAGE_DRIVER_H
#define VR_STORAGE_DRIVER_H

#include "drivers/driver.h"

typedef int (*vrDrvConnectNumOfStoragePools)(virConnectPtr conn);
typedef int (*vrDrvConnectListStoragePools)(virConnectPtr conn, char **const names,
                                            int maxnames);
typedef int (*vrDrvConnectListAllStoragePools)(virConnectPtr conn,
                                               virStoragePoolPtr **pools,
                                               unsigned int flags);
typedef int (*vrDrvConnectStoragePoolEventRegisterAny)(virConnectPtr conn,
                                                       virStoragePoolPtr pool,
                                                       int eventID,
                                                       virConnectStoragePoolEventGenericCallback cb,
                                                       void *opaque,
                                                       virFreeCallback freecb);
typedef int (*vrDrvConnectStoragePoolEventDeregisterAny)(virConnectPtr conn,
                                                         int callbackID);
typedef virStoragePoolPtr (*vrDrvStoragePoolLookupByName)(virConnectPtr conn,
                                                          const char *name);
typedef virStoragePoolPtr (*vrDrvStoragePoolLookupByUUID)(virConnectPtr conn,
                                                          const unsigned char *uuid);
typedef virStoragePoolPtr (*vrDrvStoragePoolLookupByVolume)(virStorageVolPtr vol);
typedef virStoragePoolPtr (*vrDrvStoragePoolDefineXML)(virConnectPtr conn,
                                                       const char *xml,
                                                       unsigned int flags);
typedef int (*vrDrvStoragePoolFlagsOp)(virStoragePoolPtr pool, unsigned int flags);
typedef int (*vrDrvStoragePoolOp)(virStoragePoolPtr pool);
typedef int (*vrDrvStoragePoolGetInfo)(virStoragePoolPtr pool, virStoragePoolInfoPtr info);
typedef char *(*vrDrvStoragePoolGetXMLDesc)(virStoragePoolPtr pool, unsigned int flags);
typedef int (*vrDrvStoragePoolGetAutostart)(virStoragePoolPtr pool, int *autostart);
typedef int (*vrDrvStoragePoolSetAutostart)(virStoragePoolPtr pool, int autostart);
typedef int (*vrDrvStoragePoolListVolumes)(virStoragePoolPtr pool, char **const names,
                                           int maxnames);
typedef int (*vrDrvStoragePoolListAllVolumes)(virStoragePoolPtr pool,
                                              virStorageVolPtr **vols,
                                              unsigned int flags);
typedef virStorageVolPtr (*vrDrvStorageVolLookupByName)(virStoragePoolPtr pool,
                                                        const char *name);
typedef virStorageVolPtr (*vrDrvStorageVolLookupByString)(virConnectPtr conn,
                                                          const char *str);
typedef virStorageVolPtr (*vrDrvStorageVolCreateXML)(virStoragePoolPtr pool,
                                                     const char *xmlDesc,
                                                     unsigned int flags);
typedef virStorageVolPtr (*vrDrvStorageVolCreateXMLFrom)(virStoragePoolPtr pool,
                                                         const char *xmlDesc,
                                                         virStorageVolPtr clonevol,
                                                         unsigned int flags);
typedef int (*vrDrvStorageVolFlagsOp)(virStorageVolPtr vol, unsigned int flags);
typedef int (*vrDrvStorageVolResize)(virStorageVolPtr vol, unsigned long long capacity,
                                     unsigned int flags);
typedef int (*vrDrvStorageVolGetInfo)(virStorageVolPtr vol, virStorageVolInfoPtr info);
typedef char *(*vrDrvStorageVolGetXMLDesc)(virStorageVolPtr vol, unsigned int flags);
typedef char *(*vrDrvStorageVolGetPath)(virStorageVolPtr vol);
/* Upload and download attach the stream (drivers/stream.h) to a transfer. */
typedef int (*vrDrvStorageVolTransfer)(virStorageVolPtr vol, virStreamPtr stream,
                                       unsigned long long offset,
                                       unsigned long long length, unsigned int flags);

struct vrStorageDriver {
    vrDrvConnectNumOfStoragePools connectNumOfStoragePools;
    vrDrvConnectListStoragePools connectListStoragePools;
    vrDrvConnectNumOfStoragePools connectNumOfDefinedStoragePools;
    vrDrvConnectListStoragePools connectListDefinedStoragePools;
    vrDrvConnectListAllStoragePools connectListAllStoragePools;
    vrDrvConnectStoragePoolEventRegisterAny connectStoragePoolEventRegisterAny;
    vrDrvConnectStoragePoolEventDeregisterAny connectStoragePoolEventDeregisterAny;
    vrDrvStoragePoolLookupByName storagePoolLookupByName;
    vrDrvStoragePoolLookupByUUID storagePoolLookupByUUID;
    vrDrvStoragePoolLookupByVolume storagePoolLookupByVolume;
    vrDrvStoragePoolDefineXML storagePoolCreateXML;
    vrDrvStoragePoolDefineXML storagePoolDefineXML;
    vrDrvStoragePoolFlagsOp storagePoolBuild;
    vrDrvStoragePoolOp storagePoolUndefine;
    vrDrvStoragePoolFlagsOp storagePoolCreate;
    vrDrvStoragePoolOp storagePoolDestroy;
    vrDrvStoragePoolFlagsOp storagePoolDelete;
    vrDrvStoragePoolFlagsOp storagePoolRefresh;
    vrDrvStoragePoolGetInfo storagePoolGetInfo;
    vrDrvStoragePoolGetXMLDesc storagePoolGetXMLDesc;
    vrDrvStoragePoolGetAutostart storagePoolGetAutostart;
    vrDrvStoragePoolSetAutostart storagePoolSetAutostart;
    vrDrvStoragePoolOp storagePoolNumOfVolumes;
    vrDrvStoragePoolListVolumes storagePoolListVolumes;
    vrDrvStoragePoolListAllVolumes storagePoolListAllVolumes;
    vrDrvStoragePoolOp storagePoolIsActive;
    vrDrvStoragePoolOp storagePoolIsPersistent;
    vrDrvStorageVolLookupByName storageVolLookupByName;
    vrDrvStorageVolLookupByString storageVolLookupByKey;
    vrDrvStorageVolLookupByString storageVolLookupByPath;
    vrDrvStorageVolCreateXML storageVolCreateXML;
    vrDrvStorageVolCreateXMLFrom storageVolCreateXMLFrom;
    vrDrvStorageVolFlagsOp storageVolDelete;
    vrDrvStorageVolFlagsOp storageVolWipe;
    vrDrvStorageVolResize storageVolResize;
    vrDrvStorageVolGetInfo storageVolGetInfo;
    vrDrvStorageVolGetXMLDesc storageVolGetXMLDesc;
    vrDrvStorageVolGetPath storageVolGetPath;
    vrDrvStorageVolTransfer storageVolUpload;
    vrDrvStorageVolTransfer storageVolDownload;
};

#endif /* VR_STORAGE_DRIVER_H */
