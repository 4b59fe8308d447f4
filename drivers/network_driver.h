/* The network half of a hypervisor driver: one typedef per slot, with the
 * public API's signatures.  api/network.c checks arguments, resets the
 * error and dispatches; a NULL table (vrHypervisorDriver.network) or slot
 * makes the API report VIR_ERR_NO_SUPPORT.  Drivers check their own flags
 * and report their own errors.  Old entry points map onto the newest slot:
 * virNetworkDefineXML -> networkDefineXMLFlags(flags 0), virNetworkCreateXML
 * -> networkCreateXMLFlags(flags 0). */
#ifndef VR_NETWORK_DRIVER_H
#define VR_NETWORK_DRIVER_H

#include "drivers/driver.h"

typedef int (*vrDrvConnectNumOfNetworks)(virConnectPtr conn);
typedef int (*vrDrvConnectListNetworks)(virConnectPtr conn, char **const names,
                                        int maxnames);
typedef int (*vrDrvConnectListAllNetworks)(virConnectPtr conn, virNetworkPtr **nets,
                                           unsigned int flags);
typedef virNetworkPtr (*vrDrvNetworkLookupByName)(virConnectPtr conn, const char *name);
typedef virNetworkPtr (*vrDrvNetworkLookupByUUID)(virConnectPtr conn,
                                                  const unsigned char *uuid);
typedef virNetworkPtr (*vrDrvNetworkDefineXMLFlags)(virConnectPtr conn, const char *xml,
                                                    unsigned int flags);
typedef virNetworkPtr (*vrDrvNetworkCreateXMLFlags)(virConnectPtr conn, const char *xml,
                                                    unsigned int flags);
typedef int (*vrDrvNetworkCreate)(virNetworkPtr net);
typedef int (*vrDrvNetworkDestroy)(virNetworkPtr net);
typedef int (*vrDrvNetworkUndefine)(virNetworkPtr net);
typedef int (*vrDrvNetworkUpdate)(virNetworkPtr net, unsigned int command,
                                  unsigned int section, int parentIndex,
                                  const char *xml, unsigned int flags);
typedef char *(*vrDrvNetworkGetXMLDesc)(virNetworkPtr net, unsigned int flags);
typedef char *(*vrDrvNetworkGetBridgeName)(virNetworkPtr net);
typedef int (*vrDrvNetworkGetAutostart)(virNetworkPtr net, int *autostart);
typedef int (*vrDrvNetworkSetAutostart)(virNetworkPtr net, int autostart);
typedef int (*vrDrvNetworkIsActive)(virNetworkPtr net);
typedef int (*vrDrvNetworkIsPersistent)(virNetworkPtr net);
/* leases may be NULL (count only); on success *leases is a NULL-terminated
 * array the caller frees with virNetworkDHCPLeaseFree and free. */
typedef int (*vrDrvNetworkGetDHCPLeases)(virNetworkPtr net, const char *mac,
                                         virNetworkDHCPLeasePtr **leases,
                                         unsigned int flags);
typedef int (*vrDrvConnectNetworkEventRegisterAny)(virConnectPtr conn, virNetworkPtr net,
                                                   int eventID,
                                                   virConnectNetworkEventGenericCallback cb,
                                                   void *opaque, virFreeCallback freecb);
typedef int (*vrDrvConnectNetworkEventDeregisterAny)(virConnectPtr conn, int callbackID);

struct vrNetworkDriver {
    vrDrvConnectNumOfNetworks connectNumOfNetworks;
    vrDrvConnectListNetworks connectListNetworks;
    vrDrvConnectNumOfNetworks connectNumOfDefinedNetworks;
    vrDrvConnectListNetworks connectListDefinedNetworks;
    vrDrvConnectListAllNetworks connectListAllNetworks;
    vrDrvNetworkLookupByName networkLookupByName;
    vrDrvNetworkLookupByUUID networkLookupByUUID;
    vrDrvNetworkDefineXMLFlags networkDefineXMLFlags;
    vrDrvNetworkCreateXMLFlags networkCreateXMLFlags;
    vrDrvNetworkCreate networkCreate;
    vrDrvNetworkDestroy networkDestroy;
    vrDrvNetworkUndefine networkUndefine;
    vrDrvNetworkUpdate networkUpdate;
    vrDrvNetworkGetXMLDesc networkGetXMLDesc;
    vrDrvNetworkGetBridgeName networkGetBridgeName;
    vrDrvNetworkGetAutostart networkGetAutostart;
    vrDrvNetworkSetAutostart networkSetAutostart;
    vrDrvNetworkIsActive networkIsActive;
    vrDrvNetworkIsPersistent networkIsPersistent;
    vrDrvNetworkGetDHCPLeases networkGetDHCPLeases;
    vrDrvConnectNetworkEventRegisterAny connectNetworkEventRegisterAny;
    vrDrvConnectNetworkEventDeregisterAny connectNetworkEventDeregisterAny;
};

#endif /* VR_NETWORK_DRIVER_H */
