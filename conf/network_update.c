/* virNetworkUpdate's section edits on a definition: dhcp hosts and ranges,
 * dns hosts, txt and srv records, forward interfaces and portgroups, with
 * libvirt's matching rules and messages.  Callers work on a copy. */
#include <string.h>
#include <sys/socket.h>

#include "conf/network_priv.h"
#include "conf/domain_device.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_NETWORK

static bool
vrUpdateIsAdd(unsigned int command)
{
    return command == VIR_NETWORK_UPDATE_COMMAND_ADD_FIRST ||
           command == VIR_NETWORK_UPDATE_COMMAND_ADD_LAST;
}

static void
vrUpdateUnknownCommand(unsigned int command)
{
    vrReportError(VIR_ERR_OPERATION_UNSUPPORTED,
                  "unrecognized network update command code %d", (int)command);
}

static int
vrUpdateNoSupport(const vrNetworkDef *def, const char *section)
{
    vrReportError(VIR_ERR_OPERATION_UNSUPPORTED, "can't update '%s' section of network '%s'",
                  section, def->name);
    return -1;
}

static int
vrUpdateCheckElement(const vrNetworkDef *def, xmlNode *node, const char *name)
{
    if (node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, BAD_CAST name))
        return 0;
    vrReportError(VIR_ERR_XML_ERROR, "unexpected element <%s>, expecting <%s>, while "
                  "updating network '%s'", (const char *)node->name, name, def->name);
    return -1;
}

/* Insert elem at the front or the back of arr. */
static void
vrUpdateInsert(GArray *arr, unsigned int command, gconstpointer elem)
{
    if (command == VIR_NETWORK_UPDATE_COMMAND_ADD_FIRST)
        g_array_prepend_vals(arr, elem, 1);
    else
        g_array_append_vals(arr, elem, 1);
}

/* ---- which <ip> ---- */

static vrNetworkIPDef *
vrUpdateIPByIndex(vrNetworkDef *def, int parent_index)
{
    guint i;

    if (parent_index >= 0) {
        if ((guint)parent_index < def->ips->len)
            return &g_array_index(def->ips, vrNetworkIPDef, parent_index);
        vrReportError(VIR_ERR_OPERATION_INVALID, "couldn't update dhcp host entry - no <ip> "
                      "element found at index %d in network '%s'", parent_index, def->name);
        return NULL;
    }
    /* the one <ip> with dhcp, else the first IPv4, else the first IPv6 */
    for (i = 0; i < def->ips->len; i++) {
        vrNetworkIPDef *ip = &g_array_index(def->ips, vrNetworkIPDef, i);

        if (ip->ranges->len || ip->hosts->len)
            return ip;
    }
    for (i = 0; i < def->ips->len * 2; i++) {
        vrNetworkIPDef *ip = &g_array_index(def->ips, vrNetworkIPDef, i % def->ips->len);

        if (ip->address.family == (i < def->ips->len ? AF_INET : AF_INET6))
            return ip;
    }
    vrReportError(VIR_ERR_OPERATION_INVALID, "couldn't update dhcp host entry - no <ip> "
                  "element found in network '%s'", def->name);
    return NULL;
}

static int
vrUpdateCheckMultiDHCP(const vrNetworkDef *def, const vrNetworkIPDef *target)
{
    guint i;

    for (i = 0; i < def->ips->len; i++) {
        const vrNetworkIPDef *ip = &g_array_index(def->ips, vrNetworkIPDef, i);

        if (ip != target && ip->address.family == target->address.family &&
            (ip->ranges->len || ip->hosts->len)) {
            vrReportError(VIR_ERR_OPERATION_INVALID, "dhcp is supported only for a single "
                          "%s address on each network",
                          target->address.family == AF_INET ? "IPv4" : "IPv6");
            return -1;
        }
    }
    return 0;
}

/* ---- dhcp hosts ---- */

