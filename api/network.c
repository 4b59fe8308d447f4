/* Public entry points: virtual networks (lookup, definition, lifecycle,
 * properties, updates, DHCP leases, listings, events) and their handles.
 * Argument checks in libvirt's order with libvirt's messages. */
#include "api/entry.h"
#include "drivers/network_driver.h"
#include "util/uuid.h"

#include <string.h>

#define VR_FROM_THIS VIR_FROM_NETWORK

/* --- entry checks --------------------------------------------------------- */

/* Reset the error and check a network handle. */
static bool
vrEntryNetwork(virNetworkPtr net, const char *func)
{
    vrErrorReset();
    if (vrHandleIsLive(net) && vrHandleIsLive(net->conn))
        return true;
    vrErrorReportRaw(VR_FROM_THIS, VIR_ERR_INVALID_NETWORK, __FILE__, func, __LINE__,
                     "invalid network pointer in %s", func);
    vrErrorCopyToConn(NULL);
    return false;
}

#define VR_NET_DRV(conn) ((conn)->driver->network)
#define VR_NET_SLOT_F(conn, slot, ret, func) \
    do { if (!VR_NET_DRV(conn) || !VR_NET_DRV(conn)->slot) { \
             vrEntryNoSupport(VR_FROM_THIS, (func)); vrEntryFail(conn); \
             return (ret); } } while (0)
#define VR_NET_SLOT(conn, slot, ret) VR_NET_SLOT_F(conn, slot, ret, __func__)
#define VR_CHECK_NETWORK(net, ret) \
    do { if (!vrEntryNetwork((net), __func__)) return (ret); } while (0)

/* libvirt's virCheckNonNullArrayArg and virCheckNonNegativeArg. */
#define VR_CHECK_NAMES(conn, names, maxnames, ret) \
    do { if (!(names) && (maxnames) > 0) { \
             vrEntryNullArg(VR_FROM_THIS, "names", __func__); \
             vrEntryFail(conn); return (ret); } \
         if ((maxnames) < 0) { \
             vrEntryBadArg(VR_FROM_THIS, "maxnames", __func__, "zero or greater"); \
             vrEntryFail(conn); return (ret); } } while (0)

static int
vrNetRet(virConnectPtr conn, int ret)
{
    if (ret < 0)
        vrEntryFail(conn);
    return ret;
}

static void *
vrNetRetPtr(virConnectPtr conn, void *ret)
{
    if (!ret)
        vrEntryFail(conn);
    return ret;
}

/* --- handles --------------------------------------------------------------- */

int
virNetworkRef(virNetworkPtr network)
{
    VR_CHECK_NETWORK(network, -1);
    g_atomic_int_inc(&network->refs);
    return 0;
}

int
virNetworkFree(virNetworkPtr network)
{
    VR_CHECK_NETWORK(network, -1);
    if (!g_atomic_int_dec_and_test(&network->refs))
        return 0;
    vrHandleUnregister(network);
    vrConnectUnref(network->conn);
    g_free(network->name);
    g_free(network);
    return 0;
}

virConnectPtr
virNetworkGetConnect(virNetworkPtr net)
{
    VR_CHECK_NETWORK(net, NULL);
    return net->conn;
}

const char *
virNetworkGetName(virNetworkPtr network)
{
    VR_CHECK_NETWORK(network, NULL);
    return network->name;
}

int
virNetworkGetUUID(virNetworkPtr network, unsigned char *uuid)
{
    VR_CHECK_NETWORK(network, -1);
    VR_CHECK_NONNULL(network->conn, uuid, -1);
    memcpy(uuid, network->uuid, VIR_UUID_BUFLEN);
    return 0;
}

int
virNetworkGetUUIDString(virNetworkPtr network, char *buf)
{
    VR_CHECK_NETWORK(network, -1);
    VR_CHECK_NONNULL(network->conn, buf, -1);
    vrUUIDFormat(network->uuid, buf);
    return 0;
}

/* --- listings -------------------------------------------------------------- */

