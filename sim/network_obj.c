/* Simulated networks: the node's list with libvirt's name/UUID rules, live
 * and persistent definitions, node-file loading (with libvirt's network
 * 'default' on the default node) and deterministic DHCP leases. */
#include "sim/network_obj.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>

#include "conf/xml_util.h"
#include "util/error.h"
#include "util/file.h"
#include "util/uuid.h"

#define VR_FROM_THIS VIR_FROM_NETWORK

#define VR_SIM_NS_PER_S 1000000000ULL
#define VR_SIM_SECONDS_PER_MINUTE 60ULL
#define VR_SIM_SECONDS_PER_HOUR 3600ULL

/* libvirt's test:///default network, as `net-dumpxml default` shows it. */
static const char vrSimDefaultNetworkXML[] =
    "<network>\n"
    "  <name>default</name>\n"
    "  <uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid>\n"
    "  <forward mode='nat'/>\n"
    "  <bridge name='virbr0' stp='on' delay='0'/>\n"
    "  <ip address='192.168.122.1' netmask='255.255.255.0'>\n"
    "    <dhcp>\n"
    "      <range start='192.168.122.2' end='192.168.122.254'/>\n"
    "    </dhcp>\n"
    "  </ip>\n"
    "</network>\n";

struct vrSimNetworkList {
    GHashTable *by_uuid;          /* uuid bytes -> vrSimNetwork * (owns) */
    GHashTable *by_name;          /* name -> vrSimNetwork * */
    vrEventState *events;         /* network callbacks (self-locking) */
};

static guint
vrSimUUIDHash(gconstpointer key)
{
    const unsigned char *uuid = key;
    guint h = 5381;
    size_t i;

    for (i = 0; i < VIR_UUID_BUFLEN; i++)
        h = h * 33 + uuid[i];
    return h;
}

static gboolean
vrSimUUIDEqual(gconstpointer a, gconstpointer b)
{
    return memcmp(a, b, VIR_UUID_BUFLEN) == 0;
}

static void
vrSimLeaseClear(gpointer data)
{
    vrSimLease *lease = data;

    g_clear_pointer(&lease->hostname, g_free);
}

static void
vrSimNetworkFree(gpointer data)
{
    vrSimNetwork *net = data;

    vrNetworkDefFree(net->def);
    vrNetworkDefFree(net->new_def);
    g_array_unref(net->leases);
    g_free(net->name);
    g_free(net);
}

vrSimNetworkList *
vrSimNetworkListNew(void)
{
    vrSimNetworkList *list = g_new0(vrSimNetworkList, 1);

    list->by_uuid = g_hash_table_new_full(vrSimUUIDHash, vrSimUUIDEqual, NULL,
                                          vrSimNetworkFree);
    list->by_name = g_hash_table_new(g_str_hash, g_str_equal);
    list->events = vrEventStateNew();
    return list;
}

void
vrSimNetworkListFree(vrSimNetworkList *list)
{
    if (!list)
        return;
    vrEventStateFree(list->events);
    g_hash_table_unref(list->by_name);
    g_hash_table_unref(list->by_uuid);
    g_free(list);
}

vrEventState *
vrSimNetworkListEvents(vrSimNetworkList *list)
{
    return list->events;
}

vrSimNetwork *
vrSimNetworkFindByName(vrSimNetworkList *list, const char *name)
{
    return g_hash_table_lookup(list->by_name, name);
}

vrSimNetwork *
vrSimNetworkFindByUUID(vrSimNetworkList *list, const unsigned char *uuid)
{
    return g_hash_table_lookup(list->by_uuid, uuid);
}

static gint
vrSimNetworkCompare(gconstpointer a, gconstpointer b)
{
    const vrSimNetwork *x = *(vrSimNetwork *const *)a;
    const vrSimNetwork *y = *(vrSimNetwork *const *)b;

    return strcmp(x->name, y->name);
}

GPtrArray *
vrSimNetworkListSorted(vrSimNetworkList *list)
{
    GPtrArray *out = g_ptr_array_new();
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init(&iter, list->by_uuid);
    while (g_hash_table_iter_next(&iter, NULL, &value))
        g_ptr_array_add(out, value);
    g_ptr_array_sort(out, vrSimNetworkCompare);
    return out;
}