/* libvirt's virMacAddrCompare: the same address, however spelled. */
static bool
vrUpdateMacEqual(const char *a, const char *b)
{
    unsigned char ma[VR_MAC_BUFLEN], mb[VR_MAC_BUFLEN];

    if (vrMacParse(a, ma) < 0 || vrMacParse(b, mb) < 0)
        return g_ascii_strcasecmp(a, b) == 0;
    return memcmp(ma, mb, VR_MAC_BUFLEN) == 0;
}

/* Any of mac, ip or name matches (modify and add). */
static bool
vrUpdateHostAnyMatch(const vrNetworkDHCPHost *want, const vrNetworkDHCPHost *have)
{
    return (want->mac && have->mac && vrUpdateMacEqual(want->mac, have->mac)) ||
           vrNetAddrEqual(&want->ip, &have->ip) ||
           (want->name && g_strcmp0(want->name, have->name) == 0);
}

/* Every attribute given matches (delete). */
static bool
vrUpdateHostAllMatch(const vrNetworkDHCPHost *want, const vrNetworkDHCPHost *have)
{
    return (!want->mac || !have->mac || vrUpdateMacEqual(want->mac, have->mac)) &&
           (!want->name || g_strcmp0(want->name, have->name) == 0) &&
           (!vrNetAddrIsValid(&want->ip) || vrNetAddrEqual(&want->ip, &have->ip));
}

static guint
vrUpdateHostFind(const vrNetworkIPDef *ip, const vrNetworkDHCPHost *host, bool all)
{
    guint i;

    for (i = 0; i < ip->hosts->len; i++) {
        const vrNetworkDHCPHost *have = &g_array_index(ip->hosts, vrNetworkDHCPHost, i);

        if (all ? vrUpdateHostAllMatch(host, have) : vrUpdateHostAnyMatch(host, have))
            break;
    }
    return i;
}

static int
vrUpdateDHCPHostApply(vrNetworkDef *def, vrNetworkIPDef *ip, unsigned int command,
                      vrNetworkDHCPHost *host)
{
    char addr[VR_NET_ADDR_STRLEN];
    const char *ipstr = vrNetAddrIsValid(&host->ip) ? vrNetAddrFormat(&host->ip, addr) :
                        "unknown";
    guint i;

    if (command == VIR_NETWORK_UPDATE_COMMAND_MODIFY) {
        if ((i = vrUpdateHostFind(ip, host, false)) == ip->hosts->len) {
            vrReportError(VIR_ERR_OPERATION_INVALID, "couldn't locate an existing dhcp host "
                          "entry with \"mac='%s'\" \"name='%s'\" \"ip='%s'\" in network '%s'",
                          host->mac ? host->mac : "unknown",
                          host->name ? host->name : "(null)", ipstr, def->name);
            return -1;
        }
        vrNetworkDHCPHostClear(&g_array_index(ip->hosts, vrNetworkDHCPHost, i));
        g_array_index(ip->hosts, vrNetworkDHCPHost, i) = *host;
        return 0;
    }
    if (vrUpdateIsAdd(command)) {
        if (vrUpdateCheckMultiDHCP(def, ip) < 0)
            return -1;
        if (vrUpdateHostFind(ip, host, false) < ip->hosts->len) {
            vrReportError(VIR_ERR_OPERATION_INVALID, "there is an existing dhcp host entry "
                          "in network '%s' that matches \"<host mac='%s' name='%s' "
                          "ip='%s'/>\"", def->name, host->mac ? host->mac : "unknown",
                          host->name ? host->name : "(null)", ipstr);
            return -1;
        }
        vrUpdateInsert(ip->hosts, command, host);
        return 0;
    }
    if (command == VIR_NETWORK_UPDATE_COMMAND_DELETE) {
        if ((i = vrUpdateHostFind(ip, host, true)) == ip->hosts->len) {
            vrReportError(VIR_ERR_OPERATION_INVALID, "couldn't locate a matching dhcp host "
                          "entry in network '%s'", def->name);
            return -1;
        }
        g_array_remove_index(ip->hosts, i);
        vrNetworkDHCPHostClear(host);
        return 0;
    }
    vrUpdateUnknownCommand(command);
    return -1;
}