int
virConnectNumOfNetworks(virConnectPtr conn)
{
    VR_CHECK_CONN(conn, -1);
    VR_NET_SLOT(conn, connectNumOfNetworks, -1);
    return vrNetRet(conn, VR_NET_DRV(conn)->connectNumOfNetworks(conn));
}

int
virConnectNumOfDefinedNetworks(virConnectPtr conn)
{
    VR_CHECK_CONN(conn, -1);
    VR_NET_SLOT(conn, connectNumOfDefinedNetworks, -1);
    return vrNetRet(conn, VR_NET_DRV(conn)->connectNumOfDefinedNetworks(conn));
}

int
virConnectListNetworks(virConnectPtr conn, char **const names, int maxnames)
{
    VR_CHECK_CONN(conn, -1);
    VR_CHECK_NAMES(conn, names, maxnames, -1);
    VR_NET_SLOT(conn, connectListNetworks, -1);
    return vrNetRet(conn, VR_NET_DRV(conn)->connectListNetworks(conn, names, maxnames));
}

int
virConnectListDefinedNetworks(virConnectPtr conn, char **const names, int maxnames)
{
    VR_CHECK_CONN(conn, -1);
    VR_CHECK_NAMES(conn, names, maxnames, -1);
    VR_NET_SLOT(conn, connectListDefinedNetworks, -1);
    return vrNetRet(conn, VR_NET_DRV(conn)->connectListDefinedNetworks(conn, names,
                                                                         maxnames));
}

int
virConnectListAllNetworks(virConnectPtr conn, virNetworkPtr **nets, unsigned int flags)
{
    if (nets)
        *nets = NULL;
    VR_CHECK_CONN(conn, -1);
    VR_NET_SLOT(conn, connectListAllNetworks, -1);
    return vrNetRet(conn, VR_NET_DRV(conn)->connectListAllNetworks(conn, nets, flags));
}

/* --- lookup and definition --------------------------------------------------- */

virNetworkPtr
virNetworkLookupByName(virConnectPtr conn, const char *name)
{
    VR_CHECK_CONN(conn, NULL);
    VR_CHECK_NONNULL(conn, name, NULL);
    VR_NET_SLOT(conn, networkLookupByName, NULL);
    return vrNetRetPtr(conn, VR_NET_DRV(conn)->networkLookupByName(conn, name));
}

virNetworkPtr
virNetworkLookupByUUID(virConnectPtr conn, const unsigned char *uuid)
{
    VR_CHECK_CONN(conn, NULL);
    VR_CHECK_NONNULL(conn, uuid, NULL);
    VR_NET_SLOT(conn, networkLookupByUUID, NULL);
    return vrNetRetPtr(conn, VR_NET_DRV(conn)->networkLookupByUUID(conn, uuid));
}

virNetworkPtr
virNetworkLookupByUUIDString(virConnectPtr conn, const char *uuidstr)
{
    unsigned char uuid[VIR_UUID_BUFLEN];

    VR_CHECK_CONN(conn, NULL);
    VR_CHECK_NONNULL(conn, uuidstr, NULL);
    if (vrUUIDParse(uuidstr, uuid) < 0) {
        vrEntryBadArg(VR_FROM_THIS, "uuidstr", __func__, "a valid UUID");
        vrEntryFail(conn);
        return NULL;
    }
    return virNetworkLookupByUUID(conn, uuid);
}

/* Define checks read-only before the document; create the other way round,
 * as libvirt does.  func names the public call. */
static virNetworkPtr
vrNetworkDefineImpl(virConnectPtr conn, const char *xml, unsigned int flags,
                    const char *func)
{
    VR_CHECK_CONN_F(conn, NULL, func);
    VR_CHECK_WRITABLE_F(conn, NULL, func);
    VR_CHECK_NONNULL_F(conn, xml, NULL, func);
    VR_NET_SLOT_F(conn, networkDefineXMLFlags, NULL, func);
    return vrNetRetPtr(conn, VR_NET_DRV(conn)->networkDefineXMLFlags(conn, xml, flags));
}

virNetworkPtr
virNetworkDefineXML(virConnectPtr conn, const char *xml)
{
    return vrNetworkDefineImpl(conn, xml, 0, __func__);
}

