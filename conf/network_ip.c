/* <ip> of a network: address, netmask or prefix, and its <dhcp> ranges,
 * static hosts, lease times, tftp and bootp, with libvirt's checks and
 * messages, in libvirt's order. */
#include <string.h>
#include <sys/socket.h>

#include "conf/network_priv.h"
#include "conf/domain_device.h"
#include "util/error.h"

#define VR_FROM_THIS VIR_FROM_NETWORK

#define VR_NET_V4_PREFIX_MAX 32
#define VR_NET_V6_PREFIX_MAX 128
#define VR_LEASE_MIN_SECONDS 120      /* dnsmasq's minimum lease */
#define VR_LEASE_MIN_MINUTES 2
#define VR_IP_LEVEL (VR_NETWORK_LEVEL)

VR_ENUM_DECL(vrNetworkLeaseUnit);
VR_ENUM_IMPL(vrNetworkLeaseUnit, VR_NETWORK_LEASE_UNIT_LAST,
             "seconds", "minutes", "hours")

/* ---- lease times ---- */

static int
vrNetworkLeaseParse(xmlNode *parent, vrNetworkLeaseTime **out)
{
    xmlNode *node = vrXMLChild(parent, "lease");
    unsigned long long expiry = 0;
    int unit = VR_NETWORK_LEASE_UNIT_MINUTES;
    int rc;

    if (!node)
        return 0;
    if ((rc = vrXMLPropULongLong(node, "expiry", 0, VR_XML_PROP_NONE, &expiry)) <= 0)
        return rc;
    if (vrXMLPropEnum(node, "unit", vrNetworkLeaseUnitFromString,
                      VR_XML_PROP_NONE, &unit) < 0)
        return -1;
    if (expiry > 0 &&
        ((unit == VR_NETWORK_LEASE_UNIT_SECONDS && expiry < VR_LEASE_MIN_SECONDS) ||
         (unit == VR_NETWORK_LEASE_UNIT_MINUTES && expiry < VR_LEASE_MIN_MINUTES))) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "The minimum lease time should be greater than 2 minutes");
        return -1;
    }
    *out = g_new0(vrNetworkLeaseTime, 1);
    (*out)->expiry = expiry;
    (*out)->unit = unit;
    return 0;
}

/* Close an element that may carry a <lease> child. */
static void
vrNetworkLeaseFormat(GString *buf, int level, const char *element,
                     const vrNetworkLeaseTime *lease)
{
    if (!lease) {
        g_string_append(buf, "/>\n");
        return;
    }
    g_string_append(buf, ">\n");
    vrBufIndent(buf, level + 1);
    if (!lease->expiry)
        g_string_append(buf, "<lease expiry='0'/>\n");
    else
        vrBufPrintf(buf, "<lease expiry='%llu' unit='%s'/>\n", lease->expiry,
                    vrNetworkLeaseUnitToString(lease->unit));
    vrBufIndent(buf, level);
    vrBufPrintf(buf, "</%s>\n", element);
}

/* ---- <range> and <host> ---- */

void
vrNetworkDHCPRangeClear(gpointer data)
{
    vrNetworkDHCPRange *range = data;

    g_clear_pointer(&range->lease, g_free);
}

void
vrNetworkDHCPHostClear(gpointer data)
{
    vrNetworkDHCPHost *host = data;

    g_clear_pointer(&host->mac, g_free);
    g_clear_pointer(&host->id, g_free);
    g_clear_pointer(&host->name, g_free);
    g_clear_pointer(&host->lease, g_free);
}

/* A range endpoint attribute: required, then a numeric address. */
static int
vrNetworkRangeAddr(const char *net_name, xmlNode *node, const char *attr,
                   vrNetAddr *addr)
{
    g_autofree char *str = vrXMLProp(node, attr);

    if (!str) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "Missing '%s' attribute in dhcp range for network '%s'",
                      attr, net_name);
        return -1;
    }
    return vrNetAddrParseReport(str, addr);
}

int
vrNetworkDHCPRangeParse(const char *net_name, const vrNetworkIPDef *ip,
                        xmlNode *node, vrNetworkDHCPRange *range)
{
    memset(range, 0, sizeof(*range));
    if (vrNetworkRangeAddr(net_name, node, "start", &range->start) < 0 ||
        vrNetworkRangeAddr(net_name, node, "end", &range->end) < 0)
        return -1;
    if (vrNetAddrGetRange(&range->start, &range->end, &ip->address,
                          vrNetworkIPDefPrefix(ip)) < 0)
        return -1;
    if (vrNetworkLeaseParse(node, &range->lease) < 0)
        return -1;
    return 0;
}

