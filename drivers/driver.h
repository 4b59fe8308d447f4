/* The driver table: what a hypervisor driver implements.  One typedef per
 * slot, signatures as the public API's.  api/ checks arguments, resets the
 * error and dispatches; a NULL slot makes the API report VIR_ERR_NO_SUPPORT.
 * Drivers check their own flags (vrCheckFlags) and report their own errors. */
#ifndef VR_DRIVER_H
#define VR_DRIVER_H

#include <glib.h>
#include "vireo/vireo.h"
#include "util/uri.h"

typedef enum {
    VR_DRV_OPEN_SUCCESS = 0,   /* the driver took the connection */
    VR_DRV_OPEN_DECLINED = 1,  /* not mine: try the next driver */
    VR_DRV_OPEN_ERROR = 2,     /* mine, but it failed (error reported) */
} vrDrvOpenStatus;

typedef vrDrvOpenStatus (*vrDrvConnectOpen)(virConnectPtr conn, const vrURI *uri,
                                            virConnectAuthPtr auth, unsigned int flags);
typedef int (*vrDrvConnectClose)(virConnectPtr conn);
typedef const char *(*vrDrvConnectGetType)(virConnectPtr conn);
typedef int (*vrDrvConnectGetVersion)(virConnectPtr conn, unsigned long *hvVer);
typedef char *(*vrDrvConnectGetHostname)(virConnectPtr conn);
typedef char *(*vrDrvConnectGetCapabilities)(virConnectPtr conn);
typedef int (*vrDrvConnectGetMaxVcpus)(virConnectPtr conn, const char *type);
typedef int (*vrDrvConnectIsAlive)(virConnectPtr conn);
typedef int (*vrDrvConnectIsSecure)(virConnectPtr conn);
typedef int (*vrDrvConnectIsEncrypted)(virConnectPtr conn);
typedef int (*vrDrvConnectNumOfDomains)(virConnectPtr conn);
typedef int (*vrDrvConnectListDomains)(virConnectPtr conn, int *ids, int maxids);
typedef int (*vrDrvConnectNumOfDefinedDomains)(virConnectPtr conn);
typedef int (*vrDrvConnectListDefinedDomains)(virConnectPtr conn, char **const names,
                                              int maxnames);
typedef int (*vrDrvConnectListAllDomains)(virConnectPtr conn, virDomainPtr **domains,
                                          unsigned int flags);
typedef int (*vrDrvNodeGetInfo)(virConnectPtr conn, virNodeInfoPtr info);
typedef unsigned long long (*vrDrvNodeGetFreeMemory)(virConnectPtr conn);
typedef int (*vrDrvNodeGetCellsFreeMemory)(virConnectPtr conn, unsigned long long *freeMems,
                                           int startCell, int maxCells);

typedef virDomainPtr (*vrDrvDomainLookupByID)(virConnectPtr conn, int id);
typedef virDomainPtr (*vrDrvDomainLookupByName)(virConnectPtr conn, const char *name);
typedef virDomainPtr (*vrDrvDomainLookupByUUID)(virConnectPtr conn, const unsigned char *uuid);
typedef virDomainPtr (*vrDrvDomainDefineXMLFlags)(virConnectPtr conn, const char *xml,
                                                  unsigned int flags);
typedef virDomainPtr (*vrDrvDomainCreateXML)(virConnectPtr conn, const char *xml,
                                             unsigned int flags);
typedef int (*vrDrvDomainCreateWithFlags)(virDomainPtr dom, unsigned int flags);
typedef int (*vrDrvDomainUndefineFlags)(virDomainPtr dom, unsigned int flags);
typedef int (*vrDrvDomainDestroyFlags)(virDomainPtr dom, unsigned int flags);
typedef int (*vrDrvDomainShutdownFlags)(virDomainPtr dom, unsigned int flags);
typedef int (*vrDrvDomainReboot)(virDomainPtr dom, unsigned int flags);
typedef int (*vrDrvDomainReset)(virDomainPtr dom, unsigned int flags);
typedef int (*vrDrvDomainSuspend)(virDomainPtr dom);
typedef int (*vrDrvDomainResume)(virDomainPtr dom);
typedef int (*vrDrvDomainSaveFlags)(virDomainPtr dom, const char *to, const char *dxml,
                                    unsigned int flags);