virNetworkPtr
virNetworkDefineXMLFlags(virConnectPtr conn, const char *xml, unsigned int flags)
{
    return vrNetworkDefineImpl(conn, xml, flags, __func__);
}

static virNetworkPtr
vrNetworkCreateImpl(virConnectPtr conn, const char *xmlDesc, unsigned int flags,
                    const char *func)
{
    VR_CHECK_CONN_F(conn, NULL, func);
    VR_CHECK_NONNULL_F(conn, xmlDesc, NULL, func);
    VR_CHECK_WRITABLE_F(conn, NULL, func);
    VR_NET_SLOT_F(conn, networkCreateXMLFlags, NULL, func);
    return vrNetRetPtr(conn, VR_NET_DRV(conn)->networkCreateXMLFlags(conn, xmlDesc, flags));
}

virNetworkPtr
virNetworkCreateXML(virConnectPtr conn, const char *xmlDesc)
{
    return vrNetworkCreateImpl(conn, xmlDesc, 0, __func__);
}

virNetworkPtr
virNetworkCreateXMLFlags(virConnectPtr conn, const char *xmlDesc, unsigned int flags)
{
    return vrNetworkCreateImpl(conn, xmlDesc, flags, __func__);
}

/* --- lifecycle ------------------------------------------------------------- */

/* Handle, read-only refusal, driver slot: the shape of every mutating call. */
#define VR_NET_WRITE_ENTRY(net, ret, slot) \
    do { VR_CHECK_NETWORK(net, ret); \
         VR_CHECK_WRITABLE((net)->conn, ret); \
         VR_NET_SLOT((net)->conn, slot, ret); } while (0)

int
virNetworkCreate(virNetworkPtr network)
{
    VR_NET_WRITE_ENTRY(network, -1, networkCreate);
    return vrNetRet(network->conn, VR_NET_DRV(network->conn)->networkCreate(network));
}

int
virNetworkDestroy(virNetworkPtr network)
{
    VR_NET_WRITE_ENTRY(network, -1, networkDestroy);
    return vrNetRet(network->conn, VR_NET_DRV(network->conn)->networkDestroy(network));
}

int
virNetworkUndefine(virNetworkPtr network)
{
    VR_NET_WRITE_ENTRY(network, -1, networkUndefine);
    return vrNetRet(network->conn, VR_NET_DRV(network->conn)->networkUndefine(network));
}

int
virNetworkUpdate(virNetworkPtr network, unsigned int command, unsigned int section,
                 int parentIndex, const char *xml, unsigned int flags)
{
    VR_CHECK_NETWORK(network, -1);
    VR_CHECK_WRITABLE(network->conn, -1);
    VR_CHECK_NONNULL(network->conn, xml, -1);
    VR_NET_SLOT(network->conn, networkUpdate, -1);
    return vrNetRet(network->conn,
                    VR_NET_DRV(network->conn)->networkUpdate(network, command, section,
                                                             parentIndex, xml, flags));
}

int
virNetworkSetAutostart(virNetworkPtr network, int autostart)
{
    VR_NET_WRITE_ENTRY(network, -1, networkSetAutostart);
    return vrNetRet(network->conn,
                    VR_NET_DRV(network->conn)->networkSetAutostart(network, autostart));
}

/* --- properties ------------------------------------------------------------ */

char *
virNetworkGetXMLDesc(virNetworkPtr network, unsigned int flags)
{
    VR_CHECK_NETWORK(network, NULL);
    VR_NET_SLOT(network->conn, networkGetXMLDesc, NULL);
    return vrNetRetPtr(network->conn,
                       VR_NET_DRV(network->conn)->networkGetXMLDesc(network, flags));
}

char *
virNetworkGetBridgeName(virNetworkPtr network)
{
    VR_CHECK_NETWORK(network, NULL);
    VR_NET_SLOT(network->conn, networkGetBridgeName, NULL);
    return vrNetRetPtr(network->conn,
                       VR_NET_DRV(network->conn)->networkGetBridgeName(network));
}