/* mac, id and name of a <host>, as libvirt checks them. */
static int
vrNetworkHostIdentity(const char *net_name, const vrNetworkIPDef *ip,
                      xmlNode *node, vrNetworkDHCPHost *host)
{
    unsigned char mac[VR_MAC_BUFLEN];
    const char *bad;

    if ((host->mac = vrXMLProp(node, "mac"))) {
        if (ip->address.family == AF_INET6) {
            vrReportError(VIR_ERR_XML_ERROR,
                          "Invalid to specify MAC address '%s' in network '%s' IPv6 "
                          "static host definition", host->mac, net_name);
            return -1;
        }
        if (vrMacParse(host->mac, mac) < 0) {
            vrReportError(VIR_ERR_XML_ERROR, "Cannot parse MAC address '%s' in network '%s'",
                          host->mac, net_name);
            return -1;
        }
        if (mac[0] & 1) {
            vrReportError(VIR_ERR_XML_ERROR,
                          "expected unicast mac address, found multicast '%s' in "
                          "network '%s'", host->mac, net_name);
            return -1;
        }
    }
    if ((host->id = vrXMLProp(node, "id"))) {
        bad = host->id + strspn(host->id, "0123456789abcdefABCDEF:");
        if (*bad) {
            vrReportError(VIR_ERR_XML_ERROR, "Invalid character '%c' in id '%s' of network '%s'",
                          *bad, host->id, net_name);
            return -1;
        }
    }
    host->name = vrXMLProp(node, "name");
    if (host->name && !g_ascii_isalnum(host->name[0])) {
        vrReportError(VIR_ERR_XML_ERROR, "Cannot use host name '%s' in network '%s'",
                      host->name, net_name);
        return -1;
    }
    return 0;
}

/* The attributes a <host> needs: any one for a search (partial), else
 * libvirt's per-family requirements. */
static int
vrNetworkHostRequired(const char *net_name, const vrNetworkIPDef *ip,
                      const vrNetworkDHCPHost *host, bool has_ip, bool partial)
{
    if (partial) {
        if (!host->mac && !host->name && !has_ip) {
            vrReportError(VIR_ERR_XML_ERROR,
                          "At least one of name, mac, or ip attribute must be specified "
                          "for static host definition in network '%s' ", net_name);
            return -1;
        }
        return 0;
    }
    if (ip->address.family == AF_INET6) {
        if (!host->id && !host->name) {
            vrReportError(VIR_ERR_XML_ERROR,
                          "Static host definition in IPv6 network '%s' must have id or "
                          "name attribute", net_name);
            return -1;
        }
    } else if (!host->mac && !host->name) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "Static host definition in IPv4 network '%s' must have mac or "
                      "name attribute", net_name);
        return -1;
    }
    if (!has_ip) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "Missing IP address in static host definition for network '%s'",
                      net_name);
        return -1;
    }
    return 0;
}

int
vrNetworkDHCPHostParse(const char *net_name, const vrNetworkIPDef *ip,
                       xmlNode *node, vrNetworkDHCPHost *host, bool partial)
{
    g_autofree char *addr = NULL;

    memset(host, 0, sizeof(*host));
    if (vrNetworkHostIdentity(net_name, ip, node, host) < 0)
        goto error;
    addr = vrXMLProp(node, "ip");
    if (addr && vrNetAddrParse(addr, &host->ip) < 0) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "Invalid IP address in static host definition for network '%s'",
                      net_name);
        goto error;
    }
    if (vrNetworkHostRequired(net_name, ip, host, addr != NULL, partial) < 0 ||
        vrNetworkLeaseParse(node, &host->lease) < 0)
        goto error;
    return 0;
 error:
    vrNetworkDHCPHostClear(host);
    return -1;
}

/* ---- <dhcp>, <tftp> ---- */

static int
vrNetworkBootpParse(xmlNode *dhcp, vrNetworkIPDef *ip)
{
    xmlNode *bootp = vrXMLChild(dhcp, "bootp");
    g_autofree char *server = NULL;

    if (!bootp || ip->address.family != AF_INET)
        return 0;
    if (!(ip->bootfile = vrXMLProp(bootp, "file"))) {
        vrReportError(VIR_ERR_XML_ERROR,
                      "Missing required attribute 'file' in element 'bootp'");
        return -1;
    }
    server = vrXMLProp(bootp, "server");
    if (server && vrNetAddrParseReport(server, &ip->bootserver) < 0)
        return -1;
    return 0;
}