typedef int (*vrDrvDomainRestoreFlags)(virConnectPtr conn, const char *from, const char *dxml,
                                       unsigned int flags);
typedef int (*vrDrvDomainManagedSave)(virDomainPtr dom, unsigned int flags);
typedef int (*vrDrvDomainHasManagedSaveImage)(virDomainPtr dom, unsigned int flags);
typedef int (*vrDrvDomainManagedSaveRemove)(virDomainPtr dom, unsigned int flags);
typedef int (*vrDrvDomainGetInfo)(virDomainPtr dom, virDomainInfoPtr info);
typedef int (*vrDrvDomainGetState)(virDomainPtr dom, int *state, int *reason,
                                   unsigned int flags);
typedef char *(*vrDrvDomainGetXMLDesc)(virDomainPtr dom, unsigned int flags);
typedef char *(*vrDrvDomainGetOSType)(virDomainPtr dom);
typedef unsigned long (*vrDrvDomainGetMaxMemory)(virDomainPtr dom);
typedef int (*vrDrvDomainSetMemoryFlags)(virDomainPtr dom, unsigned long memory,
                                         unsigned int flags);
typedef int (*vrDrvDomainSetVcpusFlags)(virDomainPtr dom, unsigned int nvcpus,
                                        unsigned int flags);
typedef int (*vrDrvDomainGetVcpusFlags)(virDomainPtr dom, unsigned int flags);
typedef int (*vrDrvDomainGetAutostart)(virDomainPtr dom, int *autostart);
typedef int (*vrDrvDomainSetAutostart)(virDomainPtr dom, int autostart);
typedef int (*vrDrvDomainIsActive)(virDomainPtr dom);
typedef int (*vrDrvDomainIsPersistent)(virDomainPtr dom);
typedef int (*vrDrvDomainIsUpdated)(virDomainPtr dom);
typedef int (*vrDrvNodeGetSecurityModel)(virConnectPtr conn, virSecurityModelPtr secmodel);
typedef int (*vrDrvDomainGetSecurityLabel)(virDomainPtr dom, virSecurityLabelPtr seclabel);
typedef int (*vrDrvDomainGetMaxVcpus)(virDomainPtr dom);
typedef int (*vrDrvDomainGetVcpus)(virDomainPtr dom, virVcpuInfoPtr info, int maxinfo,
                                   unsigned char *cpumaps, int maplen);
typedef int (*vrDrvDomainPinVcpu)(virDomainPtr dom, unsigned int vcpu,
                                  unsigned char *cpumap, int maplen);
typedef int (*vrDrvDomainSendKey)(virDomainPtr dom, unsigned int codeset,
                                  unsigned int holdtime, unsigned int *keycodes,
                                  int nkeycodes, unsigned int flags);
typedef int (*vrDrvDomainCoreDump)(virDomainPtr dom, const char *to, unsigned int flags);
typedef int (*vrDrvConnectDomainEventRegisterAny)(virConnectPtr conn, virDomainPtr dom,
                                                  int eventID,
                                                  virConnectDomainEventGenericCallback cb,
                                                  void *opaque, virFreeCallback freecb);
typedef int (*vrDrvConnectDomainEventDeregisterAny)(virConnectPtr conn, int callbackID);

/* A hypervisor driver.  Old API families map onto the newest form:
 * virDomainDefineXML -> domainDefineXMLFlags(flags 0), virDomainSave ->
 * domainSaveFlags, virDomainCreate -> domainCreateWithFlags, and so on. */
typedef struct vrNetworkDriver vrNetworkDriver;   /* drivers/network_driver.h */
typedef struct vrStorageDriver vrStorageDriver;   /* drivers/storage_driver.h */