int
virNetworkGetAutostart(virNetworkPtr network, int *autostart)
{
    VR_CHECK_NETWORK(network, -1);
    VR_CHECK_NONNULL(network->conn, autostart, -1);
    VR_NET_SLOT(network->conn, networkGetAutostart, -1);
    return vrNetRet(network->conn,
                    VR_NET_DRV(network->conn)->networkGetAutostart(network, autostart));
}

int
virNetworkIsActive(virNetworkPtr net)
{
    VR_CHECK_NETWORK(net, -1);
    VR_NET_SLOT(net->conn, networkIsActive, -1);
    return vrNetRet(net->conn, VR_NET_DRV(net->conn)->networkIsActive(net));
}

int
virNetworkIsPersistent(virNetworkPtr net)
{
    VR_CHECK_NETWORK(net, -1);
    VR_NET_SLOT(net->conn, networkIsPersistent, -1);
    return vrNetRet(net->conn, VR_NET_DRV(net->conn)->networkIsPersistent(net));
}

/* --- DHCP leases ------------------------------------------------------------- */

int
virNetworkGetDHCPLeases(virNetworkPtr network, const char *mac,
                        virNetworkDHCPLeasePtr **leases, unsigned int flags)
{
    if (leases)
        *leases = NULL;
    VR_CHECK_NETWORK(network, -1);
    VR_NET_SLOT(network->conn, networkGetDHCPLeases, -1);
    return vrNetRet(network->conn,
                    VR_NET_DRV(network->conn)->networkGetDHCPLeases(network, mac, leases,
                                                                    flags));
}

void
virNetworkDHCPLeaseFree(virNetworkDHCPLeasePtr lease)
{
    if (!lease)
        return;
    g_free(lease->iface);
    g_free(lease->mac);
    g_free(lease->iaid);
    g_free(lease->ipaddr);
    g_free(lease->hostname);
    g_free(lease->clientid);
    g_free(lease);
}

/* --- events ---------------------------------------------------------------- */

int
virConnectNetworkEventRegisterAny(virConnectPtr conn, virNetworkPtr net, int eventID,
                                  virConnectNetworkEventGenericCallback cb,
                                  void *opaque, virFreeCallback freecb)
{
    VR_CHECK_CONN(conn, -1);
    if (net) {
        if (!vrHandleIsLive(net) || !vrHandleIsLive(net->conn)) {
            vrErrorReportRaw(VR_FROM_THIS, VIR_ERR_INVALID_NETWORK, __FILE__, __func__,
                             __LINE__, "invalid network pointer in %s", __func__);
            goto error;
        }
        if (net->conn != conn) {
            vrReportErrorRaw(VIR_ERR_INVALID_ARG, "network '%s' in %s must match connection",
                             net->name, __func__);
            goto error;
        }
    }
    VR_CHECK_NONNULL(conn, cb, -1);
    if (eventID < 0) {
        vrEntryBadArg(VR_FROM_THIS, "eventID", __func__, "zero or greater");
        goto error;
    }
    if (eventID >= VIR_NETWORK_EVENT_ID_LAST) {
        vrReportErrorRaw(VIR_ERR_INVALID_ARG, "eventID in %s must be less than %d",
                         __func__, VIR_NETWORK_EVENT_ID_LAST);
        goto error;
    }
    VR_NET_SLOT(conn, connectNetworkEventRegisterAny, -1);
    return vrNetRet(conn, VR_NET_DRV(conn)->connectNetworkEventRegisterAny(conn, net,
                                                                           eventID, cb,
                                                                           opaque, freecb));
 error:
    vrEntryFail(conn);
    return -1;
}

int
virConnectNetworkEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    VR_CHECK_CONN(conn, -1);
    if (callbackID < 0) {
        vrEntryBadArg(VR_FROM_THIS, "callbackID", __func__, "zero or greater");
        vrEntryFail(conn);
        return -1;
    }
    VR_NET_SLOT(conn, connectNetworkEventDeregisterAny, -1);
    return vrNetRet(conn, VR_NET_DRV(conn)->connectNetworkEventDeregisterAny(conn,
                                                                             callbackID));
}