static int
vrNetworkDHCPParse(const char *net_name, xmlNode *dhcp, vrNetworkIPDef *ip)
{
    g_autoptr(GPtrArray) ranges = vrNetChildren(dhcp, "range");
    g_autoptr(GPtrArray) hosts = vrNetChildren(dhcp, "host");
    guint i;

    if (ranges->len + hosts->len > VR_NETWORK_LIST_MAX) {
        vrReportError(VIR_ERR_XML_ERROR, "network '%s' has more than %d dhcp entries",
                      net_name, VR_NETWORK_LIST_MAX);
        return -1;
    }
    for (i = 0; i < ranges->len; i++) {
        vrNetworkDHCPRange range;

        if (vrNetworkDHCPRangeParse(net_name, ip, g_ptr_array_index(ranges, i), &range) < 0)
            return -1;
        g_array_append_val(ip->ranges, range);
    }
    for (i = 0; i < hosts->len; i++) {
        vrNetworkDHCPHost host;

        if (vrNetworkDHCPHostParse(net_name, ip, g_ptr_array_index(hosts, i),
                                   &host, false) < 0)
            return -1;
        g_array_append_val(ip->hosts, host);
    }
    return vrNetworkBootpParse(dhcp, ip);
}

/* ---- <ip> ---- */

void
vrNetworkIPDefInit(vrNetworkIPDef *ip)
{
    memset(ip, 0, sizeof(*ip));
    ip->ranges = g_array_new(FALSE, TRUE, sizeof(vrNetworkDHCPRange));
    g_array_set_clear_func(ip->ranges, vrNetworkDHCPRangeClear);
    ip->hosts = g_array_new(FALSE, TRUE, sizeof(vrNetworkDHCPHost));
    g_array_set_clear_func(ip->hosts, vrNetworkDHCPHostClear);
}

void
vrNetworkIPDefClear(gpointer data)
{
    vrNetworkIPDef *ip = data;

    g_clear_pointer(&ip->family, g_free);
    g_clear_pointer(&ip->ranges, g_array_unref);
    g_clear_pointer(&ip->hosts, g_array_unref);
    g_clear_pointer(&ip->tftp_root, g_free);
    g_clear_pointer(&ip->bootfile, g_free);
}

/* The family rules for IPv4 (family absent or "ipv4"). */
static int
vrNetworkIPCheckV4(const char *net_name, const vrNetworkIPDef *ip,
                   const char *address, const char *netmask)
{
    if (ip->address.family != AF_INET) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "%s family specified for non-IPv4 address '%s' in network '%s'",
                      ip->family ? "ipv4" : "no", address, net_name);
        return -1;
    }
    if (netmask) {
        if (ip->netmask.family != AF_INET) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                          "Invalid netmask '%s' for address '%s' in network '%s' "
                          "(both must be IPv4)", netmask, address, net_name);
            return -1;
        }
        if (ip->prefix > 0) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                          "Network '%s' IP address cannot have both a prefix and a netmask",
                          net_name);
            return -1;
        }
    } else if (ip->prefix > VR_NET_V4_PREFIX_MAX) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "Invalid IPv4 prefix '%u' in network '%s'",
                      ip->prefix, net_name);
        return -1;
    }
    return 0;
}

static int
vrNetworkIPCheckFamily(const char *net_name, const vrNetworkIPDef *ip,
                       const char *address, const char *netmask)
{
    if (!ip->family || strcmp(ip->family, "ipv4") == 0)
        return vrNetworkIPCheckV4(net_name, ip, address, netmask);
    if (strcmp(ip->family, "ipv6") != 0) {
        vrReportError(VIR_ERR_XML_ERROR, "Unrecognized family '%s' in network '%s'",
                      ip->family, net_name);
        return -1;
    }
    if (ip->address.family != AF_INET6) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "Family 'ipv6' specified for non-IPv6 address '%s' in network '%s'",
                      address, net_name);
        return -1;
    }
    if (netmask) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                      "netmask not allowed for IPv6 address '%s' in network '%s'",
                      address, net_name);
        return -1;
    }
    if (ip->prefix > VR_NET_V6_PREFIX_MAX) {
        vrReportError(VIR_ERR_CONFIG_UNSUPPORTED, "Invalid IPv6 prefix '%u' in network '%s'",
                      ip->prefix, net_name);
        return -1;
    }
    return 0;
}

static int
vrNetworkIPParseAddresses(const char *net_name, xmlNode *node, vrNetworkIPDef *ip)
{
    g_autofree char *address = vrNetPropNonEmpty(node, "address");
    g_autofree char *netmask = NULL;

    ip->family = vrNetPropNonEmpty(node, "family");
    if (!address) {
        vrReportError(VIR_ERR_XML_ERROR, "Missing required address attribute in network '%s'",
                      net_name);
        return -1;
    }
    if (vrNetAddrParse(address, &ip->address) < 0) {
        vrReportError(VIR_ERR_XML_ERROR, "Invalid address '%s' in network '%s'",
                      address, net_name);
        return -1;
    }
    netmask = vrNetPropNonEmpty(node, "netmask");
    if (netmask && vrNetAddrParse(netmask, &ip->netmask) < 0) {
        vrReportError(VIR_ERR_XML_ERROR, "Invalid netmask '%s' in network '%s'",
                      netmask, net_name);
        return -1;
    }
    if (vrXMLPropUInt(node, "prefix", 10, VR_XML_PROP_NONE, &ip->prefix) < 0 ||
        vrNetPropTristate(node, "localPtr", &ip->local_ptr) < 0)
        return -1;
    return vrNetworkIPCheckFamily(net_name, ip, address, netmask);
}