static int
vrUpdateDHCPHost(vrNetworkDef *def, unsigned int command, int parent_index, xmlNode *node)
{
    bool partial = command == VIR_NETWORK_UPDATE_COMMAND_DELETE;
    vrNetworkDHCPHost host;
    vrNetworkIPDef *ip;

    if (vrUpdateCheckElement(def, node, "host") < 0 ||
        !(ip = vrUpdateIPByIndex(def, parent_index)) ||
        vrNetworkDHCPHostParse(def->name, ip, node, &host, partial) < 0)
        return -1;
    if (!partial && ip->address.family != host.ip.family) {
        vrReportError(VIR_ERR_OPERATION_INVALID, "the address family of a host entry IP "
                      "must match the address family of the dhcp element's parent");
        vrNetworkDHCPHostClear(&host);
        return -1;
    }
    if (vrUpdateDHCPHostApply(def, ip, command, &host) < 0) {
        vrNetworkDHCPHostClear(&host);
        return -1;
    }
    return 0;
}

/* ---- dhcp ranges ---- */

static int
vrUpdateDHCPRangeApply(vrNetworkDef *def, vrNetworkIPDef *ip, unsigned int command,
                       vrNetworkDHCPRange *range)
{
    char start[VR_NET_ADDR_STRLEN], end[VR_NET_ADDR_STRLEN];
    guint i;

    for (i = 0; i < ip->ranges->len; i++) {
        const vrNetworkDHCPRange *have = &g_array_index(ip->ranges, vrNetworkDHCPRange, i);

        if (vrNetAddrEqual(&range->start, &have->start) &&
            vrNetAddrEqual(&range->end, &have->end))
            break;
    }
    if (vrUpdateIsAdd(command)) {
        if (vrUpdateCheckMultiDHCP(def, ip) < 0)
            return -1;
        if (i < ip->ranges->len) {
            vrReportError(VIR_ERR_OPERATION_INVALID, "there is an existing dhcp range entry "
                          "in network '%s' that matches \"<range start='%s' end='%s'/>\"",
                          def->name, vrNetAddrFormat(&range->start, start),
                          vrNetAddrFormat(&range->end, end));
            return -1;
        }
        vrUpdateInsert(ip->ranges, command, range);
        return 0;
    }
    if (command == VIR_NETWORK_UPDATE_COMMAND_DELETE) {
        if (i == ip->ranges->len) {
            vrReportError(VIR_ERR_OPERATION_INVALID, "couldn't locate a matching dhcp range "
                          "entry in network '%s'", def->name);
            return -1;
        }
        g_array_remove_index(ip->ranges, i);
        vrNetworkDHCPRangeClear(range);
        return 0;
    }
    vrUpdateUnknownCommand(command);
    return -1;
}

static int
vrUpdateDHCPRange(vrNetworkDef *def, unsigned int command, int parent_index, xmlNode *node)
{
    vrNetworkDHCPRange range;
    vrNetworkIPDef *ip;

    if (vrUpdateCheckElement(def, node, "range") < 0 ||
        !(ip = vrUpdateIPByIndex(def, parent_index)))
        return -1;
    if (command == VIR_NETWORK_UPDATE_COMMAND_MODIFY) {
        vrReportError(VIR_ERR_OPERATION_UNSUPPORTED,
                      "dhcp ranges cannot be modified, only added or deleted");
        return -1;
    }
    if (vrNetworkDHCPRangeParse(def->name, ip, node, &range) < 0)
        return -1;
    if (ip->address.family != range.start.family) {
        vrReportError(VIR_ERR_OPERATION_INVALID, "the address family of a dhcp range must "
                      "match the address family of the dhcp element's parent");
        vrNetworkDHCPRangeClear(&range);
        return -1;
    }
    if (vrUpdateDHCPRangeApply(def, ip, command, &range) < 0) {
        vrNetworkDHCPRangeClear(&range);
        return -1;
    }
    return 0;
}

/* ---- forward interfaces ---- */

