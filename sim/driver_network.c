/* The sim driver's network table: lookups, definitions, lifecycle,
 * updates, DHCP leases, listings and network events, call for call as
 * libvirt 9.0's test driver behaves (errors name its functions).
 *
 * Deliberate differences from the test driver:
 *  - a persistent network keeps its definition while running, so
 *    VIR_NETWORK_XML_INACTIVE works (the test driver refuses the flag),
 *    a live update is forgotten and a pending definition (net-define or
 *    an update --config on a running network) applies when it stops;
 *  - destroying an inactive network is VIR_ERR_OPERATION_INVALID, as in
 *    libvirt's network driver (the test driver returns 0);
 *  - virNetworkGetDHCPLeases hands out leases (the test driver has none);
 *  - listings are sorted by name (the test driver returns hash order). */
#include "sim/driver_priv.h"
#include "sim/network_obj.h"

#include <string.h>
#include <sys/socket.h>

#include "sim/state_dir.h"
#include "util/uuid.h"

#define VR_FROM_THIS VIR_FROM_TEST

#define VR_SIM_BRIDGE_TEMPLATE "virbr%d"     /* libvirt's network driver */
#define VR_SIM_BRIDGES_MAX 4096

#define VR_SIM_NS_PER_S 1000000000LL
#define VR_SIM_CLIENTID_V4 "01"              /* dnsmasq: hardware type 1 + MAC */
#define VR_SIM_DUID_LL_PREFIX "00:03:00:01"  /* DUID-LL, hardware type 1 */

/* ---- helpers ---- */

static void
vrSimNetQueue(vrSimNode *node, const vrSimNetwork *net, int event)
{
    static const char *const names[VIR_NETWORK_EVENT_LAST] = {
        "defined", "undefined", "started", "stopped",
    };

    vrSimTraceAdd(node->trace, "network", "%s %s", net->name, names[event]);
    vrEventStateQueueNetwork(vrSimNetworkListEvents(node->networks), net->name,
                             net->uuid, event, 0);
}

static virNetworkPtr
vrSimNetHandle(virConnectPtr conn, const vrSimNetwork *net)
{
    return vrNetworkHandleNew(conn, net->name, net->uuid);
}

/* Lock the node (leases brought up to date) and find the network as the
 * test driver does: by name, or by UUID.  NULL (node unlocked) after
 * VIR_ERR_NO_NETWORK. */
static vrSimNetwork *
vrSimNetAcquire(virNetworkPtr handle, bool by_uuid, vrSimNode **node)
{
    char uuid[VIR_UUID_STRING_BUFLEN];
    vrSimNetwork *net;

    *node = vrSimConnNode(handle->conn);
    vrSimNodeLock(*node);
    vrSimNetworkLeasesSync(*node);
    net = by_uuid ? vrSimNetworkFindByUUID((*node)->networks, handle->uuid) :
                    vrSimNetworkFindByName((*node)->networks, handle->name);
    if (net)
        return net;
    vrSimNodeUnlock(*node);
    if (by_uuid)
        vrReportError(VIR_ERR_NO_NETWORK, "no network with matching uuid '%s'",
                      vrUUIDFormat(handle->uuid, uuid));
    else
        vrReportError(VIR_ERR_NO_NETWORK, "no network with matching name '%s'",
                      handle->name);
    return NULL;
}

static vrSimNode *
vrSimNetLockConn(virConnectPtr conn)
{
    vrSimNode *node = vrSimConnNode(conn);

    vrSimNodeLock(node);
    vrSimNetworkLeasesSync(node);
    return node;
}

/* ---- lookups ---- */

static virNetworkPtr
vrSimDrvNetworkLookupByName(virConnectPtr conn, const char *name)
{
    vrSimNode *node = vrSimNetLockConn(conn);
    vrSimNetwork *net = vrSimNetworkFindByName(node->networks, name);
    virNetworkPtr ret = net ? vrSimNetHandle(conn, net) : NULL;

    vrSimNodeUnlock(node);
    if (!ret)
        vrReportError(VIR_ERR_NO_NETWORK, "no network with matching name '%s'", name);
    return ret;
}