typedef struct {
    const char *name;                       /* "sim", "qemu", "remote", ... */
    const vrNetworkDriver *network;         /* NULL: networks not supported */
    const vrStorageDriver *storage;         /* NULL: storage not supported */
    vrDrvConnectOpen connectOpen;           /* mandatory */
    vrDrvConnectClose connectClose;         /* mandatory */
    vrDrvConnectGetType connectGetType;
    vrDrvConnectGetVersion connectGetVersion;
    vrDrvConnectGetHostname connectGetHostname;
    vrDrvConnectGetCapabilities connectGetCapabilities;
    vrDrvConnectGetMaxVcpus connectGetMaxVcpus;
    vrDrvConnectIsAlive connectIsAlive;
    vrDrvConnectIsSecure connectIsSecure;
    vrDrvConnectIsEncrypted connectIsEncrypted;
    vrDrvConnectNumOfDomains connectNumOfDomains;
    vrDrvConnectListDomains connectListDomains;
    vrDrvConnectNumOfDefinedDomains connectNumOfDefinedDomains;
    vrDrvConnectListDefinedDomains connectListDefinedDomains;
    vrDrvConnectListAllDomains connectListAllDomains;
    vrDrvNodeGetInfo nodeGetInfo;
    vrDrvNodeGetFreeMemory nodeGetFreeMemory;
    vrDrvNodeGetCellsFreeMemory nodeGetCellsFreeMemory;
    vrDrvDomainLookupByID domainLookupByID;
    vrDrvDomainLookupByName domainLookupByName;
    vrDrvDomainLookupByUUID domainLookupByUUID;
    vrDrvDomainDefineXMLFlags domainDefineXMLFlags;
    vrDrvDomainCreateXML domainCreateXML;
    vrDrvDomainCreateWithFlags domainCreateWithFlags;
    vrDrvDomainUndefineFlags domainUndefineFlags;
    vrDrvDomainDestroyFlags domainDestroyFlags;
    vrDrvDomainShutdownFlags domainShutdownFlags;
    vrDrvDomainReboot domainReboot;
    vrDrvDomainReset domainReset;
    vrDrvDomainSuspend domainSuspend;
    vrDrvDomainResume domainResume;
    vrDrvDomainSaveFlags domainSaveFlags;
    vrDrvDomainRestoreFlags domainRestoreFlags;
    vrDrvDomainManagedSave domainManagedSave;
    vrDrvDomainHasManagedSaveImage domainHasManagedSaveImage;
    vrDrvDomainManagedSaveRemove domainManagedSaveRemove;
    vrDrvDomainGetInfo domainGetInfo;
    vrDrvDomainGetState domainGetState;
    vrDrvDomainGetXMLDesc domainGetXMLDesc;
    vrDrvDomainGetOSType domainGetOSType;
    vrDrvDomainGetMaxMemory domainGetMaxMemory;
    vrDrvDomainSetMemoryFlags domainSetMemoryFlags;
    vrDrvDomainSetVcpusFlags domainSetVcpusFlags;
    vrDrvDomainGetVcpusFlags domainGetVcpusFlags;
    vrDrvDomainGetAutostart domainGetAutostart;
    vrDrvDomainSetAutostart domainSetAutostart;
    vrDrvDomainIsActive domainIsActive;
    vrDrvDomainIsPersistent domainIsPersistent;
    vrDrvDomainIsUpdated domainIsUpdated;
    vrDrvNodeGetSecurityModel nodeGetSecurityModel;
    vrDrvDomainGetSecurityLabel domainGetSecurityLabel;
    vrDrvDomainGetMaxVcpus domainGetMaxVcpus;
    vrDrvDomainGetVcpus domainGetVcpus;
    vrDrvDomainPinVcpu domainPinVcpu;
    vrDrvDomainSendKey domainSendKey;
    vrDrvDomainCoreDump domainCoreDump;
    vrDrvConnectDomainEventRegisterAny connectDomainEventRegisterAny;
    vrDrvConnectDomainEventDeregisterAny connectDomainEventDeregisterAny;
} vrHypervisorDriver;

/* Drivers in the order the registry tries them (api/registry.c). */
extern const vrHypervisorDriver vrSimDriver;

#endif /* VR_DRIVER_H */