static int
vrUpdateForwardInterface(vrNetworkDef *def, unsigned int command, xmlNode *node)
{
    vrNetworkForwardIf iface = { .type = VR_NETWORK_FORWARD_IF_NETDEV };
    GArray *ifs = def->forward.ifs;
    guint i;

    if (vrUpdateCheckElement(def, node, "interface") < 0)
        return -1;
    if (command == VIR_NETWORK_UPDATE_COMMAND_MODIFY) {
        vrReportError(VIR_ERR_OPERATION_UNSUPPORTED, "forward interface entries cannot be "
                      "modified, only added or deleted");
        return -1;
    }
    if (!(iface.dev = vrXMLProp(node, "dev"))) {
        vrReportError(VIR_ERR_XML_ERROR, "missing dev attribute in <interface> element");
        return -1;
    }
    for (i = 0; i < ifs->len; i++) {
        const vrNetworkForwardIf *have = &g_array_index(ifs, vrNetworkForwardIf, i);

        if (have->type == VR_NETWORK_FORWARD_IF_NETDEV && strcmp(have->dev, iface.dev) == 0)
            break;
    }
    if (vrUpdateIsAdd(command) && i < ifs->len) {
        vrReportError(VIR_ERR_OPERATION_INVALID, "there is an existing interface entry in "
                      "network '%s' that matches \"<interface dev='%s'>\"",
                      def->name, iface.dev);
    } else if (vrUpdateIsAdd(command)) {
        vrUpdateInsert(ifs, command, &iface);
        return 0;
    } else if (command == VIR_NETWORK_UPDATE_COMMAND_DELETE && i == ifs->len) {
        vrReportError(VIR_ERR_OPERATION_INVALID, "couldn't find an interface entry in "
                      "network '%s' matching <interface dev='%s'>", def->name, iface.dev);
    } else if (command == VIR_NETWORK_UPDATE_COMMAND_DELETE) {
        g_array_remove_index(ifs, i);
        g_free(iface.dev);
        return 0;
    } else {
        vrUpdateUnknownCommand(command);
    }
    g_free(iface.dev);
    return -1;
}

/* ---- dns ---- */

/* The start of libvirt's messages for a failed DNS record edit; each goes
 * on with " in network NAME". */
typedef struct {
    const char *exists;         /* adding a record that matches one */
    const char *none;           /* deleting: no record matches */
    const char *many;           /* deleting: more than one matches */
} vrUpdateDNSMsgs;

/* DNS records are added or deleted, never modified; node is <element>.
 * kind names the record in the refusal ("HOST", "SRV", "TXT"). */
static int
vrUpdateDNSCheck(const vrNetworkDef *def, unsigned int command, xmlNode *node,
                 const char *kind, const char *element)
{
    if (command == VIR_NETWORK_UPDATE_COMMAND_MODIFY) {
        vrReportError(VIR_ERR_OPERATION_UNSUPPORTED,
                      "DNS %s records cannot be modified, only added or deleted", kind);
        return -1;
    }
    return vrUpdateCheckElement(def, node, element);
}

/* Add rec to arr unless found records match it, or delete the one record
 * that matches (the last match is at idx) and clear rec.  On success arr
 * owns what rec held. */
static int
vrUpdateDNSEdit(const vrNetworkDef *def, unsigned int command, GArray *arr, gpointer rec,
                GDestroyNotify clear, int found, int idx, const vrUpdateDNSMsgs *msgs)
{
    if (vrUpdateIsAdd(command)) {
        if (found) {
            vrReportError(VIR_ERR_OPERATION_INVALID, "%s in network %s", msgs->exists,
                          def->name);
            return -1;
        }
        vrUpdateInsert(arr, command, rec);
        return 0;
    }
    if (command != VIR_NETWORK_UPDATE_COMMAND_DELETE) {
        vrUpdateUnknownCommand(command);
        return -1;
    }
    if (found != 1) {
        vrReportError(VIR_ERR_OPERATION_INVALID, "%s in network %s",
                      found ? msgs->many : msgs->none, def->name);
        return -1;
    }
    g_array_remove_index(arr, (guint)idx);
    clear(rec);
    return 0;
}