static virNetworkPtr
vrSimDrvNetworkLookupByUUID(virConnectPtr conn, const unsigned char *uuid)
{
    char str[VIR_UUID_STRING_BUFLEN];
    vrSimNode *node = vrSimNetLockConn(conn);
    vrSimNetwork *net = vrSimNetworkFindByUUID(node->networks, uuid);
    virNetworkPtr ret = net ? vrSimNetHandle(conn, net) : NULL;

    vrSimNodeUnlock(node);
    if (!ret)
        vrReportError(VIR_ERR_NO_NETWORK, "no network with matching uuid '%s'",
                      vrUUIDFormat(uuid, str));
    return ret;
}

/* ---- listings ---- */

static int
vrSimNetCount(virConnectPtr conn, bool active)
{
    vrSimNode *node = vrSimNetLockConn(conn);
    g_autoptr(GPtrArray) nets = vrSimNetworkListSorted(node->networks);
    int count = 0;
    guint i;

    for (i = 0; i < nets->len; i++)
        count += ((vrSimNetwork *)g_ptr_array_index(nets, i))->active == active;
    vrSimNodeUnlock(node);
    return count;
}

static int
vrSimDrvConnectNumOfNetworks(virConnectPtr conn)
{
    return vrSimNetCount(conn, true);
}

static int
vrSimDrvConnectNumOfDefinedNetworks(virConnectPtr conn)
{
    return vrSimNetCount(conn, false);
}

static int
vrSimNetNames(virConnectPtr conn, bool active, char **const names, int maxnames)
{
    vrSimNode *node = vrSimNetLockConn(conn);
    g_autoptr(GPtrArray) nets = vrSimNetworkListSorted(node->networks);
    int n = 0;
    guint i;

    for (i = 0; i < nets->len && n < maxnames; i++) {
        const vrSimNetwork *net = g_ptr_array_index(nets, i);

        if (net->active == active)
            names[n++] = g_strdup(net->name);
    }
    vrSimNodeUnlock(node);
    return n;
}

static int
vrSimDrvConnectListNetworks(virConnectPtr conn, char **const names, int maxnames)
{
    return vrSimNetNames(conn, true, names, maxnames);
}

static int
vrSimDrvConnectListDefinedNetworks(virConnectPtr conn, char **const names, int maxnames)
{
    return vrSimNetNames(conn, false, names, maxnames);
}

/* libvirt's virNetworkObjMatch: within each group of flags, a network
 * matches one of the bits given (a group not given matches all). */
static bool
vrSimNetMatch(const vrSimNetwork *net, unsigned int flags)
{
    const unsigned int state = VIR_CONNECT_LIST_NETWORKS_ACTIVE |
                               VIR_CONNECT_LIST_NETWORKS_INACTIVE;
    const unsigned int persist = VIR_CONNECT_LIST_NETWORKS_PERSISTENT |
                                 VIR_CONNECT_LIST_NETWORKS_TRANSIENT;
    const unsigned int autostart = VIR_CONNECT_LIST_NETWORKS_AUTOSTART |
                                   VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART;

    if ((flags & state) &&
        !(flags & (net->active ? VIR_CONNECT_LIST_NETWORKS_ACTIVE :
                                 VIR_CONNECT_LIST_NETWORKS_INACTIVE)))
        return false;
    if ((flags & persist) &&
        !(flags & (net->persistent ? VIR_CONNECT_LIST_NETWORKS_PERSISTENT :
                                     VIR_CONNECT_LIST_NETWORKS_TRANSIENT)))
        return false;
    if ((flags & autostart) &&
        !(flags & (net->autostart ? VIR_CONNECT_LIST_NETWORKS_AUTOSTART :
                                    VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART)))
        return false;
    return true;
}

#define VR_SIM_NETWORK_LIST_FILTERS 0x3f     /* every virConnectListAllNetworksFlags */