/* ---- definitions ---- */

/* libvirt's virNetworkObjUpdateAssignDef for an existing network. */
static void
vrSimNetworkAssign(vrSimNetwork *net, vrNetworkDef *def, bool live)
{
    if (live) {
        /* keep the persistent definition to return to */
        if (net->persistent && !net->new_def)
            net->new_def = net->def;
        else
            vrNetworkDefFree(net->def);
        net->def = def;
        return;
    }
    vrNetworkDefFree(net->new_def);
    net->new_def = NULL;
    if (net->active) {
        net->new_def = def;
    } else {
        vrNetworkDefFree(net->def);
        net->def = def;
    }
    net->persistent = true;
}

/* The name/UUID rules of virNetworkObjAssignDef. */
static int
vrSimNetworkCheckIdentity(vrSimNetworkList *list, const vrNetworkDef *def,
                          unsigned int flags, vrSimNetwork **existing)
{
    char uuid[VIR_UUID_STRING_BUFLEN];
    vrSimNetwork *net;

    if ((net = vrSimNetworkFindByUUID(list, def->uuid))) {
        if (strcmp(net->name, def->name) != 0) {
            vrReportError(VIR_ERR_OPERATION_FAILED,
                          "network '%s' is already defined with uuid %s",
                          net->name, vrUUIDFormat(net->uuid, uuid));
            return -1;
        }
        if ((flags & VR_SIM_NETWORK_ADD_CHECK_LIVE) && net->active) {
            vrReportError(VIR_ERR_OPERATION_INVALID, "network is already active as '%s'",
                          net->name);
            return -1;
        }
    } else if ((net = vrSimNetworkFindByName(list, def->name))) {
        vrReportError(VIR_ERR_OPERATION_FAILED, "network '%s' already exists with uuid %s",
                      def->name, vrUUIDFormat(net->uuid, uuid));
        return -1;
    }
    *existing = net;
    return 0;
}

int
vrSimNetworkListCheckAdd(vrSimNetworkList *list, const vrNetworkDef *def,
                         unsigned int flags)
{
    vrSimNetwork *net = NULL;

    if (vrSimNetworkCheckIdentity(list, def, flags, &net) < 0)
        return -1;
    if (!net && g_hash_table_size(list->by_uuid) >= VR_SIM_NETWORKS_MAX) {
        vrReportError(VIR_ERR_OPERATION_FAILED, "too many networks (limit %d)",
                      VR_SIM_NETWORKS_MAX);
        return -1;
    }
    return 0;
}

vrSimNetwork *
vrSimNetworkListAdd(vrSimNetworkList *list, vrNetworkDef *def, unsigned int flags)
{
    vrSimNetwork *net = NULL;

    if (vrSimNetworkCheckIdentity(list, def, flags, &net) < 0)
        return NULL;
    if (net) {
        vrSimNetworkAssign(net, def, (flags & VR_SIM_NETWORK_ADD_LIVE) != 0);
        return net;
    }
    if (g_hash_table_size(list->by_uuid) >= VR_SIM_NETWORKS_MAX) {
        vrReportError(VIR_ERR_OPERATION_FAILED, "too many networks (limit %d)",
                      VR_SIM_NETWORKS_MAX);
        return NULL;
    }
    net = g_new0(vrSimNetwork, 1);
    net->name = g_strdup(def->name);
    memcpy(net->uuid, def->uuid, VIR_UUID_BUFLEN);
    net->def = def;
    net->persistent = !(flags & VR_SIM_NETWORK_ADD_LIVE);
    net->leases = g_array_new(FALSE, TRUE, sizeof(vrSimLease));
    g_array_set_clear_func(net->leases, vrSimLeaseClear);
    g_hash_table_insert(list->by_uuid, net->uuid, net);
    g_hash_table_insert(list->by_name, net->name, net);
    return net;
}

void
vrSimNetworkListRemove(vrSimNetworkList *list, vrSimNetwork *net)
{
    g_hash_table_remove(list->by_name, net->name);
    g_hash_table_remove(list->by_uuid, net->uuid);
}

void
vrSimNetworkStart(vrSimNetwork *net)
{
    if (net->persistent && !net->new_def)
        net->new_def = vrNetworkDefCopy(net->def);
    net->active = true;
}