static int
vrUpdateDNSHostApply(vrNetworkDef *def, unsigned int command, vrNetworkDNSHost *host)
{
    static const vrUpdateDNSMsgs msgs = {
        .exists = "there is already at least one DNS HOST record with a matching field",
        .none = "couldn't locate a matching DNS HOST record",
        .many = "multiple matching DNS HOST records were found",
    };
    GArray *hosts = def->dns.hosts;
    guint i, j, k;
    int found = 0, idx = -1;

    for (i = 0; i < hosts->len; i++) {
        const vrNetworkDNSHost *have = &g_array_index(hosts, vrNetworkDNSHost, i);
        bool match = vrNetAddrEqual(&host->ip, &have->ip);

        /* adding checks addresses only: many addresses per name is fine */
        for (j = 0; !vrUpdateIsAdd(command) && !match && j < host->names->len; j++) {
            for (k = 0; !match && k < have->names->len; k++)
                match = strcmp(g_ptr_array_index(host->names, j),
                               g_ptr_array_index(have->names, k)) == 0;
        }
        if (match) {
            found++;
            idx = (int)i;
        }
    }
    return vrUpdateDNSEdit(def, command, hosts, host, vrNetworkDNSHostClear, found, idx,
                           &msgs);
}

static int
vrUpdateDNSHost(vrNetworkDef *def, unsigned int command, xmlNode *node)
{
    vrNetworkDNSHost host;

    if (vrUpdateDNSCheck(def, command, node, "HOST", "host") < 0 ||
        vrNetworkDNSHostParse(def->name, node, &host, !vrUpdateIsAdd(command)) < 0)
        return -1;
    if (vrUpdateDNSHostApply(def, command, &host) < 0) {
        vrNetworkDNSHostClear(&host);
        return -1;
    }
    return 0;
}

static bool
vrUpdateSrvMatch(const vrNetworkDNSSrv *want, const vrNetworkDNSSrv *have)
{
    return (!want->domain || g_strcmp0(want->domain, have->domain) == 0) &&
           (!want->service || g_strcmp0(want->service, have->service) == 0) &&
           (!want->protocol || g_strcmp0(want->protocol, have->protocol) == 0) &&
           (!want->target || g_strcmp0(want->target, have->target) == 0);
}

static int
vrUpdateDNSSrvApply(vrNetworkDef *def, unsigned int command, vrNetworkDNSSrv *srv)
{
    static const vrUpdateDNSMsgs msgs = {
        .exists = "there is already at least one DNS SRV record matching all specified fields",
        .none = "couldn't locate a matching DNS SRV record",
        .many = "multiple DNS SRV records matching all specified fields were found",
    };
    GArray *srvs = def->dns.srvs;
    guint i;
    int found = 0, idx = -1;

    for (i = 0; i < srvs->len; i++) {
        if (vrUpdateSrvMatch(srv, &g_array_index(srvs, vrNetworkDNSSrv, i))) {
            found++;
            idx = (int)i;
        }
    }
    return vrUpdateDNSEdit(def, command, srvs, srv, vrNetworkDNSSrvClear, found, idx, &msgs);
}

static int
vrUpdateDNSSrv(vrNetworkDef *def, unsigned int command, xmlNode *node)
{
    vrNetworkDNSSrv srv;

    if (vrUpdateDNSCheck(def, command, node, "SRV", "srv") < 0 ||
        vrNetworkDNSSrvParse(def->name, node, &srv, !vrUpdateIsAdd(command)) < 0)
        return -1;
    if (vrUpdateDNSSrvApply(def, command, &srv) < 0) {
        vrNetworkDNSSrvClear(&srv);
        return -1;
    }
    return 0;
}