static int
vrSimDrvConnectListAllNetworks(virConnectPtr conn, virNetworkPtr **nets, unsigned int flags)
{
    vrSimNode *node;
    g_autoptr(GPtrArray) all = NULL;
    GPtrArray *out;
    guint i;

    if (vrSimCheckFlags(flags, VR_SIM_NETWORK_LIST_FILTERS, "testConnectListAllNetworks") < 0)
        return -1;
    node = vrSimNetLockConn(conn);
    all = vrSimNetworkListSorted(node->networks);
    out = g_ptr_array_new();
    for (i = 0; i < all->len; i++) {
        const vrSimNetwork *net = g_ptr_array_index(all, i);

        if (vrSimNetMatch(net, flags))
            g_ptr_array_add(out, nets ? (gpointer)vrSimNetHandle(conn, net) : NULL);
    }
    vrSimNodeUnlock(node);
    i = out->len;
    if (nets) {
        g_ptr_array_add(out, NULL);
        *nets = (virNetworkPtr *)g_ptr_array_free(out, FALSE);
    } else {
        g_ptr_array_free(out, TRUE);
    }
    return (int)i;
}

/* ---- definitions ---- */

static vrNetworkDef *
vrSimNetParse(const char *xml, bool validate)
{
    return vrNetworkDefParseString(xml, validate ? VR_NETWORK_DEF_PARSE_VALIDATE_SCHEMA : 0);
}

/* The bridge a network would create: its own, or the first virbrN no
 * network claims, as libvirt's network driver picks one (node locked). */
static char *
vrSimNetBridgeName(vrSimNode *node, const vrNetworkDef *def)
{
    g_autoptr(GPtrArray) nets = NULL;
    int n;
    guint i;

    if (def->bridge)
        return g_strdup(def->bridge);
    nets = vrSimNetworkListSorted(node->networks);
    for (n = 0; n < VR_SIM_BRIDGES_MAX; n++) {
        g_autofree char *name = g_strdup_printf(VR_SIM_BRIDGE_TEMPLATE, n);

        for (i = 0; i < nets->len; i++) {
            const vrSimNetwork *net = g_ptr_array_index(nets, i);

            if (g_strcmp0(net->def->bridge, name) == 0)
                break;
        }
        if (i == nets->len)
            return g_steal_pointer(&name);
    }
    return g_strdup_printf(VR_SIM_BRIDGE_TEMPLATE, n);
}

/* The network.start fault point (node locked): the bridge cannot be made. */
static int
vrSimNetStartFault(vrSimNode *node, const vrNetworkDef *def)
{
    g_autofree char *bridge = vrSimNetBridgeName(node, def);
    vrSimFaultCtx ctx = { .dom = def->name, .dev = bridge };

    return vrSimFaultInject(node->faults, VR_SIM_FAULT_NETWORK_START, &ctx);
}

/* The network.define fault point and the state directory (node locked). */
static int
vrSimNetSaveConfig(vrSimNode *node, const vrNetworkDef *def)
{
    g_autofree char *xml = NULL;

    if (!vrSimStateWriteWanted(node, VR_SIM_FAULT_NETWORK_DEFINE))
        return 0;
    xml = vrNetworkDefFormat(def);
    if (!xml)
        return -1;
    return vrSimStateWriteConfig(node, VR_SIM_STATE_NETWORK, def->name, xml,
                                 VR_SIM_FAULT_NETWORK_DEFINE);
}