void
vrSimNetworkStop(vrSimNetwork *net)
{
    g_array_set_size(net->leases, 0);
    if (net->new_def) {
        vrNetworkDefFree(net->def);
        net->def = g_steal_pointer(&net->new_def);
    }
    net->active = false;
}

/* ---- node files ---- */

static int
vrSimNetworkLoad(vrSimNetworkList *list, xmlNode *el)
{
    vrNetworkDef *def;
    vrSimNetwork *net;

    if (!(def = vrNetworkDefParseNode(el)))
        return -1;
    if (!(net = vrSimNetworkListAdd(list, def, 0))) {
        vrNetworkDefFree(def);
        return -1;
    }
    if (!net->active)
        vrSimNetworkStart(net);
    return 0;
}

/* A <network file='x'/> is relative to the node file's directory. */
static int
vrSimNetworkLoadFile(vrSimNetworkList *list, const char *node_file, const char *file)
{
    g_autofree char *dir = g_path_get_dirname(node_file);
    g_autofree char *path = g_path_is_absolute(file) ? g_strdup(file) :
                            g_build_filename(dir, file, NULL);
    g_autofree char *data = NULL;
    xmlDoc *doc;
    int rc;

    if (access(path, R_OK) < 0) {
        vrErrorReport(VIR_FROM_TEST, VIR_ERR_XML_ERROR, __FILE__, __func__, __LINE__,
                      "failed to parse xml document '%s': %s", path, g_strerror(errno));
        return -1;
    }
    if (vrFileReadAll(path, VR_XML_MAX_BYTES, &data, NULL) < 0 ||
        !(doc = vrXMLParseString(data, path, "network")))
        return -1;
    rc = vrSimNetworkLoad(list, xmlDocGetRootElement(doc));
    xmlFreeDoc(doc);
    return rc;
}