static int
vrUpdateDNSTxtApply(vrNetworkDef *def, unsigned int command, vrNetworkDNSTxt *txt)
{
    /* the first record of that name: names are unique, adding refuses a second */
    static const vrUpdateDNSMsgs msgs = {
        .none = "couldn't locate a matching DNS TXT record",
    };
    GArray *txts = def->dns.txts;
    guint i;

    for (i = 0; i < txts->len; i++) {
        if (strcmp(txt->name, g_array_index(txts, vrNetworkDNSTxt, i).name) == 0)
            break;
    }
    if (vrUpdateIsAdd(command) && i < txts->len) {
        vrReportError(VIR_ERR_OPERATION_INVALID, "there is already a DNS TXT record with "
                      "name '%s' in network %s", txt->name, def->name);
        return -1;
    }
    return vrUpdateDNSEdit(def, command, txts, txt, vrNetworkDNSTxtClear, i < txts->len,
                           (int)i, &msgs);
}

static int
vrUpdateDNSTxt(vrNetworkDef *def, unsigned int command, xmlNode *node)
{
    vrNetworkDNSTxt txt;

    if (vrUpdateDNSCheck(def, command, node, "TXT", "txt") < 0 ||
        vrNetworkDNSTxtParse(def->name, node, &txt, !vrUpdateIsAdd(command)) < 0)
        return -1;
    if (vrUpdateDNSTxtApply(def, command, &txt) < 0) {
        vrNetworkDNSTxtClear(&txt);
        return -1;
    }
    return 0;
}

/* ---- dispatch ---- */

static int
vrUpdateDispatch(vrNetworkDef *def, unsigned int command, unsigned int section,
                 int parent_index, xmlNode *node)
{
    switch (section) {
    case VIR_NETWORK_SECTION_BRIDGE:
        return vrUpdateNoSupport(def, "bridge");
    case VIR_NETWORK_SECTION_DOMAIN:
        return vrUpdateNoSupport(def, "domain");
    case VIR_NETWORK_SECTION_IP:
        return vrUpdateNoSupport(def, "ip");
    case VIR_NETWORK_SECTION_IP_DHCP_HOST:
        return vrUpdateDHCPHost(def, command, parent_index, node);
    case VIR_NETWORK_SECTION_IP_DHCP_RANGE:
        return vrUpdateDHCPRange(def, command, parent_index, node);
    case VIR_NETWORK_SECTION_FORWARD:
        return vrUpdateNoSupport(def, "forward");
    case VIR_NETWORK_SECTION_FORWARD_INTERFACE:
        return vrUpdateForwardInterface(def, command, node);
    case VIR_NETWORK_SECTION_FORWARD_PF:
        return vrUpdateNoSupport(def, "forward pf");
    case VIR_NETWORK_SECTION_PORTGROUP:
        if (vrUpdateCheckElement(def, node, "portgroup") < 0)
            return -1;
        return vrNetworkExtraUpdatePortGroup(def, command, node);
    case VIR_NETWORK_SECTION_DNS_HOST:
        return vrUpdateDNSHost(def, command, node);
    case VIR_NETWORK_SECTION_DNS_TXT:
        return vrUpdateDNSTxt(def, command, node);
    case VIR_NETWORK_SECTION_DNS_SRV:
        return vrUpdateDNSSrv(def, command, node);
    default:
        vrReportError(VIR_ERR_OPERATION_UNSUPPORTED,
                      "can't update unrecognized section of network");
        return -1;
    }
}

int
vrNetworkDefUpdateSection(vrNetworkDef *def, unsigned int command, unsigned int section,
                          int parent_index, const char *xml)
{
    g_autoptr(vrNetworkDef) work = vrNetworkDefCopy(def);
    g_autoptr(vrNetworkDef) check = NULL;
    xmlDoc *doc;
    int rc;

    if (!(doc = vrNetworkXMLParse(xml, VR_NETWORK_UPDATE_URL, NULL)))
        return -1;
    rc = vrUpdateDispatch(work, command, section, parent_index, xmlDocGetRootElement(doc));
    xmlFreeDoc(doc);
    if (rc < 0)
        return -1;
    /* A final format/parse cycle catches anything the edit made invalid. */
    if (!(check = vrNetworkDefReparse(work)))
        return -1;
    /* def takes the edited contents; work takes the old ones and frees them */
    {
        vrNetworkDef tmp = *def;

        *def = *work;
        *work = tmp;
    }
    return 0;
}