static virNetworkPtr
vrSimDrvNetworkDefineXMLFlags(virConnectPtr conn, const char *xml, unsigned int flags)
{
    vrSimNode *node = vrSimConnNode(conn);
    virNetworkPtr ret = NULL;
    vrNetworkDef *def;
    vrSimNetwork *net;

    if (vrSimCheckFlags(flags, VIR_NETWORK_DEFINE_VALIDATE, "testNetworkDefineXMLFlags") < 0 ||
        !(def = vrSimNetParse(xml, flags & VIR_NETWORK_DEFINE_VALIDATE)))
        return NULL;
    vrSimNodeLock(node);
    if (vrSimNetworkListCheckAdd(node->networks, def, 0) < 0 ||
        vrSimNetSaveConfig(node, def) < 0 ||
        !(net = vrSimNetworkListAdd(node->networks, def, 0))) {
        vrNetworkDefFree(def);
    } else {
        vrSimNetQueue(node, net, VIR_NETWORK_EVENT_DEFINED);
        ret = vrSimNetHandle(conn, net);
    }
    vrSimNodeUnlock(node);
    return ret;
}

static virNetworkPtr
vrSimDrvNetworkCreateXMLFlags(virConnectPtr conn, const char *xml, unsigned int flags)
{
    unsigned int add_flags = VR_SIM_NETWORK_ADD_LIVE | VR_SIM_NETWORK_ADD_CHECK_LIVE;
    vrSimNode *node = vrSimConnNode(conn);
    virNetworkPtr ret = NULL;
    vrNetworkDef *def;
    vrSimNetwork *net;

    if (vrSimCheckFlags(flags, VIR_NETWORK_CREATE_VALIDATE, "testNetworkCreateXMLFlags") < 0 ||
        !(def = vrSimNetParse(xml, flags & VIR_NETWORK_CREATE_VALIDATE)))
        return NULL;
    vrSimNodeLock(node);
    if (vrSimNetworkListCheckAdd(node->networks, def, add_flags) < 0 ||
        vrSimNetStartFault(node, def) < 0 ||
        !(net = vrSimNetworkListAdd(node->networks, def, add_flags))) {
        vrNetworkDefFree(def);
    } else {
        vrSimNetworkStart(net);
        vrSimNetQueue(node, net, VIR_NETWORK_EVENT_STARTED);
        vrSimNetworkLeasesSync(node);
        ret = vrSimNetHandle(conn, net);
    }
    vrSimNodeUnlock(node);
    return ret;
}

static int
vrSimDrvNetworkUndefine(virNetworkPtr handle)
{
    vrSimNode *node;
    vrSimNetwork *net;

    if (!(net = vrSimNetAcquire(handle, false, &node)))
        return -1;
    if (net->active) {
        vrSimNodeUnlock(node);
        vrReportError(VIR_ERR_OPERATION_INVALID, "Network '%s' is still running",
                      handle->name);
        return -1;
    }
    vrSimNetQueue(node, net, VIR_NETWORK_EVENT_UNDEFINED);
    vrSimNetworkListRemove(node->networks, net);
    vrSimNodeUnlock(node);
    return 0;
}

/* ---- lifecycle ---- */

static int
vrSimDrvNetworkCreate(virNetworkPtr handle)
{
    vrSimNode *node;
    vrSimNetwork *net;

    if (!(net = vrSimNetAcquire(handle, false, &node)))
        return -1;
    if (net->active) {
        vrSimNodeUnlock(node);
        vrReportError(VIR_ERR_OPERATION_INVALID, "Network '%s' is already running",
                      handle->name);
        return -1;
    }
    if (vrSimNetStartFault(node, net->def) < 0) {
        vrSimNodeUnlock(node);
        return -1;
    }
    vrSimNetworkStart(net);
    vrSimNetQueue(node, net, VIR_NETWORK_EVENT_STARTED);
    vrSimNetworkLeasesSync(node);
    vrSimNodeUnlock(node);
    return 0;
}

/* A transient network is gone afterwards.  Destroying an inactive network
 * is the network driver's wrong-state error (the test driver accepts it). */
static int
vrSimDrvNetworkDestroy(virNetworkPtr handle)
{
    vrSimNode *node;
    vrSimNetwork *net;

    if (!(net = vrSimNetAcquire(handle, false, &node)))
        return -1;
    if (!net->active) {
        vrSimNodeUnlock(node);
        vrErrorReport(VIR_FROM_NETWORK, VIR_ERR_OPERATION_INVALID, __FILE__, __func__,
                      __LINE__, "network '%s' is not active", handle->name);
        return -1;
    }
    vrSimNetworkStop(net);
    vrSimNetQueue(node, net, VIR_NETWORK_EVENT_STOPPED);
    if (!net->persistent)
        vrSimNetworkListRemove(node->networks, net);
    vrSimNodeUnlock(node);
    return 0;
}