int
vrSimNetworkListParseNode(vrSimNetworkList *list, const char *file, xmlNode *root)
{
    xmlNode *cur;
    int count = 0;

    if (!file) {
        xmlDoc *doc = vrXMLParseString(vrSimDefaultNetworkXML, "(test driver)", "network");
        int rc;

        g_assert(doc);
        rc = vrSimNetworkLoad(list, xmlDocGetRootElement(doc));
        xmlFreeDoc(doc);
        if (rc < 0)
            return -1;
    }
    for (cur = root->children; cur; cur = cur->next) {
        g_autofree char *ext = NULL;
        int rc;

        if (!vrXMLIsElement(cur, "network"))
            continue;
        if (++count > VR_SIM_NETWORKS_MAX) {
            vrErrorReport(VIR_FROM_TEST, VIR_ERR_XML_ERROR, __FILE__, __func__, __LINE__,
                          "node file '%s' has more than %d networks", file,
                          VR_SIM_NETWORKS_MAX);
            return -1;
        }
        if (file && (ext = vrXMLProp(cur, "file")))
            rc = vrSimNetworkLoadFile(list, file, ext);
        else
            rc = vrSimNetworkLoad(list, cur);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* ---- DHCP leases ---- */

static unsigned long long
vrSimLeaseSeconds(const vrNetworkLeaseTime *lease)
{
    if (!lease)
        return VR_SIM_LEASE_DEFAULT_SECONDS;
    switch (lease->unit) {
    case VR_NETWORK_LEASE_UNIT_SECONDS:
        return lease->expiry;
    case VR_NETWORK_LEASE_UNIT_HOURS:
        return lease->expiry * VR_SIM_SECONDS_PER_HOUR;
    default:
        return lease->expiry * VR_SIM_SECONDS_PER_MINUTE;
    }
}

static long long
vrSimLeaseExpiry(unsigned long long duration_s, guint64 now_s)
{
    return duration_s ? (long long)(now_s + duration_s) : 0;
}

/* Whether the domain that got lease still runs (the same run) with that
 * interface on net. */
static bool
vrSimLeaseIsCurrent(vrSimNode *node, const vrSimNetwork *net, const vrSimLease *lease)
{
    vrSimDomain *dom = vrSimDomainListFindByUUID(node->domains, lease->dom_uuid);
    g_autoptr(GArray) ifaces = NULL;
    guint i;

    if (!dom || !vrSimDomainIsActive(dom) || dom->def->id != lease->dom_id)
        return false;
    ifaces = vrDomainDefNetworkIfaces(dom->def);
    for (i = 0; i < ifaces->len; i++) {
        const vrDomainNetworkIface *iface = &g_array_index(ifaces, vrDomainNetworkIface, i);

        if (strcmp(iface->network, net->name) == 0 &&
            memcmp(iface->mac, lease->mac, VR_NET_MAC_BYTES) == 0)
            return true;
    }
    return false;
}

/* Drop stale leases; a running client renews an expired one. */
static void
vrSimLeasesPrune(vrSimNode *node, vrSimNetwork *net, guint64 now_s)
{
    guint i = 0;

    while (i < net->leases->len) {
        vrSimLease *lease = &g_array_index(net->leases, vrSimLease, i);

        if (!vrSimLeaseIsCurrent(node, net, lease)) {
            vrSimTraceAdd(node->trace, "lease", "%s released %s", net->name,
                          lease->hostname);
            g_array_remove_index(net->leases, i);
            continue;
        }
        if (lease->expiry_s && (guint64)lease->expiry_s <= now_s)
            lease->expiry_s = vrSimLeaseExpiry(lease->duration_s, now_s);
        i++;
    }
}

static vrSimLease *
vrSimLeaseFind(vrSimNetwork *net, const vrSimDomain *dom, const unsigned char *mac,
               int family)
{
    guint i;

    for (i = 0; i < net->leases->len; i++) {
        vrSimLease *lease = &g_array_index(net->leases, vrSimLease, i);

        if (memcmp(lease->dom_uuid, dom->uuid, VIR_UUID_BUFLEN) == 0 &&
            memcmp(lease->mac, mac, VR_NET_MAC_BYTES) == 0 && lease->addr.family == family)
            return lease;
    }
    return NULL;
}

/* The static <host> for this client: by MAC for IPv4, by name for IPv6. */
static const vrNetworkDHCPHost *
vrSimLeaseStaticHost(const vrNetworkIPDef *ip, const unsigned char *mac, const char *name)
{
    guint i;

    for (i = 0; i < ip->hosts->len; i++) {
        const vrNetworkDHCPHost *host = &g_array_index(ip->hosts, vrNetworkDHCPHost, i);
        unsigned char hmac[VR_NET_MAC_BYTES];

        if (!vrNetAddrIsValid(&host->ip))
            continue;
        if (ip->address.family == AF_INET && host->mac &&
            vrNetMacParse(host->mac, hmac) == 0 && memcmp(hmac, mac, VR_NET_MAC_BYTES) == 0)
            return host;
        if (ip->address.family == AF_INET6 && host->name && strcmp(host->name, name) == 0)
            return host;
    }
    return NULL;
}

/* Whether addr is taken: the network's own address, a static host's, or
 * another lease's. */
static bool
vrSimLeaseAddrTaken(const vrSimNetwork *net, const vrNetworkIPDef *ip, const vrNetAddr *addr)
{
    guint i;

    if (vrNetAddrEqual(addr, &ip->address))
        return true;
    for (i = 0; i < ip->hosts->len; i++) {
        if (vrNetAddrEqual(addr, &g_array_index(ip->hosts, vrNetworkDHCPHost, i).ip))
            return true;
    }
    for (i = 0; i < net->leases->len; i++) {
        if (vrNetAddrEqual(addr, &g_array_index(net->leases, vrSimLease, i).addr))
            return true;
    }
    return false;
}

/* The first free address of ip's ranges, in order; false when all taken. */
static bool
vrSimLeaseFreeAddr(const vrSimNetwork *net, const vrNetworkIPDef *ip, vrNetAddr *out,
                   const vrNetworkLeaseTime **lease)
{
    guint i;

    for (i = 0; i < ip->ranges->len; i++) {
        const vrNetworkDHCPRange *range = &g_array_index(ip->ranges, vrNetworkDHCPRange, i);
        vrNetAddr addr = range->start;

        while (vrNetAddrCompare(&addr, &range->end) <= 0) {
            if (!vrSimLeaseAddrTaken(net, ip, &addr)) {
                *out = addr;
                *lease = range->lease;
                return true;
            }
            if (vrNetAddrEqual(&addr, &range->end))
                break;
            vrNetAddrIncrement(&addr);
        }
    }
    return false;
}

/* Hand dom's interface mac a lease from ip, if it has none. */
static void
vrSimLeaseAssign(vrSimNode *node, vrSimNetwork *net, const vrNetworkIPDef *ip,
                 const vrSimDomain *dom, const unsigned char *mac, guint64 now_s)
{
    const vrNetworkDHCPHost *host = vrSimLeaseStaticHost(ip, mac, dom->name);
    const vrNetworkLeaseTime *time = NULL;
    char text[VR_NET_ADDR_STRLEN];
    vrSimLease lease = { 0 };

    if (vrSimLeaseFind(net, dom, mac, ip->address.family) ||
        net->leases->len >= VR_SIM_LEASES_MAX)
        return;
    if (host) {
        lease.addr = host->ip;
        time = host->lease;
    } else if (!vrSimLeaseFreeAddr(net, ip, &lease.addr, &time)) {
        vrSimTraceAdd(node->trace, "lease", "%s exhausted for %s", net->name, dom->name);
        return;
    }
    memcpy(lease.dom_uuid, dom->uuid, VIR_UUID_BUFLEN);
    lease.dom_id = dom->def->id;
    memcpy(lease.mac, mac, VR_NET_MAC_BYTES);
    lease.prefix = (unsigned int)MAX(vrNetworkIPDefPrefix(ip), 0);
    lease.hostname = g_strdup(host && host->name ? host->name : dom->name);
    lease.duration_s = vrSimLeaseSeconds(time);
    lease.expiry_s = vrSimLeaseExpiry(lease.duration_s, now_s);
    g_array_append_val(net->leases, lease);
    vrSimTraceAdd(node->trace, "lease", "%s %s %s", net->name, dom->name,
                  vrNetAddrFormat(&lease.addr, text));
}

/* The first <ip> of family that serves DHCP. */
static const vrNetworkIPDef *
vrSimLeaseIP(const vrNetworkDef *def, int family)
{
    guint i;

    for (i = 0; i < def->ips->len; i++) {
        const vrNetworkIPDef *ip = &g_array_index(def->ips, vrNetworkIPDef, i);

        if (ip->address.family == family && (ip->ranges->len || ip->hosts->len))
            return ip;
    }
    return NULL;
}

static void
vrSimLeasesForDomain(vrSimNode *node, const vrSimDomain *dom, guint64 now_s)
{
    g_autoptr(GArray) ifaces = vrDomainDefNetworkIfaces(dom->def);
    static const int families[] = { AF_INET, AF_INET6 };
    guint i;
    size_t f;

    for (i = 0; i < ifaces->len; i++) {
        const vrDomainNetworkIface *iface = &g_array_index(ifaces, vrDomainNetworkIface, i);
        vrSimNetwork *net = vrSimNetworkFindByName(node->networks, iface->network);

        if (!net || !net->active)
            continue;
        for (f = 0; f < G_N_ELEMENTS(families); f++) {
            const vrNetworkIPDef *ip = vrSimLeaseIP(net->def, families[f]);

            if (ip)
                vrSimLeaseAssign(node, net, ip, dom, iface->mac, now_s);
        }
    }
}

void
vrSimNetworkLeasesSync(vrSimNode *node)
{
    g_autoptr(GPtrArray) nets = vrSimNetworkListSorted(node->networks);
    g_autoptr(GPtrArray) doms = vrSimDomainListSorted(node->domains);
    /* lease expiry times are calendar times, as dnsmasq reports them */
    guint64 now_s = VR_SIM_CLOCK_WALL_EPOCH_S + vrSimNodeNow(node) / VR_SIM_NS_PER_S;
    guint i;

    for (i = 0; i < nets->len; i++) {
        vrSimNetwork *net = g_ptr_array_index(nets, i);

        if (net->active)
            vrSimLeasesPrune(node, net, now_s);
    }
    /* active domains come first, by id: the order they started in */
    for (i = 0; i < doms->len; i++) {
        const vrSimDomain *dom = g_ptr_array_index(doms, i);

        if (!vrSimDomainIsActive(dom))
            break;
        vrSimLeasesForDomain(node, dom, now_s);
    }
}