int
vrNetworkIPDefParse(const char *net_name, xmlNode *node, vrNetworkIPDef *ip)
{
    xmlNode *dhcp;

    vrNetworkIPDefInit(ip);
    if (vrNetworkIPParseAddresses(net_name, node, ip) < 0)
        goto error;
    if ((dhcp = vrXMLChild(node, "dhcp")) && vrNetworkDHCPParse(net_name, dhcp, ip) < 0)
        goto error;
    if (vrXMLChild(node, "tftp")) {
        if (ip->address.family != AF_INET) {
            vrReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                          "Unsupported <tftp> element in an IPv6 element in network '%s'",
                          net_name);
            goto error;
        }
        ip->tftp_root = vrNetPropNonEmpty(vrXMLChild(node, "tftp"), "root");
    }
    return 0;
 error:
    vrNetworkIPDefClear(ip);
    return -1;
}

static void
vrNetworkAddrAttr(GString *buf, const char *name, const vrNetAddr *addr)
{
    char text[VR_NET_ADDR_STRLEN];

    if (vrNetAddrIsValid(addr))
        vrBufAttr(buf, name, vrNetAddrFormat(addr, text));
}

static void
vrNetworkDHCPFormat(GString *buf, const vrNetworkIPDef *ip, int level)
{
    guint i;

    vrBufIndent(buf, level);
    g_string_append(buf, "<dhcp>\n");
    for (i = 0; i < ip->ranges->len; i++) {
        const vrNetworkDHCPRange *range = &g_array_index(ip->ranges, vrNetworkDHCPRange, i);

        vrBufIndent(buf, level + 1);
        g_string_append(buf, "<range");
        vrNetworkAddrAttr(buf, "start", &range->start);
        vrNetworkAddrAttr(buf, "end", &range->end);
        vrNetworkLeaseFormat(buf, level + 1, "range", range->lease);
    }
    for (i = 0; i < ip->hosts->len; i++) {
        const vrNetworkDHCPHost *host = &g_array_index(ip->hosts, vrNetworkDHCPHost, i);

        vrBufIndent(buf, level + 1);
        g_string_append(buf, "<host");
        vrBufAttr(buf, "mac", host->mac);
        vrBufAttr(buf, "id", host->id);
        vrBufAttr(buf, "name", host->name);
        vrNetworkAddrAttr(buf, "ip", &host->ip);
        vrNetworkLeaseFormat(buf, level + 1, "host", host->lease);
    }
    if (ip->bootfile) {
        vrBufIndent(buf, level + 1);
        g_string_append(buf, "<bootp");
        vrBufAttr(buf, "file", ip->bootfile);
        vrNetworkAddrAttr(buf, "server", &ip->bootserver);
        g_string_append(buf, "/>\n");
    }
    vrBufIndent(buf, level);
    g_string_append(buf, "</dhcp>\n");
}

void
vrNetworkIPDefFormat(GString *buf, const vrNetworkIPDef *ip)
{
    vrBufIndent(buf, VR_IP_LEVEL);
    g_string_append(buf, "<ip");
    vrBufAttr(buf, "family", ip->family);
    vrNetworkAddrAttr(buf, "address", &ip->address);
    vrNetworkAddrAttr(buf, "netmask", &ip->netmask);
    if (ip->prefix > 0)
        vrBufPrintf(buf, " prefix='%u'", ip->prefix);
    if (ip->local_ptr)
        vrBufAttr(buf, "localPtr", vrTristateBoolToString(ip->local_ptr));
    g_string_append(buf, ">\n");
    if (ip->tftp_root) {
        vrBufIndent(buf, VR_IP_LEVEL + 1);
        g_string_append(buf, "<tftp");
        vrBufAttr(buf, "root", ip->tftp_root);
        g_string_append(buf, "/>\n");
    }
    if (ip->ranges->len || ip->hosts->len)
        vrNetworkDHCPFormat(buf, ip, VR_IP_LEVEL + 1);
    vrBufIndent(buf, VR_IP_LEVEL);
    g_string_append(buf, "</ip>\n");
}