/* ---- virNetworkUpdate ---- */

/* libvirt's modification impact and virNetworkObjConfigChangeSetup. */
static int
vrSimNetUpdateImpact(const vrSimNetwork *net, unsigned int *flags)
{
    if (!(*flags & (VIR_NETWORK_UPDATE_AFFECT_LIVE | VIR_NETWORK_UPDATE_AFFECT_CONFIG)))
        *flags |= net->active ? VIR_NETWORK_UPDATE_AFFECT_LIVE :
                                VIR_NETWORK_UPDATE_AFFECT_CONFIG;
    if (!net->active && (*flags & VIR_NETWORK_UPDATE_AFFECT_LIVE)) {
        vrErrorReport(VIR_FROM_NETWORK, VIR_ERR_OPERATION_INVALID, __FILE__, __func__,
                      __LINE__, "network is not running");
        return -1;
    }
    if ((*flags & VIR_NETWORK_UPDATE_AFFECT_CONFIG) && !net->persistent) {
        vrErrorReport(VIR_FROM_NETWORK, VIR_ERR_OPERATION_INVALID, __FILE__, __func__,
                      __LINE__, "cannot change persistent config of a transient network");
        return -1;
    }
    return 0;
}

/* Edit copies of the definitions the flags name; replace them only when
 * every edit succeeded. */
static int
vrSimNetUpdateApply(vrSimNetwork *net, unsigned int command, unsigned int section,
                    int parent_index, const char *xml, unsigned int flags)
{
    g_autoptr(vrNetworkDef) live = NULL;
    g_autoptr(vrNetworkDef) config = NULL;

    if (flags & VIR_NETWORK_UPDATE_AFFECT_LIVE) {
        live = vrNetworkDefCopy(net->def);
        if (vrNetworkDefUpdateSection(live, command, section, parent_index, xml) < 0)
            return -1;
    }
    if (flags & VIR_NETWORK_UPDATE_AFFECT_CONFIG) {
        config = vrNetworkDefCopy(net->new_def ? net->new_def : net->def);
        if (vrNetworkDefUpdateSection(config, command, section, parent_index, xml) < 0)
            return -1;
    }
    if (config) {
        if (net->active) {
            vrNetworkDefFree(net->new_def);
            net->new_def = g_steal_pointer(&config);
        } else {
            vrNetworkDefFree(net->def);
            net->def = g_steal_pointer(&config);
        }
    }
    if (live) {
        vrNetworkDefFree(net->def);
        net->def = g_steal_pointer(&live);
    }
    return 0;
}

static int
vrSimDrvNetworkUpdate(virNetworkPtr handle, unsigned int command, unsigned int section,
                      int parentIndex, const char *xml, unsigned int flags)
{
    vrSimNode *node;
    vrSimNetwork *net;
    int ret = -1;

    if (vrSimCheckFlags(flags, VIR_NETWORK_UPDATE_AFFECT_LIVE |
                        VIR_NETWORK_UPDATE_AFFECT_CONFIG, "testNetworkUpdate") < 0)
        return -1;
    if (!(net = vrSimNetAcquire(handle, true, &node)))
        return -1;
    if (vrSimNetUpdateImpact(net, &flags) == 0 &&
        vrSimNetUpdateApply(net, command, section, parentIndex, xml, flags) == 0) {
        vrSimTraceAdd(node->trace, "network", "%s updated section=%u command=%u",
                      net->name, section, command);
        ret = 0;
    }
    vrSimNodeUnlock(node);
    return ret;
}

/* ---- properties ---- */

static char *
vrSimDrvNetworkGetXMLDesc(virNetworkPtr handle, unsigned int flags)
{
    vrSimNode *node;
    vrSimNetwork *net;
    char *xml;

    if (vrSimCheckFlags(flags, VIR_NETWORK_XML_INACTIVE, "testNetworkGetXMLDesc") < 0 ||
        !(net = vrSimNetAcquire(handle, false, &node)))
        return NULL;
    xml = vrNetworkDefFormat((flags & VIR_NETWORK_XML_INACTIVE) && net->new_def ?
                             net->new_def : net->def);
    vrSimNodeUnlock(node);
    return xml;
}

static char *
vrSimDrvNetworkGetBridgeName(virNetworkPtr handle)
{
    vrSimNode *node;
    vrSimNetwork *net;
    char *bridge;

    if (!(net = vrSimNetAcquire(handle, false, &node)))
        return NULL;
    if (!(bridge = g_strdup(net->def->bridge)))
        vrReportError(VIR_ERR_INTERNAL_ERROR, "network '%s' does not have a bridge name.",
                      net->name);
    vrSimNodeUnlock(node);
    return bridge;
}

static int
vrSimDrvNetworkGetAutostart(virNetworkPtr handle, int *autostart)
{
    vrSimNode *node;
    vrSimNetwork *net;

    if (!(net = vrSimNetAcquire(handle, false, &node)))
        return -1;
    *autostart = net->autostart ? 1 : 0;
    vrSimNodeUnlock(node);
    return 0;
}

/* As the test driver, a transient network takes the flag too. */
static int
vrSimDrvNetworkSetAutostart(virNetworkPtr handle, int autostart)
{
    vrSimNode *node;
    vrSimNetwork *net;

    if (!(net = vrSimNetAcquire(handle, false, &node)))
        return -1;
    net->autostart = autostart != 0;
    vrSimNodeUnlock(node);
    return 0;
}

static int
vrSimDrvNetworkIsActive(virNetworkPtr handle)
{
    vrSimNode *node;
    vrSimNetwork *net;
    int ret;

    if (!(net = vrSimNetAcquire(handle, true, &node)))
        return -1;
    ret = net->active ? 1 : 0;
    vrSimNodeUnlock(node);
    return ret;
}

static int
vrSimDrvNetworkIsPersistent(virNetworkPtr handle)
{
    vrSimNode *node;
    vrSimNetwork *net;
    int ret;

    if (!(net = vrSimNetAcquire(handle, true, &node)))
        return -1;
    ret = net->persistent ? 1 : 0;
    vrSimNodeUnlock(node);
    return ret;
}

/* ---- DHCP leases ---- */

static virNetworkDHCPLeasePtr
vrSimNetLeaseExport(const vrSimNetwork *net, const vrSimLease *lease)
{
    virNetworkDHCPLeasePtr out = g_new0(virNetworkDHCPLease, 1);
    char mac[VR_NET_MAC_STRLEN], addr[VR_NET_ADDR_STRLEN];

    vrNetMacFormat(lease->mac, mac);
    out->iface = g_strdup(net->def->bridge);
    out->expirytime = lease->expiry_s;
    out->mac = g_strdup(mac);
    out->ipaddr = g_strdup(vrNetAddrFormat(&lease->addr, addr));
    out->prefix = lease->prefix;
    out->hostname = g_strdup(lease->hostname);
    if (lease->addr.family == AF_INET) {
        out->type = VIR_IP_ADDR_TYPE_IPV4;
        out->clientid = g_strdup_printf(VR_SIM_CLIENTID_V4 ":%s", mac);
    } else {
        out->type = VIR_IP_ADDR_TYPE_IPV6;
        out->iaid = g_strdup_printf("%u", (unsigned int)(lease->mac[3] << 16 |
                                                        lease->mac[4] << 8 |
                                                        lease->mac[5]));
        out->clientid = g_strdup_printf(VR_SIM_DUID_LL_PREFIX ":%s", mac);
    }
    return out;
}

static int
vrSimDrvNetworkGetDHCPLeases(virNetworkPtr handle, const char *mac,
                             virNetworkDHCPLeasePtr **leases, unsigned int flags)
{
    unsigned char want[VR_NET_MAC_BYTES];
    vrSimNode *node;
    vrSimNetwork *net;
    GPtrArray *out;
    guint i;
    int n = 0;

    if (vrSimCheckFlags(flags, 0, "testNetworkGetDHCPLeases") < 0)
        return -1;
    if (mac && vrNetMacParse(mac, want) < 0) {
        vrErrorReport(VIR_FROM_NETWORK, VIR_ERR_INVALID_MAC, __FILE__, __func__, __LINE__,
                      "%s", mac);
        return -1;
    }
    if (!(net = vrSimNetAcquire(handle, true, &node)))
        return -1;
    out = g_ptr_array_new();
    for (i = 0; i < net->leases->len; i++) {
        const vrSimLease *lease = &g_array_index(net->leases, vrSimLease, i);

        if (mac && memcmp(want, lease->mac, VR_NET_MAC_BYTES) != 0)
            continue;
        if (leases)
            g_ptr_array_add(out, vrSimNetLeaseExport(net, lease));
        n++;
    }
    vrSimNodeUnlock(node);
    if (leases) {
        g_ptr_array_add(out, NULL);
        *leases = (virNetworkDHCPLeasePtr *)g_ptr_array_free(out, FALSE);
    } else {
        g_ptr_array_free(out, TRUE);
    }
    return n;
}

/* ---- events ---- */

static int
vrSimDrvConnectNetworkEventRegisterAny(virConnectPtr conn, virNetworkPtr net, int eventID,
                                       virConnectNetworkEventGenericCallback cb,
                                       void *opaque, virFreeCallback freecb)
{
    return vrEventStateRegisterNetwork(vrSimNetworkListEvents(vrSimConnNode(conn)->networks),
                                       conn, net, eventID, cb, opaque, freecb);
}

static int
vrSimDrvConnectNetworkEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    return vrEventStateDeregister(vrSimNetworkListEvents(vrSimConnNode(conn)->networks),
                                  conn, callbackID);
}

const vrNetworkDriver vrSimNetworkDriver = {
    .connectNumOfNetworks = vrSimDrvConnectNumOfNetworks,
    .connectListNetworks = vrSimDrvConnectListNetworks,
    .connectNumOfDefinedNetworks = vrSimDrvConnectNumOfDefinedNetworks,
    .connectListDefinedNetworks = vrSimDrvConnectListDefinedNetworks,
    .connectListAllNetworks = vrSimDrvConnectListAllNetworks,
    .networkLookupByName = vrSimDrvNetworkLookupByName,
    .networkLookupByUUID = vrSimDrvNetworkLookupByUUID,
    .networkDefineXMLFlags = vrSimDrvNetworkDefineXMLFlags,
    .networkCreateXMLFlags = vrSimDrvNetworkCreateXMLFlags,
    .networkCreate = vrSimDrvNetworkCreate,
    .networkDestroy = vrSimDrvNetworkDestroy,
    .networkUndefine = vrSimDrvNetworkUndefine,
    .networkUpdate = vrSimDrvNetworkUpdate,
    .networkGetXMLDesc = vrSimDrvNetworkGetXMLDesc,
    .networkGetBridgeName = vrSimDrvNetworkGetBridgeName,
    .networkGetAutostart = vrSimDrvNetworkGetAutostart,
    .networkSetAutostart = vrSimDrvNetworkSetAutostart,
    .networkIsActive = vrSimDrvNetworkIsActive,
    .networkIsPersistent = vrSimDrvNetworkIsPersistent,
    .networkGetDHCPLeases = vrSimDrvNetworkGetDHCPLeases,
    .connectNetworkEventRegisterAny = vrSimDrvConnectNetworkEventRegisterAny,
    .connectNetworkEventDeregisterAny = vrSimDrvConnectNetworkEventDeregisterAny,
};
